"""The blind rating tool runs: it draws events blind, keeps the key apart and scores a filled sheet."""

from __future__ import annotations

import json

from generator.cli import main
from generator.rating import score_sheet


def briefing_data(tmp_path, name: str, count: int):
    events = [
        {
            "when": f"2023-05-{day:02d}",
            "readable": f"{day} May 2023",
            "expression": "Monday",
            "event": f"The council met for the {day}th time",
            "source": f"The council met on Monday ({day}).",
            "sentence": f"s{day}",
        }
        for day in range(1, count + 1)
    ]
    path = tmp_path / "data" / "2023" / "05" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"id": name, "timeline": events}), "utf-8")


def test_rate_sample_writes_a_blind_sheet_and_a_key_apart(tmp_path, capsys):
    briefing_data(tmp_path, "a", 5)
    briefing_data(tmp_path, "b", 5)
    (tmp_path / "data" / ".manifest.json").write_text("{}", "utf-8")  # not briefing data: skipped
    sheet = tmp_path / "ratings" / "sample.md"
    assert (
        main(["rate", "sample", "--data", str(tmp_path / "data"), "-n", "6", "--seed", "3", "--out", str(sheet)]) == 0
    )
    text = sheet.read_text("utf-8")
    assert text.count("\nrating: ") == 6 and text.count("event: The council met") == 6
    assert '"a"' not in text and "b.json" not in text  # nothing tells which briefing
    key = json.loads(sheet.with_name("sample.key.json").read_text("utf-8"))
    assert [item["number"] for item in key["items"]] == [1, 2, 3, 4, 5, 6]
    assert {item["id"] for item in key["items"]} <= {"a", "b"}
    again = tmp_path / "again.md"
    main(["rate", "sample", "--data", str(tmp_path / "data"), "-n", "6", "--seed", "3", "--out", str(again)])
    assert again.read_text("utf-8") == text  # the same seed draws the same events


def test_rate_score_counts_good_partial_and_bad(tmp_path, capsys):
    sheet = tmp_path / "rated.md"
    sheet.write_text(
        "# Blind rating\n\n## 1\nevent: x\nrating: good\nnote: \n\n## 2\nrating: p\n\n"
        "## 3\nrating: BAD\nnote: lost 'not'\n\n## 4\nrating: \n",
        "utf-8",
    )
    assert main(["rate", "score", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "3 rated: 1 good (33%), 1 partial (33%), 1 bad (33%)" in out and "not rated: 4" in out
    assert score_sheet("## 1\nrating: maybe\n").unknown == [(1, "maybe")]
