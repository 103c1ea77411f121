"""Hostile input and the disk: `export` and `save` write where the player typed (relative to the
folder briefbot started in), never over a file another game wrote, leave no litter, and the
Markdown they write shows every field as text; a saved session is input too, checked whole
before anything changes."""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot import atomic
from briefbot.atomic import STALE_TEMP_SECONDS, TEMP_PREFIX
from briefbot.cache import load
from briefbot.reply import Message
from briefbot.session import SESSION_FILE, Session


def said(reply) -> str:
    return "\n".join(b.text for b in reply.blocks if isinstance(b, Message))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "work" / "here"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def session(seed_index, home: Path) -> Session:
    session = Session(seed_index, home=home)
    session.handle("where is harir base")
    session.handle("note 1")
    return session


# --- where files go ----------------------------------------------------------------------------

@pytest.mark.parametrize("line, written", [
    ("export ../notes.md", "../notes.md"), ("save ../s.json", "../s.json"), ("export ../../x.md", "../../x.md"),
    ("export .notes.md", ".notes.md"), ("save my  game.", "my  game."), ("export the notes.md", "the notes.md")])
def test_a_path_is_the_one_typed_relative_to_the_starting_folder(session, home: Path, line: str, written: str):
    reply = session.handle(line)
    assert reply.status == "ok", said(reply)
    assert (home / written).is_file()


@pytest.mark.parametrize("line, written", [
    ("save .", "briefbot-session.json"), ("save ../", "../briefbot-session.json"),
    ("export notes/", "notes/briefbot-notebook.md"), ("export ..", "../briefbot-notebook.md")])
def test_a_folder_named_takes_the_usual_file_in_it(session, home: Path, line: str, written: str):
    """`save .` wrote `here-2` beside the starting folder, `export notes/` a file called `notes`."""
    reply = session.handle(line)
    assert reply.status == "ok", said(reply)
    assert (home / written).is_file()
    beside = sorted(p.name for p in home.parent.iterdir() if p != home)
    assert beside == ([Path(written).name] if written.startswith("..") else [])


@pytest.mark.parametrize("line, written", [
    ("export ../notes.md", "work/notes.md"), ("export notes//n.md", "work/here/notes/n.md"),
    ("export ./a/../b.md", "work/here/b.md"), ("save ../../g", "g.json"), ("export ..", "work/briefbot-notebook.md")])
def test_the_path_said_is_the_full_one_written(session, home: Path, tmp_path: Path, line: str, written: str):
    """`export ../x.md` said it wrote "/tmp/nu2cwd/../x.md"."""
    reply = session.handle(line)
    wrote = (tmp_path / written).resolve()
    assert wrote.is_file() and f" {wrote}." in said(reply) and ".." not in said(reply)


def test_a_folder_the_write_makes_is_said(session, home: Path):
    reply = session.handle("export new/deeper/")
    assert (home / "new" / "deeper" / "briefbot-notebook.md").is_file()
    assert f"(Made the folder {(home / 'new').resolve()}.)" in said(reply)
    assert "Made the folder" not in said(session.handle("export new/deeper/"))


def test_a_tilde_of_no_user_is_refused_not_made_a_folder(session, home: Path):
    """`export ~nosuchuser/x.md` made a folder called `~nosuchuser` in the starting folder."""
    for verb in ("export", "save", "restore"):
        reply = session.handle(f"{verb} ~nosuchuser-s4/x.md")
        assert reply.status == "error" and "no user called 'nosuchuser-s4'" in said(reply), verb
    assert list(home.iterdir()) == []


def test_a_folder_named_to_restore_is_the_usual_file_in_it(session, home: Path):
    session.handle("save")
    assert session.handle("restore .").status == "ok"


