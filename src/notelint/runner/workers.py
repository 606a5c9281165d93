"""Checking many files: the result cache first, then a process pool over large chunks of the rest.

Parsing and the rules are pure Python, so only processes run them in parallel. Each task is a chunk of
hundreds of files: never a process per file. On Linux, `--jobs N` is this process and N - 1 workers forked
from it, each taking the next chunk not yet taken; a command about to walk folders starts them before the
walk (start_workers), so they warm up meanwhile, and otherwise they are forked once this process has
warmed up (they inherit its rules and grammar). Elsewhere (no safe fork) it is a pool of N workers. Few
files, or `--jobs 1`, run in-process with no workers at all (a pre-commit hook on one file pays nothing
for parallelism). Findings are put in report order at the end, so the output is the same whatever the
job count and whichever worker finished first.
"""
from __future__ import annotations

import gc
import os
import time
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Callable, Sequence

    from .cache import Entry

from ..collector import paused
from ..values import FrozenValue
from ..linting.findings import Finding
from ..reading.source import DEFAULT_MAX_BYTES, SourceError, read_bytes, read_bytes_and_stat
from ..reading.formats import read_source
# Below this many files to lint, starting worker processes costs more than it saves.
MIN_FILES_FOR_POOL = 96
# Chunk size bounds: large enough that IPC is a small share of the work, small enough that the workers
# finish together.
MIN_CHUNK, MAX_CHUNK = 32, 512


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours taskset and container CPU sets
    except AttributeError:
        return os.cpu_count() or 1


def capped_jobs(jobs: int | None) -> int:
    """The job count to use: as asked (default: the cores), never more than the cores. More processes than
    cores only compete for them, and `--jobs 1000` would fork a thousand."""
    cores = default_jobs()
    return min(jobs or cores, cores)


class LintOptions(FrozenValue):
    """Per-run reading options that are not part of Settings; picklable, and part of the cache key."""

    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


