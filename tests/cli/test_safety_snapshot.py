"""Every command, run in a repository, creates, changes or deletes nothing outside the cache directory and
the -o file (issue 14)."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from notelint.cli.main import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "republished-wire-story.txt"
WIRE = ("Port Strike Ends\n\nLONDON (Reuters) - Dockers voted to return to work on Tuesday, the union said.\n\n"
        "Source: Reuters\n")


def snapshot(root: Path) -> dict:
    """Every path under root (links not followed) with its kind, bytes or target, mode and mtime."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            st = path.lstat()
            if path.is_symlink():
                value = ("link", os.readlink(path))
            elif path.is_dir():
                value = ("dir",)
            else:
                value = ("file", path.read_bytes())
            out[str(path.relative_to(root))] = (*value, st.st_mode, st.st_mtime_ns)
    return out


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)  # a repository root, as far as notelint looks
    (root / ".gitignore").write_text("build/\n", encoding="utf-8")
    (root / "notelint.toml").write_text("fail-on = 'error'\n", encoding="utf-8")
    news = root / "news"
    news.mkdir()
    (news / "story.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (news / "wire.txt").write_text(WIRE, encoding="utf-8")
    (news / "story.md").write_text("# Port Strike Ends\n\n> Dockers voted to return, the union said.\n",
                                   encoding="utf-8")
    (news / "binary.txt").write_bytes(b"\x00\x01")
    # A folder named like one of the cache's build folders, a week old: the user's, not the cache's.
    lookalike = root / "0.1.0-0123456789abcdef"
    lookalike.mkdir()
    old = 1_600_000_000
    os.utime(lookalike, (old, old))
    return root


COMMANDS = [
    ["check", "news"],
    ["check", "news/story.txt", "--format", "json"],
    ["check", "news", "--format", "sarif", "--jobs", "2"],
    ["check", "news", "--format", "junit"],
    ["check", "news", "--format", "gitlab"],
    ["check", "news", "--format", "github"],
    ["check", "news", "--format", "json-lines", "--statistics"],
    ["check", "-", "--stdin-filename", "news/from-stdin.txt"],
    ["parse", "news/story.txt", "news/story.md"],
    ["parse", "news/story.txt", "--format", "json"],
    ["strip", "news/story.txt"],
    ["diff", "news/wire.txt", "news/story.txt"],
    ["diff", "news/story.txt", "--format", "sarif"],
    ["rules"],
    ["rule", "NL105"],
    ["config", "news/story.txt"],
    # What did damage before: the repository as the cache directory, -o naming an input.
    ["check", "news", "--cache-dir", "."],
    ["check", "news", "--cache-dir", "news"],
    ["strip", "news/story.txt", "-o", "news/story.txt"],
    ["check", "news", "-o", "news/story.txt"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_a_command_touches_only_the_cache_and_its_output_file(repo, command, to_file, monkeypatch, capsys):
    # In-process (main(), as the console script calls it), so forty runs cost no interpreter start-ups.
    monkeypatch.chdir(repo)
    monkeypatch.delenv("NOTELINT_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()), encoding="utf-8"))
    extra = ["-o", "build/report.out"] if to_file else []
    if to_file:
        (repo / "build").mkdir()
    before = snapshot(repo)
    assert main([*command, *extra]) in (0, 1, 2)
    assert "Traceback" not in capsys.readouterr().err
    after = snapshot(repo)
    allowed = {".notelint_cache"} | ({"build/report.out", "build"} if to_file else set())
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    outside = {path for path in changed
               if not any(path == a or path.startswith(a + os.sep) for a in allowed)}
    assert outside == set()
    if to_file:
        assert sorted(os.listdir(repo / "build")) == ["report.out"]  # written, and no temporary file left
