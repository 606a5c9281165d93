"""The parser's speed shortcuts give exactly what the plain searches they replace would.

Each shortcut is compared with the straightforward search on generated text built from the characters
and words that decide it (sentence ends, abbreviations, closers, speech verbs, quote and bracket marks).
"""
from __future__ import annotations

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import attribution
from notelint.parsing.document import _positions_in
from notelint.parsing.model import Span
from notelint.parsing.scan import MARKS, mark_positions, scan_paragraph

_SENTENCE_PIECES = [".", "!", "?", "”", '"', "’", ")", " ", " ", "\n", "\t", "\u00a0", "a", "A", "U.S.", "Mr", "Dr.",
                    "No", "etc", "Inc.", "é", "1", "“", "Co", "vs", "word"]


def _forward_sentence_start(text: str, block_start: int, pos: int) -> int:
    """The definition: the end of the last sentence end in the 400 characters before `pos`."""
    window = max(block_start, pos - 400)
    start = window
    for match in attribution.SENTENCE_END.finditer(text, window, pos):
        start = match.end()
    return start


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=120).map("".join), st.integers(0, 20))
def test_backward_sentence_start_equals_the_forward_scan(text, block_start):
    block_start = min(block_start, len(text))
    for pos in range(block_start, len(text) + 1):
        assert attribution._sentence_start(text, block_start, pos) == _forward_sentence_start(text, block_start, pos)


def test_backward_sentence_start_finds_the_last_sentence_end():
    text = "He left. U.S. officials said so! “Why?” she asked. Then"
    assert attribution._sentence_start(text, 0, len(text)) == text.index("Then")
    assert attribution._sentence_start(text, 0, text.index("she")) == text.index("she")
    assert attribution._sentence_start(text, 0, text.index("officials")) == text.index("U.S.")


_ATTRIBUTION_WORDS = ["he", "She", "I", "officials", "The", "Ministry", "said", "says", "SAID", "Said", "told",
                      "according to", "according", "to", "saying", "in", "that", ",", ".", "?", "\n", "Knights",
                      "said,", "said.", "said_", "saidé", "ſaid", "x", "café", "“", "”"]


def _reference_attribute(quote: Span, text: str, block_start: int, block_end: int) -> None:
    """attribute() without the verb shortcut: the earlier-in-sentence search always runs."""
    after_end = attribution._sentence_end(text, quote.end, block_end)
    inner_last = text[quote.end - 2:quote.end - 1] if quote.end - quote.start > 1 else ""
    if inner_last != "." and (quote.attrs.get("closed") or text[quote.end - 1:quote.end] == ","):
        for pattern in (attribution._VERB_FIRST, attribution._SPEAKER_FIRST):
            match = pattern.match(text, quote.end, after_end)
            if match and attribution.accepts_after(match.group("speaker"), match.group("verb"),
                                                   verb_first=pattern is attribution._VERB_FIRST):
                quote.attrs["speaker"] = attribution._trim(match.group("speaker"))
                quote.attrs["verb"] = match.group("verb")
                return
    start = _forward_sentence_start(text, block_start, quote.start)
    best = None
    for match in attribution._BEFORE.finditer(text, start, quote.start):
        best = match
    found = attribution.before_attribution(best) if best is not None else None
    # The determiner's phrase before the sentence's last speech verb, as attribute() reads it (the walk
    # itself is the definition; the shortcut under test is how the verbs and matches are found).
    last_verb = None
    for last_verb in attribution._SPACED_VERB.finditer(text, start, quote.start):
        pass
    if last_verb is not None and (found is None or best.end() != last_verb.end()):
        found = attribution._determiner_before(text, start, last_verb) or found
    if found is None and ":" in text[max(0, quote.start - attribution._LABEL_GAP - 1):quote.start]:
        found = attribution._labelled(text, quote.start)
    if found is not None:
        quote.attrs["speaker"], quote.attrs["verb"] = found


@settings(max_examples=budget(500), deadline=None)
@given(st.lists(st.sampled_from(_ATTRIBUTION_WORDS), max_size=14),
       st.lists(st.sampled_from(_ATTRIBUTION_WORDS), max_size=4),
       st.lists(st.sampled_from(_ATTRIBUTION_WORDS), max_size=10),
       st.sampled_from(["”", ",”", "?”", ".”", ""]), st.sampled_from([" ", "", ", ", "\t"]))
def test_attribution_shortcut_changes_nothing(before, inside, after, close, gap):
    prefix = " ".join(before) + gap
    quote_text = "“" + " ".join(inside) + close
    text = prefix + quote_text + gap + " ".join(after)
    start, end = len(prefix), len(prefix) + len(quote_text)
    fast = Span("quote", start, end, attrs={"closed": close.endswith("”")})
    slow = Span("quote", start, end, attrs={"closed": close.endswith("”")})
    attribution.attribute(fast, text, 0, len(text))
    _reference_attribute(slow, text, 0, len(text))
    assert fast.attrs == slow.attrs


@settings(max_examples=budget(300), deadline=None)
@given(st.text(alphabet="ab“”\"[]()’港 \n", max_size=30), st.data())
def test_a_blocks_share_of_the_documents_marks_is_what_the_mark_regex_finds(text, data):
    # The builder finds the marks once per document and hands each block its share: a block without
    # any skips the scanner, and the scanner reads the block's marks from that share.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    share = _positions_in(mark_positions(text), start, end)
    assert share == [m.start() for m in MARKS.finditer(text, start, end)]
    block = text[start:end]
    assert ([n.as_tuple() for n in scan_paragraph(block, [pos - start for pos in share])]
            == [n.as_tuple() for n in scan_paragraph(block)])


def test_a_determiners_phrase_needs_a_whole_speech_verb():
    # Found by the property above: "said_" is no speech verb, so "The officials" is no speaker.
    for word in ("said_", "saidé", "said\u0301", "said"):
        text = f"The officials {word} “”"
        quote = Span("quote", text.index("“"), len(text), attrs={"closed": True})
        attribution.attribute(quote, text, 0, len(text))
        assert ("speaker" in quote.attrs) is (word == "said"), word
