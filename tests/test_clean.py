import pytest
import yaml

from generator.clean import clean_body, fix_punctuation, normalize_text
from generator.seeds import read_seed

from .conftest import ROOT, SEED


def test_clean_body_removes_every_promotion_of_the_founding_seed(nlp):
    gold = yaml.safe_load((ROOT / "tests/gold/000_cbfe35416636920c.yaml").read_text())
    cleaned = clean_body(read_seed(SEED).body, nlp)
    text = " ".join(cleaned.paragraphs)
    for phrase in gold["boilerplate"]:
        assert phrase not in text
    for sentence in (
        "The Chinese leader cited the United Nations (UN)",
        "It was on the sidelines of last September",
        "Mishustin echoed his interlocutor",
        "Fuel purchases, in particular",
        "For Beijing, the approach is valid",
    ):
        assert sentence in text


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(p.name for p in (ROOT / "seeds").glob("[01][0-9]_*.txt")))
def test_clean_body_keeps_clean_articles_whole(seed, nlp):
    """Articles without page furniture lose nothing but spacing."""
    body = read_seed(ROOT / "seeds" / seed).body
    cleaned = clean_body(body, nlp)
    assert all(r.startswith("((") for r in cleaned.removed)
    markers = sum(word.startswith("((") for word in body.split())
    assert len(" ".join(cleaned.paragraphs).split()) >= len(body.split()) - markers - 3


def test_fix_punctuation_mends_stray_stops_and_spaces():
    assert fix_punctuation("the war. on February 24.") == "the war on February 24."
    assert fix_punctuation("a rebel province. . The") == "a rebel province. The"
    assert fix_punctuation("India, Pakistan , Iran") == "India, Pakistan, Iran"
    assert fix_punctuation("U.S. officials. e.g. this") == "U.S. officials. e.g. this"


def test_normalize_text_handles_invisible_and_odd_spaces():
    assert normalize_text("a\u00a0b\u200bc\r\nd\te") == "a bc\nd e"


def test_clean_body_keeps_a_quotation_after_said_colon(nlp):
    text = "After the ceremony, he said: The relations are good and will grow. Then he left."
    assert clean_body(text, nlp).paragraphs == (text,)


def test_clean_body_drops_wiki_language_markers(nlp):
    cleaned = clean_body('He called it "dangerous" ((it)) and "ideological" ((it)).', nlp)
    assert cleaned.paragraphs == ('He called it "dangerous" and "ideological".',)


@pytest.mark.parametrize(
    "text,kept",
    [
        (
            "Prices rose sharply. Read more: Why inflation is back and what it means for you "
            "The central bank said it would act.",
            "Prices rose sharply. The central bank said it would act.",
        ),
        ("Prices rose. (Reporting by Jane Doe; Editing by John Roe)", "Prices rose."),
        ("Advertisement The central bank said it would act.", "The central bank said it would act."),
    ],
)
def test_clean_body_cuts_furniture_kickers_and_credits(nlp, text, kept):
    assert clean_body(text, nlp).paragraphs == (kept,)


def test_clean_body_reads_lines_as_paragraphs_only_when_they_are_long(nlp):
    wrapped = "The central bank raised rates on Tuesday,\nits third rise this year.\n"
    assert clean_body(wrapped, nlp).paragraphs == (
        "The central bank raised rates on Tuesday, its third rise this year.",
    )
    long_line = "The central bank raised its main interest rate on Tuesday, its third rise this year, officials said."
    assert len(clean_body(f"{long_line}\n{long_line}", nlp).paragraphs) == 2


@pytest.mark.parametrize(
    "text,kept",
    [
        ("ADVERTISEMENT\n\nThe bank acted.", "The bank acted."),
        ("Watch the markets closely, the bank said.", "Watch the markets closely, the bank said."),
    ],
)
def test_clean_body_furniture_only_where_it_stands_alone(nlp, text, kept):
    assert " ".join(clean_body(text, nlp).paragraphs) == kept
