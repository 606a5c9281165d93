"""Corpus files: many articles in one file, one record each (JSON Lines, CSV, Parquet), read lazily.

Media researchers keep scraped articles as a table: an id, a publisher, a date and the text. Each row
becomes a Record: its text (with the scrape's paragraph separator turned into blank lines, so the parser
sees paragraphs), its id and the metadata fields asked for. A row that cannot be read (a missing text
field, a text that is not a string, bytes that are not UTF-8, broken JSON) is a Record with `error` set
and the reading goes on; only what stops the whole file (an unreadable path, a missing column, Parquet
without pyarrow) raises SourceError.

Rows are read one at a time (JSON Lines and CSV) or one row group batch at a time (Parquet), so a corpus
of any size is read in bounded memory.
"""
from __future__ import annotations

import csv
import datetime
import decimal
import io
import itertools
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping, Sequence, TypeVar

from .formats import CORPUS_FORMATS, corpus_format_for_path  # noqa: F401 (part of this module's interface)
from .source import SourceError

T = TypeVar("T")

# Rows of a Parquet file converted to Python objects at once: a few MB of text, whatever the file's size.
_PARQUET_BATCH = 1024
# Code points a UTF-8 decode with surrogateescape leaves for bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
PARQUET_MISSING = ("reading Parquet needs pyarrow, which is not installed: "
                   "pip install 'notelint[corpus]' (or read the file as JSON Lines or CSV)")


@dataclass(frozen=True)
class Record:
    """One row of a corpus file."""

    row: int  # 1-based row number in the file (JSONL line / CSV data row / Parquet row)
    id: str  # the id field's value as a string, or str(row) when there is no id field
    text: str | None  # the article text (paragraph separator already turned into blank lines)
    meta: dict[str, object]  # the requested metadata fields
    error: str | None = None  # set (and text None) for a bad row: missing field, wrong type, undecodable


def iter_records(path: str, *, input_format: str | None = None, text_field: str = "text",
                 id_field: str | None = None, meta_fields: Sequence[str] = (),
                 paragraph_separator: str | None = None) -> Iterator[Record]:
    """The records of a corpus file, in file order, one at a time. A problem with the whole file (no such
    file, not a corpus, a missing column, Parquet without pyarrow) raises SourceError when the first record
    is asked for."""
    return iter(open_records(path, input_format=input_format, text_field=text_field, id_field=id_field,
                             meta_fields=meta_fields, paragraph_separator=paragraph_separator))


class RecordStream:
    """A corpus file's records (iterate once) and how far the reading has got, for a progress bar:
    `done` of `total` (bytes of a JSON Lines or CSV file, rows of a Parquet file)."""

    def __init__(self, path: str, fmt: str, fields: "_Fields") -> None:
        self.path, self.format, self.fields = path, fmt, fields
        self.done = 0
        self.total: int | None = None
        if fmt != "parquet" and path != "-":
            try:
                self.total = os.path.getsize(path)
            except OSError:
                pass  # the reader says why when it opens the file

    def __iter__(self) -> Iterator[Record]:
        reader = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[self.format]
        return reader(self.path, self.fields, self)


def open_records(path: str, *, input_format: str | None = None, text_field: str = "text",
                 id_field: str | None = None, meta_fields: Sequence[str] = (),
                 paragraph_separator: str | None = None) -> RecordStream:
    """iter_records' records as a RecordStream (which also tells the reading's progress)."""
    fmt = input_format or corpus_format_for_path(path)
    if fmt not in CORPUS_FORMATS:
        raise SourceError(path, f"not a corpus file (give --input-format {'|'.join(CORPUS_FORMATS)}, or name it "
                                ".jsonl, .ndjson, .csv or .parquet)")
    if fmt == "parquet" and path == "-":
        raise SourceError(path, "Parquet cannot be read from standard input (it is read from its end): give its path")
    return RecordStream(path, fmt, _Fields(text_field, id_field, tuple(meta_fields), paragraph_separator))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Items in lists of `size` (the last may be shorter): the records a worker or a task takes at once."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True)
