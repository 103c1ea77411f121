"""Loading a corpus into an Index, through a cache keyed by the files' content.

The cache lives in the user's cache folder (never beside the corpus), holds only NumPy arrays and
JSON (loaded with allow_pickle=False: nothing in it can run code), and is written to a temporary
file then renamed, so a crash or a second process never leaves a half-written cache that is trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from contextlib import suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np
import platformdirs

from briefbot import __version__
from briefbot.atomic import write_atomic
from briefbot.corpus import (MARKDOWN_SUFFIXES, TEXT_SUFFIXES, Article, CorpusError, SourceFile, file_type, find_files,
                             max_file_bytes, over_limit, parse_files, read_files, readable_types, shown, skipped_line)
from briefbot.formats import FEED_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES, WORD_SUFFIXES
from briefbot.index import ARRAYS, Index, Postings, Progress
from briefbot.indexing import build
from briefbot.lexicon import synonyms_text
from briefbot.spans import SPAN_TYPES
from briefbot.text import known_words, learn_words
from briefbot.world import Character, Organisation, Place, World, build_world, world_file_bytes

FORMAT = 39  # bump when the cache layout or the analysis changes
Warn = Callable[[str], None]


def default_corpus() -> Path:
    """The embedded briefing: inside the installed package, or `corpus/` of a source checkout."""
    packaged = Path(str(resources.files("briefbot"))) / "corpus"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "corpus"


def world_file(paths: list[str] | None) -> Path | None:
    """The optional world file of a corpus: `world.toml` in its (first) folder."""
    folder = next((Path(p) for p in paths if Path(p).is_dir()), None) if paths else default_corpus()
    return folder / "world.toml" if folder and (folder / "world.toml").is_file() else None


def cache_dir() -> Path:
    if env := os.environ.get("BRIEFBOT_CACHE"):
        return Path(env)
    if home := os.environ.get("BRIEFBOT_HOME"):
        return Path(home) / "cache"
    return Path(platformdirs.user_cache_dir("briefbot"))


def load(paths: list[str] | None, warn: Warn, progress: Progress | None = None, use_cache: bool = True,
         list_skipped: bool = False) -> Index:
    """The Index of the articles under `paths` (default: the embedded briefing). Files of types
    briefbot does not read are counted in one warning, and named each in one more with `list_skipped`."""
    index = _load(paths, warn, progress, use_cache, list_skipped)
    index.world_file = world_file(paths)
    return index


def _load(paths: list[str] | None, warn: Warn, progress: Progress | None, use_cache: bool,
          list_skipped: bool) -> Index:
    roots = [Path(p) for p in paths] if paths else [default_corpus()]
    skipped: list[str] = []
    located = find_files(roots, warn, skipped)
    synonyms = synonyms_text([r for r in roots if r.is_dir()], warn)
    # One cache file per corpus location, named by content: an edit makes a new one, the old is pruned.
    # The location as spelt too: `cc` and `/abs/cc` index the same files under other paths (which
    # citations show), so each keeps its own cache rather than rebuild and prune the other's.
    place = hashlib.sha256(b"\0".join(os.fsencode(os.path.abspath(r)) + b"\1" + os.fsencode(r)
                                      for r in roots)).hexdigest()[:16]
    folder = cache_dir()
    statuses = _statuses(located) if use_cache else None
    tried = None
    if statuses is not None and (key := _stamped_key(folder, place, located, statuses, synonyms)):
        tried = folder / f"{place}-{key[:32]}.npz"  # no file changed: none is read
        index = _cached(tried, key, warn)
        if index is not None:
            for path, st in zip(located, statuses):
                over_limit(path, st.st_size, warn)
            _say_skipped(skipped, warn, list_skipped)
            return index
    files = read_files(located, warn)
    kinds = {_reader_kind(f) for f in files}
    key = _content_key(files, synonyms, kinds)
    path = folder / f"{place}-{key[:32]}.npz"
    if use_cache and path != tried:
        if path.exists():
            index = _cached(path, key, warn)
            if index is not None:
                _say_skipped(skipped, warn, list_skipped)
                _remember(folder, place, Stamped(located, statuses, synonyms, kinds), key)
                return index
        elif any(folder.glob(f"{place}-*.npz")):
            warn("the articles (or briefbot) changed since they were indexed; indexing again")
    warnings: list[str] = []

    def warn_and_keep(line: str) -> None:
        warnings.append(line)
        warn(line)

    articles = parse_files(files, warn_and_keep)
    found = sorted({file_type(f.path) for f in files} | {file_type(p) for p in skipped})
    del files  # the raw bytes are no longer needed: let them go before the build's peak
    _say_skipped(skipped, warn, list_skipped)
    if not articles:
        holds = f" (it holds {', '.join(found)})" if found else ""
        raise CorpusError(f"no articles found in {', '.join(map(str, roots))}{holds}; briefbot reads "
                          f"{readable_types()}")
    index = build(articles, synonyms, progress)
    if use_cache:
        try:
            _write(path, key, index, warnings)
            index.cache_file = path
            _prune(folder, place, path)
            _remember(folder, place, Stamped(located, statuses, synonyms, kinds), key)
        except OSError as e:
            warn(f"cache not saved ({e.strerror or e}); the next run will index again")
    return index


def _cached(path: Path, key: str, warn: Warn) -> Index | None:
    """The index saved at `path` for `key`, its build's warnings said again; None if there is
    none or it is damaged (said: the cache is only a copy, and is rebuilt)."""
    try:
        index, warnings = _read(path, key)
    except FileNotFoundError:
        return None
    except Exception as e:  # any damage at all
        reason = str(e) if isinstance(e, Damaged) else type(e).__name__
        warn(f"cache {path} is damaged ({reason}); indexing again")
        return None
    for line in warnings:
        warn(line)
    index.cache_file = path
    return index


def _statuses(paths: list[Path]) -> list[os.stat_result] | None:
    """Each file's status, or None when one cannot be looked at."""
    try:
        return [path.stat() for path in paths]
    except OSError:
        return None


