"""A site to publish and a build to reproduce (issue 13): the project, copied into a
git repository of its own, built with `SITE_URL` under a sub-path as a person would
publish it (`mkdocs build --strict`), then built again from the seeds alone, with no
cache and no generated file, in a second copy."""

import datetime
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.writer import MANIFEST, read_manifest

from .browser import copy_project, mkdocs_env
from .conftest import ROOT
from .links import broken_links

pytestmark = pytest.mark.slow
SITE_URL = "https://example.org/news/"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout


def committed_copy(work: Path) -> Path:
    """The project's files in a repository of their own, committed as they are."""
    project = copy_project(ROOT, work)
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "copy")
    return project


def publish(project: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**mkdocs_env(), "SITE_URL": SITE_URL},
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = committed_copy(tmp_path_factory.mktemp("publish"))
    return project, publish(project)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """A second copy built from the seeds alone: no extraction cache, no generated file."""
    project = committed_copy(tmp_path_factory.mktemp("rebuild"))
    shutil.rmtree(project / ".cache", ignore_errors=True)
    for name in [*read_manifest(project / "briefings"), MANIFEST]:
        (project / "briefings" / name).unlink()
    return project, publish(project)


def briefing_permalinks(site: Path) -> list[str]:
    return sorted(json.loads(path.read_text("utf-8"))["permalink"] for path in site.glob("[0-9]*/[0-9]*/*.json"))


def test_sub_path_every_internal_link_resolves(published):
    _, site = published
    broken = broken_links(site, root="/news/")
    assert not broken, broken[:20]


def test_sub_path_sitemap_lists_every_briefing_dated_by_its_article(published):
    _, site = published
    urls = {
        url.findtext("s:loc", namespaces=SITEMAP): url.findtext("s:lastmod", namespaces=SITEMAP)
        for url in ET.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP)
    }
    assert all(url.startswith(SITE_URL) for url in urls), sorted(urls)[:5]
    permalinks = briefing_permalinks(site)
    assert len(permalinks) == 13
    for path in site.glob("[0-9]*/[0-9]*/*.json"):
        data = json.loads(path.read_text("utf-8"))
        assert urls.get(SITE_URL + data["permalink"]) == data["published"], data["permalink"]
    assert {SITE_URL, SITE_URL + "about/", SITE_URL + "actors/xi-jinping/"} <= set(urls)


def test_sub_path_every_page_has_its_canonical_link(published):
    _, site = published
    missing = []
    for path in site.rglob("index.html"):
        folder = path.parent.relative_to(site).as_posix()
        expected = SITE_URL + ("" if folder == "." else folder + "/")
        if f'<link rel="canonical" href="{expected}">' not in path.read_text("utf-8"):
            missing.append(folder)
    assert not missing, missing[:10]


def test_sub_path_feed_links_are_absolute_and_lead_to_the_pages(published):
    _, site = published
    root = ET.parse(site / "feed.xml").getroot()
    links = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert len(links) == 2 + 13 and all(link.startswith(SITE_URL) for link in links), links
    entries = [entry.find("a:link", ATOM).get("href") for entry in root.findall("a:entry", ATOM)]
    assert sorted(entry.removeprefix(SITE_URL) for entry in entries) == briefing_permalinks(site)
    for entry in entries:
        assert (site / entry.removeprefix(SITE_URL) / "index.html").is_file(), entry


def test_build_leaves_the_project_clean(published):
    project, _ = published
    assert git(project, "status", "--porcelain", "--untracked-files=all") == ""


def test_build_from_the_seeds_alone_gives_the_committed_files(rebuilt):
    """The generated Markdown and JSON, made again without cache, equal the committed ones."""
    project, _ = rebuilt
    assert git(project, "status", "--porcelain", "--untracked-files=all") == ""


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_give_identical_sites(published, rebuilt):
    first, second = file_hashes(published[1]), file_hashes(rebuilt[1])
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_only_dates_in_the_build_are_the_articles(published):
    """Two builds on one day would agree even with the build's date in them: so no file
    may hold today's date, and the sitemap's gzip header holds the newest article's."""
    project, site = published
    published_dates = {json.loads(path.read_text("utf-8"))["published"] for path in site.glob("[0-9]*/[0-9]*/*.json")}
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    if today in published_dates:
        pytest.skip("a seed is dated today")
    # (the generator's own state files, .briefings-*, are neither committed nor published)
    dated = [
        path
        for folder in (site, project / "briefings")
        for path in folder.rglob("*")
        if path.is_file()
        and (path.name == MANIFEST or not path.name.startswith("."))
        and today.encode() in path.read_bytes()
    ]
    assert dated == []
    header_time = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    newest = datetime.datetime.fromisoformat(max(published_dates)).replace(tzinfo=datetime.UTC)
    assert header_time == int(newest.timestamp())
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
