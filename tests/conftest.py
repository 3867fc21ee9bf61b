from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_cbfe35416636920c.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden from a fresh build")


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def project_build(tmp_path_factory):
    """One uncached build of the project's seeds, shared by the tests that read it."""
    from generator.build import BuildConfig, build

    out = tmp_path_factory.mktemp("briefings")
    report = build(BuildConfig(seeds=ROOT / "seeds", out=out, templates=ROOT / "templates", cache=None))
    return out, report
