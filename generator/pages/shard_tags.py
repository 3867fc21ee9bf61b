"""The tags page of a sharded site: the top-level build does not read the shards'
briefings, so mkdocs-material's tags plugin would list none of them. It is given
each briefing's title and tags from the briefing's front matter (what the plugin
reads in a single build), so its page lists every briefing at the same URL."""

from __future__ import annotations

from pathlib import Path

from material.utilities.filter import Filter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

HEAD_BYTES = 8192  # a briefing's front matter is a few hundred bytes


def tags_plugins(config: MkDocsConfig) -> list:
    return [
        plugin
        for plugin in config.plugins.values()
        if type(plugin).__name__ == "TagsPlugin" and hasattr(plugin, "mappings")
    ]


def add_unbuilt_pages(files: Files, config: MkDocsConfig, unbuilt) -> int:
    """Map the tags of every documentation page that `unbuilt(src_uri)` says another
    build writes; the number of pages mapped."""
    plugins = tags_plugins(config)
    count = 0
    for file in files.documentation_pages(inclusion=lambda _: True):
        if not plugins or file.abs_src_path is None or not unbuilt(file.src_uri):
            continue
        meta = read_front_matter(Path(file.abs_src_path))
        if not meta.get("tags"):
            continue
        page = file.page or Page(None, file, config)
        page.markdown, page.meta = "", meta  # the title comes from the front matter, as when it is read
        for plugin in plugins:
            # The plugin's file filter refuses excluded files: ask only its path patterns.
            if plugin.config.enabled and Filter.__call__(plugin.filter, file.src_uri, file.src_path):
                plugin.mappings.add(page, "")
        count += 1
    return count


def read_front_matter(path: Path) -> dict:
    with path.open(encoding="utf-8-sig") as source:
        head = source.read(HEAD_BYTES)
        if head.startswith("---") and "\n---" not in head[3:]:
            head += source.read()
    return get_data(head)[1]
