"""The patterns a short wire story needs are read by `re`, so such a run never imports the regex module: each
gives what its regex-module form gave, on generated text mixing wire copy with the characters the two
modules read apart."""
from __future__ import annotations

import re

import regex
from hypothesis import given, settings, strategies as st

from fuzzing import budget
from notelint.linting import checks
from notelint.lazy_pattern import SAME_READING, DualPattern
from notelint.parsing import document, wire as wire_module
from notelint.parsing.wire import WireNames

WIRE = WireNames()
ALTERNATION = "|".join(regex.escape(n) for n in sorted(WIRE.canonical, key=len, reverse=True))
PLACE = r"\b[A-Z][A-Z.’'-]+(?:[ ,]+[A-Z][A-Za-z.’'-]+){0,4},?\s+"
# The regex-module patterns as they were defined before `re` read them.
BEFORE = {
    "service_in": regex.compile(rf"(?<![\w-])(?:{ALTERNATION})(?![\w-])", regex.I),
    "dateline_service": regex.compile(rf"\((?i:{ALTERNATION})\)\s*[—–-]{{1,2}}", regex.V0),
    "place_ending_at_end": regex.compile(rf"{PLACE}\Z", regex.V0),
    "opening_quote": regex.compile(r'\s*[“"‘]'),
    "opening_quote_or_single": regex.compile(r'\s*[“"‘\']'),
    "lead_dateline": regex.compile(r"^\s*[A-Z][A-Z .,’'-]{2,40}(?:\([^)\n]{1,30}\))?\s*(?:[—–:]|--?)\s"),
    "voice_candidate": regex.compile(r"[?!]|\b(?:I|[Ww]e|us|[Oo]urs?|[Oo]urselves|[Mm][ey]|[Mm]yself|"
                                     r"(?i:you|yours?|yourself|yourselves|y['’]all))\b"),
}
NOW = {
    "service_in": WIRE.service_in,
    "dateline_service": WIRE._dateline_service,
    "place_ending_at_end": WIRE._place_ending_at_end,
    "opening_quote": document._OPENING_QUOTE,
    "opening_quote_or_single": document._OPENING_QUOTE_OR_SINGLE,
    "lead_dateline": document._LEAD_DATELINE,
    "voice_candidate": checks.VOICE_CANDIDATE,
}
PLACE_BACKWARDS = regex.compile(r"[A-Za-z.’'\-,\s]*", regex.REVERSE)

# Wire copy in pieces, and the characters `re` and `regex` read apart (white space, word characters, case);
# a text holds at most one of the latter, so most texts are read by `re` and the rest by `regex`.
PIECES = ["LONDON", "NEW YORK, N.Y.", "SÃO PAULO", " ", "  ", "\n", "\t", "(", ")", "(Reuters)", "(AP)", " - ",
          " — ", "–", "--", "Reuters", "reuters", "Associated Press", "the associated press", "AFP", "Xinhua",
          "Kyodo", "dpa", "DPA", "ap", "Thomson Reuters", "Press Association", "we", "We", "us", "our", "Ourselves",
          "me", "My", "myself", "I", "you", "YOURS", "y’all", "y'all", "?", "!", "said", "“", "”", "‘", "’", "'",
          '"', ",", ".", "-", ":", "é", "ß", "x", "9", "_", "\xa0", "\u2009"]
APART = ["ı", "İ", "Xınhua", "XİNHUA", "agencıa efe", "ıt", "K", "ſ", "²", "½", "ap²", "we²", "\u0301", "\u200c",
         "\u200d", "\u203f", "\u203fap", "\x1c", "\x1f", "\x1c“", "\x85", "\u3000", "\u1680", "ǅ", "Ω", ""]
texts = st.builds(lambda pieces, odd, at: "".join(pieces[:at] + [odd] + pieces[at:]),
                  st.lists(st.sampled_from(PIECES), max_size=24), st.sampled_from(APART), st.integers(0, 24))


def matches(pattern, text: str, pos: int) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos)]


@settings(max_examples=budget(3000), deadline=None)
@given(texts, st.integers(0, 40), st.sampled_from(sorted(BEFORE)))
def test_each_pattern_finds_what_its_regex_module_form_found(text, pos, name):
    before, now = BEFORE[name], NOW[name]
    pos = min(pos, len(text))
    assert matches(now, text, pos) == matches(before, text, pos)
    found, expected = now.match(text, pos), before.match(text, pos)
    assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))
    found, expected = now.search(text, pos), before.search(text, pos)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=budget(1000), deadline=None)
