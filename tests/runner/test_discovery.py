"""File discovery: folders walked for the readers' extensions, configured exclusions and git's ignore
files (.gitignore at every level, .git/info/exclude), decided once per folder as if asked per path."""
from __future__ import annotations

import os

import pytest

from notelint.cli.main import main
from notelint.linting.config import SettingsResolver
from notelint.reading.formats import FILE_EXTENSIONS
from notelint.runner.discovery import GitIgnore, discover_files


def make_tree(root, tree: dict[str, str]) -> None:
    for rel, text in tree.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def found(root, *paths: str, **options) -> set[str]:
    return {os.path.relpath(p, root).replace(os.sep, "/")
            for p, _ in discover_files([str(root / p) for p in paths] or [str(root)], SettingsResolver({}), **options)}


def discover_per_path(root: str, resolver) -> list[str]:
    """The walk discover_files did before deciding once per folder: every path asked separately."""
    gitignore = GitIgnore()
    out = []
    for folder, dirs, files in os.walk(root):
        settings_ = resolver(os.path.join(folder, "_"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not settings_.is_excluded(os.path.join(folder, d))
                         and not gitignore.ignored(os.path.join(folder, d), True))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.lower().endswith(FILE_EXTENSIONS) and not resolver(path).is_excluded(path) \
                    and not gitignore.ignored(path, False):
                out.append(path)
    return out


def test_discovery_matches_asking_for_every_path(tmp_path, monkeypatch):
    tree = {
        "notelint.toml": 'extend-exclude = ["*.draft.md", "/sub/old", "archive/**/skip.txt"]\n',
        ".gitignore": "secret*\n!secret-ok.txt\nignored/\n",
        "a.txt": "", "b.draft.md": "", "secret.txt": "", "secret-ok.txt": "", "notes.py": "",
        "build/c.txt": "", "ignored/d.txt": "", "sub/old/e.txt": "", "sub/new/f.md": "",
        "archive/2019/skip.txt": "", "archive/2019/keep.txt": "",
        "nested/notelint.toml": 'extend-exclude = ["keep*"]\n', "nested/keep.txt": "", "nested/g.html": "",
        "nested/.gitignore": "/h.txt\n", "nested/h.txt": "", "nested/deeper/h.txt": "",
    }
    for rel, text in tree.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    for root in (".", str(tmp_path), "nested", "nested/"):
        found = [p for p, _ in discover_files([root], SettingsResolver({}))]
        assert found == discover_per_path(root, SettingsResolver({}))
    names = {os.path.relpath(p, tmp_path) for p, _ in discover_files([str(tmp_path)], SettingsResolver({}))}
    assert names == {"a.txt", "secret-ok.txt", "sub/new/f.md", "archive/2019/keep.txt", "nested/g.html",
                     "nested/deeper/h.txt"}



def test_a_walk_takes_every_extension_a_reader_accepts(tmp_path):
    names = ["a.txt", "b.md", "c.markdown", "d.mdown", "e.MKD", "f.html", "g.htm", "h.xhtml", "i.py", "j.json",
             "k.txt.bak"]
    make_tree(tmp_path, {name: "Headline\n\nText.\n" for name in names})
    assert found(tmp_path) == {"a.txt", "b.md", "c.markdown", "d.mdown", "e.MKD", "f.html", "g.htm", "h.xhtml"}


def test_git_info_exclude_applies_below_every_gitignore(tmp_path):
    make_tree(tmp_path, {
        ".git/info/exclude": "drafts/\n*.wip.txt\nkeep-me.txt\n",
        ".gitignore": "!keep-me.txt\n",
        "drafts/a.txt": "", "story.wip.txt": "", "keep-me.txt": "", "story.txt": "",
    })
    # exclude ignores drafts/ and *.wip.txt; the repository's .gitignore re-includes keep-me.txt over it
    assert found(tmp_path) == {"keep-me.txt", "story.txt"}


def test_gitignore_escapes_and_wildmatch_follow_git(tmp_path):
    make_tree(tmp_path, {
        ".git/HEAD": "",
        ".gitignore": "\\#hash.txt\n\\!bang.txt\nspace\\ .txt\nwire/**/raw-*.txt\n/top.txt\n",
        "#hash.txt": "", "!bang.txt": "", "space .txt": "", "top.txt": "", "sub/top.txt": "",
        "wire/2024/06/raw-ap.txt": "", "wire/2024/06/edited-ap.txt": "", "wire/raw-reuters.txt": "",
    })
    assert found(tmp_path) == {"sub/top.txt", "wire/2024/06/edited-ap.txt"}


def test_a_deeper_gitignore_overrides_one_above(tmp_path):
    make_tree(tmp_path, {
        ".git/HEAD": "", ".gitignore": "*.md\n",
        "a.md": "", "blog/.gitignore": "!*.md\n", "blog/b.md": "", "blog/old/.gitignore": "c.md\n",
        "blog/old/c.md": "", "blog/old/d.md": "",
    })
    assert found(tmp_path) == {"blog/b.md", "blog/old/d.md"}


def test_no_respect_gitignore_checks_ignored_files_too(tmp_path):
    make_tree(tmp_path, {".git/HEAD": "", ".gitignore": "generated/\nscratch.txt\n",
                         "generated/a.txt": "", "scratch.txt": "", "story.txt": ""})
    assert found(tmp_path) == {"story.txt"}
    assert found(tmp_path, respect_gitignore=False) == {"generated/a.txt", "scratch.txt", "story.txt"}


def test_no_respect_gitignore_on_the_command_line(tmp_path, monkeypatch, capsys):
    make_tree(tmp_path, {".git/HEAD": "", ".gitignore": "ignored/\n",
                         "ignored/story.txt": "Headline\n\nHe said [you won't believe this!] nothing.\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--output-format", "concise", "."]) == 0
    assert "ignored/story.txt" not in capsys.readouterr().out
    assert main(["check", "--no-cache", "--output-format", "concise", "--no-respect-gitignore", "."]) == 1
    assert "ignored/story.txt" in capsys.readouterr().out


def test_force_exclude_skips_a_named_file_inside_an_ignored_folder(tmp_path):
    make_tree(tmp_path, {".git/HEAD": "", ".gitignore": "vendor/\n", "vendor/deep/a.txt": "", "b.txt": ""})
    named = ["vendor/deep/a.txt", "b.txt"]
    assert found(tmp_path, *named) == {"vendor/deep/a.txt", "b.txt"}  # named files are checked...
    assert found(tmp_path, *named, force_exclude=True) == {"b.txt"}  # ...unless exclusions are forced


def test_gitignore_outside_a_repository_stops_at_nothing_but_the_root(tmp_path):
    make_tree(tmp_path, {".gitignore": "*.html\n", "site/page.html": "", "site/page.txt": ""})
    assert GitIgnore().ignored(str(tmp_path / "site" / "page.html"), False)
    assert found(tmp_path, "site") == {"site/page.txt"}
