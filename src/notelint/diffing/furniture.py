"""Page furniture: the parts of a scraped web page that are not the article.

A republication people check is usually a scraped page, and the scrape keeps what surrounds the story:
navigation and reader widgets ("Share on Facebook", "Back to Gallery", "Now Playing:"), advertising
("Advertisement", "COMMERCIAL BREAK SCROLL TO CONTINUE READING"), photo captions and credits, time stamps,
bylines and credit lines, the outlet's appeals to its readers ("If you enjoy our journalism, please consider
subscribing"), and the residue of scripts. None of it is the republisher's editorial voice, so
the diff reports it as a hunk kind of its own, never as an unmarked insertion or a deletion.

`furniture_reason` judges one paragraph (block) on its own text; the diff asks only about paragraphs that
are wholly unaligned. Each test looks for the form furniture takes, not for particular sites: a caption
opens like a caption or carries a photo credit, a widget is a short line made of interface words, a time
stamp is a short line of dates and times.
"""
from __future__ import annotations

import re

from ..parsing.document import is_menu, is_site_message

SCRIPT, CAPTION, CREDIT, TIMESTAMP, WIDGET, NAVIGATION, PROMO = (
    "script", "caption", "credit", "timestamp", "widget", "navigation", "promo")

# Short lines: furniture that is a label, a stamp or a button is a few words and never a sentence.
SHORT_WORDS = 12
# A caption is a sentence or two; a paragraph longer than this that names a photo agency is reporting.
CAPTION_WORDS = 80

_WORDS = re.compile(r"[^\W_]+(?:['’.+-][^\W_]+)*\+?", re.UNICODE)

# Script residue: statements, assignments and calls of JavaScript or CSS left in the text.
_CODE_CHARS = "{}=;|&$<>"
_CODE_SIGNS = re.compile(r"[{}]|\w\s*=\s*[\w\"'{\[(]|\w\(\s*[\w\"'{]*|;\s*\w|=>|\|\||&&|</?\w+[ >]|\bfunction\b|"
                         r"\b(?:var|let|const)\s+\w+\s*=|\b(?:window|document)\.\w")

# Captions: how photo and video captions open, and the credits they carry.
_CAPTION_OPENING = re.compile(
    r"\s*(?:In (?:this|these|an?) (?:[\w,'’-]+ ){0,8}?(?:file )?(?:photos?|images?|pictures?|video|still|frame|"
    r"screenshot|photo illustration)\b"
    r"|FILE(?: PHOTO)?\s*[-–—:]|FILE\s*[-–—]?\s*(?:In|This|A|An|The)\b"
    r"|(?:AP |Reuters |AFP )?(?:Photo|Photograph|Picture|Image|Screenshot|Graphic|Illustration|Video|Media|Audio|"
    r"Credit|Caption)s?(?: Illustration)?\s*(?::|by\b)"
    r"|(?:Photo|Image|Picture|Slide)s?\s+\d+\s*(?:of|/)\s*\d+"
    # A caption's or credit's label kept without its colon: "Image caption Dredgers in the channel …",
    # "Image copyright Getty Images".
    r"|(?:Photo|Image|Picture|Video)\s+(?:caption|copyright|source)\b"
    # "This undated photo provided by …", "This GOES-16 satellite image taken at 10:31 a.m. …", "Representative
    # image": a picture's own description.
    r"|(?:This|These)\s+(?:[\w,’'-]+\s+){0,4}?(?:photos?|images?|pictures?|handout|screenshot|frame|still)\s+"
    r"(?:provided|taken|released|obtained|made|shows?|posted|shared|from|by)\b"
    r"|Representative\s+(?:image|photo|picture)\b)",
    re.IGNORECASE)
# Who stands where in the picture, as agencies' captions say it: "Teresa Ortega, center, speaks …", "Gov. Jo
# Roe, second from left, listens …"; and a caption's "in this 2018 file photo" anywhere in it.
_CAPTION_POSITION = re.compile(r"[A-Z][\w.’' -]{1,60}?,\s+(?:(?:second|third)\s+(?:from\s+)?)?(?:left|right|center|centre|"
                               r"front|rear|top|bottom|foreground|background)(?:\s+(?:left|right))?,\s+\S")
