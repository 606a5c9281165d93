"""What notelint knows about wire services: their names, credit lines and datelines."""
from __future__ import annotations

from functools import cached_property, lru_cache
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterator

import regex

from ..lazy_pattern import LazyPattern

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
        alternation = "|".join(regex.escape(n) for n in names)
        # "BAGHDAD (AP) —", "WASHINGTON (Reuters) -": the place is optional, the dash is not.
        place = r"\b[A-Z][A-Z.’'-]+(?:[ ,]+[A-Z][A-Za-z.’'-]+){0,4},?\s+"
        service = rf"\((?i:{alternation})\)\s*[—–-]{{1,2}}"
        self._dateline_pattern = rf"(?:{place})?{service}"
        # Its two parts, for `datelines`: the place must end where the service's "(" begins. These, like
        # every pattern here, compile when first used (a run whose leads hold no "(" never uses them).
        self._dateline_service = LazyPattern(regex.compile, service, regex.V0)
        self._place_ending_at_end = LazyPattern(regex.compile, rf"{place}\Z", regex.V0)
        # Compiled when a short block first looks like a credit (the longest of these patterns to compile:
        # a run over a file with none does not pay for it).
        self.credit_line = LazyPattern(regex.compile,
            rf"""\s*(?:
                (?i:source|sources|credit|courtesy(?:\s+of)?|via|originally\s+published\s+(?:by|at|in)|republished\s+from)
                    \s*[:—–-]?\s*(?P<credit>[^\n]{{1,100}}?)
              | (?:©|\(c\)|(?i:copyright))\s*(?:\d{{4}}\s*)?(?P<credit>[^\n]{{1,100}}?)(?:\.\s*All\s+rights\s+reserved)?
              | By\s+[^\n|]{{1,80}}?\s*[|/]\s*(?P<credit>[^\n]{{1,60}}?)
              | \((?P<credit>(?:Additional\s+)?Reporting\s+by\s[^\n]{{1,200}}?)\)
            )\s*\.?\s*$""",
            regex.X | regex.V0)
        self.service_in = LazyPattern(regex.compile, rf"(?<![\w-])(?:{alternation})(?![\w-])", regex.I)

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


# What a dateline's place name ("BAGHDAD", "NEW YORK, N.Y.") may hold, read backwards from its "(".
_PLACE_BACKWARDS = LazyPattern(regex.compile, r"[A-Za-z.’'\-,\s]*", regex.REVERSE)


@lru_cache(maxsize=2048)  # at module level, so WireNames stay picklable (the cache holds them, as wire_names does)
def _dateline_service(wire: WireNames, dateline: str) -> str | None:
    return wire.service_named(dateline)


@lru_cache(maxsize=2048)
def _place_start(wire: WireNames, text: str, pos: int) -> int | None:
    """Where the earliest place name (of a dateline) starting at or after pos ends text, if one does."""
    place = wire._place_ending_at_end.search(text, _PLACE_BACKWARDS.match(text, pos).start())
    return place.start() if place else None


@lru_cache(maxsize=16)
def wire_names(extra: tuple[str, ...] = ()) -> WireNames:
    return WireNames(extra)
