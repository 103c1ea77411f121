#!/usr/bin/env python3
"""Answers to a question set over any corpus, scored as ../shared/tools/answer_eval.py scores them
(a folded gold string in the answer at rank 1 or k; no-answer questions must get none), with every
citation checked: `offsets: file` against the file itself, `offsets: extracted` (web pages, feeds,
PDFs, Word files, JSON records) against the text `briefbot sources --text N` prints. A Markdown
citation spans the file's own characters, markup included: it checks when the span, rendered, is
the answer.

    python bench/answer_check.py bench/data/web_news_questions.jsonl --corpus ../shared/data/web-news/pages
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefbot.formats import render_markdown  # noqa: E402

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})


def fold(s: str) -> str:
    return " ".join(s.translate(FOLD).casefold().split())


def briefbot(*args: str, stdin: str | None = None) -> str:
    return subprocess.run([sys.executable, "-m", "briefbot", *args], input=stdin, capture_output=True, text=True,
                          check=False, cwd=ROOT).stdout


class Texts:
    """What each citation counts into: the file, or the extracted text of its source."""

    def __init__(self, corpus: str) -> None:
        self.corpus = corpus
        self.number = {s["source"]: s["n"] for s in json.loads(briefbot("sources", "--json", "--corpus", corpus))}
        self.extracted: dict[str, str] = {}

    def checks(self, citation: dict, text: str) -> bool:
        start, end = citation["start"], citation["end"]
        if citation.get("offsets") == "extracted":
            source = citation["source"]
            if source not in self.extracted:
                shown = briefbot("sources", "--json", "--text", str(self.number[source]), "--corpus", self.corpus)
                self.extracted[source] = json.loads(shown)["text"]
            return self.extracted[source][start:end] == text
        cited = Path(citation["path"]).read_text(encoding="utf-8-sig")[start:end]
        if cited == text:
            return True
        return Path(citation["path"]).suffix.lower() in (".md", ".markdown") and \
            render_markdown(cited, [(0, len(cited))])[0] == text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("-k", type=int, default=3)
    args = parser.parse_args()
    items = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    corpus = str(Path(args.corpus).resolve())
    out = briefbot("ask", "--json", "-k", str(args.k), "--corpus", corpus, "-",
                   stdin="".join(it["q"] + "\n" for it in items)).splitlines()
    texts = Texts(corpus)
    hit1 = hitk = answerable = none_ok = nones = cited = verbatim = 0
    by_kind: dict[str, list[int]] = {}
    for it, line in zip(items, out, strict=True):
        reply = json.loads(line)
        answers = reply["answers"]
        if it.get("expect") == "no_answer":
            nones += 1
            none_ok += reply["status"] == "no_answer"
        else:
            answerable += 1
            ranks = [r for r, a in enumerate(answers, 1) if any(fold(g) in fold(a["text"]) for g in it["gold"])]
            hit1 += bool(ranks) and ranks[0] == 1
            hitk += bool(ranks)
            if not ranks:
                print(f"miss {it['id']}: {it['q']} -> {answers[0]['text'][:90] if answers else '(none)'}")
        for a in answers:
            for c in a["citations"]:
                ok = texts.checks(c, a["text"])
                cited += 1
                verbatim += ok
                by_kind.setdefault(c.get("offsets", "file"), [0, 0])[ok] += 1
                if not ok:
                    print(f"NOT VERBATIM {it['id']}: {c['source']}[{c['start']}:{c['end']}]")
    kinds = ", ".join(f"{kind} {good}/{good + bad}" for kind, (bad, good) in sorted(by_kind.items()))
    print(f"hit@1={hit1 / max(answerable, 1):.3f} hit@{args.k}={hitk / max(answerable, 1):.3f} "
          f"({answerable} questions), no-answer {none_ok}/{nones}, citations verbatim {verbatim}/{cited} ({kinds})")


if __name__ == "__main__":
    main()
