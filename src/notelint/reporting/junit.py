"""JUnit XML output: a testsuite per file, a testcase (with a failure) per finding.

CI systems that read test reports (GitLab `reports: junit`, Jenkins, Azure) then list findings by file.
With no findings, one passing testcase says that the check ran.
"""
from __future__ import annotations

import re
from typing import IO, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..linting.findings import Finding
from .common import display_path, find_repository_root

# Characters XML 1.0 cannot hold at all, even escaped (control characters other than tab, LF, CR).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _attr(value) -> str:
    return quoteattr(_clean(str(value)))


def write(findings: Sequence[Finding], out: IO[str], *, root: str | None = None, errors: Sequence = (),
          **_unused) -> None:
    root = find_repository_root(root)
    failures = len(findings)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="notelint" tests="{max(failures + len(errors), 1)}" failures="{failures}" '
              f'errors="{len(errors)}">\n')
    if errors:  # each input that could not be checked: a testcase in error, never a silent pass
        out.write(f'  <testsuite name="notelint inputs" tests="{len(errors)}" failures="0" errors="{len(errors)}" '
                  'skipped="0">\n')
        for error in errors:
            shown = display_path(error.path, root) if error.path not in ("", "-") else error.path
            out.write(f"    <testcase name={_attr(f'read {shown}')} classname={_attr(shown)} file={_attr(shown)}>\n")
            out.write(f"      <error message={_attr(error.message)} type=\"input-error\">"
                      f"{escape(_clean(str(error)))}</error>\n")
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n")
    if not findings and not errors:
        out.write('  <testsuite name="notelint" tests="1" failures="0" errors="0" skipped="0">\n')
        out.write('    <testcase name="no findings" classname="notelint"/>\n')
        out.write("  </testsuite>\n")
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    for path, in_file in by_path.items():
        shown = display_path(path, root)
        out.write(f"  <testsuite name={_attr(shown)} tests=\"{len(in_file)}\" failures=\"{len(in_file)}\" "
                  f"errors=\"0\" skipped=\"0\">\n")
        for f in in_file:
            out.write(f"    <testcase name={_attr(f'{f.code} {f.name} at {f.line}:{f.col}')} "
                      f"classname={_attr(shown)} file={_attr(shown)} line=\"{f.line}\">\n")
            body = f"{shown}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message}"
            if f.text:
                body += f"\n{f.text}"
            out.write(f"      <failure message={_attr(f.message)} type={_attr(f.code)}>"
                      f"{escape(_clean(body))}</failure>\n")
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")
    out.flush()
