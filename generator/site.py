"""Pages that cut across briefings: the home page and one page per month. Data in,
Markdown out (no I/O)."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import PurePosixPath

from jinja2 import Environment

from .render import render_page


def slugify(name: str) -> str:
    """A URL-safe, lowercase path segment from a seed's file name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_name.lower()).strip("-_")
    return slug or "briefing"


def month_folder(published: str) -> str:
    return f"{published[:4]}/{published[5:7]}"


def page_path(data: dict) -> str:
    return f"{month_folder(data['published'])}/{slugify(data['id'])}.md"


def month_name(folder: str) -> str:
    year, month = folder.split("/")
    return dt.date(int(year), int(month), 1).strftime("%B %Y")


def newest_first(datas: list[dict]) -> list[dict]:
    return sorted(datas, key=lambda d: (d["published"], d["id"]), reverse=True)


def by_month(datas: list[dict]) -> dict[str, list[dict]]:
    months: dict[str, list[dict]] = defaultdict(list)
    for data in newest_first(datas):
        months[month_folder(data["published"])].append(data)
    return dict(sorted(months.items(), reverse=True))


def render_site(datas: list[dict], env: Environment, errors: list[str] = ()) -> dict[str, str]:
    """Relative path -> content of every generated file: each briefing's page and
    data, and the pages that cut across briefings."""
    files = site_pages(datas, env, errors)
    for data in datas:
        page = page_path(data)
        files[page] = render_page("briefing.md.j2", env, **briefing_context(data, page))
        files[page[:-3] + ".json"] = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return files


def briefing_context(data: dict, page: str) -> dict:
    kinds = {"person": "People", "organization": "Organizations", "place": "Places"}
    groups = [(label, [a for a in data["actors"] if a["kind"] == kind]) for kind, label in kinds.items()]
    paragraphs: dict[int, list[dict]] = {}
    for sentence in data["sentences"]:
        paragraphs.setdefault(sentence["paragraph"], []).append(sentence)
    return {
        "data": data, "tags": briefing_tags(data), "published": data["published"],
        "data_file": PurePosixPath(page).stem + ".json", "actor_groups": [(k, v) for k, v in groups if v],
        "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
    }


def briefing_tags(data: dict) -> list[str]:
    places = [a["name"] for a in data["actors"] if a["kind"] == "place"][:3]
    organizations = [a["name"] for a in data["actors"] if a["kind"] == "organization"][:2]
    tags = list(data.get("tags") or []) + places + organizations
    return list(dict.fromkeys(tags))


def site_pages(datas: list[dict], env: Environment, errors=()) -> dict[str, str]:
    """Relative path -> Markdown of every cross-briefing page."""
    months = by_month(datas)
    pages = {"index.md": render_page("home.md.j2", env, briefings=newest_first(datas)[:50], months=months,
                                     count=len(datas), actors=sum(len(d["actors"]) for d in datas),
                                     events=sum(len(d["timeline"]) for d in datas), link=_link_from(""),
                                     month_name=month_name, errors=list(errors))}
    for folder, items in months.items():
        pages[f"{folder}/index.md"] = render_page("month.md.j2", env, title=month_name(folder), briefings=items,
                                                  link=_link_from(folder))
    return pages


def _link_from(folder: str):
    depth = len(folder.split("/")) if folder else 0

    def link(data: dict) -> str:
        return "../" * depth + page_path(data)

    return link


def navigation(datas: list[dict]) -> list:
    """MkDocs nav: years, then months; each month page lists its briefings, so the
    navigation grows with months, not with briefings."""
    years: dict[str, list] = defaultdict(list)
    for folder in by_month(datas):
        years[folder[:4]].append({month_name(folder): f"{folder}/index.md"})
    return [{year: months} for year, months in years.items()]
