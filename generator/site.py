"""The whole site from all briefings' data: each briefing's page and data, and the
pages that cut across briefings (home, months, actors, timeline, figures, feed).
Data in, {relative path: content} out (no I/O)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath

from jinja2 import Environment

from .feeds import atom_feed
from .memo import PageMemo, data_print
from .pages.actor_pages import render_actor_pages
from .pages.actors import KINDS, ActorEntry, actor_directory, merge_actors
from .pages.figures import figure_rows, unit_counts, unit_label
from .pages.highlights import key_figures, key_quote, main_people
from .pages.paths import (  # noqa: F401
    by_month,
    linker,
    month_folder,
    month_name,
    newest_first,
    page_path,
    page_url,
    slugify,
)
from .pages.timeline import PRECISION
from .pages.timeline_pages import render_timeline_pages
from .records import ActorRecord, BriefingData, PublishedSentence, SentenceRecord
from .render import render_page

HOME_SIZE = 20
HOME_MONTHS = 12  # the archive page lists them all


def render_site(
    datas: list[BriefingData], env: Environment, errors: Sequence[str] = (), memo: PageMemo | None = None
) -> dict[str, str | bytes | None]:
    """Relative path -> content of every generated file; None for a page that `memo`
    found unchanged since the last build (its file is kept as it is)."""
    memo = memo or PageMemo()
    files: dict[str, str | bytes | None] = {}
    prints = {}
    entries = merge_actors(datas)
    directory = actor_directory(entries)
    for data in datas:
        # UTF-8 bytes: half the memory of a str holding curly quotes, at 10,000 briefings.
        published = published_data(data, directory)
        text = (json.dumps(published, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        prints[data["id"]] = data_print(text)
        path = page_path(data)[:-3] + ".json"
        files[path] = None if memo.unchanged(path, [prints[data["id"]]]) else text
    files |= {
        **home_and_months(datas, entries, env, errors),
        **render_actor_pages(entries, env, memo, prints),
        **render_timeline_pages(datas, env, memo, prints),
        "figures/index.md": render_figures(datas, env, memo),
        "feed.xml": atom_feed(datas),
    }
    ordered = newest_first(datas)
    for number, data in enumerate(ordered):
        page = page_path(data)
        entries_of = [directory[(data["id"], actor["name"])] for actor in data["actors"]]
        # Newer and older briefing: the page links them, so they are part of what it is made from.
        around = (ordered[number - 1] if number else None, ordered[number + 1] if number + 1 < len(ordered) else None)
        links = [f"{entry.path}\0{entry.name}" for entry in entries_of] + [
            f"{page_path(other)}\0{other['title']}" if other else "" for other in around
        ]
        files[page] = memo.page(page, [prints[data["id"]], *links], render_briefing, data, page, directory, env, around)
    return files


# The version of the published data's shape (briefings/briefing.schema.json). 2: each of
# `sentences` gives its place in `body` instead of its text a second time.
PUBLISHED_SCHEMA_VERSION = 2


def published_data(data: BriefingData, directory: dict[tuple[str, str], ActorEntry]) -> dict:
    """The data as published beside the page: with the page's URL, its tags as the page
    shows them, each actor's page (URLs relative to the site's root), and the sentences
    as places in `body`."""
    return {
        **data,
        "schema_version": PUBLISHED_SCHEMA_VERSION,
        "sentences": sentence_spans(data["body"], data["sentences"]),
        "permalink": page_url(page_path(data)),
        "tags": briefing_tags(data, directory),
        "actors": [{**actor, "url": page_url(directory[(data["id"], actor["name"])].path)} for actor in data["actors"]],
    }


def sentence_spans(body: list[str], sentences: list[SentenceRecord]) -> list[PublishedSentence]:
    """Each sentence as `body[paragraph][start:end]` (offsets in code points): the article
    was published twice, as `body` and as the text of its sentences (a quarter of a file)."""
    spans: list[PublishedSentence] = []
    starts: defaultdict[int, int] = defaultdict(int)
    for sentence in sentences:
        number, text = sentence["paragraph"], sentence["text"]
        # data.py makes each paragraph of `body` its sentences joined by one space.
        start = starts[number]
        end = start + len(text)
        if body[number][start:end] != text:
            raise ValueError(f"sentence {sentence['id']} is not at {start}:{end} of paragraph {number} of body")
        starts[number] = end + 1
        spans.append({"id": sentence["id"], "paragraph": number, "start": start, "end": end})
    return spans


def render_briefing(
    data: BriefingData,
    page: str,
    directory: dict[tuple[str, str], ActorEntry],
    env: Environment,
    around: tuple[BriefingData | None, BriefingData | None] = (None, None),
) -> bytes:
    # UTF-8 bytes, like the data: the briefing pages are most of what a build holds.
    context = briefing_context(data, page, directory)
    context.update(
        newer=around[0],
        older=around[1],
        month=month_folder(data["published"]),
        month_name=month_name(month_folder(data["published"])),
    )
    return render_page("briefing.md.j2", env, **context).encode("utf-8")


def briefing_context(data: BriefingData, page: str, directory: dict[tuple[str, str], ActorEntry]) -> dict:
    groups = [(label, [a for a in data["actors"] if a["kind"] == kind]) for kind, label in KINDS.items()]
    paragraphs: dict[int, list[SentenceRecord]] = defaultdict(list)
    for sentence in data["sentences"]:
        paragraphs[sentence["paragraph"]].append(sentence)
    return {
        "data": data,
        "tags": briefing_tags(data, directory),
        "published": data["published"],
        "data_file": PurePosixPath(page).stem + ".json",
        "actor_groups": [(k, v) for k, v in groups if v],
        "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
        "link": linker(page),
        "actor_page": lambda actor: directory[(data["id"], actor["name"])].path,
        "precision": PRECISION,
        "numbers": key_figures(data),
        "quote": key_quote(data),
        "people": main_people(data),
    }


def briefing_tags(data: BriefingData, directory: dict[tuple[str, str], ActorEntry] | None = None) -> list[str]:
    """The seed's own tags, then its main places and organizations by their site-wide
    name. Topic words ('forums', 'order') stay in the data: as tags they named no topic
    a reader would browse."""

    def name(actor: ActorRecord) -> str:
        entry = (directory or {}).get((data["id"], actor["name"]))
        return entry.name if entry else actor["name"]

    main = [a for a in data["actors"] if a["mentions"] > 1 or len(data["actors"]) < 10]
    places = [name(a) for a in main if a["kind"] == "place"][:3]
    organizations = [name(a) for a in main if a["kind"] == "organization"][:2]
    return list(dict.fromkeys([*(data.get("tags") or []), *places, *organizations]))


def home_and_months(
    datas: list[BriefingData], entries: list[ActorEntry], env: Environment, errors: Sequence[str]
) -> dict[str, str]:
    months = by_month(datas)
    pages = {
        "index.md": render_page(
            "home.md.j2",
            env,
            briefings=newest_first(datas)[:HOME_SIZE],
            months=dict(list(months.items())[:HOME_MONTHS]),
            count=len(datas),
            actors=len(entries),
            link=linker("index.md"),
            events=sum(len(d["timeline"]) for d in datas),
            month_name=month_name,
            errors=list(errors),
        )
    }
    years: dict[str, list[str]] = defaultdict(list)
    for folder in months:
        years[folder[:4]].append(folder)
    pages["archive.md"] = render_page(
        "archive.md.j2",
        env,
        years=list(years.items()),
        months=months,
        count=len(datas),
        month_name=month_name,
        link=linker("archive.md"),
    )
    for folder, items in months.items():
        pages[f"{folder}/index.md"] = render_page(
            "month.md.j2", env, title=month_name(folder), briefings=items, link=linker(f"{folder}/index.md")
        )
    return pages


def render_figures(datas: list[BriefingData], env: Environment, memo: PageMemo) -> str | None:
    rows = figure_rows(datas)
    shown = [json.dumps([data["id"], data["title"], data["published"], figure]) for data, figure in rows]
    return memo.page(
        "figures/index.md",
        shown,
        render_page,
        "figures.md.j2",
        env,
        rows=rows,
        units=unit_counts(rows),
        unit=unit_label,
        link=linker("figures/index.md"),
    )
