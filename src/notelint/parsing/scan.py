"""The fast path: quotations and brackets of one paragraph found with a single stack pass.

It implements exactly the format the pyparsing grammar (grammar.py) defines, and a differential test
keeps the two equal. The document builder reads every paragraph with it first; only constructs in which
a bracket nests with other marks go through the grammar (which reads their mark skeleton, cached by
shape). Reading the rest here spares most runs importing pyparsing and building the grammar (~95 ms).

Both read the paragraph's marks as roles (quotemarks.canonical has written each quotation mark's role
in its place: which marks open, which close, which are apostrophes). The format, as a stack machine over
the seven roles “ ” " ‘ ’ [ ]:
- `[` opens a bracket, `“` a double quotation; a straight `"` closes a double quotation on top, else
  opens one. `‘` opens a single quotation inside a quotation, and anywhere when `singles_at_top` (a text
  whose primary marks are single); elsewhere it is text. Nothing opens past MAX_DEPTH levels: the mark
  is then plain text (no RecursionError, no blow-up).
- `]` closes the innermost bracket. Quotations still open inside that bracket end there, unclosed.
  A `]` with no bracket open is a stray (NL402).
- `”` (or `"`) closes the innermost double quotation: the one on top, or the first under a run of single
  ones, which end there unclosed; with none, it closes a single quotation on top (a mismatched pair,
  'as printed"), else it is a stray (NL401).
- `’` closes the innermost single quotation likewise (on top, or under a run of double ones); with
  none it is text, never a stray: an apostrophe the reading could not tell (the Joneses’, goin’).
- Everything still open at the end of the paragraph ends there, unclosed.
"""
from __future__ import annotations

import re

MAX_DEPTH = 16

QUOTE, BRACKET = "quote", "bracket"
STRAY_QUOTE, STRAY_BRACKET = "stray_quote", "stray_bracket"

# The seven role marks, and as a pattern: what mark_positions finds (its definition).
_MARK_CHARS = '“”"‘’[]'
MARKS = re.compile("[" + re.escape(_MARK_CHARS) + "]")


class Node:
    """A quotation, a bracket, or a stray closing mark, with offsets relative to the scanned text.

    As `@dataclass(slots=True)` made it (constructor, equality, repr), written out: made by the thousand."""

    __slots__ = ("kind", "start", "end", "closed", "children")
    __match_args__ = __slots__
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, kind: str, start: int, end: int, closed: bool = True, children: list[Node] | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.closed = closed
        self.children = [] if children is None else children

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return ((self.kind, self.start, self.end, self.closed, self.children)
                    == (other.kind, other.start, other.end, other.closed, other.children))
        return NotImplemented

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(kind={self.kind!r}, start={self.start!r}, end={self.end!r}, "
                f"closed={self.closed!r}, children={self.children!r})")

    def as_tuple(self) -> tuple:
        return (self.kind, self.start, self.end, self.closed, tuple(c.as_tuple() for c in self.children))


