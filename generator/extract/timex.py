"""Temporal expressions: an article's text and publication date in, TIMEX3 `Timex`es out.

Surface patterns (`timex_rules.PATTERNS`) find candidate spans; where candidates
overlap the longest that makes sense wins. Each span is then resolved, in text
order, against the publication date (news: bare references point back in time
unless a nearby word says future; a day or month with no tense word at all is the
nearest one) and against the last date the text itself named ("the next day"), or
the quarter a results story is about ("the year-ago quarter", "a year earlier").
Besides the TIMEX3 `value`, every expression gets a `when`: the calendar point or
period a news timeline would put it at, or None.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import timex_rules as R
from .scan import WORD_START, WordStarts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class Reading:
    """What a resolver makes of a match; `span` narrows the match when set."""

    type: str
    value: str
    mod: str | None = None
    when: str | None = None
    span: tuple[int, int] | None = None
    # A reading that only points back at what the text is about ("the year-ago quarter",
    # "in the morning") leaves the text's reference dates where they were.
    anaphoric: bool = False
    # False for a value TimeML writes as a date that no timeline can place ("in the past year").
    placed: bool = True


@dataclass(frozen=True)
class Anchors:
    """The last dates the text named: `day` for "the next day", `period` for "that year",
    `quarter` for "the quarter" and "a year ago" in a story about a quarter's results."""

    day: dt.date | None = None
    period: str | None = None
    period_at: int = -1
    quarter: str | None = None
    # How many quarters the story's fiscal quarter runs after the calendar one it names
    # ("the fiscal first quarter ended Sept. 30": 2): its year-ago quarter is dated likewise.
    fiscal_shift: int = 0
    # Where the text last named a span of several months ("the first nine months"): a
    # "year earlier" in that sentence compares with that span of last year, not the quarter.
    months_at: int = -1
    # The last recent quarter the text named by itself, where, and its fiscal shift: "a year
    # earlier" in the sentence that names it ("Separately, Acme reported third-quarter profit
    # of $5 million, from $4 million a year earlier") compares with that quarter, whichever
    # one the story's lead was about.
    named_quarter: str | None = None
    named_quarter_at: int = -1
    named_shift: int = 0
    # The story's quarter is a fiscal one whose calendar months the text has not given
    # ("earned $5.2 million in the fiscal first quarter"): it and its year-ago quarter
    # have a TimeML value but no place on the calendar.
    fiscal_unplaced: bool = False


@dataclass(frozen=True)
class Context:
    text: str
    published: dt.date
    sentence_starts: tuple[int, ...]


Resolver = Callable[[re.Match, Context, Anchors], "Reading | None"]
RESOLVERS: dict[str, Resolver] = {}


def rule(resolver: Resolver) -> Resolver:
    """Registers `resolve_<name>` as the resolver of the pattern `<name>` of `timex_rules.PATTERNS`."""
    RESOLVERS[resolver.__name__.removeprefix("resolve_")] = resolver
    return resolver


SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
CASE_SENSITIVE = {
    "month_day",
    "day_month",
    "month",
    "year_words",
    "weekday",
    "weekdays_set",
    "season",
    "set_adverb",
    "clock",
    "quarter_code",
}
DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
QUARTER_VALUE = re.compile(r"(\d{4})-(Q\d)")
QUARTER_NAMED = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\b|\bQ[1-4]\b", re.I)
RESULTS_WORDS = re.compile(
    r"[$%€£¥]|\b(?:profits?|loss|losses|revenues?|sales|earn(?:ed|ings)?|net|income|results"
    r"|growth|output|shares?|dividends?|percent|per cent|billion|million)\b",
    re.I,
)
CALENDAR_VALUE = re.compile(r"\d{3,4}(-|$)")
SOON_DAYS = 62
# "the quarter ended Sept. 30", "its fiscal first quarter ending July 31"
SLASH_PAIRS = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:19|20)\d\d\b")
ENDED_ON = re.compile(r"\s*,?\s+end(?:ed|ing)\s+(?:on\s+)?" + R.PIECES["MONTH"] + r"\s+" + R.PIECES["DAY"])


def _compile(pattern: str, name: str) -> re.Pattern:
    for _ in range(3):
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: R.PIECES[m.group(1)], pattern)
    # Every expression starts at a word start: `WordStarts` tries it only there.
    return re.compile(WORD_START + pattern, 0 if name in CASE_SENSITIVE else re.IGNORECASE)


# ---------------------------------------------------------------- calendar helpers


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_number(word: str) -> float | None:
    """A count: 3, 'three', 'twenty-one'; None for vague counts like 'several'."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word.endswith(" and a half"):
        whole = parse_number(word.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    if word in R.NUMBERS:
        return R.NUMBERS[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in R.NUMBERS and parts[1] in R.NUMBERS:
        return R.NUMBERS[parts[0]] + R.NUMBERS[parts[1]]
    return None


def number_text(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def duration_value(count: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    letter, factor, clock = R.UNITS[unit]
    if count is None:
        # TimeML annotators write "minutes" PXM, not PTXM (TimeBank and TempEval-3 alike),
        # but "hours" PTXH
        return f"PTX{letter}" if unit == "hour" else f"PX{R.VAGUE_UNIT_LETTERS.get(unit, letter)}"
    if count != int(count) and unit in R.HALF_UNITS:
        # "an hour and a half" is PT1H30M, as TimeML writes it, not PT1.5H
        smaller, per = R.HALF_UNITS[unit]
        whole, rest = int(count), round((count - int(count)) * per)
        prefix = "PT" if clock else "P"
        return f"{prefix}{whole}{letter}{rest}{smaller}" if whole else f"{prefix}{rest}{smaller}"
    return f"PT{number_text(count * factor)}{letter}" if clock else f"P{number_text(count * factor)}{letter}"


def unit_name(raw: str) -> str:
    raw = raw.lower()
    return "century" if raw.startswith("centur") else raw.rstrip("s")


def month_number(name: str) -> int:
    return R.MONTHS[name[:3].lower()]


def day_number(text: str) -> int:
    """1 for '1', '01' and '1st'."""
    digits = re.match(r"\d+", text)
    if digits is None:
        raise ValueError(f"no day number in {text!r}")
    return int(digits.group())


def shift_value(published: dt.date, unit: str, count: int) -> str | None:
    """The publication date moved by `count` units, at the unit's granularity."""
    if unit == "day":
        return (published + dt.timedelta(days=count)).isoformat()
    if unit in ("week", "fortnight"):
        return week_value(published + dt.timedelta(weeks=count * R.UNITS[unit][1]))
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, count))
    if unit in ("year", "decade", "century"):
        return str(published.year + count * R.UNITS[unit][1])
    return None


# ---------------------------------------------------------------- context cues


def sentence_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(m.end() for m in SENTENCE_BREAK.finditer(text))


