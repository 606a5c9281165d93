"""Paragraph layout of a plain-text article.

The parser reads a blank line as the end of a paragraph and a single line break as a hard wrap inside one.
Scraped and exported articles often put one paragraph on each line with no blank line between them: the
parser then saw the whole article as one paragraph, its headline, page furniture and reader widgets
included (a newsletter box's "our" read as the wire's voice), and beside a republication laid out with
blank lines every republished paragraph paired with all of it. Such a text is read with each line break
ending a paragraph (`Source.line_paragraphs`; `make_source` asks, for every command that reads a file or
standard input). The text is not copied: offsets are the file's own.
"""
from __future__ import annotations

from .source import LINE_BREAK, Source

# Hard wrapping keeps lines within 60-100 columns; a paragraph on one line is most often longer.
LONG_LINE = 150
WRAP_WIDTH = 100


def one_paragraph_per_line(text: str) -> bool:
    """Paragraphs one to a line: no blank line between them, a line longer than hard wrapping leaves, and
    either a third of the lines that long or (a page whose short lines are its furniture: menus, a byline,
    share buttons, related links) hardly a line that carries on a sentence in lower case, as a tenth of
    hard-wrapped lines or more do.

    Read line by line in place: a copy of the whole text (stripped, or split into lines) was the peak of
    memory of a 20 MB check (40 MB a copy, the text being stored two bytes a character)."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lines = longest = long_lines = carried_on = 0
    pos = start
    breaks = LINE_BREAK.finditer(text, start, end)
    while True:
        found = next(breaks, None)
        line = text[pos:found.start() if found else end]
        if not line or line.isspace():
            return False  # a blank line: paragraphs are told by blank lines
        lines += 1
        longest = max(longest, len(line))
        long_lines += len(line) > WRAP_WIDTH
        if lines > 1 and line.lstrip()[:1].islower():
            carried_on += 1
        if found is None:
            break
        pos = found.end()
    if lines < 3 or longest <= LONG_LINE:
        return False
    return long_lines * 3 >= lines or carried_on * 10 <= lines - 1


def laid_out(source: Source) -> Source:
    """A plain-text source laid out one paragraph per line, read with a line break ending each paragraph; any
    other source as it is."""
    text = source.text
    if (source.offsets is not None or source.blocks is not None or "\n\n" in text or "\r\n\r\n" in text
            or ("\n" not in text and "\r" not in text)):
        return source  # most texts: blank lines, or one line (found at C speed)
    if not one_paragraph_per_line(text):
        return source
    return Source(source.path, source.original, source.text, None, source.format, None, source.metadata,
                  line_paragraphs=True)
