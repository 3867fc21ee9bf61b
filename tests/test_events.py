"""Timeline events say what their sentence says (issue 17) and are statements (issue 10)."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import re

import pytest

from generator.briefing import make_briefing
from generator.evaluate import evaluate
from generator.extract.statement import statement_problems
from generator.extract.timeline import find_events, with_speakers
from generator.extract.timex import find_timexes
from generator.model import Event, Quote, Seed

from .conftest import ROOT

PUBLISHED = dt.date(2023, 5, 24)  # a Wednesday


def events(nlp, text: str, published: dt.date = PUBLISHED):
    doc = nlp(text)
    return find_events(doc, find_timexes(text, published), lambda offset: 0, lambda token: None, published)


def texts(nlp, text: str) -> list[str]:
    return [e.event for e in events(nlp, text)]


def briefing_events(nlp, body: str, published: dt.date = dt.date(1989, 10, 30)) -> dict[str, str]:
    """The whole extraction, actors included: what names 'the company' and 'he' needs."""
    seed = Seed(name="t", path="t.txt", published=published, body=body, body_line=3)
    return {e.when: e.event for e in make_briefing(seed, nlp).timeline}


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Amherst police officials declined to comment on Monday.", "declined to comment"),
        ("Police had not called Kopp a suspect until Thursday.", "had not called Kopp a suspect until Thursday"),
        ("The ministers may meet again on Friday.", "may meet again on Friday"),
        ("The company planned to open the plant in March.", "planned to open the plant in March"),
        (
            "Gerry Adams said on Tuesday that the talks would resume in Belfast.",
            "Gerry Adams said on Tuesday that the talks would resume in Belfast",
        ),
    ],
)
def test_events_keep_negation_modality_limits_and_what_was_said(nlp, text, kept):
    assert any(kept in event for event in texts(nlp, text)), texts(nlp, text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("Trade reached $70 billion in the first four months, up 40% from the same period last year.", "2022"),
        ("Exports rose 12 percent in April compared with 2022.", "2022"),
        ("The company earned $45.2 million, up from $30 million in 1987.", "1987"),
        ("This was Sweden's first victory in the opening match of the World Cup since 1958.", "1958"),
        ("Israel's prime minister has apologised to Turkey for any errors during the 2010 commando raid.", "2010"),
        ("Police arrested 12 people on Friday after the 2019 protests.", "2019"),
        ("Quarterly net income this year has risen just over comparable periods in 1988.", "1988"),
        ("The percentage change is since year-end.", "2022"),
        ("To make them comparable, each index is based on the close of 1969 equaling 100.", "1969"),
        ("Its chips are the chips of choice in many of today's personal computers.", "2023-05-24"),
    ],
)
def test_events_leave_out_dates_that_date_no_event(nlp, text, date):
    assert date not in [e.when for e in events(nlp, text)]


@pytest.mark.parametrize(
    "text, date, told",
    [  # the side clause tells its own date
        (
            "It was at last September's meeting that Xi and Putin had their first talks since they met in the days "
            "leading up to the war on February 24.",
            "2022-02-24",
            "Xi and Putin met in the days leading up to the war",
        ),
        ("The ship, which docked at the port on March 8, left Iran with fuel.", "2023-03-08", "docked at the port"),
    ],
)
def test_events_of_a_side_clause_are_not_told_by_the_whole_sentence(nlp, text, date, told):
    """Under the side clause's date, the whole sentence would date its main act."""
    found = {e.when: e.event for e in events(nlp, text)}
    assert found.get(date) != text
    assert told in found.get(date, "")
    assert "left Iran" not in found[date] and "first talks" not in found[date]


@pytest.mark.parametrize(
    "text, when",
    [
        ("William McCoy said the revised agreement would dilute earnings by about 9% in 2024.", "2024"),
        ("The board will meet on Tuesday to consider the offer.", "2023-05-30"),
        ("Albright announced plans to travel to an unnamed city next week.", "2023-W22"),
    ],
)
def test_a_date_after_publication_dates_what_is_expected(nlp, text, when):
    found = {e.when: e for e in events(nlp, text)}
    assert when in found and found[when].expected, [(e.when, e.event, e.expected) for e in found.values()]


@pytest.mark.parametrize(
    "text, when",
    [
        ("A rival bid was extended to June 16.", "2023-06-16"),  # the extension is done; June 16 is a deadline
        ("But the facility wasn't to begin turning out product until 2026.", "2026"),
        ('"How many shares will be around in 2025?"', "2025"),
    ],
)
def test_a_date_after_publication_dates_no_past_or_negated_act(nlp, text, when):
    assert when not in [e.when for e in events(nlp, text)]


def test_dates_before_publication_are_never_expected(nlp):
    assert not any(
        e.expected
        for e in events(nlp, "The board met on Tuesday. It will meet again next year.", published=dt.date(2030, 1, 1))
    )


