"""The corpus article parses into exactly its hand-made ground truth, and article furniture is found."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import notelint
from notelint.parsing.document import build_document, parse_text
from notelint.reading.source import plain_source

from fuzzing import budget

KIND = {"headline": "headline", "standfirst": "standfirst", "editorial_insertion": "insertion",
        "direct_quote": "quote", "scare_quote_in_insertion": "quote", "source_attribution": "source",
        "reader_comments": "comments"}


def test_every_ground_truth_span_is_found_exactly(corpus_doc, corpus_truth):
    have = {(s.kind, s.start, s.end) for s in corpus_doc.walk()}
    for expected in corpus_truth["spans"]:
        kind = KIND[expected["kind"]]
        if kind == "comments":
            (comments,) = corpus_doc.spans_of("comments")
            assert comments.start == expected["start"] and comments.end == expected["end"]
        else:
            assert (kind, expected["start"], expected["end"]) in have, expected
        loc = corpus_doc.location(expected["start"], expected["end"])
        assert (loc.line, loc.col) == (expected["line"], expected["col"])


def test_no_other_insertion_and_all_nine_quotations(corpus_doc, corpus_truth):
    truth = {(s["start"], s["end"]) for s in corpus_truth["spans"] if s["kind"] == "editorial_insertion"}
    assert {(s.start, s.end) for s in corpus_doc.spans_of("insertion")} == truth
    article_quotes = [q for q in corpus_doc.spans_of("quote") if q.end <= corpus_doc.article_end]
    assert len(article_quotes) == 10  # nine quotations and the scare-quoted “response”


def test_quotation_speakers_and_verbs(corpus_doc, corpus_text):
    def attrs(opening: str) -> dict:
        (quote,) = [q for q in corpus_doc.spans_of("quote") if corpus_text.startswith(opening, q.start)]
        return quote.attrs

    assert (attrs("“Iran isn’t")["speaker"], attrs("“Iran isn’t")["verb"]) == ("one Shiite political leader", "said")
    assert (attrs("“And that decision")["speaker"], attrs("“And that decision")["verb"]) == ("he", "said")
    assert (attrs("“These must")["speaker"], attrs("“These must")["verb"]) == ("one political leader", "recounted")
    assert attrs("“Ghaani has")["speaker"] == "Michael Knights"
    assert attrs("“occupier”")["speaker"] == "he"


def attribution_of_only_quote(paragraph: str) -> tuple[str | None, str | None]:
    """The speaker and verb of the one quotation in a story of `paragraph` under a headline."""
    [quote] = notelint.parse("Talks stall\n\n" + paragraph + "\n").spans_of("quote")
    return quote.attrs.get("speaker"), quote.attrs.get("verb")


@pytest.mark.parametrize("paragraph, speaker, verb", [
    ("Asked whether the deal would hold, Ek responded: “That is for others to judge.”", "Ek", "responded"),
    ("“We will not change course on the tariffs,” the minister stressed on Tuesday.", "the minister", "stressed"),
    ("“Our position has not changed,” Tillerson reiterated.", "Tillerson", "reiterated"),
    ("Senator John McCain lamented that “we are not the country we were.”", "Senator John McCain", "lamented"),
])
def test_reporting_verbs_that_name_a_way_of_saying_attribute_a_quotation(paragraph, speaker, verb):
    assert attribution_of_only_quote(paragraph) == (speaker, verb)


@pytest.mark.parametrize("paragraph, speaker, verb", [
    # The words after a quotation begin a clause: the quotation's speaker is the sentence's subject, before it.
    ("Trump called the law “a disaster” and said it would be repealed.", None, None),
    ("The president said the talks were “very productive” and added that more would follow.", "The president", "said"),
    # A capital that only opens the sentence: the word before the verb names the speaker, or nobody does.
    ("But he said the plan was “dead on arrival.”", "he", "said"),
    ("When asked about “the wall,” the senator shrugged.", None, None),
    ("This was said to be “the last word” on the matter.", None, None),
    # "States" after "United" is a name, not a speech verb.
    ("Officials described “a special relationship” between Britain and the United States on Monday.", None, None),
    ("“We will not be rushed,” he said.", "he", "said"),
])
def test_a_clause_or_a_name_after_a_quotation_names_no_speaker(paragraph, speaker, verb):
    assert attribution_of_only_quote(paragraph) == (speaker, verb)


@pytest.mark.parametrize("paragraph, speaker", [
    # A determiner before a name takes the word after it: the spokesman speaks, not "A White House".
    ("A White House spokesman said: “The president has no plans to travel.”", "A White House spokesman"),
    ("A spokesman said: “Enquiries are ongoing.”", "A spokesman"),
    ("His office said in a statement: “The senator was not consulted.”", "His office"),
    ("The Swedish company said “no decision has been made” on the listing.", "The Swedish company"),
    # An adverb or a verb before the speech verb is no part of the name.
    ("The White House also said “talks will continue” next week.", "The White House"),
    ("The Kremlin later told reporters “there is nothing to add.”", "The Kremlin"),
    # An age after the name, as British and tabloid copy gives it.
    ("Her friend Mrs O'Neill, 41, said: “She has been through hell.”", "Mrs O'Neill"),
    ("A neighbour, 67, told reporters: “We heard a bang and then nothing.”", "A neighbour"),
])
def test_a_determiner_before_a_name_takes_the_word_after_it(paragraph, speaker):
    assert attribution_of_only_quote(paragraph)[0] == speaker


@pytest.mark.parametrize("paragraph, speaker", [
    # A determiner and a noun phrase in lower case, the commonest subject of a speech verb in news copy.
    ("The prime minister said: “We will not back down.”", "The prime minister"),
    ("A police spokesman said: “Our thoughts are with the family.”", "A police spokesman"),
    ("The company's chief executive told analysts: “Demand is strong.”", "The company's chief executive"),
    ("The children’s charity said “lessons must be learned” after the inquiry.", "The children’s charity"),
    ("Meanwhile, the head teacher said: “We are devastated.”", "the head teacher"),
    ("Two senior officials said the talks were “very close.”", "Two senior officials"),
    ("The officials have also said the plan is “on track.”", "The officials"),  # not the auxiliary nor the adverb
    # A phrase after a preposition is not the subject; one holding a clause or a pronoun names nobody.
    ("The deputy leader of the council said: “This is a good day.”", None),
    ("An eyewitness who asked not to be named said: “It was chaos.”", None),
    ("He attacked a law he has declared “dead on arrival”.", "he"),
    # A name before a noun modifies it: the officials speak, not the Pentagon.
    ("Pentagon officials said the strikes were “proportionate.”", "Pentagon officials"),
    ("Clinton aides said the memo was “a fabrication.”", "Clinton aides"),
    ("Smith himself said the bill was “dead.”", "Smith"),  # a reflexive pronoun is no noun
    # Beginning is not speaking: "the crowd began to …".
    ("Crites said when he took it out, the crowd began to chant “lock him up.”", "Crites"),
])
def test_a_determiner_takes_a_noun_phrase_before_the_verb(paragraph, speaker):
    assert attribution_of_only_quote(paragraph)[0] == speaker


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each quotation's first 12 characters, speaker and verb."""
    doc = notelint.parse(text)
    return [(doc.text_of(q)[:12], q.attrs.get("speaker"), q.attrs.get("verb")) for q in doc.spans_of("quote")]


