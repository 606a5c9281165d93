"""The editorial-note diff: what a republisher changed in a wire story.

Two parsed Documents -> aligned tokens (align.py) -> hunks, each classified (marked or unmarked insertion,
deletion, replacement, moved, style) with whether it touches a quotation and which region it lies in ->
findings NL501-NL505. Nothing here prints; diff_render.py and the reporters do.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable

from .align import SENTENCE_END, Edit, StyleEquivalences, Tokens, align, default_equivalences, tokenize
from .furniture import (CAPTION, CAPTION_WORDS, CREDIT, NAVIGATION, WIDGET, furniture_reason, is_list_heading,
                        is_list_item, is_short_line)
from ..linting import patterns
from ..linting import rules as rules_module
from ..linting import suppressions as suppressions_module
from ..linting.findings import Finding
from ..parsing.model import (BRACKET_KINDS, BREAK, COMMENTS, HEADLINE, LINK, QUOTE, SOURCE, STANDFIRST, Document, Span)

FURNITURE, BEYOND_ORIGINAL = "furniture", "beyond_original"
# furniture: page furniture of a scraped page (navigation, advertising, captions, credits, widgets, script
# residue); beyond_original: republished text past the end of an original that stops short.
KINDS = ("marked_insertion", "unmarked_insertion", "deletion", "replacement", "moved", "style", FURNITURE,
         BEYOND_ORIGINAL)
# The end of a dateline's canonical token (the "dateline" equivalence of style-equivalences.toml).
DATELINE_MARK = "⟨dateline⟩"
REGIONS = {HEADLINE: "headline", STANDFIRST: "standfirst", SOURCE: "source"}  # everything else: body
# Bracketed text of any kind the republisher added is marked as theirs (a note, a clarification, a photo
# credit, a shortcode); link text is not a mark: it is ordinary text that happens to be a link.
MARKED_KINDS = frozenset(BRACKET_KINDS - {LINK})
# A paragraph that opens with one of these labels is the republisher's own, marked note (the parser marks
# notes in brackets and parentheses; a bare labelled paragraph is marked here).
NOTE_LABELS = ("Editor's note", "Editors' note", "Ed. note", "Editorial note", "Editorial comment", "Editor's comment",
               "Webmaster's commentary", "Webmaster's note", "Publisher's note", "Note from the editor", "Our comment",
               "Translator's note", "Comment", "Commentary", "Update", "Correction")


def labelled_note_pattern(markers: Iterable[str] = ()) -> re.Pattern:
    labels = sorted({*NOTE_LABELS, *markers}, key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace("'", "['’]") for label in labels)
    return re.compile(rf"\s*(?:{alternatives})\s*(?::|—|–|\s-\s|--)", re.IGNORECASE)


def _parenthesised(block: str) -> bool:
    """A paragraph set off whole in parentheses: "(This story has not been edited by … staff.)"."""
    text = block.strip()
    if not (text.startswith("(") and (text.endswith(")") or text.endswith(").") or text.endswith(".)"))):
        return False
    depth = 0
    for n, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and n < len(text.rstrip(".")) - 1:
            return False  # the first parenthesis closes before the end: "(AP) Officials said …"
    return True


# Punctuation whose change alone is house style; quote marks and ? ! change what is quoted or asked.
STYLE_PUNCTUATION = frozenset(".,;:…—()[]'")

ALTERED_QUOTATION, UNMARKED_INSERTION, DELETION, MOVED_TEXT, HEADLINE_CHANGED = (
    "NL501", "NL502", "NL503", "NL504", "NL505")
DIFF_CODES = (ALTERED_QUOTATION, UNMARKED_INSERTION, DELETION, MOVED_TEXT, HEADLINE_CHANGED)
DEFAULT_ATTRIBUTION_WORDS = (
    "according to", "allegedly", "alleged", "reportedly", "purportedly", "apparently", "said", "says", "say",
    "told", "claimed", "claims", "claim", "stated", "added", "unconfirmed", "could not be independently verified",
    "not independently verified", "suspected", "believed to", "is thought to", "appeared to", "appears to")


@dataclass
class DocTokens:
    """A document's article tokens with what the diff needs to know about each one."""

    doc: Document
    tokens: Tokens
    block: list[int]  # index of the top-level span holding the token
    blocks: list[Span]
    quote: list[int]  # index of the enclosing direct quotation, or -1
    marked: list[bool]  # inside a bracket or labelled note the republisher added
    furniture: list[str | None] = field(default_factory=list)  # per block: why it is page furniture, or None

    def region(self, i: int) -> str:
        if not self.blocks or not len(self.tokens):
            return "body"
        i = min(max(i, 0), len(self.tokens) - 1)
        return REGIONS.get(self.blocks[self.block[i]].kind, "body")

    def breaks(self) -> list[int]:
        return [i for i in range(1, len(self.block)) if self.block[i] != self.block[i - 1]]

    def block_range(self, k: int) -> tuple[int, int]:
        """Token range of block k (block indices never decrease along the tokens)."""
        return bisect.bisect_left(self.block, k), bisect.bisect_right(self.block, k)

    def furniture_blocks(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The whole paragraphs of page furniture within tokens [lo, hi): (start, end, reason)."""
        out: list[tuple[int, int, str]] = []
        if lo >= hi or not self.furniture:
            return out
        k = self.block[lo]
        while True:
            start, end = self.block_range(k)
            reason = self.furniture[k]
            if reason and lo <= start and end <= hi:
                out.append((start, end, reason))
            if end >= hi:
                return out
            k = self.block[end]


def _intervals(spans: Iterable[Span]) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if ends and span.start < ends[-1]:
            continue  # nested in the previous one
        starts.append(span.start)
        ends.append(span.end)
    return starts, ends


def annotate(doc: Document, equivalences: StyleEquivalences | None = None, markers: Iterable[str] = ()) -> DocTokens:
    """Tokenise a document's article (reader comments left out) and mark each token's block, quotation
    and whether it lies in a mark of the republisher's: a bracket, a labelled note, a credit line."""
    end = doc.article_end
    tokens = tokenize(doc.text, 0, end, equivalences)
    blocks = [s for s in doc.spans if s.kind != COMMENTS and s.start < end]
    if "notelint:" in doc.text:
        _keep_block_tokens(tokens, [b for b in blocks if b.kind != BREAK])
    quotes: list[Span] = []
    marks: list[Span] = []

    def visit(span: Span, in_mark: bool) -> None:
        for child in span.children:
            if child.kind in MARKED_KINDS:
                marks.append(child)
                visit(child, True)
            else:
                if child.kind == QUOTE and not in_mark:  # a scare quote inside a note is the note's
                    quotes.append(child)
                visit(child, in_mark)

    labelled = labelled_note_pattern(markers)
    for span in blocks:
        if span.kind == SOURCE or (span.kind != HEADLINE and (labelled.match(doc.text, span.start, span.end)
                                                              or _parenthesised(doc.text[span.start:span.end]))):
            marks.append(span)
            continue
        visit(span, False)
    # Fill per-token arrays span by span (slice assignment), not token by token: a 1 MB text has 200k tokens.
    n = len(tokens)
    token_starts = tokens.starts
    block, quote, marked = [0] * n, [-1] * n, [False] * n
    for k, span in enumerate(blocks):
        lo, hi = bisect.bisect_left(token_starts, span.start), bisect.bisect_left(token_starts, span.end)
        block[lo:hi] = [k] * (hi - lo)
    for k, (start, end) in enumerate(zip(*_intervals(quotes))):
        lo, hi = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
        quote[lo:hi] = [k] * (hi - lo)
    for start, end in zip(*_intervals(marks)):
        lo, hi = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
        marked[lo:hi] = [True] * (hi - lo)
    # A credit line ("Source: Associated Press") names the wire service: page furniture, not the
    # republisher's note. The parser also files other furniture as source blocks (a time stamp, a byline):
    # those keep the reason their text gives.
    furniture = [_source_reason(doc, span) if span.kind == SOURCE
                 else furniture_reason(doc.text[span.start:span.end], headline=span.kind == HEADLINE) for span in blocks]
    _link_titles(doc, blocks, furniture)
    return DocTokens(doc, tokens, block, blocks, quote, marked, furniture)


def _link_titles(doc: Document, blocks: list[Span], furniture: list[str | None]) -> None:
    """Mark the titles of links to other stories as navigation: the short lines under a list's heading
    ("Related Content", then "Spotify has secret weapon"), a short line the page prints twice as a block
    of its own (a related story's title above the lead and again in the list under it), and the page's
    title printed again over the story; and a paragraph the page prints twice as a caption. A story prints
    none of its own lines twice. The headline is left to NL505."""
    texts = [doc.text[span.start:span.end].strip() if span.kind != BREAK else "" for span in blocks]
    # The page's title printed again over the story, without the site's name ("Spotify CEO says … | Miami
    # Herald", then "Spotify CEO says …"): the page's heading, not a line the republisher added.
    title = _without_site_name(texts[0]) if blocks and blocks[0].kind == HEADLINE else None
    seen: dict[str, int] = {}
    for k, text in enumerate(texts):
        if text and blocks[k].kind != HEADLINE and len(text.split(None, CAPTION_WORDS)) <= CAPTION_WORDS:
            seen[text] = seen.get(text, 0) + 1
    items_left = 0
    for k, text in enumerate(texts):
        if not text:
            continue
        if furniture[k]:
            items_left = _LIST_ITEMS if furniture[k] == WIDGET and is_list_heading(text) else 0
            continue
        if blocks[k].kind == HEADLINE:
            items_left = 0
            continue
        if (items_left and is_list_item(text)) or text == title \
                or (seen.get(text, 0) > 1 and is_short_line(text) and len(text.split()) >= _TITLE_MIN_WORDS):
            furniture[k] = NAVIGATION
            items_left = max(items_left - 1, 0)
        elif seen.get(text, 0) > 1 and not is_short_line(text):
            # A paragraph printed twice: a gallery's caption under each of its pictures, a pull quote; the
            # story prints each of its paragraphs once.
            furniture[k] = CAPTION
            items_left = 0
        else:
            items_left = 0


_TITLE_MIN_WORDS = 2  # a repeated single word is a section name or a label, told by its own tests


def _source_reason(doc: Document, span: Span) -> str:
    reason = furniture_reason(doc.text[span.start:span.end]) if span.attrs.get("furniture") else None
    return reason or CREDIT


def _keep_block_tokens(tokens, blocks: list[Span]) -> None:
    """Drop the tokens that lie in no block (`blocks`, breaks left out): the parser leaves suppression
    comment lines in the breaks
    ("notelint: disable-next=NL104"), which are for the linter, not part of either article."""
    starts = [b.start for b in blocks]
    keep = []
    for k, at in enumerate(tokens.starts):
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at < blocks[i].end:
            keep.append(k)
    if len(keep) == len(tokens.starts):
        return
    for name in ("starts", "ends", "norms", "canons", "styles"):
        values = getattr(tokens, name)
        setattr(tokens, name, [values[k] for k in keep])


@dataclass
class Hunk:
    """One difference. Sides are token ranges [i1, i2) of the original and [j1, j2) of the republished
    article; an empty range is the point where the other side's text was added or taken out."""

    kind: str
    i1: int
    i2: int
    j1: int
    j2: int
    region: str
    in_quote: bool
    alters_quote: bool = False  # the words of a quotation in the original differ (NL501)
    rule: str | None = None  # style: the equivalence or structural rule that explains it
    attribution: bool = False  # deletion: an attribution or qualifier was taken out


@dataclass
class DiffResult:
    original: DocTokens
    republished: DocTokens
    hunks: list[Hunk]
    findings: list[Finding] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)  # the alignment the hunks came from
    # Where an original that stops short ends in the republished article (see _original_cut_short).
    original_ends: dict | None = None

    def original_token_for(self, j: int) -> int | None:
        """The original token aligned with republished token j (equal text or the start of a move), if any."""
        if not hasattr(self, "_anchors"):
            self._anchors = sorted((e.j1, e.j2, e.i1, e.tag) for e in self.edits if e.tag in ("equal", "move"))
            self._anchor_starts = [x[0] for x in self._anchors]
        k = bisect.bisect_right(self._anchor_starts, j) - 1
        while k >= 0:
            j1, j2, i1, tag = self._anchors[k]
            if j1 <= j < j2:
                return i1 + (j - j1) if tag == "equal" else i1
            if j2 <= j:
                return None
            k -= 1
        return None

    def block_tokens(self, which: str, k: int) -> tuple[int, int]:
        """Token range of block k of one side (block indices never decrease along the tokens)."""
        dt = self.original if which == "original" else self.republished
        return bisect.bisect_left(dt.block, k), bisect.bisect_right(dt.block, k)

    # Offsets and locations -------------------------------------------------------------------------
    def side(self, hunk: Hunk, which: str) -> dict:
        dt = self.original if which == "original" else self.republished
        i1, i2 = (hunk.i1, hunk.i2) if which == "original" else (hunk.j1, hunk.j2)
        start, end = dt.tokens.span(i1, i2)
        if hunk.rule in ("paragraph-split", "paragraph-join"):
            start, end = dt.tokens.ends[i1 - 1], dt.tokens.starts[i1]  # the break between two words
        loc = dt.doc.location(start, end)
        return {"start": loc.start, "end": loc.end, "line": loc.line, "col": loc.col,
                "end_line": loc.end_line, "end_col": loc.end_col, "text": dt.doc.source.original[loc.start:loc.end]}

    def text_span(self, hunk: Hunk, which: str) -> tuple[int, int]:
        """The hunk's side as offsets into that document's text."""
        if which == "original":
            return self.original.tokens.span(hunk.i1, hunk.i2)
        return self.republished.tokens.span(hunk.j1, hunk.j2)

    def summary(self) -> dict:
        counts = {kind: 0 for kind in KINDS}
        for hunk in self.hunks:
            counts[hunk.kind] += 1
        tokens = self.republished.tokens
        total = sum(e - s for s, e in zip(tokens.starts, tokens.ends))
        added = 0
        for hunk in self.hunks:
            if hunk.kind in ("marked_insertion", "unmarked_insertion", "replacement"):
                added += sum(tokens.ends[j] - tokens.starts[j] for j in range(hunk.j1, hunk.j2))
            elif hunk.kind in (FURNITURE, BEYOND_ORIGINAL):
                # Neither the page around the article nor text the original does not reach is compared.
                total -= sum(tokens.ends[j] - tokens.starts[j] for j in range(hunk.j1, hunk.j2))
        by_code: dict[str, int] = {}
        for finding in self.findings:
            by_code[finding.code] = by_code.get(finding.code, 0) + 1
        return {**counts, "hunks": len(self.hunks),
                "not_wire_share": round(added / total, 4) if total > 0 else 0.0,
                "findings": dict(sorted(by_code.items())), "original_ends": self.original_ends}

    def summary_line(self) -> str:
        s = self.summary()
        names = {"marked_insertion": "marked insertion", "unmarked_insertion": "unmarked insertion",
                 "deletion": "deletion", "replacement": "replacement", "moved": "moved", "style": "style",
                 FURNITURE: "page furniture"}
        parts = []
        for kind in KINDS:
            n = s[kind]
            if kind == BEYOND_ORIGINAL or (kind == FURNITURE and not n):
                continue  # told below, and only when there is some
            label = names[kind]
            if kind not in ("moved", "style", FURNITURE) and n != 1:
                label += "s"
            parts.append(f"{n} {label}")
        line = ", ".join(parts) + f"; {s['not_wire_share'] * 100:.1f}% of the republished article is not wire text"
        ends = self.original_ends
        if ends:
            words = ends["words_after"]
            line += (f"; the original stops at line {ends['line']} of the republished article ({ends['why']}): "
                     f"{words:,} word{'s' if words != 1 else ''} after that {'are' if words != 1 else 'is'} not compared")
        return line

    def to_json(self) -> dict:
        hunks = []
        for hunk in self.hunks:
            item = {"kind": hunk.kind, "in_quote": hunk.in_quote, "region": hunk.region,
                    "original": self.side(hunk, "original"), "republished": self.side(hunk, "republished")}
            if hunk.rule:
                item["rule"] = hunk.rule
            if hunk.kind == "deletion":
                item["attribution"] = hunk.attribution
            hunks.append(item)
        return {"original": self.original.doc.path, "republished": self.republished.doc.path,
                "summary": self.summary(), "hunks": hunks, "findings": [f.to_json() for f in self.findings]}


