"""Small made-up articles for tests that build an index in memory."""
from __future__ import annotations

from briefbot.corpus import Article
from briefbot.indexing import build
from briefbot.search import Result, Searcher


def article(n: int, title: str, text: str, date: str | None = None) -> Article:
    """Story number `n`: its paragraphs are its lines."""
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Article(f"story{n}.txt", f"story{n}.txt", title, None, date, None, text, tuple(paragraphs))


def searcher_of(*stories: tuple[str, str]) -> Searcher:
    """A searcher over these (title, body) stories, numbered in order."""
    return Searcher(build([article(n, t, b) for n, (t, b) in enumerate(stories)], ""))


def claimed(result: Result) -> list[str | None]:
    """The span each answer claims, in order (None where it claims none)."""
    return [a.text[a.answer_span.start:a.answer_span.end] if a.answer_span else None for a in result.answers]
