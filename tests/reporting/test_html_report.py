"""The HTML reports without a browser: escaping, links from data, where findings land in the text, what each
page holds (read back with the standard library's HTML parser), the charts' geometry and the page sizes."""
from __future__ import annotations

import base64
import hashlib
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import notelint
from notelint.cli.main import main
from notelint.reporting.html import (ArticleSet, esc, interval_chart_svg, safe_href, text_offset, write, write_corpus,
                                     write_diff)

ROOT = Path(__file__).parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE = ROOT / "examples" / "republished-wire-story.txt"


class Page(HTMLParser):
    """The page as the browser would read it: the text of the article column (blocks apart, without what
    the report adds: finding numbers, badges), the text under each finding's marks, ids, scripts."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "circle", "line", "rect"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict]] = []
        self.blocks: list[str] = []
        self.cells: dict[str, list[str]] = {"a": [], "b": []}
        self.marked: dict[str, str] = {}
        self.ids: list[str] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self.csp = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]
        classes = set((attrs.get("class") or "").split())
        if tag in self.VOID:
            return
        self.stack.append((tag, classes, attrs))
        if "blk" in classes and self._inside("text"):
            self.blocks.append("")
        if tag == "td" and classes & {"a", "b"}:
            self.cells[next(iter(classes & {"a", "b"}))].append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def _inside(self, cls: str) -> bool:
        return any(cls in classes for _, classes, _ in self.stack)

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
            return
        if self._inside("aux"):
            return
        if self._inside("blk") and self._inside("text"):
            self.blocks[-1] += data
        for side in ("a", "b"):
            if self._inside(side) and any(t == "td" for t, _, _ in self.stack):
                self.cells[side][-1] += data
        for _, classes, attrs in self.stack:
            if "hit" in classes:
                for key in attrs.get("data-f", "").split():
                    self.marked[key] = self.marked.get(key, "") + data


def report_of(text: str, path: str = "story.txt", rules=()) -> tuple[str, list]:
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source
    from notelint.reading.source import plain_source

    settings = load_settings(None, {"isolated": True})
    findings = lint_source(plain_source(text, path), settings)
    out = io.StringIO()
    write(findings, out, rules=rules, documents=ArticleSet([(path, settings)], sources={path: text}))
    return out.getvalue(), findings


# --- Escaping and links ----------------------------------------------------------------------------------

def test_esc_escapes_markup_and_replaces_what_cannot_be_shown():
    assert esc("<a href=\"x\" onclick='y'>&amp;</a>") == \
        "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;"
    # Control characters and lone surrogates (a JSON corpus can hold one) become U+FFFD one for one.
    assert esc("a\x00b\x1b[0m\x7f\ud800c") == "a\ufffdb\ufffd[0m\ufffd\ufffdc"
    assert esc("tab\tline\nreturn\r 👨‍👩‍👧 \u202e") == "tab\tline\nreturn\r 👨‍👩‍👧 \u202e"
    esc("\udfff").encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "file:///etc/passwd", "", None, 42, "\\\\evil/share"])
def test_safe_href_refuses_everything_but_web_links_and_relative_paths(url):
    assert safe_href(url) is None


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"), ("HTTP://example.org/", "HTTP://example.org/"),
    ("reports/3.html", "reports/3.html"), ("#g1", "#g1"), ("a b\"c.html", "a b&quot;c.html")])
def test_safe_href_keeps_web_links_and_relative_paths_escaped(url, expected):
    assert safe_href(url) == expected


# --- Findings in the parsed text ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["iraqi-militias-republished.md", "iraqi-militias-republished.html"])
def test_text_offset_inverts_the_readers_offset_map(name):
    """For every offset of the extracted text, the original offset it comes from maps back to a text
    offset that comes from the same place: the inverse of Document.location."""
    from notelint.reading.formats import read_source

    doc = notelint.parse_source(read_source(str(FIXTURES / name)))
    src = doc.source
    assert src.offsets is not None
    for t in range(len(doc.text) + 1):
        o = src.original_start(t)
        back = text_offset(doc, o)
        assert src.original_start(back) == o, (t, o, back)
    # and a finding's start lands on its text: the insertion the corpus article is known for
    for span in doc.spans_of("insertion"):
        loc = doc.location(span.start, span.end)
        assert text_offset(doc, loc.start) == span.start


def test_check_report_shows_the_article_and_marks_each_finding_on_its_words():
    text = EXAMPLE.read_text(encoding="utf-8")
    html, findings = report_of(text)
    page = Page(html)
    doc = notelint.parse(text)
    assert page.blocks == [doc.text_of(s) for s in doc.spans if s.kind != "break"]
    assert len(findings) == 7
    for n, f in enumerate(findings, 1):
        assert page.marked[f"a1-{n}"] == f.text, f.code
        assert f"a1-f{n}" in page.ids and f"a1-l{n}" in page.ids
    assert len(page.ids) == len(set(page.ids))  # every id once: every link has one target


@pytest.mark.parametrize("name", ["iraqi-militias-republished.md", "iraqi-militias-republished.html"])
def test_findings_in_markdown_and_html_articles_mark_their_words_in_the_extracted_text(name, tmp_path):
    """Findings carry offsets into the file (markup included); the page shows the extracted text, and
    each insertion finding still marks exactly the insertion's words."""
    from notelint.reading.formats import read_source

    page_path = tmp_path / "page.html"
    main(["check", str(FIXTURES / name), "--output-format", "html", "-o", str(page_path), "--isolated"])
    page = Page(page_path.read_text(encoding="utf-8"))
    doc = notelint.parse_source(read_source(str(FIXTURES / name)))
    insertions = {doc.text_of(s) for s in doc.spans_of("insertion")}
    html = page_path.read_text(encoding="utf-8")
    codes = re.findall(r'<li id="a1-l(\d+)" data-f="a1-\d+"><a class="loc"[^>]*>[^<]*</a> <a class="code"[^>]*>(NL\d+)', html)
    marked = {page.marked[f"a1-{n}"] for n, code in codes if code in ("NL102", "NL104")}
    assert len(insertions) == 2 and marked == insertions


