"""Parsing: a Source -> a Document, the span tree of headline, standfirst, paragraphs, quotations,
editorial insertions, wire credit and reader comments. The pyparsing grammar defines the structure.

The names below are imported when first asked for: a module that needs one part of this package (the
span kinds of the model) must not import the whole parser with it."""
from __future__ import annotations

__all__ = ["Document", "Location", "Problem", "Span", "build_document", "parse_text", "strip_document"]

_HOMES = {"Document": "model", "Location": "model", "Problem": "model", "Span": "model",
          "build_document": "document", "parse_text": "document", "strip_document": "strip"}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
