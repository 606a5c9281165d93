#!/usr/bin/env python3
"""Accuracy of the rules on real text. Usage: python benchmarks/accuracy.py PATH-TO-EVAL [--show N]

PATH-TO-EVAL is the shared evaluation folder (../shared/eval): its licences allow evaluation, not
redistribution, so nothing from it is copied into this repository. Prints:

1. Reuters: the share of 3,000 real Reuters stories (wire copy, no commentary) drawing any NL1xx-NL3xx
   finding at warning or worse, overall and per rule (target under 1%).
2. BABE wire text: the share of the 688 non-biased Reuters sentences, each checked as a one-paragraph
   wire story, drawing a warning or worse from NL1xx-NL3xx (target under 1%).
3. BABE in an insertion: every labelled sentence placed inside a labelled editorial insertion; how often
   NL202 and NL203 fire on Biased versus Non-biased sentences, with precision, recall and F1 against
   label_bias, and NL202's word-level agreement with the experts' biased_words.
4. BABE as a standfirst: how often NL302 calls a Biased or a Non-biased sentence opinion when it is the
   standfirst of a story credited to AP.
5. The 160 labelled real brackets: placement findings on commentary brackets and on the others.
6. PTC: for the 11 PTC articles, which brackets the parser made `insertion` against MANIFEST.json, and
   whether any placement rule fires on a clarification.
7. articles-dev: every figure of the acceptance script (commentary insertions found, all and not unsure;
   non-commentary brackets called insertions; clarifications recognised; quotations found, British and
   other; commentary files flagged; findings on clean files) for the whole set, per kind and per outlet,
   and the one threshold chosen on it with leave-one-outlet-out figures beside the in-sample ones.
"""
from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import sys
import time
from collections import Counter

from notelint import parse_source
from notelint.linting.config import load_settings
from notelint.linting.engine import lint_document, lint_source
from notelint.parsing.model import INSERTION
from notelint.reading.source import plain_source
from notelint.reading.formats import read_source
COMMENTARY_PREFIXES = ("NL1", "NL2", "NL3")
SERIOUS = ("warning", "error")


def serious_commentary(findings):
    return [f for f in findings if f.code[:3] in COMMENTARY_PREFIXES and f.severity in SERIOUS]


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def reuters(eval_dir: str, settings, show: int) -> None:
    folder = os.path.join(eval_dir, "reuters", "articles")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    flagged: dict[str, list] = {}
    per_rule: Counter = Counter()
    started = time.perf_counter()
    for name in names:
        found = serious_commentary(lint_source(read_source(os.path.join(folder, name)), settings))
        if found:
            flagged[name] = found
            for code in {f.code for f in found}:
                per_rule[code] += 1
    seconds = time.perf_counter() - started
    print(f"== Reuters: {len(names)} wire stories ({seconds:.1f} s)")
    print(f"   stories with an NL1xx-NL3xx finding at warning or worse: {len(flagged)} ({pct(len(flagged), len(names))}; target < 1%)")
    for code, n in sorted(per_rule.items()):
        print(f"   {code}: {n} stories ({pct(n, len(names))})")
    for name, found in list(flagged.items())[:show]:
        for f in found[:2]:
            print(f"     {name}:{f.line}:{f.col} {f.code} {f.message[:90]} | {f.text[:60]!r}")


