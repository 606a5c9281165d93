#!/usr/bin/env python3
"""How fast `notelint diff` is: prints times (best of several runs) and peak memory for

  * a 2,000-word article pair (goal: under 50 ms for the alignment),
  * a pair of 1 MB texts (goal: under 5 s),
  * a pathological pair: thousands of identical lines with a few changes (goal: under 5 s),
  * and, for information, two worst cases: unrelated 1 MB texts, and three symbols in random order;
  * moved text (`--moved`): articles of 1, 2 and 5 MB republished with every paragraph in shuffled order,
    timed through the whole `diff_documents` and the full view, with the growth ratio of the times (a
    near-linear diff takes about 5 times as long for 5 MB as for 1 MB).

Each is timed twice: the alignment and classification alone (`align` on tokens, what the diff adds) and the
whole `diff_documents` from text (parsing both articles included). Peak memory is measured in a separate run
under tracemalloc, so it does not slow the timed runs. Not a test: run it and read the figures.

    python benchmarks/diff_speed.py [--quick] [--moved] [--moved-only]
"""
from __future__ import annotations

import argparse
import gc
import io
import os
import random
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

import notelint  # noqa: E402
from notelint.diffing.align import align, blank_line_breaks, tokenize  # noqa: E402
from notelint.diffing.hunks import diff_documents  # noqa: E402

FIXTURE = os.path.join(HERE, "..", "tests", "fixtures", "iraqi-militias-republished.txt")


def wire_vocabulary() -> list[str]:
    text = open(FIXTURE, encoding="utf-8").read()
    body = text[:text.index("Source: Associated Press")]
    return [w.strip("“”\",.;:") for w in body.split() if w.strip("“”\",.;:")]


def make_article(words: int, rng: random.Random, vocabulary: list[str]) -> str:
    """Wire-like text: sentences of 12-30 words from the article's own vocabulary, some with quotations,
    numbers that make many sentences unique, paragraphs of one to three sentences."""
    paragraphs, count, serial = [], 0, 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(1, 3)):
            n = rng.randint(12, 30)
            chosen = [rng.choice(vocabulary) for _ in range(n)]
            serial += 1
            if rng.random() < 0.3:
                chosen.insert(rng.randint(1, n - 1), str(rng.randint(2, 9000)))
            sentence = " ".join(chosen)
            sentence = sentence[0].upper() + sentence[1:] + "."
            if rng.random() < 0.25:
                sentence = f"“{sentence[:-1]},” said {rng.choice(vocabulary)} {rng.choice(vocabulary)}."
            sentences.append(sentence)
            count += n
        paragraphs.append(" ".join(sentences))
    return "Headline of the story\n\n" + "\n\n".join(paragraphs) + "\n"


def republish(original: str, rng: random.Random, edits: int) -> str:
    """A republisher's copy: bracketed notes, unmarked sentences, changed and deleted words, a moved
    paragraph, curly quotes made straight in places, lines reflowed."""
    paragraphs = original.split("\n\n")
    for _ in range(edits):
        k = rng.randrange(1, len(paragraphs))
        words = paragraphs[k].split(" ")
        action = rng.randrange(5)
        if action == 0:
            words.insert(rng.randrange(len(words)), "[this is what they always say]")
        elif action == 1:
            words.append("Nobody believes a word of it.")
        elif action == 2 and len(words) > 3:
            words[rng.randrange(len(words))] = "remarkably"
        elif action == 3 and len(words) > 6:
            at = rng.randrange(len(words) - 3)
            del words[at:at + 2]
        else:
            paragraphs[k] = paragraphs[k].replace("“", '"').replace("”", '"')
            continue
        paragraphs[k] = " ".join(words)
    if len(paragraphs) > 10:
        paragraphs.insert(len(paragraphs) - 3, paragraphs.pop(3))
    for k in range(1, len(paragraphs), 7):
        paragraphs[k] = paragraphs[k].replace(" ", "\n", 3)
    return "\n\n".join(paragraphs)


