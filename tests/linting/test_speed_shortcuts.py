"""The lint stage's shortcuts must answer exactly as the searches they stand in for.

- NL403 counts a quotation's words with a split that stops at its minimum: too few exactly when the
  full split has too few; and tells a quotation ending like speech by its last characters, as the
  pattern it replaced did.
- NL301, which knows a paragraph whose quotation opens with a double mark holds one, must report what it
  reports scanning every paragraph with the slow searches.
- NL301 takes the sentences of a paragraph without an attribution as unattributed: an attribution in a
  sentence must be one in its paragraph.
- `checks.FIRST_PERSON`, its alternatives led by their letters, must match what the plain form matched.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

import notelint
from notelint.linting import checks
from notelint.linting.context import Context
from notelint.linting.rules import load_rules

SAID_TOKENS = ["said", "Said", "SAID", "saids", "unsaid", "said_", "_said", "said1", "²said", "saidé", "ésaid",
               "sai", "d", "s", "aid", "says", "told", "according", " to", "tells", "x", "é", "_", "1", "²",
               "\u0301", "-", "'", "’", " ", "\n", "“", "”", '"', "„", "«", "»", ".", ",", ":"]
NEIGHBOURS = ["", " ", "x", "X", "_", "1", "²", "é", "\u0301", "'", "’", "-", "“", "\n", "s", "d"]


def attribution_found(text: str, start: int, end: int) -> bool:
    return checks.ATTRIBUTION.search(text, start, end) is not None










# --- NL301 passes over paragraphs with "said" and no quotation mark before its voice scan ---------------
WIRE_PIECES = ["We will fight on.", "we know it", "Our sources", "told us", "you", "YOU", "I", "I’m", "my view",
               "Myself", "y’all", "?", "!", "said", "Said", "unsaid", "said_", "saids", "he said.", "officials said,",
               "according to", "a spokesman", "“We are here,” he said.", "“Our time”", "\"We", "”", "«nous»",
               "[0700 EST] -", "(Ed. note: we doubt it)", "World War I", "U.S. troops", "Militia attacks rose.",
               "in Baghdad", "é", "-", ",", ".", "\n"]


def voice_hits(text: str) -> list[tuple[int, int, str]]:
    rule = next(r for r in load_rules() if r.code == "NL301")
    ctx = Context(notelint.parse(text, path="voice.txt"))
    return [(h.start, h.end, h.message) for h in checks.editorial_voice(ctx, rule, dict(rule.options))]


def voice_hits_without_shortcuts(text: str, monkeypatch) -> list[tuple[int, int, str]]:
    """NL301 with every paragraph scanned: no quotation mark known from the quotations, the slow attribution
    search after."""
    with monkeypatch.context() as patched:
        patched.setattr(checks, "_opens_with_quote_mark", lambda text, block: False)
        patched.setattr(checks, "_has_attribution",
                        lambda text, start=0, end=None: attribution_found(text, start, len(text) if end is None else end))
        return voice_hits(text)


def news_article(paragraphs: list[list[str]]) -> str:
    body = "\n\n".join(" ".join(words) for words in paragraphs)
    return "Militia attacks rise in Iraq\n\nBAGHDAD (Reuters) - " + body + "\n"


@settings(max_examples=budget(400), deadline=None)
@given(st.lists(st.lists(st.sampled_from(WIRE_PIECES), min_size=1, max_size=12), min_size=1, max_size=5))
def test_editorial_voice_finds_what_it_finds_scanning_every_paragraph(paragraphs):
    text = news_article(paragraphs)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert voice_hits(text) == voice_hits_without_shortcuts(text, monkeypatch), text


def test_editorial_voice_finds_what_it_finds_scanning_every_paragraph_of_the_fixtures(corpus_text, monkeypatch):
    texts = [corpus_text, news_article([["We will fight on, he said."], ["We will fight on."],
                                        ["“Our time,” he said. You know it", "said"], ["Would you?", "unsaid"]])]
    texts += [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "wire").glob("*.txt"))]
    found = 0
    for text in texts:
        hits = voice_hits(text)
        assert hits == voice_hits_without_shortcuts(text, monkeypatch)
        found += len(hits)
    assert found  # the comparison saw findings, not only their absence


# --- NL403 counts a quotation's words only up to its minimum -------------------------------------------
@settings(max_examples=budget(2000), deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003xé.", max_size=30), st.integers(-2, 8))
def test_bounded_split_tells_too_few_words_as_the_full_split(text, min_words):
    # _unattributed: len(inner.split(None, min_words - 1)) < min_words  ==  len(inner.split()) < min_words
    assert (len(text.split(None, min_words - 1)) < min_words) == (len(text.split()) < min_words)


# --- NL301: no attribution in a paragraph, none in its sentences ---------------------------------------
SENTENCE_PIECES = ["He", "said", "read:", "reads:", "Read", "according", "to", "told", "U.S.", "Mr.", "Jan.", "No.",
                   "we", "?", "!", "…", ".", "...", ":", ",", "“", "”", '"', "'", "’", ")", "]", "(", "[", "1", "é",
                   " ", "  ", "\n", "x", "A", "Said", "said.", "told:", "statement"]


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), min_size=1, max_size=16), st.data())
def test_an_attribution_in_a_sentence_is_one_in_its_paragraph(pieces, data):
    # editorial_voice takes every sentence of a paragraph where find_attribution found none as unattributed.
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if attribution_found(text, start, end):
        return
    for s, e in checks.sentences(text, start, end):
        assert not attribution_found(text, s, e), (text, start, end, s, e)


@settings(max_examples=budget(3000), deadline=None)
@given(st.text(alphabet=".!?,…\"'”’“‘ax \n\t", max_size=12))
def test_quotation_ends_like_speech_as_the_pattern_said(text):
    inner = text.strip()  # _unattributed strips the quotation first
    assert checks._ends_like_speech(inner) == bool(re.search(r"[.!?,…][\"'”’]*$", inner)), inner


# --- FIRST_PERSON led by its letters ---------------------------------------------------------------------
# The plain form it replaced (the reference its matches must equal, spans and text, everywhere).
FIRST_PERSON_PLAIN = re.compile(
    r"(?:\bI\b(?!\.)(?!['’]?\s*[-–]\s*\d)|\b(?:I['’](?:m|d|ll|ve)|[Ww]e|[Ww]e['’](?:re|d|ll|ve)|"
    r"us|[Oo]ur|[Oo]urs|[Oo]urselves|[Mm]y|[Mm]e|[Mm]yself)\b)")
PERSON_TOKENS = ["I", "I.", "I-95", "I ’-5", "I’m", "I'd", "I’ll", "I've", "I’x", "we", "We", "WE", "wee", "we’re",
                 "We'd", "we’ll", "we've", "we’s", "us", "Us", "US", "use", "our", "Our", "ours", "Ours", "ourselves",
                 "Ourselves", "ourself", "four", "my", "My", "me", "Me", "myself", "Myself", "mys", "mew", "é", "²",
                 "_", "1", "5", "-", "–", "'", "’", " ", "\n", ".", "x", "\u0301"]


def person_matches(pattern, text: str, start: int, end: int):
    return [(m.span(), m.group()) for m in pattern.finditer(text, start, end)]


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(PERSON_TOKENS), min_size=1, max_size=12), st.data())
def test_first_person_led_by_letters_matches_as_the_plain_form(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert person_matches(checks.FIRST_PERSON, text, start, end) == person_matches(FIRST_PERSON_PLAIN, text, start, end)


def test_first_person_led_by_letters_on_every_token_between_neighbours_and_on_the_corpus(corpus_text):
    for token in PERSON_TOKENS:
        for left in NEIGHBOURS:
            for right in NEIGHBOURS:
                text = left + token + right
                for start in range(len(text) + 1):
                    assert person_matches(checks.FIRST_PERSON, text, start, len(text)) == \
                        person_matches(FIRST_PERSON_PLAIN, text, start, len(text)), (text, start)
    assert person_matches(checks.FIRST_PERSON, corpus_text, 0, len(corpus_text)) == \
        person_matches(FIRST_PERSON_PLAIN, corpus_text, 0, len(corpus_text))
    assert person_matches(FIRST_PERSON_PLAIN, corpus_text, 0, len(corpus_text))  # the corpus has some


# --- find_attribution's gap search tests the next character against every first letter at once ---------
def folded_forms(word: str) -> list[str]:
    """The word in its cases, and with its first letter in each form re.IGNORECASE folds to it (ſaid, İnterview)."""
    head = word[0]
    heads = {head.lower(), head.upper()} | {c for c in "İıſ\u212a" if re.fullmatch(head, c, re.IGNORECASE)}
    return [h + rest for h in heads for rest in (word[1:], word[1:].upper())]


def test_find_attribution_finds_every_word_in_every_form_after_every_gap():
    for word in checks.ATTRIBUTION_WORDS:
        for form in folded_forms(word):
            for before in ("", " ", "\n", "(", "“", "-", "x", "é", "_", "1"):
                for text in (before + form, f"a b {before}{form} c", f"{before}{form}x"):
                    found, expected = checks.find_attribution(text), checks.ATTRIBUTION.search(text)
                    assert (found and (found.span(), found.group())) == \
                        (expected and (expected.span(), expected.group())), text
