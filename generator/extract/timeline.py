"""Timeline: the parsed article and its temporal expressions in, dated `Event`s out.

An event is a temporal expression that places something on the calendar (not a
duration or a vague "recently"), with a short phrase of who did what, taken from
the clause the expression modifies. Events on the same date from the same
sentence are one event; the timeline is sorted by date, then by position.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Event
from .phrases import governing_verb, join_tokens, noun_phrase, subject_of, within, without_asides
from .timex import Timex

OBJECT_DEPS = {"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prt", "dative", "agent", "prep"}


def is_event_date(timex: Timex) -> bool:
    """A point or period on the calendar; durations carry one only when anchored
    ("the first four months of this year")."""
    return timex.when is not None and not timex.when.startswith(("X", "P")) and timex.type != "SET"


def find_events(doc: Doc, timexes: list[Timex], sentence_of, name_of) -> list[Event]:
    """`name_of(token)` gives the actor a subject stands for, or None."""
    events: list[Event] = []
    since: dict[tuple[str, str], int] = {}
    modifiers: set[int] = set()
    for timex in timexes:
        if not is_event_date(timex):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _main_clause(governing_verb(span.root))
        subject = subject_of(verb) if verb is not None else None
        actor = name_of(subject) if subject is not None else None
        actor = actor if subject is not None and _stands_for_actor(subject, actor) else None
        noun = _dated_noun(span)
        phrase = _noun_event(noun, span) if noun is not None else event_phrase(span, verb, subject, actor)
        event = Event(when=timex.when, expression=timex.text, event=phrase,
                      sentence=sentence_of(timex.start), start=timex.start, end=timex.end)
        if span.root.dep_ in ("compound", "nummod", "amod") and span.root.head.pos_ in ("NOUN", "PROPN"):
            modifiers.add(id(event))  # 'the 2018 FIFA World Cup': a date in a name
        # 'visiting Russia since Monday' and 'arrived on Monday' tell one event: the arrival.
        key = (timex.when, actor or "")
        if actor and key in since:
            continue
        if actor and _after_since(span):
            since[key] = len(events)
        events.append(event)
    return sorted(_merge(events, modifiers), key=lambda e: (sort_key(e.when), e.sentence, e.start))


def _main_clause(verb):
    """'It was on the sidelines of … that Xi and Putin had their first meeting':
    the event is the clause after 'that', not 'was'."""
    if verb is None or verb.lemma_ != "be":
        return verb
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children):
        return verb
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl") and any(m.lower_ == "that" for m in child.children):
            return child
    return verb


def _dated_noun(span: Span):
    """The event noun a date is attached to: 'the outbreak of war on February 24',
    'the G7 meeting last week'."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        return root.head.head
    if root.dep_ == "npadvmod" and root.head.pos_ == "NOUN":
        return root.head
    return None


def _noun_event(noun, span: Span) -> str:
    tokens = [t for t in without_asides(noun) if not within(t, span) and not t.is_punct]
    while tokens and tokens[-1].pos_ in ("ADP", "DET", "CCONJ"):
        tokens.pop()
    return join_tokens(tokens[:MAX_EVENT_WORDS])


def _after_since(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


def _merge(events: list[Event], modifiers: set[int]) -> list[Event]:
    """One event per date and sentence; a date inside a name ('the 2018 World Cup')
    that a finer date of the same sentence falls in ('yesterday', 2018-06-18) is
    dropped."""
    kept = []
    for event in events:
        finer = [e for e in events if e.sentence == event.sentence and _within_period(e.when, event.when)]
        # 'at the end of the month on April 29': two names of one date, keep the finer.
        adjacent = any(abs(e.start - event.end) <= 6 or abs(event.start - e.end) <= 6 for e in finer)
        if finer and (id(event) in modifiers or adjacent):
            continue
        if any(e.sentence == event.sentence and e.when == event.when for e in kept):
            continue
        kept.append(event)
    return kept


def _within_period(finer: str, coarser: str) -> bool:
    return "/" not in coarser and "/" not in finer and finer.startswith(coarser + "-")


def sort_key(when: str) -> str:
    """Dates sort as text once weeks and intervals are read by their start."""
    return when.split("/")[0]


SKIP_DEPS = {"advcl", "relcl", "appos", "parataxis", "conj", "cc", "mark", "punct", "npadvmod", "dep", "intj"}
MAX_EVENT_WORDS = 16
WH_TAGS = {"WDT", "WRB", "WP"}  # 'which launches', 'when exploded': the relative word is not the event


def event_phrase(span: Span, verb, subject, actor: str | None) -> str:
    """Who did what: the clause of the verb the date modifies, read in order, with
    the subject as the actor's name, without the date and its preposition,
    subordinate clauses, appositions and long adjuncts."""
    if verb is None:
        return join_tokens([t for t in span.sent if not within(t, span) and not t.is_punct][:12])
    dropped: set[int] = set()
    for child in verb.children:
        subtree = list(child.subtree)
        long_adjunct = child.dep_ in ("prep", "advmod", "agent") and (
            len(subtree) > 5 or any(within(t, span) for t in subtree))
        if child.dep_ in SKIP_DEPS or long_adjunct or child == subject:
            dropped.update(t.i for t in subtree)
    tokens = [t for t in verb.subtree if t.i not in dropped and not within(t, span) and not t.is_punct
              and t.i >= verb.i - 3 or t.dep_ in ("aux", "auxpass", "neg") and t.head == verb]
    tokens = sorted({t for t in tokens if t.i not in dropped and not within(t, span) and t.tag_ not in WH_TAGS},
                    key=lambda t: t.i)
    text = join_tokens(tokens[:MAX_EVENT_WORDS])
    if subject is None:
        return text
    who = actor if _stands_for_actor(subject, actor) else join_tokens(noun_phrase(subject, limit=5))
    return f"{who} {text}".strip()


def _stands_for_actor(subject, actor: str | None) -> bool:
    """The actor's name replaces the subject only where the subject names or points
    to that actor ('he', 'who', 'the prime minister'), not 'Russia's energy supply'."""
    if actor is None:
        return False
    if any(c.dep_ == "appos" for c in subject.children):  # 'Trump's envoy, Steve Witkoff,'
        return True
    return (subject.ent_type_ != "" or subject.pos_ in ("PRON", "NOUN", "PROPN")) \
        and not any(c.dep_ in ("poss", "conj") for c in subject.children)
