"""What a check sees of a parsed document: its spans by kind, the regions each scope covers, shared helpers."""
from __future__ import annotations

from collections import defaultdict
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator, Sequence

from ..parsing.model import BREAK, COMMENTS, INSERTION, PARAGRAPH, QUOTE, STANDFIRST, WIRE, Document, Span

# Scopes most articles have no text in (Context.scopes_present): a rule or check that needs one of them
# finds nothing in such an article, and lint_document does not run it there.
SELDOM_SCOPES = frozenset({"insertion", "standfirst", "comments"})


class Hit:
    """What a check reports: text offsets (into Document.text) and a message.

    As `@dataclass` made it (constructor, equality, repr), written out and slotted: made by the thousand."""

    __slots__ = ("start", "end", "message")
    __match_args__ = __slots__
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, start: int, end: int, message: str) -> None:
        self.start = start
        self.end = end
        self.message = message

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start, self.end, self.message) == (other.start, other.end, other.message)
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(start={self.start!r}, end={self.end!r}, message={self.message!r})"


# Recursive helpers of Context, at module level: a nested function that calls itself holds a reference
# cycle (function -> closure cell -> function) through which the whole document stayed alive until the
# cyclic collector ran, instead of being freed when the file is done.
def _index_spans(spans: list[Span], chain: tuple[Span, ...], chains: dict, by_kind: dict) -> None:
    """Depth first in document order (walk()'s order; recursion as deep as walk()'s): one call per list of
    children below the top level, so a leaf costs a dictionary entry and an append."""
    for span in spans:
        chains[id(span)] = chain
        by_kind[span.kind].append(span)
        if span.children:
            _index_spans(span.children, chain + (span,), chains, by_kind)


def _add_kinds(spans: list[Span], kinds: set[str]) -> None:
    for span in spans:
        kinds.add(span.kind)
        if span.children:
            _add_kinds(span.children, kinds)


def _first_span_in(spans: list[Span], kind: str, test: Callable[[Span], Any]) -> Span | None:
    for span in spans:
        if span.kind == kind and test(span):
            return span
        if span.children:
            found = _first_span_in(span.children, kind, test)
            if found is not None:
                return found
    return None


