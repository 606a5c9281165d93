"""Interview and debate transcripts: each speaker's turn ("GROSS: So how did the court decide?") is a quotation
without marks, so the speakers' "I" and "you" are not the writer's voice, and their brackets are read as a
quotation's. Texts written here in the shapes radio transcripts, Q&A interviews and newsletters take."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import notelint
from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source
from notelint.parsing.model import QUOTE, WIRE

RADIO = """Court watchers see a slower road on abortion

TERRY GROSS, HOST:

This is FRESH AIR. I'm Terry Gross. My guest covers the Supreme Court for a national newspaper.

ADAM LIPTAK: Thank you, Terry. I'm glad to be back.

GROSS: So how did the court decide? Did you expect that?

LIPTAK: The court decided not to review the first part of the law. I think that was a signal.

And on the second part, you know, it let the lower court ruling stand [in Indiana], which surprised me.

(SOUNDBITE OF MUSIC)

GROSS: We're going to take a short break. You're listening to FRESH AIR.

LIPTAK: Sure.
"""


def lint(text):
    return lint_source(text, load_settings(".", {"isolated": True}))


def turns(doc):
    return [(doc.text_of(s)[:24], s.attrs["speaker"]) for s in doc.walk() if s.attrs.get("turn")]


def test_each_turn_is_the_speakers_quotation_and_the_label_stays_the_transcripts_text():
    doc = notelint.parse(RADIO)
    assert turns(doc) == [
        ("This is FRESH AIR. I'm T", "TERRY GROSS"),   # the host's label stood alone, above her words
        ("Thank you, Terry. I'm gl", "ADAM LIPTAK"),
        ("So how did the court dec", "TERRY GROSS"),   # "GROSS" is the host named in full before
        ("The court decided not to", "ADAM LIPTAK"),
        ("And on the second part, ", "ADAM LIPTAK"),   # an unlabelled paragraph carries the turn on
        ("We're going to take a sh", "TERRY GROSS"),
        ("Sure.", "ADAM LIPTAK"),
    ]
    answer = next(s for s in doc.spans if doc.text_of(s).startswith("LIPTAK: The court"))
    assert [(c.kind, doc.text_of(c)[:8]) for c in answer.children] == [(WIRE, "LIPTAK: "), (QUOTE, "The cour")]
    assert answer.children[1].attrs == {"closed": True, "speaker": "ADAM LIPTAK", "verb": ":", "turn": True}
    music = next(s for s in doc.spans if doc.text_of(s) == "(SOUNDBITE OF MUSIC)")
    assert all(not c.attrs.get("turn") for c in music.children)  # a stage direction is nobody's words
    # A bracket in a turn is read as one in a quotation: the speaker's words, clarified.
    (bracket,) = [s for s in doc.walk() if doc.text_of(s) == "[in Indiana]"]
    assert bracket.attrs["in_quote"] is True


def test_no_first_or_second_person_finding_in_the_speakers_words():
    assert [f.code for f in lint(RADIO) if f.code == "NL301"] == []
    # The same words with their labels lost are the writer's voice again.
    unlabelled = "\n\n".join(p.split(": ", 1)[-1] for p in RADIO.split("\n\n"))
    assert len([f for f in lint(unlabelled) if f.code == "NL301"]) >= 4


def test_the_writers_introduction_before_the_first_turn_is_still_read():
    text = ("Snyder on the year ahead\n\nThe historian Timothy Snyder has written a short book of lessons from the "
            "last century, and he spoke about it last week.\n\nWe should all be worried, and you know it. He was "
            "blunt about the months ahead.\n\nQ: Are you more worried now than in November?\n\nA: I am exactly as worried as I was.\n\n"
            "Q: Why a year?\n\nA: Because things move fast. We have to recognise that.\n")
    doc = notelint.parse(text)
    assert [speaker for _, speaker in turns(doc)] == ["Q", "A", "Q", "A"]
    hits = [text[f.start:f.end] for f in lint(text) if f.code == "NL301"]
    assert hits and all(text.index(hit) < text.index("Q:") for hit in hits)


# A newsletter's upper-case headings and source excerpts; a myth-and-fact piece alternating two title-case
# headings, whose words are titles, not speech. Neither is a dialogue, and the writer's voice is still read.
NEWSLETTER = ("Morning briefing\n\n"
              "KERRY: NO TROOPS TO HELP IRAQIS - With Islamists retaking Fallujah, we wonder what comes next.\n\n"
              "WSJ: “The U.S. has intercepted an order from Iran to Shiite militants in Iraq,” the paper says.\n\n"
              "PICK SIX: LANDRIEU OVERDUE? - Republicans hope to win the seat.\n\n"
              "WSJ: “Markets fell on Monday,” the paper reports. You read that right.\n\n"
              "KERRY: STILL NO TROOPS - The secretary said it again.\n")
MYTH_AND_FACT = ("Five myths about the attack, checked\n\n"
                 "Network Myth: Rescue Teams Were Told To Stand Down\n\nThe committee found no such order. We checked.\n\n"
                 "Senate Review: No Evidence Of A Stand Down Order\n\nThe report is plain about it.\n\n"
                 "Network Myth: The Administration Ignored The Threats\n\nIt did not, and you can read why.\n\n"
                 "Senate Review: No Tactical Warning Before The Attack\n\nPhoto: Jane Doe / Reuters\n")


@pytest.mark.parametrize("text", [NEWSLETTER, MYTH_AND_FACT], ids=["upper-case headings", "title-case headings"])
def test_headings_source_excerpts_and_credits_are_no_transcript(text):
    assert turns(notelint.parse(text)) == []
    assert any(f.code == "NL301" for f in lint(text))


def test_one_speakers_excerpts_are_turns_and_the_writers_paragraphs_between_are_not():
    # A speech quoted in labelled excerpts, between the writer's paragraphs: no one answers, so nothing
    # carries a turn on, but each excerpt is the speaker's words, and a note put into one is in a quotation.
    text = ("The roast that fell flat\n\nHe began with a riff.\n\nTRUMP: I have become their best friends.\n\n"
            "It got worse.\n\nTRUMP: You know, the media is even more biased this year.\n\nThen came the end.\n\n"
            "TRUMP: Hillary is so corrupt. [Note: This is not true.] She has been in politics since the 1970s.\n")
    doc = notelint.parse(text)
    assert [(words[:12], speaker) for words, speaker in turns(doc)] == [
        ("I have becom", "TRUMP"), ("You know, th", "TRUMP"), ("Hillary is s", "TRUMP")]
    assert [f.code for f in lint(text) if f.code.startswith("NL1")] == ["NL101"]
    # The same label twice is not yet a speech: two upper-case heads are as likely.
    two = text.replace("TRUMP: I have become", "I have become")
    assert turns(notelint.parse(two)) == []


def test_a_host_label_under_a_pages_share_link_is_no_headline():
    # A radio transcript scraped with its page's "Email" link above the host's label: the label, which
    # ends in a colon, introduces the host's words and heads nothing.
    page = "Email\n\n" + RADIO.split("\n\n", 1)[1]
    doc = notelint.parse(page)
    assert [s.kind for s in doc.spans if s.kind != "break"][:3] == ["source", "paragraph", "paragraph"]
    assert turns(doc)[0] == ("This is FRESH AIR. I'm T", "TERRY GROSS")
    assert [f.code for f in lint(page) if f.code == "NL301"] == []


def test_the_hosts_unlabelled_sign_off_after_the_last_turn_is_still_hers():
    text = RADIO + ("\nGROSS: Adam Liptak covers the Supreme Court.\n\n"
                    "After we take a short break, our critic will review a new album. This is FRESH AIR.\n\n"
                    "(SOUNDBITE OF MUSIC)\n\nCopyright © 2019 NPR. All rights reserved.\n")
    doc = notelint.parse(text)
    assert turns(doc)[-1] == ("After we take a short br", "TERRY GROSS")
    assert [f.code for f in lint(text) if f.code == "NL301"] == []


def test_the_writers_paragraphs_after_an_excerpted_interview_are_the_writers():
    # Three paragraphs and more after the last turn: the writer is back, and speaks in their own voice.
    text = RADIO + ("\nThis interview slipped under the radar, which is to say it was buried.\n\n"
                    "We should ask why. The court did not.\n\nAnd you should ask too.\n\n"
                    "The rest of the story is in the archive.\n")
    doc = notelint.parse(text)
    assert turns(doc)[-1] == ("Sure.", "ADAM LIPTAK")
    hits = [text[f.start:f.end] for f in lint(text) if f.code == "NL301"]
    assert "We" in hits and "you" in hits


PRINT_QA = """The historian who reads the present through the 1930s

