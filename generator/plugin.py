"""A thin MkDocs adapter: before each build, generate the briefings from seeds/
into docs_dir (writing only what changed) and give MkDocs the year/month
navigation. Under `mkdocs serve`, seeds/ and templates/ are watched too."""
from __future__ import annotations

import logging
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


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        self.build_config = BuildConfig(seeds=root / self.config.seeds, out=Path(config.docs_dir),
                                        templates=root / self.config.templates, cache=root / self.config.cache)
        report = build(self.build_config)
        for error in report.errors:
            log.warning(error)  # --strict turns these into a failed build, with the list
        log.info("briefings: %d built (%d parsed, %d cached), %d written, %d removed", len(report.datas),
                 report.parsed, report.cached, len(report.write.written), len(report.write.removed))
        if config.nav is None:
            raise PluginError("mkdocs.yml needs a nav with a 'Briefings' entry for the plugin to fill")
        config.nav = [self._fill(item, report.navigation) for item in config.nav]
        return config

    def _fill(self, item, months):
        if isinstance(item, dict) and self.config.nav_title in item:
            return {self.config.nav_title: months or ["index.md"]}
        return item

    def on_serve(self, server, config, builder):
        server.watch(str(self.build_config.seeds))
        server.watch(str(self.build_config.templates))
        return server
