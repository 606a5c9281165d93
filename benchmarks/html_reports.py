"""Sizes and times of the HTML reports over a folder of articles (issue 18).

    python benchmarks/html_reports.py ARTICLES_DIR [--index INDEX.tsv --group-by subject] [--out DIR] [--browser]

- check: `notelint check DIR --output-format html -o check.html` (one page, every article), wall time;
- diff: each article against its own wire text (`notelint diff FILE`), rendered in this process: total
  and largest page, time per page;
- corpus: per-group insertions per 1,000 words and share of articles with commentary, with 95% intervals
  (groups from a column of an index TSV, else one group), rendered by write_corpus: size, and size per
  1,000 articles;
- --browser: each page's load time in headless Chromium (navigation start to the load event).

Nothing from the articles is printed or kept but the pages written under --out.
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def poisson_rate(count: int, exposure: float, z: float = 1.96) -> tuple[float, float]:
    """Byar's approximation of the exact Poisson interval for count/exposure."""
    if exposure <= 0:
        return 0.0, 0.0
    low = 0.0 if count == 0 else count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    c1 = count + 1
    high = c1 * (1 - 1 / (9 * c1) + z / (3 * math.sqrt(c1))) ** 3
    return low / exposure, high / exposure


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--index", help="a TSV with a `file` column and the grouping column")
    ap.add_argument("--group-by", default="subject")
    ap.add_argument("--out", default="/tmp/notelint-html-bench")
    ap.add_argument("--notelint", default=shutil.which("notelint") or "notelint")
    ap.add_argument("--browser", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in Path(args.articles).iterdir() if p.suffix in (".txt", ".md", ".html"))
    pages = {}

    # 1. The check report, as a user makes it.
    t = time.perf_counter()
    subprocess.run([args.notelint, "check", "--no-cache", "--exit-zero", "-q", args.articles, "--output-format",
                    "concise", "-o", str(out / "check.txt")], check=True)
    concise = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([args.notelint, "check", "--no-cache", "--exit-zero", args.articles, "--output-format", "html",
                    "-o", str(out / "check.html")], check=True)
    html_time = time.perf_counter() - t
    pages["check"] = out / "check.html"
    print(f"check: {len(files):,} articles, {os.path.getsize(out / 'check.html') / 1e6:.1f} MB, "
          f"{html_time:.2f} s (concise format: {concise:.2f} s)")

    # 2. A diff page per article (each against its own wire text).
    import notelint
    from notelint.diffing.hunks import diff_documents, diff_rules
    from notelint.linting.rules import load_rules
    from notelint.parsing.strip import strip_document
    from notelint.reading.formats import read_source
    from notelint.reporting.html import write_diff

    rules, diff_rule_set = load_rules(), diff_rules()
    sizes, times = [], []
    per_article = []
    for path in files:
        t = time.perf_counter()
        republished = notelint.parse_source(read_source(str(path)))
        original = notelint.parse(strip_document(republished), f"{path} (wire text)")
        result = diff_documents(original, republished, rules=diff_rule_set)
        buf = io.StringIO()
        write_diff(result, buf, rules=rules)
        times.append(time.perf_counter() - t)
        sizes.append(len(buf.getvalue().encode("utf-8")))
        if len(sizes) == 1:
            (out / "diff-first.html").write_text(buf.getvalue(), encoding="utf-8")
        words = len(republished.text.split())
        insertions = len(republished.spans_of("insertion"))
        per_article.append((path, words, insertions))
    pages["diff (first)"] = out / "diff-first.html"
    print(f"diff: {len(sizes):,} pages, {sum(sizes) / 1e6:.1f} MB in all, median {statistics.median(sizes) / 1e3:.1f} kB, "
          f"largest {max(sizes) / 1e3:.1f} kB; parse + diff + page {statistics.median(times) * 1e3:.1f} ms median, "
          f"{sum(times):.1f} s in all")

    # 3. The corpus page.
    groups_of = {}
    if args.index:
        with open(args.index, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                groups_of[row["file"]] = row.get(args.group_by) or "?"
    by_group: dict[str, list] = {}
    for path, words, insertions in per_article:
        by_group.setdefault(groups_of.get(path.name, Path(args.articles).name), []).append((path, words, insertions))
    groups, articles = [], []
    for name, rows in sorted(by_group.items()):
        words = sum(w for _, w, _ in rows)
        count = sum(i for _, _, i in rows)
        with_commentary = sum(1 for _, _, i in rows if i)
        lo, hi = poisson_rate(count, words / 1000)
        slo, shi = wilson(with_commentary, len(rows))
        groups.append({"name": name, "articles": len(rows),
                       "values": {"per_1000": {"value": count / (words / 1000) if words else 0.0, "low": lo, "high": hi},
                                  "share": {"value": with_commentary / len(rows), "low": slo, "high": shi}}})
        for path, w, i in rows:
            articles.append({"group": name, "id": path.stem, "href": os.path.relpath(path, out),
                             "values": {"per_1000": i / (w / 1000) if w else 0.0, "share": 1 if i else 0}})
    from notelint.reporting.html import write_corpus

    t = time.perf_counter()
    with open(out / "corpus.html", "w", encoding="utf-8") as fh:
        write_corpus({"title": "Insertions by group", "metrics": [
            {"key": "per_1000", "label": "insertions per 1,000 words"},
            {"key": "share", "label": "share of articles with commentary", "percent": True}],
            "groups": groups, "articles": articles}, fh)
    corpus_time = time.perf_counter() - t
    size = os.path.getsize(out / "corpus.html")
    pages["corpus"] = out / "corpus.html"
    print(f"corpus: {len(groups)} groups, {len(articles):,} articles, {size / 1e6:.2f} MB "
          f"({size / 1e6 / len(articles) * 1000:.2f} MB per 1,000 articles), written in {corpus_time * 1e3:.0f} ms")

    if args.browser:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            for name, page in pages.items():
                runs = []
                for _ in range(3):
                    driver.get("about:blank")
                    driver.get(page.resolve().as_uri())
                    runs.append(driver.execute_script(
                        "return performance.getEntriesByType('navigation')[0].loadEventEnd"))
                print(f"render {name}: load event at {statistics.median(runs):.0f} ms (median of 3: "
                      f"{', '.join(f'{r:.0f}' for r in runs)})")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
