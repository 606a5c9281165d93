"""The typed Python API: lint an article's text, or a corpus's records, from Python.

    import notelint
    findings = notelint.lint("Headline\\n\\nOfficials said [wrongly] that ...")
    for result in notelint.lint_records("articles.csv", meta_fields=["publisher"],
                                        paragraph_separator=" ### "):
        ...
    frame = notelint.findings_to_pandas(results)   # needs pandas

Stable fields (kept across releases; new ones may be added):

Finding (frozen, ordered by path, line, col, code):
    path, line, col, end_line, end_col: where (1-based line and column, code points; in a record, within
        its text); start, end: code-point offsets into the text; code, name, severity ("info", "warning",
        "error"), message, text (the offending text, at most 200 characters). A finding in a corpus record
        is a RecordFinding, which adds `record` (file, row, id, meta) and whose path is `file#id`.
RecordResult (one per record, in file order):
    file, row, id, meta, error (why the record could not be read; then nothing else is set), findings,
    words, insertions, wire_service.
Document (from notelint.parse): path, text, spans (the top-level blocks, each a Span with kind, start,
    end, children, attrs), problems, wire_service, walk(), spans_of(kind), location(start, end).
"""
from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence, Union

if TYPE_CHECKING:
    from .linting.config import Settings
    from .linting.findings import Finding
    from .reading.corpus import Record
    from .runner.records import RecordResult

SettingsLike = Union["Settings", Mapping[str, Any], None]


def settings_from(settings: SettingsLike = None) -> "Settings":
    """Settings from a Settings object, a mapping of configuration keys as in notelint.toml
    ({"select": ["NL1"], "wire-services": [...]}), or None: the built-in defaults. Configuration files are
    never read unless the mapping names one ({"config": "path/notelint.toml"})."""
    from .linting.config import Settings, load_settings

    if isinstance(settings, Settings):
        return settings
    if settings is None:
        return _default_settings(os.getcwd())
    overrides = dict(settings)
    if "config" not in overrides:
        overrides["isolated"] = True
    return load_settings(None, overrides)


@functools.lru_cache(maxsize=4)
def _default_settings(cwd: str) -> "Settings":
    """The built-in defaults, rooted at `cwd` (Settings.root): built once per working directory rather than
    for every article a loop over `lint(text)` checks, where building them was a quarter of the time of a
    one-sentence record. Settings are frozen, so one object serves every call."""
    from .linting.config import load_settings

    return load_settings(None, {"isolated": True})


def lint(text: str, *, path: str | None = None, settings: SettingsLike = None) -> list["Finding"]:
    """The findings of one article's plain text, in report order (`path` only names it in the findings)."""
    from .linting.engine import lint_source
    from .reading.source import plain_source

    return lint_source(plain_source(text, path), settings_from(settings))


def lint_records(records: Union[str, "os.PathLike[str]", Iterable[Any]], *, text_field: str = "text",
                 id_field: str | None = None, meta_fields: Sequence[str] = (),
                 paragraph_separator: str | None = None, input_format: str | None = None,
                 settings: SettingsLike = None, jobs: int = 1, scheduler: Any = None,
                 file: str = "<records>") -> Iterator["RecordResult"]:
    """Lint a corpus record by record, yielding one RecordResult per record in order.

    `records`: a corpus file's path (JSON Lines, CSV or Parquet), or an iterable of mappings (dicts, or
    the rows of `DataFrame.to_dict("records")`) or of notelint.reading.corpus.Record. `jobs` > 1 lints in
    that many worker processes; `scheduler` (an address, a distributed.Client or a LocalCluster) lints on
    a Dask cluster instead (its workers read a JSON Lines or Parquet file's partitions themselves when they
    see the file at the same path). Records are read lazily, a chunk at a time."""
    from .reading.corpus import Record, open_records
    from .runner.records import lint_records_dask, lint_records_local

    resolved = settings_from(settings)
    if isinstance(records, (str, os.PathLike)):
        file = os.fspath(records)
        stream: Iterable[Record] = open_records(file, input_format=input_format, text_field=text_field,
                                                id_field=id_field, meta_fields=meta_fields,
                                                paragraph_separator=paragraph_separator)
    else:
        stream = _records_from_mappings(records, text_field, id_field, meta_fields, paragraph_separator)
    if scheduler is not None:
        chunks = lint_records_dask(stream, resolved, file, scheduler=scheduler)
    else:
        chunks = lint_records_local(stream, resolved, file, jobs=jobs)
    for _chunk, results in chunks:
        yield from results


def _records_from_mappings(rows: Iterable[Any], text_field: str, id_field: str | None, meta_fields: Sequence[str],
                           separator: str | None) -> Iterator["Record"]:
    from .reading.corpus import Record, record_from_mapping

    for row, item in enumerate(rows, 1):
        if isinstance(item, Record):
            yield item
        elif isinstance(item, Mapping):
            yield record_from_mapping(row, item, text_field=text_field, id_field=id_field, meta_fields=meta_fields,
                                      paragraph_separator=separator)
        else:
            yield Record(row, str(row), None, {}, f"a {type(item).__name__}, not a mapping of fields")


def findings_to_pandas(items: Iterable[Any]):
    """A pandas DataFrame with one row per finding: the finding's fields, and for a record's finding its
    file, row, id and metadata. `items`: Findings or RecordResults (their findings are taken)."""
    pd = _pandas()
    from .reporting.corpus import finding_row

    rows: list[dict] = []
    for item in items:
        if hasattr(item, "findings"):
            names = list(item.meta)
            rows.extend(finding_row(f, names) for f in item.findings)
        else:
            record = getattr(item, "record", None)
            rows.append(finding_row(item, [k for k, _ in record.meta] if record else ()))
    return pd.DataFrame(rows)


def articles_to_pandas(results: Iterable["RecordResult"]):
    """A pandas DataFrame with one row per record: its id and metadata, error, words, insertions, wire
    service and findings counted by severity and rule family (as `check --per-article`)."""
    pd = _pandas()
    from .reporting.corpus import article_row

    rows = []
    families: set[str] = set()
    results = list(results)
    for result in results:
        families.update(f.code[:3] for f in result.findings)
    for result in results:
        rows.append(article_row(result, list(result.meta), sorted(families)))
    return pd.DataFrame(rows)


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("to_pandas needs pandas: pip install pandas") from None
    return pandas