@pytest.mark.parametrize("paragraph, expected", [
    # The quotation after an attributed one is the same speaker's, as wire copy never changes speaker
    # without naming the new one.
    ("“It was terrifying,” one woman said. “We ran for our lives.”",
     [("“It was terr", "one woman", "said"), ("“We ran for ", "one woman", "said")]),
    ("'It is a disgrace,' said Mrs Jones, 64, who has lived in the village for 40 years. 'Nobody asked us.'",
     [("'It is a dis", "Mrs Jones", "said"), ("'Nobody aske", "Mrs Jones", "said")]),
    # "Another" and "One" stand for a person before the verb.
    ("One resident said: “The water came up so fast.” Another said: “We lost everything.”",
     [("“The water c", "One resident", "said"), ("“We lost eve", "Another", "said")]),
    # Not across a sentence of other words, nor over a new speaker named.
    ("“It was terrifying,” one woman said. The river rose a metre in an hour. “We ran for our lives.”",
     [("“It was terr", "one woman", "said"), ("“We ran for ", None, None)]),
    ("“We will win,” Smith said. “We will not,” Jones replied.",
     [("“We will win", "Smith", "said"), ("“We will not", "Jones", "replied")]),
])
def test_a_quotation_after_an_attributed_one_is_the_same_speakers(paragraph, expected):
    assert speakers(f"Flood Hits Village\n\n{paragraph}\n") == expected


