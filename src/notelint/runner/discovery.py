"""Which files a check covers: the paths given, folders walked for the extensions the readers accept,
less what the configuration excludes and what git ignores (.gitignore files and .git/info/exclude)."""
from __future__ import annotations

import os
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Callable, Sequence

from ..linting.config import relative_posix
from ..reading.formats import FILE_EXTENSIONS
from ..reading.source import SourceError

if TYPE_CHECKING:
    import pathspec

# (folder the patterns are relative to, compiled patterns), lowest precedence first.
_Layer = tuple[str, "pathspec.GitIgnoreSpec"]


class GitIgnore:
    """What git ignores, as git decides it: within one ignore file the last matching pattern wins and `!`
    re-includes; a .gitignore deeper in the tree overrides those above it, and every .gitignore overrides
    the repository's .git/info/exclude. Patterns follow git's wildmatch (pathspec's GitIgnoreSpec),
    escapes included. Outside a repository, the .gitignore files up to the filesystem root apply."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.GitIgnoreSpec | None] = {}
        self._layers: dict[str, list[_Layer]] = {}

    def _spec(self, path: str) -> pathspec.GitIgnoreSpec | None:
        if path not in self._specs:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().splitlines()
                # Imported once an ignore file is found: files named on the command line, as a pre-commit
                # hook gives them, are not matched against ignore files, and pathspec's import is ~15 ms.
                import pathspec

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                spec = None
            has_patterns = spec is not None and any(p.include is not None for p in spec.patterns)
            self._specs[path] = spec if has_patterns else None
        return self._specs[path]

    def _layers_for(self, folder: str) -> list[_Layer]:
        """The ignore files governing the absolute `folder`'s entries, lowest precedence first; worked out
        once per folder, for every file in it."""
        layers = self._layers.get(folder)
        if layers is None:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
                # A repository's ignore files stop at its root, where .git/info/exclude sits below them all.
                layers = []
                exclude = self._spec(os.path.join(folder, ".git", "info", "exclude"))
                if exclude is not None:
                    layers.append((folder, exclude))
            else:
                layers = list(self._layers_for(parent))
            own = self._spec(os.path.join(folder, ".gitignore"))
            if own is not None:
                layers = layers + [(folder, own)]
            self._layers[folder] = layers
        return layers

    def applies_in(self, folder: str) -> bool:
        """Whether any ignore file with patterns governs the absolute `folder`'s entries."""
        return bool(self._layers_for(folder))

    def ignored_in(self, folder: str, path: str, is_dir: bool) -> bool:
        """Whether git ignores the absolute `path`, an entry of the absolute `folder`."""
        ignored = False
        for base, spec in self._layers_for(folder):
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            decision = spec.check_file(rel).include
            if decision is not None:
                ignored = decision
        return ignored

    def ignored(self, path: str, is_dir: bool) -> bool:
        """`ignored_in` for any path, also ignored when a folder above it is (git does not look inside)."""
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        if self.ignored_in(folder, path, is_dir):
            return True
        while os.path.dirname(folder) != folder and self.applies_in(os.path.dirname(folder)):
            if self.ignored_in(os.path.dirname(folder), folder, True):
                return True
            folder = os.path.dirname(folder)
        return False


class _NoIgnore(GitIgnore):
    """--no-respect-gitignore: nothing is ignored by git's files."""

    def _layers_for(self, folder: str) -> list[_Layer]:
        return []


def discover_files(paths: Sequence[str], settings_for: Callable, force_exclude: bool = False,
                   respect_gitignore: bool = True, errors: list | None = None) -> list[tuple[str, object]]:
    """(file, Settings) for every article under `paths`, in a stable order. A missing path, or a folder
    that cannot be read, is added to `errors` as a SourceError when `errors` is given (a missing path
    raises one otherwise).

    A file named on the command line is always checked (unless --force-exclude applies the exclusions to
    it); a folder is walked for the extensions the readers accept. Inside a walk, settings, exclusions and
    ignore files are worked out once per folder: a file's settings are its folder's."""
    gitignore = GitIgnore() if respect_gitignore else _NoIgnore()
    seen: set[str] = set()
    out: list[tuple[str, object]] = []

    def add(path: str, abs_path: str, settings) -> None:
        if abs_path not in seen:
            seen.add(abs_path)
            out.append((path, settings))

    for path in paths:
        if not os.path.exists(path):
            # An input error like an unreadable file: reported in the run's format with the files that
            # were read (a CI step parsing JSON or SARIF gets a report, not an empty output).
            missing = SourceError(path, "no such file or directory")
            if errors is None:
                raise missing
            errors.append(missing)
            continue
        if not os.path.isdir(path):
            if force_exclude and (settings_for(path).is_excluded(path) or gitignore.ignored(path, False)):
                continue
            add(path, os.path.abspath(path), settings_for(path))
            continue
        for folder, dirs, files in _walk(path, errors):
            abs_folder = os.path.abspath(folder)
            folder_excluded = _name_exclusion(folder, settings_for(os.path.join(folder, "_")))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not folder_excluded(d)
                             and not gitignore.ignored_in(abs_folder, os.path.join(abs_folder, d), True))
            file_settings = file_excluded = None
            ignore_files_apply = gitignore.applies_in(abs_folder)
            for name in sorted(files):
                if not name.lower().endswith(FILE_EXTENSIONS):
                    continue
                if file_settings is None:  # every file of a folder has the same settings: found once
                    file_settings = settings_for(os.path.join(folder, name))
                    file_excluded = _name_exclusion(folder, file_settings)
                if file_excluded(name):
                    continue
                abs_path = os.path.join(abs_folder, name)
                if ignore_files_apply and gitignore.ignored_in(abs_folder, abs_path, False):
                    continue
                add(os.path.join(folder, name), abs_path, file_settings)
    return out


def _walk(top: str, errors: list | None):
    """os.walk (top-down, symbolic links to folders listed but not entered), except that only regular files
    (or links, which the reader then judges) are listed: a FIFO, socket or device in a folder is skipped, since
    reading one can block for ever. The type comes with the folder listing, so this costs no stat per file.
    A folder that cannot be listed is reported in `errors` rather than skipped silently."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            if errors is not None:
                errors.append(SourceError(folder, f"cannot read folder: {(exc.strerror or str(exc)).lower()}"))
            continue
        dirs, files, links = [], [], set()
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
                if entry.is_symlink():
                    links.add(entry.name)
                continue
            try:
                listed = entry.is_symlink() or entry.is_file(follow_symlinks=False)
            except OSError:
                listed = False
            if listed:
                files.append(entry.name)
        yield folder, dirs, files
        stack.extend(os.path.join(folder, d) for d in reversed(dirs) if d not in links)


def _name_exclusion(folder: str, settings) -> Callable[[str], bool]:
    """`settings.is_excluded(os.path.join(folder, name))` as a test of `name` alone: the folder's own path
    is matched once here, and each name then costs one regular-expression match."""
    exclusion = settings.exclusion()
    rel_folder = relative_posix(folder, settings.root)
    if rel_folder == ".":
        folder_hit, prefix = False, ""
    else:
        folder_hit, prefix = exclusion.any_part_matches(rel_folder), rel_folder + "/"
    if folder_hit:
        return lambda name: True
    if not exclusion.rooted:
        return exclusion.part_matches
    return lambda name: exclusion.part_matches(name) or exclusion.rooted_matches(prefix + name)
