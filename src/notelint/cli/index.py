"""`notelint index add|stats|remove`: the story index that `notelint find` and `notelint diff --index` search.

Exit codes: 0 done, 2 for a usage error, an unusable index, or inputs that could not be read (every
readable one is still added, and each unreadable one is named on standard error).
"""
from __future__ import annotations

import argparse
import json
import sys

from .common import UsageError, add_input_options, add_output_options, open_output, positive_int


def register(sub) -> None:
    p = sub.add_parser("index", help="build the index of wire stories that `find` searches",
                       description="Keep an index of wire stories (one SQLite file holding their text) for "
                                   "`notelint find` and `notelint diff --index`.")
    commands = p.add_subparsers(dest="index_command", metavar="COMMAND", parser_class=type(p))
    commands.required = True

    add = commands.add_parser("add", help="add stories: files, folders, or corpus files (JSONL)",
                              description="Add wire stories to INDEX (made if missing). Each file is one story, "
                                          "stored under its path; a folder adds the articles and corpus files "
                                          "in it; each record of a corpus file is a story stored under its id. "
                                          "A story already stored with the same text is left as it is; with "
                                          "a new text, it is replaced.")
    add.add_argument("index", metavar="INDEX", help="the index file")
    add.add_argument("paths", metavar="PATH", nargs="+", help="story files, folders or corpus files")
    add.add_argument("--text-field", default="text", metavar="NAME", help="corpus field holding the text (default: text)")
    add.add_argument("--id-field", default="id", metavar="NAME", help="corpus field holding the id (default: id)")
    add.add_argument("--paragraph-separator", default=None, metavar="TEXT",
                     help='what separates paragraphs in a corpus text, such as " ### " (default: blank lines)')
    add.add_argument("-j", "--jobs", type=positive_int, default=None, metavar="N",
                     help="worker processes for large adds (default: the number of cores)")
    add_input_options(add)
    add.set_defaults(handler=run_add)

    stats = commands.add_parser("stats", help="what the index holds", description="Show what INDEX holds.")
    stats.add_argument("index", metavar="INDEX", help="the index file")
    add_output_options(stats, ("text", "json"), "text")
    stats.set_defaults(handler=run_stats)

    remove = commands.add_parser("remove", help="remove stories by the path or id they were added under",
                                 description="Remove stories from INDEX by the path or id they were added "
                                             "under. When one is not stored, nothing is removed.")
    remove.add_argument("index", metavar="INDEX", help="the index file")
    remove.add_argument("sources", metavar="ID", nargs="+", help="stored paths or ids")
    remove.set_defaults(handler=run_remove)


def run_add(args: argparse.Namespace) -> int:
    from ..finding.build import ReadOptions, add_paths
    from ..finding.index import StoryIndex
    from ..reading.source import DEFAULT_MAX_BYTES
    from ..runner.workers import default_jobs

    if "-" in args.paths:
        raise UsageError("index add reads files, folders and corpus files, not standard input")
    options = ReadOptions(args.input_format, DEFAULT_MAX_BYTES if args.max_file_size is None else args.max_file_size,
                          args.text_field, args.id_field, args.paragraph_separator)
    with StoryIndex(args.index, create=True) as index:
        report = add_paths(index, args.paths, options, jobs=args.jobs or default_jobs())
        total = index.story_count()
    for line in report.errors:
        print(line, file=sys.stderr)
    c = report.counts
    print(f"{args.index}: {c.added} added, {c.replaced} replaced, {c.unchanged} unchanged; {_stored(total)}")
    return 2 if report.errors else 0


def run_stats(args: argparse.Namespace) -> int:
    from ..finding.index import StoryIndex

    with StoryIndex(args.index) as index:
        stats = index.stats()
    out = open_output(args)
    try:
        if args.output_format == "json":
            json.dump(stats, out, indent=2)
            out.write("\n")
        else:
            ratio = stats["file_bytes"] / stats["text_chars"] if stats["text_chars"] else 0.0
            out.write(f"{stats['path']}\n"
                      f"  stories         {stats['stories']:,}\n"
                      f"  words           {stats['words']:,}\n"
                      f"  text            {stats['text_chars']:,} characters ({stats['text_stored_bytes']:,} bytes compressed)\n"
                      f"  fingerprints    {stats['postings']:,} ({stats['shingle_words']}-word shingles, "
                      f"window {stats['window']})\n"
                      f"  file            {stats['file_bytes']:,} bytes ({ratio:.2f}x the text)\n")
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from ..finding.index import IndexFileError, StoryIndex

    with StoryIndex(args.index, write=True) as index:
        missing = index.remove(args.sources)
        total = index.story_count()
    if missing:
        raise IndexFileError(args.index, f"not stored: {', '.join(missing)} (nothing removed)")
    print(f"{args.index}: {len(set(args.sources))} removed; {_stored(total)}")
    return 0


def _stored(total: int) -> str:
    return f"{total} {'story' if total == 1 else 'stories'} stored"
