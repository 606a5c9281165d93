"""`notelint check`: find the article files, lint them with their settings, report, and choose the exit code.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or input error.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Sequence

from .common import (EXIT_ERROR, UsageError, add_input_options, add_output_options, findings_exit_code, open_output,
                  use_color)
from ..collector import paused
from ..linting.config import relative_posix
from ..reading.source import DEFAULT_MAX_BYTES, SourceError

# Extensions checked when recursing into a folder (a file named on the command line is always checked).
ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


def register(sub) -> None:
    from ..reporting import available_formats
    from ..runner.workers import add_runner_options

    p = sub.add_parser("check", help="lint articles for commentary mixed into reporting",
                       description="Lint articles (files, folders, or - for standard input) for editorial "
                                   "commentary mixed into wire copy.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - reads standard input")
    p.add_argument("--stdin-filename", metavar="NAME",
                   help="the name to report (and to find settings and the format by) for standard input")
    add_output_options(p, available_formats() + ["csv", "parquet"], "full")
    p.add_argument("--select", action="append", default=None, metavar="CODES",
                   help="rule codes or prefixes to enable, replacing the configured selection (NL1,NL203)")
    p.add_argument("--extend-select", action="append", default=None, metavar="CODES",
                   help="rule codes or prefixes to enable in addition")
    p.add_argument("--ignore", action="append", default=None, metavar="CODES", help="rule codes or prefixes to disable")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    p.add_argument("-q", "--quiet", action="store_true", help="print the findings and nothing else")
    p.add_argument("--include-comments", action="store_true", default=None,
                   help="lint the reader-comment section too (skipped by default)")
    p.add_argument("--report-unused-suppressions", action="store_true", default=None,
                   help="report suppression comments that suppressed nothing (NL901)")
    p.add_argument("--config", metavar="FILE", help="use this configuration file for every article")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply `exclude` even to files named on the command line (for pre-commit)")
    add_runner_options(p)
    add_input_options(p, corpus=True)
    from .corpus import add_corpus_options

    add_corpus_options(p, per_article=True, engine=True)
    p.set_defaults(handler=run_check)


# --- Finding the files ----------------------------------------------------------------------------

class GitIgnore:
    """.gitignore files met on the way down (and above the starting folder), matched like git does:
    the last matching pattern wins, `!` re-includes, a pattern with a `/` is anchored to its file's folder."""

    def __init__(self) -> None:
        self._by_dir: dict[str, list[tuple[str, bool, bool]]] = {}
        self._chains: dict[str, list] = {}

    def _patterns(self, folder: str) -> list[tuple[str, bool, bool]]:
        if folder not in self._by_dir:
            patterns = []
            try:
                with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        line = line.rstrip("\n").rstrip()
                        if not line or line.startswith("#"):
                            continue
                        negated = line.startswith("!")
                        line = line[1:] if negated else line
                        dir_only = line.endswith("/")
                        patterns.append((line.rstrip("/"), negated, dir_only))
            except OSError:
                pass
            self._by_dir[folder] = patterns
        return self._by_dir[folder]

    def _chain(self, folder: str) -> list[tuple[str, list[tuple[str, bool, bool]]]]:
        """(folder, its patterns) from the repository root (or /) down to `folder`, keeping only the
        folders whose .gitignore has patterns; computed once per folder, for every file in it."""
        chain = self._chains.get(folder)
        if chain is None:
            folders = []
            current = folder
            while True:
                folders.append(current)
                if os.path.exists(os.path.join(current, ".git")):
                    break  # a repository's ignore files stop at its root
                parent = os.path.dirname(current)
                if parent == current:
                    break
                current = parent
            # Outermost first, so nearer files override.
            chain = [(f, self._patterns(f)) for f in reversed(folders) if self._patterns(f)]
            self._chains[folder] = chain
        return chain

    def applies_in(self, folder: str) -> bool:
        """Whether any .gitignore with patterns governs the absolute `folder`'s files."""
        return bool(self._chain(folder))

    def ignored(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        return self.ignored_in(os.path.dirname(path), path, is_dir)

    def ignored_in(self, folder: str, path: str, is_dir: bool) -> bool:
        """`ignored` for an absolute `path` whose folder is `folder` (also absolute)."""
        chain = self._chain(folder)
        if not chain:
            return False
        from ..linting.config import glob_match

        ignored = False
        for base, patterns in chain:
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            for pattern, negated, dir_only in patterns:
                if dir_only and not is_dir:
                    # "build/" ignores the folder; a file is ignored through its folder being pruned.
                    continue
                anchored = "/" in pattern
                if glob_match(rel, ("/" + pattern.lstrip("/")) if anchored else pattern):
                    ignored = not negated
        return ignored


def discover_files(paths: Sequence[str], settings_for: Callable, force_exclude: bool = False) -> list[tuple[str, object]]:
    """(file, Settings) for every article under `paths`, in a stable order; a missing path is an error.

    Inside a folder walk, settings, exclusions and ignore files are worked out once per folder; each file
    then costs a test of its name (a file's settings are its folder's: both are found from the folder)."""
    gitignore = GitIgnore()
    seen: set[str] = set()
    out: list[tuple[str, object]] = []

    def add(path: str, settings=None, key: str | None = None) -> None:
        key = key or os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            out.append((path, settings_for(path) if settings is None else settings))

    for path in paths:
        if not os.path.exists(path):
            raise SourceError(path, "no such file or directory")
        if not os.path.isdir(path):
            if force_exclude and (settings_for(path).is_excluded(path) or gitignore.ignored(path, False)):
                continue
            add(path)
            continue
        for folder, dirs, files in os.walk(path):
            abs_folder = os.path.abspath(folder)
            folder_excluded = _name_exclusion(folder, settings_for(os.path.join(folder, "_")))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not folder_excluded(d)
                             and not gitignore.ignored_in(abs_folder, os.path.join(abs_folder, d), True))
            file_settings = file_excluded = None
            ignore_files_apply = gitignore.applies_in(abs_folder)
            # os.path.join(folder, name) for a plain name, without a join call per file.
            prefix, abs_prefix = os.path.join(folder, ""), os.path.join(abs_folder, "")
            for name in sorted(files):
                if not name.lower().endswith(ARTICLE_EXTENSIONS):
                    continue
                if file_settings is None:  # every file of a folder has the same settings: found once
                    file_settings = settings_for(prefix + name)
                    file_excluded = _name_exclusion(folder, file_settings)
                if file_excluded(name):
                    continue
                abs_path = abs_prefix + name
                if ignore_files_apply and gitignore.ignored_in(abs_folder, abs_path, False):
                    continue
                if abs_path not in seen:  # add(), inlined: a folder may hold tens of thousands of files
                    seen.add(abs_path)
                    out.append((prefix + name, file_settings))
    return out


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


