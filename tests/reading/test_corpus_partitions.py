"""Corpus files cut into partitions that a worker reads by itself: read one after another, the partitions give
exactly the records of reading the whole file (row numbers, ids, metadata, bad rows), whatever the cut."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings, strategies as st

from fuzzing import budget
from notelint.reading.corpus import (NotPartitionable, PartitionUnreadable, iter_records, open_records, partitions,
                                     read_partition)
from notelint.reading.source import SourceError

STORIES = [
    "Port strike enters second week\n\nROTTERDAM (Reuters) - Dock workers extended their strike on Monday, the "
    "union said.\n\n“We will not go back without a deal,” a union spokeswoman said.",
    "Fares rise again\n\nRail fares will rise by 3 percent in March [a rise well above wages], the operator said.",
    "Council votes on budget\n\nThe council voted 7-2 to approve the budget, the clerk said.",
]

# The shapes a scraped JSON Lines file's lines take: good records, a record lacking its text, a text that is
# not a string, broken JSON, bytes that are not UTF-8, a JSON array, blank lines, CRLF endings.
LINES = st.sampled_from([
    json.dumps({"id": "a1", "publisher": "outlet-01.example", "text": STORIES[0]}, ensure_ascii=False).encode(),
    json.dumps({"id": 604, "publisher": "outlet-02.example", "text": STORIES[1]}).encode(),
    json.dumps({"id": "a3", "text": STORIES[2]}).encode(),
    json.dumps({"id": "a4", "publisher": "outlet-03.example"}).encode(),
    json.dumps({"id": "a5", "text": 17}).encode(),
    b'{"id": "a6", "text": "unterminated',
    b'{"id": "a7", "text": "caf\xe9 au lait"}',
    b'["not", "an", "object"]',
    b"",
    b"   ",
    json.dumps({"id": "a8", "text": "Windows line\r\n\r\nending."}).encode() + b"\r",
])


def jsonl_bytes(lines: list[bytes], bom: bool, final_newline: bool) -> bytes:
    data = b"\n".join(lines) + (b"\n" if final_newline else b"")
    return (b"\xef\xbb\xbf" if bom else b"") + data


def records_by_partitions(path: str, target_bytes: int, **fields) -> list:
    stream = open_records(path, **fields)
    return [record for part in partitions(stream, target_bytes=target_bytes, max_group_rows=64)
            for record in read_partition(part)]


@settings(max_examples=budget(150), deadline=None)
@given(lines=st.lists(LINES, max_size=12), bom=st.booleans(), final_newline=st.booleans(),
       target_bytes=st.integers(1, 700))
def test_jsonl_partitions_read_as_the_whole_file(tmp_path_factory, lines, bom, final_newline, target_bytes):
    path = tmp_path_factory.mktemp("parts") / "c.jsonl"
    data = jsonl_bytes(lines, bom, final_newline)
    path.write_bytes(data)
    fields = {"id_field": "id", "meta_fields": ["publisher"]}
    whole = list(iter_records(str(path), **fields))
    assert records_by_partitions(str(path), target_bytes, **fields) == whole
    # The partitions cover the file, each from just after a line feed to just after one (or the file's end).
    parts = list(partitions(open_records(str(path)), target_bytes=target_bytes, max_group_rows=64))
    assert [p.start for p in parts] == ([0] + [p.stop for p in parts[:-1]] if data else [])
    assert (parts[-1].stop if parts else 0) == len(data)
    assert all(data[p.stop - 1:p.stop] == b"\n" for p in parts[:-1])
    assert all(p.first_row == data[:p.start].count(b"\n") + 1 for p in parts)


def test_a_partition_is_numbered_from_its_first_line_and_names_the_file_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"id": f"n{i}", "text": STORIES[i % 3]}).encode() for i in range(9)]
    lines[4] = b"{oops"
    (tmp_path / "c.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    parts = list(partitions(open_records("c.jsonl", id_field="id"), target_bytes=400, max_group_rows=64))
    assert len(parts) >= 3
    assert {(p.file, p.path) for p in parts} == {("c.jsonl", str(tmp_path / "c.jsonl"))}  # opened from anywhere
    records = [r for p in parts for r in read_partition(p)]
    assert [r.row for r in records] == list(range(1, 10))
    assert records[4].id == "5" and records[4].error.startswith("invalid JSON")
    assert [r.id for r in records if r.error is None] == ["n0", "n1", "n2", "n3", "n5", "n6", "n7", "n8"]
    assert [p.done for p in parts] == [p.stop for p in parts]  # progress in bytes, as a whole-file read counts


def test_partitions_of_an_empty_file_and_whole_file_errors(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert list(partitions(open_records(str(tmp_path / "empty.jsonl")), target_bytes=10, max_group_rows=64)) == []
    with pytest.raises(SourceError, match="no such file"):
        list(partitions(open_records(str(tmp_path / "gone.jsonl")), target_bytes=10, max_group_rows=64))


def test_csv_and_standard_input_are_not_cut(tmp_path):
    (tmp_path / "c.csv").write_text('id,text\n1,"Two\n\nparagraphs."\n', encoding="utf-8")
    with pytest.raises(NotPartitionable, match="quoted field can hold line feeds"):
        next(partitions(open_records(str(tmp_path / "c.csv")), target_bytes=10, max_group_rows=64))
    with pytest.raises(NotPartitionable, match="standard input"):
        next(partitions(open_records("-", input_format="jsonl"), target_bytes=10, max_group_rows=64))


def test_a_worker_that_sees_another_file_or_none_cannot_read_its_partition(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(json.dumps({"text": s}).encode() + b"\n" for s in STORIES))
    (part, *_) = partitions(open_records(str(path)), target_bytes=10, max_group_rows=64)
    with open(path, "ab") as fh:
        fh.write(b'{"text": "Appended later."}\n')
    with pytest.raises(PartitionUnreadable, match="bytes here"):
        list(read_partition(part))
    os.remove(path)
    with pytest.raises(PartitionUnreadable, match="cannot open"):
        list(read_partition(part))


def _parquet(path, rows: int, row_group_size: int) -> str:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    ids = [f"p{i}" if i % 5 else None for i in range(rows)]  # a missing id is a bad row
    table = pa.table({"id": ids, "publisher": [f"outlet-{i % 3}.example" for i in range(rows)],
                      "text": [STORIES[i % 3] for i in range(rows)]})
    pq.write_table(table, path, row_group_size=row_group_size)
    return str(path)


def test_parquet_partitions_are_whole_row_groups_read_as_the_whole_file(tmp_path):
    path = _parquet(tmp_path / "c.parquet", rows=23, row_group_size=4)
    fields = {"id_field": "id", "meta_fields": ["publisher"]}
    stream = open_records(path, **fields)
    parts = list(partitions(stream, target_bytes=1, max_group_rows=4))
    assert [(p.start, p.stop, p.first_row, p.done) for p in parts] == [
        (i, i + 1, 4 * i + 1, min(4 * i + 4, 23)) for i in range(6)]
    assert stream.total == 23
    whole = list(iter_records(path, **fields))
    assert [r for p in parts for r in read_partition(p)] == whole
    assert [r.row for r in whole if r.error] == [1, 6, 11, 16, 21]
    # Several row groups to a partition when they are small against the bytes asked for.
    assert [r for p in partitions(open_records(path, **fields), target_bytes=10**9, max_group_rows=4)
            for r in read_partition(p)] == whole


def test_parquet_of_large_row_groups_is_not_cut(tmp_path):
    path = _parquet(tmp_path / "c.parquet", rows=40, row_group_size=40)
    with pytest.raises(NotPartitionable, match="row groups hold up to 40 rows .*row_group_size=8"):
        next(partitions(open_records(path), target_bytes=1, max_group_rows=8))
