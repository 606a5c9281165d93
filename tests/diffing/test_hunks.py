"""The editorial-note diff on parsed articles: the corpus article against its reconstructed original, and one
variant per kind of change. Every expectation is about real text with exact positions."""
from __future__ import annotations

import re
import textwrap

import pytest

import notelint
from notelint.parsing.strip import strip_document
from notelint.linting.config import load_settings
from notelint.diffing.hunks import diff_documents
from notelint.linting.rules import load_rules

from conftest import CORPUS_ARTICLE


@pytest.fixture(scope="module")
def pair(corpus_text, corpus_truth):
    """(original, republished): the republished article up to the comments, and the wire text made from it
    by taking out its two insertions (with the space before each) and its standfirst."""
    republished = corpus_text[:corpus_truth["summary"]["article_end_before_comments"]]
    original = republished
    insertions = [s for s in corpus_truth["spans"] if s["kind"] == "editorial_insertion"]
    for span in sorted(insertions, key=lambda s: -s["start"]):
        start = span["start"] - 1 if original[span["start"] - 1] == " " else span["start"]
        original = original[:start] + original[span["end"]:]
    standfirst = next(s for s in corpus_truth["spans"] if s["kind"] == "standfirst")
    original = original.replace(standfirst["text"] + "\n\n", "")
    return original, republished


def diff(original: str, republished: str, **kwargs):
    return diff_documents(notelint.parse(original, "original.txt"), notelint.parse(republished, "republished.txt"), **kwargs)


def kinds(result) -> list[str]:
    return sorted(h.kind for h in result.hunks)


def json_hunks(result) -> list[dict]:
    return result.to_json()["hunks"]


# --- The corpus article ------------------------------------------------------------------------------

def test_corpus_article_against_its_original_has_two_marked_and_one_unmarked_insertion(pair, corpus_truth):
    original, republished = pair
    result = diff(original, republished)
    assert kinds(result) == ["marked_insertion", "marked_insertion", "unmarked_insertion"]
    hunks = json_hunks(result)
    standfirst = next(h for h in hunks if h["kind"] == "unmarked_insertion")
    truth = next(s for s in corpus_truth["spans"] if s["kind"] == "standfirst")
    assert standfirst["region"] == "standfirst" and not standfirst["in_quote"]
    assert (standfirst["republished"]["start"], standfirst["republished"]["end"]) == (truth["start"], truth["end"])
    assert (standfirst["republished"]["line"], standfirst["republished"]["col"]) == (3, 1)
    assert standfirst["original"]["text"] == "" and standfirst["original"]["start"] == standfirst["original"]["end"]
    marked = [h for h in hunks if h["kind"] == "marked_insertion"]
    truths = [s for s in corpus_truth["spans"] if s["kind"] == "editorial_insertion"]
    assert [(h["republished"]["start"], h["republished"]["end"]) for h in marked] == [(s["start"], s["end"]) for s in truths]
    assert [(h["republished"]["line"], h["republished"]["col"]) for h in marked] == [(s["line"], s["col"]) for s in truths]
    # The original side is the point where the note went in: right after "responded" in the original file.
    first = marked[0]["original"]
    assert original[first["start"] - len("responded"):first["start"]] == "responded"
    assert [f.code for f in result.findings] == ["NL502"]


def test_summary_counts_kinds_and_the_share_that_is_not_wire_text(pair):
    original, republished = pair
    summary = diff(original, republished).summary()
    assert summary["marked_insertion"] == 2 and summary["unmarked_insertion"] == 1 and summary["hunks"] == 3
    added = sum(len(w) for w in re.findall(r"\w+|[^\w\s]", republished[49:152] + republished[2342:2460] + republished[4722:4833]))
    total = sum(len(w) for w in re.findall(r"\w+|[^\w\s]", republished))
    assert summary["not_wire_share"] == pytest.approx(added / total, abs=0.002)


def test_an_article_against_itself_has_no_hunks(pair):
    assert diff(pair[1], pair[1]).hunks == []


