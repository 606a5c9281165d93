"""Accuracy of the bracket classifier on real text: labelled spans, the PTC manifest, Reuters wire copy.

Usage: python benchmarks/brackets.py PATH-TO-EVAL [--standalone]

PATH-TO-EVAL is the shared eval folder (holding brackets/, ptc-articles/, reuters/); its files are read
in place, never copied. By default the real parser (`notelint.parse_source`) supplies the spans and a
labelled span counts as found when a span of that kind has exactly its start/end. `--standalone` (or a
parser that does not work yet) classifies each bracket directly with a simple quotation tracker.
Prints confusion tables (label -> kind counts), the Reuters insertion count, timing, and whether the
targets hold; exits 0 when they do, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict

from notelint.parsing.brackets import classify_bracket
from notelint.parsing.model import BRACKET_KINDS, INSERTION

NOT_FOUND = "(no span)"
CONTEXT = 200


# --- Standalone: our own bracket scan and quotation tracking --------------------------------------------
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    para_start = 0
    for m in _PARAGRAPH_BREAK_RE.finditer(text, 0, start):
        para_start = m.end()
    m = _PARAGRAPH_BREAK_RE.search(text, end)
    return para_start, (m.start() if m else len(text))


def _in_quote(prefix: str) -> bool:
    """Whether a quotation is open at the end of `prefix` (curly marks counted, straight ones paired)."""
    opens, closes = prefix.count("“"), prefix.count("”")
    if opens or closes:
        return opens > closes
    return prefix.count('"') % 2 == 1


def classify_at(text: str, start: int, end: int) -> str:
    """Classify text[start:end] (brackets included) the way the parser would call us."""
    para_start, para_end = _paragraph_bounds(text, start, end)
    prefix = text[para_start:start]
    kind, _ = classify_bracket(text[start + 1:end - 1], in_quote=_in_quote(prefix),
                               before=prefix[-CONTEXT:], after=text[end:para_end][:CONTEXT])
    return kind


_BRACKET_RE = re.compile(r"\[[^\[\]\n]*\]")


def standalone_spans(text: str) -> dict[tuple[int, int], str]:
    return {(m.start(), m.end()): classify_at(text, m.start(), m.end()) for m in _BRACKET_RE.finditer(text)}


# --- Parser mode -------------------------------------------------------------------------------------
def parser_works() -> bool:
    try:
        import notelint

        notelint.parse("a [b] c")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False


def parser_spans(path: str) -> dict[tuple[int, int], str]:
    """Bracket-kind spans of the parsed file, keyed by their offsets in the original file."""
    import notelint
    from notelint.reading.formats import read_source
    doc = notelint.parse_source(read_source(path))
    spans: dict[tuple[int, int], str] = {}
    for span in doc.walk():
        if span.kind in BRACKET_KINDS:
            loc = doc.location(span.start, span.end)
            spans[(loc.start, loc.end)] = span.kind
    return spans


def read_text(path: str) -> str:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def classifier_speed(texts: list[str], rounds: int = 20) -> tuple[int, float]:
    """Time classify_bracket alone on every bracket of `texts`, with the parser's argument shapes."""
    calls = []
    for text in texts:
        for m in _BRACKET_RE.finditer(text):
            s, e = m.span()
            calls.append((text[s + 1:e - 1], text[max(0, s - CONTEXT):s], text[e:e + CONTEXT]))
    # CPU time of this process: other work on a shared machine does not inflate it.
    t0 = time.process_time()
    for _ in range(rounds):
        for inner, before, after in calls:
            classify_bracket(inner, in_quote=False, before=before, after=after)
    return len(calls), time.process_time() - t0


# --- Reports -----------------------------------------------------------------------------------------
def print_table(title: str, table: dict[str, Counter]) -> None:
    kinds = sorted({k for row in table.values() for k in row})
    width = max([len(k) for k in kinds] + [9])
    label_width = max(len(label) for label in table) + 2
    print(f"\n{title}")
    print(" " * label_width + " ".join(f"{k:>{width}}" for k in kinds) + f" {'total':>6}")
    for label, row in table.items():
        cells = " ".join(f"{row.get(k, 0) or '.':>{width}}" for k in kinds)
        print(f"{label:<{label_width}}{cells} {sum(row.values()):>6}")


