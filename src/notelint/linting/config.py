"""Configuration: find and read `[tool.notelint]`, `notelint.toml` or `.notelint.toml`, merge command-line
overrides, and validate every key and rule code, so a mistake is one clear line naming the file and key.

`Settings` is a plain picklable value with a stable `fingerprint()`: the CI cache keys on it.
"""
from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Mapping  # isinstance tests of TOML tables

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up

if TYPE_CHECKING:
    from typing import Any, Iterable

from ..reading.source import SourceError
from ..values import FrozenValue

try:  # CPython's own SHA-256 (the same digest): `hashlib` would load OpenSSL, ~3 ms of every start-up
    from _sha256 import sha256  # Python 3.11
except ImportError:  # pragma: no cover - other Pythons
    try:
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        from hashlib import sha256

# Looked for in each directory, walking up from a file; in one directory the first found wins.
CONFIG_FILES = (".notelint.toml", "notelint.toml", "pyproject.toml")
SEVERITY_LEVELS = ("info", "warning", "error")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".notelint_cache",
                   ".tox", ".nox", "build", "dist")

# Every key a configuration may hold, with what its value must be (checked before anything is used).
KNOWN_KEYS = {
    "select": "list of rule codes or prefixes",
    "extend-select": "list of rule codes or prefixes",
    "ignore": "list of rule codes or prefixes",
    "severity": "table of rule code = \"error\" | \"warning\" | \"info\"",
    "per-file-ignores": "table of file glob = list of rule codes",
    "options": "table of rule code = table of option values",
    "editorial-markers": "list of strings",
    "wire-services": "list of strings",
    "exclude": "list of file globs",
    "extend-exclude": "list of file globs",
    "extend": "list of rule-pack folders",
    "include-comments": "true or false",
    "fail-on": "\"error\", \"warning\" or \"info\"",
    "report-unused-suppressions": "true or false",
}


class ConfigError(SourceError):
    """A broken configuration: `path: error: message`, exit code 2 (the CLI already handles SourceError)."""


class SelectionLayer(FrozenValue):
    """One source of rule selection (the config file, then the command line), applied in order."""

    origin: str
    select: tuple[str, ...] | None = None  # None: keep what earlier layers (or the defaults) enabled
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


