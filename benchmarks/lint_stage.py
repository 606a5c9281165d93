#!/usr/bin/env python3
"""What the rules cost on one file, apart from parsing: the first document a process lints (which pays for
compiling the patterns the rules use, once per run) against the same document linted again (the rules'
own work). CPU time of fresh processes, best of --runs; the cyclic collector is paused, as `check` pauses
it while it lints.

    python benchmarks/lint_stage.py FILE [FILE ...] [--runs 7]

`check` on a big file pays the first figure; the difference between the two is work that linting the
same document again does not redo: compiling patterns (once per process), and the document's own line
index (once per document). The files are the caller's (for instance the 1 MB wire
and dense files that benchmarks/check_speed.py builds with --keep); nothing is copied here. Every figure
is printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time


def measure(path: str, again: int) -> dict:
    """In this process: parse, lint once (cold), lint `again` more times (warm, best)."""
    from notelint.linting import config, engine
    from notelint.parsing.document import build_document
    from notelint.reading.formats import read_source

    gc.disable()
    settings = config.load_settings(path)
    with open(path, "rb") as fh:
        data = fh.read()
    start = time.process_time()
    doc = build_document(read_source(path, data=data), **engine.parser_options(settings))
    parsed = time.process_time()
    findings = engine.lint_document(doc, settings)
    cold = time.process_time() - parsed
    warm = []
    for _ in range(again):
        before = time.process_time()
        engine.lint_document(doc, settings)
        warm.append(time.process_time() - before)
    return {"parse": parsed - start, "cold": cold, "warm": min(warm), "findings": len(findings)}


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--one"]:  # a fresh process's own measurement
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per file (best reported)")
    parser.add_argument("--again", type=int, default=3, help="warm lints per process")
    args = parser.parse_args(argv)
    not_files = [path for path in args.files if not os.path.isfile(path)]
    if not_files:
        parser.error(f"not a file: {not_files[0]} (give article files, e.g. the 1 MB ones check_speed.py --keep writes)")
    for path in args.files:
        runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", path, str(args.again)],
                                          capture_output=True, text=True, check=True).stdout)
                for _ in range(args.runs)]
        best = {key: min(run[key] for run in runs) for key in ("parse", "cold", "warm")}
        print(f"{path}: parse {best['parse'] * 1000:.1f} ms; lint first {best['cold'] * 1000:.1f} ms, again "
              f"{best['warm'] * 1000:.1f} ms (one-time {(best['cold'] - best['warm']) * 1000:.1f} ms); "
              f"{runs[0]['findings']} findings; CPU, best of {args.runs} processes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
