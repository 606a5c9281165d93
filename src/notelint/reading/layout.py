"""Paragraph layout of a plain-text article.

The parser reads a blank line as the end of a paragraph and a single line break as a hard wrap inside one.
Scraped and exported articles often put one paragraph on each line with no blank line between them: the
parser then saw the whole article as one paragraph, its headline, page furniture and reader widgets
included (a newsletter box's "our" read as the wire's voice), and beside a republication laid out with
blank lines every republished paragraph paired with all of it. Such a text is given a blank line at each
of its line breaks before it is parsed (`read_source` and `make_source` ask: every command that reads a
file or standard input); offsets still point into the file as read.
"""
from __future__ import annotations

import re

from .source import OffsetMap, Source


# Hard wrapping keeps lines within 60-100 columns; a paragraph on one line is most often longer.
LONG_LINE = 150
WRAP_WIDTH = 100
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def one_paragraph_per_line(text: str) -> bool:
    """Paragraphs one to a line: no blank line between them, a line longer than hard wrapping leaves, and
    either a third of the lines that long or (a page whose short lines are its furniture: menus, a byline,
    share buttons, related links) hardly a line that carries on a sentence in lower case, as a tenth of
    hard-wrapped lines or more do."""
    lines = [line for line in _LINE_BREAK.split(text.strip())]
    if len(lines) < 3 or any(not line.strip() for line in lines):
        return False
    if max(map(len, lines)) <= LONG_LINE:
        return False
    if sum(len(line) > WRAP_WIDTH for line in lines) * 3 >= len(lines):
        return True
    carried_on = sum(1 for line in lines[1:] if line.lstrip()[:1].islower())
    return carried_on * 10 <= len(lines) - 1


def paragraphs_from_lines(text: str) -> tuple[str, list[tuple[int, int, int, int]]] | None:
    """When `text` is laid out one paragraph per line: the text with a blank line at each line break between
    two lines, and its segments (start, end in the new text, start, end in `text`) for an OffsetMap; else
    None."""
    if not one_paragraph_per_line(text):
        return None
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
    return "".join(parts), segments


def laid_out(source: Source) -> Source:
    """A plain-text source laid out one paragraph per line, with a blank line at each line break (offsets
    into the file as read); any other source as it is."""
    text = source.text
    if (source.offsets is not None or "\n\n" in text or "\r\n\r\n" in text
            or ("\n" not in text and "\r" not in text)):
        return source  # most texts: blank lines, or one line (found at C speed)
    found = paragraphs_from_lines(text)
    if found is None:
        return source
    return Source(source.path, source.original, found[0], OffsetMap.from_segments(found[1]))
