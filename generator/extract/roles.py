"""Roles: a person's or organization's mention in, the role the article gives it out.

A title before the name ("Chinese President Xi Jinping", "DAB's Ben Chan",
"Governor of Washington Chris Gregoire"), an apposition on either side ("Alexander
Novak, Russian Deputy Prime Minister"; "his Chinese counterpart, Li Qiang"), an
affiliation after it ("Oaitse Nawa of the Elephant Protection Society"), or the title
of a name it is coordinated with.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .names import actor_words, name_spans
from .phrases import doc_text, join_tokens, without_asides

EDITORIAL_TITLE = re.compile(r"\[([^\[\]]{3,60})\]\s*$")
# Endings of nouns that name what a person is or does ('leader', 'commandant', 'analyst').
AGENT_ENDINGS = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "man",
    "woman",
    "men",
    "ee",
    "eer",
    "ive",
    "ary",
    "crat",
    "omat",
    "ier",
    "ess",
)
ORGANIZATION_ENDINGS = ("ancy", "ency", "ium", "tory")  # 'consultancy', 'consortium', 'laboratory'
NOT_ROLE = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "miss",
    "sir",
    "dame",
}


def find_role(span: Span) -> str | None:
    """A title before the name, or an apposition on either side of it; an
    affiliation after it ('Frederick Fung of ADPL'); a relation ('X, who leads Y');
    a name coordinated with a titled one shares its title ('DAB's Ben Chan and
    Leung Che-cheung')."""
    role = _paired_role(span) if span.label_ == "PERSON" else None
    role = role or _own_role(span)
    if span.label_ == "PERSON":
        role = role or _affiliation(span) or _relation(span) or _office_of_order(span)
    if role is None and span.label_ == "PERSON" and span.root.dep_ == "conj" and span.root.head.i < span.start:
        first = next((e for e in span.doc.ents if e.start <= span.root.head.i < e.end and e.label_ == "PERSON"), None)
        role = (_own_role(first) or _affiliation(first) or _group_role(first)) if first is not None else None
        if role is not None and (_titled_apart(span) or _described_apart(span)):
            role = None  # 'secretary of state Madeleine Albright, Berger and defense secretary William Cohen'
    return role or (_group_role(span) if span.label_ == "PERSON" else None)


def _titled_apart(span: Span) -> bool:
    """Whether another name of the list a name is coordinated in has a title of its own
    before it: then each title is its own name's, not shared (an affiliation after a
    name, 'Tanya Chan of the Civic Party', is not a title)."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [t for t in first.subtree if t.dep_ == "conj" and t.ent_type_ == "PERSON" and t.i >= span.end]
    for member in members:
        name = next((e for e in span.doc.ents if e.start <= member.i < e.end and e.label_ == "PERSON"), None)
        before = span.doc[name.start - 1] if name is not None and name.start else None
        if (
            name is not None
            and before is not None
            and before.pos_ in ("NOUN", "PROPN")
            and not before.ent_type_
            and _own_role(name)
        ):
            return True
    return False


def _described_apart(span: Span) -> bool:
    """'FTU's Alice Mak and pro-establishment nonpartisan Junius Ho': words of its own
    between the conjunction and a name describe that name; the first name's title is
    not shared."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.lower_ not in ("and", "or", ",") and before.pos_ in ("ADJ", "NOUN")


def _paired_role(span: Span) -> str | None:
    """'The boy's father and great-uncle, Juan Gonzalez and Delfin Gonzalez': as many
    coordinated roles as names listed after them, paired in order (the possessor of the
    first is the possessor of all)."""
    doc = span.doc
    people = _people_in(span.sent, span.start - LIST_REACH, span.end + LIST_REACH)
    listed = [span]
    for ent in reversed([e for e in people if e.end <= span.start]):  # names listed before this one
        if doc[ent.end : listed[0].start].text not in ("and", ","):
            break
        listed.insert(0, ent)
    for ent in [e for e in people if e.start >= span.end]:  # and after it
        if doc[listed[-1].end : ent.start].text not in ("and", ","):
            break
        listed.append(ent)
    comma = listed[0].start - 1
    if len(listed) < 2 or comma < 2 or doc[comma].text != ",":
        return None
    last = doc[comma - 1]
    if last.pos_ != "NOUN" or not names_a_role(last, "PERSON"):
        return None
    first = last
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    parts: list[list[Token]] = []
    current: list[Token] = []
    for token in doc[first.left_edge.i : comma]:
        if token.lower_ in ("and", ","):
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    heads = [p[-1] for p in parts if p]
    if len(parts) != len(listed) or not all(h.pos_ == "NOUN" and names_a_role(h, "PERSON") for h in heads):
        return None
    possessor = [t for t in parts[0] if t.i < next((c.i for c in parts[0] if c.tag_ == "POS"), -1) + 1]
    own = parts[listed.index(span)]
    role = _phrase(own if own is parts[0] or not possessor else [*possessor, *own])
    return role or None


LIST_REACH = 100  # tokens either side of a name where the names listed with it are looked for


def _people_in(sentence: Span, first: int, last: int) -> list[Span]:
    """The sentence's PERSON entities between tokens `first` and `last`, read from its
    tokens: `doc.ents` builds every entity of the article on each access, and a run-on
    sentence as a whole would make each name cost the sentence's length."""
    doc, people, start = sentence.doc, [], None
    window = doc[max(sentence.start, first) : min(sentence.end, last)]
    for token in window:
        if start is not None and token.ent_iob_ != "I":
            people.append(Span(doc, start, token.i, label="PERSON"))
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            start = token.i
    if start is not None:
        people.append(Span(doc, start, window.end, label="PERSON"))
    return people


def _affiliation(span: Span) -> str | None:
    """'Frederick Fung of ADPL', 'James To of the Democratic Party', 'Lydia Buchtmann
    for Food Standards Australia New Zealand': the name right after of/from/for."""
    doc = span.doc
    i = span.end
    if (
        span.start >= 2
        and doc[span.start - 1].tag_ == "POS"
        and doc[span.start - 2].ent_type_ in ("ORG", "PERSON", "FAC")
    ):
        owner = next((e for e in doc.ents if e.start <= span.start - 2 < e.end), None)
        if owner is not None:  # "Youngspiration's Yau Wai-ching"
            return owner.text.removeprefix("the ").removeprefix("The ")
    if span.start >= 2 and doc[span.start - 1].text == "," and span.root.dep_ not in ("nsubj", "nsubjpass"):
        listed = _listed_under(span)
        if listed:
            return listed
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "from", "for", "at"):
        return None
    i += 1 + (doc[i + 1].lower_ == "the")
    words: list[Token] = []
    while (
        i < len(doc)
        and (
            doc[i].is_title
            or doc[i].is_upper
            or doc[i].lower_ in ("of", "for", "and", "&")
            and doc[i + 1 : i + 2].text[:1].isupper()
        )
        and doc[i].ent_type_ != "PERSON"
        and not doc[i].is_punct
        and len(words) < 8
    ):
        words.append(doc[i])
        i += 1
    while words and words[-1].lower_ in ("of", "for", "and", "&"):
        words.pop()
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].is_title and doc[i + 1].ent_type_ != "PERSON":
        return None  # 'of the Architectural, Surveying, Planning and Landscape constituency': cut short
    if not words or words[0].ent_type_ in ("GPE", "LOC", "DATE", "NORP"):
        return None  # 'Mayor of Boston': a place, not an affiliation
    return join_tokens(words)


