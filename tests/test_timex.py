"""The temporal tagger: hand-built news sentences, the founding seed, and TempEval-3 platinum."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.timex import Timex, find_timexes

THURSDAY = dt.date(2023, 5, 25)
FRIDAY_2013 = dt.date(2013, 3, 22)
OCTOBER_1989 = dt.date(1989, 10, 27)
ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
TE3_GOLD = SHARED_EVAL / "te3-platinum"
TIMEBANK = SHARED_EVAL / "timebank"
TE3_SCRIPT = SHARED_EVAL / "te3.py"
SEED = ROOT / "seeds" / "000_cbfe35416636920c.txt"


def tagged(text: str, published: dt.date = THURSDAY) -> dict[str, Timex]:
    return {t.text: t for t in find_timexes(text, published)}


# (sentence, publication date, expression, type, value, when)
CASES = [
    # 'last' before a noun that names no time means final, not past; a year after a dash closes a range
    (
        "Atlantis will go on display following the orbiter's last flight which launches June 28.",
        dt.date(2011, 4, 13),
        "June 28",
        "DATE",
        "2011-06-28",
        "2011-06-28",
    ),
    (
        "They analysed ozone pollution over 2000 - 2050 on wheat.",
        dt.date(2014, 7, 28),
        "2000",
        "DATE",
        "2000",
        "2000/2050",
    ),
    # weekdays: back in time by default, forward when the clause looks ahead
    ("Xi said on Wednesday he would support Russia.", THURSDAY, "Wednesday", "DATE", "2023-05-24", "2023-05-24"),
    ("The vote took place on Thursday.", THURSDAY, "Thursday", "DATE", "2023-05-25", "2023-05-25"),
    ("The ministers will meet on Friday.", THURSDAY, "Friday", "DATE", "2023-05-26", "2023-05-26"),
    ("The summit is scheduled to open on Monday.", THURSDAY, "Monday", "DATE", "2023-05-29", "2023-05-29"),
    ("He will travel there next Friday.", THURSDAY, "next Friday", "DATE", "2023-05-26", "2023-05-26"),
    ("Rebels attacked the town early Monday.", THURSDAY, "early Monday", "DATE", "2023-05-22", "2023-05-22"),
    ("The talks ended last Tuesday.", THURSDAY, "last Tuesday", "DATE", "2023-05-23", "2023-05-23"),
    ("Friday morning he spoke to reporters.", FRIDAY_2013, "Friday morning", "TIME", "2013-03-22TMO", "2013-03-22TMO"),
    (
        "The match has been postponed until 15:00 GMT Saturday.",
        FRIDAY_2013,
        "15:00 GMT Saturday",
        "TIME",
        "2013-03-23T15:00",
        "2013-03-23T15:00",
    ),
    ("The offer had been set to expire Nov. 6.", dt.date(1989, 11, 2), "Nov. 6", "DATE", "1989-11-06", "1989-11-06"),
    # a day of the coming weeks is that day, whatever tense the telling has; its own past verb dates it back
    (
        "They said they expect the sale to be completed by Dec. 15.",
        dt.date(1989, 10, 31),
        "Dec. 15",
        "DATE",
        "1989-12-15",
        "1989-12-15",
    ),
    (
        "Dunkin' has set Nov. 10 as the deadline for bids.",
        dt.date(1989, 11, 2),
        "Nov. 10",
        "DATE",
        "1989-11-10",
        "1989-11-10",
    ),
    ("Sales fell sharply on Dec. 7.", dt.date(1989, 10, 30), "Dec. 7", "DATE", "1988-12-07", "1988-12-07"),
    (
        "Exports hit a record in the year to March 31.",
        dt.date(2013, 3, 22),
        "March 31",
        "DATE",
        "2012-03-31",
        "2012-03-31",
    ),
    (
        "The bid had been due to expire Friday evening.",
        dt.date(1989, 10, 30),
        "Friday evening",
        "TIME",
        "1989-10-27TEV",
        "1989-10-27TEV",
    ),
    (
        "Shares are to resume trading in Paris Tuesday.",
        dt.date(1989, 10, 27),
        "Tuesday",
        "DATE",
        "1989-10-31",
        "1989-10-31",
    ),
    (
        "The index closed down on Friday, 4.5% below the previous Friday.",
        dt.date(1989, 10, 30),
        "the previous Friday",
        "DATE",
        "1989-10-20",
        "1989-10-20",
    ),
    (
        "Shares fell Friday. Dealers placed orders in the morning.",
        dt.date(1989, 10, 30),
        "the morning",
        "TIME",
        "1989-10-27TMO",
        "1989-10-27TMO",
    ),
    ("Demand stayed high well into the summer.", dt.date(1989, 10, 26), "the summer", "DATE", "1989-SU", "1989-SU"),
    (
        "The index fell mid-afternoon yesterday.",
        dt.date(1989, 11, 2),
        "mid-afternoon yesterday",
        "TIME",
        "1989-11-01TAF",
        "1989-11-01TAF",
    ),
    (
        "The offer had been scheduled to expire at midnight Friday.",
        dt.date(1989, 10, 30),
        "midnight Friday",
        "TIME",
        "1989-10-27T24:00",
        "1989-10-27T24:00",
    ),
    ("The trial begins Monday.", dt.date(1998, 3, 4), "Monday", "DATE", "1998-03-09", "1998-03-09"),
    ("He died Monday.", dt.date(1998, 3, 4), "Monday", "DATE", "1998-03-02", "1998-03-02"),
    # "as planned" and a causative's bare infinitive ("let … begin") look back, not ahead
    (
        "Bush let the offensive begin as previously planned Monday.",
        dt.date(1998, 3, 4),
        "Monday",
        "DATE",
        "1998-03-02",
        "1998-03-02",
    ),
    ("The talks will open as planned on Monday.", dt.date(1998, 3, 4), "Monday", "DATE", "1998-03-09", "1998-03-09"),
    # a schedule with a plural subject looks ahead like one with a singular subject ...
    (
        "The two foreign ministers meet Monday in Vienna.",
        dt.date(1998, 3, 4),
        "Monday",
        "DATE",
        "1998-03-09",
        "1998-03-09",
    ),
    ("Both delegations arrive separately on Friday.", THURSDAY, "Friday", "DATE", "2023-05-26", "2023-05-26"),
    # ... but the bare form after a negation, a copula or "to" is no schedule
    ("The ministers did not meet Monday.", dt.date(1998, 3, 4), "Monday", "DATE", "1998-03-02", "1998-03-02"),
    ("Shops were open Tuesday despite the strike.", THURSDAY, "Tuesday", "DATE", "2023-05-23", "2023-05-23"),
    # after a modal the bare form is the modal's verb: a past report's 'would depart' is the nearest February
    (
        "In January officials said the ship would depart China in early February.",
        dt.date(2025, 3, 14),
        "early February",
        "DATE",
        "2025-02",
        "2025-02",
    ),
    ("In the early '90s it grew.", dt.date(1998, 3, 4), "the early '90s", "DATE", "199", "199"),
    (
        "Eight days after Oct. 12, the day before the plunge, it fell.",
        dt.date(1989, 10, 30),
        "the day",
        "DATE",
        "1989-10-12",
        "1989-10-12",
    ),
    (
        "In July 2012 he left. The day before Roth was arrested, he called.",
        FRIDAY_2013,
        "The day",
        "DATE",
        "2012-XX-XX",
        None,
    ),
    # chained references: the last day the text named
    (
        "He arrived in China on Monday and the next day attended a forum.",
        THURSDAY,
        "the next day",
        "DATE",
        "2023-05-23",
        "2023-05-23",
    ),
    (
        "He left on Monday. The following day he spoke.",
        THURSDAY,
        "The following day",
        "DATE",
        "2023-05-23",
        "2023-05-23",
    ),
    ("He left on Monday. Two days later he returned.", THURSDAY, "Two days later", "DATE", "2023-05-24", "2023-05-24"),
    (
        "He left on Tuesday; the day before, he had met Li.",
        THURSDAY,
        "the day before",
        "DATE",
        "2023-05-22",
        "2023-05-22",
    ),
    (
        "She voted on Monday, and that day the polls closed early.",
        THURSDAY,
        "that day",
        "DATE",
        "2023-05-22",
        "2023-05-22",
    ),
    # months and years relative to publication
    ("The group met last September in Uzbekistan.", THURSDAY, "last September", "DATE", "2022-09", "2022-09"),
    ("Last year, the Kremlin acknowledged concerns.", THURSDAY, "Last year", "DATE", "2022", "2022"),
    ("Exports grew this year.", THURSDAY, "this year", "DATE", "2023", "2023"),
    ("Elections are due next year.", THURSDAY, "next year", "DATE", "2024", "2024"),
    ("Earlier this month, it hosted a summit.", THURSDAY, "Earlier this month", "DATE", "2023-05", "2023-05"),
    ("Prices fell last month.", THURSDAY, "last month", "DATE", "2023-04", "2023-04"),
    ("Talks continued this week.", THURSDAY, "this week", "DATE", "2023-W21", "2023-W21"),
    ("The divisions deepened last week at the G7.", THURSDAY, "last week", "DATE", "2023-W20", "2023-W20"),
    ("Deaths were reported in the last week.", FRIDAY_2013, "the last week", "DATE", "2013-W11", "2013-W11"),
    ("A decision is expected next week.", THURSDAY, "next week", "DATE", "2023-W22", "2023-W22"),
    (
        "In the first four months of this year, trade reached $70 billion.",
        THURSDAY,
        "the first four months of this year",
        "DURATION",
        "P4M",
        "2023-01/2023-04",
    ),
    ("The rate was cut two months ago.", THURSDAY, "two months ago", "DATE", "2023-03", "2023-03"),
    ("He started four years ago.", FRIDAY_2013, "four years ago", "DATE", "2009", "2009"),
    (
        "They met just over two months after Xi traveled to Moscow.",
        THURSDAY,
        "two months",
        "DURATION",
        "P2M",
        "2023-03",
    ),
    # dates with and without a year
    (
        "On February 24 this year, they presented a plan.",
        THURSDAY,
        "February 24 this year",
        "DATE",
        "2023-02-24",
        "2023-02-24",
    ),
    ("The war began on February 24.", THURSDAY, "February 24", "DATE", "2023-02-24", "2023-02-24"),
    (
        "It was their first meeting since last September, before the war on February 24.",
        THURSDAY,
        "February 24",
        "DATE",
        "2022-02-24",
        "2022-02-24",
    ),
    (  # a year long past, named in a noun's phrase, is no narrative time for the sentence's other dates
        "Under a program approved by the company in 2019, Nashua had purchased 481,000 shares through May 2.",
        THURSDAY,
        "May 2",
        "DATE",
        "2023-05-02",
        "2023-05-02",
    ),
    ("The closure will begin on April 7, the FAA said.", FRIDAY_2013, "April 7", "DATE", "2013-04-07", "2013-04-07"),
    (
        "On Feb. 28, Deutsche Bank released a report.",
        dt.date(2013, 3, 21),
        "Feb. 28",
        "DATE",
        "2013-02-28",
        "2013-02-28",
    ),
    ("The treaty was signed on May 25, 2023.", THURSDAY, "May 25, 2023", "DATE", "2023-05-25", "2023-05-25"),
    ("The treaty was signed on 25 May 2023.", THURSDAY, "25 May 2023", "DATE", "2023-05-25", "2023-05-25"),
    ("The treaty was signed on 2023-05-25.", THURSDAY, "2023-05-25", "DATE", "2023-05-25", "2023-05-25"),
    ("The raid took place in May 2010.", FRIDAY_2013, "May 2010", "DATE", "2010-05", "2010-05"),
    ("Trade was 190 billion US dollars in 2022.", THURSDAY, "2022", "DATE", "2022", "2022"),
    ("The book is due to be published in May.", FRIDAY_2013, "May", "DATE", "2013-05", "2013-05"),
    ("The program will run through June.", dt.date(2013, 3, 18), "June", "DATE", "2013-06", "2013-06"),
    ("BP sold its stake in October.", FRIDAY_2013, "October", "DATE", "2012-10", "2012-10"),
    ("The expedition of 1957-58 crossed Antarctica.", FRIDAY_2013, "58", "DATE", "1958", None),
    # a day without a year and without a past word: the nearest such day
    (
        "The dividend is payable Dec. 7 to stock of record Nov. 22.",
        OCTOBER_1989,
        "Dec. 7",
        "DATE",
        "1989-12-07",
        "1989-12-07",
    ),
    ("Directors authorized a split, payable Jan. 2.", OCTOBER_1989, "Jan. 2", "DATE", "1990-01-02", "1990-01-02"),
    (
        "The company disclosed Nov. 28 that it had lost money.",
        dt.date(1989, 11, 1),
        "Nov. 28",
        "DATE",
        "1988-11-28",
        "1988-11-28",
    ),
    ("The thrift announced the plan Aug. 21.", OCTOBER_1989, "Aug. 21", "DATE", "1989-08-21", "1989-08-21"),
    (
        "Sales were $76 million for the year ended March 31.",
        OCTOBER_1989,
        "March 31",
        "DATE",
        "1989-03-31",
        "1989-03-31",
    ),
    ("Sales for the full year were $6.6 billion.", OCTOBER_1989, "the full year", "DATE", "1989", "1989"),
    ("It had revenue of $76 million for the year ended March 31.", OCTOBER_1989, "the year", "DURATION", "P1Y", None),
    (
        "Sales were $7 billion in the latest fiscal year.",
        OCTOBER_1989,
        "the latest fiscal year",
        "DATE",
        "1988",
        "1988",
    ),
    (
        "It is the first trading day for November transactions.",
        dt.date(1989, 10, 30),
        "November",
        "DATE",
        "1989-11",
        "1989-11",
    ),
    (
        "Since KKR bought RJR in February, it has sold units.",
        dt.date(1989, 10, 30),
        "February",
        "DATE",
        "1989-02",
        "1989-02",
    ),
    ("The stock rose to $42 in June from $29 in March.", dt.date(1989, 10, 30), "March", "DATE", "1989-03", "1989-03"),
    ("It thinks it will be healthy enough soon.", THURSDAY, "soon", "DATE", "FUTURE_REF", None),
    ("He wants to placate holders in the short term.", THURSDAY, "the short term", "DATE", "FUTURE_REF", None),
    # results stories: the quarter they report on, and that quarter a year before
    ("It lost $5 million in the quarter ended Sept. 30.", OCTOBER_1989, "the quarter", "DATE", "1989-Q3", "1989-Q3"),
    (
        "Third-quarter profit rose 5%. A year earlier, it earned $2 million.",
        OCTOBER_1989,
        "A year earlier",
        "DATE",
        "1988-Q3",
        "1988-Q3",
    ),
    (
        "Net rose in the second quarter, from $3 million a year ago.",
        OCTOBER_1989,
        "a year ago",
        "DATE",
        "1988-Q2",
        "1988-Q2",
    ),
    # a second company's quarter, named in the sentence of its "year earlier", is the one compared
    (
        "Acme's fiscal first-quarter profit doubled.\n\nSeparately, Bolt Corp. said second-quarter net rose 9% to "
        "$3 million from $2.8 million a year earlier.",
        OCTOBER_1989,
        "a year earlier",
        "DATE",
        "1988-Q2",
        "1988-Q2",
    ),
    (
        "Third-quarter sales rose from the year-ago quarter.",
        OCTOBER_1989,
        "the year-ago quarter",
        "DATE",
        "1988-Q3",
        "1988-Q3",
    ),
    (
        "Third-quarter net fell, against year-earlier profit of $3.8 million.",
        OCTOBER_1989,
        "year-earlier",
        "DATE",
        "1988-Q3",
        "1988-Q3",
    ),
    (
        "It earned $22 million in the 1988 third quarter.",
        OCTOBER_1989,
        "the 1988 third quarter",
        "DATE",
        "1988-Q3",
        "1988-Q3",
    ),
    # idioms of news copy
    ("Shares have risen for six straight days.", THURSDAY, "six straight days", "DURATION", "P6D", None),
    ("He arrived in Philadelphia later in the day.", THURSDAY, "the day", "DATE", "2023-05-25", "2023-05-25"),
    ("Islam will one day be the second largest religion.", THURSDAY, "one day", "DATE", "FUTURE_REF", None),
    ("They will have to live without power for a while.", THURSDAY, "a while", "DURATION", "PXX", None),
    (
        "Then, a week or so ago, the general picked a date.",
        THURSDAY,
        "a week or so ago",
        "DATE",
        "2023-W20",
        "2023-W20",
    ),
    ("The town was founded in the 1800s.", THURSDAY, "the 1800s", "DATE", "18", None),
    ("The reform dates from the early 20th century.", THURSDAY, "early 20th century", "DATE", "19", None),
    (
        "In Saudi Arabia, today is the eighth day of the operation.",
        THURSDAY,
        "the eighth day",
        "DATE",
        "2023-05-25",
        "2023-05-25",
    ),
    ("We got across on the 99th day.", THURSDAY, "the 99th day", "DATE", "XXXX-XX-XX", None),
    ("The strike began on May 3. That day, trains stopped.", THURSDAY, "That day", "DATE", "2023-05-03", "2023-05-03"),
    ("Market makers can suffer losses on trades made that day.", THURSDAY, "that day", "DATE", "XXXX-XX-XX", None),
    ("Talks opened on Tuesday. Later in the year, they failed.", THURSDAY, "the year", "DATE", "2023", "2023"),
    (
        "If I were choosing the people of tomorrow, I would choose them.",
        THURSDAY,
        "tomorrow",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "His promise to halve unemployment by the year two thousand has been abandoned.",
        THURSDAY,
        "the year two thousand",
        "DATE",
        "2000",
        "2000",
    ),
    # modals look ahead; a clause's verb does not date the next clause's date
    ("The company said the deal should close in May.", THURSDAY, "May", "DATE", "2023-05", "2023-05"),
    ("The minister said elections must be held by August.", THURSDAY, "August", "DATE", "2023-08", "2023-08"),
    ("The deal could have closed in August.", THURSDAY, "August", "DATE", "2022-08", "2022-08"),
    (
        "The summit, which was postponed in January, will take place in June.",
        dt.date(2023, 3, 22),
        "January",
        "DATE",
        "2023-01",
        "2023-01",
    ),
    (
        "The bank said it cut rates in January and would cut again in April.",
        dt.date(2023, 3, 22),
        "January",
        "DATE",
        "2023-01",
        "2023-01",
    ),
    ("Prices have risen since August.", THURSDAY, "August", "DATE", "2022-08", "2022-08"),
    (
        "An investigation of the company in the past year found nothing.",
        THURSDAY,
        "the past year",
        "DATE",
        "2022",
        None,
    ),
    ("Over the past year, prices doubled.", THURSDAY, "the past year", "DURATION", "P1Y", None),
    (
        "The government gave Merieux until mid-November to submit more information.",
        dt.date(1989, 10, 30),
        "mid-November",
        "DATE",
        "1989-11",
        "1989-11",
    ),
    (
        "In its Jan. 22 report, the paper said the ship would leave in early February, but it did not leave until "
        "March 10.",
        dt.date(2025, 3, 14),
        "early February",
        "DATE",
        "2025-02",
        "2025-02",
    ),
    # a quarter given with its last day: the months it covers, and its year-ago quarter likewise
    ("In the quarter ended July 31, sales fell.", dt.date(1989, 10, 30), "the quarter", "DATE", "1989-Q2", "1989-Q2"),
    (
        "Net rose in the fiscal first quarter ended Sept. 30. A year earlier, it earned $2 million.",
        dt.date(1989, 10, 26),
        "the fiscal first quarter",
        "DATE",
        "1989-Q1",
        "1989-Q3",
    ),
    (
        "Net rose in the fiscal first quarter ended Sept. 30. A year earlier, it earned $2 million.",
        dt.date(1989, 10, 26),
        "A year earlier",
        "DATE",
        "1988-Q1",
        "1988-Q3",
    ),
    (
        "In the year-ago quarter, the second quarter ended Oct. 31, it lost $12 million.",
        OCTOBER_1989,
        "the second quarter",
        "DATE",
        "1988-Q2",
        "1988-Q3",
    ),
    (
        "In the year-ago quarter, the second quarter ended Oct. 31, it lost $12 million.",
        OCTOBER_1989,
        "Oct. 31",
        "DATE",
        "1988-10-31",
        "1988-10-31",
    ),
    (
        "Net in this year's third quarter rose. A year earlier, it earned $2 million.",
        dt.date(1990, 2, 1),
        "A year earlier",
        "DATE",
        "1989-Q3",
        "1989-Q3",
    ),
    (
        "Third-quarter net rose. In the first nine months, net was $306 million, against $195 million in the 1988 "
        "period.",
        OCTOBER_1989,
        "the 1988 period",
        "DATE",
        "1988",
        "1988",
    ),
    (
        "Third-quarter net rose. In the latest nine months, sales were 45%, compared with 40% a year earlier.",
        OCTOBER_1989,
        "a year earlier",
        "DATE",
        "1988",
        "1988",
    ),
    (
        "Sales for the corresponding period last year were flat.",
        OCTOBER_1989,
        "the corresponding period last year",
        "DATE",
        "1988-Q3",
        "1988-Q3",
    ),
    (
        "Atlanta, nineteen ninety-six. A bomb blast shocks the games.",
        FRIDAY_2013,
        "nineteen ninety-six",
        "DATE",
        "1996",
        "1996",
    ),
    (
        "January nineteen ninety-seven. Atlanta again.",
        FRIDAY_2013,
        "January nineteen ninety-seven",
        "DATE",
        "1997-01",
        "1997-01",
    ),
    (
        "He promised to halve unemployment by the year two thousand.",
        FRIDAY_2013,
        "the year two thousand",
        "DATE",
        "2000",
        "2000",
    ),
    # ranges: two TIMEX3 dates, one period on the timeline
    ("The expedition of 1957-58 crossed Antarctica.", FRIDAY_2013, "1957", "DATE", "1957", "1957/1958"),
    ("Taxes were due for the period from 2004 to 2009.", FRIDAY_2013, "2004", "DATE", "2004", "2004/2009"),
    (
        "Schools were surveyed between July 2003 and December 2004.",
        FRIDAY_2013,
        "July 2003",
        "DATE",
        "2003-07",
        "2003-07/2004-12",
    ),
    ("Sales rose in 2009 and 2011.", FRIDAY_2013, "2009", "DATE", "2009", "2009"),
    (
        "In the past few days, officials met.",
        dt.date(2015, 8, 2),
        "the past few days",
        "DURATION",
        "PXD",
        "2015-07-30/2015-08-02",
    ),
    ("The backlog will be cleared by year end.", dt.date(2023, 2, 23), "year end", "DATE", "2023", "2023"),
    ("IE6 shipped nearly a decade ago.", dt.date(2011, 3, 8), "nearly a decade ago", "DATE", "2001", "2001"),
    (
        "The polls closed on Sunday at 22:30 and the last ballot was cast at 2:30 the next day.",
        dt.date(2016, 9, 9),
        "2:30 the next day",
        "TIME",
        "2016-09-05T02:30",
        "2016-09-05T02:30",
    ),
    # decades, centuries, seasons, quarters, parts of periods
    ("Growth was fast in the 1990s.", THURSDAY, "the 1990s", "DATE", "199", "199"),
    ("It was among the great explorations of the 20th Century.", FRIDAY_2013, "20th Century", "DATE", "19", None),
    ("He faked his death last summer.", FRIDAY_2013, "last summer", "DATE", "2012-SU", "2012-SU"),
    ("Sales fell this past spring.", FRIDAY_2013, "this past spring", "DATE", "2012-SP", "2012-SP"),
    ("Profits fell in the first quarter.", dt.date(2013, 5, 2), "the first quarter", "DATE", "2013-Q1", "2013-Q1"),
    ("The third-quarter results were weak.", OCTOBER_1989, "third-quarter", "DATE", "1989-Q3", "1989-Q3"),
    # a passive past participle at the edge of the words read is no past ("will be approved")
    (
        "The merger will be approved by the new board of its parent company in December.",
        dt.date(2013, 10, 15),
        "December",
        "DATE",
        "2013-12",
        "2013-12",
    ),
    # "of this year" names the year; "of the year" the story's year, as a bare quarter would
    (
        "Analysts see the fourth quarter of this year as the turning point.",
        FRIDAY_2013,
        "the fourth quarter of this year",
        "DATE",
        "2013-Q4",
        "2013-Q4",
    ),
    (
        "Growth will pick up in the second half of this year.",
        FRIDAY_2013,
        "the second half of this year",
        "DATE",
        "2013-H2",
        "2013-H2",
    ),
    (
        "Sales fell in the first half of the year.",
        OCTOBER_1989,
        "the first half of the year",
        "DATE",
        "1989-H1",
        "1989-H1",
    ),
    # a day counted from an event is in the year of the last date named, a period after a day too
    (
        "Police said on Thursday that he went missing late last July. The day before he was stopped, his wife called.",
        FRIDAY_2013,
        "The day",
        "DATE",
        "2012-XX-XX",
        None,
    ),
    # a season of a year said in words, as broadcast transcripts write it
    (
        "It was the coldest in the winter of nineteen ninety-four.",
        dt.date(1998, 2, 23),
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
        "1994-WI",
    ),
    # a year written at a range's end is its start's too
    ("The summit runs from May to October 2020.", FRIDAY_2013, "May", "DATE", "2020-05", "2020-05/2020-10"),
    ("It ran Nov. 18-Dec. 19, 2015.", FRIDAY_2013, "Nov. 18", "DATE", "2015-11-18", "2015-11-18/2015-12-19"),
    ("He served from November to February 2010.", FRIDAY_2013, "November", "DATE", "2009-11", "2009-11/2010-02"),
    ("The law applies from today to March 2015.", FRIDAY_2013, "today", "DATE", "2013-03-22", "2013-03-22/2015-03"),
    ("Between January and March 2011, prices fell.", FRIDAY_2013, "January", "DATE", "2011-01", "2011-01/2011-03"),
    # British news says "financial year" where American says "fiscal year"
    ("Last financial year was hard for the bank.", FRIDAY_2013, "Last financial year", "DATE", "2012", "2012"),
    (
        "Sales fell in the first quarter of the financial year.",
        FRIDAY_2013,
        "the first quarter of the financial year",
        "DATE",
        "2013-Q1",
        "2013-Q1",
    ),
    # a slash date both ways valid: as the text's other slash dates order theirs, else the nearest
    ("Signed 25/12/2012, it was amended on 05/03/2013.", FRIDAY_2013, "05/03/2013", "DATE", "2013-03-05", "2013-03-05"),
    ("Signed 12/25/2012, it was amended on 03/05/2013.", FRIDAY_2013, "03/05/2013", "DATE", "2013-03-05", "2013-03-05"),
    ("The deal was signed on 05/03/2013.", FRIDAY_2013, "05/03/2013", "DATE", "2013-03-05", "2013-03-05"),
    # a fortnight is two weeks back, or only how long: no calendar counts fortnights
    ("He left the party a fortnight ago.", FRIDAY_2013, "a fortnight ago", "DATE", "2013-W10", "2013-W10"),
    ("Prices rose over the past fortnight.", FRIDAY_2013, "the past fortnight", "DURATION", "P2W", None),
    # "to" and "and" join March and May to a period as to any month ("to march" does not)
    ("Inflation eased in the three months to March.", dt.date(2013, 4, 17), "March", "DATE", "2013-03", "2013-03"),
    ("Exports fell in the year to May.", dt.date(2013, 6, 12), "May", "DATE", "2013-05", "2013-05"),
    ("The season started in early December.", FRIDAY_2013, "early December", "DATE", "2012-12", "2012-12"),
    ("He went missing late last July.", FRIDAY_2013, "late last July", "DATE", "2012-07", "2012-07"),
    ("The outbreak peaked by the end of the year.", FRIDAY_2013, "the end of the year", "DATE", "2012", "2012"),
    ("Sales will recover by the end of the year.", FRIDAY_2013, "the end of the year", "DATE", "2013", "2013"),
    ("Last Christmas he was in Paris.", THURSDAY, "Last Christmas", "DATE", "2022-12-25", "2022-12-25"),
    ("Workers marched on May Day.", THURSDAY, "May Day", "DATE", "2023-05-01", "2023-05-01"),
    (
        "Crowds gathered on Martin Luther King Day.",
        THURSDAY,
        "Martin Luther King Day",
        "DATE",
        "2023-01-16",
        "2023-01-16",
    ),
    # the day of publication and vague references
    ("Today the market opened late.", THURSDAY, "Today", "DATE", "2023-05-25", "2023-05-25"),
    ("Markets fell yesterday.", THURSDAY, "yesterday", "DATE", "2023-05-24", "2023-05-24"),
    ("Shares fell late yesterday.", THURSDAY, "late yesterday", "DATE", "2023-05-24", "2023-05-24"),
    ("Earlier today the vote passed.", THURSDAY, "Earlier today", "DATE", "2023-05-25", "2023-05-25"),
    ("The president speaks tonight.", THURSDAY, "tonight", "TIME", "2023-05-25TNI", "2023-05-25TNI"),
    ("Talks resume tomorrow.", THURSDAY, "tomorrow", "DATE", "2023-05-26", "2023-05-26"),
    ("He's admitted it now.", THURSDAY, "now", "DATE", "PRESENT_REF", None),
    ("The device is currently selling for $250.", THURSDAY, "currently", "DATE", "PRESENT_REF", None),
    ("Things changed recently.", THURSDAY, "recently", "DATE", "PAST_REF", None),
    ("In the past, he has always given two speeches.", THURSDAY, "the past", "DATE", "PAST_REF", None),
    ("It may change in the future.", THURSDAY, "the future", "DATE", "FUTURE_REF", None),
    # clock times
    ("The meeting starts at 3 p.m.", THURSDAY, "3 p.m.", "TIME", "2023-05-25T15", "2023-05-25T15"),
    ("Lunch is at noon.", THURSDAY, "noon", "TIME", "2023-05-25T12:00", "2023-05-25T12:00"),
    # durations
    ("Relations deepened during the 15-month invasion.", THURSDAY, "15-month", "DURATION", "P15M", None),
    ("Ties have grown stronger over the past year.", THURSDAY, "the past year", "DURATION", "P1Y", None),
    ("Fighting has lasted two years.", THURSDAY, "two years", "DURATION", "P2Y", None),
    (
        "Many were hospitalized in the past several months.",
        THURSDAY,
        "the past several months",
        "DURATION",
        "PXM",
        None,
    ),
    ("It was the worst flu season in a decade.", THURSDAY, "a decade", "DURATION", "P10Y", None),
    ("The region has seen decades of conflict.", THURSDAY, "decades", "DURATION", "PXE", None),
    ("He got 90 days in jail and five years' probation.", THURSDAY, "five years'", "DURATION", "P5Y", None),
    ("The buyback could take between 12 and 18 months.", THURSDAY, "12", "DURATION", "P12M", None),
    ("He finished the marathon in 3:07:35.", THURSDAY, "3:07:35", "DURATION", "PT3H7M35S", None),
    ("The oil companies had blocked it for years.", THURSDAY, "years", "DURATION", "PXY", None),
    ("The launch was delayed a minute and a half.", THURSDAY, "a minute and a half", "DURATION", "PT1M30S", None),
    ("The talks lasted two and a half years.", THURSDAY, "two and a half years", "DURATION", "P2Y6M", None),
    ("Over the years, more patients died.", THURSDAY, "the years", "DURATION", "PXY", None),
    ("They talked for a few minutes.", THURSDAY, "a few minutes", "DURATION", "PXM", None),
    ("Prices may rise in the weeks ahead.", THURSDAY, "the weeks ahead", "DURATION", "PXW", None),
    ("He left the day before yesterday.", THURSDAY, "the day before yesterday", "DATE", "2023-05-23", "2023-05-23"),
    ("Can we wait another month?", THURSDAY, "another month", "DURATION", "P1M", None),
    ("The stock fell for eight trading days.", THURSDAY, "eight trading days", "DURATION", "P8D", None),
    ("The two day meeting ended.", THURSDAY, "two day", "DURATION", "P2D", None),
    ("Losses were spread over the next three quarters.", THURSDAY, "the next three quarters", "DURATION", "P9M", None),
    # sets
    ("Children should be vaccinated each season.", THURSDAY, "each season", "SET", "P1Y", None),
    ("The festival is held every year.", THURSDAY, "every year", "SET", "P1Y", None),
    ("She checked for smog every morning.", THURSDAY, "every morning", "SET", "XXXX-XX-XXTMO", None),
    ("The board meets weekly.", THURSDAY, "weekly", "SET", "P1W", None),
    ("It dispenses billions of dollars annually.", THURSDAY, "annually", "SET", "XXXX", None),
    ("The plant earns $5 billion a year.", THURSDAY, "a year", "SET", "P1Y", None),
    ("The market is open on Sundays.", THURSDAY, "Sundays", "SET", "XXXX-WXX-7", None),
]


@pytest.mark.parametrize(
    ("text", "published", "expression", "type_", "value", "when"),
    CASES,
    ids=[case[2] + ":" + case[0][:30] for case in CASES],
)
def test_timex_resolves(text, published, expression, type_, value, when):
    found = tagged(text, published)
    assert expression in found, f"{expression!r} not tagged; got {sorted(found)}"
    timex = found[expression]
    assert (timex.type, timex.value, timex.when) == (type_, value, when)
    assert text[timex.start : timex.end] == expression


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("The season started in early December.", "START"),
        ("He went missing late last July.", "END"),
        ("Prices were high in the mid-1990s.", "MID"),
        ("The outbreak peaked by the end of the year.", "END"),
        ("Talks broke down late Tuesday.", "END"),
    ],
)
def test_timex_position_mod(text, mod):
    assert [t.mod for t in find_timexes(text, FRIDAY_2013)] == [mod]


@pytest.mark.parametrize(
    ("text", "not_a_timex"),
    [
        ("The 22-year-old man was arrested.", "22-year-old"),
        ("They presented their 12-point peace plan.", "12"),
        ("Some 2000 troops crossed the border.", "2000"),
        ("The company paid $2023 in fees.", "2023"),
        ("Officials deliver 2000 pieces of aid.", "2000"),
        ("Call 138-2010-2015 for details.", "2010"),
        ("You may go now, she said.", "may"),
        ("Thousands march to the capital.", "march"),
        ("He was ill in the last year of his presidency.", "the last year"),
        ("Prices rose in the last week of July.", "the last week"),
        ("He wrote to May about the vote.", "May"),
        ("He spoke on Monday to May about the vote.", "May"),
        ("Organisers expect people to March on the capital.", "March"),
        ("Magna cut its quarterly dividend in half.", "quarterly"),
        ("Some two thousand troops crossed the border.", "two thousand"),
        ("It snapped back after its first quarterly loss.", "first quarter"),
        ("He sold a quarter of the shares.", "a quarter"),
        ("The bill was passed in the early hours of Friday.", "hours"),
        ("The company declared its initial quarterly of five cents a share.", "quarterly"),
        ("The year was 1997.", "The year"),
        ("Residents of the quarter fled the shelling.", "the quarter"),
        ("In the year since, he has recovered.", "the year"),
        ("They could leave as soon as the threats end.", "soon"),
        ("He will succeed Davison soon after he retires.", "soon"),
        ("It will reduce short-term debt.", "short-term"),
        ("They won three quarters of the vote.", "three quarters"),
        ('Baker said on ABC-TV\'s "This Week" that the war went well.', "This Week"),
        ("This is VOA Today.", "Today"),
        ("That is important to the future of our peoples.", "the future"),
        ("Average daily volume was 133 million shares.", "daily"),
        ("He came first in the race.", "first"),
        ("It is the second time he has won.", "second"),
        ("Children ages 6 months and older should be vaccinated.", "6 months"),
        ("Protesters gathered for the Arab Spring anniversary.", "Spring"),
        ("Russia celebrates the fall of Bakhmut.", "fall"),
        ("They bought a Christmas tree.", "Christmas"),
    ],
)
def test_timex_ignores_non_temporal(text, not_a_timex):
    spans = [(t.start, t.end) for t in find_timexes(text, THURSDAY)]
    start = text.index(not_a_timex)
    assert not any(s < start + len(not_a_timex) and start < e for s, e in spans), spans


def test_timex_results_are_sorted_and_disjoint():
    text = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1] if SEED.exists() else " ".join(c[0] for c in CASES)
    found = find_timexes(text, THURSDAY)
    assert found == sorted(found, key=lambda t: t.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.skipif(not SEED.exists(), reason="founding seed missing")
@pytest.mark.parametrize(
    ("anchor", "expression", "when"),
    [
        ("said on Wednesday he would support", "Wednesday", "2023-05-24"),
        ("visiting Russia since Monday", "Monday", "2023-05-22"),
        ("arrived in China on Monday", "Monday", "2023-05-22"),
        ("the next day attended an economic forum", "the next day", "2023-05-23"),
        ("On Wednesday, he traveled to Beijing", "Wednesday", "2023-05-24"),
        ("On Tuesday, Li said", "Tuesday", "2023-05-23"),
        ("On Tuesday, Alexander Novak", "Tuesday", "2023-05-23"),
        ("outbreak of war on February 24", "February 24", "2022-02-24"),
        ("last September", "last September", "2022-09"),
        ("Last year, however, the Kremlin", "Last year", "2022"),
        ("just over two months after Xi traveled", "two months", "2023-03"),
        ("February 24 this year", "February 24 this year", "2023-02-24"),
        ("190 billion US dollars in 2022", "2022", "2022"),
        ("first four months of this year", "the first four months of this year", "2023-01/2023-04"),
        ("by almost 40% in 2023", "2023", "2023"),
        ("last week at the G7 meeting", "last week", "2023-W20"),
        ("Earlier this month, it hosted", "Earlier this month", "2023-05"),
        ("the 15-month invasion", "15-month", None),
        ("over the past year", "the past year", None),
    ],
)
def test_timex_founding_seed(anchor, expression, when):
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    at = body.index(anchor)
    found = [
        t for t in find_timexes(body, THURSDAY) if t.text == expression and t.start < at + len(anchor) and at < t.end
    ]
    assert found, f"{expression!r} not tagged near {anchor!r}"
    assert found[0].when == when


def load_te3():
    spec = importlib.util.spec_from_file_location("te3", TE3_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(gold: Path, out: Path) -> dict:
    te3 = load_te3()
    for path in sorted(gold.glob("*.tml")):
        doc = te3.read_tml(path)
        found = find_timexes(doc["text"], dt.date.fromisoformat(doc["dct"]))
        rows = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in found]
        (out / f"{doc['id']}.json").write_text(json.dumps(rows), encoding="utf-8")
    return te3.score(gold, out)


@pytest.mark.skipif(not TE3_GOLD.exists() or not TE3_SCRIPT.exists(), reason="TempEval-3 platinum not available")
def test_timex_tempeval3_platinum(tmp_path):
    """Floors pinned at the F1 reached on 2026-11-29: value 0.9130, relaxed 0.9638."""
    result = score_corpus(TE3_GOLD, tmp_path)
    assert result["value"][2] >= 0.911, result
    assert result["relaxed"][2] >= 0.961, result


@pytest.mark.slow
@pytest.mark.skipif(not TIMEBANK.exists() or not TE3_SCRIPT.exists(), reason="TimeBank development set not available")
def test_timex_timebank_development_set_every_document_tagged(tmp_path):
    """Every document is tagged (none lost to a failing rule); floors pinned at the F1 reached on
    2026-11-29 (value 0.8522, relaxed 0.9496) less about 0.2 to 0.3 points."""
    result = score_corpus(TIMEBANK, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == len(list(TIMEBANK.glob("*.tml")))
    assert result["value"][2] >= 0.849, result
    assert result["relaxed"][2] >= 0.947, result


# Any text, any publication date: the tagger returns, whatever its rules meet.
TEMPORAL_WORDS = (
    "two three a an one 1,000,00 0 00 99 1999 2023 9999 0000 years year later earlier ago days day "
    "week weeks month months the next following previous same that this last Monday Friday "
    "May March 25 31 29 February 1990s '90s century decade quarter fiscal Q4 H1 tomorrow yesterday "
    "today tonight morning night summer Christmas Easter from to until between and , . - / : "
    "p.m. a.m. GMT 12:30 24:61 every each half first second third final nineteen ninety-six two "
    "thousand year-ago year-earlier period latest comparable ended soon another trading quarterly "
    "had been due previous in for straight while eighth 99th since should could have would ended "
    "Sept. 30 is it's"
).split()


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TEMPORAL_WORDS) | st.text(max_size=8), max_size=40), st.dates())
def test_timex_any_text_any_date_returns_sorted_disjoint(words, published):
    text = " ".join(words)
    found = find_timexes(text, published)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2023, 5, 25)])
@pytest.mark.parametrize(
    "text",
    [
        "Two years earlier, the mill had closed.",
        "Three years later he returned.",
        "A year later, on Christmas, it reopened tomorrow.",
        "The next day he left; two days later he came back.",
    ],
)
def test_timex_relative_counts_without_an_earlier_date_never_raise(text, published):
    found = tagged(text, published)
    assert found, text


def test_a_fiscal_quarter_without_its_months_places_none_of_its_references():
    """'the quarter' and 'the 1988 period' of a fiscal first quarter keep TimeML's value,
    but no calendar place: the company's fiscal first quarter may be July to September."""
    text = (
        "Sun said it earned $5.2 million in the fiscal first quarter. In the 1988 period, the company earned "
        "$20.6 million. It expects to break even for the quarter."
    )
    found = tagged(text, dt.date(1989, 10, 27))
    assert (found["the 1988 period"].value, found["the 1988 period"].when) == ("1988-Q1", None)
    assert found["the quarter"].when is None


def test_a_calendar_quarter_keeps_its_place_for_its_references():
    text = "Aetna's third-quarter net income fell 22%. The year-earlier results have been restated."
    found = tagged(text, dt.date(1989, 10, 27))
    assert found["year-earlier"].when == "1988-Q3"
