"""Where the cache keeps its files: a local folder (a path, or a file:// URL) or any
filesystem fsspec reaches by URL (s3://bucket/briefings with s3fs installed,
memory:// in tests), so that the builds of several machines can share one cache.

Files are named by the caller ("<key>.json", "state/<hash>.json") and written
whole or not at all: locally a temporary file renamed over the name; on an object
store the upload itself, which a reader sees complete or not at all; elsewhere a
temporary name then a move.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from .writer import write_atomic

# Filesystems where one upload is one object, seen whole or not at all.
WHOLE_UPLOADS = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "memory"})


class CacheStoreError(ValueError):
    """A cache location that cannot be used, with what to do about it."""


class Store(Protocol):
    location: str

    def read(self, name: str) -> bytes | None:
        """The file's bytes, or None when there is no such file."""

    def write(self, name: str, data: bytes) -> None: ...


class LocalStore:
    def __init__(self, folder: Path):
        self.folder, self.location = folder, str(folder)

    def read(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes) -> None:
        write_atomic(self.folder / name, data)


class FsspecStore:
    def __init__(self, filesystem, root: str, location: str):
        self.fs, self.root, self.location = filesystem, root.rstrip("/"), location
        protocols = filesystem.protocol if isinstance(filesystem.protocol, tuple) else (filesystem.protocol,)
        self.whole_uploads = bool(WHOLE_UPLOADS.intersection(protocols))

    def read(self, name: str) -> bytes | None:
        try:
            return self.fs.cat_file(f"{self.root}/{name}")
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes) -> None:
        path = f"{self.root}/{name}"
        if self.whole_uploads:
            self.fs.pipe_file(path, data)
            return
        self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        temporary = f"{path}.{uuid.uuid4().hex}.tmp"
        self.fs.pipe_file(temporary, data)
        try:
            self.fs.mv(temporary, path)
        finally:
            if self.fs.exists(temporary):
                self.fs.rm(temporary)


def open_store(location: str | Path) -> Store:
    """A store for a path or a URL; a URL needs fsspec (and the filesystem's own
    package: s3fs for s3://)."""
    if isinstance(location, Path) or "://" not in location:
        return LocalStore(Path(location))
    try:
        import fsspec
        from fsspec.implementations.local import LocalFileSystem
    except ImportError as error:
        raise CacheStoreError(
            f"cache {location}: a cache URL needs fsspec (pip install 'news-briefings[cluster]'), or give a folder path"
        ) from error
    try:
        filesystem, root = fsspec.core.url_to_fs(location)
    except (ImportError, ValueError) as error:
        raise CacheStoreError(f"cache {location}: {error}") from error
    if isinstance(filesystem, LocalFileSystem):
        return LocalStore(Path(root))
    return FsspecStore(filesystem, root, location)
