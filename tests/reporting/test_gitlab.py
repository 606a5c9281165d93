from __future__ import annotations

import io
import json

from report_samples import ARTICLE, article_findings, article_text, finding_at, site  # noqa: F401 (autouse fixture)

from notelint.reporting import gitlab as report_gitlab


def render(findings, root=".") -> list[dict]:
    out = io.StringIO()
    report_gitlab.write(findings, out, root=root)
    return json.loads(out.getvalue())


def test_each_finding_is_a_code_quality_issue_with_the_required_fields():
    issues = render(article_findings())
    assert len(issues) == 6
    first = issues[0]
    assert first["check_name"] == "notelint/NL102"
    assert first["description"] == "NL102 insertion-splits-sentence: Editorial insertion splits a sentence of reporting"
    assert first["severity"] == "minor"
    assert first["location"] == {"path": "news/iraqi-militias-republished.txt",
                                 "positions": {"begin": {"line": 23, "column": 171},
                                               "end": {"line": 23, "column": 289}}}
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}


def test_fingerprints_are_unique_and_stable_across_runs_and_line_shifts():
    issues = render(article_findings())
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)
    assert prints == [i["fingerprint"] for i in render(article_findings())]
    text = article_text()
    shifted = "Added line.\n" + text
    a = finding_at(ARTICLE, text, "NL104", 4722, 4833, "no label")
    b = finding_at(ARTICLE, shifted, "NL104", 4722 + 12, 4833 + 12, "no label")
    assert a.line != b.line
    assert render([a])[0]["fingerprint"] == render([b])[0]["fingerprint"]


def test_the_same_text_flagged_twice_in_a_file_gets_two_fingerprints():
    text = "He said “response” twice: “response”.\n"
    a = finding_at("a.txt", text, "NL201", 8, 18, "Scare quotes")
    b = finding_at("a.txt", text, "NL201", 26, 36, "Scare quotes")
    assert a.text == b.text
    fa, fb = (i["fingerprint"] for i in render([a, b], root="."))
    assert fa != fb


def test_paths_are_relative_to_the_repository_root_even_when_run_in_a_subfolder(site, monkeypatch):
    (site / ".git").mkdir()
    monkeypatch.chdir(site / "news")
    issues = render(article_findings("iraqi-militias-republished.txt"), root=".")
    assert issues[0]["location"]["path"] == "news/iraqi-militias-republished.txt"


def test_no_findings_is_an_empty_list():
    assert render([]) == []
