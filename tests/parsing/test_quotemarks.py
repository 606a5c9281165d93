"""Quotation marks read in context (parsing/quotemarks.py) and what the document makes of them.

British style (single primary marks, straight or curly), apostrophes and elisions that never open a
quotation, and messy marks (stray, reversed, doubled) whose effect stays in their sentence or paragraph.
Every text here is written for these tests in the shapes real copy has.
"""
from __future__ import annotations

import random

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.parsing.document import parse_text
from notelint.parsing.grammar import parse_paragraph
from notelint.parsing.quotemarks import DOUBLE, SINGLE, _read_marks, canonical, primary_style, single_candidates
from notelint.parsing.scan import scan_paragraph


def quotes(text: str) -> list[str]:
    """The text of every quotation span, in document order (nested ones after their parent)."""
    doc = parse_text(text)
    return [text[s.start:s.end] for top in doc.spans for s in top.walk() if s.kind == "quote"]


def quote_spans(text: str):
    doc = parse_text(text)
    return [s for top in doc.spans for s in top.walk() if s.kind == "quote"]


def problems(text: str) -> list[tuple[str, str]]:
    return [(p.code, text[p.start:p.end]) for p in parse_text(text).problems]


# -- British style ------------------------------------------------------------------------------------

BRITISH = (
    "Council 'will not back down' over bin collections, says leader\n\n"
    "The leader of Brackley council said the authority would 'not be bullied' by the union.\n\n"
    "'We have made our offer and it's a fair one,' Councillor Jane Pryce said on Tuesday. 'The residents "
    "of this town deserve better than rubbish piling up in the streets.'\n\n"
    "A union spokesman described the council's position as 'deeply disappointing'.\n\n"
    "'Our members haven't had a proper rise since the '90s. They keep the town running.\n\n"
    "'Nobody wants a strike, but rock 'n' roll on the picket line at six o'clock is what they'll get,' "
    "he added.\n"
)


def test_straight_single_quotations_are_quotations_in_british_copy():
    found = quotes(BRITISH)
    assert "'will not back down'" in found  # the headline
    assert "'not be bullied'" in found
    assert "'We have made our offer and it's a fair one,'" in found
    assert ("'The residents of this town deserve better than rubbish piling up in the streets.'") in found
    assert "'deeply disappointing'" in found
    assert problems(BRITISH) == []


def test_single_quotations_are_attributed_like_double_ones():
    (spans,) = [[s for s in quote_spans(BRITISH) if BRITISH[s.start:s.end].startswith("'We have")]]
    assert spans[0].attrs["speaker"] == "Councillor Jane Pryce"
    assert spans[0].attrs["verb"] == "said"


def test_a_single_quotation_is_continued_over_paragraphs():
    spans = quote_spans(BRITISH)
    opened = next(s for s in spans if BRITISH[s.start:s.end].startswith("'Our members"))
    assert opened.attrs == {"closed": False, "continues": True}
    assert BRITISH[opened.start:opened.end].endswith("running.")  # ’90s inside did not close it
    closing = next(s for s in spans if BRITISH[s.start:s.end].startswith("'Nobody"))
    assert BRITISH[closing.start:closing.end].endswith("they'll get,'")
    assert closing.attrs["closed"] is True and closing.attrs["verb"] == "added"


def test_curly_single_quotations_with_double_ones_inside():
    text = ("Minister defends plan\n\n"
            "‘I told them plainly: “No more delays”, and they agreed,’ the minister said.\n\n"
            "She called the earlier scheme ‘a shambles’ and ‘frankly embarrassing’. It wasn’t her first.\n")
    found = quotes(text)
    assert "‘I told them plainly: “No more delays”, and they agreed,’" in found
    assert "“No more delays”" in found
    assert "‘a shambles’" in found and "‘frankly embarrassing’" in found
    assert problems(text) == []


def test_an_inner_single_quotation_in_american_copy():
    text = ("Senator Says Deal Is Close\n\n"
            "“When he told me ‘we’re done talking,’ I knew it was over,” the senator said on Monday.\n\n"
            "The senator's office called the report 'inaccurate' in a statement.\n")
    found = quotes(text)
    assert found[:2] == ["“When he told me ‘we’re done talking,’ I knew it was over,”", "‘we’re done talking,’"]
    # Double primary marks: a single-quoted word outside a quotation stays text.
    assert "'inaccurate'" not in found