def _listed_under(span: Span) -> str | None:
    """'… were young and relatively new activists from the localist camp, Lau
    Siu-lai and …': a name listed after a plural noun phrase is one of them."""
    doc = span.doc
    comma = span.start - 1
    start = comma
    while start > 0 and not (doc[start - 1].pos_ in ("VERB", "AUX", "PUNCT", "SCONJ") or doc[start - 1].ent_type_):
        start -= 1
    chunk = list(doc[start:comma])
    if not chunk or not any(t.tag_ == "NNS" for t in chunk) or len(chunk) > 10:
        return None
    return _phrase(chunk) or None


def _relation(span: Span) -> str | None:
    """'Janet Holmes a Court, who chairs the Australian Republican Movement':
    chairman of the Movement (the relation verbs are data)."""
    relations = actor_words()["relation_roles"]
    for child in (c for t in span for c in t.children):
        if child.dep_ != "relcl" or child.i < span.end:
            continue
        noun = relations.get(child.lemma_)
        objects = [c for c in child.children if c.dep_ == "dobj"]
        if (
            noun
            and objects
            and any(t.ent_type_ in ("ORG", "GPE", "NORP") or t.pos_ == "PROPN" for t in objects[0].subtree)
        ):
            named = next((n for n in name_spans(span.doc) if n.start <= objects[0].i < n.end), None)
            words = join_tokens(_without_clauses(objects[0]))
            if named is not None and len(named.text) > len(words):  # 'who leads Brothers to the Rescue'
                words = named.text
            return f"{noun} of {words.removeprefix('the ').removeprefix('The ')}"
    return None


