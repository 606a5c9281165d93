#!/usr/bin/env python3
"""Does notelint's own fork pool (runner/workers.py) beat the standard library's? An A/B on a check of many
articles with --jobs 2, the two pools taking turns, each run a fresh `notelint check` process:

- A: the runner as shipped: this process and N-1 forked workers taking chunks from a shared counter,
  started before the folder walk and warmed up while it runs;
- B: multiprocessing's fork-context Pool (imap_unordered over the same chunks), forked after the walk
  from a warmed-up parent.

    python benchmarks/pool_ab.py ../shared/eval/reuters/articles --runs 5

The articles are built as benchmarks/check_speed.py builds them (20,000 by default, in a temporary
folder). Prints every run's time and the medians; nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from check_speed import build_articles, load_stories  # noqa: E402

# Run inside the timed process: B replaces the runner's pool by multiprocessing.Pool before main() runs.
_STDLIB_POOL = """
from notelint.runner import workers

def _stdlib_pool(todo, jobs, options, lint, for_cache, _workers):
    tasks = [(lint, settings, options, chunk, for_cache)
             for settings, items in todo.values() for chunk in workers._chunks(items, jobs)]
    workers._warm_up(next(iter(todo.values()))[0], lint)  # forked workers inherit it, as in A
    with workers._pool_context().Pool(min(jobs, len(tasks)), initializer=workers._ignore_interrupts) as pool:
        return [row for rows in pool.imap_unordered(workers._run_task, tasks) for row in rows]

workers.start_workers = lambda jobs, settings: None
workers._lint_in_pool = _stdlib_pool
"""
_RUN = "import sys\n{patch}\nfrom notelint.cli.main import main\nsys.exit(main(sys.argv[1:]))\n"


def run_once(variant: str, folder: str, jobs: int) -> float:
    code = _RUN.format(patch=_STDLIB_POOL if variant == "B" else "")
    cmd = [sys.executable, "-c", code, "check", "--no-cache", "--exit-zero", "-q", "--output-format", "concise",
           "-j", str(jobs), folder]
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{variant} failed: {done.stderr.strip()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="?", help="a folder of real articles to build from (default: synthetic)")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each pool (default 5)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="notelint-pool-ab-") as work:
        folder = os.path.join(work, "articles")
        os.makedirs(folder)
        build_articles(load_stories(args.stories), folder, args.files, random.Random(7))
        times: dict[str, list[float]] = {"A": [], "B": []}
        for _ in range(args.runs):
            for variant in ("A", "B"):  # taking turns, so a slower hour weighs on both alike
                times[variant].append(run_once(variant, folder, args.jobs))
                print(f"{variant}: {times[variant][-1]:.2f} s", flush=True)
        for variant, label in (("A", "notelint's fork pool"), ("B", "multiprocessing.Pool (fork)")):
            runs = ", ".join(f"{t:.2f}" for t in times[variant])
            print(f"{label}: median {statistics.median(times[variant]):.2f} s "
                  f"({args.files / statistics.median(times[variant]):,.0f} files/s; runs {runs})")
        ratio = statistics.median(times["B"]) / statistics.median(times["A"])
        print(f"multiprocessing.Pool / own pool: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
