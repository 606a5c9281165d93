"""Markdown articles: article text and exact positions from a CommonMark source.

markdown-it-py finds the blocks (headings, paragraphs, block quotes, list items, table cells) and their
source lines. Its inline parser keeps no positions, so the inline layer is read here, over the exact
source substring of every content line: emphasis markers, link destinations, images, footnote
references, task boxes, code spans and raw HTML are dropped; link text is kept; entities and escapes
are decoded and mapped atomically to their original characters.
"""
from __future__ import annotations

import bisect
import html
import itertools
import re

import regex
from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

from .article_text import ArticleTextBuilder
from ..collector import paused
from .source import Source

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Front matter: YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines.
_FRONT_MATTER = re.compile(r"(?:---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)(?:---|\.\.\.)|"
                           r"\+\+\+[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)\+\+\+)[ \t]*(?:\r\n|\r|\n|$)",
                           re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$")

_INLINE_SPECIAL = re.compile(r"[\\`*_&<\[\]!]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BACKTICKS = re.compile(r"`+")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
                       r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                       r"[A-Za-z0-9])?)*)>")
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_HTML_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*" + _ATTRIBUTE + r"*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>|"
                       r"<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>", re.S)
# `(destination "title")` after a link's text: one level of balanced parentheses, as in URLs.
_LINK_TAIL = re.compile(r"""\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"""
                        r"""(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)""", re.S)
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
# Raw HTML and link destinations are looked for within this many characters: keeps malformed input linear.
_LOOKAHEAD = 4096
_WHITESPACE = regex.compile(r"\s")
_PUNCTUATION = regex.compile(r"[\p{P}\p{S}]")
_TASK_BOX = re.compile(r"\[[ xX]\](?=[ \t]|$)[ \t]*")
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\s\]]+\]:[ \t]*")
_FOOTNOTE_LABEL = re.compile(r"\^[^\s\[\]]+")
_ATX_MARKER = re.compile(r"#{1,6}(?=[ \t]|$)")

_MARKDOWN: MarkdownIt | None = None
_MAX_NESTING = 100  # markdown-it's own default preset's; its block parser recurses once per level


def _parser() -> MarkdownIt:
    global _MARKDOWN
    if _MARKDOWN is None:
        md = MarkdownIt("commonmark").enable("table")
        # The commonmark preset stops at 20 levels of nesting (a list item is two): deeper text, quotes 20
        # deep or lists 10 deep, was dropped. Deeper than this, _nesting_overflow keeps it.
        md.options["maxNesting"] = _MAX_NESTING
        # Inline parsing is done here with positions; markdown-it's own would be thrown away.
        md.core.ruler.disable("inline")
        _MARKDOWN = md
    return _MARKDOWN


def read_markdown(text: str, path: str | None) -> Source:
    """Read a Markdown article: blocks, article text with an exact offset map, front-matter metadata."""
    # Hundreds of thousands of small tuples and tokens, none in a cycle: the cyclic collector would only
    # rescan them over and over.
    with paused():
        return _read_markdown(text, path)


def _read_markdown(text: str, path: str | None) -> Source:
    metadata: dict = {}
    body_start = 0
    front = _FRONT_MATTER.match(text)
    if front:
        metadata = _parse_front_matter(front.group(1) if front.group(1) is not None else front.group(2))
        body_start = front.end()
    body = text[body_start:]
    lines = _SourceLines(body, body_start)
    items, references = _block_items(body, lines)

    builder = _CollectedBlocks()
    for item in items:
        if isinstance(item, tuple):  # a plain paragraph (or ATX heading) found without markdown-it
            start, end, role = item
            if role == "heading":
                content = _Content.verbatim_run(body[start:end], body_start + start)
                builder.add_block("heading", _InlineReader(content, references).pieces())
                continue
            special = _SPECIAL_OR_INDENT.search(body, start, end)
            if special is None:  # nothing to decode or drop: the paragraph is its own text, newlines included
                builder.add_block("paragraph", [(body[start:end], body_start + start, body_start + end)])
            elif _INDENT_OR_CR.search(body, special.start(), end):
                builder.add_block("paragraph", _InlineReader(_plain_paragraph(lines, start, end), references).pieces())
            else:
                content = _Content.verbatim_run(body[start:end], body_start + start)
                builder.add_block("paragraph", _InlineReader(content, references).pieces())
        else:
            _add_token_blocks(builder, item, lines, references)
    return builder.source(path, text, metadata)


# Where a comment section scraped along with the article begins (the list markers of "1. Name says"
# are gone by now): that block and all after it become the one "comments" block.
_COMMENTS_OPENING = re.compile(r"(?i:leave an? (?:reply|comment)|\d+ (?:comments?|responses?|replies)|"
                               r"comments? \(\d+\)|join the (?:discussion|conversation)|reader comments|comments|"
                               r"(?:\d+ )?thoughts? on .{1,120})[ \t]*:?|[^\n]{1,60}? says:?")
_COMMENTS_FIRST_CHAR = frozenset("LlJjRrCcTt0123456789")


class _CollectedBlocks:
    """Blocks gathered before the text is built, so a trailing comment section can become one block."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, list]] = []

    def add_block(self, role: str, pieces: list) -> None:
        if pieces:
            self.blocks.append((role, pieces))

    def _comments_from(self) -> int | None:
        blocks = self.blocks
        for k in range(1, len(blocks) - 1):
            pieces = blocks[k][1]
            if pieces[0][0].lstrip()[:1] in _COMMENTS_FIRST_CHAR or pieces[-1][0].rstrip().endswith(("says", "says:")):
                if _COMMENTS_OPENING.fullmatch("".join(piece[0] for piece in pieces).strip()):
                    return k
        return None

    def source(self, path: str | None, original: str, metadata: dict) -> Source:
        builder = ArticleTextBuilder()
        comments_from = self._comments_from()
        for k, (role, pieces) in enumerate(self.blocks):
            if comments_from is not None and k >= comments_from:
                builder.extend_last_block("comments", pieces)
            else:
                builder.add_block(role, pieces)
        return builder.source(path, original, "markdown", metadata)


def _add_token_blocks(builder: "_CollectedBlocks", tokens: list, lines: "_SourceLines", references: dict) -> None:
    """Blocks from markdown-it's block tokens (maps already shifted to body line numbers)."""
    _mark_table_cells(tokens)
    first_in_item = False  # the next paragraph opens a list item: it may start with a task box
    heading = False
    overflow = _nesting_overflow(tokens, lines)
    for token in tokens:
        kind = token.type
        while overflow and token.map and kind == "inline" and overflow[0][0] < token.map[0]:
            _add_overflow(builder, overflow.pop(0), lines, references)
        if kind == "list_item_open":
            first_in_item = True
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            content = None
            if token.map:
                if heading:
                    content = _heading_lines(token, lines)
                elif "notelint_cursor" in token.meta:
                    content = _table_cell_lines(token, lines)
                else:
                    content = _paragraph_lines(token, lines)
            if content is not None:
                skip = 0
                joined = content.text
                if first_in_item:
                    box = _TASK_BOX.match(joined)
                    if box:
                        skip = box.end()
                if not skip and not heading:
                    note = _FOOTNOTE_DEFINITION.match(joined)
                    if note:
                        skip = note.end()
                pieces = _InlineReader(content, references, skip).pieces()
                builder.add_block("heading" if heading else "paragraph", pieces)
            first_in_item = False
        elif kind != "paragraph_open":
            first_in_item = False
    for run in overflow:
        _add_overflow(builder, run, lines, references)


# Container markers at the start of a line: quote markers, list bullets and numbers, their indentation.
_CONTAINER_MARKERS = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?)*")
_LEAF_TOKENS = frozenset({"inline", "fence", "code_block", "html_block", "hr"})


def _nesting_overflow(tokens: list, lines: "_SourceLines") -> list[tuple[int, int]]:
    """Runs of lines (first, end) that markdown-it left out because they sit deeper than its nesting limit:
    inside a container, covered by no leaf block, with text after their markers. Only looked for when the
    limit was reached, which no ordinary article comes near."""
    if not tokens or max(token.level for token in tokens) < _MAX_NESTING - 2:
        return []
    inside, covered = set(), set()
    for token in tokens:
        if token.map:
            if token.type in _LEAF_TOKENS:
                covered.update(range(*token.map))
            elif token.type.endswith("_open"):
                inside.update(range(*token.map))
    body = lines.body
    runs: list[tuple[int, int]] = []
    for number in sorted(inside - covered):
        start, eol, _ = lines.line(number)
        if not body[start + _CONTAINER_MARKERS.match(body, start, eol).end() - start:eol].strip():
            continue
        if runs and runs[-1][1] == number:
            runs[-1] = (runs[-1][0], number + 1)
        else:
            runs.append((number, number + 1))
    return runs


def _add_overflow(builder: "_CollectedBlocks", run: tuple[int, int], lines: "_SourceLines", references: dict) -> None:
    """A run of too-deeply nested lines as one paragraph of their text (markers dropped), kept in place."""
    body = lines.body
    for number in range(*run):
        start, eol, _ = lines.line(number)
        text_start = _CONTAINER_MARKERS.match(body, start, eol).end()
        content = _Content.verbatim_run(body[text_start:eol], lines.base + text_start)
        builder.add_block("paragraph", _InlineReader(content, references).pieces())


# -- block structure ------------------------------------------------------------------------------------------
# markdown-it checks every line of a paragraph against every block rule, which makes it the slowest stage by
# far on prose. Most of an article is plain paragraphs separated by blank lines, so those are recognised
# here and only the other chunks (headings, lists, quotes, code, HTML, tables, definitions, and whatever
# a fence or HTML block carries across blank lines) go to markdown-it, each run of them in one parse.
_CHUNK_SEPARATOR = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")
_NOT_BLANK = re.compile(r"[^ \t\r\n]")
# A line that can start (or, inside a paragraph, interrupt it with) a block other than a paragraph; the
# last alternative is a table's delimiter row ("--|--"), which turns the line above into a table header.
_LINE_START_BLOCK = re.compile(r"^[ \t]*(?:[#>|<:=]|`{3}|~{3}|-+[ \t]*:?[ \t]*\||[-+*](?:[ \t]|\r?$)|\d{1,9}[.)](?:[ \t]|\r?$)|"
                               r"(?:[-*_][ \t]*){3,}\r?$)", re.M)
