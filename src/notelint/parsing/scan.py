"""The fast path: quotations and brackets of one paragraph found with a single stack pass.

It implements exactly the format the pyparsing grammar (grammar.py) defines, and a differential test
keeps the two equal. The document builder uses it for paragraphs without brackets (the large majority);
paragraphs holding `[` or `]` go through the grammar.

The format, as a stack machine over the five marks “ ” " [ ]:
- `[` opens a bracket, `“` opens a quotation; a straight `"` closes an open quotation, else opens one.
  Nothing opens past MAX_DEPTH levels: the mark is then plain text (no RecursionError, no blow-up).
- `]` closes the innermost bracket. Quotations still open inside that bracket end there, unclosed.
  A `]` with no bracket open is a stray (NL402).
- `”` closes the innermost quotation; with none on top it is a stray (NL401).
- Everything still open at the end of the paragraph ends there, unclosed.
Single quotes and apostrophes are never structure: don’t, Iran’s, ’90s and inner quotes all stay text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_DEPTH = 16

QUOTE, BRACKET = "quote", "bracket"
STRAY_QUOTE, STRAY_BRACKET = "stray_quote", "stray_bracket"

# The five marks, and as a pattern: what mark_positions finds (its definition), and what the document
# builder counts to decide whether a region is too dense in marks for the grammar.
_MARK_CHARS = '“”"[]'
MARKS = re.compile("[" + re.escape(_MARK_CHARS) + "]")


@dataclass(slots=True)
class Node:
    """A quotation, a bracket, or a stray closing mark, with offsets relative to the scanned text."""

    kind: str
    start: int
    end: int
    closed: bool = True
    children: list["Node"] = field(default_factory=list)

    def as_tuple(self) -> tuple:
        return (self.kind, self.start, self.end, self.closed, tuple(c.as_tuple() for c in self.children))


def scan_paragraph(text: str, marks: list[int] | None = None) -> list[Node]:
    """Quotations, brackets and strays of one paragraph, as a tree of Nodes.

    `marks` are where the five marks are in `text`, in order, if the caller knows them already
    (mark_positions(text) otherwise).
    """
    root: list[Node] = []
    stack: list[Node] = []
    siblings = root  # children of the innermost open construct (root when none is open)
    open_brackets = 0
    for pos in mark_positions(text) if marks is None else marks:
        mark = text[pos]
        # The quotation marks first: in news copy they far outnumber brackets.
        if mark == "“" or (mark == '"' and not (stack and stack[-1].kind == QUOTE)):
            if len(stack) < MAX_DEPTH:
                node = Node(QUOTE, pos, pos)
                siblings.append(node)
                stack.append(node)
                siblings = node.children
        elif mark == "”" or mark == '"':  # a straight " here closes the quotation on top
            if stack and stack[-1].kind == QUOTE:
                stack.pop().end = pos + 1
                siblings = stack[-1].children if stack else root
            else:
                siblings.append(Node(STRAY_QUOTE, pos, pos + 1, False))
        elif mark == "[":
            if len(stack) < MAX_DEPTH:
                node = Node(BRACKET, pos, pos)
                siblings.append(node)
                stack.append(node)
                siblings = node.children
                open_brackets += 1
        elif open_brackets:  # "]"
            while stack[-1].kind == QUOTE:  # quotations opened inside the bracket end with it
                quote = stack.pop()
                quote.end, quote.closed = pos, False
            stack.pop().end = pos + 1
            open_brackets -= 1
            siblings = stack[-1].children if stack else root
        else:
            siblings.append(Node(STRAY_BRACKET, pos, pos + 1, False))
    for node in stack:
        node.end, node.closed = len(text), False
    return root


def mark_positions(text: str) -> list[int]:
    """Where the five marks are, in order (the starts of MARKS.finditer): one str.find chain per mark,
    each a memchr scan, is about five times faster than the regex's character-class scan."""
    positions: list[int] = []
    for mark in _MARK_CHARS:
        pos = text.find(mark)
        while pos != -1:
            positions.append(pos)
            pos = text.find(mark, pos + 1)
    positions.sort()
    return positions

