"""Patterns compile when a text first needs them: a byline is told from a headline, and a lead without a
dateline's "(" compiles none of the wire service patterns."""
from __future__ import annotations

from notelint.parsing import document


def test_bylines_are_told_from_headlines():
    accepted = ["By Jane Doe", "By Jane Doe, professor of law", "Jane Doe - Senior Washington Correspondent",
                "Deputy Political Editor", "By Jane Doe | Staff Writer"]
    rejected = ["The Cat Sat", "By jane doe", "Editorial", "By Jane", "Jane Doe"]
    assert all(document._BYLINE.fullmatch(line) for line in accepted)
    assert not any(document._BYLINE.fullmatch(line) for line in rejected)


def test_wire_patterns_compile_only_when_a_lead_needs_them():
    """A dateline's service is looked for at a "(": a run whose leads hold none compiles none of them."""
    from notelint.parsing.wire import WireNames

    wire = WireNames()
    patterns = (wire._dateline_service, wire._place_ending_at_end, wire.service_in)
    assert not wire.has_dateline("The Bank of England held rates on Thursday, it said.")
    # A DualPattern compiles its `re` or its `regex` form when first used: neither yet.
    forms = [form for pattern in patterns for form in (pattern, vars(pattern).get("_re"), vars(pattern).get("_regex"))]
    assert not any("match" in vars(form) for form in forms if form is not None)
    assert list(wire.datelines("LONDON (Reuters) - The Bank of England held rates.")) == [(0, 18)]
    assert wire.dateline_service("LONDON (Reuters) -") == "Reuters"


def test_a_wire_leads_parenthesis_does_not_compile_the_note_labels():
    """Every note label is followed by a colon or dash: "(Reuters)" and "(R-Texas)"-free leads are told by
    the small separator pattern, and the labels' pattern (~4 ms to compile) waits for a parenthesis that
    holds one. Run in a fresh interpreter, as another test may have compiled it already."""
    import subprocess
    import sys

    script = (
        "import notelint\n"
        "from notelint.parsing import brackets\n"
        "notelint.parse('Bank holds rates\\n\\nLONDON (Reuters) - The Bank of England held rates on Thursday, "
        "it said.\\n')\n"
        "print('match' in vars(brackets._LABEL_SEPARATOR_AHEAD), 'match' in vars(brackets._PAREN_NOTE_START_RE))\n"
        "doc = notelint.parse('Bank holds rates\\n\\nThe bank held rates. (Side note: nobody expected a cut.)\\n')\n"
        "print('match' in vars(brackets._PAREN_NOTE_START_RE), [s.attrs.get('label') for s in doc.spans_of('insertion')])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:2] == ["True False", "True ['Side note']"]