def test_an_article_against_its_own_wire_text(corpus_doc):
    wire = notelint.parse(strip_document(corpus_doc), "wire.txt")
    result = diff_documents(wire, corpus_doc)
    assert kinds(result) == ["marked_insertion", "marked_insertion", "unmarked_insertion"]


# --- Variants, one per kind of change -------------------------------------------------------------------

def test_an_unmarked_sentence_added_inside_a_paragraph(pair):
    original, _ = pair
    sentence = " Washington, as usual, learned nothing from it."
    anchor = "including close to the Iraqi border."
    republished = original.replace(anchor, anchor + sentence)
    result = diff(original, republished)
    assert kinds(result) == ["unmarked_insertion"]
    hunk = json_hunks(result)[0]
    start = republished.index(sentence) + 1
    assert (hunk["republished"]["start"], hunk["republished"]["end"]) == (start, start + len(sentence) - 1)
    assert hunk["region"] == "body" and hunk["in_quote"] is False
    [finding] = result.findings
    assert (finding.code, finding.severity, finding.start) == ("NL502", "error", start)


def test_one_word_changed_inside_a_quotation(pair):
    original, _ = pair
    republished = original.replace("100% control", "total control")
    result = diff(original, republished)
    [hunk] = json_hunks(result)
    assert hunk["kind"] == "replacement" and hunk["in_quote"] is True
    assert hunk["original"]["text"] == "100%" and hunk["republished"]["text"] == "total"
    assert hunk["original"]["start"] == original.index("100% control")
    line = original[:hunk["original"]["start"]].count("\n") + 1
    assert hunk["original"]["line"] == line
    assert [(f.code, f.severity) for f in result.findings] == [("NL501", "error")]


def test_words_added_inside_a_quotation_alter_it(pair):
    original, _ = pair
    republished = original.replace("with 100% control over", "with 100% control, thank God, over")
    result = diff(original, republished)
    assert kinds(result) == ["unmarked_insertion"]
    assert json_hunks(result)[0]["in_quote"] is True
    assert sorted(f.code for f in result.findings) == ["NL501", "NL502"]


QUOTED_PARAGRAPH = "“Iran isn’t the way it used to be, with 100% control over the militia commanders,” said one Shiite political leader.\n\n"


def test_a_paragraph_cut_with_its_quotation_is_a_deletion_not_an_altered_quotation(pair):
    # Cutting for length takes whole paragraphs, quotations and all: no words are put in anyone's mouth.
    original, _ = pair
    assert QUOTED_PARAGRAPH in original
    result = diff(original, original.replace(QUOTED_PARAGRAPH, ""))
    assert kinds(result) == ["deletion"]
    [finding] = result.findings
    assert finding.code == "NL503" and finding.severity == "warning"  # "said" went with it
    assert "Iran isn’t the way it used to be" in finding.message


def test_a_quotation_replaced_by_a_paraphrase_is_wire_text_replaced(pair):
    original, _ = pair
    republished = original.replace(QUOTED_PARAGRAPH, "One Shiite political leader said Iran had lost its grip on the militias.\n\n")
    result = diff(original, republished)
    codes = sorted(f.code for f in result.findings)
    assert "NL501" not in codes and "NL502" in codes


def test_part_of_a_quotation_cut_or_requoted_still_alters_it(pair):
    original, _ = pair
    cut = diff(original, original.replace("with 100% control over the militia commanders", "with control over the commanders"))
    assert [f.code for f in cut.findings if f.code == "NL501"] == ["NL501", "NL501"]
    requoted = diff(original, original.replace("Iran isn’t the way it used to be, with 100% control over the militia commanders",
                                               "Tehran has lost its hold on the armed groups"))
    assert [f.code for f in requoted.findings] == ["NL501"]


def test_a_bracketed_clarification_inside_a_quotation_is_marked_not_an_alteration(pair):
    original, _ = pair
    republished = original.replace("“These must be approved", "“These [military matters] must be approved")
    result = diff(original, republished)
    [hunk] = json_hunks(result)
    assert (hunk["kind"], hunk["in_quote"], hunk["republished"]["text"]) == ("marked_insertion", True, "[military matters]")
    assert result.findings == []


