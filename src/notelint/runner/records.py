"""Linting a corpus: its records, read in chunks, through the same lint path as files (parse, rules), in
this process or a pool of forked workers, in file order, never all of the corpus in memory at once.

Each record's result carries what `check` reports (its findings, each naming the record) and what `stats`
counts (words, editorial insertions, the wire service it is credited to), so one pass serves both.
"""
from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from ..linting.engine import lint_document, parser_options
from ..parsing.document import build_document
from ..linting.findings import Finding
from ..parsing.model import COMMENTS, INSERTION, outermost
from ..reading.corpus import (PARTITION_FORMATS, NotPartitionable, Partition, PartitionUnreadable, Record,
                               RecordStream, chunked, partitions, read_partition)
from ..reading.source import Source
from ..collector import paused

# Records per task sent to a worker: large enough that pickling and the pipe are a small share of the work
# (a record is ~3 KB of text and ~0.2 ms of linting), small enough to keep the workers evenly busy and the
# records in flight few.
CHUNK = 256
# Chunks in flight per worker: one being linted and one waiting, so a worker never idles for the reader.
IN_FLIGHT_PER_JOB = 2
# Records per Dask task: larger than the local pool's, as each task also costs scheduler messages and the
# worker's bookkeeping (~2.5 MB of text a task at 1,024 Reuters-size records).
DASK_CHUNK = 1024
# Bytes of a JSON Lines file per partition a Dask worker reads by itself: about DASK_CHUNK Reuters-size
# records.
DASK_PARTITION_BYTES = 3 << 20
# The largest Parquet row group a Dask worker reads as (part of) a partition: a larger one would hold too
# many records in one task, and leave the other workers idle while it is linted.
DASK_MAX_GROUP_ROWS = 8 * DASK_CHUNK
# Partitions in flight per Dask worker thread. More than the chunks of records sent from here, as a
# partition costs only its results (~100 KB a partition of Reuters-size records) while it waits to be
# collected in file order: a worker that is done with its own can take on the next partitions meanwhile.
PARTITIONS_IN_FLIGHT_PER_THREAD = 4
# How long to wait for a Dask scheduler to answer before giving up with a one-line error.
_CONNECT_SECONDS = 10



@dataclass(frozen=True)
class RecordRef:
    """Which record of which corpus file a finding is in."""

    file: str
    row: int
    id: str
    meta: tuple[tuple[str, object], ...] = ()

    def to_json(self) -> dict:
        return {"file": self.file, "row": self.row, "id": self.id, "meta": dict(self.meta)}


class RecordFinding(Finding):
    """A Finding in a corpus record: its `path` is the record's label (`file#id`), its line and column are
    within the record's text, and `record` names the record with its metadata (not compared or hashed)."""

    _FIELDS = Finding._FIELDS + ("record",)
    __match_args__ = _FIELDS
    record: RecordRef | None = None

    def __init__(self, path: str, line: int, col: int, code: str, end_line: int, end_col: int, start: int,
                 end: int, name: str, severity: str, message: str, text: str = "",
                 record: RecordRef | None = None) -> None:
        super().__init__(path, line, col, code, end_line, end_col, start, end, name, severity, message, text)
        object.__setattr__(self, "record", record)

    def to_json(self) -> dict:
        data = super().to_json()
        if self.record is not None:
            data["record"] = self.record.to_json()
        return data


def record_label(file: str, record_id: str) -> str:
    """How a record is named where a file's path would be: `articles.csv#604`."""
    return f"{file}#{record_id}"


