"""The `json` format: every finding as one JSON array."""
from __future__ import annotations

import json
from typing import IO, Sequence

from ..linting.findings import Finding


def write(findings: Sequence[Finding], out: IO[str], **_) -> None:
    json.dump([f.to_json() for f in findings], out, ensure_ascii=False, indent=1)
    out.write("\n")