_INDENT_OR_CR = re.compile(r"\n[ \t]|\r")
_SPECIAL_OR_INDENT = re.compile(r"[\\`*_&<\[\]!\r]|\n[ \t]")
# A one-line chunk "# Heading #": the content between the opening and the optional closing sequence.
_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
_FIRST_LINE_BLOCK = re.compile(r"[ \t\[]")
_LONG_BLOCK = re.compile(r"^ {0,3}(?:(`{3,}|~{3,})|<(script|pre|style|textarea)(?=[\s>]|$)|<!--|<\?|<![A-Za-z]|"
                         r"<!\[CDATA\[)", re.M | re.I)
_LONG_BLOCK_END = {"<!--": "-->", "<?": "?>", "<![": "]]>", "<!": ">"}
USE_PLAIN_PARAGRAPH_FAST_PATH = True


def _block_items(body: str, lines: "_SourceLines") -> tuple[list, dict]:
    """The body as a list, in order, of plain paragraphs (_Content) and token lists from markdown-it."""
    references: dict = {}
    parser = _parser()
    if not USE_PLAIN_PARAGRAPH_FAST_PATH or re.search(r"\r(?!\n)", body):
        env: dict = {}
        tokens = parser.parse(body, env)
        return [tokens], env.get("references", {})
    chunks = []  # [start, end, kind]: kind "paragraph", "heading" (content range), "skip" or "complex"
    pos = 0
    for sep in _CHUNK_SEPARATOR.finditer(body):
        first = _NOT_BLANK.search(body, pos, sep.start())
        if first:  # the chunk starts at the line of its first character (blank lines at the top left out)
            chunks.append([max(pos, body.rfind("\n", pos, first.start()) + 1), sep.start(), "paragraph"])
        pos = sep.end()
    first = _NOT_BLANK.search(body, pos)
    if first:
        end = len(body)
        while True:
            # The file's last line ending is not part of the last paragraph, nor is a last line of only
            # spaces and tabs: a blank line, which ends it ("a\\" then " " keeps its backslash literal).
            content_end = end
            while body[content_end - 1] in " \t":
                content_end -= 1
            if body[content_end - 1] not in "\r\n":
                break
            end = content_end
            while body[end - 1] in "\r\n":
                end -= 1
        chunks.append([max(pos, body.rfind("\n", pos, first.start()) + 1), end, "paragraph"])
    for chunk in chunks:
        start, end = chunk[0], chunk[1]
        first_eol = body.find("\n", start, end)
        if first_eol < 0 and body.startswith("#", start):
            heading = _ATX_HEADING.fullmatch(body, start, end)
            if heading:
                # The chunk keeps its own range (a fence around it may yet make it "complex").
                chunk[2:] = ["heading", heading.start(1), heading.end(1)] if heading.group(1) else ["skip"]
                continue
        if first_eol < 0 and body.startswith("<!--", start) and body.find("-->", start + 4, end) >= 0:
            chunk[2] = "skip"  # a one-line HTML comment (a suppression comment, say): an HTML block
            continue
        if (_FIRST_LINE_BLOCK.match(body, start) or _LINE_START_BLOCK.match(body, start)
                or (first_eol >= 0 and _LINE_START_BLOCK.search(body, first_eol + 1, end))):
            chunk[2] = "complex"
    _mark_long_blocks(body, chunks)

    items: list = []
    k = 0
    while k < len(chunks):
        start, end, kind = chunks[k][:3]
        if kind != "complex":
            if kind == "heading":
                items.append((chunks[k][3], chunks[k][4], kind))
            elif kind != "skip":
                items.append((start, end, kind))
            k += 1
            continue
        j = k
        while j + 1 < len(chunks) and chunks[j + 1][2] == "complex":
            j += 1
        run_end = chunks[j][1]
        env: dict = {}
        tokens = parser.parse(body[start:run_end], env)
        first_line = bisect.bisect_right(lines.starts, start) - 1
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + first_line, token.map[1] + first_line]
        for label, definition in env.get("references", {}).items():
            references.setdefault(label, definition)
        items.append(tokens)
        k = j + 1
    return items, references


