"""Names: the parsed article in, the spans that name actors out, repaired where the
small NER cuts or misses them.

- A hyphenated name is kept whole ("Wong Yeung-tat", not "Wong Yeung"), and so is a
  name with particles ("Janet Holmes a Court", "Osama bin Laden").
- Organizations and places are found by their shape: capitalized words headed by
  Movement, Foundation, Party, Council, National Park, Road, … (patterns as data,
  `data/actor_patterns.jsonl`), and a name is stretched to the acronym in brackets
  after it ("Movimento 5 Stelle (M5S)", "Union of Rationalist Atheists and Agnostics (UAAR)").
- An organization run on into a country ("Food Standards Australia New Zealand") is
  one organization.
- A wire dateline ("JERUSALEM (AP) —") names a place.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..datafile import read_data
from .gazetteer import load_gazetteer
from .phrases import doc_text

DATELINE = re.compile(
    r"(?m)^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"\s*(?:\((?:AP|Reuters|AFP|UPI|dpa|CNN|Xinhua)\)\s*)?[—–-]"
)
ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")
CONNECTORS = {"of", "for", "and", "&", "the", "de", "del", "di", "on"}
DEMONYM_ENDINGS = ("ish", "ian", "ese", "ean", "ic", "i")


@lru_cache(maxsize=1)
def actor_words() -> dict:
    """The word lists of data/actor_words.yml, lists as lowercase sets."""
    data = read_data("actor_words.yml")
    words = {key: value if isinstance(value, dict) else {str(v) for v in value} for key, value in data.items()}
    for key in (
        "person_titles",
        "given_name_titles",
        "leaning_prefixes",
        "name_particles",
        "product_nouns",
        "place_nouns",
        "publishing_verbs",
        "place_prepositions",
        "place_verbs",
        "motion_verbs",
        "organization_nouns",
        "person_nouns",
    ):
        words[key] = {w.lower() for w in words[key]}
    return words


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(read_data("speech_verbs.yml"))


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    text = resources.files("generator").joinpath("data/actor_patterns.jsonl").read_text("utf-8")
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            row = json.loads(line)
            matcher.add(f"{row['label']}#{number}", [row["pattern"]], greedy="LONGEST")
    return matcher


def name_spans(doc: Doc) -> list[Span]:
    """The NER's entities, repaired, with the names it missed; sorted, not overlapping."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}
    entities = [_extended(_relabeled(e, surnames)) for e in doc.ents]
    found = _shape_spans(doc) + _acronym_spans(doc, entities) + _datelines(doc)
    found += _report_owners(doc) + _affiliations(doc, entities)
    entities = _merge(entities, found)
    entities = _merge(entities, _repeated_people(doc, entities))
    return _joined(entities)


def _repeated_people(doc: Doc, entities: list[Span]) -> list[Span]:
    """'… nonpartisan Junius Ho.' where the NER tags 'Junius Ho' only further on: a
    person's full name written again is the same person wherever the NER missed it."""
    names = {
        e.text for e in entities if e.label_ == "PERSON" and len(e) > 1 and all(t.is_title for t in e if t.is_alpha)
    }
    spans = []
    for name in sorted(names):  # a stable order: output must not depend on hashing
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), label="PERSON")
            if span is not None and not any(t.ent_type_ for t in span):
                spans.append(span)
    return spans


