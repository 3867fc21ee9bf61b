"""The cross-briefing page builders on small hand-built briefing data."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from generator.feeds import atom_feed
from generator.pages.actors import actor_directory, actor_events, actor_quotes, merge_actors
from generator.pages.paths import relative_link
from generator.pages.timeline import group_entries, paginate, start_date, timeline_entries
from generator.render import make_environment
from generator.site import render_site, sentence_spans

from .conftest import ROOT


def actor(name, kind="person", aliases=(), role=None, mentions=1, sentences=("s1",)):
    return {
        "name": name,
        "kind": kind,
        "aliases": list(aliases),
        "role": role,
        "mentions": mentions,
        "sentences": list(sentences),
    }


def event(when, granularity, text="something happened", sentence="s1"):
    return {
        "when": when,
        "readable": when,
        "granularity": granularity,
        "expression": when,
        "event": text,
        "source": text,
        "sentence": sentence,
    }


def briefing(id, published, actors=(), timeline=(), quotes=(), figures=(), title=None):
    return {
        "id": id,
        "published": published,
        "title": title or f"Briefing {id}",
        "summary": f"Summary of {id}.",
        "summary_sentences": [f"Summary of {id}."],
        "source": None,
        "url": None,
        "author": None,
        "tags": [],
        "body": ["Text."],
        "sentences": [{"id": "s1", "paragraph": 0, "text": "Text."}],
        "timeline": list(timeline),
        "actors": list(actors),
        "figures": list(figures),
        "quotes": list(quotes),
    }


def test_actors_merge_surname_title_and_full_name():
    datas = [
        briefing("a", "2023-05-25", [actor("Xi Jinping", aliases=["Xi"], role="Chinese President")]),
        briefing("b", "2024-01-02", [actor("President Xi")]),
        briefing("c", "2024-02-03", [actor("Xi")]),
    ]
    entries = merge_actors(datas)
    assert [(e.name, len(e.appearances)) for e in entries] == [("Xi Jinping", 3)]
    assert entries[0].path == "actors/xi-jinping.md"
    assert [data["id"] for data, _ in entries[0].appearances] == ["c", "b", "a"]  # newest first
    assert entries[0].role == "Chinese President"  # the newest role given
    index = render_site(datas, make_environment(ROOT / "templates"))["actors/index.md"]
    assert "<td>Chinese President</td>" in index


def test_briefing_highlights_pick_measured_figures_and_a_named_whole_quote():
    from generator.pages.highlights import key_figures, key_quote, main_people

    def figure(text, unit, measure, sentence):
        return {"text": text, "value": 1.0, "unit": unit, "measure": measure, "sentence": sentence}

    data = briefing(
        "a",
        "2023-05-25",
        [actor("Ann Lee", role="mayor", mentions=5), actor("Bo Chen", mentions=1)],
        figures=[
            figure("six people", "people", "injured", "s1"),
            figure("$5 million", "USD", "cost", "s3"),
            figure("3%", "%", "", "s2"),
        ]
        + [figure(f"{n}%", "%", "growth", "s4") for n in range(6)],
        quotes=[
            {"speaker": None, "text": "We will never give up on this city.", "sentence": "s2"},
            {"speaker": "Bo Chen", "text": "The bridge opens in May, as planned.", "sentence": "s3"},
            {"speaker": "Ann Lee", "text": "rebuilt by spring", "sentence": "s4"},
        ],
    )
    data["sentences"] = [{"id": f"s{n}", "paragraph": 0, "text": "."} for n in range(1, 5)]
    data["figures"] += [figure("ten to 32", "pages", "pages", "s2"), figure("ten to 32", "pages", "pages", "s2")]
    shown = key_figures(data)
    assert len(shown) == 5 and all(f["measure"] for f in shown)  # unmeasured '3%' left out
    assert [f["text"] for f in key_figures(data, limit=20)].count("ten to 32") == 1  # a range's two ends
    assert shown[0]["text"] == "$5 million" and "six people" not in [f["text"] for f in shown]
    assert key_quote(data)["speaker"] == "Bo Chen"  # named, a whole sentence
    assert [a["name"] for a in main_people(data)] == ["Ann Lee", "Bo Chen"]


def test_actors_keep_an_ambiguous_short_name_apart():
    datas = [
        briefing("a", "2023-05-25", [actor("Li Qiang", aliases=["Li"])]),
        briefing("b", "2023-05-26", [actor("Li Wei", aliases=["Li"])]),
        briefing("c", "2023-05-27", [actor("Li")]),
    ]
    assert sorted(e.name for e in merge_actors(datas)) == ["Li", "Li Qiang", "Li Wei"]


def test_actors_merge_places_by_name_and_acronym():
    datas = [
        briefing("a", "2023-05-25", [actor("United Kingdom", "place", aliases=["UK"])]),
        briefing("b", "2023-05-26", [actor("U.K", "place")]),
        briefing("c", "2023-05-27", [actor("United Kingdom", "place", mentions=3)]),
    ]
    entries = merge_actors(datas)
    assert [(e.name, e.kind, e.mentions) for e in entries] == [("United Kingdom", "place", 5)]
    assert actor_directory(entries)[("b", "U.K")] is entries[0]


def test_actor_paths_are_unique_and_avoid_index_pages():
    datas = [
        briefing(
            "a",
            "2023-05-25",
            [
                actor("Index", "organization"),
                actor("C.I.A.", "organization"),
                actor("C-I-A", "organization"),
                actor("习近平"),
            ],
        )
    ]
    paths = [e.path for e in merge_actors(datas)]
    assert len(set(paths)) == 4 and "actors/index.md" not in paths and "actors/actor.md" in paths


def test_actor_quotes_and_events_come_from_their_sentences():
    person = actor("Mikhail Mishustin", aliases=["Mishustin"], sentences=["s2"])
    data = briefing(
        "a",
        "2023-05-25",
        [person],
        timeline=[event("2023-05-23", "day", sentence="s2"), event("2023", "year", sentence="s9")],
        quotes=[
            {"speaker": "Mishustin", "text": "Hello.", "source": "", "sentence": "s3"},
            {"speaker": "Someone", "text": "Bye.", "source": "", "sentence": "s4"},
        ],
    )
    entry = merge_actors([data])[0]
    assert [q["text"] for _, q in actor_quotes(entry)] == ["Hello."]
    assert [e["when"] for _, e in actor_events(entry)] == ["2023-05-23"]


@pytest.mark.parametrize(
    "when, start",
    [
        ("2023-05-24", dt.date(2023, 5, 24)),
        ("2023-05", dt.date(2023, 5, 1)),
        ("2023-W20", dt.date(2023, 5, 15)),
        ("2023-Q2", dt.date(2023, 4, 1)),
        ("2022-SU", dt.date(2022, 6, 1)),
        ("201", dt.date(2010, 1, 1)),
        ("2023-01/2023-04", dt.date(2023, 1, 1)),
        ("2016-09-09T22:30", dt.date(2016, 9, 9)),
        ("PRESENT_REF", None),
    ],
)
def test_timeline_start_dates(when, start):
    assert start_date(when) == start


def test_timeline_groups_by_year_then_month_with_vague_values_first():
    data = briefing(
        "a",
        "2023-06-01",
        timeline=[
            event("2023-05-24", "day"),
            event("2023", "year"),
            event("2023-W20", "week"),
            event("2022-SU", "season"),
            event("201", "decade"),
            event("2023-03", "month"),
        ],
    )
    years = group_entries(timeline_entries([data]))
    assert [(year, [month for month, _ in months]) for year, months in years] == [
        ("2010s", [None]),
        ("2022", [None]),
        ("2023", [None, "March 2023", "May 2023"]),
    ]
    may = years[2][1][2][1]
    assert [e.event["granularity"] for e in may] == ["week", "day"]


def test_timeline_pages_hold_whole_years_newest_on_the_index():
    years = [(str(y), [(None, [object()] * 3)]) for y in range(2000, 2010)]
    pages = paginate(years, size=7)
    assert pages[-1][0] == "timeline/index.md"
    assert [len(chunk) for _, chunk in pages] == [2, 2, 2, 2, 2]
    assert pages[0][0] == "timeline/2000-2001.md"


def test_feed_is_atom_newest_first_and_escaped():
    datas = [briefing("old", "2020-01-01"), briefing("new", "2024-01-01", title="<b>New</b> & improved")]
    root = ET.fromstring(atom_feed(datas))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert titles == ["<b>New</b> & improved", "Briefing old"]
    assert root.find("a:entry/a:link", ns).get("href") == "2024/01/new/"
    assert root.findtext("a:updated", namespaces=ns) == "2024-01-01T00:00:00Z"


def test_relative_links_between_pages():
    assert relative_link("actors/x.md", "2023/05/a.md") == "../2023/05/a.md"
    assert relative_link("index.md", "timeline/index.md") == "timeline/index.md"
    assert relative_link("2023/05/a.md", "actors/x.md") == "../../actors/x.md"


def test_render_site_writes_every_page_family():
    datas = [
        briefing(
            "a",
            "2023-05-25",
            [actor("Xi Jinping", aliases=["Xi"])],
            [event("2023-05-24", "day")],
            figures=[
                {
                    "text": "$5",
                    "value": 5.0,
                    "unit": "USD",
                    "measure": "cost",
                    "qualifier": None,
                    "period": None,
                    "conversion": None,
                    "source": "",
                    "sentence": "s1",
                }
            ],
        )
    ]
    files = render_site(datas, make_environment(ROOT / "templates"))
    for path in [
        "index.md",
        "2023/05/index.md",
        "2023/05/a.md",
        "2023/05/a.json",
        "actors/index.md",
        "actors/xi-jinping.md",
        "actors/people.md",
        "archive.md",
        "timeline/index.md",
        "figures/index.md",
        "feed.xml",
    ]:
        assert path in files
    assert 'href="../../../actors/xi-jinping/"' in files["2023/05/a.md"].decode()
    assert 'href="../2023/05/a/#s1"' in files["timeline/index.md"]
    assert "(2023/05/index.md) (1)" in files["archive.md"]


def test_feed_links_made_absolute_for_the_published_site():
    from generator.feeds import absolute_links

    feed = absolute_links(atom_feed([briefing("a", "2023-05-25")]), "https://news.example.org/b")
    hrefs = re.findall(r'href="([^"]*)"', feed)
    assert hrefs == [
        "https://news.example.org/b/feed.xml",
        "https://news.example.org/b/",
        "https://news.example.org/b/2023/05/a/",
    ]


def test_site_sentence_spans_place_each_sentence_in_its_paragraph():
    sentences = [
        {"id": "s1", "paragraph": 0, "text": "It rained."},
        {"id": "s2", "paragraph": 0, "text": "“Wet,” he said 😀."},
        {"id": "s3", "paragraph": 1, "text": "Then sun."},
    ]
    body = ["It rained. “Wet,” he said 😀.", "Then sun."]
    spans = sentence_spans(body, sentences)
    assert [body[s["paragraph"]][s["start"] : s["end"]] for s in spans] == [s["text"] for s in sentences]
    assert spans[1] == {"id": "s2", "paragraph": 0, "start": 11, "end": 28}


def test_site_sentence_spans_refuse_a_body_that_does_not_hold_the_sentences():
    with pytest.raises(ValueError, match="s1 is not at 0:5 of paragraph 0"):
        sentence_spans(["Other text."], [{"id": "s1", "paragraph": 0, "text": "Text."}])
