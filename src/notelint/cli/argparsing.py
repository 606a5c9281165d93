"""notelint's argparse parser class: usage errors in one line, and no terminal query while options are added.
Imported only when a command line is read by argparse (see quick.py for the line read without it)."""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_ERROR


class Parser(argparse.ArgumentParser):
    _adding = False

    def error(self, message: str) -> None:  # argparse exits 2 too; keep its one-line form
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"notelint: error: {message}\n")

    def add_argument(self, *args, **kwargs):
        # argparse makes a help formatter for every argument added, only to check the argument's metavar;
        # a formatter made without a width asks the terminal for one, which imports shutil (with zlib,
        # bz2 and lzma: ~3 ms of every start-up). The width plays no part in that check; help and usage,
        # when printed, are still laid out for the terminal.
        self._adding = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._adding = False

    def _get_formatter(self):
        if self._adding:
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()