_IN_THIS_PHOTO = re.compile(r"\bin\s+(?:this|these|a|an)\s+(?:[\w,’'-]+\s+){0,3}?(?:file\s+)?(?:photos?|images?|pictures?|"
                            r"video\s+(?:image|still|frame)|photo\s+illustration)\b", re.IGNORECASE)
# A photo credit in parentheses anywhere: "(AP Photo/…)", "(Photo by …)", "(Reuters Photo)".
_CREDIT_IN_PARENTHESES = re.compile(r"\((?:[\w.’' -]+ )?(?:Photo|Image|Picture|Video)s?\b[^()]*\)", re.IGNORECASE)
# How a caption ends: a credit after "/", "|" or "for", a picture agency, a gallery's show-more / show-less
# toggle; or a credit alone in parentheses: "(Jane Doe/The Daily Bugle)".
_CREDIT_AT_END = re.compile(
    r"(?:(?:[/|]|\bfor\b)\s*(?:AP|Reuters|AFP|EPA|Getty(?: Images)?|Shutterstock|Invision|Bloomberg|Zuma(?: Press)?|"
    r"Sipa|Alamy|NurPhoto|Xinhua|Pool)\b[^.!?]*"
    r"|\b(?:Getty Images|Shutterstock|AFP/Getty|Invision/AP)(?: for [\w ]+)?\)?"
    r"|(?:\.\.\.|…)\s*more|\)\s*less)\s*$",
    re.IGNORECASE)
_CREDIT_ALONE = re.compile(r"\([^()]*\w/\w[^()]*\)")
# A caption with no credit, in the agencies' form: the present tense for a picture of the past, the date last
# ("R. Kelly performs at the BET Awards in Los Angeles in 2013.", "Daniel Ek speaks at a conference in Rancho
# Palos Verdes, Calif., on May 30, 2018."). Reporting puts a past event in the past tense. One sentence:
# no full stop inside but after an initial or an abbreviation.
_CAPTION_TENSE = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,5}(?:[a-z]+ly\s+)?(?:speaks|performs|attends|arrives|walks|stands|sits|waves|"
    r"gestures|smiles|poses|looks|listens|talks|leaves|holds|answers|addresses|delivers|testifies|campaigns|"
    r"rallies|shakes|greets|reacts|celebrates|plays|sings|signs|visits|departs|appears|participates|takes|is\s+seen)"
    r"\b[^!?]{0,200}?\b(?:in|on)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?(?:19|20)\d\d\.?")
# The same with a plural subject, which may hold words in lower case ("Supporters of Proposition A rally at the
# Missouri Capitol in Jefferson City in September.", "People look at fallen items at a store after an
# earthquake in Miyazaki, Japan August 8, 2024", "Derailed cars sit near Ludlow Road on Saturday, March 4,
# 2023."), dated by a year, a full date or a month.
_CAPTION_PLURAL = re.compile(
    r"[A-Z][\w’'-]*(?:\s+[\w’'.-]+){0,6}?\s+(?:rally|look|work|sit|feed|gather|wait|stand|walk|march|protest|hold|pose|"
    r"watch|attend|celebrate|react|line\s+up|search|sift|inspect|clear|carry|mourn|pray|wave|cheer|queue|arrive|fill|"
    r"speak|listen|play|perform)\b[^!?]{0,200}?(?:\b(?:in|on)\s+(?:[A-Z][a-z]+,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?"
    r"(?:19|20)\d\d|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d|\bin\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December))\.?")
_STOP_INSIDE = re.compile(r"(\S+)\.\s+\S")
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S" of "U.S.", "a.m" of "a.m."
_ABBREVIATIONS = frozenset("""Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Calif Mass Fla Ill Mich Minn Penn Wash
    Ariz Colo Conn Mr Mrs Ms Dr Gov Sen Rep Gen St Jr Sr Inc Co Corp Ltd""".split())


def _one_sentence(text: str) -> bool:
    """No full stop inside `text` but after an initial or an abbreviation ("R. Kelly", "Calif.", "U.S.")."""
    for m in _STOP_INSIDE.finditer(text):
        word = m.group(1).lstrip("(\"“'‘")
        initial = len(word) == 1 and word.isupper()
        if not (initial or word in _ABBREVIATIONS or _DOTTED_ABBREVIATION.fullmatch(word)):
            return False
    return True
