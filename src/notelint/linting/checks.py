"""Structural checks: the rules that look at the shape of a document, not only at words.

Each check is `name(ctx, rule, options) -> Iterable[Hit]`, named by a rule pack's `check = "name"`.
Checks read the span tree through `context.Context` and never print. Word lists stay in the packs
(`rule.lexicons`); only the structure is Python.
"""
from __future__ import annotations

import bisect

import functools
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable, Iterator

import re


from .messages import format_message
from .context import Context, Hit
from .patterns import find_words
from ..compiled_patterns import compile_re
from ..lazy_pattern import DualPattern, LazyPattern as _Lazy

if TYPE_CHECKING:
    from .rules import Rule
from ..parsing.alternation import by_first_letter
from ..parsing.brackets import is_newsroom_note
from ..parsing.model import (CLARIFICATION, COMMENTS, HEADLINE, INSERTION, PARAGRAPH, QUOTE, SOURCE, STANDFIRST, WIRE,
                             Span)

# --- Shared text facts ----------------------------------------------------------------------------
# Plain `re` here: these patterns are ours and linear, compile in a fraction of the time `regex` takes
# (start-up matters for a pre-commit hook), and need no timeout. Letter classes for Latin scripts:
UPPER = "A-Z\u00C0-\u00D6\u00D8-\u00DE"
LOWER = "a-z\u00DF-\u00F6\u00F8-\u00FF"

def word_trie(words: Iterable[str]) -> str:
    """Words (and phrases) as one alternation shaped as a trie, for re.IGNORECASE: "said|says" becomes
    sa(?:id|ys). A word start costs a few letter tests instead of a try of every word. (Its letters are
    plain letters: a class per letter of every case IGNORECASE folds, [sSſ], tested quicker by `re` but
    cost four times as long to compile, ~8 ms for ATTRIBUTION's two tries, paid by most runs.)"""
    branches: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    alternatives = [_trie_char(head) + word_trie(rest) for head, rest in branches.items()]
    if not alternatives:
        return ""
    if ends_here:
        alternatives.append("")  # the shorter word last, as "says|say" would try it
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _trie_char(char: str) -> str:
    """A space as any run of white space, a letter in lower case, anything else as itself."""
    return r"\s+" if char == " " else re.escape(char.lower())


# Attribution: the verbs and phrases that tie words to a source (case-insensitive; a space stands for
# any white space). Matched as a trie: the same matches as the alternation of the words, whose order
# does not matter (the trailing \b lets at most one word match at a place), in about 60% of the time.
ATTRIBUTION_WORDS = (
    "said", "says", "say", "told", "tells", "according to", "stated", "states", "added", "adds", "explained",
    "recounted", "recalled", "wrote", "writes", "tweeted", "posted", "asked", "asks", "insisted", "noted",
    "warned", "argued", "claimed", "acknowledged", "announced", "declared", "testified", "quoted", "quoting",
    "cited", "citing", "spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson", "statement",
    "interview", "replied", "responded that", "continued", "saying", "shouted", "shouting", "yelled",
    "chanted", "chanting", "tweeting", "read:", "reads:", "notified", "urged", "pleaded", "recalls")
# (The trie is built when the pattern is first used: a run whose paragraphs need none does not build it.)
ATTRIBUTION = _Lazy(lambda: compile_re(r"\b(?i:" + word_trie(ATTRIBUTION_WORDS) + r")\b"))
# A word of the trie after a character that may end a word: every ATTRIBUTION match but one at the very
# start has such a character before it (its \b; \W lies within this class). Starting with a plain class,
# it lets re skip from one such character to the next instead of trying a match at every position.
_AFTER_GAP_ATTRIBUTION = _Lazy(lambda: compile_re(r"[^0-9A-Za-z_](?i:" + word_trie(ATTRIBUTION_WORDS) + r")\b"))


def _has_attribution(text: str, start: int = 0, end: int | None = None) -> bool:
    return find_attribution(text, start, end) is not None


def find_attribution(text: str, start: int = 0, end: int | None = None) -> "re.Match | None":
    """ATTRIBUTION.search(text, start, end), the same match: a match at `start`, else the first place after
    a gap character where ATTRIBUTION matches. A third quicker on running text; slower on text with long
    blank stretches (_strip_spans' output, where every space is a gap), which keeps ATTRIBUTION.search."""
    end = len(text) if end is None else end
    m = ATTRIBUTION.match(text, start, end)
    while m is None:
        gap = _AFTER_GAP_ATTRIBUTION.search(text, start, end)
        if gap is None:
            return None
        start = gap.start() + 1
        m = ATTRIBUTION.match(text, start, end)  # fails only where the gap character was a letter (é)
    return m


# Labels an editor signs an insertion with: "Ed.", "Editor's note:", a site's initials "ZH:", a trailing "ed".
LABEL_START = _Lazy(re.compile,
    r"^[\[(]\s*(?:Ed(?:itor)?\.?(?:['’]s)?(?:\s+note)?\s*[:.—–-]|Editor['’]?s?\s+note\b|Note\s+from\s+the\s+editor\b|"
    r"Editorial\s+(?:note|comment)\b|Publisher['’]s\s+note\b|Webmaster['’]s\s+(?:note|comment)\b|"
    r"Update\s*:|Correction\s*:|[A-Z]{2,4}\s*:)")
LABEL_END = _Lazy(re.compile,
                  r"(?:[\s,.;:(—–-]+(?:ed|Ed|ED|Ed\.|eds?\.)|[—–-]\s*[A-Z]{2,4}\.?|\(\s*ed\.?\s*\))\s*[\])]$")
# Brackets that are never commentary, whatever the parser called them (belt and braces for NL101).
CLARIFICATION_TEXT = _Lazy(re.compile,
    r"^[\[(]\s*(?:sic!?|…|\.\s?\.\s?\.|emphas[ie]s\b.*|italics\b.*|translat\w*\b.*|trans\.|original\s+emphasis\b.*|"
    r"my\s+emphasis|bold\s+(?:added|mine)|sic\.?)\s*[\])]$", re.IGNORECASE)
SECOND_PERSON = _Lazy(re.compile,
                      r"\b(?:you|your|yours|yourself|yourselves|you['’](?:re|d|ll|ve)|y['’]all)\b", re.IGNORECASE)
# First person: I (not "I." nor "I-95"), I'm, we, we're, us, our, ours, ourselves, my, me, myself. Each
# alternative starts with its letter and checks the word start in a lookbehind ("u(?<=\bu)s" is "\bus"),
# so `re` scans for the eight letters as a class instead of trying a match at every position (four times
# as fast); a letter's alternatives keep the order of the plain form, whose matches these are (tested).
FIRST_PERSON = _Lazy(re.compile,
                     r"I(?<=\bI)(?:\b(?!\.)(?!['’]?\s*[-–]\s*\d)|['’](?:m|d|ll|ve)\b)"
                     r"|W(?<=\bW)e(?:|['’](?:re|d|ll|ve))\b|w(?<=\bw)e(?:|['’](?:re|d|ll|ve))\b|u(?<=\bu)s\b"
                     r"|O(?<=\bO)ur(?:|s|selves)\b|o(?<=\bo)ur(?:|s|selves)\b"
                     r"|M(?<=\bM)(?:y|e|yself)\b|m(?<=\bm)(?:y|e|yself)\b")
