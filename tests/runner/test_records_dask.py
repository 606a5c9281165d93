"""The Dask engine: a 2-worker LocalCluster lints a corpus to exactly the local run's results."""
from __future__ import annotations

import json
import os

import pytest

distributed = pytest.importorskip("distributed")
import dask  # noqa: E402  (installed with distributed)

from notelint.api import settings_from  # noqa: E402
from notelint.cli.main import main  # noqa: E402
from notelint.reading.corpus import PartitionUnreadable, iter_records, open_records  # noqa: E402
from notelint.runner import records as records_module  # noqa: E402
from notelint.runner.records import lint_records_dask, lint_records_local  # noqa: E402

TEXTS = [
    "Strikes in Syria\n\nThe administration has responded [it can’t be a “response” when the US started this war] "
    "by twice targeting militia groups.",
    "Port reopens\n\nROTTERDAM (Reuters) - The port reopened on Monday, officials said. [Yeah, right.]",
    "Fares rise again\n\nRail fares will rise by 3 percent in March, the operator said.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_results_equal_local_results(tmp_path, cluster):
    path = tmp_path / "c.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(120):
            fh.write(json.dumps({"id": f"n{i}", "site": f"s{i % 4}", "text": TEXTS[i % 3]}) + "\n")
        fh.write("{oops\n")
    settings = settings_from()

    def results(engine):
        records = iter_records(str(path), id_field="id", meta_fields=["site"])
        return [r for _, chunk in engine(records) for r in chunk]

    local = results(lambda records: lint_records_local(records, settings, str(path), jobs=1))
    remote = results(lambda records: lint_records_dask(records, settings, str(path), scheduler=cluster,
                                                       chunk_size=32, in_flight=3))
    assert len(local) == 121 and local[-1].error.startswith("invalid JSON")
    assert remote == local  # the same records, findings, counts and order, chunked differently


def write_scrape(path, count: int = 150) -> str:
    """A JSON Lines scrape in the shapes real ones take: records with an id and a site, and bad rows among
    them (broken JSON, bytes that are not UTF-8, a missing text, a text that is a number), a blank line."""
    bad = {17: b'{"id": "b17", "text": "unterminated', 40: b'{"id": "b40", "site": "s0", "text": "caf\xe9"}',
           41: b"", 77: json.dumps({"id": "b77", "site": "s1"}).encode(), 90: b'{"id": "b90", "text": 12}'}
    with open(path, "wb") as fh:
        for i in range(count):
            line = bad.get(i) or json.dumps({"id": f"n{i}", "site": f"s{i % 4}", "text": TEXTS[i % 3]},
                                            ensure_ascii=False).encode()
            fh.write(line + b"\n")
    return str(path)


def test_dask_workers_read_their_partitions_to_exactly_the_local_results(tmp_path, cluster):
    path = write_scrape(tmp_path / "scrape.jsonl")
    settings = settings_from()
    local = [r for _, chunk in lint_records_local(open_records(path, id_field="id", meta_fields=["site"]), settings,
                                                  path, jobs=1) for r in chunk]
    stream = open_records(path, id_field="id", meta_fields=["site"])
    chunks = list(lint_records_dask(stream, settings, path, scheduler=cluster, partition_bytes=900, in_flight=3,
                                    notice=pytest.fail))
    assert len(chunks) > 10 and all(records == () for records, _ in chunks)  # the records stayed on the workers
    remote = [r for _, results in chunks for r in results]
    assert remote == local  # records, rows, ids, metadata, findings (with their record), counts and order
    assert [(r.row, r.error) for r in remote if r.error] == [
        (18, "invalid JSON: Invalid control character at at column 36"),
        (41, "not valid UTF-8 (byte offset 40 of the line)"), (78, "no text field 'text'"),
        (91, "text field 'text' is a number, not a string")]
    named = [(f.record.row, f.record.id, dict(f.record.meta)) for r in remote for f in r.findings]
    assert len(named) > 50 and named == [(r.row, r.id, r.meta) for r in remote for _ in r.findings]
    assert remote[3].meta == {"site": "s3"} and remote[3].id == "n3"
    assert stream.done == os.path.getsize(path)  # the progress bar's bytes, as a whole-file read counts them


def test_dask_sends_the_records_when_the_caller_keeps_them_or_the_workers_cannot_read_the_file(
        tmp_path, cluster, monkeypatch):
    path = write_scrape(tmp_path / "scrape.jsonl", count=60)
    settings = settings_from()
    local = [r for _, chunk in lint_records_local(open_records(path, id_field="id"), settings, path) for r in chunk]
    kept = list(lint_records_dask(open_records(path, id_field="id"), settings, path, scheduler=cluster,
                                  keep_records=True, chunk_size=16, notice=pytest.fail))
    assert [r.id for records, _ in kept for r in records] == [r.id for r in local]
    assert [r for _, results in kept for r in results] == local
    # A cluster on other machines that lack the file: the workers are asked, and the client reads it.
    monkeypatch.setattr(records_module, "_unseen_by", lambda client, part: "worker tcp://10.0.0.7:4000: cannot open "
                                                                           f"{part.path}: No such file or directory")
    told: list[str] = []
    sent = list(lint_records_dask(open_records(path, id_field="id"), settings, path, scheduler=cluster, chunk_size=16,
                                  notice=told.append))
    assert told == [f"{path}: note: the Dask workers cannot read this file themselves (worker tcp://10.0.0.7:4000: "
                    f"cannot open {path}: No such file or directory): its records are read here and sent to them"]
    assert all(len(records) for records, _ in sent) and [r for _, results in sent for r in results] == local


# The module's cluster holds the scheduler's HTTP port (8787, served even without a dashboard): this
# second cluster's scheduler takes another and says so.
@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")
def test_a_partition_a_worker_cannot_read_is_read_by_the_client(tmp_path, monkeypatch):
    """A worker that joins after the workers were asked, without the file: its partitions are read here."""
    path = write_scrape(tmp_path / "scrape.jsonl", count=60)
    settings = settings_from()
    local = [r for _, chunk in lint_records_local(open_records(path, id_field="id"), settings, path) for r in chunk]
    real = records_module.read_partition

    def read_partition(partition):
        try:
            distributed.get_worker()
        except ValueError:
            return real(partition)  # in the client
        raise PartitionUnreadable(f"cannot open {partition.path}: No such file or directory")

    monkeypatch.setattr(records_module, "read_partition", read_partition)
    told: list[str] = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        chunks = list(lint_records_dask(open_records(path, id_field="id"), settings, path, scheduler=c,
                                        partition_bytes=1000, notice=told.append))
    assert len(chunks) > 3 and [r for _, results in chunks for r in results] == local
    assert told == [f"{path}: note: a Dask worker cannot read this file (cannot open {path}: No such file or "
                    "directory): the partitions it cannot read are read here and sent to it"]


def test_dask_workers_read_parquet_row_groups_to_exactly_the_local_results(tmp_path, cluster):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    ids = [f"p{i}" if i % 7 else None for i in range(50)]  # a missing id is a bad row
    pq.write_table(pa.table({"id": ids, "site": [f"s{i % 3}" for i in range(50)],
                             "text": [TEXTS[i % 3] for i in range(50)]}), tmp_path / "c.parquet", row_group_size=6)
    path = str(tmp_path / "c.parquet")
    settings = settings_from()
    local = [r for _, chunk in lint_records_local(open_records(path, id_field="id", meta_fields=["site"]), settings,
                                                  path) for r in chunk]
    chunks = list(lint_records_dask(open_records(path, id_field="id", meta_fields=["site"]), settings, path,
                                    scheduler=cluster, partition_bytes=1, notice=pytest.fail))
    assert len(chunks) == 9 and all(records == () for records, _ in chunks)
    assert [r for _, results in chunks for r in results] == local
    assert [r.row for r in local if r.error] == [1, 8, 15, 22, 29, 36, 43, 50]


def test_dask_from_the_command_line(tmp_path, cluster, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        for i in range(40):
            fh.write(json.dumps({"text": TEXTS[i % 3]}) + "\n")
    args = ["check", "--no-cache", "--output-format", "json-lines", "c.jsonl"]
    assert main(args) == 1
    local = capsys.readouterr()[0]
    assert main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 1
    assert capsys.readouterr()[0] == local


def test_dask_command_line_with_ids_metadata_and_bad_rows_equals_local(tmp_path, cluster, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    write_scrape(tmp_path / "scrape.jsonl", count=80)
    for fmt in ("json-lines", "full"):  # full shows each finding's text: the records come back to the client
        args = ["check", "--no-cache", "--output-format", fmt, "--id-field", "id", "--meta-field", "site",
                "scrape.jsonl"]
        assert main(args) == 2  # bad rows
        local = capsys.readouterr()
        assert main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 2
        assert capsys.readouterr() == local
        assert "scrape.jsonl: error: row 18: invalid JSON" in local.err
    # A file that is not there is the same one-line error as on one machine, not a scheduler's problem.
    assert main(["check", "--engine", "dask", "--scheduler", cluster.scheduler_address, "gone.jsonl"]) == 2
    assert capsys.readouterr().err == "gone.jsonl: error: no such file\n"


def test_dask_stats_equal_local_stats(tmp_path, cluster, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    write_scrape(tmp_path / "scrape.jsonl", count=80)
    args = ["stats", "--output-format", "json", "--id-field", "id", "--by", "site", "scrape.jsonl"]
    assert main(args) == 2  # bad rows
    local = capsys.readouterr()
    assert main([*args, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 2
    assert capsys.readouterr() == local
    assert json.loads(local.out)


def test_results_come_straight_from_workers_on_this_machine(tmp_path, cluster, monkeypatch):
    """A client notelint makes for a LocalCluster's address fetches results from its workers without the
    scheduler's hop; Dask's own setting, when one is made, is left to decide."""
    made = []

    class Client(distributed.Client):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(distributed, "Client", Client)
    path = write_scrape(tmp_path / "scrape.jsonl", count=30)
    settings = settings_from()
    local = [r for _, chunk in lint_records_local(open_records(path, id_field="id"), settings, path) for r in chunk]

    def remote():
        return [r for _, chunk in lint_records_dask(open_records(path, id_field="id"), settings, path,
                                                    scheduler=cluster.scheduler_address, partition_bytes=512)
                for r in chunk]

    assert remote() == local and made[-1].direct_to_workers is True
    with dask.config.set({"distributed.client.direct-to-workers": False}):
        assert remote() == local and made[-1].direct_to_workers is False


def test_workers_elsewhere_are_reached_through_the_scheduler():
    on_loopback = records_module._all_on_loopback
    assert on_loopback(["tcp://127.0.0.1:40001", "tcp://127.0.0.1:40002"], "tcp://127.0.0.1:8786")
    assert on_loopback(["tcp://[::1]:40001"], "tcp://localhost:8786")
    # Beside a scheduler on a network address, a firewall may drop the workers' ports: Dask's default.
    assert not on_loopback(["tcp://10.0.0.5:40001"], "tcp://10.0.0.5:8786")
    assert not on_loopback(["tcp://127.0.0.1:40001", "tcp://10.0.0.6:40002"], "tcp://127.0.0.1:8786")


def test_a_binary_file_is_refused_before_its_partitions_go_to_the_workers(tmp_path, cluster):
    from notelint.reading.source import SourceError

    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    with pytest.raises(SourceError, match=r"binary file \(NUL byte at byte offset 8\), not JSON Lines"):
        list(lint_records_dask(open_records(str(path)), settings_from(), str(path), scheduler=cluster))
