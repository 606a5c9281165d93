"""The command line: a thin layer that wires the stages together.

Each command lives in its own module (`cli_<name>.py`) exposing `register(subparsers)`; the handler it
sets returns the exit code. Exit codes: 0 clean, 1 findings, 2 usage, configuration or input error.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from typing import Sequence

from . import __version__
from .source import SourceError

# Modules that add sub-commands, in the order `notelint --help` lists them.
COMMAND_MODULES = ("cli_parse", "cli_check", "cli_rules", "cli_diff")
# Which module defines each command: a run imports only its own command's module (start-up time
# matters for a pre-commit hook); `notelint --help` and a mistyped command import them all.
COMMAND_MODULE = {"parse": "cli_parse", "strip": "cli_parse", "check": "cli_check", "rules": "cli_rules",
                  "rule": "cli_rules", "config": "cli_rules", "diff": "cli_diff"}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A mistake in how notelint was called: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its one-line form
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"notelint: error: {message}\n")


def add_output_options(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    """--output-format (alias --format), -o/--output-file and --color, the same for every command."""
    parser.add_argument("--output-format", "--format", dest="output_format", choices=list(formats), default=default,
                        help=f"output format (default: {default})")
    parser.add_argument("-o", "--output-file", dest="output_file", metavar="PATH",
                        help="write the report to PATH instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour in terminal output (default: auto; NO_COLOR is honoured)")


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input-format", choices=("text", "markdown", "html"),
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
    from .findings import SEVERITY_RANK

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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; given the command about to run, only that command's module is imported."""
    parser = _Parser(prog="notelint", description="Editorial-note diff and bias-flagging linter for news articles.")
    parser.add_argument("--version", action="version", version=f"notelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = (COMMAND_MODULE[command],) if command in COMMAND_MODULE else COMMAND_MODULES
    for name in wanted:
        try:
            module = importlib.import_module(f".{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.{name}":
                continue  # a command still being built in this checkout
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.handler(args)
    except (SourceError, UsageError) as exc:
        print(f"notelint: {exc}" if isinstance(exc, UsageError) else str(exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # `notelint check … | head`: the reader left; end quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def console_main() -> int:
    """The `notelint` command and `python -m notelint`: main(), leaving nothing for Python's exit to walk.

    At exit Python runs one last full collection of cycles over everything still alive (modules, rules,
    the grammar, a run's findings). Nothing of notelint's needs it (files are closed and the cache is
    written by then), and frozen objects are skipped: ~20 ms less after a 20,000-file run. Not in main()
    itself, which tests and callers run in their own long-lived process."""
    code = main()
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(console_main())
