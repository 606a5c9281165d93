"""The command line: a thin layer that wires the stages together.

Each command lives in its own module of this package (`check.py`, `parse.py`, ...) exposing `register(subparsers)`; the handler it
sets returns the exit code. Exit codes: 0 clean, 1 findings, 2 usage, configuration or input error.
"""
from __future__ import annotations

import gc
import importlib
import sys
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from typing import Sequence

from ..version import __version__
from ..reading.source import SourceError
from .quick import QUICK_COMMANDS, quick_arguments
from .common import (EXIT_ERROR, EXIT_OK, OutputError, UsageError, check_output_is_not_an_input, finish_output,
                     silence_stdout)

# Modules that add sub-commands, in the order `notelint --help` lists them.
COMMAND_MODULES = ("parse", "check", "rules", "diff", "index", "find", "stats")
# Which module defines each command: a run imports only its own command's module (start-up time
# matters for a pre-commit hook); `notelint --help` and a mistyped command import them all.
COMMAND_MODULE = {"parse": "parse", "strip": "parse", "check": "check", "rules": "rules",
                  "rule": "rules", "config": "rules", "diff": "diff", "index": "index", "find": "find",
                  "stats": "stats"}

def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; given the command about to run, only that command's module is imported."""
    from .argparsing import Parser

    parser = Parser(prog="notelint", description="Editorial-note diff and bias-flagging linter for news articles.")
    parser.add_argument("--version", action="version", version=f"notelint {__version__}")
    # prog given, as argparse would make it ("notelint": no positional argument comes before the command)
    # without a help formatter, which would ask the terminal its width.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser, prog=parser.prog)
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
    if sys.stdout is None:
        # Started with standard output closed (`>&-`): hold descriptor 1 open on /dev/null, so no file or
        # pipe the run opens lands there and receives the report.
        silence_stdout()
    command = next((a for a in argv if not a.startswith("-")), None)
    args = None
    if argv[:1] and argv[0] in QUICK_COMMANDS:  # the plain forms of the line a pre-commit hook runs: read without argparse
        args = quick_arguments(argv, importlib.import_module(f".{COMMAND_MODULE[command]}", __package__))
    if args is None:
        parser = build_parser(command)
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help(sys.stderr)
            return EXIT_ERROR
    completed = False
    try:
        check_output_is_not_an_input(args)
        code = args.handler(args)
        completed = True
        finish_output(args, completed=True)
        return code
    except (SourceError, UsageError, OutputError) as exc:
        print(f"notelint: {exc}" if isinstance(exc, UsageError) else str(exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # A reader that left while something other than the report was written (help, a warning).
        silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    finally:
        if not completed:
            finish_output(args, completed=False)


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
