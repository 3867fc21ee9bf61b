"""Seeds in any encoding a person may save (issue 12): each is read as written or
refused with one line naming the file (and line) — never a crash, never mojibake
published. Table-driven: the seed reader alone, then all of them in one build."""

import pytest

from generator.build import BuildConfig, build
from generator.seeds import SeedError, seed_from_bytes

from .conftest import ROOT

HEADER = "date 2023-05-25\n\n"
ZURICH = "The mayor of Zürich opened a café on Monday. Crowds came."
CYRILLIC = "Президент spoke on Monday. The talks went on."


def text(body: str, encoding: str) -> bytes:
    return (HEADER + body + "\n").encode(encoding)


# name -> (bytes, what the body must hold when read, or None; the error's words; its line or None)
CASES = {
    "utf8.txt": (text(ZURICH + " First.", "utf-8"), ZURICH, None, None),
    "utf16-le-no-bom.txt": (text(ZURICH + " Second.", "utf-16-le"), ZURICH, None, None),
    "utf16-be-no-bom.txt": (text(ZURICH + " Later.", "utf-16-be"), ZURICH, None, None),
    "utf16-cjk-no-bom.txt": (text("The mayor of 一丁 spoke on Monday. It rained.", "utf-16-le"), "一丁", None, None),
    "utf32-bom.txt": (text("The mayor of Zürich spoke on Tuesday. It rained.", "utf-32"), "Zürich spoke", None, None),
    "latin1.txt": (text("The café in Zürich cost £5 on Friday. ½ of it was paid.", "latin-1"), "£5", None, None),
    "cp1252.txt": (
        text("“Curly” quotes — €5 and a café on Sunday. The end.", "cp1252"),
        "“Curly” quotes — €5",
        None,
        None,
    ),
    "cyrillic-utf8.txt": (text(CYRILLIC, "utf-8"), "Президент", None, None),
    # Refused, with the line:
    "nul-early.txt": (HEADER.encode() + b"The \x00mayor spoke.\n", None, "binary file", None),
    "nul-late.txt": (
        HEADER.encode() + b"The mayor spoke. " * 5000 + b"\x00 Then it rained.\n",
        None,
        "a control character ('\\x00')",
        3,
    ),
    "double-encoded.txt": (
        text("The café opened ’today’.", "utf-8").decode("cp1252").encode("utf-8"),
        None,
        "UTF-8 that was read as cp1252/Latin-1 and saved again ('Ã©')",
        3,
    ),
    "cp1251.txt": (text(CYRILLIC, "cp1251"), None, "not cp1252/Latin-1 text ('Ïðåçèäåíò' is no word)", 3),
    "koi8-r.txt": (text(CYRILLIC, "koi8-r"), None, "not cp1252/Latin-1 text", 3),
    "mac-roman.txt": (text(ZURICH, "mac_roman"), None, "not cp1252/Latin-1 text", 3),
    "shift-jis.txt": (text("東京の市長 spoke on Monday.", "shift_jis"), None, "undecodable byte 0x93 at offset 17", 3),
    "utf16-cut.txt": (text(ZURICH, "utf-16-le")[:-1], None, "binary file", None),
    "german-quotes.txt": (
        text("„Die Straße“ and the CAFÉ… PELÉ’S team won on Sunday.", "utf-8"),
        "Straße“",
        None,
        None,
    ),
    "mixed.txt": (text(ZURICH, "utf-8") + "Un café à Paris.\n".encode("latin-1"), None, "undecodable byte 0xe9", 4),
}


@pytest.mark.parametrize("name", CASES)
def test_seed_from_bytes_reads_or_refuses_each_encoding(name):
    data, body, words, line = CASES[name]
    if body is not None:
        seed = seed_from_bytes(data, name)
        assert body in seed.body and "\x00" not in seed.body
        return
    with pytest.raises(SeedError) as raised:
        seed_from_bytes(data, name)
    message = str(raised.value)
    assert words in message and "\n" not in message and ("save" in message or "paste" in message), message
    assert message.startswith(f"{name}:{line}: " if line else f"{name}: "), message


@pytest.fixture(scope="module")
def encodings_build(tmp_path_factory):
    work = tmp_path_factory.mktemp("encodings")
    (work / "seeds").mkdir()
    for name, (data, _, _, _) in CASES.items():
        (work / "seeds" / name).write_bytes(data)
    report = build(
        BuildConfig(
            seeds=work / "seeds",
            out=work / "out",
            templates=ROOT / "templates",
            cache=work / "cache",
            jobs=1,
            progress=False,
        )
    )
    return work, report


@pytest.mark.slow
def test_build_each_bad_encoding_one_line_error_the_rest_built(encodings_build):
    work, report = encodings_build
    refused = sorted(name for name, case in CASES.items() if case[1] is None)
    assert sorted(e.split(":")[0].rsplit("/", 1)[1] for e in report.errors) == refused, report.errors
    assert all("\n" not in e for e in report.errors)
    built = {data["id"] for data in report.datas}
    assert built == {name[:-4] for name, case in CASES.items() if case[1] is not None}


@pytest.mark.slow
@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case[1] is not None])
def test_build_readable_encoding_published_as_written(encodings_build, name):
    _, report = encodings_build
    data = next(d for d in report.datas if d["id"] == name[:-4])
    assert CASES[name][1] in " ".join(data["body"])
