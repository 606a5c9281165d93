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
@given(st.lists(st.sampled_from(_PIECES), max_size=10), st.integers(0, 40), st.booleans())
@example(["(Reuters)", " — "], 0, False)  # a "(" at the lead's very start
@example(["x" * 295, "(AP)-"], 0, False)  # a dateline ending at the 300th character
@example(["x" * 120, "x" * 120, "x" * 50, "NEW YORK, N.Y. ", "(Reuters)", " — "], 0, False)  # after 300: none
def test_add_datelines_adds_the_datelines_found_in_the_first_300_characters(pieces, start, with_child):
    text = "y" * start + "".join(pieces)
    builder = document._Builder(plain_source(text), document.ParseOptions())
    children = [Span("quote", start, start + 3, [], {})] if with_child and len(text) >= start + 3 else []
    spans = builder._add_datelines(list(children), start, len(text))
    found = [(s.start, s.end) for s in spans if s.kind == SOURCE]
    expected = [(a, b) for a, b in builder.wire.datelines(text, start, min(len(text), start + 300))
                if not any(c.start < b and a < c.end for c in children)]
    assert found == expected
    assert [s for s in spans if s.kind != SOURCE] == children


def test_problems_of_a_document_come_sorted():
    # Problems come sorted (a document without any gets an empty list).
    doc = document.parse_text("Headline\n\nA ” stray and “ open\n\nPlain words.\n\n] and ”")
    assert [(p.start, p.code) for p in doc.problems] == sorted((p.start, p.code) for p in doc.problems)
    assert len(doc.problems) >= 3
    assert document.parse_text("Headline\n\nPlain.").problems == []
