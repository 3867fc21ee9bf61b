"""Bytes of the finished site that no reader sees: unused theme files, comments, numeric
references where a plain character means the same, and the whitespace the theme's
templates leave in every page (runs of blank lines and indentation, about a tenth of
a briefing page). Text inside <pre>, <textarea>, <script> and <style> is left as it
is; elsewhere a run of whitespace holding a line break renders the same as a single
line break."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
BREAKS = re.compile(r"[ \t\r\f\v]*\n\s*")


def _outside_kept(html: str, change) -> str:
    """`html` with `change` applied to its text outside <pre>, <textarea>, <script> and <style>."""
    parts = KEEP.split(html)
    # split() yields text, whole kept element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        parts[i] = change(parts[i])
    return "".join(part for i, part in enumerate(parts) if i % 3 != 2)


def squeeze_whitespace(html: str) -> str:
    return _outside_kept(html, _squeezed)


def _squeezed(text: str) -> str:
    return BREAKS.sub("\n", text)


COMMENT = re.compile(r"<!--.*?-->", re.S)


def drop_comments(html: str) -> str:
    """HTML comments (outside <pre>, <textarea>, <script> and <style>) are notes for
    whoever edits the Markdown, such as the seed a briefing page is generated from:
    no reader sees them."""
    return _outside_kept(html, _uncommented)


def _uncommented(text: str) -> str:
    return COMMENT.sub("", text)


# Characters the generator writes as numeric references so that Markdown reads them as
# text (generator/render.py): in the finished HTML they mean nothing special, and
# "&#46;" for every full stop made a briefing page about 3 % larger. Quotes stay
# escaped inside tags (attribute values), and &, < and > everywhere.
IN_TEXT = frozenset(map(ord, "*_`[]!\\|{}~^=:#$+-.()@\"'"))
IN_TAGS = IN_TEXT - {ord('"'), ord("'")}
TAG_OR_REFERENCE = re.compile(r"(<[^>]*>)|&#(\d+);")


def literal_characters(html: str) -> str:
    return _outside_kept(html, _literals)


def _literals(text: str) -> str:
    return TAG_OR_REFERENCE.sub(_literal, text)


def _literal(match: re.Match) -> str:
    if match[1]:
        return re.sub(r"&#(\d+);", lambda ref: chr(int(ref[1])) if int(ref[1]) in IN_TAGS else ref[0], match[1])
    return chr(int(match[2])) if int(match[2]) in IN_TEXT else match[0]


def minify_html(html: str) -> str:
    """Every page: comments dropped, whitespace squeezed, references made characters, in one pass."""
    return _outside_kept(html, lambda text: _literals(_squeezed(_uncommented(text))))


UNUSED_ASSETS = ("assets/javascripts/lunr", "assets/javascripts/workers")


def prune_theme_assets(site: Path) -> None:
    """mkdocs-material copies its own search (lunr, its language files and worker) and
    source maps into every site: 2 MB that no page of this one loads (search is
    Pagefind's)."""
    for folder in UNUSED_ASSETS:
        shutil.rmtree(site / folder, ignore_errors=True)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
