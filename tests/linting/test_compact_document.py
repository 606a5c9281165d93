"""`check` lints a compact document: built without the spans no rule reads (the blank lines between
blocks, and the one wire child of a plain paragraph). It must find exactly what the full document finds,
with every rule selected, reader comments linted or not; and it must hold the full document's spans but
those.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.api import settings_from
from notelint.linting.engine import lint_document, lint_source, parser_options
from notelint.parsing.document import build_document
from notelint.parsing.model import BREAK, PARAGRAPH, WIRE
from notelint.reading.formats import read_source
from notelint.reading.source import plain_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

ALL_RULES = settings_from({"select": ["NL"]})
ALL_RULES_AND_COMMENTS = settings_from({"select": ["NL"], "include-comments": True})

# Pieces of wire paragraphs (written for these tests): reporting, quotations opened and left open,
# insertions flat and nested, asides, editor's notes, the writer's voice, stray marks.
PIECES = ["Militia attacks rose sharply in the north.", "Officials said the talks would resume.",
          "“We will not back down,” he said.", "“We are ready [to talk],” Smith told reporters.",
          "“The ministry [of defence [MoD]] denied it,” she said.", "“It is over", "he said,",
          "“They called it ‘a victory’ on Sunday,” Jones said.", "[Ed.: this claim is false.]",
          "(Editor's note: the figures were later revised.)", "(and, we suspect, worse)",
          "We think this is wrong.", "Isn't it obvious?", "you know it", "”", "[sic]", "]",
          "‘single marks’ here", "according to a spokesman", "(Reuters)", "[here]", "“", "said."]
BLOCKS = ["Source: Reuters", "Editorial comment: this is our view.", "12 Comments",
          "1. Jane says:", "notelint: disable-next=NL301", "By Jane Doe, Staff Writer"]


def article(paragraphs: list[list[str]], extra: list[tuple[int, str]]) -> str:
    blocks = ["Militias step up attacks in Iraq", "BAGHDAD (Reuters) - Militias attacked a base on Monday."]
    blocks += [" ".join(pieces) for pieces in paragraphs]
    for at, block in extra:
        blocks.insert(min(at, len(blocks)), block)
    return "\n\n".join(blocks) + "\n"


def findings_both_ways(text: str, settings) -> tuple[list, list]:
    source = plain_source(text, "story.txt")
    options = parser_options(settings)
    full = lint_document(build_document(source, **options), settings)
    compact = lint_document(build_document(source, compact=True, **options), settings)
    return full, compact


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(1, 10), st.sampled_from(BLOCKS)), max_size=3),
       st.booleans())
def test_a_compact_document_draws_the_findings_of_the_full_one(paragraphs, extra, with_comments):
    text = article(paragraphs, extra)
    full, compact = findings_both_ways(text, ALL_RULES_AND_COMMENTS if with_comments else ALL_RULES)
    assert compact == full, text


@pytest.mark.parametrize("settings", [ALL_RULES, ALL_RULES_AND_COMMENTS], ids=["article", "with-comments"])
def test_the_fixtures_draw_the_same_findings_compact(settings):
    paths = [FIXTURES / "iraqi-militias-republished.txt", FIXTURES / "iraqi-militias-republished.md",
             FIXTURES / "iraqi-militias-republished.html", *sorted((FIXTURES / "wire").glob("*.txt"))]
    found = 0
    for path in paths:
        source = read_source(str(path))
        options = parser_options(settings)
        full = lint_document(build_document(source, **options), settings)
        assert lint_document(build_document(source, compact=True, **options), settings) == full, path
        assert lint_source(source, settings) == full, path  # what `check` runs
        found += len(full)
    assert found  # the comparison saw findings, not only their absence


def without_unread_spans(spans):
    """The full document's spans as a compact build leaves them: no breaks, and a paragraph whose only
    child is wire text over all of it without that child."""
    out = []
    for span in spans:
        if span.kind == BREAK:
            continue
        children = span.children
        if (span.kind == PARAGRAPH and len(children) == 1 and children[0].kind == WIRE
                and (children[0].start, children[0].end) == (span.start, span.end)):
            children = []
        out.append((span.kind, span.start, span.end, dict(span.attrs), without_unread_spans(children)))
    return out


@settings(max_examples=budget(200), deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(1, 10), st.sampled_from(BLOCKS)), max_size=3))
def test_a_compact_document_holds_the_full_ones_spans_but_unread_ones(paragraphs, extra):
    source = plain_source(article(paragraphs, extra), "story.txt")
    full, compact = build_document(source), build_document(source, compact=True)
    # (Only plain paragraphs past the lead, read by the fast path, lose their wire child.)
    assert without_unread_spans(compact.spans) == without_unread_spans(full.spans)
    assert compact.problems == full.problems


def test_a_long_wire_story_compact_has_no_breaks_and_childless_plain_paragraphs():
    paragraphs = [["Militia attacks rose sharply in the north."]] * 5 + [["“We will not back down,” he said."]]
    source = plain_source(article(paragraphs, []), "story.txt")
    full, compact = build_document(source), build_document(source, compact=True)
    assert [s.kind for s in full.spans].count(BREAK) == 8  # between the 8 blocks, and the last line break
    assert BREAK not in [s.kind for s in compact.spans]
    plain = [s for s in compact.spans if s.kind == PARAGRAPH and s.children == []]
    assert len(plain) == 4  # the lead and the next paragraph are read in full; the quotation has children
    assert sum(1 for _ in compact.walk()) < sum(1 for _ in full.walk())
