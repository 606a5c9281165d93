"""A progress bar on standard error for long corpus runs: records read, records per second, and the time
left (from the bytes of the file read so far, or a Parquet file's rows). Shown only when standard error
is a terminal, the run is not --quiet, and it has gone on for over a second (a short run shows nothing)."""
from __future__ import annotations

import argparse
import sys
import time
from typing import Any

# A run shorter than this never shows a bar: it would flash and vanish.
SHOW_AFTER_SECONDS = 1.0


class Progress:
    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.records = 0
        self.file: Any = None  # the RecordStream being read
        self.bar: Any = None  # the rich Progress, once shown
        self.task: Any = None

    @classmethod
    def for_run(cls, args: argparse.Namespace, stream=None) -> "Progress | None":
        stream = stream or sys.stderr
        if getattr(args, "quiet", False) or not (hasattr(stream, "isatty") and stream.isatty()):
            return None
        return cls(stream)

    def start_file(self, records) -> None:
        """`records`: a RecordStream (its `done`, `total` and `path`)."""
        self.file = records
        if self.bar is not None:
            self.bar.reset(self.task, total=records.total, description=records.path)

    def advance(self, count: int) -> None:
        self.records += count
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER_SECONDS:
                return
            self._show()
        self.bar.update(self.task, completed=self.file.done if self.file else 0, records=self.records)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        started = self.started

        class RateColumn(TextColumn):
            def render(self, task):
                elapsed = time.monotonic() - started
                rate = task.fields.get("records", 0) / elapsed if elapsed > 0 else 0
                return super().render(task).__class__(f"{task.fields.get('records', 0):,} records, {rate:,.0f}/s")

        self.bar = Bar(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                       RateColumn(""), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                       console=Console(file=self.stream), transient=True)
        self.bar.start()
        self.task = self.bar.add_task(self.file.path if self.file else "", total=self.file.total if self.file else None,
                                      records=self.records)

    def console_print(self, line: str) -> None:
        """A line on standard error that does not tear the bar."""
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=self.stream)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
