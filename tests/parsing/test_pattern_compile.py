"""Patterns rewritten to cost less to compile decide exactly as the forms they replaced.

Each old form is rebuilt here from the same parts and compared with the new one on generated text made
of the words and characters that decide it: case variants, letters that fold to ASCII ones (ſ, İ, ı, the
Kelvin sign), curly quotes, dashes, combining marks and the white space the two engines disagree on.
"""
from __future__ import annotations

import regex
from fuzzing import budget
from hypothesis import example, given, settings
from hypothesis import strategies as st

from notelint.parsing import document

_NAME, _JOB_TITLE = document._NAME, document._JOB_TITLE
# _BYLINE as first written: _NAME three times, _JOB_TITLE three times.
OLD_BYLINE = regex.compile(
    rf"\s*(?:(?:(?i:by|written\s+by|words\s+by)\s+{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*"
    rf"(?:\s*(?:,|\||-|–|—|(?i:for))\s*(?:{_JOB_TITLE}|(?:(?i:the)\s+)?\p{{Lu}}[\p{{L}}.’'-]*(?:\s+\p{{Lu}}[\p{{L}}.’'-]*){{0,3}})"
    rf"|\s*,\s*\p{{Ll}}[\p{{L}}\s.,&’'-]{{0,80}})?)"
    rf"|{_NAME}\s*(?:,|\||-|–|—)\s*{_JOB_TITLE}"
    rf"|{_JOB_TITLE})\s*",
    regex.V0)

_BYLINE_WORDS = ["By", "by", "BY", "bY", "Written by", "Words by", "wriTten  by", "Jane", "Doe", "O’Brien", "D'Arcy",
                 "Jean-Luc", "St.", "de", "van", "al-", "bin", "And", "The", "Of", "the", "THE", "and", "for", "For",
                 "at", "on", "of", "Editor", "editor", "EDITOR", "Correspondent", "Reporters", "Staff", "Team",
                 "Chief", "Editors", "Political", "Deputy", "Washington", "Times", "Reuters", "professor", "law",
                 "Senior", "İstanbul", "ıs", "Kelvin", "Kate", "Zoë", "Zoe\u0308", "Ørsted", "Łódź", "Δ", "σ",
                 "“Quoted”", "‘x’", "1999", "x"]
_BYLINE_GLUE = [" ", "  ", "", "\t", "\n", "\xa0", "\u2003", "\x1c", ", ", " , ", " | ", " - ", "-", " – ", " — ",
                " & ", ".", "’", "'"]


@st.composite
def _bylines(draw):
    parts = []
    for _ in range(draw(st.integers(1, 9))):
        parts.append(draw(st.sampled_from(_BYLINE_WORDS)))
        parts.append(draw(st.sampled_from(_BYLINE_GLUE)))
    return "".join(parts[:-1] if draw(st.booleans()) else parts)


_NAMES = st.sampled_from(["Jane Doe", "John Roe", "Jean-Luc O’Brien", "Ann de Vries", "Ali al- Saadi", "Zoë Ørsted",
                          "ſam Kelvin", "İlker Kaya", "Jane", "Jane And Doe", "jane doe", "Jane Doë"])
_TITLES = st.sampled_from(["Editor", "Deputy Political Editor", "Senior Washington Correspondent, The Times",
                           "Staff Writer", "Chief Reporter at the Times", "editor", "Editor of The Times",
                           "Reporters", "Reuters", "The Times", "professor of law at Riverton University"])
_SEPARATORS = st.sampled_from([" ", ", ", " | ", " - ", " – ", " — ", " and ", " & ", " for ", ",", " , "])


@st.composite
def _shaped_bylines(draw):
    """Lines in the shapes bylines have, mutated: "By Jane Doe and John Roe, Staff Writer"."""
    head = draw(st.sampled_from(["By ", "by ", "Written by ", "Words By ", "BY ", "", " "]))
    names = draw(st.lists(_NAMES, min_size=0, max_size=3))
    line = head + draw(_SEPARATORS).join(names)
    if draw(st.booleans()):
        line += draw(_SEPARATORS) + draw(_TITLES)
    return line + draw(st.sampled_from(["", " ", "\t", ".", "\x1c", "\u2003"]))


@settings(max_examples=budget(4000), deadline=None)
@given(st.one_of(_bylines(), _shaped_bylines()))
@example("By Jane Doe")
@example("By Jane Doe and John Roe, Reuters")
@example("By Jane Doe, professor of law at Riverton University")
@example("By Jane Doe | Deputy Political Editor, The Times")
@example("Jane Doe - Senior Washington Correspondent, The Times")
@example("Deputy Political Editor")
@example("Political Editor at the Times")
@example("Jane Doe, Editor of The Times")
@example("By Jane Doe and The Times")
@example("The Cat Sat")
def test_byline_matches_as_first_written(line):
    assert (document._BYLINE.fullmatch(line) is None) == (OLD_BYLINE.fullmatch(line) is None)


def test_byline_examples_cover_both_answers():
    """The generated lines above are worth comparing only if the old form accepts some and rejects others."""
    accepted = ["By Jane Doe", "By Jane Doe, professor of law", "Jane Doe - Senior Washington Correspondent",
                "Deputy Political Editor", "By Jane Doe | Staff Writer"]
    rejected = ["The Cat Sat", "By jane doe", "Editorial", "By Jane", "Jane Doe"]
    assert all(OLD_BYLINE.fullmatch(line) for line in accepted)
    assert not any(OLD_BYLINE.fullmatch(line) for line in rejected)
    assert all(document._BYLINE.fullmatch(line) for line in accepted)
    assert not any(document._BYLINE.fullmatch(line) for line in rejected)


def test_wire_patterns_compile_only_when_a_lead_needs_them():
    """A dateline's service is looked for at a "(": a run whose leads hold none compiles none of them."""
    from notelint.parsing.wire import WireNames

    wire = WireNames()
    patterns = (wire._dateline_service, wire._place_ending_at_end, wire.service_in)
    assert not wire.has_dateline("The Bank of England held rates on Thursday, it said.")
    assert not any("match" in vars(pattern) for pattern in patterns)
    assert list(wire.datelines("LONDON (Reuters) - The Bank of England held rates.")) == [(0, 18)]
    assert wire.dateline_service("LONDON (Reuters) -") == "Reuters"
