"""The writing step and the build's bookkeeping, without NLP: only the generator's
own files are overwritten or deleted, writes are atomic, and the manifest lets a
build that was killed half-way be completed by the next."""

import json

import pytest

from generator.build import BuildConfig, BuildReport, drop_duplicates, scan_seeds
from generator.render import make_environment
from generator.site import render_site
from generator.writer import MANIFEST, outputs_intact, read_manifest, write_outputs

from .conftest import ROOT
from .test_pages import briefing


def test_write_outputs_writes_then_skips_unchanged(tmp_path):
    first = write_outputs(tmp_path, {"a.md": "A", "x/b.md": "B"})
    assert first.written == ["a.md", "x/b.md"]
    second = write_outputs(tmp_path, {"a.md": "A", "x/b.md": "B"})
    assert second.written == [] and second.unchanged == ["a.md", "x/b.md"]
    assert outputs_intact(tmp_path)


def test_write_outputs_deletes_only_its_own_files(tmp_path):
    (tmp_path / "about.md").write_text("mine", "utf-8")
    write_outputs(tmp_path, {"a.md": "A", "x/b.md": "B"})
    report = write_outputs(tmp_path, {"a.md": "A2"})
    assert report.removed == ["x/b.md"] and not (tmp_path / "x").exists()
    assert (tmp_path / "about.md").read_text("utf-8") == "mine"
    assert set(read_manifest(tmp_path)) == {"a.md"}


def test_write_outputs_refuses_to_overwrite_a_hand_written_file(tmp_path):
    (tmp_path / "index.md").write_text("by hand", "utf-8")
    report = write_outputs(tmp_path, {"index.md": "generated", "a.md": "A"})
    assert report.refused == ["index.md"]
    assert (tmp_path / "index.md").read_text("utf-8") == "by hand"


def test_write_outputs_keeps_a_generated_file_edited_by_hand_until_it_is_deleted(tmp_path):
    write_outputs(tmp_path, {"a.md": "A"})
    (tmp_path / "a.md").write_text("edited", "utf-8")
    assert not outputs_intact(tmp_path)
    report = write_outputs(tmp_path, {"a.md": "A2"})
    assert report.edited == ["a.md"] and (tmp_path / "a.md").read_text("utf-8") == "edited"
    (tmp_path / "a.md").unlink()
    assert write_outputs(tmp_path, {"a.md": "A2"}).written == ["a.md"]


def test_write_outputs_killed_half_way_owns_its_new_files(tmp_path, monkeypatch):
    from generator import writer

    real, calls = writer.write_atomic, []

    def dying(path, content):
        calls.append(path)
        if len(calls) == 3:  # the manifest of intent, a.md, then dies before b.md
            raise KeyboardInterrupt
        real(path, content)

    monkeypatch.setattr(writer, "write_atomic", dying)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(tmp_path, {"a.md": "A", "b.md": "B"})
    monkeypatch.setattr(writer, "write_atomic", real)
    assert set(json.loads((tmp_path / MANIFEST).read_text("utf-8"))["files"]) == {"a.md", "b.md"}
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
    report = write_outputs(tmp_path, {"a.md": "A", "b.md": "B"})
    assert report.refused == [] and (tmp_path / "b.md").read_text("utf-8") == "B"


def test_drop_duplicates_keeps_the_first_and_names_both_files(tmp_path):
    data = {"id": "a", "published": "2023-05-01", "body": ["Same."]}
    report = BuildReport()
    kept = drop_duplicates([(tmp_path / "a.txt", data), (tmp_path / "b.txt", {**data, "id": "b"})], report)
    assert kept == [data]
    assert report.errors == [
        f"{tmp_path / 'b.txt'}: same text as a.txt, so only that one is built; delete one of the two seeds"
    ]


def test_stale_briefing_shows_the_escaped_error_under_the_title():
    data = {**briefing("a", "2023-05-01", title="Title"), "stale": "seeds/a.txt:1: no <b>date</b>"}
    page = render_site([data], make_environment(ROOT / "templates"))["2023/05/a.md"].decode()
    assert page.index("# Title") < page.index('!!! warning "Stale') < page.index("Published")
    assert "<b>" not in page


def test_scan_seeds_reads_bytes_notes_ignored_files_and_orphan_sidecars(tmp_path):
    (tmp_path / "a.txt").write_text("date 2023-05-01\n\nText.\n", "utf-8")
    (tmp_path / "a.yml").write_text("title: T\n", "utf-8")
    (tmp_path / "b.yml").write_text("title: T\n", "utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "SOURCES.md").write_text("credits", "utf-8")
    report = BuildReport()
    inputs = scan_seeds(tmp_path, report)
    assert [(i.path.name, i.sidecar.name if i.sidecar else None) for i in inputs] == [("a.txt", "a.yml")]
    assert inputs[0].raw.startswith(b"date") and inputs[0].key
    assert len(report.notes) == 2 and "c.pdf" in report.notes[0] + report.notes[1]


def test_build_config_defaults_to_one_job_per_core():
    from generator.parallel import default_jobs

    assert BuildConfig().jobs == 0 and default_jobs() >= 1


def test_build_deleted_output_folder_is_rebuilt_not_skipped(tmp_path):
    import shutil

    from generator.build import build

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("title No date\n\nText.\n", "utf-8")  # fails: no NLP needed
    config = BuildConfig(
        seeds=tmp_path / "seeds", out=tmp_path / "out", templates=ROOT / "templates", cache=tmp_path / "cache", jobs=1
    )
    assert not build(config).skipped
    assert build(config).skipped
    shutil.rmtree(tmp_path / "out")
    report = build(config)
    assert not report.skipped and (tmp_path / "out" / "index.md").exists()


def test_written_files_are_readable_by_others(tmp_path):
    import stat

    from generator.writer import write_atomic

    write_atomic(tmp_path / "page.md", b"text")
    assert stat.S_IMODE((tmp_path / "page.md").stat().st_mode) & 0o044 == 0o044


def test_output_lock_second_build_waits_and_hears_the_holder(tmp_path):
    import os
    import threading

    from generator.writer import output_lock

    order, heard = [], []
    with output_lock(tmp_path, heard.append):

        def second():
            with output_lock(tmp_path, heard.append):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive() and heard == [str(os.getpid())]  # waiting, told who holds it
        order.append("first")
    thread.join(5)
    assert order == ["first", "second"]