class Settings(FrozenValue):
    root: str  # folder globs and pack paths are relative to: the config file's folder, else the cwd
    config_path: str | None = None
    layers: tuple[SelectionLayer, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code, level), sorted
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()  # (code, ((option, value), ...))
    editorial_markers: tuple[str, ...] = ()
    wire_services: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    extend: tuple[str, ...] = ()  # absolute paths of extra rule-pack folders
    include_comments: bool = False
    fail_on: str = "warning"
    report_unused_suppressions: bool = False
    # Where each key's value came from ("default", "path/pyproject.toml", "command line"): for `notelint config`.
    origins: tuple[tuple[str, str], ...] = ()
    _UNCOMPARED = ("origins",)

    def fingerprint(self) -> str:
        """A stable digest of everything that can change findings (not where values came from).

        Computed once per Settings object (it reads the user's rule packs)."""
        cached = self.__dict__.get("_fingerprint")
        if cached is None:
            cached = self.__dict__["_fingerprint"] = self._compute_fingerprint()
        return cached

    def _compute_fingerprint(self) -> str:
        data = {
            "layers": [[l.select, l.extend_select, l.ignore] for l in self.layers],
            "severity": self.severity,
            "per_file_ignores": self.per_file_ignores,
            "options": self.options,
            "editorial_markers": self.editorial_markers,
            "wire_services": self.wire_services,
            "include_comments": self.include_comments,
            "report_unused_suppressions": self.report_unused_suppressions,
            "extend": [[p, _pack_digest(p)] for p in self.extend],
            "root": self.root if self.per_file_ignores else "",
        }
        blob = json.dumps(data, sort_keys=True, default=list, ensure_ascii=True)
        return sha256(blob.encode()).hexdigest()[:32]

    def severity_of(self, code: str, default: str) -> str:
        for c, level in self.severity:
            if c == code:
                return level
        return default

    def options_for(self, code: str) -> dict:
        for c, values in self.options:
            if c == code:
                return dict(values)
        return {}

    def ignored_for(self, path: str | None) -> frozenset[str]:
        """Selectors (codes or prefixes) that per-file-ignores turns off for this file."""
        if not path or not self.per_file_ignores:
            return frozenset()
        rel = relative_posix(path, self.root)
        out: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if glob_match(rel, pattern):
                out.update(codes)
        return frozenset(out)

    def is_excluded(self, path: str) -> bool:
        return self.exclusion().excludes(relative_posix(path, self.root))

    def exclusion(self) -> "Exclusion":
        """The exclude globs compiled once (shared by every Settings with the same globs)."""
        key = self.exclude + self.extend_exclude
        plan = _exclusions.get(key)
        if plan is None:
            plan = _exclusions[key] = Exclusion(key)
        return plan

    def origin_of(self, key: str) -> str:
        return dict(self.origins).get(key, "default")

    def to_json(self) -> dict:
        return {
            "config": self.config_path,
            "root": self.root,
            "select": [l.select for l in self.layers if l.select is not None][-1:] or None,
            "selection": [{"origin": l.origin, "select": l.select, "extend-select": list(l.extend_select),
                           "ignore": list(l.ignore)} for l in self.layers],
            "severity": dict(self.severity),
            "per-file-ignores": {p: list(c) for p, c in self.per_file_ignores},
            "options": {c: dict(v) for c, v in self.options},
            "editorial-markers": list(self.editorial_markers),
            "wire-services": list(self.wire_services),
            "exclude": list(self.exclude),
            "extend-exclude": list(self.extend_exclude),
            "extend": list(self.extend),
            "include-comments": self.include_comments,
            "fail-on": self.fail_on,
            "report-unused-suppressions": self.report_unused_suppressions,
            "fingerprint": self.fingerprint(),
        }


class Exclusion:
    """`exclude` + `extend-exclude` as two compiled tests, equivalent to matching every glob against the
    path (`glob_match`) and against each of its parts (fnmatch): one regular expression for the globs
    matched per part (bare names, as .gitignore has them), one per glob anchored or holding a `/`.

    Split so a folder walk tests a folder's parts once and then only each file's name (checking 12
    globs against every part of every path was most of a cached run's time)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        import re

        per_part = []  # fnmatch globs tried against each part of the path
        self.rooted: list[tuple["re.Pattern", "re.Pattern"]] = []  # (whole path, folder prefix)
        for pattern in patterns:
            per_part.append(pattern)  # as written, against each part
            glob = pattern.strip().rstrip("/")
            if not glob:
                continue
            anchored = glob.startswith("/")
            glob = glob.lstrip("/")
            if "/" not in glob and not anchored:
                per_part.append(glob)  # glob_match's bare-name case: any part
            else:
                source = _glob_to_regex(glob)
                self.rooted.append((re.compile(source), re.compile(source + "/")))
        alternatives = sorted(set(per_part))
        self.part_re = re.compile("|".join(fnmatch.translate(p) for p in alternatives)) if alternatives else None

    def part_matches(self, part: str) -> bool:
        return self.part_re is not None and self.part_re.match(part) is not None

    def any_part_matches(self, rel_path: str) -> bool:
        return self.part_re is not None and any(self.part_re.match(part) for part in rel_path.split("/"))

    def rooted_matches(self, rel_path: str) -> bool:
        return any(whole.fullmatch(rel_path) or prefix.match(rel_path) for whole, prefix in self.rooted)

    def excludes(self, rel_path: str) -> bool:
        """What `is_excluded` decides for a path relative to the settings' root ("/"-separated)."""
        return self.any_part_matches(rel_path) or self.rooted_matches(rel_path)


_exclusions: dict[tuple[str, ...], Exclusion] = {}