def sentence_span(ctx: Context, offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(ctx.sentence_starts, offset) - 1
    end = ctx.sentence_starts[i + 1] if i + 1 < len(ctx.sentence_starts) else len(ctx.text)
    return ctx.sentence_starts[i], end


def words_before(ctx: Context, start: int, count: int = 1) -> list[str]:
    begin, _ = sentence_span(ctx, start)
    return [w.lower() for w in WORD.findall(ctx.text[max(begin, start - 80) : start])][-count:]


def word_before(ctx: Context, start: int) -> str:
    words = words_before(ctx, start)
    return words[0] if words else ""


def is_future_word(word: str, following: str) -> bool:
    if word in ("plan", "plans"):
        return following == "to"  # "announced the plan Aug. 21": a noun, not an intention
    return word in R.FUTURE_CUES or word in ("set", "due") and following in ("to", "for")


def is_time_word(word: str) -> bool:
    """A word that names a time: 'last' before it points back ('last week', 'last May')."""
    word = word.rstrip("s")
    return (
        word in R.UNITS
        or word in R.WEEKDAYS
        or word[:3] in R.MONTHS
        and len(word) >= 3
        or word in R.SEASONS
        or word in R.PARTS_OF_DAY
        or word in ("night", "weekend", "quarter", "time")
    )


def cue_of(words: list[str], i: int) -> str | None:
    """FUTURE or PAST for the word `words[i]` that says so; 'past' (weak) for a verb that only
    looks past. A future seen from the past ("had been due to expire Friday") says nothing
    of now: neither the future word nor the "had" before it is a cue."""
    word = words[i]
    previous = words[i - 1] if i else ""
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in ("is", "are") and following == "to":
        return "FUTURE"  # "is to resume trading Tuesday"
    if word in R.PLURAL_SCHEDULE_VERBS:
        if set(words[max(0, i - 4) : i]) & R.CAUSATIVES:
            return None  # "let the ground offensive begin": a bare infinitive, no schedule
        return "FUTURE" if i and previous not in R.NOT_FINITE_BEFORE and not previous.endswith("n't") else None
    if is_future_word(word, following):
        if word in ("planned", "scheduled", "expected") and previous in ("as", "previously", "originally"):
            return None  # "began as previously planned Saturday night": as it was planned, not ahead
        if following == "have" and word in R.MODALS and words[i + 2 : i + 3] != ["to"]:
            return "PAST"  # "could have closed in May", "would have been held Monday"
        if word == "could" and following == "not":
            return None  # "could not attend Monday": a past inability as often as a future one
        return None if set(words[max(0, i - 3) : i]) & R.PAST_AUX else "FUTURE"
    if word in R.PAST_AUX and any(
        is_future_word(w, n) for w, n in zip(words[i + 1 : i + 4], words[i + 2 : i + 5] + [""], strict=False)
    ):
        return None
    if word == "last" and not is_time_word(following):
        return None  # "the orbiter's last flight": final, not past
    if word in R.PAST_CUES and previous not in R.PASSIVE_AUX:
        return "PAST"
    if len(word) > 4 and word.endswith("ed") and word not in R.NOT_PAST_ED and previous not in R.PASSIVE_AUX:
        return "past"
    return None


CLAUSE_BREAK = re.compile(r"\b(?:and|but|while|whereas|although|though)\b|[;:(—–]|\s-\s")


def clause_after(text: str, words_before: int) -> str:
    """The words after a date that may hold its verb: up to the next clause. A date that opens
    its sentence ("In January, exports rose") has its verb after the comma; one inside a clause
    ("which was postponed in January, will take place") does not."""
    cut = CLAUSE_BREAK.search(text)
    text = text[: cut.start()] if cut else text
    return text.split(",")[0] if words_before > 2 else text


def tense_near(ctx: Context, start: int, end: int, weak: bool = False) -> str | None:
    """FUTURE or PAST from the nearest cue word of the sentence, NEAR for the nearest date
    either way, None when nothing says. With `weak`, a verb that only looks past (an -ed
    word: "declared a dividend payable Dec. 7") gives WEAK_PAST, not PAST, and a "would"
    gives NEAR: a future seen from a past telling ("the FT said in January it would depart in
    early February") may be behind us already."""
    begin, stop = sentence_span(ctx, start)
    # One word more than the cues are read from, so that the first cue word still sees the
    # word before it ("will be named commander ... in December": "named" after "be" is passive).
    seen = [w.lower() for w in WORD.findall(ctx.text[max(begin, start - 110) : start])][-11:]
    before = seen[-10:]
    after = [w.lower() for w in WORD.findall(clause_after(ctx.text[end : min(stop, end + 60)], len(before)))][:6]
    cues = [
        (distance, cue_of(words, i), words[i])
        for words, reverse in ((seen, True), (after, False))
        for i in range(len(words) - len(before) if reverse else 0, len(words))
        for distance in [len(words) - i - 1 if reverse else i + 0.5]
    ]
    ranked = sorted((d, c, w) for d, c, w in cues if c)
    if before and before[-1] == "since":
        return "PAST"  # "prices have risen since April": a start already behind us
    # "run through June", "remained there until March 3": a limit, so the nearest such
    # date, unless a plain past word is near.
    if before and before[-1] in R.WEAK_FUTURE_CUES and not any(c == "PAST" for _, c, _ in ranked):
        return "NEAR"
    if not ranked:
        return None
    if weak and ranked[0][2] == "would":
        return "NEAR"
    return "WEAK_PAST" if weak and ranked[0][1] == "past" else ranked[0][1].upper()


# ---------------------------------------------------------------- calendar resolution


def year_for_month(ctx: Context, month: int, start: int, end: int, anchors: Anchors) -> int:
    """The year of a month named without one: the latest such month so far, unless future."""
    pub = ctx.published
    tense = tense_near(ctx, start, end, weak=True)
    if tense is None and focus_limit(ctx, start, anchors) is None and not past_in_sentence(ctx, start, anchors):
        tense = "NEAR"
    if tense == "FUTURE":
        return pub.year if month >= pub.month else pub.year + 1
    if tense == "NEAR":
        return min(
            (pub.year - 1, pub.year, pub.year + 1), key=lambda year: abs(year * 12 + month - pub.year * 12 - pub.month)
        )
    limit = focus_limit(ctx, start, anchors) or pub
    if (
        limit is pub
        and word_before(ctx, start) in R.WEAK_FUTURE_CUES | {"by"}
        and soon_after(pub, dt.date(pub.year, month, 1))
    ):
        return pub.year  # "gave it until mid-November" in an October story: a limit still ahead
    return limit.year if month <= limit.month else limit.year - 1


def date_for_month_day(ctx: Context, month: int, day: int, start: int, end: int, anchors: Anchors) -> dt.date | None:
    pub = ctx.published
    tense = tense_near(ctx, start, end, weak=True)
    # A day named without a year and without a plain past word is the nearest such day:
    # "payable Dec. 7", "the offer expires Nov. 21" in an October story.
    if tense == "WEAK_PAST" and past_verb_right_before(ctx, start):
        tense = "PAST"  # "the company reported Dec. 7": the verb of the date itself
    if tense in (None, "WEAK_PAST") and focus_limit(ctx, start, anchors) is None:
        tense = "NEAR"
    if tense in ("FUTURE", "NEAR"):
        options = [d for d in (safe_date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)) if d]
        if tense == "NEAR":
            return min(options, key=lambda d: abs((d - pub).days), default=None)
        return min((d for d in options if d >= pub), default=None)
    limit = focus_limit(ctx, start, anchors) or pub
    this_year = safe_date(limit.year, month, day)
    if (
        limit is pub
        and this_year
        and soon_after(pub, this_year)
        and not own_past_verb(ctx, start)
        and past_is_telling(ctx, start)
    ):
        return this_year  # "said they expect it completed by Dec. 15" in an October story
    year = limit.year if this_year is None or this_year <= limit else limit.year - 1
    return safe_date(year, month, day) or safe_date(year, month, 28)


def soon_after(published: dt.date, day: dt.date) -> bool:
    """A date of the next two months: a past word elsewhere in the sentence ("said", "set")
    is the telling's tense, not the date's; a date almost a year back would carry its year."""
    return 0 < (day - published).days <= SOON_DAYS


def past_is_telling(ctx: Context, start: int) -> bool:
    """Whether the sentence's past words before a date are only its telling ("said", "has
    set") or a future word is there too; "exports hit a record in the year to March 31" is
    a past event, so that March 31 is behind us."""
    words = words_before(ctx, start, 12)
    cues = [(cue_of(words, i), word, words[i - 1] if i else "") for i, word in enumerate(words)]
    if any(cue == "FUTURE" for cue, _, _ in cues):
        return True
    return not any(
        cue in ("PAST", "past") and word not in R.REPORTING_VERBS and previous not in ("has", "have")
        for cue, word, previous in cues
    )


