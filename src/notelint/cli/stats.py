"""`notelint stats CORPUS --by publisher`: per-group figures of a corpus, each rate with a 95% interval."""
from __future__ import annotations

import argparse
import io
import sys

from .common import EXIT_ERROR, EXIT_OK, UsageError, open_output, use_color


def register(sub) -> None:
    from .common import add_input_options, add_runner_options
    from .corpus import add_corpus_options

    p = sub.add_parser("stats", help="per-publisher (or per-field) figures of a corpus, with 95%% intervals",
                       description="Lint a corpus file and count, per value of --by: articles, the share with "
                                   "editorial insertions, insertions per 1,000 words, the share of wire-credited "
                                   "articles carrying commentary, and NL1/NL2/NL3 findings per article.")
    p.add_argument("paths", nargs="+", metavar="CORPUS", help="JSON Lines, CSV or Parquet files")
    p.add_argument("--by", metavar="FIELD", help="the metadata field to group by (publisher); without it, one group")
    p.add_argument("--output-format", "--format", dest="output_format", choices=("table", "csv", "json", "html"),
                   default="table", help="output format (default: table)")
    p.add_argument("-o", "--output-file", dest="output_file", metavar="PATH",
                   help="write the figures to PATH instead of standard output")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--select", action="append", default=None, metavar="CODES")
    p.add_argument("--extend-select", action="append", default=None, metavar="CODES")
    p.add_argument("--ignore", action="append", default=None, metavar="CODES")
    p.add_argument("--config", metavar="FILE", help="use this configuration file")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no unreadable-row lines")
    p.add_argument("--index", metavar="INDEX",
                   help="an index of wire stories (notelint index add): also count the articles that derive "
                        "from a stored story, and the quotations those copies altered")
    add_runner_options(p)
    add_input_options(p, corpus=True)
    add_corpus_options(p, engine=True)
    p.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    from ..linting.config import SettingsResolver, overrides_from_args
    from ..reporting.stats import corpus_stats
    from ..reading.formats import CORPUS_SUFFIXES
    from .corpus import is_corpus_run, lint_corpus_files, record_error_line, tell
    from .progress import Progress

    if not is_corpus_run(args, args.paths):
        raise UsageError(f"stats reads corpus files ({CORPUS_SUFFIXES}, or --input-format)")
    if args.by:
        args.meta_field = (args.meta_field or []) + [args.by]
    settings = SettingsResolver(overrides_from_args(args))(args.paths[0])
    unreadable = 0
    progress = Progress.for_run(args)
    pages = _Pages(settings, args.by) if args.output_format == "html" else None
    derivation = _Derivation(args.index, settings) if args.index else None

    def file_error(error) -> None:  # a file that cannot be read at all: told, and the others counted
        nonlocal unreadable
        unreadable += 1
        tell(progress, str(error))

    def results():
        nonlocal unreadable
        for chunk, chunk_results in lint_corpus_files(args.paths, settings, args, progress,
                                                      keep_records=derivation is not None or pages is not None,
                                                      on_error=file_error):
            if derivation is not None:
                derivation.mark(chunk, chunk_results)
            if pages is not None:
                pages.add(chunk, chunk_results)
            for result in chunk_results:
                if result.error is not None:
                    unreadable += 1
                    tell(progress, record_error_line(result.file, result.row, result.error), quiet=args.quiet)
                yield result

    try:
        try:
            stats = corpus_stats(results(), args.by)
        finally:
            if progress is not None:
                progress.stop()
        return _write(args, stats, pages, unreadable)
    finally:
        if pages is not None:
            pages.close()
        if derivation is not None:
            derivation.close()


def _write(args: argparse.Namespace, stats: dict, pages: "_Pages | None", unreadable: int) -> int:
    from ..reporting.stats import write_csv, write_json, write_table

    out = open_output(args)
    try:
        if args.output_format == "csv":
            write_csv(stats, out)
        elif args.output_format == "json":
            write_json(stats, out)
        elif args.output_format == "html":
            from ..reporting.html import write_corpus
            from ..reporting.stats import html_report_data

            write_corpus(html_report_data(stats, pages.rows), out, pages=pages.sections(), rules=pages.rules())
        else:
            write_table(stats, out, color=use_color(args, out))
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_ERROR if unreadable else EXIT_OK


