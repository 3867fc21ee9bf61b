"""Vocabulary and surface patterns of English temporal expressions, kept as data.

`timex.py` compiles `PATTERNS` (each a regular expression written with the
`{NAME}` pieces of `PIECES`) and gives every pattern a resolver of the same name.
"""

from __future__ import annotations

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Months of each season, for "last summer" to know whether this year's is over.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "another": 1,
    "an additional": 1,
    "an extra": 1,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "final": -1,
    "last": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

CENTURY_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

# A month or season named alone is a date only after one of these ("in May"; not "May I").
MONTH_PREPOSITIONS = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "during",
    "of",
    "before",
    "after",
    "to",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "this",
    "next",
    "each",
    "every",
    "and",
    "or",
    "on",
    "the",
    "for",
    "a",
    "an",
}
# Words between a verb and the date it dates: "rose in December", "completed by Dec. 15".
DATE_PREPOSITIONS = {"on", "in", "by", "until", "till", "through", "during", "of", "from", "to", "since", "mid"}
SEASON_PREPOSITIONS = {
    "in",
    "during",
    "by",
    "until",
    "since",
    "over",
    "through",
    "throughout",
    "this",
    "the",
    "of",
    "into",
    "for",
}

# TIMEX3 duration units: (letter, count of that letter per unit, is a clock unit after "T").
UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "year": ("Y", 1, False),
    "quarter": ("M", 3, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
# A fraction of these is written in the next smaller unit: (that unit's letter, how many per unit).
HALF_UNITS = {"hour": ("M", 60), "minute": ("S", 60), "year": ("M", 12)}
# Unknown counts of decades and centuries ("decades") have their own letters.
VAGUE_UNIT_LETTERS = {"decade": "E", "century": "CE"}

# Modifier words and the TIMEX3 `mod` they give.
POSITION_MODS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "late": "END",
    "the end of": "END",
    "mid": "MID",
    "the middle of": "MID",
}
QUANTITY_MODS = {
    "almost": "LESS_THAN",
    "nearly": "LESS_THAN",
    "less than": "LESS_THAN",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "a mere": None,
    "only": None,
}

# Holidays: a fixed (month, day), days after Easter Sunday, or the nth weekday of a month (-1: the last).
# ("fixed", month, day), ("easter", days after Easter Sunday), ("nth", month, ISO weekday, nth; -1 the last)
HOLIDAYS: dict[str, tuple[str, int] | tuple[str, int, int] | tuple[str, int, int, int]] = {
    "christmas eve": ("fixed", 12, 24),
    "christmas day": ("fixed", 12, 25),
    "christmas": ("fixed", 12, 25),
    "new year's eve": ("fixed", 12, 31),
    "new year's day": ("fixed", 1, 1),
    "valentine's day": ("fixed", 2, 14),
    "halloween": ("fixed", 10, 31),
    "boxing day": ("fixed", 12, 26),
    "easter": ("easter", 0),
    "easter sunday": ("easter", 0),
    "easter monday": ("easter", 1),
    "good friday": ("easter", -2),
    "thanksgiving": ("nth", 11, 4, 4),
    "thanksgiving day": ("nth", 11, 4, 4),
    "memorial day": ("nth", 5, 1, -1),
    "labor day": ("nth", 9, 1, 1),
    # a holiday whose name says the one day it is (Independence, Mother's or Father's Day differ by country)
    "may day": ("fixed", 5, 1),
    "the fourth of july": ("fixed", 7, 4),
    "st. patrick's day": ("fixed", 3, 17),
    "st patrick's day": ("fixed", 3, 17),
    "saint patrick's day": ("fixed", 3, 17),
    "bastille day": ("fixed", 7, 14),
    "armistice day": ("fixed", 11, 11),
    "veterans day": ("fixed", 11, 11),
    "veterans' day": ("fixed", 11, 11),
    "martin luther king day": ("nth", 1, 1, 3),
    "martin luther king jr. day": ("nth", 1, 1, 3),
    "presidents day": ("nth", 2, 1, 3),
    "presidents' day": ("nth", 2, 1, 3),
    "columbus day": ("nth", 10, 1, 2),
}
# "Christmas tree" is a thing, not a day.
HOLIDAY_NOUNS = {
    "tree",
    "trees",
    "market",
    "markets",
    "card",
    "cards",
    "carol",
    "carols",
    "song",
    "songs",
    "lights",
    "decorations",
    "gift",
    "gifts",
    "island",
    "egg",
    "eggs",
    "bunny",
}

