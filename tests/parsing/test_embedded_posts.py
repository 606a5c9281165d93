"""Posts embedded from a social network, as scraped pages and datasets keep them: the post's words, then a
dash and its author's name, handle and date. The words are the author's, a quotation, so their "we" and
"you" are not the writer's voice. Texts written here in the shapes news pages and blogs print them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import notelint
from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source
from notelint.parsing.model import PARAGRAPH, QUOTE, WIRE

PAGE = """Senators clash over border funding as deadline nears

WASHINGTON (AP) — Senators traded barbs on Tuesday over a spending bill, with a shutdown deadline days away.

We are not going to let them hold the government hostage again. Call your senator today. pic.twitter.com/Xy12AbC — Jane Doe (@SenJaneDoe) February 5, 2019

Republicans said the bill included money Democrats had backed before.

.@RepJohnRoe to reporters: You're "asking the wrong people" https://t.co/AbC123 — Capitol Report (@CapReport) February 5, 2019

The House is expected to vote on Thursday.
"""


def lint(text):
    return lint_source(text, load_settings(".", {"isolated": True}))


def posts(doc):
    return [(doc.text_of(s)[:20], s.attrs["speaker"]) for s in doc.walk()
            if s.kind == QUOTE and s.attrs.get("verb") == "—"]


def test_an_embedded_post_is_its_authors_quotation_and_its_signature_the_pages():
    doc = notelint.parse(PAGE)
    assert posts(doc) == [("We are not going to ", "Jane Doe (@SenJaneDoe)"),
                          (".@RepJohnRoe to repo", "Capitol Report (@CapReport)")]
    block = next(s for s in doc.spans if doc.text_of(s).startswith(".@RepJohnRoe"))
    assert [(c.kind, doc.text_of(c)[:14]) for c in block.children] == [(QUOTE, ".@RepJohnRoe t"), (WIRE, " — Capitol Rep")]
    # The post's own quotation is read inside it.
    assert [doc.text_of(c) for c in block.children[0].children if c.kind == QUOTE] == ['"asking the wrong people"']
    assert [f.code for f in lint(PAGE) if f.code == "NL301"] == []


def test_the_writers_lead_in_line_above_a_post_is_still_the_writers():
    text = ("Senators clash over border funding\n\nHere is the senator's post, and we agree with every word:\n"
            "We are not going to let them hold the government hostage. — Jane Doe (@SenJaneDoe) February 5, 2019\n")
    doc = notelint.parse(text)
    assert posts(doc) == [("We are not going to ", "Jane Doe (@SenJaneDoe)")]
    assert [text[f.start:f.end] for f in lint(text) if f.code == "NL301"] == ["we"]


def test_no_post_without_a_signature_and_none_longer_than_a_post():
    signed_long = ("Senators clash\n\n" + "We fought them before and we will fight them again. " * 12
                   + "— Jane Doe (@SenJaneDoe) February 5, 2019\n")
    unsigned = "Senators clash\n\nWe are not going to let them do it. — Jane Doe, February 5, 2019\n"
    for text in (signed_long, unsigned):
        assert posts(notelint.parse(text)) == []
        assert any(f.code == "NL301" for f in lint(text))


WORDS = st.text(alphabet=st.sampled_from("abc XYZ.,!?“”\"[]()\n\t—é"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(WORDS, WORDS, st.sampled_from(["—", "–", "-", "--"]), st.sampled_from(["\n", "\r\n"]))
def test_a_post_lies_within_its_paragraph_and_the_paragraphs_children_tile_it(lead, words, dash, newline):
    text = f"Headline here{newline}{newline}{lead}{newline}{words} {dash} Jane Doe (@jdoe) May 1, 2019{newline}"
    doc = notelint.parse(text)
    for block in doc.spans:
        if block.kind != PARAGRAPH or not block.children:
            continue
        assert block.children[0].start == block.start and block.children[-1].end == block.end
        assert all(a.end == b.start for a, b in zip(block.children, block.children[1:]))
        for post in (c for c in block.children if c.kind == QUOTE and c.attrs.get("verb") == "—"):
            assert block.start <= post.start < post.end <= block.end
            # the signature's dash, or one just before it; on the next line where the signature has its own
            assert text[post.end:block.end].lstrip()[:1] in "—–-"


def test_a_signature_on_a_line_of_its_own_signs_the_line_above():
    text = ("Payments app restored after outage\n\nThe company acknowledged the problem on X:\n\n"
            "We're aware some customers are having trouble logging in. Your money is safe.\n"
            "— Paylyn Support (@PaylynHelp) June 7, 2024\n\nService returned by the afternoon.\n")
    doc = notelint.parse(text)
    assert posts(doc) == [("We're aware some cus", "Paylyn Support (@PaylynHelp)")]
    assert [f for f in lint(text) if f.code in ("NL301", "NL203")] == []


def test_a_post_opening_with_update_is_its_authors_not_a_note_of_the_page():
    text = ("Payments app restored after outage\n\nThe company said service was back.\n\n"
            "Update: Service has been fully restored. We're sorry for the disruption.\n"
            "— Paylyn Support (@PaylynHelp) June 7, 2024\n")
    doc = notelint.parse(text)
    assert posts(doc) == [("Update: Service has ", "Paylyn Support (@PaylynHelp)")]
    assert not any(s.kind == "insertion" for s in doc.walk())
    assert [f for f in lint(text) if f.code in ("NL301", "NL203")] == []
