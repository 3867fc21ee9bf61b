"""Rendering only what changed: each page is recorded with a key made from what
it is built from (the data of the briefings it shows, the names and paths it links
to, the code and the templates). A page whose key is the same as at the last build,
and whose file is still as the generator left it, is not rendered again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

Content = TypeVar("Content", str, bytes)


class PageMemo:
    def __init__(self, previous: dict[str, str] | None = None, salt: str = ""):
        self.previous = previous or {}
        self.salt = salt.encode()
        self.keys: dict[str, str] = {}  # this build's key of every page
        self.kept = 0

    def unchanged(self, path: str, inputs: Iterable[str]) -> bool:
        """Records the page's key; True when the file on disk was made from the same."""
        digest = hashlib.sha1(self.salt)
        for item in inputs:
            digest.update(item.encode() + b"\0")
        key = self.keys[path] = digest.hexdigest()
        if self.previous.get(path) == key:
            self.kept += 1
            return True
        return False

    def page(self, path: str, inputs: Iterable[str], render: Callable[..., Content], *args, **kwargs) -> Content | None:
        """The page's content, `render(*args, **kwargs)`, or None when the file on
        disk is already it."""
        return None if self.unchanged(path, inputs) else render(*args, **kwargs)


def data_print(text: bytes) -> str:
    """The fingerprint of one briefing's data, from its JSON text."""
    return hashlib.sha1(text).hexdigest()
