"""The rule engine: run the selected rules over a parsed Document, apply suppression comments, and return
Findings. Nothing here prints. Rules and their selection are in rules.py, what checks see in context.py.
"""
from __future__ import annotations

import time
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

from ..parsing.document import build_document
from ..reading.source import plain_source
from . import checks
from .context import SELDOM_SCOPES, Context, Hit
from .findings import Finding
from .messages import format_message
from .patterns import find_words
from .rules import DEFAULT_PATTERN_TIMEOUT, RULE_TIMEOUT, UNUSED_SUPPRESSION, Rule, load_rules, rules_for
from .suppressions import apply_suppressions, find_suppressions
from ..parsing.model import Document


class RuleTimeout(Exception):
    def __init__(self, rule: Rule, start: int, end: int, seconds: float) -> None:
        super().__init__(rule.code)
        self.rule, self.start, self.end, self.seconds = rule, start, end, seconds


def run_rule(rule: Rule, ctx: Context, options: dict, timeout: float) -> list[Hit]:
    if rule.kind == "check":
        return list(_check_function(rule.check)(ctx, rule, options))
    if rule.kind == "pattern":
        return _run_patterns(rule, ctx, timeout)
    if rule.kind == "lexicon":
        return _run_lexicons(rule, ctx, timeout)
    return []  # parser and engine rules are reported by lint_document itself


def _check_function(name: str):
    """The check named by a rule, looked up when it runs (a test may replace it)."""
    return getattr(checks, name)


def _run_patterns(rule: Rule, ctx: Context, timeout: float) -> list[Hit]:
    # The time limit is the rule's budget for the whole file, not for each region: a pattern that takes
    # just under the limit on each of a hundred paragraphs must not run for a hundred times the limit.
    deadline = time.perf_counter() + timeout
    hits = []
    for start, end, _span in ctx.scoped_regions(rule.scope):
        for pattern in rule.patterns:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise RuleTimeout(rule, start, end, timeout)
            try:
                for m in pattern.compiled.finditer(ctx.text, start, end, timeout=remaining):
                    if time.perf_counter() > deadline:  # many quick matches add up too
                        raise TimeoutError
                    g0, g1 = m.span(pattern.group)
                    if g0 < 0 or g1 <= g0:
                        continue
                    detail = _format(pattern.message, match=m.group(pattern.group))
                    # A rule's message may wrap each pattern's own message: "rhetorical voice: {detail}".
                    message = _format(rule.message, detail=detail, match=m.group(pattern.group)) \
                        if "{detail}" in rule.message and pattern.message != rule.message else detail
                    hits.append(Hit(g0, g1, message))
            except TimeoutError:
                raise RuleTimeout(rule, start, end, timeout) from None
    return hits


def _run_lexicons(rule: Rule, ctx: Context, timeout: float) -> list[Hit]:
    hits = []
    lexicons = rule.lexicons
    matchers = [lexicon.matcher for lexicon in lexicons]
    for start, end, _span in ctx.scoped_regions(rule.scope):
        # One pass over the region's words for all the rule's word lists.
        for index, m in find_words(matchers, ctx.text, start, end):
            message = _format(rule.message, match=m.group(), category=lexicons[index].category)
            hits.append(Hit(m.start(), m.end(), message))
    return hits


def _format(template: str, **fields: Any) -> str:
    return format_message(template, **fields)


def parser_options(settings) -> dict:
    """Options the parser takes from settings (extra insertion markers and wire-service names)."""
    options = {}
    if settings.editorial_markers:
        options["editorial_markers"] = tuple(settings.editorial_markers)
    if settings.wire_services:
        options["wire_services"] = tuple(settings.wire_services)
    return options


def lint_source(source, settings) -> list[Finding]:
    """Parse one Source (or plain text) and lint it."""
    if isinstance(source, str):
        source = plain_source(source)
    # Compact: without the spans no rule reads (blank lines, a plain paragraph's one wire child).
    doc = build_document(source, compact=True, **parser_options(settings))
    return lint_document(doc, settings)


_plans: dict[tuple, tuple] = {}


def rule_needs(rule: Rule) -> frozenset[str]:
    """The SELDOM_SCOPES of which a document must have one for the rule to find anything (empty: no such
    condition): a check's declared `needs`; a pattern or word-list rule's scopes when all are seldom."""
    if rule.kind == "check":
        return getattr(_check_function(rule.check), "needs", frozenset())
    scopes = frozenset(rule.scope)
    return scopes if scopes <= SELDOM_SCOPES else frozenset()


