"""Who said a quotation: the speaker and speech verb in the quotation's own sentence.

    “…,” said one Shiite political leader.        speaker after the verb
    “And that decision is an Iraqi one,” he said.  speaker before the verb
    … he said in a televised address that … “occupier”   attribution earlier in the sentence
"""
from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern, regex
from .alternation import by_first_letter
from .model import Span

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|recalled|recalls|recounted|recounts|explained|explains|"
    "wrote|writes|stated|states|declared|declares|noted|notes|insisted|insists|argued|argues|warned|warns|"
    "continued|replied|replies|answered|tweeted|posted|acknowledged|claimed|claims|conceded|admitted|urged|"
    "announced|predicted|suggested|complained|cautioned|countered|remarked|observed|testified|shouted|"
    "yelled|whispered|pleaded|vowed|promised|boasted|joked|quipped|conceded|mused|thundered|demanded|"
    # The livelier verbs of British and tabloid copy ("… ,' he began.", "she fumed").
    "began|retorted|intoned|alleged|concluded|fumed|raged|gushed|revealed|confessed|blasted|slammed|sneered|"
    # Reporting verbs of any copy that name a way of saying ("Ek responded: “…”", "…,” she stressed."). Each
    # verb costs every run that compiles these patterns ~0.14 ms: forms no copy at hand used are left out.
    "responded|responds|stressed|emphasized|emphasised|reiterated|asserted|lamented|commented"
)


# Grouped by first letter (_VERB_FIRST ~2x, _BEFORE ~15% faster than the flat list). A repeated verb cannot
# match where its first copy failed, so repeats are dropped. Grouped case-sensitively, as _BEFORE and
# _SPACED_VERB match; right under the IGNORECASE of _VERB_FIRST and _SPEAKER_FIRST too, as the verbs are all
# lower case (no two groups' letters fold together).
_VERB = by_first_letter(list(dict.fromkeys(SPEECH_VERBS.split("|"))), ignore_case=False)
_WORD = r"[\w’'.-]+"
_STOP = r"(?:in|on|at|during|after|before|when|while|as|to|of|that|because|from|with|and|but|on)"
# After the quotation: ", said Michael Knights, a fellow …" / ", he said." / " one leader recounted him saying."
_VERB_FIRST = LazyPattern(regex.compile,
    rf"[\s,]*(?P<verb>{_VERB})\s+(?P<speaker>(?!{_STOP}\b){_WORD}(?:[ \t]+(?!{_STOP}\b){_WORD}){{0,7}})",
    regex.I)
# Its words are possessive (++): each is followed by a space or tab, which no word character is, so giving
# characters back can never lead to a match, and not trying saves a fifth of the time.
_SPEAKER_FIRST = LazyPattern(regex.compile,
    rf"[\s,]*(?P<speaker>{_WORD}+(?:[ \t]+{_WORD}+){{0,5}}?)[ \t]+(?P<verb>{_VERB})\b", regex.I)
# A cheap necessary condition for either after-pattern, in plain re: a speech verb, in any case and ending
# its word, after the [\s,]* run and at most six words each followed by spaces or tabs (_VERB_FIRST's verb
# comes first; the _SPEAKER_FIRST speaker has one to six words). Many quotations run on into their sentence
# ("… called Clinton and Kaine a “Status Quo” ticket.") and fail both patterns; this match costs a third
# of theirs. It holds every match of theirs: re's \s holds regex's; _ANY_WORD holds their word characters,
# and neither holds the other's space; re's IGNORECASE matches each ASCII letter wherever regex's does
# (and more: ı); their verb is followed by \s or a word boundary, so by no ASCII word character (tests
# check every code point). _match_in_sentence may end their text sooner, but only just past a . ! or ?,
# never right after a verb. Lazily the fewest words: with one or more, _VERB_FIRST cannot match.
# (The verbs under (?i:) compile in a sixth of the time of one class per letter: ~8 ms of every start-up.)
_ANY_WORD = r"[^\s,;:()“”\"!?]++"  # stops at the punctuation that ends most run-on sentences' words
_VERB_AFTER = LazyPattern(re.compile,
    rf"[\s,]*+(?P<words>(?:{_ANY_WORD}[ \t]++){{0,6}}?)(?P<verb>(?i:{_VERB}))(?![a-zA-Z0-9_])")
