#!/usr/bin/env python3
"""Where each question's gold sentence is lost: in the first stage (BM25 pool), in the second
stage's ranking, or not at all; with the question's analysed type and the top answer's span. For
reading misses by hand (the figures come from ../shared/tools/answer_eval.py).

    python bench/answer_stages.py bench/data/stories/greek.jsonl --corpus bench/data/stories/greek
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from answer_check import fold  # noqa: E402

from briefbot import cache  # noqa: E402
from briefbot.question import analyse  # noqa: E402
from briefbot.search import Result, Searcher  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions", type=Path)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("-k", type=int, default=20, help="how deep to look for the gold in the final ranking")
    args = ap.parse_args()
    index = cache.load(args.corpus, lambda line: None)
    searcher = Searcher(index)
    texts = [index.text_of(i) for i in range(len(index))]
    for line in args.questions.read_text().splitlines():
        it = json.loads(line)
        question = analyse(it["q"])
        res = searcher.search(it["q"], k=args.k)
        top = res.answers[0] if res.answers else None
        span = top and top.answer_span and (top.text[top.answer_span.start:top.answer_span.end], top.answer_span.type)
        head = (f"{it['id']} {it['q']!r} asked={question.type} status={res.status} coverage={res.coverage:.2f} "
                f"unknown={res.unknown_words} top_span={span}")
        if it["expect"] == "no_answer":
            print(f"{head}\n   top: {top.text[:160] if top else None!r}")
            continue
        gold = [fold(g) for g in it["gold"]]
        golden = {i for i, t in enumerate(texts) if any(g in fold(t) for g in gold)}
        rank = next((n for n, a in enumerate(res.answers, 1) if a.sentence_id in golden
                     or any(g in fold(a.text) for g in gold)), None)
        pool = searcher.pool(it["q"], Result(it["q"], []))
        pooled = [int(s) for s in pool.sents] if pool else []
        at = sorted(pooled.index(g) + 1 for g in golden if g in pooled)
        hidden = [n for n, a in enumerate(res.answers[:3], 1) if any(v.sentence_id in golden for v in a.versions)]
        print(f"{head} rank={rank} pool={len(pooled)} gold_at={at} merged_into={hidden}")
        if rank != 1 and top:
            print(f"   top: {top.text[:160]!r} speaker={top.speaker}")
            for g in sorted(golden)[:2]:
                print(f"   gold: {texts[g][:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
