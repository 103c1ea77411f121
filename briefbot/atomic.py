"""Files written whole or not at all: a temporary file beside the target, then a rename. A crash,
a full disk or a second process never leaves a half-written file under the real name."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".tmp-"  # a name briefbot never reads as a cache or a session


def write_atomic(path: Path, content: str | Callable[[BinaryIO], None]) -> None:
    """Write `content` (text, as UTF-8, or a function that writes to the open file) to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(content, str):
                out.write(content.encode("utf-8"))
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
