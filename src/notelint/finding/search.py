"""Find the stored stories an article derives from, and say how.

1. The article's own reporting text: its paragraphs less quotations, the republisher's marks (brackets,
   labelled notes, credits, datelines) and reader comments, and less blocks too short to be prose (menus,
   "Advertisement", bylines). Stories quoting the same statement or tweet share quotations, not this.
2. Candidates: the stories holding the article's fingerprints (shingles.py), less those held by many
   stories (agency furniture, boilerplate, stock phrases); the stories holding most of them first.
3. Each candidate is checked on the whole text: the share of the article's own shingles it holds, then the
   word alignment of the editorial-note diff (notelint's `align`), whose runs of shared words in order
   are the shared passages.
4. The decision:
   - a copy keeps the story's lead (the sentence its dateline opens, else its first sentence), and when
     the article has a dateline, the sentence the dateline opens is the story's; and most of the article's
     own text, or of the story, or of the stretch of the article between its first and last shared
     passage, is shared. An article whose own text, lead included, is nearly all in the story, in order,
     is a copy too;
   - a different version of the story (an agency update: the lead rewritten, the body kept) shares most
     of the article's own text, and most of the story's, or of the story's stretch from its first to its
     last shared passage (an article cut from an earlier version keeps only the top of it); an article
     nearly all in the story whose own lead is not is one too;
   - anything less (one shared background paragraph, a shared statement) is not a match.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .index import StoryIndex
from .shingles import SHINGLE_WORDS, WINDOW, as_sql, fingerprints, shingle_hashes, word_spans, words_of
from ..parsing.model import BRACKET_KINDS, LINK, PARAGRAPH, QUOTE, SOURCE, STANDFIRST, Document
from ..diffing.align import Tokens, blank_line_breaks, default_equivalences, sentence_starts, token_blocks, tokenize
from ..diffing.hunks import labelled_note_pattern

COPY, VERSION = "copy", "version"
VERSION_NOTE = "a different version of the stored story"
# A block with fewer words is page furniture or a byline, not reporting.
MIN_BLOCK_WORDS = 8
# A run of shared words shorter than this is a stock phrase, not a shared passage.
MIN_PASSAGE_WORDS = 6
# A fingerprint held by more stories than this is boilerplate: max(COMMON_MIN, stories / COMMON_PER).
COMMON_MIN = 10
COMMON_PER = 500
# Candidates checked on the whole text, and of those, aligned (at least as many as asked for).
CANDIDATES = 8
ALIGNED = 3
MIN_CONTAINMENT = 0.1
# The decision (see the module docstring).
LEAD_KEPT = 0.8
COPY_SHARE = 0.5
COPY_STRETCH = 0.7
MIN_SHARED_WORDS = 15
COPY_CONTAINED = 0.9
# Shared words a match on containment alone (or a version) needs: one shared background paragraph is less.
CONTAINED_WORDS = 40
VERSION_ARTICLE = 0.7
VERSION_STORY = 0.7

_MARKS = frozenset(BRACKET_KINDS - {LINK}) | {QUOTE, SOURCE}


@dataclass
class Passage:
    article: tuple[int, int]  # offsets in the article's text
    story: tuple[int, int]  # offsets in the stored story's text
    words: int


@dataclass
class Match:
    source: str
    kind: str
    score: float
    containment: float  # share of the article's own shingles the story holds
    aligned: float  # share of the article's own words in shared passages
    story_coverage: float  # share of the story's own words in shared passages
    lead_kept: bool
    passages: list[Passage] = field(default_factory=list)
    story_id: int = 0
    story_text: str = ""

    @property
    def note(self) -> str | None:
        return VERSION_NOTE if self.kind == VERSION else None


@dataclass
class Reporting:
    """A document's own reporting text: (start, end) pieces in text order, and where its lead sentence
    (the sentence a dateline opens, if any) starts."""

    pieces: list[tuple[int, int]]
    dateline_lead: int | None


def reporting_text(doc: Document, markers=()) -> Reporting:
    """The document's own reporting (step 1 of the module docstring) and where its dateline lead starts."""
    text = doc.text
    labelled = labelled_note_pattern(markers)
    pieces: list[tuple[int, int]] = []
    dateline_lead = None
    for block in doc.spans:
        if block.kind not in (PARAGRAPH, STANDFIRST):  # headline, credit line, comments, breaks
            continue
        if labelled.match(text, block.start, block.end) or _parenthesised(text[block.start:block.end]):
            continue
        if len(words_of(text[block.start:block.end])) < MIN_BLOCK_WORDS:
            continue
        cuts: list[tuple[int, int]] = []
        _collect_marks(block, cuts)
        pos = block.start
        for start, end in sorted(cuts):
            if start > pos:
                pieces.append((pos, start))
            pos = max(pos, end)
        if pos < block.end:
            pieces.append((pos, block.end))
        if dateline_lead is None:
            for child in block.children:
                if child.kind == SOURCE and child.attrs.get("dateline"):
                    dateline_lead = child.end
                    break
    return Reporting(pieces, dateline_lead)


