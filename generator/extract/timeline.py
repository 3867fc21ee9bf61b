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
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..dates import readable, value_span
from ..model import Event, Quote
from .event_facts import FACTS_KEY, MAX_CLAUSE_TOKENS, SUBJECT_DEPS, facts_of, is_amount, path_to_clause, told_in_past
from .phrases import (
    LOOSE_CLITIC,
    continues,
    doc_text,
    governing_verb,
    is_finite,
    noun_phrase,
    past_tense,
    pronoun_subject,
    subject_of,
    text_of,
    unresolved_pronoun,
)
from .quotes import find_quoted
from .timex import Timex

MAX_DATES_PER_SENTENCE_TEXT = 2
LONG_CLAUSE_TOKENS = 30  # above this, appositions and relative clauses in noun phrases go too
SIDE_DEPS = {"advcl", "parataxis", "relcl", "acl", "appos"}  # whole clauses beside the event
WH_WORDS = {"who", "which", "that", "whom"}
COMPARISON_WORDS = {"than", "compared", "compare", "comparison", "comparable", "versus", "vs", "vs."}
CHANGE_LEMMAS = {
    "rise",
    "increase",
    "grow",
    "fall",
    "drop",
    "decline",
    "climb",
    "jump",
    "up",
    "down",
    "gain",
    "slip",
    "plunge",
    "surge",
    "soar",
    "slide",
    "shrink",
    "change",
    "double",
    "triple",
    "compare",
    "cut",
    "halve",
    "lose",
    "shed",
    "rebound",
    "recover",
}
NAME_LABELS = {"EVENT", "ORG", "LAW", "WORK_OF_ART", "PRODUCT", "FAC", "NORP"}
# Verbs that report a clause: when the parser hangs that clause on them as a conjunct,
# it stays with them.
REPORTING_VERBS = {
    "say",
    "tell",
    "estimate",
    "report",
    "announce",
    "warn",
    "add",
    "note",
    "predict",
    "expect",
    "believe",
    "think",
    "find",
    "show",
    "claim",
    "state",
    "write",
    "argue",
    "insist",
    "forecast",
    "reveal",
    "conclude",
    "project",
    "calculate",
    "suggest",
    "confirm",
    "deny",
}
CLIMB_MARKS = {"if", "unless", "until", "till", "before", "so", "because", "although", "though", "whether"}
# Subordinators that make a date the point a clause is told from ('two months after Xi traveled').
TEMPORAL_MARKS = {"after", "before", "since", "until", "till", "when", "once", "as"}
MODALS = {"will", "would", "shall", "may", "might", "could", "should", "must", "can", "'ll", "’ll", "'d", "’d"}
PLACING_PREPOSITIONS = {"at", "during", "on", "in", "of", "amid", "throughout"}
EARLIER_SENTENCES = 3  # how far back 'the chip' looks for the phrase that named it
PERIOD_NOUNS = {"quarter", "year", "period", "month", "week", "half", "season", "term", "session"}
# Participles that plan by themselves: 'the vote, scheduled for next week'.
PLANNING_LEMMAS = {"schedule", "set", "plan", "expect", "slate", "due", "propose", "intend", "aim", "target"}


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

    def sentence_is_statement(self, i: int) -> bool:
        """Whether the sentence of token `i` can stand as an event: judged once per
        sentence, and never for a run-on sentence beyond any clause's length."""
        index = self.sentence_at(i)
        if index not in self.statements:
            start, end = self.starts[index], self.ends[index]
            self.statements[index] = end - start <= 4 * MAX_CLAUSE_TOKENS and statement_tokens(
                _strip_edges(list(self.doc[start:end]))
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
        phrases = set()
        for earlier in self.doc[window : token.i]:
            if earlier.lemma_ != token.lemma_ or earlier.pos_ != "NOUN":
                continue
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
        if published is not None and _unfinished_quarter_told_as_done(timex.when, span, published):
            continue  # 'attributed its fourth-quarter slump' in October: a fiscal quarter, not the calendar's
        if _fiscal_part_of_year(timex):
            continue  # 'earned $5.2 million in the fiscal first quarter': which months, the text does not say
        if _overtaken_plan(span) or _contradicted_forecast(span):
            # 'it had been due to expire Friday evening', 'would depart in early February,
            # but it did not leave until March 10': nothing happened then (blind raters: bad
            # even told whole, with its 'but')
            continue
        if published is not None and _past_act_over_the_future(timex.when, span, published):
            continue  # 'has analysed effects over 2000 - 2050': the scope of a study, not when it was
        if published is not None and _after(timex.when, published):
            if not _expected_act(span):
                continue  # 'was extended to Nov. 16', 'approaching next year': nothing happens then
            ahead.add(id(span))
        dated.append((timex, span))
    dated = _spans_told_by_both_ends(_without_noun_dates_beside_acts(dated, context), doc)
    dates_of_sentence = Counter(context.sentence_at(span.start) for _, span in dated)
    spans_of_sentence: dict[int, list[Span]] = {}
    for _, span in dated:
        spans_of_sentence.setdefault(context.sentence_at(span.start), []).append(span)
    listed = _listed_dates(dated, context)
    told_by_sentence: dict[int, int] = {}
    events: list[Event] = []
    since: dict[tuple[str, str], int] = {}
    modifiers: set[int] = set()
    for timex, span in dated:
        when = timex.when
        if when is None:  # none is: only dates with a value were kept above
            continue
        if id(span) in listed:
            text, whole = listed[id(span)], True
            verb = None
        elif (plan := _aim_of_a_phrase(span)) is not None:
            verb = None
            text, whole = _aim_as_told(plan), False
        elif (participle := _describing_participle(span)) is not None:
            verb = None
            text, whole = _participle_as_statement(participle, span), False
        elif (thing := _thing_of_a_perfect(span) or _bounding_noun(span)) is not None:
            verb = None
            text, whole = _thing_as_told(thing, span), False
        else:
            verb = clause_verb(span)
            if verb is not None and _only_a_time_reference(verb, span):
                continue  # '… after the stock market closed Wednesday': when the main act was
            text, whole = describe(span, verb, context, name_of)
            side = _side_clause(span, None if whole else verb, id(span) in ahead)
            if side:
                # Told by the whole sentence, a date of a side clause ('having seized … on
                # Thursday', 'a record set days before … early 2011') is read as the date of
                # the sentence's main act: a wrong fact (blind raters' commonest 'bad'). The
                # side clause tells it, when it is a clause with its own subject; else nothing.
                text, whole = next((t for t in (_side_clause_text(v, span) for v in side) if t), ""), False
                if not text:
                    continue
            elif not whole and (
                dates_of_sentence[context.sentence_at(span.start)] == 1
                and _tells_its_sentence(verb)
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
        if not text or whole and _wholly_quoted(text):
            continue  # a quotation without its speaker is an opinion, not an event
        if whole:
            text = _without_opening_connective(text, span, context)
        others = [o for o in spans_of_sentence[context.sentence_at(span.start)] if o is not span]
        text = _without_another_opening_date(text, others, context)
        if others and text.endswith(context.sentence_text(span.start)[-12:]):
            text = _reported_first(text, span, others, context)  # told to its end: the sentence
        text = _descriptions_named(text, span, context)
        text = _relative_date_placed(text, timex.text, when)
        event = Event(
            when=when,
            expression=timex.text,
            event=text,
            sentence=sentence_of(timex.start),
            start=timex.start,
            end=timex.end,
            expected=id(span) in ahead,
        )
        if _modifies_a_noun(span):
            modifiers.add(id(event))  # 'the 2018 World Cup': a date in a name
        # 'visiting Russia since Monday' and 'arrived on Monday' tell one event: the arrival.
        subject = subject_of(verb) if verb is not None else None
        actor = name_of(subject) if subject is not None else None
        key = (when, actor or "")
        if actor and key in since:
            continue
        if actor and _after_since(span):
            since[key] = len(events)
        events.append(event)
    return sorted(_merge(events, modifiers), key=lambda e: (sort_key(e.when), e.sentence, e.start))


# --- which dates date an event ------------------------------------------------------------


YEAR = re.compile(r"\d{4}")
MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(-\d\d)?")


def _spans_told_by_both_ends(dated: list[tuple[Timex, Span]], doc: Doc) -> list[tuple[Timex, Span]]:
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
                merged = replace(first, end=timex.end, text=text[first.start : timex.end], when=when)
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


def _modifies_a_noun(span: Span) -> bool:
    """'third-quarter earnings', 'the 2018 World Cup': the date describes a noun."""
    return span.root.dep_ in ("compound", "nummod", "amod", "nmod") and span.root.head.pos_ in ("NOUN", "PROPN")


def _without_noun_dates_beside_acts(dated: list[tuple[Timex, Span]], context: Context) -> list[tuple[Timex, Span]]:
    """A date that describes a noun ('third-quarter earnings haven't been very good,
    but the effect hit home yesterday') dates that thing, not an act of the sentence:
    beside a date that dates one, it is left out."""
    describing = {
        id(span)
        for _, span in dated
        if (_modifies_a_noun(span) or _after_a_phrase_s_noun(span)) and not _places_the_clause(span.root.head)
    }
    acts = {context.sentence_at(span.start) for _, span in dated if id(span) not in describing}
    return [(t, span) for t, span in dated if not (id(span) in describing and context.sentence_at(span.start) in acts)]


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


def _places_the_clause(noun: Token) -> bool:
    """'in its Jan. 22 report', 'at Friday's talks': the noun says when the clause's act was."""
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ == "of":  # 'on the sidelines of …', not 'many of today's computers'
        return preposition.head.pos_ == "NOUN" and _places_the_clause(preposition.head)
    return preposition.lower_ in PLACING_PREPOSITIONS


def _tells_its_sentence(verb: Token | None) -> bool:
    """The clause is the sentence's own line: its main verb, or reached from it only
    through what was said and what was coordinated ('said that … and that the DAX
    dropped Friday'), never through a side clause whose date the main act does not share.
    The sentence must be short enough to read as one event."""
    if verb is None:
        return False
    sentence = verb.sent
    if len(sentence) > MAX_CLAUSE_TOKENS:
        return False
    while verb.dep_ != "ROOT":
        if verb.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        verb = verb.head
    return True


SIMULTANEOUS = {"when", "as", "while", "whilst"}


def _side_clause(span: Span, top: Token | None = None, ahead: bool = False) -> list[Token]:
    """The verbs of the clauses below `top` (the sentence's main verb when None) that
    the date hangs on, innermost first: adverbial, relative or participial clauses, and
    adjectives with a clause ('its bid, due to expire last Thursday'). Told by `top`'s
    clause, such a date is not what happened then. A date ahead keeps the plan it is
    the date of ('announced plans to travel … next week')."""
    found = []
    verb = governing_verb(span.root)
    while verb is not None and verb.dep_ != "ROOT" and verb != top:
        if _is_side(verb, top is None, ahead):
            found.append(verb)
        verb = verb.head if verb.head != verb else None
    return found if verb is None or top is None or verb == top else []


def _is_side(verb: Token, whole: bool, ahead: bool) -> bool:
    """Whether a date inside `verb`'s clause is that clause's own. Told by a clause that
    holds it, a participle's date reads as its noun's ('migrants crossing the Channel
    last year'); told by the whole sentence, it does not. A 'when' clause happens with
    its main one ('was lost when it exploded on January 28')."""
    if _acting_participle(verb):
        return True  # 'since lifting a ban in 2019': told by its own doer, when it can be
    if ahead and facts_of(verb).subject is None:
        return False  # 'plans to travel next week'
    if verb.pos_ == "ADJ" and verb.dep_ != "acomp" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if verb.dep_ == "advcl":
        return not any(c.dep_ in ("mark", "advmod") and c.lower_ in SIMULTANEOUS for c in verb.children)
    if verb.dep_ == "relcl":
        return whole or facts_of(verb).subject is not None
    if verb.dep_ == "pcomp" and (
        verb.head.lower_ == "than" or verb.head.lower_ == "as" and any(c.tag_ == "WRB" for c in verb.children)
    ):
        return True  # 'at the same depth as when it arrived late last year': that arrival's date only
    return verb.dep_ == "acl" and whole


def _only_a_time_reference(verb: Token, span: Span) -> bool:
    """A time clause that says no more than its subject, its verb and its date ('after the
    market closed Wednesday', 'before the polls opened on Sunday') places the main act."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i}
    if not marks & TEMPORAL_MARKS:
        return False
    said = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "punct"}
    return all(c.dep_ in said or span.root in c.subtree for c in verb.children)


def _side_clause_text(verb: Token, span: Span) -> str:
    """The side clause as written, from its subject, without its marker ('since they met
    …' -> 'They met …'); nothing when it has no subject of its own or loses the date."""
    subject = facts_of(verb).subject
    if subject is None:
        return _participle_told(verb, span)
    if any(c.lower_ in WH_WORDS and c.dep_ in ("dobj", "pobj") for c in verb.children):
        return ""  # 'which the Home Office today rejects': its object is the noun outside it
    if not _finite_clause(verb):
        return ""  # 'made it difficult for Sun to meet demand … into the summer': no statement
    relative = subject.lower_ in WH_WORDS
    antecedent = _person_antecedent(verb.head) if subject.lower_ in ("who", "whom") else _measured(verb.head)
    if relative and not (verb.dep_ == "relcl" and antecedent is not None and _plain_antecedent(antecedent, subject)):
        return ""
    if _only_a_time_reference(verb, span):
        return ""  # '… after the stock market closed Wednesday': when the main act was, not an event of its own
    if (
        verb.dep_ == "relcl"
        and not relative
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") or c.tag_ == "WRB" for c in verb.children)
    ):
        return ""  # 'the diplomacy he began after …': its object is the noun outside it
    marker = {
        t.i
        for t in verb.children
        if t.dep_ == "mark" or t.dep_ == "advmod" and t.i < verb.i and t.lower_ in ("when", "where", "while", "as")
    }
    tokens = [t for t in verb.subtree if t.i not in marker]
    told_from = min(marker, default=verb.i)
    if span.end <= told_from < verb.i and verb.doc[told_from].lower_ in TEMPORAL_MARKS:
        tokens = _strip_edges([t for t in tokens if t.i > told_from])  # 'two months after Xi traveled …'
    else:
        tokens = _strip_edges(tokens)
        if not tokens or not tokens[0].i <= span.start <= span.end - 1 <= tokens[-1].i:
            return ""
    if len(tokens) < 4:
        return ""
    if relative and antecedent is not None:  # 'some 12,000 hopefuls who applied before last summer' -> '… applied …'
        tokens = _replace(tokens, subject, [_Subject(noun_phrase(antecedent, limit=10)), _Gap()])
    elif (named := _main_subject_for(subject, verb)) is not None:
        tokens = _replace(tokens, subject, [_Subject(noun_phrase(named, limit=8)), _Gap()])
    return _capitalized(text_of(tokens))


PARTICIPLE_PREPOSITIONS = {"since", "after", "before", "upon"}
# Verbs whose -ing form sets a time ('a week starting Saturday', 'the year ending Sept. 30').
TIME_SETTING_LEMMAS = {"start", "begin", "end", "finish", "continue", "last", "run", "expire", "follow"}


def _acting_participle(verb: Token) -> bool:
    """'the highest since lifting a ban in 2019', '…, reporting its destination as …':
    a clause of an -ing verb without a subject of its own, whose doer is the subject of
    the clause it hangs on; not 'without lifting' (it did not happen)."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
    if not (verb.tag_ == "VBG" or perfect) or facts_of(verb).subject is not None:
        return False  # 'reporting …', 'having crossed …'
    if verb.dep_ == "pcomp":
        return verb.head.lower_ in PARTICIPLE_PREPOSITIONS
    return verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children)


def _participle_told(verb: Token, span: Span) -> str:
    """'…, the highest since lifting a hunting ban in 2019' -> 'Botswana lifted a hunting
    ban in 2019': the participle's clause as a statement in the past, its doer the
    subject of the past clause it hangs on (a noun or name); nothing otherwise."""
    if not _acting_participle(verb) or verb.lemma_ in ("be", "have"):
        return ""
    if any(c.dep_ in ("neg", "auxpass") for c in verb.children):
        return ""  # 'not having paid', 'having been burned': not told in a simple past
    if verb.lemma_ in TIME_SETTING_LEMMAS and not any(c.dep_ == "dobj" for c in verb.children):
        return ""  # 'withdraw within a week, starting at noon Saturday': the week starts, no one acts
    above = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and facts_of(a).subject is not None), None)
    if above is None or not told_in_past(above):
        return ""
    doer = facts_of(above).subject
    if doer is None or doer.pos_ not in ("NOUN", "PROPN") or doer.lower_ in WH_WORDS:
        return ""
    rest = _strip_edges([t for t in verb.subtree if t.i > verb.i])
    if not rest or not rest[0].i <= span.start <= span.end - 1 <= rest[-1].i:
        return ""
    # '… before throwing in the towel and reducing its stake': each -ing verb in the past
    retold: list = []
    for token in [verb, *rest]:
        if token == verb or token.tag_ == "VBG" and token.dep_ == "conj" and token.head == verb:
            past = past_tense(token.lemma_)
            if past is None:
                return ""
            retold.append(_NameToken(past, token.i))
        else:
            retold.append(token)
    return _capitalized(text_of([_Subject(noun_phrase(doer, limit=8)), _Gap(), *retold]))


def _main_subject_for(pronoun: Token, verb: Token) -> Token | None:
    """'it'/'they' opening a side clause stand for the subject of the clause it hangs
    on, when that is a noun of the same number ('the vessel was sitting … as when it
    arrived', 'Xi and Putin had talks since they met'); not for a person, nor a 'be'."""
    if pronoun.lower_ not in ("it", "they") or verb.lemma_ == "be":
        return None
    for above in verb.ancestors:
        subject = facts_of(above).subject if above.pos_ in ("VERB", "AUX") else None
        if subject is None or subject.lower_ == "it" and above.lemma_ == "be":
            continue  # 'It was on the sidelines … that Xi and Putin had …': look further up
        if subject.pos_ not in ("NOUN", "PROPN"):
            return None
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        if pronoun.lower_ == "it" and (plural or subject.ent_type_ == "PERSON"):
            return None
        return subject if plural == (pronoun.lower_ == "they") else None
    return None


def dates_an_event(span: Span, context: Context) -> bool:
    """Not the base of a comparison ('up 40% from the same period last year',
    'compared with 2022'), not a record's reference ('the first win since 1958'),
    not a date inside a name ('the 2018 World Cup' as named by the NER), nor one that
    names when a thing of the clause was ('last month's explosion', 'sales for the
    quarter'), nor the date a verb is about ('approaching next year'); and nothing of
    a question, which states no event."""
    return not (
        _comparison_base(span)
        or _reference_since(span)
        or _inside_name(span)
        or _names_a_past_thing(span)
        or _names_a_period(span)
        or _object_of_verb(span)
        or _only_a_bound(span)
        or _in_question(span, context)
    )


def _only_a_bound(span: Span) -> bool:
    """'hopefuls who applied before last summer', 'redeemable after the end of 1994':
    the act was at some time before or after the date, which the timeline would show
    as its day (blind raters: bad)."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("before", "after") and span.start == root.head.i + 1


def _bounding_noun(span: Span) -> Token | None:
    """'met in the days leading up to the outbreak of war on February 24': the date is
    of a thing ('the outbreak') that only bounds the act; that noun, when the date's
    phrase is its own, else None."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.lower_ not in ("on", "in"):
        return None
    noun = root.head.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    bound = noun.head
    ahead_of = bound.lower_ == "of" and bound.head.lower_ == "ahead"
    leading_up = bound.lower_ == "to" and bound.head.lemma_ in ("lead", "run-up", "lead-up")
    return noun if bound.lower_ in ("before", "after", "until", "prior") or ahead_of or leading_up else None


def _aim_of_a_phrase(span: Span) -> Token | None:
    """'is part of KKR's program to pay down the loan by February', 'a charge tied to
    its plan to cut 6,000 jobs by year end': the date is what a plan named in a phrase
    aims at, not when the clause's act was (told by the clause, it reads as the date of
    the sale or the charge); the plan's noun, or None. A plan the clause acts on
    ('announced plans to travel next week') is told by its clause."""
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ != "acl" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    return verb.head if verb.head.dep_ == "pobj" else None


def _aim_as_told(noun: Token) -> str:
    """The plan with its aim: "KKR's program to pay down $5 billion … by February"."""
    tokens = _strip_edges(list(noun.doc[noun.left_edge.i : noun.right_edge.i + 1]))
    return _capitalized(text_of(tokens)) if len(tokens) <= MAX_CLAUSE_TOKENS else ""


def _names_a_period(span: Span) -> bool:
    """'last month's explosion', 'before Friday's purchases', 'earnings for the quarter':
    the date belongs to the noun, whatever the clause around it did; unless the noun
    places the clause ('on the sidelines of last September's meeting', 'at Friday's talks')."""
    root = span.root
    if root.dep_ == "poss" or any(t.tag_ == "POS" for t in span[-2:]):
        noun = root.head
        return noun.pos_ in ("NOUN", "PROPN") and not _places_the_clause(noun)
    if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.pos_ == "NOUN":
        return True
    for noun in path_to_clause(span):  # 'euros in arrears for the period from 2004 to 2009'
        if noun.lemma_.lower() in PERIOD_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "for":
            return noun.head.head.pos_ == "NOUN"
    verb = governing_verb(root)  # 'the quarter ended Sept. 29'
    return verb is not None and verb.dep_ == "acl" and verb.head.lemma_.lower() in PERIOD_NOUNS


def _describing_participle(span: Span) -> Token | None:
    """'under a program approved by the company in 1987', 'hampered by problems tied to
    the introduction of … in April': a participle describing a noun of a prepositional
    phrase, whose clause holds the date, tells when that thing was, not when the clause's
    act happened. A phrase that places the act ('at talks held on Monday') shares its
    date; an aside set off by a comma ('a request, emailed on Tuesday') and a document's
    date ('a letter dated …') are read as told."""
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBG"):
        return None
    if verb.i > 0 and verb.doc[verb.i - 1].text == "," or verb.lemma_.lower() == "date":
        return None
    noun = verb.head
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ not in PLACING_PREPOSITIONS:
        return verb
    return None


PERFECT_SPANS = {"since", "for", "over", "past", "through", "until"}
DEFINITE_PAST = re.compile(r"\b(?:ago|yesterday|last)\b|\d", re.IGNORECASE)


def _thing_of_a_perfect(span: Span) -> Token | None:
    """'has started processing claims from the earthquake nearly two weeks ago': a
    present perfect does not take a definite past date, so the date right after a noun
    is that noun's (the earthquake's), not the act's; the noun, or None."""
    verb = governing_verb(span.root)
    if verb is None or not DEFINITE_PAST.search(span.text) or span.start == 0:
        return None
    if any(t.lower_ in PERFECT_SPANS for t in span.doc[span.start - 2 : span.end]):
        return None  # 'has risen since May', 'has fallen over the past week'
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "prep") and len(chain) < 3:  # 'has started processing …', 'following'
        chain.append(chain[-1].head)
    perfect = any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for v in chain for c in v.children
    ) and not any(c.dep_ == "aux" and c.lower_ == "had" for v in chain for c in v.children)
    noun = span.doc[span.start - 1]
    return noun if perfect and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("pobj", "dobj") else None


def _thing_as_told(noun: Token, span: Span) -> str:
    """'The Northern California earthquake nearly two weeks ago': the noun phrase with the
    date after it ('the completion of STS-133 last month' keeps what it is of)."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    tokens = [t for t in span.doc[noun.left_edge.i : span.end] if t.i <= noun.right_edge.i or t.i >= span.start]
    return _capitalized(text_of(_strip_edges(tokens))) if len(tokens) <= MAX_CLAUSE_TOKENS else ""


def _participle_as_statement(verb: Token, span: Span) -> str:
    """'a program approved by the company in 1987 that …' -> 'A program was approved by
    the company in 1987': the noun with what precedes it, 'was'/'were', and the
    participle's own clause; only when the date hangs on the participle itself (in
    'problems tied to the introduction … in April' April dates the introduction)."""
    if verb.tag_ != "VBN" or any(t.pos_ in ("NOUN", "PROPN") for t in path_to_clause(span)):
        return ""
    if any(
        c.dep_ == "prep" and c.right_edge.i < span.start and c.lower_ not in PLACING_PREPOSITIONS for c in verb.children
    ):
        return ""  # 'tied to the launch of a portal in March': the date may be the launch's
    noun = verb.head
    doc = verb.doc
    subject = [t for t in doc[noun.left_edge.i : noun.i + 1] if not t.is_punct or t.tag_ == "POS"]
    clause = list(doc[verb.i : verb.right_edge.i + 1])
    while clause and (clause[-1].is_punct or continues(clause[-1])):
        clause.pop()
    if not subject or len(clause) < 2 or not (clause[0].i <= span.start and span.end - 1 <= clause[-1].i):
        return ""
    if not any(t.pos_ == "PROPN" or t.tag_ == "POS" for t in (*subject, *clause)):
        return ""  # 'Sharp advances were made through this week', 'A program was approved': of what, whose?
    be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    return _capitalized(f"{text_of(subject)} {be} {text_of(clause)}")


def _object_of_verb(span: Span) -> bool:
    root = span.root
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_ not in REPORTING_VERBS


def _wholly_quoted(text: str) -> bool:
    return text[:1] in '"“' and text.rstrip()[-1:] in '"”'


def _in_question(span: Span, context: Context) -> bool:
    """The sentence ends on a question mark (read from its last tokens: a run-on
    sentence's text is not built again for each of its dates)."""
    start, end = context.sentence_tokens(span.start)
    for i in range(end - 1, max(start, end - 4) - 1, -1):
        token = context.doc[i]
        if not (token.is_space or token.text in "\"”’')"):
            return "?" in token.text
    return False


def _after(when: str, published: dt.date) -> bool:
    """The date begins after the day of publication."""
    days = value_span(when)
    return days is not None and days[0] > published


def _past_act_over_the_future(when: str, span: Span, published: dt.date) -> bool:
    """A span of years that runs past the year of publication, told by a past act: what
    the act was about (a study's scope, a plan's term), not when it happened."""
    if "/" not in when:
        return False
    days = value_span(when)
    verb = governing_verb(span.root)
    return days is not None and days[1].year > published.year and verb is not None and told_in_past(verb)


def _unfinished_quarter_told_as_done(when: str, span: Span, published: dt.date) -> bool:
    """A quarter or half not over at publication, whose results a past verb tells, is
    the company's fiscal period: the calendar's value would misdate it."""
    if not re.fullmatch(r"\d{4}-(Q[1-4]|H[12])", when):
        return False
    days = value_span(when)
    verb = governing_verb(span.root)
    return days is not None and days[0] <= published < days[1] and verb is not None and verb.tag_ == "VBD"


def _fiscal_part_of_year(timex: Timex) -> bool:
    """A company's fiscal quarter or half: its calendar months are the company's own."""
    return "fiscal" in timex.text.lower() and re.fullmatch(r"\d{4}-(Q[1-4]|H[12])", timex.when or "") is not None


def _overtaken_plan(span: Span) -> bool:
    """A plan told in the past perfect ('had been due to expire Friday', 'had been
    scheduled for Monday') was overtaken: its date is when nothing happened."""
    verb = governing_verb(span.root)
    while verb is not None:
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        planned = verb.lemma_.lower() in PLANNING_LEMMAS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in PLANNING_LEMMAS for c in verb.children
        )
        if planned and "had" in auxes and (verb.lower_ == "been" or "been" in auxes):
            return True
        if verb.dep_ not in ("xcomp", "acomp") or verb.head == verb:
            return False
        verb = verb.head
    return False


def _contradicted_forecast(span: Span) -> bool:
    """The date's clause tells what 'would' happen, and the sentence goes on with a
    'but' clause that denies it ('…, but it did not leave until March 10')."""
    verb = governing_verb(span.root)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children):
        return False
    root = span.root.sent.root
    return any(c.dep_ == "cc" and c.lower_ == "but" for c in root.children) and any(
        c.dep_ == "conj" and any(n.dep_ == "neg" for n in c.children) for c in root.children
    )


