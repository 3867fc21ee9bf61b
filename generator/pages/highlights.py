"""What a briefing shows on its first screen: a briefing's data in, the few items a
reader takes in at a glance out — the key figures ("By the numbers"), the key quote
and the main people with their roles. Pure selection: every item is the data's own."""

from __future__ import annotations

from ..records import ActorRecord, BriefingData, FigureRecord, QuoteRecord

NUMBERS_SHOWN = 5
PEOPLE_SHOWN = 4
# Money and shares say most about a story in few words; counts come after.
UNIT_RANK = {"%": 0, "pp": 0}


class KeyQuote(QuoteRecord):
    role: str | None  # the speaker's, in this briefing


def key_figures(data: BriefingData, limit: int = NUMBERS_SHOWN) -> list[FigureRecord]:
    """Up to `limit` figures that say what they measure, money and shares first, earlier
    sentences first (news puts what matters at the top); shown in the article's order."""
    sentence_order = {s["id"]: n for n, s in enumerate(data["sentences"])}
    # Both ends of a range ('ten to 32 pages') are two figures of one text: shown once.
    once: dict[tuple[str, str], FigureRecord] = {}
    for figure in data["figures"]:
        if figure.get("measure"):
            once.setdefault((figure["text"], figure["sentence"]), figure)
    measured = list(once.values())

    def rank(figure: FigureRecord) -> tuple[int, int]:
        unit = figure.get("unit") or ""
        kind = UNIT_RANK.get(unit, 0 if len(unit) == 3 and unit.isupper() else 1)
        return kind, sentence_order.get(figure["sentence"], 0)

    chosen = sorted(measured, key=rank)[:limit]
    return sorted(chosen, key=lambda f: sentence_order.get(f["sentence"], 0))


def key_quote(data: BriefingData) -> KeyQuote | None:
    """A whole-sentence quote of a named speaker, the most mentioned speaker first."""
    mentions: dict[str | None, int] = {a["name"]: a.get("mentions", 0) for a in data["actors"]}
    candidates = [q for q in data["quotes"] if q.get("speaker") and len(q["text"].split()) >= 6]
    if not candidates:
        return None
    whole = [q for q in candidates if q["text"][:1].isupper()] or candidates
    best = max(whole, key=lambda q: (mentions.get(q["speaker"], 0), -whole.index(q)))
    role = next((a.get("role") for a in data["actors"] if a["name"] == best["speaker"]), None)
    return {**best, "role": role}


def main_people(data: BriefingData, limit: int = PEOPLE_SHOWN) -> list[ActorRecord]:
    """The people the article names most, with their roles."""
    people = [a for a in data["actors"] if a["kind"] == "person"]
    return sorted(people, key=lambda a: -a.get("mentions", 0))[:limit]
