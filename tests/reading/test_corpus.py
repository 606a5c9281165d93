"""The corpus reader on JSON Lines (the agreed corpus API): records read lazily, bad rows reported, not fatal.

The finder's tests of the API; the CSV and Parquet readers are tested in test_corpus_reader.py."""
from __future__ import annotations

import json

import pytest

from notelint.reading.corpus import corpus_format_for_path, iter_records
from notelint.reading.source import SourceError


def test_formats_by_extension():
    assert [corpus_format_for_path(p) for p in ("a.jsonl", "b.NDJSON", "c.csv", "d.parquet", "e.txt", "f")] == [
        "jsonl", "jsonl", "csv", "parquet", None, None]


def test_records_ids_separators_and_bad_rows(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "a-1", "text": "First.\u2028 ### Second.", "desk": "world"}), "",
             json.dumps({"id": 7, "text": "Café"}), json.dumps({"id": "x", "text": None}),
             json.dumps({"id": True, "text": "t"}), "[1, 2]", "{oops"]
    path.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8") + b"\xff\xfe\n")
    records = list(iter_records(str(path), id_field="id", meta_fields=("desk",), paragraph_separator=" ### "))
    assert [(r.row, r.id, r.text, r.error) for r in records] == [
        (1, "a-1", "First.\u2028\n\nSecond.", None),
        (3, "7", "Café", None),
        (4, "x", None, "text field 'text' is null, not a string"),  # an error record keeps the id it has
        (5, "5", None, "id field 'id' is a boolean, not a string or number"),
        (6, "6", None, "a JSON array, not an object"),
        (7, "7", None, "invalid JSON: Expecting property name enclosed in double quotes at column 2"),
        (8, "8", None, "not valid UTF-8 (byte offset 0 of the line)"),
    ]
    assert records[0].meta == {"desk": "world"}
    assert [r.id for r in iter_records(str(path)) if r.error is None] == ["1", "3", "5"]  # no id field: the row


def test_a_file_that_cannot_be_read_stops_with_one_error(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        list(iter_records(str(tmp_path / "missing.jsonl")))
    with pytest.raises(SourceError, match="not a corpus file"):
        list(iter_records(str(tmp_path / "story.txt")))
