"""Writing: the only step that touches the output folder.

Writes are atomic (a temporary file, then a rename), skip files whose content is
unchanged (so `mkdocs serve` does not rebuild forever), and delete only files
that the generator itself wrote, as recorded in the manifest. The manifest is
written before the files too, listing what is about to be written, so that a
build killed half-way still owns its new files and the next build completes it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".briefings-manifest.json"
# Sizes and modification times, for telling untouched files without reading them. They
# differ on every machine, so they stay out of the committed manifest (same seeds, same
# bytes) in a file of their own, which git ignores.
STAT_CACHE = ".briefings-stat.json"
LOCK = ".briefings-lock"
# What write_atomic's temporary files are called ('.story.md.k2j4_x9a.tmp'): one left by a build
# that was killed while writing is removed by the next build.
TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
ADVICE = {
    errno.ENOSPC: "free some space on its disk",
    errno.EDQUOT: "free some space on its disk",
    errno.EROFS: "make the folder writable or build into another one (--out)",
    errno.EACCES: "make the folder writable or build into another one (--out)",
    errno.EPERM: "make the folder writable or build into another one (--out)",
}


class OutputError(Exception):
    """The output folder cannot be written; str() is the one-line message a person sees."""

    @classmethod
    def of(cls, out: Path, error: OSError) -> OutputError:
        from .seeds import shown

        what = Path(error.filename).name if error.filename else ""
        what = what[1:-13] if TEMPORARY.fullmatch(what) else what
        advice = ADVICE.get(error.errno or 0, "check the folder")
        return cls(
            f"{shown(out)}: cannot write{f' {shown(what)}' if what else ''} ({error.strerror or error}); "
            f"{advice}, then build again: the files already there were left as they were"
        )


@contextlib.contextmanager
def output_errors(out: Path) -> Iterator[None]:
    """An OSError of writing `out` (disk full, read-only, a file where a folder must be) as an OutputError."""
    try:
        yield
    except OSError as error:
        raise OutputError.of(out, error) from None


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # hand-written files left alone
    edited: list[str] = field(default_factory=list)  # generated files a person changed since: kept
    manifest: str = ""  # digest of the manifest, for the next build's no-op check


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); a published page must be readable.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def output_lock(out: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Holds the output folder's lock (released by the system if the process dies);
    `waiting` hears the holder's pid when another process has it."""
    with output_errors(out):
        out.mkdir(parents=True, exist_ok=True)
        lock = open(out / LOCK, "a+")  # noqa: SIM115 - closed below, after the build
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            waiting(lock.read().strip() or "unknown")
            fcntl.flock(lock, fcntl.LOCK_EX)
        with output_errors(out):  # the pid is only for a waiting build's message, but a full disk fails it
            lock.seek(0)
            lock.truncate()
            lock.write(str(os.getpid()))
            lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_manifest(out: Path) -> dict[str, list]:
    """Relative path -> [size, mtime_ns, sha256] of every file the generator wrote; [sha256]
    where this machine has no times for it (a fresh clone), [] for a file listed by an
    older or interrupted build."""
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        digests = manifest.get("sha256", {})
        records = {name: [digests[name]] if name in digests else [] for name in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    try:
        stats = json.loads((out / STAT_CACHE).read_text("utf-8"))
        for name, record in records.items():
            stat = stats.get(name)
            if record and isinstance(stat, list) and len(stat) == 2:
                records[name] = [*stat, record[0]]
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return records


def manifest_digest(out: Path) -> str:
    digest = hashlib.sha256()
    for name in (MANIFEST, STAT_CACHE):
        try:
            digest.update((out / name).read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def file_intact(out: Path, relative: str, record: list | None) -> bool:
    """The file is on disk as the generator left it (size and time)."""
    try:
        stat = (out / relative).stat()
    except OSError:
        return False
    return record is not None and len(record) == 3 and [stat.st_size, stat.st_mtime_ns] == record[:2]


def outputs_intact(out: Path) -> bool:
    """Every file of the manifest is on disk as the generator left it."""
    return all(file_intact(out, relative, record) for relative, record in read_manifest(out).items())


def write_outputs(out: Path, files: dict[str, str | bytes | None]) -> WriteReport:
    """Make `out` hold `files` (relative path -> content) and nothing else the
    generator wrote before. None keeps a file the generator wrote, as it is: the
    caller checked that it is intact. Raises OutputError when the folder cannot be written."""
    with output_errors(out):
        return _write_outputs(out, files)


def _write_outputs(out: Path, files: dict[str, str | bytes | None]) -> WriteReport:
    remove_temporaries(out)
    report = WriteReport()
    owned = read_manifest(out)
    kept = {relative for relative in files if relative in owned or not (out / relative).exists()}
    report.refused = sorted(set(files) - kept)
    if kept - set(owned):
        _write_manifest(out, {name: owned.get(name, []) for name in set(owned) | kept})
    records: dict[str, list] = {}
    for relative in sorted(kept):
        if files[relative] is None and owned.get(relative):
            report.unchanged.append(relative)
            records[relative] = owned[relative]
            continue
        content = files[relative]
        if content is None:
            raise ValueError(f"{relative}: to be kept as it is, but the manifest has no record of it")
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        path = out / relative
        if _edited_by_hand(path, owned.get(relative), digest):
            report.edited.append(relative)
            records[relative] = owned[relative]
            continue
        if _unchanged(path, data, digest, owned.get(relative)):
            report.unchanged.append(relative)
        else:
            write_atomic(path, data)
            report.written.append(relative)
        stat = path.stat()
        records[relative] = [stat.st_size, stat.st_mtime_ns, digest]
    for relative in sorted(set(owned) - kept):
        path = out / relative
        if path.is_file():
            path.unlink()
            report.removed.append(relative)
            _remove_empty_parents(path.parent, out)
    if records != owned:
        _write_manifest(out, records)
    report.manifest = manifest_digest(out)
    return report


def remove_temporaries(out: Path) -> None:
    """Temporary files of a write that a killed build left (the lock is held: no build is writing)."""
    for path in out.rglob(".*.tmp"):
        if TEMPORARY.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)


def _edited_by_hand(path: Path, record: list | None, new_digest: str) -> bool:
    """The file differs from what the generator last wrote there (its SHA-256 in the manifest)."""
    if not record:
        return False
    try:
        stat = path.stat()
        if len(record) == 3 and record[:2] == [stat.st_size, stat.st_mtime_ns]:
            return False
        current = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False
    return current not in (record[-1], new_digest)


def _unchanged(path: Path, data: bytes, digest: str, record: list | None) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    if record and record == [stat.st_size, stat.st_mtime_ns, digest]:
        return True  # as this generator left it: no need to read it back
    return stat.st_size == len(data) and path.read_bytes() == data


def _write_manifest(out: Path, records: dict[str, list]) -> None:
    names = sorted(records)
    manifest = {"files": names, "sha256": {name: records[name][-1] for name in names if records[name]}}
    _write_if_changed(out / MANIFEST, json.dumps(manifest, indent=0, sort_keys=True) + "\n")
    stats = {name: records[name][:2] for name in names if len(records[name]) == 3}
    _write_if_changed(out / STAT_CACHE, json.dumps(stats, separators=(",", ":"), sort_keys=True) + "\n")


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text("utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
