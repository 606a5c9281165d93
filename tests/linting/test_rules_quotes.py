"""Quotation hygiene: the parser's unbalanced marks (NL401, NL402) as findings, and NL403 unattributed-quote."""
from __future__ import annotations

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source


def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def test_unbalanced_quote_and_bracket_become_findings_at_the_mark():
    quote = "Talks Resume\n\n“We will not stop, said the commander on Monday.\n"
    bracket = "Talks Resume\n\nNegotiators met on Monday [as they always do, officials said.\n"
    q = [f for f in lint(quote) if f.code == "NL401"]
    b = [f for f in lint(bracket) if f.code == "NL402"]
    assert len(q) == 1 and q[0].line == 3 and q[0].col == 1 and q[0].severity == "warning"
    assert len(b) == 1 and b[0].line == 3 and bracket[b[0].start] == "["


def test_parser_findings_obey_selection_and_severity():
    quote = "Talks Resume\n\n“We will not stop, said the commander on Monday.\n"
    assert not [f for f in lint(quote, ignore=["NL4"]) if f.code == "NL401"]
    assert [f.severity for f in lint(quote, severity={"NL401": "error"}) if f.code == "NL401"] == ["error"]


def test_nl403_full_sentence_quotation_without_a_speaker():
    text = "Talks Resume\n\nNegotiators met again on Monday. “We are closer than ever to a deal.”\n"
    hits = [f for f in lint(text) if f.code == "NL403"]
    assert len(hits) == 1
    assert text[hits[0].start:hits[0].end] == "“We are closer than ever to a deal.”"
    assert hits[0].severity == "info"


def test_nl403_not_for_attributed_partial_or_multi_paragraph_quotations():
    attributed = "Talks\n\nNegotiators met on Monday. “We are closer than ever to a deal,” the envoy said.\n"
    partial = "Talks\n\nNegotiators described the mood as “closer than ever”.\n"
    told = ("Talks\n\nWhen Raisi visited Baghdad, he told them, in fluent Arabic, “Our flesh is your flesh, and our "
            "blood is your blood.”\n")
    carried = ("Talks\n\n“We are closer than ever to a deal. The sides agree on most points.\n\n"
               "“Only the timetable remains,” the envoy said.\n")
    for text in (attributed, partial, told, carried):
        assert not [f for f in lint(text) if f.code == "NL403"], text
