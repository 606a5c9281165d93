"""Linting a corpus: its records, read in chunks, through the same lint path as files (parse, rules), in
this process or a pool of forked workers, in file order, never all of the corpus in memory at once.

Each record's result carries what `check` reports (its findings, each naming the record) and what `stats`
counts (words, editorial insertions, the wire service it is credited to), so one pass serves both.
"""
from __future__ import annotations

import gc
import itertools
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from ..linting.engine import lint_document, parser_options
from ..parsing.document import build_document
from ..linting.findings import Finding
from ..parsing.model import COMMENTS, INSERTION, outermost
from ..reading.corpus import Record
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


def lint_record(record: Record, settings, file: str) -> RecordResult:
    """Parse and lint one record (as `lint_source` does a file) and count what stats needs."""
    if record.error is not None or record.text is None:
        return RecordResult(file, record.row, record.id, record.meta, error=record.error or "no text")
    doc = parse_record(record, settings, file)
    ref = RecordRef(file, record.row, record.id, tuple(record.meta.items()))
    findings: list[Finding] = [RecordFinding(**_finding_fields(f), record=ref) for f in lint_document(doc, settings)]
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


def lint_chunk(records: Sequence[Record], settings, file: str) -> list[RecordResult]:
    """Lint a chunk of records (in a worker, a Dask task or in-process).

    The cyclic collector is paused while the records are linted (as for files: it would walk each new
    document's objects), and the young objects are collected once the chunk is done: parsing leaves ~2
    objects a record in reference cycles (pyparsing's exceptions), which a command that pauses the collector
    for its whole run (check does, and forked workers inherit it) would otherwise keep: the largest process
    of a check of a 1 GB file (420,000 records) reached 663 MB without this collection."""
    with paused():
        results = [lint_record(record, settings, file) for record in records]
    gc.collect(0)
    return results


def chunked(records: Iterable[Record], size: int = CHUNK) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def lint_records_local(records: Iterable[Record], settings, file: str, *, jobs: int = 1,
                       chunk_size: int = CHUNK) -> Iterator[tuple[list[Record], list[RecordResult]]]:
    """(chunk of records, their results) in file order: in this process with one job, else in a pool of
    `jobs` forked workers, with at most IN_FLIGHT_PER_JOB chunks per worker read ahead."""
    chunks = chunked(records, chunk_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:  # one job, or a corpus of one chunk: forking workers would cost more than it saves
        yield first, lint_chunk(first, settings, file)
        for chunk in chunks:
            yield chunk, lint_chunk(chunk, settings, file)
        return
    chunks = itertools.chain((first, second), chunks)
    from .workers import _ignore_interrupts, _pool_context, _warm_up, lint_bytes

    _warm_up(settings, lint_bytes)  # the rules and grammar, built once here, inherited by the forked workers
    with _pool_context().Pool(jobs, initializer=_ignore_interrupts) as pool:
        yield from _ordered(chunks, lambda chunk: pool.apply_async(lint_chunk, (chunk, settings, file)),
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
                      chunk_size: int = DASK_CHUNK, in_flight: int | None = None
                      ) -> Iterator[tuple[list[Record], list[RecordResult]]]:
    """The same work on a dask.distributed cluster: `scheduler` is its address (tcp://host:8786), a Client,
    or a cluster object (LocalCluster). The records are read here in chunks and sent with their task (the
    workers need not see the file); at most `in_flight` chunks (default: 2 per worker thread) are out at
    once; results come back in file order, equal to a local run's."""
    try:
        from distributed import Client
    except ImportError:
        raise RuntimeError("the Dask engine needs dask.distributed: pip install 'notelint[dask]'") from None
    own = not isinstance(scheduler, Client)
    client = Client(scheduler, timeout=_CONNECT_SECONDS) if own else scheduler
    try:
        if in_flight is None:
            threads = sum(client.nthreads().values()) or 1
            in_flight = threads * IN_FLIGHT_PER_JOB
        # A key of its own (hash=False): two runs with equal settings on one client would otherwise share
        # the scattered key, and the first to finish would release it under the other.
        remote_settings = client.scatter(settings, broadcast=True, hash=False)
        yield from _ordered(chunked(records, chunk_size),
                            lambda chunk: client.submit(lint_chunk, chunk, remote_settings, file, pure=False),
                            in_flight, lambda future: future.result())
    finally:
        if own:
            client.close()
