"""The benchmark: a corpus of N seeds made from the project's seeds, built the way
this generator builds (cache, one process per core) and the naive way (no cache,
one process) in the same run; figures and ratios written as Markdown.

Each step runs as a separate command, as a person would run it, timed by the
wall clock, with the peak memory of its whole process tree (workers included).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .corpus import make_corpus
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
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env)
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
    shutil.copytree(PROJECT / "generator", work / "code" / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
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


def bench(count: int, work: Path, jobs: int) -> str:
    project = make_project(work, count)
    briefings = [sys.executable, "-m", "generator.cli", "build", "--seeds", "seeds", "--templates", "templates",
                 "--no-progress"]
    fast = [*briefings, "--out", "briefings", "--cache", ".cache/briefings", "--jobs", str(jobs)]
    naive = [*briefings, "--out", str(work / "naive-out"), "--no-cache", "--jobs", "1"]
    rows = []

    def row(name: str, ours: Run, theirs: Run | None, note: str = "") -> None:
        ratio = f"{theirs.seconds / ours.seconds:.1f}×" if theirs else ""
        rows.append(f"| {name} | {ours.seconds:.2f} s | {ours.peak_mb:.0f} MB | "
                    f"{f'{theirs.seconds:.2f} s' if theirs else ''} | "
                    f"{f'{theirs.peak_mb:.0f} MB' if theirs else ''} | {ratio} | {note} |")
        print(rows[-1], flush=True)

    shutil.rmtree(work / "naive-out", ignore_errors=True)
    naive_cold = run_measured(naive, project)
    cold = run_measured(fast, project)
    row("cold generation", cold, naive_cold, f"{count / cold.seconds:.1f} vs {count / naive_cold.seconds:.1f} "
        "articles/s")
    row("no-op regeneration", run_measured(fast, project), naive_cold, "naive = a full rebuild (nothing cached)")
    changed = sorted((project / "seeds").glob("*.txt"))[count // 2]
    changed.write_text(changed.read_text("utf-8") + "\nThe minister said on Monday that talks would resume.\n")
    row("one changed seed", run_measured(fast, project), naive_cold, "a new process: includes loading the model")
    changed.write_text(changed.read_text("utf-8") + "Officials confirmed the figures on Tuesday.\n")
    warm = run_measured([sys.executable, "-c", WARM], project)
    row("one changed seed, warm process", Run(float(warm.output.split()[-1]), warm.peak_mb, ""), naive_cold,
        "as under `mkdocs serve`: model already loaded")
    with (project / "templates" / "briefing.md.j2").open("a", encoding="utf-8") as template:
        template.write("\n{# benchmark: a changed template #}\n")
    row("one changed template", run_measured(fast, project), naive_cold, "re-renders from cached data")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-d", "site"]
    built = run_measured(mkdocs, project)
    index = project / "site" / "search" / "search_index.json"
    row("`mkdocs build` (generation cached)", built, Run(built.seconds + naive_cold.seconds, built.peak_mb, ""),
        f"site {folder_mb(project / 'site'):.0f} MB; naive = naive generation + the same MkDocs build")
    sizes = (f"- site on disk: {folder_mb(project / 'site'):.1f} MB; generated Markdown and JSON: "
             f"{folder_mb(project / 'briefings'):.1f} MB\n"
             f"- search: MkDocs' lunr index `search/search_index.json` is "
             f"{index.stat().st_size / 1e6 if index.exists() else 0:.1f} MB, all downloaded before a first search\n")
    header = ("| step | ours | ours peak memory | naive | naive peak memory | speed-up | note |\n"
              "|---|---|---|---|---|---|---|\n")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"## N = {count} seeds, {jobs} jobs, {default_jobs()} cores available (load average at the end: "
            f"{load})\n\n{header}"
            + "\n".join(rows) + "\n\n" + sizes)
