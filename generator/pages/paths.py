"""Where each generated page lives, and relative links between them (links stay
relative to `.md` files so that `mkdocs build --strict` validates every one)."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from ..render import safe_path


def slugify(name: str, fallback: str = "briefing") -> str:
    """A URL-safe, lowercase path segment from a seed's file name or an actor's name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_name.lower()).strip("-_")
    return slug or fallback


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


def relative_link(source: str, target: str) -> str:
    """The link from page `source` to file `target`, both relative to docs_dir."""
    return _relative(target, posixpath.dirname(source) or ".")


@lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    # Thousands of pages share a handful of folders: posixpath.relpath was most of
    # the time spent rendering actor pages.
    return posixpath.relpath(target, folder)


def linker(source: str):
    """A template helper for page `source`: link(briefing data or docs path) -> relative link."""
    def link(target: dict | str) -> str:
        return safe_path(relative_link(source, page_path(target) if isinstance(target, dict) else target))

    return link
