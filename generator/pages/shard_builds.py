"""Running the shards of a large site and merging what they wrote.

The top-level `mkdocs build` starts one `mkdocs build` process per shard (at most
`jobs` at a time, while it builds the top level itself), each into a folder of its
own beside the site; when all are done, each shard's month folders and search
bundles are moved into the site, their sitemaps merged into the site's, and the
main search bundle told where the shards' bundles are (`pagefind/shards.json`)."""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .shards import ENV, Shard


class ShardError(Exception):
    pass


def shard_folder(site: Path, shard: Shard) -> Path:
    return site.parent / f".{site.name}-shard-{shard.name}"


class ShardRuns:
    """The shards' build processes, started at once, waited for by `finish`."""

    def __init__(self, shards: list[Shard], config_file: Path, site: Path, strict: bool, jobs: int):
        self.shards, self.site = shards, site
        self.failures: list[str] = []
        self.processes: list[subprocess.Popen] = []
        self.cancelled = False
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        self.futures = [self.pool.submit(self._run, shard, config_file, strict) for shard in shards]

    def _run(self, shard: Shard, config_file: Path, strict: bool) -> None:
        folder = shard_folder(self.site, shard)
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--clean",
            "-f",
            str(config_file),
            "-d",
            str(folder),
            *(["--strict"] if strict else []),
        ]
        with self.lock:
            if self.cancelled:
                return
            process = subprocess.Popen(
                command,
                cwd=config_file.parent,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, ENV: shard.encode()},
            )
            self.processes.append(process)
        _, errors = process.communicate()
        if process.returncode != 0 and not self.cancelled:
            with self.lock:
                self.failures.append(f"briefings: the build of shard {shard.name} failed:\n{problems(errors)}")

    def cancel(self) -> None:
        """Stop the shards' builds (the top-level build failed) and remove their folders."""
        with self.lock:
            self.cancelled = True
            for process in self.processes:
                process.terminate()
        self.pool.shutdown(cancel_futures=True)
        for shard in self.shards:
            shutil.rmtree(shard_folder(self.site, shard), ignore_errors=True)

    def finish(self) -> list[str]:
        """Wait for every shard, then merge them into the site; the bundles of search."""
        for future in self.futures:
            future.result()
        self.pool.shutdown()
        try:
            if self.failures:
                raise ShardError("\n".join(self.failures))
            bundles = []
            for shard in self.shards:
                bundles += merge_shard(shard_folder(self.site, shard), self.site, shard)
            merge_sitemaps(self.site, [shard_folder(self.site, shard) for shard in self.shards])
            return bundles
        finally:  # a failed shard leaves no half-built folder beside the site
            for shard in self.shards:
                shutil.rmtree(shard_folder(self.site, shard), ignore_errors=True)


def merge_shard(folder: Path, site: Path, shard: Shard) -> list[str]:
    """Move the shard's own outputs (its month folders, its search bundles) into the
    site; the names of its bundles."""
    for month in shard.months:
        target = site / month
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(folder / month, target)
    bundles = sorted(path.name for path in folder.glob(f"{shard.bundle}*") if path.is_dir())
    for name in bundles:
        shutil.rmtree(site / name, ignore_errors=True)
        os.replace(folder / name, site / name)
    return bundles


def problems(log: str) -> str:
    """A shard's warnings and errors, without its progress lines (the whole log's end
    when it has none, as after a crash)."""
    lines = [line for line in log.splitlines() if not line.startswith(("INFO", "DEBUG"))]
    return "\n".join(lines)[-3000:] if lines else log[-3000:]


URL_ENTRY = re.compile(r"<url>.*?</url>", re.S)


def merge_sitemaps(site: Path, folders: list[Path]) -> None:
    """The site's sitemap lists the shards' pages too (each build lists only its own)."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text("utf-8")
    # One entry per page, the top level's first: each build dates the pages it does not
    # own (the tags page) by its own newest article, so their entries differ.
    entries = {_location(entry): entry for entry in URL_ENTRY.findall(text)}
    for folder in folders:
        if (folder / "sitemap.xml").is_file():
            for entry in URL_ENTRY.findall((folder / "sitemap.xml").read_text("utf-8")):
                entries.setdefault(_location(entry), entry)
    if not entries:  # without site_url, MkDocs lists no page
        return
    head = text[: text.index("<url>")] if "<url>" in text else text[: text.index("</urlset>")]
    merged = head + "\n    ".join(entries[location] for location in sorted(entries)) + "\n</urlset>"
    sitemap.write_text(merged, "utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=0) as packed:
        packed.write(merged.encode("utf-8"))


def _location(entry: str) -> str:
    match = re.search(r"<loc>(.*?)</loc>", entry)
    return match.group(1) if match else entry


class ExcludedLinks(logging.Filter):
    """Each build of a sharded site links to pages another build writes: MkDocs notes
    every such link ("excluded from the built site"), tens of thousands of lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "excluded from the built site" not in record.getMessage()


def quiet_excluded_links() -> None:
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, ExcludedLinks) for f in logger.filters):
            logger.addFilter(ExcludedLinks())


def write_bundle_list(site: Path, bundles: list[str]) -> None:
    """The main search bundle lists every other bundle, for the search box to merge."""
    (site / "pagefind" / "shards.json").write_text(json.dumps([f"../{name}/" for name in bundles]) + "\n", "utf-8")
