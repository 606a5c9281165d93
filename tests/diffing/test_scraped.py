"""Scraped republications: page furniture, an original that stops short, a backtick apostrophe, a credit
line, and an original laid out one paragraph per line. The texts are written for these tests in the shapes
scraped pages have (paragraphs of a wire story wrapped in the page around it)."""
from __future__ import annotations

import json

import pytest

import notelint
from notelint.cli.main import main
from notelint.diffing.align import tokenize
from notelint.diffing.furniture import furniture_reason
from notelint.diffing.hunks import diff_documents
from notelint.parsing.document import build_document
from notelint.reading.layout import laid_out, one_paragraph_per_line
from notelint.reading.source import plain_source

HEADLINE = "Port town votes to dredge its northern channel"
STORY = [
    "HARBORVILLE, Maine (AP) — Voters in this port town approved a plan on Tuesday to dredge the northern "
    "channel, ending a two-year dispute over where the spoil from the work should be dumped.",
    "The measure passed by 1,412 votes to 1,187, the town clerk said. Work could begin in the spring if state "
    "regulators sign off on a disposal site offshore.",
    "Fishermen from three villages along the estuary had opposed the plan, arguing that silt stirred up by the "
    "dredgers would smother the mussel beds their families have worked for generations.",
    "“We were promised a proper study and we never saw one,” said Ellen Marsh, who speaks for the fishermen’s "
    "cooperative. “We don’t know what this will do to the beds.”",
    "The harbor authority says deeper water is needed so that larger container ships can reach the port "
    "without waiting for high tide, and that an independent survey found no lasting harm to shellfish.",
    "The authority’s director, Paul Okafor, said the first dredgers could arrive in April. He said the town "
    "would publish the survey before then.",
    "Opponents said they would ask a state court to halt the work until a second study is done, a process "
    "their lawyer said could take most of the summer.",
    "The port handled about 40,000 containers last year, a fifth fewer than a decade ago, according to the "
    "authority, which blames the shallow channel for the decline.",
    "State regulators are expected to rule on the disposal site by the end of the month.",
]
ORIGINAL = "\n\n".join([HEADLINE, *STORY]) + "\n"


def diff(original: str, republished: str):
    return diff_documents(notelint.parse(original, "original.txt"), notelint.parse(republished, "republished.txt"))


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


# --- What page furniture looks like -----------------------------------------------------------------------

