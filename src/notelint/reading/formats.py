"""Choosing a reader for a file: plain text, Markdown or HTML, by extension or by the user's choice."""
from __future__ import annotations

import os

from .layout import laid_out
from .source import DEFAULT_MAX_BYTES, Source, SourceError, decode, plain_source, read_bytes


def read_source(path: str, input_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                data: bytes | None = None) -> Source:
    """Read and decode a file into a Source, choosing the reader by extension or `input_format`."""
    if data is None:
        data = read_bytes(path, max_bytes)
    elif max_bytes and len(data) > max_bytes:
        raise SourceError(path, f"input too large ({len(data):,} bytes; limit {max_bytes:,})")
    text = decode(data, path)
    fmt = input_format or format_for_path(path)
    return make_source(text, path, fmt)


# The extensions each reader accepts; a folder walk takes exactly these (FILE_EXTENSIONS).
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
TEXT_EXTENSIONS = (".txt",)
FILE_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS


# Corpus files (one article per row, read by reading.corpus): known here, so a run over article files can
# tell it has none without importing the corpus readers (csv, decimal, datetime, json).
CORPUS_FORMATS = ("jsonl", "csv", "parquet")
CORPUS_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet"}
# As messages name them: ".jsonl, .ndjson, .csv, .tsv, .parquet".
CORPUS_SUFFIXES = ", ".join(CORPUS_EXTENSIONS)


def corpus_format_for_path(path: str) -> str | None:
    """The corpus format a path's extension names (.jsonl/.ndjson, .csv/.tsv, .parquet), or None."""
    return CORPUS_EXTENSIONS.get(os.path.splitext(path or "")[1].lower())


def format_for_path(path: str | None) -> str:
    """The reader a path's extension asks for: markdown, html, or text for anything else."""
    ext = os.path.splitext(path or "")[1].lower()
    if ext in MARKDOWN_EXTENSIONS:
        return "markdown"
    if ext in HTML_EXTENSIONS:
        return "html"
    return "text"


def make_source(text: str, path: str | None, fmt: str) -> Source:
    """Build a Source from decoded text in a given input format (text, markdown, html)."""
    if fmt == "text":
        return laid_out(plain_source(text, path))  # one paragraph per line, as scraped pages come: layout.py
    if fmt == "markdown":
        from .markdown import read_markdown  # imported only when needed: keeps start-up small

        return read_markdown(text, path)
    if fmt == "html":
        from .html import read_html

        return read_html(text, path)
    raise SourceError(path, f"unknown input format {fmt!r} (text, markdown, html)")
