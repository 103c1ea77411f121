"""Articles: finding files, decoding them, and reading the metadata news files carry in many shapes.

An Article's `text` is what a reader of the file sees (`open(path).read()` for text and Markdown),
so every span into it can be checked against the file. Metadata lines are not body: `paragraphs`
holds the spans of the body only.
"""
from __future__ import annotations

import codecs
import html
import json
import multiprocessing
import os
import re
import stat
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from briefbot import formats
from briefbot.text import LazyPattern
from briefbot.workers import cores, ignore_interrupt, start_method

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text"} | MARKDOWN_SUFFIXES
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
# Files beside articles that describe a folder rather than report news.
_NOT_ARTICLES = LazyPattern(r"(readme|license|licence|copying|source|changelog|notice|synonyms)(\..*)?$|world\.toml$",
                            re.I)
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
    # "file": citations count characters of the file; "extracted": of `text`, derived from the
    # file (a web page, feed, PDF, Word file or JSON record), which `briefbot sources --text N` prints.
    offsets: str = "file"
    # Markdown: `text` is the rendered text, and each (text offset, file offset, file line) starts a
    # run of characters that stand in the file as they do in `text` (markup lies between runs).
    runs: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)
    pages: tuple[int, ...] = field(default=(), repr=False)  # PDF: where each page starts in text
    line: int | None = None  # a JSON record: the line of the file it starts on

    @property
    def label(self) -> str:
        return self.title or Path(self.path).name

    def _run(self, offset: int, of: int = 0) -> tuple[int, int, int]:
        """The Markdown run an offset of the text (`of=0`) or of the file (`of=1`) falls in: runs
        ascend in both."""
        return self.runs[max(bisect_right(self.runs, offset, key=lambda r: r[of]) - 1, 0)]

    def line_of(self, offset: int) -> int:
        """The line of the file (of the extracted text for derived text) a character of `text` is on."""
        if self.line is not None:
            return self.line
        if self.runs:
            at, _, line = self._run(offset)
            return line + self.text.count("\n", at, offset)
        return self.text.count("\n", 0, offset) + 1

    def cited(self, start: int, end: int) -> tuple[int, int]:
        """A span of `text` as a citation gives it: in the file for Markdown (markup inside
        included), else as it is."""
        if not self.runs or end <= start:
            return start, end
        at, file_at, _ = self._run(start)
        last, file_last, _ = self._run(end - 1)
        return file_at + start - at, file_last + end - last

    def in_text(self, start: int, end: int) -> tuple[int, int]:
        """The span of `text` that a citation's span stands for (the inverse of `cited`)."""
        if not self.runs or end <= start:
            return start, end
        at, file_at, _ = self._run(start, of=1)
        last, file_last, _ = self._run(end - 1, of=1)
        return at + start - file_at, last + end - file_last

    def page_of(self, offset: int) -> int | None:
        """A PDF's page (from 1) a character of `text` is on; None for other files."""
        return bisect_right(self.pages, offset) if self.pages else None


@dataclass(frozen=True)
class SourceFile:
    path: str
    data: bytes


# --- finding and decoding files ---------------------------------------------------------------

