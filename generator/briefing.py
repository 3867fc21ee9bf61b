"""The briefing step: a seed and the NLP pipeline in, a `Briefing` out.

Cleans the body, parses it once, and runs each extractor over the same parse.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_body
from .extract.actors import MentionIndex, find_actors
from .extract.figures import find_figures
from .extract.headline import make_headline, make_summary
from .extract.quotes import find_quotes
from .extract.sentences import join_paragraphs, make_sentence_lookup, split_sentences
from .extract.timeline import find_events, is_event_date
from .extract.timex import find_timexes
from .extract.topics import find_topics
from .model import Briefing, Seed


def make_briefing(seed: Seed, nlp: Language) -> Briefing:
    cleaned = clean_body(seed.body, nlp)
    return briefing_from_doc(seed, nlp(join_paragraphs(cleaned.paragraphs)), cleaned.paragraphs, cleaned.removed)


def briefing_from_doc(seed: Seed, doc: Doc, paragraphs: tuple[str, ...], removed: tuple[str, ...]) -> Briefing:
    sentences = split_sentences(doc, paragraphs)
    sentence_of = make_sentence_lookup(sentences)
    timexes = find_timexes(doc.text, seed.published)
    actors = find_actors(doc, sentence_of)
    mentions = MentionIndex(doc, actors)

    def period(sentence: int, start: int, end: int) -> str | None:
        """The date of the same sentence nearest to a figure ('trade reached $70
        billion in the first four months of this year')."""
        dated = [t for t in timexes if is_event_date(t) and sentence_of(t.start) == sentence]
        distance = lambda t: t.start - end if t.start >= end else start - t.end  # noqa: E731
        return min(dated, key=distance).when if dated else None

    timeline = find_events(doc, timexes, sentence_of, mentions.name_of_token)
    figures = find_figures(doc, sentence_of, period, [(t.start, t.end) for t in timexes if t.type == "DATE"])
    quotes = find_quotes(doc, mentions, sentence_of)
    by_paragraph: dict[int, list[int]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence.index)
    title = seed.title or make_headline(doc, sentences)
    return Briefing(
        seed=seed, title=title, summary=tuple(make_summary(sentences, actors, figures, timeline)),
        paragraphs=tuple(tuple(v) for _, v in sorted(by_paragraph.items())), sentences=tuple(sentences),
        timeline=tuple(timeline), actors=tuple(actors), figures=tuple(figures), quotes=tuple(quotes),
        removed=removed, topics=tuple(find_topics(doc)))
