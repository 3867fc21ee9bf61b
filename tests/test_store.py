"""The cache at an fsspec URL: file:// as a folder, memory:// as a filesystem that
is not this machine's disk; writes whole or not at all; bad entries discarded."""

import json
import shutil
import uuid

import fsspec
import pytest

from generator.build import BuildConfig, build
from generator.cache import BuildState, DataCache, load_state, save_state, state_name
from generator.cli import main
from generator.store import CacheStoreError, FsspecStore, LocalStore, open_store

from .conftest import ROOT

SEED = "08_microsoft-ie6-countdown.txt"
DATA = {
    "id": "a",
    "published": "2020-01-01",
    "title": "T",
    "body": [],
    "sentences": [],
    "timeline": [],
    "actors": [],
    "figures": [],
    "quotes": [],
}


@pytest.fixture
def memory_url():
    url = f"memory://briefings-{uuid.uuid4().hex}"
    yield url
    memory = fsspec.filesystem("memory")
    if memory.exists(url):
        memory.rm(url, recursive=True)


def test_store_path_and_file_url_are_local_folders(tmp_path):
    assert isinstance(open_store(tmp_path), LocalStore)
    store = open_store(f"file://{tmp_path}/cache")
    assert isinstance(store, LocalStore) and store.folder == tmp_path / "cache"


def test_store_memory_url_saves_and_loads_data(memory_url):
    cache = DataCache(memory_url)
    assert isinstance(cache.store, FsspecStore)
    assert cache.load("k") is None
    cache.save("k", DATA)
    assert DataCache(memory_url).load("k") == DATA
    assert fsspec.filesystem("memory").ls(memory_url, detail=False) == [f"/{memory_url[9:]}/k.json"]


@pytest.mark.parametrize("content", [b"{}", b"not json", b"\xff\xfe"])
def test_store_memory_url_discards_a_bad_entry_with_a_warning(memory_url, content, caplog):
    fsspec.filesystem("memory").pipe_file(f"{memory_url}/k.json", content)
    assert DataCache(memory_url).load("k") is None
    assert f"discarded a cache file of the wrong shape: {memory_url}/k.json" in caplog.text


def test_store_state_at_a_url(memory_url, tmp_path):
    state = BuildState(inputs="abc", count=2, last_good={"a.txt": "k"})
    save_state(memory_url, tmp_path / "out", state)
    assert load_state(memory_url, tmp_path / "out") == state
    fsspec.filesystem("memory").pipe_file(f"{memory_url}/{state_name(tmp_path / 'out')}", b"[]")
    assert load_state(memory_url, tmp_path / "out") == BuildState()


def test_store_without_whole_uploads_writes_a_temporary_then_moves_it(memory_url):
    store = FsspecStore(fsspec.filesystem("memory"), memory_url[len("memory://") :], memory_url)
    store.whole_uploads = False  # as on a filesystem where a reader could see half a file
    store.write("state/s.json", b'{"a": 1}')
    assert store.read("state/s.json") == b'{"a": 1}'
    assert store.fs.ls(f"{store.root}/state", detail=False) == [f"/{store.root.lstrip('/')}/state/s.json"]


def test_store_unknown_protocol_is_a_clear_error():
    with pytest.raises(CacheStoreError, match="cache nosuch://x: .*nosuch"):
        open_store("nosuch://x")


def test_store_cli_unknown_protocol_exits_2(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    status = main(
        [
            "build",
            "--seeds",
            str(tmp_path / "seeds"),
            "--out",
            str(tmp_path / "out"),
            "--cache",
            "nosuch://x",
            "--no-progress",
        ]
    )
    assert status == 2 and "error: cache nosuch://x" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["file", "memory"])
def test_store_build_reuses_data_cached_at_a_url(tmp_path, memory_url, scheme):
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / SEED, tmp_path / "seeds" / SEED)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    url = f"file://{tmp_path}/cache" if scheme == "file" else memory_url
    config = BuildConfig(
        seeds=tmp_path / "seeds",
        out=tmp_path / "out",
        templates=tmp_path / "templates",
        cache=url,
        jobs=1,
        progress=False,
    )
    first = build(config)
    assert (first.parsed, first.cached, first.errors) == (1, 0, [])
    assert build(config).skipped
    with (tmp_path / "templates" / "briefing.md.j2").open("a", encoding="utf-8") as template:
        template.write("\n{# a changed template #}\n")
    again = build(config)
    assert (again.parsed, again.cached, again.errors) == (0, 1, [])
    if scheme == "file":
        assert len(list((tmp_path / "cache").glob("*.json"))) == 1
        assert json.loads(next((tmp_path / "cache").glob("*.json")).read_text("utf-8"))["id"]
