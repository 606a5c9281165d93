"""Corpus files (JSON Lines, CSV, Parquet): records, ids, metadata, paragraph separators and bad rows."""
from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from hypothesis import given, settings, strategies as st

from notelint.reading.corpus import (CORPUS_FORMATS, PARQUET_MISSING, Record, corpus_format_for_path, iter_records,
                                     open_records, record_from_mapping)
from notelint.reading.source import SourceError

STORY = ("Port strike enters second week\n\nROTTERDAM (Reuters) - Dock workers extended their strike on Monday, "
         "the union said.\n\n“We will not go back without a deal,” a union spokeswoman said.")


def write_jsonl(path, rows, raw_lines=()):
    with open(path, "wb") as fh:
        for row in rows:
            fh.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        for line in raw_lines:
            fh.write(line)
    return str(path)


def test_formats_by_extension():
    assert CORPUS_FORMATS == ("jsonl", "csv", "parquet")
    assert corpus_format_for_path("a/b.jsonl") == "jsonl"
    assert corpus_format_for_path("B.NDJSON") == "jsonl"
    assert corpus_format_for_path("scrape.csv") == "csv"
    assert corpus_format_for_path("sentences.TSV") == "csv"
    assert corpus_format_for_path("x.Parquet") == "parquet"
    assert corpus_format_for_path("article.txt") is None
    assert corpus_format_for_path("notes.json") is None


def test_jsonl_records_ids_meta_and_row_numbers(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": 604, "publisher": "example.com", "date": "2019-05-31", "text": STORY},
        {"id": "a-2", "publisher": "other.org", "text": "Short item\n\nBody."},
    ], raw_lines=[b"\n", b'{"id": 7.0, "text": "Third\\r\\n\\r\\nBody\\twith a tab."}\n'])
    records = list(iter_records(path, id_field="id", meta_fields=["publisher", "date"]))
    assert [(r.row, r.id) for r in records] == [(1, "604"), (2, "a-2"), (4, "7")]  # a blank line keeps its number
    assert records[0] == Record(1, "604", STORY, {"publisher": "example.com", "date": "2019-05-31"}, None)
    assert records[1].meta == {"publisher": "other.org", "date": None}  # a field a row lacks is None, not an error
    assert records[2].text == "Third\r\n\r\nBody\twith a tab."


def test_jsonl_without_id_field_uses_row_numbers_and_a_bom_is_skipped(tmp_path):
    path = tmp_path / "c.ndjson"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "A"}).encode() + b"\n" + json.dumps({"text": "B"}).encode())
    assert [(r.row, r.id, r.text) for r in iter_records(str(path))] == [(1, "1", "A"), (2, "2", "B")]


def test_jsonl_bad_rows_are_error_records_and_reading_goes_on(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [], raw_lines=[
        b'{"id": 1, "text": "Fine."}\n',
        b'{"id": 2, "text": "unterminated\n',
        b'["a", "list"]\n',
        b'{"id": 4, "body": "no text field"}\n',
        b'{"id": 5, "text": 12}\n',
        b'{"id": 6, "text": "caf\xe9"}\n',
        b'{"text": "no id"}\n',
        b'{"id": null, "text": "null id"}\n',
        b'{"id": 9, "text": null}\n',
        b'{"id": 10, "text": "Fine again."}\n',
    ])
    records = list(iter_records(path, id_field="id"))
    assert [r.row for r in records] == list(range(1, 11))
    good = [r for r in records if r.error is None]
    assert [(r.id, r.text) for r in good] == [("1", "Fine."), ("10", "Fine again.")]
    errors = {r.row: r.error for r in records if r.error}
    assert errors[2].startswith("invalid JSON: ")
    assert errors[3] == "a JSON array, not an object"
    assert errors[4] == "no text field 'text'"
    assert errors[5] == "text field 'text' is a number, not a string"
    assert errors[6].startswith("not valid UTF-8")
    assert errors[7] == "no id field 'id'"
    assert errors[8] == "id field 'id' is null, not a string or number"
    assert errors[9] == "text field 'text' is null, not a string"
    assert all(r.text is None for r in records if r.error)
    assert records[4].id == "5"  # an error record keeps the id it has


