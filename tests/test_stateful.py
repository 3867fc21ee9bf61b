"""Incremental builds against clean ones, under any sequence of edits: seeds added, edited
and removed, corrections added (some stale), cache and state files damaged between builds.
After every build the site must equal a clean build of the same seeds."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from generator.build import BuildConfig, build
from generator.writer import LOCK, STAT_CACHE

from .conftest import ROOT

pytestmark = pytest.mark.slow

ARTICLES = [
    "Mayor Anne Hidalgo said on Monday that the bridge would reopen in May. The council agreed on Tuesday.",
    "The central bank raised rates by 0.5 percentage points on Wednesday, its third rise this year.",
    "Police arrested 12 people in Lyon on Friday after a protest against the new law, officials said.",
    "Kenya's president, William Ruto, met Chinese officials in Beijing last week to discuss a $3 billion loan.",
    "Two years earlier, the mill had closed. It reopened on March 3, 2021, with 40 workers.",
]
NAMES = ["alpha", "bravo", "charlie", "delta"]
# One extraction cache for every example: articles are parsed once, whatever the order of edits.
CACHE = Path(tempfile.mkdtemp(prefix="briefings-stateful-cache-"))


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (STAT_CACHE, LOCK)
    }


class EditsBetweenBuilds(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.work = Path(tempfile.mkdtemp(prefix="briefings-stateful-"))
        self.seeds = self.work / "seeds"
        self.seeds.mkdir()
        self.state = self.work / "state"  # the incremental build's own state, apart from the shared cache
        self.built = False

    def config(self, out: str, cache: Path) -> BuildConfig:
        return BuildConfig(
            seeds=self.seeds, out=self.work / out, templates=ROOT / "templates", cache=cache, jobs=1, progress=False
        )

    @rule(
        name=st.sampled_from(NAMES),
        article=st.sampled_from(range(len(ARTICLES))),
        day=st.integers(min_value=1, max_value=28),
    )
    def write_seed(self, name, article, day):
        (self.seeds / f"{name}.txt").write_text(
            f"date 2023-05-{day:02d}\ntitle The {name} story\n\n{ARTICLES[article]}\n", "utf-8"
        )

    @rule(name=st.sampled_from(NAMES))
    def remove_seed(self, name):
        (self.seeds / f"{name}.txt").unlink(missing_ok=True)

    @rule(name=st.sampled_from(NAMES), stale=st.booleans())
    def write_sidecar(self, name, stale):
        drop = "drop:\n  quotes: [Never said]\n" if stale else ""
        (self.seeds / f"{name}.yml").write_text(f"title: Corrected {name}\n{drop}", "utf-8")

    @rule(content=st.sampled_from(["{}", "[]", "0", "{", '{"id": 1}']))
    def damage_cache(self, content):
        for path in sorted(CACHE.glob("*.json"))[:2]:
            path.write_text(content, "utf-8")
        for path in sorted((self.state / "state").glob("*.json")):
            path.write_text(content, "utf-8")

    @rule()
    def build_incrementally(self):
        # The incremental build keeps its state; the shared cache only holds extracted data.
        shutil.copytree(CACHE, self.state, dirs_exist_ok=True)
        report = build(self.config("site", self.state))
        shutil.copytree(self.state, CACHE, dirs_exist_ok=True, ignore=shutil.ignore_patterns("state"))
        clean = build(self.config("clean", CACHE))
        assert sorted(report.errors) == sorted(clean.errors)
        assert tree(self.work / "site") == tree(self.work / "clean")
        shutil.rmtree(self.work / "clean")
        shutil.rmtree(CACHE / "state", ignore_errors=True)
        self.built = True

    @invariant()
    def no_temporary_files_left(self):
        assert not list(self.work.rglob("*.tmp"))

    def teardown(self):
        shutil.rmtree(self.work, ignore_errors=True)


EditsBetweenBuilds.TestCase.settings = settings(
    max_examples=12, stateful_step_count=8, deadline=None, suppress_health_check=list(HealthCheck)
)
test_incremental_build_equals_clean_build = EditsBetweenBuilds.TestCase
