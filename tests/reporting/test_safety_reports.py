"""A file that cannot be read is never hidden behind a clean report: every output format carries input
errors, the summary counts files checked, with findings and failed, and a run that checked nothing says
so (issue 14)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from notelint.cli.main import main

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "republished-wire-story.txt"
CLEAN = "Council Approves Budget\n\nLONDON (Reuters) - The council approved its budget on Tuesday, officials said.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """One good article with findings and two that cannot be read: binary, and not UTF-8."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (news / "binary.txt").write_bytes(b"Headline\n\n\x00\x01\x02 an attachment saved as .txt\n")
    (news / "latin1.txt").write_bytes("Headline\n\nThe café said so.\n".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    return news


BAD = {"news/binary.txt", "news/latin1.txt"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_text_summary_counts_checked_with_findings_and_failed(folder, capsys, fmt):
    code, out, err = run(capsys, "news", "--format", fmt)
    assert code == 2
    assert "All checks passed" not in out
    assert out.splitlines()[-1].endswith("in 1 file; 1 file checked, 1 with findings, 2 failed (see the errors above).")
    assert {line.split(":")[0] for line in err.splitlines()} == BAD


def test_a_bad_file_alone_is_not_all_checks_passed(folder, capsys):
    code, out, _ = run(capsys, "news/binary.txt")
    assert code == 2
    assert out == "No findings; 0 files checked, 0 with findings, 1 failed (see the errors above).\n"


def test_json_and_json_lines_carry_error_records(folder, capsys):
    code, out, _ = run(capsys, "news", "--format", "json")
    records = json.loads(out)
    assert code == 2
    assert {r["path"] for r in records if r.get("type") == "error"} == BAD
    assert all("code" in r for r in records if r.get("type") != "error")
    code, out, _ = run(capsys, "news", "--format", "json-lines")
    lines = [json.loads(line) for line in out.splitlines()]
    assert {r["path"] for r in lines if r.get("type") == "error"} == BAD
    assert all(r["message"] for r in lines if r.get("type") == "error")


def test_sarif_reports_failed_inputs_as_unsuccessful_execution(folder, capsys):
    import jsonschema

    code, out, _ = run(capsys, "news", "--format", "sarif")
    sarif = json.loads(out)
    schema = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 2)[-2:][1] for n in notes} \
        == {"binary.txt", "latin1.txt"}
    assert all(n["level"] == "error" for n in notes)


def test_a_clean_sarif_run_has_no_invocation_record(folder, capsys):
    # Normal output stays as it was: only a run with input errors gains the invocation.
    (folder / "binary.txt").unlink()
    (folder / "latin1.txt").unlink()
    _, out, _ = run(capsys, "news", "--format", "sarif")
    assert "invocations" not in json.loads(out)["runs"][0]


def test_junit_has_an_error_testcase_per_failed_input(folder, capsys):
    code, out, _ = run(capsys, "news", "--format", "junit")
    suites = ET.fromstring(out)
    assert suites.get("errors") == "2"
    errored = [case for case in suites.iter("testcase") if case.find("error") is not None]
    assert {case.get("file") for case in errored} == BAD


def test_gitlab_has_an_issue_per_failed_input(folder, capsys):
    _, out, _ = run(capsys, "news", "--format", "gitlab")
    issues = json.loads(out)
    failed = [i for i in issues if i["check_name"] == "notelint/input-error"]
    assert {i["location"]["path"] for i in failed} == BAD
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_github_has_an_error_annotation_per_failed_input(folder, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _, out, _ = run(capsys, "news", "--format", "github")
    errors = [line for line in out.splitlines() if "title=notelint (input error)" in line]
    assert len(errors) == 2 and all(line.startswith("::error file=news/") for line in errors)
    assert "2 input errors" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"])
def test_a_missing_path_is_an_input_error_in_every_format_and_the_rest_is_checked(folder, capsys, fmt):
    # A CI step parsing JSON or SARIF gets a report naming the missing path beside the findings of the files
    # that were read, not an empty output (a path deleted since the step was written, a typo).
    code, out, err = run(capsys, "news/good.txt", "news/deleted.txt", "--format", fmt)
    assert code == 2
    assert err.splitlines()[0] == "news/deleted.txt: error: no such file or directory"
    assert "news/deleted.txt" in out and "no such file or directory" in out or fmt in ("full", "concise")
    assert "NL105" in out  # good.txt was checked
    if fmt in ("full", "concise"):
        assert out.splitlines()[-1].endswith("1 file checked, 1 with findings, 1 failed (see the errors above).")
    if fmt == "json":
        assert [r["path"] for r in json.loads(out) if r.get("type") == "error"] == ["news/deleted.txt"]


def test_nul_bytes_anywhere_mean_binary(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # Text for the first 8 KB, then a NUL: an attachment or a corrupted save, not an article.
    (tmp_path / "late.txt").write_bytes(b"Headline\n\n" + b"A line of reporting.\n" * 600 + b"\x00tail\n")
    code, out, err = run(capsys, "late.txt")
    assert code == 2
    assert err.startswith("late.txt: error: binary file (NUL byte at byte offset 12610)")


@pytest.mark.parametrize("args, expected", [
    (["--select", "", "news"], "Nothing checked: no rule is selected (0 rules, 1 file)."),
    (["--select", "NL2", "--ignore", "NL2", "news"], "Nothing checked: no rule is selected (0 rules, 1 file)."),
    (["empty"], "Nothing checked: no article files found (0 files)."),
])
def test_empty_selections_say_so(tmp_path, monkeypatch, capsys, args, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert out == expected + "\n"
    code, out, err = run(capsys, *args, "--format", "json")
    assert out == "[]\n" and "notelint: warning: nothing checked" in err


@pytest.mark.parametrize("depth", [20, 150])
def test_deep_markdown_nesting_keeps_its_text(tmp_path, monkeypatch, capsys, depth):
    monkeypatch.chdir(tmp_path)
    lines = ["# Port Strike Ends", "",
             "> " * depth + "Dockers voted to return, the union said. [Nobody believes a word of it! Go figure.]", "",
             *("  " * i + f"- Terminal {i} reopens on Monday, officials said. [Nobody believes it!]"
               for i in range(depth // 2)), "",
             "The port authority said traffic would recover within a week."]
    text = "\n".join(lines) + "\n"
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    assert main(["strip", "story.md"]) == 0
    stripped = capsys.readouterr().out
    assert "Dockers voted to return, the union said" in stripped
    assert all(f"Terminal {i} reopens on Monday" in stripped for i in range(depth // 2))
    code, out, _ = run(capsys, "story.md", "--format", "json", "--select", "NL104")
    findings = json.loads(out)
    assert len(findings) == 1 + depth // 2
    for f in findings:  # exact offsets into the file, however deep
        assert text[f["start"]:f["end"]] == f["text"] and f["text"].startswith("[")
