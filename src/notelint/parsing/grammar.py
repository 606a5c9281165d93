"""The pyparsing grammar of a paragraph: the definition of notelint's format.

    paragraph := content(base)
    content   := ( plain | bracket | quote | stray | literal-mark )*
    bracket   := "[" content(bracket) ( "]" | end )          -- unclosed brackets end at the paragraph end
    quote     := ( "“" | '"' ) content(double) ( "”" | '"' | before the closer of an enclosing construct | end )
               | "‘" content(single) ( "’" | before the closer of an enclosing construct | end )

It reads roles, not raw marks: quotemarks.canonical writes each quotation mark's role in its place
(same offsets), deciding from context which marks open, which close and which are apostrophes.
What each mark does depends on the innermost open construct (see scan.py, the fast path that must give
identical trees). Nesting is unrolled to MAX_DEPTH levels rather than built with a recursive Forward:
past that depth an opening mark is plain text, so no input can raise RecursionError, and every
construct is matched in a single forward pass (no backtracking), which keeps unclosed input linear.

What the grammar reads is a paragraph's *mark skeleton*: its role marks alone, in order, as a short
string ("“[“”]”" for a quotation holding a bracket that quotes a word), not its text. Plain text between
marks never decides anything (every rule above is about marks and what is open), so the tree over the
skeleton, in skeleton indices, maps back to the text exactly: a construct starts at its opening mark; a
closed one ends after its closing mark; an unclosed one ends at the mark that ended it (the closer of
a construct around it) or at the paragraph end; a stray is its one mark. Paragraphs repeat a small
number of shapes, so trees are cached by skeleton and pyparsing runs once per shape per process.
The grammar still reads text too (`parse_text`: plain runs as one Regex each): the differential tests
hold the two readings equal.

Per pyparsing-speed notes: no whitespace skipping (set before any element is built), parse_with_tabs
so offsets stay in the caller's string.
"""
from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import lru_cache

import pyparsing as pp

from .scan import BRACKET, MAX_DEPTH, QUOTE, STRAY_BRACKET, STRAY_QUOTE, Node, mark_positions

_PLAIN = r'[^\[\]“”"‘’]+'
_CLOSE = "close"
_DOUBLE, _SINGLE = "double", "single"


def _construct(kind: str):
    """Parse action: a Located match of a bracket or quotation becomes a Node."""

    def action(tokens: pp.ParseResults) -> Node:
        inner = list(tokens["value"])  # Located gives locn_start, value, locn_end
        closed = bool(inner) and inner[-1] == _CLOSE
        children = [t for t in inner if isinstance(t, Node)]
        return Node(kind, tokens["locn_start"], tokens["locn_end"], closed, children)

    return action


def _stray(kind: str):
    def action(loc: int, tokens: pp.ParseResults) -> Node:
        return Node(kind, loc, loc + 1, False)

    return action


def _build(singles_at_top: bool) -> pp.ParserElement:
    plain = pp.Regex(_PLAIN).suppress().set_name("text")
    stray = {"]": pp.Literal("]").set_parse_action(_stray(STRAY_BRACKET)).set_name("stray ]"),
             "”": pp.Literal("”").set_parse_action(_stray(STRAY_QUOTE)).set_name("stray ”")}
    text_mark = {mark: pp.Literal(mark).suppress() for mark in '[“"‘’'}  # marks read as plain text
    closer = {BRACKET: pp.Literal("]"), _DOUBLE: pp.Literal("”") | pp.Literal('"'), _SINGLE: pp.Literal("’")}

    @lru_cache(maxsize=None)
    def content(depth: int, top: str, in_bracket: bool, over_other: bool) -> pp.ParserElement:
        """What may stand inside a construct at `depth` whose innermost open construct is `top` (BRACKET,
        _DOUBLE, _SINGLE, or "base"). `in_bracket`: a bracket is open around it (its ] ends every
        quotation inside). `over_other`: top is a quotation whose run of same-kind quotations sits on one of
        the other kind (that one's closing mark ends them all)."""
        deeper = depth < MAX_DEPTH
        quoted = top in (_DOUBLE, _SINGLE)
        alternatives = [plain]
        # [ opens a bracket; ] closes it, ends the quotations inside it, or is a stray.
        alternatives.append(bracket(depth + 1) if deeper else text_mark["["])
        if not in_bracket:
            alternatives.append(stray["]"])
        # “ opens a double quotation; " closes one on top, else opens one.
        double = quote(depth + 1, _DOUBLE, in_bracket, top == _SINGLE or (top == _DOUBLE and over_other)) \
            if deeper else None
        alternatives.append(double if deeper else text_mark["“"])
        if top != _DOUBLE:
            alternatives.append(quote(depth + 1, _DOUBLE, in_bracket, top == _SINGLE, '"') if deeper
                                else text_mark['"'])
        # ” closes the double quotation on top or below a run of single ones, or a single one on top with
        # none below (a mismatched pair: its closer takes ”), else is a stray.
        if not (top == _DOUBLE or top == _SINGLE):
            alternatives.append(stray["”"])
        # ‘ opens a single quotation inside a quotation, and anywhere in a single-primary text.
        if deeper and (quoted or singles_at_top):
            alternatives.append(quote(depth + 1, _SINGLE, in_bracket, top == _DOUBLE or (top == _SINGLE and over_other)))
        else:
            alternatives.append(text_mark["‘"])
        # ’ closes the single quotation on top or below a run of double ones; else it is an apostrophe.
        if not (top == _SINGLE or (top == _DOUBLE and over_other)):
            alternatives.append(text_mark["’"])
        return pp.ZeroOrMore(pp.MatchFirst(alternatives)).set_name(f"{top} content")

    @lru_cache(maxsize=None)
    def bracket(depth: int) -> pp.ParserElement:
        body = pp.Literal("[").suppress() + content(depth, BRACKET, True, False) \
            + pp.Opt(closer[BRACKET].set_parse_action(lambda: _CLOSE))
        return pp.Located(body).set_parse_action(_construct(BRACKET)).set_name("bracket")

    @lru_cache(maxsize=None)
    def quote(depth: int, kind: str, in_bracket: bool, over_other: bool, opener: str = "") -> pp.ParserElement:
        opener = opener or ("“" if kind == _DOUBLE else "‘")
        close = closer[kind] if kind == _DOUBLE or over_other else closer[_SINGLE] | pp.Literal("”")
        body = pp.Literal(opener).suppress() + content(depth, kind, in_bracket, over_other) \
            + pp.Opt(close.copy().set_parse_action(lambda: _CLOSE))
        return pp.Located(body).set_parse_action(_construct(QUOTE)).set_name("quotation")

    paragraph = content(0, "base", False, False) + pp.StringEnd()
    return paragraph.set_name("paragraph").parse_with_tabs()


