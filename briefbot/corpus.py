"""Articles: finding files, decoding them, and reading the metadata news files carry in many shapes.

An Article's `text` is what a reader of the file sees (`open(path).read()` for text and Markdown),
so every span into it can be checked against the file. Metadata lines are not body: `paragraphs`
holds the spans of the body only.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
# Files beside articles that describe a folder rather than report news.
_NOT_ARTICLES = re.compile(r"(readme|license|licence|copying|source|changelog|notice|synonyms)(\..*)?$", re.I)
_BINARY_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"BZh", b"\x7fELF")

Warn = Callable[[str], None]


class CorpusError(Exception):
    """The corpus cannot be used at all (nothing loadable)."""


@dataclass(frozen=True)
class Article:
    path: str  # the file as found under --corpus (what a citation names)
    source: str  # a stable id: the path, plus "#N" for the N-th record of a JSON file
    title: str | None
    outlet: str | None
    date: str | None  # ISO 8601 date
    url: str | None
    text: str
    paragraphs: tuple[tuple[int, int], ...] = field(repr=False)  # body spans into text

    @property
    def label(self) -> str:
        return self.title or Path(self.path).name

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class SourceFile:
    path: str
    data: bytes


# --- finding and decoding files ---------------------------------------------------------------

def shown(path: str | Path) -> str:
    """A path as it can be printed: a file name that is not valid UTF-8 gets U+FFFD for its bad bytes."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def find_files(paths: Iterable[str | Path], warn: Warn) -> list[Path]:
    """Article files under the given paths: folders recursively (hidden and non-article files left
    out), files as given. Symlink loops and dangling links are reported, not followed forever."""
    unique: dict[object, Path] = {}  # a file reached twice (links, overlapping paths) is read once
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found, st in _walk(path, warn):
                unique.setdefault((st.st_dev, st.st_ino), found)
        elif path.is_file():
            st = path.stat()
            unique.setdefault((st.st_dev, st.st_ino), path)
        elif path.exists():  # a pipe or a device would block or never end
            warn(f"{shown(given)}: not a regular file, skipped")
        else:
            warn(f"{shown(given)}: no such file or folder")
    return list(unique.values())


_ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES


def _walk(top: Path, warn: Warn) -> Iterator[tuple[Path, os.stat_result]]:
    """Article files under a folder with their status, one `stat` each (a large corpus has tens of
    thousands of files, and a warm start walks them all to check nothing changed)."""
    seen = {os.path.realpath(top)}  # each real folder once, however many links lead to it

    def unreadable(e: OSError) -> None:
        warn(f"{shown(e.filename)}: cannot read ({e.strerror}), skipped")
    for root, dirs, files in os.walk(top, followlinks=True, onerror=unreadable):
        here = os.path.realpath(root)
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            real = os.path.realpath(os.path.join(root, name))
            if here == real or here.startswith(real.rstrip(os.sep) + os.sep):  # a link to itself or an ancestor
                warn(f"{shown(Path(root, name))}: symlink loop, not followed")
            elif real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith(".") or _NOT_ARTICLES.match(name) \
                    or os.path.splitext(name)[1].lower() not in _ARTICLE_SUFFIXES:
                continue
            path = os.path.join(root, name)
            try:
                st = os.stat(path)  # through links
            except OSError:
                warn(f"{shown(path)}: dangling symlink, skipped")
                continue
            if stat.S_ISREG(st.st_mode):
                yield Path(path), st
            else:  # a pipe or a device would block or never end
                warn(f"{shown(path)}: not a regular file, skipped")


MAX_FILE_MB_VARIABLE = "BRIEFBOT_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 256  # news is kilobytes a story: a bigger file is a dump, an image or a sparse file


def max_file_bytes() -> int:
    """The largest article file read (every file is read whole): $BRIEFBOT_MAX_FILE_MB megabytes."""
    try:
        return int(float(os.environ.get(MAX_FILE_MB_VARIABLE, DEFAULT_MAX_FILE_MB)) * 1_000_000)
    except ValueError:
        return DEFAULT_MAX_FILE_MB * 1_000_000


