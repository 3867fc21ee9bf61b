"""The subject of an event's clause: a relative word replaced by its antecedent, a
borrowed subject put in, 'he'/'she' named where the person is certain; the name
tokens that stand in for them, and whether the words are a statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .event_facts import REPORTING_VERBS, SUBJECT_DEPS, WH_WORDS, facts_of, is_amount
from .phrases import continues, is_finite, noun_phrase, pronoun_subject, subject_of, text_of, unresolved_pronoun

if TYPE_CHECKING:
    from .timeline import Context


def measured(noun: Token) -> Token:
    """'capital gains of $48 million, which included …': a relative word after an
    amount stands for what the amount measures, where the parse hangs it on the amount."""
    of = noun.head
    if is_amount(noun) and noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN":
        return of.head
    return noun


def plain_antecedent(noun: Token, relative: Token | None = None) -> bool:
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


def person_antecedent(noun: Token) -> Token | None:
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


def with_subject(tokens: list[Token], verb: Token, context: Context, name_of) -> list[Token] | None:
    """The clause with a subject a reader can take at its word: its own; a relative
    word replaced by its antecedent; the subject of the verb it is coordinated with;
    'he'/'she' replaced by the one person they can stand for. None when the subject
    is a pronoun that cannot be resolved with certainty."""
    subject = facts_of(verb).subject
    if subject is not None and subject.lower_ in WH_WORDS and verb.dep_ == "relcl":
        antecedent = noun_phrase(measured(verb.head), limit=10)
        return replace_token(tokens, subject, [Gap(), Subject(antecedent), Gap()])
    if subject is None:
        borrowed = subject_of(verb)
        if borrowed is None or borrowed.lower_ in WH_WORDS:
            return tokens
        if verb.dep_ != "conj" or borrowed.head != verb.head or verb.tag_ == "VB":
            return tokens  # borrowed only from the verb it is coordinated with: 'arrived … and attended'
        if pronoun_subject(borrowed):
            return _resolved(tokens, borrowed, context, name_of, insert_at=verb)
        return _insert(tokens, [Subject(noun_phrase(borrowed, limit=8))], verb)
    if pronoun_subject(subject):
        if (denied := _forecast_denied(subject, verb)) is not None:
            return replace_token(tokens, subject, [Subject(noun_phrase(denied, limit=8)), Gap()])
        return _resolved(tokens, subject, context, name_of)
    return tokens


def _forecast_denied(pronoun: Token, verb: Token) -> Token | None:
    """'… as saying the Jairan would depart China in early February, but it did not
    leave until March 10': a negated 'but' clause denies the forecast before it, so its
    'it'/'they' is that forecast's subject (a thing of the same number, not a person)."""
    if pronoun.lower_ not in ("it", "they") or verb.dep_ != "conj" or not any(c.dep_ == "neg" for c in verb.children):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "but" and c.i < verb.i for c in verb.head.children):
        return None
    forecasts = [
        t
        for t in verb.head.subtree
        if t.i < verb.i
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in t.children)
    ]
    subject = facts_of(forecasts[-1]).subject if forecasts else None
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return subject if thing_for_pronoun(pronoun, subject) else None


def thing_for_pronoun(pronoun: Token, noun: Token) -> bool:
    """'it' can stand for a singular thing, 'they' for plural ones ('Xi and Putin'); 'it'
    never for a person."""
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if pronoun.lower_ == "it" and (plural or noun.ent_type_ == "PERSON"):
        return False
    return plural == (pronoun.lower_ == "they")


def _resolved(tokens: list[Token], pronoun: Token, context: Context, name_of, insert_at: Token | None = None):
    name = _certain_person(pronoun, context, name_of)
    if name is None:
        return None
    named = NameToken(name, pronoun.i if insert_at is None else insert_at.i - 0.5)
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


def replace_token(tokens: list, old: Token, new: list) -> list:
    """`tokens` with `old` replaced by `new`: tokens, names and gaps (`NameToken`)."""
    out: list = []
    for token in tokens:
        out.extend(new if token == old else [token])
    return out


def _insert(tokens: list[Token], words: list, verb: Token) -> list:
    """The borrowed subject opens the clause: 'The prime minister … the next day attended'."""
    return [*words, Gap(), *tokens]


class NameToken:
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


class Subject(NameToken):
    """A noun phrase from elsewhere in the sentence standing as the clause's subject."""

    def __init__(self, tokens: list[Token]):
        super().__init__(text_of(tokens), tokens[0].i if tokens else -1)


class Gap(NameToken):
    """Marks words taken from elsewhere in the sentence: the text breaks around them."""

    def __init__(self):
        super().__init__("", -1)
        self.dep_ = "gap"


def statement_tokens(tokens: list) -> bool:
    """A subject, a finite verb, no opening pronoun, no word needing a continuation at the end."""
    words = [t for t in tokens if not isinstance(t, Gap) and not t.is_punct]
    if len(words) < 2:
        return False
    if not any(t.dep_ in SUBJECT_DEPS or isinstance(t, Subject) for t in words):
        return False
    if not any(isinstance(t, Token) and is_finite(t) for t in words):
        return False
    if isinstance(words[0], Token) and unresolved_pronoun(words[0]):
        return False
    return not continues(words[-1]) if isinstance(words[-1], Token) else True
