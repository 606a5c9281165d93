"""lazy_pattern: the stand-in for the regex module, and DualPattern's claim that `re` and `regex` read alike
every character of SAME_READING, checked at each of those code points."""
from __future__ import annotations

import pickle
import re
import subprocess
import sys

import regex

from notelint import lazy_pattern
from notelint.lazy_pattern import SAME_READING, DualPattern


def same_reading() -> list[str]:
    return [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(f"[{SAME_READING}]", chr(c))]


def test_the_stand_in_s_flags_are_the_regex_module_s():
    for name in ("I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "X", "VERBOSE", "REVERSE", "R", "V0",
                 "VERSION0"):
        assert getattr(lazy_pattern.regex, name) == getattr(regex, name), name
    for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE"):  # DualPattern passes re's flags to regex
        assert getattr(re, name) == getattr(regex, name), name


def test_defining_patterns_for_the_regex_module_does_not_import_it():
    code = ("import sys; import notelint.parsing.document, notelint.parsing.attribution, notelint.linting.checks\n"
            "from notelint.lazy_pattern import regex\n"
            "assert 'regex' not in sys.modules\n"
            "assert regex.compile(r'\\p{Lu}').match('A') and 'regex' in sys.modules\n"
            "assert regex.escape('a b') == sys.modules['regex'].escape('a b')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_re_and_regex_read_each_character_of_the_shared_set_alike():
    chars = same_reading()
    assert len(chars) > 700 and "’" in chars and "é" in chars and "\u00a0" in chars
    assert not {"İ", "ı", "²", "\x1c", "\u200d", "\u203f"} & set(chars)  # read apart, so left out
    # Literal characters matched with and without case: every ASCII character and the typographic ones
    # the patterns hold.
    literals = [chr(c) for c in range(32, 127)] + list("’‘“”—–©")
    for c in chars:
        for construct in (r"\w", r"\W", r"\s", r"\S", r"\d", r"\b", r"\B"):
            assert bool(re.search(construct, c)) == bool(regex.search(construct, c)), (construct, hex(ord(c)))
        for literal in literals:
            assert (bool(re.fullmatch(re.escape(literal), c, re.IGNORECASE))
                    == bool(regex.fullmatch(regex.escape(literal), c, regex.IGNORECASE))), (literal, hex(ord(c)))


def test_a_dual_pattern_runs_re_on_text_it_reads_alike_and_regex_on_other_text():
    source = r"(?<![\w-])(?:reuters|xinhua|ap)(?![\w-])"
    pattern = DualPattern(source, re.IGNORECASE)
    assert pattern.search("“We will not,” she told Reuters — in café") .group() == "Reuters"
    assert "search" in vars(pattern._re) and "search" not in vars(pattern._regex)  # only re compiled
    # Where the two modules read a character apart, the text is regex's, as the pattern always was:
    # ı is an i to re when case is ignored, not to regex; ² a word character to re only; ‿ to regex only.
    for text, found in (("XINHUA xınhua", ["XINHUA"]), ("ap² AP", ["ap", "AP"]), ("‿ap AP", ["AP"])):
        assert [m.group() for m in pattern.finditer(text)] == found
        assert [m.group() for m in regex.finditer(source, text, regex.IGNORECASE)] == found
        assert [m.group() for m in re.finditer(source, text, re.IGNORECASE)] != found  # re alone would err
    assert "search" in vars(pattern._regex)
    # Of ASCII, only \x1c-\x1f are read apart: white space to re, not to regex.
    place = DualPattern(r"[A-Z]+\s+\Z")
    assert place.search("WASHINGTON ").group() == "WASHINGTON "
    assert place.search("WASHINGTON\x1c") is None and re.search(r"[A-Z]+\s+\Z", "WASHINGTON\x1c")


def test_a_dual_pattern_pickles_as_its_source_and_flags():
    pattern = DualPattern(r"\bwe\b", re.IGNORECASE)
    pattern.search("We said")
    copy = pickle.loads(pickle.dumps(pattern))
    assert (copy.pattern, copy.flags) == (r"\bwe\b", re.IGNORECASE)
    assert copy.search("so we said").span() == (3, 5)
