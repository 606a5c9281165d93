"""`notelint diff ORIGINAL REPUBLISHED`: what the republisher changed in the wire story; `notelint diff FILE`
compares an article with its own reconstructed wire text (`notelint strip`).

Exit codes: 0 no finding at or above the fail level (default: error, so NL501/NL502), 1 findings, 2 input,
usage or configuration error (cli.main turns SourceError and UsageError into one line and exit code 2).
"""
from __future__ import annotations

import argparse
import os
import sys

from .common import UsageError, add_input_options, add_output_options, findings_exit_code, open_output, use_color
from ..reading.source import DEFAULT_MAX_BYTES

VIEW_FORMATS = ("full", "side-by-side", "unified", "json")
DEFAULT_FAIL_ON = "error"


def register(sub) -> None:
    p = sub.add_parser("diff", help="compare a republished article with the original wire story",
                       description="Account for every difference between a republished article and the original "
                                   "wire story: marked and unmarked insertions, deletions, replacements, moved "
                                   "text and house style. With one FILE, compare it with its own wire text "
                                   "(insertions and standfirst removed).")
    p.add_argument("original", metavar="ORIGINAL", help="the wire story (or, alone, the republished article)")
    p.add_argument("republished", metavar="REPUBLISHED", nargs="?", help="the republished article")
    from ..reporting import available_formats

    # The views are the diff's own; every other reporter of `check` (concise, sarif, github, ...) shows findings.
    finding_formats = tuple(f for f in available_formats() if f not in VIEW_FORMATS and f != "full")
    add_output_options(p, VIEW_FORMATS + finding_formats, "full")
    p.add_argument("--show-style", action="store_true", help="show house-style differences in the views")
    p.add_argument("--show-furniture", action="store_true",
                   help="show page furniture (navigation, advertising, captions, credits, widgets, script residue) "
                        "and text past the end of an original that stops short in the views")
    p.add_argument("--style-rules", action="append", default=[], metavar="FILE",
                   help="extra house-style equivalences (TOML, like rules/style-equivalences.toml); repeatable")
    p.add_argument("--no-default-style", action="store_true", help="do not load the shipped style equivalences")
    p.add_argument("--context", type=int, default=0, metavar="N",
                   help="unchanged paragraphs to show around each changed one in the full and unified views (default: 0)")
    p.add_argument("--width", type=int, default=None, help="width of the full and side-by-side views (columns)")
    p.add_argument("--select", action="append", default=None, metavar="CODES",
                   help="rule codes or prefixes to enable, replacing the configured selection")
    p.add_argument("--extend-select", action="append", default=None, metavar="CODES",
                   help="rule codes or prefixes to enable in addition")
    p.add_argument("--ignore", action="append", default=None, metavar="CODES", help="rule codes or prefixes to disable")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help=f"lowest severity that makes the exit code 1 (default: the configured fail-on, else {DEFAULT_FAIL_ON})")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--config", metavar="FILE", help="use this configuration file")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    p.add_argument("--index", metavar="INDEX",
                   help="compare the one ARTICLE given with the stored story it derives from, found in this index "
                        "(`notelint index add`; as `notelint find` finds it)")
    add_input_options(p)
    p.set_defaults(handler=run_diff)


def _read(path: str, args: argparse.Namespace, max_bytes: int, stdin_used: list):
    from ..reading.formats import read_source
    from ..reading.source import read_stdin

    if path == "-":
        if stdin_used:
            raise UsageError("standard input (-) can be only one of the two files")
        stdin_used.append(True)
        return read_source("-", args.input_format or "text", max_bytes, data=read_stdin(max_bytes))
    return read_source(path, args.input_format, max_bytes)


def _original_from_index(index_path: str, republished, options: dict, markers):
    """The best stored story the article derives from (as `notelint find` ranks them), parsed; named on
    standard error so that a view or report on standard output stays as it is."""
    from ..finding.index import StoryIndex
    from ..finding.search import Finder
    from ..parsing.document import parse_text
    from ..reading.source import SourceError

    with StoryIndex(index_path) as index:
        finder = Finder(index, parse_text=lambda text, path: parse_text(text, path, **options), markers=tuple(markers))
        matches = finder.find(republished, top=1)
    if not matches:
        raise SourceError(republished.path, f"derives from no story stored in {index_path}")
    best = matches[0]
    what = best.note or best.kind
    print(f"notelint: original: {best.source} ({what}; score {best.score:.2f})", file=sys.stderr)
    return parse_text(best.story_text, best.source, **options)


def run_diff(args: argparse.Namespace) -> int:
    from ..parsing.document import build_document, parse_text
    from ..parsing.strip import strip_document
    from ..diffing.align import StyleEquivalences, StyleError
    from ..linting.config import load_settings, overrides_from_args
    from ..diffing.hunks import diff_documents, diff_rules
    from ..linting.rules import RulePackError
    from ..linting.engine import parser_options

    if args.original == "-" and args.republished == "-":
        raise UsageError("standard input (-) can be only one of the two files")
    max_bytes = DEFAULT_MAX_BYTES if args.max_file_size is None else args.max_file_size
    republished_path = args.republished or args.original
    try:
        settings = load_settings(republished_path if republished_path != "-" else None, overrides_from_args(args))
        equivalences = StyleEquivalences.load(args.style_rules, defaults=not args.no_default_style)
    except (StyleError, RulePackError) as exc:
        raise UsageError(str(exc)) from None
    stdin_used: list = []
    options = parser_options(settings)
    if args.index:
        if args.republished:
            raise UsageError("with --index, give the republished article alone: its original is found in the index")
        republished = build_document(_read(args.original, args, max_bytes, stdin_used), **options)
        original = _original_from_index(args.index, republished, options, settings.editorial_markers)
    elif args.republished:
        original = build_document(_read(args.original, args, max_bytes, stdin_used), **options)
        republished = build_document(_read(args.republished, args, max_bytes, stdin_used), **options)
    else:
        republished = build_document(_read(args.original, args, max_bytes, stdin_used), **options)
        # The article's own wire text: what `notelint strip` prints (insertions, standfirst, comments out).
        original = parse_text(strip_document(republished), f"{republished.path or '-'} (wire text)", **options)

    result = diff_documents(original, republished, equivalences=equivalences, settings=settings,
                            rules=diff_rules(settings))
    for name in equivalences.timed_out:
        print(f"notelint: warning: style rule {name!r} took more than {equivalences.timeout:g} s and was skipped; "
              "simplify its pattern", file=sys.stderr)
    out = open_output(args)
    try:
        color = use_color(args, out)
        if args.output_format == "html":  # a page of its own: the two articles side by side
            from ..linting.rules import load_rules
            from ..reporting.html import write_diff

            write_diff(result, out, rules=load_rules(settings.extend), root=os.getcwd(), show_style=args.show_style)
        elif args.output_format not in VIEW_FORMATS:
            from ..linting.rules import load_rules
            from ..reporting import write_report

            write_report(args.output_format, result.findings, out, rules=load_rules(settings.extend), color=color,
                         root=os.getcwd(), sources={republished.path or "-": republished.source.original},
                         command="diff")
        else:
            from ..diffing.render import VIEWS

            if args.context < 0:
                raise UsageError("--context must be 0 or more")
            VIEWS[args.output_format](result, out, color=color, show_style=args.show_style, width=args.width,
                                      context=args.context, show_furniture=args.show_furniture)
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()

    fail_on = args.fail_on or (settings.fail_on if settings.origin_of("fail-on") != "default" else DEFAULT_FAIL_ON)
    return findings_exit_code(result.findings, fail_on, args.exit_zero)
