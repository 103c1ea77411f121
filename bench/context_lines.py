"""The dim context lines of answers, over the dev-seed questions and a few follow-ups asked in a row
as one game on the embedded briefing: how many are shown, how many repeat a sentence (or context)
the last reply showed, how many are cut inside a clause, how many hold a lone quotation mark.

    python bench/context_lines.py                       # this checkout
    PYTHONPATH=/work/main python bench/context_lines.py # another one, for a before/after figure
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from briefbot import cache
from briefbot.plain import plain
from briefbot.reply import Passage, Reply
from briefbot.session import Session

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ENDS = ",;:.!?)\u201d\"\u2014"  # a clause ends with one of these
QUOTES = "\"\u201c\u201d"


def context_lines(passage: Passage) -> list[tuple[str, str, bool]]:
    """(the line drawn, the context it was cut from, whether it is the context before the answer)."""
    drawn = plain(Reply("", "answered", [passage])).splitlines()
    bare = plain(Reply("", "answered", [replace(passage, before="", after="")])).splitlines()
    return [(line.strip(), " ".join((passage.before or passage.after).split()), bool(passage.before))
            for line in drawn if line not in bare]


def inside_a_clause(line: str, context: str, before: bool) -> bool:
    """Whether a cut line starts (before the answer) or ends (after it) inside a clause of its context."""
    kept = line.strip("\u2026 ").strip(QUOTES)
    at = context.find(kept)
    if at < 0 or line == context:
        return False
    if before:
        return line.startswith("\u2026") and not (context[at - 1:at] == " " and context[at - 2:at - 1] in ENDS)
    rest = context[at + len(kept):]
    return line.endswith("\u2026") and not (kept[-1:] in ENDS or rest[:1] in ENDS)


def main() -> None:
    questions = [json.loads(line)["q"] for line in (SHARED / "eval" / "dev_seed.jsonl").read_text().splitlines()]
    lines = ["ask al-bayati about isis", "what else did he say?", *questions, "go harir", "how many soldiers are here?",
             "ask allawi about trainers", "tell me more", "why?"]
    with tempfile.TemporaryDirectory() as home:
        session = Session(cache.load(None, lambda line: None), home=Path(home))
        shown = repeated = cut_inside = lone = 0
        last: list[str] = []
        for line in lines:
            reply = session.handle(line)
            contexts = [c for p in reply.passages for c in (p.before, p.after) if c]
            repeated += sum(any(t in c or c in t for t in last) for c in contexts)
            for passage in reply.passages:
                for drawn, context, before in context_lines(passage) if passage.seen_at is None else ():
                    shown += 1
                    cut_inside += inside_a_clause(drawn, context, before)
                    lone += drawn.count("\u201c") != drawn.count("\u201d") or drawn.count('"') % 2
            if reply.passages:
                last = [p.answer.text for p in reply.passages] + contexts
    print(f"{len(lines)} lines in one game: {shown} context lines shown, {repeated} repeat what the last reply "
          f"showed, {cut_inside} cut inside a clause, {lone} with a lone quotation mark")


if __name__ == "__main__":
    main()
