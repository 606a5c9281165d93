"""Findings and rules for reporter tests, placed on the corpus article at the offsets its ground truth gives.

The rule engine is tested elsewhere; here the reporters get findings whose positions are exact, so each
format's positions can be checked against the article's text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest

from notelint.linting.findings import Finding
from notelint.reading.source import LineIndex

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
ARTICLE_NAME = "iraqi-militias-republished.txt"
ARTICLE = os.path.join(FIXTURES, ARTICLE_NAME)
# Where reporter tests put the article: a site folder (the test's working directory) with a news/ folder,
# so paths are relative the way `notelint check news/` reports them.
SITE_PATH = "news/" + ARTICLE_NAME


def make_site(folder) -> None:
    os.makedirs(os.path.join(folder, "news"), exist_ok=True)
    with open(os.path.join(folder, SITE_PATH), "w", encoding="utf-8") as fh:
        fh.write(article_text())


@pytest.fixture(autouse=True)
def site(tmp_path, monkeypatch):
    """Each reporter test runs in a site folder holding news/iraqi-militias-republished.txt (not a git
    repository), and never appends to the step summary of a GitHub job that runs these tests."""
    make_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


@dataclass
class SampleRule:
    code: str
    name: str
    severity: str
    summary: str
    explanation: str
    bad_example: str = ""
    good_example: str = ""
    options: dict = field(default_factory=dict)


RULES = [
    SampleRule("NL102", "insertion-splits-sentence", "warning",
               "Editorial insertion in the middle of a sentence of reporting",
               "An insertion that interrupts a reported sentence reads as part of the report.",
               "The administration has responded [it can't be a response] by targeting groups.",
               "The administration has responded by targeting groups. [Ed.: we dispute the word.]"),
    SampleRule("NL104", "unlabeled-insertion", "warning", "Editorial insertion without an editor's label",
               "Readers cannot tell who wrote an unlabelled insertion.", options={"labels": ["Ed.", "Editor's note"]}),
    SampleRule("NL105", "commentary-under-wire-credit", "error",
               "Wire credit on an article carrying commentary", "The credit misrepresents the text."),
    SampleRule("NL201", "scare-quotes", "warning", "Scare quotes in commentary",
               "Quotation marks around a word nobody said signal contempt, not sourcing."),
    SampleRule("NL202", "loaded-language", "info", "Loaded language in commentary", "One-sided terms."),
]
SEVERITY = {r.code: r.severity for r in RULES}
NAME = {r.code: r.name for r in RULES}


def article_text() -> str:
    with open(ARTICLE, encoding="utf-8") as fh:
        return fh.read()


def finding_at(path: str, text: str, code: str, start: int, end: int, message: str) -> Finding:
    index = LineIndex(text)
    line, col = index.line_col(start)
    end_line, end_col = index.line_col(end)
    return Finding(path=path, line=line, col=col, code=code, end_line=end_line, end_col=end_col, start=start,
                   end=end, name=NAME.get(code, "rule-timeout"), severity=SEVERITY.get(code, "error"),
                   message=message, text=text[start:end])


def article_findings(path: str = SITE_PATH) -> list[Finding]:
    """Findings at the ground-truth places: the first insertion (2342-2460), its “response” (2357-2367),
    the second insertion (4722-4833) and the wire credit line."""
    text = article_text()
    credit = text.index("Source: Associated Press")
    found = [
        finding_at(path, text, "NL102", 2342, 2460, "Editorial insertion splits a sentence of reporting"),
        finding_at(path, text, "NL104", 2342, 2460, "Editorial insertion has no editor's label"),
        finding_at(path, text, "NL201", 2357, 2367, "Scare quotes around “response” in commentary"),
        finding_at(path, text, "NL104", 4722, 4833, "Editorial insertion has no editor's label"),
        finding_at(path, text, "NL202", 4735, 4742, "Loaded language (loaded verb): “bombing”"),
        finding_at(path, text, "NL105", credit, credit + len("Source: Associated Press"),
                   "Credited to Associated Press but carries editorial insertions (lines 23, 45)"),
    ]
    return sorted(found)