class Stamped(NamedTuple):
    """What a stamp is taken over."""
    paths: list[Path]
    statuses: list[os.stat_result] | None
    synonyms: str
    kinds: set[str]  # the kinds of reader the files needed when last read (`_reader_kind`)


def _stamp(stamped: Stamped) -> str:
    """A digest of the files as their status describes them (path, size, modification and change
    times, inode), with everything else the index depends on: while it holds, the files are the
    ones indexed and a warm start reads none of them (as make and rsync judge a file unchanged).
    Only the readers the files needed are asked their version (a plain-text corpus asks none)."""
    digest = hashlib.sha256(f"{FORMAT} {__version__} {max_file_bytes()}\n{stamped.synonyms}\n"
                            f"{_reader_versions(stamped.kinds)}".encode())
    digest.update(_engine_digest())
    for path, st in zip(stamped.paths, stamped.statuses or ()):
        digest.update(os.fsencode(path) + f"\0{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} "
                                          f"{st.st_dev}\n".encode())
    return digest.hexdigest()


def _stamp_file(folder: Path, place: str) -> Path:
    return folder / f"{place}.stamp"


def _stamped_key(folder: Path, place: str, paths: list[Path], statuses: list[os.stat_result], synonyms: str
                 ) -> str | None:
    """The content key last indexed for this location, if its stamp still holds (a damaged or
    foreign stamp file is none: the files are then read and hashed)."""
    try:
        with _open_regular(_stamp_file(folder, place)) as file:
            fields = file.read(2000).decode("ascii").split()
    except (OSError, UnicodeDecodeError, Damaged):
        return None
    if len(fields) not in (2, 3) or not re.fullmatch(r"[0-9a-f]{64}", fields[1]):
        return None
    kinds = set(fields[2].split(",")) if len(fields) == 3 else set()
    return fields[1] if fields[0] == _stamp(Stamped(paths, statuses, synonyms, kinds)) else None


