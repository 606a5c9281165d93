"""Paragraph layout of a plain-text article before it is diffed.

The parser reads a blank line as the end of a paragraph and a single line break as a hard wrap inside one.
Scraped and exported articles often put one paragraph on each line with no blank line between them: the
parser then sees the whole article as one paragraph, and beside a republication laid out with blank lines
every republished paragraph pairs with all of it. Such a text is given a blank line at each of its line
breaks before it is parsed; offsets still point into the file as read.
"""
from __future__ import annotations

import re

from ..reading.source import OffsetMap, Source

# Hard wrapping keeps lines within 60-100 columns; a paragraph on one line is most often longer.
LONG_LINE = 150
WRAP_WIDTH = 100
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def one_paragraph_per_line(text: str) -> bool:
    """Paragraphs one to a line: no blank line between them, and lines longer than hard wrapping leaves."""
    lines = [line for line in _LINE_BREAK.split(text.strip())]
    if len(lines) < 3 or any(not line.strip() for line in lines):
        return False
    return max(map(len, lines)) > LONG_LINE and sum(len(line) > WRAP_WIDTH for line in lines) * 3 >= len(lines)


def paragraphs_from_lines(source: Source) -> Source:
    """The source with a blank line at each line break between two lines of text, when it is plain text laid
    out one paragraph per line; otherwise the source itself."""
    if source.format != "text" or source.offsets is not None or not one_paragraph_per_line(source.text):
        return source
    text = source.text
    parts: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    pos = out = 0
    stripped_end = len(text.rstrip())
    for match in _LINE_BREAK.finditer(text, len(text) - len(text.lstrip()), stripped_end):
        end = match.end()
        parts.append(text[pos:end])
        segments.append((out, out + end - pos, pos, end))
        out += end - pos
        parts.append(match.group())  # the added break has no origin in the file
        segments.append((out, out + len(match.group()), end, end))
        out += len(match.group())
        pos = end
    parts.append(text[pos:])
    segments.append((out, out + len(text) - pos, pos, len(text)))
    return Source(source.path, source.original, "".join(parts), OffsetMap.from_segments(segments),
                  source.format, source.blocks, source.metadata)
