"""Articles from files that are not plain text: web pages, feeds, PDFs, Word files, and Markdown
rendered. One function a format, each using the library made for it (imported when first needed).

A web page, feed, PDF or Word file has no characters a sentence could be a slice of: its Article's
`text` is the text extracted from it (`offsets="extracted"`) and citations count into that. Markdown
keeps citations in the file: sentences are found in the rendered text, and `Article.runs` maps
them back to the file's characters.
"""
from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from itertools import accumulate
from typing import TYPE_CHECKING

from briefbot.text import LazyPattern, fold

if TYPE_CHECKING:
    from briefbot.corpus import Article

Warn = Callable[[str], None]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
PDF_SUFFIXES = {".pdf"}
WORD_SUFFIXES = {".docx"}
EXTRACTED_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES

MAX_HTML_BYTES = 20_000_000  # trafilatura's own limit: a bigger "page" is not an article
MAX_FEED_ITEMS = 2000
_ITEM_END = LazyPattern(rb"</(?:[\w-]+:)?(?:item|entry)\s*>", re.I)
_ITEM_START = LazyPattern(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]", re.I)
MAX_PDF_PAGES = 2000


class Unreadable(ValueError):
    """The file is of its type but holds no article (the message says why)."""


def _quiet(*names: str) -> None:
    """The libraries log their doubts about pages; briefbot says what matters in its own warnings.
    (logging is imported here, by the readers of pages that call it: a warm question pays ≈3 ms
    for it otherwise.)"""
    import logging
    for name in names:
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def _lines_article(path: str, source: str, paragraphs: list[str], title: str | None, outlet: str | None,
                   day: str | None, url: str | None, pages: tuple[int, ...] = ()) -> Article:
    """An Article whose text is its paragraphs, one a line."""
    from briefbot.corpus import Article
    spans, at = [], 0
    for p in paragraphs:
        spans.append((at, at + len(p)))
        at += len(p) + 1
    return Article(path, source, title or None, outlet or None, day, url or None, "\n".join(paragraphs),
                   tuple(spans), offsets="extracted", pages=pages)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# What a page says to its reader rather than reports: a call to subscribe, sign up, download the app
# or write in, a copyright notice. Only a short paragraph that also speaks to the reader (you, our,
# please, an exclamation, or opens with the call itself) and quotes no one is dropped: "Netflix
# gained two million subscribers" is news.
_CALL = LazyPattern(r"\b(?:subscri\w*|sign up|log in|newsletter|download (?:the|our)\b.*\bapps?|letter to the "
                    r"editor|advertis\w* with|copyright\w*|all rights reserved|written permission|reprint\w*)\b|\u00a9",
                    re.I)
_TO_READER = LazyPattern(r"\b(?:you|your|you're|our|us|please)\b|!|\u00a9|^(?:get|subscribe|sign up|download|for the "
                         r"latest)\b", re.I)
_MIXED_SCRIPT = LazyPattern(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+")  # "Yоur" with a Cyrillic о: spam
# A link to another story, under the label a page puts before it: "Read: Two disasters are…", "MORE: …".
_ELSEWHERE = LazyPattern(r"(?:read|more|read more|related|see also|also read|watch|listen)\s*:", re.I)


def _reported(paragraphs: list[str]) -> list[str]:
    """The paragraphs that report, without the page's words to its reader, links to other
    stories and homoglyph spam."""
    return [p for p in paragraphs
            if not (len(p) < 500 and _CALL.search(p) and _TO_READER.search(p) and not re.search('["\u201c]', p))
            and not (len(p) < 300 and _ELSEWHERE.match(p)) and len(_MIXED_SCRIPT.findall(p)) < 3]


# --- web pages --------------------------------------------------------------------------------

def html_article(path: str, data: bytes) -> Article:
    """The article of a saved web page: trafilatura's main text (no navigation, ads or comments)
    without its headings, and the page's own metadata (title, date by htmldate, site name,
    canonical URL). A heading is a section's, a gallery's or another story's title, not a sentence
    of the report, as the page's own title is not ("Europe starts to ease itself out of
    Coronavirus lockdown", a gallery's, answered "when does the quarantine start")."""
    if len(data) > MAX_HTML_BYTES:
        raise Unreadable(f"{len(data) // 1_000_000} MB is too large for a web page")
    import trafilatura
    _quiet("trafilatura", "htmldate", "courlan", "justext")
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True,
                                      deduplicate=False)
    if doc is None or not doc.text:
        raise Unreadable("no article text found in the page")
    title = _bare_title(doc.title, doc.sitename)
    headings = set(_paragraphs("\n".join("".join(h.itertext()) for h in doc.body.iter("head"))))
    paragraphs = [p for p in _reported(_paragraphs(doc.text)) if p not in headings]
    while paragraphs and title and fold(paragraphs[0]) == fold(title):  # the headline again, above the story
        paragraphs.pop(0)
    return _lines_article(path, path, paragraphs, title, _site_name(doc.sitename, data), doc.date,
                          doc.url or saved_url(data))


