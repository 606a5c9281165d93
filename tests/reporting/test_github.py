from __future__ import annotations

import io

from report_samples import ARTICLE, article_findings, article_text, finding_at, site  # noqa: F401 (autouse fixture)

from notelint.reporting import github as report_github
from notelint.linting.findings import Finding


def render(findings, root=".") -> list[str]:
    out = io.StringIO()
    report_github.write(findings, out, root=root)
    return out.getvalue().splitlines()


def test_one_workflow_command_per_finding_with_position_and_title():
    lines = render(article_findings())
    assert len(lines) == 6
    assert lines[0] == ("::warning file=news/iraqi-militias-republished.txt,line=23,col=171,endLine=23,endColumn=289,"
                        "title=notelint (NL102)::insertion-splits-sentence: "
                        "Editorial insertion splits a sentence of reporting")


def test_severities_map_to_error_warning_and_notice():
    commands = {line.split(" ", 1)[0] for line in render(article_findings())}
    assert commands == {"::error", "::warning", "::notice"}
    by_code = {line.split("title=notelint (")[1][:5]: line.split(" ", 1)[0] for line in render(article_findings())}
    assert by_code["NL105"] == "::error" and by_code["NL202"] == "::notice" and by_code["NL201"] == "::warning"


def test_message_and_properties_are_escaped_as_the_runner_requires():
    finding = Finding(path="news/100%, real: wire.txt", line=3, col=1, code="NL302", end_line=3, end_col=9,
                      start=10, end=18, name="opinion-standfirst", severity="warning",
                      message="Standfirst says: 100% opinion, no reporting\r\nsecond line")
    (line,) = render([finding], root=".")
    props, message = line[len("::warning "):].split("::", 1)
    # Properties: % CR LF and also : and , are escaped, so the property list still splits on ','.
    assert props.split(",")[0] == "file=news/100%25%2C real%3A wire.txt"
    assert props.endswith("title=notelint (NL302)")
    # Message: only % CR LF; ':' and ',' stay readable.
    assert message == "opinion-standfirst: Standfirst says: 100%25 opinion, no reporting%0D%0Asecond line"
    assert "\n" not in line and "\r" not in line


def test_escape_functions_match_the_actions_toolkit():
    assert report_github.escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert report_github.escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    # '%' is escaped first, so an escape sequence already in the text is not read as one.
    assert report_github.escape_data("%0A") == "%250A"


def test_step_summary_table_is_appended_when_the_variable_is_set(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("## Earlier step\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = article_findings()
    render(findings)
    content = summary.read_text(encoding="utf-8")
    assert content.startswith("## Earlier step\n\n### notelint\n")
    assert "6 findings (1 error, 4 warnings, 1 info)." in content
    rows = [l for l in content.splitlines() if l.startswith("| ") and "NL" in l]
    assert len(rows) == len(findings)
    assert rows[0] == ("| warning | NL102 | insertion-splits-sentence | news/iraqi-militias-republished.txt | 23 | 171 "
                       "| Editorial insertion splits a sentence of reporting |")


def test_step_summary_cells_keep_the_table_intact(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = article_text()
    finding = finding_at(ARTICLE, text, "NL201", 2357, 2367, "quotes | pipes\nand a newline")
    render([finding])
    row = [l for l in summary.read_text(encoding="utf-8").splitlines() if "NL201" in l][0]
    assert row.endswith("| quotes \\| pipes and a newline |")


def test_no_findings_writes_no_commands_and_says_so_in_the_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert render([]) == []
    assert "No findings." in summary.read_text(encoding="utf-8")


def test_an_unwritable_step_summary_is_a_warning_not_a_failure(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-dir" / "summary.md"))
    lines = render(article_findings())
    assert len(lines) == 6
    err = capsys.readouterr().err
    assert err.startswith("notelint: warning: cannot append to GITHUB_STEP_SUMMARY") and err.count("\n") == 1