def test_csv_with_paragraph_separator_quoted_newlines_and_bom(tmp_path):
    path = tmp_path / "scrape.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "publisher", "scrape_time", "text"])
    writer.writerow(["604", "example.com", "2019-05-31T17:45:53-04:00",
                     "Census ruling looms ### WASHINGTON (AP) — The court ruled, officials said. ### “It matters,” "
                     "she said, “a lot.”"])
    writer.writerow(["610", "news.example", "2019-05-31T20:00:35-04:00", "Line one\nstill the, same field"])
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    records = list(iter_records(str(path), id_field="id", meta_fields=["publisher", "scrape_time"],
                                paragraph_separator=" ### "))
    assert records[0].text == ("Census ruling looms\n\nWASHINGTON (AP) — The court ruled, officials said.\n\n“It matters,” "
                               "she said, “a lot.”")
    assert records[0].meta == {"publisher": "example.com", "scrape_time": "2019-05-31T17:45:53-04:00"}
    assert (records[1].row, records[1].id, records[1].text) == (2, "610", "Line one\nstill the, same field")


def test_semicolon_and_tab_separated_files_are_read_by_their_header(tmp_path):
    # Spreadsheets saved where the decimal mark is a comma separate fields with semicolons (so do research
    # sets of labelled sentences); the sentences themselves are full of commas, and sometimes semicolons.
    semicolons = tmp_path / "labels.csv"
    semicolons.write_text('text;news_link;outlet;label_bias\n'
                          '"Officials said the plan, which passed 52-48, would cut costs; critics disagreed.";'
                          'https://example.org/a;Reuters;Non-biased\n'
                          '"The so-called reform is, frankly, a disaster.";https://example.org/b;Blog;Biased\n',
                          encoding="utf-8")
    records = list(iter_records(str(semicolons), meta_fields=["outlet", "label_bias"]))
    assert [(r.text, r.meta["outlet"]) for r in records] == [
        ("Officials said the plan, which passed 52-48, would cut costs; critics disagreed.", "Reuters"),
        ("The so-called reform is, frankly, a disaster.", "Blog")]
    tabs = tmp_path / "sentences.tsv"
    tabs.write_text("id\ttext\n7\tThe court ruled, 5-4, on Friday.\n", encoding="utf-8")
    assert [(r.id, r.text) for r in iter_records(str(tabs), id_field="id")] == [("7", "The court ruled, 5-4, on Friday.")]
    # A comma-separated file whose text fields hold semicolons is still read at its commas.
    commas = tmp_path / "c.csv"
    commas.write_text('id,text\n1,"Talks stalled; both sides blamed the other."\n', encoding="utf-8")
    assert [r.text for r in iter_records(str(commas))] == ["Talks stalled; both sides blamed the other."]


def test_csv_bad_rows_and_missing_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,publisher,text\n1,a.com,Fine.\n2,b.com\n3,c.com,caf\xe9 au lait\n\n4,d.com,\"Fine, again.\"\n")
    records = list(iter_records(str(path), id_field="id", meta_fields=["publisher"]))
    assert [(r.row, r.id, r.error is None) for r in records] == [(1, "1", True), (2, "2", False), (3, "3", False),
                                                                  (4, "4", True)]
    assert records[1].error == "2 fields, the header has 3"
    assert records[2].error.startswith("text field 'text' is not valid UTF-8")
    assert records[3].text == "Fine, again."
    with pytest.raises(SourceError) as caught:
        list(iter_records(str(path), text_field="body"))
    assert str(caught.value) == f"{path}: error: no column 'body' (the header has: id, publisher, text)"


