"""The data page (briefings/data.md) and the published schemas stay in step."""

import json

import jsonschema

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
