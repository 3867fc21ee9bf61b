"""A seed at the size limit (issue 12): extraction grows linearly with the text, both
for many ordinary paragraphs and for one run-on sentence, and a long text's parse
holds the memory of one piece, not of the whole text. Ratios, no wall-clock limit:
CPU time of this process at twice the size, with room for noise."""

import subprocess
import sys
import time

import pytest

from generator.corpus import big_seed
from generator.nlp import split_text
from generator.parallel import extract_data

from .conftest import ROOT

# Linear work doubles at twice the size; a quadratic step would make it four times.
MAX_RATIO_AT_TWICE = 2.8


def extraction_cpu(tmp_path, kind: str, size: int) -> float:
    path = tmp_path / f"{kind}-{size}.txt"
    path.write_bytes(big_seed(ROOT / "seeds", kind, size))
    start = time.process_time()
    extract_data(path, path.read_bytes())
    return time.process_time() - start


@pytest.mark.slow
@pytest.mark.parametrize("kind,size", [("run-on", 24 * 1024), ("ordinary", 16 * 1024)])
def test_extract_data_time_linear_in_seed_size(tmp_path, nlp, kind, size):
    extraction_cpu(tmp_path, kind, 4096)  # first use: rule tables and patterns loaded
    once, twice = extraction_cpu(tmp_path, kind, size), extraction_cpu(tmp_path, kind, 2 * size)
    assert twice / once < MAX_RATIO_AT_TWICE, (once, twice)


@pytest.mark.parametrize("text", ["a b. c\n\nd e. f g h\n\n" * 40, "word " * 500, "x" * 1000, "short"])
def test_split_text_pieces_join_back_and_stay_small(text):
    pieces = split_text(text, 64)
    assert "".join(pieces) == text and all(0 < len(piece) <= 64 for piece in pieces)


def test_split_text_cuts_after_a_paragraph_break_first():
    assert split_text("one two.\n\nthree four. five six seven", 16)[0] == "one two.\n\n"


PEAKS = """
import resource, sys
from generator.corpus import big_seed
from generator.nlp import PIECE_CHARS, load_pipeline, parse_text
from pathlib import Path
nlp = load_pipeline()
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = big_seed(Path(sys.argv[1]), "ordinary", 4 * PIECE_CHARS).decode().split("\\n\\n", 1)[1]
base = peak()
doc = parse_text(nlp, text)
print(base, peak(), len(doc.text) == len(text))
"""


@pytest.mark.slow
def test_parse_text_memory_of_one_piece_not_of_the_text():
    """Four pieces' text raises the process's peak by less than 300 MB; parsed at once it
    raised it by about 700 MB (spaCy held 17 kB per token: 208 MB for 64 kB of text). The
    peak after loading the model can already be above one piece's, so only the rise counts."""
    out = subprocess.run(
        [sys.executable, "-c", PEAKS, str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout.split()
    base, after = map(int, out[:2])
    assert out[2] == "True"
    assert after - base < 300 * 1024, (base, after)  # kB
