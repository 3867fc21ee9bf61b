"""Bad and hostile input (issue 6): every bad seed gets a one-line error naming its
file (and line) and what to do, while the others still build; nothing a person
wrote is lost; article text never becomes markup. Table-driven cases, then
property-based tests of the seed reader and the renderer."""

import html
import json
import os
import re
import shutil
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildConfig, build
from generator.check import check_seeds
from generator.render import make_environment
from generator.seeds import DOUBLE_ENCODED, INVISIBLE, SeedError, parse_seed, seed_from_bytes
from generator.site import render_site

from .conftest import ROOT

GOOD = "date 2023-05-25\ntitle Good seed\n\nThe council met in Paris on Monday. It approved the budget.\n"
CURLY = "“Curly” quotes and a café in Zürich"
ARTICLE = f"The mayor said on Tuesday that {CURLY} would reopen. The council agreed.\n"


def article(name: str) -> str:
    """A short article, distinct per case so that no two are duplicates."""
    return f"date 2023-05-25\ntitle The {name} case\n\n{ARTICLE}The {name} file was read.\n"


SIZE_20MB = 20 * 1024 * 1024

# file name -> (bytes, the error's words, its line or None); None as words: the seed builds.
CASES = {
    "no-header.txt": (b"Just an article with no header.\n\nMore text.\n", "no header", 1),
    "no-date.txt": (b"title Something\n\nBody text here.\n", "no 'date", 1),
    "impossible-date.txt": (b"title T\ndate 2023-02-30\n\nBody.\n", "is not a date", 2),
    "ambiguous-date.txt": (b"date 05/06/2023\n\nBody.\n", "ambiguous", 1),
    "empty-body.txt": (b"date 2023-01-01\n\n   \n", "body is empty", 3),
    "empty-file.txt": (b"", "file is empty", None),
    "huge.txt": (b"date 2023-01-01\n\n" + b"word " * (SIZE_20MB // 5), "20.0 MB; seeds over", None),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG image)", None),
    "random.txt": (bytes(range(256)) * 8, "binary file", None),
    "stray-byte.txt": ("date 2023-01-01\n\nCafé ok.\n".encode() + b"bad \xff here\n", "byte 0xff at offset 31", 4),
    "bad-header.txt": (b"date 2023-01-01\nbogus line here\n\nBody.\n", "is not 'key value'", 2),
    # Seeds that build, text intact:
    "bom.txt": (b"\xef\xbb\xbf" + article("BOM").encode(), None, None),
    "utf16.txt": (article("UTF-16").encode("utf-16"), None, None),
    "utf16-no-bom.txt": (article("UTF-16 LE").encode("utf-16-le"), None, None),
    "cp1252.txt": (article("cp1252").encode("cp1252"), None, None),
    "latin1.txt": (
        "date 2023-05-25\n\nThe mayor of Zürich opened a café on Tuesday. Crowds came.\n".encode("latin-1"),
        None,
        None,
    ),
    "crlf.txt": (article("CRLF").replace("\n", "\r\n").encode() + b"More.\r\n", None, None),
    "cr.txt": (article("CR").replace("\n", "\r").encode() + b"Yet more.\r", None, None),
    "spacing.txt": (
        "\u200bdate\t2023-05-25\ntitle\u00a0Spacing seed\n\nThe\u00a0mayor said\u200b on Tuesday\t"
        "that the\u2060 bridge would reopen. The council agreed.\n".encode(),
        None,
        None,
    ),
    "one-line.txt": (b"date 2023-05-25\n\nThe mayor resigned on Tuesday.\n", None, None),
    "markdown seed.md": (
        b"date 2023-05-25\ntitle A seed in Markdown\n\nThe port reopened on Monday. Ships came.\n",
        None,
        None,
    ),
    "Caf\u00e9 & <Spaces> %20?#.txt".encode().decode(): (
        b"date 2023-05-26\n\nThe mayor of Lyon spoke on Friday. The market opened.\n",
        None,
        None,
    ),
}
PAIRS = {  # seeds that are fine alone but clash with another
    "dup-a.txt": b"date 2023-06-01\n\nThe same story about the harbour. It rained on Sunday.\n",
    "dup-b.txt": b"date 2023-06-02\n\nThe same story about the harbour. It rained on Sunday.\n",
    "Same Name.txt": b"date 2023-07-01\n\nA story about the river. The water rose on Monday.\n",
    "same-name.txt": b"date 2023-07-02\n\nAnother story about the hills. Snow fell on Tuesday.\n",
}


# Nine levels of aliases: expanded, 10^9 copies of "lol" (a 329-byte file that once cost 11.7 GB).
BILLION_LAUGHS = "drop:\n  quotes:\n    - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"    - &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
)


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad")
    seeds = work / "seeds"
    seeds.mkdir()
    for name, (data, _, _) in CASES.items():
        (seeds / name).write_bytes(data)
    for name, data in PAIRS.items():
        (seeds / name).write_bytes(data)
    (seeds / "good.txt").write_text(GOOD, "utf-8")
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04 not a seed")
    (seeds / "photo.png").write_bytes(b"\x89PNG")
    (seeds / "good.yml").write_text("title: [unclosed\n", "utf-8")
    (seeds / "one-line.yml").write_text("roles:\n  Nobody Here: mayor\n", "utf-8")
    (seeds / "orphan.yml").write_text("title: x\n", "utf-8")
    (seeds / "index.txt").write_text(article("index"), "utf-8")  # a month folder's listing is index.md
    (seeds / "bom.yml").write_text(BILLION_LAUGHS, "utf-8")
    secret = work / "secret.txt"  # outside the seeds folder: must not be published through a link
    secret.write_text("date 2023-05-25\n\nThe private key is hunter2 and the vault opened on Monday.\n", "utf-8")
    (seeds / "linked.txt").symlink_to(secret)
    (seeds / "dangling.txt").symlink_to(work / "gone.txt")
    (seeds / "inside-link.txt").symlink_to(seeds / "good.txt")
    (seeds / "sub").mkdir()
    os.mkfifo(seeds / "pipe.txt")
    out = work / "out"
    (out / "2023" / "05").mkdir(parents=True)
    (out / "about.md").write_text("# About\n\nHand-written.\n", "utf-8")
    report = build(
        BuildConfig(seeds=seeds, out=out, templates=ROOT / "templates", cache=work / "cache", jobs=1, progress=False)
    )
    return work, report


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case[1]])
def test_build_bad_seed_one_line_error_with_file_and_line(name, bad_project):
    work, report = bad_project
    _, words, line = CASES[name]
    mine = [e for e in report.errors if e.startswith(f"{work / 'seeds' / name}:")]
    assert len(mine) == 1, report.errors
    assert words in mine[0] and "\n" not in mine[0]
    assert (f"{name}:{line}: " in mine[0]) if line else (f"{name}: " in mine[0])
    assert re.search(r"(must|add|write|save|put|paste|split|end|fix|rename|delete|remove|correct)\b", mine[0])


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if not case[1]])
def test_build_odd_but_valid_seed_builds_with_text_intact(name, bad_project):
    work, report = bad_project
    stem = name.rsplit(".", 1)[0]
    data = next((d for d in report.datas if d["id"] == stem), None)
    assert data is not None, report.errors
    text = " ".join(data["body"])
    assert "\u200b" not in text and "\u00a0" not in text and "\t" not in text and "\r" not in text
    if CURLY.encode() in CASES[name][0] or "utf16" in name or "cp1252" in name:
        assert data["title"].startswith("The ")
        assert CURLY in text


