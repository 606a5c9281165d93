"""The pyparsing grammar of a paragraph: the definition of notelint's format.

    paragraph := content(base)
    content   := ( plain | bracket | quote | stray | literal-mark )*
    bracket   := "[" content(bracket) ( "]" | end )          -- unclosed brackets end at the paragraph end
    quote     := ( "“" | '"' ) content(quote) ( "”" | '"' | before "]" of an enclosing bracket | end )

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

_PLAIN = r'[^\[\]“”"]+'
_CLOSE = "close"


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


def _build() -> pp.ParserElement:
    plain = pp.Regex(_PLAIN).suppress().set_name("text")
    stray_bracket = pp.Literal("]").set_parse_action(_stray(STRAY_BRACKET)).set_name("stray ]")
    stray_quote = pp.Literal("”").set_parse_action(_stray(STRAY_QUOTE)).set_name("stray ”")
    literal = {mark: pp.Literal(mark).suppress() for mark in '[“"'}  # opening marks past MAX_DEPTH
    close_bracket = pp.Literal("]").set_parse_action(lambda: _CLOSE)
    close_quote = (pp.Literal("”") | pp.Literal('"')).set_parse_action(lambda: _CLOSE)
    open_quote = pp.Literal("“") | pp.Literal('"')

    @lru_cache(maxsize=None)
    def content(depth: int, top: str, in_bracket: bool) -> pp.ParserElement:
        """What may stand inside a construct at `depth` whose innermost open construct is `top`."""
        deeper = depth < MAX_DEPTH
        if not deeper:
            # Nothing opens at the deepest level: every opening mark is text, read in one Regex run.
            keep = r'\]”"' if top == QUOTE else r"\]”"
            alternatives = [pp.Regex(f"[^{keep}]+").suppress()]
            if top != QUOTE:
                alternatives.append(stray_quote)
            elif not in_bracket:
                alternatives.append(stray_bracket)
            return pp.ZeroOrMore(pp.MatchFirst(alternatives)).set_name(f"{top} content")
        alternatives = [plain]
        alternatives.append(bracket(depth + 1) if deeper else literal["["])
        if top == QUOTE:
            # ” and " close this quotation; ] closes an enclosing bracket (or is stray if there is none)
            alternatives.append(quote(depth + 1, in_bracket, curly_only=True) if deeper else literal["“"])
            if not in_bracket:
                alternatives.append(stray_bracket)
        else:
            alternatives.append(quote(depth + 1, in_bracket) if deeper else literal["“"] | literal['"'])
            alternatives.append(stray_quote)
            if top != BRACKET:
                alternatives.append(stray_bracket)
        return pp.ZeroOrMore(pp.MatchFirst(alternatives)).set_name(f"{top} content")

    @lru_cache(maxsize=None)
    def bracket(depth: int) -> pp.ParserElement:
        body = pp.Literal("[").suppress() + content(depth, BRACKET, True) + pp.Opt(close_bracket)
        return pp.Located(body).set_parse_action(_construct(BRACKET)).set_name("bracket")

    @lru_cache(maxsize=None)
    def quote(depth: int, in_bracket: bool, curly_only: bool = False) -> pp.ParserElement:
        opener = pp.Literal("“") if curly_only else open_quote
        body = opener.suppress() + content(depth, QUOTE, in_bracket) + pp.Opt(close_quote)
        return pp.Located(body).set_parse_action(_construct(QUOTE)).set_name("quotation")

    paragraph = content(0, "base", False) + pp.StringEnd()
    return paragraph.set_name("paragraph").parse_with_tabs()


@lru_cache(maxsize=1)
def paragraph_grammar() -> pp.ParserElement:
    """The grammar, built once per process (building it costs a few milliseconds)."""
    saved = pp.ParserElement.DEFAULT_WHITE_CHARS
    pp.ParserElement.set_default_whitespace_chars("")
    try:
        return _build()
    finally:
        pp.ParserElement.set_default_whitespace_chars(saved)


def parse_paragraph(text: str) -> list[Node]:
    """Quotations, brackets and strays of one paragraph, by the grammar."""
    result = paragraph_grammar().parse_string(text, parse_all=True)
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