@pytest.mark.parametrize(
    "text, when",
    [
        (
            "New evidence suggests that a series of bombings and last month's explosion at a clinic might be related.",
            "2023-04",
        ),
        ("Nestle's share of 7% before Friday's purchases is far below the shares of the market leaders.", "2023-05-19"),
        ("Sun reported sales of $538.5 million for the quarter ended March 31.", "2023-03-31"),
        ("The price of Columbia shares has been cut nearly in half since August.", "2022-08"),
        ('"Did they sell the shares in April?"', "2023-04"),
        ("Ralston attributed its second-quarter slump to higher costs of ingredients.", "2023-Q2"),  # a fiscal quarter
    ],
)
def test_a_date_that_names_when_a_thing_was_dates_no_act_of_the_clause(nlp, text, when):
    assert when not in [e.when for e in events(nlp, text)], [(e.when, e.event) for e in events(nlp, text)]


@pytest.mark.parametrize(
    "text, when",
    [
        ("The index fell 30 points, down 2.1% from Friday and 4.5% from May 2.", "2023-05-02"),  # comparison bases
        ("The decline has accelerated this month, from a price of $12 a share on May 3.", "2023-05-03"),
        ("The contract had been due to expire on Friday.", "2023-05-19"),  # an overtaken plan
        ("The talks had been scheduled for Monday.", "2023-05-22"),
        ("The firm earned $3 million in the fiscal first quarter.", "2023-Q1"),  # whose months, the text does not say
        (
            "The minister said the project was hampered by problems tied to the launch of a new portal in March.",
            "2023-03",
        ),
    ],
)
def test_a_date_that_dates_no_act_of_its_sentence_is_no_event(nlp, text, when):
    assert when not in [e.when for e in events(nlp, text)], [(e.when, e.event) for e in events(nlp, text)]


def test_a_time_clause_that_only_places_the_main_act_is_no_event(nlp):
    found = texts(nlp, "Airbus shares rose sharply after the market opened on Monday.")
    assert not any(t.startswith("The market opened") for t in found), found


@pytest.mark.parametrize(
    "text, when, told",
    [
        (
            "Under a deal signed on Monday, the two firms will share their networks.",
            "2023-05-22",
            "A deal was signed on Monday",
        ),
        (
            "The council, criticised for EU rules adopted in 2019, said it would review them.",
            "2019",
            "EU rules were adopted in 2019",
        ),
        (
            "Nothing changed for the 300 workers hired in March by the new owner.",
            "2023-03",
            "The 300 workers were hired in March by the new owner",
        ),
    ],
)
def test_a_participle_that_describes_a_noun_tells_its_own_event(nlp, text, when, told):
    """'under a program approved in 1987, Nashua had purchased …': the date is the program's,
    told as a statement of its own, not the sentence's."""
    assert (when, told) in [(e.when, e.event) for e in events(nlp, text)], [
        (e.when, e.event) for e in events(nlp, text)
    ]


def test_a_date_of_the_meeting_that_places_the_clause_dates_it(nlp):
    text = "It was on the sidelines of last September's summit in Uzbekistan that Xi and Putin met."
    assert "2022-09" in [e.when for e in events(nlp, text)]


@pytest.mark.parametrize(
    "text, when, told, not_told",
    [
        (
            "Just over two months after Xi traveled to the Kremlin, the premier arrived in Beijing.",
            "2023-03",
            "Xi traveled to the Kremlin",
            "Just over two months Xi",
        ),
        (
            "Officials will question 12,000 asylum seekers from Syria, Libya and Yemen who applied last summer.",
            "2022-SU",
            "applied last summer",
            "Officials will question",
        ),
        (
            "The Jairan stayed at the island until March 3, when it headed south and docked at the port on March 8.",
            "2023-03-08",
            "docked at the port on March 8",
            "stayed at the island",
        ),
    ],
)
def test_a_side_clause_tells_its_own_date(nlp, text, when, told, not_told):
    found = {e.when: e.event for e in events(nlp, text)}
    assert told in found.get(when, "") and not_told not in found.get(when, ""), found


@pytest.mark.parametrize(
    "text, kept",
    [
        (
            "President Clinton glossed over stern warnings from Moscow on Thursday that US air strikes against Iraq "
            "could do serious harm to relations with the Kremlin.",
            "on Thursday that US air strikes",
        ),
        (
            'One official Monday described the White House as "a collection of aides holding their breaths, "waiting '
            "to see whether he survives.",
            '"a collection of aides',
        ),
    ],
)
def test_an_event_never_cuts_its_date_or_a_quotation(nlp, text, kept):
    found = texts(nlp, text)
    assert found and all(kept in event for event in found), found
    assert all(event.count('"') % 2 == 0 or event == text for event in found), found


def test_events_keep_the_subject_the_parse_gives(nlp):
    text = "Mishustin met Putin in Moscow. On Wednesday, he traveled to Beijing."
    found = texts(nlp, text)
    assert found and not any("Putin traveled" in e or "Mishustin traveled" in e for e in found), found
    assert all(not e.lower().startswith("he ") for e in found), found


@pytest.mark.parametrize(
    "text, wrong",
    [
        (
            "Evana Roth told CNN in August she thought her husband devised the plan after he was fired in July.",
            "Evana Roth was fired",
        ),
        (
            "The last surviving member of the team which first conquered Everest in 1953 has died.",
            "member of the team first conquered",
        ),
    ],
)
def test_events_never_put_a_nearby_name_in_the_subject(nlp, text, wrong):
    assert not any(wrong in event for event in texts(nlp, text)), texts(nlp, text)


def test_events_name_the_speaker_of_a_reported_he(nlp):
    found = texts(nlp, "Chinese President Xi Jinping said on Wednesday he would visit Moscow in July.")
    assert all("Xi Jinping said" in event for event in found), found


