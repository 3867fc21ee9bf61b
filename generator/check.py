"""Validation without extraction: a seeds folder in, every problem a build would
report about it out (unreadable seeds, broken corrections, duplicates, two seeds
for one page), fast enough to run before each commit."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .seeds import SeedError, read_seed
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
    pages: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for item in inputs:
        try:
            if item.error:
                raise item.error
            seed = read_seed(item.path)
            if item.sidecar:
                read_sidecar(item.sidecar)
        except SeedError as error:
            report.problems.append(str(error))
            continue
        target = page_path({"id": seed.name, "published": seed.published.isoformat()})
        body = hashlib.sha256(" ".join(seed.body.split()).encode()).hexdigest()
        if body in bodies:
            report.problems.append(f"{item.path}: same text as {bodies[body]}, so only that one is built; "
                                   "delete one of the two seeds")
        elif target in pages:
            report.problems.append(f"{item.path}: its page {target} is already made from {pages[target]}; "
                                   "rename one of the two seeds")
        else:
            bodies[body], pages[target] = item.path.name, item.path.name
    return report
