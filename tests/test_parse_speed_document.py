"""The document builder's faster forms decide exactly as the plainer forms they replaced.

- _headline_end, which asks str.rstrip before the regex search, against the search alone;
- _standfirst_blocks, which counts paragraph roles and measures the dek by its offsets, against the
  function as first written (a list of the body paragraphs and slices of dek and lead);
- WireNames.dateline_service, service_named remembered;
each on generated text built from the characters and blocks that decide it.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from notelint import document
from notelint.model import HEADLINE, PARAGRAPH, SOURCE
from notelint.source import Source


def test_str_isspace_holds_regex_white_space():
    # Why a text whose str.rstrip() ends in another character has no _HEADLINE_END match.
    space = regex.compile(r"\s")
    for code in range(0x110000):
        if space.match(chr(code)):
            assert chr(code).isspace(), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a.;,:!” \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u2028\u200b\u180e", max_size=12))
def test_headline_end_is_the_regex_search(text):
    assert document._headline_end(text) == (document._HEADLINE_END.search(text) is not None)


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


@settings(max_examples=400, deadline=None)
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

    from notelint.wire import wire_names

    wire = wire_names(("MoA",))
    for dateline in ("WASHINGTON (Reuters) -", "BAGHDAD (AP) —", "(MoA)–", "AP (ap) -", "NEW YORK (x) -"):
        assert wire.dateline_service(dateline) == wire.service_named(dateline)
        assert wire.dateline_service(dateline) == wire.service_named(dateline)  # remembered
    assert pickle.loads(pickle.dumps(wire)).service_named("BAGHDAD (AP) —") == "Associated Press"