The interview has been edited for length and clarity.

Steven Rosenfeld: Are you more worried now than you were in November?

Timothy Snyder: I am exactly as worried as I was before. I think the people in the White House would like a different system.

Steven Rosenfeld: Why do you give it a year?

Timothy Snyder: Because things move quickly. We have maybe a year to defend our institutions.

I would also say that you cannot wait for someone else to do it.

Steven Rosenfeld: Thank you.
"""


def test_a_print_qa_with_title_case_labels_is_a_dialogue():
    doc = notelint.parse(PRINT_QA)
    assert turns(doc) == [
        ("Are you more worried now", "Steven Rosenfeld"),
        ("I am exactly as worried ", "Timothy Snyder"),
        ("Why do you give it a yea", "Steven Rosenfeld"),
        ("Because things move quic", "Timothy Snyder"),
        ("I would also say that yo", "Timothy Snyder"),  # an unlabelled paragraph carries the answer on
        ("Thank you.", "Steven Rosenfeld"),
    ]
    assert [f.code for f in lint(PRINT_QA) if f.code == "NL301"] == []


def test_labels_that_lost_their_colon_to_bold_markup_end_in_a_no_break_space():
    # A video interview's transcript scraped from its page: each label was bold, and only the &nbsp; after it is left.
    text = ("Map-drawer's files surface in voting case\n\n"
            "What follows is a conversation between a voting-rights advocate and a news host.\n\n"
            "ANNA REYES\u00a0Welcome to the program. I’m glad you could join us.\n\n"
            "We are joined by the director of a state voting group. Good to have you with us.\n\n"
            "TOM BAKER\u00a0Thank you. A pleasure to be with you too.\n\n"
            "ANNA REYES\u00a0So let’s talk about this. What did you find in the files?\n\n"
            "TOM BAKER\u00a0We found the plans. I mean, you could see the intent in them.\n")
    doc = notelint.parse(text)
    assert [speaker for _, speaker in turns(doc)] == ["ANNA REYES", "ANNA REYES", "TOM BAKER", "ANNA REYES", "TOM BAKER"]
    assert [f.code for f in lint(text) if f.code == "NL301"] == []
    # A dateline set off by a no-break space opens no turn: one capitalised opening is no dialogue.
    lead = "NEW YORK\u00a0The census question went to the court on Friday, and we will know more soon.\n"
    assert turns(notelint.parse("Census case heads to court\n\n" + lead)) == []


NAMES = st.sampled_from(["GROSS", "LIPTAK", "CORNISH", "HANSI LO WANG", "Q", "A", "SEN. WARREN (D-MASS.)"])
SPEECH = st.sampled_from(["So what happened?", "I think you are right.", "Well, we will see.",
                          "“Not yet,” he told me.", "NO TROOPS - he said.", "[laughs] Right."])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), NAMES), SPEECH), min_size=1, max_size=8))
def test_turns_lie_within_their_paragraphs_and_speak_the_labels_names(paragraphs):
    text = "Headline\n\n" + "\n\n".join(f"{name}: {speech}" if name else speech for name, speech in paragraphs) + "\n"
    doc = notelint.parse(text)
    blocks = [(s.start, s.end) for s in doc.spans]
    for span in doc.walk():
        if span.attrs.get("turn"):
            assert any(a <= span.start < span.end <= b for a, b in blocks)
            assert span.attrs["speaker"] in {" ".join(n.split()) for n, _ in paragraphs if n} | {"SEN. WARREN"}
            assert text[span.start:span.end].strip() == text[span.start:span.end]
