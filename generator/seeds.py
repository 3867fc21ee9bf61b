"""Reading seeds: a file in, a validated `Seed` out, or a `SeedError` that names
the file, the line and what to do about it."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from pathlib import Path

from .model import Seed

HEADER_KEYS = ("date", "title", "source", "url", "author", "tags")
HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z]+)\s*:?\s*(?P<value>.*?)\s*$")
SEED_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIXES = (".yml", ".yaml")
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
# Bounds the time and memory one seed can take: a news article is tens of kB.
MAX_SEED_BYTES = 512 * 1024
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP or Word/ODF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"{\\rtf": "RTF document",
    b"\xd0\xcf\x11\xe0": "old Word/Excel document",
}
CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\x0c")
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A UTF-8 lead byte then continuation bytes, as cp1252 shows them: 'Ã©' was 'é', 'Å¡' was 'š',
# 'â€™' was '’'. Only the leads of those: 'STRAßE“' and 'CAFÉ…' are what they say.
DOUBLE_ENCODED = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]{1,3}"
)
# Read as cp1252, other code pages' letters make what no Latin-1 language writes: five accented
# letters in a row (Cyrillic, Greek), a capital Ž or Ÿ after a small letter or a dagger or
# modifier accent inside a word (Mac Roman's é, ü, á: 'cafŽ', 'ZŸrich').
MAC_MARKS = "\u02c6\u02dc\u2020\u2021\u2022\u2030"  # ˆ ˜ † ‡ • ‰
WRONG_CODE_PAGE = re.compile(
    f"[\u00c0-\u00ff]{{5,}}|[a-z][\u0152\u0160\u0178\u017d]|[A-Za-z][{MAC_MARKS}]|[{MAC_MARKS}][a-z]"
)
# Invisible characters that copy-paste leaves in a header line and that would hide its key.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)


def shown(path: str | Path) -> str:
    """A file name as a message prints it: a newline or control character in a name is
    escaped, so that no name can break or forge a line of output."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(path))


class SeedError(Exception):
    """A seed that cannot be read; str() is the one-line message a person sees."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path, self.line, self.message = str(path), line, message
        where = f"{shown(self.path)}:{line}" if line else shown(self.path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # crosses process boundaries in parallel builds
        return (SeedError, (self.path, self.message, self.line))


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM, or plain ASCII text in it)
    and UTF-32 with a BOM; otherwise cp1252, a superset of Latin-1's printable
    characters, for text that holds no valid UTF-8 sequence at all. What would be
    published as mojibake is refused with its line instead: a file that mixes valid
    UTF-8 with stray bytes, UTF-8 that was read as cp1252 and saved again ('CafÃ©'),
    text of another code page read as cp1252 ('Ïðåçèäåíò')."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _checked(_decode_utf16(data, "utf-32", path), path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(data, "utf-16", path), path)
    elif _looks_utf16(data):
        return _checked(_decode_utf16(data, "utf-16-le" if data[1] == 0 else "utf-16-be", path), path)
    _refuse_binary(data, path)
    encoding = "utf-8" if UTF8_SEQUENCE.search(data) or data.isascii() else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SeedError(
            path,
            f"undecodable byte 0x{data[error.start]:02x} at offset {error.start} (read as "
            f"{encoding}); save the file as UTF-8",
            data.count(b"\n", 0, error.start) + 1,
        ) from None
    return _checked(text, path, code_page=encoding == "cp1252")


def _checked(text: str, path: str | Path, code_page: bool = False) -> str:
    """The decoded text, unless it holds what no article does: a NUL or other control
    character, UTF-8 read as cp1252 and saved again, or (read as cp1252) runs of accented
    letters that are another code page's words."""
    for pattern, problem in (
        (CONTROL_CHARACTER, "a control character ({found!r})"),
        (DOUBLE_ENCODED, "UTF-8 that was read as cp1252/Latin-1 and saved again ({found!r})"),
        *([(WRONG_CODE_PAGE, "not cp1252/Latin-1 text ({found!r} is no word)")] * code_page),
    ):
        match = pattern.search(text)
        if match and (pattern is not DOUBLE_ENCODED or _utf8_in_cp1252(match.group())):
            found = match.group()
            raise SeedError(
                path,
                problem.format(found=found) + "; save the article as UTF-8 text from its source",
                text.count("\n", 0, match.start()) + 1,
            )
    return text


def _utf8_in_cp1252(text: str) -> bool:
    try:
        return text.encode("cp1252").decode("utf-8") != text
    except UnicodeError:
        return False


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # A few NULs in the other half: characters such as U+4E00 ('一'), whose low byte is 0.
    return max(even, odd) > 0.6 * len(sample) / 2 and min(even, odd) <= max(even, odd) // 20


