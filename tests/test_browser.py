"""What a reader does, in headless Chromium (Debian's package, driven by Playwright)
against the site built by `mkdocs build` and served on 127.0.0.1, and against
`mkdocs serve`. Screenshots go to tests/screenshots/ for a person to look at."""

from __future__ import annotations

import re
import time

import pytest

from .browser import CHROMIUM, OPEN_SHADOW_ROOTS, build_site, chromium, copy_project, serve_directory, serve_mkdocs
from .conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make browser)"),
]

BRIEFING = "2023/05/000_cbfe35416636920c/"
SCREENSHOTS = ROOT / "tests" / "screenshots"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    project = copy_project(ROOT, tmp_path_factory.mktemp("browser-project"))
    with serve_directory(build_site(project)) as url:
        yield url


class Tab:
    """A page that remembers console errors, failed requests and script errors."""

    def __init__(self, browser, size="desktop", scheme="light"):
        self.context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
        self.page = self.context.new_page()
        self.page.add_init_script(OPEN_SHADOW_ROOTS)
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # A load cut short because the page navigated or reloaded (live reload) is not a failure.
        self.page.on(
            "requestfailed",
            lambda request: (
                request.failure != "net::ERR_ABORTED"
                and self.errors.append(f"failed: {request.url} ({request.failure})")
            ),
        )


@pytest.fixture
def tab(browser):
    tab = Tab(browser)
    yield tab
    tab.context.close()


def test_search_for_mishustin_lists_briefing_and_actor_page(tab, site_url):
    page = tab.page
    fetched: dict[str, int] = {}
    page.on("requestfinished", lambda request: fetched.__setitem__(request.url, request.sizes()["responseBodySize"]))
    page.goto(f"{site_url}{BRIEFING}")  # a page two folders down: the search finds its way to the index
    page.wait_for_load_state("networkidle")
    assert not any("/pagefind/" in url for url in fetched), "the index is fetched before anyone searches"
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").wait_for()
    page.keyboard.type("Mishustin", delay=30)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    page.wait_for_timeout(500)
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert any(BRIEFING in href for href in hrefs), hrefs
    assert any("actors/mikhail-mishustin/" in href for href in hrefs), hrefs
    assert not any("timeline/" in href or "tags/" in href for href in hrefs), "pages that only list others"
    search_bytes = sum(size for url, size in fetched.items() if "/pagefind/" in url)
    assert 0 < search_bytes < 1_000_000, search_bytes
    page.screenshot(path=str(SCREENSHOTS / "search-desktop.png"))
    page.locator(".pagefind-ui__result-link[href*='actors/mikhail-mishustin/']").first.click()
    page.wait_for_url(re.compile(r"actors/mikhail-mishustin/"))
    assert page.locator("h1").inner_text().startswith("Mikhail Mishustin")
    assert tab.errors == []


def test_search_can_be_linked(tab, site_url):
    page = tab.page
    page.goto(site_url + "timeline/?q=Mishustin")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    hrefs = [link.get_attribute("href") for link in page.locator(".pagefind-ui__result-link").all()]
    assert any(BRIEFING in href for href in hrefs), hrefs
    page.locator(".pagefind-ui__search-input").fill("")
    page.keyboard.type("Novak", delay=30)
    page.wait_for_function("() => location.search === '?q=Novak'")
    assert tab.errors == []


