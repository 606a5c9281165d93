"""The result cache: findings of files already checked, so a second run over unchanged files is near-instant.

Like ruff's `.ruff_cache`: a directory (default `.notelint_cache/` where notelint runs) holding, per notelint
build, one bucket file per settings fingerprint. A bucket maps each file's absolute path to the blake2b
digest of its bytes, its size and mtime when read, and its findings. A file is a hit when its content
digest matches; the size-and-mtime check only spares re-reading a file whose stat is unchanged and old
enough that a write within the same timestamp tick cannot hide behind it (git's "racily clean" rule).
Buckets are written atomically (a temporary file renamed over the old one), so a concurrent run or a
crash never leaves a half-written cache, only a lost update.

notelint runs in people's repositories, so the cache directory is used only when it is notelint's own:
one it created itself (made complete beside its final name, then renamed into place) and marked with a
CACHEDIR.TAG saying so. A folder the user names that notelint did not make (`--cache-dir .`, a home
folder) is neither read nor written, and nothing there is ever replaced or deleted; neither is a symbolic
link (a committed `.notelint_cache` link pointing elsewhere) followed.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import namedtuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable

from ..lazy_pattern import LazyPattern
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
_BUILD_FOLDER = LazyPattern(re.compile, r"\A[0-9][0-9A-Za-z.+!]*-[0-9a-f]{16}\Z")  # what build_stamp() names
_FORMAT = 2  # bump when the bucket layout changes
# The tag that marks a cache directory as notelint's (the CACHEDIR.TAG standard, plus our own line).
_TAG_NAME = "CACHEDIR.TAG"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Created by notelint.\n"
_OWNER_LINE = "# Created by notelint."
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

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


def has_results(directory: str | None = None) -> bool:
    """Whether this build of notelint has saved results under the cache directory: a run ahead will
    likely find most of its files there."""
    return os.path.isdir(os.path.join(os.path.abspath(directory or default_cache_dir()), build_stamp()))


class Entry(namedtuple("Entry", ("digest", "size", "mtime_ns", "checked_ns", "findings"))):
    """One file's cached result; a tuple, so a bucket stores it as a JSON array as it is.

    digest, size, mtime_ns; checked_ns: when the run that read the file started; findings: rows of _FIELDS.
    (collections.namedtuple, as typing.NamedTuple makes it, without importing typing at start-up.)"""

    __slots__ = ()

    def stat_matches(self, st: os.stat_result) -> bool:
        return (st.st_size == self.size and st.st_mtime_ns == self.mtime_ns
                and st.st_mtime_ns + RACY_WINDOW_NS <= self.checked_ns)


def findings_to_rows(findings: Iterable[Finding]) -> list:
    return [[getattr(f, name) for name in _FIELDS] for f in findings]


def rows_to_findings(path: str, rows: list) -> list[Finding]:
    return [Finding(path, *row) for row in rows] if rows else []


class Bucket:
    """The cached results for one settings fingerprint."""

    def __init__(self, file: str | None, stamp: str = "") -> None:
        self.file = file
        self.stamp = stamp
        # path -> Entry, or the JSON array it was loaded from (made an Entry only when asked for: a warm run
        # over 20,000 files should not build 20,000 objects up front).
        self.entries: dict[str, Entry | list] = {}
        self.dirty = False
        if file is None:  # a cache directory that is not notelint's: nothing read, nothing kept
            return
        try:
            with open(os.open(file, os.O_RDONLY | _NOFOLLOW), "rb") as fh:
                header, _, body = fh.read().partition(b"\n")
            # The writer's seal: a bucket damaged or edited since this notelint wrote it is not used.
            if header == _seal(body, stamp):
                files = json.loads(body)
                if isinstance(files, dict):
                    self.entries = files
        except (OSError, ValueError, RecursionError):
            pass  # no cache yet, or an unreadable one: start afresh, it is only a cache

    def get(self, abspath: str) -> Entry | None:
        row = self.entries.get(abspath)
        if row is None or isinstance(row, Entry):
            return row
        # The bucket's seal vouches that this build's writer wrote every entry (a damaged or hand-edited
        # bucket is not loaded at all), so entries are not re-validated one by one on a warm run.
        try:
            return Entry(*row)
        except TypeError:
            return None

    def put(self, abspath: str, entry: Entry) -> None:
        self.entries[abspath] = entry
        self.dirty = True

    def save(self) -> None:
        import tempfile  # only a run that wrote something pays for it

        if self.file is None:
            return

        # dumps, not dump: only the one-shot encoder is the C one (5x faster on 20,000 entries).
        body = json.dumps(self.entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        directory = os.path.dirname(self.file)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_seal(body, self.stamp) + b"\n" + body)
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
        self.stamp = build_stamp()
        self.directory = os.path.join(self.root, self.stamp)
        self.buckets: dict[str, Bucket] = {}
        self.refusal = _not_ours(self.root)  # why the directory cannot be used, or None

    def bucket(self, settings_key: str) -> Bucket:
        if settings_key not in self.buckets:
            name = blake2b(settings_key.encode("utf-8"), digest_size=12).hexdigest()
            usable = self.refusal is None and not _is_link(self.directory)
            self.buckets[settings_key] = Bucket(os.path.join(self.directory, f"{name}.json") if usable else None,
                                                 self.stamp)
        return self.buckets[settings_key]

    def save(self) -> None:
        """Write changed buckets; a cache that cannot be written is reported once and otherwise ignored."""
        dirty = [b for b in self.buckets.values() if b.dirty]
        if not dirty:
            return
        if self.refusal is not None:
            print(f"notelint: warning: not using {self.root} as the cache directory: {self.refusal}; "
                  "give --cache-dir a new folder name (notelint creates it)", file=sys.stderr)
            return
        try:
            self._make_directories()
            for bucket in dirty:
                bucket.save()
        except OSError as exc:
            print(f"notelint: warning: cannot write the cache in {self.root}: {exc.strerror or exc}", file=sys.stderr)

    def _make_directories(self) -> None:
        """The cache directory (made and marked if new) and this build's folder in it, never through a link."""
        if not os.path.lexists(self.root):
            _create_marked(self.root)
            self.refusal = _not_ours(self.root)  # a concurrent run may have made something else there
            if self.refusal is not None:
                raise OSError(self.refusal)
        if not os.path.isdir(self.directory) or _is_link(self.directory):
            if _is_link(self.directory):
                raise OSError(f"{self.directory} is a symbolic link")
            self._remove_stale_builds()
            try:
                os.mkdir(self.directory)
            except FileExistsError:
                pass
        if _is_link(self.directory) or not os.path.isdir(self.directory):
            raise OSError(f"{self.directory} is not a folder")

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
                    and entry.stat(follow_symlinks=False).st_mtime < cutoff):
                shutil.rmtree(entry.path, ignore_errors=True)


