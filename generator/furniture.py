"""Page furniture pasted between an article's sentences: a paragraph in, the
paragraph without it out (the cut lines appended to `removed`, as written).

Text copied from a web page runs its paragraphs together, and what stood between
them — calls to subscribe, follow or read on, related-story and section labels,
captions and credits, ad markers and counters — lands between two sentences. A
stretch of text is cut as furniture when three things hold:

- where it sits: it starts a sentence, ends with no full stop of its own, and
  what follows it opens a sentence that reads on without it;
- what it is not: a clause of the story (a finite verb with a subject of its own,
  other than the reader or the site), a quotation or a dateline;
- what it is: the parse shows it addresses the reader (an imperative, "you"),
  speaks as the site ("our", "us"), is a "Label: headline", or names the page's
  own things (a newsletter, a caption, a photo credit, an ad marker, a counter);
  or, where the next word can only begin a sentence ("The", "He"), it is a bare
  label with no verb.

A whole short sentence is furniture when it is about the page, not the world: a
call to act on it ("Read the full text of the ruling below."), the site on itself
("This story has been updated."), or a bare marker ("All rights reserved.").

The word lists in data/furniture_patterns.jsonl are evidence for spaCy's Matcher,
never the whole rule: "Photos released by the ministry showed damage." is a
clause of the story and stays.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# A sentence ends at . ! or ? (and any closing quote or bracket) before a word that is not lowercase.
SENTENCE_END = re.compile(r"(?<=[.!?])[’”\"')\]]*\s+(?=[^\sa-z])")
# Words whose full stop does not end a sentence: 'Mr. Toccafondi', 'Jan. 22'.
TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "gen",
    "gov",
    "sen",
    "rep",
    "no",
    "vs",
    "lt",
    "col",
    "prof",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "corp",
}
PARTICLES = {"in", "up", "out", "down", "off", "back", "below", "above", "here", "now", "later"}
OPENING_QUOTES = "“\"‘'"
# 'LONDON (Reuters) -', 'WASHINGTON, May 5 —': a dateline is the article's own.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^-–—]{0,30})?(?:\([A-Za-z .]+\))? ?[-–—]")
KICKER = re.compile(r"^(?P<label>[^:.!?]{1,40}):\s+\S")
CONTEXT = 600  # characters after a sentence start that are enough to read the sentence
SENTENCE_CHARS = 250  # enough of a sentence to find its root
MAX_LINE_TOKENS = 16  # a furniture line is short; anything longer is left to the reader
MAX_HEADLINE_TOKENS = 24  # 'Label: a headline' may be longer
MAX_QUESTION_WORDS = 6
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# The reader or the site as a subject does not make a clause of the story.
READER_OR_SITE = {"you", "we", "i"}
RUNS = {"SHARE_BAR", "STAMP", "CREDIT"}  # evidence that runs over several words a cut must not split
STRONG = {"ADDRESS", "SITE_VOICE", "MARKER", "COUNTER", "CREDIT", "SHARE_BAR", "STAMP"}
ENTITY_ATTRIBUTES = {"doc.ents", "token.ent_type", "token.ent_iob", "token.ent_kb_id"}
ENTITIES_SET = "furniture_entities_set"  # in Doc.user_data
MATCHES = "furniture_matches"  # in Doc.user_data
# Matcher keys read from the words alone, the same after make_doc as after the whole pipeline.
TOKEN_ONLY = {"ORTH", "TEXT", "LOWER", "LENGTH", "IS_DIGIT", "IS_PUNCT", "IS_TITLE", "IS_UPPER", "LIKE_NUM", "OP"}
# A line does not end on these ('Log in' may end on 'in': the parse decides).
FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "but",
    "nor",
    "into",
    "that",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "my",
    "this",
    "these",
    "those",
    "than",
    "about",
    "against",
    "between",
}


@lru_cache(maxsize=4)
def furniture_matcher(nlp: Language) -> Matcher:
    """The Matcher of data/furniture_patterns.jsonl: one label per kind of evidence."""
    matcher = Matcher(nlp.vocab)
    for entry in _furniture_patterns():
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


@lru_cache(maxsize=4)
def evidence_bound_matcher(nlp: Language) -> Matcher:
    """The furniture Matcher with each condition on the parse (LEMMA, POS, …) dropped: run on the
    tokens alone, it finds every label the Matcher could find on the parse (and maybe more), so
    a label it does not find needs no parse to be ruled out."""
    matcher = Matcher(nlp.vocab)
    for entry in _furniture_patterns():
        relaxed = [{key: value for key, value in token.items() if key in TOKEN_ONLY} for token in entry["pattern"]]
        matcher.add(entry["label"], [relaxed])
    return matcher


def _furniture_patterns() -> list[dict]:
    text = resources.files("generator").joinpath("data/furniture_patterns.jsonl").read_text("utf-8")
    return [json.loads(line) for line in filter(str.strip, text.splitlines())]


def remove_pasted_furniture(paragraph: str, nlp: Language, removed: list[str]) -> str:
    """The paragraph without the furniture lines found at its sentence starts."""
    spans = sentence_spans(paragraph)
    cuts: list[tuple[int, int]] = []
    for start, end in spans:
        cut = find_furniture(paragraph[start : start + CONTEXT], nlp, end=end - start)
        if cut:
            cuts += _lines_of(paragraph, start, start + cut, nlp)
    cuts += _questions_to_the_reader(paragraph, spans, cuts, nlp)
    cuts = _join_touching(sorted(set(cuts)), paragraph)
    removed.extend(paragraph[start:end].strip() for start, end in cuts)
    for start, end in reversed(cuts):
        paragraph = f"{paragraph[:start].rstrip()} {paragraph[end:].lstrip()}"
    return paragraph.strip()


def _lines_of(paragraph: str, start: int, end: int, nlp: Language) -> list[tuple[int, int]]:
    """One cut may hold two lines, 'Advertisement' and a headline after it: list them as written."""
    inner = find_furniture(paragraph[start:end].rstrip(), nlp)
    if inner is None or start + inner >= end or not paragraph[start + inner : end].strip():
        return [(start, end)]
    if not evidence(_parse(paragraph[start : start + inner].rstrip(), nlp), nlp) & STRONG:
        return [(start, end)]  # 'Center: Paramilitary buildup in Ukraine …' is one headline
    return [(start, start + inner), (start + inner, end)]


def _join_touching(cuts: list[tuple[int, int]], paragraph: str) -> list[tuple[int, int]]:
    """'Enjoy reading?' + 'Support independent journalism' were one line: report them as one
    ('Advertisement' before a headline was not: it has no stop of its own)."""
    joined: list[tuple[int, int]] = []
    for start, end in cuts:
        if (
            joined
            and not paragraph[joined[-1][1] : start].strip()
            and paragraph[: joined[-1][1]].rstrip()[-1:] in ".?!"
        ):
            start = joined.pop()[0]
        joined.append((start, end))
    return joined


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Character spans of the paragraph's sentences (a pasted line belongs to the one it precedes)."""
    starts = [0]
    # Even after 'Mr.': copy-paste puts lines there too, and a name after it is no line.
    # But not within a date or number: 'Jan. 22', 'No. 5'.
    for match in SENTENCE_END.finditer(paragraph):
        word = paragraph[: match.start()].rsplit(None, 1)[-1].rstrip(".").lower()
        if not (paragraph[match.end()].isdigit() and word in TITLES):
            starts.append(match.end())
    return list(zip(starts, starts[1:] + [len(paragraph)], strict=False))