def _remember(folder: Path, place: str, stamped: Stamped, key: str) -> None:
    if stamped.statuses is not None:
        with suppress(OSError):
            write_atomic(_stamp_file(folder, place), f"{_stamp(stamped)} {key} {','.join(sorted(stamped.kinds))}\n")


def _say_skipped(skipped: list[str], warn: Warn, each: bool) -> None:
    if skipped:
        warn(skipped_line(skipped))
    for path in skipped if each else ():
        warn(f"{shown(path)}: skipped (briefbot does not read {file_type(path)} files)")


def _content_key(files: list[SourceFile], synonyms: str, kinds: set[str]) -> str:
    """A digest of everything the index is made from: the files, the synonyms and briefbot's own
    code and word lists (so a changed analysis never trusts an index built by the old one)."""
    digest = hashlib.sha256(f"{FORMAT} {__version__}\n{synonyms}".encode())
    digest.update(_engine_digest())
    digest.update(_reader_versions(kinds).encode())
    for f in files:
        digest.update(os.fsencode(f.path) + f"\0{len(f.data)}\0".encode())
        digest.update(hashlib.sha256(f.data).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _engine_digest() -> bytes:
    """briefbot's code and word lists (not the TUI), read once: the analysis this process runs."""
    return code_digest(Path(__file__).resolve().parent)


def code_digest(package: Path) -> bytes:
    """A digest of a briefbot package folder's code and word lists (not the TUI)."""
    digest = hashlib.sha256()
    for source in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".txt") and "tui" not in p.parts):
        digest.update(source.read_bytes())
    return digest.digest()


def _reader_kind(file: SourceFile) -> str:
    """The suffix whose readers read the file: a text file that opens with a tag may be a saved page."""
    suffix = Path(file.path).suffix.lower()
    return ".html" if suffix in TEXT_SUFFIXES and _OPENS_WITH_TAG.match(file.data) else suffix


_OPENS_WITH_TAG = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")


def _reader_versions(suffixes: set[str]) -> str:
    """The versions of the libraries that read these types of file: another trafilatura may
    extract another text from the same page."""
    names = sorted({name for suffix in suffixes for name in READERS.get(suffix, ())})
    if not names:  # plain text: no need to load importlib.metadata (a warm `ask` pays its import)
        return ""
    from importlib.metadata import PackageNotFoundError, version
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return "\n".join(found)


READERS = {**dict.fromkeys(HTML_SUFFIXES, ("trafilatura", "htmldate", "lxml")),
           **dict.fromkeys(FEED_SUFFIXES, ("feedparser", "trafilatura", "lxml")),
           **dict.fromkeys(PDF_SUFFIXES, ("pypdf",)), **dict.fromkeys(WORD_SUFFIXES, ("python-docx",)),
           **dict.fromkeys(MARKDOWN_SUFFIXES, ("markdown-it-py",))}


def _prune(folder: Path, place: str, keep: Path) -> None:
    """Remove caches of earlier versions of this corpus (index, world, name runs, the count of
    disagreements): only the files named `<place>-<key>.npz`, `<place>-<key>.world.npz`,
    `<place>-<key>.names.npz` and `<place>-<key>.disagreements.npz` (the folder may be shared with other programs;
    temporary files are `atomic`'s to remove)."""
    for other in folder.glob(f"{place}-*.npz"):
        try:
            if other.name.split(".")[0] != keep.name.split(".")[0] and _CACHE_NAME.fullmatch(other.name):
                other.unlink()
        except OSError:
            pass  # another run removed or replaced it first


_CACHE_NAME = re.compile(r"[0-9a-f]{16}-[0-9a-f]{32}(?:\.world|\.names|\.disagreements)?\.npz")


def _write(path: Path, key: str, index: Index, warnings: list[str]) -> None:
    meta = {
        "format": FORMAT, "key": key,
        "articles": [[a.path, a.source, a.title, a.outlet, a.date, a.url, a.text, a.paragraphs, a.offsets, a.runs,
                      a.pages, a.line] for a in index.articles],
        "speakers": index.speakers, "terms": index.terms, "surface": index.surface, "facts": index.facts,
        "words": known_words(),
        "synonyms": index.synonyms_text, "warnings": warnings,
    }
    _save(path, meta, **{name: getattr(index, name) for name in ARRAYS})


