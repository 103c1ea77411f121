"""Every test runs with briefbot's home (cache, saved sessions) in a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(autouse=True)
def briefbot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "briefbot-home"
    monkeypatch.setenv("BRIEFBOT_HOME", str(home))
    monkeypatch.delenv("BRIEFBOT_CACHE", raising=False)
    monkeypatch.delenv("BRIEFBOT_CORPUS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture(scope="session")
def seed_index():
    """The embedded briefing, indexed once for the whole run (read-only: do not mutate)."""
    from briefbot.cache import load
    return load([str(CORPUS)], lambda line: None, use_cache=False)
