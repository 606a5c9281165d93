"""The parser's faster forms decide exactly as the plainer forms they replaced.

- attribution's speech-verb alternation grouped by first letter (and _SPEAKER_FIRST's possessive words) against
  the patterns as first written;
- attribution._match_in_sentence, which finds the sentence end only when a match holds . ! ?, against
  matching within the sentence end found first;
- attribution._before_matches, which scans from the first speech verb or "according to" to just past the
  last verb, against the last match of _BEFORE.finditer over the whole sentence;
- WireNames.datelines, which searches from the place name before each "(", against dateline.finditer;
- brackets.find_editor_notes, which tries its patterns at each "(", against their finditer;
each compared on generated text built from the words and characters that decide it, and on the corpus.
(attribution._sentence_start, now an rfind search, keeps its comparison with the forward scan in
test_parse_shortcuts.py.)
"""
from __future__ import annotations

import re
import string

import pytest
import regex
from hypothesis import example, given, settings
from fuzzing import budget
from hypothesis import strategies as st

from notelint.parsing import attribution

from notelint.parsing import brackets
from notelint.parsing.alternation import by_first_letter
from notelint.parsing.wire import wire_names

# The attribution patterns as first written, with the flat alternation of SPEECH_VERBS.
_FLAT = attribution.SPEECH_VERBS
_STOP = attribution._STOP
_WORD = attribution._WORD
FLAT_VERB_FIRST = regex.compile(
    rf"[\s,]*(?P<verb>{_FLAT})\s+(?P<speaker>(?!{_STOP}\b){_WORD}(?:[ \t]+(?!{_STOP}\b){_WORD}){{0,7}})", regex.I)
FLAT_SPEAKER_FIRST = regex.compile(
    rf"[\s,]*(?P<speaker>{_WORD}(?:[ \t]+{_WORD}){{0,5}}?)[ \t]+(?P<verb>{_FLAT})\b", regex.I)
_AGE = attribution._AGE
FLAT_BEFORE = regex.compile(
    rf"(?:(?P<speaker>\b(?:he|she|they|we|I|it|(?:A|[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){{0,3}}))(?:{_AGE})?[ \t]+"
    rf"(?:(?P<middle>\w+)(?:{_AGE})?[ \t]+)?(?P<verb>{_FLAT})\b|(?P<verb2>according to)[ \t]+(?P<speaker2>[^,.;“”\"]{{1,60}}))")

# Words that stress the alternation: prefixes of one another (say/says/said), a repeated verb (conceded),
# case variants, letters that fold to ASCII ones (ſ, İ, the Kelvin sign), near misses and stop words.
_VERB_TEXT_WORDS = ["said", "says", "say", "sayso", "SAID", "Said", "ſaid", "told", "tells", "conceded", "Conceded",
                    "asKed", "asked", "İnsisted", "insisted", "he", "she", "It", "I", "they", "Mr.", "Knights",
                    "O’Brien", "X-said", "according to", "in", "that", "of", "urged", "mused", "stated", "states",
                    "added", "x", "é", ",", ".", "“", "”", "\n", "\t", "  ", "A", "41", ", 41,", ",7,"]


def _all_matches(pattern, text):
    return [(m.span(), m.groupdict()) for pos in range(len(text) + 1) if (m := pattern.match(text, pos))]


def _assert_same_matches(text):
    assert _all_matches(attribution._VERB_FIRST, text) == _all_matches(FLAT_VERB_FIRST, text)
    assert _all_matches(attribution._SPEAKER_FIRST, text) == _all_matches(FLAT_SPEAKER_FIRST, text)
    assert ([(m.span(), m.groupdict()) for m in attribution._BEFORE.finditer(text)]
            == [(m.span(), m.groupdict()) for m in FLAT_BEFORE.finditer(text)])


@settings(max_examples=budget(400), deadline=None)
@given(st.lists(st.sampled_from(_VERB_TEXT_WORDS), max_size=12), st.sampled_from([" ", "", "\t"]))
def test_grouped_verb_alternation_matches_as_the_flat_one(words, gap):
    _assert_same_matches(gap.join(words))


