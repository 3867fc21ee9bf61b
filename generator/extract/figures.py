"""Key figures: the parsed article in, `Figure`s out — money with its ISO currency and
full value, percentages and percentage points, shares, measures with their unit (read by
the amounts grammar, `amounts.py`), and counts of the people and things the story is
about (read from the parser's number entities) — each with what it measures (a phrase
from the sentence found through the dependency parse) and its period (a dated
expression of its own clause)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..datafile import read_data
from ..model import Figure
from .amounts import SCALE_WORDS, Amount, find_amounts, parse_number, qualifier_before, read_context
from .amounts import currency_of as _currency_of
from .phrases import doc_text, noun_phrase, trim, within

SCALES = {**SCALE_WORDS, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "dozen": 12}
WORD_NUMBERS: dict[str, float] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORD_NUMBERS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5}
)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\.\d+)?")
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "well over",
    "as many as",
    "as much as",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "up",
    "down",
    "by",
)
QUALIFIER_WORDS = {w for phrase in QUALIFIERS for w in phrase.split()} | {
    "record",
    "only",
    "just",
    "estimated",
    "reported",
    "an",
    "a",
}
# Verbs whose subject is what the number measures: "trade reached $70 billion".
LEVEL_VERBS = {
    "be",
    "reach",
    "rise",
    "increase",
    "grow",
    "fall",
    "drop",
    "decline",
    "total",
    "amount",
    "stand",
    "climb",
    "jump",
    "double",
    "surge",
    "hit",
    "top",
    "exceed",
    "shrink",
    "slip",
    "soar",
    "plunge",
    "account",
    "gain",
    "lose",
    "decrease",
    "expand",
    "contract",
    "tumble",
    "slump",
    "rebound",
    "edge",
    "come",
    "remain",
    "cost",
    "fetch",
    "sink",
    "dip",
    "balloon",
}
COUNT_LABELS = {"QUANTITY", "CARDINAL", "DATE"}
# Labels the measure phrases know amounts by (trim() leaves MONEY and PERCENT tokens out).
KIND_LABELS = {"money": "MONEY", "percent": "PERCENT", "points": "PERCENT", "measure": "QUANTITY", "share": "CARDINAL"}
# Nouns that say only that a number is a number ('the sum of 42,863,423 pulas'): the clause tells more.
GENERIC_OWNERS = {"sum", "total", "amount", "figure", "value", "tune", "tally"}
IRREGULAR = {
    "hold": "held",
    "shoot": "shot",
    "lose": "lost",
    "hit": "hit",
    "strike": "struck",
    "build": "built",
    "lay": "laid",
    "slay": "slain",
    "free": "freed",
    "seize": "seized",
    "die": "died",
    "bury": "buried",
}
DIRECTIONS = re.compile(
    r"\s+((?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?|away|off|outside|inland|"
    r"upstream|downstream)(?:\s+(?:of|from))?|from)\s+((?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"|[a-z]+(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?))"
)
# Heads that make a number a comparison or a reference, not a count ('40 others', '2 times').
NOT_COUNTED = {"others", "other", "times", "ones", "one", "place", "places"}
RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:to|and|-|–)\s+(.+)$", re.I)


@dataclass(frozen=True)
class Candidate:
    """A number that may be a key figure: its span in the parse and what it amounts to."""

    span: Span
    values: tuple[float, ...]
    unit: str | None
    kind: str  # money | percent | points | measure | share | count
    qualifier: str | None = None
    start: int | None = None  # the amount as written, when it is not the span's tokens exactly
    end: int | None = None


def currency_of(text: str, before: str = "") -> str | None:
    return _currency_of(text, before)


@lru_cache(maxsize=1)
def _nouns_table() -> dict:
    return read_data("counted_nouns.yml")


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    table = _nouns_table()
    return frozenset([*table.get("people", []), *table.get("things", [])])


def _counted_noun(span: Span) -> str | None:
    """'259 people' -> people; 'claims over 150,000' -> claims; '500 tonnes' -> tonnes."""
    root = span.root
    if span.label_ == "QUANTITY":
        words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in SCALES and t.lower_ not in WORD_NUMBERS]
        if words:
            return words[-1]
    if root.dep_ in ("nummod", "quantmod", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return root.head.lower_
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in ("over", "of", "than", "around", "about")
        and root.head.head.pos_ == "NOUN"
        and root.head.head.i < span.start
        and root.head.head.tag_ == "NNS"
    ):
        return root.head.head.lower_
    whole = _partitive(span)
    if whole is not None and (parse_number(span.text) or 0) > 1:  # 'Thirty-two of the 159 members', not 'one of'
        return whole.lower_
    preposition = root.head if root.dep_ == "pobj" else None
    if (
        preposition is not None
        and preposition.lower_ in ("over", "above", "past", "beyond", "below", "under", "to")
        and preposition.head.pos_ == "VERB"
    ):  # 'drove asylum claims over 150,000'
        pushed = next((c for c in preposition.head.children if c.dep_ == "dobj" and c.tag_ == "NNS"), None)
        if pushed is not None:
            return pushed.lower_
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("from", "to", "by") else None
    if verb is not None and verb.lemma_ in LEVEL_VERBS:  # 'seats increased from 9 to 10'
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ == "NNS"), None)
        return subject.lower_ if subject is not None else None
    return None


def count_of(span: Span) -> tuple[str | None] | None:
    """Whether a CARDINAL, DATE or QUANTITY entity counts something the story is about,
    and the plain word it counts ('259 people', 'wounded six others', 'a 50-strong mob',
    'bring the total to 19'): a 1-tuple of the unit (None when unnamed), or None."""
    text = span.text.strip()
    if span.label_ not in COUNT_LABELS or parse_number(text) is None:
        return None
    if span.label_ == "DATE":  # '1709 schoolchildren': a number counting a plural noun
        fits = re.fullmatch(r"\d{4}", text) and span.root.dep_ == "nummod" and span.root.head.tag_ == "NNS"
        return (span.root.head.lower_,) if fits else None
    after = doc_text(span.doc)[span.end_char : span.end_char + 12]
    if re.search(r"\ball\s+but\s+$", doc_text(span.doc)[max(0, span.start_char - 12) : span.start_char], re.I):
        return None  # 'All but four of the children': the exceptions, not a count the story gives
    if re.match(r"-strong\b", after):  # 'a 50-strong mob'
        noun = span.doc[span.end : span.end + 4]
        head = next((t for t in noun if t.pos_ in ("NOUN", "PROPN")), None)
        return (head.lower_ if head is not None else None,)
    counted = _counted_noun(span)
    if span.label_ == "QUANTITY" and counted is not None:
        return (counted,)
    verb = _governing_verb(span.root)
    casualty = verb is not None and verb.lemma_ in _count_verbs() and _tally(span) is None
    if counted in NOT_COUNTED or counted is None:
        value = parse_number(text) or 0
        direct = span.root.head == verb or span.root.dep_ == "nummod" and span.root.head.head == verb
        if casualty and value == int(value) and direct and span.root.dep_ in ("dobj", "nsubjpass", "nsubj", "nummod"):
            return ("people",)  # 'seriously wounded six others'
        if _tally(span) is not None:
            return (None,)  # 'bring the total to 19', 'the death toll rose to 40'
        return None
    if (
        not NUMBER.search(text)
        and counted not in _people_nouns()
        and not casualty
        and not any(w in SCALES for w in text.lower().split())
    ):
        return None
    if re.fullmatch(r"(1[89]|20)\d\d", text) and span.root.head.tag_ != "NNS":
        return None
    if after[:1] == "-":  # '12-point', '15-month': an attribute, not a figure
        return None
    return (counted,)


def _tally(span: Span) -> Token | None:
    """'bring the total to 19', 'the number arrested rose to 60', 'the number of cars
    was on track to hit 400 million': the tally noun a number is the level of."""
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_ in LEVEL_VERBS:
        subject = level_subject(root.head)
        return subject if subject is not None and subject.lemma_ in TALLIES else None
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "at", "past", "over", "above", "beyond"):
        return None
    verb = root.head.head
    if verb.dep_ == "acl" and verb.head.lemma_ in TALLIES:
        return verb.head  # 'bringing the number arrested to 60'
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_ in TALLIES), None)