def pathological(lines: int) -> tuple[str, str]:
    line = "The council met again on Tuesday and adjourned without a vote."
    original = [line] * lines
    republished = list(original)
    republished[lines // 5] = "The council met again on Tuesday and adjourned after a vote."
    republished.insert(lines // 2, "Protesters gathered outside the council building on Tuesday.")
    del republished[lines * 4 // 5]
    republished[lines - 10] = line.replace("Tuesday", "Wednesday")
    return "\n\n".join(original), "\n\n".join(republished)


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def align_only(a_text: str, b_text: str):
    a, b = tokenize(a_text), tokenize(b_text)
    return align(a, b, blank_line_breaks(a), blank_line_breaks(b))


def peak_mib(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2 ** 20


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each (for a smoke test)")
    parser.add_argument("--moved", action="store_true", help="also time shuffled paragraphs of 1, 2 and 5 MB")
    parser.add_argument("--moved-only", action="store_true", help="time only the shuffled paragraphs")
    args = parser.parse_args(argv)
    if args.moved_only:
        return moved_text(args.quick)
    rng = random.Random(20240611)
    vocabulary = wire_vocabulary()

    small_a = make_article(2000, rng, vocabulary)
    small_b = republish(small_a, rng, 12)
    big_a = make_article(1, rng, vocabulary)
    while len(big_a.encode()) < 1_000_000:
        big_a += "\n\n" + make_article(5000, rng, vocabulary).split("\n\n", 1)[1]
    big_b = republish(big_a, rng, 300)
    patho_a, patho_b = pathological(5000)
    unrelated = make_article(1, rng, vocabulary)
    while len(unrelated.encode()) < 1_000_000:
        unrelated += "\n\n" + make_article(5000, rng, vocabulary).split("\n\n", 1)[1]
    noise = random.Random(3)
    noise_a = " ".join(noise.choice("abc") for _ in range(150_000))
    noise_b = " ".join(noise.choice("abc") for _ in range(150_000))

    cases = [
        ("2,000-word pair", small_a, small_b, 0.050, 1 if args.quick else 20),
        ("1 MB pair", big_a, big_b, 5.0, 1 if args.quick else 3),
        ("pathological pair", patho_a, patho_b, 5.0, 1 if args.quick else 3),
        # Worst cases, no goal: nothing in common but the vocabulary; three symbols in random order.
        ("unrelated 1 MB", big_a, unrelated, None, 1),
        ("3-symbol noise", noise_a, noise_b, None, 1),
    ]
    print(f"Python {sys.version.split()[0]}, notelint {notelint.__version__}")
    print(f"{'case':<18} {'bytes (orig/repub), words':<30} {'align':>8} {'diff':>8} {'parse':>8} {'goal':>7} "
          f"{'peak MiB':>8}  hunks")
    failed = False
    for name, a_text, b_text, goal, runs in cases:
        sizes = f"{len(a_text.encode()):,}/{len(b_text.encode()):,}, {len(a_text.split()):,}"
        t_align = best_of(runs, lambda: align_only(a_text, b_text))
        t_parse = best_of(max(1, runs // 2), lambda: (notelint.parse(a_text, "original.txt"),
                                                       notelint.parse(b_text, "republished.txt")))
        docs = notelint.parse(a_text, "original.txt"), notelint.parse(b_text, "republished.txt")
        t_diff = best_of(runs, lambda: diff_documents(*docs))
        peak = peak_mib(lambda: diff_documents(*docs))
        summary = diff_documents(*docs).summary()
        kinds = ", ".join(f"{k.replace('_insertion', '')} {summary[k]}" for k in (
            "marked_insertion", "unmarked_insertion", "deletion", "replacement", "moved", "style") if summary[k])
        verdict = "" if goal is None else "ok" if t_diff < goal else "SLOW"
        failed |= verdict == "SLOW"
        goal_text = f"{goal * 1000:>5.0f}ms" if goal else f"{'-':>7}"
        print(f"{name:<18} {sizes:<30} {t_align * 1000:>6.1f}ms {t_diff * 1000:>6.1f}ms {t_parse * 1000:>6.0f}ms"
              f" {goal_text} {peak:>8.1f}  {summary['hunks']} ({kinds}) {verdict}")
    print("align: tokenise and align the two texts. diff: `diff_documents` on the two parsed articles (tokenise,\n"
          "annotate quotations and marks, align, classify, findings): the goal applies to it. parse: parsing both\n"
          "articles (the parser's cost, not the diff's). peak MiB: tracemalloc peak during diff.")
    if args.moved:
        print()
        failed |= bool(moved_text(args.quick))
    return 1 if failed else 0


def shuffled_pair(size: int, rng: random.Random, vocabulary: list[str]) -> tuple[str, str]:
    """An article of `size` bytes and its republication with the paragraphs after the headline shuffled."""
    text = make_article(1, rng, vocabulary)
    while len(text.encode()) < size:
        text += "\n\n" + make_article(5000, rng, vocabulary).split("\n\n", 1)[1]
    paragraphs = text.split("\n\n")
    body = paragraphs[1:]
    rng.shuffle(body)
    return text, "\n\n".join([paragraphs[0], *body])


def cpu_best_of(runs: int, fn) -> float:
    """Best CPU time of this process over `runs` runs: on a machine shared with other work, wall time
    swings with the load, CPU time much less."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def moved_text(quick: bool) -> int:
    """Time the diff of shuffled paragraphs at 1, 2 and 5 MB; print the CPU times and how they grow."""
    from notelint.diffing.render import write_full

    rng = random.Random(20240612)
    vocabulary = wire_vocabulary()
    sizes = (1_000_000, 2_000_000, 5_000_000)
    print(f"{'moved text':<18} {'bytes':>10} {'paragraphs':>10} {'diff':>8} {'full view':>10} {'moves':>6}")
    times = []
    for size in sizes:
        a_text, b_text = shuffled_pair(size, rng, vocabulary)
        docs = notelint.parse(a_text, "original.txt"), notelint.parse(b_text, "republished.txt")
        t_diff = cpu_best_of(1 if quick else 2, lambda: diff_documents(*docs))
        result = diff_documents(*docs)
        sink = io.StringIO()
        t_view = cpu_best_of(1, lambda: write_full(result, sink, color=False))
        times.append(t_diff + t_view)
        print(f"{'shuffled':<18} {len(a_text.encode()):>10,} {a_text.count(chr(10) * 2):>10,} {t_diff:>7.2f}s "
              f"{t_view:>9.2f}s {result.summary()['moved']:>6,}")
    growth = ", ".join(f"{sizes[k] // 1_000_000} MB / 1 MB: {times[k] / times[0]:.2f}x" for k in (1, 2))
    print(f"growth of diff + full view: {growth} (linear: 2x and 5x; quadratic: 4x and 25x); CPU seconds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
