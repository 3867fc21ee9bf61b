"""Rendering: briefing data in, Markdown pages out (no I/O beyond loading templates).

Article text is data, never markup: every value a template prints is escaped for
Markdown and HTML unless it is marked as already rendered (`Markup`), so a title
holding `<script>`, `[x](y)`, `|` or `{{ }}` reads as written and runs nothing.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .dates import readable

# Characters that Markdown, its extensions or HTML could read as syntax.
SPECIAL = "&<>*_`[]!\\|{}~^=:#$+-.()\"'@"
ESCAPES = {ord(c): f"&#{ord(c)};" for c in SPECIAL}


WHITESPACE = re.compile(r"\s+")
SAFE_PATH = re.compile(r"[\w/.-]*", re.ASCII)


def escape_markdown(value: object) -> str:
    return _escape("" if value is None else str(value))


@lru_cache(maxsize=65536)
def _escape(text: str) -> str:
    # Names, dates and titles repeat across thousands of pages: escape each once.
    return WHITESPACE.sub(" ", text).translate(ESCAPES)


def finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    return escape_markdown(value)


def yaml_string(value: object) -> Markup:
    """A front-matter scalar: JSON strings are valid YAML and escape everything."""
    return Markup(json.dumps("" if value is None else " ".join(str(value).split()), ensure_ascii=False))


def make_environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        finalize=finalize,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = yaml_string
    env.filters["number"] = format_number
    env.filters["safe_path"] = safe_path
    env.filters["slug"] = slug
    env.filters["meta"] = meta_string
    env.filters["readable"] = readable
    return env


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.2f}"


def render_page(template: str, env: Environment, **context) -> str:
    return env.get_template(template).render(**context)


def safe_path(value: str) -> Markup:
    """A link target the generator made itself (slugified): printed as is."""
    if not SAFE_PATH.fullmatch(value):
        raise ValueError(f"unsafe link target {value!r}")
    return Markup(value)


def slug(value: object) -> Markup:
    """An anchor id made from text: lowercase ASCII letters, digits and dashes only."""
    text = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    return Markup(text or "x")


def meta_string(value: object) -> Markup:
    """A front-matter value that the theme prints into HTML as it is (title, description,
    tags): HTML-escaped first, so it reads as written and never becomes markup. The
    apostrophe stays as written: the tags plugin makes a tag's URL from its text, and
    "People&#x27;s" gave the slug "peoplex27s"; the theme quotes attributes with '"'."""
    return yaml_string(html.escape("" if value is None else str(value), quote=False).replace('"', "&quot;"))
