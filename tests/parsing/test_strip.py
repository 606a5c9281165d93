"""`strip`: the reconstructed wire text, seams repaired."""
from __future__ import annotations

import notelint
from notelint.parsing.strip import strip_document


def test_corpus_article_strips_to_its_wire_text(corpus_doc, corpus_text):
    wire = strip_document(corpus_doc)
    assert "The Biden administration has responded by twice targeting Iraqi militia groups" in wire
    assert "militias and Shiite politicians.\n\nGhaani came to meet" in wire
    assert "[" not in wire and "]" not in wire
    assert "Sam Adam" not in wire and "Leave A Reply" not in wire
    assert "They don't care." not in wire
    # every other sentence of the article is kept verbatim
    for paragraph in corpus_text[:corpus_doc.article_end].split("\n\n"):
        if "[" not in paragraph and "They don't care" not in paragraph:
            assert paragraph.strip() in wire
    assert "  " not in wire and " ," not in wire and " ." not in wire


def test_keep_standfirst_and_comments(corpus_doc):
    wire = strip_document(corpus_doc, keep_standfirst=True, keep_comments=True)
    assert "They don't care." in wire and "Leave A Reply" in wire


def test_insertion_before_punctuation_and_at_paragraph_start():
    text = ("Headline of the story\n\n"
            "The ministry confirmed the strike [you would think they would have done it years ago!], officials said.\n\n"
            "[Ed.: what follows is from Reuters.] Officials said the talks would resume.\n\n"
            "[With the US bombing some factions and bribing others, you would think they would leave.]\n\n"
            "The end.\n")
    wire = strip_document(notelint.parse(text))
    assert "confirmed the strike, officials said." in wire
    assert "\n\nOfficials said the talks would resume." in wire
    assert "bribing" not in wire and "\n\n\n" not in wire


def test_plain_text_suppression_lines_are_not_wire_text():
    text = ("Strikes in Syria\n\n"
            "notelint: disable-next=NL102\n"
            "The administration has responded [you would think they would stop] by targeting militias.\n\n"
            "notelint: disable=NL104\n\n"
            "Officials declined to comment.\n")
    wire = strip_document(notelint.parse(text))
    assert "notelint" not in wire
    assert wire == ("Strikes in Syria\n\nThe administration has responded by targeting militias.\n\n"
                    "Officials declined to comment.\n")
