"""Finding the original: a copy through cuts, house style, furniture and commentary; an agency update
labelled as a different version; a story quoting the same statements not matched; boilerplate shared by
many stories ignored."""
from __future__ import annotations

import pytest

from notelint import parse
from notelint.finding.index import StoryIndex, prepare_story
from notelint.finding.search import COPY, VERSION, VERSION_NOTE, Finder, reporting_text

from find_stories import HARBOR, HARBOR_OTHER_STORY, HARBOR_REPUBLISHED, HARBOR_UPDATE, STORE, TRANSIT, WILDFIRE


@pytest.fixture
def finder(tmp_path):
    path = str(tmp_path / "wire.idx")
    with StoryIndex(path, create=True) as index:
        index.add(prepare_story(source, text) for source, text in STORE.items())
    index = StoryIndex(path)
    yield Finder(index, parse_text=lambda text, source: parse(text, source))
    index.close()


def find(finder, text, **kw):
    return finder.find(parse(text, "article.txt"), **kw)


def test_a_copy_is_found_through_cuts_house_style_furniture_and_commentary(finder):
    matches = find(finder, HARBOR_REPUBLISHED)
    assert [(m.source, m.kind) for m in matches] == [("harbor.txt", COPY)]
    best = matches[0]
    assert best.lead_kept and best.note is None
    assert 0.7 < best.score <= 1 and 0.7 < best.aligned < 1  # the unmarked paragraph is the site's own
    assert 0.4 < best.story_coverage < 0.8  # cut after the seventh paragraph
    # Passages are in order on both sides and hold real text of both.
    assert [p.article for p in best.passages] == sorted(p.article for p in best.passages)
    assert [p.story for p in best.passages] == sorted(p.story for p in best.passages)
    first = best.passages[0]
    assert "The Portland harbor board on Tuesday approved" in HARBOR_REPUBLISHED[first.article[0]:first.article[1]]
    assert "The Portland harbor board on Tuesday approved" in HARBOR[first.story[0]:first.story[1]]


def test_the_story_itself_is_a_full_copy(finder):
    (best,) = find(finder, HARBOR)
    assert (best.source, best.kind, best.score, best.aligned, best.story_coverage) == ("harbor.txt", COPY, 1.0, 1.0, 1.0)


def test_an_agency_update_is_a_different_version(finder):
    matches = find(finder, HARBOR_UPDATE)
    assert [(m.source, m.kind, m.note) for m in matches] == [("harbor.txt", VERSION, VERSION_NOTE)]
    assert not matches[0].lead_kept and matches[0].aligned >= 0.7 and matches[0].story_coverage >= 0.7


def test_an_article_from_the_earlier_version_is_a_different_version_of_the_stored_update(tmp_path):
    path = str(tmp_path / "wire.idx")
    with StoryIndex(path, create=True) as index:
        index.add([prepare_story("harbor-update.txt", HARBOR_UPDATE), prepare_story("transit.txt", TRANSIT)])
    with StoryIndex(path) as index:
        finder = Finder(index, parse_text=lambda t, s: parse(t, s))
        matches = finder.find(parse(HARBOR, "a.txt"))
        assert [(m.source, m.kind) for m in matches] == [("harbor-update.txt", VERSION)]
        # Cut, with a paragraph of the site's own and the lead the update rewrote, too little is left of it.
        assert finder.find(parse(HARBOR_REPUBLISHED, "b.txt")) == []


def test_a_story_quoting_the_same_statements_is_not_a_copy(finder):
    assert find(finder, HARBOR_OTHER_STORY) == []


def test_the_copy_ranks_before_a_stored_version_of_it(tmp_path):
    path = str(tmp_path / "wire.idx")
    with StoryIndex(path, create=True) as index:
        index.add([prepare_story("update.txt", HARBOR_UPDATE), prepare_story("harbor.txt", HARBOR),
                   prepare_story("wildfire.txt", WILDFIRE)])
    with StoryIndex(path) as index:
        finder = Finder(index, parse_text=lambda t, s: parse(t, s))
        matches = finder.find(parse(HARBOR.replace("PORTLAND, Maine (Reuters) -", "PORTLAND, Maine —"), "a.txt"))
        assert [(m.source, m.kind) for m in matches] == [("harbor.txt", COPY), ("update.txt", VERSION)]
        assert [m.source for m in finder.find(parse(HARBOR, "a.txt"), top=1)] == ["harbor.txt"]


def test_unrelated_articles_and_empty_ones_match_nothing(finder):
    assert find(finder, WILDFIRE.replace("Bend", "Salem").replace("Firefighters", "Crews")) != []  # sanity
    assert find(finder, "A short note.\n") == []
    assert find(finder, "") == []
    assert find(finder, HARBOR, exclude=frozenset({"harbor.txt"})) == []


