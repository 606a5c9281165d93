"""`check`'s command line read without argparse (cli/quick.py) gives the command exactly what argparse gives
it, or hands the line to argparse: compared on the lines a hook and a person type and on generated ones."""
from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings, strategies as st

from notelint.cli import check
from notelint.cli.main import build_parser, main
from notelint.cli.quick import quick_arguments

from fuzzing import budget


def by_argparse(argv: list[str]) -> dict | None:
    """argparse's arguments for argv, or None when it refuses the line."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser(argv[0]).parse_args(argv))
    except SystemExit:
        return None


def quickly(argv: list[str]) -> dict | None:
    args = quick_arguments(argv, check)
    return None if args is None else vars(args)


@pytest.mark.parametrize("argv", [
    ["check"],
    ["check", "story.txt"],
    ["check", "--no-cache", "story.txt"],
    ["check", "wire/a.txt", "wire/b.md", "--exit-zero"],  # pre-commit appends the file names
    ["check", "--force-exclude", "--output-format", "concise", "-q", "a.txt", "b.txt"],
    ["check", "--select", "NL1", "--select", "NL203", "--ignore", "NL302", "column.txt"],
    ["check", "-j", "2", "--cache-dir", ".cache", "--format", "json", "-o", "report.json", "news/"],
    ["check", "--max-file-size", "0", "--color", "never", "--no-respect-gitignore", "--isolated", "x.html"],
    ["check", "--fail-on", "info", "--statistics", "--include-comments", "--config", "ci.toml", "a.txt"],
    ["check", "--input-format", "markdown", "--text-field", "body", "--per-article", "a.txt"],
])
def test_the_plain_forms_are_read_without_argparse_as_argparse_reads_them(argv):
    quick = quickly(argv)
    assert quick is not None
    assert quick == by_argparse(argv)
    assert quick["handler"] is check.run_check


@pytest.mark.parametrize("argv", [
    ["check", "a.txt", "--no-cache", "b.txt"],  # argparse takes one run of paths and refuses the second
    ["check", "-"],  # standard input
    ["check", "--", "-odd-name.txt"],
    ["check", "--no-cach", "a.txt"],  # an abbreviation argparse accepts
    ["check", "--color=never", "a.txt"],
    ["check", "-qj2", "a.txt"],
    ["check", "--help"],
    ["check", "--jobs", "0", "a.txt"],  # refused by the option's type
    ["check", "--jobs", "two", "a.txt"],
    ["check", "--output-format", "yaml", "a.txt"],  # not a choice
    ["check", "--config"],  # no value
    ["check", "--cache-dir", "-x", "a.txt"],
    ["check", "--version"],
])
def test_other_forms_are_left_to_argparse(argv):
    assert quickly(argv) is None


FLAGS = [flag for action in build_parser("check")._subparsers._group_actions[0].choices["check"]._actions
         for flag in action.option_strings]
WORDS = FLAGS + ["a.txt", "news/", "-", "--", "NL1", "json", "concise", "never", "2", "0", "-1", "text", "x",
                 "--no-cach", "--color=always", "-qo", "", "check"]


@settings(max_examples=budget(1500), deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_on_any_line_the_quick_reading_is_argparse_s_or_none(words):
    argv = ["check", *words]
    quick = quickly(argv)
    if quick is not None:
        assert quick == by_argparse(argv)


def test_a_line_argparse_refuses_still_gets_its_one_line_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", str(tmp_path / "a.txt"), "--no-cache", str(tmp_path / "b.txt")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "notelint: error: unrecognized arguments: " + str(tmp_path / "b.txt")
