#!/usr/bin/env python3
"""Answer quality in-process, over several question sets at once, for one `Ranking` or a sweep.

Scores the way ../shared/tools/answer_eval.py does (a folded gold string inside the answer's
sentence, or for ReQA a cited sentence overlapping the gold span; no-answer questions must get
none), but loads each corpus once and runs `Searcher.search` directly, so a sweep over many
values takes minutes, not hours. The BBC dev set is scored per folder, and the folders are split
into a tuning half and a checking half (`--tune`), so that a value chosen on some folders is
checked on the others.

  python bench/sweep.py                                  # the default Ranking on every set
  python bench/sweep.py --try type_bonus=1.0,1.3,1.6     # one row per value
  python bench/sweep.py --try pool=40,80 --try b=0.4,0.5 # the grid of both
  python bench/sweep.py --misses bbc:tech                # list the misses of one set
  python bench/sweep.py --check                          # and the check sets never tuned on

The check sets (bench/data: 16 fresh questions on the embedded story, the older BBC sets on all
2,095 articles, three multi-article BBC stories) are written by reading the articles and are never used to choose a value: they
show whether a choice carries over to questions nobody tuned to.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from briefbot.cache import load  # noqa: E402
from briefbot.index import Index  # noqa: E402
from briefbot.ranking import FEATURES, RANKING, Ranking  # noqa: E402
from briefbot.question import with_question_words_as_meant  # noqa: E402
from briefbot.search import Searcher  # noqa: E402

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                      "\u2013": "-", "\u2014": "-", "\u00a0": " "})
BBC = ("business", "entertainment", "politics", "sport", "tech")
TUNE = ("business", "politics", "tech")  # the other two folders check what these chose


def fold(s: str) -> str:
    return " ".join(s.translate(FOLD).casefold().split())


@dataclass
class QuestionSet:
    name: str
    corpus: list[str]
    questions: list[dict]
    base: Path  # where gold_span paths start


@dataclass
class Score:
    answerable: int = 0
    hit1: int = 0
    hit3: int = 0
    unanswerable: int = 0
    caught: int = 0  # unanswerable questions given no answer
    false_no: int = 0  # answerable questions given no answer
    typed_hits: int = 0  # typed questions whose first answer is right…
    span_right: int = 0  # …and whose answer span is in the gold or holds it

    def add(self, other: Score) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def row(self) -> str:
        n = max(self.answerable, 1)
        return f"{self.hit1 / n:.3f} {self.hit3 / n:.3f} {self.caught}/{self.unanswerable} {self.false_no}"

    def spans(self) -> str:
        return f"{self.span_right}/{self.typed_hits}"


def read_jsonl(path: Path, every: int = 1) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return lines[::every]


def check_sets() -> list[QuestionSet]:
    """The sets no value is chosen on (see the module's docstring)."""
    data, bbc = ROOT / "bench" / "data", [str(SHARED / "data" / "bbc-news")]
    return [QuestionSet("check:seed", [str(ROOT / "corpus")], read_jsonl(data / "seed_fresh.jsonl"), ROOT),
            QuestionSet("check:bbc", bbc, read_jsonl(data / "bbc_dev.jsonl"), ROOT),
            QuestionSet("check:bbc-heldout", bbc, read_jsonl(data / "bbc_heldout.jsonl"), ROOT),
            *(QuestionSet(f"check:{path.stem}", [str(path.with_suffix(""))], read_jsonl(path), ROOT)
              for path in sorted((data / "stories").glob("*.jsonl"))),
            *per_folder("fresh", read_jsonl(data / "bbc_fresh.jsonl"))]


def per_folder(prefix: str, questions: list[dict]) -> list[QuestionSet]:
    """One set per BBC folder of questions that name their folder ("corpus"), each on that folder alone."""
    return [QuestionSet(f"{prefix}:{folder}", [str(SHARED / "data" / "bbc-news" / folder)],
                        [q for q in questions if q["corpus"] == folder], ROOT) for folder in BBC]


def question_sets(reqa_every: int) -> list[QuestionSet]:
    sets = [QuestionSet("seed", [str(ROOT / "corpus")], read_jsonl(SHARED / "eval" / "dev_seed.jsonl"), ROOT)]
    sets += per_folder("bbc", read_jsonl(SHARED / "eval" / "bbc_dev.jsonl"))
    reqa = SHARED / "data" / "reqa-squad"
    sets.append(QuestionSet("reqa", [str(reqa / "corpus")], read_jsonl(reqa / "questions.jsonl", reqa_every), reqa))
    return sets


def rank_of_hit(index: Index, searcher: Searcher, q: dict, base: Path) -> tuple[bool, int | None, bool | None]:
    """(answered at all, rank of the first right answer or None, whether answer 1's span is in
    the gold or holds it: None without a span or a gold string)."""
    result = searcher.search(with_question_words_as_meant(q["q"]), 3)  # as the parser passes it on
    span_right = None
    if result.answers and (sp := result.answers[0].answer_span) is not None and q.get("gold"):
        found = fold(result.answers[0].text[sp.start:sp.end])
        span_right = any(found in fold(g) or fold(g) in found for g in q["gold"])
    for rank, answer in enumerate(result.answers, 1):
        sents = [answer.sentence_id, *(v.sentence_id for v in answer.versions)] if q.get("gold_span") \
            else [answer.sentence_id]  # a gold string is looked for in the answer's own text
        if any(is_right(index, s, q, base) for s in sents):
            return True, rank, span_right
    return bool(result.answers), None, span_right


def is_right(index: Index, sent: int, q: dict, base: Path) -> bool:
    """A folded gold string inside the sentence, or for ReQA the sentence overlapping the gold span."""
    if span := q.get("gold_span"):
        return (Path(index.article_of(sent).path).resolve() == (base / span["path"]).resolve()
                and index.sent_start[sent] < span["end"] and span["start"] < index.sent_end[sent])
    return any(fold(g) in fold(index.text_of(sent)) for g in q.get("gold", []))


def evaluate(qset: QuestionSet, index: Index, ranking: Ranking, misses: bool = False,
             ranks: dict[str, int | None] | None = None) -> Score:
    index.rank_with(ranking)
    searcher = Searcher(index)
    score = Score()
    for q in qset.questions:
        answered, rank, span_right = rank_of_hit(index, searcher, q, qset.base)
        if ranks is not None:
            ranks[f"{qset.name}/{q['id']}"] = rank if answered else 0
        if q.get("expect", "answer") == "no_answer":
            score.unanswerable += 1
            score.caught += not answered
            if misses and answered:
                print(f"  ANSWERED {q['id']}: {q['q']}")
            continue
        score.answerable += 1
        score.hit1 += rank == 1
        score.hit3 += rank is not None
        score.false_no += not answered
        if rank == 1 and span_right is not None:
            score.typed_hits += 1
            score.span_right += span_right
        if misses and rank != 1:
            top = searcher.search(with_question_words_as_meant(q["q"]), 1).answers
            print(f"  {'LOW ' if rank else 'MISS'} {q['id']} [{q.get('type', '')}] {q['q']!r} rank={rank} "
                  f"top={top[0].text[:90] if top else None!r}")
    return score


def variants(tries: list[str]) -> list[Ranking]:
    """Every combination of the values tried; `w.FEATURE` names one of the second-stage weights."""
    axes = []
    for t in tries:
        name, _, values = t.partition("=")
        kind = float if name.startswith("w.") else type(getattr(RANKING, name))
        kind = (lambda v: v.lower() in ("1", "true", "yes")) if kind is bool else kind
        axes.append([(name, kind(v)) for v in values.split(",")])
    out = []
    for combo in itertools.product(*axes):
        weights = list(RANKING.weights)
        for name, v in combo:
            if name.startswith("w."):
                weights[FEATURES.index(name[2:])] = v
        out.append(replace(RANKING, weights=tuple(weights), **{n: v for n, v in combo if not n.startswith("w.")}))
    return out or [RANKING]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--try", dest="tries", action="append", default=[], help="FIELD=v1,v2,… of Ranking")
    ap.add_argument("--reqa-every", type=int, default=10)
    ap.add_argument("--only", help="comma-separated set names (seed, bbc:tech, reqa, …; bbc or fresh: every folder)")
    ap.add_argument("--misses", help="print the misses of this set")
    ap.add_argument("--weights", action="append", default=[], help="second-stage weights, space-separated")
    ap.add_argument("--folders", action="store_true", help="a column for each BBC folder too")
    ap.add_argument("--check", action="store_true", help="the check sets too (bench/data; never tune on them)")
    ap.add_argument("--ranks", type=Path, help="write each question's rank (0: no answer) here, as JSON, to diff two runs")
    args = ap.parse_args()
    sets = [s for s in question_sets(args.reqa_every) + (check_sets() if args.check else [])
            if not args.only or {s.name, s.name.partition(":")[0]} & set(args.only.split(",")) or s.name == args.misses]
    indexes = {s.name: load(s.corpus, lambda line: None) for s in sets}
    shown = [s for s in sets if args.folders or not s.name.startswith(("bbc:", "fresh:"))]
    fresh = any(s.name.startswith("fresh:") for s in sets)
    header = "  ".join(f"{s.name:>18}" for s in shown)
    print(f"{'variant':<32} {header}   {'bbc tune':>18} {'bbc check':>18} {'bbc all':>18} {'spans':>7}"
          + (f" {'check:fresh':>18}" if fresh else ""))
    rankings = variants(args.tries) + [replace(RANKING, weights=tuple(map(float, w.split()))) for w in args.weights]
    for ranking in rankings:
        t0 = time.perf_counter()
        label = ", ".join(f"{f.name}={getattr(ranking, f.name)}" for f in fields(ranking) if f.name != "weights"
                          if getattr(ranking, f.name) != getattr(RANKING, f.name)) or (
            " ".join(f"w.{f}={w}" for f, w, d in zip(FEATURES, ranking.weights, RANKING.weights) if w != d) or "default")
        ranks: dict[str, int | None] = {}
        scores = {s.name: evaluate(s, indexes[s.name], ranking, args.misses == s.name, ranks) for s in sets}
        if args.ranks:
            args.ranks.write_text(json.dumps(ranks, indent=0))
        tune, check, total, unseen = Score(), Score(), Score(), Score()
        for name, sc in scores.items():
            if name.startswith("bbc:"):
                (tune if name[4:] in TUNE else check).add(sc)
                total.add(sc)
            elif name.startswith("fresh:"):
                unseen.add(sc)
        cells = "  ".join(f"{scores[s.name].row():>18}" for s in shown)
        print(f"{label:<32} {cells}   {tune.row():>18} {check.row():>18} {total.row():>18} {total.spans():>7}"
              + (f" {unseen.row():>18}" if fresh else "") + f"  ({time.perf_counter() - t0:.0f} s)", flush=True)
    print("cells: hit@1 hit@3 unanswerable-caught false-no-answers; spans: BBC first answers right with a"
          " span whose span is in the gold or holds it")


if __name__ == "__main__":
    main()