def own_past_verb(ctx: Context, start: int) -> bool:
    """Whether the date follows its own past verb: "reported Dec. 7", "ended on Nov. 3".
    A present perfect takes no definite date ("has set Nov. 10 as the deadline"), so its
    verb is not the date's."""
    words = [w for w in words_before(ctx, start, 5) if w not in R.DATE_PREPOSITIONS and not w.endswith("ly")][
        -2:
    ]  # "fell sharply on"
    if not words or cue_of(words, len(words) - 1) not in ("PAST", "past"):
        return False
    return len(words) < 2 or words[0] not in ("has", "have")


def past_verb_right_before(ctx: Context, start: int) -> bool:
    words = [w for w in words_before(ctx, start, 2) if w != "on"]
    return bool(words) and cue_of(words, len(words) - 1) == "past"


def past_in_sentence(ctx: Context, start: int, anchors: Anchors) -> bool:
    """Whether the sentence named a date already past before: "in June from $29.75 in March"."""
    if anchors.period is None or anchors.period_at < sentence_span(ctx, start)[0]:
        return False
    end = period_end(anchors.period)
    if end is None and DAY_VALUE.match(anchors.period):
        end = dt.date.fromisoformat(anchors.period)
    return end is not None and end < ctx.published


def focus_limit(ctx: Context, start: int, anchors: Anchors) -> dt.date | None:
    """The end of a period of the year before publication named before in the same sentence:
    "last September ... on February 24" means the February 24 before it, not the latest one.
    A year further back is background ("a program approved in 1987 …, had purchased shares
    through Sept. 29"): on TimeBank it misdated more than it placed."""
    if anchors.period is None or anchors.period_at < sentence_span(ctx, start)[0]:
        return None
    if re.search(r"\bend(?:ed|ing)\s+(?:on\s+)?$", ctx.text[max(0, start - 12) : start]):
        return None  # "the second quarter ended Oct. 31": that period's own last day, not a day before it
    end = period_end(anchors.period)
    return end if end is not None and end.year == ctx.published.year - 1 else None


def period_end(value: str) -> dt.date | None:
    if m := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(m.group(1)), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = shift_month(int(m.group(1)), int(m.group(2)), 1)
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        year, month = shift_month(int(m.group(1)), int(m.group(2)) * 3, 1)
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    return None


def weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> dt.date:
    pub = ctx.published
    back = (pub.isoweekday() - weekday) % 7
    ahead = (weekday - pub.isoweekday()) % 7
    if rel in ("last", "past"):
        return pub - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + dt.timedelta(days=ahead or 7)
    if back == 0:
        return pub
    tense = tense_near(ctx, start, end)
    if tense == "FUTURE" or tense == "NEAR" and ahead < back:
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def date_time(day: dt.date | str, part: str | None) -> Reading:
    value = day if isinstance(day, str) else day.isoformat()
    if part:
        return Reading("TIME", f"{value}T{R.PARTS_OF_DAY[part.lower()]}")
    return Reading("DATE", value)


def year_of_relyear(ctx: Context, m: re.Match) -> int | None:
    """The year a date names itself: '2023', 'this year', 'last year'; None when it names none."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    rel = (groups.get("relyear") or "").lower()
    return ctx.published.year + {"this": 0, "last": -1, "next": 1}[rel] if rel else None


def position_mod(m: re.Match) -> str | None:
    pos = (m.groupdict().get("pos") or "").lower()
    return R.POSITION_MODS.get(pos)


# ---------------------------------------------------------------- resolvers: calendar dates


@rule
def resolve_iso_date(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Reading("DATE", day.isoformat()) if day else None


@rule
def resolve_slash_date(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    month_first, day_first = safe_date(year, a, b), safe_date(year, b, a)
    if not (month_first and day_first):
        found = month_first or day_first
    elif (order := slash_order(ctx)) is not None:
        found = day_first if order == "day" else month_first
    else:
        found = min((month_first, day_first), key=lambda d: abs((d - ctx.published).days))
    return Reading("DATE", found.isoformat()) if found else None


def slash_order(ctx: Context) -> str | None:
    """'day' or 'month' first, as another slash date of the text shows ('25/12/2012'); an
    article that shows neither ('05/03/2013') gets the reading nearest its publication."""
    orders = {
        "day" if int(a) > 12 else "month" for a, b in SLASH_PAIRS.findall(ctx.text) if (int(a) > 12) != (int(b) > 12)
    }
    return orders.pop() if len(orders) == 1 else None


@rule
def resolve_month_day(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    month, day = month_number(m["month"]), day_number(m["day"])
    year = year_of_relyear(ctx, m)
    found = safe_date(year, month, day) if year else date_for_month_day(ctx, month, day, m.start(), m.end(), anchors)
    if found is None:
        return None
    if m.groupdict().get("pos"):
        return Reading("DATE", found.isoformat(), position_mod(m))
    return Reading("DATE", found.isoformat())


RESOLVERS["day_month"] = resolve_month_day  # "25 May" and "May 25" carry the same groups


@rule
def resolve_month(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    name, rel = m["month"], (m["rel"] or "").lower()
    month = month_number(name)
    year = year_of_relyear(ctx, m)
    if year is None and not rel and not m["pos"]:
        before = word_before(ctx, m.start())
        abbreviated = len(name) <= 4 and name not in ("May", "June", "July")
        if abbreviated or before not in R.MONTH_PREPOSITIONS:
            return None
        if name in ("May", "March") and before in ("to", "and", "or", "the") and not closes_period(ctx, m.start()):
            return None
    pub = ctx.published
    if year is None:
        if rel in ("last", "past"):
            year = pub.year if month < pub.month else pub.year - 1
        elif rel in ("next", "coming"):
            year = pub.year if month > pub.month else pub.year + 1
        elif rel == "this":
            year = pub.year
        else:
            year = year_for_month(ctx, month, m.start(), m.end(), anchors)
    return Reading("DATE", month_value(year, month), position_mod(m))


def closes_period(ctx: Context, start: int) -> bool:
    """Whether 'to', 'and' or 'or' right before a month joins it to a time: "the year to
    March", "between April and May" are months where "to march", "Theresa May" are not."""
    words = words_before(ctx, start, 2)
    if len(words) < 2 or words[1] not in ("to", "and", "or"):
        return False
    period = words[0].rstrip("s")  # "months", "years"; not a weekday or "night": "spoke on Monday to May"
    return period in R.UNITS or period[:3] in R.MONTHS and len(period) >= 3 or words[0].isdigit()


@rule
def resolve_year(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["pos"] or m["fiscal"]:
        return Reading("DATE", m["year"], position_mod(m))
    number_before = re.search(r"(\d+)[-–]$", ctx.text[max(0, m.start() - 12) : m.start()])
    if number_before and len(number_before.group(1)) != 4:
        return None  # a code or phone number: "138-2010-2015"
    before = words_before(ctx, m.start(), 1)
    after = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 30])
    noun = after.group(1) if after else ""
    in_range = (
        re.match(r"\s*[-–]\s*(?:1[5-9]|20)\d\d\b", ctx.text[m.end() : m.end() + 10]) is not None
        or re.search(r"\b(?:1[5-9]|20)\d\d\s*[-–]\s*$", ctx.text[max(0, m.start() - 10) : m.start()]) is not None
    )
    if (
        before
        and before[-1] in R.QUANTITY_BEFORE - {"of", "to", "and", "by"}
        and not in_range
        or noun in R.QUANTITY_NOUNS
    ):
        return None
    # "deliver 2000 pieces" counts; "the 2010 elections", "in 2010 prices rose" name years.
    if re.fullmatch(r"[a-z]+(?:[^s]s|ren|people|men)", noun) and (not before or before[-1] not in R.YEAR_DETERMINERS):
        return None
    return Reading("DATE", m["year"])


