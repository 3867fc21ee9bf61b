"""Blind rating of timeline events: built briefing data in, a sheet for a rater and
a key kept apart out; a filled-in sheet in, the share of good, partial and bad out.

The sheet shows each event beside its date and its source sentence and nothing
else (no briefing id, no rule, no order that would tell which version made it),
so a rater judges only whether the event says what the sentence says.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

RATINGS = ("good", "partial", "bad")
INSTRUCTIONS = """\
# Blind rating of timeline events

For each item, read the source sentence, then the date and the event shown for it.
After "rating:" write one word:
  good    - the event is true to the sentence, under the right date, and reads as a statement
  partial - true, but hard to read alone (an unresolved "he", a missing object, a cut name)
            or under a date that is not quite the one the sentence gives
  bad     - it says something the sentence does not (a lost "not", "until", "may"; a wrong
            subject; items paired with the wrong dates), says nothing ("construction"),
            or the date does not date an event (the base of a comparison, "since 1958")
Add a note after "note:" when it helps.
"""


@dataclass(frozen=True)
class Item:
    number: int
    when: str
    readable: str
    event: str
    source: str
    expected: bool = False


def load_events(data: Path) -> list[dict]:
    """Every timeline event of the briefing data under `data`, with its briefing's id."""
    events = []
    for path in sorted(data.rglob("*.json")):
        try:
            briefing = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(briefing, dict) or "timeline" not in briefing or "id" not in briefing:
            continue
        for index, event in enumerate(briefing["timeline"]):
            events.append({"id": briefing["id"], "index": index, **event})
    return events


def sample_events(data: Path, n: int, seed: int) -> tuple[list[Item], list[dict]]:
    """`n` events drawn at random (reproducibly from `seed`): the blind items and their key."""
    events = load_events(data)
    drawn = random.Random(seed).sample(events, min(n, len(events)))
    items = [
        Item(
            number,
            e["when"],
            e.get("readable", e["when"]),
            e.get("event", ""),
            e.get("source", ""),
            bool(e.get("expected")),
        )
        for number, e in enumerate(drawn, start=1)
    ]
    key = [
        {
            "number": item.number,
            "id": e["id"],
            "index": e["index"],
            "expression": e.get("expression"),
            "sentence": e.get("sentence"),
        }
        for item, e in zip(items, drawn, strict=True)
    ]
    return items, key


def format_sheet(items: list[Item]) -> str:
    blocks = [INSTRUCTIONS]
    for item in items:
        label = " (expected: dated after publication)" if item.expected else ""
        blocks.append(
            f"## {item.number}\nsource: {item.source}\ndate: {item.readable} ({item.when}){label}\n"
            f"event: {item.event}\nrating: \nnote: \n"
        )
    return "\n".join(blocks)


def write_sample(data: Path, n: int, seed: int, out: Path, key_path: Path | None = None) -> Path:
    """Write the sheet to `out` and its key beside it (or to `key_path`); returns the key's path."""
    items, key = sample_events(data, n, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(format_sheet(items), "utf-8")
    key_path = key_path or out.with_name(out.stem + ".key.json")
    key_path.write_text(json.dumps({"data": str(data), "n": n, "seed": seed, "items": key}, indent=1) + "\n", "utf-8")
    return key_path


@dataclass(frozen=True)
class Score:
    counts: dict[str, int]
    unrated: list[int]
    unknown: list[tuple[int, str]]

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    def share(self, rating: str) -> float:
        return self.counts[rating] / self.rated if self.rated else 0.0

    def report(self) -> str:
        lines = [f"{self.rated} rated: " + ", ".join(f"{self.counts[r]} {r} ({self.share(r):.0%})" for r in RATINGS)]
        if self.unrated:
            lines.append(f"not rated: {', '.join(map(str, self.unrated))}")
        for number, word in self.unknown:
            lines.append(f"item {number}: rating {word!r} is not one of {', '.join(RATINGS)}")
        return "\n".join(lines)


ITEM = re.compile(r"^## (\d+)\s*$", re.MULTILINE)
RATING = re.compile(r"^rating:[ \t]*(\S*)", re.MULTILINE)


def score_sheet(text: str) -> Score:
    """Count the ratings of a filled-in sheet; a rating's first letter is enough (g/p/b)."""
    counts = dict.fromkeys(RATINGS, 0)
    unrated, unknown = [], []
    starts = list(ITEM.finditer(text))
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        block = text[match.end() : following.start() if following else len(text)]
        number = int(match.group(1))
        found = RATING.search(block)
        word = found.group(1).lower().strip(".,;") if found else ""
        rating = next((r for r in RATINGS if word and r.startswith(word)), None)
        if not word:
            unrated.append(number)
        elif rating is None:
            unknown.append((number, word))
        else:
            counts[rating] += 1
    return Score(counts, unrated, unknown)
