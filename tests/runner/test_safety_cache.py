"""The result cache touches only a directory notelint created and marked as its own, never follows a
symbolic link, and ignores damaged or hand-edited entries (issue 14)."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from notelint.runner import cache
from notelint.cli.main import main

# The project's own example: a wire story republished with commentary (findings on every run).
ARTICLE = (Path(__file__).parents[2] / "examples" / "republished-wire-story.txt").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict:
    """Every path under `folder` (links not followed) with its bytes, link target, or mark as a folder."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                out[str(path)] = ("link", os.readlink(path))
            elif path.is_dir():
                out[str(path)] = ("dir", path.stat().st_mtime_ns)
            else:
                out[str(path)] = ("file", path.read_bytes(), path.stat().st_mtime_ns)
    return out


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".gitignore").write_text("build/\n*.pyc\n", encoding="utf-8")
    (root / "story.txt").write_text(ARTICLE, encoding="utf-8")
    # A week-old folder whose name looks like one of the cache's build folders: the user's, not ours.
    lookalike = root / "1.0-0123456789abcdef"
    lookalike.mkdir()
    (lookalike / "notes.txt").write_text("keep me\n", encoding="utf-8")
    old = time.time() - cache.STALE_BUILD_SECONDS - 3600
    os.utime(lookalike, (old, old))
    monkeypatch.chdir(root)
    monkeypatch.delenv(cache.CACHE_DIR_ENV, raising=False)
    return root


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_user_folder_named_as_the_cache_is_left_untouched(repo, monkeypatch, capsys, how):
    before = snapshot(repo)
    if how == "option":
        code = main(["check", "story.txt", "--cache-dir", "."])
    else:
        monkeypatch.setenv(cache.CACHE_DIR_ENV, str(repo))
        code = main(["check", "story.txt"])
    assert code == 1
    assert snapshot(repo) == before  # no `*` .gitignore, no CACHEDIR.TAG, the look-alike folder kept
    err = capsys.readouterr().err
    assert err.count("notelint: warning: not using") == 1 and "notelint did not create" in err


def test_a_folder_tagged_by_another_tool_is_not_taken(repo, capsys):
    other = repo / "target"
    other.mkdir()
    (other / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n# created by cargo\n")
    before = snapshot(repo)
    assert main(["check", "story.txt", "--cache-dir", "target"]) == 1
    assert snapshot(repo) == before


def test_a_committed_cache_symlink_is_not_followed(repo, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ".gitignore").write_text("mine\n", encoding="utf-8")
    (outside / "CACHEDIR.TAG").write_text(cache._TAG, encoding="utf-8")  # even one that looks like ours
    stale = outside / "0.0.1-00000000000000aa"
    stale.mkdir()
    old = time.time() - cache.STALE_BUILD_SECONDS - 3600
    os.utime(stale, (old, old))
    (repo / ".notelint_cache").symlink_to(outside)
    before, before_repo = snapshot(outside), snapshot(repo)
    assert main(["check", "story.txt"]) == 1
    assert snapshot(outside) == before and snapshot(repo) == before_repo
    assert "symbolic link" in capsys.readouterr().err


def test_a_build_folder_symlink_inside_the_cache_is_not_followed(repo, tmp_path, capsys):
    assert main(["check", "story.txt"]) == 1  # makes the cache directory
    own = repo / ".notelint_cache"
    (build,) = [p for p in own.iterdir() if p.is_dir()]
    bucket_names = sorted(p.name for p in build.iterdir())
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in bucket_names:
        (outside / name).write_text("someone else's file\n", encoding="utf-8")
    for p in build.iterdir():
        p.unlink()
    build.rmdir()
    build.symlink_to(outside)
    before = snapshot(outside)
    (repo / "story.txt").write_text(ARTICLE + "\nA closing line.\n", encoding="utf-8")
    assert main(["check", "story.txt"]) == 1
    assert snapshot(outside) == before


def test_a_new_cache_directory_is_made_marked_and_ignored(repo, capsys):
    assert main(["check", "story.txt", "--cache-dir", "build/lint-cache"]) == 1
    own = repo / "build" / "lint-cache"
    assert (own / "CACHEDIR.TAG").read_text(encoding="utf-8") == cache._TAG
    assert (own / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert sorted(p.name for p in (repo / "build").iterdir()) == ["lint-cache"]  # no staging folder left
    assert capsys.readouterr().err == ""
    # The marked directory is used from then on: a second run reads it.
    assert main(["check", "story.txt", "--cache-dir", "build/lint-cache", "--format", "json"]) == 1


def _bucket(repo: Path) -> Path:
    own = repo / ".notelint_cache"
    (build,) = [p for p in own.iterdir() if p.is_dir()]
    (bucket,) = list(build.iterdir())
    return bucket


@pytest.mark.parametrize("damage", [
    lambda e: e.__setitem__(4, [[1, 1, "NL105", 1, 1, 0, 1, "x", "catastrophic", "m", "t"]]),  # unknown severity
    lambda e: e.__setitem__(4, [["1", 1, "NL105", 1, 1, 0, 1, "x", "warning", "m", "t"]]),   # line a string
    lambda e: e.__setitem__(4, [[1, 1]]),                                                     # too short a row
    lambda e: e.__setitem__(4, {"line": 1}),                                                  # not a list
    lambda e: e.__setitem__(1, "big"),                                                        # size a string
    lambda e: e.pop(),                                                                         # an entry too short
])
def test_a_damaged_cache_entry_is_ignored_and_rebuilt(repo, capsys, damage):
    assert main(["check", "story.txt", "--format", "json"]) == 1
    expected = capsys.readouterr().out
    bucket = _bucket(repo)
    header, body = bucket.read_bytes().split(b"\n", 1)
    files = json.loads(body)
    (entry,) = files.values()
    damage(entry)
    bucket.write_bytes(header + b"\n" + json.dumps(files).encode("utf-8"))
    assert main(["check", "story.txt", "--format", "json"]) == 1
    assert capsys.readouterr().out == expected
    header, body = bucket.read_bytes().split(b"\n", 1)
    assert header == cache._seal(body, bucket.parent.name)  # rewritten whole, by this notelint
    (entry,) = json.loads(body).values()
    assert json.loads(expected)[0]["severity"] in {row[8] for row in entry[4]}


def test_a_hand_edited_cache_is_not_trusted(repo, capsys):
    assert main(["check", "story.txt", "--format", "json"]) == 1
    expected = capsys.readouterr().out
    bucket = _bucket(repo)
    header, body = bucket.read_bytes().split(b"\n", 1)
    files = json.loads(body)
    (entry,) = files.values()
    entry[4] = []  # "no findings": a forged clean bill
    bucket.write_bytes(header + b"\n" + json.dumps(files).encode("utf-8"))
    assert main(["check", "story.txt", "--format", "json"]) == 1
    assert capsys.readouterr().out == expected
