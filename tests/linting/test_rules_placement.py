"""Placement rules (NL101-NL105) on the corpus article and on wire copy that uses brackets correctly."""
from __future__ import annotations

import json
import os

import pytest

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source
from notelint.reading.formats import read_source
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
CORPUS = os.path.join(FIXTURES, "iraqi-militias-republished.txt")
WIRE = os.path.join(FIXTURES, "wire")


def settings(**overrides):
    return load_settings(FIXTURES, {"isolated": True, **overrides})


def lint_text(text: str, **overrides):
    return lint_source(text, settings(**overrides))


def lint_file(path: str, **overrides):
    return lint_source(read_source(path), settings(**overrides))


def codes(findings):
    return [f.code for f in findings]


@pytest.fixture(scope="module")
def corpus_findings():
    return lint_file(CORPUS)


@pytest.fixture(scope="module")
def expected_spans():
    with open(os.path.join(FIXTURES, "iraqi-militias-republished.expected.json"), encoding="utf-8") as fh:
        return json.load(fh)["spans"]


def within(finding, span):
    return span["start"] <= finding.start and finding.end <= span["end"]


def test_corpus_article_draws_exactly_the_expected_commentary_findings(corpus_findings, expected_spans):
    insertions = [s for s in expected_spans if s["kind"] == "editorial_insertion"]
    standfirst = next(s for s in expected_spans if s["kind"] == "standfirst")
    credit = next(s for s in expected_spans if s["kind"] == "source_attribution")
    first, second = insertions
    found = {(f.code, f.start, f.end) for f in corpus_findings}
    assert ("NL102", first["start"], first["end"]) in found
    assert ("NL104", first["start"], first["end"]) in found
    assert ("NL201", 2357, 2367) in found  # the scare-quoted “response”, marks included
    assert ("NL104", second["start"], second["end"]) in found
    assert any(f.code == "NL203" and within(f, second) for f in corpus_findings)
    assert ("NL302", standfirst["start"], standfirst["end"]) in found
    nl105 = [f for f in corpus_findings if f.code == "NL105"]
    assert len(nl105) == 1 and (nl105[0].start, nl105[0].end) == (credit["start"], credit["end"])
    assert "lines 23, 45" in nl105[0].message and "standfirst (line 3)" in nl105[0].message


def test_corpus_article_has_nothing_in_quotations_or_comments_and_no_nl101_nl103(corpus_findings, expected_spans):
    quotes = [s for s in expected_spans if s["kind"] == "direct_quote"]
    comments = next(s for s in expected_spans if s["kind"] == "reader_comments")
    assert len(quotes) == 9
    assert not [f for f in corpus_findings if any(within(f, q) for q in quotes)]
    assert not [f for f in corpus_findings if f.start >= comments["start"]]
    assert not {"NL101", "NL103"} & set(codes(corpus_findings))


def test_corpus_positions_are_lines_and_columns_of_the_original(corpus_findings):
    nl102 = next(f for f in corpus_findings if f.code == "NL102")
    assert (nl102.line, nl102.col) == (23, 171)
    assert nl102.text.startswith("[it can’t be a “response”")
    nl201 = next(f for f in corpus_findings if f.code == "NL201")
    assert (nl201.line, nl201.col, nl201.end_col) == (23, 186, 196)


@pytest.mark.parametrize("name", sorted(os.listdir(WIRE)))
def test_wire_copy_using_brackets_correctly_draws_no_placement_or_voice_finding(name):
    findings = lint_file(os.path.join(WIRE, name))
    assert [f for f in findings if f.code[:3] in ("NL1", "NL2", "NL3")] == []


def test_labelled_editors_note_after_last_paragraph_is_an_insertion_but_not_flagged():
    findings = lint_file(os.path.join(WIRE, "ap-clarifications-and-editors-note.txt"), select=["ALL"])
    assert not [f for f in findings if f.severity != "info"]


def test_nl101_commentary_inside_a_quotation():
    text = ("Rebels Press Offensive\n\n“We will keep fighting [what a joke, they are paid to fight!] until the city "
            "falls,” said the rebel commander.\n")
    findings = lint_text(text)
    nl101 = [f for f in findings if f.code == "NL101"]
    assert len(nl101) == 1
    assert text[nl101[0].start:nl101[0].end] == "[what a joke, they are paid to fight!]"
    assert "NL102" not in codes(findings)  # inside a quotation it is NL101's business, not NL102's


