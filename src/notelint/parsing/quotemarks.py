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

from ..lazy_pattern import LazyPattern

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
_ELISION = LazyPattern(re.compile,
    r"(?:\d\d(?:s|’s|'s)(?!\w)|\d\d(?![\w%])(?!\s)|(?:em|til|tis|twas|cos|cause|bout|round|nuff|fraid|n|kay)(?!\w))")


# A year elided after the word that names a time or an event ("the '08 crash", "since '16", "class of '99
# reunion"), where a word follows it: a quotation opening with a year ("'20 years on,' she said") has no
# such word before it.
_ELIDED_YEAR = LazyPattern(re.compile, r"\d\d(?![\w%])")
_BEFORE_YEAR = LazyPattern(re.compile, r"(?<![\w-])(?i:the|of|in|since|from|until|till|by|before|after|through)\s\Z")
_BEFORE_YEAR_CHARS = 9  # " through " at most: the word and the space before the mark


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


def _feet_and_inches(text: str, i: int) -> bool:
    """Whether the double mark at i ends a height in feet and inches: 6'2", 5’11"."""
    k = i - 1
    while k > 0 and text[k - 1].isdigit() and i - k < 2:
        k -= 1
    return k >= 2 and text[k - 1] in "'’" and text[k - 2].isdigit()


def _inches_inside(text: str, j: int, positions: list[int], k: int) -> bool:
    """Whether a straight double mark after a digit, ending at j inside an open straight quotation, is an
    inch mark: a lower-case word follows it and the next straight double mark closes ("The 12" pipe burst
    at 3 a.m." Crews …). Where none follows, it closes the quotation ("it ended 3-2" and left.)."""
    if not (text[j:j + 1] == " " and text[j + 1:j + 2].islower()):
        return False
    later = next((pos for pos in positions[k + 1:] if text[pos] == '"'), None)
    return later is not None and _closing_shape(text, later, later + 1) and not _opening_shape(text, later, later + 1)


def _weak_closing(text: str, i: int) -> bool:
    """A closing single mark after a letter and before a lower-case word, or after an s and before any
    word: a possessive or elision (players' union, the Democrats' Senate majority, goin' home) as often
    as the end of a quotation ('witch hunt' on Twitter). Only a word that can end in an apostrophe makes
    it so: a possessive's s (z, x: Gonzalez' house), a dropped g (goin', nothin') or a clipped word
    (rock 'n' roll, ol', wi'). After any other word it is a sure closing mark: in "he was 'over the
    moon' and added: It's … personal.'" the quotation ends at moon', and the last mark is the stray."""
    prev = text[i - 1]
    if not prev.isalpha():
        return False
    rest = text[i + 1:i + 3]
    if not (len(rest) == 2 and rest[0] in " \t" and (rest[1].islower() or rest[1].isdigit()
                                                      or (prev in "sS" and rest[1].isalpha()))):
        return False
    if prev in "sSzZxX" or text[i - 2:i].lower() == "in":
        return True
    word = _WORD_BEFORE.search(text, max(0, i - _CLIPPED_CHARS), i)
    return word is not None and word.group().lower() in _CLIPPED


# Words printed with their end cut off and an apostrophe in its place: rock 'n' roll, good ol' days, a
# Scots wi' (with), o' (of), a' (all), lil'. (A dropped g, goin', is told by its "in".)
_CLIPPED = frozenset({"n", "ol", "an", "o", "th", "lil", "wi", "a", "gi", "tha", "ya"})
_CLIPPED_CHARS = 3  # the longest clipped word; a longer word has a letter before these and is none
_WORD_BEFORE = LazyPattern(re.compile, r"(?<![^\W\d_])[^\W\d_]+\Z")


def canonical(text: str, positions: list[int] | None = None, singles: bool = True) -> tuple[str, list[int]]:
    """`text` with each quotation mark replaced by its role (same length), and where the roles and
    brackets are, in order (what scan_paragraph takes as `marks`).

    `positions` are where the quotation marks and brackets are in `text`, in order, if known. The
    reading is the same whatever the text's primary marks: they decide only where a single opening
    role may start a quotation, which the structure (scan.py, grammar.py) decides. `singles` False
    says no single mark in `text` can open a quotation (see single_may_open) and none is among
    `positions`: they are left as they are (with no ‘ role, a ’ closes nothing: it reads as text).
    """
    if positions is None:
        positions = [i for i, c in enumerate(text) if c in DOUBLE_MARKS or c in "[]"]
        positions = sorted(positions + single_candidates(text))
    elif not singles and curly_in_place(text, positions):
        # Curly double marks only, each where its glyph says: every role is its glyph, as in most
        # edited copy, told from the character before each mark (a scan of the text costs more).
        return text, positions
    return _read_marks(text, positions, singles)