def test_grouped_verb_alternation_matches_as_the_flat_one_on_the_corpus(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        _assert_same_matches(paragraph)


_SENTENCE_WORDS = ["said", "says", "say", "SAID", "ſaid", "told", "he", "Knights", "Mr.", "U.S.", "in", "that", "of",
                   "on", "x", "é", ".", "!", "?", "”", "’", ")", ",", " ", "\t", "\n", "Inc.", "a.", "in.", "Said."]


@settings(max_examples=budget(800), deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_WORDS), max_size=14), st.sampled_from([" ", "", "\t"]), st.data())
def test_after_quote_patterns_match_within_the_sentence_as_before(words, gap, data):
    text = gap.join(words)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for pattern in (attribution._VERB_FIRST, attribution._SPEAKER_FIRST):
        fast = attribution._match_in_sentence(pattern, text, pos, end)
        plain = pattern.match(text, pos, attribution._sentence_end(text, pos, end))
        assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def _last_before_by_scanning_all(text, start, end):
    matches = [(m.span(), m.groupdict()) for m in attribution._BEFORE.finditer(text, start, end)]
    return matches[-1] if matches else None


def _last_before(text, start, end):
    match = attribution._before_matches(text, start, end)[0]
    if match is None:
        return None
    groups = dict.fromkeys(("speaker", "middle", "verb", "verb2", "speaker2"))  # _BEFORE_NO_ACCORDING lacks the last two
    groups.update(match.groupdict())
    return match.span(), groups


_BEFORE_WORDS = ["Representative", "Joseph", "Crowley", "Jr", "O’Brien", "X-said", "x-said", "aides", "the", "he",
                 "I", "It", "said", "told", "says", "according to", "officials", ",", "(", "U.S.", "\n", "é", "S", "1",
                 "_", "A", "41,", ", 41,", ",7,"]


@settings(max_examples=budget(1000), deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_WORDS), max_size=16), st.sampled_from([" ", " ", "\t", ""]), st.data())
def test_last_attribution_before_a_quote_is_the_last_of_all(words, gap, data):
    text = gap.join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _last_before(text, start, end) == _last_before_by_scanning_all(text, start, end)


@pytest.mark.parametrize("text", [
    "Then Representative Joseph Crowley Jr aides said",  # four speaker words and one more before the verb
    "Officials X-said Jones told",  # a verb run inside a speaker's word
    "He said, according to the aide, that",
    "x According to officials he said",
    "He said the aide saidS that Officials told1 Crowley said_",  # verbs followed by word characters
    "Then Representative Joseph Crowley Jr, 41, aides, 52, said",  # the most a match holds: four words, two ages
    "Mrs O’Neill,41, said",
])
def test_last_attribution_before_in_sentences_that_stretch_it(text):
    for start in range(len(text)):
        assert _last_before(text, start, len(text)) == _last_before_by_scanning_all(text, start, len(text))


