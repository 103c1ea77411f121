"""`briefbot add`: web pages fetched into a corpus folder, saved as fetched so that everything
after is offline and citable.

Each page is saved with two HTML comments before it: the browsers' "saved from url=" mark (so the
page's URL is known even when it names no canonical one) and the fetch time.
"""
from __future__ import annotations

import errno
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from briefbot import formats
from briefbot.atomic import write_new
from briefbot.text import safe

Warn = Callable[[str], None]

TIMEOUT = 20.0  # seconds for a server to answer
_WEB_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_NO_NETWORK = (errno.ENETUNREACH, errno.EHOSTUNREACH)
_USER_AGENT = "briefbot (saving an article to read offline)"


@dataclass(frozen=True)
class Added:
    url: str
    path: Path
    title: str | None


def add(urls: list[str], folder: Path, warn: Warn, progress: Callable[[int, int, str], None]) -> list[Added]:
    """Fetch each URL and save its page in `folder`; whatever goes wrong with one is one warning
    line naming it, and the rest goes on."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = _saved_pages(folder)
    urls = list(dict.fromkeys(urls))
    added = []
    for n, url in enumerate(urls, 1):
        progress(n, len(urls), url)
        if url in saved:
            warn(f"{safe(url)}: already saved as {safe(str(saved[url]))}")
            continue
        try:
            data, final = _fetch(url)
            article = formats.html_article(url, data)  # a page with no article text is not saved
        except (OSError, ValueError) as e:
            warn(f"{safe(url)}: {_reason(e)}")
            continue
        final = final.replace(">", "%3E")  # it goes in a comment, which ">" could close
        if final in saved:  # a redirect to a page already saved
            warn(f"{safe(url)}: already saved as {safe(str(saved[final]))}")
            continue
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        wanted = folder / f"{_slug(final)}.html"
        try:  # never over a file already there: `stem-2.html`… instead
            path = write_new(wanted, lambda out: out.write(f"<!-- saved from url=({len(final):04d}){final} -->\n"
                                                           f"<!-- fetched by briefbot on {stamp} -->\n".encode() + data),
                             set())
        except OSError as e:
            warn(f"{safe(url)}: cannot save it ({e.strerror or e})")
            continue
        if path != wanted:
            warn(f"{safe(url)}: saved as {safe(path.name)} ({safe(wanted.name)} is another file)")
        saved[url] = saved[final] = path
        added.append(Added(final, path, article.title))
    return added


def _saved_pages(folder: Path) -> dict[str, Path]:
    """The pages already in the folder, by the URL they were saved from: none is fetched twice."""
    saved = {}
    for path in sorted(folder.glob("*.htm*")):
        try:
            with path.open("rb") as f:
                if url := formats.saved_url(f.read(4096)):
                    saved.setdefault(url, path)
        except OSError:
            continue
    return saved


def _fetch(url: str) -> tuple[bytes, str]:
    """The page at `url` (redirects followed) and the URL it was finally served from."""
    if not re.match(r"(?i)(https?|file)://", url):
        raise ValueError("not a web address (http://, https:// or file://)")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        kind = (response.headers.get_content_type() or "").lower()
        if kind not in _WEB_PAGE_TYPES:
            raise ValueError(f"not a web page ({kind or 'no content type'})")
        data = response.read(formats.MAX_HTML_BYTES + 1)
        if len(data) > formats.MAX_HTML_BYTES:
            raise ValueError(f"larger than {formats.MAX_HTML_BYTES // 1_000_000} MB, not saved")
        return data, response.geturl()


def _reason(e: Exception) -> str:
    if isinstance(e, urllib.error.HTTPError):
        return f"HTTP error {e.code} ({e.reason})"
    if isinstance(e, urllib.error.URLError):
        reason = e.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return f"no answer in {TIMEOUT:.0f} s (timed out)"
        if isinstance(reason, socket.gaierror) or getattr(reason, "errno", None) in _NO_NETWORK:
            return f"cannot reach it ({reason}): this machine seems to be offline"
        return f"cannot reach it ({reason})"
    if isinstance(e, TimeoutError):
        return f"no answer in {TIMEOUT:.0f} s (timed out)"
    if isinstance(e, formats.Unreadable):
        return f"{e}, not saved"
    return str(e)


def _slug(url: str) -> str:
    """A file name from a URL: its host and last path part, letters, digits and dashes only."""
    rest = re.sub(r"(?i)^[a-z]+://", "", url).split("?")[0].split("#")[0].rstrip("/")
    host, _, path = rest.partition("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if path else ""
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"{host.removeprefix('www.')}-{last}" if last else host).strip("-")
    return (name[:80] or "page").lower()