def _mark_long_blocks(body: str, chunks: list) -> None:
    """Chunks inside a fence or an HTML block that runs across blank lines go to markdown-it with it.

    Every opener counts, even one that may sit inside another's region (whether it does depends on rules
    such as a table taking precedence): marking too much only costs time. Searches for a closer are
    remembered, and each chunk is marked once, so this stays linear with any number of openers.
    """
    starts = [c[0] for c in chunks]
    found_closers: dict = {}  # closer -> (searched from, found at or -1)
    marked_until = -1
    for m in _LONG_BLOCK.finditer(body):
        line_end = body.find("\n", m.end())
        line_end = len(body) if line_end < 0 else line_end + 1
        fence, tag = m.group(1), m.group(2)
        if fence:
            key = (fence[0], len(fence))
            search_from = line_end
        elif tag:
            key = "</" + tag.lower() + ">"
            search_from = m.end()
        else:
            opener = m.group().lstrip(" ")
            key = next(v for k, v in _LONG_BLOCK_END.items() if opener.startswith(k))
            search_from = m.end()
        cached = found_closers.get(key)
        if cached is not None and cached[0] <= search_from and (cached[1] < 0 or search_from <= cached[1]):
            found_at = cached[1]
        else:
            if fence:
                close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*\r?$", re.M)
                hit = close.search(body, search_from)
                found_at = hit.start() if hit else -1
            elif tag:
                hit = re.compile(re.escape(key), re.I).search(body, search_from)
                found_at = hit.start() if hit else -1
            else:
                found_at = body.find(key, search_from)
            found_closers[key] = (search_from, found_at)
        end = found_at + (len(key) if isinstance(key, str) else 1) if found_at >= 0 else len(body)
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, max(end - 1, m.start())) - 1
        if first == last and chunks[first][2] == "skip":
            continue
        for k in range(max(first, marked_until + 1, 0), last + 1):
            chunks[k][2] = "complex"
        marked_until = max(marked_until, last)


