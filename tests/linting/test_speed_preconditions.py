"""The engine does not run a rule in a document that lacks everything the rule needs: that must never
change the findings.

- A check declares what it needs (`checks.needs`: an insertion, a standfirst, linted comments); a pattern
  or word-list rule whose scopes are all of those needs one of its scopes. Run anyway on a document
  without them, a rule must find nothing: on the fixtures, every rule's examples and articles made to
  have or lack each of them (a rule whose needs leave out what it reads is caught on its own bad example).
- `Context.scopes_present` must answer as walking the span tree does.
- lint_document must report the same with the preconditions as without them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import notelint
from notelint.linting import context, engine
from notelint.linting.config import load_settings
from notelint.linting.context import Context
from notelint.linting.rules import load_rules
from notelint.linting.engine import rule_needs, run_rule
from notelint.reading.formats import read_source
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = """Militias “Step Up” Attacks [Ed.: as if]

They've been told directly to knock it off. Don't expect “help” from us!

BAGHDAD (AP) — Militia attacks [the “usual suspects,” (ZH: again)] rose, officials said.

“We will fight on against the occupiers,” a commander said. We all know who is behind them (Ed. note: Iran).

[It goes on like this] “This is a quotation [sic] with a [wildly absurd] insertion in it,” he said.

Source: Associated Press

3 Comments

  1. Sam Adam says: “nonsense” [sic] and you know it. What a “disgrace” [typical]!
"""
# Only the comments hold something to report (with include-comments): no insertion, no standfirst.
COMMENTED = """Militias Step Up Attacks

BAGHDAD (AP) — Militia attacks rose, officials said.

Source: Associated Press

3 Comments

This “news” is a “disgrace” again.
"""


def documents() -> list:
    texts = [ARTICLE, ARTICLE.replace("[Ed.: as if]", ""), ARTICLE.split("\n3 Comments")[0], COMMENTED]
    for rule in load_rules():
        texts += [rule.bad_example, rule.good_example]
    docs = [notelint.parse(text, path="inline.txt") for text in texts if text.strip()]
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html"):
            docs.append(notelint.parse_source(read_source(str(path))))
    return docs


def settings(include_comments: bool):
    return load_settings(FIXTURES, {"isolated": True, "include-comments": include_comments})


def lint_rules():
    return [rule for rule in load_rules() if rule.kind in ("check", "pattern", "lexicon")]


def test_some_rules_have_preconditions_and_only_seldom_scopes():
    needing = {rule.code: rule_needs(rule) for rule in lint_rules() if rule_needs(rule)}
    assert {"NL101", "NL102", "NL103", "NL104", "NL105", "NL201", "NL202", "NL203", "NL302"} <= set(needing)
    assert all(needs <= context.SELDOM_SCOPES for needs in needing.values())
    assert not rule_needs(next(r for r in load_rules() if r.code == "NL301"))


@pytest.mark.parametrize("include_comments", [False, True])
def test_scopes_present_answers_as_walking_the_tree(include_comments):
    for doc in documents():
        end = doc.article_end
        insertion = any(span.kind == "insertion" and span.start < end for span in doc.walk()) or (
            include_comments and any(s.kind == "insertion" for b in doc.spans if b.kind == "comments" for s in b.walk()))
        expected = {name for name, present in (
            ("insertion", insertion),
            ("standfirst", any(b.kind == "standfirst" for b in doc.spans)),
            ("comments", include_comments and any(b.kind == "comments" for b in doc.spans))) if present}
        assert Context(doc, include_comments=include_comments).scopes_present() == expected


@pytest.mark.parametrize("include_comments", [False, True])
def test_a_rule_finds_nothing_without_what_it_needs(include_comments):
    reported = set()
    for doc in documents():
        ctx = Context(doc, include_comments=include_comments, settings=settings(include_comments))
        present = ctx.scopes_present()
        for rule in lint_rules():
            needs = rule_needs(rule)
            hits = run_rule(rule, ctx, dict(rule.options), 10.0)
            if hits and needs:
                reported.add(rule.code)
                assert not present.isdisjoint(needs), (rule.code, needs, present, doc.text[:200])
    # Each precondition was put to the test: its rule reported somewhere.
    assert reported >= {"NL101", "NL102", "NL103", "NL104", "NL105", "NL201", "NL202", "NL203", "NL302"}


@pytest.mark.parametrize("include_comments", [False, True])
def test_lint_document_reports_the_same_without_the_preconditions(include_comments, monkeypatch):
    docs = documents()
    with_them = [engine.lint_document(doc, settings(include_comments)) for doc in docs]
    monkeypatch.setattr(engine, "rule_needs", lambda rule: frozenset())
    monkeypatch.setattr(engine, "_plans", {})
    without = [engine.lint_document(doc, settings(include_comments)) for doc in docs]
    assert with_them == without
    assert any(with_them)


def test_paragraphs_are_those_before_the_comments_in_hand_built_documents():
    # Context.paragraphs hands out the block list itself when the last paragraph starts in the article.
    from notelint.parsing.model import Document, Span
    from notelint.reading.source import plain_source

    text = "One.\n\nTwo.\n\nComments\n\nThree."
    one, two, three = Span("paragraph", 0, 4), Span("paragraph", 6, 10), Span("paragraph", 22, 28)
    comments = Span("comments", 12, 20)
    for spans, expected in (([one, two, comments, three], [one, two]), ([one, two, three], [one, two, three]),
                            ([comments, three], []), ([one, comments], [one]), ([comments], [])):
        for include_comments in (False, True):
            doc = Document(plain_source(text), spans, [])
            assert Context(doc, include_comments=include_comments).paragraphs() == expected, (spans, expected)
