"""How many terminal lines an answer takes at 80 columns, over the dev-seed questions on the embedded
briefing: the reply as `briefbot ask` draws it in a terminal (Rich), and whether the whole reply fits
the 20 rows the TUI leaves a turn at 80×24 (status line, prompt and keys take the other four), and how
many answer sentences are drawn whole (not cut with "…").

    python bench/glance.py                       # this checkout
    PYTHONPATH=/work/main python bench/glance.py # another one, for a before/after figure
"""
from __future__ import annotations

import io
import json
import statistics
from pathlib import Path

from rich.console import Console

from briefbot import cache
from briefbot.render import render
from briefbot.session import Session

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ROWS = 20  # of 24: one for the status line, two for the prompt, one for the keys


def drawn(reply) -> str:
    console = Console(width=80, record=True, file=io.StringIO(), color_system=None)
    console.print(render(reply))
    return console.export_text().rstrip("\n")


def main() -> None:
    questions = [json.loads(line) for line in (SHARED / "eval" / "dev_seed.jsonl").read_text().splitlines()]
    session = Session(cache.load(None, lambda line: None))
    per_answer, fits, whole, answers = [], 0, 0, 0
    for q in questions:
        session.reset()
        reply = session.handle(q["q"])
        text = drawn(reply)
        lines = len(text.splitlines()) + 2  # and the echo of the question, with its blank line
        fits += lines <= ROWS
        flat = " ".join(text.split())
        whole += sum(" ".join(p.answer.text.split()) in flat for p in reply.passages)  # not cut with "…"
        answers += len(reply.passages)
        if reply.passages:
            per_answer.append(lines / len(reply.passages))
    print(f"{len(questions)} questions: {statistics.mean(per_answer):.1f} lines an answer "
          f"(max {max(per_answer):.1f}); the whole reply fits 80x24 in {fits} of {len(questions)}; "
          f"answer sentences drawn whole: {whole} of {answers}")


if __name__ == "__main__":
    main()