def _plain_paragraph(lines: "_SourceLines", start: int, end: int) -> "_Content":
    """A chunk that can only be a paragraph: its lines without leading indentation."""
    body = lines.body
    first = bisect.bisect_right(lines.starts, start) - 1
    last = bisect.bisect_right(lines.starts, end - 1) - 1
    parts = []
    for number in range(first, last + 1):
        line_start, eol0, eol1 = lines.line(number)
        begin = line_start
        while begin < eol0 and body[begin] in " \t":
            begin += 1
        parts.append((begin, eol0, eol0, eol1))
    return _Content(parts, body, lines.base)


def _parse_front_matter(block: str) -> dict:
    """`key: value` (YAML) and `key = value` (TOML) lines at the top level; quotes removed."""
    metadata: dict = {}
    for line in _NEWLINE.split(block):
        if not line or line[0] in " \t#":
            continue
        m = _FRONT_KEY.match(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        if value:
            metadata.setdefault(key, value)
    if "source" not in metadata and "credit" in metadata:
        metadata["source"] = metadata["credit"]
    return metadata


class _SourceLines:
    """The body's lines with their offsets in the original file (front matter included in offsets)."""

    def __init__(self, body: str, base: int) -> None:
        self.body = body
        self.base = base
        if "\r" in body:
            self.starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]
        else:  # the common case, done in C: a big file has hundreds of thousands of lines
            self.starts = [0, *itertools.accumulate(len(line) + 1 for line in body.split("\n"))][:-1]

    def line(self, number: int) -> tuple[int, int, int]:
        """(start, eol_start, eol_end) of a line, as offsets into the body."""
        body = self.body
        starts = self.starts
        if number >= len(starts):
            n = len(body)
            return n, n, n
        start = starts[number]
        if number + 1 == len(starts):
            return start, len(body), len(body)
        eol1 = starts[number + 1]
        eol0 = eol1 - 1
        if body[eol0] == "\n" and eol0 > start and body[eol0 - 1] == "\r":
            eol0 -= 1
        return start, eol0, eol1