def _save(path: Path, meta: dict, **arrays: np.ndarray) -> None:
    """A cache file: NumPy arrays and the JSON `meta` as bytes, written atomically."""
    write_atomic(path, lambda out: np.savez(out, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                                            **arrays))


class Damaged(ValueError):
    """The cache file is readable but not the index this corpus needs."""


def _open_regular(path: Path) -> BinaryIO:
    """The cache file at `path`, opened only if it is a regular file: a FIFO (or a device) put
    where a cache file will be would block the read forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise Damaged("it is not a regular file")
    return os.fdopen(fd, "rb")


def _read(path: Path, key: str) -> tuple[Index, list[str]]:
    with _open_regular(path) as file, np.load(file, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes())
        if meta.get("format") != FORMAT:
            raise Damaged(f"format {meta.get('format')}, this briefbot writes {FORMAT}")
        if meta["key"] != key:
            raise Damaged("it belongs to other files")
        arrays = {name: data[name] for name in ARRAYS}
    articles = [Article(p, s, t, o, d, u, text, tuple(map(tuple, paras)), offsets, tuple(map(tuple, runs)),
                        tuple(pages), line)
                for p, s, t, o, d, u, text, paras, offsets, runs, pages, line in meta["articles"]]
    learn_words(meta["words"])
    index = Index(articles=articles, speakers=meta["speakers"], terms=meta["terms"], surface=meta["surface"],
                  facts=meta["facts"], synonyms_text=meta["synonyms"], **arrays)
    _check(index)
    return index, meta["warnings"]


def _check(index: Index) -> None:
    """Raise if the arrays do not fit together, so a damaged cache is never searched."""
    n = len(index.sent_start)
    lengths = np.array([len(a.text) for a in index.articles] or [0])
    if not all(len(a) == n for a in (index.sent_article, index.sent_end, index.sent_para, index.sent_speaker, index.sent_refers)):
        raise Damaged("sentence arrays differ in length")
    if len(index.surface) != len(index.terms):
        raise Damaged("term arrays differ in length")
    if not len(index.share) == len(index.impact) == len(index.docs) or len(index.art_impact) != len(index.art_docs):
        raise Damaged("postings arrays differ in length")
    if not _rows(index.sent_ptr, n, len(index.sent_terms)) or not _ids(index.sent_terms, len(index.terms)):
        raise Damaged("sentence terms out of order")
    n_spans = len(index.span_start)
    if not _rows(index.span_ptr, n, n_spans) or not len(index.span_end) == len(index.span_type) == n_spans \
            or not _ids(index.span_type, len(SPAN_TYPES)):
        raise Damaged("typed spans out of order")
    if not all(_rows(ptr, n, len(ids)) and _ids(ids, len(index.facts))
               for ptr, ids in ((index.figure_ptr, index.figure_ids), (index.name_ptr, index.name_ids))):
        raise Damaged("fact terms out of order")
    owner = np.repeat(np.arange(n), np.diff(index.span_ptr))
    if n_spans and (np.any(index.span_start < index.sent_start[owner]) or np.any(index.span_end > index.sent_end[owner])
                    or np.any(index.span_start >= index.span_end)):
        raise Damaged("typed spans outside their sentences")
    if n and (index.sent_article.min() < 0 or index.sent_article.max() >= len(index.articles)
              or np.any(index.sent_start > index.sent_end) or index.sent_start.min() < 0
              or np.any(index.sent_end > lengths[index.sent_article])):
        raise Damaged("sentence spans outside their articles")
    for postings, count in ((index.by_sentence, n), (index.by_article, len(index.articles))):
        _check_postings(postings, len(index.terms), count)


def _check_postings(postings: Postings, terms: int, count: int) -> None:
    """CSR postings of `terms` terms over `count` documents (sentences or articles)."""
    docs = postings.docs
    if not _rows(postings.ptr, terms, len(docs)):
        raise Damaged("postings out of order")
    if len(postings.tfs) != len(docs) or len(postings.doc_len) != count:
        raise Damaged("postings arrays differ in length")
    if not _ids(docs, count):
        raise Damaged("postings name documents that do not exist")


def _rows(ptr: np.ndarray, rows: int, items: int) -> bool:
    """Whether `ptr` is a CSR row pointer: `rows` rows, ascending, over `items` items."""
    return len(ptr) == rows + 1 and ptr[0] == 0 and not np.any(np.diff(ptr) < 0) and ptr[-1] == items


def _ids(ids: np.ndarray, limit: int) -> bool:
    """Whether every id is in range(limit)."""
    return not len(ids) or (ids.min() >= 0 and ids.max() < limit)


def load_world(index: Index, progress: Progress | None = None) -> World:
    """The world of an index, saved beside its cache: finding the people, places and facts of a
    million sentences takes a minute or more, reading them back a second. Rebuilt when the world
    file changes."""
    digest = hashlib.sha256(world_file_bytes(index.world_file) if index.world_file else b"").hexdigest()
    path = index.cache_file.with_suffix(".world.npz") if index.cache_file else None
    if path and path.exists():
        try:
            return _read_world(path, digest, len(index))
        except Exception:  # damaged or stale: the world is only a copy, build it again
            pass
    world = build_world(index, index.world_file, progress)
    if path:
        try:
            _write_world(path, digest, world)
        except OSError:
            pass  # the next run builds it again
    from briefbot.compare import disagreement_counts, reading_arrays  # compare reads the cache: imported here
    load_readings(index, "names", reading_arrays)  # made with the world, so that a first compare or brief reads them
    load_readings(index, "disagreements", disagreement_counts)  # the brief's count: a whole compare
    return world


def load_readings(index: Index, name: str, make: Callable[[Index], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Arrays `make` reads from every sentence of an index (compare's name runs), saved beside its
    cache as `<cache>.<name>.npz`: made once, read back in milliseconds. Made again when missing or
    damaged; only made for an index with no cache."""
    path = index.cache_file.with_suffix(f".{name}.npz") if index.cache_file else None
    if path and path.exists():
        try:
            with _open_regular(path) as file, np.load(file, allow_pickle=False) as data:
                meta = json.loads(data["meta"].tobytes())
                arrays = {k: data[k] for k in data.files if k != "meta"}
            if meta["format"] == FORMAT and meta["sentences"] == len(index):
                return arrays
        except Exception:  # damaged: only a copy, made again
            pass
    arrays = make(index)
    if path:
        with suppress(OSError):
            _save(path, {"format": FORMAT, "sentences": len(index)}, **arrays)
    return arrays


