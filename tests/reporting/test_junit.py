from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from report_samples import ARTICLE, article_findings, article_text, finding_at, site  # noqa: F401 (autouse fixture)

from notelint.reporting import junit as report_junit


def render(findings, root=".") -> ET.Element:
    out = io.StringIO()
    report_junit.write(findings, out, root=root)
    return ET.fromstring(out.getvalue().encode("utf-8"))


def test_a_testsuite_per_file_and_a_failing_testcase_per_finding():
    text = article_text()
    other = finding_at("/elsewhere/other.txt", text, "NL201", 2357, 2367, "Scare quotes")
    root = render(article_findings() + [other])
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/iraqi-militias-republished.txt", "/elsewhere/other.txt"]
    assert root.get("tests") == "7" and root.get("failures") == "7"
    cases = suites[0].findall("testcase")
    assert suites[0].get("tests") == "6" and len(cases) == 6
    first = cases[0]
    assert first.get("name") == "NL102 insertion-splits-sentence at 23:171"
    assert first.get("file") == "news/iraqi-militias-republished.txt" and first.get("line") == "23"
    failure = first.find("failure")
    assert failure.get("type") == "NL102"
    assert failure.text.startswith("news/iraqi-militias-republished.txt:23:171: NL102 [warning] Editorial insertion")
    assert "[it can’t be a “response”" in failure.text


def test_markup_and_control_characters_in_messages_stay_well_formed_xml():
    text = article_text()
    finding = finding_at(ARTICLE, text, "NL201", 2357, 2367, 'Quotes <“response”> & "more"\x0b')
    failure = render([finding]).find("testsuite/testcase/failure")
    assert failure.get("message") == 'Quotes <“response”> & "more"\ufffd'


def test_no_findings_gives_one_passing_testcase():
    root = render([])
    assert root.get("failures") == "0"
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
