#!/usr/bin/env python3
"""How fast notelint checks a corpus file, and in how much memory.

    python benchmarks/corpus_speed.py ../shared/eval/reuters/articles

Builds JSON Lines corpora in a temporary folder (never in the repository) from the article files given
(each record: an id, a publisher and one article's text, the articles repeated in turn to make up the
count), then runs the installed `notelint` next to this interpreter (or --notelint) and prints:

- records/s: `check` over --records records (default 20,000) with the local pool (-j --jobs), the least
  time of --repeat runs (default 5);
- peak RSS: the largest resident set of any one notelint process (the reader or a worker) and of all of
  them together, over a JSON Lines file of --big-mb megabytes (default 1,024);
- Dask against local: --dask-records records (default 100,000) checked on a dask.distributed LocalCluster
  of 2 single-threaded workers (`--engine dask --scheduler ADDRESS`) and on the local pool of 2 jobs, in
  --repeat alternating rounds (a fresh cluster each), the least time of each compared.

Every figure is printed with its command; nothing is asserted. The machine's CPU may be shared: run it
when it is quiet, or read the figures as lower bounds.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

GOALS = {"records_per_s": 8000, "peak_rss_mb": 150, "dask_over_local": 1.25}


def build_corpus(article_paths: list[str], path: str, *, records: int | None = None,
                 megabytes: float | None = None) -> int:
    """Write a JSON Lines corpus of `records` records, or of about `megabytes` MB; returns the record count."""
    texts = []
    for name in article_paths:
        with open(name, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    publishers = [f"outlet-{i:02d}.example" for i in range(20)]
    limit = megabytes * 1024 * 1024 if megabytes else None
    written = count = 0
    with open(path, "w", encoding="utf-8") as out:
        while (records is None or count < records) and (limit is None or written < limit):
            line = json.dumps({"id": f"r{count + 1}", "publisher": publishers[count % len(publishers)],
                               "text": texts[count % len(texts)]}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """(largest, total) resident set in KB of a process and its descendants, from /proc."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo.extend(int(p) for p in fh.read().split())
        except OSError:
            pass
    sizes = []
    for current in pids:
        try:
            with open(f"/proc/{current}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
        except OSError:
            pass
    return (max(sizes) if sizes else 0), sum(sizes)


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    children = [int(p) for p in fh.read().split()]
                    out.extend(children)
                    todo.extend(children)
        except OSError:
            pass
    return out


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU seconds the processes have used so far, from /proc (all their threads)."""
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def run(command: list[str], watch_memory: bool = False) -> tuple[float, int, int]:
    """Run a command to its end: (seconds, largest process RSS in KB, largest total RSS in KB). Also prints the
    CPU time it and its worker processes used: on a machine shared with other work, records per CPU second
    tells what the wall clock cannot."""
    print("$", " ".join(command), flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0, 0]

    def watch() -> None:
        while process.poll() is None:
            largest, total = _tree_rss_kb(process.pid)
            peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], total)
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True) if watch_memory else None
    if watcher:
        watcher.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    if watcher:
        watcher.join()
    if process.returncode not in (0, 1):
        sys.exit(f"failed ({process.returncode}): {err.decode(errors='replace')[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"  {seconds:.2f} s wall, {cpu:.2f} s CPU (this command and the worker processes it waited for)")
    run.last_cpu = cpu
    return seconds, peaks[0], peaks[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", help="a folder of article files (.txt) to make records of")
    parser.add_argument("--notelint", default=os.path.join(os.path.dirname(sys.executable), "notelint"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--big-mb", type=float, default=1024)
    parser.add_argument("--dask-records", type=int, default=100_000)
    parser.add_argument("--skip", action="append", default=[], choices=("speed", "memory", "dask"))
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of the records/s check, and alternating rounds of local and Dask (the least of "
                             "each is used: on a shared machine a slow spell can outlast a run; the local pool "
                             "alone took 9.4 to 11.6 s in three rounds of one run)")
    parser.add_argument("--workdir", default=None, help="where the corpora are built (default: a temp dir)")
    args = parser.parse_args()

    articles = sorted(glob.glob(os.path.join(args.articles, "*.txt")))
    if not articles:
        sys.exit(f"{args.articles}: no .txt articles")
    workdir = args.workdir or tempfile.mkdtemp(prefix="notelint-corpus-speed-")
    os.makedirs(workdir, exist_ok=True)
    check = [args.notelint, "check", "--no-cache", "--isolated", "--exit-zero", "--quiet", "--id-field", "id",
             "--meta-field", "publisher", "--output-format", "json-lines", "-o", os.devnull]
    print(f"articles: {len(articles)} files from {args.articles}; corpora in {workdir}; "
          f"{os.cpu_count()} CPUs (shared: figures are lower bounds when others run)")

    if "speed" not in args.skip:
        path = os.path.join(workdir, "speed.jsonl")
        count = build_corpus(articles, path, records=args.records)
        size = os.path.getsize(path)
        runs = []
        for _ in range(max(1, args.repeat)):
            seconds, _, _ = run(check + ["-j", str(args.jobs), path])
            runs.append((seconds, run.last_cpu))
        seconds, cpu = min(runs)
        print(f"records/s: {count / seconds:,.0f} ({count:,} records, {size / count / 1024:.1f} KB each, "
              f"{seconds:.2f} s, -j {args.jobs}, the least of {len(runs)} runs: "
              f"{', '.join(f'{s:.2f}' for s, _ in runs)} s; goal {GOALS['records_per_s']:,}); "
              f"{count / cpu:,.0f} records per CPU second")

    if "memory" not in args.skip:
        path = os.path.join(workdir, "big.jsonl")
        count = build_corpus(articles, path, megabytes=args.big_mb)
        size = os.path.getsize(path)
        seconds, largest, total = run(check + ["-j", str(args.jobs), path], watch_memory=True)
        print(f"peak RSS over {size / 1024 / 1024:,.0f} MB ({count:,} records, {seconds:.1f} s, "
              f"{count / seconds:,.0f} records/s): largest process {largest / 1024:.0f} MB, all processes "
              f"{total / 1024:.0f} MB (goal {GOALS['peak_rss_mb']} MB)")
        os.remove(path)

    if "dask" not in args.skip:
        from distributed import LocalCluster

        path = os.path.join(workdir, "dask.jsonl")
        count = build_corpus(articles, path, records=args.dask_records)
        locals_, dasks = [], []
        for _ in range(max(1, args.repeat)):  # alternating rounds, a fresh cluster each (its start not timed)
            local, _, _ = run(check + ["-j", "2", path])
            local_cpu = run.last_cpu
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                # The whole cluster's CPU, not only the client's: the scheduler runs in this process, the
                # nannies and workers in its child processes.
                cluster_pids = _descendants(os.getpid())
                own = resource.getrusage(resource.RUSAGE_SELF)
                cluster_before = _cpu_seconds(cluster_pids)
                dask, _, _ = run(check + ["--engine", "dask", "--scheduler", cluster.scheduler_address, path])
                workers = _cpu_seconds(cluster_pids) - cluster_before
                after = resource.getrusage(resource.RUSAGE_SELF)
                scheduler = (after.ru_utime - own.ru_utime) + (after.ru_stime - own.ru_stime)
            total = run.last_cpu + workers + scheduler
            print(f"  round {len(locals_) + 1}: Dask {dask:.1f} s, local -j 2 {local:.1f} s ({dask / local:.2f}x); "
                  f"Dask CPU {total:.1f} s in all: client {run.last_cpu:.1f} s, scheduler (and this script's "
                  f"watching) {scheduler:.1f} s, nannies and workers {workers:.1f} s; local -j 2: {local_cpu:.1f} s "
                  f"({total / local_cpu:.2f}x the CPU)")
            locals_.append(local)
            dasks.append(dask)
        print(f"Dask LocalCluster (2 workers) {min(dasks):.1f} s against local -j 2 {min(locals_):.1f} s on "
              f"{count:,} records, the least of {len(dasks)} alternating rounds each: "
              f"{min(dasks) / min(locals_):.2f}x (goal within {GOALS['dask_over_local']:.2f}x)")
        os.remove(path)


if __name__ == "__main__":
    main()
