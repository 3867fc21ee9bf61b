"""Numbers and amounts as news writes them: text in, `Amount`s out.

One layer under the key figures, pure (no spaCy): numbers in digits with any common
grouping ("1,000,000", "1.000.000,5", "12,34,567" lakh) or in words ("forty-five",
"a dozen", "half a million", "two-thirds"); money with its ISO 4217 currency from
symbols, codes and names ("Swiss francs", "100元", "c $ 16.4 million"), compound amounts
("3 dollars 50 cents") and minor units ("38 cents"); percentages apart from percentage
points; shares ("nearly a third of"); measures with their unit ("50 miles", "3-inch");
ranges ("$3 million to $5 million", "between 10 and 12 percent").

A value always comes from the words of its own span: an article ("an estimated $470
million") is a number only before a scale or a fraction ("a million", "a third").
Nothing here raises on odd text: what cannot be read is not an amount.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..datafile import read_data

ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
FRACTION_WORDS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "sevenths": 1 / 7,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "ninth": 1 / 9,
    "ninths": 1 / 9,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
VULGAR = {
    "½": 1 / 2,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
    "⅕": 1 / 5,
}
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "well over",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "an estimated",
    "a reported",
    "a record",
    "estimated",
    "reported",
    "record",
    "close to",
    "upwards of",
    "barely",
    "only",
    "just",
    "exactly",
    "up",
    "down",
)

_NUMWORD = "|".join(sorted([*ONES, *TENS, *SCALE_WORDS, *FRACTION_WORDS, "dozen"], key=len, reverse=True))
_AND = (
    r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=lakh)|(?<=crore))\s*(?:and|&)\s+"
    r"|\s+and\s+(?=an?\s+(?:half|quarter|third)))"
)
_WORDNUM = (
    rf"(?:\b(?:an?\s+)?(?:{_NUMWORD})(?:(?:\s*-\s*|{_AND}(?:an?\s+)?|\s+(?:an?\s+)?)"
    rf"(?:{_NUMWORD}))*\b)"
)
_FRACTIONS = "".join(VULGAR)
_DIGNUM = (
    rf"(?:(?<![\d.,/])(?:(?<!\d\s)(?<![\w,.])[-−])?"
    rf"(?:\d{{1,3}}(?:\u00a0\d{{3}}|\u202f\d{{3}}| \d{{3}}(?![\d.,]))+|\d+/\d+(?!\d)|"
    rf"\d+(?:[.,]\d+)*)(?:\s+\d/\d+|\s*[{_FRACTIONS}])?|[{_FRACTIONS}])"
)
NUMBER = re.compile(
    rf"(?P<num>{_DIGNUM}|{_WORDNUM})"
    rf"(?P<scale>(?:\s*-?\s*|\s+an?\s+)(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b"
    rf"(?:\s+(?:and\s+)?(?:hundred|thousand|million|billion|crores?))?|\s?(?:mn|mln|bn|tn|trn)\b|[kKmMbBT](?![\w]))?",
    re.I,
)


@dataclass(frozen=True)
class Number:
    """A number as written: its characters and value, and whether a letter such as
    'm' after it may be a scale ('$4m') rather than a unit ('48m')."""

    start: int
    end: int
    value: float
    text: str
    letter: str | None = None  # an attached k/m/b/t not yet read as a scale
    words: bool = False  # written in words


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    value: float
    unit: str | None  # ISO 4217, '%', 'percentage points', a unit name, or None
    kind: str  # money | percent | points | measure | share
    low: float | None = None  # the other end of a range
    qualifier: str | None = None

    @property
    def values(self) -> list[float]:
        return [self.low, self.value] if self.low is not None else [self.value]


# --- numbers -----------------------------------------------------------------------------------


def digits_value(text: str) -> float | None:
    """'1,000,000' 1e6, '1.000.000,5' 1000000.5, '12,34,567.89' (lakh), '3,5' 3.5 (a decimal
    comma), '10 000', '10 1/2', '¾'; None for what is not a number."""
    text = text.replace("−", "-").replace("\u00a0", " ").replace("\u202f", " ").strip()
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    fraction = 0.0
    if text and text[-1] in VULGAR:
        fraction, text = VULGAR[text[-1]], text[:-1].strip()
    mixed = re.fullmatch(r"(\d+)\s+(\d+)/(\d+)", text)
    if mixed:
        whole, top, bottom = (int(g) for g in mixed.groups())
        return sign * (whole + top / bottom) if bottom else None
    ratio = re.fullmatch(r"(\d+)/(\d+)", text)
    if ratio:
        top, bottom = (int(g) for g in ratio.groups())
        return sign * top / bottom if bottom else None
    if not text:
        return sign * fraction if fraction else None
    value = _grouped(text.replace(" ", ""))
    return None if value is None else sign * (value + fraction)


def _grouped(text: str) -> float | None:
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):  # 1,000,000.5
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,2}(,\d{2})*,\d{3}(\.\d+)?", text):  # 12,34,567.89: lakh grouping
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.000.000,5
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d{1,2}", text) or re.fullmatch(r"\d+,\d{4,}", text):  # 3,5: a decimal comma
        return float(text.replace(",", "."))
    if re.fullmatch(r"[\d,]+(\.\d+)?", text):  # '1,000,00': grouping gone wrong, the digits still count
        return float(text.replace(",", ""))
    return None


def words_value(text: str) -> float | None:
    """'forty-five' 45, 'a hundred and two' 102, 'half a million' 5e5, 'two and a half' 2.5,
    'three quarters' 0.75, 'a dozen' 12; an article alone is not a number."""
    words = [w for w in re.split(r"[\s\-&]+", text.lower()) if w]
    total, current, last, numeric = 0.0, 0.0, None, False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word in ("a", "an"):
            if following not in SCALE_WORDS and following not in FRACTION_WORDS and following != "dozen":
                return None if not numeric else (total + current)
            if numeric and following in SCALE_WORDS:  # 'half a million'
                continue
            last = 1.0
            current += 1
            numeric = True
        elif word == "and":
            last = None
        elif word in ONES or word in TENS:
            last = float(ONES.get(word, TENS.get(word, 0)))
            current += last
            numeric = True
        elif word in FRACTION_WORDS:
            share = FRACTION_WORDS[word]
            current = current - last + last * share if last else current + share
            last, numeric = None, True
        elif word == "dozen":
            current = (current or 1) * 12
            last, numeric = None, True
        elif word == "hundred":
            current = (current or 1) * 100
            last, numeric = None, True
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current, last, numeric = 0.0, None, True
        else:
            return None
    return total + current if numeric else None


def read_number(match: re.Match) -> Number | None:
    """The value of a NUMBER match, or None (an article alone, a malformed grouping)."""
    raw, scale = match["num"], match["scale"] or ""
    offset = 0
    article = re.match(r"an?\s+", raw, re.I)
    if article and words_value(raw) is None:  # 'a three-foot trip': the article is not part of the number
        offset, raw = article.end(), raw[article.end() :]
    written_in_words = bool(re.match(r"[a-z]", raw, re.I))
    if written_in_words and all(w in SCALE_WORDS or w == "and" for w in re.split(r"[\s-]+", raw.lower())):
        return None  # 'thousands of', 'the dollars thousand of times': no count given
    value = words_value(raw) if written_in_words else digits_value(raw)
    if value is None:
        return None
    letter = None
    word = scale.strip(" -").lower()
    if word in ("k", "m", "b", "t"):
        letter, word = scale, ""
    if word:
        word = re.sub(r"^an?\s+", "", word)
        for part in re.split(r"\s+(?:and\s+)?", word):
            value *= SCALE_WORDS.get(part, SCALE_ABBREVIATIONS.get(part, 1))
    end = match.end() if not letter else match.end() - len(letter)
    if letter and letter.lower() == "k":  # a thousand in any context: '0.5k miles'
        value, letter, end = value * 1e3, None, match.end()
    start = match.start() + offset
    return Number(start, end, value, match.string[start:end], letter, written_in_words)


def parse_number(text: str) -> float | None:
    """The first number in `text` with its scale ('190 billion' 190e9, '$4m' 4e6); a range
    ('ten to 32', 'between 40 and 50') gives its upper bound."""
    numbers = [n for n in (read_number(m) for m in NUMBER.finditer(text or "")) if n is not None]
    if not numbers:
        return None
    number = numbers[0]
    if len(numbers) > 1 and re.fullmatch(r"\s*(?:to|and|-|–|—)\s*", text[number.end : numbers[1].start]):
        number = numbers[1]
    value = number.value
    if number.letter and number.letter.lower() in "mbt":
        value *= SCALE_ABBREVIATIONS[number.letter.lower()]
    return value


# --- currencies --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def currency_table() -> dict:
    return read_data("currencies.yml")


@lru_cache(maxsize=1)
def unit_table() -> dict:
    return read_data("units.yml")


# Words before a currency name that say whose it is ('Thai baht', 'South African rand',
# 'new shekels'); a name with one meaning needs no more than that it is an adjective.
ADJECTIVE_ENDINGS = r"[A-Za-z]+(?:ese|ish|ian|an|ch|ic|i)"
NATIONALITY = rf"(?:{ADJECTIVE_ENDINGS}|(?-i:[A-Z][A-Za-z]+)|new)"


@lru_cache(maxsize=1)
def _currency_patterns() -> dict[str, re.Pattern]:
    table = currency_table()
    adjectives = sorted({a for f in table["families"].values() for a in f["by"]}, key=len, reverse=True)
    forms = sorted({form for f in table["families"].values() for form in f["forms"]}, key=len, reverse=True)
    words = sorted(table["words"], key=len, reverse=True)
    codes = sorted(table["codes"], key=len, reverse=True)
    symbols = sorted([*table["symbols"], *table["ambiguous_symbols"]], key=len, reverse=True)
    adjective = "|".join(re.escape(a).replace(r"\ ", r"\s*") for a in adjectives)
    symbol = "|".join(_symbol_pattern(s) for s in symbols)
    form_names = "|".join(map(re.escape, forms))
    word_names = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    name = (
        rf"(?:(?P<adj>{adjective})\s+)?(?P<form>{form_names})\b"
        rf"|(?:{NATIONALITY}\s+){{0,2}}(?P<word>{word_names})s?\b"
    )
    code = rf"(?P<mega>M)?(?P<code>{'|'.join(codes)})(?![a-z])"
    minor = "|".join(re.escape(m) for m in sorted(table["minor"], key=len, reverse=True))
    return {
        "after": re.compile(rf"\s*-?\s*(?:(?P<symbol>{symbol})|{code}|{name})", re.I),
        "before": re.compile(
            rf"(?:(?P<symbol>{symbol})|{code}\$?|(?P<form>dollars?|euros?|pounds?|yuan|rmb|yen))"
            rf"\s*$",
            re.I,
        ),
        "minor": re.compile(rf"\s*-?\s*(?P<minor>{minor})(?![\w$])", re.I),
    }


def _symbol_pattern(symbol: str) -> str:
    """'US$' as 'us $', 'u.s $', 'U.S.$': wire copy and tokenized text space and case it freely."""
    if symbol[-1:].isalpha() or symbol[-1:] == ".":
        return re.escape(symbol) + r"(?![A-Za-z])"
    if not symbol[-1:] == "$":
        return re.escape(symbol)
    letters = symbol[:-1].replace(".", "")
    return r"\s?\.?\s?".join(re.escape(c) for c in letters) + r"\.?\s?\$" if letters else r"\$"


def _symbol_code(symbol: str) -> str | None:
    table = currency_table()
    squeezed = re.sub(r"[\s.]", "", symbol).lower()
    for key, code in table["symbols"].items():
        if re.sub(r"[\s.]", "", key).lower() == squeezed:
            return code
    return None


@dataclass(frozen=True)
class Context:
    """What an article says about where its money is: countries it names and the currencies
    its unambiguous amounts use."""

    places: Counter
    codes: Counter


def read_context(text: str) -> Context:
    lowered = text.lower()
    places: Counter = Counter()
    for word, pattern, code in _context_patterns()[0]:
        if word in lowered:  # a plain search first: most places are in no article
            places[code] += len(pattern.findall(lowered))
    codes: Counter = Counter()
    for symbol, pattern, code in _context_patterns()[1]:
        if symbol in text:
            codes[code] += len(pattern.findall(text))
    return Context(places, codes)


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[list[tuple[str, re.Pattern, str]], list[tuple[str, re.Pattern, str]]]:
    """Compiled once: a place of a currency family, an amount's symbol (beside digits, not
    letters of a word or a ticker such as '$AAPL')."""
    table = currency_table()
    places = [
        (place, re.compile(rf"(?<![\w.]){re.escape(place)}(?![\w])"), code)
        for family in table["families"].values()
        for place, code in family["by"].items()
        if len(place) > 3 or "." in place
    ]
    symbols = [
        (symbol, re.compile(rf"(?<![A-Za-z]){re.escape(symbol)}\s?\d|\d\s?{re.escape(symbol)}(?![A-Za-z])"), code)
        for symbol, code in table["symbols"].items()
        if not symbol.isalpha()
    ]
    return places, symbols


def resolve_family(family: str, adjective: str | None, context: Context | None) -> str | None:
    """The currency a shared name ('dollars', '$', 'pounds', 'francs') means here: its
    adjective, else the currency the article's other amounts or places use, else the
    family's news convention, else None (the caller keeps the word or symbol)."""
    table = currency_table()["families"].get(family)
    if table is None:
        return None
    if adjective:
        code = table["by"].get(re.sub(r"\s+", " ", adjective.lower()))
        if code:
            return code
    members = set(table["by"].values())
    if context is not None:
        used = [(n, c) for c, n in context.codes.items() if c in members and n]
        if used:
            return max(used)[1]
        default = table.get("default")
        enough = 2 if default else 1  # a family's convention gives way only to a place named again
        named = sorted(((n, c) for c, n in context.places.items() if c in members and n >= enough), reverse=True)
        if named and (default is None or not context.places.get(default)):
            return named[0][1]
    return table.get("default")


