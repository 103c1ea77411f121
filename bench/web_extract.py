#!/usr/bin/env python3
"""How well briefbot reads saved web pages: over the 30 real pages of ../shared/data/web-news, the
share of the article snippets a good extraction keeps (`with` in gold.json) found in briefbot's
sentences, the share of boilerplate snippets (`without`) wrongly kept, and which pages got the right
title, date and outlet (bench/data/web_news_meta.json, read off the pages). The same figures for
the plain-text loader (the page read as a .txt file, as briefbot did before it read HTML), and the
build times.

    python bench/web_extract.py [--pages DIR] [--scale 2000]

--scale N also times building N BBC articles (../shared/data/bbc-news) wrapped as web pages beside
the same articles as .txt files.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefbot.cache import load  # noqa: E402
from briefbot.corpus import Article, decode, parse_text_article  # noqa: E402
from briefbot.index import Index  # noqa: E402
from briefbot.indexing import build  # noqa: E402
from briefbot.lexicon import synonyms_text  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
META = Path(__file__).resolve().parent / "data" / "web_news_meta.json"
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " ", "\u200b": ""})


def fold(s: str) -> str:
    return " ".join(s.translate(FOLD).casefold().split())


def sentences_by_page(index: Index) -> dict[str, str]:
    """Each page's sentences, folded and joined."""
    found: dict[str, list[str]] = {}
    for sent in range(len(index)):
        found.setdefault(Path(index.article_of(sent).path).name, []).append(index.text_of(sent))
    return {name: fold(" ".join(texts)) for name, texts in found.items()}


def snippet_shares(texts: dict[str, str], gold: dict) -> tuple[float, float, int, int]:
    kept = [fold(s) in texts.get(name, "") for name, g in gold.items() for s in g["with"]]
    wrong = [fold(s) in texts.get(name, "") for name, g in gold.items() for s in g["without"]]
    return sum(kept) / len(kept), sum(wrong) / len(wrong), len(kept), len(wrong)


def metadata_right(articles: list[Article], meta: dict) -> dict[str, list[str]]:
    """For title, date and outlet: the pages whose value is wrong (shown as read)."""
    wrong: dict[str, list[str]] = {"title": [], "date": [], "outlet": []}
    for a in articles:
        want = meta[Path(a.path).name]
        for field in wrong:
            value = getattr(a, field)
            if value is None or fold(value) not in {fold(v) for v in want[field]}:
                wrong[field].append(f"{Path(a.path).name}: {value!r}")
    return wrong


def plain_text_index(pages: Path) -> tuple[Index, list[Article], float]:
    """The pages as the plain-text loader reads them (each a .txt file)."""
    started = time.perf_counter()
    articles = [parse_text_article(str(p), decode(p.read_bytes())[0] or "") for p in sorted(pages.glob("*.html"))]
    index = build([a for a in articles if a.paragraphs], synonyms_text([]))
    return index, articles, time.perf_counter() - started


def report(label: str, index: Index, articles: list[Article], seconds: float, gold: dict, meta: dict,
           details: bool = True) -> None:
    kept, wrong, n_with, n_without = snippet_shares(sentences_by_page(index), gold)
    bad = metadata_right(articles, meta)
    n = len(meta)
    print(f"{label}: build {seconds:.2f} s, {len(index)} sentences; `with` snippets kept {kept:.3f} (of {n_with}), "
          f"`without` kept {wrong:.3f} (of {n_without}); titles right {n - len(bad['title'])}/{n}, "
          f"dates {n - len(bad['date'])}/{n}, outlets {n - len(bad['outlet'])}/{n}")
    for field, pages in bad.items() if details else ():
        for page in pages:
            print(f"    {field} wrong: {page}")


def scale(count: int) -> None:
    """Build time of `count` BBC articles as web pages beside the same as .txt."""
    sources = sorted((DATA / "bbc-news").rglob("*.txt"))[:count]
    root = Path(tempfile.mkdtemp(prefix="briefbot-web-"))
    try:
        (root / "txt").mkdir()
        (root / "html").mkdir()
        for n, src in enumerate(sources):
            text = src.read_text(encoding="utf-8", errors="replace")
            (root / "txt" / f"{n:04d}.txt").write_text(text)
            title, _, body = text.partition("\n")
            paras = "".join(f"<p>{_escape(p.strip())}</p>\n" for p in body.split("\n") if p.strip())
            (root / "html" / f"{n:04d}.html").write_text(
                f"<!doctype html><html><head><title>{_escape(title)} - BBC News</title>"
                f'<meta property="og:site_name" content="BBC News"><meta name="date" content="2005-03-01"></head>'
                f'<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
                f"<article><h1>{_escape(title)}</h1>{paras}</article>"
                f"<footer>Copyright BBC. Read about our approach to external linking.</footer></body></html>")
        for kind in ("txt", "html"):
            started = time.perf_counter()
            index = load([str(root / kind)], lambda line: None, use_cache=False)
            print(f"{len(sources)} BBC articles as .{kind}: build {time.perf_counter() - started:.1f} s, "
                  f"{len(index)} sentences")
    finally:
        shutil.rmtree(root)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DATA / "web-news" / "pages")
    parser.add_argument("--scale", type=int, default=0, help="also time N BBC articles as HTML and as .txt")
    args = parser.parse_args()
    gold = json.loads((args.pages.parent / "gold.json").read_text())
    meta = json.loads(META.read_text())
    started = time.perf_counter()
    index = load([str(args.pages)], lambda line: None, use_cache=False)
    report("briefbot (trafilatura)", index, index.articles, time.perf_counter() - started, gold, meta)
    report("plain-text loader", *plain_text_index(args.pages), gold, meta, details=False)
    if args.scale:
        scale(args.scale)


if __name__ == "__main__":
    main()
