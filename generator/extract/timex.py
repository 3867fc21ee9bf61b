"""PLACEHOLDER written by the lead engineer so the rest of the pipeline can run:
the timex helper replaces this whole file with the real tagger (same public API)."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    when: str | None = None


def find_timexes(text: str, published: datetime.date) -> list[Timex]:
    return [Timex(m.start(), m.end(), m.group(), "DATE", m.group(), None, m.group())
            for m in re.finditer(r"\b(?:19|20)\d\d\b", text)]
