"""The dates of a sentence read together: two dates told as the ends of one span
('late January and early February'), a noun's date beside a date of an act, and a
sentence that lists dated items; the kept dates (or, for a list, the text of each) out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .event_dates import modifies_a_noun, places_the_clause
from .event_facts import facts_of, path_to_clause
from .phrases import governing_verb
from .timex import Timex

if TYPE_CHECKING:
    from .timeline import Context


YEAR = re.compile(r"\d{4}")
MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(-\d\d)?")


def spans_told_by_both_ends(dated: list[tuple[Timex, Span]], doc: Doc) -> list[tuple[Timex, Span]]:
    """'sailed in late January and early February': two years, months or days in a row
    joined by 'and' in one phrase are one span of time; 'this year through August' is
    the span from the year's start. Each alone would give the voyage to one month, or a
    year's fall to its last month."""
    joined: list[tuple[Timex, Span]] = []
    text = doc.text  # built once: a property that joins every token
    for timex, span in dated:
        if joined:
            first, first_span = joined[-1]
            when = _span_value(first, first_span, timex, span, text[first.end : timex.start].strip().lower())
            if when is not None:
                merged = replace(first, end=timex.end, text=text[first.start : timex.end], when=when, mod=None)
                joined[-1] = (merged, doc[first_span.start : span.end])
                continue
        joined.append((timex, span))
    return joined


def _span_value(first: Timex, first_span: Span, second: Timex, span: Span, between: str) -> str | None:
    """The value of the span two neighbouring dates give, with `between` the words between them; or None."""
    if not first.when or not second.when:
        return None
    start = _year_start(first.when, second.when)
    if between in ("through", "to", "until") and start is not None:
        return f"{start}/{second.when}"  # 'has fallen 2.08% this year through Oct. 19'
    if between in ("and into", "into") and _after_preposition(first_span, "through") and _runs_on(first, second):
        return f"{first.when}/{second.when}"  # 'docked there through February and into early March'
    if (
        between == "and"
        and _next_to(first.when, second.when)
        and span.root.dep_ == "conj"
        and span.root.head == first_span.root  # not 'arrived on Monday and the next day attended'
    ):
        return f"{first.when}/{second.when}"  # also 'January and February articles': one span holds both
    return None


def _after_preposition(span: Span, word: str) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == word


def _runs_on(first: Timex, second: Timex) -> bool:
    """`second` starts after `first`, both as fine as each other: a span can run from one to the other."""
    if not first.when or not second.when or len(first.when) != len(second.when):
        return False
    return bool(MONTH_OR_DAY.fullmatch(first.when) and MONTH_OR_DAY.fullmatch(second.when)) and first.when < second.when


def _year_start(year: str, within: str) -> str | None:
    """The start of `year`, as fine as `within`, a month or day of that year ('1989', '1989-08' -> '1989-01')."""
    if not YEAR.fullmatch(year) or not MONTH_OR_DAY.fullmatch(within):
        return None
    return (year + "-01-01")[: len(within)] if within.startswith(year + "-") else None


def _next_to(first: str, second: str) -> bool:
    """Two years, months or days in a row ('January and February'); not 'May 3 and May 5'."""
    if YEAR.fullmatch(first) and YEAR.fullmatch(second):
        return int(second) == int(first) + 1  # 'would dilute earnings in both 1990 and 1991'
    if not (MONTH_OR_DAY.fullmatch(first) and MONTH_OR_DAY.fullmatch(second)) or len(first) != len(second):
        return False
    if len(first) == 7:
        (y1, m1), (y2, m2) = (map(int, value.split("-")) for value in (first, second))
        return y2 * 12 + m2 == y1 * 12 + m1 + 1
    return dt.date.fromisoformat(second) - dt.date.fromisoformat(first) == dt.timedelta(days=1)


def without_noun_dates_beside_acts(dated: list[tuple[Timex, Span]], context: Context) -> list[tuple[Timex, Span]]:
    """A date that describes a noun ('third-quarter earnings haven't been very good,
    but the effect hit home yesterday') dates that thing, not an act of the sentence:
    beside a date that dates one, it is left out."""
    describing = {
        id(span)
        for _, span in dated
        if (modifies_a_noun(span) or _after_a_phrase_s_noun(span) or _of_a_noun(span))
        and not places_the_clause(span.root.head)
    }
    acts = {context.sentence_at(span.start) for _, span in dated if id(span) not in describing}
    return [(t, span) for t, span in dated if not (id(span) in describing and context.sentence_at(span.start) in acts)]


# Nouns of a part of a period: 'the last half of the '80s' is still the '80s.
PERIOD_PARTS = {"half", "end", "beginning", "start", "middle", "part", "rest", "remainder", "week", "month", "year"}


def _of_a_noun(span: Span) -> bool:
    """'with an expected arrival of March 26': the date is what a noun is of."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return noun.pos_ == "NOUN" and noun.lemma_ not in PERIOD_PARTS and noun.ent_type_ != "DATE"


def _after_a_phrase_s_noun(span: Span) -> bool:
    """'prepare for a turnaround next year': a date set after a noun of a phrase, as what
    that noun is ('a turnaround next year'); not an amount's ('to $32 a share yesterday')."""
    root, noun = span.root, span.root.head
    return (
        root.dep_ == "npadvmod"
        and noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.i < root.i
        and noun.ent_type_ not in ("MONEY", "QUANTITY", "PERCENT")
    )


def listed_dates(dated: list[tuple[Timex, Span]], context: Context) -> dict[int, str]:
    """A sentence that lists dated items ('Greece and Turkey joined in 1952, West
    Germany in 1955 and Spain in 1982'): the parse cannot pair each item with its
    date safely, so the sentence is shown as written, once, under its first date.
    Returns, for each date of such a sentence, the text to show ('' = left out)."""
    dates = {i for _, span in dated for i in range(span.start, span.end)}
    by_sentence: dict[int, list[tuple[Timex, Span]]] = {}
    for timex, span in dated:
        by_sentence.setdefault(context.sentence_at(span.start), []).append((timex, span))
    shown: dict[int, str] = {}
    for items in by_sentence.values():
        listed = [(t, span) for t, span in items if _coordinated(span, dates) or _gapped(span, dates)]
        if len({t.when for t, _ in listed}) < 2:
            continue
        for n, (_, span) in enumerate(sorted(items, key=lambda item: item[1].start)):
            shown[id(span)] = context.sentence_text(span.start) if n == 0 else ""
    return shown


def _coordinated(span: Span, dates: set[int]) -> bool:
    """The date is an item of a list that pairs other words with other dates: a
    phrase holding it below its verb is a conjunct or a gapped remnant ('Spain in
    1982' hanging on a noun). Dates coordinated with each other ('in January and
    February') date the same words and are no such list."""
    return any(
        t.dep_ in ("conj", "appos", "dep", "npadvmod") and t.i not in dates and t.pos_ in ("NOUN", "PROPN")
        for t in path_to_clause(span)
    )


def _gapped(span: Span, dates: set[int]) -> bool:
    """The date's verb also holds a bare noun beside its subject and objects, the
    remnant of a gapped clause ('joined in 1952, West Germany in 1955')."""
    verb = governing_verb(span.root)
    if verb is None or facts_of(verb).wide:
        return False
    return any(
        c.dep_ in ("npadvmod", "conj", "dep", "appos") and c.pos_ in ("NOUN", "PROPN") and c.i not in dates
        for c in verb.children
    )
