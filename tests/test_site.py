"""End to end: `mkdocs build --strict` of the project's site into a temporary folder,
then what a reader gets in the HTML and the search index (Pagefind's)."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from .conftest import ROOT
from .links import broken_links

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "seeds", "templates", "briefings"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    site = work / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_mkdocs_build_strict_has_no_warning(built_site):
    _, log = built_site
    assert "WARNING" not in log


def test_briefing_page_shows_timeline_and_anchored_sentences(built_site):
    site, _ = built_site
    html = (site / "2023/05/000_cbfe35416636920c/index.html").read_text("utf-8")
    assert '<h2 id="timeline">Timeline' in html
    assert "2023-05-24" in unescape(html) and 'href="#s1"' in html
    assert '<span id="s1">Chinese President Xi Jinping said on Wednesday' in html
    article, removed = html.split('<details class="note removed"', 1)
    assert "Longest battle" not in article  # furniture is out of the story ...
    assert "Longest battle" in removed.split("</details>")[0]  # ... and shown, folded, for a reader to check


def test_briefing_data_is_published_beside_the_page(built_site):
    site, _ = built_site
    data = json.loads((site / "2023/05/000_cbfe35416636920c.json").read_text("utf-8"))
    assert data["id"] == "000_cbfe35416636920c" and data["published"] == "2023-05-25"
    assert data["permalink"] == "2023/05/000_cbfe35416636920c/" and (site / data["permalink"] / "index.html").exists()
    xi = next(a for a in data["actors"] if a["name"] == "Xi Jinping")
    assert (site / xi["url"] / "index.html").exists()
    assert {"China", "Russia"} <= set(data["tags"])  # the tags the page shows
    trade = next(f for f in data["figures"] if f["text"].startswith("190 billion"))
    assert trade["value"] == 190000000000 and isinstance(trade["value"], int)
    week = next(e for e in data["timeline"] if e["when"] == "2023-W20")
    assert (week["start"], week["end"]) == ("2023-05-15", "2023-05-21")
    # Schema 2: a sentence is its place in `body`; the page shows the same text under its anchor.
    page = unescape((site / data["permalink"] / "index.html").read_text("utf-8"))
    for sentence in data["sentences"]:
        text = data["body"][sentence["paragraph"]][sentence["start"] : sentence["end"]]
        assert f'<span id="{sentence["id"]}">{text}</span>' in page
    assert data["sentences"][-1]["end"] == len(data["body"][-1])


def test_every_briefing_data_file_follows_the_published_schema(built_site):
    import jsonschema

    site, _ = built_site
    schema = json.loads((site / "briefing.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted(site.glob("[0-9]*/[0-9]*/*.json"))
    assert len(files) == 13
    for path in files:
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(json.loads(path.read_text("utf-8")))
        ]
        assert errors == [], (path.name, errors[:5])
    documented = set(schema["properties"])
    for path in files:  # every field the data carries is documented
        assert set(json.loads(path.read_text("utf-8"))) <= documented, path.name


def test_tags_index_follows_its_schema_and_the_briefings(built_site):
    """tags.json, the one cross-briefing JSON the site publishes (mkdocs-material's export)."""
    import jsonschema

    site, _ = built_site
    schema = json.loads((site / "tags.schema.json").read_text("utf-8"))
    index = json.loads((site / "tags.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(index)
    datas = {
        data["permalink"]: data
        for data in (json.loads(path.read_text("utf-8")) for path in site.glob("[0-9]*/[0-9]*/*.json"))
    }
    listed = {entry["item"]["url"]: entry for entry in index["mappings"]}
    assert listed.keys() == {url for url, data in datas.items() if data["tags"]}
    for url, entry in listed.items():
        assert (entry["item"]["title"], entry["tags"]) == (datas[url]["title"], sorted(datas[url]["tags"])), url
    assert (site / "data" / "index.html").is_file() and 'href="../data/"' in (site / "about/index.html").read_text()


def search_fragments(site) -> dict[str, dict]:
    """Pagefind's stored pages (url -> fragment): gzip, a signature, then JSON."""
    fragments = {}
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        fragments[fragment["url"]] = fragment
    return fragments


def test_pages_carry_the_theme_chrome_once_not_in_every_page(built_site):
    site, _ = built_site
    html = (site / "2023/05/000_cbfe35416636920c/index.html").read_text("utf-8")
    # Icons from the stylesheet, the theme's scripts from one file, no editor's notes.
    assert "<svg" not in html and "__md_scope" not in html and "<!--" not in html
    assert html.count('src="../../../javascripts/theme.js"') == 1
    assert 'class="chrome-icon chrome-icon--menu"' in html
    assert 'name="generator"' not in html
    stylesheet = (site / "stylesheets/briefings.css").read_text("utf-8")
    assert ".chrome-icon--sun" in stylesheet and ".chrome-icon--top" in stylesheet
    assert (site / "pagefind/pagefind-ui.js").is_file() and not (site / "pagefind/pagefind-component-ui.js").exists()
    missing = (site / "404.html").read_text("utf-8")  # a static template of the theme, minified too
    assert "\n  " not in missing and "<svg" not in missing


def test_search_indexes_briefings_and_actors_but_not_list_pages(built_site):
    site, _ = built_site
    assert not (site / "search/search_index.json").exists()  # no whole-site index for every reader
    fragments = search_fragments(site)
    hits = [url for url, fragment in fragments.items() if "Mishustin" in fragment["content"]]
    assert "/2023/05/000_cbfe35416636920c/" in hits and "/actors/mikhail-mishustin/" in hits
    assert not [url for url in fragments if url.startswith(("/timeline/", "/tags/", "/archive/")) or url == "/"]
    briefing = fragments["/2023/05/000_cbfe35416636920c/"]
    assert briefing["meta"]["title"].startswith("Xi Jinping says")
    assert "¶" not in briefing["content"]  # permalinks


def test_home_lists_briefings_newest_first(built_site):
    site, _ = built_site
    html = (site / "index.html").read_text("utf-8")
    newest, oldest = html.index("G7 urges Russia"), html.index("Australian children suffering")
    assert newest < oldest


def test_archive_lists_months_and_the_navigation_stays_short(built_site):
    site, _ = built_site
    archive = (site / "archive/index.html").read_text("utf-8")
    assert "May 2023" in archive and 'href="../2025/03/"' in archive
    # Every page carries the navigation: it names no month and no briefing.
    page = (site / "2023/05/000_cbfe35416636920c/index.html").read_text("utf-8")
    navigation = page[page.index("md-nav--primary") : page.index("md-sidebar--secondary")]
    assert "May 2023" not in navigation and "000_cbfe35416636920c" not in navigation


def test_actor_pages_link_briefings_and_stay_out_of_the_navigation(built_site):
    site, _ = built_site
    html = (site / "actors/mikhail-mishustin/index.html").read_text("utf-8")
    assert "Russian Prime Minister" in html
    assert 'href="../../2023/05/000_cbfe35416636920c/#s' in html
    home = (site / "index.html").read_text("utf-8")
    assert "actors/mikhail-mishustin/" not in home and 'href="actors/"' in home


def test_same_actor_in_two_briefings_has_one_page(built_site):
    site, _ = built_site
    html = (site / "actors/vladimir-putin/index.html").read_text("utf-8")
    assert html.count('class="md-typeset"') <= 1
    assert "2025/03/03_g7-russia-ceasefire/" in html and "2023/05/000_cbfe35416636920c/" in html


def test_global_timeline_links_source_sentences_as_an_event_list(built_site):
    site, _ = built_site
    html = (site / "timeline/index.html").read_text("utf-8")
    assert 'href="../2023/05/000_cbfe35416636920c/#s' in html
    assert '<ul class="events">' in html and 'class="mermaid"' not in html
    assert 'id="y2023"' in html


def test_feed_is_atom_newest_first(built_site):
    site, _ = built_site
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(site / "feed.xml").getroot()
    published = [entry.findtext("a:published", namespaces=ns) for entry in root.findall("a:entry", ns)]
    assert published == sorted(published, reverse=True) and len(published) == 13
    assert 'type="application/atom+xml"' in (site / "index.html").read_text("utf-8")


def test_tags_and_figures_pages_exist(built_site):
    site, _ = built_site
    assert "Russia" in (site / "tags/index.html").read_text("utf-8")
    assert 'id="figure-unit"' in (site / "figures/index.html").read_text("utf-8")


def test_every_internal_link_and_anchor_resolves(built_site):
    site, _ = built_site
    broken = broken_links(site)
    assert not broken, broken[:20]
