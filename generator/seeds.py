"""Reading seeds: a file in, a validated `Seed` out, or a `SeedError` that names
the file, the line and what to do about it."""
from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path

from .model import Seed

HEADER_KEYS = ("date", "title", "source", "url", "author", "tags")
HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z]+)\s*:?\s*(?P<value>.*?)\s*$")
SEED_SUFFIXES = (".txt", ".md")
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9


class SeedError(Exception):
    """A seed that cannot be read; str() is the one-line message a person sees."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 (with or without BOM) and UTF-16 with a BOM; otherwise cp1252 for
    text that is clearly not UTF-8 but holds no control bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise SeedError(path, "binary file (NUL bytes): a seed is a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, error.start) + 1
            raise SeedError(path, f"undecodable byte 0x{data[error.start]:02x} at offset {error.start}; "
                                  "save the file as UTF-8", line) from None


def parse_date(text: str, path: str | Path, line: int) -> dt.date:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = map(int, text.split("-"))
            return dt.date(year, month, day)
        return _parse_other_date(text)
    except ValueError as error:
        raise SeedError(path, f"date {text!r} is not a date ({error}); write it as YYYY-MM-DD", line) from None


def _parse_other_date(text: str) -> dt.date:
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if numeric:
        first, second, year = map(int, numeric.groups())
        if first <= 12 and second <= 12 and first != second:
            raise ValueError("day and month are ambiguous")
        day, month = (first, second) if first > 12 else (second, first)
        return dt.date(year, month, day)
    words = re.fullmatch(r"(?:(\d{1,2}) ([A-Za-z]+)\.?|([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?),? (\d{4})", text)
    if words:
        day = int(words.group(1) or words.group(4))
        month = MONTHS.get((words.group(2) or words.group(3)).lower())
        if month is None:
            raise ValueError("unknown month name")
        return dt.date(int(words.group(5)), month, day)
    raise ValueError("unknown format")


def parse_seed(text: str, path: str | Path) -> Seed:
    lines = text.split("\n")
    header: dict[str, str] = {}
    number = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            if header:
                break
            continue
        match = HEADER_LINE.match(raw)
        key = match.group("key").lower() if match else ""
        if key not in HEADER_KEYS:
            if not header:
                raise SeedError(path, "no header: the file must start with a line 'date YYYY-MM-DD', "
                                      "then optional title/source/url/author/tags lines, then a blank line", number)
            raise SeedError(path, f"header line {raw.strip()[:40]!r} is not 'key value' with a key of "
                                  f"{', '.join(HEADER_KEYS)}; end the header with a blank line", number)
        if key in header:
            raise SeedError(path, f"header key {key!r} given twice", number)
        header[key] = match.group("value")
        if key == "date":
            date_line = number
    else:
        number += 1
    if "date" not in header:
        raise SeedError(path, "the header has no 'date YYYY-MM-DD' line", 1)
    published = parse_date(header["date"], path, date_line)
    body = "\n".join(lines[number:])
    if not body.strip():
        raise SeedError(path, "the body is empty: put the article after the header's blank line", number + 1)
    name = Path(path).stem
    tags = tuple(t.strip() for t in re.split(r"[,;]", header.get("tags", "")) if t.strip())
    return Seed(name=name, path=str(path), published=published, body=body, body_line=number + 1,
                title=header.get("title") or None, source=header.get("source") or None,
                url=header.get("url") or None, author=header.get("author") or None, tags=tags)


def read_seed(path: str | Path) -> Seed:
    text = decode(Path(path).read_bytes(), path)
    return parse_seed(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def list_seeds(folder: str | Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir()
                  if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and p.name.upper() != "SOURCES.MD"
                  and not p.name.startswith("."))