def _office_of_order(span: Span) -> str | None:
    """'Kim Jong-un issued an order of the supreme commander of the Korean People's
    Army': who issues or signs an order of an office (the office a noun of a person,
    with 'the') holds that office."""
    orders = actor_words()["office_orders"]
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ not in orders["verbs"]:
        return None
    for order in (c for c in root.head.children if c.dep_ == "dobj" and c.lemma_ in orders["nouns"]):
        for office in (g for c in order.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
            if (
                office.dep_ == "pobj"
                and office.pos_ == "NOUN"
                and any(d.lower_ == "the" for d in office.children)
                and names_a_role(office, "PERSON")
            ):
                return _phrase(_without_clauses(office)) or None
    return None


def _group_role(span: Span) -> str | None:
    """'Eight Republican U.S. senators led by Jim Risch', 'officials including X':
    one of a group named by a plural noun is one of them ('Republican U.S. senator')."""
    preposition = span.root.head
    if span.root.dep_ != "pobj" or preposition.lower_ not in ("by", "including", "as", "like"):
        return None
    group = next((a for a in preposition.ancestors if a.tag_ == "NNS"), None)
    if group is None or group.i > span.start or group.ent_type_ or not names_a_role(group, "PERSON"):
        return None  # 'Under terms of the bid, Globex, run by X': X is not one of the terms
    if group not in (preposition.head, preposition.head.head):
        return None
    modifiers = [t for t in group.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.like_num]
    return f"{join_tokens(modifiers)} {group.lemma_}".strip()


def _own_role(span: Span) -> str | None:
    root = span.root
    inserted = EDITORIAL_TITLE.search(doc_text(span.doc), 0, span.start_char)
    if span.label_ == "PERSON" and inserted:  # '[former Museum of Flight CEO] Bonnie Dunbar'
        return inserted.group(1).strip()
    title = [
        t
        for t in span.doc[root.left_edge.i : span.start]
        if t.head.i in range(span.start, span.end) or t.head.i < span.start and t.i >= root.left_edge.i
    ]
    title = _after_other_names(title)
    title_text = _phrase(title) if span.label_ == "PERSON" else ""
    if title_text and any(_leaning(t) for t in title):  # 'pro-establishment nonpartisan Junius Ho'
        return title_text
    # A lowercase word the NER swept into a name is still a title word ('nonpartisan pan-democrat').
    if title_text and any(t.pos_ in ("NOUN", "PROPN") and (not t.ent_type_ or t.is_lower) for t in title):
        return title_text
    if title_text and any(t.ent_type_ == "ORG" for t in title) and any(t.tag_ == "POS" for t in title):
        return title_text.removesuffix("'s").removesuffix("’s").strip()  # 'DAB's Ben Chan': an affiliation
    for child in root.children:
        if (
            child.dep_ == "appos"
            and child.i >= span.end
            and child.ent_type_ == ""
            and child.pos_ != "PRON"
            and _describes(child, span)
        ):
            return _phrase(_without_clauses(child))
    preposition = root.head
    if (
        span.label_ == "PERSON"
        and root.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.i < span.start
        and preposition.head.pos_ in ("NOUN", "PROPN")
        and not preposition.head.ent_type_
        and (names_a_role(preposition.head, "PERSON") or names_a_role(preposition.head, "GPE"))
    ):
        # 'Governor of Washington Chris Gregoire', 'the Iranian port of Bandar Abbas' (a place by its
        # usage), not 'a giant portrait of Jesus'
        title = [t for t in span.doc[preposition.head.left_edge.i : span.start]]
        return _phrase(title)
    for child in root.children:  # 'Oaitse Nawa of the Elephant Protection Society'
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "at", "from", "for")
            and child.i >= span.end
            and span.label_ == "PERSON"
        ):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "ORG"]
            if objects:
                return _phrase(list(child.subtree))
    head = _described_by(span)
    if head is not None:
        return _phrase([t for t in _without_clauses(head) if t.i < span.start and t.text != ","])
    return None


