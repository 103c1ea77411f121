"""Hostile input that costs: a world file, a question, a cache path or a corpus spelling that would
crash, block or make work grow with the attacker's input. None of it may raise, hang or cost more
than the ordinary case by a factor the input chooses."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot import cache, search
from briefbot.reply import Message
from briefbot.search import TYPO_MAX_LETTERS, Searcher
from briefbot.session import MAX_LINE_CHARS, Session
from briefbot.world import build_world

STORY = ("Harbour news\n\nThe harbour master Jonas Pike said the new crane arrived on Tuesday.\n\n"
         "Pike said the crane was built in Rotterdam.\n")


def corpus(tmp_path: Path, world: str | bytes | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(STORY)
    if world is not None:
        (folder / "world.toml").write_bytes(world if isinstance(world, bytes) else world.encode())
    return folder


def said(reply) -> str:
    return "\n".join(b.text for b in reply.blocks if isinstance(b, Message))


# --- the world file ----------------------------------------------------------------------------

def test_a_world_file_nested_past_the_stack_is_skipped_with_a_warning(tmp_path: Path):
    folder = corpus(tmp_path, "a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    session = Session(cache.load([str(folder)], lambda line: None))
    for line in ("x pike", "people", "look", "when did the crane arrive"):
        session.handle(line)
    assert any("nested too deeply" in w for w in session.world.warnings)
    assert session.handle("when did the crane arrive").answers


def test_a_world_file_with_a_bom_is_read(tmp_path: Path):
    folder = corpus(tmp_path, b"\xef\xbb\xbf" + b'[[character]]\nname = "Jonas Pike"\nrole = "harbour master"\n')
    session = Session(cache.load([str(folder)], lambda line: None))
    assert session.world.warnings == []
    assert any(c.name == "Jonas Pike" and c.role == "harbour master" for c in session.world.characters)


def test_a_huge_world_file_is_skipped_unread_with_a_warning(tmp_path: Path):
    """A 1 GB sparse world.toml was read whole, twice (to hash it, then to parse it): 19 s and 2.2 GB."""
    folder = corpus(tmp_path)
    with open(folder / "world.toml", "wb") as f:
        f.truncate(200_000_000)
    session = Session(cache.load([str(folder)], lambda line: None))
    assert any("too large for a world file" in w for w in session.world.warnings)
    assert session.handle("when did the crane arrive").answers


def test_a_world_file_flooding_one_name_with_variants_is_skipped_with_a_warning(tmp_path: Path):
    """20,000 variants of one character made every `talk`, `x` and `ask` of them take 15 s or more
    (each name is a word of the query that introduces them, and a key every lookup compares)."""
    variants = ", ".join(f'"Pike {n}"' for n in range(20_000))
    folder = corpus(tmp_path, f'[[character]]\nname = "Jonas Pike"\nvariants = [{variants}]\n')
    session = Session(cache.load([str(folder)], lambda line: None))
    assert any("'Jonas Pike' has more than" in w and w.endswith(" variants") for w in session.world.warnings)
    assert not any("Pike 7" in c.names() for c in session.world.characters)
    assert session.handle("talk to pike").status == "answered"


def test_world_file_entries_cost_a_lookup_each_not_a_scan(tmp_path: Path, monkeypatch):
    names = [f"Zed {a}{b}{c}ovic".title() for a in "bdfgk" for b in "aeiou" for c in "lmnprstvz"][:200]
    entries = "".join(f'[[character]]\nname = "{name}"\n' for name in names)
    folder = corpus(tmp_path, entries)
    index = cache.load([str(folder)], lambda line: None, use_cache=False)
    calls = [0]
    real = type(index).speaker_of

    def counted(self, sent: int):
        calls[0] += 1
        return real(self, sent)
    monkeypatch.setattr(type(index), "speaker_of", counted)
    from briefbot.world import Thing, apply_world_file, read_world_file
    real_names = Thing.names
    named = [0]

    def names_counted(self):
        named[0] += 1
        return real_names(self)
    world = build_world(index, index.world_file)
    assert {c.name for c in world.characters} >= set(names)
    assert calls[0] <= 2 * len(index) + len(names)  # linear: entries + sentences, not entries × sentences
    monkeypatch.setattr(Thing, "names", names_counted)
    things = (list(world.characters), list(world.places), list(world.organisations))
    apply_world_file(read_world_file(index.world_file), index, *things)
    assert named[0] <= 4 * (len(names) + sum(map(len, things)))  # each entry a lookup, not a scan of every thing


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)  # JSON's string escapes are TOML's (a lone surrogate is bad TOML: a warning)


_VALUES = st.recursive(st.text(max_size=12) | st.integers(-5, 5) | st.booleans() | st.floats(allow_nan=False, allow_infinity=False),
                       lambda inner: st.lists(inner, max_size=3), max_leaves=6)
_KEYS = ["name", "variants", "role", "description", "names"]
_TABLES = ["character", "place", "organisation", "organization", "merge"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(top=st.dictionaries(st.sampled_from(["ignore", "name"]), _VALUES, max_size=2),
       tables=st.lists(st.tuples(st.sampled_from(_TABLES), st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4)),
                       max_size=4))
def test_any_world_file_is_used_or_skipped_never_raises(seed_index, tmp_path: Path, top: dict, tables: list):
    text = "".join(f"{k} = {toml_value(v)}\n" for k, v in top.items())
    text += "".join(f"[[{kind}]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in fields.items()) for kind, fields in tables)
    path = tmp_path / "world.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    world = build_world(seed_index, path)
    assert all(isinstance(w, str) for w in world.warnings)


# --- questions that grow ------------------------------------------------------------------------

def test_a_long_word_is_never_typo_corrected_and_costs_no_squared_memory(seed_index, monkeypatch):
    made: list[int] = []
    real = search._deletions

    def counted(word: str) -> set[str]:
        made.append(len(word))
        return real(word)
    monkeypatch.setattr(search, "_deletions", counted)
    Searcher(seed_index).search("soldirs " + "q" * 1500, 3)
    assert made and max(made) <= TYPO_MAX_LETTERS


def test_a_one_word_megabyte_article_stays_out_of_typo_correction(tmp_path: Path, monkeypatch):
    folder = corpus(tmp_path)
    (folder / "blob.txt").write_text("Blob\n\n" + "x" * 1_000_000 + ".\n")
    index = cache.load([str(folder)], lambda line: None, use_cache=False)
    made: list[int] = []
    real = search._deletions
    monkeypatch.setattr(search, "_deletions", lambda word: made.append(len(word)) or real(word))
    Searcher(index).search("when did the crane arive", 3)
    assert made and max(made) <= TYPO_MAX_LETTERS


def test_an_overlong_line_is_refused_with_a_clear_message(seed_index):
    session = Session(seed_index)
    reply = session.handle("where " + "a" * (MAX_LINE_CHARS + 10))
    assert reply.status == "error" and "characters long" in said(reply)
    assert session.state.turns == 0 and session.handle("where is harir base").answers


def test_ask_dash_refuses_an_overlong_line_and_answers_the_next(tmp_path: Path, monkeypatch, capsys):
    import io
    from briefbot import cli
    folder = corpus(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("b" * 100_000 + "\nwhen did the crane arrive\n"))
    assert cli.main(["ask", "--json", "--corpus", str(folder), "-"]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["status"] == "error" and second["status"] == "answered"


# --- the cache ---------------------------------------------------------------------------------

def test_a_fifo_where_the_cache_will_be_is_no_hang(tmp_path: Path):
    folder = corpus(tmp_path)
    index = cache.load([str(folder)], lambda line: None)
    cache.load_world(index)
    path = index.cache_file
    assert path is not None
    for target in (path, path.with_suffix(".world.npz")):
        target.unlink()
        os.mkfifo(target)
    warnings: list[str] = []
    done: list[object] = []

    def run() -> None:
        again = cache.load([str(folder)], warnings.append)
        done.append(Session(again).handle("x pike"))
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    assert done, "briefbot blocked on the FIFO"
    assert any("not a regular file" in w for w in warnings)


def test_the_same_folder_spelt_two_ways_keeps_both_caches(tmp_path: Path, monkeypatch):
    folder = corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    builds = [0]
    real = cache.build

    def counted(*args, **kwargs):
        builds[0] += 1
        return real(*args, **kwargs)
    monkeypatch.setattr(cache, "build", counted)
    for spelling in ["corpus", str(folder), "corpus", str(folder), "corpus"]:
        index = cache.load([spelling], lambda line: None)
        assert index.articles[0].path.startswith(spelling)  # citations name files as the player spelt them
    assert builds[0] == 2  # each spelling once, never again on alternation


# --- synonyms ------------------------------------------------------------------------------------

def test_a_synonyms_file_adds_at_most_its_limits_and_says_so(tmp_path: Path):
    from briefbot.lexicon import MAX_CORPUS_GROUPS, MAX_GROUPS_OF_A_WORD, Synonyms, shipped_text
    folder = corpus(tmp_path)
    lines = [f"harbour, zq{n}" for n in range(2000)] + [f"crane{n}, hoist{n}" for n in range(MAX_CORPUS_GROUPS + 50)]
    (folder / "synonyms.txt").write_text("\n".join(lines) + "\n")
    warnings: list[str] = []
    index = cache.load([str(folder)], warnings.append)
    assert any("synonym group(s) left out" in w for w in warnings)
    shipped = Synonyms.from_text(shipped_text())
    harbour = index.synonyms.phrases.get(("harbour",), set()) - shipped.phrases.get(("harbour",), set())
    assert len(harbour) == MAX_GROUPS_OF_A_WORD
    added = {c for concepts in index.synonyms.phrases.values() for c in concepts}
    assert len(added) <= len({c for concepts in shipped.phrases.values() for c in concepts}) + MAX_CORPUS_GROUPS
    assert Session(index).handle("when did the crane arrive").answers


def test_concepts_are_found_once_each_in_order_of_their_phrases():
    from briefbot.lexicon import Synonyms
    syn = Synonyms.from_text("\n".join(f"harbour, zq{n}" for n in range(3)) + "\ntroops, soldiers\n")
    found = syn.concepts(["harbour", "troop", "harbour"])
    assert sorted(found) == ["~0", "~1", "~2", "~3"] and found[-1] == "~3"  # the harbour's groups, then the troops'



# --- huge files ----------------------------------------------------------------------------------

def test_a_file_over_the_size_limit_is_skipped_with_a_warning_unread(tmp_path: Path, monkeypatch):
    folder = corpus(tmp_path)
    huge = folder / "sparse.txt"
    with open(huge, "wb") as f:
        f.truncate(300_000_000)  # sparse: 300 MB that take no disk
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    warnings: list[str] = []
    index = cache.load([str(folder)], warnings.append)
    assert "sparse.txt" not in read and any("sparse.txt: 300 MB, over the 256 MB limit" in w for w in warnings)
    assert [a.path for a in index.articles] == [str(folder / "a.txt")]
    monkeypatch.setenv("BRIEFBOT_MAX_FILE_MB", "0.0001")
    warnings.clear()
    with pytest.raises(cache.CorpusError):
        cache.load([str(folder)], warnings.append)
    assert any("a.txt" in w and "limit" in w for w in warnings)


def test_progress_on_a_pipe_is_a_line_every_few_seconds(monkeypatch, capsys):
    """A million-record corpus reports a million times: a log gets a line every few seconds, not 945."""
    from briefbot import cli
    reports = [(n, 10_000) for n in range(10_001)]
    clock = iter([1000.0 + n * 0.01 for n in range(len(reports))])  # 100 s of work, a report every 10 ms
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    progress = cli._Progress("Indexing", "articles")
    for done, total in reports:
        progress(done, total)
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1] == "Indexing 10000/10000 articles"
    assert len(lines) <= 100 / cli.PIPE_PROGRESS_SECONDS + 1


@pytest.mark.parametrize("name", ["Briefing room", "the briefing  ROOM", "Home"])
def test_a_world_file_place_named_as_the_start_room_is_refused_with_a_warning(tmp_path: Path, name: str):
    """A place called "Briefing room" could not be visited: going there showed the start room."""
    folder = corpus(tmp_path, f'[[place]]\nname = "{name}"\nvariants = ["Rotterdam"]\n')
    (folder / "a.txt").write_text("Harbour news\n\nJonas Pike said the crane arrived in Rotterdam on Tuesday.\n\n"
                                  "Pike said the crane was built in Rotterdam and shipped to Hamburg.\n")
    session = Session(cache.load([str(folder)], lambda line: None))
    assert any("is the name of the room a game starts in" in w for w in session.world.warnings)
    session.handle("go rotterdam")
    assert session.state.room == "Rotterdam"


def test_a_person_may_be_called_what_a_place_may_not(tmp_path: Path):
    folder = corpus(tmp_path, '[[character]]\nname = "Home"\nvariants = ["Jonas Pike"]\n')
    session = Session(cache.load([str(folder)], lambda line: None))
    assert session.world.warnings == [] and [c.name for c in session.world.characters] == ["Home"]


@pytest.mark.parametrize("kind", ["character", "place", "organisation"])
@pytest.mark.parametrize("field", ['name = "!!!"\nvariants = ["Rotterdam", "Jonas Pike"]', 'name = "Rotterdam"\nvariants = ["?!", "Pike"]'])
def test_a_world_file_name_of_punctuation_only_is_refused_with_a_warning(tmp_path: Path, kind: str, field: str):
    """A name of punctuation only could not be reached: the parser strips it."""
    folder = corpus(tmp_path, f"[[{kind}]]\n{field}\n")
    session = Session(cache.load([str(folder)], lambda line: None))
    assert any("has no letter or digit, so no one can name it" in w for w in session.world.warnings)
    assert not any(t.name in ("!!!", "?!") or {"!!!", "?!"} & t.variants for t in session.world.things)
