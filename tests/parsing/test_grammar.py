"""The paragraph grammar (pyparsing) and its fast path (scan.py) read the same format.

Differential tests: the grammar reading a paragraph's whole text, the grammar reading its mark skeleton
(what the parser uses, cached by skeleton) and the scanner give identical trees on real paragraphs, on
20,000+ fuzzed strings and on generated ones in both quotation styles.
Property tests: on any text at all, parsing terminates, never raises, and top-level spans tile the text.
"""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import notelint
from fuzzing import budget
from notelint.parsing import grammar
from notelint.parsing.grammar import parse_paragraph, parse_text, skeleton_tree
from notelint.parsing.scan import MAX_DEPTH, mark_positions, scan_paragraph, settled_by_rule


def trees(text: str, singles_at_top: bool = False):
    """The grammar's tree and the scanner's; the grammar's read from the skeleton is checked against the
    grammar reading the text on the way."""
    by_skeleton = [n.as_tuple() for n in parse_paragraph(text, singles_at_top)]
    assert by_skeleton == [n.as_tuple() for n in parse_text(text, singles_at_top)], repr(text)
    return by_skeleton, [n.as_tuple() for n in scan_paragraph(text, None, singles_at_top)]


def test_grammar_and_fast_path_agree_on_the_corpus_paragraphs(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        by_grammar, by_scan = trees(paragraph)
        assert by_grammar == by_scan, paragraph


def test_grammar_and_fast_path_agree_on_fuzzed_strings():
    rng = random.Random(20_000)
    alphabets = ['ab [\t]“”"’\'\n', '[[[]]“”"a', "word “quote” [note] don’t ’90s"]
    for i in range(budget(21_000)):
        alphabet = alphabets[i % len(alphabets)]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        by_grammar, by_scan = trees(text)
        assert by_grammar == by_scan, repr(text)


def test_the_scare_quote_is_a_child_of_the_insertion(corpus_doc, corpus_text):
    insertion = corpus_doc.spans_of("insertion")[0]
    assert [corpus_text[c.start:c.end] for c in insertion.children] == ["“response”"]
    assert insertion.children[0].kind == "quote"


def test_quote_marks_inside_a_bracket_inside_a_quote():
    # QuotedString would stop at the inner mark; the grammar scopes quotes inside brackets.
    text = '"He [said "no"] left," the aide said.'
    (quote,) = parse_paragraph(text)
    assert (quote.start, quote.end, quote.closed) == (0, 22, True)
    (bracket,) = quote.children
    assert text[bracket.start:bracket.end] == '[said "no"]'
    assert text[bracket.children[0].start:bracket.children[0].end] == '"no"'


def test_closing_single_marks_with_nothing_to_close_are_text():
    # Apostrophes reach the grammar as text (quotemarks.canonical); a ’ role with no single quotation
    # open closes nothing either, and draws no stray.
    text = "“other things are ’don’t ask, don’t tell,” he said of Iran’s ’90s policy and the Joneses’ house."
    (quote,) = parse_paragraph(text)
    assert text[quote.start:quote.end] == "“other things are ’don’t ask, don’t tell,”"
    assert quote.children == []


def test_unclosed_bracket_runs_to_the_paragraph_end():
    text = "Officials said [this is nonsense and everyone knows it. The talks go on."
    (bracket,) = parse_paragraph(text)
    assert (bracket.start, bracket.end, bracket.closed) == (15, len(text), False)


def test_nesting_past_max_depth_is_text_not_recursion():
    text = "[" * 10_000 + "x" + "]" * 10_000
    nodes = parse_paragraph(text)
    depth, node = 1, nodes[0]
    while node.children and node.children[0].kind == "bracket":
        node, depth = node.children[0], depth + 1
    assert depth == MAX_DEPTH
    assert trees(text)[0] == trees(text)[1]


WIRE_SENTENCES = st.sampled_from([
    "The coalition has formally ended combat operations in Iraq.",
    "Only 2,500 U.S. troops remain, officials said.",
    "Iran’s influence has frayed since last year.",
    "Ghaani did not reprimand the militia groups.",
    "The talks resumed in Vienna on Monday, according to diplomats.",
])
QUOTED = st.sampled_from(["Maintain calm", "Iran isn’t the way it used to be", "We will respond, and soon",
                          "other things are ’don’t ask, don’t tell"])
NOTES = st.sampled_from(["it can’t be a “response” when the US started this war",
                         "you would think they would", "Ed.: the talks collapsed"])
QUOTE_MARKS = st.sampled_from([("“", "”"), ('"', '"')])


@st.composite
def built_paragraph(draw):
    """A paragraph assembled from known pieces, with the pieces' expected (kind, text) in order."""
    pieces, text = [], ""
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 3))
        if text:
            text += " "
        if choice == 0:
            sentence = draw(WIRE_SENTENCES)
            text += sentence
        elif choice == 1:
            open_, close = draw(QUOTE_MARKS)
            quote = f"{open_}{draw(QUOTED)},{close}"
            pieces.append(("quote", quote, []))
            text += quote + " he said."
        elif choice == 2:
            note = f"[{draw(NOTES)}]"
            inner = [("quote", "“response”")] if "“response”" in note else []
            pieces.append(("bracket", note, inner))
            text += note
        else:  # an insertion inside a quotation
            open_, close = draw(QUOTE_MARKS)
            note = "[you would think they would]"
            quote = f"{open_}{draw(QUOTED)} {note} today,{close}"
            pieces.append(("quote", quote, [("bracket", note)]))
            text += quote + " said the envoy."
    return text, pieces


