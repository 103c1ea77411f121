#!/usr/bin/env python3
"""Sentence splits over whole corpora, as the index makes them (each corpus folder its own Punkt,
trained as `indexing.build` trains it), saved to compare two versions of the splitter.

    python bench/sentence_splits.py --save /tmp/before.json     # with the old splitter
    python bench/sentence_splits.py --diff /tmp/before.json     # with the new: what changed

The default corpora are the five BBC folders and the web pages of ../shared/data. A change is a
sentence span of one version that the other does not have; `--diff` prints how many articles
and sentences changed, and a sample of the changed passages (old | new), to read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefbot.corpus import find_files, parse_file, read_files  # noqa: E402
from briefbot.text import split_sentences, train_splitter  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
FOLDERS = [DATA / "bbc-news" / f for f in ("business", "entertainment", "politics", "sport", "tech")] + \
    [DATA / "web-news" / "pages"]

Splits = dict[str, list[list[int]]]  # article source -> its sentence spans


def splits(folder: Path) -> tuple[Splits, dict[str, str]]:
    """Every article's sentence spans, and its text."""
    files = read_files(find_files([folder], lambda line: None), lambda line: None)
    articles = [a for f in files for a in parse_file(f, lambda line: None)]
    splitter = train_splitter([a.text for a in articles[:2000]])
    return ({a.source: [[s, e] for ps, pe in a.paragraphs for s, e in split_sentences(splitter, a.text, ps, pe)]
             for a in articles}, {a.source: a.text for a in articles})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--diff", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("folders", nargs="*", type=Path, default=FOLDERS)
    args = parser.parse_args()
    now: Splits = {}
    texts: dict[str, str] = {}
    for folder in args.folders:
        found, text = splits(folder)
        now.update(found), texts.update(text)
    print(f"{len(now)} articles, {sum(map(len, now.values()))} sentences")
    if args.save:
        args.save.write_text(json.dumps({"splits": now, "texts": texts}))
    if args.diff:
        before = json.loads(args.diff.read_text())
        old, old_texts = before["splits"], before["texts"]
        changed = []
        for source, spans in now.items():
            gone = [tuple(s) for s in old.get(source, []) if s not in spans]
            new = [tuple(s) for s in spans if s not in old.get(source, [])]
            if gone or new:
                changed.append((source, gone, new))
        print(f"changed: {len(changed)} articles, {sum(len(g) for _, g, _ in changed)} old sentences -> "
              f"{sum(len(n) for _, _, n in changed)} new")
        pairs = [(source, gone, new) for source, gone, new in changed]
        random.Random(8).shuffle(pairs)
        for source, gone, new in pairs[:args.sample]:
            print(f"\n{source}")
            for s, e in gone:
                print(f"  - {old_texts[source][s:e]!r}")
            for s, e in new:
                print(f"  + {texts[source][s:e]!r}")


if __name__ == "__main__":
    main()
