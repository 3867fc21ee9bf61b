"""Dates told by a noun's phrase rather than a clause: a plan's aim ('program to pay
down the loan by February'), a noun that bounds the act ('the days leading up to the
outbreak of war on February 24'), a participle describing a noun, the thing of a
present perfect; the noun or participle found, and the phrase as the event's text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .event_clause import capitalized, strip_edges
from .event_facts import (
    MAX_CLAUSE_TOKENS,
    NEAR_DATE_TOKENS,
    PLACING_PREPOSITIONS,
    TIME_SETTING_LEMMAS,
    path_to_clause,
    present_perfect,
)
from .phrases import continues, governing_verb, past_tense, text_of


def bounding_noun(span: Span) -> Token | None:
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


def aim_of_a_phrase(span: Span) -> Token | None:
    """'is part of KKR's program to pay down the loan by February', 'a charge tied to
    its plan to cut 6,000 jobs by year end': the date is what a plan named in a phrase
    aims at, not when the clause's act was (told by the clause, it reads as the date of
    the sale or the charge); the plan's noun, or None. A plan the clause acts on
    ('announced plans to travel next week') is told by its clause."""
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ != "acl" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    return verb.head if verb.head.dep_ == "pobj" else None


def aim_as_told(noun: Token) -> str:
    """The plan and its aim as a statement: "KKR's program is to pay down $5 billion …
    by February"."""
    aim = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i), None)
    if aim is None:
        return ""
    plan = strip_edges(list(noun.doc[noun.left_edge.i : noun.i + 1]))
    tokens = strip_edges(list(noun.doc[aim.left_edge.i : aim.right_edge.i + 1]))
    if not plan or len(plan) + len(tokens) > MAX_CLAUSE_TOKENS:
        return ""
    return capitalized(f"{text_of(plan)} is {text_of(tokens)}.")


def describing_participle(span: Span) -> Token | None:
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


def thing_of_a_perfect(span: Span) -> Token | None:
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
    perfect = any(present_perfect(v) for v in chain) and not any(
        c.dep_ == "aux" and c.lower_ == "had" for v in chain for c in v.children
    )
    noun = span.doc[span.start - 1]
    return noun if perfect and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("pobj", "dobj") else None


def thing_as_told(noun: Token, span: Span, ahead: bool) -> str:
    """'The Northern California earthquake was nearly two weeks ago', 'The outbreak of
    war was on February 24': the noun phrase, said to be at its date ('the completion of
    STS-133' keeps what it is of)."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    doc = span.doc
    preposition = span.root.head if span.root.dep_ == "pobj" and span.root.head.i == span.start - 1 else None
    date = list(doc[span.start - 1 if preposition is not None else span.start : span.end])
    thing = strip_edges(list(doc[noun.left_edge.i : date[0].i]))
    if not thing or len(thing) + len(date) > MAX_CLAUSE_TOKENS:
        return ""
    return capitalized(f"{text_of(thing)} {'will be' if ahead else 'was'} {text_of(date)}.")


def participle_beside_another_date(span: Span, dates: list[Span]) -> Token | None:
    """'Figures to be published today show a record 45,756 migrants crossing the Channel
    last year drove …': a participle describing a noun holds the date, and another date
    of the sentence dates its main act; told by the sentence or its main clause, the
    participle's date would read as the figures'. The participle, or None."""
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.i > 0 and verb.doc[verb.i - 1].text == "," or verb.lemma_.lower() == "date":
        return None  # an aside ('a request, emailed on Tuesday') or a document's date
    if verb.tag_ == "VBG" and verb.lemma_ in TIME_SETTING_LEMMAS:
        return None  # 'the year ending Sept. 30': the year ends, no one acts
    first, last = verb.left_edge.i, verb.right_edge.i
    others = [other for other in dates if other is not span and abs(other.start - span.start) <= NEAR_DATE_TOKENS]
    if not others or any(first <= other.start <= last for other in others):
        return None  # no other date, or one inside the participle's own phrase
    return verb


def participle_as_statement(verb: Token, span: Span, ahead: bool = False) -> str:
    """'a program approved by the company in 1987 that …' -> 'A program was approved by
    the company in 1987': the noun with what precedes it, 'was'/'were', and the
    participle's own clause; an -ing participle's noun is its doer, told in the past
    ('migrants crossing the Channel last year' -> 'Migrants crossed the Channel last
    year'). Only when the date hangs on the participle itself (in 'problems tied to the
    introduction … in April' April dates the introduction)."""
    if verb.tag_ not in ("VBN", "VBG") or any(t.pos_ in ("NOUN", "PROPN") for t in path_to_clause(span)):
        return ""
    past = past_tense(verb.lemma_) if verb.tag_ == "VBG" else None
    if verb.tag_ == "VBG" and (
        past is None
        or ahead
        or any(c.dep_ in ("neg", "aux", "auxpass") for c in verb.children)
        or any(t.lower_ in PERFECT_SPANS for t in span.doc[max(span.start - 2, 0) : span.end])
    ):
        return ""  # 'arriving next week', 'rising since May': no simple past tells them
    if any(
        c.dep_ == "prep" and c.right_edge.i < span.start and c.lower_ not in PLACING_PREPOSITIONS for c in verb.children
    ):
        return ""  # 'tied to the launch of a portal in March': the date may be the launch's
    noun = verb.head
    doc = verb.doc
    subject = [t for t in doc[noun.left_edge.i : verb.i] if not t.is_punct or t.tag_ in ("POS", "HYPH")]
    clause = list(doc[verb.i : verb.right_edge.i + 1])
    while clause and (clause[-1].is_punct or continues(clause[-1])):
        clause.pop()
    if not subject or len(clause) < 2 or not (clause[0].i <= span.start and span.end - 1 <= clause[-1].i):
        return ""
    if not any(t.pos_ == "PROPN" or t.tag_ == "POS" for t in (*subject, *clause)):
        return ""  # 'Sharp advances were made through this week', 'A program was approved': of what, whose?
    if past is not None:
        return capitalized(f"{text_of(subject)} {past} {text_of(clause[1:])}")
    be = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    return capitalized(f"{text_of(subject)} {be} {text_of(clause)}")