# The end of a caption that the credit patterns look at.
_CAPTION_TAIL = 160

# Credits and bylines: "By …", "Source: Associated Press", "Paul Weber, Associated Press", "© 2019 …".
_AGENCY = r"(?:The )?(?:Associated Press|AP|Reuters|Agence France-Presse|AFP|Bloomberg(?: News)?|CNN|dpa|UPI)"
_CREDIT = re.compile(
    rf"\s*(?:/\s*)?(?:By\s*:?\s+\S|(?:Source|Sources|Credit|Copyright|Written by|Reporting by|Edited by|Authors?)\s*[:\s]|©|\(c\)\s"
    rf"|{_AGENCY}\s*$|.*,\s*{_AGENCY}\s*$)",
    re.IGNORECASE)

# A wire story's contributor line: "Sherman reported from Washington. Associated Press writer Emery P. Dalesio
# in Raleigh, North Carolina, also contributed to this report.", "Jane Doe in London contributed reporting.",
# "Additional reporting by Jane Doe; Editing by John Roe". The agency's credit, kept or cut by a republisher,
# not words of the republisher's own. A sentence, so it is told before the short-line tests.
_REPORTED_FROM = re.compile(r"(?:[A-Z][\w.’'-]*(?:,|\s+and)?\s+){1,6}(?:also\s+)?reported\s+from\s+"
                            r"[A-Z][^.!?]{0,60}\.(?:\s+|$)")
_REPORTING_BY = re.compile(r"(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by\s[^!?]{1,250}", re.IGNORECASE)
_CONTRIBUTED = re.compile(r"(?P<who>[^!?]{1,250}?)\s+(?:also\s+)?contributed(?:\s+(?:to\s+)?(?:this|the)\s+"
                          r"(?:report|story|article)|\s+reporting)(?:\s+(?:from|in)\s+[^.!?]{1,80})?")
# What else a contributor's sentence names besides capitalised names and places.
_CONTRIBUTOR_NOUNS = frozenset("""writer writers reporter reporters correspondent correspondents staff photographer
    photographers researcher researchers in and of the from also""".split())
_CONTRIBUTOR_WORDS = 60
# A byline that ends with the agency, past the short lines' twelve words: "news now The Associated Press — By
# PAUL J. WEBER and GEOFF MULVIHILL - Associated Press".
_BYLINE_WITH_AGENCY = re.compile(rf"\bBy\s+[A-Z][^!?]{{0,120}}?(?:,|\s[-–—|/])\s*{_AGENCY}\s*$")
_BYLINE_WORDS = 24


# The site's own appeal to its reader between the story's paragraphs ("Help us deliver journalism that makes a
# difference in our community.", "If you enjoy our journalism, please consider subscribing today."): what
# NL301 passes over (parsing.document.is_site_message), where the site speaks as "we" or to "you" and
# quotes nobody. Reporting about subscriptions names who said it, with quotation marks.
_PROMO_VOICE = re.compile(r"\b(?:you|your|our|us|we)\b", re.IGNORECASE)


def _is_promo(text: str) -> bool:
    return (not any(mark in text for mark in "\"“”") and _PROMO_VOICE.search(text) is not None
            and is_site_message(text))


def _is_contributor_line(text: str) -> bool:
    rest = text.strip()
    if (m := _REPORTED_FROM.match(rest)) is not None:
        rest = rest[m.end():]
    rest = rest.rstrip(".")
    if not rest:
        return m is not None  # "Sherman reported from Washington." alone
    if _REPORTING_BY.fullmatch(rest):
        return True
    m = _CONTRIBUTED.fullmatch(rest)
    return m is not None and all(word[0].isupper() or word.strip(",;").lower() in _CONTRIBUTOR_NOUNS
                                 for word in m.group("who").split())


# Time stamps: a short line of dates and times, perhaps "Updated", "Published" or "… ago".
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_TIME_WORDS = frozenset((
    f"{_MONTHS} monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat "
    "sun today yesterday am pm a.m p.m a.m. p.m. utc gmt et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest "
    "updated update published posted first last modified on at ago min mins minute minutes hour hours h m s "
    "sec secs day days week weeks edt. originally ist aest aedt awst acst nzst nzdt hkt sgt jst kst sast wat eat "
    "msk hst akst akdt ast adt").split())

