"""Showing a diff: the full view (the republished article with each change marked, paragraph by paragraph),
side by side, a unified word diff like `git diff --word-diff`, and JSON. Findings formats (concise, sarif,
github) go through report.py like `check`.

Colour comes from rich, imported only when colouring; without colour every view marks changes in text:
[-deleted-] {+added without a mark+} {#marked insertion#} {>moved<} {~style~}.
"""
from __future__ import annotations

import bisect
import itertools
import json
from dataclasses import dataclass
from typing import IO

from .hunks import DiffResult, Hunk

# What each piece of a rendered paragraph is.
EQUAL, DELETED, UNMARKED, MARKED, MOVED, STYLE_OLD, STYLE_NEW, STYLE_BREAK, FURNITURE, BEYOND = (
    "equal", "deleted", "unmarked", "marked", "moved", "style_old", "style_new", "style_break", "furniture", "beyond")

RICH_STYLES = {DELETED: "strike red", UNMARKED: "bold white on red", MARKED: "black on yellow", MOVED: "bold blue",
               STYLE_OLD: "strike magenta", STYLE_NEW: "magenta", STYLE_BREAK: "magenta", FURNITURE: "dim",
               BEYOND: "dim italic"}
PLAIN_MARKERS = {DELETED: ("[-", "-]"), UNMARKED: ("{+", "+}"), MARKED: ("{#", "#}"), MOVED: ("{>", "<}"),
                 STYLE_OLD: ("{~", ""), STYLE_NEW: ("→", "~}"), STYLE_BREAK: ("{~", "~}"), FURNITURE: ("{%", "%}"),
                 BEYOND: ("{?", "?}")}
LEGEND = [(UNMARKED, "added without a mark"), (MARKED, "marked insertion"), (DELETED, "deleted"),
          (MOVED, "moved"), (STYLE_NEW, "house style"), (FURNITURE, "page furniture"),
          (BEYOND, "past the original's end")]
# Shown only when asked for: house style, and what the diff does not hold against the republisher (the page
# around the article, text the original does not reach).
_OPTIONAL = {STYLE_NEW: "show_style", FURNITURE: "show_furniture", BEYOND: "show_furniture"}


def visible(result: DiffResult, show_style: bool, show_furniture: bool = False) -> list[Hunk]:
    return [h for h in result.hunks if (show_style or h.kind != "style")
            and (show_furniture or h.kind not in ("furniture", "beyond_original"))]


def _legend(show_style: bool, show_furniture: bool) -> list[tuple[str, str]]:
    shown = {"show_style": show_style, "show_furniture": show_furniture}
    return [(kind, label) for kind, label in LEGEND if kind not in _OPTIONAL or shown[_OPTIONAL[kind]]]


@dataclass
class _Overlay:
    """Changes laid over the republished text: spans to colour and original text to show at points."""

    spans: list[tuple[int, int, str]]  # (start, end, piece kind) in the republished text, sorted
    points: list[tuple[int, str, str]]  # (offset, original text, piece kind) shown before that offset, sorted

    def __post_init__(self) -> None:
        # What one paragraph needs is found by bisection, not by a pass over every change of the article.
        self._span_starts = [s for s, _, _ in self.spans]
        self._reach = list(itertools.accumulate((e for _, e, _ in self.spans), max))  # furthest end so far
        self._point_offsets = [p[0] for p in self.points]

    def within(self, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, str, str]]]:
        """The spans that overlap [start, end) and the points in [start, end], in order."""
        first = bisect.bisect_left(self._span_starts, start)
        last = bisect.bisect_left(self._span_starts, end)
        k = first - 1
        while k >= 0 and self._reach[k] > start:  # spans that begin earlier and reach into the range
            k -= 1
        spans = [span for span in self.spans[k + 1:first] if span[1] > start] + self.spans[first:last]
        points = self.points[bisect.bisect_left(self._point_offsets, start):bisect.bisect_right(self._point_offsets, end)]
        return spans, points


