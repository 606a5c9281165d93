"""Corpus mode for `check`, `parse` and `strip`: a JSON Lines, CSV or Parquet file of articles, one per row.

The records are read in chunks and linted through the runner's record path (a pool of forked workers, or
a Dask cluster with --engine dask), and the report is written as the results come, so a corpus of any size
runs in bounded memory. Every finding names its record: `path` is `file#id` wherever a format shows a path,
and the JSON formats carry a `record` object (file, row, id, meta); Parquet flattens it into columns.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from typing import Any, Iterator

from ..reading.formats import CORPUS_FORMATS, CORPUS_SUFFIXES, corpus_format_for_path
from ..reading.source import SourceError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, open_output, use_color

# The output formats `check --per-article` can write.
PER_ARTICLE_FORMATS = ("concise", "json", "json-lines", "csv", "parquet")


def add_corpus_options(parser: argparse.ArgumentParser, *, per_article: bool = False, engine: bool = False) -> None:
    group = parser.add_argument_group("corpus files (.jsonl/.ndjson, .csv/.tsv, .parquet: one article per row)")
    group.add_argument("--text-field", default="text", metavar="NAME",
                       help="the field (column) holding the article text (default: text)")
    group.add_argument("--id-field", default=None, metavar="NAME",
                       help="the field naming each record in the report (default: its row number)")
    group.add_argument("--meta-field", action="append", default=None, metavar="NAMES",
                       help="fields to carry into the report with each finding (publisher,date)")
    group.add_argument("--paragraph-separator", default=None, metavar="TEXT",
                       help='the text joining paragraphs in the text field, read as a blank line (" ### ")')
    if per_article:
        group.add_argument("--per-article", action="store_true",
                           help="one row per article with its counts instead of one per finding")
    if engine:
        group.add_argument("--engine", choices=("local", "dask"), default="local",
                           help="where records are linted: this machine's worker processes (default) or a "
                                "dask.distributed cluster (--scheduler)")
        group.add_argument("--scheduler", metavar="ADDRESS",
                           help="the Dask scheduler's address (tcp://host:8786) for --engine dask")


def meta_fields(args: argparse.Namespace) -> tuple[str, ...]:
    out: list[str] = []
    for value in getattr(args, "meta_field", None) or ():
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(dict.fromkeys(out))


def is_corpus_run(args: argparse.Namespace, paths) -> bool:
    """Whether these paths are corpus files (by --input-format or extension); mixing is a usage error."""
    if getattr(args, "input_format", None) in CORPUS_FORMATS:
        return True
    kinds = {corpus_format_for_path(p) is not None for p in paths}
    if kinds == {True, False}:
        raise UsageError(f"corpus files ({CORPUS_SUFFIXES}) cannot be checked together with "
                         "article files or folders: run them separately")
    return kinds == {True}


def open_corpus(path: str, args: argparse.Namespace):
    from ..reading.corpus import open_records

    return open_records(path, input_format=args.input_format if args.input_format in CORPUS_FORMATS else None,
                        text_field=args.text_field, id_field=args.id_field, meta_fields=meta_fields(args),
                        paragraph_separator=args.paragraph_separator)


def record_error_line(file: str, row: int, message: str) -> str:
    return f"{file}: error: row {row}: {message}"


def tell(progress, line: str, quiet: bool = False) -> None:
    """A line on standard error: above the progress bar when one shows, else printed (unless `quiet`)."""
    if progress is not None:
        progress.console_print(line)
    elif not quiet:
        print(line, file=sys.stderr)


# --- check ----------------------------------------------------------------------------------------------

def lint_corpus_files(paths, settings, args: argparse.Namespace, progress=None, *, keep_records: bool = True,
                      counts: bool = True, on_error=None):
    """(chunk of records, their RecordResults) for every corpus file in turn, on the chosen engine. Without
    `keep_records`, a Dask run may leave the records on the workers (which then read the file themselves):
    the chunks are then (). Without `counts`, the results' words, insertions and wire service are not
    counted (a run that writes findings only). A file that cannot be read (SourceError: missing, binary,
    not the format) is given to `on_error`, and the next file is read; without it, the error is raised."""
    from ..runner.records import lint_records_local
    from ..runner.workers import default_jobs

    engine = getattr(args, "engine", "local")
    if engine == "dask" and not args.scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS (a dask.distributed scheduler)")
    if engine != "dask" and getattr(args, "scheduler", None):
        raise UsageError("--scheduler is for --engine dask")
    if engine == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise UsageError("--engine dask needs dask.distributed, which is not installed: "
                             "pip install 'notelint[dask]'")
    for path in paths:
        try:
            stream = open_corpus(path, args)
            if progress is not None:
                progress.start_file(stream)
            if engine == "dask":
                results = _dask_results(stream, settings, path, args.scheduler, keep_records, counts, progress, args)
            else:
                results = lint_records_local(stream, settings, path, jobs=args.jobs or default_jobs(), counts=counts)
            for chunk, chunk_results in results:
                if progress is not None:
                    progress.advance(len(chunk_results))
                yield chunk, chunk_results
        except SourceError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _dask_results(stream, settings, path: str, scheduler: str, keep_records: bool, counts: bool, progress, args):
    """lint_records_dask, with a scheduler that cannot be reached told in one line."""
    from ..runner.records import lint_records_dask

    def notice(message: str) -> None:
        tell(progress, message, quiet=getattr(args, "quiet", False))

    try:
        yield from lint_records_dask(stream, settings, path, scheduler=scheduler, keep_records=keep_records,
                                     notice=notice, counts=counts)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot use the Dask scheduler at {scheduler}: {exc}") from None


def run_corpus_check(args: argparse.Namespace, paths, settings, rules) -> int:
    from ..linting.findings import SEVERITY_RANK
    from .progress import Progress

    fmt = args.output_format
    per_article = getattr(args, "per_article", False)
    fields = meta_fields(args)
    if per_article and fmt not in PER_ARTICLE_FORMATS:
        raise UsageError(f"--per-article writes {', '.join(PER_ARTICLE_FORMATS)}, not {fmt}")
    if fmt == "parquet" and not args.output_file:
        raise UsageError("--output-format parquet needs -o/--output-file (Parquet is a binary file)")
    sink = _Sink(fmt, per_article, fields, rules, args)
    threshold = SEVERITY_RANK[settings.fail_on]
    failing = False
    severities: Counter = Counter()
    statistics: Counter = Counter()
    records = with_findings = unreadable = 0
    progress = Progress.for_run(args)

    def file_error(error: SourceError) -> None:
        tell(progress, str(error))
        sink.file_error(error)

    try:
        for chunk, results in lint_corpus_files(paths, settings, args, progress, keep_records=sink.wants_text,
                                                  counts=per_article, on_error=file_error):
            texts = {record.row: record.text for record in chunk} if sink.wants_text else None
            for result in results:
                records += 1
                if result.error is not None:
                    unreadable += 1
                    tell(progress, record_error_line(result.file, result.row, result.error))
                elif result.findings:
                    with_findings += 1
                    for finding in result.findings:
                        severities[finding.severity] += 1
                        if args.statistics:
                            statistics[(finding.code, finding.name, finding.severity)] += 1
                        if SEVERITY_RANK[finding.severity] >= threshold:
                            failing = True
                sink.add(result, texts[result.row] if texts is not None and result.error is None else None)
    finally:
        if progress is not None:
            progress.stop()
    sink.finish(severities, statistics, records, with_findings, unreadable)
    if unreadable or sink.files_failed:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing else EXIT_OK


def corpus_summary_line(severities: Counter, records: int, with_findings: int, unreadable: int = 0,
                        files_failed: int = 0) -> str:
    """The text formats' last line: findings in how many records and, when some could not be read, how
    many records (of `records`) and whole files failed: a run with unreadable rows has not passed."""
    total = sum(severities.values())
    failed = [f"{n} {what}{'s' if n != 1 else ''}" for n, what in ((unreadable, "record"), (files_failed, "file")) if n]
    failure = f"; {' and '.join(failed)} could not be read (see the errors above)" if failed else ""
    if not total:
        if failed:
            return f"No findings in {records - unreadable} of {records} record{'s' if records != 1 else ''}{failure}."
        return f"All checks passed ({records} record{'s' if records != 1 else ''})."
    parts = [f"{severities[s]} {s}{'s' if severities[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if severities[s]]
    return (f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {with_findings} of "
            f"{records} record{'s' if records != 1 else ''}{failure}.")


class _Sink:
    """Where a corpus check's results go, as they come: a streaming writer for the table formats and the
    text formats, or, for the CI formats (SARIF, GitHub, GitLab, JUnit), every finding kept for the
    format's reporter at the end."""

    def __init__(self, fmt: str, per_article: bool, fields, rules, args) -> None:
        from ..reporting import corpus as table

        self.fmt, self.per_article, self.fields, self.rules, self.args = fmt, per_article, fields, rules, args
        self.table = table
        self.families = table.families_of(rules)
        self.kept: list = []
        self.files_failed = 0  # corpus files that could not be read at all
        # Input errors for the CI formats' own error entries: whole files, and rows ("row 7: invalid JSON").
        self.input_errors: list[SourceError] = []
        self.out: Any = None  # the text stream (None for Parquet, which writes its own file)
        self.writer: Any = None  # a streaming table writer (JSON Lines, JSON, CSV, Parquet), if the format has one
        self.wants_text = fmt == "full" and not per_article  # the excerpt under each finding
        if fmt == "parquet":
            columns = (table.article_columns(fields, self.families) if per_article
                       else table.finding_columns(fields, corpus=True))
            self.writer = table.ParquetWriter(args.output_file, columns)
            return
        self.out = open_output(args)
        self.color = use_color(args, self.out)
        if fmt == "json-lines":
            self.writer = table.JsonLinesWriter(self.out)
        elif fmt == "json":
            self.writer = table.JsonArrayWriter(self.out)
        elif fmt == "csv":
            columns = (table.article_columns(fields, self.families) if per_article
                       else table.finding_columns(fields, corpus=True))
            self.writer = table.CsvWriter(self.out, [name for name, _ in columns])

    def add(self, result, text: str | None) -> None:
        table = self.table
        if self.per_article:
            row = table.article_row(result, self.fields, self.families)
            if self.writer is not None:
                self.writer.write([row])
            else:  # concise
                self.out.write(_article_line(result, row, self.families) + "\n")
            return
        if self.writer is not None:
            if result.error is not None and self.fmt in ("parquet", "csv"):
                self.writer.write([table.error_row(result, self.fields)])
            elif result.error is not None:
                self.writer.write([{"path": result.label, "error": result.error,
                                    "record": {"file": result.file, "row": result.row, "id": result.id,
                                               "meta": result.meta}}])
            elif self.fmt in ("parquet", "csv"):
                self.writer.write(table.finding_row(f, self.fields) for f in result.findings)
            else:
                self.writer.write(f.to_json() for f in result.findings)
            return
        if result.error is not None and self.fmt not in ("full", "concise"):
            self.input_errors.append(SourceError(result.file, f"row {result.row}: {result.error}"))
        if not result.findings:
            return
        if self.fmt == "concise":
            meta = _meta_text(result.meta)
            for f in result.findings:
                self.out.write(f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}{' [' + meta + ']' if meta else ''}\n")
        elif self.fmt == "full":
            from ..reporting import write_report

            meta = _meta_text(result.meta)
            self.out.write(f"── {result.label} (row {result.row}{'; ' + meta if meta else ''})\n")
            write_report(self.fmt, result.findings, self.out, rules=self.rules, color=self.color, quiet=True,
                         sources={result.label: text} if text is not None else None, root=os.getcwd())
        else:
            # The CI formats have no place for a record's metadata: it goes at the end of the message.
            meta = _meta_text(result.meta)
            self.kept.extend(f.replace(message=f"{f.message} [{meta}]") if meta else f
                             for f in result.findings)

    def file_error(self, error: SourceError) -> None:
        """A corpus file that could not be read at all, in the report as well as on standard error (a CI step
        reading JSON or SARIF must not take the run for a clean one): an error record in JSON and JSON Lines,
        an error row in CSV and Parquet, a line of --per-article's concise list, and the CI formats' own
        error entries (which hold the unreadable rows too); the text formats count it in their summary."""
        self.files_failed += 1
        self.input_errors.append(error)
        if self.fmt in ("parquet", "csv"):
            self.writer.write([self.table.file_error_row(error.path, error.message, self.fields,
                                                         self.families if self.per_article else None)])
        elif self.writer is not None:
            from ..reporting.json import error_record

            self.writer.write([error_record(error)])
        elif self.per_article:  # concise
            self.out.write(f"{error}\n")

    def finish(self, severities: Counter, statistics: Counter, records: int, with_findings: int,
               unreadable: int = 0) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
            elif not self.per_article and self.fmt not in ("full", "concise"):
                from ..reporting import write_report

                write_report(self.fmt, self.kept, self.out, rules=self.rules, color=self.color, root=os.getcwd(),
                             quiet=self.args.quiet, errors=self.input_errors)
            elif not self.per_article:
                if self.args.statistics:
                    rows = sorted(((n, code, name, sev) for (code, name, sev), n in statistics.items()),
                                  key=lambda r: (-r[0], r[1]))
                    for count, code, name, severity in rows:
                        self.out.write(f"{count:>6}  {code:<7} {name:<32} {severity}\n")
                if not self.args.quiet:
                    self.out.write(corpus_summary_line(severities, records, with_findings, unreadable,
                                                       self.files_failed) + "\n")
                self.out.flush()
        finally:
            if self.out is not None and self.out is not sys.stdout:
                self.out.close()


