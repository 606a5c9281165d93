"""Golden outputs: `notelint check` on the corpus article in each CI format, compared with tests/golden/.

The article is checked end to end (parser, rules, runner, reporter) from a site folder, so paths are the
relative ones a CI job sees. After an intended change in rules or messages, regenerate with
`NOTELINT_UPDATE_GOLDEN=1 python -m pytest tests/reporting/test_golden.py` and read the diff before committing.

SARIF keeps, per driver rule, only its id, name and default level: the rule docs are checked by the SARIF
unit tests and the schema, and copying every doc here would make this file change with each wording edit.
"""
from __future__ import annotations

import json
import os

import jsonschema
import pytest
from report_samples import SITE_PATH, site  # noqa: F401 (autouse fixture)

from notelint import __version__
from notelint.cli.main import main

GOLDEN = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "golden")
UPDATE = os.environ.get("NOTELINT_UPDATE_GOLDEN") == "1"
FORMATS = {"json-lines": "jsonl", "sarif": "sarif", "github": "txt", "gitlab": "json", "junit": "xml"}


def run_check(fmt: str, out: str) -> int:
    return main(["check", "--isolated", "--no-cache", "--output-format", fmt, "-o", out, SITE_PATH])


def normalise_sarif(text: str, site) -> str:
    log = json.loads(text)
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == site.as_uri() + "/"
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SITE/"
    assert run["tool"]["driver"]["version"] == __version__
    run["tool"]["driver"]["version"] = run["tool"]["driver"]["semanticVersion"] = "VERSION"
    run["tool"]["driver"]["rules"] = [{"id": r["id"], "name": r["name"], "defaultConfiguration": r["defaultConfiguration"]}
                                      for r in run["tool"]["driver"]["rules"]]
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def compare(name: str, actual: str) -> None:
    path = os.path.join(GOLDEN, name)
    if UPDATE or not os.path.exists(path):
        os.makedirs(GOLDEN, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(actual)
        if not UPDATE:
            pytest.fail(f"{name} did not exist; written now: read it, then commit it")
        return
    with open(path, encoding="utf-8", newline="") as fh:
        expected = fh.read()
    assert actual == expected, f"{name} differs (NOTELINT_UPDATE_GOLDEN=1 to regenerate after reading the diff)"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_corpus_article_matches_the_golden_output(fmt, site):
    out = site / f"report.{FORMATS[fmt]}"
    assert run_check(fmt, str(out)) == 1
    text = out.read_text(encoding="utf-8")
    if fmt == "sarif":
        with open(os.path.join(os.path.dirname(GOLDEN), "fixtures", "sarif-schema-2.1.0.json"), encoding="utf-8") as fh:
            schema = json.load(fh)
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(json.loads(text))]
        assert not errors, errors
        text = normalise_sarif(text, site)
    assert str(site) not in text  # every path is relative to the site
    compare(f"check-corpus.{FORMATS[fmt]}", text)


def test_github_step_summary_matches_the_golden_table(site, monkeypatch):
    summary = site / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run_check("github", str(site / "annotations.txt")) == 1
    compare("check-corpus.github-summary.md", summary.read_text(encoding="utf-8"))


def test_golden_outputs_agree_on_the_findings(site):
    """The formats are views of one list: same count, same positions, in the same order."""
    outputs = {}
    for fmt, ext in FORMATS.items():
        run_check(fmt, str(site / f"r.{ext}"))
        outputs[fmt] = (site / f"r.{ext}").read_text(encoding="utf-8")
    lines = [json.loads(l) for l in outputs["json-lines"].splitlines()]
    sarif = json.loads(outputs["sarif"])["runs"][0]["results"]
    gitlab = json.loads(outputs["gitlab"])
    github = outputs["github"].splitlines()
    assert len(lines) == len(sarif) == len(gitlab) == len(github) == outputs["junit"].count("<testcase ")
    for obj, result, issue, annotation in zip(lines, sarif, gitlab, github):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (obj["code"], obj["line"], obj["col"], obj["end_line"], obj["end_col"]) == (
            result["ruleId"], region["startLine"], region["startColumn"], region["endLine"], region["endColumn"])
        assert issue["location"]["positions"]["begin"] == {"line": obj["line"], "column": obj["col"]}
        assert f"line={obj['line']},col={obj['col']}," in annotation and f"({obj['code']})" in annotation