def _expected_act(span: Span) -> bool:
    """A date after publication dates an act only as the plan, forecast or deadline
    of a clause that expects it: a modal ('would dilute … in 1990'), an infinitive
    ('plans to travel next week'), the present ('meets on Friday', 'is due on Monday'),
    a planning participle ('scheduled for') or reported speech; never a past act ('was
    extended to Nov. 16') or a negated one ('wasn't to begin until 1993')."""
    verb = governing_verb(span.root)
    chain = []
    while verb is not None:
        chain.append(verb)
        if verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
    if not chain or any(c.dep_ == "neg" for v in chain for c in v.children):
        return False
    verb = chain[0]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODALS or a.tag_ == "TO" for a in auxes) or verb.tag_ == "VB":
        return True
    if auxes and auxes[0].tag_ in ("VBZ", "VBP") or not auxes and verb.tag_ in ("VBZ", "VBP", "VBG"):
        return True  # 'is meeting', 'is scheduled', 'launches June 28'; not 'was extended'
    if verb.tag_ == "VBN" and not auxes and verb.lemma_ in PLANNING_LEMMAS:
        return True
    # Reported speech shifts its tenses back: 'found (that) the loss by 2050 exceeded 10%'.
    # A date ahead hung on the reporting verb itself belongs to what is reported.
    return verb.lemma_ in REPORTING_VERBS or verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS


def _names_a_past_thing(span: Span) -> bool:
    """'apologised … during the 2010 commando raid', 'after the 2019 protests': a date
    written as a modifier of a noun inside a phrase of the clause names when that thing
    was, not when the clause's act happened (told by the clause, the 2013 apology was
    filed under 2010)."""
    if not _modifies_a_noun(span) or len([t for t in span if t.text != "-" and not t.like_num]) > 1:
        return False  # 'the 2010 commando raid', 'a nineteen ninety-seven attack'; not 'the week of May 5'
    noun = span.root.head
    if noun.pos_ != "NOUN":
        return False
    while noun.dep_ in ("conj", "appos") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # 'responsibility for the bombing, a 1997 attack on a lounge and …': one of a list
    placing = _places_the_clause(noun) and noun.head.head.pos_ in ("VERB", "AUX")  # not 'errors during the raid'
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and not placing


def _comparison_base(span: Span) -> bool:
    if _after_base_amount(span) or _year_ago_modifier(span):
        return True
    if any(t.lower_ == "same" and t.head.i >= span.start - 1 for t in span):  # 'the same period last year'
        return True
    root = span.root
    if root.head.lower_ == "same" or any(c.lower_ == "same" for c in root.head.lefts if c.dep_ == "amod"):
        return True
    path = path_to_clause(span)
    stop = (path[-1] if path else root).head
    if any(c.lower_ in COMPARISON_WORDS for t in path if t.pos_ == "NOUN" for c in t.lefts if c.dep_ == "amod"):
        return True  # 'risen over comparable periods in 1988'
    if any(t.lower_ in COMPARISON_WORDS for t in path) or stop.lower_ in COMPARISON_WORDS:
        return True  # 'compared with $84.9 million a year earlier': 'compared' is tagged a verb
    if any(t.lower_ == "on" and t.head.lemma_ == "base" and t.head.tag_ == "VBN" for t in root.ancestors):
        return True  # 'each index is based on the close of 1969 equaling 100'
    if root.head.pos_ == "NUM" or root.head.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        if any(t.lower_ in ("from", "against", "versus") and t.dep_ == "prep" for t in path):
            return True  # 'rise … from an estimated $470 million this year': the amount's date is the base
    for token in path:
        if token.lower_ == "since" and token.dep_ == "prep" and _tells_a_change(token.head):
            return True  # 'shares have been cut in half since August': August is where the fall began
        if token.lower_ == "since" and token.dep_ == "prep" and _counts_an_amount(token.head):
            return True  # 'has seen $161 million flow out since early September': a running total's start
        if token.lower_ == "from" and any(c.lower_ in ("to", "until", "through") for c in token.subtree):
            return False  # 'from 1980 to 2012' is a period
        if token.lower_ == "from" and token.dep_ == "prep" and (is_amount(token.head) or _names_an_amount(token)):
            return True  # 'down 4.5% … and 6.8% from Oct. 13', 'from a price of $8 a share on Oct. 9'
        if (
            token.dep_ == "prep"
            and token.lower_ in ("from", "over", "on")
            and (token.head.lemma_.lower() in CHANGE_LEMMAS or token.head.tag_ in ("JJR", "RBR"))
        ):
            return token.lower_ == "from" or token.head.pos_ != "VERB"
    if root.head.lower_ in COMPARISON_WORDS or root.head.head.lower_ in COMPARISON_WORDS:
        return True
    return False


