"""The `json` format: every finding as one JSON array, then a record for each input that could not be checked."""
from __future__ import annotations

import json
from typing import IO, Sequence

from ..linting.findings import Finding


def error_record(error) -> dict:
    """An input that could not be checked, as JSON and JSON Lines report it (findings have no "type")."""
    return {"type": "error", "path": error.path, "message": error.message}


def write(findings: Sequence[Finding], out: IO[str], *, errors: Sequence = (), **_) -> None:
    json.dump([f.to_json() for f in findings] + [error_record(e) for e in errors], out, ensure_ascii=False, indent=1)
    out.write("\n")