def curly_in_place(text: str, positions: list[int], start: int = 0, brackets: bool = True,
                   end: int | None = None) -> bool:
    """Whether the marks at `positions` (in a block of `text` from `start` to `end`, the text's end if not
    given) are curly double marks that _read_marks reads as their glyphs, and with `brackets` brackets:
    each “ at the block's start or after white space but not the block's last character, each ” after a
    character that is neither white space, nor one an opening mark may follow, nor another ” (a superset
    of the places where it reads a curly mark otherwise: reversed and doubled marks)."""
    if positions and positions[-1] == (len(text) if end is None else end) - 1 and text[positions[-1]] == "“":
        return False
    for i in positions:
        mark = text[i]
        if mark == "“":
            if i != start and not text[i - 1].isspace():
                return False
        elif mark == "”":
            if i == start:
                return False
            prev = text[i - 1]
            if prev.isspace() or prev in _BEFORE_OPENING or prev == "”":
                return False
        elif not (brackets and mark in "[]"):
            return False
    return True


def _read_marks(text: str, positions: list[int], singles: bool) -> tuple[str, list[int]]:
    """canonical's reading, mark by mark."""
    roles: dict[int, str] = {}
    singles: list[tuple[int, str]] = []  # (position, "open" | "close" | "weak") in order
    n = len(positions)
    k = 0
    depth, straight_open, absorb = 0, False, False
    pair_open = False  # whether the last double quotation opened was opened by a pair of single marks
    saved: list[tuple[int, bool, bool, bool]] = []  # the state outside each open bracket
    while k < n:
        i = positions[k]
        mark = text[i]
        if mark in "[]":
            # A bracket scopes the quotations inside it ("It worked. [Using the term "Rocket Man"] is …"):
            # the straight-mark recovery starts afresh inside and resumes after it.
            if mark == "[":
                saved.append((depth, straight_open, absorb, pair_open))
                depth, straight_open, absorb, pair_open = 0, False, False, False
            elif saved:
                depth, straight_open, absorb, pair_open = saved.pop()
            k += 1
            continue
        # A pair stands for a double mark where its shape opens one, or where it may close one that a pair
        # opened: else it is two single marks (“He called it ‘rubbish’’ …”: a slip, read as before).
        doubled = (mark in "‘’" and k + 1 < n and positions[k + 1] == i + 1 and text[i + 1] in "‘’"
                   and (pair_open or _opening_shape(text, i, i + 2)))
        if mark in DOUBLE_MARKS or doubled:
            j = i + 1
            if doubled:
                # Two curly single marks side by side stand for one double mark (‘‘…’’, ‘’…’’: how some feeds
                # and CMSs print them): read as a straight double mark is, by its shape and what is open.
                k += 1
                j, mark = i + 2, '"'
            # A run of the same mark ("", “ “ is not one) reads as one mark, by its outer neighbours.
            while k + 1 < n and positions[k + 1] == j and text[j] == mark:
                k += 1
                j += 1
            # Curly marks keep their glyph's role unless their shape says the reverse: told for most by
            # the character before (white space before “ or a word before ” settles it).
            prev = text[i - 1] if i else " "
            if mark == "“":
                # One that ends the paragraph opens nothing: a closing mark printed reversed (a straight
                # mark typed after a space, which smart quotes turned into an opening one: “… the day. “).
                if j == len(text):
                    role = CLOSE_DOUBLE
                else:
                    role = (OPEN_DOUBLE if prev.isspace() or not _closing_shape(text, i, j)
                            or _opening_shape(text, i, j) else CLOSE_DOUBLE)
            elif mark == "”":
                role = CLOSE_DOUBLE if not (prev.isspace() or prev in _BEFORE_OPENING) or not _opening_shape(text, i, j) \
                    or _closing_shape(text, i, j) else OPEN_DOUBLE
            else:
                opening, closing = _opening_shape(text, i, j), _closing_shape(text, i, j)
                role = OPEN_DOUBLE if opening and not closing else CLOSE_DOUBLE if closing and not opening \
                    else EITHER_DOUBLE
                if prev.isdigit() and j == i + 1 and (_feet_and_inches(text, i) or (
                        role == CLOSE_DOUBLE and (not straight_open or _inches_inside(text, j, positions, k)))):
                    # A measure: 6'2", or 6" of snow where no straight mark is open to close (nothing, or
                    # a curly “ whose partner is curly too), or inside one that a later mark closes ("The
                    # 12" pipe burst," he said). Text, not a stray quotation mark.
                    roles[i] = PLAIN
                    k += 1
                    continue
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
                pair_open = doubled
                if depth == 1:
                    absorb = False
            elif role != PLAIN:
                depth = max(depth - 1, 0)
                straight_open = False
                pair_open = pair_open and not doubled and depth > 0
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
        if mark == "'" and nxt == "'" and prev != "'":
            j = i + 2
            while j < len(text) and text[j] == "'":
                j += 1
            if _opening_shape(text, i, j):
                # Two or more straight marks opening together: wiki markup (''italic'', '''bold'''), not
                # quotations; the closing run reads as closing marks with nothing open, so as text.
                for extra in range(i, j):
                    roles[extra] = PLAIN
                continue
        # (After another straight or closing single mark, one closes: ''. ends a run, it opens nothing.)
        if mark != "’" and prev not in "'’" and _opening_shape(text, i, i + 1):
            if _ELISION.match(text, i + 1) or (_ELIDED_YEAR.match(text, i + 1)
                                               and _BEFORE_YEAR.search(text, max(0, i - _BEFORE_YEAR_CHARS), i)):
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
    marks = [i for i in positions if roles.get(i, text[i]) != PLAIN] if roles else positions
    # Single marks not among `positions` lie between letters: apostrophes, plain text like the rest.
    if singles and ("’" in text or "‘" in text):
        text = text.replace("’", PLAIN).replace("‘", PLAIN)
    changed = sorted(i for i, role in roles.items() if role != text[i])
    if not changed:  # curly marks in their places, as in most edited copy
        return text, marks
    pieces, last = [], 0
    for i in changed:
        pieces.append(text[last:i])
        pieces.append(roles[i])
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces), marks