def test_a_reaction_under_a_speakers_label_is_the_speakers():
    # Wire factboxes ("Instant View") print each reaction under the speaker's upper-case label, in its
    # paragraph or in one of its own; a section head without a name and role names nobody.
    text = ("Markets react to the vote\n\n"
            "PAUL NOLTE, PORTFOLIO MANAGER AT KINGSVIEW ASSET MANAGEMENT IN CHICAGO:\n\n"
            "“The market is looking through this.”\n\n"
            "Stocks rose. KEITH LERNER, CHIEF MARKET STRATEGIST, SUNTRUST ADVISORY SERVICES, ATLANTA: "
            "“We expect a bumpy ride.” TRUMP WIN: “Health care stocks would gain.”\n")
    assert speakers(text) == [("“The market ", "PAUL NOLTE", ":"), ("“We expect a", "KEITH LERNER", ":"),
                              ("“Health care", None, None)]


def test_an_excerpt_under_its_sources_name_is_the_sources():
    # Newsletters cite the outlet an excerpt comes from at the start of its line; a heading names nobody.
    text = ("Morning briefing\n\nA NEW MAN FOR OKLAHOMA\n\n"
            "Roll Call: “Randy Brogdon, a conservative former state senator, is running.”\n\n"
            "Giving them the business - WaPo: “The country's most powerful business lobby is split.”\n\n"
            "Flashback: “We will be back,” the senator said in 2010.\n\n"
            "Q: “Will you run?”\n\n"
            "The column, Navigating ObamaCare Outrage, put it this way: “All of this outrage is part of it.”\n")
    assert speakers(text) == [("“Randy Brogd", "Roll Call", ":"), ("“The country", "WaPo", ":"),
                              ("“We will be ", "the senator", "said"), ("“Will you ru", None, None),
                              ("“All of this", None, None)]


def test_source_names_the_wire_service(corpus_doc):
    (source,) = [s for s in corpus_doc.spans if s.kind == "source"]
    assert source.attrs["service"] == "Associated Press"
    assert corpus_doc.wire_service == "Associated Press"


def test_comments_start_at_line_57_and_are_not_article(corpus_doc):
    (comments,) = corpus_doc.spans_of("comments")
    assert corpus_doc.location(comments.start, comments.end).line == 57
    assert corpus_doc.article_end == comments.start


def test_clarification_inside_a_quote_is_not_an_insertion():
    text = ("Iran envoy urges calm\n\n"
            "BAGHDAD (AP) — “He [Ghaani] told us to wait until after the talks [sic],” said one militia commander.\n\n"
            "The talks resumed on Monday.\n")
    doc = notelint.parse(text)
    assert doc.spans_of("insertion") == []
    assert [text[s.start:s.end] for s in doc.spans_of("clarification")] == ["[Ghaani]", "[sic]"]
    (dateline,) = [s for s in doc.walk() if s.kind == "source"]
    assert text[dateline.start:dateline.end] == "BAGHDAD (AP) —" and dateline.attrs["service"] == "Associated Press"


