"""Every rule's documented bad example draws that rule, and its good example does not: the docs are tests."""
from __future__ import annotations

import pytest

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source
from notelint.linting.rules import load_rules

LINTED_KINDS = ("check", "pattern", "lexicon", "parser")
RULES = [r for r in load_rules() if r.kind in LINTED_KINDS]


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return load_settings(str(tmp_path_factory.mktemp("docs")), {"isolated": True})


def test_every_rule_is_documented():
    for rule in load_rules():
        assert rule.summary and "\n" not in rule.summary, rule.code
        assert rule.what and rule.why, rule.code
        assert rule.bad_example and rule.good_example, rule.code
        assert rule.explanation.startswith(rule.what), rule.code


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_bad_example_draws_the_rule(rule, settings):
    found = [f.code for f in lint_source(rule.bad_example + "\n", settings)]
    assert rule.code in found


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_good_example_does_not_draw_the_rule(rule, settings):
    found = [f.code for f in lint_source(rule.good_example + "\n", settings)]
    assert rule.code not in found


def test_unused_suppression_examples(tmp_path):
    # NL901 only reports when asked; NL900's examples describe a pack and are exercised in test_engine.
    rule = next(r for r in load_rules() if r.code == "NL901")
    settings = load_settings(str(tmp_path), {"isolated": True, "report-unused-suppressions": True})
    assert "NL901" in [f.code for f in lint_source(rule.bad_example + "\n", settings)]
    assert "NL901" not in [f.code for f in lint_source(rule.good_example + "\n", settings)]