def _after_other_names(title: list[Token]) -> list[Token]:
    """The words before a name that follow any other person's name ('FTU's Alice Mak
    and pro-establishment nonpartisan Junius Ho': FTU is Alice Mak's); a possessor
    stays ('King Hussein's brother', 'Civic Passion's Wong Yeung-tat')."""
    if not title:
        return title
    doc, ends = title[0].doc, []
    for token in title:
        # a name's word, not a descriptor the NER swept in ('nonpartisan pan-democrat')
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and token.is_title:
            end = token.i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":  # 'Lau Siu-lai': to the name's end
                end += 1
            possessor = doc[end].tag_ == "POS" or end + 1 < len(doc) and doc[end + 1].tag_ == "POS"
            if not possessor:
                ends.append(end)
    return [t for t in title if t.i > ends[-1]] if ends else title


def _leaning(token: Token) -> bool:
    """'pro-establishment', 'pan-democratic': a political leaning that says what a person is."""
    prefixes = actor_words()["leaning_prefixes"]
    prefix, _, rest = token.lower_.partition("-")
    if rest:
        return prefix in prefixes
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in prefixes and following is not None and following.text == "-" and not token.whitespace_


def _described_by(span: Span) -> Token | None:
    """The noun a name stands in apposition to before it ('his Chinese counterpart, Li
    Qiang'), also where the parse hangs the name on the organization inside that noun's
    phrase ('A spokesman for the Kurdistan Democratic Party, Hoshyar Zebari'); not a noun
    that names no role ('Under terms of the new proposal, Equus')."""
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None
    head = root.head
    if (
        head.ent_type_
        and span.label_ == "PERSON"
        and span.doc[span.start - 1].text == ","
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.head.pos_ == "NOUN"
        and head.head.head.i < head.i
    ):
        head = head.head.head
    # The NER's label may be wrong ('the Russian news website Vesti' read as a person): a noun
    # of any kind of actor describes the name, and its usage then gives its kind.
    fits = any(names_a_role(head, label) for label in (span.label_, "ORG", "GPE"))
    return head if head.ent_type_ == "" and fits else None


def _describes(noun: Token, span: Span) -> bool:
    """Whether an apposition after a name says what it is: any for a person ('Danny
    Naveh, cabinet secretary'); for an organization or another name, a noun phrase
    introduced by an article or a possessive and headed by a noun of its kind ('Sun
    Microsystems Inc., a computer maker'), not the next item of a list ('The Wall Street
    Journal, Barron's magazine, community newspapers')."""
    if span.label_ == "PERSON":
        return True
    if noun.tag_ not in ("NN", "NNP"):
        return False
    introduced = any(
        d.lower_ in ("a", "an", "the") or d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ == "of"
        for d in noun.children
    )  # 'Oy Waertsilae, former parent of Waertsilae Marine'
    listed = any(c.dep_ == "conj" for c in noun.children) or noun.dep_ == "conj"
    if span.label_ == "ORG":
        return introduced and not listed and names_a_role(noun, "ORG")
    if span.label_ in ("GPE", "LOC", "FAC") and not names_a_role(noun, span.label_):
        return False  # 'Travis County, Texas, a position he had held'
    return any(d.lower_ in ("a", "an") for d in noun.children) and span.doc[noun.left_edge.i - 1].text == ","


def names_a_role(noun: Token, label: str) -> bool:
    """Whether a common noun can say what a person ('father', 'commandant', 'counterpart')
    or an organization ('company', 'maker', 'unit') is; 'portrait', 'proposal' and
    'shares' cannot, so a phrase headed by them is no role."""
    words = actor_words()
    lemma = noun.lemma_.lower()
    if label == "ORG":
        return (
            lemma in words["organization_nouns"]
            or lemma in words["person_nouns"]
            or lemma in words["place_nouns"]
            or lemma.endswith(AGENT_ENDINGS + ORGANIZATION_ENDINGS)
        )  # 'former parent of Waertsilae Marine'
    if label in ("GPE", "LOC", "FAC"):
        return lemma in words["place_nouns"]
    last = lemma.split("-")[-1]  # 'great-uncle', 'co-founder'
    if last.endswith("ment"):  # 'agreement', 'statement'
        return False
    return (
        lemma in words["person_titles"]
        or last in words["person_nouns"]
        or last in words["person_titles"]
        or last.endswith(AGENT_ENDINGS)
    )


