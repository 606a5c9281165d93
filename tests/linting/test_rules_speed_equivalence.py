"""The rules' quick paths must decide exactly as the slower searches they stand in front of.

- NL301's `VOICE_QUICK` must match in every stretch of text where `VOICE_PREFILTER` matches (it
  decides whether the prefilter is asked at all, and from where), whatever the neighbours and bounds.
- `ATTRIBUTION`, built as a trie of letters under IGNORECASE, and `find_attribution`, which searches
  from gap to gap, must find exactly what the plain case-insensitive alternation of the same words finds.
- NL403 searches a paragraph for an attribution with each quotation as one space, not blanked out: it
  must find one exactly when the search on the blanked text does.
- `patterns.compile_word_list`, its entries grouped by first letter, must match what the flat alternation of
  the same entries matched.
- `engine.Context`'s indexes (enclosing spans, spans by kind, blocks by kind, article end, paragraphs,
  wire runs) must answer as walking the span tree does.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

import notelint
from notelint.linting import checks
from notelint.linting import engine, patterns, rules
from notelint.parsing import model
from notelint.linting.context import Context
from notelint.reading.formats import read_source
KINDS = sorted(value for name, value in vars(model).items() if name.isupper() and isinstance(value, str))

VOICE_TOKENS = ["I", "I'm", "I’d", "we", "We", "WE", "us", "US", "Us", "our", "Our", "OUR", "ours", "Ours",
                "ourselves", "Ourselves", "four", "hour", "me", "Me", "My", "my", "myself", "Myself", "mys",
                "you", "YOU", "yOu", "Yours", "young", "y'all", "Y’ALL", "y", "Y", "?", "!", "it", "In", "use",
                "mew", "yes", "were", "members", "é", "²", "_", "1", "-", "'", "’", " ", "\n", "[", "“", "."]
NEIGHBOURS = ["", " ", "x", "X", "_", "'", "’", "-", "1", "²", "é", "?", "\n", "o", "O", "y", "Y", "s"]


def quick_finds_whatever_the_prefilter_finds(text: str, start: int, end: int) -> bool:
    """Wherever the prefilter matches, the quick filter does too, and the prefilter still matches when
    searched from one character before the quick filter's first match (as editorial_voice does)."""
    if not checks.VOICE_PREFILTER.search(text, start, end):
        return True
    found = checks.VOICE_QUICK.search(text, start, end)
    return bool(found) and bool(checks.VOICE_PREFILTER.search(text, max(start, found.start() - 1), end))


@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(VOICE_TOKENS), min_size=1, max_size=12), st.data())
def test_voice_quick_filter_passes_whatever_the_prefilter_passes(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quick_finds_whatever_the_prefilter_finds(text, start, end), (text, start, end)


def test_voice_quick_filter_on_every_token_between_every_pair_of_neighbours_and_bounds():
    for token in VOICE_TOKENS:
        for left in NEIGHBOURS:
            for right in NEIGHBOURS:
                text = left + token + right
                for start in range(len(text) + 1):
                    for end in range(start, len(text) + 1):
                        assert quick_finds_whatever_the_prefilter_finds(text, start, end), (text, start, end)


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(VOICE_TOKENS + ["\u0301", "x"]), min_size=1, max_size=12), st.data())
def test_voice_candidate_found_from_inside_a_run_is_found_from_its_start(tokens, data):
    # editorial_voice asks VOICE_CANDIDATE from the prefilter's match first: the regex module reads the
    # text before `pos` (\b, lookbehind) as re does, so a match found from there is one from the start.
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    inner = data.draw(st.integers(start, end))
    if checks.VOICE_CANDIDATE.search(text, inner, end):
        assert checks.VOICE_CANDIDATE.search(text, start, end)


def test_voice_quick_filter_on_wire_like_text():
    text = ("BAGHDAD (Reuters) - Militia attacks on U.S. bases rose this week, officials said. We all know who "
            "is behind them! Would you? Our sources, four of them, told us; my view: myself, Myself and I’d "
            "say y’all, YOU and yOur members were there. “We will fight,” he said. Ourselves. I-95, World War I.")
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 40) + 1):
            assert quick_finds_whatever_the_prefilter_finds(text, start, end), (start, end)


