"""Key figures: the parsed article in, `Figure`s out — money with its ISO currency and
full value, percentages with their qualifier, counts and quantities — each with what
it measures (a phrase from the sentence found through the dependency parse) and its
period (a dated expression in the same clause)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from ..model import Figure
from .phrases import doc_text, noun_phrase, trim, within

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "hundred": 1e2, "dozen": 12}
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "half": 0.5, "a": 1, "an": 1})
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\.\d+)?")
QUALIFIERS = ("more than", "less than", "fewer than", "at least", "at most", "up to", "just over",
              "just under", "well over", "as many as", "as much as", "nearly", "almost", "about",
              "around", "approximately", "roughly", "some", "over", "under", "up", "down", "by")
QUALIFIER_WORDS = {w for phrase in QUALIFIERS for w in phrase.split()} | {"record", "only", "just"}
# Verbs whose subject is what the number measures: "trade reached $70 billion".
LEVEL_VERBS = {"be", "reach", "rise", "increase", "grow", "fall", "drop", "decline", "total", "amount",
               "stand", "climb", "jump", "double", "surge", "hit", "top", "exceed", "shrink", "slip",
               "soar", "plunge", "account", "gain", "lose", "decrease", "expand", "contract", "tumble",
               "slump", "rebound", "edge", "come", "remain", "cost", "fetch", "sink", "dip", "balloon"}
FIGURE_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE"}
# Heads that make a number a comparison or a reference, not a count ('40 others', '2 times').
NOT_COUNTED = {"others", "other", "times", "ones", "one", "place", "places"}
RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:to|and|-|–)\s+(.+)$", re.I)


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str | None


@lru_cache(maxsize=1)
def _currencies() -> dict:
    return yaml.safe_load(resources.files("generator").joinpath("data/currencies.yml").read_text("utf-8"))


def parse_number(text: str) -> float | None:
    """'190 billion' -> 190e9, '1,200' -> 1200, 'two million' -> 2e6, '$4m' -> 4e6;
    a range ('ten to 32', 'between 40 and 50') gives its upper bound."""
    bounds = RANGE.match(text.strip())
    if bounds:
        high = _parse_single(bounds.group(2))
        if high is not None and _parse_single(bounds.group(1)) is not None:
            return high
    return _parse_single(text)


def _parse_single(text: str) -> float | None:
    words = re.findall(r"\d+(?:[.,]\d+)*|[A-Za-z]+", text.lower())
    value: float | None = None
    for word in words:
        if word[0].isdigit():
            if value is not None:
                break
            value = _digits(word)
        elif word in WORD_NUMBERS and value is None:
            value = float(WORD_NUMBERS[word])
        elif word in SCALES and value is not None:
            value *= SCALES[word]
    return value


def _digits(word: str) -> float:
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", word):
        return float(word.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", word):  # a decimal comma in translated text
        return float(word.replace(",", "."))
    return float(word)


def currency_of(text: str, before: str = "") -> str | None:
    table = _currencies()
    for symbol in sorted(table["symbols"], key=len, reverse=True):
        if symbol in text:
            return table["symbols"][symbol]
    lowered = f"{before} {text}".lower()
    for code in table["codes"]:
        if re.search(rf"\b{code.lower()}\b", lowered) and code != "RMB":
            return code
    for word, code in table["words"].items():
        if re.search(rf"\b{word}s?\b", lowered):
            if word == "dollar":
                for country, country_code in table["dollar_countries"].items():
                    if re.search(rf"\b{re.escape(country)} dollars?\b", lowered):
                        return country_code
            return code
    return None


def amount_of(span: Span) -> Amount | None:
    text = span.text
    value = parse_number(text)
    if value is None:
        return None
    if re.search(r"%|\bper ?cent\b|\bpercentage points?\b", text, re.I):
        return Amount(value, "%")
    if span.label_ == "MONEY":
        before = span.doc[max(span.start - 2, 0):span.start].text
        symbol = span.doc[span.start - 1].text if span.start else ""
        return Amount(value, currency_of(text, before) or currency_of(symbol))
    unit = _counted_noun(span)
    symbol = doc_text(span.doc)[max(span.start_char - 3, 0):span.start_char].strip()
    currency = (currency_of(unit) if unit else None) or (currency_of(symbol) if symbol else None)
    return Amount(value, currency or unit)


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(yaml.safe_load(resources.files("generator").joinpath("data/counted_nouns.yml").read_text("utf-8")))


def _counted_noun(span: Span) -> str | None:
    """'259 people' -> people; 'claims over 150,000' -> claims; '500 tonnes' -> tonnes."""
    root = span.root
    if span.label_ == "QUANTITY":
        words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in SCALES and t.lower_ not in WORD_NUMBERS]
        return words[-1] if words else None
    if root.dep_ in ("nummod", "quantmod", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return root.head.lower_
    if root.dep_ == "pobj" and root.head.lower_ in ("over", "of", "than", "around", "about") \
            and root.head.head.pos_ == "NOUN" and root.head.head.i < span.start and root.head.head.tag_ == "NNS":
        return root.head.head.lower_
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("from", "to", "by") else None
    if verb is not None and verb.lemma_ in LEVEL_VERBS:  # 'seats increased from 9 to 10'
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ == "NNS"), None)
        return subject.lower_ if subject is not None else None
    return None


def is_figure(span: Span) -> bool:
    if span.label_ not in FIGURE_LABELS:
        return False
    text = span.text
    if span.label_ == "PERCENT" and not re.search(r"%|\bper ?cent", text, re.I):
        return False
    if span.label_ == "DATE":  # '1709 schoolchildren': a number counting a plural noun
        return bool(re.fullmatch(r"\d{4}", text)) and span.root.dep_ == "nummod" and span.root.head.tag_ == "NNS"
    if span.label_ == "CARDINAL":
        counted = _counted_noun(span)
        if counted is None or counted in NOT_COUNTED:
            return False
        if not NUMBER.search(text) and counted not in _people_nouns() and not any(
                w in SCALES for w in text.lower().split()):
            return False
        if re.fullmatch(r"(1[89]|20)\d\d", text.strip()) and span.root.head.tag_ != "NNS":
            return False
        after = doc_text(span.doc)[span.end_char:span.end_char + 1]
        if after == "-":  # '12-point', '15-month': an attribute, not a figure
            return False
    return parse_number(text) is not None


def find_figures(doc: Doc, sentence_of, periods, dates: list[tuple[int, int]] = ()) -> list[Figure]:
    """`periods(sentence, start, end)` gives the dated expression a figure refers to;
    `dates` are the spans the temporal tagger read as dates ('the 2014 protests')."""
    spans = [e for e in doc.ents if is_figure(e)
             and not (e.label_ == "DATE" and any(s <= e.start_char < t for s, t in dates))]
    figures = []
    skip: set[int] = set()
    for index, span in enumerate(spans):
        if index in skip:
            continue
        amount = amount_of(span)
        if amount is None:
            continue
        conversion = _conversion_after(span, spans[index + 1:index + 2])
        end = span.end_char
        text = span.text
        if conversion is not None:
            skip.add(index + 1)
            end = conversion.end_char + (1 if doc_text(doc)[conversion.end_char:conversion.end_char + 1] == ")" else 0)
            text = f"{span.text} ({conversion.text})"
        qualifier = _qualifier(span)
        sentence = sentence_of(span.start_char)
        measure = find_measure(span)
        if not measure:
            earlier = [f for f in figures if f.unit == amount.unit and sentence - f.sentence <= 1]
            measure = earlier[-1].measure if earlier else _clause(_governing_verb(span.root) or span.root, span)
        for value in _bounds(span.text) or [float(f"{amount.value:.12g}")]:  # 17.1bn, not 17100000000.000002
            figures.append(Figure(
                text=text, value=value, unit=amount.unit, measure=measure,
                sentence=sentence, start=span.start_char, end=end, qualifier=qualifier,
                period=periods(sentence, span.start_char, span.end_char),
                conversion=conversion.text if conversion is not None else None))
    return figures


def _bounds(text: str) -> list[float]:
    """Both ends of a range ('ten to 32 pages'), each a figure of its own."""
    match = RANGE.match(text.strip())
    if not match:
        return []
    low, high = _parse_single(match.group(1)), _parse_single(match.group(2))
    return [low, high] if low is not None and high is not None else []


def _conversion_after(span: Span, following: list[Span]) -> Span | None:
    """'190 billion US dollars in 2022 (991.2 billion reais)': the bracketed amount."""
    if span.label_ != "MONEY" or not following or following[0].label_ != "MONEY":
        return None
    other = following[0]
    between = doc_text(span.doc)[span.end_char:other.start_char]
    if "(" in between and ")" not in between and len(between) <= 40 and "." not in between.replace("(", ""):
        return other
    return None


def _qualifier(span: Span) -> str | None:
    inside = span.text.lower()
    before = span.doc[max(span.start - 3, span.sent.start):span.start].text.lower()
    for phrase in QUALIFIERS:
        if inside.startswith(phrase + " "):
            return phrase
    for phrase in QUALIFIERS:
        if re.search(rf"\b{phrase}$", before):
            if phrase == "by":
                continue
            return phrase
    return None


def find_measure(span: Span) -> str:
    """What the number measures: the subject of a verb of level or change
    ("the trade flow between the countries was …"), the counted noun and its verb
    ("259 people were killed"), or the clause around a transitive verb."""
    modified = _modified_noun(span)
    if modified is not None:  # 'a record-breaking 58% turnout', '259 people'
        words = [t for t in noun_phrase(modified, limit=8) if not within(t, span) and not t.like_num
                 and t.lower_ not in QUALIFIER_WORDS]
        return trim(words, limit=8)
    owner = _noun_of(span)
    if owner is not None:  # 'a turnout rate of 58%'
        return trim([t for t in noun_phrase(owner, limit=8) if t.i < span.start], limit=8)
    verb = _governing_verb(span.root)
    if verb is None:
        return _noun_head_phrase(span)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lemma_ in LEVEL_VERBS and subject is not None and not within(subject, span):
        if subject.pos_ == "PRON":
            return ""  # 'this has dropped to 56 percent': the figure before tells what
        measure = trim(list(subject.subtree))
        part = _part_of(span)
        return f"{measure}: share of {part}" if part and span.label_ == "PERCENT" else measure
    return _clause(verb, span)


def _prepositions_of(span: Span) -> list[Token]:
    """'over 422,000 euros in arrears': what the counted noun carries."""
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    return [c for c in noun.children if c.dep_ == "prep" and c.i >= span.end]


def _noun_of(span: Span) -> Token | None:
    preposition = span.root.head
    if span.root.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.pos_ == "NOUN":
        return preposition.head
    return None


def _part_of(span: Span) -> str:
    """'70 percent of the market' -> 'the market'."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return trim([t for t in child.subtree if t != child], limit=6)
    return ""


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
    keep = []
    for child in [*verb.children, *_prepositions_of(span)]:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "dative", "prt", "attr", "acomp", "agent"):
            keep.extend(t for t in noun_phrase(child, limit=8) if not within(t, span))
    keep.append(verb)
    tokens = sorted(set(keep), key=lambda t: t.i)
    return trim(tokens, limit=12)