def test_labelled_editor_notes_are_insertions():
    text = ("Talks stall in Vienna\n\n"
            "VIENNA (Reuters) - Negotiators left without a deal on Friday, diplomats said.\n\n"
            "The next round has not been scheduled. (Editor's note: the talks resumed a week later.)\n\n"
            "Officials declined to comment. [ZH: They always do.]\n")
    doc = notelint.parse(text)
    notes = doc.spans_of("insertion")
    assert [text[s.start:s.end] for s in notes] == ["(Editor's note: the talks resumed a week later.)",
                                                   "[ZH: They always do.]"]
    assert all(s.attrs.get("label") for s in notes)


def test_quotation_carried_across_paragraphs_is_not_unbalanced():
    text = ("Envoy’s warning\n\n"
            "“We told them to keep calm until the talks are over,” the official said. “Nobody listened.\n\n"
            "“They went ahead with the attacks anyway,” he added.\n")
    doc = notelint.parse(text)
    quotes = doc.spans_of("quote")
    assert quotes[1].attrs.get("continues") is True and quotes[1].attrs["closed"] is False
    assert doc.problems == []


@pytest.mark.parametrize("text, code, col", [
    ("Headline\n\nHe said “this will not stand, and left.\n\nNext paragraph.", "NL401", 9),
    ("Headline\n\nThe minister [who resigned in May left.\n\nNext.", "NL402", 14),
    ("Headline\n\nThe minister left] on Monday.", "NL402", 18),
])
def test_unbalanced_marks_are_problems_with_positions(text, code, col):
    doc = notelint.parse(text)
    (problem,) = doc.problems
    assert problem.code == code
    assert doc.location(problem.start, problem.end).col == col and doc.location(problem.start, problem.end).line == 3


@pytest.mark.parametrize("text", ["", "\n\n\n", "[[[[]]]]][[", "“", "\x00\x01", "[" * 10_000 + "]" * 10_000])
def test_degenerate_input_parses(text):
    doc = notelint.parse(text)
    assert sum(s.end - s.start for s in doc.spans) == len(text)


def test_unclosed_quotation_at_end_of_file():
    text = "Headline\n\nThe envoy said “we will never leave"
    doc = notelint.parse(text)
    (quote,) = doc.spans_of("quote")
    assert quote.end == len(text) and [p.code for p in doc.problems] == ["NL401"]


def test_reuters_story_shape():
    text = ("As U.S. budget fight looms, Republicans flip their fiscal script\n\n"
            "WASHINGTON (Reuters) - The head of a conservative Republican faction in the U.S. Congress called "
            "himself a “fiscal conservative” on Sunday and urged budget restraint in 2018.\n")
    doc = notelint.parse(text)
    assert [s.kind for s in doc.spans if s.kind != "break"] == ["headline", "paragraph"]
    assert doc.wire_service == "Reuters" and doc.spans_of("standfirst") == []


def test_standfirst_of_short_unattributed_sentences_before_a_one_sentence_lead():
    text = ("Iraqi Militias Defy Iran\n\n"
            "They've been told directly to knock it off. They don't care.\n\n"
            "Iraqi militia leaders rejected calls for calm, officials said.\n\n"
            "The meeting took place in Baghdad last month.\n\n"
            "Source: Associated Press\n")
    doc = notelint.parse(text)
    assert [s.kind for s in doc.spans if s.kind != "break"] == ["headline", "standfirst", "paragraph", "paragraph",
                                                                 "source"]


def test_a_two_sentence_lead_with_attribution_is_not_a_standfirst():
    text = ("Talks resume in Vienna\n\n"
            "The talks resumed on Monday. Both sides said progress was made.\n\n"
            "Negotiators met in Vienna for six hours.\n\n"
            "More talks are planned for next week, diplomats said.\n")
    assert notelint.parse(text).spans_of("standfirst") == []


def _tree(spans):
    return [(s.kind, s.start, s.end, sorted(s.attrs.items()), _tree(s.children)) for s in spans]


