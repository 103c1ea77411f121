"""A frozen copy of the engine for a benchmark run.

Benchmarks start several subprocesses over minutes; if briefbot/ changes in between (other work
lands in the same checkout), the build and the warm load would run different code and the cache
key would no longer match. So each run copies `git archive <rev> briefbot corpus` to a temporary
folder and puts it first on PYTHONPATH for every subprocess. `--code worktree` measures the files
as they are instead (uncommitted changes included).
"""
from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def freeze(rev: str = "HEAD") -> tuple[str, str | None]:
    """(label, folder to put first on PYTHONPATH); folder is None for the working tree."""
    if rev == "worktree":
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "briefbot"],
                               capture_output=True, text=True).stdout.strip()
        head = _short(REPO, "HEAD")
        return f"working tree at {head}{' (modified)' if dirty else ''}", None
    commit = _short(REPO, rev)
    folder = Path(tempfile.mkdtemp(prefix=f"briefbot-code-{commit}-"))
    data = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", rev, "briefbot", "corpus"],
                          capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return f"commit {commit}", str(folder)


def env_with(code: str | None, env: dict | None = None) -> dict:
    env = dict(os.environ if env is None else env)
    if code:
        env["PYTHONPATH"] = code + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _short(repo: Path, rev: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", rev],
                          capture_output=True, text=True, check=True).stdout.strip()
