"""The bracket classifier's prefilters skip a search only when the pattern cannot match.

Each gate in brackets.py pairs a word-searching pattern with trigger words; the classifier runs the
pattern only when one of them is among the text's lower-cased letter runs. A gate that wrongly says "no"
would silently change a classification, so each is checked here against its own pattern on text built
from the pattern's own words (in any case, with the separators the patterns care about, and with the
characters that case-fold to ASCII letters).
"""
from __future__ import annotations

import re

import pytest
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


_ASIDE_START_WORDS = ["just", "and", "but", "so", "or", "maybe", "frankly", "of course", "full disclosure:", "well",
                      "*", "“", '"', "I", "I’m", "We", "we’ve", "it", "they", "mind you", "don’t", "let’s", "let us",
                      "think about", "look at", "never mind", "go figure", "talk about", "readily", "lets", "i"]


@settings(max_examples=budget(600), deadline=None)
@given(_texts(_pattern_words(b._ASIDE_IMPERATIVE_RE) + _pattern_words(b._ASIDE_SUBJECT_RE) + _ASIDE_START_WORDS))
def test_aside_start_gates(text):
    """is_parenthetical_aside matches these two at the aside's start only when their gate lets it: the
    writer as subject needs "i" or "we" among the letter runs, an imperative one of its verbs."""
    runs = b._letter_runs(text)
    if b._ASIDE_SUBJECT_RE.match(text):
        assert b._may_match(runs, b._FIRST_PERSON_SUBJECT_TRIGGERS), text
    if b._ASIDE_IMPERATIVE_RE.match(text):
        assert b._may_match(runs, b._ASIDE_IMPERATIVE_TRIGGERS), text


def test_aside_imperative_gate_holds_each_verb():
    for word in _pattern_words(b._ASIDE_IMPERATIVE_RE):
        for text in (word + " it", f"  {word.upper()} about it", f"*just {word.capitalize()}’s"):
            if b._ASIDE_IMPERATIVE_RE.match(text):
                assert b._may_match(b._letter_runs(text), b._ASIDE_IMPERATIVE_TRIGGERS), text


def test_a_correction_notice_compiles_no_voice_pattern():
    """A parenthesis with none of the voice words (a wire correction notice) is settled without the person,
    sarcasm, phrase and imperative searches: its classification does not compile them."""
    inner = "This version of the story corrects paragraph 8 to show the vote was held on Tuesday"
    voice = (b._ASIDE_SUBJECT_RE, b._FIRST_PERSON_SUBJECT_RE, b._FIRST_PERSON_RE, b._POINTER_RE,
             b._SECOND_PERSON_SUBJECT_RE, b._SECOND_PERSON_RE, b._SARCASM_RE, b._ARGUING_RE, b._PLACEHOLDER_RE, b._PHRASE_RE,
             b._ASIDE_IMPERATIVE_RE)
    names = [name for name, value in vars(b).items() if any(value is p for p in voice)]
    saved = {name: getattr(b, name) for name in names}
    fresh = {name: b.LazyPattern(*saved[name]._compile_args) for name in names}  # not yet compiled
    try:
        for name, pattern in fresh.items():
            setattr(b, name, pattern)
        assert b._may_be_aside(inner)
        assert b.is_parenthetical_aside(inner, "The vote passed. ", "") is False
        assert len(fresh) == len(voice)
        assert all("search" not in vars(p) and "match" not in vars(p) for p in fresh.values())
    finally:
        for name, pattern in saved.items():
            setattr(b, name, pattern)


@pytest.mark.parametrize("sample", ["whoa", "wow!", "ahem", "sigh", "wink", "LOL", "oops", "ugh", "duh", "yikes!", "sheesh",
                                    "hmmm", "alas", "gulp", "d’oh", "shudder", "natch", "yawn", "go figure", "imagine that",
                                    "who knew", "as if", "eye roll", "eye-roll", "facepalm", "face-palm", "SMH", "sure, Jan",
                                    "whatever that means", "good luck with that", "what could possibly go wrong?",
                                    "nice try", "how convenient", "yeah, right", "you don’t say", "surprise, surprise",
                                    "big surprise", "what a coincidence", "shocker", "sure they did", "Hahaha!",
                                    "sort of", "kind of", "supposedly", "slow clap", "golf clap", "crickets",
                                    "drumroll", "drum roll", "sad trombone", "mic drop",
                                    "headdesk", "shocked face", "cough, cough"])
def test_the_interjections_first_words_hold_each_alternative(sample):
    """_is_interjection asks for the first word (and _any_interjection the first letter) before the pattern:
    each interjection the pattern takes whole passes both."""
    assert b._BRACKET_INTERJECTION_RE.fullmatch(sample)
    assert b._is_interjection(sample)
    assert b._any_interjection(f"({sample})", [0])


_SPACES = [" ", "  ", "\n", "\t", "\r", "\u00a0", " *", "*"]


@settings(max_examples=budget(600), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_pattern_words(b._EXCLAMATIVE_RE)
                                          + _pattern_words(b._RETORT_RE) + ["generous", "stadiums", "convenient,"]),
                          st.sampled_from(_SPACES + [", ", ". ", "? "])), min_size=1, max_size=6).map(
    lambda pieces: "".join(w + s for w, s in pieces)), st.sampled_from(["", " ", "*", "\n", "\t*"]))
def test_the_first_word_gates_never_skip_a_match(text, lead):
    """_is_exclamative and the retort tests ask the first word before their patterns; a tab, a line break
    or an asterisk after it (hard-wrapped or marked-up text) must not close a gate the pattern passes."""
    inner = lead + text
    if b._EXCLAMATIVE_RE.match(inner):
        assert b._is_exclamative(inner, whole=False), inner
    m = b._RETORT_RE.match(inner)
    if m and not any(adverb in inner for adverb in b._GENERALISING_ADVERBS):
        assert b._first_word(inner) in b._RETORT_FIRST_WORDS, inner


@pytest.mark.parametrize("aside", ["(how\ngenerous of them)", "(how\tconvenient)", "(what\na shame)",
                                   "(as\nthey always do)", "(convenient,\nthat)"])
def test_an_exclamative_wrapped_after_its_first_word_is_still_one(aside):
    assert b.is_parenthetical_aside(aside[1:-1], "The council voted itself a raise ", ".")


def test_may_be_aside_lets_through_every_word_an_aside_search_needs():
    """_may_be_aside turns a parenthesis away when none of _ASIDE_TRIGGERS is among its letter runs; every
    trigger word of the searches is_parenthetical_aside makes must be one of them, or the search is never
    reached. (A retort's first word lets it through on its own.)"""
    searched = (b._ASIDE_IMPERATIVE_TRIGGERS | b._VOCATIVE_TRIGGERS | b._FIRST_PERSON_SUBJECT_TRIGGERS
                | b._FIRST_PERSON_TRIGGERS | b._SECOND_PERSON_TRIGGERS | b._SARCASM_TRIGGERS | b._ARGUING_TRIGGERS
                | b._PHRASE_TRIGGERS | b._EVALUATIVE_TRIGGERS | b._PLACEHOLDER_TRIGGERS | b._ATTITUDE_ENDING_TRIGGERS
                | b._EXCLAMATIVE_FIRST_WORDS)
    assert searched - b._ASIDE_TRIGGERS == {"as"}  # "as" needs "do", "does" or "did" after it
    assert b._may_be_aside("they were") and b._may_be_aside("It is.") and not b._may_be_aside("R-Texas")
