"""Reading: a file's bytes -> a Source (decoded text, line index, and for Markdown and HTML the article
text with a map back to the file's offsets)."""
from __future__ import annotations

from .formats import format_for_path, make_source, read_source
from .source import DEFAULT_MAX_BYTES, LineIndex, OffsetMap, Source, SourceError, decode, plain_source

__all__ = ["DEFAULT_MAX_BYTES", "LineIndex", "OffsetMap", "Source", "SourceError", "decode", "format_for_path",
           "make_source", "plain_source", "read_source"]