@settings(max_examples=budget(300), suppress_health_check=[HealthCheck.too_slow])
@given(built_paragraph())
def test_built_paragraphs_parse_back_into_their_pieces(case):
    text, pieces = case
    for nodes in (parse_paragraph(text), scan_paragraph(text)):
        got = [(n.kind, text[n.start:n.end], [(c.kind, text[c.start:c.end]) for c in n.children]) for n in nodes]
        assert got == [(k, t, list(inner)) for k, t, inner in pieces]
        assert all(n.closed for n in nodes)


@settings(max_examples=budget(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list('ab .,[]“”"’\'\n\r\t():1') + ["\n\n", "Source: AP", "1. Ann says", "Ed.:"]),
                max_size=120).map("".join))
def test_any_text_parses_and_top_level_spans_tile_it(text):
    doc = notelint.parse(text)
    pos = 0
    for span in doc.spans:
        assert span.start == pos and span.end > span.start
        pos = span.end
    assert pos == len(text)
    for span in doc.walk():  # children stay inside their parent, in order, without overlap
        last = span.start
        for child in span.children:
            assert span.start <= last <= child.start <= child.end <= span.end
            last = child.end
    assert trees(text.replace("\n", " "))[0] == trees(text.replace("\n", " "))[1]


@settings(max_examples=budget(200))
@given(st.text(max_size=200))
@example("\ufeff")
def test_any_unicode_text_never_raises(text):
    doc = notelint.parse(text)
    # A leading byte-order mark is not text (offsets are counted after it, as when a file is decoded).
    assert doc.text == text.removeprefix("\ufeff")
    assert sum(s.end - s.start for s in doc.spans) == len(doc.text)


def span_tree(doc):
    return [(s.kind, s.start, s.end, sorted(s.attrs.items()), span_tree_children(s)) for s in doc.spans]


def span_tree_children(span):
    return [(c.kind, c.start, c.end, sorted(c.attrs.items()), span_tree_children(c)) for c in span.children]