def test_nl101_an_editors_note_in_parentheses_inside_a_quotation():
    text = ("Rebels Press Offensive\n\n“We will keep fighting (Ed. note: they are paid to fight) until the city "
            "falls,” said the rebel commander.\n")
    nl101 = [f for f in lint_text(text) if f.code == "NL101"]
    assert [text[f.start:f.end] for f in nl101] == ["(Ed. note: they are paid to fight)"]


def test_nl101_leaves_editing_marks_in_parentheses_alone():
    text = ("Talks Resume\n\n“He said we should wait (…) until after the talks (sic),” one official said.\n")
    assert "NL101" not in codes(lint_text(text))


def test_nl101_leaves_clarifications_in_quotations_alone():
    text = ("Talks Resume\n\n“He [Ghaani] said we should wait […] until after the talks [sic],” one official "
            "said.\n")
    assert "NL101" not in codes(lint_text(text))


def test_nl102_only_when_the_sentence_carries_on_after_the_bracket():
    split = "Strikes\n\nThe administration has responded [it can’t be a “response” when the US started this war] by striking.\n"
    after_sentence = "Strikes\n\nThe administration has responded. [It can’t be a “response” when the US started this war!]\n"
    assert "NL102" in codes(lint_text(split))
    assert "NL102" not in codes(lint_text(after_sentence))


def test_nl103_flags_unlabelled_insertion_beside_an_attribution_but_not_a_labelled_one():
    bad = "Talks Resume\n\nNegotiators met again on Monday, officials said. [Nobody believes a word of it! Go figure.]\n"
    labelled = "Talks Resume\n\nNegotiators met again on Monday, officials said. [Ed.: Nobody believes a word of it! Go figure.]\n"
    found = [f for f in lint_text(bad) if f.code == "NL103"]
    assert len(found) == 1 and "“said”" in found[0].message
    assert "NL103" not in codes(lint_text(labelled))
    assert "NL103" in codes(lint_text(labelled, options={"NL103": {"skip-labelled": False}}))


def test_nl103_ignores_attribution_words_inside_the_insertion_itself():
    # The corpus insertion holds "has been told to leave": that is the editor's words, not an attribution.
    text = ("Strikes\n\nThe administration has responded by striking militia groups. [It can’t be a “response” "
            "when it has been told to leave!]\n")
    assert "NL103" not in codes(lint_text(text))


def test_nl104_accepts_labels_signatures_and_configured_markers():
    base = "Markets\n\nStocks fell sharply on Monday. {}\n"
    unlabelled = base.format("[This is exactly what is happening right now!]")
    signed = base.format("[This is exactly what is happening right now! ed]")
    site = base.format("[MoA: This is exactly what is happening right now!]")
    assert "NL104" in codes(lint_text(unlabelled))
    assert "NL104" not in codes(lint_text(signed))
    assert "NL104" not in codes(lint_text(site, **{"editorial-markers": ["MoA"]}))


def test_nl105_once_per_article_and_only_with_a_wire_credit():
    body = ("Strikes in Syria\n\nThe administration responded by targeting militia groups. [You would think they had "
            "learned by now!]\n\nAnother strike followed on Friday. [What a surprise!]\n")
    credited = body + "\nSource: Associated Press\n"
    findings = lint_text(credited)
    nl105 = [f for f in findings if f.code == "NL105"]
    assert len(nl105) == 1
    assert credited[nl105[0].start:nl105[0].end] == "Source: Associated Press"
    assert "2 editorial insertions (lines 3, 5)" in nl105[0].message
    assert "NL105" not in codes(lint_text(body))


def test_nl105_not_for_a_wire_story_with_only_a_labelled_note():
    text = ("Strikes in Syria\n\nThe administration responded by targeting militia groups, officials said.\n\n"
            "[Editor's note: An earlier version of this story misstated the date of the strikes.]\n\n"
            "Source: Associated Press\n")
    assert "NL105" not in codes(lint_text(text))
