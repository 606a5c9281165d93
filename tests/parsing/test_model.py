"""The span model: leaves share one empty children list and one empty attrs dict, and read as fresh ones do."""
from __future__ import annotations

import json
import pickle

import pytest

import notelint
from notelint.parsing.model import NO_ATTRS, NO_CHILDREN, Span

ARTICLE = """Port strike enters third week as talks stall

ROTTERDAM (Reuters) - Dock workers at Europe’s largest port extended their strike on Monday, the union said.

“We will stay out until the offer is improved,” a union spokesman told reporters outside the terminal.

The port authority said [in a statement on Sunday] that container traffic had fallen by a third.

Shipping lines diverted some vessels to Antwerp and Hamburg, according to two people familiar with the matter.
"""


def test_leaf_spans_share_the_empty_children_and_attrs():
    doc = notelint.parse(ARTICLE, path="strike.txt")
    spans = list(doc.walk())
    leaves = [s for s in spans if not s.children]
    bare = [s for s in spans if not s.attrs]
    assert len(leaves) > 5 and len(bare) > 5
    assert all(s.children is NO_CHILDREN for s in leaves)
    assert all(s.attrs is NO_ATTRS for s in bare)
    # The spans that have children or fields hold their own.
    quote = doc.spans_of("quote")[0]
    assert quote.attrs["closed"] is True and quote.attrs is not NO_ATTRS
    assert all(s.children is not NO_CHILDREN for s in spans if s.kind == "paragraph")


def test_the_shared_empties_read_as_an_empty_list_and_dict():
    span = Span("wire", 0, 10)
    assert span.children == [] and isinstance(span.children, list) and len(span.children) == 0
    assert span.attrs == {} and isinstance(span.attrs, dict) and span.attrs.get("speaker") is None
    assert list(span.children + [Span("quote", 2, 4)])[0].kind == "quote"  # concatenation gives a new list
    assert json.dumps({"children": span.children, **span.attrs}) == '{"children": []}'
    assert repr(span) == "Span(wire 0:10, 0 children)"


def test_fresh_empty_containers_given_to_a_span_are_not_kept():
    # The builder passes `[]` and `{}`: those must not be what the span holds.
    span = Span("break", 5, 7, [], {})
    assert span.children is NO_CHILDREN and span.attrs is NO_ATTRS
    kids = [Span("quote", 1, 3)]
    fields = {"closed": True}
    span = Span("quote", 0, 4, kids, fields)
    assert span.children is kids and span.attrs is fields


@pytest.mark.parametrize("write", [
    lambda s: s.children.append(Span("wire", 0, 1)),
    lambda s: s.children.extend([Span("wire", 0, 1)]),
    lambda s: s.children.insert(0, Span("wire", 0, 1)),
    lambda s: s.children.__iadd__([Span("wire", 0, 1)]),
    lambda s: s.attrs.__setitem__("speaker", "Ms Smith"),
    lambda s: s.attrs.update(speaker="Ms Smith"),
    lambda s: s.attrs.setdefault("speaker", "Ms Smith"),
    lambda s: s.attrs.__ior__({"speaker": "Ms Smith"}),
])
def test_writing_to_a_shared_empty_fails_loudly_and_changes_no_other_span(write):
    one, other = Span("wire", 0, 10), Span("wire", 10, 20)
    with pytest.raises(TypeError, match="assign"):
        write(one)
    assert other.children == [] and other.attrs == {}
    assert len(NO_CHILDREN) == 0 and len(NO_ATTRS) == 0


def test_a_span_is_given_children_and_fields_by_assignment():
    span = Span("insertion", 0, 20)
    span.children = [Span("quote", 3, 9, attrs={"closed": True})]
    span.attrs = {"in_quote": False, "label": "Ed."}
    assert span.children[0].attrs == {"closed": True}
    assert Span("wire", 0, 1).children == [] and Span("wire", 0, 1).attrs == {}


def test_a_pickled_document_keeps_its_spans_and_their_sharing():
    doc = notelint.parse(ARTICLE, path="strike.txt")
    copy = pickle.loads(pickle.dumps(doc.spans))
    assert [(s.kind, s.start, s.end, s.attrs) for s in copy] == [(s.kind, s.start, s.end, s.attrs) for s in doc.spans]
    leaves = [c for s in copy for c in s.children if not c.children]
    assert leaves and all(c.children is NO_CHILDREN for c in leaves)