# TimeML gives "annually" the value XXXX (each year, any year), TimeBank and TempEval-3 alike.
SET_ADVERBS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "XXXX",
    "yearly": "XXXX",
}
# Before "quarterly" or "monthly", these make it a noun: "its initial quarterly", "a monthly".
NOUN_DETERMINERS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "initial",
    "regular",
    "special",
    "latest",
    "first",
    "this",
    "that",
}
# Words that may follow an adverb ("paid quarterly to", "rose annually since"): anything else
# after "quarterly" is the noun it modifies.
FUNCTION_WORDS = {
    "and",
    "or",
    "but",
    "since",
    "through",
    "until",
    "till",
    "for",
    "in",
    "to",
    "from",
    "at",
    "on",
    "by",
    "over",
    "throughout",
    "during",
    "with",
    "as",
    "than",
    "the",
    "a",
    "an",
    "if",
    "when",
    "while",
    "because",
    "so",
    "thereafter",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "instead",
    "of",
    "after",
    "before",
    "rather",
}


# A four-digit number after these words is a quantity, not a year ("some 2000 troops").
QUANTITY_BEFORE = {
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "than",
    "least",
    "to",
    "only",
    "just",
    "estimated",
    "over",
    "under",
    "total",
    "of",
    "and",
    "by",
}
# ... and before these words too ("2000 people"). "of", "to", "and", "by" only count with
# one of these after the number, since "of 2009" and "by 2030" are years.
QUANTITY_NOUNS = {
    "people",
    "persons",
    "men",
    "women",
    "children",
    "troops",
    "soldiers",
    "workers",
    "employees",
    "jobs",
    "homes",
    "houses",
    "cars",
    "vehicles",
    "units",
    "tons",
    "tonnes",
    "barrels",
    "acres",
    "feet",
    "meters",
    "metres",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "kg",
    "pounds",
    "dollars",
    "euros",
    "yuan",
    "shares",
    "votes",
    "seats",
    "cases",
    "deaths",
    "students",
    "points",
    "calories",
    "words",
    "pages",
    "members",
    "residents",
    "families",
    "patients",
    "villages",
    "companies",
    "firms",
    "refugees",
    "prisoners",
    "rounds",
    "missiles",
    "drones",
    "flights",
    "passengers",
    "hectares",
    "square",
    "cubic",
    "mw",
    "megawatts",
    "times",
    "pieces",
    "items",
    "copies",
    "tickets",
    "visitors",
    "participants",
    "delegates",
    "candidates",
    "officers",
}

# Before a year followed by a plural noun, these still make it a year ("the 2010 elections").
YEAR_DETERMINERS = {
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "in",
    "since",
    "from",
    "until",
    "during",
    "before",
    "after",
    "for",
    "year",
    "s",
    "by",
    "early",
    "late",
}

