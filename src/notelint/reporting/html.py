"""HTML reports: one self-contained page to look at instead of a list of line:column findings.

- `write` (check): each article's text with its spans highlighted by kind, the findings beside it linked
  to their places, each rule's documentation one click away, and a table of articles × rules.
- `write_diff` (diff): the original and the republication side by side, hunks coloured by kind, altered
  quotations standing out, the summary in the header.
- `write_corpus` (stats): per-publisher charts with confidence intervals as inline SVG, from plain data.

A page is one file: inline CSS, a small inline script and SVG; no font, image or script is fetched, and a
Content-Security-Policy in the page itself forbids any request and any script but ours, so a page opened
from a CI artifact or offline looks the same, and an article that slipped markup past the escaping still
could not run anything. All article text goes through `esc`.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import html
import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Mapping, Sequence

from ..linting.findings import Finding
from ..parsing.model import (BREAK, CLARIFICATION, COMMENTS, HEADLINE, INSERTION, PARAGRAPH, QUOTE, SOURCE, STANDFIRST,
                             WIRE, Document, Span)
from ..reading.source import DEFAULT_MAX_BYTES, SourceError
from .common import display_path

# --- Escaping ---------------------------------------------------------------------------------------------

# Code points that must not reach the page as they are: C0 controls other than tab and line breaks, and
# lone surrogates (a corpus's JSON can hold "\ud800"; UTF-8 cannot encode one, so writing it would fail).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def esc(text: str) -> str:
    """Text as HTML character data or a quoted attribute value: markup characters escaped, and control
    characters and lone surrogates shown as U+FFFD (one for one, so nothing shifts)."""
    return html.escape(_UNSAFE.sub("\ufffd", text), quote=True)


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_STRIPPED = re.compile("[\x00-\x20\x7f]")


def safe_href(url: str | None) -> str | None:
    """A link target from data (a corpus's URL field), or None when it is not a plain web link or
    relative path: `javascript:`, `data:` and the like are never made into links. Browsers drop tabs,
    line breaks and leading control characters from a URL before reading its scheme; so do we."""
    if not url or not isinstance(url, str):
        return None
    probe = _URL_STRIPPED.sub("", url)
    match = _SCHEME.match(probe)
    if match and match.group(1).lower() not in ("http", "https"):
        return None
    if "\\" in probe[:8] or not probe:
        return None
    return esc(url.strip())


# --- The page ---------------------------------------------------------------------------------------------

CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5d6069;--line:#d8dae0;--panel:#f6f7f9;
--link:#0b57d0;--wire:#edf5ec;--quote:#dbe9ff;--quote-b:#5b8def;--ins:#ffd9a8;--ins-b:#c05600;
--clar:#eceff3;--stand:#f0e3ff;--stand-b:#8a3ffc;--src:#d9f2e6;--src-b:#1e7f4f;--com:#f1f1f1;--other:#fff3bf;
--err:#c5221f;--warn:#a15c00;--info:#1a6fb5;--hit:#ffe066;--del:#ffd7d5;--del-b:#c5221f;--unm:#ffb3ae;
--mark:#ffe8a3;--moved:#d6e4ff;--style:#ece3f7;--furn:#e8e8e8;--focus:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#15161a;--fg:#e6e6ea;--muted:#a2a5ae;--line:#363a45;--panel:#1f2128;
--link:#8ab4f8;--wire:#1c2a1f;--quote:#1b2d4d;--quote-b:#7aa7ff;--ins:#5a3510;--ins-b:#ffb366;--clar:#2a2d35;
--stand:#33204f;--stand-b:#c79bff;--src:#143528;--src-b:#6fd3a0;--com:#24262c;--other:#4a4010;--err:#ff8a80;
--warn:#ffc46b;--info:#8ab4f8;--hit:#6b5a00;--del:#4d1f1d;--del-b:#ff8a80;--unm:#6e2320;--mark:#594a12;
--moved:#1d3157;--style:#3a2c4d;--furn:#33353b;--focus:#8ab4f8}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
mark{color:inherit;background:none}
a:focus-visible,summary:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:9}
header.top{padding:1rem 1.5rem;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0 0 .25rem;font-size:1.35rem}
.summary{margin:.25rem 0;font-size:1.05rem}
.big{font-size:1.6rem;font-weight:700}
main{padding:0 1.5rem 2rem;max-width:100rem;margin:0 auto}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;unicode-bidi:isolate}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:.5rem 0 0;padding:0;list-style:none;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.3rem}
.sw{display:inline-block;min-width:2.2em;padding:0 .3em;border-radius:3px;text-align:center}
table{border-collapse:collapse}
.matrix{font-size:.9rem;margin:.5rem 0}
.matrix th,.matrix td{border:1px solid var(--line);padding:.2rem .45rem;text-align:right}
.matrix th:first-child{text-align:left;max-width:32rem}
.matrix thead th{background:var(--panel)}
.matrix td.z{color:transparent}
#summary summary{cursor:pointer;font-weight:600;margin:.5rem 0}
.art{border-top:1px solid var(--line);margin-top:1.5rem;content-visibility:auto;contain-intrinsic-size:auto 40rem}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,24rem);gap:1.5rem;align-items:start}
.text{max-width:48rem}
.blk{margin:0 0 .9rem;white-space:pre-wrap;overflow:hidden}
.k-headline{font-size:1.3rem;font-weight:700;line-height:1.3}
.k-standfirst{background:var(--stand);border-left:4px solid var(--stand-b);padding:.3rem .6rem;font-style:italic}
.k-comments{background:var(--com);border-left:4px solid var(--line);padding:.3rem .6rem;font-size:.92rem;color:var(--muted)}
.k-wire{background:var(--wire)}
.k-quote{background:var(--quote);box-shadow:inset 0 -2px var(--quote-b)}
.k-insertion{background:var(--ins);box-shadow:inset 0 -3px var(--ins-b);font-weight:600}
.k-clarification{background:var(--clar);text-decoration:underline dashed var(--muted)}
.k-source{background:var(--src);box-shadow:inset 0 -2px var(--src-b)}
.k-other{background:var(--other)}
mark.hit{background:none;color:inherit;text-decoration:underline wavy var(--warn);text-decoration-skip-ink:none;text-underline-offset:3px}
mark.hit.error{text-decoration-color:var(--err)}mark.hit.info{text-decoration-color:var(--info)}
mark.hit.on{background:var(--hit);outline:2px solid var(--warn)}
a.ref{font-size:.72em;vertical-align:super;line-height:0;text-decoration:none;font-weight:700;padding:0 .1em;scroll-margin:30vh}
a.ref:target{outline:3px solid var(--focus)}
.findings{position:sticky;top:0;max-height:100vh;overflow:auto;font-size:.92rem;background:var(--panel);
border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem}
.findings h3{margin:.2rem 0 .4rem;font-size:1rem}
.findings ol{margin:0;padding-left:1.6rem}
.findings li{margin:.35rem 0;scroll-margin:30vh}
.findings li:target{outline:2px solid var(--focus)}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:700}
.excerpt{display:block;color:var(--muted);unicode-bidi:isolate}
.note{color:var(--muted);font-size:.9rem}
.rule{border-top:1px solid var(--line);scroll-margin:2rem}
.rule:target{background:var(--panel);outline:2px solid var(--focus)}
.rule pre{background:var(--panel);padding:.5rem;white-space:pre-wrap}
.sbs{width:100%;table-layout:fixed;margin-top:1rem}
.sbs th{text-align:left;background:var(--panel);position:sticky;top:0;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
.sbs td{vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line);white-space:pre-wrap}
.sbs tr.same td{color:var(--muted)}
.sbs .region{display:block;font-size:.75rem;color:var(--muted);white-space:normal}
.h-deletion,.h-replacement-old{background:var(--del);text-decoration:line-through var(--del-b)}
.h-unmarked_insertion,.h-replacement{background:var(--unm);font-weight:600}
.h-marked_insertion{background:var(--mark)}
.h-moved{background:var(--moved);box-shadow:inset 0 -2px var(--quote-b)}
.h-style{background:var(--style);text-decoration:underline dotted}
.h-furniture,.h-page_furniture{background:var(--furn)}
.aq{outline:3px double var(--err);outline-offset:1px}
.badge{display:inline-block;font-size:.72rem;font-weight:700;color:var(--bg);background:var(--err);border-radius:3px;
padding:0 .3em;margin-right:.2em;white-space:nowrap;font-style:normal;text-decoration:none}
.hide-style .sbs .h-style{background:none;text-decoration:none}.hide-style .sbs mark.h-style.aux{display:none}
.pt{color:var(--del-b);font-weight:700}
a.mv{text-decoration:none;font-weight:700;padding:0 .15em;scroll-margin:30vh}a.mv:target{outline:3px solid var(--focus)}
.chart{max-width:60rem;width:100%;height:auto}
.chart text{fill:var(--fg);font:13px system-ui,sans-serif}.chart .tick{stroke:var(--line)}
.chart .bar{fill:var(--quote)}.chart .ci{stroke:var(--fg);stroke-width:1.5}.chart .pt{fill:var(--fg)}
.chart a text{fill:var(--link);text-decoration:underline}
@media (max-width:60rem){.cols{grid-template-columns:1fr}.findings{position:static;max-height:none}}
@media print{body{font-size:11pt}header.top{background:none}.skip,.noprint{display:none}
.cols{grid-template-columns:1fr}.findings{position:static;max-height:none;overflow:visible;break-inside:avoid}
.art{content-visibility:visible;break-before:page}.blk,.sbs tr{break-inside:avoid}
.matrix thead th,.sbs th{position:static}a{color:inherit}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# Progressive help only: the page reads, links and prints the same without it. It lights up every piece of
# a finding's text when the finding's number or list item is the target, gives j/k to step through the
# findings from the keyboard, and lets the diff's box hide house-style changes.
SCRIPT = """
(function(){
function light(){var on=document.querySelectorAll('mark.on');for(var i=0;i<on.length;i++)on[i].classList.remove('on');
var id=decodeURIComponent(location.hash.slice(1));if(!id)return;var el=document.getElementById(id);
if(!el||!el.dataset.f)return;var ms=document.querySelectorAll('mark[data-f~="'+el.dataset.f+'"]');
for(var j=0;j<ms.length;j++)ms[j].classList.add('on');}
window.addEventListener('hashchange',light);light();
var refs=null,at=-1;
document.addEventListener('keydown',function(e){if(e.altKey||e.ctrlKey||e.metaKey)return;
var t=e.target&&e.target.tagName;if(t==='INPUT'||t==='TEXTAREA'||t==='SELECT')return;
if(e.key!=='j'&&e.key!=='k')return;refs=refs||document.querySelectorAll('a.ref');if(!refs.length)return;
at=e.key==='j'?Math.min(at+1,refs.length-1):Math.max(at-1,0);refs[at].focus();location.hash=refs[at].id;});
var box=document.getElementById('show-style');
if(box){var f=function(){document.body.classList.toggle('hide-style',!box.checked);};box.addEventListener('change',f);f();}
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
# No request of any kind (fonts, images, frames, fetch), no script but the one above, no form or base URL.
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
       "base-uri 'none'; form-action 'none'")


def _page_start(out: IO[str], title: str) -> None:
    out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              '<meta name="color-scheme" content="light dark">\n'
              f'<meta name="generator" content="notelint">\n<title>{esc(title)}</title>\n'
              f"<style>{CSS}</style>\n</head>\n<body>\n"
              '<a class="skip" href="#main">Skip to the report</a>\n')


def _page_end(out: IO[str]) -> None:
    out.write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")


# --- Cutting text into marked pieces ----------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Mark:
    """A range of a text to mark with <mark class=...> pieces, and/or markup (`ref`: a numbered link, an
    anchor, a badge) to place at its start. A mark with no classes and start == end is a point."""

    start: int
    end: int
    classes: str = ""
    data: str = ""  # the pieces' data-f attribute: the finding it belongs to
    ref: str = ""


def _write_marked(parts: list[str], text: str, start: int, end: int, marks: Sequence[Mark], placed: set) -> None:
    """Append text[start:end] to `parts`, escaped, with the marks overlapping it as <mark> pieces (a mark
    crossing the range's ends is cut there; where marks overlap, a piece carries both) and each mark's
    `ref` placed at its start (once: `placed` remembers which are out)."""
    inside = [m for m in marks if (m.start < end and m.end > start) or (m.ref and start <= m.start < end)]
    if not inside:
        parts.append(esc(text[start:end]))
        return
    cuts = {start, end}
    for m in inside:
        cuts.add(max(m.start, start))
        cuts.add(min(m.end, end))
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        for m in inside:
            if m.ref and m.start == a and id(m) not in placed:
                parts.append(m.ref)
                placed.add(id(m))
        covering = [m for m in inside if m.classes and m.start <= a and b <= m.end]
        piece = esc(text[a:b])
        if covering:
            classes = " ".join(dict.fromkeys(" ".join(m.classes for m in covering).split()))
            data = " ".join(m.data for m in covering if m.data)
            data_attr = f' data-f="{data}"' if data else ""
            parts.append(f'<mark class="{classes}"{data_attr}>{piece}</mark>')
        else:
            parts.append(piece)


def _blocks_with_marks(blocks: Sequence[Span], marks: Sequence[Mark]) -> Iterator[tuple[Span, list[Mark], list[Mark]]]:
    """(block, the marks to draw in it, the refs it must end with if not placed inside). A mark is drawn
    in every block it overlaps; its ref belongs to the block it starts in, or the last block before it (a
    point after a block's last word lies at the block's end, or in the blank lines after it). One sweep
    down the blocks: an article with thousands of findings costs no more per finding than one with few."""
    starts = [b.start for b in blocks]
    home: dict[int, list[Mark]] = {}
    for m in marks:
        if m.ref:
            home.setdefault(max(0, bisect.bisect_right(starts, m.start) - 1), []).append(m)
    pending = sorted((m for m in marks if m.classes and m.end > m.start), key=lambda m: m.start)
    active: list[Mark] = []
    k = 0
    for n, block in enumerate(blocks):
        while k < len(pending) and pending[k].start < block.end:
            active.append(pending[k])
            k += 1
        active = [m for m in active if m.end > block.start]  # blocks only move on: a mark left behind stays so
        own = home.get(n, [])
        drawn_ids = {id(m) for m in active}
        yield block, active + [m for m in own if id(m) not in drawn_ids], own


# --- Where findings lie in the parsed text ----------------------------------------------------------------

def text_offset(document: Document, original: int) -> int:
    """The offset in the document's text of an offset into its original file: the inverse of
    Document.location for readers that extract text from Markdown or HTML (the identity for plain text).
    It is the first text offset that comes from there or later: an offset inside an entity or other run
    read as one piece maps to that piece's start; one inside markup the reader dropped, to the text after."""
    mapping = document.source.offsets
    if mapping is None:
        return original
    # Segments run in text order and their origins never go back: the first one reaching past `original`,
    # or starting at or after it.
    i = min(bisect.bisect_right(mapping.orig_ends, original), bisect.bisect_left(mapping.orig_starts, original))
    if i >= len(mapping.text_starts):
        return mapping.text_ends[-1] if mapping.text_ends else 0
    t0, t1, o0, o1 = mapping.text_starts[i], mapping.text_ends[i], mapping.orig_starts[i], mapping.orig_ends[i]
    if original > o0 and (t1 - t0) == (o1 - o0):
        return t0 + (original - o0)
    return t0


# --- The check report -------------------------------------------------------------------------------------

# The kinds highlighted, with the legend's words. Other bracket uses (footnotes, links, shortcodes) share one
# colour: they are neither the wire's words nor the republisher's commentary.
KIND_LABELS = (
    (HEADLINE, "headline"), (STANDFIRST, "standfirst (the republisher's)"), (WIRE, "wire text"),
    (QUOTE, "quotation"), (INSERTION, "editorial insertion"), (CLARIFICATION, "clarification"),
    (SOURCE, "credit"), ("other", "other brackets"), (COMMENTS, "reader comments"),
)
# The articles × rules table starts open up to this many articles, folded above (see `write`).
TABLE_OPEN_UP_TO = 300
_SPAN_CLASSES = {HEADLINE, STANDFIRST, WIRE, QUOTE, INSERTION, CLARIFICATION, SOURCE, COMMENTS, PARAGRAPH}


class ArticleSet:
    """The articles a check read, so that a page can show them: paths in report order, each read and parsed
    again when the page needs it, with its own settings' parser options. Only the HTML format asks for
    this: the other formats never read an article twice.

    `files`: (path, Settings or None) pairs; `sources`: text already read (standard input) by path."""

    def __init__(self, files: Iterable[tuple[str, object]] = (), *, input_format: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, sources: Mapping[str, str] | None = None) -> None:
        self.files = list(files)
        self.input_format = input_format
        self.max_bytes = max_bytes
        self.sources = dict(sources or {})

    def paths(self) -> list[str]:
        return [path for path, _ in self.files]

    def document(self, path: str, settings=None) -> Document | None:
        """The parsed article, or None when it cannot be read now (it was reported as an error, or it
        vanished since)."""
        from ..linting.engine import parser_options
        from ..parsing.document import build_document
        from ..reading.formats import format_for_path, make_source, read_source

        options = parser_options(settings) if settings is not None else {}
        try:
            if path in self.sources:
                fmt = self.input_format or (format_for_path(path) if path != "-" else "text")
                return build_document(make_source(self.sources[path], path, fmt), **options)
            return build_document(read_source(path, self.input_format, self.max_bytes), **options)
        except SourceError:
            return None


def _span_open(span: Span) -> str:
    kind = span.kind
    cls = f"k-{kind}" if kind in _SPAN_CLASSES else "k-other"
    title = ""
    if kind == QUOTE:
        who = " ".join(x for x in (span.attrs.get("speaker"), span.attrs.get("verb")) if x)
        title = f"quotation: {who}" if who else "quotation, no speaker found"
    elif kind == INSERTION:
        label = span.attrs.get("label")
        title = "editorial insertion" + (f" (label: {label})" if label else ", no label") + (
            ", inside a quotation" if span.attrs.get("in_quote") else "")
    elif kind == SOURCE:
        title = "credit: " + str(span.attrs.get("service") or span.attrs.get("credit") or "")
    elif cls == "k-other":
        title = kind.replace("_", " ")
    title_attr = f' title="{esc(title)}"' if title else ""
    return f'<span class="{cls}"{title_attr}>'


def _render_children(parts: list[str], text: str, span: Span, marks: Sequence[Mark], placed: set) -> None:
    pos = span.start
    for child in span.children:
        if child.start > pos:
            _write_marked(parts, text, pos, child.start, marks, placed)
        parts.append(_span_open(child))
        _render_children(parts, text, child, marks, placed)
        parts.append("</span>")
        pos = max(pos, child.end)
    if span.end > pos:
        _write_marked(parts, text, pos, span.end, marks, placed)


def _render_blocks(parts: list[str], doc: Document, marks: Sequence[Mark]) -> None:
    """The article's blocks (blank lines between them left to the layout), spans nested as parsed."""
    placed: set = set()
    blocks = [b for b in doc.spans if b.kind != BREAK]
    for block, drawn, own in _blocks_with_marks(blocks, marks):
        cls = f"blk k-{block.kind}" if block.kind in _SPAN_CLASSES else "blk k-other"
        parts.append(f'<div class="{cls}">')
        _render_children(parts, doc.text, block, drawn, placed)
        parts.extend(m.ref for m in own if id(m) not in placed)
        parts.append("</div>\n")


def _finding_marks(doc: Document, findings: Sequence[Finding], anchor: str) -> tuple[list[Mark], bool]:
    """The marks of an article's findings in its text, and whether the file still holds what was linted
    (a finding's text no longer there means it changed since: no marks then, only the list)."""
    original = doc.source.original
    marks = []
    for n, f in enumerate(findings, 1):
        if f.text and not f.text.endswith("...") and original[f.start:f.end] != f.text:
            return [], False
        start = text_offset(doc, f.start)
        end = max(start, text_offset(doc, f.end))
        ref = f'<a class="ref aux" id="{anchor}-f{n}" href="#{anchor}-l{n}" data-f="{anchor}-{n}" ' \
              f'aria-label="finding {n}: {esc(f.code)}">{n}</a>'
        marks.append(Mark(start, end, f"hit {f.severity}", f"{anchor}-{n}", ref))
    return marks, True


def _rule_doc(rule) -> str:
    parts = [f'<section class="rule" id="rule-{esc(rule.code)}"><h3><span class="code">{esc(rule.code)}</span> '
             f'{esc(rule.name)} <span class="sev {esc(rule.severity)}">{esc(rule.severity)}</span></h3>',
             f"<p>{esc(rule.summary)}</p>"]
    for title, body in (("What it flags", rule.what), ("Why it matters", rule.why)):
        if body:
            parts.append(f"<h4>{title}</h4><p>{esc(body)}</p>")
    if not rule.what and not rule.why and getattr(rule, "explanation", ""):
        parts.append(f"<p>{esc(rule.explanation)}</p>")
    for title, body in (("Example", rule.bad_example), ("Use instead", rule.good_example)):
        if body:
            parts.append(f"<h4>{title}</h4><pre>{esc(body)}</pre>")
    parts.append(f'<p class="note">In a terminal: <code>notelint rule {esc(rule.code)}</code></p></section>\n')
    return "".join(parts)


def _write_rule_docs(out: IO[str], rules: Sequence) -> None:
    """The documentation of the rules a page's findings link to (#rule-CODE), when there are any."""
    if rules:
        out.write('<section id="rules"><h2>Rules</h2>\n')
        for rule in rules:
            out.write(_rule_doc(rule))
        out.write("</section>\n")


def _legend(items: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f'<li><span class="sw {cls}" aria-hidden="true">Aa</span>{esc(label)}</li>' for cls, label in items)
    return f'<ul class="legend" aria-label="legend">{cells}</ul>\n'


def _summary_line(findings: Sequence[Finding], articles: int) -> str:
    from .text import summary_line

    noun = "article" if articles == 1 else "articles"
    return f"{summary_line(findings)} {articles:,} {noun} checked."


def write(findings: Sequence[Finding], out: IO[str], *, rules: Sequence = (), root: str | None = None,
          documents: ArticleSet | None = None, sources: Mapping[str, str] | None = None, **_unused) -> None:
    """The check report. `documents` gives every article checked (in report order) and parses them; without
    it, the articles with findings are read from disk (or from `sources`)."""
    root = root or os.getcwd()
    if documents is None:
        paths = list(dict.fromkeys(f.path for f in findings))
        documents = ArticleSet([(p, None) for p in paths], sources=sources)
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    paths = documents.paths()
    known = set(paths)
    paths += [p for p in by_path if p not in known]  # findings of a file the set does not list: still shown
    settings_of = dict(documents.files)
    anchors = {path: f"a{n}" for n, path in enumerate(paths, 1)}
    codes = sorted({f.code for f in findings})
    by_code = {r.code: r for r in rules or ()}

    _page_start(out, "notelint check report")
    out.write('<header class="top"><h1>notelint check</h1>')
    out.write(f'<p class="summary">{esc(_summary_line(findings, len(paths)))}</p>')
    out.write(_legend([(f"k-{k}" if k != "other" else "k-other", label) for k, label in KIND_LABELS]))
    out.write('<p class="note noprint">Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous finding; a finding\'s '
              "number in the text leads to it in the list, its place in the list back to the text.</p>")
    out.write('</header>\n<main id="main">\n')

    # Findings per rule over the whole run, then articles × rules.
    code_heads = []
    for code in codes:
        rule = by_code.get(code)
        title = f' title="{esc(rule.name)}: {esc(rule.summary)}"' if rule else ""
        code_heads.append(f'<th scope="col"><a class="code" href="#rule-{esc(code)}"{title}>{esc(code)}</a></th>')
    totals: dict[str, int] = {}
    articles_with: dict[str, set] = {}
    for f in findings:
        totals[f.code] = totals.get(f.code, 0) + 1
        articles_with.setdefault(f.code, set()).add(f.path)
    out.write('<section id="summary"><h2>Summary</h2>\n<table class="matrix" id="totals"><thead><tr>'
              f'<th scope="col">rule</th>{"".join(code_heads)}<th scope="col">any</th></tr></thead><tbody>'
              f'<tr><th scope="row">findings</th>{"".join(f"<td>{totals[c]}</td>" for c in codes)}'
              f"<td>{len(findings)}</td></tr>"
              f'<tr><th scope="row">articles with one</th>{"".join(f"<td>{len(articles_with[c])}</td>" for c in codes)}'
              f"<td>{len(by_path)}</td></tr></tbody></table>\n")
    # A table of thousands of rows is most of what a browser lays out before showing the page (3,000
    # articles: ~1.7 s to load, ~0.9 s with it folded): a long one starts folded.
    out.write(f'<details id="by-article"{" open" if len(paths) <= TABLE_OPEN_UP_TO else ""}>'
              f"<summary>Articles × rules ({len(paths):,} article{'s' if len(paths) != 1 else ''})</summary>\n"
              f'<table class="matrix"><thead><tr><th scope="col">article</th>{"".join(code_heads)}'
              '<th scope="col">total</th></tr></thead>\n<tbody>\n')
    for path in paths:
        in_file = by_path.get(path, ())
        counts: dict[str, int] = {}
        for f in in_file:
            counts[f.code] = counts.get(f.code, 0) + 1
        cells = "".join(f"<td>{counts[c]}</td>" if c in counts else '<td class="z">0</td>' for c in codes)
        out.write(f'<tr><th scope="row"><a class="path" href="#{anchors[path]}">{esc(display_path(path, root))}'
                  f"</a></th>{cells}<td>{len(in_file)}</td></tr>\n")
    out.write("</tbody></table></details></section>\n")

    # Each article.
    for path in paths:
        anchor = anchors[path]
        write_article(out, anchor, f'<span class="path">{esc(display_path(path, root))}</span>',
                      documents.document(path, settings_of.get(path)), by_path.get(path, []), by_code)

    # The rules' documentation, for the codes found.
    documented = [by_code[c] for c in codes if c in by_code]
    _write_rule_docs(out, documented)
    out.write("</main>\n")
    _page_end(out)


def write_article(out: IO[str], anchor: str, heading: str, doc: Document | None, findings: Sequence[Finding],
                  by_code: Mapping, no_text: str = "The file could not be read again to show its text.",
                  listed: int | None = None) -> None:
    """One article's section: its text with its spans highlighted and its findings marked, the findings
    listed beside it (each linked to its place and to its rule's documentation, `#rule-CODE`). `heading` is
    markup (escaped by the caller); `anchor` prefixes every id in the section; `doc` None: text not shown,
    and `no_text` says why; `listed`: at most that many findings listed, then how many more of each rule."""
    in_file = findings
    out.write(f'<article class="art" id="{anchor}" aria-labelledby="{anchor}-h">'
              f'<h2 id="{anchor}-h">{heading}</h2>\n'
              '<div class="cols"><div class="text">\n')
    located = False
    if doc is None:
        out.write(f'<p class="note">{esc(no_text)}</p>\n')
    else:
        marks, located = _finding_marks(doc, in_file, anchor)
        if not located:
            out.write('<p class="note">The file changed after it was checked: its findings are listed but '
                      "not placed in the text.</p>\n")
        parts: list[str] = []
        _render_blocks(parts, doc, marks)
        out.write("".join(parts))
    out.write('</div>\n<aside class="findings" aria-label="findings">')
    if in_file:
        out.write(f"<h3>{len(in_file)} finding{'s' if len(in_file) != 1 else ''}</h3><ol>\n")
        shown = in_file if listed is None else in_file[:listed]
        for n, f in enumerate(shown, 1):
            rule = by_code.get(f.code)
            where = f"{f.line}:{f.col}"
            loc = (f'<a class="loc" href="#{anchor}-f{n}" data-f="{anchor}-{n}">{where}</a>' if located
                   else f'<span class="loc">{where}</span>')
            code_title = f' title="{esc(rule.summary)}"' if rule else ""
            excerpt = f'<q class="excerpt">{esc(_clip(f.text, 160))}</q>' if f.text else ""
            out.write(f'<li id="{anchor}-l{n}" data-f="{anchor}-{n}">{loc} <a class="code" href="#rule-{esc(f.code)}"{code_title}>'
                      f'{esc(f.code)}</a> <span class="sev {esc(f.severity)}">{esc(f.severity)}</span> '
                      f"{esc(f.message)}{excerpt}</li>\n")
        if len(shown) < len(in_file):
            more = Counter(f.code for f in in_file[len(shown):])
            out.write(f'<li class="more">and {len(in_file) - len(shown)} more: '
                      + ", ".join(f"{esc(code)} ×{count}" for code, count in sorted(more.items())) + "</li>\n")
        out.write("</ol>")
    else:
        out.write('<h3>No findings</h3>')
    out.write("</aside></div></article>\n")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- The diff report --------------------------------------------------------------------------------------

HUNK_LABELS = {"marked_insertion": "marked insertion", "unmarked_insertion": "insertion without a mark",
               "deletion": "deletion", "replacement": "replacement", "moved": "moved", "style": "house style",
               "furniture": "page furniture", "page_furniture": "page furniture"}
_CLASS_SAFE = re.compile(r"[^a-z0-9_]")


def _hunk_class(kind: str) -> str:
    return "h-" + _CLASS_SAFE.sub("_", kind.lower())


def _diff_rows(result) -> list[tuple[list[int], int | None]]:
    """Rows of the side-by-side table: (original blocks, republished block or None), in the republished
    article's order, each original paragraph shown once: next to the republished paragraph its words
    were kept in (aligned as equal), or in a row of its own after the row of the paragraph before it."""
    a, b = result.original, result.republished
    claims: dict[int, set[int]] = {}
    claimed: set[int] = set()
    for e in result.edits:
        if e.tag != "equal":
            continue
        for i, j in zip(range(e.i1, e.i2), range(e.j1, e.j2)):
            ka, kb = a.block[i], b.block[j]
            if ka not in claimed:
                claimed.add(ka)
                claims.setdefault(kb, set()).add(ka)
    for h in result.hunks:  # a replaced paragraph sits beside its replacement
        if h.kind in ("replacement", "style") and h.i1 < h.i2 and h.j1 < h.j2:
            kb = b.block[h.j1]
            for ka in set(a.block[h.i1:h.i2]):
                if ka not in claimed:
                    claimed.add(ka)
                    claims.setdefault(kb, set()).add(ka)
    content_b = [k for k, s in enumerate(b.blocks) if s.kind != BREAK]
    content_a = [k for k, s in enumerate(a.blocks) if s.kind != BREAK]
    rows: list[tuple[list[int], int | None]] = [(sorted(claims.get(kb, ())), kb) for kb in content_b]
    # Unclaimed original paragraphs (taken out whole): after the row holding the nearest earlier original one.
    row_of = {ka: r for r, (kas, _) in enumerate(rows) for ka in kas}
    after: dict[int, list[int]] = {}
    last_row = -1
    for ka in content_a:
        if ka in row_of:
            last_row = row_of[ka]
        else:
            after.setdefault(last_row, []).append(ka)
    out = [([ka], None) for ka in after.get(-1, [])]
    for r, row in enumerate(rows):
        out.append(row)
        out.extend(([ka], None) for ka in after.get(r, []))
    return out


def write_diff(result, out: IO[str], *, rules: Sequence = (), root: str | None = None, show_style: bool = True,
               **_unused) -> None:
    """The diff report: original and republication side by side."""
    from ..diffing.hunks import KINDS as DIFF_KINDS  # the diff's own order of its kinds
    root = root or os.getcwd()
    a, b = result.original, result.republished
    a_text, b_text = a.doc.text, b.doc.text
    a_path, b_path = display_path(a.doc.path or "-", root), display_path(b.doc.path or "-", root)
    summary = result.summary()
    by_code = {r.code: r for r in rules or ()}

    a_marks: list[Mark] = []
    b_marks: list[Mark] = []
    for n, h in enumerate(result.hunks, 1):
        altered = " aq" if h.alters_quote else ""
        badge = '<span class="badge aux">altered quotation</span>' if h.alters_quote else ""
        label = esc(HUNK_LABELS.get(h.kind, h.kind.replace("_", " ")))
        i_start, i_end = result.text_span(h, "original")
        j_start, j_end = result.text_span(h, "republished")
        if h.kind == "style" and h.rule in ("paragraph-split", "paragraph-join"):
            word = "¶ split" if h.rule == "paragraph-split" else "¶ joined"
            b_marks.append(Mark(j_end, j_end, ref=f'<mark class="h-style aux" id="h{n}-b" '
                                                 f'title="house style: {esc(h.rule)}">{word}</mark>'))
            continue
        if h.kind == "moved" and i_end > i_start and j_end > j_start:
            # Each side of a move links to the other.
            a_ref = f'<a class="aux mv" id="h{n}-a" href="#h{n}-b" title="moved: where it went">↷</a>'
            b_ref = f'<a class="aux mv" id="h{n}-b" href="#h{n}-a" title="moved: where it was">↶</a>'
        else:
            a_ref = f'<span class="aux" id="h{n}-a" title="{label}">{badge}</span>'
            b_ref = f'<span class="aux" id="h{n}-b" title="{label}">{badge}</span>'
        if i_end > i_start:
            old = "h-replacement-old" if h.kind == "replacement" else _hunk_class(h.kind)
            a_marks.append(Mark(i_start, i_end, old + altered, ref=a_ref))
        if j_end > j_start:
            b_marks.append(Mark(j_start, j_end, _hunk_class(h.kind) + altered, ref=b_ref))
        elif h.kind == "deletion":
            # Where the original's words were taken out, in the republished column.
            b_marks.append(Mark(j_start, j_start, ref=f'<span class="pt aux{altered}" id="h{n}-b" '
                                                     f'title="deleted here">{badge}⌫</span>'))
    # Each finding's place in the republished column.
    for n, f in enumerate(result.findings, 1):
        at = text_offset(b.doc, f.start)
        b_marks.append(Mark(at, at, ref=f'<a class="ref aux" id="d-f{n}" href="#d-l{n}">{n}</a>'))
    b_marks.sort(key=lambda m: m.start)  # refs at one offset keep the order they were made in

    _page_start(out, f"notelint diff: {a_path} → {b_path}")
    share = summary.get("not_wire_share", 0.0) * 100
    out.write('<header class="top"><h1>notelint diff</h1>')
    out.write(f'<p class="summary"><span class="path">{esc(a_path)}</span> → <span class="path">{esc(b_path)}'
              "</span></p>")
    out.write(f'<p class="summary" id="share"><span class="big">{share:.1f}%</span> of the republished article is '
              "not wire text</p>")
    counts = [f"{HUNK_LABELS.get(k, k)} {summary[k]}" for k in DIFF_KINDS if isinstance(summary.get(k), int)]
    out.write(f'<p class="summary" id="counts">Changes: {esc(" · ".join(counts))}</p>')
    altered = sum(1 for h in result.hunks if h.alters_quote)
    if altered:
        out.write(f'<p class="summary"><span class="badge">altered quotation</span> {altered} change'
                  f"{'s' if altered != 1 else ''} alter{'s' if altered == 1 else ''} the words of a quotation</p>")
    kinds = list(DIFF_KINDS)
    kinds += sorted({h.kind for h in result.hunks} - set(kinds))  # a kind the diff learns later still shows
    out.write(_legend([(_hunk_class(k), HUNK_LABELS.get(k, k.replace("_", " "))) for k in kinds]
                      + [("aq", "altered quotation")]))
    out.write('<p class="noprint"><label><input type="checkbox" id="show-style"'
              f'{" checked" if show_style else ""}> show house-style changes</label></p>')
    out.write("</header>\n<main id=\"main\">\n")

    if result.findings:
        out.write(f'<section id="findings"><h2>{len(result.findings)} finding'
                  f"{'s' if len(result.findings) != 1 else ''}</h2><ol>\n")
        for n, f in enumerate(result.findings, 1):
            rule = by_code.get(f.code)
            title = f' title="{esc(rule.summary)}"' if rule else ""
            out.write(f'<li id="d-l{n}"><a class="loc" href="#d-f{n}">{f.line}:{f.col}</a> '
                      f'<a class="code" href="#rule-{esc(f.code)}"{title}>{esc(f.code)}</a> '
                      f'<span class="sev {esc(f.severity)}">{esc(f.severity)}</span> {esc(f.message)}</li>\n')
        out.write("</ol></section>\n")

    out.write('<table class="sbs"><thead><tr>'
              f'<th scope="col" id="col-a">original: <span class="path">{esc(a_path)}</span></th>'
              f'<th scope="col" id="col-b">republished: <span class="path">{esc(b_path)}</span></th>'
              "</tr></thead>\n<tbody>\n")
    a_content = [blk for blk in a.blocks if blk.kind != BREAK]
    a_drawn = {id(block): (drawn, own) for block, drawn, own in _blocks_with_marks(a_content, a_marks)}
    b_content = [blk for blk in b.blocks if blk.kind != BREAK]
    b_drawn = {id(block): (drawn, own) for block, drawn, own in _blocks_with_marks(b_content, b_marks)}
    placed: set = set()
    for kas, kb in _diff_rows(result):
        left: list[str] = []
        left_changed = False
        for n, ka in enumerate(kas):
            block = a.blocks[ka]
            drawn, own = a_drawn[id(block)]
            if n:
                left.append("\n\n")
            _write_marked(left, a_text, block.start, block.end, drawn, placed)
            left.extend(m.ref for m in own if id(m) not in placed)
            left_changed = left_changed or bool(drawn)
        right: list[str] = []
        right_changed, region = False, ""
        if kb is not None:
            block = b.blocks[kb]
            drawn, own = b_drawn[id(block)]
            _write_marked(right, b_text, block.start, block.end, drawn, placed)
            right.extend(m.ref for m in own if id(m) not in placed)
            right_changed = bool(drawn)
            region = {"headline": "headline", "standfirst": "standfirst", "source": "credit"}.get(block.kind, "")
        row_cls = "" if (left_changed or right_changed or kb is None) else ' class="same"'
        region_label = f'<span class="region aux">{region}</span>' if region else ""
        out.write(f'<tr{row_cls}><td class="a">{"".join(left)}</td>'
                  f'<td class="b">{region_label}{"".join(right)}</td></tr>\n')
    out.write("</tbody></table>\n")

    documented = [by_code[c] for c in sorted({f.code for f in result.findings}) if c in by_code]
    _write_rule_docs(out, documented)
    out.write("</main>\n")
    _page_end(out)


# --- The corpus report ------------------------------------------------------------------------------------

def interval_chart_svg(groups: Sequence[Mapping], *, title: str, percent: bool = False, width: int = 720) -> str:
    """A horizontal dot-and-whisker chart, one row per group: the rate as a bar and a dot, its confidence
    interval as a whisker. `groups`: {"name", "value", "low", "high", "n", "href"?} (low/high may be None).
    Hand-built SVG: no plotting library, nothing to fetch, sized by its viewBox so it scales and prints."""
    row, top, left, right = 26, 34, 200, 70
    height = top + row * max(len(groups), 1) + 30
    finite = [v for g in groups for v in (_number(g.get("value")), _number(g.get("high"))) if v is not None]
    vmax = max(finite, default=1.0) or 1.0
    step = _nice_step(vmax)
    ticks = max(1, -int(-vmax // step))  # the axis ends at the first round tick at or past the largest bound
    scale_max = step * ticks
    plot = width - left - right

    def x(v: float) -> float:
        return left + plot * max(0.0, min(v, scale_max)) / scale_max

    def fmt(v) -> str:
        return _value_text(v, percent)

    def tick(v: float) -> str:
        return f"{v * 100:g}%" if percent else f"{v:g}"

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{esc(title)}</title>']
    parts.append(f'<text x="{left}" y="18" font-weight="700">{esc(title)}</text>')
    for k in range(ticks + 1):
        v = step * k
        xv = x(v)
        parts.append(f'<line class="tick" x1="{xv:.1f}" x2="{xv:.1f}" y1="{top - 6}" y2="{height - 24}"/>'
                     f'<text x="{xv:.1f}" y="{height - 8}" text-anchor="middle">{esc(tick(v))}</text>')
    for n, g in enumerate(groups):
        y = top + n * row + row / 2
        name = esc(_clip(str(g.get("name", "")), 28))
        href = safe_href(g.get("href"))
        label = f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{name}</text>'
        parts.append(f'<a href="{href}">{label}</a>' if href else label)
        value, low, high, n_articles = (_number(g.get(key)) for key in ("value", "low", "high", "n"))
        desc = f"{g.get('name', '')}: {fmt(value)}"
        if low is not None and high is not None:
            desc += f" (95% interval {fmt(low)} to {fmt(high)})"
        if n_articles is not None:
            desc += f", {n_articles:,.0f} articles"
        parts.append(f"<g><title>{esc(desc)}</title>")
        if value is not None:
            parts.append(f'<rect class="bar" x="{left}" y="{y - 7:.1f}" width="{x(value) - left:.1f}" height="14"/>')
        if low is not None and high is not None:
            parts.append(f'<line class="ci" x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{y:.1f}" y2="{y:.1f}"/>'
                         f'<line class="ci" x1="{x(low):.1f}" x2="{x(low):.1f}" y1="{y - 5:.1f}" y2="{y + 5:.1f}"/>'
                         f'<line class="ci" x1="{x(high):.1f}" x2="{x(high):.1f}" y1="{y - 5:.1f}" y2="{y + 5:.1f}"/>')
        if value is not None:
            parts.append(f'<circle class="pt" cx="{x(value):.1f}" cy="{y:.1f}" r="4"/>')
        parts.append(f'<text x="{width - right + 6}" y="{y + 4:.1f}">{esc(fmt(value))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _number(v) -> float | None:
    """A finite number from data, else None (missing, NaN, infinite, or not a number): drawn as "–"."""
    import math

    if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
        return float(v)
    return None


def _nice_step(v: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 × a power of ten) that divides 0..v into at most four steps."""
    import math

    if v <= 0:
        return 0.25
    rough = v / 4
    power = 10 ** math.floor(math.log10(rough))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= rough * (1 - 1e-12):
            return step * power
    return 10 * power


def _value_text(v, percent: bool) -> str:
    v = _number(v)
    if v is None:
        return "–"
    return f"{v * 100:.1f}%" if percent else f"{v:,.2f}"


def write_corpus(data: Mapping, out: IO[str], *, pages: IO[str] | Iterable[str] | None = None,
                 rules: Sequence = ()) -> None:
    """The corpus report from plain data (what `notelint stats` computes):

        {"title": str, "summary": str?,
         "metrics": [{"key", "label", "percent": bool}],
         "groups": [{"name", "articles": int, "href"?, "values": {key: {"value", "low", "high"}}}],
         "article_columns": [{"key", "label"}]?,
         "articles": [{"group", "id", "title"?, "href"?, "values": {key: number}}]}

    One chart per metric (groups with their confidence intervals), then each group's articles with links
    to their pages: the articles' table has the columns `article_columns` (counts, shown whole) or, without
    them, the metrics. `pages`: the articles' own sections (write_article's markup, read as it comes: a
    corpus's pages need not be in memory), written after the groups in one section `#articles`, with
    `rules` documented after them (the rules their findings link to). Links from data are kept only when
    they are web links or relative paths (`#r1` is one); a missing or non-finite number shows as "–"."""
    title = str(data.get("title") or "notelint corpus report")
    metrics = list(data.get("metrics") or ())
    groups = list(data.get("groups") or ())
    by_group: dict[str, list[Mapping]] = {}
    for art in data.get("articles") or ():
        by_group.setdefault(str(art.get("group")), []).append(art)

    columns = list(data.get("article_columns") or metrics)
    counted = "article_columns" in data

    def cell(v, column: Mapping) -> str:
        if counted:  # whole counts (insertions, findings) of one article
            number = _number(v)
            return "–" if number is None else f"{number:,.0f}"
        return _value_text(v, bool(column.get("percent")))

    _page_start(out, title)
    out.write(f'<header class="top"><h1>{esc(title)}</h1>')
    if data.get("summary"):
        out.write(f'<p class="summary">{esc(str(data["summary"]))}</p>')
    total = sum(_number(g.get("articles")) or 0 for g in groups)
    out.write(f'<p class="summary">{len(groups):,} publisher{"s" if len(groups) != 1 else ""}, {total:,.0f} articles. '
              "Whiskers are 95% confidence intervals.</p></header>\n<main id=\"main\">\n")
    for m, metric in enumerate(metrics, 1):
        key, label = metric.get("key"), str(metric.get("label") or metric.get("key"))
        rows = []
        for n, g in enumerate(groups, 1):
            v = (g.get("values") or {}).get(key) or {}
            rows.append({"name": g.get("name"), "value": v.get("value"), "low": v.get("low"), "high": v.get("high"),
                         "n": g.get("articles"), "href": f"#g{n}"})
        out.write(f'<section class="metric" id="m{m}"><h2>{esc(label)}</h2>\n')
        out.write(interval_chart_svg(rows, title=label, percent=bool(metric.get("percent"))))
        out.write("\n</section>\n")

    for n, g in enumerate(groups, 1):
        name = str(g.get("name"))
        out.write(f'<section class="group" id="g{n}"><h2>{esc(name)}</h2>')
        cells = []
        for metric in metrics:
            v = (g.get("values") or {}).get(metric.get("key")) or {}
            pct = bool(metric.get("percent"))
            cells.append(f"{esc(str(metric.get('label') or metric.get('key')))}: {_value_text(v.get('value'), pct)} "
                         f"[{_value_text(v.get('low'), pct)}, {_value_text(v.get('high'), pct)}]")
        out.write(f'<p class="note">{_number(g.get("articles")) or 0:,.0f} articles. {"; ".join(cells)}</p>')
        rows = by_group.pop(name, [])  # a name given twice: its articles go under the first
        if rows:
            heads = "".join(f'<th scope="col">{esc(str(m.get("label") or m.get("key")))}</th>' for m in columns)
            out.write(f'<details class="arts"{" open" if len(rows) <= TABLE_OPEN_UP_TO else ""}><summary>'
                      f"{len(rows):,} article{'s' if len(rows) != 1 else ''}</summary>"
                      f'<table class="matrix"><thead><tr><th scope="col">article</th>{heads}</tr></thead><tbody>\n')
            for art in rows:
                label = esc(str(art.get("title") or art.get("id") or ""))
                href = safe_href(art.get("href"))
                link = f'<a href="{href}">{label}</a>' if href else label
                values = art.get("values") or {}
                tds = "".join(f"<td>{cell(values.get(m.get('key')), m)}</td>" for m in columns)
                out.write(f'<tr><th scope="row">{link}</th>{tds}</tr>\n')
            out.write("</tbody></table></details>")
        out.write("</section>\n")
    if pages is not None:
        out.write('<section id="articles"><h2>Articles</h2>\n')
        for chunk in pages:
            out.write(chunk)
        out.write("</section>\n")
    _write_rule_docs(out, rules)
    out.write("</main>\n")
    _page_end(out)
