#!/usr/bin/env python3
"""How fast `notelint check` is: start-up on one file, files per second over 20,000 articles on 1 and 2
workers, a second run from the cache, and the same 1 MB article against proselint.

    python benchmarks/check_speed.py ../shared/eval/reuters/articles      # real wire copy (not copied here)
    python benchmarks/check_speed.py                                      # synthetic wire copy instead

The article files (2-8 KB each, paragraphs of two or three sentences, as wire copy is laid out; one in
twenty carries a bracketed editorial insertion, so the rules have something to report) are built in a
temporary directory. notelint is timed as a user runs it: installed by pip (not editable) from this
checkout into the benchmark's own virtual environment (`--notelint-venv`; `--use-installed` times the
notelint next to this interpreter instead), so neither a development install's import hook nor the
.pth files of the interpreter's own site-packages are in its start-up. proselint is installed into
another (`--venv`). Both default under the system temp dir; pip needs the package index the first time.
Every figure is printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GOALS = {"startup_ms": 150, "files_per_s_1": 4000, "files_per_s_2": 8000, "proselint_ratio": 25}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|(?<=[.!?][”\"])\s+(?=[A-Z“\"])")
INSERTIONS = [
    " [as if anyone still believes a word of this]",
    " [you would think they had learned by now]",
    " [read: the same people who caused the crisis]",
]
SYNTHETIC_SENTENCES = [
    "The central bank held interest rates steady on Thursday, citing slowing inflation and a weaker labour market.",
    "“We remain data dependent,” the bank's governor told reporters after the two-day meeting.",
    "Officials said the decision was unanimous, according to a statement released after markets closed.",
    "The currency fell 0.4 percent against the dollar in late trading, while government bond yields edged lower.",
    "Analysts polled by Reuters had expected the bank to leave rates unchanged until at least the third quarter.",
    "The ministry did not respond to a request for comment on Friday.",
    "Protesters gathered outside parliament for a third day, police said, and several roads remained closed.",
    "“This is not the end of the process,” said a senior official who asked not to be named.",
]


REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The interpreter notelint runs under and its console script (what pre-commit runs); set by main().
PYTHON = sys.executable
NOTELINT = [sys.executable, "-m", "notelint"]


def installed_command(python: str) -> list[str]:
    """The console script next to `python`, else `python -m notelint`."""
    script = os.path.join(os.path.dirname(python), "notelint")
    return [script] if os.path.exists(script) else [python, "-m", "notelint"]


def install_notelint(venv: str) -> str:
    """Install this checkout into `venv` as `pip install` does for a user; returns the venv's python.
    Reinstalled on every run, so the figures are those of the code checked out now."""
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        print(f"installing notelint and its dependencies into {venv} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", REPOSITORY], check=True)
    else:
        subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", REPOSITORY],
                       check=True)
    return python


def wire_paragraphs(text: str) -> list[str]:
    """Split a one-paragraph story into paragraphs of two or three sentences.

    A paragraph never ends inside a quotation: wire copy closes a quotation before the paragraph ends
    (or reopens it in the next one), and a split quotation would be a malformed article that draws
    findings real copy does not."""
    sentences = SENTENCE_END.split(text.strip())
    out, current = [], []
    for sentence in sentences:
        current.append(sentence)
        joined = " ".join(current)
        balanced = joined.count("“") == joined.count("”") and joined.count('"') % 2 == 0
        if len(current) >= 2 + (len(out) % 2) and balanced:
            out.append(joined)
            current = []
    if current:
        out.append(" ".join(current))
    return [p for p in out if p]


def load_stories(folder: str | None) -> list[tuple[str, list[str]]]:
    if folder:
        stories = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    title, _, body = fh.read().partition("\n\n")
                paragraphs = wire_paragraphs(body)
                if paragraphs:
                    stories.append((title.strip(), paragraphs))
        return stories
    rng = random.Random(7)
    stories = []
    for i in range(500):
        sentences = [rng.choice(SYNTHETIC_SENTENCES) for _ in range(rng.randint(12, 40))]
        stories.append((f"Markets steady as bank holds rates, story {i}", wire_paragraphs(" ".join(sentences))))
    return stories


def build_articles(stories, folder: str, count: int, rng: random.Random) -> tuple[int, int]:
    """`count` files of 2-8 KB; returns (total bytes, files carrying an insertion)."""
    os.makedirs(folder, exist_ok=True)
    total = with_insertion = 0
    cursor = 0
    for i in range(count):
        target = rng.randint(2048, 8192)
        title, paragraphs = stories[cursor % len(stories)]
        cursor += 1
        parts = [title]
        size = len(title.encode()) + 2
        queue = list(paragraphs)
        while True:
            if not queue:  # a short story: continue with the next one, as a wire roundup does
                queue = list(stories[cursor % len(stories)][1])
                cursor += 1
            p = queue.pop(0)
            if size + len(p.encode()) + 2 > target and size >= 2048:
                break
            parts.append(p)
            size += len(p.encode()) + 2
        if i % 20 == 7:
            where = 1 + rng.randrange(len(parts) - 1)
            parts[where] = parts[where] + rng.choice(INSERTIONS)
            with_insertion += 1
        data = ("\n\n".join(parts) + "\n").encode("utf-8")[:8192]
        with open(os.path.join(folder, f"article-{i:05d}.txt"), "wb") as fh:
            fh.write(data)
        total += len(data)
    return total, with_insertion


# Python's default caches each module's bytecode on first import (and pip compiles it at install), so
# that is what a user runs. This environment may set PYTHONDONTWRITEBYTECODE, which makes every run
# recompile notelint's own modules (~50 ms): every run is timed without it, and start-up is also measured
# with it and reported apart.
BYTECODE_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=BYTECODE_ENV if env is None else env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    # 1 means findings, but also an uncaught exception: a traceback is a failed run, not a fast one.
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        sys.exit(f"{' '.join(cmd[:4])} … exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return elapsed, proc


def measure_startup(work: str, repeat: int) -> dict:
    small = os.path.join(work, "small.txt")
    with open(small, "w", encoding="utf-8") as fh:
        fh.write("Bank holds rates\n\nLONDON (Reuters) - The Bank of England held rates on Thursday, it said.\n")
    cmd = NOTELINT
    timed(cmd + ["check", "--no-cache", small])  # writes the bytecode cache
    baseline, baseline_cpus, runs, cpus = [], [], [], []
    for _ in range(repeat):  # taking turns with bare Python, so a busy spell on the machine slows both
        cpu_before = children_cpu()
        baseline.append(timed([PYTHON, "-c", "pass"])[0])
        baseline_cpus.append(children_cpu() - cpu_before)
        cpu_before = children_cpu()
        runs.append(timed(cmd + ["check", "--no-cache", small])[0])
        cpus.append(children_cpu() - cpu_before)
    no_bytecode = None
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        no_bytecode = statistics.median(timed(cmd + ["check", "--no-cache", small], env=dict(os.environ))[0]
                                        for _ in range(repeat))
    cached = [timed(cmd + ["check", small], cwd=work)[0] for _ in range(repeat)]
    first = []  # runs with no compiled pattern code kept (each run keeps it for the next)
    for _ in range(max(3, repeat // 3)):
        forget_kept_code()
        first.append(timed(cmd + ["check", "--no-cache", small])[0])
    # Heaviest imports, from CPython's own import timer (cumulative microseconds).
    proc = subprocess.run([PYTHON, "-X", "importtime", "-m", "notelint", "check", "--no-cache", small],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=BYTECODE_ENV)
    imports = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 3:  # top-level and first-level imports only
            imports.append((int(m.group(2)), m.group(4)))
    imports.sort(reverse=True)
    return {"python": statistics.median(baseline), "python_cpu": statistics.median(baseline_cpus), "median": statistics.median(runs), "min": min(runs), "cpu": statistics.median(cpus),
            "cached": statistics.median(cached), "first": statistics.median(first), "imports": imports[:12],
            "command": " ".join(cmd),
            "no_bytecode": no_bytecode}


def forget_kept_code() -> None:
    """Remove the compiled pattern code notelint keeps beside its bytecode (notelint.compiled_patterns), so
    the next run compiles every pattern it uses, as the first run after an install does."""
    path = subprocess.run([PYTHON, "-c", "from notelint.compiled_patterns import cache_path; print(cache_path())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    try:
        os.unlink(path)
    except OSError:
        pass


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the pool's workers, reaped by notelint
    return usage.ru_utime + usage.ru_stime


def measure_many(folder: str, files: int, jobs: int, work: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (notelint and its workers) of one full check."""
    cpu_before = children_cpu()
    elapsed, _ = timed(NOTELINT + ["check", "--no-cache", "--jobs", str(jobs), "--output-format", "concise",
                                             "-o", os.path.join(work, f"out-{jobs}.txt"), folder])
    return elapsed, children_cpu() - cpu_before


