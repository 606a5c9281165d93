"""Rules as data: the rule packs (TOML) are read into Rule objects, and a file's settings select among them.

A rule is a word list (`lexicons`), regular expressions (`patterns`), or the name of a small Python
check in `checks.py`. Shipped packs live in the `notelint.rules` package; users add folders with `extend`.
"""
from __future__ import annotations

import functools
import os
import re
import sys
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable, Sequence

from ..reading.source import SourceError
from ..values import FrozenValue
from .messages import template_problem

SCOPES = ("wire", "quote", "insertion", "headline", "standfirst", "comments", "any")
SEVERITIES = ("info", "warning", "error")
CODE_RE = re.compile(r"^[A-Z]{1,6}[0-9]{2,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Codes the engine itself reports (their rules are declared in rules/engine.toml).
RULE_TIMEOUT = "NL900"
UNUSED_SUPPRESSION = "NL901"
DEFAULT_PATTERN_TIMEOUT = 1.0
SHIPPED_PREFIX = "notelint.rules/"  # DEFAULT_PATTERN_TIMEOUT: seconds per pattern rule per file


class RulePackError(SourceError):
    """A broken rule pack: one line naming the file and the rule (exit code 2, like any input error)."""


class Pattern(FrozenValue):
    """One regular expression of a pattern rule, with its own message (`{match}` is the matched text)."""

    source: str
    message: str
    ignore_case: bool = True
    group: int | str = 0  # the group whose span the finding covers

    @functools.cached_property
    def compiled(self) -> "regex.Pattern":
        import regex

        from ..compiled_patterns import compile_regex

        flags = regex.VERSION0 | regex.MULTILINE | (regex.IGNORECASE if self.ignore_case else 0)
        return compile_regex(self.source, flags)


class Lexicon(FrozenValue):
    """A named word list of one category; entries may end in `*` (any word ending) and hold spaces."""

    name: str
    category: str
    words: tuple[str, ...]
    path: str = ""

    @functools.cached_property
    def compiled(self) -> "re.Pattern":
        """The list as one regular expression (what `matcher` finds, at a cost of ~1 ms per hundred
        entries to compile)."""
        from .patterns import compile_word_list

        return compile_word_list(self.words)

    @functools.cached_property
    def matcher(self) -> "WordList":
        """The list as the rules search it: by looking words up, with `compiled`'s matches."""
        from .patterns import WordList

        return WordList(self.words)


class Rule(FrozenValue):
    code: str
    name: str
    severity: str
    summary: str  # one line
    message: str  # the finding's message; may use {match}, {category} and check-specific fields
    explanation: str  # what it flags and why it matters
    bad_example: str
    good_example: str
    options: dict  # option name -> default value (a new {} when not given)
    scope: tuple[str, ...] = ("any",)
    kind: str = "check"  # check, pattern, lexicon, parser, engine
    check: str | None = None  # name of a function in checks.py
    patterns: tuple[Pattern, ...] = ()
    lexicons: tuple[Lexicon, ...] = ()
    default: bool = True  # enabled unless deselected
    what: str = ""
    why: str = ""
    pack: str = ""  # the file it came from
    _FACTORIES = {"options": dict}
    __eq__ = object.__eq__  # one rule is one object: compared and hashed by identity
    __hash__ = object.__hash__

    def options_with(self, overrides: dict) -> dict:
        merged = dict(self.options)
        merged.update(overrides)
        return merged

    def to_json(self) -> dict:
        return {
            "code": self.code, "name": self.name, "severity": self.severity, "summary": self.summary,
            "message": self.message, "what": self.what, "why": self.why, "explanation": self.explanation,
            "bad_example": self.bad_example, "good_example": self.good_example, "options": self.options,
            "scope": list(self.scope), "kind": self.kind, "default": self.default,
            "pack": os.path.basename(self.pack),
        }


# ---------------------------------------------------------------------------------------------------
# Loading packs

def _shipped_pack_files() -> list[tuple[str, str]]:
    """(name, text) of every shipped pack."""
    return _shipped_packs()[0]


def _shipped_packs() -> tuple[list[tuple[str, str]], str | None]:
    """(name, text) of every shipped pack, and the folder they were read from (None when they are not
    files in a folder). Installed by pip, they are files in the package's rules folder, read as such;
    elsewhere (an editable install maps the package to the repository's rules/, a zip has no folder)
    through importlib.resources, whose imports cost ~6 ms of every start-up."""
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        return [(f"{SHIPPED_PREFIX}{name}", text) for name, text in _read_pack_folder(folder)], folder
    from importlib import resources

    try:
        folder = os.fspath(resources.files("notelint.rules"))  # an editable install: the repository's rules/
    except TypeError:  # in a zip, or spread over several folders
        folder = None
    return _shipped_pack_resources(), folder if folder is not None and os.path.isdir(folder) else None


def _shipped_pack_resources() -> list[tuple[str, str]]:
    from importlib import resources

    root = resources.files("notelint.rules")
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            out.append((f"{SHIPPED_PREFIX}{entry.name}", entry.read_text(encoding="utf-8")))
    return out


def _read_pack_folder(folder: str) -> list[tuple[str, str]]:
    """(file name, text) of each pack file (*.toml) in a folder, by name."""
    out = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".toml") and os.path.isfile(path):
            with open(path, "rb") as fh:
                data = fh.read()
            try:
                out.append((name, data.decode("utf-8")))
            except UnicodeDecodeError as exc:
                raise RulePackError(path, f"not UTF-8 (byte offset {exc.start}); save the pack as UTF-8") from None
    return out