def test_events_resolve_a_relative_subject_to_its_antecedent(nlp):
    found = texts(nlp, "The hunting season, which ended in November, was held amid growing opposition.")
    assert found == ["The hunting season ended in November"], found


def test_events_show_a_list_of_dated_items_once_as_written(nlp):
    text = "Greece and Turkey joined in 1952, West Germany in 1955 and Spain in 1982."
    found = events(nlp, text)
    assert len(found) <= 1 and all(e.event == text for e in found), [(e.when, e.event) for e in found]


def test_events_are_whole_statements(nlp):
    text = (
        "On Tuesday, Alexander Novak told the forum that Russia's energy supply to China will increase by "
        "almost 40% in 2023. The prime minister arrived in China on Monday and the next day attended a forum "
        "in Shanghai. Now that we're in 2011, it's time to say goodbye, Microsoft says."
    )
    found = texts(nlp, text)
    assert found
    for event in found:
        assert statement_problems(event, nlp) == [], event
    assert any("40%" in e for e in found) and not any("we 're" in e for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Amherst police officials declined to comment.",
        "It was on the sidelines of the meeting that Xi and Putin met.",
        "Russia's energy supply will increase by almost 40% in 2023.",
        "“It diverts attention,” Rubio told VOA earlier this week.",
    ],
)
def test_statement_check_accepts_statements(nlp, text):
    assert statement_problems(text, nlp) == []


@pytest.mark.parametrize(
    "text, problem",
    [
        ("construction", "no subject"),
        ("Mikhail Mishustin traveled", None),
        ("he traveled to Beijing", "pronoun"),
        ("Xi said he would support the Kremlin's", "continuation"),
        ("Russia's energy supply will increase by almost 40", "unit"),
        ("Now that we 're in 2011, it is time to go", "contraction"),
        ("the start of the war", "no finite verb"),
    ],
)
def test_statement_check_names_what_is_missing(nlp, text, problem):
    problems = statement_problems(text, nlp)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def run_on(clauses: int) -> str:
    """One sentence of many dated clauses, as a careless feed may deliver."""
    parts = [
        f"the council met on {MONTHS[i % 12]} {i % 28 + 1}, {1990 + i % 30} and the mayor spoke on "
        f"{MONTHS[(i + 3) % 12]} {i % 27 + 1}, {1991 + i % 30}"
        for i in range(clauses)
    ]
    return "In the old town " + ", ".join(parts) + "."


def date_list(dates: int) -> str:
    return (
        "The council met on "
        + ", ".join(f"{MONTHS[i % 12]} {i % 28 + 1}, {1990 + i % 30}" for i in range(dates))
        + " and in May 2001."
    )


def calls(nlp, text: str) -> int:
    """Function calls spent building the events: a count of work, not of seconds."""
    doc = nlp(text)
    timexes = find_timexes(text, PUBLISHED)
    profile = cProfile.Profile()
    profile.runcall(find_events, doc, timexes, lambda offset: 0, lambda token: None)
    return pstats.Stats(profile).total_calls


@pytest.mark.slow
@pytest.mark.parametrize("make, size", [(run_on, 40), (date_list, 120)])
def test_events_of_a_run_on_sentence_cost_work_in_proportion_to_its_length(nlp, make, size):
    single, double = calls(nlp, make(size)), calls(nlp, make(2 * size))
    assert double / single < 2.8, (single, double)  # quadratic work would give about 4


# 93 of the 97 seed events read as statements (0.959, 2026-11-29): one more fails.
STATEMENT_FLOOR = 0.95
# Timeline F1 of each seed, pinned at the score measured on 2026-11-29 less 0.02: 1.00 unless noted,
# so 0.98. 05 gives up one gold date, 08 and 09 miss dates the tagger does not resolve
# ('[Ten] years ago', 'June 28').
TIMELINE_FLOOR = 0.98
TIMELINE_FLOORS = {
    "05_iran-ship-china-propellant": 0.93,  # measured 0.950
    "08_microsoft-ie6-countdown": 0.89,  # measured 0.909
    "09_nasa-shuttle-anniversary": 0.91,  # measured 0.933
}


@pytest.mark.slow
def test_seed_events_are_statements(project_build, nlp):
    import json

    out, _ = project_build
    found = [
        e["event"]
        for path in out.rglob("*.json")
        if not path.name.startswith(".")
        for e in json.loads(path.read_text("utf-8")).get("timeline", [])
    ]
    failing = [(e, statement_problems(e, nlp)) for e in found]
    failing = [(e, p) for e, p in failing if p]
    assert len(found) > 50
    assert 1 - len(failing) / len(found) >= STATEMENT_FLOOR, failing


@pytest.mark.slow
def test_seed_timelines_stay_above_their_floors(project_build):
    out, _ = project_build
    report = evaluate(ROOT / "tests" / "gold", out)
    scores = {s.seed: round(s.sections["timeline"].f1(), 3) for s in report.seeds}
    low = {seed: f1 for seed, f1 in scores.items() if f1 < TIMELINE_FLOORS.get(seed, TIMELINE_FLOOR)}
    assert not low, low