def _article_line(result, row: dict, families) -> str:
    meta = "".join(f" {k}={v}" for k, v in result.meta.items())
    if result.error is not None:
        return f"{result.label}: error: {result.error}"
    counts = ", ".join(f"{f} {row[f]}" for f in families if row.get(f))
    return (f"{result.label}:{meta} {len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
            f"{' (' + counts + ')' if counts else ''}; {result.words} words; {result.insertions} insertion"
            f"{'s' if result.insertions != 1 else ''}; wire: {result.wire_service or '-'}")


def _meta_text(meta: dict) -> str:
    return ", ".join(f"{name}={value}" for name, value in meta.items())


def check_file_run_options(args: argparse.Namespace) -> None:
    """Corpus-only options given to a check of article files: a usage error, not silently ignored."""
    if getattr(args, "per_article", False):
        raise UsageError(f"--per-article is for corpus files ({CORPUS_SUFFIXES})")
    if getattr(args, "engine", "local") != "local" or getattr(args, "scheduler", None):
        raise UsageError(f"--engine dask is for corpus files ({CORPUS_SUFFIXES})")
    if args.output_format in ("csv", "parquet"):
        raise UsageError(f"--output-format {args.output_format} is for corpus files ({CORPUS_SUFFIXES})")


# --- parse and strip ----------------------------------------------------------------------------------

