"""The build's memory between runs: each seed's extracted data, keyed by the seed's
bytes and the generator's code, and the state of the last build of an output folder
(the fingerprint of its inputs, its errors, and each seed's last good
data), so that a build whose inputs did not change costs a few file reads.

The cache lives in a folder or at an fsspec URL (`store.py`): builds on several
machines can share it, since a key says everything its data depends on.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .records import BriefingData
from .store import Store, open_store

Location = str | Path  # a folder, or a URL fsspec understands

log = logging.getLogger("briefings")

CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".jsonl")
# Code that runs after extraction or around it: editing it keeps the cached data valid.
NOT_EXTRACTION = frozenset(
    {
        "bench.py",
        "build.py",
        "cache.py",
        "check.py",
        "cli.py",
        "cluster.py",
        "corpus.py",
        "evaluate.py",
        "feeds.py",
        "memo.py",
        "minify.py",
        "parallel.py",
        "plugin.py",
        "rating.py",
        "rawhtml.py",
        "render.py",
        "search.py",
        "sidecar.py",
        "site.py",
        "store.py",
        "writer.py",
        "pages",
    }
)


@lru_cache(maxsize=2)
def code_fingerprint(extraction_only: bool = True) -> str:
    """Changes whenever the generator's code or rule data changes (by default only
    the code that extraction runs, which is what cached data depends on)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(str(resources.files("generator")))
    for path in sorted(package.rglob("*")):
        if extraction_only and path.relative_to(package).parts[0] in NOT_EXTRACTION:
            continue
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def folder_fingerprint(folder: Path) -> str:
    """Changes whenever a file in `folder` (templates) is added, removed or edited."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def seed_key(name: str, raw: bytes, keep: tuple[str, ...] = ()) -> str:
    """The cache key of a seed's data: its file name (the briefing's id), bytes, the lines
    its corrections keep in the text, and the code."""
    kept = "".join(f"\0{line}" for line in keep).encode()
    return hashlib.sha256(name.encode() + b"\0" + raw + kept).hexdigest()[:24] + "-" + code_fingerprint()


class DataCache:
    """One JSON file per extracted seed; `location=None` caches nothing. With
    `in_memory`, data once read stays in this process for the next build: under
    `mkdocs serve` each saved seed would otherwise read every other seed's file."""

    _memory: dict[str, BriefingData] = {}  # cache key -> data, shared by the builds of one process

    def __init__(self, location: Location | None, in_memory: bool = False):
        self.store: Store | None = open_store(location) if location is not None else None
        self.in_memory = in_memory and location is not None
        self.used: set[str] = set()

    def load(self, key: str) -> BriefingData | None:
        if self.store is None or not key:
            return None
        if self.in_memory and key in self._memory:
            self.used.add(key)
            return self._memory[key]
        name = f"{key}.json"
        try:
            raw = self.store.read(name)
        except OSError as error:
            log.warning(
                "briefings: could not read the cache file %s/%s (%s); extracting again",
                self.store.location,
                name,
                error,
            )
            return None
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:
            data = None
        if not looks_like_data(data):  # damaged or written by something else: extract again
            log.warning("briefings: discarded a cache file of the wrong shape: %s/%s", self.store.location, name)
            return None
        if self.in_memory:
            self._memory[key] = data
            self.used.add(key)
        return data

    def save(self, key: str, data: BriefingData) -> None:
        if self.store is not None:
            _write_cache(self.store, f"{key}.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def forget_unused(self) -> None:
        """Drop from memory the data of seeds this build did not use (edited or removed)."""
        if self.in_memory:
            for key in set(self._memory) - self.used:
                del self._memory[key]


@dataclass
class BuildState:
    """What the last build of one output folder saw and produced."""

    inputs: str = ""  # fingerprint of seeds, sidecars, templates and code
    manifest: str = ""  # hash of the output manifest it wrote
    count: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    last_good: dict[str, str] = field(default_factory=dict)  # seed file name -> cache key
    pages: dict[str, str] = field(default_factory=dict)  # page -> key of what it was rendered from


def state_name(out: Path) -> str:
    return "state/" + hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16] + ".json"


def state_path(cache: Path, out: Path) -> Path:
    return cache / state_name(out)


DATA_LISTS = ("body", "sentences", "timeline", "actors", "figures", "quotes")


def looks_like_data(data: object) -> bool:
    return (
        isinstance(data, dict)
        and all(isinstance(data.get(key), str) for key in ("id", "published", "title"))
        and all(isinstance(data.get(key), list) for key in DATA_LISTS)
    )


def load_state(cache: Location | None, out: Path) -> BuildState:
    """The last build's state; a damaged state file is discarded (the build starts afresh)."""
    if cache is None:
        return BuildState()
    store = open_store(cache)
    path = f"{store.location}/{state_name(out)}"
    try:
        raw = store.read(state_name(out))
        if raw is None:
            return BuildState()
        state = BuildState(**json.loads(raw.decode("utf-8")))
    except (OSError, ValueError, TypeError):
        log.warning("briefings: discarded an unreadable build state: %s", path)
        return BuildState()
    expected = {f.name: type(getattr(BuildState(), f.name)) for f in fields(BuildState)}
    if not all(isinstance(getattr(state, name), kind) for name, kind in expected.items()):
        log.warning("briefings: discarded a build state of the wrong shape: %s", path)
        return BuildState()
    return state


def save_state(cache: Location | None, out: Path, state: BuildState) -> None:
    if cache is not None:
        _write_cache(
            open_store(cache), state_name(out), json.dumps(asdict(state), ensure_ascii=False, sort_keys=True).encode()
        )


def _write_cache(store, name: str, data: bytes) -> None:
    """The cache only saves time: a full disk or a read-only cache costs the next build that time, not this build."""
    try:
        store.write(name, data)
    except OSError as error:
        log.warning(
            "briefings: the cache could not be written (%s: %s); the build goes on without it",
            name,
            error.strerror or error,
        )
