"""Words, shingles and fingerprints: house-style variants are one word, and a shared passage of 16 words
always shares a fingerprint whatever surrounds it."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from notelint.finding.shingles import SHINGLE_WORDS, WINDOW, fingerprints, shingle_hashes, word_spans, words_of


def test_house_style_variants_are_the_same_words():
    assert words_of("The U.S. Senate's vote") == words_of("the US Senates vote")
    assert words_of("up 5 percent") == words_of("up 5%") == words_of("up 5 per cent") == ["up", "5", "percent"]
    assert words_of("“Quoted,” she said — later") == ["quoted", "she", "said", "later"]
    assert words_of("Trump’s plan") == words_of("Trump's plan") == ["trumps", "plan"]


def test_word_order_changes_the_shingle():
    a = shingle_hashes(["a", "b", "c", "d", "e"])
    b = shingle_hashes(["b", "a", "c", "d", "e"])
    assert len(a) == len(b) == 1 and a[0] != b[0]
    assert len(shingle_hashes(["too", "few", "words"])) == 0


def _naive_fingerprints(hashes: np.ndarray) -> set[int]:
    if len(hashes) <= WINDOW:
        return set(hashes.tolist())
    return {int(hashes[i:i + WINDOW].min()) for i in range(len(hashes) - WINDOW + 1)}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=0, max_size=60))
def test_fingerprints_are_the_minimum_of_every_window(values):
    hashes = np.array(values, dtype=np.uint64)
    assert set(fingerprints(hashes).tolist()) == _naive_fingerprints(hashes)


VOCABULARY = [f"w{k}" for k in range(40)]


@settings(max_examples=60, deadline=None)
@given(before=st.lists(st.sampled_from(VOCABULARY), max_size=40),
       after=st.lists(st.sampled_from(VOCABULARY), max_size=40),
       other_before=st.lists(st.sampled_from(VOCABULARY), max_size=40),
       other_after=st.lists(st.sampled_from(VOCABULARY), max_size=40),
       shared=st.lists(st.sampled_from(VOCABULARY), min_size=WINDOW + SHINGLE_WORDS - 1, max_size=30))
def test_a_passage_of_sixteen_shared_words_shares_a_fingerprint(before, after, other_before, other_after, shared):
    story = fingerprints(shingle_hashes(before + shared + after))
    article = fingerprints(shingle_hashes(other_before + shared + other_after))
    assert set(story.tolist()) & set(article.tolist())


def test_a_shorter_passage_may_share_none():
    # The guarantee is for WINDOW + SHINGLE_WORDS - 1 words; below it, a fingerprint is only likely.
    shared = [f"s{k}" for k in range(SHINGLE_WORDS)]
    misses = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        pad = [f"p{seed}_{k}" for k in rng.integers(0, 10_000, size=30)]
        pad2 = [f"q{seed}_{k}" for k in rng.integers(0, 10_000, size=30)]
        story = set(fingerprints(shingle_hashes(pad + shared + pad)).tolist())
        article = set(fingerprints(shingle_hashes(pad2 + shared + pad2)).tolist())
        misses += not (story & article)
    assert misses > 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9 .'’‘`%-_\n\tİßé") + ["per cent", "U.S.", "Per Cent", "cent"]), max_size=40))
def test_word_spans_place_each_word_where_it_is(parts):
    text = "".join(parts)
    spans = word_spans(text)
    words = words_of(text)
    if spans is None:
        return  # a text whose words cannot be placed one for one: boilerplate marking skips that piece
    assert len(spans) == len(words)
    for (a, b), word in zip(spans, words):
        assert words_of(text[a:b]) == [word]


def test_word_spans_in_ordinary_text():
    text = "The U.S. Senate's vote, up 5 per cent (or 5%)."
    spans = word_spans(text)
    assert [text[a:b] for a, b in spans] == ["The", "U.S", "Senate's", "vote", "up", "5", "per cent", "or", "5", "%"]