def currency_of(text: str, before: str = "", context: Context | None = None) -> str | None:
    """The ISO code a piece of text names ('190 billion US dollars' USD, 'A$3 billion' AUD)."""
    patterns = _currency_patterns()
    joined = f"{before} {text}"
    for match in re.finditer(r"(?<![A-Za-z])(?=\S)", joined):
        found = patterns["after"].match(joined, match.start())
        if found and found.group().strip():
            code = _code_of(found, context)
            if code:
                return code
    return None


def _code_of(found: re.Match, context: Context | None) -> str | None:
    table = currency_table()
    groups = found.groupdict()
    if groups.get("symbol"):
        family = table["ambiguous_symbols"].get(groups["symbol"].strip())
        return resolve_family(family, None, context) if family else _symbol_code(groups["symbol"])
    if groups.get("code"):
        code = groups["code"].upper()
        return table["code_aliases"].get(code, code)
    if groups.get("form"):
        return resolve_family(_family_of(groups["form"]), groups.get("adj"), context)
    if groups.get("word"):
        code = table["words"][re.sub(r"\s+", " ", groups["word"].lower())]
        return code.split("*")[0]
    return None


def _family_of(form: str) -> str:
    form = form.lower()
    return next(name for name, f in currency_table()["families"].items() if form in f["forms"])


