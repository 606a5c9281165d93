"""The bundled example article (what the README's first command runs) draws the findings it shows off."""
from __future__ import annotations

import json
from pathlib import Path

from notelint.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "republished-wire-story.txt"


def test_example_article_findings(capsys):
    code = main(["check", "--output-format", "json", str(EXAMPLE)])
    findings = json.loads(capsys.readouterr().out)
    assert code == 1
    by_code = {(f["code"], f["line"]) for f in findings}
    # the insertion splitting the port authority's sentence, unlabelled, talking to the reader
    assert {("NL102", 9), ("NL104", 9), ("NL203", 9)} <= by_code
    # the opinion standfirst and the wire credit that misrepresents the text, reported at the credit line
    assert ("NL302", 3) in by_code and ("NL105", 15) in by_code
    # nothing inside the quotations of the union spokeswoman or the employers
    assert not any(f["line"] in (7, 13) for f in findings)