def test_documents_read_with_the_fast_path_equal_the_grammar_alone(corpus_text):
    from notelint.parsing.document import build_document
    from notelint.reading.source import plain_source

    rng = random.Random(7)
    pieces = ["The envoy met them.", "“Calm,” he said.", '"No," she said.', "[you would think so]",
              "“He [Ghaani] left [sic],”", "[it can’t be a “response”]", "]", "“", "\n\n", "\n", "Source: AP"]
    texts = [corpus_text] + [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(2_000)]
    for text in texts:
        fast = build_document(plain_source(text))
        slow = build_document(plain_source(text), fast_path=False)
        assert span_tree(fast) == span_tree(slow), text
        assert [(p.code, p.start) for p in fast.problems] == [(p.code, p.start) for p in slow.problems]


# -- the grammar reads mark skeletons --------------------------------------------------------------------

# Role strings (what quotemarks.canonical hands the structure): words, white space and tabs, apostrophes
# that are text, and the seven role marks.
ROLE_PIECES = st.sampled_from(["“", "”", '"', "‘", "’", "[", "]", "the envoy", " ", "\t", "said.", "Iran’s",
                               "'", "(AP)", "\n"])
OPENERS = st.sampled_from(["“", '"', "‘", "["])
CLOSERS = st.sampled_from(["”", '"', "’", "]"])


@settings(max_examples=budget(1_500), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(ROLE_PIECES, max_size=40).map("".join), st.booleans())
def test_grammar_on_skeletons_equals_grammar_on_text_and_the_scanner(text, singles_at_top):
    by_grammar, by_scan = trees(text, singles_at_top)
    assert by_grammar == by_scan


@settings(max_examples=budget(600), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(MAX_DEPTH - 2, MAX_DEPTH + 2).flatmap(lambda depth: st.lists(OPENERS, min_size=depth,
                                                                                  max_size=depth)),
       st.lists(CLOSERS, max_size=MAX_DEPTH + 3), st.lists(ROLE_PIECES, max_size=6), st.booleans())
def test_the_readings_agree_at_the_depth_limit(openers, closers, tail, singles_at_top):
    # Nesting at, just under and just past MAX_DEPTH, closed in any order or not at all, then more text:
    # past the limit an opening mark is text in all three readings.
    text = "The minister " + " a ".join(openers) + " word " + " ".join(closers) + "".join(tail)
    by_grammar, by_scan = trees(text, singles_at_top)
    assert by_grammar == by_scan


def depth(nodes) -> int:
    return max((1 + depth(n[4]) for n in nodes), default=0)


@settings(max_examples=budget(400), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(["“", "‘", "[", "talks", " ", "Iran's", "\t"]), max_size=50).map("".join),
       st.booleans())
def test_unclosed_constructs_end_where_the_paragraph_ends(text, singles_at_top):
    # Only opening marks (a straight " may close, so none here; an apostrophe is plain ' in roles):
    # every construct runs to the paragraph's end, unclosed, and nesting stops at MAX_DEPTH.
    by_grammar, by_scan = trees(text, singles_at_top)
    assert by_grammar == by_scan
    assert depth(by_grammar) <= MAX_DEPTH
    stack = list(by_grammar)
    while stack:
        kind, start, end, closed, children = stack.pop()
        assert (end, closed) == (len(text), False)
        stack.extend(children)


# Paragraphs of the shapes republished copy has: insertions holding scare quotes, quotations holding
# insertions, quotations ending inner ones, unclosed brackets and strays.
REAL_LOOKING = [
    "“We will not leave [Iraq] until the government asks us to,” the general said on Tuesday.",
    "The militia called the strike a “response” [it can’t be a “response” when the US started this war].",
    "“They told us ‘Maintain calm’ and left [the envoy “did not reprimand” anyone],” one official said.",
    "The ministry said the drones were “a message [from Tehran,” a spokesman added, without saying more.",
    "Kataib Hezbollah [sic] denied it. “Nobody fired [any rockets ] at the embassy,” it said. ] Source: AP",
    "Washington has “no intention [of withdrawing] from Iraq” [editor’s note: it said so in 2011 too].",
    "“He said ‘we will respond, and soon,” according to the statement, which gave no date.",
    "[With the US bombing some factions and bribing others, you would think they would.]",
]


