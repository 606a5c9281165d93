"""Unmarked commentary: editorial voice in wire text (NL301) and opinion standfirsts (NL302)."""
from __future__ import annotations

import pytest

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source


def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def nl(text, code):
    return [(text[f.start:f.end], f.message) for f in lint(text) if f.code == code]


@pytest.mark.parametrize("sentence, word, what", [
    ("We all know who is really behind these attacks.", "We", "first person “We”"),
    ("The attacks, in my view, are only the beginning.", "my", "first person “my”"),
    ("If you think this will end soon, think again.", "you", "second person “you”"),
    ("And who pays for all of this?", "?", "a rhetorical question"),
    ("The militias answered with more rockets!", "!", "an exclamation"),
])
def test_nl301_flags_the_writers_own_voice(sentence, word, what):
    text = f"Militias Step Up Attacks\n\nMilitia attacks have increased against U.S. bases in Iraq. {sentence}\n"
    hits = nl(text, "NL301")
    assert len(hits) == 1
    assert hits[0][0] == word
    assert hits[0][1].startswith(what + " in wire text")


@pytest.mark.parametrize("paragraph", [
    "“We will not stop until they leave,” said one commander.",
    "One commander said: “We will not stop. Do you hear me?”",
    "U.S. officials met in Washington; the U.S. Senate voted on Monday.",  # US, not us
    "Veterans of World War I and Phase I trials were honoured on Monday.",
    "The group Save My Care is running digital ads in 14 districts.",
    "Highway I-95 was closed on Monday after a crash.",
    # A web address's path is no voice: "us", "your" and "my" here are words of a link.
    "Follow AP's coverage of the court at https://apnews.com/hub/us-supreme-court.",
    "The form is at www.irs.gov/your-refund and the rules at example.org/my-account/faq.",
])
def test_nl301_leaves_quotations_countries_numerals_and_names_alone(paragraph):
    assert nl(f"Headline Here\n\n{paragraph}\n", "NL301") == []


def test_nl301_still_reads_a_voice_beside_a_web_address():
    text = "Headline Here\n\nRead the ruling at https://example.org/ruling/ and tell us what you think.\n"
    assert [word for word, _ in nl(text, "NL301")] == ["us", "you"]


def test_nl301_finds_a_paragraph_that_opens_as_one_speaks():
    # A paragraph with no other sign of a voice is read for its opener (a startswith, not a scan).
    text = ("Barr Letter Released\n\nThe special counsel wrote to the attorney general in March.\n\n"
            "Well, that changes the story the department has been telling.\n\n"
            "Yeah, this was bound to happen.\n")
    hits = nl(text, "NL301")
    assert [word for word, _ in hits] == ["Well", "Yeah"]
    assert hits[0][1].startswith("a conversational opener “Well” in wire text")
    # Later in a paragraph, an opener is found where the paragraph is read for another sign of a voice.
    later = "Barr Letter Released\n\nThe report is out. So, what did the counsel object to? Oh, the context.\n"
    assert [word for word, _ in nl(later, "NL301")] == ["So", "?", "Oh"]


@pytest.mark.parametrize("paragraph", [
    "So far, 12 people have been arrested in connection with the attacks.",
    "Well-known donors attended the fundraiser on Monday.",
    "“Well, we will see what happens next,” the senator said.",
    "Soon after, the talks resumed in Geneva.",
])
def test_nl301_leaves_reporting_that_opens_like_speech_alone(paragraph):
    assert nl(f"Talks Resume\n\n{paragraph}\n", "NL301") == []


def test_nl301_skips_quotations_that_lost_their_marks():
    # Scraped copy often drops every quotation mark; attributed speech must not read as the writer's voice.
    text = ("Kremlin Says\n\nMOSCOW (Reuters) - This is telephone terrorism,  Kremlin spokesman Dmitry Peskov "
            "told a conference call.  We are taking the necessary measures to identify those responsible.\n")
    assert nl(text, "NL301") == []


@pytest.mark.parametrize("hypothetical", ["Some might say that is what they should be doing",
                                          "You could even say the network got what it wanted",
                                          "I'd say the answer is no"])