def _overlay(result: DiffResult, hunks: list[Hunk]) -> _Overlay:
    a_text = result.original.doc.text
    spans, points = [], []
    for h in hunks:
        j_start, j_end = result.text_span(h, "republished")
        i_start, i_end = result.text_span(h, "original")
        old = a_text[i_start:i_end]
        if h.kind == "style":
            if h.rule in ("paragraph-split", "paragraph-join"):
                # Where the republished text split a paragraph, or joined two, with the words unchanged.
                points.append((j_end, "¶ split" if h.rule == "paragraph-split" else "¶ joined", STYLE_BREAK))
                continue
            points.append((j_start, old, STYLE_OLD))
            spans.append((j_start, j_end, STYLE_NEW))
        elif h.kind == "marked_insertion":
            spans.append((j_start, j_end, MARKED))
        elif h.kind == "unmarked_insertion":
            spans.append((j_start, j_end, UNMARKED))
        elif h.kind == "replacement":
            points.append((j_start, old, DELETED))
            spans.append((j_start, j_end, UNMARKED))
        elif h.kind == "deletion":
            points.append((j_start, old, DELETED))
        elif h.kind == "moved":
            spans.append((j_start, j_end, MOVED))
        elif h.kind == "furniture":
            if j_start < j_end:
                spans.append((j_start, j_end, FURNITURE))
            else:
                points.append((j_start, old, FURNITURE))  # the original's own page furniture
        elif h.kind == "beyond_original":
            spans.append((j_start, j_end, BEYOND))
    spans.sort()
    points.sort(key=lambda p: p[0])
    return _Overlay(spans, points)


def _pieces(text: str, start: int, end: int, overlay: _Overlay) -> list[tuple[str, str]]:
    """The text [start, end) cut into (text, kind) pieces, with deleted original text placed at its point."""
    spans, points = overlay.within(start, end)
    cuts = {start, end}
    for s, e, _ in spans:
        cuts.update((max(s, start), min(e, end)))
    cuts.update(p[0] for p in points)
    bounds = sorted(cuts)
    span_starts = [s for s, _, _ in spans]
    out: list[tuple[str, str]] = []
    for k, pos in enumerate(bounds):
        for offset, old, kind in points:
            if offset == pos and old:
                # Keep a space between the shown original text and the words around it.
                before = "" if not out or out[-1][0][-1:].isspace() or pos == start else " "
                out.append((before, EQUAL))
                out.append((old, kind))
                if pos < end and not text[pos:pos + 1].isspace() and kind not in (STYLE_OLD, STYLE_NEW, STYLE_BREAK):
                    out.append((" ", EQUAL))
        if k + 1 == len(bounds):
            break
        nxt = bounds[k + 1]
        piece_kind = EQUAL
        idx = bisect.bisect_right(span_starts, pos) - 1
        while idx >= 0:
            s, e, kind = spans[idx]
            if s <= pos < e:
                piece_kind = kind
                break
            idx -= 1
        out.append((text[pos:nxt], piece_kind))
    return [(t, k) for t, k in out if t]


def touched_blocks(result: DiffResult, hunks: list[Hunk]) -> list[int]:
    """Indices (into the republished blocks) of the paragraphs with a change to show."""
    b = result.republished
    out: set[int] = set()
    n = len(b.tokens)
    for h in hunks:
        if h.j1 < h.j2:
            out.update(b.block[h.j1:h.j2])
        elif n:
            out.add(b.block[max(min(h.j1 - 1, n - 1), 0)])
    return sorted(out)


def with_context(result: DiffResult, touched: list[int], context: int) -> list[tuple[int, bool, bool]]:
    """(block, is context only, follows a gap) for the touched paragraphs and `context` neighbours each side."""
    content = [k for k, span in enumerate(result.republished.blocks) if span.kind != "break"]
    order = {k: n for n, k in enumerate(content)}
    shown: set[int] = set()
    for k in touched:
        n = order[k]
        shown.update(content[max(0, n - context):n + context + 1])
    out, previous = [], None
    touched_set = set(touched)
    for k in sorted(shown, key=order.get):
        out.append((k, k not in touched_set, previous is not None and order[k] > previous + 1))
        previous = order[k]
    return out


def _block_label(result: DiffResult, k: int) -> tuple[str, int, int | None]:
    """(region, republished line, original line of the aligned text or None) of republished block k."""
    b = result.republished
    block = b.blocks[k]
    line = b.doc.location(block.start, block.end).line
    region = {"headline": "headline", "standfirst": "standfirst", "source": "source"}.get(block.kind, "body")
    original_line = None
    for j in range(*result.block_tokens("republished", k)):
        i = result.original_token_for(j)
        if i is not None:
            original_line = result.original.doc.location(*result.original.tokens.span(i, i + 1)).line
            break
    return region, line, original_line


# --- Full view -------------------------------------------------------------------------------------------

