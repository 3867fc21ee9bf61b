"""Readable forms of TIMEX3-style values: '2023-05-24' -> 'Wed 24 May 2023'."""
from __future__ import annotations

import datetime as dt
import re

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


def readable(when: str) -> str:
    if "/" in when:
        start, end = when.split("/", 1)
        return f"{readable(start)} – {readable(end)}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
        day = dt.date.fromisoformat(when)
        return f"{day:%a} {day.day} {day:%b %Y}"
    if re.fullmatch(r"\d{4}-\d{2}", when):
        return dt.date.fromisoformat(when + "-01").strftime("%B %Y")
    week = re.fullmatch(r"(\d{4})-W(\d{2})", when)
    if week:
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        sunday = monday + dt.timedelta(days=6)
        return f"week {int(week.group(2))} of {week.group(1)} ({monday.day} {monday:%b} – {sunday.day} {sunday:%b})"
    quarter = re.fullmatch(r"(\d{4})-Q(\d)", when)
    if quarter:
        return f"Q{quarter.group(2)} {quarter.group(1)}"
    half = re.fullmatch(r"(\d{4})-H(\d)", when)
    if half:
        return f"H{half.group(2)} {half.group(1)}"
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", when)
    if season:
        return f"{SEASONS[season.group(2)]} {season.group(1)}"
    time = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(.+)", when)
    if time:
        return f"{readable(time.group(1))}, {time.group(2)}"
    decade = re.fullmatch(r"(\d{3})", when)
    if decade:
        return f"the {decade.group(1)}0s"
    return when


def granularity(when: str) -> str:
    """day, week, month, quarter, season, year, decade or interval."""
    if "/" in when:
        return "interval"
    patterns = [(r"\d{4}-\d{2}-\d{2}(T.*)?", "day"), (r"\d{4}-W\d{2}", "week"), (r"\d{4}-\d{2}", "month"),
                (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "half"), (r"\d{4}-[A-Z]{2}", "season"),
                (r"\d{4}", "year"), (r"\d{3}", "decade")]
    return next((name for pattern, name in patterns if re.fullmatch(pattern, when)), "other")