def test_nl301_a_say_of_what_someone_might_say_reports_nobody(hypothetical):
    # No quotation mark and a "say" in the paragraph: it is not speech that lost its marks when the say is
    # only possible, so the writer's questions and "you" are still read.
    text = f"Network Under Fire\n\nIs this a fair question? Would you ask it of anyone else? {hypothetical}.\n"
    assert [hit for hit, _ in nl(text, "NL301")][:2] == ["?", "you"]
    reported = "Network Under Fire\n\nIs this a fair question? Would you ask it of anyone else? The host said it was.\n"
    assert nl(reported, "NL301") == []
    # A refusal or a limit of what was said is reporting: the words around it may be a lost quotation.
    for refusal in ("The network would not say", "The network would only say"):
        text = f"Network Under Fire\n\nIs this a fair question? {refusal} whether you could ask it.\n"
        assert nl(text, "NL301") == []


def test_nl301_skips_transcripts_by_headline_label():
    text = "Text: Senator's speech on the budget\n\nWe have to act now. I ask you to join me.\n"
    assert nl(text, "NL301") == []
    assert nl("The budget speech\n\nWe have to act now. I ask you to join me.\n", "NL301") != []


def test_nl301_ignores_headline_and_standfirst():
    text = ("Is this the end of the talks?\n\nThey don't care. Do you?\n\nBAGHDAD (AP) — Talks stalled on Monday, "
            "officials said.\n\nThe meeting was held in Baghdad.\n")
    assert nl(text, "NL301") == []


CREDITED = "Iraqi Militias Defy Iran\n\n{}\n\nBAGHDAD (AP) — Militia leaders rejected calls for calm, officials said.\n\nThe meeting was held last month.\n"


@pytest.mark.parametrize("standfirst, signal", [
    ("They've been told directly to knock it off. They don't care.", "colloquial phrase “knock it off”"),
    ("Nobody in Tehran listens any more. Can you blame them?", "second person “you”"),
    ("The thugs in Tehran have lost control of their militias.", "loaded term “thugs”"),
    ("They don't care.", "an unattributed verdict “They don't care.”"),
    ("Another day, another rocket attack the Pentagon pretends not to see.", "sarcasm marker “Another day, another”"),
    ("The militias promise calm. What could possibly go wrong.", "sarcasm marker “What could possibly go wrong”"),
])
def test_nl302_opinion_standfirst_on_a_wire_story(standfirst, signal):
    hits = nl(CREDITED.format(standfirst), "NL302")
    assert len(hits) == 1
    assert hits[0][0] == standfirst
    assert signal in hits[0][1]


def test_nl302_not_for_a_reporting_standfirst_or_without_a_wire_credit():
    reporting = "Iran's Quds Force commander asked militia leaders to hold fire during nuclear talks."
    assert nl(CREDITED.format(reporting), "NL302") == []
    hard_news = "A suicide bombing killed 20 people in Kabul on Monday, and militants said they carried it out."
    assert nl(CREDITED.format(hard_news), "NL302") == []
    quoting = "The militia leader told Ghaani: “You cannot ask us to stay quiet!”"
    assert nl(CREDITED.format(quoting), "NL302") == []
    uncredited = ("Iraqi Militias Defy Iran\n\nThey don't care.\n\nMilitia leaders rejected calls for calm, "
                  "officials said.\n\nThe meeting was held last month.\n")
    assert nl(uncredited, "NL302") == []