# _SPEAKER_FIRST's match is read off _VERB_AFTER's (one with words) where the text is plain ASCII (most
# are: ", he said."), so that regex is not run. Fewer words could not match (_VERB_AFTER would have
# matched with them); with these, the two decide alike when _PLAIN_AFTER holds the text from pos to the
# verb's end: ASCII white space (not re's \x1c-\x1f) and commas, then _SPEAKER_FIRST's word characters
# but "." (a "." makes _match_in_sentence look for the sentence end) with spaces and tabs, and the verb's
# ASCII letters (on which the two engines' IGNORECASE agree); and when the verb ends the block
# or an ASCII character follows it, which ends a word (\b) exactly when it is none of [a-zA-Z0-9_].
_PLAIN_AFTER = LazyPattern(re.compile, r"[\t\n\x0b\x0c\r ,]*+[A-Za-z0-9_'\- \t]*")
# Earlier in the sentence: "he said in a televised address that …", "according to officials, …"
# A speaker may carry an age, as British and tabloid copy gives it: "Mrs O'Neill, 41, said", "A neighbour, 67,
# told"; `middle` is the one word the pattern allows before the verb.
_AGE = r",[ \t]*\d{1,3},"
_SPEAKER_VERB = (rf"(?P<speaker>\b(?:he|she|they|we|I|it|(?:A|[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){{0,3}}))"
                 rf"(?:{_AGE})?[ \t]+(?:(?P<middle>\w+)(?:{_AGE})?[ \t]+)?(?P<verb>{_VERB})\b")
_BEFORE = LazyPattern(regex.compile, rf"(?:{_SPEAKER_VERB}|(?P<verb2>according to)[ \t]+(?P<speaker2>[^,.;“”\"]{{1,60}}))")
# _BEFORE without its "according to" branch, for text without those words: the same matches, and the
# regex module scans a third faster without the top-level alternation.
_BEFORE_NO_ACCORDING = LazyPattern(regex.compile, _SPEAKER_VERB)
# A determiner and a noun phrase of up to three words in lower case before a speech verb: "The prime minister
# said", "A police spokesman said", "The children's charity said", "…, and the head teacher said:" (_SPEAKER_VERB
# takes a name or a pronoun, or a determiner and the one word after it). Read word by word back from the last
# verb of the quotation's sentence (_determiner_before): one short walk a quotation, where a branch of
# _SPEAKER_VERB tried at every word of the sentence cost 4% of parsing a Reuters story, and a pattern for it
# 6.5 ms to compile.
_DETERMINER_WORDS = frozenset("The An A His Her Their Its Two Three Four Five Several Both the an a his her their its".split())
# Words a speaker's noun phrase does not hold: they open a clause or a phrase, are a determiner or a pronoun,
# or a stretch of time ("a column he wrote", "her office looked into claims", "the next day said").
_NOT_IN_PHRASE = frozenset("""and or but nor who whom whose which that what when while where if as than of in on at by for
    from with to into about after before the a an he she they we it him them us his her its their this these those day
    days week weeks month months year years time times later both all each either neither himself herself themselves
    itself""".split())
_PHRASE_WORD = LazyPattern(re.compile, r"[a-z0-9][\w’'-]*")
_AGE_AT_END = LazyPattern(re.compile, rf"{_AGE}\Z")
_LAST_WORD = LazyPattern(re.compile, r"\w+\Z")
_WORD_CHAR = LazyPattern(regex.compile, r"\w", regex.V0)  # as _BEFORE reads \w (a combining mark is one)
# After a preposition a determiner's phrase is no subject: "the deputy leader of the council said".
_PREPOSITIONS = frozenset("""of in on at by for from with to into onto upon about via through over under against among
    between within without toward towards across behind near like during despite amid amongst inside outside beyond
    throughout per""".split())
# Where a sentence ends inside the paragraph (not after "U.S." or "Mr.").
SENTENCE_END = _SENTENCE_END = LazyPattern(regex.compile,
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|No|Inc|Co|Corp|vs|etc))[.!?][”\"’)]*\s+")
_LOOKBACK = 400  # how far back the sentence holding a quotation is looked for

# _BEFORE needs "according to" or a (case-sensitive) speech verb with a space or tab before it and a word
# boundary after it, so no [a-z] letter. Most quotations in real copy have no verb earlier in their
# sentence ("… called himself a “fiscal conservative”"); this search (plain re) is much cheaper. It
# takes the space or tab too: re then skips to the next one at C speed instead of testing a lookbehind
# at every character (a third faster). The verbs are letters, so no match holds another's space.
_SPACED_VERB = LazyPattern(re.compile, rf"[ \t](?:{_VERB})(?![a-z])")
# What a _BEFORE match may hold before its verb, read backwards from the verb: up to five words (a speaker of
# four, one more), each perhaps followed by an age, with spaces or tabs between.
_WORDS_BEFORE_VERB = LazyPattern(regex.compile, rf"(?:[\w’'-]+(?:{_AGE})?[ \t]+){{0,5}}", regex.REVERSE)


