"""The document builder's shared scans decide exactly as the per-stage searches they replaced (issue 15).

- _split_blocks, which visits only the line feeds of a text without carriage returns, against the split
  by _BLOCK_BREAK.finditer (the definition);
- the job-noun search of is_page_furniture, its alternation grouped by first letter, against the alternation as
  first written; the headline's "no sentence end" test, a strip of the regex module's white space, against
  _HEADLINE_END's search;
- _add_editor_notes, which looks for no aside inside a dateline, against looking there too (one found there
  straddles the dateline and is dropped);
each compared on generated text built from the characters that decide it, and on the corpus article.
"""
from __future__ import annotations

import re
import sys

from unittest import mock

import regex
from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

import notelint
from notelint.parsing import document
from notelint.parsing.model import INSERTION, QUOTE, SOURCE, WIRE


def _blocks_by_the_pattern(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    blocks: list[tuple[int, int, str]] = []
    pos = start
    for match in document._BLOCK_BREAK.finditer(text, start, end):
        document._add_block(blocks, text, pos, match.start())
        pos = match.end()
    document._add_block(blocks, text, pos, end)
    return blocks


# Line breaks, the horizontal white space a blank line may hold (a no-break space among it), words.
_BLOCK_PIECES = ["\n", "\n", "\n\n", " ", "\t", "\u00a0", "\f", "\v", "\r", "\r\n", "Word", "said.", "  indented"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_BLOCK_PIECES), max_size=24).map("".join), st.data())
@example("Headline\n\nWASHINGTON (Reuters) - The lead.\n", None)
@example("\n \n\t\u00a0\nA block\n \nB\n\n", None)
@example("A block\n\u00a0\nB\n\f\nC\n\v \nD", None)  # blank lines holding a no-break space, a form feed, a vertical tab
def test_blocks_split_at_line_feeds_are_the_pattern_split(text, data):
    start = data.draw(st.integers(0, len(text))) if data is not None else 0
    end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
    assert document._split_blocks(text, start, end) == _blocks_by_the_pattern(text, start, end)


def test_blocks_split_at_line_feeds_on_the_corpus(corpus_text):
    assert len(document._split_blocks(corpus_text, 0, len(corpus_text))) > 10
    assert document._split_blocks(corpus_text, 0, len(corpus_text)) == _blocks_by_the_pattern(corpus_text, 0, len(corpus_text))


# -- the headline tests ---------------------------------------------------------------------------------
_JOB_NOUN_AS_WRITTEN = re.compile(rf"\b(?:{document._JOB_NOUNS})\b")
_HEADLINE_PIECES = ["Chief", "Editor", "Editors", "Reporter", "Reporters", "Staff", "Bureau", "Desk", "Team", "team",
                    "Sub", "Co", "é", "_", "9", "-", " ", "  ", ",", ".", ";", ":", "\u2003", "\x1c", "\n", "\u00a0",
                    "’", "Deputy Political Editor", "Budget fight looms", "Chief justice calls it bizarre"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_HEADLINE_PIECES), max_size=10).map("".join))
@example("Photographer killed in Mexico")
@example("EditorChief, xStaff éDesk _Team")  # joined to a word character before it: no noun
def test_job_noun_search_is_the_word_bounded_alternation(line):
    assert bool(document._JOB_NOUN.search(line)) == bool(_JOB_NOUN_AS_WRITTEN.search(line))


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_HEADLINE_PIECES), max_size=10).map("".join))
@example("U.S. budget fight looms,\u2003 ")
@example("Talks end;\x1c")  # \x1c is white space to str.isspace, not to the regex module's \s
def test_headline_end_test_is_the_pattern_search(first):
    assert first.rstrip(document._REGEX_SPACE).endswith((".", ";", ",")) == bool(document._HEADLINE_END.search(first))


def test_regex_space_is_the_regex_modules_white_space():
    assert set(document._REGEX_SPACE) == {chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\s", chr(c))}


# -- asides are not looked for inside a dateline ----------------------------------------------------------
def _add_editor_notes_looking_in_datelines(self, children, start, chunk, asides=False):
    """_add_editor_notes as first written: asides looked for everywhere but in quotations."""
    quoted = [(c.start - start, c.end - start) for c in children if c.kind == QUOTE] if asides else ()
    with mock.patch.object(document._Builder, "_parentheses", lambda builder, text, a, q=(): _ORIGINAL_PARENTHESES(builder, text, a, quoted)):
        return _ORIGINAL_ADD_EDITOR_NOTES(self, children, start, chunk, asides)


_ORIGINAL_ADD_EDITOR_NOTES = document._Builder._add_editor_notes
_ORIGINAL_PARENTHESES = document._Builder._parentheses


def _tree(doc):
    return [(s.kind, s.start, s.end, sorted(s.attrs.items(), key=str)) for s in doc.walk()], \
        [(p.code, p.start, p.end) for p in doc.problems]


# Datelines whose service reads as an aside when configured ("Wow", "Sigh"), asides and quotations around them.
_LEAD_PIECES = ["NAIROBI ", "(Reuters)", "(Wow)", "(Sigh)", "(yes, really)", "(you know who)", " - ", " — ", "-",
                "The minister said", " (and I mean it) ", "“We back it (all of it),” he said.", " ", "?", "!"]


@settings(max_examples=budget(500), deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=10).map("".join))
@example("NAIROBI (Sigh) - The minister said (and I mean it) so.")
def test_asides_are_not_looked_for_in_datelines_as_none_found_there_is_kept(lead):
    text = "A headline\n\n" + lead + "\n"
    fast = notelint.parse(text, wire_services=("Wow", "Sigh"))
    with mock.patch.object(document._Builder, "_add_editor_notes", _add_editor_notes_looking_in_datelines):
        plain = notelint.parse(text, wire_services=("Wow", "Sigh"))
    assert _tree(fast) == _tree(plain)


def test_a_dateline_naming_an_interjection_stays_a_dateline():
    doc = notelint.parse("A headline\n\nNAIROBI (Sigh) - The minister said so.\n", wire_services=("Sigh",))
    lead = doc.spans[2]
    assert [c.kind for c in lead.children][:2] == [SOURCE, WIRE]
    assert not any(s.kind == INSERTION for s in doc.walk())
