"""What notelint knows about wire services: their names, credit lines and datelines."""
from __future__ import annotations

from functools import cached_property, lru_cache
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterator

import re

from ..lazy_pattern import DualPattern, LazyPattern, regex

# Canonical name -> the ways it is written in credits and datelines.
WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Thomson Reuters", "Reuters"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "UPI": ("United Press International", "UPI"),
    "dpa": ("Deutsche Presse-Agentur", "dpa", "DPA"),
    "EFE": ("Agencia EFE", "EFE"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "TASS": ("TASS",),
    "PA Media": ("PA Media", "Press Association"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "AAP": ("Australian Associated Press", "AAP"),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "ANI": ("ANI",),
}


class WireNames:
    """Compiled patterns for credits and datelines, for the built-in services plus configured extras."""

    def __init__(self, extra: tuple[str, ...] = ()) -> None:
        self.canonical: dict[str, str] = {}
        for name, forms in WIRE_SERVICES.items():
            for form in forms:
                self.canonical[form.lower()] = name
        for name in extra:
            self.canonical.setdefault(name.lower(), name)
        names = sorted(self.canonical, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        # "BAGHDAD (AP) —", "WASHINGTON (Reuters) -": the place is optional, the dash is not.
        place = r"\b[A-Z][A-Z.’'-]+(?:[ ,]+[A-Z][A-Za-z.’'-]+){0,4},?\s+"
        service = rf"\((?i:{alternation})\)\s*[—–-]{{1,2}}"
        self._dateline_pattern = rf"(?:{place})?{service}"
        # Its two parts, for `datelines`: the place must end where the service's "(" begins. These, like
        # every pattern here, compile when first used (a run whose leads hold no "(" never uses them).
        # Read by `re` where it reads them alike (lazy_pattern.DualPattern): a wire story need not load regex.
        self._dateline_service = _service_pattern(service, names)
        self._place_ending_at_end = DualPattern(rf"{place}\Z")
        # Compiled when a short block first looks like a credit (the longest of these patterns to compile:
        # a run over a file with none does not pay for it).
        self.credit_line = LazyPattern(regex.compile,
            rf"""\s*(?:
                # A word that opens sentences as often ("Sources close to the Duke said …", "Credit Suisse
                # fell …") heads a credit only with its colon or dash.
                (?i:source|sources|credit)\s*[:—–-]\s*(?P<credit>[^\n]{{1,100}}?)
              | (?i:originally\s+published\s+(?:by|at|in)|republished\s+from)\s*[:—–-]?\s*(?P<credit>[^\n]{{1,100}}?)
                # "Via Reuters", "Courtesy of NASA": without a colon or dash a name follows, not a sentence
                # ("Via a spokesman, the minister said on Monday …" is a paragraph).
              | (?i:courtesy(?:\s+of)?|via)
                    (?:\s*[:—–-]\s*(?P<credit>[^\n]{{1,100}}?)|\s+(?P<credit>\S+(?:[ \t]+\S+){{0,5}}?))
              | (?:©|\(c\)|(?i:copyright))\s*(?:\d{{4}}\s*)?(?P<credit>[^\n]{{1,100}}?)(?:\.\s*All\s+rights\s+reserved)?
              # A copyright notice with the terms after it ("Copyright 2019 The Associated Press. All rights
              # reserved. This material may not be published …", "Copyright © 2019 NPR. … Visit our website …").
              | (?:(?i:copyright)[ \t]*(?:©|\(c\))?|©|\(c\))[ \t]*\d{{4}}[ \t]+(?P<credit>[^\n.]{{1,100}}?)\.[ \t][^\n]*?
              | By\s+[^\n|]{{1,80}}?\s*[|/]\s*(?P<credit>[^\n]{{1,60}}?)
              | \((?P<credit>(?:Additional\s+)?Reporting\s+by\s[^\n]{{1,200}}?)\)
            )\s*\.?\s*$""",
            regex.X | regex.V0)
        self.service_in = _pattern(rf"(?<![\w-])(?:{alternation})(?![\w-])", names, re.I)

    @cached_property
    def dateline(self) -> regex.Pattern:
        """A dateline as one pattern: the definition of what `datelines` finds (which the parser uses),
        compiled only when asked for."""
        return regex.compile(self._dateline_pattern, regex.V0)

    def datelines(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """The (start, end) of each match of `dateline` in text[start:end], as its finditer gives them.

        Found from each "(" instead of by trying every position (a lead's second paragraph may hold a
        "(" and nothing else to find; the plain search tries all its 300 characters, ~24 us). A match
        holds exactly one "(", the first at or after its start: its service part is matched there, and
        its optional place name runs back from it over letters, ". ’ ' -", commas and white space only,
        so the earliest place ending at that "(" begins within that run.
        """
        end = len(text) if end is None else end
        pos = start
        while (paren := text.find("(", pos, end)) != -1:
            service = self._dateline_service.match(text, paren, end)
            if service is None:
                pos = paren + 1
                continue
            # The place depends only on the text from pos to the "(" and the character before pos (which
            # \b reads): remembered by that text, as most leads open with one of a few hundred datelines.
            before = max(pos - 1, 0)
            place = _place_start(self, text[before:paren], pos - before)
            yield (paren if place is None else before + place), service.end()
            pos = service.end()

    def has_dateline(self, text: str) -> bool:
        """Whether `datelines` finds one in text."""
        return next(self.datelines(text), None) is not None

    def dateline_service(self, dateline: str) -> str | None:
        """service_named of a dateline's text, remembered: most leads open with one of a few hundred
        datelines ("WASHINGTON (Reuters) -"), and the search costs ~1.3 µs of each."""
        return _dateline_service(self, dateline)

    def service_named(self, text: str) -> str | None:
        """The canonical wire service named in a credit, if any (case-sensitive for short codes)."""
        for match in self.service_in.finditer(text):
            found = match.group()
            if len(found) <= 3 and found != found.upper() and found.lower() not in ("dpa",):
                continue  # "ap" inside prose is not the Associated Press
            return self.canonical[found.lower()]
        return None


def _pattern(source: str, names, flags: int = 0):
    """A DualPattern when `re` and `regex` fold the case of every character of the names alike (all of
    ASCII does: configured names may hold others), else the `regex` pattern."""
    if all(name.isascii() for name in names):
        return DualPattern(source, flags)
    return LazyPattern(regex.compile, source, flags | regex.V0)


# regex's \s (str.isspace's characters but \x1c-\x1f, which re reads as white space too), spelt out for re.
_REGEX_SPACE = r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def _service_pattern(source: str, names):
    """The service part of a dateline, "(Reuters) -" (`source`, for the regex module), as a `re` pattern
    that matches exactly what the regex module's does on any text, when the names are ASCII. It is tried
    at each "(" of a lead, and a DualPattern would first search the whole story for the characters the
    two modules read apart (~6 µs of a Reuters story's ~85 µs parse). They differ on it in two places
    only: \\s, spelt out here as regex reads it, and case, where re alone folds ı to i (every other
    ASCII letter the two fold alike; a test compares them): each i of a name is matched as regex
    matches it, as i, I or İ."""
    if not all(name.isascii() for name in names):
        return LazyPattern(regex.compile, source, regex.V0)
    alternation = "|".join("".join("(?-i:[iIİ])" if char in "iI" else re.escape(char) for char in name)
                           for name in names)
    return LazyPattern(re.compile, rf"\((?i:{alternation})\){_REGEX_SPACE}*[—–-]{{1,2}}")


# What a dateline's place name ("BAGHDAD", "NEW YORK, N.Y.") may hold: the run of these characters that
# ends the text from a position on, found by searching forwards for the earliest start of a run that
# reaches the end (the regex module read it backwards; the same run). The regex module's \s, spelt out.
_PLACE_BACKWARDS = LazyPattern(re.compile, r"[A-Za-z.’'\-,\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                                           r"\u202f\u205f\u3000]*+\Z")


@lru_cache(maxsize=2048)  # at module level, so WireNames stay picklable (the cache holds them, as wire_names does)
def _dateline_service(wire: WireNames, dateline: str) -> str | None:
    return wire.service_named(dateline)


@lru_cache(maxsize=2048)
def _place_start(wire: WireNames, text: str, pos: int) -> int | None:
    """Where the earliest place name (of a dateline) starting at or after pos ends text, if one does."""
    place = wire._place_ending_at_end.search(text, _PLACE_BACKWARDS.search(text, pos).start())
    return place.start() if place else None


@lru_cache(maxsize=16)
def wire_names(extra: tuple[str, ...] = ()) -> WireNames:
    return WireNames(extra)
