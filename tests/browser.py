"""Helpers for the browser tests: build a project's site, serve it on 127.0.0.1 and
drive Debian's Chromium with Playwright (no browser download)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")  # on the PATH, else where Debian puts it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PROJECT_FILES = ("mkdocs.yml", "seeds", "templates", "briefings")
# mkdocs-material renders Mermaid into a closed shadow root; opening it lets tests see the SVG.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (options) { return attach.call(this, {...options, mode: "open"}); };
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_project(source: Path, work: Path, seeds: Path | None = None) -> Path:
    for name in PROJECT_FILES:
        path = source / name
        (shutil.copytree if path.is_dir() else shutil.copy)(path, work / name)
    if seeds is not None:
        shutil.rmtree(work / "seeds")
        shutil.copytree(seeds, work / "seeds")
    cache = source / ".cache" / "briefings"
    if cache.is_dir() and seeds is None:  # the project's own seeds: reuse their extraction cache
        shutil.copytree(cache, work / ".cache" / "briefings")
    return work


def mkdocs_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Path) -> Path:
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=mkdocs_env(),
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr}")
    return site


def wait_for(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=2):
                return
        time.sleep(0.3)
    raise TimeoutError(f"no answer from {url} within {seconds} s")


@contextlib.contextmanager
def running(command: list[str], url: str, cwd: Path, seconds: float = 120, log: Path | None = None):
    """Starts a server, waits until `url` answers, yields, then stops that server; its
    messages go to `log` when given."""
    stream = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=cwd, env=mkdocs_env(), stdout=stream, stderr=subprocess.STDOUT)
    try:
        wait_for(url, process, seconds)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            stream.close()


def serve_directory(site: Path):
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    return running(command, f"http://127.0.0.1:{port}/", site)


def serve_mkdocs(project: Path, watch: bool = False, log: Path | None = None):
    """`mkdocs serve`; with `watch`, it also watches files and rebuilds (and pages reload)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
        *([] if watch else ["--no-livereload"]),
    ]
    return running(command, f"http://127.0.0.1:{port}/", project, seconds=300, log=log)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
