"""`notelint stats CORPUS --index INDEX`: the share of articles derived from a stored wire story and the
quotations those copies altered, per group, with their intervals; and nothing of it without --index."""
from __future__ import annotations

import json
from pathlib import Path

from notelint.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STORY = (EXAMPLES / "wire" / "port-strike.txt").read_text(encoding="utf-8")
UNRELATED = ("Library hours extended\n\nThe city library will stay open until 9 p.m. on weekdays from next month, "
             "the council said on Thursday.\n\nThe change follows a survey of readers, officials said.\n")


def stats_json(tmp_path, monkeypatch, capsys, *extra) -> dict:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    altered = STORY.replace("“We gave management every chance to come back to the table,”",
                            "“We gave management every possible chance to return to the table,”")
    assert altered != STORY
    rows = [("copy-1", "copier.example", STORY), ("copy-2", "copier.example", altered),
            ("own-1", "local.example", UNRELATED), ("own-2", "local.example", UNRELATED.replace("9", "10"))]
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        for record_id, publisher, text in rows:
            fh.write(json.dumps({"id": record_id, "publisher": publisher, "text": text}) + "\n")
    assert main(["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache", "-q",
                 "--output-format", "json", *extra]) == 0
    return json.loads(capsys.readouterr()[0])


def test_stats_with_an_index_counts_copies_and_their_altered_quotations(tmp_path, monkeypatch, capsys):
    index = tmp_path / "wire.idx"
    assert main(["index", "add", str(index), str(EXAMPLES / "wire")]) == 0
    capsys.readouterr()
    stats = stats_json(tmp_path, monkeypatch, capsys, "--index", str(index))
    groups = {g["group"]: g for g in stats["groups"]}
    copier, local = groups["copier.example"], groups["local.example"]
    assert (copier["derived"]["count"], copier["derived"]["of"]) == (2, 2)
    assert (local["derived"]["count"], local["derived"]["of"]) == (0, 2)
    # one copy altered one quotation: 1 altered quotation over 2 copies, with an interval around 0.5
    altered = copier["altered_quotations_per_copy"]
    assert (altered["altered quotations"], altered["copies"], altered["value"]) == (1, 2, 0.5)
    assert altered["low"] < 0.5 < altered["high"]
    assert local["altered_quotations_per_copy"]["value"] is None  # no copies: no rate
    assert stats["total"]["derived"]["count"] == 2 and 0 < stats["total"]["derived"]["low"] < 0.5


def test_stats_without_an_index_has_no_derivation_figures(tmp_path, monkeypatch, capsys):
    stats = stats_json(tmp_path, monkeypatch, capsys)
    assert "derived" not in stats["total"] and all("derived" not in g for g in stats["groups"])


def test_stats_with_a_missing_index_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "a", "text": UNRELATED}) + "\n", encoding="utf-8")
    assert main(["stats", "c.jsonl", "--no-cache", "-q", "--index", "missing.idx"]) == 2
    err = capsys.readouterr()[1]
    assert "missing.idx" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
