"""The speed-ups that replace a slow test by a quicker one must decide exactly as the slow one did.

- `config.Exclusion` (compiled once per set of globs) against the per-glob, per-part matching that
  `Settings.is_excluded` used to do;
- NL301's `VOICE_PREFILTER` (plain `re`) must find something wherever `VOICE_CANDIDATE` does, or a
  paragraph with a first-person pronoun would be skipped;
- ATTRIBUTION's first-letter lookahead must not change a single match.
"""
from __future__ import annotations

import fnmatch
import re

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.linting import checks
from notelint.linting.config import Exclusion, glob_match

PARTS = ["a", "b", "build", "drafts", "x.draft.md", "keep.txt", "node_modules", ".git", "..", "Dist", "sub"]
GLOBS = ["build", "build/", "*.draft.md", "drafts/", "/b", "/a/b", "sub/*.txt", "**/keep.txt", "a/**", "x*",
         "Dist", ".*", " drafts ", "a/b/", "node_modules", "?", "[ab]", "*"]


def excluded_per_glob(rel: str, patterns) -> bool:
    """What Settings.is_excluded computed before Exclusion: each glob against the path and every part."""
    parts = rel.split("/")
    return any(glob_match(rel, p) or any(fnmatch.fnmatchcase(part, p) for part in parts) for p in patterns)


@settings(max_examples=budget(400), deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=4), st.lists(st.sampled_from(GLOBS), max_size=4))
def test_exclusion_decides_as_each_glob_did(parts, patterns):
    rel = "/".join(parts)
    assert Exclusion(tuple(patterns)).excludes(rel) == excluded_per_glob(rel, patterns)


TOKENS = ["I", "I'm", "we", "We", "us", "US", "our", "Ours", "ourselves", "me", "My", "myself", "you", "YOU",
          "Yours", "yourſelf", "y'all", "Y’ALL", "?", "!", "it", "In", "use", "mew", "yes", "youth", "said",
          "SAID", "ſaid", "according  to", "spokesman", "read:", "é", "_", "1", "-", "'", "’", " ", "\n", "[", "“"]


@settings(max_examples=budget(600), deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=10), st.data())
def test_voice_prefilter_finds_whatever_the_candidate_search_finds(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if checks.VOICE_CANDIDATE.search(text, start, end):
        assert checks.VOICE_PREFILTER.search(text, start, end)


def test_voice_prefilter_on_every_token_between_every_pair_of_neighbours():
    neighbours = ["", " ", "x", "_", "'", "-", "1", "é", "?", "\n"]
    for token in TOKENS:
        for left in neighbours:
            for right in neighbours:
                text = left + token + right
                for start, end in ((0, len(text)), (len(left), len(left) + len(token))):
                    if checks.VOICE_CANDIDATE.search(text, start, end):
                        assert checks.VOICE_PREFILTER.search(text, start, end), (text, start, end)


ATTRIBUTION_WITHOUT_LOOKAHEAD = re.compile(checks.ATTRIBUTION.pattern.replace(r"(?=[acdeinpqrstuwy])", "", 1),
                                           re.IGNORECASE)


@settings(max_examples=budget(600), deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=10))
def test_attribution_lookahead_changes_no_match(tokens):
    text = " ".join(tokens)
    assert [m.span() for m in checks.ATTRIBUTION.finditer(text)] == \
        [m.span() for m in ATTRIBUTION_WITHOUT_LOOKAHEAD.finditer(text)]
