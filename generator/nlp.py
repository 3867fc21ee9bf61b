"""The one place that knows which spaCy pipeline the generator runs on: the English
model plus two gazetteer rulers, built once and then loaded ready-made."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .extract.gazetteer import GAZETTEER_FILE, load_gazetteer, organization_patterns, place_patterns, write_gazetteer
from .prepared import MODEL_NAMES, discard_prepared, prepared_folder, save_prepared
from .ruler import FACTORY, GazetteerRuler

log = logging.getLogger("briefings")
PIPELINE_FOLDER = "pipeline"
_loading = threading.Lock()  # a Dask worker's threads, `mkdocs serve`'s preload: one load per process


def _load_model() -> Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(f"No English spaCy pipeline installed; install one of {', '.join(MODEL_NAMES)}")


def load_pipeline() -> Language:
    """The pipeline as saved for this setup, else built (and saved for the next start)."""
    with _loading:
        return _load_pipeline()


@lru_cache(maxsize=1)
def _load_pipeline() -> Language:
    folder = prepared_folder()
    if folder is not None and (folder / PIPELINE_FOLDER).is_dir():
        try:
            return spacy.load(folder / PIPELINE_FOLDER)
        except Exception as error:  # noqa: BLE001 - any damage: build it again
            discard_prepared(folder, "pipeline", error)
    nlp = build_pipeline()
    if folder is not None:
        save_prepared(folder, lambda temporary: _write_prepared(nlp, temporary))
    return nlp


def build_pipeline() -> Language:
    """The English pipeline plus gazetteers: known organizations before the NER,
    places after it where the NER found nothing."""
    nlp = _load_model()
    _add_gazetteer(nlp, "organizations", organization_patterns(), before="ner")
    _add_gazetteer(nlp, "places", place_patterns(), after="ner")
    return nlp


def _add_gazetteer(
    nlp: Language, name: str, patterns: list[dict], before: str | None = None, after: str | None = None
) -> None:
    ruler = nlp.add_pipe(FACTORY, name=name, before=before, after=after)
    if not isinstance(ruler, GazetteerRuler):  # add_pipe is typed as returning any pipe
        raise TypeError(f"{FACTORY} made a {type(ruler).__name__}, not a GazetteerRuler")
    ruler.add_patterns(patterns)


def _write_prepared(nlp: Language, folder: Path) -> None:
    nlp.to_disk(folder / PIPELINE_FOLDER)
    write_gazetteer(load_gazetteer(), folder / GAZETTEER_FILE)


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
        cut = next(
            (
                end
                for end in (window.rfind("\n\n") + 2, window.rfind(". ") + 2, window.rfind(" ") + 1)
                if end > size // 2
            ),
            size,
        )
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]
