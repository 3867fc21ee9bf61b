"""Mermaid `timeline` diagrams from timeline entries. Article text never reaches
Mermaid as syntax: every character that its grammar or HTML reads (`:` separates
events, `#` starts a comment, `;`, `%%`, quotes, angle brackets, backticks that
would close the fence) is written as a Mermaid entity code (`#58;`)."""
from __future__ import annotations

from markupsafe import Markup

SYNTAX = set(':#;%<>&"\'`{}\\|')
EVENT_LENGTH = 48
PERIODS = 4  # more and the text shrinks past reading at page width


def escape_mermaid(text: str, limit: int = EVENT_LENGTH) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "".join(f"#{ord(c)};" if c in SYNTAX else c for c in text)


def timeline_diagrams(periods: list[tuple[str, str, list[str]]], per_period: int = 2) -> list[Markup]:
    """Diagrams of at most PERIODS periods each, in order."""
    return [timeline_diagram(periods[start:start + PERIODS], per_period) for start in range(0, len(periods), PERIODS)]


def timeline_diagram(periods: list[tuple[str, str, list[str]]], per_period: int = 2) -> Markup:
    """Mermaid source for (section, period label, event texts) in order; a section
    starts whenever its name changes; at most `per_period` events each, then "+N more"."""
    lines, section = ["timeline"], None
    for name, label, events in periods:
        if name and name != section:
            lines.append(f"    section {escape_mermaid(name)}")
            section = name
        shown = [escape_mermaid(event) for event in events[:per_period]]
        if len(events) > per_period:
            shown.append(f"+{len(events) - per_period} more")
        lines.append(f"        {escape_mermaid(label)} : " + " : ".join(shown or ["(no text)"]))
    return Markup("\n".join(lines))  # every text in it went through escape_mermaid

