"""The briefing step: a seed and the NLP pipeline in, a `Briefing` out.

Cleans the body, parses it once, and runs each extractor over the same parse.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from .clean import clean_body
from .extract.actors import MentionIndex, find_actors
from .extract.figures import Periods, find_figures
from .extract.headline import make_headline, make_summary
from .extract.names import name_spans
from .extract.quotes import find_quotes
from .extract.sentences import join_paragraphs, make_sentence_lookup, split_sentences
from .extract.timeline import find_events, is_event_date, with_speakers
from .extract.timex import Timex, find_timexes
from .extract.topics import find_topics
from .model import Actor, Briefing, Event, Figure, Quote, Seed
from .nlp import parse_text

log = logging.getLogger(__name__)
T = TypeVar("T")


def make_briefing(seed: Seed, nlp: Language, keep: tuple[str, ...] = ()) -> Briefing:
    cleaned = clean_body(seed.body, nlp, keep)
    return briefing_from_doc(
        seed, parse_text(nlp, join_paragraphs(cleaned.paragraphs)), cleaned.paragraphs, cleaned.removed
    )


def briefing_from_doc(seed: Seed, doc: Doc, paragraphs: tuple[str, ...], removed: tuple[str, ...]) -> Briefing:
    sentences = split_sentences(doc, paragraphs)
    sentence_of = make_sentence_lookup(sentences)
    failed: list[str] = []
    attempt = partial(run_part, failed)
    timexes: list[Timex] = attempt("dates", find_timexes, doc.text, seed.published, default=[])
    names: list[Span] = attempt("actors", name_spans, doc, default=[])
    actors: list[Actor] = attempt("actors", find_actors, doc, names, sentence_of, default=[])
    mentions = MentionIndex(names, actors)

    dated: dict[int, list] = {}
    for timex in timexes:
        if is_event_date(timex):
            dated.setdefault(sentence_of(timex.start), []).append(timex)
    periods: dict[int, Periods] = {}

    def period(sentence: int, start: int, end: int) -> str | None:
        """The date a figure holds for, from its own clause ('trade reached $70
        billion in the first four months of this year'); each sentence's dates are
        placed once, not once per figure of the article."""
        if sentence not in periods:
            periods[sentence] = Periods(doc, dated.get(sentence, []))
        return periods[sentence].of(start, end)

    timeline: list[Event] = attempt(
        "timeline",
        find_events,
        doc,
        timexes,
        sentence_of,
        mentions.name_of_token,
        seed.published,
        mentions.certain_referent,
        default=[],
    )
    figures: list[Figure] = attempt(
        "figures",
        find_figures,
        doc,
        sentence_of,
        period,
        [(t.start, t.end) for t in timexes if t.type == "DATE"],
        default=[],
    )
    quotes: list[Quote] = attempt("quotes", find_quotes, doc, mentions, sentence_of, default=[])
    timeline = attempt("timeline", with_speakers, timeline, quotes, default=timeline)
    by_paragraph: dict[int, list[int]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence.index)
    title = (
        seed.title
        or attempt("headline", make_headline, doc, sentences, default=None)
        or (sentences[0].text if sentences else seed.name)
    )
    summary: list[str] = attempt("summary", make_summary, sentences, actors, figures, timeline, default=[])
    return Briefing(
        seed=seed,
        title=title,
        summary=tuple(summary),
        paragraphs=tuple(tuple(v) for _, v in sorted(by_paragraph.items())),
        sentences=tuple(sentences),
        timeline=tuple(timeline),
        actors=tuple(actors),
        figures=tuple(figures),
        quotes=tuple(quotes),
        removed=removed,
        topics=tuple(attempt("topics", find_topics, doc, default=[])),
        incomplete=tuple(failed),
    )


def run_part(failed: list[str], part: str, extract: Callable[..., T], *args, default: T) -> T:
    """One extractor's result, or `default` when it fails on this text: a rule that meets
    text its author did not foresee costs that part of the briefing, never the article."""
    try:
        return extract(*args)
    except Exception as error:  # noqa: BLE001 - named in the briefing and the build's notes
        log.warning("%s: %s failed: %r", extract.__module__, part, error)
        failed.append(f"{part} ({type(error).__name__}: {error})")
        return default
