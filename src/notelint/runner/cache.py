"""The result cache: findings of files already checked, so a second run over unchanged files is near-instant.

Like ruff's `.ruff_cache`: a directory (default `.notelint_cache/` where notelint runs) holding, per notelint
build, one bucket file per settings fingerprint. A bucket maps each file's absolute path to the blake2b
digest of its bytes, its size and mtime when read, and its findings. A file is a hit when its content
digest matches; the size-and-mtime check only spares re-reading a file whose stat is unchanged and old
enough that a write within the same timestamp tick cannot hide behind it (git's "racily clean" rule).
Buckets are written atomically (a temporary file renamed over the old one), so a concurrent run or a
crash never leaves a half-written cache, only a lost update.
"""
from __future__ import annotations

import json
import os
import re
import sys
from typing import Iterable, NamedTuple

from ..version import __version__

try:  # the module hashlib takes blake2b from; importing hashlib itself loads OpenSSL (~3 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b
from ..linting.findings import Finding

DEFAULT_CACHE_DIR = ".notelint_cache"
CACHE_DIR_ENV = "NOTELINT_CACHE_DIR"
# A stat match is trusted only for files last modified this long before they were read.
RACY_WINDOW_NS = 2_000_000_000
# Results of other notelint builds are removed once unused this long (the folder of a build in use is
# touched by every run that writes to it).
STALE_BUILD_SECONDS = 7 * 24 * 3600
_BUILD_FOLDER = re.compile(r"\A[0-9][0-9A-Za-z.+!]*-[0-9a-f]{16}\Z")  # what build_stamp() names
_FORMAT = 1  # bump when the bucket layout changes

# Finding fields stored per finding; the path is not stored (the key holds it, and the display path is
# whatever the user passed this time).
_FIELDS = ("line", "col", "code", "end_line", "end_col", "start", "end", "name", "severity", "message", "text")


def content_digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def default_cache_dir() -> str:
    return os.environ.get(CACHE_DIR_ENV) or os.path.join(os.getcwd(), DEFAULT_CACHE_DIR)


def build_stamp() -> str:
    """The notelint version plus a stamp of the installed code and rule packs.

    An editable install keeps one version number while its rules change; stat-ing its few dozen files
    costs a fraction of a millisecond and keeps a developer from being served findings of old rules.
    """
    import importlib.util

    folders = [os.path.dirname(os.path.abspath(__file__))]
    spec = importlib.util.find_spec("notelint.rules")
    if spec is not None and spec.submodule_search_locations:
        folders.extend(spec.submodule_search_locations)
    stamp = blake2b(digest_size=8)
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
            for name in sorted(filenames):
                if name.endswith((".py", ".toml")):
                    st = os.stat(os.path.join(dirpath, name))
                    stamp.update(f"{dirpath}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return f"{__version__}-{stamp.hexdigest()}"


class Entry(NamedTuple):
    """One file's cached result; a tuple, so a bucket stores it as a JSON array as it is."""

    digest: str
    size: int
    mtime_ns: int
    checked_ns: int  # when the run that read the file started
    findings: list  # rows of _FIELDS

    def stat_matches(self, st: os.stat_result) -> bool:
        return (st.st_size == self.size and st.st_mtime_ns == self.mtime_ns
                and st.st_mtime_ns + RACY_WINDOW_NS <= self.checked_ns)


def findings_to_rows(findings: Iterable[Finding]) -> list:
    return [[getattr(f, name) for name in _FIELDS] for f in findings]


def rows_to_findings(path: str, rows: list) -> list[Finding]:
    return [Finding(path, *row) for row in rows] if rows else []


class Bucket:
    """The cached results for one settings fingerprint."""

    def __init__(self, file: str) -> None:
        self.file = file
        # path -> Entry, or the JSON array it was loaded from (made an Entry only when asked for: a warm run
        # over 20,000 files should not build 20,000 objects up front).
        self.entries: dict[str, Entry | list] = {}
        self.dirty = False
        try:
            with open(file, encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("format") == _FORMAT and isinstance(data["files"], dict):
                self.entries = data["files"]
        except (OSError, ValueError, TypeError, KeyError):
            pass  # no cache yet, or an unreadable one: start afresh, it is only a cache

    def get(self, abspath: str) -> Entry | None:
        row = self.entries.get(abspath)
        if row is None or isinstance(row, Entry):
            return row
        try:
            return Entry(*row)
        except TypeError:  # a malformed row: treat as absent
            return None

    def put(self, abspath: str, entry: Entry) -> None:
        self.entries[abspath] = entry
        self.dirty = True

    def save(self) -> None:
        import tempfile  # only a run that wrote something pays for it

        payload = {"format": _FORMAT, "files": self.entries}
        directory = os.path.dirname(self.file)
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # dumps, not dump: only the one-shot encoder is the C one (5x faster on 20,000 entries).
                fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, self.file)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        self.dirty = False


class ResultCache:
    """All buckets under one cache directory, loaded on first use and saved together."""

    def __init__(self, directory: str | None = None) -> None:
        self.root = os.path.abspath(directory or default_cache_dir())
        self.directory = os.path.join(self.root, build_stamp())
        self.buckets: dict[str, Bucket] = {}

    def bucket(self, settings_key: str) -> Bucket:
        if settings_key not in self.buckets:
            name = blake2b(settings_key.encode("utf-8"), digest_size=12).hexdigest()
            self.buckets[settings_key] = Bucket(os.path.join(self.directory, f"{name}.json"))
        return self.buckets[settings_key]

    def save(self) -> None:
        """Write changed buckets; a cache that cannot be written is reported once and otherwise ignored."""
        dirty = [b for b in self.buckets.values() if b.dirty]
        if not dirty:
            return
        try:
            self._mark_directory()
            for bucket in dirty:
                bucket.save()
        except OSError as exc:
            print(f"notelint: warning: cannot write the cache in {self.root}: {exc.strerror or exc}", file=sys.stderr)

    def _mark_directory(self) -> None:
        """CACHEDIR.TAG keeps backup tools out; a `*` .gitignore keeps the cache out of commits (as ruff does)."""
        if not os.path.isdir(self.directory):
            self._remove_stale_builds()
        os.makedirs(self.directory, exist_ok=True)
        tag = os.path.join(self.root, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            with open(tag, "w", encoding="utf-8") as fh:
                fh.write("Signature: 8a477f597d28d172789f06886806bc55\n# Created by notelint.\n")
            with open(os.path.join(self.root, ".gitignore"), "w", encoding="utf-8") as fh:
                fh.write("# Created by notelint automatically.\n*\n")

    def _remove_stale_builds(self) -> None:
        """On the first write of a new build (an upgrade, an edited checkout), drop other builds' folders
        that no run has written to for a week, so the cache does not grow with every upgrade."""
        import shutil
        import time

        cutoff = time.time() - STALE_BUILD_SECONDS
        try:
            entries = list(os.scandir(self.root))
        except OSError:
            return
        for entry in entries:
            if (entry.is_dir(follow_symlinks=False) and _BUILD_FOLDER.match(entry.name)
                    and entry.stat().st_mtime < cutoff):
                shutil.rmtree(entry.path, ignore_errors=True)