# --- amounts -----------------------------------------------------------------------------------

PERCENT = re.compile(
    r"\s*(?:(?P<pct>%|percent\b|per\s*cent\b|pct\b|p\.c\.|(?<=\d)pc\b)"
    r"|(?:\s+of\s+an?)?\s*(?P<pp>percentage[\s-]+points?\b|"
    r"pct\.?\s+points?\b|pp\b)|\s*(?P<bp>basis\s+points?\b|bps\b))",
    re.I,
)
# Currency words that are also ordinary words: money only when nothing nounlike follows.
COMMON_CODES = {"usd", "eur", "gbp", "rmb", "jpy", "cny", "inr", "aud", "cad", "chf", "hkd", "nzd", "btc"}
RISKY_WORDS = {
    "real",
    "won",
    "rand",
    "sol",
    "lev",
    "dram",
    "kip",
    "lei",
    "leu",
    "dong",
    "colon",
    "mark",
    "marks",
    "sen",
    "fen",
    "mao",
    "p",
    "buck",
    "bucks",
    "quid",
    "dime",
    "nickel",
    "penny",
    "cedi",
    "kwanza",
}
FUNCTION_WORDS = {
    "of",
    "in",
    "to",
    "for",
    "and",
    "or",
    "a",
    "an",
    "the",
    "from",
    "on",
    "at",
    "by",
    "per",
    "each",
    "apiece",
    "more",
    "less",
    "only",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "that",
    "which",
    "this",
    "last",
    "next",
    "worth",
    "but",
    "with",
    "as",
    "than",
    "after",
    "before",
    "since",
    "when",
}
MONEY_CUES = re.compile(
    r"\b(?:pa(?:y|id|ys|ying)|cost|worth|fine[sd]?|price[sd]?|sold|s[eo]ll|b(?:uy|ought)|rais|"
    r"spen[dt]|budget|fund|salar|wage|fee|deal|earn|revenue|profit|loss|debt|loan|invest|grant|"
    r"tax|bill|bid|offer|value|compensation|bonus|award|donat|settle|sterling|cash|money|"
    r"£|€|\$)",
    re.I,
)