@pytest.mark.parametrize(
    "text, date",
    [  # a sentence with one date is told whole: a cut would drop who said it, why, or what 'the effect' is
        (
            "Traders said that selling pressure wasn't enormous and that the DAX dropped Friday more on a lack of "
            "buying interest.",
            "2023-05-19",
        ),
        ("Just last month, an off duty policeman was killed when a bomb exploded at another clinic.", "2023-04"),
        (
            "Analysts have complained that third-quarter corporate earnings haven't been very good, but the effect "
            "hit home particularly hard yesterday.",
            "2023-05-23",
        ),
    ],
)
def test_a_sentence_with_one_date_is_told_whole(nlp, text, date):
    told = {e.when: re.sub(r" \[[^]]*\]", "", e.event) for e in events(nlp, text)}  # without '[April 2023]'
    assert told == {date: text}


def test_a_side_clause_with_the_only_date_is_still_told_alone(nlp):
    """The whole sentence would date the recommendation, not the close, on Friday."""
    text = (
        'Another analyst recently went to a "sell" recommendation on Kellogg stock, which closed Friday at $71.75, '
        "down 75 cents."
    )
    assert texts(nlp, text) == ["Kellogg stock closed Friday at $71.75, down 75 cents"]


@pytest.mark.parametrize(
    "text, date",
    [  # a date that describes a noun dates that thing, not an act of the clause
        (
            "Most of Compaq's decline is being attributed to a first-quarter earnings report that came in at the "
            "low end of expectations.",
            "2023-Q1",
        ),
        ("The company has no estimate of the impact of the earthquake on second-quarter results.", "2023-Q2"),
    ],
)
def test_a_date_describing_a_noun_dates_no_event(nlp, text, date):
    assert date not in [e.when for e in events(nlp, text)]


def test_a_date_describing_the_noun_that_places_the_act_dates_it(nlp):
    text = "In its Jan. 22 report, the newspaper cited officials as saying the ship would leave in early February."
    assert "2023-01-22" in [e.when for e in events(nlp, text)]


def test_a_relative_clause_after_an_amount_tells_what_the_amount_measures(nlp):
    text = (
        "Results included net realized capital gains of $48 million, which included $27 million from the sale of "
        "Federated Investors in April and a $15 million tax credit."
    )
    told = {e.when: e.event for e in events(nlp, text)}
    assert told["2023-04"].startswith("Net realized capital gains of $48 million included $27 million")


def test_a_description_of_the_article_s_company_is_named_in_brackets(nlp):
    body = (
        "General Mills Inc. gained market share this year. Kellogg Co. reported lower third-quarter earnings "
        "on Friday. Kellogg's cereal volume fell.\n\n"
        "Last year, the company earned $480.4 million, or $3.90 a share."
    )
    told = briefing_events(nlp, body)
    assert told["1988"] == "Last year [1988], the company [Kellogg Co] earned $480.4 million, or $3.90 a share."


def test_a_description_is_not_named_when_two_companies_could_be_meant(nlp):
    body = (
        "Kellogg Co. and General Mills Inc. reported results on Friday.\n\n"
        "Last year, the company earned $480.4 million, or $3.90 a share."
    )
    told = briefing_events(nlp, body)
    assert told["1988"] == "Last year [1988], the company earned $480.4 million, or $3.90 a share."


def test_the_article_s_company_is_named_far_from_its_name_only_with_no_other_organization_near(nlp):
    body = (
        "Kellogg Co. reported lower earnings. Kellogg said cereal volume fell. Kellogg closed a plant.\n\n"
        "Analysts expect more cuts. Volume may recover next year. Prices were steady.\n\n"
        "The company had a one-time charge of $14.8 million in the third quarter."
    )
    assert briefing_events(nlp, body)["1989-Q3"] == (
        "The company [Kellogg Co] had a one-time charge of $14.8 million in the third quarter."
    )
    near = body.replace("The company had", "An IBM spokeswoman said the company had")
    assert "[" not in briefing_events(nlp, near)["1989-Q3"]  # the company may be IBM


@pytest.mark.parametrize(
    "body, told",
    [
        (
            "Chinese Premier Li Qiang met the envoy. On Tuesday, Li said that trade grew 40 percent.",
            "On Tuesday, Li Qiang said that trade grew 40 percent.",
        ),
        (  # the speaker's words are not changed
            'Officials met John Sununu. Aides said on Tuesday they were "waiting to see whether Sununu stays."',
            'Aides said on Tuesday they were "waiting to see whether Sununu stays."',
        ),
    ],
)
def test_a_bare_surname_is_given_in_full_outside_quotations(nlp, body, told):
    assert briefing_events(nlp, body)["1989-10-24"] == told


def test_a_title_names_the_one_person_named_before_who_holds_it(nlp):
    body = (
        "Russian Prime Minister Mikhail Mishustin met Xi Jinping. The prime minister arrived in China on Monday. "
        "On Wednesday, he traveled to Beijing.\n\nRussian Deputy Prime Minister Alexander Novak spoke later."
    )
    told = briefing_events(nlp, body)
    assert told["1989-10-30"] == "The prime minister [Mikhail Mishustin] arrived in China on Monday."
    assert told["1989-10-25"] == "On Wednesday, he [Mikhail Mishustin] traveled to Beijing."


