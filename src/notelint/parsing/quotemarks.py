"""Quotation marks read in context: which marks open, which close, which are apostrophes.

The paragraph grammar (grammar.py) and its fast path (scan.py) define the structure over a small
alphabet of *roles*: “ opens a double quotation, ” closes one, a straight " opens or closes by what is
open (its shape told nothing), ‘ opens a single quotation and ’ closes one; [ and ] are brackets. The
marks in real text are messier: straight ASCII marks serve for both directions and, for single marks,
for apostrophes too; curly marks come reversed (”…“) or doubled (""). `canonical` reads each mark from
the characters around it and writes its role in its place, giving a string of the same length (every
offset is unchanged) that the structure is read from. Everything that is not a role becomes plain text.

How a mark is read, from its neighbours:
- between two letters or digits it is an apostrophe (don't, o'clock, y'all, Iran's) or, for a double
  mark, tells nothing;
- after white space, an opening bracket or dash, another opening mark, or at the paragraph start, and
  before a word, it opens; ’90s, 'em, rock 'n' roll and their kin are elisions, never openings;
- after a word or punctuation and before white space, punctuation, a closing mark or the paragraph end,
  it closes. A single mark after a letter and before a lower-case word (the Joneses' house, goin' home,
  'witch hunt' on Twitter) may be either: it closes only if no sure closing single mark comes before the
  next opening one.
A stray mark therefore changes only the pairing around it: one unpaired straight " no longer flips
every later pair in its paragraph, as strict alternation did.

Which marks are a document's primary quotation marks (`primary_style`): British and Irish papers quote
with single marks and nest double ones; American copy the reverse. With double primaries a single
opening mark starts a quotation only inside another quotation (elsewhere it is a scare quote or an
apostrophe-like use left as text); with single primaries both kinds open anywhere (a British paper
still prints embedded posts with double marks).
"""
from __future__ import annotations

import re

DOUBLE, SINGLE = "double", "single"

# Roles (the alphabet of scan.py and grammar.py).
OPEN_DOUBLE, CLOSE_DOUBLE, EITHER_DOUBLE = "“", "”", '"'
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"
PLAIN = "'"  # what a mark that is no structure becomes: a character no role uses

DOUBLE_MARKS = '“”"'
SINGLE_MARKS = "‘’'"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS

# What may stand before an opening mark: white space (tested apart), brackets, dashes, a slash, and
# other opening marks ("'Hello,' he said" quoted in a post; ‘“No”’).
_BEFORE_OPENING = frozenset("([{—–-/‘“\"'«")
# What may follow a closing mark besides white space: punctuation, closing brackets, dashes, other marks.
_AFTER_CLOSING = frozenset(",.;:!?)]}—–-…'’\"”»")
# What never follows an opening mark: white space (tested apart) and the punctuation that ends things.
_NOT_AFTER_OPENING = frozenset(",;:!?)]}")
# Elisions written with a leading apostrophe: ’90s, '08, ’em, 'til, 'tis, 'cause, 'n' (rock 'n' roll).
# A year ('08) only where no word follows it ("class of '08."), so that '20 years on,' still opens.
_ELISION = re.compile(
    r"(?:\d\d(?:s|’s|'s)(?!\w)|\d\d(?![\w%])(?!\s)|(?:em|til|tis|twas|cos|cause|bout|round|nuff|fraid|n|kay)(?!\w))")