def find_amounts(text: str, context: Context | None = None) -> list[Amount]:
    """Every amount of money, percentage, share and measure in `text`, in order."""
    context = context if context is not None else read_context(text)
    numbers = [n for n in (_safe_read(m) for m in NUMBER.finditer(text)) if n is not None]
    amounts: list[Amount] = []
    for index, number in enumerate(numbers):
        if amounts and number.start < amounts[-1].end:
            continue
        floor = amounts[-1].end if amounts else 0
        if _glued(text, number):  # 'USD115' is money; 'scp-173m', 'L202', 'MP3' are names
            amount = _money(text, number, context, floor)
            amount = amount if amount is not None and amount.start < number.start else None
        else:
            amount = _uncertain(text, number, numbers[index + 1 : index + 2], context) or _amount_of(
                text, number, context, floor
            )
        if amount is not None and not _run_on(text, number, amount):
            amounts.append(amount)
    amounts = _ratios(text, amounts, numbers)
    amounts = [_with_rate(text, a) for a in _compounds(text, amounts, numbers)]
    amounts = [_accounting_negative(text, a) for a in _ranges(text, amounts, numbers)]
    return [replace(a, qualifier=qualifier_before(text, a.start, a.text)) for a in amounts]


def _amount_of(text: str, number: Number, context: Context, floor: int) -> Amount | None:
    return (
        _percent(text, number) or _money(text, number, context, floor) or _measure(text, number) or _share(text, number)
    )


def _uncertain(text: str, number: Number, following: list[Number], context: Context) -> Amount | None:
    """'2,000.45±0.01 pounds': the unit after the margin is the measured value's; the
    margin is no figure of its own."""
    if not following or not re.fullmatch(r"\s*(?:±|\+\s*/\s*-)\s*", text[number.end : following[0].start]):
        return None
    margin = _amount_of(text, following[0], context, number.end)
    if margin is None or margin.start != following[0].start:
        return None
    return _amount(text, number.start, margin.end, number.value, margin.unit, margin.kind)


# Words after which a clause needs its complement: a bracket there is not an aside.
COMPLEMENT_WANTED = re.compile(r"(?:\b(?:is|was|are|were|be|been|being|of|at|to)|[:=])\s*$", re.I)


def _accounting_negative(text: str, amount: Amount) -> Amount:
    """'revenue was ($99.99)': an amount alone in brackets where the clause needs it is
    written as accountants write a negative; '15 euros ($16)' and 'the median income
    ($50,000)' are asides (a conversion, an apposition) and keep their sign."""
    if amount.kind not in ("money", "percent") or amount.low is not None or amount.value <= 0:
        return amount
    window = max(0, amount.start - 20)
    opening = re.search(r"\(\s*$", text[window : amount.start])
    closing = re.match(r"\s*\)", text[amount.end : amount.end + 20])
    if not opening or not closing:
        return amount
    start, end = window + opening.start(), amount.end + closing.end()
    if not COMPLEMENT_WANTED.search(text[max(0, start - 12) : start]):
        return amount
    return _amount(text, start, end, -amount.value, amount.unit, amount.kind)


RATE = re.compile(
    r"(?:\s*/\s*|\s+per\s+)(?:kg|kilo(?:gram)?|hour|hr|day|week|month|year|share|barrel|"
    r"tonne|ton|ounce|oz|lb|pound|litre|liter|gallon|head|person|capita|unit|night|mile|km)s?\b",
    re.I,
)


def _with_rate(text: str, amount: Amount) -> Amount:
    """'$350 per kg', '$15.4/hour': money for each of something, the 'per' kept in its text."""
    rate = RATE.match(text, amount.end) if amount.kind == "money" else None
    return replace(amount, end=rate.end(), text=text[amount.start : rate.end()]) if rate else amount


RATIO = re.compile(r"\s+(?:in|out\s+of)\s+$", re.I)


def _ratios(text: str, amounts: list[Amount], numbers: list[Number]) -> list[Amount]:
    """'one in five adults', '3 out of 10 voters': a share written as a ratio."""
    taken = [(a.start, a.end) for a in amounts]
    found = []
    for first, second in zip(numbers, numbers[1:], strict=False):
        if not RATIO.fullmatch(text[first.end : second.start] + " ") or first.letter or second.letter:
            continue
        if any(s < second.end and first.start < e for s, e in taken):
            continue
        whole = not first.words and not second.words and 1800 <= second.value <= 2100
        if (
            whole
            or first.value != int(first.value)
            or second.value != int(second.value)
            or not 0 < first.value < second.value
        ):
            continue
        found.append(_amount(text, first.start, second.end, first.value / second.value, None, "share"))
    return sorted([*amounts, *found], key=lambda a: a.start)


def _glued(text: str, number: Number) -> bool:
    """Digits joined to letters ('L202', 'scp-173'), not to the scale word of a range's
    first end ('10 million-20 million pounds')."""
    before = text[max(0, number.start - 12) : number.start]
    return bool(re.search(r"[A-Za-z]-?$", before)) and not re.search(
        r"\b(?:thousand|million|billion|trillion|mn|bn)-$", before, re.I
    )


