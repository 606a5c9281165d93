#!/usr/bin/env python3
"""Peak memory of `notelint check --no-cache` on one 20 MB article, against the target and a bare interpreter.

    python benchmarks/memory.py ../shared/eval/reuters/articles      # real wire copy (not copied here)
    python benchmarks/memory.py                                      # synthetic wire copy instead

The article is one headline followed by wire paragraphs (the stories split as check_speed.py splits them)
until it reaches --mb megabytes; it is written to a temporary directory. Each run is a subprocess of the
interpreter running this script (`python -m notelint`, so the notelint installed for it), and its peak
resident set size is what the kernel reports for it when it is reaped (os.wait4: the process and any
worker it forked). In the same run, a bare `python -c pass` of the same interpreter and a check of a
one-paragraph article give two floors: net of the first is what notelint costs, net of the second what
the input costs (per MB of it). Every figure is printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from check_speed import BYTECODE_ENV, load_stories  # noqa: E402

TARGET_MB, GOAL_MB = 100, 60


def build_article(stories, path: str, size: int) -> int:
    """One article of about `size` bytes: a headline, then the stories' paragraphs, blank-line separated."""
    parts = [stories[0][0]]
    total, i = 0, 0
    while total < size:
        for p in stories[i % len(stories)][1]:
            parts.append(p)
            total += len(p.encode()) + 2
        i += 1
    data = ("\n\n".join(parts) + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)


# Started by a fresh interpreter, not by this script: the kernel carries the peak of the process that
# execs a command over into the command's own (Linux keeps the larger across exec), and this script holds
# the stories it built the article from. The launcher is as small as a bare interpreter, and it is what
# each figure is measured through, the bare interpreter's included.
LAUNCHER = """
import os, sys
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


# Run by `--stages` as `python -c STAGES path notelint-arguments...`: the check as the command line runs it,
# with the resident set (now and at its peak so far) printed after each stage; then the parts of the peak
# measured apart (sizes by sys.getsizeof, after the run, on a document built again).
STAGES = r"""
import sys