# A pull quote signed with a dash: “I don’t want the drama.” — Rep. Trey Gowdy, R-SC
_DASH_SIGNED = LazyPattern(regex.compile, r"[ \t]*(?:—|–|--?)[ \t]*(?P<speaker>\p{Lu}[\w’'.-]*(?:[ \t]+[\w’'.,-]+){0,5})")


def attribute(quote: Span, text: str, block_start: int, block_end: int) -> None:
    """Set `speaker` and `verb` on a quotation span when its own sentence names them."""
    if quote.attrs.get("closed") and text[quote.end:quote.end + 2].lstrip(" \t")[:1] in ("—", "–", "-") \
            and (signed := _DASH_SIGNED.match(text, quote.end, block_end)):
        quote.attrs["speaker"], quote.attrs["verb"] = _trim(signed.group("speaker")), "—"
        return
    inner_last = text[quote.end - 2:quote.end - 1] if quote.end - quote.start > 1 else ""
    # “…,” and “…?” ask for an attribution right after; “….” ends the sentence with the quotation.
    # (An unclosed quotation ending in a comma was ended before its attribution: document._end_at_attribution.)
    if (inner_last not in (".",) and (quote.attrs.get("closed") or text[quote.end - 1:quote.end] == ",")
            and (verb_after := _VERB_AFTER.match(text, quote.end, block_end))
            and (found := _attribution_after(text, quote.end, block_end, verb_after))):
        quote.attrs["speaker"], quote.attrs["verb"] = found
        return
    start = _sentence_start(text, block_start, quote.start)
    best, last_verb = _before_matches(text, start, quote.start)
    found = before_attribution(best) if best is not None else None
    if last_verb is not None and (found is None or best.end() != last_verb.end()):
        found = _determiner_before(text, start, last_verb) or found
    if found is None and ":" in text[max(0, quote.start - _LABEL_GAP - 1):quote.start]:
        found = _labelled(text, quote.start)
    if found is not None:
        quote.attrs["speaker"], quote.attrs["verb"] = found


# How far a quotation may follow the sentence that attributed the one before it and still be that speaker's.
_CARRY_GAP = 80


def carry_speakers(quotes: list[Span], text: str) -> None:
    """Give a quotation with no speaker of its own the speaker of the quotation just before it in the
    paragraph, where all that stands between them is that one's attribution and the end of its sentence:
    “It was terrifying,” one woman said. “We ran for our lives.” Wire copy never changes speaker without
    naming the new one."""
    for before, quote in zip(quotes, quotes[1:]):
        speaker = before.attrs.get("speaker")
        if (not speaker or "speaker" in quote.attrs or before.attrs.get("turn")
                or quote.start - before.end > _CARRY_GAP):
            continue
        between = text[before.end:quote.start]
        tail = between.rstrip(" \t")
        if (speaker in between and tail.endswith((".", ":")) and "\n" not in between
                and _SENTENCE_END.search(tail[:-1] + " ") is None):  # one sentence: its attribution's
            quote.attrs["speaker"], quote.attrs["verb"] = speaker, before.attrs.get("verb")


# A reaction under a speaker's label, as wire factboxes and "Instant View" pieces print them:
#     ALICIA LEVINE, DIRECTOR OF PORTFOLIO STRATEGY AT BNY MELLON, NEW YORK: “The effects of the tax cuts …”
# A name of two to four upper-case words, a comma, an upper-case role, a colon, then (white space, or the
# blank line that ends the label's own paragraph) the quotation. Section heads have no comma ("TRUMP WIN:").
_LABEL_CHARS = 250
# The most white space between a label's colon and the quotation (a blank line, indentation): attribute
# looks for the colon within that many characters and one before calling _labelled.
_LABEL_GAP = 7
_SPEAKER_LABEL = LazyPattern(re.compile,
    r"(?:^|(?<=\s))(?P<speaker>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){1,3}),"
    r"[ \t]*[A-Z][A-Z0-9 .,&'’()/-]{1,200}:\Z")


