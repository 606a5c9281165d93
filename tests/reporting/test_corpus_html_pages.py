"""`notelint stats CORPUS --by publisher --output-format html`: each group lists its articles, each linking to
the article's own section of the page, where its text is shown with its spans and its findings beside it."""
from __future__ import annotations

import json
import re

import pytest
from test_html_report import Page, esc_free

import notelint
from notelint.cli.main import main

# Republished stories in the shapes syndicated copy takes: a wire credit and dateline, an editor's
# bracketed aside, a quotation, and one outlet that adds nothing.
ARTICLES = [
    ("n-1", "north.example", "Grain exports resume\n\nODESA (Reuters) - Grain ships left port on Tuesday, the "
                             "ministry said. [Yeah, right.]\n\n“We expect twelve ships this week,” "
                             "the harbour master said."),
    ("s-1", "south.example", "Rates held\n\nThe central bank held its rate at 4 percent, its statement said.\n\n"
                             "Markets had expected the decision."),
    ("n-2", "north.example", "Council approves budget\n\nThe council approved the budget 6 to 3. [Editor's note: "
                             "the mayor is a donor to this paper.]\n\nThe vote came after midnight."),
    ("s-2", "south.example", "Trains run late\n\nTrains ran up to 40 minutes late on Monday, the operator said."),
]
HOSTILE = ("x<b>1</b>", "evil<script>.example",
           "Headline </textarea><script>alert(1)</script>\n\nA <a href=\"javascript:alert(2)\">link</a> and "
           "<img src=x onerror=alert(3)> [so-called \u202eeditor\u202c note: <script>alert(4)</script>] "
           "\u0007 end & \"quoted\" 'text'.")