def doubled_singles(text: str) -> list[int]:
    """Where each of the two curly single marks of a pair standing for a double mark lies (‘‘…’’ or
    ‘’…’’, as some feeds and CMSs print double quotation marks), in order; [] when no pair opens a
    quotation (no ‘‘ nor ‘’: a lone ’’ closes nothing and is left to the single marks' reading)."""
    # Looked for from each ‘ (str.find of one character skips at C speed; a search for the two-character
    # pairs cost ~1 µs a KB in wide strings, ~15 µs a dense article): most texts hold few or none.
    pos = text.find("‘")
    while pos != -1 and text[pos + 1:pos + 2] not in ("‘", "’"):
        pos = text.find("‘", pos + 1)
    if pos == -1:
        return []
    found: list[int] = []
    for match in _DOUBLED_SINGLE.finditer(text):
        found += (match.start(), match.start() + 1)
    return found


# Two curly single marks side by side (a third one is the pair's neighbour, read on its own).
_DOUBLED_SINGLE = LazyPattern(re.compile, "[‘’][‘’]")


# Single marks that may be structure: all but those between two letters or digits (don’t, Iran’s,
# o'clock), the great majority, which are apostrophes whatever is around them.
# (Led by the class, so re skips to each mark at C speed: a leading alternation would not.)
_SINGLE_CANDIDATE = LazyPattern(re.compile, r"['‘’](?:(?<![^\W_]['‘’])|(?![^\W_]))")


# Where a single mark may open a quotation: the curly opening glyph, or a straight mark after white
# space, an opening bracket, dash or slash, or an opening mark (what _opening_shape allows before one).
_SINGLE_MAY_OPEN = LazyPattern(re.compile, r"‘|[\s(\[{—–/“\"'«-]'")


