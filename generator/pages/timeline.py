"""The global timeline: every briefing's events in date order, grouped by year and
month, each keeping its own precision (a day, an ISO week, a month, a year, an
interval). Long timelines are cut into pages of whole years, so no page grows
without bound; the newest years are on `timeline/index.md`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import groupby

from ..dates import value_span
from ..records import BriefingData, EventRecord
from .paths import slugify

PRECISION = {
    "day": "day",
    "week": "ISO week",
    "month": "month",
    "quarter": "quarter",
    "half": "half-year",
    "season": "season",
    "year": "year",
    "decade": "decade",
    "interval": "interval",
    "other": "as written",
}
EVENTS_PER_PAGE = 400


@dataclass(frozen=True)
class Entry:
    data: BriefingData
    event: EventRecord
    start: dt.date | None  # the first day the value can mean; None when unknown

    @property
    def year(self) -> str:
        if self.event["granularity"] == "decade":
            return f"{self.event['when'][:3]}0s"
        return str(self.start.year) if self.start else "Other dates"

    @property
    def month(self) -> str | None:
        """Month heading for values that name a day, week or month; None for vaguer ones."""
        precise = self.event["granularity"] in ("day", "week", "month") or (
            self.event["granularity"] == "interval" and re.match(r"\d{4}-\d{2}", self.event["when"])
        )
        return self.start.strftime("%B %Y") if precise and self.start else None


def start_date(when: str) -> dt.date | None:
    span = value_span(when)
    return span[0] if span else None


def timeline_entries(datas: list[BriefingData]) -> list[Entry]:
    entries = [Entry(data, event, start_date(event["when"])) for data in datas for event in data["timeline"]]
    return sorted(entries, key=entry_order)


def entry_order(entry: Entry) -> tuple:
    """Years in order (a decade before its first year), then within a year the
    entries without a month, then the months; ties by briefing."""
    start = entry.start or dt.date.max
    decade = entry.event["granularity"] == "decade"
    return (
        entry.start is None,
        start.year,
        not decade,
        entry.month is not None,
        start,
        entry.event["when"],
        entry.data["published"],
        entry.data["id"],
        entry.event["sentence"],
    )


def group_entries(entries: list[Entry]) -> list[tuple[str, list[tuple[str | None, list[Entry]]]]]:
    """[(year, [(month or None for "during the year", entries)])] in date order."""
    return [
        (year, [(month, list(items)) for month, items in groupby(in_year, key=lambda e: e.month)])
        for year, in_year in ((y, list(items)) for y, items in groupby(entries, key=lambda e: e.year))
    ]


def paginate(years: list, size: int = EVENTS_PER_PAGE) -> list[tuple[str, list]]:
    """(page path, years) with whole years per page; the newest page is the index."""
    pages: list[list] = []
    current: list = []
    count = 0
    for year in reversed(years):
        events = sum(len(items) for _, items in year[1])
        if current and count + events > size:
            pages.append(current)
            current, count = [], 0
        current.insert(0, year)
        count += events
    if current:
        pages.append(current)
    return [(timeline_path(chunk, newest=number == 0), chunk) for number, chunk in enumerate(pages)][::-1]


def timeline_path(years: list, newest: bool) -> str:
    return "timeline/index.md" if newest else f"timeline/{slugify(years[0][0])}-{slugify(years[-1][0])}.md"
