"""What a document's build leaves behind for the cyclic collector.

A paragraph the grammar reads leaves pyparsing's reference cycles, which hold the frames of the build and
the builder; the collector is paused while a document is built and linted (the runner collects every few
hundred files, grammar.py every 64 parses). So that garbage must not hold what the builder used for the
whole text (its blocks, their roles, the mark positions): those would stay in memory while the document
is linted (~7 MB of a 20 MB article).
"""
from __future__ import annotations

import gc

from notelint.collector import paused
from notelint.parsing.document import build_document
from notelint.reading.source import plain_source

# A quotation holding a bracket its closing mark ends is read by the grammar (a resolution rule settles
# it); the plain paragraphs around it make the article's lists long enough to tell from pyparsing's own.
NESTED = "“The ministry [of defence [MoD] denied it,” a spokeswoman said on Tuesday."
PLAIN = "Shipping lines diverted some vessels to Antwerp and Hamburg, according to two people familiar with it."
PARAGRAPHS = 400


def article() -> str:
    body = [NESTED if i % 100 == 50 else PLAIN for i in range(PARAGRAPHS)]
    return "Port strike enters third week\n\nROTTERDAM (Reuters) - " + "\n\n".join(body) + "\n"


def test_the_garbage_of_a_build_holds_none_of_its_whole_text_lists():
    source = plain_source(article(), "strike.txt")
    gc.collect()
    with paused():
        doc = build_document(source)
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            garbage = list(gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    assert sum(1 for s in doc.spans if s.kind == "paragraph") >= PARAGRAPHS
    long_lists = [o for o in garbage if isinstance(o, list) and len(o) >= PARAGRAPHS]
    assert long_lists == [], [repr(o)[:80] for o in long_lists]
