"""How long the fuzz and property tests run. Each test states its full budget; by default a fifth of it runs,
so the whole suite stays within minutes on two cores. NOTELINT_FUZZ scales it: NOTELINT_FUZZ=1 runs the
full budgets, NOTELINT_FUZZ=10 a long search before a release."""
from __future__ import annotations

import os

SCALE = float(os.environ.get("NOTELINT_FUZZ", "0.2"))


def budget(examples: int) -> int:
    """`examples` scaled by NOTELINT_FUZZ (at least one)."""
    return max(1, round(examples * SCALE))
