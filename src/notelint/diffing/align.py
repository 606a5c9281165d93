"""Word alignment of two texts: tokenise with typographic normalisation, anchor on unique sentences and then
unique words (patience), align the gaps between anchors exactly (a longest common subsequence; a gap too
large for that is cut at rare words first), and pair deleted and inserted runs that are the same text
moved elsewhere.

This module knows strings only; `diff.py` brings the parsed documents (quotes, brackets, regions).
"""
from __future__ import annotations

import bisect
import os
import re
import time
import tomllib
from dataclasses import dataclass
from typing import Iterable, Sequence

import regex
from rapidfuzz.distance import Indel

from ..collector import paused

# --- Typographic normalisation: differences that no reader sees as a change produce no hunk at all. ---
DOUBLE_QUOTES = "\"“”„‟«»″〝〞＂"
SINGLE_QUOTES = "'‘’‚‛‹›′`´"
_PUNCT_NORM = {**{q: '"' for q in DOUBLE_QUOTES}, **{q: "'" for q in SINGLE_QUOTES},
               "–": "—", "―": "—", "‒": "—", "-": "—", "−": "—"}
# Inside words: curly apostrophes, the backtick and acute accent typed for one ("don`t", "don´t"), Unicode
# hyphens and the en dash of "2019–2020"; soft hyphens vanish.
# A hard-wrapped line may break after a word's own hyphen ("al-\nKhazali"): the break is not part of it.
# White space of any kind goes, no-break spaces too: "NEW\u00a0YORK" and "NEW YORK" are one dateline.
_WORD_NORM = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "\u00ad": None,
                            "\n": None, "\r": None, " ": None, "\t": None, "\u00a0": None, "\u2007": None,
                            "\u2009": None, "\u202f": None})

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# A possessive that a scrape set apart from its word ("Spotify 's CEO", the name having been a link) is still
# the word's: the space goes with the white space _WORD_NORM drops.
_WORD = r"[\w\u00ad]+(?:(?:[-‐‑–'’‘`´.,/&\u00ad]|[-‐‑][ \t]*\r?\n[ \t]*)[\w\u00ad]+)*(?:[ \t]['’]s\b)?%?"
_ABBREVIATION = r"(?:[^\W\d_]\.){2,}"  # U.S., U.N., a.m.: the final period belongs to the word
_ELLIPSIS = r"\.\s?\.\s?\.|…"
_DASH = r"-{2,}|[—–―‒−]"
_OTHER = rf"[^\w\s{_INVISIBLE}]"

SENTENCE_END = frozenset({".", "!", "?", "…"})
CLOSERS = frozenset({'"', "'", ")", "]"})
OPENERS = frozenset({"(", "["})


@dataclass(frozen=True)
class StyleRule:
    """A house-style equivalence: every match of `pattern` stands for the single token `canonical`
    (a template: `\\1`, `\\g<name>`), so the two forms align and a difference between them is `style`."""

    name: str
    pattern: str
    canonical: str
    description: str = ""

    @property
    def compiled(self):
        return regex.compile(self.pattern, regex.MULTILINE)


# Seconds a style rule's pattern may spend on one diff (both articles), in all.
STYLE_RULE_TIMEOUT = 1.0


class StyleError(Exception):
    """A broken style-equivalence file: one line naming the file and the entry."""


class StyleEquivalences:
    """The house-style rule pack (rules/style-equivalences.toml plus any the user adds) and the switches for
    differences handled structurally rather than by pattern."""

    def __init__(self, rules: Sequence[StyleRule] = (), *, paragraph_split_join: bool = True,
                 capitalisation: bool = True, punctuation: bool = True) -> None:
        self.rules = tuple(rules)
        self.paragraph_split_join = paragraph_split_join
        self.capitalisation = capitalisation
        self.punctuation = punctuation
        self._compiled = [rule.compiled for rule in self.rules]
        # Each rule's time budget for one diff (a user's --style-rules pattern may backtrack for ever); a
        # rule that spends it is dropped, and named in `timed_out` for the command to report.
        self.timeout = STYLE_RULE_TIMEOUT
        self._spent = [0.0] * len(self.rules)
        self.timed_out: list[str] = []

    def begin_diff(self) -> None:
        """Give every rule its whole budget again. One instance serves every diff of a process (find,
        corpus runs, a test session): a budget over its whole life would drop a sound rule once enough
        diffs had spent it, changing the results of a long run partway through."""
        self._spent = [0.0] * len(self.rules)

    @classmethod
    def load(cls, paths: Iterable[str] = (), *, defaults: bool = True) -> "StyleEquivalences":
        """The shipped equivalences (unless `defaults` is false), extended by the TOML files in `paths`:
        a later file's rule with the same name replaces the earlier one; `[options]` switches override."""
        files = ([default_equivalences_path()] if defaults else []) + list(paths)
        rules: dict[str, StyleRule] = {}
        options = {"paragraph_split_join": True, "capitalisation": True, "punctuation": True}
        for path in files:
            data = _read_toml(path)
            for key, value in (data.get("options") or {}).items():
                if key not in options or not isinstance(value, bool):
                    raise StyleError(f"{path}: error: [options] {key}: expected one of {sorted(options)} = true/false")
                options[key] = value
            for n, entry in enumerate(data.get("equivalence") or []):
                where = f"{path}: error: [[equivalence]] #{n + 1}"
                if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("name", "pattern", "canonical")):
                    raise StyleError(f"{where}: needs string keys name, pattern and canonical")
                rule = StyleRule(entry["name"], entry["pattern"], entry["canonical"], entry.get("description", ""))
                try:
                    compiled = rule.compiled
                except regex.error as exc:
                    raise StyleError(f"{where} ({rule.name}): bad pattern: {exc}") from None
                if compiled.search(""):
                    raise StyleError(f"{where} ({rule.name}): pattern matches the empty string")
                rules[rule.name] = rule
        return cls(list(rules.values()), **options)

    def matches(self, text: str, start: int, end: int) -> list[tuple[int, int, int, str]]:
        """Non-overlapping style matches (start, end, rule index, canonical form): leftmost first, then the
        longest, then the rule listed first. Each pattern runs on its own: far faster than one alternation."""
        found = []
        for index, compiled in enumerate(self._compiled):
            if compiled is None:
                continue  # timed out earlier in this run
            template = self.rules[index].canonical
            began = time.perf_counter()
            deadline = began + self.timeout - self._spent[index]
            rule_found = []
            try:
                for m in compiled.finditer(text, start, end, timeout=max(deadline - began, 0.0)):
                    if m.end() > m.start():
                        try:
                            expanded = m.expand(template)
                        except (regex.error, IndexError):
                            expanded = template
                        rule_found.append((m.start(), -m.end(), index,
                                           " ".join(expanded.translate(_WORD_NORM).split())))
                    if time.perf_counter() > deadline:
                        raise TimeoutError
            except TimeoutError:
                self._compiled[index] = None
                self.timed_out.append(self.rules[index].name)
                continue
            finally:
                self._spent[index] += time.perf_counter() - began
            found.extend(rule_found)
        found.sort()
        chosen = []
        last_end = start
        for s, neg_end, index, canon in found:
            if s >= last_end:
                chosen.append((s, -neg_end, index, canon))
                last_end = -neg_end
        return chosen


