"""JSON Lines output: one finding per line, the same objects as `--output-format json`.

A consumer can stream it (`notelint check … | head`, `jq -c`), and a line is never split across findings.
"""
from __future__ import annotations

import json
from typing import IO, Sequence

from ..linting.findings import Finding


def write(findings: Sequence[Finding], out: IO[str], *, errors: Sequence = (), **_unused) -> None:
    from .json import error_record

    for finding in findings:
        out.write(json.dumps(finding.to_json(), ensure_ascii=False) + "\n")
    for error in errors:
        out.write(json.dumps(error_record(error), ensure_ascii=False) + "\n")
    out.flush()
