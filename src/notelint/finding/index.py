"""The story index: one SQLite file holding each stored story's text (compressed, so a diff needs nothing
else) and, for each fingerprint (shingles.py), the stories holding it.

Stories are keyed by their source: the path or corpus id they were added under. Adding a source again with
the same text changes nothing; with a different text, the stored story is replaced.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pathlib
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from ..reading.source import SourceError

from .shingles import SHINGLE_WORDS, WINDOW, as_sql, fingerprints, shingle_hashes, words_of

FORMAT = "notelint story index"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    digest BLOB NOT NULL,
    chars INTEGER NOT NULL,
    words INTEGER NOT NULL,
    text BLOB NOT NULL
);
CREATE TABLE postings (shingle INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (shingle, story)) WITHOUT ROWID;
"""
_INSERT_CHUNK = 200_000


class IndexFileError(SourceError):
    """An index that cannot be used: missing, not an index, damaged or made by another version; shown as
    one line `INDEX: error: ...`, exit code 2."""


@dataclass(frozen=True)
class PreparedStory:
    """What storing a story needs, computed apart from the database (in a worker process when adding many)."""

    source: str
    digest: bytes
    chars: int
    words: int
    blob: bytes
    shingles: np.ndarray  # the fingerprints, as signed 64-bit integers


def prepare_story(source: str, text: str) -> PreparedStory:
    data = text.encode("utf-8", "surrogatepass")
    words = words_of(text)
    kept = fingerprints(shingle_hashes(words)).view(np.int64)
    return PreparedStory(source, hashlib.blake2b(data, digest_size=16).digest(), len(text), len(words),
                         zlib.compress(data, 6), kept)


@dataclass
class AddCounts:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


