"""The shipped rule packs are parsed once and kept beside them (as Python keeps bytecode), so a run does not
pay for parsing TOML (nor importing tomllib) that changes only with notelint itself. The cache must never
answer for packs it was not made from."""
from __future__ import annotations

import functools
import os
import sys

import pytest

from notelint.linting import rules

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


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """An installed notelint's layout: a rules folder (with its __init__.py) holding one pack; Python
    allowed to write its caches."""
    package = tmp_path / "notelint"
    folder = package / "rules"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "desk.toml").write_text(PACK, encoding="utf-8")
    monkeypatch.setattr(rules, "__file__", str(package / "linting" / "rules.py"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    # A load_rules of its own: the process's cached rules (which the engine's caches hold) stay as they are.
    monkeypatch.setattr(rules, "load_rules", functools.lru_cache(maxsize=16)(rules.load_rules.__wrapped__))
    return folder


def parse_refused(monkeypatch):
    def refuse(path, text):
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(rules, "_parse_pack", refuse)


def test_a_second_load_reads_the_parsed_packs_from_the_cache(installed, monkeypatch):
    first = [r.to_json() for r in rules.load_rules()]
    assert [r["code"] for r in first] == ["DESK01"]
    assert os.listdir(installed / "__pycache__") == [rules._PACK_CACHE]
    rules.load_rules.cache_clear()
    parse_refused(monkeypatch)
    again = rules.load_rules()
    assert [r.to_json() for r in again] == first
    assert again[0].lexicons[0].words == ("world-class", "game-changing", "best-in-class")


def test_an_edited_pack_is_parsed_again_even_with_the_same_size(installed):
    rules.load_rules()
    edited = PACK.replace("game-changing", "game-altering")
    assert len(edited) == len(PACK)
    (installed / "desk.toml").write_text(edited, encoding="utf-8")
    rules.load_rules.cache_clear()
    assert rules.load_rules()[0].lexicons[0].words == ("world-class", "game-altering", "best-in-class")
    rules.load_rules.cache_clear()
    (installed / "extra.toml").write_text(PACK.replace("DESK01", "DESK02").replace("desk-puffery", "desk-puff")
                                          .replace("[lexicon.puffery]", "[lexicon.hype]")
                                          .replace('"puffery"]', '"hype"]'), encoding="utf-8")
    assert [r.code for r in rules.load_rules()] == ["DESK01", "DESK02"]  # a pack added: parsed too


def test_a_broken_cache_is_ignored_and_replaced(installed, monkeypatch):
    rules.load_rules()
    cache = installed / "__pycache__" / rules._PACK_CACHE
    for junk in (b"", b"\x00garbage", cache.read_bytes()[:100]):
        cache.write_bytes(junk)
        rules.load_rules.cache_clear()
        assert [r.code for r in rules.load_rules()] == ["DESK01"]
    rules.load_rules.cache_clear()
    parse_refused(monkeypatch)
    assert [r.code for r in rules.load_rules()] == ["DESK01"]  # rewritten whole by the last load


def test_a_broken_pack_is_reported_the_same_whether_or_not_a_cache_exists(installed):
    rules.load_rules()
    (installed / "desk.toml").write_text(PACK + "\n[[rule]\n", encoding="utf-8")
    rules.load_rules.cache_clear()
    with pytest.raises(rules.RulePackError, match="invalid TOML"):
        rules.load_rules()


def test_nothing_is_written_where_python_writes_no_bytecode(installed, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert [r.code for r in rules.load_rules()] == ["DESK01"]
    assert not (installed / "__pycache__").exists()


def test_an_installation_where_the_cache_cannot_be_written_still_loads_its_packs(installed):
    (installed / "__pycache__").write_text("", encoding="utf-8")  # a file where the folder would go
    assert [r.code for r in rules.load_rules()] == ["DESK01"]
    rules.load_rules.cache_clear()
    assert [r.code for r in rules.load_rules()] == ["DESK01"]
    assert sorted(os.listdir(installed)) == ["__init__.py", "__pycache__", "desk.toml"]  # no temporary left


def test_the_shipped_packs_load_the_same_from_the_cache_as_parsed(tmp_path, monkeypatch):
    files, _folder = rules._shipped_packs()
    parsed = rules._parsed_packs(files, None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    rules._parsed_packs(files, str(tmp_path))  # writes the cache
    parse_refused(monkeypatch)
    assert rules._parsed_packs(files, str(tmp_path)) == parsed


# --- The names of the checks ------------------------------------------------------------------------

@pytest.fixture
def checks_source(tmp_path, monkeypatch):
    """This module seen beside a checks.py of its own (the names still come from the real checks module)."""
    folder = tmp_path / "linting"
    folder.mkdir()
    (folder / "checks.py").write_text("# checks\n", encoding="utf-8")
    monkeypatch.setattr(rules, "__file__", str(folder / "rules.py"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    rules._known_checks.cache_clear()
    yield folder
    rules._known_checks.cache_clear()


def test_the_check_names_are_read_back_while_checks_py_is_unchanged(checks_source, monkeypatch):
    names = rules._known_checks()
    assert {"insertion_in_quote", "editorial_voice", "scare_quotes"} <= names
    assert "format_message" not in names and "Context" not in names  # imported, not checks
    rules._known_checks.cache_clear()
    monkeypatch.setattr(rules, "_is_check_function", lambda name: pytest.fail("looked up in checks.py again"))
    assert rules._known_checks() == names
    assert rules._is_check("scare_quotes")


def test_a_changed_checks_py_lists_its_checks_again(checks_source, monkeypatch):
    rules._known_checks()
    (checks_source / "checks.py").write_text("# checks, edited\n", encoding="utf-8")
    rules._known_checks.cache_clear()
    looked_up = []
    real = rules._is_check_function
    monkeypatch.setattr(rules, "_is_check_function", lambda name: looked_up.append(name) or real(name))
    assert "scare_quotes" in rules._known_checks() and "scare_quotes" in looked_up


def test_a_name_not_listed_is_looked_up_in_the_module(checks_source):
    assert not rules._is_check("format_message") and not rules._is_check("_private") and not rules._is_check(None)
    assert not rules._is_check("no_such_check")
