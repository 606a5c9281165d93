"""Parsing: a Source -> a Document, the span tree of headline, standfirst, paragraphs, quotations,
editorial insertions, wire credit and reader comments. The pyparsing grammar defines the structure.

The names below are imported when first asked for: a module that needs one part of this package (the
span kinds of the model) must not import the whole parser with it."""
from __future__ import annotations

from ..lazy_pattern import lazy_names

__all__ = ["Document", "Location", "Problem", "Span", "build_document", "parse_text", "strip_document"]

_HOMES = {"Document": "model", "Location": "model", "Problem": "model", "Span": "model",
          "build_document": "document", "parse_text": "document", "strip_document": "strip"}


__getattr__, __dir__ = lazy_names(__name__, _HOMES)
