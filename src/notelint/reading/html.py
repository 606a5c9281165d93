"""HTML articles: the story's text out of a saved or scraped page, with exact positions into the file.

The page is tokenized here rather than with `html.parser`: every token is a regex match, so offsets into
the decoded file are exact by construction (no line/column round trip), unclosed comments and tags end at
the end of the file as in a browser instead of being rescanned, and the whole pass is linear. A light tree
(open-element stack with the usual implicit closes: `<p>`, `<li>`, table cells) records each element's
events; the article body is then found as readers find it (`<article>`, `[itemprop=articleBody]`,
`<main>`, else the element with the most paragraph text), site chrome and widgets are left out, and the
reader-comment section becomes one "comments" block.
"""
from __future__ import annotations

import html
import re

from .article_text import ArticleTextBuilder
from ..collector import paused
from .source import Source

_SPECIAL = re.compile(r"[<&]")
# Quoted attribute values may hold ">"; the match is bounded by _TAG_WINDOW so a stray quote stays cheap.
# Written as an unrolled loop (no nested quantifiers), so a failed match backtracks in linear time.
_START_TAG = re.compile(r"""<([A-Za-z][^\s/>]*)(?=[\s/>])([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""")
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_BLANK_LINES = re.compile(r"[ \t\r\f\v\xa0]*\n[ \t\r\f\v\xa0]*(?:\n[ \t\r\f\v\xa0]*)+")
_TAG_WINDOW = 8192
# Attributes the extraction looks at (ids and classes for widgets and comments, the article body, hiding).
_RELEVANT_ATTRIBUTE = re.compile(r"\b(?:id|class|itemprop|hidden|aria-hidden)\b", re.I)

_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript plaintext".split())
_IGNORED = frozenset("script style noscript template svg math nav aside form button select textarea iframe "
                     "object canvas dialog head video audio menu label noembed noframes".split())
