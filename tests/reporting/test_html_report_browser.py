"""The HTML reports in a real browser (Debian's headless Chromium, driven by selenium): each kind of report
renders, its DOM holds what the page claims, its links go where they say, and no article can run script or
break the layout. One browser session for the module; a screenshot of each page under the test's tmp folder.

Skipped only when Chromium or its driver is missing and not in CI (CI=true: `.ci/run` installs them, and a
missing browser there is a failure, not a skip)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import FAIL, SKIP, availability, browser_paths

from notelint.cli.main import main

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "republished-wire-story.txt"
FIXTURES = ROOT / "tests" / "fixtures"

CHROMIUM, CHROMEDRIVER = browser_paths()

if availability() == SKIP:
    pytest.skip("headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    if availability() == FAIL:
        pytest.fail("CI=true but chromium or chromedriver is missing: .ci/run should have installed them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    # Every request the page makes, to show it makes none but its own file.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver, path: Path, shot: Path):
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get(path.resolve().as_uri())
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    # The page itself is the only request (the log sees it, so it would see any other).
    assert requests and set(requests) == {path.resolve().as_uri()}, requests
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors  # a blocked inline script or style would be logged here
    return driver


# Text of an element without what the report adds to the article's words (finding numbers, badges, points).
TEXT_OF = """
var el = arguments[0].cloneNode(true);
el.querySelectorAll('.aux').forEach(function (x) { x.remove(); });
return el.textContent;
"""


def lit_text(driver, until) -> str:
    """The text of the marks a finding's link lights, once `until(text)` holds: the page's hashchange
    handler runs after the click returns, later on a busy machine (up to 5 s)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def text() -> str:
        return "".join(driver.execute_script(TEXT_OF, m) for m in driver.find_elements(By.CSS_SELECTOR, "mark.on"))

    try:
        WebDriverWait(driver, 5).until(lambda _: until(text()))
    except Exception:  # selenium's TimeoutException: the assertion below shows what was lit instead
        pass
    return text()


def in_viewport(driver, element) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight;", element)


def test_check_report(browser, tmp_path):
    from selenium.webdriver.common.by import By

    page = tmp_path / "check.html"
    assert main(["check", str(EXAMPLE), "--output-format", "html", "-o", str(page)]) == 1
    d = open_page(browser, page, tmp_path / "check.png")
    # Every kind of the article is highlighted; the insertion holds exactly the bracketed note.
    insertions = d.find_elements(By.CSS_SELECTOR, ".text .k-insertion")
    assert [d.execute_script(TEXT_OF, e) for e in insertions] == [
        "[and you can bet the shipping giants will pass every cent of that on to you]"]
    for cls in ("k-headline", "k-standfirst", "k-wire", "k-quote", "k-source"):
        assert d.find_elements(By.CSS_SELECTOR, f".text .{cls}"), cls
    speaker = d.find_element(By.CSS_SELECTOR, ".text .k-quote").get_attribute("title")
    assert "Marieke de Vries" in speaker
    # The article's words, as the page shows them, are the file's (blank lines apart).
    shown = "\n\n".join(d.execute_script(TEXT_OF, b) for b in d.find_elements(By.CSS_SELECTOR, ".text .blk"))
    assert shown == EXAMPLE.read_text(encoding="utf-8").strip("\n")
    # The summary table: one article row, a column per rule found, the total.
    headers = [th.text for th in d.find_elements(By.CSS_SELECTOR, "#by-article thead th")]
    assert headers[0] == "article" and headers[-1] == "total" and "NL102" in headers
    assert d.find_element(By.CSS_SELECTOR, "#by-article tbody td:last-child").text == "7"
    totals = [td.text for td in d.find_elements(By.CSS_SELECTOR, "#totals tbody tr:first-child td")]
    assert totals[headers.index("NL203") - 1] == "2" and totals[-1] == "7"

    # Far down the page, a finding's place in the list leads to its number in the text, lit with its words.
    d.set_window_size(1280, 400)
    items = d.find_elements(By.CSS_SELECTOR, ".findings li")
    assert len(items) == 7
    first = d.find_element(By.ID, "a1-f1")
    d.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    assert not in_viewport(d, first)
    link = items[0].find_element(By.CSS_SELECTOR, "a.loc")
    d.execute_script("arguments[0].scrollIntoView()", link)
    link.click()
    assert d.execute_script("return location.hash") == "#a1-f1"
    assert in_viewport(d, first)
    standfirst = lit_text(d, lambda t: t.endswith("lift a finger."))
    assert standfirst.startswith("Another day") and standfirst.endswith("lift a finger.")  # the standfirst, NL302
    # ... and the finding's rule is one click away.
    items[0].find_element(By.CSS_SELECTOR, "a.code").click()
    rule = d.find_element(By.ID, "rule-NL302")
    assert in_viewport(d, rule) and "opinion" in rule.text.lower()
    # A finding's number in the text leads to its place in the list, and lights its words too.
    ref = d.find_element(By.ID, "a1-f2")
    d.execute_script("arguments[0].scrollIntoView()", ref)
    ref.click()
    assert d.execute_script("return location.hash") == "#a1-l2" and in_viewport(d, items[1])
    insertion = "[and you can bet the shipping giants will pass every cent of that on to you]"
    assert lit_text(d, lambda t: t == insertion) == insertion  # NL102
    # Keyboard: j moves to the next finding in the text.
    from selenium.webdriver.common.action_chains import ActionChains

    d.execute_script("location.hash = ''")
    ActionChains(d).send_keys("j").send_keys("j").perform()
    assert d.execute_script("return document.activeElement.id") == "a1-f2"
    d.set_window_size(1280, 900)


