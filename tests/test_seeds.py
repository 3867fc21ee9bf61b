import datetime as dt

import pytest

from generator.seeds import SeedError, parse_date, parse_seed, read_seed

from .conftest import SEED


def test_read_seed_founding_seed_header_with_stray_spaces():
    seed = read_seed(SEED)
    assert seed.published == dt.date(2023, 5, 25)
    assert seed.title is None
    assert seed.body.lstrip().startswith("Chinese President Xi Jinping")


def test_parse_seed_title_keeps_its_own_colons():
    seed = parse_seed("date: 2016-09-09\ntitle Reports: a 'streamlined' process\ntags a, b\n\nBody text.", "x.txt")
    assert seed.title == "Reports: a 'streamlined' process"
    assert seed.tags == ("a", "b")
    assert seed.body == "Body text."
    assert seed.body_line == 5


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2023-05-25", dt.date(2023, 5, 25)),
        ("25/05/2023", dt.date(2023, 5, 25)),
        ("May 25, 2023", dt.date(2023, 5, 25)),
        ("25 May 2023", dt.date(2023, 5, 25)),
    ],
)
def test_parse_date_accepts_unambiguous_forms(text, expected):
    assert parse_date(text, "x.txt", 1) == expected


@pytest.mark.parametrize(
    "text,hint", [("2023-02-30", "not a date"), ("05/06/2023", "ambiguous"), ("yesterday", "YYYY-MM-DD")]
)
def test_parse_date_rejects_with_a_hint(text, hint):
    with pytest.raises(SeedError) as error:
        parse_date(text, "seeds/x.txt", 1)
    assert "seeds/x.txt:1" in str(error.value) and hint in str(error.value)


@pytest.mark.parametrize(
    "text,message,line",
    [
        ("Just an article with no header.\n\nMore.", "no header", 1),
        ("title Something\n\nBody.", "no 'date", 1),
        ("date 2023-01-01\n\n   \n", "body is empty", 3),
        ("date 2023-01-01\nbogus line here\n\nBody.", "is not 'key value'", 2),
    ],
)
def test_parse_seed_errors_name_file_and_line(text, message, line):
    with pytest.raises(SeedError) as error:
        parse_seed(text, "seeds/bad.txt")
    assert message in str(error.value)
    assert error.value.line == line
    assert str(error.value).startswith("seeds/bad.txt:")


def test_read_seed_decodes_bom_utf16_and_cp1252(tmp_path):
    text = "date 2023-01-01\n\n“Curly” café quotes.\n"
    for name, data in [
        ("bom.txt", b"\xef\xbb\xbf" + text.encode()),
        ("u16.txt", text.encode("utf-16")),
        ("cp.txt", text.encode("cp1252")),
    ]:
        (tmp_path / name).write_bytes(data)
        assert read_seed(tmp_path / name).body.strip() == "“Curly” café quotes."


def test_read_seed_rejects_binary(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"date 2023-01-01\n\n\x00\x01\x02")
    with pytest.raises(SeedError, match="binary"):
        read_seed(tmp_path / "bin.txt")