def read_babe(eval_dir: str) -> list[dict]:
    path = os.path.join(eval_dir, "babe", "final_labels_SG2.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def babe_wire(rows: list[dict], settings, show: int) -> None:
    sentences = [r["text"] for r in rows if r["outlet"] == "Reuters" and r["label_bias"] == "Non-biased"]
    flagged = []
    per_rule: Counter = Counter()
    for sentence in sentences:
        # A one-paragraph wire story under a neutral headline.
        found = serious_commentary(lint_source(f"Wire story\n\n{sentence}\n", settings))
        if found:
            flagged.append((sentence, found))
            for code in {f.code for f in found}:
                per_rule[code] += 1
    print(f"== BABE: {len(sentences)} non-biased Reuters sentences checked as wire text")
    print(f"   sentences with a warning or worse: {len(flagged)} ({pct(len(flagged), len(sentences))}; target < 1%)")
    for code, n in sorted(per_rule.items()):
        print(f"   {code}: {n}")
    for sentence, found in flagged[:show]:
        print(f"     {found[0].code} {found[0].message[:70]} | {sentence[:100]!r}")


def babe_insertions(rows: list[dict], settings, show: int) -> None:
    labelled = [r for r in rows if r["label_bias"] in ("Biased", "Non-biased")]
    fires = {code: Counter() for code in ("NL202", "NL203", "either")}
    totals = Counter(r["label_bias"] for r in labelled)
    word_tp = word_fp = word_fn = 0
    for r in labelled:
        sentence = r["text"].replace("[", "(").replace("]", ")")
        # A labelled note is always an insertion, so this measures the rules, not the bracket classifier.
        prefix = "Wire story\n\nOfficials met on Tuesday. [Ed.: "
        text = f"{prefix}{sentence}]\n"
        findings = [f for f in lint_source(text, settings) if f.start >= len(prefix) - 6]
        codes = {f.code for f in findings}
        for code in ("NL202", "NL203"):
            if code in codes:
                fires[code][r["label_bias"]] += 1
        if codes & {"NL202", "NL203"}:
            fires["either"][r["label_bias"]] += 1
        flagged_words = {text[f.start:f.end].lower() for f in findings if f.code == "NL202"}
        try:
            experts = {w.lower() for w in ast.literal_eval(r["biased_words"] or "[]")}
        except (ValueError, SyntaxError):
            experts = set()
        flagged_tokens = {t for w in flagged_words for t in w.split()}
        word_tp += len(flagged_tokens & experts)
        word_fp += len(flagged_tokens - experts)
        word_fn += len(experts - flagged_tokens)
    print(f"== BABE: {len(labelled)} sentences ({totals['Biased']} Biased, {totals['Non-biased']} Non-biased) inside a labelled insertion")
    for code, counts in fires.items():
        tp, fp = counts["Biased"], counts["Non-biased"]
        fn = totals["Biased"] - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / totals["Biased"] if totals["Biased"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"   {code:<6} fires on {pct(tp, totals['Biased'])} of Biased, {pct(fp, totals['Non-biased'])} of Non-biased;"
              f" precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (fn {fn})")
    wp = word_tp / (word_tp + word_fp) if word_tp + word_fp else 0.0
    wr = word_tp / (word_tp + word_fn) if word_tp + word_fn else 0.0
    print(f"   NL202 words vs experts' biased_words: precision {wp:.3f} recall {wr:.3f}"
          " (reference: Recasens-style feature baseline in BABE, sentence F1 0.517)")


def babe_standfirst(rows: list[dict], settings) -> None:
    """Each sentence as the standfirst of a story credited to AP: how often NL302 calls it opinion."""
    labelled = [r for r in rows if r["label_bias"] in ("Biased", "Non-biased")]
    totals = Counter(r["label_bias"] for r in labelled)
    fires: Counter = Counter()
    detected = 0
    for r in labelled:
        text = (f"Wire story\n\n{r['text']}\n\nBAGHDAD (AP) — Officials met on Tuesday, a spokesman said.\n\n"
                "The talks will resume next week.\n")
        doc = parse_source(plain_source(text))
        if not any(s.kind == "standfirst" for s in doc.spans):
            continue
        detected += 1
        if any(f.code == "NL302" for f in lint_document(doc, settings)):
            fires[r["label_bias"]] += 1
    print(f"== BABE: sentences as the standfirst of an AP story (parser found a standfirst in {detected}/{len(labelled)})")
    print(f"   NL302 fires on {pct(fires['Biased'], totals['Biased'])} of Biased, "
          f"{pct(fires['Non-biased'], totals['Non-biased'])} of Non-biased")


def labelled_brackets(eval_dir: str, settings) -> None:
    """The 160 labelled real brackets: does a placement rule fire on each commentary bracket, and on none else?"""
    folder = os.path.join(eval_dir, "brackets")
    with open(os.path.join(folder, "labels.jsonl"), encoding="utf-8") as fh:
        labels = [json.loads(line) for line in fh if line.strip()]
    by_file: dict[str, list] = {}
    for label in labels:
        by_file.setdefault(label["file"], []).append(label)
    hit_commentary = hit_any = commentary = false_alarms = false_any = 0
    examples = []
    for name, entries in sorted(by_file.items()):
        findings = lint_source(read_source(os.path.join(folder, "articles", name)), settings)
        placement = [f for f in findings if f.code in ("NL101", "NL102", "NL103", "NL104")]
        commentary_rules = [f for f in findings if f.code[:3] in ("NL1", "NL2") and f.code != "NL105"]
        for entry in entries:
            on_it = [f for f in placement if entry["start"] <= f.start and f.end <= entry["end"]]
            any_on_it = [f for f in commentary_rules if entry["start"] <= f.start and f.end <= entry["end"]]
            if entry["label"] == "commentary":
                commentary += 1
                hit_commentary += bool(on_it)
                hit_any += bool(any_on_it)
            else:
                false_alarms += bool(on_it)
                false_any += bool(any_on_it)
                if any_on_it:
                    examples.append((name, entry["label"], entry["bracket_text"][:70], any_on_it[0].code))
    print(f"== Labelled brackets: {len(labels)} real brackets in {len(by_file)} articles")
    others = len(labels) - commentary
    print(f"   commentary brackets drawing a placement finding (NL101-NL104): {hit_commentary}/{commentary}; "
          f"any NL1xx/NL2xx finding: {hit_any}/{commentary} (labelled ones draw no placement finding by design)")
    print(f"   other brackets drawing a placement finding: {false_alarms}/{others}; any NL1xx/NL2xx: {false_any}/{others}")
    for example in examples[:5]:
        print(f"     {example}")


def ptc(eval_dir: str, settings, show: int) -> None:
    folder = os.path.join(eval_dir, "ptc-articles")
    with open(os.path.join(folder, "MANIFEST.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    wanted = found = 0
    false_insertions: list[tuple[str, str, str]] = []
    unlisted: list[tuple[str, str]] = []
    placement_on_clarification: list[tuple[str, str, str]] = []
    missed: list[tuple[str, str]] = []
    for entry in manifest:
        path = os.path.join(folder, entry["file"])
        doc = parse_source(read_source(path))
        insertions = [doc.text_of(s) for s in doc.spans_of(INSERTION)]
        listed = set(entry.get("insertions", [])) | set(entry.get("clarifications", [])) | set(entry.get("other_bracketed", []))
        for text in entry.get("insertions", []):
            wanted += 1
            if any(text in got or got in text for got in insertions):
                found += 1
            else:
                missed.append((entry["file"], text))
        for group in ("clarifications", "other_bracketed"):
            for text in entry.get(group, []):
                if text in insertions:
                    false_insertions.append((entry["file"], group, text))
        for got in insertions:
            if got not in listed and not any(got in t or t in got for t in entry.get("insertions", [])):
                unlisted.append((entry["file"], got))
        findings = lint_document(doc, settings)
        clarifications = set(entry.get("clarifications", [])) | set(entry.get("other_bracketed", []))
        for f in findings:
            if f.code[:3] == "NL1" and f.code != "NL105" and doc.source.original[f.start:f.end] in clarifications:
                placement_on_clarification.append((entry["file"], f.code, f.text))
    others = sum(len(e.get("clarifications", [])) + len(e.get("other_bracketed", [])) for e in manifest)
    print(f"== PTC: {len(manifest)} articles against MANIFEST.json")
    print(f"   commentary insertions found as `insertion`: {found}/{wanted}")
    for file, text in missed:
        print(f"     missed {file}: {text[:80]!r}")
    print(f"   clarifications and other brackets called `insertion`: {len(false_insertions)}/{others}")
    for file, group, text in false_insertions:
        print(f"     {file} ({group}): {text[:80]!r}")
    print(f"   insertions not in the manifest: {len(unlisted)}")
    for file, text in unlisted[:show]:
        print(f"     {file}: {text[:80]!r}")
    print(f"   placement findings (NL101-NL104) on a clarification or other bracket: {len(placement_on_clarification)}")
    for file, code, text in placement_on_clarification[:show]:
        print(f"     {file}: {code} {text[:60]!r}")


def _take(pool: Counter, text: str) -> bool:
    if pool[text] > 0:
        pool[text] -= 1
        return True
    return False


def _outlet(name: str) -> str:
    """The outlet a file of articles-dev comes from: its name is NNN_outlet_topic.txt."""
    parts = name.split("_")
    return parts[1] if len(parts) > 2 else name


def articles_dev_counts(folder: str, settings, entries: list[dict]) -> dict[str, Counter]:
    """The articles_dev acceptance figures for `entries` of MANIFEST.json, keyed by "all", "kind:…" and
    "outlet:…": each a Counter of the numerators and denominators."""
    out: dict[str, Counter] = {}
    for entry in entries:
        doc = parse_source(read_source(os.path.join(folder, entry["file"])))
        texts: dict[str, Counter] = {}
        for span in doc.walk():
            texts.setdefault(span.kind, Counter())[doc.text_of(span).strip()] += 1
        c = Counter()
        insertions = Counter(texts.get(INSERTION, Counter()))
        unsure = set(entry.get("unsure", []))
        for text in entry.get("insertions", []):
            hit = _take(insertions, text.strip())
            c["insertions"] += 1
            c["insertions found"] += hit
            if text not in unsure:
                c["sure insertions"] += 1
                c["sure insertions found"] += hit
        clarified = Counter(texts.get("clarification", Counter()))
        for group in ("clarifications", "other_bracketed"):
            for text in entry.get(group, []):
                c["non-commentary"] += 1
                c["non-commentary called insertion"] += _take(insertions, text.strip())
                if group == "clarifications":
                    c["clarifications"] += 1
                    c["clarifications recognised"] += _take(clarified, text.strip())
        c["unlabelled insertion spans"] += sum(insertions.values())
        quotes = Counter(texts.get("quote", Counter()))
        group = "british" if entry["kind"] == "british-single-quotes" else "other"
        for text in entry.get("quotations", []):
            c[f"{group} quotations"] += 1
            c[f"{group} quotations found"] += _take(quotes, text.strip())
        findings = lint_document(doc, settings)
        if entry.get("insertions") or entry.get("unbracketed_republisher_additions"):
            c["commentary files"] += 1
            c["commentary files flagged"] += any(f.code[:3] in ("NL1", "NL2") for f in findings)
        if entry["kind"] in ("original-wire", "clean-news-with-clarifications"):
            c["clean files"] += 1
            c["clean-file findings"] += len(findings)
            c["clean-file warnings"] += sum(f.severity in SERIOUS for f in findings)
        for key in ("all", "kind:" + entry["kind"], "outlet:" + _outlet(entry["file"])):
            out.setdefault(key, Counter()).update(c)
    return out


_DEV_FIGURES = (("insertions found", "insertions"), ("sure insertions found", "sure insertions"),
                ("non-commentary called insertion", "non-commentary"),
                ("clarifications recognised", "clarifications"),
                ("british quotations found", "british quotations"), ("other quotations found", "other quotations"),
                ("commentary files flagged", "commentary files"))


def _dev_line(c: Counter) -> str:
    parts = [f"{num.replace(' found', '').replace(' recognised', '').replace(' flagged', '')} {c[num]}/{c[den]}"
             for num, den in _DEV_FIGURES if c[den]]
    if c["unlabelled insertion spans"]:
        parts.append(f"unlabelled insertion spans {c['unlabelled insertion spans']}")
    if c["clean files"]:
        parts.append(f"clean-file findings {c['clean-file findings']} ({c['clean-file warnings']} warning+)")
    return "; ".join(parts)


def articles_dev(eval_dir: str, settings) -> None:
    """articles-dev: every acceptance figure for the whole set, per kind and per outlet, and the
    parenthetical-aside threshold chosen leaving each outlet out in turn."""
    folder = os.path.join(eval_dir, "articles-dev")
    with open(os.path.join(folder, "MANIFEST.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    counts = articles_dev_counts(folder, settings, manifest)
    print(f"== articles-dev: {len(manifest)} labelled articles")
    print(f"   all: {_dev_line(counts['all'])}")
    for prefix, title in (("kind:", "per kind"), ("outlet:", "per outlet")):
        print(f"   {title}:")
        for key in sorted(k for k in counts if k.startswith(prefix)):
            print(f"     {key[len(prefix):]}: {_dev_line(counts[key])}")
    _leave_one_outlet_out(folder, settings, manifest)


# The one number here chosen while looking at articles-dev: how many points of voice an unlabelled
# parenthesis needs to be commentary (brackets.is_parenthetical_aside). Each outlet's figures are given
# with the threshold that does best on the other outlets, beside the shipped one.
_ASIDE_THRESHOLDS = (2.0, 2.5, 3.0, 3.5, 4.0, 5.0)


def _aside_score(c: Counter) -> int:
    return c["sure insertions found"] - 2 * c["non-commentary called insertion"] - c["clean-file warnings"]


def _leave_one_outlet_out(folder: str, settings, manifest: list[dict]) -> None:
    from notelint.parsing import brackets

    shipped = brackets._ASIDE_THRESHOLD
    by_threshold: dict[float, dict[str, Counter]] = {}
    try:
        for threshold in _ASIDE_THRESHOLDS:
            brackets._ASIDE_THRESHOLD = threshold
            by_threshold[threshold] = articles_dev_counts(folder, settings, manifest)
    finally:
        brackets._ASIDE_THRESHOLD = shipped
    outlets = sorted(k for k in by_threshold[shipped] if k.startswith("outlet:"))
    held_out = Counter()
    chosen = Counter()
    for outlet in outlets:
        def rest(threshold: float) -> Counter:
            return by_threshold[threshold]["all"] - by_threshold[threshold][outlet]
        # Ties go to the higher threshold: the fewer parentheses called commentary, the safer on wire copy.
        best = max(_ASIDE_THRESHOLDS, key=lambda t: (_aside_score(rest(t)), t))
        chosen[best] += 1
        held_out.update(by_threshold[best][outlet])
    for threshold in _ASIDE_THRESHOLDS:
        c = by_threshold[threshold]["all"]
        print(f"   aside threshold {threshold}: sure insertions {c['sure insertions found']}/{c['sure insertions']}, "
              f"non-commentary called insertion {c['non-commentary called insertion']}, unlabelled insertion spans "
              f"{c['unlabelled insertion spans']}, clean-file warnings {c['clean-file warnings']}")
    print(f"   parenthetical-aside threshold (shipped {shipped}): in-sample {_dev_line(by_threshold[shipped]['all'])}")
    print(f"   leave-one-outlet-out ({len(outlets)} outlets; thresholds chosen {dict(sorted(chosen.items()))}): "
          f"{_dev_line(held_out)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", help="the shared evaluation folder (../shared/eval)")
    parser.add_argument("--show", type=int, default=5, help="examples to print per section (default: 5)")
    args = parser.parse_args(argv)
    if not os.path.isdir(os.path.join(args.eval_dir, "reuters")):
        print(f"{args.eval_dir}: error: not the evaluation folder (no reuters/ in it)", file=sys.stderr)
        return 2
    settings = load_settings(args.eval_dir, {"isolated": True})
    reuters(args.eval_dir, settings, args.show)
    rows = read_babe(args.eval_dir)
    babe_wire(rows, settings, args.show)
    babe_insertions(rows, settings, args.show)
    babe_standfirst(rows, settings)
    labelled_brackets(args.eval_dir, settings)
    ptc(args.eval_dir, settings, args.show)
    articles_dev(args.eval_dir, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
