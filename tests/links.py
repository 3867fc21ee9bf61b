"""The link check of a built site: every internal link of every HTML page resolves
to a file, and every anchor to an id on its page. Long lists are raw HTML with
published URLs, which MkDocs does not check; a sharded site is merged from several
builds, which MkDocs cannot check."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path


def broken_links(site: Path, root: str = "/") -> list[str]:
    """Links of the built site's pages to a missing file or anchor; `root` is the
    path the site is served under (a link from it, as 404.html has, starts with it)."""
    pages = {path.relative_to(site).as_posix(): path.read_text("utf-8") for path in site.rglob("*.html")}
    ids = {name: set(re.findall(r'\bid="([^"]+)"', html)) for name, html in pages.items()}
    broken = []
    for name, html in pages.items():
        folder = posixpath.dirname(name)
        for href in map(unescape, re.findall(r'<a [^>]*href="([^"]+)"', html)):
            if re.match(r"[a-z]+:|//", href):
                continue
            target, _, anchor = href.partition("#")
            base = folder
            if target.startswith("/"):
                if not target.startswith(root):
                    broken.append(f"{name}: {href} (outside {root})")
                    continue
                base, target = "", target.removeprefix(root) or "."
            resolved = posixpath.normpath(posixpath.join(base, target)) if target else name
            if target.endswith("/") or (site / resolved).is_dir():
                resolved = posixpath.join(resolved, "index.html").removeprefix("./")
            if not (site / resolved).exists():
                broken.append(f"{name}: {href}")
            elif anchor and resolved.endswith(".html") and anchor not in ids[resolved]:
                broken.append(f"{name}: {href} (no such anchor)")
    return broken
