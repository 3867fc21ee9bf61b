"""Topics: the parsed article in, the few common nouns it is most about out
('trade', 'ceasefire', 'asylum'), for tags that cut across briefings."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

# Nouns every news story uses; they say nothing about what a story is about.
NEWS_NOUNS = {
    "year",
    "day",
    "time",
    "week",
    "month",
    "people",
    "percent",
    "official",
    "statement",
    "report",
    "country",
    "thing",
    "way",
    "part",
    "number",
    "today",
    "news",
    "spokesperson",
    "spokesman",
    "comment",
    "end",
    "side",
    "lot",
    "case",
    "issue",
    "point",
    "group",
    "area",
    "place",
    "world",
    "government",
    "president",
    "minister",
    "leader",
    "member",
    "source",
    "analysis",
    "article",
}
TOPICS = 3


def find_topics(doc: Doc, limit: int = TOPICS) -> list[str]:
    """Nouns outside names that recur across sentences, the lead counting twice;
    ties go to the noun the article names first."""
    seen: dict[str, set[int]] = {}
    forms: dict[str, Counter[str]] = {}
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            lemma = token.lemma_.lower()
            if (
                token.pos_ != "NOUN"
                or token.ent_type_
                or token.is_stop
                or len(lemma) < 4
                or not lemma.isalpha()
                or lemma in NEWS_NOUNS
            ):
                continue
            seen.setdefault(lemma, set()).add(number)
            forms.setdefault(lemma, Counter())[token.lower_] += 1
    counts = Counter({lemma: len(sentences) + (0 in sentences) for lemma, sentences in seen.items()})
    # Shown as the article writes it most often: the lemmatizer turns 'taxes' into 'taxis'.
    return [forms[lemma].most_common(1)[0][0] for lemma, count in counts.most_common() if count >= 3][:limit]