def scan_paragraph(text: str, marks: list[int] | None = None, singles_at_top: bool = False) -> list[Node]:
    """Quotations, brackets and strays of one paragraph (in roles: see quotemarks.canonical), as a tree.

    `marks` are where the role marks are in `text`, in order, if the caller knows them already
    (mark_positions(text) otherwise). `singles_at_top`: whether ‘ opens a quotation outside quotations
    (a text whose primary quotation marks are single), not only inside one.
    """
    root: list[Node] = []
    stack: list[Node] = []
    kinds: list[str] = []  # the stack's kinds: _DOUBLE, _SINGLE or BRACKET
    siblings = root  # children of the innermost open construct (root when none is open)
    open_brackets = 0
    for pos in mark_positions(text) if marks is None else marks:
        mark = text[pos]
        top = kinds[-1] if kinds else None
        # The quotation marks first: in news copy they far outnumber brackets.
        if mark == "“" or (mark == '"' and top != _DOUBLE) or (
                mark == "‘" and (singles_at_top or top == _DOUBLE or top == _SINGLE)):
            if len(stack) < MAX_DEPTH:
                node = Node(QUOTE, pos, pos)
                siblings.append(node)
                stack.append(node)
                kinds.append(_SINGLE if mark == "‘" else _DOUBLE)
                siblings = node.children
        elif mark == "”" or mark == '"':  # a straight " here closes the double quotation on top
            if _closes_through(kinds, _DOUBLE, _SINGLE):
                _close(stack, kinds, _DOUBLE, pos)
                siblings = stack[-1].children if stack else root
            elif kinds and kinds[-1] == _SINGLE:  # a mismatched pair, 'as printed": it closes the single one
                _close(stack, kinds, _SINGLE, pos)
                siblings = stack[-1].children if stack else root
            else:
                siblings.append(Node(STRAY_QUOTE, pos, pos + 1, False))
        elif mark == "’":  # with no single quotation to close, an apostrophe: text, never a stray
            if _closes_through(kinds, _SINGLE, _DOUBLE):
                _close(stack, kinds, _SINGLE, pos)
                siblings = stack[-1].children if stack else root
        elif mark == "[":
            if len(stack) < MAX_DEPTH:
                node = Node(BRACKET, pos, pos)
                siblings.append(node)
                stack.append(node)
                kinds.append(BRACKET)
                siblings = node.children
                open_brackets += 1
        elif mark == "]":
            if open_brackets:
                _close(stack, kinds, BRACKET, pos)  # quotations opened inside the bracket end with it
                open_brackets -= 1
                siblings = stack[-1].children if stack else root
            else:
                siblings.append(Node(STRAY_BRACKET, pos, pos + 1, False))
    for node in stack:
        node.end, node.closed = len(text), False
    return root


_DOUBLE, _SINGLE = "double", "single"


def settled_by_rule(node: Node, text: str) -> bool:
    """Whether the reading of `node` (a top-level construct of `text`, as scan_paragraph made it) took
    one of the format's resolution rules, the places where the grammar's definition decides: a stray
    closing mark, a construct ended by the closing mark of one around it (‘… “…’, [“…]), a single
    quotation closed by a double mark ('as printed"), or nesting cut at MAX_DEPTH. Without them every
    mark met its own partner (or the construct ran to the paragraph's end with those around it), and
    the tree is the only reading the marks have."""
    stack = [(node, 1)]
    while stack:
        construct, depth = stack.pop()
        if construct.kind != QUOTE and construct.kind != BRACKET:
            return True  # a stray
        if not construct.closed:
            if construct.end != len(text):
                return True  # ended by an enclosing construct's closing mark
        elif construct.kind == QUOTE and text[construct.start] == "‘" and text[construct.end - 1] != "’":
            return True  # a mismatched pair
        if depth >= MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in construct.children)
    return False


def _closes_through(kinds: list[str], kind: str, other: str) -> bool:
    """Whether a closing mark of `kind` has a quotation of its kind to close: the innermost open
    construct, or the first below a run of quotations of the `other` kind (which end with it, unclosed:
    ‘… “…’ ends the inner quotation where the outer one ends)."""
    for open_kind in reversed(kinds):
        if open_kind == kind:
            return True
        if open_kind != other:
            return False
    return False


def _close(stack: list[Node], kinds: list[str], kind: str, pos: int) -> None:
    """Close the innermost open construct of `kind` at the mark at `pos`; those opened inside it end
    there, unclosed."""
    while kinds[-1] != kind:
        inner = stack.pop()
        kinds.pop()
        inner.end, inner.closed = pos, False
    stack.pop().end = pos + 1
    kinds.pop()


def mark_positions(text: str, chars: str = _MARK_CHARS) -> list[int]:
    """Where the five marks are, in order (the starts of MARKS.finditer): one str.find chain per mark,
    each a memchr scan, is about five times faster than the regex's character-class scan."""
    positions: list[int] = []
    for mark in chars:
        pos = text.find(mark)
        while pos != -1:
            positions.append(pos)
            pos = text.find(mark, pos + 1)
    positions.sort()
    return positions

