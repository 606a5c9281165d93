"""Regular expressions for rules: word lists turned into one alternation."""
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
