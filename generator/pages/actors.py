"""Actors across briefings: the same person, organization or place in several
briefings becomes one entry ("Xi" and "President Xi" join "Xi Jinping" when no
other actor could be meant), with a page each and an index by kind."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..records import ActorRecord, Appearance, BriefingData, EventRecord, QuoteRecord
from .paths import newest_first, slugify

KINDS = {"person": "People", "organization": "Organizations", "place": "Places"}
# Words that precede a person's name without being part of it.
TITLES = frozenset(
    "president prime minister premier chancellor secretary general mr mrs ms dr sir senator "
    "professor prof king queen foreign state deputy vice".split()
)
RESERVED = frozenset(["index", *(label.lower() for label in KINDS.values()), "others"])


@dataclass
class ActorEntry:
    name: str
    kind: str
    path: str = ""
    names: list[str] = field(default_factory=list)  # every other name it goes by
    appearances: list[Appearance] = field(default_factory=list)  # (briefing data, actor), newest first

    @property
    def mentions(self) -> int:
        return sum(actor["mentions"] for _, actor in self.appearances)

    @property
    def role(self) -> str | None:
        """The role its newest briefing gives it."""
        return next((actor["role"] for _, actor in self.appearances if actor.get("role")), None)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Compares names: case, accents, dots and spacing do not count ("U.S" = "US")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return " ".join(folded.lower().replace(".", "").replace("’", "'").split())


def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and name_key(words[0]) in TITLES:
        words.pop(0)
    return " ".join(words)


def actor_key(actor: ActorRecord) -> str:
    return name_key(strip_titles(actor["name"]) if actor["kind"] == "person" else actor["name"])


def claimed_names(appearances: list[Appearance]) -> tuple[set[str], set[str]]:
    """The short names a group declares (aliases) and those its full person names imply
    (first and last word, for "Xi Jinping" as for "Vladimir Putin")."""
    aliases: set[str] = set()
    words: set[str] = set()
    for _, actor in appearances:
        aliases.update(name_key(alias) for alias in actor["aliases"])
        parts = name_key(strip_titles(actor["name"])).split()
        if actor["kind"] == "person" and len(parts) > 1:
            words.update({parts[0], parts[-1]})
    return aliases, words


def merge_targets(groups: dict[str, list]) -> dict[str, str]:
    """Group key -> the key of the longer-named group it belongs to, when exactly one claims it."""
    by_alias, by_word = defaultdict(set), defaultdict(set)
    for key, appearances in groups.items():
        aliases, words = claimed_names(appearances)
        for name in aliases - {key}:
            by_alias[name].add(key)
        for name in words - {key}:
            by_word[name].add(key)
    targets = {}
    for key, appearances in groups.items():
        person = any(actor["kind"] == "person" for _, actor in appearances) and " " not in key
        claimants = by_alias.get(key) or (by_word.get(key) if person else None) or set()
        if len(claimants) == 1 and len(next(iter(claimants))) > len(key):
            targets[key] = next(iter(claimants))
    return targets


def root_of(key: str, targets: dict[str, str]) -> str:
    while key in targets:  # targets only point to longer keys, so this ends
        key = targets[key]
    return key


def merge_actors(datas: list[BriefingData]) -> list[ActorEntry]:
    """One entry per actor across all briefings, sorted by name, each with its page path."""
    groups: dict[str, list] = defaultdict(list)
    for data in newest_first(datas):
        for actor in data["actors"]:
            groups[actor_key(actor)].append((data, actor))
    targets = merge_targets(groups)
    merged: dict[str, list] = defaultdict(list)
    for key, appearances in groups.items():
        merged[root_of(key, targets)].extend(appearances)
    entries = [make_entry(merged[key], groups[key]) for key in merged]
    entries.sort(key=lambda e: (name_key(e.name), e.name))
    assign_paths(entries)
    return entries


def make_entry(appearances: list[Appearance], own: list[Appearance]) -> ActorEntry:
    """The group's own names (not those merged into it) give the entry its name."""
    names: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for _, actor in own:
        names[strip_titles(actor["name"])] += actor["mentions"]
    for _, actor in appearances:
        kinds[actor["kind"]] += actor["mentions"]
    name = max(names, key=lambda n: (names[n], len(n), n))
    kind = max(kinds, key=lambda k: (kinds[k], k))
    appearances = sorted(appearances, key=lambda pair: (pair[0]["published"], pair[0]["id"]), reverse=True)
    others = {n for _, a in appearances for n in [a["name"], *a["aliases"]]} - {name}
    return ActorEntry(name=name, kind=kind, names=sorted(others, key=str.casefold), appearances=appearances)


def assign_paths(entries: list[ActorEntry]) -> None:
    used = set(RESERVED)
    for entry in entries:
        base = slugify(entry.name, fallback="actor")
        slug, number = base, 1
        while slug in used:
            number += 1
            slug = f"{base}-{number}"
        used.add(slug)
        entry.path = f"actors/{slug}.md"


def actor_directory(entries: list[ActorEntry]) -> dict[tuple[str, str], ActorEntry]:
    """(briefing id, actor name in that briefing) -> its entry."""
    return {(data["id"], actor["name"]): entry for entry in entries for data, actor in entry.appearances}


def actor_quotes(entry: ActorEntry) -> list[tuple[BriefingData, QuoteRecord]]:
    quotes = []
    for data, actor in entry.appearances:
        names = {actor["name"], *actor["aliases"]}
        quotes += [(data, quote) for quote in data["quotes"] if quote["speaker"] in names]
    return quotes


def actor_events(entry: ActorEntry) -> list[tuple[BriefingData, EventRecord]]:
    """Timeline entries whose source sentence mentions the actor, in date order."""
    events = []
    for data, actor in entry.appearances:
        sentences = set(actor["sentences"])
        events += [(data, event) for event in data["timeline"] if event["sentence"] in sentences]
    return sorted(events, key=lambda pair: (pair[1]["when"], pair[0]["published"], pair[0]["id"]))


def entries_by_kind(entries: list[ActorEntry]) -> dict[str, list[ActorEntry]]:
    """Kind label -> entries, most mentioned first."""
    kinds: dict[str, list[ActorEntry]] = {label: [] for label in KINDS.values()}
    for entry in sorted(entries, key=lambda e: (-e.mentions, name_key(e.name))):
        kinds.setdefault(KINDS.get(entry.kind, "Others"), []).append(entry)
    return {label: items for label, items in kinds.items() if items}
