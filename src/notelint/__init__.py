"""notelint: separate wire copy from quotation and editorial commentary in republished news articles."""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up

if TYPE_CHECKING:
    from typing import Iterator

    from .linting.findings import Finding
    from .runner.records import RecordResult

from .version import __version__

__all__ = ["parse", "parse_source", "Document", "Span", "__version__", "lint", "lint_records", "Finding",
           "RecordFinding", "RecordResult", "findings_to_pandas", "articles_to_pandas"]


def parse(text: str, path: str | None = None, **options):
    """Parse an article's text into a Document (plain text; see `parse_source` for other formats)."""
    from .parsing.document import parse_text

    return parse_text(text, path, **options)


def parse_source(source, **options):
    """Parse a Source (from `notelint.reading.formats.read_source`) into a Document."""
    from .parsing.document import build_document

    return build_document(source, **options)


def lint(text: str, *, path: str | None = None, settings=None) -> "list[Finding]":
    """The findings of one article's plain text, in report order (see notelint.api)."""
    from .api import lint as _lint

    return _lint(text, path=path, settings=settings)


def lint_records(records, *, text_field: str = "text", settings=None, **options) -> "Iterator[RecordResult]":
    """One RecordResult per record of a corpus file or an iterable of mappings, in order (see notelint.api)."""
    from .api import lint_records as _lint_records

    return _lint_records(records, text_field=text_field, settings=settings, **options)


def __getattr__(name: str):
    if name in ("findings_to_pandas", "articles_to_pandas"):
        from . import api

        return getattr(api, name)
    if name == "Finding":
        from .linting.findings import Finding

        return Finding
    if name in ("RecordFinding", "RecordResult"):
        from .runner import records

        return getattr(records, name)
    if name in ("Document", "Span"):
        from .parsing import model

        return getattr(model, name)
    raise AttributeError(name)
