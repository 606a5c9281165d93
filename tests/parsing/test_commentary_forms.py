"""Commentary in the forms real republished articles use (issue 13): parenthesised asides, every label
form, notices that are not commentary, newsletter briefs and promos, commentary paragraphs, page furniture
and suppression lines in plain text. Every text here is written for the test, in the shapes real pages have."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.parsing.brackets import (classify_bracket, commentary_paragraph_label, editor_label, find_editor_notes,
                                       is_notice, is_parenthetical_aside)
from notelint.parsing.document import build_document, is_page_furniture
from notelint.parsing.model import (ANNOTATION, BRACKET, CLARIFICATION, HEADLINE, INSERTION, PARAGRAPH, QUOTE, SOURCE,
                                    STAGE_DIRECTION, STANDFIRST)
from notelint.parsing.strip import strip_document
from notelint.reading.source import plain_source


def parse(text: str, **options):
    return build_document(plain_source(text), **options)


def insertions(doc) -> list[tuple[str, str | None]]:
    return [(doc.text_of(s), s.attrs.get("label")) for s in doc.spans_of(INSERTION)]


def classify_in(paragraph: str, bracket: str, *, in_quote: bool = False, markers=()):
    start = paragraph.index(bracket)
    end = start + len(bracket)
    return classify_bracket(paragraph[start + 1:end - 1], in_quote=in_quote,
                            before=paragraph[max(0, start - 200):start], after=paragraph[end:end + 200],
                            markers=markers)


HEAD = "Council Delays Vote on Bridge\n\n"
LEAD = ("RIVERTON (AP) — The city council on Tuesday delayed a vote on the new bridge for the third time, "
        "citing cost overruns, officials said.\n\n")


# --- Parenthesised commentary -------------------------------------------------------------------------
@pytest.mark.parametrize("aside", [
    "(Maybe the mayor forgot his own campaign promise?)",       # a question put to the reader
    "(Wow…Talk about timing!)",                                   # an exclamation and an imperative
    "(*I’m guessing nobody on the council read the audit)",      # the writer as "I"
    "(If you believe that, ask anyone who drives the old bridge.)",  # the reader as "you"
    "(So much for fiscal discipline.)",                          # stock sarcasm
    "(shocker)",
    "(!)",                                                        # astonishment, nothing else
    "(yes, fines)",                                               # an interjection echoing the text
    "(not)",
    "(surprise!)",
    "(as if)",
    "(eye roll)",
    "(sure, Jan)",
    "(good luck with that)",
    "(whatever that means)",
    "(nice try)",
    "(citation needed)",
    "(a laughable claim)",                                        # a verdict in a few words
    "(an absurd excuse)",
    "(naturally)",                                                # the writer's knowing attitude
    "(coincidentally)",
    "(in an election year, curiously)",
    "(which, naturally, is run by a former council member)",      # the attitude adverb set off inside it
    "(Ironically, the same firm built the old bridge.)",          # or opening it
    "(it isn’t, by any honest count)",                            # a retort, its verb left out
    "(they didn't)",
    "(sure it was)",                                              # mock agreement
    "(read: nobody on the council opened the audit)",             # decoding what was said
    "(because nothing says thrift like a $40 million fountain)",
    # A retort confirming or denying with its verb left out, and a knowing denial.
    "(it was not, as anyone could see)",
    "(it was, in fact, twice the estimate)",
    "(clearly not enough to read the audit)",
    "(how generous of them)",                                     # an exclamative
    "(how very thrifty of him)",
    "(what a coincidence)",
    "(convenient, that)",
    "(as they do)",                                               # the habit, not the fact
    "(again)",
    "(as usual)",
    "(who else?)",                                                # a short question to the reader
    "(no surprise there)",                                        # mock surprise
    "(no one was surprised)",
    "(who could have guessed)",
    "(some things never change)",
    "(the audit tells a different story)",
    "(because taxpayers are clearly made of money)",              # a mock reason
    "(by the way, the audit warned of exactly this)",             # the writer talking
    "(one wonders why)",
    "(surely just a coincidence)",
    "(never mind that the audit warned of it)",                   # arguing with the reader
    "(don’t hold your breath)",
    "(in an election year, naturally)",                           # a knowing nod closing the aside
    "(which, remember, was promised for 2019)",
    "(stadiums never do)",                                        # a generalising retort
    "(as it always does)",
    "(sort of)",                                                  # a hedge mocking what was reported
    "(Priorities!)",                                              # an exclamation of a word or two
    "(wow!)",
    "(big shock)",
    "(the bridge is fine, thanks for asking)",
    "(it was)",                                                   # a retort with no word of voice but its form
    "(they were not)",
    "(it’s not)",                                                 # contracted
    "(they're not, whatever the brochure says)",
    "(he won't)",
    "(do the math)",                                              # a colloquial imperative to the reader
    "(stop laughing)",
    "(define unavoidable)",
    "(face it, the audit warned them)",
    "(keep that in mind next election)",
    "(get this: the contractor is the mayor’s cousin)",
    "(nothing to see here, folks)",                               # the reader addressed
    "(Dear reader, the audit warned of exactly this)",
    "(try telling that to the drivers on the old bridge)",
    "(crickets)",                                                 # a reaction the writer mimes
    "(cue outrage from the usual suspects)",
])
def test_parenthesised_commentary_outside_quotes_is_an_unlabelled_insertion(aside):
    paragraph = f"The council called the overruns unavoidable {aside} and blamed the contractor."
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(aside, None)]
    span = doc.spans_of(INSERTION)[0]
    assert doc.text[span.start] == "(" and doc.text[span.end - 1] == ")"  # exact offsets, parentheses included


@pytest.mark.parametrize("paragraph", [
    "Rep. Dana Flores (R-Texas) voted against the plan.",
    "RIVERTON (Reuters) - The council met on Tuesday.",
    "Shares of Acme Corp (NYSE: ACME) fell 3%.",
    "The fund holds 40 million euros ($1 = 0.92 euros).",
    "The suspect, Jon Hale (pictured), was released (i.e. no criminal charges were filed).",
    "The ministry (which declined to comment) has not released the figures.",
    "Mr Hale, 42, was arrested twice. (The council did not respond to a request for comment.)",
    "The party, Forza Nuova (New Force!), polled 2 percent.",
    "The letter was signed by the mayor (sic) and two aides.",
    "The bridge opened in 1998 (the old one closed in 1997) and carries 20,000 cars a day.",
    "The siren (a false alarm) sounded at 3 a.m.",
    "Protesters held signs reading “Ni zurdos, ni tontos,” (Neither lefties nor stupid).",  # a translation
    "The group (the so-called Harbor Watch) filed the suit.",
    "The film (an absurdist comedy shot in the harbor town in 2019 with local actors) opens on Friday.",
    # An attitude adverb between the words of a clause belongs to the sentence (here a speaker's, its
    # quotation marks lost in scraping), not to an aside.
    "Engineers warned that the steel will (naturally) expand in the summer heat.",
    "He said he did not (and would not) take questions.",
    "The council delayed the vote (it was the third delay this year) and blamed the contractor.",
    "The council did not say (how the money was spent is unclear) who approved the payments.",
    "The delay (what a spokesman called a scheduling matter) was announced on Tuesday.",
    "The mayor thanked the crews (as he does every year) at the ceremony.",
    "The council voted down the plan (again, by a vote of 5-4) on Tuesday.",
    "The council approved the plan (members never voted on the bridge itself) on Tuesday.",
    "The bridge (a kind of suspension bridge) opened in 1998.",
    "The audit (read the full report on the city's website) found $3 million in overruns.",
    "The mayor will speak on Sunday (don’t miss the full interview in our weekend edition).",
    "The party, Podemos (We Can!), polled 12 percent.",           # a name's translation exclaims
    "The council voted to close the old bridge (3,000 cars a day still use it, the city says!) on Tuesday.",
    # Imperatives and vocatives' words in a reporter's aside, or in a name.
    "The campaign (Stop the Steal) held a rally outside the council chamber.",
    "The council thanked the volunteers (friends, neighbors and retired engineers) on Tuesday.",
    "The charity's director, Ann Cole (Define American), spoke against the plan.",
    "The council delayed the vote (members asked staff to hold on to the old estimates) on Tuesday.",
    "The bridge carries 20,000 cars a day (mostly commuters and people who work downtown).",
    "The board (which, according to its bylaws, meets monthly) approved the plan.",
    "The firm (founded, in 1998, by two brothers) won the contract.",
])
def test_neutral_parentheses_stay_wire_text(paragraph):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == []


@pytest.mark.parametrize("paragraph, aside", [
    ("The mayor said the overruns were “unavoidable” (define unavoidable).", "(define unavoidable)"),
    ("The mayor called the audit a “witch hunt” (it was not a witch hunt) and blamed the contractor.",
     "(it was not a witch hunt)"),
    ("The council cited “safety concerns” (right, safety) for closing the bridge.", "(right, safety)"),
    ("The mayor said the council was “fully transparent” (fully, he says).", "(fully, he says)"),
])
def test_an_aside_echoing_the_quotation_before_it_mocks_or_denies_it(paragraph, aside):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(aside, None)]


@pytest.mark.parametrize("paragraph", [
    # A reporter's gloss takes up the quoted term too, and may deny something of it, as a fact.
    "The label on the bridge’s steel reads “organic coating” (the coating is not certified organic by the state).",
    "The court used the phrase “clear and present danger” (a danger the court did not define).",
    "The council calls the plan “Bridge Forward” (Forward for short).",
    "The mayor spoke of a “new deal” for the contractor (a deal that would raise fees by 5 percent).",
    "The rule covers “heavy trucks” (trucks over 10 tons) on the old bridge.",
    # A quotation ending its sentence: the parenthesis after it is a sentence of its own.
    "The engineers wrote that “the old bridge needs no repair.” (Repair crews disagreed.)",
    # A retort's words alone, inside a clause of reported speech that lost its quotation marks, restore
    # the speaker's words.
    "The council said that, aware of its duty, (it was) taking all steps to reopen the bridge.",
])
def test_a_gloss_taking_up_the_quoted_words_stays_wire_text(paragraph):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == []


@pytest.mark.parametrize("aside", ["(sigh)", "(LOL)", "(as if)", "(whatever that means)", "(eye roll)"])
def test_an_interjection_alone_in_parentheses_inside_a_quotation_is_the_writers(aside):
    # A blogger's "(sigh)" inside the passage quoted restores no word of the source's, as "[sigh]" does not.
    paragraph = f"The Times reported: “The city spent $4 million {aside} on the new logo, officials said.”"
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(aside, None)]
    assert doc.spans_of(INSERTION)[0].attrs["in_quote"] is True


def test_parentheses_inside_a_quotation_are_the_speakers_or_a_clarification():
    paragraph = ("“The regime (Saddam Hussein’s government) never paid us, and who (honestly) would expect it "
                 "to (laughs)? Ask (AP) or (Reuters) and (sighs) they agree,” the contractor said.")
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == []


def clarifications(doc) -> list[tuple[str, bool]]:
    return [(doc.text_of(s), s.attrs["in_quote"]) for s in doc.spans_of(CLARIFICATION)]


@pytest.mark.parametrize("note, label", [
    ("(Ed. note: the council has missed every deadline since 2019)", "Ed. note"),
    ("(Editor’s note: none of them did.)", "Editor’s note"),
    ("(ZH: and who pays for it?)", "ZH"),
])
def test_a_labelled_note_in_parentheses_inside_a_quotation_is_an_insertion_there(note, label):
    paragraph = f"“We will finish the bridge on time {note} and within budget,” the mayor said on Tuesday."
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(note, label)]
    span = doc.spans_of(INSERTION)[0]
    assert span.attrs["in_quote"] is True
    quote = next(q for q in doc.spans_of(QUOTE) if q.contains(span))
    assert span in quote.children and quote.attrs["speaker"] == "the mayor"


def test_a_note_inside_a_quotation_within_a_quotation_is_placed_in_the_inner_one():
    paragraph = ("“He told us, ‘We can build it (Ed. note: they could not) for less,’ and we believed him,” "
                 "the mayor said.")
    doc = parse(HEAD + LEAD + paragraph + "\n")
    note = doc.spans_of(INSERTION)[0]
    inner = [q for q in doc.spans_of(QUOTE) if q.contains(note)]
    assert len(inner) == 2 and note in min(inner, key=lambda q: q.end - q.start).children


@pytest.mark.parametrize("mark, in_quote", [
    ("(sic)", True), ("(…)", True), ("(...)", True), ("(emphasis added)", True),
    ("(i.e. the 1998 bridge)", True), ("(sic)", False), ("(i.e. no criminal record)", False),
    ("(that is, the contractor)", False),
])
def test_editing_marks_and_glosses_in_parentheses_are_clarifications(mark, in_quote):
    sentence = f"the council’s engineers {mark} never looked at the old span"
    paragraph = (f"“{sentence.capitalize()},” the mayor said." if in_quote
                 else f"The mayor said {sentence}, and blamed the contractor.")
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert clarifications(doc) == [(mark, in_quote)]
    assert insertions(doc) == []


@pytest.mark.parametrize("paragraph", [
    "The man in charge (i.e., the bishop!) never answered the parish's letters.",  # a gloss that exclaims
    "The council called the overruns unavoidable (!) and blamed the contractor.",  # astonishment
])
def test_an_exclaiming_parenthesis_is_an_aside_not_a_clarification(paragraph):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert clarifications(doc) == [] and len(insertions(doc)) == 1


@pytest.mark.parametrize("paragraph", [
    "The mayor called the span “a landmark (Ed. note: it is not” at all) and left the meeting.",
    "The mayor blamed “the engineers (i.e. the” contractors) and left the meeting.",
])
def test_a_parenthesis_that_straddles_a_quotation_mark_is_left_as_text(paragraph):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert clarifications(doc) == [] and insertions(doc) == []
    assert [doc.text_of(q) for q in doc.spans_of(QUOTE)] == [paragraph[paragraph.index("“"):paragraph.index("”") + 1]]


@pytest.mark.parametrize("paragraph", [
    "'We will not back down (and I mean that) on the bridge,' the mayor said.",
    "The mayor said: ‘We will not back down (and I mean that!) on the bridge, and we don’t care who knows.’",
])
def test_parentheses_inside_a_single_quoted_quotation_are_the_speakers(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []
    # The same aside outside the quotation is the writer's.
    outside = "The mayor's team (and I mean that) called the council's plan dead."
    assert insertions(parse(HEAD + LEAD + outside + "\n")) == [("(and I mean that)", None)]


def test_speech_reported_without_quotation_marks_keeps_its_parentheses():
    # Scraped copy that lost every quotation mark: a first-person parenthesis is the speaker's words.
    paragraph = "This is the least (we can do) for our neighbours, the archbishop said on Sunday."
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


def test_a_transcript_of_posts_keeps_its_parentheses():
    paragraph = ("[0621 EST] - The media keeps saying I will fire him - FAKE NEWS! (I make the final call) "
                 "we work well together!")
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


@given(st.sampled_from(["R", "D", "I"]), st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True),
       st.integers(min_value=1, max_value=120), st.from_regex(r"[A-Z]{2,5}", fullmatch=True))
@settings(max_examples=60, deadline=None)
def test_party_state_ages_and_codes_are_never_asides(party, state, age, code):
    for inner in (f"{party}-{state}", str(age), code, f"{code}.N", f"${age} = {age / 100:.2f} euros", f"{party}"):
        assert not is_parenthetical_aside(inner, "Senator Jo Ames ", " said on Monday.")


@pytest.mark.parametrize("code", ["HA", "NO", "YES", "WOW", "LOL", "OH", "HA.O", "UGH.N"])
def test_a_code_in_capitals_that_spells_an_interjection_is_no_aside(code):
    # Hypothesis found "(HA)" read as a laugh: tickers and abbreviations spell words too (Hawaiian Airlines).
    assert not is_parenthetical_aside(code, "Shares of Hawaiian Holdings ", " fell 3% on Monday.")
    assert is_parenthetical_aside(code.lower().split(".")[0] + "!", "The bill passed ", " on Monday.")


# --- Labels in every real form ------------------------------------------------------------------------
@pytest.mark.parametrize("note, label", [
    ("(Note to the council: nobody believes the new cost estimate.)", "Note to the council"),
    ("(Note for younger readers: bridges were once paid for with tolls.)", "Note for younger readers"),
    ("(Note to city hall - the voters remember the last overrun.)", "Note to city hall"),
    ("(Note: The contractor was fined twice before.)", "Note"),
    ("(NOTE: this is the third delay this year.)", "NOTE"),
    ("(Note the timing here: the vote was set for election week. Go figure.)", "Note"),
    ("(Note too, the quiet admission that the audit was right.)", "Note"),
    ("(Aside: the old bridge still carries the traffic.)", "Aside"),
    ("(Hint: it is all about the tolls.)", "Hint"),
    ("(Update: the council has since set a date, and of course it is election week.)", "Update"),
    ("(Author’s note: I drove across it this morning.)", "Author’s note"),
    ("(Disclosure: I worked for the mayor in 2010.)", "Disclosure"),
    # A writer stepping out of the report under a label of their own voice.
    ("(Side note: this is the third delay in a year.)", "Side note"),
    ("(Fact check: the overruns were in the 2019 audit.)", "Fact check"),
    ("(Reality check – the audit says otherwise.)", "Reality check"),
    ("(Our take: a convenient excuse for a late bridge.)", "Our take"),
    ("(My two cents: fire the contractor.)", "My two cents"),
    ("(Spoiler alert: it will not open in June.)", "Spoiler alert"),
    ("(Reminder: the same council approved the budget.)", "Reminder"),
    ("(Pro tip: read the audit before the press release.)", "Pro tip"),
    ("(Memo to the mayor: voters remember the last bridge.)", "Memo to the mayor"),
    ("(Editor’s aside: the contractor also built the stadium.)", "Editor’s aside"),
    ("(PPS: the vote is on Tuesday, if anyone still cares.)", "PPS"),
    ("(Admin note: we have covered this council for years.)", "Admin note"),
    ("(Quick note: the mayor’s brother owns the firm.)", "Quick note"),
    ("(Update from the author: the vote was moved again. Shocker.)", "Update from the author"),
])
def test_parenthesised_labels(note, label):
    doc = parse(HEAD + LEAD + f"The council will meet again next week. {note}\n")
    assert insertions(doc) == [(note, label)]


@pytest.mark.parametrize("bracket, label", [
    ("[ed. I checked the minutes myself and the vote was never scheduled.]", "ed."),
    ("[ed., no, not the first time the council has done this.]", "ed."),
    ("[NOTE: I am not paid by either side of this fight.]", "NOTE"),
    ("[Author’s note: I did.]", "Author’s note"),
    ("[Aside: the contractor also built the stadium.]", "Aside"),
    ("[Hint: follow the money…]", "Hint"),
    ("[Update: I told you so; the council has since voted it down.]", "Update"),
    ("[This is exactly how the last bridge went over budget – ed]", "ed"),
    ("[The same firm won the stadium contract too ed]", "ed"),
    ("[Fact check: the council approved every one of the overruns.]", "Fact check"),
    ("[Side note – the mayor’s brother owns the firm.]", "Side note"),
    ("[Sarcasm alert: what a surprise that the bill went up again.]", "Sarcasm alert"),
    ("[note the timing: the vote falls in election week]", "note"),     # the writer's imperative, lower case
    ("[Comment: what a farce.]", "Comment"),
    ("[Our comment: don’t hold your breath.]", "Our comment"),
    # Whoever runs the page and the kind of note, either way round.
    ("[Ed. comment: the audit says otherwise.]", "Ed. comment"),
    ("[Ed. aside: the firm got a $12 million bonus.]", "Ed. aside"),
    ("[Admin note: we have covered this council for years.]", "Admin note"),
    ("[Host’s note: of course they did.]", "Host’s note"),
    ("[Editor’s two cents: blame the budget cuts.]", "Editor’s two cents"),
    ("[Note from the publisher: they lost four seats.]", "Note from the publisher"),
    ("[Opinion: a bridge to nowhere.]", "Opinion"),
    ("[Personal note: good riddance.]", "Personal note"),
    ("[Quick note: the mayor’s brother owns the firm.]", "Quick note"),
])
def test_bracketed_label_forms(bracket, label):
    paragraph = f"The council will meet again next week. {bracket} Residents are angry."
    assert classify_in(paragraph, bracket) == (INSERTION, label)


def test_the_sites_initials_from_config_label_notes():
    paragraph = "The council will meet again next week. (RB: and nobody will show up.) Residents are angry."
    doc = parse(HEAD + LEAD + paragraph + "\n", editorial_markers=("RB",))
    assert insertions(doc) == [("(RB: and nobody will show up.)", "RB")]
    assert classify_in("Turnout fell. [rb: as predicted.] Again.", "[rb: as predicted.]", markers=("rb",)) == (
        INSERTION, "rb")


def test_an_outlet_cited_with_its_initials_is_not_a_label():
    paragraph = "[WSJ: “The council cannot keep delaying the inevitable.”]"
    assert classify_in(paragraph, paragraph)[0] != INSERTION
    assert editor_label("NYT: “The vote was delayed again.”") is None
    assert editor_label("RB: the vote was delayed again") == "RB"


# --- Notices are not commentary -------------------------------------------------------------------------
@pytest.mark.parametrize("notice", [
    "Editor’s Note: Please be advised that paragraph four contains language which some readers may find offensive.",
    "EDITOR'S NOTE — This story contains graphic descriptions of violence.",
    "Editor's note: An earlier version of this story misstated the date of the vote.",
    "Ed. note: This is the second of a three-part series on the city's bridges.",
    "Update: This story has been updated with the council's statement.",
    "Note: Strong language in paragraph 6",
    # An update, a disclosure or a reporter's note in plain words adds to the report without a voice.
    "Update: The council has since set a date for the vote.",
    "Update from the author: The vote was moved to Thursday.",
    "Disclosure: The author's spouse works for the contractor.",
    "Reporter's note: The audit runs to 94 pages.",
])
def test_notices_about_the_text_are_not_commentary(notice):
    assert is_notice(notice)
    doc = parse(HEAD + LEAD + f"The council will meet again next week. ({notice})\n")
    assert insertions(doc) == []
    assert classify_in(f"[{notice}]", f"[{notice}]")[0] != INSERTION
    paragraph_doc = parse(HEAD + notice + "\n\n" + LEAD + "More reporting follows here.\n")
    assert insertions(paragraph_doc) == []


@pytest.mark.parametrize("note", [
    "Ed.: Reuters photographers heard the chants from the bridge all night.",
    "Ed.: AP polling shows voters now blame the council, and they are right to.",
    "Ed.: the law was changed to let the contractor off.",
])
def test_a_labelled_note_that_merely_names_an_agency_or_a_change_is_not_a_notice(note):
    assert not is_notice(note)
    assert classify_in(f"[{note}]", f"[{note}]")[0] == INSERTION


def test_a_correction_mark_is_not_commentary():
    paragraph = "[Corrected paragraph:] The council voted 5-2 on Tuesday."
    assert classify_in(paragraph, "[Corrected paragraph:]")[0] != INSERTION


# --- Newsletter briefs and promos ---------------------------------------------------------------------------
@pytest.mark.parametrize("bracket", [
    "[Watch Channel 9: Councillor Ames discusses the bridge vote in the 9 a.m. ET hour]",
    "[New at Ledger Opinion: Former mayor Ruth Kane’s We cannot keep patching a failing bridge]",
    "[The Riverton Ledger details how the contractor won three city deals in two years without a single rival "
    "bid.]",
    "[How are commuters coping? Here’s the headline from the Valley Gazette: Detours Add an Hour to Every Trip]",
    "[Columnist Ann Ruiz asks What if the council simply let the bridge close for good? ]",
])
def test_bracketed_briefs_and_promos_are_not_commentary(bracket):
    assert classify_in(bracket, bracket) == (BRACKET, None)


@pytest.mark.parametrize("bracket", [
    "[Yeah, yeah, I know the Ledger ran this on Sunday. But some of us were busy fixing our cars after the "
    "detour.]",
    "[Will you read one more story about the bridge? What if it came with a picture of the mayor’s new car?]",
])
def test_a_bracketed_paragraph_in_the_writers_voice_is_commentary(bracket):
    assert classify_in(bracket, bracket)[0] == INSERTION


# --- Unlabelled bracketed commentary does not default to clarification ----------------------------------------
def test_an_imperative_to_the_reader_is_commentary_even_in_a_quotation():
    paragraph = "“The new span will be a landmark [take your pick of proud or ugly ones] for decades,” she said."
    assert classify_in(paragraph, "[take your pick of proud or ugly ones]", in_quote=True)[0] == INSERTION
    assert classify_in("The span is a landmark [take your pick of proud or ugly ones].",
                       "[take your pick of proud or ugly ones]")[0] == INSERTION


def test_an_exclaiming_gloss_is_sarcasm_and_a_plain_one_a_clarification():
    paragraph = "“The man in charge [i.e., the bishop!] never answered our letters,” she said."
    assert classify_in(paragraph, "[i.e., the bishop!]", in_quote=True)[0] == INSERTION
    plain = "“The man in charge [i.e., the bishop] never answered our letters,” she said."
    assert classify_in(plain, "[i.e., the bishop]", in_quote=True) == (CLARIFICATION, None)


@pytest.mark.parametrize("bracket", ["[sigh]", "[LOL]", "[as if]", "[eye roll]", "[yikes!]", "[Hahaha.]", "[facepalm]",
                                     "[whatever that means]", "[Good luck with that.]", "[what could possibly go wrong?]",
                                     "[sure it will]", "[nice try]",
                                     # a reaction the writer mimes
                                     "[slow clap]", "[crickets]", "[cough, cough]", "[sad trombone]", "[Shocked face.]"])
def test_a_bracket_of_only_an_interjection_is_the_writers_even_in_a_quotation(bracket):
    paragraph = f"“The new span will open in June {bracket} and under budget,” she said."
    assert classify_in(paragraph, bracket, in_quote=True) == (INSERTION, None)
    assert classify_in(f"The span will open in June. {bracket}", bracket) == (INSERTION, None)


@pytest.mark.parametrize("bracket, kind", [
    ("[Yes.]", CLARIFICATION),               # a speaker's short answer restored
    ("[no]", CLARIFICATION),
    ("[rolls his eyes]", STAGE_DIRECTION),   # a transcript's gesture
    ("[applause]", STAGE_DIRECTION),          # a transcript's sounds
    ("[coughs]", STAGE_DIRECTION),
])
def test_a_restored_answer_or_a_transcripts_gesture_is_no_interjection(bracket, kind):
    paragraph = f"“Will it open in June? {bracket} We will see,” she said."
    assert classify_in(paragraph, bracket, in_quote=True)[0] == kind


@pytest.mark.parametrize("bracket", ["[tell that to the families in Mosul]", "[cue the violins]", "[for whom?]",
                                     "[this from a government that jails reporters]"])
def test_stock_sarcasm_or_a_question_in_brackets_inside_a_quotation_is_commentary(bracket):
    paragraph = f"“We have never targeted civilians {bracket} and never will,” the spokesman said."
    assert classify_in(paragraph, bracket, in_quote=True) == (INSERTION, None)


@pytest.mark.parametrize("quotation, bracket", [
    # A retort heading the writer's answer after a pause.
    ("“The refugees are all young men {} and need no help,” the politician said.", "[they are not; half are children]"),
    ("“The report clears us completely {},” the lawyer said.", "[it does not, whatever he says]"),
    ("“That story is fake news {},” the president said.", "[it's not]"),  # a contracted retort
    # The caveat that undoes the claim, the writer's attitude closing the bracket, what came of it.
    ("“Nobody was hurt {},” the manager said.", "[except the three workers taken to hospital]"),
    ("“The program is a success {},” the director said.", "[by its own definition, anyway]"),
    ("“We've cut red tape {},” the minister said.", "[and, it turns out, safety rules]"),
    ("“We were totally transparent {},” the official said.", "[if you count a press release at 11 p.m.]"),
])
def test_the_writer_answering_inside_a_quotation(quotation, bracket):
    paragraph = quotation.format(bracket)
    assert classify_in(paragraph, bracket, in_quote=True) == (INSERTION, None)


@pytest.mark.parametrize("quotation, bracket", [
    ("“They {} voted it down,” the aide said.", "[the board, that is]"),
    ("“It {} was never in doubt,” she said.", "[the vote]"),
    ("“{} report was never in doubt,” she said.", "[The committee’s]"),
    # A contracted pronoun restoring words that go on past the bracket.
    ("“I think {} going to pass this year,” she said.", "[it's not]"),
])
def test_restored_words_with_those_words_stay_clarifications(quotation, bracket):
    paragraph = quotation.format(bracket)
    assert classify_in(paragraph, bracket, in_quote=True) == (CLARIFICATION, None)


def test_a_caveat_in_parentheses_out_of_a_quotation_reports():
    doc = parse(HEAD + LEAD + "Every member voted for the plan (except for Councilman Hale) on Tuesday.\n")
    assert insertions(doc) == []


@pytest.mark.parametrize("bracket", ["[Whatever that means.]", "[Good luck with that.]", "[Spare us.]",
                                     "[Tell that to the commuters.]"])
def test_a_stock_sarcastic_phrase_in_brackets_outside_a_quotation_is_commentary(bracket):
    assert classify_in(f"The span will open in June, the council said. {bracket}", bracket) == (INSERTION, None)


def test_a_mimed_action_in_a_paragraph_of_its_own_is_the_writers():
    assert classify_in("[screams silently into a pillow]", "[screams silently into a pillow]")[0] == INSERTION
    # Inside a quotation, a subjectless gesture stays the speaker's stage direction.
    quoted = "“It was like [spreads her arms wide] everywhere,” she said."
    assert classify_in(quoted, "[spreads her arms wide]", in_quote=True)[0] == STAGE_DIRECTION
    # A bracket restoring words mid-sentence is not a paragraph of its own.
    assert classify_in("The mayor [runs quickly] to the car.", "[runs quickly]")[0] != INSERTION


# --- Commentary paragraphs ------------------------------------------------------------------------------------
@pytest.mark.parametrize("paragraph, label", [
    ("Editorial comment: The council has delayed this vote three times; it will delay it again.",
     "Editorial comment"),
    ("Editor’s note: We have asked the council for the audit twice and heard nothing.", "Editor’s note"),
    ("Webmaster's Commentary: Nobody in city hall wants to own this bridge.", "Webmaster's Commentary"),
])
def test_labelled_commentary_paragraphs_are_insertions(paragraph, label):
    text = HEAD + LEAD + paragraph + "\n\nThe vote is now set for May.\n"
    doc = parse(text)
    assert insertions(doc) == [(paragraph, label)]
    assert paragraph not in strip_document(doc)
    assert "The vote is now set for May." in strip_document(doc)


def test_a_label_alone_makes_the_next_paragraph_the_note():
    text = HEAD + LEAD + "Webmaster's Commentary:\n\nThe bridge will outlive every one of these councillors.\n"
    doc = parse(text)
    assert insertions(doc) == [("Webmaster's Commentary:", "Webmaster's Commentary"),
                               ("The bridge will outlive every one of these councillors.", "Webmaster's Commentary")]


def test_a_bloggers_introduction_is_commentary_only_at_the_top():
    intro = "Jane here. This wire story buries the most important number in paragraph nine."
    doc = parse(HEAD + intro + "\n\n" + LEAD + "More reporting follows here.\n")
    assert insertions(doc) == [(intro, "Jane here")]
    later = "Jane here. A late aside."
    body = "".join(f"Paragraph {n} of the story, officials said.\n\n" for n in range(6))
    assert insertions(parse(HEAD + LEAD + body + later + "\n")) == []
    assert commentary_paragraph_label(later, 0, len(later), intro=False) is None


# --- Plain-text page furniture ------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["Aug 16 06:00", "Updated: 16 August 2019, 06:00 BST", "3 hours ago",
                                  "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Deputy Political Editor",
                                  "Deputy Political Editor", "Jane Doe, Political Correspondent",
                                  "Published: 12:01 BST, 16 August 2019 | Updated: 14:32 BST, 16 August 2019",
                                  "By JANE DOE AND JOHN ROE FOR THE DAILY MAIL", "Last modified on Mon 16 Aug 2019 08.34 BST",
                                  "By Jane Doe, professor of law at Riverton University"])
def test_furniture_lines(line):
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", ["By Land and Sea, Migrants Flee", "By Land And Sea", "Council Delays Vote on Bridge",
                                  "By the numbers: the bridge in figures", "2019 was the wettest year on record",
                                  "May Day marches fill the square", "Editor resigns after bridge row"])
def test_headlines_are_not_furniture(line):
    assert not is_page_furniture(line)


def test_furniture_is_neither_headline_nor_standfirst():
    text = ("Aug 16 06:00\n\nCouncil Delays Vote on Bridge\n\nBy Jane Doe, Deputy Political Editor\n\n"
            "Third delay in a year.\n\n" + LEAD + "More reporting follows here, officials said.\n")
    doc = parse(text)
    kinds = [(s.kind, doc.text_of(s)) for s in doc.spans if s.kind != "break"]
    assert kinds[0] == (SOURCE, "Aug 16 06:00") and doc.spans[0].attrs["furniture"]
    assert kinds[1] == (HEADLINE, "Council Delays Vote on Bridge")
    assert kinds[2] == (SOURCE, "By Jane Doe, Deputy Political Editor")
    assert kinds[3] == (STANDFIRST, "Third delay in a year.")
    assert kinds[4][0] == PARAGRAPH


def test_a_masthead_above_the_pages_furniture_is_furniture_and_the_headline_follows():
    text = ("Harbor Gazette\n\nAP June 1, 2018, 10:35 PM\n\nCouncil Delays Vote on Bridge\n\nEmail\n\n"
            + LEAD + "More reporting follows here, officials said.\n")
    doc = parse(text)
    kinds = [(s.kind, doc.text_of(s)) for s in doc.spans if s.kind != "break"]
    assert kinds[:3] == [(SOURCE, "Harbor Gazette"), (SOURCE, "AP June 1, 2018, 10:35 PM"),
                         (HEADLINE, "Council Delays Vote on Bridge")]


@pytest.mark.parametrize("top", [
    "Bridge Vote Shakes Up Gazette\n\n",                  # a headline naming a paper, then the lead
    "Harbor Gazette\n\nAP June 1, 2018, 10:35 PM\n\n",  # a masthead with no headline after its furniture
])
def test_a_headline_naming_a_paper_is_still_the_headline(top):
    doc = parse(top + LEAD + "More reporting follows here, officials said.\n")
    first = next(s for s in doc.spans if s.kind != "break")
    assert first.kind == HEADLINE


# --- Suppression comment lines in plain text -------------------------------------------------------------------
def test_a_suppression_line_is_invisible_to_the_parser_and_to_strip():
    body = "The council delayed the vote. [You would think they would learn!]"
    plain = HEAD + body + "\n\nOfficials met again, a spokesman said.\n\nSource: Associated Press\n"
    with_line = HEAD + "notelint: disable-next=NL104\n" + body + "\n\nOfficials met again, a spokesman said.\n\n" \
        "notelint: disable=NL301\n\nSource: Associated Press\n"
    doc, ref = parse(with_line), parse(plain)
    assert [s.kind for s in doc.spans if s.kind != "break"] == [s.kind for s in ref.spans if s.kind != "break"]
    assert [doc.text_of(s) for s in doc.spans if s.kind != "break"] == [
        ref.text_of(s) for s in ref.spans if s.kind != "break"]
    assert doc.spans_of(STANDFIRST) == []
    assert doc.spans_of(SOURCE)[-1].attrs["service"] == "Associated Press"
    assert strip_document(doc) == strip_document(ref)
    # Offsets are the file's: the paragraph starts after the directive line.
    paragraph = doc.spans_of(PARAGRAPH)[0]
    assert paragraph.start == with_line.index("The council")


def test_a_suppression_line_inside_a_block_splits_it_with_exact_offsets():
    text = HEAD + "First paragraph here.\r\nnotelint: disable-next=NL301\r\nSecond paragraph here.\r\n"
    doc = parse(text)
    assert [doc.text_of(s) for s in doc.spans_of(PARAGRAPH)] == ["First paragraph here.", "Second paragraph here."]


def test_reader_comments_keep_their_parentheses():
    text = HEAD + LEAD + "The council met (shocker) today.\n\nLeave a Reply\n\nI agree (lol!) with you.\n"
    assert insertions(parse(text)) == [("(shocker)", None)]


@pytest.mark.parametrize("paragraph", [
    "(Stand up tall) (Stand up tall) (Never let them win) (Stand up tall)",
    "[Chorus: Mia Lowe] We keep on running (do what you want to do) and we never stop",
    "The clip runs two minutes (you can watch the video below) and ends abruptly.",
])
def test_lyrics_lists_and_pointers_are_not_asides(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


def test_an_aside_that_is_a_paragraph_of_its_own_is_found():
    aside = "(Maybe the council has simply forgotten where the bridge is?)"
    assert insertions(parse(HEAD + LEAD + aside + "\n\nThe vote is now set for May.\n")) == [(aside, None)]


# --- Asides of a writer's voice in forms a word list does not hold (session 16) ------------------------------
@pytest.mark.parametrize("paragraph, aside", [
    # The reader addressed by name; interjections a blogger uses.
    ("The mayor said governors “have every right to decline.” (Reader, they do not.)", "(Reader, they do not.)"),
    ("The audit found no problem with the payments. (Heh.)", "(Heh.)"),
    ("She told senators she had “no interest in expanding the rule.” (Whoops.)", "(Whoops.)"),
    ("The developer, who inherited the firm from his father (bless his heart), spoke on Tuesday.",
     "(bless his heart)"),
    ("He said he would stop “apologizing for success” (so brave), and left the stage.", "(so brave)"),
    ("The whip mentioned the fundraiser “just in passing” (no pressure).", "(no pressure)"),
    ("The contract runs to 2031 and pays $22 million a year. (Not a typo.)", "(Not a typo.)"),
    # The writer as "I" in a sentence of its own, in a paragraph reporting speech without marks.
    ("The maker says the hinge survives 500,000 folds. (I did not fold it that often, and it was fine.)",
     "(I did not fold it that often, and it was fine.)"),
    ("He has not held a hunting license since 2005, according to state records. (I checked.)", "(I checked.)"),
    # A question put to the reader, then the writer's answer.
    ("The chairman owns shares in the utility whose rates he approved. (Sound like a conflict of interest? "
     "The ethics board didn’t think so.)",
     "(Sound like a conflict of interest? The ethics board didn’t think so.)"),
    # An imperative after the writer's own sentence.
    ("She called the $48 million shortfall “a rounding error.” (The city budget is $1.9 billion. Do the math.)",
     "(The city budget is $1.9 billion. Do the math.)"),
    # The speaker's word quoted back in the writer's aside, in either mark.
    ("The owner called the stadium “our gift to this community” (a ‘gift’ taxpayers will pay off until 2051) "
     "and said work would begin in spring.", "(a ‘gift’ taxpayers will pay off until 2051)"),
    ("The governor said the department “is reviewing the findings.” (The department has been “reviewing” the "
     "backlog since 2021.)", "(The department has been “reviewing” the backlog since 2021.)"),
    # A quoted term denied in a sentence of its own after the quotation's sentence.
    ("Two members told reporters the meeting is “a formality.” (It is not a formality.)", "(It is not a formality.)"),
    # "Translation:" decoding English.
    ("The whip count, per one leadership aide, is “fluid.” (Translation: they do not have the votes yet.)",
     "(Translation: they do not have the votes yet.)"),
])
def test_a_writers_voice_in_an_aside_is_an_insertion(paragraph, aside):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(aside, None)]


@pytest.mark.parametrize("paragraph", [
    # A translation of foreign words, in any sentence.
    "Supporters chanted “¡Viva el rey!” (Translation: Long live the king!) outside the palace.",
    "He told the crowd that “Wir sind das Volk” (translation: we are the people) on Monday.",
    "Crowds shouted “Allahu akbar” (translation: God is great) as the convoy passed.",
    # A defined term quoted to shorten a name, and a reporter's aside quoting a term of no quotation before it.
    "The bill, which sponsors call the “Bridge Repair Act” (the “Act”), passed 5-4.",
    "The council approved the “repair plan” on Tuesday. (The plan was first proposed in 2019.)",
    # A reporter's question answered in one aside is still rare; a question inside a quotation is the speaker's.
    "The mayor said: “Why would we wait (and for what)?” and left.",
])
def test_translations_defined_terms_and_reporters_asides_stay_wire_text(paragraph):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == []


@pytest.mark.parametrize("paragraph, bracket", [
    ("COLVIN: Nobody has done more for manufacturing. [Narrator: Manufacturing employment fell by 41,000.]",
     "[Narrator: Manufacturing employment fell by 41,000.]"),
    ("The whip said the count is “fluid.” [Translation: they do not have the votes.]",
     "[Translation: they do not have the votes.]"),
    ("“And we will keep this budget balanced [ha!] for ten years,” the governor said.", "[ha!]"),
])
def test_bracketed_voice_over_mock_translation_and_laugh_are_insertions(paragraph, bracket):
    in_quote = bracket == "[ha!]"
    assert classify_in(paragraph, bracket, in_quote=in_quote)[0] == INSERTION


def test_a_bracketed_translation_of_foreign_words_is_a_clarification():
    paragraph = "Supporters chanted “¡Viva el rey! [Translation: Long live the king!]” outside the palace."
    assert classify_in(paragraph, "[Translation: Long live the king!]", in_quote=True)[0] == CLARIFICATION


# --- Brackets of the writer's own (session 16) ----------------------------------------------------------------
@pytest.mark.parametrize("paragraph, bracket", [
    # A sentence of its own in brackets, after one that ended, outside any quotation.
    ("His office called the trip “a fact-finding mission.” [Facts found: zero.]", "[Facts found: zero.]"),
    ("“Those decisions were not made lightly,” the publisher wrote. [They never are, somehow.]",
     "[They never are, somehow.]"),
    ("GRAY: I'd have to get back to you on the exact number. [The agency's own records say two. Two.]",
     "[The agency's own records say two. Two.]"),
    ("A judge blocked the new voter-roll law pending a hearing. [Expect this one back in court within weeks.]",
     "[Expect this one back in court within weeks.]"),
    ("The senator said the bill would pass. [Reality: it failed twice.]", "[Reality: it failed twice.]"),
    # Inside a quotation: a verdict set off at the head, a stock retort, an echo exclaimed.
    ("“Grocery prices have risen about 25% since 2021 [funny, they called it “transitory” back then], squeezing "
     "families,” the AP reported.", "[funny, they called it “transitory” back then]"),
    ("“Sixty-two percent named inflation [shocking, truly] as their top concern,” the survey found.",
     "[shocking, truly]"),
    ("“The director of the Center for Information Integrity [yes, really] resigned Monday,” the AP reported.",
     "[yes, really]"),
    ("“The development will cost about $1.1 million per apartment [per apartment!], according to city documents.”",
     "[per apartment!]"),
    ("“Marlow spent $2.1 million lobbying against the rule [I'm sure that's unrelated], disclosures show.”",
     "[I'm sure that's unrelated]"),
    ("“The measure extends [checks notes] every individual provision,” the story said.", "[checks notes]"),
])
def test_a_writers_bracket_is_an_insertion(paragraph, bracket):
    before = paragraph[:paragraph.index(bracket)]
    assert classify_in(paragraph, bracket, in_quote=before.count("“") > before.count("”"))[0] == INSERTION


@pytest.mark.parametrize("paragraph, bracket", [
    # Sentences of their own in brackets that cite, credit, report or note the text.
    ("The quote appears in the memoir's third chapter. [Kindle location 1412.]", "[Kindle location 1412.]"),
    ("The sheriff's office has not released bodycam footage. [Reuters photo: protesters outside the county "
     "building Saturday.]", "[Reuters photo: protesters outside the county building Saturday.]"),
    ("Many stars were pressed into such arrangements. [According to the author, the studio kept a list.]",
     "[According to the author, the studio kept a list.]"),
    ("The abuses went on for years. [For more on this topic, see our earlier series.]",
     "[For more on this topic, see our earlier series.]"),
    ("The document contains bracketed passages. [The following compromise could not be reached: a fund for "
     "emergencies], one passage reads.", "[The following compromise could not be reached: a fund for emergencies]"),
    # Sentences of their own about the page, a source or the content.
    ("The governor spoke on Tuesday. [The full transcript is below.]", "[The full transcript is below.]"),
    ("The governor spoke on Tuesday. [This post has been updated.]", "[This post has been updated.]"),
    ("The governor spoke on Tuesday. [Source: Reuters.]", "[Source: Reuters.]"),
    ("The governor spoke on Tuesday. [Hat tip: Instapundit.]", "[Hat tip: Instapundit.]"),
    ("The footage shows the crash. [Warning: graphic content.]", "[Warning: graphic content.]"),
    ("The governor wrote to the council. [A copy of the letter is posted here.]",
     "[A copy of the letter is posted here.]"),
    # An outlet cited with its headline, a pointer to more, a caption's label.
    ("The president met lawmakers on Tuesday. [The Hill: Senate Democrats weigh options.]",
     "[The Hill: Senate Democrats weigh options.]"),
    ("The president met lawmakers on Tuesday. [Politico has more.]", "[Politico has more.]"),
    ("The president met lawmakers on Tuesday. [More from the AP.]", "[More from the AP.]"),
    ("The president met lawmakers on Tuesday. [Pictured: the president on Tuesday.]",
     "[Pictured: the president on Tuesday.]"),
    # Inside a quotation: restored words, with commas, a clause or a verb of their own.
    ("“I remember [when my dad was in the White House], and it was hard,” she said.",
     "[when my dad was in the White House]"),
    ("“I spoke to [Van Zandt, longtime guitarist in the E Street Band] about it,” he said.",
     "[Van Zandt, longtime guitarist in the E Street Band]"),
    ("“We want [lesbian, gay, bisexual, or transgendered] people to feel safe,” she said.",
     "[lesbian, gay, bisexual, or transgendered]"),
])
def test_citations_credits_and_restored_words_in_brackets_are_not_insertions(paragraph, bracket):
    before = paragraph[:paragraph.index(bracket)]
    assert classify_in(paragraph, bracket, in_quote=before.count("“") > before.count("”"))[0] != INSERTION


def test_a_labelled_note_on_how_the_edition_was_made_is_a_notice():
    assert is_notice("Our Florida correspondent is on leave this week; items are compiled from local coverage.")
    assert not is_notice("this is the right call, and it isn't close.")


@pytest.mark.parametrize("paragraph, aside", [
    # The aside opens with the quotation's word, set off or denied, after the quotation's sentence.
    ("“This is a mandate for change,” Collins told supporters in Columbus. (Mandate, with 50.8%. Okay.)",
     "(Mandate, with 50.8%. Okay.)"),
    ("The council said: 'We thank motorists for their patience.' (Patience, and presumably a large bottle of "
     "ketchup.)", "(Patience, and presumably a large bottle of ketchup.)"),
    ("The local paper reported: “The city approved 1,240 new units in the second quarter.” (Approved is not "
     "built. Check back in 2027.)", "(Approved is not built. Check back in 2027.)"),
])
def test_an_aside_opening_with_the_quotations_word_mocks_it(paragraph, aside):
    doc = parse(HEAD + LEAD + paragraph + "\n")
    assert insertions(doc) == [(aside, None)]


@pytest.mark.parametrize("paragraph", [
    # A reporter's fact after the quotation, opening with its word but not set off from it.
    "“We need more housing,” the mayor said. (Housing prices rose 12 percent last year.)",
    "“The approval process is slow,” she said. (Approval takes about 14 months on average.)",
])
def test_a_reporters_fact_opening_with_the_quotations_word_stays_wire_text(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


def test_a_bracketed_sentence_after_a_quotation_closed_by_two_marks_is_the_writers():
    paragraph = ("“Councilmember Pike stated that residents ‘deserve more time to weigh in.’” [Residents have "
                 "weighed in at six meetings. Pike left early from four of them.]")
    bracket = "[Residents have weighed in at six meetings. Pike left early from four of them.]"
    assert classify_in(paragraph, bracket)[0] == INSERTION


@pytest.mark.parametrize("bracket", ["[Billboard staff contributed reporting.]",
                                     "[Reporting by Jane Roe; editing by John Doe.]"])
def test_a_contributors_line_in_brackets_is_a_note_on_the_text(bracket):
    paragraph = f"The label declined to comment. {bracket}"
    assert classify_in(paragraph, bracket)[0] == ANNOTATION


@pytest.mark.parametrize("paragraph, bracket", [
    ("“We have never had a single quarter of declining subscribers [False. The company’s own filing reports a "
     "fall in 2022.],” the chief executive said.", "[False. The company’s own filing reports a fall in 2022.]"),
    ("“The director travels to San Francisco regularly [when the weather in Denver gets bad, presumably],” his "
     "office said.", "[when the weather in Denver gets bad, presumably]"),
])
def test_a_verdict_or_a_presumption_in_a_bracket_is_an_insertion(paragraph, bracket):
    before = paragraph[:paragraph.index(bracket)]
    assert classify_in(paragraph, bracket, in_quote=before.count("“") > before.count("”"))[0] == INSERTION


@pytest.mark.parametrize("paragraph, aside", [
    ("The district's new academy drew 90 of our students away this fall. (Not that I’m bitter. My kid is one of "
     "the 90.)", "(Not that I’m bitter. My kid is one of the 90.)"),
    ("He has made the argument since 2019 (the year he voted to cut taxes on private jets, but who's counting).",
     "(the year he voted to cut taxes on private jets, but who's counting)"),
    ("The governor said crime had doubled. (Not true. Reported crime rose 38 percent.)",
     "(Not true. Reported crime rose 38 percent.)"),
])
def test_a_mock_disclaimer_or_a_verdict_in_an_aside_is_an_insertion(paragraph, aside):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == [(aside, None)]


@pytest.mark.parametrize("paragraph", [
    "The test result (False positive rates were not reported) was published on Friday.",
    "The board voted 5-4 (true to form, along party lines) on Tuesday.",
])
def test_a_word_of_verdict_heading_a_reporters_aside_without_a_stop_stays_wire_text(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


@pytest.mark.parametrize("paragraph, bracket, kind", [
    ("“The governor is briefed on all matters relevant to his decisions. [That's a no.] We will say more "
     "later,” the spokesman said.", "[That's a no.]", INSERTION),
    ("“We had the right call. [They did not have the right call; it was fourth-and-1.] We just didn't execute,” "
     "the coach said.", "[They did not have the right call; it was fourth-and-1.]", INSERTION),
    # A transcript editor's plain note in a speaker's words has no voice.
    ("“We passed it in committee. [He was referring to the 2019 bill.] Then it stalled,” she said.",
     "[He was referring to the 2019 bill.]", CLARIFICATION),
])
def test_a_sentence_of_its_own_in_brackets_inside_a_quotation_counts_its_voice(paragraph, bracket, kind):
    assert classify_in(paragraph, bracket, in_quote=True)[0] == kind


@pytest.mark.parametrize("paragraph", [
    "“Nous ne lâcherons rien” (We won't give up anything), the union's leader told a news conference.",
    "The contract (No. 693JJ3-23-C-000117) was signed in September 2023.",
])
def test_a_quotations_translation_and_a_numbers_abbreviation_are_no_asides(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == []


@pytest.mark.parametrize("paragraph, aside", [
    ("The Times ran a piece on food costs that is a little late to the party (about two years late, but who's "
     "counting).", "(about two years late, but who's counting)"),
    ("District Attorney Carla Mendes (D) told the outlet her office “continues to prioritize diversion for "
     "low-level offenders” (translation: most of them walk).", "(translation: most of them walk)"),
])
def test_a_gloss_with_stock_sarcasm_and_a_mock_translation_after_names_are_asides(paragraph, aside):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == [(aside, None)]


def test_an_aside_in_a_blogs_first_paragraph_read_as_a_standfirst_is_found():
    text = ("Media Downplays Surge in Shoplifting Arrests\n\nThe Oakview Tribune reported Monday that retail theft "
            "arrests “rose modestly” in the first quarter. (Modestly: 41 percent, per the police department's own "
            "figures.)\n\nThe district attorney's office did not respond.\n")
    assert insertions(parse(text)) == [("(Modestly: 41 percent, per the police department's own figures.)", None)]


# --- Session 17: forms of republishing sites --------------------------------------------------------------
@pytest.mark.parametrize("paragraph, bracket", [
    ('Rep. Dale Harrow said he backed "the energy package [read: the bill that fast-tracks pipelines across '
     'tribal land] because it creates jobs."', "[read: the bill that fast-tracks pipelines across tribal land]"),
    ("The governor promised a leaner state payroll [read: fewer food-safety inspectors] by 2027.",
     "[read: fewer food-safety inspectors]"),
])
def test_a_read_gloss_in_brackets_says_what_the_words_really_mean(paragraph, bracket):
    assert classify_in(paragraph, bracket, in_quote=paragraph.startswith("Rep."))[0] == INSERTION


def test_a_plain_gloss_and_a_pointer_to_read_stay_clarifications():
    paragraph = "He said the plan was drafted \"during the [i.e. the 2007] immigration push\" by aides."
    assert classify_in(paragraph, "[i.e. the 2007]", in_quote=True)[0] == CLARIFICATION
    assert classify_in("The court ruled on Monday. [Read: the full ruling]", "[Read: the full ruling]")[0] != INSERTION


@pytest.mark.parametrize("paragraph, note, label", [
    ("The Justice Department said the consent decree would run for five years. [Truthout note: Decrees like "
     "this one have been quietly wound down in other cities once the cameras moved on.]",
     "[Truthout note: Decrees like this one have been quietly wound down in other cities once the cameras moved "
     "on.]", "Truthout note"),
    ("Payrolls rose by 187,000, the department said. (Mish comment: The household survey tells another story, and "
     "nobody reads it.)", "(Mish comment: The household survey tells another story, and nobody reads it.)",
     "Mish comment"),
    ("The strike killed 14 militants, the ministry said. [SOTT Comment: Or so they say.]",
     "[SOTT Comment: Or so they say.]", "SOTT Comment"),
])
def test_a_note_a_site_signs_with_its_own_name_is_labelled_commentary(paragraph, note, label):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == [(note, label)]


@pytest.mark.parametrize("note", [
    "[Programming note: The debate airs at 9 p.m. Eastern on Thursday.]",
    "(Translator’s note: “Kaffeeklatsch” is a gathering over coffee.)",
])
def test_a_newsrooms_kind_of_note_is_no_owners_label(note):
    assert editor_label(note[1:-1]) is None


def test_an_imperative_after_a_pointers_label_is_the_writer_arguing():
    paragraph = "The city said violent crime fell 4% last year. (Related: Guess which party has run it for decades.)\n"
    assert insertions(parse(HEAD + LEAD + paragraph)) == [
        ("(Related: Guess which party has run it for decades.)", None)]
    pointer = "The city said violent crime fell 4% last year. (Related: Read the police report here.)\n"
    assert insertions(parse(HEAD + LEAD + pointer)) == []


@pytest.mark.parametrize("bracket, kind", [
    ("[It always says that.]", INSERTION),
    ("[They say this every time.]", INSERTION),
    ("[The ministry said it would release the names on Friday.]", CLARIFICATION),
    ("[He said that in 2019.]", CLARIFICATION),
])
def test_an_attribution_that_reports_no_words_reports_nothing(bracket, kind):
    paragraph = f"The military said no civilians were killed in the strike. {bracket}"
    assert classify_in(paragraph, bracket)[0] == kind


@pytest.mark.parametrize("note", [
    "Editor's note: NPR has received funding from the foundation, and NPR's newsroom covers it independently.",
    "Editor’s note: Facebook is among NPR’s financial supporters.",
])
def test_a_funding_disclosure_under_an_editors_note_is_a_notice(note):
    assert is_notice(note)
    assert classify_in(f"The company said it would appeal. [{note}]", f"[{note}]")[0] == ANNOTATION


# Asides found on this session's probes of republishing sites and blogs: each is the writer's.
@pytest.mark.parametrize("paragraph, aside", [
    # The laugh and groan of online writing in capitals, where no name's initials stand.
    ("The minister said the cuts were fair and would spare pensioners (LOL).", "(LOL)"),
    ("The agency called the audit a routine review of its books. (SMH.)", "(SMH.)"),
    # The writer as "I" anywhere in an aside.
    ("The district asked parents to read the lists online before each unit begins. (Radical stuff, I know.)",
     "(Radical stuff, I know.)"),
    ("Ads about grocery prices aired 310,000 times since Labor Day. (Ads about the border aired 190,000 times, which "
     "is a sentence I never expected to write.)",
     "(Ads about the border aired 190,000 times, which is a sentence I never expected to write.)"),
    # Stock remarks of a writer arguing; two exclamations; somebody addressed by title.
    ("The school now requires a permission slip for every book [because heaven forbid] a child reads unsupervised.",
     "[because heaven forbid]"),
    ("The governor said the state's average price was $3.10. (To be fair, that is roughly right. It is just not what "
     "anybody here pays.)", "(To be fair, that is roughly right. It is just not what anybody here pays.)"),
    ("Inflation stayed stubborn in May (stubborn, one gathers, being the new word for transitory).",
     "(stubborn, one gathers, being the new word for transitory)"),
    ("The rule would prevent 1,400 deaths a year, the agency's own analysis found (a figure conspicuously absent from "
     "Friday's announcement).", "(a figure conspicuously absent from Friday's announcement)"),
    ("The buyer will lease the stores back to the chain (a sale-leaseback, which the paper did not see fit to mention).",
     "(a sale-leaseback, which the paper did not see fit to mention)"),
    ("The curfew for teenagers moves to 10 p.m. on weekdays. (On a school night! Until 10 p.m.!)",
     "(On a school night! Until 10 p.m.!)"),
    ("The mayor now says the program needs an audit. (Welcome to the party, Madam Mayor.)",
     "(Welcome to the party, Madam Mayor.)"),
    ("The chief executive took home $41 million last year. (Good for him.)", "(Good for him.)"),
    # More stock remarks; "let's" anywhere; an aside opened as one speaks.
    ("The bill now goes to the Senate. [Good luck getting that past the Senate.]",
     "[Good luck getting that past the Senate.]"),
    ("The minister called the plan “a serious offer.” [Ha ha. A real comedian, this one.]",
     "[Ha ha. A real comedian, this one.]"),
    ("The team said the stadium would bring “experience” to downtown. (“Experience” is doing a lot of work there.)",
     "(“Experience” is doing a lot of work there.)"),
    ("The measure was opposed by the same critics who sank a bond measure (in 2022, in case anyone has forgotten).",
     "(in 2022, in case anyone has forgotten)"),
    ("The meeting appears on her own published calendar. (But let's not be pedantic.)", "(But let's not be pedantic.)"),
    ("The study found the plan would cut emissions by 2 percent. (So, roughly the opposite of the headline.)",
     "(So, roughly the opposite of the headline.)"),
    ("The senator said he had always supported the troops. (Bless.)", "(Bless.)"),
    # A remark on the sentence before; a shouted aside; a one-word verdict.
    ("The agency said the cause was “under review.” (Which is a fancy way of saying nobody knows.)",
     "(Which is a fancy way of saying nobody knows.)"),
    ("The utility spent $2 million on the campaign. (In other words, ratepayers helped pay for the ads.)",
     "(In other words, ratepayers helped pay for the ads.)"),
    ("The county approved another $40 million for the stadium on Tuesday (YOUR TAX DOLLARS AT WORK).",
     "(YOUR TAX DOLLARS AT WORK)"),
    ("The board said the audit found no problems. (Shocking.)", "(Shocking.)"),
    ("The reliever's earned run average fell to 3.10 (the best on the staff, honestly).",
     "(the best on the staff, honestly)"),
    ("The fund withheld $130 million in 2021 (a rounding error, as it turned out).",
     "(a rounding error, as it turned out)"),
    ("The court heard arguments on Monday. (It is worth noting that the same court struck down a similar law.)",
     "(It is worth noting that the same court struck down a similar law.)"),
    ("The comedian's set drew no laughs from the senators. (Tough crowd.)", "(Tough crowd.)"),
])
def test_more_forms_of_a_writers_aside(paragraph, aside):
    assert insertions(parse(HEAD + LEAD + paragraph + "\n")) == [(aside, None)]


# And parentheses beside them that stay wire text.
@pytest.mark.parametrize("paragraph", [
    # The same capitals after a name are its ticker or initials.
    "Shares of Lolly Holdings (LOL) rose 4% after the company raised its forecast.\n",
    "Senator Jo Ames (WTF) said on Monday the bill would pass.\n",
    # The writer pointing to their own text.
    "The ruling class (which I have written about here) met again in Davos on Tuesday.\n",
    "The tariff schedule (as I show in detail below) raises prices on 40 goods.\n",
    # A reporter's plain asides.
    "The bill was sponsored by Ann Lee (a former governor) and two other senators.\n",
    "The rally drew 4,000 people (police put the figure at 2,500), organisers said.\n",
    "The program has run since 2016 (the year the law was passed), the department said.\n",
    # "So" and "well" as plain words.
    "So far, 14 states (so far, all in the South) have signed on, the group said.\n",
    "The council (well over its budget for the year) voted to borrow $2 million.\n",
    # Capitals of a currency or a name, and a plain adverb.
    "Taiwan will raise the monthly wage floor to T$500,000 (US$16,500), the ministry told reporters.\n",
    "The report was funded by the group (SOUTHERN POVERTY LAW CENTER) and two foundations.\n",
    "Engineers said the steel will (naturally) expand in the summer heat.\n",
])
def test_parentheses_like_those_asides_that_stay_wire_text(paragraph):
    assert insertions(parse(HEAD + LEAD + paragraph.rstrip("\n") + "\n")) == []
