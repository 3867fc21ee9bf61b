"""The data page (briefings/data.md) and the published schemas stay in step."""

import json

import jsonschema
import pytest

from generator.records import (
    ActorRecord,
    BriefingData,
    EventRecord,
    FigureRecord,
    PublishedSentence,
    QuoteRecord,
)

from .conftest import ROOT

DOCS = ROOT / "briefings"


def schema_fields(schema: dict) -> set[str]:
    """Every property name of a schema, at every depth (objects and array items)."""
    fields = set()
    for name, field in schema.get("properties", {}).items():
        fields |= {name} | schema_fields(field)
    if isinstance(schema.get("items"), dict):
        fields |= schema_fields(schema["items"])
    return fields


def test_data_page_names_every_field_of_the_briefing_schema():
    schema = json.loads((DOCS / "briefing.schema.json").read_text("utf-8"))
    page = (DOCS / "data.md").read_text("utf-8")
    fields = schema_fields(schema)
    assert {"when", "start", "end", "granularity", "url", "paragraph"} <= fields  # nested ones are counted
    assert sorted(name for name in fields if f"`{name}`" not in page) == []


def test_data_page_names_every_field_of_the_tags_index_schema():
    schema = json.loads((DOCS / "tags.schema.json").read_text("utf-8"))
    page = (DOCS / "data.md").read_text("utf-8")
    names = {
        "item.url" if name == "url" else "item.title" if name == "title" else name
        for name in schema_fields(schema)
        if name != "item"
    }
    assert sorted(name for name in names if f"`{name}`" not in page) == []


def test_published_schemas_are_valid_json_schemas():
    for name in ("briefing.schema.json", "tags.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads((DOCS / name).read_text("utf-8")))


@pytest.mark.parametrize(
    "record, path, published_only",
    [
        (BriefingData, [], {"permalink"}),
        (PublishedSentence, ["sentences", "items"], set()),  # the extracted SentenceRecord is published as its place
        (EventRecord, ["timeline", "items"], set()),
        (ActorRecord, ["actors", "items"], {"url"}),
        (FigureRecord, ["figures", "items"], set()),
        (QuoteRecord, ["quotes", "items"], set()),
    ],
)
def test_records_have_the_fields_of_the_briefing_schema(record, path, published_only):
    """The typed records the code reads (generator/records.py) and the published schema
    name the same fields; what the schema requires the records require, except the
    fields added only when the data is published beside its page."""
    schema = json.loads((DOCS / "briefing.schema.json").read_text("utf-8"))
    for step in path:
        schema = schema["properties"][step] if step != "items" else schema["items"]
    fields, required = set(schema["properties"]), set(schema["required"])
    assert set(record.__annotations__) == fields
    assert required - record.__required_keys__ == published_only
    assert record.__optional_keys__ <= (fields - required) | published_only
