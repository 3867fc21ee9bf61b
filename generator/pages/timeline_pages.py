"""The global timeline pages (see timeline.py)."""

from __future__ import annotations

from jinja2 import Environment

from ..memo import PageMemo
from ..records import BriefingData
from ..render import render_page
from .paths import linker
from .timeline import PRECISION, group_entries, paginate, timeline_entries


def render_timeline_pages(
    datas: list[BriefingData], env: Environment, memo: PageMemo, prints: dict[str, str]
) -> dict[str, str | None]:
    entries = timeline_entries(datas)
    pages = paginate(group_entries(entries))
    if not pages:
        pages = [("timeline/index.md", [])]
    years = [(year, path) for path, chunk in pages for year, _ in chunk]
    files = {}
    for path, chunk in pages:
        # Only the first page gives the totals, so that a new briefing leaves older pages as they are.
        totals = (len(entries), len(datas)) if path == "timeline/index.md" else None
        shown = dict.fromkeys(prints[entry.data["id"]] for _, months in chunk for _, items in months for entry in items)
        files[path] = memo.page(
            path,
            [repr(years), repr(totals), *shown],
            render_page,
            "timeline.md.j2",
            env,
            years=chunk,
            all_years=years,
            here=path,
            totals=totals,
            precision=PRECISION,
            link=linker(path),
        )
    return files