def default_equivalences_path() -> str:
    try:
        from importlib.resources import files

        return str(files("notelint.rules").joinpath("style-equivalences.toml"))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - running from an unusual layout
        return os.path.join(os.path.dirname(__file__), "..", "..", "rules", "style-equivalences.toml")


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise StyleError(f"{path}: error: no such file") from None
    except OSError as exc:
        raise StyleError(f"{path}: error: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(f"{path}: error: invalid TOML: {exc}") from None


_DEFAULT: StyleEquivalences | None = None


def default_equivalences() -> StyleEquivalences:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = StyleEquivalences.load()
    return _DEFAULT


# --- Tokens ---------------------------------------------------------------------------------------------

class Tokens:
    """The words and punctuation of a text range, as parallel lists (a 1 MB text has ~200k tokens).

    `norm` is the token after typographic normalisation (curly/straight quotes, dashes, ellipses, soft
    hyphens); `canon` is what alignment compares: `norm`, or a style rule's canonical form; `style` names
    that rule (else None).
    """

    __slots__ = ("text", "starts", "ends", "norms", "canons", "styles")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.norms: list[str] = []
        self.canons: list[str] = []
        self.styles: list[str | None] = []

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Text offsets covered by tokens i..j-1 (an empty range: the point after token i-1)."""
        if i < j:
            return self.starts[i], self.ends[j - 1]
        point = self.ends[i - 1] if i > 0 else (self.starts[0] if self.starts else 0)
        return point, point

    def raw(self, i: int, j: int) -> str:
        start, end = self.span(i, j)
        return self.text[start:end]


_PLAIN_TOKEN = re.compile(f"{_ABBREVIATION}|{_WORD}|{_ELLIPSIS}|{_DASH}|{_OTHER}")


def _norm_token(raw: str) -> str:
    """The typographic normal form of one plain token (words with curly apostrophes, quotes, dashes)."""
    first = raw[0]
    if first.isalnum() or first == "_" or first == "\u00ad":
        return raw if raw.isascii() and "\n" not in raw and "`" not in raw and " " not in raw and "\t" not in raw \
            else raw.translate(_WORD_NORM)
    normal = _PUNCT_NORM.get(raw)
    if normal is not None:
        return normal
    if first == "…" or (first == "." and len(raw) > 1):
        return "…"
    if first in "-—–―‒−":
        return "—"
    return raw


def tokenize(text: str, start: int = 0, end: int | None = None,
             equivalences: StyleEquivalences | None = None) -> Tokens:
    """Words (with inner apostrophes, hyphens, periods), style-rule matches and single punctuation marks."""
    eq = equivalences or default_equivalences()
    end = len(text) if end is None else end
    tokens = Tokens(text)
    starts, ends, norms, canons, styles = tokens.starts, tokens.ends, tokens.norms, tokens.canons, tokens.styles
    rule_names = [rule.name for rule in eq.rules]
    pos = start
    for stop, style_end, index, canon in [*eq.matches(text, start, end), (end, end, -1, "")]:
        # Plain tokens up to the next style match, in bulk (this is the hot path on large texts): most are
        # plain ASCII words, their own normal form.
        found = list(_PLAIN_TOKEN.finditer(text, pos, stop))
        starts.extend([m.start() for m in found])
        ends.extend([m.end() for m in found])
        raws = [m.group() for m in found]
        normal = [raw if raw.isalnum() and raw.isascii() else _norm_token(raw) for raw in raws]
        norms.extend(normal)
        canons.extend(normal)
        styles.extend([None] * len(normal))
        if index < 0:
            break
        starts.append(stop)
        ends.append(style_end)
        norms.append(" ".join(text[stop:style_end].translate(_WORD_NORM).split()))
        canons.append(canon)
        styles.append(rule_names[index])
        pos = style_end
    return tokens


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def blank_line_breaks(tokens: Tokens) -> list[int]:
    """Indices of tokens that start a new paragraph (a blank line before them)."""
    out = []
    starts = tokens.starts
    if not starts:
        return out
    for m in _BLANK_LINE.finditer(tokens.text, starts[0], tokens.ends[-1]):
        i = bisect.bisect_left(starts, m.end())
        if 0 < i < len(starts) and tokens.ends[i - 1] <= m.start() and (not out or out[-1] != i):
            out.append(i)
    return out


def sentence_starts(tokens: Tokens, breaks: Iterable[int] = ()) -> list[int]:
    """Token indices where sentences start: after . ! ? … (with an adjacent closing quote or bracket kept
    in the sentence), and at every paragraph break."""
    n = len(tokens)
    out = {0} if n else set()
    out.update(b for b in breaks if 0 < b < n)
    canons, starts, ends = tokens.canons, tokens.starts, tokens.ends
    i = 0
    while i < n:
        if canons[i] in SENTENCE_END:
            j = i + 1
            while j < n and canons[j] in CLOSERS and starts[j] == ends[j - 1]:
                j += 1
            if j < n:
                out.add(j)
            i = j
        else:
            i += 1
    return sorted(out)


# --- Sequence alignment over interned ids -----------------------------------------------------------------

# A gap without unique anchors is cut at rare shared words (histogram) and what is left is aligned exactly
# (a longest common subsequence, by rapidfuzz's compiled bit-parallel Indel) while its bit matrix stays
# small: 200 million cells are 25 MB and a fraction of a second. A larger gap with no word rare enough to
# cut it is reported as one replacement rather than spending quadratic time or memory on it.
LCS_MAX_CELLS = 200_000_000
HISTOGRAM_MAX_COUNT = 64


def _unique_anchors(a, alo, ahi, b, blo, bhi) -> list[tuple[int, int]]:
    """Patience: tokens occurring once in each range, in the longest order both ranges agree on."""
    pos_a: dict = {}
    for i in range(alo, ahi):
        t = a[i]
        pos_a[t] = -1 if t in pos_a else i
    pos_b: dict = {}
    for j in range(blo, bhi):
        t = b[j]
        if t in pos_a:
            pos_b[t] = -1 if t in pos_b else j
    pairs = sorted((pos_a[t], j) for t, j in pos_b.items() if j >= 0 and pos_a[t] >= 0)
    if not pairs:
        return []
    # Longest increasing subsequence of j (patience sorting with back pointers).
    tails: list[int] = []  # j of the smallest tail of each pile
    tail_index: list[int] = []
    back = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        pile = bisect.bisect_left(tails, j)
        if pile == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[pile] = j
            tail_index[pile] = n
        back[n] = tail_index[pile - 1] if pile else -1
    chain = []
    n = tail_index[-1]
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    chain.reverse()
    return chain


def _rare_match(a, alo, ahi, b, blo, bhi, max_count: int = HISTOGRAM_MAX_COUNT) -> tuple[int, int, int] | None:
    """Histogram: the longest common run through an occurrence of the rarest token both ranges share (None
    when even that one occurs more than `max_count` times in a)."""
    occurrences: dict = {}
    for i in range(alo, ahi):
        occurrences.setdefault(a[i], []).append(i)
    best_count = max_count + 1
    for j in range(blo, bhi):
        found = occurrences.get(b[j])
        if found is not None and len(found) < best_count:
            best_count = len(found)
    if best_count > max_count:
        return None
    best = None
    for j in range(blo, bhi):
        found = occurrences.get(b[j])
        if found is None or len(found) != best_count:
            continue
        for i in found:
            if best and best[0] <= i < best[0] + best[2] and i - best[0] == j - best[1]:
                continue  # inside the run already found
            s, t = i, j
            while s > alo and t > blo and a[s - 1] == b[t - 1]:
                s -= 1
                t -= 1
            e = i + 1
            f = j + 1
            while e < ahi and f < bhi and a[e] == b[f]:
                e += 1
                f += 1
            if best is None or e - s > best[2]:
                best = (s, t, e - s)
    return best


def _longest_common(a, alo, ahi, b, blo, bhi) -> list[tuple[int, int, int]]:
    """The runs of a longest common subsequence of a[alo:ahi] and b[blo:bhi] (rapidfuzz Indel)."""
    ops = Indel.opcodes(a[alo:ahi], b[blo:bhi])
    return [(alo + op.src_start, blo + op.dest_start, op.src_end - op.src_start) for op in ops if op.tag == "equal"]


def matching_blocks(a: Sequence, b: Sequence, alo: int = 0, ahi: int | None = None,
                    blo: int = 0, bhi: int | None = None) -> list[tuple[int, int, int]]:
    """Runs (i, j, n) with a[i:i+n] == b[j:j+n], increasing in both, over the given ranges.

    Common prefix and suffix first, then unique anchors (patience); a gap left without anchors is aligned
    exactly (longest common subsequence), or, when too large for that, cut at its rarest shared token
    (histogram) first. Each anchor splits the gap and the pieces are solved in turn.
    """
    ahi = len(a) if ahi is None else ahi
    bhi = len(b) if bhi is None else bhi
    out: list[tuple[int, int, int]] = []
    stack = [(alo, ahi, blo, bhi)]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        n = 0
        while alo + n < ahi and blo + n < bhi and a[alo + n] == b[blo + n]:
            n += 1
        if n:
            out.append((alo, blo, n))
            alo += n
            blo += n
        n = 0
        while ahi - n > alo and bhi - n > blo and a[ahi - 1 - n] == b[bhi - 1 - n]:
            n += 1
        if n:
            out.append((ahi - n, bhi - n, n))
            ahi -= n
            bhi -= n
        if alo == ahi or blo == bhi:
            continue
        anchors = _unique_anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            pi, pj = alo, blo
            for i, j in anchors:
                stack.append((pi, i, pj, j))
                out.append((i, j, 1))
                pi, pj = i + 1, j + 1
            stack.append((pi, ahi, pj, bhi))
            continue
        cells = (ahi - alo) * (bhi - blo)
        if cells > 400:
            # A shared word found once in the original's gap says where that text went: cut the gap there.
            # One found several times (repeated text) does not, and the longest run through one of its
            # copies may pair the wrong copies: such a gap is aligned exactly, unless it is too large.
            rare = _rare_match(a, alo, ahi, b, blo, bhi, 1 if cells <= LCS_MAX_CELLS else HISTOGRAM_MAX_COUNT)
            if rare:
                i, j, n = rare
                out.append(rare)
                stack.append((alo, i, blo, j))
                stack.append((i + n, ahi, j + n, bhi))
                continue
            if cells > LCS_MAX_CELLS:
                continue
        if set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
            continue  # nothing in common: the whole gap is a replacement
        out.extend(_longest_common(a, alo, ahi, b, blo, bhi))
    out.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, n in out:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            pi, pj, pn = merged[-1]
            merged[-1] = (pi, pj, pn + n)
        elif n:
            merged.append((i, j, n))
    return merged


@dataclass(frozen=True)
class Edit:
    """One step of an alignment: tokens a[i1:i2] and b[j1:j2]. Tags: equal, insert, delete, replace, and
    move (a[i1:i2] reappears, perhaps retouched, as b[j1:j2] somewhere else)."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def opcodes(blocks: list[tuple[int, int, int]], alen: int, blen: int) -> list[Edit]:
    edits: list[Edit] = []
    i = j = 0
    for bi, bj, n in [*blocks, (alen, blen, 0)]:
        if i < bi or j < bj:
            tag = "replace" if i < bi and j < bj else ("delete" if i < bi else "insert")
            edits.append(Edit(tag, i, bi, j, bj))
        if n:
            edits.append(Edit("equal", bi, bi + n, bj, bj + n))
        i, j = bi + n, bj + n
    return edits


def _intern(values: Iterable, table: dict) -> list[int]:
    """Small integers for values (equal values, equal ids): comparing ints beats comparing strings."""
    return [table.setdefault(value, len(table)) for value in values]


NEAR_IDENTICAL = 0.8
MAX_SENTENCE_PAIRING = 2500


def _near_identical_sentences(ida, si, bi, idb, sj, bj, similarity) -> list[tuple[int, int]]:
    """Where a gap holds more sentences on one side than the other, pair the sentences that are nearly the
    same (one word changed), in order, best total first; the rest are whole insertions or deletions.
    Aligning the gap's words in one piece could instead match half of one sentence with half of another.
    Pairs must be near-identical: a sentence split in two is left to the word alignment."""
    na, nb = bi - si, bj - sj
    if not na or not nb or na == nb or na * nb > MAX_SENTENCE_PAIRING:
        return []
    # score[k][m]: best total over a[si+k:], b[sj+m:]
    score = [[0.0] * (nb + 1) for _ in range(na + 1)]
    for k in range(na - 1, -1, -1):
        for m in range(nb - 1, -1, -1):
            sim = similarity(ida[si + k], idb[sj + m])
            paired = score[k + 1][m + 1] + sim if sim >= NEAR_IDENTICAL else -1.0
            score[k][m] = max(paired, score[k + 1][m], score[k][m + 1])
    pairs, k, m = [], 0, 0
    while k < na and m < nb:
        sim = similarity(ida[si + k], idb[sj + m])
        if sim >= NEAR_IDENTICAL and score[k][m] == score[k + 1][m + 1] + sim:
            pairs.append((si + k, sj + m))
            k, m = k + 1, m + 1
        elif score[k][m] == score[k + 1][m]:
            k += 1
        else:
            m += 1
    return pairs


def token_blocks(a: Tokens, b: Tokens, a_breaks: Iterable[int] = (), b_breaks: Iterable[int] = ()) -> list[tuple[int, int, int]]:
    """Matching token runs: whole sentences first (cheap, and a shared sentence is the best anchor), then
    words inside the gaps between matched sentences."""
    table: dict = {}
    ca, cb = _intern(a.canons, table), _intern(b.canons, table)
    sa, sb = sentence_starts(a, a_breaks), sentence_starts(b, b_breaks)
    bounds_a, bounds_b = [*sa, len(a)], [*sb, len(b)]
    sentences: dict = {}
    ida = _intern((tuple(ca[bounds_a[k]:bounds_a[k + 1]]) for k in range(len(sa))), sentences)
    idb = _intern((tuple(cb[bounds_b[k]:bounds_b[k + 1]]) for k in range(len(sb))), sentences)
    id_to_sentence = {v: k for k, v in sentences.items()}
    word_sets: dict[int, set] = {}

    def similarity(x: int, y: int) -> float:
        """Shared distinct words over the larger sentence's distinct words (1.0: the same words)."""
        for key in (x, y):
            if key not in word_sets:
                word_sets[key] = set(id_to_sentence[key])
        words_x, words_y = word_sets[x], word_sets[y]
        return len(words_x & words_y) / max(len(words_x), len(words_y), 1)

    sentence_ops = _pair_across_repeats(opcodes(matching_blocks(ida, idb), len(ida), len(idb)), ida, idb, similarity)
    sentence_blocks = [(e.i1, e.j1, e.i2 - e.i1) for e in sentence_ops if e.tag == "equal"]
    blocks: list[tuple[int, int, int]] = []
    si = sj = 0
    for bi, bj, n in [*sentence_blocks, (len(ida), len(idb), 0)]:
        if si < bi or sj < bj:  # a gap of unmatched sentences: align its words
            pairs = _near_identical_sentences(ida, si, bi, idb, sj, bj, similarity)
            pi, pj = si, sj
            for k, m in [*pairs, (bi, bj)]:
                # Between the pairs, and within each pair, words are aligned.
                blocks.extend(matching_blocks(ca, cb, bounds_a[pi], bounds_a[k], bounds_b[pj], bounds_b[m]))
                if k < bi:
                    blocks.extend(matching_blocks(ca, cb, bounds_a[k], bounds_a[k + 1], bounds_b[m], bounds_b[m + 1]))
                pi, pj = k + 1, m + 1
        if n:
            start_a, start_b = bounds_a[bi], bounds_b[bj]
            blocks.append((start_a, start_b, bounds_a[bi + n] - start_a))
        si, sj = bi + n, bj + n
    blocks.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        elif n:
            merged.append((i, j, n))
    return merged


def _pair_across_repeats(ops: list[Edit], a: Sequence, b: Sequence, similarity) -> list[Edit]:
    """Among copies of one repeated sentence, where the extra copies are deleted is a coin toss, and the alignment
    may put them beside the wrong insertion: "{+changed line+} … [-line-]{+new line+}". In a stretch where
    the original is nothing but that sentence, any assignment of its deleted copies to the gaps is a valid
    alignment: give them to the new sentences that resemble them most, so a changed line is diffed against
    the line it replaced."""
    out: list[Edit] = []
    k = 0
    while k < len(ops):
        e = ops[k]
        if e.tag == "equal" or e.i1 == e.i2:
            out.append(e)
            k += 1
            continue
        sentence = a[e.i1]
        # Grow the stretch around this gap: ops whose original side is only `sentence`.
        lo = k
        while lo > 0 and all(x == sentence for x in a[ops[lo - 1].i1:ops[lo - 1].i2]):
            lo -= 1
        hi = k + 1
        while hi < len(ops) and all(x == sentence for x in a[ops[hi].i1:ops[hi].i2]):
            hi += 1
        stretch = ops[lo:hi]
        gaps = [n for n, op in enumerate(stretch) if op.tag != "equal"]
        spare = sum(stretch[n].i2 - stretch[n].i1 for n in gaps)
        if len(gaps) < 2 or not all(x == sentence for op in stretch for x in a[op.i1:op.i2]):
            out.append(e)
            k += 1
            continue
        # Rank the new sentences by likeness to the repeated one; the most alike get a copy to pair with.
        candidates = sorted(((similarity(sentence, b[j]), n, j) for n in gaps for j in range(stretch[n].j1, stretch[n].j2)),
                            reverse=True)
        share = {n: 0 for n in gaps}
        for score, n, _ in candidates:
            if spare == 0 or score < 0.5:
                break
            share[n] += 1
            spare -= 1
        if spare:  # copies left over stay deletions, in the gaps that had them, first come first served
            for n in gaps:
                extra = min(spare, stretch[n].i2 - stretch[n].i1 - share[n]) if stretch[n].i2 - stretch[n].i1 > share[n] else 0
                share[n] += extra
                spare -= extra
            share[gaps[-1]] += spare
        out = out[:len(out) - (k - lo)]
        i, j = stretch[0].i1, stretch[0].j1
        for n, op in enumerate(stretch):
            na = op.i2 - op.i1 if op.tag == "equal" else share[n]
            nb = op.j2 - op.j1
            tag = op.tag if op.tag == "equal" else ("replace" if na and nb else ("delete" if na else "insert"))
            if na or nb:
                out.append(Edit(tag, i, i + na, j, j + nb))
            i, j = i + na, j + nb
        k = hi
    return out


# --- Clean-up: edits a person would write ------------------------------------------------------------------

_PUNCTUATION = frozenset(".,;:!?…—'\"()[]")


def _merge_small_equalities(edits: list[Edit], canons_a: list[str]) -> list[Edit]:
    """Fold a short equality squeezed between two larger edits into one replacement ("semantic clean-up"):
    a shared "the" or comma between a deleted and an inserted clause is chance, not alignment."""
    changed = True
    while changed:
        changed = False
        out: list[Edit] = []
        k = 0
        while k < len(edits):
            e = edits[k]
            if (e.tag == "equal" and out and out[-1].tag != "equal" and k + 1 < len(edits)
                    and edits[k + 1].tag != "equal"):
                before, after = out[-1], edits[k + 1]
                size = e.i2 - e.i1
                weak = all(c in _PUNCTUATION for c in canons_a[e.i1:e.i2])
                side_before = max(before.i2 - before.i1, before.j2 - before.j1)
                side_after = max(after.i2 - after.i1, after.j2 - after.j1)
                if size <= 2 and (weak or size < side_before and size < side_after) and side_before + side_after >= 3:
                    i1, j1 = before.i1, before.j1
                    i2, j2 = after.i2, after.j2
                    out[-1] = Edit("replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert"),
                                   i1, i2, j1, j2)
                    k += 2
                    changed = True
                    continue
            out.append(e)
            k += 1
        edits = out
    return edits


