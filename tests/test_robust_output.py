"""An output folder that cannot be written (issue 12): a full disk, a read-only file
system, a file where the folder must be. Each gives a one-line error naming the folder
and no traceback; the files already there stay whole; the next build, once the folder
is fixed, completes the site and removes the temporary files an interrupted write left.

The disk and the read-only file system are real: a small tmpfs mounted in a user and
mount namespace of its own (`unshare -Urm`), so the test needs no root and leaves no
mount behind (root ignores file permissions, so chmod could not make a folder read-only)."""

import shutil
import subprocess
import sys

import pytest

from generator.build import BuildConfig, build

from .conftest import ROOT

SEEDS = {
    "a.txt": "date 2023-05-25\n\nThe council met in Paris on Monday. It approved the budget.\n",
    "b.txt": "date 2023-05-26\n\nThe port of Lyon reopened on Tuesday. Ships came back.\n",
}
CORRECTED = "title: A corrected headline\n"
BUILD = (
    f'PYTHONPATH="{ROOT}" "{sys.executable}" -m generator.cli build --seeds "$W/seeds" --out "$W/out" '
    f'--templates "{ROOT}/templates" --cache "$W/cache" --no-progress --jobs 1'
)
LIST = '(cd "$W/out" && find . -type f ! -name .briefings-lock ! -name filler | sort | xargs sha256sum)'
# How each case breaks the mounted output folder, and how a person then fixes it.
BREAKS = {
    "disk full": (
        'head -c 64m /dev/zero > "$W/out/filler" 2>/dev/null || true',
        'rm "$W/out/filler"',
        "No space left on device",
        "free some space",
    ),
    "read-only": (
        'mount -o remount,ro "$W/out"',
        'mount -o remount,rw "$W/out"',
        "Read-only file system",
        "make the folder writable",
    ),
}
SCRIPT = """set -e
mount -t tmpfs -o size=16m tmpfs "$W/out"
{build} > "$W/first.out" 2>&1
{listing} > "$W/before.sha"
printf '{corrected}' > "$W/seeds/a.yml"
{breaks}
set +e
{build} > "$W/second.out" 2> "$W/second.err"
echo $? > "$W/second.rc"
set -e
{listing} > "$W/after.sha"
{fix}
touch "$W/out/2023/05/.a.md.k2j4_x9a.tmp"
{build} > "$W/third.out" 2> "$W/third.err"
{listing} > "$W/third.sha"
find "$W/out" -name '*.tmp' > "$W/leftovers"
cp "$W/out/2023/05/a.md" "$W/page.md"
"""


def namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-Urm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True)
    return probe.returncode == 0


def shas(path) -> dict[str, str]:
    return {line.split()[1]: line.split()[0] for line in path.read_text().splitlines()}


@pytest.mark.slow
@pytest.mark.skipif(
    not namespaces_work(),
    reason="no user and mount namespaces here (unshare -Urm): "
    "no way to mount a small or read-only file system as a user",
)
@pytest.mark.parametrize("case", BREAKS)
def test_build_unwritable_output_one_line_error_files_whole_next_build_completes(tmp_path, case):
    breaks, fix, reason, advice = BREAKS[case]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "out").mkdir()
    for name, text in SEEDS.items():
        (tmp_path / "seeds" / name).write_text(text, "utf-8")
    script = SCRIPT.format(build=BUILD, listing=LIST, corrected=CORRECTED, breaks=breaks, fix=fix)
    run = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script],
        env={"W": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr + (tmp_path / "first.out").read_text()
    errors = (tmp_path / "second.err").read_text().splitlines()
    assert (tmp_path / "second.rc").read_text().strip() == "1"
    assert len(errors) == 1 and "Traceback" not in errors[0], errors
    assert errors[0].startswith(f"error: {tmp_path / 'out'}: cannot write ") and reason in errors[0], errors
    assert advice in errors[0]
    before, after, third = (shas(tmp_path / f"{name}.sha") for name in ("before", "after", "third"))
    assert set(after) == set(before)  # no temporary file left, nothing lost
    assert all(after[name] in (before[name], third.get(name)) for name in after)  # each file whole: old or new
    assert (tmp_path / "leftovers").read_text() == ""  # the interrupted write's temporary file removed
    assert "A corrected headline" in (tmp_path / "page.md").read_text("utf-8")
    assert "error" not in (tmp_path / "third.err").read_text()


def file_as_output(work):
    (work / "out").write_text("a file, not a folder")


def file_as_month_folder(work):
    (work / "out").mkdir()
    (work / "out" / "2023").write_text("a file where a month folder goes")


@pytest.mark.parametrize("block,words", [(file_as_output, "exists"), (file_as_month_folder, "Not a directory")])
def test_build_output_blocked_by_a_file_one_line_error(tmp_path, block, words):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(SEEDS["a.txt"], "utf-8")
    block(tmp_path)
    report = build(
        BuildConfig(
            seeds=tmp_path / "seeds",
            out=tmp_path / "out",
            templates=ROOT / "templates",
            cache=tmp_path / "cache",
            jobs=1,
            progress=False,
        )
    )
    assert len(report.errors) == 1 and "\n" not in report.errors[0], report.errors
    assert report.errors[0].startswith(f"{tmp_path / 'out'}: cannot write") and words in report.errors[0], report.errors