class CheckResult:
    """What a check run found (as `@dataclass` made it: constructor, equality, repr; written out)."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, findings: list[Finding] | None = None, errors: list[SourceError] | None = None,
                 files: int = 0, from_cache: int = 0) -> None:
        self.findings = [] if findings is None else findings
        self.errors = [] if errors is None else errors  # one per file that could not be read
        self.files = files
        self.from_cache = from_cache

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ((self.findings, self.errors, self.files, self.from_cache)
                    == (other.findings, other.errors, other.files, other.from_cache))
        return NotImplemented

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(findings={self.findings!r}, errors={self.errors!r}, "
                f"files={self.files!r}, from_cache={self.from_cache!r})")


def lint_bytes(path: str, data: bytes, settings, options: LintOptions) -> list[Finding]:
    """Decode, parse and run the rules on one file's bytes.

    The runner hands the bytes over (it keeps no reference): once decoded they are dropped, so the
    document is built and linted without them (20 MB less at the peak of a 20 MB file)."""
    # Imported here: a run the cache answers whole never parses, and does not import the parser.
    from ..linting.engine import lint_source

    source = read_source(path, options.input_format, options.max_bytes, data=data)
    del data
    return lint_source(source, settings)


def _warm_up(settings, lint: Callable) -> None:
    """Load rules and build the grammar in this process, so forked workers inherit them ready-made."""
    if lint is lint_bytes:
        # A quotation holding a bracket makes the parser import pyparsing and build the grammar (~50 ms).
        lint_bytes("warm-up.txt", "Headline\n\nA sentence [with an insertion] and “a quote [a note [inside]],” he said.\n"
                   .encode(), settings, LintOptions())


# One result row per file: (index, digest, size, mtime_ns, findings or None, error message or None).
_Row = tuple


def _lint_chunk(lint: Callable, settings, options: LintOptions, items: Sequence[tuple[int, str]],
                for_cache: bool = True) -> list[_Row]:
    """Lint a chunk of files (in a worker or in-process); read errors become rows, not exceptions.

    `for_cache`: a row for every file, with its content's digest. A run without the cache skips the
    hashing (~1% of a file) and the rows of files with no findings (most of them: fewer rows to send
    from a worker)."""
    rows = []
    if for_cache:  # a run without the result cache does not import it
        from .cache import content_digest
    # Documents are freed by reference counting as soon as their file is done. Left on, the cyclic
    # collector would still walk each new document's objects at least once while it is linted (~2% of
    # the time); paused, it runs only on the young objects every _COLLECT_EVERY files, which frees the
    # few cycles left behind (pyparsing's exceptions, on nested brackets).
    with paused():
        for count, (index, path) in enumerate(items, 1):
            if count % _COLLECT_EVERY == 0:
                gc.collect(0)
            try:
                # Stat after reading: a write in between leaves an mtime newer than the run's start, which
                # the cache treats as racy and verifies by content next time.
                data, st = read_bytes_and_stat(path, options.max_bytes, stat_after=for_cache)
                digest = content_digest(data) if for_cache else None
                # The bytes are handed over, not kept here: popped from a list straight into the call, so
                # the lint's own reference is the only one and it can free them once they are decoded.
                handed = [data]
                del data
                findings = lint(path, handed.pop(), settings, options)
            except SourceError as exc:
                rows.append((index, None, 0, 0, None, exc.message))
                continue
            except OSError as exc:
                rows.append((index, None, 0, 0, None, exc.strerror or str(exc)))
                continue
            if for_cache:
                rows.append((index, digest, st.st_size, st.st_mtime_ns, findings, None))
            elif findings:
                rows.append((index, None, 0, 0, findings, None))
    return rows


_COLLECT_EVERY = 256


def _chunks(items: list, jobs: int) -> list[list]:
    """Chunks that shrink as the work left does (guided scheduling): a quarter of each worker's share
    of what is left, within the bounds. Large chunks while there is much to do, small ones at the end,
    so no worker sits idle while another finishes a large last chunk."""
    chunks = []
    pos = 0
    while pos < len(items):
        size = max(MIN_CHUNK, min(MAX_CHUNK, -(-(len(items) - pos) // (jobs * 4))))
        chunks.append(items[pos:pos + size])
        pos += size
    return chunks


def _ignore_interrupts() -> None:
    # Ctrl-C goes to the whole process group; the parent alone handles it (and ends the pool), so the
    # workers do not each print a traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_context():
    import multiprocessing
    import sys

    # On Linux, fork shares the parent's loaded rules and grammar with the workers. macOS offers fork but
    # its system libraries are not fork-safe, and Windows has none: there, the platform's default.
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def settings_key(settings, options: LintOptions) -> str:
    return f"{settings.fingerprint()}|{options.input_format}|{options.max_bytes}"


def check_files(files: Sequence[tuple[str, object]], *, jobs: int | None = None, use_cache: bool = True,
                cache_dir: str | None = None, options: LintOptions = LintOptions(),
                lint: Callable = lint_bytes, workers: Workers | None = None) -> CheckResult:
    """Check `files`, pairs of (path, Settings), and return every finding in report order.

    `workers`: started before the files were known (start_workers), to take part if a pool is wanted;
    ended here either way.

    `lint(path, data, settings, options) -> list[Finding]` must be a module-level function (it is sent to
    the workers) returning the file's findings in report order; the default parses and runs the rules.
    """
    run_started_ns = time.time_ns()
    jobs = capped_jobs(jobs)
    result = CheckResult(files=len(files))
    cache = None
    if use_cache:  # a run without the result cache (--no-cache) does not import it
        from .cache import Entry, ResultCache, findings_to_rows, rows_to_findings

        cache = ResultCache(cache_dir)
    paths = [path for path, _ in files]
    abspaths = _absolute_paths(paths) if cache else paths
    # Files are grouped by settings fingerprint: one group per configuration, however many Settings objects.
    # A fingerprint is computed once per Settings object (it hashes the user's rule packs).
    key_of: dict[int, str] = {}
    keys = []
    for _, settings in files:
        key = key_of.get(id(settings))
        if key is None:
            key = key_of[id(settings)] = settings_key(settings, options)
        keys.append(key)
    buckets = {key: cache.bucket(key) for key in set(keys)} if cache else {}
    findings_by_index: list[list[Finding] | None] = [None] * len(files)
    errors: dict[int, str] = {}

    # 1. The cache: a stat match (old enough to trust) or an equal content digest is a hit.
    todo: dict[str, tuple[object, list[tuple[int, str]]]] = {}  # settings key -> (settings, items)
    for index, (path, settings) in enumerate(files):
        key = keys[index]
        if cache:
            bucket = buckets[key]
            entry = bucket.get(abspaths[index])
            if entry is not None and _still_valid(entry, path, abspaths[index], bucket, run_started_ns):
                findings_by_index[index] = rows_to_findings(path, entry.findings)
                result.from_cache += 1
                continue
        todo.setdefault(key, (settings, []))[1].append((index, path))

    # 2. Lint the rest: in-process when few, else in a pool over large chunks.
    total = sum(len(items) for _, items in todo.values())
    rows: list[_Row] = []
    if jobs == 1 or total < MIN_FILES_FOR_POOL:
        if workers is not None:
            workers.dismiss()
        for settings, items in todo.values():
            rows.extend(_lint_chunk(lint, settings, options, items, for_cache=cache is not None))
    else:
        rows = _lint_in_pool(todo, jobs, options, lint, cache is not None, workers)

    for index, digest, size, mtime_ns, found, error in rows:
        if error is not None:
            errors[index] = error
            continue
        findings_by_index[index] = found
        if cache:
            buckets[keys[index]].put(abspaths[index], Entry(digest, size, mtime_ns, run_started_ns,
                                                            findings_to_rows(found)))
    if cache:
        cache.save()

    # Report order is path first, and each file's findings come in report order: sorting the files
    # that have findings by path orders them all (one comparison per file, not per finding).
    with_findings = sorted((i for i, found in enumerate(findings_by_index) if found), key=paths.__getitem__)
    result.findings = [f for i in with_findings for f in findings_by_index[i]]
    if any(paths[a] == paths[b] for a, b in zip(with_findings, with_findings[1:])):
        result.findings.sort()  # a path given twice: its two lists of findings interleave
    result.errors = [SourceError(paths[i], errors[i]) for i in sorted(errors)]
    return result



def _absolute_paths(paths: Sequence[str]) -> list[str]:
    """os.path.abspath of each path, normalising each folder once (most files share a few folders)."""
    folders: dict[str, str] = {}
    out = []
    for path in paths:
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            out.append(os.path.abspath(path))
            continue
        absolute_folder = folders.get(folder)
        if absolute_folder is None:
            absolute_folder = folders[folder] = os.path.abspath(folder or os.curdir)
        out.append(os.path.join(absolute_folder, name))
    return out


def _still_valid(entry: Entry, path: str, abspath: str, bucket, run_started_ns: int) -> bool:
    from .cache import Entry, content_digest

    try:
        st = os.stat(path)
    except OSError:
        return False  # gone or unreadable: lint it, and let the reader say why
    if entry.stat_matches(st):
        return True
    if st.st_size != entry.size:
        return False
    try:
        data = read_bytes(path, 0)  # no limit: its size is the cached entry's, which was linted
    except SourceError:
        return False
    if content_digest(data) != entry.digest:
        return False
    # Same content, new mtime (a checkout, a touch): remember the new stat so the next run skips reading.
    bucket.put(abspath, Entry(entry.digest, st.st_size, st.st_mtime_ns, run_started_ns, entry.findings))
    return True


def _lint_in_pool(todo: dict, jobs: int, options: LintOptions, lint: Callable, for_cache: bool,
                  workers: Workers | None) -> list[_Row]:
    tasks = []
    for settings, items in todo.values():
        for chunk in _chunks(items, jobs):
            tasks.append((lint, settings, options, chunk, for_cache))
    context = _pool_context()
    if context.get_start_method() != "fork":
        with context.Pool(min(jobs, len(tasks)), initializer=_ignore_interrupts) as pool:
            return [row for chunk_rows in pool.imap_unordered(_run_task, tasks) for row in chunk_rows]
    if workers is None:
        # Warmed up here, the workers forked next inherit it all (their own warm-up then costs nothing).
        _warm_up(next(iter(todo.values()))[0], lint)
        workers = Workers(context, min(jobs, len(tasks)), next(iter(todo.values()))[0], lint, tasks)
    return workers.run(tasks)


def _run_task(task: tuple) -> list[_Row]:
    return _lint_chunk(*task)


def start_workers(jobs: int | None, settings) -> Workers | None:
    """Fork the workers of a many-file check now, before its files are known (Linux only; None elsewhere
    or with one job): each warms up (imports, patterns, the grammar: ~75 ms) while this process walks the
    folders, instead of after it. check_files then gives them the work or dismisses them."""
    jobs = capped_jobs(jobs)
    context = _pool_context()
    if jobs < 2 or context.get_start_method() != "fork":
        return None
    return Workers(context, jobs, settings, lint_bytes)


class WorkerDied(Exception):
    """A worker process ended without sending its results (killed, or out of memory): one line, exit 2."""


class Workers:
    """This process and jobs - 1 forked workers take the chunks in turn, each the next one not yet taken.

    Each worker warms up, then takes the task list (a worker forked once it is made inherits it; one
    started early gets it through a pipe) and sends each chunk's rows as soon as it is linted; this
    process reads what has come in between its own chunks. So it works as one of the jobs instead of
    only waiting for results (a pool of two workers and a parent collecting from them kept the pool's
    threads busy for ~7% of a core, taken from the workers), and little is left to read once the last
    chunk is done (pickling and unpickling all of a worker's rows at the end cost ~35 ms of a
    20,000-file run)."""

    def __init__(self, context, jobs: int, settings, lint: Callable, tasks: list[tuple] | None = None) -> None:
        self.next_task = context.Value("i", 0)
        self.workers: list[_Worker] = []
        self.ended = False
        self.awaiting_tasks = tasks is None
        # Everything built so far (modules, rules, perhaps the grammar and the task list) lives as long as
        # the run: frozen, the cyclic collector no longer walks it in any process (in the workers it would
        # also copy the pages it touches). Unpickling the workers' findings, with it walked, cost ~3x as much.
        gc.freeze()
        try:
            for _ in range(jobs - 1):
                self.workers.append(_Worker(context, self.next_task, settings, lint, tasks))
        except BaseException:
            self.end(wanted=False)
            raise

    def run(self, tasks: list[tuple]) -> list[_Row]:
        """Lint every task here and in the workers (the tasks they were forked with, if any); the rows of all
        of them."""
        import pickle  # here, not at the top: a run on a few files (pre-commit) never forks

        rows: list[_Row] = []
        finished = False
        try:
            if self.awaiting_tasks:
                handed = pickle.dumps(tasks, pickle.HIGHEST_PROTOCOL)
                for worker in self.workers:
                    worker.hand(handed)
                gc.freeze()  # the task list, and whatever was made since the workers were started

            def collect(chunk_rows: list[_Row]) -> None:
                rows.extend(chunk_rows)
                for worker in self.workers:
                    worker.read(rows, wait=False)

            _work(tasks, self.next_task, collect)
            for worker in self.workers:
                worker.read(rows, wait=True)
            finished = True
            return rows
        finally:
            self.end(wanted=finished)

    def dismiss(self) -> None:
        """No pool after all (few files to lint, or all in the cache): the workers end unused."""
        self.end(wanted=False)

    def end(self, wanted: bool) -> None:
        if self.ended:
            return
        self.ended = True
        for worker in self.workers:
            worker.end(terminate=not wanted)
        gc.unfreeze()


# A worker's messages: one chunk's rows, the end of its work, or the exception that stopped it.
_ROWS, _DONE, _ERROR = b"R", b"D", b"E"


class _Worker:
    """One forked worker process and the pipes to it: its rows out, and the task list in when the worker
    is forked before the list is made (otherwise it inherits the list)."""

    def __init__(self, context, next_task, settings, lint: Callable, tasks: list[tuple] | None) -> None:
        self.done = False
        tasks_in = self.tasks_out = None
        if tasks is None:
            tasks_in, self.tasks_out = context.Pipe(duplex=False)
            _widen_pipe(self.tasks_out)
        self.results, results_out = context.Pipe(duplex=False)
        _widen_pipe(results_out)
        self.process = context.Process(target=_warm_up_and_work,
                                       args=(settings, lint, tasks, tasks_in, next_task, results_out, os.getpid()),
                                       daemon=True)
        self.process.start()
        # These ends are the worker's: with them closed here, a dead worker reads as EOF.
        if tasks_in is not None:
            tasks_in.close()
        results_out.close()

    def hand(self, pickled_tasks: bytes) -> None:
        self.tasks_out.send_bytes(pickled_tasks)
        self.tasks_out.close()

    def read(self, rows: list[_Row], wait: bool) -> None:
        """Add the rows that have come in to `rows`; with `wait`, all of them, up to the worker's end."""
        import pickle

        while not self.done and (wait or self.results.poll()):
            try:
                message = self.results.recv_bytes()
            except EOFError:
                self.process.join()
                raise WorkerDied(f"a worker process ended unexpectedly (exit code {self.process.exitcode}); "
                                 "its files were not checked") from None
            kind, body = message[:1], message[1:]
            if kind == _ROWS:
                rows.extend(pickle.loads(body))
            elif kind == _DONE:
                self.done = True
            else:
                raise pickle.loads(body)  # a bug in a rule: raised here, as it would have been in-process

    def end(self, terminate: bool) -> None:
        if self.tasks_out is not None and not self.tasks_out.closed:
            self.tasks_out.close()  # no task list is coming: the worker ends after its warm-up
        self.results.close()
        if terminate and not self.done:
            self.process.terminate()  # interrupted, or failed: its results are not wanted
        self.process.join()


