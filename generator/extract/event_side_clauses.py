"""Dates of side clauses: whether a date hangs on an adverbial, relative or
participial clause rather than the main act, and that clause told on its own, from
its subject ('since they met …' -> 'They met …') or its participle's doer.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .event_clause import capitalized, finite_clause, strip_edges, with_aside
from .event_facts import MAX_CLAUSE_TOKENS, TEMPORAL_MARKS, TIME_SETTING_LEMMAS, WH_WORDS, facts_of, told_in_past
from .event_subjects import (
    Gap,
    NameToken,
    Subject,
    measured,
    person_antecedent,
    plain_antecedent,
    replace_token,
    thing_for_pronoun,
)
from .phrases import governing_verb, noun_phrase, past_tense, text_of


def tells_its_sentence(verb: Token | None) -> bool:
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


def side_clause(span: Span, top: Token | None = None, ahead: bool = False) -> list[Token]:
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


def only_a_time_reference(verb: Token, span: Span) -> bool:
    """A time clause that says no more than its subject, its verb and its date ('after the
    market closed Wednesday', 'before the polls opened on Sunday') places the main act."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i}
    if not marks & TEMPORAL_MARKS:
        return False
    said = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "punct"}
    return all(c.dep_ in said or span.root in c.subtree for c in verb.children)


def side_clause_text(verb: Token, span: Span) -> str:
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
    if only_a_time_reference(verb, span):
        return ""  # '… after the stock market closed Wednesday': when the main act was, not an event of its own
    if (
        verb.dep_ == "relcl"
        and not relative
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") or c.tag_ == "WRB" for c in verb.children)
    ):
        return ""  # 'the diplomacy he began after …': its object is the noun outside it
    marker = {
        d.i
        for t in verb.children
        if t.dep_ == "mark" or t.dep_ == "advmod" and t.i < verb.i and t.lower_ in ("when", "where", "while", "as")
        for d in t.subtree
    }
    if marker and span.start > min(marker):  # what stands before the marker measures it: 'two weeks after it docked'
        marker.update(range(verb.left_edge.i, min(marker)))
    marker |= with_aside(verb, span)
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
        return subject if thing_for_pronoun(pronoun, subject) else None
    return None
