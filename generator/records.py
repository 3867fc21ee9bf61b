"""The briefing data's shape, for the type checker: what `data.briefing_data` makes,
the build caches and corrects, the pages read and `site.published_data` publishes
beside each page. It mirrors briefings/briefing.schema.json (the published contract,
checked by the tests); these are plain dicts at run time, so the JSON is unchanged.
(No `from __future__ import annotations`: TypedDict reads NotRequired only from real
annotations, and tests/test_data_docs.py compares the required keys with the schema.)"""

from typing import NotRequired, TypedDict


class SentenceRecord(TypedDict):
    id: str  # the anchor on the page: s1, s2, …
    paragraph: int
    text: str


class PublishedSentence(TypedDict):
    """A sentence as published (schema 2): its place in `body`, not its text again."""

    id: str
    paragraph: int
    start: int  # in code points, in body[paragraph]
    end: int


class SourceFields(TypedDict):
    """Where an item comes from: every event, figure and quote has them."""

    source: str  # the sentence's text
    sentence: str  # its anchor


class CalendarSpan(TypedDict):
    start: str | None  # first and last day a `when` can mean (ISO dates); None where no calendar holds it
    end: str | None


class EventRecord(CalendarSpan, SourceFields):
    when: str  # TIMEX3-style value
    readable: str
    granularity: str
    expression: str
    event: str
    expected: bool
    part: NotRequired[str]  # START, MID or END: the part of `when` the text gives


class ActorRecord(TypedDict):
    name: str
    kind: str  # person | organization | place
    aliases: list[str]
    role: str | None
    mentions: int
    sentences: list[str]  # anchors
    url: NotRequired[str]  # its page across briefings: added when published


class FigureRecord(SourceFields):
    text: str
    value: int | float
    unit: str | None
    measure: str
    qualifier: str | None
    period: str | None
    conversion: str | None


class QuoteRecord(SourceFields):
    speaker: str | None
    text: str


class IncompleteParts(TypedDict, total=False):
    incomplete: list[str]


class BriefingData(TypedDict):
    schema_version: int
    id: str
    permalink: NotRequired[str]  # added when published
    published: str  # YYYY-MM-DD
    title: str
    summary: str
    summary_sentences: list[str]
    source: str | None
    url: str | None
    author: str | None
    tags: list[str]
    body: list[str]
    sentences: list[SentenceRecord]
    timeline: list[EventRecord]
    actors: list[ActorRecord]
    figures: list[FigureRecord]
    quotes: list[QuoteRecord]
    topics: list[str]
    removed_boilerplate: list[str]
    incomplete: NotRequired[list[str]]  # parts whose extractor failed; absent when none did
    stale: NotRequired[str]  # the seed no longer builds: its error, and this is its last good data
    generator: str


# An actor as one briefing has it: the cross-briefing indexes (pages/actors.py) hold these.
Appearance = tuple[BriefingData, ActorRecord]
