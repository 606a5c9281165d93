"""The document model: an article as a tree of spans over the Source text, plus the parser's findings.

Offsets are code points into `Source.text` (for plain text, the decoded file). Reporters convert them
to positions in the original file through `Document.location`, the one place that does so.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterator

from ..reading.source import Source
from ..values import Frozen

# Span kinds. Top level: these tile the text without gap or overlap.
HEADLINE = "headline"
STANDFIRST = "standfirst"
PARAGRAPH = "paragraph"
SOURCE = "source"  # a wire credit line, or (as a child) a dateline credit such as "(AP) —"
COMMENTS = "comments"
BREAK = "break"  # blank lines between blocks
# Inside blocks.
WIRE = "wire"
QUOTE = "quote"
INSERTION = "insertion"
CLARIFICATION = "clarification"
# Brackets that are neither commentary nor clarification.
FOOTNOTE = "footnote"
SHORTCODE = "shortcode"
STAGE_DIRECTION = "stage_direction"
PHOTO_CREDIT = "photo_credit"
ANNOTATION = "annotation"  # an editor's note on the text itself: "[it goes on like this for 15 more lines]"
LINK = "link"  # Markdown link text, wiki links, "[here]" stubs
BRACKET = "bracket"  # any other bracketed text (code residue, lyric headers, tickers)

BRACKET_KINDS = frozenset({INSERTION, CLARIFICATION, FOOTNOTE, SHORTCODE, STAGE_DIRECTION, PHOTO_CREDIT,
                           ANNOTATION, LINK, BRACKET})
BLOCK_KINDS = frozenset({HEADLINE, STANDFIRST, PARAGRAPH, SOURCE})


class _NoChildren(list):
    """The children of every span that has none: one shared, empty list that refuses to grow.

    A 20 MB article has ~200,000 spans, most of them leaves (wire text between quotations, blank lines
    between paragraphs); an empty list and an empty dict each cost as much as the span itself. Being a
    list, it compares, iterates and serialises as `[]` does; a span given children later is given a new
    list (`span.children = [...]`)."""

    __slots__ = ()

    def _refuse(self, *args, **kwargs):
        raise TypeError("a span without children shares one empty list: assign `span.children = [...]` instead")

    append = extend = insert = remove = pop = clear = sort = reverse = __setitem__ = __delitem__ = _refuse
    __iadd__ = __imul__ = _refuse

    def __reduce__(self):
        return "NO_CHILDREN"  # unpickled as the shared instance


class _NoAttrs(dict):
    """The attrs of every span that has none: one shared, empty dict that refuses to be written (see
    _NoChildren). It reads as `{}` does; a span given fields later is given a new dict."""

    __slots__ = ()

    def _refuse(self, *args, **kwargs):
        raise TypeError("a span without attrs shares one empty dict: assign `span.attrs = {...}` instead")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = __ior__ = _refuse

    def __reduce__(self):
        return "NO_ATTRS"


NO_CHILDREN: list = _NoChildren()
NO_ATTRS: dict = _NoAttrs()


class Span:
    """One span of the article: `kind`, `start` and `end` (code-point offsets into the text), `children`
    (the spans inside it, in order) and `attrs` (kind-specific fields: speaker, verb, service, label,
    closed ...). A span without children or attrs holds the shared NO_CHILDREN and NO_ATTRS, so a leaf
    costs only its own slots."""

    __slots__ = ("kind", "start", "end", "children", "attrs")

    def __init__(self, kind: str, start: int, end: int, children: list["Span"] | None = None,
                 attrs: dict | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.children = children or NO_CHILDREN
        self.attrs = attrs or NO_ATTRS

    def walk(self) -> Iterator["Span"]:
        """This span and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end and self is not other

    def __repr__(self) -> str:
        extra = f" {self.attrs}" if self.attrs else ""
        return f"Span({self.kind} {self.start}:{self.end}{extra}, {len(self.children)} children)"


