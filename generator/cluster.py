"""Extraction on a Dask cluster: each seed that is not cached is one task (its path,
bytes and kept lines in, its briefing data or its error out), run on workers that
load the spaCy pipeline once each, with their first seed (in a task's thread: a
worker plugin would load it on the worker's event loop, which then misses its
heartbeats for the seconds the load takes). Without a scheduler address, a
local cluster of processes is started for the build and closed after it.

Seeds and the cache need not be on the workers: the build sends each seed's bytes
and files the results itself. The workers need the generator at the build's code:
each task carries the build's code fingerprint, and a worker whose code differs
answers with an error rather than data the cache would file under the wrong key.
A seed that fails is that seed's error; a task whose worker died runs again on
another one (up to the scheduler's `distributed.scheduler.allowed-failures`, 3 by
default), then is the seed's error too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from .cache import code_fingerprint, seed_key
from .parallel import ExecutorError, Result, Work, guarded_extract
from .records import BriefingData

try:
    from distributed import Client, LocalCluster, as_completed, get_worker
except ImportError as missing:
    raise ExecutorError("the dask executor needs dask[distributed]: pip install 'news-briefings[cluster]'") from missing

RETRIES = 2  # for a task that raises on its worker (extraction errors come back as values); not worker deaths
CONNECT_SECONDS = 30
WORKER_WAIT_SECONDS = 120  # for a worker to join a scheduler that has none yet


def extract_on_cluster(work: list[Work], scheduler: str | None, jobs: int) -> Iterator[Result]:
    if not work:
        return
    fingerprint = code_fingerprint()
    with connect(scheduler, jobs) as client:
        # Keyed by content, as the cache is: two builds sending the same seed share one task.
        futures = {
            client.submit(
                extract_on_worker,
                path,
                raw,
                keep,
                fingerprint,
                retries=RETRIES,
                key=f"extract-{seed_key(path.name, raw, keep)}",
            ): path
            for path, raw, keep in work
        }
        for future in as_completed(futures):
            yield futures[future], outcome(future)


def extract_on_worker(path: Path, raw: bytes, keep: tuple[str, ...], fingerprint: str) -> BriefingData | Exception:
    if code_fingerprint() != fingerprint:
        return RuntimeError(
            f"the Dask worker {get_worker().address} runs other generator code than the build "
            f"(code {code_fingerprint()}, the build's {fingerprint}); install the same version "
            "on every worker"
        )
    return guarded_extract(path, raw, keep)


def outcome(future) -> BriefingData | Exception:
    """The task's result; a task that could not run (its workers died) as the seed's error."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - reported per seed by the build
        return RuntimeError(f"lost on the Dask cluster ({type(error).__name__}: {error})")


@contextlib.contextmanager
def connect(scheduler: str | None, jobs: int) -> Iterator[Client]:
    if scheduler is None:
        # One thread per worker: extraction holds the GIL, and each worker process loads one pipeline.
        with (
            LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise ExecutorError(
            f"cannot reach the Dask scheduler at {scheduler} ({error}); start one with "
            "`dask scheduler` and give the address it prints"
        ) from error
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
        except TimeoutError as error:
            raise ExecutorError(
                f"no worker joined the Dask scheduler at {scheduler} within {WORKER_WAIT_SECONDS} s; "
                f"start some with `dask worker {scheduler}`"
            ) from error
        yield client