def shown(path: str | Path) -> str:
    """A path as it can be printed: a file name that is not valid UTF-8 gets U+FFFD for its bad bytes."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def find_files(paths: Iterable[str | Path], warn: Warn, skipped: list[str] | None = None) -> list[Path]:
    """Article files under the given paths: folders recursively (hidden and non-article files left
    out; files of types briefbot does not read added to `skipped`), files as given. Symlink loops
    and dangling links are reported, not followed forever."""
    unique: dict[object, Path] = {}  # a file reached twice (links, overlapping paths) is read once
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found, st in _walk(path, warn, [] if skipped is None else skipped):
                unique.setdefault((st.st_dev, st.st_ino), found)
        elif path.is_file():
            st = path.stat()
            unique.setdefault((st.st_dev, st.st_ino), path)
        elif path.exists():  # a pipe or a device would block or never end
            warn(f"{shown(given)}: not a regular file, skipped")
        else:
            warn(f"{shown(given)}: no such file or folder")
    return list(unique.values())


ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | formats.EXTRACTED_SUFFIXES


def _walk(top: Path, warn: Warn, skipped: list[str]) -> Iterator[tuple[Path, os.stat_result]]:
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
            if name.startswith(".") or _NOT_ARTICLES.match(name):
                continue
            if os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                skipped.append(os.path.join(root, name))
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


def file_type(path: str) -> str:
    return os.path.splitext(path)[1].lower() or "(no extension)"


def skipped_line(skipped: list[str]) -> str:
    """One line on the files of types briefbot does not read: how many, and which types."""
    types = sorted({file_type(p) for p in skipped})
    return f"skipped {len(skipped)} file(s) of types it does not read: {', '.join(types)}"


def readable_types() -> str:
    return ", ".join(sorted(ARTICLE_SUFFIXES))


def over_limit(path: Path, size: int, warn: Warn) -> bool:
    """Whether a file is too big to read as an article (and say so)."""
    if size <= (limit := max_file_bytes()):
        return False
    warn(f"{shown(path)}: {size / 1e6:,.0f} MB, over the {limit / 1e6:,.0f} MB limit (${MAX_FILE_MB_VARIABLE}), skipped")
    return True


def read_files(paths: list[Path], warn: Warn) -> list[SourceFile]:
    files = []
    for path in paths:
        try:
            if over_limit(path, path.stat().st_size, warn):
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


_NON_ASCII = LazyPattern(r"[^\x00-\x7f\ufffd]")
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

_HEADER = LazyPattern(r"^(title|headline|date|published|source|outlet|publisher|url|link|author|byline)\s*:\s*(.*)$", re.I)
_DOMAIN = LazyPattern(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?$", re.I)
_DATELINE = LazyPattern(r"^([A-Z][\w.&' -]{1,40}?)\s?/\s+")  # "Shafaq News/ ..."
_AGENCY_DATELINE = LazyPattern(r"^[A-Z][A-Z .,'-]{1,40}\(([A-Z][\w .&'-]{1,30})\)\s*[-\u2013\u2014:]\s+")
_LIST_MARK = LazyPattern(r"^\s*(?:[-*+\u2022>]|\d+[.)]|#{1,6})\s+")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y",
                 "%A, %d %B %Y", "%A %d %B %Y", "%d.%m.%Y")
_TIME = LazyPattern(r"[ T,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm|AM|PM)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?$")


_LONGEST_DATE = 80  # "Wednesday, 5 February 2025 at 02:45 GMT" with room to spare


_NAME_DATE = LazyPattern(r"(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)")  # 2025-02-05 in a file name


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """An ISO date from the usual ways news writes one, or None. Remembered: a feed or a JSON
    Lines file gives the same few dates to thousands of records (strptime is 30 % of reading them)."""
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
            self.title = self.title or _named(value)
        elif key in ("date", "published"):
            self.date = self.date or parse_date(value)
        elif key in ("source", "outlet", "publisher"):
            self.outlet = self.outlet or _named(value)
        elif key in ("url", "link"):
            self.url = self.url or value


def _named(value: str) -> str:
    """A title or outlet as its reader reads it: the HTML entities a crawl left in it ("&#163;1.8m
    indecency fine") decoded. Only names: a body keeps what the file writes, as every citation
    of it is the file's characters."""
    return html.unescape(value) if "&" in value else value


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
                    meta.take(m.group(1), _unquoted(m.group(2)))
            body = body[closing + 1:]
    while body and (m := _HEADER.match(text[body[0][0]:body[0][1]].strip())):
        meta.take(m.group(1), m.group(2))
        body = body[1:]
    # Headline: the first line, unless a header gave it; a repeat of it is not body either.
    if body and meta.title is None and len(body) > 1:
        meta.title = _named(_LIST_MARK.sub("", text[body[0][0]:body[0][1]]).strip())
        body = body[1:]
    while body and meta.title and _named(text[body[0][0]:body[0][1]].strip().lstrip("# ")) == meta.title:
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
    paragraphs = [p for p in (_strip_marks(text, s, e) for s, e in _join_wrapped(text, body)) if p[1] > p[0]]
    paragraphs = paragraphs[:_readers_comments(text, paragraphs)]
    return Article(path, path, meta.title, meta.outlet, meta.date, meta.url, text, tuple(paragraphs))


# Readers' comments under an article: a page saved with its "Have your say" section (the BBC
# corpus's re-crawl kept them, without their names) ends in paragraphs that speak as a reader:
# "I", "you", "!" or "?" outside quotes and nobody reported as saying anything. They are no part
# of the report ("Veritas?" is a reader's question), as trafilatura leaves comments out of a web
# page. Told by paragraph, outside quotes: a reader's paragraph (+1), a reported one (a reporting
# verb or "Mr Name" without the reader's voice, or one opening a quote: -1), or neither (0).
_QUOTED = LazyPattern(r'"[^"]*"?|\u201c[^\u201d]*\u201d?')
_READER = LazyPattern(r"\b(?:I|I'm|I've|I'd|I'll|me|my|we|we're|we've|our|us|you|you're|your)\b|[!?]", re.I)
_REPORTING = LazyPattern(r"\b(?:said|says|told|tells|added|adds|according to|announced|argued|insisted|explained|"
                         r"warned|claimed|stated|admitted|revealed|reported|confirmed|denied|urged)\b", re.I)
_TITLED = LazyPattern(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord)\.? [A-Z]")
_OPENS_QUOTE = ('"', "\u201c", "'")
MIN_REPORT, MIN_COMMENTS = 4, 6  # paragraphs of report before the comments, and comments at least
MAX_PAGE = 1000  # paragraphs: a longer text is a book or a dump, not a page with its comments


def _voice(paragraph: str) -> int:
    """+1 a reader's comment, -1 a reported paragraph, 0 either (see above)."""
    if paragraph.startswith(_OPENS_QUOTE):
        return -1
    outside = _QUOTED.sub(" ", paragraph)
    if _READER.search(outside):
        return 0 if _REPORTING.search(outside) else 1
    return -1 if _REPORTING.search(outside) or _TITLED.search(outside) else 0


def _readers_comments(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """Where the readers' comments at the end of an article start (len(paragraphs) if none): the
    split that leaves fewest readers' paragraphs in the report and fewest others among the
    comments, taken only where it is plain: a report of at least MIN_REPORT paragraphs, at most a
    third of them in a reader's voice and none of its last three, then at least MIN_COMMENTS
    paragraphs, three in five a reader's, at most one in ten reported, the first a reader's. A
    column or an interview told in the first person all through has no such split."""
    n = len(paragraphs)
    if not MIN_REPORT + MIN_COMMENTS <= n <= MAX_PAGE:
        return n
    voices = [_voice(text[s:e]) for s, e in paragraphs]
    # misfits(k): readers' paragraphs before k, others from k on (a neutral one counts half)
    readers_before = list(accumulate((v == 1 for v in voices), initial=0))
    others_after = list(accumulate((1 if v == -1 else 0.5 * (v == 0) for v in reversed(voices)), initial=0))[::-1]
    k = min(range(MIN_REPORT, n - MIN_COMMENTS + 1), key=lambda k: readers_before[k] + others_after[k])
    report, comments = voices[:k], voices[k:]
    if (voices[k] == 1 and report.count(1) <= len(report) / 3 and 1 not in report[-3:]
            and comments.count(1) >= 0.6 * len(comments) and comments.count(-1) <= 0.1 * len(comments)):
        return k
    return n


def _unquoted(value: str) -> str:
    """A YAML front-matter value without the quotes around it."""
    value = value.strip()
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value


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
    """Articles from JSON Lines or a JSON list (or {"articles": [...]}) of objects with a text field,
    each with the line of the file its record starts on."""
    bad: list[int] = []
    records = _json_document(text) if _OPENS_JSON.match(text) else []
    shared: dict[str, str] = {}  # one string for an outlet a million records repeat
    articles = [article for n, (rec, line) in enumerate(records or _json_lines(text, bad))
                if (article := _json_article(path, n, rec, line, shared)) is not None]
    if bad:
        shown_lines = ", ".join(map(str, bad[:10])) + (", …" if len(bad) > 10 else "")
        warn(f"{shown(path)}: {len(bad)} line(s) not JSON ({'line' if len(bad) == 1 else 'lines'} "
             f"{shown_lines}), left out")
    return articles


_OPENS_JSON = LazyPattern(r"\s*[\[{]")


def _json_lines(text: str, bad: list[int]) -> Iterator[tuple[object, int]]:
    """The records of JSON Lines with their line numbers, one at a time: a million records are
    never all held as dicts (nor their lines as strings) at once. Lines that are not JSON go to `bad`."""
    at = 0
    for number in range(1, text.count("\n") + 2):  # "\n" only: U+2028 may stand inside a JSON string
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        at = end + 1
        if line.strip():
            try:
                yield json.loads(line), number
            except (ValueError, RecursionError):
                bad.append(number)


def _json_article(path: str, n: int, rec: object, line: int, shared: dict[str, str]) -> Article | None:
    """The article of the n-th record, if it is an object with a text field."""
    if not isinstance(rec, dict):
        return None
    body = next((rec[k] for k in _TEXT_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None)
    if body is None:
        return None
    body = _newlines(_whole_chars(body))
    meta = _Meta()
    for key, value in rec.items():
        if isinstance(value, str) and key.lower() not in _TEXT_FIELDS:
            meta.take(key, _whole_chars(value))
    outlet = shared.setdefault(meta.outlet, meta.outlet) if meta.outlet else None
    paragraphs = tuple(p for p in (_strip_marks(body, s, e) for s, e in _lines(body)) if p[1] > p[0])
    return Article(path, f"{path}#{n}", meta.title, outlet, meta.date, meta.url, body, paragraphs,
                   offsets="extracted", line=line)


def _json_document(text: str) -> list[tuple[object, int]]:
    """The records of one JSON document (even pretty-printed) with the line each starts on; none
    if it is not one document."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # bad JSON, digits past int limits, deep nesting
        return []
    records = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else []
    if not isinstance(records, list):
        return []
    first = text.find("[", text.find('"articles"')) if isinstance(data, dict) and "articles" in data else \
        text.find("[") if isinstance(data, list) else -1
    if first < 0:
        return [(r, text.count("\n", 0, len(text) - len(text.lstrip())) + 1) for r in records]
    decoder, at, lines = json.JSONDecoder(), first + 1, []
    try:
        for _ in records:  # where each element starts
            while text[at] in " \t\n\r,":
                at += 1
            lines.append(text.count("\n", 0, at) + 1)
            at = decoder.raw_decode(text, at)[1]
    except (ValueError, IndexError):  # "articles" written inside a string before the key: lines unknown
        lines = [1] * len(records)
    return list(zip(records, lines))


def _whole_chars(text: str) -> str:
    """JSON may spell half a surrogate pair ("\\ud800"), which no file or terminal can take."""
    return _LONE_SURROGATE.sub("\ufffd", text)


_LONE_SURROGATE = LazyPattern("[\ud800-\udfff]")


PARALLEL_FROM = 16  # web pages, feeds, PDFs or Word files from which every core extracts them (≈0.1 s a page)


def parse_files(files: list[SourceFile], warn: Warn) -> list[Article]:
    """The articles of all the files, in order; on every core when many need extracting. Each
    file's warnings are said in order, as if read one by one."""
    extracted = sum(Path(f.path).suffix.lower() in formats.EXTRACTED_SUFFIXES for f in files)
    workers = cores() if extracted >= PARALLEL_FROM else 1
    if workers <= 1:
        return [a for f in files for a in parse_file(f, warn)]
    articles = []
    with multiprocessing.get_context(start_method()).Pool(workers, ignore_interrupt) as pool:
        for found, warnings in pool.imap(_parse_in_worker, files, chunksize=4):
            for line in warnings:
                warn(line)
            articles.extend(found)
    return articles


def _parse_in_worker(file: SourceFile) -> tuple[list[Article], list[str]]:
    warnings: list[str] = []
    return parse_file(file, warnings.append), warnings


def parse_file(file: SourceFile, warn: Warn) -> list[Article]:
    """The articles in one file; whatever is wrong with it is said in one warning line."""
    notes: list[str] = []

    def note(line: str) -> None:
        notes.append(line.removeprefix(f"{shown(file.path)}: "))
    try:
        articles = [a for a in _parse(file, note) if a.paragraphs or a.title]
        if not articles:
            notes.append("no article text")
    except formats.Unreadable as e:
        articles = []
        notes.append(str(e))
    if not articles:
        warn(f"{shown(file.path)}: {'; '.join(notes)}, skipped")
    elif notes:
        warn(f"{shown(file.path)}: {'; '.join(notes)}")
    return articles


def _parse(file: SourceFile, note: Warn) -> list[Article]:
    """The file's articles, each without a date of its own dated by the file's name."""
    day = _name_date(file.path)
    return [replace(a, date=day) if a.date is None and day else a for a in _read(file, note)]


def _name_date(path: str) -> str | None:
    """A date the file's name writes, as archives and downloads write one ("shafaq-2025-02-05-coalition.txt")."""
    m = _NAME_DATE.search(Path(path).name)
    return parse_date(m.group()) if m else None


def _read(file: SourceFile, note: Warn) -> list[Article]:
    suffix = Path(file.path).suffix.lower()
    kind = _sniffed(file.data) if suffix in TEXT_SUFFIXES else suffix
    if kind in formats.HTML_SUFFIXES:
        return [formats.html_article(file.path, file.data)]
    if kind in formats.FEED_SUFFIXES:
        return formats.feed_articles(file.path, file.data, note)
    if kind in formats.PDF_SUFFIXES:
        return [formats.pdf_article(file.path, file.data, note)]
    if kind in formats.WORD_SUFFIXES:
        return [formats.word_article(file.path, file.data)]
    text, problem = decode(file.data)
    if text is None:
        raise formats.Unreadable(problem or "unreadable")
    if problem:
        note(problem)
    if suffix in JSON_SUFFIXES:
        return parse_json_articles(file.path, text, note)
    article = parse_text_article(file.path, text)
    return [markdown_article(article) if suffix in MARKDOWN_SUFFIXES else article]


_MARKUP_START = LazyPattern(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(!doctype html|html|rss|feed|rdf:rdf)\b",
                            re.I | re.S)


def _sniffed(data: bytes) -> str:
    """What a text file really holds: a web page or a feed saved under a text name is read as one."""
    m = _MARKUP_START.match(data.removeprefix(codecs.BOM_UTF8)[:4096])
    if not m:
        return ".txt"
    return ".html" if m.group(1).lower() in (b"!doctype html", b"html") else ".rss"


def markdown_article(article: Article) -> Article:
    """A Markdown article with its body (and title) as rendered: emphasis, links and images as
    their text. Citations still count the file's characters, through `runs`."""
    text, paragraphs, runs = formats.render_markdown(article.text, list(article.paragraphs))
    title = formats.render_markdown(article.title, [(0, len(article.title))])[0] if article.title else None
    return replace(article, title=title or article.title, text=text, paragraphs=tuple(paragraphs), runs=runs)
