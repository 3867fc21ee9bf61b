"""The benchmark: a corpus of N seeds made from the project's seeds, built the way
this generator builds (cache, one process per core) and the naive way (no cache,
one process) in the same run; figures and ratios written as Markdown.

Each step runs as a separate command, as a person would run it, timed by the
wall clock, with the peak memory of its whole process tree (workers included).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import big_seed, make_corpus
from .pages.paths import page_path
from .parallel import default_jobs

PROJECT = Path(__file__).resolve().parent.parent
# Under `mkdocs serve` the process keeps the pipeline loaded between builds: time only the build.
WARM = """
import time
from pathlib import Path
from generator.build import BuildConfig, build
from generator.nlp import load_pipeline
load_pipeline()
start = time.perf_counter()
report = build(BuildConfig(seeds=Path("seeds"), out=Path("briefings"), templates=Path("templates"),
                           cache=Path(".cache/briefings"), progress=False))
assert report.parsed == 1 and not report.errors, report.errors
print(time.perf_counter() - start)
"""
# Extraction against spaCy's pipeline alone over the same seeds, one process, model loaded.
RATE = """
import sys
import time
from pathlib import Path
from generator.seeds import seed_from_bytes
seeds = [(path, path.read_bytes()) for path in sorted(Path("seeds").glob("*.txt"))[:int(sys.argv[1])]]
if sys.argv[2] == "spacy":
    from generator.nlp import _load_model
    nlp = _load_model()
    texts = [seed_from_bytes(raw, path).body for path, raw in seeds]
    start = time.perf_counter()
    for text in texts:
        nlp(text)
else:
    from generator.nlp import load_pipeline
    from generator.parallel import extract_data
    load_pipeline()
    start = time.perf_counter()
    for path, raw in seeds:
        extract_data(path, raw)
