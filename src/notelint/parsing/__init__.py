"""Parsing: a Source -> a Document, the span tree of headline, standfirst, paragraphs, quotations,
editorial insertions, wire credit and reader comments. The pyparsing grammar defines the structure."""
from __future__ import annotations

from .document import build_document, parse_text
from .model import Document, Location, Problem, Span
from .strip import strip_document

__all__ = ["Document", "Location", "Problem", "Span", "build_document", "parse_text", "strip_document"]
