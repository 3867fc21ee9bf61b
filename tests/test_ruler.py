"""The gazetteer ruler and the prepared pipeline: the same entities as spaCy's
EntityRuler on the same patterns, saved and loaded ready-made, rebuilt when what
it is made from changes or when damaged."""

import pytest
import spacy

from generator.extract.gazetteer import organization_patterns, place_patterns
from generator.nlp import _load_model, build_pipeline
from generator.ruler import FACTORY

from .conftest import ROOT


@pytest.fixture(scope="module")
def stock():
    """The pipeline as built before the gazetteer ruler: spaCy's EntityRuler."""
    nlp = _load_model()
    config = {"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    nlp.add_pipe("entity_ruler", name="organizations", before="ner", config=config).add_patterns(
        organization_patterns()
    )
    nlp.add_pipe("entity_ruler", name="places", after="ner", config=config).add_patterns(place_patterns())
    return nlp


def texts() -> list[str]:
    """Every seed whole, and each of its paragraphs alone (a name cut at the end of a text)."""
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        found += [text, *(part for part in text.split("\n") if part.strip())]
    return found


def entities(doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


@pytest.mark.slow
def test_ruler_sets_the_entities_of_spacys_entity_ruler(nlp, stock):
    for text in texts():
        assert entities(nlp(text)) == entities(stock(text)), text[:80]


@pytest.mark.slow
def test_ruler_saved_and_loaded_matches_the_built_one(tmp_path, nlp):
    built = build_pipeline()
    built.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == built.pipe_names
    assert len(loaded.get_pipe("places")) == len(built.get_pipe("places")) > 3000
    for text in texts()[:40]:
        assert entities(loaded(text)) == entities(nlp(text))


def test_ruler_takes_only_names(nlp):
    ruler = nlp.get_pipe("places")
    with pytest.raises(ValueError, match="a label and a string"):
        ruler.add_patterns([{"label": "GPE", "pattern": [{"LOWER": "paris"}]}])


def test_ruler_names_at_the_end_of_a_text():
    ruler = spacy.blank("en").add_pipe(FACTORY)
    ruler.add_patterns([{"label": "GPE", "pattern": "Hong Kong"}, {"label": "GPE", "pattern": "Hong Kong Island"}])
    doc = ruler(ruler.nlp.make_doc("Polls in Hong Kong"))
    assert entities(doc) == [(9, 18, "GPE")]
    doc = ruler(ruler.nlp.make_doc("Polls on Hong Kong Island"))
    assert entities(doc) == [(9, 25, "GPE")]


@pytest.mark.slow
def test_prepared_pipeline_is_saved_once_and_loaded(tmp_path, monkeypatch):
    from generator import nlp as module
    from generator.extract import gazetteer
    from generator.prepared import FOLDER_ENV, prepared_folder

    monkeypatch.setenv(FOLDER_ENV, str(tmp_path))
    module._load_pipeline.cache_clear()
    try:
        first = module.load_pipeline()
        folder = prepared_folder()
        assert sorted(p.name for p in folder.iterdir()) == ["gazetteer.json", "pipeline"]
        assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no temporary left
        saved = gazetteer.read_gazetteer(folder / gazetteer.GAZETTEER_FILE)
        assert saved == gazetteer.build_gazetteer()
        module._load_pipeline.cache_clear()
        second = module.load_pipeline()
        assert second is not first and second.pipe_names == first.pipe_names
        text = "Delegates from Burkina Faso met NATO officials in Ouagadougou."
        assert entities(second(text)) == entities(first(text))
    finally:
        module._load_pipeline.cache_clear()


@pytest.mark.slow
def test_prepared_pipeline_damaged_is_discarded_and_built_again(tmp_path, monkeypatch, caplog):
    from generator import nlp as module
    from generator.prepared import FOLDER_ENV, prepared_folder

    monkeypatch.setenv(FOLDER_ENV, str(tmp_path))
    folder = prepared_folder()
    (folder / "pipeline").mkdir(parents=True)
    (folder / "pipeline" / "config.cfg").write_text("[nlp\nbroken", "utf-8")
    module._load_pipeline.cache_clear()
    try:
        nlp = module.load_pipeline()
        assert "places" in nlp.pipe_names
        assert "discarded a damaged prepared pipeline" in caplog.text
        assert (folder / "pipeline" / "places" / "patterns.jsonl").is_file()
    finally:
        module._load_pipeline.cache_clear()


def test_prepared_key_changes_with_the_gazetteer_data(monkeypatch):
    from generator import prepared

    before = prepared.prepared_key()
    monkeypatch.setattr(prepared, "PACKAGES", (*prepared.PACKAGES, "pytest"))
    assert prepared.prepared_key() != before


def test_prepared_off_builds_in_memory(monkeypatch):
    from generator.prepared import FOLDER_ENV, prepared_folder

    monkeypatch.setenv(FOLDER_ENV, "off")
    assert prepared_folder() is None
