"""Timeline: the parsed article and its temporal expressions in, dated `Event`s out.

An event is a temporal expression that places something on the calendar (not a
duration, a vague "recently", the base of a comparison, a record's reference or a
date inside a name), told by the clause the expression dates: the clause as the
parse gives it, with its subject, negation, modality and time limits, the date
expression kept in it, and only whole subordinate clauses, side clauses and
appositions left out. When that clause is not a statement on its own (no subject,
a pronoun that cannot be resolved with certainty, a scrap) the sentence is shown
as written, or the date is left out. Events on the same date from the same
sentence are one event; the timeline is sorted by date, then by position.

Work per date is bounded (a clause longer than `MAX_CLAUSE_TOKENS` is replaced
by its sentence, which is built once), so a run-on sentence of many dates costs
time in proportion to its length, not its square.

This module holds the entry points, the per-document `Context` and the loop over
the dates; each step lives beside it: `event_dates` (does a date date an event),
`event_date_groups` (the dates of a sentence read together), `event_clause` (the
clause of a date), `event_subjects` (its subject and the names put in),
`event_side_clauses` (dates of side clauses and participles), `event_nouns` (dates
told by a noun's phrase), `event_wording` (the clean-ups of an event's text), and
`event_facts` (the word lists and per-verb facts they share).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..dates import value_span
from ..model import Event, Quote
from .event_clause import clause_verb, describe, strip_edges
from .event_date_groups import listed_dates, spans_told_by_both_ends, without_noun_dates_beside_acts
from .event_dates import (
    after,
    after_since,
    contradicted_forecast,
    dates_an_event,
    expected_act,
    fiscal_part_of_year,
    forecast_period,
    modifies_a_noun,
    overtaken_plan,
    past_act_over_the_future,
    plan_of_the_past,
    unfinished_quarter_told_as_done,
)
from .event_facts import FACTS_KEY, MAX_CLAUSE_TOKENS, path_to_clause
from .event_nouns import (
    aim_as_told,
    aim_of_a_phrase,
    bounding_noun,
    describing_participle,
    participle_as_statement,
    participle_beside_another_date,
    thing_as_told,
    thing_of_a_perfect,
)
from .event_side_clauses import only_a_time_reference, side_clause, side_clause_text, tells_its_sentence
from .event_subjects import statement_tokens
from .event_wording import (
    descriptions_named,
    quotation_marks_closed,
    relative_date_placed,
    reported_first,
    wholly_quoted,
    without_another_dates_conjunct,
    without_another_dates_verb,
    without_another_opening_date,
    without_opening_connective,
)
from .phrases import LOOSE_CLITIC, doc_text, governing_verb, subject_of, text_of
from .quotes import find_quoted
from .timex import Timex

MAX_DATES_PER_SENTENCE_TEXT = 2
PARTS = {"START", "MID", "END"}  # the TIMEX3 MODs an event keeps: 'early 1991', 'year end'
EARLIER_SENTENCES = 3  # how far back 'the chip' looks for the phrase that named it
MAX_EARLIER_MENTIONS = 8


def is_event_date(timex: Timex) -> bool:
    """A point or period on the calendar; durations carry one only when anchored
    ("the first four months of this year")."""
    return timex.when is not None and not timex.when.startswith(("X", "P")) and timex.type != "SET"


@dataclass
class Context:
    """What every date of a document needs, computed once: sentence bounds and the
    people the NER found, by sentence."""

    doc: Doc
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    people: list[list[Span]] = field(default_factory=list)
    sentence_texts: dict[int, str] = field(default_factory=dict)
    statements: dict[int, bool] = field(default_factory=dict)
    descriptions: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    referent_of: Callable[[Token], str | None] = lambda token: None
    quoted: list[tuple[int, int]] | None = None
    roots: dict[int, Token] = field(default_factory=dict)
    nouns: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> Context:
        context = cls(doc)
        for sent in doc.sents:
            context.starts.append(sent.start)
            context.ends.append(sent.end)
            context.people.append([])
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                context.people[context.sentence_at(ent.start)].append(ent)
        return context

    def sentence_at(self, i: int) -> int:
        return max(bisect.bisect_right(self.starts, i) - 1, 0)

    def sentence_tokens(self, i: int) -> tuple[int, int]:
        index = self.sentence_at(i)
        return self.starts[index], self.ends[index]

    def sentence_root(self, i: int) -> Token:
        """The root of the sentence of token `i`, found once per sentence (a span's root is
        looked up over all its tokens)."""
        index = self.sentence_at(i)
        if index not in self.roots:
            self.roots[index] = self.doc[self.starts[index] : self.ends[index]].root
        return self.roots[index]

    def sentence_is_statement(self, i: int) -> bool:
        """Whether the sentence of token `i` can stand as an event: judged once per
        sentence, and never for a run-on sentence beyond any clause's length."""
        index = self.sentence_at(i)
        if index not in self.statements:
            start, end = self.starts[index], self.ends[index]
            self.statements[index] = end - start <= 4 * MAX_CLAUSE_TOKENS and statement_tokens(
                strip_edges(list(self.doc[start:end]))
            )
        return self.statements[index]

    def descriptions_at(self, i: int) -> list[tuple[str, str]]:
        """The subjects of the sentence of token `i` that only describe an actor ('the
        company', 'he', a bare surname) and the actor each stands for: (words, name); found
        once per sentence."""
        index = self.sentence_at(i)
        if index not in self.descriptions:
            found = []
            for token in self.doc[self.starts[index] : self.ends[index]]:
                if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PRON", "PROPN"):
                    continue
                if any(c.dep_ == "appos" for c in token.children):
                    continue  # 'the company, Kellogg Co., said': named already
                if token.pos_ == "PROPN" and self.in_quotation(token.idx):
                    continue  # a name is given in full by our words, never inside the speaker's
                name = self.referent_of(token) or self.named_earlier(token)
                if name:
                    found.append((text_of(list(self.doc[token.left_edge.i : token.i + 1])), name))
                its = next((c for c in token.children if c.lower_ == "its" and c.dep_ == "poss"), None)
                if its is not None and (owner := self.referent_of(its)):
                    found.append((its.text, owner))  # 'Its [Nashua Corp] stock closed …'
            self.descriptions[index] = found
        return self.descriptions[index]

    def named_earlier(self, token: Token) -> str | None:
        """'The chip' after 'Intel's 80486 chip': a bare 'the' + noun stands for the one
        phrase of the sentences before (three at most) that named a thing with that noun
        ('Intel's 80486 chip', 'the Covington plant', 'the orbiter Atlantis'); None when
        there is none or several."""
        if token.tag_ != "NN" or [c.lower_ for c in token.children if c.i < token.i] != ["the"]:
            return None
        index = self.sentence_at(token.i)
        window = self.starts[max(index - EARLIER_SENTENCES, 0)]
        if self.nouns is None:  # where each noun is, by lemma: found once, looked up per subject
            self.nouns = {}
            for noun in self.doc:
                if noun.pos_ == "NOUN":
                    self.nouns.setdefault(noun.lemma_, []).append(noun.i)
        places = self.nouns.get(token.lemma_, [])
        phrases = set()
        earlier_places = places[bisect.bisect_left(places, window) : bisect.bisect_left(places, token.i)]
        for i in earlier_places[-MAX_EARLIER_MENTIONS:]:  # a noun said over and over names nothing new
            earlier = self.doc[i]
            modifiers = [c for c in earlier.children if c.i < earlier.i and c.dep_ in ("compound", "poss", "nummod")]
            names = [c for c in earlier.children if c.i == earlier.i + 1 and c.pos_ == "PROPN"]
            if names:  # 'the orbiter Atlantis'
                phrases.add(text_of([earlier, *self.doc[names[0].i : names[0].right_edge.i + 1]]))
            elif any(m.pos_ == "PROPN" or m.like_num for m in modifiers):
                words = list(self.doc[min(m.left_edge.i for m in modifiers) : earlier.i + 1])
                while words and words[0].pos_ in ("PRON", "DET"):
                    words.pop(0)  # 'its $37-a-share tender offer' -> '$37-a-share tender offer'
                phrases.add(text_of(words))
        return phrases.pop() if len(phrases) == 1 else None

    def in_quotation(self, offset: int) -> bool:
        if self.quoted is None:
            self.quoted = [(q.start, q.end) for q in find_quoted(doc_text(self.doc))]
        at = bisect.bisect_right(self.quoted, (offset, 1 << 62)) - 1
        return at >= 0 and self.quoted[at][0] <= offset < self.quoted[at][1]

    def sentence_text(self, i: int) -> str:
        """The sentence as written; of a parse sentence that spans a paragraph break,
        the paragraph's part that holds token `i`."""
        index = self.sentence_at(i)
        if index not in self.sentence_texts:
            sent = self.doc[self.starts[index] : self.ends[index]]
            self.sentence_texts[index] = doc_text(self.doc)[sent.start_char : sent.end_char]
        text, offset = self.sentence_texts[index], self.doc[self.starts[index]].idx
        position = self.doc[i].idx - offset
        start = text.rfind("\n\n", 0, position)
        end = text.find("\n\n", position)
        return text_of_sentence(text[start + 1 if start >= 0 else 0 : end if end >= 0 else len(text)])