def overlaps_insertion(spans: dict[tuple[int, int], str], start: int, end: int) -> bool:
    return any(kind == INSERTION and s < end and start < e for (s, e), kind in spans.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_path")
    ap.add_argument("--standalone", action="store_true", help="classify brackets directly, without the parser")
    args = ap.parse_args(argv)
    use_parser = not args.standalone and parser_works()
    print(f"mode: {'parser spans (notelint.parse_source)' if use_parser else 'standalone classifier'}")
    cache: dict[str, dict[tuple[int, int], str]] = {}
    elapsed = 0.0

    parse_errors: list[str] = []

    def spans_of(path: str) -> dict[tuple[int, int], str]:
        nonlocal elapsed
        if path not in cache:
            t0 = time.perf_counter()
            try:
                cache[path] = parser_spans(path) if use_parser else standalone_spans(read_text(path))
            except Exception as exc:  # noqa: BLE001 - report the parser's failure and go on counting
                parse_errors.append(f"  {os.path.basename(path)}: {type(exc).__name__}: {exc}")
                cache[path] = {}
            elapsed += time.perf_counter() - t0
        return cache[path]

    ok = True

    # 1. Labelled spans.
    bdir = os.path.join(args.eval_path, "brackets")
    labels = [json.loads(line) for line in open(os.path.join(bdir, "labels.jsonl"), encoding="utf-8")]
    table: dict[str, Counter] = defaultdict(Counter)
    wrong: list[str] = []
    for lab in labels:
        path = os.path.join(bdir, "articles", lab["file"])
        kind = spans_of(path).get((lab["start"], lab["end"]), NOT_FOUND)
        table[lab["label"]][kind] += 1
        if (kind == INSERTION) != (lab["label"] == "commentary"):
            wrong.append(f"  {lab['label']} -> {kind}: {lab['bracket_text'][:110]!r}")
    print_table(f"eval/brackets: {len(labels)} labelled spans (label -> kind)", dict(sorted(table.items())))
    commentary = sum(table["commentary"].values())
    found = table["commentary"][INSERTION]
    others = len(labels) - commentary
    false_ins = sum(row[INSERTION] for label, row in table.items() if label != "commentary")
    target1 = found == commentary and false_ins <= 0.02 * others
    ok &= target1
    print(f"commentary found as insertion: {found}/{commentary}; other spans called insertion: "
          f"{false_ins}/{others} ({100 * false_ins / max(others, 1):.1f}%, target <= 2%) "
          f"{'OK' if target1 else 'FAIL'}")
    for line in wrong:
        print(line)

    # 2. PTC manifest.
    pdir = os.path.join(args.eval_path, "ptc-articles")
    manifest = json.load(open(os.path.join(pdir, "MANIFEST.json"), encoding="utf-8"))
    ptc: dict[str, Counter] = {k: Counter() for k in ("insertions", "clarifications", "other_bracketed")}
    ptc_wrong: list[str] = []
    for entry in manifest:
        path = os.path.join(pdir, entry["file"])
        text = read_text(path)
        spans = spans_of(path)
        for group in ptc:
            for s in dict.fromkeys(entry.get(group, [])):
                for m in re.finditer(re.escape(s), text):
                    kind = spans.get((m.start(), m.end()), NOT_FOUND)
                    ptc[group][kind] += 1
                    good = (kind == INSERTION) if group == "insertions" \
                        else not overlaps_insertion(spans, m.start(), m.end())
                    if not good:
                        ptc_wrong.append(f"  {group} -> {kind}: {entry['file']}: {s[:110]!r}")
    print_table("PTC manifest (group -> kind; every occurrence)", ptc)
    target2 = not ptc_wrong
    ok &= target2
    print(f"PTC: insertions found {ptc['insertions'][INSERTION]}/{sum(ptc['insertions'].values())}; "
          f"clarifications/other overlapping an insertion: "
          f"{sum(1 for w in ptc_wrong if not w.startswith('  insertions'))} {'OK' if target2 else 'FAIL'}")
    for line in ptc_wrong:
        print(line)

    # 3. Reuters wire copy: none of its brackets is commentary.
    rdir = os.path.join(args.eval_path, "reuters", "articles")
    reuters_kinds: Counter = Counter()
    reuters_ins: list[str] = []
    files_with_brackets = 0
    for name in sorted(os.listdir(rdir)):
        path = os.path.join(rdir, name)
        text = read_text(path)
        if "[" not in text:
            continue
        spans = spans_of(path)
        files_with_brackets += bool(spans)
        for (s, e), kind in spans.items():
            reuters_kinds[kind] += 1
            if kind == INSERTION:
                reuters_ins.append(f"  {name}: {text[s:e][:110]!r}")
    print(f"\nReuters: {sum(reuters_kinds.values())} bracket spans in {files_with_brackets} files: "
          + ", ".join(f"{k} {n}" for k, n in reuters_kinds.most_common()))
    target3 = not reuters_ins
    ok &= target3
    print(f"Reuters brackets called insertion: {len(reuters_ins)} (target 0) {'OK' if target3 else 'FAIL'}")
    for line in reuters_ins:
        print(line)

    print(f"\ntime: {elapsed:.2f} s for {len(cache)} files "
          f"({'parse' if use_parser else 'scan + classify'})")
    calls, seconds = classifier_speed([read_text(p) for p in cache])
    print(f"classify_bracket alone: {calls} brackets x 20 rounds in {seconds:.3f} s CPU = "
          f"{1e6 * seconds / (20 * calls):.1f} us per bracket")
    if parse_errors:
        ok = False
        print(f"parser failed on {len(parse_errors)} files (counted as having no spans):")
        for line in parse_errors[:10]:
            print(line)
    print(f"targets: {'all hold' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
