"""Reporters: findings -> text. One registry for every format; reporters never parse or lint.

A reporter is `write(findings, out, *, rules, color, statistics, root, quiet=False, sources=None)`.
Register one with a single line in REPORTERS: a callable, or "module:function" (relative to this
package) so its module is imported only when that format is asked for.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import operator
import os
from collections import Counter
from typing import IO, Callable, Mapping, Sequence

from .findings import SEVERITY_RANK, Finding

REPORTERS: dict[str, Callable | str] = {
    "full": "report:write_full",
    "concise": "report:write_concise",
    "json": "report:write_json",
    "json-lines": "report_jsonl:write",
    "sarif": "report_sarif:write",
    "github": "report_github:write",
    "gitlab": "report_gitlab:write",
    "junit": "report_junit:write",
}


def reporter(fmt: str) -> Callable:
    target = REPORTERS[fmt]
    if callable(target):
        return target
    module_name, _, func = target.partition(":")
    return getattr(importlib.import_module(f".{module_name}", __package__), func)


def available_formats() -> list[str]:
    """Formats whose module exists in this installation (a format still being built is left out)."""
    out = []
    for name, target in REPORTERS.items():
        if callable(target) or importlib.util.find_spec(f"{__package__}.{target.partition(':')[0]}") is not None:
            out.append(name)
    return out


def write_report(fmt: str, findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), color: bool = False,
                 statistics: bool = False, root: str | None = None, quiet: bool = False,
                 sources: Mapping[str, str] | None = None, command: str = "check") -> None:
    """`command` (check, diff) names the run for formats that keep runs apart (SARIF's automation id)."""
    reporter(fmt)(findings, out, rules=rules, color=color, statistics=statistics, root=root or os.getcwd(),
                  quiet=quiet, sources=sources, command=command)
    out.flush()


_SEVERITY, _PATH = operator.attrgetter("severity"), operator.attrgetter("path")


def summary_line(findings: Sequence[Finding]) -> str:
    if not findings:
        return "All checks passed."
    counts = Counter(map(_SEVERITY, findings))  # map and attrgetter: C loops over tens of thousands
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    files = len(set(map(_PATH, findings)))
    noun = "finding" if len(findings) == 1 else "findings"
    return f"Found {len(findings)} {noun} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}."


def statistics_rows(findings: Sequence[Finding]) -> list[tuple[int, str, str, str]]:
    """(count, code, name, severity), most frequent first, then by code."""
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    return sorted(((n, code, name, sev) for (code, name, sev), n in counts.items()), key=lambda r: (-r[0], r[1]))


def _write_statistics(findings: Sequence[Finding], out: IO[str]) -> None:
    for count, code, name, severity in statistics_rows(findings):
        out.write(f"{count:>6}  {code:<7} {name:<32} {severity}\n")


# --- concise --------------------------------------------------------------------------------------

def write_concise(findings: Sequence[Finding], out: IO[str], *, statistics: bool = False, quiet: bool = False, **_) -> None:
    for f in findings:
        out.write(f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}\n")
    if statistics:
        _write_statistics(findings, out)
    if not quiet:
        out.write(summary_line(findings) + "\n")


# --- json -----------------------------------------------------------------------------------------

def write_json(findings: Sequence[Finding], out: IO[str], **_) -> None:
    json.dump([f.to_json() for f in findings], out, ensure_ascii=False, indent=1)
    out.write("\n")


# --- full -----------------------------------------------------------------------------------------

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _source_lines(path: str, sources: Mapping[str, str] | None, cache: dict) -> list[str] | None:
    if path not in cache:
        text = (sources or {}).get(path)
        if text is None and path not in ("-", ""):
            try:
                from .source import decode, read_bytes

                text = decode(read_bytes(path), path)
            except Exception:  # the file changed or vanished since it was linted: show no excerpt
                text = None
        if text is not None and text.startswith("\ufeff"):
            text = text[1:]
        cache[path] = text.splitlines() if text is not None else None
    return cache[path]


def _excerpt(f: Finding, lines: list[str] | None) -> tuple[str, int, int] | None:
    """The finding's first line (tabs as spaces, long lines cut around the span) and the underline columns."""
    if not lines or f.line > len(lines):
        return None
    line = lines[f.line - 1].replace("\t", " ")
    start = f.col - 1
    end = f.end_col - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    width = 100
    offset = 0
    if len(line) > width:
        offset = max(0, min(start - 20, len(line) - width))
        line = ("…" if offset else "") + line[offset:offset + width] + ("…" if offset + width < len(line) else "")
        shift = offset - (1 if offset else 0)
        start, end = start - shift, min(end - shift, len(line))
    return line, start, end


def write_full(findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), color: bool = False,
               statistics: bool = False, quiet: bool = False, sources: Mapping[str, str] | None = None, **_) -> None:
    by_code = {r.code: r for r in rules or ()}
    cache: dict = {}
    if color:
        from rich.console import Console  # imported only when colouring for a terminal: keeps start-up fast
        from rich.text import Text

        console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for f in findings:
        rule = by_code.get(f.code)
        excerpt = _excerpt(f, _source_lines(f.path, sources, cache))
        gutter = len(str(f.line))
        head = f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message}"
        help_line = f"help: {rule.summary}; see `notelint rule {f.code}`" if rule else ""
        if color:
            text = Text()
            text.append(f"{f.path}:{f.line}:{f.col}: ", style="bold")
            text.append(f"{f.code} ", style=_SEVERITY_STYLE.get(f.severity, "bold"))
            text.append(f"[{f.severity}] ", style=_SEVERITY_STYLE.get(f.severity, ""))
            text.append(f"{f.message} ")
            text.append(f"({f.name})", style="dim")
            console.print(text)
            if excerpt:
                line, a, b = excerpt
                console.print(Text(f"{' ' * gutter} |", style="blue"))
                body = Text(f"{f.line} | ", style="blue")
                body.append(line[:a])
                body.append(line[a:b], style=_SEVERITY_STYLE.get(f.severity, "bold"))
                body.append(line[b:])
                console.print(body)
                console.print(Text(f"{' ' * gutter} | ", style="blue") + Text(" " * a + "^" * (b - a),
                                                                               style=_SEVERITY_STYLE.get(f.severity)))
            if help_line:
                console.print(Text(f"{' ' * gutter} = {help_line}", style="dim"))
            console.print()
        else:
            out.write(f"{head} ({f.name})\n")
            if excerpt:
                line, a, b = excerpt
                out.write(f"{' ' * gutter} |\n{f.line} | {line}\n{' ' * gutter} | {' ' * a}{'^' * (b - a)}\n")
            if help_line:
                out.write(f"{' ' * gutter} = {help_line}\n")
            out.write("\n")
    if statistics:
        _write_statistics(findings, out)
    if not quiet:
        line = summary_line(findings)
        if color:
            worst = max((SEVERITY_RANK[f.severity] for f in findings), default=-1)
            console.print(Text(line, style="bold green" if worst < 0 else "bold"))
        else:
            out.write(line + "\n")
