#!/usr/bin/env python3
"""The "plain peer": the simplest honest BM25 answer-sentence retriever, as a yardstick.

briefbot's engine has to beat this to justify its extra machinery (better sentence
splitting, stemming, stop words, typo tolerance, no-answer detection, ...). So this
does none of that on purpose:
  - every line of every .txt file under --corpus is split on [.!?] followed by
    whitespace (headlines are just another line, so they compete with the body);
  - tokens are lower-cased \\w+ runs: no stemming, no stop words;
  - rank_bm25.BM25Okapi with its default k1, b and idf floor ranks all sentences.
It scores a questions .jsonl the way /work/shared/tools/answer_eval.py does: a gold
string (folded) inside a top-k sentence, or for "gold_span" questions a top-k sentence
in the same file overlapping the span. It always answers, so "no_answer" questions
are only counted, not scored.

  python bench/baseline.py bench/data/bbc_dev.jsonl --corpus /work/shared/data/bbc-news
  python bench/baseline.py /work/shared/data/reqa-squad/questions.jsonl \\
      --corpus /work/shared/data/reqa-squad/corpus --limit 1056
"""
from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                      "\u2013": "-", "\u2014": "-", "\u00a0": " "})
SENT_END = re.compile(r"[.!?]\s+")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sentence:
    path: Path  # resolved
    start: int
    end: int
    text: str


def fold(s: str) -> str:
    """Same folding as answer_eval.py: quotes, dashes, case, whitespace."""
    return " ".join(s.translate(FOLD).casefold().split())


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def split_sentences(path: Path) -> list[Sentence]:
    text = path.read_text(encoding="utf-8-sig")
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in [*SENT_END.finditer(line), None]:
            end = m.start() + 1 if m else len(line)
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if WORD.search(piece):
                out.append(Sentence(path, offset + start + lead, offset + start + lead + len(piece), piece))
            if m:
                start = m.end()
        offset += len(line) + 1
    return out


def is_hit(item: dict, sent: Sentence, qdir: Path) -> bool:
    if "gold_span" in item:
        span = item["gold_span"]
        return (sent.path == (qdir / span["path"]).resolve()
                and sent.start < span["end"] and span["start"] < sent.end)
    return any(fold(g) in fold(sent.text) for g in item["gold"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions", type=Path)
    ap.add_argument("--corpus", type=Path, required=True, help="folder; every .txt under it is read")
    ap.add_argument("--limit", type=int, help="only every n-th question, so that about this many are asked")
    ap.add_argument("-k", type=int, default=3)
    ap.add_argument("-v", "--verbose", action="store_true", help="print the top sentence of every miss")
    args = ap.parse_args()

    items = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    if args.limit and len(items) > args.limit:
        items = items[:: len(items) // args.limit][: args.limit]
    qdir = args.questions.resolve().parent

    sents = [s for p in sorted(args.corpus.resolve().rglob("*.txt")) for s in split_sentences(p)]
    bm25 = BM25Okapi([tokens(s.text) for s in sents])

    asked = hit1 = hitk = skipped = 0
    for it in items:
        if it.get("expect") == "no_answer":
            skipped += 1
            continue
        asked += 1
        scores = bm25.get_scores(tokens(it["q"]))
        top = np.argsort(-scores, kind="stable")[: args.k]
        ranks = [r for r, i in enumerate(top, 1) if is_hit(it, sents[i], qdir)]
        hit1 += bool(ranks and ranks[0] == 1)
        hitk += bool(ranks)
        if args.verbose and not ranks:
            print(f"MISS {it['id']}: {it['q']!r} top={sents[top[0]].text[:90]!r}")
    print(f"sentences={len(sents)} questions={asked} no_answer_skipped={skipped}")
    print(f"hit@1={hit1 / max(asked, 1):.3f} hit@{args.k}={hitk / max(asked, 1):.3f}")


if __name__ == "__main__":
    main()
