"""A finding: one thing a rule (or the parser) reports, as plain as pyflakes' messages."""
from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, order=True)
class Finding:
    # Field order is the report order: path, line, column, code.
    path: str
    line: int
    col: int
    code: str
    end_line: int
    end_col: int
    start: int  # code-point offsets into the original file
    end: int
    name: str
    severity: str
    message: str
    text: str = ""  # the offending text, for display

    def to_json(self) -> dict:
        data = asdict(self)
        return {key: data[key] for key in ("code", "name", "severity", "message", "path", "line", "col",
                                           "end_line", "end_col", "start", "end", "text")}
