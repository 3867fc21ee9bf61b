"""The generator's own word lists and tables (generator/data/*.yml), read with PyYAML's
libyaml parser where it has one: ten times the pure-Python parser's speed, the same data."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> Any:
    """The contents of generator/data/`name`."""
    text = resources.files("generator").joinpath("data", name).read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