def test_an_american_headline_quotes_with_single_marks_and_the_body_with_double():
    text = ("Mayor calls budget 'a disgrace' as council votes\n\n"
            "The mayor called the budget “a disgrace” on Monday. It's the city's largest.\n\n"
            "“We can't go on like this,” she said.\n")
    found = quotes(text)
    assert "'a disgrace'" in found and "“a disgrace”" in found and "“We can't go on like this,”" in found


def test_british_copy_with_as_many_inner_double_quotations_as_single_ones():
    # Half the single quotations hold a double one: the openings are near even, and each paragraph's
    # first quotation opens with a single mark.
    text = ("Mother tells of terror as car mounts pavement\n\n"
            "A mother has described the moment a car mounted the pavement outside a school in Leeds.\n\n"
            "'I told him, \"You can't park there,\" and he just laughed,' said Sarah Collins, 34.\n\n"
            "Police said the driver, 52, had been arrested.\n\n"
            "A neighbour said: 'The phrase \"accident waiting to happen\" gets used a lot round here.'\n")
    found = quotes(text)
    assert "'I told him, \"You can't park there,\" and he just laughed,'" in found
    assert "\"You can't park there,\"" in found
    assert "'The phrase \"accident waiting to happen\" gets used a lot round here.'" in found
    speakers = {text[s.start:s.end][:8]: s.attrs.get("speaker") for s in quote_spans(text)}
    assert speakers["'I told "] == "Sarah Collins" and speakers["'The phr"] == "A neighbour"
    # One paragraph of it, too few marks for a count to say much: the first opening mark decides.
    assert quotes("Court hears of abuse\n\n'He shouted \"get out\" at me and I ran,' the woman told the court.\n") == [
        "'He shouted \"get out\" at me and I ran,'", '"get out"']
    # American copy near even the other way round: its single marks open inside double quotations.
    american = ("Senator Says Deal Is Close\n\n"
                "\"When he told me 'we're done talking,' I knew it was over,\" the senator said.\n\n"
                "\"He said 'never' twice,\" an aide said.\n")
    assert primary_style(american, american.index("\n\n")) == DOUBLE
    assert quotes(american)[0].startswith("\"When he told me")


def test_primary_style_counts_opening_marks_not_apostrophes():
    assert primary_style("He said 'no' and 'never' to the 'offer'. It's over.") == SINGLE
    assert primary_style("He said “no” and it's Iran's last offer in the '90s.") == DOUBLE
    assert primary_style("Don't, can't, won't, o'clock, y'all, the Joneses' dog.") == DOUBLE  # the default
    assert primary_style("No marks at all.", default=SINGLE) == SINGLE


# -- apostrophes ---------------------------------------------------------------------------------------

APOSTROPHE_TEXTS = [
    "don’t", "Iran’s", "’90s", "the Joneses’ dog", "rock ’n’ roll", "o’clock", "y’all", "'em", "'tis",
    "don't", "Iran's", "'90s", "the Joneses' dog", "rock 'n' roll", "o'clock", "y'all", "’em", "goin' home",
    "don`t", "the class of '08.",
    # A year elided after a word naming a time or an event, a word after it too.
    "the '08 crash", "since ’16 the", "from '99 onward",
]


def test_apostrophes_and_elisions_never_open():
    # A closing role may remain (the Joneses’ dog): with nothing open it closes nothing and is text.
    for piece in APOSTROPHE_TEXTS:
        text = f"Residents said {piece} was the word of the {piece} summer."
        roles, marks = canonical(text)
        assert "‘" not in roles, (piece, roles)
        for style in ("british", "american"):
            context = "'Yes,' she said. 'Soon.'" if style == "british" else "“Yes,” she said."
            assert quotes(f"Headline Here\n\n{context}\n\n{text}\n")[-1] in ("'Soon.'", "“Yes,”"), piece


def test_an_elided_year_inside_a_british_quotation_does_not_open_another():
    text = ("Pub Rent Doubles\n\nHe said: 'We survived the smoking ban, the '08 crash and the pandemic.'\n\n"
            "'20 years on, nothing has changed,' she said.\n")
    assert quotes(text) == ["'We survived the smoking ban, the '08 crash and the pandemic.'",
                            "'20 years on, nothing has changed,'"]  # a year opening a quotation still opens it


