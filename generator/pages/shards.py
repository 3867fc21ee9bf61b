"""The site in shards: which docs files each MkDocs build of a large site owns.

A site of more than `shard_size` briefings is built as one MkDocs build per shard
(runs of consecutive months, each holding at most `shard_size` briefings; a month
is never split, so its listing page lives beside its briefings) and one top-level
build of everything else (home, archive, actors, timeline, figures, tags, theme).
Every build sees all docs files, so that links between them resolve to the same
URLs as in a single build; it writes only the files it owns. Pure: paths in,
plans out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# A month folder of the generated site: its briefings, their data and its listing page.
MONTH = re.compile(r"^([0-9]{4}/[0-9]{2})/")
# Pages a shard renders without owning them: the tags page holds the listing that
# the tag links of the shard's pages point to (the top-level build writes the real one).
SHARED_PAGES = frozenset({"tags.md"})
ENV = "BRIEFINGS_SHARD"  # set for a shard's build process: which shard it is


@dataclass(frozen=True)
class Shard:
    name: str  # its first month, as 2023-05: names its search bundle
    months: tuple[str, ...]  # month folders, as 2023/05

    @property
    def bundle(self) -> str:
        return f"pagefind-{self.name}"

    def encode(self) -> str:
        """The shard as one line, for its build process's environment."""
        return f"{self.name}:{','.join(self.months)}"


def decode_shard(text: str) -> Shard:
    name, _, months = text.partition(":")
    return Shard(name, tuple(months.split(",")))


def month_of(src_uri: str) -> str | None:
    match = MONTH.match(src_uri)
    return match.group(1) if match else None


def count_by_month(src_uris: Iterable[str]) -> Counter[str]:
    """Briefings per month folder, counted from docs paths (a month's listing page,
    index.md, and its data files are not briefings)."""
    return Counter(
        month for uri in src_uris if uri.endswith(".md") and not uri.endswith("/index.md") and (month := month_of(uri))
    )


def plan_shards(counts: Counter[str], shard_size: int) -> list[Shard]:
    """Consecutive months, oldest first, packed into shards of at most `shard_size`
    briefings (a bigger month makes a shard alone). None when the site is no bigger
    than one shard, or `shard_size` is 0: then the site is one build, as always."""
    if shard_size <= 0 or sum(counts.values()) <= shard_size:
        return []
    groups: list[list[str]] = [[]]
    size = 0
    for month in sorted(counts):
        if groups[-1] and size + counts[month] > shard_size:
            groups.append([])
            size = 0
        groups[-1].append(month)
        size += counts[month]
    return [Shard(months[0].replace("/", "-"), tuple(months)) for months in groups]


def owned_by_shard(src_uri: str, shard: Shard) -> bool:
    return month_of(src_uri) in shard.months


def built_by_shard(src_uri: str, shard: Shard) -> bool:
    return owned_by_shard(src_uri, shard) or src_uri in SHARED_PAGES


def owned_by_top(src_uri: str) -> bool:
    """The top-level build writes everything that is not in a month folder."""
    return month_of(src_uri) is None
