"""Filling in a rule's message template, safely: rule packs are user data.

str.format would evaluate `{match.__class__.__mro__}` (attribute and index access) and build
`{match:>300000000}` (a 300 MB string). A template here names plain fields only, optionally with `!r`/`!s`
and a short format spec (alignment, a width under 1,000, a precision).
"""
from __future__ import annotations

import re
from string import Formatter
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SAFE_SPEC = re.compile(r"(?:[^{}]?[<>^])?\d{0,3}(?:\.\d{1,3})?\Z")


def template_problem(template: str) -> str | None:
    """Why a template is refused (to report when its pack loads), or None when it is fine."""
    try:
        parts = list(Formatter().parse(template))
    except ValueError as exc:
        return f"bad braces ({exc}); write {{{{ and }}}} for literal braces"
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if not _FIELD_NAME.match(name):
            return f"field {{{name}}}: only plain names like {{match}} (no attributes, indexes or positions)"
        if conversion not in (None, "r", "s"):
            return f"field {{{name}}}: conversion !{conversion} (only !r and !s)"
        if spec and not _SAFE_SPEC.match(spec):
            return f"field {{{name}}}: format spec {spec!r} (alignment, a width under 1000 and a precision only)"
    return None


def format_message(template: str, **fields: Any) -> str:
    """The template with its fields filled in; a template that is refused, or names a field not given, is
    returned as it is (a rule's message must never stop a run)."""
    try:
        parts = list(Formatter().parse(template))
    except ValueError:
        return template
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if not _FIELD_NAME.match(name) or name not in fields or (spec and not _SAFE_SPEC.match(spec)):
            return template
        value = fields[name]
        text = repr(value) if conversion == "r" else str(value)
        try:
            out.append(format(text, spec) if spec else text)
        except ValueError:
            return template
    return "".join(out)
