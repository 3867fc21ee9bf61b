"""The build: seeds folder in, briefing pages, data and cross-briefing pages out.

Gathers everything before writing anything (as Pelican's generators do). A seed
that fails is reported with its file and line and skipped; the rest still build,
and a seed that built before keeps its last good briefing, marked stale. Extraction
results are cached by the seed's content and the generator's code, so an unchanged
seed is not parsed again and a changed template re-renders from the cached data;
when nothing at all changed since the last build, nothing is read or rendered.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cache import BuildState, DataCache, code_fingerprint, folder_fingerprint, load_state, save_state, seed_key
from .memo import PageMemo
from .parallel import Executor, default_jobs, extract_many
from .records import BriefingData
from .render import make_environment
from .seeds import SeedError, SeedRegistry, list_ignored, list_seeds, read_bytes, shown
from .sidecar import apply_corrections, find_sidecar, kept_lines, read_sidecar
from .site import page_path, render_site
from .writer import (
    OutputError,
    WriteReport,
    file_intact,
    manifest_digest,
    output_lock,
    outputs_intact,
    read_manifest,
    write_outputs,
)

log = logging.getLogger("briefings")
PROJECT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path = PROJECT / "seeds"
    out: Path = PROJECT / "briefings"
    templates: Path = PROJECT / "templates"
    cache: Path | str | None = PROJECT / ".cache" / "briefings"  # a folder or an fsspec URL
    jobs: int = 0  # extraction processes; 0: one per available core
    executor: Executor = Executor()  # where seeds are extracted: this machine's processes or a Dask cluster
    progress: bool = True  # a progress bar, when stderr is a terminal
    keep_in_memory: bool = False  # keep cached data between builds of one process (mkdocs serve)


@dataclass
class SeedInput:
    path: Path
    key: str = ""  # cache key of its data
    raw: bytes = b""
    error: SeedError | None = None
    sidecar: Path | None = None
    keep: tuple[str, ...] = ()  # lines the sidecar puts back into the text (not furniture)


@dataclass
class BuildReport:
    datas: list[BriefingData] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # ignored files: worth knowing, not failing for
    parsed: int = 0
    cached: int = 0
    kept: int = 0  # pages whose inputs had not changed: not rendered again
    count: int = 0  # briefings on the site
    skipped: bool = False  # nothing changed since the last build: nothing was done
    write: WriteReport = field(default_factory=WriteReport)
    seconds: dict[str, float] = field(default_factory=dict)  # per step, for the benchmark


class _Timer:
    def __init__(self, report: BuildReport):
        self.report, self.last = report, time.perf_counter()

    def step(self, name: str) -> None:
        now = time.perf_counter()
        self.report.seconds[name] = round(now - self.last, 3)
        self.last = now


def build(config: BuildConfig = BuildConfig()) -> BuildReport:
    """One build at a time per output folder: a second waits for the first, then sees
    its result (two at once lost each other's files from the manifest)."""
    try:
        with output_lock(
            config.out,
            lambda holder: log.info(
                "briefings: waiting for the build of process %s to finish with %s", holder, config.out
            ),
        ):
            return _build(config)
    except OutputError as error:  # the folder cannot even be locked: nothing was read or written
        return BuildReport(errors=[str(error)])


def _build(config: BuildConfig) -> BuildReport:
    report = BuildReport()
    timer = _Timer(report)
    inputs = scan_seeds(config.seeds, report)
    fingerprint = inputs_fingerprint(inputs, config)
    state = load_state(config.cache, config.out)
    if config.cache and unchanged_since(state, fingerprint, config.out):
        return replay(state)
    timer.step("scan")
    report.datas = gather(inputs, config, report, state)
    timer.step("gather")
    memo = PageMemo(intact_pages(state, config.out), salt=fingerprint_of_code_and_templates(config))
    files = render_site(report.datas, make_environment(config.templates), report.errors, memo)
    report.kept = memo.kept
    timer.step("render")
    try:
        report.write = write_outputs(config.out, files)
    except OutputError as error:  # no state saved: the next build writes everything again
        report.errors.append(str(error))
        return report
    timer.step("write")
    report.count = len(report.datas)
    for edited in report.write.edited:
        report.errors.append(
            f"{config.out / edited}: changed by hand since it was generated, so it was kept as it "
            "is; put corrections in the seed's corrections file (seeds/<name>.yml) and delete "
            "this file to have it generated again"
        )
    for refused in report.write.refused:
        report.errors.append(
            f"{config.out / refused}: written by hand, so the generator left it as it is; rename the seed or the page"
        )
    save_state(
        config.cache,
        config.out,
        BuildState(
            inputs=fingerprint,
            manifest=report.write.manifest,
            count=report.count,
            errors=report.errors,
            notes=report.notes,
            last_good=state.last_good,
            pages=memo.keys,
        ),
    )
    return report


def scan_seeds(folder: Path, report: BuildReport) -> list[SeedInput]:
    """Every seed's bytes (refusing oversized files unread) and its sidecar."""
    inputs = []
    for path in list_seeds(folder):
        item = SeedInput(path, sidecar=find_sidecar(path))
        item.keep = kept_lines(item.sidecar)
        try:
            item.raw = read_bytes(path)
            item.key = seed_key(path.name, item.raw, item.keep)
        except SeedError as error:
            item.error = error
        except OSError as error:
            item.error = SeedError(path, f"cannot be read ({error.strerror}); check its permissions")
        inputs.append(item)
    report.notes += [f"{shown(path)}: {reason}, so it was ignored" for path, reason in list_ignored(folder)]
    seeds = {item.path.stem for item in inputs}
    report.notes += [
        f"{shown(path)}: corrections for a seed that is not there ({path.stem}.txt), so they were ignored"
        for path in sorted(folder.glob("*.y*ml"))
        if path.stem not in seeds
    ]
    return inputs


def fingerprint_of_code_and_templates(config: BuildConfig) -> str:
    return f"{code_fingerprint(False)}\0{folder_fingerprint(config.templates)}"


def intact_pages(state: BuildState, out: Path) -> dict[str, str]:
    """The last build's page keys, for the pages still on disk as it wrote them
    (none if that build did not finish: its manifest is not the one on disk)."""
    if state.manifest != manifest_digest(out):
        return {}
    manifest = read_manifest(out)
    return {path: key for path, key in state.pages.items() if file_intact(out, path, manifest.get(path))}


def inputs_fingerprint(inputs: list[SeedInput], config: BuildConfig) -> str:
    digest = hashlib.sha256(fingerprint_of_code_and_templates(config).encode())
    for item in inputs:
        digest.update(f"\0{item.path.name}\0{item.key}\0{item.error}".encode())
        if item.sidecar:
            digest.update(item.sidecar.name.encode() + b"\0" + item.sidecar.read_bytes())
    return digest.hexdigest()


def unchanged_since(state: BuildState, fingerprint: str, out: Path) -> bool:
    """The same inputs as the last build, and its outputs still as it left them."""
    return state.inputs == fingerprint and state.manifest == manifest_digest(out) and outputs_intact(out)


def replay(state: BuildState) -> BuildReport:
    return BuildReport(
        errors=list(state.errors), notes=list(state.notes), count=state.count, skipped=True, cached=state.count
    )


def gather(inputs: list[SeedInput], config: BuildConfig, report: BuildReport, state: BuildState) -> list[BriefingData]:
    """Each seed's data from the cache or from extraction, corrected by its sidecar;
    a failed seed falls back to its last good data, marked stale."""
    cache = DataCache(config.cache, in_memory=config.keep_in_memory)
    results: dict[Path, BriefingData | Exception] = {}
    work = []
    for item in inputs:
        cached = None if item.error else cache.load(item.key)
        if item.error:
            results[item.path] = item.error
        elif cached is not None:
            results[item.path] = cached
            report.cached += 1
        else:
            work.append((item.path, item.raw, item.keep))
    keys = {item.path: item.key for item in inputs}
    extracted = extract_many(work, config.jobs or default_jobs(), config.executor)
    for path, result in _with_progress(extracted, len(work), config):
        if not isinstance(result, Exception):
            cache.save(keys[path], result)
            report.parsed += 1
        results[path] = result
    state.last_good = {name: key for name, key in state.last_good.items() if (config.seeds / name).exists()}
    settled = []
    for item in inputs:  # in file order, whatever order the workers finished in
        data = _settle(item, results[item.path], cache, state, report)
        if data is not None:
            settled.append((item.path, data))
    cache.forget_unused()
    return drop_duplicates(settled, report)


def _settle(
    item: SeedInput, result: BriefingData | Exception, cache: DataCache, state: BuildState, report: BuildReport
) -> BriefingData | None:
    if isinstance(result, Exception):
        message = str(result) if isinstance(result, SeedError) else f"{shown(item.path)}: could not process: {result}"
        report.errors.append(message)
        last_good = cache.load(state.last_good.get(item.path.name, ""))
        if last_good is None:
            return None
        result = {**last_good, "stale": message}
    else:
        state.last_good[item.path.name] = item.key
        for part in result.get("incomplete", ()):
            report.notes.append(f"{shown(item.path)}: built without its {part}; please report this article")
    if item.sidecar:
        try:
            result, problems = apply_corrections(result, read_sidecar(item.sidecar), item.sidecar)
        except SeedError as error:
            problems = [error]
        report.errors.extend(str(problem) for problem in problems)
    return result


def drop_duplicates(settled: list[tuple[Path, BriefingData]], report: BuildReport) -> list[BriefingData]:
    """One briefing per article text and per page path; the first seed (by name) wins."""
    registry, kept = SeedRegistry(), []
    for path, data in settled:
        problem = registry.claim(path, " ".join(data["body"]), page_path(data))
        if problem:
            report.errors.append(problem)
        else:
            kept.append(data)
    return kept


def _with_progress(results, total: int, config: BuildConfig):
    if not config.progress or total < 2 or not sys.stderr.isatty():
        return results
    from tqdm import tqdm

    return tqdm(results, total=total, desc="briefings", unit="seed", file=sys.stderr)
