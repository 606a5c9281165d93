"""Records from a corpus file, read lazily (never the whole file at once).

A minimal, JSONL-only implementation of the agreed API (the fuller one, with CSV and Parquet, is the
corpus issue's): one JSON object per line, the article text in `text_field`, an id in `id_field`.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from .source import SourceError


@dataclass(frozen=True)
class Record:
    row: int  # 1-based row number in the file (the JSONL line)
    id: str  # the id field's value as a string, or str(row) when there is no id field
    text: str | None  # the article text (paragraph separator already turned into blank lines)
    meta: dict[str, object] = field(default_factory=dict)  # the requested metadata fields
    error: str | None = None  # set (and text None) for a bad row: missing field, wrong type, undecodable


CORPUS_FORMATS = ("jsonl", "csv", "parquet")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def corpus_format_for_path(path: str) -> str | None:
    """The corpus format a path's extension names, or None."""
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def iter_records(path: str, *, input_format: str | None = None, text_field: str = "text",
                 id_field: str | None = None, meta_fields: Sequence[str] = (),
                 paragraph_separator: str | None = None) -> Iterator[Record]:
    fmt = input_format or corpus_format_for_path(path)
    if fmt not in CORPUS_FORMATS:
        raise SourceError(path, "not a corpus file (.jsonl, .ndjson, .csv, .parquet)")
    if fmt != "jsonl":
        raise SourceError(path, f"{fmt} corpus files are not supported by this build (JSONL only)")
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror}") from None
    with handle:
        for row, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            yield _record(row, raw, text_field, id_field, meta_fields, paragraph_separator)


def _record(row: int, raw: bytes, text_field: str, id_field: str | None, meta_fields: Sequence[str],
            separator: str | None) -> Record:
    def bad(message: str) -> Record:
        return Record(row, str(row), None, {}, message)

    try:
        value = json.loads(raw.decode("utf-8-sig" if row == 1 else "utf-8"))
    except UnicodeDecodeError:
        return bad("not UTF-8")
    except json.JSONDecodeError as exc:
        return bad(f"not JSON ({exc.msg})")
    if not isinstance(value, dict):
        return bad("not a JSON object")
    if text_field not in value:
        return bad(f"no {text_field!r} field")
    text = value[text_field]
    if not isinstance(text, str):
        return bad(f"field {text_field!r} is not a string")
    record_id = str(row)
    if id_field is not None:
        if id_field not in value:
            return bad(f"no {id_field!r} field")
        raw_id = value[id_field]
        if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
            return bad(f"field {id_field!r} is not a string or a whole number")
        record_id = str(raw_id)
    if separator:
        text = text.replace(separator, "\n\n")
    meta = {name: value.get(name) for name in meta_fields}
    return Record(row, record_id, text, meta, None)