def test_the_aim_of_a_plan_named_in_a_phrase_is_told_as_the_plan(nlp):
    text = "The sale is part of KKR's program to pay down $5 billion of its bridge loan by February."
    told = {e.when: e.event for e in events(nlp, text, dt.date(1989, 10, 30))}
    assert told == {"1990-02": "KKR's program is to pay down $5 billion of its bridge loan by February."}
    acted_on = "The company announced plans to open 20 stores next year."
    assert [e.event for e in events(nlp, acted_on, dt.date(1989, 10, 30))] == [
        acted_on.replace("year.", "year [1990].")
    ]


@pytest.mark.parametrize(
    "text, date, told",
    [  # 'it'/'they' of a side clause stand for the subject of the clause it hangs on
        (
            "The vessel was sitting at the same depth as when it arrived in China late last year.",
            "2022",
            "The vessel arrived in China late last year [2022]",
        ),
        (
            "The Jairan left the island in June, two weeks after it docked at the port on May 8.",
            "2022-05-08",
            "The Jairan docked at the port on May 8",
        ),
    ],
)
def test_a_side_clause_pronoun_stands_for_the_subject_it_hangs_on(nlp, text, date, told):
    assert {e.when: e.event for e in events(nlp, text)}.get(date) == told


def test_a_forecast_denied_by_its_but_clause_dates_nothing(nlp):
    text = (
        "In its Jan. 22 report, the newspaper cited officials as saying the ship would depart in early February, "
        "but it did not leave until March 10."
    )
    told = {e.when for e in events(nlp, text)}
    assert "2023-02" not in told and {"2023-01-22", "2023-03-10"} <= told


def test_a_clause_before_a_semicolon_is_its_own_event(nlp):
    text = "IE's versions accounted for 70 percent of the market in 2009; this has dropped to 56 percent today."
    assert {e.when: e.event for e in events(nlp, text)}["2009"] == (
        "IE's versions accounted for 70 percent of the market in 2009"
    )


@pytest.mark.parametrize(
    "first, named",
    [
        ("Bertin Nadeau, the chairman, said discussions are under way.", "Bertin Nadeau"),
        ("A company spokesman said discussions are under way.", None),  # an unnamed person is nearer
        ("Bertin Nadeau met Henri Roy, who said discussions are under way.", None),  # another person between
        ("Mrs. Jane Nadeau said discussions are under way.", None),  # a title says she is no 'he'
    ],
)
def test_he_is_named_only_as_the_named_subject_of_the_sentence_before(nlp, first, named):
    body = f"{first} He said on Friday that all three operations are profitable."
    told = briefing_events(nlp, body)
    said = "said on Friday that all three operations are profitable."
    assert told.get("1989-10-27") == (f"{named} {said}" if named else None)  # unnamed, 'He said' tells no event


def test_he_inside_a_sentence_is_named_in_brackets(nlp):
    body = 'John Maxwell, an analyst, cut his rating. "Sales cannot get back to 40% this year," he said.'
    told = briefing_events(nlp, body)
    assert told["1989"] == '"Sales cannot get back to 40% this year," he [John Maxwell] said.'


@pytest.mark.parametrize(
    "text, told",
    [
        ("The ship sailed from China to Iran in late January and early February.", {"2023-01/2023-02"}),
        ("The talks were held on May 3 and May 5 in Geneva.", {"2023-05-03", "2023-05-05"}),  # two days, no span
        ("The minister arrived on Monday and the next day attended a forum.", {"2023-05-22", "2023-05-23"}),
        ("The ship was named in January and February articles.", {"2023-01/2023-02"}),  # one span holds both
    ],
)
def test_two_months_in_a_row_joined_by_and_are_one_span(nlp, text, told):
    assert {e.when for e in events(nlp, text)} == told


@pytest.mark.parametrize(
    "text, when",
    [
        ("The bank's assets rose this year through April.", "2023-01/2023-04"),
        ("The fund has fallen 2.08% this year through May 19, Lipper says.", "2023-01-01/2023-05-19"),
        ("The deal would dilute earnings by about 9% in both 2024 and 2025.", "2024/2025"),
        ("The ship stayed in port through February and into early March.", "2023-02/2023-03"),
    ],
)
def test_a_span_told_by_both_ends_is_one_event(nlp, text, when):
    assert [e.when for e in events(nlp, text)] == [when]


def test_a_plural_description_is_not_named_after_one_organization(nlp):
    body = "Federal Deposit Insurance Corp. approved the plan.\n\nThe thrifts agreed to the transaction in August 1988."
    told = briefing_events(nlp, body)
    assert told["1988-08"] == "The thrifts agreed to the transaction in August 1988."


@pytest.mark.parametrize(
    "text, when, told",
    [
        (
            "Botswana has made $4 million from licenses, the highest figure since lifting a hunting ban in 2019.",
            "2019",
            "Botswana lifted a hunting ban in 2019",
        ),
        (
            "Two days later, the Jairan departed, reporting its destination as Bandar Abbas with an expected arrival "
            "of May 26.",
            "2023-05-26",
            "The Jairan reported its destination as Bandar Abbas with an expected arrival of May 26",
        ),
        (
            "The army seized the town on Friday, having crossed the river on Tuesday.",
            "2023-05-23",
            "The army crossed the river on Tuesday",
        ),
        (
            "Thermo Electron bought 6% of the stock before throwing in the towel and reducing its stake in early May.",
            "2023-05",
            "Thermo Electron threw in the towel and reduced its stake in early May",
        ),
    ],
)
def test_a_participle_s_date_is_told_by_its_doer_in_the_past(nlp, text, when, told):
    assert {e.when: e.event for e in events(nlp, text)}.get(when) == told


