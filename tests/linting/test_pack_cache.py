"""The shipped rule packs as parsed, and the names of the checks, come from shipped.py (written by
`python -m notelint.linting.rules`), so a run does not parse TOML (nor import tomllib, nor checks.py to
validate check names) that changes only with notelint itself. It must never answer for packs it was not
made from, and notelint writes nothing beside its package."""
from __future__ import annotations

import functools
import os

import pytest

from notelint.linting import checks, rules, shipped

PACK = '''
[pack]
name = "desk"

[lexicon.puffery]
category = "puffery"
words = ["world-class", "game-changing", "best-in-class"]

[[rule]]
code = "DESK01"
name = "desk-puffery"
severity = "info"
summary = "Promotional wording in an insertion"
message = "promotional term: {match}"
scope = ["insertion"]
lexicons = ["puffery"]
'''


def test_shipped_py_is_current_for_the_packs_and_checks_of_this_checkout():
    with open(shipped.__file__, encoding="utf-8") as fh:
        assert fh.read() == rules.shipped_module_text(), "run `python -m notelint.linting.rules`"


def parse_refused(monkeypatch):
    def refuse(path, text):
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(rules, "_parse_pack", refuse)


@pytest.fixture
def own_load_rules(monkeypatch):
    # A load_rules of its own: the process's cached rules (which the engine's caches hold) stay as they are.
    monkeypatch.setattr(rules, "load_rules", functools.lru_cache(maxsize=16)(rules.load_rules.__wrapped__))


def test_the_shipped_packs_load_without_parsing_toml(own_load_rules, monkeypatch):
    expected = [r.to_json() for r in rules.load_rules.__wrapped__()]
    parse_refused(monkeypatch)
    assert [r.to_json() for r in rules.load_rules()] == expected
    assert {"NL101", "NL201", "NL301"} <= {r["code"] for r in expected}


@pytest.fixture
def installed(tmp_path, monkeypatch, own_load_rules):
    """An installed notelint's layout whose rules folder holds a pack shipped.py was not made from (as
    after an edit in site-packages)."""
    package = tmp_path / "notelint"
    folder = package / "rules"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "desk.toml").write_text(PACK, encoding="utf-8")
    monkeypatch.setattr(rules, "__file__", str(package / "linting" / "rules.py"))
    return folder


def test_packs_shipped_py_was_not_made_from_are_parsed(installed):
    assert [r.code for r in rules.load_rules()] == ["DESK01"]
    edited = PACK.replace("game-changing", "game-altering")
    (installed / "desk.toml").write_text(edited, encoding="utf-8")
    rules.load_rules.cache_clear()
    assert rules.load_rules()[0].lexicons[0].words == ("world-class", "game-altering", "best-in-class")


def test_a_broken_pack_is_reported(installed):
    (installed / "desk.toml").write_text(PACK + "\n[[rule]\n", encoding="utf-8")
    with pytest.raises(rules.RulePackError, match="invalid TOML"):
        rules.load_rules()


def test_loading_writes_nothing(installed):
    before = sorted(os.listdir(installed))
    rules.load_rules()
    assert sorted(os.listdir(installed)) == before == ["__init__.py", "desk.toml"]


def test_check_names_are_the_checks_and_only_them():
    assert {"insertion_in_quote", "editorial_voice", "scare_quotes"} <= shipped.CHECK_NAMES
    assert all(callable(getattr(checks, name)) for name in shipped.CHECK_NAMES)
    assert "format_message" not in shipped.CHECK_NAMES and "Context" not in shipped.CHECK_NAMES


def test_a_name_not_listed_is_looked_up_in_the_module():
    assert not rules._is_check("format_message") and not rules._is_check("_private") and not rules._is_check(None)
    assert not rules._is_check("no_such_check")
    assert rules._is_check("scare_quotes")
