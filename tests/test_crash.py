"""Nothing lost, nothing half-written trusted: atomic writes, concurrent runs, kills and interrupts."""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from briefbot import cache, cli
from briefbot.atomic import TEMP_PREFIX, write_atomic
from briefbot.session import Session

WORDS = ("river stone market council budget harbour minister report week year bridge ferry port tax vote "
         "school road water power court").split()
NAMES = ["Ana", "Omar", "Lena", "Karim", "Sofia", "Yusuf", "Mira", "Tariq"]
NEEDLE_QUESTION, NEEDLE = "lighthouse keeper whale", "The lighthouse keeper Edda Brun counted a whale near the pier."


def generated(folder: Path, articles: int) -> Path:
    """Many small articles (slow enough to index that a run can be caught in the middle), one needle."""
    rng = random.Random(articles)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        sentences = [f"{rng.choice(NAMES)} said the {' '.join(rng.choice(WORDS) for _ in range(12))} today."
                     for _ in range(8)]
        (folder / f"a{i:04d}.txt").write_text(f"Story {i}\n\n{' '.join(sentences[:4])}\n\n{' '.join(sentences[4:])}\n")
    (folder / "needle.txt").write_text(f"Coast news\n\n{NEEDLE}\n")
    return folder


def briefbot(home: Path, *args: str, script: str = "") -> subprocess.Popen:
    """`briefbot ask …` in its own process; `script` runs first (to patch a step and signal it)."""
    env = {**os.environ, "BRIEFBOT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("BRIEFBOT_CACHE", None)
    code = f"{script}\nimport sys\nfrom briefbot.cli import main\nsys.exit(main({list(args)!r}))"
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def wait_for(path: Path, process: subprocess.Popen) -> None:
    while not path.exists():
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)


def cache_folder(home: Path) -> Path:
    return home / "cache"


def assert_good_cache(home: Path, folder: Path, monkeypatch) -> None:
    """Exactly one cache file (and the stamp naming it), no temporary left, and loading it in this
    process builds nothing."""
    names = sorted(p.name for p in cache_folder(home).iterdir() if not p.name.endswith(".stamp"))
    assert len(names) == 1 and names[0].endswith(".npz") and not names[0].startswith("."), names
    monkeypatch.setenv("BRIEFBOT_HOME", str(home))
    cache._engine_digest.cache_clear()  # the code as the runs just now read it, should it have been edited
    builds = []
    real = cache.build
    monkeypatch.setattr(cache, "build", lambda *a, **k: builds.append(1) or real(*a, **k))
    warnings: list[str] = []
    index = cache.load([str(folder)], warnings.append)
    assert builds == [] and warnings == []
    assert any(index.text_of(s) == NEEDLE for s in range(len(index)))


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return generated(tmp_path_factory.mktemp("big") / "corpus", 500)


# --- atomic writes ------------------------------------------------------------------------------

def test_cache_write_failing_midway_leaves_no_file(tmp_path: Path, monkeypatch):
    folder = generated(tmp_path / "corpus", 3)

    def savez_then_fail(out, **arrays):
        out.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(np, "savez", savez_then_fail)
    warnings: list[str] = []
    index = cache.load([str(folder)], warnings.append)
    assert any(index.text_of(s) == NEEDLE for s in range(len(index)))
    assert warnings == ["cache not saved (No space left on device); the next run will index again"]
    assert list(cache.cache_dir().iterdir()) == []