def test_build_unsafe_file_name_gives_a_url_safe_page(bad_project):
    work, _ = bad_project
    pages = [p.relative_to(work / "out").as_posix() for p in (work / "out").rglob("*.md")]
    assert "2023/05/cafe-spaces-20.md" in pages
    assert all(re.fullmatch(r"[a-z0-9/_.-]+", page) for page in pages if page != "about.md")


def test_build_duplicates_and_collisions_reported_once_first_kept(bad_project):
    work, report = bad_project
    ids = {d["id"] for d in report.datas}
    assert {"dup-a", "Same Name"} <= ids and not {"dup-b", "same-name"} & ids
    assert any("dup-b.txt: same text as dup-a.txt" in e for e in report.errors)
    assert any(
        "same-name.txt: its page 2023/07/same-name.md is already made from Same Name.txt" in e for e in report.errors
    )


def test_build_sidecar_errors_name_the_corrections_file(bad_project):
    work, report = bad_project
    assert any(e.startswith(f"{work / 'seeds' / 'good.yml'}:2: not valid YAML") for e in report.errors)
    assert any("one-line.yml: roles: 'Nobody Here' is not in the briefing any more" in e for e in report.errors)


def test_build_sidecar_aliases_refused_in_one_line(bad_project):
    work, report = bad_project
    errors = [e for e in report.errors if "bom.yml" in e]
    assert len(errors) == 1 and "aliases (*name) are not allowed" in errors[0] and len(errors[0]) < 300
    assert "bom" in {d["id"] for d in report.datas}  # the seed builds without its corrections


