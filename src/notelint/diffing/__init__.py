"""Diffing: an original wire story and its republication -> classified hunks (marked and unmarked
insertions, deletions, moves, altered quotations, house style) and NL5xx findings."""
from __future__ import annotations

from .hunks import DiffResult, Hunk, diff_documents, diff_findings, diff_rules

__all__ = ["DiffResult", "Hunk", "diff_documents", "diff_findings", "diff_rules"]