class _Fields:
    text: str
    id: str | None
    meta: tuple[str, ...]
    separator: str | None

    def record(self, row: int, get, escaped: bool = True) -> Record:
        """A Record from a row's field lookup `get(name) -> value` (raises KeyError for a missing field).

        `escaped`: whether the row's strings can hold lone surrogates, the code points that stand for bytes
        that are not UTF-8 (CSV is decoded with surrogateescape) or that a JSON `\\uDC80` escape writes.
        A JSON line decoded as strict UTF-8 holds none unless it has a `\\u` escape, and searching every
        text for them was half of reading a JSON Lines record."""
        meta = {}
        for name in self.meta:
            try:
                meta[name] = _plain(get(name))
            except KeyError:
                meta[name] = None  # a scrape often lacks a date or a byline: not a reason to drop the article
        record_id = str(row)
        if self.id is not None:
            try:
                value = get(self.id)
            except KeyError:
                return Record(row, record_id, None, meta, f"no id field {self.id!r}")
            if value is None or isinstance(value, (dict, list, bool)):
                return Record(row, record_id, None, meta, f"id field {self.id!r} is {_kind(value)}, not a string "
                                                          "or number")
            plain = _plain(value)
            if isinstance(plain, float) and plain.is_integer():
                plain = int(plain)  # 604.0 from a column of numbers with gaps names record 604
            record_id = str(plain)
            if escaped and _UNDECODABLE.search(record_id):
                return Record(row, record_id, None, meta, f"id field {self.id!r} is not valid UTF-8")
        try:
            text = get(self.text)
        except KeyError:
            return Record(row, record_id, None, meta, f"no text field {self.text!r}")
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as exc:
                return Record(row, record_id, None, meta,
                              f"text field {self.text!r} is not valid UTF-8 (byte offset {exc.start})")
        if not isinstance(text, str):
            return Record(row, record_id, None, meta, f"text field {self.text!r} is {_kind(text)}, not a string")
        bad = _UNDECODABLE.search(text) if escaped else None
        if bad:
            return Record(row, record_id, None, meta,
                          f"text field {self.text!r} is not valid UTF-8 (at character {bad.start()})")
        for name, value in meta.items() if escaped else ():
            if isinstance(value, str) and _UNDECODABLE.search(value):
                return Record(row, record_id, None, meta, f"field {name!r} is not valid UTF-8")
        if self.separator:
            text = text.replace(self.separator, "\n\n")
        return Record(row, record_id, text, meta, None)


_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", dict: "an object", list: "an array"}.get(
        type(value), f"a {type(value).__name__}")


def _plain(value: object) -> object:
    """A metadata value as JSON and Parquet can carry it: str, int, float, bool or None; a date or time as its
    ISO 8601 text, anything else as its JSON (or str) text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return str(value)


# How much of a corpus file's start is looked at to tell a binary or UTF-16 file from JSON Lines or CSV.
_HEAD = 8192


def _refuse_binary(path: str, head: bytes, what: str, fields_hold_nul: bool = False) -> None:
    """SourceError for a file whose start shows it is not UTF-8 text: a UTF-16 byte order mark, or a NUL
    byte where the format holds none (JSON escapes it) or, where a field may hold one (`fields_hold_nul`:
    CSV), beside bytes that are not UTF-8 (an image, an archive). Read row by row, such a file would be reported as one
    unreadable row per line, thousands for an image or an archive given by mistake."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, f"UTF-16 text (byte order mark), not UTF-8: save the {what} file as UTF-8")
    nul = head.find(b"\x00")
    if nul != -1 and (not fields_hold_nul or not _utf8(head)):
        raise SourceError(path, f"binary file (NUL byte at byte offset {nul}), not {what}")


def _utf8(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-8 (the last character may be cut short)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def _head(stream) -> bytes:
    """The stream's first bytes, left to be read (a buffered file or standard input; b"" for a stream that
    cannot be peeked at, which is then read row by row)."""
    peek = getattr(stream, "peek", None)
    return peek(_HEAD)[:_HEAD] if peek is not None else b""


def _open(path: str):
    if path == "-":
        return _Unclosed(sys.stdin.buffer)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except IsADirectoryError:
        raise SourceError(path, "is a directory, not a corpus file") from None
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc)) from None


