"""The briefing as data: the JSON published beside each page, in the format that
../shared/eval/README.md describes (id, published, title, summary, body, timeline,
actors, figures, quotes), each item with its source sentence and that sentence's anchor."""

from __future__ import annotations

from . import __version__
from .dates import granularity, readable, value_span
from .model import Briefing, Event
from .records import BriefingData, CalendarSpan, EventRecord, IncompleteParts, SourceFields

# The version of the data's shape (generator/data/briefing.schema.json); raised when a
# field changes meaning or goes, not when one is added.
SCHEMA_VERSION = 1


def briefing_data(briefing: Briefing) -> BriefingData:
    sentences = briefing.sentences
    seed = briefing.seed

    def source(index: int) -> SourceFields:
        return {"source": sentences[index].text, "sentence": sentences[index].anchor}

    return {
        "schema_version": SCHEMA_VERSION,
        "id": briefing.id,
        "published": seed.published.isoformat(),
        "title": briefing.title,
        "summary": " ".join(briefing.summary),
        "summary_sentences": list(briefing.summary),
        "source": seed.source,
        "url": safe_url(seed.url),
        "author": seed.author,
        "tags": list(seed.tags),
        "body": [" ".join(sentences[i].text for i in paragraph) for paragraph in briefing.paragraphs],
        "sentences": [{"id": s.anchor, "paragraph": s.paragraph, "text": s.text} for s in sentences],
        "timeline": [event_record(e, source(e.sentence)) for e in briefing.timeline],
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "role": a.role,
                "mentions": a.mentions,
                "sentences": [sentences[i].anchor for i in a.sentences],
            }
            for a in briefing.actors
        ],
        "figures": [
            {
                "text": f.text,
                "value": plain_number(f.value),
                "unit": f.unit,
                "measure": f.measure,
                "qualifier": f.qualifier,
                "period": f.period,
                "conversion": f.conversion,
                **source(f.sentence),
            }
            for f in briefing.figures
        ],
        "quotes": [{"speaker": q.speaker, "text": q.text, **source(q.sentence)} for q in briefing.quotes],
        "topics": list(briefing.topics),
        "removed_boilerplate": list(briefing.removed),
        **incomplete_parts(briefing),
        "generator": __version__,
    }


def event_record(event: Event, source: SourceFields) -> EventRecord:
    record: EventRecord = {
        "when": event.when,
        **calendar_span(event.when),
        "readable": readable(event.when, event.part),
        "granularity": granularity(event.when),
        "expression": event.expression,
        "event": event.event,
        "expected": event.expected,
        **source,
    }
    if event.part:
        record["part"] = event.part  # only where the text gives one
    return record


def incomplete_parts(briefing: Briefing) -> IncompleteParts:
    """The parts whose extractor failed, under "incomplete"; nothing when none did."""
    return {"incomplete": list(briefing.incomplete)} if briefing.incomplete else {}


def safe_url(url: str | None) -> str | None:
    """Only web links reach a page: a seed's `javascript:` URL is dropped."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def calendar_span(when: str) -> CalendarSpan:
    """The first and last day a `when` can mean, for readers of the data that do not parse
    TIMEX3 values ('2023-W20', '2022-SU', 'a/b'); null where no calendar holds it."""
    span = value_span(when)
    return {"start": span[0].isoformat() if span else None, "end": span[1].isoformat() if span else None}


def plain_number(value: float) -> int | float:
    """190000000000, not 190000000000.0: whole amounts are written as integers."""
    return int(value) if float(value).is_integer() else value