# "World War I", "Phase I", "Title I": Roman numerals that look like the first person.
ROMAN_I_BEFORE = _Lazy(re.compile, r"\b(?:War|Phase|Title|Class|Type|Stage|Part|Chapter|Article|Division|Tier|Level|"
                                   r"Category|Group|Round|Schedule|Grade|Section|Act|Book|Volume|Vol\.|No\.|King|Queen|"
                                   r"Pope|Henry|Elizabeth|Charles|George|James|Louis|Napoleon|Gen|Unit|Block|Basel|"
                                   r"Stage|Season|Series|Super\s+Bowl|Rule)\s+$")
QUOTE_MARKS = "\"“”„«»"
QUOTE_MARK = _Lazy(re.compile, "[" + QUOTE_MARKS + "]")


# A superset of FIRST_PERSON, SECOND_PERSON and QUESTION_OR_EXCLAMATION, as one pattern of the `regex`
# module, which `re` runs on text it reads alike (lazy_pattern.DualPattern): a wire story need not load regex.
VOICE_CANDIDATE = DualPattern(r"[?!]|\b(?:I|[Ww]e|us|[Oo]urs?|[Oo]urselves|[Mm][ey]|[Mm]yself|"
                             r"(?i:you|yours?|yourself|yourselves|y['’]all))\b")
# A looser filter still (a superset of VOICE_CANDIDATE's matches) that plain `re` runs quickly: the
# search only stops at one of a few letters, then checks with lookbehinds that it starts a word and which
# one. VOICE_CANDIDATE then confirms, so what passes is exactly what passed before.
VOICE_PREFILTER = _Lazy(re.compile,
                        r"[?!IWwuOoMmYy](?:(?<=[?!])|(?<!\w.)(?:(?<=I)\b|(?<=[Ww])e\b|(?<=u)s\b|"
                        r"(?<=[Oo])ur(?:s|selves)?\b|(?<=[Mm])(?:[ey]|yself)\b|(?<=[Yy])(?:[Oo][Uu]|['’])))")
# A quicker filter before VOICE_PREFILTER: a superset of its matches, each starting where the prefilter's
# does or one letter later, so what passes both is what passed before. Each alternative starts with one
# plain letter, so `re` scans for those few letters in its tight loop, and checks the next letter before
# any lookbehind: most stops fail without one. (A set holding ’ or O/o scans several times slower; "our"
# and "y’" are caught at their u and y instead.)
VOICE_QUICK = _Lazy(re.compile,
                    r"\?|!|I\b(?<!\w.)|We\b(?<!\w..)|we\b(?<!\w..)|M(?:[ey]\b(?<!\w..)|yself\b(?<!\w.{6}))"
                    r"|m(?:[ey]\b(?<!\w..)|yself\b(?<!\w.{6}))"
                    r"|u(?:s\b(?<!\w..)|r(?<=[Oo]ur)(?<!\w...))|Y(?:[Oo][Uu](?<!\w...)|['’](?<!\w..))"
                    r"|y(?:[Oo][Uu](?<!\w...)|['’](?<!\w..))")
TWEET_TIMESTAMP = _Lazy(re.compile, r"\[\d{3,4}\s+[A-Z]{2,4}\]")
QUESTION_OR_EXCLAMATION = _Lazy(re.compile, r"[?!]+")
# Sentence ends: terminal punctuation, closing marks, then space and a capital or an opening mark.
_SENTENCE_END = _Lazy(re.compile,
                      r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[" + UPPER + r"\d])|[.!?…]+[\"'”’)\]]*$")