def find_furniture(text: str, nlp: Language, end: int | None = None) -> int | None:
    """Where the furniture that starts `text` ends, or None. A line ends before `end`
    (where the next sentence may start; after 'U.S.' it need not), or is the whole
    sentence: a short call to the reader ('Click here.'), or a line that ends the paragraph."""
    end = len(text) if end is None else end
    sentence = text[:end]
    tokens = nlp.make_doc(sentence)
    cuts = list(_line_ends(text, tokens, nlp))
    if not cuts and KICKER.match(sentence):
        # 'Analysis: What comes next | Brics which brings together …': the seed's own sentence
        # may be a fragment; after a headline's label, any clause will do.
        cuts = list(_line_ends(text, tokens, nlp, loose=True))
    if cuts:
        # 'Subscribe now The …' ends the line for sure; 'Share on | Twitter' may go on; else the first.
        token = next((t for t, certain in cuts if certain), None) or next(
            (t for t, _ in cuts if not _dangling(_parse(sentence[: t.idx].rstrip(), nlp)[-1])), cuts[0][0]
        )
        return _over_credit(text, tokens, token, nlp)
    if len(tokens) > MAX_LINE_TOKENS:
        return None
    stripped = sentence.rstrip()
    if stripped[-1:] in '’”"':
        return None
    if stripped[-1:] not in ".!?":
        return len(sentence) if end == len(text) and furniture_reason(stripped, nlp, certain=True) else None
    whole = _words_to_stop(stripped) == len(stripped.split())  # not 'In its Jan.'
    return len(sentence) if whole and _page_sentence(stripped[:-1], nlp, stripped[-1]) else None