@pytest.mark.parametrize("markers", [(), ("MoA",)])
def test_paragraphs_with_asides_in_parentheses_read_as_without_the_shortcut(markers):
    # A paragraph past the lead with no quote or bracket mark is taken as plain when it holds no editor's
    # note; the grammar-only reading (fast_path=False) never takes that shortcut.
    rng = random.Random(11)
    pieces = ["The envoy met them.", "(Reuters)", "WASHINGTON (AP) —", "(Editor’s note: this is wrong.)",
              "(ZH: sure)", "(NYSE: IBM)", "(MoA: they lie)", "(see chart)", "(", ")", "“Calm,” he said.", "[sic]",
              "\n\n", "\n\n", "\n\n", "(Ed. note — a (nested) aside)", "Source: AP"]
    for _ in range(1_000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        fast = build_document(plain_source(text), editorial_markers=markers)
        slow = build_document(plain_source(text), editorial_markers=markers, fast_path=False)
        assert _tree(fast.spans) == _tree(slow.spans), text
        assert [(p.code, p.start) for p in fast.problems] == [(p.code, p.start) for p in slow.problems]


def test_the_grammar_is_loaded_only_for_constructs_a_resolution_rule_settles():
    # Flat brackets, and nesting in which every mark meets its partner, are read by the scanner; a bracket
    # that ends a quotation opened inside it (a resolution rule of the format) is settled by the pyparsing
    # grammar, imported on first need (~50 ms of start-up).
    flat = ("Central bank holds rates\n\nLONDON (Reuters) - “We back [the governor] fully,” the minister said "
            "[on Thursday].\n")
    nested = flat + "\nThe bank responded [it can’t be a “response” when it started this] with a cut.\n"
    ended = flat + "\nThe bank responded [it called this a “response] with a cut.\n"
    probe = ("import sys, notelint; doc = notelint.parse(sys.stdin.read()); "
             "print(len(doc.spans_of('quote')), 'pyparsing' in sys.modules)")
    for text, expected in ((flat, "1 False"), (nested, "2 False"), (ended, "2 True")):
        out = subprocess.run([sys.executable, "-c", probe], input=text, capture_output=True, text=True, check=True)
        assert out.stdout.split() == expected.split(), text


def test_quotation_carried_over_a_promo_line_and_one_left_open_at_the_end():
    # The next block after an open quotation is looked up only for the blocks that end in one: a promo
    # line between is skipped, a last paragraph has no next block, and one not reopened is unbalanced.
    text = ("Envoy’s warning\n\n"
            "“We told them to keep calm until the talks are over,” the official said. “Nobody listened.\n\n"
            "SEVEN KEY TAKEAWAYS FROM THE SUMMIT\n\n"
            "“They went ahead with the attacks anyway,” he added. “We warned them again.\n\n"
            "The ministry declined to comment on the talks.\n\n"
            "A second official said: “It is not over.\n")
    doc = notelint.parse(text)
    carried, not_reopened, last = [q for q in doc.spans_of("quote") if q.attrs["closed"] is False]
    assert carried.attrs.get("continues") is True
    assert "continues" not in not_reopened.attrs and "continues" not in last.attrs
    assert [(p.code, text[p.start]) for p in doc.problems] == [("NL401", "“"), ("NL401", "“")]
    assert [p.start for p in doc.problems] == [not_reopened.start, last.start]


# --- CRLF files read as their LF twins -------------------------------------------------------------------

def _lf_offset(crlf_text: str, offset: int) -> int:
    """The offset in the LF twin of a position in the CRLF text (each \r\n before it becomes \n)."""
    return offset - crlf_text.count("\r\n", 0, offset)


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "The port deal was signed,", "officials said.",
                                 "“We are pleased,” he said.", "  ", "HARBOR (AP) —", "[sic]"]),
                max_size=16).map("".join))
@example("Harbor deal signed\n\nThe port authority signed the deal on Monday, officials\nsaid, after two years"
         " of talks.\n\nThe deal covers three terminals.\n")
