"""Classify a bracketed span: an editor's commentary (insertion), a clarification, or another use of brackets.

Wire services almost never use square brackets, so a bracket in republished wire copy was usually added
downstream: most often a neutral clarification inside a quotation ("[the Awans]", "[sic]"), sometimes the
republisher's own opinion ("[you would think they would.]"). Form decides first (footnotes, shortcodes,
codes, links, credits are recognisable by shape); what is left is weighed by signals of an editor's voice.
Called for every bracket in every article, so only `re` is used; each pattern compiles on first use.
Most patterns look for a few words anywhere in the bracket; each such search is gated by the words it
cannot match without (see `_letter_runs`), so a long bracket is not searched forty times for nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from .model import (
    ANNOTATION,
    BRACKET,
    CLARIFICATION,
    FOOTNOTE,
    INSERTION,
    LINK,
    PHOTO_CREDIT,
    SHORTCODE,
    STAGE_DIRECTION,
)

__all__ = ["classify_bracket", "find_editor_notes", "read_parentheses", "editor_label", "is_parenthetical_aside",
           "is_notice", "commentary_paragraph_label", "is_post_transcript", "speech_without_marks", "is_newsroom_note"]

_APOS = "['’]"

# --- Labelled editor's notes -------------------------------------------------------------------------
# Named labels are matched case-insensitively; a site's initials ("ZH") only in capitals, and any
# other label ("MoA") only when the user configures it as a marker.
_NOTE_NOUNS = r"note|comment|commentary|aside|take|addendum|update|two\s+cents|thoughts|view"
# The kinds of note a newsroom prints that name no owner: a capitalised word before "note" that is one of these
# says what the note is about, not whose it is.
_NOTE_KINDS = (r"Programming|Production|Translator|Translators|Translation|Technical|Legal|Style|Housekeeping|Historical|"
               r"History|Research|Data|Methodology|Methods?|Sources?|Photo|Video|Audio|Background|Context|Correction|"
               r"Clarification|Editing|Important|Special|Safety|Medical|Health|Trigger|Content|Language|Scheduling|"
               r"Schedule|Travel|Weather|Market|Markets|Investor|Public|Press|Staff|Transcript|Footnote|Foot|Side|"
               r"Personal|Quick|Final|Further|Brief|Short|Small|One|Another|A|An|The|This|That|No|Our|My|His|Her|Their|"
               r"Its|Your|Author|Authors|Editor|Editors|Reporter|Reporters|Writer|Host|Admin|Publisher|Moderator|"
               r"Webmaster|Blogger|Columnist|Ed|Eds|Final|Fact|Reality|Sanity")
_NAMED_LABEL = (
    # Whoever runs the page and the kind of note: "Editor's note", "Ed. aside", "Admin note", "Host's comment",
    # "Editor's two cents"; and the other way round, "(Update from the author: …)", "[Comment by the editor: …]".
    rf"(?:Editor(?:{_APOS}s|s{_APOS}?)?|Editorial|Ed\.?|(?:Webmaster|Publisher|Moderator|Author|Blogger|Writer|Reporter|"
    rf"Columnist|Admin|Host){_APOS}s|Admin|Moderator|Webmaster)\s+(?:{_NOTE_NOUNS})"
    r"|Eds?\.(?=\s*[:—–-])|Eds(?=\s*:)"
    r"|Ed(?=\s*:)"
    r"|Note\s+from\s+the\s+editor"
    rf"|(?:{_NOTE_NOUNS})\s+(?:from|by)\s+(?:the\s+|this\s+|your\s+)?"
    r"(?:editors?|author|writer|blogger|publisher|columnist|admin|host|webmaster|moderator)"
    r"|(?:Personal|Quick|Final|Further)\s+note"
    rf"|Authors?{_APOS}?\s+note"
    # "Note to candidates:", "Note for Millennials:", "Note to former staffers - ...", "Memo to the mayor:":
    # the note's addressee.
    r"|(?:Note|Memo)\s+(?:to|for)\s+[^:()\[\]\n]{1,60}?(?=\s*(?::|[—–]|\s-\s|--))"
    r"|Note|N\.\s?B\.?|NB|P\.\s?P\.\s?S\.?|P\.\s?S\.?|PPS|PS|Aside|Hint|Update|Addendum|(?:Full\s+)?Disclosure"
    # The labels of a writer stepping out of the report in a voice of their own, as blogs and newsletters
    # print them: "(Side note: …)", "[Fact check: …]", "(Our take: …)", "(Spoiler alert: …)", "(Pro tip: …)".
    r"|Side\s*note|(?:Fact|Reality|Sanity)[\s-]check|(?:My|Our)\s+(?:take|view|two\s+cents|guess|bet|comment|thoughts)"
    r"|Comment(?:ary)?|Opinion"
    r"|Reminder|Spoiler(?:\s+alert)?|Psst|Pro\s*tip|Fun\s+fact|Just\s+saying|Bottom\s+line"
    r"|(?:Irony|Sarcasm|Snark)(?:\s+alert)?"
    # A mock narrator's voice-over contradicting what was just said: "[Narrator: it was not.]".
    r"|Narrator"
    # A site or writer naming its own note by name, as republishing sites print them: "[Truthout note: …]",
    # "(Mish comment: …)", "[SOTT comment: …]". The name is capitalised (in any case a label is matched in,
    # it must be), and no kind of note a newsroom prints ("Programming note", "Translator's note").
    rf"|(?-i:(?!(?:{_NOTE_KINDS})\b)[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)(?:{_APOS}s)?\s+(?-i:[Nn]ote|[Cc]omment(?:ary)?|[Aa]side|[Tt]ake)"
)
# A bare "Editor:" heads a credit as often as a note ("(Editor: Jane Roe)"): it needs prose after it.
_BARE_EDITOR_RE = LazyPattern(re.compile, r"\s*(?P<label>Editor)\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_NAMED_LABEL_RE = LazyPattern(re.compile, rf"\s*(?P<label>{_NAMED_LABEL})\s*(?::|[—–]|\s-\s|--)\s*(?P<rest>\S.*)?$",
                             re.IGNORECASE | re.DOTALL)
# Initials of a site or editor: two to four capitals, then a colon and prose.
_INITIALS_RE = LazyPattern(re.compile, r"\s*(?P<label>[A-Z]{2,4})\s*:\s*(?P<rest>.*)$", re.DOTALL)
# All-caps words that head notes but are not anybody's initials.
_NOT_INITIALS = frozenset({"NOTE", "NB", "EDIT", "TEXT", "READ", "SEE", "VIA", "ALSO", "NEWS", "LIVE", "MORE",
                           "FULL", "OPEN", "TAG", "TAGS", "AND", "THE", "FROM", "WITH", "UPD", "FYI", "PS", "PPS",
                           "BTW", "FAQ", "RIP", "LOL", "OMG", "TLDR", "TIP", "CEO", "CFO", "CTO", "COO", "US", "UK",
                           "EU", "UN", "USA", "PM", "AM", "ET", "GMT", "UTC", "EST", "EDT", "BST"})
# A lower-case "ed." opening the note, with no colon: "[ed. I usually check ...]", "[ed., no, not ...]".
# Not "ed. by": an edition's editor.
_ED_START_RE = LazyPattern(re.compile, r"\s*(?P<label>ed\.),?\s+(?P<rest>(?!by\b)\S.*)$", re.DOTALL)
# "Note the contradiction here: ...", "Note too, ...", "Notice how ...": the writer turning to the reader,
# as plainly a note of theirs as a "Note:" label.
_NOTE_IMPERATIVE_RE = LazyPattern(re.compile,
                                  r"\s*(?P<label>[Nn]ote|[Nn]otice|NB)\s+(?:too|also|well|that|how|the|this|here|again)\b"
                                  r"(?P<rest>.+)$", re.DOTALL)
# A notice about the text, not an opinion: what an agency or a paper prints above or below a story
# ("This story contains language some readers may find offensive", "An earlier version misstated ...",
# "This is the second of a three-part series", "[Corrected paragraph:]"). Labelled or not, it is not
# commentary.
_TEXT_NOUNS = (r"(?:story|article|report|series|piece|interview|essay|column|version|project|investigation|post|"
               r"transcript|excerpt|item|dispatch|photo|video|graphic|headline|paragraph|update|content|material)s?")
_NOTICE_RE = LazyPattern(re.compile,
    # What the text holds and who may mind: "contains graphic descriptions", "some readers may find offensive".
    rf"\b(?:this|the|following|above|below)\s+(?:\w+\s+){{0,2}}{_TEXT_NOUNS}\s+(?:contains?|includes?|features?)\b"
    r"|\b(?:contains?|containing|includes?|including)\s+(?:\w+\s+){0,3}?(?:graphic|offensive|disturbing|explicit|"
    r"strong|sensitive|coarse|vulgar|profane|crude|upsetting|distressing)\s+(?:\w+\s+)?(?:language|images?|content|"
    r"descriptions?|details|material|scenes|footage|video|photos?)\b"
    r"|\b(?:may|might|could)\s+(?:find|be|consider)\s+(?:it\s+|them\s+)?(?:offensive|disturbing|upsetting|"
    r"graphic|distressing)"
    r"|\bplease\s+be\s+advised\b"
    r"|\b(?:strong|offensive|graphic|coarse|explicit|foul|vulgar|profane|crude)\s+(?:language|content|images?|"
    r"material|descriptions?)\b"
    # A note about one of the text's paragraphs: "(Note: Strong language in paragraph 3)".
    r"|\b(?:paragraphs?|grafs?|para)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+paragraph\b"
    # Corrections and updates of the text itself.
    r"|^\W*(?:an?\s+)?(?:earlier|previous|prior)\s+version\b"
    r"|^\W*(?:corrects?|correction|corrected|clarification|clarifies|updates?\s+(?:with|to)|updated\s+(?:with|to)|"
    r"refiles?|repeats?|fixes\s+typo)\b"
    rf"|\b(?:this|the)\s+(?:\w+\s+){{0,2}}{_TEXT_NOUNS}\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?"
    r"(?:corrected|updated|amended|clarified|refiled|edited|changed|expanded|condensed|translated|republished|"
    r"reprinted|adapted|excerpted)\b"
    # What the text is: "This is the second of a three-part series", "originally appeared in ...".
    r"|\bpart\s+of\s+(?:an?|the|our)\s+(?:[\w-]+\s+){0,3}series\b"
    r"|\b(?:this|the\s+following)\s+is\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:of\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3})?"
    rf"(?:{_TEXT_NOUNS}|transcript|excerpt|edited\s+version)\b"
    r"|\b(?:originally|first)\s+(?:published|appeared|ran|posted)\b"
    # How this edition was put together: "items are compiled from local coverage", "our correspondent is on
    # leave this week".
    r"|\b(?:compiled|adapted|drawn|condensed)\s+from\b|\b(?:is|are)\s+(?:on\s+(?:leave|vacation|holiday)|away)\s+this\s+week\b"
    # A funding disclosure, as public media prints one under "Editor's note": "Facebook is among NPR's financial
    # supporters", "NPR has received funding from the CPB … NPR's newsroom covers the issue independently".
    r"|\bamong\s+(?:[\w’'.-]+\s+){0,2}(?:financial\s+)?(?:supporters|sponsors|funders|donors|underwriters)\b"
    r"|\b(?:receives?|received|has\s+received|have\s+received)\s+(?:\w+\s+){0,2}(?:funding|grants?|support)\s+from\b"
    r"|\b(?:covers?|reports?\s+on)\s+(?:[\w’'-]+\s+){0,4}independently\b|\beditorially\s+independent\b"
    # The agency on its own text: "AP journalists spent months reporting this story".
    rf"|^\W*(?:the\s+)?(?:Associated\s+Press|AP|Reuters|AFP|Agence\s+France-Presse)\b[^.]{{0,80}}?\b{_TEXT_NOUNS}\b",
    re.IGNORECASE,
)
# "NYSE: IBM" is an exchange and a ticker, not an editor's note: the note's text must read as prose.
_PROSE_RE = LazyPattern(re.compile, r"(?<![\w’'-])[a-z]{2,}")  # a word in lower case
_OPENING_QUOTE_RE = LazyPattern(re.compile, r"\s*[“\"‘'«„]")
# A trailing signature: "... right now! ed", "... — Ed.", "... -ed". Lower-case "ed" needs only a space
# before it; a capital "Ed" must follow sentence punctuation or a dash, so "[his brother Ed]" stays a name.
_SIGNATURE_TAIL = 40  # a signature is the last few characters; search no further back
_SIGNATURE_RE = LazyPattern(re.compile,
    # "3rd ed." or "rev. ed." is an edition, not a signature.
    r"(?:(?<=\S)(?<!\d)(?<!\d[snrt][tdh])(?<!rev\.)(?<!new)\s+(?:[-–—~/]+\s*)?(?P<lower>eds?)\.?"
    r"|(?:[.!?)\]]\s*|(?:[.!?)\]]|\s)\s*[-–—~/]+\s*)(?P<upper>Eds?\.?|ED\.?)"
    r"|\s(?P<dotted>Ed\.))\s*$"
)

# --- Forms that are not prose --------------------------------------------------------------------------
_FOOTNOTE_RE = LazyPattern(re.compile, r"\^?\d{1,3}[a-z]?|\^[\w-]+|\d{1,3}(?:\s*[,–-]\s*\d{1,3})+|(?:note|fn|n)\s?\d{1,3}",
                          re.IGNORECASE)
_TASK_BOX_RE = LazyPattern(re.compile, r"\s?[xX✓✔]?\s?")
# WordPress/BBCode shortcodes: a known name, or any lower-case name followed by attribute=value pairs.
_SHORTCODE_NAMES = (r"youtube|vimeo|dailymotion|caption|soundcloud|spotify|embed|audio|video|gallery|playlist|"
                    r"tweet|twitter|instagram|facebook|iframe|googlemaps|pdf-embedder|pdf|scribd|documentcloud|"
                    r"contact-form(?:-7)?|wp[-_][\w-]+|vc_[\w-]+|et_pb_[\w-]+|su_[\w-]+|adsense|ad|ads|"
                    r"related|img|image|url|quote|pullquote|button|column|row|tab|box|center|code|"
                    r"size|color|font|media|mp3|jwplayer|ooyala|brightcove")
_SHORTCODE_RE = LazyPattern(re.compile,
    rf"\s*/?(?:(?:{_SHORTCODE_NAMES})(?:(?=[\s=/])\S*.*)?"
    r"|[a-z][a-z0-9_-]*(?:\s+[a-z_-]+\s*=\s*\S+)+\s*/?"
    r"|/[a-z]{1,12})\s*$",
    re.DOTALL,
)
# Script residue scraped along with the article: entities, escapes, operators, braces, method calls.
_CODE_RE = LazyPattern(re.compile, r"&(?:quot|amp|lt|gt|#\d+);|\\\S|\|\||&&|[{}]|==|!=|=>|//|"
                      r"[a-z_$][\w$]*\.[a-z_$][\w$]*\(|\w\([^()]*\)\s*;|;\s*$|^object\s+[A-Z]\w*$")
_CODE_TAIL_RE = LazyPattern(re.compile, r"\S*[=(){};]\S*$")  # the token before "[" is code: "m=d[f]"
_URL_RE = LazyPattern(re.compile, r"\s*(?:https?://|www\.|ftp://|[\w-]+(?:\.[\w-]+)+/)\S*(?:\s.*)?$", re.DOTALL)
_LINK_WORD_RE = LazyPattern(re.compile, r"\s*(?:here|link|this link|source|pdf|click here|read more|more|full story|"
                           r"full text|full report|story|graphic|interactive|map|chart|factbox)\s*",
                           re.IGNORECASE)
# Reuters' own furniture: instrument codes (UBER.UL, .N), topic codes (O/R, GB/HOMES), story ids
# (nL8N1NT1PP), timestamps (0824 EST).
_TICKER_RE = LazyPattern(re.compile,
    r"(?![A-Z]\.[A-Z]$)[A-Z0-9]{0,12}\.[A-Z][A-Z0-9]{0,5}"
    r"|[A-Z0-9]{1,8}/[A-Z0-9]{1,10}"
    r"|(?=\S*\d)(?=\S*[A-Z])[A-Za-z0-9]{8,14}"
    r"|\d{1,2}:?\d{2}(?:\s*[ap]\.?m\.?)?\s+(?:EST|EDT|ET|GMT|BST|CET|CEST|UTC|PST|PDT|PT|CST|CDT|MST|MDT|JST|"
    r"HKT|SGT|AEST|AEDT|IST)"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|ID:\s*\S+"
    r"|(?:NYSE|NASDAQ|Nasdaq|AMEX|TSX|TSXV|LSE|ASX|HKEX|SEHK|NSE|BSE|OTC|FRA|ETR|EPA|SIX|TYO)\s*:\s*[A-Z0-9.]{1,8}"
)
_MEDIA_PLACEHOLDER_RE = LazyPattern(re.compile, r"\s*(?:insert|add|place|embed)\s+(?:an?\s+|the\s+)?(?:photo|image|picture|video|"
                                   r"link|chart|graphic|map|table|caption|ad|tweet)s?\b", re.IGNORECASE)
_LYRIC_HEADER_RE = LazyPattern(re.compile, r"\s*(?:Verse|Chorus|Pre-Chorus|Post-Chorus|Bridge|Hook|Intro|Outro|Refrain|"
                              r"Build-?up|Drop|Interlude|Breakdown|Instrumental|Skit)(?:\s*\d+)?\s*(?::.*)?$",
                              re.IGNORECASE | re.DOTALL)
_CREDIT_CONTEXT_RE = LazyPattern(re.compile, r"(?:H/T|h/t|HT|Hat tip|hat tip|Via|via|Sources?|Credit)\s*:?\s*$")
_AGENCY = (r"Reuters|AP|AFP|Getty(?:\s+Images)?|EPA(?:-EFE)?|TNS|Bloomberg|Shutterstock|Alamy|Xinhua|"
           r"Anadolu(?:\s+Agency)?|UPI|PA|dpa|Sipa|ZUMA|Zuma(?:\s*Press)?|NurPhoto|iStock|AAP|Kyodo|Yonhap|"
           r"Al\s+Jazeera|Wikimedia(?:\s+Commons)?|Pool|Handout|File|SOPA|Corbis|Flickr|Twitter|"
           r"Associated\s+Press|Agence\s+France-Presse|Tribune\s+News\s+Service")
# "Photo: ...", "AP Photo/Evan Vucci", "Leah Millis/ Reuters", "Irfan Khan | Los Angeles Times via TNS".
_PHOTO_LABEL_RE = LazyPattern(re.compile, rf"\s*(?:(?:(?:{_AGENCY}|File|Staff)\s+)?(?i:Photo(?:graph)?|Image|Picture|Pic)"
                                         r"(?:\s+credit)?|Credit)\s*(?::|by\b)")
_AGENCY_RE = LazyPattern(re.compile, rf"(?:^|(?<=[\s/|]))(?:{_AGENCY})(?:\s+Photo)?(?=$|[\s/|.,;)])")
_CREDIT_SEPARATOR_RE = LazyPattern(re.compile, r"[/|]|\svia\s")
_MAX_CREDIT_CHARS = 120

# --- Fixed editorial marks: neutral clarifications ------------------------------------------------------
_FIXED_MARK_RE = LazyPattern(re.compile,
    r"\s*(?:sic!?|\.\s?\.\s?\.\.?|…|\?|!|"
    r"(?:emphasis|italics|bold(?:ing)?|underlining|emphases|capitals|caps|highlighting)\s+"
    r"(?:added|mine|ours|supplied|in\s+(?:the\s+)?original(?:\s+\w+)?|by\s+\w+(?:\s+\w+)?)|"
    r"(?:original|my|our)\s+emphasis|translation|translated|paraphrased?|sic\?|sic,?\s+.*)\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)

# --- Transcript stage directions ------------------------------------------------------------------------
_STAGE_WORDS_RE = LazyPattern(re.compile,
    r"\b(?:applause|applauds|applauding|laughter|laughs|laughing|chuckles|chuckling|cheers|cheering|booing|"
    r"boos|jeers|jeering|crosstalk|cross-talk|inaudible|unintelligible|indiscernible|sighs|sighing|gasps|"
    r"coughs|coughing|clapping|claps|shrugs|shrugging|nods|nodding|grins|grinning|smiles|smiling|"
    r"mimes|miming|gestures|gesturing|winks|chanting|chants|sobbing|sobs|weeps|groans|"
    r"(?:phone|bell|alarm)\s+rings|in\s+the\s+background|cut\s+to|video\s+clip|commercial\s+break|"
    r"begin\s+(?:video|audio)|end\s+(?:video|audio)|voice-over|off[- ]camera|long\s+pause|"
    r"music\s+(?:plays|playing|fades|ends|starts)|(?:^|;\s*)(?:pause|silence|music|singing))\b",
    re.IGNORECASE,
)
# A gesture told in the present tense: "[spreads her arms ...]", "[Trump waves his hands ...]".
_GESTURE_RE = LazyPattern(re.compile,
    r"\s*(?:(?:[A-Z#@][\w#@.’'-]*\s+){1,3}|(?:he|she|they|He|She|They)\s+|(?:the|The|a|A)\s+[\w-]+\s+)?"
    # Verbs of the body only: "the virus spreads" or "the report points to" are not gestures.
    r"(?:waves|gestures|mimes|nods|shrugs|grins|smiles|laughs|sighs|pauses|winks|frowns|claps|holds\s+up|"
    r"points\s+at|(?:spreads|throws\s+up|raises)\s+(?:his|her|their|both|a)\s+(?:arms?|hands?)|"
    r"leans\s+(?:in|back|forward)|rolls\s+(?:his|her|their)\s+eyes|shakes\s+(?:his|her|their)\s+head|"
    r"looks\s+(?:at\s+the\s+(?:camera|audience|crowd)|away|over\s+at)|turns\s+to\s+(?:the|his|her))\b"
)

# --- Notes on the text itself ---------------------------------------------------------------------------
_ANNOTATION_RE = LazyPattern(re.compile,
    r"(?:^\s*(?:it|this|the\s+(?:rest|text|list|letter|post|article|statement|thread|email|poem|quote|"
    r"passage|transcript))\s+(?:goes\s+on|continues)"
    r"|\b(?:more|further|following|remaining|preceding|previous|several|many)\s+(?:lines|paragraphs|pages|"
    r"tweets|posts|sentences|verses)\b"
    r"|^\s*(?:updated?|update|correction|corrected|clarification|for\s+more|see\s+also|see|read\s+more|"
    r"more\s+on|related|click|watch|listen|video|photo|image|audio|transcript|excerpt|full\s+text|"
    r"continued|continues|story\s+continues|article\s+continues|end\s+of|originally\s+published|"
    r"reprinted|republished|note(?:\s+from\s+[\w .’'-]{1,40})?\s*:)\b"
    r"|^\s*(?:removed|deleted|censored|expletive(?:\s+deleted)?|bleep(?:ed)?|name\s+withheld)\s*$"
    r"|\b(?:transcribed|excerpt(?:ed)?|reprinted|abridged|edited\s+for|omitted|redacted|shortened|condensed|"
    r"truncated|text\s+version|translated\s+from)\b"
    # Who wrote it: "[Billboard staff contributed reporting.]", "[Reporting by Jane Roe; editing by …]".
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+|the\s+)?(?:reporting|report|story|article)\b|^\s*(?:additional\s+)?"
    r"(?:reporting|writing|editing)\s+by\b)",
    re.IGNORECASE,
)

# --- Signals of an editor's voice -----------------------------------------------------------------------
# Quoted material inside the bracket is somebody else's voice: set it aside before looking for persons.
_NESTED_QUOTE_RE = LazyPattern(re.compile,
    r"“[^“”]*?(?:”|’’|'')|\"[^\"]*\"|‘’.*?’’|''.*?''|(?:(?<=^)|(?<=[\s(\[—–-]))‘[^‘’]*’(?!\w)", re.DOTALL)
# A quoted word or short phrase used ironically ("a “response”").
_SCARE_QUOTE_RE = LazyPattern(re.compile,
    r"(?:“|\"|‘’|''|(?<![\w’'])‘)\s*[\w][\w’' .-]{0,30}?[\w.,]\s*(?:”|\"|’’|''|’(?!\w))")
_FIRST_PERSON_SUBJECT_RE = LazyPattern(re.compile,
    rf"\bI(?:{_APOS}(?:m|ve|d|ll)\b|\s+(?!of\b|and\b|or\b|to\b|in\b|on\b|at\b|for\b|the\b)[a-z]+\b)"
    rf"|\b(?:[Ll]et(?:\s+us|{_APOS}s)|[Ww]e(?:{_APOS}(?:re|ve|d|ll))?)\b"
)
_FIRST_PERSON_RE = LazyPattern(re.compile, r"\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b")
_SECOND_PERSON_RE = LazyPattern(re.compile, rf"\b(?:you|your|yours|yourself|yourselves)(?:{_APOS}(?:re|ve|d|ll))?\b",
                               re.IGNORECASE)
_FINITE_RE = LazyPattern(re.compile,
    rf"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|would|should|will|shall|may|might|"
    rf"must|cannot|\w+n{_APOS}t|it\s+s|that\s+s|it{_APOS}s|that{_APOS}s)\b"
    # a pronoun subject and the word after it, nearly always its verb: "they wonder", "nobody trusts"
    rf"|\b(?:I|we|you|they|he|she|nobody|everyone|everybody)\s+(?:never\s+|always\s+|still\s+|just\s+)?"
    rf"(?!and\b|or\b|of\b|to\b|in\b|on\b|at\b|for\b|the\b|a\b|an\b)[a-z]{{2,}}\b",
    re.IGNORECASE,
)
_NEGATION_RE = LazyPattern(re.compile, rf"\b(?:not|never|cannot|nothing|nobody|no\s+longer|\w+n{_APOS}t)\b", re.IGNORECASE)
# "it can't be ...", "this is what ...", "that's ...": the editor pointing at the reported claim.
_DEICTIC_RE = LazyPattern(re.compile,
    rf"(?:^|[,:;]\s*)(?:this|that|it)(?:{_APOS}s|\s+s\b|\s+(?:is|was|isn{_APOS}t|wasn{_APOS}t|can{_APOS}?t|"
    rf"cannot|would|must|should|seems|looks|sounds)\b)",
    re.IGNORECASE,
)
# Looked up word by word (a set, not a hundred-way regex alternation tried at every position).
_EVALUATIVE_WORDS = frozenset("""
    funny
    seriously obviously clearly ridiculous ridiculously absurd absurdly absurdity outrageous outrageously
    incomprehensible gory insane insanely crazy disgusting disgusted disgrace disgraceful pathetic
    hypocrisy hypocrite hypocrites hypocritical lie lies lied lying liar liars naturally predictably
    conveniently tellingly propaganda nonsense laughable laughably shameful shameless shamelessly
    idiot idiots idiotic stupid stupidity moron morons moronic joke ironic ironically irony deceptive
    deceptively deceit deceitful sickening evil treason treasonous scandalous unbelievable unbelievably
    insult insults brainwashed puppet puppets sheeple garbage rubbish bullshit whitewash whitewashing
    so-called supposedly pretend pretends pretending wow lol duh hilarious pitiful appalling shocking
    despicable dishonest spin fake sham farce criminal criminals thug thugs traitor traitors warmonger
    warmongers meaningless pointless ludicrous preposterous idiocy cowardly sleazy hoax delusional clueless
    incompetent blatant blatantly platitude platitudes false untrue misleading wrong bogus debunked really