def collect_findings(paths: Sequence[str], settings_for: Callable, jobs: int | None = 1, use_cache: bool = False,
                     cache_dir: str | None = None, input_format: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES, force_exclude: bool = False):
    """Discover the files and lint them (through the runner: cache, then a process pool when many).

    Returns a runner.CheckResult: findings in report order and one SourceError per unreadable file."""
    from ..runner.workers import MIN_FILES_FOR_POOL, LintOptions, check_files, start_workers

    # A folder, or many files, will likely need the workers: started now, they warm up while the folders
    # are walked (~20 ms sooner done over 20,000 files on two cores). check_files dismisses them if not.
    likely_many = len(paths) >= MIN_FILES_FOR_POOL or any(os.path.isdir(p) for p in paths)
    workers = start_workers(jobs, settings_for(paths[0])) if likely_many else None
    try:
        files = discover_files(paths, settings_for, force_exclude)
        return check_files(files, jobs=jobs, use_cache=use_cache, cache_dir=cache_dir,
                           options=LintOptions(input_format=input_format, max_bytes=max_bytes), workers=workers)
    finally:
        if workers is not None:
            workers.dismiss()  # a missing path, an interrupt: the workers must not outlive the run


def lint_stdin(name: str | None, settings, input_format: str | None, max_bytes: int):
    from ..linting.engine import lint_source
    from ..reading.formats import format_for_path, read_source
    data = sys.stdin.buffer.read()
    fmt = input_format or (format_for_path(name) if name else "text")
    source = read_source(name or "-", fmt, max_bytes, data=data)
    return lint_source(source, settings), source.original


# --- The command ----------------------------------------------------------------------------------

def run_check(args: argparse.Namespace) -> int:
    # A check makes no reference cycles worth a collection until the files are linted (the runner collects
    # the young objects every few hundred files then): imports, rule packs, the file list, the warm-up and
    # the results make hundreds of thousands of objects, and the cyclic collector, left on, walked them
    # again and again as they came (~10 ms of the start before a pool's workers begin, ~5 of it in a
    # 20,000-file walk). Paused for the command; forked workers inherit the pause.
    with paused():
        return _run_check(args)


def _run_check(args: argparse.Namespace) -> int:
    from ..linting.config import SettingsResolver, overrides_from_args
    from ..linting.rules import load_rules
    from ..reporting import write_report
    from ..runner.workers import CheckResult, WorkerDied

    paths = args.paths or ["."]
    if "-" in paths and len(paths) > 1:
        raise UsageError("`-` (standard input) cannot be combined with other paths")
    if args.stdin_filename and "-" not in paths and args.paths:
        raise UsageError("--stdin-filename needs `-` as the path")
    max_bytes = DEFAULT_MAX_BYTES if args.max_file_size is None else args.max_file_size
    resolver = SettingsResolver(overrides_from_args(args))
    base = resolver(args.stdin_filename if paths == ["-"] else paths[0])  # config errors surface before any work

    from .corpus import check_file_run_options, is_corpus_run

    if is_corpus_run(args, paths):  # JSON Lines, CSV or Parquet: one article per row
        from .corpus import run_corpus_check

        return run_corpus_check(args, paths, base, load_rules(base.extend))
    check_file_run_options(args)
    sources = None  # the reporter reads files from disk for excerpts; standard input it must be given
    if paths == ["-"]:
        findings, original = lint_stdin(args.stdin_filename, base, args.input_format, max_bytes)
        result = CheckResult(findings=findings, files=1)
        sources = {args.stdin_filename or "-": original}
    else:
        try:
            result = collect_findings(paths, resolver, jobs=args.jobs, use_cache=args.use_cache,
                                      cache_dir=args.cache_dir, input_format=args.input_format,
                                      max_bytes=max_bytes, force_exclude=args.force_exclude)
        except WorkerDied as exc:
            print(f"notelint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    for error in result.errors:
        print(error, file=sys.stderr)
    out = open_output(args)
    try:
        write_report(args.output_format, result.findings, out, rules=load_rules(base.extend),
                     color=use_color(args, out), statistics=args.statistics, root=os.getcwd(), quiet=args.quiet,
                     sources=sources)
    finally:
        if out is not sys.stdout:
            out.close()

    if result.errors:
        return EXIT_ERROR
    return findings_exit_code(result.findings, base.fail_on, args.exit_zero)