@given(texts, st.integers(0, 40))
def test_the_place_run_is_the_one_regex_read_backwards(text, pos):
    pos = min(pos, len(text))
    assert wire_module._PLACE_BACKWARDS.search(text, pos).start() == PLACE_BACKWARDS.match(text, pos).start()


@settings(max_examples=budget(1000), deadline=None)
@given(texts)
def test_wire_copy_is_read_by_re(text):
    """Text of the shared characters only (most wire copy) never compiles the regex-module form."""
    shared = "".join(re.findall(f"[{SAME_READING}]", text))
    assert shared == text or any(odd and odd in text for odd in APART)
    pattern = DualPattern(r"(?<![\w-])(?:reuters|ap)(?![\w-])", 2)
    pattern.search(shared)
    assert "search" in vars(pattern._re) and "search" not in vars(pattern._regex)


CREDITS = ["Source", "SOURCES", "ſource", "Credit", "courtesy of", "Via", "vİa", "Originally published by",
           "Republished from", "©", "(c)", "Copyright", "By", "by", "(Reporting by", "(Additional Reporting by",
           " ", "\n", "\xa0", ":", "|", "Reuters", "Jane Doe", "2024", ".", "All rights reserved", "ROME", "(AP)",
           "SEOUL", "Cairo", "-"]


@settings(max_examples=budget(2000), deadline=None)
@given(st.lists(st.sampled_from(CREDITS), max_size=10).map("".join))
def test_the_credit_line_prefilter_lets_every_credit_line_through(text):
    if WIRE.credit_line.match(text):
        assert document._CREDIT_FIRST_CHAR.match(text)


def test_credit_lines_and_leads_on_either_side_of_the_prefilter():
    for credit in ("Source: Reuters", "  via AP", "© 2024 Reuters. All rights reserved.", "(c) AFP",
                   "Copyright 2024 Thomson Reuters", "By Jane Doe | Reuters", "(Reporting by Jane Doe)"):
        assert WIRE.credit_line.match(credit) and document._CREDIT_FIRST_CHAR.match(credit), credit
    for lead in ("ROME (Reuters) - Italy's government said on Monday it would cut taxes.",
                 "SEOUL (Reuters) - North Korea fired a missile.", "CAIRO, May 2 (Reuters) - Talks resumed."):
        assert not document._CREDIT_FIRST_CHAR.match(lead) and not WIRE.credit_line.match(lead)


def test_the_dateline_service_pattern_reads_case_and_space_as_the_regex_module_does():
    # The service pattern is a plain `re` pattern, with no search of the whole story for characters the
    # two modules read apart: it spells out regex's \s, and matches each i of a name as regex does (i, I
    # or İ; re alone would take ı too). The spelt-out space is regex's \s at every code point; each letter
    # of each name, replaced by each character either module folds to an ASCII letter (or İ, ı), gives
    # the regex module's match.
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(wire_module._REGEX_SPACE, every) == regex.findall(r"\s", every, flags=regex.V0)
    folding = sorted(set(re.findall("[a-z]", every, re.I)) | set(regex.findall("[a-z]", every, regex.I | regex.V0))
                     | {"İ", "ı"})
    assert {"ſ", "\u212a", "a", "Z"} <= set(folding)
    before = BEFORE["dateline_service"]
    for name in WIRE.canonical:
        for at, letter in enumerate(name):
            if not letter.isalpha():
                continue
            for char in folding:
                text = f"CAIRO ({name[:at]}{char}{name[at + 1:]})\x1c\u3000— Talks"
                found, expected = WIRE._dateline_service.match(text, 6), before.match(text, 6)
                assert (found and found.span()) == (expected and expected.span()), text
    for text in ("CAIRO (XİNHUA) —", "CAIRO (Xınhua) -", "MADRID (Agencia EFE)\x1c-", "(ap)\x85-"):
        found, expected = WIRE._dateline_service.match(text, text.index("(")), before.match(text, text.index("("))
        assert (found and found.span()) == (expected and expected.span()), text
    assert WIRE._dateline_service.match("CAIRO (Xınhua) -", 6) is None


def test_a_lead_with_characters_read_apart_elsewhere_is_matched_without_the_regex_module():
    # The story's ı (Kadıköy) is far from the dateline: the service is still read by `re` alone.
    import subprocess
    import sys

    code = ("import sys; from notelint.parsing.wire import WireNames; text = 'ISTANBUL (Reuters) - Crowds filled "
            "Kadıköy on Sunday.'; found = WireNames()._dateline_service.match(text, 9); "
            "print(found.span(), 'regex' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(9,", "20)", "False"]