def test_an_attribution_deleted_is_a_warning(pair):
    original, _ = pair
    republished = original.replace(", according to coalition officials", "")
    result = diff(original, republished)
    [hunk] = json_hunks(result)
    assert hunk["kind"] == "deletion" and hunk["attribution"] is True
    assert hunk["original"]["text"] == ", according to coalition officials"
    assert hunk["republished"]["text"] == "" and hunk["republished"]["start"] == republished.index("17 rocket attacks") + len("17 rocket attacks")
    [finding] = result.findings
    assert (finding.code, finding.severity) == ("NL503", "warning")


def test_an_attribution_at_the_end_of_a_long_deletion_is_a_warning(pair):
    # The message shows the first 80 characters of the deleted text; the attribution is looked for in all of it.
    original, _ = pair
    sentence = ("There have been at least eight drone attacks targeting the U.S. presence since Biden took office "
                "in January, as well as 17 rocket attacks, according to coalition officials.")
    assert sentence in original and sentence.index("according") > 80
    result = diff(original, original.replace(" " + sentence, ""))
    [finding] = result.findings
    assert (finding.code, finding.severity) == ("NL503", "warning")
    assert finding.message.startswith("attribution or qualifier deleted") and finding.message.endswith("…”")


def test_a_plain_deletion_is_information(pair):
    original, _ = pair
    republished = original.replace("Still, Ghaani did not reprimand the militia groups during the meeting. ", "")
    result = diff(original, republished)
    assert kinds(result) == ["deletion"]
    assert [(f.code, f.severity) for f in result.findings] == [("NL503", "info")]


def test_a_paragraph_moved_is_reported_once_as_moved(pair):
    original, _ = pair
    paragraphs = original.split("\n\n")
    moved = paragraphs[:]
    paragraph = moved.pop(6)  # "The officials spoke on condition of anonymity ..."
    moved.insert(15, paragraph)
    republished = "\n\n".join(moved)
    result = diff(original, republished)
    assert kinds(result) == ["moved"]
    hunk = json_hunks(result)[0]
    assert hunk["original"]["text"] == paragraph == hunk["republished"]["text"]
    assert hunk["original"]["start"] == original.index(paragraph)
    assert hunk["republished"]["start"] == republished.index(paragraph)
    assert [(f.code, f.severity) for f in result.findings] == [("NL504", "info")]


def test_straight_quotes_against_curly_quotes_make_no_hunk(pair):
    original, _ = pair
    straight = original.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    assert straight != original
    assert diff(straight, original).hunks == []


def test_reflowed_line_breaks_make_no_hunk(pair):
    original, _ = pair
    reflowed = "\n\n".join(textwrap.fill(p, 64) for p in original.split("\n\n"))
    assert reflowed.count("\n") > original.count("\n") * 2
    assert diff(reflowed, original).hunks == []


def test_house_style_inside_and_outside_quotations_gives_only_style_hunks(pair):
    original, _ = pair
    # The newspaper's copy: "US", "100 percent", "Al-Muhandis", and one paragraph the republisher split in two.
    newspaper = (original.replace("U.S.", "US").replace("100% control", "100 percent control")
                 .replace("al-Muhandis", "Al-Muhandis"))
    republished = original.replace("But he was met with defiance. One of", "But he was met with defiance.\n\nOne of")
    result = diff(newspaper, republished)
    assert set(kinds(result)) == {"style"}
    rules = {h.rule for h in result.hunks}
    assert rules == {"us-abbreviation", "percent", "arabic-article", "paragraph-split"}
    percent = next(h for h in result.hunks if h.rule == "percent")
    assert percent.in_quote is True  # inside “Iran isn’t the way it used to be, with 100% control …”
    assert result.findings == []
    assert result.summary()["style"] == len(result.hunks)


