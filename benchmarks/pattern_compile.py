#!/usr/bin/env python3
"""What compiling regular expressions costs notelint: each pattern on its own, and the patterns one `check`
compiles, by the module and name that define them.

    python benchmarks/pattern_compile.py                        # every pattern, costliest first
    python benchmarks/pattern_compile.py FILE [FILE ...]        # and the compiles of `check --no-cache FILE`

Each pattern is compiled with the engine it is defined for (re or regex), both engines' caches purged
before every try; the least of --repeat tries is printed. The patterns are the module-level ones of every
notelint module (compiled or LazyPattern), the wire-service names', and the shipped rule packs' own
(NL203's and the like, compiled by the regex module when their rule first runs).

For each FILE, `notelint check --no-cache --jobs 1 --output-format concise` runs in a fresh interpreter
with re's and regex's compile functions wrapped to note what they compile: a pattern compiles there only
if the run uses it. Each one noted is then compiled on its own as above, so the figures do not move with
the load on the machine as timing the run itself would, and listed with its name (or its text, for one
built at run time), with totals by module. Run it with the interpreter notelint is installed for. Every
figure is printed; nothing is asserted.
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
from collections import defaultdict


def least_compile(engine: str, pattern: str, flags: int, repeat: int) -> float:
    """Least seconds of `repeat` compiles of one pattern, both engines' caches purged before each."""
    import regex

    compile_function = regex.compile if engine == "regex" else re.compile
    best = float("inf")
    for _ in range(repeat):
        re.purge()
        regex.purge()
        start = time.perf_counter()
        compile_function(pattern, flags)
        best = min(best, time.perf_counter() - start)
    return best


def defined_patterns() -> dict[tuple[str, str, int], str]:
    """(engine, pattern text, flags) -> module.NAME, for every pattern notelint defines at module level."""
    import regex

    import notelint
    from notelint.lazy_pattern import DualPattern, LazyPattern
    from notelint.linting.config import load_settings
    from notelint.linting.rules import load_rules
    from notelint.parsing.wire import WireNames

    names: dict[tuple[str, str, int], str] = {}

    def note(label: str, value) -> None:
        if isinstance(value, DualPattern):  # both forms: a text of other characters compiles the regex one
            note(label, value._re)
            note(label + " (regex)", value._regex)
            return
        if isinstance(value, LazyPattern):  # re.compile, regex.compile, or a function building the pattern
            function, args = value._compile_args
            value = function(*args)
        if isinstance(value, re.Pattern):
            names.setdefault(("re", value.pattern, value.flags & ~re.UNICODE), label)
        elif isinstance(value, regex.Pattern):
            names.setdefault(("regex", value.pattern, value.flags), label)

    for info in pkgutil.walk_packages(notelint.__path__, "notelint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            note(f"{info.name.removeprefix('notelint.')}.{name}", value)
    wire = WireNames()
    for name, value in vars(wire).items():
        note(f"parsing.wire.WireNames.{name}", value)
    note("parsing.wire.WireNames.dateline", regex.compile(wire._dateline_pattern, regex.V0))
    for rule in load_rules(load_settings(None).extend):
        for index, pattern in enumerate(rule.patterns):
            compiled = pattern.compiled
            names.setdefault(("regex", compiled.pattern, compiled.flags), f"{rule.code}.patterns[{index}]")
    return names


def pattern_costs(repeat: int) -> list[tuple[float, str, str]]:
    """(least seconds, engine, module.NAME) of every pattern notelint defines."""
    return sorted(((least_compile(engine, pattern, flags, repeat), engine, label)
                   for (engine, pattern, flags), label in defined_patterns().items()), reverse=True)


def one_check(path: str) -> None:
    """Run `check --no-cache` on path in this interpreter; print what it compiled as JSON."""
    import regex._main as regex_main
    import re._compiler as re_compiler

    log = []

    def noted(function, engine):
        def wrapper(pattern, flags=0, *args):
            result = function(pattern, flags, *args)
            if isinstance(pattern, str):  # re compiles the parsed form too; the text is what is cached
                log.append((engine, pattern, result.flags if engine == "regex" else flags))
            return result
        return wrapper

    re_compiler.compile = noted(re_compiler.compile, "re")  # re's cache misses only
    regex_main._compile = noted(regex_main._compile, "regex")
    # Patterns notelint compiles through its kept code (compiled_patterns) are all compiled afresh here, and
    # noted: what a run compiles when no code was kept (its first, or one that may keep none).
    from notelint import compiled_patterns

    compiled_patterns._entries = {}
    compiled_patterns._compile_args = noted(compiled_patterns._compile_args, "re")
    sys.dont_write_bytecode = True  # and nothing is kept from it
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


def check_compiles(path: str, repeat: int, top: int, names: dict) -> None:
    out = subprocess.run([sys.executable, __file__, "--one-check", path], capture_output=True, text=True,
                         check=True).stdout
    seen = []
    for engine, pattern, flags in json.loads(out):
        if (engine, pattern, flags) not in seen:
            seen.append((engine, pattern, flags))
    rows = []
    for engine, pattern, flags in seen:
        label = names.get((engine, pattern, flags & ~re.UNICODE if engine == "re" else flags))
        rows.append((least_compile(engine, pattern, flags, repeat), engine, label or repr(pattern[:60])))
    by_module: dict[str, list[float]] = defaultdict(list)
    for seconds, engine, label in rows:
        module = label.rsplit(".", 1)[0] if not label.startswith("'") else "(built at run time)"
        by_module[f"{module} ({engine})"].append(seconds)
    total = sum(r[0] for r in rows)
    print(f"\n## check --no-cache {path}: {len(rows)} patterns compiled, {total * 1000:.1f} ms "
          f"compiled on their own (least of {repeat} each)")
    for module, costs in sorted(by_module.items(), key=lambda kv: -sum(kv[1])):
        print(f"{sum(costs) * 1000:7.2f} ms  {len(costs):3d}  {module}")
    print("costliest:")
    for seconds, engine, label in sorted(rows, reverse=True)[:top]:
        print(f"{seconds * 1000:7.2f} ms  {engine:5s}  {label}")


def main() -> int:
    if sys.argv[1:2] == ["--one-check"]:
        one_check(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--top", type=int, default=25, help="patterns listed")
    args = parser.parse_args()

    names = defined_patterns()
    if not args.files:
        rows = pattern_costs(args.repeat)
        print(f"## Every pattern compiled on its own (least of {args.repeat}): "
              f"{sum(r[0] for r in rows) * 1000:.1f} ms for {len(rows)} patterns")
        for seconds, engine, label in rows[:args.top]:
            print(f"{seconds * 1000:7.2f} ms  {engine:5s}  {label}")
    for path in args.files:
        check_compiles(path, args.repeat, args.top, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