def test_build_seed_named_like_a_generated_page_keeps_both(bad_project):
    work, report = bad_project
    month = (work / "out" / "2023/05/index.md").read_text("utf-8")
    assert (work / "out" / "2023/05/index-briefing.md").exists()
    assert "The index case" in month and "Good seed" in month  # the listing kept, the seed listed in it


def test_sidecar_one_stale_entry_costs_only_itself(tmp_path):
    from generator.sidecar import apply_corrections, read_sidecar

    data = {
        "title": "Old",
        "actors": [{"name": "Ann Lee", "aliases": [], "role": None}],
        "timeline": [],
        "figures": [],
        "quotes": [{"text": "We will build it."}],
    }
    sidecar = tmp_path / "story.yml"
    sidecar.write_text(
        "title: New title\nroles:\n  Ann Lee: mayor\n  Gone Person: x\n"
        "drop:\n  quotes: [We will, Never said]\n  bogus: [x]\n",
        "utf-8",
    )
    corrected, errors = apply_corrections(data, read_sidecar(sidecar), sidecar)
    assert corrected["title"] == "New title" and corrected["actors"][0]["role"] == "mayor"
    assert corrected["quotes"] == []
    assert sorted(str(e).split(": ", 1)[1] for e in errors) == [
        "drop: quotes: 'Never said' is not in the briefing any more; correct or remove this line",
        "drop: unknown section 'bogus'; use actors, timeline, figures, quotes",
        "roles: 'Gone Person' is not in the briefing any more; correct or remove this line",
    ]


def test_build_links_out_of_the_folder_and_special_files_are_refused_with_a_reason(bad_project):
    work, report = bad_project
    notes = "\n".join(report.notes)
    assert "linked.txt: a link to a file outside seeds/" in notes and "dangling.txt: a link to nothing" in notes
    assert "sub: a folder" in notes and "pipe.txt: not a regular file" in notes
    published = "".join(p.read_text("utf-8", "replace") for p in (work / "out").rglob("*.json"))
    assert "hunter2" not in published
    assert "inside-link" in {d["id"] for d in report.datas} or any("inside-link" in e for e in report.errors)


def test_build_ignored_files_are_noted_not_errors(bad_project):
    work, report = bad_project
    noted = " ".join(report.notes)
    assert "notes.docx" in noted and "photo.png" in noted and "orphan.yml" in noted
    assert not any("notes.docx" in e or "photo.png" in e for e in report.errors)


def test_build_home_page_lists_every_error(bad_project):
    work, report = bad_project
    home = html.unescape((work / "out" / "index.md").read_text("utf-8"))
    for error in report.errors:
        assert " ".join(error.split()) in home