def _boundary_score(canons: list[str], starts: list[int], ends: list[int], text: str, j1: int, j2: int) -> int:
    """How well an inserted (or deleted) run b[j1:j2] sits on natural boundaries."""
    score = 0
    first, last = canons[j1], canons[j2 - 1]
    if first in OPENERS and last in (")", "]"):
        score += 4
    if j1 == 0 or canons[j1 - 1] in SENTENCE_END or canons[j1 - 1] in CLOSERS:
        score += 2
    if last in SENTENCE_END or last in CLOSERS:
        score += 1
    if j1 > 0 and "\n" in text[ends[j1 - 1]:starts[j1]]:
        score += 2
    return score


def _slide(edits: list[Edit], a: Tokens, b: Tokens) -> list[Edit]:
    """Shift each pure insertion or deletion along the equal text around it (where the result is the same
    diff) to the position with the best boundaries: "[note] by" rather than "note] by [".."""
    edits = list(edits)
    for k, e in enumerate(edits):
        if e.tag not in ("insert", "delete") or k == 0 or k + 1 >= len(edits):
            continue
        prev, nxt = edits[k - 1], edits[k + 1]
        if prev.tag != "equal" or nxt.tag != "equal":
            continue
        seq, tok = (b.canons, b) if e.tag == "insert" else (a.canons, a)
        lo, hi = (e.j1, e.j2) if e.tag == "insert" else (e.i1, e.i2)
        left = 0
        limit_left = prev.j2 - prev.j1
        while left < limit_left and seq[lo - left - 1] == seq[hi - left - 1]:
            left += 1
        right = 0
        limit_right = nxt.j2 - nxt.j1
        while right < limit_right and seq[lo + right] == seq[hi + right]:
            right += 1
        if not left and not right:
            continue
        best_shift, best_score = 0, None
        for shift in range(-left, right + 1):
            score = _boundary_score(seq, tok.starts, tok.ends, tok.text, lo + shift, hi + shift)
            if best_score is None or score > best_score or (score == best_score and shift == 0):
                best_shift, best_score = shift, score
        if best_shift:
            s = best_shift
            edits[k - 1] = Edit("equal", prev.i1, prev.i2 + s, prev.j1, prev.j2 + s)
            edits[k] = Edit(e.tag, e.i1 + s, e.i2 + s, e.j1 + s, e.j2 + s)
            edits[k + 1] = Edit("equal", nxt.i1 + s, nxt.i2, nxt.j1 + s, nxt.j2)
    return [e for e in edits if e.i1 < e.i2 or e.j1 < e.j2]


