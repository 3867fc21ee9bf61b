"""The gazetteer's spaCy component: known names set as entities where they occur
word for word (token by token, as spaCy's EntityRuler with a phrase matcher on
ORTH), never over an entity already there.

spaCy's EntityRuler runs every pipe before it over each phrase pattern when the
patterns are added and again each time it is loaded (the tagger, parser and NER
over 3,900 place names: 2.7 s at every start), then builds a Doc per pattern.
Matching exact tokens needs the tokenizer alone, once: this ruler saves each
name's tokens and loads them into a dictionary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

FACTORY = "gazetteer_ruler"
PATTERNS = "patterns.jsonl"  # one line per name: its label and its tokens
Match = tuple[str, int, int]  # label, start token, end token


class GazetteerRuler:
    def __init__(self, nlp: Language, name: str):
        self.nlp, self.name = nlp, name
        self.labels: dict[tuple[str, ...], str] = {}  # a name's tokens -> its label
        self.lengths: dict[str, set[int]] = defaultdict(set)  # first token -> lengths of the names it starts

    def __len__(self) -> int:
        return len(self.labels)

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Patterns as for spaCy's EntityRuler: {"label": "GPE", "pattern": "New York"};
        the first label given to a name stays."""
        for entry in patterns:
            if not isinstance(entry.get("pattern"), str) or not isinstance(entry.get("label"), str) or "id" in entry:
                raise ValueError(f"{self.name}: a gazetteer pattern is a label and a string, not {entry!r}")
            self._add(tuple(token.text for token in self.nlp.make_doc(entry["pattern"])), entry["label"])

    def _add(self, tokens: tuple[str, ...], label: str) -> None:
        if tokens:
            self.labels.setdefault(tokens, label)
            self.lengths[tokens[0]].add(len(tokens))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Match]:
        """Every occurrence of every name, longest first, then earliest first (the
        EntityRuler's order)."""
        words = [token.text for token in doc]
        found = []
        for start, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                label = self.labels.get(tuple(words[start : start + length]))  # a slice at the end may be shorter
                if label is not None and start + length <= len(words):
                    found.append((label, start, start + length))
        return sorted(found, key=lambda match: (match[2] - match[1], -match[1]), reverse=True)

    @staticmethod
    def set_annotations(doc: Doc, matches: list[Match]) -> None:
        """As the EntityRuler without overwrite_ents: a match that touches an entity, or
        a longer match already taken, is dropped."""
        entities, seen = list(doc.ents), set[int]()
        for label, start, end in matches:
            if any(token.ent_type for token in doc[start:end]) or start in seen or end - 1 in seen:
                continue
            entities.append(Span(doc, start, end, label=label))
            seen.update(range(start, end))
        doc.ents = entities

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(
            folder / PATTERNS, [{"label": label, "tokens": list(tokens)} for tokens, label in self.labels.items()]
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerRuler:
        self.labels.clear()
        self.lengths.clear()
        for entry in srsly.read_jsonl(Path(path) / PATTERNS):
            self._add(tuple(entry["tokens"]), entry["label"])
        return self


@Language.factory(FACTORY, assigns=["doc.ents", "token.ent_type", "token.ent_iob"])
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    return GazetteerRuler(nlp, name)
