"""The parser's plain-`re` prefilters never hide a match of the `regex` patterns they stand before, and
what attribution reads off a prefilter's match instead of running the pattern is what the pattern gives.

A prefilter is a necessary condition: where it fails, the pattern it guards cannot match, so the pattern
is not run. Each is checked three ways: the character classes it relies on against every code point
(re and regex disagree on \\s, \\w and case folding for some), generated text built from the words and
characters that decide it, and the corpus.
"""
from __future__ import annotations

import re
import string

import regex
from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import attribution

# The reference (every _BEFORE match scanned, the last kept) and the shortcut, as the equivalence tests use them.
from test_speed_equivalence import _last_before, _last_before_by_scanning_all

_VERB_LETTERS = sorted(set(attribution.SPEECH_VERBS) - {"|"})


def test_re_ignorecase_matches_each_verb_letter_wherever_regex_ignorecase_does():
    # _VERB_AFTER's verbs are matched by re under (?i:), the after-patterns' by regex.IGNORECASE.
    any_letter = regex.compile("[a-z]", regex.I)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.match(char):
            for letter in _VERB_LETTERS:
                if regex.fullmatch(letter, char, regex.I):
                    assert re.fullmatch(letter, char, re.I), (hex(code), letter)
    assert re.fullmatch(r"(?i:s)", "\u017f") and re.fullmatch(r"(?i:k)", "\u212a")  # ſ and the Kelvin sign


def test_re_white_space_holds_regex_white_space_and_any_word_holds_their_word_characters():
    # _VERB_AFTER reads regex's [\s,]* run as re's [\s,]*+, each word of the after-patterns as _ANY_WORD and
    # their verb's end as no ASCII word character next: the same runs end at the same places.
    regex_space = regex.compile(r"\s")
    regex_word_char = regex.compile(r"[\w’'.-]")
    re_space = re.compile(r"\s")
    any_word = re.compile(attribution._ANY_WORD)
    for code in range(0x110000):
        char = chr(code)
        if regex_space.match(char):
            assert re_space.match(char) and not any_word.match(char) and char not in ",", hex(code)
        if regex_word_char.match(char):
            assert any_word.match(char) and not re_space.match(char) and char != ",", hex(code)
    for char in string.ascii_letters + string.digits + "_":
        assert regex.match(r"\w", char)
    assert not any(re_space.match(c) or c == "," for c in string.ascii_letters + "\u0130\u212a\u017f")


def _assert_verb_after_holds_the_after_patterns(text, pos, block_end):
    """Where _VERB_FIRST or _SPEAKER_FIRST matches from pos as attribute tries them (in the sentence, by
    _match_in_sentence, or to the block's end), _VERB_AFTER matches to the block's end; where _VERB_FIRST
    does, with no words before the verb."""
    gate = attribution._VERB_AFTER.match(text, pos, block_end)
    for pattern in (attribution._VERB_FIRST, attribution._SPEAKER_FIRST):
        if pattern.match(text, pos, block_end) or attribution._match_in_sentence(pattern, text, pos, block_end):
            assert gate is not None, (pattern.pattern[:20], text, pos, block_end)
            if pattern is attribution._VERB_FIRST:
                assert gate.group("words") == "", (text, pos, block_end)


# Speech verbs in every case and with the letters that fold to ASCII ones (ſ, K, İ), words of the after
# patterns' characters and others (², a combining mark, ZWJ), stop words, and the separators between.
_AFTER_WORDS = ["said", "SAID", "Said", "ſaid", "ſAİD", "told", "asKed", "asked", "İnsisted", "insisted", "quipped",
                "he", "she", "Mr.", "U.S.", "O’Brien", "X-said", "x²", "é", "e\u0301", "a\u200db", "in", "that", "on",
                "the", "1", "”", "“", ",", ", ", ".", "!", "?", ";", ":", "(", ")", '"', "\n", "\t", "  ", "\u00a0", "\x1c",
                "\u2003", "saidx", "said_", "said1", "saidé", "saying", "Said.", "said!", "U.S.", "Inc."]


@settings(max_examples=budget(800), deadline=None)
@given(st.lists(st.sampled_from(_AFTER_WORDS), max_size=14), st.sampled_from([" ", "", "\t", " \t"]), st.data())
def test_verb_after_holds_every_after_pattern_match(words, gap, data):
    text = gap.join(words)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    _assert_verb_after_holds_the_after_patterns(text, pos, end)