def test_a_dateline_in_another_house_form_is_style(pair):
    original, _ = pair
    wire = original.replace("Iran’s expeditionary", "BAGHDAD (AP) — Iran’s expeditionary")
    republished = original.replace("Iran’s expeditionary", "BAGHDAD: Iran’s expeditionary")
    result = diff(wire, republished)
    assert [(h.kind, h.rule) for h in result.hunks] == [("style", "dateline")]


def test_a_rewritten_headline_is_one_headline_finding(pair):
    original, _ = pair
    republished = original.replace("Iraqi Militias Defy Iran by Attacking US Forces",
                                   "Iran’s Proxies Run Wild as Biden Looks Away")
    result = diff(original, republished)
    assert {h.region for h in result.hunks} == {"headline"}
    assert [(f.code, f.severity, f.line, f.col) for f in result.findings] == [("NL505", "warning", 1, 1)]


# --- Configuration -----------------------------------------------------------------------------------

def test_findings_follow_selection_and_severity_settings(pair, tmp_path):
    original, _ = pair
    republished = original.replace("100% control", "total control").replace(", according to coalition officials", "")
    config = tmp_path / "notelint.toml"
    config.write_text('ignore = ["NL503"]\n[severity]\nNL501 = "warning"\n', encoding="utf-8")
    settings = load_settings(str(tmp_path), {"config": str(config)})
    result = diff(original, republished, settings=settings)
    assert [(f.code, f.severity) for f in result.findings] == [("NL501", "warning")]


def test_the_attribution_words_are_an_option(pair, tmp_path):
    original, _ = pair
    republished = original.replace("Still, Ghaani did not reprimand the militia groups during the meeting. ", "")
    config = tmp_path / "notelint.toml"
    config.write_text('[options.NL503]\nattribution-words = ["did not"]\n', encoding="utf-8")
    settings = load_settings(str(tmp_path), {"config": str(config)})
    [finding] = diff(original, republished, settings=settings).findings
    assert (finding.code, finding.severity) == ("NL503", "warning")


def test_a_suppression_comment_in_the_republished_file_silences_a_finding(pair):
    original, _ = pair
    republished = original.replace("100% control", "total control")
    republished = republished.replace("“Iran isn’t", "<!-- notelint: disable-next=NL501 -->\n“Iran isn’t")
    settings = load_settings(None, {"isolated": True})
    result = diff(original, republished, settings=settings)
    assert "NL501" not in [f.code for f in result.findings]


# --- The rule docs are tests -----------------------------------------------------------------------------

DIFF_RULES = [r for r in load_rules() if r.kind == "diff"]


def _example(text: str) -> dict[str, str]:
    out = {}
    for line in text.strip().splitlines():
        label, _, body = line.partition(":")
        out[label.strip()] = body.strip().replace(" ¶ ", "\n\n")
    return out


def _article(rule, body: str) -> str:
    if rule.code == "NL505":
        return body + "\n\nTalks resumed in Vienna on Monday after a pause of several weeks, officials said.\n"
    return "Talks Resume in Vienna\n\n" + body + "\n"


@pytest.mark.parametrize("rule", DIFF_RULES, ids=[r.code for r in DIFF_RULES])
def test_each_diff_rule_bad_example_draws_it_and_good_example_does_not(rule):
    bad, good = _example(rule.bad_example), _example(rule.good_example)
    original = _article(rule, bad["Original"])
    found_bad = [f.code for f in diff(original, _article(rule, bad["Republished"])).findings]
    found_good = [f.code for f in diff(original, _article(rule, good["Republished"])).findings]
    assert rule.code in found_bad
    assert rule.code not in found_good


def test_diff_rules_are_not_run_by_check(corpus_text):
    from notelint.linting.engine import lint_source

    settings = load_settings(None, {"isolated": True})
    assert not [f for f in lint_source(corpus_text, settings) if f.code.startswith("NL5")]


def test_corpus_fixture_path_is_the_one_the_cli_tests_use():
    assert CORPUS_ARTICLE.name == "iraqi-militias-republished.txt"


# --- Robustness: any pair of articles, any edits ------------------------------------------------------------

from hypothesis import HealthCheck, given, settings as hsettings  # noqa: E402
from fuzzing import budget
from hypothesis import strategies as st  # noqa: E402