def _partitive(span: Span) -> Token | None:
    """'Thirty-two of the 159 U.N. members': the plural noun a number is a part of."""
    part_of = next((c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end), None)
    whole = next((c for c in part_of.children if c.dep_ == "pobj"), None) if part_of is not None else None
    return whole if whole is not None and whole.tag_ in ("NNS", "NNPS") else None


def level_subject(verb: Token) -> Token | None:
    """The subject of a verb of level, or of the verb it completes ('the number of cars was
    on track to hit 400 million')."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acomp", "advcl"):
            return subject
        verb = verb.head
    return None


TALLIES = {"total", "toll", "tally", "number", "count", "figure"}


@lru_cache(maxsize=1)
def _count_verbs() -> frozenset[str]:
    return frozenset(_nouns_table().get("verbs", []))


def is_figure(span: Span) -> bool:
    return count_of(span) is not None


def find_figures(doc: Doc, sentence_of, periods, dates: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """`periods(sentence, start, end)` gives the dated expression a figure refers to;
    `dates` are the spans the temporal tagger read as dates ('the 2014 protests')."""
    candidates = _amount_candidates(doc)
    taken = [(c.span.start_char, c.span.end_char) for c in candidates]
    candidates += [
        c
        for c in _count_candidates(doc, dates)
        if not any(s < c.span.end_char and c.span.start_char < e for s, e in taken)
    ]
    candidates.sort(key=lambda c: c.span.start_char)
    figures: list[Figure] = []
    skip: set[int] = set()
    for index, candidate in enumerate(candidates):
        if index in skip:
            continue
        span = candidate.span
        conversion = _conversion_after(candidate, candidates[index + 1 : index + 2])
        start = span.start_char if candidate.start is None else candidate.start
        end = span.end_char if candidate.end is None else candidate.end
        text = doc_text(doc)[start:end]
        if conversion is not None:
            skip.add(index + 1)
            close = doc_text(doc)[conversion.end_char : conversion.end_char + 1] == ")"
            end = conversion.end_char + (1 if close else 0)
            text = f"{text} ({conversion.text})"
        sentence = sentence_of(span.start_char)
        measure = _measure_of(candidate)
        if not measure and candidate.kind in ("money", "percent", "points"):
            earlier = [f for f in figures if f.unit == candidate.unit and sentence - f.sentence <= 1]
            measure = earlier[-1].measure if earlier else ""
        if not measure:
            measure = _clause(_governing_verb(span.root) or span.root, span)
        for value in candidate.values:
            figures.append(
                Figure(
                    text=text,
                    value=value,
                    unit=candidate.unit,
                    measure=measure,
                    sentence=sentence,
                    start=start,
                    end=end,
                    qualifier=candidate.qualifier,
                    period=periods(sentence, start, candidate.end or span.end_char),
                    conversion=conversion.text if conversion is not None else None,
                )
            )
    return figures


def _measure_of(candidate: Candidate) -> str:
    """What a candidate measures: a distance's place ('50 miles south of Belfast'), a
    quantity's substance ('1,300 pounds of explosives'), the people a verb of harm or
    arrest counts ('killing all six aboard': people killed), else the parse's phrase."""
    span = candidate.span
    if candidate.kind == "measure":
        place = DIRECTIONS.match(doc_text(span.doc)[span.end_char : span.end_char + 80])
        if place:
            return f"distance {place[1]} {place[2]}"
        part = _part_of(span)
        if part:
            return part
    if candidate.kind == "share":
        part = _part_of(span)
        if part:
            return part
    if candidate.kind == "count":
        if doc_text(span.doc).startswith("-strong", span.end_char) and candidate.unit:
            return candidate.unit  # 'a 50-strong mob'
        tally, whole = _tally(span), _partitive(span)
        if tally is not None:  # 'the number of passenger cars' hit 400 million, 'the number arrested'
            measure = trim([t for t in noun_phrase(tally, limit=8) if not within(t, span)], limit=8)
            participle = next((c for c in tally.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
            return f"{measure} {participle.text}" if participle is not None else measure
        if whole is not None:  # 'Thirty-two of the 159 U.N. members'
            return trim(
                [
                    t
                    for t in noun_phrase(whole, limit=8)
                    if not t.like_num and t.lower_ not in ("the", "of") and t.i > span.end
                ],
                limit=8,
            )
        verb = _governing_verb(span.root)
        done = _participle(verb) if verb is not None and _acted_on(span, verb) else None
        noun = candidate.unit if candidate.unit and candidate.unit not in NOT_COUNTED else "people"
        counted = span.root.dep_ == "nummod" and span.root.head.lower_ == noun
        if done and verb is not None and noun.isalpha() and (verb.lemma_ in _count_verbs() or counted):
            # the noun the number counts, as its verb acts on it ('tanks destroyed', 'Afghan refugees evacuated')
            described = find_measure(span) if counted else ""
            return f"{described if described.endswith(span.root.head.text) else noun} {done}"
    return find_measure(span)


# Verbs of having and being: 'the company has 8,000 employees' counts no act.
LIGHT_VERBS = {
    "be",
    "have",
    "include",
    "contain",
    "involve",
    "comprise",
    "number",
    "total",
    "need",
    "want",
    "require",
    "use",
    "get",
    "make",
    "take",
    "give",
    "become",
    "remain",
    "represent",
    "mean",
    "see",
    "count",
    "list",
    "name",
    "say",
    "expect",
    "estimate",
    "employ",
    "own",
    "hold",
    "keep",
}


def _acted_on(span: Span, verb: Token | None) -> bool:
    """Whether a count (or the noun it counts) is the object of `verb` or its passive
    subject, in a parse that gives the verb one subject (two mean the parse is wrong:
    'A system ... for 3,000 Afghan refugees was rejected' hangs both on 'rejected')."""
    if verb is None or span.root.dep_ not in ("dobj", "nsubjpass", "nummod"):
        return False
    noun = span.root.head
    if span.root.dep_ == "nummod" and not (noun.dep_ in ("dobj", "nsubjpass") and noun.head == verb):
        return False
    return len([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]) <= 1


def _participle(verb: Token) -> str | None:
    """'killed' for kill, 'shot' for shoot; for a verb outside the table of events, its
    own regular past form as written ('burned'), or nothing."""
    lemma = verb.lemma_.lower()
    if lemma in _count_verbs():
        return IRREGULAR.get(lemma) or (lemma + "d" if lemma.endswith("e") else lemma + "ed")
    if verb.pos_ == "VERB" and lemma not in LIGHT_VERBS and verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
        return verb.lower_
    return None


def _amount_candidates(doc: Doc) -> list[Candidate]:
    """Money, percentages, shares and measures, read from the text by the amounts grammar;
    the parse gives each its span for the measure."""
    text = doc_text(doc)
    candidates = []
    for amount in find_amounts(text, read_context(text)):
        span = doc.char_span(amount.start, amount.end, label=KIND_LABELS[amount.kind], alignment_mode="expand")
        if span is None or not len(span):
            continue
        start = _qualified_start(text, amount)
        span = doc.char_span(start, amount.end, label=KIND_LABELS[amount.kind], alignment_mode="expand") or span
        candidates.append(
            Candidate(span, tuple(amount.values), amount.unit, amount.kind, amount.qualifier, start, amount.end)
        )
    return candidates


def _qualified_start(text: str, amount: Amount) -> int:
    """Where an amount starts as written with its qualifier ('at least 50%', 'an estimated
    $470 million'); a direction ('up 40 percent') stays outside, as the parser reads it."""
    if amount.qualifier in (None, "up", "down"):
        return amount.start
    found = re.search(
        rf"(?<![\w-]){re.escape(amount.qualifier)}\s+$", text[max(0, amount.start - 30) : amount.start], re.I
    )
    return amount.start - len(found.group()) if found else amount.start


def _count_candidates(doc: Doc, dates) -> list[Candidate]:
    """Counts of people and things, from the entities the parser found: 'killing all
    seven astronauts', '84,121 votes', 'voted 89-52'; and from numbers the parse puts
    on a plural noun where the NER missed them or swept them into a name ('all 880
    Soviets' read as an event)."""
    candidates = _votes(doc)
    for entity in sorted([*doc.ents, *_parsed_counts(doc)], key=lambda e: e.start):
        if entity.label_ == "DATE" and any(s <= entity.start_char < t for s, t in dates):
            continue
        if any(c.span.start_char <= entity.start_char < c.span.end_char for c in candidates):
            continue
        number = _from_number(entity)
        if number is None:
            continue
        counted = count_of(number)
        value = parse_number(number.text)
        if counted is None or value is None:  # count_of reads the same number: both or neither are None
            continue
        values = _bounds(number.text) or [value]
        qualifier = qualifier_before(doc_text(doc), number.start_char, number.text.lower())
        candidates.append(
            Candidate(
                number,
                tuple(float(f"{v:.12g}") for v in values),
                counted[0],
                "count",
                None if qualifier in (None, "by") else qualifier,
            )
        )
    return candidates


NAMED_NUMBERS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _parsed_counts(doc: Doc) -> list[Span]:
    """A number the parse makes a modifier of a plural noun after it, outside any
    number entity: its span (with the number words before it, 'two hundred')."""
    spans = []
    for token in doc:
        if token.tag_ != "CD" or token.dep_ != "nummod" or token.ent_type_ in NAMED_NUMBERS:
            continue
        if token.head.tag_ not in ("NNS", "NNPS") or token.head.i <= token.i or not token.head.is_alpha:
            continue
        start = token.i
        while start > 0 and doc[start - 1].tag_ == "CD" and doc[start - 1].ent_type_ not in NAMED_NUMBERS:
            start -= 1
        spans.append(Span(doc, start, token.i + 1, label="CARDINAL"))
    return spans


VOTE = re.compile(r"(?<![\w.,/-])(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\w.,/%-])")
VOTE_WORDS = {"vote", "ballot", "pass", "approve", "reject", "defeat", "elect", "endorse", "adopt", "back"}


def _from_number(entity: Span) -> Span | None:
    """'A record 1.6 million' -> '1.6 million': the words before the number qualify it, they
    are not what it counts (the qualifier is read from the text before)."""
    first = next((t.i for t in entity if t.like_num or t.lower_ in WORD_NUMBERS or t.lower_ in SCALES), None)
    if first is None:
        return None
    if first == entity.start:
        return entity
    kept = entity.doc[first : entity.end]
    return Span(entity.doc, kept.start, kept.end, label=entity.label_)


def _votes(doc: Doc) -> list[Candidate]:
    """'voted 89-52 for a republic', 'passed 221-212': a tally of votes, both sides."""
    candidates: list[Candidate] = []
    text = doc_text(doc)
    for found in VOTE.finditer(text):
        span = doc.char_span(found.start(), found.end(), label="CARDINAL", alignment_mode="expand")
        if span is None:
            continue
        lemmas = {t.lemma_.lower() for t in span.sent}
        if not lemmas & VOTE_WORDS or not lemmas & {"vote", "ballot"} and _beats_a_name(span.sent):
            continue  # 'Sweden defeated South Korea 1 – 0': a score, not votes
        if any(e.label_ in ("DATE", "TIME", "MONEY", "PERCENT") for e in span.ents):
            continue
        candidates.append(Candidate(span, (float(found[1]), float(found[2])), "votes", "count"))
    return candidates


def _beats_a_name(sentence: Span) -> bool:
    """'defeated South Korea', 'beat Panama': a verb of winning whose object is a name
    (a team, a country), not a bill or a motion."""
    names = ("GPE", "ORG", "NORP", "PERSON")
    return any(
        t.lemma_.lower() in VOTE_WORDS and any(c.dep_ == "dobj" and c.ent_type_ in names for c in t.children)
        for t in sentence
    )


def _bounds(text: str) -> list[float]:
    """Both ends of a range ('ten to 32 pages'), each a figure of its own."""
    match = RANGE.match(text.strip())
    if not match:
        return []
    low, high = parse_number(match.group(1)), parse_number(match.group(2))
    return [low, high] if low is not None and high is not None else []


def _conversion_after(candidate: Candidate, following: list[Candidate]) -> Span | None:
    """'190 billion US dollars in 2022 (991.2 billion reais)': the bracketed amount."""
    if candidate.kind != "money" or not following or following[0].kind != "money":
        return None
    span, other = candidate.span, following[0].span
    between = doc_text(span.doc)[span.end_char : other.start_char]
    if "(" in between and ")" not in between and len(between) <= 40 and "." not in between.replace("(", ""):
        return other
    return None


def find_measure(span: Span) -> str:
    """What the number measures: the subject of a verb of level or change
    ("the trade flow between the countries was …"), the counted noun and its verb
    ("259 people were killed"), or the clause around a transitive verb."""
    modified = _modified_noun(span)
    if modified is not None:  # 'a record-breaking 58% turnout', '259 people'
        words = [
            t
            for t in noun_phrase(modified, limit=8)
            if not within(t, span) and not t.like_num and t.lower_ not in QUALIFIER_WORDS
        ]
        return trim(words, limit=8)
    if _of_demonstrative(span):  # '39 percent of these': of what the number before counted
        return _part_of(span)
    owner = _noun_of(span)
    if owner is not None:  # 'a turnout rate of 58%'
        return trim([t for t in noun_phrase(owner, limit=8) if t.i < span.start], limit=8)
    verb = _governing_verb(span.root)
    if verb is None:
        return _noun_head_phrase(span)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject = subject or _unmarked_clause_subject(verb)
    if verb.lemma_ in LEVEL_VERBS and subject is not None and not within(subject, span):
        if subject.pos_ == "PRON":
            return ""  # 'this has dropped to 56 percent': the figure before tells what
        measure = trim(list(subject.subtree))
        part = _part_of(span)
        return f"{measure}: share of {part}" if part and span.label_ == "PERCENT" else measure
    return _clause(verb, span)


def _unmarked_clause_subject(verb: Token) -> Token | None:
    """'The scientists found reduction of crop yields exceeded 10%': a clause without
    'that' is often parsed as a second verb coordinated with the first, or as a clause
    without a subject after the first verb's object. With no conjunction or comma
    between (a short phrase such as 'by 2050' may be), that object is its subject."""
    if verb.dep_ not in ("conj", "ccomp") or any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i):
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    if not objects:
        return None
    between = verb.doc[objects[-1].right_edge.i + 1 : verb.i]
    if len(between) > UNMARKED_GAP or any(t.is_punct or t.pos_ in ("CCONJ", "VERB", "AUX") for t in between):
        return None
    return objects[-1]


UNMARKED_GAP = 3  # words between the object and the verb, at most


def _prepositions_of(span: Span) -> list[Token]:
    """'over 422,000 euros in arrears': what the counted noun carries."""
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    return [c for c in noun.children if c.dep_ == "prep" and c.i >= span.end]


def _noun_of(span: Span) -> Token | None:
    preposition = span.root.head
    if (
        span.root.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.pos_ == "NOUN"
        and preposition.head.lemma_ not in GENERIC_OWNERS
    ):
        return preposition.head
    return None


def _part_of(span: Span) -> str:
    """'70 percent of the market' -> 'the market'; '277 vulnerabilities; 39 percent of
    these' -> 'vulnerabilities'."""
    if _of_demonstrative(span):
        counted = _counted_before(span)
        return trim([t for t in noun_phrase(counted) if not t.like_num], limit=6) if counted is not None else ""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return trim([t for t in child.subtree if t != child], limit=6)
    return ""


DEMONSTRATIVES = {"these", "those", "them"}


def _of_demonstrative(span: Span) -> bool:
    return any(
        child.dep_ == "prep" and child.lower_ == "of" and any(c.lower_ in DEMONSTRATIVES for c in child.children)
        for child in span.root.children
    )


def _counted_before(span: Span) -> Token | None:
    """The plural noun a number counted last before `span`, in its sentence or the one
    before: what 'these' in '39 percent of these' stands for. None when that noun is
    not the last plural noun before (then 'these' may stand for another)."""
    doc = span.doc
    sentence = doc[span.start].sent
    start = doc[sentence.start - 1].sent.start if sentence.start else 0
    plural = next((t for t in reversed(doc[start : span.start]) if t.tag_ == "NNS"), None)
    if plural is None or not any(c.dep_ == "nummod" and c.like_num for c in plural.children):
        return None
    return plural


def _modified_noun(span: Span) -> Token | None:
    """The noun a figure counts or qualifies, when the figure stands before it
    (for money, only a noun that is not the currency itself)."""
    head = span.root.head
    if span.root.dep_ not in ("nummod", "amod", "compound", "quantmod", "nmod") or head.i < span.end:
        return None
    if head.pos_ not in ("NOUN", "PROPN") or currency_of(head.text):
        return None
    return head


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _noun_head_phrase(span: Span) -> str:
    head = span.root.head
    if head.pos_ in ("NOUN", "PROPN") and head.i != span.root.i:
        return trim([t for t in head.subtree if not within(t, span)])
    return ""


def _clause(verb: Token, span: Span) -> str:
    """Subject, verb and its prepositional phrases, the figure left out."""
    keep: list[Token] = []
    for child in [*verb.children, *_prepositions_of(span)]:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "dative", "prt", "attr", "acomp", "agent"):
            keep.extend(t for t in noun_phrase(child, limit=8) if not within(t, span))
    keep.append(verb)
    tokens = sorted(set(keep), key=lambda t: t.i)
    return trim(tokens, limit=12)