def single_may_open(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether any single mark in text[start:end] (or at `start`) may open a quotation."""
    end = len(text) if end is None else end
    if text.find("‘", start, end) != -1:
        return True
    return (text.find("'", start, end) != -1
            and (text.startswith("'", start) or _SINGLE_MAY_OPEN.search(text, start, end) is not None))


def single_candidates(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where the single marks in text[start:end] are that are not between two letters or digits."""
    return [m.start() for m in _SINGLE_CANDIDATE.finditer(text, start, len(text) if end is None else end)]


# -- the document's primary marks -------------------------------------------------------------------

# Opening single and straight double marks as _opening_shape reads them (led by the mark, so re skips
# to each at C speed; the lookbehind holds the mark itself): after white space, the text start or a
# character of _BEFORE_OPENING, before a letter or opening mark (a single one) or anything but white
# space and closing punctuation (a double one). Elisions open nothing: ’90s (a digit), 'em, rock 'n' roll.
_SINGLE_OPENING_MARK = (
    r"['‘](?<![^\s(\[{—–/‘“\"«-]['‘])(?=[^\W\d_]|[“\"])(?!(?:em|til|tis|twas|cos|cause|bout|round|nuff|fraid|n|kay)\b)")
_DOUBLE_OPENING_MARK = r"\"(?<![^\s(\[{—–/‘“\"'«-]\")(?=[^\s,;:!?)\]}])"
_SINGLE_OPENING = LazyPattern(re.compile, _SINGLE_OPENING_MARK)
_DOUBLE_OPENING = LazyPattern(re.compile, _DOUBLE_OPENING_MARK)

def _count_at_most(text: str, char: str, start: int, end: int, most: int) -> int:
    """min(text.count(char, start, end), most), found by str.find."""
    found = 0
    pos = text.find(char, start, end) if most > 0 else -1
    while pos != -1:
        found += 1
        if found == most:
            break
        pos = text.find(char, pos + 1, end)
    return found


def primary_style(text: str, start: int = 0, end: int | None = None, default: str = DOUBLE) -> str:
    """SINGLE when quotations in text[start:end] open with a single mark more than twice as often as
    with a double one, or at least as often and most lines open their first quotation with a single mark;
    DOUBLE otherwise, `default` when no mark there opens one. (American copy opens single quotations too,
    inside double ones and in scare quotes; British copy has double marks in quoted posts and inside its
    single quotations, as many as those in some stories.)"""
    end = len(text) if end is None else end
    # No more single quotations can open than there are single marks (apostrophes among them): where
    # there are none, or too few to outnumber the double openings (most American copy), no closer look
    # is needed. The marks are counted with str.find, which skips to each by memchr (str.count visits
    # every character: ~4% of parsing a wire story went to counting its body's marks), and only as far
    # as the comparison needs.
    if default == DOUBLE and text.find("'", start, end) == -1 and text.find("‘", start, end) == -1:
        return DOUBLE
    doubles = _count_at_most(text, "“", start, end, end - start)
    if text.find('"', start, end) != -1:
        doubles += len(_DOUBLE_OPENING.findall(text, start, end))
    most = 2 * doubles + 1  # as many as decide that single marks outnumber the double openings
    singles = _count_at_most(text, "'", start, end, most)
    singles += _count_at_most(text, "‘", start, end, most - singles)
    if singles and singles >= doubles:  # as many single marks as double openings: the openings are counted
        singles = len(_SINGLE_OPENING.findall(text, start, end))
        if doubles and doubles <= singles <= 2 * doubles and _outer_singles(text, start, end):
            return SINGLE
    if singles == doubles == 0:
        return default
    return SINGLE if singles > 2 * doubles else DOUBLE


# The opening marks of both kinds, told apart: where they are near even, the mark that opens each
# paragraph's first quotation decides. British copy's double marks open quotations inside single ones
# ('I told him, "You can't park there," and he laughed,' she said.), American copy's single ones inside
# double ones.
_ANY_OPENING = LazyPattern(re.compile, rf"(?P<single>{_SINGLE_OPENING_MARK})|“|{_DOUBLE_OPENING_MARK}")


def _outer_singles(text: str, start: int, end: int) -> bool:
    """Whether more of the lines of text[start:end] open their first quotation with a single mark than with
    a double one."""
    singles = doubles = 0
    for line in text[start:end].split("\n"):
        first = _ANY_OPENING.search(line)
        if first is not None:
            if first.group("single") is not None:
                singles += 1
            else:
                doubles += 1
    return singles > doubles
