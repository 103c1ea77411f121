#!/usr/bin/env python3
"""Fit the second stage's feature weights (`Ranking.weights`) by coordinate ascent on hit@1.

The first stage does not depend on these weights, so each question's pool (its candidates'
feature rows, and which of them are right) is computed once; any weights are then scored in
microseconds. Coordinate ascent (as in RankLib) moves one weight at a time by a few step sizes
and keeps a move that raises the objective, from the hand-set weights and a few jittered starts;
the start with the best objective wins. It fits the metric itself, which the listwise softmax
this script used before did not (that fit never beat the hand-set weights).

Tuning sets (the objective: mean over them of hit@1 + hit@3 / 2): the seed, ReQA questions outside
the every-10th slice sweep.py scores, our older BBC sets in bench/data (over all of bbc-news), and
the BBC dev folders sweep.py tunes on (business, politics, tech). Checking: entertainment and
sport and the ReQA dev slice, which the objective never sees; both are printed for every start.

  python bench/fit_ranking.py              # prints each start and the weights for ranking.py
"""
from __future__ import annotations

import argparse
import random

import numpy as np

from sweep import ROOT, SHARED, TUNE, QuestionSet, is_right, question_sets, read_jsonl

from briefbot.cache import load
from briefbot.ranking import FEATURES, RANKING
from briefbot.search import Result, Searcher

Pools = list[tuple[np.ndarray, np.ndarray] | None]  # per question: (features, is-right), None if no pool
STEPS = (-0.3, -0.1, -0.03, 0.03, 0.1, 0.3)


def pools() -> dict[str, Pools]:
    sets = question_sets(10)
    older = read_jsonl(ROOT / "bench" / "data" / "bbc_dev.jsonl") + read_jsonl(ROOT / "bench" / "data" / "bbc_heldout.jsonl")
    sets.append(QuestionSet("older bbc", [str(SHARED / "data" / "bbc-news")], older, ROOT))
    reqa = SHARED / "data" / "reqa-squad"
    train = [q for n, q in enumerate(read_jsonl(reqa / "questions.jsonl")) if n % 10 == 5]
    sets.append(QuestionSet("reqa train", [str(reqa / "corpus")], train, reqa))
    out: dict[str, Pools] = {}
    for qset in sets:
        index = load(qset.corpus, lambda line: None)
        searcher = Searcher(index)
        rows: Pools = []
        for q in qset.questions:
            if q.get("expect", "answer") != "answer":
                continue
            pool = searcher.pool(q["q"], Result(q["q"], []))
            rows.append(None if pool is None else
                        (pool.features, np.array([is_right(index, s, q, qset.base) for s in pool.sents.tolist()])))
        out[qset.name] = rows
    return out


def hits(rows: Pools, w: np.ndarray) -> tuple[float, float]:
    h1 = h3 = 0
    for row in rows:
        if row is not None:
            order = np.argsort(-(row[0] @ w), kind="stable")
            h1 += row[1][order[0]]
            h3 += row[1][order[:3]].any()
    return h1 / max(len(rows), 1), h3 / max(len(rows), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    data = pools()
    bbc = lambda folders: [r for f in folders for r in data[f"bbc:{f}"]]  # noqa: E731
    check_folders = [n[4:] for n in data if n.startswith("bbc:") and n[4:] not in TUNE]
    tuning = [bbc(TUNE), data["seed"], data["reqa train"], data["older bbc"]]

    def objective(w: np.ndarray) -> float:
        return sum(a + b / 2 for a, b in (hits(rows, w) for rows in tuning)) / len(tuning)

    def report(label: str, w: np.ndarray) -> None:
        cells = {"seed": data["seed"], "reqa dev": data["reqa"], "older bbc": data["older bbc"],
                 "bbc tune": bbc(TUNE), "bbc CHECK": bbc(check_folders), "bbc all": bbc(TUNE) + bbc(check_folders)}
        print(f"{label:<6} objective {objective(w):.4f}  " + "  ".join(
            f"{name} {'%.3f/%.3f' % hits(rows, w)}" for name, rows in cells.items()), flush=True)

    hand = np.array(RANKING.weights, dtype=np.float64)
    report("hand", hand)
    free = [j for j, f in enumerate(FEATURES) if f not in ("first", "bias")]  # "first" sets the scale
    best: tuple[float, np.ndarray] | None = None
    fitted = []
    for start in range(args.starts):
        rng = random.Random(start)
        w = hand.copy()
        if start:
            for j in free:
                w[j] += rng.choice((-0.1, 0.0, 0.1))
        score = objective(w)
        for _ in range(args.rounds):
            moved = False
            for j in rng.sample(free, len(free)):
                for step in STEPS:
                    trial = w.copy()
                    trial[j] += step
                    if (s := objective(trial)) > score + 1e-9:
                        score, w, moved = s, trial, True
            if not moved:
                break
        report(f"start{start}", w)
        fitted.append(w)
        if best is None or score > best[0]:
            best = (score, w)
    assert best is not None
    report("best", best[1])
    mean = np.mean(fitted, axis=0)  # the starts' mean: less of any one start's luck on the tuning sets
    report("mean", mean)
    print("best weights =", tuple(round(float(v), 2) for v in best[1]))
    print("mean weights =", tuple(round(float(v), 2) for v in mean))


if __name__ == "__main__":
    main()
