#!/usr/bin/env python3
"""What a no-answer rule would cost: for each candidate signal, how many answerable questions it
would refuse (ReQA, the dev sets, the check sets) beside how many unanswerable ones it would catch.

A rule for issue 8 must refuse at most 1 % of the answerable questions of every set (ReQA's 1,057
are the main guard), so a signal is worth coding only where its refusals of answerable questions
stay near zero on all of them. The signals are read from the judged pool of the default
`Ranking` (`Searcher.pool`), for the questions of a type (the detail questions no rule catches yet):

  best_score     the top answer's second-stage score
  span_coverage  the best coverage (the pool's column) among sentences holding a span of the type
  span_passage   the best share of the question's weight the passage (a span sentence and the
                 sentences either side) holds, by plain presence of the terms
  name_passage   0 when no span sentence's passage names the question's rarest name (no name: 1)

  python bench/noanswer_evidence.py                 # the table
  python bench/noanswer_evidence.py --list span_coverage=0.2   # the questions one threshold refuses
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sweep import RANKING, check_sets, question_sets  # noqa: E402

from briefbot.cache import load  # noqa: E402
from briefbot.question import analyse, with_question_words_as_meant  # noqa: E402
from briefbot.ranking import FEATURES  # noqa: E402
from briefbot.search import Result, Searcher, _name_like  # noqa: E402

COVERAGE = FEATURES.index("coverage")

SIGNALS = ("best_score", "span_coverage", "span_passage", "name_passage")
THRESHOLDS = {"best_score": (1.6, 1.65, 1.7), "span_coverage": (0.01, 0.2, 0.3),
              "span_passage": (0.2, 0.3, 0.4), "name_passage": (0.5,)}


def evidence(searcher: Searcher, query: str) -> dict[str, float] | None:
    """The signals of one question of a type, None for one untyped or already without an answer."""
    idx = searcher.index
    result = Result(query, [])
    pool = searcher.pool(query, result)
    every = searcher._slots(query, {})
    slots = [s for s in every if s.terms]
    if pool is None or not slots or not analyse(query).span_types:
        return None
    scores = pool.features @ np.array(searcher.ranking.weights)
    held = [i for i, sp in enumerate(pool.spans) if sp is not None]
    total = sum(s.idf for s in every)

    def passage(sent: int) -> set[int]:
        arts = idx.sentences_of(int(idx.sent_article[sent]))
        return {t for s in (sent - 1, sent, sent + 1) if arts.start <= s < arts.stop for t in idx.terms_of(s).tolist()}

    passages = [passage(int(pool.sents[i])) for i in held]
    names = [s for s in slots if _name_like(s.word, query)]
    rare = max(names, key=lambda s: s.idf) if names else None
    return {"best_score": float(scores.max()),
            "span_coverage": max((float(pool.features[i, COVERAGE]) for i in held), default=0.0),
            "span_passage": max((sum(s.idf for s in slots if set(s.terms) & p) / total for p in passages), default=0.0),
            "name_passage": float(rare is None or any(set(rare.terms) & p for p in passages))}


def group(name: str) -> str:
    return "reqa" if name == "reqa" else "dev" if name in ("seed",) or name.startswith("bbc:") else "check"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", help="SIGNAL=THRESHOLD: the questions it refuses")
    args = ap.parse_args()
    rows: list[tuple[str, str, str, dict[str, float]]] = []
    for qset in question_sets(10) + check_sets():
        index = load(qset.corpus, lambda line: None)
        index.rank_with(RANKING)
        searcher = Searcher(index)
        for q in qset.questions:
            if (ev := evidence(searcher, with_question_words_as_meant(q["q"]))) is not None:
                rows.append((group(qset.name), q.get("expect", "answer"), f"{qset.name}/{q['id']} {q['q']}", ev))
    sizes = Counter((g, e) for g, e, _, _ in rows)
    print("questions of a type with an answer today:", dict(sizes))
    print(f"{'signal <':<22} {'reqa':>6} {'dev':>6} {'check':>6}   {'caught':>7}")
    for signal in SIGNALS:
        for t in THRESHOLDS[signal]:
            fired = Counter((g, e) for g, e, _, ev in rows if ev[signal] < t)
            print(f"{signal + ' ' + str(t):<22} {fired['reqa', 'answer']:>6} {fired['dev', 'answer']:>6} "
                  f"{fired['check', 'answer']:>6}   {fired['dev', 'no_answer'] + fired['check', 'no_answer']:>3}"
                  f"/{sizes['dev', 'no_answer'] + sizes['check', 'no_answer']}")
    if args.list:
        signal, _, t = args.list.partition("=")
        for g, e, label, ev in rows:
            if ev[signal] < float(t):
                print(f"  {e:<9} {ev[signal]:.3f} {label}")


if __name__ == "__main__":
    main()
