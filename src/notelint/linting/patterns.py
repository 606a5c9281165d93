"""Regular expressions for rules: compiled on first use, and word lists turned into one alternation."""
from __future__ import annotations

import re
from typing import Iterable

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
