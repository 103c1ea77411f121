#!/usr/bin/env python3
"""Answer-span accuracy on typed questions whose exact answer was written by reading the articles
(bench/data/spans_ent_sport.jsonl): how often the first answer's span is the answer, and when it is
wrong, whether the sentence held the answer at all (a wrong span in the right sentence is the
span's fault; no span in a sentence without the answer is the honest reply).

  python bench/span_check.py            # the figures
  python bench/span_check.py --show     # every question, its span and the gold
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sweep import SHARED, fold, read_jsonl  # noqa: E402
from briefbot.cache import load  # noqa: E402
from briefbot.search import Searcher  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "bench" / "data" / "spans_ent_sport.jsonl"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    questions = read_jsonl(Path(args.data))
    searchers: dict[str, Searcher] = {}
    tally = {"right": 0, "wrong, answer in sentence": 0, "wrong, answer not in sentence": 0,
             "none, answer in sentence": 0, "none, answer not in sentence": 0}
    for q in questions:
        if q["corpus"] not in searchers:
            searchers[q["corpus"]] = Searcher(load([str(SHARED / "data" / "bbc-news" / q["corpus"])], lambda _: None))
        answers = searchers[q["corpus"]].search(q["q"], 1).answers
        text = answers[0].text if answers else ""
        span = answers[0].answer_span if answers else None
        found = fold(text[span.start:span.end]) if span else None
        gold = [fold(g) for g in q["answer"]]
        holds = any(g in fold(text) for g in gold)
        if found and any(g in found or found in g for g in gold):
            kind = "right"
        else:
            kind = f"{'wrong' if found else 'none'}, answer {'in' if holds else 'not in'} sentence"
        tally[kind] += 1
        if args.show:
            print(f"{q['id']} [{q['type']}] {q['q']!r}\n    span={found!r} gold={q['answer']} {kind}\n    {text[:160]!r}")
    print(f"span right {tally['right']}/{len(questions)}; " + "; ".join(f"{k} {v}" for k, v in tally.items()
                                                                       if k != "right"))


if __name__ == "__main__":
    main()