def _run_on(text: str, number: Number, amount: Amount) -> bool:
    """'245 23 yen': digits after digits and a space, not a grouping ('10 000') nor a year
    before ('in 2020 5% of'), are a malformed or garbled number; which part the unit
    belongs to cannot be told. Before a noun the first number counts what the amount
    qualifies ('50 50 dollar bills')."""
    before = re.search(r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s+$", text[max(0, number.start - 24) : number.start])
    if number.words or before is None or not _nothing_nounlike_after(text, amount.end):
        return False
    return not (re.fullmatch(r"\d{4}", before[1]) and 1800 <= int(before[1]) <= 2100)


def _safe_read(match: re.Match) -> Number | None:
    try:
        return read_number(match)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


def qualifier_before(text: str, start: int, inside: str = "") -> str | None:
    lowered = inside.lower()
    for phrase in QUALIFIERS:
        if lowered.startswith(phrase + " "):
            return phrase
    before = text[max(0, start - 30) : start].lower()
    for phrase in QUALIFIERS:
        if re.search(rf"(?<![\w-]){phrase}\s*$", before):
            return phrase
    return None


def _amount(text: str, start: int, end: int, value: float, unit: str | None, kind: str) -> Amount:
    return Amount(start, end, text[start:end], float(f"{value:.12g}"), unit, kind)


def _percent(text: str, number: Number) -> Amount | None:
    if number.letter:
        return None
    found = PERCENT.match(text, number.end)
    if not found:
        return None
    if found["pp"]:
        return _amount(text, number.start, found.end(), number.value, "percentage points", "points")
    if found["bp"]:
        return _amount(text, number.start, found.end(), number.value, "basis points", "points")
    return _amount(text, number.start, found.end(), number.value, "%", "percent")


def _scaled(number: Number) -> tuple[float, int]:
    """The value with an attached scale letter ('$4m', '€10B') and where the number ends."""
    if number.letter and number.letter.lower() in "mbt":
        return number.value * SCALE_ABBREVIATIONS[number.letter.lower()], number.end + len(number.letter)
    return number.value, number.end


def _money(text: str, number: Number, context: Context, floor: int = 0) -> Amount | None:
    patterns = _currency_patterns()
    before = _currency_before(text, number, max(0, number.start - 12, floor), context)
    if before and before.group().strip():
        code = _code_of(before, context) or (before["symbol"] or "").strip() or None
        if before["form"]:
            code = (
                {"rmb": "CNY", "yuan": "CNY", "yen": "JPY"}.get(before["form"].lower())
                or resolve_family(
                    "euro" if before["form"].lower().startswith("euro") else _family_of_safe(before["form"]),
                    None,
                    context,
                )
                or ("EUR" if before["form"].lower().startswith("euro") else None)
            )
        value, end = _scaled(number)
        mega = before.groupdict().get("mega")
        if mega:
            value *= 1e6
        scaled = _after_word_scale(text, end)
        if scaled:
            value, end = value * scaled[0], scaled[1]
        trailing = re.match(r"\s*(?:dollars?)\b", text[end:], re.I) if before["symbol"] else None
        if trailing:
            end += trailing.end()
        start = number.start - len(before.group())
        minus = re.search(r"(?:^|(?<=[\s(\[]))[-−]$", text[max(0, start - 2) : start])
        if minus and value > 0:  # '-$5 million': the sign before the symbol
            start, value = start - 1, -value
        return _amount(text, start, end, value, code, "money")
    value, end = _scaled(number)
    after = patterns["after"].match(text, end)
    if after and after.group().strip() and _currency_word_ok(text, number, after) and not _symbol_of_next(text, after):
        groups = after.groupdict()
        code = _code_of(after, context)
        if (
            groups.get("form")
            and _family_of_safe(groups["form"]) == "pound"
            and not groups.get("adj")
            and not _pounds_are_money(text, number, after, context)
        ):
            return None  # weight: '1,300 pounds of explosives'
        entry = currency_table()["words"].get(re.sub(r"\s+", " ", (groups.get("word") or "").lower()), "")
        if "*" in entry:  # a subunit written as a word of its own: 'satoshis'
            value *= float(entry.split("*")[1])
        if groups.get("mega"):
            value *= 1e6
        end = after.end()
        cents = re.match(r"\s*cents?\b", text[end:], re.I)
        if cents and not number.letter and code:  # '50 euro cents'
            return _amount(text, number.start, end + cents.end(), value * 0.01, code, "money")
        scale = _after_word_scale(text, end)  # '75 USD million'
        if scale:
            value, end = value * scale[0], scale[1]
        if code is None:
            code = (groups.get("form") or groups.get("symbol") or "").lower() or None
        return _amount(text, number.start, end, value, code, "money")
    if number.letter:
        return None
    minor = patterns["minor"].match(text, number.end)
    if minor and _minor_ok(text, number, minor):
        entry = currency_table()["minor"][minor["minor"].lower()]
        owner = entry["of"]
        code = owner if owner.isupper() else resolve_family(owner, None, context) or _cents_owner(owner, context)
        return _amount(text, number.start, minor.end(), number.value * entry["share"], code, "money")
    return None


def _currency_before(text: str, number: Number, window: int, context: Context) -> re.Match | None:
    """The currency written just before a number, starting at a word's beginning: the '$'
    of 'has $ 300 million' (not 'S$'), 'USD115', 'c $ 16.4' (Canadian); the 's' of
    "Apple's $3 trillion" or "it's $20" ends a word, it is no Singapore dollar; the article
    of 'a $3 billion deal' is no Australian one (that is written 'A$3 billion')."""
    pattern = _currency_patterns()["before"]
    for start in range(window, number.start):
        if start > 0 and text[start].isalpha() and (text[start - 1].isalpha() or _after_apostrophe(text, start)):
            continue
        found = pattern.fullmatch(text, start, number.start)
        if found and found.group().strip() and _code_case_ok(found) and not _word_before_symbol(found):
            return found
    return None


def _word_before_symbol(found: re.Match) -> bool:
    """'a $ 5': a word of its own, then the symbol, not a symbol's letters."""
    letters = re.match(r"([A-Za-z]+)\s+\$", found["symbol"] or "")
    return letters is not None and letters[1].lower() in FUNCTION_WORDS


def _after_apostrophe(text: str, start: int) -> bool:
    """An apostrophe inside a word ("Apple's", "it's"), not an opening quote."""
    return start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha()


def _code_case_ok(found: re.Match) -> bool:
    """Codes in capitals, or a few so common that lower-cased copy still means them
    ('usd 200', 'rmb 10'); 'Bob 3' and 'pen 7' are not money."""
    code = found.groupdict().get("code")
    return not code or code.isupper() or code.lower() in COMMON_CODES


def _family_of_safe(form: str) -> str:
    try:
        return _family_of(form)
    except StopIteration:
        return ""


def _after_word_scale(text: str, end: int) -> tuple[float, int] | None:
    found = re.match(r"\s*(million|billion|trillion|thousand|mn|bn)\b", text[end:], re.I)
    if not found:
        return None
    return SCALE_WORDS.get(found[1].lower(), SCALE_ABBREVIATIONS.get(found[1].lower(), 1)), end + found.end()


def _currency_word_ok(text: str, number: Number, after: re.Match) -> bool:
    word = (after["word"] or after["form"] or after["symbol"] or "").lower().strip()
    if after["code"]:
        return _code_case_ok(after)
    if _year_then_words(text, number, after):
        return False
    if word not in RISKY_WORDS:
        return True
    if after["word"] and not _nationality_before(after, number):
        return False  # 'in 2014 Federer won the title'
    return number.words is False and _nothing_nounlike_after(text, after.end())


def _nationality_before(after: re.Match, number: Number) -> bool:
    """Nothing, or a nationality ('South Korean', 'chinese'), between a number and a word
    that is also an ordinary word; a name ('Federer won') makes a sentence."""
    words = after.string[after.start() : after.start("word")].split()
    return not words or bool(re.fullmatch(ADJECTIVE_ENDINGS, words[-1]))


def _year_then_words(text: str, number: Number, after: re.Match) -> bool:
    """'in 2014 Adrian won', 'in 1998 Italian lire were': a year after a preposition of
    time, then words before the currency name, opens a sentence."""
    named = after.start("word") if after["word"] else after.start("form") if after["form"] else -1
    if named < 0 or not text[number.end : named].strip():
        return False
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", number.text)) and bool(
        re.search(
            r"\b(?:in|since|until|till|by|during|before|after)\s+$",
            text[max(0, number.start - 10) : number.start],
            re.I,
        )
    )


