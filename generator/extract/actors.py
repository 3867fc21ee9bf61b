"""Actors: the parsed article in, one `Actor` per real person, organization or place out.

Mentions come from the NER (plus the gazetteer). They are merged into one actor
however the article names it: surnames ("Xi" -> "Xi Jinping", whatever label the
NER gave the short form), acronyms introduced in brackets ("Shanghai Cooperation
Organization (SCO)") or made of the name's initials ("UN", "U.S."), and the
gazetteer's aliases. Roles come from titles before a name ("Chinese President Xi
Jinping") and appositions around it ("Alexander Novak, Russian Deputy Prime
Minister"; "his Chinese counterpart, Li Qiang").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .gazetteer import load_gazetteer
from .names import (
    DEMONYM_ENDINGS,
    actor_words,
    is_product,
    leading_title,
    person_span,
    usage_kind,
)
from .phrases import doc_text
from .roles import activity_role, find_role

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
MISLABELED = {"PRODUCT", "NORP", "WORK_OF_ART", "EVENT"}  # kept only when the gazetteer knows the name
PREFIXES = re.compile(r"^(?:the|The|a|an|A|An)\s+")
HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Rev|Fr)\.?\s+(?=[A-Z])")
TRAILING_NUMBER = re.compile(r"\s+\d+$")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
BRACKETED_NAME = re.compile(r"\s*\(([A-Z][^()]{3,80})\)")
BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9.&-]{1,11})\)?")
TITLE_WORDS = {
    "secretary",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "governor",
    "commissioner",
    "ambassador",
    "envoy",
    "chief",
    "undersecretary",
    "attorney",
    "prosecutor",
    "judge",
    "mayor",
    "sheriff",
    "premier",
    "chancellor",
    "senator",
    "counsel",
    "adviser",
    "advisor",
    "president",
    "general",
    "representative",
}
PLACE_WORDS = re.compile(
    r"\b(?:Sea|Seas|Ocean|Strait|Region|region|Island|Islands|River|Valley|Province|County|"
    r"District|Peninsula|Gulf|Bay|Mountains|Lake|Desert|Coast|Archipelago|Base|Airport|"
    r"Port|Harbour|Harbor|Square|Bridge|Dam|Canal)$"
)
ORGANIZATION_WORDS = re.compile(
    r"^(?:Municipality|Ministry|Department|Office|Government|University|Bank|Council|Commission|Committee)\s+of\b"
    r"|\b(?:Ministry|Department|Council|Committee|Commission|Agency|Office|Court|University|Institute|Institution|"
    r"Bank|Party|Association|Union|Society|Foundation|Company|Corporation|Group|Service|Authority|Federation|"
    r"Organisation|Organization|Movement|Church|Museum|Network|Times|Post|Journal|News|Airlines|Lines|Fund|"
    r"Board|Constabulary)$"
)
CORPORATE_SUFFIX = re.compile(r",?\s+(?:Corp|Corporation|Inc|Incorporated|Ltd|Limited|LLC|plc|PLC|Co|AG|SA)\.?$")
GENERIC_NAMES = {
    "state",
    "government",
    "administration",
    "court",
    "parliament",
    "north",
    "south",
    "east",
    "west",
    "ministry",
    "department",
    "council",
    "assembly",
    "senate",
    "house",
    "police",
    "army",
    "navy",
    "cabinet",
    "committee",
    "commission",
    "agency",
    "board",
    "office",
    "city",
    "province",
    "man",
    "woman",
}
SHORT_NAME_WORDS = {"of", "the", "and", "for", "de", "da", "du", "la", "le"}


@dataclass
class Mention:
    name: str
    kind: str
    span: Span
    sentence: int
    acronym: str | None = None
    modifier: str | None = None  # a qualifier the NER swept into the name
    usage: str | None = None  # the kind how the text uses the name says


@dataclass
class Cluster:
    names: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None  # from the gazetteer

    def name(self) -> str:
        if self.canonical:
            return self.canonical
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def kind(self) -> str:
        if any(CORPORATE_SUFFIX.search(n) for n in self.names):
            return "organization"  # 'Nashua Corp.' is a company, however often 'Nashua's' is read as a person's
        return self.kinds.most_common(1)[0][0]


def clean_name(text: str) -> str:
    text = PREFIXES.sub("", text.strip())
    text = HONORIFICS.sub("", text)
    text = POSSESSIVE.sub("", text)
    text = text.split(" (")[0]
    if TRAILING_NUMBER.sub("", text) in load_gazetteer().places:  # 'Sweden 1 – 0 Korea Republic'
        text = TRAILING_NUMBER.sub("", text)
    text = text.strip(" ,;:-–—\"“”‘’'")
    # A final full stop belongs to an initial ("U.S.") but not to a word.
    return text if re.search(r"(?:^|[\s.])[A-Z]\.$", text) else text.rstrip(".")


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in SHORT_NAME_WORDS]
    return "".join(w[0] for w in words).upper()


def acronym_key(name: str) -> str:
    return name.replace(".", "").upper()


def find_mentions(doc: Doc, spans: list[Span], sentence_of) -> list[Mention]:
    """`spans`: the doc's `name_spans`."""
    gazetteer = load_gazetteer()
    person_words = {w for e in spans if e.label_ == "PERSON" and len(e) > 1 for w in clean_name(e.text).split()}
    products: set[str] = set()
    mentions = []
    for ent in spans:
        if ent.label_ == "DATELINE":  # 'JERUSALEM (AP) —': the place the story was filed from
            name = " ".join(w.capitalize() for w in ent.text.split())
            mentions.append(Mention(gazetteer.places.get(name, name), "place", ent, sentence_of(ent.start_char)))
            continue
        ent, modifier, titled = _strip_modifiers(ent)
        name = _state_name(clean_name(ent.text))
        if not _is_proper_name(name, ent):
            continue
        if is_product(ent, name):
            products.update(name.split())
            continue
        definite = ent.text.lower().startswith("the ") or ent.start > 0 and doc[ent.start - 1].lower_ == "the"
        label = "PERSON" if titled else ent.label_
        kind = _kind(label, name, gazetteer, person_words, definite)
        if kind is None or _inside_title(ent) and not _organization_by_itself(name, gazetteer):
            continue
        if kind == "place" and " and " in name and name not in gazetteer.places:
            continue  # 'North and South Korea'
        parts = name.split("-")
        if len(parts) > 1 and all(p in gazetteer.places for p in parts):
            continue  # 'the Iraq-Kuwait border': two places qualifying a noun
        if name.isupper() and (_spells_common_words(doc, name) or _abbreviates_a_term(doc, name, mentions)):
            continue  # 'iodine deficiency disorders (IDD)': an abbreviation, not a name
        if mentions and mentions[-1].acronym == name and mentions[-1].span.end_char + 3 >= ent.start_char:
            continue  # the acronym in brackets right after its full name: the same mention
        usage = usage_kind(ent, kind)
        if CORPORATE_SUFFIX.search(name) and kind != "place":
            kind = usage = "organization"  # 'Nashua Corp.', 'Tony Lama Co.': a company, however its short name is used
        if usage == "person" and kind != "person" and person_span(ent) is not ent:
            ent = person_span(ent)
            name = clean_name(ent.text)
        mentions.append(
            Mention(name, kind, ent, sentence_of(ent.start_char), _acronym(doc, ent, name), modifier, usage)
        )
    return [m for m in mentions if not (len(m.name.split()) == 1 and m.name in products)]


