"""The index file: incremental and idempotent adds, replacement, removal, and the one-line errors for a
missing, foreign or damaged file."""
from __future__ import annotations

import sqlite3

import pytest

from notelint.finding.index import IndexFileError, StoryIndex, prepare_story

from find_stories import HARBOR, HARBOR_UPDATE, TRANSIT, WILDFIRE


def make(path, stories):
    with StoryIndex(str(path), create=True) as index:
        return index.add(prepare_story(source, text) for source, text in stories)


def test_adds_are_incremental_and_the_same_story_again_changes_nothing(tmp_path):
    path = tmp_path / "wire.idx"
    counts = make(path, [("harbor.txt", HARBOR), ("transit.txt", TRANSIT)])
    assert (counts.added, counts.replaced, counts.unchanged) == (2, 0, 0)
    counts = make(path, [("wildfire.txt", WILDFIRE)])
    assert (counts.added, counts.unchanged) == (1, 0)
    before = path.read_bytes()
    counts = make(path, [("harbor.txt", HARBOR), ("wildfire.txt", WILDFIRE)])
    assert (counts.added, counts.replaced, counts.unchanged) == (0, 0, 2)
    assert path.read_bytes() == before  # not a byte changed
    with StoryIndex(str(path)) as index:
        assert index.story_count() == 3
        assert [source for _, source in index.sources()] == ["harbor.txt", "transit.txt", "wildfire.txt"]
        story_id = dict((s, i) for i, s in index.sources())["transit.txt"]
        assert index.story(story_id) == ("transit.txt", TRANSIT)


def test_a_new_text_under_a_stored_source_replaces_it(tmp_path):
    path = tmp_path / "wire.idx"
    make(path, [("harbor.txt", HARBOR)])
    counts = make(path, [("harbor.txt", HARBOR_UPDATE)])
    assert (counts.added, counts.replaced) == (0, 1)
    with StoryIndex(str(path)) as index:
        (story_id, source), = index.sources()
        assert index.story(story_id)[1] == HARBOR_UPDATE
        # The old text's fingerprints went with it: every posting points at the stored story.
        rows = index.db.execute("SELECT DISTINCT story FROM postings").fetchall()
        assert rows == [(story_id,)]


def test_remove_takes_the_story_and_its_fingerprints(tmp_path):
    path = tmp_path / "wire.idx"
    make(path, [("harbor.txt", HARBOR), ("transit.txt", TRANSIT)])
    with StoryIndex(str(path), write=True) as index:
        assert index.remove(["harbor.txt", "nowhere.txt"]) == ["nowhere.txt"]
        assert index.story_count() == 2  # one unknown source: nothing removed
        assert index.remove(["harbor.txt"]) == []
        assert index.story_count() == 1
        assert index.db.execute("SELECT count(*) FROM postings WHERE story NOT IN (SELECT id FROM stories)"
                                ).fetchone() == (0,)


def test_a_missing_index_is_an_error_unless_it_is_being_made(tmp_path):
    with pytest.raises(IndexFileError) as caught:
        StoryIndex(str(tmp_path / "none.idx"))
    assert str(caught.value).startswith(f"{tmp_path / 'none.idx'}: error: no such index")
    assert not (tmp_path / "none.idx").exists()


@pytest.mark.parametrize("content", [b"not a database at all\n" * 40, b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_an_index(tmp_path, content):
    path = tmp_path / "wire.idx"
    path.write_bytes(content)
    with pytest.raises(IndexFileError) as caught:
        StoryIndex(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: error: ") and "\n" not in message


def test_a_foreign_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('format', 'something else')")
    db.commit()
    db.close()
    with pytest.raises(IndexFileError, match=r"error: not a notelint story index$"):
        StoryIndex(str(path))
    with pytest.raises(IndexFileError, match=r"error: not a notelint story index$"):
        StoryIndex(str(path), create=True)  # adding to it must not write into someone else's database


def test_a_damaged_index(tmp_path):
    path = tmp_path / "wire.idx"
    make(path, [("harbor.txt", HARBOR), ("transit.txt", TRANSIT), ("wildfire.txt", WILDFIRE)])
    data = bytearray(path.read_bytes())
    data[len(data) // 2:] = b"\x00" * (len(data) - len(data) // 2)
    path.write_bytes(bytes(data[: len(data) - 1000]))
    with pytest.raises(IndexFileError) as caught:
        with StoryIndex(str(path)) as index:
            for story_id, _ in list(index.sources()):
                index.story(story_id)
            index.stats()
    assert str(caught.value).startswith(f"{path}: error: ")
