"""What every command shares: exit codes, the output and input options, where the report goes."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from ..reading.source import SourceError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A mistake in how notelint was called: one line on stderr, exit code 2."""


def add_output_options(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    """--output-format (alias --format), -o/--output-file and --color, the same for every command."""
    parser.add_argument("--output-format", "--format", dest="output_format", choices=list(formats), default=default,
                        help=f"output format (default: {default})")
    parser.add_argument("-o", "--output-file", dest="output_file", metavar="PATH",
                        help="write the report to PATH instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour in terminal output (default: auto; NO_COLOR is honoured)")


def add_input_options(parser: argparse.ArgumentParser, corpus: bool = False) -> None:
    """`corpus`: the command also reads corpus files (jsonl, csv, parquet: one article per row)."""
    formats = ("text", "markdown", "html") + (("jsonl", "csv", "parquet") if corpus else ())
    parser.add_argument("--input-format", choices=formats,
                        help="read every file in this format instead of choosing by extension")
    parser.add_argument("--max-file-size", type=int, default=None, metavar="BYTES",
                        help="refuse files larger than this (default: 16 MiB; 0 for no limit)")


def open_output(args: argparse.Namespace):
    """Where a command writes its report: -o/--output-file, else standard output."""
    if getattr(args, "output_file", None):
        try:
            return open(args.output_file, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise SourceError(args.output_file, f"cannot write output: {exc.strerror}") from None
    return sys.stdout


def findings_exit_code(findings, fail_on: str, exit_zero: bool = False) -> int:
    """1 when a finding reaches the fail level (unless --exit-zero), else 0. Never a count."""
    from ..linting.findings import SEVERITY_RANK

    if exit_zero:
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_OK


def use_color(args: argparse.Namespace, stream) -> bool:
    if getattr(args, "color", "auto") == "always":
        return True
    if getattr(args, "color", "auto") == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()