def _spells_common_words(doc: Doc, name: str) -> bool:
    """'volatile organic compounds (VOC)': read before each '(NAME)' only, not over the
    whole text for every name (a long seed made that quadratic)."""
    text, needle = doc_text(doc), f"({name})"
    words = re.compile(rf"(?:\b[a-z][a-z-]*\s+){{{len(name)}}}\Z")
    at = text.find(needle)
    while at >= 0:
        match = words.search(text, max(0, at - 40 * len(name)), at)
        if match is not None:
            return "".join(w[0] for w in match.group(0).split()).upper() == name
        at = text.find(needle, at + 1)
    return False


def _abbreviates_a_term(doc: Doc, name: str, earlier: list[Mention]) -> bool:
    """'IDD' in an article that also writes 'iodine deficiency disorders': an acronym
    whose letters begin a run of lowercase content words of the text abbreviates that
    term, unless a name before stands for it ('World Health Organisation (WHO)')."""
    if len(name) < MIN_TERM_LETTERS or not name.isalpha():
        return False
    if any(m.acronym == name or initials(m.name) == name for m in earlier):
        return False
    terms = doc.user_data.setdefault("abbreviated_terms", {})  # one read of the text per acronym
    if name not in terms:
        words = r"\s+".join(rf"({letter.lower()}[a-z-]+)" for letter in name)
        terms[name] = any(
            not any(doc.vocab[word].is_stop for word in match.groups())
            for match in re.finditer(rf"\b{words}\b", doc_text(doc))
        )
    return terms[name]


MIN_TERM_LETTERS = 3  # two letters begin too many pairs of words ('US': 'used several')