def _split_at_paragraphs(edits: list[Edit], a: Tokens, b: Tokens, a_breaks: set[int], b_breaks: set[int]) -> list[Edit]:
    """A replacement that crosses as many paragraph breaks on each side is diffed paragraph by paragraph:
    "risk[-.-] ¶ [-The embassy…-]" becomes "risk{+[note]+}. ¶ [-The embassy…-]{+More words…+}"."""
    out: list[Edit] = []
    sorted_a, sorted_b = sorted(a_breaks), sorted(b_breaks)
    for e in edits:
        if e.tag == "replace":
            cuts_a = _between(sorted_a, e.i1, e.i2)
            cuts_b = _between(sorted_b, e.j1, e.j2) if cuts_a else []
            if cuts_a and len(cuts_a) == len(cuts_b):
                bounds_a, bounds_b = [e.i1, *cuts_a, e.i2], [e.j1, *cuts_b, e.j2]
                for k in range(len(bounds_a) - 1):
                    out.extend(align_range(a, b, bounds_a[k], bounds_a[k + 1], bounds_b[k], bounds_b[k + 1]))
                continue
        out.append(e)
    # Neighbouring equal runs may now touch: join them.
    joined: list[Edit] = []
    for e in out:
        if joined and e.tag == "equal" and joined[-1].tag == "equal":
            joined[-1] = Edit("equal", joined[-1].i1, e.i2, joined[-1].j1, e.j2)
        elif joined and e.tag != "equal" and joined[-1].tag != "equal":
            p = joined[-1]
            i1, i2, j1, j2 = p.i1, e.i2, p.j1, e.j2
            joined[-1] = Edit("replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert"), i1, i2, j1, j2)
        else:
            joined.append(e)
    return joined


