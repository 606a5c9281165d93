"""The rule engine: load rule packs (TOML data), select rules for a file's settings, run them over a parsed
Document, apply suppression comments, and return Findings. Nothing here prints.

A rule is data: a word list (`lexicons`), regular expressions (`patterns`), or the name of a small Python
check in `checks.py`. Shipped packs live in the `notelint.rules` package; users add folders with `extend`.
"""
from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

import regex

from . import parse_source  # imported once here, not on every lint_source call (a microsecond per file)
from .alternation import by_first_letter
from .findings import Finding
from .model import BREAK, COMMENTS, INSERTION, PARAGRAPH, QUOTE, STANDFIRST, WIRE, Document, Span
from .source import SourceError, plain_source

SCOPES = ("wire", "quote", "insertion", "headline", "standfirst", "comments", "any")
SEVERITIES = ("info", "warning", "error")
CODE_RE = re.compile(r"^[A-Z]{1,6}[0-9]{2,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Codes the engine itself reports (their rules are declared in rules/engine.toml).
RULE_TIMEOUT = "NL900"
UNUSED_SUPPRESSION = "NL901"
DEFAULT_PATTERN_TIMEOUT = 1.0
SHIPPED_PREFIX = "notelint.rules/"  # seconds per pattern per region
# Scopes most articles have no text in (Context.scopes_present): a rule or check that needs one of them
# finds nothing in such an article, and lint_document does not run it there.
SELDOM_SCOPES = frozenset({"insertion", "standfirst", "comments"})


class RulePackError(SourceError):
    """A broken rule pack: one line naming the file and the rule (exit code 2, like any input error)."""


@dataclass(frozen=True)
class Pattern:
    """One regular expression of a pattern rule, with its own message (`{match}` is the matched text)."""

    source: str
    message: str
    ignore_case: bool = True
    group: int | str = 0  # the group whose span the finding covers

    @functools.cached_property
    def compiled(self) -> "regex.Pattern":
        flags = regex.VERSION0 | regex.MULTILINE | (regex.IGNORECASE if self.ignore_case else 0)
        return regex.compile(self.source, flags)


@dataclass(frozen=True)
class Lexicon:
    """A named word list of one category; entries may end in `*` (any word ending) and hold spaces."""

    name: str
    category: str
    words: tuple[str, ...]
    path: str = ""

    @functools.cached_property
    def compiled(self) -> "re.Pattern":
        return compile_word_list(self.words)


@dataclass(frozen=True, eq=False)
class Rule:
    code: str
    name: str
    severity: str
    summary: str  # one line
    message: str  # the finding's message; may use {match}, {category} and check-specific fields
    explanation: str  # what it flags and why it matters
    bad_example: str
    good_example: str
    options: dict = field(default_factory=dict)  # option name -> default value
    scope: tuple[str, ...] = ("any",)
    kind: str = "check"  # check, pattern, lexicon, parser, engine
    check: str | None = None  # name of a function in checks.py
    patterns: tuple[Pattern, ...] = ()
    lexicons: tuple[Lexicon, ...] = ()
    default: bool = True  # enabled unless deselected
    what: str = ""
    why: str = ""
    pack: str = ""  # the file it came from

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


def compile_word_list(words: Iterable[str]) -> "re.Pattern":
    """One case-insensitive alternation matching whole words or phrases; longer entries win.

    Entries are escaped literals, so the pattern runs in linear time: plain `re` (quick to compile)
    and no timeout are needed, unlike a user's own regular expressions. `re` tries every entry at every
    word start (no quick first-letter test under IGNORECASE), so the entries are grouped by first letter."""
    alternatives = word_list_alternatives(words)
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(WORD_LIST_TEMPLATE.format(by_first_letter(alternatives, ignore_case=True)), re.IGNORECASE)


# A word-list entry is a whole word: no letter, apostrophe or hyphen (nor "-x") on either side.
WORD_LIST_TEMPLATE = r"(?<![\w'’-])(?:{})(?![\w'’-]|-\w)"


def word_list_alternatives(words: Iterable[str]) -> list[str]:
    """Each entry as a pattern, longest first: a space matches any white space, either apostrophe
    matches both, and a trailing * the rest of the word."""
    alternatives = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        word = word.strip()
        if not word:
            continue
        stem, wildcard = (word[:-1], True) if word.endswith("*") else (word, False)
        piece = "".join(r"\s+" if ch == " " else "['’]" if ch in "'’" else re.escape(ch) for ch in stem)
        alternatives.append(piece + (r"\w*" if wildcard else ""))
    return alternatives


# ---------------------------------------------------------------------------------------------------
# Loading packs

def _shipped_pack_files() -> list[tuple[str, str]]:
    """(name, text) of every shipped pack. Installed by pip, they are files in the package's rules folder,
    read as such; elsewhere (an editable install maps the package to the repository's rules/, a zip has
    no folder) through importlib.resources, whose imports cost ~6 ms of every start-up."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        return [(f"{SHIPPED_PREFIX}{name}", text) for name, text in _read_pack_folder(folder)]
    return _shipped_pack_resources()


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
            with open(path, encoding="utf-8") as fh:
                out.append((name, fh.read()))
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
    from .config import tomllib

    files = _shipped_pack_files()
    for folder in extra_pack_dirs:
        files.extend(_folder_pack_files(folder))
    tables = []
    for path, text in files:
        try:
            tables.append((path, tomllib.loads(text)))
        except tomllib.TOMLDecodeError as exc:
            raise RulePackError(path, f"invalid TOML: {exc}") from None
    # Lexicons first: a rule may use a lexicon declared in any pack.
    tables = [(path, table) for path, table in tables if "rule" in table or "lexicon" in table]
    lexicons: dict[str, Lexicon] = {}
    for path, table in tables:
        for name, entry in table.get("lexicon", {}).items():
            if not isinstance(entry, dict) or not isinstance(entry.get("words"), list):
                raise RulePackError(path, f"lexicon {name!r} needs a `words` list")
            lexicons[name] = Lexicon(name, entry.get("category", name), tuple(entry["words"]), path)
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    # Other data may share the folder (the diff's style-equivalences.toml): a pack declares rules or lexicons.
    tables = [(path, table) for path, table in tables if "rule" in table or "lexicon" in table]
    for path, table in tables:
        unknown = set(table) - {"pack", "rule", "lexicon"}
        if unknown:
            raise RulePackError(path, f"unknown table(s) {', '.join(sorted(unknown))} (a pack has [pack], [[rule]], [lexicon.NAME])")
        for entry in table.get("rule", []):
            rule = _rule_from_table(entry, path, lexicons)
            if rule.code in rules:
                raise RulePackError(path, f"rule {rule.code} is already defined in {rules[rule.code].pack}")
            if rule.name in names:
                raise RulePackError(path, f"rule name {rule.name!r} is already used by {names[rule.name]}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    return [rules[c] for c in sorted(rules)]


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
        pattern = Pattern(raw["pattern"], raw.get("message", entry["message"]),
                          bool(raw.get("ignore-case", entry.get("ignore-case", True))), raw.get("group", 0))
        if not path.startswith(SHIPPED_PREFIX):  # shipped patterns are compiled by the tests, and lazily here
            try:
                pattern.compiled  # noqa: B018 - compile now so a bad pattern is a load error, not a crash later
            except regex.error as exc:
                raise RulePackError(path, f"{where}: bad pattern {raw['pattern']!r}: {exc}") from None
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
    if kind == "check":
        from . import checks

        if not callable(getattr(checks, str(check), None)) or str(check).startswith("_"):
            raise RulePackError(path, f"{where}: no check named {check!r} in notelint.checks")
    what, why = entry.get("what", "").strip(), entry.get("why", "").strip()
    explanation = "\n\n".join(p for p in (what, why) if p) or entry["summary"]
    return Rule(
        code=code, name=entry["name"], severity=entry["severity"], summary=entry["summary"].strip(),
        message=entry["message"].strip(), explanation=explanation, bad_example=entry.get("bad", "").strip("\n"),
        good_example=entry.get("good", "").strip("\n"), options=dict(entry.get("options", {})), scope=scope,
        kind=kind, check=check, patterns=tuple(patterns), lexicons=tuple(used_lexicons),
        default=bool(entry.get("default", True)), what=what, why=why, pack=path,
    )


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


# ---------------------------------------------------------------------------------------------------
# Running rules

@dataclass
class Hit:
    """What a check reports: text offsets (into Document.text) and a message."""

    start: int
    end: int
    message: str


# Recursive helpers of Context, at module level: a nested function that calls itself holds a reference
# cycle (function -> closure cell -> function) through which the whole document stayed alive until the
# cyclic collector ran, instead of being freed when the file is done.
def _index_spans(spans: list[Span], chain: tuple[Span, ...], chains: dict, by_kind: dict) -> None:
    """Depth first in document order (walk()'s order; recursion as deep as walk()'s): one call per list of
    children below the top level, so a leaf costs a dictionary entry and an append."""
    for span in spans:
        chains[id(span)] = chain
        by_kind[span.kind].append(span)
        if span.children:
            _index_spans(span.children, chain + (span,), chains, by_kind)


def _add_kinds(spans: list[Span], kinds: set[str]) -> None:
    for span in spans:
        kinds.add(span.kind)
        if span.children:
            _add_kinds(span.children, kinds)


def _first_span_in(spans: list[Span], kind: str, test: Callable[[Span], Any]) -> Span | None:
    for span in spans:
        if span.kind == kind and test(span):
            return span
        if span.children:
            found = _first_span_in(span.children, kind, test)
            if found is not None:
                return found
    return None


class Context:
    """What a check sees: the document, and lazily computed regions and helpers shared by the checks."""

    def __init__(self, doc: Document, include_comments: bool = False, settings=None) -> None:
        self.doc = doc
        self.settings = settings
        self.text = doc.text
        self.include_comments = include_comments
        # The top-level spans (blocks) of each kind, in document order: every article needs them (its
        # headline, credits and paragraphs), and the same pass finds where the article ends and which
        # kinds of span lie below the blocks (most articles hold no insertion, and learning that here
        # costs a third of a walk of the tree: the blocks' children rarely have children).
        blocks_by_kind = self._blocks_by_kind = defaultdict(list)
        kinds_below = self._kinds_below = set()
        for block in doc.spans:
            blocks_by_kind[block.kind].append(block)
            for child in block.children:
                kinds_below.add(child.kind)
                if child.children:
                    _add_kinds(child.children, kinds_below)
        comments = blocks_by_kind.get(COMMENTS)
        self.article_end = comments[0].start if comments else len(self.text)  # Document.article_end
        self._regions: dict[str, list[tuple[int, int, Span]]] = {}
        self._paragraphs: list[Span] | None = None
        self._wire_runs: list[tuple[Span, list[Span]]] | None = None
        self._chains: dict[int, tuple[Span, ...]] | None = None  # id(span) -> enclosing spans, outermost first
        self._all_by_kind: dict[str, list[Span]] = {}  # every span of a kind, in document order
        self._by_kind: dict[str, list[Span]] = {}  # the same, in the article (see in_article)
        self.memo: dict = {}  # per-document results the checks share (keyed by the check's own names)

    # Spans -------------------------------------------------------------------------------------------
    def _index(self) -> dict[int, tuple[Span, ...]]:
        """One walk of the span tree, on first use: each span's enclosing spans and the spans of each kind.
        (Checks ask for parents and blocks thousands of times per document; walking the tree per question
        was a quarter of the rules' time.)"""
        if self._chains is None:
            chains: dict[int, tuple[Span, ...]] = {}  # top-level spans have no entry: nothing encloses them
            by_kind = self._all_by_kind = defaultdict(list)
            for block in self.doc.spans:
                by_kind[block.kind].append(block)
                if block.children:
                    _index_spans(block.children, (block,), chains, by_kind)
            self._chains = chains
        return self._chains

    def blocks_of_kind(self, kind: str) -> list[Span]:
        """The top-level spans (blocks) of a kind, in document order, in the article or not."""
        return self._blocks_by_kind.get(kind, [])

    def paragraphs(self) -> list[Span]:
        """The article's paragraphs (top-level, starting before the comments), in document order; the list
        is not to be changed."""
        if self._paragraphs is None:
            paragraphs = self.blocks_of_kind(PARAGRAPH)
            # In document order, so when the last starts in the article all do (most articles, which have
            # no comments): then the block list itself serves, not a copy.
            if paragraphs and paragraphs[-1].start >= self.article_end:
                paragraphs = [b for b in paragraphs if b.start < self.article_end]
            self._paragraphs = paragraphs
        return self._paragraphs

    def parent_of(self, span: Span) -> Span | None:
        chain = self._index().get(id(span))
        return chain[-1] if chain else None

    def ancestors(self, span: Span) -> list[Span]:
        """Enclosing spans, nearest first."""
        return list(reversed(self._index().get(id(span), ())))

    def block_of(self, span: Span) -> Span:
        chain = self._index().get(id(span))
        return chain[0] if chain else span

    def in_article(self, span: Span) -> bool:
        return span.start < self.article_end or (self.include_comments and self.block_of(span).kind == COMMENTS)

    def spans(self, kind: str) -> list[Span]:
        if kind not in self._by_kind:
            if kind not in self._kinds_below and kind not in self._blocks_by_kind:
                self._by_kind[kind] = []  # most articles hold no insertion: no index needed to know that
            else:
                self._index()
                self._by_kind[kind] = [s for s in self._all_by_kind.get(kind, ()) if self.in_article(s)]
        return self._by_kind[kind]

    def first_span(self, kind: str, test: Callable[[Span], Any] = bool) -> Span | None:
        """The first span of a kind, in document order at any depth, that passes `test`: read off the index
        once it is built, else found by a walk that stops there (a third of the index's cost at worst)."""
        if self._chains is not None:
            return next((span for span in self._all_by_kind.get(kind, ()) if test(span)), None)
        return _first_span_in(self.doc.spans, kind, test)

    def insertions(self) -> list[Span]:
        return self.spans(INSERTION)

    def scopes_present(self) -> frozenset[str]:
        """Which of SELDOM_SCOPES this document has: "insertion" an insertion in the article, "standfirst" a
        standfirst block, "comments" reader comments that are linted. Each scope's regions are empty
        without it, and a check's `needs` (checks.needs) name what it reads in the same terms."""
        present = set()
        if self.insertions():
            present.add("insertion")
        if self.blocks_of_kind(STANDFIRST):
            present.add("standfirst")
        if self.include_comments and self.blocks_of_kind(COMMENTS):
            present.add("comments")
        return frozenset(present)

    def inside(self, span: Span, kind: str) -> bool:
        return any(a.kind == kind for a in self._index().get(id(span), ()))

    # Scopes ------------------------------------------------------------------------------------------
    def wire_runs(self) -> list[tuple[Span, list[Span]]]:
        """Each paragraph of the article with its reporting text (runs_of): the "wire" scope, kept by
        paragraph for the checks that need it; the lists are not to be changed."""
        if self._wire_runs is None:
            runs_of = self.runs_of
            self._wire_runs = [(block, runs_of(block)) for block in self.paragraphs()]
        return self._wire_runs

    @staticmethod
    def runs_of(block: Span) -> list[Span]:
        """A paragraph's reporting text: the plain runs that are never inside a quotation or bracket (its
        wire children, or the paragraph itself when it has no children). Not to be changed."""
        children = block.children
        if not children:
            return [block]
        if len(children) == 1 and children[0].kind == WIRE:
            return children  # plain reporting, as most paragraphs are: no copy
        return [c for c in children if c.kind == WIRE]

    def regions(self, scope: str) -> list[tuple[int, int, Span]]:
        """Text regions (start, end, span) a scope covers, in document order."""
        if scope not in self._regions:
            self._regions[scope] = list(self._compute_regions(scope))
        return self._regions[scope]

    def _compute_regions(self, scope: str) -> Iterator[tuple[int, int, Span]]:
        if scope == "any":
            for block in self.doc.spans:
                if block.kind == BREAK or (block.kind == COMMENTS and not self.include_comments):
                    continue
                yield block.start, block.end, block
        elif scope in ("headline", "standfirst"):
            for block in self.blocks_of_kind(scope):
                yield from self._minus_quotes(block)
        elif scope == "comments":
            if self.include_comments:
                for block in self.blocks_of_kind(COMMENTS):
                    yield block.start, block.end, block
        elif scope == "wire":
            for _block, runs in self.wire_runs():
                for run in runs:
                    yield run.start, run.end, run
        elif scope == "quote":
            for span in self.spans(QUOTE):
                if not self.inside(span, INSERTION) and not self.inside(span, QUOTE):
                    yield span.start, span.end, span
        elif scope == "insertion":
            for span in self.insertions():
                if not self.inside(span, INSERTION):
                    yield from self._minus_quotes(span)
        else:  # pragma: no cover - scopes are validated at load time
            raise ValueError(scope)

    def _minus_quotes(self, span: Span) -> Iterator[tuple[int, int, Span]]:
        """The span's text without the quotations nested in it: words quoted from someone are theirs."""
        pos = span.start
        for quote in sorted((s for s in span.walk() if s.kind == QUOTE and s is not span), key=lambda s: s.start):
            if quote.start < pos:
                continue
            if quote.start > pos:
                yield pos, quote.start, span
            pos = quote.end
        if pos < span.end:
            yield pos, span.end, span

    def scoped_regions(self, scopes: Sequence[str]) -> list[tuple[int, int, Span]]:
        by_scope = [self.regions(scope) for scope in scopes]
        if not any(by_scope):
            return []  # most articles, for the insertion and standfirst scopes
        seen, out = set(), []
        for regions in by_scope:
            for region in regions:
                if (region[0], region[1]) not in seen:
                    seen.add((region[0], region[1]))
                    out.append(region)
        return sorted(out, key=lambda r: (r[0], r[1]))


class RuleTimeout(Exception):
    def __init__(self, rule: Rule, start: int, end: int, seconds: float) -> None:
        super().__init__(rule.code)
        self.rule, self.start, self.end, self.seconds = rule, start, end, seconds


def run_rule(rule: Rule, ctx: Context, options: dict, timeout: float) -> list[Hit]:
    if rule.kind == "check":
        return list(_check_function(rule.check)(ctx, rule, options))
    if rule.kind == "pattern":
        return _run_patterns(rule, ctx, timeout)
    if rule.kind == "lexicon":
        return _run_lexicons(rule, ctx, timeout)
    return []  # parser and engine rules are reported by lint_document itself


_checks_module = None


def _check_function(name: str):
    """The check named by a rule; the module is looked up once (checks imports this module, so not at
    import time), the function every time (a test may replace it)."""
    global _checks_module
    if _checks_module is None:
        from . import checks

        _checks_module = checks
    return getattr(_checks_module, name)


def _run_patterns(rule: Rule, ctx: Context, timeout: float) -> list[Hit]:
    hits = []
    for start, end, _span in ctx.scoped_regions(rule.scope):
        for pattern in rule.patterns:
            try:
                for m in pattern.compiled.finditer(ctx.text, start, end, timeout=timeout):
                    g0, g1 = m.span(pattern.group)
                    if g0 < 0 or g1 <= g0:
                        continue
                    detail = _format(pattern.message, match=m.group(pattern.group))
                    # A rule's message may wrap each pattern's own message: "rhetorical voice: {detail}".
                    message = _format(rule.message, detail=detail, match=m.group(pattern.group)) \
                        if "{detail}" in rule.message and pattern.message != rule.message else detail
                    hits.append(Hit(g0, g1, message))
            except TimeoutError:
                raise RuleTimeout(rule, start, end, timeout) from None
    return hits


def _run_lexicons(rule: Rule, ctx: Context, timeout: float) -> list[Hit]:
    hits = []
    for start, end, _span in ctx.scoped_regions(rule.scope):
        for lexicon in rule.lexicons:
            for m in lexicon.compiled.finditer(ctx.text, start, end):
                hits.append(Hit(m.start(), m.end(), _format(rule.message, match=m.group(), category=lexicon.category)))
    return hits


def _format(template: str, **fields: Any) -> str:
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        return template


class LazyPattern:
    """A pattern compiled on first use: most files need only a few of the checks' patterns (and none of
    the suppression ones), and compiling them all cost several milliseconds of every start-up. The first
    attribute asked for compiles it and copies the pattern's methods onto this object, so later calls
    cost what a compiled pattern's do."""

    def __init__(self, compile_function, *args) -> None:
        self._compile_args = (compile_function, args)

    def __getattr__(self, name: str):  # only reached while an attribute is missing: before compiling
        if name.startswith("__") or name == "_compile_args":
            raise AttributeError(name)
        compile_function, args = self._compile_args
        compiled = compile_function(*args)
        for attribute in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                          "pattern", "flags", "groups", "groupindex"):
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


# ---------------------------------------------------------------------------------------------------
# Suppressions

_DIRECTIVE = r"notelint:\s*(?P<action>disable-next|disable|enable)(?:\s*=\s*(?P<codes>[A-Za-z0-9_,\- ]*[A-Za-z0-9]))?"
_COMMENT_DIRECTIVE = LazyPattern(re.compile, r"<!--\s*" + _DIRECTIVE + r"\s*-->")
_LINE_DIRECTIVE = LazyPattern(re.compile, r"^[ \t]*" + _DIRECTIVE + r"[ \t]*$", re.MULTILINE)
_NON_BLANK = LazyPattern(re.compile, r"[ \t]*\S")
_BLOCK_END_TAG = LazyPattern(re.compile, r"</(?:p|h[1-6]|li|blockquote|div|section|article|figcaption|td)\s*>", re.IGNORECASE)
_BLANK_LINE = LazyPattern(re.compile, r"\n[ \t]*(?:\r?\n|$)")


@dataclass
class Suppression:
    action: str
    codes: tuple[str, ...]  # empty: every rule
    start: int  # the directive in the original file
    end: int
    ranges: list[tuple[int, int]] = field(default_factory=list)  # original-file offsets it covers
    used: bool = False

    def covers(self, code: str, name: str) -> bool:
        if not self.codes:
            return True
        return any(c.upper() == "ALL" or code.startswith(c.upper()) or c.lower() == name for c in self.codes)


def find_suppressions(original: str) -> list[Suppression]:
    """Directives in the raw file: HTML comments anywhere, or the bare form on a line of its own."""
    # Both directive forms spell out "notelint:", so most files need no regex scan. The colon is looked
    # for first: half the articles have none, and a one-character search is several times quicker. Then
    # "notelint:" with its colon: a rare last character lets the substring search skip ahead more often.
    if ":" not in original or "notelint:" not in original:
        return []
    found = []
    for m in list(_COMMENT_DIRECTIVE.finditer(original)) + list(_LINE_DIRECTIVE.finditer(original)):
        codes = tuple(c.strip() for c in (m.group("codes") or "").replace(" ", ",").split(",") if c.strip())
        found.append(Suppression(m.group("action"), codes, m.start(), m.end()))
    found.sort(key=lambda s: s.start)
    n = len(original)
    for s in found:
        if s.action == "disable-next":
            # The next paragraph: from the next non-blank line to the blank line after it. An HTML comment
            # followed on its own line by more text (HTML written on one line) covers that text up to the
            # end of its block element.
            nl = original.find("\n", s.end)
            line_end = n if nl == -1 else nl
            if original[s.end:line_end].strip():
                pos = s.end
            else:
                pos = n if nl == -1 else nl + 1
                m = _NON_BLANK.match(original, pos)
                while pos < n and not m:
                    nl = original.find("\n", pos)
                    pos = n if nl == -1 else nl + 1
                    m = _NON_BLANK.match(original, pos)
            blank = _BLANK_LINE.search(original, pos)
            end = blank.start() if blank else n
            closing = _BLOCK_END_TAG.search(original, pos, end)
            s.ranges.append((pos, closing.end() if closing else end))
        elif s.action == "disable":
            end = n
            for later in found:
                if later.start > s.start and later.action == "enable" and (
                        not later.codes or not s.codes or set(c.upper() for c in s.codes) & set(c.upper() for c in later.codes)):
                    end = later.start
                    break
            s.ranges.append((s.end, end))
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    kept = []
    for f in findings:
        hit = None
        for s in suppressions:
            if s.action == "enable":
                continue
            if s.covers(f.code, f.name) and any(a <= f.start < b for a, b in s.ranges):
                hit = s
                break
        if hit is None:
            kept.append(f)
        else:
            hit.used = True
    return kept


# ---------------------------------------------------------------------------------------------------
# Linting one document

def parser_options(settings) -> dict:
    """Options the parser takes from settings (extra insertion markers and wire-service names)."""
    options = {}
    if settings.editorial_markers:
        options["editorial_markers"] = tuple(settings.editorial_markers)
    if settings.wire_services:
        options["wire_services"] = tuple(settings.wire_services)
    return options


def lint_source(source, settings) -> list[Finding]:
    """Parse one Source (or plain text) and lint it."""
    if isinstance(source, str):
        source = plain_source(source)
    doc = parse_source(source, **parser_options(settings))
    return lint_document(doc, settings)


_plans: dict[tuple | str, tuple] = {}
_LAST_PLAN = "last"  # _plans' entry (settings, plan) for the last Settings object without per-file ignores


def rule_needs(rule: Rule) -> frozenset[str]:
    """The SELDOM_SCOPES of which a document must have one for the rule to find anything (empty: no such
    condition): a check's declared `needs`; a pattern or word-list rule's scopes when all are seldom."""
    if rule.kind == "check":
        return getattr(_check_function(rule.check), "needs", frozenset())
    scopes = frozenset(rule.scope)
    return scopes if scopes <= SELDOM_SCOPES else frozenset()


def _lint_plan(settings, path: str | None) -> tuple:
    """What lint_document works out from the settings alone, once per configuration instead of per file:
    (rules by code, the timeout rule, the timeout, selected codes, [(rule to run on every document, its
    options)], [(rule to run where it has its needs, its options, its needs)]). The options dicts are
    shared between files: checks only read them. (A check's needs are read here, once: a test that
    replaces a check keeps the needs of the one it replaced.)"""
    # One Settings object lints every file of a run, and without per-file ignores its plan is the same for
    # every path: an identity test finds it (the key below costs two calls and a tuple's hash per file).
    last = _plans.get(_LAST_PLAN)
    if last is not None and last[0] is settings:
        return last[1]
    ignores = settings.ignored_for(path)
    key = (settings.fingerprint(), ignores)  # what rules_for keys its selection on
    plan = _plans.get(key)
    if plan is None:
        rules = rules_for(settings, path)
        by_code = {r.code: r for r in load_rules(settings.extend)}
        timeout_rule = by_code.get(RULE_TIMEOUT)
        timeout_options = timeout_rule.options_with(settings.options_for(RULE_TIMEOUT)) if timeout_rule else {}
        timeout = float(timeout_options.get("timeout", DEFAULT_PATTERN_TIMEOUT))
        # Parser and engine rules are reported by lint_document itself, diff rules only by `notelint diff`.
        runnable = [(rule, rule.options_with(settings.options_for(rule.code)), rule_needs(rule))
                    for rule in rules if rule.kind in ("check", "pattern", "lexicon")]
        always = [(rule, options) for rule, options, needs in runnable if not needs]
        needing = [(rule, options, needs) for rule, options, needs in runnable if needs]
        plan = _plans[key] = (by_code, timeout_rule, timeout, {r.code for r in rules}, always, needing)
    if not settings.per_file_ignores:  # (Settings is frozen: its per-file ignores stay empty)
        _plans[_LAST_PLAN] = (settings, plan)
    return plan


def lint_document(doc: Document, settings) -> list[Finding]:
    """Every finding of the selected rules on one parsed document, suppressions applied, sorted."""
    path = doc.path or "-"
    by_code, timeout_rule, timeout, selected, always, needing = _lint_plan(settings, doc.path)
    ctx = Context(doc, include_comments=settings.include_comments, settings=settings)
    findings: list[Finding] = []

    def emit(rule: Rule, start: int, end: int, message: str) -> None:
        loc = doc.location(start, end)
        text = doc.source.original[loc.start:loc.end]
        findings.append(Finding(path, loc.line, loc.col, rule.code, loc.end_line, loc.end_col, loc.start, loc.end,
                                rule.name, settings.severity_of(rule.code, rule.severity), message,
                                text if len(text) <= 200 else text[:197] + "..."))

    # Most articles have no insertion, standfirst or linted comments: the rules that look only there are
    # not run (calling a check that finds nothing cost ~0.7 µs), and one test passes over them all. The
    # order the rules run in does not matter: the findings are sorted.
    to_run = always
    if needing:
        present = ctx.scopes_present()
        if present:
            to_run = always + [(rule, options) for rule, options, needs in needing if not present.isdisjoint(needs)]
    for rule, options in to_run:
        try:
            hits = run_rule(rule, ctx, options, timeout)
        except RuleTimeout as exc:
            if timeout_rule is not None and RULE_TIMEOUT in selected:
                # Reported at the start of the text region the pattern stalled on.
                emit(timeout_rule, exc.start, min(exc.end, exc.start + 1),
                     _format(timeout_rule.message, rule=f"{rule.code} ({rule.name})", seconds=exc.seconds))
            continue
        for hit in hits:
            if hit.start < ctx.article_end or settings.include_comments:
                emit(rule, hit.start, hit.end, hit.message)

    for problem in doc.problems:
        rule = by_code.get(problem.code)
        if rule is None or problem.code not in selected:
            continue
        if problem.start >= ctx.article_end and not settings.include_comments:
            continue
        emit(rule, problem.start, problem.end, problem.message or rule.message)

    suppressions = find_suppressions(doc.source.original)
    if suppressions:
        findings = apply_suppressions(findings, suppressions)
        unused_rule = by_code.get(UNUSED_SUPPRESSION)
        if settings.report_unused_suppressions and unused_rule is not None and UNUSED_SUPPRESSION in selected:
            line_index = doc.source.line_index
            for s in suppressions:
                if s.action != "enable" and not s.used:
                    line, col = line_index.line_col(s.start)
                    end_line, end_col = line_index.line_col(s.end)
                    findings.append(Finding(path, line, col, unused_rule.code, end_line, end_col, s.start, s.end,
                                            unused_rule.name, settings.severity_of(unused_rule.code, unused_rule.severity),
                                            _format(unused_rule.message, codes=",".join(s.codes) or "all"),
                                            doc.source.original[s.start:s.end]))
    findings.sort()
    return findings
