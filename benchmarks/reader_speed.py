"""Reader speed: Markdown and HTML articles -> Source (and -> Document), in MB/s on one core.

Builds at least --megabytes MB of Markdown and of HTML from the corpus article fixtures, repeated with
variations (numbers, names and link targets changed so no two copies are identical), then times
`markdown_reader.read_markdown`, `html_reader.read_html` and, unless --no-parse, `notelint.parse_source`
on what they return. Peak memory is measured with tracemalloc in a separate, untimed run (tracemalloc
slows Python down several times over).

    python benchmarks/reader_speed.py [--megabytes 10] [--no-parse]
"""
from __future__ import annotations

import argparse
import gc
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import notelint  # noqa: E402
from notelint.reading.html import read_html  # noqa: E402
from notelint.reading.markdown import read_markdown  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _vary(text: str, n: int) -> str:
    """A copy of the article that differs from the others: numbers, a name, link targets."""
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + n), text)
    text = text.replace("Ghaani", ("Ghaani", "Qaani", "Ghani", "Kaani")[n % 4])
    return text.replace("apnews.com/", f"apnews.com/{n}/")


def build_markdown(megabytes: float) -> str:
    article = (FIXTURES / "iraqi-militias-republished.md").read_text(encoding="utf-8")
    body = article[article.index("\n# ") + 1:]  # one front matter for the whole file
    head = article[:article.index("\n# ") + 1]
    parts = [head]
    size = len(head)
    n = 0
    while size < megabytes * 1_000_000:
        copy = _vary(body, n)
        if n % 2:  # half the copies hard-wrapped at about 80 columns, as many content repositories keep them
            copy = re.sub(r"(.{60,78}?) ", lambda m: m.group(1) + "\n", copy)
        parts.append(copy + "\n\n")
        size += len(copy) + 2
        n += 1
    return "".join(parts)


def build_html(megabytes: float) -> str:
    """One long page: the fixture's chrome and comments around an article body repeated with variations."""
    page = (FIXTURES / "iraqi-militias-republished.html").read_text(encoding="utf-8")
    start = page.index('<div class="entry-content"')
    start = page.index(">", start) + 1
    end = page.index('<div class="sharedaddy')
    body = page[start:end]
    parts = [page[:start]]
    size = len(page) - len(body)
    n = 0
    while size < megabytes * 1_000_000:
        copy = _vary(body, n)
        if n % 3 == 1:  # some copies as other CMSs write them: bare entities, <div>s, <br>s, no newlines
            copy = copy.replace("&rsquo;", "’").replace("<p>", '<div class="para">').replace("</p>", "</div>")
        elif n % 3 == 2:
            copy = copy.replace("\n", "").replace(". ", ".<br>", 2)
        parts.append(copy)
        size += len(copy)
        n += 1
    parts.append(page[end:])
    return "".join(parts)


def _megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def measure(name: str, text: str, reader, parse: bool) -> None:
    """MB/s from CPU time (process_time): on a shared machine wall time measures the neighbours."""
    mb = _megabytes(text)
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    source = reader(text, None)
    w1, c1 = time.perf_counter(), time.process_time()
    line = (f"{name:9} {mb:6.2f} MB  read: {c1 - c0:5.2f} s CPU = {mb / (c1 - c0):5.1f} MB/s"
            f"  (wall {w1 - w0:5.2f} s; {len(source.text) / 1e6:.2f} M chars of article text, {len(source.blocks)} blocks)")
    if parse:
        w2, c2 = time.perf_counter(), time.process_time()
        doc = notelint.parse_source(source)
        w3, c3 = time.perf_counter(), time.process_time()
        line += (f"\n{'':9} parse_source: {c3 - c2:5.2f} s CPU; read+parse {mb / (c3 - c2 + c1 - c0):5.1f} MB/s"
                 f"  (wall {w3 - w2:5.2f} s; {sum(1 for _ in doc.walk())} spans)")
    print(line, flush=True)
    del source
    gc.collect()
    tracemalloc.start()
    reader(text, None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'':9} peak memory while reading (tracemalloc): {peak / 1e6:.0f} MB = {peak / 1e6 / mb:.1f}x the input",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0, help="size of each input (default 10)")
    parser.add_argument("--no-parse", action="store_true", help="time the readers only")
    args = parser.parse_args(argv)
    markdown = build_markdown(args.megabytes)
    page = build_html(args.megabytes)
    print(f"python {sys.version.split()[0]}; one core; inputs built from tests/fixtures/iraqi-militias-republished.*")
    measure("markdown", markdown, read_markdown, not args.no_parse)
    measure("html", page, read_html, not args.no_parse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
