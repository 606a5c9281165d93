"""Reading a source: bytes -> decoded text, with a line index and an offset map back to the file.

Every position in notelint is a code-point offset into the decoded file (BOM excluded). Readers for
Markdown or HTML extract the article text and keep an OffsetMap from that text back to the file, so
the grammar, the rules and every reporter work on all formats unchanged.
"""
from __future__ import annotations

import bisect
import os
from array import array
import stat
from functools import cached_property
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable

import re

from ..lazy_pattern import LazyPattern
from ..values import FrozenValue

_NEW_DICT: dict = {}  # Source's metadata default: a new dict for each Source (never this one)

# A file larger than this is refused with a clear error rather than read into memory unasked.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024

# A line break of any convention: the line index of a text with a CR (compiled then), and the lines of a page laid
# out one paragraph per line (layout.py, the document builder).
LINE_BREAK = LazyPattern(re.compile, r"\r\n|\r|\n")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class SourceError(Exception):
    """An input problem the user can fix: printed as one line `path: error: message`, exit code 2."""

    def __init__(self, path: str | None, message: str) -> None:
        super().__init__(message)
        self.path = path or "-"
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


class LineIndex:
    """Line starts of a text, built once; offset -> (line, col) by bisection (1-based, code points).

    The starts are a machine-integer array, not a list: 8 bytes a line instead of a list slot and an int
    object (~40 bytes; 4.4 MB for the 111,000 lines of a 20 MB article)."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = array("q", [0])
            self.starts.extend(m.end() for m in LINE_BREAK.finditer(text))
        else:
            # LF only (nearly every file): each newline found by str.find. Splitting the text into lines
            # copied all of it at once (40 MB more at the peak of a 20 MB check) and was slower.
            self.starts = starts = array("q", [0])
            append = starts.append
            pos = text.find("\n")
            while pos != -1:
                append(pos + 1)
                pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class OffsetMap(FrozenValue):
    """Maps offsets in extracted article text back to offsets in the original file.

    Built from segments (text_start, text_end, orig_start, orig_end). A segment of equal lengths maps
    char for char; an unequal one (an HTML entity, a dropped markup run) is atomic: a start inside it
    maps to orig_start and an end to orig_end. Text with no origin (a separator the reader added) is a
    segment with orig_start == orig_end.
    """

    text_starts: tuple[int, ...]
    text_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]

    @classmethod
    def from_segments(cls, segments: list[tuple[int, int, int, int]]) -> "OffsetMap":
        segments = sorted(segments)
        return cls(*(tuple(s[i] for s in segments) for i in range(4)))  # type: ignore[arg-type]

    def start(self, offset: int) -> int:
        """Original offset of the character that starts at `offset` in the text."""
        i = bisect.bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return self.orig_starts[0] if self.orig_starts else offset
        t0, t1, o0, o1 = self.text_starts[i], self.text_ends[i], self.orig_starts[i], self.orig_ends[i]
        if offset >= t1:
            return o1
        return o0 + (offset - t0) if (t1 - t0) == (o1 - o0) else o0

    def end(self, offset: int) -> int:
        """Original offset just after the character that ends at `offset` in the text (exclusive end)."""
        i = bisect.bisect_left(self.text_ends, offset)
        if i >= len(self.text_ends):
            return self.orig_ends[-1] if self.orig_ends else offset
        t0, t1, o0, o1 = self.text_starts[i], self.text_ends[i], self.orig_starts[i], self.orig_ends[i]
        if offset <= t0:
            return o0
        return o0 + (offset - t0) if (t1 - t0) == (o1 - o0) else o1


class Source(FrozenValue):
    """One article as read: the decoded file, the text the grammar reads, and how they correspond."""

    path: str | None
    original: str
    text: str = None  # type: ignore[assignment]  # None: the original
    offsets: OffsetMap | None = None  # None: text is the original, offsets are identical
    format: str = "text"
    # Blocks the reader already knows (Markdown headings, HTML paragraphs): (start, end, role) in text.
    # None lets the document builder split paragraphs on blank lines itself.
    blocks: tuple[tuple[int, int, str], ...] | None = None
    metadata: dict  # front matter: title, source/credit, ...; a new dict for each Source by default
    # True: a line break ends a paragraph, as in a page laid out one paragraph per line (reading/layout.py);
    # else a blank line does and a single line break is a hard wrap.
    line_paragraphs: bool = False
    _FACTORIES = {"metadata": dict}

    # Written out (FrozenValue's generic constructor is ~1 µs slower, paid once per file checked).
    def __init__(self, path: str | None, original: str, text: str | None = None, offsets: OffsetMap | None = None,
                 format: str = "text", blocks: tuple[tuple[int, int, str], ...] | None = None,
                 metadata: dict = _NEW_DICT, line_paragraphs: bool = False) -> None:
        self.__dict__.update(path=path, original=original, text=original if text is None else text, offsets=offsets,
                             format=format, blocks=blocks, metadata={} if metadata is _NEW_DICT else metadata,
                             line_paragraphs=line_paragraphs)

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.original)

    def original_start(self, offset: int) -> int:
        return offset if self.offsets is None else self.offsets.start(offset)

    def original_end(self, offset: int) -> int:
        return offset if self.offsets is None else self.offsets.end(offset)

    def line_col(self, original_offset: int) -> tuple[int, int]:
        """1-based line and column (code points; a tab counts as one) of an offset into the original."""
        return self.line_index.line_col(original_offset)

    def line_cols(self, original_offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
        """line_col of each offset, by offset.

        A file's findings are few, and indexing every line of a 1 MB file (~10,000 lines) cost more than
        placing them: with only line feeds for line breaks, the line feeds before each offset are counted
        from the one before it (one pass over the text up to the last offset, at the speed of str.count),
        and a column is its distance from the line feed before it. Carriage returns (a line break alone or
        before a line feed) are left to the line index, as is a text whose index is already built."""
        original = self.original
        if "line_index" in self.__dict__ or "\r" in original:
            line_col = self.line_col
            return {offset: line_col(offset) for offset in original_offsets}
        places = {}
        line, counted = 1, 0  # line feeds before `counted`, plus one
        for offset in sorted(set(original_offsets)):
            line += original.count("\n", counted, offset)
            counted = offset
            places[offset] = line, offset - original.rfind("\n", 0, offset)
        return places


def decode(data: bytes, path: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM. Binary or invalid: SourceError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"invalid {encoding.upper()} at byte offset {exc.start + len(bom)}") from None
    nul = data.find(b"\x00")  # anywhere: a text file holds none, and memchr over a whole article is cheap
    if nul != -1:
        raise SourceError(path, f"binary file (NUL byte at byte offset {nul}), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4].hex(" ")
        raise SourceError(path, f"invalid UTF-8 at byte offset {exc.start} (bytes {bad}); save the file as UTF-8") from None


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, turning every OS problem into a one-line SourceError."""
    return read_bytes_and_stat(path, max_bytes)[0]