def _acronym(doc: Doc, ent: Span, name: str) -> str | None:
    bracket = BRACKETED_ACRONYM.match(doc_text(doc), ent.end_char - (1 if ent.text.endswith("(") else 0))
    if "(" in ent.text:
        inner = re.search(r"\(([A-Z][A-Za-z0-9.&-]{1,11})", ent.text)
        return inner.group(1) if inner else None
    if (
        bracket
        and acronym_key(bracket.group(1)) == initials(name)
        or (bracket and len(name.split()) > 1 and bracket.group(1).isupper())
    ):
        return bracket.group(1)
    if name.isupper() and (expansion := BRACKETED_NAME.match(doc_text(doc), ent.end_char)):
        if initials(expansion.group(1)) == acronym_key(name):  # 'CEI (Italian Episcopal Conference)'
            return expansion.group(1)
    return None


def _state_name(name: str) -> str:
    """'Calif.' -> 'California' (the Associated Press's abbreviations)."""
    states = actor_words()["state_abbreviations"]
    return states.get(name) or states.get(name + ".") or name


def _strip_modifiers(ent: Span) -> tuple[Span, str | None, bool]:
    """'Nonpartisan Paul Tse', 'pro-Beijing New People Party', 'Superintendent Al
    McHugh': leading adjectives and titles the NER swept into a name; for a person
    they are a role. The flag says a person's title or descriptor was found."""
    start = ent.start + leading_title(ent)
    while start < ent.end - 1:
        token = ent.doc[start]
        parts = token.text.split("-")
        if token.is_lower or token.tag_ == "JJ" or len(parts) > 1 and any(p[:1].islower() for p in parts):
            start += 1
            continue
        break
    if start == ent.start:
        return ent, None, False
    modifier = ent.doc[ent.start : start]
    titled = modifier[-1].lower_ in actor_words()["person_titles"] and not ent.doc[start].is_upper
    return Span(ent.doc, start, ent.end, label=ent.label_), modifier.text, titled


def _inside_title(ent: Span) -> bool:
    """'Home' in 'Home Secretary Suella Braverman', 'Education' in 'Minister of
    Education': part of a person's title, not an actor of its own."""
    head = ent.root.head
    if ent.label_ == "PERSON" or clean_name(ent.text) in load_gazetteer().places:
        return False
    if (
        ent.root.dep_ == "pobj"
        and head.lower_ in ("of", "for")
        and ent.label_ == "ORG"
        and len(ent) == 1
        and not ent.text.isupper()
    ):
        head = head.head
    elif ent.root.dep_ != "compound":
        return False
    return head.lower_ in TITLE_WORDS and head.ent_type_ in ("", "PERSON")


def _organization_by_itself(name: str, gazetteer) -> bool:
    """A name inside a person's title that is an organization all the same: a known
    one, or several words headed by an organization's word ('Chinese Foreign Ministry
    spokesperson Mao Ning'), unlike 'Home' in 'Home Secretary'."""
    words = name.split()
    return name.casefold() in gazetteer.organizations or (
        len(words) > 1 and words[-1] in actor_words()["organization_heads"]
    )


def _is_proper_name(name: str, ent: Span) -> bool:
    """A name has a capital letter, and a one-word name is tagged as a proper noun
    ('Suffice', 'vehicle miles', 'the State' are not actors)."""
    if not name or not any(c.isupper() for c in name) or name.split()[-1] in ("of", "and", "the", "for", "de"):
        return False
    gazetteer = load_gazetteer()
    if name.casefold() in GENERIC_NAMES:
        return False  # 'Man' of 'Man of the Match' is also a town in the gazetteer
    if name.casefold() in gazetteer.organizations or name in gazetteer.places:
        return True
    words = [t for t in ent if t.text in name.split()]
    if len(name.split()) == 1 and words and words[0].tag_ not in ("NNP", "NNPS") and not name.isupper():
        return False
    return name.casefold() not in GENERIC_NAMES


