"""The document builder: Source -> Document (the span tree).

Blocks come from the reader (Markdown, HTML) or from blank lines; the article's furniture (headline,
standfirst, credit line, reader comments) is recognised from block shape and wording; each block's
quotations and brackets come from the paragraph grammar (grammar.py) or, for bracket-free blocks, its
fast path (scan.py); brackets are then classified (brackets.py) and quotations attributed (attribution.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from . import attribution
from .brackets import classify_bracket, commentary_paragraph_label, is_post_transcript, read_parentheses
from ..collector import paused
from ..lazy_pattern import LazyPattern, regex
from ..values import FrozenValue
from .model import (BREAK, CLARIFICATION, COMMENTS, HEADLINE, INSERTION, PARAGRAPH, QUOTE, SOURCE, STANDFIRST, WIRE,
                    Document, Problem, Span)
from .quotemarks import (DOUBLE, SINGLE, canonical, curly_in_place, doubled_singles, primary_style,
                         single_candidates, single_may_open)
from .scan import (BRACKET, MAX_DEPTH, STRAY_BRACKET, STRAY_QUOTE, Node, mark_positions, scan_paragraph,
                   settled_by_rule)
from ..reading.source import LINE_BREAK, Source, plain_source
from .wire import WireNames, wire_names

# How many paragraphs without a quotation mark a quotation left open may run over to the paragraph that
# closes it (an excerpt scraped from a blockquote keeps its last closing mark only).
_CARRY_BLOCKS = 5
# Paragraphs denser than this in quote and bracket marks skip the grammar: the fast path gives the same
# tree (differential tests) and keeps adversarial input (thousands of marks in one paragraph) linear.
_GRAMMAR_MAX_MARKS = 64

# Where the reader comments begin: "1. Name says", "Leave a Reply", "12 Comments", ...
_COMMENTS_START = LazyPattern(regex.compile,
    r"""[ \t]*(?:
        \d{1,3}\.[ \t]+[^\n]{1,60}?[ \t]says:?(?=[ \t]*(?:\r|\n|$))
      | (?i:leave\ a\ (?:reply|comment)|\d+\ (?:comments?|responses?|replies)|comments?\ \(\d+\)
            |join\ the\ (?:discussion|conversation)|your\ email\ address\ will\ not\ be\ published\.?
            |(?:\d+\ )?thoughts?\ on\ [^\n]{1,120})
    )[ \t]*(?:\r|\n|$)""",
    regex.M | regex.X)
# A cheap test before the full pattern: how every alternative begins (digits and a "." or a word of the
# count, or "thoughts", "comment", "leave", "join", "your"), so the many paragraphs opening with "The",
# "Congress" or "10 people" skip it (and a wire story the regex module). The regex module's Unicode is
# newer than re's: the digits re does not know yet (Garay, ...) are all outside the BMP, so any such
# character stands for a digit (a test compares the two at every code point). re's IGNORECASE folds at
# least the letters regex's does (ſ to s, İ and ı to i, the Kelvin sign to k; a test checks every code
# point), so the words in any case are matched as regex matches them.
_COMMENTS_FIRST_CHARS = LazyPattern(re.compile,
    r"[ \t]*(?:[\d\U00010000-\U0010ffff]{1,3}\.[ \t]|[\d\U00010000-\U0010ffff]+ (?i:comment|respons|repl|thought)"
    r"|(?i:thought|comment|leave |join |your ))")
# A paragraph this long is the article's body (no page's count, label or byline runs to it).
_BODY_CHARS = 200
_COMMENT_COUNT = LazyPattern(re.compile,
    r"[ \t]*(?:(?P<n>\d+)[ \t]+(?i:comments?|responses?|replies)|(?i:comments?)[ \t]*\((?P<n2>\d+)\))[ \t]*$")
_LEAD_SEARCH_BLOCKS = 3  # how far after a comment count the story's lead is looked for
# How every credit line begins, before its pattern (and the regex module) is needed: "Source", "Credit",
# "Courtesy", "Via", "Originally", "Republished", "Copyright" in any case (folded as above), "©", "(c)",
# "(Reporting", "By". re's \s holds regex's. Whole words: a short paragraph opening "Congress", "Reuters"
# or "Vietnam" is no credit, nor a short lead "ROME (Reuters) -".
_CREDIT_FIRST_CHAR = LazyPattern(re.compile,
                                 r"\s*(?:(?i:source|credit|courtesy|via|originally|republished|copyright)|[(©]|By)")
# A copyright notice runs past a credit line's 200 characters with the terms of use after the holder.
_NOTICE_STARTS = ("Copyright", "COPYRIGHT", "©", "(c)")
_NOTICE_MAX_CHARS = 1000
# A dateline opening the lead: "BAGHDAD (AP) —" or "BAGHDAD:"; a lead that has one is not a standfirst.
# The regex module's \s spelt out (str.isspace's but \x1c-\x1f) for `re`: the same pattern.
_LEAD_DATELINE = LazyPattern(re.compile, r"^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[A-Z]"
                                         r"[A-Z .,’'-]{2,40}(?:\([^)\n]{1,30}\))?"
                                         r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?:[—–:]|--?)"
                                         r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# A dateline alone in its block, as pages set it apart from the lead: "NEW YORK", "HARBORVILLE, Maine —".
_DATELINE_ALONE = LazyPattern(re.compile, r"[ \t]*[A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+)*(?:,[ \t]+[A-Z][\w.]*"
                                          r"(?:[ \t]+[A-Z][\w.]*)*){0,2}[ \t]*(?:[—–:]|--?)?[ \t]*")
# Used with match(text, pos). White space as the regex module reads \s (str.isspace's but \x1c-\x1f), spelt
# out for `re`, which a wire story then needs no other module for.
_OPENING_QUOTE = LazyPattern(re.compile, r'[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[“"‘]')
_OPENING_QUOTE_OR_SINGLE = LazyPattern(re.compile,  # the same where single marks are primary
                                       r'[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[“"‘\']')
# The double quotation marks and brackets, as they stand in the text (quotemarks.canonical reads them).
_DOUBLES_AND_BRACKETS = '“”"[]'
# A headline does not end as a sentence or clause does: [.;,]\s*$ (the regex module's \s, these characters:
# str.isspace's but \x1c-\x1f), tested by stripping them (the search tried every position of the headline).
_HEADLINE_END = LazyPattern(regex.compile, r"[.;,]\s*$")
_REGEX_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class ParseOptions(FrozenValue):
    """What a user may configure about parsing (notelint.toml: editorial-markers, wire-services)."""

    editorial_markers: tuple[str, ...] = ()
    wire_services: tuple[str, ...] = ()

    def __init__(self, editorial_markers: tuple[str, ...] = (), wire_services: tuple[str, ...] = ()) -> None:
        # Written out: one is made for every document built.
        self.__dict__.update(editorial_markers=editorial_markers, wire_services=wire_services)




def parse_text(text: str, path: str | None = None, **options) -> Document:
    return build_document(plain_source(text, path), **options)


def build_document(source: Source, editorial_markers=(), wire_services=(), fast_path: bool = True,
                   compact: bool = False) -> Document:
    """Parse a Source. `fast_path=False` reads every block with the grammar alone (for differential tests).

    `compact`: leave out spans that no rule reads, for `check` (a third of a wire story's spans): the
    blank lines between blocks (BREAK), and the one wire child of a plain paragraph, which a paragraph
    without children stands for (Context.runs_of). `parse` and `diff` show every span."""
    builder = _Builder(source, ParseOptions(tuple(editorial_markers), tuple(wire_services)), fast_path, compact)
    # The span tree holds no reference cycles; pausing the cyclic collector while it is built saves
    # the repeated young-generation scans that thousands of new small objects trigger (~15%).
    with paused():
        return builder.build()


class _Builder:
    def __init__(self, source: Source, options: ParseOptions, fast_path: bool = True, compact: bool = False) -> None:
        self.source = source
        self.fast_path = fast_path
        self.compact = compact
        self.text = source.text
        self.options = options
        self.wire: WireNames = wire_names(options.wire_services)
        self.problems: list[Problem] = []
        self._body_blocks_seen = 0
        self._open_quotes: list[Span] = []
        self._furniture: frozenset[int] = frozenset()  # indices of the blocks that are page furniture
        self._blocks_seen: list[tuple[int, int, str]] = []
        self._carry_label: str | None = None  # a paragraph that was only a note's label names the next one
        self._turns: dict[int, tuple[int, str]] = {}  # a transcript's paragraphs: block start -> (words' start, speaker)
        # While open quotations are settled (_mark_continued_quotes): the closing marks with none open, by
        # position and in order, and where those lie that close a quotation carried on.
        self._strays: dict[int, Problem] | None = None
        self._stray_starts: list[int] | None = None
        self._forgiven: set[int] | None = None
        # Where the quote and bracket marks are, found once for the whole text: each block takes its
        # share by bisection (per block, five str.find chains cost more than the scan they start).
        self._marks = mark_positions(self.text, _DOUBLES_AND_BRACKETS)
        # Pairs of curly single marks printed for double ones (‘‘…’’) are double marks in every block.
        self._doubled = doubled_singles(self.text)
        if self._doubled:
            self._marks = sorted(self._marks + self._doubled)
        self.style = DOUBLE  # the body's primary quotation marks: see build
        self._singles: list[int] | None = None

    # -- blocks -------------------------------------------------------------------------------------
    def build(self) -> Document:
        text = self.text
        blocks = self._blocks(0, len(text))  # (start, end, role)
        # The comments' paragraphs are the text's own blocks from the first comment on (it starts one, and
        # a split from a block's start finds the same breaks): kept, not split again. A reader's blocks
        # hold the comments as one, and a directive line is left out of the article's blocks but not the
        # comments': those are split afresh.
        comment_blocks = None
        if "notelint:" in text:
            blocks = _without_directives(text, blocks)
        comments_start = self._comments_start(blocks)
        if comments_start is not None:
            kept = [b for b in blocks if b[0] < comments_start]
            if self.source.blocks is None and "notelint:" not in text:
                comment_blocks = blocks[len(kept):]
            blocks = kept
        roles = self._assign_roles(blocks)
        self._turns = transcript_turns(text, blocks, roles)
        # The primary quotation marks of the body, from the second block on (a headline quotes with
        # single marks in American copy too; it and the standfirst are read on their own). Where they
        # are single, every single mark may be structure and is found as the double ones are; elsewhere
        # single marks matter only inside a double quotation, and are looked for in blocks holding one.
        self.style = primary_style(text, blocks[1][0] if len(blocks) > 1 else 0)
        if self.style == SINGLE:
            self._singles = single_candidates(text)
        self._blocks_seen = blocks

        spans: list[Span] = []
        pos = 0
        breaks = not self.compact
        for (start, end, _), role in zip(blocks, roles):
            if start > pos and breaks:
                spans.append(Span(BREAK, pos, start, [], {}))
            spans.append(self._block_span(role, start, end))
            pos = end
        if comments_start is not None:
            if comments_start > pos and breaks:
                spans.append(Span(BREAK, pos, comments_start))
            spans.append(self._comments_span(comments_start, len(text), comment_blocks))
        elif len(text) > pos and breaks:
            spans.append(Span(BREAK, pos, len(text)))
        self._mark_continued_quotes(spans)
        problems = sorted(self.problems, key=lambda p: (p.start, p.code)) if self.problems else []  # most: none
        # A paragraph read by the grammar leaves pyparsing's reference cycles behind, which hold this frame
        # and the builder until the collector's next pass (grammar.py's, every 64 parses: the collector is
        # paused while a document is built), that is while the document is linted. The blocks and the mark
        # positions are let go here rather than with them (~7 MB of a 20 MB article).
        blocks = roles = kept = comment_blocks = None
        self._marks = self._blocks_seen = self._singles = self._doubled = None
        return Document(self.source, spans, problems)

    def _blocks(self, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.source.blocks is not None:
            return [b for b in self.source.blocks if b[2] != COMMENTS and b[0] < end]
        return self._split(start, end)

    def _split(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The text's blocks within [start, end): between blank lines, or one to a line in a page laid out one
        paragraph per line."""
        return (_split_lines if self.source.line_paragraphs else _split_blocks)(self.text, start, end)

    def _comments_start(self, blocks: list[tuple[int, int, str]]) -> int | None:
        """Where the reader comments begin: the first block (never the first) that opens like them. A count
        above the article's body (before any paragraph of _BODY_CHARS or more) that says "0 Comments", or
        that the story's dateline lead follows, is the link a page prints by its byline, not the comments'
        heading."""
        if self.source.blocks is not None:
            return next((b[0] for b in self.source.blocks if b[2] == COMMENTS), None)
        text = self.text
        body_begun = False
        for k, (start, end, _) in enumerate(blocks[1:], 1):
            if _COMMENTS_FIRST_CHARS.match(text, start) and _COMMENTS_START.match(text, start, end) and (
                    body_begun or not (count := _COMMENT_COUNT.match(text, start, end))
                    or not self._count_by_byline(count, blocks[k + 1:k + 1 + _LEAD_SEARCH_BLOCKS])):
                return start
            body_begun = body_begun or end - start >= _BODY_CHARS
        return None

    def _count_by_byline(self, count: re.Match, after: list[tuple[int, int, str]]) -> bool:
        """Whether a comment count is the one a page prints by its byline: "0 Comments" (none follow), or a count
        with the story's dateline lead a few blocks after it."""
        if (count.group("n") or count.group("n2")) == "0":
            return True
        text = self.text
        return any(_LEAD_DATELINE.match(text[s:e]) or self.wire.has_dateline(text[s:min(e, s + 120)]) for s, e, _ in after)

    def _assign_roles(self, blocks: list[tuple[int, int, str]]) -> list[str]:
        furniture = self._page_furniture(blocks) if self.source.blocks is None else ()
        if not furniture:
            return self._assign_article_roles(blocks)
        # The page's furniture (a timestamp, a byline, a job title) is set aside as a credit; headline,
        # standfirst and credit lines are told among the other blocks as if it were not there.
        self._furniture = furniture
        rest = [i for i in range(len(blocks)) if i not in furniture]
        roles = [SOURCE] * len(blocks)
        for i, role in zip(rest, self._assign_article_roles([blocks[i] for i in rest])):
            roles[i] = role
        return roles

    def _page_furniture(self, blocks: list[tuple[int, int, str]]) -> frozenset[int]:
        """Blocks of a plain-text page's top that are furniture: before the first long block, among the
        first few, the ones that are a timestamp, a byline or a job title."""
        found = []
        text = self.text
        for i, (start, end, _) in enumerate(blocks[:_FURNITURE_BLOCKS]):
            if end - start > _FURNITURE_MAX_CHARS:
                break
            if is_page_furniture(text[start:end]):
                found.append(i)
        if (found and found[0] == 1 and blocks[0][1] - blocks[0][0] <= 40
                and _MASTHEAD.fullmatch(text, blocks[0][0], blocks[0][1])):
            # The outlet's name above its page's furniture ("CBS News", then "AP June 1, 2018, 10:35 PM"):
            # the headline is the first block after them, if there is one to be.
            after = next((k for k in range(2, min(len(blocks), _FURNITURE_BLOCKS)) if k not in found), None)
            if after is not None and _could_head(text[blocks[after][0]:blocks[after][1]]):
                found.insert(0, 0)
        return frozenset(found) if len(found) < len(blocks) else frozenset()

    def _assign_article_roles(self, blocks: list[tuple[int, int, str]]) -> list[str]:
        text = self.text
        roles = [PARAGRAPH] * len(blocks)
        credit_line = self.wire.credit_line
        for i, (start, end, _) in enumerate(blocks[1:], 1):
            if (0 < end - start <= (_NOTICE_MAX_CHARS if text.startswith(_NOTICE_STARTS, start) else 200)
                    and _CREDIT_FIRST_CHAR.match(text, start) and credit_line.match(text, start, end)):
                roles[i] = SOURCE
        if not blocks:
            return roles
        first_start, first_end, first_role = blocks[0]
        first = text[first_start:first_end]
        if first_role == "heading" or (
            len(blocks) > 1 and first_role != "paragraph" and len(first) <= 250 and "\n" not in first.strip()
            # A block ending in a colon introduces what follows it ("TERRY GROSS, HOST:" under a page's
            # "Email" link, "Further jokes included:"): no headline.
            and not first.rstrip(_REGEX_SPACE).endswith((".", ";", ",", ":")) and not _OPENING_QUOTE.match(first)
            and not self.wire.has_dateline(first)
        ):
            roles[0] = HEADLINE
        if roles[0] == HEADLINE:
            for i in self._standfirst_blocks(blocks, roles):
                roles[i] = STANDFIRST
        return roles

    def _standfirst_blocks(self, blocks, roles) -> list[int]:
        """The republisher's dek: a short block between headline and a longer lead."""
        if self.source.blocks is not None:  # only a reader's blocks come with roles, "standfirst" among them
            given = [i for i in range(1, len(blocks)) if roles[i] == PARAGRAPH and blocks[i][2] == "standfirst"]
            if given:
                return given
        # Block 1 and two more are paragraphs (roles[0] is the headline): told by counting, and the dek's
        # length by its offsets, as most deks are longer than 300 (no list of the body, no slices to measure).
        if roles.count(PARAGRAPH) < 3 or roles[1] != PARAGRAPH or blocks[1][1] - blocks[1][0] > 300:
            return []
        text = self.text
        dek = text[blocks[1][0]:blocks[1][1]]
        if _LEAD_DATELINE.match(dek) or self.wire.has_dateline(dek):  # most: block 1 is a wire lead
            return []
        if _DATELINE_ALONE.fullmatch(dek):
            return []  # "NEW YORK" or "HARBORVILLE, Maine" on a line of its own: the lead's dateline set apart
        lead_start, lead_end, _ = blocks[roles.index(PARAGRAPH, 2)]
        lead = text[lead_start:lead_end]
        if _LEAD_DATELINE.match(lead) or self.wire.has_dateline(lead) or len(dek) < 0.6 * len(lead):
            return [1]
        # A wire lead is one sentence; a dek of several short unattributed sentences before it is the
        # republisher's ("They've been told directly to knock it off. They don't care.").
        if (_sentence_count(dek) >= 2 and _sentence_count(lead) == 1 and not _ATTRIBUTION.search(dek)
                and not _OPENING_QUOTE.match(dek)):
            return [1]
        return []

    # -- one block ----------------------------------------------------------------------------------
    def _block_span(self, role: str, start: int, end: int) -> Span:
        text = self.text
        if role == SOURCE and start in self._furniture_starts():
            return Span(role, start, end, attrs={"service": self.wire.service_named(text[start:end]), "credit": None,
                                                 "furniture": True})
        if role == SOURCE:
            match = self.wire.credit_line.match(text, start, end)
            credit = match.group("credit") if match else None
            return Span(role, start, end, attrs={"service": self.wire.service_named(text[start:end]), "credit": credit})
        # Spans are made with their empty children and attrs given: cheaper than the dataclass's factories.
        self._body_blocks_seen += role == PARAGRAPH
        # The block's quote and bracket marks, found once: the plain-paragraph test and _inline_spans use them.
        style = self.style if role == PARAGRAPH else primary_style(self.text, start, end, self.style)
        marks, singles = self._block_marks(start, end, style)
        if role == PARAGRAPH and (post := _embedded_post(text, start, end)) is not None:
            # Before the note labels: a post may open with one of its own ("Update: Service has been restored.
            # … — Support (@Help) June 7, 2024"), and it is its author's, not the page's.
            self._carry_label = None
            return self._post_span(start, end, *post)
        if role in (PARAGRAPH, STANDFIRST) and (label := self._commentary_label(start, end)):
            return Span(role, start, end, [Span(INSERTION, start, end,
                                                self._inline_spans(start, end, marks, with_wire=False,
                                                                   style=style, singles=singles),
                                                {"in_quote": False, "label": label})], {})
        if self._turns and (turn := self._turns.get(start)) is not None:
            return self._turn_span(role, start, end, *turn)
        if (self.fast_path and role == PARAGRAPH and self._body_blocks_seen > 2 and not marks
                and (text.find("(", start, end) == -1 or not any(self._parentheses(text[start:end], True)))):
            # Plain reporting, perhaps with parentheses but no editor's note or editing mark in them: nothing
            # to find (the rare paragraph with one has it looked for again by _inline_spans). Compact: its one wire
            # child left out, as a paragraph without children is all reporting (Context.runs_of).
            if self.compact:
                return Span(role, start, end)
            return Span(role, start, end, [Span(WIRE, start, end, [], {})], {})
        # The writer's asides are looked for in a standfirst too: it is the writer's own prose, and on a blog
        # the first paragraph often reads as one ("… arrests “rose modestly” in the first quarter. (Modestly: 41
        # percent, per the police department's own figures.)").
        return Span(role, start, end, self._inline_spans(start, end, marks, with_wire=(role == PARAGRAPH),
                                                         lead=role == PARAGRAPH and self._body_blocks_seen <= 2,
                                                         style=style, singles=singles,
                                                         asides=role in (PARAGRAPH, STANDFIRST)), {})

    def _turn_span(self, role: str, start: int, end: int, words: int, speaker: str) -> Span:
        """A paragraph of a transcript (see transcript_turns): its speaker's label, if it has one, is the
        transcript's own text (wire), and the words from `words` on are a quotation without marks, the
        speaker's. Their own quotations and brackets are read inside it, as in any quotation."""
        if words == end:  # the label alone ("TERRY GROSS, HOST:"): the words follow in the next paragraph
            return Span(role, start, end, [Span(WIRE, start, end)], {})
        turn = self._unmarked_quote(words, end, {"closed": True, "speaker": speaker, "verb": ":", "turn": True})
        return Span(role, start, end, fill_gaps([turn], start, end, WIRE) if words > start else [turn], {})

    def _unmarked_quote(self, start: int, end: int, attrs: dict) -> Span:
        """A quotation without marks over [start, end) (a transcript's turn, an embedded post): its own
        quotations and brackets are read inside it, as in any quotation."""
        marks, singles = self._block_marks(start, end, self.style)
        inner = self._inline_spans(start, end, marks, with_wire=False, singles=singles, asides=False, in_quote=True)
        return Span(QUOTE, start, end, inner, attrs)

    def _post_span(self, start: int, end: int, words: int, words_end: int, author: str) -> Span:
        """A paragraph ending in a post embedded from a social network (see _embedded_post): the post's words
        from `words` to `words_end` are a quotation, its author's, read as a transcript's turn is; the
        paragraph's lines before it and the signature after it are the page's."""
        post = self._unmarked_quote(words, words_end, {"closed": True, "speaker": author, "verb": "—"})
        children = []
        if words > start:
            marks, singles = self._block_marks(start, words, self.style)
            children = self._inline_spans(start, words, marks, with_wire=True, style=self.style, singles=singles)
        return Span(PARAGRAPH, start, end, fill_gaps(children + [post], start, end, WIRE), {})

    def _block_marks(self, start: int, end: int, style: str) -> tuple[list[int], bool]:
        """Where the block's quotation marks and brackets are, and whether its single marks are among
        them: where they may be structure (single primaries, or a double quotation holding a mark that
        may open a single one; most wire paragraphs have none, and their apostrophes are not looked at)."""
        marks = _positions_in(self._marks, start, end)
        # (A line break first: memchr finds none in most blocks, a wire story's long paragraphs among them.)
        if marks and self.text.find("\n", start, end) != -1 and self.text.find("\n“", start, end) != -1:
            marks = _without_line_reopenings(self.text, marks)
        if style == SINGLE and self._singles is not None:
            singles = _positions_in(self._singles, start, end)
        elif style == SINGLE or (marks and single_may_open(self.text, start, end)):
            singles = single_candidates(self.text, start, end)
        else:
            return marks, False
        if singles and self._doubled:  # the pairs' marks are among both
            return sorted(set(marks).union(singles)), True
        return (sorted(marks + singles) if singles else marks), True

    def _inline_spans(self, start: int, end: int, marks: list[int], with_wire: bool, lead: bool = False,
                      style: str | None = None, singles: bool = True, asides: bool | None = None,
                      in_quote: bool = False) -> list[Span]:
        """The spans inside the block [start, end); `marks` are where its quote and bracket marks are
        (its single marks among them if `singles`). `style` is the block's primary quotation marks (the
        body's when not given). `in_quote`: [start, end) is a quotation's words (a transcript's turn), so
        its brackets are read as a quotation's."""
        text = self.text
        chunk = text[start:end]
        direct = self._curly_quote_spans(start, end, marks) if self.fast_path and marks and not singles else None
        if direct is not None:
            children = direct
            quotes = bool(direct)  # every span it makes is a quotation
        else:
            singles_at_top = (style or self.style) == SINGLE
            # The structure is read from the marks' roles (same offsets); the text itself from the chunk.
            roles, role_marks = (canonical(chunk, [pos - start for pos in marks], singles)
                                 if marks or not self.fast_path else (chunk, []))
            if not self.fast_path:
                nodes = _parse_paragraph(roles, role_marks, len(roles), singles_at_top)
            else:
                nodes = scan_paragraph(roles, role_marks, singles_at_top) if role_marks else []
                if nodes and ("[" in chunk or "]" in chunk):
                    nodes = [self._by_grammar(node, roles, role_marks, singles_at_top) for node in nodes]
            if nodes and nodes[-1].kind == QUOTE and not nodes[-1].closed:  # an unclosed one is always last
                nodes = _end_at_attribution(_end_at_reopening(nodes, roles, chunk), roles, chunk)
            children = []
            quotes = False
            for node in nodes:
                span = self._node_span(node, start, chunk, in_quote)
                if span is not None:
                    children.append(span)
                    quotes = quotes or span.kind == QUOTE
        if lead:
            children = self._add_datelines(children, start, end)
        if "(" in chunk:
            # The writer's unlabelled asides are looked for in the article's paragraphs and standfirst (not in
            # headlines or reader comments, where parentheses are everybody's).
            children = self._add_editor_notes(children, start, chunk, asides=with_wire if asides is None else asides)
        if with_wire:
            children = fill_gaps(children, start, end, WIRE)
        if quotes:  # only _node_span makes quotations; the steps between keep them as children
            found = [child for child in children if child.kind == QUOTE]
            for child in found:
                attribution.attribute(child, text, start, end)
            if len(found) > 1:
                attribution.carry_speakers(found, text)
        return children

    def _curly_quote_spans(self, start: int, end: int, marks: list[int]) -> list[Span] | None:
        """The spans of a block whose marks (at `marks`, no single ones among them) are all curly double
        marks where their glyphs say (quotemarks.curly_in_place), read in one pass: what canonical,
        scan_paragraph and _node_span make of them, without the role text and Node tree between (the
        marks of most edited copy; its strays are reported as _node_span reports them). None when a mark
        is anything else: the block is read the long way.

        With only double quotations, a ” closes the innermost open one or, with none open, is a stray;
        a “ past MAX_DEPTH is text; those still open at the block's end end there, unclosed (reported
        once continuation is known, as _node_span leaves them: innermost first)."""
        text = self.text
        if not curly_in_place(text, marks, start, brackets=False, end=end):  # before anything is made
            return None
        roots: list[Span] = []
        opened: list[int] = []  # the open quotations' starts, innermost last
        inside: list[list[Span]] = []  # and the spans found inside each
        strays: list[Problem] = []
        reopened = False  # whether a quotation opened a sentence inside another (see _end_at_reopening)
        for pos in marks:
            if text[pos] == "“":
                if opened and not reopened:
                    reopened = _opens_sentence(text, pos, opened[-1] + 1)
                if len(opened) < MAX_DEPTH:
                    opened.append(pos)
                    inside.append([])
            elif opened:
                span = Span(QUOTE, opened.pop(), pos + 1, inside.pop(), {"closed": True})
                (inside[-1] if inside else roots).append(span)
            else:
                strays.append(Problem("NL401", pos, pos + 1, "closing quotation mark with no opening mark"))
        if opened and (reopened or _ATTRIBUTION_AFTER_COMMA.search(text, opened[0], end) is not None):
            # One left open that another reopened inside, or with its attribution inside: read the long way,
            # which ends it there (_end_at_reopening, _end_at_attribution).
            return None
        self.problems.extend(strays)
        while opened:
            quote_start = opened.pop()
            span = Span(QUOTE, quote_start, end, inside.pop(), {"closed": False, "open_at": quote_start})
            self._open_quotes.append(span)
            (inside[-1] if inside else roots).append(span)
        return roots

    @staticmethod
    def _by_grammar(node: Node, chunk: str, marks: list[int], singles_at_top: bool) -> Node:
        """Let the grammar (the format's definition) settle a top-level construct holding a bracket whose
        reading took one of the format's resolution rules: a stray, a construct ended by an enclosing
        one's closing mark (the bracket in [“…] ends the quotation), a mismatched pair.

        Everything else keeps the scanner's tree: where every mark met its own partner, (“We back [the
        bank] fully”, [it can’t be a “response”]), that tree is the only reading the marks have, and the
        differential tests hold the two readers equal on all input. Such nesting is common in commentary
        and sparing it spares a run ~50 ms of importing pyparsing and building the grammar. A region dense
        in marks keeps the scanner's reading too: its skeleton is a shape of its own, which the grammar
        would parse (~50 µs a construct) for no other paragraph.
        """
        if node.kind not in (QUOTE, BRACKET) or (chunk.find("[", node.start, node.end) == -1
                                                 and chunk.find("]", node.start, node.end) == -1):
            return node
        if not settled_by_rule(node, chunk):
            return node
        region = _positions_in(marks, node.start, node.end)
        if len(region) > _GRAMMAR_MAX_MARKS:
            return node
        (parsed,) = _parse_paragraph(chunk, region, node.end, singles_at_top)
        return parsed

    def _node_span(self, node: Node, base: int, chunk: str, in_quote: bool, in_quote_node: bool = False) -> Span | None:
        start, end = base + node.start, base + node.end
        if node.kind == STRAY_QUOTE:
            self.problems.append(Problem("NL401", start, end, "closing quotation mark with no opening mark"))
            return None
        if node.kind == STRAY_BRACKET:
            self.problems.append(Problem("NL402", start, end, "closing bracket with no opening bracket"))
            return None
        children = []
        if node.children:
            inner_quote = in_quote or node.kind == QUOTE
            for child in node.children:
                span = self._node_span(child, base, chunk, inner_quote, node.kind == QUOTE)
                if span is not None:
                    children.append(span)
        if node.kind == BRACKET:
            if not node.closed:
                self.problems.append(Problem("NL402", start, start + 1,
                                             "bracket opened here is not closed before the paragraph ends"))
            inner = chunk[node.start + 1:node.end - (1 if node.closed else 0)]
            if len(inner) > 2000:  # real brackets are short; bound the classifier's work on garbage
                inner = inner[:1000] + " … " + inner[-1000:]
            kind, label = classify_bracket(inner, in_quote=in_quote, before=chunk[max(0, node.start - 200):node.start],
                                           after=chunk[node.end:node.end + 200],
                                           markers=self.options.editorial_markers, closed=node.closed)
            attrs = {"in_quote": in_quote}
            if label:
                attrs["label"] = label
            if not node.closed:
                attrs["closed"] = False
            return Span(kind, start, end, children, attrs)
        if node.closed:
            return Span(QUOTE, start, end, children, {"closed": True})
        if in_quote_node and node.end < len(chunk):
            # Ended by the closing mark of the quotation around it (“… ‘Mr Rosenstein, we …”): the
            # writer let the outer mark close both, which is no stray.
            return Span(QUOTE, start, end, children, {"closed": False})
        if (early := _ENDED_EARLY.get(type(node))) is not None:  # its closing mark is missing: ended inside
            self.problems.append(Problem("NL401", start, start + 1, early))
            return Span(QUOTE, start, end, children, {"closed": False})
        # NL401 is decided once continuation across paragraphs is known.
        span = Span(QUOTE, start, end, children, {"closed": False, "open_at": start})
        self._open_quotes.append(span)
        return span

    def _add_datelines(self, children: list[Span], start: int, end: int) -> list[Span]:
        stop = min(end, start + 300)
        found = []
        for found_start, found_end in self.wire.datelines(self.text, start, stop):
            # The children are in order and do not overlap: only those starting before the dateline's end
            # can overlap it (most leads' quotations come after it).
            overlaps = False
            for child in children:
                if child.start >= found_end:
                    break
                if found_start < child.end:
                    overlaps = True
                    break
            if overlaps:
                continue
            found.append(Span(SOURCE, found_start, found_end,
                              attrs={"service": self.wire.dateline_service(self.text[found_start:found_end]),
                                     "dateline": True}))
        if not found:
            return children
        for span in found:  # in order; each after the children that start where it starts or before
            children.insert(bisect_right(children, span.start, key=_start), span)
        return children

    def _furniture_starts(self) -> set[int]:
        return {self._blocks_seen[i][0] for i in self._furniture}

    def _parentheses(self, chunk: str, asides: bool, quoted=()) -> tuple[list, list]:
        """The notes (and, with `asides`, the asides) and the editing marks in the parentheses of `chunk`."""
        # A transcript of posts is all quoted words: only labelled notes are looked for there.
        if asides and is_post_transcript(chunk):
            asides = False
        return read_parentheses(chunk, self.options.editorial_markers, asides=asides, quoted=quoted)

    def _commentary_label(self, start: int, end: int) -> str | None:
        """The label of a paragraph that is a note of the republisher's ("Editorial comment: ...",
        "Webmaster's Commentary:", a blogger's "Yves here." introduction), else None. A paragraph that is
        only its label makes the next paragraph the note."""
        carried, self._carry_label = self._carry_label, None
        label = commentary_paragraph_label(self.text, start, end, self.options.editorial_markers,
                                           intro=self._body_blocks_seen <= 3)
        if label is not None:
            if label.endswith(":"):  # the label alone: its note is the next paragraph
                label = label[:-1]
                self._carry_label = label
            return label
        return carried

    def _add_editor_notes(self, children: list[Span], start: int, chunk: str, asides: bool = False) -> list[Span]:
        """Notes in parentheses in `chunk`, the block's text from `start`: labelled ones and, with `asides`,
        the writer's unlabelled asides outside its quotations."""
        # No aside is looked for inside a quotation (the speaker's words) nor inside a dateline: its
        # parenthesis names the wire service ("WASHINGTON (Reuters) -"), and a note found there would
        # straddle the dateline and be dropped below. Every wire lead has one; its test cost ~2% of a story.
        quoted = [(c.start - start, c.end - start) for c in children if c.kind == QUOTE or c.kind == SOURCE] \
            if asides else ()
        notes, marks = self._parentheses(chunk, asides, quoted)
        spans = [Span(INSERTION, start + note_start, start + note_end,
                      attrs={"in_quote": False, "label": label} if label else {"in_quote": False})
                 for note_start, note_end, label in notes]
        spans += [Span(CLARIFICATION, start + mark_start, start + mark_end, attrs={"in_quote": False})
                  for mark_start, mark_end in marks]
        for span in sorted(spans, key=_start):
            children = _placed(children, span) or children
        return children

    def _comments_span(self, start: int, end: int, blocks: list[tuple[int, int, str]] | None = None) -> Span:
        """The reader comments from `start`: their paragraphs are `blocks` if given (the text's split from
        `start` on), else split here."""
        paragraphs = []
        for block_start, block_end, _ in self._split(start, end) if blocks is None else blocks:
            marks, singles = self._block_marks(block_start, block_end, self.style)
            paragraphs.append(Span(PARAGRAPH, block_start, block_end,
                                   self._inline_spans(block_start, block_end, marks, with_wire=True,
                                                      singles=singles, asides=False)))
        return Span(COMMENTS, start, end, paragraphs)

    def _mark_continued_quotes(self, spans: list[Span]) -> None:
        """Report each unclosed quotation (NL401), except one carried into the next paragraph.

        A quotation continued over paragraphs leaves each paragraph open and reopens the next with a
        quote mark. An unclosed top-level quotation always runs to its block's end, so it is last.
        """
        if not self._open_quotes:
            return
        blocks = [s for s in spans if s.kind in (HEADLINE, STANDFIRST, PARAGRAPH)]
        for s in spans:
            if s.kind == COMMENTS:
                blocks.extend(s.children)
        # Where each block that ends in an open quotation stands, to find the block after it. Only those
        # blocks: maps of every block (to the next one, from its last child) were the peak of memory of a
        # 20 MB article's parse (~10 MB).
        open_ids = {id(quote) for quote in self._open_quotes}
        ending_open = {id(block.children[-1]): i for i, block in enumerate(blocks)
                       if block.children and id(block.children[-1]) in open_ids}
        last = len(blocks) - 1
        opening = _OPENING_QUOTE_OR_SINGLE if self.style == SINGLE else _OPENING_QUOTE
        # The closing marks with none open (every NL401 so far: an unclosed quotation is reported below), by
        # position, looked up by bisection: a walk of every problem for each open quotation, and a list
        # removal for each stray forgiven, made an article of many open quotations quadratic.
        self._strays = {p.start: p for p in self.problems if p.code == "NL401"}
        self._stray_starts = sorted(self._strays)
        self._forgiven = set()  # where the strays lie that close a quotation carried on (not reported)
        for quote in self._open_quotes:
            opened = quote.attrs.pop("open_at")
            i = ending_open.get(id(quote))
            nxt = blocks[i + 1] if i is not None and i < last else None
            if nxt is not None and self._link_line(nxt):
                # A promo or related-links line scraped into the middle of a quotation ("SEVEN KEY
                # TAKEAWAYS FROM …"): the quotation carries on in the block after it.
                i += 1
                nxt = blocks[i + 1] if i < last else None
            if nxt is not None and opening.match(self.text, nxt.start, nxt.end):
                quote.attrs["continues"] = True
            elif nxt is not None and (stray := self._closing_stray_ahead(blocks, i + 1)) is not None:
                # A later paragraph carries the quotation on without reopening it and closes it: its first
                # quotation mark closes, with none open. The next one, or one after up to _CARRY_BLOCKS
                # without any quotation mark (a blockquoted excerpt scraped as plain paragraphs keeps its
                # last closing mark only). One slip (reopening marks left out), so neither mark is reported.
                quote.attrs["continues"] = True
                self._forgiven.add(stray.start)
            else:
                self.problems.append(Problem("NL401", opened, opened + 1,
                                             "quotation opened here is not closed before the paragraph ends"))
        if self._forgiven:
            self.problems = [p for p in self.problems if not (p.code == "NL401" and p.start in self._forgiven
                                                              and p is self._strays.get(p.start))]
        self._strays = self._stray_starts = self._forgiven = None

    def _closing_stray_ahead(self, blocks: list[Span], first: int) -> Problem | None:
        """The NL401 of the leading stray closing mark of the first block from `first` on that holds a
        quotation mark, when at most _CARRY_BLOCKS blocks before it hold none (no quotation, no stray)."""
        j = first
        while j < len(blocks) and j - first <= _CARRY_BLOCKS and self._quote_free(blocks[j]):
            j += 1
        if j == len(blocks) or j - first > _CARRY_BLOCKS:
            return None
        return self._leading_stray_closer(blocks[j])

    def _first_stray(self, start: int, end: int, skip: set[int] | frozenset = frozenset()) -> int | None:
        """Where the first closing mark with none open lies in [start, end), passing over those in `skip`."""
        starts = self._stray_starts
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if starts[i] not in skip:
                return starts[i]
            i += 1
        return None

    def _quote_free(self, block: Span) -> bool:
        """Whether a block holds no quotation and no quotation mark reported as a stray."""
        return (all(child.kind != QUOTE for child in block.children)
                and self._first_stray(block.start, block.end) is None)

    def _link_line(self, block: Span) -> bool:
        """A short line with no quotation and no sentence end: a heading, promo or link line."""
        return (block.end - block.start <= 150 and all(child.kind != QUOTE for child in block.children)
                and not self.text[block.start:block.end].rstrip().endswith((".", "!", "?", ":", ",", '"', "”", "’", "'"))
                and "\n" not in self.text[block.start:block.end])

    def _leading_stray_closer(self, block: Span) -> Problem | None:
        """The NL401 of a closing double mark with none open, when it is the block's first quotation mark
        (passing over those that close a quotation carried on already)."""
        if any(child.kind == QUOTE for child in block.children) and block.children[0].kind == QUOTE:
            return None
        first_quote = next((c.start for c in block.children if c.kind == QUOTE), block.end)
        at = self._first_stray(block.start, min(block.end, first_quote), self._forgiven)
        return self._strays[at] if at is not None else None


_ATTRIBUTION = LazyPattern(regex.compile, r"\b(?:said|says|according to|told reporters|told the)\b")  # reporting, not a dek


# A transcript's speaker label opening a paragraph: an upper-case name of one to four words ("GROSS",
# "ADAM LIPTAK", "SEN. ELIZABETH WARREN (D-MASS.)", "Q"), perhaps with an upper-case role ("TERRY GROSS, HOST"),
# and a colon; or no colon but a no-break space, where the label was set in bold and the page's markup
# kept only the space after it ("MARC STEINER\xa0Welcome to The Real News Network.").
_TURN_LABEL = LazyPattern(re.compile,
    r"[ \t]*(?P<name>(?:[A-Z][A-Z.'’-]*[ \t]+){0,3}[A-Z][A-Z.'’-]*)(?:[ \t]*\([^()\n]{1,30}\))?"
    r"(?:,[ \t]*[A-Z][A-Z.'’ -]{0,40}?)?(?::(?=[ \t\r\n]|$)|\xa0)")
# A label in title case, as print Q&As and some transcripts set them ("Questioner:", "Mary Magdalene:",
# "Steven Rosenfeld:"): one to three capitalised words. Headings have the same shape ("Senate Review:",
# "Photo:"), so these labels need more of the words after them (_sentence_case) and are looked for only
# where upper-case ones make no dialogue.
_TITLE_TURN_LABEL = LazyPattern(re.compile,
                                r"[ \t]*(?P<name>(?:[A-Z][a-z’'.-]+[ \t]+){0,2}[A-Z][a-z’'.-]+):(?=[ \t])")
# The longest such label with its colon (three long words), from the start of its line.
_TITLE_LABEL_CHARS = 40
# The small words a title-case heading leaves in lower case ("No Evidence Of A “Stand Down” Order" has none,
# "Obama Administration Engaged in Cover-Up" only these); a speaker's sentence has others.
_TITLE_SMALL_WORDS = frozenset("a an the and but or nor for of to in on at by with from as vs via per".split())
# Upper-case labels that head something other than a speaker's words.
_NOT_SPEAKERS = attribution.HEADING_LABELS
# A transcript is a dialogue: at least this many turns, by two speakers or more, one of them speaking again
# after another did, and at least this share of the paragraphs from the first turn to the last open a turn
# (a newsletter's upper-case headings, "KERRY: NO TROOPS TO HELP IRAQIS", are few among its paragraphs).
_MIN_TURNS = 3
# Labels that ask or answer for nobody in particular: an explainer's "Q:" and "A:" paragraphs.
_NOT_SINGLE_SPEAKERS = frozenset("QUESTION ANSWER".split())
_MIN_TURN_SHARE = 0.25


def _turn_label(text: str, start: int, end: int, title_case: bool = False) -> tuple[int, str] | None:
    """(where the words begin, the speaker's name) when the block opens with a speaker's label followed
    by speech: a sentence-case word, not an upper-case heading ("LIPTAK: Right. And…", "GROSS: I…", not
    "PICK SIX: LANDRIEU OVERDUE?"), nor a quotation ("WSJ: “The U.S. has…”": a source and its excerpt).
    `title_case`: the label is in title case ("Questioner: It was for…"), and its words must read as a
    sentence, not a title-case heading ("Senate Review: No Evidence Of A “Stand Down” Order")."""
    m = (_TITLE_TURN_LABEL if title_case else _TURN_LABEL).match(text, start, end)
    if m is None or m.group("name").rstrip(".").upper() in _NOT_SPEAKERS:
        return None
    words = m.end()
    while words < end and text[words].isspace():
        words += 1
    head = text[words:min(end, words + 80)]
    if title_case and not _sentence_case(head):
        return None
    rest = head.split(None, 2)
    if rest:
        if rest[0][0] in "“\"‘'«„":
            return None
        first = rest[0].strip(".,;:!?…-—–()")
        following = rest[1] if len(rest) > 1 else ""
        if (len(first) > 1 and not any(c.islower() for c in first)) or \
                (len(first) <= 1 and not any(c.islower() for c in following)):
            return None
    return (words if words < end else end), " ".join(m.group("name").split())


def _sentence_case(words: str) -> bool:
    """Whether the first six words hold one in lower case that a title-case heading would capitalise."""
    return any(word[0].islower() and word.strip(".,;:!?…") not in _TITLE_SMALL_WORDS
               for word in words.split(None, 6)[:6])


def transcript_turns(text: str, blocks: list[tuple[int, int, str]], roles: list[str]) -> dict[int, tuple[int, str]]:
    """The paragraphs of an interview or debate transcript ("GROSS: So how did the court decide?" /
    "LIPTAK: The court decided…"): block start -> (where the speaker's words begin, the speaker). A turn's
    paragraph begins its words after the label; the unlabelled paragraphs between two turns carry the
    earlier speaker's words on, unless a parenthesis or bracket is all they hold ("(SOUNDBITE OF MUSIC)").
    The words are quotations, every one of them a speaker's, as readers and labellers take them. {} when
    the article is not a transcript (most: no paragraph opens with an upper-case label)."""
    # Every upper-case label ends in a colon after a capital, the "." of "SEN." or the ")" of "(D-MASS.)", or
    # in a no-break space after a capital; a title-case one in a colon after a letter near its line's start.
    # Fewer than _MIN_TURNS of either (most texts: str.find visits only the colons) and the blocks are not
    # looked at; title-case labels are looked for only on the lines such a colon ends near the start of (a
    # wire page's "Factbox:" and "Exclusive:" headlines are a few among hundreds of paragraphs). A line
    # start is looked for only a label's length back: a long line of colons stays linear.
    upper = 0
    title: set[int] = set()  # where the lines that may open with a title-case label start
    colon = text.find(":")
    while colon != -1:
        if colon:
            before = text[colon - 1]
            if "A" <= before <= "Z" or before in ".)":
                upper += 1
            elif before.isalpha():
                line_start = text.rfind("\n", max(0, colon - _TITLE_LABEL_CHARS), colon) + 1
                if line_start or colon < _TITLE_LABEL_CHARS:
                    title.add(line_start)
        colon = text.find(":", colon + 1)
    nbsp = text.find("\xa0") if upper < _MIN_TURNS else -1  # or a no-break space, after a capital
    while nbsp != -1 and upper < _MIN_TURNS:
        if nbsp and "A" <= text[nbsp - 1] <= "Z":
            upper += 1
        nbsp = text.find("\xa0", nbsp + 1)
    found: dict[int, tuple[int, str]] = {}
    if upper >= _MIN_TURNS:
        found = _dialogue(text, blocks, roles, title_case=False)
    if not found and len(title) >= _MIN_TURNS:
        found = _dialogue(text, blocks, roles, title_case=True, line_starts=title)
    return found


def _dialogue(text: str, blocks: list[tuple[int, int, str]], roles: list[str], title_case: bool,
              line_starts: set[int] | frozenset[int] = frozenset()) -> dict[int, tuple[int, str]]:
    """transcript_turns with labels in upper case or (`title_case`) in title case, these only in the blocks
    that start at one of `line_starts`."""
    turns: list[tuple[int, int, str]] = []  # (block index, words' start, speaker)
    for i, (start, end, _) in enumerate(blocks):
        if title_case and start not in line_starts:
            continue
        # A label alone may have been taken for a standfirst ("AUDIE CORNISH, HOST:" under the headline).
        # Most paragraphs open with a capital and a small letter ("The…"): no upper-case label, and no
        # pattern tried.
        if (roles[i] in (PARAGRAPH, STANDFIRST) and "A" <= text[start] <= "Z"
                and (title_case or not text[start + 1:start + 2].islower())
                and (label := _turn_label(text, start, end, title_case))):
            turns.append((i, *label))
    if len(turns) < _MIN_TURNS:
        return {}
    last_words = [speaker.split()[-1] for _, _, speaker in turns]  # "TERRY GROSS" speaks again as "GROSS"
    if len(set(last_words)) == 1 and not title_case and len(last_words[0]) > 1 \
            and last_words[0] not in _NOT_SINGLE_SPEAKERS:
        # One speaker's words excerpted paragraph by paragraph, the writer's between them ("TRUMP: Hillary is
        # so corrupt …" / "But eventually, he started saying …" / "TRUMP: …"): each labelled paragraph is
        # a turn, and no other paragraph is (the writer's are no continuation of the speech).
        return {blocks[i][0]: (words, speaker) for i, words, speaker in turns}
    returns = any(a != b and a == c for a, b, c in zip(last_words, last_words[1:], last_words[2:]))
    first, last = turns[0][0], turns[-1][0]
    if (len(set(last_words)) < 2 or not returns
            or len(turns) < _MIN_TURN_SHARE * sum(1 for role in roles[first:last + 1] if role == PARAGRAPH)):
        return {}
    speakers = {}  # the name a speaker was first given in full: "TERRY GROSS" for a later "GROSS"
    found: dict[int, tuple[int, str]] = {}
    labelled = {i: (words, speaker) for i, words, speaker in turns}
    speaker = None
    for i in range(first, _last_words(text, blocks, roles, last) + 1):
        start, end, _ = blocks[i]
        if i in labelled:
            words, name = labelled[i]
            speaker = speakers.setdefault(name.split()[-1], name)
            found[start] = (words, speaker)
        elif roles[i] == PARAGRAPH and speaker is not None and text[start] not in "([":
            found[start] = (start, speaker)
    return found


# A post embedded from a social network, as a scraped page keeps it: its words, then a dash, the author's name,
# handle and date ("… an extra level of safety! — Donald J. Trump (@realDonaldTrump) June 3, 2017"). The
# post is the paragraph, or its last line, or the line above a signature that has a line of its own; a post is
# short (280 characters, and a link or two).
_POST_SIGNATURE = LazyPattern(re.compile,
    r"[ \t]*(?:—|–|--?)[ \t]*(?P<name>[^()\n—–]{1,60}?)[ \t]*\((?P<handle>@\w{1,15})\)[ \t]*(?:on[ \t]+)?"
    r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}\s*\Z")
_POST_CHARS = 400
_SIGNATURE_CHARS = 100  # how far before the handle a signature's dash may be


def _embedded_post(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(where the post's words begin and end, "Name (@handle)") when the block [start, end) ends with an
    embedded post (_POST_SIGNATURE); None for most blocks, which hold no "(@" or end in no year."""
    if not text[end - 1:end].isdigit() or (handle := text.rfind("(@", start, end)) == -1:
        return None
    sign = _POST_SIGNATURE.search(text, max(start, handle - _SIGNATURE_CHARS), end)
    if sign is None:
        return None
    words_end = sign.start()
    words = text.rfind("\n", start, words_end) + 1 or start
    if words == words_end and words > start:
        # The signature on a line of its own, as an embed's card prints it: the post is the line above.
        words_end = len(text[start:words - 1].rstrip()) + start
        words = text.rfind("\n", start, words_end) + 1 or start
    if not 0 < words_end - words <= _POST_CHARS:
        return None
    return words, words_end, f"{sign.group('name').strip()} ({sign.group('handle')})"


# The most unlabelled paragraphs after a transcript's last turn that still carry it on.
_TRAILING_WORDS = 2


def _last_words(text: str, blocks: list[tuple[int, int, str]], roles: list[str], last: int) -> int:
    """The index of the transcript's last block of speech: the last turn, or the paragraphs after it when
    the transcript ends with them. A broadcast ends with its host's last words, unlabelled, and then only
    its credits or a stage direction ("After we take a short break, …" / "(SOUNDBITE OF MUSIC)" /
    "Copyright © 2019 NPR."). Paragraphs after the last turn that run on into more paragraphs are the
    writer's, back after an excerpt. (The run stops at the text's end, at a block that is no paragraph, or
    at one opening with a parenthesis or a bracket.)"""
    end = last
    while end + 1 < len(blocks) and roles[end + 1] == PARAGRAPH and text[blocks[end + 1][0]] not in "([":
        end += 1
    return end if end - last <= _TRAILING_WORDS else last


# A scraped page's navigation above the article: its whole line one of these (lower-cased).
_NAVIGATION = frozenset(item.strip() for item in """skip to content|skip to main content|skip to navigation|skip navigation|menu|main menu|
    search|toggle navigation|sign in|log in|login|subscribe|sign up|register|advertisement|close|back to top|home|
    share|share this|share this article|share this story|print|email|listen|menu search""".split("|"))
_MENU_SEPARATORS = (" | ", " · ", " • ", " > ", " › ", " » ")
_BREADCRUMB_SEPARATORS = (" > ", " › ", " » ")
_TITLE_WORDS = 20


def is_menu(line: str) -> bool:
    """A menu or breadcrumb trail: three items or more between the same separator, none over three words
    ("Home | News | Sports | Opinion", "News › Local › Politics"), but a breadcrumb's last, which may be the
    page's own title ("Business News › Markets › Oil rises after OPEC+ delays output"). A headline with its
    site's name after a bar has two."""
    for separator in _MENU_SEPARATORS:
        if separator in line:
            items = line.split(separator)
            if len(items) < 3:
                return False
            last = len(items[-1].split())
            return (all(0 < len(item.split()) <= 3 for item in items[:-1])
                    and 0 < last <= (_TITLE_WORDS if separator in _BREADCRUMB_SEPARATORS else 3))
    return False


# Page furniture at the top of a plain-text page: only among its first few blocks, each short.
_FURNITURE_BLOCKS = 6
_FURNITURE_MAX_CHARS = 250
_MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_DAYS = r"Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?"
# A timestamp line: dates, times, zones and the words around them ("Updated: Aug 16 06:00 BST", "3 hours ago").
_TIMESTAMP_TOKEN = LazyPattern(regex.compile,
    rf"(?i:{_MONTHS}|{_DAYS}|updated|published|posted|last|first|modified|on|at|am|pm|a\.m\.|p\.m\.|"
    r"[ECMP][SD]?T|GMT|BST|UTC|CET|CEST|IST|AEST|AEDT|JST|HKT|SGT|ago|hours?|hrs?|minutes?|mins?|days?|today|"
    r"yesterday)\.?"
    r"|\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:\s?(?i:am|pm|st|nd|rd|th|h)\b)?")
_DIGIT = LazyPattern(re.compile, r"\d")
# How a timestamp line can begin (its first three letters, lower-cased): a digit, a month, a day, a keyword.
_TIMESTAMP_STARTS = frozenset("""jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun
                                 upd pub pos las fir mod on at tod yes""".split())
_TIMESTAMP_GAP = LazyPattern(regex.compile, r"[\s,|•·:–—-]*")
_AGENCY_BEFORE_STAMP = LazyPattern(re.compile, r"(?:AP|Reuters|AFP|Associated Press|By AP|By Reuters)[\s,|•·:–—-]+(?=\w)")
_AGENCY_FIRST_LETTERS = frozenset("ARB")
# A masthead scraped above the story: the outlet's name alone on the page's first line ("CBS News", "Miami
# Herald", "The Daily Gazette"), a few capitalised words ending in a publication's noun. Only where a
# headline follows it (see _page_furniture): "Trump Attacks Fake News" heads its own story.
_MASTHEAD = LazyPattern(re.compile,
    r"(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,2}(?:News|Times|Post|Herald|Tribune|Journal|Gazette|Telegraph|Guardian|"
    r"Chronicle|Magazine|Observer|Examiner|Register|Bulletin|Courier|Dispatch|Inquirer|Independent|Globe|Mail|"
    r"Mirror|Express|Insider|Star|Sun|Daily|Weekly|Record|Press|Wire|Network|Online)")
_JOB_NOUNS = (r"Editor|Correspondent|Reporter|Writer|Columnist|Journalist|Contributor|Producer|Analyst|"
              r"Commentator|Critic|Chief|Photographer|Presenter|Reporters|Writers|Staff|Team|Desk|Bureau")
# A person's name: two to four capitalised words ("And", "Of", "The" are a title's, not a name's).
def _word_alternation(words: list[str]) -> str:
    """`\\b(?:word|word|...)\\b` for words of word characters that begin with an ASCII capital, written so
    that re skips to where a word may begin: the alternation grouped by first letter, the boundary before
    each word read back from its first letter, so every branch opens with its letter and re searches for
    the set of first letters (at C speed) instead of trying the whole alternation at every position (a
    Reuters headline's job-noun search cost 2.3 µs, now 0.9)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(rf"{head}(?<!\w{head})(?:{'|'.join(rests)})" for head, rests in groups.items()) + r")\b"


_JOB_NOUN = LazyPattern(re.compile, _word_alternation(_JOB_NOUNS.split("|")))
_NAME = (r"\p{Lu}[\p{L}.’'-]+(?:\s+(?:de|van|von|da|di|del|bin|al-)?\s*(?!(?:And|Or|Of|The|For|In|On|At|To|With)\b)"
         r"\p{Lu}[\p{L}.’'-]+){1,3}")
# "Deputy Political Editor", "Senior Washington Correspondent, The Times".
_JOB_TITLE = (rf"(?:\p{{Lu}}[\p{{L}}&’'-]*\s+(?:(?:of|for|and|the|at|on)\s+)?){{0,4}}(?:{_JOB_NOUNS})\b"
              r"(?:\s*(?:,|(?i:at|for)|-|–|—|\|)\s*(?:(?i:the)\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3})?")
_BYLINE = LazyPattern(regex.compile,
    rf"\s*(?:(?:(?i:by|written\s+by|words\s+by)\s+{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*"
    rf"(?:\s*(?:,|\||-|–|—|(?i:for))\s*(?:{_JOB_TITLE}|(?:(?i:the)\s+)?\p{{Lu}}[\p{{L}}.’'-]*(?:\s+\p{{Lu}}[\p{{L}}.’'-]*){{0,3}})"
    # "By Jane Doe, professor of law at Riverton University": who the writer is, in lower case.
    rf"|\s*,\s*\p{{Ll}}[\p{{L}}\s.,&’'-]{{0,80}})?)"
    rf"|{_NAME}\s*(?:,|\||-|–|—)\s*{_JOB_TITLE}"
    rf"|{_JOB_TITLE})\s*",
    regex.V0)


# The site speaking to its reader, scraped with the story: a subscription appeal ("Help us deliver journalism
# that makes a difference in our community."), a sign-up box ("… in your inbox. You can unsubscribe at any
# time."), a share or notification widget ("A link has been sent to your friend's email address."). Its "we"
# and "you" are the site's and the reader's, not a voice written into the story. Short paragraphs only: an
# argument about subscriptions or newsletters runs longer.
_SITE_MESSAGE_WORDS = 45
_SITE_MESSAGE = LazyPattern(re.compile,
    r"\b(?:(?:un)?subscrib\w*|newsletters?|inbox|notifications?|e-?mail\s+address|sign(?:ing)?\s+up|"
    r"(?:click|tap)\s+(?:here|below)|link\s+has\s+been\s+(?:sent|posted|copied)|your\s+(?:feed|browser|account)|"
    r"download\s+(?:our|the)\s+(?:[\w&’'-]+\s+){1,3}app|"
    # A site funded by its readers asking for their money, and a reader poll: "Wonkette is funded entirely by
    # readers like you.", "% of readers think this story is Fact. Add your two cents."
    r"readers\s+like\s+you|funded\s+(?:\w+\s+)?by\s+(?:(?:our\s+)?readers|you)|readers\s+think\s+this\s+(?:story|article)|"
    r"add\s+your\s+(?:two\s+cents|comment|voice)|"
    # The newsroom on its own coverage and a newsletter's greeting: "Stay with 9&10 News for updates", "keeping you
    # informed", "Here's what we know so far.", "Here's what you need to know today.", "see our earlier article".
    r"stay\s+with\s+[\w&.’' ]{1,30}?\s+for\s+(?:updates|the\s+latest|more)|keep(?:ing)?\s+you\s+(?:informed|updated|posted)|"
    r"keep\s+up\s+to\s+date\s+with|here[’']s\s+what\s+(?:we\s+know|you\s+need\s+to\s+know)|what\s+we\s+know\s+so\s+far|"
    r"(?:see|read)\s+(?:more\s+about\s+)?our\s+(?:earlier|previous|full|partnership|coverage|story|article|reporting)|"
    r"good\s+(?:morning|afternoon|evening),\s+[A-Z]|"
    r"(?:support|fund|deliver)\w*\s+(?:\w+\s+)?journalism|our\s+journalism|download\s+(?:our|the)\s+app|"
    r"follow\s+us|like\s+us\s+on|cookies|terms\s+of\s+(?:use|service)|privacy\s+policy|all\s+rights\s+reserved|"
    # A tip line or a comments box: "Have a news tip? Email us …", "What do you think? Leave a comment below."
    r"news\s+tips?|e-?mail\s+us|contact\s+us|hear\s+from\s+you|leave\s+a\s+comment|comments?\s+(?:below|section)|"
    r"join\s+the\s+(?:conversation|discussion)|chat\s+with\s+us|"
    # A comments box's own notice: "We welcome your comments. Please keep them civil and on topic."
    r"your\s+comments?|comment(?:ing)?\s+polic(?:y|ies)|keep\s+(?:it|them|comments|the\s+conversation)\s+civil|"
    # A comments box's disclaimer and closing, and the page's disclosure of what it earns: "The views expressed
    # in the contents above are those of our users", "We are no longer accepting comments on this article.",
    # "… affiliate marketing programs, which means we may get paid …".
    r"views\s+expressed|(?:no\s+longer|not)\s+accepting\s+comments|comments\s+(?:are|have\s+been)\s+closed|"
    r"affiliate\s+(?:marketing|links?|commissions?|programs?)|reader-supported)\b",
    re.IGNORECASE)


def is_site_message(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] is the site speaking to its reader (_SITE_MESSAGE, in a short paragraph): what
    NL301 passes over, and what `diff` counts as page furniture where it is the site's own voice."""
    end = len(text) if end is None else end
    return (len(text[start:end].split(None, _SITE_MESSAGE_WORDS)) <= _SITE_MESSAGE_WORDS
            and _SITE_MESSAGE.search(text, start, end) is not None)


def _could_head(block: str) -> bool:
    """Whether a block could be a headline: one short line that ends no sentence."""
    line = block.strip()
    return 0 < len(line) <= 150 and "\n" not in line and not line.endswith((".", ",", ";", ":"))


def is_page_furniture(block: str) -> bool:
    """Whether a short block is page furniture, not a headline: a timestamp line ("Aug 16 06:00"), a
    byline ("By Jane Doe and John Roe"), a job title ("Deputy Political Editor"), or the site's navigation
    ("Skip to content", "Home | News | Sports | Opinion")."""
    line = block.strip()
    if not line or "\n" in line or len(line) > 120:
        return False
    if line.lower().rstrip(" .»›>") in _NAVIGATION or is_menu(line):
        return True
    # A timestamp may follow the agency's name, the story's credit on its page: "AP June 1, 2018, 10:35 PM".
    stamp = _AGENCY_BEFORE_STAMP.sub("", line, count=1) if line[:1] in _AGENCY_FIRST_LETTERS else line
    first = stamp[:3].lower().rstrip(" :,.")
    if (first[:1].isdigit() or first in _TIMESTAMP_STARTS) and _DIGIT.search(stamp):
        pos, tokens = 0, 0
        while pos < len(stamp):
            m = _TIMESTAMP_TOKEN.match(stamp, pos)
            if m is None or m.end() == pos:
                break
            tokens += 1
            pos = _TIMESTAMP_GAP.match(stamp, m.end()).end()
        if pos >= len(stamp) and tokens:
            return True
    # Every byline opens with "By" (or "Written by", "Words by") or holds a job's noun: most headlines neither.
    if not (line[:2].lower() == "by" or line[:5].lower() in ("writt", "words") or _JOB_NOUN.search(line)):
        return False
    return _BYLINE.fullmatch(line) is not None


# A suppression comment on a line of its own ("notelint: disable-next=NL104") is for the linter, not part of
# the article: the same lines `strip` leaves out.
_DIRECTIVE_LINE = LazyPattern(re.compile, r"^[ \t]*notelint:\s*(?:disable-next|disable|enable)\b[^\r\n]*", re.MULTILINE)


def _without_directives(text: str, blocks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The blocks with suppression comment lines taken out: a block that is one becomes part of the break
    around it, and one holding one is split around it (offsets are unchanged)."""
    out: list[tuple[int, int, str]] = []
    for start, end, role in blocks:
        pos = start
        for m in _DIRECTIVE_LINE.finditer(text, start, end):
            pieces: list[tuple[int, int, str]] = []
            _add_block(pieces, text, pos, m.start())
            out.extend((a, b, role) for a, b, _ in pieces)
            pos = m.end()
        if pos == start:
            out.append((start, end, role))
        else:
            pieces = []
            _add_block(pieces, text, pos, end)
            out.extend((a, b, role) for a, b, _ in pieces)
    return out


def _sentence_count(text: str) -> int:
    return len(attribution.SENTENCE_END.findall(text.rstrip() + " "))


def _parse_paragraph(text: str, marks: list[int], end: int, singles_at_top: bool = False) -> list[Node]:
    # pyparsing is imported on first need: most articles have no nested brackets, and importing it
    # costs ~25 ms of a pre-commit hook's start-up.
    from .grammar import parse_paragraph

    return parse_paragraph(text, singles_at_top, marks, end)


def _opens_sentence(text: str, pos: int, floor: int) -> bool:
    """Whether the mark at `pos` opens a sentence: white space before it, and before that the end of one
    (. ! ? …, perhaps closing a parenthesis or bracket), no further back than `floor`."""
    k = pos
    while k > floor and text[k - 1] in " \t\r\n\xa0":
        k -= 1
    if k == pos or k <= floor:
        return False
    end = text[k - 1]
    if end in ")]" and k - 1 > floor:
        end = text[k - 2]
    return end in ".!?…"


class _Reopened(Node):
    """A double quotation ended, unclosed, where another opens a sentence inside it (_end_at_reopening)."""

    __slots__ = ()


def _end_at_reopening(nodes: list[Node], roles: str, chunk: str) -> list[Node]:
    """The top-level constructs of a paragraph with a double quotation left open to its end ended where a
    double quotation opens a sentence inside it: its closing mark is missing, and the one opening there is
    another quotation, not one nested in it (“Its best years are ahead. Analysts disagreed. “The numbers say
    otherwise,” one said.). What followed inside it is then outside any quotation. A quotation nested
    within a sentence (a missing closer around “a “witch hunt” and more”) is left as it is, as is one
    closed (an excerpt quoting a quotation in double marks)."""
    last = nodes[-1]
    if last.end != len(chunk) or roles[last.start] not in "“\"":
        return nodes
    for i, child in enumerate(last.children):
        if child.kind == QUOTE and roles[child.start] in "“\"" and _opens_sentence(chunk, child.start, last.start + 1):
            head = _Reopened(QUOTE, last.start, child.start, False, last.children[:i])
            rest = last.children[i:]
            if rest[-1].kind == QUOTE and not rest[-1].closed:
                rest = _end_at_reopening(rest, roles, chunk)
            return nodes[:-1] + [head] + rest
    return nodes


class _Attributed(Node):
    """A double quotation ended, unclosed, at the comma before its attribution (_end_at_attribution)."""

    __slots__ = ()


# A double quotation whose closing mark is missing, ended inside its paragraph, and what NL401 says of it.
_ENDED_EARLY = {_Reopened: "quotation opened here is not closed before the next one opens",
                _Attributed: "quotation opened here is not closed before its attribution"}


# The attribution of a quotation, after the comma that should have closed it: ", the union leader said", ", he
# added", ", said Jane Roe".
_ATTRIBUTION_AFTER_COMMA = LazyPattern(regex.compile,
    r",[ \t]+(?:(?:he|she|they|the[ \t]+[\w’'-]+(?:[ \t]+[\w’'-]+){0,3}|\p{Lu}[\w’'.-]*(?:[ \t]+\p{Lu}[\w’'.-]*){0,3})"
    r"[ \t]+(?:said|says|told|added|asked|wrote|explained)"
    # The verb first and then a name ("said Jane Roe"), but not a day or month ("said Tuesday he would"), which
    # a news report's own sentence quoted in an excerpt has.
    r"|(?:said|added|asked)[ \t]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"\p{Lu}[\w’'.-]*)\b")


def _end_at_attribution(nodes: list[Node], roles: str, chunk: str) -> list[Node]:
    """A double quotation left open to its paragraph's end ended at the comma before its attribution,
    outside any quotation nested in it: its closing mark is missing (“We are not going anywhere, the union
    leader said. Talks resume Monday …). A speaker's words do not hold ", the union leader said"; what
    follows is the writer's, and a quotation in it is its own."""
    last = nodes[-1]
    if last.closed or last.end != len(chunk) or roles[last.start] not in "“\"" or "," not in chunk[last.start:]:
        return nodes
    pos = last.start + 1
    for child in [*last.children, None]:
        stop = child.start if child is not None else len(chunk)
        if (m := _ATTRIBUTION_AFTER_COMMA.search(chunk, pos, stop)) is not None:
            cut = m.start() + 1
            inside = [c for c in last.children if c.end <= cut]
            return nodes[:-1] + [_Attributed(QUOTE, last.start, cut, False, inside)] + \
                [c for c in last.children if c.start >= cut]
        if child is not None:
            pos = child.end
    return nodes


def _without_line_reopenings(text: str, marks: list[int]) -> list[int]:
    """`marks` less the opening double marks that begin a line while a double quotation is open: a quotation
    run on over paragraphs reopens each with a mark and closes only the last, and text split one sentence
    (or paragraph) per line without blank lines (NLTK-split corpora such as the SemEval propaganda set, some
    feeds) keeps those marks at its line starts. Such a mark continues the quotation, as it does at a
    paragraph's start; it opens none inside it. Open quotations are counted by the curly marks' glyphs."""
    kept, depth = [], 0
    for pos in marks:
        mark = text[pos]
        if mark == "“":
            if depth and text[pos - 1] == "\n":
                continue
            depth += 1
        elif mark == "”" and depth:
            depth -= 1
        kept.append(pos)
    return kept


def _positions_in(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted `positions` that lie in [start, end)."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


# Blank lines (only horizontal white space) end a block; single line breaks stay inside it. A CRLF is one
# line break (atomic: backtracking into it would read its \r and \n as two, making every line of a
# hard-wrapped CRLF paragraph a block of its own).
_BLOCK_BREAK = LazyPattern(re.compile, r"(?>\r\n|\r|\n)(?:[ \t\f\v\u00a0]*(?>\r\n|\r|\n))+")
# _BLOCK_BREAK after its first line break, in text without carriage returns: the blank lines.
_BLANK_LINES = LazyPattern(re.compile, r"(?:[ \t\f\v\u00a0]*\n)+")
_SPACE = " \t\f\v\u00a0\r\n"


def _split_blocks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Blocks of non-blank text between blank lines, within [start, end).

    Indentation stays inside a block (columns stay honest); surrounding blank lines and trailing
    white space do not.
    """
    blocks: list[tuple[int, int, str]] = []
    pos = start
    if text.find("\r", start, end) != -1:
        for match in _BLOCK_BREAK.finditer(text, start, end):
            _add_block(blocks, text, pos, match.start())
            pos = match.end()
    else:
        # Line feeds only (nearly every text): a break is a line feed that blank lines follow, so only
        # the line feeds are visited (found by str.find) instead of the pattern being tried at every
        # character, which cost ~14 µs of a 2.5 KB wire story, a seventh of its parse.
        newline = text.find("\n", start, end)
        while newline != -1:
            blank = _BLANK_LINES.match(text, newline + 1, end)
            if blank is None:
                newline = text.find("\n", newline + 1, end)
                continue
            _add_block(blocks, text, pos, newline)
            pos = blank.end()
            newline = text.find("\n", pos, end)
    _add_block(blocks, text, pos, end)
    return blocks


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Blocks of non-blank text, one to a line, within [start, end) (as _split_blocks gives them between blank
    lines)."""
    blocks: list[tuple[int, int, str]] = []
    pos = start
    for match in LINE_BREAK.finditer(text, start, end):
        _add_block(blocks, text, pos, match.start())
        pos = match.end()
    _add_block(blocks, text, pos, end)
    return blocks



def _add_block(blocks: list, text: str, start: int, end: int) -> None:
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if end == start:
        return
    if text[start] in _SPACE:  # leading blank lines (only at the start of the text) are not the block's
        first_line = start
        for i in range(start, end):
            char = text[i]
            if char in "\r\n":
                first_line = i + 1
            elif char not in _SPACE:
                break
        start = first_line
    blocks.append((start, end, ""))


def _start(span: Span) -> int:
    return span.start


def _placed(children: list[Span], span: Span) -> list[Span] | None:
    """`children` with a note or mark in parentheses, `span`, placed among them: inside the quotation that
    holds it (then it is `in_quote`), holding the spans that lie within it. None when it straddles a
    span's edge: it cannot be placed, and its parentheses are read as text."""
    for child in children:
        if child.kind == QUOTE and child.start < span.start and span.end <= child.end:
            placed = _placed(child.children, span)
            if placed is None:
                return None
            child.children = placed
            span.attrs["in_quote"] = True
            return children
    inside = [c for c in children if span.start <= c.start and c.end <= span.end]
    if any(c.start < span.end and span.start < c.end for c in children if c not in inside):
        return None
    span.children = inside or span.children
    return sorted([c for c in children if c not in inside] + [span], key=_start)


def fill_gaps(children: list[Span], start: int, end: int, kind: str) -> list[Span]:
    """Cover the text between children with `kind` spans, so a block's children tile it."""
    out: list[Span] = []
    pos = start
    for child in children:
        if child.start > pos:
            out.append(Span(kind, pos, child.start, [], {}))
        out.append(child)
        pos = child.end
    if end > pos:
        out.append(Span(kind, pos, end, [], {}))
    return out
