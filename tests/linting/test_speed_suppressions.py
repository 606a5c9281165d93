"""find_suppressions looks for the directives' pattern only in a file holding "notelint:" (with the colon
the directive patterns spell right after the name): it must find every directive the patterns find."""
from __future__ import annotations

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.linting import engine, suppressions

PIECES = ["<!--", "-->", " ", "\t", "\n", "notelint", ":", "notelint:", "notelint :", "Notelint:", "disable",
          "disable-next", "enable", "=NL301", "=NL1, NL2", "x", "<!-- notelint:disable -->", "“"]


def directives_found(original: str) -> list[tuple[int, int, str]]:
    # The two patterns searched everywhere: what find_suppressions finds without its first test.
    found = list(suppressions._COMMENT_DIRECTIVE.finditer(original)) + list(suppressions._LINE_DIRECTIVE.finditer(original))
    return sorted((m.start(), m.end(), m.group("action")) for m in found)


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_find_suppressions_finds_what_the_directive_patterns_find(pieces):
    original = "".join(pieces)
    assert [(s.start, s.end, s.action) for s in suppressions.find_suppressions(original)] == directives_found(original)


def test_directives_without_a_space_after_the_colon_are_found():
    for original in ("<!--notelint:disable-->", "notelint:disable-next=NL301", "x\n notelint:enable\n"):
        assert suppressions.find_suppressions(original), original