def _counts_an_amount(verb: Token) -> bool:
    """A perfect whose clause holds an amount ('has seen $161 million flow out', 'have
    sold 2 million copies'): what 'since' starts is a total, not an act."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and any(is_amount(t) for t in verb.subtree if not t.is_punct and t.i < verb.right_edge.i)


def _tells_a_change(verb: Token) -> bool:
    """'cut in half', and 'the percentage change is' (a change as the subject of 'be')."""
    if verb.lemma_.lower() in CHANGE_LEMMAS:
        return True
    subject = subject_of(verb) if verb.lemma_ == "be" else None
    return subject is not None and subject.lemma_.lower() in CHANGE_LEMMAS


def _names_an_amount(preposition: Token) -> bool:
    """'from a price of $8', 'from a level of 5%': the phrase's noun is an amount."""
    return any(
        of.lower_ == "of" and any(is_amount(x) for x in of.children)
        for noun in preposition.children
        if noun.dep_ == "pobj"
        for of in noun.children
    )


BASE_AMOUNT_WORDS = {"or", "a", "an", "per", "share", "$", "cents", "cent", "million", "billion", "%", "percent"}


def _after_base_amount(span: Span) -> bool:
    """'rose 4.3% … from $504.2 million, or $4.41 a share, last year': the date closes
    the amount a change is measured from."""
    doc, amounts = span.doc, 0
    for i in range(span.start - 1, max(span.start - 16, -1), -1):
        token = doc[i]
        if token.lower_ in ("from", "against", "versus", "vs", "vs."):
            return amounts > 0
        if token.like_num:
            amounts += 1
        elif not (token.is_punct or token.is_currency or token.lower_ in BASE_AMOUNT_WORDS):
            return False
    return False


