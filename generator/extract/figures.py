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
from .phrases import noun_phrase, trim

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
FIGURE_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str | None


@lru_cache(maxsize=1)
def _currencies() -> dict:
    return yaml.safe_load(resources.files("generator").joinpath("data/currencies.yml").read_text("utf-8"))


def parse_number(text: str) -> float | None:
    """'190 billion' -> 190e9, '1,200' -> 1200, 'two million' -> 2e6, '$4m' -> 4e6."""
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
        return Amount(value, currency_of(text, before))
    unit = _counted_noun(span)
    currency = currency_of(unit) if unit else None
    return Amount(value, currency or unit)


def _counted_noun(span: Span) -> str | None:
    root = span.root
    if span.label_ == "QUANTITY":
        words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in SCALES and t.lower_ not in WORD_NUMBERS]
        return words[-1] if words else None
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return root.head.lower_
    return None


def is_figure(span: Span) -> bool:
    if span.label_ not in FIGURE_LABELS:
        return False
    text = span.text
    if span.label_ == "PERCENT" and not re.search(r"%|\bper ?cent", text, re.I):
        return False
    if span.label_ == "CARDINAL":
        if not NUMBER.search(text) or _counted_noun(span) is None:
            return False
        if re.fullmatch(r"(1[89]|20)\d\d", text.strip()):
            return False
        after = span.doc.text[span.end_char:span.end_char + 1]
        if after == "-":  # '12-point', '15-month': an attribute, not a figure
            return False
    return parse_number(text) is not None


def find_figures(doc: Doc, sentence_of, periods) -> list[Figure]:
    """`periods(sentence, start, end)` gives the dated expression a figure refers to."""
    spans = [e for e in doc.ents if is_figure(e)]
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
            end = conversion.end_char + (1 if doc.text[conversion.end_char:conversion.end_char + 1] == ")" else 0)
            text = f"{span.text} ({conversion.text})"
        qualifier = _qualifier(span)
        sentence = sentence_of(span.start_char)
        figures.append(Figure(
            text=text, value=amount.value, unit=amount.unit, measure=find_measure(span),
            sentence=sentence, start=span.start_char, end=end, qualifier=qualifier,
            period=periods(sentence, span.start_char, span.end_char),
            conversion=conversion.text if conversion is not None else None))
    return figures


def _conversion_after(span: Span, following: list[Span]) -> Span | None:
    """'190 billion US dollars in 2022 (991.2 billion reais)': the bracketed amount."""
    if span.label_ != "MONEY" or not following or following[0].label_ != "MONEY":
        return None
    other = following[0]
    between = span.doc.text[span.end_char:other.start_char]
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
        words = [t for t in noun_phrase(modified, limit=8) if not _within(t, span) and not t.like_num
                 and t.lower_ not in QUALIFIER_WORDS]
        return trim(words, limit=8)
    verb = _governing_verb(span.root)
    if verb is None:
        return _noun_head_phrase(span)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lemma_ in LEVEL_VERBS and subject is not None and not _within(subject, span):
        if subject.pos_ == "PRON":
            return _clause(verb, span)
        return trim(list(subject.subtree))
    return _clause(verb, span)


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


def _within(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _noun_head_phrase(span: Span) -> str:
    head = span.root.head
    if head.pos_ in ("NOUN", "PROPN") and head.i != span.root.i:
        return trim([t for t in head.subtree if not _within(t, span)])
    return ""


def _clause(verb: Token, span: Span) -> str:
    """Subject, verb and its prepositional phrases, the figure left out."""
    keep = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "dative", "prt", "attr", "acomp", "agent"):
            keep.extend(t for t in noun_phrase(child, limit=8) if not _within(t, span))
    keep.append(verb)
    tokens = sorted(set(keep), key=lambda t: t.i)
    return trim(tokens, limit=12)
