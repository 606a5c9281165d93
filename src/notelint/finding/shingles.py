"""Word shingles of a text, hashed the same way when a story is stored and when an article is searched.

A word is a run of letters and digits with the dots and apostrophes inside it taken out and case folded, so
that house-style variants are one word: "U.S." and "US", "Trump's" and "Trumps" (and "Trump s", the form
some scraped archives lost their apostrophes to, differs only in the shingles touching it). "%", "percent"
and "per cent" are all the word "percent". Punctuation is not part of a shingle: quote marks, dashes and
commas are what house style changes most.

A shingle is SHINGLE_WORDS consecutive words, hashed to 64 bits. The index keeps a story's fingerprints:
the smallest hash of every WINDOW consecutive shingles (winnowing, Schleimer, Wilkerson and Aiken 2003).
Any run of WINDOW + SHINGLE_WORDS - 1 words that an article shares with a story holds a window whole in
both texts, so the two share that window's fingerprint: a passage of 16 shared words is always found,
however the rest was cut or changed, with about one shingle in seven stored.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 5
WINDOW = 12
_NO_HASH = np.uint64(2 ** 64 - 1)

_WORD = re.compile(r"[^\W_]+|%")
# Marks that join the parts of one word and are taken out before words are found.
_INNER_MARKS = (".", "'", "’", "‘", "`")
# Odd 64-bit constants (from the golden ratio and MurmurHash3's finaliser) weighting each word's place in
# the shingle, so that "a b c d e" and "b a c d e" differ.
_WEIGHTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                     0xFF51AFD7ED558CCD], dtype=np.uint64)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_SHIFT = np.uint64(33)
_word_hashes: dict[str, int] = {}
_CACHE_LIMIT = 2_000_000


def words_of(text: str) -> list[str]:
    """The words of a text, normalised (see the module docstring)."""
    folded = text.lower()
    for mark in _INNER_MARKS:
        if mark in folded:
            folded = folded.replace(mark, "")
    words = _WORD.findall(folded)
    if "%" in words:
        words = ["percent" if w == "%" else w for w in words]
    if "cent" in words:
        joined: list[str] = []
        for w in words:
            if w == "cent" and joined and joined[-1] == "per":
                joined[-1] = "percent"
            else:
                joined.append(w)
        words = joined
    return words


_WORD_SPAN = re.compile(r"[^\W_]+(?:[.'’‘`]+[^\W_]+)*|%")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]] | None:
    """Where each of words_of(text[start:end]) lies in `text`, or None in the rare text where the words
    cannot be placed one for one (a letter whose lower case is two characters)."""
    end = len(text) if end is None else end
    spans = [m.span() for m in _WORD_SPAN.finditer(text, start, end)]
    if "cent" in text[start:end].lower():
        joined: list[tuple[int, int]] = []
        for a, b in spans:
            if joined and text[a:b].lower() == "cent" and text[joined[-1][0]:joined[-1][1]].lower() == "per":
                joined[-1] = (joined[-1][0], b)
            else:
                joined.append((a, b))
        spans = joined
    words = words_of(text[start:end])
    if len(spans) != len(words) or any(words_of(text[a:b]) != [word] for (a, b), word in zip(spans, words)):
        return None
    return spans


def _hash_word(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def shingle_hashes(words: list[str]) -> np.ndarray:
    """One 64-bit hash per run of SHINGLE_WORDS consecutive words, in text order (none when fewer words)."""
    n = len(words) - SHINGLE_WORDS + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    cache = _word_hashes
    new = set(words).difference(cache)
    if new:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
            new = set(words)
        for word in new:
            cache[word] = _hash_word(word)
    wh = np.array(list(map(cache.__getitem__, words)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = wh[0:n] * _WEIGHTS[0]
        for k in range(1, SHINGLE_WORDS):
            h += wh[k:k + n] * _WEIGHTS[k]
        # The finaliser spreads every word's bits into the top bits that the sample test reads.
        h ^= h >> _SHIFT
        h *= _MIX
        h ^= h >> _SHIFT
    return h


def text_shingles(text: str) -> np.ndarray:
    return shingle_hashes(words_of(text))


def fingerprints(hashes: np.ndarray) -> np.ndarray:
    """The distinct minima of every WINDOW consecutive shingles, sorted (all of them in a text too short
    for one window). The running minima are taken block by block (van Herk / Gil-Werman): the minimum of
    a window is the smaller of the suffix minimum of the block it starts in and the prefix minimum of the
    block it ends in."""
    n = len(hashes)
    if n <= WINDOW:
        return np.unique(hashes)
    padded = np.full(-(-n // WINDOW) * WINDOW, _NO_HASH, dtype=np.uint64)
    padded[:n] = hashes
    blocks = padded.reshape(-1, WINDOW)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.unique(np.minimum(suffix[:n - WINDOW + 1], prefix[WINDOW - 1:n]))


def as_sql(hashes: np.ndarray) -> list[int]:
    """The hashes as SQLite integers (signed 64-bit)."""
    return hashes.view(np.int64).tolist()
