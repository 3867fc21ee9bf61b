"""What the timeline's steps share: word lists, the facts of a verb read once per
verb (`Facts`, kept in the `Doc`'s user data under `FACTS_KEY` until the timeline is
done), and a few questions about a token that more than one step asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

MAX_CLAUSE_TOKENS = 60
# A clause is shorter than this: a run-on sentence's far dates are never in a date's clause.
NEAR_DATE_TOKENS = 4 * MAX_CLAUSE_TOKENS
FACTS_KEY = "timeline_facts"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
WH_WORDS = {"who", "which", "that", "whom"}
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
# Subordinators that make a date the point a clause is told from ('two months after Xi traveled').
TEMPORAL_MARKS = {"after", "before", "since", "until", "till", "when", "once", "as"}
PLACING_PREPOSITIONS = {"at", "during", "on", "in", "of", "amid", "throughout"}

# Verbs whose -ing form sets a time ('a week starting Saturday', 'the year ending Sept. 30').
TIME_SETTING_LEMMAS = {"start", "begin", "end", "finish", "continue", "last", "run", "expire", "follow"}


def present_perfect(verb: Token) -> bool:
    """'has started', 'have sold', 'it's risen'."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)


def told_in_past(verb: Token) -> bool:
    """'departed', 'has made', 'was sold': the clause tells a past act."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and bool(auxes & {"has", "have", "had", "was", "were"})


def path_to_clause(span: Span) -> list[Token]:
    """The tokens from the date up to (not including) the verb it modifies."""
    path = []
    for token in span.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            break
        path.append(token)
        if len(path) > 12:
            break
    return path


def is_amount(token: Token) -> bool:
    return token.like_num or token.lower_ in ("%", "percent") or token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")


@dataclass(frozen=True)
class Facts:
    """What a verb's children say, read once per verb: a verb that a list of dates
    hangs on is asked for each of them."""

    subject: Token | None
    marks: tuple[Token, ...]
    auxes: tuple[Token, ...]
    wide: bool  # more children than any clause has: a run-on list


def facts_of(verb: Token) -> Facts:
    cache = verb.doc.user_data.setdefault(FACTS_KEY, {})
    facts = cache.get(verb.i)
    if facts is None:
        children = list(verb.children)
        facts = cache[verb.i] = Facts(
            subject=next((c for c in children if c.dep_ in SUBJECT_DEPS), None),
            marks=tuple(c for c in children if c.dep_ == "mark"),
            auxes=tuple(c for c in children if c.dep_ in ("aux", "auxpass")),
            wide=len(children) > MAX_CLAUSE_TOKENS,
        )
    return facts
