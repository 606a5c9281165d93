"""Per-group statistics of a linted corpus (`notelint stats CORPUS --by publisher`), as plain data.

For each group (each value of the --by field, and all records together) it counts:

- articles: records linted (records that could not be read are counted apart, as `unreadable`);
- with_insertions: the share of articles with at least one editorial insertion (95% Wilson interval);
- insertions_per_1000_words: editorial insertions per 1,000 words of article text (reader comments left
  out), with a quasi-Poisson 95% interval: the exact Poisson (Garwood) interval on the insertion count,
  words as the exposure, widened by the Pearson dispersion of the articles' counts when it exceeds 1;
- wire_with_commentary: of the articles credited to a wire service, the share that carry commentary (at
  least one editorial insertion) (95% Wilson interval);
- findings_per_article: findings of each rule family (NL1 commentary, NL2 loaded words, NL3 quotations)
  per article, with the same quasi-Poisson 95% interval, articles as the exposure;
- with an index of wire stories (`stats --index`): derived, the share of articles found to derive from a
  stored wire story (95% Wilson interval), and altered_quotations_per_copy, the quotations those copies
  altered (NL501) per copy (quasi-Poisson 95% interval, copies as the exposure).

Why quasi-Poisson: an exact Poisson interval takes each insertion as an independent event, but an outlet's
insertions cluster in a few articles (one opinionated rewrite holds most of them), and the interval would
be far too narrow; dividing the count and the exposure by the dispersion keeps the rate and widens the
interval to what that clustering supports. With no events, or one article, it is the exact interval.

`corpus_stats` returns the figures as dicts, lists, strings and numbers, for any renderer (the terminal
table, CSV and JSON here; the HTML report elsewhere).
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from typing import IO, Iterable, Sequence

from .intervals import pearson_dispersion, poisson_rate, wilson

FAMILIES = ("NL1", "NL2", "NL3")
NO_VALUE = "(none)"
TOTAL = "(all)"
METHODS = {
    "with_insertions": "share of articles; 95% Wilson score interval",
    "insertions_per_1000_words": "insertions / words x 1000; quasi-Poisson 95% interval: exact Poisson "
                                 "(Garwood) on the insertion count, words as exposure, widened by the Pearson "
                                 "dispersion of the articles' counts",
    "wire_with_commentary": "share of wire-credited articles with an editorial insertion; 95% Wilson score "
                            "interval",
    "findings_per_article": "findings of the rule family / articles; quasi-Poisson 95% interval as for "
                            "insertions, articles as exposure",
    "derived": "share of articles found to derive from a stored wire story (--index); 95% Wilson score interval",
    "altered_quotations_per_copy": "quotations altered against the stored story (NL501) / articles derived "
                                   "from one; quasi-Poisson 95% interval, copies as exposure",
}


@dataclass
class _Tally:
    articles: int = 0
    unreadable: int = 0
    with_insertions: int = 0
    insertions: int = 0
    words: int = 0
    wire: int = 0
    wire_with_commentary: int = 0
    families: dict = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0))
    # Sums of count * count / exposure over the articles, for the dispersion of each rate.
    insertion_squares: float = 0.0
    family_squares: dict = field(default_factory=lambda: dict.fromkeys(FAMILIES, 0.0))
    indexed: bool = False  # a stored wire story was looked for (stats --index)
    derived: int = 0
    altered_quotations: int = 0
    altered_squares: float = 0.0

    def add(self, result) -> None:
        if result.error is not None:
            self.unreadable += 1
            return
        self.articles += 1
        self.insertions += result.insertions
        self.words += result.words
        if result.words:
            self.insertion_squares += result.insertions * result.insertions / result.words
        if result.insertions:
            self.with_insertions += 1
        if result.wire_service:
            self.wire += 1
            if result.insertions:
                self.wire_with_commentary += 1
        counts = dict.fromkeys(FAMILIES, 0)
        for finding in result.findings:
            family = finding.code[:3]
            if family in counts:
                counts[family] += 1
        for family, count in counts.items():
            self.families[family] += count
            self.family_squares[family] += count * count
        if result.derived is not None:
            self.indexed = True
            if result.derived:
                self.derived += 1
                self.altered_quotations += result.altered_quotations
                self.altered_squares += result.altered_quotations * result.altered_quotations

    def figures(self, name: str) -> dict:
        return {
            "group": name,
            "articles": self.articles,
            "unreadable": self.unreadable,
            "with_insertions": _share(self.with_insertions, self.articles),
            "insertions_per_1000_words": _rate(self.insertions, self.words, 1000.0, "insertions", "words",
                                               pearson_dispersion(self.insertions, self.words, self.insertion_squares,
                                                                  self.articles)),
            "wire_with_commentary": _share(self.wire_with_commentary, self.wire),
            "findings_per_article": {
                family: _rate(count, self.articles, 1.0, "findings", "articles",
                              pearson_dispersion(count, self.articles, self.family_squares[family], self.articles))
                for family, count in self.families.items()},
        } | ({} if not self.indexed else {
            "derived": _share(self.derived, self.articles),
            "altered_quotations_per_copy": _rate(self.altered_quotations, self.derived, 1.0, "altered quotations",
                                                 "copies", pearson_dispersion(self.altered_quotations, self.derived,
                                                                              self.altered_squares, self.derived)),
        })


def _share(count: int, of: int) -> dict:
    interval = wilson(count, of)
    return {"count": count, "of": of, "value": count / of if of else None,
            "low": interval[0] if interval else None, "high": interval[1] if interval else None}


def _rate(count: int, exposure: int, scale: float, count_name: str, exposure_name: str, dispersion: float) -> dict:
    interval = poisson_rate(count, exposure, scale, dispersion)
    return {count_name: count, exposure_name: exposure, "value": count / exposure * scale if exposure else None,
            "low": interval[0] if interval else None, "high": interval[1] if interval else None,
            "dispersion": dispersion}


def group_of(result, by: str | None) -> str:
    """The name of the group a record's result is counted in (TOTAL without --by)."""
    if by is None:
        return TOTAL
    value = result.meta.get(by)
    return NO_VALUE if value is None or value == "" else str(value)


