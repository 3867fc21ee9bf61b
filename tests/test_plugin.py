"""The MkDocs adapter: bad seeds are warnings, so `mkdocs build --strict` fails with
the list of them, while a plain build goes on and shows them on the home page."""

import html
import os
import shutil
import subprocess
import sys

import pytest

from generator.writer import read_manifest

from .conftest import ROOT

pytestmark = pytest.mark.slow
BAD = {"no-date.txt": b"title Nothing\n\nBody.\n", "bad-date.txt": b"date 2023-02-30\n\nBody.\n"}


@pytest.fixture()
def project(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    generated = set(read_manifest(ROOT / "briefings"))
    for path in (ROOT / "briefings").rglob("*"):
        relative = path.relative_to(ROOT / "briefings").as_posix()
        if path.is_file() and relative not in generated and not path.name.startswith("."):
            (tmp_path / "briefings" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, tmp_path / "briefings" / relative)
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "08_microsoft-ie6-countdown.txt", tmp_path / "seeds")
    for name, data in BAD.items():
        (tmp_path / "seeds" / name).write_bytes(data)
    return tmp_path


def mkdocs(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_plugin_strict_build_fails_listing_every_bad_seed(project):
    result = mkdocs(project, "--strict")
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for name in BAD:
        assert sum(f"seeds/{name}:1: " in line for line in warnings) == 1, result.stderr


def test_plugin_plain_build_serves_the_rest_and_shows_errors_on_home(project):
    result = mkdocs(project)
    assert result.returncode == 0, result.stderr
    home = html.unescape((project / "site" / "index.html").read_text("utf-8"))
    assert "no-date.txt" in home and "bad-date.txt" in home
    assert (project / "site" / "2011" / "03" / "08_microsoft-ie6-countdown" / "index.html").exists()
    second = mkdocs(project)  # nothing changed: the plugin does nothing, the errors are still reported
    assert "nothing changed" in second.stderr or second.returncode == 0
    assert sum("no-date.txt" in line for line in second.stderr.splitlines() if line.startswith("WARNING")) == 1


def test_search_without_pagefind_says_how_to_install(tmp_path, monkeypatch):
    import importlib.util

    from generator.search import SearchError, index_site

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SearchError, match=r"pip install 'pagefind\[bin\]"):
        index_site(tmp_path)