def test_dark_mode_and_print(browser, tmp_path):
    page = tmp_path / "check.html"
    main(["check", str(EXAMPLE), "--output-format", "html", "-o", str(page)])
    d = open_page(browser, page, tmp_path / "light.png")
    light = d.execute_script("return getComputedStyle(document.documentElement).backgroundColor")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        dark = d.execute_script("return getComputedStyle(document.documentElement).backgroundColor")
        d.save_screenshot(str(tmp_path / "dark.png"))
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert light == "rgb(255, 255, 255)" and dark != light
    # In dark mode the diff's coloured changes keep the page's light text (a <mark> is black by default).
    diff = tmp_path / "diff.html"
    main(["diff", str(FIXTURES / "diff-wire-original.txt"), str(FIXTURES / "diff-wire-republished.txt"),
          "--output-format", "html", "-o", str(diff)])
    open_page(d, diff, tmp_path / "diff-light.png")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        colours = d.execute_script("""
            var body = getComputedStyle(document.body).color;
            return Array.from(document.querySelectorAll('td mark')).map(function (m) {
              return getComputedStyle(m).color === body; });""")
        d.save_screenshot(str(tmp_path / "diff-dark.png"))
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert colours and all(colours)
    d = open_page(browser, page, tmp_path / "light-again.png")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # In print the findings go under the text (one column) and the keyboard help is left out.
        hidden = d.execute_script("return getComputedStyle(document.querySelector('header .note')).display")
        columns = d.execute_script("return getComputedStyle(document.querySelector('.cols')).gridTemplateColumns")
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert hidden == "none" and len(columns.split()) == 1
    from selenium.webdriver.common.print_page_options import PrintOptions

    pdf = d.print_page(PrintOptions())
    assert len(pdf) > 1000


def test_diff_report(browser, tmp_path):
    from selenium.webdriver.common.by import By

    import notelint

    original, republished = FIXTURES / "diff-wire-original.txt", FIXTURES / "diff-wire-republished.txt"
    page = tmp_path / "diff.html"
    assert main(["diff", str(original), str(republished), "--output-format", "html", "-o", str(page)]) == 1
    d = open_page(browser, page, tmp_path / "diff.png")
    assert d.find_element(By.ID, "col-a").text.startswith("original:")
    # The columns hold the two texts: each paragraph of each article once, in a row of the table.
    for column, path in (("a", original), ("b", republished)):
        doc = notelint.parse(path.read_text(encoding="utf-8"))
        expected = sorted(doc.text_of(s) for s in doc.spans if s.kind not in ("break", "comments"))
        cells = [d.execute_script(TEXT_OF, td) for td in d.find_elements(By.CSS_SELECTOR, f"td.{column}")]
        shown = sorted(p for cell in cells for p in cell.split("\n\n") if p)
        assert shown == expected, column
    # The altered quotation stands out on both sides: "smugglers" became "thieves".
    altered = d.find_elements(By.CSS_SELECTOR, "mark.aq")
    assert {d.execute_script(TEXT_OF, m).strip(" .") for m in altered} >= {"smugglers", "thieves"}
    outline = d.execute_script("return getComputedStyle(arguments[0]).outlineStyle", altered[0])
    assert outline == "double"
    # The header's summary.
    assert "% of the republished article is not wire text" in d.find_element(By.ID, "share").text
    # The moved paragraph: its place in the original links to its place in the republication, and back.
    went = d.find_element(By.CSS_SELECTOR, "td.a a.mv")
    d.execute_script("arguments[0].scrollIntoView()", went)
    went.click()
    there = d.find_element(By.CSS_SELECTOR, "td.b a.mv")
    assert d.execute_script("return location.hash") == "#" + there.get_attribute("id") and in_viewport(d, there)
    assert there.get_attribute("href").endswith("#" + went.get_attribute("id"))
    unmarked = [d.execute_script(TEXT_OF, m) for m in d.find_elements(By.CSS_SELECTOR, "td.b mark.h-unmarked_insertion")]
    assert "Few Lebanese expect their politicians to do anything about it." in unmarked


