"""The clause of a date: the verb whose clause tells the event (`clause_verb`), and
the clause's words without side clauses, coordinated clauses and the words that join
them (`clause_tokens`), as a statement (`describe`) or, failing that, its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .event_facts import MAX_CLAUSE_TOKENS, REPORTING_VERBS, TEMPORAL_MARKS, WH_WORDS, facts_of
from .event_subjects import NameToken, plain_antecedent, statement_tokens, with_subject
from .phrases import continues, governing_verb, is_finite, text_of

if TYPE_CHECKING:
    from .timeline import Context


LONG_CLAUSE_TOKENS = 30  # above this, appositions and relative clauses in noun phrases go too
SIDE_DEPS = {"advcl", "parataxis", "relcl", "acl", "appos"}  # whole clauses beside the event
CLIMB_MARKS = {"if", "unless", "until", "till", "before", "so", "because", "although", "though", "whether"}


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
        verb.dep_ == "relcl" and not plain_antecedent(head, _relative_subject(verb) or head)
    ):
        return governing_verb(head)
    if verb.dep_ == "advcl":
        marks = {c.lower_ for c in facts.marks}
        if not own_subject or marks & CLIMB_MARKS or not marks:
            return governing_verb(head)
    return None


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
            tokens = with_subject(tokens, verb, context, name_of)
        if tokens is not None and finite_clause(verb) and statement_tokens(tokens) and _has_own_subject(tokens, verb):
            return capitalized(text_of(tokens)), False
    return (context.sentence_text(span.start), True) if context.sentence_is_statement(span.start) else ("", False)


def _has_own_subject(tokens: list, verb: Token) -> bool:
    """The clause's verb has its subject in the text (its own, or one put there)."""
    subject = facts_of(verb).subject
    return any(isinstance(t, NameToken) and t.dep_ != "gap" for t in tokens) or (
        subject is not None and any(t is subject or isinstance(t, Token) and t.i == subject.i for t in tokens)
    )


def finite_clause(verb: Token) -> bool:
    """The clause's own verb is finite or has a finite auxiliary (a coordinated verb
    may share its first conjunct's): 'the taxes requested in arrears' is no clause."""
    verbs = [verb, *facts_of(verb).auxes]
    if verb.dep_ == "conj":
        verbs += [*facts_of(verb.head).auxes, verb.head]
    return any(is_finite(v) for v in verbs)


def capitalized(text: str) -> str:
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
    removed |= with_aside(verb, span)
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
    tokens = strip_edges(_without_loose_quotes(tokens))
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


def with_aside(verb: Token, span: Span) -> set[int]:
    """'after the polls closed at 22:30, with the long queues outside the station, the
    last ballot was cast …': a 'with' phrase set off by a comma after the verb tells the
    circumstance, often of the main clause the parser did not hang it on; the
    clause is told without it."""
    doc = verb.doc
    if verb.dep_ == "ROOT":
        return set()  # the sentence's own 'with' phrase may be what it tells ('…, with sales volume flat')
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with" and child.i > verb.i + 1 and doc[child.i - 1].text == ",":
            if span.root not in child.subtree:
                return set(range(child.i - 1, child.right_edge.i + 1))
    return set()


def strip_edges(tokens: list[Token]) -> list[Token]:
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