def no_findings(path, data, settings, options):
    """A lint that only decodes: what the runner (reading, pool, collection) costs on its own."""
    data.decode("utf-8")
    return []


def measure_runner_ceiling(folder: str, jobs: int) -> float:
    """Run in the interpreter notelint is installed for (this script, with --runner-ceiling)."""
    proc = subprocess.run([PYTHON, os.path.abspath(__file__), "--runner-ceiling", folder, str(jobs)],
                          env=BYTECODE_ENV, capture_output=True, text=True, check=True)
    return float(proc.stdout)


def runner_ceiling(folder: str, jobs: int) -> float:
    from notelint.linting import config
    from notelint.runner import workers as runner

    settings = config.load_settings(folder)
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
    start = time.perf_counter()
    runner.check_files([(f, settings) for f in files], jobs=jobs, use_cache=False, lint=no_findings)
    return len(files) / (time.perf_counter() - start)


def ensure_proselint(venv: str) -> str:
    exe = os.path.join(venv, "bin", "proselint")
    if not os.path.exists(exe):
        print(f"installing proselint into {venv} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", "proselint"], check=True)
    return exe


def build_megabyte(stories, path: str) -> int:
    """One article of about 1 MB: a headline, then wire paragraphs until the size is reached."""
    parts = [stories[0][0]]
    size, i = 0, 0
    while size < 1_000_000:
        for p in stories[i % len(stories)][1]:
            parts.append(p)
            size += len(p.encode()) + 2
        i += 1
    data = ("\n\n".join(parts) + "\n").encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return len(data)


