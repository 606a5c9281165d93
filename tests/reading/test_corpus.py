"""The JSONL corpus reader (the agreed corpus API): records read lazily, bad rows reported, not fatal."""
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
        (4, "4", None, "field 'text' is not a string"),
        (5, "5", None, "field 'id' is not a string or a whole number"),
        (6, "6", None, "not a JSON object"),
        (7, "7", None, "not JSON (Expecting property name enclosed in double quotes)"),
        (8, "8", None, "not UTF-8"),
    ]
    assert records[0].meta == {"desk": "world"}
    assert [r.id for r in iter_records(str(path)) if r.error is None] == ["1", "3", "5"]  # no id field: the row


def test_a_file_that_cannot_be_read_stops_with_one_error(tmp_path):
    with pytest.raises(SourceError, match="cannot read"):
        list(iter_records(str(tmp_path / "missing.jsonl")))
    with pytest.raises(SourceError, match="not a corpus file"):
        list(iter_records(str(tmp_path / "story.txt")))