class _Content:
    """An inline token's text as exact source substrings, one per content line, joined by newlines."""

    __slots__ = ("text", "c_starts", "o_starts", "eols", "origin")

    def __init__(self, parts: list[tuple[int, int, int, int]], body: str, base: int) -> None:
        # parts: (body_start, body_end, eol_start, eol_end) per content line
        if len(parts) == 1:
            start, end = parts[0][0], parts[0][1]
            self.text = body[start:end]
            self.origin = base + start
            return
        self.origin = -1  # not one run of the original: offsets go through the line table
        texts = []
        self.c_starts: list[int] = []
        self.o_starts: list[int] = []
        self.eols: list[tuple[int, int]] = []
        c = 0
        for start, end, eol0, eol1 in parts:
            self.c_starts.append(c)
            self.o_starts.append(base + start)
            self.eols.append((base + eol0, base + eol1))
            texts.append(body[start:end])
            c += end - start + 1
        self.text = "\n".join(texts)

    @classmethod
    def verbatim_run(cls, text: str, origin: int) -> "_Content":
        """Content that is one unbroken run of the original, newlines included."""
        content = cls.__new__(cls)
        content.text = text
        content.origin = origin
        return content

    def orig(self, c: int) -> int:
        """Original offset of content offset `c` (a newline maps to its line's end-of-line)."""
        if self.origin >= 0:
            return self.origin + c
        i = bisect.bisect_right(self.c_starts, c) - 1
        return self.o_starts[i] + (c - self.c_starts[i])

    def verbatim(self, c0: int, c1: int, out: list) -> None:
        """Pieces for content[c0:c1] copied as is, split where a line ends."""
        text = self.text
        if self.origin >= 0:
            out.append((text[c0:c1], self.origin + c0, self.origin + c1))
            return
        i = bisect.bisect_right(self.c_starts, c0) - 1
        while c0 < c1:
            line_start = self.c_starts[i]
            line_end = self.c_starts[i + 1] - 1 if i + 1 < len(self.c_starts) else len(text)
            stop = min(c1, line_end)
            if stop > c0:
                o = self.o_starts[i] + (c0 - line_start)
                out.append((text[c0:stop], o, o + (stop - c0)))
                c0 = stop
            if c0 < c1 and c0 == line_end:
                eol0, eol1 = self.eols[i]
                out.append(("\n", eol0, eol1))
                c0 += 1
                i += 1