@pytest.mark.parametrize("singles_at_top", [False, True])
@pytest.mark.parametrize("paragraph", REAL_LOOKING)
def test_real_looking_paragraphs_read_alike_by_skeleton_text_and_scanner(paragraph, singles_at_top):
    by_grammar, by_scan = trees(paragraph, singles_at_top)
    assert by_grammar == by_scan


def test_a_scare_quote_in_an_insertion_maps_back_to_its_words():
    text = REAL_LOOKING[1]
    (quote, insertion) = parse_paragraph(text)
    assert text[quote.start:quote.end] == "“response”"
    assert text[insertion.start:insertion.end] == ("[it can’t be a “response” when the US started this war]")
    (scare,) = insertion.children
    assert (text[scare.start:scare.end], scare.closed) == ("“response”", True)


def test_an_unclosed_quotation_ends_at_the_mark_that_ended_it():
    # ‘ opens inside the quotation; the outer ” ends both, the inner one unclosed at that mark.
    text = REAL_LOOKING[6]
    (outer,) = parse_paragraph(text)
    (inner,) = outer.children
    assert text[outer.start:outer.end] == "“He said ‘we will respond, and soon,”"
    assert (inner.end, inner.closed) == (text.index("”"), False)
    # A bracket opened inside a quotation scopes the ” after it: with no quotation open inside the
    # bracket, that mark is a stray, and the bracket and the quotation run on to the paragraph's end.
    text = REAL_LOOKING[3]
    (outer,) = parse_paragraph(text)
    (bracket,) = outer.children
    (stray,) = bracket.children
    assert (outer.end, outer.closed, bracket.end, bracket.closed) == (len(text), False, len(text), False)
    assert (stray.kind, stray.start, stray.end) == ("stray_quote", text.index("”"), text.index("”") + 1)


def test_strays_are_their_one_mark():
    text = REAL_LOOKING[4]
    by_grammar = parse_paragraph(text)
    strays = [n for n in by_grammar if n.kind == "stray_bracket"]
    assert [(text[n.start:n.end], n.start) for n in strays] == [("]", text.rindex("]"))]


def test_paragraphs_of_one_shape_are_parsed_once_and_placed_at_their_own_offsets(monkeypatch):
    calls = []
    real_parse = grammar._parse
    monkeypatch.setattr(grammar, "_parse", lambda text, singles: calls.append(text) or real_parse(text, singles))
    skeleton_tree.cache_clear()
    first = "“Calm [the talks “go on”] now,” he said."
    second = "Officials said “the envoy [who arrived “on Monday”] will stay for weeks,” in a statement."
    for text in (first, second):
        (quote,) = parse_paragraph(text)
        (bracket,) = quote.children
        (inner,) = bracket.children
        assert (quote.start, quote.end) == (text.index("“"), text.rindex("”") + 1)
        assert (bracket.start, bracket.end) == (text.index("["), text.index("]") + 1)
        assert text[inner.start:inner.end] in ("“go on”", "“on Monday”")
    assert calls == ["“[“”]”"]  # one parse, of the shape both paragraphs share


def test_a_region_is_read_in_place_with_the_offsets_of_the_whole_text():
    # The document builder reads one construct of a paragraph by handing over its marks and its end.
    text = "The envoy left. “We back [the bank “and its governor”] fully,” the minister said [sic."
    start, end = text.index("“"), text.index(" the minister")
    region = [pos for pos in mark_positions(text) if start <= pos < end]
    (in_place,) = parse_paragraph(text, False, region, end)
    (sliced,) = parse_paragraph(text[start:end])
    assert in_place.as_tuple() == shifted(sliced, start).as_tuple()


def shifted(node, offset):
    node.start += offset
    node.end += offset
    for child in node.children:
        shifted(child, offset)
    return node


