#!/usr/bin/env python3
"""How right the story's shape is, against lists made by reading the articles (bench/data):

  * timeline: the share of 30 timeline lines from ../shared/data/bbc-news/politics (`timeline budget`,
    `timeline kilroy`, `timeline general election`) whose date is right (value and precision as written),
    and whose planned mark is right (timeline_bbc.jsonl); the same on 33 lines of ../shared/data/bbc-news/tech
    (`timeline virus`, `timeline microsoft`, timeline_tech.jsonl), three of which date nothing (a year of a name);
  * compare: on the seeds, recall of the differences a reader listed (of the six kinds compare
    reads, and of all of them) and precision of what compare reports; on the Kilroy-Silk articles,
    the first 50 files of ../shared/data/bbc-news/tech (by name) and the whole tech folder, precision
    (compare_judged.jsonl; a claim nobody judged is printed, and counted apart);
  * brief: the share of a story's key points (story_points.json) its sentences tell, and with its key
    dates, and in the words its plain-text screen shows (each fact one line, cut around what matters), on the
    seeds and three BBC stories (Kilroy-Silk and the Budget in politics, Glazer in business), and on two held
    out (Yugansk and WorldCom in business: no weight of the brief was chosen on them).

    python bench/story_eval.py [--brief]   (--brief: the brief only)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from briefbot.brief import brief
from briefbot.cache import load, load_world
from briefbot.compare import KINDS, compare, retold
from briefbot.index import Index
from briefbot.plain import plain
from briefbot.reply import OK, Reply
from briefbot.search import Searcher
from briefbot.story_blocks import brief_blocks
from briefbot.timeline import timeline
from briefbot.topic import sentences_on

HERE = Path(__file__).resolve().parent
POLITICS = HERE.parents[1] / "shared" / "data" / "bbc-news" / "politics"
TECH = HERE.parents[1] / "shared" / "data" / "bbc-news" / "tech"
CORPUS = HERE.parent / "corpus"


def corpus(files: list[str] | None, folder: str = "politics") -> Index:
    paths = [str(CORPUS)] if files is None else [str(POLITICS.parent / folder / f) for f in files]
    return load(paths, lambda line: None)


def lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / "data" / name).read_text().splitlines() if line.strip()]


def eval_timeline(folder: Path, name: str, labels_file: str) -> None:
    """Lines judged by their first telling, as shown; a label with no date is a line that should not
    be there (a year of a name: "Windows 2000")."""
    idx = load([str(folder)], lambda line: None)
    fact_of = load_world(idx).fact_of
    labels = lines(labels_file)
    shown = []
    for topic in dict.fromkeys(label["topic"] for label in labels):
        for event in timeline(idx, fact_of, sentences_on(idx, topic), retold).events:
            if event.dated:
                text = idx.text_of(event.sentences[0])
                span = event.dated[0].span
                shown.append((topic, text, text[span.start:span.end], str(event.when), event.planned))
    right = planned = judged = no_date = 0
    for topic, text, written, when, is_planned in shown:
        label = next((x for x in labels if x["topic"] == topic and text.startswith(x["sentence"]) and x["written"] == written), None)
        if label is None:
            print(f"  not judged: [{topic}] {when} {written!r} in {text[:70]!r}")
            continue
        judged += 1
        if not label["date"]:
            no_date += 1
            print(f"  no date: [{topic}] shown {when} for {written!r}: {text[:70]!r}")
            continue
        right += label["date"] == when
        planned += label["planned"] == is_planned
        if label["date"] != when or label["planned"] != is_planned:
            print(f"  wrong: [{topic}] shown {when}{' planned' if is_planned else ''}, read {label['date']}"
                  f"{' planned' if label['planned'] else ''}: {text[:70]!r}")
    dated = [x for x in labels if x["date"]]
    print(f"timeline ({name}, {judged} lines judged of {len(shown)} shown; {len(labels)} labelled, {len(dated)} of them "
          f"dated): date right {right}/{judged} = {right / max(judged, 1):.3f} ({no_date} shown for a year of a name); "
          f"planned mark right {planned}/{judged - no_date} = {planned / max(judged - no_date, 1):.3f}")


def eval_compare(story: str, paths: list[str]) -> None:
    idx = load(paths, lambda line: None)
    judged = [x for x in lines("compare_judged.jsonl") if x["story"] == story]
    comparison = compare(idx, Searcher(idx).same_fact)
    contrasts = comparison.contrasts + comparison.spellings  # a name written two ways is a "name" claim

    def holds(c, x) -> bool:
        a, b = idx.text_of(c.a), idx.text_of(c.b)
        return (x["a"] in a and x["b"] in b) or (x["a"] in b and x["b"] in a)

    claims = [(c, kind) for c in contrasts for kind in c.kinds]
    right = wrong = 0
    for c, kind in claims:
        x = next((x for x in judged if x["kind"] == kind and holds(c, x)), None)
        if x is None:
            print(f"  not judged: {kind}: {idx.text_of(c.a)[:60]!r} / {idx.text_of(c.b)[:60]!r}")
        elif x["real"]:
            right += 1
        else:
            wrong += 1
    gold = [x for x in judged if x["gold"]]
    found = [x for x in gold if any(kind == x["kind"] and holds(c, x) for c, kind in claims)]
    readable = [x for x in gold if x["kind"] in KINDS]
    line = (f"compare ({story}, {len(idx.articles)} articles): {len(contrasts)} pairs, {len(claims)} claims; "
            f"precision {right}/{right + wrong} = {right / max(right + wrong, 1):.3f}")
    if gold:
        line += (f"; recall {len([x for x in found if x in readable])}/{len(readable)} of the {len(readable)} differences "
                 f"of the kinds compare reads, {len(found)}/{len(gold)} of all {len(gold)} a reader listed")
        for x in gold:
            if x not in found:
                print(f"  missed: {x['kind']}: {x['a']!r} / {x['b']!r} ({x.get('note', '')})")
    print(line)


def eval_brief(name: str, story: dict) -> None:
    """A story of story_points.json: its files, folder, key points and whether it is held out."""
    idx = corpus(story["files"], story.get("folder", "politics"))
    points: dict[str, list[str]] = story["points"]
    told = brief(idx, load_world(idx))
    sentences = [idx.text_of(s) for sent, others in told.facts for s in (sent, *others)]
    dates = [idx.text_of(s) for e in told.key_dates for s in e.sentences]

    def covered(texts: list[str]) -> list[str]:
        return [p for p, words in points.items() if any(w in t for w in words for t in texts)]

    in_sentences, with_dates = covered(sentences), covered(sentences + dates)
    screen = plain(Reply("brief", OK, brief_blocks(Searcher(idx), told))).splitlines()
    shown = covered(screen)  # in the words the screen shows (a fact's line is cut around what matters)
    print(f"brief ({name}{', held out' if story.get('heldout') else ''}, {len(idx.articles)} articles): "
          f"{len(told.facts)} sentences tell "
          f"{len(in_sentences)}/{len(points)} = {len(in_sentences) / len(points):.2f} of the key points; with its "
          f"{len(told.key_dates)} key dates {len(with_dates)}/{len(points)} = {len(with_dates) / len(points):.2f}; "
          f"shown on its {len(screen)} lines {len(shown)}/{len(points)} = {len(shown) / len(points):.2f}")
    for p in points:
        if p not in with_dates:
            print(f"  left out: {p}")


def main() -> None:
    stories = {k: v for k, v in json.loads((HERE / "data" / "story_points.json").read_text()).items() if k[0] != "_"}
    if "--brief" in sys.argv[1:]:
        for name, story in stories.items():
            eval_brief(name, story)
        return
    eval_timeline(POLITICS, "BBC politics", "timeline_bbc.jsonl")
    eval_timeline(TECH, "BBC tech", "timeline_tech.jsonl")
    eval_compare("seed", [str(CORPUS)])
    eval_compare("kilroy", [str(POLITICS / f) for f in stories["kilroy"]["files"]])
    eval_compare("tech50", [str(p) for p in sorted(TECH.iterdir())[:50]])
    eval_compare("tech", [str(TECH)])
    for name, story in stories.items():
        eval_brief(name, story)


if __name__ == "__main__":
    main()
