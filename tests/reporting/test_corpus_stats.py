"""`notelint stats`: per-publisher figures on a small corpus whose every number was worked out by hand."""
from __future__ import annotations

import csv
import io
import json
import math

import pytest

import notelint
from notelint.cli.main import main
from notelint.reporting.intervals import _lower_gamma, pearson_dispersion, poisson_rate, wilson
from notelint.reporting.stats import corpus_stats

# Five articles, two outlets. By hand (words: runs of characters between white space, as a word processor
# counts them):
#   A1 19 words, 1 insertion ("[Yeah, right.]"), credited to Reuters, findings NL105 NL103 NL104 NL203
#   A2 30 words, 2 insertions (an editor's note, "[Yeah, right.]"), no credit, findings NL103 NL104 NL203
#   A3 20 words, nothing;  B1 20 words (the dash counts), credited to AP, nothing;  B2 15 words, nothing.
ARTICLES = [
    ("A1", "alpha.example", "Port reopens after strike\n\nROTTERDAM (Reuters) - The port reopened on Monday, officials "
                            "said. [Yeah, right.]\n\nShips queued overnight."),
    ("A2", "alpha.example", "Council backs housing plan\n\nThe council voted 7 to 2 to approve the plan. [Editor's note: "
                            "it will do nothing for renters.]\n\nThe mayor called it “a start.” [Yeah, right.]"),
    ("A3", "alpha.example", "Bridge closed for repairs\n\nThe bridge will close for two weeks, the city said.\n\nDrivers "
                            "should use the ring road."),
    ("B1", "beta.example", "Storm closes ports\n\nLONDON (AP) — Three ports closed on Friday as the storm moved east, the "
                           "harbour authority said."),
    ("B2", "beta.example", "Fares rise again\n\nRail fares will rise by 3 percent in March, the operator said."),
]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        for record_id, publisher, text in ARTICLES:
            fh.write(json.dumps({"id": record_id, "publisher": publisher, "text": text}) + "\n")
        fh.write('{"id": "bad", "publisher": "beta.example"}\n')  # no text: unreadable, counted apart
    return tmp_path


def test_the_linted_facts_are_the_hand_counts(corpus):
    results = list(notelint.lint_records(str(corpus / "c.jsonl"), id_field="id", meta_fields=["publisher"]))
    assert [(r.id, r.words, r.insertions, r.wire_service) for r in results[:5]] == [
        ("A1", 19, 1, "Reuters"), ("A2", 30, 2, None), ("A3", 20, 0, None), ("B1", 20, 0, "Associated Press"),
        ("B2", 15, 0, None)]
    assert [r.family_counts() for r in results[:2]] == [{"NL1": 3, "NL2": 1}, {"NL1": 2, "NL2": 1}]
    assert results[5].error == "no text field 'text'"


def test_figures_by_hand(corpus):
    stats = corpus_stats(notelint.lint_records(str(corpus / "c.jsonl"), id_field="id", meta_fields=["publisher"]),
                         by="publisher")
    alpha, beta = stats["groups"]
    total = stats["total"]
    assert (alpha["group"], alpha["articles"], alpha["unreadable"]) == ("alpha.example", 3, 0)
    assert (beta["group"], beta["articles"], beta["unreadable"]) == ("beta.example", 2, 1)
    assert (total["articles"], total["unreadable"]) == (5, 1)

    # Share with insertions, Wilson: 2 of 3 -> centre (2/3 + z²/6) / (1 + z²/3), half-width
    # z·sqrt(2/27 + z²/36) / (1 + z²/3) with z = 1.96: 0.2077 to 0.9385.
    share = alpha["with_insertions"]
    assert (share["count"], share["of"]) == (2, 3)
    assert share["value"] == pytest.approx(2 / 3)
    assert (share["low"], share["high"]) == (pytest.approx(0.2077, abs=5e-5), pytest.approx(0.9385, abs=5e-5))
    assert (beta["with_insertions"]["low"], beta["with_insertions"]["high"]) == (0.0, pytest.approx(0.6576, abs=5e-5))
    assert (total["with_insertions"]["low"], total["with_insertions"]["high"]) == (
        pytest.approx(0.1176, abs=5e-5), pytest.approx(0.7693, abs=5e-5))  # 2 of 5

    # Insertions per 1,000 words: 3 in 19 + 30 + 20 = 69 words -> 43.48. Dispersion: sum y²/x = 1/19 + 4/30,
    # divided by the rate 3/69, less 3, is 1.28 over 2 degrees of freedom: under 1, so the exact Poisson
    # interval for 3 events (0.6187 to 8.7673, from tables) over 69 words.
    rate = alpha["insertions_per_1000_words"]
    assert (rate["insertions"], rate["words"], rate["dispersion"]) == (3, 69, 1.0)
    assert rate["value"] == pytest.approx(3000 / 69)
    assert rate["low"] == pytest.approx(0.6187 / 69 * 1000, rel=1e-3)
    assert rate["high"] == pytest.approx(8.7673 / 69 * 1000, rel=1e-3)
    # beta: no insertion in 35 words: 0 to 3.6889 events.
    assert beta["insertions_per_1000_words"]["high"] == pytest.approx(3.6889 / 35 * 1000, rel=1e-3)

    # Wire-credited articles carrying commentary: alpha 1 of 1 (A1), beta 0 of 1 (B1), in all 1 of 2.
    assert (alpha["wire_with_commentary"]["count"], alpha["wire_with_commentary"]["of"]) == (1, 1)
    assert alpha["wire_with_commentary"]["low"] == pytest.approx(0.2065, abs=5e-5)
    assert (beta["wire_with_commentary"]["count"], beta["wire_with_commentary"]["of"]) == (0, 1)
    assert beta["wire_with_commentary"]["high"] == pytest.approx(0.7935, abs=5e-5)
    assert (total["wire_with_commentary"]["low"], total["wire_with_commentary"]["high"]) == (
        pytest.approx(0.0945, abs=5e-5), pytest.approx(0.9055, abs=5e-5))

    # NL1 per article, alpha: counts 3, 2, 0 -> 5/3. Dispersion (9 + 4) / (5/3) - 5 = 2.8 over 2 = 1.4: the
    # interval of 5 / 1.4 events over 3 / 1.4 articles.
    nl1 = alpha["findings_per_article"]["NL1"]
    assert (nl1["findings"], nl1["articles"]) == (5, 3)
    assert nl1["dispersion"] == pytest.approx(1.4)
    assert (nl1["low"], nl1["high"]) == pytest.approx(poisson_rate(5, 3, 1.0, 1.4))
    assert nl1["low"] < poisson_rate(5, 3)[0] and nl1["high"] > poisson_rate(5, 3)[1]  # wider than plain Poisson
    assert alpha["findings_per_article"]["NL2"]["value"] == pytest.approx(2 / 3)
    assert beta["findings_per_article"]["NL3"] == {"findings": 0, "articles": 2, "value": 0.0, "low": 0.0,
                                                  "high": pytest.approx(3.6889 / 2, rel=1e-3), "dispersion": 1.0}