def _year_ago_modifier(span: Span) -> bool:
    """'the year-earlier results', 'the year-ago quarter'."""
    words = span.text.lower()
    return (
        ("earlier" in words or "ago" in words)
        and span.root.dep_ in ("amod", "compound", "nmod", "npadvmod")
        and span.root.head.pos_ == "NOUN"
        and span.root.head.i > span.root.i
    )


def _reference_since(span: Span) -> bool:
    """'since 1958' after a noun is the reference of a record, not an event; after a
    verb ('has been visiting since Monday') it dates the start of what goes on."""
    for token in (span.root.head, *path_to_clause(span)):
        if token.lower_ == "since" and token.dep_ == "prep":
            return token.head.pos_ not in ("VERB", "AUX") or span.root.head != token
    return False


def _inside_name(span: Span) -> bool:
    return (
        any(t.ent_type_ in NAME_LABELS for t in span)
        and span.root.head.pos_ == "PROPN"
        and span.root.dep_ in ("compound", "nummod", "amod", "npadvmod")
    )


def _after_since(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


# --- lists of dated items -----------------------------------------------------------------


def _listed_dates(dated: list[tuple[Timex, Span]], context: Context) -> dict[int, str]:
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


# --- the clause of a date -----------------------------------------------------------------


def clause_verb(span: Span) -> Token | None:
    """The verb whose clause tells the event the date modifies: reported speech and
    plans climb to the verb that reports or plans ('said that … trade reached',
    'plans to visit'), participles to the clause they hang on, conditions and
    limits to the clause they condition ('until', 'if'); a relative clause with its
    own relative subject and a coordinated verb stay where they are."""
    verb = _main_clause(governing_verb(span.root))
    for _ in range(8):
        if verb is None:
            return None
        up = _climb(verb)
        if up is None:
            return verb
        verb = up
    return verb


def _climb(verb: Token) -> Token | None:
    head = verb.head
    if head == verb:
        return None
    facts = facts_of(verb)
    own_subject = facts.subject is not None
    if verb.dep_ in ("ccomp", "xcomp", "csubj") and head.pos_ in ("VERB", "AUX"):
        if verb.i < head.i and any(t.text == ";" for t in verb.doc[verb.right_edge.i + 1 : head.i]):
            return None  # 'IE had 70 percent in 2009; this has dropped …': two sentences, not a report
        return head
    if verb.dep_ in ("acl", "pcomp", "amod", "prep", "pobj", "dobj", "npadvmod", "advmod") or (
        verb.dep_ == "relcl" and not _plain_antecedent(head, _relative_subject(verb) or head)
    ):
        return governing_verb(head)
    if verb.dep_ == "advcl":
        marks = {c.lower_ for c in facts.marks}
        if not own_subject or marks & CLIMB_MARKS or not marks:
            return governing_verb(head)
    return None


def _measured(noun: Token) -> Token:
    """'capital gains of $48 million, which included …': a relative word after an
    amount stands for what the amount measures, where the parse hangs it on the amount."""
    of = noun.head
    if is_amount(noun) and noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        return of.head
    return noun


def _plain_antecedent(noun: Token, relative: Token | None = None) -> bool:
    """A relative word stands for its antecedent with certainty only when that is
    one short noun phrase, not an item of a list ('… Syria and Yemen who applied'),
    and the relative word follows the noun itself ('the member of the team which
    conquered': the parser's 'member' may be wrong, 'team' is next to 'which')."""
    if noun.dep_ == "conj" or any(c.dep_ in ("conj", "appos", "cc") for c in noun.children):
        return False
    if relative is not None:
        before = noun.doc[relative.i - 1] if relative.i > 0 else None
        if before is not None and before.text == "," and relative.i > 1:
            before = noun.doc[relative.i - 2]
        if before is None or before.i != noun.i:
            return before is not None and _only_places_between(noun, relative)
    return len(noun_phrase(noun, limit=99)) <= 10


def _person_antecedent(noun: Token) -> Token | None:
    """The noun a 'who' hangs on, above the names of places the parser may have hung it
    on ('hopefuls from Afghanistan, Syria and Yemen who applied')."""
    for _ in range(8):
        if noun.pos_ in ("NOUN", "PROPN") and noun.ent_type_ not in ("GPE", "LOC"):
            return noun
        if noun.head == noun or noun.pos_ in ("VERB", "AUX"):
            return None
        noun = noun.head
    return None


def _only_places_between(noun: Token, relative: Token) -> bool:
    """'hopefuls from Afghanistan, Syria and Yemen who applied': 'who' stands for a
    person, so names of places between it and the parser's noun cannot be meant."""
    between = noun.doc[noun.i + 1 : relative.i]
    return (
        relative.lower_ in ("who", "whom")
        and noun.pos_ == "NOUN"
        and all(t.is_punct or t.pos_ in ("ADP", "CCONJ", "DET") or t.ent_type_ in ("GPE", "LOC") for t in between)
    )


def _relative_subject(verb: Token) -> Token | None:
    subject = facts_of(verb).subject
    return subject if subject is not None and subject.lower_ in WH_WORDS else None


def _main_clause(verb):
    """'It was on the sidelines of … that Xi and Putin had their first meeting':
    the event is the clause after 'that', not 'was'."""
    if verb is None or verb.lemma_ != "be":
        return verb
    subject = facts_of(verb).subject
    if subject is None or subject.lower_ != "it" or facts_of(verb).wide:
        return verb
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl") and any(m.lower_ == "that" for m in child.children):
            return child
    return verb


def describe(span: Span, verb: Token | None, context: Context, name_of) -> tuple[str, bool]:
    """The event's text: its clause when that is a statement, else its sentence when
    that is one, else nothing; and whether it is the whole sentence."""
    if verb is not None:
        tokens = clause_tokens(span, verb)
        if tokens is not None:
            tokens = _with_subject(tokens, verb, context, name_of)
        if tokens is not None and _finite_clause(verb) and statement_tokens(tokens) and _has_own_subject(tokens, verb):
            return _capitalized(text_of(tokens)), False
    return (context.sentence_text(span.start), True) if context.sentence_is_statement(span.start) else ("", False)


def _has_own_subject(tokens: list, verb: Token) -> bool:
    """The clause's verb has its subject in the text (its own, or one put there)."""
    subject = facts_of(verb).subject
    return any(isinstance(t, _NameToken) and t.dep_ != "gap" for t in tokens) or (
        subject is not None and any(t is subject or isinstance(t, Token) and t.i == subject.i for t in tokens)
    )


def _finite_clause(verb: Token) -> bool:
    """The clause's own verb is finite or has a finite auxiliary (a coordinated verb
    may share its first conjunct's): 'the taxes requested in arrears' is no clause."""
    verbs = [verb, *facts_of(verb).auxes]
    if verb.dep_ == "conj":
        verbs += [*facts_of(verb.head).auxes, verb.head]
    return any(is_finite(v) for v in verbs)


def _capitalized(text: str) -> str:
    """A statement opens with a capital; a word with capitals of its own ('iPhone') stays."""
    first = text.split(" ", 1)[0]
    return text[0].upper() + text[1:] if first[:1].islower() and first.islower() else text


def clause_tokens(span: Span, verb: Token) -> list[Token] | None:
    """The verb's subtree without side clauses, coordinated clauses and the words
    that join them, the date always kept; None when it is too long to be a clause."""
    left, right = verb.left_edge.i, verb.right_edge.i
    if right - left + 1 > 4 * MAX_CLAUSE_TOKENS:
        return None
    doc = verb.doc
    removed: set[int] = set()
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if any(not _opens_clause(m, span) for m in marks):
        return None  # 'glossed over warnings on Thursday that …': a complement parsed as the clause
    reports = verb.lemma_ in REPORTING_VERBS and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)
    for child in verb.children:
        if _holds(child, span) or reports and child.dep_ in ("conj", "parataxis", "cc"):
            continue  # 'They estimated by 2050, [and] demand would rise': what was estimated stays
        if (
            child.dep_ in SIDE_DEPS
            and _is_clause(child)
            or child.dep_ == "conj"
            and _is_clause(child)
            and facts_of(child).subject is not None
            or child.dep_ == "cc"
            and _joins_clauses(child, span)
            or child.dep_ in ("mark", "intj", "meta")
        ):
            removed.update(range(child.left_edge.i, child.right_edge.i + 1))
    cuts = _ranges(removed)
    if any(not _clean_cut(doc, a, b, verb, left, right) for a, b in cuts):
        return None  # the parse cut a phrase in two: show the sentence
    if any(
        c.dep_ == "conj" and c.i not in removed and facts_of(c).subject is None and verb.i < a <= b < c.i
        for c in verb.children
        for a, b in cuts
    ):
        return None  # 'took a turn Thursday [when Saddam called Bush a liar] and said …': whose 'said'?
    if marks and span.end <= marks[0].i and marks[0].lower_ in TEMPORAL_MARKS:
        removed.update(range(span.start, span.end))  # 'two months after Xi traveled': the date is the clause's
    if right - left + 1 - len(removed) > LONG_CLAUSE_TOKENS:
        removed |= _noun_asides(doc[left : right + 1], span, verb)
    first, last = _paragraph_piece(span)
    if not first <= verb.i < last:
        return None
    tokens = _without_orphans([t for t in doc[max(left, first) : min(right + 1, last)] if t.i not in removed], verb)
    tokens = _strip_edges(_without_loose_quotes(tokens))
    if len(tokens) > MAX_CLAUSE_TOKENS or not _quotes_closed(tokens):
        return None  # a cut inside a quotation would give the speaker's words to the narrator
    return tokens


