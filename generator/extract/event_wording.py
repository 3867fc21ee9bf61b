"""The clean-ups of an event's text: an opening connective or another date's opening
phrase left out, what was said put before the saying, descriptions and relative dates
given their names and calendar dates in brackets; text in, text out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..dates import readable
from .event_clause import capitalized, strip_edges
from .event_facts import NEAR_DATE_TOKENS, REPORTING_VERBS, facts_of
from .phrases import governing_verb, text_of

if TYPE_CHECKING:
    from .timeline import Context


def wholly_quoted(text: str) -> bool:
    return text[:1] in '"“' and text.rstrip()[-1:] in '"”'


def without_opening_connective(text: str, span: Span, context: Context) -> str:
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
        if not opening or word.head != context.sentence_root(span.start) or span.start <= i < span.end:
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
    r"\b(?:yesterday|tomorrow|last|next|ago|previous|past|coming|later|earlier|following)\b", re.IGNORECASE
)


def relative_date_placed(text: str, expression: str, when: str) -> str:
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


def reported_first(text: str, span: Span, dates: list[Span], context: Context) -> str:
    """'Li Qiang said that in the first four months of this year, trade reached $70
    billion' under January–April: what was said comes first and the saying after it ('In
    the first four months of this year, trade reached $70 billion, Li Qiang said.'), so
    that the date reads as the trade's, not the saying's (which has a date of its own)."""
    start, end = context.sentence_tokens(span.start)
    root = context.sentence_root(span.start)
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if root.lemma_ not in REPORTING_VERBS or said is None or not said.left_edge.i <= span.start <= said.right_edge.i:
        return text
    subject = facts_of(said).subject
    if subject is None or subject.pos_ == "PRON" or said.right_edge.i < end - 2 or context.in_quotation(said.idx):
        return text  # 'he would support …, Xi said' opens on a pronoun; 'said that …, and added …'
    dated = {t.i for other in dates if other is not span for t in other}
    left_out = {t.i for t in said.children if t.dep_ == "mark"}  # 'that'
    for phrase in root.children:
        if phrase.dep_ in ("prep", "npadvmod") and any(t.i in dated for t in phrase.subtree):
            left_out.update(t.i for t in phrase.subtree)  # 'On Tuesday,': the saying's date
    clause = [t for t in context.doc[said.left_edge.i : said.right_edge.i + 1] if t.i not in left_out]
    saying = strip_edges([t for t in context.doc[start : said.left_edge.i] if t.i not in left_out])
    if not saying or len(saying) > 12 or not text.lower().startswith(saying[0].lower_):
        return text  # a name or a bracket was put in: the text is not the sentence's own
    return capitalized(f"{text_of(strip_edges(clause))}, {text_of(saying)}.")


def without_another_opening_date(text: str, span: Span, dates: list[Span], context: Context) -> str:
    """'On Friday, Rubio told reporters that officials would convene this weekend' under
    the weekend: the sentence is told without the phrase of another of its dates that
    opens it ('On Friday,', 'In its Jan. 22 report,'), which would read as this event's
    date; not when this date is the main act's too ('A week ago, he picked Saturday night')."""
    start, _ = context.sentence_tokens(span.start)
    opening = next((other for other in dates if other.start - start <= 3 and other is not span), None)
    doc = context.doc
    if opening is None or opening.end >= len(doc) or doc[opening.end].text != ",":
        return text
    if governing_verb(span.root) == context.sentence_root(span.start):
        return text
    phrase = doc[start : opening.end].text
    return capitalized(text[len(phrase) :].lstrip(" ,")) if phrase and text.startswith(phrase) else text


def descriptions_named(text: str, span: Span, context: Context) -> str:
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


def without_another_dates_conjunct(text: str, span: Span, dates: list[Span]) -> str:
    """'The Jairan remained at Liuheng Island until March 3, when it headed south … and
    docked at the port on March 8' under March 3: a verb coordinated into the clause
    that holds another of the sentence's dates is that date's act, and is told without
    it ('… when it headed south toward Zhuhai Gaolan.'); March 8 tells the docking."""
    doc = span.doc
    for other in dates:
        if other is span or abs(other.start - span.start) > NEAR_DATE_TOKENS:
            continue  # a clause is shorter than that: a run-on sentence's far dates are not in it
        verb = governing_verb(other.root)
        if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            continue
        if verb.left_edge.i <= span.start < verb.right_edge.i + 1:
            continue  # this date is in that conjunct
        joined = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
        start = joined[-1].i if joined else verb.left_edge.i
        if start > 0 and doc[start - 1].text == ",":
            start -= 1
        end = verb.right_edge.i + 1
        while end > verb.i + 1 and doc[end - 1].is_punct:
            end -= 1
        piece = doc[start:end].text
        if piece and text.count(piece) == 1:
            at = text.index(piece)
            text = (text[:at].rstrip(" ,") + text[at + len(piece) :]).rstrip(" ,")
    return text


def without_another_dates_verb(text: str, span: Span, dates: list[Span]) -> str:
    """'… until March 3, when it headed south toward Zhuhai Gaolan and docked at the port
    on March 8' under March 8: the verb this date's verb is coordinated with belongs to
    another date (a 'when' clause of March 3, or a verb March 3 hangs on), so the event
    is told without it ('The Jairan docked at the port on March 8')."""
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return text
    head, doc = verb.head, span.doc
    subject = facts_of(head).subject
    if subject is None or subject.i > head.i or span.start < verb.i:
        return text

    def dates_head(other: Span) -> bool:
        return head.head == other.root or governing_verb(other.root) == head and other.start < verb.i

    if not any(
        other is not span and abs(other.start - span.start) <= NEAR_DATE_TOKENS and dates_head(other) for other in dates
    ):
        return text
    piece = doc[head.i : verb.i].text
    if text.count(piece + " ") != 1:
        return text
    return text.replace(piece + " ", "", 1)


def quotation_marks_closed(text: str) -> str:
    """'It diverts … growing threats,” Marco Rubio told VOA …': a sentence inside a
    quotation that began in the sentence before, or goes on into the next, is given the
    quotation mark it lacks ('“It diverts …'), so that a reader sees where the quoted
    words start and end. Double quotation marks only: a single one may be an apostrophe."""
    opening, closing = "“", "”"
    if text.count(opening) != text.count(closing):
        first_close, first_open = text.find(closing), text.find(opening)
        if first_close >= 0 and (first_open < 0 or first_close < first_open):
            return opening + text
        if first_open >= 0 and text.rfind(opening) > text.rfind(closing):
            return text + closing
        return text
    if text.count('"') % 2 == 1:
        first = text.index('"')
        closes = first > 0 and not text[first - 1].isspace() and text[first - 1] != "("
        return '"' + text if closes else text + '"'
    return text
