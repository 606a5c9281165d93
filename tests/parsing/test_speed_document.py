"""The document builder's faster forms decide exactly as the plainer forms they replaced.

- _standfirst_blocks, which counts paragraph roles and measures the dek by its offsets, against the
  function as first written (a list of the body paragraphs and slices of dek and lead);
- WireNames.dateline_service, service_named remembered;
- the reader comments' paragraphs kept from the text's own split, against the comments split again;
each on generated text built from the characters and blocks that decide it.
"""
from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import document
from notelint.parsing.model import HEADLINE, PARAGRAPH, SOURCE
from notelint.reading.source import Source, plain_source






def _standfirst_blocks_as_first_written(builder, blocks, roles):
    body = [i for i in range(1, len(blocks)) if roles[i] == PARAGRAPH]
    if any(blocks[i][2] == "standfirst" for i in body):
        return [i for i in body if blocks[i][2] == "standfirst"]
    if len(body) < 3 or body[0] != 1:
        return []
    text = builder.text
    dek, lead = (text[blocks[i][0]:blocks[i][1]] for i in body[:2])
    if len(dek) > 300 or document._LEAD_DATELINE.match(dek) or builder.wire.has_dateline(dek):
        return []
    if document._LEAD_DATELINE.match(lead) or builder.wire.has_dateline(lead) or len(dek) < 0.6 * len(lead):
        return [1]
    if (document._sentence_count(dek) >= 2 and document._sentence_count(lead) == 1
            and not document._ATTRIBUTION.search(dek) and not document._OPENING_QUOTE.match(dek)):
        return [1]
    return []


_BLOCK_TEXTS = ["Republicans flip their script", "They were told. They don't care.", "“We back it,” he said.",
                "WASHINGTON (Reuters) - The head of a faction said so on Sunday.", "BAGHDAD: A lead of one sentence.",
                "x" * 150, "y " * 160, "The bill passed. " * 20, "Officials said the vote was close, according to aides."]


@settings(max_examples=budget(400), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_BLOCK_TEXTS), st.sampled_from([PARAGRAPH, PARAGRAPH, SOURCE]),
                          st.sampled_from(["", "", "standfirst", "paragraph"])), min_size=1, max_size=6),
       st.booleans())
def test_standfirst_blocks_as_first_written(blocks, from_reader):
    text = "Headline\n\n" + "\n\n".join(block_text for block_text, _, _ in blocks)
    spans, pos = [(0, 8, "heading")], 10
    for block_text, _, given_role in blocks:
        spans.append((pos, pos + len(block_text), given_role if from_reader else ""))
        pos += len(block_text) + 2
    source = Source(path=None, original=text, blocks=tuple(spans) if from_reader else None)
    builder = document._Builder(source, document.ParseOptions())
    roles = [HEADLINE] + [role for _, role, _ in blocks]
    assert builder._standfirst_blocks(spans, roles) == _standfirst_blocks_as_first_written(builder, spans, roles)


def test_dateline_service_is_service_named_and_wire_names_stay_picklable():
    import pickle

    from notelint.parsing.wire import wire_names

    wire = wire_names(("MoA",))
    for dateline in ("WASHINGTON (Reuters) -", "BAGHDAD (AP) —", "(MoA)–", "AP (ap) -", "NEW YORK (x) -"):
        assert wire.dateline_service(dateline) == wire.service_named(dateline)
        assert wire.dateline_service(dateline) == wire.service_named(dateline)  # remembered
    assert pickle.loads(pickle.dumps(wire)).service_named("BAGHDAD (AP) —") == "Associated Press"


