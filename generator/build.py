"""The build: seeds folder in, briefing pages, data and cross-briefing pages out.

Gathers everything before writing anything (as Pelican's generators do). A seed
that fails is reported with its file and line and skipped; the rest still build.
Extraction results are cached by the seed's content and the generator's code, so
an unchanged seed is not parsed again and a changed template re-renders from the
cached data.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .briefing import make_briefing
from .data import briefing_data
from .render import make_environment
from .seeds import SeedError, list_seeds, read_seed
from .site import page_path, render_site
from .writer import WriteReport, write_outputs

log = logging.getLogger("briefings")
PROJECT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path = PROJECT / "seeds"
    out: Path = PROJECT / "briefings"
    templates: Path = PROJECT / "templates"
    cache: Path | None = PROJECT / ".cache" / "briefings"


@dataclass
class BuildReport:
    datas: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    parsed: int = 0
    cached: int = 0
    write: WriteReport = field(default_factory=WriteReport)
    navigation: list = field(default_factory=list)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the generator's code or rule data changes."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("generator")
    for path in sorted(Path(str(package)).rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".json", ".jsonl") and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extract(path: Path, config: BuildConfig, report: BuildReport) -> dict | None:
    raw = path.read_bytes()
    key = hashlib.sha256(path.name.encode() + b"\0" + raw).hexdigest()[:24] + "-" + code_fingerprint()
    cached = config.cache / f"{key}.json" if config.cache else None
    if cached and cached.exists():
        report.cached += 1
        return json.loads(cached.read_text("utf-8"))
    seed = read_seed(path)
    from .nlp import load_pipeline  # loading the model is slow: only when a seed needs it

    data = briefing_data(make_briefing(seed, load_pipeline()))
    report.parsed += 1
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return data


def gather(config: BuildConfig, report: BuildReport) -> list[dict]:
    datas, pages, bodies = [], {}, {}
    for path in list_seeds(config.seeds):
        try:
            data = extract(path, config, report)
        except SeedError as error:
            report.errors.append(str(error))
            continue
        except Exception as error:  # one bad seed must not stop the others
            log.exception("Could not process %s", path)
            report.errors.append(f"{path}: could not process: {error}")
            continue
        target = page_path(data)
        body = hashlib.sha256(" ".join(data["body"]).encode()).hexdigest()
        if body in bodies:
            report.errors.append(f"{path}: same text as {bodies[body]}; only the first is built")
            continue
        if target in pages:
            report.errors.append(f"{path}: its page {target} is already made from {pages[target]}; rename one seed")
            continue
        bodies[body], pages[target] = path.name, path.name
        datas.append(data)
    return datas


def build(config: BuildConfig = BuildConfig()) -> BuildReport:
    from .site import navigation

    report = BuildReport()
    report.datas = gather(config, report)
    files = render_site(report.datas, make_environment(config.templates), report.errors)
    report.write = write_outputs(config.out, files)
    report.navigation = navigation(report.datas)
    for refused in report.write.refused:
        report.errors.append(f"{config.out / refused}: written by hand, so the generator left it as it is")
    return report
