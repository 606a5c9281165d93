"""A plain-text suppression comment line is for the linter: it is not part of the article a diff compares."""
from __future__ import annotations

import notelint
from notelint.diffing.hunks import diff_documents

ORIGINAL = ("Council Delays Vote on Bridge\n\nThe city council on Tuesday delayed a vote on the new bridge, "
            "officials said.\n\nThe vote is now set for May.\n")


def diff(original: str, republished: str):
    return diff_documents(notelint.parse(original, "original.txt"), notelint.parse(republished, "republished.txt"))


def test_suppression_lines_draw_no_hunk():
    republished = ORIGINAL.replace("The city", "notelint: disable-next=NL301\nThe city").replace(
        "The vote", "notelint: disable=NL104\n\nThe vote")
    assert diff(ORIGINAL, republished).hunks == []


def test_real_additions_around_a_suppression_line_still_show():
    republished = ORIGINAL.replace("The city", "notelint: disable-next=NL301\nThe city").replace(
        "set for May.", "set for May. [Nobody expects it to happen!]")
    result = diff(ORIGINAL, republished)
    added = [result.republished.doc.text[slice(*result.text_span(h, "republished"))] for h in result.hunks]
    assert len(result.hunks) == 1 and "notelint" not in added[0] and "Nobody expects" in added[0]
