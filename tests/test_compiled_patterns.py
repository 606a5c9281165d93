"""compiled_patterns: the code of `re` patterns kept between runs. What compile_re returns must be what
re.compile returns (a Pattern compares equal to another only with the same text, flags and compiled code),
whether compiled here, read back from the file, or compiled afresh because the file was bad."""
from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
import subprocess
import sys

import pytest
import regex

import notelint
from notelint import compiled_patterns
from notelint.lazy_pattern import DualPattern, LazyPattern
from notelint.lazy_pattern import regex as regex_stand_in


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A kept-code file under tmp_path, and the module's state as at a process's start."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(compiled_patterns, "cache_path", lambda: str(path))
    monkeypatch.setattr(compiled_patterns, "_entries", None)
    monkeypatch.setattr(compiled_patterns, "_added", {})
    monkeypatch.setattr(compiled_patterns, "_saving", True)  # no exit handler from a test
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def restart(monkeypatch):
    """The module as a new process finds it: the file not yet read, nothing compiled."""
    monkeypatch.setattr(compiled_patterns, "_entries", None)
    monkeypatch.setattr(compiled_patterns, "_added", {})


def defined_patterns(engine) -> list[tuple[str, int]]:
    """(text, flags) of every LazyPattern compiled by `engine` (re.compile, or the stand-in's for the regex
    module) that notelint's modules define, DualPatterns' included."""
    found = []
    for info in pkgutil.walk_packages(notelint.__path__, "notelint."):
        if info.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(info.name)).values():
            for lazy in ((value._re, value._regex) if isinstance(value, DualPattern) else (value,)):
                if isinstance(lazy, LazyPattern) and lazy._compile_args[0] is engine:
                    found.append(tuple(lazy._compile_args[1]) + (0,) * (2 - len(lazy._compile_args[1])))
    return found


def defined_re_patterns() -> list[tuple[str, int]]:
    return defined_patterns(re.compile)


def test_every_pattern_notelint_defines_compiles_to_what_re_compiles(store, monkeypatch):
    patterns = defined_re_patterns()
    assert len(patterns) > 100
    fresh = [compiled_patterns.compile_re(text, flags) for text, flags in patterns]
    assert fresh == [re.compile(text, flags) for text, flags in patterns]
    compiled_patterns.save()
    restart(monkeypatch)
    kept = [compiled_patterns.compile_re(text, flags) for text, flags in patterns]
    assert kept == fresh
    assert compiled_patterns._added == {}  # every one read from the file, none compiled again
    assert [p.groupindex for p in kept] == [re.compile(t, f).groupindex for t, f in patterns]


def test_a_kept_pattern_matches_as_the_compiled_one_does(store, monkeypatch):
    source, flags = r"(?P<speaker>[A-Z][a-z]+)\s+(?i:said|told)\b", re.MULTILINE
    compiled_patterns.compile_re(source, flags)
    compiled_patterns.save()
    restart(monkeypatch)
    kept = compiled_patterns.compile_re(source, flags)
    assert (source, flags) in compiled_patterns._entries
    text = "“We will not,” Smith said.\nJones TOLD reporters."
    assert [m.group("speaker") for m in kept.finditer(text)] == ["Smith", "Jones"]
    assert kept.pattern == source and kept.groupindex == {"speaker": 1}


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps([1, 2, 3]),
                                     marshal.dumps({(r"\d+", 0): ("x", 0, [1, 2, 3], 0, {}, (None,))})])
def test_a_truncated_foreign_or_forged_file_only_means_compiling_afresh(store, monkeypatch, content):
    store.write_bytes(content)
    assert compiled_patterns.compile_re(r"\d+", 0) == re.compile(r"\d+")
    assert compiled_patterns.compile_re(r"(a)(?P<b>b)", re.I) == re.compile(r"(a)(?P<b>b)", re.I)
    compiled_patterns.save()  # the bad file is replaced by a good one
    restart(monkeypatch)
    assert compiled_patterns.compile_re(r"\d+", 0) == re.compile(r"\d+")
    assert compiled_patterns._added == {}