def test_search_hit_lands_on_the_matching_sentence_deep_in_the_article(tab, site_url):
    page = tab.page
    page.goto(site_url + "about/")
    search("multipolar crusade", page)
    hit = page.locator(f".pagefind-ui__result-link[href*='{BRIEFING}']").first
    assert re.search(r"#s\d+$", hit.get_attribute("href")), hit.get_attribute("href")
    page.screenshot(path=str(SCREENSHOTS / "search-hit-results.png"))
    hit.click()
    page.wait_for_url(re.compile(BRIEFING + r"#s\d+$"))
    sentence = page.locator("#" + page.url.split("#")[1])
    assert "multipolar world" in sentence.inner_text()
    page.wait_for_timeout(300)
    box, height = sentence.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, box
    assert page.evaluate("scrollY") > 2 * height  # deep in the page: it scrolled there
    assert page.locator("dialog.site-search[open]").count() == 0
    assert sentence.evaluate("element => getComputedStyle(element).outlineStyle") == "solid"
    assert sentence.evaluate("element => getComputedStyle(element).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(SCREENSHOTS / "search-hit-sentence.png"))
    assert tab.errors == []


def test_actor_page_links_each_briefing_to_the_mention(tab, site_url):
    page = tab.page
    page.goto(site_url + "actors/mikhail-mishustin/")
    page.locator("article a", has_text="mention").first.click()
    page.wait_for_url(re.compile(BRIEFING + r"#s\d+$"))
    anchor = page.url.split("#")[1]
    assert "Mishustin" in page.locator(f"#{anchor}").inner_text()


def test_search_merges_the_shards_of_a_large_site(tab, tmp_path):
    """At 10,000 briefings the index is built in shards (Pagefind's memory); here the
    shard size is made small enough to split this site's pages four ways or more."""
    project = copy_project(ROOT, tmp_path)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("\n  - briefings\n", "\n  - briefings:\n      search_shard_pages: 100\n"), "utf-8"
    )
    site = build_site(project)
    shards = sorted(path.name for path in site.glob("pagefind*"))
    assert len(shards) >= 4 and (site / "pagefind" / "shards.json").exists(), shards
    with serve_directory(site) as url:
        tab.page.goto(url + BRIEFING)
        search("Mishustin", tab.page)
        hrefs = [link.get_attribute("href") for link in tab.page.locator(".pagefind-ui__result-link").all()]
        assert any(BRIEFING in href for href in hrefs), hrefs
        assert any("actors/mikhail-mishustin/" in href for href in hrefs), hrefs
        assert tab.errors == []


def test_timeline_entry_lands_on_its_source_sentence(tab, site_url):
    page = tab.page
    page.goto(site_url + "timeline/")
    link = page.locator(f"a[href*='{BRIEFING}#s']", has_text="source sentence").last
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(f"{BRIEFING}#{anchor}$"))
    sentence = page.locator(f"#{anchor}")
    sentence.wait_for()
    page.wait_for_timeout(300)
    assert sentence.evaluate("element => element.matches(':target')")
    assert sentence.evaluate("element => getComputedStyle(element).outlineStyle") == "solid"
    box, height = sentence.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] < height, box
    assert tab.errors == []


def test_actor_page_to_briefing_and_back(tab, site_url):
    page = tab.page
    page.goto(site_url + "actors/mikhail-mishustin/")
    page.locator("article a", has_text="Xi Jinping says").first.click()
    page.wait_for_url(re.compile(BRIEFING))
    assert "Xi Jinping says" in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url(re.compile(r"actors/mikhail-mishustin/$"))
    assert page.locator("h1").inner_text().startswith("Mikhail Mishustin")


def test_tags_page_lists_tags_with_briefing_titles(tab, site_url):
    page = tab.page
    page.goto(site_url + "tags/")
    headings = page.locator("article h2").all_inner_texts()
    assert {"Russia", "China", "Ukraine"} <= {h.strip("¶ \n") for h in headings}, headings
    titles = page.locator("article li a").all_inner_texts()
    assert titles and "None" not in titles, titles
    assert "Xi Jinping says he will support Russia’s “core interests”" in titles
    ids = page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")
    assert all(re.fullmatch(r"tag:[a-z0-9-]+", i) for i in ids) and "tag:korean-peoples-army" in ids, ids


def test_briefing_first_screen_shows_the_story(tab, site_url):
    """On a 1366×900 screen: the headline, the lede, By the numbers and the key quote."""
    page = tab.page
    page.goto(site_url + BRIEFING)
    page.wait_for_load_state("networkidle")
    numbers = page.locator(".admonition", has_text="By the numbers")
    quote = page.locator(".admonition", has_text="Key quote")
    for block in (page.locator("h1"), page.locator(".lede"), numbers, quote):
        box = block.bounding_box()
        assert box and box["y"] < 900, (block, box)
    items = numbers.locator("li").all_inner_texts()
    assert 1 <= len(items) <= 5 and any("190 billion US dollars" in item for item in items), items
    assert all(":" in item and "source" in item for item in items), items  # each says what it measures
    assert "Mishustin" in quote.inner_text()
    assert page.locator(".mermaid").count() == 0
    assert tab.errors == []


