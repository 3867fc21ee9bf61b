"""Extraction of many seeds: (path, bytes, kept lines) in, each seed's briefing
data (or its error) out, in completion order, on this machine's processes or on a
Dask cluster (`cluster.py`), as the build's `Executor` says.

Each worker process loads the spaCy pipeline once; on this machine, a handful of
seeds (an edit under `mkdocs serve`) are extracted in this process instead, where
the pipeline stays loaded between builds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .records import BriefingData
from .seeds import SeedError, seed_from_bytes

# Below this many seeds, starting workers (a model load each) costs more than it saves.
POOL_THRESHOLD = 8
Work = tuple[Path, bytes, tuple[str, ...]]
Result = tuple[Path, BriefingData | Exception]


class ExecutorError(RuntimeError):
    """An executor that cannot run (a scheduler out of reach, a missing package): what to do."""


@dataclass(frozen=True)
class Executor:
    """Where extraction runs: "pool", this machine's processes; "dask", a Dask
    cluster's workers (the scheduler at `scheduler`, or a local cluster of
    processes started for the build when it is None)."""

    kind: Literal["pool", "dask"] = "pool"
    scheduler: str | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_data(path: Path, raw: bytes, keep: tuple[str, ...] = ()) -> BriefingData:
    """One seed's briefing data: read, clean (keeping the lines its corrections put back),
    parse, extract."""
    from .briefing import make_briefing
    from .data import briefing_data
    from .nlp import load_pipeline  # loading the model is slow: only when a seed needs it

    return briefing_data(make_briefing(seed_from_bytes(raw, path), load_pipeline(), keep))


def extract_many(work: list[Work], jobs: int, executor: Executor = Executor()) -> Iterator[Result]:
    """`jobs`: the processes of the pool, or of the local Dask cluster."""
    if executor.kind == "dask":
        from .cluster import extract_on_cluster

        return extract_on_cluster(work, executor.scheduler, jobs)
    return extract_in_pool(work, jobs)


def extract_in_pool(work: list[Work], jobs: int) -> Iterator[Result]:
    if jobs <= 1 or len(work) < POOL_THRESHOLD:
        for path, raw, keep in work:
            yield path, guarded_extract(path, raw, keep)
        return
    # spawn, not fork: `mkdocs serve` runs threads, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=context, initializer=_start_worker) as pool:
        futures = {pool.submit(guarded_extract, path, raw, keep): path for path, raw, keep in work}
        for future in as_completed(futures):
            yield futures[future], future.result()


def guarded_extract(path: Path, raw: bytes, keep: tuple[str, ...] = ()) -> BriefingData | Exception:
    """The data, or the error as a value: one bad seed must not stop the pool."""
    try:
        return extract_data(path, raw, keep)
    except SeedError as error:
        return error
    except Exception as error:  # noqa: BLE001 - reported per seed by the build
        last = traceback.extract_tb(sys.exc_info()[2])[-1]
        return RuntimeError(f"{type(error).__name__}: {error} (at {Path(last.filename).name}:{last.lineno})")


def _start_worker() -> None:
    _die_with_parent()
    _load_pipeline()


def _die_with_parent() -> None:
    """A worker ends when the build that started it is killed (it ran on for minutes,
    holding 255 MB): Linux sends it SIGTERM then (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown still ends workers on a normal exit
    if os.getppid() == 1:  # the build died while this worker was starting, before it could ask
        os._exit(1)


def _load_pipeline() -> None:
    from .nlp import load_pipeline

    load_pipeline()