class StoryIndex:
    """An open index file. Every SQLite failure surfaces as IndexFileError naming the file."""

    def __init__(self, path: str, *, create: bool = False, write: bool = False) -> None:
        """Open an index to search it; `write` to change it; `create` to make it when missing (or empty)."""
        write = write or create
        self.path = path
        if not os.path.exists(path):
            if not create:
                raise IndexFileError(path, f"no such index (`notelint index add {path} PATH...` makes one)")
        elif os.path.isdir(path):
            raise IndexFileError(path, "is a folder, not an index file")
        fresh = create and (not os.path.exists(path) or os.path.getsize(path) == 0)
        try:
            # Searching opens the file read-only: a search never changes or locks an index for writing.
            self.db = sqlite3.connect(path) if write else sqlite3.connect(
                pathlib.Path(path).absolute().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise IndexFileError(path, f"cannot open the index ({exc})") from None
        with self._errors():
            if fresh:
                self.db.executescript(_SCHEMA)
                self._set_meta({"format": FORMAT, "schema": SCHEMA_VERSION, "shingle_words": str(SHINGLE_WORDS),
                                "window": str(WINDOW), "stories": "0"})
                self.db.commit()
            try:
                meta = dict(self.db.execute("SELECT key, value FROM meta"))
            except sqlite3.OperationalError:
                meta = {}
        if meta.get("format") != FORMAT:
            self.db.close()
            raise IndexFileError(path, "not a notelint story index")
        if (meta.get("schema"), meta.get("shingle_words"), meta.get("window")) != (
                SCHEMA_VERSION, str(SHINGLE_WORDS), str(WINDOW)):
            self.db.close()
            raise IndexFileError(path, "index made by another version of notelint; make it again")
        self.meta = meta

    # -- errors and bookkeeping ------------------------------------------------------------------------
    @contextlib.contextmanager
    def _errors(self):
        """Any SQLite failure inside: one line naming the index file."""
        try:
            yield
        except sqlite3.Error as exc:
            if "not a database" in str(exc):
                detail = "not a notelint story index"
            elif "locked" in str(exc):
                detail = "the index is being changed by another notelint; try again when it is done"
            else:
                detail = f"damaged index ({exc})"
            raise IndexFileError(self.path, detail) from None

    def _set_meta(self, values: dict[str, str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "StoryIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------------------
    def add(self, stories: Iterable[PreparedStory]) -> AddCounts:
        """Store the stories (one transaction). Postings are inserted sorted at the end: appending to the
        B-tree is several times faster than inserting in story order once it outgrows the page cache."""
        counts = AddCounts()
        shingle_chunks: list[np.ndarray] = []
        story_chunks: list[np.ndarray] = []
        with self._errors():
            cur = self.db.cursor()
            cur.execute("PRAGMA cache_size = -65536")
            for story in stories:
                row = cur.execute("SELECT id, digest FROM stories WHERE source = ?", (story.source,)).fetchone()
                if row is not None:
                    if row[1] == story.digest:
                        counts.unchanged += 1
                        continue
                    self._delete(cur, row[0])
                    counts.replaced += 1
                else:
                    counts.added += 1
                cur.execute("INSERT INTO stories (source, digest, chars, words, text) VALUES (?, ?, ?, ?, ?)",
                            (story.source, story.digest, story.chars, story.words, story.blob))
                shingle_chunks.append(story.shingles)
                story_chunks.append(np.full(len(story.shingles), cur.lastrowid, dtype=np.int64))
            if shingle_chunks:
                shingles = np.concatenate(shingle_chunks)
                ids = np.concatenate(story_chunks)
                order = np.lexsort((ids, shingles))
                shingles, ids = shingles[order], ids[order]
                for lo in range(0, len(order), _INSERT_CHUNK):
                    cur.executemany("INSERT OR IGNORE INTO postings (shingle, story) VALUES (?, ?)",
                                    zip(shingles[lo:lo + _INSERT_CHUNK].tolist(), ids[lo:lo + _INSERT_CHUNK].tolist()))
            if counts.added or counts.replaced:
                self._set_meta({"stories": str(self._count(cur))})
                self.db.commit()
            else:
                self.db.rollback()  # nothing new: the file is left byte for byte as it was
            self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        return counts

    def _delete(self, cur, story_id: int) -> None:
        # The story's postings are found again from its text: a second index on postings by story would
        # cost as much space as the postings themselves.
        blob = cur.execute("SELECT text FROM stories WHERE id = ?", (story_id,)).fetchone()[0]
        kept = fingerprints(shingle_hashes(words_of(zlib.decompress(blob).decode("utf-8", "surrogatepass"))))
        cur.executemany("DELETE FROM postings WHERE shingle = ? AND story = ?", [(h, story_id) for h in as_sql(kept)])
        cur.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def _count(self, cur) -> int:
        return cur.execute("SELECT count(*) FROM stories").fetchone()[0]

    def remove(self, sources: Iterable[str]) -> list[str]:
        """Remove the stories stored under these sources; returns the sources that are not stored (and then
        removes nothing)."""
        sources = list(dict.fromkeys(sources))
        with self._errors():
            cur = self.db.cursor()
            ids = []
            missing = []
            for source in sources:
                row = cur.execute("SELECT id FROM stories WHERE source = ?", (source,)).fetchone()
                if row is None:
                    missing.append(source)
                else:
                    ids.append(row[0])
            if missing:
                return missing
            for story_id in ids:
                self._delete(cur, story_id)
            self._set_meta({"stories": str(self._count(cur))})
            self.db.commit()
            self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        return []

    # -- reading -------------------------------------------------------------------------------------------
    def story_count(self) -> int:
        return int(self.meta.get("stories", "0"))

    def stories_holding(self, shingle: int, limit: int) -> list[int]:
        """Up to `limit` ids of stories holding a fingerprint."""
        with self._errors():
            return [row[0] for row in self.db.execute(
                "SELECT story FROM postings WHERE shingle = ? LIMIT ?", (shingle, limit))]

    def story(self, story_id: int) -> tuple[str, str]:
        """(source, text) of a stored story."""
        with self._errors():
            row = self.db.execute("SELECT source, text FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row is None:
                raise IndexFileError(self.path, f"damaged index (story {story_id} is missing)")
            try:
                return row[0], zlib.decompress(row[1]).decode("utf-8", "surrogatepass")
            except (zlib.error, UnicodeDecodeError) as exc:
                raise IndexFileError(self.path, f"damaged index (story {row[0]}: {exc})") from None

    def sources(self) -> Iterator[tuple[int, str]]:
        with self._errors():
            yield from self.db.execute("SELECT id, source FROM stories ORDER BY id")

    def stats(self) -> dict:
        with self._errors():
            stories, chars, words, stored = self.db.execute(
                "SELECT count(*), coalesce(sum(chars), 0), coalesce(sum(words), 0), coalesce(sum(length(text)), 0) "
                "FROM stories").fetchone()
            postings = self.db.execute("SELECT count(*) FROM postings").fetchone()[0]
        size = os.path.getsize(self.path)
        return {"path": self.path, "stories": stories, "words": words, "text_chars": chars,
                "text_stored_bytes": stored, "postings": postings, "file_bytes": size,
                "shingle_words": SHINGLE_WORDS, "window": WINDOW}