@pytest.mark.parametrize(
    "text",
    [
        "Officials left without signing the deal on Tuesday.",  # it did not happen
        "Analysts were cautious, having been burned repeatedly on Unisys on Tuesday.",  # a passive: not 'burned'
        "Mr. Bush issued an ultimatum demanding that Iraq withdraw within a week, starting at noon Tuesday.",
    ],
)
def test_a_participle_is_not_retold_when_its_doer_or_its_act_is_in_doubt(nlp, text):
    told = {e.when: e.event for e in events(nlp, text)}
    assert all(
        not event.startswith(("Officials signed", "Analysts burned", "Mr. Bush started")) for event in told.values()
    )


def test_a_date_that_only_bounds_an_act_dates_nothing(nlp):
    text = "The office will question 12,000 hopefuls who applied before last summer."
    assert not [e for e in events(nlp, text) if e.expression == "last summer"]


@pytest.mark.parametrize(
    "text, told",
    [
        (
            "Similarly, the spokesman said on Tuesday that the operation succeeded.",
            "The spokesman said on Tuesday that the operation succeeded.",
        ),
        ("But the company said on Tuesday that sales fell.", "The company said on Tuesday that sales fell."),
        (
            '"; Another source said the envoy met the minister on Tuesday.',
            "Another source said the envoy met the minister on Tuesday.",
        ),
    ],
)
def test_a_whole_sentence_is_told_without_what_tied_it_to_the_one_before(nlp, text, told):
    assert {e.when: e.event for e in events(nlp, text)}.get("2023-05-23") == told


def test_a_date_describing_one_noun_of_a_list_in_a_phrase_dates_nothing(nlp):
    text = "Letters claim responsibility for the clinic bombing, a 2021 attack on a lounge and the Birmingham assault."
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    "text, when, told",
    [
        ("The study was published yesterday.", "2023-05-23", "The study was published yesterday [23 May 2023]."),
        ("Last year, the company earned $5 million.", "2022", "Last year [2022], the company earned $5 million."),
        ("The minister arrived on Monday.", "2023-05-22", "The minister arrived on Monday."),  # the row's own day
        ("Talks were held on the sidelines of last September's summit.", "2022-09", None),
    ],
)
def test_a_date_told_from_the_day_of_writing_is_placed_on_the_calendar(nlp, text, when, told):
    found = {e.when: e.event for e in events(nlp, text)}
    if told is None:
        assert "September's [September 2022] summit" in found[when]
    else:
        assert found[when] == told


@pytest.mark.parametrize(
    "text",
    [
        "A research team has analysed effects of ozone pollution over 2000 - 2050 on the production of wheat.",
        "The schools were ordered to pay 422,000 euros in arrears for the period from 2004 to 2009.",
    ],
)
def test_the_scope_of_a_study_or_a_sum_dates_nothing(nlp, text):
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    "text, when, told",
    [
        (
            "The insurer has started processing claims from the California earthquake nearly two weeks ago.",
            "2023-W19",
            "The California earthquake was nearly two weeks ago.",
        ),
        (
            "Discovery has already been retired following the completion of STS-133 last month, its 39th mission.",
            "2023-04",
            "The completion of STS-133 was last month [April 2023].",
        ),
        ("Prices have risen 5% since last month.", None, None),  # a perfect's own start
    ],
)
def test_a_definite_past_date_after_a_perfect_s_noun_dates_the_noun(nlp, text, when, told):
    found = {e.when: e.event for e in events(nlp, text)}
    if when is None:
        assert not any(event.startswith("Last month") for event in found.values())
    else:
        assert found.get(when) == told, found


def test_an_unclosed_quotation_is_told_with_its_speaker_or_not_at_all():
    opened = '"War maniacs made another grave provocation on Thursday afternoon.'
    events_ = [
        Event("2015-08-20TAF", "Thursday afternoon", opened, 3, 60, 78),
        Event("2015-08-21", "Friday", '"Troops will respond on Friday.', 5, 120, 126),
        Event("2015-08-19", "Wednesday", "Seoul fired on Wednesday.", 1, 10, 19),
    ]
    quotes = [Quote("Korean Central News Agency", opened[1:], 3, 1, 80), Quote(None, "Troops will …", 5, 100, 140)]
    told = {e.when: e.event for e in with_speakers(events_, quotes)}
    assert told == {
        "2015-08-20TAF": f'Korean Central News Agency: {opened}"',  # the speaker the quotation has, marks closed
        "2015-08-19": "Seoul fired on Wednesday.",
    }  # the quotation no speaker is found for is left out: an opinion would read as fact


@pytest.mark.parametrize(
    "text, when, told",
    [
        (
            "Xi and Putin met in the days leading up to the outbreak of war on February 24 and signed a pact.",
            "2023-02-24",
            "The outbreak of war was on February 24.",
        ),
        (
            "On Friday, Rubio told reporters that officials would convene next week after Witkoff returns.",
            "2023-W22",
            "Officials would convene next week after Witkoff returns, Rubio told reporters.",
        ),
    ],
)
def test_a_date_is_told_without_the_words_of_another_act(nlp, text, when, told):
    assert {e.when: e.event for e in events(nlp, text)}.get(when) == told