PIECES = ["The", "militia", "said", "U.S.", "US", "100%", "100 percent", "“", "”", '"', "’", "'", "[", "]", "(AP)",
          "—", "--", "...", "…", ",", ".", "?", "according to", "officials", "al-Muhandis", "Al-Muhandis", "\n",
          "\n\n", "\r\n\r\n", "  ", "\u00a0", "Editor’s note:", "Source: Associated Press", "BAGHDAD (AP) —"]


@st.composite
def article_pair(draw):
    words = draw(st.lists(st.sampled_from(PIECES), min_size=0, max_size=60))
    original = " ".join(words)
    edited = list(words)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.integers(0, 2))
        if action == 0 or not edited:
            edited.insert(draw(st.integers(0, len(edited))), draw(st.sampled_from(PIECES)))
        elif action == 1:
            del edited[draw(st.integers(0, len(edited) - 1))]
        else:
            edited[draw(st.integers(0, len(edited) - 1))] = draw(st.sampled_from(PIECES))
    return original, " ".join(edited)


@hsettings(max_examples=budget(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_pair())
def test_any_pair_gives_hunks_whose_positions_are_the_files_text(pair_of_texts):
    original, republished = pair_of_texts
    result = diff(original, republished)
    data = result.to_json()
    for hunk in data["hunks"]:
        assert hunk["kind"] in ("marked_insertion", "unmarked_insertion", "deletion", "replacement", "moved", "style",
                                "furniture", "beyond_original")
        for side, text in (("original", original), ("republished", republished)):
            s = hunk[side]
            assert 0 <= s["start"] <= s["end"] <= len(text)
            assert text[s["start"]:s["end"]] == s["text"]
        if hunk["kind"] in ("marked_insertion", "unmarked_insertion", "beyond_original"):
            assert hunk["original"]["text"] == ""
        if hunk["kind"] == "deletion":
            assert hunk["republished"]["text"] == ""
    # Every republished token outside the hunks is wire text: the summary's share stays within [0, 1].
    assert 0.0 <= data["summary"]["not_wire_share"] <= 1.0
    for finding in result.findings:
        if finding.start < finding.end and finding.end - finding.start <= 200:
            assert republished[finding.start:finding.end] == finding.text


@hsettings(max_examples=60, deadline=None)
@given(article_pair())
def test_a_text_against_itself_never_differs(pair_of_texts):
    text = pair_of_texts[0]
    assert diff(text, text).hunks == []


@pytest.mark.parametrize("note", [
    "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
    "Webmaster’s Commentary: The talks were doomed from the start.",
    "Editor's note: The talks were doomed from the start.",
    "[The talks were doomed from the start.]",
])
def test_a_labelled_or_set_off_note_paragraph_is_a_marked_insertion(note):
    original = "Talks Resume in Vienna\n\nNegotiators met in Vienna on Monday, officials said.\n"
    result = diff(original, original + "\n" + note + "\n")
    assert [(h.kind, h.region) for h in result.hunks] == [("marked_insertion", "body")]
    assert result.findings == []


def test_an_unlabelled_commentary_paragraph_is_unmarked():
    original = "Talks Resume in Vienna\n\nNegotiators met in Vienna on Monday, officials said.\n"
    result = diff(original, original + "\nThe talks were doomed from the start, as always.\n")
    assert [h.kind for h in result.hunks] == ["unmarked_insertion"]
    assert [f.code for f in result.findings] == ["NL502"]


def test_house_style_inside_a_quotation_is_not_an_altered_quotation():
    original = "Talks Resume\n\n“The U.S. is 100 percent committed to al-Sadr’s plan,” the envoy said.\n"
    republished = "Talks Resume\n\n“The US is 100% committed to Al-Sadr’s plan,” the envoy said.\n"
    result = diff(original, republished)
    assert [(h.kind, h.rule, h.in_quote) for h in result.hunks] == [
        ("style", "us-abbreviation", True), ("style", "percent", True), ("style", "arabic-article", True)]
    assert result.findings == []
