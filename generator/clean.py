"""Cleaning: a seed's raw body in, the article's paragraphs out.

Normalizes spacing and stray punctuation, and removes what the source page mixed
into the text: page furniture found by what it is and where it sits (furniture.py:
"Advertisement", "Share on Facebook", "Image source, Getty Images") and promotional
headlines ("Longest battle: What are the next steps …?") pasted into paragraphs. A promotional
headline is a short kicker ending in a colon at the start of a sentence, then a
headline with no full stop; where it runs into the next real sentence, the
dependency parse finds where that sentence's subject begins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from .datafile import read_data
from .furniture import remove_pasted_furniture

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
LONG_LINE = 90  # characters: longer lines are paragraphs, not a hard wrap
SPACE_BEFORE_PUNCT = re.compile(r" +([,;:.!?])(?=\s|$)")
DOUBLE_STOP = re.compile(r"([.!?][’”\"']?) *\.(?=\s|$)")
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[’”\"']?\s+)")
KICKER = re.compile(r"(?P<kicker>[‘'\"“]?[A-Z][\w’' -]{0,40}?[’'\"”]?) ?: (?P<rest>[‘'\"“]?\w)")
HEADLINE_END = re.compile(r"[.!?]")
# A headline and the sentence it runs into are read within this many characters: each
# capitalized word of them is tried as a sentence start with a parse of the rest, which
# over a paragraph-long run-on sentence was quadratic.
HEADLINE_REACH = 1000
CREDIT = re.compile(r"\s*\((?:Reporting|Additional reporting|Writing|Editing|Compiled) by [^()]{2,200}\)\s*$")
# Wiki markers of a source's language after a quotation: '"dangerous" ((it))'.
LANGUAGE_MARKER = re.compile(r" ?\(\([a-z]{2,3}\)\)")
PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "this", "that", "there"}
SAYING = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks"}
FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
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
    "over",
    "after",
}


@dataclass(frozen=True)
class CleanBody:
    paragraphs: tuple[str, ...]
    removed: tuple[str, ...]  # the boilerplate that was cut, for the build report


@lru_cache(maxsize=1)
def _rules() -> dict:
    return read_data("boilerplate.yml")


def normalize_text(text: str) -> str:
    """Unicode and spacing clean-up that keeps every word and its punctuation."""
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines part paragraphs. Text with none is either hard-wrapped (short
    lines: one paragraph) or one paragraph a line (long lines)."""
    text = text.strip()
    lines = [line for line in text.split("\n") if line.strip()]
    if "\n\n" not in text and len(lines) > 1 and sorted(map(len, lines))[len(lines) // 2] > LONG_LINE:
        parts = lines
    else:
        parts = PARAGRAPH_BREAK.split(text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def fix_punctuation(paragraph: str) -> str:
    paragraph = SPACE_BEFORE_PUNCT.sub(r"\1", paragraph)
    paragraph = DOUBLE_STOP.sub(r"\1", paragraph)
    return _drop_stray_stops(paragraph)


def _drop_stray_stops(paragraph: str) -> str:
    """'the war. on February 24.' -> 'the war on February 24.': a full stop followed
    by a lowercase word is a stray one unless it ends an abbreviation."""
    abbreviations = set(_rules()["abbreviations"])

    def mend(match: re.Match) -> str:
        word = match.group(1)
        if len(word) < 3 or word.lower() in abbreviations or not word.islower():
            return match.group(0)
        return f"{word} {match.group(2)}"

    return re.sub(r"\b(\w+)\. ([a-z]\w*)", mend, paragraph)


def remove_markers(paragraph: str, removed: list[str]) -> str:
    removed.extend(m.group().strip() for m in LANGUAGE_MARKER.finditer(paragraph))
    return LANGUAGE_MARKER.sub("", paragraph)


def remove_credits(paragraph: str, removed: list[str]) -> str:
    """Wire credit lines: '(Reporting by …; Editing by …)'."""
    for match in CREDIT.finditer(paragraph):
        removed.append(match.group().strip())
    return CREDIT.sub("", paragraph).strip()


def remove_promotions(paragraph: str, nlp: Language, removed: list[str]) -> str:
    """Cut 'Kicker: headline' runs found at sentence starts."""
    position = 0
    while True:
        match = _find_kicker(paragraph, position)
        if match is None:
            return paragraph.strip()
        start, headline_start = match.start(), match.start("rest")
        end = _headline_end(paragraph, headline_start, nlp)
        if end is None:
            position = match.end()
            continue
        removed.append(paragraph[start:end].strip())
        paragraph = (paragraph[:start] + paragraph[end:].lstrip()).strip()
        position = start


def _find_kicker(paragraph: str, position: int) -> re.Match | None:
    for start in SENTENCE_START.finditer(paragraph, position):
        match = KICKER.match(paragraph, start.end())
        if match and len(match.group("kicker").split()) <= 5 and not _is_clause(match.group("kicker")):
            return match
    return None


def _is_clause(kicker: str) -> bool:
    """'He said:' opens a quotation; a kicker has no verb of saying or a pronoun subject."""
    words = [w.strip("‘’'\"“”").lower() for w in kicker.split()]
    return words[0] in PRONOUNS or bool(set(words) & SAYING)


def _headline_end(paragraph: str, start: int, nlp: Language) -> int | None:
    """Where the headline that starts at `start` ends, or None if it is a real sentence."""
    stop = HEADLINE_END.search(paragraph, start)
    if stop and paragraph[stop.start()] in "?!":
        return stop.end()
    sentence_end = stop.end() if stop else len(paragraph)
    if sentence_end - start > HEADLINE_REACH:
        return None
    split = _next_sentence_start(paragraph[start:sentence_end], nlp)
    if split is not None:
        return start + split
    return sentence_end if not stop else None


def _next_sentence_start(text: str, nlp: Language) -> int | None:
    """The first capitalized word, after two or more headline words, at which a
    sentence begins whose verb has that word as the left edge of its only subject."""
    doc = nlp.make_doc(text)
    for token in doc:
        if token.i < 2 or not token.text[:1].isupper():
            continue
        previous = doc[token.i - 1]
        if previous.is_punct or previous.lower_ in FUNCTION_WORDS:
            continue
        if _opens_clause(nlp(text[token.idx :])):
            return token.idx
    return None


def _opens_clause(doc) -> bool:
    sentence = next(doc.sents)
    for verb in sentence:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if len(subjects) == 1 and subjects[0].left_edge.i == 0 and verb.i > 0:
            return len(sentence) > 4 and sentence[-1].is_punct
    return False


def clean_body(body: str, nlp: Language, keep: tuple[str, ...] = ()) -> CleanBody:
    """`keep`: lines a person put back (the sidecar's `keep`): a step that would remove one
    leaves that paragraph as it was."""
    removed: list[str] = []
    paragraphs = []
    kept = {" ".join(line.split()) for line in keep}
    steps = (
        lambda p, r: fix_punctuation(remove_markers(p, r)),
        remove_credits,
        lambda p, r: remove_pasted_furniture(p, nlp, r),
        lambda p, r: remove_promotions(p, nlp, r),
    )
    for paragraph in split_paragraphs(normalize_text(body)):
        for step in steps:
            found: list[str] = []
            cleaned = step(paragraph, found)
            if kept and any(" ".join(line.split()) in kept for line in found):
                continue
            paragraph = cleaned
            removed += found
        if paragraph:
            paragraphs.append(paragraph)
    return CleanBody(tuple(paragraphs), tuple(removed))
