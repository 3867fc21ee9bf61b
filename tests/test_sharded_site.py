"""A site built in shards reads as a single site: a corpus of 12 briefings in 12
months built once as one MkDocs build and once, with `shard_size: 4`, as three
shard builds and a top-level build (real `mkdocs build --strict`, Pagefind and
Chromium). Screenshot of a search over the shards: tests/screenshots/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.bench import make_project

from .browser import CHROMIUM, chromium, serve_directory
from .links import broken_links

pytestmark = [pytest.mark.slow]
SITE_URL = "https://news.example.org/"  # at the root: the link check reads 404.html's absolute links
BUNDLES = re.compile(r"^pagefind")


def build(project: Path, site: Path, shard_size: int) -> str:
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(
        r"\n  - briefings(:\n      shard_size: \d+)?\n", f"\n  - briefings:\n      shard_size: {shard_size}\n", config
    )
    (project / "mkdocs.yml").write_text(config, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(single site, sharded site, the sharded build's log) of one corpus."""
    work = tmp_path_factory.mktemp("sharded")
    project = make_project(work, 12)
    build(project, work / "single", shard_size=0)
    log = build(project, work / "sharded", shard_size=4)  # generation is cached: only the site differs
    return work / "single", work / "sharded", log


def outputs(site: Path) -> dict[str, Path]:
    """Every file but the search bundles (a sharded site has one per shard)."""
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and not BUNDLES.match(path.relative_to(site).parts[0])
    }


def shard_bundles(site: Path) -> list[str]:
    return json.loads((site / "pagefind" / "shards.json").read_text("utf-8"))


def test_a_site_above_the_shard_size_is_built_as_three_shards_with_their_own_search(sites):
    single, sharded, log = sites
    assert "building 3 shards" in log
    assert shard_bundles(single) == []
    bundles = shard_bundles(sharded)
    assert len(bundles) == 3, bundles
    for bundle in bundles:
        assert (sharded / "pagefind" / bundle / "pagefind-entry.json").is_file(), bundle
    assert not list(sharded.parent.glob(".sharded-shard-*")), "a shard's build folder was left behind"


def test_sharded_site_has_every_file_of_the_single_site_byte_for_byte(sites):
    single, sharded, _ = sites
    ours, theirs = outputs(sharded), outputs(single)
    assert sorted(ours) == sorted(theirs)
    differ = [
        name
        for name in theirs
        if not name.startswith("sitemap.xml") and ours[name].read_bytes() != theirs[name].read_bytes()
    ]
    assert differ == []

    def locations(site: Path) -> list[str]:
        return sorted(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8")))

    assert locations(sharded) == locations(single) and len(locations(single)) > 12


def test_every_internal_link_and_anchor_of_the_sharded_site_resolves(sites):
    _, sharded, _ = sites
    broken = broken_links(sharded)
    assert not broken, broken[:20]


def briefing_of_each_shard(site: Path) -> list[dict]:
    """The first briefing (its data) of each shard, by the shard's first month."""
    firsts = []
    for bundle in shard_bundles(site):
        month = bundle.strip("./").removeprefix("pagefind-")[:7].replace("-", "/")
        firsts.append(json.loads(sorted((site / month).glob("*.json"))[0].read_text("utf-8")))
    return firsts


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make browser)")
def test_search_finds_a_briefing_of_every_shard(sites):
    _, sharded, _ = sites
    from .test_browser import SCREENSHOTS, Tab, search

    with chromium() as browser, serve_directory(sharded) as url:
        tab = Tab(browser)
        for data in briefing_of_each_shard(sharded):
            tab.page.goto(url)
            search(data["title"], tab.page)
            hrefs = [link.get_attribute("href") for link in tab.page.locator(".pagefind-ui__result-link").all()]
            # a hit opens the briefing at its matching sentence ('…/#s18')
            assert any(href.split("#")[0].endswith("/" + data["permalink"]) for href in hrefs), (data["title"], hrefs)
            SCREENSHOTS.mkdir(exist_ok=True)
            tab.page.screenshot(path=str(SCREENSHOTS / "sharded-search.png"))
        assert tab.errors == []
        tab.context.close()


def test_a_failing_shard_fails_the_build_naming_it_and_leaves_no_folder(sites, tmp_path):
    """A hand-written page in a month folder belongs to that month's shard: its broken
    link fails the shard's strict build, and so the whole build."""
    project = tmp_path / "project"
    shutil.copytree(sites[0].parent / "project", project)  # the corpus, its cache, shard_size: 4
    month = sorted((project / "briefings").glob("[0-9]*/[0-9]*/index.md"))[0].parent
    (month / "notes.md").write_text("# Notes\n\nSee [this](missing.md).\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "the build of shard" in result.stderr and "missing.md" in result.stderr, result.stderr[-2000:]
    assert not list(tmp_path.glob(".site-shard-*"))