@pytest.mark.parametrize("message", [
    "Help us deliver journalism that makes a difference in our community.",
    "Our journalism takes a lot of time, effort, and hard work to produce. If you read and enjoy our journalism, "
    "please consider subscribing today.",
    "Get the latest on trade and tariffs, every weekday morning — in your inbox. You can unsubscribe at any time.",
    "A link has been sent to your friend's email address.",
    "Tap here to turn on desktop notifications to get the news sent straight to you.",
    "Want the morning briefing in your inbox every day? Sign up here.",
    "Have a news tip? Email us at tips@riverton-courier.com. We'd love to hear from you.",
    "What do you think? Leave a comment below.",
    "Have a tip? Send it to tips@riverton-courier.com.",  # a contact line
    "We welcome your comments. Please keep them civil and on topic.",  # a comments box's notice
    "Read More: Dock strike: What we know so far",  # a pointer to another page, its headline
    "RELATED: Are you ready for the next strike?",
    # A copyright notice at any length, with a transcript's disclaimer after it.
    "Copyright © 2019 Riverton Public Radio. All rights reserved. Visit our website terms of use and permissions "
    "pages for further information. This text may not be in its final form and may be updated or revised in the "
    "future, as our transcripts are produced on a rush deadline by a contractor. Accuracy and availability may "
    "vary, and we ask that you treat the audio record as the authoritative record of our programming.",
])
def test_nl301_passes_over_the_sites_messages_to_its_reader(message):
    # Scraped pages keep the site's appeals and widgets between the story's paragraphs: their "we" and "you"
    # are the site's and the reader's, not a voice written into the story.
    text = (f"Port Strike Ends\n\nDock workers returned to work on Monday after a two-week strike, the union said."
            f"\n\n{message}\n\nShipping lines said it would take a week to clear the backlog.\n")
    assert nl(text, "NL301") == []


def test_nl301_passes_over_a_document_quoted_as_a_block_with_its_first_word_restored():
    # A statement pasted as a block, its first word restored in brackets: only quoted words are restored,
    # so its "we" is the company's. Without the restoration, the paragraph before still says a statement
    # follows (as real pages set out statements, posts and transcripts after "It reads, in part:").
    text = ("Streaming Service Reverses Policy\n\nThe company said in a statement on Friday:\n\n"
            "{}we believe our intentions were good, the language was too vague, and we created confusion.\n")
    assert nl(text.format("[While] "), "NL301") == []
    assert nl(text.format("While "), "NL301") == []
    unintroduced = text.replace("The company said in a statement on Friday:", "The company changed its policy on Friday.")
    assert [hit for hit, _ in nl(unintroduced.format("While "), "NL301")][:1] == ["we"]


def test_nl301_an_explainers_section_heads_and_labelled_questions_ask_as_headlines_do():
    text = ("Port Strike Explained\n\nRIVERTON (AP) — Dock workers returned to work on Monday, the union said.\n\n"
            "WHAT HAPPENS NEXT?\n\nShipping lines will clear the backlog within a week.\n\n"
            "WHAT IT MEANS FOR YOU\n\nPrices of imported goods may rise for a month.\n\n"
            "Q: Will the strike start again in the spring?\n\nA: Not before the contract runs out.\n")
    assert nl(text, "NL301") == []


def test_nl301_a_headline_in_title_case_among_the_paragraphs_asks_as_a_headline_does():
    # Another story's headline linked from the page, and the piece's own printed again.
    text = ("Dock Strike Ends\n\nDock workers returned to work on Monday, the union said.\n\n"
            "Why Do Harbor Pilots Keep Quitting? Maybe Because Nobody Is Paying Them\n\n"
            "The Strike Is Over. Will Your Groceries Cost Less Now?\n\nShipping lines said the backlog would clear.\n")
    assert nl(text, "NL301") == []
    # A sentence-case paragraph asking the same is read as any question is.
    asked = text.replace("Why Do Harbor Pilots Keep Quitting? Maybe Because Nobody Is Paying Them",
                         "Why do harbor pilots keep quitting? Maybe because nobody is paying them")
    assert [w for w, _ in nl(asked, "NL301")] == ["?"]


def test_nl301_an_explainers_stock_head_run_into_its_paragraph_is_no_rhetorical_question():
    text = ("Methane Rule Overturned\n\nRIVERTON (AP) — The Senate voted 52-42 on Wednesday to overturn the rule.\n\n"
            "What happens next? The House is expected to vote on the measure next week.\n\n"
            "Why does it matter? The rule covered 800,000 wells.\n\nWhat's the background?\n\n"
            "The rule took effect in 2016.\n")
    assert nl(text, "NL301") == []
    # A question with words of its own to argue is still read.
    argued = text.replace("What happens next?", "Who could have seen this coming?")
    assert [w for w, _ in nl(argued, "NL301")] == ["?"]


