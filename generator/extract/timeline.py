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

from ..dates import readable
from ..model import Event, Quote
from .event_clause import capitalized, clause_verb, describe, finite_clause, strip_edges
from .event_date_groups import listed_dates, spans_told_by_both_ends, without_noun_dates_beside_acts
from .event_dates import (
    after,
    after_since,
    contradicted_forecast,
    dates_an_event,
    expected_act,
    fiscal_part_of_year,
    modifies_a_noun,
    overtaken_plan,
    past_act_over_the_future,
    unfinished_quarter_told_as_done,
)
from .event_facts import (
    FACTS_KEY,
    MAX_CLAUSE_TOKENS,
    PLACING_PREPOSITIONS,
    REPORTING_VERBS,
    TEMPORAL_MARKS,
    WH_WORDS,
    facts_of,
    path_to_clause,
    told_in_past,
)
from .event_subjects import (
    Gap,
    NameToken,
    Subject,
    measured,
    person_antecedent,
    plain_antecedent,
    replace_token,
    statement_tokens,
)
from .phrases import LOOSE_CLITIC, continues, doc_text, governing_verb, noun_phrase, past_tense, subject_of, text_of
from .quotes import find_quoted
from .timex import Timex

MAX_DATES_PER_SENTENCE_TEXT = 2
EARLIER_SENTENCES = 3  # how far back 'the chip' looks for the phrase that named it


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
            if not expected_act(span):
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
        if modifies_a_noun(span):
            modifiers.add(id(event))  # 'the 2018 World Cup': a date in a name
        # 'visiting Russia since Monday' and 'arrived on Monday' tell one event: the arrival.
        subject = subject_of(verb) if verb is not None else None
        actor = name_of(subject) if subject is not None else None
        key = (when, actor or "")
        if actor and key in since:
            continue
        if actor and after_since(span):
            since[key] = len(events)
        events.append(event)
    return sorted(_merge(events, modifiers), key=lambda e: (sort_key(e.when), e.sentence, e.start))


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
    if not finite_clause(verb):
        return ""  # 'made it difficult for Sun to meet demand … into the summer': no statement
    relative = subject.lower_ in WH_WORDS
    antecedent = person_antecedent(verb.head) if subject.lower_ in ("who", "whom") else measured(verb.head)
    if relative and not (verb.dep_ == "relcl" and antecedent is not None and plain_antecedent(antecedent, subject)):
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
        tokens = strip_edges([t for t in tokens if t.i > told_from])  # 'two months after Xi traveled …'
    else:
        tokens = strip_edges(tokens)
        if not tokens or not tokens[0].i <= span.start <= span.end - 1 <= tokens[-1].i:
            return ""
    if len(tokens) < 4:
        return ""
    if relative and antecedent is not None:  # 'some 12,000 hopefuls who applied before last summer' -> '… applied …'
        tokens = replace_token(tokens, subject, [Subject(noun_phrase(antecedent, limit=10)), Gap()])
    elif (named := _main_subject_for(subject, verb)) is not None:
        tokens = replace_token(tokens, subject, [Subject(noun_phrase(named, limit=8)), Gap()])
    return capitalized(text_of(tokens))


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
    rest = strip_edges([t for t in verb.subtree if t.i > verb.i])
    if not rest or not rest[0].i <= span.start <= span.end - 1 <= rest[-1].i:
        return ""
    # '… before throwing in the towel and reducing its stake': each -ing verb in the past
    retold: list = []
    for token in [verb, *rest]:
        if token == verb or token.tag_ == "VBG" and token.dep_ == "conj" and token.head == verb:
            past = past_tense(token.lemma_)
            if past is None:
                return ""
            retold.append(NameToken(past, token.i))
        else:
            retold.append(token)
    return capitalized(text_of([Subject(noun_phrase(doer, limit=8)), Gap(), *retold]))


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
    tokens = strip_edges(list(noun.doc[noun.left_edge.i : noun.right_edge.i + 1]))
    return capitalized(text_of(tokens)) if len(tokens) <= MAX_CLAUSE_TOKENS else ""


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
    return capitalized(text_of(strip_edges(tokens))) if len(tokens) <= MAX_CLAUSE_TOKENS else ""


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
    return capitalized(f"{text_of(subject)} {be} {text_of(clause)}")


def _wholly_quoted(text: str) -> bool:
    return text[:1] in '"“' and text.rstrip()[-1:] in '"”'


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
        text = capitalized(text[len(word.text) :].lstrip(" ,"))
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
    saying = strip_edges([t for t in context.doc[start : said.left_edge.i] if t.i not in left_out])
    if not saying or len(saying) > 12 or not text.lower().startswith(saying[0].lower_):
        return text  # a name or a bracket was put in: the text is not the sentence's own
    return capitalized(f"{text_of(strip_edges(clause))}, {text_of(saying)}.")


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
            return capitalized(text[len(opening.text) :].lstrip(" ,"))
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
