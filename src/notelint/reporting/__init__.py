"""Reporters: findings -> text in one output format each. One registry for every format; reporters never
parse or lint.

A reporter is `write(findings, out, *, rules, color, statistics, root, quiet=False, sources=None, errors=(),
files=None)`: `errors` are the inputs that could not be checked (SourceError: path and message), which every
format reports so that a failed file is never hidden behind a clean report; `files` is how many files the run
was given (None when not counted), `rules` how many rules were selected, for the summary of a run that
checked nothing or failed somewhere.
Register one with a single line in REPORTERS: "module:function" (relative to this package), so its
module is imported only when that format is asked for.
"""
from __future__ import annotations

import importlib
import os
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import IO, Callable, Mapping, Sequence

if TYPE_CHECKING:
    from ..linting.findings import Finding

REPORTERS: dict[str, Callable | str] = {
    "full": "text:write_full",
    "concise": "text:write_concise",
    "json": "json:write",
    "json-lines": "jsonl:write",
    "sarif": "sarif:write",
    "github": "github:write",
    "gitlab": "gitlab:write",
    "junit": "junit:write",
    "html": "html:write",
}


def reporter(fmt: str) -> Callable:
    target = REPORTERS[fmt]
    if callable(target):
        return target
    module_name, _, func = target.partition(":")
    return getattr(importlib.import_module(f".{module_name}", __package__), func)


def available_formats() -> list[str]:
    """Formats whose module exists in this installation (a format still being built is left out).

    Asked by every command that reports, to list its choices: found by the files in this package's folder
    (one directory listing) rather than by asking the import system for each module."""
    try:
        present = {name.partition(".")[0] for name in os.listdir(os.path.dirname(os.path.abspath(__file__)))}
    except OSError:  # not a folder (a zip): ask the import system
        import importlib.util

        return [name for name, target in REPORTERS.items()
                if callable(target) or importlib.util.find_spec(f"{__package__}.{target.partition(':')[0]}")]
    return [name for name, target in REPORTERS.items() if callable(target) or target.partition(":")[0] in present]


def write_report(fmt: str, findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), color: bool = False,
                 statistics: bool = False, root: str | None = None, quiet: bool = False,
                 sources: Mapping[str, str] | None = None, command: str = "check", errors: Sequence = (),
                 files: int | None = None, selected: int | None = None, documents=None) -> None:
    """`command` (check, diff) names the run for formats that keep runs apart (SARIF's automation id).
    `documents` (html.ArticleSet): every article checked, for the format that shows them (html)."""
    extra = {} if documents is None else {"documents": documents}
    reporter(fmt)(findings, out, rules=rules, color=color, statistics=statistics, root=root or os.getcwd(),
                  quiet=quiet, sources=sources, command=command, errors=errors, files=files, selected=selected,
                  **extra)
    out.flush()
