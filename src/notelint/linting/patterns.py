"""Regular expressions for rules: word lists turned into one alternation."""
from __future__ import annotations

import re
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable, Iterator, Sequence

from ..lazy_pattern import LazyPattern
from ..parsing.alternation import by_first_letter


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


# --- Word lists matched by looking words up -----------------------------------------------------------
# Compiling a word list's alternation costs ~1 ms per hundred entries (the `re` compiler is Python, and
# IGNORECASE turns many letters into classes), paid on the first article with an insertion or a
# standfirst; even one entry's pattern costs ~0.25 ms (the apostrophe ’ in its lookarounds makes `re`
# build a table of 65,536 characters). Looked up instead: one pass over the words of the text, each
# folded to lower case and looked up in a dictionary of the entries' first words; an entry of several
# words is then compared part by part. Nothing is compiled.

# The word runs the lookups start from: every match of a word-list alternation starts a run of \w.
_WORD = LazyPattern(re.compile, r"\w+")
# The characters other than ASCII letters that re.IGNORECASE lets an ASCII letter match (re's own
# case-folding exceptions: dotted and dotless i, long s, the Kelvin sign); a test checks every code point.
_FOLD_TO_ASCII = {"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans({**{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **_FOLD_TO_ASCII})
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
# After a word-list match: no letter, apostrophe or hyphen (WORD_LIST_TEMPLATE's lookahead; a letter
# cannot follow the end of a word run).
_NOT_AFTER = "'’-"


def fold_word(word: str) -> str:
    """A word as re.IGNORECASE compares it with ASCII letters: ASCII letters in lower case, İ and ı as i, ſ
    as s, the Kelvin sign as k; any other character as itself (it matches no ASCII letter)."""
    return word.lower() if word.isascii() else word.translate(_FOLD_TABLE)


class WordMatch:
    """What a word-list search found: the parts of re.Match its callers use."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.string[self._start:self._end]


class WordList:
    """The matches of compile_word_list(words), the same ones, found by looking words up.

    At a place where a word run starts (no letter, apostrophe or hyphen before it), the alternation tries
    its entries longest first and takes the first that matches. An entry's first word (its letters up to
    a space, hyphen, apostrophe or other mark, or its end) must then be the run's word, or, for an entry
    of one word ending in *, the start of it; so the entries whose first word is the run's are the only
    ones to try, in the same order. An entry of one word matches exactly when that test passes and no
    apostrophe or hyphen follows; a longer entry is compared part by part as its pattern would match
    (_match_parts), or by its own pattern when it holds more than ASCII, single spaces and apostrophes.
    A list with an entry that starts otherwise than with an ASCII letter, digit or underscore, or whose
    first word is not all ASCII, is matched by its compiled alternation instead."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(words)
        # first word -> [(order, None for a one-word entry, else its parts or its own pattern)]
        self.exact: dict[str, list[tuple[int, tuple | str | None]]] = {}
        self.prefix: dict[str, list[int]] = {}  # stem of a one-word entry ending in * -> [order]
        self.fallback = None  # the compiled alternation, for a list the lookups cannot serve
        self._entry_patterns: dict[str, "re.Pattern"] = {}
        for order, word in enumerate(_entries(self.words)):
            wildcard = word.endswith("*")
            stem = word[:-1] if wildcard else word
            first = stem.lower()
            cut = len(first) if first.isascii() and first.isalnum() else \
                next((i for i, ch in enumerate(stem) if ch.lower() not in _ASCII_WORD_CHARS), len(stem))
            if cut == 0 or (cut < len(stem) and _is_word_char(stem[cut])):
                self.fallback = compile_word_list(self.words)  # starts with a mark, or a non-ASCII letter
                return
            if cut < len(stem):
                parts = _entry_parts(stem, wildcard) or word_list_alternatives([word])[0]
                self.exact.setdefault(first[:cut], []).append((order, parts))
            elif wildcard:
                self.prefix.setdefault(first, []).append(order)
            else:
                self.exact.setdefault(first, []).append((order, None))
        self._prefix_lengths = sorted({len(stem) for stem in self.prefix})

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        """compile_word_list(words).finditer(text, pos, endpos), as WordMatch objects."""
        for _index, match in find_words((self,), text, pos, endpos):
            yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def _match_at(self, text: str, start: int, word: str, run_end: int, endpos: int) -> int | None:
        """Where the first entry to match at `start` ends, or None: `word` is the word run from `start` to
        `run_end`, folded."""
        candidates = list(self.exact.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            for order in self.prefix.get(word[:length], ()):
                candidates.append((order, None))
        if not candidates:
            return None
        one_word_fits = run_end == endpos or text[run_end] not in _NOT_AFTER
        for _order, piece in sorted(candidates, key=lambda c: c[0]):
            if piece is None:
                if one_word_fits:
                    return run_end
                continue
            if isinstance(piece, tuple):
                end = _match_parts(piece, text, start, endpos)
                if end is not None:
                    return end
                continue
            m = self._entry_pattern(piece).match(text, start, endpos)
            if m is not None:
                return m.end()
        return None

    def _entry_pattern(self, piece: str) -> "re.Pattern":
        pattern = self._entry_patterns.get(piece)
        if pattern is None:
            pattern = self._entry_patterns[piece] = re.compile(WORD_LIST_TEMPLATE.format(piece), re.IGNORECASE)
        return pattern


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _entries(words: Iterable[str]) -> list[str]:
    """The entries in word_list_alternatives' order, the order the alternation tries them."""
    return [word for word in (w.strip() for w in sorted(set(words), key=lambda w: (-len(w), w))) if word]


def find_words(word_lists: Sequence[WordList], text: str, pos: int = 0,
               endpos: int | None = None) -> list[tuple[int, WordMatch]]:
    """Every match of each word list in text[pos:endpos], as (index of the list, match): what each list's
    finditer finds, from one pass over the text's words shared by all the lists. In order of the lists,
    then of the text."""
    endpos = len(text) if endpos is None else min(endpos, len(text))
    found: list[list[WordMatch]] = [[] for _ in word_lists]
    looked_up = []
    for index, word_list in enumerate(word_lists):
        if word_list.fallback is not None:
            found[index] = [WordMatch(text, m.start(), m.end()) for m in word_list.fallback.finditer(text, pos, endpos)]
        else:
            looked_up.append(index)
    if looked_up:
        resume = [pos] * len(word_lists)  # a list's matches do not overlap: the next starts after the last
        for run in _WORD.finditer(text, pos, endpos):
            start = run.start()
            if start and (text[start - 1] in _NOT_AFTER or _is_word_char(text[start - 1])):
                continue  # inside a word, or after an apostrophe or hyphen: no entry starts here
            run_end = run.end()
            word = None
            for index in looked_up:
                if start < resume[index]:
                    continue
                if word is None:
                    word = fold_word(text[start:run_end])
                end = word_lists[index]._match_at(text, start, word, run_end, endpos)
                if end is not None:
                    found[index].append(WordMatch(text, start, end))
                    resume[index] = end
    return [(index, match) for index, matches in enumerate(found) for match in matches]


_SPACE, _APOSTROPHE = " ", "'"  # the parts of an entry that stand for any white space and either apostrophe


def _entry_parts(stem: str, wildcard: bool) -> tuple | None:
    """An entry of several words as (parts, wildcard) for _match_parts: its runs of other characters (in
    lower case), _SPACE and _APOSTROPHE. None when it holds a character other than ASCII and ’, or white
    space other than single spaces: its own pattern matches it then."""
    if not all(ch.isascii() or ch == "’" for ch in stem) or "  " in stem \
            or any(ch.isspace() and ch != " " for ch in stem):
        return None
    parts: list[str] = []
    run = ""
    for ch in stem.lower():
        if ch == " " or ch in "'’":
            if run:
                parts.append(run)
                run = ""
            parts.append(_SPACE if ch == " " else _APOSTROPHE)
        else:
            run += ch
    if run:
        parts.append(run)
    return tuple(parts), wildcard


def _match_parts(entry: tuple, text: str, pos: int, endpos: int) -> int | None:
    """Where WORD_LIST_TEMPLATE.format(the entry's pattern) matches at `pos` ends (its lookbehind holds
    there), or None. Each part is matched as its pattern would: a run of characters case-insensitively
    (fold_word), a space as a run of white space (all of it: the next part is not white space), an
    apostrophe as either apostrophe; a wildcard as all the word characters there, then the lookahead."""
    parts, wildcard = entry
    i = space_start = pos
    for part in parts:
        if part is _SPACE:
            j = i
            while j < endpos and text[j].isspace():
                j += 1
            if j == i:
                return None
            space_start, i = i, j
        elif part is _APOSTROPHE:
            if i < endpos and text[i] in "'’":
                i += 1
            else:
                return None
        else:
            j = i + len(part)
            if j > endpos or fold_word(text[i:j]) != part:
                return None
            i = j
    if not wildcard:
        return i if _ends_entry(text, i, endpos) else None
    j = i
    while j < endpos and _is_word_char(text[j]):
        j += 1
    if _ends_entry(text, j, endpos):
        return j
    # The wildcard gives back in vain (a word character follows each shorter match); an entry ending in a
    # space then takes one space less of two or more, and ends before the last: the lookahead holds there.
    if parts[-1] is _SPACE and i - space_start >= 2:
        return i - 1
    return None


def _ends_entry(text: str, i: int, endpos: int) -> bool:
    """WORD_LIST_TEMPLATE's lookahead at i: no word character, apostrophe or hyphen next."""
    return i >= endpos or not (text[i] in _NOT_AFTER or _is_word_char(text[i]))