def _without_clauses(token: Token) -> list[Token]:
    """The noun phrase of `token` without relative clauses and trailing punctuation."""
    tokens = without_asides(token)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _phrase(tokens: list[Token]) -> str:
    """A clean noun phrase: no names of people, nothing before a comma or after a
    coordinated name, no leading numbers or adverbs, a plural head made singular
    ('Two pan-democratic veteran politicians' -> 'pan-democratic veteran politician')."""
    words = [t for t in tokens if not (t.dep_ == "poss" and t.pos_ == "PRON") and t.lower_ not in NOT_ROLE]
    if any(t.text == "," for t in words[:-1]):
        comma = max(i for i, t in enumerate(words[:-1]) if t.text == ",")
        before, after = words[:comma], words[comma + 1 :]
        # 'a Fidelity vice president, marketing': what follows the comma is a department, not the role
        keep_before = (
            before
            and before[-1].pos_ == "NOUN"
            and names_a_role(before[-1], "PERSON")
            and after[-1].pos_ == "NOUN"
            and not names_a_role(after[-1], "PERSON")
        )
        words = before if keep_before else after
        if keep_before and any(t.text == "," for t in words):
            words = words[max(i for i, t in enumerate(words) if t.text == ",") + 1 :]
    for i, token in enumerate(words):
        run = i
        while (
            run + 1 < len(words)
            and words[run + 1].ent_type_ == "PERSON"
            and words[run + 1].i == words[run].i + 1
            and words[run + 1].tag_ != "POS"
        ):  # "King Hussein's brother": a possessor, kept
            run += 1
        possessor = run + 1 < len(words) and words[run + 1].tag_ == "POS"  # "Trump's special envoy"
        name = token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and token.is_title
        if (
            name
            and not possessor
            or token.pos_ == "CCONJ"
            and i + 1 < len(words)
            and (words[i + 1].ent_type_ in ("PERSON", "ORG") or words[i + 1].pos_ == "PROPN")
        ):
            words = words[:i]
            break
    while words and (
        words[0].is_punct
        or words[0].pos_ in ("DET", "ADP", "CCONJ", "NUM", "ADV")
        or words[0].like_num
        or words[0].tag_ in ("VBD", "VBZ", "VBP")
    ):
        if _keeps_first_word(words):
            break
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].pos_ in ("ADP", "CCONJ", "DET", "PART")):
        words.pop()
    if not words or len(words) > 10 or all(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in words):
        return ""  # 'Lisa Schlein for VOA News, Geneva': a place is no role
    text = join_tokens(words)
    last = words[-1]
    if last.tag_ == "NNS" and last.is_lower and last.lemma_ != last.lower_:
        text = text[: len(text) - len(last.text)] + last.lemma_
    return text.removesuffix("'s").removesuffix("’s").strip()


def _keeps_first_word(words: list[Token]) -> bool:
    """A first word that belongs to the role: part of a name ('First Boston'), a number
    joined to the next word ('four-star general'), an adverb of the next word ('a closely
    held firm')."""
    first = words[0]
    if first.is_title and first.ent_type_ in ("ORG", "NORP", "FAC") and first.pos_ == "PROPN":
        return True
    if first.like_num and len(words) > 2 and words[1].text == "-" and not first.whitespace_:
        return True
    return first.pos_ == "ADV" and len(words) > 1 and first.head.i == words[1].i and words[1].tag_ in ("VBN", "JJ")


MATCH_CONTEXT_MIN = 3


def activity_role(spans: list[Span]) -> str | None:
    """A role from what a person does in a match report ('Ferjani Sassi scored from
    the penalty spot': a player), for a person the article gives no title."""
    if not spans:
        return None
    words = actor_words()
    doc = spans[0].doc
    if "match_context" not in doc.user_data:
        context = {t.lower_ for t in doc} & words["match_context"]
        doc.user_data["match_context"] = len(context) >= MATCH_CONTEXT_MIN
    if not doc.user_data["match_context"]:
        return None
    for span in spans:
        for token in span.sent:
            role = words["match_actions"].get(token.lemma_) or words["match_actions"].get(token.lower_)
            if role and not span.start <= token.i < span.end:
                return role
    return None