def _corpus_documents(args: argparse.Namespace) -> Iterator[tuple[str, Any, Any]]:
    """(Record, Document or None) for every record of every corpus file named; a bad row's error on stderr."""
    from ..parsing.document import build_document
    from ..reading.source import Source
    from ..runner.records import record_label

    for path in args.files:
        for record in open_corpus(path, args):
            if record.error is not None:
                yield path, record, None
                continue
            text = record.text[1:] if record.text.startswith("\ufeff") else record.text
            yield path, record, build_document(Source(path=record_label(path, record.id), original=text))


def run_corpus_parse(args: argparse.Namespace, document_json, render_text) -> int:
    """`parse` on corpus files, with the parse command's own renderers (passed in: cli.parse imports this
    module)."""
    out = open_output(args)
    status = EXIT_OK
    results = []
    for path, record, doc in _corpus_documents(args):
        if doc is None:
            print(record_error_line(path, record.row, record.error), file=sys.stderr)
            status = EXIT_ERROR
            continue
        if args.output_format == "text":
            render_text(doc, out, color=use_color(args, out))
            continue
        data = document_json(doc)
        data["record"] = {"file": path, "row": record.row, "id": record.id, "meta": record.meta}
        if args.output_format == "json-lines":
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            results.append(data)
    if args.output_format == "json":
        out.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    out.flush()
    if out is not sys.stdout:
        out.close()
    return status


def run_corpus_strip(args: argparse.Namespace) -> int:
    """A corpus's wire text: one JSON line per record, {"file", "row", "id", "meta", "text"}, the text with
    insertions removed (paragraphs joined by blank lines); readable again as a corpus (--id-field id)."""
    from ..parsing.strip import strip_document

    out = open_output(args)
    status = EXIT_OK
    for path, record, doc in _corpus_documents(args):
        if doc is None:
            print(record_error_line(path, record.row, record.error), file=sys.stderr)
            status = EXIT_ERROR
            continue
        stripped = strip_document(doc, keep_standfirst=args.keep_standfirst, keep_comments=args.keep_comments)
        out.write(json.dumps({"file": path, "row": record.row, "id": record.id, "meta": record.meta,
                              "text": stripped}, ensure_ascii=False) + "\n")
    out.flush()
    if out is not sys.stdout:
        out.close()
    return status
