"""A benchmark corpus: the project's real seeds in, N varied seeds out. Each is a
real article with its date shifted, its paragraphs after the lead reordered, a
paragraph from another article sometimes added, and proper names swapped with
another article's, so that every seed is distinct text that reads like news."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .seeds import list_seeds, read_seed
from .site import slugify

NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)?\b")
FUNCTION_START = {"The", "In", "On", "At", "But", "And", "It", "He", "She", "They", "This", "That", "A", "An"}


@dataclass(frozen=True)
class Article:
    name: str
    published: dt.date
    header: dict[str, str]
    paragraphs: tuple[str, ...]
    names: tuple[str, ...]  # proper names it repeats, most frequent first


def load_articles(folder: Path) -> list[Article]:
    articles = []
    for path in list_seeds(folder):
        seed = read_seed(path)
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", seed.body) if p.strip())
        header = {key: value for key in ("title", "source", "url", "author") if (value := getattr(seed, key))}
        articles.append(Article(slugify(seed.name), seed.published, header, paragraphs, repeated_names(seed.body)))
    return articles


def repeated_names(text: str) -> tuple[str, ...]:
    counts = Counter(m for m in NAME.findall(text) if m.split()[0] not in FUNCTION_START)
    return tuple(name for name, count in counts.most_common(6) if count >= 2)


def make_corpus(source: Path, target: Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` seeds into `target` (created) and return their paths."""
    articles = load_articles(source)
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    paths = []
    for index in range(count):
        base = articles[index % len(articles)]
        published, body = vary_article(base, articles, rng)
        while _fingerprint(body) in seen:  # the build refuses two seeds with one text
            published, body = vary_article(base, articles, rng, extra=True)
        seen.add(_fingerprint(body))
        header = [f"date {published.isoformat()}"] + [f"{key} {value}" for key, value in base.header.items()]
        path = target / f"{index:05d}_{base.name[:40]}.txt"
        path.write_text("\n".join(header) + "\n\n" + body + "\n", "utf-8")
        paths.append(path)
    return paths


def _fingerprint(body: str) -> str:
    """The article's substance: short paragraphs (furniture the cleaner removes) left out."""
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if len(p.split()) >= 25]
    return hashlib.sha256("\n".join(paragraphs).encode()).hexdigest()


def vary_article(
    base: Article, articles: list[Article], rng: random.Random, extra: bool = False
) -> tuple[dt.date, str]:
    """A shifted date and a new body: the lead kept, the rest reordered, a paragraph
    of another article sometimes added (always, with `extra`), names swapped."""
    donor = rng.choice([a for a in articles if a is not base])
    lead, rest = base.paragraphs[0], list(base.paragraphs[1:])
    rng.shuffle(rest)
    for _ in range(1 + extra * rng.randrange(1, 3)) if extra or rng.random() < 0.5 else ():
        rest.insert(rng.randrange(len(rest) + 1), rng.choice(donor.paragraphs[1:] or donor.paragraphs))
    body = "\n\n".join([lead, *rest])
    for old, new in zip(base.names, donor.names, strict=False):
        if rng.random() < 0.7:
            body = re.sub(rf"\b{re.escape(old)}\b", new, body)
    return base.published + dt.timedelta(days=rng.randrange(-3650, 365)), body


# One clause of news, repeated without a full stop: the run-on sentence of the size tests.
RUN_ON_CLAUSE = (
    "the mayor of Paris said on Monday that the council would spend 40 million euros on the bridge, "
    "and Xi Jinping met the ministers in Beijing in 2019 "
)


def big_seed(source: Path, kind: str, size: int) -> bytes:
    """A seed of about `size` bytes (at most): 'ordinary', the real articles' paragraphs one
    after another, or 'run-on', one sentence of that length."""
    if kind == "ordinary":
        paragraphs = [p for article in load_articles(source) for p in article.paragraphs]
        body = "\n\n".join(paragraphs * (size // sum(len(p) + 2 for p in paragraphs) + 1))
    else:
        body = "On Tuesday " + RUN_ON_CLAUSE * (size // len(RUN_ON_CLAUSE) + 1)
    data = ("date 2023-05-25\ntitle A seed of the size tests\n\n" + body).encode("utf-8")[: size - 2]
    return data.rsplit(b" ", 1)[0].rstrip(b",") + b".\n"