def write_full(result: DiffResult, out: IO[str], *, color: bool, show_style: bool = False,
               width: int | None = None, context: int = 0, show_furniture: bool = False) -> None:
    hunks = visible(result, show_style, show_furniture)
    overlay = _overlay(result, hunks)
    b = result.republished
    text = b.doc.text
    blocks = touched_blocks(result, hunks)
    a_path, b_path = result.original.doc.path or "-", b.doc.path or "-"
    if color:
        from rich.console import Console  # only when colouring: keeps start-up fast
        from rich.rule import Rule
        from rich.text import Text

        # Soft wrap: a paragraph is one line and the terminal (or pager) wraps it, so a file keeps whole lines.
        console = Console(file=out, force_terminal=True, highlight=False, width=width or 100, soft_wrap=True)
        console.print(Text.assemble(("notelint diff ", "bold"), (a_path, "bold"), " → ", (b_path, "bold")))
        legend = Text("  ")
        for kind, label in _legend(show_style, show_furniture):
            legend.append(label, style=RICH_STYLES[kind])
            legend.append("  ")
        console.print(legend)
    else:
        out.write(f"notelint diff {a_path} → {b_path}\n")
        legend = [(PLAIN_MARKERS[k], label) if k != STYLE_NEW else (("{~", "~}"), "house style: old→new")
                  for k, label in _legend(show_style, show_furniture)]
        out.write("  " + "  ".join(f"{opening}{label}{closing}" for (opening, closing), label in legend) + "\n")
    for k, is_context, gap in with_context(result, blocks, context):
        block = b.blocks[k]
        region, line, original_line = _block_label(result, k)
        where = f"{region} · {b_path}:{line}" + (f" · original line {original_line}" if original_line else " · new")
        pieces = _pieces(text, block.start, block.end, overlay)
        if color:
            if gap:
                console.print(Text("⋮", style="dim"))
            if is_context:
                console.print(Text(text[block.start:block.end], style="dim"))
                continue
            console.print(Rule(Text(where, style="dim"), align="left", style="dim"))
            body = Text()
            for piece, kind in pieces:
                body.append(piece, style=RICH_STYLES.get(kind, ""))
            console.print(body)
        else:
            if gap:
                out.write("⋮\n")
            if is_context:
                out.write(text[block.start:block.end] + "\n")
                continue
            out.write(f"── {where} ──\n")
            out.write(_plain(pieces) + "\n")
    _write_findings_and_summary(result, out, color, console if color else None)


def _plain(pieces: list[tuple[str, str]]) -> str:
    parts = []
    for piece, kind in pieces:
        if kind == EQUAL:
            parts.append(piece)
        else:
            opening, closing = PLAIN_MARKERS[kind]
            parts.append(f"{opening}{piece}{closing}")
    return "".join(parts)


def _write_findings_and_summary(result: DiffResult, out: IO[str], color: bool, console=None) -> None:
    severity_style = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
    if color:
        from rich.text import Text

        console.print()
        for f in result.findings:
            console.print(Text.assemble((f"{f.path}:{f.line}:{f.col}: ", "bold"), (f"{f.code} ", severity_style[f.severity]),
                                        (f"[{f.severity}] ", severity_style[f.severity]), f.message, (f" ({f.name})", "dim")))
        console.print(Text(result.summary_line(), style="bold"))
    else:
        out.write("\n")
        for f in result.findings:
            out.write(f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message} ({f.name})\n")
        out.write(result.summary_line() + "\n")


# --- Side by side ----------------------------------------------------------------------------------------

def write_side_by_side(result: DiffResult, out: IO[str], *, color: bool, show_style: bool = False,
                       width: int | None = None, show_furniture: bool = False, **_) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    hunks = visible(result, show_style, show_furniture)
    a, b = result.original, result.republished
    b_overlay = _overlay(result, [h for h in hunks if h.kind not in ("deletion", "replacement")
                                  and not (h.kind == "furniture" and h.j1 == h.j2)] +
                         [_replace_new_only(h) for h in hunks if h.kind == "replacement"])
    a_overlay = _original_overlay(result, hunks)
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, width=width or 160,
                      color_system="standard" if color else None)
    table = Table(show_header=True, expand=True, show_lines=True)
    table.add_column(f"original: {a.doc.path or '-'}", ratio=1)
    table.add_column(f"republished: {b.doc.path or '-'}", ratio=1)
    changed_original = _original_blocks_changed(result, hunks)
    for k in touched_blocks(result, hunks):
        block = b.blocks[k]
        a_blocks = _original_blocks_for(result, k, changed_original)
        left = Text()
        for n, ak in enumerate(a_blocks):
            ablock = a.blocks[ak]
            if n:
                left.append("\n\n")
            _append(left, _pieces(a.doc.text, ablock.start, ablock.end, a_overlay), color)
        right = Text()
        _append(right, _pieces(b.doc.text, block.start, block.end, b_overlay), color)
        table.add_row(left, right)
    console.print(table)
    _write_findings_and_summary(result, out, color, console if color else None)