FURNITURE = ("This article is republished from our partners under a content-sharing agreement, and readers can "
             "find more of their reporting, along with our own coverage of the region, every morning in the "
             "Coastal Courier's free newsletter delivered straight to their inbox.")

BRIEFS = [
    "Officials in Salem approved a school bond on Monday after parents packed the gymnasium to ask for new roofs.",
    "Eugene's library levy failed by 212 votes, leaving the branch on the river trail without weekend hours.",
    "A bridge inspection in Medford found corroded bolts, and crews closed one lane of the span until spring.",
    "Corvallis will raise water rates by nine dollars a month to pay for a treatment plant upgrade.",
    "Albany police signed a three-year contract that adds twelve officers and a mental health response team.",
    "Bend approved a landfill permit east of town despite complaints about truck traffic on the county road.",
    "Astoria's ferry fares rise in July, the first increase since the boat was rebuilt after the storm.",
    "Newport fishermen won a grant to replace the crumbling dock at the south end of the bay front.",
    "Ashland will close the lower park trail while volunteers remove invasive blackberry from the creek banks.",
    "Hood River orchard owners asked the county for help after hail shredded a third of the pear crop.",
    "Pendleton's council delayed a vote on a downtown parking garage until the state finishes a traffic study.",
    "Roseburg opened a cooling center at the fairgrounds as temperatures neared 110 degrees on Saturday.",
    "Klamath Falls will spend its housing grant on repairs to forty homes owned by elderly residents.",
    "Tillamook dairy farmers said a new manure rule would cost each of them about forty thousand dollars.",
]


def _brief(k: int) -> str:
    place = BRIEFS[k].split()[0].rstrip("'s").rstrip(",")
    return f"{place} council news\n\n{place.upper()}, Ore. (Reuters) - {BRIEFS[k]}\n\n{FURNITURE}\n"


def test_text_that_many_stored_stories_share_is_ignored(tmp_path):
    # Fourteen stored briefs end with the same furniture paragraph; an unrelated article carrying it (and
    # a dateline lead of its own) derives from none of them, and a brief is still found.
    path = str(tmp_path / "wire.idx")
    with StoryIndex(path, create=True) as index:
        index.add(prepare_story(f"brief-{k}.txt", _brief(k)) for k in range(len(BRIEFS)))
    article = ("Library opens new wing\n\nEUGENE, Ore. (Reuters) - The city library opened a new children's wing "
               "on Saturday after two years of fundraising by parents and local businesses, the library said.\n\n"
               f"{FURNITURE}\n")
    with StoryIndex(path) as index:
        finder = Finder(index, parse_text=lambda t, s: parse(t, s))
        assert finder.common < len(BRIEFS)
        assert finder.find(parse(article, "a.txt")) == []
        assert [m.source for m in finder.find(parse(_brief(3), "b.txt"))] == ["brief-3.txt"]


def test_reporting_text_leaves_out_quotations_marks_and_short_blocks():
    doc = parse(HARBOR_REPUBLISHED, "a.txt")
    text = " ".join(doc.text[a:b] for a, b in reporting_text(doc).pieces)
    assert "The Portland harbor board on Tuesday approved" in text
    assert "wait for high tide" not in text and "deepened since 1987" not in text  # quotation
    assert "Editor's note" not in text and "Coastal Courier" not in text  # marked insertion
    assert "Advertisement" not in text and "Share this article" not in text  # furniture
    doc = parse(HARBOR, "story.txt")
    text = " ".join(doc.text[a:b] for a, b in reporting_text(doc).pieces)
    assert "(Reuters)" not in text and "fishing fleet objections" not in text  # dateline credit, headline
    lead = reporting_text(doc).dateline_lead
    assert doc.text[lead:].lstrip().startswith("The Portland harbor board")


def test_a_transcripts_turns_are_its_own_text_and_their_quotations_are_cut():
    # A broadcast's page is its speakers' turns, all of it: its reporting, which a copy of it shares.
    transcript = ("Harbor dredging divides the town\n\nHOST: This is the harbor hour. The board voted on Tuesday to "
                  "deepen the channel by six feet.\n\nENGINEER: The work starts in May and will take two years, "
                  "and the fleet called it “a disaster” at the meeting.\n\nHOST: And the cost?\n\n"
                  "ENGINEER: About forty million dollars, most of it federal money.\n")
    doc = parse(transcript, "t.txt")
    text = " ".join(doc.text[a:b] for a, b in reporting_text(doc).pieces)
    assert "The work starts in May and will take two years" in text
    assert "a disaster" not in text  # a quotation inside a turn is still cut
