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

Per pyparsing-speed notes: no whitespace skipping (set before any element is built), parse_with_tabs
so offsets stay in the caller's string, one Regex per run of plain text.
"""
from __future__ import annotations

import gc
from functools import lru_cache

import pyparsing as pp

from .scan import BRACKET, MAX_DEPTH, QUOTE, STRAY_BRACKET, STRAY_QUOTE, Node

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


def parse_paragraph(text: str, singles_at_top: bool = False) -> list[Node]:
    """Quotations, brackets and strays of one paragraph (in roles: see quotemarks.py), by the grammar."""
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
