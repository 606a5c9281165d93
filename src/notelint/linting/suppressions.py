"""Suppression comments in an article: `notelint: disable-next=NL102` and the like, and the findings they silence."""
from __future__ import annotations

import re

from .findings import Finding
from ..lazy_pattern import LazyPattern

_DIRECTIVE = r"notelint:\s*(?P<action>disable-next|disable|enable)(?:\s*=\s*(?P<codes>[A-Za-z0-9_,\- ]*[A-Za-z0-9]))?"
_COMMENT_DIRECTIVE = LazyPattern(re.compile, r"<!--\s*" + _DIRECTIVE + r"\s*-->")
_LINE_DIRECTIVE = LazyPattern(re.compile, r"^[ \t]*" + _DIRECTIVE + r"[ \t]*$", re.MULTILINE)
_NON_BLANK = LazyPattern(re.compile, r"[ \t]*\S")
_BLOCK_END_TAG = LazyPattern(re.compile, r"</(?:p|h[1-6]|li|blockquote|div|section|article|figcaption|td)\s*>", re.IGNORECASE)
_BLANK_LINE = LazyPattern(re.compile, r"\n[ \t]*(?:\r?\n|$)")


class Suppression:
    """One directive (as `@dataclass` made it: constructor, equality, repr; written out)."""

    __match_args__ = ("action", "codes", "start", "end", "ranges", "used")
    __hash__ = None  # type: ignore[assignment]
    action: str
    codes: tuple[str, ...]  # empty: every rule
    start: int  # the directive in the original file
    end: int
    ranges: list[tuple[int, int]]  # original-file offsets it covers
    used: bool

    def __init__(self, action: str, codes: tuple[str, ...], start: int, end: int,
                 ranges: list[tuple[int, int]] | None = None, used: bool = False) -> None:
        self.action = action
        self.codes = codes
        self.start = start
        self.end = end
        self.ranges = [] if ranges is None else ranges
        self.used = used

    def _key(self) -> tuple:
        return (self.action, self.codes, self.start, self.end, self.ranges, self.used)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(action={self.action!r}, codes={self.codes!r}, start={self.start!r}, "
                f"end={self.end!r}, ranges={self.ranges!r}, used={self.used!r})")

    def covers(self, code: str, name: str) -> bool:
        if not self.codes:
            return True
        return any(c.upper() == "ALL" or code.startswith(c.upper()) or c.lower() == name for c in self.codes)


def find_suppressions(original: str) -> list[Suppression]:
    """Directives in the raw file: HTML comments anywhere, or the bare form on a line of its own."""
    # Both directive forms spell out "notelint:": a file without it (nearly all) needs no pattern scan.
    if "notelint:" not in original:
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