# Or a source's name opening the quotation's line, or after the dash that ends an item's heading, as
# newsletters cite the outlet an excerpt is from:
#     Roll Call: “Randy Brogdon, a conservative former state senator, …”   Giving them the business - WaPo: “…”
# One to four capitalised words; words that head a section or an item name nobody ("Flashback:", "Q:").
_SOURCE_LABEL_CHARS = 40
_HEADING_DASHES = (" - ", " – ", " — ")
HEADING_LABELS = frozenset("""NOTE NB UPDATE UPDATED CORRECTION CLARIFICATION DISCLAIMER RELATED WATCH READ
    LISTEN PHOTO PHOTOS VIDEO AUDIO SOURCE SOURCES CREDIT CREDITS ADVERTISEMENT BREAKING EXCLUSIVE ANALYSIS
    OPINION COMMENTARY EDITORIAL WARNING ALERT TRANSCRIPT SUMMARY BACKGROUND CONTEXT FLASHBACK HEADLINE
    TRANSLATION QUOTE QUOTES""".split())
# A transcript's questions and answers have speakers, but these labels name none of them.
_NOT_SOURCES = HEADING_LABELS | frozenset("Q A QUESTION ANSWER".split())


def _labelled(text: str, quote_start: int) -> tuple[str, str] | None:
    """(speaker, ":") when a speaker's or source's label ends right before the quotation (see
    _SPEAKER_LABEL and HEADING_LABELS)."""
    colon = quote_start
    while colon > 0 and quote_start - colon < _LABEL_GAP and text[colon - 1].isspace():
        colon -= 1
    if colon < 2 or text[colon - 1] != ":":
        return None
    before = text[colon - 2]
    # A speaker's role ends in a capital ("… IN CHICAGO:"); "he said: “…”" has a small letter there.
    if ("A" <= before <= "Z" or before in ".)") and (
            match := _SPEAKER_LABEL.search(text, max(0, colon - _LABEL_CHARS), colon)):
        return " ".join(match.group("speaker").split()), ":"
    window = max(0, colon - 1 - _SOURCE_LABEL_CHARS)
    start = text.rfind("\n", window, colon) + 1  # the label's start: its line's, or past a heading's dash
    for dash in _HEADING_DASHES:
        at = text.rfind(dash, window, colon)
        if at != -1:
            start = max(start, at + len(dash))
    if start == 0 and window > 0:
        return None
    words = text[start:colon - 1].split()
    if (0 < len(words) <= 4 and all(word[0].isupper() for word in words)
            and not (len(words) == 1 and words[0].upper().rstrip(".") in _NOT_SOURCES)):
        return " ".join(words), ":"
    return None


def before_attribution(match: regex.Match | re.Match) -> tuple[str, str] | None:
    """The speaker and verb a _BEFORE match names. A capital that only opens the sentence is no name's:
    "The president said" names "The president", "But he said" names "he", "When asked" names nobody. A
    determiner before names takes the word after them: "A White House spokesman said"."""
    groups = match.groupdict()
    speaker = groups.get("speaker")
    if speaker is None:  # "according to …"
        return _trim(groups["speaker2"]), groups["verb2"]
    middle = groups.get("middle") or ""
    if speaker in _STANDING_FOR_A_PERSON and not middle:
        return speaker, groups["verb"]
    if speaker in _CAPITALISED_OPENERS:
        if not middle or middle in _AUXILIARIES or (
                speaker not in _DETERMINERS and not (middle in _PRONOUNS or middle[0].isupper())):
            return None
        speaker = f"{speaker} {middle}" if speaker in _DETERMINERS else middle
    elif (middle and middle not in _AUXILIARIES and middle not in _ADVERBS and not middle.endswith(("ly", "ed"))
          and (speaker.split(None, 1)[0] in _DETERMINERS
               or (middle[0].islower() and speaker not in _PRONOUNS and middle not in _NOT_IN_PHRASE))):
        # Not "The White House also", "The Committee explored (claims)". A name before a noun is the noun's
        # modifier: "Pentagon officials said", "Clinton aides said".
        speaker = f"{speaker} {middle}"
    return _trim(speaker), groups["verb"]


# Capitalised words _SPEAKER_VERB takes for a name that only open a sentence: determiners ("The official said")
# and words opening a clause ("But he said", "When asked"). The one word it allows before the verb then
# holds the speaker, or names him with the determiner.
# "Another added:", "One said": a determiner standing for a person, alone before the verb.
_STANDING_FOR_A_PERSON = frozenset({"Another", "One"})
_DETERMINERS = frozenset("""The A An This That These Those Another Each Every Some Many Most Several My Your His Her Its
    Our Their""".split())
