"""A block whose marks are all curly double marks where their glyphs say (most edited copy) is read in one
pass, straight to spans (_Builder._curly_quote_spans): the same quotations, strays and open quotations as
canonical, scan_paragraph and _node_span make of it, and nothing made when a mark is anything else."""
from __future__ import annotations

from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import document, quotemarks, scan
from notelint.parsing.quotemarks import canonical, curly_in_place
from notelint.reading.source import plain_source

# Marks in and out of place (after a word, after white space, after an opening bracket or dash, doubled),
# words, and the characters that take a block off this reading: straight and single marks, brackets.
_PIECES = ["“", "”", " “", "” ", "word", " ", "\n", "(", "—", ",", ".", "”,", "“”", '"', "‘", "’", "[", "]"]
# Marks in place, as most blocks hold them: nesting deep and closing with a word before each.
_IN_PLACE = [" “", " “w", "w”", "w”,", " w”", "w ”"]


def _tree(span) -> tuple:
    return (span.kind, span.start, span.end, dict(span.attrs), tuple(_tree(c) for c in span.children))


def _long_way(builder: document._Builder, start: int, end: int, marks: list[int]) -> list:
    """The spans as _inline_spans made them before: roles, the scan's nodes, then _node_span."""
    chunk = builder.text[start:end]
    roles, role_marks = canonical(chunk, [pos - start for pos in marks], False)
    nodes = scan.scan_paragraph(roles, role_marks, False) if role_marks else []
    if nodes and nodes[-1].kind == scan.QUOTE and not nodes[-1].closed:
        nodes = document._end_at_reopening(nodes, roles, chunk)
    return [span for node in nodes if (span := builder._node_span(node, start, chunk, False)) is not None]


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.sampled_from(_IN_PLACE), max_size=40), st.integers(0, 3))
@example([" “w"] * 18 + ["w”"] * 20, 0)  # deeper than MAX_DEPTH: the marks past it are text
@example(["”", " ", "“", "word", "”", " ", "”"], 0)  # strays before and after a quotation
@example(["“", "word", " “", "word"], 1)  # two left open, nested: reported innermost first
@example(["“", "word", ".", " “w", "w”", " said."], 0)  # left open, another opening a sentence inside it
def test_curly_marks_read_in_one_pass_as_the_long_way(pieces, lead):
    text = "x " * lead + "".join(pieces)
    start, end = 2 * lead, len(text)
    marks = [i for i in document.mark_positions(text, document._DOUBLES_AND_BRACKETS) if i >= start]
    if not marks or "‘" in text[start:] or "’" in text[start:]:
        return  # singles are read the long way (the builder passes only blocks without them here)
    fast, slow = (document._Builder(plain_source(text), document.ParseOptions()) for _ in range(2))
    spans = fast._curly_quote_spans(start, end, marks)
    in_place = curly_in_place(text[start:end], [pos - start for pos in marks]) and all(
        text[pos] in "“”" for pos in marks)
    if spans is None:
        assert not fast.problems and not fast._open_quotes  # nothing made
        if in_place:
            # Left to the long way: a quotation left open that another reopened, opening a sentence, inside it.
            assert any(q.attrs.get("closed") is False for q in _long_way(slow, start, end, marks)) or slow._open_quotes
            assert any(text[pos] == "“" and document._opens_sentence(text, pos, start) for pos in marks)
        return
    assert in_place
    expected = _long_way(slow, start, end, marks)
    assert [_tree(s) for s in spans] == [_tree(s) for s in expected]
    assert [(p.code, p.start, p.end, p.message) for p in fast.problems] == \
        [(p.code, p.start, p.end, p.message) for p in slow.problems]
    assert [q.start for q in fast._open_quotes] == [q.start for q in slow._open_quotes]


def test_a_block_of_curly_quotations_parses_to_its_quotations_and_strays():
    text = "Headline\n\nLead.\n\nShe said “it is “fine” now” and ” left “open"
    doc = document.parse_text(text)
    quotes = [c for c in doc.spans[-1].children if c.kind == "quote"]
    outer, stray, unclosed = text.find("“it"), text.find("” left"), text.find("“open")
    assert [(q.start, q.end, q.attrs.get("closed")) for q in quotes] == [
        (outer, text.find(" and") , True), (unclosed, len(text), False)]
    assert [(c.start, c.end) for c in quotes[0].children] == [(text.find("“fine"), text.find(" now"))]
    assert [(p.code, p.start) for p in doc.problems] == [("NL401", stray), ("NL401", unclosed)]


def _primary_style_by_counting(text: str, start: int, end: int, default: str) -> str:
    """primary_style as first written: every single and double mark counted with str.count."""
    singles = text.count("'", start, end) + text.count("‘", start, end)
    if not singles and default == quotemarks.DOUBLE:
        return quotemarks.DOUBLE
    doubles = text.count("“", start, end)
    if text.find('"', start, end) != -1:
        doubles += len(quotemarks._DOUBLE_OPENING.findall(text, start, end))
    if singles and singles >= doubles:
        singles = len(quotemarks._SINGLE_OPENING.findall(text, start, end))
        if doubles <= singles <= 2 * doubles and doubles:
            # Near even: the first opening mark of each line, counted by kind, decides.
            tally = {"s": 0, "d": 0}
            for line in text[start:end].split("\n"):
                found = [(m.start(), "s") for m in [quotemarks._SINGLE_OPENING.search(line)] if m]
                found += [(m.start(), "d") for m in [quotemarks._DOUBLE_OPENING.search(line)] if m]
                found += [(line.find("“"), "d")] if "“" in line else []
                if found:
                    tally[min(found)[1]] += 1
            if tally["s"] > tally["d"]:
                return quotemarks.SINGLE
    if singles == doubles == 0:
        return default
    return quotemarks.SINGLE if singles > 2 * doubles else quotemarks.DOUBLE


# Openings and closings of both kinds, apostrophes, elisions and words, so that either kind may outnumber.
_STYLE_PIECES = [" '", "' ", "'", " ‘", "’ ", "‘", " “", "” ", " \"", "\" ", "don't", "'em", "word", " ", "\n"]


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(_STYLE_PIECES), max_size=40), st.integers(0, 30), st.integers(0, 30),
       st.sampled_from([quotemarks.DOUBLE, quotemarks.SINGLE]))
@example([" '", "word", "' "] * 3 + [" “", "word", "” "], 0, 0, quotemarks.DOUBLE)  # singles outnumber: the closer look
@example([" “", "word", "” "], 0, 0, quotemarks.SINGLE)  # no single mark, a single default
@example([" '", "word", " “", "word", "” ", "' ", "\n", " '", "word", "' "], 0, 0, quotemarks.DOUBLE)  # near even
def test_primary_style_counts_only_as_far_as_it_decides(pieces, cut_start, cut_end, default):
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert quotemarks.primary_style(text, start, end, default) == _primary_style_by_counting(text, start, end, default)