def _without_loose_quotes(tokens: list[Token]) -> list[Token]:
    """An opening quote whose word was cut ('… their breaths, "waiting to see …')."""
    kept = {t.i for t in tokens}
    return [t for t in tokens if not (_opens(t) and t.text in QUOTES and t.i + 1 not in kept)]


def _quotes_closed(tokens: list[Token]) -> bool:
    texts = [t.text for t in tokens]
    return texts.count('"') % 2 == 0 and texts.count("“") == texts.count("”")


def _opens_clause(mark: Token, span: Span) -> bool:
    """A subordinator stands at its clause's start, after punctuation or the date it is told from."""
    before = [
        t for t in mark.doc[mark.head.left_edge.i : mark.i] if not t.is_punct and not span.start <= t.i < span.end
    ]
    return not before


def _ranges(indexes: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive token indexes, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indexes):
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


QUOTES = {'"', "“", "‘", "'"}
CUT_OPENERS = {"WDT", "WP", "WP$", "WRB", "IN", "TO", "VBG", "VBN", "CC", "RB"}
CORE_AFTER_CUT = {"dobj", "attr", "ccomp", "acomp", "oprd", "dative", "nsubj", "nsubjpass"}


def _clean_cut(doc: Doc, first: int, last: int, verb: Token, left: int, right: int) -> bool:
    """A side clause is cut where a clause may begin (after punctuation, or at a
    relative, subordinating or coordinating word or a participle), and what follows
    the cut is not the verb's own object or subject ('would make the savings … more
    evanescent, once they are converted …, the currency …': 'currency' was parsed
    as the object; 'officials led byWen Jiabao, … put forward': 'Jiabao' opens no clause)."""
    start = doc[first]
    before = doc[first - 1] if first > 0 else None
    if (
        first > left
        and before is not None
        and not (
            start.is_punct
            or before.is_punct
            or start.tag_ in CUT_OPENERS
            or start.dep_ in ("mark", "cc")
            or before.dep_ == "cc"
        )
    ):
        return False
    after = [doc[i] for i in range(last + 1, min(right + 1, last + 5))]
    after = after[: next((n for n, t in enumerate(after) if t.is_punct and n), len(after))]
    return not any(t.head == verb and t.dep_ in CORE_AFTER_CUT and t.i > verb.i for t in after)