def test_phone_tables_keep_every_source_link_on_screen(browser, site_url):
    tab = Tab(browser, "phone")
    try:
        for path in (BRIEFING, "figures/"):
            tab.page.goto(site_url + path)
            tab.page.wait_for_load_state("networkidle")
            boxes = tab.page.locator("article table td a").evaluate_all(
                "links => links.map(a => { const r = a.closest('td').getBoundingClientRect(); "
                "return {left: r.left, right: r.right, text: a.textContent}; })"
            )
            assert boxes, path
            width = SIZES["phone"]["width"]
            off = [b for b in boxes if b["right"] > width + 0.5 or b["left"] < 0]
            assert not off, (path, off[:3])
    finally:
        tab.context.close()


@pytest.mark.parametrize("path", [BRIEFING, "timeline/", "actors/vladimir-putin/", "figures/", ""])
def test_pages_render_without_console_errors(tab, site_url, path):
    page = tab.page
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert tab.errors == []


def test_figures_filter_by_unit(tab, site_url):
    page = tab.page
    page.goto(site_url + "figures/")
    page.select_option("#figure-unit", "USD")
    visible = page.locator("article table tbody tr:visible")
    assert visible.count() >= 1
    units = visible.evaluate_all("rows => rows.map(row => row.cells[1].textContent.trim())")
    assert set(units) == {"USD"}
    page.select_option("#figure-unit", "")
    assert page.locator("article table tbody tr:visible").count() > len(units)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_screenshots_of_briefing_and_timeline(browser, site_url, size, scheme):
    tab = Tab(browser, size, scheme)
    SCREENSHOTS.mkdir(exist_ok=True)
    try:
        for name, path in (("briefing", BRIEFING), ("timeline", "timeline/")):
            tab.page.goto(site_url + path)
            tab.page.wait_for_load_state("networkidle")
            expected = "slate" if scheme == "dark" else "default"
            assert tab.page.locator("body").get_attribute("data-md-color-scheme") == expected
            tab.page.screenshot(path=str(SCREENSHOTS / f"{name}-{scheme}-{size}.png"))
            tab.page.locator(".events").first.scroll_into_view_if_needed()
            tab.page.screenshot(path=str(SCREENSHOTS / f"{name}-events-{scheme}-{size}.png"))
        assert tab.errors == []
    finally:
        tab.context.close()


def test_mkdocs_serve_shows_the_site(browser, tmp_path):
    project = copy_project(ROOT, tmp_path)
    tab = Tab(browser)
    try:
        log = tmp_path / "serve.log"
        with serve_mkdocs(project, watch=True, log=log) as url:
            tab.page.goto(url)
            assert tab.page.locator("h1").inner_text().startswith("News briefings")
            tab.page.locator("article a", has_text="Timeline").first.click()
            tab.page.wait_for_url(re.compile(r"timeline/$"))
            tab.page.locator("ul.events li").first.wait_for(timeout=15000)
            entry = url + "pagefind/pagefind-entry.json"
            first_index = settled_index(tab.page, entry)
            # Saving a seed updates its page while the server runs.
            seed = project / "seeds" / "000_cbfe35416636920c.txt"
            seed.write_text(seed.read_text("utf-8") + "\nThe ministers met again on Thursday in Shanghai.\n", "utf-8")
            deadline = time.monotonic() + 120
            while "met again on Thursday" not in tab.page.request.get(url + BRIEFING).text():
                assert time.monotonic() < deadline, "the saved seed never reached the served page"
                time.sleep(0.5)
            time.sleep(8)  # a rebuild set off by the generator's own writes would start by now
            builds = log.read_text().count("Building documentation")
            assert builds == 2, f"{builds - 1} rebuilds for one saved seed:\n{log.read_text()[-2000:]}"
            # Search is indexed in the background after each rebuild: search once the new index is in place.
            settled_index(tab.page, entry, unlike=first_index)
            search("Mishustin", tab.page, index=entry)
            hrefs = [link.get_attribute("href") for link in tab.page.locator(".pagefind-ui__result-link").all()]
            assert any(BRIEFING in href for href in hrefs), hrefs
            assert tab.errors == []
    finally:
        tab.context.close()


