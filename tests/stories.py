"""Small made-up articles for tests that build an index in memory."""
from __future__ import annotations

from briefbot.corpus import Article


def article(n: int, title: str, text: str, date: str | None = None) -> Article:
    """Story number `n`: its paragraphs are its lines."""
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Article(f"story{n}.txt", f"story{n}.txt", title, None, date, None, text, tuple(paragraphs))