def test_a_crlf_article_has_the_blocks_of_its_lf_twin(lf_text):
    """A hard-wrapped paragraph of a Windows-saved file is one paragraph, as in the same file saved with
    LF (the block-break pattern once read a CRLF's \r and \n as two line breaks, a blank line)."""
    crlf_text = lf_text.replace("\n", "\r\n")
    lf_blocks = [(s.kind, s.start, s.end) for s in parse_text(lf_text).spans]
    crlf_blocks = [(s.kind, _lf_offset(crlf_text, s.start), _lf_offset(crlf_text, s.end))
                   for s in parse_text(crlf_text).spans]
    assert crlf_blocks == lf_blocks


def test_a_quotation_run_on_over_lines_of_one_sentence_each_reopens_at_each_line():
    # Corpora split one sentence per line, without blank lines (NLTK-split sets), keep a quotation's
    # reopening marks at its paragraphs' starts, now line starts: they continue the quotation.
    text = ("Police seize a gun under new law\n\n"
            "This report is from Seattle:\n"
            "“The city’s police department became the first agency in the state to use the new law.\n"
            "“The man refused to comply.\n"
            "Police returned with a warrant and took the firearm.”\n"
            "Several other states are considering similar laws.\n")
    doc = notelint.parse(text)
    assert doc.problems == []
    [quote] = doc.spans_of("quote")
    assert doc.text_of(quote).startswith("“The city’s") and doc.text_of(quote).endswith("the firearm.”")
    assert quote.attrs["closed"] is True
    # A quotation that opens at a line start with none open is an ordinary one, and a closed one ends there.
    wrapped = ("Talks resume\n\nThe envoy said on Monday that\n“talks will resume” next week, and\n"
               "“nothing is settled” yet.\n")
    doc = notelint.parse(wrapped)
    assert [doc.text_of(q) for q in doc.spans_of("quote")] == ["“talks will resume”", "“nothing is settled”"]


def test_an_excerpt_whose_reopening_marks_were_dropped_is_carried_to_its_closing_mark():
    # A blockquoted excerpt scraped as plain paragraphs keeps its first and last marks only.
    excerpt = ("BAIER TRACKS: OFA ON THE BENCH\n\n"
               "“It appears the administration is more worried about losing liberals than conservatives.\n\n"
               "There are already rumors on Capitol Hill that the White House is not fond of the group.\n\n"
               "Well, you could read it that way, and ‘OFA on the bench’ is one of the reasons why.” – Bret Baier.\n")
    assert notelint.parse(excerpt).problems == []
    quote = notelint.parse(excerpt).spans_of("quote")[0]
    assert quote.attrs == {"closed": False, "continues": True}
    # Not over a paragraph holding a quotation of its own, nor over more than five unmarked paragraphs.
    interrupted = excerpt.replace("Well, you could", "“Nonsense,” one aide said. Well, you could")
    assert [p.code for p in notelint.parse(interrupted).problems] == ["NL401", "NL401"]
    far = excerpt.replace("\n\nWell,", "\n\nThe vote is set for Tuesday.\n\n" * 5 + "Well,")  # six
    assert [p.code for p in notelint.parse(far).problems] == ["NL401", "NL401"]


@pytest.mark.parametrize("notice, credit, service", [
    ("Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, "
     "rewritten or redistributed.", "The Associated Press", "Associated Press"),
    ("Copyright © 2019 Riverton Public Radio. All rights reserved. Visit our website terms of use and permissions "
     "pages for further information. This text may not be in its final form and may be updated or revised in the "
     "future. Accuracy and availability may vary. The authoritative record of our programming is the audio "
     "record.", "Riverton Public Radio", None),
])
def test_a_copyright_notice_with_its_terms_is_a_credit_line_at_any_length(notice, credit, service):
    # Past the 200 characters of a credit line, a notice is still the page's, not reporting: find leaves it
    # out of an article's own text, and its holder credits the story.
    doc = notelint.parse("Court Hears Census Case\n\nWASHINGTON — The justices heard arguments on Tuesday.\n\n"
                         f"{notice}\n")
    [source] = doc.spans_of("source")
    assert doc.text_of(source) == notice
    assert (source.attrs["credit"], source.attrs["service"]) == (credit, service)


