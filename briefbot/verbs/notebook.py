"""The notebook and the files a game writes: note, notebook, export, save, restore."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefbot import markdown
from briefbot.atomic import free_name, write_new
from briefbot.parser import number_in
from briefbot.reply import ERROR, OK, Heading, Passage, Reply
from briefbot.text import plural
from briefbot.verbs.verb import BRIEFING_ROOM, OPTIONAL, REQUIRED, Verb, no_such_answer, with_tellings

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.session import Session

SESSION_FILE = "briefbot-session.json"
NOTEBOOK_FILE = "briefbot-notebook.md"


def note(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="note")
    obj = command.obj.lower()
    wanted = (range(1, len(s.state.shown) + 1) if obj == "all"
              else [1] if obj in ("it", "that") else [number_in(obj)])
    if not wanted:  # `take all` with nothing on the table said nothing at all
        return reply.refuse("There are no answers to note yet: ask a question first.")
    for n in wanted:
        if n is None:
            return reply.refuse("Note which answer? Say `note 1` after a question.")
        if not 1 <= n <= len(s.state.shown):
            return reply.refuse(no_such_answer(n, len(s.state.shown)))
        sent = s.state.shown[n - 1]
        if sent in s.state.notebook:
            reply.say(f"Answer {n} is already in your notebook.")
        else:
            s.state.notebook.append(sent)
            reply.say(f"Noted answer {n}. ({len(s.state.notebook)} in your notebook.)")
    return reply


def drop(s: Session, command: Command) -> Reply:
    """A note out of the notebook, by its number there (`drop all` empties it); undo puts it back."""
    reply = Reply(command.line, OK, verb="drop")
    notes = s.state.notebook
    if not notes:
        return reply.refuse("Your notebook is empty: there is nothing to drop.")
    obj = command.obj.lower()
    if obj == "all":
        dropped = len(notes)
        notes.clear()
        return reply.say(f"Dropped {plural(dropped, 'note')}: your notebook is empty. (`undo` puts them back.)")
    n = number_in(obj.removeprefix("note").strip())
    if n is None or not 1 <= n <= len(notes):
        return reply.refuse(f"There is no note {n if n is not None else command.obj}: your notebook holds "
                            f"{plural(len(notes), 'note')}.")
    del notes[n - 1]
    return reply.say(f"Dropped note {n}. ({len(notes)} left in your notebook.)")


def notebook(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="notebook")
    reply.blocks.append(Heading("Notebook"))
    if not s.state.notebook:
        return reply.say("Your notebook is empty. After a question, `note 1` keeps the first answer.")
    for n, sent in enumerate(s.state.notebook, 1):  # each note alone: two telling one fact stay two notes
        reply.blocks.append(Passage(n, with_tellings(s, [s.searcher.answer(sent)])[0]))
    return reply


def notebook_markdown(s: Session) -> str:
    return markdown.notebook([with_tellings(s, [s.searcher.answer(sent)])[0] for sent in s.state.notebook], s.folder)


def export(s: Session, command: Command) -> Reply:
    notes = len(s.state.notebook)
    reply = Reply(command.line, OK, verb="export")
    path = _typed_path(s, reply, command.obj, NOTEBOOK_FILE)
    if path is not None:
        _keep(s, reply, path, notebook_markdown(s),
              f"Wrote {plural(notes, 'note')} with {'their' if notes != 1 else 'its'} citation{'s' * (notes != 1)} "
              "to {path}.")
    return reply


def save(s: Session, command: Command) -> Reply:
    """Save the game: with no name, to the file it last saved to or came from."""
    reply = Reply(command.line, OK, verb="save")
    path = _typed_path(s, reply, command.obj, SESSION_FILE) if command.obj else default_save(s)
    if path is not None and (written := _keep(s, reply, path, s.saved(), "Saved to {path}.", private=True)):
        s.save_path = written
        s.saved_seen = set(s.state.seen)
    return reply


def _typed_path(s: Session, reply: Reply, typed: str, default: str) -> Path | None:
    """The file a player named, as a full path with no `..` in it (the one a reply says): relative
    to the folder briefbot started in, `~` their home, and a folder (`save .`, `export notes/`)
    the file of the usual name in it (`.` is no file name: taken as one, `save .` wrote beside
    the folder). A name without an extension takes the usual one (`save mygame` is mygame.json),
    unless a file of that very name is there. None, the reply refusing, for a `~user` who is not
    one."""
    try:
        path = s.home / Path(typed).expanduser()
    except RuntimeError:  # "~nobody/x.md": no such user (and it was a traceback)
        reply.refuse(f"There is no user called {Path(typed).parts[0][1:]!r}, so {typed!r} is in no folder: "
                     "`~/` is your own home folder.")
        return None
    try:
        folder = typed.endswith(("/", os.sep)) or path.name in ("", ".", "..") or path.is_dir()
        bare = "." not in path.name and not path.is_file()
    except OSError:  # a name too long to be anything: writing or reading it says so
        folder = bare = False
    if folder:
        path = path / default
    elif bare:
        path = path.with_name(path.name + Path(default).suffix)
    try:
        return path.parent.resolve() / path.name  # "/home/me/../notes.md" is said "/home/notes.md"
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: writing or reading it says so
        return path


def _keep(s: Session, reply: Reply, path: Path, text: str, done: str, private: bool = False) -> Path | None:
    """Write the notebook's file (an export or a saved session), say so in the reply, and return
    the path written (None if it could not be); the notes are then safe. A file this game did not
    write is never replaced (it may hold another game's notes): the next free name is used
    instead, and said."""
    wanted = path
    try:
        made = next((p for p in reversed(wanted.parents) if not p.exists()), None)  # a folder the write makes
        path = write_new(wanted, text, _mine(s, wanted), private)
    except (OSError, UnicodeError, ValueError) as e:  # ValueError: a NUL in the name
        reply.status = ERROR
        reply.say(f"Could not write {path}: {getattr(e, 'strerror', None) or e}", "error")
        return None
    s.written.add(path)
    s.saved_notebook = list(s.state.notebook)
    if made is not None:
        reply.say(f"(Made the folder {made}.)")
    if path != wanted:
        reply.say(f"({wanted.name} is already there and was left alone.)")
    reply.say(done.format(path=path))
    return path


def _mine(s: Session, wanted: Path) -> set[Path]:
    """This game's own files of `wanted`'s name: those it wrote, and its saves from before a restart
    (its id is in them). Only these may be written over."""
    return s.written | {p for p in wanted.parent.glob(f"{glob.escape(wanted.stem)}*{glob.escape(wanted.suffix)}")
                        if p not in s.written and _own_save(s, p)}


def default_save(s: Session) -> Path:
    """What `save` with no name asks for: the file the game last saved to or came from, else the usual one."""
    return s.save_path or s.home / SESSION_FILE


def will_write(s: Session, wanted: Path) -> Path:
    """The file writing `wanted` takes (past another game's file, the next free name): what the quit
    dialog names is what is written."""
    return free_name(wanted, _mine(s, wanted))


def _own_save(s: Session, path: Path) -> bool:
    """Whether a file is a save of this very game (from before a restart): it may be replaced."""
    try:
        return s.load_saved(path).game == s.state.game
    except (OSError, ValueError):
        return False


def restore(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="restore")
    path = _typed_path(s, reply, command.obj, SESSION_FILE) if command.obj else newest_save(s)
    if path is None:
        return reply if command.obj else reply.refuse(
            f"There is no saved game of this briefing in {s.home}: `save` makes one, `restore FILE` names another.")
    try:
        state = s.load_saved(path)
    except (OSError, ValueError) as e:
        reply.status = ERROR
        return reply.say(f"Could not restore {path}: {getattr(e, 'strerror', None) or e}", "error")
    unsaved = len([n for n in s.state.notebook if n not in s.saved_notebook])
    s.state = state
    state.unknown_words = []  # the saved game's last line is not the one before the next `oops`
    s.saved_notebook = list(state.notebook)
    s.saved_seen = set(state.seen)
    s.save_path = path
    if unsaved:
        reply.say(f"(The {plural(unsaved, 'unsaved note')} you had went with the old game: `undo` brings "
                  f"{'them' if unsaved != 1 else 'it'} back.)")
    return reply.say(f"Restored {path}: {plural(len(state.notebook), 'note')}, in {_room(state.room)}.")


def _room(room: str) -> str:
    """"the Briefing room", but "Harir base" (a place's name takes no article)."""
    return f"the {room}" if room == BRIEFING_ROOM else room


def newest_save(s: Session) -> Path | None:
    """The newest save of this briefing in the game's folder (what `restore` with no name restores), if
    any: a newer save of other articles beside it is passed over, never restored or refused."""
    saves = []
    for path in s.home.glob(f"{glob.escape(Path(SESSION_FILE).stem)}*.json"):
        try:
            saves.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(saves, reverse=True):
        try:
            s.load_saved(path)
        except (OSError, ValueError):
            continue
        return path
    return None


_NOTE = r"(?:answer\s+)?#?\d+|all|it|that"  # "take care of…" is a question, not a note
VERBS = (
    Verb("note", ("note", "take", "get", "keep"), "keep answer N in your notebook", True, note, REQUIRED,
         pattern=_NOTE, usage="note N (take N)"),
    Verb("drop", ("drop", "forget", "unnote", "discard"), "take note N out of your notebook", True, drop, REQUIRED,
         pattern=r"(?:note\s+)?#?\d+|all", usage="drop N"),
    Verb("notebook", ("notebook", "i", "inv", "inventory", "notes"), "your notes with their citations", False,
         notebook, usage="notebook (i)"),
    # A file written stays written: no step for undo, which could not take it back.
    Verb("export", ("export",), "write the notebook as Markdown", False, export, OPTIONAL, usage="export [FILE]",
         file=True),
    Verb("save", ("save",), "save the game", False, save, OPTIONAL, usage="save [FILE]", file=True),
    Verb("restore", ("restore", "load"), "the game saved (the newest, with no name)", True, restore, OPTIONAL,
         usage="restore [FILE]", file=True),
)