def test_build_keeps_hand_written_pages(bad_project):
    work, _ = bad_project
    assert (work / "out" / "about.md").read_text("utf-8") == "# About\n\nHand-written.\n"


@pytest.mark.slow
def test_check_lists_every_problem_and_fails(bad_project):
    work, report = bad_project
    checked = check_seeds(work / "seeds", cache=work / "cache")
    assert sorted(checked.problems) == sorted(report.errors)  # the same problems, the same words


@pytest.mark.slow
def test_cli_check_exits_1_listing_all(bad_project, capsys):
    from generator.cli import main

    work, report = bad_project
    assert main(["check", "--seeds", str(work / "seeds"), "--cache", str(work / "cache")]) == 1
    err = capsys.readouterr().err
    assert (
        err.count("error: ")
        == len(check_seeds(work / "seeds", cache=work / "cache").problems)
        >= len([c for c in CASES.values() if c[1]]) + 3
    )


# Nothing lost -------------------------------------------------------------


@pytest.fixture()
def small_project(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "story.txt").write_text(
        "date 2023-05-25\ntitle The harbour story\n\n"
        + ARTICLE
        + "Mayor Anne Hidalgo said on Monday that “the bridge is safe”.\n",
        "utf-8",
    )
    config = BuildConfig(
        seeds=seeds,
        out=tmp_path / "out",
        templates=ROOT / "templates",
        cache=tmp_path / "cache",
        jobs=1,
        progress=False,
    )
    return config


def test_build_failing_seed_keeps_last_good_briefing_marked_stale(small_project):
    config = small_project
    assert build(config).errors == []
    (config.seeds / "story.txt").write_text("title no date any more\n\nBroken.\n", "utf-8")
    report = build(config)
    page = (config.out / "2023/05/story.md").read_text("utf-8")
    assert len(report.errors) == 1 and "no 'date" in report.errors[0]
    assert '!!! warning "Stale' in page and "The harbour story" in page
    assert json.loads((config.out / "2023/05/story.json").read_text("utf-8"))["stale"] == report.errors[0]
    (config.seeds / "story.txt").unlink()
    build(config)
    assert not (config.out / "2023/05/story.md").exists()


def test_build_sidecar_corrections_survive_regeneration(small_project):
    config = small_project
    first = build(config).datas[0]
    person = next(a for a in first["actors"] if a["kind"] == "person")
    dropped = first["timeline"][0]["expression"]
    (config.seeds / "story.yml").write_text(
        f"title: 'Corrected: <b>title</b>'\nsummary: A corrected summary.\ntags: [harbour, city]\n"
        f"roles:\n  {person['name']}: chief engineer\ndrop:\n  timeline: [{json.dumps(dropped)}]\n",
        "utf-8",
    )
    for _ in range(2):  # applied on every build, from cached data too
        report = build(config)
        data = json.loads((config.out / "2023/05/story.json").read_text("utf-8"))
        assert report.errors == []
        assert data["title"] == "Corrected: <b>title</b>" and data["summary"] == "A corrected summary."
        assert data["tags"][:2] == ["harbour", "city"]  # the corrected tags, then the places the page adds
        assert next(a for a in data["actors"] if a["name"] == person["name"])["role"] == "chief engineer"
        assert all(e["expression"] != dropped for e in data["timeline"])
    assert "<b>" not in to_html((config.out / "2023/05/story.md").read_text("utf-8"))


def test_write_interrupted_build_is_completed_by_the_next(small_project, monkeypatch):
    from generator import writer

    config = small_project
    calls = []
    real = writer.write_atomic

    def dying(path, content):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(path, content)

    monkeypatch.setattr(writer, "write_atomic", dying)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.setattr(writer, "write_atomic", real)
    assert not list(config.out.rglob("*.tmp"))
    report = build(config)
    assert report.errors == [] and not report.write.refused
    assert (config.out / "2023/05/story.md").exists()