def _kind(label: str, name: str, gazetteer, person_words: set[str], definite: bool = False) -> str | None:
    if name.casefold() in gazetteer.organizations and label != "PERSON":
        return "organization"
    if (
        label in ("ORG", "NORP")
        and len(name.split()) == 1
        and name.endswith(DEMONYM_ENDINGS)
        and not definite
        and name[1:].islower()
    ):
        return None  # 'British', 'Italian' mislabeled as organizations; 'the Guardian' is a name
    if PLACE_WORDS.search(name):
        return "place"
    if ORGANIZATION_WORDS.search(name) and label != "PERSON":
        return "organization"
    if label == "PERSON" and name in gazetteer.places and name not in person_words:
        return "place"
    if label in MISLABELED:
        if name.casefold() in gazetteer.organizations:
            return "organization"
        return "place" if name in gazetteer.places and label != "NORP" else None
    if label in ("PERSON", "ORG") and name in gazetteer.large_places:
        return "place"
    return KINDS.get(label)


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    gazetteer = load_gazetteer()
    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}

    def key_of(name: str) -> str:
        canonical = gazetteer.organizations.get(name.casefold()) or gazetteer.places.get(name)
        return re.sub(r"['’]s\b", "", _core(canonical or name, gazetteer)).casefold()  # "New People's Party"

    # Longest names first, so that short forms find the full name they stand for.
    ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), -len(m.name)))
    full_people = [m.name for m in ordered if m.kind == "person" and len(m.name.split()) > 1]
    for mention in ordered:
        cluster = by_key.get(key_of(mention.name)) or _short_form_of(mention, full_people, by_key, key_of)
        if cluster is None:
            cluster = Cluster()
            clusters.append(cluster)
            canonical = gazetteer.organizations.get(mention.name.casefold()) or gazetteer.places.get(mention.name)
            cluster.canonical = canonical
        _add(cluster, mention, by_key, key_of)
    return _merge_shorter_names([c for c in clusters if c.mentions])


def _merge_shorter_names(clusters: list[Cluster]) -> list[Cluster]:
    """'Supreme Court' in 'Supreme Court of Cassation', 'Udvar-Hazy Center' in
    'Steven F. Udvar-Hazy Center': an organization named by part of a longer
    organization's name is that organization (when only one name holds it). One
    word stands for a longer name only as a company's first word ('Aetna' for
    'Aetna Life & Casualty Co.', 'Sun' for 'Sun Microsystems Inc.')."""
    gazetteer = load_gazetteer()
    organizations = [c for c in clusters if c.kind() == "organization"]
    full_names = {
        word for c in clusters if c.kind() == "person" for n in c.names if len(n.split()) > 1 for word in n.split()
    }
    companies = [c for c in organizations if any(CORPORATE_SUFFIX.search(n) for n in c.names)]
    for cluster in clusters:
        if cluster.kind() == "person" and _company_s_first_word(cluster, companies, full_names):
            organizations.append(cluster)  # 'Ralston' beside 'Ralston Purina Co.': the NER's person is the company
    for cluster in sorted(organizations, key=lambda c: len(c.name().split())):
        name = cluster.name()
        if name in gazetteer.places or name.casefold() in gazetteer.organizations:
            continue
        owners = [
            c
            for c in organizations
            if c is not cluster and c.mentions and any(_holds_name(longer, name) for longer in c.names)
        ]
        if len(owners) == 1:
            owner = owners[0]
            owner.names.extend(n for n in cluster.names if n not in owner.names)
            owner.kinds.update(cluster.kinds)
            owner.mentions.extend(cluster.mentions)
            owner.roles.extend(cluster.roles)
            cluster.mentions = []
    return [c for c in clusters if c.mentions]


def _company_s_first_word(cluster: Cluster, companies: list[Cluster], full_names: set[str]) -> bool:
    """A one-word 'person' is a company's first word ('Ralston reported …' beside 'Ralston
    Purina Co.') when no person of the article has that word in a full name and no
    mention carries a title ('Mr. Ralston')."""
    names = set(cluster.names)
    if len(names) != 1 or len(next(iter(names)).split()) != 1 or names & full_names:
        return False
    name = next(iter(names))
    if any(
        m.span.start > 0 and HONORIFICS.match(f"{m.span.doc[m.span.start - 1].text} {name}") for m in cluster.mentions
    ):
        return False
    return sum(any(_holds_name(n, name) for n in c.names) for c in companies) == 1


def _holds_name(longer: str, name: str) -> bool:
    """Whether `longer` names the organization `name` names: it holds it whole, or,
    for one word, opens with it and ends in a company's legal form."""
    if len(name.split()) < 2:
        return longer.startswith(name + " ") and bool(CORPORATE_SUFFIX.search(longer))
    return longer != name and re.search(rf"(?:^|\s){re.escape(name)}(?:\s|$)", longer) is not None


def _core(name: str, gazetteer) -> str:
    """'U.S. State Department' and 'State Department', 'Indo-Pacific region' and
    'Indo-Pacific', 'State of Texas' and 'Texas', 'Organisation' and 'Organization'
    are one actor."""
    name = re.sub(r"\s+region$", "", name)
    name = re.sub(r"^(?:State|City|Province|Commonwealth) of\s+", "", name)
    name = re.sub(r"isation\b", "ization", CORPORATE_SUFFIX.sub("", name))
    words = name.split()
    for size in (3, 2, 1):
        prefix = " ".join(words[:size])
        if len(words) > size + 1 and prefix in gazetteer.places:
            return " ".join(words[size:])
    return name