def text_of_sentence(text: str) -> str:
    """A sentence as written, its words joined as words ('Jairan's'), without the
    closing quote a sentence split left at its start."""
    text = LOOSE_CLITIC.sub(r"\1\2", " ".join(text.split()))
    return LEFT_OVER_START.sub("", text)


# What a sentence split leaves of the sentence before: a closing quote ('" He said'),
# with the semicolon or comma after it ('"; Another source said').
LEFT_OVER_START = re.compile(r"""^[”’"](?=[\s;:,])[;:,]?\s*""")


def find_events(
    doc: Doc,
    timexes: list[Timex],
    sentence_of,
    name_of,
    published: dt.date | None = None,
    referent_of=None,
) -> list[Event]:
    """`name_of(token)` gives the actor a subject stands for, or None; a pronoun
    is replaced by it only when no other person could be meant. `referent_of(token)`
    names the actor a description ('the company') or a pronoun subject stands for with
    certainty, or None. A date after `published` dates only what a clause expects (the event is
    marked expected)."""
    try:
        return _find_events(doc, timexes, sentence_of, name_of, published, referent_of or (lambda token: None))
    finally:
        doc.user_data.pop(FACTS_KEY, None)  # per-verb facts hold tokens: not for the Doc's later users


def _find_events(
    doc: Doc, timexes: list[Timex], sentence_of, name_of, published: dt.date | None, referent_of
) -> list[Event]:
    context = Context.of(doc)
    context.referent_of = referent_of
    dated = []
    ahead: set[int] = set()
    for timex in timexes:
        if timex.when is None or not is_event_date(timex):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not dates_an_event(span, context):
            continue
        if published is not None and unfinished_quarter_told_as_done(timex.when, span, published):
            continue  # 'attributed its fourth-quarter slump' in October: a fiscal quarter, not the calendar's
        if fiscal_part_of_year(timex):
            continue  # 'earned $5.2 million in the fiscal first quarter': which months, the text does not say
        if overtaken_plan(span) or contradicted_forecast(span):
            # 'it had been due to expire Friday evening', 'would depart in early February,
            # but it did not leave until March 10': nothing happened then (blind raters: bad
            # even told whole, with its 'but')
            continue
        if published is not None and past_act_over_the_future(timex.when, span, published):
            continue  # 'has analysed effects over 2000 - 2050': the scope of a study, not when it was
        if published is not None and after(timex.when, published):
            if not expected_act(span) or plan_of_the_past(span) or forecast_period(span):
                continue  # 'was extended to Nov. 16', 'approaching next year': nothing happens then
            ahead.add(id(span))
        dated.append((timex, span))
    dated = spans_told_by_both_ends(without_noun_dates_beside_acts(dated, context), doc)
    dates_of_sentence = Counter(context.sentence_at(span.start) for _, span in dated)
    spans_of_sentence: dict[int, list[Span]] = {}
    for _, span in dated:
        spans_of_sentence.setdefault(context.sentence_at(span.start), []).append(span)
    listed = listed_dates(dated, context)
    told_by_sentence: dict[int, int] = {}
    events: list[Event] = []
    since: dict[tuple[str, str], int] = {}
    modifiers: set[int] = set()
    main_acts: set[int] = set()
    for timex, span in dated:
        when = timex.when
        if when is None:  # none is: only dates with a value were kept above
            continue
        if id(span) in listed:
            text, whole = listed[id(span)], True
            verb = None
        elif (plan := aim_of_a_phrase(span)) is not None:
            verb = None
            text, whole = aim_as_told(plan), False
        elif (participle := describing_participle(span)) is not None:
            verb = None
            text, whole = participle_as_statement(participle, span, id(span) in ahead), False
        elif id(span) not in ahead and (told := _participle_told_alone(span, spans_of_sentence, context)):
            verb = None
            text, whole = told, False
        elif (thing := thing_of_a_perfect(span) or bounding_noun(span)) is not None:
            verb = None
            text, whole = thing_as_told(thing, span, id(span) in ahead), False
        else:
            verb = clause_verb(span)
            if verb is not None and only_a_time_reference(verb, span):
                continue  # '… after the stock market closed Wednesday': when the main act was
            text, whole = describe(span, verb, context, name_of)
            side = side_clause(span, None if whole else verb, id(span) in ahead)
            if side:
                # Told by the whole sentence, a date of a side clause ('having seized … on
                # Thursday', 'a record set days before … early 2011') is read as the date of
                # the sentence's main act: a wrong fact (blind raters' commonest 'bad'). The
                # side clause tells it, when it is a clause with its own subject; else nothing.
                text, whole = next((t for t in (side_clause_text(v, span) for v in side) if t), ""), False
                if not text:
                    continue
            elif not whole and (
                dates_of_sentence[context.sentence_at(span.start)] == 1
                and tells_its_sentence(verb)
                and context.sentence_is_statement(span.start)
            ):
                # Cut from a sentence with no other date, a clause loses more than it gains:
                # the speaker of 'that the DAX dropped Friday', the cause in 'is killed when a
                # bomb explodes', the antecedent of 'the effect' (blind raters: a third of such
                # cuts good, two thirds of whole sentences).
                text, whole = context.sentence_text(span.start), True
            if whole:
                # Two dates of a sentence may both be told by it (a meeting and the
                # event it is dated against); more are a list, shown once.
                sentence = context.sentence_at(span.start)
                told_by_sentence[sentence] = told_by_sentence.get(sentence, 0) + 1
                if told_by_sentence[sentence] > MAX_DATES_PER_SENTENCE_TEXT:
                    continue
        if not text or whole and wholly_quoted(text):
            continue  # a quotation without its speaker is an opinion, not an event
        if whole:
            text = without_opening_connective(text, span, context)
        dates = spans_of_sentence[context.sentence_at(span.start)]  # this one's among them
        text = without_another_opening_date(text, span, dates, context)
        text = without_another_dates_verb(without_another_dates_conjunct(text, span, dates), span, dates)
        if len(dates) > 1 and text.endswith(context.sentence_text(span.start)[-12:]):
            text = reported_first(text, span, dates, context)  # told to its end: the sentence
        text = descriptions_named(text, span, context)
        text = relative_date_placed(text, timex.text, when)
        event = Event(
            when=when,
            expression=timex.text,
            event=text,
            sentence=sentence_of(timex.start),
            start=timex.start,
            end=timex.end,
            expected=id(span) in ahead,
            part=timex.mod if timex.mod in PARTS else None,
        )
        if modifies_a_noun(span):
            modifiers.add(id(event))  # 'the 2018 World Cup': a date in a name
        if _dates_the_main_act(span, context):
            main_acts.add(id(event))
        # 'visiting Russia since Monday' and 'arrived on Monday' tell one event: the arrival.
        subject = subject_of(verb) if verb is not None else None
        actor = name_of(subject) if subject is not None else None
        key = (when, actor or "")
        if actor and key in since:
            continue
        if actor and after_since(span):
            since[key] = len(events)
        events.append(event)
    events = _one_text_under_its_act(_merge(events, modifiers), main_acts)
    return sorted(events, key=lambda e: (sort_key(e.when), e.sentence, e.start))