# Hostile text --------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src='javascript:alert(1)'>",
    "[click](javascript:alert(1))",
    "# heading | cell |",
    "{{ config }} {% if x %}",
    "---\ntitle: x\n---",
    "*bold* _it_ `code` <b>raw</b> &amp; ::: !!! note",
]
MD_EXTENSIONS = ["admonition", "tables", "attr_list", "md_in_html", "toc", "meta"]


def to_html(page: str) -> str:
    return markdown.markdown(page.split("\n---\n", 1)[1], extensions=MD_EXTENSIONS)


class ElementLister(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_inert(page_html: str) -> None:
    """No element or attribute that article text could have made: only the
    template's own markup, and no script, handler or javascript: link."""
    lister = ElementLister()
    lister.feed(page_html)
    for tag, attrs in lister.elements:
        assert tag not in ("script", "img", "iframe", "b", "object", "embed", "style", "form"), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:"), (tag, attrs)
    lowered = page_html.lower()
    assert "<strong>bold" not in lowered and "<em>it" not in lowered


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n", 2)[1])


def test_build_hostile_seed_reads_as_written_and_runs_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    title = " ".join(h.replace("\n", " ") for h in HOSTILE)
    body = " ".join(f"Mayor Anne Hidalgo said on Monday: “{h.replace(chr(10), ' ')} is here.”" for h in HOSTILE)
    (seeds / "hostile.txt").write_text(
        f"date 2023-05-25\ntitle {title}\nsource <script>x</script>\n"
        f"url javascript:alert(1)\ntags <b>t</b>, {{{{x}}}}\n\n{body}\n",
        "utf-8",
    )
    out = tmp_path / "out"
    report = build(BuildConfig(seeds=seeds, out=out, templates=ROOT / "templates", cache=None, jobs=1))
    assert report.errors == []
    for page in ("2023/05/hostile.md", "index.md", "2023/05/index.md"):
        text = (out / page).read_text("utf-8")
        rendered = to_html(text)
        assert_inert(rendered)
        assert "javascript:alert" not in text.split("\n---\n", 1)[1]
    page = (out / "2023/05/hostile.md").read_text("utf-8")
    assert html.unescape(front_matter(page)["title"]) == title  # HTML-escaped: the theme prints it as is
    readable = html.unescape(re.sub(r"<[^>]+>", "", to_html(page)))
    assert " ".join(title.split()) in " ".join(readable.split())


# Properties ------------------------------------------------------------------

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r\u00a0\u200b<>&*_[]()#|{}%`-:\"'!"),
    max_size=300,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@SETTINGS
@given(st.binary(max_size=3000))
def test_seed_from_bytes_any_bytes_a_seed_or_a_seed_error(data):
    try:
        seed = seed_from_bytes(data, "seeds/x.txt")
    except SeedError as error:
        assert str(error).startswith("seeds/x.txt") and "\n" not in str(error).split(": ", 1)[1].strip("\n")
    else:
        assert seed.body.strip()


@pytest.mark.slow
@SETTINGS
@given(TEXT.filter(lambda t: t.translate(INVISIBLE).strip()))
def test_seed_from_bytes_body_round_trips(body):
    for encoding in ("utf-8", "utf-16", "utf-8-sig"):
        try:
            seed = seed_from_bytes(f"date 2023-05-25\n\n{body}".encode(encoding), "x.txt")
        except SeedError as error:  # 'Â\xa0' is what a no-break space becomes when UTF-8 is saved again as cp1252
            assert "saved again" in str(error) and DOUBLE_ENCODED.search(body), error
            continue
        assert seed.body == body.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.slow
@SETTINGS
@given(TEXT)
def test_parse_seed_any_header_value_no_crash(value):
    try:
        seed = parse_seed(f"date 2023-05-25\ntitle {value}\n\nBody.", "x.txt")
    except SeedError:
        return
    assert seed.title is None or seed.title == seed.title.strip()


def synthetic_data(texts: list[str]) -> dict:
    t = (texts * 8)[:8]
    sentences = [{"id": f"s{i + 1}", "paragraph": i // 2, "text": text or "x"} for i, text in enumerate(t[:4])]
    return {
        "id": "prop",
        "published": "2023-05-25",
        "title": t[0],
        "summary": t[1],
        "summary_sentences": [t[1]],
        "source": t[2],
        "url": "https://example.org/" + t[3],
        "author": t[4],
        "tags": [t[5], t[6]],
        "body": [" ".join(s["text"] for s in sentences if s["paragraph"] == p) for p in range(2)],
        "sentences": sentences,
        "timeline": [
            {
                "when": "2023-05-24",
                "readable": "24 May 2023",
                "granularity": "day",
                "expression": t[7],
                "event": t[0],
                "source": t[1],
                "sentence": "s1",
            }
        ],
        "actors": [
            {"name": t[2], "kind": "person", "aliases": [t[3]], "role": t[4], "mentions": 1, "sentences": ["s1"]}
        ],
        "figures": [
            {
                "text": t[5],
                "value": 1.5,
                "unit": t[6],
                "measure": t[7],
                "qualifier": None,
                "period": None,
                "conversion": None,
                "source": t[0],
                "sentence": "s2",
            }
        ],
        "quotes": [{"speaker": t[3], "text": t[4], "source": t[5], "sentence": "s3"}],
        "removed_boilerplate": [],
        "generator": "test",
    }


RENDERED: list[dict] = []  # data of the examples, for the MkDocs test below


@pytest.mark.slow
@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=8))
def test_render_site_any_text_inert_and_readable(texts):
    data = synthetic_data(texts)
    files = render_site([data], make_environment(ROOT / "templates"), [texts[0]])
    page = files["2023/05/prop.md"].decode()
    assert html.unescape(front_matter(page)["title"]) == " ".join(data["title"].split())
    rendered = to_html(page)
    assert_inert(rendered)
    readable = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    for text in (data["title"], data["sentences"][0]["text"]):
        assert " ".join(text.split()) in readable
    if len(RENDERED) < 60:
        RENDERED.append({**data, "id": f"prop{len(RENDERED)}"})


@pytest.mark.slow
def test_mkdocs_build_strict_accepts_generated_pages(tmp_path):
    """The pages of the property test above, with the project's own site, through MkDocs itself."""
    import subprocess
    import sys

    from generator.writer import read_manifest

    if not RENDERED:
        test_render_site_any_text_inert_and_readable()
    docs = tmp_path / "briefings"
    generated = set(read_manifest(ROOT / "briefings"))
    for path in (ROOT / "briefings").rglob("*"):
        relative = path.relative_to(ROOT / "briefings").as_posix()
        if path.is_file() and relative not in generated and not path.name.startswith("."):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, docs / relative)
    errors = [t["title"] for t in RENDERED[:5]]
    for relative, content in render_site(RENDERED, make_environment(ROOT / "templates"), errors).items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    config = (ROOT / "mkdocs.yml").read_text("utf-8").replace("\n  - briefings\n", "\n")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT.filter(str.strip), min_size=1, max_size=4))
