"""Headline and summary: made from the parse when the seed's header gives no title.

A headline is the lead sentence's main clause in headline form: its subject as a
name, the verb in the present, its complement, without dates and adjuncts
("Chinese President Xi Jinping said on Wednesday he would support Russia’s “core
interests” in the face of …" -> "Xi Jinping says he will support Russia’s “core
interests”"). The summary is a lede of two sentences that each stand alone: the lead,
then the one that carries most of the article's main actors, figures and dates.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Actor, Event, Figure, Sentence
from .phrases import join_tokens

PRESENT = {
    "said": "says",
    "told": "tells",
    "warned": "warns",
    "announced": "announces",
    "would": "will",
    "has": "has",
    "had": "has",
    "was": "is",
    "were": "are",
    "agreed": "agrees",
    "called": "calls",
}
DROP_DEPS = {"npadvmod", "advcl", "punct", "relcl", "appos", "cc", "conj", "mark", "advmod", "intj"}
MAX_HEADLINE_WORDS = 16
SUMMARY_SENTENCES = 2  # the lede: what a reader takes in before deciding to read on
# Closed-class openers that point back to an earlier sentence: a pronoun, a demonstrative,
# a connective. A sentence that opens on one cannot be read alone.
BACK_POINTING = re.compile(
    r"^[\"“‘']?(?:he|she|it|they|his|her|its|their|this|that|these|those|such|there|"
    r"but|and|or|so|yet|also|still|however|meanwhile|moreover|furthermore|instead|nevertheless|then|"
    r"in addition|in turn|in contrast|by contrast|as a result|for (?:him|her|them|it|his|her|their) ?\w*|"
    r"the same|the latter|the former|both|neither|others?|another)\b",
    re.IGNORECASE,
)


def make_headline(doc: Doc, sentences: list[Sentence]) -> str:
    if not sentences:
        return "Untitled briefing"
    lead = doc.char_span(sentences[0].start, sentences[0].end, alignment_mode="expand")
    if lead is None:
        raise ValueError(f"the lead sentence ({sentences[0].start}-{sentences[0].end}) lies outside the text")
    root = lead.root
    reported = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if reported is not None:  # '…, an exclusive VOA analysis has found': the finding is the news
        root = reported
    words = [t for t in _clause(root) if t.ent_type_ not in ("DATE", "TIME")]
    while words and (words[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or words[-1].text in ",;:-–—("):
        words.pop()
    if not words:
        return sentences[0].text
    text = _present_tense(join_tokens(words).strip(" ,;:"), words)
    return text[:1].upper() + text[1:]


def _clause(root: Token) -> list[Token]:
    keep: list[Token] = [root]
    for child in root.children:
        if child.dep_ in DROP_DEPS:
            continue
        if child.dep_ == "prep" and not _is_core_prep(child, root):
            continue
        if child.dep_ in ("nsubj", "nsubjpass"):
            keep.extend(_short_subject(child))
        elif child.dep_ in ("ccomp", "xcomp"):
            keep.extend(_clause(child))
        else:
            keep.extend(t for t in child.subtree if not _dated(t) and not _in_aside(t, child))
    tokens = sorted(set(keep), key=lambda t: t.i)
    return _cap(tokens)


def _in_aside(token: Token, top: Token) -> bool:
    """Inside an apposition or a relative clause below `top` ('$4 million, the highest figure …')."""
    for ancestor in (token, *token.ancestors):
        if ancestor == top:
            return False
        if ancestor.dep_ in ("appos", "relcl", "acl", "advcl"):
            return True
    return False


def _is_core_prep(prep: Token, head: Token) -> bool:
    """Keep 'to Russia' after 'appealed'; drop 'in the face of …' and dated phrases."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return (
        len(list(prep.subtree)) <= 4
        and not any(_dated(t) for t in prep.subtree)
        and head.pos_ == "VERB"
        and bool(objects)
    )


def _short_subject(subject: Token) -> list[Token]:
    """'Chinese President Xi Jinping' -> the name; 'Top diplomats from the Group of
    Seven …' -> 'Top diplomats'; 'Almost half of all Australian primary
    schoolchildren' keeps its 'of' phrase, which says half of what."""
    if subject.ent_type_ == "PERSON":
        return [t for t in subject.subtree if t.ent_type_ == "PERSON" and abs(t.i - subject.i) <= 3]
    head = [t for t in subject.doc[subject.left_edge.i : subject.i + 1] if not t.is_punct]
    of_phrase = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of_phrase is not None and len(head) <= 3:
        head += [t for t in of_phrase.subtree][:6]
    return head[-8:]


def _dated(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _cap(tokens: list[Token]) -> list[Token]:
    if len(tokens) <= MAX_HEADLINE_WORDS:
        return tokens
    # Cut where a phrase ends rather than after an arbitrary word.
    for end in range(MAX_HEADLINE_WORDS, 5, -1):
        if tokens[end - 1].pos_ in ("NOUN", "PROPN", "PUNCT") and tokens[end - 1].text not in ",;":
            return tokens[:end]
    return tokens[:MAX_HEADLINE_WORDS]


def _present_tense(text: str, words: list[Token]) -> str:
    """Headlines speak in the present: 'said' -> 'says', 'would' -> 'will'."""
    for token in words:
        if token.lower_ in PRESENT and (token.dep_ in ("ROOT", "aux", "ccomp") or token.head.dep_ == "ROOT"):
            text = re.sub(rf"\b{re.escape(token.text)}\b", PRESENT[token.lower_], text, count=1)
    return text


def make_summary(
    sentences: list[Sentence], actors: list[Actor], figures: list[Figure], timeline: list[Event]
) -> list[str]:
    if not sentences:
        return []
    weight: dict[int, int] = {}
    for rank, actor in enumerate(actors[:6]):
        for index in actor.sentences:
            weight[index] = weight.get(index, 0) + (6 - rank)
    items: list[Figure | Event] = [*figures, *timeline]
    for item in items:
        weight[item.sentence] = weight.get(item.sentence, 0) + 3
    lead = next((s for s in sentences[:3] if stands_alone(s.text) and _reported(s.text)), sentences[0])
    candidates = [
        s
        for s in sentences
        if s.index > lead.index and 8 <= len(s.text.split()) <= 45 and _reported(s.text) and stands_alone(s.text)
    ]
    chosen = sorted(candidates, key=lambda s: (-weight.get(s.index, 0), s.index))[: SUMMARY_SENTENCES - 1]
    return [lead.text] + [s.text for s in sorted(chosen, key=lambda s: s.index)]


def stands_alone(text: str) -> bool:
    """A sentence a reader can take without the one before it ('For him, according to …' cannot)."""
    return not BACK_POINTING.match(text.strip())


def _reported(text: str) -> bool:
    """A summary reports; it does not open with someone's own words."""
    return not text.startswith(("“", '"', "‘", "'", "`")) and not re.search(r"\b(?:I|we|my|our)\b", text)
