"""The lint stage's shortcuts must answer exactly as the searches they stand in for.

- `checks.has_attribution` (a whole-word "said" found by str.find, else find_attribution) must say whether
  `ATTRIBUTION` matches in a bounded stretch of text, whatever the neighbours of "said" and the bounds.
- `checks._quote_mark_in` (one str.find per mark) must say whether `QUOTE_MARK` matches there.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint import checks

SAID_TOKENS = ["said", "Said", "SAID", "saids", "unsaid", "said_", "_said", "said1", "²said", "saidé", "ésaid",
               "sai", "d", "s", "aid", "says", "told", "according", " to", "tells", "x", "é", "_", "1", "²",
               "\u0301", "-", "'", "’", " ", "\n", "“", "”", '"', "„", "«", "»", ".", ",", ":"]
NEIGHBOURS = ["", " ", "x", "X", "_", "1", "²", "é", "\u0301", "'", "’", "-", "“", "\n", "s", "d"]


def attribution_found(text: str, start: int, end: int) -> bool:
    return checks.ATTRIBUTION.search(text, start, end) is not None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SAID_TOKENS), min_size=1, max_size=10), st.data())
def test_has_attribution_answers_as_the_attribution_search(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert checks.has_attribution(text, start, end) == attribution_found(text, start, end), (text, start, end)


def test_has_attribution_on_said_between_every_pair_of_neighbours_and_bounds():
    for word in ("said", "SAID", "Said", "saids", "unsaid"):
        for left in NEIGHBOURS:
            for right in NEIGHBOURS:
                text = left + word + right
                for start in range(len(text) + 1):
                    for end in range(start, len(text) + 1):
                        assert checks.has_attribution(text, start, end) == attribution_found(text, start, end), \
                            (text, start, end)
    assert checks.has_attribution("he said") and checks.has_attribution("he said", 3)


def test_has_attribution_on_every_sentence_and_paragraph_of_the_corpus(corpus_text):
    paragraphs = [p for p in corpus_text.split("\n") if p.strip()]
    assert any("said" in p for p in paragraphs) and any("said" not in p for p in paragraphs)
    for paragraph in paragraphs:
        text = "Intro.\n" + paragraph + "\nOutro said."
        start, end = 7, 7 + len(paragraph)
        assert checks.has_attribution(text, start, end) == attribution_found(text, start, end), paragraph
        for s, e in checks.sentences(text, start, end):
            assert checks.has_attribution(text, s, e) == attribution_found(text, s, e), text[s:e]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SAID_TOKENS), min_size=0, max_size=10), st.data())
def test_quote_mark_in_answers_as_the_quote_mark_search(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert checks._quote_mark_in(text, start, end) == (checks.QUOTE_MARK.search(text, start, end) is not None)