def test_marks_between_letters_stay_text_when_the_grammar_re_reads_a_quotation():
    # “…a‘b … c’d…”: single marks between letters are no structure (quotemarks.canonical does not report
    # them), whether or not a nested bracket sends the quotation to the grammar. The grammar once re-read
    # the quotation's text and took them for a single quotation.
    nested = "Body one.\n\n“He [said “no”] to a‘b and c’d today,” she said.\n"
    flat = nested.replace("[said “no”]", "[said no]")
    for text, expected in ((nested, ["“He [said “no”] to a‘b and c’d today,”", "“no”"]),
                           (flat, ["“He [said no] to a‘b and c’d today,”"])):
        assert [text[s.start:s.end] for s in notelint.parse(text).spans_of("quote")] == expected


# Which bracket constructs the parser hands the grammar: those whose reading took a resolution rule.
@pytest.mark.parametrize("paragraph, singles_at_top, by_rule", [
    ("The bank responded [it can’t be a “response” when it started this] with a cut.", False, False),
    ("“We back [the governor, who said “hold” twice] fully,” the minister said.", False, False),
    ("‘We back [the governor, who said ‘hold’ twice] fully,’ the minister said.", True, False),
    ("“They said [the talks were] over", False, False),  # runs to the paragraph's end, as the quotation does
    ("The bank responded [it called this a “response] with a cut.", False, True),  # ] ends the quotation
    ("“We back [the governor] fully,] the minister said.”", False, True),  # a stray bracket in the quotation
    ("‘We back [the governor] fully,” the minister said.", True, True),  # a single quotation closed by ”
    ("“They said ‘we back [the governor] fully,” the minister said.", False, True),  # ” ends the ‘ too
])
def test_a_construct_goes_to_the_grammar_only_when_a_resolution_rule_read_it(paragraph, singles_at_top, by_rule):
    (construct,) = [n for n in scan_paragraph(paragraph, None, singles_at_top) if "[" in paragraph[n.start:n.end]]
    assert settled_by_rule(construct, paragraph) is by_rule
    by_grammar = parse_paragraph(paragraph, singles_at_top)
    assert [n.as_tuple() for n in by_grammar if n.start == construct.start] == [construct.as_tuple()]


def _nested(depth: int):
    """Role strings in which every mark meets its own partner: words, quotations and brackets nested (an
    apostrophe is a plain ' in roles: canonical has told it from a closing single mark)."""
    words = st.sampled_from(["the envoy", " ", "said", "Iran's", "\t", "(AP)"])
    if depth == 0:
        return words
    inner = st.lists(_nested(depth - 1), max_size=4).map("".join)
    return st.one_of(words, inner.map(lambda s: f"[{s}]"), inner.map(lambda s: f"“{s}”"),
                     inner.map(lambda s: f"“x ‘{s}’ y”"))


@settings(max_examples=budget(800), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_nested(4), min_size=1, max_size=5).map("".join), st.integers(0, 10**6),
       st.sampled_from(["]", "”", "’", ""]))
def test_well_nested_constructs_stay_with_the_scanner_and_a_mark_closing_through_goes_to_the_grammar(
        text, at, extra):
    for node in scan_paragraph(text):
        assert not settled_by_rule(node, text), text
    # One closing mark dropped in somewhere: whatever it does, the grammar and the scanner agree, and a
    # construct the scanner kept reads as the grammar reads it.
    at = at % (len(text) + 1)
    text = text[:at] + extra + text[at:]
    by_scan = scan_paragraph(text)
    for node in by_scan:
        if node.kind in ("quote", "bracket") and not settled_by_rule(node, text):
            region = [p for p in mark_positions(text) if node.start <= p < node.end]
            assert [n.as_tuple() for n in parse_paragraph(text, False, region, node.end)] == [node.as_tuple()]


def test_a_parenthesis_of_white_space_inside_a_quotation_parses():
    # Hypothesis found "“(\t\n)": a tab opens it, as an interjection's first letter may, and nothing follows.
    doc = notelint.parse("“(\t\n)")
    assert doc.spans[0].start == 0 and doc.spans[-1].end == len("“(\t\n)")
