"""Markdown articles: the article text the grammar reads, and exact positions back into the .md file."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from notelint.reading.markdown import read_markdown
from notelint.reading.formats import read_source
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MD_FIXTURE = FIXTURES / "iraqi-militias-republished.md"
TXT_FIXTURE = FIXTURES / "iraqi-militias-republished.txt"

INSERTION_1 = ("[it can’t be a “response” when the US started this war and is continuing it by staying "
               "when it has been told to leave]")
INSERTION_2 = ("[With the US bombing some factions and bribing others to let them stay regardless, "
               "you would think they would.]")


def _decode_markup(raw: str) -> str:
    """What a non-verbatim piece of Markdown stands for: an entity, an escape, a line ending, a <br>."""
    if raw.startswith("&"):
        return html.unescape(raw)
    if raw.startswith("\\") and len(raw) == 2:
        return raw[1]
    if raw in ("\r\n", "\r", "\n"):
        return "\n"
    if re.fullmatch(r"<br\s*/?>", raw, re.I):
        return "\n"
    raise AssertionError(f"unexpected atomic piece {raw!r}")


def assert_offsets_exact(source) -> None:
    """Every segment of the offset map slices the original file to the text it stands for."""
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
        else:
            assert _decode_markup(raw) == piece


def assert_words_map_back(source) -> int:
    """Each word of the text, mapped through start()/end(), slices the original file to that word."""
    count = 0
    for m in re.finditer(r"\w+", source.text):
        start, end = source.original_start(m.start()), source.original_end(m.end())
        assert source.original[start:end] == m.group(), (m.group(), start, end)
        count += 1
    return count


@pytest.fixture(scope="module")
def md_source():
    return read_source(str(MD_FIXTURE))


@pytest.fixture(scope="module")
def txt_article():
    text = TXT_FIXTURE.read_text(encoding="utf-8")
    return text[:text.index("\n\n  1. Sam Adam says")]


def test_fixture_text_is_the_plain_article(md_source, txt_article):
    assert md_source.format == "markdown"
    # The fixture hard-wraps one paragraph; everything else is character for character the same.
    assert md_source.text.replace("\n", " ") == txt_article.replace("\n", " ")
    assert INSERTION_1 in md_source.text and INSERTION_2 in md_source.text


def test_fixture_blocks_and_front_matter(md_source, txt_article):
    roles = [role for _, _, role in md_source.blocks]
    assert roles[0] == "heading" and set(roles[1:]) == {"paragraph"}
    assert len(md_source.blocks) == txt_article.count("\n\n") + 1
    first = md_source.blocks[0]
    assert md_source.text[first[0]:first[1]] == "Iraqi Militias Defy Iran by Attacking US Forces"
    last = md_source.blocks[-1]
    assert md_source.text[last[0]:last[1]] == "Source: Associated Press"
    assert md_source.metadata["title"] == "Iraqi Militias Defy Iran by Attacking US Forces"
    assert md_source.metadata["source"] == "Associated Press"


def test_fixture_markup_never_reaches_the_text(md_source):
    text = md_source.text
    for residue in ("http", "](", "[The Associated Press]", "[Hezbollah]", "hezbollah]", "ad: in-article",
                    "Members of an Iraqi militia", "republished under", "*", "_Qais", "`"):
        assert residue not in text, residue


def test_fixture_offsets_slice_the_markdown_file(md_source):
    assert_offsets_exact(md_source)
    assert assert_words_map_back(md_source) > 900


def test_fixture_blocks_and_insertions_map_to_their_lines(md_source):
    original = md_source.original
    lines = original.split("\n")
    for start, end, _role in md_source.blocks:
        o0, o1 = md_source.original_start(start), md_source.original_end(end)
        assert original[o0] == md_source.text[start] and original[o1 - 1] == md_source.text[end - 1]
    for insertion in (INSERTION_1, INSERTION_2):
        start = md_source.text.index(insertion)
        o0, o1 = md_source.original_start(start), md_source.original_end(start + len(insertion))
        assert original[o0:o1] == insertion
        line, col = md_source.line_col(o0)
        assert lines[line - 1][col - 1:].startswith(insertion)
    # The heading's text starts after "# " on the line after the front matter.
    o = md_source.original_start(0)
    assert md_source.line_col(o) == (9, 3)


def test_emphasis_inside_a_quotation_keeps_the_quotation_whole(md_source):
    assert "“Iran isn’t the way it used to be, with 100% control over the militia commanders,”" in md_source.text
    assert "they disregard his recommendations,”" in md_source.text
    src = read_markdown("“It is *not* over,” he _said_, “and **never** __will__ be.”\n", None)
    assert src.text == "“It is not over,” he said, “and never will be.”"
    assert_offsets_exact(src)


def test_markers_that_are_not_emphasis_stay():
    src = read_markdown("Rates rose 2 * 3 times; see snake_case_name and a*b*c and **unclosed.\n", None)
    assert src.text == "Rates rose 2 * 3 times; see snake_case_name and abc and **unclosed."
    assert_offsets_exact(src)


@pytest.mark.parametrize("markdown, expected", [
    ("He told [Reuters](https://reuters.com/x \"t\") so.", "He told Reuters so."),
    ("He told [Reuters](<https://reuters.com/a b>) so.", "He told Reuters so."),
    ("Nested [link [with] brackets](http://x.org) here.", "Nested link [with] brackets here."),
    ("A photo ![Militia [fighters] parade](p.jpg) here.", "A photo  here."),
    ("A footnote[^1] and another[^note-2].", "A footnote and another."),
    ("As [AP][wire] and [Reuters][] and [AFP] reported.\n\n[wire]: https://apnews.com\n[reuters]: http://r\n"
     "[afp]: http://afp", "As AP and Reuters and AFP reported."),
    ("A link to [Reuters] [undefined-shortcut] stays bracketed.", "A link to [Reuters] [undefined-shortcut] stays bracketed."),
    ("- [ ] verify the quote\n- [x] call the AP desk\n- [X] done", "verify the quote\n\ncall the AP desk\n\ndone"),
    ("[^1]: The AP later corrected the figure.", "The AP later corrected the figure."),
    ("The Biden administration has responded [it can’t be a “response”] by twice targeting.",
     "The Biden administration has responded [it can’t be a “response”] by twice targeting."),
    ("An [editor's *note*] with emphasis.", "An [editor's note] with emphasis."),
    ("Escaped \\[brackets\\] and \\*stars\\*.", "Escaped [brackets] and *stars*."),
    ("Autolink <https://apnews.com> and <b>raw</b> tags.", "Autolink https://apnews.com and raw tags."),
])
def test_brackets_in_text(markdown, expected):
    src = read_markdown(markdown + "\n", None)
    assert src.text == expected
    assert_offsets_exact(src)


def test_link_text_images_footnotes_task_boxes_never_leave_brackets():
    src = read_markdown(
        "- [x] Checked with [the wire](https://apnews.com) and [AP][ap] ![chart](c.png)[^3]\n"
        "- [ ] ![logo][ap] [Reuters][]\n\n[ap]: https://apnews.com\n[reuters]: https://reuters.com\n", None)
    assert "[" not in src.text and "]" not in src.text
    assert src.text == "Checked with the wire and AP\n\nReuters"


def test_code_html_comments_and_definitions_are_not_article_text():
    md = ("Para one with `inline [code]` here.\n\n"
          "```python\nprint('[not text]')\n```\n\n"
          "    indented [code] block\n\n"
          "<!-- notelint: disable=NL102 -->\n\n"
          "<div class=\"ad\">\n[ad slot]\n</div>\n\n"
          "[def]: https://example.com\n\n"
          "Para two.\n")
    src = read_markdown(md, None)
    assert src.text == "Para one with  here.\n\nPara two."
    assert src.blocks == ((0, 20, "paragraph"), (22, 31, "paragraph"))
    assert_offsets_exact(src)


def test_block_quotes_lists_setext_headings_and_tables_are_blocks():
    md = ("Setext *headline*\n=================\n\n"
          "> “We will respond,” he said,\n> “in our own time.”\n\n"
          "1. first item\n   continues\n2. second\n\n"
          "| Faction | Leader |\n|---|---|\n| Asaib Ahl al-Haq | Qais al-Khazali |\n")
    src = read_markdown(md, None)
    texts = [(src.text[a:b], role) for a, b, role in src.blocks]
    assert texts == [
        ("Setext headline", "heading"),
        ("“We will respond,” he said,\n“in our own time.”", "paragraph"),
        ("first item\ncontinues", "paragraph"),
        ("second", "paragraph"),
        ("Faction", "paragraph"), ("Leader", "paragraph"),
        ("Asaib Ahl al-Haq", "paragraph"), ("Qais al-Khazali", "paragraph"),
    ]
    assert_offsets_exact(src)
    assert assert_words_map_back(src) == 24


def test_entities_decode_and_map_atomically():
    md = "&ldquo;Our flesh is your flesh,&rdquo; he said&#8230; &nbsp;&amp; &bogus; &#x201C;ok&#x201D;\n"
    src = read_markdown(md, None)
    assert src.text == "“Our flesh is your flesh,” he said… \xa0& &bogus; “ok”"
    assert_offsets_exact(src)
    quote_end = src.text.index("”") + 1
    assert src.original[src.original_start(0):src.original_end(quote_end)] == "&ldquo;Our flesh is your flesh,&rdquo;"


def test_crlf_and_front_matter_variants():
    md = "+++\r\ntitle = \"Attack on base\"\r\ncredit = 'Reuters'\r\n+++\r\n# Attack on base\r\n\r\nLine one\r\nline *two*\r\n"
    src = read_markdown(md, None)
    assert src.metadata == {"title": "Attack on base", "credit": "Reuters", "source": "Reuters"}
    assert src.text == "Attack on base\n\nLine one\nline two"
    assert_offsets_exact(src)
    assert src.line_col(src.original_start(src.text.index("line two"))) == (8, 1)

    unclosed = read_markdown("---\ntitle: x\n\nBody text.\n", None)
    assert unclosed.metadata == {}
    assert "Body text." in unclosed.text


def test_a_scraped_comment_section_becomes_one_comments_block():
    md = ("# Iraqi Militias Defy Iran\n\nStory text, “quoted,” he said.\n\nSource: Associated Press\n\n"
          "1. Sam Adam says\n\n   Keep the pressure on during the talks.\n\n"
          "2. Jerry Hood says\n\n   No, just keep *killing* the snakes!!!\n\nLeave A Reply\n\n"
          "Your email address will not be published.\n")
    src = read_markdown(md, None)
    roles = [role for _, _, role in src.blocks]
    assert roles == ["heading", "paragraph", "paragraph", "comments"]
    start, end, _ = src.blocks[-1]
    assert src.text[start:end] == ("Sam Adam says\n\nKeep the pressure on during the talks.\n\nJerry Hood says\n\n"
                                   "No, just keep killing the snakes!!!\n\nLeave A Reply\n\n"
                                   "Your email address will not be published.")
    assert_offsets_exact(src)
    import notelint

    doc = notelint.parse_source(src)
    assert [s.kind for s in doc.spans if s.kind != "break"] == ["headline", "paragraph", "source", "comments"]
    assert doc.article_end == start


def test_unclosed_fence_swallows_the_rest_without_error():
    src = read_markdown("Before.\n\n```\ncode [x]\n\nAfter never closed.\n", None)
    assert src.text == "Before."


def test_malformed_markdown_completes_and_stays_sane():
    # Each of these is quadratic for a naive scanner; they must finish and keep the prose.
    cases = {
        "brackets": "[" * 50_000 + " text " + "]" * 20_000,
        "images": "![a" * 30_000 + " text",
        "stars": "*a " * 60_000 + "text",
        "underscores": "_a_ " * 30_000 + "text",
        "backticks": "`a ``b ```c " * 20_000 + "text",
        "tags": '<a href="' * 30_000 + " text",
        "comments": "word <!-- " * 30_000 + " text",
        "links": "[x](" * 30_000 + " text",
        "entities": "&amp" * 50_000 + " text",
        "fences": "```\n" * 10_001 + "text",
    }
    for name, body in cases.items():
        src = read_markdown("Lead paragraph.\n\n" + body + "\n", None)
        assert src.text.startswith("Lead paragraph."), name
        if name != "fences":
            assert " text" in src.text, name
        assert_offsets_exact(src)


def test_bom_free_text_and_empty_input():
    assert read_markdown("", None).text == ""
    assert read_markdown("---\ntitle: Only front matter\n---\n", None).blocks == ()


# -- through the parser ---------------------------------------------------------------------------------------
SPAN_KINDS = ("headline", "standfirst", "insertion", "quote", "source")


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _spans(doc) -> list[tuple[str, str]]:
    return [(s.kind, _normalize(doc.text_of(s))) for s in doc.walk() if s.kind in SPAN_KINDS]


def _visible_markdown(raw: str) -> str:
    """What a slice of the fixture reads as: link destinations, reference labels and emphasis removed."""
    raw = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    raw = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", raw)
    return _normalize(re.sub(r"\*\*|(?<!\w)[*_]|[*_](?!\w)", "", raw))


def test_markdown_article_parses_to_the_same_spans_as_plain_text(md_source):
    import notelint

    plain = notelint.parse_source(read_source(str(TXT_FIXTURE)))
    doc = notelint.parse_source(md_source)
    expected = [span for span in _spans(plain)]
    assert _spans(doc) == expected
    kinds = [k for k, _ in expected]
    assert kinds.count("insertion") == 2 and kinds.count("headline") == 1 and kinds.count("standfirst") == 1
    assert kinds.count("quote") >= 9 and ("source", "Source: Associated Press") in expected
    assert ("quote", "“response”") in expected  # the scare quote inside the first insertion
    assert not [s for s in doc.spans if s.kind == "comments"]  # the Markdown copy has no reader comments


def test_markdown_span_locations_slice_the_file(md_source):
    import notelint

    doc = notelint.parse_source(md_source)
    lines = md_source.original.split("\n")
    checked = 0
    for span in doc.walk():
        if span.kind in SPAN_KINDS:
            loc = doc.location(span.start, span.end)
            raw = md_source.original[loc.start:loc.end]
            if span.kind == "insertion":
                assert raw == doc.text_of(span)
            else:  # a span may end inside a link's text: "Source: [Associated Press" + "](...)"
                assert _visible_markdown(raw).replace("[", "") == _normalize(doc.text_of(span)), span
            assert lines[loc.line - 1][loc.col - 1:].startswith(raw.split("\n")[0])
            checked += 1
    assert checked >= 14
    headline = doc.spans_of("headline")[0]
    location = doc.location(headline.start, headline.end)
    assert (location.line, location.col, location.end_line, location.end_col) == (9, 3, 9, 50)


def test_check_findings_match_plain_text_and_point_into_the_file(md_source, capsys):
    import json

    from notelint.cli.main import main

    def check(path: Path) -> list[dict]:
        capsys.readouterr()
        main(["check", "--output-format", "json", str(path)])
        return json.loads(capsys.readouterr().out)

    plain, found = check(TXT_FIXTURE), check(MD_FIXTURE)
    assert plain, "the corpus article has findings"
    # Messages may cite line numbers, which are each file's own.
    def without_lines(message: str) -> str:
        return re.sub(r"\blines? \d+(?:, \d+)*", "line N", message)

    assert [(f["code"], without_lines(f["message"])) for f in found] == \
        [(f["code"], without_lines(f["message"])) for f in plain]
    lines = md_source.original.split("\n")
    for finding, twin in zip(found, plain):
        raw = md_source.original[finding["start"]:finding["end"]]
        assert raw == finding["text"]
        if twin["text"].startswith("["):
            assert raw == twin["text"]
        else:  # a finding may end inside a link's text: "Source: [Associated Press" + "](...)"
            assert _visible_markdown(raw).replace("[", "") == _normalize(twin["text"])
        assert lines[finding["line"] - 1][finding["col"] - 1:].startswith(raw.split("\n")[0])


def test_suppression_comment_in_markdown_silences_its_rule(tmp_path, capsys):
    import json

    from notelint.cli.main import main

    story = ("# Title\n\nThe administration responded [it can’t be a “response”] by twice targeting groups.\n\n"
             "Source: Associated Press\n")
    codes = {}
    for name, text in (("plain.md", story), ("quiet.md", "<!-- notelint: disable=NL102 -->\n" + story)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        capsys.readouterr()
        main(["check", "--output-format", "json", str(path)])
        codes[name] = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert "NL102" in codes["plain.md"] and "NL102" not in codes["quiet.md"]
    assert [c for c in codes["plain.md"] if c != "NL102"] == codes["quiet.md"]


# -- any markup soup --------------------------------------------------------------------------------------------
from hypothesis import example, given, settings  # noqa: E402
from fuzzing import budget
from hypothesis import strategies as st  # noqa: E402

from notelint.reading import markdown as markdown_reader  # noqa: E402

MARKUP_PIECES = ["[", "]", "(", ")", "*", "_", "`", "```", "\\", "&amp;", "&rdquo;", "<b>", "</b>", "<!--", "-->",
                 "!", "\n", "\n\n", "# ", "#", "> ", "- ", "1. ", "2) ", "[ ] ", "[x] ", "[^1]", "    ", "  ", "|",
                 "---", "***", "===", "word", "said more", "“", "”", " ", "\t", "\r\n", "<br>", "[a]: /u", "~~~",
                 "<script>", "</script>", "<div>", "<?", "?>", ">", "a | b\n--|--\n", "http://x", "<http://x.y>"]


@settings(max_examples=budget(300), deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=50).map("".join))
@example("\\\n")  # a backslash ending the file is literal, not a hard break
@example("a\\\r\n ")  # so is one before a last line of spaces (a blank line ends the paragraph)
@example("<!X head | b\n--|--\n<!--- a table wins over the first opener; the comment runs on\n\nText\n")
def test_any_markdown_reads_with_exact_offsets_and_the_fast_path_changes_nothing(markdown):
    src = read_markdown(markdown, None)
    if src.text:
        assert_offsets_exact(src)
    assert all(0 <= a < b <= len(src.text) for a, b, _ in src.blocks)
    markdown_reader.USE_PLAIN_PARAGRAPH_FAST_PATH = False
    try:
        full = read_markdown(markdown, None)
    finally:
        markdown_reader.USE_PLAIN_PARAGRAPH_FAST_PATH = True
    assert (src.text, src.blocks, src.offsets) == (full.text, full.blocks, full.offsets)