print(time.perf_counter() - start)
"""
RATE_SEEDS = 100
DASK_WORKERS = 2
# One seed's extraction in a process of its own; prints the CPU seconds it took.
EXTRACT = """
import sys, time
from pathlib import Path
from generator.nlp import load_pipeline
from generator.parallel import extract_data
load_pipeline()
path = Path(sys.argv[1])
start = time.process_time()
extract_data(path, path.read_bytes())
print(time.process_time() - start)
"""
SEED_SIZES_KB = (64, 128, 256, 511)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output: str


def run_measured(command: list[str], cwd: Path) -> Run:
    """Run a command on the code snapshot next to `cwd`; wall time and the peak of
    the summed RSS of its process tree."""
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd.parent / "code")}
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss_mb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:  # the corpus has no bad seed: any error is the benchmark's
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return Run(seconds, peak[0], output)


def tree_rss_mb(root: int) -> float:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as statm:
                rss[int(entry)] = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(pid, 0) for pid in tree) / 1e6


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def make_project(work: Path, count: int) -> Path:
    """A copy of the project's site (mkdocs.yml, templates, hand-written pages) and
    code, taken together so that they match, with N seeds."""
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(work / "code", ignore_errors=True)
    project.mkdir(parents=True)
    make_corpus(PROJECT / "seeds", project / "seeds", count)
    # A snapshot of the code: edits to the working tree during the run must not invalidate the cache.
    shutil.copytree(PROJECT / "generator", work / "code" / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "templates", project / "templates")
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    owned = _owned(PROJECT / "briefings")
    for path in (PROJECT / "briefings").rglob("*"):
        relative = path.relative_to(PROJECT / "briefings")
        if path.is_file() and relative.as_posix() not in owned and not relative.name.startswith("."):
            (project / "briefings" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, project / "briefings" / relative)
    return project


def _owned(out: Path) -> set[str]:
    from .writer import read_manifest

    return set(read_manifest(out))


def _owned_files(out: Path) -> dict[str, str]:
    """The generated files of an output folder and their SHA-256 (from its manifest)."""
    from .writer import read_manifest

    return {name: record[-1] if record else "" for name, record in read_manifest(out).items()}


def bench(count: int, work: Path, jobs: int, naive_too: bool = True, extraction_only: bool = False) -> str:
    """The table of one corpus size; `naive_too=False` skips the naive runs (at
    10,000 seeds they take an hour), leaving the comparison to the 1,000 table;
    `extraction_only` stops after the extraction rows (pool, Dask, spaCy alone)."""
    project = make_project(work, count)
    briefings = [
        sys.executable,
        "-m",
        "generator.cli",
        "build",
        "--seeds",
        "seeds",
        "--templates",
        "templates",
        "--no-progress",
    ]
    fast = [*briefings, "--out", "briefings", "--cache", ".cache/briefings", "--jobs", str(jobs)]
    naive = [*briefings, "--out", str(work / "naive-out"), "--no-cache", "--jobs", "1"]
    rows = []

    def row(name: str, ours: Run, theirs: Run | None, note: str = "") -> None:
        ratio = f"{theirs.seconds / ours.seconds:.1f}×" if theirs else ""
        rows.append(
            f"| {name} | {ours.seconds:.2f} s | {f'{ours.peak_mb:.0f} MB' if ours.peak_mb else ''} | "
            f"{f'{theirs.seconds:.2f} s' if theirs else ''} | "
            f"{f'{theirs.peak_mb:.0f} MB' if theirs and theirs.peak_mb else ''} | {ratio} | {note} |"
        )
        print(rows[-1], flush=True)

    shutil.rmtree(work / "naive-out", ignore_errors=True)
    naive_cold = run_measured(naive, project) if naive_too and not extraction_only else None
    cold = run_measured(fast, project)
    row(
        "cold generation",
        cold,
        naive_cold,
        f"{count / cold.seconds:.1f} articles/s" + (f" vs {count / naive_cold.seconds:.1f}" if naive_cold else ""),
    )
    dask = run_measured(
        [
            *briefings,
            "--out",
            "dask-out",
            "--cache",
            ".cache/briefings-dask",
            "--executor",
            "dask",
            "--jobs",
            str(DASK_WORKERS),
        ],
        project,
    )
    same = "same bytes" if _owned_files(project / "dask-out") == _owned_files(project / "briefings") else "DIFFERENT"
    row(
        f"cold generation, local Dask cluster of {DASK_WORKERS} workers",
        dask,
        cold,
        f"{count / dask.seconds:.2f} articles/s; the other column is the process pool's cold generation "
        f"({jobs} processes) above, not the naive one; output {same}",
    )
    sample = min(count, RATE_SEEDS)
    ours, spacy_alone = (
        run_measured([sys.executable, "-c", RATE, str(sample), kind], project) for kind in ("ours", "spacy")
    )
    ours_seconds, spacy_seconds = float(ours.output.split()[-1]), float(spacy_alone.output.split()[-1])
    row(
        f"extraction of {sample} seeds, one process, model loaded",
        Run(ours_seconds, 0, ""),
        Run(spacy_seconds, 0, ""),
        "the other column is spaCy's pipeline alone (en_core_web_sm) over the same seeds' text, not the naive run: "
        f"extraction takes {ours_seconds / spacy_seconds:.2f}× spaCy's time",
    )
    if extraction_only:
        return _section(count, jobs, rows, "")
    row("no-op regeneration", run_measured(fast, project), naive_cold, "naive = a full rebuild (nothing cached)")
    changed = sorted((project / "seeds").glob("*.txt"))[count // 2]
    changed.write_text(changed.read_text("utf-8") + "\nThe minister said on Monday that talks would resume.\n")
    row("one changed seed", run_measured(fast, project), naive_cold, "a new process: includes loading the model")
    changed.write_text(changed.read_text("utf-8") + "Officials confirmed the figures on Tuesday.\n")
    warm = run_measured([sys.executable, "-c", WARM], project)
    row(
        "one changed seed, warm process",
        Run(float(warm.output.split()[-1]), warm.peak_mb, ""),
        naive_cold,
        "as under `mkdocs serve`: model already loaded",
    )
    with (project / "templates" / "briefing.md.j2").open("a", encoding="utf-8") as template:
        template.write("\n{# benchmark: a changed template #}\n")
    row("one changed template", run_measured(fast, project), naive_cold, "re-renders from cached data")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-d", "site"]
    built = run_measured(mkdocs, project)
    row(
        "`mkdocs build` (generation cached)",
        built,
        Run(built.seconds + naive_cold.seconds, built.peak_mb, "") if naive_cold else None,
        f"site {folder_mb(project / 'site'):.0f} MB, search index included"
        + ("; naive = naive generation + the same MkDocs build" if naive_cold else ""),
    )
    if naive_too:
        serve, full = serve_latency(project, dirty=True), serve_latency(project, dirty=False)
        row(
            "saved seed visible under `mkdocs serve --dirty`",
            Run(serve, 0, ""),
            Run(full, 0, ""),
            "until the page serves the new sentence; naive = `mkdocs serve` (rebuilds every page)",
        )
    return _section(count, jobs, rows, site_sizes(project))


def _section(count: int, jobs: int, rows: list[str], sizes: str) -> str:
    header = (
        "| step | ours | ours peak memory | naive | naive peak memory | speed-up | note |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"## N = {count} seeds, {jobs} jobs, {default_jobs()} cores available (load average at the end: "
        f"{load})\n\n{header}" + "\n".join(rows) + "\n\n" + sizes
    )


def seed_sizes(work: Path, sizes_kb: tuple[int, ...] = SEED_SIZES_KB) -> str:
    """One seed of each size up to the 512 kB limit, of real paragraphs and of one run-on
    sentence, extracted in a process of its own. CPU seconds (which the machine's other
    load does not inflate, unlike the wall time) per 100 kB show whether time is linear."""
    folder = work / "sizes"
    shutil.rmtree(work, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(PROJECT / "generator", work / "code" / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    rows = []
    for kind in ("ordinary", "run-on"):
        for size in sizes_kb:
            path = folder / f"{kind}-{size}.txt"
            path.write_bytes(big_seed(PROJECT / "seeds", kind, size * 1024))
            run = run_measured([sys.executable, "-c", EXTRACT, str(path)], folder)
            cpu = float(run.output.split()[-1])
            rows.append(
                f"| {kind} | {size} kB | {cpu:.1f} s | {cpu / size * 100:.1f} s | {run.seconds:.1f} s | "
                f"{run.peak_mb:.0f} MB |"
            )
            print(rows[-1], flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"## One seed up to the size limit (load average at the end: {load})\n\n"
        "| seed | size | extraction CPU | CPU per 100 kB | wall (with the model load) | peak memory |\n"
        "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def site_sizes(project: Path) -> str:
    site = project / "site"
    parts = {
        "briefing pages": sum(p.stat().st_size for p in site.glob("[0-9]*/*/*/index.html")),
        "briefing data (JSON)": sum(p.stat().st_size for p in site.glob("[0-9]*/*/*.json")),
        "actor pages": sum(p.stat().st_size for p in (site / "actors").rglob("*.html")),
        "timeline, figures, tags, month pages": sum(
            p.stat().st_size
            for pattern in ("timeline/**/*.html", "figures/*.html", "tags/*.html", "[0-9]*/*/index.html")
            for p in site.glob(pattern)
        ),
        "search index (Pagefind)": sum(
            p.stat().st_size for bundle in site.glob("pagefind*") for p in bundle.rglob("*") if p.is_file()
        ),
    }
    parts["theme, home, archive and the rest"] = round(folder_mb(site) * 1e6) - sum(parts.values())
    lines = [
        f"- site: {folder_mb(site):.1f} MB in {sum(1 for p in site.rglob('*') if p.is_file())} files; "
        f"generated Markdown and JSON: {folder_mb(project / 'briefings'):.1f} MB"
    ]
    lines += [f"  - {name}: {size / 1e6:.1f} MB" for name, size in parts.items()]
    first = first_search_kb(site)
    lines.append(
        f"- search: a reader's first search downloads at most about {first:.0f} kB "
        "(Pagefind's UI script and style, its script, WASM, entry and language files, the two largest "
        "index chunks and five result fragments); pages load nothing of it until a search opens"
    )
    return "\n".join(lines) + "\n"


def first_search_kb(site: Path) -> float:
    """An upper estimate of what the browser fetches for one search: the UI, the
    script, WASM and language file once (from the main bundle: the bundles it
    merges are searched by the same instance, as Chromium shows); from every bundle
    its entry, metadata and two largest index chunks; five result fragments."""

    def sizes(bundle: Path, pattern: str) -> list[int]:
        return sorted((p.stat().st_size for p in bundle.glob(pattern)), reverse=True)

    once = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "wasm.*.pagefind")
    size = sum(sum(sizes(site / "pagefind", name)) for name in once)
    fragments = []
    for bundle in site.glob("pagefind*"):
        size += sum(sum(sizes(bundle, pattern)) for pattern in ("pagefind-entry.json", "pagefind.*.pf_meta"))
        size += sum(sizes(bundle, "index/*.pf_index")[:2])
        fragments += sizes(bundle, "fragment/*.pf_fragment")
    return (size + sum(sorted(fragments, reverse=True)[:5])) / 1e3


def serve_latency(project: Path, dirty: bool) -> float:
    """Seconds from saving a seed to `mkdocs serve` serving its page with the new text."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    seed = sorted((project / "seeds").glob("*.txt"))[len(list((project / "seeds").glob("*.txt"))) // 3]
    data_file = next((project / "briefings").glob(f"*/*/{seed.stem}.json"))
    page = page_path(json.loads(data_file.read_text("utf-8")))[:-3] + "/"
    url = f"http://127.0.0.1:{port}/{page}"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project.parent / "code")}
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_text(url, "", 600)
        time.sleep(10)  # a person saves a seed some time after starting the server
        marker = f"Benchmark sentence {time.time_ns()} was added."
        start = time.perf_counter()
        seed.write_text(seed.read_text("utf-8") + f"\n{marker}\n", encoding="utf-8")
        _wait_for_text(url, marker.split()[2], 600)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(30)