@pytest.mark.parametrize("text, reason", [
    ("Advertisement", "widget"),
    ("COMMERCIAL BREAK SCROLL TO CONTINUE READING", "widget"),
    ("Share on Facebook Share on Twitter", "widget"),
    ("Continue Reading Below", "widget"),
    ("Story continues below advertisement", "widget"),
    ("Back to Gallery", "widget"),
    ("Now Playing:", "widget"),
    ("Sign up for our newsletter", "widget"),
    ("Image 3 of 7", "caption"),
    ("In this March 3, 2021, file photo, dredgers work in the harbor at Harborville, Maine. (AP Photo/Jane Roe)",
     "caption"),
    ("FILE - Container ships wait outside the harbor in Harborville, Maine, on May 2, 2020.", "caption"),
    ("Photo: Jane Roe, AP", "caption"),
    ("Dredgers in the northern channel last spring. Jane Roe / Getty Images", "caption"),
    ("(Jane Roe/The Harbor Gazette)", "caption"),
    ("Updated 4:12 PM EDT, Tuesday, March 9, 2021", "timestamp"),
    ("March 9, 2021 / 4:12 PM", "timestamp"),
    ("15m ago", "timestamp"),
    ("By Jane Roe and John Doe, Associated Press", "credit"),
    ("Source: Associated Press", "credit"),
    ("The Associated Press", "credit"),
    # A wire story's contributor line, every sentence of it: the agency's credit, not the republisher's words.
    ("Roe reported from Harborville. Associated Press writer John Q. Doe in Portland, Maine, also contributed to "
     "this report.", "credit"),
    ("Associated Press writers Jane Roe and John Doe contributed reporting.", "credit"),
    ("Jane Roe in Portland contributed to this report.", "credit"),
    ("Additional reporting by Jane Roe in Portland; Editing by John Doe", "credit"),
    ("news now The Associated Press — By JANE Q. ROE and JOHN DOE - Associated Press", "credit"),  # a long byline
    ("window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());",
     "script"),
    # A caption with no credit, in the agencies' form: the present tense, the picture's date last.
    ("Ellen Marsh speaks at a meeting of the fishermen’s cooperative in Harborville, Maine, on May 3, 2019.",
     "caption"),
    ("R. Kelly performs at the BET Awards in Los Angeles in 2013.", "caption"),
    # The outlet's appeal to its readers, set between the story's paragraphs.
    ("Help us deliver journalism that makes a difference in our community.", "promo"),
    ("Local reporting takes time and money. If you value our journalism, please consider subscribing today.",
     "promo"),
    ("Get the Harbor Gazette's top stories in your inbox every morning with our free newsletter.", "promo"),
    ("Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.", "promo"),
    # A player's and a link list's notices, and a caption's label kept without its colon.
    ("Media playback is unsupported on your device", "widget"),
    ("These are external links and will open in a new window", "widget"),
    ("You may also like", "widget"),
    ("Related Topics", "widget"),
    ("Image caption Dredgers work in the northern channel of the harbor last spring", "caption"),
    ("Image copyright Getty Images", "caption"),
    ("Americas+1 212 318 2000", "navigation"),  # a contact box's line
    ("Newsroom: (212) 555-0100", "navigation"),
    # Pointers and tags, a site's notices and bylines, boxes of weather, markets and counters.
    ("RELATED: Harbor dredging plan heads to state court", "navigation"),
    ("Related video: Fishermen rally against the channel plan (WHBR)", "navigation"),
    ("Tags: harbor | dredging | fishing", "navigation"),
    ("Maine", "navigation"),
    ("Harbor Gazette", "navigation"),
    ("LOCAL NEWS", "navigation"),
    ("Story by Ellen Marsh", "credit"),
    ("© Copyright 2024 Harbor Gazette, 12 Wharf Street, Harborville, ME | Terms of Use | Privacy Policy", "credit"),
    ("This article was automatically imported from a syndication feed.", "credit"),
    ("This story was originally published March 5, 2023, 8:14 AM.", "credit"),
    ("Harbor Deals is reader-supported. When you buy through our links, we may earn an affiliate commission.",
     "credit"),
    ("Dredgers work in the northern channel on Tuesday.(WHBR)", "caption"),
    ("AP Photo/Robert F. Bukaty, File", "caption"),
    ("Harborville 71° Cloudy", "widget"),
    ("Wind: NE 18 mph", "widget"),
    ("Coastal Flood Advisory in effect until 6 PM EDT", "widget"),
    ("^GSPC", "widget"),
    ("Acme Shipping Corp. (ACME) +2.15%", "widget"),
    ("1.2k", "widget"),
    ("Loading ...", "widget"),
    ("Add a Comment", "widget"),
    ("Terms of Use", "widget"),
    ("U.S.", "navigation"),
    ("Published: 08:14 EDT, 1 September 2024 | Updated: 09:03 EDT, 1 September 2024", "timestamp"),
    ("Coastal Flood Warning in effect until 6 PM EDT for York, Cumberland and Sagadahoc counties", "widget"),
    ("Download the Harbor Gazette app for the latest tides and storm alerts.", "promo"),
    ("Get the Harbor Business newsletter", "promo"),
    ("Harbor authority director Paul Okafor speaks at a meeting. REUTERS/Jane Roe", "caption"),
    ("Dredgers work in the northern channel. Photo: File", "caption"),
    ("Fishermen rally outside Harborville town hall in September.", "caption"),
    # Session 17: menus joined on one line, the page's own title, bylines with a colon, stamps ending in
    # "p.m.", captions by position or "in this photo", credit lines, a form's short sentences, foot notices.
    ("Home | News | Business | Agriculture | Sports | Opinion | Obituaries", "navigation"),
    ("Business News › Markets › Commodities › Harbor dredging contract goes to Baltic firm", "navigation"),
    ("Harbor plan faces a court fight as fishermen sue | Harbor Gazette", "navigation"),
    ("Port town votes to dredge its northern channel – Coastal Daily News", "navigation"),
    ("By: Associated Press", "credit"),
    ("Author: Associated Press", "credit"),
    ("Updated: March 11, 2024 6:20 p.m.", "timestamp"),
    ("Last Updated: Dec 06, 2024, 10:31:00 AM IST", "timestamp"),
    ("Originally Published: August 17, 2024 at 4:22 PM CDT", "timestamp"),
    ("Ann Hale, center, speaks to fishermen outside the harbor authority in Harborville, Maine.", "caption"),
    ("A dredger works the northern channel in this 2019 file photo.", "caption"),
    ("This undated photo provided by the harbor authority shows the northern channel.", "caption"),
    ("Representative image", "caption"),
    ("Leah Morrow/The Harbor Gazette", "credit"),
    ("NOAA via AP", "credit"),
    ("Link copied!", "widget"),
    ("Please enter a search term.", "widget"),
    ("You are the owner of this article.", "widget"),
    ("+66.12%", "widget"),
    ("3.", "widget"),
    ("Gazette Media acknowledges the traditional owners of the land on which we work.", "promo"),
    ("Risk Disclosure: Trading in financial instruments involves high risks including the risk of losing some, "
     "or all, of your investment amount.", "promo"),
    ("Help power reporting like this on the coast of Maine.", "promo"),
    ("For the latest news, weather and sports, head to Harbor Gazette.", "promo"),
    ("Download The Harbor Gazette News App to get daily updates.", "promo"),
    ("Do Not Sell or Share My Personal Information", "promo"),
    ("Click to share on Facebook (Opens in new window)", "widget"),
    ("Read Time: 2 min", "widget"),
    ("A Coastal Media Station © 2002-2024 Coastal Television, Inc.", "credit"),
    ("Powered by BLOX Content Management System from TownNews.com.", "credit"),
    ("I would like to be emailed about offers, events and updates from the Harbor Gazette.", "promo"),
    ("Get more from the Harbor Gazette", "promo"),
    ("Home | News | Markets | Market Data | Industry | Politics | Wealth | Tech | Careers | Opinion | Harbor | "
     "Fisheries | Weather | Obituaries | Classifieds", "navigation"),
])
def test_page_furniture_is_told_by_its_form(text, reason):
    assert furniture_reason(text) == reason