# Interface words: what buttons, menus, share bars, galleries, players, ad slots and sign-up boxes say.
_INTERFACE_WORDS = frozenset((
    "advertisement advertisements advertising ad ads sponsored sponsor promoted commercial break scroll continue "
    "continued reading read more less full story stories article articles close open expand collapse toggle share "
    "shares sharing email e-mail mail print save saved comment comments view views show hide subscribe subscribed "
    "subscription subscriptions newsletter newsletters sign signup log login logout register follow like likes "
    "tweet facebook twitter instagram linkedin pinterest whatsapp reddit tumblr flipboard google google+ youtube "
    "snapchat messenger sms copy link links permalink go back next previous prev top home menu search section "
    "sections skip content main navigation nav footer header sidebar image images photo photos picture pictures "
    "gallery galleries slideshow slide slides video videos audio listen watch playing play pause replay now "
    "recommended related trending popular latest most editor's editors picks pick also see might click tap "
    "notifications notification alerts alert breaking news edition order reprint reprints purchase license "
    "licensing rights reserved terms privacy policy cookie cookies accept cancel send submit bio join "
    "conversation discussion feedback report error loading please wait enable javascript disclaimer caption "
    "credit page pages font size text aa transcript download app apps store subscriber subscribers exclusive "
    "offer premium free trial account settings profile help contact feedback post posted up in out to "
    # where the page goes on: "Continue Reading Below", "Story continues below", "Scroll down to continue"
    "below above down continues "
    # a player's or a link's notice: "Media playback is unsupported on your device", "These are external
    # links and will open in a new window", "You may also like"
    "media playback unsupported device external window new will may "
    # a form's, a consent box's and a gift link's words: "Add a Comment", "Subject", "Reject non-essential",
    # "Gift this article", "Terms of Use", "Privacy Dashboard", "Duration 1:32", "Powered by …"
    "add subject message reject essential non-essential gift recommend dashboard use duration powered "
    "deal deals "
    # a gift link's and a CMS's own notices: "Link copied!", "Please enter a search term.", "You are the owner of
    # this article.", "Listen to this article 4 min", "Get unlimited digital access"
    "copied enter term owner permission edit get unlimited digital access min mins only opens opened address time").split())
# Small words that may sit between interface words ("Back to Gallery", "Sign up for our newsletter").
_LINKING_WORDS = frozenset("a an the of to for and or in on at by with from your our my this that these you us we it "
                           "is are be here here's all what's have".split())


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORDS.findall(text)]


def _ends_sentence(text: str) -> bool:
    # (An ellipsis ends no sentence of a page's own: "Loading ...", "Read more…".)
    stripped = text.rstrip("\"'”’)]")
    return stripped.endswith((".", "!", "?")) and not stripped.endswith(("...", "…"))


def is_short_line(text: str) -> bool:
    """A few words that are not a sentence: a label, a button, a stamp or a heading."""
    stripped = text.strip()
    return (bool(stripped) and not _ends_sentence(stripped) and len(stripped.split()) <= SHORT_WORDS
            and len(_words(stripped)) <= SHORT_WORDS)


def _is_script(text: str) -> bool:
    code = sum(map(text.count, _CODE_CHARS))
    return code >= 4 and code >= 0.02 * len(text) and len(_CODE_SIGNS.findall(text)) >= 3


# Each credit at the end holds one of these (lower-cased): most paragraphs hold none, and are not searched.
_CREDIT_AT_END_HINTS = ("/", "|", "for", "getty", "shutterstock", "invision", "more", "less")


def _has_photo_credit(text: str) -> bool:
    tail = text[-_CAPTION_TAIL:]
    return bool(("(" in text and _CREDIT_IN_PARENTHESES.search(text))
                or (any(hint in tail.lower() for hint in _CREDIT_AT_END_HINTS) and _CREDIT_AT_END.search(tail))
                or (text[0] == "(" and _CREDIT_ALONE.fullmatch(text)))