def test_verb_after_holds_every_after_pattern_match_on_the_corpus(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        for pos in range(len(paragraph) + 1):
            _assert_verb_after_holds_the_after_patterns(paragraph, pos, len(paragraph))


def test_verb_after_on_the_attributions_it_must_let_through():
    text = "“Yes,” said Michael Knights. “No,” he said. “Maybe” one leader recounted. “So,” SAID Jones."
    for pos in (m.end() for m in re.finditer("”", text)):
        assert attribution._VERB_AFTER.match(text, pos, len(text)), text[pos:]
    assert attribution._VERB_AFTER.match(text, text.index("” said") + 1, len(text)).group("words") == ""
    assert attribution._VERB_AFTER.match(" ticket. If you think Crooked Hillary said", 0).group("words") != ""
    assert attribution._VERB_AFTER.match(" ticket. If you think Crooked Hillary and Kaine said", 0) is None
    assert attribution._VERB_AFTER.match(" ticket. “If Hillary said", 0) is None  # no word of theirs holds “
    assert attribution._VERB_AFTER.match(" ticket, saying so", 0) is None


def _attribution_after_by_the_patterns(text, pos, block_end):
    """What attribute took from after a quotation before _VERB_AFTER: each pattern in the sentence."""
    for pattern in (attribution._VERB_FIRST, attribution._SPEAKER_FIRST):
        match = attribution._match_in_sentence(pattern, text, pos, block_end)
        if match and attribution.accepts_after(match.group("speaker"), match.group("verb"),
                                               verb_first=pattern is attribution._VERB_FIRST):
            return attribution._trim(match.group("speaker")), match.group("verb")
    return None


def _assert_attribution_after_as_by_the_patterns(text, pos, block_end):
    verb_after = attribution._VERB_AFTER.match(text, pos, block_end)
    found = attribution._attribution_after(text, pos, block_end, verb_after) if verb_after else None
    assert found == _attribution_after_by_the_patterns(text, pos, block_end), (text, pos, block_end)


# Plain ASCII attributions, which _attribution_after reads off _VERB_AFTER's match, and the characters that
# send it to the patterns: non-ASCII letters and spaces, ’, ".", "\x1c", a digit first, a non-ASCII next.
_ATTRIBUTION_AFTER_WORDS = ["said", "Said", "SAID", "ſaid", "says", "told", "asKed", "İnsisted", "he", "she", "Jones",
                            "Mr.", "O'Brien", "O’Brien", "1st", "2", "_x", "a-b", "x²", "é", "\u00a0", "\u2003",
                            "\x1c", ",", ", ", ".", "!", "?", "”", "—", "saidé", "said—", "said.", "said,", "said_",
                            "in", "the", "\n", "\t", "  "]


@settings(max_examples=budget(1500), deadline=None)
@given(st.lists(st.sampled_from(_ATTRIBUTION_AFTER_WORDS), max_size=12), st.sampled_from([" ", "", "\t"]), st.data())
def test_attribution_after_is_the_patterns_one(words, gap, data):
    text = gap.join(words)
    pos = data.draw(st.integers(0, len(text)))
    _assert_attribution_after_as_by_the_patterns(text, pos, data.draw(st.integers(pos, len(text))))


def test_attribution_after_is_the_patterns_one_on_the_corpus(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        for pos in range(len(paragraph) + 1):
            _assert_attribution_after_as_by_the_patterns(paragraph, pos, len(paragraph))


def test_attribution_after_on_plain_and_other_attributions():
    for text, expected in [("” he said.", ("he", "said")), ("”, Jones told reporters", ("Jones", "told")),
                           ("” one leader RECOUNTED", ("one leader", "RECOUNTED")), ("” 2 men said", None),
                           ("” O’Brien said", ("O’Brien", "said")), ("” Mr. Jones said", ("Mr. Jones", "said")),
                           ("” he saidé", None), ("”\x1c he said", None), ("”\u2003\xa0, he said", ("he", "said")),
                           # letters regex.IGNORECASE folds to ASCII ones: the long s, the Kelvin sign
                           ("”, \u017faid Jones", ("Jones", "\u017faid")), ("” she as\u212aed", ("she", "as\u212aed"))]:
        _assert_attribution_after_as_by_the_patterns(text, 1, len(text))
        verb_after = attribution._VERB_AFTER.match(text, 1, len(text))
        assert (attribution._attribution_after(text, 1, len(text), verb_after) if verb_after else None) == expected


# Text with starts inside words (\b reads the character before the start), and characters that re and regex
# read differently as word characters.
_ASCII_BEFORE_WORDS = ["He", "he", "She", "I", "It", "they", "we", "Jones", "Joseph", "O'Brien", "X-Men", "said",
                       "told", "says", "tells", "quipped", "according to", "officials", "the", "aides", "_", "1",
                       "A1", ",", ".", ";", "(", "\n", "\t", "é", "’", "x", "²", "\u0301", "\u200d"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_ASCII_BEFORE_WORDS), max_size=14), st.sampled_from([" ", "\t", ""]), st.data())
def test_before_matches_finds_the_last_match_of_all(words, gap, data):
    text = gap.join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _last_before(text, start, end) == _last_before_by_scanning_all(text, start, end)


def test_before_matches_reads_the_character_before_the_start():
    # A combining mark and ² next to a speaker's name: the match's \b reads the character before the start.
    for text in ("xHe said", "He said", "_Jones told", "-Jones told", "aides said", "1It says", "e\u0301He said",
                 "x²Jones told"):
        for start in range(len(text)):
            assert _last_before(text, start, len(text)) == _last_before_by_scanning_all(text, start, len(text)), (text, start)