class _Unclosed:
    """Standard input for a `with` block that must not close it."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc_info) -> None:
        pass


# --- JSON Lines -----------------------------------------------------------------------------------

def _jsonl_rows(path: str, fields: _Fields, progress: RecordStream) -> Iterator[Record]:
    with _open(path) as fh:
        _refuse_binary(path, _head(fh), "JSON Lines")
        yield from _jsonl_records(fh, 1, fields, progress)


def _jsonl_records(lines, first_row: int, fields: _Fields, progress) -> Iterator[Record]:
    """The records of JSON lines (a file, or a partition's bytes) numbered from `first_row`."""
    for row, line in enumerate(lines, first_row):
        progress.done += len(line)
        if row == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue  # a blank line (often the last) holds no record; the row numbers stay line numbers
        try:
            # Decoded here, not by json.loads, which would take a line opening with FF FE for UTF-16.
            decoded = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Record(row, str(row), None, {}, f"not valid UTF-8 (byte offset {exc.start} of the line)")
            continue
        try:
            obj = json.loads(decoded)
        except ValueError as exc:
            message = getattr(exc, "msg", str(exc))
            column = getattr(exc, "colno", None)
            yield Record(row, str(row), None, {},
                         f"invalid JSON: {message}" + (f" at column {column}" if column else ""))
            continue
        if not isinstance(obj, dict):
            yield Record(row, str(row), None, {}, f"a JSON {_JSON_KINDS.get(type(obj), 'value')}, not an object")
            continue
        yield fields.record(row, obj.__getitem__, escaped=b"\\u" in line)


# --- CSV ------------------------------------------------------------------------------------------

def _csv_rows(path: str, fields: _Fields, progress: RecordStream) -> Iterator[Record]:
    # A scraped article is one field of tens of kilobytes: far over the csv module's 128 KB default limit
    # at times. The limit only guards against runaway quoting; a file's own size bounds it here.
    csv.field_size_limit(2**31 - 1)
    with _open(path) as raw:
        _refuse_binary(path, _head(raw), "CSV", fields_hold_nul=True)
        # Bytes that are not UTF-8 become lone surrogates instead of stopping the file: the row holding them
        # is reported, the others are read.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        try:
            yield from _csv_records(path, fields, progress, raw, text)
        finally:
            text.detach()  # the file is closed by its own `with` (standard input is left open)


# The characters a delimited file separates its fields with: comma (CSV), semicolon (spreadsheets in
# locales whose decimal mark is a comma; BABE's files), tab (TSV), vertical bar.
_DELIMITERS = ",;\t|"


def _delimiter(header: str) -> str:
    """The delimiter of a file whose first line is `header`: of _DELIMITERS, the one splitting it into the
    most fields (a comma on a tie). Column names rarely hold any of them; a field's text often holds all."""
    counts = {}
    for delimiter in _DELIMITERS:
        try:
            counts[delimiter] = len(next(csv.reader([header], delimiter=delimiter), ()))
        except csv.Error:  # a stray carriage return: the header is read (and its error told) with commas
            counts[delimiter] = 0
    return max(_DELIMITERS, key=lambda d: (counts[d], d == ","))


def _csv_records(path: str, fields: _Fields, progress: RecordStream, raw, text) -> Iterator[Record]:
    first = text.readline()
    if not first:
        return
    # Strict: a quoted field left open runs to the next quotation mark, swallowing the rows between, and at
    # the file's end the lenient reader returned it as the last record's text; so is a quotation mark
    # followed by more of the field ("a"b). Both are unreadable rows; the reader goes on at the next line.
    reader = csv.reader(itertools.chain([first], text), delimiter=_delimiter(first.rstrip("\r\n")), strict=True)
    seekable = raw.seekable()
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise SourceError(path, f"not a CSV file: {exc}") from None
    columns = {name: i for i, name in reversed(list(enumerate(header)))}  # the first of equal names
    wanted = [fields.text] + ([fields.id] if fields.id else []) + list(fields.meta)
    missing = [name for name in wanted if name not in columns]
    if missing:
        raise SourceError(path, f"no column {missing[0]!r} (the header has: {', '.join(header)})")
    width = len(header)
    row = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row += 1
            yield Record(row, str(row), None, {}, f"unreadable CSV row: {exc}")
            continue
        if not values:
            continue  # a blank line
        row += 1
        if row % 64 == 0 and seekable:
            progress.done = raw.tell()
        if len(values) != width:
            yield Record(row, str(row), None, {},
                         f"{len(values)} field{'s' if len(values) != 1 else ''}, the header has {width}")
            continue
        yield fields.record(row, lambda name: values[columns[name]])


# --- Parquet --------------------------------------------------------------------------------------

def _parquet_rows(path: str, fields: _Fields, progress: RecordStream) -> Iterator[Record]:
    parquet, columns = _parquet_file(path, fields)
    progress.total = parquet.metadata.num_rows
    yield from _parquet_records(path, parquet, columns, fields, progress)


def _parquet_records(path: str, parquet, columns: list[str], fields: _Fields, progress, row_groups=None,
                     first_row: int = 1) -> Iterator[Record]:
    """The records of a Parquet file (or of some of its row groups, the first numbered `first_row`)."""
    import pyarrow as pa

    row = first_row - 1
    try:
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH, row_groups=row_groups, columns=columns):
            data = {name: batch.column(name).to_pylist() for name in columns}
            progress.done = row + batch.num_rows
            for i in range(batch.num_rows):
                row += 1
                yield fields.record(row, lambda name: data[name][i])
    except pa.ArrowException as exc:
        raise SourceError(path, f"unreadable Parquet data after row {row}: {exc}") from None