def _paragraph_piece(span: Span) -> tuple[int, int]:
    """The tokens of the date's paragraph, near it: a parse sentence may run across a
    paragraph break, a source sentence does not."""
    doc = span.doc
    first = span.start
    while first > 0 and span.start - first < 4 * MAX_CLAUSE_TOKENS and not _breaks(doc[first - 1]):
        first -= 1
    last = span.end
    while (
        last < len(doc)
        and last - span.end < 4 * MAX_CLAUSE_TOKENS
        and not _breaks(doc[last - 1])
        and not (doc[last].is_space and "\n\n" in doc[last].text)
    ):
        last += 1
    return first, last


def _breaks(token: Token) -> bool:
    """A paragraph break follows this token (in its trailing space, or it is one)."""
    return "\n\n" in token.whitespace_ or token.is_space and "\n\n" in token.text


def _without_orphans(tokens: list[Token], verb: Token) -> list[Token]:
    """A word goes when any word between it and the verb was cut: a parse that is
    not projective, or that hangs words on another sentence, leaves such words
    behind ('a system backed by … for 3,000 refugees')."""
    kept = {t.i for t in tokens}
    attached: dict[int, bool] = {verb.i: True}

    def is_attached(token: Token) -> bool:
        chain = []
        while token.i not in attached:
            if token.i not in kept or token.head == token:
                attached[token.i] = False
                break
            chain.append(token.i)
            token = token.head
        verdict = attached[token.i]
        for i in chain:
            attached[i] = verdict
        return verdict

    return [t for t in tokens if is_attached(t)]


def _is_clause(token: Token) -> bool:
    """A verb with words of its own; a lone token the parser called a clause
    ('launch on STS-134') stays."""
    return token.n_lefts + token.n_rights > 0 and (token.pos_ in ("VERB", "AUX") or token.dep_ in SIDE_DEPS)


def _holds(token: Token, span: Span) -> bool:
    return token.left_edge.i <= span.start and span.end - 1 <= token.right_edge.i


def _joins_clauses(cc: Token, span: Span) -> bool:
    """The conjunction joins a clause that is cut (one with its own subject, not
    holding the date); 'denounced … and said' keeps its 'and'."""
    return any(
        c.dep_ == "conj" and _is_clause(c) and facts_of(c).subject is not None and not _holds(c, span)
        for c in cc.head.children
    )


def _noun_asides(tokens: Span, span: Span, verb: Token) -> set[int]:
    """A long clause loses the relative clauses and participle phrases set off by
    commas inside its noun phrases, unless they hold the date; appositions stay
    ('Orange, Calif.', 'Mr. Drabinsky, the chairman'), names are not cut."""
    removed: set[int] = set()
    for token in tokens:
        if token.dep_ in ("relcl", "acl") and token.head != verb and not _holds(token, span):
            before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
            if before is not None and before.text in (",", "–", "—"):
                removed.update(range(before.i, token.right_edge.i + 1))
                after = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
                if after is not None and (after.text == ")" and before.text == "(" or after.text == ","):
                    removed.add(after.i)
    return removed


def _strip_edges(tokens: list[Token]) -> list[Token]:
    """No leading joining word or punctuation, no trailing word that needs a continuation."""
    while tokens and (
        tokens[0].is_punct and not _opens(tokens[0]) or tokens[0].dep_ in ("cc", "mark") or tokens[0].pos_ == "CCONJ"
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and not _closes(tokens[-1]) or continues(tokens[-1])):
        tokens = tokens[:-1]
    return tokens


def _opens(token: Token) -> bool:
    """An opening quote or bracket: attached to the word after it."""
    return token.text in "“‘(\"'" and not token.whitespace_ and token.text not in "”’)"


def _closes(token: Token) -> bool:
    return token.text in ".!?”’)\"'" and (token.text in ".!?" or token.i == 0 or not token.doc[token.i - 1].whitespace_)


def _with_subject(tokens: list[Token], verb: Token, context: Context, name_of) -> list[Token] | None:
    """The clause with a subject a reader can take at its word: its own; a relative
    word replaced by its antecedent; the subject of the verb it is coordinated with;
    'he'/'she' replaced by the one person they can stand for. None when the subject
    is a pronoun that cannot be resolved with certainty."""
    subject = facts_of(verb).subject
    if subject is not None and subject.lower_ in WH_WORDS and verb.dep_ == "relcl":
        antecedent = noun_phrase(_measured(verb.head), limit=10)
        return _replace(tokens, subject, [_Gap(), _Subject(antecedent), _Gap()])
    if subject is None:
        borrowed = subject_of(verb)
        if borrowed is None or borrowed.lower_ in WH_WORDS:
            return tokens
        if verb.dep_ != "conj" or borrowed.head != verb.head or verb.tag_ == "VB":
            return tokens  # borrowed only from the verb it is coordinated with: 'arrived … and attended'
        if pronoun_subject(borrowed):
            return _resolved(tokens, borrowed, context, name_of, insert_at=verb)
        return _insert(tokens, [_Subject(noun_phrase(borrowed, limit=8))], verb)
    if pronoun_subject(subject):
        return _resolved(tokens, subject, context, name_of)
    return tokens


def _resolved(tokens: list[Token], pronoun: Token, context: Context, name_of, insert_at: Token | None = None):
    name = _certain_person(pronoun, context, name_of)
    if name is None:
        return None
    named = _NameToken(name, pronoun.i if insert_at is None else insert_at.i - 0.5)
    if insert_at is not None:
        return _insert(tokens, [named], insert_at)
    return [named if t == pronoun else t for t in tokens]


def _certain_person(pronoun: Token, context: Context, name_of) -> str | None:
    """'he'/'she' stand for a person with certainty only as the subject of what that
    person is reported to say or think ('Xi said he would support …'): the subject
    of the reporting verb is the one person the NER named there, and `name_of`
    agrees. Anywhere else a nearer noun ('her husband') may be meant."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    if (named := context.referent_of(pronoun)) is not None:
        return named  # 'Mr. Nadeau said … . He declined to …': the person the sentence before was about
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING_VERBS:
        return None
    speaker = facts_of(clause.head).subject
    name = name_of(pronoun)
    if speaker is None or not name or speaker.ent_type_ != "PERSON":
        return None
    index = context.sentence_at(pronoun.i)
    people = {e[-1].text for e in context.people[index] if e.start < pronoun.i}
    return name if people == {name.split()[-1]} == {speaker.text} else None


def _replace(tokens: list, old: Token, new: list) -> list:
    """`tokens` with `old` replaced by `new`: tokens, names and gaps (`_NameToken`)."""
    out: list = []
    for token in tokens:
        out.extend(new if token == old else [token])
    return out


def _insert(tokens: list[Token], words: list, verb: Token) -> list:
    """The borrowed subject opens the clause: 'The prime minister … the next day attended'."""
    return [*words, _Gap(), *tokens]


class _NameToken:
    """An actor's name standing where the parse had a pronoun."""

    def __init__(self, name: str, i: float):
        self.text = name
        self.text_with_ws = name + " "
        self.i = i
        self.is_punct = False
        self.dep_ = "nsubj"
        self.pos_ = "PROPN"
        self.tag_ = "NNP"
        self.lower_ = name.lower()
        self.like_num = False


class _Subject(_NameToken):
    """A noun phrase from elsewhere in the sentence standing as the clause's subject."""

    def __init__(self, tokens: list[Token]):
        super().__init__(text_of(tokens), tokens[0].i if tokens else -1)