def _line_ends(text: str, tokens: Doc, nlp: Language, loose: bool = False) -> Iterator[tuple[Token, bool]]:
    """Each token where a furniture line that starts the sentence could end and the sentence begin."""
    for token in tokens[1 : MAX_HEADLINE_TOKENS + 1]:
        if not _may_start_sentence(token):
            continue
        line, certain = text[: token.idx].rstrip(), _certain_start(token, nlp)
        if token.i == 1 and not certain and not _strong_evidence(line, nlp):
            continue  # 'Siyoka Simasiku said': one word before a capital is a first name, not a line
        reason = furniture_reason(line, nlp, certain=certain)
        if reason and opens_sentence(text[token.idx :], nlp, certain, loose=loose or reason in STRONG):
            yield token, certain


def _may_start_sentence(token: Token) -> bool:
    previous = token.doc[token.i - 1]
    if (
        not previous.whitespace_
        or previous.lower_ in FUNCTION_WORDS
        or (previous.is_punct and previous.text not in ")]")
    ):
        return False
    return (token.text[:1].isupper() and "/" not in token.text) or token.text in OPENING_QUOTES


def _certain_start(token: Token, nlp: Language) -> bool:
    """'The', 'He', 'But', an opening quote: words that, capitalized, only start a sentence."""
    if token.text in OPENING_QUOTES:
        return True
    word = token.text
    capitalized = word[:1].isupper() and (word[1:].islower() or len(word) == 1)
    return capitalized and word != "I" and nlp.vocab[word.lower()].is_stop


def _over_credit(text: str, tokens: Doc, token: Token, nlp: Language) -> int:
    """A cut inside a credit moves to its end: 'Image source, Getty | Images Xi said',
    'Photograph: Jane | Doe/Reuters Russian forces …' (a name before an agency is the credit's)."""
    for label, start, end in sorted(furniture_matcher(nlp)(tokens), key=lambda match: -match[2]):  # longest first
        if end >= len(tokens) or end <= token.i:
            continue
        if (
            nlp.vocab.strings[label] in RUNS
            and start < token.i
            and opens_sentence(text[tokens[end].idx :], nlp, _certain_start(tokens[end], nlp), loose=True)
        ):
            return tokens[end].idx  # 'Facebook Twitter | LinkedIn Email The …'
        if nlp.vocab.strings[label] != "CREDIT":
            continue
        between = tokens[token.i : start]
        if all(t.text[:1].isupper() or t.text in "/-" for t in between) and opens_sentence(
            text[tokens[end].idx :], nlp, _certain_start(tokens[end], nlp)
        ):
            return tokens[end].idx
    return token.idx


def _strong_evidence(line: str, nlp: Language) -> bool:
    """Strong evidence in the line's parse; the parse is skipped when its words cannot hold any."""
    if not _labels(evidence_bound_matcher(nlp)(nlp.make_doc(line)), nlp) & STRONG:
        return False
    return bool(evidence(_parse(line, nlp), nlp) & STRONG)


@lru_cache(maxsize=512)
def _parse(text: str, nlp: Language) -> Doc:
    """Candidate lines and sentence starts are read again for each cut tried: parse each once.
    The entity pipes wait until a rule reads the entities (`_with_entities`): most lines are
    turned down on their syntax alone, and the NER is half the cost of a short line's parse."""
    return nlp(text, disable=_entity_pipes(nlp))


def _with_entities(doc: Doc, nlp: Language) -> Doc:
    """The parse completed by the entity pipes: exactly nlp(text), run in two steps."""
    if not doc.user_data.get(ENTITIES_SET):
        doc = nlp(doc, disable=[name for name in nlp.pipe_names if name not in _entity_pipes(nlp)])
        doc.user_data[ENTITIES_SET] = True  # a second run would see its own entities
    return doc


