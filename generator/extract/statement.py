"""The statement check (issue 10): an event text in, the reasons it is not a
statement out (none when it is one).

A statement has a subject and a finite verb, does not open on a pronoun a reader
cannot resolve, does not end on a word that needs a continuation (a preposition,
a determiner, a conjunction, a possessive, an auxiliary), keeps the unit of its
numbers ('by almost 40%', not 'by almost 40') and joins its words as written
('we're', not 'we 're'). A spaCy parse of the text alone is enough.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .phrases import continues, is_finite, unresolved_pronoun

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
UNIT_WORDS = frozenset({"%", "percent", "per", "cent", "percentage", "points", "point"})
LOOSE_CLITIC = re.compile(r"\w\s+(?:n[’']t|[’'](?:re|s|ve|ll|d|m))\b", re.IGNORECASE)
CHANGE_PREPOSITIONS = frozenset({"by", "to", "from"})


def statement_problems(text: str, nlp: Language) -> list[str]:
    """Why `text` is not a statement; an empty list when it is one."""
    doc = nlp(text)
    return problems_of(doc)


def is_statement(text: str, nlp: Language) -> bool:
    return not statement_problems(text, nlp)


def problems_of(doc: Doc) -> list[str]:
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if not words:
        return ["empty"]
    problems = []
    roots = [t for t in words if t.dep_ == "ROOT"]
    if not any(t.dep_ in SUBJECT_DEPS for t in words):
        problems.append("no subject")
    elif (
        roots
        and roots[0].pos_ in ("VERB", "AUX")
        and not any(c.dep_ in SUBJECT_DEPS for c in roots[0].children)
        and not _subject_below(roots[0])
    ):
        problems.append(f"no subject for {roots[0].text!r}")
    if not any(is_finite(t) for t in words):
        problems.append("no finite verb")
    if unresolved_pronoun(words[0]):
        problems.append(f"opens on the pronoun {words[0].text!r}")
    if continues(words[-1]):
        problems.append(f"ends on {words[-1].text!r}, which needs a continuation")
    problems += [f"the number {t.text!r} has lost its unit" for t in words if _unitless(t)]
    if LOOSE_CLITIC.search(doc.text):
        problems.append("a contraction is split from its word")
    return problems


def _subject_below(root: Token) -> bool:
    """A root the parser took for a verb but whose clause is below it ('Usually, … is',
    a fronted quotation): some clause under it has its subject."""
    return (
        any(
            c.dep_ in ("ccomp", "conj", "advcl", "xcomp", "parataxis")
            and c.i < root.i
            and any(g.dep_ in SUBJECT_DEPS for g in c.children)
            for c in root.children
        )
        or root.tag_ == "VB"
    )  # an imperative or a misparsed noun; the finite-verb test decides


def _unitless(token: Token) -> bool:
    """A number that a change ends on ('increase by almost 40'): its unit was cut."""
    if not token.like_num or token.dep_ != "pobj" or token.head.lower_ not in CHANGE_PREPOSITIONS:
        return False
    if re.fullmatch(r"1\d{3}|20\d{2}", token.text):  # a year
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not any(c.pos_ in ("NOUN", "PROPN", "SYM") or c.lower_ in UNIT_WORDS for c in token.children) and (
        following is None or following.is_punct and following.text not in "%" or following.lower_ in ("in", "and")
    )