def _write_world(path: Path, digest: str, world: World) -> None:
    def thing(t: Character | Place | Organisation) -> list:
        return [t.name, sorted(t.variants), t.sentences, t.description]
    meta = {
        "format": FORMAT, "world_file": digest, "warnings": world.warnings,
        "characters": [[*thing(c), c.role] for c in world.characters],
        "places": [[*thing(p), p.exits] for p in world.places],
        "organisations": [thing(o) for o in world.organisations],
    }
    _save(path, meta, fact_of=world.fact_of)


def _read_world(path: Path, digest: str, sentences: int) -> World:
    with _open_regular(path) as file, np.load(file, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes())
        fact_of = data["fact_of"]
    if meta["format"] != FORMAT or meta["world_file"] != digest:
        raise Damaged("another world file or format")
    if len(fact_of) != sentences or any(s >= sentences for kind in ("characters", "places", "organisations")
                                        for t in meta[kind] for s in t[2]):
        raise Damaged("the world does not fit the index")
    return World(
        [Character(n, set(v), s, d, role) for n, v, s, d, role in meta["characters"]],
        [Place(n, set(v), s, d, exits) for n, v, s, d, exits in meta["places"]],
        [Organisation(n, set(v), s, d) for n, v, s, d in meta["organisations"]],
        fact_of, meta["warnings"])
