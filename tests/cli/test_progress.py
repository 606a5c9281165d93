"""The corpus progress bar: on a terminal's standard error only, not with --quiet, and only for long runs."""
from __future__ import annotations

import argparse
import io

from notelint.cli import progress as progress_module
from notelint.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Stream:
    path, done, total = "c.jsonl", 0, 1000


def test_shown_only_on_a_terminal_without_quiet():
    assert Progress.for_run(argparse.Namespace(quiet=False), io.StringIO()) is None
    assert Progress.for_run(argparse.Namespace(quiet=True), Terminal()) is None
    assert Progress.for_run(argparse.Namespace(quiet=False), Terminal()) is not None


def test_a_long_run_shows_records_and_rate(monkeypatch):
    terminal = Terminal()
    bar = Progress.for_run(argparse.Namespace(quiet=False), terminal)
    stream = Stream()
    bar.start_file(stream)
    bar.advance(10)
    assert bar.bar is None  # under a second: nothing shown yet
    monkeypatch.setattr(progress_module, "SHOW_AFTER_SECONDS", 0.0)
    stream.done = 500
    bar.advance(10)
    bar.bar.refresh()
    bar.stop()
    shown = terminal.getvalue()
    assert "c.jsonl" in shown and "20 records" in shown and "50%" in shown