def _paragraph_lines(token, lines: _SourceLines) -> _Content | None:
    """Content lines of a paragraph or setext heading: each is a suffix of its source line."""
    body = lines.body
    parts = []
    content_lines = token.content.split("\n")
    first = token.map[0]
    for k, content_line in enumerate(content_lines):
        start, eol0, eol1 = lines.line(first + k)
        source_line = body[start:eol0]
        wanted = content_line.strip(" \t")
        trimmed = source_line.rstrip(" \t")
        if wanted and trimmed.endswith(wanted):
            begin = start + len(trimmed) - len(wanted)
        else:  # tabs expanded by markdown-it, or content it rewrote: take the line after its indentation
            begin = start + len(source_line) - len(source_line.lstrip(" \t>"))
        parts.append((begin, eol0, eol0, eol1))
    return _Content(parts, body, lines.base) if parts else None


def _heading_lines(token, lines: _SourceLines) -> _Content | None:
    if token.map[1] - token.map[0] > 1:  # setext heading: content lines like a paragraph
        return _paragraph_lines(token, lines)
    body = lines.body
    start, eol0, eol1 = lines.line(token.map[0])
    source_line = body[start:eol0]
    marker = _ATX_MARKER.search(source_line)
    after = marker.end() if marker else 0
    content = token.content
    if not content:
        return None
    pos = source_line.find(content, after)
    if pos < 0:
        pos = after + len(source_line[after:]) - len(source_line[after:].lstrip())
        end = len(source_line.rstrip())
    else:
        end = pos + len(content)
    return _Content([(start + pos, start + end, eol0, eol1)], body, lines.base)


def _table_cell_lines(token, lines: _SourceLines) -> _Content | None:
    body = lines.body
    start, eol0, eol1 = lines.line(token.map[0])
    source_line = body[start:eol0]
    cursor = token.meta["notelint_cursor"]
    content = token.content
    pos = source_line.find(content, cursor[0])
    length = len(content)
    if pos < 0:
        escaped = content.replace("|", "\\|")
        pos = source_line.find(escaped, cursor[0])
        length = len(escaped)
    if pos < 0:
        return None
    cursor[0] = pos + length
    return _Content([(start + pos, start + pos + length, eol0, eol1)], body, lines.base)


def _mark_table_cells(tokens) -> None:
    """Tag each table cell's inline token with a shared per-row cursor for locating cells left to right."""
    cursor = None
    in_cell = False
    for token in tokens:
        if token.type == "tr_open":
            cursor = [0]
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "inline" and in_cell and cursor is not None:
            token.meta["notelint_cursor"] = cursor


class _Delimiter:
    __slots__ = ("entry", "char", "start", "end", "count", "can_open", "can_close", "left", "right")

    def __init__(self, entry: int, char: str, start: int, end: int, can_open: bool, can_close: bool) -> None:
        self.entry = entry
        self.char = char
        self.start = start
        self.end = end
        self.count = end - start
        self.can_open = can_open
        self.can_close = can_close
        self.left = 0  # markers used from the left end (as a closer)
        self.right = 0  # markers used from the right end (as an opener)