def test_nl301_a_question_a_sentence_names_and_reports_is_not_rhetorical():
    text = ("Prison Debate\n\nAs protests spread, one group of activists is raising the question: why not close the "
            "jails altogether?\n\nThe question now: will the council vote?\n")
    assert nl(text, "NL301") == []
    assert [w for w, _ in nl(text.replace("the question: why", "the point. Why"), "NL301")] == ["?"]
    assert "?" in [w for w, _ in nl("Naughty List\n\nAsk yourself one question: do I feel lucky?\n", "NL301")]


def test_nl301_an_explainers_question_answered_in_the_next_sentence_is_its_section_head():
    # Scraped explainers run their question heads into the paragraph: the answer names what was asked
    # about, or an interview answers with a quotation.
    text = ("Who Is Who in the Port Inquiry\n\nRIVERTON (Reuters) - Two harbor officials were charged on Monday.\n\n"
            "Who is Dana Hale? Hale is a former harbor master who ran the port from 2009. What does the "
            "indictment charge? The indictment says Hale took payments from a dredging firm. Does the mayor "
            "worry about the inquiry? “No, I don't, because I know what we did,” the mayor said.\n")
    assert nl(text, "NL301") == []


@pytest.mark.parametrize("sentence", [
    "Is this a fair question? It was insane then, and it is insane now.",     # the writer answers in a word of theirs
    "Who pays for all of this? Taxpayers, as usual.",                        # an answer naming nothing asked about
    "Is it the union's fault? Is it the port's?",                            # a question after a question
    "Their basic message? “Pay up, or else.”",                                # a mock quotation after a fragment
])
def test_nl301_still_reads_a_rhetorical_question_answered_by_the_writer(sentence):
    text = f"Port Strike Ends\n\nDock workers returned to work on Monday, the union said.\n\n{sentence}\n"
    assert "?" in [hit for hit, _ in nl(text, "NL301")]


def test_nl301_still_reads_an_exclamation_in_a_heading_and_a_question_in_a_sentence_case_paragraph():
    text = ("Port Strike Ends\n\nDock workers returned to work on Monday, the union said.\n\n"
            "BUT MOM! THE BOSSES PROMISED!\n\nShipping lines will clear the backlog.\n\n"
            "Is anyone surprised the bosses caved?\n")
    assert [hit for hit, _ in nl(text, "NL301")] == ["!", "!", "?"]  # one a sentence


def test_nl301_still_reads_a_longer_paragraph_that_argues_about_subscriptions():
    argument = ("We all know that newsletters are the future, and you should subscribe to every one of them, "
                "because the papers that carry this story will never explain what the strike cost the port, "
                "the workers or the towns along the coast, and nobody in the union will admit it either, "
                "whatever the bosses have promised them this week.")
    text = (f"Port Strike Ends\n\nDock workers returned to work on Monday after a two-week strike, the union said."
            f"\n\n{argument}\n")
    assert [hit for hit, _ in nl(text, "NL301")][:2] == ["We", "you"]


@pytest.mark.parametrize("note", [
    "(We have reached out to Acme for comment and will update this story.)",
    "(We asked her office for the figures; it has not replied.)",
    "(We could not independently verify that figure.)",
    "We were unable to reach the company on Sunday.",
])
def test_the_newsrooms_note_on_its_checking_is_no_editorial_voice(note):
    text = ("Council Delays Vote\n\nRIVERTON, Ohio — The council delayed a vote on Tuesday, officials said.\n\n"
            f"The group says it has 5,000 members. {note}\n")
    assert nl(text, "NL301") == []
    assert not any(f.code.startswith(("NL1", "NL2")) for f in lint(text))


def test_a_writers_verdict_after_the_newsrooms_note_is_still_voice():
    text = ("Council Delays Vote\n\nRIVERTON, Ohio — The council delayed a vote on Tuesday, officials said.\n\n"
            "The group says it has 5,000 members. (We asked three times. They declined three times. Draw your own "
            "conclusions.)\n")
    assert any(f.code.startswith("NL1") for f in lint(text))