_CAPITALISED_OPENERS = _DETERMINERS | frozenset("""But And Or So Yet Then When While Whilst As If Although Though
    Because Since After Before Once Until Unless Where Still Also Meanwhile However Instead Later Earlier""".split())
_PRONOUNS = frozenset("he she they we I it".split())
# "This was said": an auxiliary before the verb is no name.
_AUXILIARIES = frozenset("is was are were be been has have had would will could should may might must".split())
# Nor an adverb: "The White House also said".
_ADVERBS = frozenset("""also later then again still too now once first last earlier previously often never always just
    even only ever soon already""".split())


def _determiner_before(text: str, start: int, last: re.Match) -> tuple[str, str] | None:
    """The speaker and verb of a determiner and its noun phrase in text[start:] that end at the speech verb
    `last` (a _SPACED_VERB match), with spaces or tabs between the words and perhaps an age before the verb:
    "The prime minister said". The longest phrase (three words, then two, one) that a determiner opens."""
    verb_at = last.start() + 1
    after = text[last.end():last.end() + 1]
    if after and (after.isalnum() or after == "_" or (not after.isascii() and _WORD_CHAR.match(after))):
        return None  # "said_", "saidé": _SPACED_VERB's lookahead admits them; no word ends there (_BEFORE's \b)
    words = text[max(start, verb_at - 120):last.start()].rstrip(" \t")
    if words.endswith(",") and (age := _AGE_AT_END.search(words)):
        words = words[:age.start()]
    tokens = words.rsplit(None, 5)
    fit = 0  # how many of the last tokens (up to three, with one left for a determiner) can be the phrase's
    while fit < min(3, len(tokens) - 1) and (word := tokens[-1 - fit]) not in _NOT_IN_PHRASE \
            and _PHRASE_WORD.fullmatch(word):
        fit += 1
    for size in range(fit, 0, -1):
        phrase = tokens[-size:]
        head = _LAST_WORD.search(tokens[-size - 1])  # "The", or "the" of "(the"
        if head is None or head.group() not in _DETERMINER_WORDS:
            continue
        determiner = head.group()
        if head.start() == 0 and len(tokens) > size + 1 and tokens[-size - 2].lower() in _PREPOSITIONS:
            return None
        break
    else:
        return None
    noun_phrase = _noun_phrase(" ".join(phrase))
    verb = text[verb_at:last.end()]
    if not noun_phrase or (verb == "began" and not text.startswith(":", last.end())):
        return None  # "the crowd began to …": beginning, not speaking
    return f"{determiner} {noun_phrase}", verb


def _noun_phrase(words: str) -> str:
    """The words of a determiner's phrase that can name its speaker: those before the first auxiliary or
    adverb ("The officials have also said"), or before a last word ending in -ly or -ed, a verb's or an
    adverb's."""
    words = words.split()
    for at, word in enumerate(words):
        if word in _AUXILIARIES or word in _ADVERBS or (at == len(words) - 1 and word.endswith(("ly", "ed"))):
            return " ".join(words[:at])
    return " ".join(words)


def _attribution_after(text: str, pos: int, block_end: int, verb_after: re.Match) -> tuple[str, str] | None:
    """The speaker and verb of the first of _VERB_FIRST and _SPEAKER_FIRST that matches in the sentence
    from pos with a plausible speaker; `verb_after` is _VERB_AFTER's match there."""
    end = verb_after.end()
    if not verb_after.group("words"):
        patterns = (_VERB_FIRST, _SPEAKER_FIRST)
    elif _PLAIN_AFTER.fullmatch(text, pos, end) and (end == block_end or text[end].isascii()):
        speaker, verb = verb_after.group("words").rstrip(" \t"), verb_after.group("verb")  # _SPEAKER_FIRST's
        return (_trim(speaker), verb) if accepts_after(speaker, verb, verb_first=False) else None
    else:
        patterns = (_SPEAKER_FIRST,)
    for pattern in patterns:
        match = _match_in_sentence(pattern, text, pos, block_end)
        if match and accepts_after(match.group("speaker"), match.group("verb"), verb_first=pattern is _VERB_FIRST):
            return _trim(match.group("speaker")), match.group("verb")
    return None


def accepts_after(speaker: str, verb: str, verb_first: bool) -> bool:
    """Whether a match of _VERB_FIRST (`verb_first`) or _SPEAKER_FIRST after a quotation names its speaker."""
    return _plausible_speaker(speaker) and (verb_first or _names_a_speaker(speaker, verb))