def test_interval_functions_against_tables_and_closed_forms():
    assert wilson(0, 0) is None and poisson_rate(1, 0) is None
    assert wilson(5, 10) == (pytest.approx(0.2366, abs=5e-5), pytest.approx(0.7634, abs=5e-5))
    assert poisson_rate(10, 1) == (pytest.approx(4.7954, abs=5e-4), pytest.approx(18.3904, abs=5e-4))
    for k in (1, 2, 5, 30):  # P(k, x) = 1 - e^-x sum_{i<k} x^i / i! for a whole k
        for x in (0.3, 2.0, 7.5, 40.0):
            closed = 1 - math.exp(-x) * sum(x ** i / math.factorial(i) for i in range(k))
            assert _lower_gamma(k, x) == pytest.approx(closed, abs=1e-12)
    assert pearson_dispersion(5, 3, 13, 3) == pytest.approx(1.4)
    assert pearson_dispersion(0, 3, 0, 3) == 1.0 and pearson_dispersion(4, 1, 16, 1) == 1.0


def test_stats_command_outputs(corpus, capsys):
    args = ["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache"]
    code = main([*args, "--output-format", "json"])
    out, err = capsys.readouterr()
    assert code == 2 and err.strip() == "c.jsonl: error: row 6: no text field 'text'"
    data = json.loads(out)
    assert [g["group"] for g in data["groups"]] == ["alpha.example", "beta.example"] and data["by"] == "publisher"
    main([*args, "--output-format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr()[0])))
    assert [r["group"] for r in rows] == ["alpha.example", "beta.example", "(all)"]
    assert rows[0]["with_insertions_count"] == "2" and rows[0]["with_insertions_of"] == "3"
    assert float(rows[0]["with_insertions_low"]) == pytest.approx(0.2077, abs=5e-5)
    main([*args, "--output-format", "table", "--color", "never"])
    table = capsys.readouterr()[0]
    assert "alpha.example" in table and "67% (21%–94%)" in table and "Wilson" in table


def test_help_lists_the_command(capsys):
    # argparse %-formats help strings: a bare "95%" in one broke `notelint --help` for every command.
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0 and "stats" in capsys.readouterr()[0]
    with pytest.raises(SystemExit):
        main(["stats", "--help"])
    assert "--by FIELD" in capsys.readouterr()[0]


def test_html_report_charts_each_group_with_its_interval(corpus, capsys):
    main(["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache", "--output-format", "html"])
    page = capsys.readouterr()[0]
    assert page.startswith("<!DOCTYPE html>") or page.lstrip().lower().startswith("<!doctype html")
    assert page.count("<svg") == 6 and "alpha.example" in page and "beta.example" in page
    # alpha's share with insertions, 2 of 3, and its Wilson bounds, in the chart's description.
    assert "alpha.example: 66.7% (95% interval 20.8% to 93.9%)" in page


def test_a_corpus_file_that_cannot_be_read_is_told_and_the_others_are_counted(corpus, capsys):
    code = main(["stats", "gone.jsonl", "c.jsonl", "--id-field", "id", "--by", "publisher", "--output-format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == ["gone.jsonl: error: no such file", "c.jsonl: error: row 6: no text field 'text'"]
    assert [g["group"] for g in json.loads(out)["groups"]] == ["alpha.example", "beta.example"]
