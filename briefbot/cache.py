"""Loading a corpus into an Index, through a cache keyed by the files' content.

The cache lives in the user's cache folder (never beside the corpus), holds only NumPy arrays and
JSON (loaded with allow_pickle=False: nothing in it can run code), and is written to a temporary
file then renamed, so a crash or a second process never leaves a half-written cache that is trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import numpy as np
import platformdirs

from briefbot import __version__
from briefbot.corpus import Article, CorpusError, find_files, parse_file, read_files
from briefbot.index import ARRAYS, Index, Progress, build
from briefbot.lexicon import synonyms_text

FORMAT = 3  # bump when the cache layout or the analysis changes
Warn = Callable[[str], None]


def default_corpus() -> Path:
    """The embedded briefing: inside the installed package, or `corpus/` of a source checkout."""
    packaged = Path(str(resources.files("briefbot"))) / "corpus"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "corpus"


def cache_dir() -> Path:
    if env := os.environ.get("BRIEFBOT_CACHE"):
        return Path(env)
    if home := os.environ.get("BRIEFBOT_HOME"):
        return Path(home) / "cache"
    return Path(platformdirs.user_cache_dir("briefbot"))


def load(paths: list[str] | None, warn: Warn, progress: Progress | None = None, use_cache: bool = True) -> Index:
    """The Index of the articles under `paths` (default: the embedded briefing)."""
    roots = [Path(p) for p in paths] if paths else [default_corpus()]
    files = read_files(find_files(roots, warn), warn)
    synonyms = synonyms_text([r for r in roots if r.is_dir()])
    digest = hashlib.sha256(f"{FORMAT} {__version__}\n{synonyms}".encode())
    for f in files:
        digest.update(f"{f.path}\0{len(f.data)}\0".encode())
        digest.update(hashlib.sha256(f.data).digest())
    key = digest.hexdigest()
    path = cache_dir() / f"{key[:32]}.npz"
    if use_cache and path.exists():
        try:
            index, warnings = _read(path, key)
            for line in warnings:
                warn(line)
            return index
        except Exception as e:  # any damage at all: the cache is only a copy, rebuild it
            warn(f"cache {path} unusable ({type(e).__name__}), rebuilding")
    warnings: list[str] = []

    def warn_and_keep(line: str) -> None:
        warnings.append(line)
        warn(line)

    articles = [a for f in files for a in parse_file(f, warn_and_keep)]
    if not articles:
        raise CorpusError(f"no articles found in {', '.join(map(str, roots))}")
    index = build(articles, synonyms, progress)
    if use_cache:
        try:
            _write(path, key, index, warnings)
        except OSError as e:
            warn(f"cache not saved ({e.strerror or e}); the next run will index again")
    return index


def _write(path: Path, key: str, index: Index, warnings: list[str]) -> None:
    meta = {
        "key": key,
        "articles": [[a.path, a.source, a.title, a.outlet, a.date, a.url, a.text, a.paragraphs] for a in index.articles],
        "speakers": index.speakers, "terms": index.terms, "surface": index.surface,
        "synonyms": index.synonyms_text, "warnings": warnings,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(out, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                     **{name: getattr(index, name) for name in ARRAYS})
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _read(path: Path, key: str) -> tuple[Index, list[str]]:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes())
        if meta["key"] != key:
            raise ValueError("cache belongs to other files")
        arrays = {name: data[name] for name in ARRAYS}
    articles = [Article(p, s, t, o, d, u, text, tuple(map(tuple, paras)))
                for p, s, t, o, d, u, text, paras in meta["articles"]]
    index = Index(articles=articles, speakers=meta["speakers"], terms=meta["terms"], surface=meta["surface"],
                  synonyms_text=meta["synonyms"], **arrays)
    if len(index.ptr) != len(index.terms) + 1 or index.ptr[-1] != len(index.docs):
        raise ValueError("inconsistent arrays")
    return index, meta["warnings"]