@rule
def resolve_year_words(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["millennium"]:
        # "two thousand" alone is a count ("two thousand troops") unless it is named a year.
        after = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 20])
        named = (
            m["the"]
            or m["month"]
            or m["season"]
            or word_before(ctx, m.start()) in ("in", "by", "since", "until", "before")
        )
        if not named or not (m["the"] or m["season"]) and after and after.group(1) not in R.FUNCTION_WORDS:
            return None
        units = parse_number(m["units"]) if m["units"] else 0
        if units is None:
            return None
        year = 2000 + int(units)
    else:
        year = (1900 if m["century"].lower() == "nineteen" else 1800) + int(parse_number(m["tens"]) or 0)
    if m["month"]:
        return Reading("DATE", month_value(year, month_number(m["month"])))
    if m["season"]:
        return Reading("DATE", f"{year}-{R.SEASONS[m['season'].lower()]}")
    return Reading("DATE", str(year))


@rule
def resolve_year_short(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    first = int(ctx.text[m.start() - 5 : m.start() - 1])
    year = first // 100 * 100 + int(m["yy"])
    if year <= first:
        year += 100
    return Reading("DATE", str(year)) if year - first < 20 else None


@rule
def resolve_decade(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["dec"] and m["dec"].endswith("0") and m["dec"] < "200":
        value = m["dec"][:2]  # "the 1800s" is a century; "the 2000s" is usually read as a decade
    elif m["dec"]:
        value = m["dec"]
    else:
        tens = int(m["dec2"])
        value = f"20{tens}" if 2000 + tens * 10 <= ctx.published.year else f"19{tens}"  # '90s in 1998: 199
    return Reading("DATE", value, position_mod(m))


@rule
def resolve_century(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    ordinal = m["ord"].lower()
    digits = re.match(r"\d+", ordinal)
    number = int(digits.group()) if digits else R.CENTURY_ORDINALS[ordinal]
    # "the early 20th century": looked up here, as an optional prefix would slow the scan of every text
    pos = re.search(r"\b([Ee]arly|[Ll]ate|[Mm]id)[\s-]+$", ctx.text[max(0, m.start() - 7) : m.start()])
    if pos:
        return Reading(
            "DATE", f"{number - 1:02d}", R.POSITION_MODS[pos[1].lower()], span=(m.start() - len(pos[0]), m.end())
        )
    return Reading("DATE", f"{number - 1:02d}")


@rule
def resolve_season(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    word, rel = m["season"], " ".join((m["rel"] or "").lower().split()).replace("this past", "last")
    season = R.SEASONS[word.lower()]
    before = word_before(ctx, m.start())
    if not m["year"]:
        if word[0].isupper() and not rel and not m["pos"]:
            return None
        if rel in ("", "the") and before not in R.SEASON_PREPOSITIONS:
            return None
        if word.lower() == "fall" and rel in ("", "the"):
            return None
    pub = ctx.published
    first, last = R.SEASON_MONTHS[season]
    if m["year"]:
        year = int(m["year"])
    elif rel == "this":
        year = pub.year
    elif rel == "next":
        year = pub.year if first > pub.month else pub.year + 1
    elif rel in ("last", "past"):
        over = last < pub.month if season != "WI" else pub.month > 2
        year = pub.year if over else pub.year - 1
    elif tense_near(ctx, m.start(), m.end()) == "FUTURE":
        year = pub.year if first >= pub.month or season == "WI" else pub.year + 1
    else:
        year = pub.year if first <= pub.month else pub.year - 1
    return Reading("DATE", f"{year}-{season}", position_mod(m))


@rule
def resolve_quarter(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    ordinal = R.ORDINALS[m["ord"].lower()]
    unit = m["unit"].lower()
    count = 4 if unit == "quarter" else 2
    index = count if ordinal == -1 else ordinal
    if index > count:
        return None
    year = year_of_relyear(ctx, m)
    if (m["theyear"] or "").lower() == "this":
        year = ctx.published.year
    # "the first half of the year" names its year as much as "of 2012" does: the story's,
    # this one or the last, as for a quarter; a bare "the first half" may be a match's.
    explicit = year is not None or m["its"] or m["theyear"]
    if unit == "half" and not explicit:
        return None
    pub = ctx.published
    last = quarter_last_day(ctx, m.end(), anchors) if unit == "quarter" and year is None else None
    if last is not None:
        year = last.year  # "the second quarter ended Oct. 31" in an October 27 story: last year's
    if year is None:
        current = quarter_of(pub.month) if unit == "quarter" else (pub.month - 1) // 6 + 1
        future = tense_near(ctx, m.start(), m.end()) == "FUTURE"
        year = pub.year if index <= current or future else pub.year - 1
    # TimeML keeps a fiscal quarter's own name; the timeline wants the months it covers.
    calendar = quarter_ended(ctx, m.end(), anchors) if unit == "quarter" else None
    # "the third-quarter results": the article is the noun's; TimeML tags the adjective alone
    the = re.match(r"[Tt]he\s+", m[0]) if m[0][m.end("ord") - m.start()] == "-" else None
    span = (m.start() + the.end(), m.end()) if the else None
    return Reading("DATE", f"{year}-{'Q' if unit == 'quarter' else 'H'}{index}", when=calendar, span=span)


def about_months(ctx: Context, anchors: Anchors, start: int) -> bool:
    return anchors.months_at >= sentence_span(ctx, start)[0]


def reporting_quarter(ctx: Context, anchors: Anchors) -> tuple[int, int]:
    """The quarter the text last named, else the last quarter over before publication:
    results are reported for a quarter that has ended."""
    if anchors.quarter and (m := QUARTER_VALUE.fullmatch(anchors.quarter)):
        return int(m[1]), int(m[2][1])
    year, month = shift_month(ctx.published.year, ctx.published.month, -3)
    return year, quarter_of(month)


def quarter_last_day(ctx: Context, end: int, anchors: Anchors) -> dt.date | None:
    """The last day of a quarter named with its end: "the quarter ended Sept. 30"."""
    m = ENDED_ON.match(ctx.text, end)
    if m is None:
        return None
    month, day = month_number(m["month"]), day_number(m["day"])
    return date_for_month_day(ctx, month, day, m.start("month"), m.end(), anchors)


def quarter_ended(ctx: Context, end: int, anchors: Anchors) -> str | None:
    """The calendar quarter of a quarter named with its end ("the fiscal first quarter ended
    Sept. 30" is July to September): the quarter holding most of the three months before."""
    last = quarter_last_day(ctx, end, anchors)
    if last is None:
        return None
    middle = last - dt.timedelta(days=45)
    return f"{middle.year}-Q{quarter_of(middle.month)}"


def year_earlier(ctx: Context, anchors: Anchors, years: int, start: int) -> str | None:
    """'a year ago' in a story about a quarter's results: that quarter, a year before."""
    if anchors.quarter is None or about_months(ctx, anchors, start):
        return None
    # The value keeps the named quarter's own (fiscal or calendar) name, and its calendar
    # months are found with the story's shift; so only a quarter of the same shift counts.
    if anchors.named_quarter_at >= sentence_span(ctx, start)[0] and anchors.named_shift == anchors.fiscal_shift:
        anchors = replace(anchors, quarter=anchors.named_quarter)
    year, index = reporting_quarter(ctx, anchors)
    return f"{year - years}-Q{index}"


@rule
def resolve_reporting_period(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    adj, ordinal = (m["adj"] or "").lower(), (m["ord"] or "").lower()
    explicit = m["year"] or m["pyear"] or m["tyear"]
    back = bool(m["ago"] or m["tail"] and not m["tyear"] or adj in ("comparable", "corresponding"))
    bare = not (adj or back or explicit or m["relyear"] or ordinal)
    if m["unit"].lower() == "period" and bare:
        return None  # "the period" alone names no particular one
    if bare and not (
        RESULTS_WORDS.search(ctx.text[slice(*sentence_span(ctx, m.start()))]) or QUARTER_NAMED.search(ctx.text)
    ):
        return None  # "residents of the quarter": a part of a town, not of a year
    if bare and m["unit"].lower() == "quarter" and (calendar := quarter_ended(ctx, m.end(), anchors)):
        return Reading("DATE", calendar)  # "the quarter ended July 31": May to July
    year, index = reporting_quarter(ctx, anchors)
    if m["unit"].lower() == "period" and about_months(ctx, anchors, m.start()):
        # "in the first nine months ... compared with the 1988 period": that year's months
        year = int(explicit) if explicit else year - 1 if back else year
        return Reading("DATE", str(year), anaphoric=True)
    if ordinal:
        index = R.ORDINALS[ordinal]
    if explicit:
        year = int(explicit)
    elif m["relyear"]:
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["relyear"].lower()]
    elif back:
        year -= 1
    # "this year's third quarter" names the story's quarter; "the year-ago quarter" only points at it.
    named = bool(ordinal) and not back and year >= ctx.published.year
    calendar = quarter_ended(ctx, m.end(), anchors) if named else None
    return Reading("DATE", f"{year}-Q{index}", anaphoric=not named, when=calendar)


@rule
def resolve_year_ago_adj(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    value = year_earlier(ctx, anchors, 1, m.start()) or str(ctx.published.year - 1)
    return Reading("DATE", value, anaphoric=True)


@rule
def resolve_quarter_code(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    year = int(m["year"]) if m["year"] else ctx.published.year
    return Reading("DATE", f"{year}-{m['q']}")


# ---------------------------------------------------------------- resolvers: days relative to something


@rule
def resolve_weekday(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    weekday = R.WEEKDAYS[m["weekday"].lower()]
    if m["wrel"]:
        step = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(m["wrel"].lower(), 0)
        monday = ctx.published - dt.timedelta(days=ctx.published.isoweekday() - 1) + dt.timedelta(weeks=step)
        return date_time(monday + dt.timedelta(days=weekday - 1), m["part"])
    if m["anaph"]:
        # "down 4.5% from the previous Friday": the one before the day the text is at
        base = anchors.day or ctx.published
        if m["anaph"].lower() in ("previous", "preceding"):
            return date_time(base - dt.timedelta(days=(base.isoweekday() - weekday) % 7 or 7), m["part"])
        return date_time(base + dt.timedelta(days=(weekday - base.isoweekday()) % 7 or 7), m["part"])
    day = weekday_date(ctx, weekday, (m["rel"] or "").lower(), m.start(), m.end())
    return replace(date_time(day, m["part"]), mod=position_mod(m))  # "early Tuesday"


@rule
def resolve_weekdays_set(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'every Monday', 'on Fridays', 'Friday mornings'."""
    if not (m["every"] or m["plural"] or m["pplural"]):
        return None
    part = f"T{R.PARTS_OF_DAY[m['part'].lower()]}" if m["part"] else ""
    return Reading("SET", f"XXXX-WXX-{R.WEEKDAYS[m['weekday'].lower()]}{part}")


@rule
def resolve_holiday(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    name = m["name"].lower().replace("’", "'")
    if name == "may day" and m["name"] != "May Day":
        return None  # "it may day-trip": a verb, not the first of May
    following = WORD.findall(ctx.text[m.end() : m.end() + 20])[:1]
    if following and following[0] in R.HOLIDAY_NOUNS:
        return None
    rel = (m["rel"] or "").lower()
    pub = ctx.published
    if m["year"]:
        return Reading("DATE", holiday_date(name, int(m["year"])).isoformat())
    this_year = holiday_date(name, pub.year)
    if rel == "this":
        day = this_year
    elif rel == "next" or not rel and tense_near(ctx, m.start(), m.end()) == "FUTURE":
        day = this_year if this_year > pub else holiday_date(name, pub.year + 1)
    else:
        day = this_year if this_year < pub or not rel and this_year == pub else holiday_date(name, pub.year - 1)
    return Reading("DATE", day.isoformat())


def holiday_date(name: str, year: int) -> dt.date:
    match R.HOLIDAYS[name]:
        case ("fixed", month, day):
            return dt.date(year, month, day)
        case ("easter", offset):
            return easter_sunday(year) + dt.timedelta(days=offset)
        case ("nth", month, weekday, nth):
            return nth_weekday(year, month, weekday, nth)
    raise ValueError(f"no rule for the holiday {name!r}")


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The month's nth ISO weekday (1 Monday); a negative nth gives the last."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(*shift_month(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    total = h + weekday_shift - 7 * m + 114
    return dt.date(year, total // 31, total % 31 + 1)


@rule
def resolve_deictic_day(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    word = m["word"].lower()
    if m["word"][0].isupper() and re.search(r"[A-Z]\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()]):
        return None  # a name: "USA Today", "This is VOA Today"
    if word == "tomorrow" and word_before(ctx, m.start()) == "of" and not m["part"]:
        return Reading("DATE", "FUTURE_REF")  # "the people of tomorrow": the future, not a day
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    day = ctx.published + dt.timedelta(days=offset)
    return replace(date_time(day, m["part"] or ("night" if word == "tonight" else None)), mod=position_mod(m))


@rule
def resolve_the_part(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'in the morning': that part of the day the text is at."""
    return replace(date_time(anchors.day or ctx.published, m["part"]), anaphoric=True)


@rule
def resolve_pos_part(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'mid-afternoon yesterday'; 'late morning' alone is on the day the text is at."""
    if m["word"]:
        day = ctx.published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["word"].lower()])
        return replace(date_time(day, m["part"]), mod=position_mod(m))
    return replace(date_time(anchors.day or ctx.published, m["part"]), mod=position_mod(m), anaphoric=True)


@rule
def resolve_this_part(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    offset = -1 if m["word"].lower() == "last" else 0
    if offset and m["part"].lower() != "night" and m["part"].lower() != "evening":
        return None
    return date_time(ctx.published + dt.timedelta(days=offset), m["part"])


@rule
def resolve_anaphoric_day(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["that"] and anchors.day is None:  # "trades made that day": a day the text never named
        return date_time(f"{anchor_year(anchors) or 'XXXX'}-XX-XX", m["part"])
    rel = (m["rel"] or m["side"] or "same").lower()
    offset = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(rel, 0)
    base = anchors.day or ctx.published
    if m["deictic"]:  # "the day before yesterday"
        base = ctx.published + dt.timedelta(days=-1 if m["deictic"].lower() == "yesterday" else 1)
    elif m["side"] and re.match(r"\s+[A-Za-z]", ctx.text[m.end() : m.end() + 3]):
        return day_before_event(m, ctx, anchors)
    return date_time(base + dt.timedelta(days=offset), m["part"])


def day_before_event(m: re.Match, ctx: Context, anchors: Anchors) -> Reading:
    """'the day before the plunge', 'the day after he arrived': TimeML tags 'the day', a day
    counted from an event, not from a date. In apposition ('Oct. 12, the day before the
    plunge') it is the date just named; otherwise only its year is known."""
    span = (m.start(), m.start("side") - 1)
    if anchors.day and re.search(r"\w,\s*$", ctx.text[max(0, m.start() - 4) : m.start()]):
        return Reading("DATE", anchors.day.isoformat(), span=span, anaphoric=True)
    year = anchor_year(anchors)
    return Reading("DATE", f"{year:04d}-XX-XX" if year else "XXXX-XX-XX", span=span, anaphoric=True)


def anchor_year(anchors: Anchors) -> int | None:
    """The year of the last date the text named: a period named after a day ("on Thursday
    ... late last July ... the day before he was stopped") moves the story to its year."""
    if anchors.period and re.match(r"\d{4}(?!\d)", anchors.period):
        return int(anchors.period[:4])
    return anchors.day.year if anchors.day else None


@rule
def resolve_nth_day(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'Today is the eighth day of the strike' is today; any other such day is a day we
    cannot place (TimeML's XXXX-XX-XX), whose count says nothing of the calendar."""
    the = re.search(r"\b[Tt]he\s+$", ctx.text[max(0, m.start() - 5) : m.start()])
    span = (m.start() - len(the[0]) if the else m.start(), m.end())
    before = ctx.text[max(0, span[0] - 8) : span[0]]
    if re.search(r"(?:\bis|['’]s|\bmarks)\s+$", before):
        return Reading("DATE", ctx.published.isoformat(), span=span)
    if anchors.day and re.search(r"\b(?:was|marked)\s+$", before):
        return Reading("DATE", anchors.day.isoformat(), span=span)
    return Reading("DATE", "XXXX-XX-XX", span=span)


@rule
def resolve_in_the_day(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    unit, span = m["unit"].lower(), m.span("the")
    if unit == "day":
        return Reading("DATE", (anchors.day or ctx.published).isoformat(), anaphoric=True, span=span)
    return Reading("DATE", anchored_period(anchors, ctx.published, unit, 0), anaphoric=True, span=span)


@rule
def resolve_a_while(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DURATION", "PXX", span=m.span("the"))


@rule
def resolve_days_later(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'two days later' counts from the last date the text named; with none before it, the
    words say only how long, so they are a duration ("three years later" opening a story)."""
    count = parse_number(m["num"])
    unit = unit_name(m["unit"])
    sign = 1 if m["dir"].lower() == "later" else -1
    year = anchor_year(anchors)
    if unit == "year" and count == 1 and sign == -1 and (quarter := year_earlier(ctx, anchors, 1, m.start())):
        return Reading("DATE", quarter, anaphoric=True)
    if unit == "year" and count is not None and count == int(count) and year is not None:
        return Reading("DATE", str(year + sign * int(count)))
    if count is None or unit not in ("day", "week", "month") or anchors.day is None:
        return Reading("DURATION", duration_value(count, unit), span=(m.start(), m.start("dir") - 1))
    base = anchors.day
    if unit == "day":
        return Reading("DATE", (base + dt.timedelta(days=sign * count)).isoformat())
    if unit == "week":
        return Reading("DATE", week_value(base + dt.timedelta(weeks=sign * count)))
    return Reading("DATE", month_value(*shift_month(base.year, base.month, sign * int(count))))


@rule
def resolve_ago(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    count = parse_number(m["num"])
    unit = unit_name(m["unit"])
    if count is None:
        return Reading("DATE", "PAST_REF")
    if unit == "year" and count == 1 and (quarter := year_earlier(ctx, anchors, 1, m.start())):
        return Reading("DATE", quarter, "APPROX" if m["qmod"] else None, anaphoric=True)
    value = shift_value(ctx.published, unit, -int(count)) if count == int(count) else None
    mod = "APPROX" if m["qmod"] or " or so" in m[0] else None
    return Reading("DATE", value, mod) if value else Reading("DATE", "PAST_REF")


# ---------------------------------------------------------------- resolvers: this/last/next periods


def current_period(published: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return week_value(published + dt.timedelta(weeks=step))
    if unit == "weekend":
        return week_value(published + dt.timedelta(weeks=step)) + "-WE"
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, step))
    if unit == "quarter":
        year, month = shift_month(published.year, published.month, 3 * step)
        return f"{year}-Q{quarter_of(month)}"
    if unit == "decade":
        return str(published.year // 10 + step)
    if unit == "century":
        return str(published.year // 100 + step)
    return str(published.year + step)


def anchored_period(anchors: Anchors, published: dt.date, unit: str, step: int) -> str:
    base = anchors.day
    if base is None and anchors.period and re.match(r"\d{4}", anchors.period):
        year = int(anchors.period[:4])
        month = int(anchors.period[5:7]) if re.match(r"\d{4}-\d\d$", anchors.period) else 6
        base = dt.date(year, month, 15)
    return current_period(base or published, unit, step)


DURATION_BEFORE = {"over", "for", "during", "within", "throughout"}


@rule
def resolve_relative(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["unit"][0].isupper() and not m[0].isupper():
        return None  # a title: ABC's "This Week"
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    if rel == "the last" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the last week of July", "the last year of his term": the final one, not the latest
    mod = position_mod(m)
    before = word_before(ctx, m.start())
    pub = ctx.published
    # No calendar has fortnights: "the past fortnight" is only how long, as "the past two weeks" is.
    if (
        unit == "fortnight"
        or unit in ("decade", "century")
        and rel not in ("this", "the current", "current", "that", "the same")
    ):
        return Reading("DURATION", duration_value(1, unit), mod)
    if unit != "weekend" and (
        rel in ("past", "the coming") or rel in ("the last", "the past", "the next") and before in DURATION_BEFORE
    ):
        return Reading("DURATION", duration_value(1, unit), mod)
    if rel == "the past":
        # "an investigation in the past year": TimeML's last year; on a timeline it is the
        # twelve months up to now, no calendar year, so it is not placed there
        return Reading("DATE", current_period(pub, unit, -1), mod, placed=False)
    if rel in ("that", "the same"):
        return Reading("DATE", anchored_period(anchors, pub, unit, 0), mod)
    if rel == "the following":
        return Reading("DATE", anchored_period(anchors, pub, unit, 1), mod)
    if rel == "the previous" and (anchors.day or anchors.period):
        return Reading("DATE", anchored_period(anchors, pub, unit, -1), mod)
    step = {
        "last": -1,
        "the last": -1,
        "the previous": -1,
        "this past": -1,
        "past": -1,
        "the past": -1,
        "next": 1,
        "the next": 1,
        "coming": 1,
        "the coming": 1,
    }.get(rel, 0)
    if unit == "weekend" and step == 0:
        step = weekend_step(ctx, m)
    if mod == "END" and step == 0 and m["pos"] and m["pos"].lower().startswith("the"):
        step = edge_step(ctx, m, "END")
    return Reading("DATE", current_period(pub, unit, step), mod)


def weekend_step(ctx: Context, m: re.Match) -> int:
    """'This weekend' in a Tuesday story is the one just past, unless the verb looks ahead."""
    if ctx.published.isoweekday() >= 6:
        return 0
    return 0 if tense_near(ctx, m.start(), m.end()) == "FUTURE" else -1


def edge_step(ctx: Context, m: re.Match, mod: str) -> int:
    """'Peaked by the end of the year' in March: the end of this year has not come yet, so last year's."""
    return -1 if mod == "END" and tense_near(ctx, m.start(), m.end()) == "PAST" else 0


@rule
def resolve_the_weekend(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DATE", current_period(ctx.published, "weekend", weekend_step(ctx, m)))


@rule
def resolve_the_year(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'The year' of a news story is the year it is written in; 'the year ended March 31' is a
    twelve-month span ending on that day, and 'the latest fiscal year' the last one closed."""
    adj = (m["adj"] or "").lower()
    if adj in ("past", "previous", "prior"):
        return None  # left to the rules of "the past year", "the previous year"
    if re.match(r"\s+(?:ended|ending|to)\b", ctx.text[m.end() : m.end() + 10]):
        return Reading("DURATION", "P1Y")
    year = ctx.published.year - (1 if adj == "latest" else 0)
    return Reading("DATE", str(year))


@rule
def resolve_period_edge(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    unit = m["unit"].lower()
    mod = R.POSITION_MODS[m["pos"].lower()]
    step = edge_step(ctx, m, mod)
    return Reading("DATE", current_period(ctx.published, unit, step), mod)


@rule
def resolve_year_end(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    step = -1 if tense_near(ctx, m.start(), m.end()) == "PAST" else 0
    return Reading("DATE", current_period(ctx.published, m["unit"].lower(), step), "END")


@rule
def resolve_part_of_period(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    count = parse_number(m["num"])
    unit = unit_name(m["unit"])
    year = year_of_relyear(ctx, m) or ctx.published.year
    value = duration_value(count, unit)
    if count is None or unit not in ("month", "quarter") or count > 12:
        return Reading("DURATION", value)
    count = int(count)
    first = 1 if m["side"].lower() == "first" else 13 - count
    when = f"{month_value(year, first)}/{month_value(year, first + count - 1)}"
    return Reading("DURATION", value, when=when)


# ---------------------------------------------------------------- resolvers: durations and sets


def is_age(ctx: Context, start: int, end: int) -> bool:
    return (
        word_before(ctx, start) in ("age", "ages", "aged")
        or re.match(r"\s+(?:and|or)\s+(?:older|younger|over|under)\b|\s+of\s+age\b", ctx.text[end : end + 20])
        is not None
    )


@rule
def resolve_duration(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if is_age(ctx, m.start(), m.end()):
        return None
    count = parse_number(m["num"])
    unit = unit_name(m["unit"])
    separator = ctx.text[m.end("num") : m.start("unit")]
    if unit == "quarter" and (count == 1 or re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4])):
        return None  # "a quarter of the shares", "three quarters of the vote": fractions
    if m["half"] and count is not None:
        count += 0.5
    if (
        unit == "second"
        and count == 1
        and not re.match(
            r"\s*(?:[^\w\s]|$|later|earlier|ago|before|after|of|and|or"
            r"|to|in|for)",
            ctx.text[m.end() : m.end() + 8],
        )
    ):
        return None
    if count is None and "-" in separator:
        return None
    start = m.start()
    adjective = "-" in separator or not re.match(r"(?:s|ies)\b", ctx.text[m.end("unit") : m.end("unit") + 4])
    if m["the"] and adjective and not m["rel"]:  # "the two-day meeting": the count is the expression
        start = m.start("num") if not m["qmod"] else m.start("qmod")
    if m["num"].lower() == "one" and unit == "day" and word_before(ctx, m.start()) in ("", "some", "until", "that"):
        return None
    if m["num"].lower() == "one" and unit == "day" and word_before(ctx, m.start()) in R.MODALS:
        return Reading("DATE", "FUTURE_REF")
    mod = R.QUANTITY_MODS.get((m["qmod"] or "").lower())
    when = None
    after = ctx.text[m.end() : m.end() + 7].lower()
    if count is not None and unit in ("week", "month", "year") and re.match(r"\s+after\b", after) and not m["the"]:
        when = shift_value(ctx.published, unit, -int(count))
    when = when or recent_when(ctx, m["rel"], count, unit)
    return Reading("DURATION", duration_value(count, unit), mod, when, span=(start, m.end()))


@rule
def resolve_duration_range(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if is_age(ctx, m.start(), m.end()):
        return None
    unit = re.match(r"\s*(?:and|to|or|-|–)\s*\d+(?:\.\d+)?[\s-]+(\w+?)s", ctx.text[m.end() :])
    return Reading("DURATION", duration_value(parse_number(m["num"]), unit.group(1))) if unit else None


@rule
def resolve_vague_plural(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["unit2"]:  # "in the weeks ahead"
        return Reading("DURATION", duration_value(None, m["unit2"]))
    return Reading("DURATION", duration_value(None, m["unit"]), when=recent_when(ctx, m["rel"], None, m["unit"]))


def recent_when(ctx: Context, rel: str | None, count: float | None, unit: str) -> str | None:
    """'In the past few days' puts an event about now: the days up to publication.
    Longer looks back ('over the past year') are spans, not points on a timeline."""
    unit = unit_name(unit)
    if (rel or "").lower() not in ("past", "last", "recent") or unit not in ("day", "week"):
        return None
    days = int(count if count is not None else 3) * (7 if unit == "week" else 1)
    if count is None and unit == "week":
        days = 14
    return f"{(ctx.published - dt.timedelta(days=days)).isoformat()}/{ctx.published.isoformat()}"


@rule
def resolve_bare_plural(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DURATION", duration_value(None, m["unit"] or m["unit2"] or m["unit3"]))


@rule
def resolve_every(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    unit = m["unit"].lower()
    if unit in R.PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}")
    if unit == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    if unit == "season":
        return Reading("SET", "P1Y")
    if unit == "weekday":
        return Reading("SET", "XXXX-WXX-WD")
    count = parse_number(m["num"]) if m["num"] else 1
    count = (count or 1) * (2 if m["other"] else 1)
    return Reading("SET", duration_value(count, unit))


# "$5 billion a year", "5,000 barrels a day": an amount just before "a year".
RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|[mbk]n?|billion|million|trillion|thousand|percent|per cent)?|times|twice"
    r"|once)\s+(?:[a-z-]+\s+){0,2}$",
    re.I,
)


@rule
def resolve_per_unit(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if not m["times"] and not RATE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None
    return Reading("SET", duration_value(1, m["unit"]))


@rule
def resolve_set_adverb(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'Prices are set quarterly' is a set of times; 'the quarterly dividend', 'average daily
    volume' name a kind of thing (an adjective before its noun), not a time."""
    following = re.match(r"\s+([a-z][a-z-]*)", ctx.text[m.end() : m.end() + 30])
    if following and following.group(1) not in R.FUNCTION_WORDS:
        return None
    if word_before(ctx, m.start()) in R.NOUN_DETERMINERS:
        return None  # "declared its initial quarterly of five cents": the dividend, a noun
    return Reading("SET", R.SET_ADVERBS[m["word"]])


@rule
def resolve_present_ref(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DATE", "PRESENT_REF")


@rule
def resolve_past_ref(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DATE", "PAST_REF")


@rule
def resolve_future_ref(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    return Reading("DATE", "FUTURE_REF")


# ---------------------------------------------------------------- resolvers: clock times


def clock_date(ctx: Context, start: int, anchors: Anchors) -> str:
    """A clock time falls on the last day the text named, else on the publication day."""
    return (anchors.day or ctx.published).isoformat()


@rule
def resolve_clock(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if int(m["h"]) > 12:
        return None
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minutes = f":{m['m']}" if m["m"] else ""
    return Reading("TIME", f"{clock_date(ctx, m.start(), anchors)}T{hour:02d}{minutes}")


@rule
def resolve_clock24(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    """'15:00 GMT'; without a time zone only after 'at', 'by'..., since '3:1' may be a score."""
    if not m["tz"] and word_before(ctx, m.start()) not in R.CLOCK_PREPOSITIONS:
        return None
    return Reading("TIME", f"{clock_date(ctx, m.start(), anchors)}T{int(m['h']):02d}:{m['m']}")


@rule
def resolve_clock_word(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    if m["word"]:
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
    else:
        hour = parse_number(m["h"])
        clock = f"{int(hour):02d}" if hour else "XX"
    return Reading("TIME", f"{clock_date(ctx, m.start(), anchors)}T{clock}")


@rule
def resolve_race_time(m: re.Match, ctx: Context, anchors: Anchors) -> Reading | None:
    parts = [(int(m["h"]), "H"), (int(m["m"]), "M"), (int(m["s"]), "S")]
    return Reading("DURATION", "PT" + "".join(f"{n}{u}" for n, u in parts if n))


# ---------------------------------------------------------------- the step

RULES: tuple[tuple[str, re.Pattern, Resolver], ...] = tuple(
    (name, _compile(pattern, name), RESOLVERS[name]) for name, pattern in R.PATTERNS.items()
)
# What a resolver may raise on text its author did not foresee (a date past year 9999, a
# number the calendar cannot hold): that match is skipped, never the article.
RULE_FAILURES = (ArithmeticError, LookupError, TypeError, ValueError)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    priority: int
    match: re.Match
    resolver: Resolver

    def resolve(self, ctx: Context, anchors: Anchors) -> Reading | None:
        try:
            return self.resolver(self.match, ctx, anchors)
        except RULE_FAILURES as error:
            log.debug("timex rule %s skipped %r at %d: %r", self.resolver.__name__, self.match[0], self.start, error)
            return None


def find_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    starts = WordStarts(text)
    for priority, (_, pattern, resolver) in enumerate(RULES):
        matches = starts.finditer(pattern)
        found.extend(Candidate(m.start(), m.end(), priority, m, resolver) for m in matches if m.end() > m.start())
    return found


def select_candidates(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Longest first; a candidate its resolver rejects leaves room for a shorter one."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        reading = cand.resolve(ctx, Anchors())
        if reading is None:
            continue
        start, end = reading.span or (cand.start, cand.end)
        taken.append((start, end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def advance(anchors: Anchors, reading: Reading, start: int, published: dt.date) -> Anchors:
    months = re.fullmatch(r"P(\d+)M", reading.value) if reading.type == "DURATION" else None
    if months and 3 < int(months[1]) < 12:
        return replace(anchors, months_at=start)
    if reading.type not in ("DATE", "TIME") or not CALENDAR_VALUE.match(reading.value) or reading.anaphoric:
        return anchors
    # The quarter a results story is about is the first recent one it names (the lead's);
    # "stopped paying in the third quarter of 1984" is history, not the story's quarter.
    # The last one named is kept too, for a "year earlier" in its own sentence.
    quarter = QUARTER_VALUE.fullmatch(reading.when or reading.value)
    if quarter and int(quarter[1]) >= published.year - 1:
        shift = quarter_distance(reading.value, quarter[0])
        anchors = replace(anchors, named_quarter=reading.value, named_quarter_at=start, named_shift=shift)
        if anchors.quarter is None:
            anchors = replace(anchors, quarter=reading.value, fiscal_shift=shift)
    day = DAY_VALUE.match(reading.value)
    if day:
        return replace(
            anchors, day=dt.date(int(day[1]), int(day[2]), int(day[3])), period=reading.value[:10], period_at=start
        )
    # A fiscal quarter's months are those of its calendar quarter (its `when`).
    period = reading.when if reading.when and QUARTER_VALUE.fullmatch(reading.when) else reading.value
    return replace(anchors, period=period, period_at=start)


def fiscal_quarters(quarter: str | None) -> tuple[str, ...]:
    """A quarter's value and its year-ago quarter's: '1989-Q1' -> ('1989-Q1', '1988-Q1')."""
    m = QUARTER_VALUE.fullmatch(quarter or "")
    return (m[0], f"{int(m[1]) - 1}-{m[2]}") if m else ()


def quarter_distance(named: str, calendar: str) -> int:
    a, b = QUARTER_VALUE.fullmatch(named), QUARTER_VALUE.fullmatch(calendar)
    if not (a and b):
        return 0
    return int(b[1]) * 4 + int(b[2][1]) - int(a[1]) * 4 - int(a[2][1])


def shift_quarter(value: str, quarters: int) -> str:
    m = QUARTER_VALUE.fullmatch(value)
    if not m or not quarters:
        return value
    index = int(m[1]) * 4 + int(m[2][1]) - 1 + quarters
    return f"{index // 4}-Q{index % 4 + 1}"


def when_of(reading: Reading) -> str | None:
    if not reading.placed:
        return None
    if reading.when is not None:
        return reading.when
    if reading.type in ("DATE", "TIME") and CALENDAR_VALUE.match(reading.value) and "X" not in reading.value:
        return reading.value
    return None


def merge_clock_day(found: list[Timex], text: str) -> list[Timex]:
    """'15:00 GMT Saturday' is one time: the clock on that day."""
    merged: list[Timex] = []
    for timex in found:
        last = merged[-1] if merged else None
        if (
            last
            and last.type == "TIME"
            and timex.type == "DATE"
            and DAY_VALUE.fullmatch(timex.value)
            and re.fullmatch(r"\s+|\s*,\s*|\s+on\s+", text[last.end : timex.start])
            and "T" in last.value
            and re.match(r"\d", last.value.split("T")[1])
        ):
            value = f"{timex.value}T{last.value.split('T')[1]}"
            merged[-1] = Timex(last.start, timex.end, text[last.start : timex.end], "TIME", value, None, value)
            continue
        merged.append(timex)
    return merged


RANGE_GAP = re.compile(r"\s*(?:[-–]|to|through|until|till|and)\s*")
RANGE_OPENER = re.compile(r"\b(?:from|between|over|in|during)\s+$", re.I)
MONTH_OR_DAY_VALUE = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)")
YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)")


def is_range(first: Timex, second: Timex, text: str) -> bool:
    gap, before = text[first.end : second.start], text[max(0, first.start - 12) : first.start]
    dash = re.fullmatch(r"\s*[-–]\s*", gap) is not None
    return RANGE_GAP.fullmatch(gap) is not None and (dash or RANGE_OPENER.search(before) is not None)


def names_month(text: str) -> bool:
    return any(word[:3].lower() in R.MONTHS and len(word) >= 3 for word in re.findall(r"[A-Za-z]+", text))


def share_range_year(found: list[Timex], text: str) -> list[Timex]:
    """'from May to October 2020', 'Nov. 18-Dec. 19, 2015': the year written at a range's end
    is its start's too (the year before, when the start's month comes later in the year)."""
    shared = list(found)
    for i in range(len(shared) - 1):
        first, second = shared[i], shared[i + 1]
        start, end = MONTH_OR_DAY_VALUE.fullmatch(first.value), MONTH_OR_DAY_VALUE.fullmatch(second.value)
        if not (start and end and first.type == second.type == "DATE" and is_range(first, second, text)):
            continue
        if YEAR_WRITTEN.search(first.text) or not YEAR_WRITTEN.search(second.text) or not names_month(first.text):
            continue  # a weekday or "today" is dated by the calendar, not by a year written after it
        year = int(end[1]) - (1 if start[2] > end[2] else 0)
        value = f"{year:04d}{start[2]}"
        shared[i] = replace(first, value=value, when=value if first.when == first.value else first.when)
    return shared


def link_ranges(found: list[Timex], text: str) -> list[Timex]:
    """'from 2004 to 2009', 'between July 2003 and December 2004': TimeML keeps two dates,
    the timeline wants one period, so the first carries the interval and the second none."""
    linked = list(found)
    for i in range(len(linked) - 1):
        first, second = linked[i], linked[i + 1]
        if not (first.when and second.when and first.type == second.type == "DATE" and "/" not in first.when):
            continue
        if not is_range(first, second, text):
            continue
        gap, before = text[first.end : second.start], text[max(0, first.start - 12) : first.start]
        if first.when < second.when and ("and" not in gap or "between" in before.lower()):
            linked[i] = replace(first, when=f"{first.when}/{second.when}")
            linked[i + 1] = replace(second, when=None)
    return linked


def find_timexes(text: str, published: dt.date, doc: object | None = None) -> list[Timex]:
    """Every temporal expression in `text` (an article body), sorted by start, non-overlapping.
    `doc` is accepted for callers holding a spaCy parse; the rules need only the text."""
    ctx = Context(text, published, sentence_starts(text))
    anchors = Anchors()
    found = []
    for cand in select_candidates(find_candidates(text), ctx):
        reading = cand.resolve(ctx, anchors)
        if reading is None:
            continue
        start, end = reading.span or (cand.start, cand.end)
        when = when_of(reading)
        if reading.anaphoric and when:  # the year-ago quarter of a fiscal quarter, in calendar months
            when = shift_quarter(when, anchors.fiscal_shift)
        if anchors.fiscal_unplaced and when is not None and when in fiscal_quarters(anchors.quarter):
            when = None  # 'the quarter', 'the 1988 period' of a fiscal quarter with unknown months
        found.append(Timex(start, end, text[start:end], reading.type, reading.value, reading.mod, when))
        try:
            before = anchors
            anchors = advance(anchors, reading, start, published)
            if before.quarter is None and anchors.quarter is not None and when_of(reading) == reading.value:
                anchors = replace(anchors, fiscal_unplaced="fiscal" in text[start:end].lower())
        except RULE_FAILURES:  # a value no calendar date can hold ("0000-01-01") anchors nothing
            pass
    return link_ranges(share_range_year(merge_clock_day(found, text), text), text)
