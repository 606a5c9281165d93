"""`notelint diff` as a user runs it: a wire story and a republished copy written for these tests, every view,
findings formats, exit codes and bad input."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notelint.cli.main import main

from conftest import CORPUS_ARTICLE, FIXTURES

ORIGINAL = FIXTURES / "diff-wire-original.txt"
REPUBLISHED = FIXTURES / "diff-wire-republished.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_wire_pair_json_accounts_for_every_change(capsys):
    code, out, err = run(capsys, "diff", "--output-format", "json", ORIGINAL, REPUBLISHED)
    assert code == 1 and err == ""
    data = json.loads(out)
    assert data["original"] == str(ORIGINAL) and data["republished"] == str(REPUBLISHED)
    got = [(h["kind"], h["region"], h["in_quote"], h.get("rule")) for h in data["hunks"]]
    assert got == [
        ("replacement", "headline", False, None),           # the republisher's own headline
        ("unmarked_insertion", "standfirst", False, None),  # and standfirst
        ("style", "body", False, "dateline"),               # BEIRUT (AP) — / BEIRUT:
        ("style", "body", False, "percent"),                # 200 percent / 200%
        ("deletion", "body", False, None),                  # , according to the Interior Ministry
        ("style", "body", False, "paragraph-split"),
        ("replacement", "body", True, None),                # smugglers -> thieves, inside the quotation
        ("style", "body", False, "percent"),                # 90 percent / 90%
        ("unmarked_insertion", "body", False, None),        # Few Lebanese expect ...
        ("marked_insertion", "body", False, None),          # [as if Washington cared ...]
        ("moved", "body", True, None),                      # the embassy paragraph
        ("style", "body", False, "us-abbreviation"),        # U.S. / US inside the moved paragraph
        ("furniture", "body", False, "credit"),             # the AP contributor line, cut: the agency's credit
        ("marked_insertion", "body", False, None),          # Editor's note: ...
        ("furniture", "source", False, "credit"),           # Source: Associated Press: a credit, not a note
    ]
    original_text = ORIGINAL.read_text(encoding="utf-8")
    republished_text = REPUBLISHED.read_text(encoding="utf-8")
    for hunk in data["hunks"]:
        for side, text in (("original", original_text), ("republished", republished_text)):
            s = hunk[side]
            assert text[s["start"]:s["end"]] == s["text"]
            assert text[:s["start"]].count("\n") + 1 == s["line"]
            assert s["start"] - (text.rfind("\n", 0, s["start"]) + 1) + 1 == s["col"]
    quote = data["hunks"][6]
    assert (quote["original"]["text"], quote["republished"]["text"]) == ("smugglers", "thieves")
    assert (quote["republished"]["line"], quote["republished"]["col"]) == (11, 39)
    deletion = data["hunks"][4]
    assert deletion["original"]["text"] == ", according to the Interior Ministry" and deletion["attribution"] is True
    assert data["summary"]["moved"] == 1 and data["summary"]["style"] == 5
    assert data["summary"]["findings"] == {"NL501": 1, "NL502": 2, "NL503": 1, "NL504": 1, "NL505": 1}
    # Reader comments are left out: nothing from them appears anywhere.
    assert "Rami" not in out


def test_full_view_in_colour_to_a_file(tmp_path, capsys):
    target = tmp_path / "diff.ansi"
    code, out, _ = run(capsys, "diff", "--color", "always", "-o", target, ORIGINAL, REPUBLISHED)
    assert code == 1 and out == ""
    rendered = target.read_text(encoding="utf-8")
    assert "\x1b[" in rendered
    plain = ANSI.sub("", rendered)
    # Each changed paragraph of the republished article, with where it is in both files.
    assert "standfirst · " + str(REPUBLISHED) + ":3 · new" in plain
    assert "The people pay for the failures of a corrupt elite, and the West applauds." in plain
    assert "body · " + str(REPUBLISHED) + ":11 · original line 7" in plain
    # The deleted word is shown struck through, the new one on red.
    assert re.search(r"\x1b\[9;31m\s*smugglers\s*\x1b\[0m", rendered)
    assert re.search(r"\x1b\[1;37;41mthieves\x1b\[0m", rendered)
    assert re.search(r"\x1b\[30;43m\[as if Washington cared about Lebanese patients\]\x1b\[0m", rendered)
    # House style is counted but not shown without --show-style; unchanged paragraphs are not shown.
    assert "200 percent" not in plain
    assert "Caretaker Prime Minister" not in plain
    assert "NL501 [error] quotation altered: “smugglers” became “thieves”" in plain
    assert plain.rstrip().endswith("17.4% of the republished article is not wire text")


def test_full_view_without_colour_marks_changes_in_text(capsys):
    code, out, _ = run(capsys, "diff", "--color", "never", ORIGINAL, REPUBLISHED)
    assert code == 1 and "\x1b[" not in out
    assert "subsidy for [-smugglers-] {+thieves+}.”" in out
    assert "{#[as if Washington cared about Lebanese patients]#}" in out
    assert "{+Few Lebanese expect their politicians to do anything about it.+}" in out
    assert "{>The US Embassy in Beirut" in out
    assert "[-, according to the Interior Ministry-]" in out


def test_show_style_adds_the_house_style_changes(capsys):
    _, out, _ = run(capsys, "diff", "--color", "never", "--show-style", ORIGINAL, REPUBLISHED)
    assert "{~200 percent→200%~}" in out
    assert "{~BEIRUT (AP) —→BEIRUT:~}" in out


def test_unified_word_diff(capsys):
    code, out, _ = run(capsys, "diff", "--output-format", "unified", ORIGINAL, REPUBLISHED)
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == [f"--- {ORIGINAL}", f"+++ {REPUBLISHED}"]
    assert "@@ -7 +11 @@ body" in lines
    assert "“The subsidy has become a subsidy for [-smugglers-] {+thieves+}.”" in lines
    assert any(line.startswith("@@ -11 +19 @@ body (moved from original line 11)") for line in lines)
    assert "{+[as if Washington cared about Lebanese patients]+}" in out


def test_side_by_side(capsys):
    code, out, _ = run(capsys, "diff", "--output-format", "side-by-side", "--width", "120", "--color", "never",
                       ORIGINAL, REPUBLISHED)
    assert code == 1
    header = out.splitlines()[1]
    assert "original:" in header and "republished:" in header
    rows = [line.split("│")[1:3] for line in out.splitlines() if line.count("│") == 3]
    assert any("[-smugglers-]" in left for left, _ in rows)
    assert any("{+thieves+}" in right for _, right in rows)
    assert not any("thieves" in left or "smugglers" in right for left, right in rows)


def test_concise_and_sarif_carry_the_findings(capsys):
    code, out, _ = run(capsys, "diff", "--output-format", "concise", ORIGINAL, REPUBLISHED)
    assert code == 1
    assert f"{REPUBLISHED}:11:39: NL501 quotation altered: “smugglers” became “thieves”" in out.splitlines()
    code, out, _ = run(capsys, "diff", "--output-format", "sarif", ORIGINAL, REPUBLISHED)
    sarif = json.loads(out)
    # Its own category, so code scanning does not replace `check`'s alerts with the diff's.
    assert sarif["runs"][0]["automationDetails"]["id"] == "notelint/diff/"
    results = sarif["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["NL501", "NL502", "NL502", "NL503", "NL504", "NL505"]
    rule_ids = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"NL501", "NL505"} <= rule_ids


def test_github_annotations(capsys):
    _, out, _ = run(capsys, "diff", "--output-format", "github", ORIGINAL, REPUBLISHED)
    assert re.search(r"^::error .*line=11.*col=39.*::.*quotation altered", out, re.M)


# --- Exit codes ----------------------------------------------------------------------------------------

def test_exit_code_follows_fail_on(capsys, tmp_path):
    original = ORIGINAL.read_text(encoding="utf-8")
    only_deleted = tmp_path / "cut.txt"
    only_deleted.write_text(original.replace(", according to the Interior Ministry", ""), encoding="utf-8")
    # A deleted attribution is a warning: not a failure by default, a failure with --fail-on warning.
    assert run(capsys, "diff", "--output-format", "concise", ORIGINAL, only_deleted)[0] == 0
    assert run(capsys, "diff", "--output-format", "concise", "--fail-on", "warning", ORIGINAL, only_deleted)[0] == 1
    assert run(capsys, "diff", "--output-format", "concise", "--exit-zero", ORIGINAL, REPUBLISHED)[0] == 0
    assert run(capsys, "diff", "--output-format", "concise", "--ignore", "NL501,NL502", ORIGINAL, REPUBLISHED)[0] == 0


def test_identical_files_exit_zero_with_an_empty_diff(capsys):
    code, out, _ = run(capsys, "diff", "--output-format", "json", ORIGINAL, ORIGINAL)
    assert code == 0
    assert json.loads(out)["hunks"] == []


@pytest.mark.parametrize("argv, message", [
    (["diff", "missing.txt", str(REPUBLISHED)], "missing.txt: error: no such file"),
    (["diff", str(ORIGINAL), str(FIXTURES)], "is a directory"),
    (["diff", "-", "-"], "standard input (-) can be only one of the two files"),
    (["diff", "--style-rules", "nope.toml", str(ORIGINAL), str(REPUBLISHED)], "nope.toml: error: no such file"),
    (["diff", "--select", "NL999", str(ORIGINAL), str(REPUBLISHED)], "unknown rule code"),
])
def test_bad_input_is_one_line_and_exit_code_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_binary_file_is_refused(capsys, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _, err = run(capsys, "diff", ORIGINAL, binary)
    assert code == 2 and "binary file" in err


def test_user_style_rules_extend_the_shipped_ones(capsys, tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text("[[equivalence]]\nname = 'thieves-smugglers'\npattern = '''\\bthieves\\b'''\ncanonical = 'smugglers'\n",
                    encoding="utf-8")
    _, out, _ = run(capsys, "diff", "--output-format", "json", "--style-rules", pack, ORIGINAL, REPUBLISHED)
    quote = [h for h in json.loads(out)["hunks"] if h["republished"]["text"] == "thieves"]
    assert [(h["kind"], h["rule"]) for h in quote] == [("style", "thieves-smugglers")]


def test_one_file_is_compared_with_its_own_wire_text(capsys):
    code, out, _ = run(capsys, "diff", "--output-format", "json", CORPUS_ARTICLE)
    data = json.loads(out)
    assert sorted(h["kind"] for h in data["hunks"]) == ["marked_insertion", "marked_insertion", "unmarked_insertion"]
    assert data["original"] == f"{CORPUS_ARTICLE} (wire text)"
    assert code == 1  # the standfirst is an unmarked insertion (NL502)


def test_standard_input_as_the_republished_article(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPUBLISHED.read_bytes())))
    code, out, _ = run(capsys, "diff", "--output-format", "concise", ORIGINAL, "-")
    assert code == 1 and "-:11:39: NL501" in out


def test_the_installed_command_runs_diff(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "notelint", "diff", "--output-format", "json", str(ORIGINAL),
                           str(REPUBLISHED)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and json.loads(proc.stdout)["summary"]["hunks"] == 15
    assert Path(proc.stdout and str(ORIGINAL)).exists()


def test_context_shows_unchanged_neighbouring_paragraphs(capsys):
    _, without, _ = run(capsys, "diff", "--color", "never", ORIGINAL, REPUBLISHED)
    _, with_context, _ = run(capsys, "diff", "--color", "never", "--context", "1", ORIGINAL, REPUBLISHED)
    caretaker = "Caretaker Prime Minister Hassan Diab called the decision illegal"
    assert caretaker not in without and caretaker in with_context
    assert "⋮" in without  # unchanged paragraphs were skipped between changed ones
    code, _, err = run(capsys, "diff", "--context", "-1", ORIGINAL, REPUBLISHED)
    assert code == 2 and "--context" in err


def test_a_markdown_copy_reports_positions_in_the_markdown_file(capsys, tmp_path):
    markdown = FIXTURES / "iraqi-militias-republished.md"
    wire = tmp_path / "wire.txt"
    code, out, _ = run(capsys, "strip", "-o", wire, CORPUS_ARTICLE)
    assert code == 0
    code, out, _ = run(capsys, "diff", "--output-format", "json", wire, markdown)
    data = json.loads(out)
    assert sorted(h["kind"] for h in data["hunks"]) == ["marked_insertion", "marked_insertion", "unmarked_insertion"]
    source = markdown.read_text(encoding="utf-8")
    for hunk in data["hunks"]:
        side = hunk["republished"]
        assert source[side["start"]:side["end"]] == side["text"]
        assert source.splitlines()[side["line"] - 1][side["col"] - 1:].startswith(side["text"].split("\n")[0])


def test_a_paragraph_split_is_marked_only_with_show_style(capsys):
    _, plain, _ = run(capsys, "diff", "--color", "never", ORIGINAL, REPUBLISHED)
    _, styled, _ = run(capsys, "diff", "--color", "never", "--show-style", ORIGINAL, REPUBLISHED)
    assert "¶ split" not in plain
    assert "said in a televised interview. {~¶ split~}" in styled
