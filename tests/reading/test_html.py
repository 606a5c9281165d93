"""HTML articles: the story out of a whole page, with exact positions back into the .html file."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import notelint
from notelint.reading.html import read_html
from notelint.reading.formats import read_source
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HTML_FIXTURE = FIXTURES / "iraqi-militias-republished.html"
TXT_FIXTURE = FIXTURES / "iraqi-militias-republished.txt"

INSERTION_1 = ("[it can’t be a “response” when the US started this war and is continuing it by staying "
               "when it has been told to leave]")
INSERTION_2 = ("[With the US bombing some factions and bribing others to let them stay regardless, "
               "you would think they would.]")


def _normalize(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _visible(raw_html: str) -> str:
    """What a slice of the page shows: tags and comments removed, entities decoded, spaces collapsed."""
    without_comments = re.sub(r"<!--.*?-->", "", raw_html, flags=re.S)
    return _normalize(html.unescape(re.sub(r"<[^>]*>", "", without_comments)))


def assert_offsets_exact(source) -> None:
    """Every segment of the offset map slices the page to the text it stands for."""
    offsets = source.offsets
    segments = list(zip(offsets.text_starts, offsets.text_ends, offsets.orig_starts, offsets.orig_ends))
    assert segments[0][0] == 0 and segments[-1][1] == len(source.text)
    previous_end = 0
    for t0, t1, o0, o1 in segments:
        assert t0 == previous_end, "segments tile the text"
        previous_end = t1
        piece = source.text[t0:t1]
        raw = source.original[o0:o1]
        if o0 == o1:
            assert piece == "\n\n", "only block separators have no origin"
        elif t1 - t0 == o1 - o0:
            assert piece == raw
        elif raw.startswith("&"):
            assert html.unescape(raw) == piece
        elif piece == "\n":
            assert re.fullmatch(r"</?br\s*/?>", raw, re.I) or (raw.isspace() and raw.count("\n") >= 2), raw
        else:
            assert (piece, raw[:2]) in (("“", "<q"), ("”", "</")), (piece, raw)


def assert_words_map_back(source) -> int:
    count = 0
    for m in re.finditer(r"\w+", source.text):
        start, end = source.original_start(m.start()), source.original_end(m.end())
        assert source.original[start:end] == m.group(), (m.group(), start, end)
        count += 1
    return count


def blocks_of(source) -> list[tuple[str, str]]:
    return [(role, source.text[a:b]) for a, b, role in source.blocks]


@pytest.fixture(scope="module")
def page():
    return read_source(str(HTML_FIXTURE))


@pytest.fixture(scope="module")
def txt_text():
    return TXT_FIXTURE.read_text(encoding="utf-8")


def test_fixture_article_text_is_the_plain_article(page, txt_text):
    assert page.format == "html"
    article = txt_text[:txt_text.index("\n\n  1. Sam Adam says")]
    comments_start = page.blocks[-1][0]
    assert _normalize(page.text[:comments_start]) == _normalize(article)
    assert INSERTION_1 in page.text and INSERTION_2 in page.text


def test_fixture_blocks_headline_first_comments_last(page, txt_text):
    roles = [role for _, _, role in page.blocks]
    assert roles[0] == "heading"
    assert roles[-1] == "comments" and roles.count("comments") == 1
    assert set(roles[1:-1]) == {"paragraph"}
    article = txt_text[:txt_text.index("\n\n  1. Sam Adam says")]
    assert len(page.blocks) - 1 == article.count("\n\n") + 1
    assert blocks_of(page)[1][1].startswith("They've been told directly")  # &#39; decoded
    assert blocks_of(page)[-2] == ("paragraph", "Source: Associated Press")
    assert page.metadata["title"] == "Iraqi Militias Defy Iran by Attacking US Forces"
    assert page.metadata["author"] == "Associated Press"


def test_fixture_page_chrome_and_widgets_are_left_out(page):
    for chrome in ("Skip to content", "Middle East", "Against the empire", "Share this", "Twitter", "Email",
                   "Recent Posts", "Tags:", "Privacy", "Posted on", "July 13, 2021", "NewsArticle", "margin",
                   "Post Comment", "Your email address", "editor: cut", "PMF fighters parade", "ads.push",
                   "Anti-Empire", "<", "&rsquo;", "&#8220;"):
        assert chrome not in page.text, chrome


def test_fixture_comment_section_is_one_block(page):
    start, end, role = page.blocks[-1]
    comments = page.text[start:end]
    assert comments.startswith("Sam Adam says\n\nThe Covid operation is best characterised as a franchise")
    for part in ("Keep the pressure on during the talks", "No, just keep killing the snakes",
                 "Don’t the Iranians know", "as ‘enemy’ states", "Leave A Reply"):
        assert part in comments, part
    assert comments.count("Jerry Hood says") == 2
    assert "\n\nReply\n\n" not in comments  # the reply links are widgets
    # The <br> in the first comment is one line break, not a paragraph break.
    assert "global fear.\nFor most western countries" in comments


def test_fixture_offsets_slice_the_page(page):
    assert_offsets_exact(page)
    assert assert_words_map_back(page) > 1200


def test_fixture_quotes_and_insertions_slice_the_page(page):
    original = page.original
    lines = original.split("\n")
    quotes = list(re.finditer(r"“[^“”]*”", page.text[:page.blocks[-1][0]]))
    assert len(quotes) == 10  # the nine quotations and the scare quote “response” in the insertion
    for m in quotes + [re.search(re.escape(INSERTION_1), page.text), re.search(re.escape(INSERTION_2), page.text)]:
        o0, o1 = page.original_start(m.start()), page.original_end(m.end())
        assert _visible(original[o0:o1]) == _normalize(m.group())
        line, col = page.line_col(o0)
        assert lines[line - 1][col - 1:].startswith(original[o0:o1].split("\n")[0])
    first = page.text.index(INSERTION_1)
    o0 = page.original_start(first)
    assert original[o0:o0 + 14] == "[it can&rsquo;" or original[o0:o0 + 15] == "[it can&#8217;t"


def test_inline_elements_and_blockquote_do_not_break_a_paragraph():
    src = read_html("<article><h1>Title</h1><p>&ldquo;We <em>will</em> <a href='x'>respond</a>,&rdquo; he "
                    "said, <blockquote>&ldquo;in <strong>our</strong> own time.&rdquo;</blockquote> and left."
                    "</p><p>Next.</p></article>", None)
    assert blocks_of(src) == [("heading", "Title"),
                              ("paragraph", "“We will respond,” he said, “in our own time.” and left."),
                              ("paragraph", "Next.")]
    assert_offsets_exact(src)


def test_breaks_q_elements_entities_and_blank_lines():
    src = read_html("<main><p>Line one<br>\n   line two<br/>line three</p>\n<p>He said <q>no</q>&nbsp;twice"
                    " &amp; left&hellip; &bogus; 3 &lt; 4</p><p>Wrapped\n\n\n   text</p></main>", None)
    assert blocks_of(src) == [("paragraph", "Line one\nline two\nline three"),
                              ("paragraph", "He said “no”\xa0twice & left… &bogus; 3 < 4"),
                              ("paragraph", "Wrapped\ntext")]
    assert_offsets_exact(src)


@pytest.mark.parametrize("page_html", [
    # itemprop=articleBody, with the headline above it
    "<div class='site'><h1>Strike on base</h1><div itemprop='articleBody'><p>Body one.</p><p>Body two.</p>"
    "</div><div class='related'><p>Other story</p></div></div>",
    # <main>
    "<nav><p>Home</p></nav><main><h1>Strike on base</h1><p>Body one.</p><p>Body two.</p></main><footer><p>(c)</p></footer>",
    # no landmarks at all: the element with the most paragraph text
    "<body><div id='top'><p>Home</p><p>About</p></div><h1>Strike on base</h1><div class='x'><p>Body one.</p>"
    "<p>Body two.</p></div><div class='y'><p>Hi</p></div></body>",
])
def test_article_body_is_found_as_readers_find_it(page_html):
    src = read_html(page_html, None)
    assert blocks_of(src) == [("heading", "Strike on base"), ("paragraph", "Body one."), ("paragraph", "Body two.")]
    assert_offsets_exact(src)


def test_largest_article_wins_over_teasers_and_comment_articles():
    src = read_html("<article><p>Teaser.</p></article><article><h1>Main</h1><p>" + "Long body. " * 20 +
                    "</p></article><section id='comments'><article class='comment'><p>" + "Reader text. " * 40 +
                    "</p></article></section>", None)
    assert blocks_of(src)[0] == ("heading", "Main")
    assert blocks_of(src)[-1][0] == "comments" and blocks_of(src)[-1][1].startswith("Reader text.")
    assert "Teaser" not in src.text


def test_widgets_inside_paragraphs_are_left_out_whole():
    src = read_html('<article><p>Story <span class="share-count"><span>12</span> shares</span> goes on.</p>'
                    '<p>By <span class="author">AP</span> <em>staff</em><span class="screen-reader-text">Posted on'
                    '</span></p></article>', None)
    assert blocks_of(src) == [("paragraph", "Story  goes on."), ("paragraph", "By AP staff")]


def test_leave_a_reply_heading_starts_the_comments():
    src = read_html("<article><h1>Title</h1><p>Story.</p><h3>Leave a Reply</h3><p>Nice piece.</p>"
                    "<p>Rubbish.</p></article>", None)
    assert blocks_of(src) == [("heading", "Title"), ("paragraph", "Story."),
                              ("comments", "Leave a Reply\n\nNice piece.\n\nRubbish.")]


def test_suppression_comments_scripts_and_styles_stay_out():
    src = read_html("<article><!-- notelint: disable=NL102 --><p>Story [sic] text.</p><script>var a = '<p>x</p>';"
                    "</script><style>p{}</style></article>", None)
    assert src.text == "Story [sic] text."
    assert_offsets_exact(src)


def test_crlf_page_positions():
    src = read_html("<html>\r\n<body>\r\n<article>\r\n<h1>Title</h1>\r\n<p>First line\r\nsecond &ldquo;quote&rdquo;</p>"
                    "\r\n</article>\r\n</body>\r\n</html>\r\n", None)
    assert blocks_of(src) == [("heading", "Title"), ("paragraph", "First line\r\nsecond “quote”")]
    assert_offsets_exact(src)
    o = src.original_start(src.text.index("second"))
    assert src.line_col(o) == (6, 1)


@pytest.mark.parametrize("name, body, expected", [
    ("unclosed tags", "<article><h1>Title<p>One <em>two <p>Three <div>Four", ["Title", "One two", "Three", "Four"]),
    ("stray end tags", "</p></div><article></span><p>One</p></p></p><p>Two</li></article></article>", ["One", "Two"]),
    ("unclosed comment", "<article><p>One</p><!-- never closed <p>Hidden</p>", ["One"]),
    ("unclosed script", "<article><p>One</p><script>if (a < b) { x = '<p>' }", ["One"]),
    # a quote left open in a tag: the tag ends at the next ">" instead of swallowing the page
    ("unbalanced quote", "<article><p class=\"x>One</p><p>Two</p></article>", ["One", "Two"]),
    ("literal less-than", "<article><p>3 < 4 and 5 <= 6 &amp; AT&T</p></article>", ["3 < 4 and 5 <= 6 & AT&T"]),
    ("cut-off tag", "<article><p>One</p></ar", ["One"]),
    ("unclosed list items", "<article><ul><li>One<li>Two<li>Three</ul></article>", ["One", "Two", "Three"]),
])
def test_malformed_pages_parse_sanely(name, body, expected):
    src = read_html(body, None)
    assert [text for _, text in blocks_of(src)] == expected, name
    if src.text:
        assert_offsets_exact(src)


def test_huge_malformed_pages_complete_in_linear_time():
    story = "<p>Militia attacks have &ldquo;only&rdquo; increased.</p>"
    cases = {
        "nested divs": "<div>" * 1_000_000 + story + "</div>" * 1000,  # 5 MB
        "unclosed tags": ("<div><span class=x><p>" + story) * 20_000,
        "stray end tags": "</p></div></span>" * 200_000 + story,
        "unclosed attribute quotes": '<a href="x' * 100_000 + "\n" + story,
        "unclosed comments": "<!-" * 400_000 + story,
        "many cut-off end tags": "</a " * 300_000 + story,
    }
    for name, page_html in cases.items():
        assert len(page_html) > 1_000_000
        src = read_html(page_html, None)
        assert "Militia attacks have “only” increased." in src.text or name == "unclosed attribute quotes", name
        assert src.blocks is not None


def test_empty_and_text_only_pages():
    assert read_html("", None).text == ""
    src = read_html("Just a line of text, no markup.", None)
    assert blocks_of(src) == [("paragraph", "Just a line of text, no markup.")]


# -- through the parser ---------------------------------------------------------------------------------------
SPAN_KINDS = ("headline", "standfirst", "insertion", "quote", "source")


def _spans(doc) -> list[tuple[str, str]]:
    return [(s.kind, _normalize(doc.text_of(s))) for s in doc.walk() if s.kind in SPAN_KINDS]


def test_html_page_parses_to_the_same_spans_as_plain_text(page):
    plain = notelint.parse_source(read_source(str(TXT_FIXTURE)))
    doc = notelint.parse_source(page)
    expected = _spans(plain)
    assert _spans(doc) == expected
    kinds = [k for k, _ in expected]
    assert kinds.count("insertion") == 2 and kinds.count("headline") == 1 and kinds.count("standfirst") == 1
    assert kinds.count("quote") >= 9 and ("source", "Source: Associated Press") in expected
    assert [s.kind for s in doc.spans if s.kind == "comments"] == ["comments"]
    assert [s.kind for s in plain.spans if s.kind == "comments"] == ["comments"]


def test_html_span_locations_slice_the_page(page):
    doc = notelint.parse_source(page)
    checked = 0
    for span in doc.walk():
        if span.kind in SPAN_KINDS:
            loc = doc.location(span.start, span.end)
            assert _visible(page.original[loc.start:loc.end]) == _normalize(doc.text_of(span)), span
            line_text = page.original.split("\n")[loc.line - 1]
            assert line_text[loc.col - 1:].startswith(page.original[loc.start:loc.end].split("\n")[0])
            checked += 1
    assert checked >= 14


def _check_json(path: Path, capsys) -> list[dict]:
    import json

    from notelint.cli.main import main

    capsys.readouterr()
    main(["check", "--output-format", "json", str(path)])
    return json.loads(capsys.readouterr().out)


def test_check_findings_match_plain_text_and_point_into_the_page(page, capsys):
    plain = _check_json(TXT_FIXTURE, capsys)
    found = _check_json(HTML_FIXTURE, capsys)
    assert plain, "the corpus article has findings"
    # Messages may cite line numbers, which are each file's own.
    def without_lines(message: str) -> str:
        return re.sub(r"\blines? \d+(?:, \d+)*", "line N", message)

    assert [(f["code"], without_lines(f["message"])) for f in found] == \
        [(f["code"], without_lines(f["message"])) for f in plain]
    lines = page.original.split("\n")
    for finding, twin in zip(found, plain):
        raw = page.original[finding["start"]:finding["end"]]
        assert raw == finding["text"]
        assert _visible(raw) == _normalize(twin["text"])
        assert lines[finding["line"] - 1][finding["col"] - 1:].startswith(raw.split("\n")[0])
        assert page.line_col(finding["start"]) == (finding["line"], finding["col"])


def test_suppression_comment_in_a_page_silences_its_rule(tmp_path, capsys):
    story = ("<article><h1>Title</h1>\n<p>The administration responded [it can&rsquo;t be a &ldquo;response&rdquo;] "
             "by twice targeting groups.</p>\n<p>Source: Associated Press</p></article>\n")
    plain_page, quiet_page = tmp_path / "plain.html", tmp_path / "quiet.html"
    plain_page.write_text(story, encoding="utf-8")
    quiet_page.write_text("<!-- notelint: disable=NL102 -->\n" + story, encoding="utf-8")
    loud = [f["code"] for f in _check_json(plain_page, capsys)]
    quiet = [f["code"] for f in _check_json(quiet_page, capsys)]
    assert "NL102" in loud and "NL102" not in quiet
    assert [c for c in loud if c != "NL102"] == quiet


# -- any tag soup -----------------------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from fuzzing import budget
from hypothesis import strategies as st  # noqa: E402

TAG_SOUP = ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<em>", "</em>", "<a href='x'>", "</a>",
            "<br>", "<q>", "</q>", "<!--", "-->", "<script>", "</script>", "&amp;", "&rdquo;", "&nbsp;", "&#8220;",
            "&#x201d;", "&bogus;", "<", ">", "\"", "'", "\n", "\n\n", " ", "word", "said more", "<h1>", "</h1>",
            "<li>", "<ul>", "</ul>", "<div class='comments'>", "<nav>", "<span class='share'>", "</span>",
            "<blockquote>", "</blockquote>", "<main>", "<title>", "&", "<!", "<?", "</", "\r\n", "<td>", "<hr>"]


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.sampled_from(TAG_SOUP), max_size=50).map("".join))
def test_any_tag_soup_reads_with_exact_offsets(page_html):
    src = read_html(page_html, None)
    if src.text:
        assert_offsets_exact(src)
    assert all(0 <= a < b <= len(src.text) for a, b, _ in src.blocks)
    assert [role for _, _, role in src.blocks].count("comments") <= 1