def _wait_for_text(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {seconds} s")


# The site in shards: the same project's `mkdocs build` (generation cached) as one
# build and in shards of `shard_size` briefings, timed by the wall clock and in CPU
# time, with the peak memory of the whole process tree, of the top-level build alone
# (with its Pagefind) and of each shard's build (with its Pagefind).
SHARD_FOLDER = re.compile(r"-shard-([0-9]{4}-[0-9]{2})")


@dataclass
class SiteRun:
    seconds: float
    peak_mb: float  # the whole tree
    top_mb: float  # the top-level build without its shards' processes
    shard_mb: dict[str, float] = field(default_factory=dict)  # each shard's build
    cpu_seconds: float = 0.0  # user + system time of all its processes: steadier than wall time on a busy machine


def process_table() -> tuple[dict[int, int], dict[int, float], dict[int, str]]:
    """Parent, resident MB and command line of every process."""
    parents, rss, commands = {}, {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as statm:
                rss[int(entry)] = int(statm.read().split()[1]) * page / 1e6
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                commands[int(entry)] = cmdline.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except (OSError, IndexError, ValueError):
            continue
    return parents, rss, commands


def subtree(root: int, parents: dict[int, int]) -> set[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for pid, parent in parents.items():
        children[parent].append(pid)
    tree, frontier = {root}, [root]
    while frontier:
        for child in children[frontier.pop()]:
            if child not in tree:
                tree.add(child)
                frontier.append(child)
    return tree


def sample(root: int, run: SiteRun) -> None:
    parents, rss, commands = process_table()
    tree = subtree(root, parents)
    shards = {
        pid: match.group(1)
        for pid in tree
        if (match := SHARD_FOLDER.search(commands.get(pid, ""))) and "mkdocs build" in commands[pid]
    }
    in_shards = set()
    for pid, name in shards.items():
        mine = subtree(pid, parents)
        in_shards |= mine
        run.shard_mb[name] = max(run.shard_mb.get(name, 0.0), sum(rss.get(p, 0.0) for p in mine))
    run.peak_mb = max(run.peak_mb, sum(rss.get(p, 0.0) for p in tree))
    run.top_mb = max(run.top_mb, sum(rss.get(p, 0.0) for p in tree - in_shards))


def build_site(project: Path, shard_size: int, code: Path) -> SiteRun:
    """`mkdocs build` of the project with `shard_size` (0: one build)."""
    config = project / "mkdocs.yml"
    text = re.sub(
        r"\n  - briefings(:\n      shard_size: \d+)?\n",
        f"\n  - briefings:\n      shard_size: {shard_size}\n",
        config.read_text("utf-8"),
    )
    config.write_text(text, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(code)}
    start, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-d", "site"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    run = SiteRun(0.0, 0.0, 0.0)
    done = threading.Event()

    def sampler() -> None:
        while not done.wait(0.1):
            sample(process.pid, run)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    output, _ = process.communicate()
    run.seconds = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu_seconds = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
    done.set()
    thread.join()
    if process.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{output[-3000:]}")
    return run


def bench_shards(project: Path, shard_size: int, code: Path) -> str:
    """A Markdown section: one build against shards of `shard_size`."""
    rows = []
    for size in (0, shard_size):
        run = build_site(project, size, code)
        site = project / "site"
        bundles = sorted(path.name for path in site.glob("pagefind*"))
        shards = ", ".join(f"{name} {mb:.0f}" for name, mb in sorted(run.shard_mb.items()))
        name = "one build" if size == 0 else f"shards of {size}"
        rows.append(
            f"| {name} | {run.seconds:.1f} s | {run.cpu_seconds:.1f} s | "
            f"{run.peak_mb:.0f} MB | {run.top_mb:.0f} MB | {shards or '–'} | {folder_mb(site):.1f} MB | "
            f"{len(bundles)} | {first_search_kb(site):.0f} kB |"
        )
        print(rows[-1], flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    seeds = sum(1 for _ in (project / "seeds").glob("*.txt"))
    return (
        f"## The site in shards: `mkdocs build` of {seeds} briefings (generation cached; load average at the end: "
        f"{load})\n\n| build | time | CPU time | peak memory, all processes | top level | each shard (MB) | site | "
        "search bundles | first search (estimate) |\n" + "|---" * 9 + "|\n" + "\n".join(rows) + "\n"
    )