def write_corpus_file(path, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record_id, publisher, text in rows:
            fh.write(json.dumps({"id": record_id, "publisher": publisher, "text": text}) + "\n")
        fh.write('{"id": "broken", "publisher": "south.example"}\n')  # no text: counted apart, no page


def stats_page(tmp_path, monkeypatch, capsys, rows, *extra) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    write_corpus_file(tmp_path / "c.jsonl", rows)
    main(["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache", "-q",
          "--output-format", "html", *extra])
    return capsys.readouterr()[0]


def sections(html: str) -> dict[str, str]:
    """Each article section's markup by its id."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<article class="art" id="([^"]+)".*?</article>', html, re.S)}


def group_tables(html: str) -> dict[str, list[tuple[str, str]]]:
    """Per group section (by its heading): the (href, label) of each article listed in it."""
    out = {}
    for m in re.finditer(r'<section class="group" id="g\d+"><h2>(.*?)</h2>(.*?)</section>', html, re.S):
        out[m.group(1)] = re.findall(r'<tr><th scope="row"><a href="([^"]*)">([^<]*)</a></th>', m.group(2))
    return out


def test_each_group_lists_its_articles_each_linked_to_an_existing_section(tmp_path, monkeypatch, capsys):
    html = stats_page(tmp_path, monkeypatch, capsys, ARTICLES)
    page = Page(html)
    ids = set(page.ids)
    assert len(page.ids) == len(ids)
    tables = group_tables(html)
    assert {name: [label for _, label in rows] for name, rows in tables.items()} == {
        "north.example": ["n-1", "n-2"], "south.example": ["s-1", "s-2"]}  # "broken" has no text: no page
    hrefs = [href for rows in tables.values() for href, _ in rows]
    assert all(href.startswith("#") and href[1:] in ids for href in hrefs)
    assert sorted(h[1:] for h in hrefs) == sorted(sections(html))
    # Every in-page link on the page lands on an element (finding numbers, rule docs, groups, articles).
    assert {h for h in re.findall(r'href="#([^"]+)"', html)} <= ids
    # The counts beside each link are the record's: words, insertions, NL1, NL2, NL3, all findings.
    results = {r.id: r for r in notelint.lint_records(str(tmp_path / "c.jsonl"), id_field="id",
                                                       meta_fields=["publisher"]) if r.error is None}
    for record_id, result in results.items():
        row = re.search(rf'<th scope="row"><a href="#r\d+">{record_id}</a></th>(.*?)</tr>', html).group(1)
        counts = [int(c) for c in re.findall(r"<td>([\d,]+)</td>", row)]
        families = result.family_counts()
        assert counts == [result.words, result.insertions, families.get("NL1", 0), families.get("NL2", 0),
                          families.get("NL3", 0), len(result.findings)]
    assert results["n-1"].insertions == 1 and results["s-1"].findings == []


def test_each_article_section_holds_its_text_and_its_findings(tmp_path, monkeypatch, capsys):
    html = stats_page(tmp_path, monkeypatch, capsys, ARTICLES)
    results = [r for r in notelint.lint_records(str(tmp_path / "c.jsonl"), id_field="id", meta_fields=["publisher"])
               if r.error is None]
    by_id = {f"r{n}": r for n, r in enumerate(results, 1)}
    assert sum(len(r.findings) for r in results) >= 2  # the asides are flagged: there are findings to place
    found = sections(html)
    assert set(found) == set(by_id)
    for anchor, result in by_id.items():
        section = found[anchor]
        assert f"c.jsonl#{result.id}" in section
        page = Page(section)
        text = dict((record_id, t) for record_id, _, t in ARTICLES)[result.id]
        doc = notelint.parse(text)
        assert page.blocks == [esc_free(doc.text_of(s)) for s in doc.spans if s.kind != "break"]
        items = re.findall(rf'<li id="{anchor}-l\d+".*?</li>', section, re.S)
        assert len(items) == len(result.findings)
        for n, (item, finding) in enumerate(zip(items, result.findings), 1):
            assert f'href="#rule-{finding.code}"' in item and f'href="#{anchor}-f{n}"' in item
            if finding.end > finding.start and not finding.text.endswith("..."):
                assert page.marked.get(f"{anchor}-{n}") == finding.text
    # The insertion is highlighted as one, in its article's section only.
    assert '<span class="k-insertion"' in found["r1"] and "k-insertion" not in found["r2"]
    assert 'id="rule-NL1' in html.split('<section id="rules">')[1]


def test_a_hostile_record_is_escaped_everywhere_it_shows(tmp_path, monkeypatch, capsys):
    html = stats_page(tmp_path, monkeypatch, capsys, ARTICLES + [HOSTILE])
    page = Page(html)
    assert page.tags.count("script") == 1 and "alert" not in page.scripts[0]
    assert not {"img", "b", "textarea"} & set(page.tags)
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert not any(re.search(r"\s(src|on\w+)=", tag) for tag in re.findall(r"<[^>]*>", html))
    assert "default-src 'none'" in page.csp
    assert "evil&lt;script&gt;.example" in html and "x&lt;b&gt;1&lt;/b&gt;" in html
    hostile = sections(html)["r5"]
    doc = notelint.parse(HOSTILE[2])
    assert Page(hostile).blocks == [esc_free(doc.text_of(s)) for s in doc.spans if s.kind != "break"]
    assert "\u0007" not in html


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_only_the_html_format_renders_pages(tmp_path, monkeypatch, capsys, fmt):
    import notelint.reporting.html as report

    def refuse(*_args, **_kwargs):
        raise AssertionError("an article page was rendered for a format that does not show it")

    monkeypatch.setattr(report, "write_article", refuse)
    monkeypatch.chdir(tmp_path)
    write_corpus_file(tmp_path / "c.jsonl", ARTICLES)
    main(["stats", "c.jsonl", "--id-field", "id", "--by", "publisher", "--no-cache", "-q", "--output-format", fmt])
    assert "north.example" in capsys.readouterr()[0]


def test_a_corpus_of_long_articles_stays_within_five_megabytes_per_thousand(tmp_path, monkeypatch, capsys):
    # 400 articles of ~8 KB (a roundup of wire stories each) after 20 short ones: embedding every text would
    # take ~18 KB an article. Past the page's budget an article's section keeps its findings and says why
    # its text is not there; every article still has its section, and the short ones keep their text.
    story = ("BEIRUT (Reuters) - The government said on Monday it would raise fuel prices by 20 percent, "
             "citing a shortfall in revenue. “We have no other choice [you bet they do!],” the finance minister "
             "told reporters. Protesters gathered outside parliament after the announcement, police said.\n\n")
    long_text = "Fuel prices to rise\n\n" + story * 25
    rows = [(f"short-{i}", "short.example", ARTICLES[0][2]) for i in range(20)]
    rows += [(f"long-{i}", f"site{i % 7}.example", long_text) for i in range(400)]
    html = stats_page(tmp_path, monkeypatch, capsys, rows)
    assert len(html.encode()) <= 5_000_000 * len(rows) / 1000
    by_id = sections(html)
    assert len(by_id) == len(rows)
    left_out = [s for s in by_id.values() if "is left out to keep the page within 5 MB" in s]
    assert 0 < len(left_out) < 400
    assert all("NL101" in s and "<ol>" in s for s in left_out)  # its findings are still listed
    shorts = [href.lstrip("#") for href, _ in group_tables(html)["short.example"]]
    assert len(shorts) == 20 and all("Yeah, right." in by_id[a] and "left out" not in by_id[a] for a in shorts)
