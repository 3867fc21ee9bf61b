"""The founding seed's page and data against reviewed golden files.
Regenerate with `pytest tests/test_golden.py --update-goldens` and review the diff like code."""

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow  # every test here reads a build of all the seeds

GOLDEN = ROOT / "tests" / "golden"
FILES = ["2023/05/000_cbfe35416636920c.md", "2023/05/000_cbfe35416636920c.json"]


@pytest.mark.parametrize("relative", FILES)
def test_founding_seed_output_matches_golden(relative, project_build, request):
    out, report = project_build
    produced = (out / relative).read_text("utf-8")
    golden = GOLDEN / relative.replace("/", "_")
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, "utf-8")
    assert produced == golden.read_text("utf-8")


def test_project_seeds_build_without_errors(project_build):
    _, report = project_build
    assert report.errors == []
    assert len(report.datas) == len(list((ROOT / "seeds").glob("*.txt")))
