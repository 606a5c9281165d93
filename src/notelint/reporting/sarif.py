"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

Every rule goes into the tool driver (so a viewer can show its documentation even for rules that did not
fire), results point at it by `ruleId` and `ruleIndex`, and file locations are relative to the repository
root through the `%SRCROOT%` base id, as code scanning expects.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Sequence
from urllib.parse import quote

from ..version import __version__
from ..linting.findings import Finding
from .common import find_repository_root, fingerprints, relative_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
INFORMATION_URI = "https://pypi.org/project/notelint/"
FINGERPRINT_KEY = "notelint/v1"

# notelint severities -> SARIF levels ("note" is SARIF's word for informational).
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_help(rule) -> dict:
    """The rule's documentation as plain text and Markdown (ruff's shape: what, why, example, instead)."""
    text = [rule.summary, "", rule.explanation.strip()]
    markdown = [f"**{rule.code} {rule.name}**: {rule.summary}", "", rule.explanation.strip()]
    if getattr(rule, "bad_example", None):
        text += ["", "Example:", rule.bad_example.strip()]
        markdown += ["", "## Example", "```text", rule.bad_example.strip(), "```"]
    if getattr(rule, "good_example", None):
        text += ["", "Use instead:", rule.good_example.strip()]
        markdown += ["", "## Use instead", "```text", rule.good_example.strip(), "```"]
    return {"text": "\n".join(text).strip(), "markdown": "\n".join(markdown).strip()}


def rule_descriptor(rule) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (rule.explanation or rule.summary).strip()},
        "help": _rule_help(rule),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
    }
    options = getattr(rule, "options", None)
    if options:
        descriptor["properties"] = {"options": _json_safe(options)}
    return descriptor


def _json_safe(value):
    """Rule options as JSON (tuples and sets become lists; anything else its string)."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_json_safe(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _fallback_descriptor(finding: Finding) -> dict:
    """A descriptor for a code the rule list does not know (so every result still has a ruleIndex)."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "fullDescription": {"text": finding.name},
        "help": {"text": finding.name},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
    }


def _artifact_location(path: str, root: str) -> dict:
    rel = relative_path(path, root)
    if rel is not None:
        return {"uri": quote(rel), "uriBaseId": SRCROOT}
    if path in ("", "-"):
        return {"uri": "stdin"}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def build_sarif(findings: Sequence[Finding], *, rules: Sequence = (), root: str | None = None,
                automation_id: str = "notelint/check/", errors: Sequence = ()) -> dict:
    root = find_repository_root(root)
    descriptors = [rule_descriptor(rule) for rule in rules or ()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for finding in findings:
        if finding.code not in index:
            index[finding.code] = len(descriptors)
            descriptors.append(_fallback_descriptor(finding))

    results = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root)):
        region = {
            "startLine": finding.line,
            "startColumn": finding.col,
            "endLine": finding.end_line,
            # SARIF's endColumn is the column just after the region: the same convention as Finding.end_col.
            "endColumn": max(finding.end_col, finding.col) if finding.end_line == finding.line else finding.end_col,
        }
        if finding.text:
            region["snippet"] = {"text": finding.text}
        results.append({
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _artifact_location(finding.path, root),
                "region": region,
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        })

    root_uri = Path(root).as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {
            "name": "notelint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": descriptors,
        }},
        "automationDetails": {"id": automation_id},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if errors:
        # Inputs that could not be checked: the run did not succeed, whatever its results say.
        run["invocations"] = [{
            "executionSuccessful": False,
            "toolExecutionNotifications": [{
                "level": "error",
                "message": {"text": str(error)},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(error.path, root)}}],
            } for error in errors],
        }]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def write(findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), root: str | None = None,
          command: str = "check", errors: Sequence = (), **_unused) -> None:
    """`command` names the run's category (`notelint/check/`, `notelint/diff/`): code scanning replaces a
    category's earlier results with each upload, so check and diff runs must not share one."""
    json.dump(build_sarif(findings, rules=rules, root=root, automation_id=f"notelint/{command}/",
                          errors=errors), out,
              indent=2, ensure_ascii=False)
    out.write("\n")
    out.flush()