@pytest.mark.parametrize("text", [
    *STORY,
    "Critics say the plan is a giveaway to developers.",
    "This is the end of the story",  # short, no period, but not made of interface words
    "The harbor authority is lying again",
    "Harborville has 4,100 registered voters.",
    "Getty Images, the photo agency, said on Tuesday it had bought the archive of the Harbor Gazette, whose "
    "pictures of the port go back to 1890.",  # names a photo agency in a sentence of reporting; ends a sentence
    "100%",
    # A sentence about reporting or contributions is not a contributor line.
    "The mayor said he reported from the harbor's own records that the dredging was late.",
    "Critics said the developers contributed to this report's conclusions, which the authority denied.",
    "This is outrageous. The AP contributed to this report, and it is a disgrace.",
    # Reporting about subscriptions names who said it; a republisher's own plea to its readers is commentary.
    "“We need our subscribers now more than ever,” the Gazette's publisher, Ann Hale, told the meeting.",
    "The Gazette lost 2,000 subscribers last year, its owner said.",
    "Don't let them fool you: this dredging deal is a giveaway, and we will keep saying so.",
    # Reporting puts a past event in the past tense; two sentences are no caption.
    "Ellen Marsh spoke at a meeting of the cooperative in Harborville on May 3, 2019.",
    "The harbor authority publishes its survey in 2020. Fishermen say it will be too late.",
    "New rules will take effect in May",  # "new", "will" and "may" alone make no widget
    "Turnout was 41 percent",  # a short line with a number is no telephone
    "Winds reached 90 mph on the coast, the weather service said.",  # a sentence of reporting
    "Acme shares rose 2.15% on Tuesday",
    "The plan was first published in 2019 and revised twice.",
    "Related problems followed within weeks.",
    "Maine Governor Janet Mills",  # four words: no tag
    "Harbor plan faces a court fight",
    "The new window factory will open in May",
    "The vote - the third this year - was close.",  # a dash inside a sentence is no title's
    "The bill passed 52-48 - a narrow win for the harbor's opponents.",
    "Ann Hale, the mayor, said the channel would be dredged in May.",  # an apposition, not a position
    "He will not run.",
    "The company said it would not sell personal information, regulators said.",
    "The authority's lawyers said the user agreement was never signed.",
])
def test_reporting_and_commentary_are_not_furniture(text):
    assert furniture_reason(text) is None