def read_files(paths: list[Path], warn: Warn) -> list[SourceFile]:
    files = []
    limit = max_file_bytes()
    for path in paths:
        try:
            if (size := path.stat().st_size) > limit:
                warn(f"{shown(path)}: {size / 1e6:,.0f} MB, over the {limit / 1e6:,.0f} MB limit "
                     f"(${MAX_FILE_MB_VARIABLE}), skipped")
                continue
            files.append(SourceFile(str(path), path.read_bytes()))
        except OSError as e:
            warn(f"{shown(path)}: cannot read ({e.strerror or e}), skipped")
    return files


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, note): UTF-8 or UTF-16/32 by BOM, UTF-16 without BOM by its high bytes, else
    Windows-1252 with a note. None for binary data. Line ends become "\\n", as Python reads text."""
    if not data.strip():
        return None, "empty"
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _newlines(data.decode(codec, errors="replace")), None
    if data.startswith(_BINARY_MAGIC):
        return None, "binary"
    if 0 in data[:4096]:
        codec = _utf16_without_bom(data)
        if codec is None:
            return None, "binary"
        return _newlines(data.decode(codec, errors="replace")), "no byte-order mark; read as UTF-16"
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if not bad:
        return _newlines(text), None
    if len(_NON_ASCII.findall(text)) >= bad:  # real UTF-8 with a few broken bytes, not another encoding
        return _newlines(text), f"{bad} invalid UTF-8 byte sequence(s) shown as \ufffd"
    return _newlines(data.decode("cp1252", errors="replace")), "not UTF-8; read as Windows-1252"


_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_NOT_TEXT = {"Cc", "Cs", "Co", "Cn"}  # controls, surrogates, private use, unassigned


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec that reads `data` as text, if one does. In UTF-16 text of one script the
    high byte of each character takes one or two values (0 for ASCII, the script's block); in
    binary data it takes many, and decoding it gives control and unassigned characters."""
    sample = data[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        zeros = high.count(0)
        block = max((high.count(b) for b in set(high) - {0}), default=0)
        if zeros == 0 or zeros + block < 0.9 * len(high):
            continue
        chars = sample.decode(codec, errors="surrogatepass")[:-1]  # the sample may end mid-pair
        if all(c in "\t\n\r\f" or unicodedata.category(c) not in _NOT_TEXT for c in chars):
            return codec
    return None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- metadata ---------------------------------------------------------------------------------

_HEADER = re.compile(r"^(title|headline|date|published|source|outlet|publisher|url|link|author|byline)\s*:\s*(.*)$", re.I)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?$", re.I)
_DATELINE = re.compile(r"^([A-Z][\w.&' -]{1,40}?)\s?/\s+")  # "Shafaq News/ ..."
_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\(([A-Z][\w .&'-]{1,30})\)\s*[-\u2013\u2014:]\s+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+\u2022>]|\d+[.)]|#{1,6})\s+")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y",
                 "%A, %d %B %Y", "%A %d %B %Y", "%d.%m.%Y")
_TIME = re.compile(r"[ T,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm|AM|PM)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?$")


_LONGEST_DATE = 80  # "Wednesday, 5 February 2025 at 02:45 GMT" with room to spare


def parse_date(value: str) -> str | None:
    """An ISO date from the usual ways news writes one, or None."""
    if len(value) > _LONGEST_DATE:  # a paragraph, not a date: do not make strptime scan it
        return None
    value = _TIME.sub("", value.strip().rstrip("."))
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass
class _Meta:
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    def take(self, key: str, value: str) -> None:
        key = key.lower()
        value = value.strip()
        if not value:
            return
        if key in ("title", "headline"):
            self.title = self.title or value
        elif key in ("date", "published"):
            self.date = self.date or parse_date(value)
        elif key in ("source", "outlet", "publisher"):
            self.outlet = self.outlet or value
        elif key in ("url", "link"):
            self.url = self.url or value


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def parse_text_article(path: str, text: str) -> Article:
    """Read the metadata at the head and tail of a text or Markdown article; the rest is body."""
    meta = _Meta()
    lines = [(s, e) for s, e in _lines(text)]
    body = [(s, e) for s, e in lines if text[s:e].strip()]
    # Front matter or a header block of "Key: value" lines.
    if body and text[body[0][0]:body[0][1]].strip() == "---":
        closing = next((i for i, (s, e) in enumerate(body[1:], 1) if text[s:e].strip() == "---"), None)
        if closing:
            for s, e in body[1:closing]:
                if m := _HEADER.match(text[s:e].strip()):
                    meta.take(m.group(1), m.group(2))
            body = body[closing + 1:]
    while body and (m := _HEADER.match(text[body[0][0]:body[0][1]].strip())):
        meta.take(m.group(1), m.group(2))
        body = body[1:]
    # Headline: the first line, unless a header gave it; a repeat of it is not body either.
    if body and meta.title is None and len(body) > 1:
        meta.title = _LIST_MARK.sub("", text[body[0][0]:body[0][1]]).strip()
        body = body[1:]
    while body and meta.title and text[body[0][0]:body[0][1]].strip().lstrip("# ") == meta.title:
        body = body[1:]
    # A date line near the top.
    for i, (s, e) in enumerate(body[:3]):
        if date := parse_date(text[s:e]):
            meta.date = meta.date or date
            del body[i]
            break
    # A bare domain line at the end ("shafaq.com") names the site, not a sentence.
    if body and _DOMAIN.match(text[body[-1][0]:body[-1][1]].strip()):
        del body[-1]
    if body:
        s, e = body[0]
        if m := _DATELINE.match(text[s:e]) or _AGENCY_DATELINE.match(text[s:e]):
            meta.outlet = meta.outlet or m.group(1).strip()
            body[0] = (s + m.end(), e)
    paragraphs = tuple(p for p in (_strip_marks(text, s, e) for s, e in _join_wrapped(text, body)) if p[1] > p[0])
    return Article(path, path, meta.title, meta.outlet, meta.date, meta.url, text, paragraphs)


def _join_wrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of one hard-wrapped paragraph joined: a line that does not end a sentence and is
    followed, with no blank line between, by one that is not a list item or heading."""
    out: list[tuple[int, int]] = []
    for s, e in lines:
        if out:
            ps, pe = out[-1]
            prev = text[ps:pe].rstrip()
            if (text[pe:s].count("\n") == 1 and prev and prev[-1] not in ".!?:;\"'\u201d\u2019)]"
                    and not _LIST_MARK.match(text[s:e]) and not text[ps:pe].lstrip().startswith("#")):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if m := _LIST_MARK.match(text[start:end]):
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_TEXT_FIELDS = ("text", "body", "content", "article", "story")


def parse_json_articles(path: str, text: str, warn: Warn) -> list[Article]:
    """Articles from JSON Lines or a JSON list (or {"articles": [...]}) of objects with a text field."""
    records: list[object] = []
    if text.lstrip().startswith(("[", "{")):  # one document (even pretty-printed), else one a line
        try:
            data = json.loads(text)
            records = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else []
        except (ValueError, RecursionError):  # bad JSON, digits past int limits, deep nesting
            records = []
    if not records:
        bad = 0
        for line in text.split("\n"):  # not splitlines(): U+2028 may stand inside a JSON string
            if line.strip():
                try:
                    records.append(json.loads(line))
                except (ValueError, RecursionError):
                    bad += 1
        if bad:
            warn(f"{shown(path)}: {bad} line(s) not JSON, left out")
    articles = []
    for n, rec in enumerate(records):
        if not isinstance(rec, dict):
            continue
        body = next((rec[k] for k in _TEXT_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None)
        if body is None:
            continue
        body = _newlines(_whole_chars(body))
        meta = _Meta()
        for key, value in rec.items():
            if isinstance(value, str) and key.lower() not in _TEXT_FIELDS:
                meta.take(key, _whole_chars(value))
        paragraphs = tuple(p for p in (_strip_marks(body, s, e) for s, e in _lines(body)) if p[1] > p[0])
        articles.append(Article(path, f"{path}#{n}", meta.title, meta.outlet, meta.date, meta.url, body, paragraphs))
    return articles


def _whole_chars(text: str) -> str:
    """JSON may spell half a surrogate pair ("\\ud800"), which no file or terminal can take."""
    return _LONE_SURROGATE.sub("\ufffd", text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_file(file: SourceFile, warn: Warn) -> list[Article]:
    """The articles in one file; whatever is wrong with it is said in one warning line."""
    text, note = decode(file.data)
    if text is None:
        warn(f"{shown(file.path)}: {note}, skipped")
        return []
    notes = [note] if note else []
    if Path(file.path).suffix.lower() in JSON_SUFFIXES:
        articles = parse_json_articles(file.path, text, lambda line: notes.append(line.removeprefix(f"{shown(file.path)}: ")))
    else:
        articles = [parse_text_article(file.path, text)]
    articles = [a for a in articles if a.paragraphs or a.title]
    if not articles:
        warn(f"{shown(file.path)}: {'; '.join([*notes, 'no article text'])}, skipped")
    elif notes:
        warn(f"{shown(file.path)}: {'; '.join(notes)}")
    return articles