def _collect_marks(span, out: list) -> None:
    for child in span.children:
        if child.kind in _MARKS and not child.attrs.get("turn"):
            out.append((child.start, child.end))
        else:
            # A transcript's turns are its speakers' words without marks: the transcript's own text, all of
            # it (a broadcast's whole page), not quotations set into reporting. Their own marks are cut.
            _collect_marks(child, out)


def _parenthesised(block: str) -> bool:
    """A paragraph set off whole in parentheses: "(This story has not been edited by ... staff.)"."""
    stripped = block.strip().rstrip(".")
    return stripped.startswith("(") and stripped.endswith(")") and stripped.find(")") == len(stripped) - 1


def own_shingles(doc: Document, reporting: Reporting) -> tuple[np.ndarray, np.ndarray]:
    """The shingles of the reporting pieces (none spanning two pieces: text left out would join them), and
    the ones to look up: each piece's fingerprints, or all its shingles when it is shorter than a window
    (its stored copy may sit in a window with other shingles, whose minimum is not one of these)."""
    parts, probes = [], []
    for a, b in reporting.pieces:
        hashes = shingle_hashes(words_of(doc.text[a:b]))
        parts.append(hashes)
        probes.append(fingerprints(hashes) if len(hashes) > WINDOW else hashes)
    if not parts:
        empty = np.zeros(0, dtype=np.uint64)
        return empty, empty
    return np.concatenate(parts), np.unique(np.concatenate(probes))


