"""The rule engine: packs as data (shipped and user folders), selection, suppressions, timeouts, comments."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
import zipfile

import pytest

from notelint.linting import engine, patterns, rules
from notelint.linting.config import load_settings
from notelint.linting.rules import RulePackError, load_rules, resolve_selection
from notelint.linting.engine import lint_source

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
CORPUS = os.path.join(FIXTURES, "iraqi-militias-republished.txt")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SPLIT = ("Strikes in Syria\n\nThe administration has responded [it can’t be a “response” when the US started this "
         "war] by twice targeting militia groups.\n")


def settings_in(folder, **overrides):
    return load_settings(str(folder), overrides)


def write_config(folder, text):
    (folder / "notelint.toml").write_text(textwrap.dedent(text), encoding="utf-8")


# --- The shipped packs ----------------------------------------------------------------------------

def test_shipped_rules_have_the_fixed_codes_names_and_severities():
    rules = {r.code: r for r in load_rules()}
    expected = {
        "NL101": ("insertion-in-quote", "error"), "NL102": ("insertion-splits-sentence", "warning"),
        "NL103": ("insertion-near-attribution", "warning"), "NL104": ("unlabeled-insertion", "warning"),
        "NL105": ("commentary-under-wire-credit", "error"), "NL201": ("scare-quotes", "warning"),
        "NL202": ("loaded-language", "info"), "NL203": ("rhetorical-voice", "warning"),
        "NL301": ("editorial-voice-in-wire-text", "warning"), "NL302": ("opinion-standfirst", "warning"),
        "NL401": ("unbalanced-quote", "warning"), "NL402": ("unbalanced-bracket", "warning"),
        "NL403": ("unattributed-quote", "info"), "NL900": ("rule-timeout", "error"),
    }
    for code, (name, severity) in expected.items():
        assert (rules[code].name, rules[code].severity) == (name, severity)
    assert rules["NL202"].kind == "lexicon" and {l.category for l in rules["NL202"].lexicons} >= {
        "loaded term", "intensifier", "hedge", "factive verb", "assertive verb"}
    assert rules["NL203"].kind == "pattern"


def test_every_shipped_pattern_and_lexicon_compiles():
    # Shipped patterns are compiled lazily at run time, so a broken one must be caught here.
    for rule in load_rules():
        for pattern in rule.patterns:
            assert pattern.compiled.pattern == pattern.source
        for lexicon in rule.lexicons:
            assert lexicon.compiled.search("nothing loaded here") is None or lexicon.name == "intensifier"


def test_rules_ship_inside_the_wheel_and_load_from_it(tmp_path):
    """Build a wheel, unpack it somewhere else and load the rules from there, not from the checkout."""
    wheel_dir = tmp_path / "wheel"
    # Build isolation fetches setuptools and wheel from the configured package index, as `pip install .` does.
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), ROOT],
                           capture_output=True, text=True)
    if build.returncode and "Could not find a version" in build.stderr + build.stdout:
        pytest.skip("no package index to fetch the build backend from")
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheel_dir.glob("notelint-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "notelint/rules/placement.toml" in names and "notelint/rules/lexicons.toml" in names
        site = tmp_path / "site"
        zf.extractall(site)
    probe = ("import notelint, notelint.linting.engine as e; "
             "print(notelint.__file__); print(' '.join(r.code for r in e.load_rules()))")
    # The unpacked wheel goes first on the path, ahead of the editable install of this checkout.
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=str(tmp_path),
                         check=True).stdout.split("\n")
    assert out[0].startswith(str(site))
    assert {"NL101", "NL105", "NL202", "NL302", "NL403"} <= set(out[1].split())
    # Installed, the packs are read from the package's rules folder, without importlib.resources; the same
    # rules as this checkout's, read through it.
    assert out[1].split() == [r.code for r in load_rules()]


def test_shipped_packs_read_from_a_folder_are_those_importlib_resources_gives(tmp_path, monkeypatch):
    through_resources = rules._shipped_pack_resources()
    assert len(through_resources) >= 6
    from_folder = rules._read_pack_folder(os.path.join(ROOT, "rules"))
    assert [(rules.SHIPPED_PREFIX + name, text) for name, text in from_folder] == through_resources
    # An installed package (a rules folder in the notelint package) is read from the folder.
    package = tmp_path / "notelint"
    (package / "rules" / "sub.toml").mkdir(parents=True)  # a folder, not a pack
    (package / "rules" / "__init__.py").write_text("", encoding="utf-8")
    (package / "rules" / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    monkeypatch.setattr(rules, "__file__", str(package / "linting" / "rules.py"))
    assert rules._shipped_pack_files() == [(rules.SHIPPED_PREFIX + "house.toml", HOUSE_PACK)]


# --- User packs -----------------------------------------------------------------------------------

HOUSE_PACK = '''
[pack]
name = "house"

[lexicon.house-sneers]
category = "house sneer"
words = ["so-called experts", "mainstream narrative"]

[[rule]]
code = "HOUSE01"
name = "house-sneer"
severity = "warning"
summary = "A sneer our style guide forbids"
message = "{category}: “{match}”"
scope = ["insertion", "wire"]
lexicons = ["house-sneers"]
what = "Flags sneers."
why = "They are rude."

[[rule]]
code = "HOUSE02"
name = "no-shouting"
severity = "info"
summary = "Words in capitals"
message = "shouting: {match}"
scope = ["wire"]
pattern = "\\\\b[A-Z]{5,}\\\\b"
ignore-case = false
'''


def test_a_user_pack_adds_lexicon_and_pattern_rules_without_python(tmp_path):
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    write_config(tmp_path, 'extend = ["./house-rules"]\n')
    settings = settings_in(tmp_path)
    text = "Markets\n\nThe so-called experts were WRONG again about the mainstream narrative, analysts said.\n"
    found = [(f.code, text[f.start:f.end], f.message) for f in lint_source(text, settings) if f.code.startswith("HOUSE")]
    assert ("HOUSE01", "so-called experts", "house sneer: “so-called experts”") in found
    assert ("HOUSE01", "mainstream narrative", "house sneer: “mainstream narrative”") in found
    assert ("HOUSE02", "WRONG", "shouting: WRONG") in found
    # The shipped rules still run beside them.
    assert {r.code for r in load_rules(settings.extend)} >= {"NL101", "HOUSE01", "HOUSE02"}


@pytest.mark.parametrize("pack, error", [
    ('[[rule]]\ncode = "H1"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\npattern = "a"\n',
     "codes look like"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "Bad Name"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\npattern = "a"\n',
     "kebab-case"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "x"\nseverity = "fatal"\nsummary = "s"\nmessage = "m"\npattern = "a"\n',
     "severity"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\npattern = "(a"\n',
     "bad pattern"),
    ('[[rule]]\ncode = "NL101"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\npattern = "a"\n',
     "already defined"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\nlexicons = ["nope"]\n',
     "no lexicon named"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\ncheck = "os_system"\n',
     "no check named"),
    ('[[rule]]\ncode = "HOUSE01"\nname = "x"\nseverity = "warning"\nsummary = "s"\nmessage = "m"\nscope = ["footer"]\npattern = "a"\n',
     "unknown scope"),
    ('[[rule]\n', "invalid TOML"),
])
def test_a_broken_user_pack_is_one_clear_error_naming_the_file(tmp_path, pack, error):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "bad.toml").write_text(pack, encoding="utf-8")
    with pytest.raises(RulePackError) as info:
        load_rules((str(folder),))
    message = str(info.value)
    assert message.startswith(str(folder / "bad.toml") + ": error: ")
    assert error in message


def test_a_runaway_user_pattern_becomes_nl900_naming_the_rule(tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "slow.toml").write_text(textwrap.dedent('''
        [[rule]]
        code = "SLOW01"
        name = "catastrophic"
        severity = "warning"
        summary = "A pattern that backtracks forever"
        message = "never"
        scope = ["wire"]
        pattern = '(\\w+\\s?)+\\d'
    '''), encoding="utf-8")
    write_config(tmp_path, 'extend = ["slow"]\n[options.NL900]\ntimeout = 0.05\n')
    text = "Headline\n\n" + "word " * 3000 + "end.\n"
    findings = lint_source(text, settings_in(tmp_path))
    timeouts = [f for f in findings if f.code == "NL900"]
    assert len(timeouts) == 1
    assert "SLOW01 (catastrophic)" in timeouts[0].message and "0.05 s" in timeouts[0].message
    assert not [f for f in findings if f.code == "SLOW01"]


# --- Selection --------------------------------------------------------------------------------------

def codes_enabled(tmp_path, config_text=None, **overrides):
    if config_text:
        write_config(tmp_path, config_text)
    settings = settings_in(tmp_path, **overrides)
    return {r.code for r in resolve_selection(load_rules(), settings)}


def test_selection_prefixes_specificity_and_command_line_layers(tmp_path):
    assert codes_enabled(tmp_path, 'select = ["NL1"]\n') == {"NL101", "NL102", "NL103", "NL104", "NL105"}
    assert codes_enabled(tmp_path, 'select = ["NL1"]\nignore = ["NL10"]\nextend-select = ["NL104"]\n') == {"NL104"}
    # The command line comes after the file: --select replaces, --ignore removes, --extend-select adds.
    assert codes_enabled(tmp_path, 'select = ["NL1"]\n', select=["NL2"]) == {"NL201", "NL202", "NL203"}
    assert codes_enabled(tmp_path, 'select = ["NL1"]\n', ignore=["NL105"], **{"extend-select": ["NL302"]}) == {
        "NL101", "NL102", "NL103", "NL104", "NL302"}
    assert "NL102" in codes_enabled(tmp_path, 'ignore = ["NL1"]\n', **{"extend-select": ["NL102"]})
    assert codes_enabled(tmp_path, 'select = ["scare-quotes"]\n') == {"NL201"}


def test_severity_override_and_per_file_ignores(tmp_path):
    write_config(tmp_path, '[severity]\nNL102 = "error"\n[per-file-ignores]\n"archive/*.txt" = ["NL1"]\n')
    (tmp_path / "archive").mkdir()
    settings = settings_in(tmp_path)
    doc_live = engine.lint_source(_source(tmp_path / "live.txt", SPLIT), settings)
    doc_archived = engine.lint_source(_source(tmp_path / "archive" / "old.txt", SPLIT), settings)
    assert [f.severity for f in doc_live if f.code == "NL102"] == ["error"]
    assert not [f for f in doc_archived if f.code.startswith("NL1")]
    assert [f for f in doc_archived if f.code == "NL201"]


def _source(path, text):
    from notelint.reading.formats import read_source
    path.write_text(text, encoding="utf-8")
    return read_source(str(path))


# --- Suppressions -----------------------------------------------------------------------------------

def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def test_html_comment_disable_and_enable_cover_a_region(tmp_path):
    text = ("Strikes\n\n<!-- notelint: disable=NL102,NL104 -->\n"
            + SPLIT.split("\n\n", 1)[1]
            + "\n<!-- notelint: enable=NL102,NL104 -->\n\n"
            + SPLIT.split("\n\n", 1)[1])
    found = [(f.code, f.line) for f in lint(text) if f.code in ("NL102", "NL104")]
    assert found == [("NL102", 8), ("NL104", 8)]


def test_disable_next_covers_only_the_next_paragraph():
    body = SPLIT.split("\n\n", 1)[1]
    text = "Strikes\n\n<!-- notelint: disable-next=NL102 -->\n" + body + "\n" + body
    assert [f.line for f in lint(text) if f.code == "NL102"] == [6]


def test_plain_text_directive_on_its_own_line():
    body = SPLIT.split("\n\n", 1)[1]
    text = "Strikes\n\nnotelint: disable-next=NL1\n" + body
    found = {f.code for f in lint(text)}
    assert not {"NL102", "NL104"} & found and "NL201" in found
    inline = "Strikes\n\n" + body.rstrip("\n") + " notelint: disable=NL102\n"
    assert "NL102" in {f.code for f in lint(inline)}  # not on a line of its own: just words


def test_suppression_in_markdown_comment(tmp_path):
    path = tmp_path / "story.md"
    body = SPLIT.split("\n\n", 1)[1]
    path.write_text("# Strikes in Syria\n\n<!-- notelint: disable-next=NL102 -->\n" + body, encoding="utf-8")
    from notelint.reading.formats import read_source
    found = {f.code for f in lint_source(read_source(str(path)), load_settings(str(tmp_path), {"isolated": True}))}
    assert "NL102" not in found and "NL104" in found


def test_unused_suppressions_are_reported_only_when_asked():
    text = "Talks\n\n<!-- notelint: disable-next=NL102 -->\nNegotiators met again on Monday, officials said.\n"
    assert not [f for f in lint(text) if f.code == "NL901"]
    unused = [f for f in lint(text, **{"report-unused-suppressions": True}) if f.code == "NL901"]
    assert len(unused) == 1 and unused[0].line == 3 and "NL102" in unused[0].message


# --- Comments, order, purity -------------------------------------------------------------------------

def test_reader_comments_are_skipped_unless_included():
    with open(CORPUS, encoding="utf-8") as fh:
        text = fh.read()
    comments_start = text.index("  1. Sam Adam says")
    default = lint(text)
    assert not [f for f in default if f.start >= comments_start]
    included = lint(text, **{"include-comments": True})
    assert [f for f in included if f.start >= comments_start]


def test_findings_are_sorted_by_line_column_and_code_and_lint_is_pure():
    with open(CORPUS, encoding="utf-8") as fh:
        text = fh.read()
    first, second = lint(text), lint(text)
    assert first == second
    assert [(f.line, f.col, f.code) for f in first] == sorted((f.line, f.col, f.code) for f in first)


def test_settings_pickle_and_keep_their_fingerprint(tmp_path):
    write_config(tmp_path, 'select = ["NL1", "NL2"]\n[options.NL201]\nmax-words = 4\n')
    settings = settings_in(tmp_path)
    clone = pickle.loads(pickle.dumps(settings))
    assert clone.fingerprint() == settings.fingerprint()
    assert lint_source(SPLIT, clone) == lint_source(SPLIT, settings)


# --- Any text at all --------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st  # noqa: E402
from fuzzing import budget

PIECES = st.sampled_from([
    "Headline", "\n", "\n\n", " ", "The minister said", "“", "”", '"', "[", "]", "[Ed.: note]", "you", "We",
    "?", "!", "Source: Associated Press", "(AP) —", "<!-- notelint: disable=NL1 -->", "notelint: enable=NL1",
    "<!-- notelint: disable-next=NL203 -->", "regime", "“response”", "  1. Sam says", "\t", "é", "’", ".",
])


@hypothesis_settings(max_examples=budget(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_lint_never_raises_and_findings_stay_in_the_text_in_order(text):
    findings = lint(text, select=["ALL"], **{"report-unused-suppressions": True})
    assert [(f.line, f.col, f.code) for f in findings] == sorted((f.line, f.col, f.code) for f in findings)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.severity in ("info", "warning", "error")


def test_disable_next_in_html_written_on_one_line_covers_the_next_element(tmp_path):
    from notelint.reading.formats import read_source
    body = SPLIT.split("\n\n", 1)[1].strip()
    path = tmp_path / "story.html"
    path.write_text(f"<h1>Strikes in Syria</h1><!-- notelint: disable-next=NL102 --><p>{body}</p><p>{body}</p>",
                    encoding="utf-8")
    found = lint_source(read_source(str(path)), load_settings(str(tmp_path), {"isolated": True}))
    nl102 = [f for f in found if f.code == "NL102"]
    second_paragraph = path.read_text(encoding="utf-8").rindex("<p>")
    assert len(nl102) == 1 and nl102[0].start > second_paragraph


def test_a_linted_document_leaves_no_reference_cycle(tmp_path):
    # Reference counting alone must free a document and its spans once a file is done: a reference cycle
    # (a nested function calling itself held one) kept every document alive until the cyclic collector
    # ran, and those collections were a sixth of the rules' time over thousands of files.
    import gc

    from notelint import parse_source
    from notelint.linting.engine import lint_document
    from notelint.reading.source import plain_source

    article = ("Central bank holds rates as inflation cools\n\n"
               "LONDON (Reuters) - The Bank of England held interest rates on Thursday, saying inflation was "
               "cooling faster than it had expected.\n\n"
               "“We remain data dependent,” Governor Andrew Bailey told reporters. “There is more to do.”\n\n"
               "Sterling fell 0.4 percent against the dollar. Why would anyone buy it now?\n")
    settings = settings_in(tmp_path)
    lint_document(parse_source(plain_source(article), **engine.parser_options(settings)), settings)  # first-use set-up
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        doc = parse_source(plain_source(article), **engine.parser_options(settings))
        assert lint_document(doc, settings)  # NL301 on the question: the rules looked at the wire text
        del doc
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