def _opening_shape(text: str, i: int, end: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    if not (prev.isspace() or prev in _BEFORE_OPENING):
        return False
    if end >= len(text):
        return False
    nxt = text[end]
    return not (nxt.isspace() or nxt in _NOT_AFTER_OPENING)


def _closing_shape(text: str, i: int, end: int) -> bool:
    if i == 0:
        return False
    prev = text[i - 1]
    if prev.isspace():
        return False
    if end >= len(text):
        return True
    nxt = text[end]
    return nxt.isspace() or nxt in _AFTER_CLOSING


def _weak_closing(text: str, i: int) -> bool:
    """A closing single mark after a letter and before a lower-case word: a possessive or elision
    (players' union, goin' home) as often as the end of a quotation ('witch hunt' on Twitter)."""
    if not text[i - 1].isalpha():
        return False
    rest = text[i + 1:i + 3]
    return len(rest) == 2 and rest[0] in " \t" and (rest[1].islower() or rest[1].isdigit())


def canonical(text: str, style: str = DOUBLE, positions: list[int] | None = None) -> tuple[str, list[int]]:
    """`text` with each quotation mark replaced by its role (same length), and where the roles and
    brackets are, in order (what scan_paragraph takes as `marks`).

    `positions` are where the quotation marks and brackets are in `text`, in order, if known.
    `style` is the text's primary quotation marks (DOUBLE or SINGLE); it decides nothing here but how
    a doubled "" is read, and is kept so callers state what they read.
    """
    if positions is None:
        positions = [i for i, c in enumerate(text) if c in QUOTE_MARKS or c in "[]"]
    roles: dict[int, str] = {}
    weak: list[int] = []  # single marks that close only if no sure closing mark comes first
    singles: list[tuple[int, str]] = []  # (position, "open" | "close" | "weak") in order
    n = len(positions)
    k = 0
    depth, straight_open, absorb = 0, False, False
    while k < n:
        i = positions[k]
        mark = text[i]
        if mark in "[]":
            k += 1
            continue
        if mark in DOUBLE_MARKS:
            # A run of the same mark ("", “ “ is not one) reads as one mark, by its outer neighbours.
            j = i + 1
            while k + 1 < n and positions[k + 1] == j and text[j] == mark:
                k += 1
                j += 1
            opening, closing = _opening_shape(text, i, j), _closing_shape(text, i, j)
            if mark == "“":
                role = CLOSE_DOUBLE if closing and not opening else OPEN_DOUBLE
            elif mark == "”":
                role = OPEN_DOUBLE if opening and not closing else CLOSE_DOUBLE
            else:
                role = OPEN_DOUBLE if opening and not closing else CLOSE_DOUBLE if closing and not opening \
                    else EITHER_DOUBLE
                if role == OPEN_DOUBLE and straight_open:
                    # A straight mark shaped to open while one straight mark is still open: one of the two
                    # is a stray. Read the pair as printed (this one closes), and let the closing mark that
                    # would have paired with this one be plain text, so the slip ends here.
                    role, absorb = CLOSE_DOUBLE, True
                elif role == CLOSE_DOUBLE and depth == 0 and absorb:
                    role, absorb = PLAIN, False
            # How many double quotations the marks so far leave open, ignoring nesting order (the
            # straight-mark recovery above needs no more).
            if role == OPEN_DOUBLE or (role == EITHER_DOUBLE and depth == 0):
                depth += 1
                straight_open = mark == '"'
                if depth == 1:
                    absorb = False
            elif role != PLAIN:
                depth = max(depth - 1, 0)
                straight_open = False
            if role == OPEN_DOUBLE or j == i + 1:
                roles[i] = role
                for extra in range(i + 1, j):
                    roles[extra] = PLAIN
            else:
                for extra in range(i, j - 1):
                    roles[extra] = PLAIN
                roles[j - 1] = role
            k += 1
            continue
        # A single mark.
        k += 1
        if i in roles:  # the second mark of 'n'
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            roles[i] = PLAIN  # don't, Iran's, o'clock
            continue
        if mark != "’" and _opening_shape(text, i, i + 1):
            if _ELISION.match(text, i + 1):
                roles[i] = PLAIN  # ’90s, 'em, rock 'n' roll
                if text.startswith("n", i + 1) and text[i + 2:i + 3] in ("'", "’"):
                    roles[i + 2] = PLAIN
                continue
            singles.append((i, "open"))
            continue
        if mark != "‘" or not _opening_shape(text, i, i + 1):
            if _closing_shape(text, i, i + 1):
                singles.append((i, "weak" if _weak_closing(text, i) else "close"))
                continue
        roles[i] = PLAIN
    # A weak closing mark closes only when the next sure single mark is an opening one (or none comes).
    decided = None
    for i, kind in reversed(singles):
        if kind == "open":
            roles[i] = OPEN_SINGLE
            decided = "open"
        elif kind == "close":
            roles[i] = CLOSE_SINGLE
            decided = "close"
        else:
            roles[i] = PLAIN if decided == "close" else CLOSE_SINGLE
    if not roles:
        return text, positions
    chars = list(text)
    for i, role in roles.items():
        chars[i] = role
    marks = [i for i in positions if roles.get(i, text[i]) != PLAIN]
    return "".join(chars), marks


# -- the document's primary marks -------------------------------------------------------------------

def primary_style(text: str, start: int = 0, end: int | None = None, default: str = DOUBLE) -> str:
    """SINGLE when more quotations in text[start:end] open with a single mark than with a double one,
    DOUBLE when fewer, `default` when no mark there opens one. Read by shape, as canonical reads marks:
    an elision (’90s, 'em) or an apostrophe inside a word opens nothing."""
    end = len(text) if end is None else end
    singles = doubles = 0
    for marks, is_single in (("'‘", True), ('"“', False)):
        for mark in marks:
            pos = text.find(mark, start, end)
            while pos != -1:
                if mark == "“" or (_opening_shape(text, pos, pos + 1) and pos + 1 < end
                                   and not (is_single and _ELISION.match(text, pos + 1))):
                    if is_single:
                        singles += 1
                    else:
                        doubles += 1
                pos = text.find(mark, pos + 1, end)
    if singles == doubles == 0:
        return default
    return SINGLE if singles > doubles else DOUBLE