def test_a_backtick_apostrophe_does_not_break_a_quotation():
    text = "Rail Strike\n\n'We don`t want this, but we`ll strike,' the union leader said. 'It`s the only way.'\n"
    assert quotes(text)[:2] == ["'We don`t want this, but we`ll strike,'", "'It`s the only way.'"]


def test_a_plural_possessive_inside_a_single_quotation_does_not_close_it():
    text = "Pay Deal\n\n'The players' union will not accept this offer,' he said. It was 'final'.\n"
    assert quotes(text)[:2] == ["'The players' union will not accept this offer,'", "'final'"]


def test_a_closing_mark_before_a_lower_case_word_closes_a_partial_quotation():
    text = "Row Deepens\n\nHe called the inquiry a 'witch hunt' on Sunday and said: 'It's over.'\n"
    assert quotes(text)[:2] == ["'witch hunt'", "'It's over.'"]


WORDS = st.sampled_from(["the", "council", "said", "Iran", "talks", "on", "Monday", "rates", "rose", "5"])
APOSTROPHISED = st.sampled_from(["don’t", "Iran’s", "’90s", "the Joneses’", "rock ’n’ roll", "o’clock", "y’all",
                                 "don't", "Iran's", "'90s", "the Joneses'", "rock 'n' roll", "o'clock", "y'all",
                                 "don`t", "it’s", "’em", "'em", "can't", "the '80s"])


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(WORDS, APOSTROPHISED), min_size=1, max_size=25), st.booleans())
def test_apostrophes_never_open_a_quotation(words, british):
    """Text holding no quotation, only apostrophes and elisions: no quotation, no NL401, in either style.
    (A British context is made by a quotation in another paragraph.)"""
    body = " ".join(words) + "."
    context = "'We will see,' she said. 'Soon.'" if british else "“We will see,” she said."
    text = f"Headline Here\n\n{context}\n\n{body}\n"
    doc = parse_text(text)
    paragraph = doc.spans[-2] if doc.spans[-1].kind == "break" else doc.spans[-1]
    assert text[paragraph.start:paragraph.end] == body
    assert [s for s in paragraph.walk() if s.kind == "quote"] == []
    assert [p for p in doc.problems if paragraph.start <= p.start < paragraph.end] == []


# -- messy marks ----------------------------------------------------------------------------------------

def test_one_stray_straight_mark_does_not_flip_the_later_pairs():
    text = ('Budget Talks\n\n"We have a deal, the chairman said. "It is done." Aides called it "historic" '
            'and "overdue" on Friday.\n')
    found = quotes(text)
    assert '"historic"' in found and '"overdue"' in found
    assert problems(text) == []  # the slip is read as printed, not carried on


def test_a_measure_in_inches_is_no_quotation_mark():
    # 6" of snow and a 6'2" forward: a straight double mark after a digit with no straight mark open to
    # close, or ending feet and inches, is an inch mark, not a stray.
    text = ('Snow Buries Denver\n\nThe storm dropped 6" of snow overnight, and officials said "more is coming" '
            'on Friday.\n\n“We got 14" in the yard,” one resident said.\n\n'
            '"He is 6\'2" and fast," the coach said of the 6’11" centre.\n')
    assert quotes(text) == ['"more is coming"', '“We got 14" in the yard,”', '"He is 6\'2" and fast,"']
    assert problems(text) == []
    # After a digit inside an open straight quotation it may close it, as any closing mark does.
    assert quotes('Score\n\nThe coach said "it ended 3-2" and left.\n') == ['"it ended 3-2"']
    assert quotes('Score\n\n"We won 3-2" and "we deserved it," he said.\n') == ['"We won 3-2"', '"we deserved it,"']
    # Unless a lower-case word follows and a later mark closes the quotation: then it measures.
    text = 'Main Bursts\n\nHe said: "The 12" pipe burst at 3 a.m." Crews worked through the night.\n'
    assert quotes(text) == ['"The 12" pipe burst at 3 a.m."'] and problems(text) == []


