"""Validation: a seeds folder in, every problem a build would report about it out
(unreadable seeds, extraction failures, broken or stale corrections, duplicates, two
seeds for one page), without writing a page. It runs the build's own reading,
extraction and corrections, so what fails in the build fails here with the same
message; extracted data comes from the build's cache, so an unchanged seed costs
nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import BuildConfig, BuildReport, gather, scan_seeds
from .cache import BuildState


@dataclass
class CheckReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


DEFAULT_CACHE = BuildConfig().cache


def check_seeds(folder: Path, cache: Path | str | None = DEFAULT_CACHE, jobs: int = 0) -> CheckReport:
    found = BuildReport()
    inputs = scan_seeds(folder, found)
    # A fresh state: a failing seed is a problem here even where the site keeps its last good page.
    gather(inputs, BuildConfig(seeds=folder, cache=cache, jobs=jobs, progress=False), found, BuildState())
    return CheckReport(checked=len(inputs), problems=found.errors, notes=found.notes)