_CLOCK_OR_DATE = re.compile(r"\d\s*[:/]\s*\d")  # 10:50, 06/01/2018, "1 / 3" of a gallery


def _is_timestamp(text: str, words: list[str]) -> bool:
    if not any(w[0].isdigit() for w in words) or not all(w in _TIME_WORDS or w[0].isdigit() for w in words):
        return False
    return any(not w[0].isdigit() for w in words) or bool(_CLOCK_OR_DATE.search(text))


def _is_widget(text: str, words: list[str]) -> bool:
    content = [w for w in words if w not in _LINKING_WORDS]
    if not content or len(words) > SHORT_WORDS:
        return False
    # Every word an interface word or a number ("Image 1 of 3", "Now Playing:", "Back to Gallery"), with at
    # least one interface word that is not a number.
    return (all(w in _INTERFACE_WORDS or w[0].isdigit() for w in content)
            and any(w in _INTERFACE_WORDS for w in content))


# A heading over a list of links to other stories: a list word ("Trending News", "Editor's Picks", "Also
# see") with interface words only, or with what the list holds ("LATEST BUSINESS VIDEOS", "Most Read
# Stories"), or "More from" a source ("More from Bloomberg").
_LIST_HEADING_WORDS = frozenset("trending related recommended popular latest more most top picks also watch".split())
_LIST_NOUNS = frozenset("videos stories news headlines articles reads read posts coverage clips topics".split())
_LIST_HEADING_MAX_WORDS = 6


def is_list_heading(text: str) -> bool:
    stripped = text.strip()
    words = [word.strip(":").casefold() for word in stripped.split()]
    if not words or len(words) > _LIST_HEADING_MAX_WORDS or _ends_sentence(stripped) \
            or not any(word in _LIST_HEADING_WORDS for word in words):
        return False
    return (words[:2] == ["more", "from"] or any(word in _LIST_NOUNS for word in words)
            or _is_widget(stripped, _words(stripped)))


# An item of a list of links: a story's title, perhaps with its source's name after it ("Sears Will Close 72
# More Stores Fortune"), which ends no sentence.
LIST_ITEM_WORDS = 20


