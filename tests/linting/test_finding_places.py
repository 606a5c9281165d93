"""Findings are placed (line and column) without indexing every line of the file: the line feeds before each
finding are counted instead. The places must be those the line index gives, for any text and any offsets,
and a check's findings must be the ones placed through the index."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from fuzzing import budget

from notelint.api import settings_from
from notelint.linting.engine import lint_source
from notelint.reading.source import LineIndex, Source

# Line breaks of every kind the index knows (and some it does not), words, and marks.
PIECES = ["\n", "\n\n", "\r\n", "\r", "\x0b", "\u2028", "word", "Said", " ", "“", "”", "é", "[", "]", "\t"]


def indexed(text: str, offsets: list[int]) -> dict[int, tuple[int, int]]:
    index = LineIndex(text)
    return {offset: index.line_col(offset) for offset in offsets}


@settings(max_examples=budget(1500), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.data())
def test_counted_places_are_the_line_index_places(pieces, data):
    text = "".join(pieces)
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    assert Source(None, text).line_cols(offsets) == indexed(text, offsets)


def test_a_built_index_is_used_as_it_is():
    source = Source(None, "one\ntwo\nthree\n")
    source.line_index  # built by an earlier question, as a parse command builds it
    assert source.line_cols([0, 4, 9, 14]) == {0: (1, 1), 4: (2, 1), 9: (3, 2), 14: (4, 1)}
    assert "line_index" in source.__dict__


def test_a_check_does_not_index_the_lines_of_a_file_with_line_feeds():
    text = ("Markets slide as rates rise\n\nThe central bank raised rates, officials said.\n\n"
            "We think this is a disaster, and you should too!\n\n"
            "“This is not the end of the process,” said a senior official who asked not to be named.\n")
    source = Source("story.txt", text)
    findings = lint_source(source, settings_from(None))
    assert findings, "the paragraph in the writer's own voice is reported"
    assert "line_index" not in source.__dict__
    for finding in findings:
        assert (finding.line, finding.col) == LineIndex(text).line_col(finding.start)
        assert (finding.end_line, finding.end_col) == LineIndex(text).line_col(finding.end)
    assert {f.line for f in findings} == {5}


def test_a_file_with_carriage_returns_is_placed_by_its_index():
    text = "Markets slide\r\n\r\nWe think this is a disaster, and you should too!\r\n"
    findings = lint_source(Source("story.txt", text), settings_from(None))
    assert findings and {f.line for f in findings} == {3}
    for finding in findings:
        assert (finding.line, finding.col) == LineIndex(text).line_col(finding.start)