# Site chrome when outside an <article>; an article's own <header> holds its headline.
_CHROME = frozenset(("header", "footer"))
_BLOCK = frozenset("p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote "
                   "pre table thead tbody tfoot tr td th caption figure figcaption address details summary "
                   "fieldset center body html hgroup".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Start tags that end an open paragraph (HTML's list, less <blockquote>: a quotation set inside a
# paragraph must not split it).
_CLOSES_P = frozenset("address article aside details dialog div dl fieldset figcaption figure footer form h1 h2 "
                      "h3 h4 h5 h6 header hgroup main menu nav ol p pre section table ul li dd dt".split())
_PHRASING = frozenset("a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small "
                      "span strike strong sub sup time tt u var".split())
# Start tag -> (same-group tags it closes, tags that bound the search)
_IMPLIED_END = {
    "li": (("li",), ("ul", "ol", "menu")),
    "dt": (("dt", "dd"), ("dl",)),
    "dd": (("dt", "dd"), ("dl",)),
    "tr": (("tr", "td", "th"), ("table", "thead", "tbody", "tfoot")),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "option": (("option",), ("select", "datalist")),
    "thead": (("thead", "tbody", "tfoot", "tr", "td", "th"), ("table",)),
    "tbody": (("thead", "tbody", "tfoot", "tr", "td", "th"), ("table",)),
    "tfoot": (("thead", "tbody", "tfoot", "tr", "td", "th"), ("table",)),
}
_WIDGET = re.compile(r"(?:^|[-_])(?:share|sharing|sharedaddy|social|addtoany|a2a|related|newsletter|subscribe|"
                     r"subscription|promo|sponsor(?:ed)?|advert|advertisement|ad|ads|adsbygoogle|sidebar|widget|"
                     r"breadcrumbs?|cookie|consent|popup|modal|menu|nav|navbar|navigation|tags|skip|"
                     r"screen-reader-text|sr-only|visually-hidden|comment-reply-link|author-bio|paywall|"
                     r"print|toolbar|entry-?meta|post-?meta|article-?meta|comment-metadata|posted-on)(?:$|[-_])")
_COMMENT_ROOT = re.compile(r"(?:comments?|comment-?list|commentlist|comments?[-_](?:area|section|wrapper|container|"
                           r"block|thread|list)|comment-respond|respond|disqus_thread)")
_COMMENTS_HEADING = re.compile(r"(?:leave an? (?:reply|comment)|\d+\s+(?:comments?|responses?|replies|thoughts? on\b.*)|"
                               r"comments?|responses?|reader comments|join the discussion)\W*", re.I)

# Events: (kind, value, orig_start, orig_end). Text: value None (verbatim) or the decoded entity;
# start and end: the element's index; break (<br>) and boundary (<hr>): None.
_START, _END, _TEXT, _BREAK, _BOUNDARY = range(5)

# Element flags
_IGNORED_FLAG = 1
_COMMENT_ROOT_FLAG = 2
_IN_COMMENT = 4
_IN_ARTICLE = 8


class _Element:
    __slots__ = ("tag", "parent", "flags", "attrs", "start_event", "end_event")

    def __init__(self, tag: str, parent: int, flags: int, attrs: dict, start_event: int) -> None:
        self.tag = tag
        self.parent = parent
        self.flags = flags
        self.attrs = attrs
        self.start_event = start_event
        self.end_event = -1


def read_html(text: str, path: str | None) -> Source:
    """Read an HTML page: the article's blocks, one comments block, exact offsets, title metadata."""
    # The event list grows to millions of small objects on a big page; the cyclic collector would
    # rescan them again and again (quadratic), and none of them can form cycles.
    with paused():
        page = _Page(text)
        page.tokenize()
        return page.extract(path)


class _Page:
    def __init__(self, text: str) -> None:
        self.text = text
        self.events: list[tuple] = []
        self.elements: list[_Element] = []
        self.stack: list[int] = []
        self.open_counts: dict[str, int] = {}
        self.metadata: dict = {}
        self._no_gt_from = len(text) + 1  # no ">" at or after this offset (memo: keeps bad input linear)

    # -- tokenizing ------------------------------------------------------------------------------------------
    def _find_gt(self, i: int) -> int:
        if i >= self._no_gt_from:
            return -1
        gt = self.text.find(">", i)
        if gt < 0:
            self._no_gt_from = i
        return gt

    def tokenize(self) -> None:
        text = self.text
        n = len(text)
        events = self.events
        i = 0
        plain_from = 0
        search = _SPECIAL.search
        while True:
            m = search(text, i)
            if m is None:
                break
            i = m.start()
            if text[i] == "&":
                em = _ENTITY.match(text, i)
                if em:
                    raw = em.group()
                    decoded = html.unescape(raw)
                    if decoded != raw:
                        if i > plain_from:
                            events.append((_TEXT, None, plain_from, i))
                        events.append((_TEXT, decoded, i, em.end()))
                        i = plain_from = em.end()
                        continue
                i += 1
                continue
            # "<"
            end = self._markup(i, plain_from)
            if end < 0:  # not markup: a literal "<"
                i += 1
                continue
            i = plain_from = end
        if n > plain_from:
            events.append((_TEXT, None, plain_from, n))
        while self.stack:
            self._pop(n, n)
        self.metadata = self._metadata()

    def _flush_text(self, plain_from: int, i: int) -> None:
        if i > plain_from:
            self.events.append((_TEXT, None, plain_from, i))

    def _markup(self, i: int, plain_from: int) -> int:
        """Handle markup at `<`; returns where text resumes, or -1 if this `<` is plain text."""
        text = self.text
        nxt = text[i + 1:i + 2]
        if nxt == "!":
            self._flush_text(plain_from, i)
            if text.startswith("<!--", i):
                if text.startswith("<!-->", i):
                    return i + 5
                if text.startswith("<!--->", i):
                    return i + 6
                close = text.find("-->", i + 4)
                return close + 3 if close >= 0 else len(text)  # an unclosed comment runs to the end
            gt = self._find_gt(i)
            return gt + 1 if gt >= 0 else len(text)
        if nxt == "?":
            self._flush_text(plain_from, i)
            gt = self._find_gt(i)
            return gt + 1 if gt >= 0 else len(text)
        if nxt == "/":
            name = _TAG_NAME.match(text, i)
            gt = self._find_gt(i)
            if gt < 0:
                if not name:
                    return -1
                self._flush_text(plain_from, i)
                return len(text)  # a tag cut off by the end of the file is dropped, as browsers do
            self._flush_text(plain_from, i)
            if name:
                self._end_tag(name.group(1).lower(), i, gt + 1)
            return gt + 1
        if not nxt.isalpha() or not nxt.isascii():
            return -1
        m = _START_TAG.match(text, i, min(len(text), i + _TAG_WINDOW))
        if m:
            end = m.end()
            name = m.group(1).lower()
            attr_text = m.group(2)
        else:  # an unbalanced quote or an overlong tag: the tag ends at the next ">"
            gt = self._find_gt(i)
            if gt < 0:
                return -1
            end = gt + 1
            name_match = _TAG_NAME.match(text, i)
            name = name_match.group(1).lower()
            attr_text = text[name_match.end():gt]
        self._flush_text(plain_from, i)
        return self._start_tag(name, attr_text, i, end)

    def _start_tag(self, name: str, attr_text: str, start: int, end: int) -> int:
        events = self.events
        if name in _VOID:
            if name == "br":
                events.append((_BREAK, None, start, end))
            elif name == "hr":
                events.append((_BOUNDARY, None, start, end))
            elif name == "meta":
                self._meta(attr_text)
            return end
        relevant = attr_text and _RELEVANT_ATTRIBUTE.search(attr_text)
        if name in _PHRASING and not relevant and name != "q" and not self.open_counts.get(name):
            # <a href>, <em>, <strong> carry nothing the extraction needs: no element, and their end
            # tags are then ignored as strays. Keeps article-heavy pages cheap. (Inside an open element
            # of the same name they are kept, so that its end tag closes the right one.)
            return end
        if (name in _CLOSES_P and self.open_counts.get("p")) or name in _IMPLIED_END:
            self._implied_ends(name, start)
        attrs = _parse_attributes(attr_text) if relevant else {}
        stack = self.stack
        parent = stack[-1] if stack else -1
        flags = self.elements[parent].flags & (_IGNORED_FLAG | _IN_COMMENT | _IN_ARTICLE) if parent >= 0 else 0
        if name == "article":
            flags |= _IN_ARTICLE
        if name in _IGNORED or (name in _CHROME and not flags & _IN_ARTICLE):
            flags |= _IGNORED_FLAG
        if attrs:
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                flags |= _IGNORED_FLAG
            names = (attrs.get("id", "") + " " + attrs.get("class", "")).lower().split()
            if names:
                if name not in ("body", "html", "main", "article") and any(_WIDGET.search(word) for word in names):
                    flags |= _IGNORED_FLAG
                if not flags & _IN_COMMENT and any(_COMMENT_ROOT.fullmatch(word) for word in names):
                    flags |= _COMMENT_ROOT_FLAG | _IN_COMMENT
        index = len(self.elements)
        self.elements.append(_Element(name, parent, flags, attrs, len(events)))
        events.append((_START, index, start, end))
        stack.append(index)
        counts = self.open_counts
        counts[name] = counts.get(name, 0) + 1
        if name in _RAW_TEXT:
            return self._raw_text(name, end)
        return end

    def _raw_text(self, name: str, start: int) -> int:
        """Content of <script>, <style>, <title>...: no markup inside, up to the matching end tag."""
        text = self.text
        close = _raw_text_end(name).search(text, start) if name != "plaintext" else None
        content_end = close.start() if close else len(text)
        if name == "title" and "title" not in self.metadata:
            self.metadata["_title"] = " ".join(html.unescape(text[start:content_end]).split())
        if not close:
            self._pop(content_end, content_end)
            return content_end
        gt = self._find_gt(close.start())
        end = gt + 1 if gt >= 0 else len(text)
        self._pop(close.start(), end)
        return end

    def _implied_ends(self, name: str, at: int) -> None:
        stack = self.stack
        elements = self.elements
        if name in _CLOSES_P and self.open_counts.get("p"):
            for depth in range(len(stack) - 1, max(-1, len(stack) - 32), -1):
                tag = elements[stack[depth]].tag
                if tag == "p":
                    self._pop_to(depth, at)
                    break
                if tag not in _PHRASING:
                    break
        implied = _IMPLIED_END.get(name)
        if implied:
            group, bounds = implied
            if any(self.open_counts.get(t) for t in group):
                for depth in range(len(stack) - 1, max(-1, len(stack) - 32), -1):
                    tag = elements[stack[depth]].tag
                    if tag in group:
                        self._pop_to(depth, at)
                        break
                    if tag in bounds:
                        break

    def _end_tag(self, name: str, start: int, end: int) -> None:
        if name == "br":
            self.events.append((_BREAK, None, start, end))
            return
        if not self.open_counts.get(name):
            return  # a stray end tag, as browsers do
        stack = self.stack
        elements = self.elements
        while stack:
            if elements[stack[-1]].tag == name:
                self._pop(start, end)
                return
            self._pop(start, start)

    def _pop_to(self, depth: int, at: int) -> None:
        while len(self.stack) > depth:
            self._pop(at, at)

    def _pop(self, start: int, end: int) -> None:
        index = self.stack.pop()
        element = self.elements[index]
        self.open_counts[element.tag] -= 1
        element.end_event = len(self.events)
        self.events.append((_END, index, start, end))

    def _meta(self, attr_text: str) -> None:
        attrs = _parse_attributes(attr_text)
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content")
        if content is None:
            return
        content = " ".join(html.unescape(content).split())
        if key in ("og:title", "twitter:title") and content:
            self.metadata.setdefault("title", content)
        elif key in ("author", "article:author") and content:
            self.metadata.setdefault("author", content)
        elif key in ("source", "original-source", "syndication-source", "dc.source") and content:
            self.metadata.setdefault("source", content)

    def _metadata(self) -> dict:
        metadata = dict(self.metadata)
        title = metadata.pop("_title", None)
        if title and "title" not in metadata:
            metadata["title"] = title
        return metadata

    # -- extraction -----------------------------------------------------------------------------------------
    def extract(self, path: str | None) -> Source:
        events = self.events
        elements = self.elements
        body = self._article_body()
        if body is None:
            body_blocks = self._collect(0, len(events), skip_comments=True)
        else:
            body_blocks = self._collect(body.start_event, body.end_event + 1, skip_comments=True)
            if not any(role == "heading" for role, _ in body_blocks):
                headline = self._headline_before(body)
                if headline is not None:
                    body_blocks[:0] = self._collect(headline.start_event, headline.end_event + 1, True)
        comment_blocks: list = []
        # A "Leave a Reply" / "3 Comments" heading inside the body starts the comment section there.
        for k, (role, pieces) in enumerate(body_blocks):
            if k and role == "heading" and _COMMENTS_HEADING.fullmatch(_plain(pieces).strip()):
                comment_blocks = body_blocks[k:]
                body_blocks = body_blocks[:k]
                break
        for element in elements:
            if element.flags & _COMMENT_ROOT_FLAG and not element.flags & _IGNORED_FLAG:
                parent = elements[element.parent] if element.parent >= 0 else None
                if parent is None or not parent.flags & _IN_COMMENT:
                    comment_blocks += self._collect(element.start_event, element.end_event + 1, False)

        builder = ArticleTextBuilder()
        for role, pieces in body_blocks:
            builder.add_block(role, pieces)
        for _role, pieces in comment_blocks:
            builder.extend_last_block("comments", pieces)
        return builder.source(path, self.text, "html", self.metadata)

    def _usable(self, element: _Element) -> bool:
        return not element.flags & (_IGNORED_FLAG | _IN_COMMENT)

    def _article_body(self) -> _Element | None:
        elements = self.elements
        events = self.events
        # Text length before each event: an element's text is a difference of two entries.
        text_before = [0] * (len(events) + 1)
        total = 0
        for k, event in enumerate(events):
            text_before[k] = total
            if event[0] == _TEXT:
                total += event[3] - event[2]
        text_before[len(events)] = total

        def text_length(element: _Element) -> int:
            return text_before[element.end_event] - text_before[element.start_event]

        articles = [e for e in elements if e.tag == "article" and self._usable(e)]
        if articles:
            return max(articles, key=text_length)
        for e in elements:
            if e.attrs.get("itemprop", "").lower() == "articlebody" and self._usable(e):
                return e
        for e in elements:
            if e.tag == "main" and self._usable(e):
                return e
        paragraph_text: dict[int, int] = {}
        for e in elements:
            if e.tag == "p" and e.parent >= 0 and self._usable(e):
                paragraph_text[e.parent] = paragraph_text.get(e.parent, 0) + text_length(e)
        if paragraph_text:
            best = max(paragraph_text, key=paragraph_text.__getitem__)
            if self._usable(elements[best]):
                return elements[best]
        return None

    def _headline_before(self, body: _Element) -> _Element | None:
        """The page's <h1> above the body (readers show it as the headline), if the body has none."""
        for element in reversed(self.elements[:self._first_element_after(body.start_event)]):
            if element.tag == "h1" and self._usable(element) and element.end_event < body.start_event:
                return element
        return None

    def _first_element_after(self, event_index: int) -> int:
        lo, hi = 0, len(self.elements)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.elements[mid].start_event < event_index:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _collect(self, lo: int, hi: int, skip_comments: bool) -> list[tuple[str, list]]:
        """Blocks of text pieces between two events, skipping ignored subtrees (and comment sections)."""
        events = self.events
        elements = self.elements
        blocks: list[tuple[str, list]] = []
        pieces: list = []
        role = "paragraph"
        paragraph_depth = 0
        k = lo
        while k < hi:
            kind, value, o0, o1 = events[k]
            if kind == _TEXT:  # verbatim text is kept as offsets only, and sliced when it is used
                pieces.append((self.text[o0:o1] if value is None else value, o0, o1))
            elif kind == _START:
                element = elements[value]
                if element.flags & _IGNORED_FLAG or (skip_comments and element.flags & _COMMENT_ROOT_FLAG):
                    k = element.end_event + 1
                    continue
                tag = element.tag
                if tag in _BLOCK:
                    if paragraph_depth == 0:
                        if pieces:
                            blocks.append((role, _collapse_blank_lines(pieces)))
                            pieces = []
                        if tag in _HEADINGS:
                            role = "heading"
                    if tag == "p":
                        paragraph_depth += 1
                elif tag == "q":
                    pieces.append(("“", o0, o1))
            elif kind == _END:
                tag = elements[value].tag
                if tag in _BLOCK:
                    if tag == "p" and paragraph_depth:
                        paragraph_depth -= 1
                    if paragraph_depth == 0:
                        if pieces:
                            blocks.append((role, _collapse_blank_lines(pieces)))
                            pieces = []
                        if tag in _HEADINGS:
                            role = "paragraph"
                elif tag == "q" and o1 > o0:
                    pieces.append(("”", o0, o1))
            elif kind == _BREAK:
                pieces.append(("\n", o0, o1))
            elif paragraph_depth == 0 and pieces:  # <hr>
                blocks.append((role, _collapse_blank_lines(pieces)))
                pieces = []
            k += 1
        if pieces:
            blocks.append((role, _collapse_blank_lines(pieces)))
        return blocks


_RAW_TEXT_ENDS: dict[str, re.Pattern] = {}


def _raw_text_end(name: str) -> re.Pattern:
    pattern = _RAW_TEXT_ENDS.get(name)
    if pattern is None:
        pattern = _RAW_TEXT_ENDS[name] = re.compile(r"</" + re.escape(name) + r"[\s/>]", re.I)
    return pattern


def _parse_attributes(attr_text: str) -> dict:
    attrs: dict = {}
    for m in _ATTRIBUTE.finditer(attr_text):
        name = m.group(1).lower()
        if name not in attrs:
            value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
            attrs[name] = html.unescape(value) if value else ""
    return attrs


def _plain(pieces: list) -> str:
    return "".join(piece[0] for piece in pieces)


def _collapse_blank_lines(pieces: list) -> list:
    """Blank lines inside one HTML block are layout, not a paragraph break: keep them as one newline.

    Likewise the source's own line break right after a `<br>` adds nothing to the `<br>`'s newline.
    """
    out: list = []
    for piece in pieces:
        text, o0, o1 = piece
        verbatim = len(text) == o1 - o0
        if verbatim and out and out[-1][0].endswith("\n") and text[:1].isspace():
            stripped = text.lstrip()
            o0 += len(text) - len(stripped)
            text = stripped
            if not text:
                continue
        if "\n" not in text or not verbatim or not _BLANK_LINES.search(text):
            out.append((text, o0, o1))
            continue
        pos = 0
        for m in _BLANK_LINES.finditer(text):
            if m.start() > pos:
                out.append((text[pos:m.start()], o0 + pos, o0 + m.start()))
            out.append(("\n", o0 + m.start(), o0 + m.end()))
            pos = m.end()
        if pos < len(text):
            out.append((text[pos:], o0 + pos, o1))
    return out
