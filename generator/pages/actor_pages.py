"""Actor pages and the actor index, from merged actor entries (see actors.py)."""
from __future__ import annotations

from jinja2 import Environment

from ..render import render_page
from .actors import ActorEntry, actor_events, actor_quotes, entries_by_kind
from .paths import linker, slugify

INDEX_SIZE = 30  # the index shows the most mentioned of each kind; a page per kind lists all


def render_actor_pages(entries: list[ActorEntry], env: Environment) -> dict[str, str]:
    pages = {entry.path: render_actor(entry, env) for entry in entries}
    kinds = entries_by_kind(entries)
    pages["actors/index.md"] = render_page("actors.md.j2", env, kinds=kinds, limit=INDEX_SIZE, total=len(entries),
                                           kind_path=kind_path, link=linker("actors/index.md"))
    for label, items in kinds.items():
        path = kind_path(label)
        pages[path] = render_page("actor_kind.md.j2", env, label=label, entries=items, link=linker(path))
    return pages


def kind_path(label: str) -> str:
    return f"actors/{slugify(label)}.md"


def render_actor(entry: ActorEntry, env: Environment) -> str:
    roles = [(actor["role"], data) for data, actor in entry.appearances if actor["role"]]
    return render_page("actor.md.j2", env, entry=entry, kind=entry.kind.capitalize(), roles=roles,
                       quotes=actor_quotes(entry), events=actor_events(entry), link=linker(entry.path))