def _between(points: list[int], lo: int, hi: int) -> list[int]:
    """The sorted points strictly between lo and hi."""
    return points[bisect.bisect_right(points, lo):bisect.bisect_left(points, hi)]


def _paragraph_punctuation(edits: list[Edit], a: Tokens, b: Tokens, a_breaks: set[int], b_breaks: set[int]) -> list[Edit]:
    """Give a paragraph back its final period where a diff took it for a match elsewhere.

    Trimming the common suffix of a gap matches the original's last "." with the republished article's
    last ".", even when that one ends a different, inserted paragraph: "risk{+ [note]. The US … statement+}."
    Two repairs: an insertion (or deletion) that holds the same mark just before a paragraph break takes
    that one as the match instead; a paragraph replaced whole keeps its closing punctuation in the
    replacement rather than leaving it as a one-token equality.
    """
    out: list[Edit] = []
    for e in edits:
        prev = out[-1] if out else None
        if e.tag != "equal" or prev is None or prev.tag == "equal":
            out.append(e)
            continue
        t = b.canons[e.j1]
        if t not in SENTENCE_END and t not in CLOSERS:
            out.append(e)
            continue
        if prev.tag == "insert":
            q = next((q for q in range(prev.j1, prev.j2 - 1) if b.canons[q] == t and q + 1 in b_breaks), None)
            if q is not None:
                out.pop()
                if q > prev.j1:
                    out.append(Edit("insert", prev.i1, prev.i1, prev.j1, q))
                out.append(Edit("equal", e.i1, e.i1 + 1, q, q + 1))
                out.append(Edit("insert", e.i1 + 1, e.i1 + 1, q + 1, e.j1 + 1))
                if e.i1 + 1 < e.i2:
                    out.append(Edit("equal", e.i1 + 1, e.i2, e.j1 + 1, e.j2))
                continue
        elif prev.tag == "delete":
            q = next((q for q in range(prev.i1, prev.i2 - 1) if a.canons[q] == t and q + 1 in a_breaks), None)
            if q is not None:
                out.pop()
                if q > prev.i1:
                    out.append(Edit("delete", prev.i1, q, prev.j1, prev.j1))
                out.append(Edit("equal", q, q + 1, e.j1, e.j1 + 1))
                out.append(Edit("delete", q + 1, e.i1 + 1, e.j1 + 1, e.j1 + 1))
                if e.i1 + 1 < e.i2:
                    out.append(Edit("equal", e.i1 + 1, e.i2, e.j1 + 1, e.j2))
                continue
        elif (prev.i1 == 0 or prev.i1 in a_breaks) and (prev.j1 == 0 or prev.j1 in b_breaks):
            w = 0
            while e.i1 + w < e.i2 and a.canons[e.i1 + w] in _PUNCTUATION:
                w += 1
            ends_a = e.i1 + w == len(a) or e.i1 + w in a_breaks
            ends_b = e.j1 + w == len(b) or e.j1 + w in b_breaks
            if w and ends_a and ends_b:
                out[-1] = Edit("replace", prev.i1, prev.i2 + w, prev.j1, prev.j2 + w)
                if e.i1 + w < e.i2:
                    out.append(Edit("equal", e.i1 + w, e.i2, e.j1 + w, e.j2))
                continue
        out.append(e)
    return out