# A date after these words is what a figure is compared with, not when it holds
# ('up 40 percent from the same period last year').
COMPARED = re.compile(
    r"(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bover|\bsince|\bagainst)"
    r"(?:\s+(?:the|a|its|their))?\s*$",
    re.I,
)


def period_of(doc: Doc, dated: list, start: int, end: int) -> str | None:
    """The date a figure holds for, from its own clause: the dated expressions (`.start`,
    `.end`, `.when`) governed by the figure's verb, not one inside the figure ('1709
    schoolchildren'), not a subordinate clause's ('since lifting a ban in 2019'), not the
    base of a comparison ('from the same period last year'); the nearest of them."""
    return Periods(doc, dated).of(start, end)


class Periods:
    """A sentence's dated expressions by the verb of their clause, placed once for all the
    sentence's figures: each figure then meets only its clause's dates (placing every date
    again for every figure was quadratic in a run-on sentence)."""

    def __init__(self, doc: Doc, dated: list):
        self.doc = doc
        self.by_clause: dict[int | None, list] = {}
        for timex in dated:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None:
                self.by_clause.setdefault(_clause_index(span.root), []).append(timex)

    def of(self, start: int, end: int) -> str | None:
        figure = self.doc.char_span(start, end, alignment_mode="expand")
        if figure is None:
            return None
        text = doc_text(self.doc)
        candidates = [
            timex
            for timex in self.by_clause.get(_clause_index(figure.root), ())
            if not (timex.start < end and start < timex.end)
            and not COMPARED.search(text[max(0, timex.start - 30) : timex.start])
        ]
        distance = lambda t: t.start - end if t.start >= end else start - t.end  # noqa: E731
        return min(candidates, key=distance).when if candidates else None


def _clause_index(token: Token) -> int | None:
    """Where the verb of a token's clause stands (None in a verbless fragment)."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ == "VERB" or candidate.pos_ == "AUX" and candidate.dep_ == "ROOT":
            return candidate.i
    return None
