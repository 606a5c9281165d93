"""Pairs of curly single marks printed for double ones (‘‘…’’, ‘’…’’), as some feeds and CMSs print them, in
the shapes scraped pages have them: read as one double mark, by shape and by what is open, so the
quotation is found and no stray is reported; a pair that opens nothing and closes nothing a pair opened is
two single marks, read as before."""
from __future__ import annotations

import random

import pytest

import notelint
from notelint.parsing.document import build_document
from notelint.reading.source import plain_source


def quotes(text):
    doc = notelint.parse(text)
    return [doc.text_of(q) for q in doc.spans_of("quote")], [(p.code, p.message.split()[0]) for p in doc.problems]


@pytest.mark.parametrize("paragraph, expected", [
    # A feed that prints both ends as ‘‘ (the closing pair after a space reads by what is open).
    ("It reveals that Hofeller ‘‘played a significant role, in his own words, ‘Republicans and Whites,’ ‘‘ and "
     "that officials hid it, lawyers wrote.",
     ["‘‘played a significant role, in his own words, ‘Republicans and Whites,’ ‘‘", "‘Republicans and Whites,’"]),
    # ‘’ to open and ’’ to close.
    ("‘’I would have to go lie down because it was so excruciating’’, she joked to the interviewer.",
     ["‘’I would have to go lie down because it was so excruciating’’"]),
    ("She appeared on the ‘’Late Late Show’’ on Friday.", ["‘’Late Late Show’’"]),
    # A pair opening a quotation that a curly mark closes.
    ("The Hill: ‘’’This year, we will rally around an alternative,” the leader said.",
     ["‘’’This year, we will rally around an alternative,”"]),
    # Pairs inside a quotation in curly marks.
    ("“He said ‘‘no’’ today,” she said.", ["“He said ‘‘no’’ today,”", "‘‘no’’"]),
])
def test_a_pair_of_single_marks_is_one_double_mark(paragraph, expected):
    found, problems = quotes(f"Census documents\n\n{paragraph}\n")
    assert found == expected and problems == []


@pytest.mark.parametrize("paragraph, expected", [
    ("He said ‘no’’ and left.", ["‘no’"]),  # the slip's first ’ closes the single quotation, as before
    ("“He called it ‘rubbish’’ and walked out,” she said.", ["“He called it ‘rubbish’’ and walked out,”",
                                                              "‘rubbish’"]),
    ("The players’’ union met on Monday.", []),
])
def test_a_pair_that_opens_nothing_and_closes_no_pair_is_two_single_marks(paragraph, expected):
    found, problems = quotes(f"Census documents\n\n{paragraph}\n")
    assert found == expected and problems == []


def test_pairs_read_alike_with_the_fast_path_and_the_grammar_alone():
    rng = random.Random(23)
    pieces = ["The envoy met them.", "‘‘Calm,’’ he said.", "‘’No,’’ she said.", "‘‘", "’’", "‘’", "‘", "’",
              "“Wait,” he said.", "“He said ‘‘no’’ today,”", "[it was ‘‘fine’’]", "don’t", "\n\n", "”"]
    for _ in range(1_500):
        text = "Headline\n\n" + " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        fast = build_document(plain_source(text))
        slow = build_document(plain_source(text), fast_path=False)
        tree = lambda spans: [(s.kind, s.start, s.end, sorted(s.attrs.items()), tree(s.children)) for s in spans]
        assert tree(fast.spans) == tree(slow.spans), text
        assert [(p.code, p.start) for p in fast.problems] == [(p.code, p.start) for p in slow.problems], text