def test_a_paragraph_about_copyright_is_reporting():
    text = ("Court Hears Music Case\n\nWASHINGTON — The justices heard arguments on Tuesday.\n\n"
            "Copyright law in 2019 gives songwriters little say. Lawyers for the labels said the case could change "
            "that, and artists' groups said a ruling for the songwriters would cost streaming services billions "
            "of dollars a year, a figure the services dispute in their own filings to the court this spring.\n")
    assert notelint.parse(text).spans_of("source") == []


@pytest.mark.parametrize("paragraph", [
    "Sources close to the Duke described the move as 'the final straw', with one saying: 'He's had enough.'",
    "Credit Suisse shares fell 3 percent after the bank said it would set aside more for legal costs.",
    "Via a spokesman, the minister said the plan would go ahead on Monday.",
    "Courtesy of a loophole in the 1998 law, the company paid no tax on the sale.",
])
def test_a_paragraph_opening_with_a_credit_word_is_reporting(paragraph):
    # "Sources", "Credit", "Via" and "Courtesy" open sentences too: without a colon or dash after them (or,
    # for "Via"/"Courtesy", a name of a few words and nothing more) the paragraph is reported text, and its
    # quotations are read.
    doc = notelint.parse(f"Royal Row Deepens\n\nLONDON — The palace declined to comment.\n\n{paragraph}\n")
    assert doc.spans_of("source") == []
    assert [s.kind for s in doc.spans].count("paragraph") == 2
    if "'" in paragraph:
        assert [doc.text_of(q) for q in doc.spans_of("quote")] == ["'the final straw'", "'He's had enough.'"]


@pytest.mark.parametrize("credit, name", [
    ("Source: Reuters", "Reuters"), ("Sources - AP, Reuters", "AP, Reuters"), ("Credit: Getty Images", "Getty Images"),
    ("Via Reuters", "Reuters"), ("Courtesy of The Associated Press", "The Associated Press"),
    ("Republished from The Conversation under a Creative Commons licence.",
     "The Conversation under a Creative Commons licence"),
])
def test_credit_lines_with_and_without_a_colon(credit, name):
    doc = notelint.parse(f"Royal Row Deepens\n\nLONDON — The palace declined to comment.\n\n{credit}\n")
    [source] = doc.spans_of("source")
    assert source.attrs["credit"] == name


def test_a_comment_count_by_the_byline_does_not_start_the_comments():
    # A page prints "0 Comments" (a link to the comments) by its byline, above the story; the comments
    # themselves, after the story, start with their own heading.
    lead = ("DOHA, Jan 15 (Reuters) - Israel and Hamas have agreed to a ceasefire in Gaza and the release of "
            "hostages held by the militant group, mediator Qatar said on Wednesday, raising hopes for an end to "
            "fifteen months of fighting.")
    text = ("Israel and Hamas agree Gaza ceasefire\n\nBy Staff\n\n0 Comments\n\n" + lead +
            "\n\nThe deal takes effect on Sunday.\n\n3 Comments\n\nJim R.\n\nAbout time.\n")
    doc = build_document(plain_source(text))
    (comments,) = doc.spans_of("comments")
    assert text[comments.start:].startswith("3 Comments")
    assert doc.article_end == comments.start


def test_a_comment_count_the_stories_dateline_lead_follows_is_the_bylines():
    text = ("Israel and Hamas agree Gaza ceasefire\n\nBy Staff\n\n5 Comments\n\nDOHA, Jan 15 (Reuters) - Israel and "
            "Hamas agreed to a ceasefire.\n\nThe deal takes effect on Sunday.\n\n5 Comments\n\nJim R.\n\nAbout time.\n")
    doc = build_document(plain_source(text))
    (comments,) = doc.spans_of("comments")
    assert comments.start == text.rindex("5 Comments")