def test_a_thing_s_date_beside_the_act_s_date_dates_nothing(nlp):
    text = (
        "Unisys's announcement Friday of a loss showed that the company is moving faster to take write-offs "
        "and prepare for a turnaround next year."
    )
    assert [e.when for e in events(nlp, text)] == ["2023-05-19"]


def test_the_start_of_a_running_total_dates_nothing(nlp):
    text = "The fund has seen $161 million flow out since early May; $14 million of that left on Friday."
    assert [e.when for e in events(nlp, text)] == ["2023-05-19"]


def test_a_participle_of_a_thing_no_name_says_is_not_told(nlp):
    text = "The Nikkei was pressured down by profit-taking triggered by sharp advances made through this week."
    assert not [e for e in events(nlp, text) if e.event.startswith("Sharp advances were made")]


def test_a_bare_description_is_named_after_the_one_phrase_that_named_it(nlp):
    body = (
        "Intel Corp. found flaws in its 80486 chip on Monday. Computer makers were told.\n\n"
        "The chip was withdrawn from shipment on Tuesday."
    )
    told = briefing_events(nlp, body, dt.date(1989, 10, 26))
    assert told["1989-10-24"] == "The chip [80486 chip] was withdrawn from shipment on Tuesday."


def test_what_was_said_comes_first_under_its_own_date(nlp):
    text = "On Tuesday, Li said that in the first four months of this year, trade reached $70 billion."
    told = {e.when: e.event for e in events(nlp, text)}
    assert told["2023-01/2023-04"] == "In the first four months of this year, trade reached $70 billion, Li said."
    assert told["2023-05-23"] == text  # the saying's own date: the sentence as written


def test_a_date_counted_from_another_is_placed_and_one_inside_its_own_period_is_not(nlp):
    told = {e.when: e.event for e in events(nlp, "The Jairan docked on May 8. Two days later, the Jairan departed.")}
    assert told["2023-05-10"] == "Two days later [10 May 2023], the Jairan departed."
    assert texts(nlp, "Earlier this month, the company opened a plant.") == [
        "Earlier this month, the company opened a plant."
    ]


def test_its_of_a_subject_is_the_article_s_company_when_no_other_is_near(nlp):
    body = (
        "Nashua Corp. reported a loss. Nashua cut jobs. Nashua sold a unit.\n\n"
        "Analysts were cautious. Orders may recover. Prices were steady.\n\n"
        "Its stock has slumped recently, closing unchanged Friday at $29 a share."
    )
    told = briefing_events(nlp, body)
    assert told["1989-10-27"] == "Its [Nashua Corp] stock closed unchanged Friday at $29 a share"


@pytest.mark.parametrize(
    "last, told",
    [
        ("Total assets fell to $2.46 billion in the third quarter.", "Total assets [Kellogg Co] fell"),
        ("At EDS, third-quarter profit jumped 16%.", "At EDS, third-quarter profit jumped 16%."),  # EDS's
    ],
)
def test_a_measure_without_an_owner_is_the_article_s_company_s(nlp, last, told):
    body = (
        "Kellogg Co. reported lower earnings. Kellogg said cereal volume fell. Kellogg closed a plant.\n\n"
        f"Analysts expect more cuts. Volume may recover next year. Prices were steady.\n\n{last}"
    )
    assert briefing_events(nlp, body)["1989-Q3"].startswith(told)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("And today, the right to work is equal to the right to survival.", False),  # these days
        ("In Saudi Arabia, today is the eighth day of the operation.", True),
        ("The Home Office today is to begin issuing questionnaires.", True),
        ("Until recently, Kellogg had been telling analysts that by 2025 it intended to reach a 50% share.", False),
        ("Intel said it had corrected the problems and would start producing chips next week.", True),
    ],
)
def test_a_claim_of_these_days_and_a_plan_held_before_a_past_time_date_nothing(nlp, text, kept):
    dated = [e for e in events(nlp, text) if e.expression in ("today", "2025", "next week")]
    assert bool(dated) == kept, [(e.when, e.event) for e in events(nlp, text)]


def test_a_coming_year_that_names_what_a_forecast_is_of_dates_nothing(nlp):
    text = "Analysts were predicting 2024 BellSouth earnings of $3.90 a share, but those estimates are being cut."
    assert events(nlp, text) == []
    assert [e.when for e in events(nlp, "The company expects to open a plant in 2024.")] == ["2024"]