def test_reversed_curly_marks_are_read_by_their_shape():
    text = "Court Ruling\n\nThe judge called the claim ”without merit“ and dismissed it. “Next case,” she said.\n"
    assert quotes(text)[:2] == ["”without merit“", "“Next case,”"]
    assert problems(text) == []


def test_an_opening_mark_that_ends_its_paragraph_closes():
    # A straight mark typed after a space, which smart quotes turned into an opening one: it opens nothing.
    text = ("Spotify chief on rivals\n\nEk responded: “That’s for other people to judge at the end of the day. “\n\n"
            "Rivals have cut prices.\n")
    assert quotes(text) == ["“That’s for other people to judge at the end of the day. “"]
    assert problems(text) == []
    # Alone at a paragraph's end it is a stray closing mark, reported once.
    assert [p.code for p in parse_text("Prices\n\nRivals have cut prices. “\n").problems] == ["NL401"]


def test_doubled_marks_read_as_one():
    text = 'Vote Count\n\nThe clerk said ""every ballot counts"" before the recount began.\n'
    assert quotes(text) == ['""every ballot counts""']
    assert problems(text) == []


def test_an_outer_closing_mark_ends_an_unclosed_inner_quotation_without_a_finding():
    text = ("House Vote\n\n“It is another thing if the House would say, 'Mr Smith, you are not giving us the "
            "information we need,” he said.\n")
    found = quotes(text)
    assert found[0].endswith("we need,”")
    assert problems(text) == []


def test_a_quotation_carried_past_a_promo_line_and_closed_without_reopening():
    text = ('Hearing Ends\n\n"We went item by item on both of those subpoenas.\n\n'
            "TEN THINGS TO KNOW ABOUT THE WATCHDOG REPORT\n\n"
            'And there is going to be action on the floor this week," he continued. "We will get compliance."\n')
    spans = quote_spans(text)
    assert spans[0].attrs.get("continues") is True
    assert problems(text) == []


def test_a_quotation_left_open_with_nothing_to_carry_it_is_still_reported():
    text = "Talks Resume\n\n“We will not stop, said the commander on Monday.\n\nThe talks went on.\n"
    assert problems(text) == [("NL401", "“")]


SENTENCES = st.sampled_from([
    "The council met on Monday.", "Rates rose by a quarter point.", "Officials declined to comment.",
])


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=3), st.integers(0, 3), st.sampled_from(['"', "“", "”", "'", "‘", "’"]),
       st.booleans())
def test_a_stray_mark_changes_only_its_own_paragraph(sentences, where, stray, british):
    """A stray mark added to one paragraph leaves every quotation of the other paragraphs as it was
    (the one before may be read as carried on, no more)."""
    open_, close = ("'", "'") if british else ("“", "”")
    paragraphs = [
        f"{open_}We are ready for the vote,{close} the speaker said.",
        " ".join(sentences),
        f"Aides called the plan {open_}bold{close} and {open_}overdue{close} on Friday.",
        f"{open_}It's time,{close} she said. {open_}Let's go.{close}",
    ]
    clean = "Vote Looms\n\n" + "\n\n".join(paragraphs) + "\n"
    words = paragraphs[1].split(" ")
    words.insert(where % (len(words) + 1), stray)
    messy_paragraphs = paragraphs[:1] + [" ".join(words)] + paragraphs[2:]
    messy = "Vote Looms\n\n" + "\n\n".join(messy_paragraphs) + "\n"
    shift = len(messy) - len(clean)
    stray_end = messy.index(messy_paragraphs[1]) + len(messy_paragraphs[1])

    clean_spans = [(s.start, s.end) for s in quote_spans(clean)]
    messy_spans = [(s.start, s.end) for s in quote_spans(messy)]
    para_start = messy.index(messy_paragraphs[1])
    # Quotations before the messy paragraph are unchanged; those after it are shifted by the mark.
    before = [s for s in clean_spans if s[1] <= para_start]
    after = [(a + shift, b + shift) for a, b in clean_spans if a > para_start]
    assert [s for s in messy_spans if s[1] <= para_start] == before
    assert [s for s in messy_spans if s[0] > stray_end] == after


# -- the grammar and the fast path agree on roles --------------------------------------------------------

