"""Source's written-out constructor and format_for_path's tail test, against the forms they replace."""
from __future__ import annotations

import dataclasses
import os
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.reading.source import OffsetMap, Source

from notelint.reading.formats import format_for_path
def _format_by_splitext(path):  # format_for_path as first written
    ext = os.path.splitext(path or "")[1].lower()
    if ext in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if ext in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


# Extensions in any case (with Kelvin K, which lower-cases to k, and İ, Σ, which lower-case unlike ASCII),
# separators, leading dots and names around them.
_PIECES = [".md", ".MD", ".Md", ".markdown", ".MarkDown", ".mdown", ".mkd", ".m\u212ad", ".html", ".HTM", ".htm",
           ".xhtml", ".XHTML", ".txt", ".", "..", "/", "\\", "a", "notes", "İ", "Σ", "x.", "md", "html", " ", ""]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6))
def test_format_for_path_is_splitext_s(pieces):
    path = "".join(pieces)
    assert format_for_path(path) == _format_by_splitext(path), path


def test_format_for_path_of_no_path_and_every_extension():
    assert format_for_path(None) == format_for_path("") == "text"
    for path in ("a.md", "a.MARKDOWN", "a.mdown", "a.mkd", "a.m\u212ad", "a.html", "a.Htm", "a.xhtml", "dir.md/a",
                 "dir/.md", ".md", "a.md.txt", "a.txt.md", "a.markdown.", "a"):
        assert format_for_path(path) == _format_by_splitext(path), path


@dataclasses.dataclass(frozen=True)
class _GeneratedSource:  # Source's fields with the constructor dataclass generates, as Source first had
    path: str | None
    original: str
    text: str = dataclasses.field(default=None)
    offsets: OffsetMap | None = None
    format: str = "text"
    blocks: tuple | None = None
    metadata: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.text is None:
            object.__setattr__(self, "text", self.original)


def test_source_constructor_sets_what_the_generated_one_did():
    offsets = OffsetMap((0,), (1,), (0,), (1,))
    for args, kwargs in [(("p", "ab"), {}), ((None, "ab"), {"text": "b"}), (("p", "ab", "a", offsets, "html"), {}),
                         (("p", "ab"), {"blocks": ((0, 1, "paragraph"),), "metadata": {"title": "t"}}),
                         ((), {"path": "p", "original": "ab", "format": "markdown"})]:
        made, expected = Source(*args, **kwargs), _GeneratedSource(*args, **kwargs)
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
        assert made.text is expected.text
    first, second = Source("p", "ab"), Source("p", "ab")
    assert first.metadata == {} and first.metadata is not second.metadata  # a dict of its own, as default_factory
    assert first == second
    try:
        first.path = "q"
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Source is frozen")
    assert dataclasses.replace(first, text="b").text == "b"
    assert pickle.loads(pickle.dumps(first)) == first
    assert first.line_col(1) == (1, 2)
