#!/usr/bin/env python3
"""Wall time of one `briefbot ask` on the embedded briefing, and where that time goes.

  * warm cache: the command run N times (default 10) after one run has filled a temporary
    BRIEFBOT_CACHE; median and min, with output piped and on a terminal (a pty: Rich renders);
  * cold cache: the same with an empty cache folder each time (indexing the embedded corpus);
  * `python -c pass` for the interpreter's own start-up, for reference;
  * `python -X importtime` of the same command: total import time and the top-level packages that
    dominate it (nltk, numpy, rich, ...), by the cumulative time of their first import.
briefbot's modules are compiled to .pyc first, as `pip install` does: without them (a `git archive`
copy under PYTHONDONTWRITEBYTECODE=1, as here) every run compiles 14k lines of source, ≈150 ms that
no installed briefbot pays. `--source-only` measures that case.
Target (issue 8): warm `briefbot ask` ≤ 0.3 s wall.

    python bench/bench_cli.py [--runs 10] [--question "..."]
"""
from __future__ import annotations

import argparse
import compileall
import os
import pty
import resource
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import snapshot  # noqa: E402

QUESTION = "how many american soldiers are in iraq"
BIN = Path(sys.executable).parent


def briefbot_cmd() -> list[str]:
    exe = shutil.which("briefbot", path=str(BIN)) or shutil.which("briefbot")
    return [exe] if exe else [sys.executable, "-m", "briefbot"]


CPU: list[float] = []  # user+sys seconds of each timed run, in order


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], env: dict, tty: bool = False) -> tuple[float, int, str]:
    """(wall seconds, exit status, output) of one run; its CPU time goes to CPU."""
    cpu = _children_cpu()
    try:
        return _timed(cmd, env, tty)
    finally:
        CPU.append(_children_cpu() - cpu)


def _timed(cmd: list[str], env: dict, tty: bool = False) -> tuple[float, int, str]:
    if tty:
        master, slave = pty.openpty()
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                cwd=tempfile.gettempdir())
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait()
        wall = time.perf_counter() - t
        os.close(master)
        return wall, proc.returncode, b"".join(chunks).decode(errors="replace")
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - t, proc.returncode, proc.stdout


def series(cmd: list[str], env: dict, runs: int, tty: bool = False, before=None) -> list[float]:
    """Wall times of `runs` runs; their CPU times are the last `runs` entries of CPU."""
    out = []
    for _ in range(runs):
        if before:
            before()
        wall, status, _ = timed(cmd, env, tty)
        if status not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {status}")
        out.append(wall)
    return out


