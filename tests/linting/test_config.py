"""Configuration: where it is found, what it may hold, how mistakes are reported, and the fingerprint."""
from __future__ import annotations

import textwrap

import pytest

from notelint.linting.config import ConfigError, SettingsResolver, find_config_file, load_settings


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_found_by_walking_up_from_the_file(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.notelint]\nselect = ["NL1"]\n')
    article = write(tmp_path / "news" / "2021" / "story.txt", "Headline\n\nBody.\n")
    assert find_config_file(str(article)) == str(config)
    settings = load_settings(str(article))
    assert settings.config_path == str(config)
    assert settings.layers[0].select == ("NL1",)
    assert settings.root == str(tmp_path)


def test_a_pyproject_without_a_notelint_table_is_passed_over(tmp_path):
    outer = write(tmp_path / "notelint.toml", 'ignore = ["NL403"]\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    article = write(tmp_path / "site" / "story.txt", "Headline\n\nBody.\n")
    assert find_config_file(str(article)) == str(outer)


def test_dot_notelint_toml_wins_over_notelint_toml_and_pyproject_in_one_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.notelint]\nselect = ["NL1"]\n')
    write(tmp_path / "notelint.toml", 'select = ["NL2"]\n')
    dot = write(tmp_path / ".notelint.toml", 'select = ["NL3"]\n')
    assert find_config_file(str(tmp_path)) == str(dot)


def test_every_documented_key_is_accepted(tmp_path):
    write(tmp_path / "notelint.toml", '''
        select = ["NL1", "NL2"]
        extend-select = ["NL403"]
        ignore = ["NL202"]
        editorial-markers = ["MoA", "ZH"]
        wire-services = ["Agence Kyodo"]
        exclude = ["drafts/"]
        extend-exclude = ["*.draft.md"]
        include-comments = true
        fail-on = "error"
        report-unused-suppressions = true

        [severity]
        NL102 = "error"

        [per-file-ignores]
        "archive/**" = ["NL1"]

        [options.NL201]
        max-words = 4

        [options.unattributed-quote]
        min-words = 8
    ''')
    s = load_settings(str(tmp_path))
    assert s.editorial_markers == ("MoA", "ZH") and s.wire_services == ("Agence Kyodo",)
    assert s.include_comments and s.fail_on == "error" and s.report_unused_suppressions
    assert s.severity_of("NL102", "warning") == "error"
    assert s.options_for("NL201") == {"max-words": 4}
    assert s.options_for("NL403") == {"min-words": 8}  # a rule's name works as well as its code
    assert s.ignored_for(str(tmp_path / "archive" / "2019" / "x.txt")) == {"NL1"}
    assert s.ignored_for(str(tmp_path / "live.txt")) == frozenset()
    assert s.is_excluded(str(tmp_path / "drafts" / "a.txt"))
    assert s.is_excluded(str(tmp_path / "b.draft.md")) and not s.is_excluded(str(tmp_path / "b.md"))


@pytest.mark.parametrize("body, message", [
    ('selct = ["NL1"]\n', "unknown key `selct`"),
    ('select = "NL999"\n', "unknown rule code or prefix 'NL999'"),
    ('ignore = ["XY1"]\n', "`ignore`: unknown rule code"),
    ('select = [1, 2]\n', "`select` must be a list of rule codes"),
    ('[severity]\nNL102 = "fatal"\n', "`severity.NL102` must be one of error, warning, info"),
    ('[severity]\nNL999 = "error"\n', "`severity.NL999`: unknown rule code"),
    ('[per-file-ignores]\n"*.md" = ["NL77"]\n', "per-file-ignores"),
    ('[options.NL201]\nmax_wordz = 3\n', "`options.NL201.max-wordz`: NL201 has no such option (options: max-words)"),
    ('[options.NL201]\nmax-words = "three"\n', "`options.NL201.max-words` must be int"),
    ('[options.NL999]\nx = 1\n', "`options.NL999`: unknown rule code"),
    ('include-comments = "yes"\n', "`include-comments` must be true or false"),
    ('fail-on = "fatal"\n', "`fail-on` must be one of"),
    ('extend = ["./missing-pack"]\n', "rule-pack folder"),
    ('extend = ["./notelint.toml"]\n', "notelint.toml is a file: name the folder that holds it"),
    ('select = ["NL1"\n', "invalid TOML"),
])
def test_a_broken_config_is_one_error_naming_the_file_and_key(tmp_path, body, message):
    config = write(tmp_path / "notelint.toml", body)
    with pytest.raises(ConfigError) as info:
        load_settings(str(tmp_path))
    text = str(info.value)
    assert text.startswith(f"{config}: error: ")
    assert message in text
    assert "\n" not in text