def _pack_digest(folder: str) -> str:
    """Content digest of a user's rule packs, so editing a pack invalidates cached results."""
    h = sha256()
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".toml"))
    except OSError:
        return ""
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as fh:
                h.update(name.encode() + b"\0" + fh.read())
        except OSError:
            pass
    return h.hexdigest()[:16]


def relative_posix(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def glob_match(rel_path: str, pattern: str) -> bool:
    """gitignore-flavoured glob: `*` within a name, `**` across folders, a trailing `/` means a folder."""
    pattern = pattern.strip().rstrip("/")
    if not pattern:
        return False
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    if "/" not in pattern and not anchored:
        # A bare name matches at any depth, as in .gitignore.
        return any(fnmatch.fnmatchcase(part, pattern) for part in rel_path.split("/"))
    regex_src = _glob_to_regex(pattern)
    import re

    if re.fullmatch(regex_src, rel_path):
        return True
    # A folder pattern also matches everything under it.
    return re.match(regex_src + "/", rel_path) is not None


def _glob_to_regex(pattern: str) -> str:
    import re

    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------------
# Finding and reading configuration files

def find_config_file(start: str) -> str | None:
    """The nearest configuration file at or above `start` (a file or folder)."""
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    return _find_config_in_tree(folder)


_config_lookup_cache: dict[str, str | None] = {}


def _find_config_in_tree(folder: str) -> str | None:
    if folder in _config_lookup_cache:
        return _config_lookup_cache[folder]
    found = None
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _pyproject_has_section(candidate)):
            found = candidate
            break
    if found is None:
        parent = os.path.dirname(folder)
        found = None if parent == folder else _find_config_in_tree(parent)
    _config_lookup_cache[folder] = found
    return found