class Context:
    """What a check sees: the document, and lazily computed regions and helpers shared by the checks."""

    def __init__(self, doc: Document, include_comments: bool = False, settings=None, rules=None) -> None:
        self.doc = doc
        self.settings = settings
        self.rules = rules or {}  # every loaded rule by code: a check may use another rule's word lists
        self.text = doc.text
        self.include_comments = include_comments
        # The top-level spans (blocks) of each kind, in document order: every article needs them (its
        # headline, credits and paragraphs), and the same pass finds where the article ends and which
        # kinds of span lie below the blocks (most articles hold no insertion, and learning that here
        # costs a third of a walk of the tree: the blocks' children rarely have children).
        blocks_by_kind = self._blocks_by_kind = defaultdict(list)
        kinds_below = self._kinds_below = set()
        for block in doc.spans:
            blocks_by_kind[block.kind].append(block)
            for child in block.children:
                kinds_below.add(child.kind)
                if child.children:
                    _add_kinds(child.children, kinds_below)
        comments = blocks_by_kind.get(COMMENTS)
        self.article_end = comments[0].start if comments else len(self.text)  # Document.article_end
        self._regions: dict[str, list[tuple[int, int, Span]]] = {}
        self._paragraphs: list[Span] | None = None
        self._wire_runs: list[tuple[Span, list[Span]]] | None = None
        self._chains: dict[int, tuple[Span, ...]] | None = None  # id(span) -> enclosing spans, outermost first
        self._all_by_kind: dict[str, list[Span]] = {}  # every span of a kind, in document order
        self._by_kind: dict[str, list[Span]] = {}  # the same, in the article (see in_article)
        self.memo: dict = {}  # per-document results the checks share (keyed by the check's own names)

    # Spans -------------------------------------------------------------------------------------------
    def _index(self) -> dict[int, tuple[Span, ...]]:
        """One walk of the span tree, on first use: each span's enclosing spans and the spans of each kind.
        (Checks ask for parents and blocks thousands of times per document; walking the tree per question
        was a quarter of the rules' time.)"""
        if self._chains is None:
            chains: dict[int, tuple[Span, ...]] = {}  # top-level spans have no entry: nothing encloses them
            by_kind = self._all_by_kind = defaultdict(list)
            for block in self.doc.spans:
                by_kind[block.kind].append(block)
                if block.children:
                    _index_spans(block.children, (block,), chains, by_kind)
            self._chains = chains
        return self._chains

    def blocks_of_kind(self, kind: str) -> list[Span]:
        """The top-level spans (blocks) of a kind, in document order, in the article or not."""
        return self._blocks_by_kind.get(kind, [])

    def paragraphs(self) -> list[Span]:
        """The article's paragraphs (top-level, starting before the comments), in document order."""
        if self._paragraphs is None:
            self._paragraphs = [b for b in self.blocks_of_kind(PARAGRAPH) if b.start < self.article_end]
        return self._paragraphs

    def parent_of(self, span: Span) -> Span | None:
        chain = self._index().get(id(span))
        return chain[-1] if chain else None

    def ancestors(self, span: Span) -> list[Span]:
        """Enclosing spans, nearest first."""
        return list(reversed(self._index().get(id(span), ())))

    def block_of(self, span: Span) -> Span:
        chain = self._index().get(id(span))
        return chain[0] if chain else span

    def in_article(self, span: Span) -> bool:
        return span.start < self.article_end or (self.include_comments and self.block_of(span).kind == COMMENTS)

    def spans(self, kind: str) -> list[Span]:
        if kind not in self._by_kind:
            if kind not in self._kinds_below and kind not in self._blocks_by_kind:
                self._by_kind[kind] = []  # most articles hold no insertion: no index needed to know that
            else:
                self._index()
                self._by_kind[kind] = [s for s in self._all_by_kind.get(kind, ()) if self.in_article(s)]
        return self._by_kind[kind]

    def first_span(self, kind: str, test: Callable[[Span], Any] = bool) -> Span | None:
        """The first span of a kind, in document order at any depth, that passes `test`: read off the index
        once it is built, else found by a walk that stops there (a third of the index's cost at worst)."""
        if self._chains is not None:
            return next((span for span in self._all_by_kind.get(kind, ()) if test(span)), None)
        return _first_span_in(self.doc.spans, kind, test)

    def insertions(self) -> list[Span]:
        return self.spans(INSERTION)

    def scopes_present(self) -> frozenset[str]:
        """Which of SELDOM_SCOPES this document has: "insertion" an insertion in the article, "standfirst" a
        standfirst block, "comments" reader comments that are linted. Each scope's regions are empty
        without it, and a check's `needs` (checks.needs) name what it reads in the same terms."""
        present = set()
        if self.insertions():
            present.add("insertion")
        if self.blocks_of_kind(STANDFIRST):
            present.add("standfirst")
        if self.include_comments and self.blocks_of_kind(COMMENTS):
            present.add("comments")
        return frozenset(present)

    def inside(self, span: Span, kind: str) -> bool:
        return any(a.kind == kind for a in self._index().get(id(span), ()))

    # Scopes ------------------------------------------------------------------------------------------
    def wire_runs(self) -> list[tuple[Span, list[Span]]]:
        """Each paragraph of the article with its reporting text (runs_of): the "wire" scope, kept by
        paragraph for the checks that need it; the lists are not to be changed."""
        if self._wire_runs is None:
            runs_of = self.runs_of
            self._wire_runs = [(block, runs_of(block)) for block in self.paragraphs()]
        return self._wire_runs

    @staticmethod
    def runs_of(block: Span) -> list[Span]:
        """A paragraph's reporting text: the plain runs that are never inside a quotation or bracket (its
        wire children, or the paragraph itself when it has no children). Not to be changed."""
        children = block.children
        if not children:
            return [block]
        if len(children) == 1 and children[0].kind == WIRE:
            return children  # plain reporting, as most paragraphs are: no copy
        return [c for c in children if c.kind == WIRE]

    def regions(self, scope: str) -> list[tuple[int, int, Span]]:
        """Text regions (start, end, span) a scope covers, in document order."""
        if scope not in self._regions:
            self._regions[scope] = list(self._compute_regions(scope))
        return self._regions[scope]

    def _compute_regions(self, scope: str) -> Iterator[tuple[int, int, Span]]:
        if scope == "any":
            for block in self.doc.spans:
                if block.kind == BREAK or (block.kind == COMMENTS and not self.include_comments):
                    continue
                yield block.start, block.end, block
        elif scope in ("headline", "standfirst"):
            for block in self.blocks_of_kind(scope):
                yield from self._minus_quotes(block)
        elif scope == "comments":
            if self.include_comments:
                for block in self.blocks_of_kind(COMMENTS):
                    yield block.start, block.end, block
        elif scope == "wire":
            for _block, runs in self.wire_runs():
                for run in runs:
                    yield run.start, run.end, run
        elif scope == "quote":
            for span in self.spans(QUOTE):
                if not self.inside(span, INSERTION) and not self.inside(span, QUOTE):
                    yield span.start, span.end, span
        elif scope == "insertion":
            for span in self.insertions():
                if not self.inside(span, INSERTION):
                    yield from self._minus_quotes(span)
        else:  # pragma: no cover - scopes are validated at load time
            raise ValueError(scope)

    def _minus_quotes(self, span: Span) -> Iterator[tuple[int, int, Span]]:
        """The span's text without the quotations nested in it: words quoted from someone are theirs."""
        pos = span.start
        for quote in sorted((s for s in span.walk() if s.kind == QUOTE and s is not span), key=lambda s: s.start):
            if quote.start < pos:
                continue
            if quote.start > pos:
                yield pos, quote.start, span
            pos = quote.end
        if pos < span.end:
            yield pos, span.end, span

    def scoped_regions(self, scopes: Sequence[str]) -> list[tuple[int, int, Span]]:
        by_scope = [self.regions(scope) for scope in scopes]
        if not any(by_scope):
            return []  # most articles, for the insertion and standfirst scopes
        seen, out = set(), []
        for regions in by_scope:
            for region in regions:
                if (region[0], region[1]) not in seen:
                    seen.add((region[0], region[1]))
                    out.append(region)
        return sorted(out, key=lambda r: (r[0], r[1]))