def importtime(cmd: list[str], env: dict) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]]]:
    """(total import seconds, packages by what their import costs, slowest single modules).

    A module's self time is charged to the outermost package on its import chain that is not
    briefbot: what nltk pulls in from the standard library (ctypes, platform, ...) counts as nltk.
    """
    python = [sys.executable, "-X", "importtime", "-m", "briefbot", *cmd[1:]] if cmd[0] != sys.executable \
        else [sys.executable, "-X", "importtime", *cmd[1:]]
    proc = subprocess.run(python, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    line = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
    rows = [(len(m[3]) // 2, m[4], int(m[1]) / 1e6) for m in map(line.match, proc.stderr.splitlines()) if m]
    # importtime prints a module after everything it imported; walk backwards to find parents.
    charged: dict[str, float] = defaultdict(float)
    stack: list[tuple[int, str]] = []  # (level, package charged at that level)
    for level, name, secs in reversed(rows):
        while stack and stack[-1][0] >= level:
            stack.pop()
        top = name.split(".")[0]
        owner = stack[-1][1] if stack and stack[-1][1] != "briefbot" else top
        charged[owner] += secs
        stack.append((level, owner))
    total = sum(secs for _, _, secs in rows)
    packages = sorted(charged.items(), key=lambda p: -p[1])
    modules = sorted(((n, s) for _, n, s in rows), key=lambda p: -p[1])
    return total, packages, modules


PHASES = """
import sys, time
t0 = time.perf_counter()
import briefbot.cli
from briefbot import cache
from briefbot.session import Session
from briefbot.plain import plain
t1 = time.perf_counter()
index = cache.load(None, print, None, use_cache=True)
t2 = time.perf_counter()
before = set(sys.modules)
reply = Session(index, k=3).handle(sys.argv[1])
t3 = time.perf_counter()
new = [m for m in set(sys.modules) - before
       if m.split(".")[0] not in sys.stdlib_module_names and not m.startswith(("briefbot", "_"))]
lazy = sorted({m.split(".")[0] if m.split(".")[0] not in before else ".".join(m.split(".")[:2]) for m in new})
text = plain(reply)
t4 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t1:.4f} {t3 - t2:.4f} {t4 - t3:.4f} {int('textual' in sys.modules)} {briefbot.cli.__file__} {','.join(lazy) or '-'}")
"""


def phases(question: str, env: dict, runs: int) -> tuple[list[float], bool, str, str]:
    """Median seconds of imports, warm cache load, answering, rendering (in one process)."""
    got = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES, question], env=env, capture_output=True, text=True,
                             cwd=tempfile.gettempdir())
        got.append(out.stdout.split())
    meds = [statistics.median(float(g[i]) for g in got) for i in range(4)]
    return meds, any(g[4] == "1" for g in got), got[0][5], got[0][6]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--code", default="HEAD", help="git revision of briefbot to measure, or 'worktree'")
    ap.add_argument("--source-only", action="store_true", help="no .pyc: every run compiles briefbot's source")
    args = ap.parse_args(argv)
    code_label, code = snapshot.freeze(args.code)
    if not args.source_only:
        compileall.compile_dir(Path(code or snapshot.REPO) / "briefbot", quiet=1)
    cmd = [*briefbot_cmd(), "ask", args.question]
    work = Path(tempfile.mkdtemp(prefix="briefbot-cli-bench-"))
    env = {k: v for k, v in snapshot.env_with(code).items() if k not in ("BRIEFBOT_CORPUS", "NO_COLOR")}
    env.update(BRIEFBOT_CACHE=str(work / "cache"), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
               TERM=env.get("TERM", "xterm-256color"))
    try:
        _, status, out = timed(cmd, env)  # fills the cache
        first_line = next((l for l in out.splitlines() if l.strip()), "")
        cpus: dict[str, list[float]] = {}
        warm = series(cmd, env, args.runs)
        cpus["warm cache, output piped"] = CPU[-args.runs:]
        warm_tty = series(cmd, env, args.runs, tty=True)
        cpus["warm cache, on a terminal (Rich)"] = CPU[-args.runs:]
        cold_env = dict(env, BRIEFBOT_CACHE=str(work / "cold"))
        cold = series(cmd, cold_env, args.cold_runs,
                      before=lambda: shutil.rmtree(work / "cold", ignore_errors=True))
        cpus["cold cache (indexes the briefing)"] = CPU[-args.cold_runs:]
        bare = series([sys.executable, "-c", "pass"], env, args.runs)
        cpus["`python -c pass` (interpreter alone)"] = CPU[-args.runs:]
        imports = series([sys.executable, "-c", "import briefbot.cli, briefbot.cache, briefbot.session"], env, args.runs)
        cpus["`python -c 'import briefbot.cli, .cache, .session'`"] = CPU[-args.runs:]
        total, packages, modules = importtime(cmd, env)
        phase, textual, code_file, lazy = phases(args.question, env, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if code:
            shutil.rmtree(code, ignore_errors=True)

    def row(name: str, xs: list[float]) -> str:
        cpu = cpus[name]
        return (f"| {name} | {statistics.median(xs):.3f} s | {min(xs):.3f} s | {statistics.median(cpu):.3f} s "
                f"| {len(xs)} |")

    print(f"`{' '.join(['briefbot', 'ask', repr(args.question)])}` on the embedded briefing, briefbot {code_label}, "
          f"{'source only (no .pyc)' if args.source_only else 'compiled to .pyc'} "
          f"(exit {status}; first line: {first_line[:70]!r})\n")
    print("| run | median wall | min wall | median CPU (user+sys) | runs |\n|---|---:|---:|---:|---:|")
    print(row("warm cache, output piped", warm))
    print(row("warm cache, on a terminal (Rich)", warm_tty))
    print(row("cold cache (indexes the briefing)", cold))
    print(row("`python -c pass` (interpreter alone)", bare))
    print(row("`python -c 'import briefbot.cli, .cache, .session'`", imports))
    print(f"\nLoad average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          "(wall time stretches when other work shares them; CPU time much less).")
    verdict = "meets" if statistics.median(warm_tty) <= 0.3 and statistics.median(warm) <= 0.3 else "MISSES"
    print(f"\nTarget warm ≤ 0.3 s: {verdict} it.\n")
    print("Inside one warm process (median): imports {:.0f} ms, cache load {:.0f} ms, answer {:.0f} ms "
          "(packages first imported while answering: {}), render {:.0f} ms; Textual imported: {}.\n".format(
              *(x * 1e3 for x in phase[:3]), lazy, phase[3] * 1e3, "yes" if textual else "no"))
    print(f"(briefbot imported from {code_file})\n", file=sys.stderr)
    print(f"`python -X importtime` of the same command: {total:.3f} s of imports in all "
          "(self time, charged to the outermost non-briefbot package that pulled the module in):\n")
    print("| package | import time | share |\n|---|---:|---:|")
    for name, secs in packages[:12]:
        print(f"| {name} | {secs * 1e3:.0f} ms | {100 * secs / total:.0f}% |")
    print("\nSlowest single modules (self time): " + ", ".join(f"{n} {s * 1e3:.0f} ms" for n, s in modules[:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
