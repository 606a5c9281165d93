"""The rules' quick paths must decide exactly as the slower searches they stand in front of.

- NL301's `VOICE_QUICK` must match in every stretch of text where `VOICE_PREFILTER` matches (it only
  decides whether the prefilter is asked at all), whatever the neighbours and the search bounds.
"""
from __future__ import annotations

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
