"""Sentences: the cleaned paragraphs and their parse in, numbered `Sentence`s out.

Sentences never cross a paragraph break; a bracket or quotation that the parser
split is left as the parser split it, since every sentence only needs an anchor.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..model import Sentence
from .phrases import doc_text

PARAGRAPH_BREAK = "\n\n"


def join_paragraphs(paragraphs: tuple[str, ...]) -> str:
    return PARAGRAPH_BREAK.join(paragraphs)


def paragraph_starts(paragraphs: tuple[str, ...]) -> list[int]:
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


def split_sentences(doc: Doc, paragraphs: tuple[str, ...]) -> list[Sentence]:
    starts = paragraph_starts(paragraphs)
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        text = doc_text(doc)[start:end].strip()
        if not text:
            continue
        offset = doc_text(doc).index(text, start)
        for piece_start, piece in _pieces(offset, text, starts):
            paragraph = bisect.bisect_right(starts, piece_start) - 1
            sentences.append(Sentence(len(sentences), paragraph, piece, piece_start, piece_start + len(piece)))
    return sentences


def _pieces(offset: int, text: str, starts: list[int]):
    position = 0
    for part in text.split(PARAGRAPH_BREAK):
        index = text.index(part, position)
        if part.strip():
            lead = len(part) - len(part.lstrip())
            yield offset + index + lead, part.strip()
        position = index + len(part)


def make_sentence_lookup(sentences: list[Sentence]):
    """Character offset -> index of the sentence that holds it."""
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    return sentence_of