def test_last_attribution_before_on_the_corpus(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        for end in range(0, len(paragraph), 7):
            assert _last_before(paragraph, 0, end) == _last_before_by_scanning_all(paragraph, 0, end)


def test_every_letter_folds_to_at_most_one_ascii_letter():
    # Why grouping by first letter is safe under IGNORECASE: no character matches two different letters.
    any_letter = regex.compile("[a-z]", regex.I)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.match(char):
            matched = [a for a in string.ascii_lowercase if regex.match(a, char, regex.I)]
            assert len(matched) == 1, (hex(code), matched)


_DATELINE_PIECES = ["BAGHDAD (AP) —", "NEW YORK, N.Y. (Reuters) -", "O’HARE,\n(AFP) --", "(MoA)–", "x (AP) -",
                    "(", ")", "(AP)", "(Reuters)", "(reuters)", "(ap)", "(MoA)", " ", ",", "\n", "—", "-", "--", "–",
                    "BAGHDAD", "NEW", "YORK", "N.Y.", "O’HARE", "St.", "x", "é", "1", "“", "said", "Mr"]


@settings(max_examples=budget(500), deadline=None)
@given(st.lists(st.sampled_from(_DATELINE_PIECES), max_size=25).map("".join), st.data())
def test_datelines_are_the_dateline_finditer(text, data):
    wire = wire_names(("MoA",))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [m.span() for m in wire.dateline.finditer(text, start, end)]
    assert list(wire.datelines(text, start, end)) == found
    assert wire.has_dateline(text) == bool(wire.dateline.search(text))


def _editor_notes_by_finditer(text):
    """find_editor_notes as first written: the note patterns searched over the whole text (no markers), notices
    about the text left out."""
    starts = [(m.start(), " ".join(m.group("label").split())) for m in brackets._PAREN_NOTE_START_RE.finditer(text)]
    named = {start for start, _ in starts}
    starts += [(m.start(), m.group("label") or m.group("imperative"))
               for m in brackets._PAREN_OTHER_START_RE.finditer(text) if m.start() not in named]
    starts += [(m.start(), m.group("label")) for m in brackets._PAREN_INITIALS_START_RE.finditer(text)
               if m.group("label") not in brackets._NOT_INITIALS]
    closes = brackets._matching_parentheses(text)
    notes, resume = [], 0
    for start, label in sorted(starts):
        if start >= resume and start in closes and not brackets.is_notice(text[start + 1:closes[start] - 1]):
            notes.append((start, closes[start], label))
            resume = closes[start]
    return notes


_NOTE_LABELS = ["Editor’s note", "editors' comment", "Ed. note", "Eds.", "Ed", "ED", "eds.", "Note from the editor",
                "note from the editor", "Webmaster's note", "publisher’s comment", "moderator’s note",
                "MODERATOR’S COMMENT", "ZH", "NYSE", "NOTE", "Editor", "editor", "AP", "Reuters", "MoA", "x"]
_NOTE_PIECES = ["(", ")", ":", " - ", "--", "—", "–", " ", "\n", "\n\n", "note", "Ed", "this is", "Jane Roe", "x",
                "é", "’s", "IBM"]


@settings(max_examples=budget(800), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NOTE_PIECES),
                          st.tuples(st.sampled_from(_NOTE_LABELS), st.sampled_from(_NOTE_PIECES[2:7] + [""]))
                          .map(lambda label_sep: "(" + "".join(label_sep)),
                          st.tuples(st.sampled_from(_NOTE_LABELS), st.sampled_from(_NOTE_PIECES[2:7]))
                          .map(lambda label_sep: "(" + "".join(label_sep) + " this is x)")),
                max_size=16).map("".join))
def test_editor_notes_tried_at_each_paren_are_the_finditer_ones(text):
    assert brackets.find_editor_notes(text) == _editor_notes_by_finditer(text)


def test_editor_notes_tried_at_each_paren_on_the_corpus(corpus_text):
    for paragraph in corpus_text.split("\n\n"):
        assert brackets.find_editor_notes(paragraph) == _editor_notes_by_finditer(paragraph)


def test_only_the_named_labels_first_letters_match_them_case_free():
    # Why a "(" followed by any other character cannot begin a _PAREN_NOTE_START_RE match (its labels begin
    # Editor, Ed, Note, NB, Webmaster, Publisher, PS, Moderator, Author, Aside, Blogger, Hint, Update, Full
    # disclosure, Disclosure, Side note, Sarcasm, Reality check, Reminder, Our take, Just saying, Irony, …;
    # the pattern is IGNORECASE, and re's case folding lets a few other characters match ASCII letters:
    # ſ s, K k, ı i, İ i).
    first_letters = re.compile("[enwpmabhufdsroji]", re.IGNORECASE)
    for code in range(0x110000):
        if first_letters.match(chr(code)):
            assert chr(code) in brackets._NAMED_LABEL_FIRST, hex(code)


@settings(max_examples=budget(400), deadline=None)
@given(st.lists(st.sampled_from(["said", "Said", "Sa", "says", "say", "told", "Told", "tells", "ask", "Ask"]), min_size=1,
                max_size=8, unique=True),
       st.lists(st.sampled_from(["said", "SAID", "Said", "says", "sayso", "ſaid", "told", "Told", "tells", "ask", "aSK",
                                 " ", "x"]), max_size=10))
@example(words=["says", "Sa", "said"], tokens=["said"])  # under IGNORECASE "Sa" wins, so it must group with s
def test_alternation_grouped_by_first_letter_matches_as_the_flat_one(words, tokens):
    # Case-sensitively grouped by the exact letter; under IGNORECASE by the letter folded ("Said" with "said").
    text = "".join(tokens)
    for ignore_case, flags in ((False, 0), (True, re.IGNORECASE)):
        grouped = re.compile(by_first_letter(words, ignore_case=ignore_case), flags)
        flat = re.compile("|".join(words), flags)
        assert [grouped.match(text, pos) and grouped.match(text, pos).span() for pos in range(len(text) + 1)] == \
            [flat.match(text, pos) and flat.match(text, pos).span() for pos in range(len(text) + 1)], (words, text, ignore_case)
