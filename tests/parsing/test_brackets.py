"""The bracket classifier on wire-style and blog-style text: which brackets are an editor's commentary."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget

from notelint.parsing.brackets import classify_bracket, editor_label, find_editor_notes
from notelint.parsing.model import (
    ANNOTATION,
    BRACKET,
    CLARIFICATION,
    FOOTNOTE,
    INSERTION,
    LINK,
    PHOTO_CREDIT,
    SHORTCODE,
    STAGE_DIRECTION,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def classify_in(paragraph: str, bracket: str, *, in_quote: bool = False, markers: tuple[str, ...] = ()):
    """Classify `bracket` (with its brackets) where it stands in `paragraph`, as the parser would."""
    start = paragraph.index(bracket)
    end = start + len(bracket)
    return classify_bracket(paragraph[start + 1:end - 1], in_quote=in_quote,
                            before=paragraph[max(0, start - 200):start], after=paragraph[end:end + 200],
                            markers=markers)


# --- The corpus article --------------------------------------------------------------------------------
def test_corpus_article_insertions_are_found_by_content():
    text = (FIXTURES / "iraqi-militias-republished.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "iraqi-militias-republished.expected.json").read_text(encoding="utf-8"))
    insertions = [s for s in expected["spans"] if s["kind"] == "editorial_insertion"]
    assert len(insertions) == 2
    for span in insertions:
        start, end = span["start"], span["end"]
        assert text[start:end] == span["text"]
        kind, label = classify_bracket(text[start + 1:end - 1], in_quote=span["inside_quote"],
                                       before=text[max(0, start - 200):start], after=text[end:end + 200])
        assert (kind, label) == (INSERTION, None)


def test_corpus_article_parses_to_exactly_its_two_insertions():
    import notelint

    path = FIXTURES / "iraqi-militias-republished.txt"
    doc = notelint.parse(path.read_text(encoding="utf-8"), str(path))
    expected = json.loads((FIXTURES / "iraqi-militias-republished.expected.json").read_text(encoding="utf-8"))
    want = [(s["start"], s["end"]) for s in expected["spans"] if s["kind"] == "editorial_insertion"]
    assert [(s.start, s.end) for s in doc.spans_of(INSERTION)] == sorted(want)


# --- Commentary ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("paragraph, bracket", [
    # Second person and sarcasm after a wire paragraph.
    ("The ministry said the convoy was delayed by weather. [You have to admire the timing, don’t you?]",
     "[You have to admire the timing, don’t you?]"),
    # Scare quotes and denial, mid-sentence, arguing with the reported claim.
    ("Officials described the raid [it was not a “precision strike” when half the block is gone] as targeted.",
     "[it was not a “precision strike” when half the block is gone]"),
    # First-person aside from the republisher.
    ("The company declined to comment. [I doubt we will ever hear the real reason for the layoffs.]",
     "[I doubt we will ever hear the real reason for the layoffs.]"),
    # Evaluative words and an exclamation.
    ("The agency called the report balanced. [What a joke! This is propaganda, plain and simple.]",
     "[What a joke! This is propaganda, plain and simple.]"),
    # An imperative to the reader, with an exclamation.
    ("Parliament approved the budget late on Tuesday. [Remember this the next time they ask for your vote!]",
     "[Remember this the next time they ask for your vote!]"),
    # A sarcastic placeholder.
    ("The spokesman then thanked the press corps [insert the usual meaningless platitudes here.]",
     "[insert the usual meaningless platitudes here.]"),
])
def test_commentary_outside_quotes_is_an_insertion(paragraph, bracket):
    assert classify_in(paragraph, bracket) == (INSERTION, None)


@pytest.mark.parametrize("aside", [
    "[Sound familiar?]",
    "[Go figure.]",
    "[Funny how that works.]",
    "[So much for the free press.]",
    "[And they wonder why nobody trusts them.]",
    "[That is a lie, and the reporter knows it.]",
    "[Translation: they lied.]",
    "[Not a word about the civilian deaths, naturally.]",
])
def test_short_sarcastic_asides_are_insertions(aside):
    paragraph = f"The ministry said the strike hit only military targets. {aside} Aid groups disputed the figures."
    assert classify_in(paragraph, aside) == (INSERTION, None)


@pytest.mark.parametrize("bracket", [
    "[that is, the bombing campaign]",
    "[who was not authorized to speak publicly]",
    "[the company did not say how much it paid]",
    "[referring to the strike that killed 14 people]",
    "[the so-called Islamic State]",
    "[We]",
    "[I was]",
])
def test_clarifications_stay_clarifications_even_where_quote_marks_were_lost(bracket):
    # Scraped datasets drop quote marks, so the parser may not know the bracket is inside a quotation.
    paragraph = f"He said the government {bracket} would not comment on the matter."
    assert classify_in(paragraph, bracket, in_quote=True) == (CLARIFICATION, None)
    assert classify_in(paragraph, bracket, in_quote=False) == (CLARIFICATION, None)


@pytest.mark.parametrize("bracket", ["[the music industry]", "[the silence of the bishops]", "[the virus spreads]",
                                     "[the Fed raises rates]", "[the crowd]"])
def test_words_from_transcripts_do_not_make_a_stage_direction(bracket):
    paragraph = f"“It was about {bracket} and nothing else,” the analyst said."
    assert classify_in(paragraph, bracket, in_quote=True) == (CLARIFICATION, None)


def test_commentary_inside_a_quote_needs_strong_signals():
    paragraph = ("“We have always respected the ceasefire [Really? Then who fired the rockets on Monday?],” "
                 "the commander told reporters.")
    assert classify_in(paragraph, "[Really? Then who fired the rockets on Monday?]", in_quote=True)[0] == INSERTION


@pytest.mark.parametrize("paragraph, bracket", [
    # A retort where the speaker's clause ends: the writer answering.
    ("“The wall is being built [it isn’t] and Mexico will pay,” he said.", "[it isn’t]"),
    ("“We have a plan [we don't],” the candidate told reporters.", "[we don't]"),
    # Mock agreement, the writer's contradiction, the caveat that undoes the claim, disbelief.
    ("“We have done nothing wrong [of course not],” the company said.", "[of course not]"),
    ("“I have always supported veterans [his voting record says otherwise],” the senator said.",
     "[his voting record says otherwise]"),
    ("“Unemployment is at a record low [if you ignore everyone who gave up looking],” he said.",
     "[if you ignore everyone who gave up looking]"),
    ("“We never negotiate with terrorists [except when we do],” the minister said.", "[except when we do]"),
    ("“I am the least racist person [yes, he actually said this],” the president said.",
     "[yes, he actually said this]"),
    ("“We will protect Medicare [by cutting it, apparently] for our children,” the senator said.",
     "[by cutting it, apparently]"),
])
def test_commentary_answering_the_speaker_inside_a_quote(paragraph, bracket):
    assert classify_in(paragraph, bracket, in_quote=True) == (INSERTION, None)


@pytest.mark.parametrize("paragraph, bracket", [
    ("“[It isn’t] about the money,” the striker said.", "[It isn’t]"),   # restored words, the clause goes on
    ("“They told us [they were leaving],” the tenant said.", "[they were leaving]"),
    ("“The deal [with Iran] is dead,” the senator said.", "[with Iran]"),
    ("“He [Mr. Ruiz] said [the report] was wrong,” she said.", "[the report]"),
])
def test_restored_words_inside_a_quote_stay_clarifications(paragraph, bracket):
    assert classify_in(paragraph, bracket, in_quote=True) == (CLARIFICATION, None)


def test_a_full_sentence_correcting_a_quoted_column_is_an_insertion():
    paragraph = ("The bill only lets a “relative” file a petition. [Most such bills, including the one passed in "
                 "Oregon, do not limit who counts as a “relative” at all.]")
    bracket = paragraph[paragraph.index("["):]
    assert classify_in(paragraph, bracket, in_quote=True)[0] == INSERTION


# --- Labelled notes: always insertions ---------------------------------------------------------------
@pytest.mark.parametrize("bracket, label", [
    ("[Ed.: The minister resigned two days after this interview.]", "Ed."),
    ("[Ed. note: figures were revised by the statistics office on Friday.]", "Ed. note"),
    ("[Editor's note: The company’s statement came two days after the vote.]", "Editor's note"),
    ("[Editor’s Note — the original headline misstated the vote count.]", "Editor’s Note"),
    ("[EDITOR'S NOTE: Names of the victims were withheld at the families’ request.]", "EDITOR'S NOTE"),
    ("[ZH: note the date on that memo.]", "ZH"),
    ("[Shares closed 4% lower, which says it all. ed]", "ed"),
    ("[Nobody at the ministry would confirm the number. — Ed.]", "Ed."),
])
def test_labelled_notes_are_insertions_with_their_label(bracket, label):
    paragraph = f"The central bank held rates at 5.25%. {bracket} Analysts had expected a cut."
    # A label decides even inside a quotation and even when the note itself is neutral.
    assert classify_in(paragraph, bracket, in_quote=True) == (INSERTION, label)
    assert classify_in(paragraph, bracket, in_quote=False) == (INSERTION, label)


def test_configured_markers_label_notes_and_signatures():
    paragraph = "“The talks are over,” the envoy said. [MoA: they were never really on.] Markets fell."
    assert classify_in(paragraph, "[MoA: they were never really on.]", markers=("MoA",)) == (INSERTION, "MoA")
    # Unconfigured, "MoA" is not initials; the neutral note stays unlabelled.
    assert classify_in(paragraph, "[MoA: they were never really on.]")[1] is None
    # A marker configured with its colon names the same label.
    assert classify_in(paragraph, "[MoA: they were never really on.]", markers=("MoA:",)) == (INSERTION, "MoA")
    signed = "[The envoy left for Doha the same evening. - MoA]"
    assert classify_in(f"Markets fell. {signed}", signed, markers=("MoA",)) == (INSERTION, "MoA")


def test_things_that_look_like_labels_are_not():
    # An exchange and ticker, a lyric header, a name ending in "Ed", a plain note heading.
    assert classify_in("Shares of the firm [NYSE: ACME] rose.", "[NYSE: ACME]")[0] != INSERTION
    assert classify_in("[Chorus: Mia Lowe] We keep on running", "[Chorus: Mia Lowe]") == (BRACKET, None)
    assert classify_in("“My uncle [his brother Ed] ran the shop,” she said.", "[his brother Ed]",
                       in_quote=True) == (CLARIFICATION, None)
    assert editor_label("Ed") is None
    # An edition is not a signature; a country code is not a site's initials.
    assert editor_label("the figures are from the 3rd ed.") is None
    assert editor_label("UK: released in April") is None
    assert editor_label("The ministry never answered.--Ed.") == "Ed."


# --- Clarifications ---------------------------------------------------------------------------------
@pytest.mark.parametrize("paragraph, bracket", [
    ("“We told him [Karimov] that the deal was off,” the diplomat said.", "[Karimov]"),
    ("“They [the Hendersons] never paid the contractors,” one neighbour said.", "[the Hendersons]"),
    ("“The [Interior Ministry] has not released the list,” Haddad said.", "[Interior Ministry]"),
    ("“I went back to the farm [when my mother was still alive] and nothing had changed,” he said.",
     "[when my mother was still alive]"),
    ("“You have to deal with people [who] you disagree with,” the senator said.", "[who]"),
    ("“The fund’s assets were transfered [sic] to a trust,” the filing says.", "[sic]"),
    ("“The board met twice […] and decided nothing,” she wrote.", "[…]"),
    ("“The plan was approved in [March 2019],” Ruiz said.", "[March 2019]"),
    ("“We call it [the ‘blue line’] because of the paint,” an officer said.", "[the ‘blue line’]"),
])
def test_clarifications_inside_quotes(paragraph, bracket):
    assert classify_in(paragraph, bracket, in_quote=True) == (CLARIFICATION, None)


@pytest.mark.parametrize("bracket", ["[emphasis added]", "[Emphasis in original]", "[emphasis mine]", "[sic]"])
def test_editorial_marks_are_clarifications(bracket):
    paragraph = f"“The order must be obeyed by all units,” the memo said. {bracket} The army did not reply."
    assert classify_in(paragraph, bracket) == (CLARIFICATION, None)


def test_a_reporters_sourced_note_is_not_commentary():
    paragraph = "• The clerk removed the laptop. [A Senate aide said the “clerk” was Tom Reyes.] • Police were told."
    assert classify_in(paragraph, "[A Senate aide said the “clerk” was Tom Reyes.]")[0] == CLARIFICATION


# --- Other bracket uses --------------------------------------------------------------------------------
@pytest.mark.parametrize("paragraph, bracket, kind", [
    ("The reforms were first proposed in 1998.[4] They stalled.", "[4]", FOOTNOTE),
    ("See the ruling.[^2]", "[^2]", FOOTNOTE),
    ("Watch the clip: [youtube https://www.youtube.com/watch?v=abc123XYZ]",
     "[youtube https://www.youtube.com/watch?v=abc123XYZ]", SHORTCODE),
    ("[caption id=\"attachment_88\" align=\"alignleft\" width=\"300\"] Protesters in Quito",
     "[caption id=\"attachment_88\" align=\"alignleft\" width=\"300\"]", SHORTCODE),
    ("Listen: [soundcloud url= https://api.soundcloud.com/tracks/12345 params= auto_play=false]",
     "[soundcloud url= https://api.soundcloud.com/tracks/12345 params= auto_play=false]", SHORTCODE),
    ("MAYOR: We will rebuild this bridge. [applause]", "[applause]", STAGE_DIRECTION),
    ("HOST: And the budget? [laughter; the mayor shrugs]", "[laughter; the mayor shrugs]", STAGE_DIRECTION),
    ("GUEST: It was like this — [holds up both hands] — every single day.", "[holds up both hands]",
     STAGE_DIRECTION),
    ("Firefighters at the scene on Sunday. [Jane Doyle/ Reuters]", "[Jane Doyle/ Reuters]", PHOTO_CREDIT),
    ("Crowds outside the court. [Sam Ortiz | Miami Herald via TNS]", "[Sam Ortiz | Miami Herald via TNS]",
     PHOTO_CREDIT),
    ("The port at dawn. [AP Photo/Rui Costa]", "[AP Photo/Rui Costa]", PHOTO_CREDIT),
    ("Dear all,… [the letter continues for another two pages]", "[the letter continues for another two pages]",
     ANNOTATION),
    ("[Updated with the ministry’s full statement.]", "[Updated with the ministry’s full statement.]",
     ANNOTATION),
    ("The full report is [here](https://example.org/report.pdf).", "[here]", LINK),
    ("Read the decision [here] in full.", "[here]", LINK),
    ("Voters in [[Kent County, Michigan]] swung back.", "[Kent County, Michigan]", LINK),
    ("The airport [tmsnrt.rs/2xYz9Ab] handles most cargo.", "[tmsnrt.rs/2xYz9Ab]", LINK),
    ("Rival Lyft [LYFT.UL] said it would also cut prices.", "[LYFT.UL]", BRACKET),
    ("Stocks in Tokyo [.N225] fell 2%.", "[.N225]", BRACKET),
    ("The statement followed a tweet [1133 EST] on Monday.", "[1133 EST]", BRACKET),
    ("The ruling came late on Friday [nL2N1AB12C].", "[nL2N1AB12C]", BRACKET),
    ("Oil rose for a third day [O/R].", "[O/R]", BRACKET),
    ("var q = r.exec(h)||[&quot;&quot;,&quot;&quot;];", "[&quot;&quot;,&quot;&quot;]", BRACKET),
    ("if (x.toString() == '[object Window]') return;", "[object Window]", BRACKET),
    ("var m = s.match(/[\\d\\.]+/);", "[\\d\\.]", BRACKET),
    ("“He called the reporter a [expletive deleted],” the aide said.", "[expletive deleted]", ANNOTATION),
    ("- [ ] file the expense report", "[ ]", BRACKET),
    ("- [x] call the embassy", "[x]", BRACKET),
])
def test_other_bracket_uses(paragraph, bracket, kind):
    assert classify_in(paragraph, bracket) == (kind, None)


def test_stage_direction_with_a_pointed_gesture_stays_a_stage_direction():
    paragraph = "“It’s like [the senator waves his arms around wildly], it’s like a circus,” he said."
    assert classify_in(paragraph, "[the senator waves his arms around wildly]", in_quote=True)[0] == STAGE_DIRECTION


def test_unclosed_or_overlong_brackets_are_not_insertions():
    text = "You would think the ministry would care! " * 20
    assert classify_bracket(text, in_quote=False, before="", after="", closed=False) == (BRACKET, None)
    assert classify_bracket(text, in_quote=False, before="", after="") == (BRACKET, None)
    # ... unless they carry an editor's label.
    assert classify_bracket("Ed.: the ministry did not reply", in_quote=False, before="", after="",
                            closed=False) == (INSERTION, "Ed.")


# --- Parenthesised editor's notes -----------------------------------------------------------------------
def test_find_editor_notes_labels_and_exact_offsets():
    text = ("The mayor denied the report. (Editor's note: The mayor's office sent a correction on Friday.) "
            "Turnout was 41%. (Ed.: up from 38% in 2019.) (ZH: and nobody asked why.)")
    notes = find_editor_notes(text)
    assert [(text[s:e], label) for s, e, label in notes] == [
        ("(Editor's note: The mayor's office sent a correction on Friday.)", "Editor's note"),
        ("(Ed.: up from 38% in 2019.)", "Ed."),
        ("(ZH: and nobody asked why.)", "ZH"),
    ]


def test_find_editor_notes_balances_nested_parentheses():
    text = "Rates rose. (Ed. note: the bank (which had promised a pause (twice)) raised them anyway.) Then calm."
    [(start, end, label)] = find_editor_notes(text)
    assert text[start:end] == "(Ed. note: the bank (which had promised a pause (twice)) raised them anyway.)"
    assert label == "Ed. note"


def test_find_editor_notes_skips_an_unclosed_note_and_keeps_scanning():
    text = ("(Editor's note: this part never closes\n\nNext paragraph. (Ed.: but this one does.) "
            "(Editor's note: and this one runs off the end")
    notes = find_editor_notes(text)
    assert [(text[s:e], label) for s, e, label in notes] == [("(Ed.: but this one does.)", "Ed.")]


def test_find_editor_notes_ignores_release_dates_and_asides_that_are_not_labels():
    text = "The film opens in 2026 (US: March; UK: April). (FYI: the trailer is out.) (ZH: but who paid for it?)"
    notes = find_editor_notes(text)
    assert [(text[s:e], label) for s, e, label in notes] == [("(ZH: but who paid for it?)", "ZH")]


def test_a_bare_editor_label_needs_prose_after_it():
    text = "Filed from Lagos (Editor: Jane Roe). Prices rose (Editor: the bank disputes this.)"
    notes = find_editor_notes(text)
    assert [(text[s:e], label) for s, e, label in notes] == [("(Editor: the bank disputes this.)", "Editor")]
    assert editor_label("Editor: John Smith") is None
    assert editor_label("ZH: Chinese Foreign Ministry") is None


def test_find_editor_notes_ignores_tickers_credits_and_unconfigured_names():
    text = "Shares of Acme (NYSE: ACME) rose (AP). (MoA: a telling detail.) (Reuters) - The deal closed."
    assert find_editor_notes(text) == []
    notes = find_editor_notes(text, markers=("MoA",))
    assert [(text[s:e], label) for s, e, label in notes] == [("(MoA: a telling detail.)", "MoA")]


def test_stock_sarcasm_addressed_to_the_reader_is_commentary():
    # from the bundled example article: "you can bet" is the republisher talking to the reader
    kind, _ = classify_bracket("and you can bet the shipping giants will pass every cent of that on to you",
                               in_quote=False, before="about 140 vessels were waiting to unload ",
                               after=" and that the backlog could take weeks to clear.")
    assert kind == "insertion"


# -- the insertion score is evaluated only as far as a verdict needs ------------------------------------

# Pieces of the brackets editors write, and of the neutral ones: each sets off one or more of the score's
# signals (persons, sarcasm, placeholders, questions, finite clauses, negation, scare quotes, glosses,
# attribution), so generated brackets reach every bar from either side.
_BRACKET_PIECES = ["you would think they would", "I wonder", "let us not forget", "my", "our", "we", "your",
                   "take your pick", "who knew", "of course", "insert insults here", "it can’t be",
                   "a “response”", "so-called", "propaganda", "Really?", "!", "?", "i.e.", "the Awans",
                   "the US", "is", "not", "never", "This is", "According to officials", "the ministry said",
                   "Think about it", "when the war started", ".", ",", "Iran’s", "in fact", "sic"]


@settings(max_examples=budget(1_500), deadline=None)
@given(st.lists(st.sampled_from(_BRACKET_PIECES), min_size=1, max_size=10).map(" ".join), st.booleans(),
       st.sampled_from([2.5, 3.0, 3.5, 4.0, 4.5]))
def test_a_score_asked_against_a_bar_answers_as_the_whole_score_does(inner, in_quote, bar):
    from notelint.parsing.brackets import _MOST_LEFT, _Score, _insertion_score, _letter_runs, _score_terms

    runs = _letter_runs(inner)
    assert _Score(inner, in_quote, runs).at_least(bar) == (_insertion_score(inner, in_quote, runs) >= bar)
    # Each term stays within the most it declares (the negative one first), and those bounds add up to
    # what the lazy score assumes is left before it counts anything.
    terms = list(_score_terms(inner, in_quote, runs))
    assert terms[0][1] == 0.0 and terms[0][0] in (0.0, -1.5)
    assert all(0.0 <= value <= most for value, most in terms[1:])
    assert sum(most for _, most in terms) == _MOST_LEFT[in_quote]


@pytest.mark.parametrize("inner, in_quote, kind", [
    # Settled by its first signals (a set phrase, the reader addressed): the finite-clause search is skipped.
    ("With the US bombing some factions and bribing others, you would think they would.", False, INSERTION),
    ("it can’t be a “response” when the US started this war", False, INSERTION),
    ("the Awans", True, CLARIFICATION),
    ("Iran’s", False, CLARIFICATION),
])
def test_brackets_settled_early_classify_as_before(inner, in_quote, kind):
    assert classify_bracket(inner, in_quote=in_quote, before="Officials said ", after=" on Monday.")[0] == kind
