"""`notelint find ARTICLE... --index INDEX`: the stored stories each article derives from, best first.

Exit codes: 0 (whether or not anything matched), 2 for an unreadable article or index, or a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys

from .common import UsageError, add_input_options, add_output_options, open_output, positive_int

FORMATS = ("full", "concise", "json")


def register(sub) -> None:
    p = sub.add_parser("find", help="find the stored wire stories an article derives from",
                       description="For each article, list the stories in the index (`notelint index add`) it "
                                   "derives from, best first: copies (the story's lead kept, most of the text "
                                   "shared in order) and different versions of a story (an agency update: the "
                                   "lead rewritten, the body kept). Quotations, insertions and comments are left "
                                   "out of the comparison, so stories quoting the same statement are not copies.")
    p.add_argument("articles", metavar="ARTICLE", nargs="+", help="republished article files ('-' for standard input)")
    p.add_argument("--index", required=True, metavar="INDEX", help="the story index file")
    p.add_argument("--top", type=positive_int, default=3, metavar="K", help="at most K stories per article (default: 3)")
    add_output_options(p, FORMATS, "full")
    add_input_options(p)
    p.set_defaults(handler=run_find)


def run_find(args: argparse.Namespace) -> int:
    from ..finding.index import StoryIndex
    from ..reading.source import DEFAULT_MAX_BYTES, SourceError

    if args.articles.count("-") > 1:
        raise UsageError("standard input (-) can be given once")
    max_bytes = DEFAULT_MAX_BYTES if args.max_file_size is None else args.max_file_size
    with StoryIndex(args.index) as index:
        finder, options = finder_for(index, args.articles[0])
        # An article that cannot be read (binary, missing, not UTF-8) is told on standard error and in the
        # JSON, and the others are still looked up: one bad page of a scrape does not lose the rest.
        results: list = []
        failed = False
        for path in args.articles:
            try:
                doc = read_article(path, args.input_format, max_bytes, options)
            except SourceError as exc:
                print(exc, file=sys.stderr)
                results.append((path, exc))
                failed = True
                continue
            results.append((doc, finder.find(doc, top=args.top)))
    out = open_output(args)
    try:
        WRITERS[args.output_format](results, out)
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 2 if failed else 0


def finder_for(index, config_path: str | None):
    """A Finder parsing stored stories with the parser options the article is checked with."""
    from ..finding.search import Finder
    from ..linting.config import load_settings
    from ..linting.engine import parser_options
    from ..parsing.document import parse_text

    settings = load_settings(config_path if config_path and config_path != "-" else None, {})
    options = parser_options(settings)
    return Finder(index, parse_text=lambda text, path: parse_text(text, path, **options),
                  markers=tuple(settings.editorial_markers)), options


def read_article(path: str, input_format: str | None, max_bytes: int, options: dict):
    from ..parsing.document import build_document
    from ..reading.formats import read_source

    if path == "-":
        source = read_source("-", input_format or "text", max_bytes, data=sys.stdin.buffer.read())
    else:
        source = read_source(path, input_format, max_bytes)
    return build_document(source, **options)


def match_json(doc, match) -> dict:
    passages = []
    for p in match.passages:
        where = doc.location(*p.article)
        passages.append({"article_start": where.start, "article_end": where.end, "story_start": p.story[0],
                         "story_end": p.story[1], "words": p.words})
    return {"source": match.source, "score": match.score, "kind": match.kind, "note": match.note,
            "containment": match.containment, "aligned": match.aligned, "story_coverage": match.story_coverage,
            "lead_kept": match.lead_kept, "passages": passages}


def _read(results):
    """The results of the articles that were read (a failed one is (path, SourceError))."""
    return [(doc, matches) for doc, matches in results if not isinstance(doc, str)]


def write_json(results, out) -> None:
    data = [{"path": doc, "error": matches.message} if isinstance(doc, str)
            else {"path": doc.path or "-", "matches": [match_json(doc, m) for m in matches]}
            for doc, matches in results]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_concise(results, out) -> None:
    for doc, matches in _read(results):
        path = doc.path or "-"
        if not matches:
            out.write(f"{path}: no stored story\n")
        for m in matches:
            what = "copy" if m.kind == "copy" else m.note
            out.write(f"{path}: {m.source} ({what}; score {m.score:.2f})\n")


def write_full(results, out) -> None:
    header = ("#", "SOURCE", "KIND", "SCORE", "OWN TEXT", "STORY", "PASSAGES")
    results = _read(results)
    for n, (doc, matches) in enumerate(results):
        if n:
            out.write("\n")
        out.write(f"{doc.path or '-'}\n")
        if not matches:
            out.write("  derives from no stored story\n")
            continue
        rows = [(str(k), m.source, m.kind, f"{m.score:.2f}", f"{m.aligned:.0%}", f"{m.story_coverage:.0%}",
                 str(len(m.passages))) for k, m in enumerate(matches, 1)]
        widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
        for row, match in zip([header, *rows], [None, *matches]):
            cells = [row[0].rjust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]),
                     *(c.rjust(w) for c, w in zip(row[3:], widths[3:]))]
            line = "  " + "  ".join(cells)
            if match is not None and match.note:
                line += f"  ({match.note})"
            out.write(line + "\n")
    if any(matches for _, matches in results):
        out.write("\nOWN TEXT: the article's own reporting (quotations, insertions and comments left out) found in "
                  "the story, in passages shared in order. STORY: the stored story's own reporting found in the article.\n")


WRITERS = {"json": write_json, "concise": write_concise, "full": write_full}