def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return [int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")]

def report(stage):
    now, peak = rss()
    print(f"  {stage:34s} {now:7.1f} {peak:7.1f}", file=sys.stderr)

report("interpreter started")
from notelint.cli.main import main
from notelint.linting import engine
from notelint.runner import workers
report("notelint imported")

originals = {}

def after(module, name, stage):
    inner = originals[name] = getattr(module, name)
    def wrapped(*args, **kwargs):
        result = inner(*args, **kwargs)
        report(stage)
        return result
    setattr(module, name, wrapped)

after(workers, "read_bytes_and_stat", "file read (bytes)")
after(workers, "read_source", "decoded (text; bytes let go next)")
after(engine, "build_document", "document built (compact)")
after(engine, "lint_document", "linted (findings)")
path, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["notelint"] + argv
try:
    main()
except SystemExit:
    pass
report("reported (at exit)")

from notelint.linting.config import load_settings
from notelint.parsing.model import NO_ATTRS, NO_CHILDREN
from notelint.reading.formats import read_source
source = read_source(path, None, 0)
doc = originals["build_document"](source, compact=True, **engine.parser_options(load_settings(None, {"isolated": True})))
sizes, seen = {"spans": 0, "offsets": 0, "children lists": 0, "fields": 0}, set()
def add(part, obj):
    if id(obj) not in seen:
        seen.add(id(obj))
        sizes[part] += sys.getsizeof(obj)
count = 0
for span in doc.walk():
    count += 1
    add("spans", span)
    add("offsets", span.start)
    add("offsets", span.end)
    if span.children is not NO_CHILDREN:
        add("children lists", span.children)
    if span.attrs is not NO_ATTRS:
        add("fields", span.attrs)
        for value in span.attrs.values():
            add("fields", value)
add("children lists", doc.spans)
text = sys.getsizeof(source.text)
print(f"  text: {text / 1e6:.1f} MB ({len(source.text):,} characters, {(text - sys.getsizeof('')) / len(source.text):.0f} "
      f"byte(s) each); spans: {count:,}, {sum(sizes.values()) / 1e6:.1f} MB ("
      + ", ".join(f"{part} {size / 1e6:.1f}" for part, size in sizes.items()) + ")", file=sys.stderr)
"""


def print_stages(path: str, args: list[str]) -> None:
    """Where the peak of one check comes from: the resident set after each stage, and the text and span
    tree's sizes."""
    proc = subprocess.run([sys.executable, "-c", STAGES, path] + args, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=BYTECODE_ENV, text=True)
    if proc.returncode != 0 or "Traceback" in proc.stderr:
        sys.exit(f"--stages failed:\n{proc.stderr[-2000:]}")
    print(f"\none check --no-cache -j 1, stage by stage (MB; resident now, peak so far):")
    print(proc.stderr.rstrip())


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak RSS of `cmd` and the processes it forked and reaped, in MB (Linux reports KiB)."""
    # Bytecode cached as a user's install has it (this environment may forbid writing it: see check_speed.py).
    proc = subprocess.run([sys.executable, "-c", LAUNCHER] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=BYTECODE_ENV)
    out, err = proc.stdout.split(), proc.stderr
    code = int(out[-2]) if len(out) >= 2 else proc.returncode
    if code not in (0, 1) or b"Traceback" in err:
        sys.exit(f"{' '.join(cmd[:6])} … exited {code}:\n{err.decode(errors='replace')[-2000:]}")
    scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes
    return int(out[-1]) * scale / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", help="folder of real articles (e.g. ../shared/eval/reuters/articles)")
    parser.add_argument("--mb", type=float, default=20, help="size of the article (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (lowest peak reported)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--stages", action="store_true",
                        help="also show the resident set after each stage of one check, and the text and span tree's sizes")
    args = parser.parse_args(argv)

    work = tempfile.mkdtemp(prefix="notelint-memory-")
    try:
        stories = load_stories(args.articles)
        path = os.path.join(work, "article.txt")
        size = build_article(stories, path, int(args.mb * 1e6))
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        wide = sum(1 for c in set(text) if ord(c) > 0xFF)
        print(f"article: {size / 1e6:.1f} MB, {len(text):,} characters ({'real' if args.articles else 'synthetic'} "
              f"wire copy; {wide} distinct characters beyond Latin-1), {text.count(chr(10) * 2):,} blank lines")
        del text

        python = sys.executable
        notelint = [python, "-m", "notelint", "check", "--no-cache", "--max-file-size", str(size + 1),
                    "--exit-zero"]
        small = os.path.join(work, "small.txt")
        with open(small, "w", encoding="utf-8") as fh:
            fh.write(f"{stories[0][0]}\n\n{stories[0][1][0]}\n")
        commands = [
            ("bare python -c pass", [python, "-c", "pass"]),
            ("check of a small article", notelint + [small]),
            ("check --no-cache", notelint + [path]),
            ("check --no-cache -j 1", notelint + ["-j", "1", path]),
            ("check --no-cache -j 2", notelint + ["-j", "2", path]),
        ]
        peak_rss_mb(commands[1][1])  # writes the bytecode cache
        peaks: dict[str, list[float]] = {name: [] for name, _ in commands}
        for _ in range(args.repeat):  # taking turns, so a change on the machine meanwhile touches every command
            for name, cmd in commands:
                peaks[name].append(peak_rss_mb(cmd))
        bare = min(peaks["bare python -c pass"])
        floor = min(peaks["check of a small article"])  # notelint's own: imports, rules, patterns
        print(f"\npeak RSS, lowest of {args.repeat} (MB; target {TARGET_MB}, goal {GOAL_MB}):")
        for name, _ in commands:
            peak = min(peaks[name])
            line = f"  {name:24s} {peak:7.1f}"
            if name.startswith("check --no-cache"):
                per_mb = (peak - floor) / (size / 1e6)
                line += (f"   net of bare python {peak - bare:6.1f}, of the small article {peak - floor:6.1f} "
                         f"({per_mb:.2f} MB per MB of input)   {peak / TARGET_MB:.2f}x target, {peak / GOAL_MB:.2f}x goal")
            print(line)
        if args.stages:
            print_stages(path, notelint[3:] + ["-j", "1", path])
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