@dataclass
class RecordResult:
    """What linting one record found. Stable fields (the Python API documents them):

    file, row, id, meta: the record; error: why it could not be read (then nothing else is set);
    findings: RecordFinding, in report order; words: words in the article as a word processor counts
    them (runs of characters between white space; reader comments excluded);
    insertions: editorial insertions (outermost brackets the parser reads as commentary);
    wire_service: the wire service the article is credited to, or None;
    (these three are counted unless the run asked for findings only, `counts=False`: then 0, 0, None);
    derived: with `stats --index`, whether the article derives from a stored wire story (else None);
    altered_quotations: then, the quotations the article altered against that story (NL501)."""

    file: str
    row: int
    id: str
    meta: dict
    error: str | None = None
    findings: list = field(default_factory=list)
    words: int = 0
    insertions: int = 0
    wire_service: str | None = None
    derived: bool | None = None
    altered_quotations: int = 0

    @property
    def label(self) -> str:
        return record_label(self.file, self.id)

    def family_counts(self) -> dict[str, int]:
        """Findings per rule family: {"NL1": 2, "NL3": 1}."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            family = finding.code[:3]
            counts[family] = counts.get(family, 0) + 1
        return counts


def lint_record(record: Record, settings, file: str, counts: bool = True) -> RecordResult:
    """Parse and lint one record (as `lint_source` does a file) and, with `counts`, count what stats and
    --per-article read. A run that writes only findings does not count: splitting the text into words
    cost a tenth of linting a wire story."""
    if record.error is not None or record.text is None:
        return RecordResult(file, record.row, record.id, record.meta, error=record.error or "no text")
    doc = parse_record(record, settings, file)
    ref = RecordRef(file, record.row, record.id, tuple(record.meta.items()))
    findings: list[Finding] = [RecordFinding(**_finding_fields(f), record=ref) for f in lint_document(doc, settings)]
    if not counts:
        return RecordResult(file, record.row, record.id, record.meta, findings=findings)
    end = doc.article_end
    insertions = sum(1 for span in doc.spans if span.kind != COMMENTS and span.start < end
                     for _ in outermost(span, INSERTION))
    return RecordResult(file, record.row, record.id, record.meta, findings=findings,
                        words=len(doc.text[:end].split()), insertions=insertions,
                        wire_service=doc.wire_service)


def parse_record(record: Record, settings, file: str):
    """A readable record's parsed Document, as lint_record parses it (its findings' offsets are in this
    document's original text): the HTML report parses a record again to show it."""
    text = record.text[1:] if record.text.startswith("\ufeff") else record.text
    return build_document(Source(path=record_label(file, record.id), original=text), **parser_options(settings))


def _finding_fields(finding: Finding) -> dict:
    """A finding's fields by name, whatever fields Finding has (a RecordFinding is a Finding and more)."""
    return {name: getattr(finding, name) for name in _FINDING_FIELDS}


_FINDING_FIELDS = Finding._FIELDS


def lint_chunk(records: Iterable[Record], settings, file: str, counts: bool = True) -> list[RecordResult]:
    """Lint a chunk of records (in a worker, a Dask task or in-process).

    The cyclic collector is paused while the records are linted (as for files: it would walk each new
    document's objects), and the young objects are collected once the chunk is done: parsing leaves ~2
    objects a record in reference cycles (pyparsing's exceptions), which a command that pauses the collector
    for its whole run (check does, and forked workers inherit it) would otherwise keep: the largest process
    of a check of a 1 GB file (420,000 records) reached 663 MB without this collection."""
    with paused():
        results = [lint_record(record, settings, file, counts) for record in records]
    gc.collect(0)
    return results


