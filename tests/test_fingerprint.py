"""The extraction cache is keyed by the code extraction runs: editing any other
module must keep cached data valid, editing one that extraction runs must not."""

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache import NOT_EXTRACTION

from .conftest import ROOT, SEED

PROBE = """
import sys
from pathlib import Path
from generator.parallel import extract_data
seed = Path(sys.argv[1])
extract_data(seed, seed.read_bytes())
print("\\n".join(sorted(name for name in sys.modules if name.startswith("generator."))))
"""


@pytest.mark.slow
def test_not_extraction_lists_exactly_the_modules_extraction_does_not_run():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEED)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    ran = {name.split(".")[1] for name in result.stdout.split()}
    modules = {
        path.stem if path.is_file() else path.name
        for path in (ROOT / "generator").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and path.name != "__pycache__" and (path / "__init__.py").exists())
    }
    listed = {Path(name).stem for name in NOT_EXTRACTION}
    assert ran & listed <= {"parallel"}, ran & listed  # parallel only hosts the call into extraction
    assert modules - ran - listed == set(), "add these to NOT_EXTRACTION (or extraction runs them)"