def test_grammar_and_fast_path_agree_on_fuzzed_role_strings_in_both_styles():
    rng = random.Random(13)
    alphabets = ["ab [\t]“”\"‘’'\n", "[[]]“”\"‘’‘’a", "x ‘y’ “z” [w] don’t"]
    for i in range(800):
        text = "".join(rng.choice(alphabets[i % 3]) for _ in range(rng.randint(0, 50)))
        for singles_at_top in (False, True):
            assert ([n.as_tuple() for n in parse_paragraph(text, singles_at_top)]
                    == [n.as_tuple() for n in scan_paragraph(text, None, singles_at_top)]), repr(text)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,'’‘“”\"[]`-(\n")), max_size=60))
def test_canonical_keeps_length_and_only_touches_marks(text):
    roles, marks = canonical(text)
    assert len(roles) == len(text)
    for a, b in zip(text, roles):
        assert a == b or a in "'‘’“”\"", (text, roles)
    assert marks == sorted(marks)
    assert all(roles[m] in "“”\"‘’[]" for m in marks)
    assert single_candidates(text) == [i for i, c in enumerate(text) if c in "'‘’"
                                        and not (i > 0 and i + 1 < len(text) and text[i - 1].isalnum()
                                                 and text[i + 1].isalnum())]


def test_a_bracket_scopes_the_straight_mark_recovery():
    text = 'Summit\n\n"It worked. [Using the term "Rocket Man"] is a way of getting people to talk," she said.\n'
    found = quotes(text)
    assert found[0] == '"It worked. [Using the term "Rocket Man"] is a way of getting people to talk,"'
    assert '"Rocket Man"' in found
    assert problems(text) == []


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,“”[]—(\n")), max_size=40))
def test_curly_marks_in_place_are_read_as_their_glyphs_without_the_mark_by_mark_reading(text):
    positions = [i for i, c in enumerate(text) if c in "“”[]"]
    assert canonical(text, positions, singles=False) == _read_marks(text, positions, False)


def test_a_plural_possessive_before_a_capitalised_word_does_not_close_a_quotation():
    text = "Vote\n\n'We saw the Democrats' Senate majority vanish overnight,' he said.\n"
    assert quotes(text) == ["'We saw the Democrats' Senate majority vanish overnight,'"]


def test_an_interrupted_quotation_and_a_british_speech_verb():
    text = "Interview\n\n'I was going to say-' he began, before the line went dead.\n"
    (span,) = quote_spans(text)
    assert text[span.start:span.end] == "'I was going to say-'"
    assert (span.attrs["speaker"], span.attrs["verb"]) == ("he", "began")


def test_wiki_markup_runs_of_straight_marks_are_not_quotations():
    text = ("Pivot counties\n\nThis article is from the ''Chicago Tribune''. It was written by '''Claire Doe''' "
            "of the ''Daily Courier'', and it is about [[Vigo County, Indiana|Vigo County]].\n\n"
            "'We're a bellwether,' a county official said.\n")
    assert quotes(text) == ["'We're a bellwether,'"]
    assert problems(text) == []


def test_a_single_quotation_closed_by_a_double_mark_is_closed_as_printed():
    headline = "'Fix it or nix it,\" minister says of the deal\n\nThe minister spoke on Monday.\n"
    assert quotes(headline) == ["'Fix it or nix it,\""]
    nested = ("Lost Children\n\n'These children are not 'lost,\"' a spokeswoman told the paper. 'They are with "
              "their sponsors.'\n")
    assert quotes(nested)[:2] == ["'These children are not 'lost,\"'", "'lost,\""]
    assert problems(headline) == problems(nested) == []


def test_a_quotation_left_open_ends_where_another_opens_a_sentence_inside_it():
    # Its closing mark is missing: the quotation opening a sentence is another, with its own speaker, and
    # what the open one would have swallowed is reporting again.
    text = ("Results Day\n\nHe said the company’s “best years are ahead. Analysts disagreed. “The numbers say "
            "otherwise,” one said [and the numbers are right].\n")
    spans = quote_spans(text)
    assert [(text[s.start:s.end], s.attrs.get("speaker")) for s in spans] == [
        ("“best years are ahead. Analysts disagreed. ", "He"), ("“The numbers say otherwise,”", "one")]
    assert [s.attrs["closed"] for s in spans] == [False, True]
    assert problems(text) == [("NL401", "“")]
    assert parse_text(text).problems[0].message == "quotation opened here is not closed before the next one opens"
    (bracket,) = [s for top in parse_text(text).spans for s in top.walk() if text[s.start:s.end].startswith("[and")]
    assert bracket.attrs["in_quote"] is False


def test_a_reaction_piece_run_into_one_paragraph_gives_each_quotation_its_own_span_and_speaker():
    text = ("Markets react\n\n“The bond market is reassessing the whole thing now. “Stocks had priced this in,” she "
            "said. JOHN ROE, CHIEF ANALYST, ACME BANK, LONDON: “We expect a pause. It will not last long.\n")
    spans = quote_spans(text)
    assert [text[s.start:s.end][:12] for s in spans] == ["“The bond ma", "“Stocks had ", "“We expect a"]
    assert spans[1].attrs["speaker"] == "she" and spans[2].attrs["speaker"] == "JOHN ROE"


def test_a_quotation_nested_within_a_sentence_or_inside_a_closed_one_stays_nested():
    within = "Probe\n\nHe called the probe “a “witch hunt” and worse, and left the room.\n"
    assert [len(list(s.walk())) for s in quote_spans(within)[:1]] == [2]  # the outer holds the inner
    closed = "Probe\n\n“He told me to stop. “Go home.” Then he left,” she said.\n"
    outer = quote_spans(closed)[0]
    assert outer.attrs["closed"] and [c.kind for c in outer.children] == ["quote"]
    # Straight marks read as printed, as before: a slip closes the pair it opened.
    assert '"It is done."' not in quotes('Budget\n\n"We have a deal, the chairman said. "It is done." Aides cheered.\n')


def test_a_closing_mark_after_a_word_that_cannot_end_in_an_apostrophe_closes_before_a_stray():
    # The opening mark of the second quotation was dropped: its closing mark is the stray, and the first
    # quotation still ends at moon' (a word no apostrophe ends, as the players' or goin' would).
    text = ("Actor Lands Role\n\nThe 34-year-old said he was 'over the moon' and added: It's the role of a "
            "lifetime, so this one's personal.'\n")
    assert quotes(text) == ["'over the moon'"]


@pytest.mark.parametrize("word", ["the players'", "goin'", "rock 'n'", "good ol'", "Gonzalez'"])
def test_a_word_that_ends_in_an_apostrophe_leaves_a_quotation_open_past_it(word):
    text = f"Fans Rally\n\n'We saw {word} way of doing things,' he said. 'It's over.'\n"
    assert quotes(text)[:2] == [f"'We saw {word} way of doing things,'", "'It's over.'"]


@pytest.mark.parametrize("paragraph, quotation, speaker", [
    ("“We are not going anywhere, the union leader said. Talks resume Monday, and “nothing is settled,” he added.",
     "“We are not going anywhere,", "the union leader"),
    ("“We’re going to fight as hard as ever to protect the law, said Representative Jane Roe. Others were "
     "less sure.", "“We’re going to fight as hard as ever to protect the law,", "Representative Jane Roe"),
])
def test_a_quotation_left_open_ends_at_the_comma_before_its_attribution(paragraph, quotation, speaker):
    text = f"Strike Talks Stall\n\nDETROIT (AP) — Talks broke down on Friday, officials said.\n\n{paragraph}\n"
    doc = parse_text(text)
    found = [(text[s.start:s.end], s.attrs.get("speaker")) for top in doc.spans for s in top.walk() if s.kind == "quote"]
    assert found[0] == (quotation, speaker)
    assert [p.message for p in doc.problems if p.code == "NL401"] == [
        "quotation opened here is not closed before its attribution"]


def test_an_excerpt_of_a_report_left_open_keeps_the_reports_own_attribution():
    # A newsletter quoting a news report, its excerpt run on into the next paragraph: the report's own
    # "…, said Tuesday he's …" is inside the excerpt, not the excerpt's attribution.
    text = ("Ryan Keeps Options Open\n\nFrom the AP:\n\n“Rep. Paul Ryan, the most recent Republican nominee for vice "
            "president, said Tuesday he's keeping his options open about a run.\n\n“Ryan said he would decide "
            "next year.”\n")
    assert quotes(text)[0].startswith("“Rep. Paul Ryan") and quotes(text)[0].endswith("about a run.")
