"""GitHub Actions output: one workflow command per finding, and a summary table for the job page.

GitHub shows at most 10 annotations of each level per step, so when `$GITHUB_STEP_SUMMARY` is set the full
list is also appended there as a Markdown table.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from typing import IO, Sequence

from ..linting.findings import Finding
from .common import display_path, find_repository_root

# notelint severities -> workflow command names.
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command's message as the Actions runner expects (its `escapeData`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`file=…`, `title=…`): data escapes plus `:` and `,` (`escapeProperty`)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, root: str) -> str:
    properties = (
        ("file", display_path(finding.path, root)),
        ("line", str(finding.line)),
        ("col", str(finding.col)),
        ("endLine", str(finding.end_line)),
        ("endColumn", str(finding.end_col)),
        ("title", f"notelint ({finding.code})"),
    )
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    command = COMMANDS.get(finding.severity, "warning")
    return f"::{command} {props}::{escape_data(f'{finding.name}: {finding.message}')}"


def _cell(value: str) -> str:
    """A Markdown table cell: one line, pipes escaped."""
    return " ".join(value.split()).replace("|", "\\|")


def step_summary(findings: Sequence[Finding], root: str, errors: Sequence = ()) -> str:
    failed = "".join(f"- could not check {_cell(display_path(e.path, root) if e.path not in ('', '-') else e.path)}: "
                     f"{_cell(e.message)}\n" for e in errors)
    if failed:
        failed = f"**{len(errors)} input error{'s' if len(errors) != 1 else ''}:**\n\n{failed}\n"
    if not findings:
        return f"### notelint\n\n{failed or 'No findings.' + chr(10)}\n"
    counts = Counter(f.severity for f in findings)
    plural = {"error": "errors", "warning": "warnings", "info": "info"}
    tally = ", ".join(f"{counts[s]} {s if counts[s] == 1 else plural[s]}" for s in ("error", "warning", "info") if counts[s])
    lines = [
        "### notelint",
        "",
        *([failed.rstrip("\n"), ""] if failed else []),
        f"{len(findings)} finding{'s' if len(findings) != 1 else ''} ({tally}).",
        "",
        "| Severity | Code | Rule | File | Line | Column | Message |",
        "| --- | --- | --- | --- | ---: | ---: | --- |",
    ]
    for f in findings:
        lines.append(f"| {f.severity} | {f.code} | {_cell(f.name)} | {_cell(display_path(f.path, root))} "
                     f"| {f.line} | {f.col} | {_cell(f.message)} |")
    return "\n".join(lines) + "\n\n"


def error_annotation(error, root: str) -> str:
    """An `::error` for an input that could not be checked."""
    props = f"title={escape_property('notelint (input error)')}"
    if error.path not in ("", "-"):
        props = f"file={escape_property(display_path(error.path, root))},{props}"
    return f"::error {props}::{escape_data(f'could not read this file: {error.message}')}"


def write(findings: Sequence[Finding], out: IO[str], *, root: str | None = None, errors: Sequence = (),
          **_unused) -> None:
    root = find_repository_root(root)
    for finding in findings:
        out.write(annotation(finding, root) + "\n")
    for error in errors:
        out.write(error_annotation(error, root) + "\n")
    out.flush()
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                summary.write(step_summary(findings, root, errors))
        except OSError as exc:  # the annotations are out already; a missing summary is worth a line, not a failure
            print(f"notelint: warning: cannot append to GITHUB_STEP_SUMMARY ({summary_path}): {exc.strerror or exc}",
                  file=sys.stderr)