def _seal(body: bytes, stamp: str) -> bytes:
    """A bucket's first line: its format and a digest of its entries keyed by this build of notelint."""
    key = stamp.encode("utf-8")[-64:]
    return b'{"format":%d,"seal":"%s"}' % (_FORMAT, blake2b(body, digest_size=16, key=key).hexdigest().encode())


def _is_link(path: str) -> bool:
    return os.path.islink(path)


def _not_ours(root: str) -> str | None:
    """None when `root` is absent (notelint will create it) or a folder notelint made and marked; else why not."""
    import stat

    try:
        st = os.lstat(root)
    except OSError:  # absent (or unreachable: making it will fail, with the reason, when the cache is saved)
        return None
    if stat.S_ISLNK(st.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "it is not a folder"
    try:
        fd = os.open(os.path.join(root, _TAG_NAME), os.O_RDONLY | _NOFOLLOW)
        with open(fd, encoding="utf-8", errors="replace") as fh:
            tag = fh.read(4096)
    except OSError:
        return "it is a folder notelint did not create (it has no CACHEDIR.TAG of notelint's)"
    if _OWNER_LINE not in tag.splitlines():
        return "it is a folder notelint did not create (its CACHEDIR.TAG is another tool's)"
    return None


def _create_marked(root: str) -> None:
    """Make the cache directory, complete with its tag and a `*` .gitignore (keeps it out of commits, as
    ruff does), in a temporary folder beside it, then rename it into place: no run ever sees it unmarked.
    A concurrent run that got there first wins; this one's folder is removed."""
    import shutil
    import tempfile

    parent = os.path.dirname(root)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(dir=parent, prefix=f".{os.path.basename(root)}.tmp-")
    try:
        for name, text in ((".gitignore", "# Created by notelint automatically.\n*\n"), (_TAG_NAME, _TAG)):
            with open(os.path.join(staging, name), "x", encoding="utf-8") as fh:
                fh.write(text)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; a cache is as shared as its repository
        try:
            os.rename(staging, root)
            staging = None
        except OSError:
            if not os.path.lexists(root):
                raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