@lru_cache(maxsize=2)
def paragraph_grammar(singles_at_top: bool = False) -> pp.ParserElement:
    """The grammar, built once per process and style (building it costs a few milliseconds)."""
    saved = pp.ParserElement.DEFAULT_WHITE_CHARS
    pp.ParserElement.set_default_whitespace_chars("")
    try:
        return _build(singles_at_top)
    finally:
        pp.ParserElement.set_default_whitespace_chars(saved)


def parse_paragraph(text: str, singles_at_top: bool = False, marks: Sequence[int] | None = None,
                    end: int | None = None) -> list[Node]:
    """Quotations, brackets and strays of one paragraph (in roles: see quotemarks.py), by the grammar
    reading its mark skeleton.

    `marks` are where the paragraph's role marks are in `text`, in order (mark_positions(text) when not
    given); `end` is where the paragraph ends (the text's end when not given): what is still open there
    ends there. Offsets are `text`'s, so a caller may read a region of a longer text without slicing it.
    """
    if marks is None:
        marks = mark_positions(text)
    end = len(text) if end is None else end
    skeleton = "".join([text[pos] for pos in marks])
    return _placed(skeleton_tree(skeleton, singles_at_top), marks, end)


def parse_text(text: str, singles_at_top: bool = False) -> list[Node]:
    """The same, by the grammar reading the whole text (plain runs and all): the reading the skeleton's
    must equal, kept for the differential tests."""
    return _parse(text, singles_at_top)


# A tree in skeleton indices, as Node.as_tuple gives it: (kind, start, end, closed, children).
SkeletonTree = tuple[tuple, ...]


# Bounded: a few hundred shapes cover most paragraphs of a corpus (the rest are long quotations with
# many marks, each its own shape); the cache stays small whatever a run reads.
@lru_cache(maxsize=1024)
def skeleton_tree(skeleton: str, singles_at_top: bool = False) -> SkeletonTree:
    """The tree of a skeleton (a string of role marks only), in skeleton indices."""
    return tuple(node.as_tuple() for node in _parse(skeleton, singles_at_top))


def _placed(tree: SkeletonTree, marks: Sequence[int], end: int) -> list[Node]:
    """A skeleton tree as Nodes at the text offsets of `marks`, for a paragraph ending at `end`."""
    nodes = []
    for kind, first, after, closed, children in tree:
        start = marks[first]
        if kind == STRAY_QUOTE or kind == STRAY_BRACKET:
            nodes.append(Node(kind, start, start + 1, False))
            continue
        # Closed: just after its closing mark. Unclosed: where the mark that ended it stands, or the end.
        stop = marks[after - 1] + 1 if closed else marks[after] if after < len(marks) else end
        nodes.append(Node(kind, start, stop, closed, _placed(children, marks, end) if children else []))
    return nodes


def _parse(text: str, singles_at_top: bool) -> list[Node]:
    result = paragraph_grammar(singles_at_top).parse_string(text, parse_all=True)
    _collect_parser_cycles()
    return [t for t in result if isinstance(t, Node)]


# pyparsing leaves reference cycles behind on every parse that backtracks (its exceptions hold the frames
# that hold them: ~30 KB a paragraph with an unclosed bracket). Callers pause the cyclic collector while a
# document is built, so without this a file of 50,000 such paragraphs held 1.5 GB until it was done.
_COLLECT_EVERY_PARSES = 64
_parses = [0]


def _collect_parser_cycles() -> None:
    _parses[0] += 1
    if _parses[0] >= _COLLECT_EVERY_PARSES:
        _parses[0] = 0
        if not gc.isenabled():  # when it is on, the collector runs by itself
            gc.collect(0)
