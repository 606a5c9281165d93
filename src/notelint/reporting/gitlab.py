"""GitLab Code Quality output (`artifacts: reports: codequality`), a subset of the Code Climate issue format.

Fingerprints come from `report_common.fingerprints`: stable across edits elsewhere in the file, and distinct
for repeated findings (GitLab shows only the first of several issues with one fingerprint).
"""
from __future__ import annotations

import json
from typing import IO, Sequence

from ..linting.findings import Finding
from .common import display_path, find_repository_root, fingerprints

# notelint severities -> Code Quality severities (info, minor, major, critical, blocker).
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def build_issues(findings: Sequence[Finding], root: str | None = None) -> list[dict]:
    root = find_repository_root(root)
    issues = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root)):
        issues.append({
            "type": "issue",
            "check_name": f"notelint/{finding.code}",
            "description": f"{finding.code} {finding.name}: {finding.message}",
            "categories": ["Style"],
            "severity": SEVERITIES.get(finding.severity, "minor"),
            "fingerprint": fingerprint,
            "location": {
                "path": display_path(finding.path, root),
                "positions": {
                    "begin": {"line": finding.line, "column": finding.col},
                    "end": {"line": finding.end_line, "column": finding.end_col},
                },
            },
        })
    return issues


def error_issues(errors: Sequence, root: str | None = None) -> list[dict]:
    """An issue for each input that could not be checked, at its first line."""
    import hashlib

    root = find_repository_root(root)
    issues = []
    for error in errors:
        path = display_path(error.path, root) if error.path not in ("", "-") else error.path
        issues.append({
            "type": "issue",
            "check_name": "notelint/input-error",
            "description": f"notelint could not read this file: {error.message}",
            "categories": ["Bug Risk"],
            "severity": "blocker",
            "fingerprint": hashlib.md5(f"notelint/input-error\0{path}\0{error.message}".encode("utf-8")).hexdigest(),
            "location": {"path": path, "lines": {"begin": 1}},
        })
    return issues


def write(findings: Sequence[Finding], out: IO[str], *, root: str | None = None, errors: Sequence = (),
          **_unused) -> None:
    json.dump(build_issues(findings, root) + error_issues(errors, root), out, indent=2, ensure_ascii=False)
    out.write("\n")
    out.flush()