def test_comments_and_credit_first_chars_hold_every_first_character_of_their_patterns():
    # _COMMENTS_FIRST_CHARS (plain re) stands before _COMMENTS_START (regex): each alternative of the latter
    # begins with digits and "." or a word, or "thought", "comment", "leave ", "join ", "your " in some case;
    # _CREDIT_FIRST_CHAR before the credit line, whose words are "source", "credit", "courtesy", "via",
    # "originally", "republished", "copyright" in some case. Every character regex reads as a digit, or as
    # one of those letters case-free, is one the prefilter lets through: the prefilters spell the words out
    # under re's IGNORECASE, which folds every letter at least as regex's does.
    digit = regex.compile(r"\d")
    letters = "abcdeghijlmnoprstuvy"  # every letter of those words
    comments_letter = regex.compile(f"[{letters}]", regex.I)
    for code in range(0x110000):
        char = chr(code)
        if digit.match(char):
            assert document._COMMENTS_FIRST_CHARS.match(char + ". Jane says:"), hex(code)
            assert document._COMMENTS_FIRST_CHARS.match(char + char + " Comments"), hex(code)
        if comments_letter.match(char):
            for letter in letters:
                if regex.fullmatch(letter, char, regex.I):
                    assert re.fullmatch(letter, char, re.I), (hex(code), letter)
    from notelint.parsing.wire import wire_names

    credit_line = wire_names(()).credit_line
    for credit in ("ſOURCE: AP", "CREDİT: Reuters", "Courtesy of NASA", "via Reuters", "Originally published by AP",
                   "Republished from The Conversation", "© 2019 AP", "(c) AP", "(Reporting by Jane Doe)",
                   "By Jane Doe | AP", "  Copyright 2019 Reuters. All rights reserved."):
        assert credit_line.match(credit) and document._CREDIT_FIRST_CHAR.match(credit), credit
    for paragraph in ("Congress met on Monday.", "Reuters reported it first.", "Vietnam agreed.", "Orlando is hot."):
        assert not document._CREDIT_FIRST_CHAR.match(paragraph), paragraph


# Openings of reader comments in any case (with the letters regex folds: ſ, K, İ), digits of other scripts,
# indentation, and text that opens like them but is not.
_COMMENTS_WORDS = ["Join the discussion", "JOIN THE CONVERSATION", "Leave a Reply", "leave a comment", "12 Comments",
                   "3 responses", "Comments (4)", "Your email address will not be published.", "2 thoughts on x",
                   "Thoughts on", "1. Jane says:", "\U00010d41 Comments", "1\U00010d41 Comments", "1.", "12", "١٢",
                   "٣.", "Jane", "says:", "says", "Leave", "lEAVE", "a", "reply", "comment", "Comments", "10 people",
                   "COMMENTS", "(3)", "Responses", "replies", "Join", "JOIN", "the", "discussion", "conversation",
                   "Your", "YOUR", "email", "address", "will", "not", "be", "published.", "Thoughts", "thought",
                   "THOUGHTS", "on", "ſays", "Kelvin", "İ", "\U00010d41", "\t", " ", "\n", "Congress", "The", "x"]


@settings(max_examples=budget(500), deadline=None)
@given(st.lists(st.sampled_from(_COMMENTS_WORDS), min_size=1, max_size=8), st.sampled_from([" ", "", "\t", "  "]),
       st.data())
def test_comments_first_chars_hold_every_comments_start(words, gap, data):
    text = "x\n\n" + gap.join(words)
    end = data.draw(st.integers(0, len(text)))
    for start in range(len(text) + 1):
        for stop in (end, len(text)):
            if start <= stop and document._COMMENTS_START.match(text, start, stop):
                assert document._COMMENTS_FIRST_CHARS.match(text, start), (text, start, stop)


def test_comments_first_chars_hold_every_comments_start_on_the_corpus(corpus_text):
    for line_start in [0] + [m.end() for m in re.finditer("\n", corpus_text)]:
        if document._COMMENTS_START.match(corpus_text, line_start):
            assert document._COMMENTS_FIRST_CHARS.match(corpus_text, line_start), corpus_text[line_start:line_start + 40]


# Credit lines' openings in any case (ſ folds to s), white space re and regex read differently, and
# blocks that open like a credit but are not.
_CREDIT_WORDS = ["Source:", "SOURCES", "ſource:", "ſOURCE", "Credit", "courtesy", "of", "Via", "Originally", "published",
                 "by", "in", "Republished", "from", "©", "(c)", "Copyright", "2020", "By", "Jane", "|", "/", "(Reporting",
                 "Additional", "Reporting", "Jones)", "Reuters", ".", "All", "rights", "reserved", "\x1c", "\u2003", "\n",
                 "The", "x"]


@settings(max_examples=budget(500), deadline=None)
@given(st.lists(st.sampled_from(_CREDIT_WORDS), min_size=1, max_size=8), st.sampled_from([" ", "", "\t", "\u00a0"]),
       st.data())