# --- Furniture in the diff --------------------------------------------------------------------------------

@pytest.mark.parametrize("top", ["Purchase: Order Reprint", "e-mail"])
def test_a_page_scraped_without_its_headline_changed_none(top):
    # The scrape's first line is a widget, read as the page's headline: the page has no headline to compare.
    republished = page(top, *STORY)
    result = diff(ORIGINAL, republished)
    assert "NL505" not in [f.code for f in result.findings]
    assert [h.rule for h in result.hunks if h.kind == "furniture" and h.region == "headline"] == ["widget"]
    # A real headline of the republisher's own is still a change.
    assert "NL505" in [f.code for f in diff(ORIGINAL, page("Harbor Plan Is a Giveaway", *STORY)).findings]


def test_page_furniture_is_a_hunk_kind_of_its_own_and_not_an_error():
    republished = page(
        "Share on Facebook Share on Twitter",
        HEADLINE,
        "Updated 4:12 PM EDT, Tuesday, March 9, 2021",
        STORY[0], STORY[1],
        "Advertisement",
        STORY[2],
        "In this March 3, 2021, file photo, dredgers work in the harbor at Harborville, Maine. (AP Photo/Jane Roe)",
        STORY[3],
        "COMMERCIAL BREAK SCROLL TO CONTINUE READING",
        STORY[4], STORY[5],
        "Critics say the plan is a giveaway to developers.",  # the one editorial insertion
        STORY[6], STORY[7], STORY[8],
        "Source: Associated Press",
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());",
        "Most Read Stories",
    )
    result = diff(ORIGINAL, republished)
    furniture = [(h.rule, republished[slice(*result.text_span(h, "republished"))]) for h in result.hunks
                 if h.kind == "furniture"]
    assert [rule for rule, _ in furniture] == ["widget", "timestamp", "widget", "caption", "widget", "credit",
                                               "script", "widget"]
    assert [f.code for f in result.findings] == ["NL502"]
    assert "giveaway" in result.findings[0].message
    summary = result.summary()
    assert summary["furniture"] == 8 and summary["unmarked_insertion"] == 1 and summary["marked_insertion"] == 0
    # The share is of the article, not of the page around it: one sentence of ten paragraphs.
    assert 0.01 < summary["not_wire_share"] < 0.05
    assert result.summary_line().startswith("0 marked insertions, 1 unmarked insertion, 0 deletions, "
                                            "0 replacements, 0 moved, 0 style, 8 page furniture; ")


def hunk_texts(result, republished: str) -> list[tuple[str, str | None, str]]:
    """Each hunk's kind, rule and republished text."""
    return [(h.kind, h.rule, republished[slice(*result.text_span(h, "republished"))]) for h in result.hunks]


def test_a_short_line_at_the_edge_of_the_page_is_navigation_but_not_inside_the_article():
    republished = page("Local News", HEADLINE, *STORY[:4], "Harbor plan faces a court fight", *STORY[4:],
                       "More from the Harbor Gazette")
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert ("furniture", "navigation", "Local News") in got
    assert ("furniture", "widget", "More from the Harbor Gazette") in got  # a list heading
    # A line the republisher set among the wire paragraphs is theirs: still an unmarked insertion.
    assert ("unmarked_insertion", None, "Harbor plan faces a court fight") in got