@pytest.mark.parametrize(
    "text, when, told",
    [
        (  # a coordinated verb holding another date is that date's act
            "The Jairan remained at Liuheng Island until May 3, when it headed south toward Zhuhai Gaolan "
            "and docked at the port on May 8.",
            "2023-05-03",
            "The Jairan remained at Liuheng Island until May 3, when it headed south toward Zhuhai Gaolan.",
        ),
        (  # the verb a date's verb is coordinated with belongs to another date
            "The Jairan remained at Liuheng Island until May 3, when it headed south toward Zhuhai Gaolan "
            "and docked at the port on May 8.",
            "2023-05-08",
            "The Jairan docked at the port on May 8",
        ),
        (  # a participle's date beside the main act's: the participle told by its doer
            "Figures to be published today show a record 45,756 migrants crossing the Channel last year "
            "drove outstanding asylum claims over 150,000, also a record.",
            "2022",
            "A record 45,756 migrants crossed the Channel last year [2022]",
        ),
        (  # a 'with' absolute: what it tells, in the past, its noun phrase whole
            "Twelve Arab League nations voted for an Arab force, with the vanguard of Syria's contingent "
            "arriving Tuesday, according to diplomatic sources.",
            "2023-05-23",
            "The vanguard of Syria's contingent arrived Tuesday",
        ),
        (  # a 'with' aside after the verb, set off by a comma, is the main clause's
            "At a polling station in Taikoo, after the polls closed at 22:30, with the long queues outside "
            "the station the last ballot there was cast at 2:30 the next day.",
            "2023-05-24T22:30",
            "The polls closed at 22:30",
        ),
        (  # the 'it' of a 'but' clause denying a forecast is the forecast's subject
            'In its May 2 report, the newspaper cited "officials" as saying the Jairan would depart China '
            "in early May, but it did not leave until May 10.",
            "2023-05-10",
            "The Jairan did not leave until May 10.",
        ),
    ],
)
def test_each_date_of_a_sentence_tells_only_its_own_act(nlp, text, when, told):
    found = {e.when: e.event for e in events(nlp, text, dt.date(2023, 5, 24))}
    assert found.get(when) == told, found


def test_a_participle_ahead_or_over_a_span_is_not_told_in_the_past(nlp):
    ahead = "Leaders voted for a force, with the first troops arriving next week, diplomats said."
    running = "Leaders voted for a force, with troops arriving since Monday, diplomats said."
    told = [e.event for text in (ahead, running) for e in events(nlp, text)]
    assert not any(" arrived " in event for event in told), told


def test_one_text_under_two_nested_dates_is_told_under_the_main_act_s():
    from generator.extract.timeline import _one_text_under_its_act

    text = "Frankfurt prices closed lower again Friday, the fourth decline in the past five days."
    friday = Event("1989-10-27", "Friday", text, 4, 40, 46)
    days = Event("1989-10-25/1989-10-30", "the past five days", text, 4, 70, 88)
    later = Event("1989-11", "next month", "Another text.", 4, 90, 100)
    assert _one_text_under_its_act([friday, days, later], {id(friday)}) == [friday, later]
    assert _one_text_under_its_act([friday, days], set()) == [friday, days]  # no main act known: both


def test_a_quotation_mark_a_sentence_lacks_is_put_back():
    quotes: list[Quote] = []
    inside = Event("2025-W11", "this week", "It diverts attention,” Rubio told VOA this week.", 3, 40, 49)
    going_on = Event("2023-02-22", "Wednesday", 'On Wednesday, Braverman said: "It is clear', 5, 3, 12)
    told = [e.event for e in with_speakers([inside, going_on], quotes)]
    assert told == ["“It diverts attention,” Rubio told VOA this week.", 'On Wednesday, Braverman said: "It is clear"']


def test_a_past_thing_s_date_under_a_present_act_dates_nothing(nlp):
    text = (
        "Army of God letters claim responsibility for the Atlanta abortion clinic bombing, a 1997 attack on "
        "a gay lounge and the Birmingham assault."
    )
    assert events(nlp, text, dt.date(1998, 2, 27)) == []
    kept = "The 2022 budget includes $5 billion for defense."  # a subject keeps its date
    assert [e.when for e in events(nlp, kept)] == ["2022"]


def test_a_noun_s_of_date_beside_the_act_s_date_dates_nothing(nlp):
    text = (
        "On March 10, the Jairan departed, reporting its destination as Bandar Abbas with an expected "
        "arrival of March 26."
    )
    assert [e.when for e in events(nlp, text, dt.date(2025, 3, 14))] == ["2025-03-10"]
    part = "Sales have grown through the last half of the '80s, and rose again in 1989."
    assert "198" in [e.when for e in events(nlp, part, dt.date(1989, 11, 1))]  # a part of a period is that period


@pytest.mark.parametrize(
    "text, when, part, shown",
    [
        ("The government plans to clear the backlog by year end.", "2023", "END", "late 2023"),
        ("Construction is set to begin in early 2024.", "2024", "START", "early 2024"),
        ("Prices fell sharply in the middle of April.", "2023-04", "MID", "mid-April 2023"),
        ("The company met on Tuesday.", "2023-05-23", None, "Tue 23 May 2023"),
    ],
)
def test_the_part_of_a_period_the_text_gives_is_kept_and_shown(nlp, text, when, part, shown):
    from generator.dates import readable

    found = [e for e in events(nlp, text) if e.when == when]
    assert found and found[0].part == part, [(e.when, e.part) for e in events(nlp, text)]
    assert readable(found[0].when, found[0].part) == shown


def test_where_a_change_up_to_now_started_dates_nothing(nlp):
    text = "Oil prices have come down from the middle of April to the fourteen dollars we are seeing today."
    assert not [e for e in events(nlp, text) if e.when == "2023-04"]


def test_a_month_counted_from_another_is_placed(nlp):
    text = "The company lost a bid in March. The following month, the company put itself up for sale."
    told = {e.when: e.event for e in events(nlp, text)}
    assert told.get("2023-04") == "The following month [April 2023], the company put itself up for sale."