def _relabeled(ent: Span, surnames: set[str]) -> Span:
    """'Dries Mertens' taken for a product where 'Mertens' is a person elsewhere."""
    if (
        ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT")
        and len(ent) > 1
        and ent[-1].text in surnames
        and all(t.is_title for t in ent)
    ):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _extended(ent: Span) -> Span:
    """'Wong Yeung' + '-tat'; 'Janet Holmes' + 'a Court'; 'King' + 'Hussein'."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return ent
    while (
        ent.label_ == "PERSON"
        and end + 1 < len(doc)
        and doc[end - 1].whitespace_ == ""
        and doc[end].text in ("-", "‑")
        and doc[end].whitespace_ == ""
        and doc[end + 1].is_lower
    ):
        end += 2
    start = ent.start
    if (
        ent.label_ == "GPE"
        and len(ent) == 1
        and start
        and doc[start - 1].tag_ == "POS"
        and end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
    ):
        return Span(doc, start, end + 1, label="PERSON")  # "New People Party's Regina Ip"
    if ent.label_ == "PERSON" and start and _first_name(doc, start - 1):
        start -= 1  # 'Dries' + 'Mertens'
    elif (
        ent.label_ == "PERSON"
        and len(ent) == 1
        and start
        and doc[start - 1].is_title
        and doc[start - 1].lower_ in actor_words()["given_name_titles"]
    ):
        start -= 1  # 'King' + 'Hussein': a given name goes with its title, or it is taken for a surname
    if ent.label_ == "PERSON":
        particles = actor_words()["name_particles"]
        probe = end
        while probe < len(doc) and doc[probe].lower_ in particles and doc[probe].is_lower:
            probe += 1
        if (
            probe > end
            and probe < len(doc)
            and doc[probe].is_title
            and not doc[probe].is_sent_start
            and doc[probe].pos_ == "PROPN"
        ):
            end = probe + 1
        if end < len(doc) and _capitalized_function_word(doc[end]):
            end += 1  # 'James' + 'To': a surname spelled like a preposition, capitalized mid-sentence
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _capitalized_function_word(token: Token) -> bool:
    """'To' in 'James To of the Democratic Party': a short preposition or particle with
    a capital inside a sentence and right after a name is no preposition there."""
    return (
        token.is_title
        and token.is_stop
        and token.pos_ in ("ADP", "PART", "PROPN")
        and len(token) <= 3
        and token.doc[token.i - 1].text[-1:] not in (".", "!", "?")  # the parser may start a sentence there
        and token.doc[token.i - 1].whitespace_ != ""
        and token.i + 1 < len(token.doc)
        and not token.nbor(1).is_title
    )


def _first_name(doc: Doc, i: int, tagged: bool = False) -> bool:
    """A capitalized word the NER left out before a surname, at the start of a
    sentence or after a verb, punctuation, a preposition or an adjective ('with Junius
    Ho defeating …', 'nonpartisan Junius Ho'), not after 'of'/'for' ('Secretary of
    State Marco Rubio') or another capitalized word."""
    token = doc[i]
    before = doc[i - 1] if i else None
    return bool(
        (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_sent_start)
        and token.is_title
        and (tagged or not token.ent_type_)
        and len(token) > 2
        and token.lower_ not in actor_words()["person_titles"]
        and token.text not in load_gazetteer().places
        and (
            before is None
            or token.is_sent_start
            or before.is_punct
            and before.text not in ("'s", "’s")
            or before.pos_ in ("VERB", "AUX", "CCONJ")
            or before.pos_ in ("ADP", "ADJ")
            and before.is_lower
            and before.lower_ not in ("of", "for")
        )
    )


def _shape_spans(doc: Doc) -> list[Span]:
    titles = actor_words()["person_titles"]
    spans = []
    for match_id, start, end in _matcher(doc.vocab)(doc):
        label = doc.vocab.strings[match_id].split("#")[0]
        end = next((t.i for t in doc[start + 1 : end] if t.lower_ in titles), end)  # 'Museum of Flight CEO'
        while end - start > 1 and doc[end - 1].lower_ in CONNECTORS:
            end -= 1
        hyphenated = (
            start
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            or end < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
        )
        if doc[start].text != "-" and doc[end - 1].text != "-" and not hyphenated:
            spans.append(Span(doc, start, end, label=label))
    return filter_spans(spans)


def _report_owners(doc: Doc) -> list[Span]:
    """'PC World's recent analysis … concluded, "…"': a proper name the NER missed,
    owning a report that is the subject of a verb of saying, is the organization that
    wrote it (a person's name the NER knows)."""
    spans = []
    for token in doc:
        report = token.head
        if (
            token.dep_ != "poss"
            or token.pos_ != "PROPN"
            or token.ent_type_
            or report.lemma_.lower() not in actor_words()["report_nouns"]
            or report.dep_ != "nsubj"
            or report.head.lemma_ not in speech_verbs()
        ):
            continue
        start = token.i
        while start and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token:
            start -= 1
        words = doc[start : token.i + 1]
        if all(t.pos_ == "PROPN" and not t.ent_type_ and (t.is_title or t.is_upper) for t in words):
            spans.append(Span(doc, start, token.i + 1, label="ORG"))
    return spans


AFFILIATION_WORDS = 8  # capitalized words an affiliation runs to, at most


def _affiliations(doc: Doc, entities: list[Span]) -> list[Span]:
    """'Lydia Buchtmann for Food Standards Australia New Zealand', 'Frederick Fung of
    ADPL': two or more capitalized words, or an acronym, right after a person's name
    and for/of/from/at name the organization the person speaks for, where the NER saw
    only the places in it (a first word it tagged, 'Mayor Smith of New York', is left
    to the NER)."""
    spans = []
    for ent in (e for e in entities if e.label_ == "PERSON"):
        i = ent.end
        if i + 1 >= len(doc) or doc[i].lower_ not in ("for", "of", "from", "at"):
            continue
        start = i = i + 1 + (doc[i + 1].lower_ == "the")
        while (
            i < len(doc)
            and i - start < AFFILIATION_WORDS
            and (doc[i].is_title or doc[i].is_upper)
            and doc[i].is_alpha
            and doc[i].ent_type_ != "PERSON"
        ):
            i += 1
        first = doc[start : start + 1]
        acronym = i - start == 1 and first[0].is_upper and len(first[0]) > 1  # 'Frederick Fung of ADPL'
        if (i - start >= 2 or acronym) and not first[0].ent_type_ and first.text not in load_gazetteer().places:
            spans.append(Span(doc, start, i, label="ORG"))
    return spans


def _acronym_spans(doc: Doc, entities: list[Span]) -> list[Span]:
    """The name before a bracketed acronym, walked back to where its initials start
    or to the start of an organization the NER cut short."""
    text = doc_text(doc)
    starts = {e.start: e for e in entities if e.label_ == "ORG"}
    spans = []
    for match in ACRONYM.finditer(text):
        bracket = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if bracket is None or bracket.start == 0:
            continue
        acronym = match.group(1).upper()
        end = bracket.start
        start = end
        while (
            start > 0
            and (
                doc[start - 1].is_title
                or doc[start - 1].like_num
                or doc[start - 1].is_upper
                or doc[start - 1].lower_ in CONNECTORS
            )
            and end - start < 12
        ):
            start -= 1
        best = None
        for first in range(start, end):
            token = doc[first]
            if not (token.is_title or token.is_upper or token.like_num):
                continue
            words = [t.text for t in doc[first:end] if t.lower_ not in CONNECTORS]
            if "".join(w[0] for w in words).upper() == acronym or first in starts and end - first > 1:
                best = first
                break
        if best is not None and end - best > 1:
            spans.append(Span(doc, best, end, label="ORG"))
    return spans


def _datelines(doc: Doc) -> list[Span]:
    spans = []
    for match in DATELINE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is not None and len(match.group(1)) > 2:
            spans.append(Span(doc, span.start, span.end, label="DATELINE"))
        if match.group(2):
            state = doc.char_span(match.start(2), match.end(2), alignment_mode="contract")
            if state is not None:
                spans.append(Span(doc, state.start, state.end, label="GPE"))
    return spans


def _merge(entities: list[Span], found: list[Span]) -> list[Span]:
    """A found span replaces the entities inside it; one cutting across an entity, or
    lying inside one, is dropped (an equal one relabels it)."""
    result = list(entities)
    for span in sorted(found, key=lambda s: -(s.end - s.start)):
        inside = [e for e in result if e.start >= span.start and e.end <= span.end]
        crossing = [e for e in result if e.start < span.end and span.start < e.end and e not in inside]
        if crossing:
            continue
        if (
            len(inside) == 1
            and (inside[0].start, inside[0].end) == (span.start, span.end)
            and inside[0].label_ != "PERSON"
            and span.label_ != "DATELINE"
        ):
            continue  # the NER agrees on the extent: keep its label
        for entity in inside:
            result.remove(entity)
        result.append(span)
    return sorted(result, key=lambda s: s.start)


def _split(ent: Span, people: set[str]) -> list[Span]:
    """'The Cuban American National Foundation and Brothers': an organization's name
    ends at its head word; what follows 'and' is another name."""
    heads = actor_words()["organization_heads"]
    if ent.label_ != "ORG":
        return [ent]
    listed = ent.start and ent.doc[ent.start - 1].tag_ == "NNS"  # 'the religious schools Santo Spirito and Immacolata'
    for token in ent[1:-1]:
        if token.lower_ in ("and", "&") and (token.nbor(-1).text in heads or listed) and token.nbor(1).is_title:
            return [Span(ent.doc, ent.start, token.i, label="ORG"), Span(ent.doc, token.i + 1, ent.end, label="ORG")]
        before = ent.doc[ent.start : token.i]
        if token.lower_ in ("for", "of", "at") and (before.text in people or _speaker_name(before, ent)):
            # 'Lydia Buchtmann for Food Standards Australia': a person and her organization
            return [Span(ent.doc, ent.start, token.i, label="PERSON"), Span(ent.doc, token.i + 1, ent.end, label="ORG")]
    return [ent]


def _speaker_name(before: Span, ent: Span) -> bool:
    """'Lydia Buchtmann for Food Standards … says': two capitalized words, no
    organization's head word, the subject of a verb of saying."""
    heads = actor_words()["organization_heads"]
    return (
        len(before) == 2
        and all(t.is_title and t.pos_ == "PROPN" for t in before)
        and not any(t.text in heads for t in before)
        and any(
            t.dep_ == "nsubj" and t.head.lemma_ in ("say", "tell", "add", "explain", "warn")
            for t in ent.doc[ent.start : ent.end + 3]
        )
    )


def person_span(span: Span) -> Span:
    """A name the text uses as a person's, with the given name the NER left out
    ('Siyoka' + 'Simasiku, director at …')."""
    if span.start and _first_name(span.doc, span.start - 1, tagged=False):
        return Span(span.doc, span.start - 1, span.end, label="PERSON")
    return span


def _joined(entities: list[Span]) -> list[Span]:
    """'Food Standards Australia' + 'New Zealand' with nothing between: one organization;
    'Brothers' + 'to the' + 'Rescue': one organization cut at its preposition; 'Dries'
    + 'Mertens': one person."""
    result: list[Span] = []
    people = {e.text for e in entities if e.label_ == "PERSON"}
    for ent in [part for e in entities for part in _split(e, people)]:
        doc = ent.doc
        if result and result[-1].label_ == "ORG" and ent.label_ == "ORG" and 1 < ent.start - result[-1].end <= 2:
            between = doc[result[-1].end : ent.start]
            if between[0].lower_ in ("of", "for", "to", "without", "against") and between[-1].lower_ in (
                "the",
                between[0].lower_,
            ):
                previous = result.pop()
                ent = Span(doc, previous.start, ent.end, label="ORG")
        if result and ent.label_ == "ORG" and result[-1].end == ent.start and _demonym_alone(result[-1]):
            previous = result.pop()  # 'the British' + 'Red Cross': one organization
            ent = Span(doc, previous.start, ent.end, label="ORG")
        if (
            result
            and ent.label_ == "PERSON"
            and result[-1].label_ in ("ORG", "GPE", "NORP")
            and len(result[-1]) == 1
            and result[-1].end == ent.start
            and _first_name(doc, result[-1].start, tagged=True)
            and result[-1].text.casefold() not in load_gazetteer().organizations
        ):
            previous = result.pop()
            ent = Span(doc, previous.start, ent.end, label="PERSON")
        if (
            result
            and result[-1].label_ == "ORG"
            and ent.label_ == "GPE"
            and result[-1].end == ent.start
            and result[-1].doc[ent.start - 1].whitespace_
            and ent.doc[ent.start].is_title
            and result[-1][-1].tag_ != "POS"
        ):
            previous = result.pop()
            ent = Span(ent.doc, previous.start, ent.end, label="ORG")
        result.append(ent)
    return result


def _demonym_alone(ent: Span) -> bool:
    """'the British', 'American': a nationality word alone, which before an organization's
    name is part of it ('the British Red Cross')."""
    words = [t for t in ent if t.lower_ != "the"]
    return (
        ent.label_ in ("ORG", "NORP")
        and len(words) == 1
        and words[0].is_title
        and words[0].lower_.endswith(DEMONYM_ENDINGS)
    )


def is_product(span: Span, name: str) -> bool:
    """Software, vehicles, missions: a known product name, a vehicle's prefix
    ('Space Shuttle Atlantis'), a model code ('IE6', 'STS-1', 'F-16'), or a name
    introduced by a product noun ('the tanker Golbon')."""
    words = actor_words()
    if name in words["product_names"]:
        return True
    if any(name == p or name.startswith(p + " ") for p in words["product_prefixes"]):
        return True
    if re.search(r"(?:^|\s)[A-Z][A-Za-z]*-?\d+[A-Za-z]?(?:$|\s)", name) and not re.fullmatch(r"[A-Z]\d+", name):
        return True  # 'G7'/'G20' are left to the gazetteer
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    return (
        before is not None
        and before.lower_ in words["product_nouns"]
        and before.pos_ == "NOUN"
        and before.head.i in range(span.start, span.end)
    )


def leading_title(span: Span) -> int:
    """How many tokens at the start of a name are a title or a descriptor
    ('Superintendent', 'Nonpartisan', 'Pan-democrat', 'Pro-Beijing')."""
    words = actor_words()
    doc, i = span.doc, span.start
    end = span.end
    while end - span.start > 1 and doc[end - 1].tag_ == "POS":  # "King Hussein's brother"
        end -= 1
    while i < end - 1:
        token = doc[i]
        if token.lower_ in words["person_titles"] and span.label_ == "PERSON" and token.is_title:
            i += 1
        elif (
            token.lower_ in words["leaning_prefixes"]
            and i + 2 < end
            and doc[i + 1].text == "-"
            and not token.whitespace_
        ):
            i += 3
        else:
            break
    if i == end - 1 and any(t.lower_ in words["given_name_titles"] for t in doc[span.start : i]):
        return 0  # 'King Hussein' is not a Hussein
    return i - span.start


def usage_kind(span: Span, kind: str) -> str | None:
    """The kind how the text uses a name says, where the NER's label is doubtful:
    a 'person' visited or stood at ('at Angkor Wat', 'the town of Yeoncheon') is a
    place; one a person belongs to ('Cheng Chung-tai of Civic Passion', 'Civic
    Passion's Wong Yeung-tat') or that reports ('Haaretz reported') is an
    organization; a 'place' or 'organization' with a person's title
    ('Ambassador Li met', 'Siyoka Simasiku, director at …') is a person."""
    words = actor_words()
    root = span.root
    head = root.head
    doc = span.doc
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in words["place_nouns"]
        and head.head.i < span.start
    ):
        return "place"
    before = doc[span.start - 1] if span.start else None
    if (
        before is not None
        and before.lower_ in words["organization_nouns"]
        and before.is_lower
        and before.dep_ not in ("dobj", "dative")
    ):  # not 'told the paper Smith had resigned'
        return "organization"  # 'ship-tracking website MarineTraffic'
    if root.dep_ == "compound" and head.lower_ in words["place_nouns"] and head.is_lower and head.i == span.end:
        return "place"  # 'Zhuhai Gaolan port'
    if kind == "person":
        if (
            root.dep_ == "pobj"
            and (
                head.lower_ in words["place_prepositions"]
                or head.lower_ in ("to", "from")
                and head.head.lemma_ in words["motion_verbs"]
            )
            or root.dep_ == "dobj"
            and head.lemma_ in words["place_verbs"]
        ):
            return "place"
        if (
            span.start >= 2
            and doc[span.start - 1].text == ","
            and doc[span.start - 2].ent_type_ == "GPE"
            and (span.end == len(doc) or doc[span.end].is_punct)
        ):
            return "place"  # 'Livorno, Tuscany'
        if (
            root.dep_ == "pobj"
            and head.lower_ in ("of", "from")
            and head.head.ent_type_ == "PERSON"
            and head.head.i < span.start
        ):
            return "organization"
        after = doc[span.end - 1 : span.end + 2]
        if len(after) == 3 and (
            after[0].tag_ == "POS"
            and after[1].ent_type_ == "PERSON"
            or after[1].tag_ == "POS"
            and after[2].ent_type_ == "PERSON"
        ):
            return "organization"
        if root.dep_ == "nsubj" and head.lemma_ in words["publishing_verbs"] and len(span) == 1:
            return "organization"
    elif kind in ("place", "organization"):
        if (
            before is not None
            and before.lower_ in words["person_titles"]
            and before.is_title
            and before.head.i in range(span.start, span.end)
            and len(span) > 1
        ):
            return "person"
        for child in root.children:
            if (
                child.dep_ == "appos"
                and child.i > span.end
                and child.lower_ in words["person_titles"]
                and not child.ent_type_
            ):
                return "person"
    return None
