"""_split_blocks' str.find path for one-line blocks splits exactly as the break regex alone does.

The reference is the split as first written (the regex's matches, _add_block for every block), on text
built from lines, the breaks between them and the white space that can lengthen a break or hide in one.
"""
from __future__ import annotations

from hypothesis import given, settings
from fuzzing import budget
from hypothesis import strategies as st

from test_speed_document import _split_blocks_as_first_written as _split_blocks_by_the_regex

from notelint.parsing import document


# Lines and breaks, with the characters that decide a break: white space inside a blank line or at a
# line's ends (the regex's blank-line class and others it does not hold), single and repeated "\n", "\r".
PIECES = ["Words here.", "x", "“Quote,” he said.", "\n", "\n\n", "\n\n\n", " ", "\t", "\f", "\v", "\u00a0",
          "\u2003", "\r", "\r\n"]


@settings(max_examples=budget(3000), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join), st.data())
def test_split_blocks_equals_the_break_regex(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert document._split_blocks(text, start, end) == _split_blocks_by_the_regex(text, start, end)
    assert document._split_blocks(text, 0, len(text)) == _split_blocks_by_the_regex(text, 0, len(text))


def test_one_line_blocks_stop_where_the_regex_must_go_on():
    # Each case leaves the str.find path at its second block, whose break is not "\n\n" alone: a longer
    # break, a block of two lines, a blank line of spaces, an indented block; the regex takes over there.
    for text in ["a\n\nb\n\n\nc\n\nd", "a\n\nb\n  \nc\n\nd", "a\n\nb\nb\n\nc", "a\n\nb\n\n c\n\nd", "a\n\nb\n\n\u00a0\nc"]:
        taken: list = []
        stop = document._split_one_line_blocks(taken, text, 0, len(text))
        assert taken == [(0, 1, "")] and stop == 3, text
        assert document._split_blocks(text, 0, len(text)) == _split_blocks_by_the_regex(text, 0, len(text)), text


def test_an_article_of_one_line_paragraphs_is_split_by_str_find_to_its_last_block():
    text = "Headline\n\nWASHINGTON (Reuters) - Lead.\n\n“Quote,” he said.\n\nLast paragraph.\n"
    taken: list = []
    stop = document._split_one_line_blocks(taken, text, 0, len(text))
    assert text[stop:] == "Last paragraph.\n"
    assert taken + [(stop, len(text) - 1, "")] == _split_blocks_by_the_regex(text, 0, len(text))
