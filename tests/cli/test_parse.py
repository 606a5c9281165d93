"""`notelint parse` and `notelint strip` as a user runs them: JSON shape, text view, bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from notelint.cli.main import main

from conftest import CORPUS_ARTICLE


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_has_exact_spans_in_the_issue_shape(capsys, corpus_truth):
    code, out, _ = run(capsys, "parse", "--output-format", "json", str(CORPUS_ARTICLE))
    assert code == 0
    data = json.loads(out)
    assert data["path"] == str(CORPUS_ARTICLE)
    headline = data["spans"][0]
    assert {k: headline[k] for k in ("kind", "start", "end", "line", "col", "end_line", "end_col")} == {
        "kind": "headline", "start": 0, "end": 47, "line": 1, "col": 1, "end_line": 1, "end_col": 48}
    assert headline["text"] == "Iraqi Militias Defy Iran by Attacking US Forces"

    def walk(spans):
        for span in spans:
            yield span
            yield from walk(span["children"])

    spans = list(walk(data["spans"]))
    insertion = next(s for s in spans if s["kind"] == "insertion")
    assert (insertion["start"], insertion["line"], insertion["col"]) == (2342, 23, 171)
    assert insertion["children"][0]["kind"] == "quote" and insertion["children"][0]["text"] == "“response”"
    quote = next(s for s in spans if s["kind"] == "quote")
    assert quote["speaker"] == "one Shiite political leader" and quote["verb"] == "said"
    assert next(s for s in spans if s["kind"] == "source")["service"] == "Associated Press"


def test_format_alias_and_several_files(capsys, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Short headline\n\n“Calm,” he said.\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--format", "json", str(CORPUS_ARTICLE), str(other))
    data = json.loads(out)
    assert code == 0 and [d["path"] for d in data] == [str(CORPUS_ARTICLE), str(other)]


def test_text_view_shows_kinds_and_legend(capsys):
    code, out, _ = run(capsys, "parse", "--color", "never", str(CORPUS_ARTICLE))
    assert code == 0
    assert "legend:" in out and "23:171 insertion [it can’t be a “response”" in out
    assert "standfirst They've been told directly" in out


def test_strip_prints_wire_text(capsys):
    code, out, _ = run(capsys, "strip", str(CORPUS_ARTICLE))
    assert code == 0
    assert "has responded by twice targeting" in out and "Leave A Reply" not in out


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary file (NUL byte at byte offset 8)"),
    (b"Headline\n\nThe envoy\xff said", "invalid UTF-8 at byte offset 19 (bytes ff 20 73 61)"),
])
def test_bad_bytes_give_one_line_and_exit_2(capsys, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", str(path))
    assert code == 2 and out == ""
    assert err == f"{path}: error: {message}" + ("; save the file as UTF-8\n" if "UTF-8" in message else ", not an article\n")


def test_missing_path_and_directory(capsys, tmp_path):
    code, _, err = run(capsys, "parse", str(tmp_path / "missing.txt"), str(tmp_path))
    assert code == 2
    assert err.splitlines() == [f"{tmp_path / 'missing.txt'}: error: no such file",
                                f"{tmp_path}: error: is a directory (give files, or use `notelint check DIR`)"]


@pytest.mark.parametrize("content", [b"", b"[[[[]]]]]][[[", b"Headline\n\nHe said \xe2\x80\x9cnever"])
def test_odd_but_valid_files_parse(capsys, tmp_path, content):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    code, out, _ = run(capsys, "parse", "--format", "json", str(path))
    assert code == 0 and json.loads(out)["path"] == str(path)


def test_ten_thousand_nested_brackets(capsys, tmp_path):
    path = tmp_path / "nested.txt"
    path.write_text("[" * 10_000 + "x" + "]" * 10_000, encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--format", "json", str(path))
    data = json.loads(out)
    assert code == 0 and len(data["problems"]) > 0 and all(p["code"] == "NL402" for p in data["problems"])


def test_python_dash_m_runs_without_traceback(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x00\x01")
    result = subprocess.run([sys.executable, "-m", "notelint", "parse", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1
