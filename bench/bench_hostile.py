"""Peak memory and time of `briefbot ask` on hostile input, beside an ordinary question in the same run.

Each case is a fresh process (its own cache folder), run twice: cold (indexing) and warm (from the
cache). The embedded briefing is the corpus, plus what the case adds:

    ordinary        an ordinary, misspelt question
    long question   a question of 100,000 random letters (refused: over the line limit)
    long word       one word of 1,990 random letters (just under the limit: typo correction must skip it)
    1 MB word       an article that is one word of a million letters, and a misspelt question
    synonyms        a synonyms.txt of 2,000 lines `soldiers, zqN` and `iraq, zrN` (29 KB)
    1 GB sparse     a 1 GB sparse file beside the articles (over the size limit: skipped unread)
    1 GB world      a 1 GB sparse world.toml, and `x pkk` (which needs the world: skipped unread)

    .venv/bin/python bench/bench_hostile.py [CASE...]      (default: every case)
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "how many americn soldirs are in iraq"


def letters(n: int) -> str:
    rng = random.Random(n)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


def make(case: str, folder: Path) -> str:
    """Build the case's corpus in `folder`; the question it asks."""
    shutil.copytree(ROOT / "corpus", folder)
    if case == "long question":
        return letters(100_000)
    if case == "long word":
        return "how many " + letters(1990)
    if case == "1 MB word":
        (folder / "blob.txt").write_text("Blob\n\n" + letters(1_000_000) + ".\n")
    elif case == "synonyms":
        (folder / "synonyms.txt").write_text("".join(f"soldiers, zq{n}\niraq, zr{n}\n" for n in range(1000)))
    elif case == "1 GB sparse":
        with open(folder / "sparse.txt", "wb") as f:
            f.truncate(1_000_000_000)
    elif case == "1 GB world":
        with open(folder / "world.toml", "wb") as f:
            f.truncate(1_000_000_000)
        return "x pkk"
    return QUESTION


def run(folder: Path, question: str, home: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one `briefbot ask`."""
    env = {**os.environ, "BRIEFBOT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("BRIEFBOT_CACHE", None)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "briefbot", "ask", "--corpus", str(folder), question],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    cases = sys.argv[1:] or ["ordinary", "long question", "long word", "1 MB word", "synonyms", "1 GB sparse",
                             "1 GB world"]
    print(f"{'case':<14} {'cold s':>7} {'cold MB':>8} {'warm s':>7} {'warm MB':>8} {'exit':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            folder, home = Path(tmp, case.replace(" ", "-")), Path(tmp, f"home-{case.replace(' ', '-')}")
            question = make(case, folder)
            cold = run(folder, question, home)
            warm = run(folder, question, home)
            print(f"{case:<14} {cold[0]:>7.2f} {cold[1]:>8.0f} {warm[0]:>7.2f} {warm[1]:>8.0f} {warm[2]:>5}")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
