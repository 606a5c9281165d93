"""Rules over quotations in every style: NL301 never inside a single-quoted quotation, NL401 only for a
mark nothing explains, NL403 taking its speaker from the paragraph before or a signed pull quote."""
from __future__ import annotations

import pytest

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source


def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def codes(text, code):
    return [text[f.start:f.end] for f in lint(text) if f.code == code]


@pytest.mark.parametrize("paragraph", [
    "'We've known for a long time that our members are underpaid,' the union leader said.",
    "‘We’ve known for a long time that you can’t run a hospital like this,’ a consultant said.",
    "The minister told MPs: 'I will not apologise for what we did. Would you?'",
    "'Do you mind if I go first?' the caller asked the presenter.",
])
def test_nl301_never_fires_inside_a_single_quoted_quotation(paragraph):
    text = ("Hospital staff walk out\n\nStaff at three hospitals walked out on Tuesday over pay.\n\n"
            f"{paragraph}\n\nTalks are due to resume next week.\n")
    assert codes(text, "NL301") == []


def test_nl301_still_fires_in_the_wire_text_of_british_copy():
    text = ("Hospital staff walk out\n\n'We want a fair deal,' a nurse said.\n\n"
            "Staff walked out on Tuesday. But who can blame them?\n")
    assert codes(text, "NL301") == ["?"]


def test_no_nl401_for_apostrophes_and_elisions_in_british_copy():
    text = ("Gig review\n\n'It was the best night of the '90s revival,' said one fan.\n\n"
            "The Joneses' son said rock 'n' roll was back, and he'd be there at nine o'clock with y'all.\n\n"
            "'Goin' home now,' he added.\n")
    assert codes(text, "NL401") == []


def test_nl401_for_a_single_quotation_left_open():
    text = ("Gig review\n\n'It was the best night of the year,' said one fan.\n\n"
            "Another said it was 'the loudest show I have ever seen. The crowd went home happy.\n\n"
            "The band plays again on Friday.\n")
    assert codes(text, "NL401") == ["'"]


def test_nl403_takes_the_speaker_from_the_paragraph_before():
    reported = ("Camp conditions\n\nAbu Karim, 50, said the tents were overcrowded.\n\n"
                "“There are not enough bathrooms. The system for screening is not working at all.”\n")
    attributed = ("Camp conditions\n\n“We are sleeping in tents, five to a tent,” said Amir Ali, a travel agent.\n\n"
                  "“There are not enough bathrooms. The system for screening is not working at all.”\n")
    british = ("Camp conditions\n\n'We are sleeping in tents, five to a tent,' said Amir Ali, a travel agent.\n\n"
               "'There are not enough bathrooms. The system for screening is not working at all.'\n")
    for text in (reported, attributed, british):
        assert codes(text, "NL403") == [], text


def test_nl403_still_fires_with_no_speaker_near():
    text = ("Camp conditions\n\nThe camp opened in March near the border.\n\n"
            "'There are not enough bathrooms. The system for screening is not working at all.'\n")
    assert codes(text, "NL403") == ["'There are not enough bathrooms. The system for screening is not working at all.'"]


def test_nl403_a_pull_quote_signed_with_a_dash_is_attributed():
    text = ("Sound Off\n\nThe week in quotes.\n\n"
            "“I don’t want the drama; I want the documents, and I want them this week.” — Rep. Jane Doe, R-Ohio\n")
    assert codes(text, "NL403") == []


def test_nl403_a_quotation_after_a_continued_one_takes_the_speaker_named_where_it_began():
    text = ("Strike vote\n\nThe union's leader, Mary Hale, said: 'We will fight this all the way. Our members "
            "are ready.\n\n'And we will win this dispute, because we are right.'\n\n"
            "'Nobody wants this strike, but nobody will back down either.'\n\nTalks resume on Monday.\n")
    assert codes(text, "NL403") == []
    unnamed = text.replace("The union's leader, Mary Hale, said:", "At the rally:")
    assert codes(unnamed, "NL403") == ["'Nobody wants this strike, but nobody will back down either.'"]