class _Derivation:
    """stats --index: for each readable record, whether it derives from a stored wire story (as `notelint
    find` decides: a copy or a version) and how many quotations it altered against that story (NL501, as
    `notelint diff` reports them)."""

    def __init__(self, index_path: str, settings) -> None:
        from ..diffing.hunks import diff_rules
        from ..finding.index import StoryIndex
        from ..finding.search import Finder
        from ..linting.engine import parser_options
        from ..parsing.document import parse_text

        self.settings, self.options = settings, parser_options(settings)
        self.parse_text = lambda text, path: parse_text(text, path, **self.options)
        self.index = StoryIndex(index_path)
        self.finder = Finder(self.index, parse_text=self.parse_text, markers=tuple(settings.editorial_markers))
        self.rules = {code: rule for code, rule in diff_rules().items() if code == ALTERED_QUOTATION}

    def mark(self, chunk, results) -> None:
        from ..diffing.hunks import diff_documents
        from ..runner.records import parse_record

        records = {record.row: record for record in chunk}
        for result in results:
            record = records.get(result.row)
            if result.error is not None or record is None or record.text is None:
                continue
            doc = parse_record(record, self.settings, result.file)
            matches = self.finder.find(doc, top=1)
            result.derived = bool(matches)
            if matches:
                original = self.parse_text(matches[0].story_text, matches[0].source)
                diff = diff_documents(original, doc, settings=self.settings, rules=self.rules)
                result.altered_quotations = _altered_quotations(doc, diff.findings)

    def close(self) -> None:
        self.index.close()


ALTERED_QUOTATION = "NL501"


def _altered_quotations(doc, findings) -> int:
    """How many of the article's quotations the diff found altered: a quotation with two changed words
    draws two NL501 findings and counts once."""
    quotes = sorted((doc.location(q.start, q.end).start, doc.location(q.start, q.end).end)
                    for q in doc.spans_of("quote"))
    altered = set()
    for f in findings:
        if f.code == ALTERED_QUOTATION:
            holder = next((q for q in quotes if q[0] <= f.start < q[1]), None)
            altered.add(holder if holder is not None else (f.start, f.end))
    return len(altered)


# Bytes of article sections the corpus page may spend per article, on average: with the charts and
# the article lists, the page stays within 5 MB per 1,000 articles. An article whose section would take
# the page over the budget so far gets its findings without its text.
SECTION_BUDGET = 4_500
FINDINGS_WITHOUT_TEXT = 8  # findings listed in such a section; the rest are counted by rule


class _Pages:
    """The html format's page of each readable record, rendered as its results come (the record's text is
    parsed again: only this format needs the Document) and kept in a temporary file, so that a corpus's
    pages never sit in memory; the page links each listed article to its section `#rN`."""

    def __init__(self, settings, by: str | None) -> None:
        import tempfile

        self.settings, self.by = settings, by
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")
        self.rows: list[dict] = []
        self.codes: set[str] = set()
        self.written = 0  # bytes (UTF-8) of the sections so far

    def add(self, chunk, results) -> None:
        from ..reporting.html import esc, write_article
        from ..reporting.stats import article_row
        from ..runner.records import parse_record

        records = {record.row: record for record in chunk}
        for result in results:
            record = records.get(result.row)
            if result.error is not None or record is None or record.text is None:
                continue
            anchor = f"r{len(self.rows) + 1}"
            self.rows.append(article_row(result, self.by, f"#{anchor}"))
            self.codes.update(f.code for f in result.findings)
            doc = parse_record(record, self.settings, result.file)
            heading = f'<span class="path">{esc(result.label)}</span>'
            section = io.StringIO()
            write_article(section, anchor, heading, doc, result.findings, self._by_code())
            if self.written + len(section.getvalue().encode()) > SECTION_BUDGET * len(self.rows):
                # Over the page's budget so far (long articles): this one's findings, without its text.
                section = io.StringIO()
                write_article(section, anchor, heading, None, result.findings, self._by_code(),
                              no_text=f"The article's text ({len(record.text):,} characters) is left out to keep "
                                      "the page within 5 MB per 1,000 articles: its first findings are listed "
                                      "with their line, column and words.", listed=FINDINGS_WITHOUT_TEXT)
            text = section.getvalue()
            self.written += len(text.encode())
            self.file.write(text)

    def _by_code(self) -> dict:
        if not hasattr(self, "_rules"):
            from ..linting.rules import load_rules

            self._rules = {rule.code: rule for rule in load_rules(self.settings.extend)}
        return self._rules

    def rules(self) -> list:
        by_code = self._by_code()
        return [by_code[code] for code in sorted(self.codes) if code in by_code]

    def sections(self):
        self.file.seek(0)
        while chunk := self.file.read(1 << 16):
            yield chunk

    def close(self) -> None:
        self.file.close()