# --- Moves ------------------------------------------------------------------------------------------------

MOVE_MIN_TOKENS = 8
MOVE_SEED = 4
MOVE_MAX_GAP = 12
MOVE_MAX_SEED_PLACES = 16


def _find_moves(edits: list[Edit], ca: list[str], cb: list[str]) -> list[tuple[int, int, int, int]]:
    """Runs deleted in one place and inserted in another: (i1, i2, j1, j2), with small retouches inside."""
    deleted = [(e.i1, e.i2, k) for k, e in enumerate(edits) if e.tag in ("delete", "replace")]
    inserted = [(e.j1, e.j2, k) for k, e in enumerate(edits) if e.tag in ("insert", "replace")]
    if sum(i2 - i1 for i1, i2, _ in deleted) < MOVE_MIN_TOKENS or sum(j2 - j1 for j1, j2, _ in inserted) < MOVE_MIN_TOKENS:
        return []
    seeds: dict[tuple, list[tuple[int, int, int]]] = {}
    for i1, i2, k in deleted:
        for p in range(i1, i2 - MOVE_SEED + 1):
            seeds.setdefault(tuple(ca[p:p + MOVE_SEED]), []).append((p, i2, k))
    # A seed found in many places is too common to say where anything moved from (and would make the
    # search quadratic on repetitive text): drop it.
    seeds = {key: places for key, places in seeds.items() if len(places) <= MOVE_MAX_SEED_PLACES}
    used = bytearray(len(ca))
    matches: list[tuple[int, int, int, int, int]] = []  # (j, i, n, del_op, ins_op)
    copies: dict[tuple, int] | None = None

    def ambiguous(p: int) -> bool:
        # Text that occurs more than once in the original (repeated lines) has no one place it moved from:
        # reporting a move there would only pick one copy at random. The copies of every run of
        # MOVE_MIN_TOKENS deleted tokens are counted over the whole original, once, when first needed.
        nonlocal copies
        if copies is None:
            copies = {tuple(ca[q:q + MOVE_MIN_TOKENS]): 0
                      for i1, i2, _ in deleted for q in range(i1, i2 - MOVE_MIN_TOKENS + 1)}
            for q in range(len(ca) - MOVE_MIN_TOKENS + 1):
                gram = tuple(ca[q:q + MOVE_MIN_TOKENS])
                if gram in copies:
                    copies[gram] += 1
        return copies[tuple(ca[p:p + MOVE_MIN_TOKENS])] > 1

    for j1, j2, kb in inserted:
        j = j1
        while j <= j2 - MOVE_SEED:
            best = None
            for p, i_end, ka in seeds.get(tuple(cb[j:j + MOVE_SEED]), ()):
                if ka == kb or used[p]:
                    continue
                n = MOVE_SEED
                while p + n < i_end and j + n < j2 and ca[p + n] == cb[j + n] and not used[p + n]:
                    n += 1
                if best is None or n > best[1]:
                    best = (p, n, ka)
            if best and best[1] >= MOVE_MIN_TOKENS and not ambiguous(best[0]):
                p, n, ka = best
                for q in range(p, p + n):
                    used[q] = 1
                matches.append((j, p, n, ka, kb))
                j += n
            else:
                j += 1
    matches.sort()
    moves: list[list[int]] = []
    for j, p, n, ka, kb in matches:
        if moves and moves[-1][4:] == [ka, kb]:
            m = moves[-1]
            if 0 <= p - m[1] <= MOVE_MAX_GAP and 0 <= j - m[3] <= MOVE_MAX_GAP:
                m[1], m[3] = p + n, j + n
                continue
        moves.append([p, p + n, j, j + n, ka, kb])
    # A retouch at either end of the moved text ("with several words" / "with many words") leaves a short
    # tail on both sides: it belongs to the move (and is diffed inside it), not to a deletion and an insertion.
    # The moves as first found (they never overlap), sorted on each side, to ask whether another one
    # starts or ends in a stretch.
    starts_a, ends_a = sorted(m[0] for m in moves), sorted(m[1] for m in moves)
    starts_b, ends_b = sorted(m[2] for m in moves), sorted(m[3] for m in moves)
    for m in moves:
        op_a, op_b = edits[m[4]], edits[m[5]]
        if 0 < op_a.i2 - m[1] <= MOVE_MAX_GAP and 0 < op_b.j2 - m[3] <= MOVE_MAX_GAP \
                and not _between(starts_a, m[1], op_a.i2) and not _between(starts_b, m[3], op_b.j2):
            m[1], m[3] = op_a.i2, op_b.j2
        if 0 < m[0] - op_a.i1 <= MOVE_MAX_GAP and 0 < m[2] - op_b.j1 <= MOVE_MAX_GAP \
                and not _between(ends_a, op_a.i1 - 1, m[0]) and not _between(ends_b, op_b.j1 - 1, m[2]):
            m[0], m[2] = op_a.i1, op_b.j1
    return [tuple(m[:4]) for m in moves]  # type: ignore[misc]


