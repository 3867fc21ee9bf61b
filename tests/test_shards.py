"""Which files each build of a sharded site owns (generator/pages/shards.py)."""

from collections import Counter

import pytest

from generator.pages.shards import (
    Shard,
    built_by_shard,
    count_by_month,
    decode_shard,
    owned_by_shard,
    owned_by_top,
    plan_shards,
)


def test_count_by_month_counts_briefings_not_listings_or_data():
    uris = ["2023/05/a.md", "2023/05/a.json", "2023/05/index.md", "2023/06/b.md", "actors/x.md", "index.md"]
    assert count_by_month(uris) == Counter({"2023/05": 1, "2023/06": 1})


@pytest.mark.parametrize("size", [0, 10, 11])
def test_plan_shards_leaves_a_site_no_bigger_than_a_shard_alone(size):
    assert plan_shards(Counter({"2023/05": 6, "2023/06": 4}), size) == []


def test_plan_shards_packs_consecutive_months_oldest_first():
    counts = Counter({"2024/01": 3, "2023/12": 2, "2023/11": 2, "2024/02": 5, "2024/03": 1})
    assert plan_shards(counts, 4) == [
        Shard("2023-11", ("2023/11", "2023/12")),
        Shard("2024-01", ("2024/01",)),
        Shard("2024-02", ("2024/02",)),
        Shard("2024-03", ("2024/03",)),
    ]


def test_a_shard_survives_its_environment_variable():
    shard = Shard("2023-11", ("2023/11", "2023/12"))
    assert decode_shard(shard.encode()) == shard and shard.bundle == "pagefind-2023-11"


def test_every_file_is_written_by_exactly_one_build():
    shards = [Shard("2023-11", ("2023/11", "2023/12")), Shard("2024-01", ("2024/01",))]
    for uri in ["2023/11/a.md", "2023/12/index.md", "2024/01/b.json", "actors/x.md", "tags.md", "assets/x.js"]:
        writers = [shard.name for shard in shards if owned_by_shard(uri, shard)]
        writers += ["top"] if owned_by_top(uri) else []
        assert len(writers) == 1, (uri, writers)


def test_a_shard_renders_the_tags_page_for_its_tag_links_but_not_other_months():
    shard = Shard("2024-01", ("2024/01",))
    assert built_by_shard("tags.md", shard) and not owned_by_shard("tags.md", shard)
    assert not built_by_shard("2023/11/a.md", shard) and not built_by_shard("actors/x.md", shard)