def is_list_item(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not _ends_sentence(stripped) and len(stripped.split()) <= LIST_ITEM_WORDS


# A line of a contact box: a region or desk and a telephone number ("Americas+1 212 318 2000", "EMEA +44 20 7330
# 7500", "Newsroom: (212) 555-0100").
_CONTACT_LINE = re.compile(r"[A-Za-z][\w &.-]{0,30}?:?\s*\+?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}")

# A line labelled as a pointer or a list of tags: "RELATED: …", "Related video: …", "Read more: …", "Video above:
# …", "LIVE: …", "Tags: supreme court | texas", "Filed under: …". What follows is another page's title or the
# site's index, never the story's text.
_POINTER_LABEL = re.compile(r"\s*(?:RELATED|Related(?:\s+(?:video|videos|content|story|stories|coverage|link|links|"
                            r"article|articles))?|Read\s+more|Read\s+also|Also\s+read|See\s+also|More|Watch|WATCH|"
                            r"Video(?:\s+(?:above|below))?|LIVE|Live|Tags?|Topics?|Filed\s+under|Categor(?:y|ies))\s*:",
                            re.IGNORECASE)
# A byline in a site's other forms: "Story by David Shepardson", "Article by …", "Words by …".
_BYLINE_FORMS = re.compile(r"\s*(?:Story|Article|Words|Text|Report)\s+by\s+[A-Z]")
# The site's notices on where the text came from and how the page earns: "This article was automatically
# imported from a syndication feed.", "Disclaimer: This story is auto-aggregated by a computer program …",
# "This story was originally published March 5, 2023.", "GadgetPulse is reader-supported. When you buy
# through links on our site, we may earn an affiliate commission.", "© Copyright 2024 …" at any length.
_SITE_NOTICE = re.compile(
    r"\b(?:syndication\s+feed|auto-?aggregated|automatically\s+(?:imported|generated|aggregated)|"
    r"(?:originally|first)\s+published\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d|\d)|reader-supported|"
    r"affiliate\s+(?:marketing|links?|commissions?|programs?|partnerships?)|earn\s+(?:an?\s+)?(?:affiliate\s+)?commission)\b",
    re.IGNORECASE)
_NOTICE_WORDS = 90
# A weather or alert box's line: a temperature, a wind or rain figure, a warning in effect ("Bend 91° Sunny",
# "Rain: 90%", "Wind: ENE 24 mph", "Tornado Watch in effect until 2 PM CST …").
_WEATHER = re.compile(r"-?\d{1,3}\s?°|\b\d{1,3}\s?mph\b|\b(?:Rain|Wind|Humidity|Precip(?:itation)?|UV|Feels\s+like)\s*:|"
                      r"\b(?:Watch|Warning|Advisory|Alert|Statement)s?\s+in\s+effect\b", re.IGNORECASE)
# A market box's line: an index symbol ("^GSPC") or a company with its ticker and move ("Apple Inc. (AAPL) +2.86%").
_TICKER_LINE = re.compile(r"\^[A-Z]{2,6}|.{1,60}\([A-Z.]{1,6}\)\s*[+\-−–]\s*\d+(?:\.\d+)?%")
# The longest line of a stamp or a weather or alert box, and of the site's app or newsletter promotion.
_BOX_WORDS = 24
# The site asking its reader to take its app, newsletter or channel: "Download the FOX 8 Weather app for the
# latest track and radar.", "Get the Dairy Weekly newsletter", "Find Newsmax TV on your cable provider".
_APP_PROMO = re.compile(r"\s*(?:Download|Get|Install|Sign\s+up\s+for|Subscribe\s+to|Find|Follow|Watch|Listen\s+to|Try)\s+"
                        r"(?:the\s+|our\s+|us\s+on\s+)?(?:[\w&’'.-]+\s+){0,5}?(?i:app|apps|newsletters?|podcasts?|alerts|channel)\b"
                        r"|\s*(?:Download|Get|Install|Find|Watch)\s+(?:the\s+|our\s+|us\s+on\s+)?(?:[\w&’'.-]+\s+){0,5}?TV\b"
                        # "For the latest news, weather, sports …, head to KXAN Austin.", "Track Latest News Live on
                        # NDTV.com …", "Stay up to date with the latest headlines"
                        r"|\s*(?i:for|get|track|follow|stay\s+up\s+to\s+date\s+with|catch\s+up\s+on|starts?\s+your\s+day\s+with)\s+"
                        r"(?i:the\s+)?(?i:latest|breaking|all\s+the\s+latest|more)\s+(?i:news|headlines|updates|stories|coverage)\b")
# A counter: "1", "1.2k", "3 comments" is a widget by its interface word already.
# And a market's move ("+66.12%", "-0.34%"; a bare "100%" may be a republisher's verdict), or a list's "1.".
_COUNTER = re.compile(r"\d+(?:[.,]\d+)?[kKmM]?[.)]?|[+\-−–]\d+(?:[.,]\d+)?%")
# A caption ending with its source in parentheses right after its stop: "… in Seminole, Texas.(KCBD)", "…
# satellite on Wednesday morning. (NOAA)"; and a credit line in an agency's form: "AP Photo/Ted S. Warren, File".
_SOURCE_AFTER_STOP = re.compile(r"[.!?]\s*\([A-Z][\w&.’' /-]{1,40}\)\s*$")
_AGENCY_PHOTO_CREDIT = re.compile(r"\s*(?:AP|Reuters|AFP|EPA|Getty\s+Images|Bloomberg)\s+Photo\s*/", re.IGNORECASE)
# A caption's credit at its end in the agencies' other forms: "… in Washington. REUTERS/Kevin Lamarque", "…
# in Buenos Aires. Photo: File".
_CREDIT_TAIL = re.compile(r"(?:\b(?:REUTERS|AFP|EPA|AP)\s*/\s*[A-Z][\w.’' -]{1,40}|\b(?:Photo|Image|Picture|Credit)s?\s*:\s*"
                          r"[\w.’' /-]{1,40})\s*$")
# A tag or a name on a line of its own: up to three words, each capitalised ("Ukraine", "Rishi Sunak", "LOCAL",
# "Capital Press", "U.S."), as topic links, section labels and the site's name are printed.
_TAG_WORDS = 3
_TAG_WORD = re.compile(r"(?:[A-Z][\w.’'&-]*|of|the|and|&)")

# The page's own title, as the browser's tab shows it: the headline, a bar or a dash, and the site's name
# ("Minimum wage to rise 6.7% to £12.21 from April | The Independent", "… grows | KTVZ"). The story's text
# never ends so.
_PAGE_TITLE = re.compile(r"(?P<title>\S.{8,200}?)\s+(?:\||[–—]|-)\s+(?P<site>[A-Z0-9][\w.&’'+-]*(?:\s+(?:[A-Z0-9][\w.&’'+-]*|of|the|and|&)){0,4})\s*")
_TITLE_MIN_WORDS = 3
# A picture's credit on a line of its own: a name and its outlet after a slash, or a source "via" an agency
# ("Ethan Moreau/The Register", "NOAA via AP", "Getty Images/iStockphoto").
_CREDIT_LINE = re.compile(r"[A-Z][\w.’' -]{1,40}(?:/\s?[A-Za-z][\w.’' &-]{1,40}|\s+via\s+(?:AP|Reuters|AFP|Getty\s+Images|"
                          r"Bloomberg|EPA|Shutterstock|[A-Z][\w.’'-]+))")
# The site's notices at the foot of a page: an acknowledgement of country (Australian sites), a market site's
# risk disclosure, a public broadcaster's appeal ("Help power reporting like this …").
_FOOT_NOTICE = re.compile(r"\backnowledges?\s+the\s+traditional\s+(?:owners|custodians)\b|^\s*(?:Risk\s+)?(?:Disclosure|"
                          r"Disclaimer)\s*:|\bdo\s+not\s+sell\s+(?:or\s+share\s+)?my\s+personal\s+information\b|"
                          r"\b(?:use\s+of\s+this\s+site|registration)\s+(?:\w+\s+){0,6}?constitutes\s+(?:acceptance|agreement)\b|\bI(?:\s+would|[’']d)\s+like\s+to\s+"
                          r"(?:be\s+e-?mailed|receive)\b|^\s*Get\s+more\s+from\b|\bhelp\s+(?:power|fund|support|sustain)\s+(?:\w+\s+)?(?:reporting|journalism)\b|"
                          r"\bwould\s+like\s+to\s+remind\s+you\b|\bpalm\s+of\s+your\s+hand\b|"
                          r"\bsent\s+(?:straight\s+|directly\s+|right\s+)?to\s+your\s+(?:device|inbox|phone)\b",
                          re.IGNORECASE)
# The page's copyright and its maker's credit anywhere in a line: "A Gray Local Media Station © 2002-2024 Gray
# Television, Inc.", "… All rights reserved.", "Powered by BLOX Content Management System".
_COPYRIGHT_ANYWHERE = re.compile(r"©\s*(?:\d{4}|[A-Z])|\ball\s+rights\s+reserved\b|^\s*Powered\s+by\b", re.IGNORECASE)
# A widget's or a form's short sentence: "Link copied!", "Sign up!", "Please enter a search term.".
_WIDGET_SENTENCE_WORDS = 8


def _is_page_title(text: str) -> bool:
    m = _PAGE_TITLE.fullmatch(text)
    return (m is not None and len(m.group("title").split()) >= _TITLE_MIN_WORDS
            and not _ends_sentence(m.group("title")) and len(m.group("site").split()) <= 5)


# A line that is only a site's address: "Miami.com", "www.example.co.uk".
_SITE_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|com\.au|news|tv)/?",
                           re.IGNORECASE)


