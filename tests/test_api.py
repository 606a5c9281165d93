"""The typed Python API: notelint.lint, notelint.lint_records, the pandas helpers, py.typed."""
from __future__ import annotations

import json
import os

import pytest

import notelint

SPLIT = ("Strikes in Syria\n\nThe administration has responded [it can’t be a “response” when the US started "
         "this war] by twice targeting militia groups.\n")


def test_lint_text():
    findings = notelint.lint(SPLIT, path="story.txt")
    assert isinstance(findings[0], notelint.Finding)
    assert (findings[0].path, findings[0].code, findings[0].line, findings[0].col) == ("story.txt", "NL102", 3, 34)
    assert notelint.lint(SPLIT, settings={"select": ["NL2"]})[0].code.startswith("NL2")
    assert notelint.lint("Headline\n\nThe committee met on Tuesday.\n") == []


def test_the_defaults_are_built_once_per_working_directory(tmp_path, monkeypatch):
    # A loop over lint(text) reuses one Settings (frozen) instead of building the defaults per article;
    # they are rooted at the working directory, so another one gets its own.
    from notelint.api import settings_from

    first = settings_from(None)
    assert settings_from(None) is first and first.root == os.getcwd()
    monkeypatch.chdir(tmp_path)
    elsewhere = settings_from(None)
    assert elsewhere is not first and elsewhere.root == str(tmp_path)
    assert notelint.lint(SPLIT)[0].code == "NL102"
    # A mapping of keys is read afresh each time: it may name a configuration file that changes.
    assert settings_from({"select": ["NL2"]}) is not settings_from({"select": ["NL2"]})


def test_lint_records_from_dicts_and_files(tmp_path):
    rows = [{"id": "x1", "site": "a.example", "body": SPLIT}, {"id": "x2", "site": "b.example", "body": 7}]
    results = list(notelint.lint_records(rows, text_field="body", id_field="id", meta_fields=["site"]))
    assert [(r.id, r.meta, r.error) for r in results] == [
        ("x1", {"site": "a.example"}, None), ("x2", {"site": "b.example"}, "text field 'body' is a number, not a string")]
    finding = results[0].findings[0]
    assert finding.record.id == "x1" and finding.record.row == 1 and finding.path == "<records>#x1"
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    from_file = list(notelint.lint_records(path, text_field="body", id_field="id", meta_fields=["site"]))
    assert [f.to_json()["line"] for f in from_file[0].findings] == [f.line for f in results[0].findings]
    assert from_file[0].findings[0].path == f"{path}#x1"


def test_to_pandas():
    pd = pytest.importorskip("pandas")
    results = list(notelint.lint_records([{"text": SPLIT, "site": "a.example"}, {"text": "Calm\n\nNothing."}],
                                         meta_fields=["site"]))
    findings = notelint.findings_to_pandas(results)
    assert isinstance(findings, pd.DataFrame)
    assert {"code", "line", "col", "id", "site"} <= set(findings.columns) and set(findings["site"]) == {"a.example"}
    articles = notelint.articles_to_pandas(results)
    assert list(articles["insertions"]) == [1, 0] and list(articles["id"]) == ["1", "2"]


def test_package_is_typed():
    assert os.path.exists(os.path.join(os.path.dirname(notelint.__file__), "py.typed"))