def _short_form_of(mention: Mention, full_people: list[str], by_key, key_of) -> Cluster | None:
    name = mention.name
    words = name.split()
    if len(words) == 1 and name not in load_gazetteer().places or mention.kind == "person":
        owners = [
            c
            for c in {
                id(by_key.get(key_of(p))): by_key.get(key_of(p)) for p in full_people if name in p.split() and p != name
            }.values()
            if c
        ]
        if owners:  # 'Roth' among Raymond, Evana and Jonathan Roth: the one the article is about
            return max(owners, key=lambda c: len(c.mentions))
        if len(words) == 1 and mention.kind == "person":  # 'Ms Bauchtman' for Lydia Buchtmann
            variants = [p for p in full_people if _spelling_variant(name, p.split()[-1])]
            if len(variants) == 1:
                return by_key.get(key_of(variants[0]))
    if mention.kind == "person" and len(words) > 1:  # 'Bin Laden' at a sentence's start, 'de Gaulle'
        ending = {p for p in full_people if p != name and p.casefold().endswith(" " + name.casefold())}
        if len(ending) == 1:
            return by_key.get(key_of(ending.pop()))
    gazetteer = load_gazetteer()
    known = name in gazetteer.places or name.casefold() in gazetteer.organizations
    if name.replace(".", "").isupper() and len(name) <= 6 and not known:
        for _key, cluster in by_key.items():
            if any(initials(n) == acronym_key(name) and len(n.split()) > 1 for n in cluster.names):
                return cluster
    return None


def _spelling_variant(word: str, other: str) -> bool:
    """Two spellings of one surname: the same first letter, long enough, at most two
    edits apart."""
    if word == other or word[0] != other[0] or min(len(word), len(other)) < 5:
        return False
    previous = list(range(len(other) + 1))
    for i, a in enumerate(word, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] <= 2


def _add(cluster: Cluster, mention: Mention, by_key, key_of) -> None:
    if mention.name not in cluster.names:
        cluster.names.append(mention.name)
    if mention.acronym and mention.acronym not in cluster.names:
        cluster.names.append(mention.acronym)
        by_key.setdefault(key_of(mention.acronym), cluster)
    by_key.setdefault(key_of(mention.name), cluster)
    # How the text uses a name outweighs the NER's label; a person's full name
    # outweighs the labels the NER gave its short forms.
    if mention.usage:
        cluster.kinds[mention.usage] += 4
    elif PLACE_WORDS.search(mention.name) and mention.kind == "place":
        cluster.kinds["place"] += 3  # 'Indo-Pacific region' says what 'Indo-Pacific' is
    else:
        cluster.kinds[mention.kind] += 3 if mention.kind == "person" and len(mention.name.split()) > 1 else 1
    cluster.mentions.append(mention)
    role = find_role(mention.span) or (mention.modifier if mention.kind == "person" else None)
    if role:
        cluster.roles.append(role)


def find_actors(doc: Doc, names: list[Span], sentence_of) -> list[Actor]:
    """`names`: the doc's `name_spans`; `sentence_of(char_offset)` gives the index of the
    sentence holding an offset."""
    clusters = cluster_mentions(find_mentions(doc, names, sentence_of))
    actors = []
    for cluster in clusters:
        if _only_a_modifier(cluster):
            continue
        name = cluster.name()
        sentences = tuple(sorted({m.sentence for m in cluster.mentions}))
        aliases = tuple(sorted({n for n in cluster.names if n != name}))
        role = _best_role(cluster) if cluster.kind() == "person" else (cluster.roles[0] if cluster.roles else None)
        if role is None and cluster.kind() == "person":
            role = activity_role([m.span for m in cluster.mentions])
        actors.append(
            Actor(
                name=name,
                kind=cluster.kind(),
                aliases=aliases,
                role=role,
                mentions=len(cluster.mentions),
                sentences=sentences,
            )
        )
    actors.sort(key=lambda a: (-a.mentions, a.sentences[0] if a.sentences else 0, a.name))
    return actors


def _only_a_modifier(cluster: Cluster) -> bool:
    """'Landscape' in 'the Architectural, Surveying, Planning and Landscape
    constituency': a one-word organization only ever used to qualify a common noun."""
    gazetteer = load_gazetteer()
    return (
        cluster.kind() == "organization"
        and all(len(n.split()) == 1 and not n.isupper() for n in cluster.names)
        and not any(n.casefold() in gazetteer.organizations for n in cluster.names)
        and all(_modifies_common_noun(m.span.root) for m in cluster.mentions)
    )