@pytest.mark.parametrize("line", [
    "My Portfolio", "More for You", "Share what you think", "Advertise with us", "Take Us With You",
    "The views expressed in the contents above are those of our users and do not reflect the views of the site.",
    "We are no longer accepting comments on this article.",
    "The station participates in affiliate marketing programs, which means we may get paid for purchases.",
])
def test_a_pages_labels_and_notices_among_the_paragraphs_are_no_editorial_voice(line):
    text = ("Council Delays Vote\n\nRIVERTON, Ohio — The council delayed a vote on Tuesday, officials said.\n\n"
            f"{line}\n\nThe vote is now set for March.\n")
    assert nl(text, "NL301") == []


@pytest.mark.parametrize("paragraph, word", [
    ("Share what you think.", "you"),                   # a sentence: the writer's
    ("Is it 2016, yet?", "?"),                          # a short question still asks
    ("We all know who is really behind these attacks on the base", "We"),  # past a label's eight words
])
def test_a_short_sentence_of_the_writers_is_still_voice(paragraph, word):
    text = ("Council Delays Vote\n\nRIVERTON, Ohio — The council delayed a vote on Tuesday, officials said.\n\n"
            f"{paragraph}\n\nThe vote is now set for March.\n")
    assert [hit for hit, _ in nl(text, "NL301")][:1] == [word]


@pytest.mark.parametrize("tag", ["(I)", "(I-Vt.)", "(I-VT)"])
def test_an_independents_party_tag_is_no_first_person(tag):
    text = ("Council Delays Vote\n\nRIVERTON, Ohio — The council delayed a vote on Tuesday, officials said.\n\n"
            f"Sen. Bernie Sanders {tag} and Michael Ostrowski {tag}, 38, will both speak on Friday.\n")
    assert nl(text, "NL301") == []


@pytest.mark.parametrize("paragraph, word", [
    ("Gov. Kessler promised a quick budget deal in January. So much for the honeymoon.", "So much for"),
    ("The senator put the national average at $3.10 a gallon. Bless his heart.", "Bless his heart"),
    ("Turns out, the program cost twice what the county had budgeted.", "Turns out"),
    ("The council voted itself a raise. Funny how that works.", "Funny how"),
    ("The coin's logo, naturally, was a bald eagle wearing sunglasses.", "naturally"),
    ("The audit, conveniently, was finished the day after the vote.", "conveniently"),
    ("The sponsor called the bill a compromise. Translation: it is dead.", "Translation:"),
    ("The council's own audit found no problems with its spending. Of course not.", "Of course not"),
])
def test_nl301_flags_a_writers_stock_remark_in_wire_text(paragraph, word):
    # Paragraphs with no first or second person, question or exclamation: the remark alone is the voice.
    text = f"Budget Stalls in Madison\n\nMADISON, Wis. (AP) — The state budget stalled again on Tuesday.\n\n{paragraph}\n"
    hits = nl(text, "NL301")
    assert [hit for hit, _ in hits] == [word]
    assert hits[0][1].startswith(f"the writer's remark “{word}” in wire text")


@pytest.mark.parametrize("paragraph", [
    "Officials said the money would go so much further than expected in rural districts.",
    "He turns out to be the only candidate who filed on time, the clerk said.",
    "The researchers, naturally enough, began with the oldest records.",
    "The Notice of Appeal was filed on Monday, the court said.",
    "“So much for the honeymoon,” one lawmaker said of the governor's first month.",
])
def test_nl301_leaves_the_same_words_alone_where_they_are_no_remark(paragraph):
    text = f"Budget Stalls in Madison\n\nMADISON, Wis. (AP) — The state budget stalled again on Tuesday.\n\n{paragraph}\n"
    assert nl(text, "NL301") == []


