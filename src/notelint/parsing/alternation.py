"""Regular-expression alternations of words, grouped so that a regex engine tries fewer of them."""
from __future__ import annotations


def by_first_letter(alternatives: list[str], ignore_case: bool) -> str:
    """The alternation with the entries that start with the same ASCII letter grouped under it, each group
    in its entries' order: "said|told|says" becomes "s(?:aid|ays)|t(?:old)".

    `re` and `regex` try every branch of a flat alternation at every place a word may start; grouped, a
    group whose letter differs is passed over in one test. The matches are the same: ASCII letters match
    disjoint sets of characters (case-insensitive ones too, when `ignore_case` groups "S" with "s"), so at
    any place only one group can match, and its entries are tried in their order. Kept flat when an entry
    starts with anything else (ſ, say, which matches where s does under IGNORECASE).
    """
    groups: dict[str, list[str]] = {}
    for piece in alternatives:
        head = piece[:1]
        if not (head.isascii() and head.isalpha()):
            return "|".join(alternatives)
        groups.setdefault(head.lower() if ignore_case else head, []).append(piece[1:])
    return "|".join(head + "(?:" + "|".join(rests) + ")" for head, rests in groups.items())
