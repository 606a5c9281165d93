"""A paragraph whose every parenthesis closes inside a quotation or dateline (most wire leads: their one
parenthesis is the dateline's "(Reuters)") holds no aside, so find_editor_notes returns before matching
its parentheses; the rest are read as before."""
from __future__ import annotations

from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import brackets

# Pieces of a lead: datelines, asides the writer's voice is heard in, plain parentheses, blank lines.
_PIECES = ["WASHINGTON (Reuters) - ", "(AP)", "(and I mean it, you know?)", "(Seriously?)", "(R-Texas)", "(", ")",
           " ", "said ", "words ", "“", "”", "\n", "\n\n", "x" * 30]


def _ranges(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted (start, end) ranges in order and apart, as a block's quotations and datelines lie."""
    ranges, pos = [], 0
    for gap, length in pairs:
        ranges.append((pos + gap, pos + gap + length))
        pos += gap + length
    return ranges


@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 40)), max_size=4), st.booleans())
@example(["WASHINGTON (Reuters) - ", "(and I mean it, you know?)"], [(0, 23)], False)  # the aside is outside
@example(["(", "(Seriously?)", ")"], [(0, 14)], False)  # a "(" before the ")": matched the long way
@example(["(Seriously?", "\n\n", ")"], [(0, 14)], False)  # unclosed across a blank line
def test_parentheses_all_closing_inside_quoted_ranges_leave_nothing_to_find(pieces, pairs, speech):
    text = "".join(pieces)
    quoted = _ranges(pairs)
    opening = [i for i, char in enumerate(text) if char == "("]
    full = brackets._add_asides(text, [], brackets._matching_parentheses(text), quoted, speech)
    if brackets._all_within(text, opening, quoted):
        assert full == []
    # The notes found are the full reading's (labelled notes aside: none of these pieces has a label).
    assert brackets.find_editor_notes(text, asides=True, quoted=quoted, speech=speech) == full


def test_an_aside_outside_the_dateline_is_still_found():
    lead = "WASHINGTON (Reuters) - The bill (and I mean it, you know?) failed."
    assert brackets.find_editor_notes(lead, asides=True, quoted=[(0, 23)]) == [(32, 58, None)]
    assert brackets.find_editor_notes(lead, asides=True, quoted=[(0, 23), (30, 60)]) == []