""".split())
_EVALUATIVE_PHRASE_RE = LazyPattern(re.compile, r"\b(?:passing\s+off|yeah,?\s+right)\b", re.IGNORECASE)
_TOKEN_RE = LazyPattern(re.compile, r"[\w][\w’'-]*")
_FOLLOWED_BY_QUESTION_RE = LazyPattern(re.compile, r"\s*[?!]")  # "Really?" is sarcasm; "really" alone is not
_PHRASE_RE = LazyPattern(re.compile,
    rf"\b(?:you\s+(?:would|{_APOS}d)\s+think|let(?:\s+us|{_APOS}s)\s+not\s+forget|full\s+disclosure|"
    rf"of\s+course|needless\s+to\s+say|think\s+about\s+(?:that|it)|"
    rf"read\s+(?:that|it)\s+again|in\s+other\s+words|in\s+fact|in\s+reality|actually)\b|\btranslation\s*:",
    re.IGNORECASE | re.DOTALL,
)
# Stock sarcasm: these say nothing but the writer's attitude.
_SARCASM_RE = LazyPattern(re.compile,
    rf"\b(?:imagine\s+that|go\s+figure|how\s+convenient|what\s+a\s+(?:surprise|coincidence)|big\s+surprise|"
    rf"no\s+kidding|wait\s+for\s+it|make\s+this\s+(?:stuff\s+)?up|surprise,?\s+surprise|sounds?\s+familiar|"
    rf"(?:funny|interesting|strange|curious|notice|note)\s+how|who\s+knew|yeah,?\s+right|you\s+don{_APOS}t\s+say|"
    rf"shocker|color\s+me|colour\s+me|so\s+much\s+for|"
    rf"i{_APOS}m\s+sure\s+(?:that|it|this)(?:{_APOS}s|\s+is|\s+was)\s+(?:just\s+|purely\s+|all\s+|a\s+|entirely\s+)*"
    rf"(?:unrelated|(?:a\s+)?coincidence|coincidental|fine|nothing)|wonder\s+why|you\s+read\s+(?:that|it)\s+right|"
    rf"not\s+a\s+(?:word|peep|mention|single\s+word)|you\s+can\s+bet|you\s+bet|mark\s+my\s+words|"
    rf"needless\s+to\s+say|of\s+course\s+(?:they|he|she|it|not)|what\s+could\s+(?:possibly\s+)?go\s+wrong|"
    rf"whatever\s+that\s+means|good\s+luck\s+with\s+that|nice\s+try|what\s+a\s+joke|give\s+(?:me|us)\s+a\s+break|"
    rf"spare\s+(?:me|us)|tell(?:ing)?\s+that\s+to|nothing\s+says\s+[^.!?()]{{1,60}}?\s+like|cue\s+the\s+\w+|"
    rf"cue\s+(?:laughter|applause|outrage|violins|music|gasps|tears|drama|eye[\s-]?rolls?)|(?:heaven|god)\s+forbid|"
    rf"good\s+luck\s+(?:getting|explaining|finding|selling|passing)|doing\s+a\s+lot\s+of\s+(?:heavy\s+)?(?:work|lifting)|"
    rf"in\s+case\s+(?:anyone|anybody|you|we)\s+(?:has\s+|have\s+)?(?:forgot(?:ten)?|missed|wondered|needed)|"
    rf"film\s+at\s+(?:11|eleven))\b",
    re.IGNORECASE,
)
# The writer arguing with what was reported, as set phrases: mock surprise at what was expected, "the facts
# say otherwise", the caveat that undoes the claim, a mock reason, and the writer talking rather than
# reporting. Apart from _SARCASM_RE, with triggers of its own, so that a run needing one compiles one.
_ARGUING_RE = LazyPattern(re.compile,
    rf"\b(?:no\s+surprises?\s+there|(?:big|what\s+a|no)\s+shock(?:er)?|shock,?\s+horror|quelle\s+surprise|"
    rf"thanks\s+for\s+asking|(?:no\s+one|nobody)\s+(?:\w+\s+){{0,2}}(?:surprised|shocked|stunned)|"
    rf"who\s+could\s+have\s+(?:guessed|known|predicted|imagined|foreseen|seen\s+(?:that|this|it)\s+coming)|"
    rf"some\s+things\s+never\s+change|the\s+more\s+things\s+change|"
    rf"tells?\s+(?:a\s+|quite\s+a\s+|a\s+very\s+)?different\s+story|"
    rf"(?:says?|said|suggests?|shows?|proves?|indicates?|tells?)\s+otherwise|begs?\s+to\s+differ|"
    # The caveat that undoes the claim, and disbelief that it was said: "[if you ignore everyone who gave up
    # looking]", "[except when we do]", "[yes, he actually said this]".
    rf"if\s+you\s+(?:ignore|exclude|overlook|forget|count)|"
    rf"except\s+when\s+(?:they|we|he|she|it|you)\s+(?:do|did|does|don{_APOS}t|are|were|is|was)|"
    # The writer telling what came of it: "[and, it turns out, safety rules]".
    rf"(?:it|as\s+it)\s+turn(?:s|ed)\s+out|as\s+it\s+happens|"
    rf"(?:actually|literally)\s+(?:said|says|wrote|writes|believes?|thinks?)\s+(?:this|that)|"
    # A mock reason: "(because students are clearly made of money)", "(because of course)".
    rf"because\s+(?:[\w’'-]+\s+){{0,5}}?(?:clearly|obviously|of\s+course|apparently|naturally)|because\s+(?:reasons|wow|duh)\b|"
    # The writer talking, not reporting: "by the way", "one wonders", "surely just a coincidence".
    rf"by\s+the\s+way|for\s+the\s+record|,\s*(?:remember|believe\s+it\s+or\s+not|trust\s+me)(?=\s*,)|"
    rf"for\s+what\s+it{_APOS}s\s+worth|mind\s+you|just\s+saying|let{_APOS}s\s+(?:be\s+honest|face\s+it)|if\s+you\s+ask\s+me|"
    rf"one\s+(?:wonders|suspects|imagines|gathers|(?:might|has\s+to|can\s+only)\s+wonder)|to\s+be\s+fair|"
    rf"(?:a\s+)?fancy\s+way\s+of\s+saying|(?:it\s+is\s+|it{_APOS}s\s+)?(?:also\s+)?worth\s+(?:noting|remembering|mentioning|"
    rf"pointing\s+out|recalling)|"
    rf"for\s+those\s+(?:of\s+you\s+)?(?:keeping\s+(?:score|track)|who\s+(?:missed|forgot|slept|went|skipped))|"
    # The writer's insinuation that something was left out on purpose: "(a figure conspicuously absent from the
    # announcement)", "(which the paper does not see fit to mention)".
    rf"conspicuously\s+(?:absent|silent|quiet|missing|left\s+out|omitted)|(?:not|n{_APOS}t)\s+(?:\w+\s+)?see\s+fit\s+to|"
    rf"(?:surely|just|pure|purely|sheer|total|mere|no)\s+(?:a\s+)?coincidence|"
    # A mock disclaimer: "(not that I'm bitter)", "(but who's counting)".
    rf"not\s+that\s+(?:I|we)(?:{_APOS}(?:m|re)|\s+am|\s+are)\s+(?:\w+\s+)?(?:bitter|complaining|counting|judging|surprised|"
    rf"keeping\s+score)|(?:but\s+)?who{_APOS}s\s+counting)\b",
    re.IGNORECASE,
)
# And sarcasm opening the bracket: "[this from a government that jails journalists]", "(And this from the
# man who ...)". Tried only where the bracket opens with "this" or "and" (_stock_sarcasm).
_THIS_FROM_RE = LazyPattern(re.compile,
    r"\s*(?:and\s+)?this\s+(?:coming\s+)?from\s+(?:a|an|the|someone|somebody|people|those|his|her|their)\s+"
    r"(?:[\w’'-]+\s+){0,3}(?:who|that|whose)\b", re.IGNORECASE)


def _stock_sarcasm(own_words: str, runs: set[str] | None) -> bool:
    """Whether the bracket's own words hold stock sarcasm or argument (_SARCASM_RE, _ARGUING_RE, _THIS_FROM_RE)."""
    if _may_match(runs, _SARCASM_TRIGGERS) and _SARCASM_RE.search(own_words):
        return True
    if _may_match(runs, _ARGUING_TRIGGERS) and _ARGUING_RE.search(own_words):
        return True
    opening = own_words.lstrip()[:9].lower()
    return (opening[:5] == "this " or opening == "and this ") and _THIS_FROM_RE.match(own_words) is not None


