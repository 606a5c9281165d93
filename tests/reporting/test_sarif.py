from __future__ import annotations

import io
import json
import os

import jsonschema
import pytest
from report_samples import ARTICLE, FIXTURES, RULES, article_findings, article_text, finding_at, site  # noqa: F401 (autouse fixture)

from notelint.reporting import sarif as report_sarif

SCHEMA_PATH = os.path.join(FIXTURES, "sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def sarif_validator():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft7Validator(schema)


def render(findings, rules=RULES, root=".") -> dict:
    out = io.StringIO()
    report_sarif.write(findings, out, rules=rules, root=root)
    return json.loads(out.getvalue())


def test_output_validates_against_the_sarif_2_1_0_schema(sarif_validator):
    log = render(article_findings())
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert not errors, [e.message for e in errors]
    assert log["version"] == "2.1.0"


def test_an_empty_run_is_valid_and_still_lists_every_rule(sarif_validator):
    log = render([])
    assert not list(sarif_validator.iter_errors(log))
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == [r.code for r in RULES]
    assert log["runs"][0]["results"] == []


def test_driver_rules_carry_descriptions_help_and_default_level():
    rules = render([])["runs"][0]["tool"]["driver"]["rules"]
    nl102 = rules[0]
    assert nl102["id"] == "NL102" and nl102["name"] == "insertion-splits-sentence"
    assert nl102["shortDescription"]["text"] == "Editorial insertion in the middle of a sentence of reporting"
    assert nl102["fullDescription"]["text"].startswith("An insertion that interrupts")
    assert "[it can't be a response]" in nl102["help"]["text"]
    assert "## Use instead" in nl102["help"]["markdown"]
    assert nl102["defaultConfiguration"]["level"] == "warning"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["NL105"] == "error" and levels["NL202"] == "note"
    assert rules[1]["properties"]["options"] == {"labels": ["Ed.", "Editor's note"]}


def test_results_point_at_their_rule_and_the_exact_region():
    run = render(article_findings())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["automationDetails"]["id"] == "notelint/check/"
    text = article_text().splitlines()
    scare = next(r for r in run["results"] if r["ruleId"] == "NL201")
    assert rules[scare["ruleIndex"]]["id"] == "NL201"
    assert scare["level"] == "warning"
    region = scare["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 23, "startColumn": 186, "endLine": 23, "endColumn": 196,
                      "snippet": {"text": "“response”"}}
    # Columns count code points and endColumn is exclusive: slicing the line gives the span back.
    assert text[22][region["startColumn"] - 1:region["endColumn"] - 1] == "“response”"
    loaded = next(r for r in run["results"] if r["ruleId"] == "NL202")
    assert loaded["level"] == "note"


def test_paths_are_relative_to_the_repository_root_through_srcroot(site, monkeypatch):
    (site / ".git").mkdir()
    monkeypatch.chdir(site / "news")  # run in a subfolder: paths still start at the repository root
    run = render(article_findings("iraqi-militias-republished.txt"), root=".")["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/iraqi-militias-republished.txt", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == site.as_uri() + "/"


def test_a_file_outside_the_root_gets_an_absolute_uri(site):
    (site / "news" / ".git").mkdir()
    run = render(article_findings(ARTICLE), root="news")["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "file://" + ARTICLE}


def test_paths_with_spaces_are_percent_encoded(tmp_path):
    text = article_text()
    path = str(tmp_path / "world news" / "iraq.txt")
    finding = finding_at(path, text, "NL201", 2357, 2367, "Scare quotes")
    run = render([finding], root=str(tmp_path))["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "world%20news/iraq.txt"


def test_partial_fingerprints_survive_a_line_shift_and_differ_between_findings():
    text = article_text()
    shifted = "A new first paragraph.\n\n" + text
    before = finding_at(ARTICLE, text, "NL201", 2357, 2367, "Scare quotes")
    after = finding_at(ARTICLE, shifted, "NL201", 2357 + 24, 2367 + 24, "Scare quotes")
    assert before.line + 2 == after.line
    fp = lambda f: render([f])["runs"][0]["results"][0]["partialFingerprints"]["notelint/v1"]
    assert fp(before) == fp(after)
    results = render(article_findings())["runs"][0]["results"]
    prints = [r["partialFingerprints"]["notelint/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_a_code_missing_from_the_rule_list_still_gets_a_descriptor(sarif_validator):
    text = article_text()
    timeout = finding_at(ARTICLE, text, "NL900", 0, 47, "Pattern of rule house-words timed out")
    log = render([timeout])
    assert not list(sarif_validator.iter_errors(log))
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]["id"] == "NL900"
