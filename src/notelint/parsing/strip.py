"""Reconstruct the wire text: the article with editorial insertions taken out and the seams repaired."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import BREAK, COMMENTS, INSERTION, STANDFIRST, outermost

if TYPE_CHECKING:
    from .model import Document

# A suppression comment on a line of its own in plain text ("notelint: disable=NL102") is for the
# linter, not part of the article; with the blank lines after it, it leaves the wire text.
_DIRECTIVE_LINE = re.compile(r"^[ \t]*notelint:\s*(?:disable-next|disable|enable)\b[^\r\n]*(?:\r\n|\r|\n)*",
                             re.MULTILINE)

# After these, a space left in front of the cut would stand before punctuation.
_CLOSING = ",.;:!?)”’\"]"


def strip_document(doc: "Document", keep_standfirst: bool = False, keep_comments: bool = False) -> str:
    text = doc.text
    cuts: list[tuple[int, int]] = []  # [start, end) ranges of text to drop
    top = doc.spans
    for i, span in enumerate(top):
        if (span.kind == STANDFIRST and not keep_standfirst) or (span.kind == COMMENTS and not keep_comments):
            # Take the block with the blank lines before it (or after it, at the start of the text).
            start = top[i - 1].start if i > 0 and top[i - 1].kind == BREAK else span.start
            end = span.end
            if start == 0 and i + 1 < len(top) and top[i + 1].kind == BREAK:
                end = top[i + 1].end
            cuts.append((start, end))
            continue
        if span.kind == COMMENTS:
            continue
        for insertion in outermost(span, INSERTION):
            if insertion.start == span.start and insertion.end == span.end and i > 0 and top[i - 1].kind == BREAK:
                cuts.append((top[i - 1].start, span.end))  # a paragraph that was only a note goes entirely
            else:
                cuts.append(_with_seam(text, insertion.start, insertion.end, span.start, span.end))
    for match in _DIRECTIVE_LINE.finditer(text, 0, doc.article_end):
        cuts.append(match.span())
    return _apply(text, cuts)


def _with_seam(text: str, start: int, end: int, block_start: int, block_end: int) -> tuple[int, int]:
    """Widen a cut so no double space, and no space before punctuation, is left behind."""
    before = start
    while before > block_start and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < block_end and text[after] in " \t":
        after += 1
    if before == block_start:  # the insertion opened the block: drop the space after it
        return block_start, after
    if after == block_end or text[after] in _CLOSING:
        return before, end if after == block_end else after
    return before + 1 if before < start else before, after  # keep exactly one space between the words


def _apply(text: str, cuts: list[tuple[int, int]]) -> str:
    pieces = []
    pos = 0
    for start, end in sorted(cuts):
        if start < pos:
            start = pos
        pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return "".join(pieces)