def _lint_plan(settings, path: str | None) -> tuple:
    """What lint_document works out from the settings alone, once per configuration instead of per file:
    (rules by code, the timeout rule, the timeout, selected codes, [(rule to run on every document, its
    options)], [(rule to run where it has its needs, its options, its needs)]). The options dicts are
    shared between files: checks only read them. (A check's needs are read here, once: a test that
    replaces a check keeps the needs of the one it replaced.)"""
    ignores = settings.ignored_for(path)
    key = (settings.fingerprint(), ignores)  # what rules_for keys its selection on
    plan = _plans.get(key)
    if plan is None:
        rules = rules_for(settings, path)
        by_code = {r.code: r for r in load_rules(settings.extend)}
        timeout_rule = by_code.get(RULE_TIMEOUT)
        timeout_options = timeout_rule.options_with(settings.options_for(RULE_TIMEOUT)) if timeout_rule else {}
        timeout = float(timeout_options.get("timeout", DEFAULT_PATTERN_TIMEOUT))
        # Parser and engine rules are reported by lint_document itself, diff rules only by `notelint diff`.
        runnable = [(rule, rule.options_with(settings.options_for(rule.code)), rule_needs(rule))
                    for rule in rules if rule.kind in ("check", "pattern", "lexicon")]
        always = [(rule, options) for rule, options, needs in runnable if not needs]
        needing = [(rule, options, needs) for rule, options, needs in runnable if needs]
        plan = _plans[key] = (by_code, timeout_rule, timeout, {r.code for r in rules}, always, needing)
    return plan


def lint_document(doc: Document, settings) -> list[Finding]:
    """Every finding of the selected rules on one parsed document, suppressions applied, sorted."""
    path = doc.path or "-"
    by_code, timeout_rule, timeout, selected, always, needing = _lint_plan(settings, doc.path)
    ctx = Context(doc, include_comments=settings.include_comments, settings=settings, rules=by_code)
    source = doc.source
    pending: list[tuple[Rule, int, int, str]] = []  # (rule, start, end, message), made Findings at the end

    def emit(rule: Rule, start: int, end: int, message: str) -> None:
        pending.append((rule, source.original_start(start), source.original_end(end), message))

    # Most articles have no insertion, standfirst or linted comments: the rules that look only there are
    # not run (calling a check that finds nothing cost ~0.7 µs), and one test passes over them all. The
    # order the rules run in does not matter: the findings are sorted.
    to_run = always
    if needing:
        present = ctx.scopes_present()
        if present:
            to_run = always + [(rule, options) for rule, options, needs in needing if not present.isdisjoint(needs)]
    for rule, options in to_run:
        try:
            hits = run_rule(rule, ctx, options, timeout)
        except RuleTimeout as exc:
            if timeout_rule is not None and RULE_TIMEOUT in selected:
                # Reported at the start of the text region the pattern stalled on.
                emit(timeout_rule, exc.start, min(exc.end, exc.start + 1),
                     _format(timeout_rule.message, rule=f"{rule.code} ({rule.name})", seconds=exc.seconds))
            continue
        for hit in hits:
            if hit.start < ctx.article_end or settings.include_comments:
                emit(rule, hit.start, hit.end, hit.message)

    for problem in doc.problems:
        rule = by_code.get(problem.code)
        if rule is None or problem.code not in selected:
            continue
        if problem.start >= ctx.article_end and not settings.include_comments:
            continue
        emit(rule, problem.start, problem.end, problem.message or rule.message)

    original = source.original
    places = source.line_cols(offset for _, start, end, _ in pending for offset in (start, end))
    findings: list[Finding] = []
    for rule, start, end, message in pending:
        line, col = places[start]
        end_line, end_col = places[end]
        text = original[start:end]
        findings.append(Finding(path, line, col, rule.code, end_line, end_col, start, end,
                                rule.name, settings.severity_of(rule.code, rule.severity), message,
                                text if len(text) <= 200 else text[:197] + "..."))

    suppressions = find_suppressions(doc.source.original)
    if suppressions:
        findings = apply_suppressions(findings, suppressions)
        unused_rule = by_code.get(UNUSED_SUPPRESSION)
        if settings.report_unused_suppressions and unused_rule is not None and UNUSED_SUPPRESSION in selected:
            line_index = doc.source.line_index
            for s in suppressions:
                if s.action != "enable" and not s.used:
                    line, col = line_index.line_col(s.start)
                    end_line, end_col = line_index.line_col(s.end)
                    findings.append(Finding(path, line, col, unused_rule.code, end_line, end_col, s.start, s.end,
                                            unused_rule.name, settings.severity_of(unused_rule.code, unused_rule.severity),
                                            _format(unused_rule.message, codes=",".join(s.codes) or "all"),
                                            doc.source.original[s.start:s.end]))
    findings.sort()
    return findings