def corpus_stats(results: Iterable, by: str | None = None) -> dict:
    """The statistics of linted records (RecordResult: error, meta, findings, words, insertions,
    wire_service) per value of the metadata field `by` (all records in one group without it), and in
    total. Groups come largest first, then by name."""
    groups: dict[str, _Tally] = {}
    total = _Tally()
    for result in results:
        total.add(result)
        if by is not None:
            groups.setdefault(group_of(result, by), _Tally()).add(result)
    ordered = sorted(groups.items(), key=lambda item: (-item[1].articles - item[1].unreadable, item[0]))
    return {"by": by, "confidence": 0.95, "methods": METHODS,
            "groups": [tally.figures(name) for name, tally in ordered], "total": total.figures(TOTAL)}


# --- renderers --------------------------------------------------------------------------------------------

def flat_rows(stats: dict) -> list[dict]:
    """One flat row per group (the total last): the columns of the CSV output."""
    rows = []
    for group in stats["groups"] + [stats["total"]]:
        row = {"group": group["group"], "articles": group["articles"], "unreadable": group["unreadable"]}
        for key in ("with_insertions", "insertions_per_1000_words", "wire_with_commentary"):
            figure = group[key]
            for part, value in figure.items():
                row[f"{key}_{part}"] = value
        for family, figure in group["findings_per_article"].items():
            row[f"{family}_findings"] = figure["findings"]
            for part in ("value", "low", "high", "dispersion"):
                row[f"{family}_per_article_{part}"] = figure[part]
        for key in _INDEXED:
            for part, value in group.get(key, {}).items():
                row[f"{key}_{part}"] = value
        rows.append(row)
    return rows


def write_csv(stats: dict, out: IO[str]) -> None:
    rows = flat_rows(stats)
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else (round(v, 6) if isinstance(v, float) else v) for k, v in row.items()})