def test_whole_file_errors(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        list(iter_records(str(tmp_path / "missing.jsonl")))
    with pytest.raises(SourceError, match="not a corpus file"):
        open_records(str(tmp_path / "article.txt"))
    (tmp_path / "data.txt").write_text('{"text": "A"}\n')
    assert [r.text for r in iter_records(str(tmp_path / "data.txt"), input_format="jsonl")] == ["A"]


def test_records_from_mappings_are_checked_like_rows():
    assert record_from_mapping(3, {"body": "Text ### More", "site": "x.org"}, text_field="body",
                               meta_fields=["site"], paragraph_separator=" ### ") == \
        Record(3, "3", "Text\n\nMore", {"site": "x.org"}, None)
    assert record_from_mapping(1, {"text": float("nan")}).error == "text field 'text' is a number, not a string"


def test_reading_is_lazy(tmp_path):
    """The first record comes before the rest of the file is read: a broken last line does not stop it."""
    path = write_jsonl(tmp_path / "c.jsonl", [{"text": "First."}] * 3, raw_lines=[b"{broken"])
    stream = open_records(path)
    records = iter(stream)
    assert next(records).text == "First." and stream.done < stream.total
    assert [r.error is None for r in records] == [True, True, False]


# --- Parquet ---------------------------------------------------------------------------------------

def test_parquet_records(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    table = pa.table({"id": [11, 12, 13], "publisher": ["a.com", None, "c.com"],
                      "date": [datetime.date(2019, 5, 31), datetime.date(2019, 6, 1), None],
                      "text": ["One ### Two", None, "Three"]})
    pq.write_table(table, tmp_path / "c.parquet", row_group_size=2)
    records = list(iter_records(str(tmp_path / "c.parquet"), id_field="id", meta_fields=["publisher", "date"],
                                paragraph_separator=" ### "))
    assert records[0] == Record(1, "11", "One\n\nTwo", {"publisher": "a.com", "date": "2019-05-31"}, None)
    assert (records[1].row, records[1].error) == (2, "text field 'text' is null, not a string")
    assert records[2] == Record(3, "13", "Three", {"publisher": "c.com", "date": None}, None)
    with pytest.raises(SourceError, match="no column 'body'"):
        list(iter_records(str(tmp_path / "c.parquet"), text_field="body"))


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "c.parquet").write_bytes(b"PAR1")
    with pytest.raises(SourceError) as caught:
        list(iter_records(str(tmp_path / "c.parquet")))
    assert caught.value.message == PARQUET_MISSING
    assert "pip install 'notelint[corpus]'" in PARQUET_MISSING


# --- round trips -----------------------------------------------------------------------------------

TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=5), st.sampled_from(",;\t|"))
def test_jsonl_and_csv_give_back_what_was_written(tmp_path_factory, rows, delimiter):
    folder = tmp_path_factory.mktemp("rt")
    jsonl = folder / "c.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "site": site, "text": text}) + "\n"
                             for i, (text, site) in enumerate(rows)), encoding="utf-8")
    with open(folder / "c.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["id", "site", "text"])
        writer.writerows([i, site, text] for i, (text, site) in enumerate(rows))
    for path in (jsonl, folder / "c.csv"):
        got = [(r.id, r.text, r.meta["site"]) for r in iter_records(str(path), id_field="id", meta_fields=["site"])]
        assert got == [(str(i), text, site) for i, (text, site) in enumerate(rows)], path


# A JSON line is decoded as strict UTF-8, so only a \u escape can put a lone surrogate (a code point that
# stands for a byte that is not UTF-8) in its strings: the reader searches for them only in such lines.
_PIECES = st.sampled_from(["Officials said", " ", "“", "”", "’", "café", "\udc80", "\udcff", "\udc7f", "\ud800",
                           "\\", "\\u", "u00e9", "\n"])


@settings(max_examples=60, deadline=None)
@given(text=st.lists(_PIECES, max_size=8).map("".join), publisher=st.lists(_PIECES, max_size=3).map("".join),
       record_id=st.lists(_PIECES, max_size=3).map("".join), ensure_ascii=st.booleans())
def test_jsonl_strings_are_searched_for_undecodable_bytes_exactly_as_every_string_would_be(
        tmp_path_factory, text, publisher, record_id, ensure_ascii):
    path = tmp_path_factory.mktemp("jsonl") / "rows.jsonl"
    line = json.dumps({"id": record_id, "publisher": publisher, "text": text}, ensure_ascii=ensure_ascii)
    path.write_bytes(line.encode("utf-8", "surrogatepass") + b"\n")
    (record,) = iter_records(str(path), id_field="id", meta_fields=["publisher"])
    if record.error is None or "byte offset" not in record.error:  # decoded: as if every string were searched
        from notelint.reading.corpus import _Fields

        obj = json.loads(line)
        expected = _Fields("text", "id", ("publisher",), None).record(1, obj.__getitem__, escaped=True)
        assert record == expected


def test_a_json_escape_of_an_undecodable_byte_is_a_bad_row(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": "a1", "publisher": "x.example", "text": "caf\\udce9 au lait"}\n'
                    '{"id": "a\\udc801", "text": "Fine."}\n'
                    '{"id": "a3", "publisher": "y\\udcff.example", "text": "Fine."}\n'
                    '{"id": "a4", "publisher": "z.example", "text": "\\u201cFine,\\u201d she said."}\n', encoding="ascii")
    records = list(iter_records(str(path), id_field="id", meta_fields=["publisher"]))
    assert [r.error for r in records] == ["text field 'text' is not valid UTF-8 (at character 3)",
                                          "id field 'id' is not valid UTF-8", "field 'publisher' is not valid UTF-8",
                                          None]
    assert records[3].text == "“Fine,” she said."