def _parquet_file(path: str, fields: _Fields):
    """(pyarrow ParquetFile, the columns to read), or SourceError for a file that is not Parquet or lacks a
    column asked for."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise SourceError(path, PARQUET_MISSING) from None
    import pyarrow as pa

    if not os.path.exists(path):
        raise SourceError(path, "no such file")
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise SourceError(path, f"not a Parquet file ({exc})") from None
    schema = parquet.schema_arrow
    wanted = [fields.text] + ([fields.id] if fields.id else []) + list(fields.meta)
    missing = [name for name in wanted if schema.get_field_index(name) < 0]
    if missing:
        raise SourceError(path, f"no column {missing[0]!r} (the file has: {', '.join(schema.names)})")
    return parquet, list(dict.fromkeys(wanted))


def record_from_mapping(row: int, fields: Mapping, *, text_field: str = "text", id_field: str | None = None,
                        meta_fields: Sequence[str] = (), paragraph_separator: str | None = None) -> Record:
    """A Record from one row already in memory (a dict, a DataFrame row's dict), checked as a file's row is."""
    return _Fields(text_field, id_field, tuple(meta_fields), paragraph_separator).record(row, fields.__getitem__)


# --- Partitions: parts of a corpus file a worker reads by itself --------------------------------------

# The formats whose files can be cut into partitions exactly. Not CSV: a quoted field can hold line feeds,
# so where a row starts cannot be told without parsing every row from the top of the file.
PARTITION_FORMATS = ("jsonl", "parquet")


class PartitionUnreadable(Exception):
    """A worker cannot read a partition as the client that cut it saw the file: no file at that path on
    the worker's machine, or another file (another size)."""


class NotPartitionable(Exception):
    """A corpus file that is read whole by the client instead (why, in a sentence)."""


@dataclass(frozen=True)
class Partition:
    """A part of a corpus file that a worker reads by itself, so that only this small description is sent
    to it and not the records (as dask.bag.read_text and dask.dataframe.read_parquet do).

    JSON Lines: the bytes [start, stop), both just after a line feed (or the file's ends). Parquet: the row
    groups [start, stop). `first_row` is the row number of its first line or row: its records are numbered,
    named and reported exactly as reading the whole file numbers them."""

    file: str  # the path as given: errors name the file as a whole-file read does
    path: str  # the absolute path the worker opens (its working folder is not the client's)
    format: str
    start: int
    stop: int
    first_row: int
    size: int  # the file's size in bytes when it was cut: a worker seeing another size sees another file
    done: int  # the reading's progress after this partition (bytes, or Parquet rows), as a RecordStream counts
    fields: _Fields


def partitions(stream: RecordStream, *, target_bytes: int, max_group_rows: int) -> Iterator[Partition]:
    """The stream's file cut into partitions in file order, each of about `target_bytes` bytes (JSON Lines,
    cut at the first line feed after that) or of whole row groups (Parquet: as many as make up about
    `target_bytes` of the file). Lazy: JSON Lines is scanned for line feeds a partition at a time (a bytes
    count, not a parse), so the first partitions are out before the scan ends.

    Raises, on the first partition asked for, SourceError as reading the file would (no such file, a missing
    column), and NotPartitionable for a file that cannot be cut (standard input, CSV, a Parquet row group of
    over `max_group_rows` rows: reading it whole would hold too many records in one worker)."""
    if stream.format not in PARTITION_FORMATS:
        raise NotPartitionable(f"a {stream.format.upper()} file cannot be cut where its rows start without "
                               "reading it from the top (a quoted field can hold line feeds)")
    if stream.path == "-":
        raise NotPartitionable("standard input cannot be read by other processes")
    if stream.format == "jsonl":
        yield from _jsonl_partitions(stream, target_bytes)
    else:
        yield from _parquet_partitions(stream, target_bytes, max_group_rows)


def _jsonl_partitions(stream: RecordStream, target_bytes: int) -> Iterator[Partition]:
    path = os.path.abspath(stream.path)
    with _open(stream.path) as fh:
        size = os.fstat(fh.fileno()).st_size
        start, row = 0, 1
        while True:
            block = fh.read(target_bytes)
            if not block:
                return
            if not start:
                _refuse_binary(stream.path, block[:_HEAD], "JSON Lines")
            if not block.endswith(b"\n"):
                block += fh.readline()  # the rest of the line the cut fell in
            stop = start + len(block)
            yield Partition(stream.path, path, "jsonl", start, stop, row, size, stop, stream.fields)
            row += block.count(b"\n")
            start = stop


def _parquet_partitions(stream: RecordStream, target_bytes: int, max_group_rows: int) -> Iterator[Partition]:
    parquet, _columns = _parquet_file(stream.path, stream.fields)
    meta = parquet.metadata
    groups = [meta.row_group(i) for i in range(meta.num_row_groups)]
    largest = max((group.num_rows for group in groups), default=0)
    if largest > max_group_rows:
        raise NotPartitionable(f"its row groups hold up to {largest:,} rows (a worker reads at most "
                               f"{max_group_rows:,} at once): write it with smaller row groups, e.g. pyarrow's "
                               f"write_table(..., row_group_size={max_group_rows})")
    stream.total = meta.num_rows
    path = os.path.abspath(stream.path)
    size = os.path.getsize(stream.path)
    start = rows = taken = 0
    for i, group in enumerate(groups):
        taken += group.total_byte_size
        if taken >= target_bytes or i == len(groups) - 1:
            count = sum(g.num_rows for g in groups[start:i + 1])
            yield Partition(stream.path, path, "parquet", start, i + 1, rows + 1, size, rows + count, stream.fields)
            start, rows, taken = i + 1, rows + count, 0


def read_partition(partition: Partition) -> Iterator[Record]:
    """A partition's records, numbered as in the whole file. PartitionUnreadable when this process cannot
    see the file the partition was cut from."""
    try:
        fh = open(partition.path, "rb")
    except OSError as exc:
        raise PartitionUnreadable(f"cannot open {partition.path}: {exc.strerror or exc}") from None
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size != partition.size:
            raise PartitionUnreadable(f"{partition.path} is {size:,} bytes here, {partition.size:,} bytes where "
                                      "it was cut into partitions")
        if partition.format == "jsonl":
            fh.seek(partition.start)
            data = fh.read(partition.stop - partition.start)
            # io.BytesIO splits lines at line feeds only, as iterating the file does.
            yield from _jsonl_records(io.BytesIO(data), partition.first_row, partition.fields, _Done())
            return
    parquet, columns = _parquet_file(partition.path, partition.fields)
    yield from _parquet_records(partition.file, parquet, columns, partition.fields, _Done(),
                                row_groups=list(range(partition.start, partition.stop)),
                                first_row=partition.first_row)


class _Done:
    """A progress counter nobody reads (a partition's reading)."""

    done = 0