def test_corpus_diff_report(browser, tmp_path):
    """The corpus article against its own wire text (`notelint diff FILE`)."""
    from selenium.webdriver.common.by import By

    page = tmp_path / "corpus-diff.html"
    article = FIXTURES / "iraqi-militias-republished.txt"
    main(["diff", str(article), "--output-format", "html", "-o", str(page)])
    d = open_page(browser, page, tmp_path / "corpus-diff.png")
    marked = [d.execute_script(TEXT_OF, m) for m in d.find_elements(By.CSS_SELECTOR, "td.b mark.h-marked_insertion")]
    assert any(m.startswith("[it can\u2019t be a \u201cresponse\u201d") for m in marked)
    # The insertion has no counterpart in the wire text: the original's cell beside it holds none of its words.
    row = d.find_element(By.XPATH, "//td[@class='b'][.//mark[contains(., 'started this war')]]/..")
    assert "started this war" not in row.find_element(By.CSS_SELECTOR, "td.a").text
    assert "The Biden administration has responded" in row.find_element(By.CSS_SELECTOR, "td.a").text


def test_corpus_report(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from notelint.reporting.html import write_corpus

    data = corpus_sample()
    page = tmp_path / "corpus.html"
    with open(page, "w", encoding="utf-8") as out:
        write_corpus(data, out)
    d = open_page(browser, page, tmp_path / "corpus.png")
    charts = d.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 2
    # One dot and one whisker per publisher, the whisker around the dot.
    for chart in charts:
        dots = chart.find_elements(By.CSS_SELECTOR, "circle.pt")
        assert len(dots) == 3
    rows = d.execute_script("""
        return Array.from(document.querySelectorAll('svg.chart')[0].querySelectorAll('circle.pt')).map(function (c) {
          var g = c.parentNode, ci = g.querySelector('line.ci');
          return [ci.x1.baseVal.value, c.cx.baseVal.value, ci.x2.baseVal.value]; });""")
    assert all(low <= x <= high for low, x, high in rows)
    # A publisher's name in the chart leads to its articles; an article's link is kept, a javascript: one is not.
    d.set_window_size(1280, 400)
    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                     charts[0].find_element(By.CSS_SELECTOR, "a"))
    section = d.find_element(By.ID, "g1")
    assert in_viewport(d, section)
    hrefs = [a.get_attribute("href") for a in section.find_elements(By.CSS_SELECTOR, "tbody a")]
    assert hrefs == ["https://example.org/a/1"]
    d.set_window_size(1280, 900)


def corpus_sample() -> dict:
    return {
        "title": "Insertions by publisher",
        "metrics": [{"key": "per_1000", "label": "insertions per 1,000 words"},
                    {"key": "share", "label": "share with commentary", "percent": True}],
        "groups": [
            {"name": "site-a.example", "articles": 2, "values": {"per_1000": {"value": 2.4, "low": 1.1, "high": 4.0},
                                                                  "share": {"value": 0.5, "low": 0.09, "high": 0.91}}},
            {"name": "site-b.example", "articles": 1, "values": {"per_1000": {"value": 0.0, "low": 0.0, "high": 1.5},
                                                                  "share": {"value": 0.0, "low": 0.0, "high": 0.79}}},
            {"name": "<b>site-c</b>", "articles": 0, "values": {"per_1000": {"value": 0.7, "low": 0.2, "high": 1.9},
                                                                 "share": {"value": 0.2, "low": 0.05, "high": 0.5}}},
        ],
        "articles": [
            {"group": "site-a.example", "id": "1", "title": "Strike spreads", "href": "https://example.org/a/1",
             "values": {"per_1000": 4.1, "share": 1}},
            {"group": "site-a.example", "id": "2", "title": "Talks resume", "href": "javascript:alert(1)",
             "values": {"per_1000": 0.0, "share": 0}},
            {"group": "site-b.example", "id": "3", "href": "reports/3.html", "values": {"per_1000": 0.0, "share": 0}},
        ],
    }