def write_json(stats: dict, out: IO[str]) -> None:
    json.dump(stats, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _pct(figure: dict) -> str:
    if figure["value"] is None:
        return "–"
    return f"{figure['value']:.0%} ({figure['low']:.0%}–{figure['high']:.0%})"


def _num(figure: dict, digits: int = 2) -> str:
    if figure["value"] is None:
        return "–"
    return f"{figure['value']:.{digits}f} ({figure['low']:.{digits}f}–{figure['high']:.{digits}f})"


def write_table(stats: dict, out: IO[str], color: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    title = f"notelint stats by {stats['by']}" if stats["by"] else "notelint stats"
    table = Table(title=title, caption="95% intervals: shares Wilson; per-1,000-words and per-article rates "
                                       "quasi-Poisson (Garwood, widened by the dispersion)")
    table.add_column(stats["by"] or "group")
    table.add_column("articles", justify="right")
    table.add_column("with insertions", justify="right")
    table.add_column("insertions / 1,000 words", justify="right")
    table.add_column("wire-credited with commentary", justify="right")
    for family in FAMILIES:
        table.add_column(f"{family} / article", justify="right")
    indexed = "derived" in stats["total"]
    if indexed:
        table.add_column("derived from a stored wire story", justify="right")
        table.add_column("altered quotations / copy", justify="right")
    for group in stats["groups"] + [stats["total"]]:
        wire = group["wire_with_commentary"]
        articles = str(group["articles"]) + (f" (+{group['unreadable']} unreadable)" if group["unreadable"] else "")
        table.add_row(group["group"], articles, _pct(group["with_insertions"]),
                      _num(group["insertions_per_1000_words"]),
                      f"{wire['count']}/{wire['of']} {_pct(wire)}" if wire["of"] else "–",
                      *(_num(group["findings_per_article"][f]) for f in FAMILIES),
                      *((_pct(group["derived"]), _num(group["altered_quotations_per_copy"])) if indexed else ()),
                      end_section=group is stats["groups"][-1] if stats["groups"] else False)
    Console(file=out, force_terminal=color, no_color=not color, width=None if color else 200).print(table)


# The figures the HTML report charts, in order: (key in a group's figures, label, a share rather than a rate).
_CHARTED = (("with_insertions", "Share of articles with editorial insertions", True),
            ("insertions_per_1000_words", "Editorial insertions per 1,000 words", False),
            ("wire_with_commentary", "Share of wire-credited articles carrying commentary", True))


# The figures `stats --index` adds, charted after the others.
_INDEXED = ("derived", "altered_quotations_per_copy")
_CHARTED_INDEXED = (("derived", "Share of articles derived from a stored wire story", True),
                    ("altered_quotations_per_copy", "Quotations altered per copy of a stored story", False))


# The per-article counts listed under each group in the HTML report: (key, label).
ARTICLE_COLUMNS = (("words", "words"), ("insertions", "insertions")) + tuple(
    (family, f"{family} findings") for family in FAMILIES) + (("findings", "all findings"),)


def article_row(result, by: str | None, href: str) -> dict:
    """One readable record's line in the HTML report: its group, id, link to its page and counts."""
    counts = result.family_counts()
    values = {"words": result.words, "insertions": result.insertions, "findings": len(result.findings)}
    values.update((family, counts.get(family, 0)) for family in FAMILIES)
    return {"group": group_of(result, by), "id": result.id, "href": href, "values": values}


def html_report_data(stats: dict, articles: Sequence[dict] = ()) -> dict:
    """corpus_stats' figures in the shape reporting.html.write_corpus draws: one chart per figure, one row per
    group with its 95% interval (the total is left out of the charts: it is in the summary line), and
    `articles` (article_row's) listed under their groups."""
    charted = _CHARTED + (_CHARTED_INDEXED if "derived" in stats["total"] else ())
    metrics = [{"key": key, "label": label, "percent": percent} for key, label, percent in charted]
    metrics += [{"key": family, "label": f"{family} findings per article", "percent": False} for family in FAMILIES]
    groups = []
    for group in stats["groups"] or [stats["total"]]:
        values = {key: {part: group[key][part] for part in ("value", "low", "high")} for key, _, _ in charted}
        for family in FAMILIES:
            figure = group["findings_per_article"][family]
            values[family] = {part: figure[part] for part in ("value", "low", "high")}
        groups.append({"name": group["group"], "articles": group["articles"], "values": values})
    total = stats["total"]
    by = stats["by"]
    return {"title": f"notelint stats by {by}" if by else "notelint stats",
            "summary": f"{total['articles']:,} articles ({total['unreadable']:,} unreadable rows left out). "
                       "Shares: Wilson intervals; rates: quasi-Poisson (Garwood, widened by the dispersion).",
            "metrics": metrics, "groups": groups, "articles": list(articles),
            "article_columns": [{"key": key, "label": label} for key, label in ARTICLE_COLUMNS]}
