"""The bracket classifier's prefilters skip a search only when the pattern cannot match.

Each gate in brackets.py pairs a word-searching pattern with trigger words; the classifier runs the
pattern only when one of them is among the text's lower-cased letter runs. A gate that wrongly says "no"
would silently change a classification, so each is checked here against its own pattern on text built
from the pattern's own words (in any case, with the separators the patterns care about, and with the
characters that case-fold to ASCII letters).
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import brackets as b

_SEPARATORS = [" ", "  ", "\n", "\t", ", ", ". ", ": ", "; ", "-", "’", "'", "?", "!", "", "/", "(", "[", "é", "_", "2"]
_EXTRA = ["I", "I’m", "we’re", "don’t", "can't", "isn’t", "it’s", "so-called", "really", "yeah", "ſ", "K", "İ", "ı",
          "café", "港", "“", "”", '"', "‘", "''", "Ed", "ed", "eds", "ED", "Ed.", "3rd", "http://x.org/a", "www.x.org"]


def _pattern_words(pattern: re.Pattern[str]) -> list[str]:
    source = re.sub(r"\\[A-Za-z]", " ", pattern.pattern)  # \b, \s, \w are not words
    return sorted(set(re.findall(r"[A-Za-z]+", source))) + _EXTRA


def _texts(words: list[str]):
    cased = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w.lower()]))
    piece = st.tuples(cased, st.sampled_from(_SEPARATORS)).map("".join)
    return st.lists(piece, min_size=1, max_size=12).map("".join)


def _check_gate(pattern, triggers, text):
    if pattern.search(text):
        assert b._may_match(b._letter_runs(text), triggers), (pattern.pattern[:60], text)


_ALL_WORDS = sorted({w for pattern, _ in b._GATES for w in _pattern_words(pattern)}
                    | set(_pattern_words(b._STAGE_WORDS_RE)) | set(_pattern_words(b._ANNOTATION_RE))
                    | set(b._EVALUATIVE_WORDS))


def test_every_gate_passes_text_its_pattern_matches():
    """A direct check of each gate on the pattern's own phrases, in three cases."""
    for pattern, triggers in b._GATES:
        for word in _pattern_words(pattern):
            for text in (word, f"x {word} y", f"{word.upper()}: it", f"— {word.capitalize()}’s"):
                _check_gate(pattern, triggers, text)


@settings(max_examples=budget(800), deadline=None)
@given(st.sampled_from(range(len(b._GATES))).flatmap(
    lambda i: st.tuples(st.just(i), _texts(_pattern_words(b._GATES[i][0])))))
def test_word_gates_never_skip_a_match(case):
    index, text = case
    pattern, triggers = b._GATES[index]
    _check_gate(pattern, triggers, text)


@settings(max_examples=budget(300), deadline=None)
@given(_texts(_pattern_words(b._STAGE_WORDS_RE)))
def test_stage_direction_gate(text):
    _check_gate(b._STAGE_WORDS_RE, b._STAGE_TRIGGERS, text)


@settings(max_examples=budget(300), deadline=None)
@given(_texts(_pattern_words(b._ANNOTATION_RE)))
def test_annotation_gate(text):
    if b._ANNOTATION_RE.search(text):
        runs = b._letter_runs(text)
        first = b._LETTER_RUN_RE.search(text.lower())
        assert b._may_annotate(runs, first.group() if first else ""), text


@settings(max_examples=budget(300), deadline=None)
@given(_texts(sorted(b._EVALUATIVE_WORDS) + _EXTRA))
def test_evaluative_count_gate(text):
    """With its gates, the count equals a plain token-by-token count."""
    count = len(b._EVALUATIVE_PHRASE_RE.findall(text))
    for m in b._TOKEN_RE.finditer(text):
        token = m.group().rstrip("’'")
        lower = token.lower()
        if lower not in b._EVALUATIVE_WORDS:
            continue
        if lower == "really" and not b._FOLLOWED_BY_QUESTION_RE.match(text, m.start() + len(token)):
            continue
        if token[0].islower() or b._SENTENCE_START_RE.search(text, 0, m.start()):
            count += 1
    assert b._count_evaluative(text, b._letter_runs(text)) == count


@settings(max_examples=budget(300), deadline=None)
@given(_texts(["Ed", "ed", "eds", "ED", "Eds", "the", "report", "3rd", "new", "rev", "—", "-", "~", "/", ".", "!",
               ")", "]", "x"]))
def test_signature_and_character_gates(text):
    if b._SIGNATURE_RE.search(text[-b._SIGNATURE_TAIL:]):
        assert b._may_sign(text[-b._SIGNATURE_TAIL:]), text
    if b._NESTED_QUOTE_RE.search(text) or b._SCARE_QUOTE_RE.search(text):
        assert b._has_quote_char(text), text
    if b._URL_IN_TEXT_RE.search(text):
        assert b._has_url_start(text), text


@settings(max_examples=budget(300), deadline=None)
@given(_texts(["a", "b", "x", "object", "Obj", "f", "&amp;", "&quot;", "&#39;", "\\n", "||", "&&", "{", "}", "==",
               "!=", "=>", "//", ".", "(", ")", ";", "m.get(", "quot"]))
def test_code_gate(text):
    if b._CODE_RE.search(text):
        assert b._CODE_CHAR_RE.search(text) or text.startswith("object"), text


def test_letter_runs_refuse_case_fold_oddities():
    """Characters that match ASCII letters under IGNORECASE turn the gates off (every pattern runs)."""
    for odd in "\u017f\u212a\u0130\u0131\u00df":
        assert b._letter_runs(f"we sa{odd}d") is None
    assert b._letter_runs("I don’t KNOW") == {"i", "don", "t", "know", "n't"}
