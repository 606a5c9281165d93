"""Adding stories to an index from files, folders and corpus files, with worker processes for large adds.

Each story is read and prepared (words, fingerprints, compressed text) apart from the database: in worker
processes when there are many, while this process writes what they return, in input order, so that the
index is the same whatever the number of workers.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..reading.corpus import chunked, corpus_format_for_path, iter_records
from ..reading.formats import FILE_EXTENSIONS, read_source
from ..reading.source import DEFAULT_MAX_BYTES, SourceError
from .index import AddCounts, PreparedStory, StoryIndex, prepare_story

CHUNK = 256
# Below this many stories, forking workers costs more than it saves.
MIN_STORIES_FOR_POOL = 1000


@dataclass(frozen=True)
class ReadOptions:
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    text_field: str = "text"
    id_field: str | None = "id"
    paragraph_separator: str | None = None


@dataclass
class AddReport:
    counts: AddCounts = field(default_factory=AddCounts)
    errors: list[str] = field(default_factory=list)  # one line each: "path: error: ..."


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files and corpus files as given; folders walked in name order for the files notelint reads as
    articles (the extensions a check walks for) and corpus files, hidden entries left out."""
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    lower = name.lower()
                    if lower.endswith(FILE_EXTENSIONS) or corpus_format_for_path(name):
                        yield os.path.join(folder, name)
        else:
            yield path


def _items(paths: Iterable[str], options: ReadOptions, errors: list[str]) -> Iterator[tuple]:
    """("file", path) for an article file (read where it is prepared), ("text", source, text) for a corpus
    record. Corpus errors are collected as they are met."""
    for path in expand_paths(paths):
        if corpus_format_for_path(path):
            try:
                for record in iter_records(path, text_field=options.text_field, id_field=options.id_field,
                                           paragraph_separator=options.paragraph_separator):
                    if record.error is not None or record.text is None:
                        # the form check and stats print for a bad row: a row is not a line (CSV fields span lines)
                        errors.append(f"{path}: error: row {record.row}: {record.error or 'no text'}")
                    else:
                        yield ("text", record.id, record.text)
            except SourceError as exc:
                errors.append(str(exc))
        else:
            yield ("file", path)


def _prepare(item: tuple, options: ReadOptions) -> PreparedStory | str:
    if item[0] == "text":
        return prepare_story(item[1], item[2])
    path = item[1]
    try:
        source = read_source(path, options.input_format, options.max_bytes)
    except SourceError as exc:
        return str(exc)
    return prepare_story(os.path.normpath(path), source.text)


def _prepare_chunk(args: tuple[list[tuple], ReadOptions]) -> list[PreparedStory | str]:
    items, options = args
    return [_prepare(item, options) for item in items]


def add_paths(index: StoryIndex, paths: Iterable[str], options: ReadOptions, jobs: int = 1) -> AddReport:
    report = AddReport()
    items = _items(paths, options, report.errors)
    head = []
    for item in items:  # look ahead: a small add runs here, with no workers at all
        head.append(item)
        if len(head) >= MIN_STORIES_FOR_POOL:
            break
    from itertools import chain

    all_items = chain(head, items)
    if jobs <= 1 or len(head) < MIN_STORIES_FOR_POOL:
        prepared = (_prepare(item, options) for item in all_items)
    else:
        prepared = _in_workers(all_items, options, jobs)
    report.counts = index.add(_keep_stories(prepared, report.errors))
    return report


def _keep_stories(prepared: Iterable[PreparedStory | str], errors: list[str]) -> Iterator[PreparedStory]:
    for story in prepared:
        if isinstance(story, str):
            errors.append(story)
        else:
            yield story


def _in_workers(items: Iterator[tuple], options: ReadOptions, jobs: int) -> Iterator[PreparedStory | str]:
    """Chunks prepared by `jobs` worker processes, yielded in input order, with at most a few chunks per
    worker in flight (a corpus file larger than memory is never read whole)."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        for chunk in chunked(items, CHUNK):
            pending.append(pool.submit(_prepare_chunk, (chunk, options)))
            while len(pending) > 3 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