_IMPERATIVE_RE = LazyPattern(re.compile, r"\s*(?:Read|Note(?!\s*(?::|from\b))|Imagine|Remember|Consider|Think|Notice|Look|"
                            r"Insert|Compare|Ask|Guess|Recall|Don['’]t|Never)\b")
# A bracket that reports a source ("A House source said ...", "According to ...") is the reporter's
# note, not the republisher's opinion.
_ATTRIBUTION_RE = LazyPattern(re.compile,
    r"\s*(?:According\s+to\b|(?:\S+\s+){0,6}?(?:said|says|told|confirmed|reported|reports|announced|"
    r"stated|wrote|added)\b(?!\s+otherwise|\s+(?:so|that|this)(?:\s+(?:again|always|often|every\s+\w+|each\s+\w+|all\s+the\s+time))?[.!?…]*\s*$))"
)  # It reports nobody when it contradicts ("[his record says otherwise]") or when it says what a speaker always
#    says with no words of theirs ("[It always says that.]", "[He says this every quarter.]")
# A sarcastic placeholder: "[insert string of insults here]".
# A CMS's own placeholder ("[insert photo here]") is not sarcasm.
_PLACEHOLDER_RE = LazyPattern(re.compile, r"\b(?:insert|cue)\b(?!\s+(?:an?\s+|the\s+)?(?:photo|image|picture|video|link|chart|"
                             r"graphic|map|table|caption|ad|embed|tweet|quote)s?\b).{1,80}\bhere\b",
                             re.IGNORECASE | re.DOTALL)
# A rhetorical challenge: "Then who fired the rockets?"
_WH_QUESTION_RE = LazyPattern(re.compile, r"\b(?:who|whom|whose|why|what|how|where|when)\b[^?.!]*\?", re.IGNORECASE)
# The openings of a gloss that points at a referent: "i.e.", "e.g.", "aka", "that is", "namely".
_POINTING_GLOSS_RE = LazyPattern(re.compile, r"\s*(?:i\.?\s?e\.?|e\.?\s?g\.?|a\.?k\.?a\.?|aka|that\s+is|namely|meaning|read)[\s,:]",
                                re.IGNORECASE)
_URL_IN_TEXT_RE = LazyPattern(re.compile, r"(?:https?://|www\.)\S+")
_SENTENCE_START_RE = LazyPattern(re.compile, r"(?:^|[.!?:;]\s+|[(\[—–-]\s*)$")


# --- Prefilters: the words a pattern cannot match without ------------------------------------------------
# A text is tokenised once into the runs of ASCII letters of its lower-cased form. Each word-searching
# pattern below has trigger words: for each alternative, one word of it that the pattern bounds on both
# sides by a non-letter (\b, \s, a dash, an apostrophe, ^, a colon ...). Any match then leaves that
# word, lower-cased, as a whole letter run, so a text whose runs hold none of the triggers cannot match and
# the search is skipped. This holds because (a) under IGNORECASE only ASCII letters and the characters in
# _CASE_FOLD_ODDITIES match ASCII pattern letters, and no other character lower-cases to an ASCII letter,
# and (b) str.lower() keeps every other character's length (only U+0130, an oddity, grows). A text holding
# an oddity gets no runs (None) and every pattern is searched as before. tests/test_brackets_prefilter.py
# checks every gate against its pattern on generated text.
_CASE_FOLD_ODDITIES = LazyPattern(re.compile, "[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u212a\ufb00-\ufb06]")
_LETTER_RUN_RE = LazyPattern(re.compile, r"[a-z]+")
_CONTRACTION = "n't"  # a pseudo-run: "n’t"/"n't" occurs (the \w+n’t alternatives); never a letter run


def _letter_runs(text: str) -> set[str] | None:
    """The lower-cased ASCII letter runs of `text` (plus "n't" for a contraction), or None if not safe."""
    if _CASE_FOLD_ODDITIES.search(text):
        return None
    lower = text.lower()
    runs = set(_LETTER_RUN_RE.findall(lower))
    if "n’t" in lower or "n't" in lower:
        runs.add(_CONTRACTION)
    return runs


def _may_match(runs: set[str] | None, triggers: frozenset[str]) -> bool:
    return runs is None or not runs.isdisjoint(triggers)


_STAGE_TRIGGERS = frozenset("""
    applause applauds applauding laughter laughs laughing chuckles chuckling cheers cheering booing boos
    jeers jeering crosstalk talk inaudible unintelligible indiscernible sighs sighing gasps coughs coughing
    clapping claps shrugs shrugging nods nodding grins grinning smiles smiling mimes miming gestures
    gesturing winks chanting chants sobbing sobs weeps groans rings background cut clip commercial begin
    end voice camera pause music silence singing""".split())
# _ANNOTATION_RE: words anywhere, and the first word for its alternatives anchored at the start.
_ANNOTATION_TRIGGERS = frozenset("""
    goes continues lines paragraphs pages tweets posts sentences verses transcribed excerpt excerpted
    reprinted abridged edited omitted redacted shortened condensed truncated version translated contributed""".split())
_ANNOTATION_FIRST_WORDS = frozenset("""
    update updated correction corrected clarification for see read more related click watch listen video
    photo image audio transcript excerpt full continued continues story article end originally reprinted
    republished note removed deleted censored expletive bleep bleeped name reporting writing editing additional""".split())
_FIRST_PERSON_SUBJECT_TRIGGERS = frozenset({"i", "let", "we"})
_FIRST_PERSON_TRIGGERS = frozenset({"me", "my", "mine", "myself", "our", "ours", "ourselves", "us"})
_SECOND_PERSON_TRIGGERS = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_EVALUATIVE_PHRASE_TRIGGERS = frozenset({"passing", "yeah"})
# "so-called" is one token for _count_evaluative but the runs "so" and "called".
_EVALUATIVE_TRIGGERS = frozenset(w.rsplit("-", 1)[-1] for w in _EVALUATIVE_WORDS)
_PHRASE_TRIGGERS = frozenset("""
    think forget disclosure course needless again words fact reality actually translation""".split())
_SARCASM_TRIGGERS = frozenset("""
    imagine figure convenient surprise coincidence kidding wait make familiar how knew yeah say shocker
    color colour much wonder right word peep mention bet words course wrong whatever luck nice joke give
    spare tell telling nothing cue sure heaven god doing case film""".split())
_ARGUING_TRIGGERS = frozenset("""
    surprises surprised shocked stunned shock shocker quelle surprise thanks guessed known predicted imagined
    foreseen coming change different otherwise differ ignore exclude overlook forget except actually
    literally clearly obviously course apparently naturally reasons way record worth mind saying honest face
    ask wonders suspects imagines wonder coincidence remember believe trust count turns happens bitter complaining
    counting judging keeping gathers fair those conspicuously fit wow duh fancy worth turned""".split())
_PLACEHOLDER_TRIGGERS = frozenset({"here"})
# Any word without which is_parenthetical_aside finds nothing but "?" or "!": person, sarcasm, evaluation,
# set phrases, imperatives.
_ASIDE_TRIGGERS = frozenset("""
    i we me my mine myself our ours ourselves us let you your yours yourself yourselves
    read imagine remember consider think notice look compare ask guess recall don never take pick try go talk
    wait forget mind behold cue enjoy believe trust just insert here
    yes no yeah yep nope not really seriously whoa wow ahem sigh cough wink ha haha hahaha lol oops ugh duh yikes
    sheesh gasp hmm hmmm oh alas gulp doh d shudder groan natch ouch yawn gee surprise of course figure imagine
    who knew if eye eyeroll rolls roll face facepalm palm smh jan unsurprisingly amazingly shockingly hilariously
    sure what how usual always ever less does do did never clearly certainly surely definitely sort kind rarely
    seldom stop define admit keep bear hold hang get wake grow calm pay brace buckle folks people kids friends dear
    ladies y anyway curiously oddly strangely mysteriously suspiciously coincidentally clap crickets drum drumroll trombone mic drop desk headdesk shocked citation
    heh whoops brave bless typo pressure reader readers narrator translation checks presumably lmao smdh wtf ffs omg
    imho good so well ah hey listen okay ok madam mister tough crowd which other words honestly frankly mr mrs ms
    senator governor congressman congresswoman""".split()) | {_CONTRACTION} | (
    _EVALUATIVE_TRIGGERS | _EVALUATIVE_PHRASE_TRIGGERS | _PHRASE_TRIGGERS | _SARCASM_TRIGGERS | _ARGUING_TRIGGERS)
_FINITE_TRIGGERS = frozenset("""
    is are was were am be been has have had do does did can could would should will shall may might must
    cannot it that i we you they he she nobody everyone everybody""".split()) | {_CONTRACTION}
_NEGATION_TRIGGERS = frozenset({"not", "never", "cannot", "nothing", "nobody", "no", _CONTRACTION})
_DEICTIC_TRIGGERS = frozenset({"this", "that", "it"})
# Every gate, for the test that checks each against its pattern.
_GATES = (
    (_STAGE_WORDS_RE, _STAGE_TRIGGERS),
    (_FIRST_PERSON_SUBJECT_RE, _FIRST_PERSON_SUBJECT_TRIGGERS),
    (_FIRST_PERSON_RE, _FIRST_PERSON_TRIGGERS),
    (_SECOND_PERSON_RE, _SECOND_PERSON_TRIGGERS),
    (_EVALUATIVE_PHRASE_RE, _EVALUATIVE_PHRASE_TRIGGERS),
    (_PHRASE_RE, _PHRASE_TRIGGERS),
    (_SARCASM_RE, _SARCASM_TRIGGERS),
    (_ARGUING_RE, _ARGUING_TRIGGERS),
    (_PLACEHOLDER_RE, _PLACEHOLDER_TRIGGERS),
    (_FINITE_RE, _FINITE_TRIGGERS),
    (_NEGATION_RE, _NEGATION_TRIGGERS),
    (_DEICTIC_RE, _DEICTIC_TRIGGERS),
)
# Characters without which a pattern cannot match (checked with `in`, far cheaper than the search).
_QUOTE_CHARS = ("“", '"', "‘", "''")  # _NESTED_QUOTE_RE and _SCARE_QUOTE_RE open with one of these
_CODE_CHAR_RE = LazyPattern(re.compile, r"[&\\|{}=/(;]")  # one of these is in every _CODE_RE alternative but "^object"


def _has_quote_char(text: str) -> bool:
    return "“" in text or '"' in text or "‘" in text or "''" in text


def _has_url_start(text: str) -> bool:  # _URL_IN_TEXT_RE
    return "://" in text or "www." in text


def _may_annotate(runs: set[str] | None, first_run: str) -> bool:
    return runs is None or first_run in _ANNOTATION_FIRST_WORDS or not runs.isdisjoint(_ANNOTATION_TRIGGERS)


def _may_sign(tail: str) -> bool:
    """Whether `tail` can end in a signature (_SIGNATURE_RE): "ed", "eds", "Ed", "ED", an optional dot, space."""
    end = tail.rstrip()
    if end.endswith("."):
        end = end[:-1]
    return end.endswith(("ed", "eds", "Ed", "Eds", "ED"))


def _count_evaluative(words: str, runs: set[str] | None) -> int:
    """Evaluative words, not counting capitalised ones mid-sentence (names: "al-Sham", "Liar's Poker").

    `runs` are `_letter_runs(words)`: they gate the searches.
    """
    count = len(_EVALUATIVE_PHRASE_RE.findall(words)) if _may_match(runs, _EVALUATIVE_PHRASE_TRIGGERS) else 0
    if not _may_match(runs, _EVALUATIVE_TRIGGERS):
        return count
    for m in _TOKEN_RE.finditer(words):
        token = m.group().rstrip("’'")
        lower = token.lower()
        if lower not in _EVALUATIVE_WORDS:
            continue
        if lower == "really" and not _FOLLOWED_BY_QUESTION_RE.match(words, m.start() + len(token)):
            continue
        if token[0].islower() or _SENTENCE_START_RE.search(words, 0, m.start()):
            count += 1
    return count


_WORD_RE = LazyPattern(re.compile, r"[\w’'-]+")

# Scores at or above these call a bracket an insertion. A quotation's own words are restored in
# brackets all the time (even first person: "[when my dad was in the White House]"), so the bar is higher
# there; stage directions and notes on the text need a clearly opinionated bracket to be overruled.
_INSERTION_THRESHOLD = 2.5
_INSERTION_THRESHOLD_IN_QUOTE = 3.0
_OWN_SENTENCE_IN_QUOTE = 1.5  # what a sentence of its own inside a quotation takes off the bar
_OVERRULE_STAGE_THRESHOLD = 4.5
_ANNOTATION_MARGIN = 1.0
# Longer than any unlabelled aside seen in real text (the longest, a "Full disclosure: ..." note, is
# about 230 characters); beyond this the bracket is almost surely unclosed or mismatched.
_MAX_ASIDE_CHARS = 600


def editor_label(inner: str, markers: tuple[str, ...] = ()) -> str | None:
    """The label of a labelled editor's note ("Ed.", "Editor's note", "ZH", a trailing "ed"), else None."""
    m = _NAMED_LABEL_RE.match(inner)
    if m and m.group("rest"):
        return " ".join(m.group("label").split())
    markers = _clean_markers(markers) if markers else markers
    for marker in markers:
        m = _marker_re(marker).match(inner)
        if m:
            return marker
    m = _INITIALS_RE.match(inner)
    # "[WSJ: “Putin may be crude ...”]" cites an outlet: the words after the colon are the outlet's.
    if (m and m.group("label") not in _NOT_INITIALS and _PROSE_RE.search(m.group("rest"))
            and not _OPENING_QUOTE_RE.match(m.group("rest"))):
        return m.group("label")
    m = _ED_START_RE.match(inner) or _NOTE_IMPERATIVE_RE.match(inner)
    if m and _PROSE_RE.search(m.group("rest")):
        return m.group("label")
    m = _BARE_EDITOR_RE.match(inner)
    if m and _PROSE_RE.search(m.group("rest")):
        return m.group("label")
    tail = inner[-_SIGNATURE_TAIL:]
    may_sign = _may_sign(tail)
    if (may_sign or markers) and len(_WORD_RE.findall(inner, 0, 200)) >= 3:
        m = _SIGNATURE_RE.search(tail) if may_sign else None
        if m:
            return (m.group("lower") or m.group("upper") or m.group("dotted")).rstrip()
        for marker in markers:
            if _marker_signature_re(marker).search(tail):
                return marker
    return None