def test_pyproject_errors_name_the_pyproject(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.notelint]\nselect = ["NL1"]\nbogus = 1\n')
    with pytest.raises(ConfigError, match="unknown key `bogus`") as info:
        load_settings(str(tmp_path))
    assert str(info.value).startswith(str(config))


def test_command_line_overrides_and_where_values_came_from(tmp_path):
    config = write(tmp_path / "notelint.toml", 'select = ["NL1"]\nfail-on = "error"\n[severity]\nNL102 = "info"\n')
    s = load_settings(str(tmp_path), {"fail-on": "info", "severity": {"NL104": "error"}, "ignore": ["NL105"]})
    assert s.fail_on == "info" and s.origin_of("fail-on") == "command line"
    assert s.severity_of("NL102", "warning") == "info" and s.severity_of("NL104", "warning") == "error"
    assert [layer.origin for layer in s.layers] == [str(config), "command line"]
    assert s.origin_of("wire-services") == "default"
    with pytest.raises(ConfigError, match="command line: error: `select`: unknown rule code"):
        load_settings(str(tmp_path), {"select": ["NL9999"]})


def test_explicit_config_and_isolated(tmp_path):
    write(tmp_path / "notelint.toml", 'select = ["NL1"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["NL2"]\n')
    assert load_settings(str(tmp_path), {"config": str(other)}).layers[0].select == ("NL2",)
    assert load_settings(str(tmp_path), {"isolated": True}).layers == ()
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_settings(str(tmp_path), {"config": str(tmp_path / "nope.toml")})


def test_fingerprint_is_stable_and_changes_with_anything_that_changes_findings(tmp_path):
    write(tmp_path / "a" / "notelint.toml", 'select = ["NL1"]\n[options.NL103]\nskip-labelled = false\n')
    write(tmp_path / "b" / "notelint.toml", '[options.NL103]\nskip-labelled = false\n')  # no select
    a1 = load_settings(str(tmp_path / "a")).fingerprint()
    a2 = load_settings(str(tmp_path / "a")).fingerprint()
    assert a1 == a2 and len(a1) == 32
    b = load_settings(str(tmp_path / "b")).fingerprint()
    assert a1 != b
    # Same content in another folder: the same fingerprint (the cache can be shared).
    write(tmp_path / "c" / "notelint.toml", 'select = ["NL1"]\n[options.NL103]\nskip-labelled = false\n')
    assert load_settings(str(tmp_path / "c")).fingerprint() == a1
    # Editing a user's rule pack changes it.
    pack = tmp_path / "d" / "house"
    pack.mkdir(parents=True)
    (pack / "house.toml").write_text('[lexicon.x]\nwords = ["a"]\n', encoding="utf-8")
    write(tmp_path / "d" / "notelint.toml", 'extend = ["house"]\n')
    before = load_settings(str(tmp_path / "d")).fingerprint()
    (pack / "house.toml").write_text('[lexicon.x]\nwords = ["b"]\n', encoding="utf-8")
    assert load_settings(str(tmp_path / "d")).fingerprint() != before


def test_resolver_reads_each_config_file_once_and_per_folder(tmp_path):
    write(tmp_path / "notelint.toml", 'select = ["NL1"]\n')
    write(tmp_path / "sub" / "notelint.toml", 'select = ["NL2"]\n')
    resolver = SettingsResolver({})
    top = resolver(str(tmp_path / "x.txt"))
    assert resolver(str(tmp_path / "y.txt")) is top
    assert resolver(str(tmp_path / "sub" / "z.txt")).layers[0].select == ("NL2",)
