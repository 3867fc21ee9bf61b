"""The Atom feed of the newest briefings, with their summaries. Links are relative
to the feed in docs_dir (the same bytes wherever the site is published); the
published copy gets absolute links from the site's URL (`absolute_links`); ids are
`tag:` URIs made from the briefing's id, and there is no build timestamp, so the
file changes only when the briefings do."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as escape_xml
from xml.sax.saxutils import quoteattr

from .pages.paths import newest_first, page_path
from .records import BriefingData

FEED_SIZE = 50
NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    """XML text: markup characters escaped, characters XML 1.0 forbids dropped."""
    return escape_xml(NOT_XML.sub("", " ".join(str(text).split())))


def briefing_url(data: BriefingData) -> str:
    """The briefing's URL relative to the site root, as MkDocs writes directory URLs."""
    return page_path(data)[:-3] + "/"


def feed_entry(data: BriefingData) -> str:
    return "\n".join(
        [
            "  <entry>",
            f"    <title>{escape(data['title'])}</title>",
            f"    <id>tag:news-briefings,{data['published']}:{escape(data['id'])}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(briefing_url(data))}/>',
            f"    <updated>{data['published']}T00:00:00Z</updated>",
            f"    <published>{data['published']}T00:00:00Z</published>",
            *([f"    <author><name>{escape(author)}</name></author>"] if (author := data.get("author")) else []),
            f"    <summary>{escape(data['summary'])}</summary>",
            "  </entry>",
        ]
    )


def atom_feed(datas: list[BriefingData], title: str = "News briefings") -> str:
    newest = newest_first(datas)[:FEED_SIZE]
    updated = f"{newest[0]['published']}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}</title>",
        "  <id>tag:news-briefings,2023:feed</id>",
        '  <link rel="self" type="application/atom+xml" href="feed.xml"/>',
        '  <link rel="alternate" type="text/html" href="./"/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>News briefings</name></author>",
        "  <generator>news-briefings</generator>",
    ]
    return "\n".join([*head, *(feed_entry(data) for data in newest), "</feed>"]) + "\n"


HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/)([^"]*)"')


def absolute_links(feed: str, site_url: str) -> str:
    """The feed with its relative links made absolute against the site's URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return HREF.sub(lambda m: f'href="{escape_xml(base)}{m[1].removeprefix("./")}"', feed)
