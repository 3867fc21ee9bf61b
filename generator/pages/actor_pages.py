"""Actor pages and the actor index, from merged actor entries (see actors.py)."""

from __future__ import annotations

from jinja2 import Environment

from ..memo import PageMemo
from ..records import BriefingData
from ..render import render_page
from .actors import ActorEntry, actor_events, actor_quotes, entries_by_kind
from .paths import linker, slugify

INDEX_SIZE = 30  # the index shows the most mentioned of each kind; a page per kind lists all
# A country or a head of state is named in a large share of all briefings: their pages
# show the latest events and quotes, so that a page stays readable and the site linear.
EVENTS_SHOWN = 50
QUOTES_SHOWN = 30


def render_actor_pages(
    entries: list[ActorEntry], env: Environment, memo: PageMemo, prints: dict[str, str]
) -> dict[str, str | None]:
    pages = {
        entry.path: memo.page(entry.path, actor_inputs(entry, prints), render_actor, entry, env) for entry in entries
    }
    kinds = entries_by_kind(entries)
    pages["actors/index.md"] = render_page(
        "actors.md.j2",
        env,
        kinds=kinds,
        limit=INDEX_SIZE,
        total=len(entries),
        kind_path=kind_path,
        link=linker("actors/index.md"),
    )
    for label, items in kinds.items():
        path = kind_path(label)
        pages[path] = render_page("actor_kind.md.j2", env, label=label, entries=items, link=linker(path))
    return pages


def actor_inputs(entry: ActorEntry, prints: dict[str, str]) -> list[str]:
    """What an actor page is made from: its names and the data of its briefings."""
    return [
        entry.name,
        entry.kind,
        *entry.names,
        *(f"{prints[data['id']]}\0{actor['name']}" for data, actor in entry.appearances),
    ]


def kind_path(label: str) -> str:
    return f"actors/{slugify(label)}.md"


def render_actor(entry: ActorEntry, env: Environment) -> str:
    events, quotes = actor_events(entry), actor_quotes(entry)
    return render_page(
        "actor.md.j2",
        env,
        entry=entry,
        kind=entry.kind.capitalize(),
        roles=actor_roles(entry),
        quotes=quotes[:QUOTES_SHOWN],
        all_quotes=len(quotes),
        events=events[-EVENTS_SHOWN:],
        all_events=len(events),
        link=linker(entry.path),
    )


def actor_roles(entry: ActorEntry) -> list[tuple[str, int, BriefingData]]:
    """Each role the actor is given, with the number of briefings giving it and the
    latest of them; the most frequent first."""
    roles: dict[str, list[BriefingData]] = {}
    for data, actor in entry.appearances:  # newest first
        if actor["role"]:
            roles.setdefault(actor["role"], []).append(data)
    return sorted(((role, len(datas), datas[0]) for role, datas in roles.items()), key=lambda r: -r[1])