class _Gap(_NameToken):
    """Marks words taken from elsewhere in the sentence: the text breaks around them."""

    def __init__(self):
        super().__init__("", -1)
        self.dep_ = "gap"


def statement_tokens(tokens: list) -> bool:
    """A subject, a finite verb, no opening pronoun, no word needing a continuation at the end."""
    words = [t for t in tokens if not isinstance(t, _Gap) and not t.is_punct]
    if len(words) < 2:
        return False
    if not any(t.dep_ in SUBJECT_DEPS or isinstance(t, _Subject) for t in words):
        return False
    if not any(isinstance(t, Token) and is_finite(t) for t in words):
        return False
    if isinstance(words[0], Token) and unresolved_pronoun(words[0]):
        return False
    return not continues(words[-1]) if isinstance(words[-1], Token) else True


def _without_opening_connective(text: str, span: Span, context: Context) -> str:
    """'Similarly, … Fitzwater said late yesterday', 'But the company said …': a word
    that ties the sentence to the one before it dangles in a timeline; the sentence is
    told without it (never without the date expression)."""
    start, end = context.sentence_tokens(span.start)
    doc = context.doc
    i = start
    while i < end - 2 and doc[i].is_punct:
        i += 1
    for _ in range(2):  # 'And so, …'
        word = doc[i]
        opening = word.dep_ == "cc" or word.pos_ == "ADV" and word.dep_ == "advmod" and doc[i + 1].text == ","
        if not opening or word.head != doc[start:end].root or span.start <= i < span.end:
            break
        if text[: len(word.text)].lower() != word.lower_:
            break
        i += 2 if doc[i + 1].text == "," else 1
        text = _capitalized(text[len(word.text) :].lstrip(" ,"))
    return text


# Words that date a thing from the day of writing or from another event, away from it: under
# the thing's own date in a timeline, 'yesterday' would read as the day before that date, and
# 'two days later' has nothing to count from.
AWAY_FROM_WRITING = re.compile(
    r"\b(?:yesterday|tomorrow|last|next|ago|previous|past|coming|later|earlier)\b", re.IGNORECASE
)


def _relative_date_placed(text: str, expression: str, when: str) -> str:
    """'The study was published yesterday [26 July 2014].': a date told from the day of
    writing is given its calendar date, in brackets, where the event tells it."""
    if not AWAY_FROM_WRITING.search(expression) or text.count(expression) != 1:
        return text
    if re.search(r"\bthis\b", expression, re.IGNORECASE):
        return text  # 'earlier this month' lies in the event's own month
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
        day = dt.date.fromisoformat(when)
        placed = f"{day.day} {day:%B %Y}"
    elif re.fullmatch(r"\d{4}(-\d{2}|-Q\d|-SP|-SU|-FA|-AU|-WI)?", when):
        placed = readable(when)
    else:
        return text  # a week, a time of day or a span: the date beside the event says it
    cut = text.index(expression) + len(expression)
    cut += len(possessive.group()) if (possessive := re.match(r"[’']s\b", text[cut:])) else 0
    return f"{text[:cut]} [{placed}]{text[cut:]}"


def _reported_first(text: str, span: Span, others: list[Span], context: Context) -> str:
    """'Li Qiang said that in the first four months of this year, trade reached $70
    billion' under January–April: what was said comes first and the saying after it ('In
    the first four months of this year, trade reached $70 billion, Li Qiang said.'), so
    that the date reads as the trade's, not the saying's (which has a date of its own)."""
    start, end = context.sentence_tokens(span.start)
    root = context.doc[start:end].root
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if root.lemma_ not in REPORTING_VERBS or said is None or not said.left_edge.i <= span.start <= said.right_edge.i:
        return text
    subject = facts_of(said).subject
    if subject is None or subject.pos_ == "PRON" or said.right_edge.i < end - 2 or context.in_quotation(said.idx):
        return text  # 'he would support …, Xi said' opens on a pronoun; 'said that …, and added …'
    dated = {t.i for other in others for t in other}
    left_out = {t.i for t in said.children if t.dep_ == "mark"}  # 'that'
    for phrase in root.children:
        if phrase.dep_ in ("prep", "npadvmod") and any(t.i in dated for t in phrase.subtree):
            left_out.update(t.i for t in phrase.subtree)  # 'On Tuesday,': the saying's date
    clause = [t for t in context.doc[said.left_edge.i : said.right_edge.i + 1] if t.i not in left_out]
    saying = _strip_edges([t for t in context.doc[start : said.left_edge.i] if t.i not in left_out])
    if not saying or len(saying) > 12 or not text.lower().startswith(saying[0].lower_):
        return text  # a name or a bracket was put in: the text is not the sentence's own
    return _capitalized(f"{text_of(_strip_edges(clause))}, {text_of(saying)}.")


def _without_another_opening_date(text: str, others: list[Span], context: Context) -> str:
    """'On Friday, Rubio told reporters that officials would convene this weekend' under
    the weekend: the sentence is told without the phrase of another of its dates that
    opens it, which would read as this event's date."""
    for other in others:
        start, _ = context.sentence_tokens(other.start)
        opening = context.doc[start : other.end]
        after = context.doc[other.end] if other.end < len(context.doc) else None
        if after is None or after.text != "," or len(opening) > len(other) + 2:
            continue  # not 'On Friday,' or 'In its Jan. 22 report,' at the sentence's start
        if opening.text and text.startswith(opening.text):
            return _capitalized(text[len(opening.text) :].lstrip(" ,"))
        break
    return text


def _descriptions_named(text: str, span: Span, context: Context) -> str:
    """'Earlier this month, the company [Provigo Inc] said …', 'he [Bertin Nadeau] said':
    a subject that only describes an actor is named after it, in brackets, where the name
    is certain, and a bare surname is given in full ('Li Qiang said'); read alone, an
    event would not say whose results or who spoke."""
    for phrase, name in context.descriptions_at(span.start):
        bare_name = phrase in name.split()
        # 'its', 'net income': the company's name anywhere in the event says whose they are
        described = not bare_name and phrase.lower() not in ("he", "she") and not phrase.lower().startswith("the ")
        if name in text or described and re.search(rf"\b{re.escape(name.split()[0])}\b", text):
            continue  # 'Unisys said its European business …': named already
        flags = 0 if bare_name else re.IGNORECASE  # 'Long said', not 'long'
        found = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, flags)]
        if bare_name:  # 'Li said' -> 'Li Qiang said': a bare name given in full
            text = text[: found[0]] + name + text[found[0] + len(phrase) :] if found else text
        elif len(found) == 1 or found and phrase.lower() in ("he", "she") and text == context.sentence_text(span.start):
            cut = found[0] + len(phrase)
            text = f"{text[:cut]} [{name}]{text[cut:]}"
    return text


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


def with_speakers(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """An event told by a quotation that opens its sentence and goes on past it ('"War
    maniacs … made another grave provocation … on Thursday afternoon.') is given its
    speaker ('Korean Central News Agency: "War maniacs …'); with no speaker known it is
    left out: an opinion without its speaker reads as fact."""
    told = []
    for event in events:
        if not _opens_an_unclosed_quote(event.event):
            told.append(event)
            continue
        speaker = next((q.speaker for q in quotes if q.speaker and q.start <= event.start < q.end), None)
        if speaker is not None:
            told.append(replace(event, event=f"{speaker}: {event.event}"))
    return told


def _opens_an_unclosed_quote(text: str) -> bool:
    if text[:1] == "“":
        return text.count("“") > text.count("”")
    return text[:1] == '"' and text.count('"') % 2 == 1


def sort_key(when: str) -> str:
    """Dates sort as text once weeks and intervals are read by their start."""
    return when.split("/")[0]
