"""Which dates date an event: a date span and its parse in, whether it dates an act of
its clause out. Not the base of a comparison, a record's reference, a bound, a date in
a name or of a noun, nor a question's; a date after publication only as a plan,
forecast or expected act, and neither an overtaken plan nor a contradicted forecast.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..dates import value_span
from .event_facts import PLACING_PREPOSITIONS, REPORTING_VERBS, is_amount, path_to_clause, present_perfect, told_in_past
from .phrases import governing_verb, subject_of
from .timex import Timex

if TYPE_CHECKING:
    from .timeline import Context


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
MODALS = {"will", "would", "shall", "may", "might", "could", "should", "must", "can", "'ll", "’ll", "'d", "’d"}
PERIOD_NOUNS = {"quarter", "year", "period", "month", "week", "half", "season", "term", "session"}
# Participles that plan by themselves: 'the vote, scheduled for next week'.
PLANNING_LEMMAS = {"schedule", "set", "plan", "expect", "slate", "due", "propose", "intend", "aim", "target"}


def modifies_a_noun(span: Span) -> bool:
    """'third-quarter earnings', 'the 2018 World Cup': the date describes a noun."""
    return span.root.dep_ in ("compound", "nummod", "amod", "nmod") and span.root.head.pos_ in ("NOUN", "PROPN")


def places_the_clause(noun: Token) -> bool:
    """'in its Jan. 22 report', 'at Friday's talks': the noun says when the clause's act was."""
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    if preposition.lower_ == "of":  # 'on the sidelines of …', not 'many of today's computers'
        return preposition.head.pos_ == "NOUN" and places_the_clause(preposition.head)
    return preposition.lower_ in PLACING_PREPOSITIONS


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
        or _names_a_thing_of_a_present_act(span)
        or _names_a_period(span)
        or _object_of_verb(span)
        or _only_a_bound(span)
        or _nowadays(span)
        or _in_question(span, context)
    )


def _nowadays(span: Span) -> bool:
    """'Today, the right to work is equal to the right to survival': 'today' beside a
    present 'is' means these days, a claim with no date (not 'today is the eighth day')."""
    verb = governing_verb(span.root)
    return (
        span.text.lower() == "today"
        and span.root.dep_ not in ("nsubj", "nsubjpass")
        and verb is not None
        and verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass", "xcomp") for c in verb.children)  # not 'is to begin'
        and any(c.dep_ in ("attr", "acomp") for c in verb.children)
    )


FORECASTING_LEMMAS = {"predict", "expect", "estimate", "forecast", "project", "see"}


def forecast_period(span: Span) -> bool:
    """'Analysts were predicting 1990 BellSouth earnings of $3.90 a share': a coming year
    that names what a forecast is of dates the forecast's subject, not anything done then
    (the predicting was now)."""
    if not modifies_a_noun(span):
        return False
    noun = span.root.head
    return noun.dep_ == "dobj" and noun.head.lemma_ in FORECASTING_LEMMAS


def plan_of_the_past(span: Span) -> bool:
    """'Until recently, Kellogg had been telling Wall Street that by 1992 it intended to
    reach a 50% share': a plan told in the past perfect was held before some past time,
    and the text does not say it still is; its date dates nothing."""
    verb = governing_verb(span.root)
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head == verb:
            return False  # not through 'and': 'had corrected the problems and would start … next week'
        verb = verb.head
    return False


def _only_a_bound(span: Span) -> bool:
    """'hopefuls who applied before last summer', 'redeemable after the end of 1994',
    'have come down from the middle of October': the act was at some time before or
    after the date, which the timeline would show as its day (blind raters: bad)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("before", "after") and span.start == root.head.i + 1:
        return True
    # 'Oil prices have come down from the middle of October … to the fourteen dollars we're
    # seeing today': a present perfect's 'from' is where a change up to now started, like 'since'.
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    doc, verb = span.doc, root.head.head
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("to", "until", "through", "-", "–"):
        if doc[span.end + 1].ent_type_ == "DATE" or doc[span.end + 1].like_num:
            return False  # 'has declined by 25 percent from 1980 to 2012': both ends given
    return verb.pos_ in ("VERB", "AUX") and present_perfect(verb)


