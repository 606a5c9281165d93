"""A run pays at start-up only for what it uses: a plain `check` of a short article with no brackets imports
neither pyparsing (the grammar of nested brackets) nor rich (terminal colour) nor the corpus readers (csv,
decimal, datetime) nor another format's reporter nor another command's module, and compiles no word list
or pattern of a rule that is not selected.

Each run is a fresh interpreter (a subprocess), as a pre-commit hook starts one: what is in sys.modules
after the command is what the command imported."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# A short wire story in the shape such files have: headline, dateline, an attributed quotation. No
# square brackets, so no paragraph needs the bracket grammar.
ARTICLE = ("Port strike enters second week\n\n"
           "ROTTERDAM (Reuters) - Dock workers at Europe's busiest port extended their strike on Monday, "
           "the union said, as talks with employers stalled over pay.\n\n"
           "“We are not going back until the offer matches inflation,” union spokeswoman Marit Jansen told "
           "reporters outside the terminal.\n\n"
           "The port authority said about 40 ships were waiting to unload.\n")

# Runs main() as the console script does, then reports what the interpreter holds.
PROBE = """
import json, sys
from notelint.cli.main import main
code = main(sys.argv[1:])
from notelint.linting.rules import load_rules
# load_rules(()) as the run asked for them: the same (cached) objects
# A word list is made ready either as one regular expression (compiled) or as its word lookup (matcher).
compiled = {r.code: [p.source for p in r.patterns if "compiled" in vars(p)]
                    + [l.name for l in r.lexicons if "compiled" in vars(l) or "matcher" in vars(l)]
            for r in load_rules(())}
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules), "compiled": compiled}), file=sys.stderr)
"""


def probe(tmp_path, *argv: str, bytecode: bool = False) -> dict:
    """The exit code, the modules imported and each rule's compiled patterns and word lists after
    `notelint ARGV`, with standard output a pipe (not a terminal). `bytecode`: Python (and notelint, beside
    it) may write its caches, as it does for a user."""
    drop = ("FORCE_COLOR", "NO_COLOR", "NOTELINT_CACHE_DIR") + (("PYTHONDONTWRITEBYTECODE",) if bytecode else ())
    env = {k: v for k, v in os.environ.items() if k not in drop}
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    return json.loads(proc.stderr.strip().splitlines()[-1])


def imported(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


@pytest.fixture
def article(tmp_path):
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_plain_check_of_a_short_bracket_free_article_imports_only_what_it_uses(tmp_path, article):
    result = probe(tmp_path, "check", "--no-cache", str(article))
    modules = result["modules"]
    assert result["code"] == 0
    assert "notelint.linting.engine" in modules and "notelint.reporting.text" in modules  # it did check
    assert not imported(modules, "pyparsing")  # no paragraph has brackets to parse
    assert not imported(modules, "rich")  # standard output is not a terminal: no colour
    assert "notelint.reading.corpus" not in modules and "csv" not in modules and "decimal" not in modules
    other_reporters = {"json", "jsonl", "sarif", "github", "gitlab", "junit", "html", "corpus", "stats"}
    assert not [m for m in modules if m.rpartition(".")[2] in other_reporters and m.startswith("notelint.reporting.")]
    other_commands = {"parse", "rules", "diff", "index", "find", "stats"}
    assert not [m for m in modules if m.startswith("notelint.cli.") and m.rpartition(".")[2] in other_commands]
    assert not imported(modules, "notelint.diffing") and not imported(modules, "notelint.finding")
    # The check path's values are written-out classes: no dataclass is generated at start-up.
    assert "dataclasses" not in modules and "inspect" not in modules
    # Its patterns are read by `re` (the regex module reads them alike on such text), and its command line
    # without argparse (nor gettext, which argparse asks for translations of its messages).
    assert not imported(modules, "regex")
    assert "notelint.runner.cache" not in modules  # --no-cache: the result cache is not imported
    assert "argparse" not in modules and "gettext" not in modules and "locale" not in modules


def test_a_line_argparse_must_read_still_reads_it(tmp_path, article):
    # An abbreviated option: argparse reads it, as before.
    result = probe(tmp_path, "check", "--no-cach", "--output-format", "json", str(article))
    assert result["code"] == 0 and "argparse" in result["modules"]


def test_a_story_with_characters_re_reads_apart_is_read_by_regex(tmp_path):
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    path = tmp_path / "story.txt"
    # A dotless i (Turkish copy): re ignoring case would take it for an i, the regex module does not.
    path.write_text(ARTICLE.replace("ROTTERDAM (Reuters)", "İSTANBUL (Reuters)").replace("busiest", "bıggest"),
                    encoding="utf-8")
    result = probe(tmp_path, "check", "--no-cache", str(path))
    assert result["code"] == 0 and imported(result["modules"], "regex")


def runtime_typing_imports(module: str) -> list[int]:
    """Lines of `module` that import typing when it is imported: at module level or in a function, anywhere
    but under `if TYPE_CHECKING:`."""
    import ast
    import importlib.util

    tree = ast.parse(open(importlib.util.find_spec(module).origin, encoding="utf-8").read())
    guarded = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
               for stmt in node.body for n in ast.walk(stmt)}
    return [n.lineno for n in ast.walk(tree) if id(n) not in guarded and (
        (isinstance(n, ast.ImportFrom) and n.module == "typing") or
        (isinstance(n, ast.Import) and any(a.name == "typing" for a in n.names)))]


def test_no_module_a_plain_check_imports_imports_typing(tmp_path, article):
    # typing costs ~2 ms of every start-up; annotations are strings (from __future__ import annotations),
    # so the names they use are imported only for type checkers. (An editable install's loader imports
    # importlib.resources, which imports typing: the modules are read, not sys.modules.)
    # With the result cache and without (which does not import it).
    modules = sorted({m for argv in (("check", "--no-cache", str(article)), ("check", str(article)))
                      for m in probe(tmp_path, *argv)["modules"] if m.startswith("notelint")})
    assert "notelint.runner.cache" in modules and "notelint.linting.engine" in modules
    assert {m: lines for m in modules if (lines := runtime_typing_imports(m))} == {}


def test_building_the_command_line_does_not_ask_the_terminal_its_width():
    # argparse checks each argument's metavar with a help formatter; made without a width, a formatter asks
    # the terminal (importing shutil, zlib, bz2, lzma). Help is only laid out when it is printed.
    code = ("import sys; from notelint.cli.main import build_parser; build_parser('check')\n"
            "print(sorted(m for m in ('shutil', 'bz2', 'lzma') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_a_check_answered_from_the_result_cache_imports_neither_the_parser_nor_the_rules(tmp_path, article):
    first = probe(tmp_path, "check", str(article), bytecode=True)
    assert first["code"] == 0 and "notelint.parsing.document" in first["modules"]  # it parsed the article
    modules = probe(tmp_path, "check", str(article), bytecode=True)["modules"]
    assert "notelint.runner.cache" in modules
    for heavy in ("notelint.parsing.document", "notelint.linting.engine", "notelint.linting.checks", "regex",
                  "pyparsing"):
        assert not imported(modules, heavy), heavy


def test_json_output_imports_the_json_reporter_and_not_the_text_one(tmp_path, article):
    modules = probe(tmp_path, "check", "--no-cache", "--output-format", "json", str(article))["modules"]
    assert "notelint.reporting.json" in modules
    assert "notelint.reporting.text" not in modules and not imported(modules, "rich")


def test_word_lists_and_patterns_of_rules_not_selected_are_never_compiled(tmp_path):
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    path = tmp_path / "column.txt"
    # A republished story with an editor's insertion the loaded-language word list and the rhetorical
    # patterns both have something to say about.
    path.write_text("Port strike enters second week\n\n"
                    "ROTTERDAM (Reuters) - Dock workers extended their strike on Monday, the union said, and "
                    "employers offered talks [a shameful, outrageous stunt: you would think they had learned "
                    "by now!] later in the week.\n",
                    encoding="utf-8")
    everything = probe(tmp_path, "check", "--no-cache", "--exit-zero", str(path))["compiled"]
    assert everything["NL202"] and everything["NL203"]  # selected, they compile what the text needs
    only_lexicon = probe(tmp_path, "check", "--no-cache", "--exit-zero", "--select", "NL202", str(path))["compiled"]
    assert only_lexicon["NL202"]
    assert only_lexicon["NL203"] == []  # its patterns: never compiled
    # NL302 shares the `loaded` list with NL202 (one object, compiled once); its own lists are not compiled.
    assert set(only_lexicon["NL302"]) <= set(only_lexicon["NL202"])
    only_patterns = probe(tmp_path, "check", "--no-cache", "--exit-zero", "--select", "NL203", str(path))["compiled"]
    assert only_patterns["NL203"] and only_patterns["NL202"] == [] and only_patterns["NL302"] == []
