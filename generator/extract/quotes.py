"""Quotes: the parsed article in, direct quotations with their speakers out.

Quotation marks are paired in every common style (“…”, "…", ‘…’, ``…''); a quote
left open at the end of a paragraph runs on into the next paragraph that opens
with a quotation mark. Scare quotes ("core interests") are not quotes. The
speaker is the subject of a verb of saying in the quote's sentence (climbing from
"saying" to the verb it hangs on), a "For X," or "according to X" frame, or, for
a quote standing alone, the speaker of the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Quote
from .actors import MentionIndex
from .names import speech_verbs
from .phrases import doc_text, subject_of, without_asides

OPENERS = {"“": "”", "‘": "’", '"': '"', "``": "''", "«": "»"}
# Copy often closes a curly quotation with a straight mark (“… situation," he said).
CLOSERS = {"”": ("”", '"'), "’": ("’",), '"': ('"', "”", "“"), "''": ("''", "”", '"'), "»": ("»",)}
QUOTE_MARK = re.compile(r"``|''|[“”‘’\"«»]")
PRONOUNS = {"he", "she", "i"}
MIN_WORDS_WITHOUT_VERB = 6
UNNAMED = "\0unnamed"  # a speaker the quotation's own attribution leaves without a name
PRONOUN_REACH = 600  # characters back to the person 'he'/'she' next to a quotation stands for


@dataclass(frozen=True)
class Quoted:
    start: int  # inner text span, without the marks
    end: int


def find_quoted(text: str) -> list[Quoted]:
    """Spans inside quotation marks, paired by style; apostrophes are not marks."""
    spans: list[Quoted] = []
    position = 0
    while True:
        opening = _next_opener(text, position)
        if opening is None:
            return spans
        mark, start = opening
        end = _closing(text, start, OPENERS[mark])
        if end is None:
            position = start
            continue
        spans.append(Quoted(start, end))
        # A straight mark that looks like an opener ('… risk. "No one’s …') closed
        # the quote before it and opens the next one.
        position = end if _looks_like_opener(text, end) else end + 1


def _next_opener(text: str, position: int) -> tuple[str, int] | None:
    for match in QUOTE_MARK.finditer(text, position):
        mark = match.group()
        if mark not in OPENERS:
            continue
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end() : match.end() + 1]
        if mark in ("‘", '"') and (before.isalnum() or not after or after.isspace()):
            continue  # an apostrophe or a closing straight quote
        return mark, match.end()
    return None


def _looks_like_opener(text: str, index: int) -> bool:
    return (
        text[index : index + 1] == '"'
        and index > 0
        and text[index - 1].isspace()
        and text[index + 1 : index + 2].isalnum()
    )


def _closing(text: str, start: int, closer: str) -> int | None:
    """Where the quote that opens at `start` closes. A quote left open at a
    paragraph's end closes there when the next paragraph reopens it (the
    convention for a quote running over paragraphs: each paragraph is a quote)."""
    position = start
    while True:
        index = min((i for i in (text.find(c, position) for c in CLOSERS[closer]) if i != -1), default=-1)
        paragraph_end = text.find("\n\n", start)
        if index != -1 and (paragraph_end == -1 or index < paragraph_end):
            after = text[index + 1 : index + 2]
            if _looks_like_opener(text, index) and closer == '"' and index - start < 3:
                position = index + 1
                continue
            if closer == "’" and after.isalpha() or text[index] == "“" and not (after.isspace() or not after):
                position = index + 1  # don’t; a curly opener used as a closer only before a space
                continue
            return index
        if paragraph_end == -1:
            return None
        following = text[paragraph_end + 2 : paragraph_end + 3]
        reopened = following in OPENERS and OPENERS.get(following) == closer
        return paragraph_end if reopened and paragraph_end > start else None


def is_statement(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    if len(words) >= MIN_WORDS_WITHOUT_VERB:
        return True
    return len(words) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in words)


def find_quotes(doc: Doc, mentions: MentionIndex, sentence_of) -> list[Quote]:
    quotes = []
    previous: Quote | None = None
    for quoted in find_quoted(doc_text(doc)):
        span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
        if span is None or not is_statement(span):
            continue
        speaker = _by_structure(doc, quoted, mentions)
        if speaker is UNNAMED:
            previous = None
            continue  # '“…,” says one U.S. official': someone the article does not name
        speaker = speaker or _speaker(span, mentions) or _introduced_before(span, mentions)
        if (
            speaker is None
            and previous is not None
            and sentence_of(quoted.start) - previous.sentence <= 2
            and _opens_sentence(span, previous)
        ):
            speaker = previous.speaker
        if speaker is None:
            speaker = _introduced_before(span, mentions, by_subject=True)
        if speaker is None:
            continue  # an unattributed quotation stays in the article, not in the quotes
        text = " ".join(doc_text(doc)[quoted.start : quoted.end].split())
        quote = Quote(
            speaker=speaker,
            text=text.strip(" ,"),
            sentence=sentence_of(quoted.start),
            start=quoted.start,
            end=quoted.end,
        )
        quotes.append(quote)
        previous = quote
    return quotes


def _opens_sentence(span: Span, previous: Quote) -> bool:
    """A quotation that stands as its own sentence, or follows the quotation before
    with nothing but its attribution between ('“…”, it added; and, later, “…”'): it
    may continue that speaker. One quoted inside another sentence ('The Guardian
    cited examples …: “…”') does not."""
    doc = span.doc
    sentence = doc[span.start].sent
    start = sentence.start
    if previous.end >= sentence.start_char:
        start = max(start, next((t.i for t in doc[sentence.start : span.start] if t.idx >= previous.end), span.start))
    between = [t for t in doc[start : span.start] if t.is_alpha]
    return all(t.pos_ in ("PRON", "CCONJ", "ADV") or t.lemma_ in speech_verbs() for t in between)


def _by_structure(doc: Doc, quoted: Quoted, mentions: MentionIndex) -> str | None:
    """'“…,” X said', '“…,” said X', 'X said: “…”', 'X notes, “…”': the name next to a
    verb of saying next to the quotation marks, whatever the parse made of them."""
    text = doc_text(doc)
    after = doc.char_span(quoted.end, len(text), alignment_mode="expand")
    if after is not None:
        tokens = [t for t in after[:6] if not (t.is_punct or t.is_space)]
        if len(tokens) >= 2 and tokens[0].lemma_ in speech_verbs() and tokens[0].i - after.start <= 3:
            named = _named_at(tokens[1], mentions)  # '…", added KCNA'
            if named is not None:
                return named
            if (
                tokens[1].lower_ in ("a", "an", "one", "another")
                or tokens[1].pos_ == "DET"
                and tokens[1].lower_ != "the"
            ):
                return UNNAMED
        if tokens:
            named = _named_at(tokens[0], mentions)
            verb = next((t for t in tokens[1:5] if t.lemma_ in speech_verbs()), None)
            if (
                named is not None
                and verb is not None
                and all(t.ent_type_ or t.is_title or t == verb for t in tokens[1 : tokens.index(verb) + 1])
            ):
                return named  # '…," Ms Bauchtman said'
    before = doc.char_span(0, max(quoted.start - 1, 0), alignment_mode="contract")
    if before is not None and len(before) >= 2:
        tokens = [t for t in before[-4:] if not (t.is_space or t.text in (",", ":", "“", '"', "``"))]
        if (
            len(tokens) >= 2
            and tokens[-1].lemma_ in speech_verbs()
            and tokens[-1].i >= before.end - 3
            and not any(
                a.dep_ in ("acl", "relcl", "agent") for a in (tokens[-2], *tokens[-2].ancestors) if a.i < tokens[-1].i
            )
        ):
            return _named_at(tokens[-2], mentions)  # 'The U.S. Department of Agriculture notes, "…"'
    return None


def _named_at(token: Token, mentions: MentionIndex) -> str | None:
    """The actor a name at `token` stands for, or the person 'he'/'she' stands for."""
    named = mentions.name_at(token.idx)
    if named is not None:
        return named
    if token.lower_ in PRONOUNS - {"i"}:
        return mentions.recent_person(token.idx, within=PRONOUN_REACH)
    return None


def _introduced_before(span: Span, mentions: MentionIndex, by_subject=False) -> str | None:
    """A quotation standing alone after a sentence that introduces its speaker with
    a verb of saying ("Heald noted the findings show … . “An air-quality cleanup …”"),
    or, `by_subject`, as the subject of any verb."""
    doc = span.doc
    first = doc[span.start].sent
    if first.start == 0 or first.start < span.start - 2:
        return None
    previous = doc[first.start - 1].sent
    for token in previous:
        if token.lemma_ in speech_verbs():
            subject = _subject(token)
            named = _resolve(subject, mentions) if subject is not None else None
            if named is not None:
                return named
    subject = _subject(previous.root) if by_subject else None
    return _person(subject, mentions) if subject is not None else None


def _speaker(span: Span, mentions: MentionIndex) -> str | None:
    doc = span.doc
    sentences = {t.sent for t in (doc[span.start], doc[span.end - 1])}
    for sentence in sorted(sentences, key=lambda s: s.start):
        for token in sentence:
            if span.start <= token.i < span.end or token.lemma_ not in speech_verbs():
                continue
            subject = _subject(token)
            named = _resolve(subject, mentions) if subject is not None else None
            if named is not None:
                return named
        framed = _frame(sentence, span)
        if framed is not None:
            return _resolve(framed, mentions)
        # '… the State Department does not comment … but “remains focused on …”':
        # a quote that continues a clause speaks for that clause's named subject.
        governing = next(
            (a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX") and not span.start <= a.i < span.end), None
        )
        subject = subject_of(governing) if governing is not None else None
        if subject is not None and subject.ent_type_ in ("PERSON", "ORG"):
            named = _resolve(subject, mentions)
            if named is not None:
                return named
        # 'X dismissed the response as “…”': words quoted inside X's own clause.
        subject = _subject(sentence.root) if not span.start <= sentence.root.i < span.end else None
        named = _person(subject, mentions) if subject is not None else None
        if named is not None:
            return named
    return None


def _person(subject: Token, mentions: MentionIndex) -> str | None:
    """The person a subject names ('the secretary general of CEI, Nunzio Galantino')."""
    named = _resolve(subject, mentions)
    return named if any(a.name == named and a.kind == "person" for a in mentions.actors) else None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb of saying, or of the verb it hangs on ('…, saying')."""
    for candidate in (verb, *verb.ancestors):
        subject = next((c for c in candidate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if candidate.pos_ not in ("VERB", "AUX"):
            break
    return None


def _frame(sentence: Span, span: Span) -> Token | None:
    """'For Ryan Hass, an analyst …, the leaders will …' / 'according to X'."""
    for token in sentence:
        if span.start <= token.i < span.end or token.dep_ != "pobj":
            continue
        preposition = token.head
        if (
            preposition.lower_ == "for"
            and preposition.i == sentence.start
            or (preposition.lower_ == "to" and preposition.i > 0 and preposition.nbor(-1).lower_ == "according")
        ):
            if token.ent_type_ in ("PERSON", "ORG"):
                return token
    return None


def _resolve(subject: Token, mentions: MentionIndex) -> str | None:
    """The actor a subject names: a person in apposition ('Tunisia's coach, Nabil
    Maaloul'), a mention inside it ('The G7 joint statement'), a surname the NER
    missed, 'he'/'she', or a description matching a role ('the Russian politician')."""
    kinds = {a.name: a.kind for a in mentions.actors}
    for apposition in (c for c in subject.children if c.dep_ == "appos"):
        named = mentions.name_at(apposition.idx)
        if named is not None and kinds.get(named) == "person":
            return named
    for token in [subject, *without_asides(subject)]:
        named = mentions.name_at(token.idx)
        if named is not None and (token == subject or kinds.get(named) in ("person", "organization")):
            return named
    for token in [subject, *(c for c in subject.children if c.dep_ == "poss")]:
        surname = mentions.by_surname(token) if token.pos_ == "PROPN" else None
        if surname is not None:
            return surname  # "Cornyn's statement added"
    if subject.lower_ in PRONOUNS:
        return mentions.recent_person(subject.idx, within=PRONOUN_REACH)
    if subject.lower_ in ("it", "they"):
        return None  # the speaker of the quotation before, if any
    if any(c.lower_ in ("a", "an", "one", "another") for c in subject.children):
        return None  # 'a spokesperson': someone the article does not name
    if not any(c.lower_ in ("the", "this") for c in subject.children):
        return None  # "Iraq's ambassador to Greece": not whoever else is an ambassador
    return (
        mentions.by_role(subject, head_in_role=False)
        or mentions.by_antecedent(subject)
        or mentions.by_name_head(subject)
    )