# Words that point the clause to the future or the past (news: the past is the default).
FUTURE_CUES = {
    "will",
    "'ll",
    "shall",
    "wo",
    "would",
    "going",
    "scheduled",
    "due",
    "expected",
    "expects",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "upcoming",
    # modals and aims look ahead ("should close in May"); "may" is left out, being a month too
    "should",
    "could",
    "might",
    "must",
    "can",
    "hopes",
    "hope",
    "aims",
    "aim",
    "seeks",
    "seek",
    "wants",
    "want",
    "targets",
    "forthcoming",
    "postponed",
    "delayed",
    # a schedule in the present tense: "the trial begins Monday", "talks resume Thursday"
    "begins",
    "resumes",
    "resume",
    "convenes",
    "convene",
    "expires",
    "takes",
    "kicks",
    "opens",
    "reopens",
    "arrives",
    "departs",
    "visits",
    "starts",
    "meets",
    "ends",
}
# The same schedule with a plural subject ("the ministers meet Monday"). The bare form is
# also an infinitive, a noun or an adjective ("agreed to meet", "a new start", "was open"),
# so it counts only as a finite verb: not after "to", an auxiliary, a modal, a negation,
# a determiner or a copula.
PLURAL_SCHEDULE_VERBS = {"meet", "begin", "start", "open", "reopen", "arrive", "depart"}
NOT_FINITE_BEFORE = {
    "to",
    "do",
    "does",
    "did",
    "not",
    "never",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "let",
    "make",
    "made",
    "help",
    "see",
    "saw",
    "in",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "remain",
    "remains",
    "remained",
    "stay",
    "stays",
    "stayed",
    # after a modal the bare form is its verb, read by the modal's own rule
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "could",
    "can",
    "must",
    "wo",
    "'d",
    "'ll",
}
# Only when no stronger cue is near: "postponed until Saturday" but "stayed until Monday".
WEAK_FUTURE_CUES = {"until", "till", "through"}
# A bare infinitive after these ("let the offensive begin") is no schedule in the present.
CAUSATIVES = {"let", "lets", "make", "makes", "made", "help", "helps", "helped", "watched", "saw"}
CLOCK_PREPOSITIONS = {
    "at",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "around",
    "about",
    "since",
    "to",
    "approximately",
    "and",
}
PAST_CUES = {
    "was",
    "were",
    "had",
    "did",
    "ago",
    "said",
    "told",
    "last",
    "earlier",
    "yesterday",
    "began",
    "met",
    "made",
    "took",
    "gave",
    "came",
    "went",
    "left",
    "held",
    "saw",
    "won",
    "lost",
    "fell",
    "rose",
    "spoke",
    "wrote",
    "died",
    "became",
    "paid",
    "sent",
    "ran",
    "hit",
    "set",
    "ended",
    # irregular past forms, which the "-ed" rule cannot see
    "bought",
    "sold",
    "brought",
    "got",
    "found",
    "led",
    "thought",
    "kept",
    "built",
    "stood",
    "sought",
    "fought",
    "caught",
    "felt",
    "knew",
    "grew",
    "drew",
    "threw",
    "chose",
    "broke",
    "spent",
    "lent",
    "struck",
    "shot",
    "meant",
    "forgot",
    "forgave",
    "withdrew",
    "overtook",
    "undertook",
    "drove",
    "flew",
    "fled",
    "slid",
    "shrank",
    "sank",
    "swung",
    "stole",
    "froze",
    "woke",
    "dealt",
    "lay",
    "laid",
}
# "Islam will one day be ...": a day to come, not a duration.
MODALS = {"will", "would", "could", "might", "may", "can", "should", "must", "ll"}
# Verbs of telling: their tense is the report's, not that of what is reported.
REPORTING_VERBS = {"said", "told", "says", "announced", "stated", "added", "wrote", "noted", "disclosed"}
# Before a future word, these put that future in the past: "had been scheduled to expire Friday".
PAST_AUX = {"had", "was", "were"}
# "has been postponed until", "is due": the verb after these is not itself a past cue.
PASSIVE_AUX = {"be", "been", "being", "is", "are", "am", "to", "will", "would"}
NOT_PAST_ED = {
    "need",
    "speed",
    "seed",
    "feed",
    "red",
    "bed",
    "hundred",
    "indeed",
    "united",
    "limited",
    "based",
    "related",
    "detailed",
    "proposed",
    "expected",
    "scheduled",
    "planned",
    "postponed",
    "delayed",
    "advanced",
    "armed",
    "reported",
    "alleged",
    "so-called",
    "called",
    "named",
}

PIECES = {
    "MONTH": r"(?P<month>(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z]))",
    "DAY": r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\d:])",
    "YEAR": r"(?<![\w$€£¥#.,:/+])(?P<year>(?:1[5-9]|20)\d\d)(?!\d)",
    "WEEKDAY": r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
    "PART": r"(?P<part>morning|afternoon|evening|night)",
    "NUM": r"(?P<num>(?:another|an additional|an extra|\d+(?:\.\d+)?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|a|an|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred"
    r"|hundred|a dozen|a couple of|couple of|several|a few|few|many|a number of|dozens of|hundreds of)"
    r"(?:\s+and\s+a\s+half)?)",
    "UNIT": r"(?P<unit>second|minute|hour|day|fortnight|week|month|quarter|year|decade|centur(?=y|ies))(?:s|ies|y)?",
    "POS": r"(?:(?P<pos>[Ee]arly|[Ll]ate|[Mm]id|[Tt]he end of|[Tt]he beginning of|[Tt]he start of"
    r"|[Tt]he middle of)(?:\s+|-))",
    "REL": r"(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)",
    "RELYEAR": r"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?:{YEAR}|(?P<relyear>this|last|next) year))",
    "TZ": r"(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MSK|IST|JST|local time)",
}