def _site_name(site: str | None, data: bytes) -> str | None:
    """The site's name. trafilatura makes one from the domain when a page declares none
    ("Timesofisrael", "nationnews.com"); the name the page's <title> ends with, if it spells the
    same letters, is better ("… | The Times of Israel")."""
    if not site or " " in site:
        return site
    import lxml.html
    from lxml import etree
    try:
        written = lxml.html.fromstring(data).findtext(".//title") or ""
    except (ValueError, etree.ParserError):
        return site
    squeezed = site.lower().removeprefix("www.").split(".")[0]
    for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
        tail = written.rpartition(sep)[2].strip()
        if sep in written and "".join(c for c in tail.lower() if c.isalnum()).endswith(squeezed):
            return tail
    return site


_SAVED_FROM = LazyPattern(rb"\A\s*<!-- saved from url=\(\d{4}\)(\S+?) -->")


def saved_url(data: bytes) -> str | None:
    """The URL a page was saved from, where briefbot (or a browser's "Save page") wrote it."""
    m = _SAVED_FROM.match(data[:4096])
    return m.group(1).decode("utf-8", errors="replace") if m else None


def _bare_title(title: str | None, site: str | None) -> str | None:
    """The headline without the site's name many pages append ("… | The Japan Times")."""
    if title and site:
        for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
            head, _, tail = title.rpartition(sep)
            if head and tail.strip().lower() == site.strip().lower():
                return head.strip()
    return title


_BLOCKS = ("p", "div", "li", "br", "tr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section")


