"""Writing: the only step that touches the output folder.

Writes are atomic (a temporary file, then a rename), skip files whose content is
unchanged (so `mkdocs serve` does not rebuild forever), and delete only files
that the generator itself wrote, as recorded in the manifest.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".briefings-manifest.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # hand-written files left alone


def write_atomic(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(out: Path) -> set[str]:
    try:
        return set(json.loads((out / MANIFEST).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def write_outputs(out: Path, files: dict[str, str]) -> WriteReport:
    """Make `out` hold `files` (relative path -> content) and nothing else the
    generator wrote before."""
    report = WriteReport()
    owned = read_manifest(out)
    kept: set[str] = set()
    for relative, content in sorted(files.items()):
        path = out / relative
        if path.exists() and relative not in owned:
            report.refused.append(relative)
            continue
        kept.add(relative)
        if path.exists() and path.read_text("utf-8") == content:
            report.unchanged.append(relative)
            continue
        write_atomic(path, content)
        report.written.append(relative)
    for relative in sorted(owned - kept):
        path = out / relative
        if path.exists():
            path.unlink()
            report.removed.append(relative)
            _remove_empty_parents(path.parent, out)
    manifest = json.dumps({"files": sorted(kept)}, indent=1) + "\n"
    if (out / MANIFEST).exists() is False or (out / MANIFEST).read_text("utf-8") != manifest:
        write_atomic(out / MANIFEST, manifest)
    return report


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