def _folder_pack_files(folder: str) -> list[tuple[str, str]]:
    try:
        return [(os.path.join(folder, name), text) for name, text in _read_pack_folder(folder)]
    except OSError as exc:
        what = "rule pack" if exc.filename and exc.filename != folder else "rule-pack folder"
        raise RulePackError(exc.filename or folder, f"cannot read {what}: {exc.strerror or exc}") from None


@functools.lru_cache(maxsize=16)
def load_rules(extra_pack_dirs: Sequence[str] = ()) -> list[Rule]:
    """Every rule: the shipped packs, then each extra folder's packs. Sorted by code."""
    files, _folder = _shipped_packs()
    shipped = len(files)
    for extra in extra_pack_dirs:
        files.extend(_folder_pack_files(extra))
    tables = _parsed_packs(files[:shipped]) + [(path, _parse_pack(path, text)) for path, text in files[shipped:]]
    # Lexicons first: a rule may use a lexicon declared in any pack.
    tables = [(path, table) for path, table in tables if "rule" in table or "lexicon" in table]
    lexicons: dict[str, Lexicon] = {}
    for path, table in tables:
        declared = table.get("lexicon", {})
        if not isinstance(declared, dict):
            raise RulePackError(path, "`lexicon` must be tables: [lexicon.NAME] with a `words` list")
        for name, entry in declared.items():
            if (not isinstance(entry, dict) or not isinstance(entry.get("words"), list)
                    or not all(isinstance(w, str) and w.strip() for w in entry["words"])):
                raise RulePackError(path, f"lexicon {name!r} needs a `words` list of non-empty strings")
            if not isinstance(entry.get("category", name), str):
                raise RulePackError(path, f"lexicon {name!r}: `category` must be a string")
            lexicons[name] = Lexicon(name, entry.get("category", name), tuple(entry["words"]), path)
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    # Other data may share the folder (the diff's style-equivalences.toml): a pack declares rules or lexicons.
    tables = [(path, table) for path, table in tables if "rule" in table or "lexicon" in table]
    for path, table in tables:
        unknown = set(table) - {"pack", "rule", "lexicon"}
        if unknown:
            raise RulePackError(path, f"unknown table(s) {', '.join(sorted(unknown))} (a pack has [pack], [[rule]], [lexicon.NAME])")
        entries = table.get("rule", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise RulePackError(path, "`rule` must be an array of tables: write [[rule]], not [rule]")
        for entry in entries:
            rule = _rule_from_table(entry, path, lexicons)
            if rule.code in rules:
                raise RulePackError(path, f"rule {rule.code} is already defined in {rules[rule.code].pack}")
            if rule.name in names:
                raise RulePackError(path, f"rule name {rule.name!r} is already used by {names[rule.name]}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    return [rules[c] for c in sorted(rules)]


def _parse_pack(path: str, text: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(path, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise RulePackError(path, "invalid TOML: nested too deeply") from None


# The shipped packs as parsed, and the names of the checks, are written into shipped.py by
# `python -m notelint.linting.rules` when a pack or checks.py changes (a test fails until it is redone):
# every run would otherwise parse TOML (and import tomllib) that changes only with notelint itself, and
# import checks.py (with regex and the document model) to validate the packs' `check` names, which a run
# answered from the result cache never uses. Python caches that module's bytecode as any other's;
# notelint itself writes nothing beside its package.


def _parsed_packs(files: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    """(path, table) of each shipped pack as tomllib parses it: from shipped.py when that was made from
    these very texts (compared whole, so a pack edited in an installation is never answered from an
    older parse), else parsed. Validation is not stored: it runs on every load, as the user's packs may
    use or collide with the shipped ones."""
    from . import shipped

    if [(name, text) for name, text, _table in shipped.PACKS] == files:
        return [(name, table) for name, _text, table in shipped.PACKS]
    return [(path, _parse_pack(path, text)) for path, text in files]



_RULE_KEYS = {"code", "name", "severity", "summary", "message", "what", "why", "bad", "good", "options",
              "scope", "check", "patterns", "pattern", "lexicons", "default", "ignore-case", "kind"}


def _rule_from_table(entry: dict, path: str, lexicons: dict[str, Lexicon]) -> Rule:
    code = entry.get("code", "?")
    where = f"rule {code}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise RulePackError(path, f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("code", "name", "severity", "summary", "message"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RulePackError(path, f"{where}: `{key}` is required")
    if not CODE_RE.match(code):
        raise RulePackError(path, f"{where}: codes look like NL123 or HOUSE01")
    if not NAME_RE.match(entry["name"]):
        raise RulePackError(path, f"{where}: `name` must be kebab-case, like loaded-language")
    if entry["severity"] not in SEVERITIES:
        raise RulePackError(path, f"{where}: `severity` must be error, warning or info")
    _check_types(entry, path, where)
    scope = entry.get("scope", ["any"])
    scope = (scope,) if isinstance(scope, str) else tuple(scope)
    bad_scopes = [s for s in scope if s not in SCOPES]
    if bad_scopes:
        raise RulePackError(path, f"{where}: unknown scope {bad_scopes[0]!r} (scopes: {', '.join(SCOPES)})")
    patterns: list[Pattern] = []
    raw_patterns = entry.get("patterns", [])
    if "pattern" in entry:
        raw_patterns = [{"pattern": entry["pattern"]}] + list(raw_patterns)
    for raw in raw_patterns:
        if isinstance(raw, str):
            raw = {"pattern": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str):
            raise RulePackError(path, f"{where}: `patterns` must be strings or tables with a `pattern` string")
        unknown = set(raw) - {"pattern", "message", "ignore-case", "group"}
        if unknown:
            raise RulePackError(path, f"{where}: `patterns`: unknown key(s) {', '.join(sorted(unknown))}")
        if not isinstance(raw.get("message", ""), str):
            raise RulePackError(path, f"{where}: `patterns`: `message` must be a string")
        if not isinstance(raw.get("ignore-case", True), bool):
            raise RulePackError(path, f"{where}: `patterns`: `ignore-case` must be true or false")
        group = raw.get("group", 0)
        if isinstance(group, bool) or not isinstance(group, (int, str)):
            raise RulePackError(path, f"{where}: `group` must be a group number or name")
        problem = template_problem(raw.get("message", ""))
        if problem:
            raise RulePackError(path, f"{where}: `patterns`: `message`: {problem}")
        pattern = Pattern(raw["pattern"], raw.get("message", entry["message"]),
                          raw.get("ignore-case", entry.get("ignore-case", True)), group)
        if not path.startswith(SHIPPED_PREFIX):  # shipped patterns are compiled by the tests, and lazily here
            import regex

            try:
                compiled = pattern.compiled  # compile now so a bad pattern is a load error, not a crash later
            except regex.error as exc:
                raise RulePackError(path, f"{where}: bad pattern {raw['pattern']!r}: {exc}") from None
            if (group not in compiled.groupindex) if isinstance(group, str) else not 0 <= group <= compiled.groups:
                raise RulePackError(path, f"{where}: `group` {group!r}: the pattern has no such group")
        patterns.append(pattern)
    used_lexicons = []
    for name in entry.get("lexicons", []):
        if name not in lexicons:
            raise RulePackError(path, f"{where}: no lexicon named {name!r}")
        used_lexicons.append(lexicons[name])
    check = entry.get("check")
    kind = entry.get("kind") or ("check" if check else "pattern" if patterns else "lexicon" if used_lexicons else None)
    if kind is None:
        raise RulePackError(path, f"{where}: give `patterns`, `lexicons` or `check`")
    if kind not in KINDS:
        raise RulePackError(path, f"{where}: `kind` must be one of {', '.join(KINDS)} (got {kind!r})")
    if kind == "check" and not _is_check(check):
        raise RulePackError(path, f"{where}: no check named {check!r} in notelint.checks")
    what, why = entry.get("what", "").strip(), entry.get("why", "").strip()
    explanation = "\n\n".join(p for p in (what, why) if p) or entry["summary"]
    return Rule(
        code=code, name=entry["name"], severity=entry["severity"], summary=entry["summary"].strip(),
        message=entry["message"].strip(), explanation=explanation, bad_example=entry.get("bad", "").strip("\n"),
        good_example=entry.get("good", "").strip("\n"), options=dict(entry.get("options", {})), scope=scope,
        kind=kind, check=check, patterns=tuple(patterns), lexicons=tuple(used_lexicons),
        default=entry.get("default", True), what=what, why=why, pack=path,
    )


KINDS = ("check", "pattern", "lexicon", "parser", "engine", "diff")
# The type each optional key of a [[rule]] must have (the required string keys are checked first).
_KEY_TYPES = {"what": str, "why": str, "bad": str, "good": str, "check": str, "pattern": str, "kind": str,
              "patterns": list, "lexicons": list, "options": dict, "default": bool, "ignore-case": bool}


def _check_types(entry: dict, path: str, where: str) -> None:
    """Each key of a [[rule]] table of the type the engine expects, named in the error when not."""
    for key, kind in _KEY_TYPES.items():
        if key in entry and (not isinstance(entry[key], kind) or (kind is not bool and isinstance(entry[key], bool))):
            article = {"str": "a string", "list": "a list", "dict": "a table", "bool": "true or false"}[kind.__name__]
            raise RulePackError(path, f"{where}: `{key}` must be {article} (got {entry[key]!r:.60})")
    scope = entry.get("scope", "any")
    if not isinstance(scope, str) and not (isinstance(scope, list) and all(isinstance(s, str) for s in scope)):
        raise RulePackError(path, f"{where}: `scope` must be a scope name or a list of them")
    if not all(isinstance(name, str) for name in entry.get("lexicons", [])):
        raise RulePackError(path, f"{where}: `lexicons` must be a list of lexicon names")
    for option, value in entry.get("options", {}).items():
        problem = option_value_problem(option, value)
        if problem:
            raise RulePackError(path, f"{where}: `options.{option}` {problem}")
    problem = template_problem(entry["message"])
    if problem:
        raise RulePackError(path, f"{where}: `message`: {problem}")


def option_value_problem(option: str, value) -> str | None:
    """Why an option's value cannot be used (shared by rule packs and configuration), or None."""
    import math

    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number (got {value!r})"
    if option == "timeout" and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
        return f"must be a number of seconds above 0 (got {value!r})"
    if isinstance(value, list) and not all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                           for v in value):
        return "must be a list of strings or numbers"
    if isinstance(value, dict):
        return "must be a string, number, true/false or a list"
    return None


def _is_check(name) -> bool:
    """Whether `name` is one of the checks: a public function of notelint's checks module taking
    (ctx, rule, options), not any name that module happens to hold (a class, a helper, an import)."""
    if isinstance(name, str) and name in _known_checks():
        return True
    return _is_check_function(name)


def _is_check_function(name) -> bool:
    import inspect

    from . import checks

    function = getattr(checks, name, None) if isinstance(name, str) and not name.startswith("_") else None
    if not inspect.isfunction(function) or function.__module__ != checks.__name__:
        return False
    return list(inspect.signature(function).parameters) == ["ctx", "rule", "options"]


def _known_checks() -> frozenset[str]:
    """The names of the checks as shipped.py lists them (a name not listed is looked up in checks.py)."""
    from . import shipped

    return shipped.CHECK_NAMES


def shipped_module_text() -> str:
    """shipped.py as it must read for the packs and checks.py of this checkout."""
    from . import checks

    packs = [(name, text, _parse_pack(name, text)) for name, text in _shipped_packs()[0]]
    names = sorted(name for name in vars(checks) if _is_check_function(name))
    for _name, _text, table in packs:  # a literal Python reads back, or the module would lie
        import ast

        if ast.literal_eval(repr(table)) != table:
            raise ValueError(f"{_name}: a value with no Python literal (a TOML date or nan)")
    lines = ['"""The shipped rule packs as tomllib parses them, and the names of the checks: written by',
             "`python -m notelint.linting.rules` from rules/*.toml and checks.py; do not edit (rules.py",
             'explains why it exists)."""', "", "PACKS = ("]
    lines += [f"    ({name!r}, {text!r},\n     {table!r})," for name, text, table in packs]
    lines += [")", "", "CHECK_NAMES = frozenset({"]
    lines += [f"    {name!r}," for name in names]
    lines += ["})", ""]
    return "\n".join(lines)


def rule_by_code(code: str, rules: Iterable[Rule] | None = None) -> Rule | None:
    for rule in rules if rules is not None else load_rules():
        if rule.code == code.upper() or rule.name == code.lower():
            return rule
    return None


# ---------------------------------------------------------------------------------------------------
# Selection

def selector_matches(selector: str, rule: Rule) -> bool:
    """A selector is ALL, a code, a code prefix (NL2, NL20) or a rule name."""
    selector = selector.strip()
    return selector.upper() == "ALL" or rule.code.startswith(selector.upper()) or selector.lower() == rule.name


def _specificity(selector: str) -> int:
    return 0 if selector.upper() == "ALL" else len(selector)


def resolve_selection(rules: Sequence[Rule], settings, extra_ignores: Iterable[str] = ()) -> list[Rule]:
    """Rules enabled by the settings' selection layers (config file, then command line), ruff-style: in each
    layer `select` resets the set, then selectors apply from least to most specific, ignore after select."""
    enabled = {r.code for r in rules if r.default}
    for layer in settings.layers:
        if layer.select is not None:
            enabled = set()
        ops = [(_specificity(s), 0, s) for s in (layer.select or ()) + tuple(layer.extend_select)]
        ops += [(_specificity(s), 1, s) for s in layer.ignore]
        for _spec, negative, selector in sorted(ops):
            for rule in rules:
                if selector_matches(selector, rule):
                    (enabled.discard if negative else enabled.add)(rule.code)
    ignores = tuple(extra_ignores)
    return [r for r in rules if r.code in enabled and not any(selector_matches(s, r) for s in ignores)]


_selection_cache: dict[tuple, list[Rule]] = {}


def rules_for(settings, path: str | None) -> list[Rule]:
    ignores = settings.ignored_for(path)
    key = (settings.fingerprint(), ignores)
    if key not in _selection_cache:
        _selection_cache[key] = resolve_selection(load_rules(settings.extend), settings, ignores)
    return _selection_cache[key]


if __name__ == "__main__":  # python -m notelint.linting.rules: write shipped.py again
    _target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shipped.py")
    with open(_target, "w", encoding="utf-8") as _fh:
        _fh.write(shipped_module_text())
