"""The document builder tests a block's first character before calling the comments and credit prefilters
(_COMMENTS_FIRST, _CREDIT_FIRST): these tests hold that the character test never hides a block either
regex would take."""
from __future__ import annotations

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import document
from notelint.parsing.model import PARAGRAPH, SOURCE
from notelint.reading.source import plain_source


def _comments_first(char: str) -> bool:  # the test _comments_start makes, as written there
    return char in document._COMMENTS_FIRST or char.isdecimal() or char > "\uffff"


def _credit_first(char: str) -> bool:  # the test _assign_roles makes before its regex
    return char in document._CREDIT_FIRST or char.isspace()


def test_first_character_tests_hold_every_character_their_regexes_begin_with():
    # _COMMENTS_FIRST_CHARS needs "tho", "co", "le", "jo" or "yo" (in a case re folds), a digit, or a
    # character outside the BMP after its [ \t]*: each character that begins a match with one of those
    # continuations passes the test. _CREDIT_FIRST_CHAR reads one character of its class after \s*: the
    # character test is the same set, and a character in _CREDIT_FIRST skips the regex, so it must match.
    for code in range(0x110000):
        char = chr(code)
        if any(document._COMMENTS_FIRST_CHARS.match(char + rest) for rest in ("ho", "o", "e")):
            assert _comments_first(char), hex(code)
        assert bool(document._CREDIT_FIRST_CHAR.match(char + "S")) == _credit_first(char), hex(code)
        if char in document._CREDIT_FIRST:
            assert document._CREDIT_FIRST_CHAR.match(char), hex(code)


def _comments_start_by_regex(text, blocks):
    for start, end, _ in blocks[1:]:
        if document._COMMENTS_FIRST_CHARS.match(text, start) and document._COMMENTS_START.match(text, start, end):
            return start
    return None


def _credit_blocks_by_regex(text, blocks, credit_line):
    return [i for i, (start, end, _) in enumerate(blocks) if i > 0 and end - start <= 200
            and document._CREDIT_FIRST_CHAR.match(text, start) and credit_line.match(text, start, end)]


_WORDS = ["12 Comments", "Leave a Reply", "leave a comment", "1. Jane says:", "١٢ comments", "\U00010d41 Comments",
          "Join the discussion", "Your email address will not be published.", "2 thoughts on it", "Thoughts on x",
          "Source: Reuters", "ſource: AP", "Credit: Jane", "Courtesy of AP", "via AP", "© 2020 Reuters",
          "(c) AP", "By Jane | Reuters", "(Reporting by Jane Doe)", "Originally published by AP", "Congress",
          "The", "Today", "x", "says", "“Quote,” he said.", "\t", " ", "\u2003", "\x1c", "\n", "\n\n", "\n \n"]


@settings(max_examples=budget(800), deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from([" ", "\n\n", "\n", "\n\n  "]))
def test_comments_start_and_credit_blocks_are_those_the_regexes_find(words, gap):
    text = "Headline\n\n" + gap.join(words)
    builder = document._Builder(plain_source(text), document.ParseOptions())
    blocks = builder._blocks(0, len(text))
    assert builder._comments_start(blocks) == _comments_start_by_regex(text, blocks)
    roles = builder._assign_roles(blocks)
    credits = _credit_blocks_by_regex(text, blocks, builder.wire.credit_line)
    assert [i for i in range(1, len(blocks)) if roles[i] == SOURCE] == credits
    assert all(roles[i] in (PARAGRAPH, SOURCE, "standfirst") for i in range(1, len(blocks)))