class _Side:
    """A text's tokens, which of them are its own reporting words, and where its sentences start."""

    def __init__(self, doc: Document, reporting: Reporting, equivalences) -> None:
        self.doc = doc
        self.tokens: Tokens = tokenize(doc.text, 0, doc.article_end, equivalences)
        self.breaks = blank_line_breaks(self.tokens)
        starts = [a for a, _ in reporting.pieces]
        mask = []
        for s, e, norm in zip(self.tokens.starts, self.tokens.ends, self.tokens.norms):
            k = bisect.bisect_right(starts, s) - 1
            mask.append(k >= 0 and e <= reporting.pieces[k][1] and norm[:1].isalnum())
        self.own = mask
        self.own_words = sum(mask)
        self.lead = self._lead(reporting)
        self.reporting = reporting
        self.neutral = [False] * len(self.tokens)
        self.dateline_lead = (self._sentence_at(reporting.dateline_lead)
                              if reporting.dateline_lead is not None else None)

    def mark_boilerplate(self, known: set[int], common: set[int]) -> None:
        """Take the words of text that many stored stories share out of the comparison: each word goes with
        the nearest looked-up shingle of its reporting piece, and is boilerplate when that one is common
        (fingerprints are at most WINDOW shingles apart, so every word has one nearby)."""
        if not common:
            return
        text = self.doc.text
        starts = self.tokens.starts
        for a, b in self.reporting.pieces:
            spans = word_spans(text, a, b)
            if not spans:
                continue
            hashes = as_sql(shingle_hashes(words_of(text[a:b])))
            labelled = [(k, h in common) for k, h in enumerate(hashes) if h in known]
            if not labelled or not any(flag for _, flag in labelled):
                continue
            positions = [k for k, _ in labelled]
            for w, (ws, we) in enumerate(spans):
                # Shingle k covers words k .. k + SHINGLE_WORDS - 1: compare with the word's middle.
                centre = w - (SHINGLE_WORDS - 1) / 2
                n = bisect.bisect_left(positions, centre)
                near = min((c for c in (n - 1, n) if 0 <= c < len(positions)), key=lambda c: abs(positions[c] - centre))
                if labelled[near][1]:
                    lo, hi = bisect.bisect_left(starts, ws), bisect.bisect_left(starts, we)
                    self.neutral[lo:hi] = [True] * (hi - lo)

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        starts = self.tokens.starts
        i = bisect.bisect_left(starts, offset)
        if i >= len(starts):
            return None
        sentences = sentence_starts(self.tokens, self.breaks)
        k = bisect.bisect_right(sentences, i)
        end = sentences[k] if k < len(sentences) else len(starts)
        return i, end

    def _lead(self, reporting: Reporting) -> tuple[int, int] | None:
        """The sentence a dateline opens, else the first sentence of the text's own reporting (a scraped
        page's first prose may be a photo caption; its dateline is where the story starts)."""
        if reporting.dateline_lead is not None:
            return self._sentence_at(reporting.dateline_lead)
        for i, own in enumerate(self.own):
            if own:
                return self._sentence_at(self.tokens.starts[i])
        return None


def _share(mask_covered: list[bool], own: list[bool], span: tuple[int, int] | None) -> float:
    if span is None:
        return 0.0
    lo, hi = span
    total = sum(own[lo:hi])
    return sum(c and o for c, o in zip(mask_covered[lo:hi], own[lo:hi])) / total if total else 0.0


def _stretch(covered: list[bool], own: list[bool]) -> float:
    """The share of own words shared between the first shared word and the last: what the text has in
    common with the other where it has anything (a cut text's missing end, page furniture around a copy
    and a rewritten lead do not count against it)."""
    first = next((i for i, (c, o) in enumerate(zip(covered, own)) if c and o), None)
    if first is None:
        return 0.0
    last = next(i for i in range(len(covered) - 1, -1, -1) if covered[i] and own[i])
    return _share(covered, own, (first, last + 1))


