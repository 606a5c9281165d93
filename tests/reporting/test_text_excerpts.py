"""The full format's excerpts: a file's lines as str.splitlines() gives them, only the current file's kept."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget
from notelint.linting.findings import Finding
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