def _dates_the_main_act(span: Span, context: Context) -> bool:
    """The date hangs on the sentence's main verb itself, not on a noun of it, or on a
    verb it governs through 'to' ('is scheduled to expire at the end of November')."""
    if any(t.pos_ in ("NOUN", "PROPN") for t in path_to_clause(span)):
        return False  # 'the fourth decline in the past five days': a noun's date, not the verb's
    verb = governing_verb(span.root)
    while verb is not None and verb.dep_ == "xcomp":
        verb = verb.head
    return verb is not None and verb == context.sentence_root(span.start)


def _participle_told_alone(span: Span, spans_of_sentence: dict[int, list[Span]], context: Context) -> str:
    participle = participle_beside_another_date(span, spans_of_sentence[context.sentence_at(span.start)])
    return participle_as_statement(participle, span) if participle is not None else ""


# --- merging ------------------------------------------------------------------------------


def _merge(events: list[Event], modifiers: set[int]) -> list[Event]:
    """One event per date and sentence; a date inside a name ('the 2018 World Cup')
    that a finer date of the same sentence falls in ('yesterday', 2018-06-18) is
    dropped, and of two names of one date side by side the finer is kept. Linear in
    the number of events: each sentence's dates are looked up by value."""
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    kept = []
    for group in by_sentence.values():
        finer: dict[str, list[Event]] = {}
        for event in group:
            if "/" in event.when:
                continue
            for cut in (4, 7, 10):  # a finer date lies within each of its coarser prefixes
                if len(event.when) > cut and event.when[cut] == "-":
                    finer.setdefault(event.when[:cut], []).append(event)
        seen: set[str] = set()
        for event in group:
            inside = [] if "/" in event.when else finer.get(event.when, [])[:8]
            adjacent = any(abs(e.start - event.end) <= 6 or abs(event.start - e.end) <= 6 for e in inside)
            if inside and (id(event) in modifiers or adjacent):
                continue
            if event.when in seen:
                continue
            seen.add(event.when)
            kept.append(event)
    return kept


