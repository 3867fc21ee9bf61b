"""Roles: a person's or organization's mention in, the role the article gives it out.

A title before the name ("Chinese President Xi Jinping", "DAB's Ben Chan",
"Governor of Washington Chris Gregoire"), an apposition on either side ("Alexander
Novak, Russian Deputy Prime Minister"; "his Chinese counterpart, Li Qiang"), an
affiliation after it ("Oaitse Nawa of the Elephant Protection Society"), or the title
of a name it is coordinated with.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .phrases import doc_text, join_tokens, without_asides

EDITORIAL_TITLE = re.compile(r"\[([^\[\]]{3,60})\]\s*$")
NOT_ROLE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "mr", "mr.", "mrs", "mrs.",
            "ms", "ms.", "dr", "dr.", "miss", "sir", "dame"}


def find_role(span: Span) -> str | None:
    """A title before the name, or an apposition on either side of it; a name
    coordinated with a titled one shares its title ('DAB's Ben Chan and Leung Che-cheung')."""
    role = _own_role(span)
    if role is None and span.label_ == "PERSON" and span.root.dep_ == "conj" and span.root.head.i < span.start:
        first = next((e for e in span.doc.ents if e.start <= span.root.head.i < e.end and e.label_ == "PERSON"), None)
        role = (_own_role(first) or _group_role(first)) if first is not None else None
    return role or (_group_role(span) if span.label_ == "PERSON" else None)


def _group_role(span: Span) -> str | None:
    """'Eight Republican U.S. senators led by Jim Risch', 'officials including X':
    one of a group named by a plural noun is one of them ('Republican U.S. senator')."""
    preposition = span.root.head
    if span.root.dep_ != "pobj" or preposition.lower_ not in ("by", "including", "as", "like"):
        return None
    group = next((a for a in preposition.ancestors if a.tag_ == "NNS"), None)
    if group is None or group.i > span.start or group.ent_type_:
        return None
    modifiers = [t for t in group.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.like_num]
    return f"{join_tokens(modifiers)} {group.lemma_}".strip()


def _own_role(span: Span) -> str | None:
    root = span.root
    inserted = EDITORIAL_TITLE.search(doc_text(span.doc), 0, span.start_char)
    if span.label_ == "PERSON" and inserted:  # '[former Museum of Flight CEO] Bonnie Dunbar'
        return inserted.group(1).strip()
    title = [t for t in span.doc[root.left_edge.i:span.start] if t.head.i in range(span.start, span.end)
             or t.head.i < span.start and t.i >= root.left_edge.i]
    title_text = _phrase(title) if span.label_ == "PERSON" else ""
    # A lowercase word the NER swept into a name is still a title word ('nonpartisan pan-democrat').
    if title_text and any(t.pos_ in ("NOUN", "PROPN") and (not t.ent_type_ or t.is_lower) for t in title):
        return title_text
    if title_text and any(t.ent_type_ == "ORG" for t in title) and any(t.tag_ == "POS" for t in title):
        return title_text.removesuffix("'s").removesuffix("’s").strip()  # 'DAB's Ben Chan': an affiliation
    for child in root.children:
        if (child.dep_ == "appos" and child.i >= span.end and child.ent_type_ == "" and child.pos_ != "PRON"
                and (span.label_ == "PERSON" or child.tag_ in ("NN", "NNP") and (
                    span.label_ == "ORG" or any(d.lower_ in ("a", "an") for d in child.children)
                    and span.doc[child.left_edge.i - 1].text == ","))):
            return _phrase(_without_clauses(child))
    preposition = root.head
    if (span.label_ == "PERSON" and root.dep_ == "pobj" and preposition.lower_ == "of"
            and preposition.head.i < span.start and preposition.head.pos_ in ("NOUN", "PROPN")
            and not preposition.head.ent_type_):  # 'Governor of Washington Chris Gregoire'
        title = [t for t in span.doc[preposition.head.left_edge.i:span.start]]
        return _phrase(title)
    for child in root.children:  # 'Oaitse Nawa of the Elephant Protection Society'
        if (child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "for") and child.i >= span.end
                and span.label_ == "PERSON"):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "ORG"]
            if objects:
                return _phrase(list(child.subtree))
    if root.dep_ == "appos" and root.head.i < span.start and root.head.ent_type_ == "":
        head = root.head
        return _phrase([t for t in _without_clauses(head) if t.i < span.start and t.text != ","])
    return None


def _without_clauses(token: Token) -> list[Token]:
    """The noun phrase of `token` without relative clauses and trailing punctuation."""
    tokens = without_asides(token)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _phrase(tokens: list[Token]) -> str:
    words = [t for t in tokens if not (t.dep_ == "poss" and t.pos_ == "PRON") and t.lower_ not in NOT_ROLE]
    while words and (words[0].is_punct or words[0].pos_ in ("DET", "ADP", "CCONJ")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].pos_ in ("ADP", "CCONJ", "DET")):
        words.pop()
    if not words or len(words) > 10:
        return ""
    return join_tokens(words)