_ABBREVIATION = _Lazy(re.compile,
    r"(?:\b[" + UPPER + r"]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|Rev|St|Mt|Ft|Jr|Sr|Inc|Corp|Co|"
    r"Ltd|Bros|No|Nos|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|approx|est|U\.S|U\.N|U\.K|E\.U|a\.m|p\.m))\.$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (offsets into text); abbreviations such as "U.S." do not end one."""
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group().startswith(".") and _ABBREVIATION.search(text, max(start, m.start() - 6), m.start() + 1):
            continue
        if m.end() > pos:
            out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return out


def sentence_at(text: str, block: Span, offset: int) -> tuple[int, int]:
    for s, e in sentences(text, block.start, block.end):
        if s <= offset < e:
            return s, e
    return block.start, block.end


def is_labelled(ctx: Context, span: Span, markers: Iterable[str] = ()) -> bool:
    """An insertion signed by an editor: a label the parser read, a label at the start, or a signature at the end."""
    if span.attrs.get("label"):
        return True
    text = ctx.text[span.start:span.end]
    if LABEL_START.match(text) or LABEL_END.search(text):
        return True
    inner = text[1:].lstrip()
    for marker in markers:
        if marker and (inner.startswith(marker) or text.startswith(marker)):
            return True
    return False


def _markers(ctx: Context, options: dict) -> tuple[str, ...]:
    settings = getattr(ctx, "settings", None)
    return tuple(options.get("markers", ())) + (tuple(settings.editorial_markers) if settings else ())


def in_quote(ctx: Context, span: Span) -> bool:
    return bool(span.attrs.get("in_quote")) or ctx.inside(span, QUOTE)


def _top_insertions(ctx: Context) -> list[Span]:
    """Insertions not nested in another insertion (a nested one is part of its parent's commentary)."""
    if "top_insertions" not in ctx.memo:
        ctx.memo["top_insertions"] = [s for s in ctx.insertions() if not ctx.inside(s, INSERTION)]
    return ctx.memo["top_insertions"]


def _insertions_by_block(ctx: Context) -> dict[int, list[Span]]:
    if "insertions_by_block" not in ctx.memo:
        grouped: dict[int, list[Span]] = {}
        for span in _top_insertions(ctx):
            grouped.setdefault(id(ctx.block_of(span)), []).append(span)
        ctx.memo["insertions_by_block"] = grouped
    return ctx.memo["insertions_by_block"]


def _strip_spans(text: str, start: int, end: int, spans: Iterable[Span], keep_offsets: bool = True) -> str:
    """text[start:end] with the given spans blanked out (same length, so offsets still line up); or, when
    only whether ATTRIBUTION matches counts, each span replaced by one space: ATTRIBUTION matches in one
    exactly when it matches in the other (no word starts or ends in spaces, and a phrase's space takes a run
    of any length), and find_attribution, searching from gap to gap, is quickest without long blanks."""
    pieces, pos = [], start
    for s in sorted(spans, key=lambda s: s.start):
        a, b = max(s.start, pos), min(s.end, end)
        if b <= a:
            continue
        pieces.append(text[pos:a])
        pieces.append(" " * (b - a) if keep_offsets else " ")
        pos = b
    pieces.append(text[pos:end])
    return "".join(pieces)


def needs(*scopes: str):
    """Declares, next to a check, what it needs to find anything: a document with none of these scopes
    (context.SELDOM_SCOPES: an insertion, a standfirst, linted comments) gets no finding from it, and the
    engine does not call it there (most articles have none of them; a call that finds nothing cost ~0.7
    µs). The check itself need not test for them again."""
    def declare(check):
        check.needs = frozenset(scopes)
        return check
    return declare


# --- NL101 insertion-in-quote ---------------------------------------------------------------------

@needs("insertion")
def insertion_in_quote(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    for span in _top_insertions(ctx):
        if not in_quote(ctx, span):
            continue
        if CLARIFICATION_TEXT.match(ctx.text[span.start:span.end]):
            continue
        yield Hit(span.start, span.end, rule.message)


# --- NL102 insertion-splits-sentence --------------------------------------------------------------

_WINDOW = 200
_ENDS_SENTENCE = _Lazy(re.compile, r"(?:[.!?…]|[.!?…][\"'”’)]+)\s*$")
_CONTINUES_SENTENCE = _Lazy(re.compile, r"^\s*(?:[" + LOWER + r"\d,;:%)]|[—–-]\s*[" + LOWER + r"])")


@needs("insertion")
def insertion_splits_sentence(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    for span in _top_insertions(ctx):
        if in_quote(ctx, span):
            continue  # NL101's business
        block = ctx.block_of(span)
        # Only the text next to the bracket matters; a bounded window keeps many insertions linear.
        before = ctx.text[max(block.start, span.start - _WINDOW):span.start]
        after = ctx.text[span.end:min(block.end, span.end + _WINDOW)]
        if not before.strip() or not after.strip():
            continue  # at the start or the end of its paragraph
        if _ENDS_SENTENCE.search(before):
            continue  # between two sentences
        if _CONTINUES_SENTENCE.match(after):
            yield Hit(span.start, span.end, rule.message)


# --- NL103 insertion-near-attribution ---------------------------------------------------------------

@needs("insertion")
def insertion_near_attribution(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    markers = _markers(ctx, options)
    for span in _top_insertions(ctx):
        if in_quote(ctx, span):
            continue
        if options.get("skip-labelled", True) and is_labelled(ctx, span, markers):
            continue
        block = ctx.block_of(span)
        if block.kind != PARAGRAPH:
            continue
        reason = _attribution_in_block(ctx, block)
        if reason:
            yield Hit(span.start, span.end, format_message(rule.message, reason=reason))


def _attribution_in_block(ctx: Context, block: Span) -> str | None:
    """Why a paragraph reads as sourced: a quotation or an attribution outside its insertions (once per block)."""
    memo = ctx.memo.setdefault("attribution_in_block", {})
    if id(block) not in memo:
        insertions = _insertions_by_block(ctx).get(id(block), [])
        reason = None
        if _quote_outside(block, insertions):
            reason = "a direct quotation"
        else:
            m = ATTRIBUTION.search(_strip_spans(ctx.text, block.start, block.end, insertions))
            if m:
                reason = f"an attribution (“{m.group()}”)"
        memo[id(block)] = reason
    return memo[id(block)]


def _quote_outside(block: Span, insertions: list[Span]) -> bool:
    """Whether the block holds a quotation that is not inside one of its (top-level, so disjoint)
    insertions. Each quotation is looked up among the insertions by bisection: a long paragraph of
    quotations and insertions is not quotations times insertions."""
    ordered = sorted(insertions, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for q in block.walk():
        if q.kind != QUOTE:
            continue
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or not ordered[k].contains(q):
            return True
    return False


# --- NL104 unlabeled-insertion --------------------------------------------------------------------

@needs("insertion")
def unlabeled_insertion(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    markers = _markers(ctx, options)
    for span in _top_insertions(ctx):
        if CLARIFICATION_TEXT.match(ctx.text[span.start:span.end]):
            continue
        if not is_labelled(ctx, span, markers):
            yield Hit(span.start, span.end, rule.message)


# --- NL105 commentary-under-wire-credit -------------------------------------------------------------

def _wire_credit(ctx: Context) -> Span | None:
    """The credit line ("Source: Associated Press") if there is one, else a dateline credit ("(AP) —").
    Worked out once per document (NL105 and NL302 both ask)."""
    if "wire_credit" not in ctx.memo:
        ctx.memo["wire_credit"] = _find_wire_credit(ctx)
    return ctx.memo["wire_credit"]


def _find_wire_credit(ctx: Context) -> Span | None:
    def credits(span: Span) -> bool:
        return bool(span.attrs.get("service")) and span.start < ctx.article_end

    for span in ctx.blocks_of_kind(SOURCE):
        if credits(span):
            return span
    return ctx.first_span(SOURCE, credits)  # at any depth, in document order


@needs("insertion", "standfirst")
def commentary_under_wire_credit(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    top_insertions = _top_insertions(ctx)
    standfirsts = ctx.blocks_of_kind(STANDFIRST)
    credit = _wire_credit(ctx)
    if credit is None:
        return
    markers = _markers(ctx, options) if top_insertions else ()
    insertions = [s for s in top_insertions if s.start < ctx.article_end
                  and (options.get("count-labelled", False) or not is_labelled(ctx, s, markers))
                  and not CLARIFICATION_TEXT.match(ctx.text[s.start:s.end])]
    parts = []
    if insertions:
        source = ctx.doc.source
        places = source.line_cols(source.original_start(s.start) for s in insertions)
        lines = sorted({line for line, _col in places.values()})
        noun = "editorial insertion" if len(insertions) == 1 else "editorial insertions"
        parts.append(f"{len(insertions)} {noun} (line{'s' if len(lines) > 1 else ''} {_places(lines)})")
    stand = [b for b in standfirsts if opinion_signals(ctx, b, _nl302_lexicons(ctx))]
    if stand:
        source = ctx.doc.source
        start = source.original_start(stand[0].start)
        parts.append(f"an opinion standfirst (line {source.line_cols([start])[start][0]})")
    if parts:
        service = credit.attrs.get("service")
        yield Hit(credit.start, credit.end, format_message(rule.message, service=service, what=" and ".join(parts)))


# A finding's message names at most this many places: a 50 MB file once listed 17,586 line numbers.
MAX_PLACES = 5


def _places(numbers: list[int]) -> str:
    """`3, 9, 14` or, past MAX_PLACES, the first few and `and N more`."""
    shown = ", ".join(map(str, numbers[:MAX_PLACES]))
    return shown if len(numbers) <= MAX_PLACES else f"{shown} and {len(numbers) - MAX_PLACES} more"


# --- NL201 scare-quotes ---------------------------------------------------------------------------

@needs("insertion", "standfirst", "comments")
def scare_quotes(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    max_words = int(options.get("max-words", 3))
    for quote in ctx.spans(QUOTE):
        if quote.attrs.get("speaker"):
            continue
        block = ctx.block_of(quote)
        in_insertion = ctx.inside(quote, INSERTION)
        in_standfirst = block.kind == STANDFIRST and "standfirst" in rule.scope
        in_comments = block.kind == COMMENTS and ctx.include_comments
        if not (in_insertion or in_standfirst or in_comments):
            continue
        inner = ctx.text[quote.start + 1:quote.end - 1].strip(" ,.;:!?")
        words = inner.split()
        if not words or len(words) > max_words:
            continue
        if in_standfirst and not in_insertion:
            s, e = sentence_at(ctx.text, block, quote.start)
            if ATTRIBUTION.search(_strip_spans(ctx.text, s, e, [quote])) or re.search(
                    r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|describ(?:es|ed)|term(?:s|ed)|label(?:s|led|ed))\b",
                    ctx.text[s:e], re.IGNORECASE):
                continue  # quoting what someone called it
        yield Hit(quote.start, quote.end, format_message(rule.message, match=ctx.text[quote.start:quote.end]))


# --- NL301 editorial-voice-in-wire-text -----------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _label_pattern(labels: tuple[str, ...]) -> "re.Pattern":
    return re.compile(r"(?:" + "|".join(re.escape(label) for label in labels) + r")\s*:", re.IGNORECASE)


def editorial_voice(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    """First or second person, questions, exclamations and conversational openers in wire text outside
    quotations.

    A sentence with an attribution verb is skipped: in wire copy "we will fight, he said" without marks is
    a quotation whose marks were lost (common in scraped copy), not the writer's own voice."""
    check_questions = options.get("questions", True)
    headlines = ctx.blocks_of_kind(HEADLINE)
    headline = headlines[0] if headlines else None
    labels = tuple(options.get("transcript-labels", ()))
    if headline is not None and labels and _label_pattern(labels).match(ctx.text, headline.start, headline.end):
        return  # "Text: …", "Highlights: …": the whole story is a speech or statements, quoted without marks
    text = ctx.text
    quick, prefilter, candidate = VOICE_QUICK.search, VOICE_PREFILTER.search, VOICE_CANDIDATE.search
    remarks = _remark_patterns(tuple(options.get("remarks", ())), tuple(options.get("set-off-attitude", ())))
    remarks_at = remarks.positions(text) if remarks else []
    next_remark = 0  # the first of remarks_at not before the block being read (blocks come in order)
    runs_of = ctx.runs_of
    explainer_heads = None  # found when a paragraph first needs them: most documents have no candidate
    blocks = _voiced_blocks(ctx)
    for block_before, block in zip([None, *blocks], blocks):
        while next_remark < len(remarks_at) and remarks_at[next_remark] < block.start:
            next_remark += 1
        # Whether a remark may be in this block: only then are its sentences asked for one.
        remark_here = next_remark < len(remarks_at) and remarks_at[next_remark] < block.end
        wire_runs = runs_of(block) if block.kind == PARAGRAPH else _own_runs(block)
        # Most paragraphs hold no candidate at all: quick searches before splitting sentences.
        for run in wire_runs:
            a, b = run.start, run.end
            found = quick(text, a, b)
            if not found:
                continue
            # The prefilter's first match starts at or one letter (the o of "our") before the quick one's,
            # and the candidate search (slower, from the regex module) usually matches right there.
            found = prefilter(text, max(a, found.start() - 1), b)
            if found and (candidate(text, found.start(), b) or candidate(text, a, b)):
                break
        else:
            # Nor a paragraph of wire text opening with a conversational opener ("Yeah, this was bound to
            # happen."): one str.startswith, not a scan. Openers later in a paragraph are found where the
            # paragraph is read for another reason.
            if not (wire_runs and wire_runs[0].start == block.start and text.startswith(_OPENER_STARTS, block.start)) \
                    and not remark_here:
                continue
        # A quotation opening with a double mark shows the paragraph has one: no "said" need be looked for.
        # (Asked only of the few paragraphs with a candidate.)
        quoted = len(block.children) > 1 and _opens_with_quote_mark(text, block)
        runs = [(run.start, run.end) for run in wire_runs]
        if block_before is not None and _introduces_statement(text, block_before):
            continue  # after "FBME issued a statement …:" or "He wrote:", a statement or a letter set out unquoted
        if TWEET_TIMESTAMP.search(ctx.text, block.start, block.end):
            continue  # a transcript of posts ("[0700 EST] - …") quotes them verbatim, without marks
        if _SPEAKER_COLON.match(text, block.start, block.end):
            continue  # "Dr. Lisa Harmon, Marshall Medical Center: We were doing …": a speaker's words under their name
        if _newsletter_furniture(text, block) or _site_message(text, block) or _opens_with_restoration(text, block):
            continue
        # A section head in capitals asks as a headline does ("WHAT HAPPENS NEXT?", "WHAT IT MEANS FOR YOU");
        # only an exclamation there is a voice ("BUT MAAAHM! IT’S ARTISTIC NUDITY!").
        heading = _section_heading(text, block) or _title_heading(text, block) or _label_line(text, block)
        if explainer_heads is None:
            explainer_heads = _explainer_heads(ctx)
        head_end = explainer_heads.get(block.start)  # an explainer's head opening the paragraph: its reader's
        generic_you = head_end is not None or _generic_you(text, block)
        live_entry = head_end is not None and _OPENING_STAMP.match(text, block.start, head_end) is not None
        unattributed = False  # known to hold no attribution
        if not (quoted or QUOTE_MARK.search(text, block.start, block.end)):
            if any(_speech_reported(text, run.start, run.end) for run in wire_runs):
                # Speech is reported but not one quotation mark is left: the marks were lost (scraped and
                # dataset copies often drop them), so whose words are whose cannot be told here. (In the wire
                # text: "he cited" in the writer's own aside reports nobody's words in the paragraph.)
                continue
            unattributed = True
        all_sentences = sentences(ctx.text, block.start, block.end)
        if unattributed:
            # Nor does any of its sentences (an attribution in one is one in the paragraph: a sentence
            # ends where the paragraph does or after punctuation, where no attribution word ends).
            attributed = [False] * len(all_sentences)
        else:
            attributed = [_speech_reported(ctx.text, s, e) for s, e in all_sentences]
        window = int(options.get("attribution-window", 2))
        for index, (s_start, s_end) in enumerate(all_sentences):
            parts = [(max(a, s_start), min(b, s_end)) for a, b in runs if a < s_end and b > s_start]
            if not parts:
                continue
            sentence = ctx.text[s_start:s_end]
            # An attribution in this sentence or its neighbours: a quotation that lost its marks.
            if any(attributed[max(0, index - 1):index + window + 1]):
                # But a stock remark is read past an attribution before it ("…, according to CoinGecko. The
                # coin's logo, naturally, was …"): a quotation that lost its marks is attributed in its own
                # sentence or the next.
                if remark_here and not any(attributed[index:index + 2]) and not _has_quote_mark_inside(sentence) \
                        and (hit := _remark_hit(remarks, ctx.text, s_start, s_end, parts, rule)) is not None:
                    yield hit
                continue
            if _has_quote_mark_inside(sentence):
                continue
            if _EMAIL.search(sentence):
                continue  # "Contact us at editors@…": the page's contact line, not the story's voice
            if sentence.startswith(_ASKED_LABELS):
                continue  # "Q: Will the census ask about citizenship?": an explainer puts the reader's question
            if is_newsroom_note(sentence):
                continue  # "(We have reached out to Acme for comment.)": the newsroom's checking, not a voice
            opener = _OPENER.match(ctx.text, s_start, s_end)
            if opener and any(a <= opener.start("word") < b for a, b in parts):
                yield Hit(opener.start("word"), opener.end("word"),
                          format_message(rule.message, what=f"a conversational opener “{opener.group('word')}”"))
            elif remark_here and (hit := _remark_hit(remarks, ctx.text, s_start, s_end, parts, rule)) is not None:
                yield hit
            for a, b in parts:
                for m in FIRST_PERSON.finditer(ctx.text, a, b) if not heading else ():
                    if m.group() == "I" and (ROMAN_I_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
                                             or _roman_i_after(ctx.text, m.end())
                                             or (ctx.text[m.start() - 1:m.start()] == "("
                                                 and ctx.text[m.end():m.end() + 1] in (")", "-"))):
                        continue  # "Phase I", "I-95", an independent's "(I)" or "(I-Vt.)"
                    if m.start() > s_start and _in_proper_name(ctx.text, m.start(), m.end()):
                        continue  # "Save My Care", "Keep the Promise I": a name, not a voice
                    if _in_web_address(ctx.text, m.start(), m.end()) or (head_end is not None and m.start() < head_end):
                        continue  # a link's word; the reader asking an explainer's head ("Where should I go?")
                    yield Hit(m.start(), m.end(), format_message(rule.message, what=f"first person “{m.group()}”"))
                    break
                for m in SECOND_PERSON.finditer(ctx.text, a, b) if not (generic_you or heading) else ():
                    if _in_web_address(ctx.text, m.start(), m.end()):
                        continue
                    yield Hit(m.start(), m.end(), format_message(rule.message, what=f"second person “{m.group()}”"))
                    break
                if check_questions:
                    answered = None  # whether the next sentence answers this one (asked only of a question)
                    for m in QUESTION_OR_EXCLAMATION.finditer(ctx.text, a, b):
                        if heading and "?" in m.group():
                            continue
                        if live_entry and index == 0 and "!" in m.group():
                            continue  # a live blog's entry calls what happened: "78 mins: GOAL!", "LIFTOFF!"
                        if "?" in m.group():
                            if _POSED.search(ctx.text, s_start, m.start()):
                                continue  # "raising the question: why not abolish prisons?": a question reported
                            if _EXPLAINER_HEAD.fullmatch(ctx.text, s_start, m.end()) or s_start in explainer_heads:
                                continue  # "What happens next? The House votes …": an explainer's section head
                            if answered is None:
                                following = all_sentences[index + 1] if index + 1 < len(all_sentences) else None
                                answered = following is not None and _answers(text, (s_start, s_end), following)
                            if answered:
                                continue
                        what = "a rhetorical question" if "?" in m.group() else "an exclamation"
                        yield Hit(m.start(), m.end(), format_message(rule.message, what=what))
                        break


# "say" after a modal of what is possible or "let's" reports nobody's words: "Some might say that's what they
# should be doing", "you could say", "I'd say", "let's say". A commentary paragraph full of the writer's voice
# must not pass for speech whose quotation marks were lost because of it. (Not "will say", "must say", "to
# say": a speech, or words about to be reported, use them too: "I must say to my people". Nor "would not say",
# "would only say": a refusal or a limit of what was said is reporting.)
_HYPOTHETICAL_SAY = _Lazy(re.compile, r"(?i:\b(?:might|may|could|would|should)|['’]d|\blet['’]s)"
                                      r"[ \t]+(?:(?:also|even|well|easily|fairly|safely|probably|perhaps|certainly)"
                                      r"[ \t]+)?\Z")


def _speech_reported(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds an attribution (find_attribution) that reports speech: not a "say"
    of _HYPOTHETICAL_SAY."""
    while (m := find_attribution(text, start, end)) is not None:
        if m.group().lower() != "say" or not _HYPOTHETICAL_SAY.search(text, max(start, m.start() - 20), m.start()):
            return True
        start = m.end()
    return False


# A sentence opened as one speaks, not as an agency writes: "Yeah, this was bound to happen.", "So, this is
# really a non-story.", "Well, you could read it that way.", "Oh, the context…", "Nope." (A comma after
# "So" and "Well": "So far" and "Well-known" are reporting's.)
_OPENER = _Lazy(re.compile, r"\s*(?P<word>(?:Yeah|Yep|Nope)(?=[,.!])|(?:Well|Oh|So)(?=,))")
_OPENER_STARTS = ("Yeah", "Yep", "Nope", "Well,", "Oh,", "So,")


class _Remarks:
    """The writer's stock remarks of NL301's options, as patterns: `remarks` open a sentence ("So much for the
    honeymoon.", "Bless his heart."), `set-off-attitude` words stand between commas ("The logo, naturally, was
    an eagle"). Wire copy says neither in its own voice; both are searched for in wire text only."""

    __slots__ = ("_opening", "_set_off", "_anywhere")

    def __init__(self, remarks: tuple[str, ...], attitude: tuple[str, ...]) -> None:
        def alternatives(phrases, ignore_case=False):  # a space matches any white space, an apostrophe either one
            return by_first_letter([re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")
                                    for p in sorted(phrases, key=len, reverse=True)], ignore_case)
        opening = rf"(?:{alternatives(remarks)})(?![\w’'])" if remarks else None
        set_off = rf"(?i:{alternatives(attitude, ignore_case=True)})" if attitude else None
        self._opening = compile_re(rf"[\s“\"‘']*(?P<word>{opening})") if opening else None
        self._set_off = compile_re(rf",\s*(?P<word>{set_off})\s*,") if set_off else None
        # Looked for once in the whole text, each on its own (one pattern of both runs 4x slower): a remark
        # after a sentence's end or a line break (`re` scans for the rare . ! ? … and line breaks, not for
        # capitals), a set-off word after a comma. editorial_voice walks the positions with its blocks.
        self._anywhere = tuple(compile_re(p).finditer for p in (
            opening and rf"[.!?…\n][”\"’')\]]*\s*[“\"‘']*(?P<at>{opening})", set_off and rf"(?P<at>,)\s*{set_off}\s*,") if p)

    def positions(self, text: str) -> list[int]:
        """Where a remark or a set-off word's comma may be, in the whole text, in order."""
        return sorted(m.start("at") for finditer in self._anywhere for m in finditer(text))

    def remark_at(self, text: str, start: int, end: int, parts) -> "re.Match | None":
        """The remark opening the sentence [start, end), or the first set-off word in it, where it lies in
        wire text (`parts`)."""
        for match in ((self._opening.match(text, start, end) if self._opening else None),
                      (self._set_off.search(text, start, end) if self._set_off else None)):
            if match and any(a <= match.start("word") < b for a, b in parts):
                return match
        return None


# The end of a paragraph that sets out a statement, a letter, a post or a speaker's words after it, unquoted:
# "FBME issued a statement for publication denying …, SeaForce Marine Ltd.:", "It reads, in part:", "Sullivan
# explains:".
_INTRODUCES_STATEMENT = _Lazy(re.compile,
    r"\b(?:statement|letter|memo|e-?mail|post|tweet|message|note|transcript|excerpt|wrote|writes|reads?|explains?|explained|"
    r"argues|argued|says|said|adds|added|continues|continued|put\s+it|tweeted|posted)\b[^!?]*:\s*$")
_INTRODUCTION_TAIL = 300


def _introduces_statement(text: str, block: Span) -> bool:
    end = block.end
    while end > block.start and text[end - 1].isspace():
        end -= 1
    return (text[end - 1:end] == ":"
            and _INTRODUCES_STATEMENT.search(text, max(block.start, end - _INTRODUCTION_TAIL), end) is not None)


# An explainer's layout: paragraphs that each open with a short question or label and go on to answer it
# ("What is changing? Workers age 50 and older …", "Am I protected? If you received two doses …", "Credit
# cards: Most cards have variable rates …"). Three or more make them the explainer's section heads, whatever
# words they ask in, and the reader who asks them ("Where should I go?") is who the answer's "you" is; a
# commentary asks and moves on. (A head in capitals is a newsletter's, looked at as before: "WELL, DO YA,
# PUNK? - You'd better be good …")
_EXPLAINER_HEADS = 3
_HEAD_CHARS = 120
_OPENING_QUESTION = _Lazy(re.compile, r"[^.!?\n]{3,%d}\?[\"”’']*\s+(?=[A-Z“\"])" % _HEAD_CHARS)
_OPENING_LABEL = _Lazy(re.compile, r"[A-Z][^.!?:\n]{2,40}:[ \t]+(?=[A-Z“\"])")
# A newsletter's item is headed by a label and a title before a dash ("Kelly File: Cruz says Kerry comments will
# fuel anti-Semitism - “You can be certain …”", "Pick Six: Contractor ad a game changer? - Republicans …"): its
# writer's voice, not an explainer's head.
_ITEM_TITLE_DASH = _Lazy(re.compile, r"\s[-–—]\s")
# Or a live blog's entries, each under its time: "8:47 p.m.: State Rep. …", "78 mins: GOAL! …", "7:55 p.m. EDT: LIFTOFF!"
_OPENING_STAMP = _Lazy(re.compile, r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm|mins?|minutes|['’])?(?:\s+[A-Z]{2,4})?\s*[:—–-][ \t]+")
# A person's words under their name and title or place, as reaction pieces and panels print them.
_SPEAKER_COLON = _Lazy(re.compile, r"(?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof)\.\s+)?[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}"
                                   r",\s+[A-Z][^:.!?\n]{2,80}:[ \t]+(?=[A-Z“\"])")


def _explainer_heads(ctx: Context) -> dict[int, int]:
    """The opening questions and labels of an explainer's paragraphs (paragraph start -> head end), if it has
    _EXPLAINER_HEADS of them."""
    text = ctx.text
    heads = {}
    for block in ctx.paragraphs():
        colon_or_question = text.find("?", block.start, min(block.end, block.start + _HEAD_CHARS + 1)) != -1 \
            or text.find(":", block.start, min(block.end, block.start + 43)) != -1
        if colon_or_question and ((m := _OPENING_QUESTION.match(text, block.start, block.end))
                                  or (m := _OPENING_LABEL.match(text, block.start, block.end))
                                  or (m := _OPENING_STAMP.match(text, block.start, block.end))) \
                and not m.group().isupper() and not _ITEM_TITLE_DASH.search(text, m.end(), min(block.end, m.end() + 100)):
            heads[block.start] = m.end()
    return heads if len(heads) >= _EXPLAINER_HEADS else {}


def _voiced_blocks(ctx: Context) -> list[Span]:
    """The blocks NL301 reads: the paragraphs, and the standfirst of an article no wire service is credited
    with (the site's own dek, as much its writer's as the body; under a wire credit NL302 judges it)."""
    standfirsts = ctx.blocks_of_kind(STANDFIRST)
    if not standfirsts or _wire_credit(ctx) is not None:
        return ctx.paragraphs()
    return sorted(ctx.paragraphs() + [b for b in standfirsts if b.start < ctx.article_end], key=lambda b: b.start)


def _remark_hit(remarks: "_Remarks", text: str, start: int, end: int, parts, rule: Rule) -> Hit | None:
    remark = remarks.remark_at(text, start, end, parts)
    if remark is None:
        return None
    return Hit(remark.start("word"), remark.end("word"),
               format_message(rule.message, what=f"the writer's remark “{remark.group('word')}”"))


def _own_runs(block: Span) -> list[Span]:
    """A standfirst's text outside its quotations and brackets (the parser gives it no wire runs)."""
    from ..parsing.document import fill_gaps  # imported by every parse already; not at start-up

    return [run for run in fill_gaps(block.children, block.start, block.end, WIRE) if run.kind == WIRE]


@functools.lru_cache(maxsize=8)
def _remark_patterns(remarks: tuple[str, ...], attitude: tuple[str, ...]) -> _Remarks | None:
    return _Remarks(remarks, attitude) if remarks or attitude else None


# Newsletter furniture: a short lead-in to a list ("Here are your must-reads:"), or a digest item that
# ends by citing the outlet whose summary it carries ("… vote for—gulp—Hillary? [Politico]").
_LIST_LEAD_IN_WORDS = 8
_CITED_DIGEST_ITEM = _Lazy(re.compile, r"[\[(][A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}[\])]\s*$")
_WH_CLAUSE = _Lazy(re.compile, r"\b(?:what|why|how|who|whom|where|when|which|whether)\b", re.IGNORECASE)
_EMAIL = _Lazy(re.compile, r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "If you live in a swing state, chances are you've seen …": the generic "you" of anyone at all, set up
# by a conditional or temporal clause, not the writer addressing the reader.
# Only when the main clause goes on to describe (", chances are you've seen …", ", you'll find …"); one that
# turns to the reader with an imperative (", think again") is the writer's voice.
_GENERIC_YOU = _Lazy(re.compile, r"\b(?:[Ii]f|[Ww]hen|[Ww]henever|[Ww]hether|[Uu]nless|[Oo]nce|[Uu]ntil|[Aa]s\s+long\s+as)"
                                 r"\s+you(?:r|[’'](?:re|ve|d|ll))?\b")  # "If your flight is canceled and you …, you are"
_DESCRIPTIVE_MAIN_CLAUSE = _Lazy(re.compile, r"[^,.;!?]{0,120},\s+(?:you|chances|odds|there|it|the|a|an|that|this|"
                                             r"your|many|most|some|one|they|he|she|we)\b", re.IGNORECASE)


# A copyright notice is the site's at any length ("Copyright © 2019 NPR. All rights reserved. Visit our
# website terms of use …", with a transcript's disclaimer after it).
_COPYRIGHT_STARTS = ("Copyright", "COPYRIGHT", "©", "(c) ", "(C) ")


def _site_message(text: str, block: Span) -> bool:
    """The site speaking to its reader (parsing.document.is_site_message), or its copyright notice."""
    from ..parsing.document import is_site_message  # imported by every parse already; not at start-up

    return text.startswith(_COPYRIGHT_STARTS, block.start) or (
        is_site_message(text, block.start, block.end))


def _opens_with_restoration(text: str, block: Span) -> bool:
    """Whether a paragraph opens with a restored capital ("[T]he policy had two parts", "[While] we believe
    …"): only quoted words have their first word restored, so it is a document quoted as a block, whose
    marks the page never printed."""
    children = block.children
    return (bool(children) and children[0].kind == CLARIFICATION and children[0].start == block.start
            and text[block.start + 1:block.start + 2].isupper())


# The words that open a sentence without naming anything the question before it asked about.
_NOT_ANSWERING = frozenset("""It He She They We I You This That These Those There Here And But So Or Yes No Well Oh
    Maybe Perhaps Not Nobody Everyone Everybody Nothing Who What Why How When Where Which Is Are Was Were Do Does
    Did Can Could Will Would Should Has Have Had A An""".split())
_ASKED_WORDS = 5  # an interviewer's question is a whole one


def _bare_word(word: str) -> str:
    return word.strip("“”\"‘’'.,;:?!()").removesuffix("’s").removesuffix("'s").rstrip("’'")


def _answers(text: str, question: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether the sentence `following` answers the question before it, as an explainer's or an interview's
    does: it names what the question asked about ("Who is Paul Manafort? Manafort is a veteran Republican
    operative", "What does the indictment charge? The indictment …"), or a quotation answers a whole
    question ("Does the mayor worry about it? “No, I don't …”"). A rhetorical question is left unanswered,
    or answered in the writer's own words ("Is this a fair question? It was insane then", "Their basic
    message? “You'd better be tolerant.”")."""
    rest = text[following[0]:following[1]].strip()
    if rest.rstrip("”\"’')").endswith("?"):
        return False  # a question after a question: "Is it the movie's fault? Is it the intelligence community?"
    asked = text[question[0]:question[1]].split()
    if rest[:1] in ("“", '"'):
        return len(asked) >= _ASKED_WORDS
    words = rest.split(None, 2)
    if not words or not words[0][:1].isupper() or words[0] in _NOT_ANSWERING:
        return False
    name = words[1] if words[0] == "The" and len(words) > 1 else words[0]  # "The indictment", or "Manafort"
    return _bare_word(name) in {_bare_word(word) for word in asked}


# An explainer's question, labelled as the reader's: "Q: Will the census ask about citizenship?"
_ASKED_LABELS = ("Q:", "Q.", "Q -", "Q –", "Q —", "QUESTION:", "Question:")
# An explainer's stock section head run into its paragraph, a question with nothing of its own to argue:
# "What happens next? The House is expected to vote …", "Why does it matter?", "What's at stake?". (In
# capitals it is a heading already; one with words of its own is looked at as any question is.)
_EXPLAINER_HEAD = _Lazy(re.compile,
    r"\s*(?:So,?\s+)?(?:what\s+happens\s+(?:next|now)|what(?:[’']s|\s+is|\s+comes)\s+next|what\s+now"
    r"|why\s+(?:does\s+(?:it|this)\s+matter|it\s+matters|this\s+matters)|what(?:[’']s|\s+is)\s+at\s+stake"
    r"|what\s+does\s+(?:it|this)\s+mean|what\s+(?:do\s+)?we\s+know|what\s+we\s+don[’']t\s+know"
    r"|how\s+does\s+it\s+work|who\s+is\s+affected"
    r"|what(?:[’']s|\s+is)\s+(?:the\s+(?:story|background|context)|in\s+(?:it|the\s+(?:bill|deal|plan|report))))\s*\?",
    re.IGNORECASE)
# A question a sentence reports, after the word that names it and a colon: "one group of activists is
# raising the question: why not abolish prisons?", "The question now: will the Fed cut rates?" (as wire
# copy poses one, the asking is named, not done in the writer's voice). Not "Ask yourself one question: …".
_POSED = _Lazy(re.compile, r"\b(?:the|a)\s+(?:\w+\s+)?questions?(?:\s+\w+)?\s*:\s", re.IGNORECASE)
_HEADING_WORDS = 12


def _section_heading(text: str, block: Span) -> bool:
    """Whether a paragraph is a short heading in capitals ("WHAT HAPPENS NEXT?", an explainer's section
    head, a newsletter's item head): no lower-case letter, a few words."""
    stretch = text[block.start:block.end]
    return len(stretch.split(None, _HEADING_WORDS)) <= _HEADING_WORDS and stretch.isupper()


# A pointer to another page, as a line of its own: "Read More: Trump's health plan: What we know so far",
# "RELATED: …", "See also: …". Its words are the linked page's headline, not the story's voice.
_POINTER_LINE = _Lazy(re.compile, r"\s*(?:read\s+more|related(?:\s+(?:coverage|story|stories|content))?|see\s+also|"
                                  r"also\s+read|more|watch|listen|read\s+the\s+full\s+story)\s*:", re.IGNORECASE)
_POINTER_WORDS = 20
# A short paragraph holding an e-mail address is the site's contact line: "Have a tip? Send it to tips@…".
_CONTACT_WORDS = 30


# A headline in title case set among the paragraphs: another story's, linked from the page ("Why Do Children
# Keep Dying in U.S. Custody? Maybe Because Nobody Is Holding CBP Accountable."), or the piece's own printed
# again ("Will the Legitimacy of the Supreme Court Survive the Census Case?"). Its words of four letters or
# more are capitalised, three at least, and it is short; it asks, and says "you", as a headline does.
_TITLE_HEADING_WORDS = 20
_TITLE_LONG_WORD = _Lazy(re.compile, r"[^\W\d_][\w’'-]{3,}")


def _title_heading(text: str, block: Span) -> bool:
    stretch = text[block.start:block.end]
    if len(stretch.split(None, _TITLE_HEADING_WORDS)) > _TITLE_HEADING_WORDS or "\n" in stretch.strip():
        return False
    long_words = _TITLE_LONG_WORD.findall(stretch)
    return len(long_words) >= 3 and all(word[0].isupper() for word in long_words)


# A page's label, button or link line among the paragraphs: a few words on one line that end no sentence ("My
# Portfolio", "More for You", "Share what you think", "Advertise with us", "Take Us With You"). It says "you"
# and "us" as an interface does, not as a writer.
_LABEL_LINE_WORDS = 8


def _label_line(text: str, block: Span) -> bool:
    stretch = text[block.start:block.end].strip()
    return (len(stretch.split(None, _LABEL_LINE_WORDS)) <= _LABEL_LINE_WORDS and "\n" not in stretch
            and not stretch.rstrip("”\"’')]").endswith((".", "!", "?", "…", ":", ",")))


def _newsletter_furniture(text: str, block: Span) -> bool:
    stretch = text[block.start:block.end].rstrip()
    if stretch.endswith(":") and len(stretch.split()) <= _LIST_LEAD_IN_WORDS and not _WH_CLAUSE.search(stretch):
        return True  # "Here are your must-reads:" names a list; "Here's what they won't tell you:" argues
    if len(stretch.split(None, _POINTER_WORDS)) <= _POINTER_WORDS and _POINTER_LINE.match(stretch):
        return True
    if "@" in stretch and len(stretch.split(None, _CONTACT_WORDS)) <= _CONTACT_WORDS and _EMAIL.search(stretch):
        return True
    return stretch.endswith(("]", ")")) and _CITED_DIGEST_ITEM.search(stretch) is not None


def _generic_you(text: str, block: Span) -> bool:
    """Whether the paragraph's first "you" is the generic one ("If you live in …"): its later ones are too."""
    first = SECOND_PERSON.search(text, block.start, block.end)
    if first is None:
        return False
    lead_in = _GENERIC_YOU.search(text, max(block.start, first.start() - 12), first.end())
    return (lead_in is not None and lead_in.end() >= first.end() - 1
            and _DESCRIPTIVE_MAIN_CLAUSE.match(text, lead_in.end(), block.end) is not None)


def _opens_with_quote_mark(text: str, block: Span) -> bool:
    """Whether one of the block's quotations opens with a QUOTE_MARK (then the block holds one)."""
    for child in block.children:
        if child.kind == QUOTE and text.startswith(tuple(QUOTE_MARKS), child.start, child.end):
            return True
    return False


def _has_quote_mark_inside(sentence: str) -> bool:
    # A straight double quote the parser could not pair means the quotation context is unreliable.
    return sentence.count('"') % 2 == 1


_CAPITALISED_BEFORE = _Lazy(re.compile, "[" + UPPER + r"][\w'’.-]*\s+$")
_CAPITALISED_AFTER = _Lazy(re.compile, r"\s+[" + UPPER + "]")


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """A capitalised pronoun inside a run of capitalised words, or "I" closing one (a Roman numeral)."""
    word = text[start:end]
    if not word[:1].isupper() or not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start):
        return False
    if word == "I":
        return not re.match(r"\s+[" + LOWER + "]", text[end:end + 3])
    return bool(_CAPITALISED_AFTER.match(text, end))


# A web address, as a story's last lines give one ("Follow AP's coverage at https://apnews.com/hub/us-news",
# "See example.org/your-rights"): its words are a path, nobody's voice.
_WEB_ADDRESS = _Lazy(re.compile, r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*",
                     re.IGNORECASE)
_ADDRESS_CHARS = 500  # how far either side of a word its address is looked for (a long run stays linear)


def _in_web_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a web address (_WEB_ADDRESS) in the run of non-space characters
    holding it. Most words are no part of one: a run without a "/" is not looked at."""
    left, right = start, max(start, end)
    floor, ceiling = max(0, start - _ADDRESS_CHARS), min(len(text), end + _ADDRESS_CHARS)
    while left > floor and not text[left - 1].isspace():
        left -= 1
    while right < ceiling and not text[right].isspace():
        right += 1
    if text.find("/", left, right) == -1:
        return False
    return any(m.start() <= start and end <= m.end() for m in _WEB_ADDRESS.finditer(text, left, right))


def _roman_i_after(text: str, pos: int) -> bool:
    # "I-95", "Class I." … a following hyphen and digit, or the letter as an initial ("I. M. Pei").
    return bool(re.match(r"(?:-\d|\.\s?[" + UPPER + r"]\.)", text[pos:pos + 6]))


# --- NL302 opinion-standfirst ---------------------------------------------------------------------

_PUNCHLINE = _Lazy(re.compile, r"^(?:They|He|She|It|This|That|These|Those|Nobody|No one)\b[^.!?]{0,30}"
                               r"(?:n['’]t\b|\b(?:not|never|no)\b)[^.!?]{0,20}[.!?]$")


def _nl302_lexicons(ctx: Context):
    for rule in ctx.rules.values():
        if rule.check == "opinion_standfirst":
            return rule.lexicons
    return ()


# "Don't expect the government to lift a finger.": a standfirst telling the reader what to think.
_IMPERATIVE_TO_READER = _Lazy(re.compile,
                              r"\s*(?:Don['’]t|Do not|Never|Imagine|Remember|Guess|Ask yourself|Just wait|"
                              r"Expect|Forget|Note that|Make no mistake)\b")


def opinion_signals(ctx: Context, block: Span, lexicons=()) -> list[str]:
    """Why a standfirst reads as opinion. Quotations are someone else's words and do not count; nor
    does a sentence that attributes what it says (its quotation marks may have been lost)."""
    quotes = [q for q in block.walk() if q.kind == QUOTE]
    own = []  # sentences in the standfirst's own voice, quotations blanked
    unquoted = []  # every sentence with its quotations blanked (for word lists)
    for s, e in sentences(ctx.text, block.start, block.end):
        sentence = _strip_spans(ctx.text, s, e, quotes)
        if QUOTE_MARK.search(sentence):
            continue  # a quotation the parser could not close: whose words these are is unknown
        unquoted.append(sentence)
        if not ATTRIBUTION.search(sentence):
            own.append(sentence)
    text = " ".join(own)
    signals = []
    m = SECOND_PERSON.search(text)
    if m:
        signals.append(f"second person “{m.group()}”")
    m = FIRST_PERSON.search(text)
    if m and m.group() != "I":
        signals.append(f"first person “{m.group()}”")
    if "?" in text:
        signals.append("a rhetorical question")
    if "!" in text:
        signals.append("an exclamation")
    if lexicons:
        # One pass over the words for all the lists; each list's first match is its signal.
        first: dict[int, str] = {}
        for index, m in find_words([lexicon.matcher for lexicon in lexicons], " ".join(unquoted)):
            first.setdefault(index, m.group())
        for index, lexicon in enumerate(lexicons):
            if index in first:
                signals.append(f"{lexicon.category} “{first[index]}”")
    for sentence in own:
        if _IMPERATIVE_TO_READER.match(sentence):
            signals.append(f"an imperative to the reader “{sentence.strip()}”")
        if _PUNCHLINE.match(sentence.strip()):
            signals.append(f"an unattributed verdict “{sentence.strip()}”")
    return signals


@needs("standfirst")
def opinion_standfirst(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    if _wire_credit(ctx) is None:
        return
    for block in ctx.blocks_of_kind(STANDFIRST):
        signals = opinion_signals(ctx, block, rule.lexicons)
        if signals:
            yield Hit(block.start, block.end, format_message(rule.message, signals="; ".join(signals)))


# --- NL403 unattributed-quote ---------------------------------------------------------------------

_SPEECH_ENDS = ".!?,…"  # the last character of a quotation that reads as speech, before closing marks
_CLOSING_MARKS = "\"'”’"


def _ends_like_speech(inner: str) -> bool:
    """Whether re.search(r"[.!?,…][\"'”’]*$", inner) matches, for a stripped quotation (no final newline for
    $ to stop before): its last character other than closing marks is one of .!?,… (str methods instead
    of a pattern scan of the whole quotation for the class)."""
    body = inner.rstrip(_CLOSING_MARKS)
    return body != "" and body[-1] in _SPEECH_ENDS


def unattributed_quote(ctx: Context, rule: Rule, options: dict) -> Iterator[Hit]:
    min_words = int(options.get("min-words", 5))
    text = ctx.text
    paragraphs = ctx.paragraphs()
    for index, block in enumerate(paragraphs):
        children = block.children
        if len(children) == 1 and children[0].kind == WIRE:
            continue  # plain reporting, as most paragraphs are: no quotation in it
        # One loop over the children instead of a list and two any() over it (generators cost more
        # than the few children they read).
        quotes = []
        for child in children:
            if child.kind == QUOTE:
                attrs = child.attrs
                if attrs.get("speaker") or attrs.get("closed") is False:
                    # The paragraph names its speaker; or a quotation carried over paragraphs, attributed
                    # once, often in the first or last paragraph.
                    break
                quotes.append(child)
        else:
            if quotes and not (index and _speaker_before(text, paragraphs, index)):
                yield from _unattributed(text, block, quotes, min_words, rule)


def _speaker_before(text: str, paragraphs: list[Span], index: int) -> bool:
    """Whether a quotation in paragraphs[index] may take its speaker from the paragraph before: it leaves
    a quotation open (a quotation carried over paragraphs is attributed once), attributes one, or reports
    someone's speech ("Abu Zahra, 50, said demonstrators were …", "… he said:"); or it carries on a
    quotation from the paragraph before it, and so on back, and one of those names the speaker."""
    before = index - 1
    if _leaves_quotation_open(paragraphs[before]):
        return True
    while before >= 0:
        block = paragraphs[before]
        if any(c.kind == QUOTE and c.attrs.get("speaker") for c in block.children) \
                or _has_attribution(text, block.start, block.end):
            return True
        if not (before and _leaves_quotation_open(paragraphs[before - 1])):
            return False
        before -= 1
    return False


def _leaves_quotation_open(block: Span) -> bool:
    for child in block.children:
        if child.kind == QUOTE and child.attrs.get("closed") is False:
            return True
    return False


def _unattributed(text: str, block: Span, quotes: list[Span], min_words: int, rule: Rule) -> Iterator[Hit]:
    reported = []
    for quote in quotes:
        inner = text[quote.start + 1:quote.end - 1].strip()
        # Words counted up to min_words only (a split that stops there): most quotations are longer.
        if not inner[:1].isupper() or len(inner.split(None, min_words - 1)) < min_words:
            continue
        if not _ends_like_speech(inner):
            continue
        reported.append(quote)
    # The attribution search (the slow test) last: only for a paragraph with a quotation to report.
    if not reported or _has_attribution(_strip_spans(text, block.start, block.end, quotes, keep_offsets=False)):
        return
    for quote in reported:
        yield Hit(quote.start, quote.end, rule.message)
