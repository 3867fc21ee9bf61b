"""Many regular expressions over one text, each tried only where it can begin.

`re.finditer` tries a pattern at every character of the text. The timex rules all
begin at a word start (`WORD_START`) and with one of a few words ('last', 'early',
a number): reading once which two characters a pattern's match can begin with, and
trying it only at the word starts that begin with one of them, finds the same
matches as `finditer` for a fraction of the work. A pattern whose beginning cannot
be told is run by `finditer` itself.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, product

# The private parser of `re` (Python 3.11+) tells how a pattern's matches begin; where it
# is missing or changes shape, every pattern falls back to `finditer`.
try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's `re`
    sre = sre_parse = None

WORD_START = "(?=\\b|')"
_STARTS = re.compile(WORD_START)
PREFIX = 2  # characters of a match's beginning read from its pattern
ANY = "\uffff"  # a character the pattern does not tell (\w, any character, outside ASCII)
ASCII = [chr(code) for code in range(128)]
OTHER = ""  # the key of the word starts whose first two characters are not both ASCII: always tried
UNTOLD = frozenset({"", ANY * PREFIX})  # what a part of a pattern that is not read may begin with


class WordStarts:
    """A text's word starts (where `WORD_START` holds), by their first two characters."""

    def __init__(self, text: str):
        self.text = text
        self.by_prefix: dict[str, list[int]] = {}
        for match in _STARTS.finditer(text):
            prefix = text[match.start() : match.start() + PREFIX]
            key = prefix if len(prefix) == PREFIX and prefix.isascii() else OTHER
            self.by_prefix.setdefault(key, []).append(match.start())

    def finditer(self, pattern: re.Pattern) -> Iterator[re.Match]:
        """What `pattern.finditer(self.text)` gives, for a pattern that begins with `WORD_START`."""
        keys = prefix_keys(pattern) if pattern.pattern.startswith(WORD_START) else None
        if keys is None:
            yield from pattern.finditer(self.text)
            return
        tried = sorted(chain.from_iterable(p for key, p in self.by_prefix.items() if key in keys or key == OTHER))
        end = 0
        for position in tried:
            if position < end:
                continue
            match = pattern.match(self.text, position)
            if match:
                yield match
                end = match.end()


@lru_cache(maxsize=256)
def prefix_keys(pattern: re.Pattern) -> frozenset[str] | None:
    """The two ASCII characters a match of `pattern` can begin with (the cases of both under
    IGNORECASE), or None when that cannot be told: a first character that is a class like \\w,
    any character or outside ASCII (which case folding may match with an ASCII one), or a
    pattern that may match the empty string (whose matches `finditer` orders by its own rules)."""
    if sre_parse is None:
        return None
    try:
        prefixes = _prefixes_of_sequence(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - the parser changed shape
        return None
    if "" in prefixes or any(p.startswith(ANY) for p in prefixes):
        return None
    folded = pattern.flags & re.IGNORECASE
    keys: set[str] = set()
    for prefix in prefixes:
        choices = [ASCII if c == ANY else {c.lower(), c.upper()} if folded else {c} for c in prefix.ljust(PREFIX, ANY)]
        keys.update(map("".join, product(*choices)))
    return frozenset(keys)


def _prefixes_of_sequence(items) -> set[str]:
    """The beginnings, of at most `PREFIX` characters, of what a sequence of nodes matches."""
    found = {""}
    for op, value in items:
        if all(len(p) == PREFIX for p in found):
            break
        found = _joined(found, _prefixes_of_node(op, value))
    return found


def _joined(heads: set[str] | frozenset[str], tails: set[str] | frozenset[str]) -> set[str]:
    return {head if len(head) == PREFIX else (head + tail)[:PREFIX] for head in heads for tail in tails}


def _prefixes_of_node(op, value) -> set[str] | frozenset[str]:
    if op is sre.LITERAL:
        return {chr(value) if value < 128 else ANY}
    if op is sre.IN:
        return _class_chars(value)
    if op is sre.SUBPATTERN:
        _, flags_on, flags_off, inner = value
        return UNTOLD if flags_on or flags_off else _prefixes_of_sequence(inner.data)
    if op is sre.BRANCH:
        return set().union(*(_prefixes_of_sequence(alternative.data) for alternative in value[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _prefixes_of_repeat(*value)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next node begins the match
        return {""}
    return UNTOLD


def _prefixes_of_repeat(low: int, high: int, repeated) -> set[str]:
    """`low` to `high` times what `repeated` matches; more repetitions add nothing once the
    beginnings stop changing."""
    one = _prefixes_of_sequence(repeated.data)
    found = {""}
    for _ in range(low):
        longer = _joined(found, one)
        if longer == found:
            break
        found = longer
    for _ in range(high - low):
        more = found | _joined(found, one)
        if more == found:
            break
        found = more
    return found


def _class_chars(items) -> set[str]:
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL and value < 128:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] < 128:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.update(string.digits)  # and digits outside ASCII, whose word starts are always tried
        elif op is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            chars.update(c for c in ASCII if c.isspace())  # and spaces outside ASCII, the same
        else:
            return {ANY}
    return chars