HOSTILE = """Dock Workers <script>window.__pwned = 1</script> Strike Again

</textarea></title></style><img src=x onerror="window.__pwned = 2"> Another day [see <a href="javascript:window.__pwned=3">here</a> and javascript:window.__pwned=4 and <iframe src="https://example.org/"></iframe>].

ROTTERDAM (AP) — Workers said it was “a <b>matter</b> of \u202eesrever\u202c pride [<svg onload="window.__pwned=5"></svg>]” and left. Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a\u035b\u035c\u035d\u035e\u035f\u0360\u0361\u0362\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036a\u036b\u036c\u036d\u036e\u036falgo and a family 👨‍👩‍👧‍👦 and {long}.

The port authority said the strike would continue [{{{{ template }}}} ${{alert(1)}} &lt;not an entity&gt; &amp;] into next week\u2028and beyond\u0007\u001b[31m.

Source: Associated Press
""".format(long="x" * 3000)


def test_hostile_article(browser, tmp_path):
    from selenium.webdriver.common.by import By

    article = tmp_path / "<img src=x onerror=window.__pwned=6>.txt"  # the path is shown on the page too
    article.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "hostile.html"
    main(["check", str(article), "--output-format", "html", "-o", str(page), "--exit-zero"])
    d = open_page(browser, page, tmp_path / "hostile.png")
    assert d.execute_script("return window.__pwned") is None
    assert d.find_element(By.CSS_SELECTOR, ".art h2").text.endswith("<img src=x onerror=window.__pwned=6>.txt")
    assert len(d.find_elements(By.TAG_NAME, "script")) == 1  # the report's own
    assert not d.find_elements(By.CSS_SELECTOR, "img, iframe, svg, b, textarea, a[href^='javascript']")
    text = d.execute_script(TEXT_OF, d.find_element(By.CSS_SELECTOR, ".text"))
    for literal in ("<script>window.__pwned = 1</script>", "</textarea>", '<a href="javascript:window.__pwned=3">',
                    "&lt;not an entity&gt; &amp;", "👨‍👩‍👧‍👦", "\u202eesrever\u202c"):
        assert literal in text
    assert "\ufffd[31m" in text and "\x07" not in text  # control characters show as replacement characters
    # The layout holds: nothing wider than the window, the findings still beside the text.
    assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    left = d.find_element(By.CSS_SELECTOR, ".art .text").rect
    right = d.find_element(By.CSS_SELECTOR, ".art .findings").rect
    assert right["x"] >= left["x"] + left["width"]
    # The diff of the same article with its wire text is just as inert.
    page = tmp_path / "hostile-diff.html"
    main(["diff", str(article), "--output-format", "html", "-o", str(page), "--exit-zero"])
    d = open_page(browser, page, tmp_path / "hostile-diff.png")
    assert d.execute_script("return window.__pwned") is None
    assert len(d.find_elements(By.TAG_NAME, "script")) == 1
    assert d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_corpus_stats_pages(browser, tmp_path, monkeypatch):
    """`stats --output-format html`: an article's link in its publisher's table leads to its own section,
    where a finding's number lights its words; a hostile record there stays inert text."""
    from selenium.webdriver.common.by import By

    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    records = [
        {"id": "w-1", "publisher": "west.example", "text": "Port reopens after strike\n\nROTTERDAM (Reuters) - The "
                                                           "port reopened on Monday, officials said. [Yeah, right.]"
                                                           "\n\nShips queued overnight."},
        {"id": "<img src=x onerror=window.__pwned=7>", "publisher": "<b>east</b>", "text": HOSTILE},
    ]
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    page = tmp_path / "stats.html"
    main(["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache", "-q", "--output-format", "html",
          "-o", str(page)])
    d = open_page(browser, page, tmp_path / "stats.png")
    assert d.execute_script("return window.__pwned") is None
    assert len(d.find_elements(By.TAG_NAME, "script")) == 1
    assert not d.find_elements(By.CSS_SELECTOR, "img, iframe, b, textarea, a[href^='javascript']")
    links = d.find_elements(By.CSS_SELECTOR, "section.group tbody a")
    assert sorted(a.text for a in links) == ["<img src=x onerror=window.__pwned=7>", "w-1"]
    link = next(a for a in links if a.text == "w-1")
    d.set_window_size(1280, 400)
    link.click()
    section = d.find_element(By.ID, link.get_attribute("href").split("#")[1])
    assert in_viewport(d, section) and "[Yeah, right.]" in section.text
    ref = section.find_element(By.CSS_SELECTOR, "a.ref")
    d.execute_script("arguments[0].scrollIntoView()", ref)
    ref.click()
    assert lit_text(d, lambda t: t != "")
    assert d.execute_script("return window.__pwned") is None
    d.set_window_size(1280, 900)