def _append(text, pieces, color: bool) -> None:
    for piece, kind in pieces:
        if color or kind == EQUAL:
            text.append(piece, style=RICH_STYLES.get(kind, "") if color else "")
        else:
            opening, closing = PLAIN_MARKERS[kind]
            text.append(f"{opening}{piece}{closing}")


def _replace_new_only(h: Hunk) -> Hunk:
    return Hunk("unmarked_insertion", h.i1, h.i1, h.j1, h.j2, h.region, h.in_quote)


def _original_overlay(result: DiffResult, hunks: list[Hunk]) -> _Overlay:
    spans = []
    for h in hunks:
        if h.kind in ("deletion", "replacement"):
            spans.append((*result.text_span(h, "original"), DELETED))
        elif h.kind == "moved":
            spans.append((*result.text_span(h, "original"), MOVED))
        elif h.kind == "style" and h.i1 < h.i2:
            spans.append((*result.text_span(h, "original"), STYLE_OLD))
        elif h.kind == "furniture" and h.i1 < h.i2:
            spans.append((*result.text_span(h, "original"), FURNITURE))
    spans.sort()
    return _Overlay(spans, [])


def _original_blocks_changed(result: DiffResult, hunks: list[Hunk]) -> dict[int, set[int]]:
    """For each republished paragraph, the original paragraphs that changes in it took text from."""
    a, b = result.original, result.republished
    n = len(b.tokens)
    out: dict[int, set[int]] = {}
    for h in hunks:
        if h.kind == "moved" or h.i1 >= h.i2:
            continue
        if h.j1 < h.j2:
            blocks = set(b.block[h.j1:h.j2])
        elif n:
            blocks = {b.block[max(min(h.j1 - 1, n - 1), 0)]}
        else:
            continue
        taken = set(a.block[h.i1:h.i2])
        for k in blocks:
            out.setdefault(k, set()).update(taken)
    return out


def _original_blocks_for(result: DiffResult, k: int, changed_original: dict[int, set[int]]) -> list[int]:
    """The original paragraphs that correspond to republished paragraph k."""
    a = result.original
    out: set[int] = set(changed_original.get(k, ()))
    for j in range(*result.block_tokens("republished", k)):
        i = result.original_token_for(j)
        if i is not None:
            out.add(a.block[i])
    return sorted(out)


# --- Unified word diff -----------------------------------------------------------------------------------

def write_unified(result: DiffResult, out: IO[str], *, show_style: bool = False, context: int = 0,
                  show_furniture: bool = False, **_) -> None:
    """Plain text, one @@ section per changed paragraph of the republished article: words taken out of the
    original in [-…-], added in {+…+} (marked insertions too: their brackets show), as git --word-diff."""
    hunks = visible(result, show_style, show_furniture)
    b = result.republished
    moved_from = {}
    for h in hunks:
        if h.kind == "moved":
            moved_from[b.block[h.j1]] = result.original.doc.location(*result.text_span(h, "original")).line
    overlay = _overlay(result, [h for h in hunks if h.kind != "moved" and not (h.kind == "furniture" and h.j1 == h.j2)])
    out.write(f"--- {result.original.doc.path or '-'}\n+++ {b.doc.path or '-'}\n")
    for k, is_context, _gap in with_context(result, touched_blocks(result, hunks), context):
        block = b.blocks[k]
        if is_context:
            out.write(b.doc.text[block.start:block.end].rstrip("\n") + "\n")
            continue
        region, line, original_line = _block_label(result, k)
        note = f" (moved from original line {moved_from[k]})" if k in moved_from else ""
        out.write(f"@@ -{original_line if original_line else 0} +{line} @@ {region}{note}\n")
        pieces = _pieces(b.doc.text, block.start, block.end, overlay)
        words = []
        for piece, kind in pieces:
            if kind == EQUAL:
                words.append(piece)
            elif kind in (DELETED, STYLE_OLD):
                words.append(f"[-{piece}-]")
            elif kind == STYLE_BREAK:
                words.append(f"{{+{piece}+}}")
            else:
                words.append(f"{{+{piece}+}}")
        out.write("".join(words).rstrip("\n") + "\n")
    out.write(result.summary_line() + "\n")


# --- JSON ------------------------------------------------------------------------------------------------

def write_json(result: DiffResult, out: IO[str], **_) -> None:
    json.dump(result.to_json(), out, ensure_ascii=False, indent=1)
    out.write("\n")


VIEWS = {"full": write_full, "side-by-side": write_side_by_side, "unified": write_unified, "json": write_json}
