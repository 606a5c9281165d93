"""Classify a bracketed span: editorial insertion, clarification, or another use of brackets.
(First version; being replaced by the bracket-classifier work.)"""
from __future__ import annotations

import re

_LABEL = re.compile(r"^\s*(Ed\.?(?: note)?|Editor['’]s note|[A-Z]{2,4})\s*:")


def classify_bracket(inner: str, *, in_quote: bool, before: str, after: str,
                     markers: tuple[str, ...] = ()) -> tuple[str, str | None]:
    m = _LABEL.match(inner)
    if m:
        return "insertion", m.group(1)
    if len(inner.split()) >= 6 and not in_quote:
        return "insertion", None
    return "clarification", None


def find_editor_notes(text: str, markers: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    return []