def _names_a_period(span: Span) -> bool:
    """'last month's explosion', 'before Friday's purchases', 'earnings for the quarter':
    the date belongs to the noun, whatever the clause around it did; unless the noun
    places the clause ('on the sidelines of last September's meeting', 'at Friday's talks')."""
    root = span.root
    if root.dep_ == "poss" or any(t.tag_ == "POS" for t in span[-2:]):
        noun = root.head
        return noun.pos_ in ("NOUN", "PROPN") and not places_the_clause(noun)
    if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.pos_ == "NOUN":
        return True
    for noun in path_to_clause(span):  # 'euros in arrears for the period from 2004 to 2009'
        if noun.lemma_.lower() in PERIOD_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "for":
            return noun.head.head.pos_ == "NOUN"
    verb = governing_verb(root)  # 'the quarter ended Sept. 29'
    return verb is not None and verb.dep_ == "acl" and verb.head.lemma_.lower() in PERIOD_NOUNS


def _object_of_verb(span: Span) -> bool:
    root = span.root
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_ not in REPORTING_VERBS


def _in_question(span: Span, context: Context) -> bool:
    """The sentence ends on a question mark (read from its last tokens: a run-on
    sentence's text is not built again for each of its dates)."""
    start, end = context.sentence_tokens(span.start)
    for i in range(end - 1, max(start, end - 4) - 1, -1):
        token = context.doc[i]
        if not (token.is_space or token.text in "\"”’')"):
            return "?" in token.text
    return False


def after(when: str, published: dt.date) -> bool:
    """The date begins after the day of publication."""
    days = value_span(when)
    return days is not None and days[0] > published


def past_act_over_the_future(when: str, span: Span, published: dt.date) -> bool:
    """A span of years that runs past the year of publication, told by a past act: what
    the act was about (a study's scope, a plan's term), not when it happened."""
    if "/" not in when:
        return False
    days = value_span(when)
    verb = governing_verb(span.root)
    return days is not None and days[1].year > published.year and verb is not None and told_in_past(verb)


def unfinished_quarter_told_as_done(when: str, span: Span, published: dt.date) -> bool:
    """A quarter or half not over at publication, whose results a past verb tells, is
    the company's fiscal period: the calendar's value would misdate it."""
    if not re.fullmatch(r"\d{4}-(Q[1-4]|H[12])", when):
        return False
    days = value_span(when)
    verb = governing_verb(span.root)
    return days is not None and days[0] <= published < days[1] and verb is not None and verb.tag_ == "VBD"


def fiscal_part_of_year(timex: Timex) -> bool:
    """A company's fiscal quarter or half: its calendar months are the company's own."""
    return "fiscal" in timex.text.lower() and re.fullmatch(r"\d{4}-(Q[1-4]|H[12])", timex.when or "") is not None


def overtaken_plan(span: Span) -> bool:
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


def contradicted_forecast(span: Span) -> bool:
    """The date's clause tells what 'would' happen, and the sentence goes on with a
    'but' clause that denies it ('…, but it did not leave until March 10')."""
    verb = governing_verb(span.root)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children):
        return False
    root = span.root.sent.root
    return any(c.dep_ == "cc" and c.lower_ == "but" for c in root.children) and any(
        c.dep_ == "conj" and any(n.dep_ == "neg" for n in c.children) for c in root.children
    )


def expected_act(span: Span) -> bool:
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
    if not modifies_a_noun(span) or len([t for t in span if t.text != "-" and not t.like_num]) > 1:
        return False  # 'the 2010 commando raid', 'a nineteen ninety-seven attack'; not 'the week of May 5'
    noun = span.root.head
    if noun.pos_ != "NOUN":
        return False
    while noun.dep_ in ("conj", "appos") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # 'responsibility for the bombing, a 1997 attack on a lounge and …': one of a list
    placing = places_the_clause(noun) and noun.head.head.pos_ in ("VERB", "AUX")  # not 'errors during the raid'
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and not placing


def _names_a_thing_of_a_present_act(span: Span) -> bool:
    """'Army of God letters claim responsibility for …, a 1997 attack on a gay lounge': a
    date written as a modifier of a noun the clause acts on, under a verb in the simple
    present, names when that thing was; the act is now (the letters claim, not in 1997).
    A subject keeps its date ('the 2024 budget includes …')."""
    if not modifies_a_noun(span):
        return False
    noun = span.root.head
    for _ in range(6):  # a few steps: a run-on sentence's chain of conjuncts is not climbed whole
        if noun.dep_ not in ("conj", "appos", "pobj", "prep", "compound") or noun.head == noun:
            break
        if noun.head.pos_ in ("VERB", "AUX"):
            break
        noun = noun.head
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


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
    return present_perfect(verb) and any(
        is_amount(t) for t in verb.subtree if not t.is_punct and t.i < verb.right_edge.i
    )


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


def after_since(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"
