"""The global timeline pages (see timeline.py)."""
from __future__ import annotations

from jinja2 import Environment

from ..render import render_page
from .paths import linker
from .timeline import PRECISION, group_entries, paginate, timeline_entries, year_diagrams


def render_timeline_pages(datas: list[dict], env: Environment) -> dict[str, str]:
    entries = timeline_entries(datas)
    pages = paginate(group_entries(entries))
    if not pages:
        pages = [("timeline/index.md", [])]
    years = [(year, path) for path, chunk in pages for year, _ in chunk]
    return {path: render_page("timeline.md.j2", env, years=chunk, all_years=years, here=path, count=len(entries),
                              briefings=len(datas), diagram=year_diagrams, precision=PRECISION, link=linker(path))
            for path, chunk in pages}
