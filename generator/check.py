"""Validation without extraction: a seeds folder in, every problem a build would
report about it out (unreadable seeds, broken corrections, duplicates, two seeds
for one page), fast enough to run before each commit."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .seeds import SeedError, SeedRegistry, read_seed
from .sidecar import read_sidecar
from .site import page_path


@dataclass
class CheckReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_seeds(folder: Path) -> CheckReport:
    from .build import BuildReport, scan_seeds

    scanned = BuildReport()
    inputs = scan_seeds(folder, scanned)
    report = CheckReport(checked=len(inputs), notes=scanned.notes)
    registry = SeedRegistry()
    for item in inputs:
        try:
            if item.error:
                raise item.error
            seed = read_seed(item.path)
        except SeedError as error:
            report.problems.append(str(error))
            continue
        if item.sidecar:  # a broken sidecar costs its corrections, not the seed's briefing
            try:
                read_sidecar(item.sidecar)
            except SeedError as error:
                report.problems.append(str(error))
        problem = registry.claim(item.path, seed.body,
                                 page_path({"id": seed.name, "published": seed.published.isoformat()}))
        if problem:
            report.problems.append(problem)
    return report