def _subtract(lo: int, hi: int, cuts: list[tuple[int, int]], cut_ends: list[int]) -> list[tuple[int, int]]:
    """[lo, hi) less the cuts (sorted, never overlapping; cut_ends: their ends, in the same order)."""
    pieces = []
    k = bisect.bisect_right(cut_ends, lo)  # the first cut that ends after lo
    while k < len(cuts) and cuts[k][0] < hi:
        c1, c2 = cuts[k]
        if c1 > lo:
            pieces.append((lo, c1))
        lo = max(lo, c2)
        k += 1
    if lo < hi:
        pieces.append((lo, hi))
    return pieces


def _apply_moves(edits: list[Edit], moves, a: Tokens, b: Tokens) -> list[Edit]:
    cuts_a = sorted((m[0], m[1]) for m in moves)
    cuts_b = sorted((m[2], m[3]) for m in moves)
    ends_a, ends_b = [c[1] for c in cuts_a], [c[1] for c in cuts_b]
    out: list[Edit] = []
    for e in edits:
        if e.tag == "equal":
            out.append(e)
            continue
        pieces_a = _subtract(e.i1, e.i2, cuts_a, ends_a)
        pieces_b = _subtract(e.j1, e.j2, cuts_b, ends_b)
        if e.tag == "replace" and len(pieces_a) == 1 and len(pieces_b) == 1:
            out.append(Edit("replace", *pieces_a[0], *pieces_b[0]))
            continue
        # Unpaired remains: deletions stay where they were in the original, insertions where they are now.
        for i1, i2 in pieces_a:
            point = e.j1 if e.tag == "delete" or not pieces_b else _point_in_b(e, i1)
            out.append(Edit("delete", i1, i2, point, point))
        for j1, j2 in pieces_b:
            point = e.i1 if e.tag == "insert" else e.i2
            out.append(Edit("insert", point, point, j1, j2))
    for i1, i2, j1, j2 in moves:
        out.append(Edit("move", i1, i2, j1, j2))
        # Inside the moved text: its own equal runs (for house style) and retouches.
        out.extend(align_range(a, b, i1, i2, j1, j2))
    out.sort(key=lambda e: (e.j1, e.i1, e.tag != "move"))
    return out