def test_cache_write_interrupted_leaves_old_cache_and_no_temp(tmp_path: Path, monkeypatch):
    folder = generated(tmp_path / "corpus", 3)
    cache.load([str(folder)], lambda line: None)
    [good] = list(cache.cache_dir().glob("*.npz"))
    before = good.read_bytes()
    (folder / "extra.txt").write_text("Extra\n\nAn extra story arrives.\n")

    def interrupted(out, **arrays):
        out.write(b"PK\x03\x04 half")
        raise KeyboardInterrupt
    monkeypatch.setattr(np, "savez", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.load([str(folder)], lambda line: None)
    assert list(cache.cache_dir().glob("*.npz")) == [good] and good.read_bytes() == before
    assert not [p for p in cache.cache_dir().iterdir() if p.name.startswith(".")]  # no temporary


def test_ctrl_c_while_indexing_exits_130_and_writes_nothing(tmp_path: Path, monkeypatch, capsys):
    folder = generated(tmp_path / "corpus", 3)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(cache, "build", interrupted)
    assert cli.main(["ask", "--corpus", str(folder), NEEDLE_QUESTION]) == 130
    assert "Traceback" not in capsys.readouterr().err
    assert not cache.cache_dir().exists() or list(cache.cache_dir().iterdir()) == []


def test_session_file_write_failing_midway_keeps_the_old_file(tmp_path: Path):
    target = tmp_path / "exports" / "notes.md"
    write_atomic(target, "old notes\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "new notes \ud800 that cannot be encoded")
    assert target.read_text() == "old notes\n"
    assert [p.name for p in target.parent.iterdir()] == ["notes.md"]  # no temporary left beside it


def test_save_and_export_are_whole_files(seed_index, tmp_path: Path):
    session = Session(seed_index, home=tmp_path)
    session.handle("where is harir base")
    session.handle("note 1")
    assert session.handle("save").status == "ok"
    assert session.handle("export").status == "ok"
    saved = json.loads((tmp_path / "briefbot-session.json").read_text())
    assert saved["state"]["notebook"] == session.state.notebook
    assert "Harir base in Erbil" in (tmp_path / "briefbot-notebook.md").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    restored = Session(seed_index, home=tmp_path)
    assert restored.handle("restore").status == "ok"
    assert restored.state.notebook == session.state.notebook


# --- processes ----------------------------------------------------------------------------------

def test_two_runs_at_once_on_a_cold_cache(big: Path, tmp_path: Path, monkeypatch):
    home = tmp_path / "home"
    runs = [briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION) for _ in range(2)]
    for run in runs:
        code, out, err = finish(run)
        assert code == 0, err
        assert json.loads(out)["answers"][0]["text"] == NEEDLE
        assert "damaged" not in err and "Traceback" not in err
    assert_good_cache(home, big, monkeypatch)


def test_sigkill_while_indexing_leaves_nothing_trusted(big: Path, tmp_path: Path, monkeypatch):
    home = tmp_path / "home"
    marker = tmp_path / "indexing"
    hold = (f"import pathlib, time\nfrom briefbot import cache\nreal = cache.build\n"
            f"def build(*a, **k):\n    pathlib.Path({str(marker)!r}).touch()\n    index = real(*a, **k)\n"
            f"    time.sleep(60)\n    return index\ncache.build = build")
    run = briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION, script=hold)
    wait_for(marker, run)
    time.sleep(0.3)  # well inside the build
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert not cache_folder(home).exists() or not any(cache_folder(home).glob("*.npz"))
    code, out, err = finish(briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION))
    assert code == 0 and json.loads(out)["answers"][0]["text"] == NEEDLE and "damaged" not in err
    assert_good_cache(home, big, monkeypatch)


def test_sigkill_while_writing_the_cache_leaves_nothing_trusted(big: Path, tmp_path: Path, monkeypatch):
    """Killed after the temporary file is written but before the rename: it must never be read."""
    home = tmp_path / "home"
    marker = tmp_path / "writing"
    hold = (f"import os, pathlib, time\nfrom briefbot import cache\n"
            f"def fsync(fd):\n    pathlib.Path({str(marker)!r}).touch()\n    time.sleep(60)\n"
            f"cache.os.fsync = fsync")
    run = briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION, script=hold)
    wait_for(marker, run)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    left = sorted(p.name for p in cache_folder(home).iterdir())
    assert len(left) == 1 and left[0].startswith(TEMP_PREFIX), left  # the half-done file, under a name never read
    code, out, err = finish(briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION))
    assert code == 0 and json.loads(out)["answers"][0]["text"] == NEEDLE
    assert "damaged" not in err
    npz = [p for p in cache_folder(home).iterdir() if not p.name.startswith(TEMP_PREFIX) and p.suffix == ".npz"]
    assert len(npz) == 1


def test_sigkill_at_an_arbitrary_moment(big: Path, tmp_path: Path, monkeypatch):
    """No patching: killed wherever it happens to be after a second; a later run still answers."""
    home = tmp_path / "home"
    run = briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION)
    time.sleep(1.0)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    code, out, err = finish(briefbot(home, "ask", "--json", "--corpus", str(big), NEEDLE_QUESTION))
    assert code == 0 and json.loads(out)["answers"][0]["text"] == NEEDLE
    assert "damaged" not in err and "Traceback" not in err


# --- damaged caches through the command line ---------------------------------------------------

@pytest.mark.parametrize("damage", ["truncate", "garbage", "version"])
def test_damaged_cache_rebuilt_with_one_warning_line(tmp_path: Path, capsys, damage: str):
    folder = generated(tmp_path / "corpus", 3)
    assert cli.main(["ask", "--json", "--corpus", str(folder), NEEDLE_QUESTION]) == 0
    capsys.readouterr()
    [path] = list(cache.cache_dir().glob("*.npz"))
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "garbage":
        path.write_bytes(b"not a cache at all" * 100)
    else:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        meta = json.loads(arrays["meta"].tobytes())
        meta["format"] = cache.FORMAT + 1
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
        with open(path, "wb") as out:
            np.savez(out, **arrays)
    assert cli.main(["ask", "--json", "--corpus", str(folder), NEEDLE_QUESTION]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["answers"][0]["text"] == NEEDLE
    [line] = err.splitlines()
    assert re.fullmatch(rf"briefbot: cache {re.escape(str(path))} is damaged \([\w ,.]+\); indexing again", line), line
    assert cli.main(["ask", "--json", "--corpus", str(folder), NEEDLE_QUESTION]) == 0
    assert capsys.readouterr().err == ""
