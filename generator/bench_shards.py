"""The benchmark of a site in shards: the same project's `mkdocs build` (generation
cached) as one build and in shards of `shard_size` briefings, timed by the wall
clock, with the peak memory of the whole process tree, of the top-level build
alone (with its Pagefind) and of each shard's build (with its Pagefind)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .bench import first_search_kb, folder_mb

SHARD_FOLDER = re.compile(r"-shard-([0-9]{4}-[0-9]{2})")


@dataclass
class SiteRun:
    seconds: float
    peak_mb: float  # the whole tree
    top_mb: float  # the top-level build without its shards' processes
    shard_mb: dict[str, float] = field(default_factory=dict)  # each shard's build


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
    shards = {pid: match.group(1) for pid in tree
              if (match := SHARD_FOLDER.search(commands.get(pid, ""))) and "mkdocs build" in commands[pid]}
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
    text = re.sub(r"\n  - briefings(:\n      shard_size: \d+)?\n", f"\n  - briefings:\n      shard_size: {shard_size}\n",
                  config.read_text("utf-8"))
    config.write_text(text, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(code)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    run = SiteRun(0.0, 0.0, 0.0)
    done = threading.Event()

    def sampler() -> None:
        while not done.wait(0.1):
            sample(process.pid, run)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    output, _ = process.communicate()
    run.seconds = time.perf_counter() - start
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
        rows.append(f"| {'one build' if size == 0 else f'shards of {size}'} | {run.seconds:.1f} s | "
                    f"{run.peak_mb:.0f} MB | {run.top_mb:.0f} MB | {shards or '–'} | {folder_mb(site):.1f} MB | "
                    f"{len(bundles)} | {first_search_kb(site):.0f} kB |")
        print(rows[-1], flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"## The site in shards: `mkdocs build` of {project.name} (generation cached; load average at the end: "
            f"{load})\n\n| build | time | peak memory, all processes | top level | each shard (MB) | site | "
            "search bundles | first search (estimate) |\n|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n")
