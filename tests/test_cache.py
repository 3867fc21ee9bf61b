"""Incremental builds give exactly the output of a clean build, using the cache:
a changed seed, a changed template and a removed seed (issue 5)."""

import shutil
from pathlib import Path

import pytest

from generator.build import BuildConfig, build
from generator.corpus import make_corpus
from generator.writer import STAT_CACHE

from .conftest import ROOT

COUNT = 20


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder, the manifest included (same seeds, same bytes), but
    the machine's own record of file times."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != STAT_CACHE
    }


def clean_build(project: Path, name: str) -> dict[str, bytes]:
    out = project / name
    shutil.rmtree(out, ignore_errors=True)
    report = build(
        BuildConfig(
            seeds=project / "seeds", out=out, templates=project / "templates", cache=None, jobs=1, progress=False
        )
    )
    assert report.errors == []
    return tree(out)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    make_corpus(ROOT / "seeds", work / "seeds", COUNT)
    shutil.copytree(ROOT / "templates", work / "templates")
    return work


@pytest.fixture(scope="module")
def config(project):
    return BuildConfig(
        seeds=project / "seeds",
        out=project / "out",
        templates=project / "templates",
        cache=project / "cache",
        jobs=1,
        progress=False,
    )


@pytest.mark.slow
def test_build_cold_parses_every_seed_and_matches_uncached_build(project, config):
    report = build(config)
    assert (report.parsed, report.cached, report.errors) == (COUNT, 0, [])
    assert tree(config.out) == clean_build(project, "clean")


@pytest.mark.slow
def test_build_unchanged_inputs_do_nothing(config):
    report = build(config)
    assert report.skipped and report.parsed == 0 and report.count == COUNT


@pytest.mark.slow
def test_build_changed_seed_parses_only_it(project, config):
    seed = sorted((project / "seeds").glob("*.txt"))[3]
    seed.write_text(seed.read_text("utf-8") + "\nThe minister said on Monday that talks would resume.\n", "utf-8")
    report = build(config)
    assert (report.parsed, report.cached) == (1, COUNT - 1)
    assert 1 <= len(report.write.written) <= 4  # its page, its data, its month, the home page
    # Pages that do not show the seed (other briefings, most actors) were not even rendered.
    assert report.kept >= COUNT - 1
    assert tree(config.out) == clean_build(project, "clean")


@pytest.mark.slow
def test_build_keeps_a_page_edited_by_hand_until_it_is_deleted(project, config):
    seed = sorted((project / "seeds").glob("*.txt"))[4]
    page = next(config.out.glob(f"*/*/{seed.stem}.md"))
    original = page.read_text("utf-8")
    page.write_text(original + "\nEdited by hand.\n", "utf-8")
    seed.write_text(seed.read_text("utf-8") + "\n", "utf-8")  # inputs changed: a real build runs
    report = build(config)
    assert page.read_text("utf-8").endswith("Edited by hand.\n")  # never overwritten silently
    assert [e for e in report.errors if "changed by hand" in e] and len(report.errors) == 1
    page.unlink()
    assert build(config).errors == []
    assert page.read_text("utf-8") == original and tree(config.out) == clean_build(project, "clean")


@pytest.mark.slow
def test_build_changed_template_renders_from_cache(project, config):
    template = project / "templates" / "briefing.md.j2"
    template.write_text(template.read_text("utf-8") + "\nChanged template.\n", "utf-8")
    report = build(config)
    assert (report.parsed, report.cached, report.kept) == (0, COUNT, 0)
    assert all(
        text.endswith(b"Changed template.\n")
        for name, text in tree(config.out).items()
        if name.count("/") == 2 and name.endswith(".md") and not name.endswith("index.md")
    )
    assert tree(config.out) == clean_build(project, "clean")


@pytest.mark.slow
def test_build_removed_seed_removes_its_pages_and_entries(project, config):
    seed = sorted((project / "seeds").glob("*.txt"))[5]
    seed.unlink()
    report = build(config)
    assert report.parsed == 0 and len(report.write.removed) >= 2
    assert not any(seed.stem in name for name in tree(config.out))
    assert not any(seed.stem.encode() in text for text in tree(config.out).values())
    assert tree(config.out) == clean_build(project, "clean")


@pytest.mark.slow
def test_build_parallel_jobs_give_the_same_output(project, config):
    out = project / "parallel"
    report = build(
        BuildConfig(
            seeds=config.seeds, out=out, templates=config.templates, cache=project / "cache2", jobs=2, progress=False
        )
    )
    assert report.parsed == COUNT - 1 and report.errors == []
    assert tree(out) == tree(config.out)


@pytest.mark.parametrize("content", ["{}", "[]", "0", '{"id": 1}', "not json"])
def test_cache_file_of_the_wrong_shape_is_discarded_and_rebuilt(tmp_path, content):
    from generator.cache import DataCache

    cache = DataCache(tmp_path)
    (tmp_path / "k.json").write_text(content, "utf-8")
    assert cache.load("k") is None


@pytest.mark.parametrize("content", ['{"last_good": []}', '{"pages": 3}', "[]", '{"nonsense": 1}', "{"])
def test_build_state_of_the_wrong_shape_starts_afresh(tmp_path, content):
    from generator.cache import BuildState, load_state, state_path

    path = state_path(tmp_path, tmp_path / "out")
    path.parent.mkdir(parents=True)
    path.write_text(content, "utf-8")
    assert load_state(tmp_path, tmp_path / "out") == BuildState()
