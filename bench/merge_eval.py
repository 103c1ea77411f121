#!/usr/bin/env python3
"""What "also" merges: every pair of sentences joined as one fact in the first three answers to
the dev questions (seed and the five BBC folders), how many of them differ in a figure or date
(must be 0), and, with --show, the pairs themselves to read.

  python bench/merge_eval.py          # the counts
  python bench/merge_eval.py --show   # and each merged pair
"""
from __future__ import annotations

import argparse

from sweep import question_sets

from briefbot.cache import load
from briefbot.search import Searcher


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    pairs, differ = set(), 0
    for qset in question_sets(10):
        if qset.name == "reqa":
            continue
        index = load(qset.corpus, lambda line: None)
        searcher = Searcher(index)
        for q in qset.questions:
            for answer in searcher.search(q["q"], 3).answers:
                for version in answer.versions:
                    pair = (qset.name, *sorted((answer.sentence_id, version.sentence_id)))
                    if pair in pairs:
                        continue
                    pairs.add(pair)
                    a, b = searcher._facts_of(answer.sentence_id), searcher._facts_of(version.sentence_id)
                    differ += a.figures != b.figures
                    if args.show:
                        print(f"{qset.name}\n  {answer.text}\n  {version.text}")
    print(f"merged pairs: {len(pairs)}; with figures or dates that differ: {differ}")


if __name__ == "__main__":
    main()