def test_extract_data_any_article_text_gives_renderable_data(paragraphs):
    """The whole pipeline, NLP included, on arbitrary text: data, or a SeedError."""
    from generator.parallel import extract_data

    raw = ("date 2023-05-25\n\n" + "\n\n".join(paragraphs)).encode()
    try:
        data = extract_data(ROOT / "x.txt", raw)
    except SeedError:
        return
    files = render_site([data], make_environment(ROOT / "templates"), [])
    assert_inert(to_html(files["2023/05/x.md"].decode()))


def test_briefing_failing_extractor_costs_only_its_part(nlp, monkeypatch):
    """A rule that raises on an unforeseen text loses that part, named in the data, not the article."""
    import generator.briefing as briefing_module
    from generator.data import briefing_data

    def broken(*args):
        raise ValueError("invalid literal for int() with base 10: '1,000,00'")

    monkeypatch.setattr(briefing_module, "find_figures", broken)
    seed = seed_from_bytes(
        b"date 2023-05-25\n\nOn Wednesday, Xi Jinping met Li Qiang in Beijing. He paid 1,000,00 dollars.", "seeds/x.txt"
    )
    data = briefing_data(briefing_module.make_briefing(seed, nlp))
    assert data["figures"] == [] and data["incomplete"][0].startswith("figures (ValueError")
    assert [e["when"] for e in data["timeline"]] == ["2023-05-24"]
    assert {a["name"] for a in data["actors"]} >= {"Xi Jinping", "Li Qiang"}


