"""`notelint parse` (the span tree of each article) and `notelint strip` (the reconstructed wire text)."""
from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_ERROR, EXIT_OK, add_input_options, add_output_options, open_output, use_color
from ..parsing.model import Document
from ..parsing.strip import strip_document
from ..reading.source import DEFAULT_MAX_BYTES, SourceError, read_stdin
from ..reading.formats import read_source
def register(sub) -> None:
    parse = sub.add_parser("parse", help="show an article's parts: headline, quotations, insertions, credit, comments")
    parse.add_argument("files", nargs="+", metavar="FILE")
    add_output_options(parse, ("text", "json", "json-lines"), "text")
    add_input_options(parse, corpus=True)
    from .corpus import add_corpus_options

    add_corpus_options(parse)
    parse.set_defaults(handler=run_parse)

    strip = sub.add_parser("strip", help="print the reconstructed wire text: insertions removed, seams repaired")
    strip.add_argument("files", nargs="+", metavar="FILE")
    strip.add_argument("--keep-standfirst", action="store_true", help="keep the republisher's standfirst")
    strip.add_argument("--keep-comments", action="store_true", help="keep the reader-comment section")
    strip.add_argument("-o", "--output-file", dest="output_file", metavar="PATH")
    add_input_options(strip, corpus=True)
    add_corpus_options(strip)
    strip.set_defaults(handler=run_strip)


def load_documents(args: argparse.Namespace):
    """Yield (path, Document or SourceError) for each file argument; never raises on bad input."""
    from ..parsing.document import build_document

    max_bytes = DEFAULT_MAX_BYTES if args.max_file_size is None else args.max_file_size
    for path in args.files:
        try:
            if path == "-":
                source = read_source("-", args.input_format or "text", max_bytes, data=read_stdin(max_bytes))
            else:
                source = read_source(path, args.input_format, max_bytes)
            yield path, build_document(source)
        except SourceError as exc:
            yield path, exc


def run_parse(args: argparse.Namespace) -> int:
    from .corpus import is_corpus_run, run_corpus_parse

    if is_corpus_run(args, args.files):
        return run_corpus_parse(args, document_json, render_text)
    out = open_output(args)
    status = EXIT_OK
    results = []
    for path, doc in load_documents(args):
        if isinstance(doc, SourceError):
            print(doc, file=sys.stderr)
            status = EXIT_ERROR
            continue
        if args.output_format == "text":
            render_text(doc, out, color=use_color(args, out))
        elif args.output_format == "json-lines":
            out.write(json.dumps(document_json(doc), ensure_ascii=False) + "\n")
        else:
            results.append(document_json(doc))
    if args.output_format == "json" and (results or status == EXIT_OK):
        payload = results[0] if len(args.files) == 1 and results else results
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    out.flush()
    return status


def document_json(doc: Document) -> dict:
    data = doc.to_json()
    problems = []
    for p in doc.problems:
        loc = doc.location(p.start, p.end)
        problems.append({"code": p.code, "message": p.message, "start": loc.start, "end": loc.end,
                         "line": loc.line, "col": loc.col})
    data["problems"] = problems
    return data


def run_strip(args: argparse.Namespace) -> int:
    from .corpus import is_corpus_run, run_corpus_strip

    if is_corpus_run(args, args.files):
        return run_corpus_strip(args)
    out = open_output(args)
    status = EXIT_OK
    for path, doc in load_documents(args):
        if isinstance(doc, SourceError):
            print(doc, file=sys.stderr)
            status = EXIT_ERROR
            continue
        stripped = strip_document(doc, keep_standfirst=args.keep_standfirst, keep_comments=args.keep_comments)
        out.write(stripped if stripped.endswith("\n") else stripped + "\n")
    out.flush()
    return status


# -- the text view -------------------------------------------------------------------------------------
STYLES = {
    "headline": "bold",
    "standfirst": "italic magenta",
    "wire": "",
    "quote": "green",
    "insertion": "bold white on red",
    "clarification": "cyan",
    "source": "bold blue",
    "comments": "dim",
    "footnote": "dim cyan",
    "shortcode": "dim",
    "stage_direction": "dim cyan",
    "photo_credit": "dim cyan",
    "annotation": "cyan",
    "link": "underline",
    "bracket": "dim",
}


def render_text(doc: Document, out, color: bool) -> None:
    """The article with each span kind coloured, a legend, and a list of the notable spans."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True,
                      width=100 if not color else None)
    console.print(Text(f"{doc.path or '<text>'}", style="bold underline"))
    legend = Text("legend: ")
    for kind in ("headline", "standfirst", "quote", "insertion", "clarification", "source", "comments"):
        legend.append(kind, style=STYLES[kind] or "none")
        legend.append("  ")
    console.print(legend)
    console.print()
    for block in doc.spans:
        if block.kind == "break":
            continue
        body = Text(doc.text[block.start:block.end])
        if block.kind != "paragraph":
            body.stylize(STYLES.get(block.kind, ""), 0, len(body))
        for span in block.walk():
            if span is not block and STYLES.get(span.kind):
                body.stylize(STYLES[span.kind], span.start - block.start, span.end - block.start)
        loc = doc.location(block.start, block.end)
        tag = Text(f"{loc.line:>4} {block.kind:<10} ", style="dim")
        if block.kind == "comments" and not color:
            body = Text(doc.text[block.start:block.end].split("\n", 1)[0] + " …")
        console.print(tag + body)
        for span in block.walk():
            if span is block or span.kind in ("wire", "paragraph"):
                continue
            loc = doc.location(span.start, span.end)
            fields = ", ".join(f"{k}: {v}" for k, v in span.attrs.items() if k not in ("closed", "in_quote") and v)
            snippet = doc.text[span.start:span.end].replace("\n", " ")
            snippet = snippet if len(snippet) <= 70 else snippet[:67] + "…"
            line = Text(f"       {loc.line}:{loc.col} ", style="dim")
            line.append(span.kind, style=STYLES.get(span.kind) or "none")
            line.append(f" {snippet}" + (f"  ({fields})" if fields else ""))
            console.print(line)
    for p in doc.problems:
        loc = doc.location(p.start, p.end)
        console.print(Text(f"{doc.path or '-'}:{loc.line}:{loc.col}: {p.code} {p.message}", style="yellow"))
