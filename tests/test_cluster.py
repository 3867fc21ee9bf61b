"""Extraction on a Dask cluster of two worker processes gives the pages and data of
a build on this machine, byte for byte; a seed that fails there is named and the
others are built (issue 14); a worker killed while it runs a seed costs no seed."""

import os
import shutil
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from generator.build import BuildConfig, build
from generator.cli import main
from generator.parallel import Executor

from .conftest import ROOT
from .test_cache import tree

distributed = pytest.importorskip("distributed")

SEEDS = ("04_north-korea-quasi-war.txt", "08_microsoft-ie6-countdown.txt", "06_botswana-hunting-revenue.txt")
BAD = "zz_no-date.txt"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    work = tmp_path_factory.mktemp("cluster")
    (work / "seeds").mkdir()
    for name in SEEDS:
        shutil.copy(ROOT / "seeds" / name, work / "seeds" / name)
    (work / "seeds" / BAD).write_text("title No date\n\nText.\n", "utf-8")
    return work


def config(project, out: str, **options) -> BuildConfig:
    return BuildConfig(
        seeds=project / "seeds", out=project / out, templates=ROOT / "templates", cache=None, progress=False, **options
    )


@pytest.fixture(scope="module")
def local(project):
    return build(config(project, "local", jobs=1))


@pytest.mark.slow
def test_cluster_build_at_a_scheduler_address_matches_local_build(project, local):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build(config(project, "dask", executor=Executor("dask", cluster.scheduler_address)))
    assert (report.parsed, report.count) == (local.parsed, local.count) == (len(SEEDS), len(SEEDS))
    assert report.errors == local.errors
    assert tree(project / "dask") == tree(project / "local")


@pytest.mark.slow
def test_cluster_failing_seed_is_named_and_the_others_built(project, local):
    report = build(config(project, "dask-local", jobs=2, executor=Executor("dask")))
    assert report.count == len(SEEDS)
    assert len(report.errors) == 1 and BAD in report.errors[0] and "date YYYY-MM-DD" in report.errors[0]
    assert report.errors == local.errors


@pytest.mark.slow
def test_cluster_worker_killed_while_extracting_loses_no_seed(project, local):
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
        ThreadPoolExecutor(1) as runner,
    ):
        running = runner.submit(
            build, config(project, "dask-killed", executor=Executor("dask", cluster.scheduler_address))
        )
        pid, keys = wait_for_a_worker_extracting(client, running)
        os.kill(pid, signal.SIGKILL)
        report = running.result()
        starts = {key: client.run_on_scheduler(times_sent_to_a_worker, key) for key in keys}
    assert (report.parsed, report.count) == (local.parsed, local.count) == (len(SEEDS), len(SEEDS))
    assert report.errors == local.errors
    # The killed worker was running these seeds (they did not finish before the kill): each ran again.
    assert all(count >= 2 for count in starts.values()), starts
    assert tree(project / "dask-killed") == tree(project / "local")


def wait_for_a_worker_extracting(client, running) -> tuple[int, list[str]]:
    """The process id of a worker that is running seeds, and their task keys. The first
    seed of a worker loads the spaCy pipeline, seconds of work, so it is still running
    when the worker is killed right after; the test checks that it was."""
    while not running.done():
        for pid, keys in client.run(executing_tasks).values():
            if keys:
                return pid, keys
        time.sleep(0.05)  # a poll interval, not a guess at how long anything takes
    raise AssertionError(f"the build ended before any worker was seen running a seed: {running.result()}")


def times_sent_to_a_worker(key: str, dask_scheduler) -> int:
    return sum(step.finish == "processing" for step in dask_scheduler.story(key))


def executing_tasks(dask_worker) -> tuple[int, list[str]]:
    return os.getpid(), sorted(task.key for task in dask_worker.state.executing)


def test_cluster_out_of_reach_is_a_clear_error(project, monkeypatch, capsys):
    from generator import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    status = main(
        [
            "build",
            "--seeds",
            str(project / "seeds"),
            "--out",
            str(project / "unreached"),
            "--no-cache",
            "--no-progress",
            "--executor",
            "dask",
            "--scheduler",
            f"tcp://127.0.0.1:{port}",
        ]
    )
    assert status == 2
    assert f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in capsys.readouterr().err


def test_cluster_scheduler_without_dask_executor_is_refused(project, capsys):
    status = main(["build", "--seeds", str(project / "seeds"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert status == 2 and "give --executor dask too" in capsys.readouterr().err
