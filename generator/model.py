"""The data that flows between the pipeline's steps.

Every extracted item names the sentence it came from (`sentence`, an index into
`Briefing.sentences`), so pages can link to it and the evaluation can check it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Seed:
    """One article as a person dropped it into seeds/."""

    name: str  # file name without extension: the briefing's id
    path: str
    published: dt.date
    body: str  # everything after the header's blank line, as in the file
    body_line: int  # 1-based line of the file where the body starts
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    text: str
    start: int  # character span in the cleaned body
    end: int

    @property
    def anchor(self) -> str:
        return f"s{self.index + 1}"


@dataclass(frozen=True)
class Event:
    when: str  # TIMEX3-style value: 2023-05-24, 2023-05, 2023-W20, 2023-01/2023-04
    expression: str  # the words that date it, as written
    event: str  # a short phrase: who did what
    sentence: int
    start: int  # span of the expression in the cleaned body
    end: int
    expected: bool = False  # dated after publication: what a plan, forecast or deadline expects
    part: str | None = None  # START, MID or END of `when` ('early 1991', 'by year end'): TIMEX3's MOD


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # person | organization | place
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 0
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class Figure:
    text: str  # as written, with a bracketed conversion when there is one
    value: float
    unit: str | None  # ISO 4217 for money, "%" for percentages, else a plain word
    measure: str  # what the number measures, a short phrase from the sentence
    sentence: int
    start: int
    end: int
    qualifier: str | None = None  # up, down, almost, at least, more than ...
    period: str | None = None  # the time the figure refers to, TIMEX3 style
    conversion: str | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str | None  # an actor's canonical name
    text: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Briefing:
    seed: Seed
    title: str
    summary: tuple[str, ...]  # sentences
    paragraphs: tuple[tuple[int, ...], ...]  # sentence indexes per paragraph
    sentences: tuple[Sentence, ...]
    timeline: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    removed: tuple[str, ...] = field(default=())  # boilerplate cut from the body
    topics: tuple[str, ...] = ()
    incomplete: tuple[str, ...] = ()  # parts whose extractor failed on this text, with the reason

    @property
    def id(self) -> str:
        return self.seed.name
