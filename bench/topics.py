"""What `talk to X` says each person talks about, over the five BBC folders: the topics of the
people quoted most in each, to read for junk (verbs, adverbs, the outlet, words that say nothing
alone: "consideration", "never", "seats"), and how long each takes (wall and CPU: `talk to X` waits on it).

    python bench/topics.py            # this checkout
    python bench/topics.py --people 8 # more people a folder
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefbot import cache
from briefbot.session import Session
from briefbot.topic import talked_about

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc-news"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5)
    args = parser.parse_args()
    for folder in sorted(p for p in BBC.iterdir() if p.is_dir()):
        session = Session(cache.load([str(folder)], lambda line: None))
        people = sorted(session.world.characters, key=lambda c: -len(c.sentences))[:args.people]
        print(f"## {folder.name}")
        for person in people:
            wall, cpu = time.perf_counter(), time.process_time()
            topics = talked_about(session.index, session.world, person)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{person.name} ({len(person.sentences)} sentences, {wall:.2f} s wall, {cpu:.2f} s CPU): "
                  f"{', '.join(topics)}")


if __name__ == "__main__":
    main()