def test_furniture_scraped_with_the_original_is_not_a_deletion():
    original = page(HEADLINE, STORY[0], "Advertisement", *STORY[1:], "Close")
    result = diff(original, ORIGINAL)
    assert [(h.kind, h.rule) for h in result.hunks] == [("furniture", "widget"), ("furniture", "widget")]
    assert result.findings == []


def test_a_credit_line_is_furniture_not_a_marked_insertion():
    result = diff(ORIGINAL, ORIGINAL + "\nSource: Associated Press\n")
    assert [(h.kind, h.rule, h.region) for h in result.hunks] == [("furniture", "credit", "source")]
    assert result.summary()["not_wire_share"] == 0.0


def test_furniture_is_shown_only_when_asked_for(tmp_path, capsys):
    a, b = tmp_path / "original.txt", tmp_path / "republished.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(page(HEADLINE, STORY[0], "Advertisement", *STORY[1:]), encoding="utf-8")
    assert main(["diff", "--color", "never", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "Advertisement" not in out and "1 page furniture" in out
    assert main(["diff", "--color", "never", "--show-furniture", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "{%Advertisement%}" in out and "{%page furniture%}" in out


# --- An original that stops short --------------------------------------------------------------------------

def test_an_original_cut_short_is_said_to_be_so_and_the_rest_is_not_an_insertion():
    original = page(HEADLINE, *STORY[:3])
    result = diff(original, ORIGINAL)
    assert {h.kind for h in result.hunks} == {"beyond_original"}
    assert result.findings == []
    ends = result.original_ends
    assert ends["line"] == 9 and ends["why"] == "it looks cut short"
    assert ends["words_after"] == sum(1 for t in tokenize(page(*STORY[3:])).canons if t[0].isalnum())
    assert result.summary()["not_wire_share"] == 0.0
    assert result.summary_line().endswith("; the original stops at line 9 of the republished article (it looks "
                                          f"cut short): {ends['words_after']} words after that are not compared")


def test_an_original_cut_in_mid_sentence_is_said_to_be_so_even_when_little_follows():
    cut = ORIGINAL.index("the end of the month")
    result = diff(ORIGINAL[:cut], ORIGINAL + page("", STORY[5], STORY[6]).strip() + "\n")
    assert result.original_ends is not None and result.original_ends["why"] == "it stops in mid-sentence"
    assert result.findings == []


def test_commentary_appended_to_a_complete_story_is_still_an_unmarked_insertion():
    commentary = ("Once again the fishermen who built this town are pushed aside so that shipping companies can "
                  "make more money, and the so-called independent survey was paid for by the harbor itself.")
    result = diff(ORIGINAL, ORIGINAL + "\n" + commentary + "\n")
    assert result.original_ends is None
    assert [(h.kind, f.code) for h, f in zip(result.hunks, result.findings)] == [("unmarked_insertion", "NL502")]


# --- Apostrophes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("apostrophe", ["`", "´", "ʼ", "'"])
def test_a_typed_apostrophe_is_not_an_altered_quotation(apostrophe):
    republished = ORIGINAL.replace("We don’t know", f"We don{apostrophe}t know")
    assert republished != ORIGINAL
    result = diff(ORIGINAL, republished)
    assert result.hunks == [] and result.findings == []


def test_a_changed_word_beside_a_backtick_apostrophe_is_still_an_altered_quotation():
    result = diff(ORIGINAL, ORIGINAL.replace("We don’t know what", "We don`t care what"))
    assert [f.code for f in result.findings] == ["NL501"]


# --- One paragraph per line --------------------------------------------------------------------------------

def test_hard_wrapped_text_is_not_taken_for_one_paragraph_per_line():
    import textwrap

    wrapped = "\n".join(textwrap.wrap(" ".join(STORY), 72))
    assert not one_paragraph_per_line(wrapped)
    assert one_paragraph_per_line("\n".join([HEADLINE, *STORY]))
    assert not one_paragraph_per_line(ORIGINAL)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lines_become_paragraphs_with_offsets_into_the_file(newline):
    text = newline.join([HEADLINE, *STORY]) + newline
    source = laid_out(plain_source(text, "a.txt"))
    assert source.line_paragraphs and source.text == text  # read in place: no copy, offsets the file's own
    doc = build_document(source)
    paragraphs = [doc.text_of(block) for block in doc.spans if block.kind not in ("break", "headline")]
    assert paragraphs == STORY


def test_a_one_line_per_paragraph_original_beside_a_blank_line_republication(tmp_path, capsys):
    a, b = tmp_path / "original.txt", tmp_path / "republished.txt"
    a.write_text("\r\n".join([HEADLINE, *STORY]) + "\r\n", encoding="utf-8")
    changed = ORIGINAL.replace("the town clerk said", "the town clerk, Ann Lee, said")
    b.write_text(changed, encoding="utf-8")
    assert main(["diff", "--output-format", "json", str(a), str(b)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["original"]["text"], h["republished"]["text"]) for h in data["hunks"]] == [
        ("unmarked_insertion", "", ", Ann Lee,")]
    assert data["hunks"][0]["original"]["line"] == 3  # the file's own line: one paragraph to a line
    assert main(["diff", "--output-format", "side-by-side", "--width", "200", str(a), str(b)]) == 1
    table = capsys.readouterr().out
    # The changed paragraph's row shows that paragraph of the original, not the whole article.
    assert "town clerk" in table and "Voters in this port town" not in table and "mussel beds" not in table


def test_a_caption_repeating_the_lead_does_not_take_its_place_in_the_alignment():
    # A gallery caption repeats the story's first sentence; further down, the page sets the dateline on a
    # line of its own above the lead, so neither copy of the sentence matches the original's exactly and
    # the first (the caption's) would be taken.
    dateline, sentence = STORY[0].split(" — ", 1)
    caption = ("In this March 3, 2021, file photo, dredgers work in the harbor at Harborville, Maine. "
               + sentence[0].upper() + sentence[1:] + " (AP Photo/Jane Roe)")
    republished = page(HEADLINE, caption, dateline, sentence, *STORY[1:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert got[0] == ("furniture", "caption", caption)
    assert ("unmarked_insertion", None, sentence) not in got  # the lead is aligned with the original's


def test_the_same_furniture_on_both_pages_is_no_change():
    with_furniture = page(HEADLINE, STORY[0], "Advertisement", *STORY[1:], "Source: Associated Press")
    assert diff(with_furniture, with_furniture).hunks == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINE = st.text(st.sampled_from("ab é\t—“”’😀"), min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=3, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_every_line_maps_back_to_its_place_in_the_file(lines, newline):
    lines = [*lines[:-1], lines[-1] * 8]  # one line longer than hard wrapping leaves
    text = newline.join(lines) + newline
    source = laid_out(plain_source(text, "a.txt"))
    assert source.text == text  # read in place either way
    doc = build_document(source)
    blocks = [block for block in doc.spans if block.kind != "break"]
    if not one_paragraph_per_line(text):
        assert not source.line_paragraphs
        return
    # One block to a line, each where the line is in the file (indentation stays in a block, as it does
    # between blank lines; trailing white space does not).
    assert [doc.text_of(block).strip() for block in blocks] == [line.strip() for line in lines]
    for number, block in enumerate(blocks, 1):
        assert doc.location(block.start, block.end).line == number


def test_a_line_of_furniture_inside_a_paragraph_is_furniture():
    # The scrape kept the ad slot's label on a line of its own, inside the paragraph it interrupted.
    words = STORY[4].split(" ")
    interrupted = " ".join(words[:12]) + "\nCOMMERCIAL BREAK SCROLL TO CONTINUE READING\n" + " ".join(words[12:])
    republished = ORIGINAL.replace(STORY[4], interrupted)
    result = diff(ORIGINAL, republished)
    assert [(h.kind, h.rule) for h in result.hunks] == [("furniture", "widget")]
    assert result.findings == []
    # The same words run into a sentence are the republisher's: still an insertion.
    inline = ORIGINAL.replace(STORY[4], " ".join(words[:12]) + " scroll to continue reading " + " ".join(words[12:]))
    assert [h.kind for h in diff(ORIGINAL, inline).hunks] == ["unmarked_insertion"]


def test_the_first_item_under_a_list_heading_is_furniture():
    # A "Trending News" box scraped between two paragraphs: its heading is a widget, and the headline of the
    # story it links to, a short line under it, is the box's too. A short line with no such heading above it
    # is still the republisher's.
    republished = page(HEADLINE, *STORY[:3], "Trending News", "Mayor Reed Interview", *STORY[3:4],
                       "Harbor plan faces a court fight", *STORY[4:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert ("furniture", "widget", "Trending News") in got
    assert ("furniture", "navigation", "Mayor Reed Interview") in got
    assert ("unmarked_insertion", None, "Harbor plan faces a court fight") in got


def test_every_item_under_a_list_heading_is_furniture_up_to_the_next_paragraph():
    # A box of video links scraped between two paragraphs: each line a title with its source's name after
    # it, some longer than a short line, none a sentence. The paragraph after the box is the story again,
    # and a line after that paragraph is the republisher's.
    videos = ["Port Authority Chief Says Dredging Will Begin in April as Planned Harbor Gazette Video",
              "Fishermen Rally Against the Channel Plan Outside Town Hall Coastal News",
              "Mussel Prices Hit a Record High as Beds Shrink Along the Estuary Coast TV",
              "Five Ports Racing to Take Bigger Ships Business Daily"]
    republished = page(HEADLINE, *STORY[:3], "LATEST BUSINESS VIDEOS", *videos, *STORY[3:5],
                       "Harbor plan faces a court fight", *STORY[5:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert ("furniture", "widget", "LATEST BUSINESS VIDEOS") in got
    assert [text for kind, rule, text in got if rule == "navigation"] == videos
    assert ("unmarked_insertion", None, "Harbor plan faces a court fight") in got


def test_a_link_title_printed_twice_and_the_item_under_a_list_heading_inside_a_paragraph_run_are_furniture():
    # A CMS's "Related Content" box between two paragraphs, its one link's title also printed above the lead
    # (as the page's teaser): neither is the republisher's. The last paragraph of the story runs straight
    # into the box, so the box's lines are not a hunk of their own.
    republished = page(HEADLINE, "Mussel beds at risk", *STORY[:3], "Related Content", "Mussel beds at risk",
                       *STORY[3:5], "Harbor plan faces a court fight", *STORY[5:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert [text for kind, rule, text in got if rule == "navigation"] == ["Mussel beds at risk"] * 2
    assert ("unmarked_insertion", None, "Harbor plan faces a court fight") in got
    assert not any(kind in ("unmarked_insertion", "replacement") and "Mussel" in text for kind, _, text in got)


def test_the_pages_title_printed_over_the_story_and_a_paragraph_printed_twice_are_furniture():
    # The page's title line carries the site's name; its heading over the story does not. A gallery prints
    # one caption under each picture. A kicker between the headline and a caption is the page's too.
    caption = "Fishermen unload their catch at the Harborville pier, where the channel has silted up."
    republished = page(f"{HEADLINE} | Harbor Gazette", "Harbor Business", caption, HEADLINE, caption, *STORY[:4],
                       "Harbor plan faces a court fight", *STORY[4:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert ("furniture", "navigation", HEADLINE) in got
    assert ("furniture", "navigation", "Harbor Business") in got
    assert [text for kind, rule, text in got if rule == "caption"] == [caption, caption]
    assert [text for kind, _, text in got if kind in ("unmarked_insertion", "replacement")
            and text != "| Harbor Gazette"] == ["Harbor plan faces a court fight"]  # the site's name: NL505's


def test_a_videos_text_under_its_player_is_furniture():
    # A video box scraped between two paragraphs: the player's label, the video's title and description (a
    # paragraph of sentences), its provider. A paragraph between an advertisement and a caption is still the
    # republisher's.
    video = ("Fishermen Rally Against the Channel Plan Fishermen from three villages marched on the town hall on "
             "Saturday to protest the dredging plan. They say the silt will smother the mussel beds.")
    added = "The dredging plan is a giveaway to the shipping lines, and the town will regret it."
    caption = "In this March 3, 2021, file photo, dredgers work in the harbor at Harborville, Maine."
    republished = page(HEADLINE, *STORY[:3], "Now Playing:", video, "Media: Coastal Video", *STORY[3:6],
                       "Advertisement", added, caption, *STORY[6:])
    got = hunk_texts(diff(ORIGINAL, republished), republished)
    assert ("furniture", "caption", video) in got
    assert ("unmarked_insertion", None, added) in got


@pytest.mark.parametrize("line, heading", [
    ("LATEST BUSINESS VIDEOS", True), ("Most Read Stories", True), ("More from Bloomberg", True),
    ("Trending News", True), ("Related Coverage:", True),
    ("Latest on the harbor dispute", False), ("The most popular mussel beds are upriver.", False),
    ("Top officials met on Tuesday to review the harbor plan and the dredging contract", False),
])
def test_list_headings(line, heading):
    from notelint.diffing.furniture import is_list_heading
    assert is_list_heading(line) is heading


def test_a_line_that_is_only_the_sites_address_is_furniture():
    republished = page(HEADLINE, "HarborGazette.com", *STORY)
    assert [(h.kind, h.rule) for h in diff(ORIGINAL, republished).hunks] == [("furniture", "navigation")]
    assert furniture_reason("www.harbor-gazette.co.uk") == "navigation"
    # A name or a tag alone (the site's, a topic link's) is a label; a line with words of its own is not.
    assert furniture_reason("Harbor Gazette") == "navigation"
    assert furniture_reason("Harbor Gazette readers react") is None


def test_a_dateline_dropped_or_added_is_house_style():
    lead_city, lead_rest = STORY[0].split(" (AP) — ", 1)
    without = ORIGINAL.replace(STORY[0], lead_rest)
    for original, republished in ((ORIGINAL, without), (without, ORIGINAL)):
        result = diff(original, republished)
        assert [(h.kind, h.rule) for h in result.hunks] == [("style", "dateline")]
        assert result.findings == []
    # A line in capitals inside a paragraph is no dateline: still the republisher's.
    shouting = ORIGINAL.replace(STORY[2], STORY[2].replace("arguing that", "arguing\nTHE TOWN IS WRONG\nthat"))
    assert "NL502" in [f.code for f in diff(ORIGINAL, shouting).findings]


@pytest.mark.parametrize("original_top, republished_top, changed", [
    # The page's title with the site's name after it is the same headline.
    (HEADLINE, HEADLINE + " | Harbor Gazette", False),
    (HEADLINE + " - Coastal News", HEADLINE, False),
    # A page, or a stored original, without a headline has none to compare.
    ("Purchase: Order Reprint", HEADLINE, False),
    (HEADLINE, "By The Associated Press", False),
    (HEADLINE, "Harbor Plan Is a Giveaway | Harbor Gazette", True),
])
def test_headline_changes_between_scraped_pages(original_top, republished_top, changed):
    result = diff(page(original_top, *STORY), page(republished_top, *STORY))
    assert ("NL505" in [f.code for f in result.findings]) is changed


def test_a_page_that_stops_short_after_its_appeal_to_readers_deletes_the_rest():
    # A scrape that kept the first paragraphs, a sign-up box and the outlet's appeal, and nothing after: the
    # rest of the story is deleted, not replaced by the appeal, and the dateline set on a line of its own is
    # the same dateline.
    lead_city, lead_rest = STORY[0].split(" (AP) — ", 1)
    republished = page(HEADLINE, "HARBORVILLE, Maine", lead_rest, *STORY[1:3], "SIGN UP",
                       "Help us deliver journalism that makes a difference in our community.",
                       "Our journalism takes time and effort. If you read and enjoy it, please consider subscribing "
                       "today.")
    result = diff(ORIGINAL, republished)
    assert [f.code for f in result.findings if f.code == "NL502"] == []
    assert {h.rule for h in result.hunks if h.kind == "furniture"} >= {"widget", "promo"}
    assert any(h.kind == "deletion" for h in result.hunks)
