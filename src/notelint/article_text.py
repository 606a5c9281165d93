"""Assembling a reader's article text: blocks of pieces, each piece tied to its place in the original file.

The Markdown and HTML readers both hand over blocks as lists of pieces `(text, orig_start, orig_end)`.
A piece whose text has the length of its origin was copied verbatim and maps char for char; any other
piece (an entity, an escape, a `<br>`) maps atomically. This module trims each block, joins blocks with a
blank line that has no origin, and builds the Source's text, OffsetMap and block list in one pass.
"""
from __future__ import annotations

from .source import OffsetMap, Source

Piece = tuple  # (text, orig_start, orig_end)

BLOCK_SEPARATOR = "\n\n"


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Drop leading and trailing whitespace of a block, keeping verbatim pieces' offsets exact."""
    start = 0
    while start < len(pieces):
        text, o0, o1 = pieces[start]
        stripped = text.lstrip()
        if not stripped:
            start += 1
            continue
        if len(stripped) != len(text):
            if len(text) == o1 - o0:
                pieces[start] = (stripped, o0 + len(text) - len(stripped), o1)
            else:
                pieces[start] = (stripped, o0, o1)
        break
    end = len(pieces)
    while end > start:
        text, o0, o1 = pieces[end - 1]
        stripped = text.rstrip()
        if not stripped:
            end -= 1
            continue
        if len(stripped) != len(text):
            if len(text) == o1 - o0:
                pieces[end - 1] = (stripped, o0, o1 - (len(text) - len(stripped)))
            else:
                pieces[end - 1] = (stripped, o0, o1)
        break
    return pieces[start:end]


class ArticleTextBuilder:
    """Collects blocks into article text with an exact map back to the original file."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[list[int]] = []
        self._length = 0
        self._last_orig_end = 0
        self.blocks: list[tuple[int, int, str]] = []

    def add_block(self, role: str, pieces: list[Piece]) -> bool:
        """Append one block (trimmed); an all-whitespace block is left out. Returns whether it was added."""
        pieces = _trim(pieces)
        if not pieces:
            return False
        if self.blocks:
            self._append(BLOCK_SEPARATOR, self._last_orig_end, self._last_orig_end)
        start = self._length
        for text, o0, o1 in pieces:
            if text:
                self._append(text, o0, o1)
        self.blocks.append((start, self._length, role))
        return True

    def extend_last_block(self, role: str, pieces: list[Piece]) -> bool:
        """Add pieces as a further part of the last block if it has `role` (comments are ONE block)."""
        if not self.blocks or self.blocks[-1][2] != role:
            return self.add_block(role, pieces)
        pieces = _trim(pieces)
        if not pieces:
            return False
        start = self.blocks[-1][0]
        self._append(BLOCK_SEPARATOR, self._last_orig_end, self._last_orig_end)
        for text, o0, o1 in pieces:
            if text:
                self._append(text, o0, o1)
        self.blocks[-1] = (start, self._length, role)
        return True

    def _append(self, text: str, o0: int, o1: int) -> None:
        t0 = self._length
        t1 = t0 + len(text)
        self._parts.append(text)
        self._length = t1
        verbatim = (t1 - t0) == (o1 - o0)
        last = self._segments[-1] if self._segments else None
        # Merge runs that continue each other in both texts: keeps the map small and bisection fast.
        if (verbatim and last is not None and last[1] == t0 and last[3] == o0
                and last[1] - last[0] == last[3] - last[2] and last[3] > last[2]):
            last[1] = t1
            last[3] = o1
        else:
            self._segments.append([t0, t1, o0, o1])
        if o1 > o0 or o0 > self._last_orig_end:
            self._last_orig_end = o1

    def source(self, path: str | None, original: str, fmt: str, metadata: dict) -> Source:
        text = "".join(self._parts)
        segments = self._segments or [[0, 0, 0, 0]]
        offsets = OffsetMap(
            tuple(s[0] for s in segments),
            tuple(s[1] for s in segments),
            tuple(s[2] for s in segments),
            tuple(s[3] for s in segments),
        )
        return Source(path=path, original=original, text=text, offsets=offsets, format=fmt,
                      blocks=tuple(self.blocks), metadata=metadata)