def settled_index(page, entry: str, unlike: str | None = None) -> str:
    """The search index's entry file once it is there (and, with `unlike`, once it is no
    longer that one: the index of the last rebuild has replaced the one before)."""
    deadline = time.monotonic() + 120
    while True:
        response = page.request.get(entry)
        if response.status == 200 and response.text() != unlike:
            return response.text()
        assert time.monotonic() < deadline, "no new search index" if unlike else "no search index"
        page.wait_for_timeout(500)


def search(query: str, page, index: str | None = None) -> None:
    """Open the search dialog with its key, type, and wait for the first result."""
    if index:  # under `mkdocs serve` the index is written a few seconds after the last rebuild
        deadline = time.monotonic() + 120
        while page.request.get(index).status != 200:
            assert time.monotonic() < deadline, "no search index"
            page.wait_for_timeout(500)
        page.goto(page.url)  # start from a page of the settled site (live reload may be reloading it)
        page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").wait_for()
    page.keyboard.type(query, delay=30)
    page.locator(".pagefind-ui__result-link").first.wait_for()
    page.wait_for_timeout(500)


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[x](javascript:window.__pwned=1)",
    "{{ 7*7 }}",
    "| a | b |",
]


def test_hostile_text_shows_as_written_and_runs_nothing(browser, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(
        f"date 2023-05-25\ntitle Putin speaks {HOSTILE[0]} {HOSTILE[3]}\n"
        f"source {HOSTILE[1]}\ntags {HOSTILE[2]}, {HOSTILE[4]}\n\n"
        f"President Vladimir Putin said on Monday: {HOSTILE[0]} and {HOSTILE[1]}.\n\n"
        f"Moscow said on Tuesday that {HOSTILE[2]} costs 5 million dollars {HOSTILE[3]}.\n\n"
        f"{HOSTILE[4]}\n\n---\n\nPutin added on 3 May 2023 that the talks {HOSTILE[0]} went well.\n",
        "utf-8",
    )
    (tmp_path / "project").mkdir()
    project = copy_project(ROOT, tmp_path / "project", seeds=seeds)
    tab = Tab(browser)
    try:
        with serve_directory(build_site(project)) as url:
            for path in ("", "2023/05/hostile/", "timeline/", "figures/", "tags/", "actors/"):
                tab.page.goto(url + path)
                tab.page.wait_for_load_state("networkidle")
                assert tab.page.evaluate("typeof window.__pwned") == "undefined", path
                assert tab.page.locator("article img[src='x'], article a[href^='javascript:']").count() == 0, path
                scripts = tab.page.locator("article script").evaluate_all("s => s.map(e => e.textContent)")
                assert not any("__pwned" in text for text in scripts), path
            tab.page.goto(url + "2023/05/hostile/")
            search("Putin", tab.page)  # result titles and excerpts come from the hostile text too
            assert tab.page.evaluate("typeof window.__pwned") == "undefined"
            assert tab.page.locator(".pagefind-ui img[src='x'], .pagefind-ui script").count() == 0
            tab.page.keyboard.press("Escape")
            title = tab.page.locator("h1").inner_text()
            assert HOSTILE[0] in title and "{{ 7*7 }}" in title and "49" not in title
            article = tab.page.locator("article").inner_text()
            for piece in HOSTILE:
                assert piece in article, piece
            assert tab.errors == [], tab.errors
    finally:
        tab.context.close()


AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (make browser installs it)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(browser, site_url, scheme):
    """axe-core's WCAG checks (contrast, links told apart from text, names, landmarks)."""
    tab = Tab(browser, "desktop", scheme)
    script = AXE.read_text("utf-8")
    try:
        for path in ("", BRIEFING, "timeline/", "actors/", "actors/xi-jinping/", "figures/", "tags/"):
            tab.page.goto(site_url + path)
            tab.page.wait_for_load_state("networkidle")
            tab.page.add_script_tag(content=script)
            found = tab.page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`)"
            )
            assert found == [], (scheme, path, found)
    finally:
        tab.context.close()