def read_bytes_and_stat(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
                        stat_after: bool = True) -> tuple[bytes, os.stat_result]:
    """Read a file and stat it once it is read (a write in between leaves a newer mtime, which the
    cache sees; `stat_after=False`, for a run without the cache: the stat taken before reading). One open
    and unbuffered reads: a run over thousands of files pays no path lookups or buffered file objects it
    does not need (os.read costs a third less than open().read() per article)."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except IsADirectoryError:
        raise SourceError(path, _IS_A_DIRECTORY) from None
    except PermissionError:
        # Windows refuses to open a folder with a permission error.
        raise SourceError(path, _IS_A_DIRECTORY if os.path.isdir(path) else "permission denied") from None
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):  # POSIX opens a folder for reading; reading it fails
            raise SourceError(path, _IS_A_DIRECTORY)
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device may never end (or never start): an article is a file. (Opened without
            # blocking, so a FIFO nobody writes to is refused here rather than waited on.)
            raise SourceError(path, "not a regular file (a FIFO, socket or device); give article files")
        if max_bytes and st.st_size > max_bytes:
            raise SourceError(path, _too_large(st.st_size, max_bytes))
        # Read to the end, not just the size stat gave: the file may grow meanwhile. The limit holds then too.
        request = max(st.st_size + 1, _READ_CHUNK)
        regular = stat.S_ISREG(st.st_mode)
        parts, total = [], 0
        while chunk := os.read(fd, request):
            parts.append(chunk)
            total += len(chunk)
            if max_bytes and total > max_bytes:
                raise SourceError(path, _too_large(total, max_bytes))
            if regular and len(chunk) < request:
                break  # a regular file gives less than asked only at its end: no read to see it empty
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        return data, os.fstat(fd) if stat_after else st
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES, name: str = "-") -> bytes:
    """Standard input, to its end or to one byte past the limit (then an error): `< /dev/zero` must not
    grow until memory runs out."""
    import sys

    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise SourceError(name, "standard input is closed")
    parts, total = [], 0
    try:
        while chunk := stream.read(_READ_CHUNK if not max_bytes else min(_READ_CHUNK, max_bytes + 1 - total)):
            parts.append(chunk)
            total += len(chunk)
            if max_bytes and total > max_bytes:
                raise SourceError(name, f"input too large (more than {max_bytes:,} bytes; raise the limit "
                                        "with --max-file-size)")
    except OSError as exc:
        raise SourceError(name, exc.strerror or str(exc)) from None
    return b"".join(parts)


def _too_large(size: int, max_bytes: int) -> str:
    return f"file too large ({size:,} bytes; limit {max_bytes:,}, raise it with --max-file-size)"


# O_BINARY: no newline translation on Windows. O_NONBLOCK: opening a FIFO does not wait for a writer.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
_READ_CHUNK = 64 * 1024
_IS_A_DIRECTORY = "is a directory (give files, or use `notelint check DIR`)"


def plain_source(text: str, path: str | None = None) -> Source:
    """A plain-text Source; a leading BOM character is dropped so offsets match `decode`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return Source(path=path, original=text)