def test_build_hand_edit_of_a_generated_page_is_kept_and_reported(small_project):
    config = small_project
    build(config)
    page = config.out / "2023/05/story.md"
    assert "generated: true" in page.read_text("utf-8")
    page.write_text(page.read_text("utf-8") + "\nA note a person added.\n", "utf-8")
    (config.seeds / "story.txt").write_text((config.seeds / "story.txt").read_text("utf-8") + "More news.\n", "utf-8")
    report = build(config)
    assert "A note a person added." in page.read_text("utf-8")  # never overwritten silently
    assert [e for e in report.errors if "changed by hand since it was generated" in e and "story.md" in e]
    page.unlink()
    assert build(config).errors == [] and "More news&#46;" in page.read_text("utf-8")


def test_build_file_name_with_a_newline_cannot_forge_a_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad\nWARNING - forged.txt").write_bytes(b"no header here\n\nText.\n")
    report = build(
        BuildConfig(seeds=seeds, out=tmp_path / "out", templates=ROOT / "templates", cache=None, jobs=1, progress=False)
    )
    assert len(report.errors) == 1 and "\n" not in report.errors[0] and "bad\\nWARNING" in report.errors[0]


@pytest.mark.slow
def test_build_killed_takes_its_workers_with_it(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(10):
        (seeds / f"s{n}.txt").write_text(article(f"worker {n}") * 20, "utf-8")
    build_process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "build",
            "--seeds",
            str(seeds),
            "--out",
            str(tmp_path / "out"),
            "--no-cache",
            "--jobs",
            "2",
            "--no-progress",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.monotonic() + 120
    while len(children) < 2 and build_process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        children = [
            int(pid)
            for pid in (Path(f"/proc/{build_process.pid}/task/{build_process.pid}/children").read_text().split())
        ]
    assert len(children) >= 2, "the build started no workers"
    build_process.send_signal(signal.SIGKILL)
    build_process.wait()

    def alive() -> list[int]:
        living = []
        for pid in children:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                living.append(pid)
        return living

    deadline = time.monotonic() + 30  # a worker still starting ends once it has started
    while alive() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert alive() == [], "workers outlived the killed build"


def test_build_sidecar_keep_puts_a_removed_line_back(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    line = "Read the full text of the ruling below."
    (seeds / "ruling.txt").write_text(
        f"date 2023-05-25\n\nThe court ruled on Monday that the law stands. {line} The judges voted 5-4.\n", "utf-8"
    )
    config = BuildConfig(
        seeds=seeds,
        out=tmp_path / "out",
        templates=ROOT / "templates",
        cache=tmp_path / "cache",
        jobs=1,
        progress=False,
    )
    first = build(config).datas[0]
    assert line in first["removed_boilerplate"] and line not in " ".join(first["body"])
    (seeds / "ruling.yml").write_text(f"keep: [{json.dumps(line)}]\n", "utf-8")
    report = build(config)
    data = report.datas[0]
    assert report.errors == [] and line in " ".join(data["body"]) and line not in data["removed_boilerplate"]
    (seeds / "ruling.yml").write_text("keep: [A line that is nowhere]\n", "utf-8")
    assert any("keep: 'A line that is nowhere' is not in the article" in e for e in build(config).errors)