@lru_cache(maxsize=4)
def _entity_pipes(nlp: Language) -> tuple[str, ...]:
    """The pipes at the end of the pipeline that set entities and nothing else (gazetteers, NER)."""
    names = list(nlp.pipe_names)
    while names and ENTITY_ATTRIBUTES >= set(nlp.get_pipe_meta(names[-1]).assigns or ["other"]):
        names.pop()
    return tuple(nlp.pipe_names[len(names) :])


def evidence(doc: Doc, nlp: Language) -> set[str]:
    """The kinds of furniture evidence the Matcher finds in a line: ADDRESS, CREDIT, MARKER, …"""
    return _labels(_furniture_matches(doc, nlp), nlp)


def _furniture_matches(doc: Doc, nlp: Language) -> tuple[tuple[int, int, int], ...]:
    """The furniture Matcher's matches in a parsed line, found once per Doc and state of its
    entities: the rules ask for a line's evidence and its site words again for each cut tried."""
    key = f"{MATCHES}, entities {bool(doc.user_data.get(ENTITIES_SET))}"
    if key not in doc.user_data:
        doc.user_data[key] = tuple(furniture_matcher(nlp)(doc))
    return doc.user_data[key]


def _labels(matches: Sequence[tuple[int, int, int]], nlp: Language) -> set[str]:
    return {nlp.vocab.strings[label] for label, _, _ in matches}


def _site_words(doc: Doc, nlp: Language) -> set[int]:
    """Indices of the words that name the page's own things: 'story', 'comments', 'photo'."""
    return {
        i
        for label, start, end in _furniture_matches(doc, nlp)
        for i in range(start, end)
        if nlp.vocab.strings[label] in ("SITE_NOUN", "MEDIA")
    }


def furniture_reason(line: str, nlp: Language, certain: bool = False) -> str | None:
    """Why a line with no full stop, standing where a sentence starts, is furniture; None if it may be news.
    `certain`: the next word can only begin a sentence, so the line stands alone."""
    if not line or any(q in line for q in '“”"') or DATELINE.match(line) or line.count("(") != line.count(")"):
        return None
    # Length and commas are read from the words (the pipeline does not retokenize): most
    # candidate lines, a sentence's words up to a capital, go without a parse.
    tokens = nlp.make_doc(line)
    kicker = KICKER.match(line)
    if len(tokens) > (MAX_HEADLINE_TOKENS if kicker else MAX_LINE_TOKENS):
        return None
    label = kicker.group("label") if kicker else ""
    labelled = bool(kicker) and len(label.split()) <= 4
    if not labelled and "," in line[:-1] and not _labels(evidence_bound_matcher(nlp)(tokens), nlp) & STRONG:
        return None
    doc = _parse(line, nlp)
    found = evidence(doc, nlp)
    if labelled and not story_clause(_parse(label, nlp), nlp):
        return "label"  # 'Analysis: What comes next', 'Longest battle: What are the next steps …?'

    if "," in line[:-1] and not found & STRONG:
        return None  # commas make clauses; a line has none unless it is a credit ('Image source, Getty Images')
    if story_clause(doc, nlp):
        return None
    if imperative(doc):
        return "imperative"
    if found & STRONG:
        return min(found & STRONG)
    # What is left reads the entities: first what rules out every way a line could still be taken.
    if not (found or (certain and not any(_finite(t) for t in doc)) or _content_free(doc, nlp)):
        return None
    doc = _with_entities(doc, nlp)
    adverbial = doc[0].pos_ in ("ADP", "SCONJ") or doc[0].ent_type_ in ("DATE", "TIME")
    if found and (certain or not adverbial):
        return min(found)
    # A bare label: no verb and no name. An article's own subheading names its subject
    # ('Position on China', 'Group F — Sweden 1 – 0 Korea Republic') and stays.
    if certain and not adverbial and not doc.ents and not any(_finite(t) for t in doc):
        return "label"
    if not adverbial and not doc.ents and _content_free(doc, nlp):
        return "label"
    return None


def _content_free(doc: Doc, nlp: Language) -> bool:
    """'Most popular', 'Trending now', 'Latest stories': modifiers and the page's own nouns, nothing
    of the story ('Opposition leader Keir Starmer said': 'leader' is the story's noun)."""
    site = _site_words(doc, nlp)
    words = [t for t in doc if not t.is_punct]
    return (
        len(words) > 1
        and not all(t.is_stop for t in words)
        and all(t.i in site or t.pos_ in ("ADJ", "ADV", "PART") or t.tag_ in ("VBG", "VBN") for t in words)
    )


