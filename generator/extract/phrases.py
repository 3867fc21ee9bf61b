"""Short phrases cut from a parsed sentence: what a figure measures, what an event was."""
from __future__ import annotations

from spacy.tokens import Span, Token

ASIDE_DEPS = frozenset({"relcl", "acl", "appos"})
CLAUSE_DEPS = ASIDE_DEPS | {"advcl"}
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "prt", "attr", "acomp", "agent", "oprd", "xcomp",
             "ccomp", "neg", "aux", "auxpass"}


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
    cut = next((i for i, t in enumerate(tokens) if i and (t.dep_ in ("relcl", "acl", "advcl") or t.text in ",;:")),
               None)
    if cut:
        tokens = tokens[:cut]
    while tokens and (tokens[0].pos_ in ("DET", "ADP", "CCONJ", "PUNCT", "SCONJ")
                      or tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON"):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "SCONJ"):
        tokens = tokens[:-1]
    return join_tokens(tokens[:limit])


def without_asides(token: Token, asides: set[str] | frozenset[str] = ASIDE_DEPS) -> list[Token]:
    """The subtree of `token` without what hangs below it as a relative clause, a
    participle phrase or an apposition ('A leaked letter seen by Sky News': the letter)."""
    return [t for t in token.subtree
            if not any(a.dep_ in asides for a in (t, *t.ancestors) if a != token and token in a.ancestors)]


def noun_phrase(token: Token, limit: int = 6) -> list[Token]:
    """A token's noun phrase without clauses, appositions and trailing punctuation."""
    tokens = without_asides(token, CLAUSE_DEPS)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) > limit:
        core = [t for t in tokens if t.i <= token.i and (t.head == token or t == token)]
        tokens = core[-limit:]
    return tokens


def governing_verb(token: Token) -> Token | None:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ == "VERB" or candidate.pos_ == "AUX" and candidate.dep_ == "ROOT":
            return candidate
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
