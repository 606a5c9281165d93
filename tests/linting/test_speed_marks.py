"""checks._quote_mark_in spells the quotation marks out one by one (six `in` tests on a slice): it must
answer as QUOTE_MARK's search for every character, so a mark added to QUOTE_MARKS and not there fails here."""
import sys

from notelint.linting import checks


def test_quote_mark_in_knows_every_character_as_the_quote_mark_search():
    search = checks.QUOTE_MARK.search
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        text = "ab" + char + "cd"
        assert checks._quote_mark_in(text, 2, 3) == (search(text, 2, 3) is not None), hex(code)
        # Out of the bounds, the same character is not seen.
        assert not checks._quote_mark_in(text, 0, 2) and not checks._quote_mark_in(text, 3, 5), hex(code)


def test_quote_mark_in_sees_each_mark_anywhere_in_a_stretch():
    for mark in checks.QUOTE_MARKS:
        text = "He said " + mark + "no" + mark + " today."
        at = text.index(mark)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                expected = checks.QUOTE_MARK.search(text, start, end) is not None
                assert checks._quote_mark_in(text, start, end) == expected, (mark, start, end)
        assert checks._quote_mark_in(text, at, at + 1)
