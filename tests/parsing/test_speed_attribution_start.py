"""attribute() looks for no attribution before a quotation that opens its block: the sentence before it is
empty, and _last_match_before finds nothing in an empty stretch."""
from __future__ import annotations

from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import attribution
from notelint.parsing.model import Span

_PIECES = ["“We will,” ", "“Fine.” ", "he said ", "said ", "according to officials ", "Jones told reporters ",
           "x ", ". ", "“", "”", "\n"]


def _attribute_without_shortcut(quote, text, block_start, block_end):
    inner_last = text[quote.end - 2:quote.end - 1] if quote.end - quote.start > 1 else ""
    if (inner_last not in (".",) and quote.attrs.get("closed")
            and (verb_after := attribution._VERB_AFTER.match(text, quote.end, block_end))
            and (found := attribution._attribution_after(text, quote.end, block_end, verb_after))):
        quote.attrs["speaker"], quote.attrs["verb"] = found
        return
    best = attribution._last_match_before(text, attribution._sentence_start(text, block_start, quote.start),
                                          quote.start)
    if best is not None:
        groups = best.groupdict()
        quote.attrs["speaker"] = attribution._trim(groups.get("speaker") or groups["speaker2"])
        quote.attrs["verb"] = groups.get("verb") or groups["verb2"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8), st.integers(0, 3), st.data())
@example(["he said ", "“We will.” "], 0, None)
def test_attribute_is_the_same_without_the_block_start_shortcut(pieces, before, data):
    prefix = "Earlier text. " * before
    text = prefix + "".join(pieces)
    block_start = len(prefix) if data is None else data.draw(st.integers(0, len(prefix)))
    for start in range(block_start, len(text)):
        for end in (start + 1, min(len(text), start + 9), len(text)):
            if end <= start:
                continue
            fast, slow = (Span("quote", start, end, [], {"closed": True}) for _ in range(2))
            attribution.attribute(fast, text, block_start, len(text))
            _attribute_without_shortcut(slow, text, block_start, len(text))
            assert fast.attrs == slow.attrs, (text, start, end)
