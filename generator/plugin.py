"""A thin MkDocs adapter: before each build, generate the briefings from seeds/
into docs_dir (writing only what changed). The navigation is mkdocs.yml's own and
does not grow with the briefings: every page carries it, so a navigation listing
months or briefings would make the site quadratic in size. Under `mkdocs serve`,
seeds/ and templates/ are watched too; the process keeps the NLP pipeline
loaded, so a saved seed costs one extraction.

Each seed problem is a warning, so `mkdocs build --strict` fails listing them
all, while a plain build or serve goes on and shows them on the home page.

A site of more than `shard_size` briefings is built in shards (generator/pages/shards.py):
this build writes the top level and starts one build process per shard."""

from __future__ import annotations

import logging
import os
import threading
import zlib
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from .build import BuildConfig, build
from .feeds import absolute_links
from .minify import minify_html, prune_theme_assets
from .pages.shard_builds import ShardError, ShardRuns, quiet_excluded_links, write_bundle_list
from .pages.shard_tags import add_unbuilt_pages
from .pages.shards import ENV, Shard, built_by_shard, count_by_month, decode_shard, owned_by_top, plan_shards
from .parallel import default_jobs
from .search import PAGES_PER_SHARD, BackgroundIndexer, SearchError, index_site
from .writer import read_manifest

log = logging.getLogger("mkdocs.plugins.briefings")
SHARD_SIZE = 5000


