"""Short phrases cut from a parsed sentence: what a figure measures, what an event was."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

ASIDE_DEPS = frozenset({"relcl", "acl", "appos"})
CLAUSE_DEPS = ASIDE_DEPS | {"advcl"}
CORE_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "dative",
    "prt",
    "attr",
    "acomp",
    "agent",
    "oprd",
    "xcomp",
    "ccomp",
    "neg",
    "aux",
    "auxpass",
}


def doc_text(doc) -> str:
    """The document's text, built once: spaCy rebuilds `Doc.text` from its tokens on every call."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def join_tokens(tokens: list[Token]) -> str:
    """Token texts with the article's spacing, one space where tokens were left out."""
    parts = []
    for token, following in zip(tokens, tokens[1:] + [None], strict=False):
        adjacent = following is not None and following.i == token.i + 1
        parts.append(token.text_with_ws if adjacent else token.text + " ")
    return " ".join("".join(parts).split())


def trim(tokens: list[Token], limit: int = 10) -> str:
    """Cut at the first clause or comma, strip function words at the edges."""
    tokens = [t for t in tokens if t.ent_type_ not in ("MONEY", "PERCENT")]
    cut = next(
        (i for i, t in enumerate(tokens) if i and (t.dep_ in ("relcl", "acl", "advcl") or t.text in ",;:")), None
    )
    if cut:
        tokens = tokens[:cut]
    while tokens and (
        tokens[0].pos_ in ("DET", "ADP", "CCONJ", "PUNCT", "SCONJ")
        or tokens[0].dep_ == "poss"
        and tokens[0].pos_ == "PRON"
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "SCONJ"):
        tokens = tokens[:-1]
    return join_tokens(tokens[:limit])


def without_asides(token: Token, asides: set[str] | frozenset[str] = ASIDE_DEPS) -> list[Token]:
    """The subtree of `token` without what hangs below it as a relative clause, a
    participle phrase or an apposition ('A leaked letter seen by Sky News': the letter).
    A walk down that skips those branches: linear in the subtree (checking every token's
    ancestors was quadratic in a run-on sentence's depth)."""
    return list(_walk_without(token, asides))


def _walk_without(token: Token, asides: set[str] | frozenset[str]) -> Iterator[Token]:
    """`token.subtree`'s order (left children's subtrees, the token, the right ones'), which
    is not the text's where the parse is not projective, without a stack as deep as the tree."""
    stack: list[tuple[Token, bool]] = [(token, False)]
    while stack:
        current, expanded = stack.pop()
        if expanded:
            yield current
            continue
        stack.extend((child, False) for child in reversed(list(current.rights)) if child.dep_ not in asides)
        stack.append((current, True))
        stack.extend((child, False) for child in reversed(list(current.lefts)) if child.dep_ not in asides)


def noun_phrase(token: Token, limit: int = 6) -> list[Token]:
    """A token's noun phrase without clauses, appositions and trailing punctuation.
    Past `limit` words only the words before the head count, so the walk stops there:
    a head whose subtree is a whole run-on sentence costs `limit` steps, not the sentence."""
    words = 0
    for found in _walk_without(token, CLAUSE_DEPS):
        words += not found.is_punct
        if words > limit and not token.is_punct:
            core = [child for child in token.lefts if child.dep_ not in CLAUSE_DEPS] + [token]
            return core[-limit:]
    tokens = without_asides(token, CLAUSE_DEPS)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) > limit:
        core = [t for t in tokens if t.i <= token.i and (t.head == token or t == token)]
        tokens = core[-limit:]
    return tokens


def governing_verb(token: Token, limit: int = 40) -> Token | None:
    """The nearest verb above `token`; none beyond `limit` steps up, where a chain
    of coordinated words (a run-on list) would make the walk as long as the sentence."""
    for steps, candidate in enumerate(itertools.chain((token,), token.ancestors)):
        if candidate.pos_ == "VERB" or candidate.pos_ == "AUX" and candidate.dep_ == "ROOT":
            return candidate
        if steps > limit:
            break
    return None