# --- ATTRIBUTION as a trie --------------------------------------------------------------------------
# The alternation it replaced, case-insensitive (the reference the trie must agree with everywhere).
ATTRIBUTION_ALTERNATION = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|stated|states|added|adds|explained|recounted|recalled|"
    r"wrote|writes|tweeted|posted|asked|asks|insisted|noted|warned|argued|claimed|acknowledged|announced|"
    r"declared|testified|quoted|quoting|cited|citing|spokesm[ae]n|spokeswom[ae]n|spokesperson|"
    r"statement|interview|replied|responded\s+that|continued|saying|shouted|shouting|yelled|chanted|"
    r"chanting|tweeting|wrote|read:|reads:|notified|urged|pleaded|recalls|recalled)\b",
    re.IGNORECASE)
ATTRIBUTION_TOKENS = ["said", "SAID", "ſaid", "ésaid", "²said", "Says", "sayings", "say", "told", "tellS",
                      "according", "to", "TO", "spokesman", "spokeswomen", "SPOKESPERSON", "statement",
                      "statements", "read:", "reads:", "READ", ":", "responded", "that", "İnsisted", "ınterview",
                      "acKnowledged", "ac\u212anowledged", "recalled", "recalls", "wrote", "unsaid", "é", "_", "1",
                      "-", "'", "’", " ", "  ", "\n", "\t", "“", ".", "x"]


def attribution_matches(pattern, text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    return [(m.span(), m.group()) for m in pattern.finditer(text, start, end)]


def test_attribution_trie_matches_every_word_in_any_case():
    for word in checks.ATTRIBUTION_WORDS:
        for variant in (word, word.upper(), word.title(), word.swapcase(), word.replace(" ", " \n\t ")):
            for text in (variant, f"x {variant} y", f"“{variant}”", f"{variant}x", f"x{variant}"):
                assert attribution_matches(checks.ATTRIBUTION, text) == \
                    attribution_matches(ATTRIBUTION_ALTERNATION, text), text


@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTION_TOKENS), min_size=1, max_size=12), st.data())
def test_attribution_trie_finds_what_the_alternation_finds(tokens, data):
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert attribution_matches(checks.ATTRIBUTION, text, start, end) == \
        attribution_matches(ATTRIBUTION_ALTERNATION, text, start, end)
    expected = ATTRIBUTION_ALTERNATION.search(text, start, end)
    for found in (checks.ATTRIBUTION.search(text, start, end), checks.find_attribution(text, start, end)):
        assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_find_attribution_on_every_word_between_every_pair_of_neighbours_and_bounds():
    neighbours = ["", " ", "x", "é", "²", "_", "1", "-", "’", "“", "\n", "ſ", "İ", ":"]
    for word in checks.ATTRIBUTION_WORDS + ("unsaid", "saidx", "read:x", "according\n to"):
        for left in neighbours:
            for right in neighbours:
                text = left + word + right + " said"
                for start in range(len(text) + 1):
                    for end in (start, len(text) - 5, len(text)):
                        if end < start:
                            continue
                        expected = ATTRIBUTION_ALTERNATION.search(text, start, end)
                        found = checks.find_attribution(text, start, end)
                        assert (found and (found.span(), found.group())) == \
                            (expected and (expected.span(), expected.group())), (text, start, end)



