"""Files written whole or not at all, and never over a file someone else wrote.

The content goes to a temporary file beside the target, then takes the target's name: by a hard
link, which fails if the name exists (so two games exporting at once into one folder both keep
their notes), or, for a file this program wrote itself, by a rename over it. A crash, a full disk
or a second process never leaves a half-written file under the real name. Temporary files carry
a name only briefbot uses; one a killed run left is removed by a later write into that folder,
and nothing else is ever removed.

A file gets the mode any program's new file gets (0666 less the user's umask: an exported notebook
is a document to share like any other), unless `private` (0600: a saved game, read back only by
this user's briefbot, records every line they typed and everything they read).
"""
from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".briefbot-tmp-"  # a name briefbot never reads as a cache or a session, and no one else uses
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a killed run
MAX_FREE_NAMES = 1000  # notes-2.md … notes-1000.md: past that, the folder is not one to write into

Content = str | Callable[[BinaryIO], None]


def write_atomic(path: Path, content: Content, replace: bool = True, private: bool = False) -> None:
    """Write `content` (text, as UTF-8, or a function that writes to the open file) to `path`.
    Unless `replace`, raise FileExistsError if `path` exists, and leave it as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(path, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(content, str):
                out.write(content.encode("utf-8"))
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    remove_stale_temps(path.parent)


def _temp_file(path: Path, mode: int) -> tuple[int, str]:
    """A new temporary file beside `path`, open for writing, created with `mode` less the umask
    (tempfile.mkstemp makes every file 0600, whatever the umask)."""
    for _ in range(100):
        tmp = os.path.join(path.parent, f"{TEMP_PREFIX}{os.urandom(6).hex()}{path.suffix}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, f"no free temporary name in {path.parent}")


def write_new(wanted: Path, content: Content, mine: set[Path], private: bool = False) -> Path:
    """Write `content` to `wanted`, or, if a file this program did not write (`mine`) is there,
    to the first free name of wanted-2, wanted-3…; the path written."""
    try:
        wanted.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: no free name will help
        raise NotADirectoryError(errno.ENOTDIR, f"{wanted.parent.name} is a file, not a folder") from None
    for path in _names(wanted):
        try:
            write_atomic(path, content, replace=path in mine, private=private)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, f"{wanted.name} and {MAX_FREE_NAMES} names after it are taken")


def free_name(wanted: Path, mine: set[Path]) -> Path:
    """The path `write_new` would write now (unless another process takes it first): what a dialog
    names before writing."""
    return next((p for p in _names(wanted) if p in mine or not os.path.lexists(p)), wanted)


def _names(wanted: Path) -> Iterator[Path]:
    """wanted, wanted-2, wanted-3…: the names `write_new` tries in turn."""
    yield wanted
    for n in range(2, MAX_FREE_NAMES + 1):
        yield wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")


def _link_new(tmp: str, path: Path) -> None:
    """Give the finished temporary file the name `path`, only if no file has it."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create the name exclusively, then copy
        with open(path, "xb") as out, open(tmp, "rb") as src:
            out.write(src.read())
            out.flush()
            os.fsync(out.fileno())


def remove_stale_temps(folder: Path) -> None:
    """Remove the temporary files killed runs of briefbot left in `folder` (only those)."""
    old = time.time() - STALE_TEMP_SECONDS
    for temp in folder.glob(f"{TEMP_PREFIX}*"):
        try:
            if temp.lstat().st_mtime < old:
                temp.unlink()
        except OSError:
            pass  # another run removed it first
