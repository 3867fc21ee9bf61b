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
    keep: ["Read the full text of the ruling below."]  # a line the cleaner took for furniture

A correction that no longer matches the briefing is an error naming the sidecar,
so it is fixed rather than silently ignored.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

import yaml

from .records import BriefingData
from .seeds import SIDECAR_SUFFIXES, SeedError, why_not_read

Item = TypeVar("Item")  # an actor, event, figure or quote of the briefing data
KEYS = ("title", "summary", "tags", "roles", "drop", "keep")
DROPPABLE = {
    "actors": lambda item, value: value in [item["name"], *item.get("aliases", [])],
    "timeline": lambda item, value: value in (item["when"], item["expression"]),
    "figures": lambda item, value: value == item["text"],
    "quotes": lambda item, value: item["text"].startswith(value),
}


def find_sidecar(seed: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = seed.with_suffix(suffix)
        if candidate.is_file() and why_not_read(candidate) is None:
            return candidate
    return None


MAX_SIDECAR_BYTES = 64 * 1024


class NoAliasLoader(yaml.SafeLoader):
    """Refuses YAML aliases: nested ones expand exponentially ("billion laughs"), and a
    person's corrections never need them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in corrections", event.start_mark
            )
        return super().compose_node(parent, index)


def kept_lines(path: Path | None) -> tuple[str, ...]:
    """The lines a sidecar puts back into the article ('keep:'), read before extraction; a
    sidecar that cannot be read keeps none (its error is reported with its corrections)."""
    if path is None:
        return ()
    try:
        keep = read_sidecar(path).get("keep") or []
    except SeedError:
        return ()
    return tuple(str(line) for line in (keep if isinstance(keep, list) else [keep]) if isinstance(line, str | int))


def read_sidecar(path: Path) -> dict:
    try:
        size = path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            raise SeedError(
                path,
                f"the corrections file is {size // 1024} kB; over {MAX_SIDECAR_BYTES // 1024} kB "
                "is refused: keep only corrections in it",
            )
        corrections = yaml.load(path.read_text("utf-8-sig"), Loader=NoAliasLoader) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise SeedError(path, f"not valid YAML ({error.problem}); fix the corrections file", line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SeedError(path, f"cannot read the corrections ({error}); save it as UTF-8 YAML") from None
    if not isinstance(corrections, dict):
        raise SeedError(path, f"corrections must be a mapping with keys {', '.join(KEYS)}", 1)
    unknown = sorted(str(key) for key in corrections if key not in KEYS)
    if unknown:
        raise SeedError(path, f"unknown key {excerpt(unknown[0])}; the keys are {', '.join(KEYS)}")
    return corrections


def apply_corrections(data: BriefingData, corrections: dict, path: Path) -> tuple[BriefingData, list[SeedError]]:
    """A copy of `data` with the corrections applied, and one error per correction that
    could not be: a bad or stale entry costs only itself, the others still apply."""
    data = copy.deepcopy(data)
    errors: list[SeedError] = []
    for correct in (_correct_text, _correct_tags, _correct_roles, _correct_drops, _check_kept):
        errors.extend(correct(data, corrections, path))
    return data, errors


def _correct_text(data: BriefingData, corrections: dict, path: Path) -> Iterator[SeedError]:
    for key in ("title", "summary"):
        if key in corrections:
            try:
                data[key] = _text(corrections[key], key, path)
            except SeedError as error:
                yield error
                continue
            if key == "summary":
                data["summary_sentences"] = [data["summary"]]


def _correct_tags(data: BriefingData, corrections: dict, path: Path) -> Iterator[SeedError]:
    if "tags" not in corrections:
        return
    tags = corrections["tags"]
    try:
        data["tags"] = [_text(t, "tags", path) for t in (tags if isinstance(tags, list) else [tags])]
    except SeedError as error:
        yield error


def _correct_roles(data: BriefingData, corrections: dict, path: Path) -> Iterator[SeedError]:
    try:
        roles = _mapping(corrections.get("roles"), "roles", path)
    except SeedError as error:
        yield error
        return
    for name, role in roles.items():
        try:
            actor = _find(data["actors"], DROPPABLE["actors"], str(name), "roles", path)
            actor["role"] = None if role is None else _text(role, f"roles: {excerpt(name)}", path)
        except SeedError as error:
            yield error


def _correct_drops(data: BriefingData, corrections: dict, path: Path) -> Iterator[SeedError]:
    try:
        drops = _mapping(corrections.get("drop"), "drop", path)
    except SeedError as error:
        yield error
        return
    for section, values in drops.items():
        if section not in DROPPABLE:
            yield SeedError(path, f"drop: unknown section {excerpt(section)}; use {', '.join(DROPPABLE)}")
            continue
        for value in values if isinstance(values, list) else [values]:
            try:
                if not isinstance(value, str | int | float):
                    raise SeedError(path, f"drop: {section}: each entry must be text, not {excerpt(value)}")
                items = _section(data, section)
                items.remove(_find(items, DROPPABLE[section], str(value), f"drop: {section}", path))
            except SeedError as error:
                yield error


def _check_kept(data: BriefingData, corrections: dict, path: Path) -> Iterator[SeedError]:
    """A kept line must be in the article: else the correction no longer applies."""
    keep = corrections.get("keep") or []
    body = " ".join(" ".join(data.get("body", [])).split())
    for line in keep if isinstance(keep, list) else [keep]:
        if not isinstance(line, str | int) or " ".join(str(line).split()) not in body:
            yield SeedError(path, f"keep: {excerpt(line)} is not in the article's text; correct or remove this line")


def excerpt(value: object, limit: int = 60) -> str:
    """A value as an error may quote it: short, on one line, escaped."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-1]


def _section(data: BriefingData, name: str) -> list:
    """The items of a section named in a correction (one of DROPPABLE)."""
    sections: Mapping[str, object] = data
    items = sections[name]
    if not isinstance(items, list):
        raise TypeError(f"the briefing's {name} is not a list")
    return items


def _find(items: list[Item], matches: Callable[[Item, str], bool], value: str, where: str, path: Path) -> Item:
    for item in items:
        if matches(item, value):
            return item
    raise SeedError(path, f"{where}: {excerpt(value)} is not in the briefing any more; correct or remove this line")


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