def _nothing_nounlike_after(text: str, end: int) -> bool:
    following = re.match(r"\s*([A-Za-z]+)", text[end:])
    return (
        following is None
        or following[1].lower() in FUNCTION_WORDS
        or following[1].lower() in ONES
        or bool(re.match(r"\s*[^\w\s]", text[end:]))
    )


def _minor_ok(text: str, number: Number, minor: re.Match) -> bool:
    word = minor["minor"].lower()
    if word == "p":  # '470p', not '5 p'
        return minor.start() == number.end and not number.words and _nothing_nounlike_after(text, minor.end())
    if word in RISKY_WORDS:
        return _nothing_nounlike_after(text, minor.end())
    return True


def _cents_owner(owner: str, context: Context) -> str | None:
    used = [(n, c) for c, n in context.codes.items() if c in currency_table()["cents_of"] and n]
    return max(used)[1] if used else ("USD" if owner == "dollar" else None)


def _pounds_are_money(text: str, number: Number, after: re.Match, context: Context) -> bool:
    """'361 million pounds' and '£' articles are money; '1,300 pounds of explosives' and
    'over two pounds' (no money nearby) are weight."""
    following = re.match(r"\s+(?:of|in)\s+(\w+)", text[after.end() :])
    if re.match(r"\s+sterling|\s+(?:and\s+)?\d+\s*(?:p|pence)\b", text[after.end() :], re.I):
        return True  # '1 pound 20 pence'
    if following and not MONEY_CUES.search(following[1]):
        return False
    if re.search(
        r"(?:million|billion|thousand|mn|bn)\s*$", text[number.start : after.start()] or "", re.I
    ) or re.search(r"(?:million|billion|thousand)", number.text, re.I):
        return True
    qualified = _qualified_noun(text, after)
    if qualified is not None:  # 'a twenty-pound bag', 'a 500-pound bomb'; 'a ten-pound note'
        return bool(MONEY_CUES.search(qualified) or DENOMINATIONS.fullmatch(qualified))
    if context.codes.get("GBP"):
        return True
    sentence_start = max(text.rfind(". ", 0, number.start), 0)
    return bool(MONEY_CUES.search(text[sentence_start : number.start]))


DENOMINATIONS = re.compile(r"(?:note|coin|bill|cheque|check|voucher)s?", re.I)


def _qualified_noun(text: str, after: re.Match) -> str | None:
    """The noun a singular 'pound' qualifies ('a twenty-pound bag'): the amount is an
    attribute, and that noun says whether it weighs or pays."""
    if not re.search(r"pound$", after.group(), re.I):
        return None
    following = re.match(r"\s+([a-z]+)\b", text[after.end() :])
    if following is None or following[1] in FUNCTION_WORDS or following[1] in ONES:
        return None
    return following[1]


@lru_cache(maxsize=1)
def _unit_pattern() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    loose, exact = [], []
    for name, entry in unit_table().items():
        for form in entry.get("forms", []):
            names[form.lower()] = name
            loose.append(form)
        for form in entry.get("exact", []):
            names[form] = name
            exact.append(form)

    def alternatives(forms: list[str]) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))

    tail = r"(?![\w²³-])"
    return (
        re.compile(rf"\s*-?\s*[(\[{{<]?(?P<unit>{alternatives(loose)}){tail}[)\]}}>]?", re.I),
        re.compile(rf"\s*-?\s*[(\[{{<]?(?P<unit>{alternatives(exact)}){tail}[)\]}}>]?"),
        names,
    )


def unit_name(form: str) -> str | None:
    names = _unit_pattern()[2]
    return names.get(form) or names.get(re.sub(r"\s+", " ", form.lower()))


DIMENSION_WORDS = r"\s*(?:long|wide|tall|high|thick|deep|across|in\s+diameter|screen|display|x\b|by\b)"
POWERS = re.compile(r"(?:\^?(?P<two>2|²)|\^?(?P<three>3|³)|\s+(?P<squared>squared)|\s+(?P<cubed>cubed))(?![\w^])")


