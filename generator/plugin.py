"""A thin MkDocs adapter: before each build, generate the briefings from seeds/
into docs_dir (writing only what changed) and give MkDocs the year/month
navigation. Under `mkdocs serve`, seeds/ and templates/ are watched too; the
process keeps the NLP pipeline loaded, so a saved seed costs one extraction.

Each seed problem is a warning, so `mkdocs build --strict` fails listing them
all, while a plain build or serve goes on and shows them on the home page."""
from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
import threading
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .build import BuildConfig, build

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    seeds = opt.Type(str, default="seeds")
    templates = opt.Type(str, default="templates")
    cache = opt.Type(str, default=".cache/briefings")
    nav_title = opt.Type(str, default="Briefings")
    jobs = opt.Type(int, default=0)  # extraction processes; 0: one per core
    pagefind = opt.Type(bool, default=False)  # index the built site with Pagefind (pip install 'pagefind[bin]')


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        self.build_config = BuildConfig(seeds=root / self.config.seeds, out=Path(config.docs_dir),
                                        templates=root / self.config.templates, cache=root / self.config.cache,
                                        jobs=self.config.jobs)
        report = build(self.build_config)
        for note in report.notes:
            log.info(note)
        for error in report.errors:
            log.warning(error)  # --strict turns these into a failed build, with the list
        log.info("briefings: %d built (%d parsed, %d cached), %d written, %d removed%s", report.count,
                 report.parsed, report.cached, len(report.write.written), len(report.write.removed),
                 " (nothing changed)" if report.skipped else "")
        if config.nav is None:
            raise PluginError("mkdocs.yml needs a nav with a 'Briefings' entry for the plugin to fill")
        config.nav = [self._fill(item, report.navigation) for item in config.nav]
        return config

    def _fill(self, item, months):
        if isinstance(item, dict) and self.config.nav_title in item:
            return {self.config.nav_title: months or ["index.md"]}
        return item

    def on_post_build(self, config):
        if self.config.pagefind:
            index_with_pagefind(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        # Load the NLP pipeline while the reader browses, so the first saved seed does not wait for it.
        threading.Thread(target=_load_pipeline, daemon=True).start()
        server.watch(str(self.build_config.seeds))
        server.watch(str(self.build_config.templates))
        return server


def _load_pipeline() -> None:
    from .nlp import load_pipeline

    load_pipeline()


def index_with_pagefind(site: Path) -> None:
    """A search index that a browser fetches in small chunks, instead of lunr's one file."""
    if importlib.util.find_spec("pagefind") is None:
        raise PluginError("briefings: pagefind is on but not installed; run: pip install 'pagefind[bin]==1.5.2'")
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind",
                             "--silent"], capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"briefings: pagefind failed: {result.stderr.strip()[-500:]}")