def _before_matches(text: str, start: int, end: int):
    """(The last match of _BEFORE.finditer(text, start, end), found with less scanning; the last _SPACED_VERB
    match there, or None).

    Every match holds "according to" or a speech verb with its space or tab (a _SPACED_VERB within
    [start, end)), and a match ending at a verb holds only word characters, ’ ' - and spaces or tabs, with
    at most five gaps before that verb, and perhaps an age (", 41,") after a word. So no match begins
    before the first "according to", nor before _WORDS_BEFORE_VERB back from the first verb (a match ending
    at a later verb that reaches back past it holds fewer words before it): the scan begins there. Without "according to", every match
    ends at a verb, so the scan stops one character past the last (that character decides the verb's
    word boundary), not at the quotation.
    """
    according = text.find("according to", start, end)
    verbs = _SPACED_VERB.finditer(text, start, end)
    first = next(verbs, None)
    if first is None and according == -1:
        return None, None
    begin = _WORDS_BEFORE_VERB.match(text, start, first.start() + 1).start() if first is not None else end
    last = first
    for last in verbs:
        pass
    if according != -1:
        pattern, begin = _BEFORE, min(begin, according)
    else:
        pattern, end = _BEFORE_NO_ACCORDING, min(end, last.end() + 1)
    best = None
    for best in pattern.finditer(text, begin, end):
        pass
    return best, last


def _match_in_sentence(pattern: regex.Pattern, text: str, pos: int, block_end: int) -> regex.Match | None:
    """pattern.match(text, pos, end of the sentence holding pos), for _VERB_FIRST and _SPEAKER_FIRST.

    Matched up to the block's end first: the sentence end is looked for only when that match holds one
    of . ! ? (a sentence end begins with one). Otherwise both give the same match, or both none: the
    sentence end falls after the . ! ? ending its sentence, and neither pattern tests a character there
    (no word of theirs reaches past that mark, and the closer or space after it is no word character).
    """
    match = pattern.match(text, pos, block_end)
    if match is None:
        return None
    end = match.end()
    if text.find(".", pos, end) == -1 and text.find("!", pos, end) == -1 and text.find("?", pos, end) == -1:
        return match
    return pattern.match(text, pos, _sentence_end(text, pos, block_end))


def _plausible_speaker(words: str) -> bool:
    return bool(words) and not words[0].isdigit()


# Words that begin a clause or a phrase of place, time or manner, never the one naming who speaks: after
# a quotation, “…,” and said / “…” between the two countries and stressed / “…” when he said hold no
# speaker before the verb (the sentence's subject came earlier, or the words run on past the quotation).
_NOT_SPEAKER_START = frozenset("""and but or nor so yet then also even just only not when while whilst as if
    that which who whom whose where why how because since although though unless until whether than
    to on in at by for from with without within into onto upon of off about above across after against
    along among around before behind below beneath beside between beyond during except inside like near
    outside over past through throughout toward towards under via""".split())


def _names_a_speaker(words: str, verb: str) -> bool:
    """Whether the words between a quotation and the speech verb after them can name its speaker: they
    begin no clause or prepositional phrase, and the verb is one, not a capitalised name ("the United
    States": a speech verb in title case after other words is a proper noun; one in capitals is a
    headline's)."""
    first = words.split(None, 1)
    return ((not first or first[0].lower() not in _NOT_SPEAKER_START)
            and not (verb[:1].isupper() and not verb.isupper()))


def _trim(speaker: str) -> str:
    return speaker.strip().rstrip(".,;:")


def _sentence_end(text: str, pos: int, limit: int) -> int:
    match = _SENTENCE_END.search(text, pos, limit)
    return match.start() + 1 if match else limit


def _sentence_start(text: str, block_start: int, pos: int) -> int:
    """Where the last sentence end of a forward scan over the _LOOKBACK characters before `pos` ends.

    A sentence end begins at one of . ! ? and holds none after its first character, so no two overlap
    and the forward scan finds one at every such mark where the pattern matches: the last is the match at
    the last mark that has one. Marks found with rfind (memrchr) and the pattern tried at each, from the
    right, cost half the regex module's backwards search.
    """
    window = max(block_start, pos - _LOOKBACK)
    end = pos
    while (mark := max(text.rfind(".", window, end), text.rfind("!", window, end), text.rfind("?", window, end))) != -1:
        match = _SENTENCE_END.match(text, mark, pos)
        if match:
            return match.end()
        end = mark
    return window