class BriefingsConfig(Config):
    seeds = opt.Type(str, default="seeds")
    templates = opt.Type(str, default="templates")
    cache = opt.Type(str, default=".cache/briefings")
    jobs = opt.Type(int, default=0)  # extraction processes; 0: one per core
    search = opt.Type(bool, default=True)  # index the built site with Pagefind
    search_shard_pages = opt.Type(int, default=PAGES_PER_SHARD)  # pages per Pagefind index (its memory)
    # Above this many briefings, `mkdocs build` builds the site in shards of at most this many
    # (bench/results.md); 0: never. shard_jobs: shard builds at once (0: one per core).
    shard_size = opt.Type(int, default=SHARD_SIZE)
    shard_jobs = opt.Type(int, default=0)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    serving = False
    shard: Shard | None = None  # in a shard's build process: the shard it builds
    runs: ShardRuns | None = None  # in the top-level build of a sharded site: the shards' builds

    def on_startup(self, command, dirty):
        self.serving = command == "serve"
        self.indexer = BackgroundIndexer(self.config.search_shard_pages)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.serving:
            self.indexer.building()
            if getattr(self, "loader", None):
                # A seed saved while spaCy was still being imported failed with a partly
                # initialized module (an import from two threads at once): wait for it.
                self.loader.join()
        root = Path(config.config_file_path).resolve().parent
        self.build_config = BuildConfig(
            seeds=root / self.config.seeds,
            out=Path(config.docs_dir),
            templates=root / self.config.templates,
            cache=root / self.config.cache,
            jobs=self.config.jobs,
            keep_in_memory=self.serving,
        )
        self.parked: dict[str, bytes] = {}
        if os.environ.get(ENV):  # a shard's build: the top-level build has generated the pages
            self.shard = decode_shard(os.environ[ENV])
            self.generated = {path for path in read_manifest(self.build_config.out) if path.endswith(".md")}
            return config
        self._generate()
        plan = [] if self.serving else plan_shards(count_by_month(self.generated), self.config.shard_size)
        if plan:
            log.info(
                "briefings: %d briefings, more than %d: building %d shards beside the top level",
                sum(count_by_month(self.generated).values()),
                self.config.shard_size,
                len(plan),
            )
            self.runs = ShardRuns(
                plan,
                Path(config.config_file_path),
                Path(config.site_dir),
                config.strict,
                self.config.shard_jobs or default_jobs(),
            )
        return config

    def _generate(self) -> None:
        report = build(self.build_config)
        self.generated = {path for path in read_manifest(self.build_config.out) if path.endswith(".md")}
        for note in report.notes:
            log.info(note)
        for error in report.errors:
            log.warning(error)  # --strict turns these into a failed build, with the list
        steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in report.seconds.items())
        log.info(
            "briefings: %d built (%d parsed, %d cached), %d written, %d removed%s",
            report.count,
            report.parsed,
            report.cached,
            len(report.write.written),
            len(report.write.removed),
            " (nothing changed)" if report.skipped else f" ({steps})",
        )

    def on_files(self, files, config):
        """Each build of a sharded site writes only its own files; the others stay
        known, so that links to them get the URLs of a single build."""
        if self.shard is None and self.runs is None:
            return files
        quiet_excluded_links()
        for file in files:
            if not (built_by_shard(file.src_uri, self.shard) if self.shard else owned_by_top(file.src_uri)):
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def on_nav(self, nav, config, files):
        if self.runs is not None:  # the tags page lists the shards' briefings too
            count = add_unbuilt_pages(files, config, lambda uri: not owned_by_top(uri))
            log.info("briefings: the tags page lists %d briefings of the shards", count)
        return nav

    def on_env(self, env, config, files):
        # MkDocs dates every page (the sitemap's lastmod, the sitemap.gz header) by the
        # day of the build, so two builds of the same seeds differed. A briefing is
        # dated by its article; any other page by the newest article.
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        dates = [str(page.meta["date"]) for page in pages if page.meta.get("date")]
        newest = max(dates, default="1970-01-01")
        for page in pages:
            page.update_date = str(page.meta.get("date") or newest)
        return env

    # MkDocs converts every page before it writes any, holding all of their HTML at
    # once: at 10,000 briefings that is most of its memory. The generated pages' HTML
    # waits compressed until its page is written (hand-written pages, such as the tags
    # page that the tags plugin fills in later, are left alone).
    @event_priority(-100)
    def on_page_content(self, html, page, config, files):
        if page.file.src_uri not in self.generated:
            return html
        self.parked[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        # Page.title is read from the Markdown: kept before the Markdown goes, since the
        # tags page lists this page by it later (it showed "None").
        page.title = page.title
        page.markdown = None  # converted; nothing reads it again
        return ""

    @event_priority(100)
    def on_page_context(self, context, page, config, nav):
        parked = self.parked.pop(page.file.src_uri, None)
        if parked is not None:
            page.content = zlib.decompress(parked).decode("utf-8")
        return context

    def on_post_page(self, output, page, config):
        if page.file.src_uri in self.generated:
            page.content = None  # written: let it go
        return minify_html(output)

    def on_post_template(self, output_content, template_name, config):
        # The theme's static pages (404.html) are written without on_post_page.
        return minify_html(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config):
        prune_theme_assets(Path(config.site_dir))
        feed = Path(config.site_dir) / "feed.xml"
        if config.site_url and feed.is_file():  # feed readers need absolute links
            feed.write_text(absolute_links(feed.read_text("utf-8"), config.site_url), "utf-8")
        site = Path(config.site_dir)
        if self.serving and self.config.search:
            # The page a reader saved is served at once; the index follows in a few seconds.
            self.indexer.request(site)
            return
        try:
            bundles = self._index(site)
            if self.runs is not None:
                bundles += self.runs.finish()
                if self.config.search:
                    write_bundle_list(site, bundles[1:])
        except (SearchError, ShardError) as error:
            raise PluginError(str(error)) from error

    def _index(self, site: Path) -> list[str]:
        if not self.config.search:
            return []
        if self.shard is not None:
            return index_site(
                site,
                pages_per_shard=self.config.search_shard_pages,
                bundle=self.shard.bundle,
                folders=list(self.shard.months),
            )
        return index_site(site, pages_per_shard=self.config.search_shard_pages)

    def on_build_error(self, error):
        if self.runs is not None:  # let no shard build outlive this one
            self.runs.cancel()

    def on_serve(self, server, config, builder):
        # Load the NLP pipeline while the reader browses, so the first saved seed does not wait for it.
        self.loader = threading.Thread(target=_load_pipeline, daemon=True)
        self.loader.start()
        server.watch(str(self.build_config.seeds))
        server.watch(str(self.build_config.templates))
        watch_hand_written(server, Path(config.docs_dir))
        return server


def watch_hand_written(server, docs: Path) -> None:
    """MkDocs rebuilds on any change in docs_dir, the generator's own writes included: each
    saved seed cost a second rebuild and reload. Files the generator owns (its manifest),
    its records and temporary files are ignored; a hand-written page still rebuilds.
    (LiveReloadServer offers no filter: this replaces its docs_dir handler, MkDocs 1.6.)"""
    import watchdog.events

    docs = docs.resolve()

    def changed(event) -> None:
        if event.is_directory:
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or event.src_path]
        if all(_generated(docs, Path(path)) for path in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    server.unwatch(str(docs))

    class HandWrittenHandler(watchdog.events.FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            changed(event)

    server.observer.schedule(HandWrittenHandler(), str(docs), recursive=True)


def _generated(docs: Path, path: Path) -> bool:
    try:
        relative = path.resolve().relative_to(docs).as_posix()
    except ValueError:
        return False
    return path.name.startswith(".") or relative in read_manifest(docs)


def _load_pipeline() -> None:
    from .nlp import load_pipeline

    load_pipeline()