def _measure(text: str, number: Number) -> Amount | None:
    loose, exact, names = _unit_pattern()
    start = number.end
    found = loose.match(text, start)
    strict = exact.match(text, start)
    if strict and (not found or strict.end() > found.end()):
        form = strict["unit"]
        if (
            form in ("in", '"', "'")
            and not re.match(DIMENSION_WORDS, text[strict.end() :])
            and not (form == "in" and re.match(r"\s*(?:[.,;:)]|$)", text[strict.end() :]))
        ):
            return None
        if number.words and len(form) == 1:
            return None
        found = strict
    if not found:
        return None
    name = names.get(found["unit"]) or names.get(re.sub(r"\s+", " ", found["unit"].lower()))
    if name is None:
        return None
    if (
        name == "pounds"
        and _pounds_are_money(text, number, found, read_context(""))
        and re.search(r"(?:million|billion)", text[number.start : found.end()], re.I)
    ):
        return None
    value, end = number.value, found.end()
    power = POWERS.match(text, end) if unit_table()[name]["kind"] == "length" else None
    if power:  # '4km^2', '4 km cubed'
        raised = ("square " if power["two"] or power["squared"] else "cubic ") + name
        if raised in unit_table():
            name, end = raised, power.end()
    per = _per(text, end, name)
    if per:  # '3.5 tonnes per hectare', '50 m/s', '12.4 million barrels a day'
        name, end = per
    if name == "feet":  # '5 feet 2 inches', '12 ft 2 in'
        inches = re.match(r"\s*(?:and\s+)?(\d+(?:\.\d+)?|[a-z]+)\s*(?:inches|inch|in)\b", text[end:], re.I)
        if inches:
            part = digits_value(inches[1]) if inches[1][0].isdigit() else words_value(inches[1])
            if part is not None:
                value, end = value + part / 12, end + inches.end()
    if number.letter and found.start("unit") != number.end:
        return None
    return _amount(text, number.start, end, value, name, "measure")


TIMES = r"second|sec|s|millisecond|ms|minute|min|hour|hr|h|day|week|month|year|yr|annum|capita|person|head"
PER = re.compile(
    r"(?:\s*/\s*|\s+per\s+|\s+an?\s+(?=(?:second|minute|hour|day|week|month|year)\b))"
    r"(?P<per>[A-Za-z]+(?:\s+[a-z]+)?)"
)


def _per(text: str, end: int, name: str) -> tuple[str, int] | None:
    found = PER.match(text, end)
    if not found or " per " in name:
        return None
    words = found["per"].split()
    for size in (2, 1):
        word = " ".join(words[:size])
        tail = found.start("per") + len(word)
        if len(words) < size or re.match(r"\w", text[tail : tail + 1]):
            continue
        if re.fullmatch(TIMES, word, re.I):
            return f"{name} per {_singular(word.lower())}", tail
        unit = unit_name(word)
        if unit and unit != name:
            return f"{name} per {_singular(unit)}", tail
    return None


def _singular(word: str) -> str:
    irregular = {
        "feet": "foot",
        "inches": "inch",
        "s": "second",
        "ms": "millisecond",
        "sec": "second",
        "min": "minute",
        "h": "hour",
        "hr": "hour",
        "yr": "year",
        "annum": "year",
    }
    if word in irregular:
        return irregular[word]
    return " ".join(w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in word.split())


def _share(text: str, number: Number) -> Amount | None:
    """'two-thirds of', 'nearly a third', 'a quarter of the vote': a fraction of a whole."""
    written = number.text.lower()
    if not (number.words and any(w in FRACTION_WORDS for w in re.split(r"[\s-]+", written))) and not (
        len(number.text) == 1 and number.text in VULGAR
    ):
        return None
    if number.value >= 1 or number.letter:
        return None
    previous = re.search(r"(\w+)\W*$", text[: number.start])
    if previous and previous[1].lower() in (
        "first",
        "second",
        "last",
        "latter",
        "former",
        "other",
        "next",
        "the",
        "this",
        "that",
        "each",
        "every",
        "third",
        "fourth",
    ):
        return None
    followed_by_of = re.match(r"\s+of\b", text[number.end :])
    qualified = qualifier_before(text, number.start) not in (None, "up", "down")
    counted = re.search(r"\b(?:two|three|four|five|six|seven|eight|nine)[\s-]+\w+s$", written)
    if not followed_by_of and not qualified and not counted:
        return None  # 'a third goal' is an ordinal; 'two-thirds backed the reform' is a share
    return _amount(text, number.start, number.end, number.value, None, "share")


def _compounds(text: str, amounts: list[Amount], numbers: list[Number]) -> list[Amount]:
    """'3 dollars 50 cents' 3.5, 'thirteen dollars and forty-five cents' 13.45,
    'fifteen dollars 50' 15.5, 'one kuai and five mao five' 1.55."""
    merged: list[Amount] = []
    for amount in amounts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "money"
            and amount.kind == "money"
            and re.fullmatch(r"\s*(?:and\s+)?", text[previous.end : amount.start])
            and _whole_units(previous)
            and amount.value < previous.value + 1
            and _is_minor(amount)
            and (previous.unit == amount.unit or amount.unit in (None, "USD"))
        ):
            merged[-1] = _amount(
                text, previous.start, amount.end, previous.value + amount.value, previous.unit, "money"
            )
            continue
        merged.append(amount)
    result = []
    for amount in merged:
        result.append(_bare_minor(text, amount, numbers) if amount.kind == "money" else amount)
    return result


def _is_minor(amount: Amount) -> bool:
    word = re.sub(r"^[\d\s.,a-z-]*?(?=[a-z¢]+$)", "", amount.text.lower()).strip()
    return word in currency_table()["minor"]


