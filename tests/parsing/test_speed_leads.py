"""_add_datelines returns a lead's spans untouched when its first 300 characters hold no "(": every dateline
holds one, so the datelines it would look for are none."""
from __future__ import annotations

from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import document
from notelint.parsing.model import SOURCE, Span
from notelint.reading.source import plain_source

_PIECES = ["BAGHDAD (AP) — ", "WASHINGTON (Reuters) - ", "(Reuters)", "(AMZN.O)", "(", ")", " — ", "said ", "x" * 50,
           "x" * 120, "NEW YORK, N.Y. ", "“Quote,” ", "\n"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.integers(0, 40), st.lists(st.integers(0, 60), max_size=4))
@example(["(Reuters)", " — "], 0, [])  # a "(" at the lead's very start
@example(["x" * 295, "(AP)-"], 0, [])  # a dateline ending at the 300th character
@example(["x" * 120, "x" * 120, "x" * 50, "NEW YORK, N.Y. ", "(Reuters)", " — "], 0, [])  # after 300: none
@example(["WASHINGTON (Reuters) - ", "“Quote,” "], 0, [0, 5])  # a child before, one inside the dateline
@example(["“Quote,” ", "BAGHDAD (AP) — ", "“Quote,” "], 0, [0, 15, 0])  # children around it, one at its end
def test_add_datelines_adds_the_datelines_found_in_the_first_300_characters(pieces, start, gaps):
    text = "y" * start + "".join(pieces)
    builder = document._Builder(plain_source(text), document.ParseOptions())
    children, pos = [], start  # quotations three characters long, in order and apart, as a block's are
    for gap in gaps:
        if pos + gap + 3 > len(text):
            break
        children.append(Span("quote", pos + gap, pos + gap + 3, [], {}))
        pos += gap + 3
    spans = builder._add_datelines(list(children), start, len(text))
    found = [(s.start, s.end) for s in spans if s.kind == SOURCE]
    expected = [(a, b) for a, b in builder.wire.datelines(text, start, min(len(text), start + 300))
                if not any(c.start < b and a < c.end for c in children)]
    assert found == expected
    assert [s for s in spans if s.kind != SOURCE] == children
    # In order of start, each dateline after a child starting where it starts (as a stable sort leaves them).
    expected_order = sorted(children + [s for s in spans if s.kind == SOURCE], key=lambda s: s.start)
    assert [id(s) for s in spans] == [id(s) for s in expected_order]


def test_problems_of_a_document_come_sorted():
    # Problems come sorted (a document without any gets an empty list).
    doc = document.parse_text("Headline\n\nA ” stray and “ open\n\nPlain “words” here.\n\n] and ”")
    assert [(p.start, p.code) for p in doc.problems] == sorted((p.start, p.code) for p in doc.problems)
    assert len(doc.problems) >= 3
    assert document.parse_text("Headline\n\nPlain.").problems == []