def _modifies_common_noun(token: Token) -> bool:
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token.dep_ in ("compound", "amod", "nmod") and token.head.is_lower and token.head.pos_ == "NOUN"


def _best_role(cluster: Cluster) -> str | None:
    if not cluster.roles:
        return None
    counts = Counter(r.lower() for r in cluster.roles)
    first = {r.lower(): i for i, r in reversed(list(enumerate(cluster.roles)))}
    best = max(counts, key=lambda r: (counts[r], -first[r]))
    return cluster.roles[first[best]]


def index_names(actors: list[Actor]) -> dict[str, Actor]:
    """Every name and alias (case-folded) -> its actor."""
    table: dict[str, Actor] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            table.setdefault(name.casefold(), actor)
    return table


ANTECEDENT_SENTENCES = 2  # how far back 'the diplomats' looks for the phrase it repeats


class MentionIndex:
    """Where each actor is mentioned: offset -> actor name, and the person most
    recently mentioned before an offset (for 'he', 'the prime minister')."""

    def __init__(self, spans: list[Span], actors: list[Actor]):
        """`spans`: the doc's `name_spans`, read once for the actors and this index."""
        names = index_names(actors)
        self.spans: list[tuple[int, int, Actor]] = []
        surnames = Counter(a.name.split()[-1] for a in actors if a.kind == "person")
        people = {a.name.split()[-1]: a for a in actors if a.kind == "person"}
        for ent in spans:
            name = clean_name(ent.text)
            actor = names.get(name.casefold()) or names.get(
                _state_name(clean_name(_strip_modifiers(ent)[0].text)).casefold()
            )
            if actor is None and surnames[name] == 1:  # "Cornyn's statement"
                actor = people[name]
            if actor is not None:
                self.spans.append((ent.start_char, ent.end_char, actor))
        self.actors = actors
        self._sentence_starts: list[int] | None = None
        self._ner_organizations: list[int] | None = None
        self.spans.sort(key=lambda span: span[0])
        self.starts = [start for start, _, _ in self.spans]
        self._described: dict[frozenset[str], Counter[str]] = {}

    def sentence_starts(self, doc: Doc) -> list[int]:
        """Where each sentence of the document starts (a character offset), found once."""
        if self._sentence_starts is None:
            self._sentence_starts = [sentence.start_char for sentence in doc.sents]
        return self._sentence_starts

    def name_at(self, offset: int) -> str | None:
        for start, end, actor in self.spans:
            if start <= offset < end:
                return actor.name
        return None

    def recent_person(self, offset: int, within: int | None = None) -> str | None:
        """The person mentioned last before `offset` (only `within` characters back, if given)."""
        for start, _, actor in reversed(self.spans):
            if start < offset and actor.kind == "person":
                return actor.name if within is None or offset - start <= within else None
        return None

    def name_of_token(self, token: Token) -> str | None:
        """The actor a subject stands for: a mention in its phrase, 'he'/'she', a
        relative 'who' (its antecedent), or 'the prime minister' (by role)."""
        appositions = [c for c in token.children if c.dep_ == "appos"]  # 'Trump's envoy, Steve Witkoff,'
        modifiers = [c for c in token.children if c.dep_ in ("compound", "poss", "amod")]
        for word in (*appositions, token, *modifiers):
            named = self.name_at(word.idx)
            if named:
                return named
        lower = token.lower_
        if lower in ("he", "she", "him", "her"):
            return self.recent_person(token.idx)
        if lower in ("who", "that", "which") and token.head.dep_ == "relcl":
            return self.name_of_token(token.head.head)
        if token.pos_ == "NOUN":
            return self.by_role(token)
        if token.pos_ == "PROPN":
            return self.by_surname(token)
        return None

    def by_surname(self, token: Token) -> str | None:
        """'Zelenskyy wrote' where the NER did not mark the surname: the one person
        whose name ends with it."""
        owners = [a.name for a in self.actors if a.kind == "person" and a.name.split()[-1] == token.text]
        return owners[0] if len(owners) == 1 else None

    def by_role(self, token: Token, head_in_role: bool = True) -> str | None:
        """'the prime minister', 'the Russian politician': the person whose role
        shares most words with the description (with `head_in_role`, its head noun
        among them), the most recently mentioned on a tie."""
        candidates = self._best_roles(token, head_in_role)
        if not candidates:
            return None
        for start, _, actor in reversed(self.spans):
            if start < token.idx and actor.name in candidates:
                return actor.name
        return sorted(candidates)[0]

    def _best_roles(self, token: Token, head_in_role: bool = True, among: set[str] | None = None) -> set[str]:
        """The people (of `among`, if given) whose role shares most words with the description `token` heads."""
        words = {t.lower_ for t in token.subtree if t.is_alpha and t.pos_ in ("NOUN", "PROPN", "ADJ")}
        # 'The Iraqi ambassador to Greece' is not the Soviet special ambassador.
        qualifiers = {t.lower_ for t in token.subtree if t.ent_type_ in ("NORP", "GPE", "ORG") and t.is_alpha}
        scored = {}
        for actor in self.actors:
            if actor.kind != "person" or not actor.role or among is not None and actor.name not in among:
                continue
            role = set(actor.role.lower().split())
            if not qualifiers <= role:
                continue
            if words & role and (token.lower_ in role or not head_in_role):
                scored[actor.name] = len(words & role)
        best = max(scored.values(), default=0)
        return {name for name, score in scored.items() if score == best}

    def by_title(self, token: Token) -> str | None:
        """'The prime minister arrived …' after 'Mishustin echoed …': the one person
        whose role the description's words fit best, named in this sentence or the two
        before; None on a tie ('the president' of an article with two)."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        earlier = {actor.name for start, _, actor in self.spans if start < token.idx}
        candidates = self._best_roles(token, among=earlier)  # a deputy named later is not meant
        if len(candidates) != 1:
            return None
        name = candidates.pop()
        return name if name in self._named_before(token) else None

    def _named_before(self, token: Token) -> set[str]:
        """The actors named in the sentence of `token` (before it) and the two sentences before."""
        return {actor.name for actor in self._actors_between(self._window_start(token), token)}

    def _window_start(self, token: Token, back: int = ANTECEDENT_SENTENCES) -> int:
        """Where the sentence `back` sentences before that of `token` starts (a character offset)."""
        starts = self.sentence_starts(token.doc)
        here = bisect.bisect_right(starts, token.idx) - 1
        return starts[max(here - back, 0)]

    def _actors_between(self, start: int, token: Token) -> list[Actor]:
        """The actors named from character `start` up to `token`, in order."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, token.idx)
        return [actor for _, _, actor in self.spans[first:last]]

    def _organizations_headed(self, heads: frozenset[str]) -> Counter[str]:
        """How often each organization whose name is headed by one of `heads` is named; found once per set."""
        if heads not in self._described:
            self._described[heads] = Counter(
                a.name for _, _, a in self.spans if a.kind == "organization" and _name_head(a.name) in heads
            )
        return self._described[heads]

    def by_full_name(self, token: Token) -> str | None:
        """'Li said …' where the article named Li Qiang: the full name of the one
        person a bare surname (or given name) stands for."""
        if token.left_edge != token or token.ent_type_ != "PERSON":
            return None  # 'Mr. Weil', 'Secretary of State Rubio': a title says who already
        name = self.name_at(token.idx)
        actor = next((a for a in self.actors if a.name == name), None)
        if actor is None or actor.kind != "person" or token.text not in actor.name.split()[1:] + actor.name.split()[:1]:
            return None
        return actor.name if actor.name != token.text else None

    def by_name_head(self, token: Token) -> str | None:
        """'The city reasoned' after 'the Municipality of Livorno': the organization
        named in this sentence or the two before whose name is headed by the
        description's noun (or a noun listed for it), when it is the only one there."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        noun = token.lemma_.lower()
        described = self._organizations_headed(frozenset(actor_words()["description_heads"].get(noun, [noun])))
        window = self._window_start(token)
        named = {actor.name for actor in self._actors_between(window, token) if actor.name in described}
        if not named:
            return None if self._organization_near(token, window) else self._leading(described, token)
        if len(named) != 1:
            return None
        name = named.pop()
        # Of several companies an article names, 'the company' is not one it names less than another.
        return name if described[name] == max(described.values()) else None

    def company_owner(self, token: Token) -> str | None:
        """The company 'its' or an ownerless measure ('Total assets') belongs to: the one
        organization named in the two sentences before, when it is a company, or the
        article's company when none is named near; never when an organization is named
        earlier in the same sentence ('At EDS, third-quarter profit jumped')."""
        if self._organization_near(token, self._window_start(token, 0)):
            return None
        window = self._window_start(token)
        named = {actor.name for actor in self._actors_between(window, token) if actor.kind == "organization"}
        heads = frozenset(actor_words()["description_heads"]["company"])
        if len(named) == 1:
            name = named.pop()
            unnamed = {e.text for e in token.doc.ents if e.label_ == "ORG" and window <= e.start_char < token.idx}
            return name if _name_head(name) in heads and all(text in name for text in unnamed) else None
        if named or self._organization_near(token, window):
            return None
        return self._leading(self._organizations_headed(heads), token)

    def _organization_near(self, token: Token, window: int) -> bool:
        """Any organization named from character `window` up to `token` ('An IBM
        spokeswoman said the company …'), by the actors or by the NER alone."""
        if any(actor.kind == "organization" for actor in self._actors_between(window, token)):
            return True
        if self._ner_organizations is None:  # found once: a run-on sentence asks for each of its words
            self._ner_organizations = [ent.start_char for ent in token.doc.ents if ent.label_ == "ORG"]
        first = bisect.bisect_left(self._ner_organizations, window)
        return first < len(self._ner_organizations) and self._ner_organizations[first] < token.idx

    def _leading(self, described: Counter[str], token: Token) -> str | None:
        """'For the year, pet food volume was flat, the company said' with no organization
        named near: the company the article is about, named before and at least three
        times, twice as often as any other the description could mean."""
        (name, count), *rest = described.most_common(2) or [("", 0)]
        if count < 3 or rest and rest[0][1] * 2 > count:
            return None
        return name if any(start < token.idx for start, _, a in self.spans if a.name == name) else None

    def certain_referent(self, token: Token) -> str | None:
        """The actor a subject that only describes one ('the company', 'he') stands for,
        when the text leaves no doubt; else None."""
        if token.lower_ in ("he", "she"):
            return self.by_previous_subject(token)
        if token.lower_ == "its" and token.dep_ == "poss" or _ownerless_measure(token):
            return self.company_owner(token)  # 'Its stock closed …', 'Total assets increased …'
        if token.pos_ == "PROPN":
            return self.by_full_name(token)
        if token.tag_ != "NN":
            return None  # not 'the thrifts'
        return self.by_name_head(token) or self.by_title(token)

    def by_previous_subject(self, token: Token) -> str | None:
        """'Mr. Nadeau said … . He said all three operations are profitable': a sentence's
        first 'he'/'she' continues the person who was the subject of the sentence before,
        named in full, when no other person is named between them and a title does not
        say otherwise ('Mrs. Thatcher' is no 'he'). A nearer 'a spokesman' or 'a senior
        dealer' as that subject leaves it unnamed."""
        sentence = token.sent
        if sentence.start == 0 or any(t.lower_ in ("he", "she") for t in token.doc[sentence.start : token.i]):
            return None
        previous = token.doc[sentence.start - 1].sent
        subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        if subject.pos_ == "PROPN" or any(c.dep_ == "appos" for c in subject.children):
            name = self.name_of_token(subject)  # 'Another analyst, John C. Maxwell Jr.,': named
        else:
            name = self.by_title(subject)  # 'The prime minister arrived …'; not 'a company spokesman said'
        actor = next((a for a in self.actors if a.name == name), None)
        if actor is None or actor.kind != "person" or len(actor.name.split()) < 2:
            return None
        titles = {t.lower_.rstrip(".") for t in subject.subtree if t.i <= subject.i}
        if titles & ({"mrs", "ms", "miss"} if token.lower_ == "he" else {"mr"}):
            return None
        first, last = bisect.bisect_left(self.starts, subject.idx), bisect.bisect_left(self.starts, token.idx)
        if any(a.kind == "person" and a.name != name for _, _, a in self.spans[first:last]):
            return None
        return name

    def by_antecedent(self, token: Token) -> str | None:
        """'the diplomats' after 'Top diplomats from the Group of Seven': the named
        group or person in the nearest earlier phrase with the same head noun."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        sentences = list(token.doc.sents)
        here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        window = sentences[max(here - ANTECEDENT_SENTENCES, 0)].start
        for earlier in reversed(token.doc[window : token.i]):
            if earlier.lemma_ != token.lemma_ or earlier.pos_ != "NOUN":
                continue
            for word in earlier.subtree:
                named = self.name_at(word.idx)
                joined_by_preposition = any(a.dep_ == "prep" and a.head == earlier for a in word.ancestors)
                if named is not None and word.i != earlier.i and joined_by_preposition:  # not 'GOP sources'
                    kinds = {a.name: a.kind for a in self.actors}
                    if kinds.get(named) in ("person", "organization"):
                        return named
        return None


def _ownerless_measure(token: Token) -> bool:
    """'Total assets', 'loss reserves', 'third-quarter net income': a company's measure
    with no determiner or owner of its own."""
    if token.pos_ != "NOUN" or token.lower_ not in actor_words()["company_measures"]:
        return False
    return not any(c.dep_ in ("det", "poss") or c.pos_ == "PROPN" for c in token.children)


def _name_head(name: str) -> str:
    """'Municipality of Livorno' -> 'municipality', 'Livorno City Council' -> 'council'."""
    return name.split(" of ")[0].split()[-1].lower()
