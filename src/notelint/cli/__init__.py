"""The command line: a thin layer that wires the stages together, one module per command."""
from __future__ import annotations

from .main import console_main, main

__all__ = ["console_main", "main"]
