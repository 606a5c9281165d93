"""The Dask engine: a 2-worker LocalCluster lints a corpus to exactly the local run's results."""
from __future__ import annotations

import json

import pytest

distributed = pytest.importorskip("distributed")

from notelint.api import settings_from  # noqa: E402
from notelint.cli.main import main  # noqa: E402
from notelint.reading.corpus import iter_records  # noqa: E402
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
