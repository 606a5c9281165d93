"""The rules' quick paths must decide exactly as the slower searches they stand in front of.

- NL301's `VOICE_QUICK` must match in every stretch of text where `VOICE_PREFILTER` matches (it only
  decides whether the prefilter is asked at all), whatever the neighbours and the search bounds.
- `ATTRIBUTION`, built as a trie of case-free letter classes, must find exactly what the plain
  case-insensitive alternation of the same words finds.
"""
from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint import checks

VOICE_TOKENS = ["I", "I'm", "I’d", "we", "We", "WE", "us", "US", "Us", "our", "Our", "OUR", "ours", "Ours",
                "ourselves", "Ourselves", "four", "hour", "me", "Me", "My", "my", "myself", "Myself", "mys",
                "you", "YOU", "yOu", "Yours", "young", "y'all", "Y’ALL", "y", "Y", "?", "!", "it", "In", "use",
                "mew", "yes", "were", "members", "é", "²", "_", "1", "-", "'", "’", " ", "\n", "[", "“", "."]
NEIGHBOURS = ["", " ", "x", "X", "_", "'", "’", "-", "1", "²", "é", "?", "\n", "o", "O", "y", "Y", "s"]


def quick_finds_whatever_the_prefilter_finds(text: str, start: int, end: int) -> bool:
    return not checks.VOICE_PREFILTER.search(text, start, end) or bool(checks.VOICE_QUICK.search(text, start, end))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(VOICE_TOKENS), min_size=1, max_size=12), st.data())
def test_voice_quick_filter_passes_whatever_the_prefilter_passes(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quick_finds_whatever_the_prefilter_finds(text, start, end), (text, start, end)


def test_voice_quick_filter_on_every_token_between_every_pair_of_neighbours_and_bounds():
    for token in VOICE_TOKENS:
        for left in NEIGHBOURS:
            for right in NEIGHBOURS:
                text = left + token + right
                for start in range(len(text) + 1):
                    for end in range(start, len(text) + 1):
                        assert quick_finds_whatever_the_prefilter_finds(text, start, end), (text, start, end)


def test_voice_quick_filter_on_wire_like_text():
    text = ("BAGHDAD (Reuters) - Militia attacks on U.S. bases rose this week, officials said. We all know who "
            "is behind them! Would you? Our sources, four of them, told us; my view: myself, Myself and I’d "
            "say y’all, YOU and yOur members were there. “We will fight,” he said. Ourselves. I-95, World War I.")
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 40) + 1):
            assert quick_finds_whatever_the_prefilter_finds(text, start, end), (start, end)


# --- ATTRIBUTION as a trie --------------------------------------------------------------------------
# The alternation it replaced, case-insensitive (the reference the trie must agree with everywhere).
ATTRIBUTION_ALTERNATION = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|stated|states|added|adds|explained|recounted|recalled|"
    r"wrote|writes|tweeted|posted|asked|asks|insisted|noted|warned|argued|claimed|acknowledged|announced|"
    r"declared|testified|quoted|quoting|cited|citing|spokesm[ae]n|spokeswom[ae]n|spokesperson|"
    r"statement|interview|replied|responded\s+that|continued|saying|shouted|shouting|yelled|chanted|"
    r"chanting|tweeting|wrote|read:|reads:|notified|urged|pleaded|recalls|recalled)\b",
    re.IGNORECASE)
ATTRIBUTION_TOKENS = ["said", "SAID", "ſaid", "Says", "sayings", "say", "told", "tellS", "according", "to",
                      "TO", "spokesman", "spokeswomen", "SPOKESPERSON", "statement", "statements", "read:",
                      "reads:", "READ", ":", "responded", "that", "İnsisted", "ınterview", "acKnowledged",
                      "acKnowledged", "recalled", "recalls", "wrote", "unsaid", "é", "_", "1", "-", "'", "’",
                      " ", "  ", "\n", "\t", "“", ".", "x"]


def attribution_matches(pattern, text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    return [(m.span(), m.group()) for m in pattern.finditer(text, start, end)]


def test_letter_classes_hold_exactly_what_ignorecase_matches():
    folding = {}  # every code point that some ASCII letter matches case-insensitively
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if re.fullmatch("[a-z]", char, re.IGNORECASE):
            folding[char] = [letter for letter in string.ascii_lowercase if re.fullmatch(letter, char, re.IGNORECASE)]
    for letter in string.ascii_lowercase:
        expected = {char for char, letters in folding.items() if letter in letters}
        assert set(checks._letter_class(letter)[1:-1]) == expected, letter


def test_attribution_trie_matches_every_word_in_any_case():
    for word in checks.ATTRIBUTION_WORDS:
        for variant in (word, word.upper(), word.title(), word.swapcase(), word.replace(" ", " \n\t ")):
            for text in (variant, f"x {variant} y", f"“{variant}”", f"{variant}x", f"x{variant}"):
                assert attribution_matches(checks.ATTRIBUTION, text) == \
                    attribution_matches(ATTRIBUTION_ALTERNATION, text), text


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTION_TOKENS), min_size=1, max_size=12), st.data())
def test_attribution_trie_finds_what_the_alternation_finds(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert attribution_matches(checks.ATTRIBUTION, text, start, end) == \
        attribution_matches(ATTRIBUTION_ALTERNATION, text, start, end)
    found = checks.ATTRIBUTION.search(text, start, end)
    expected = ATTRIBUTION_ALTERNATION.search(text, start, end)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))