def test_credit_first_char_holds_every_credit_line(words, gap, data):
    from notelint.parsing.wire import wire_names

    text = gap.join(words)
    end = data.draw(st.integers(0, len(text)))
    for start in range(len(text) + 1):
        for stop in (end, len(text)):
            if start <= stop and wire_names(()).credit_line.match(text, start, stop):
                assert document._CREDIT_FIRST_CHAR.match(text, start), (text, start, stop)


def test_datelines_remembered_place_reads_the_character_before_the_scan():
    # WireNames.datelines remembers a dateline's place by the text from the scan's start to its "(" and the
    # character before that start, which the place's \b reads: the same text after a letter, a digit, a
    # line break or the text's start gives each its own answer, as dateline.finditer does.
    from notelint.parsing.wire import wire_names

    wire = wire_names(())
    for before in ("", "\n", "1", "é", "x", " ", "/", "_"):
        for lead in ("BAGHDAD (AP) —", "NEW YORK, N.Y. (Reuters) - x", "AP (ap) -"):
            text = before + lead
            for start in range(len(before) + 1):
                expected = [m.span() for m in wire.dateline.finditer(text, start)]
                assert list(wire.datelines(text, start)) == expected, (text, start)




def test_add_datelines_without_children_keeps_the_datelines_order():
    # A lead's datelines come back in the order of the text, as datelines finds them.
    text = "BAGHDAD (AP) — One (Reuters) - two, NEW YORK (AFP) -- three (x) - four (EFE) —"
    builder = document._Builder(Source(path=None, original=text), document.ParseOptions())
    spans = builder._add_datelines([], 0, len(text))
    assert [(s.start, s.end) for s in spans] == list(builder.wire.datelines(text, 0, len(text)))
    assert len(spans) == 4 and spans == sorted(spans, key=lambda s: s.start)


# -- the reader comments' paragraphs taken from the text's own split ---------------------------------------
_BLOCK_PIECES = ["Word", "said.", "“Quote,” he said.", "[note]", " ", "\t", "\u00a0", "\f", "\n", "\n\n", "\r\n",
                 "\r\n\r\n", "\r", "\n \n", "\n\t\n", "\n\u00a0\n\n", "  \n", "3 Comments", "Leave a Reply",
                 "1. Jane Doe says:", "\u2003", "x"]


@settings(max_examples=budget(1500), deadline=None)
@given(st.lists(st.sampled_from(_BLOCK_PIECES), max_size=24).map("".join))
def test_a_split_from_a_block_start_is_the_rest_of_the_whole_split(text):
    """What the builder relies on to keep the comments' blocks: splitting from any block's start gives
    the blocks of the whole text's split from there on (LF, CRLF, CR and mixed breaks)."""
    blocks = document._split_blocks(text, 0, len(text))
    for i, (start, _, _) in enumerate(blocks):
        assert document._split_blocks(text, start, len(text)) == blocks[i:]


def _tree(doc):
    def span(s):
        return s.kind, s.start, s.end, dict(s.attrs), [span(c) for c in s.children]
    return [span(s) for s in doc.spans], [(p.code, p.start, p.end, p.message) for p in doc.problems]


def _document_with_comments_split_afresh(text):
    builder = document._Builder(plain_source(text), document.ParseOptions())
    split_comments = builder._comments_span

    def comments_span(start, end, blocks=None):
        return split_comments(start, end)  # as before: the comments split again from their start

    builder._comments_span = comments_span
    return builder.build()


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.sampled_from(["The minister said the talks would resume.", "“We will not leave,” he said.",
                                 "[It can’t be a “response” when they started it.]", "\r", "\n", "\n\n", "\r\n\r\n",
                                 "\n \n", "  ", "3 Comments", "Leave a Reply", "1. Jane Doe says:", "Great piece."]),
                min_size=1, max_size=16).map("".join))
def test_comments_from_the_kept_blocks_are_the_comments_split_afresh(tail):
    text = ("Militias vow to stay\n\nA dek of one sentence.\n\nBAGHDAD (Reuters) - The talks stalled, "
            "officials said.\n\n“It is over,” one leader said.\n\n3 Comments\n\n" + tail)
    kept = document.parse_text(text)
    assert kept.spans_of("comments")  # the shape under test: an article with reader comments
    assert _tree(kept) == _tree(_document_with_comments_split_afresh(text))