def test_the_page_runs_only_its_own_script_and_fetches_nothing():
    html, _ = report_of("Headline\n\nA sentence [with <script>alert(1)</script> a note] here.\n")
    page = Page(html)
    assert page.tags.count("script") == 1 and "alert" not in page.scripts[0]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page.csp and "default-src 'none'" in page.csp
    # No attribute anywhere names another resource: no src, no stylesheet, no font, no url(...) in the CSS.
    assert not re.search(r"\ssrc=|<link|@import|url\(|@font-face", html)


ALPHABET = st.sampled_from(list("ab Z.,;:!?'\"<>&[](){}“”‘’—-\n\t") + ["\x07", "\u202e", "é", "👨‍👩‍👧", "&amp;", "</div>",
                                                                   "<script>", "said", "Ed.:", "(AP) —"])


@settings(max_examples=40, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_any_article_reads_back_exactly_from_the_page(text):
    """Whatever an article holds, the page shows its words, nothing more (blank lines between blocks),
    and each finding's marks cover exactly the finding's text."""
    html, findings = report_of(text)
    page = Page(html)
    doc = notelint.parse(text)
    shown = [s for s in doc.spans if s.kind != "break"]
    assert page.blocks == [esc_free(doc.text_of(s)) for s in shown]
    assert page.tags.count("script") == 1
    for n, f in enumerate(findings, 1):
        if f.end > f.start and not f.text.endswith("..."):
            assert page.marked.get(f"a1-{n}", "") == esc_free(f.text)


def esc_free(text: str) -> str:
    """What the page shows for a text: control characters as U+FFFD, and \r\n line ends read as the HTML
    parser reads them."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", text)


def test_a_folder_check_lists_every_article_and_only_html_reads_them_again(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quiet Day\n\nNothing happened, officials said.\n", encoding="utf-8")
    calls = []
    original = ArticleSet.document
    monkeypatch.setattr(ArticleSet, "document", lambda self, *a, **k: calls.append(a[0]) or original(self, *a, **k))
    main(["check", str(tmp_path), "--output-format", "json", "--no-cache", "-j", "1"])
    assert calls == []
    page_path = tmp_path / "report.html"
    assert main(["check", str(tmp_path), "--output-format", "html", "-o", str(page_path), "--no-cache"]) == 1
    assert sorted(calls) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    page = Page(page_path.read_text(encoding="utf-8"))
    assert "Nothing happened, officials said." in page.blocks
    html = page_path.read_text(encoding="utf-8")
    assert html.count('<tr><th scope="row"><a class="path"') == 2 and "2 articles checked" in html
    assert '<details id="by-article" open>' in html
    assert "#rule-NL102" in html and 'id="rule-NL102"' in html  # the rule's documentation on the page


def test_check_report_from_standard_input(monkeypatch, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    out = tmp_path / "stdin.html"
    assert main(["check", "-", "--stdin-filename", "story.txt", "--output-format", "html", "-o", str(out)]) == 1
    page = Page(out.read_text(encoding="utf-8"))
    assert page.blocks[0] == "Port Strike Spreads as Talks Collapse" and page.marked


def test_a_file_changed_since_it_was_checked_keeps_its_findings_out_of_the_text(tmp_path):
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source
    from notelint.reading.source import plain_source

    text = EXAMPLE.read_text(encoding="utf-8")
    findings = lint_source(plain_source(text, "story.txt"), load_settings(None, {"isolated": True}))
    out = io.StringIO()
    changed = text.replace("[and you can bet", "[and you may bet")
    write(findings, out, documents=ArticleSet([("story.txt", None)], sources={"story.txt": changed}))
    page = Page(out.getvalue())
    assert page.marked == {} and "changed after it was checked" in out.getvalue()
    assert out.getvalue().count('<li id="a1-l') == len(findings)


def test_without_an_article_set_the_articles_with_findings_are_read_from_disk():
    """write_report("html", ...) from a caller that has only findings (no ArticleSet): each file with a
    finding is read and shown; its findings are placed in the text."""
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source
    from notelint.reading.formats import read_source

    findings = lint_source(read_source(str(EXAMPLE)), load_settings(None, {"isolated": True}))
    out = io.StringIO()
    write(findings, out)
    page = Page(out.getvalue())
    assert page.blocks[0] == "Port Strike Spreads as Talks Collapse" and len(page.marked) == len(findings)


def test_a_long_articles_table_starts_folded_and_the_totals_stay_in_view():
    from notelint.reporting.html import TABLE_OPEN_UP_TO

    for count, folded in ((TABLE_OPEN_UP_TO, False), (TABLE_OPEN_UP_TO + 1, True)):
        texts = {f"{n}.txt": "Quiet Day\n\nNothing happened, officials said.\n" for n in range(count)}
        out = io.StringIO()
        write([], out, documents=ArticleSet([(p, None) for p in texts], sources=texts))
        html = out.getvalue()
        assert ('<details id="by-article">' in html) == folded and ('<details id="by-article" open>' in html) != folded
        assert html.count('<tr><th scope="row"><a class="path"') == count and 'id="totals"' in html


# --- The diff report ---------------------------------------------------------------------------------------

def test_diff_report_holds_both_articles_and_the_summary(tmp_path):
    original, republished = FIXTURES / "diff-wire-original.txt", FIXTURES / "diff-wire-republished.txt"
    out = tmp_path / "diff.html"
    assert main(["diff", str(original), str(republished), "--output-format", "html", "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    for side, path in (("a", original), ("b", republished)):
        doc = notelint.parse(path.read_text(encoding="utf-8"))
        expected = sorted(doc.text_of(s) for s in doc.spans if s.kind not in ("break", "comments"))
        assert sorted(p for cell in page.cells[side] for p in cell.split("\n\n") if p) == expected
    assert "17.4%</span> of the republished article is not wire text" in html  # the credit line is furniture
    assert html.count('class="badge aux">altered quotation') >= 2  # both sides of “smugglers” → “thieves”
    assert len(page.ids) == len(set(page.ids))


WORDS = ["the", "port", "strike", "officials", "said", "Tuesday", "ships", "waited", "“we", "will", "stay,”", "union",
         "leaders", "talks", "resume", "Friday."]
PARAGRAPH = st.lists(st.sampled_from(WORDS), min_size=3, max_size=10).map(" ".join)


@st.composite
def republications(draw):
    """An original of a few paragraphs and a republication of it: paragraphs dropped, moved, rewritten,
    added, with a bracketed note or words put into a quotation."""
    original = draw(st.lists(PARAGRAPH, min_size=1, max_size=5))
    republished = list(original)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["drop", "move", "add", "note", "rewrite"]))
        if not republished:
            republished.append(draw(PARAGRAPH))
            continue
        k = draw(st.integers(0, len(republished) - 1))
        if action == "drop" and len(republished) > 1:
            republished.pop(k)
        elif action == "move":
            republished.append(republished.pop(k))
        elif action == "add":
            republished.insert(k, draw(PARAGRAPH))
        elif action == "note":
            republished[k] += " [" + draw(PARAGRAPH) + "]"
        elif action == "rewrite":
            republished[k] = draw(PARAGRAPH)
    return "\n\n".join(["Headline"] + original) + "\n", "\n\n".join(["Headline"] + republished) + "\n"


@settings(max_examples=25, deadline=None)
@given(republications())
def test_the_diff_columns_hold_each_paragraph_of_each_article_once(pair):
    from notelint.diffing.hunks import diff_documents

    original, republished = (notelint.parse(text, name) for text, name in zip(pair, ("a.txt", "b.txt")))
    out = io.StringIO()
    write_diff(diff_documents(original, republished), out)
    page = Page(out.getvalue())
    for side, doc in (("a", original), ("b", republished)):
        expected = sorted(doc.text_of(s) for s in doc.spans if s.kind not in ("break", "comments"))
        assert sorted(p for cell in page.cells[side] for p in cell.split("\n\n") if p) == expected, side
    assert len(page.ids) == len(set(page.ids))


# --- The corpus report -------------------------------------------------------------------------------------

def test_interval_chart_draws_each_interval_around_its_rate():
    groups = [{"name": "a", "value": 2.0, "low": 1.0, "high": 4.0, "n": 10},
              {"name": "b", "value": 0.5, "low": 0.0, "high": 1.0, "n": 3},
              {"name": "c", "value": 1.0, "low": None, "high": None, "n": 1}]
    svg = interval_chart_svg(groups, title="per 1,000 words")
    dots = [float(x) for x in re.findall(r'<circle class="pt" cx="([\d.]+)"', svg)]
    whiskers = [(float(a), float(b)) for a, b, _ in re.findall(r'<line class="ci" x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)" y2="\3"', svg)]
    assert len(dots) == 3 and len(whiskers) == 2  # c has no interval: no whisker
    assert all(lo <= x <= hi for (lo, hi), x in zip(whiskers, dots))
    # One scale: the rate 2.0 sits four times as far from the axis as 0.5.
    left = 200
    assert abs((dots[0] - left) - 4 * (dots[1] - left)) < 0.5
    ticks = re.findall(r'text-anchor="middle">([^<]*)<', svg)
    assert ticks == ["0", "1", "2", "3", "4"]  # round steps, the axis ending at the largest bound
    assert "<title>c: 1.00, 1 articles</title>" in svg and "<title>a: 2.00 (95% interval 1.00 to 4.00)" in svg


def test_corpus_report_survives_odd_numbers_and_names():
    """NaN, infinity, strings and missing values show as "–" and draw nothing; a name given twice keeps
    its ids apart."""
    out = io.StringIO()
    odd = [float("nan"), float("inf"), "3", None, True]
    groups = [{"name": "same", "articles": "many",
               "values": {"r": {"value": v, "low": v, "high": v}}} for v in odd] + [
        {"name": "ok", "articles": 4, "values": {"r": {"value": 1.0, "low": 0.5, "high": 2.0}}}]
    write_corpus({"metrics": [{"key": "r", "label": "rate"}], "groups": groups,
                  "articles": [{"group": "same", "id": "x", "values": {"r": float("nan")}}]}, out)
    html = out.getvalue()
    body = html.split("</style>")[1].split("<script>")[0].lower()
    assert "nan" not in body and "inf" not in body
    assert html.count('<circle class="pt"') == 1 and html.count('class="ci"') == 3
    page = Page(html)
    assert len(page.ids) == len(set(page.ids)) and html.count("<td>–</td>") == 1


def test_corpus_report_links_and_size(tmp_path):
    groups = [{"name": f"site-{g}.example", "articles": 50,
               "values": {"rate": {"value": g / 10, "low": g / 20, "high": g / 5},
                          "share": {"value": 0.3, "low": 0.2, "high": 0.4}}} for g in range(20)]
    articles = [{"group": f"site-{n % 20}.example", "id": str(n), "title": f"Article {n} " + "word " * 15,
                 "href": f"https://site-{n % 20}.example/news/2024/05/{n}/a-long-slug-for-the-article",
                 "values": {"rate": 1.5, "share": 1}} for n in range(1000)]
    articles[0]["href"] = "javascript:alert(document.cookie)"
    out = io.StringIO()
    write_corpus({"title": "Corpus <b>x</b>", "metrics": [{"key": "rate", "label": "insertions per 1,000 words"},
                                                       {"key": "share", "label": "share", "percent": True}],
                  "groups": groups, "articles": articles}, out)
    html = out.getvalue()
    assert len(html.encode("utf-8")) <= 5_000_000
    assert html.count("<svg") == 2 and "Corpus &lt;b&gt;x&lt;/b&gt;" in html
    assert "javascript:" not in html and html.count('href="https://site-') == 999
    page = Page(html)
    assert [f"g{n}" for n in range(1, 21)] == [i for i in page.ids if re.fullmatch(r"g\d+", i)]


# --- The browser tests' skip rule --------------------------------------------------------------------------

def test_browser_tests_skip_without_chromium_only_outside_ci():
    from browser_support import FAIL, RUN, SKIP, availability

    def missing(name):
        return None

    def found(name):
        return f"/usr/bin/{name}"

    assert availability({}, found) == RUN and availability({"CI": "true"}, found) == RUN
    assert availability({}, missing) == SKIP and availability({"CI": "false"}, missing) == SKIP
    assert availability({"CI": "true"}, missing) == FAIL and availability({"CI": "TRUE"}, missing) == FAIL
    # the driver alone, or the browser alone, is not enough
    assert availability({"CI": "true"}, lambda n: found(n) if n == "chromedriver" else None) == FAIL
    assert availability({}, lambda n: found(n) if n == "chromium" else None) == SKIP
