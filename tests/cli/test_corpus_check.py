"""`notelint check` on corpus files: findings name their record in every output format, bad rows, --per-article,
the pool and parse/strip on records."""
from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET

import pytest

from notelint.api import settings_from
from notelint.cli.main import main

# Three articles in the shapes a scrape has them: paragraphs joined by " ### ".
SPLIT = ("Strikes in Syria ### The administration has responded [it can’t be a “response” when the US started "
         "this war] by twice targeting militia groups.")
NOTED = ("Council votes on housing plan ### The council voted 7 to 2 on Monday to approve the plan. ### "
         "The mayor called it “a start.” [Yeah, right.]")
CLEAN = ("Storm closes ports ### LONDON (Reuters) - Three ports on the south coast closed on Friday as the storm "
         "moved east, the harbour authority said. ### Ferries were cancelled until Saturday.")


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with open(tmp_path / "scrape.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "publisher", "scrape_time", "text"])
        writer.writerow(["s-1", "daily.example", "2019-05-31T07:00:00-04:00", SPLIT])
        writer.writerow(["s-2", "weekly.example", "2019-05-31T08:00:00-04:00", CLEAN])
        writer.writerow(["s-3", "weekly.example", "2019-05-31T09:00:00-04:00", NOTED])
    return tmp_path


CORPUS_ARGS = ["--no-cache", "--id-field", "id", "--meta-field", "publisher,scrape_time", "--paragraph-separator",
               " ### ", "scrape.csv"]


def test_json_names_the_record_and_positions_are_within_its_text(corpus, capsys):
    code, out, err = run(["check", "--output-format", "json", *CORPUS_ARGS], capsys)
    assert code == 1 and err == ""
    data = json.loads(out)
    assert {f["path"] for f in data} == {"scrape.csv#s-1", "scrape.csv#s-3"}
    first = data[0]
    # "Strikes in Syria\n\nThe administration has responded [": line 3, column 34, offset 51.
    assert (first["code"], first["line"], first["col"], first["start"]) == ("NL102", 3, 34, 51)
    assert first["text"].startswith("[it can’t be")
    assert first["record"] == {"file": "scrape.csv", "row": 1, "id": "s-1",
                               "meta": {"publisher": "daily.example", "scrape_time": "2019-05-31T07:00:00-04:00"}}
    assert [f["record"]["row"] for f in data] == sorted(f["record"]["row"] for f in data)  # file order


def test_metadata_in_every_text_and_ci_format(corpus, capsys):
    _, out, _ = run(["check", "--output-format", "concise", *CORPUS_ARGS], capsys)
    lines = out.splitlines()
    assert lines[0] == ("scrape.csv#s-1:3:34: NL102 editorial insertion splits a sentence of reporting; move it "
                        "after the paragraph and label it [publisher=daily.example, scrape_time=2019-05-31T07:00:00-04:00]")
    assert lines[-1].startswith("Found ") and lines[-1].endswith(" in 2 of 3 records.")
    _, out, _ = run(["check", "--output-format", "full", "--color", "never", *CORPUS_ARGS], capsys)
    assert "── scrape.csv#s-3 (row 3; publisher=weekly.example, scrape_time=2019-05-31T09:00:00-04:00)" in out
    assert "5 | The mayor called it “a start.” [Yeah, right.]" in out  # the excerpt is the record's own line
    for fmt in ("sarif", "github", "gitlab", "junit"):
        _, out, _ = run(["check", "--output-format", fmt, *CORPUS_ARGS], capsys)
        assert "s-3" in out and "publisher=weekly.example" in out, fmt
    _, out, _ = run(["check", "--output-format", "json-lines", *CORPUS_ARGS], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert all(r["record"]["meta"]["publisher"] in ("daily.example", "weekly.example") for r in rows)


def test_parquet_findings_and_per_article(corpus, capsys):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    code, out, err = run(["check", "--output-format", "parquet", "-o", "f.parquet", *CORPUS_ARGS], capsys)
    assert (code, out, err) == (1, "", "")
    frame = pd.read_parquet(corpus / "f.parquet")
    assert list(frame.columns[-6:]) == ["file", "row", "id", "publisher", "scrape_time", "error"]
    assert set(frame["id"]) == {"s-1", "s-3"} and set(frame["publisher"]) == {"daily.example", "weekly.example"}
    first = frame.iloc[0]
    assert (first["code"], first["line"], first["col"]) == ("NL102", 3, 34)
    run(["check", "--per-article", "--output-format", "parquet", "-o", "a.parquet", *CORPUS_ARGS], capsys)
    articles = pd.read_parquet(corpus / "a.parquet")
    assert list(articles["id"]) == ["s-1", "s-2", "s-3"]
    assert list(articles["insertions"]) == [1, 0, 1]
    assert list(articles["wire_service"].fillna("-")) == ["-", "Reuters", "-"]
    assert articles["findings"].iloc[1] == 0 and articles["findings"].iloc[0] == articles["NL1"].iloc[0] + \
        articles["NL2"].iloc[0] + articles["NL3"].iloc[0] + articles["NL4"].iloc[0]


def test_per_article_json_lines_and_csv(corpus, capsys):
    code, out, _ = run(["check", "--per-article", "--output-format", "json-lines", *CORPUS_ARGS], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(r["id"], r["publisher"], r["insertions"], r["wire_service"]) for r in rows] == [
        ("s-1", "daily.example", 1, None), ("s-2", "weekly.example", 0, "Reuters"), ("s-3", "weekly.example", 1, None)]
    assert rows[1]["findings"] == 0 and rows[0]["findings"] == rows[0]["errors"] + rows[0]["warnings"] + rows[0]["infos"]
    _, out, _ = run(["check", "--per-article", "--output-format", "csv", *CORPUS_ARGS], capsys)
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in table] == ["s-1", "s-2", "s-3"] and table[1]["wire_service"] == "Reuters"
    code, _, err = run(["check", "--per-article", "--output-format", "sarif", *CORPUS_ARGS], capsys)
    assert code == 2 and "--per-article writes" in err


def test_bad_rows_are_reported_and_the_run_goes_on(corpus, capsys):
    (corpus / "c.jsonl").write_text(
        json.dumps({"id": 1, "site": "a.example", "text": SPLIT}) + "\n"
        + '{"id": 2, "site": "b.example", "text": 42}\n'
        + "not json\n"
        + json.dumps({"id": 4, "site": "b.example", "text": NOTED}) + "\n", encoding="utf-8")
    args = ["--no-cache", "--id-field", "id", "--meta-field", "site", "--paragraph-separator", " ### ", "c.jsonl"]
    code, out, err = run(["check", "--output-format", "concise", *args], capsys)
    assert code == 2
    assert err.splitlines() == ["c.jsonl: error: row 2: text field 'text' is a number, not a string",
                                "c.jsonl: error: row 3: invalid JSON: Expecting value at column 1"]
    assert {line.split(":")[0] for line in out.splitlines()[:-1]} == {"c.jsonl#1", "c.jsonl#4"}
    code, out, _ = run(["check", "--output-format", "json-lines", *args], capsys)
    errors = [json.loads(line) for line in out.splitlines() if '"error"' in line]
    assert [(e["record"]["row"], e["record"]["id"], e["record"]["meta"]) for e in errors] == [
        (2, "2", {"site": "b.example"}), (3, "3", {})]


def test_pool_gives_the_same_report_as_one_process(corpus, capsys):
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": i, "site": f"s{i % 3}", "text": (SPLIT, CLEAN, NOTED)[i % 3]}) + "\n")
    args = ["check", "--no-cache", "--output-format", "json-lines", "--id-field", "id", "--meta-field", "site",
            "--paragraph-separator", " ### ", "many.jsonl"]
    _, one, _ = run([*args, "-j", "1"], capsys)
    _, two, _ = run([*args, "-j", "2"], capsys)
    assert one == two and one.count("\n") > 300


def test_corpus_from_standard_input(corpus, capsys, monkeypatch):
    data = (json.dumps({"text": SPLIT.replace(" ### ", "\n\n")}) + "\n").encode()
    code, out, _ = run(["check", "--no-cache", "--input-format", "jsonl", "--output-format", "concise", "-"],
                       capsys, stdin=data, monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("-#1:3:34: NL102 ")


def test_csv_corpus_from_standard_input_leaves_it_open(corpus, capsys, monkeypatch):
    data = ("id,text\nq1,\"" + SPLIT.replace(" ### ", "\n\n").replace('"', '""') + "\"\n").encode()
    code, out, _ = run(["check", "--no-cache", "--input-format", "csv", "--id-field", "id", "--output-format",
                        "concise", "-"], capsys, stdin=data, monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("-#q1:3:34: NL102 ")
    assert not sys.stdin.closed


def test_usage_errors(corpus, capsys):
    (corpus / "a.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    code, _, err = run(["check", "scrape.csv", "a.txt"], capsys)
    assert code == 2 and "cannot be checked together" in err
    code, _, err = run(["check", "--output-format", "parquet", "scrape.csv"], capsys)
    assert code == 2 and "needs -o/--output-file" in err
    code, _, err = run(["check", "--per-article", "a.txt"], capsys)
    assert code == 2 and "--per-article is for corpus files" in err
    code, _, err = run(["check", "--engine", "dask", "scrape.csv"], capsys)
    assert code == 2 and "needs --scheduler" in err
    code, _, err = run(["check", "--text-field", "body", "scrape.csv"], capsys)
    assert code == 2 and err.strip() == "scrape.csv: error: no column 'body' (the header has: id, publisher, scrape_time, text)"


def test_parse_and_strip_read_corpora(corpus, capsys):
    code, out, _ = run(["parse", "--output-format", "json-lines", "--id-field", "id", "--meta-field", "publisher",
                        "--paragraph-separator", " ### ", "scrape.csv"], capsys)
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [d["path"] for d in docs] == ["scrape.csv#s-1", "scrape.csv#s-2", "scrape.csv#s-3"]
    assert docs[0]["record"] == {"file": "scrape.csv", "row": 1, "id": "s-1", "meta": {"publisher": "daily.example"}}
    assert [s["kind"] for s in docs[0]["spans"] if s["kind"] != "break"] == ["headline", "paragraph"]
    code, out, _ = run(["strip", "--id-field", "id", "--paragraph-separator", " ### ", "scrape.csv"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["text"] == "Strikes in Syria\n\nThe administration has responded by twice targeting militia groups."
    assert rows[1]["text"] == CLEAN.replace(" ### ", "\n\n")


def test_a_findings_only_run_does_not_count_words(corpus, capsys, monkeypatch):
    # Counting an article's words, insertions and wire service is for --per-article (and stats): a check
    # writing findings only does not pay for it (a tenth of linting a wire story), and finds the same.
    from notelint.runner import records

    asked = []
    real = records.lint_record

    def spy(record, settings, file, counts=True):
        result = real(record, settings, file, counts)
        asked.append((counts, result.words, result.insertions))
        return result

    monkeypatch.setattr(records, "lint_record", spy)
    _, findings, _ = run(["check", "-j", "1", "--output-format", "json-lines", *CORPUS_ARGS], capsys)
    assert asked == [(False, 0, 0)] * 3
    asked.clear()
    _, articles, _ = run(["check", "-j", "1", "--per-article", "--output-format", "json-lines", *CORPUS_ARGS], capsys)
    assert [a[0] for a in asked] == [True] * 3 and all(words > 10 for _, words, _ in asked)
    assert [a[2] for a in asked] == [json.loads(line)["insertions"] for line in articles.splitlines()] == [1, 0, 1]
    monkeypatch.setattr(records, "lint_record", real)
    chunks = records.lint_chunk([records.Record(row=i, id=str(i), meta={}, text=text.replace(" ### ", "\n\n"))
                                 for i, text in enumerate((SPLIT, CLEAN, NOTED))], settings_from(), "scrape.csv",
                                counts=False)
    counted = records.lint_chunk([records.Record(row=i, id=str(i), meta={}, text=text.replace(" ### ", "\n\n"))
                                  for i, text in enumerate((SPLIT, CLEAN, NOTED))], settings_from(), "scrape.csv")
    assert [r.findings for r in chunks] == [r.findings for r in counted] and any(r.findings for r in chunks)
    assert [(r.words, r.insertions, r.wire_service) for r in chunks] == [(0, 0, None)] * 3
    assert [r.wire_service for r in counted] == [None, "Reuters", None]
    assert len(findings.splitlines()) == sum(len(r.findings) for r in counted)


def test_summary_line_counts_the_rows_that_could_not_be_read(corpus, capsys):
    (corpus / "c.jsonl").write_text(json.dumps({"text": CLEAN}) + "\nnot json\n", encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", "--paragraph-separator", " ### ", "c.jsonl"], capsys)
    assert code == 2
    assert out.splitlines()[-1] == ("No findings in 1 of 2 records; 1 record could not be read "
                                    "(see the errors above).")


def test_a_binary_or_utf16_corpus_file_is_one_error_not_a_row_each(corpus, capsys):
    # An image renamed .jsonl, or a CSV saved as UTF-16 by a spreadsheet: read line by line, each of its
    # lines would be an unreadable row.
    (corpus / "photo.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    (corpus / "sheet.csv").write_bytes("id,text\n1,Fares rise\n".encode("utf-16"))
    (corpus / "ok.jsonl").write_text(json.dumps({"text": CLEAN}) + "\n", encoding="utf-8")
    code, out, err = run(["check", "--no-cache", "photo.jsonl", "sheet.csv", "ok.jsonl"], capsys)
    assert code == 2
    assert err.splitlines() == [
        "photo.jsonl: error: binary file (NUL byte at byte offset 8), not JSON Lines",
        "sheet.csv: error: UTF-16 text (byte order mark), not UTF-8: save the CSV file as UTF-8"]
    assert out.splitlines()[-1] == "No findings in 1 of 1 record; 2 files could not be read (see the errors above)."


def test_an_unclosed_quoted_csv_field_is_a_bad_row_not_the_rest_of_the_file(corpus, capsys):
    # The lenient reader took everything after the stray mark, to the end of the file, as row 2's text.
    (corpus / "c.csv").write_text(f'id,text\n1,"{NOTED}"\n2,"The port reopened on Monday.\n3,"{CLEAN}"\n',
                                  encoding="utf-8")
    code, out, err = run(["check", "--no-cache", "--id-field", "id", "--output-format", "json-lines", "c.csv"], capsys)
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["record"]["id"] for r in rows if "error" not in r} == {"1"}  # NOTED's findings; none of CLEAN's
    assert [(r["record"]["row"], r["error"]) for r in rows if "error" in r] == [
        (2, "unreadable CSV row: ',' expected after '\"'")]
    assert err == "c.csv: error: row 2: unreadable CSV row: ',' expected after '\"'\n"


@pytest.mark.parametrize("fmt", ["concise", "json", "json-lines", "csv", "sarif", "github", "gitlab", "junit"])
def test_a_corpus_file_that_cannot_be_read_is_reported_in_every_format_and_the_others_are_checked(corpus, capsys, fmt):
    code, out, err = run(["check", "--output-format", fmt, *CORPUS_ARGS, "gone.jsonl"], capsys)
    assert code == 2
    assert err.splitlines()[0] == "gone.jsonl: error: no such file"
    assert "s-1" in out or "s-1" in json.dumps(out)  # scrape.csv was still checked
    if fmt == "json":
        assert {"type": "error", "path": "gone.jsonl", "message": "no such file"} in json.loads(out)
    elif fmt == "json-lines":
        assert json.loads(out.splitlines()[-1]) == {"type": "error", "path": "gone.jsonl", "message": "no such file"}
    elif fmt == "csv":
        last = list(csv.DictReader(io.StringIO(out)))[-1]
        assert (last["file"], last["row"], last["id"], last["error"]) == ("gone.jsonl", "", "", "no such file")
    elif fmt == "sarif":
        (invocation,) = json.loads(out)["runs"][0]["invocations"]
        assert not invocation["executionSuccessful"]
        assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "gone.jsonl: error: no such file"
    elif fmt == "github":
        assert "::error file=gone.jsonl,title=notelint (input error)::could not read this file: no such file" in out
    elif fmt == "gitlab":
        assert any(issue["location"]["path"] == "gone.jsonl" and issue["severity"] == "blocker"
                   for issue in json.loads(out))
    elif fmt == "junit":
        assert ET.fromstring(out).find(".//testcase[@name='read gone.jsonl']/error").get("message") == "no such file"
    else:
        assert out.splitlines()[-1].endswith("in 2 of 3 records; 1 file could not be read (see the errors above).")


def test_bad_rows_are_input_errors_in_the_ci_formats(corpus, capsys):
    (corpus / "c.jsonl").write_text(json.dumps({"text": CLEAN}) + "\nnot json\n", encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", "--output-format", "junit", "c.jsonl"], capsys)
    assert code == 2
    error = ET.fromstring(out).find(".//testcase[@name='read c.jsonl']/error")
    assert error.get("message") == "row 2: invalid JSON: Expecting value at column 1"