BRACKETED = re.compile(r" \[[^\]]*\]")


def _one_text_under_its_act(events: list[Event], main_acts: set[int]) -> list[Event]:
    """'Then, a week or so ago, Gen. Schwarzkopf secretly picked Saturday night as the
    optimal time …': one text told under two dates of its sentence, one inside the other,
    is told once, under the date of the sentence's main act (the picking); under the
    other it would say the act happened then."""
    by_text: dict[tuple[int, str], list[Event]] = {}
    for event in events:
        by_text.setdefault((event.sentence, BRACKETED.sub("", event.event)), []).append(event)
    dropped: set[int] = set()
    for group in by_text.values():
        acts = [(event, value_span(event.when)) for event in group if id(event) in main_acts]
        for event in group:
            span = value_span(event.when)
            if id(event) in main_acts or span is None:
                continue
            if any(
                act is not None and (act[0] <= span[0] and span[1] <= act[1] or span[0] <= act[0] and act[1] <= span[1])
                for _, act in acts
            ):
                dropped.add(id(event))
    return [event for event in events if id(event) not in dropped]


def with_speakers(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """An event told by a quotation that opens its sentence and goes on past it ('"War
    maniacs … made another grave provocation … on Thursday afternoon.') is given its
    speaker ('Korean Central News Agency: "War maniacs …'); with no speaker known it is
    left out: an opinion without its speaker reads as fact. Each event told has both its
    quotation marks."""
    told = []
    for event in events:
        if not _opens_an_unclosed_quote(event.event):
            told.append(replace(event, event=quotation_marks_closed(event.event)))
            continue
        speaker = next((q.speaker for q in quotes if q.speaker and q.start <= event.start < q.end), None)
        if speaker is not None:
            told.append(replace(event, event=quotation_marks_closed(f"{speaker}: {event.event}")))
    return told


def _opens_an_unclosed_quote(text: str) -> bool:
    if text[:1] == "“":
        return text.count("“") > text.count("”")
    return text[:1] == '"' and text.count('"') % 2 == 1


def sort_key(when: str) -> str:
    """Dates sort as text once weeks and intervals are read by their start."""
    return when.split("/")[0]