def _decode_utf16(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SeedError(path, f"broken UTF-16 at offset {error.start}; save the file as UTF-8") from None


def _refuse_binary(data: bytes, path: str | Path) -> None:
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise SeedError(
                path, f"binary file ({kind}): a seed is a text file; paste the article's text into a .txt file"
            )
    sample = data[:65536]
    controls = sum(sample.count(bytes([c])) for c in CONTROL_BYTES)
    if b"\x00" in sample or controls > max(8, len(sample) // 100):
        raise SeedError(
            path, "binary file (control bytes): a seed is a text file; paste the article's text into a .txt file"
        )


def parse_date(text: str, path: str | Path, line: int) -> dt.date:
    text = text.strip()
    try:
        iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?", text)
        if iso:
            return dt.date(*map(int, iso.groups()))
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
        named_month = MONTHS.get((words.group(2) or words.group(3)).lower())
        if named_month is None:
            raise ValueError("unknown month name")
        return dt.date(int(words.group(5)), named_month, day)
    raise ValueError("unknown format")


def parse_seed(text: str, path: str | Path) -> Seed:
    lines = text.split("\n")
    header: dict[str, str] = {}
    number = 0
    for number, raw in enumerate(lines, start=1):
        raw = raw.translate(INVISIBLE)
        if not raw.strip():
            if header:
                break
            continue
        match = HEADER_LINE.match(raw)
        key = match.group("key").lower() if match else ""
        if match is None or key not in HEADER_KEYS:
            if not header:
                raise SeedError(
                    path,
                    "no header: the file must start with a line 'date YYYY-MM-DD', "
                    "then optional title/source/url/author/tags lines, then a blank line",
                    number,
                )
            raise SeedError(
                path,
                f"header line {raw.strip()[:40]!r} is not 'key value' with a key of "
                f"{', '.join(HEADER_KEYS)}; end the header with a blank line",
                number,
            )
        if key in header:
            raise SeedError(path, f"header key {key!r} given twice", number)
        header[key] = match.group("value")
        if key == "date":
            date_line = number
    else:
        number += 1
    if "date" not in header:
        raise SeedError(path, "the header has no 'date YYYY-MM-DD' line; add one as the first line", 1)
    published = parse_date(header["date"], path, date_line)
    body = "\n".join(lines[number:])
    if not body.translate(INVISIBLE).strip():
        raise SeedError(path, "the body is empty: put the article after the header's blank line", number + 1)
    name = Path(path).stem
    tags = tuple(t.strip() for t in re.split(r"[,;]", header.get("tags", "")) if t.strip())
    return Seed(
        name=name,
        path=str(path),
        published=published,
        body=body,
        body_line=number + 1,
        title=header.get("title") or None,
        source=header.get("source") or None,
        url=header.get("url") or None,
        author=header.get("author") or None,
        tags=tags,
    )


def read_seed(path: str | Path) -> Seed:
    return seed_from_bytes(read_bytes(path), path)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, refusing an oversized one before reading it."""
    size = Path(path).stat().st_size
    if size > MAX_SEED_BYTES:
        raise SeedError(
            path,
            f"the file is {size / 2**20:.1f} MB; seeds over {MAX_SEED_BYTES // 1024} kB are "
            "refused: split it into articles or keep only the article's text",
        )
    return Path(path).read_bytes()


def seed_from_bytes(data: bytes, path: str | Path) -> Seed:
    if not data.strip():
        raise SeedError(path, "the file is empty: write a 'date YYYY-MM-DD' line, a blank line, then the article")
    text = decode(data, path)
    return parse_seed(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def is_seed(path: Path) -> bool:
    return (
        path.suffix.lower() in SEED_SUFFIXES
        and path.name.upper() != "SOURCES.MD"
        and not path.name.startswith(".")
        and why_not_read(path) is None
    )


def why_not_read(path: Path) -> str | None:
    """Why an entry of the seeds folder is not read as a file, or None: only regular files
    inside the folder are (a link out of it could publish any file of the machine)."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "a link to nothing"
        if path.parent.resolve() not in target.parents:
            return f"a link to a file outside {path.parent.name}/; copy the file into the folder instead"
    if path.is_dir():
        return "a folder (seeds are read from the top of the folder only)"
    if not path.is_file():
        return "not a regular file (a pipe, socket or device)"
    return None


def list_seeds(folder: str | Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if is_seed(p))


def list_ignored(folder: str | Path) -> list[tuple[Path, str]]:
    """Entries of the seeds folder that are neither seeds, sidecars nor the credits, with why."""
    ignored = []
    for path in sorted(Path(folder).iterdir()):
        if path.name.startswith(".") or is_seed(path) or path.name.upper() == "SOURCES.MD":
            continue
        reason = why_not_read(path)
        if reason is None and path.suffix.lower() in SIDECAR_SUFFIXES:
            continue
        ignored.append((path, reason or "not a seed (.txt or .md)"))
    return ignored


class SeedRegistry:
    """One briefing per article text and per page path: the first seed (by name) wins,
    and each later one gets a message saying which seed it collides with."""

    def __init__(self) -> None:
        self.bodies: dict[str, str] = {}
        self.pages: dict[str, str] = {}

    def claim(self, path: Path, body: str, page: str) -> str | None:
        digest = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()
        if digest in self.bodies:
            return (
                f"{shown(path)}: same text as {shown(self.bodies[digest])}, so only that one is built; "
                "delete one of the two seeds"
            )
        if page in self.pages:
            return (
                f"{shown(path)}: its page {page} is already made from {shown(self.pages[page])}; "
                "rename one of the two seeds"
            )
        self.bodies[digest] = self.pages[page] = Path(path).name
        return None
