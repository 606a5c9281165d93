"""notelint: separate wire copy from quotation and editorial commentary in republished news articles."""
from __future__ import annotations

from .version import __version__

__all__ = ["parse", "parse_source", "Document", "Span", "__version__"]


def parse(text: str, path: str | None = None, **options):
    """Parse an article's text into a Document (plain text; see `parse_source` for other formats)."""
    from .parsing.document import parse_text

    return parse_text(text, path, **options)


def parse_source(source, **options):
    """Parse a Source (from `notelint.reading.formats.read_source`) into a Document."""
    from .parsing.document import build_document

    return build_document(source, **options)


def __getattr__(name: str):
    if name in ("Document", "Span"):
        from .parsing import model

        return getattr(model, name)
    raise AttributeError(name)