def lint_records_local(records: Iterable[Record], settings, file: str, *, jobs: int = 1,
                       chunk_size: int = CHUNK, counts: bool = True) -> Iterator[tuple[list[Record], list[RecordResult]]]:
    """(chunk of records, their results) in file order: in this process with one job, else in a pool of
    `jobs` forked workers, with at most IN_FLIGHT_PER_JOB chunks per worker read ahead. `counts`: as
    lint_record's."""
    chunks = chunked(records, chunk_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:  # one job, or a corpus of one chunk: forking workers would cost more than it saves
        yield first, lint_chunk(first, settings, file, counts)
        for chunk in chunks:
            yield chunk, lint_chunk(chunk, settings, file, counts)
        return
    chunks = itertools.chain((first, second), chunks)
    from .workers import _ignore_interrupts, _pool_context, _warm_up, lint_bytes

    _warm_up(settings, lint_bytes)  # the rules and grammar, built once here, inherited by the forked workers
    with _pool_context().Pool(jobs, initializer=_ignore_interrupts) as pool:
        yield from _ordered(chunks, lambda chunk: pool.apply_async(lint_chunk, (chunk, settings, file, counts)),
                            jobs * IN_FLIGHT_PER_JOB, lambda pending: pending.get())


def _ordered(chunks: Iterator[list[Record]], submit: Callable, limit: int,
             result: Callable) -> Iterator[tuple[list[Record], list[RecordResult]]]:
    """Submit chunks as the earliest ones finish, keeping at most `limit` in flight; yield in order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= limit:
            done_chunk, job = pending.popleft()
            yield done_chunk, result(job)
    while pending:
        done_chunk, job = pending.popleft()
        yield done_chunk, result(job)


def lint_records_dask(records: Iterable[Record], settings, file: str, *, scheduler,
                      chunk_size: int = DASK_CHUNK, in_flight: int | None = None, keep_records: bool = False,
                      partition_bytes: int = DASK_PARTITION_BYTES, notice: Callable[[str], None] | None = None,
                      counts: bool = True) -> Iterator[tuple[Sequence[Record], list[RecordResult]]]:
    """The same work on a dask.distributed cluster: `scheduler` is its address (tcp://host:8786), a Client,
    or a cluster object (LocalCluster). Results come back in file order, equal to a local run's, with at
    most `in_flight` tasks out at once (default: 2 chunks of records, or 4 partitions, per worker thread).

    Who reads the records:
    - the workers, when `records` is the RecordStream of a JSON Lines or Parquet file and the caller does
      not need the records back (`keep_records` false): the client cuts the file into partitions
      (reading.corpus.partitions) and sends each task only where its partition lies; each worker reads and
      lints its own. The records yielded with each partition's results are then () (they stay on the
      worker). This needs the workers to see the file at the same path (a LocalCluster, or a cluster on
      shared storage, as Dask's own readers assume): the workers are asked first;
    - else this process: it reads the records and sends them, DASK_CHUNK a task, with their task (the
      workers need not see the file). So for an iterable of records, CSV (its rows cannot be cut apart
      without reading from the top), standard input, a Parquet file of large row groups, and a file some
      worker cannot read; for the last two `notice` (default: warnings.warn) is told why."""
    try:
        from distributed import Client
    except ImportError:
        raise RuntimeError("the Dask engine needs dask.distributed: pip install 'notelint[dask]'") from None
    own = not isinstance(scheduler, Client)
    client = Client(scheduler, timeout=_CONNECT_SECONDS) if own else scheduler
    tell = notice or _warn
    try:
        workers = client.nthreads()
        threads = sum(workers.values()) or 1
        if own and client.direct_to_workers is None and _all_on_loopback(workers, client.scheduler.address):
            client.direct_to_workers = True
        # A key of its own (hash=False): two runs with equal settings on one client would otherwise share
        # the scattered key, and the first to finish would release it under the other.
        remote_settings = client.scatter(settings, broadcast=True, hash=False)
        first = parts = None
        if (isinstance(records, RecordStream) and not keep_records and records.format in PARTITION_FORMATS
                and records.path != "-"):
            parts = partitions(records, target_bytes=partition_bytes, max_group_rows=DASK_MAX_GROUP_ROWS)
            try:
                first = next(parts, None)
                if first is None:
                    return  # an empty file
                unseen = _unseen_by(client, first)
                if unseen:
                    tell(f"{file}: note: the Dask workers cannot read this file themselves ({unseen}): its records "
                         "are read here and sent to them")
                    first = None
                    parts.close()  # the scan's file
            except NotPartitionable as exc:
                tell(f"{file}: note: the Dask workers cannot read this file in parts ({exc}): its records are read "
                     "here and sent to them")
        if first is None:
            yield from _ordered(chunked(records, chunk_size),
                                lambda chunk: client.submit(lint_chunk, chunk, remote_settings, file, counts, pure=False),
                                in_flight or threads * IN_FLIGHT_PER_JOB, lambda future: future.result())
            return
        told: list[str] = []

        def result(job: tuple[Partition, object]) -> list[RecordResult]:
            partition, future = job
            try:
                return future.result()
            except PartitionUnreadable as exc:  # a worker that joined after the workers were asked
                if not told:
                    told.append(str(exc))
                    tell(f"{file}: note: a Dask worker cannot read this file ({exc}): the partitions it cannot read "
                         "are read here and sent to it")
                return client.submit(lint_chunk, list(read_partition(partition)), remote_settings, file,
                                     counts, pure=False).result()

        assert isinstance(records, RecordStream)
        for job, results in _ordered(itertools.chain([first], parts),
                                     lambda partition: (partition, client.submit(
                                         lint_partition, partition, remote_settings, file, counts, pure=False)),
                                     in_flight or threads * PARTITIONS_IN_FLIGHT_PER_THREAD, result):
            records.done = job.done
            yield (), results
    finally:
        if own:
            client.close()


def lint_partition(partition: Partition, settings, file: str, counts: bool = True) -> list[RecordResult]:
    """A Dask task: read a partition of a corpus file (here, on the worker) and lint its records."""
    return lint_chunk(read_partition(partition), settings, file, counts)


def _all_on_loopback(workers: Iterable[str], scheduler: str) -> bool:
    """Whether the scheduler and every worker listen on loopback addresses: then they run on this machine
    (a LocalCluster), this client can reach the workers, and results come straight from them.

    Dask's clients fetch results through the scheduler unless told otherwise, as a client outside a
    cluster's network may not reach its workers, and a worker port a firewall drops would cost a connect
    timeout (30 s) per fetch. On one machine that hop only costs: each partition's results (~100 KB) are
    received and sent again by the scheduler, on the cores the workers lint on (a LocalCluster run of
    100,000 records took 7% less time fetching directly). Through a tunnel to a remote scheduler's
    loopback port, the workers' ports here refuse at once, and Dask then fetches through the scheduler.
    A client the caller made, or a Dask configuration that says, decides for itself."""
    from distributed.comm.addressing import get_address_host

    def loopback(address: str) -> bool:
        host = get_address_host(address)
        return host in ("localhost", "::1") or host.startswith("127.")

    return loopback(scheduler) and all(loopback(worker) for worker in workers)


def _unseen_by(client, partition: Partition) -> str | None:
    """Why some worker cannot read the partition's file as this process sees it, or None when all can."""
    with open(partition.path, "rb") as fh:
        head = fh.read(_HEAD_BYTES)
    answers = client.run(_why_unreadable, partition.path, partition.size, head)
    for worker, why in sorted(answers.items()):
        if why:
            return f"worker {worker}: {why}"
    return None


# The bytes of a file's start a worker compares with the client's: a file of the same size at the same
# path on another machine is another file when its start differs.
_HEAD_BYTES = 4096


def _why_unreadable(path: str, size: int, head: bytes) -> str | None:
    """(Run on each worker) why this worker cannot read `path` as the client sees it, or None."""
    try:
        with open(path, "rb") as fh:
            own = os.fstat(fh.fileno()).st_size
            start = fh.read(len(head))
    except OSError as exc:
        return f"cannot open {path}: {exc.strerror or exc}"
    if own != size or start != head:
        return f"{path} is another file there ({own:,} bytes, {size:,} here)"
    return None


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, RuntimeWarning, stacklevel=3)
