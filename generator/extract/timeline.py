"""Timeline: the parsed article and its temporal expressions in, dated `Event`s out.

An event is a temporal expression that places something on the calendar (not a
duration or a vague "recently"), with a short phrase of who did what, taken from
the clause the expression modifies. Events on the same date from the same
sentence are one event; the timeline is sorted by date, then by position.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Event
from .phrases import governing_verb, join_tokens, noun_phrase, subject_of, within
from .timex import Timex

OBJECT_DEPS = {"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prt", "dative", "agent", "prep"}


def is_event_date(timex: Timex) -> bool:
    return timex.when is not None and timex.type in ("DATE", "TIME") and not timex.when.startswith(("X", "P"))


def find_events(doc: Doc, timexes: list[Timex], sentence_of, name_at) -> list[Event]:
    """`name_at(token)` gives an actor's name for a pronoun or a mention, or None."""
    events: dict[tuple[str, int], Event] = {}
    for timex in timexes:
        if not is_event_date(timex):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_of(timex.start)
        key = (timex.when, sentence)
        if key in events:
            continue
        events[key] = Event(when=timex.when, expression=timex.text, event=event_phrase(span, name_at),
                            sentence=sentence, start=timex.start, end=timex.end)
    return sorted(events.values(), key=lambda e: (sort_key(e.when), e.sentence, e.start))


def sort_key(when: str) -> str:
    """Dates sort as text once weeks and intervals are read by their start."""
    return when.split("/")[0]


def event_phrase(span: Span, name_at) -> str:
    """Who did what: the subject, the verb and its complements of the clause that
    the date modifies, without the date itself."""
    verb = governing_verb(span.root)
    if verb is None:
        return join_tokens([t for t in span.sent if not within(t, span)][:12])
    subject = subject_of(verb)
    words = []
    if subject is not None:
        words.extend(_subject_words(subject, name_at))
    complements = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("neg", "aux", "auxpass"):
            phrase = [t for t in child.subtree if not within(t, span) and not t.is_punct]
            if child.dep_ == "prep" and (any(within(t, span) for t in child.subtree) or len(phrase) > 6):
                continue
            if child.dep_ in ("ccomp", "xcomp"):
                phrase = phrase[:8]
            complements.append((child.i, phrase))
    before = [p for i, p in complements if i < verb.i]
    after = [p for i, p in complements if i > verb.i]
    for phrase in before:
        words.extend(t for t in phrase if t not in words)
    words.append(verb)
    for phrase in after:
        words.extend(phrase)
    text = join_tokens(sorted(set(words), key=lambda t: t.i)[:16]) if not subject else \
        _join_subject(_subject_text(subject, name_at), sorted(set(words) - set(_subject_words(subject, name_at)),
                                                               key=lambda t: t.i)[:14])
    return text.strip(" ,;:")


def _subject_words(subject, name_at) -> list:
    return noun_phrase(subject, limit=5)


def _subject_text(subject, name_at) -> str:
    named = name_at(subject)
    if named:
        return named
    return join_tokens(noun_phrase(subject, limit=5))


def _join_subject(subject: str, rest: list) -> str:
    return f"{subject} {join_tokens(rest)}".strip()
