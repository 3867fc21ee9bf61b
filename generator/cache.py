"""The build's memory between runs: each seed's extracted data, keyed by the seed's
bytes and the generator's code, and the state of the last build of an output folder
(the fingerprint of its inputs, its errors, and each seed's last good
data), so that a build whose inputs did not change costs a few file reads.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__
from .writer import write_atomic

CODE_SUFFIXES = (".py", ".yml", ".yaml", ".json", ".jsonl")
# Code that runs after extraction or around it: editing it keeps the cached data valid.
NOT_EXTRACTION = frozenset({"bench.py", "build.py", "cache.py", "check.py", "cli.py", "corpus.py", "evaluate.py",
                            "feeds.py", "memo.py", "minify.py", "parallel.py", "plugin.py", "rating.py", "rawhtml.py",
                            "render.py", "search.py", "sidecar.py", "site.py", "writer.py", "pages"})


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


def seed_key(name: str, raw: bytes) -> str:
    """The cache key of a seed's data: its file name (the briefing's id), bytes and the code."""
    return hashlib.sha256(name.encode() + b"\0" + raw).hexdigest()[:24] + "-" + code_fingerprint()


class DataCache:
    """One JSON file per extracted seed; `folder=None` caches nothing. With
    `in_memory`, data once read stays in this process for the next build: under
    `mkdocs serve` each saved seed would otherwise read every other seed's file."""

    _memory: dict[str, dict] = {}  # cache key -> data, shared by the builds of one process

    def __init__(self, folder: Path | None, in_memory: bool = False):
        self.folder = folder
        self.in_memory = in_memory and folder is not None
        self.used: set[str] = set()

    def load(self, key: str) -> dict | None:
        if self.folder is None:
            return None
        if self.in_memory and key in self._memory:
            self.used.add(key)
            return self._memory[key]
        try:
            data = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if self.in_memory:
            self._memory[key] = data
            self.used.add(key)
        return data

    def store(self, key: str, data: dict) -> None:
        if self.folder is not None:
            write_atomic(self.folder / f"{key}.json", json.dumps(data, ensure_ascii=False))

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


def state_path(cache: Path, out: Path) -> Path:
    return cache / "state" / (hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16] + ".json")


def load_state(cache: Path | None, out: Path) -> BuildState:
    if cache is None:
        return BuildState()
    try:
        return BuildState(**json.loads(state_path(cache, out).read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return BuildState()


def save_state(cache: Path | None, out: Path, state: BuildState) -> None:
    if cache is not None:
        write_atomic(state_path(cache, out), json.dumps(asdict(state), ensure_ascii=False, sort_keys=True))