def fragment_text(html: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed item's body): scripts, styles, comments and tags
    dropped (lxml_html_clean), each block element a paragraph. Not trafilatura: an item is all
    article, and a feed may hold thousands (trafilatura takes ≈10 ms an item, this 0.1 ms)."""
    if "<" not in html:
        return _reported(_paragraphs(html))
    import lxml.html
    from lxml import etree
    from lxml_html_clean import Cleaner
    try:
        tree = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True).clean_html(
            lxml.html.fragment_fromstring(html, create_parent="div"))
    except (ValueError, etree.ParserError):  # nothing parsable: the text as written
        return _reported(_paragraphs(html))
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return _reported(_paragraphs(tree.text_content()))


# --- feeds --------------------------------------------------------------------------------------

def feed_articles(path: str, data: bytes, warn: Warn) -> list[Article]:
    """Each item of an RSS or Atom feed an article: its title, link and date, the feed's title as
    outlet, `content:encoded` (else the summary) as body, its HTML cleaned."""
    import feedparser
    ends = [m.end() for m in _ITEM_END.finditer(data)]
    if len(ends) > MAX_FEED_ITEMS:  # feedparser takes ≈1 ms an item: read only the first ones
        warn(f"{len(ends)} items; the first {MAX_FEED_ITEMS} read")
        data = data[:ends[MAX_FEED_ITEMS - 1]]  # cut after an item: feedparser reads what is before
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: never a string it could take for a URL or a path
    if not parsed.get("version") and not parsed.entries:
        raise Unreadable("not an RSS or Atom feed")
    outlet = parsed.feed.get("title")
    entries = parsed.entries[:MAX_FEED_ITEMS]
    lines = _item_lines(data, len(entries))
    articles = []
    for n, item in enumerate(entries):
        html = item.content[0].get("value", "") if item.get("content") else item.get("summary", "")
        body = fragment_text(html) if html.strip() else []
        when = item.get("published_parsed") or item.get("updated_parsed")
        day = date(*when[:3]).isoformat() if when else None
        if body or item.get("title"):
            article = _lines_article(path, f"{path}#{n}", body, item.get("title"), outlet, day, item.get("link"))
            articles.append(replace(article, line=lines[n]))
    return articles


def _item_lines(data: bytes, count: int) -> list[int | None]:
    """The line of the feed each of its `count` items starts on, as a JSON record's citation gives
    it; unknown (None) if the tags found are not the items feedparser found."""
    starts = [m.start() for m in _ITEM_START.finditer(data)]
    if len(starts) != count:
        return [None] * count
    lines, line, at = [], 1, 0
    for start in starts:
        line += data.count(b"\n", at, start)
        at = start
        lines.append(line)
    return lines


# --- PDF ----------------------------------------------------------------------------------------

def pdf_article(path: str, data: bytes, warn: Warn) -> Article:
    """The text of a PDF, page by page: lines that repeat at the top or bottom of most pages
    (running heads, page numbers) dropped, hard-wrapped lines joined, words hyphenated across a
    line end made whole. Title and date from the document's metadata."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    _quiet("pypdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages
        count = len(pages)
        if count > MAX_PDF_PAGES:
            warn(f"{count} pages; the first {MAX_PDF_PAGES} read")
        texts = [(pages[i].extract_text() or "") for i in range(min(count, MAX_PDF_PAGES))]
        meta = reader.metadata
        title = meta.title if meta else None
        created = meta.creation_date if meta else None
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError) as e:
        raise Unreadable(f"not a readable PDF ({type(e).__name__})") from None
    if not any(t.strip() for t in texts):
        raise Unreadable("no text layer (a scanned PDF?); briefbot does not read images")
    paragraphs: list[str] = []
    page_of: list[int] = []  # the page each paragraph starts on
    open_ = False  # whether the last line may go on: no blank line since (a page break is none)
    for number, page in enumerate(_drop_running_lines([[l.strip() for l in t.split("\n")] for t in texts])):
        for line in page:
            if not line:
                open_ = False
            elif open_ and not paragraphs[-1].endswith(_ENDS):
                paragraphs[-1] = _join(paragraphs[-1], line)
            else:
                paragraphs.append(line)
                page_of.append(number)
                open_ = True
    starts = list(accumulate((len(p) + 1 for p in paragraphs), initial=0))
    offsets = tuple(starts[bisect_left(page_of, n)] for n in range(len(texts)))
    day = created.date().isoformat() if isinstance(created, datetime) else None
    return _lines_article(path, path, paragraphs, _document_title(title), None, day, None, offsets)


_TOOL_TITLE = LazyPattern(r"(?i)^\s*(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|indd|qxd|pages|odt)\s*$")


def _document_title(title: str | None) -> str | None:
    """A document's title, unless it is the one its tool wrote ("Microsoft Word - draft3.docx")."""
    return None if not title or _TOOL_TITLE.search(title) else title.strip()


_ENDS = (".", "!", "?", ":", "\u201d", '"')
_HYPHENATED = LazyPattern(r"[a-z]-$")


def _join(line: str, following: str) -> str:
    """Two lines of one paragraph: "exam-" + "ple" is "example", "well-" + "Known" keeps its hyphen."""
    if _HYPHENATED.search(line) and following[:1].islower():
        return line[:-1] + following
    return f"{line} {following}"


