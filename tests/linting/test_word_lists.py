"""Word lists are matched by looking words up (patterns.WordList), not by compiling their alternation:
the matches must be exactly those of the alternation (patterns.compile_word_list), whatever the entries,
the text around them and the bounds searched."""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget
from notelint.linting import patterns, rules
from notelint.linting.patterns import WordList, compile_word_list, find_words

ENTRIES = ["war", "war criminal*", "war on *", "warm", "Warlord", "thug*", "THUGGISH", "so-called", "so much",
           "it's", "isn’t", "don't care", "yeah, right", "ultra-*", "far-left", "at all", "kill", "ski", "i",
           "in", "a", "ab*", "abc", "read:", "9/11", "x y z", "ſki", "éclat", "naïve", "'tis", "a  b",
           "\u212aelvin", "de\tfacto", "café au lait", "won’t*", "lol", " padded ", "mob", "mob*"]
TOKENS = ["war", "WAR", "Wär", "on", "ON", "criminal", "criminals", "warm", "warlord", "thug", "thugs", "ſki",
          "\u212aill", "\u212aelvin", "İn", "ın", "ı", "İ", "so", "called", "much", "it", "'s", "’s", "isn't", "isn’t",
          "don", "care", "yeah", ",", "right", "ultra", "left", "far", "at", "all", "say", "a", "ab", "abc",
          "abcd", "b", "read", ":", "9", "/", "11", "x", "y", "z", "de", "facto", "café", "au", "lait", "won", "t",
          "lol", "mob", "mobs", "é", "naïve", "éclat", "tis", "_", "1", "-", "'", "’", " ", "  ", "\t", "\n",
          "\u00a0", "“", ".", "-x", "-1"]


def finds(pattern_or_list, text, pos=0, endpos=None):
    endpos = len(text) if endpos is None else endpos
    return [(m.start(), m.end(), m.group()) for m in pattern_or_list.finditer(text, pos, endpos)]


@settings(max_examples=budget(4000), deadline=None)
@given(st.lists(st.sampled_from(ENTRIES), min_size=1, max_size=8),
       st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16), st.data())
def test_looked_up_word_lists_find_what_their_alternation_finds(entries, tokens, data):
    text = "".join(tokens)
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    assert finds(WordList(entries), text, pos, endpos) == finds(compile_word_list(entries), text, pos, endpos), \
        (entries, text, pos, endpos)


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.lists(st.sampled_from(ENTRIES), min_size=1, max_size=5), min_size=1, max_size=4),
       st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16))
def test_one_pass_for_several_lists_finds_what_each_list_finds(lists, tokens):
    text = "".join(tokens)
    word_lists = [WordList(entries) for entries in lists]
    found = [(index, m.start(), m.end()) for index, m in find_words(word_lists, text)]
    expected = [(index, m.start(), m.end()) for index, entries in enumerate(lists)
                for m in compile_word_list(entries).finditer(text)]
    assert found == expected


def test_lists_of_plain_entries_are_looked_up_and_others_keep_their_alternation():
    # The Kelvin sign is the k that re.IGNORECASE makes of it, and folded to k in the text as well.
    assert WordList(["thug*", "so-called", "war on *", "it's", "yeah, right", "\u212aelvin"]).fallback is None
    for entries in (["ſki"], ["éclat"], ["'tis"], ["naïve"], ["_x", "é"]):
        assert WordList(entries).fallback is not None, entries


def test_the_letters_folded_are_those_re_ignorecase_matches_with_ascii_letters():
    # Every code point: fold_word may map a character to an ASCII letter or digit only where re.IGNORECASE
    # lets that letter match it.
    any_ascii_word_char = re.compile("[a-z0-9_]", re.IGNORECASE).fullmatch
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = patterns.fold_word(char)
        if char.isascii():
            assert folded == char.lower()
        elif any_ascii_word_char(char):
            matched = [c for c in "abcdefghijklmnopqrstuvwxyz0123456789_" if re.fullmatch(c, char, re.IGNORECASE)]
            assert matched == [folded], (char, folded, matched)
        else:
            assert not folded.isascii(), (char, folded)


def test_shipped_lexicons_looked_up_find_what_they_found_on_commentary():
    text = ("The regime's THUGS [Ed.: so-called “reformers”, yeah,  right] are at it yet again; it   seems the "
            "war on\tdrugs is a sham. Don’t care? The ultra-rich couldn't care less, we all know. "
            "Far-left and far-lefty bloggers knock  it off. ſham, İnsane, \u212anown liars. Thug's lies-x.")
    lexicons = {lexicon.name: lexicon for rule in rules.load_rules() for lexicon in rule.lexicons}
    assert lexicons
    for lexicon in lexicons.values():
        assert lexicon.matcher.fallback is None, lexicon.name
        words = " ; ".join(lexicon.words)
        for sample in (text, text.upper(), words, words.upper(), words.title()):
            assert finds(lexicon.matcher, sample) == finds(lexicon.compiled, sample), lexicon.name


def test_linting_commentary_compiles_no_word_list():
    # The design this file checks the matches of: a run that lints insertions and a standfirst against
    # every shipped list looks words up and builds no list's alternation.
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source

    text = ("Port Strike Widens\n\nThe union bosses were told to knock it off. They don't care.\n\n"
            "ROTTERDAM (Reuters) — Dock workers extended their strike on Monday, the port authority said.\n\n"
            "Talks resumed in the afternoon. [The regime is bribing its puppets, of course.]\n\n"
            "Shipping lines diverted vessels to Antwerp, officials said.\n")
    settings = load_settings(".", {"isolated": True})
    lexicons = [lexicon for rule in rules.load_rules(settings.extend) for lexicon in rule.lexicons]
    for lexicon in lexicons:  # forget an alternation another test may have compiled
        vars(lexicon).pop("compiled", None)
    findings = lint_source(text, settings)
    assert {f.code for f in findings} >= {"NL202", "NL302"}
    assert any("“bribing”" in f.message for f in findings if f.code == "NL202")
    assert any("matcher" in vars(lexicon) for lexicon in lexicons)
    assert not any("compiled" in vars(lexicon) for lexicon in lexicons)
