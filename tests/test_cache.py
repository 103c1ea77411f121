"""The index cache: loaded when nothing changed, rebuilt when anything did, never trusted when damaged."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pytest

from briefbot import cache
from briefbot.atomic import STALE_TEMP_SECONDS, TEMP_PREFIX
from briefbot.search import Searcher


class Builds:
    """Counts real index builds, so a test can tell a cache hit from a rebuild."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.count = 0
        real = cache.build

        def counted(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(cache, "build", counted)


@pytest.fixture
def builds(monkeypatch) -> Builds:
    return Builds(monkeypatch)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bridge reopens\n\nEngineer Sam Lowe said the bridge reopens in May.\n")
    (corpus / "b.txt").write_text("Harbour crane\n\nThe harbour master said the crane lifts forty tonnes.\n")
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return corpus


def load(folder: Path, warnings: list[str] | None = None):
    return cache.load([str(folder)], (warnings if warnings is not None else []).append)


def cache_files() -> list[Path]:
    return sorted(p for p in cache.cache_dir().glob("*.npz")
                  if not p.name.endswith((".world.npz", ".names.npz", ".disagreements.npz")))


def world_files() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.world.npz"))


@pytest.fixture
def world_builds(monkeypatch) -> list[int]:
    """One entry per real world build."""
    built: list[int] = []
    real = cache.build_world

    def counted(index, world_file=None, progress=None):
        built.append(1)
        return real(index, world_file, progress)
    monkeypatch.setattr(cache, "build_world", counted)
    return built


def answer(index, query: str) -> str:
    return Searcher(index).search(query, 1).answers[0].text


def test_unchanged_corpus_is_loaded_not_rebuilt(folder: Path, builds: Builds):
    first = load(folder)
    second = load(folder)
    assert builds.count == 1
    assert len(cache_files()) == 1
    assert answer(second, "crane tonnes") == answer(first, "crane tonnes")
    assert [a.title for a in second.articles] == [a.title for a in first.articles]
    assert np.array_equal(second.docs, first.docs) and second.terms == first.terms
    assert second.facts == first.facts and np.array_equal(second.name_ids, first.name_ids)


def test_edited_file_is_rebuilt(folder: Path, builds: Builds):
    load(folder)
    (folder / "b.txt").write_text("Harbour crane\n\nThe harbour master said the crane lifts ninety tonnes.\n")
    warnings: list[str] = []
    index = load(folder, warnings)
    assert builds.count == 2
    assert answer(index, "crane tonnes").endswith("ninety tonnes.")
    assert len(cache_files()) == 1  # the stale cache was removed
    assert sum("changed" in w for w in warnings) == 1


def test_added_and_removed_files_are_rebuilt(folder: Path, builds: Builds):
    load(folder)
    (folder / "c.txt").write_text("Market\n\nThe fish market opens at dawn.\n")
    assert len(load(folder).articles) == 3
    (folder / "c.txt").unlink()
    assert len(load(folder).articles) == 2
    assert builds.count == 3


def test_corpus_synonyms_file_is_part_of_the_key(folder: Path, builds: Builds):
    load(folder)
    (folder / "synonyms.txt").write_text("crane, hoist\n")
    index = load(folder)
    assert builds.count == 2
    assert "crane" in answer(index, "hoist")


def test_engine_code_is_part_of_the_key(folder: Path, builds: Builds, monkeypatch):
    monkeypatch.setattr(cache, "_engine_digest", lambda: b"analysis 1")
    load(folder)
    load(folder)
    monkeypatch.setattr(cache, "_engine_digest", lambda: b"analysis 2")
    load(folder)
    assert builds.count == 2


def test_file_warnings_are_repeated_from_the_cache(folder: Path):
    first: list[str] = []
    second: list[str] = []
    load(folder, first)
    load(folder, second)
    bad = [w for w in first if "bad.txt" in w]
    assert bad == [f"{folder / 'bad.txt'}: binary, skipped"]
    assert [w for w in second if "bad.txt" in w] == bad


def test_cache_lives_in_briefbot_home_not_beside_the_corpus(folder: Path, briefbot_home: Path):
    load(folder)
    assert cache_files() and all(briefbot_home in p.parents for p in cache_files())
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt", "bad.txt"]


def test_briefbot_cache_variable(folder: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_CACHE", str(tmp_path / "elsewhere"))
    load(folder)
    assert len(list((tmp_path / "elsewhere").glob("*.npz"))) == 1


def test_no_cache_writes_nothing(folder: Path):
    cache.load([str(folder)], lambda line: None, use_cache=False)
    assert not cache.cache_dir().exists() or not any(cache.cache_dir().iterdir())


def damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def damage_garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def rewrite_meta(path: Path, change) -> None:
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(arrays["meta"].tobytes())
    change(meta, arrays)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    with open(path, "wb") as out:
        np.savez(out, **arrays)


def damage_version(path: Path) -> None:
    rewrite_meta(path, lambda meta, arrays: meta.update(format=cache.FORMAT - 1))


def damage_key(path: Path) -> None:
    rewrite_meta(path, lambda meta, arrays: meta.update(key="0" * 64))


def damage_postings(path: Path) -> None:
    def change(meta, arrays):
        arrays["docs"] = arrays["docs"] + 1000
    rewrite_meta(path, change)


def damage_article_postings(path: Path) -> None:
    def change(meta, arrays):
        arrays["art_docs"] = arrays["art_docs"] + 5
    rewrite_meta(path, change)


def damage_short_tfs(path: Path) -> None:
    def change(meta, arrays):
        arrays["tfs"] = arrays["tfs"][:-1]
    rewrite_meta(path, change)


def damage_spans(path: Path) -> None:
    def change(meta, arrays):
        arrays["sent_end"] = arrays["sent_end"] * 100
    rewrite_meta(path, change)


def damage_missing_array(path: Path) -> None:
    def change(meta, arrays):
        del arrays["tfs"]
    rewrite_meta(path, change)


def damage_pickle(path: Path) -> None:
    """An object array would need unpickling: it must be refused, not run."""
    with open(path, "wb") as out:
        np.savez(out, meta=np.array([{"key": "x"}], dtype=object))


@pytest.mark.parametrize("damage", [damage_truncate, damage_garbage, damage_empty, damage_version, damage_key,
                                    damage_postings, damage_article_postings, damage_short_tfs, damage_spans,
                                    damage_missing_array, damage_pickle])
def test_damaged_cache_is_rebuilt_with_one_warning(folder: Path, builds: Builds, damage):
    expected = answer(load(folder), "bridge reopens")
    [path] = cache_files()
    damage(path)
    warnings: list[str] = []
    index = load(folder, warnings)
    assert answer(index, "bridge reopens") == expected
    assert builds.count == 2
    assert len([w for w in warnings if w.startswith("cache ")]) == 1
    assert [w for w in warnings if w.startswith("cache ")][0].startswith(f"cache {path} is damaged")
    warnings.clear()
    load(folder, warnings)  # the rebuilt cache is good again
    assert builds.count == 2 and not [w for w in warnings if w.startswith("cache ")]


def test_unwritable_cache_still_answers(folder: Path, monkeypatch, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("BRIEFBOT_CACHE", str(blocker / "cache"))
    warnings: list[str] = []
    index = load(folder, warnings)
    assert answer(index, "bridge reopens")
    assert [w for w in warnings if w.startswith("cache ")] == [
        next(w for w in warnings if w.startswith("cache not saved"))]


def test_old_temporary_files_are_pruned_recent_ones_kept(folder: Path):
    """Only briefbot's own: the cache folder may be shared (BRIEFBOT_CACHE) with other programs."""
    load(folder)
    folder_ = cache.cache_dir()
    old, recent = folder_ / f"{TEMP_PREFIX}old.npz", folder_ / f"{TEMP_PREFIX}recent.npz"
    place = next(folder_.glob("*.npz")).name[:16]
    others = [folder_ / ".tmp-important-draft.txt", folder_ / f"{place}-another-programs.npz"]
    for path in [old, recent, *others]:
        path.write_bytes(b"half")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    for path in [old, *others]:
        os.utime(path, (long_ago, long_ago))
    (folder / "a.txt").write_text("Bridge shut\n\nThe bridge stays shut.\n")
    load(folder)
    assert not old.exists() and recent.exists()
    assert all(path.exists() for path in others)


def test_two_corpora_keep_their_own_caches(folder: Path, tmp_path: Path, builds: Builds):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Zoo\n\nThe panda ate bamboo.\n")
    load(folder), load(other), load(folder), load(other)
    assert builds.count == 2 and len(cache_files()) == 2


def same_world(a, b) -> bool:
    def things(w):
        return [(type(t).__name__, t.name, sorted(t.variants), t.sentences, t.description,
                 getattr(t, "role", None), getattr(t, "exits", None)) for t in w.things]
    return things(a) == things(b) and a.fact_of.tolist() == b.fact_of.tolist() and a.warnings == b.warnings


def test_world_is_saved_beside_the_index_and_read_back(folder: Path, world_builds: list[int]):
    (folder / "c.txt").write_text("Bridge works\n\nEngineer Sam Lowe said the bridge reopens in May.\n")
    first = cache.load_world(load(folder))
    assert world_builds == [1] and len(world_files()) == 1
    assert first.characters and first.fact_count < len(load(folder))  # a person, and a fact told twice
    second = cache.load_world(load(folder))
    assert world_builds == [1]
    assert same_world(first, second)


def test_world_is_built_again_when_the_world_file_changes(folder: Path, world_builds: list[int]):
    cache.load_world(load(folder))
    (folder / "world.toml").write_text('[[character]]\nname = "Sam Lowe"\ndescription = "The engineer."\n')
    world = cache.load_world(load(folder))
    assert world_builds == [1, 1]
    assert any(c.description == "The engineer." for c in world.characters)
    cache.load_world(load(folder))
    assert world_builds == [1, 1]


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_damaged_world_cache_is_built_again(folder: Path, world_builds: list[int], damage: bytes | None):
    good = cache.load_world(load(folder))
    [path] = world_files()
    if damage is None:  # a readable world of another index: sentence numbers beyond this one
        with np.load(path) as data:
            meta = json.loads(data["meta"].tobytes())
        meta["characters"][0][2] = [10**6]
        np.savez(path, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8), fact_of=good.fact_of)
    else:
        path.write_bytes(damage)
    again = cache.load_world(load(folder))
    assert world_builds == [1, 1]
    assert same_world(good, again)


def test_old_worlds_are_pruned_with_their_index(folder: Path):
    cache.load_world(load(folder))
    (folder / "a.txt").write_text("Bridge stays shut\n\nThe council said the bridge stays shut.\n")
    cache.load_world(load(folder))
    assert len(cache_files()) == 1 and len(world_files()) == 1
    assert world_files()[0].name.split(".")[0] == cache_files()[0].name.split(".")[0]
    for made in ("names", "disagreements"):  # compare's name runs and the brief's count, made with the world
        kept = list(cache.cache_dir().glob(f"*.{made}.npz"))
        assert len(kept) == 1 and kept[0].name.split(".")[0] == cache_files()[0].name.split(".")[0]


def test_world_build_reports_its_passes(folder: Path):
    heard: list[tuple[int, int]] = []
    cache.load_world(load(folder), lambda done, total: heard.append((done, total)))
    assert heard == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_warm_start_reads_no_article_when_no_file_changed(folder: Path, builds: Builds, monkeypatch):
    """The files' status (size, times, inode) says they are the ones indexed: none is read again."""
    cache.load([str(folder)], lambda line: None)
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    index = cache.load([str(folder)], lambda line: None)
    assert builds.count == 1 and len(index.articles) == 2
    assert not {"a.txt", "b.txt"} & set(read), read


def test_an_edit_that_keeps_the_size_is_still_seen(folder: Path, builds: Builds):
    cache.load([str(folder)], lambda line: None)
    a = folder / "a.txt"
    text = a.read_text()
    a.write_text(text.replace("May", "Jun"))  # same size, new modification time
    index = cache.load([str(folder)], lambda line: None)
    assert builds.count == 2 and any("Jun" in index.text_of(s) for s in range(len(index)))


def test_a_damaged_stamp_is_no_stamp(folder: Path, builds: Builds):
    first: list[str] = []
    cache.load([str(folder)], first.append)
    for stamp in cache.cache_dir().glob("*.stamp"):
        stamp.write_bytes(b"\xff\x00 not a stamp " * 40)
    warnings: list[str] = []
    index = cache.load([str(folder)], warnings.append)
    assert builds.count == 1 and len(index.articles) == 2 and warnings == first  # files hashed, cache used