def _clean_markers(markers: tuple[str, ...]) -> tuple[str, ...]:
    """Markers as configured may carry their colon ("ZH:"); the label is the name alone."""
    return tuple(dict.fromkeys(m.strip().rstrip(":").strip() for m in markers if m.strip().rstrip(":").strip()))


@lru_cache(maxsize=None)  # a run's configured markers: a handful, each asked about at every bracket
def _marker_re(marker: str) -> re.Pattern[str]:
    return re.compile(rf"\s*{re.escape(marker)}\.?\s*(?::|[—–]|\s-\s|--)\s*\S")


@lru_cache(maxsize=None)
def _marker_signature_re(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(?:[.!?]\s*|\s[-–—~/]+\s*|\s--?){re.escape(marker)}\.?\s*$")


def _form_kind(inner: str, before: str, after: str) -> str | None:
    """Kinds recognisable by shape alone, whatever the words say."""
    stripped = inner.strip()
    if _FOOTNOTE_RE.fullmatch(stripped):
        return FOOTNOTE
    if len(inner) <= 3 and _TASK_BOX_RE.fullmatch(inner):
        return BRACKET
    # Wiki links "[[Page|text]]": the parser may hand us the outer or the inner pair.
    if (before.endswith("[") and after.startswith("]")) or (stripped.startswith("[") and stripped.endswith("]")):
        return LINK
    if _URL_RE.match(inner):
        return LINK
    if _SHORTCODE_RE.match(inner):
        return SHORTCODE
    if (_CODE_CHAR_RE.search(inner) or inner.startswith("object")) and _CODE_RE.search(inner):
        return BRACKET
    # The end-anchored context patterns only ever need the last few characters.
    if before[-1:].isalnum() and " " not in stripped and _CODE_TAIL_RE.search(before[-40:]):
        return BRACKET
    if _TICKER_RE.fullmatch(stripped):
        return BRACKET
    # Markdown link text "[text](url)" or "[text][ref]".
    if after[:1] in ("(", "[") and stripped:
        return LINK
    if _MEDIA_PLACEHOLDER_RE.match(inner):
        return BRACKET
    if _LINK_WORD_RE.fullmatch(inner):
        return LINK
    if _LYRIC_HEADER_RE.match(inner):
        return BRACKET
    if _CREDIT_CONTEXT_RE.search(before[-16:]):
        return BRACKET
    if len(inner) <= _MAX_CREDIT_CHARS and (_PHOTO_LABEL_RE.match(inner) or _AGENCY_RE.fullmatch(stripped) or (
            _CREDIT_SEPARATOR_RE.search(inner) and _AGENCY_RE.search(inner))):
        return PHOTO_CREDIT
    return None


def insertion_score(inner: str, *, in_quote: bool) -> float:
    """How strongly the bracket reads as the editor's own voice (0 = none)."""
    return _insertion_score(inner, in_quote, _letter_runs(inner))


def _insertion_score(inner: str, in_quote: bool, inner_runs: set[str] | None) -> float:
    return sum(value for value, _ in _score_terms(inner, in_quote, inner_runs))


class _Score:
    """A bracket's insertion score, evaluated only as far as the comparisons asked of it need.

    The verdict on most brackets is settled by a few of the signals: once what is counted already
    reaches a bar, or what is left could not lift the score to it, the remaining searches (a regex pass
    over the bracket each) are not run. Exact: every term's largest value is known, the only negative
    term (attribution) comes first, and the terms are multiples of 0.5, so sums do not depend on order.
    """

    __slots__ = ("_terms", "_low", "_left")

    def __init__(self, inner: str, in_quote: bool, runs: set[str] | None) -> None:
        self._terms = _score_terms(inner, in_quote, runs)
        self._low = 0.0  # the terms counted so far
        self._left = _MOST_LEFT[in_quote]  # the most the terms not yet counted could add

    def at_least(self, bar: float) -> bool:
        while True:
            if self._low >= bar:
                return True
            if self._low + self._left < bar:
                return False
            value, most = next(self._terms)
            self._low += value
            self._left -= most


def _score_terms(inner: str, in_quote: bool, inner_runs: set[str] | None) -> Iterator[tuple[float, float]]:
    """The insertion score's terms as (value, the most it could have been), the negative one first and
    then the cheaper before the dearer (the sum over a finite clause, a regex pass costing up to ~20 µs
    on a long bracket, comes last)."""
    own_words = inner
    if _has_quote_char(own_words):
        own_words = _NESTED_QUOTE_RE.sub(" ", own_words)
    if _has_url_start(own_words):
        own_words = _URL_IN_TEXT_RE.sub(" ", own_words)
    runs = inner_runs if own_words is inner else _letter_runs(own_words)
    yield (-1.5 if _ATTRIBUTION_RE.match(own_words) else 0.0), 0.0
    exclaims = "!" in own_words or "?" in own_words
    yield (2.0 if exclaims else 0.0), 2.0
    stripped = inner.strip()
    if not in_quote:
        yield (1.0 if stripped.endswith("?") else 0.0), 1.0  # a question put to the reader
        yield (1.0 if _IMPERATIVE_RE.match(inner) else 0.0), 1.0
    if exclaims and own_words.rstrip(" .…").endswith(("!", "?")) and _POINTING_GLOSS_RE.match(own_words):
        yield 1.5, 1.5  # "[i.e., the bishop!]": a gloss does not exclaim unless it is sarcasm
    else:
        yield 0.0, 1.5
    yield (1.0 if "?" in own_words and _WH_QUESTION_RE.search(own_words) else 0.0), 1.0
    second_person = _may_match(runs, _SECOND_PERSON_TRIGGERS) and _SECOND_PERSON_RE.search(own_words) is not None
    yield ((0.5 if in_quote else 1.5) if second_person else 0.0), (0.5 if in_quote else 1.5)
    if second_person and _ASIDE_IMPERATIVE_RE.match(own_words):
        yield 2.5, 2.5  # "[take your pick of ...]": turning to the reader, in a quotation or not
    else:
        yield 0.0, 2.5
    yield (1.5 if _may_match(runs, _PHRASE_TRIGGERS) and _PHRASE_RE.search(own_words) else 0.0), 1.5
    # Stock sarcasm says nothing but the writer's attitude, and restores no speaker's word: alone it decides.
    yield (3.0 if _stock_sarcasm(own_words, runs) or _attitude_ending(own_words, runs) else 0.0), 3.0
    yield (2.5 if _may_match(runs, _PLACEHOLDER_TRIGGERS) and _PLACEHOLDER_RE.search(own_words) else 0.0), 2.5
    # Inside a quotation the speaker's own first and second person are often restored in brackets.
    # Outside one, "I wonder" or "let us" is the editor talking; "my" or "you" less surely so (quote
    # marks are often lost in scraped text, so a quotation's words may look unquoted).
    if _may_match(runs, _FIRST_PERSON_SUBJECT_TRIGGERS) and _FIRST_PERSON_SUBJECT_RE.search(own_words):
        yield (1.0 if in_quote else 2.0), (1.0 if in_quote else 2.0)
    elif _may_match(runs, _FIRST_PERSON_TRIGGERS) and _FIRST_PERSON_RE.search(own_words):
        yield (0.5 if in_quote else 1.0), (1.0 if in_quote else 2.0)
    else:
        yield 0.0, (1.0 if in_quote else 2.0)
    evaluative = _count_evaluative(own_words, runs)
    yield min(3.0, 1.5 * evaluative), 3.0
    # The writer's verdict set off at the head, then the rest: "[shocking, truly]", "[funny, they called it
    # “transitory” back then]". A restored phrase does not open with a verdict and a pause.
    opener = _VERDICT_OPENER_RE.match(own_words) if evaluative else None
    yield (1.5 if opener is not None and _count_evaluative(opener.group(1), None) else 0.0), 1.5
    yield (1.0 if _may_match(runs, _DEICTIC_TRIGGERS) and _DEICTIC_RE.search(own_words) else 0.0), 1.0
    finite = _may_match(runs, _FINITE_TRIGGERS) and _FINITE_RE.search(own_words) is not None
    scare = _has_quote_char(inner) and _SCARE_QUOTE_RE.search(inner) is not None
    negated = finite and _may_match(runs, _NEGATION_TRIGGERS) and _NEGATION_RE.search(own_words) is not None
    value = 0.0
    if scare:
        value += 1
    if negated:
        value += 1
    if scare and negated:  # quoting a word to deny it: arguing with the text
        value += 1
    # A full sentence of its own, not a fragment restoring missing words.
    if finite and stripped[:1].isupper():
        words = len(_WORD_RE.findall(own_words))
        if (stripped[-1:] in ".!?" and words >= 3) or words >= 8:
            value += 1
    yield value, 4.0


# The most all of _score_terms could add, out of a quotation and in one.
_MOST_LEFT = {False: 0.0 + 2.0 + 1.0 + 1.0 + 1.5 + 1.0 + 1.5 + 2.5 + 1.5 + 3.0 + 2.5 + 2.0 + 3.0 + 1.5 + 1.0 + 4.0,
              True: 0.0 + 2.0 + 1.5 + 1.0 + 0.5 + 2.5 + 1.5 + 3.0 + 2.5 + 1.0 + 3.0 + 1.5 + 1.0 + 4.0}
# A first word and the comma after it, at the head of a bracket.
_VERDICT_OPENER_RE = LazyPattern(re.compile, r"[\s*]*([\w’'-]+)\s*,\s*\S")


# A promotion or a pointer in a newsletter, headed by what to do or where: "[Watch Fox: ...]",
# "[New at Fox News Opinion: ...]", "[Listen to Fox: ...]", "[Sign up: ...]".
_PROMO_RE = LazyPattern(re.compile,
    r"\s*(?:(?:New|Only|Exclusive|Coming\s+up|Tonight|Today|Now|Also)\s+(?:at|on|from|in)\s+[A-Z]"
    rf"|Watch|Listen|On\s+[A-Z]|Sign\s+up|Subscribe|Follow|Download|Don{_APOS}t\s+miss|Read\s+more|More\s+(?:from|at|on)"
    r")[^:\n]{0,60}:")
# A newsletter's brief written as a bracketed paragraph: it reports what a source says or found
# ("[The Hill details how ...]", "[Byron York asks ...?]", "[... NYT has the details.]").
_REPORTING_RE = LazyPattern(re.compile,
    r"\b(?:says?|said|reports?|reported|reporting|asks?|asked|notes?|noted|writes?|wrote|details|has\s+(?:the\s+)?"
    r"(?:details|more|story|back\s+story|latest|scoop)|finds|found|shares|tracks|tracking|looks\s+at|examines|"
    r"breaks\s+down|ponders|explains|concede[sd]|attribute[sd]|announce[sd]|according\s+to|headline|poll|survey|"
    r"study|told|spokes(?:man|woman|person)|statement)\b", re.IGNORECASE)
_MIN_BRIEF_WORDS = 12
# Acting something out: a verb with no subject and a manner adverb ("screams randomly into the void").
_MIMED_ACTION_RE = LazyPattern(re.compile,
    r"\s*(?!(?:refers|means|relates|applies|links|points|continues|goes)\b)[a-z]{3,}s\s+"
    r"(?!(?:only|early|family|reply|apply|supply|likely|daily|weekly|monthly|nearly|fly|rely|italy)\b)"
    r"[a-z]{2,}ly\b(?:\s+[\w’'-]+){0,8}\s*[.!…]*\s*")


def _is_brief(inner: str) -> bool:
    """A bracketed paragraph reporting what a source says, in no voice of the writer's own."""
    own = _NESTED_QUOTE_RE.sub(" ", inner) if _has_quote_char(inner) else inner
    if len(_WORD_RE.findall(own)) < _MIN_BRIEF_WORDS or not _REPORTING_RE.search(own):
        return False
    return not (_FIRST_PERSON_SUBJECT_RE.search(own) or _FIRST_PERSON_RE.search(own) or _SECOND_PERSON_RE.search(own)
                or _SARCASM_RE.search(own) or _PLACEHOLDER_RE.search(own) or _count_evaluative(own, None))


# Labels of notes that add to the text without a voice of their own: an update, an addendum, a disclosure,
# a reporter's note ("(Update: The sanctions take effect on Monday.)", "[Disclosure: The author's spouse works
# for the agency.]"). Such a note is commentary only when its words have a voice ("[Full disclosure: I once
# filed a complaint ...]", "(Update: Sure they will.)").
_PLAIN_LABEL_RE = LazyPattern(re.compile,
    rf"(?:(?:[\w.]+{_APOS}s\s+)?(?:update|addendum)(?:\s+(?:from|by)\s+.*)?|(?:full\s+)?disclosure|"
    rf"reporter{_APOS}s\s+(?:note|update))",
    re.IGNORECASE | re.DOTALL)


def is_notice(inner: str, label: str | None = None) -> bool:
    """Whether a (labelled or unlabelled) note is a notice about the text rather than anybody's opinion: a
    notice of what the text holds or how it changed, or a plainly worded note under a label of
    _PLAIN_LABEL_RE. `label` is the label of a note whose `inner` is only its words (a paragraph's)."""
    m = _NAMED_LABEL_RE.match(inner) or _INITIALS_RE.match(inner) or _ED_START_RE.match(inner)
    rest = m.group("rest") or "" if m else inner
    if m and label is None:
        label = m.group("label")
    if _NOTICE_RE.search(rest) is None and (label is None or _PLAIN_LABEL_RE.fullmatch(label.strip()) is None
                                            or is_parenthetical_aside(rest)):
        return False
    return insertion_score(rest, in_quote=False) < _INSERTION_THRESHOLD


def classify_bracket(inner: str, *, in_quote: bool, before: str, after: str,
                     markers: tuple[str, ...] = (), closed: bool = True) -> tuple[str, str | None]:
    """Classify the text between "[" and "]"; returns (kind, editor's label or None).

    `before`/`after` are up to 200 characters of the paragraph on either side; `markers` are extra
    editorial labels configured by the user ("ZH", "MoA"). `closed=False` says the bracket never
    closes and `inner` runs to the paragraph's end.
    """
    label = editor_label(inner, markers)
    if label is not None:
        return (ANNOTATION, None) if is_notice(inner) else (INSERTION, label)
    # An unclosed or garbled bracket swallows the rest of its paragraph ("[r[replacement]erver ...");
    # its extent is unknown, so it is not called anyone's commentary. Real asides are short.
    if not closed or len(inner) > _MAX_ASIDE_CHARS:
        return BRACKET, None
    form = _form_kind(inner, before, after)
    if form is not None:
        return form, None
    if _FIXED_MARK_RE.fullmatch(inner):
        return CLARIFICATION, None
    if _TRANSLATION_LABEL_RE.match(inner):
        return (INSERTION if _mock_translation(inner, before) else CLARIFICATION), None
    if _READ_GLOSS_RE.match(inner):
        return INSERTION, None
    if _VERDICT_RE.match(inner):
        return INSERTION, None
    if _BRACKET_INTERJECTION_RE.fullmatch(inner) or _is_exclamative(inner, whole=True) or _is_retort(inner, after) \
            or _echo_exclaimed(inner, before):
        return INSERTION, None
    if in_quote and _first_word(inner).rstrip(",") == "except":
        # The writer's caveat undoing the speaker's claim: "“Nobody was hurt [except the three workers taken
        # to hospital]”". No speaker's word is restored so. (Out of a quotation, "(except for Smith)" reports.)
        return INSERTION, None
    whole_block = not before.strip() and not after.strip()
    if _PROMO_RE.match(inner) or (whole_block and _is_brief(inner)):
        return BRACKET, None
    runs = _letter_runs(inner)
    score = _Score(inner, in_quote, runs)
    if (_may_match(runs, _STAGE_TRIGGERS) and _STAGE_WORDS_RE.search(inner)) or _GESTURE_RE.match(inner):
        if not score.at_least(_OVERRULE_STAGE_THRESHOLD):
            return STAGE_DIRECTION, None
    threshold = _INSERTION_THRESHOLD_IN_QUOTE if in_quote else _INSERTION_THRESHOLD
    if in_quote and _own_sentence(inner, before):
        # Inside a quotation, a sentence of its own after one that ended restores no word of the speaker's
        # sentence: what voice it has counts as it would outside ("[That's a no.]", "[They did not have
        # the right call.]"); a transcript's plain clarification ("[He was referring to the 2019 bill.]")
        # has none.
        threshold = _INSERTION_THRESHOLD_IN_QUOTE - _OWN_SENTENCE_IN_QUOTE
    first_run = _LETTER_RUN_RE.search(inner.lower()) if runs is not None else None
    if _may_annotate(runs, first_run.group() if first_run else "") and _ANNOTATION_RE.search(inner):
        # A note about the text ("This is an excerpt ...") reads like a sentence of its own; only a
        # clearly opinionated one is commentary.
        return (INSERTION if score.at_least(threshold + _ANNOTATION_MARGIN) else ANNOTATION), None
    if score.at_least(threshold):
        return INSERTION, None
    if not in_quote and _own_sentence(inner, before) and _NEXT_SENTENCE_RE.match(after) \
            and len(_WORD_RE.findall(inner, 0, 200)) >= 2 and not _notes_the_page(inner, runs):
        # A sentence of its own in brackets, after one that ended, outside any quotation: no word of a
        # speaker's is restored or replaced so, and wire copy prints none. The writer's ("[Facts found:
        # zero.]", "[They never are, somehow.]"); one that reports ("[According to …]"), cites, credits, warns
        # or points to the page ("[The full transcript is below.]") is the page's.
        return INSERTION, None
    if whole_block and not in_quote and _MIMED_ACTION_RE.fullmatch(inner):
        # A paragraph of its own that acts something out ("[screams randomly into the void]"): no referent
        # is named and no words restored, and it is not the speaker's (no stage direction): the writer's.
        return INSERTION, None
    return CLARIFICATION, None


# --- Unlabelled asides in parentheses -------------------------------------------------------------------
# Writers use parentheses for their own neutral asides all the time ("(R-Texas)", "(AP)", "(i.e. no
# criminal record)", "(The company did not reply.)"), so a finite clause alone says nothing here: only the
# marks of a voice do. A parenthesis of only exclamation marks ("(!)") is the writer's astonishment.
_EXCLAMATION_ONLY_RE = LazyPattern(re.compile, r"\s*(?:!+\??|\?!+)\s*")
# An interjection heading the aside, then a pause or its end: "(yes, crimes)", "(not)", "(Whoa…)", "(sigh)".
# The interjections a bracket holding nothing else is the writer's by, in a quotation too ("[sigh]", "[eye
# roll]", "[LOL]", "[yikes!]"): no speaker's word is restored by them.
_WRITERS_INTERJECTIONS = (r"whoa|wow|ahem|sigh|wink|lol|oops|ugh|duh|yikes|sheesh|hmm+|alas|gulp|d[’']oh|shudder|natch|"
                          r"lmao|smdh|wtf|ffs|omg|imho|yawn|go\s+figure|good\s+times|tough\s+crowd|good\s+for\s+(?:him|her|them|you)|imagine\s+that|who\s+knew|as\s+if|eye[\s-]?roll|face[\s-]?palm|smh|"
                          r"sure,?\s+jan|heh|whoops|so\s+brave|bless(?:\s+(?:his|her|their|your)\s+hearts?)?|ha\s+ha(?:\s+ha)*|not\s+a\s+typo|"
                          r"(?:yes|no),?\s+(?:really|seriously)|checks\s+notes|"
                          # Stock remarks that say nothing but the writer's disbelief, and a mock agreement
                          # ("sure it was"): no speaker's word is restored by them either.
                          r"whatever\s+that\s+means|good\s+luck\s+with\s+that|what\s+could\s+(?:possibly\s+)?go\s+wrong|"
                          r"nice\s+try|how\s+convenient|yeah,?\s+right|you\s+don[’']t\s+say|surprise,?\s+surprise|"
                          r"big\s+surprise|what\s+a\s+(?:surprise|coincidence|shocker)|shocker|"
                          # An encyclopedia's tag for a claim with no source, put to a claim in mockery.
                          r"citation\s+needed|"
                          r"sure,?\s+(?:it|he|she|they|you|we)\s+(?:was|is|did|does|were|are|will|would|can|could|has|have)|"
                          # A hedge that mocks what was reported: "(sort of)", "(supposedly)".
                          r"sort\s+of|kind\s+of|supposedly|"
                          # A reaction the writer mimes, a sound or a face, as blogs print them: "[slow clap]",
                          # "[crickets]", "[sad trombone]", "[cough, cough]" (a transcript's is "[coughs]"). (None
                          # opens with an "r": see _INTERJECTION_FIRST_LETTERS.)
                          r"(?:slow|golf)\s+clap|crickets|drum\s*roll|sad\s+trombone|"
                          r"mic\s+drop|head\s*desk|shocked\s+face|cough,?\s+cough")
# An exclamative heading the aside or bracket, then a pause or its end: "(how generous of them)", "(what a
# shame)", inverted "(convenient, that)"; and a knowing "(as he does)", the habit, not the fact, being the
# point. Not a question's "how many" or "how long", nor "what a spokesman called it". Its own pattern (with
# _INTERJECTION_RE's ending), tried only where the first word is "how", "what" or "as", or ", that" follows it.
_EXCLAMATIVE_RE = LazyPattern(re.compile,
    r"[\s*]*(?:how\s+(?:very\s+|so\s+|utterly\s+|terribly\s+|awfully\s+|incredibly\s+)?"
    r"(?!(?:many|much|long|far|often|old|soon|come|about|to|it|so)\b)[a-z]{3,}(?:\s+of\s+(?:him|her|them|it|us|you|me))?"
    r"|what\s+an?\s+(?:[a-z]+\s+){0,2}(?!(?:it|them|him|her)\b)[a-z]{3,}"
    r"|[a-z]{4,},\s+that"
    r"|as\s+(?:one|he|she|they|you|we|it)\s+(?:always\s+|usually\s+|so\s+often\s+)?(?:does|do|did))"
    r"(?=\s*(?:[,.!?…;]|$))",
    re.IGNORECASE)
_EXCLAMATIVE_FIRST_WORDS = frozenset({"how", "what", "as"})


def _is_exclamative(inner: str, whole: bool) -> bool:
    """_EXCLAMATIVE_RE at the start of `inner` (and, if `whole`, nothing after it but its punctuation)."""
    first = _first_word(inner)
    if first not in _EXCLAMATIVE_FIRST_WORDS and not first.endswith(","):  # ", that" follows the first word
        return False
    m = _EXCLAMATIVE_RE.match(inner)
    return m is not None and (not whole or not inner[m.end():].strip(" \t\n.!?…*"))
# In parentheses outside quotations, those and the words that in a bracket may restore a speaker's short
# answer ("[Yes.]") or note a transcript's sound ("[cough]", "[gasp]"), and a laugh or eye-roll of any length.
# And "(read: …)", decoding what was said in the writer's own terms ("(read: they argued)"); a bracket's too
# (_READ_GLOSS_RE).
_READ_GLOSS = r"read\s*:\s*\S"
_INTERJECTION_RE = LazyPattern(re.compile,
    rf"[\s*]*(?:(?:{_WRITERS_INTERJECTIONS}|yes|no(?!\.\s*[\d#])|yeah|yep|nope|not|really|seriously|cough|(?:ha)+|gasp|oh|groan|ouch|"
    r"no\s+pressure|"
    rf"gee|surprise|of\s+course|rolls?\s+(?:my\s+)?eyes)(?=\s*(?:[,.!?…;]|$))|{_READ_GLOSS})",
    re.IGNORECASE)
# Heading an aside: a retort that answers what was reported with the verb left out, denying or confirming it
# ("(it isn't, by any count)", "(they didn't)", "(it was not, as anyone could see)", "(he never did)", "(it
# was, in fact, accurate)"), or a knowing denial ("(clearly not)", "(obviously not enough to ...)"). A
# reporter's aside goes on past the verb: "(it was the third attack this year)". Tried only where the
# aside's first word is one of _RETORT_FIRST_WORDS (or, for the generalising retort, it holds an adverb of
# _GENERALISING_ADVERBS).
_RETORT_RE = LazyPattern(re.compile,
    r"[\s*]*(?:and\s+|but\s+)?(?:(?!that\s+is\s*[,:;])"  # "(that is, the contractor)" is a gloss
    r"(?:it|he|she|they|we|you|that|this)\s+"
    r"(?:(?:is|was|are|were|did|does|do|will|would|has|have|had|can|could|should)(?:n[’']t|\s+not|\s+never)?"
    r"|won[’']t|never\s+(?:is|was|are|were|did|does|do|will|would|has|have|had))(?=\s*(?:[,.!?…;]|$))"
    # The same retort contracted: "(it's not)", "[they're not]", "(he's never)".
    r"|(?:(?:it|he|she|that)[’']s|(?:they|we|you)[’']re)\s+(?:not|never)(?=\s*(?:[,.!?…;]|$))"
    # A generalising retort with a noun of its own: "(stadiums never do)", "(the facts rarely are)".
    r"|[a-z]{3,}s\s+(?:never|rarely|seldom)\s+(?:do|are|did|were|have|will)(?=\s*(?:[,.!?…;]|$))"
    r"|(?:clearly|obviously|certainly|surely|definitely)\s+not\b)",
    re.IGNORECASE)
_RETORT_FIRST_WORDS = frozenset(
    "and but it he she they we you that this clearly obviously certainly surely definitely".split()
    + [pronoun + apostrophe + verb for apostrophe in "’'" for pronoun, verb in
       (("it", "s"), ("he", "s"), ("she", "s"), ("that", "s"), ("they", "re"), ("we", "re"), ("you", "re"))])
# The generalising retort's adverbs: in an aside, it is tried where one of these is.
_GENERALISING_ADVERBS = (" never ", " rarely ", " seldom ")


_FIRST_WORD_RE = LazyPattern(re.compile, r"[\s*]*([^\s*]*)")


def _first_word(inner: str) -> str:
    """The first word of a bracket or parenthesis, lower-cased ("" for none), as the patterns it gates read it:
    past any spaces and asterisks, up to the next one (what the retort and exclamative gates ask)."""
    return _FIRST_WORD_RE.match(inner).group(1).lower()


# After a retort, the pause before the writer's answer goes on: "[they are not; half are children]".
_RETORT_PAUSE_RE = LazyPattern(re.compile, r"\s*[;:,—–]\s*\S|\s+-\s+\S")


def _after_retort(inner: str, after: str, generalising: bool = False) -> str | None:
    """What follows a retort heading a bracket or parenthesis (_RETORT_RE), "" for nothing but its
    punctuation; None where none heads it, or where it stands alone but its clause goes on after it ("said
    that (it was) taking all steps" restores a speaker's words in reported speech whose marks were lost).
    `generalising`: try the generalising retort ("(stadiums never do)") too, where one of its adverbs is."""
    if _first_word(inner) not in _RETORT_FIRST_WORDS and not (
            generalising and any(adverb in inner for adverb in _GENERALISING_ADVERBS)):
        return None
    m = _RETORT_RE.match(inner)
    if m is None:
        return None
    rest = inner[m.end():]
    if not rest.strip(" \t\n.,!?…;*"):
        return "" if _CLAUSE_END_RE.match(after) is not None else None
    return rest


def _is_retort(inner: str, after: str) -> bool:
    """A bracket holding a retort: alone, where the speaker's clause ends ("“The wall is being built [it
    isn't] and Mexico will pay”"), or heading the writer's answer after a pause ("[they are not; half are
    children]", "[it does not, whatever he says]"): the writer answering, as no restored word does."""
    rest = _after_retort(inner, after)
    return rest is not None and (not rest or _RETORT_PAUSE_RE.match(rest) is not None)
# An adverb of the writer's knowing attitude, alone in a parenthesis that ends its clause: "followed protocol
# (naturally)." Between the words of a clause ("will (naturally) trigger") it is part of the sentence, as a
# speaker's words are when scraped copy has lost their quotation marks.
_ATTITUDE_WORDS = frozenset("""naturally predictably conveniently unsurprisingly ironically tellingly obviously amazingly
    shockingly hilariously curiously oddly strangely mysteriously suspiciously coincidentally""".split()) | {
    # and the writer's "yet again" on a habit reported ("voted against the bill (again) and then ...").
    "again", "yet again", "once again", "as usual", "as always", "as ever", "no less"}
_CLAUSE_END_RE = LazyPattern(re.compile, r"\s*(?:[.,;:!?…—–)]|-\s|$|(?:and|but|or|so|then)\b)")
# The writer's attitude adverbs, set off by commas in an aside or opening it: "(which, naturally, is run by a
# former official)", "(Curiously, the report leaves that out.)". Closing it, three more: "apparently",
# "natch", "anyway", which elsewhere report and resume.
_SET_OFF_ATTITUDE = (r"naturally|predictably|conveniently|unsurprisingly|ironically|tellingly|of\s+course|curiously|"
                     r"oddly|strangely|mysteriously|suspiciously|coincidentally")
_ATTITUDE_SET_OFF_RE = LazyPattern(re.compile, rf"(?:^[\s*]*|,\s*)(?:{_SET_OFF_ATTITUDE})\s*,", re.IGNORECASE)
# Or ending the aside after a comma.
_ATTITUDE_ENDING_RE = LazyPattern(re.compile,
    rf",\s*(?:{_SET_OFF_ATTITUDE}|apparently|presumably|natch|anyway|honestly|frankly)[\s.!…]*$", re.IGNORECASE)
# The words one of the two needs: an aside holding none is not searched.
_ATTITUDE_ENDING_TRIGGERS = frozenset(
    """naturally predictably conveniently unsurprisingly ironically tellingly apparently presumably course natch anyway curiously
    oddly strangely mysteriously suspiciously coincidentally honestly frankly""".split())


def _attitude_ending(text: str, runs: set[str] | None) -> bool:
    """The writer's attitude adverb closing the aside after a comma, or set off by commas in it."""
    return "," in text and _may_match(runs, _ATTITUDE_ENDING_TRIGGERS) and (
        _ATTITUDE_ENDING_RE.search(text) is not None or _ATTITUDE_SET_OFF_RE.search(text) is not None)


# The bracket's own form: a laugh of two "ha" or more, and "rolls eyes" without "his" (a transcript's gesture).
_BRACKET_INTERJECTION_RE = LazyPattern(re.compile,
    rf"\s*(?:{_WRITERS_INTERJECTIONS}|(?:ha){{2,}}|ha(?=\s*!)|rolls?\s+eyes)[\s.!?…]*", re.IGNORECASE)
# A gloss: a clarification's own openings. It is commentary only when it exclaims or asks ("[i.e., Francis!]").
_GLOSS_RE = LazyPattern(re.compile, r"[\s*]*(?:i\.?\s?e\.?|e\.?\s?g\.?|a\.?k\.?a\.?|or|and|formerly|n[ée]e|see|cf\.?|meaning|"
                       r"literally|translated|in\s+English|that\s+is|namely|viz\.?|roughly|about|approximately|"
                       r"including|excluding|not\s+including|plus|minus|down|up)(?=[\s,:.;]|$)", re.IGNORECASE)
# The writer as the aside's subject: "(*I’m assuming ...)", "(Frankly, we never ...)".
_ASIDE_SUBJECT_RE = LazyPattern(re.compile,
    r"[\s*“\"]*(?:(?i:and|but|so|or|maybe|perhaps|frankly|honestly|personally|of\s+course|yes|no|well|oh|now|"
    r"again|admittedly|full\s+disclosure:?),?\s+)*(?:I(?:[’'](?:m|ve|d|ll))?|[Ww]e(?:[’'](?:re|ve|d|ll))?)(?=\s|$)")
_SECOND_PERSON_SUBJECT_RE = LazyPattern(re.compile, rf"\b(?:you{_APOS}(?:re|ve|d|ll)|you\s+(?!and\b|or\b|all\b)[a-z]{{2,}})\b",
                                       re.IGNORECASE)
# Turning to the reader: "(Talk about ...!)", "(Just ask ...)", "[take your pick of ...]".
_ASIDE_IMPERATIVE_RE = LazyPattern(re.compile,
    r"[\s*]*(?:just\s+)?(?P<verb>read|imagine|remember|consider|think\s+about|notice|look\s+at|compare|ask|guess|recall|"
    rf"don{_APOS}t(?!\s+miss\b)|never\s+mind|take|pick|try|go\s+(?:figure|ahead)|talk\s+about|wait|forget|mind\s+you|"
    rf"behold|cue|enjoy|let{_APOS}s|let\s+us|believe|trust|"
    # The colloquial imperatives of a writer arguing with the reader: "(do the math)", "(stop laughing)",
    # "(define wealthy)", "(face it)", "(keep that in mind)", "(hold your breath)", "(get this)".
    r"do\s+(?:the\s+math|your\s+(?:own\s+)?(?:homework|research))|stop\s+(?:laughing|it|me|right\s+there)|"
    r"define(?=\s+(?-i:[a-z]))|face\s+it|admit\s+it|(?:keep|bear)\s+(?:that\s+|this\s+)?in\s+mind|"
    r"hold\s+(?:on|your\s+(?:breath|horses|applause|nose))|hang\s+on|get\s+this|wake\s+up|grow\s+up|calm\s+down|"
    r"pay\s+attention|brace\s+yourselve?s?|buckle\s+up)\b", re.IGNORECASE)
# Of those, the verbs that also point the reader to the page ("(read the full report here)", "(take a look)",
# "(compare the chart below)"); the others only argue with the reader ("(never mind that ...)", "(don't hold
# your breath)", "(imagine that)").
_POINTING_VERBS = frozenset({"read", "look", "compare", "take", "pick", "try", "enjoy", "cue", "consider", "notice"})
# The reader pointed to the page: "(you can watch the video below)", "(you can read the report here)".
_POINTER_RE = LazyPattern(re.compile, r"\byou\s+(?:can|may|will|could)\s+(?:also\s+)?(?:watch|read|see|find|listen|view|download|"
                         r"hear|sign\s+up|subscribe|follow|click)\b", re.IGNORECASE)
# The first word of each _ASIDE_IMPERATIVE_RE alternative, a whole letter run wherever the pattern matches
# at an aside's start (its gate; tests/parsing/test_brackets_prefilter.py checks it).
_ASIDE_IMPERATIVE_TRIGGERS = frozenset("""
    read imagine remember consider think notice look compare ask guess recall don never take pick try go talk
    wait forget mind behold cue enjoy let believe trust do stop define face admit keep bear hold hang get wake grow
    calm pay brace buckle""".split())
# A reader addressed by name, heading or closing the aside: "(nothing to see here, folks)", "(Dear reader, ...)".
_VOCATIVE_RE = LazyPattern(re.compile,
    r"[\s*]*(?:folks|(?:dear\s+)?readers?|ladies\s+and\s+gentlemen|y[’']all)\s*,"
    r"|,\s*(?:folks|people|kids|(?:my\s+)?friends|dear\s+readers?|ladies\s+and\s+gentlemen|y[’']all"
    # Or somebody in the news addressed by title at the aside's end: "(Welcome to the party, Madam Mayor.)",
    # "(Nice try, Senator.)". A reporter speaks of people, never to them.
    r"|(?:madam|mister|mr\.?|mrs\.?|ms\.?)\s+(?-i:[A-Z])[\w.’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?"
    r"|senator|governor|congressman|congresswoman|mr\.?\s+president|madam\s+(?:president|speaker|secretary))"
    r"[\s.!?…*]*$",
    re.IGNORECASE)
# A sentence of the writer's own about the one before it, opened as a remark on it: "(Which is a fancy way of
# saying nobody knows.)", "(In other words, a jobs program for the contractors.)". A reporter's aside is a
# sentence of its own subject.
_REMARK_OPENER_RE = LazyPattern(re.compile, r"[\s*]*(?:Which\s|In\s+other\s+words\b)")
# The small words a shouted aside holds and a name in capitals does not ("(WE BELIEVE IT)", not "(NATO)" or
# "(SOUTHERN POVERTY LAW CENTER)").
_SHOUTED_WORDS = frozenset("""i me my we our you your it this that they them is are was were be not no so at
    all just what who why how""".split())  # not "us": "(US$16,500)", "(US AIR FORCE)"
# A conversational opener heading an aside, then its comma.
_ASIDE_OPENER_RE = LazyPattern(re.compile, r"[\s*]*(?:So|Well|Yeah|Yep|Nope|Oh|Ah|Hey|Look|Listen|Sure|Okay|OK),\s")
_VOCATIVE_TRIGGERS = frozenset({"folks", "people", "kids", "friends", "dear", "reader", "readers", "ladies", "y", "madam",
                                "mister", "mr", "mrs", "ms", "senator", "governor", "congressman", "congresswoman"})
# The asides' own searches that need a "you" (is_parenthetical_aside), with the gates above for the test.
_GATES += ((_SECOND_PERSON_SUBJECT_RE, _SECOND_PERSON_TRIGGERS), (_POINTER_RE, _SECOND_PERSON_TRIGGERS),
           (_ATTITUDE_ENDING_RE, _ATTITUDE_ENDING_TRIGGERS), (_VOCATIVE_RE, _VOCATIVE_TRIGGERS))
_ASIDE_THRESHOLD = 3.0
_WH_WORDS = frozenset({"who", "whom", "whose", "why", "what", "how", "where", "when"})
# The pejoratives of _EVALUATIVE_WORDS that reporting never uses in its own voice: a parenthesis of a few words
# holding one is the writer's verdict ("(an absurd excuse)"). Not "false", "wrong", "criminal", "fake" or
# "so-called", which a reporter's own aside can hold ("(a false alarm)", "(the so-called caliphate)").
_PEJORATIVE = frozenset("""laughable laughably absurd absurdly ridiculous ridiculously ludicrous preposterous insane
    insanely idiotic stupid moronic pathetic disgraceful shameful shameless despicable pitiful hilarious""".split())
_VERDICT_WORDS = 6
_CLOSING_QUOTES = ("”", '"', "’", "'", "»")


# The words a quotation closing right before an aside holds, that the aside may take up again: the writer's
# ironic echo of the quoted term ('the very "wealthy" (define wealthy)', 'a "witch hunt" (it was not a witch
# hunt)', '"security concerns" (right, security)'). Short words and function words echo by chance.
_ECHO_STOPWORDS = frozenset("""that this with have were will would they them their there what when which from been
    said says into than then about also just only very more most some such your over""".split())
_OPENING_OF = {"”": "“", '"': '"', "’": "‘", "'": "'", "»": "«"}


def _quoted_words(before: str) -> frozenset[str]:
    """The words (in lower case, four letters or more, not _ECHO_STOPWORDS) of the quotation `before` ends
    with, if it does."""
    tail = before.rstrip(" ,;:")
    opening = _OPENING_OF.get(tail[-1:])
    if opening is None or tail[-2:-1] in (".", "!", "?", "…"):
        return frozenset()  # none, or a sentence the aside does not belong to
    start = tail.rfind(opening, 0, len(tail) - 1)
    if start < 0 or (start and not tail[start - 1].isspace() and tail[start - 1] not in "(—–-"):
        return frozenset()  # no quotation: a possessive "workers'" or an apostrophe
    return _echo_words(tail[start + 1:-1])


def _echo_words(quoted: str) -> frozenset[str]:
    """The words of quoted text an echo may take up: in lower case (a name's, "Bridge Forward" (Forward for
    short), is taken up to shorten it), of four letters or more, not _ECHO_STOPWORDS (they echo by chance)."""
    return frozenset(word for word in _PROSE_RE.findall(quoted) if len(word) >= 4 and word not in _ECHO_STOPWORDS)


def _previous_sentence_quoted_words(before: str) -> frozenset[str]:
    """For an aside that is a sentence of its own: the words (as _quoted_words gives them) of the last
    quotation in the sentence that ended before it, closing it or attributed after it ("“This is a mandate,”
    Collins told supporters." / "… is “a formality.”")."""
    tail = before.rstrip()
    start = max((m.end() for m in _SENTENCE_BREAK_RE.finditer(tail, 0, max(0, len(tail) - 4))), default=0)
    quoted = [m.group(m.lastindex) for m in _QUOTATION_BEFORE_RE.finditer(tail, start)]
    return _echo_words(quoted[-1]) if quoted else frozenset()


# A code in capitals: an abbreviation, a ticker with its exchange, an agency ("(NATO)", "(HA.O)", "(AP)").
# But the laugh and groan of online writing are no organisation's initials: "… cuts were fair (LOL).", "(SMH)".
_CHAT_ACRONYMS = frozenset({"LOL", "LMAO", "SMH", "SMDH", "WTF", "FFS", "OMG", "IMHO"})


def _chat_acronym(inner: str, before: str) -> bool:
    """Whether a code in capitals is one of _CHAT_ACRONYMS where no name's abbreviation or ticker stands: not
    right after a capitalised word ("Shares of Lolly Holdings (LOL)", "Senator Jo Ames (WTF)")."""
    if inner.strip() not in _CHAT_ACRONYMS:
        return False
    last = before.rstrip().rsplit(None, 1)
    return not (last and last[-1][:1].isupper())
_CODE_IN_CAPITALS_RE = LazyPattern(re.compile, r"\s*[A-Z]{2,6}(?:\.[A-Z]{1,2})?\s*")


def _may_be_aside(inner: str, before: str = "") -> bool:
    """What every aside has (is_parenthetical_aside's first test, all that most parentheses meet): a length
    an aside can have, and a ? or ! or a word without which it finds nothing, a retort's first word, or a
    word of the quotation `before` ends with."""
    if len(inner) > _MAX_ASIDE_CHARS:
        return False
    if "?" in inner or "!" in inner:
        return True
    if inner.isupper() and " " in inner.strip():
        return True  # shouted, perhaps ("(WE BELIEVE IT)"): the test looks at its words
    runs = _letter_runs(inner)
    if runs is None or not runs.isdisjoint(_ASIDE_TRIGGERS):
        return True
    # A retort needs none of those words ("(it was)", "(they are)"): its first word says it may be one. Nor
    # does an echo ("(fully, he says)"), only a quotation before it.
    return (_first_word(inner) in _RETORT_FIRST_WORDS or not _quoted_words(before).isdisjoint(runs)
            or (_own_sentence(inner, before) and not _previous_sentence_quoted_words(before).isdisjoint(runs))
            or _echoed_in_marks(inner, before))


def _is_name_translation(inner: str, before: str) -> bool:
    """A short exclamation in capitals right after a name is the name's translation: "Forza Nuova (New
    Force!)", "Podemos (We Can!)"."""
    if not inner.rstrip(" .…)\"'”’*").endswith("!") or len(_WORD_RE.findall(inner)) > 4 \
            or not inner.lstrip(" *")[:1].isupper():
        return False  # "Mayor Jane Roe (wow!)" is the writer's astonishment
    last = before.rsplit(None, 1)
    return bool(last) and last[-1][:1].isupper()


def is_parenthetical_aside(inner: str, before: str = "", after: str = "", *, speech=False) -> bool:
    """Whether the text between "(" and ")" (outside any quotation) is the writer's commentary.

    `before`/`after` are a little of the paragraph on either side. Commentary here is a voice of its own:
    a question put to the reader, an exclamation, the writer as "I" or "we", the reader as "you", an
    imperative, sarcasm or evaluative words, an interjection. Everything else in parentheses (names,
    figures, glosses, translations, tickers, the reporter's own factual asides) is left as it is.
    `speech` (or a function that tells it, asked only when it matters) says the paragraph reports speech with
    no quotation mark left: an "I" or "we" there may be the speaker's restored words ("This is the least (we
    can do), the bishop said"), so it does not count.
    """
    if not _may_be_aside(inner, before):
        return False  # most parentheses: "(R-Texas)", "(AP)", "($1 = 0.92 euros)"
    punctuated = "?" in inner or "!" in inner
    if not inner.strip():
        return False
    if punctuated and _EXCLAMATION_ONLY_RE.fullmatch(inner):
        return True
    if _CODE_IN_CAPITALS_RE.fullmatch(inner) and not _chat_acronym(inner, before):
        return False  # "(HA)", "(NO)", "(WOW.N)": an abbreviation or a ticker, though it spells a word
    if punctuated and _is_name_translation(inner, before):
        return False
    if _translates_quotation(before):
        return False  # “Nous ne lâcherons rien” (We won't give up anything): the quotation's words in English
    if _INTERJECTION_RE.match(inner) or _is_exclamative(inner, whole=False):
        return True
    if _TRANSLATION_LABEL_RE.match(inner):
        return _mock_translation(inner, before)  # a translation exclaims when its original does
    if _VERDICT_RE.match(inner):
        return True
    if _after_retort(inner, after, generalising=True) is not None:
        return True  # a retort heading the aside: "(it was not, as anyone could see)", "(they didn't)"
    if inner.strip().rstrip(".!…").rstrip().lower() in _ATTITUDE_WORDS and _CLAUSE_END_RE.match(after):
        return True
    inner_runs = _letter_runs(inner)
    if _attitude_ending(inner, inner_runs):
        return True  # "(in January, naturally)": the writer's knowing nod closes the aside
    if _form_kind(inner, before, after) is not None or _FIXED_MARK_RE.fullmatch(inner):
        return False
    own = _NESTED_QUOTE_RE.sub(" ", inner) if _has_quote_char(inner) else inner
    if _has_url_start(own):
        own = _URL_IN_TEXT_RE.sub(" ", own)
    ending = own.strip().rstrip(" .…)\"'”’*")
    words = _WORD_RE.findall(own)
    # Each search below runs only when its trigger words are among the aside's letter runs (as the
    # bracket score's do): a pattern that cannot match is neither searched nor, in a run that never meets
    # its words, compiled (a Reuters correction notice, "(This story corrects ...)", used to compile them all).
    runs = inner_runs if own is inner else _letter_runs(own)
    writer_subject = len(words) >= 2 and _may_match(runs, _FIRST_PERSON_SUBJECT_TRIGGERS) \
        and _ASIDE_SUBJECT_RE.match(own) is not None and _NEWSROOM_NOTE_RE.match(own) is None
    if _GLOSS_RE.match(inner) and not writer_subject and not _stock_sarcasm(own, runs):
        # "(i.e. no criminal record)"; but "(and I mean that)" is a voice, and so is "(about two years late, but
        # who's counting)"
        return ending.endswith(("!", "?"))
    score = 0.0
    if ending.endswith("?") and (len(words) >= 3 or (words and words[0].lower() in _WH_WORDS)):
        score += 3  # a question put to the reader: "(Who else?)", "(Why not?)"
    elif "?" in own and _asks_then_goes_on(own):
        score += 3  # "(Sound like a conflict of interest? The board didn't think so.)"
    elif ending.endswith("!"):
        # An exclamation of a word or two is all voice ("(Priorities!)", "(Oh, good!)"), and so are two in a
        # row ("(On a school night! Until 11 p.m.!)"); a longer single one may be a reporter's exclaimed fact.
        score += 3 if len(words) <= 2 or own.count("!") > 1 else 2
    # An aside that is a sentence of its own, after one that ended: no speaker's words restored in a clause.
    own_sentence = _own_sentence(inner, before)
    if callable(speech) and not own_sentence:
        speech = speech()
    if speech and not own_sentence:
        pass
    elif writer_subject:
        score += 3
    elif _may_match(runs, _FIRST_PERSON_SUBJECT_TRIGGERS) and (subject := _FIRST_PERSON_SUBJECT_RE.search(own)):
        # "I" or "let's" later in the aside is the writer as surely as at its head ("(Radical stuff, I know.)",
        # "(…, but let's not be pedantic.)"): the speech of a paragraph without quotation marks is ruled out
        # above. A "we" may be the newsroom's ("(as we reported in May)").
        score += 3 if (subject.group().startswith(("I", "let", "Let")) and _NEWSROOM_NOTE_RE.match(own, subject.start()) is None
                       and _SELF_CITATION_RE.search(own, subject.start()) is None) else 1
    elif _may_match(runs, _FIRST_PERSON_TRIGGERS) and _FIRST_PERSON_RE.search(own):
        score += 1
    if not _may_match(runs, _SECOND_PERSON_TRIGGERS):
        pass  # no "you": none of the three below can match
    elif _POINTER_RE.search(own):
        pass  # "(you can watch the video below)": pointing the reader to the page, not arguing
    elif _SECOND_PERSON_SUBJECT_RE.search(own):
        score += 3
    elif _SECOND_PERSON_RE.search(own):
        score += 2
    if _stock_sarcasm(own, runs) or (_may_match(runs, _PLACEHOLDER_TRIGGERS) and _PLACEHOLDER_RE.search(own)):
        score += 3
    score += min(3.0, 1.5 * _count_evaluative(own, runs))
    if (len(words) <= _VERDICT_WORDS and any(word.lower() in _PEJORATIVE for word in words)
            and not before.rstrip(" ,;:").endswith(_CLOSING_QUOTES)):
        # "(a laughable claim)", "(how pathetic)": a verdict in a few words, nothing reported. Not right after a
        # quotation, which it translates or glosses: “Ni zurdos, ni tontos,” (Neither lefties nor stupid).
        score += 1.5
    if _may_match(runs, _PHRASE_TRIGGERS) and _PHRASE_RE.search(own):
        score += 1.5
    retort_denying = (_first_word(inner) in _RETORT_FIRST_WORDS and _may_match(runs, _NEGATION_TRIGGERS)
                      and _NEGATION_RE.search(own) is not None)
    if runs is not None and not _quoted_words(before).isdisjoint(runs):
        # The quoted words taken up again: an echo, mocking when the aside is a word or two, or a retort
        # denying them ("(it was not a witch hunt)"; not a reporter's "(a danger the court did not define)").
        score += 1.5
        if len(words) <= 3 or retort_denying:
            score += 1.5
    elif own_sentence and runs is not None and not (quoted := _previous_sentence_quoted_words(before)).isdisjoint(runs):
        # A sentence of its own after the quotation's, taking its words up: a retort denying them ("is “a
        # formality.” (It is not a formality.)"), or opening with one, set off ("“… for their patience.”
        # (Patience, and presumably a bottle of ketchup.)", "(Mandate, with 50.8%. Okay.)", "(Approved is
        # not built.)"); not a reporter's next fact ("(Housing prices rose 12 percent last year.)").
        score += 1.5
        head = _ECHO_HEAD_RE.match(own)
        if retort_denying or (head is not None and head.group(1).lower() in quoted):
            score += 1.5
    if _may_match(runs, _VOCATIVE_TRIGGERS) and _VOCATIVE_RE.search(own):
        score += 3  # the reader addressed, as "you" is
    if _ASIDE_OPENER_RE.match(own):
        score += 3  # opened as one speaks: "(So, roughly the opposite of the headline.)", "(Well, almost.)"
    elif own_sentence and _REMARK_OPENER_RE.match(own):
        score += 3  # the writer's remark on the sentence before: "(Which is to say, nobody knows.)", "(In other words, …)"
    if own_sentence and len(words) == 1 and (words[0].lower() in _EVALUATIVE_WORDS or words[0].lower() in _PEJORATIVE):
        score += 3  # a verdict in a word of its own, after a sentence: "(Shocking.)", "(Pathetic.)"
    if own.isupper() and len(shouted := [word.lower() for word in words if word.isalpha()]) >= 2 \
            and not _SHOUTED_WORDS.isdisjoint(shouted):
        score += 3  # shouted: "(YOUR TAX DOLLARS AT WORK)", "(WE BELIEVE IT)"; not a name or an agency in capitals
    if _may_match(runs, _ASIDE_IMPERATIVE_TRIGGERS) and (imperative := _aside_imperative(own)):
        score += 1.5 if imperative.group("verb").split(None, 1)[0].lower() in _POINTING_VERBS else 3
    if _echoed_in_marks(inner, before):
        score += 3  # the speaker's own word quoted back at them: "(a 'gift' taxpayers will be paying off)"
    return score >= _ASIDE_THRESHOLD


# A fact-checker's verdict heading the bracket, then a stop: "[False. The company's own filing says …]",
# "(Not true.)", "[Misleading: …]". No speaker's word is restored so.
_VERDICT_RE = LazyPattern(re.compile,
    r"[\s*]*(?:False|True|Untrue|Wrong|Incorrect|Inaccurate|Misleading|Not\s+(?:true|so|quite|really)|Mostly\s+(?:false|true)|"
    r"Half[\s-]true|Pants\s+on\s+fire|Fact[\s-]check)\s*(?:[.!:;—–]|\s-\s|$)")


# "Translation:" heading a gloss: a translation of foreign words, or, after English, the writer's decoding of
# what was said ("The whip count is “fluid.” (Translation: they do not have the votes yet.)").
_TRANSLATION_LABEL_RE = LazyPattern(re.compile, r"[\s*]*(?:translation|translated|in\s+plain\s+english)\s*:\s*\S",
                                    re.IGNORECASE)
# "X [read: Y]": the writer reading between the lines of what comes before, saying what the words "really" mean
# ("a more efficient government [read: fewer inspectors]"), in a bracket as _INTERJECTION_RE takes it in
# parentheses. A gloss that names a referent opens with "i.e." or "meaning"; this one argues. In lower case:
# "[Read: the full ruling]" points to a link.
_READ_GLOSS_RE = LazyPattern(re.compile, rf"[\s*]*{_READ_GLOSS}")
# English function words, and function words of the languages a report most often quotes and translates
# that are no English words (Spanish, French, Italian, Portuguese, German, Dutch).
_ENGLISH_WORDS = frozenset("""the is are was were be been to of and that this with will would not we they you it
    for have has had our their its do does did but from what who can could should""".split())
_FOREIGN_WORDS = frozenset("""el la los las le les der das und ni que et est il non di del des du un une y por para
    con sind wir ist nicht ne pas je nous vous ich mi tu su es al lo se een het og och ao dos nao ele ela""".split())
_SENTENCE_TAIL = 150  # how far back the glossed sentence is read
_LETTERS_RE = LazyPattern(re.compile, r"(?<![\w’'-])[A-Za-z]{2,}")


def _mock_translation(inner: str, before: str) -> bool:
    """Whether the bracket "translates" English: "Translation:" after a sentence in English (two English
    function words or more, a fifth of its words in lower case), and after a quotation with no foreign word or letter in
    it ("¡Viva el rey!", "Wir sind das Volk" are translated; "Allahu akbar" is in no English sentence)."""
    if _TRANSLATION_LABEL_RE.match(inner) is None:
        return False
    tail = before.rstrip()[-_SENTENCE_TAIL:]
    sentence = _SENTENCE_BREAK_RE.split(tail.rstrip(".!?”\"’' "))[-1]
    quoted = [m.group(m.lastindex) for m in _QUOTATION_BEFORE_RE.finditer(tail)]
    if quoted and (not quoted[-1].isascii() or not _FOREIGN_WORDS.isdisjoint(_PROSE_RE.findall(quoted[-1].lower()))):
        return False
    # Words in lower case, and function words capitalised ("The whip count …"): a name ("District Attorney
    # Carla Mendes") is of no language.
    words = [word.lower() for word in _LETTERS_RE.findall(sentence) if word[0].islower() or word.lower() in _ENGLISH_WORDS]
    english = sum(word in _ENGLISH_WORDS for word in words)
    return english >= 2 and english * 5 >= len(words)


# The aside's first word of four letters or more, past short ones ("No single company."), set off by a pause
# or denied ("Approved is not built").
_ECHO_HEAD_RE = LazyPattern(re.compile,
    r"[\s*“\"]*(?:[A-Za-z]{1,3}\s+){0,2}([A-Za-z’'-]{4,})(?=\s*[,.;:!?…—–]|\s+(?:is|was|are|were)\s+not\b)")
# The newsroom's "we" telling what it did to check the story: "(We have reached out to Acme for comment.)",
# "(We asked her office for the figures; it has not replied.)", "(We could not verify that figure.)". Not the
# writer's voice, though it says "we"; what follows it may still be ("… Draw your own conclusions.").
# The writer pointing to their own text, as a newsroom's "as we reported" does: "(which I have written about
# here)", "(as I show in great detail below)", "(as I noted last week)".
_SELF_CITATION_RE = LazyPattern(re.compile,
    r"\bI\s+(?:have\s+|had\s+|also\s+)?(?:wr[io]te|written|show(?:ed|n)?|do|did|noted|reported|explained|discussed|"
    r"detailed|documented|mentioned|covered|described|linked)\b.*\b(?:here|above|below|before|previously|elsewhere|"
    r"earlier|last\s+(?:week|month|year)|at\s+length|in\s+(?:detail|depth))\b", re.DOTALL)
_NEWSROOM_NOTE_RE = LazyPattern(re.compile,
    r"[\s*]*(?:We|I)(?:[’']ve|\s+have|\s+had|\s+also)?\s+(?:asked|reached\s+out|contacted|requested|emailed|called|"
    r"sought|could\s+not\s+(?:independently\s+)?(?:verify|confirm|reach)|(?:have\s+)?not\s+(?:been\s+able\s+to\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|verify|confirm|tested)|were\s+(?:not\s+)?(?:un)?able\s+to|will\s+update|"
    r"did\s+not\s+(?:hear\s+back|receive))\b")


def is_newsroom_note(text: str) -> bool:
    """Whether a sentence (or an aside, its parenthesis dropped) is the newsroom telling what it did to check
    the story (_NEWSROOM_NOTE_RE): its "we" is no editorial voice (NL301 passes over it)."""
    return _NEWSROOM_NOTE_RE.match(text.lstrip(" \t([")) is not None


_SENTENCE_ENDED_RE = LazyPattern(re.compile, r"[.!?…][”\"’')\]]{0,3}\s*\Z")  # the stop, then closing marks


def _own_sentence(inner: str, before: str) -> bool:
    """Whether the aside is a sentence of its own: it follows a sentence's end and is one, from a capital
    to its stop."""
    stripped = inner.strip(" \t*")
    return (stripped[:1].isupper() and stripped[-1:] in ".!?…" and len(stripped) > 3
            and _SENTENCE_ENDED_RE.search(before) is not None)


_ECHO_REACH = 80  # how far back the words an exclaimed echo repeats are looked for


def _echo_exclaimed(inner: str, before: str) -> bool:
    """A bracket that repeats the words just before it with an exclamation mark: "about $1.1 million per
    apartment [per apartment!]". The writer's astonishment; no word is restored by repeating it."""
    if "!" not in inner or "?" in inner:
        return False
    words = _WORD_RE.findall(inner.lower())
    if not words or len(words) > 4:
        return False
    near = set(_WORD_RE.findall(before[-_ECHO_REACH:].lower()))
    return all(word in near for word in words)


# A sentence in brackets about the page or a source rather than the story: a credit or citation heading it
# ("[Source: Reuters.]", "[Via Fox News.]", "[Hat tip: Instapundit.]"), a content warning, or the words of a
# page pointing to its parts ("[The full transcript is below.]", "[A copy of the letter is posted here.]",
# "[This post has been updated.]", "[The video is no longer available.]").
_CREDIT_LEAD_RE = LazyPattern(re.compile,
    r"[\s*]*(?:Sources?|Via|H/T|HT|Hat\s+tip|Credit|Courtesy|(?:Trigger\s+|Content\s+)?Warning|Caution|Pictured|Above|"
    r"Below|Inset|Top|Left|Right)\b|"
    # An outlet cited by its name of two words or more and a colon, its headline after ("[The Hill: Senate
    # Democrats weigh options.]"; one word and a colon, "[Reality: …]", may head the writer's own retort),
    # and a pointer to more of the story ("[Politico has more.]", "[More from the AP.]").
    r"[\s*]*(?-i:The\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2}|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){1,3})\s*:|.{0,60}?\b(?:has|have)\s+more\b|[\s*]*More\s+(?:from|at|on|in)\b",
    re.IGNORECASE)
_PAGE_WORDS = frozenset("""below above here link links post posted story article video videos audio transcript copy
    updated update statement photo photos chart graphic graphics content excerpt excerpts available embedded
    page pages website site full text""".split())


def _notes_the_page(inner: str, runs: set[str] | None) -> bool:
    """Whether a sentence in brackets reports, cites, credits or warns, or speaks of the page (_PAGE_WORDS)."""
    return (_ATTRIBUTION_RE.match(inner) is not None or _REFERENCE_RE.match(inner) is not None
            or _CREDIT_LEAD_RE.match(inner) is not None or runs is None or not runs.isdisjoint(_PAGE_WORDS))


# What follows a sentence of its own: the paragraph's end or the next sentence (not ", one passage reads").
_NEXT_SENTENCE_RE = LazyPattern(re.compile, r"\s*(?:$|[A-Z“\"‘'(\[—–])")
# A reference to a place in a work, a citation's form: "[Kindle location 1412.]", "[p. 45]", "[Section 3.]".
_REFERENCE_RE = LazyPattern(re.compile,
    r"\s*(?:Kindle\s+)?(?:locations?|loc\.|pages?|pp?\.|chapters?|ch\.|paragraphs?|para\.|sections?|§|vol\.|volume|"
    r"footnotes?|fig\.|figures?|tables?|appendix|exhibit|lines?)\s*\d", re.IGNORECASE)


def _translates_quotation(before: str) -> bool:
    """Whether the text before an aside ends with a quotation in another language (a letter outside ASCII
    or a function word of _FOREIGN_WORDS, and no English one): the aside is its translation."""
    tail = before.rstrip(" ,")
    if tail[-1:] not in _CLOSING_QUOTES:
        return False
    quoted = [m for m in _QUOTATION_BEFORE_RE.finditer(tail[-_SENTENCE_TAIL:])]
    if not quoted or quoted[-1].end() < len(tail[-_SENTENCE_TAIL:]):
        return False
    inner = quoted[-1].group(quoted[-1].lastindex)
    words = _LETTERS_RE.findall(inner.lower())
    return (bool(words) and not any(word in _ENGLISH_WORDS for word in words)
            and (any(ch.isalpha() and not ch.isascii() for ch in inner) or not _FOREIGN_WORDS.isdisjoint(words)))


# A sentence in an aside that ends with a question mark and another that follows it.
_QUESTION_GOES_ON_RE = LazyPattern(re.compile, r"\?[\s”\"’']+(?=[A-Z])")
_SENTENCE_BREAK_RE = LazyPattern(re.compile, r"[.!?][\s”\"’')]+")


def _asks_then_goes_on(own: str) -> bool:
    """Whether an aside asks a question of three words or more (or a wh-question) and then goes on."""
    m = _QUESTION_GOES_ON_RE.search(own)
    if m is None:
        return False
    question = _WORD_RE.findall(_SENTENCE_BREAK_RE.split(own[:m.start()])[-1])
    return len(question) >= 3 or (bool(question) and question[0].lower() in _WH_WORDS)


# A label heading an aside, a word or three and a colon: "Related:", "Bonus:", "Also worth noting:".
_LEADING_LABEL_RE = LazyPattern(re.compile, r"[\s*]*[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){0,2}[ \t]*:[ \t]*")


def _aside_imperative(own: str) -> re.Match[str] | None:
    """_ASIDE_IMPERATIVE_RE at the start of the aside, after a label heading it, or at the start of a later
    sentence of it: "(The grand scheme of things is a $1.9 billion budget. Do the math.)"."""
    m = _ASIDE_IMPERATIVE_RE.match(own)
    if m is None and (label := _LEADING_LABEL_RE.match(own)) is not None:
        m = _ASIDE_IMPERATIVE_RE.match(own, label.end())  # "(Related: Guess which party has run both cities.)"
    if m is None:
        for brk in _SENTENCE_BREAK_RE.finditer(own):
            if (m := _ASIDE_IMPERATIVE_RE.match(own, brk.end())) is not None:
                break
    return m


# A word or short phrase in quotation marks inside an aside, and the quotations of the text before it.
_MARKS_OPENING = ("“", '"', "‘", "'")
_MARKED_PHRASE_RE = LazyPattern(re.compile, r"(?:^|(?<=[\s(\[—–-]))[“\"‘']([^“”\"‘’'\n]{2,40})[”\"’'](?!\w)")
_QUOTATION_BEFORE_RE = LazyPattern(re.compile, r"“([^“”]{2,400})”|\"([^\"\n]{2,400})\"|(?:^|(?<=\s))‘([^‘\n]{2,400}?)’(?!\w)"
                                                r"|(?:^|(?<=\s))'((?:[^'\n]|(?<=\w)'(?=\w)){2,400}?)'(?!\w)")


def _echoed_in_marks(inner: str, before: str) -> bool:
    """Whether the aside puts in quotation marks a word of a quotation shortly before it: the writer
    quoting the speaker's own word back in mockery ("came back “refreshed”" / "(the ‘refreshed’
    senators …)"; "called it “our gift to the city” (a ‘gift’ taxpayers will pay off …)"). Words in lower
    case only, of four letters or more: a name or a defined term ("the “Act”") is quoted to shorten it."""
    if not any(mark in inner for mark in _MARKS_OPENING):
        return False  # most asides: no quotation mark
    marked = frozenset().union(*(_echo_words(m.group(1)) for m in _MARKED_PHRASE_RE.finditer(inner)))
    if not marked:
        return False
    return any(not marked.isdisjoint(_PROSE_RE.findall(m.group(m.lastindex)))
               for m in _QUOTATION_BEFORE_RE.finditer(before))


# --- Parenthesised editor's notes in plain text ---------------------------------------------------------
# The lookahead first asks for a colon or dash before the next parenthesis, as every label's separator is
# one: "(Reuters)", "(R-Texas)" and most other parentheses then fail at their first few characters, instead
# of in each of the labels' forty-odd branches. (200 characters hold any label and its spaces.)
_SEPARATOR_AHEAD = r"\((?=[^():—–-]{0,200}+[:—–-])"
_PAREN_NOTE_START_RE = LazyPattern(re.compile,
    rf"{_SEPARATOR_AHEAD}(?P<label>{_NAMED_LABEL})\s*(?::|[—–]|\s-\s|--)", re.IGNORECASE)
# The lookahead alone, asked first: it compiles in a hundredth of the time, and a run whose parentheses hold
# no colon or dash (a wire lead's "(Reuters)") never compiles the labels' pattern (~4 ms).
_LABEL_SEPARATOR_AHEAD = LazyPattern(re.compile, _SEPARATOR_AHEAD)
# Initials need prose after the colon: "(NYSE: IBM)" is a ticker.
_PAREN_INITIALS_START_RE = LazyPattern(re.compile, r"\((?P<label>[A-Z]{2,4}|[Ee]ditor)\s*:(?!\s*[“\"‘'«„])"
                                      r"(?=[^)]*?(?<![\w’'-])[a-z]{2})")
# What may follow the "(" of a _PAREN_NOTE_START_RE match: the first letters of _NAMED_LABEL, either case (no
# other character matches them under IGNORECASE).
_NAMED_LABEL_FIRST = frozenset("EeNnWwPpMmAaBbHhUuFfDdSsſRrOoJjIiİıCcQq")


# The other ways a parenthesised note opens: a lower-case "ed." and the writer's "Note the ...", "Note too, ...".
_PAREN_OTHER_START_RE = LazyPattern(re.compile, r"\((?P<label>ed\.)(?=,?\s+(?!by\b)\S)"
                                   r"|\((?P<imperative>Note|Notice|NB)(?=\s+(?:too|also|well|that|how|the|this|here|"
                                   r"again)\b)")


def find_editor_notes(text: str, markers: tuple[str, ...] = (), *, asides: bool = False,
                      quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (), speech=None
                      ) -> list[tuple[int, int, str | None]]:
    """The notes of read_parentheses(text, ...): editor's notes and, with `asides`, the writer's asides."""
    return read_parentheses(text, markers, asides=asides, quoted=quoted, speech=speech)[0]


def read_parentheses(text: str, markers: tuple[str, ...] = (), *, asides: bool = False,
                     quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (), speech=None
                     ) -> tuple[list[tuple[int, int, str | None]], list[tuple[int, int]]]:
    """What the parentheses of a paragraph hold: (notes, marks).

    Notes: editor's notes in parentheses, "(Editor's note: ...)", "(ZH: ...)", as (start, end, label).

    The span includes both parentheses; nested parentheses inside the note are balanced. A note whose
    closing parenthesis never comes is not reported (its extent is unknown); scanning resumes after it.
    A labelled notice about the text ("(Editor's note: ... contains language some readers may find
    offensive)") is not a note of anybody's opinion and is not reported.

    With `asides`, unlabelled parentheses that read as the writer's commentary are reported too, with the
    label None (see `is_parenthetical_aside`); none that lies in a `quoted` (start, end) range of `text`:
    parentheses inside a quotation are the speaker's or a clarification. `speech`: see
    `is_parenthetical_aside`; None works it out from `text` (`speech_without_marks`) when it matters.

    Marks: the (start, end) of each editing mark or pointing gloss, "(sic)", "(…)", "(emphasis added)",
    "(i.e. no criminal record)" (see _PAREN_MARK_START_RE), where no note is; parentheses included. A
    parenthesis holding another is none. Both are read in one walk over the "(" of the text.
    """
    starts: list[tuple[int, str]] = []
    mark_starts: list[int] = []
    # Each pattern is tried at each "(" rather than searched for: a match holds no "(" but its first, so
    # these are exactly the matches of its finditer, and the label's first letter and the initials'
    # colon say cheaply where trying is useless (two finditer scans cost ~2 µs a paragraph).
    colon = ":" in text
    opening = []
    pos = text.find("(")
    while pos != -1:
        opening.append(pos)
        follower = text[pos + 1:pos + 2]
        if (follower in _NAMED_LABEL_FIRST and _LABEL_SEPARATOR_AHEAD.match(text, pos)
                and (m := _PAREN_NOTE_START_RE.match(text, pos))):
            starts.append((pos, " ".join(m.group("label").split())))
        elif follower in "eN" and (m := _PAREN_OTHER_START_RE.match(text, pos)):
            starts.append((pos, m.group("label") or m.group("imperative")))
        if colon and (m := _PAREN_INITIALS_START_RE.match(text, pos)) and m.group("label") not in _NOT_INITIALS:
            starts.append((pos, m.group("label")))
        if follower in _PAREN_MARK_FIRST and _PAREN_MARK_START_RE.match(text, pos):
            mark_starts.append(pos)
        pos = text.find("(", pos + 1)
    starts.sort()
    if markers:
        for marker in _clean_markers(markers):
            for m in re.finditer(rf"\({re.escape(marker)}\.?\s*(?::|[—–]|\s-\s|--)", text):
                starts.append((m.start(), marker))
        starts.sort()
    if not starts and (not asides or (_all_within(text, opening, quoted) and not _any_interjection(text, opening))):
        return [], _editing_marks(text, mark_starts, ())
    closes = _matching_parentheses(text)
    notes: list[tuple[int, int, str | None]] = []
    resume = 0
    for start, label in starts:
        if start < resume:
            continue  # inside a note already found
        end = closes.get(start)
        if end is None:
            continue
        if is_notice(text[start + 1:end - 1]):
            continue
        notes.append((start, end, label))
        resume = end
    if asides:
        notes = _add_asides(text, notes, closes, quoted,
                            speech if speech is not None else lambda: speech_without_marks(text))
    return notes, _editing_marks(text, mark_starts, notes)


def _editing_marks(text: str, starts: list[int], notes) -> list[tuple[int, int]]:
    """The editing marks and glosses of read_parentheses among the parentheses opening at `starts`."""
    marks = []
    for start in starts:
        end = text.find(")", start + 1)
        if end != -1 and "(" not in (inner := text[start + 1:end]) and (
                _PAREN_GLOSS_RE.fullmatch(inner)
                or (_FIXED_MARK_RE.fullmatch(inner) and inner.strip(" .") not in ("?", "!"))) \
                and not any(s <= end and start < e for s, e, _ in notes):
            marks.append((start, end + 1))
    return marks


# --- Editing marks in parentheses ------------------------------------------------------------------------
# Writers and editors mark the text in parentheses as they do in brackets: "(sic)", an elision "(…)",
# "(emphasis added)", and a gloss that names what a word refers to, "(i.e. no criminal record)". These are
# clarifications: they restore or point, they do not argue. The opening words of _FIXED_MARK_RE's marks
# and of a pointing gloss, tried at each "(" whose next character can open one.
_PAREN_MARK_START_RE = LazyPattern(re.compile,
    r"\(\s*(?:sic\b|\.\s?\.\s?\.|…|emphas[ie]s\b|italics\b|bold|underlining\b|capitals\b|caps\b|highlighting\b|"
    r"original\s+emphasis|my\s+emphasis|our\s+emphasis|translat|paraphras|i\.\s?e\.|that\s+is,|namely\b)",
    re.IGNORECASE)
_PAREN_MARK_FIRST = frozenset(" \t\n.…sSeEiIbBuUcChHoOmMtTpPnN")
# A gloss that points at a referent. One that exclaims or asks ("(i.e., the bishop!)") is an aside.
_PAREN_GLOSS_RE = LazyPattern(re.compile, r"\s*(?:i\.\s?e\.|that\s+is,|namely\b)[^!?]*", re.IGNORECASE | re.DOTALL)


def _is_interjection(inner: str) -> bool:
    """Whether a parenthesis holds only one of the writer's interjections (_BRACKET_INTERJECTION_RE): inside a
    quotation, as in a bracket there, it restores no word of the speaker's ("spent $4 million (sigh) on …"). A
    transcript's "(laughs)" is a stage direction, not one."""
    words = inner.lstrip(" \t*").split(None, 1)
    if len(inner) > _MAX_INTERJECTION_CHARS or not words:  # (white space of any kind alone: "(\t\n)")
        return False
    first = words[0].lower().rstrip(",.!?…")
    # Most parentheses in quotations ("(AP)" of a dateline, "(R-Texas)") fail on their first word.
    return (first in _INTERJECTION_FIRST_WORDS or first.startswith(("hmm", "haha"))) and \
        (_BRACKET_INTERJECTION_RE.fullmatch(inner) is not None or _is_exclamative(inner, whole=True))


_MAX_INTERJECTION_CHARS = 40  # the longest, "what could possibly go wrong?", with room to spare
# The first word of each of _BRACKET_INTERJECTION_RE's alternatives (but "hmm…" and "haha…", tested by their
# start), lower-cased: a test checks them against the pattern.
_INTERJECTION_FIRST_WORDS = frozenset("""whoa wow ahem sigh wink lol oops ugh duh yikes sheesh alas gulp d’oh d'oh shudder
    natch lmao smdh wtf ffs omg imho yawn go imagine who as eye tough eyeroll eye-roll face facepalm face-palm smh sure heh whoops so bless not ha yes no
    checks
    whatever good what nice how
    yeah you surprise big shocker rolls roll sort kind supposedly slow golf crickets drum drumroll sad mic head
    headdesk shocked cough citation""".split())
# Their first letters, asked first of a parenthesis in a quotation. Not "r": "(Reuters)" opens every Reuters
# lead, and "(rolls eyes)" inside a quotation is left as the speaker's gesture.
_INTERJECTION_FIRST_LETTERS = frozenset(" \t*" + "".join(word[0] for word in _INTERJECTION_FIRST_WORDS)) - {"r"}


def _any_interjection(text: str, opening: list[int]) -> bool:
    """Whether a parenthesis opening at one of `opening` and closing within _MAX_INTERJECTION_CHARS holds only
    an interjection (_is_interjection)."""
    for pos in opening:
        if text[pos + 1:pos + 2].lower() not in _INTERJECTION_FIRST_LETTERS:
            continue  # "(Reuters)" of a dateline, "(R-Texas)": no interjection starts so
        close = text.find(")", pos + 1, pos + 2 + _MAX_INTERJECTION_CHARS)
        if close != -1 and _is_interjection(text[pos + 1:close]):
            return True
    return False


def _all_within(text: str, opening: list[int], quoted) -> bool:
    """Whether each parenthesis opening at `opening` closes inside the `quoted` range that holds its "(",
    with no other "(" before its ")": then no aside can be found (_add_asides passes over every
    parenthesis that lies in a quoted range), and the parentheses need not be matched. Most wire leads
    hold one parenthesis, their dateline's "(Reuters)", which is such a range."""
    for pos in opening:
        for start, end in quoted:
            if start <= pos < end:
                # No "(" between: the first ")" closes this one (or a blank line before it leaves it
                # unclosed, and an unclosed parenthesis is no aside either).
                close = text.find(")", pos + 1, end)
                if close == -1 or text.find("(", pos + 1, close) != -1:
                    return False
                break
        else:
            return False
    return True


def _add_asides(text: str, notes: list, closes: dict[int, int], quoted, speech) -> list:
    # Song lyrics ("[Verse 1: ...] ... (Do what you want to do)") and a block that is nearly all parentheses
    # carry no prose for an aside to interrupt.
    head = text.lstrip()
    if head.startswith("[") and _LYRIC_HEADER_RE.match(head, 1):
        return notes
    if len(closes) > 1 and 5 * sum(end - start for start, end in closes.items()) > 4 * len(text.strip()):
        return notes  # four fifths of it in several parentheses (one is a paragraph-long aside)
    taken = [(s, e) for s, e, _ in notes]
    found = []
    single_quoted = None  # worked out when an aside is found
    resume = 0
    for start in sorted(closes):
        if start < resume:
            continue  # inside a parenthesis already looked at: only the outermost is an aside
        end = closes[start]
        resume = end
        if taken and any(s <= start < e for s, e in taken):
            continue
        if any(s <= start and end <= e for s, e in quoted):
            if _any_interjection(text, (start,)):
                found.append((start, end, None))  # "(sigh)", "(LOL)" inside a quotation: the writer's
            continue
        inner = text[start + 1:end - 1]
        before = text[max(0, start - 200):start]  # the text after it is cut out only for the few that pass
        if _may_be_aside(inner, before) and is_parenthetical_aside(inner, before, text[end:end + 200], speech=speech):
            if single_quoted is None:
                single_quoted = _single_quoted(text)
            if not any(s <= start and end <= e for s, e in single_quoted):
                found.append((start, end, None))
    if not found:
        return notes
    return sorted(notes + found)


# A quotation in single marks, as British papers print them ('We will (and I mean it) fight on,' he said):
# opened after a space, a bracket, a colon or a dash, closed before a space or punctuation, so the
# apostrophes of "don't" and "Iran's" neither open nor close one.
_SINGLE_QUOTED_RE = LazyPattern(re.compile, r"(?:(?<=^)|(?<=[\s(\[:—–-]))[‘'](?=\S).*?(?<=\S)[’'](?=[\s,.;:!?)\]—–-]|$)")


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Where single-marked quotations lie in a paragraph (a parenthesis there is the speaker's)."""
    if "‘" not in text and "'" not in text:
        return []
    return [m.span() for m in _SINGLE_QUOTED_RE.finditer(text)]


_PAREN_RE = LazyPattern(re.compile, r"[()]|\n[ \t]*\n")


def _matching_parentheses(text: str) -> dict[int, int]:
    """For each "(" that closes within its paragraph: its offset -> the offset just past its ")".

    One pass with a stack, so a text full of unclosed parentheses costs no more than a tidy one.
    """
    open_at: list[int] = []
    closes: dict[int, int] = {}
    if "\n" not in text:
        # A block's own text holds no blank line: the parentheses are found with str.find (a C loop),
        # ~40 µs a wire story less than a regex scan that tests every character against a class.
        opening, closing = text.find("("), text.find(")")
        while closing != -1:
            if opening != -1 and opening < closing:
                open_at.append(opening)
                opening = text.find("(", opening + 1)
            else:
                if open_at:
                    closes[open_at.pop()] = closing + 1
                closing = text.find(")", closing + 1)
        return closes
    for m in _PAREN_RE.finditer(text):
        token = m.group()
        if token == "(":
            open_at.append(m.start())
        elif token == ")":
            if open_at:
                closes[open_at.pop()] = m.end()
        else:  # a blank line: whatever is still open never closes
            open_at.clear()
    return closes


# --- Paragraphs that are the republisher's notes ----------------------------------------------------------
# A label opening a paragraph: "Editorial comment:", "Webmaster's Commentary:", "Editor's note —".
_PARAGRAPH_LABEL_RE = LazyPattern(re.compile,
    rf"[ \t]*(?P<label>Editor(?:{_APOS}s|s{_APOS}?)?\s+(?:note|comment|commentary)|Editorial\s+(?:note|comment|commentary)"
    rf"|Ed\.?\s+note|Eds?\.|Note\s+from\s+the\s+editor"
    rf"|(?:Webmaster|Publisher|Moderator|Author|Blogger){_APOS}s\s+(?:note|comment|commentary)"
    # A republishing site's comment under the story it reposts ("Comment: Meanwhile, …"), with its words on
    # the same line: alone, "Comment:" is as often a comment form's field.
    r"|(?P<bare>Comment(?:ary)?)"
    r"|Update)[ \t]*(?P<sep>:|[—–]|\s-\s|--)",
    re.IGNORECASE)
# A blogger opening a post with their own introduction: "Yves here. This piece ...", "Lambert here:".
_BLOGGER_INTRO_RE = LazyPattern(re.compile, r"[ \t]*(?P<label>[A-Z][a-z]{1,20}\s+here)[.:]\s+\S")
# Speech reported without a quotation mark, or a transcript of timestamped posts ("[0621 EST] - ...").
_QUOTE_MARK_CHARS = ("\"", "“", "”", "«", "»", "„")
_SPEECH_RE = LazyPattern(re.compile, r"\b(?:said|says|told|tweeted|wrote|added|according\s+to)\b")
_POST_TIMESTAMP_RE = LazyPattern(re.compile, r"\[\d{3,4}\s+[A-Z]{2,4}\]")


def is_post_transcript(text: str) -> bool:
    """Whether a paragraph is a transcript of timestamped posts ("[0621 EST] - ..."): all quoted words."""
    return "[" in text and _POST_TIMESTAMP_RE.search(text) is not None


def speech_without_marks(text: str) -> bool:
    """Whether a paragraph reports speech with no quotation mark left (scraped copy often loses them)."""
    return not any(mark in text for mark in _QUOTE_MARK_CHARS) and _SPEECH_RE.search(text) is not None


def commentary_paragraph_label(text: str, start: int, end: int, markers: tuple[str, ...] = (),
                               intro: bool = False) -> str | None:
    """The label of a paragraph text[start:end] that is an editor's or blogger's note, else None; the
    label ends with ":" when the paragraph holds nothing else (its note is the next paragraph).

    `intro` says the paragraph opens the article, where a blogger introduces the piece ("Yves here.").
    A notice about the text ("EDITOR'S NOTE — This story contains graphic descriptions") is not a note.
    """
    first = text[start:start + 1]
    m = None
    if first in _PARAGRAPH_LABEL_FIRST or first in " \t":
        m = _PARAGRAPH_LABEL_RE.match(text, start, end)
    label = None
    if m:
        label, rest_at = " ".join(m.group("label").split()), m.end()
    else:
        for marker in _clean_markers(markers) if markers else ():
            mm = re.compile(rf"[ \t]*{re.escape(marker)}\.?[ \t]*(?::|[—–]|\s-\s|--)").match(text, start, end)
            if mm:
                label, rest_at = marker, mm.end()
                break
    if label is None:
        if intro and first.isupper() and (m := _BLOGGER_INTRO_RE.match(text, start, end)):
            return " ".join(m.group("label").split())
        return None
    rest = text[rest_at:end]
    if not rest.strip():
        return None if m is not None and m.group("bare") else label + ":"
    if is_notice(rest, label):
        return None
    return label


_PARAGRAPH_LABEL_FIRST = frozenset("EeWwPpMmAaBbNnUuCc")  # the first letters of _PARAGRAPH_LABEL_RE's labels