def _dangling(last: Token) -> bool:
    """'Follow us on' (before 'Instagram'): a preposition waiting for its object ('Log in' is whole)."""
    particle = last.lower_ in PARTICLES and last.head.pos_ == "VERB"
    return last.pos_ == "ADP" and not list(last.children) and not particle


def story_clause(doc: Doc, nlp: Language) -> bool:
    """A finite verb with a subject other than the reader or the site ('This content is …',
    'Story continues below' are the site's; 'Xi's comment was made' is the story's)."""
    site = _site_words(doc, nlp)
    for token in doc:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if not subjects or not _finite(token):
            continue
        if all(_reader_or_site(s) or (s.i in site and s.tag_ == "NN" and not list(s.children)) for s in subjects):
            continue
        return True
    return False


def _reader_or_site(subject: Token) -> bool:
    """'you', 'we', or the page itself: 'This content', 'This article' (not 'Xi's comment')."""
    return subject.lower_ in READER_OR_SITE or any(
        c.dep_ in ("det", "poss") and c.lower_ in ("this", "our", "your") for c in subject.children
    )


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def imperative(doc: Doc) -> bool:
    """The line opens with a verb in the base form that has no subject: 'Share on Facebook'."""
    first = next((t for t in doc if not t.is_punct), None)
    if first is None or first.tag_ != "VB" or first.pos_ == "PROPN":
        return False
    head = first if first.dep_ == "ROOT" else first.head
    return head.dep_ == "ROOT" and not any(c.dep_ in SUBJECTS for c in head.children)


def _page_sentence(line: str, nlp: Language, stop: str = ".") -> bool:
    """A whole short sentence about the page, not the world: a call to act on it ('Read the full
    text below.'), the site on itself ('This story has been updated.'), or a bare marker
    ('Copyright 2023 The Associated Press.'). A clause of the story ('He declined to comment.') stays."""
    doc = _parse(line, nlp)
    found = evidence(doc, nlp)
    if "MARKER" in found and doc[0].lower_ in ("all", "copyright", "©"):
        return True  # 'All rights reserved.'
    if story_clause(doc, nlp):
        return False
    if imperative(doc):
        return stop == "!" or bool(found - {"MEDIA"})  # 'Sign up now!' calls out to the reader
    site_clause = any(_finite(t) and any(_reader_or_site(c) for c in t.children if c.dep_ in SUBJECTS) for t in doc)
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in doc)
    return (site_clause and bool(found) and not _with_entities(doc, nlp).ents) or (verbless and bool(found & STRONG))


def _words_to_stop(text: str) -> int:
    """Words up to the first full stop that ends a sentence ('U.S.' and 'Mr.' do not)."""
    for count, word in enumerate(text.split(), start=1):
        core = word.rstrip("’”\"')]")
        if core[-1:] in ".!?" and "." not in core[:-1] and len(core) > 2 and core[:-1].lower() not in TITLES:
            return count
    return len(text.split())


def opens_sentence(text: str, nlp: Language, certain: bool = False, loose: bool = False) -> bool:
    """The text begins a sentence that reads on by itself: it starts with a word that can only
    start a sentence ('The', 'He', 'In', a quotation mark), or its root is a finite verb with a
    subject. `loose`, after an ad marker or a credit, which no story sentence ends on: any finite verb."""
    if text[:1] in OPENING_QUOTES or certain:  # 'The', 'In', a quotation mark: nothing else to prove
        return _words_to_stop(text) > 3
    sentence = next(_parse(text[:SENTENCE_CHARS], nlp).sents)
    if loose:
        return len(sentence) > 3 and any(_finite(t) for t in sentence)
    return len(sentence) > 3 and _finite(sentence.root) and any(c.dep_ in SUBJECTS for c in sentence.root.children)


def _questions_to_the_reader(
    paragraph: str, spans: list[tuple[int, int]], cuts: list[tuple[int, int]], nlp: Language
) -> list[tuple[int, int]]:
    """'Enjoy reading?' or 'Already a subscriber?' just before a cut furniture line belongs to it."""
    cut_starts = {start for start, _ in cuts}
    found = []
    for (start, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        question = paragraph[start:end].strip()
        if next_start not in cut_starts or not question.endswith("?"):
            continue
        if len(question.split()) <= MAX_QUESTION_WORDS and furniture_reason(question[:-1], nlp, certain=True):
            found.append((start, end))
    return found