def test_a_sites_own_remarks_extend_nl301_from_its_options(tmp_path):
    text = "Budget Stalls\n\nThe state budget stalled again on Tuesday. Same as it ever was.\n"
    assert nl(text, "NL301") == []
    (tmp_path / "notelint.toml").write_text('[options.NL301]\nremarks = ["Same as it ever was"]\n', encoding="utf-8")
    settings = load_settings(str(tmp_path), {"config": str(tmp_path / "notelint.toml")})
    hits = [(text[f.start:f.end], f.message) for f in lint_source(text, settings) if f.code == "NL301"]
    assert [hit for hit, _ in hits] == ["Same as it ever was"]


def test_nl301_reads_the_standfirst_of_an_article_no_wire_service_is_credited_with():
    text = ("Iowa Lawmakers Vote to Extend Teen Work Hours\n\n"
            "Good news, children of Iowa! Your legislature would like you to work until 11 p.m.\n\n"
            "Senate File 2217 passed the Iowa Senate on a 32-17 vote on Tuesday, the Des Moines Register reported.\n\n"
            "The bill now heads to the Iowa House, where Republicans hold a 67-33 majority.\n")
    assert [word for word, _ in nl(text, "NL301")] == ["!", "Your"]


def test_under_a_wire_credit_the_standfirst_is_nl302s_not_nl301s():
    text = ("Iowa Lawmakers Vote to Extend Teen Work Hours\n\n"
            "Good news, children of Iowa! Your legislature would like you to work until 11 p.m.\n\n"
            "DES MOINES, Iowa (AP) — Senate File 2217 passed the Iowa Senate on a 32-17 vote on Tuesday.\n\n"
            "The bill now heads to the Iowa House, where Republicans hold a 67-33 majority.\n")
    assert nl(text, "NL301") == []
    assert len(nl(text, "NL302")) == 1


def test_a_stock_remark_is_read_past_an_attribution_in_the_sentence_before():
    text = ("Token Collapses\n\nThe token, billed as “the people's coin,” reached $180 million on Thursday, according "
            "to data from CoinGecko. The coin's logo, naturally, was a bald eagle wearing sunglasses.\n")
    assert [word for word, _ in nl(text, "NL301")] == ["naturally"]
    lost_marks = ("Token Collapses\n\nThe logo, naturally, was chosen by our founder, a spokesman said on Friday.\n")
    assert nl(lost_marks, "NL301") == []


def test_an_attribution_in_the_writers_own_aside_does_not_make_the_paragraph_speech():
    text = ("Senator's Figures\n\nThe senator put the state's average at $3.10 a gallon on Monday.\n\n"
            "Ouch. (To be fair, the national average he cited is roughly right.)\n")
    assert [word for word, _ in nl(text, "NL301")] == ["Ouch"]


@pytest.mark.parametrize("introduction", [
    "The bank issued a statement for publication denying any link to the ship's owner, SeaForce Marine Ltd.:",
    "The company's post, published on its blog on Friday, reads, in part:",
    "“My name is Judy Smith,” said one woman, who continued:",
])
def test_a_statement_set_out_unquoted_after_its_introduction_is_no_editorial_voice(introduction):
    text = (f"Bank Denies Link\n\nThe bank was named in the report on Monday.\n\n{introduction}\n\n"
            "We are unaware of the current status of the case. We believe these allegations are motivated.\n")
    assert nl(text, "NL301") == []


def test_a_paragraph_ending_in_a_colon_that_sets_out_no_statement_is_still_read():
    text = ("Drudge Note\n\nThe site ran three headlines on the subject, in this order:\n\n"
            "We all know who is really behind them.\n")
    assert [word for word, _ in nl(text, "NL301")] == ["We"]


def test_a_sites_funding_appeal_is_its_message_not_the_storys_voice():
    text = ("Iowa Vote\n\nThe bill passed the Iowa Senate on Tuesday.\n\n"
            "Wonkette is funded entirely by readers like you. If you love us, please click below and give us money!\n")
    assert nl(text, "NL301") == []


