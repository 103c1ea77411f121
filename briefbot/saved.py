"""A saved session read back: the file is input like any other (someone may have crafted it), so
every field is checked for its type and range before anything of the game changes, and a file
that fails is refused with one line saying why."""
from __future__ import annotations

MAX_LIST = 1_000_000  # no honest game walks or types this much
# The verbs that stop to ask "Which do you mean…?" and finish on the next line (Session._pick).
WHICH_VERBS = {"go", "examine", "ask", "talk"}


class NotASession(ValueError):
    """The file is not a session this briefing can restore; the message says why, in one line."""


def checked_state(data: object, sources: list[str], sentences: int) -> dict[str, object]:
    """The game state of a saved session (the JSON `Session` saves) as State's keyword arguments,
    each checked: saved with these articles (`sources`), its sentence ids naming sentences of them
    (`sentences` in all), each at most once."""
    if not isinstance(data, dict) or data.get("briefbot_session") != 1:
        raise NotASession("it is not a saved session file")
    if data.get("sources") != sources:
        raise NotASession("it was saved with other articles")
    return _fields(data.get("state"), sentences)


def _fields(fields: object, sentences: int) -> dict[str, object]:
    if not isinstance(fields, dict):
        raise NotASession("it has no game state")
    checks = {"room": _text, "last_line": _text, "turns": _count,
              "trail": _texts, "unknown_words": _texts, "pending": _pending,
              "notebook": _ids, "seen": _ids, "shown": _numbered,
              "shown_at": _turns, "question": _text, "page": _count, "person": _text, "game": _text,
              "source_page": _source_page}
    unknown = sorted(set(fields) - set(checks))
    if unknown:
        raise NotASession(f"it has a field this briefbot does not know ({unknown[0][:40]!r})")
    out: dict[str, object] = {}
    for name, value in fields.items():
        try:
            out[name] = checks[name](value, sentences)
        except NotASession as e:
            raise NotASession(f"its {name} {e}") from None
    return out


def _text(value: object, sentences: int) -> str:
    if not isinstance(value, str):
        raise NotASession("is not text")
    return value


def _count(value: object, sentences: int) -> int:
    if type(value) is not int or value < 0:
        raise NotASession("is not a count")
    return value


def _texts(value: object, sentences: int) -> list[str]:
    if not isinstance(value, list) or len(value) > MAX_LIST or not all(isinstance(v, str) for v in value):
        raise NotASession("is not a list of text")
    return value


def _pending(value: object, sentences: int) -> list[str]:
    texts = _texts(value, sentences)
    if texts and (len(texts) < 3 or texts[0] not in WHICH_VERBS):
        raise NotASession("is not a question waiting for a name")
    return texts


def _turns(value: object, sentences: int) -> dict[int, int]:
    """Sentence id → the turn it was shown in full; JSON writes the ids as text."""
    if not isinstance(value, dict) or len(value) > MAX_LIST:
        raise NotASession("is not a table of turns")
    if not all(isinstance(k, str) and k.isdigit() and len(k) < 12 and type(v) is int and v >= 0
               for k, v in value.items()):
        raise NotASession("is not a table of turns")
    ids = {int(k): v for k, v in value.items()}
    if not all(k < sentences for k in ids):
        raise NotASession("names sentences this briefing does not have")
    return ids


def _source_page(value: object, sentences: int) -> list[int]:
    """[source N, next paragraph] while a source is being read, else []."""
    if not isinstance(value, list) or len(value) not in (0, 2) or not all(type(v) is int and v >= 0 for v in value):
        raise NotASession("is not a page of a source")
    return value


def _numbered(value: object, sentences: int) -> list[int]:
    """Sentences as numbered on screen: one may be shown under two numbers (two dated events of
    one sentence in a timeline)."""
    if not isinstance(value, list) or len(value) > MAX_LIST or not all(type(v) is int for v in value):
        raise NotASession("is not a list of sentence numbers")
    if not all(0 <= v < sentences for v in value):
        raise NotASession("names sentences this briefing does not have")
    return value


def _ids(value: object, sentences: int) -> list[int]:
    ids = _numbered(value, sentences)
    if len(set(ids)) != len(ids):
        raise NotASession("names a sentence twice")
    return ids