# Resolver name -> pattern. Where two matches overlap the longer wins, then the earlier entry.
PATTERNS = {
    "iso_date": r"\b(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b",
    "slash_date": r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b",
    "month_day": r"(?:{WEEKDAY},?\s+)?(?:{POS})?{MONTH}\s+{DAY}{RELYEAR}?",
    "day_month": r"(?:{WEEKDAY},?\s+)?(?:[Tt]he\s+)?{DAY}(?:\s+of)?\s+{MONTH}{RELYEAR}?",
    "month": r"(?:{POS})?(?:{REL}\s+)?{MONTH}{RELYEAR}?",
    "year": r"(?:{POS}|(?P<fiscal>[Ff]iscal(?: year)?\s+|[Ff]inancial year\s+|FY\s?))?"
    r"{YEAR}(?!\d|,\d|\.\d|%|s\b|-year|\s*per ?cent)",
    # Years said in words, as broadcast transcripts write them: "nineteen ninety-six",
    # "January nineteen ninety-seven", "the year two thousand", "the winter of nineteen ninety-four".
    "year_words": r"(?:{MONTH}\s+|(?P<the>[Tt]he year)\s+"
    r"|(?:[Tt]he\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?(?:(?P<century>[Nn]ineteen|[Ee]ighteen)[\s-]"
    r"(?P<tens>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)|(?P<millennium>[Tt]wo thousand)(?:[\s-](?:and[\s-])?(?P<units>one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)\b)?)\b(?![\s-]+(?:hundred|thousand|million|billion))",
    "year_short": r"(?<=(?<!\d)(?:1[5-9]|20)\d\d[-–/])(?P<yy>\d\d)(?![\d%])",
    "decade": r"(?:[Tt]he\s+)?(?:{POS})?(?:(?P<dec>(?:1[5-9]|20)\d)0s|'(?P<dec2>\d)0s)\b",
    "century": r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|twenty-first)[\s-][Cc]entury",
    "weekday": r"(?:(?P<pos>[Ee]arly|[Ll]ate)\s+)?"
    r"(?:(?:{REL}|[Tt]he\s+(?P<anaph>previous|preceding|following|next))\s+)?{WEEKDAY}(?:\s+{PART})?"
    r"(?:\s+of\s+(?P<wrel>last|next|this|the following|the previous)"
    r"\s+week)?",
    "holiday": r"(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<name>Christmas(?: Eve| Day)?|New Year['’]s (?:Eve|Day)"
    r"|Valentine['’]s Day|Halloween|Boxing Day|Easter(?: Sunday| Monday)?|Good Friday"
    r"|Thanksgiving(?: Day)?|Memorial Day|Labor Day|May Day|[Tt]he Fourth of July|(?:St\.?|Saint) Patrick['’]s Day"
    r"|Bastille Day|Armistice Day|Veterans['’]? Day|Martin Luther King(?: Jr\.)? Day|Presidents['’]? Day"
    r"|Columbus Day)(?:,?\s+{YEAR})?\b",
    "weekdays_set": r"(?:(?P<every>[Ee]very|[Ee]ach)\s+)?{WEEKDAY}(?P<plural>s)?(?:\s+{PART}(?P<pplural>s)?)?\b",
    # "late yesterday", "earlier today": TimeML takes the position word in
    "deictic_day": r"(?:(?P<pos>[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?"
    r"(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)(?:\s+{PART})?",
    "this_part": r"(?P<word>[Tt]his|[Ll]ast)\s+{PART}",
    "anaphoric_day": r"(?:[Tt]he\s+(?P<rel>next|following|previous|preceding|same)\s+|(?P<that>[Tt]hat)\s+)"
    r"(?:day|{PART})|[Tt]he day (?P<side>before|after)\b(?:\s+(?P<deictic>yesterday|tomorrow)\b)?",
    # "earlier in the day", "later in the year": that period of the date the text is at
    "in_the_day": r"\b(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate) in (?P<the>the (?P<unit>day|week|month|year))\b(?!-)",
    # "for a while", "after a long while": some unknown stretch of time
    "a_while": r"\b(?:for|after|in|quite) (?P<the>a (?:little |long |short )?while)\b",
    "days_later": r"{NUM}\s+{UNIT}\s+(?P<dir>later|earlier)\b(?!\s+than)",
    "ago": r"(?:(?P<qmod>almost|nearly|about|around|roughly|some|more than|less than|over)\s+)?"
    r"{NUM}\s+{UNIT}(?:\s+or\s+so)?\s+ago\b",
    "relative": r"(?:{POS}|(?P<edge>[Ee]arlier|[Ll]ater)\s+)?"
    r"(?P<rel>[Tt]he\s+(?:last|previous|past|coming|next|following|current|same)|[Tt]his\s+past"
    r"|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Cc]urrent|[Tt]hat)\s+"
    r"(?P<fiscal>(?:fiscal|financial)\s+)?(?P<unit>week|weekend|fortnight|month|year|quarter|decade|century)\b(?!-)",
    "the_weekend": r"(?:(?<=\bover )|(?<=\bduring )|(?<=\bon )|(?<=\bat )|(?<=\bfor )|(?<=\bahead of )|(?<=\bbefore )"
    r"|(?<=\bafter )|(?<=\buntil )|(?<=\bthrough ))the weekend\b",
    # "It's the second day of an offensive", "they got across on the 99th day"
    "nth_day": r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
    r"(?:\s+(?:straight|consecutive|successive))?\s+day\b(?!s)",
    # "Dealers placed orders in the morning": that part of the day the text is at.
    "the_part": r"(?:(?<=\bin )|(?<=\bduring )|(?<=\bby )|(?<=\buntil )|(?<=\bthrough ))the {PART}\b(?!\s+of\b)",
    # "mid-afternoon yesterday", "late morning"
    "pos_part": r"(?P<pos>[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+){PART}\b(?:\s+(?P<word>yesterday|today|tomorrow)\b)?",
    "year_end": r"(?:[Tt]he\s+)?(?P<unit>year|month)(?:[- ]|['’]s )end\b",
    # "for the year", "the full year", "the fiscal year ended March 31" (a twelve-month span).
    # Only after a preposition: "The year was 1997" is no reference to this year.
    "the_year": r"(?:(?<=\bfor )|(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\bat )|(?<=\bduring )|(?<=\bthrough )"
    r"|(?<=\bthroughout )|(?<=\bover )|(?<=\buntil ))[Tt]he\s+"
    r"(?:(?P<adj>full|whole|entire|calendar|latest|current|past|previous|prior)\s+)?"
    r"(?P<fiscal>(?:fiscal|financial)\s+)?year\b(?![-’']|\s+(?:before|after|earlier|later|ago|of|when|in which|that"
    r"|since|two|nineteen|\d))",
    "period_edge": r"(?P<pos>[Tt]he end of|[Tt]he beginning of|[Tt]he start of|[Tt]he middle of)\s+(?:the\s+)?"
    r"(?P<unit>week|month|year|decade)\b",
    "part_of_period": r"(?:[Tt]he\s+)?(?P<side>first|last|final|past)\s+{NUM}\s+{UNIT}\s+of\s+"
    r"(?:(?:the|this)\s+year|(?P<relyear>this|last|next)\s+year|{YEAR})",
    "quarter": r"(?:[Tt]he\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
    r"(?P<unit>quarter|half)(?!ly)(?:\s+of\s+(?:(?P<theyear>the|this)\s+year|(?P<relyear>last|next)\s+year"
    r"|(?:fiscal\s+)?{YEAR}|(?P<its>its|the)\s+(?:fiscal|financial)\s+year))?",
    "quarter_code": r"\b(?P<q>Q[1-4]|H[12])(?:\s+{YEAR})?\b",
    # The quarter a results story is about, and the same quarter a year before:
    # "the quarter", "the latest period", "the year-ago quarter", "the 1988 third quarter",
    # "the corresponding period last year", "last year's quarter".
    "reporting_period": r"(?:[Tt]he|(?P<relyear>[Ll]ast|[Nn]ext|[Tt]his) year['’]s"
    r"|(?P<pyear>(?:19|20)\d\d)['’]s)\s+"
    r"(?:(?P<adj>latest|most recent|comparable|corresponding|same)\s+)?"
    r"(?:(?P<ago>year[- ](?:ago|earlier)|prior[- ]year)\s+|(?P<year>(?:19|20)\d\d)\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?"
    r"(?P<unit>quarter|period)\b(?!-)"
    r"(?:\s+(?P<tail>(?:of\s+)?last year|a year (?:ago|earlier)|of\s+(?P<tyear>(?:19|20)\d\d)\b))?",
    # "year-earlier profit", "the year-ago results": the period the story is about, a year before.
    "year_ago_adj": r"\b(?P<ago>[Yy]ear-(?:ago|earlier))\b(?=\s+[a-z])",
    "season": r"(?:{POS})?(?:(?P<rel>[Ll]ast|[Tt]his past|[Tt]his|[Nn]ext|[Pp]ast|[Tt]he)\s+)?"
    r"(?P<season>spring|summer|autumn|winter"
    r"|fall|Spring|Summer|Autumn|Winter)(?:\s+(?:of\s+)?{YEAR})?\b",
    "every": r"(?:[Ee]very|[Ee]ach)\s+(?:(?P<other>other)\s+)?(?:{NUM}\s+)?(?P<unit>second|minute|hour|day|week|month"
    r"|quarter|year|decade|season|weekend|weekday|{PART})s?\b",
    "per_unit": r"(?:(?P<times>once|twice|\w+ times)\s+)?(?:a|an|per)\s+(?P<unit>hour|day|week|month|year)\b",
    "duration": r"(?:(?P<the>[Tt]he)\s+)?(?:(?P<rel>past|last|next|previous|coming|following|first|final)\s+)?"
    r"(?:(?P<qmod>almost|nearly|a mere|more than|less than|at least|roughly|approximately|up to|only)\s+)?"
    r"{NUM}[\s-]+(?:(?:trading|business|working|straight|consecutive|successive|full|more|long)\s+){0,2}{UNIT}(?P<half>\s+and\s+a\s+half)?(?P<tail>')?"
    r"(?!-old|\s+old\b|\w)",
    "duration_range": r"{NUM}(?=\s*(?:and|to|or|-|–)\s*\d+(?:\.\d+)?[\s-]+(?:second|minute|hour|day|week|month|year)s)",
    "vague_plural": r"(?:(?P<the>[Tt]he)\s+)?(?P<rel>past|last|next|coming|recent|previous|following)\s+"
    r"(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b"
    r"|(?:[Tt]he\s+)?(?P<unit2>day|week|month|year)s\s+ahead\b",
    "bare_plural": r"(?:(?<=\bfor\s)|(?<=\btake\s)|(?<=\btook\s)|(?<=\btakes\s)|(?<=\bwithin\s)|(?<=\blasted\s)"
    r"|(?<=\bin\s))(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b"
    r"|(?<!early )(?<!small )(?<!wee )(?P<unit2>minute|hour|day|week|month|year|decade)s"
    r"(?=\s+(?:before|after|later|earlier|of)\b)"
    # "over the years", "through the decades": some unknown number of them
    r"|(?:(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|(?<=\bacross\s)|(?<=\bdown\s))[Tt]he\s+"
    r"(?P<unit3>month|year|decade|centurie)s\b(?!\s+(?:of|since|after|before|when|that|ahead)\b)",
    "set_adverb": r"\b(?P<word>hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly)\b",
    "present_ref": r"\b(?:right now|now|currently|at present|presently|nowadays|these days)\b",
    "past_ref": r"\b(?:recently|lately|the past|at the time(?! of| when| that)|at that time|in recent times)\b",
    "future_ref": r"\b[Tt]he (?:near |distant |foreseeable )?future\b(?!\s+of\b)|\b[Tt]he (?:near|short|long) term\b"
    r"|\ba (?:later|future) date\b|\bas soon as possible\b"
    r"|(?<!\bas )\bsoon\b(?!\s+(?:as|after|afterwards?|thereafter|enough)\b)",
    "clock": r"(?<![\d:.$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
    r"(?:\s+{TZ})?",
    "clock24": r"(?<![\d:.$])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![:\d])(?:\s*{TZ})?",
    "clock_word": r"\b(?P<word>noon|midday|midnight)\b|(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve) o'clock",
    "race_time": r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])",
}
