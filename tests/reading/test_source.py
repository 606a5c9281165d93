"""Reading sources: decoding, BOM, line ends, and positions that map back to the file."""
from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

import notelint
from notelint.reading.source import LineIndex, OffsetMap, SourceError, decode, read_bytes_and_stat
from notelint.reading.formats import read_source
from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source
ARTICLE = ("Iran’s envoy met militia leaders\n\n"
           "BAGHDAD (AP) — “Maintain calm,” he told them [the faction leaders], according to officials.\n")


def test_utf8_bom_is_excluded_from_offsets(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    source = read_source(str(path))
    assert source.text == ARTICLE
    doc = notelint.parse_source(source)
    quote = doc.spans_of("quote")[0]
    assert ARTICLE[quote.start:quote.end] == "“Maintain calm,”"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_for_every_line_ending(newline):
    text = ARTICLE.replace("\n", newline)
    doc = notelint.parse(text)
    quote = doc.spans_of("quote")[0]
    loc = doc.location(quote.start, quote.end)
    assert (loc.line, loc.col) == (3, len("BAGHDAD (AP) — ") + 1)
    bracket = next(s for s in doc.walk() if s.start == text.index("[the faction"))
    assert doc.location(bracket.start, bracket.end).line == 3


def test_tabs_and_non_ascii_count_one_column_each():
    text = "Headline\n\n\tCafé owners in Zürich “refused,” he said.\n"
    doc = notelint.parse(text)
    quote = doc.spans_of("quote")[0]
    loc = doc.location(quote.start, quote.end)
    assert (loc.line, loc.col) == (3, 1 + len("\tCafé owners in Zürich "))
    assert text[loc.start:loc.end] == "“refused,”"


def test_astral_characters_are_one_code_point():
    text = "Headline 🙂\n\nThe minister 🙂 said “no [sic] deal” today.\n"
    doc = notelint.parse(text)
    quote = doc.spans_of("quote")[0]
    assert doc.location(quote.start, quote.end).col == text.split("\n")[2].index("“") + 1


def test_invalid_utf8_names_the_byte_offset():
    with pytest.raises(SourceError) as info:
        decode(b"Iran\xe2\x80 talks", "a.txt")
    assert str(info.value).startswith("a.txt: error: invalid UTF-8 at byte offset 4")


def test_binary_file_is_refused():
    with pytest.raises(SourceError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_utf16_with_bom_is_read():
    assert decode("“Calm,” he said.".encode("utf-16"), "x") == "“Calm,” he said."


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(SourceError, match="is a directory"):
        read_source(str(tmp_path))


def test_too_large_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(SourceError, match="file too large"):
        read_source(str(path), max_bytes=1024)


def test_a_file_is_read_whole_with_its_stat(tmp_path):
    path = tmp_path / "long.txt"
    content = ("WASHINGTON (AP) — A paragraph of wire copy, “quoted,” he said.\n\n" * 4000).encode()
    path.write_bytes(content)  # ~260 KB: more than one read's chunk
    data, stat_result = read_bytes_and_stat(str(path))
    assert data == content and stat_result.st_size == len(content)
    assert read_bytes_and_stat(str(path), stat_after=False) == (data, stat_result)  # nothing changed meanwhile


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    # Issue 14: a FIFO named as an article hung the run (no writer ever came); it is not an article file.
    path = tmp_path / "story.txt"
    os.mkfifo(path)
    with pytest.raises(SourceError, match="not a regular file"):
        read_bytes_and_stat(str(path), stat_after=False)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a POSIX device without a size")
def test_a_device_is_refused():
    # stat says 0 bytes and the reads never end: refused before any read.
    with pytest.raises(SourceError, match="not a regular file"):
        read_bytes_and_stat("/dev/zero", max_bytes=0)


def test_line_index_bisects():
    index = LineIndex("ab\r\ncd\re\nf")
    assert [index.line_col(i) for i in (0, 4, 7, 9)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


@given(st.text(alphabet="ab é\t\r\n“", max_size=60))
def test_line_index_starts_every_line_after_lf_cr_or_crlf(text):
    # The LF-only fast path and the general one must agree with the definition: a line starts after
    # each \r\n, \r or \n.
    expected = [0] + [i + 1 for i, c in enumerate(text)
                      if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n")]
    assert list(LineIndex(text).starts) == expected


def test_offset_map_maps_entities_atomically():
    # original: "a &rdquo;b" -> text "a ”b": the entity is one text character and 7 original ones
    offsets = OffsetMap.from_segments([(0, 2, 0, 2), (2, 3, 2, 9), (3, 4, 9, 10)])
    assert offsets.start(2) == 2 and offsets.end(3) == 9
    assert offsets.start(3) == 9 and offsets.end(4) == 10
    assert offsets.start(1) == 1 and offsets.end(1) == 1


# --- A scraped page laid out one paragraph per line ----------------------------------------------------------
_PAGE_LINES = [
    "Skip to content",
    "Home | News | Sports | Opinion | Obituaries",
    "City council delays vote on new bridge",
    "By The Associated Press",
    "Published: March 4, 2025 at 5:12 PM EST",
    "RIVERTON, Ohio (AP) — The Riverton city council on Tuesday delayed a vote on a new bridge for the third "
    "time, citing cost overruns that have pushed the project’s price past $40 million.",
    "“We owe it to taxpayers to get this right,” Council President Dana Flores said.",
    "Advertisement",
    "The bridge would replace a 1930s span that engineers have rated structurally deficient since 2015.",
    "Opponents say the city should repair the old bridge instead, which they estimate would cost $12 million.",
    "Sign up for our newsletter",
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_page_laid_out_one_paragraph_per_line_is_read_a_paragraph_to_a_line(tmp_path, newline):
    path = tmp_path / "page.txt"
    path.write_bytes(newline.join(_PAGE_LINES).encode("utf-8") + newline.encode())
    doc = notelint.parse_source(read_source(str(path)))
    blocks = [doc.text_of(b) for b in doc.spans if b.kind != "break"]
    assert len(blocks) == len(_PAGE_LINES)  # not one paragraph holding the whole page
    assert doc.text_of(doc.spans_of("headline")[0]) == "City council delays vote on new bridge"
    quote = doc.spans_of("quote")[0]
    assert doc.location(quote.start, quote.end).line == 7  # the file's own line
    assert quote.attrs["speaker"] == "Council President Dana Flores"
    # The newsletter box is the page's, not the wire's voice ("our").
    assert lint_source(read_source(str(path)), load_settings(".", {"isolated": True})) == []


def test_a_hard_wrapped_article_with_one_long_line_keeps_its_wrapping():
    wrapped = ("The council met on Tuesday to discuss the bridge, and members\n"
               "said they would vote next month after engineers report on the\n"
               "cost of repairs, which could run to $12 million, officials said.\n"
               "See https://example.org/council/minutes/2025/03/04/bridge-vote-agenda-and-engineering-report-"
               "appendix-b-full-cost-estimates.pdf\n")
    doc = notelint.parse_source(read_source("-", data=wrapped.encode()))
    assert len([b for b in doc.spans if b.kind != "break"]) == 1