@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTION_TOKENS), min_size=1, max_size=14), st.data())
def test_attribution_found_with_spans_as_one_space_where_found_with_spans_blanked(tokens, data):
    # NL403 asks only whether a paragraph, its quotations left out, holds an attribution.
    text = "".join(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    bounds = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    spans = [model.Span("quote", a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    blanked = checks._strip_spans(text, start, end, spans)
    single = checks._strip_spans(text, start, end, spans, keep_offsets=False)
    assert bool(checks.find_attribution(single)) == bool(ATTRIBUTION_ALTERNATION.search(blanked)), (blanked, single)

# --- Context: indexes built in one pass answer as walking the tree does --------------------------------
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INLINE_ARTICLE = """Militias “Step Up” Attacks [Ed.: as if]

They've been told directly to knock it off. “They don't care.”

BAGHDAD (AP) — Militia attacks [the “usual suspects,” (ZH: again)] rose, officials said.

“We will fight on,” a commander said. We all know who is behind them (Ed. note: Iran).

Source: Associated Press

Comments

  1. Sam Adam says: “nonsense” [sic] and you know it.
"""


def context_documents():
    docs = [notelint.parse(INLINE_ARTICLE, path="inline.txt")]
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html"):
            docs.append(notelint.parse_source(read_source(str(path))))
    return docs


def enclosing(doc, target):
    """The spans enclosing target, outermost first, found by walking down from the top."""
    def search(spans, chain):
        for span in spans:
            if span is target:
                return chain
            found = search(span.children, chain + [span])
            if found is not None:
                return found
        return None
    return search(doc.spans, [])


@pytest.mark.parametrize("include_comments", [False, True])
def test_context_indexes_answer_as_walking_the_tree(include_comments):
    for doc in context_documents():
        ctx = Context(doc, include_comments=include_comments)
        ctx._index()  # the index-backed answers; a fresh Context per question below answers without it
        end = doc.article_end

        def in_article(span):
            chain = enclosing(doc, span)
            top = chain[0] if chain else span
            return span.start < end or (include_comments and top.kind == "comments")

        spans = list(doc.walk())
        for span in spans:
            chain = enclosing(doc, span)
            assert ctx.ancestors(span) == chain[::-1]
            assert ctx.parent_of(span) is (chain[-1] if chain else None)
            assert ctx.block_of(span) is (chain[0] if chain else span)
            for kind in KINDS:
                assert ctx.inside(span, kind) == any(a.kind == kind for a in chain)
        for kind in KINDS:
            of_kind = [s for s in spans if s.kind == kind]
            fresh = Context(doc, include_comments=include_comments)  # asked before any index is built
            assert fresh.spans(kind) == ctx.spans(kind) == [s for s in of_kind if in_article(s)]
            for test in (bool, lambda s: s.start > 40, lambda s: bool(s.attrs)):
                expected = next((s for s in of_kind if test(s)), None)
                assert Context(doc).first_span(kind, test) is ctx.first_span(kind, test) is expected
            assert ctx.blocks_of_kind(kind) == [b for b in doc.spans if b.kind == kind]
        assert ctx.article_end == end
        assert ctx.paragraphs() == [b for b in doc.spans if b.kind == "paragraph" and b.start < end]
        wire = []
        for block in doc.spans:
            if block.kind == "paragraph" and block.start < end:
                runs = [c for c in block.children if c.kind == "wire"] if block.children else [block]
                wire += [(s.start, s.end, s) for s in runs]
        assert ctx.regions("wire") == wire
        assert [(run.start, run.end, run) for _block, runs in ctx.wire_runs() for run in runs] == wire


# --- Word lists grouped by first letter ------------------------------------------------------------------
def plain_word_list(words):
    """compile_word_list as it was: every entry, longest first, in one flat alternation (the reference)."""
    alternatives = patterns.word_list_alternatives(words)
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(patterns.WORD_LIST_TEMPLATE.format("|".join(alternatives)), re.IGNORECASE)


def word_list_matches(pattern, text):
    return [(m.span(), m.group()) for m in pattern.finditer(text)]


WORD_LIST_ENTRIES = ["war", "war criminal*", "warm", "Warlord", "thug*", "THUGGISH", "so-called", "it's",
                     "kill", "kick", "ski", "say", "i", "in", "isn’t", "a", "ab*", "abc"]
WORD_LIST_TOKENS = ["war", "WAR", "criminal", "criminals", "warm", "warlord", "thug", "thugs", "ſki", "\u212aill",
                    "İn", "ın", "ı", "İ", "so", "called", "-", "it", "'s", "’s", "isn't", "say", "sAy", "a", "ab",
                    "abc", "abcd", "é", "_", "1", " ", "  ", "\n", "“", ".", "x", "-x"]


@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(WORD_LIST_ENTRIES), min_size=1, max_size=8),
       st.lists(st.sampled_from(WORD_LIST_TOKENS), min_size=1, max_size=14))
def test_grouped_word_list_matches_what_the_flat_alternation_matches(entries, tokens):
    text = "".join(tokens)
    assert word_list_matches(patterns.compile_word_list(entries), text) == \
        word_list_matches(plain_word_list(entries), text), (entries, text)


def test_word_list_entries_starting_otherwise_keep_the_flat_alternation():
    for entries in (["ſki", "ski"], ["\u212aill", "kill"], ["éclat", "eclat"], ["'tis", "tis"], ["9/11", "nine"]):
        assert patterns.compile_word_list(entries).pattern == plain_word_list(entries).pattern


def test_shipped_lexicons_grouped_find_what_they_found_on_articles():
    lexicons = {lexicon.name: lexicon for rule in rules.load_rules() for lexicon in rule.lexicons}
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*")) if path.suffix in (".txt", ".md", ".html")]
    for lexicon in lexicons.values():
        words = " ; ".join(lexicon.words)
        for text in texts + [words, words.upper(), words.title(), INLINE_ARTICLE]:
            assert word_list_matches(lexicon.compiled, text) == word_list_matches(plain_word_list(lexicon.words), text)
