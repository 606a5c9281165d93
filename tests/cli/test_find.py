"""`notelint index` and `notelint find` (and `diff --index`) as a user runs them, on wire stories and
republications written for these tests."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from notelint.cli.main import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "finding"))
from find_stories import HARBOR, HARBOR_OTHER_STORY, HARBOR_REPUBLISHED, HARBOR_UPDATE, STORE, TRANSIT  # noqa: E402


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def wire(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, text in STORE.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a story")  # not an article: a folder walk skips it
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in [("republished.txt", HARBOR_REPUBLISHED), ("update.txt", HARBOR_UPDATE),
                       ("other.txt", HARBOR_OTHER_STORY)]:
        (articles / name).write_text(text, encoding="utf-8")
    return folder, articles


def test_index_a_folder_then_find_as_json(capsys, tmp_path, wire):
    folder, articles = wire
    index = tmp_path / "wire.idx"
    code, out, err = run(capsys, "index", "add", index, folder)
    assert (code, err) == (0, "")
    assert out == f"{index}: 3 added, 0 replaced, 0 unchanged; 3 stories stored\n"
    code, out, err = run(capsys, "find", "--index", index, "--output-format", "json",
                         articles / "republished.txt", articles / "update.txt", articles / "other.txt")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [item["path"] for item in data] == [str(articles / n) for n in ("republished.txt", "update.txt", "other.txt")]
    assert all(set(item) == {"path", "matches"} for item in data)
    copy, = data[0]["matches"]
    assert copy["source"] == str(folder / "harbor.txt") and copy["kind"] == "copy" and copy["note"] is None
    assert 0 <= copy["score"] <= 1 and set(copy) >= {"source", "score", "kind", "containment", "aligned",
                                                     "story_coverage", "lead_kept", "passages"}
    text = HARBOR_REPUBLISHED
    for passage in copy["passages"]:  # offsets into the article file and the stored story
        assert passage["words"] >= 6
        assert text[passage["article_start"]:passage["article_end"]].split()[-1] == \
            HARBOR[passage["story_start"]:passage["story_end"]].split()[-1]
    version, = data[1]["matches"]
    assert (version["kind"], version["note"]) == ("version", "a different version of the stored story")
    assert data[2]["matches"] == []  # quotes the same statements: not a copy


def test_an_unreadable_article_is_told_and_the_others_are_still_found(capsys, tmp_path, wire):
    # One bad page of a scrape (a PDF saved as .txt, a path gone) does not lose the rest of the run.
    folder, articles = wire
    index = tmp_path / "wire.idx"
    run(capsys, "index", "add", index, folder)
    (articles / "attachment.txt").write_bytes(b"%PDF-1.4\x00\x01 binary")
    code, out, err = run(capsys, "find", "--index", index, "--output-format", "json", articles / "attachment.txt",
                         articles / "republished.txt", articles / "gone.txt")
    assert code == 2
    assert err.splitlines() == [f"{articles / 'attachment.txt'}: error: binary file (NUL byte at byte offset 8), "
                                "not an article", f"{articles / 'gone.txt'}: error: no such file"]
    data = json.loads(out)
    assert [set(item) for item in data] == [{"path", "error"}, {"path", "matches"}, {"path", "error"}]
    assert data[1]["matches"][0]["source"] == str(folder / "harbor.txt") and data[2]["error"] == "no such file"
    code, out, _ = run(capsys, "find", "--index", index, "--output-format", "concise", articles / "gone.txt",
                       articles / "republished.txt")
    assert code == 2 and out.startswith(f"{articles / 'republished.txt'}: {folder / 'harbor.txt'} (copy; score")


def test_article_offsets_are_code_points_of_the_file_with_a_bom_and_crlf(capsys, tmp_path, wire):
    folder, _ = wire
    index = tmp_path / "wire.idx"
    run(capsys, "index", "add", index, folder)
    article = tmp_path / "crlf.txt"
    article.write_bytes(("\ufeff" + "Café owners say — “nothing” " + HARBOR_REPUBLISHED).replace("\n", "\r\n").encode("utf-8"))
    code, out, _ = run(capsys, "find", "--index", index, "--output-format", "json", article)
    original = article.read_bytes().decode("utf-8")
    passage = json.loads(out)[0]["matches"][0]["passages"][0]
    assert "The Portland harbor board on Tuesday approved" in original[passage["article_start"]:passage["article_end"]]


def test_full_and_concise_tables(capsys, tmp_path, wire):
    folder, articles = wire
    index = tmp_path / "wire.idx"
    run(capsys, "index", "add", index, folder)
    code, out, _ = run(capsys, "find", "--index", index, articles / "update.txt", articles / "other.txt")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == str(articles / "update.txt")
    assert lines[1].split() == ["#", "SOURCE", "KIND", "SCORE", "OWN", "TEXT", "STORY", "PASSAGES"]
    assert lines[2].split()[:3] == ["1", str(folder / "harbor.txt"), "version"]
    assert lines[2].endswith("(a different version of the stored story)")
    assert lines[4:6] == [str(articles / "other.txt"), "  derives from no stored story"]
    code, out, _ = run(capsys, "find", "--index", index, "--output-format", "concise",
                       articles / "republished.txt", articles / "other.txt")
    first, second = out.splitlines()
    assert first.startswith(f"{articles / 'republished.txt'}: {folder / 'harbor.txt'} (copy; score 0.")
    assert second == f"{articles / 'other.txt'}: no stored story"


def test_incremental_add_stats_and_remove(capsys, tmp_path):
    index = tmp_path / "wire.idx"
    (tmp_path / "a.txt").write_text(HARBOR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TRANSIT, encoding="utf-8")
    assert run(capsys, "index", "add", index, tmp_path / "a.txt")[1].endswith("1 added, 0 replaced, 0 unchanged; 1 story stored\n")
    before = index.read_bytes()
    code, out, _ = run(capsys, "index", "add", index, tmp_path / "a.txt")
    assert out.endswith("0 added, 0 replaced, 1 unchanged; 1 story stored\n") and index.read_bytes() == before
    code, out, _ = run(capsys, "index", "add", index, tmp_path / "a.txt", tmp_path / "b.txt")
    assert out.endswith("1 added, 0 replaced, 1 unchanged; 2 stories stored\n")
    code, out, _ = run(capsys, "index", "stats", index, "--output-format", "json")
    stats = json.loads(out)
    assert stats["stories"] == 2 and stats["text_chars"] == len(HARBOR) + len(TRANSIT)
    code, out, _ = run(capsys, "index", "stats", index)
    assert "stories         2" in out
    code, out, err = run(capsys, "index", "remove", index, tmp_path / "a.txt", "missing-id")
    assert code == 2 and err == f"{index}: error: not stored: missing-id (nothing removed)\n"
    code, out, err = run(capsys, "index", "remove", index, tmp_path / "a.txt")
    assert (code, out) == (0, f"{index}: 1 removed; 1 story stored\n")
    code, out, _ = run(capsys, "find", "--index", index, "--output-format", "json", tmp_path / "a.txt")
    assert json.loads(out)[0]["matches"] == []


def test_a_corpus_file_adds_each_record_under_its_id(capsys, tmp_path):
    corpus = tmp_path / "wire.jsonl"
    rows = [{"id": "rtr-001", "text": HARBOR.replace("\n\n", " ### ")}, {"id": 2, "text": TRANSIT},
            {"text": "no id here"}, "not an object"]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    index = tmp_path / "wire.idx"
    code, out, err = run(capsys, "index", "add", index, corpus, "--paragraph-separator", " ### ")
    assert code == 2  # bad rows: each named, the good ones still added
    assert err.splitlines() == [f"{corpus}: error: row 3: no id field 'id'",
                                f"{corpus}: error: row 4: a JSON string, not an object",
                                f"{corpus}: error: row 5: invalid JSON: Expecting property name enclosed in double quotes "
                                "at column 2"]
    assert out.endswith("2 added, 0 replaced, 0 unchanged; 2 stories stored\n")
    article = tmp_path / "article.txt"
    article.write_text(HARBOR_REPUBLISHED, encoding="utf-8")
    code, out, _ = run(capsys, "find", "--index", index, "--output-format", "json", article)
    assert [m["source"] for m in json.loads(out)[0]["matches"]] == ["rtr-001"]


@pytest.mark.parametrize("content", [b"garbage, not an index\n", b""])
def test_a_corrupt_or_foreign_index_is_one_line_and_exit_2(capsys, tmp_path, content):
    index = tmp_path / "bad.idx"
    index.write_bytes(content)
    article = tmp_path / "article.txt"
    article.write_text(HARBOR_REPUBLISHED, encoding="utf-8")
    for argv in (["find", "--index", index, article], ["index", "stats", index], ["diff", article, "--index", index]):
        code, out, err = run(capsys, *argv)
        assert (code, out, err) == (2, "", f"{index}: error: not a notelint story index\n"), argv
    foreign = tmp_path / "app.sqlite"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE users (id INTEGER)")
    db.commit()
    db.close()
    before = foreign.read_bytes()
    code, out, err = run(capsys, "index", "add", foreign, article)
    assert (code, err) == (2, f"{foreign}: error: not a notelint story index\n") and foreign.read_bytes() == before


def test_a_missing_index(capsys, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(HARBOR_REPUBLISHED, encoding="utf-8")
    index = tmp_path / "none.idx"
    for argv in (["find", "--index", index, article], ["index", "stats", index], ["index", "remove", index, "x"],
                 ["diff", article, "--index", index]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.startswith(f"{index}: error: no such index") and err.count("\n") == 1
    assert not index.exists()


def test_diff_against_the_original_found_in_the_index(capsys, tmp_path, wire):
    folder, articles = wire
    index = tmp_path / "wire.idx"
    run(capsys, "index", "add", index, folder)
    code, out, err = run(capsys, "diff", articles / "republished.txt", "--index", index, "--output-format", "json")
    assert err == f"notelint: original: {folder / 'harbor.txt'} (copy; score " + err.split("score ")[1]
    data = json.loads(out)
    assert data["original"] == str(folder / "harbor.txt") and data["republished"] == str(articles / "republished.txt")
    assert any(h["kind"] == "marked_insertion" for h in data["hunks"])
    code, out, err = run(capsys, "diff", articles / "other.txt", "--index", index)
    assert (code, out) == (2, "") and err == f"{articles / 'other.txt'}: error: derives from no story stored in {index}\n"
    code, out, err = run(capsys, "diff", folder / "harbor.txt", articles / "other.txt", "--index", index)
    assert code == 2 and "give the republished article alone" in err
