"""Corpus reports: rows for tables (Parquet, CSV, pandas) and the writers that stream them.

A finding's row is its JSON fields with its record flattened beside them (file, row, id, then each
metadata field by name; a metadata field named like a finding field gets a `meta_` prefix). An article's
row (`--per-article`) is its record, its reading error if any, its words, editorial insertions and wire
service, and its findings counted by severity and by rule family (NL1, NL2, ...).
"""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Sequence

FINDING_COLUMNS = ("code", "name", "severity", "message", "path", "line", "col", "end_line", "end_col", "start",
                   "end", "text")
RECORD_COLUMNS = ("file", "row", "id")
SEVERITY_COLUMNS = ("errors", "warnings", "infos")


def meta_column(name: str, taken: Sequence[str]) -> str:
    return f"meta_{name}" if name in taken else name


def finding_row(finding, meta_fields: Sequence[str] = (), error: str | None = None) -> dict:
    """One finding as a flat row (its record's fields beside it when it is in a corpus record)."""
    row = finding.to_json()
    row.pop("record", None)
    record = getattr(finding, "record", None)
    if record is not None:
        row.update(file=record.file, row=record.row, id=record.id)
        meta = dict(record.meta)
        taken = FINDING_COLUMNS + RECORD_COLUMNS + ("error",)
        for name in meta_fields:
            row[meta_column(name, taken)] = meta.get(name)
    return row


def error_row(result, meta_fields: Sequence[str]) -> dict:
    """A record that could not be read, as a row of the findings table (no code; `error` says why)."""
    row = {name: None for name in FINDING_COLUMNS}
    row["path"] = result.label
    row.update(file=result.file, row=result.row, id=result.id)
    taken = FINDING_COLUMNS + RECORD_COLUMNS + ("error",)
    for name in meta_fields:
        row[meta_column(name, taken)] = result.meta.get(name)
    row["error"] = result.error
    return row


def file_error_row(path: str, message: str, meta_fields: Sequence[str], families: Sequence[str] | None = None) -> dict:
    """A corpus file that could not be read at all (missing, binary, not the format), as a row of the findings
    table, or of the per-article table when `families` are given: its path and why, no row or id."""
    columns = finding_columns(meta_fields, corpus=True) if families is None else article_columns(meta_fields, families)
    row = dict.fromkeys(name for name, _ in columns)
    if families is None:
        row["path"] = path
    row.update(file=path, error=message)
    return row


def article_row(result, meta_fields: Sequence[str], families: Sequence[str]) -> dict:
    """One record's counts (`--per-article`)."""
    row = {"file": result.file, "row": result.row, "id": result.id}
    taken = RECORD_COLUMNS + ("error", "words", "insertions", "wire_service", "findings") + SEVERITY_COLUMNS + \
        tuple(families)
    for name in meta_fields:
        row[meta_column(name, taken)] = result.meta.get(name)
    severities = {"error": 0, "warning": 0, "info": 0}
    by_family = dict.fromkeys(families, 0)
    for finding in result.findings:
        severities[finding.severity] = severities.get(finding.severity, 0) + 1
        family = finding.code[:3]
        by_family[family] = by_family.get(family, 0) + 1
    row.update(error=result.error, words=result.words, insertions=result.insertions,
               wire_service=result.wire_service, findings=len(result.findings), errors=severities["error"],
               warnings=severities["warning"], infos=severities["info"])
    row.update(by_family)
    return row


def families_of(rules: Iterable) -> list[str]:
    """The rule families (NL1, NL2, ...) of the loaded rules, for fixed per-article columns."""
    return sorted({rule.code[:3] for rule in rules})


# --- writers: open, write rows as they come, close ----------------------------------------------------

class JsonLinesWriter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter:
    """A JSON array written row by row, laid out as `json.dump(rows, indent=1)` lays it out."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.first = True

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            body = json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n ")
            self.out.write(("[\n " if self.first else ",\n ") + body)
            self.first = False

    def close(self) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")
        self.out.flush()


class CsvWriter:
    def __init__(self, out: IO[str], columns: Sequence[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        self.writer.writeheader()

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.writer.writerow({k: ("" if v is None else v) for k, v in row.items()})

    def close(self) -> None:
        self.out.flush()


class ParquetWriter:
    """Rows to a Parquet file, a row group per batch. Columns are fixed up front: metadata as text (a
    scraped field can be a number in one row and text in the next), counts as integers."""

    BATCH = 10_000

    def __init__(self, path: str, columns: Sequence[tuple[str, str]]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            from ..reading.corpus import PARQUET_MISSING
            from ..reading.source import SourceError

            raise SourceError(path, PARQUET_MISSING.replace("reading", "writing")) from None
        types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
        self.pa = pa
        self.schema = pa.schema([(name, types[kind]) for name, kind in columns])
        self.kinds = dict(columns)
        self.rows: list[dict] = []
        self.path = path
        self.writer = pq.ParquetWriter(path, self.schema)

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.rows.append(row)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        columns = {}
        for name, kind in self.kinds.items():
            values = [row.get(name) for row in self.rows]
            if kind == "str":
                values = [v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                          for v in values]
            columns[name] = values
        self.writer.write_table(self.pa.table(columns, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def finding_columns(meta_fields: Sequence[str], corpus: bool) -> list[tuple[str, str]]:
    kinds = {"line": "int", "col": "int", "end_line": "int", "end_col": "int", "start": "int", "end": "int",
             "row": "int"}
    names = list(FINDING_COLUMNS)
    if corpus:
        taken = FINDING_COLUMNS + RECORD_COLUMNS + ("error",)
        names += list(RECORD_COLUMNS) + [meta_column(n, taken) for n in meta_fields] + ["error"]
    return [(name, kinds.get(name, "str")) for name in names]


def article_columns(meta_fields: Sequence[str], families: Sequence[str]) -> list[tuple[str, str]]:
    taken = RECORD_COLUMNS + ("error", "words", "insertions", "wire_service", "findings") + SEVERITY_COLUMNS + \
        tuple(families)
    columns = [("file", "str"), ("row", "int"), ("id", "str")]
    columns += [(meta_column(n, taken), "str") for n in meta_fields]
    columns += [("error", "str"), ("words", "int"), ("insertions", "int"), ("wire_service", "str"),
                ("findings", "int"), ("errors", "int"), ("warnings", "int"), ("infos", "int")]
    columns += [(family, "int") for family in families]
    return columns