def test_nothing_is_written_where_python_writes_no_bytecode(store, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled_patterns.compile_re(r"\bwe\b", re.I)
    compiled_patterns.save()
    assert not store.exists()


def test_errors_and_other_kinds_of_pattern_are_re_s_own(store):
    with pytest.raises(re.error):
        compiled_patterns.compile_re(r"(unclosed")
    assert compiled_patterns.compile_re(rb"\d+") == re.compile(rb"\d+")
    assert compiled_patterns._added == {}  # a bytes pattern is not kept
    assert compiled_patterns.compile_re(r"\d+", re.IGNORECASE) == re.compile(r"\d+", re.IGNORECASE)
    assert list(compiled_patterns._added) == [(r"\d+", 2)]  # a flag is kept as the number it is


def test_a_run_keeps_the_code_beside_the_bytecode_and_the_next_run_uses_it(tmp_path):
    # Two runs of notelint in fresh interpreters, bytecode written under a prefix of the test's own.
    env_code = ("import sys; sys.pycache_prefix = sys.argv[1]; sys.dont_write_bytecode = False\n"
                "from notelint import compiled_patterns\n"
                "from notelint.cli.main import main\n"
                "main(['check', '--no-cache', '--isolated', '--exit-zero', '-q', sys.argv[2]])\n"
                "print(len(compiled_patterns._entries or {}), len(compiled_patterns._added))")
    article = tmp_path / "story.txt"
    article.write_text("Bank holds rates\n\nLONDON (Reuters) - The Bank of England held rates, it said. "
                       "(The pound rose.) “We are watching,” the governor told reporters.\n", encoding="utf-8")
    prefix = tmp_path / "prefix"
    runs = [subprocess.run([sys.executable, "-c", env_code, str(prefix), str(article)], capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    (first_read, first_added), (second_read, second_added) = (map(int, run.stdout.split()[-2:]) for run in runs)
    assert first_read == 0 and first_added > 10
    assert second_read == first_added and second_added == 0
    assert list(prefix.rglob("patterns.*.marshal"))


def test_every_regex_module_pattern_notelint_defines_is_kept_as_the_module_pickles_it(store, monkeypatch):
    from notelint.linting.config import load_settings
    from notelint.linting.rules import load_rules

    patterns = defined_patterns(regex_stand_in.compile)
    patterns += [(p.source, regex.VERSION0 | regex.MULTILINE | (regex.IGNORECASE if p.ignore_case else 0))
                 for rule in load_rules(load_settings(None).extend) for p in rule.patterns]
    assert len(patterns) > 15
    fresh = [compiled_patterns.compile_regex(text, flags)._pickled_data for text, flags in patterns]
    assert fresh == [regex.compile(text, flags)._pickled_data for text, flags in patterns]
    compiled_patterns.save()
    restart(monkeypatch)
    kept = [compiled_patterns.compile_regex(text, flags) for text, flags in patterns]
    assert [p._pickled_data for p in kept] == fresh
    assert compiled_patterns._added == {}
    # A kept pattern works as the one compiled: a name in Unicode capitals, read back from the file.
    compiled_patterns.compile_regex(r"(?P<who>\p{Lu}\w+)\s+said", regex.V0)
    compiled_patterns.save()
    restart(monkeypatch)
    speaker = compiled_patterns.compile_regex(r"(?P<who>\p{Lu}\w+)\s+said", regex.V0)
    assert compiled_patterns._added == {}
    assert speaker.search("“No,” Élodie said.").group("who") == "Élodie"


def test_a_bad_regex_module_pattern_is_the_modules_error_and_nothing_is_kept(store):
    with pytest.raises(regex.error):
        compiled_patterns.compile_regex(r"(?P<a>x")
    assert compiled_patterns._added == {}
