"""Assembling a reader's article text: blocks of pieces, each piece tied to its place in the original file.

The Markdown and HTML readers both hand over blocks as lists of pieces `(text, orig_start, orig_end)`.
A piece whose text has the length of its origin was copied verbatim and maps char for char; any other
piece (an entity, an escape, a `<br>`) maps atomically. This module trims each block, joins blocks with a
blank line that has no origin, and builds the Source's text, OffsetMap and block list in one pass.
"""
from __future__ import annotations

from array import array

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
        # Segments as four flat arrays (text start/end, original start/end): 32 bytes a segment while the
        # map is built, instead of a small list of int objects each.
        self._t0, self._t1, self._o0, self._o1 = array("q"), array("q"), array("q"), array("q")
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
        last_t0, last_t1, last_o0, last_o1 = self._t0, self._t1, self._o0, self._o1
        # Merge runs that continue each other in both texts: keeps the map small and bisection fast.
        if (verbatim and last_t1 and last_t1[-1] == t0 and last_o1[-1] == o0
                and last_t1[-1] - last_t0[-1] == last_o1[-1] - last_o0[-1] and last_o1[-1] > last_o0[-1]):
            last_t1[-1] = t1
            last_o1[-1] = o1
        else:
            last_t0.append(t0)
            last_t1.append(t1)
            last_o0.append(o0)
            last_o1.append(o1)
        if o1 > o0 or o0 > self._last_orig_end:
            self._last_orig_end = o1

    def source(self, path: str | None, original: str, fmt: str, metadata: dict) -> Source:
        text = "".join(self._parts)
        if not self._t0:
            offsets = OffsetMap((0,), (0,), (0,), (0,))
        else:
            offsets = OffsetMap(tuple(self._t0), tuple(self._t1), tuple(self._o0), tuple(self._o1))
        return Source(path=path, original=original, text=text, offsets=offsets, format=fmt,
                      blocks=tuple(self.blocks), metadata=metadata)
