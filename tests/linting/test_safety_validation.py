"""Configuration, rule packs and message templates a user wrote wrong are one line naming the file and
the key, exit code 2, never a traceback (issue 14)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from notelint.cli.main import main
from notelint.linting.messages import format_message, template_problem
from notelint.linting.rules import RulePackError, load_rules

EXAMPLE = Path(__file__).parents[2] / "examples" / "republished-wire-story.txt"


@pytest.fixture
def article(tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_error_line(capsys, path: str, *needles: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"{path}: error: "), err
    for needle in needles:
        assert needle in err, err


@pytest.mark.parametrize("pyproject, needles", [
    ('tool = "tool.notelint"\n', None),  # not notelint's: no configuration, no crash
    (b'[tool.notelint]\nignore = ["NL1\xff"]\n', ("not UTF-8",)),
    ("[tool.notelint]\nselect = " + "[" * 3000 + "]" * 3000 + "\n", ("nested too deeply",)),
    ("[tool.notelint.options.NL201]\nmax-words = inf\n", ("options.NL201.max-words", "finite")),
    ("[tool.notelint.options.NL201]\nmax-words = nan\n", ("options.NL201.max-words", "finite")),
    ("[tool.notelint.options.NL201]\nmax-words = 2.5\n", ("options.NL201.max-words",)),
    ("[tool.notelint.options.NL900]\ntimeout = -1.0\n", ("options.NL900.timeout", "above 0")),
    ("[tool.notelint.options.NL104]\nmarkers = [1, 2]\n", ("options.NL104.markers",)),
    ('[tool.notelint]\nselect = [1, 2]\n', ("select",)),
])
def test_a_bad_configuration_is_one_line_naming_file_and_key(article, capsys, pyproject, needles):
    path = article / "pyproject.toml"
    path.write_bytes(pyproject if isinstance(pyproject, bytes) else pyproject.encode("utf-8"))
    code = main(["check", "--no-cache", "story.txt"])
    if needles is None:
        assert code == 1 and "Traceback" not in capsys.readouterr().err
    else:
        assert code == 2
        one_error_line(capsys, str(path), *needles)


@pytest.mark.parametrize("spelling", ['[tool]\nnotelint = { select = ["NL999"] }\n',
                                      '[tool."notelint"]\nselect = ["NL999"]\n'])
def test_other_spellings_of_the_notelint_table_are_read(article, capsys, spelling):
    (article / "pyproject.toml").write_text(spelling, encoding="utf-8")
    assert main(["check", "--no-cache", "story.txt"]) == 2  # read: its unknown code is reported
    one_error_line(capsys, str(article / "pyproject.toml"), "NL999")


def test_config_of_a_missing_path_is_exit_2(article, capsys):
    assert main(["config", "no/such/folder"]) == 2
    one_error_line(capsys, "no/such/folder", "no such file")


GOOD_RULE = {"code": '"HOUSE01"', "name": '"house-rule"', "severity": '"warning"', "summary": '"A house rule"',
             "message": '"house: {match}"', "pattern": "'gobsmacking'"}


def pack(**changes) -> str:
    keys = dict(GOOD_RULE)
    keys.update(changes)
    return "[[rule]]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items() if v is not None)


@pytest.mark.parametrize("text, needle", [
    (pack(pattern="1"), "`pattern` must be a string"),
    (pack(pattern=None, patterns='"gobsmacking"'), "`patterns` must be a list"),
    (pack(pattern=None, patterns="[1, 2]"), "`patterns` must be strings or tables"),
    (pack(pattern=None, patterns="[{ pattern = 'x', group = 1.5 }]"), "`group`"),
    (pack(pattern=None, patterns="[{ pattern = 'x', group = 3 }]"), "no such group"),
    (pack(options='"none"'), "`options` must be a table"),
    (pack(options="{ limit = nan }"), "options.limit"),
    (pack(options="{ timeout = -1 }"), "options.timeout"),
    (pack(scope="3"), "`scope`"),
    (pack(what="[1]"), "`what` must be a string"),
    (pack(bad="{ a = 1 }"), "`bad` must be a string"),
    (pack(pattern=None, lexicons="[1]"), "`lexicons` must be a list of lexicon names"),
    (pack(pattern=None, check='"Hit"'), "no check named 'Hit'"),
    (pack(pattern=None, check='"is_labelled"'), "no check named 'is_labelled'"),
    (pack(kind='"telepathy"'), "`kind` must be one of"),
    (pack(default='"no"'), "`default` must be true or false"),
    (pack(message='"{match.__class__.__mro__}"'), "`message`"),
    (pack(message='"{match:>300000000}"'), "`message`"),
    ("[rule]\ncode = 'HOUSE01'\n", "write [[rule]], not [rule]"),
    ("[lexicon.house]\nwords = [1, 2]\n", "lexicon 'house'"),
    ("[lexicon.house]\nwords = 'gobsmacking'\n", "lexicon 'house'"),
    ("lexicon = 3\n[[rule]]\ncode = 'X'\n", "`lexicon` must be tables"),
])
def test_a_bad_rule_pack_is_one_error_naming_file_and_key(tmp_path, text, needle):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.toml").write_text(text, encoding="utf-8")
    load_rules.cache_clear()
    with pytest.raises(RulePackError) as info:
        load_rules((str(folder),))
    assert str(info.value).startswith(f"{folder / 'house.toml'}: error: ")
    assert needle in str(info.value)


def test_a_rule_pack_that_is_not_utf8_is_one_error(tmp_path, capsys):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.toml").write_bytes(pack().encode("utf-8").replace(b"A house rule", b"A h\xf4use rule"))
    (tmp_path / "notelint.toml").write_text('extend = ["house"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    load_rules.cache_clear()
    assert main(["check", "--no-cache", str(tmp_path / "story.txt")]) == 2
    one_error_line(capsys, str(folder / "house.toml"), "not UTF-8")


def test_templates_fill_plain_fields_only():
    assert format_message("house: {match!r:>12}", match="wow") == "house:        'wow'"
    assert format_message("{match.__class__.__mro__}", match="x") == "{match.__class__.__mro__}"
    assert format_message("{match:>300000000}", match="x") == "{match:>300000000}"
    assert format_message("{0}", match="x") == "{0}"
    assert format_message("{unknown}", match="x") == "{unknown}"
    assert format_message("{{literal}} {match}", match="x") == "{literal} x"
    assert template_problem("{match[0]}") and template_problem("{match:{width}}") and template_problem("{")
    assert template_problem("{match:<40} and {category!r}") is None


def test_a_finding_lists_a_handful_of_places_then_how_many_more(tmp_path, monkeypatch, capsys):
    from notelint.linting import checks

    example = EXAMPLE.read_text(encoding="utf-8")
    head, _, credit = example.rpartition("\n\nSource:")
    extra = "".join(f"\n\nTalks went on for day {i}, officials said. [Nobody believes a word of it!]" for i in range(40))
    (tmp_path / "story.txt").write_text(head + extra + "\n\nSource:" + credit, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--format", "json", "--select", "NL105", "story.txt"]) == 1
    import json

    (finding,) = json.loads(capsys.readouterr().out)
    assert f"and {41 - checks.MAX_PLACES} more)" in finding["message"]
    assert finding["message"].count(",") <= checks.MAX_PLACES
