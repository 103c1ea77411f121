"""A saved session read back: the file is input like any other (someone may have crafted it), so
every field is checked for its type and range before anything of the game changes, and a file
that fails is refused with one line saying why."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefbot.verbs.looking import MAX_TRAIL

NAMED_PEOPLE = 10  # people a game keeps named before the last one, for a "she" the last does not fit

MAX_LIST = 1_000_000  # no honest game walks or types this much
MAX_TEXT = 10_000  # characters in one text field: a line is at most 2,000 (session.MAX_LINE_CHARS), a name one line
MAX_COUNT = 10**9  # turns, pages: a game of a turn a second for thirty years
# The verbs that stop to ask "Which do you mean…?" and finish on the next line (Session.pick), and
# how many names that question offers.
WHICH_VERBS = {"go", "examine", "ask", "talk"}
WHICH_CHOICES = 6


class NotASession(ValueError):
    """The file is not a session this briefing can restore; the message says why, in one line."""


@dataclass(frozen=True)
class Bounds:
    """What this briefing holds, which a saved game's numbers must stay within."""
    sentences: int
    paragraphs: tuple[int, ...]  # of each source, in order


def checked_state(data: object, sources: list[str], bounds: Bounds) -> dict[str, object]:
    """The game state of a saved session (the JSON `Session` saves) as State's keyword arguments,
    each checked: saved with these articles (`sources`), its numbers within `bounds`, each
    sentence id naming a sentence of them, at most once."""
    if not isinstance(data, dict) or data.get("briefbot_session") != 1:
        raise NotASession("it is not a saved session file")
    if data.get("sources") != sources:
        raise NotASession("it was saved with other articles")
    return _fields(data.get("state"), bounds)


def _fields(fields: object, bounds: Bounds) -> dict[str, object]:
    if not isinstance(fields, dict):
        raise NotASession("it has no game state")
    checks: dict[str, Callable[[object, Bounds], object]] = {
        "room": _text, "last_line": _text, "turns": _count, "trail": _trail, "unknown_words": _words,
        "pending": _pending, "notebook": _ids, "seen": _id_set, "shown": _numbered, "shown_at": _turns,
        "shown_span": _spans,
        "question": _text, "spent": _flag, "about": _text, "page": _count, "first": _count, "person": _text, "thing": _text, "game": _text,
        "source_page": _source_page, "people": _people}
    unknown = sorted(set(fields) - set(checks))
    if unknown:
        raise NotASession(f"it has a field this briefbot does not know ({unknown[0][:40]!r})")
    out: dict[str, object] = {}
    for name, value in fields.items():
        try:
            out[name] = checks[name](value, bounds)
        except NotASession as e:
            raise NotASession(f"its {name} {e}") from None
    return out


def _text(value: object, bounds: Bounds) -> str:
    """A line or a name: a megabyte of "question" would be asked again by `why?` and `more`."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise NotASession("is not a line of text")
    return value


def _flag(value: object, bounds: Bounds) -> bool:
    if type(value) is not bool:
        raise NotASession("is not true or false")
    return value


def _count(value: object, bounds: Bounds) -> int:
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise NotASession("is not a count")
    return value


def _texts(value: object, bounds: Bounds) -> list[str]:
    if not isinstance(value, list) or len(value) > MAX_LIST or \
            not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value):
        raise NotASession("is not a list of text")
    return value


def _people(value: object, bounds: Bounds) -> list[str]:
    """The people named before the last: as many as a game keeps."""
    people = _texts(value, bounds)
    if len(people) > NAMED_PEOPLE:
        raise NotASession("is more people than a game keeps")
    return people


def _trail(value: object, bounds: Bounds) -> list[str]:
    """The rooms `back` returns through: as many as the game keeps (each undo step copies them)."""
    rooms = _texts(value, bounds)
    if len(rooms) > MAX_TRAIL:
        raise NotASession("is longer than the way back a game keeps")
    return rooms


def _words(value: object, bounds: Bounds) -> list[str]:
    """Words of one question (for `oops`): no more text than a line holds."""
    words = _texts(value, bounds)
    if sum(map(len, words)) > MAX_TEXT:
        raise NotASession("is more than the words of a question")
    return words


def _pending(value: object, bounds: Bounds) -> list[str]:
    texts = _texts(value, bounds)
    if texts and (not 3 <= len(texts) <= 2 + WHICH_CHOICES or texts[0] not in WHICH_VERBS):
        raise NotASession("is not a question waiting for a name")
    return texts


def _turns(value: object, bounds: Bounds) -> dict[int, int]:
    """Sentence id → the turn it was shown in full; JSON writes the ids as text (ASCII digits:
    "²" is a digit to Python, and no number to int())."""
    if not isinstance(value, dict) or len(value) > MAX_LIST:
        raise NotASession("is not a table of turns")
    if not all(isinstance(k, str) and k.isascii() and k.isdigit() and len(k) < 12
               and type(v) is int and 0 <= v <= MAX_COUNT for k, v in value.items()):
        raise NotASession("is not a table of turns")
    ids = {int(k): v for k, v in value.items()}
    if not all(k < bounds.sentences for k in ids):
        raise NotASession("names sentences this briefing does not have")
    return ids


def _spans(value: object, bounds: Bounds) -> dict[int, str]:
    """Sentence id → the answer marked in it when it was shown in full: ids as `_turns` reads them."""
    if not isinstance(value, dict) or len(value) > MAX_LIST or \
            not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value.values()):
        raise NotASession("is not a table of answers shown")
    _turns(dict.fromkeys(value, 0), bounds)  # its ids, checked
    return {int(k): v for k, v in value.items()}


def _source_page(value: object, bounds: Bounds) -> list[int]:
    """[source N (from 1), the next paragraph to read in it] while a source is being read, else []."""
    if not isinstance(value, list) or len(value) not in (0, 2) or not all(type(v) is int for v in value):
        raise NotASession("is not a page of a source")
    if value and not (1 <= value[0] <= len(bounds.paragraphs) and 0 <= value[1] < bounds.paragraphs[value[0] - 1]):
        raise NotASession("is not a page of a source")
    return value


def _numbered(value: object, bounds: Bounds) -> list[int]:
    """Sentences as numbered on screen: one may be shown under two numbers (two dated events of
    one sentence in a timeline)."""
    if not isinstance(value, list) or len(value) > MAX_LIST or not all(type(v) is int for v in value):
        raise NotASession("is not a list of sentence numbers")
    if not all(0 <= v < bounds.sentences for v in value):
        raise NotASession("names sentences this briefing does not have")
    return value


def _ids(value: object, bounds: Bounds) -> list[int]:
    ids = _numbered(value, bounds)
    if len(set(ids)) != len(ids):
        raise NotASession("names a sentence twice")
    return ids


def _id_set(value: object, bounds: Bounds) -> set[int]:
    """What the player has seen: saved as a sorted list, each sentence once, kept as a set."""
    return set(_ids(value, bounds))