def furniture_reason(text: str, headline: bool = False) -> str | None:
    """Why a paragraph is page furniture (script, caption, credit, promo, timestamp, widget), or None.
    `headline`: the paragraph is the page's headline, which may carry the site's name as its title does
    ("Harbor Plan Is a Giveaway | Harbor Gazette") and is the story's all the same."""
    stripped = text.strip()
    if not stripped:
        return None
    if _is_script(stripped):
        return SCRIPT
    if _CAPTION_OPENING.match(stripped) or (len(stripped.split()) <= CAPTION_WORDS and _has_photo_credit(stripped)) \
            or (len(stripped.split()) <= CAPTION_WORDS and (_CAPTION_POSITION.match(stripped)
                                                         or _IN_THIS_PHOTO.search(stripped))) \
            or (len(stripped.split()) <= 40 and (_CAPTION_TENSE.fullmatch(stripped) or _CAPTION_PLURAL.fullmatch(stripped))
                and _one_sentence(stripped)):
        return CAPTION
    count = len(stripped.split(None, _CONTRIBUTOR_WORDS))
    if count <= _CONTRIBUTOR_WORDS and _is_contributor_line(stripped):
        return CREDIT
    if stripped.startswith(("©", "Copyright ", "COPYRIGHT ", "(c) ", "(C) ")) or _BYLINE_FORMS.match(stripped) \
            or (count <= _NOTICE_WORDS and _SITE_NOTICE.search(stripped)):
        return CREDIT
    if count <= CAPTION_WORDS and (_SOURCE_AFTER_STOP.search(stripped) or _AGENCY_PHOTO_CREDIT.match(stripped)
                                   or _CREDIT_TAIL.search(stripped[-_CAPTION_TAIL:])):
        return CAPTION
    if _POINTER_LABEL.match(stripped) and count <= LIST_ITEM_WORDS + 3 and not _ends_sentence(stripped.rstrip(")")):
        return NAVIGATION
    if count <= _BYLINE_WORDS and "By" in stripped and _BYLINE_WITH_AGENCY.search(stripped):
        return CREDIT
    if is_menu(stripped) or (count <= LIST_ITEM_WORDS + 8 and not headline and _is_page_title(stripped)):
        return NAVIGATION
    if count <= _NOTICE_WORDS and _COPYRIGHT_ANYWHERE.search(stripped):
        return CREDIT
    if count <= _NOTICE_WORDS and _FOOT_NOTICE.search(stripped):
        return PROMO
    if count <= 8 and _CREDIT_LINE.fullmatch(stripped):
        return CREDIT
    if count <= _BOX_WORDS and stripped.endswith(("a.m.", "p.m.", "A.M.", "P.M.")) \
            and _is_timestamp(stripped, _words(stripped)):
        return TIMESTAMP  # "Updated: March 11, 2024 6:20 p.m.": its stop is the abbreviation's
    if count <= _WIDGET_SENTENCE_WORDS and stripped.endswith(("!", ".")) and (
            _is_widget(stripped, _words(stripped)) or (count == 1 and _COUNTER.fullmatch(stripped))):
        return WIDGET  # "Link copied!", "Please enter a search term.", "You are the owner of this article.", "1."
    tokens = stripped.split()
    tag = len(tokens) <= _TAG_WORDS and all(_TAG_WORD.fullmatch(token) for token in tokens) and tokens[0][0].isupper()
    if not (is_short_line(stripped) or tag):  # ("U.S." alone ends with a stop, and is a tag)
        if count <= _BOX_WORDS and not _ends_sentence(stripped):
            # A stamp or a weather or alert box's line can run past a short line's twelve words ("Published:
            # 08:14 EDT, 1 September 2024 | Updated: 09:03 EDT, 1 September 2024").
            if _is_timestamp(stripped, _words(stripped)):
                return TIMESTAMP
            if _WEATHER.search(stripped):
                return WIDGET
        if count <= _BOX_WORDS and _APP_PROMO.match(stripped):
            return PROMO
        return PROMO if _is_promo(stripped) else None
    words = _words(stripped)
    if not words:
        return WIDGET  # only symbols: "•", "|", "1 / 3" separators
    if _is_timestamp(stripped, words):
        return TIMESTAMP
    if _CREDIT.match(stripped):
        return CREDIT
    if _is_widget(stripped, words) or is_list_heading(stripped):
        return WIDGET
    if _SITE_ADDRESS.fullmatch(stripped) or _CONTACT_LINE.fullmatch(stripped):
        return NAVIGATION
    if _WEATHER.search(stripped) or _TICKER_LINE.fullmatch(stripped) or _COUNTER.fullmatch(stripped):
        return WIDGET
    if tag:
        return NAVIGATION
    return PROMO if _is_promo(stripped) or _APP_PROMO.match(stripped) else None