def _point_in_b(e: Edit, i1: int) -> int:
    return e.j1 if i1 == e.i1 else e.j2


def align_range(a: Tokens, b: Tokens, i1: int, i2: int, j1: int, j2: int) -> list[Edit]:
    """Word-level edits between a[i1:i2] and b[j1:j2] (used inside a moved block)."""
    table: dict = {}
    ca, cb = _intern(a.canons[i1:i2], table), _intern(b.canons[j1:j2], table)
    blocks = [(i + i1, j + j1, n) for i, j, n in matching_blocks(ca, cb)]
    edits = []
    i, j = i1, j1
    for bi, bj, n in [*blocks, (i2, j2, 0)]:
        if i < bi or j < bj:
            edits.append(Edit("replace" if i < bi and j < bj else ("delete" if i < bi else "insert"), i, bi, j, bj))
        if n:
            edits.append(Edit("equal", bi, bi + n, bj, bj + n))
        i, j = bi + n, bj + n
    return _merge_small_equalities(edits, a.canons)


def align(a: Tokens, b: Tokens, a_breaks: Iterable[int] | None = None, b_breaks: Iterable[int] | None = None,
          *, detect_moves: bool = True) -> list[Edit]:
    """The edits turning token list `a` into `b`, in the order of `b` (moves included)."""
    # Aligning large texts makes millions of small tuples and lists and no reference cycles: with the
    # cyclic collector on, its full passes over them make the time grow faster than the text.
    with paused():
        return _align(a, b, a_breaks, b_breaks, detect_moves)


def _align(a: Tokens, b: Tokens, a_breaks: Iterable[int] | None, b_breaks: Iterable[int] | None,
           detect_moves: bool) -> list[Edit]:
    a_breaks = set(blank_line_breaks(a) if a_breaks is None else a_breaks)
    b_breaks = set(blank_line_breaks(b) if b_breaks is None else b_breaks)
    edits = opcodes(token_blocks(a, b, a_breaks, b_breaks), len(a), len(b))
    edits = _merge_small_equalities(edits, a.canons)
    edits = _split_at_paragraphs(edits, a, b, a_breaks, b_breaks)
    edits = _paragraph_punctuation(edits, a, b, a_breaks, b_breaks)
    edits = _slide(edits, a, b)
    if detect_moves:
        moves = _find_moves(edits, a.canons, b.canons)
        if moves:
            edits = _apply_moves(edits, moves, a, b)
    return edits


def align_texts(a_text: str, b_text: str, equivalences: StyleEquivalences | None = None) -> tuple[Tokens, Tokens, list[Edit]]:
    """Tokenise and align two plain texts (the whole of each)."""
    a = tokenize(a_text, equivalences=equivalences)
    b = tokenize(b_text, equivalences=equivalences)
    return a, b, align(a, b)


def render_word_diff(a: Tokens, b: Tokens, edits: list[Edit]) -> str:
    """A compact `[-deleted-]{+inserted+}` rendering of the edits over b's text, for debugging and tests."""
    parts = []
    for e in edits:
        if e.tag == "equal":
            parts.append(b.raw(e.j1, e.j2))
        elif e.tag == "move":
            parts.append("{>" + b.raw(e.j1, e.j2) + "<}")
        else:
            if e.i1 < e.i2 and e.tag != "insert":
                parts.append("[-" + a.raw(e.i1, e.i2) + "-]")
            if e.j1 < e.j2:
                parts.append("{+" + b.raw(e.j1, e.j2) + "+}")
    return " ".join(parts)

