"""A person's corrections to a briefing, kept next to its seed as `seeds/<name>.yml`
and applied to the extracted data on every build, so they survive regeneration:

    title: A better headline
    summary: One or more sentences that replace the generated summary.
    tags: [economy, trade]
    roles:
      Xi Jinping: President of China
    drop:
      actors: [Wrong Name]
      timeline: ["2023-05-24"]        # an event's date value or its words
      figures: ["40 billion"]          # a figure as written
      quotes: ["first words of it"]    # the start of a quote

A correction that no longer matches the briefing is an error naming the sidecar,
so it is fixed rather than silently ignored.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from .seeds import SIDECAR_SUFFIXES, SeedError

KEYS = ("title", "summary", "tags", "roles", "drop")
DROPPABLE = {
    "actors": lambda item, value: value in [item["name"], *item.get("aliases", [])],
    "timeline": lambda item, value: value in (item["when"], item["expression"]),
    "figures": lambda item, value: value == item["text"],
    "quotes": lambda item, value: item["text"].startswith(value),
}


def find_sidecar(seed: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = seed.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> dict:
    try:
        corrections = yaml.safe_load(path.read_text("utf-8-sig")) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise SeedError(path, f"not valid YAML ({error.problem}); fix the corrections file", line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SeedError(path, f"cannot read the corrections ({error}); save it as UTF-8 YAML") from None
    if not isinstance(corrections, dict):
        raise SeedError(path, f"corrections must be a mapping with keys {', '.join(KEYS)}", 1)
    unknown = sorted(str(key) for key in corrections if key not in KEYS)
    if unknown:
        raise SeedError(path, f"unknown key {unknown[0]!r}; the keys are {', '.join(KEYS)}")
    return corrections


def apply_corrections(data: dict, corrections: dict, path: Path) -> dict:
    """A copy of `data` with the corrections applied."""
    data = copy.deepcopy(data)
    for key in ("title", "summary"):
        if key in corrections:
            data[key] = _text(corrections[key], key, path)
    if "summary" in corrections:
        data["summary_sentences"] = [data["summary"]]
    if "tags" in corrections:
        tags = corrections["tags"]
        data["tags"] = [_text(t, "tags", path) for t in (tags if isinstance(tags, list) else [tags])]
    for name, role in _mapping(corrections.get("roles"), "roles", path).items():
        actor = _find(data["actors"], DROPPABLE["actors"], str(name), "roles", path)
        actor["role"] = None if role is None else _text(role, f"roles: {name}", path)
    for section, values in _mapping(corrections.get("drop"), "drop", path).items():
        if section not in DROPPABLE:
            raise SeedError(path, f"drop: unknown section {section!r}; use {', '.join(DROPPABLE)}")
        for value in values if isinstance(values, list) else [values]:
            item = _find(data[section], DROPPABLE[section], str(value), f"drop: {section}", path)
            data[section].remove(item)
    return data


def _find(items: list[dict], matches, value: str, where: str, path: Path) -> dict:
    for item in items:
        if matches(item, value):
            return item
    raise SeedError(path, f"{where}: {value!r} is not in the briefing any more; correct or remove this line")


def _mapping(value, key: str, path: Path) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SeedError(path, f"{key} must be a mapping (name: value)")
    return value


def _text(value, key: str, path: Path) -> str:
    if not isinstance(value, str | int | float) or not str(value).strip():
        raise SeedError(path, f"{key} must be non-empty text")
    return " ".join(str(value).split())
