from __future__ import annotations

import io
import json

from report_samples import article_findings, site  # noqa: F401 (autouse fixture)

from notelint.reporting import jsonl as report_jsonl


def test_one_json_object_per_line_with_the_json_format_keys():
    findings = article_findings()
    out = io.StringIO()
    report_jsonl.write(findings, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(findings)
    objects = [json.loads(line) for line in lines]
    assert objects == [f.to_json() for f in findings]
    assert objects[2]["code"] == "NL201" and objects[2]["text"] == "“response”"
    assert (objects[2]["line"], objects[2]["col"], objects[2]["start"], objects[2]["end"]) == (23, 186, 2357, 2367)


def test_no_findings_writes_nothing():
    out = io.StringIO()
    report_jsonl.write([], out)
    assert out.getvalue() == ""
