"""Quote attribution on small hand-built news sentences (real spaCy pipeline): right
before complete — an unnamed speaker or a document is never the nearest named person."""

import datetime as dt

import pytest

from generator.briefing import make_briefing
from generator.model import Seed


def quotes(nlp, body: str) -> dict[str, str | None]:
    seed = Seed(name="t", path="t.txt", published=dt.date(2023, 5, 25), body=body, body_line=3)
    return {q.text: q.speaker for q in make_briefing(seed, nlp).quotes}


def speaker_of(found: dict, anchor: str):
    return next((speaker for text, speaker in found.items() if anchor in text), None)


@pytest.mark.parametrize(
    "body,anchor,speaker",
    [
        # '…," X said' / '…," said X' / 'X said: "…"' / 'X notes, "…"'
        (
            'Mao Ning, the foreign ministry spokesperson, spoke on Monday. "We oppose the sanctions firmly and '
            'always will," Mao said.',
            "We oppose the sanctions",
            "Mao Ning",
        ),
        (
            '"The talks will go on for as long as it takes," said Marco Rubio, the Secretary of State.',
            "The talks will go on",
            "Marco Rubio",
        ),
        (
            'Colette Heald, a professor, spoke. The U.S. Department of Agriculture notes, "Ground-level ozone causes '
            'more damage to plants than all other air pollutants combined", highlighting the stakes.',
            "Ground-level ozone",
            "U.S. Department of Agriculture",
        ),
        (
            '"Foolhardy provocation deserves harsh punishment and it will come soon", added KCNA, the state agency.',
            "Foolhardy provocation",
            "KCNA",
        ),
    ],
)
def test_attribution_by_quotation_structure(nlp, body, anchor, speaker):
    found = speaker_of(quotes(nlp, body), anchor)
    assert found is not None and (found == speaker or speaker in found)


@pytest.mark.parametrize(
    "body,anchor,wrong",
    [
        # an unnamed spokesperson: the department, never the named spokesperson of another country
        (
            "Chinese foreign ministry spokesperson Mao Ning said China opposed it. A spokesperson said the State "
            'Department does not comment on intelligence matters but "remains focused on preventing the proliferation '
            'of items to Iran."',
            "remains focused",
            "Mao Ning",
        ),
        # a question from a form quoted by a newspaper is nobody's statement
        (
            '"People fleeing desperate circumstances need help now," said Caitlin Boswell, a campaigner. The Guardian '
            'cited examples of complicated questions, including: "Were you subject to human trafficking at any point '
            'on your journey to the UK?"',
            "Were you subject",
            "Caitlin Boswell",
        ),
        # a document's words are not the nearest person's
        (
            "Colette Heald, a professor at MIT, led the study. A leaked internal letter seen by Sky News says "
            '"failure to return the questionnaire may result in the claim being withdrawn."',
            "failure to return",
            "Colette Heald",
        ),
    ],
)
def test_unnamed_speaker_is_not_the_nearest_person(nlp, body, anchor, wrong):
    assert speaker_of(quotes(nlp, body), anchor) != wrong


def test_document_quote_not_credited_to_the_newspaper_that_saw_it(nlp):
    found = quotes(
        nlp,
        'A leaked internal letter seen by Sky News says "failure to return the questionnaire '
        'without reasonable explanation may result in the claim being withdrawn."',
    )
    assert speaker_of(found, "failure to return") != "Sky News"


def test_quote_after_attribution_continues_its_speaker(nlp):
    found = quotes(
        nlp,
        '"War maniacs of the puppet military made another grave provocation", said KCNA. '
        '"Foolhardy provocation deserves harsh punishment", it added; and, later, "The commanders '
        'were hastily dispatched to the front-line troops".',
    )
    assert speaker_of(found, "commanders were hastily dispatched") == speaker_of(found, "War maniacs")


def test_pronoun_speaker_resolved_to_the_person_just_named(nlp):
    found = quotes(
        nlp,
        'Harry Kane won the award. He said, "In the first half it felt good out there and we could have scored more."',
    )
    assert speaker_of(found, "In the first half") == "Harry Kane"


def test_pronoun_far_from_any_person_is_not_resolved(nlp):
    filler = " ".join(["The committee met again on Monday and discussed the budget at length."] * 12)
    found = quotes(
        nlp, f'Harry Kane won the award. {filler} "We will fight this decision in every court we can find," he said.'
    )
    assert speaker_of(found, "We will fight") != "Harry Kane"


def test_description_with_another_country_is_not_a_namesake_by_role(nlp):
    found = quotes(
        nlp,
        "Soviet special ambassador Mikhail Sytenko will visit Baghdad. The Iraqi ambassador to Greece "
        'said in Athens the foreigners could leave "as soon as the threats from the United States and '
        'its allies are eliminated."',
    )
    assert speaker_of(found, "as soon as the threats") != "Mikhail Sytenko"


def test_quote_attributed_to_an_unnamed_official_does_not_continue_the_last_speaker(nlp):
    found = quotes(
        nlp,
        '"No point getting into all these semantics," Bush said. "That shows he is nervous about '
        'pinpointing his location," says one U.S. official.',
    )
    assert speaker_of(found, "That shows he is nervous") is None


def test_the_city_speaks_for_the_municipality_just_named(nlp):
    found = quotes(
        nlp,
        'The fine was imposed by the Municipality of Ferrara in 2019. The city argued, "the operators of the car '
        'park earn money from every visitor, so the fee is a commercial one".',
    )
    assert speaker_of(found, "the operators of the car park") == "Municipality of Ferrara"


def test_the_city_is_nobody_when_two_municipalities_were_named(nlp):
    found = quotes(
        nlp,
        'The Municipality of Ferrara and the Municipality of Bologna both imposed fines. The city argued, "the '
        'operators of the car park earn money from every visitor, so the fee is a commercial one".',
    )
    assert speaker_of(found, "the operators of the car park") is None


@pytest.mark.parametrize("owner", ["Tech Review", "Data Watch"])
def test_the_owner_of_an_analysis_that_concludes_is_its_speaker(nlp, owner):
    body = (
        f"Browser makers are fighting for users. {owner}'s recent analysis of its own traffic concluded, "
        '"Usually, Opera is the fourth browser, but over the past month it has been second."'
    )
    seed = Seed(name="t", path="t.txt", published=dt.date(2023, 5, 25), body=body, body_line=3)
    briefing = make_briefing(seed, nlp)
    assert [(a.name, a.kind) for a in briefing.actors if a.name == owner] == [(owner, "organization")]
    assert speaker_of({q.text: q.speaker for q in briefing.quotes}, "Usually, Opera") == owner
