"""The one place that knows which spaCy pipeline the generator runs on: the English
model plus two gazetteer rulers, built once and then loaded ready-made."""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .extract.gazetteer import GAZETTEER_FILE, load_gazetteer, organization_patterns, place_patterns, write_gazetteer
from .prepared import MODEL_NAMES, discard_prepared, prepared_folder, save_prepared
from .ruler import FACTORY

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
    nlp.add_pipe(FACTORY, name="organizations", before="ner").add_patterns(organization_patterns())
    nlp.add_pipe(FACTORY, name="places", after="ner").add_patterns(place_patterns())
    return nlp


def _write_prepared(nlp: Language, folder: Path) -> None:
    nlp.to_disk(folder / PIPELINE_FOLDER)
    write_gazetteer(load_gazetteer(), folder / GAZETTEER_FILE)
