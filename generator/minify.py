"""Whitespace the theme's templates leave in every page: runs of blank lines and
indentation, about a tenth of a briefing page. Text inside <pre>, <textarea>,
<script> and <style> keeps its whitespace; elsewhere a run of whitespace holding a
line break renders the same as a single line break."""
from __future__ import annotations

import re

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
BREAKS = re.compile(r"[ \t\r\f\v]*\n\s*")


def squeeze_whitespace(html: str) -> str:
    parts = KEEP.split(html)
    # split() yields text, whole kept element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        parts[i] = BREAKS.sub("\n", parts[i])
    return "".join(part for i, part in enumerate(parts) if i % 3 != 2)
