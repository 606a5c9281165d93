"""The rules on commentary in the forms issue 13 adds (parenthesised asides, commentary paragraphs) and on
the page and newsletter furniture the voice rule must leave alone. Texts written for the test."""
from __future__ import annotations

import pytest

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source

HEAD = "Council Delays Vote on Bridge\n\n"
LEAD = ("RIVERTON (AP) — The city council on Tuesday delayed a vote on the new bridge for the third time, "
        "citing cost overruns, officials said.\n\n")


def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def hits(text, code):
    return [text[f.start:f.end] for f in lint(text) if f.code == code]


def serious(text):
    return [(f.code, text[f.start:f.end]) for f in lint(text) if f.severity in ("warning", "error")
            and f.code[:3] in ("NL1", "NL2", "NL3")]


def test_an_unlabelled_parenthesised_aside_is_an_unlabelled_insertion():
    text = HEAD + LEAD + "The council blamed the contractor. (So much for taking responsibility.)\n"
    assert hits(text, "NL104") == ["(So much for taking responsibility.)"]


def test_a_labelled_parenthesised_note_is_not_unlabelled():
    text = HEAD + LEAD + "The council blamed the contractor. (Note to the council: voters remember.)\n"
    assert hits(text, "NL104") == []


def test_commentary_under_a_wire_credit_counts_a_parenthesised_aside():
    text = (HEAD + LEAD + "The council blamed the contractor (shocker) for the delay.\n\n"
            "Source: Associated Press\n")
    assert hits(text, "NL105") == ["Source: Associated Press"]


@pytest.mark.parametrize("paragraph", [
    "Rep. Dana Flores (R-Texas) voted against the plan, her office said.",
    "Shares of Acme Corp (NYSE: ACME) fell 3% (the most since March) on the news.",
    "The letter was signed by the mayor (sic) and two aides. (The council did not respond to a request for comment.)",
    "This is the least (we can do) for our neighbours, the archbishop said.",
])
def test_wire_parentheses_draw_no_commentary_finding(paragraph):
    assert serious(HEAD + LEAD + paragraph + "\n") == []


# --- NL301 and newsletter furniture ---------------------------------------------------------------------------
@pytest.mark.parametrize("block", [
    "Here are your morning picks:",
    "Write to us at desk@example.org.",
    "Could the council really approve it—gasp—before the election? [Ledger]",
    "If you commute over the river, chances are you have sat in the detour. It costs you an hour a day.",
])
def test_nl301_leaves_newsletter_furniture_and_the_generic_you_alone(block):
    text = HEAD + LEAD + block + "\n\nThe vote is now set for May.\n"
    assert hits(text, "NL301") == []


@pytest.mark.parametrize("block, word", [
    ("Here's what they won't tell you:", "you"),
    ("If you think this will end soon, think again.", "you"),
    ("You would think the council had learned by now.", "You"),
])
def test_nl301_still_hears_the_writer_address_the_reader(block, word):
    text = HEAD + LEAD + block + "\n\nThe vote is now set for May.\n"
    assert hits(text, "NL301") == [word]


def test_suppression_line_suppresses_without_being_read_as_text():
    text = HEAD + "notelint: disable-next=NL104\nThe council blamed the contractor. (So much for responsibility.)\n"
    assert hits(text, "NL104") == []
    # The line is not the standfirst and not part of any paragraph: its words draw nothing.
    assert all("notelint" not in text[f.start:f.end] for f in lint(text))
    unsuppressed = HEAD + "The council blamed the contractor. (So much for responsibility.)\n"
    offset = len("notelint: disable-next=NL104\n")
    found = [f for f in lint(text) if f.code == "NL202"]
    plain = [f for f in lint(unsuppressed) if f.code == "NL202"]
    assert plain and [(f.start - offset, f.line - 1, f.col) for f in found] == [(f.start, f.line, f.col) for f in plain]