def test_an_explainers_questions_opening_its_paragraphs_are_its_section_heads():
    text = ("What to know about the new rule for 401(k) savers\n\n"
            "A provision that changes how older workers save takes effect Jan. 1, the IRS said.\n\n"
            "What is changing? Workers age 50 and older can make extra contributions to their plans.\n\n"
            "Who is affected? The rule applies only to catch-up contributions, not regular ones.\n\n"
            "Why was it delayed? Payroll companies asked for more time to update their systems.\n")
    assert nl(text, "NL301") == []
    two = text.replace("Why was it delayed? Payroll", "Payroll")  # two are no explainer's layout
    assert {word for word, _ in nl(two, "NL301")} == {"?"}


def test_an_explainers_reader_asks_as_i_and_is_answered_as_you():
    text = ("Measles Cases Rise in the County: What to Know\n\n"
            "Health officials confirmed four new measles cases on Monday, bringing the total this year to 19.\n\n"
            "Am I protected? If you received two doses of the MMR vaccine as a child, you are considered protected.\n\n"
            "What are the symptoms? A high fever, cough and runny nose come first; the rash follows days later.\n\n"
            "What should I do if I think I have it? Call your doctor before going in, so staff can keep you apart.\n")
    assert nl(text, "NL301") == []


def test_an_explainers_labelled_sections_address_their_reader():
    text = ("What the Fed's Rate Cut Means for You\n\n"
            "The Federal Reserve lowered its benchmark rate by a quarter point on Wednesday.\n\n"
            "Credit cards: Most cards have variable rates tied to the prime rate. Your rate will likely drop.\n\n"
            "Savings accounts: Online banks often lower yields after a cut. Certificates you already hold keep theirs.\n\n"
            "Mortgages: Fixed rates follow the 10-year Treasury yield. If you have an adjustable loan, it may fall.\n")
    assert nl(text, "NL301") == []
    commentary = text.replace("Savings accounts: Online", "Online").replace("Mortgages: Fixed", "Fixed")
    assert "Your" in [word for word, _ in nl(commentary, "NL301")]


def test_a_live_blogs_entries_call_what_happened_under_their_times():
    text = ("Stockport 2-1 Bolton: as it happened\n\n"
            "Stockport beat Bolton at Edgeley Park on Saturday to go top of League One.\n\n"
            "78 mins: GOAL! Stockport 2-1 Bolton. Prentice turns in a low cross from six yards.\n\n"
            "44 mins: GOAL! Stockport 1-1 Bolton. Deacon heads in a corner at the near post.\n\n"
            "12 mins: GOAL! Stockport 0-1 Bolton. Marsh stabs in from close range.\n")
    assert nl(text, "NL301") == []


def test_a_speakers_words_under_their_name_and_title_are_theirs():
    text = ("Rural Hospitals Close Maternity Wards\n\nThree hospitals in the region stopped delivering babies this year.\n\n"
            "Dr. Lisa Harmon, Marshall Medical Center: We were doing about 180 deliveries a year. You need nurses "
            "available 24/7.\n")
    assert nl(text, "NL301") == []


@pytest.mark.parametrize("message", [
    "Stay with 9&10 News for updates. Download our free weather app for the latest alerts in your area.",
    "ABC Emergency is committed to keeping you informed.",
    "Residents have been ordered to leave as the fire grows. Here's what we know so far.",
])
def test_a_newsrooms_word_on_its_own_coverage_is_its_message(message):
    text = f"Fire Grows Near Town\n\nThe fire had burned 18,000 acres by Tuesday, officials said.\n\n{message}\n"
    assert nl(text, "NL301") == []


def test_if_your_sets_up_the_generic_reader_too():
    text = ("Airline Refund Rule Takes Effect\n\nA federal rule on refunds took effect on Monday.\n\n"
            "If your flight is canceled and you decide not to rebook, you are entitled to a refund.\n")
    assert nl(text, "NL301") == []


def test_a_newsletters_items_headed_by_a_label_and_a_title_are_no_explainers_heads():
    text = ("Morning Briefing\n\nGood news for the party, the poll found on Monday.\n\n"
            "Kelly File: Cruz says the remarks went too far - He called them reckless.\n\n"
            "Baier Tracks: Pressure's on - The deadline is close.\n\n"
            "Pick Six: Contractor ad a game changer? - Republicans need six seats. Can you name them?\n")
    assert "you" in [word for word, _ in nl(text, "NL301")]