_DIGITS = LazyPattern(r"\d+")


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without the lines that repeat (digits aside: "Page 3 of 9") among the first or last
    three of at least half of them, from three pages on."""
    if len(pages) < 3:
        return pages
    edges = Counter(key for page in pages for key in {_DIGITS.sub("#", l) for l in _edge(page) if l})
    running = {key for key, n in edges.items() if n >= max(3, len(pages) / 2)}
    out = []
    for page in pages:
        at_edge = set(_edge(page))
        out.append([l for l in page if not (l in at_edge and _DIGITS.sub("#", l) in running)])
    return out


def _edge(page: list[str]) -> list[str]:
    filled = [l for l in page if l]
    return filled[:3] + filled[-3:]


# --- Word ---------------------------------------------------------------------------------------

def word_article(path: str, data: bytes) -> Article:
    """The paragraphs of a .docx; the title from its properties, else its first heading."""
    import zipfile

    import docx
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise Unreadable(f"not a readable Word file ({type(e).__name__})") from None
    props = document.core_properties
    title = _document_title(props.title)
    paragraphs = []
    for p in document.paragraphs:
        text = " ".join(p.text.split())
        if not text:
            continue
        style = (p.style.name if p.style is not None else "") or ""
        if title is None and style.startswith(("Title", "Heading")):
            title = text
            continue
        if text != title:
            paragraphs.append(text)
    if not paragraphs:
        raise Unreadable("no text in the document")
    day = props.created.date().isoformat() if isinstance(props.created, datetime) else None
    return _lines_article(path, path, paragraphs, title, None, day, None)


# --- Markdown -----------------------------------------------------------------------------------

Span = tuple[int, int]


def render_markdown(source: str, spans: list[Span]) -> tuple[str, list[Span], tuple[tuple[int, int, int], ...]]:
    """The body spans of a Markdown file as rendered text (emphasis, links and images shown as
    their text, code as its code): the text, its paragraph spans, and the runs that map it back
    to the file (see `Article.runs`)."""
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark")
    chars: list[str] = []
    where: list[int] = []  # the file offset of each rendered character
    paragraphs = []
    for s, e in spans:
        if chars:
            chars.append("\n")
            where.append(-1)
        begin = len(chars)
        _align(md.parseInline(source[s:e])[0].children or [], source, s, e, chars, where)
        while len(chars) > begin and chars[-1].isspace():
            chars.pop(), where.pop()
        paragraphs.append((begin, len(chars)))
    runs = []
    line, counted = 1, 0
    for i, f in enumerate(where):
        if f < 0:
            continue
        if not runs or i == 0 or where[i - 1] != f - 1:
            line += source.count("\n", counted, f)
            counted = f
            runs.append((i, f, line))
    return "".join(chars), [p for p in paragraphs if p[1] > p[0]], tuple(runs)


def _align(tokens: list, source: str, at: int, end: int, chars: list[str], where: list[int]) -> int:
    """Append the rendered characters of inline tokens, each with where it stands in the file
    (found in order from `at`, the markup between skipped); returns the position reached."""
    def put(text: str) -> None:
        nonlocal at
        for c in text:
            if c.isspace():
                found = next((i for i in range(at, end) if source[i].isspace()), -1)
                c = " "
            else:
                found = source.find(c, at, end)
            if found < 0:  # an entity ("&eacute;") or a character markup made: none to point at
                chars.append(c)
                where.append(where[-1] if where and where[-1] >= 0 else at)
                continue
            chars.append(c)
            where.append(found)
            at = found + 1

    def past_target() -> None:  # "](url)" or "][ref]" after a link's or image's text
        nonlocal at
        close = source.find("]", at, end)
        if close < 0:
            return
        at = close + 1
        if source.startswith("(", at):
            at = _matching(source, at, end, "(", ")")
        elif source.startswith("[", at):
            at = _matching(source, at, end, "[", "]")

    for token in tokens:
        if token.type == "text" or token.type == "code_inline":
            put(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            put(" ")
        elif token.type == "image":
            at = _align(token.children or [], source, at, end, chars, where)
            past_target()
        elif token.type == "link_close":
            past_target()
        elif token.type == "html_inline":
            found = source.find(token.content, at, end)
            at = found + len(token.content) if found >= 0 else at
    return at


def _matching(source: str, at: int, end: int, opening: str, closing: str) -> int:
    """The position after the bracket that closes the one at `at`."""
    depth = 0
    for i in range(at, end):
        if source[i] == opening:
            depth += 1
        elif source[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return end
