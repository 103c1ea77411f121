#!/usr/bin/env python3
"""Fit the second stage's feature weights (`Ranking.weights`) on questions the dev sets never see.

Training questions: ReQA (SQuAD v1.1 dev) questions outside the every-10th slice `sweep.py`
scores, and our older BBC politics/tech sets in bench/data. The fit is a listwise softmax over
each question's pool (the right sentences should take the probability mass), with an L2 pull
towards zero, by plain gradient descent in NumPy: a dozen weights need no more. Checking is
`sweep.py` on the seed, the five BBC dev folders and the ReQA dev slice, none of them used here.

  python bench/fit_ranking.py            # prints the weights as a Python tuple for ranking.py
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from sweep import ROOT, SHARED, is_right, read_jsonl

from briefbot.cache import load
from briefbot.ranking import FEATURES, RANKING
from briefbot.search import Result, Searcher


def training_questions(reqa_every: int) -> list[tuple[list[str], list[dict], Path]]:
    reqa = SHARED / "data" / "reqa-squad"
    questions = read_jsonl(reqa / "questions.jsonl")
    train = [q for n, q in enumerate(questions) if n % reqa_every == reqa_every // 2]
    bbc = read_jsonl(ROOT / "bench" / "data" / "bbc_dev.jsonl") + read_jsonl(ROOT / "bench" / "data" / "bbc_heldout.jsonl")
    bbc = [q for q in bbc if q.get("expect", "answer") == "answer"]
    return [([str(reqa / "corpus")], train, reqa), ([str(SHARED / "data" / "bbc-news")], bbc, ROOT)]


def pools(reqa_every: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, is-right) per training question whose pool holds a right sentence."""
    out = []
    for corpus, questions, base in training_questions(reqa_every):
        index = load(corpus, lambda line: None)
        searcher = Searcher(index)
        for q in questions:
            pool = searcher.pool(q["q"], Result(q["q"], []))
            if pool is None:
                continue
            right = np.array([is_right(index, s, q, base) for s in pool.sents.tolist()], dtype=bool)
            if right.any() and not right.all():
                out.append((pool.features, right))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]], l2: float, steps: int = 2000, rate: float = 1.0) -> np.ndarray:
    x = np.concatenate([f for f, _ in data])
    right = np.concatenate([r for _, r in data]).astype(np.float64)
    group = np.concatenate([np.full(len(r), n) for n, (_, r) in enumerate(data)])
    q = right / np.bincount(group, right)[group]
    w = np.array(RANKING.weights, dtype=np.float64)
    for _ in range(steps):
        s = x @ w
        e = np.exp(s - s.max())
        p = e / np.bincount(group, e)[group]
        w -= rate * (x.T @ (p - q) / len(data) + l2 * w)
    w[FEATURES.index("bias")] = 0.0  # a constant cannot change an order
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--reqa-every", type=int, default=10)
    args = ap.parse_args()
    data = pools(args.reqa_every)
    w = fit(data, args.l2)
    hit = np.mean([right[np.argmax(x @ w)] for x, right in data])
    base = np.mean([right[np.argmax(x @ np.array(RANKING.weights))] for x, right in data])
    print(f"{len(data)} training questions with a right and a wrong candidate; top-1 right {base:.3f} -> {hit:.3f}")
    for f, v in zip(FEATURES, w):
        print(f"  {f:<12} {v:+.3f}")
    print("weights =", tuple(round(float(v), 3) for v in w))


if __name__ == "__main__":
    main()