def _widen_pipe(connection) -> None:
    """Let the pipe hold ~1 MB (Linux; 64 KB by default), so neither end waits for the other to read while
    it is busy: a worker's rows while this process lints a chunk, the task list while a worker warms up."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass  # a smaller pipe only means one end may wait a little


def _work(tasks: list[tuple], next_task, after_chunk: Callable[[list[_Row]], None]) -> None:
    """Lint chunks until none is left, taking the next one not taken by any process."""
    while True:
        with next_task.get_lock():
            index = next_task.value
            next_task.value = index + 1
        if index >= len(tasks):
            return
        after_chunk(_lint_chunk(*tasks[index]))


def _end_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it does (killed, or ended by SIGTERM mid-run).

    Otherwise it may wait forever: for a task list that never comes, or to send rows nobody reads, since
    the other workers, forked later, hold copies of the same pipes' ends. Linux kills it on the parent's
    death (PR_SET_PDEATHSIG); elsewhere a thread watches for the worker being handed to another parent."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (ImportError, OSError, AttributeError):
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _warm_up_and_work(settings, lint: Callable, tasks: list[tuple] | None, tasks_in, next_task, sender,
                      parent: int) -> None:
    """A worker's life: warm up, take the task list (given, or waited for on `tasks_in`), lint chunks and
    send their rows."""
    import pickle  # imported by the parent before the fork already

    def send(chunk_rows: list[_Row]) -> None:
        if chunk_rows:
            sender.send_bytes(_ROWS + pickle.dumps(chunk_rows, pickle.HIGHEST_PROTOCOL))

    _ignore_interrupts()
    _end_with_parent(parent)
    try:
        _warm_up(settings, lint)
        if tasks is None:
            try:
                tasks = pickle.loads(tasks_in.recv_bytes())
            except EOFError:
                return  # dismissed: no pool after all
            gc.freeze()  # the task list lives as long as the worker
        _work(tasks, next_task, send)
        sender.send_bytes(_DONE)
    except Exception as exc:
        try:
            error = pickle.dumps(exc)
        except Exception:  # an exception that does not pickle still reaches the caller, as text
            error = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
        sender.send_bytes(_ERROR + error)
    finally:
        sender.close()
