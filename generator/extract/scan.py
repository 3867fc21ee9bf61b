"""Many regular expressions over one text, each tried only where it can begin.

`re.finditer` tries a pattern at every character of the text. The timex rules all
begin at a word start (`WORD_START`) and with one of a few characters ('last',
'early', a digit): reading once which characters a pattern's match can begin
with, and trying it only at the word starts that hold one of them, finds the same
matches as `finditer` for a fraction of the work. A pattern whose first character
cannot be told is run by `finditer` itself.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

# The private parser of `re` (Python 3.11+) tells a pattern's first characters; where it
# is missing or changes shape, every pattern falls back to `finditer`.
try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's `re`
    sre = sre_parse = None

WORD_START = "(?=\\b|')"
_STARTS = re.compile(WORD_START)
OTHER = ""  # the key of the word starts at a character outside ASCII: tried by every pattern


class WordStarts:
    """A text's word starts (where `WORD_START` holds), by their first character."""

    def __init__(self, text: str):
        self.text = text
        self.by_char: dict[str, list[int]] = {}
        for match in _STARTS.finditer(text):
            char = text[match.start() : match.start() + 1]
            self.by_char.setdefault(char if char.isascii() else OTHER, []).append(match.start())

    def finditer(self, pattern: re.Pattern) -> Iterator[re.Match]:
        """What `pattern.finditer(self.text)` gives, for a pattern that begins with `WORD_START`."""
        chars = first_chars(pattern) if pattern.pattern.startswith(WORD_START) else None
        if chars is None:
            yield from pattern.finditer(self.text)
            return
        tried = sorted(p for char in chars | {OTHER} for p in self.by_char.get(char, ()))
        end = 0
        for position in tried:
            if position < end:
                continue
            match = pattern.match(self.text, position)
            if match:
                yield match
                end = match.end()


@lru_cache(maxsize=256)
def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can begin with (both cases under IGNORECASE),
    or None when that cannot be told: a class like \\w, any character, a pattern that may
    match the empty string (whose matches `finditer` orders by its own rules), a first
    character outside ASCII (which case folding may match with an ASCII one)."""
    if sre_parse is None:
        return None
    try:
        chars, empty = _first_of_sequence(sre_parse.parse(pattern.pattern, pattern.flags).data)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - the parser changed shape
        return None
    if chars is None or empty or not all(c.isascii() for c in chars):
        return None
    if pattern.flags & re.IGNORECASE:
        chars = {c.lower() for c in chars} | {c.upper() for c in chars}
    return frozenset(chars)


def _first_of_sequence(items) -> tuple[set[str] | None, bool]:
    """(the first characters of a sequence of nodes, or None for any; whether it may match nothing)."""
    chars: set[str] = set()
    for op, value in items:
        first, empty = _first_of_node(op, value)
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def _first_of_node(op, value) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(value)}, False
    if op is sre.IN:
        return _first_of_class(value), False
    if op is sre.SUBPATTERN:
        _, flags_on, flags_off, inner = value
        return _first_of_sequence(inner.data) if not (flags_on or flags_off) else (None, False)
    if op is sre.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in value[1]:
            first, may_be_empty = _first_of_sequence(alternative.data)
            if first is None:
                return None, False
            chars |= first
            empty = empty or may_be_empty
        return chars, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, repeated = value
        first, empty = _first_of_sequence(repeated.data)
        return first, empty or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next node begins the match
        return set(), True
    return None, False


def _first_of_class(items) -> set[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] < 128:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.update(string.digits)  # and digits outside ASCII, which are tried anyway
        else:
            return None
    return chars
