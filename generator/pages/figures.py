"""The figures index: every key figure of every briefing, newest briefing first,
with the unit or currency it is counted in, so a reader can filter by unit."""

from __future__ import annotations

from collections import Counter

from ..records import BriefingData, FigureRecord
from .paths import newest_first


def figure_rows(datas: list[BriefingData]) -> list[tuple[BriefingData, FigureRecord]]:
    """(briefing data, figure), newest briefing first, figures in article order."""
    return [(data, figure) for data in newest_first(datas) for figure in data["figures"]]


def unit_label(figure: FigureRecord) -> str:
    return figure["unit"] or "(none)"


def unit_counts(rows: list[tuple[BriefingData, FigureRecord]]) -> list[tuple[str, int]]:
    """Units with how many figures use each, most used first."""
    counts = Counter(unit_label(figure) for _, figure in rows)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
