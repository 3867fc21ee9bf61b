"""Where each generated page lives, and relative links between them (links stay
relative to `.md` files so that `mkdocs build --strict` validates every one)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from ..records import BriefingData
from ..render import safe_path


def slugify(name: str, fallback: str = "briefing") -> str:
    """A URL-safe, lowercase path segment from a seed's file name or an actor's name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_name.lower()).strip("-_")
    return slug or fallback


def month_folder(published: str) -> str:
    return f"{published[:4]}/{published[5:7]}"


# A month folder holds its own listing (index.md); a seed of that name would replace it.
RESERVED_IN_MONTH = {"index"}


def page_path(data: BriefingData) -> str:
    slug = slugify(data["id"])
    if slug in RESERVED_IN_MONTH:
        slug += "-briefing"
    return f"{month_folder(data['published'])}/{slug}.md"


def month_name(folder: str) -> str:
    year, month = folder.split("/")
    return dt.date(int(year), int(month), 1).strftime("%B %Y")


def newest_first(datas: list[BriefingData]) -> list[BriefingData]:
    return sorted(datas, key=lambda d: (d["published"], d["id"]), reverse=True)


def by_month(datas: list[BriefingData]) -> dict[str, list[BriefingData]]:
    months: dict[str, list[BriefingData]] = defaultdict(list)
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


def page_url(path: str) -> str:
    """Where MkDocs publishes a docs file (directory URLs): a/b.md -> a/b/, a/index.md -> a/."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    return stem[:-5] if stem == "index" or stem.endswith("/index") else stem + "/"


@lru_cache(maxsize=65536)
def url_link(source: str, target: str) -> str:
    """The link from page `source` to file `target` (both docs paths) as the browser
    resolves it from the published page."""
    target_url = page_url(target)
    relative = posixpath.relpath(target_url or ".", page_url(source) or ".")
    return relative + "/" if target_url.endswith("/") or not target_url else relative


class Linker:
    """Template helper for page `source`: `link(target)` is a link for Markdown, to
    the target's `.md` file, which MkDocs checks and rewrites; `link.url(target)` is
    the published URL, for the raw HTML that long lists are written in (MkDocs' link
    processing and Markdown's inline parsing were most of the build's time)."""

    def __init__(self, source: str):
        self.source = source

    def __call__(self, target: BriefingData | str) -> str:
        return safe_path(relative_link(self.source, self._path(target)))

    def url(self, target: BriefingData | str) -> str:
        return safe_path(url_link(self.source, self._path(target)))

    @staticmethod
    def _path(target: BriefingData | str) -> str:
        return target if isinstance(target, str) else page_path(target)


def linker(source: str) -> Linker:
    return Linker(source)
