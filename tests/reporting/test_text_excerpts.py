"""The full format's excerpts: a file's lines as str.splitlines() gives them, only the current file's kept."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget
from notelint.linting.findings import Finding
from notelint.reading.source import SourceError, decode
from notelint.reporting import text as text_report

STORY = ("Port strike enters third week\n\n"
         "ROTTERDAM (Reuters) - Dock workers extended their strike on Monday [as expected], the union said.\n\n"
         "The port authority said container traffic had fallen by a third.\n")


@settings(max_examples=budget(1000), deadline=None)
@given(st.text(alphabet="ab “”\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", max_size=60))
def test_lines_are_the_texts_splitlines(text):
    lines = text_report._Lines(text)
    assert len(lines) == len(text.splitlines())
    assert [lines[i] for i in range(len(lines))] == text.splitlines()


def finding(path: str, line: int, col: int, end_col: int) -> Finding:
    return Finding(path, line, col, "NL104", line, end_col, 0, 0, "unlabeled-insertion", "warning",
                   "Editorial insertion has no editor's label", "[as expected]")


def test_each_files_excerpt_comes_from_its_own_lines_and_only_the_current_file_is_kept(tmp_path):
    paths = []
    for name in ("a-story.txt", "b-story.txt"):
        path = tmp_path / name
        path.write_text(STORY.replace("Monday", "Tuesday" if name.startswith("b") else "Monday"), encoding="utf-8")
        paths.append(str(path))
    col = STORY.splitlines()[2].index("[") + 1
    findings = [finding(paths[0], 3, col, col + 13), finding(paths[1], 3, col + 1, col + 14)]
    kept = []
    real = text_report._source_lines

    def watching(path, sources, cache):
        lines = real(path, sources, cache)
        kept.append(sorted(cache))
        return lines

    out = io.StringIO()
    text_report._source_lines = watching
    try:
        text_report.write_full(findings, out, quiet=True)
    finally:
        text_report._source_lines = real
    report = out.getvalue()
    assert "3 | ROTTERDAM (Reuters) - Dock workers extended their strike on Monday [as expected]" in report
    assert "3 | ROTTERDAM (Reuters) - Dock workers extended their strike on Tuesday [as expected]" in report
    assert report.count("^" * 13) == 2
    assert kept == [[paths[0]], [paths[1]]]


@settings(max_examples=budget(1500), deadline=None)
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"]),
       st.text(alphabet="ab “”’\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff\x00", max_size=50),
       st.integers(0, 60), st.sampled_from([b"", b"\xe2\x80", b"\xff"]), st.integers(1, 7), st.booleans())
def test_a_files_lines_are_its_decoded_texts_splitlines_or_none_where_decode_refuses_it(
        tmp_path_factory, bom, text, cut, bad, chunk, as_large):
    # A large file is kept as UTF-8 bytes and validated a chunk at a time (a character may straddle two
    # chunks), a small one split: either way its lines must be those of the text decode() gives, and a
    # file decode() refuses (a NUL byte, invalid UTF-8) must show no excerpt, as before.
    data = bom + text.encode("utf-16-le" if bom == b"\xff\xfe" else "utf-8")
    data = data[:cut] + bad + data[cut:]
    path = tmp_path_factory.mktemp("lines") / "story.txt"
    path.write_bytes(data)
    try:
        decoded = decode(data, str(path))
        expected = (decoded[1:] if decoded.startswith("\ufeff") else decoded).splitlines()
    except SourceError:
        expected = None
    real = text_report._VALIDATE_CHUNK, text_report._SPLIT_BELOW
    text_report._VALIDATE_CHUNK, text_report._SPLIT_BELOW = chunk, 0 if as_large else real[1]
    try:
        lines = text_report._source_lines(str(path), None, {})
    finally:
        text_report._VALIDATE_CHUNK, text_report._SPLIT_BELOW = real
    assert lines is None or isinstance(lines, text_report._Lines) == as_large
    assert (None if lines is None else [lines[i] for i in range(len(lines))]) == expected