def test_a_tilde_is_the_players_home_folder(session, home: Path, tmp_path: Path, monkeypatch):
    """`save ~/game.json` made a folder called `~` in the starting folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "player"))
    assert session.handle("save ~/game.json").status == "ok"
    assert (tmp_path / "player" / "game.json").is_file() and not (home / "~").exists()
    assert session.handle("restore ~/game.json").status == "ok"


def test_a_file_where_the_folder_should_be_is_said_at_once(session, home: Path, monkeypatch):
    (home / "README.md").write_text("not a folder\n")
    tries = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda *a, **k: tries.append(a) or real(*a, **k))
    reply = session.handle("save README.md/game.json")
    assert reply.status == "error" and "README.md is a file, not a folder" in said(reply)
    assert len(tries) <= 1 and (home / "README.md").read_text() == "not a folder\n"


def test_again_replays_a_file_name_as_typed(session, home: Path):
    assert session.handle("save my  game.").status == "ok"
    (home / "my  game.").unlink()
    assert session.handle("g").status == "ok"
    assert (home / "my  game.").is_file() and not (home / "my game.").exists()


def test_restore_reads_the_path_as_typed(session, seed_index, home: Path):
    session.handle("save ../game.json")
    other = Session(seed_index, home=home)
    assert other.handle("restore ../game.json").status == "ok"
    assert other.state.notebook == session.state.notebook


@pytest.mark.parametrize("name", ["x" * 300 + ".md", "d" * 300 + "/n.md"], ids=lambda n: n[:8])
def test_a_name_no_file_system_takes_is_a_refusal_not_a_traceback(session, name: str):
    for verb in ("export", "save", "restore"):
        reply = session.handle(f"{verb} {name}")
        assert reply.status == "error" and said(reply).startswith("Could not"), (verb, said(reply))


def test_a_control_character_typed_in_a_name_is_dropped_as_from_any_line(session, home: Path):
    """A NUL (no file system takes one) is no part of what the player meant, as in a question."""
    assert session.handle("save a\x00b.json").status == "ok" and (home / "ab.json").is_file()
    assert session.handle("restore a\x00b.json").status == "ok"


# --- never over another game's file ------------------------------------------------------------

def test_a_file_another_game_writes_meanwhile_is_never_replaced(session, home: Path, monkeypatch):
    """Another game writes briefbot-notebook.md after this one found the name free and before its
    file is in place (the moment it syncs its temporary file): both notebooks survive."""
    real_fsync = os.fsync
    other = home / "briefbot-notebook.md"

    def other_game_writes(fd: int) -> None:
        real_fsync(fd)
        if not other.exists():
            other.write_text("another game's notes\n")
    monkeypatch.setattr(os, "fsync", other_game_writes)
    reply = session.handle("export")
    assert other.read_text() == "another game's notes\n"
    mine = home / "briefbot-notebook-2.md"
    assert "briefbot-notebook-2.md" in said(reply) and "Harir" in mine.read_text()


def test_eight_games_exporting_at_once_keep_eight_notebooks(seed_index, home: Path):
    import threading
    sessions = [Session(seed_index, home=home) for _ in range(8)]
    for n, s in enumerate(sessions):
        s.handle("where is harir base")
        s.handle(f"note {n % 3 + 1}")
    start = threading.Barrier(8)
    replies: list[str] = [""] * 8

    def export(n: int) -> None:
        start.wait()
        replies[n] = said(sessions[n].handle("export"))
    threads = [threading.Thread(target=export, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    named = {re.search(r"to (\S+)\.$", r)[1] for r in replies}
    assert len(named) == 8 and all(Path(p).is_file() for p in named)
    assert len(list(home.glob("briefbot-notebook*.md"))) == 8


ARTICLE_PAGE = """<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>
<p>The ferry to Kerrera will run again from Monday, the council said on Tuesday.</p>
<p>Harbour master Ewan Black said the new pier cost 2.4 million pounds and took two years to build.</p>
</article></body></html>"""


def test_add_never_replaces_a_page_file_written_meanwhile(tmp_path: Path, monkeypatch):
    """`briefbot add` found `ferry.html` free, and another program wrote it before the page was in
    place: that file survives, the page takes the next free name, and says which."""
    from briefbot import fetch
    page = tmp_path / "web" / "ferry.html"
    page.parent.mkdir()
    page.write_text(ARTICLE_PAGE)
    folder = tmp_path / "story"
    theirs = folder / "ferry.html"
    real_fsync = os.fsync

    def other_program_writes(fd: int) -> None:
        real_fsync(fd)
        if not theirs.exists():
            theirs.write_text("another program's page\n")
    monkeypatch.setattr(os, "fsync", other_program_writes)
    warnings: list[str] = []
    [added] = fetch.add([page.as_uri()], folder, warnings.append, lambda n, total, url: None)
    assert theirs.read_text() == "another program's page\n"
    assert added.path == folder / "ferry-2.html" and b"Kerrera" in added.path.read_bytes()
    assert warnings == [f"{page.as_uri()}: saved as ferry-2.html (ferry.html is another file)"]


def test_add_says_it_cannot_save_a_page_and_goes_on(tmp_path: Path, monkeypatch):
    import errno

    from briefbot import fetch
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE_PAGE)

    def disk_full(*args) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(fetch, "write_new", disk_full)
    warnings: list[str] = []
    assert fetch.add([page.as_uri(), "nothing"], tmp_path / "story", warnings.append, lambda *a: None) == []
    assert warnings[0] == f"{page.as_uri()}: cannot save it (No space left on device)" and len(warnings) == 2


# --- litter ------------------------------------------------------------------------------------

def test_a_killed_writes_temporary_file_is_removed_later_and_only_that(session, home: Path):
    left = home / f"{TEMP_PREFIX}killed.md"  # what a SIGKILL mid-export leaves
    recent = home / f"{TEMP_PREFIX}writing-now.md"  # another game writing at this moment
    theirs = home / ".tmp-important-draft.txt"  # another program's
    for path in (left, recent, theirs):
        path.write_text("half")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    for path in (left, theirs):
        os.utime(path, (long_ago, long_ago))
    assert session.handle("export").status == "ok"
    assert not left.exists() and recent.exists() and theirs.exists()
    assert not [p for p in home.iterdir() if p.name.startswith(".") and p not in (recent, theirs)]


def test_temporary_files_have_a_name_only_briefbot_uses(tmp_path: Path, monkeypatch):
    seen: list[str] = []
    real = os.fdopen

    def spy(fd, *args, **kwargs):
        seen.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists(f"/proc/self/fd/{fd}") else "")
        return real(fd, *args, **kwargs)
    monkeypatch.setattr(os, "fdopen", spy)
    atomic.write_atomic(tmp_path / "x.md", "text")
    assert seen and all(Path(p).name.startswith(".briefbot-") for p in seen if p)


# --- the Markdown --------------------------------------------------------------------------------

def hostile_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Title: # heading <script>alert(1)</script>\n"
                                  "Source: Bad\x1b]8;;http://e\x07Link [x](http://e) # Outlet <b>\n\n"
                                  "The harbour master Jonas Pike said the new crane arrived on Tuesday.\n")
    record = {"source": "Evil\x1b]52;c;QUJD\x07\x1b[2J", "title": "Feed `code` *bold*",
              "text": "The dock workers said the tide was high on Monday \u202egnihton\u202c."}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n")
    (folder / "tick`s\nand ``fences.txt").write_text("Town news\n\nThe mayor said the bridge reopens on Friday.\n")
    return folder


def test_exported_markdown_shows_every_field_as_text(tmp_path: Path, home: Path):
    index = load([str(hostile_corpus(tmp_path))], lambda line: None, use_cache=False)
    session = Session(index, home=home)
    for question in ("when did the crane arrive", "when was the tide high", "when does the bridge reopen"):
        session.handle(question)
        session.handle("note 1")
    assert session.handle("export").status == "ok"
    md = (home / "briefbot-notebook.md").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", md), md
    assert "<script>" not in md and "\\<script\\>" in md and "\\# heading" in md and "\\<b\\>" in md
    assert "[x](http" not in md and "\\[x\\](http" in md and "\\*bold\\*" in md
    lines = md.splitlines()
    assert len(lines) == 2 + 3 * 3 - 1  # the heading, a blank, then three lines a note: no line forged
    path_line = next(line for line in lines if "fences" in line)
    span = re.search(r"(`+) (.*) \1 line", path_line) or re.search(r"(`+)(.*)\1 line", path_line)
    assert span and "`" * len(span[1]) not in span[2] and "fences.txt" in span[2]


def test_a_file_name_that_is_not_utf8_exports(tmp_path: Path, home: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text("Cafe news\n\nThe cafe owner said the fair opens on Monday.\n")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only UTF-8 names")
    session = Session(load([str(folder)], lambda line: None, use_cache=False), home=home)
    session.handle("when does the fair open")
    session.handle("note 1")
    reply = session.handle("export")
    assert reply.status == "ok", said(reply)
    assert "caf\ufffd.txt" in (home / "briefbot-notebook.md").read_text(encoding="utf-8")


# --- saved sessions are input ------------------------------------------------------------------

def crafted(session: Session, **state) -> dict:
    data = json.loads(json.dumps({"briefbot_session": 1, "state": {}, "sources": [a.source for a in session.index.articles]}))
    data["state"].update(state)
    return data


CRAFTED = [
    {"seen": [1_000_000_000_000]}, {"turns": "x"}, {"turns": -1}, {"turns": True}, {"pending": ["ask"]},
    {"pending": ["save", "", "/tmp/elsewhere.json"]}, {"seen": ["a"]}, {"seen": [1.5]}, {"seen": [0, 0]},
    {"notebook": [1.5]}, {"notebook": [True]}, {"shown": [2.5]}, {"shown": [-1]}, {"trail": "abc"}, {"room": 5},
    {"unknown_words": [5]}, {"last_line": None}, {"extra": 1},
    # `more` read source 999 (IndexError), or "-980 more paragraphs"
    {"source_page": [999, 0]}, {"source_page": [1, 999]}, {"source_page": [0, 0]},
    # asked again by `why?` and `more` (15 s for 2 MB), searched by `oops` (7 s)
    {"question": "iraq " * 3000}, {"last_line": "x" * 20_000}, {"unknown_words": ["w" * 2000] * 10},
    {"shown_at": {"\u00b2": 1}}, {"shown_at": {"0": 10**15}},  # a digit to str.isdigit, no number to int()
    {"turns": 10**100}, {"page": 10**12},
    # 900,000 names waiting for a reply (8.6 s to answer it); a way back of 900,000 rooms (800 MB of undo)
    {"pending": ["ask", "isis", *[f"Name {n}" for n in range(100)]]}, {"trail": ["Erbil"] * 10_000},
]


@pytest.mark.parametrize("state", CRAFTED, ids=lambda s: json.dumps(s)[:40])
def test_a_crafted_session_is_refused_whole_with_one_line(session, home: Path, state: dict):
    notebook, seen = list(session.state.notebook), set(session.state.seen)  # copies: State.copy shares seen
    (home / "crafted.json").write_text(json.dumps(crafted(session, **state)))
    reply = session.handle("restore crafted.json")
    assert reply.status == "error" and "\n" not in said(reply) and said(reply).startswith("Could not restore")
    assert re.search(r"\.json: (it|its) ", said(reply)), said(reply)  # briefbot's reason, not Python's
    assert session.state.notebook == notebook and session.state.seen == seen
    for line in ("score", "look", "hint", "note 1", "x 1", "back", "harir", "i", "more", "undo"):
        session.handle(line)  # the game goes on


@pytest.mark.parametrize("data", ["[]", "5", '"x"', '{"briefbot_session": 2}', "[" * 100_000, "1" * 5000,
                                  '{"briefbot_session": 1, "state": [], "sources": []}'], ids=lambda d: d[:24])
def test_what_is_not_a_session_is_refused(session, home: Path, data: str):
    (home / "odd.json").write_text(data)
    reply = session.handle("restore odd.json")
    assert reply.status == "error" and "\n" not in said(reply)


def test_an_honest_session_still_restores(session, seed_index, home: Path):
    session.handle("go erbil")
    session.handle("save")
    other = Session(seed_index, home=home)
    assert other.handle("restore").status == "ok"
    assert (other.state.room, other.state.notebook, other.state.seen) == \
        (session.state.room, session.state.notebook, session.state.seen)
    assert json.loads((home / SESSION_FILE).read_text())["state"]["room"] == "Erbil"


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-2, 10**6) | st.floats(allow_nan=False) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                     max_leaves=12)
_FIELDS = ["room", "trail", "notebook", "seen", "turns", "shown", "last_line", "unknown_words", "pending"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(state=st.dictionaries(st.sampled_from(_FIELDS), _JSON | st.lists(st.integers(-3, 400), max_size=6), max_size=9))
def test_restore_of_any_json_state_never_raises(seed_index, tmp_path: Path, state: dict):
    session = Session(seed_index, home=tmp_path)
    session.handle("where is harir base")
    (tmp_path / "fuzz.json").write_text(json.dumps(crafted(session, **state)))
    reply = session.handle("restore fuzz.json")
    assert reply.status in ("ok", "error")
    for line in ("score", "look", "hint", "note 1", "x 1", "back", "erbil", "i", "oops base", "undo", "score"):
        session.handle(line)


def test_the_way_back_is_kept_short_and_still_restores(session, seed_index, home: Path):
    """A long walk keeps the last rooms for `back` (every undo step copies them), and its save restores."""
    for n in range(300):
        session.handle("go erbil" if n % 2 else "go harir")
    assert session.state.room == "Erbil" and 0 < len(session.state.trail) < 300
    assert session.state.trail[-1] == "Harir base"
    session.handle("save")
    other = Session(seed_index, home=home)
    assert other.handle("restore").status == "ok" and other.state.trail == session.state.trail
    other.handle("back")
    assert other.state.room == "Harir base"


def test_a_save_an_editor_gave_a_bom_still_restores(session, seed_index, home: Path):
    session.handle("save")
    path = home / SESSION_FILE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    other = Session(seed_index, home=home)
    assert other.handle("restore").status == "ok" and other.state.notebook == session.state.notebook


def test_seen_is_saved_sorted_and_restored_as_a_set(session, seed_index, home: Path):
    """What the player has seen is kept as a set (each `uncover` a lookup, not a scan of a list as
    long as the corpus) and saved as the sorted list of its ids."""
    session.handle("read source 2")
    session.handle("read source 1")
    session.handle("who talks about isis")
    session.handle("save")
    saved = json.loads((home / SESSION_FILE).read_text())["state"]["seen"]
    assert saved == sorted(set(saved)) and len(saved) > 2
    other = Session(seed_index, home=home)
    assert other.handle("restore").status == "ok"
    assert isinstance(other.state.seen, set) and other.state.seen == set(saved) == session.state.seen
    other.handle("how many partners does the coalition have")
    assert other.state.seen >= set(saved)


def test_an_undo_step_keeps_only_what_its_turn_uncovered(session):
    """An undo snapshot holds the ids its turn added (nothing of the rest of `seen`), and undo
    takes back exactly those."""
    session.handle("read source 1")
    before = set(session.state.seen)
    session.handle("read source 2")
    _, _, added = session.undo_stack[-1]
    assert set(added) == session.state.seen - before and len(added) == len(set(added)) > 0
    session.handle("undo")
    assert session.state.seen == before


def test_undo_snapshots_share_what_the_player_has_seen(session, seed_index):
    """A hundred turns keep one `seen` list, not a hundred copies of it; undo still takes each back."""
    for line in ("read source 1", "read source 2", "where is harir base", "how many soldiers", "x pkk"):
        session.handle(line)
    lengths = []
    for line in ("go erbil", "who talks about isis", "how many partners does the coalition have"):
        lengths.append(len(session.state.seen))
        session.handle(line)
        session.handle("hint")  # a line that changes nothing is no step of undo
    assert all(state.seen is session.state.seen for _, state, _ in session.undo_stack[-3:])
    for expected in reversed(lengths):
        session.handle("undo")
        assert len(session.state.seen) == expected
    session.handle("restore nothing-there.json")  # a failed restore changes nothing: no step of undo
    assert said(session.handle("undo")).startswith("Undone: x pkk.")
    assert len(session.state.seen) < lengths[0]