class Location(Frozen):
    """A span's place in the original file: offsets and 1-based line/column (code points).

    A frozen value as `@dataclass(frozen=True)` made it (constructor, equality, hash, repr, pickling), written
    out so no start-up imports the dataclasses module; one is made for every finding."""

    __match_args__ = _FIELDS = ("start", "end", "line", "col", "end_line", "end_col")
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int

    def __init__(self, start: int, end: int, line: int, col: int, end_line: int, end_col: int) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "start", start)
        setattr_(self, "end", end)
        setattr_(self, "line", line)
        setattr_(self, "col", col)
        setattr_(self, "end_line", end_line)
        setattr_(self, "end_col", end_col)

    def _key(self) -> tuple:
        return (self.start, self.end, self.line, self.col, self.end_line, self.end_col)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())


class Problem:
    """Something the parser could not read cleanly (an unbalanced quote or bracket).

    A mutable value as `@dataclass` made it (constructor, equality, no hash, repr), written out."""

    __match_args__ = ("code", "start", "end", "message")
    __hash__ = None  # type: ignore[assignment]
    code: str  # NL401 unbalanced-quote, NL402 unbalanced-bracket
    start: int
    end: int
    message: str

    def __init__(self, code: str, start: int, end: int, message: str) -> None:
        self.code = code
        self.start = start
        self.end = end
        self.message = message

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.code, self.start, self.end, self.message) == (other.code, other.start, other.end, other.message)
        return NotImplemented

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(code={self.code!r}, start={self.start!r}, end={self.end!r}, "
                f"message={self.message!r})")


class Document:
    """A parsed article. `spans` are the top-level blocks; each holds its inner spans as children."""

    def __init__(self, source: Source, spans: list[Span], problems: list[Problem]) -> None:
        self.source = source
        self.spans = spans
        self.problems = problems

    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text

    def walk(self) -> Iterator[Span]:
        for span in self.spans:
            yield from span.walk()

    def spans_of(self, kind: str) -> list[Span]:
        """Every span of a kind, at any depth, in document order."""
        return [s for s in self.walk() if s.kind == kind]

    def text_of(self, span: Span | Problem) -> str:
        return self.source.text[span.start:span.end]

    def location(self, start: int, end: int) -> Location:
        """Where text offsets [start, end) lie in the original file."""
        src = self.source
        o_start, o_end = src.original_start(start), src.original_end(end)
        line, col = src.line_col(o_start)
        end_line, end_col = src.line_col(o_end)
        return Location(o_start, o_end, line, col, end_line, end_col)

    def ancestors(self, target: Span) -> list[Span]:
        """The chain of spans enclosing `target`, outermost first."""
        chain: list[Span] = []
        level = self.spans
        while True:
            for span in level:
                if span is target:
                    return chain
                if span.start <= target.start and target.end <= span.end and span.children:
                    chain.append(span)
                    level = span.children
                    break
            else:
                return chain

    @property
    def article_end(self) -> int:
        """Where the article ends: the start of the reader comments, or the end of the text."""
        for span in self.spans:
            if span.kind == COMMENTS:
                return span.start
        return len(self.source.text)

    @property
    def wire_service(self) -> str | None:
        """The wire service the article is credited to, if any."""
        for span in self.walk():
            if span.kind == SOURCE and span.attrs.get("service"):
                return span.attrs["service"]
        return None

    def to_json(self) -> dict:
        return {"path": self.path, "spans": [self.span_json(s) for s in self.spans]}

    def span_json(self, span: Span) -> dict:
        loc = self.location(span.start, span.end)
        out = {
            "kind": span.kind,
            "start": loc.start,
            "end": loc.end,
            "line": loc.line,
            "col": loc.col,
            "end_line": loc.end_line,
            "end_col": loc.end_col,
            "text": self.source.original[loc.start:loc.end],
        }
        out.update(span.attrs)
        out["children"] = [self.span_json(c) for c in span.children]
        return out


def outermost(span: Span, kind: str) -> Iterator[Span]:
    """The spans of `kind` below `span` that no other span of that kind encloses, in document order."""
    for child in span.children:
        if child.kind == kind:
            yield child
        else:
            yield from outermost(child, kind)