def _whole_units(amount: Amount) -> bool:
    return (
        amount.value == int(amount.value)
        and not re.search(r"\d[.,]\d|million|billion|thousand|[mbk]\b", amount.text, re.I)
        and not _is_minor(amount)
    )


def _bare_minor(text: str, amount: Amount, numbers: list[Number]) -> Amount:
    """A number under 100 straight after whole units of money, with nothing after it that
    makes it a count of its own: the cents ('15 dollars and 15', 'c $ 100 and fifty')."""
    if not _whole_units(amount) and not re.search(r"(?:mao|jiao)$", amount.text, re.I):
        return amount
    following = next((n for n in numbers if n.start >= amount.end), None)
    if following is None or following.letter or not re.fullmatch(r"\s*(?:and\s+)?", text[amount.end : following.start]):
        return amount
    if following.value != int(following.value) or not 0 < following.value < 100:
        return amount
    after = text[following.end :]
    if re.match(r"\s*[\w$€£¥%]", after) and not re.match(
        r"\s*(?:and|or|more|less|only|each|but|at|for|to|in)\b", after, re.I
    ):
        return amount
    if re.match(r"\s*[$€£¥%/.,]\d", after):
        return amount
    share = 0.1 if re.search(r"(?:mao|jiao)$", amount.text, re.I) else 0.01
    if share == 0.1 and following.value >= 10:
        return amount
    added = following.value * (share / 10 if share == 0.1 else share)
    return _amount(text, amount.start, following.end, amount.value + added, amount.unit, "money")


CHANGE = re.compile(
    r"\b(?:rose|fell|rises|falls|rising|falling|up|down|gained|lost|added|shed|jumped|dropped|slid|"
    r"climbed|declined|increased|decreased|grew|shrank|surged|plunged|tumbled|by)\s+$",
    re.I,
)
RANGE_JOIN = re.compile(r"-?\s*(?:to|-|–|—|and|or)\s*", re.I)


def _ranges(text: str, amounts: list[Amount], numbers: list[Number]) -> list[Amount]:
    """'$3 million to $5 million', '3 to 5 million dollars', 'between 10 and 12 percent',
    '10-12%': one amount from the lower end to the upper, with the upper's unit."""
    result: list[Amount] = []
    taken = {(a.start, a.end) for a in amounts}
    for amount in amounts:
        previous = result[-1] if result else None
        if previous is not None and CHANGE.search(text[max(0, previous.start - 20) : previous.start]):
            result.append(amount)  # 'fell 12 cents to A$4.35': a change, then a level
            continue
        if (
            previous is not None
            and previous.kind == amount.kind == "money"
            and previous.unit == amount.unit
            and previous.low is None
            and RANGE_JOIN.fullmatch(text[previous.end : amount.start])
            and (
                re.match(r"\s*-?\s*(?:to|-|–|—)", text[previous.end : amount.start])
                or re.search(r"\bbetween\s+$", text[: previous.start], re.I)
            )
        ):
            between = re.search(r"\bbetween\s+$", text[: previous.start], re.I)
            start = between.start() if between else previous.start
            result[-1] = replace(
                _amount(text, start, amount.end, amount.value, amount.unit, amount.kind),
                low=_low_end(previous, amount, numbers),
            )  # '$350 per kg to $680 per kg'
            continue
        low = next((n for n in reversed(numbers) if n.end <= amount.start), None)
        join = RANGE_JOIN.fullmatch(text[low.end : amount.start]) if low is not None else None
        if low is None or join is None or amount.kind == "share":
            result.append(amount)
            continue
        connector = join.group().strip().lower()
        between = re.search(r"\bbetween\s+$", text[: low.start], re.I)
        if connector in ("and", "or") and not between:
            result.append(amount)
            continue
        if result and result[-1].end > low.start:
            previous = result[-1]
            if previous.kind == amount.kind and previous.unit == amount.unit and previous.end == low.end:
                result[-1] = replace(
                    _amount(text, previous.start, amount.end, amount.value, amount.unit, amount.kind),
                    low=previous.value,
                )
            else:
                result.append(amount)
            continue
        if any(s <= low.start < e for s, e in taken) or low.letter or low.value < 1 and low.words or _glued(text, low):
            result.append(amount)
            continue
        value = low.value
        scale = _scale_of(amount, numbers)
        if (
            scale > 1
            and value * scale <= amount.value * 1.0001
            and not re.search(r"million|billion|thousand|trillion", low.text, re.I)
        ):
            value *= scale
        if amount.kind == "money" and value > amount.value:
            result.append(amount)
            continue
        start = between.start() if between else low.start
        result.append(replace(_amount(text, start, amount.end, amount.value, amount.unit, amount.kind), low=value))
    return result


def _symbol_of_next(text: str, after: re.Match) -> bool:
    """'10-$20', '1 $10 bills', '3 USD50 cards': a symbol or code apart from the number
    before and joined to the digits after is the next number's."""
    return (
        bool(after["symbol"] or after["code"])
        and text[after.end() : after.end() + 1].isdigit()
        and after.group()[:1] in (" ", "-")
    )


def _low_end(low: Amount, high: Amount, numbers: list[Number]) -> float:
    """'$5 to $10 million': the upper end's scale is the lower's too, when it has none."""
    scale = _scale_of(high, numbers)
    if (
        scale > 1
        and low.value * scale <= high.value * 1.0001
        and not re.search(r"thousand|million|billion|trillion|\d\s*(?:[kmbt]|mn|bn|tn)\b", low.text, re.I)
    ):
        return low.value * scale
    return low.value


def _scale_of(amount: Amount, numbers: list[Number]) -> float:
    number = next((n for n in numbers if amount.start <= n.start < amount.end), None)
    if number is None:
        return 1
    raw = words_value(number.text) if number.words else None
    digits = re.match(r"[\d.,]+", number.text)
    base = raw if raw is not None else (digits_value(digits.group()) if digits else None)
    if not base:
        return 1
    ratio = amount.value / base
    return ratio if ratio >= 100 else 1