class _InlineReader:
    """One inline token's content -> pieces of article text mapped to the original file.

    Entries are (c0, c1, replacement): replacement None copies content[c0:c1], a string replaces it
    (possibly by nothing). Brackets are matched at `]` against a stack of openers, as CommonMark does.
    """

    def __init__(self, content: _Content, references: dict, skip: int = 0) -> None:
        self.content = content
        self.text = content.text
        self.references = references
        self.skip = skip
        self.entries: list[list] = []
        self.delimiters: list[_Delimiter] = []
        self._backtick_runs: dict[int, list[int]] | None = None

    def pieces(self) -> list:
        self._scan()
        self._resolve_emphasis()
        out: list = []
        content = self.content
        for c0, c1, replacement in self.entries:
            if replacement is None:
                if c1 > c0:
                    content.verbatim(c0, c1, out)
            elif replacement:
                out.append((replacement, content.orig(c0), content.orig(c1)))
        return out

    # -- scanning ------------------------------------------------------------------------------------------
    def _scan(self) -> None:
        text = self.text
        n = len(text)
        entries = self.entries
        openers: list[list] = []  # [entry index, content offset, is_image, active]
        i = self.skip
        plain_from = i
        search = _INLINE_SPECIAL.search
        while True:
            m = search(text, i)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            if ch == "!" and not text.startswith("[", i + 1):
                i += 1
                continue
            if i > plain_from:
                entries.append([plain_from, i, None])
            if ch == "\\":
                nxt = text[i + 1] if i + 1 < n else ""
                if nxt in _ASCII_PUNCT and nxt:
                    entries.append([i, i + 2, nxt])
                    i += 2
                elif nxt == "\n":  # hard line break: the newline stays, the backslash goes
                    entries.append([i, i + 1, ""])
                    i += 1
                else:
                    entries.append([i, i + 1, None])
                    i += 1
            elif ch == "`":
                i = self._code_span(i)
            elif ch in "*_":
                i = self._delimiter_run(i, ch)
            elif ch == "&":
                em = _ENTITY.match(text, i)
                decoded = html.unescape(em.group()) if em else None
                if em and decoded != em.group():
                    entries.append([i, em.end(), decoded])
                    i = em.end()
                else:
                    entries.append([i, i + 1, None])
                    i += 1
            elif ch == "<":
                i = self._angle(i)
            elif ch == "!":  # image opener "!["
                openers.append([len(entries), i, True, True])
                entries.append([i, i + 2, None])
                i += 2
            elif ch == "[":
                openers.append([len(entries), i, False, True])
                entries.append([i, i + 1, None])
                i += 1
            else:  # "]"
                i = self._close_bracket(i, openers)
            plain_from = i
        if n > plain_from:
            entries.append([plain_from, n, None])

    def _code_span(self, i: int) -> int:
        text = self.text
        run = _BACKTICKS.match(text, i)
        length = run.end() - i
        if self._backtick_runs is None:
            runs: dict[int, list[int]] = {}
            for r in _BACKTICKS.finditer(text):
                runs.setdefault(r.end() - r.start(), []).append(r.start())
            self._backtick_runs = runs
        candidates = self._backtick_runs.get(length, [])
        k = bisect.bisect_left(candidates, run.end())
        if k < len(candidates):
            close_end = candidates[k] + length
            self.entries.append([i, close_end, ""])  # inline code is not article text
            return close_end
        self.entries.append([i, run.end(), None])
        return run.end()

    def _delimiter_run(self, i: int, ch: str) -> int:
        text = self.text
        j = i
        n = len(text)
        while j < n and text[j] == ch:
            j += 1
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < n else " "
        before_space = bool(_WHITESPACE.match(before))
        after_space = bool(_WHITESPACE.match(after))
        before_punct = bool(_PUNCTUATION.match(before))
        after_punct = bool(_PUNCTUATION.match(after))
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        if ch == "*":
            can_open, can_close = left, right
        else:
            can_open = left and (not right or before_punct)
            can_close = right and (not left or after_punct)
        if can_open or can_close:
            self.delimiters.append(_Delimiter(len(self.entries), ch, i, j, can_open, can_close))
        self.entries.append([i, j, None])
        return j

    def _angle(self, i: int) -> int:
        text = self.text
        limit = min(len(text), i + _LOOKAHEAD)
        auto = _AUTOLINK.match(text, i, limit)
        if auto:  # the address is what a reader sees
            self.entries.append([i, i + 1, ""])
            self.entries.append([i + 1, auto.end() - 1, None])
            self.entries.append([auto.end() - 1, auto.end(), ""])
            return auto.end()
        if text.startswith("<!--", i):
            close = text.find("-->", i + 4, limit)
            end = close + 3 if close >= 0 else -1
        else:
            tag = _HTML_TAG.match(text, i, limit)
            end = tag.end() if tag else -1
        if end < 0:
            self.entries.append([i, i + 1, None])
            return i + 1
        self.entries.append([i, end, "\n" if _BR_TAG.fullmatch(text, i, end) else ""])
        return end

    def _close_bracket(self, i: int, openers: list) -> int:
        text = self.text
        entries = self.entries
        if not openers:
            entries.append([i, i + 1, None])
            return i + 1
        entry_index, start, is_image, active = openers.pop()
        if not active:
            entries.append([i, i + 1, None])
            return i + 1
        label_start = start + (2 if is_image else 1)
        after = i + 1
        end = None
        if not is_image and _FOOTNOTE_LABEL.fullmatch(text, label_start, i):
            self._drop_from(entry_index, start, after)  # footnote reference [^1]
            return after
        if text.startswith("(", after):
            end = self._link_destination(after)
        elif text.startswith("[", after):
            close = text.find("]", after + 1, min(len(text), after + 1 + 1000))
            if close >= 0 and "[" not in text[after + 1:close]:
                end = close + 1
        elif i - label_start < 1000 and self.references and normalizeReference(text[label_start:i]) in self.references:
            end = after
        if end is None:
            entries.append([i, i + 1, None])
            return after
        if is_image:  # an image (alt text included) is not article text
            self._drop_from(entry_index, start, end)
            return end
        entries[entry_index][2] = ""
        entries.append([i, end, ""])
        for opener in openers:  # no links inside links
            if not opener[2]:
                opener[3] = False
        return end

    def _drop_from(self, entry_index: int, start: int, end: int) -> None:
        del self.entries[entry_index:]
        while self.delimiters and self.delimiters[-1].entry >= entry_index:
            self.delimiters.pop()
        self.entries.append([start, end, ""])

    def _link_destination(self, i: int) -> int | None:
        """End of `(destination "title")` starting at `i`, or None.

        Lenient where CommonMark is strict: `[text](a page)` (a space in the destination) is still a
        link to a reader, so a `(...)` closed within a short distance on the same paragraph counts too.
        """
        text = self.text
        m = _LINK_TAIL.match(text, i, min(len(text), i + _LOOKAHEAD))
        if m:
            return m.end()
        close = text.find(")", i, min(len(text), i + 300))
        if close >= 0 and "\n\n" not in text[i:close] and "(" not in text[i + 1:close]:
            return close + 1
        return None

    # -- emphasis -----------------------------------------------------------------------------------------
    def _resolve_emphasis(self) -> None:
        """Match `*`/`_` runs as CommonMark does (closest opener, rule of three); matched markers vanish."""
        stack: list[_Delimiter] = []
        for closer in self.delimiters:
            if closer.can_close:
                while closer.count > 0:
                    found = -1
                    k = len(stack) - 1
                    steps = 0
                    while k >= 0 and steps < 64:  # bounded search keeps pathological runs linear
                        opener = stack[k]
                        if opener.char == closer.char and opener.count > 0:
                            both = opener.can_close or closer.can_open
                            a = opener.end - opener.start
                            b = closer.end - closer.start
                            if not (both and (a + b) % 3 == 0 and not (a % 3 == 0 and b % 3 == 0)):
                                found = k
                                break
                        k -= 1
                        steps += 1
                    if found < 0:
                        break
                    opener = stack[found]
                    use = 2 if opener.count >= 2 and closer.count >= 2 else 1
                    opener.count -= use
                    opener.right += use
                    closer.count -= use
                    closer.left += use
                    del stack[found + 1:]
                    if opener.count == 0:
                        stack.pop()
            if closer.count > 0 and closer.can_open:
                stack.append(closer)
        for d in self.delimiters:
            if d.left or d.right:
                entry = self.entries[d.entry]
                entry[0] = d.start + d.left
                entry[1] = d.end - d.right
                if entry[1] <= entry[0]:
                    entry[1] = entry[0]