# --- Classifying edits into hunks --------------------------------------------------------------------------

def _runs(indices: range, key) -> list[tuple[int, int]]:
    """Split a range into maximal runs with the same key."""
    out: list[tuple[int, int]] = []
    start = None
    current = None
    for i in indices:
        k = key(i)
        if start is None:
            start, current = i, k
        elif k != current:
            out.append((start, i))
            start, current = i, k
    if start is not None:
        out.append((start, indices.stop))
    return out


def _outside(lo: int, hi: int, taken: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """[lo, hi) less the (sorted, disjoint) ranges taken."""
    out, pos = [], lo
    for start, end, _ in taken:
        if start > pos:
            out.append((pos, start))
        pos = end
    if pos < hi:
        out.append((pos, hi))
    return out


class _Classifier:
    def __init__(self, a: DocTokens, b: DocTokens, eq: StyleEquivalences) -> None:
        self.a, self.b, self.eq = a, b, eq

    def in_quote(self, i1: int, i2: int, j1: int, j2: int) -> bool:
        return any(q >= 0 for q in self.a.quote[i1:i2]) or any(q >= 0 for q in self.b.quote[j1:j2]) \
            or self.point_in_quote(i1, i2)

    def point_in_quote(self, i1: int, i2: int) -> bool:
        """An insertion point lies inside an original quotation (the words on both sides are in it)."""
        if i1 != i2 or i1 == 0 or i1 >= len(self.a.quote):
            return False
        return self.a.quote[i1 - 1] >= 0 and self.a.quote[i1 - 1] == self.a.quote[i1]

    def alters_quote(self, kind: str, i1: int, i2: int, j1: int, j2: int) -> bool:
        """Whether the change alters a quotation of the original that the republished article still
        carries: words added inside it, some of its words taken out or replaced, or its words replaced by
        other quoted words. A quotation taken out whole (a cut paragraph, "“…,” he said." dropped) is a
        deletion, and one replaced whole by unquoted text a replacement: its words are no longer given
        as the speaker's, so none are put in the speaker's mouth."""
        if i1 == i2:
            return self.point_in_quote(i1, i2)
        quote = self.a.quote
        # Only a quotation at either end of [i1, i2) can reach outside it (quotations are runs of tokens).
        if quote[i1] >= 0 and i1 > 0 and quote[i1 - 1] == quote[i1]:
            return True
        if quote[i2 - 1] >= 0 and i2 < len(quote) and quote[i2] == quote[i2 - 1]:
            return True
        return (kind == "replacement" and any(q >= 0 for q in quote[i1:i2])
                and any(q >= 0 for q in self.b.quote[j1:j2]))

    def region(self, i1: int, j1: int, j2: int) -> str:
        return self.b.region(j1) if j1 < j2 else self.a.region(i1)

    def style_rule(self, i1: int, i2: int, j1: int, j2: int) -> str | None:
        """Why a non-matching pair of runs is only house style, if it is."""
        ca, cb = self.a.tokens.canons[i1:i2], self.b.tokens.canons[j1:j2]
        if self.eq.punctuation and all(c in STYLE_PUNCTUATION for c in ca + cb):
            return "punctuation"
        if self.eq.punctuation and ca and cb and ([c for c in ca if c not in STYLE_PUNCTUATION]
                                                  == [c for c in cb if c not in STYLE_PUNCTUATION]):
            return "punctuation"
        if self.eq.capitalisation and ca and cb and [c.casefold() for c in ca] == [c.casefold() for c in cb]:
            return "capitalisation"
        if len(ca) + len(cb) == 1 and (ca or cb)[0].endswith(DATELINE_MARK):
            # A dateline the republisher dropped or added before a paragraph ("NEW YORK —" before the lead);
            # a line in capitals inside a paragraph is no dateline (an ad slot's label).
            side, k = (self.a, i1) if ca else (self.b, j1)
            if side.block_range(side.block[k])[0] == k:
                return "dateline"
        return None

    def hunk(self, kind: str, i1: int, i2: int, j1: int, j2: int, rule: str | None = None) -> Hunk:
        alters = kind in ("replacement", "deletion", "unmarked_insertion") and self.alters_quote(kind, i1, i2, j1, j2)
        return Hunk(kind, i1, i2, j1, j2, self.region(i1, j1, j2), self.in_quote(i1, i2, j1, j2), alters, rule)

    def changed(self, e: Edit) -> list[Hunk]:
        """Hunks for a non-equal edit: whole paragraphs of page furniture on either side become furniture;
        marked runs of the republished side become marked insertions; what is left is an unmarked
        insertion, a deletion or a replacement (or style, if that explains it)."""
        a, b = self.a, self.b
        out: list[Hunk] = []
        furniture_b = b.furniture_blocks(e.j1, e.j2)
        furniture_a = a.furniture_blocks(e.i1, e.i2)
        for j1, j2, reason in furniture_b:
            point = e.i1 if e.i1 == e.i2 else (e.i1 if j1 == e.j1 else e.i2)
            out.append(self.hunk(FURNITURE, point, point, j1, j2, reason))
        for i1, i2, reason in furniture_a:
            out.append(self.hunk(FURNITURE, i1, i2, e.j1, e.j1, reason))
        plain_j: list[tuple[int, int]] = []
        for lo, hi in _outside(e.j1, e.j2, furniture_b):
            for r1, r2 in _runs(range(lo, hi), lambda j: (b.marked[j], b.block[j])):
                if b.marked[r1]:
                    point = e.i1 if e.i1 == e.i2 else (e.i1 if r1 == e.j1 else e.i2)
                    out.append(self.hunk("marked_insertion", point, point, r1, r2))
                else:
                    plain_j.append((r1, r2))
        runs_a = [run for lo, hi in _outside(e.i1, e.i2, furniture_a) for run in _runs(range(lo, hi), lambda i: a.block[i])]
        i1, i2 = e.i1, e.i2
        if runs_a and plain_j:
            # Pair the original's paragraphs with the republished ones of the same region, in order: a new
            # standfirst after a rewritten headline is an insertion, not part of the headline's replacement.
            paired: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = []
            m = 0
            for run_a in runs_a:
                region = a.region(run_a[0])
                k = next((k for k in range(m, len(plain_j)) if b.region(plain_j[k][0]) == region), None)
                if k is None:
                    paired.append((run_a, None))
                    continue
                paired.extend((None, run_b) for run_b in plain_j[m:k])
                paired.append((run_a, plain_j[k]))
                m = k + 1
            paired.extend((None, run_b) for run_b in plain_j[m:])
            if all(x is not None and y is not None for x, y in paired) and len(paired) > 1 and not furniture_a:
                paired = [((i1, i2), (plain_j[0][0], plain_j[-1][1]))]  # body for body: one replacement
            cursor_a, cursor_b = i1, e.j1  # where an unpaired run's empty side sits
            for run_a, run_b in paired:
                if run_a and run_b:
                    rule = self.style_rule(*run_a, *run_b)
                    out.append(self.hunk("style" if rule else "replacement", *run_a, *run_b, rule))
                    cursor_a, cursor_b = run_a[1], run_b[1]
                elif run_b:
                    rule = self.style_rule(cursor_a, cursor_a, *run_b)
                    out.append(self.hunk("style" if rule else "unmarked_insertion", cursor_a, cursor_a, *run_b, rule))
                    cursor_b = run_b[1]
                elif run_a:
                    rule = self.style_rule(*run_a, cursor_b, cursor_b)
                    out.append(self.hunk("style" if rule else "deletion", *run_a, cursor_b, cursor_b, rule))
                    cursor_a = run_a[1]
        elif runs_a:
            point = e.j2 if any(h.j1 == e.j1 for h in out) else e.j1  # after what was inserted in its place
            for r1, r2 in runs_a:
                rule = self.style_rule(r1, r2, point, point)
                out.append(self.hunk("style" if rule else "deletion", r1, r2, point, point, rule))
        else:
            for j1, j2 in plain_j:
                rule = self.style_rule(i1, i1, j1, j2)
                out.append(self.hunk("style" if rule else "unmarked_insertion", i1, i1, j1, j2, rule))
        return out

    def equal(self, e: Edit) -> list[Hunk]:
        """Style hunks inside aligned text: tokens equal only through an equivalence, and paragraphs split
        or joined with the words unchanged."""
        a, b = self.a, self.b
        na, nb = a.tokens.norms, b.tokens.norms
        out: list[Hunk] = []
        k, n = 0, e.i2 - e.i1
        while k < n:
            if na[e.i1 + k] != nb[e.j1 + k]:
                start = k
                while k < n and na[e.i1 + k] != nb[e.j1 + k]:
                    k += 1
                rule = a.tokens.styles[e.i1 + start] or b.tokens.styles[e.j1 + start] or "equivalence"
                out.append(self.hunk("style", e.i1 + start, e.i1 + k, e.j1 + start, e.j1 + k, rule))
            else:
                k += 1
        if self.eq.paragraph_split_join:
            ba, bb = a.block, b.block
            for k in range(1, n):
                i, j = e.i1 + k, e.j1 + k
                split_a, split_b = ba[i] != ba[i - 1], bb[j] != bb[j - 1]
                if split_a != split_b:
                    rule = "paragraph-split" if split_b else "paragraph-join"
                    out.append(Hunk("style", i, i, j, j, b.region(j), False, False, rule))
        return out


def diff_documents(original: Document, republished: Document, *, equivalences: StyleEquivalences | None = None,
                   settings=None, rules=None) -> DiffResult:
    """Align two articles and classify every difference; findings follow `settings` (see `diff_findings`)."""
    eq = equivalences or default_equivalences()
    eq.begin_diff()
    markers = tuple(settings.editorial_markers) if settings is not None else ()
    a = annotate(original, eq, markers)
    b = annotate(republished, eq, markers)
    edits = align(_furniture_apart(a, b, "a"), _furniture_apart(b, a, "b"), a.breaks(), b.breaks())
    classifier = _Classifier(a, b, eq)
    hunks: list[Hunk] = []
    for e in edits:
        if e.tag == "equal":
            hunks.extend(classifier.equal(e))
        elif e.tag == "move":
            hunks.append(Hunk("moved", e.i1, e.i2, e.j1, e.j2, b.region(e.j1), classifier.in_quote(e.i1, e.i2, e.j1, e.j2)))
        else:
            hunks.extend(classifier.changed(e))
    hunks.sort(key=lambda h: (h.j1, h.i1, h.kind != "moved"))
    aligned = [e for e in edits if e.tag in ("equal", "move")]
    _furniture_lines(b, hunks)
    if aligned:
        _page_edges(a, b, aligned, hunks)
    result = DiffResult(a, b, hunks, edits=edits)
    if aligned:
        result.original_ends = _original_cut_short(a, b, aligned, hunks)
    result.findings = diff_findings(result, settings=settings, rules=rules)
    return result


# --- Scraped pages ------------------------------------------------------------------------------------------

def _furniture_apart(dt: DocTokens, other: DocTokens, side: str) -> Tokens:
    """The tokens to align, with those of page furniture made to match nothing. A caption often repeats a
    sentence of the story ("Spotify's CEO says the company ..."), a byline or a time stamp shares words with
    the other page's: aligned there, they would leave the story's own sentence unmatched or split a
    paragraph of furniture into pieces. Furniture found word for word on the other side stays as it is."""
    furniture = [k for k, reason in enumerate(dt.furniture) if reason]
    if not furniture:
        return dt.tokens
    # (A paragraph printed twice is furniture by its repetition, not its form: where the other page prints it
    # too, as a paragraph of the story, it is matched there.)
    repeated = {text for k in furniture if dt.furniture[k] == CAPTION
                and (text := dt.doc.text[dt.blocks[k].start:dt.blocks[k].end].strip())}
    kept = {text for k, span in enumerate(other.blocks)
            if (text := other.doc.text[span.start:span.end].strip()) and (other.furniture[k] or text in repeated)}
    canons = None
    for k in furniture:
        span = dt.blocks[k]
        if dt.doc.text[span.start:span.end].strip() in kept:
            continue
        lo, hi = dt.block_range(k)
        if lo == hi:
            continue
        if canons is None:
            canons = list(dt.tokens.canons)
        canons[lo:hi] = [f"\x00{side}{i}" for i in range(lo, hi)]  # no token of either text is spelt so
    if canons is None:
        return dt.tokens
    tokens = Tokens(dt.tokens.text)
    tokens.starts, tokens.ends, tokens.norms, tokens.styles = (dt.tokens.starts, dt.tokens.ends, dt.tokens.norms,
                                                               dt.tokens.styles)
    tokens.canons = canons
    return tokens


def _furniture_lines(b: DocTokens, hunks: list[Hunk]) -> None:
    """An inserted line of page furniture inside a paragraph (a scrape that kept "COMMERCIAL BREAK SCROLL TO
    CONTINUE READING" on a line of its own between two lines of the story) is furniture too."""
    text = b.doc.text
    for n, h in enumerate(hunks):
        if h.kind != "unmarked_insertion" or h.j1 >= h.j2:
            continue
        start, end = b.tokens.span(h.j1, h.j2)
        before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
        if before and not before.endswith("\n") or after and not after.startswith(("\n", "\r")):
            continue
        reason = furniture_reason(text[start:end], headline=h.region == REGIONS[HEADLINE])
        if reason:
            hunks[n] = Hunk(FURNITURE, h.i1, h.i2, h.j1, h.j2, h.region, h.in_quote, False, reason)


# How many items under a list heading are taken for its list (a list of links is a screenful).
_LIST_ITEMS = 15
# The words of a video player's label ("Now Playing:", "Recommended Video:", "Watch:"), and the most words of
# the video's title and description under it (a wire story's paragraph is a third of that).
_PLAYER_WORDS = ("playing", "video", "watch")
_PLAYER_TEXT_WORDS = 200


def _page_edges(a: DocTokens, b: DocTokens, aligned: list[Edit], hunks: list[Hunk]) -> None:
    """Short lines before the first and after the last aligned text are the page around the article
    (navigation, related headlines, section names), and so is a short line set among page furniture (a
    gallery's title between its captions): page furniture, on either side, in place."""
    first_j, last_j = min(e.j1 for e in aligned), max(e.j2 for e in aligned)
    first_i, last_i = min(e.i1 for e in aligned), max(e.i2 for e in aligned)
    # A headline is the republisher's to change (NL505), unless the original's headline is still there
    # further down and the page put a section name or the like in its place.
    headline_kept = bool(a.blocks) and a.blocks[0].kind == HEADLINE and any(
        e.tag == "equal" and e.i1 == 0 < e.j1 for e in aligned)
    # Whole blocks unaligned: (hunk, side, block, at the page's edge, a short line, a line a list of links
    # may hold).
    lines: list[tuple[int, DocTokens, int, bool, bool, bool]] = []
    for n, h in enumerate(hunks):
        if h.kind == "unmarked_insertion":
            dt, lo, hi, edge = b, h.j1, h.j2, h.j2 <= first_j or h.j1 >= last_j
        elif h.kind == "deletion":
            dt, lo, hi, edge = a, h.i1, h.i2, h.i2 <= first_i or h.i1 >= last_i
        else:
            continue
        k = dt.block[lo]
        span = dt.blocks[k]
        if dt.block_range(k) == (lo, hi) and (span.kind != HEADLINE or headline_kept):
            line = dt.doc.text[span.start:span.end]
            lines.append((n, dt, k, edge, is_short_line(line), is_list_item(line)))
    navigation = {(id(dt), k) for _, dt, k, edge, short, _ in lines if edge and short}

    def beside(dt: DocTokens, k: int, step: int) -> int:
        """The block next to block k on the side `step` gives, past blank lines (-1 or len: none)."""
        k += step
        while 0 <= k < len(dt.blocks) and dt.blocks[k].kind == BREAK:
            k += step
        return k

    def furniture_beside(dt: DocTokens, k: int, step: int) -> bool:
        # The headline counts as the page above: a kicker or section name between it and a caption ("South
        # Park Magazine") is set among the page's furniture.
        k = beside(dt, k, step)
        return (not 0 <= k < len(dt.blocks) or bool(dt.furniture[k]) or (id(dt), k) in navigation
                or (step < 0 and dt.blocks[k].kind == HEADLINE))

    def after_list_heading(dt: DocTokens, k: int) -> bool:
        # An item of a list of links under its heading, the short lines from the heading on ("Trending News",
        # then "De Blasio Interview"; "LATEST BUSINESS VIDEOS", then a video's title and its source's name
        # on each of ten lines).
        for _ in range(_LIST_ITEMS):
            k = beside(dt, k, -1)
            if k < 0:
                return False
            text = dt.doc.text[dt.blocks[k].start:dt.blocks[k].end]
            if dt.furniture[k] == WIDGET:
                return is_list_heading(text)
            if not is_list_item(text):
                return False
        return False

    def under_player(dt: DocTokens, k: int) -> bool:
        # A video's title and description between its player's label and the rest of its box ("Now
        # Playing:", then the video's text, then "Media: Wibbitz").
        before, after = beside(dt, k, -1), beside(dt, k, 1)
        if before < 0 or dt.furniture[before] != WIDGET or not furniture_beside(dt, k, 1):
            return False
        label = dt.doc.text[dt.blocks[before].start:dt.blocks[before].end].casefold()
        return any(word in label for word in _PLAYER_WORDS) and len(
            dt.doc.text[dt.blocks[k].start:dt.blocks[k].end].split(None, _PLAYER_TEXT_WORDS)) <= _PLAYER_TEXT_WORDS

    for n, dt, k, edge, short, item in lines:
        if item and ((short and (edge or (furniture_beside(dt, k, -1) and furniture_beside(dt, k, 1))))
                     or after_list_heading(dt, k)):
            reason = NAVIGATION
        elif under_player(dt, k):
            reason = CAPTION
        else:
            continue
        h = hunks[n]
        hunks[n] = Hunk(FURNITURE, h.i1, h.i2, h.j1, h.j2, h.region, h.in_quote, False, reason)


# The original is taken to stop short when the republished text after its end is at least this share of
# the republished article (furniture aside), or when its last paragraph stops in mid-sentence; and at
# least this many words follow. Unmarked text a republisher adds at the end is most often a paragraph or
# two, well under a third of the article, and the original's own last sentence is complete.
CUT_SHORT_SHARE = 1 / 3
CUT_SHORT_MIN_WORDS = 20
# Tokens of the original that may follow its last aligned text (a closing mark, half a cut word).
CUT_SHORT_TAIL = 3


def _original_cut_short(a: DocTokens, b: DocTokens, aligned: list[Edit], hunks: list[Hunk]) -> dict | None:
    """When the original ends before the republished article does (a truncated scrape, a short early
    version of a wire story), the republished text past its end was never compared: it is beyond the
    original, not an insertion. Returns where the original ends, or None when it does not stop short."""
    last_i, cut = max(e.i2 for e in aligned), max(e.j2 for e in aligned)
    furniture_a = a.furniture_blocks(last_i, len(a.tokens))
    if len(a.tokens) - last_i - sum(end - start for start, end, _ in furniture_a) > CUT_SHORT_TAIL:
        return None
    after = [n for n, h in enumerate(hunks) if h.j1 >= cut and h.kind in ("unmarked_insertion", "replacement")]
    words_after = sum(1 for n in after for j in range(hunks[n].j1, hunks[n].j2) if b.tokens.canons[j][0].isalnum())
    if words_after < CUT_SHORT_MIN_WORDS:
        return None
    furniture_words = sum(1 for h in hunks if h.kind == FURNITURE for j in range(h.j1, h.j2)
                          if b.tokens.canons[j][0].isalnum())
    article_words = sum(1 for c in b.tokens.canons if c[0].isalnum()) - furniture_words
    # The original's last paragraph that is not furniture: does it end a sentence?
    ends_sentence = True
    if last_i:
        k = a.block[last_i - 1]
        last_block = a.blocks[k]
        ends_sentence = not is_short_line(a.doc.text[last_block.start:last_block.end]) and \
            a.tokens.canons[min(a.block_range(k)[1], last_i) - 1] in SENTENCE_END | {'"', "'", ")"}
    if words_after < CUT_SHORT_SHARE * article_words and ends_sentence:
        return None
    for n in after:
        h = hunks[n]
        hunks[n] = Hunk(BEYOND_ORIGINAL, h.i1, h.i2, h.j1, h.j2, h.region, h.in_quote)
    start = b.tokens.starts[cut] if cut < len(b.tokens) else len(b.doc.text)
    loc = b.doc.location(start, start)
    why = "it looks cut short" if ends_sentence else "it stops in mid-sentence"
    return {"line": loc.line, "col": loc.col, "start": loc.start, "words_after": words_after, "why": why}


# --- Findings ----------------------------------------------------------------------------------------------

# A site's name after the page's title: " | Miami Herald", " - CBS News", " — The Guardian" (up to five words).
_SITE_NAME_RE = re.compile(r"\s+(?:\||[-–—]|::)\s+(?:[A-Z0-9][\w.&'’-]*\s*){1,5}$")


def _without_site_name(headline: str) -> str:
    return _SITE_NAME_RE.sub("", headline.strip())


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@functools.lru_cache(maxsize=8)
def _word_list(words: tuple[str, ...]):
    return patterns.compile_word_list(words)


def diff_rules(settings=None) -> dict:
    """The NL5xx rules enabled by `settings` (all of them without settings), by code."""
    all_rules = rules_module.load_rules(settings.extend if settings else ())
    if settings is not None:
        enabled = rules_module.resolve_selection(all_rules, settings)
    else:
        enabled = [r for r in all_rules if r.default]
    return {r.code: r for r in enabled if r.code in DIFF_CODES}


def diff_findings(result: DiffResult, *, settings=None, rules=None) -> list[Finding]:
    """NL501 altered quotation, NL502 unmarked insertion (and unmarked replacement of wire text), NL503
    deletion (a warning when it takes out an attribution or qualifier), NL504 moved text, NL505 headline."""
    rules = diff_rules(settings) if rules is None else rules
    b = result.republished
    path = b.doc.path or "-"
    if settings is not None:
        ignored = settings.ignored_for(b.doc.path)
        rules = {c: r for c, r in rules.items() if not any(rules_module.selector_matches(s, r) for s in ignored)}

    def options(code: str) -> dict:
        rule = rules[code]
        return rule.options_with(settings.options_for(code)) if settings is not None else dict(rule.options)

    def severity(code: str, default: str | None = None) -> str:
        rule = rules[code]
        base = default or rule.severity
        return settings.severity_of(code, base) if settings is not None else base

    attribution_words = DEFAULT_ATTRIBUTION_WORDS
    if DELETION in rules:
        attribution_words = tuple(options(DELETION).get("attribution-words", DEFAULT_ATTRIBUTION_WORDS))
    attribution = _word_list(tuple(attribution_words))
    a_text = result.original.doc.text
    findings: list[Finding] = []

    def emit(code: str, hunk: Hunk, message: str, sev: str | None = None, span: tuple[int, int] | None = None) -> None:
        if code not in rules:
            return
        start, end = span or result.text_span(hunk, "republished")
        loc = b.doc.location(start, end)
        text = b.doc.source.original[loc.start:loc.end]
        if not text:
            text = a_text[slice(*result.text_span(hunk, "original"))]
        rule = rules[code]
        text = text if len(text) <= 200 else text[:197] + "..."  # as the engine shortens it
        findings.append(Finding(path, loc.line, loc.col, code, loc.end_line, loc.end_col, loc.start, loc.end,
                                rule.name, severity(code, sev), message, text))

    headline_hunks = []
    for hunk in result.hunks:
        if hunk.kind in ("style", FURNITURE, BEYOND_ORIGINAL):
            continue
        old_text = a_text[slice(*result.text_span(hunk, "original"))]
        old = _clip(old_text)
        new = _clip(b.doc.text[slice(*result.text_span(hunk, "republished"))])
        if hunk.kind == "deletion":  # the whole of it: "…, according to officials." ends a long deletion
            hunk.attribution = bool(attribution.search(old_text))
        if hunk.region == "headline":
            headline_hunks.append(hunk)
            continue
        if hunk.alters_quote:
            what = {"replacement": f"“{old}” became “{new}”", "deletion": f"“{old}” was taken out",
                    "unmarked_insertion": f"“{new}” was added"}[hunk.kind]
            emit(ALTERED_QUOTATION, hunk, f"quotation altered: {what}")
        if hunk.kind == "unmarked_insertion":
            emit(UNMARKED_INSERTION, hunk, f"text added without a mark: “{new}”")
        elif hunk.kind == "replacement" and not hunk.alters_quote:
            emit(UNMARKED_INSERTION, hunk, f"wire text replaced without a mark: “{old}” became “{new}”")
        elif hunk.kind == "deletion":
            where = result.original.doc.location(*result.text_span(hunk, "original"))
            line, col = where.line, where.col
            if hunk.attribution:
                emit(DELETION, hunk, f"attribution or qualifier deleted (original {line}:{col}): “{old}”", "warning")
            else:
                emit(DELETION, hunk, f"deleted from the original ({line}:{col}): “{old}”")
        elif hunk.kind == "moved":
            line = result.original.doc.location(*result.text_span(hunk, "original")).line
            emit(MOVED_TEXT, hunk, f"moved from line {line} of the original: “{_clip(new, 60)}”")
    # A "headline" that is page furniture ("Purchase: Order Reprint", "e-mail" at the top of a scrape) is no
    # headline: a page scraped without its headline has none to compare, and changed none; nor has a
    # headline changed where either side has none (a scrape that lost it, a stored story without one).
    heads_b = [s for k, s in enumerate(b.blocks) if s.kind == HEADLINE and not b.furniture[k]]
    a_doc = result.original
    heads_a = [s for k, s in enumerate(a_doc.blocks) if s.kind == HEADLINE and not a_doc.furniture[k]]
    if headline_hunks and HEADLINE_CHANGED in rules and heads_a and heads_b:
        old_head = a_text[heads_a[0].start:heads_a[0].end]
        new_head = b.doc.text[heads_b[0].start:heads_b[0].end]
        # The page's title with the site's name after it ("… | Miami Herald", "… - CBS News") is the same
        # headline.
        if _without_site_name(old_head).casefold() != _without_site_name(new_head).casefold():
            emit(HEADLINE_CHANGED, headline_hunks[0], f"headline changed: “{_clip(old_head)}” became "
                 f"“{_clip(new_head)}”", span=(heads_b[0].start, heads_b[0].end))
    if settings is not None:
        suppressions = suppressions_module.find_suppressions(b.doc.source.original)
        if suppressions:
            findings = suppressions_module.apply_suppressions(findings, suppressions)
    findings.sort()
    return findings