def cpu_of(cmd: list[str], runs: int, before_each=None) -> tuple[float, float, subprocess.CompletedProcess]:
    """(least CPU seconds, least wall seconds, last run) of `runs` runs of a command, `before_each()` called
    before each. CPU time (user + system of the process and its children) is what other work on a shared
    machine moves least."""
    cpus, walls, proc = [], [], None
    for _ in range(runs):
        if before_each is not None:
            before_each()
        before = children_cpu()
        wall, proc = timed(cmd)
        cpus.append(children_cpu() - before)
        walls.append(wall)
    return min(cpus), min(walls), proc


def against_proselint(work: str, stories, args, startup: dict) -> None:
    """The same 1 MB article checked by notelint and by proselint, wire copy and dense text, each tool's
    start-up (one small file) measured in the same way and set aside for the net ratio."""
    exe = ensure_proselint(args.venv)
    n = args.proselint_repeat
    tiny = os.path.join(work, "small.txt")
    nl_start, _, _ = cpu_of(NOTELINT + ["check", "--no-cache", "--jobs", "1", tiny], max(n, 5))
    pl_start, _, _ = cpu_of([exe, "check", tiny], n)
    version = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.strip()
    print(f"\n## The same 1 MB article: notelint against proselint ({version}; least CPU time of {n} runs each)")
    print(f"start-up on one small file: notelint {nl_start * 1000:.0f} ms, proselint {pl_start * 1000:.0f} ms CPU")
    big = os.path.join(work, "megabyte.txt")
    build_megabyte(stories, big)
    dense = os.path.join(work, "dense.txt")
    with open(os.path.join(REPOSITORY, "tests", "fixtures", "iraqi-militias-republished.txt"), "rb") as fh:
        article = fh.read()
    with open(dense, "wb") as fh:  # the corpus article (quotations and insertions in most paragraphs) repeated
        fh.write(article * max(1, 1_000_000 // len(article)))
    for label, path in (("wire copy", big), ("dense text, the corpus article repeated", dense)):
        mb = os.path.getsize(path) / 1e6
        nl, _, nl_proc = cpu_of(NOTELINT + ["check", "--no-cache", "--jobs", "1", "--output-format", "concise", path], n)
        pl, _, _ = cpu_of([exe, "check", path], n)
        net = (pl - pl_start) / max(nl - nl_start, 1e-9)
        print(f"{label} ({mb:.2f} MB): notelint {nl:.2f} s CPU ({mb / nl:.2f} MB/s, "
              f"{len(nl_proc.stdout.splitlines())} output lines), proselint {pl:.2f} s CPU ({mb / pl:.2f} MB/s); "
              f"notelint is {pl / nl:.1f}x proselint's speed, {net:.1f}x net of both tools' start-up "
              f"(goal >= {GOALS['proselint_ratio']}x net)")
        # The same, each notelint run (the start-up's too) with no compiled pattern code kept, as a first run.
        first_start, _, _ = cpu_of(NOTELINT + ["check", "--no-cache", "--jobs", "1", tiny], max(n, 5), forget_kept_code)
        first, _, _ = cpu_of(NOTELINT + ["check", "--no-cache", "--jobs", "1", "--output-format", "concise", path], n,
                             forget_kept_code)
        print(f"    with no compiled pattern code kept (a first run): notelint {first:.2f} s CPU, start-up "
              f"{first_start * 1000:.0f} ms; {(pl - pl_start) / max(first - first_start, 1e-9):.1f}x proselint net")


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--runner-ceiling"]:  # measure_runner_ceiling's own run
        print(runner_ceiling(sys.argv[2], int(sys.argv[3])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", help="folder of real articles (e.g. ../shared/eval/reuters/articles)")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15, help="start-up runs (median reported)")
    parser.add_argument("--many-repeat", type=int, default=3, help="runs of each many-files check (median reported)")
    parser.add_argument("--venv", default=os.path.join(tempfile.gettempdir(), "notelint-bench-proselint"))
    parser.add_argument("--notelint-venv", default=os.path.join(tempfile.gettempdir(), "notelint-bench-notelint"))
    parser.add_argument("--use-installed", action="store_true",
                        help="time the notelint installed next to this interpreter, not a fresh pip install")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--only", choices=("startup", "proselint"), default=None,
                        help="measure this section alone (startup: the one-small-file runs and their imports; "
                             "proselint: start-up, then the two 1 MB files against proselint)")
    parser.add_argument("--proselint-repeat", type=int, default=7,
                        help="runs of each tool on each 1 MB file (the least CPU time is used)")
    args = parser.parse_args(argv)

    global PYTHON, NOTELINT
    PYTHON = sys.executable if args.use_installed else install_notelint(args.notelint_venv)
    NOTELINT = installed_command(PYTHON)
    stories = load_stories(args.articles)
    source = f"{len(stories)} real stories from {args.articles}" if args.articles else "synthetic wire copy"
    work = tempfile.mkdtemp(prefix="notelint-bench-")
    try:
        print(f"notelint: {' '.join(NOTELINT)}; {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
              f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows every wall-clock figure; "
              f"CPU seconds are less affected)")

        s = measure_startup(work, args.repeat)
        print(f"\n## Start-up: `notelint check` on one small file ({args.repeat} runs)")
        print(f"python -c pass        {s['python'] * 1000:7.1f} ms (median)")
        print(f"check --no-cache      {s['median'] * 1000:7.1f} ms median, {s['min'] * 1000:.1f} ms best"
              f"   (goal <= {GOALS['startup_ms']} ms); CPU {s['cpu'] * 1000:.1f} ms median")
        print(f"check (cache on)      {s['cached'] * 1000:7.1f} ms median")
        print(f"check --no-cache      {s['first'] * 1000:7.1f} ms median with no compiled pattern code kept (a first "
              f"run after installing: {s['first'] / s['python']:.1f}x `python -c pass`)")
        print(f"start-up ratio: check --no-cache is {s['median'] / s['python']:.1f}x `python -c pass` in the same "
              f"virtual environment (wall, medians of alternating runs; target <= 4x)")
        print(f"start-up ratio in CPU time: {s['cpu'] / s['python_cpu']:.1f}x (`python -c pass` "
              f"{s['python_cpu'] * 1000:.1f} ms CPU median; less moved by other work on the machine)")
        if s["no_bytecode"] is not None:
            print(f"check --no-cache      {s['no_bytecode'] * 1000:7.1f} ms median with PYTHONDONTWRITEBYTECODE as this "
                  f"environment sets it (notelint's modules recompiled on every run)")
        print("heaviest imports (cumulative, ms): " + ", ".join(f"{name} {us / 1000:.1f}" for us, name in s["imports"]))
        if args.only == "startup":
            return 0
        if args.only == "proselint":
            against_proselint(work, stories, args, s)
            return 0

        folder = os.path.join(work, "articles")
        rng = random.Random(2024)
        total, with_insertion = build_articles(stories, folder, args.files, rng)
        print(f"\n## Many files: {args.files:,} articles, {total / 1e6:.1f} MB "
              f"(mean {total / args.files / 1024:.1f} KB; {with_insertion} with an insertion), from {source}")
        # Each job count is run --many-repeat times, taking turns (a machine that slows for a while slows
        # both alike); the median run is reported, and every run's time is listed after it.
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.many_repeat):
            for jobs in (1, 2):
                runs[jobs].append(measure_many(folder, args.files, jobs, work))
        for jobs in (1, 2):
            elapsed, cpu = sorted(runs[jobs])[len(runs[jobs]) // 2]
            rate = args.files / elapsed
            each = ", ".join(f"{e:.2f}" for e, _ in runs[jobs])
            print(f"--jobs {jobs} --no-cache  {elapsed:6.2f} s  {rate:8,.0f} files/s  {total / 1e6 / elapsed:6.1f} MB/s"
                  f"   (goal >= {GOALS[f'files_per_s_{jobs}']:,});  CPU {cpu:.2f} s = {args.files / cpu:,.0f} "
                  f"files per CPU-second;  median of {len(runs[jobs])} runs ({each} s)")
        ceiling = {jobs: measure_runner_ceiling(folder, jobs) for jobs in (1, 2)}
        print(f"runner alone (read + decode, no parse or rules): {ceiling[1]:,.0f} files/s on 1 job, "
              f"{ceiling[2]:,.0f} on 2")
        with open(os.path.join(work, "out-1.txt"), encoding="utf-8") as a, open(os.path.join(work, "out-2.txt"), encoding="utf-8") as b:
            same = a.read() == b.read()
        print(f"output identical for 1 and 2 jobs: {same}")
        cache_dir = os.path.join(work, "cache")
        cmd = NOTELINT + ["check", "--cache-dir", cache_dir, "--output-format", "concise", "-o", os.devnull, folder]
        cold, _ = timed(cmd)
        # The cache is keyed on notelint's own code too: if that changes between runs (a checkout being
        # edited), a run refills the cache under a new build folder. Such a run is not a warm one.
        warm_runs, refills = [], 0
        while len(warm_runs) < 2 and refills < 3:
            builds_before = set(os.listdir(cache_dir))
            elapsed, _ = timed(cmd)
            if set(os.listdir(cache_dir)) - builds_before:
                refills += 1
            else:
                warm_runs.append(elapsed)
        print(f"cache: first run {cold:.2f} s (fills it); warm runs " +
              ", ".join(f"{w:.2f} s ({args.files / w:,.0f} files/s)" for w in warm_runs) +
              (f"; {refills} run(s) refilled it because notelint's code changed meanwhile" if refills else ""))

        if not args.skip_proselint:
            against_proselint(work, stories, args, s)
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
