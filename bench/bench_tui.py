#!/usr/bin/env python3
"""How quickly the TUI is ready, and how quickly it answers.

  * start-up: `python -m briefbot` on the embedded briefing with a warm cache, run N times (default 5)
    as a fresh process with BRIEFBOT_TUI_EXIT_WHEN_READY set to the time of spawning it: the app exits
    once it has drawn the opening `look` with the prompt focused, and says how long after the spawn that
    was (interpreter start and imports included). The time to the process's exit is printed too.
    Target (issue 3): ≤ 1.0 s.
  * Enter to answer: the ~100k-sentence corpus of bench/make_corpus.py (BBC + SQuAD text, written under
    /tmp/briefbot-bench, never committed), indexed once into a temporary cache, then the app driven by
    Pilot: for each benchmark question (bench/data/bbc_dev.jsonl), the time from the Enter action (the
    prompt's submit: the line is queued, the session answers in a worker thread, the turn is mounted)
    until every widget of the new turn has been laid out, polled each millisecond. The questions come
    half a second apart, as a reader's would (the app collects garbage between turns, not during
    them). The transcript grows as in a real game (it keeps the last 25 turns), so later questions
    pay for a longer transcript. Target: ≤ 100 ms.

    python bench/bench_tui.py [--runs 5] [--size 100k] [--questions 40]
    python bench/bench_tui.py --screenshot docs/screenshot.svg   # the README's picture, nothing else
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
READING = 0.5  # seconds from an answer to the next question: a reader takes at least that
sys.path.insert(0, str(HERE))


def startup(runs: int) -> tuple[list[float], list[float]]:
    """(seconds from spawning to ready for input, seconds from spawning to the process's exit) per run."""
    from briefbot.tui.app import EXIT_WHEN_READY
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BRIEFBOT_HOME": home}
        env.pop("BRIEFBOT_CACHE", None)
        env.pop("BRIEFBOT_CORPUS", None)
        command = [sys.executable, "-m", "briefbot"]
        ready, whole = [], []
        for run in range(runs + 1):  # the first run fills the cache
            env[EXIT_WHEN_READY] = repr(time.time())
            started = time.perf_counter()
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            if run:
                whole.append(time.perf_counter() - started)
                ready.append(float(re.search(r"ready for input ([\d.]+) s", done.stderr)[1]))
    return ready, whole


async def answering(corpus: Path, questions: list[str]) -> tuple[int, float, float, list[float], list[float]]:
    """(sentences, load seconds, seconds until ready for input, Enter-to-answer seconds per question,
    seconds of that in Session.handle)."""
    from briefbot.cache import load
    from briefbot.tui.app import BriefbotApp
    from briefbot.tui.widgets import PromptInput, Transcript

    started = time.perf_counter()
    index = load([str(corpus)], lambda line: None)
    loaded = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as home:
        app = BriefbotApp(index=index, home=Path(home))
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            while app.session is None:  # the world is built in the loading worker
                await pilot.pause(0.01)
            ready = time.perf_counter() - started
            prompt = app.query_one(PromptInput)
            transcript = app.query_one(Transcript)
            handle, engine = app.session.handle, []

            def timed(line: str):
                t = time.perf_counter()
                reply = handle(line)
                engine.append(time.perf_counter() - t)
                return reply
            app.session.handle = timed
            times = []
            for question in questions:
                await pilot.pause(READING)
                last = transcript.children[-1]
                prompt.value = question
                t0 = time.perf_counter()
                await prompt.action_submit()  # what Enter does
                await _laid_out(transcript, last)
                times.append(time.perf_counter() - t0)
    return len(index), loaded, ready, times, engine


async def _laid_out(transcript, last) -> None:
    """Until a new turn is in the transcript with every one of its widgets laid out (given a size)."""
    from briefbot.tui.widgets import ReplyView
    while True:
        view = transcript.children[-1]
        if view is not last and isinstance(view, ReplyView) and view.children \
                and all(w.size.height for w in view.children):
            return
        await asyncio.sleep(0.001)


async def screenshot(path: Path, question: str = "how many American soldiers are in Iraq") -> None:
    """The README's picture: the embedded briefing at 120×36 after one question, as SVG."""
    from briefbot.cache import load
    from briefbot.tui.app import BriefbotApp
    from briefbot.tui.widgets import PromptInput

    os.chdir(HERE.parent)  # citations read corpus/…, not this machine's checkout path
    with tempfile.TemporaryDirectory() as home:
        app = BriefbotApp(index=load(["corpus"], lambda line: None, use_cache=False), home=Path(home))
        async with app.run_test(size=(120, 36)) as pilot:
            while app.session is None:
                await pilot.pause(0.01)
            prompt = app.query_one(PromptInput)
            prompt.cursor_blink = False
            prompt.value = question
            await pilot.press("enter")
            await pilot.pause(0.3)
            app.save_screenshot(path.name, path=str(path.parent))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", default="100k", help="corpus size for Enter-to-answer (bench/make_corpus.py)")
    ap.add_argument("--questions", type=int, default=40)
    ap.add_argument("--screenshot", type=Path, metavar="SVG", help="only save the README screenshot there")
    args = ap.parse_args(argv)
    if args.screenshot:
        asyncio.run(screenshot(args.screenshot.resolve()))
        print(f"wrote {args.screenshot}")
        return 0

    ready, whole = startup(args.runs)
    print(f"start-up to ready for input, embedded briefing, warm cache ({args.runs} runs): "
          f"median {statistics.median(ready):.3f} s, min {min(ready):.3f} s  (target <= 1.0 s); "
          f"to the process's exit: median {statistics.median(whole):.3f} s")

    import make_corpus
    corpus = make_corpus.make(make_corpus.size_arg(args.size))
    lines = (HERE / "data" / "bbc_dev.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["q"] for line in lines if line.strip()][: args.questions]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BRIEFBOT_CACHE"] = cache
        print(f"indexing {corpus} (cold cache) ...", flush=True)
        asyncio.run(answering(corpus, questions[:1]))  # builds the cache
        sentences, loaded, ready, times, engine = asyncio.run(answering(corpus, questions))
    print(f"{args.size} corpus ({sentences:,} sentences): warm cache load {loaded:.2f} s; "
          f"app with that index ready for input in {ready:.2f} s")
    print(f"Enter to answer shown ({len(times)} questions): p50 {1000 * statistics.median(times):.1f} ms, "
          f"p95 {1000 * percentile(times, 95):.1f} ms, max {1000 * max(times):.1f} ms  (target <= 100 ms)")
    print(f"  of which Session.handle: p50 {1000 * statistics.median(engine):.1f} ms, "
          f"p95 {1000 * percentile(engine, 95):.1f} ms, max {1000 * max(engine):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
