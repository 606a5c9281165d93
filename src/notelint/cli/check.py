"""`notelint check`: find the article files, lint them with their settings, report, and choose the exit code.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or input error.
"""
from __future__ import annotations

import os
import sys
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from typing import Callable, Sequence

from .common import (EXIT_ERROR, UsageError, add_input_options, add_output_options, add_runner_options,
                     findings_exit_code, open_output, use_color)
from ..collector import paused
from ..reading.source import DEFAULT_MAX_BYTES, SourceError

def register(sub) -> None:
    from ..reporting import available_formats

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
    p.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                   help="check files that .gitignore or .git/info/exclude ignore too")
    add_runner_options(p)
    add_input_options(p, corpus=True)
    from .corpus import add_corpus_options

    add_corpus_options(p, per_article=True, engine=True)
    p.set_defaults(handler=run_check)


def collect_findings(paths: Sequence[str], settings_for: Callable, jobs: int | None = 1, use_cache: bool = False,
                     cache_dir: str | None = None, input_format: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES, force_exclude: bool = False, respect_gitignore: bool = True,
                     output_file: str | None = None, on_files: Callable | None = None):
    """Discover the files and lint them (through the runner: cache, then a process pool when many).

    Returns a runner.CheckResult: findings in report order and one SourceError per unreadable file.
    `on_files` is given the (path, Settings) list once the files are found."""
    from ..runner.discovery import discover_files
    from ..runner.workers import MIN_FILES_FOR_POOL, LintOptions, check_files, start_workers

    # A folder, or many files, will likely need the workers: started now, they warm up while the folders
    # are walked (~20 ms sooner done over 20,000 files on two cores). check_files dismisses them if not.
    # Not when this build's cache holds results: it likely answers most files, and workers warming up
    # for nothing took the cores from the walk and the cache reads (--jobs 2 ran at 0.75x --jobs 1).
    # check_files still forks them if many files are left after the cache.
    likely_many = len(paths) >= MIN_FILES_FOR_POOL or any(os.path.isdir(p) for p in paths)
    if use_cache and likely_many:
        from ..runner.cache import has_results

        likely_many = not has_results(cache_dir)
    workers = start_workers(jobs, settings_for(paths[0])) if likely_many else None
    try:
        walk_errors: list[SourceError] = []
        files = discover_files(paths, settings_for, force_exclude, respect_gitignore, walk_errors)
        if on_files is not None:
            on_files(files)
        if output_file and os.path.exists(output_file):
            # A report written into a folder being checked must not replace an article found there.
            from .common import check_output_is_not_an_input

            name = os.path.basename(output_file)
            from types import SimpleNamespace

            check_output_is_not_an_input(SimpleNamespace(output_file=output_file),
                                         [path for path, _ in files if os.path.basename(path) == name])
        result = check_files(files, jobs=jobs, use_cache=use_cache, cache_dir=cache_dir,
                             options=LintOptions(input_format=input_format, max_bytes=max_bytes), workers=workers)
        if walk_errors:  # a missing path, an unreadable folder: inputs given that failed, as a bad file is
            result.errors = sorted(walk_errors + result.errors, key=lambda e: e.path)
            result.files += len(walk_errors)
        return result
    finally:
        if workers is not None:
            workers.dismiss()  # a missing path, an interrupt: the workers must not outlive the run


def lint_stdin(name: str | None, settings, input_format: str | None, max_bytes: int):
    from ..linting.engine import lint_source
    from ..reading.formats import format_for_path, read_source
    from ..reading.source import read_stdin

    data = read_stdin(max_bytes, name or "-")
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
    if args.jobs:
        from ..runner.workers import capped_jobs

        if capped_jobs(args.jobs) < args.jobs:
            print(f"notelint: note: --jobs {args.jobs} lowered to {capped_jobs(args.jobs)}, the number of cores "
                  "available", file=sys.stderr)
            args.jobs = capped_jobs(args.jobs)
    resolver = SettingsResolver(overrides_from_args(args))
    base = resolver(args.stdin_filename if paths == ["-"] else paths[0])  # config errors surface before any work

    from .corpus import check_file_run_options, is_corpus_run

    if is_corpus_run(args, paths):  # JSON Lines, CSV or Parquet: one article per row
        from .corpus import run_corpus_check

        return run_corpus_check(args, paths, base, load_rules(base.extend))
    check_file_run_options(args)
    sources = None  # the reporter reads files from disk for excerpts; standard input it must be given
    checked: list = []  # (path, Settings) of every article: the html format shows them all
    if paths == ["-"]:
        findings, original = lint_stdin(args.stdin_filename, base, args.input_format, max_bytes)
        result = CheckResult(findings=findings, files=1)
        sources = {args.stdin_filename or "-": original}
        checked = [(args.stdin_filename or "-", base)]
    else:
        try:
            result = collect_findings(paths, resolver, jobs=args.jobs, use_cache=args.use_cache,
                                      cache_dir=args.cache_dir, input_format=args.input_format,
                                      max_bytes=max_bytes, force_exclude=args.force_exclude,
                                      respect_gitignore=args.respect_gitignore, output_file=args.output_file,
                                      on_files=checked.extend)
        except WorkerDied as exc:
            print(f"notelint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    for error in result.errors:
        print(error, file=sys.stderr)
    documents = None
    if args.output_format == "html":  # the page shows each article: only this format reads them again
        from ..reporting.html import ArticleSet

        documents = ArticleSet(checked, input_format=args.input_format, max_bytes=max_bytes, sources=sources)
    out = open_output(args)
    from ..linting.rules import rules_for

    selected = len(rules_for(base, None))
    if (result.files == 0 or selected == 0) and args.output_format not in ("full", "concise"):
        # The text formats say so in their summary line; the others must not pass for a clean run unseen.
        what = "no article files found" if result.files == 0 else "no rule is selected"
        print(f"notelint: warning: nothing checked: {what}", file=sys.stderr)
    try:
        write_report(args.output_format, result.findings, out, rules=load_rules(base.extend),
                     color=use_color(args, out), statistics=args.statistics, root=os.getcwd(), quiet=args.quiet,
                     sources=sources, errors=result.errors, files=result.files, selected=selected,
                     documents=documents)
    finally:
        if out is not sys.stdout:
            out.close()

    if result.errors:
        return EXIT_ERROR
    return findings_exit_code(result.findings, base.fail_on, args.exit_zero)
