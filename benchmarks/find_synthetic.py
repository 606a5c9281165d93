"""Synthetic republications of wire stories, with the edits republishers make (for find_original.py)."""
from __future__ import annotations

import random
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'(]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Inc|Corp|Co|Jr|vs)\.$")
_DATELINE = re.compile(r"^([A-Z][A-Z .,/'-]*?)?\s*\((?:Reuters|AP)\)\s*[-—–]\s*")

HEADER_FURNITURE = [
    ["Home | News | Politics | World | Business", "Advertisement"],
    ["Share this article", "By Reuters Staff"],
    ["Menu", "Sign in", "Advertisement", "Published 3:05 PM ET"],
    ["Follow us on Twitter", "Subscribe"],
]
FOOTER_FURNITURE = [
    ["Copyright 2017 Thomson Reuters. All rights reserved."],
    ["Sign up for our daily newsletter and get the day's top stories in your inbox.", "Advertisement"],
    ["Share on Facebook", "Share on Twitter", "Comments"],
    ["Related coverage", "More from our politics desk"],
    ["This article was written by Reuters staff and is republished with permission. Views expressed in the "
     "comments are those of the readers."],
]
COMMENTARY = [
    "[Editor's note: This story has been updated with comment from the White House.]",
    "[Our view: the administration has yet to explain why this was necessary.]",
    "(Editor's note: this is a developing story and will be updated as we learn more.)",
    "Critics have long argued that decisions like this one deserve far more scrutiny than they get, and this "
    "case will be no exception.",
    "It is hard to see how anyone could defend this, and readers will draw their own conclusions about what "
    "it means for the months ahead.",
]
NEW_LEADS = [
    "{a} faced mounting questions on {day} over the matter, as officials in {b} weighed their next steps.",
    "Pressure grew on {a} on {day} after new details emerged about the dispute involving {b}.",
    "{a} moved on {day} to respond to the developments, a day after {b} drew fresh attention to the issue.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def split_story(text: str) -> tuple[str, list[str]]:
    """(title, sentences of the body) of a stored story file: the title line, a blank line, the body."""
    title, _, body = text.partition("\n\n")
    sentences: list[str] = []
    pos = 0
    for m in _SENTENCE_END.finditer(body):
        if _ABBREV.search(body[pos:m.start()].rstrip("”\"’'")):
            continue
        sentences.append(body[pos:m.start()].strip() if m.start() > pos else "")
        pos = m.end()
    sentences.append(body[pos:].strip())
    return title.strip(), [s for s in sentences if s]


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, k = [], 0
    while k < len(sentences):
        n = rng.choice((1, 1, 2, 2, 3))
        out.append(" ".join(sentences[k:k + n]))
        k += n
    return out


def _house_style(text: str, rng: random.Random, edits: list[str]) -> str:
    if rng.random() < 0.5:
        text = text.replace("U.S.", "US").replace("U.N.", "UN").replace("U.K.", "UK")
        edits.append("abbreviations")
    if rng.random() < 0.4:
        text = re.sub(r"(\d) percent\b", r"\1 per cent" if rng.random() < 0.5 else r"\1%", text)
        edits.append("percent")
    if rng.random() < 0.5:
        text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
        edits.append("straight quotes")
    if rng.random() < 0.5:
        text = re.sub(r"\b(said|told|announced) on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                      r"\1 \2", text)
        edits.append("AP weekday style")
    if rng.random() < 0.3:
        text = text.replace(" - ", " — ")
        edits.append("dashes")
    return text


def _dateline(first: str, rng: random.Random, edits: list[str]) -> str:
    m = _DATELINE.match(first)
    if not m:
        return first
    place = (m.group(1) or "").strip()
    choice = rng.random()
    if choice < 0.3:
        return first
    edits.append("dateline")
    rest = first[m.end():]
    if choice < 0.55 or not place:
        return rest
    if choice < 0.8:
        return f"{place} — {rest}"
    return f"{place.title()} (Reuters) — {rest}"


def republish(text: str, rng: random.Random, *, other_titles: list[str] = ()) -> tuple[str, list[str]]:
    """A republication of a stored story: new headline, paragraph splits, cuts, house style, furniture and
    inserted commentary. Returns the text and the edits made."""
    title, sentences = split_story(text)
    edits: list[str] = ["paragraph splits"]
    paragraphs = _paragraphs(sentences, rng)
    if len(paragraphs) > 3 and rng.random() < 0.6:
        keep = rng.randint(max(2, int(len(paragraphs) * 0.3)), len(paragraphs) - 1)
        paragraphs = paragraphs[:keep]
        edits.append(f"cut to {keep} paragraphs")
    if len(paragraphs) > 4 and rng.random() < 0.3:
        del paragraphs[rng.randrange(2, len(paragraphs) - 1)]
        edits.append("paragraph dropped")
    paragraphs[0] = _dateline(paragraphs[0], rng, edits)
    if rng.random() < 0.5 and len(paragraphs) > 1:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(COMMENTARY))
        edits.append("commentary")
    body = _house_style("\n\n".join(paragraphs), rng, edits)
    headline = title
    if rng.random() < 0.6:
        headline = rng.choice(["WATCH: ", "Report: ", "", "BREAKING: "]) + title.split(":")[0]
        edits.append("headline")
    head, foot = [], []
    if rng.random() < 0.6:
        head = rng.choice(HEADER_FURNITURE)
        foot = rng.choice(FOOTER_FURNITURE)
        if other_titles and rng.random() < 0.5:
            foot = foot + ["Related: " + rng.choice(other_titles)]
        edits.append("page furniture")
    return "\n\n".join([*head, headline, body, *foot]) + "\n", edits


def update(text: str, rng: random.Random) -> tuple[str, list[str]]:
    """An agency update of a stored story: the lead rewritten, a new second paragraph, the body kept."""
    title, sentences = split_story(text)
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", " ".join(sentences[:3]))
    names = [n for n in names if n not in DAYS and n not in ("Reuters", "The") and len(n) > 3] or ["Officials", "Washington"]
    a = names[0]
    b = names[1] if len(names) > 1 else "Washington"
    lead = rng.choice(NEW_LEADS).format(a=a, b=b, day=rng.choice(DAYS))
    m = _DATELINE.match(sentences[0])
    if m:
        lead = sentences[0][:m.end()] + lead
    rest = sentences[1:]
    new_second = f"The latest developments came after several days of talks, according to people familiar with the matter."
    body = [lead, new_second, *rest]
    paragraphs = _paragraphs(body, rng)
    return "UPDATE 1-" + title + "\n\n" + "\n\n".join(paragraphs) + "\n", ["lead rewritten", "paragraph added"]


def variant(text: str, seed: int, common: set[str], vocabulary: list[str]) -> str:
    """A distinct synthetic story for scale: every word outside the commonest ones replaced through a
    random mapping of its own (so stock phrases stay shared across stories, as in a real store)."""
    rng = random.Random(seed)
    mapping: dict[str, str] = {}

    def swap(m: re.Match) -> str:
        word = m.group()
        if word.lower() in common:
            return word
        new = mapping.get(word)
        if new is None:
            new = mapping[word] = rng.choice(vocabulary)
        return new

    return re.sub(r"[A-Za-z]+", swap, text)
