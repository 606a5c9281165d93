#!/usr/bin/env python3
"""What compiling regular expressions costs notelint: each parsing pattern on its own, and all of them
during one `check`.

    python benchmarks/pattern_compile.py                        # every parsing pattern, costliest first
    python benchmarks/pattern_compile.py FILE [FILE ...]        # and the compiles of `check --no-cache FILE`

Each pattern is compiled with the engine it is defined for (re or regex), both engines' caches purged
before every try; the least of --repeat tries is printed. For each FILE, `notelint check --no-cache
--jobs 1` runs in a fresh interpreter (--repeat times; the run with the least compile time is reported)
with re's and regex's compile functions timed: a pattern compiles there only if the run uses it. Run it
with the interpreter notelint is installed for. Every figure is printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import time


def pattern_costs(repeat: int) -> list[tuple[float, str, str]]:
    """(least seconds, engine, module.NAME) of every pattern defined in notelint.parsing."""
    import regex

    import notelint.parsing
    from notelint.lazy_pattern import LazyPattern
    from notelint.parsing.wire import WireNames

    def least(compile_function, args) -> float:
        best = float("inf")
        for _ in range(repeat):
            re.purge()
            regex.purge()
            start = time.perf_counter()
            compile_function(*args)
            best = min(best, time.perf_counter() - start)
        return best

    found: dict[int, tuple[str, object, tuple]] = {}  # by identity: an alias is one pattern
    for info in pkgutil.iter_modules(notelint.parsing.__path__):
        module = importlib.import_module(f"notelint.parsing.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                found.setdefault(id(value), (f"{info.name}.{name}", *value._compile_args))
            elif isinstance(value, re.Pattern):
                found.setdefault(id(value), (f"{info.name}.{name}", re.compile, (value.pattern, value.flags)))
            elif isinstance(value, regex.Pattern):
                found.setdefault(id(value), (f"{info.name}.{name}", regex.compile, (value.pattern, value.flags)))
    wire = WireNames()
    for name, value in vars(wire).items():
        if isinstance(value, LazyPattern):
            found[id(value)] = (f"wire.WireNames.{name}", *value._compile_args)
    found[0] = ("wire.WireNames.dateline", regex.compile, (wire._dateline_pattern, regex.V0))
    rows = [(least(function, args), "regex" if function is regex.compile else "re", label)
            for label, function, args in found.values()]
    return sorted(rows, reverse=True)


def one_check(path: str) -> None:
    """Run `check --no-cache` on path in this interpreter; print the compiles as JSON."""
    import regex._main as regex_main
    import re._compiler as re_compiler

    log = []

    def timed(function, engine):
        def wrapper(pattern, *args):
            start = time.perf_counter()
            result = function(pattern, *args)
            log.append((time.perf_counter() - start, engine, str(pattern)[:70]))
            return result
        return wrapper

    re_compiler.compile = timed(re_compiler.compile, "re")  # re's cache misses only
    regex_main._compile = timed(regex_main._compile, "regex")
    sys.argv = ["notelint", "check", "--no-cache", "--jobs", "1", "--output-format", "concise", path]
    import contextlib
    import io

    main = importlib.import_module("notelint.cli.main")
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main.main()
        except SystemExit:
            pass
    print(json.dumps(log))


def main() -> int:
    if sys.argv[1:2] == ["--one-check"]:
        one_check(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=25, help="patterns listed")
    args = parser.parse_args()

    rows = pattern_costs(args.repeat)
    print(f"## Every parsing pattern compiled on its own (least of {args.repeat}): "
          f"{sum(r[0] for r in rows) * 1000:.1f} ms for {len(rows)} patterns")
    for seconds, engine, label in rows[:args.top]:
        print(f"{seconds * 1000:7.2f} ms  {engine:5s}  {label}")
    for path in args.files:
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, __file__, "--one-check", path], capture_output=True, text=True,
                                 check=True).stdout
            runs.append(json.loads(out))
        log = min(runs, key=lambda run: sum(entry[0] for entry in run))
        engines = {engine: sum(s for s, e, _ in log if e == engine) for engine in ("re", "regex")}
        print(f"\n## check --no-cache {path}: {sum(engines.values()) * 1000:.1f} ms compiling {len(log)} patterns "
              f"(re {engines['re'] * 1000:.1f} ms, regex {engines['regex'] * 1000:.1f} ms; least of {args.repeat} runs)")
        for seconds, engine, text in sorted(log, reverse=True)[:args.top // 2]:
            print(f"{seconds * 1000:7.2f} ms  {engine:5s}  {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
