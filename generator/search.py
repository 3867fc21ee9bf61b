"""Site search with Pagefind: a static index that a browser fetches in small chunks.

Pagefind holds a whole index in memory while it builds it (about 0.4 MB per
page: 4.2 GB at 10,000 briefings), so a large site is indexed in shards of
at most `pages_per_shard` pages, one after the other, and the search page merges
them (`shards.json` in the main bundle lists the others). A sharded site
(generator/pages/shards.py) indexes each of its shards into bundles of their own."""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.briefings")
BUNDLE = "pagefind"
# Pagefind writes three other search interfaces beside the one javascripts/search.js loads
# (pagefind-ui.js and .css): 0.28 MB in every bundle that no page fetches.
UNUSED_UI = (
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
PAGES_PER_SHARD = 4000


class SearchError(Exception):
    pass


def index_site(
    site: Path,
    background: bool = False,
    pages_per_shard: int = PAGES_PER_SHARD,
    bundle: str = BUNDLE,
    folders: list[str] | None = None,
) -> list[str]:
    """Index the built site into site/<bundle>/ (and site/<bundle>-2/… for more
    shards); returns the names of the bundles. Only the pages under `folders` when
    given (a shard of a sharded site indexes its own months). The main bundle lists
    the others in its shards.json."""
    if importlib.util.find_spec("pagefind") is None:
        raise SearchError("briefings: search needs Pagefind; run: pip install 'pagefind[bin]==1.5.2'")
    pages = sorted(
        p
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith(BUNDLE)
        and (folders is None or p.relative_to(site).parent.as_posix().startswith(tuple(folders)))
    )
    shards = max(1, math.ceil(len(pages) / pages_per_shard))
    for stale in site.glob(f"{bundle}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    names = [bundle_name(number, bundle) for number in range(shards)]
    # The main bundle lists the others; written with it, so that no reader meets the one without the other.
    listing = {"shards.json": json.dumps([f"../{name}/" for name in names[1:]]) + "\n"} if bundle == BUNDLE else {}
    if shards == 1 and folders is None:
        _run_pagefind(site, site / bundle, background, listing)
    else:
        for number in range(shards):
            with tempfile.TemporaryDirectory(dir=site.parent, prefix=".pagefind-shard-") as folder:
                for page in pages[number::shards]:  # interleaved: shards of even size
                    _link(page, Path(folder) / page.relative_to(site))
                _run_pagefind(Path(folder), site / names[number], background, listing if number == 0 else {})
    return names


def bundle_name(number: int, bundle: str = BUNDLE) -> str:
    return bundle if number == 0 else f"{bundle}-{number + 1}"


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _run_pagefind(site: Path, output: Path, background: bool, extra: dict[str, str] | None = None) -> None:
    """Index `site` into `output`, with the `extra` files beside the index. The bundle is
    written beside `output` and put in its place whole: under `mkdocs serve` a reader
    searching while the index is rebuilt meets the old bundle or the new, never a part."""
    staged = output.parent / f".{output.name}.new"
    shutil.rmtree(staged, ignore_errors=True)
    try:
        _write_bundle(site, staged, background)
        for name, text in (extra or {}).items():
            (staged / name).write_text(text, "utf-8")
        old = staged.with_suffix(".old")
        shutil.rmtree(old, ignore_errors=True)
        if output.exists():
            output.rename(old)
        staged.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _write_bundle(site: Path, output: Path, background: bool) -> None:
    # Permalinks are not content; pages that only
    # list other pages say so in their front matter (see templates/theme/main.html).
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-path",
            str(output),
            "--exclude-selectors",
            ".headerlink",
            "--force-language",
            "en",
            "--silent",
        ],
        capture_output=True,
        text=True,
        # In the background, indexing yields the cores to the next rebuild.
        preexec_fn=(lambda: os.nice(15)) if background else None,
    )
    if result.returncode != 0:
        raise SearchError(f"briefings: pagefind failed: {result.stderr.strip()[-500:]}")
    for name in UNUSED_UI:
        (output / name).unlink(missing_ok=True)


class BackgroundIndexer:
    """Under `mkdocs serve`: index after each rebuild without holding the reload back.
    It waits for rebuilds to settle (a saved seed rebuilds twice: the generator's own
    writes set off the second); a rebuild during indexing asks for one more run."""

    QUIET_SECONDS = 1.5

    def __init__(self, pages_per_shard: int = PAGES_PER_SHARD):
        self.pages_per_shard = pages_per_shard
        self.lock = threading.Lock()
        self.pending: Path | None = None
        self.requested = 0.0
        self.running = False
        self.busy = False

    def building(self) -> None:
        """A rebuild started (it may empty the site folder): wait for its end."""
        with self.lock:
            self.busy = True

    def request(self, site: Path) -> None:
        with self.lock:
            self.pending, self.requested, self.busy = site, time.monotonic(), False
            if self.running:
                return
            self.running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self.lock:
                wait = self.QUIET_SECONDS if self.busy else self.requested + self.QUIET_SECONDS - time.monotonic()
                site = self.pending if wait <= 0 else None
                if site is not None:
                    self.pending = None
                elif self.pending is None:
                    self.running = False
                    return
            if site is None:
                time.sleep(wait)
                continue
            try:
                index_site(site, background=True, pages_per_shard=self.pages_per_shard)
            except (SearchError, OSError) as error:
                log.warning("%s", error)