def subject_of(verb: Token) -> Token | None:
    for candidate in (verb, *verb.ancestors):
        subject = next((c for c in candidate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if candidate.dep_ not in ("xcomp", "conj", "advcl", "ccomp"):
            break
    return None


def within(token: Token, span: Span | tuple[int, int]) -> bool:
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    return start <= token.i < end


# Words that cannot stand for an actor on their own: a reader needs the sentence before.
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
    }
)
CONTINUING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "AUX", "PART"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
JUNCTION_PUNCT = ",;:–—-"


def continues(token: Token) -> bool:
    """A word that needs a continuation when it ends a phrase: a preposition, a
    determiner, a conjunction, a possessive, an auxiliary, 'to'."""
    if token.pos_ in CONTINUING_POS and not (token.pos_ == "PART" and token.dep_ == "neg"):
        return not (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj"))  # 'as it was' is whole
    return token.dep_ == "poss" or token.tag_ in ("POS", "PRP$", "WDT", "WP$")


def pronoun_subject(token: Token) -> bool:
    """A pronoun standing for someone or something named elsewhere: not an 'it'
    that points forward ('It was on Monday that …', 'it's time to …')."""
    if token.lower_ not in PRONOUNS or token.dep_ == "expl":
        return False
    if token.lower_ != "it" or token.head.lemma_ != "be":
        return True
    head = token.head  # 'it' that points forward: 'It is time to …', 'It was there that …'
    return not (
        any(c.dep_ in ("ccomp", "xcomp", "acomp", "advcl", "csubj") for c in head.children)
        or any(t.lower_ == "that" and t.i > head.i for t in head.subtree)
    )


def unresolved_pronoun(token: Token) -> bool:
    """A text that opens on this word opens on a pronoun a reader cannot resolve: it
    stands for someone named elsewhere and is the subject of the text's own clause
    ('he said', 'they estimated'), not of a quotation the clause reports."""
    if not pronoun_subject(token):
        return False
    clause = token.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause.dep_ not in ("ccomp", "parataxis") or clause.head == clause


def is_finite(token: Token) -> bool:
    return token.tag_ in FINITE_TAGS and token.pos_ in ("VERB", "AUX")


def text_of(tokens: list) -> str:
    """The words as the article spaces them: contiguous runs keep their own spacing
    ('we're', '40%', '$70 billion'), runs are joined by one space without the
    punctuation that hung at the cut, and a quote or bracket left unmatched by a cut
    is dropped."""
    runs: list[list] = []
    for token in tokens:
        if getattr(token, "dep_", "") == "gap":
            runs.append([])
            continue
        previous = runs[-1][-1] if runs and runs[-1] else None
        if (
            previous is not None
            and isinstance(token, Token)
            and isinstance(previous, Token)
            and token.i == previous.i + 1
        ):
            runs[-1].append(token)
        else:
            runs.append([token])
    pieces = []
    for run in runs:
        if run:
            piece = "".join(t.text_with_ws for t in run[:-1]) + run[-1].text
            pieces.append(piece)
    text = ""
    for piece in pieces:
        piece = piece.strip(" ")
        if text and piece[:1] in ".!?;:,”’)":
            text = text.rstrip(JUNCTION_PUNCT + " ") + piece[:1] + " " + piece[1:].lstrip(JUNCTION_PUNCT + " ")
        elif text:
            text = text.rstrip(JUNCTION_PUNCT + " ") + " " + piece.lstrip(JUNCTION_PUNCT + " ")
        else:
            text = piece.rstrip(JUNCTION_PUNCT + " ") if len(pieces) > 1 else piece
    return _balanced(LOOSE_CLITIC.sub(r"\1\2", " ".join(text.split())))


# 'we 're', 'Jairan 's': a clitic the source or a cut left apart from its word.
LOOSE_CLITIC = re.compile(r"(\w)\s+([’'](?:s|re|ve|ll|d|m)|n[’']t)\b", re.IGNORECASE)


def _balanced(text: str) -> str:
    text = re.sub(r"\(\s*\)|\[\s*\]|“\s*”", "", text)
    for opening, closing in (("(", ")"), ("[", "]"), ("“", "”")):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return " ".join(text.split())


def past_tense(lemma: str) -> str | None:
    """'lift' -> 'lifted', 'leave' -> 'left' (lemminflect's tables, loaded on first use:
    most documents never retell a participle)."""
    from lemminflect import getInflection

    forms = getInflection(lemma, tag="VBD")
    return forms[0] if forms else None