class Finder:
    """Searches one index for articles, one after another, with one set of parser options."""

    def __init__(self, index: StoryIndex, *, parse_text, equivalences=None, markers=()) -> None:
        self.index = index
        self.parse_text = parse_text  # (text, path) -> Document, with the user's parser options
        self.equivalences = equivalences or default_equivalences()
        self.markers = tuple(markers)
        stories = index.story_count()
        self.common = max(COMMON_MIN, stories // COMMON_PER)
        self.trace: list[dict] | None = None  # a list to collect each checked candidate's figures in

    def find(self, doc: Document, *, top: int = 3, exclude: frozenset[str] = frozenset()) -> list[Match]:
        reporting = reporting_text(doc, self.markers)
        own, probes = own_shingles(doc, reporting)
        if not len(own):
            return []
        hits: Counter = Counter()
        common: set[int] = set()
        looked_up = as_sql(probes)
        for shingle in looked_up:
            holders = self.index.stories_holding(shingle, self.common + 1)
            if len(holders) > self.common:
                common.add(shingle)
            else:
                hits.update(holders)
        # One shared fingerprint is enough only for an article too short to have more.
        least = 1 if len(looked_up) - len(common) <= 4 else 2
        own_set = set(as_sql(own))
        own_set.difference_update(common)
        scored = []
        wanted = max(CANDIDATES, top)
        for story_id, n in hits.most_common(wanted * 2):
            if n < least or len(scored) >= wanted:
                break
            source, text = self.index.story(story_id)
            if source in exclude:
                continue
            held = own_set.intersection(as_sql(shingle_hashes(words_of(text))))
            containment = len(held) / len(own_set) if own_set else 0.0
            if containment >= MIN_CONTAINMENT:
                scored.append((containment, story_id, source, text))
        scored.sort(key=lambda row: -row[0])
        if not scored:
            return []
        article = _Side(doc, reporting, self.equivalences)
        article.mark_boilerplate(set(looked_up), common)
        matches = []
        for containment, story_id, source, text in scored[:max(ALIGNED, top)]:
            match = self._decide(article, containment, story_id, source, text)
            if match is not None:
                matches.append(match)
        matches.sort(key=lambda m: (m.kind != COPY, -m.score))
        return matches[:top]

    def _decide(self, article: _Side, containment: float, story_id: int, source: str, text: str) -> Match | None:
        sdoc = self.parse_text(text, source)
        story = _Side(sdoc, reporting_text(sdoc, self.markers), self.equivalences)
        a_cov = [False] * len(article.tokens)
        s_cov = [False] * len(story.tokens)
        # Boilerplate words count neither way: they are taken out of both texts compared.
        a_own = [o and not x for o, x in zip(article.own, article.neutral)]
        s_own = list(story.own)
        passages = []
        for i, j, n in token_blocks(story.tokens, article.tokens, story.breaks, article.breaks):
            for k in range(n):
                if article.neutral[j + k]:
                    s_own[i + k] = False
            words = sum(1 for norm, x in zip(article.tokens.norms[j:j + n], article.neutral[j:j + n])
                        if norm[:1].isalnum() and not x)
            if words < MIN_PASSAGE_WORDS:
                continue
            a_cov[j:j + n] = [True] * n
            s_cov[i:i + n] = [True] * n
            passages.append(Passage(article.tokens.span(j, j + n), story.tokens.span(i, i + n), words))
        if not passages:
            return None
        article_words, story_words = sum(a_own), sum(s_own)
        shared = sum(c and o for c, o in zip(a_cov, a_own))
        aligned = shared / article_words if article_words else 0.0
        story_shared = sum(c and o for c, o in zip(s_cov, s_own))
        coverage = story_shared / story_words if story_words else 0.0
        stretch = _stretch(a_cov, a_own)
        story_stretch = _stretch(s_cov, s_own)
        lead_kept = _share(s_cov, s_own, story.lead) >= LEAD_KEPT and (
            article.dateline_lead is None or _share(a_cov, a_own, article.dateline_lead) >= LEAD_KEPT)
        if self.trace is not None:
            self.trace.append({"source": source, "containment": containment, "aligned": aligned, "coverage": coverage,
                               "stretch": stretch, "story_stretch": story_stretch, "lead_kept": lead_kept,
                               "shared": shared})
        kind = None
        if lead_kept and shared >= MIN_SHARED_WORDS and (
                aligned >= COPY_SHARE or coverage >= COPY_SHARE or stretch >= COPY_STRETCH):
            kind = COPY
        elif aligned >= COPY_CONTAINED and shared >= CONTAINED_WORDS:
            # The article is nearly all in the story, in order. With its own lead in the story too, it is a
            # cut of it (the story's lead may be a scraped page's caption); with a lead of its own, an update.
            kind = COPY if _share(a_cov, a_own, article.lead) >= LEAD_KEPT else VERSION
        elif aligned >= VERSION_ARTICLE and max(coverage, story_stretch) >= VERSION_STORY and shared >= CONTAINED_WORDS:
            kind = VERSION  # the story's stretch: an article cut from an earlier version keeps its top only
        if kind is None:
            return None
        score = round((aligned + stretch) / 2, 4)
        return Match(source, kind, score, round(containment, 4), round(aligned, 4), round(coverage, 4), lead_kept,
                     passages, story_id, text)