def _pyproject_has_section(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return False
    if b"notelint" not in data:  # `[tool.notelint]`, `[tool."notelint"]` or `notelint = {…}` under `[tool]`
        return False
    tool = read_toml(path).get("tool")
    return isinstance(tool, dict) and "notelint" in tool


def read_toml(path: str) -> dict:
    import tomllib  # only when there is a configuration file to read: most runs have none, or a shipped pack cached

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not UTF-8 (byte offset {exc.start}); save the file as UTF-8") from None
    except RecursionError:
        raise ConfigError(path, "invalid TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(path, exc.strerror or str(exc)) from None


def read_config_table(path: str) -> dict:
    """The notelint table of a configuration file ({} when a pyproject.toml has none)."""
    data = read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("notelint", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(path, "[tool.notelint] must be a table")
        return table
    return data


# ---------------------------------------------------------------------------------------------------
# Building Settings

def load_settings(path: str | None = None, overrides: Mapping[str, Any] | None = None) -> Settings:
    """Effective settings for a file or folder: its nearest config file, then command-line overrides.

    `overrides` uses the config keys (kebab-case) plus `config` (an explicit config file) and `isolated`
    (ignore config files). `select` replaces the selection; `extend-select` and `ignore` add to it.
    """
    overrides = dict(overrides or {})
    explicit = overrides.pop("config", None)
    isolated = overrides.pop("isolated", False)
    if explicit:
        if not os.path.isfile(explicit):
            raise ConfigError(explicit, "no such configuration file")
        config_path = os.path.abspath(explicit)
    elif isolated:
        config_path = None
    else:
        config_path = find_config_file(path or os.getcwd())
    table = read_config_table(config_path) if config_path else {}
    return build_settings(table, config_path, overrides)


def build_settings(table: Mapping[str, Any], config_path: str | None, overrides: Mapping[str, Any]) -> Settings:
    where = config_path or "<settings>"
    root = os.path.dirname(config_path) if config_path else os.getcwd()
    file_values = _validate_table(table, where)
    cli_values = _validate_table(overrides, "command line", cli=True)
    origins: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key, value in file_values.items():
        values[key] = value
        origins[key] = f"{config_path}"
    for key, value in cli_values.items():
        if key in ("select", "extend-select", "ignore"):
            continue  # command-line selection is a layer of its own, applied after the file's
        if key in ("severity", "options"):
            merged = dict(values.get(key, {}))
            merged.update(value)
            value = merged
        values[key] = value
        origins[key] = "command line"

    layers = []
    if any(k in file_values for k in ("select", "extend-select", "ignore")):
        layers.append(SelectionLayer(config_path or "<settings>", file_values.get("select"),
                                     tuple(file_values.get("extend-select", ())), tuple(file_values.get("ignore", ()))))
    if any(k in cli_values for k in ("select", "extend-select", "ignore")):
        layers.append(SelectionLayer("command line", cli_values.get("select"),
                                     tuple(cli_values.get("extend-select", ())), tuple(cli_values.get("ignore", ()))))
        for key in ("select", "extend-select", "ignore"):
            if key in cli_values:
                origins[key] = "command line"

    extend = tuple(os.path.normpath(os.path.join(root, p)) for p in values.get("extend", ()))
    for folder in extend:
        if not os.path.isdir(folder):
            # A pack file named here is the common slip: say to name its folder.
            problem = ("is a file: name the folder that holds it" if os.path.isfile(folder) else "does not exist")
            raise ConfigError(origins.get("extend", where), f"`extend`: rule-pack folder {folder} {problem}")
    settings = Settings(
        root=root,
        config_path=config_path,
        layers=tuple(layers),
        severity=tuple(sorted(values.get("severity", {}).items())),
        per_file_ignores=tuple((p, tuple(c)) for p, c in sorted(values.get("per-file-ignores", {}).items())),
        options=tuple(sorted((c, tuple(sorted(o.items()))) for c, o in values.get("options", {}).items())),
        editorial_markers=tuple(values.get("editorial-markers", ())),
        wire_services=tuple(values.get("wire-services", ())),
        exclude=tuple(values.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tuple(values.get("extend-exclude", ())),
        extend=extend,
        include_comments=bool(values.get("include-comments", False)),
        fail_on=values.get("fail-on", "warning"),
        report_unused_suppressions=bool(values.get("report-unused-suppressions", False)),
        origins=tuple(sorted(origins.items())),
    )
    return _check_codes(settings)


def _validate_table(table: Mapping[str, Any], where: str, cli: bool = False) -> dict:
    """Check each key's name and type; returns the table with option tables normalised."""
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        if value is None and cli:
            continue
        key = raw_key.replace("_", "-")
        if key not in KNOWN_KEYS:
            raise ConfigError(where, f"unknown key `{raw_key}` (known keys: {', '.join(sorted(KNOWN_KEYS))})")
        expected = KNOWN_KEYS[key]
        if key in ("select", "extend-select", "ignore", "editorial-markers", "wire-services", "exclude",
                   "extend-exclude", "extend"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ConfigError(where, f"`{raw_key}` must be a {expected}")
            value = tuple(v.strip() for v in value if v.strip())
        elif key == "severity":
            if not isinstance(value, Mapping):
                raise ConfigError(where, f"`severity` must be a {expected}")
            for code, level in value.items():
                if level not in SEVERITY_LEVELS:
                    raise ConfigError(where, f"`severity.{code}` must be one of error, warning, info (got {level!r})")
            value = dict(value)
        elif key == "per-file-ignores":
            if not isinstance(value, Mapping):
                raise ConfigError(where, f"`per-file-ignores` must be a {expected}")
            norm = {}
            for pattern, codes in value.items():
                if isinstance(codes, str):
                    codes = [codes]
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    raise ConfigError(where, f"`per-file-ignores.\"{pattern}\"` must be a list of rule codes")
                norm[pattern] = tuple(codes)
            value = norm
        elif key == "options":
            if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
                raise ConfigError(where, f"`options` must be a {expected}")
            value = {code: {k.replace("_", "-"): v for k, v in opts.items()} for code, opts in value.items()}
        elif key in ("include-comments", "report-unused-suppressions"):
            if not isinstance(value, bool):
                raise ConfigError(where, f"`{raw_key}` must be true or false")
        elif key == "fail-on":
            if value not in SEVERITY_LEVELS:
                raise ConfigError(where, f"`fail-on` must be one of error, warning, info (got {value!r})")
        out[key] = value
    return out


def _check_codes(settings: Settings) -> Settings:
    """Every code named anywhere must be a known rule (or a prefix of one); option names must exist."""
    from .rules import load_rules, option_value_problem, selector_matches

    rules = load_rules(settings.extend)
    by_code = {r.code: r for r in rules}
    by_name = {r.name: r for r in rules}

    def check(selector: str, key: str, origin: str) -> None:
        if not any(selector_matches(selector, r) for r in rules):
            raise ConfigError(origin, f"`{key}`: unknown rule code or prefix {selector!r} (see `notelint rules`)")

    for layer in settings.layers:
        for key, selectors in (("select", layer.select or ()), ("extend-select", layer.extend_select),
                               ("ignore", layer.ignore)):
            for selector in selectors:
                check(selector, key, layer.origin)
    for code, _level in settings.severity:
        check(code, f"severity.{code}", settings.origin_of("severity"))
    for pattern, codes in settings.per_file_ignores:
        for code in codes:
            check(code, f"per-file-ignores.\"{pattern}\"", settings.origin_of("per-file-ignores"))
    normalised_options = []
    for code, values in settings.options:
        rule = by_code.get(code) or by_name.get(code)
        if rule is None:
            raise ConfigError(settings.origin_of("options"), f"`options.{code}`: unknown rule code (see `notelint rules`)")
        for option, value in values:
            if option not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(settings.origin_of("options"),
                                  f"`options.{code}.{option}`: {rule.code} has no such option (options: {known})")
            default = rule.options[option]
            problem = option_value_problem(option, value)
            if problem:
                raise ConfigError(settings.origin_of("options"), f"`options.{code}.{option}` {problem}")
            if not _same_type(default, value):
                raise ConfigError(settings.origin_of("options"),
                                  f"`options.{code}.{option}` must be {type(default).__name__} like the default {default!r}")
        normalised_options.append((rule.code, values))
    severity = tuple(sorted((by_code[c].code if c in by_code else by_name[c].code if c in by_name else c, level)
                            for c, level in settings.severity))
    return settings.replace(options=tuple(sorted(normalised_options)), severity=severity)


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int) and not isinstance(default, float):
        return isinstance(value, int)  # a count: 2.5 or inf words is not one
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        # Strings where the default has strings (or none yet): a list of numbers would fail mid-run.
        wanted = {type(v) for v in default} or {str}
        return isinstance(value, (list, tuple)) and all(type(v) in wanted for v in value)
    return isinstance(value, type(default))


class SettingsResolver:
    """Settings per file, found by walking up from each file; one Settings per config file (cached)."""

    def __init__(self, overrides: Mapping[str, Any] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._by_config: dict[str | None, Settings] = {}

    def __call__(self, path: str | None) -> Settings:
        if self.overrides.get("config"):
            key: str | None = os.path.abspath(self.overrides["config"])
        elif self.overrides.get("isolated"):
            key = None
        else:
            key = find_config_file(path or os.getcwd())
        if key not in self._by_config:
            ov = dict(self.overrides)
            if key is not None:
                ov["config"] = key
            elif not ov.get("isolated"):
                ov["isolated"] = True
            self._by_config[key] = load_settings(path, ov)
        return self._by_config[key]


def iter_codes(values: Iterable[str]) -> list[str]:
    """Split comma-separated command-line code lists: `--select NL1,NL2 --select NL403`."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def overrides_from_args(args) -> dict:
    """Settings given on the command line (check, diff), which override every configuration file.

    A command that lacks a flag simply has no such attribute."""
    overrides: dict = {}
    for key in ("select", "extend-select", "ignore"):
        value = getattr(args, key.replace("-", "_"), None)
        if value is not None:
            overrides[key] = iter_codes(value)
    for key in ("include-comments", "report-unused-suppressions", "isolated"):
        if getattr(args, key.replace("-", "_"), False):
            overrides[key] = True
    for key in ("fail-on", "config"):
        value = getattr(args, key.replace("-", "_"), None)
        if value:
            overrides[key] = value
    return overrides
