"""TIMEX3-style values: their readable forms ('2023-05-24' -> 'Wed 24 May 2023') and
the calendar days they span ('2023-W20' -> Mon 15 May to Sun 21 May 2023)."""

from __future__ import annotations

import datetime as dt
import re

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}


# TIMEX3's MOD for a part of a period: 'early 1991', 'mid-October', 'year end'.
PART_WORDS = {"START": "early", "MID": "mid-", "END": "late"}


def readable(when: str, part: str | None = None) -> str:
    """`part` (START, MID or END) names the part of a year, month, season or decade
    the text gives: 'late 2023' for 'by year end', 'the mid-1990s'."""
    if part in PART_WORDS and granularity(when) in ("month", "season", "year", "decade"):
        whole = readable(when)
        article, whole = ("the ", whole[4:]) if whole.startswith("the ") else ("", whole)
        word = PART_WORDS[part]
        return f"{article}{word}{'' if word.endswith('-') else ' '}{whole}"
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
    patterns = [
        (r"\d{4}-\d{2}-\d{2}(T.*)?", "day"),
        (r"\d{4}-W\d{2}", "week"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"),
        (r"\d{4}-[A-Z]{2}", "season"),
        (r"\d{4}", "year"),
        (r"\d{3}", "decade"),
    ]
    return next((name for pattern, name in patterns if re.fullmatch(pattern, when)), "other")


# The months of each season: winter runs into the next year.
SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def value_span(when: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a value can mean; None for values no calendar holds
    ('PRESENT_REF', 'XXXX-WE')."""
    try:
        if "/" in when:
            first, last = (value_span(part) for part in when.split("/", 1))
            return (first[0], last[1]) if first and last else None
        return _span(when)
    except (ValueError, OverflowError):
        return None


def _span(when: str) -> tuple[dt.date, dt.date] | None:
    if week := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", when):
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if quarter := re.fullmatch(r"(\d{4})-Q([1-4])", when):
        return _months(int(quarter[1]), 3 * int(quarter[2]) - 2, 3 * int(quarter[2]))
    if half := re.fullmatch(r"(\d{4})-H([12])", when):
        return _months(int(half[1]), 6 * int(half[2]) - 5, 6 * int(half[2]))
    if season := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", when):
        return _months(int(season[1]), *SEASON_SPAN[season[2]])
    if decade := re.fullmatch(r"(\d{3})", when):
        return dt.date(int(decade[1]) * 10, 1, 1), dt.date(int(decade[1]) * 10 + 9, 12, 31)
    if day := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", when):
        date = dt.date(int(day[1]), int(day[2]), int(day[3]))
        return date, date
    if month := re.fullmatch(r"(\d{4})-(\d{2})", when):
        return _months(int(month[1]), int(month[2]), int(month[2]))
    if year := re.fullmatch(r"(\d{4})", when):
        return dt.date(int(year[1]), 1, 1), dt.date(int(year[1]), 12, 31)
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """From the first day of month `first` to the last of month `last` (13, 14: next year's)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    after = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return dt.date(year, first, 1), after - dt.timedelta(days=1)
