"""Bias-language rules in commentary: scare quotes (NL201), loaded language (NL202), rhetorical voice (NL203)."""
from __future__ import annotations

from notelint.linting.config import load_settings
from notelint.linting.engine import lint_source


def lint(text, **overrides):
    return lint_source(text, load_settings(".", {"isolated": True, **overrides}))


def found(text, code, **overrides):
    return [(text[f.start:f.end], f.message) for f in lint(text, **overrides) if f.code == code]


def test_nl201_covers_the_quoted_word_with_its_marks():
    text = "Strikes\n\nThe administration acted. [It can’t be a “response” when the US started this war!]\n"
    assert found(text, "NL201") == [("“response”", "scare quotes around “response” in commentary: nobody is being quoted")]


def test_nl201_straight_quotes_and_the_word_limit():
    short = 'Strikes\n\nThe administration acted. [Some "response" that was, you would think!]\n'
    long = ('Strikes\n\nThe administration acted. [As the minister put it, "we will answer every attack with '
            'force" and you would think so!]\n')
    assert [t for t, _ in found(short, "NL201")] == ['"response"']
    assert found(long, "NL201") == []
    assert found(long, "NL201", options={"NL201": {"max-words": 12}}) != []


def test_nl201_not_for_partial_quotations_in_reporting():
    text = ("Militias\n\nOn June 17 he said in a televised address that they would continue to target the U.S. "
            "“occupier” and would not take nuclear talks into consideration.\n")
    assert found(text, "NL201") == []


def test_nl202_names_the_category_of_each_loaded_word():
    text = "Militias\n\nDivisions have deepened. [The regime is clearly bribing its puppets again, you would think!]\n"
    messages = dict(found(text, "NL202"))
    assert messages["regime"] == "charged term in commentary: “regime”"
    assert messages["bribing"] == "charged term in commentary: “bribing”"
    assert messages["puppets"] == "loaded term in commentary: “puppets”"
    assert messages["clearly"] == "factive verb in commentary: “clearly”"


def test_nl202_is_information_and_never_fires_in_wire_text_or_quotations():
    wire = "Militias\n\nThe regime said militias had been bribing officials, according to prosecutors.\n"
    assert found(wire, "NL202") == []
    quoted = 'Militias\n\nDivisions have deepened. [You would think they knew, after “the regime lies” was said!]\n'
    assert "regime" not in [t for t, _ in found(quoted, "NL202")]
    severities = {f.severity for f in lint(quoted) if f.code == "NL202"}
    assert severities <= {"info"}


def test_nl203_second_person_question_exclamation_and_sarcasm():
    text = ("Talks\n\nThe talks resumed on Monday. [Who do they think they are fooling? Go figure, you would "
            "think they had learned!]\n")
    messages = [m for _, m in found(text, "NL203")]
    assert "rhetorical voice in commentary: a rhetorical question" in messages
    assert "rhetorical voice in commentary: sarcasm marker “Go figure”" in messages
    assert "rhetorical voice in commentary: second person “you”" in messages
    assert "rhetorical voice in commentary: an exclamation" in messages


def test_nl203_span_of_the_second_person_in_the_corpus_insertion():
    text = ("Militias\n\nDivisions among factions have deepened. [With the US bombing some factions and bribing "
            "others to let them stay regardless, you would think they would.]\n")
    hits = [f for f in lint(text) if f.code == "NL203"]
    assert len(hits) == 1
    assert text[hits[0].start:hits[0].end] == "you"
    assert hits[0].col == text.splitlines()[2].index("you") + 1


def test_nl203_a_note_addressed_to_someone_turns_to_them():
    text = ("Council Votes\n\nThe council approved the budget on Tuesday. (Note to the council - the pension fund "
            "is still empty.)\n\nThe plan passed 5-4. [Memo to taxpayers: the bill comes next spring.]\n")
    hits = [(text[f.start:f.end], f.message) for f in lint(text) if f.code == "NL203"]
    assert hits == [("Note to the council", "rhetorical voice in commentary: a note addressed to someone (“Note to "
                     "the council”)"), ("Memo to taxpayers", "rhetorical voice in commentary: a note addressed to "
                     "someone (“Memo to taxpayers”)")]
    # A plain note, and a note whose words only mention "a note to" someone, address nobody.
    plain = ("Council Votes\n\nThe plan passed 5-4. (Note: The vote was delayed twice.)\n\nThe clerk read it aloud. "
             "[Ed. note: The clerk sent a note to the council on Monday.]\n")
    assert found(plain, "NL203") == []


def test_nl203_not_in_a_clarification_or_in_wire_text():
    text = "Talks\n\n“You [the Americans] must leave,” he said. Will they leave? Nobody knows, officials said.\n"
    assert found(text, "NL203") == []
