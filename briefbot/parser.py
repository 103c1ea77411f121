"""A typed line → Command. Players' habits (`l`, `x`, `i`, `g`, `z`) are honoured; anything that is not
a verb is a question, so there is no "I don't understand"."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Single words (or fixed phrases) that are a whole command.
_ALONE = {
    "": "look", "l": "look", "look": "look", "look around": "look",
    "i": "notebook", "inv": "notebook", "inventory": "notebook", "notebook": "notebook", "notes": "notebook",
    "score": "score", "hint": "hint", "hints": "hint", "help": "help", "?": "help", "h": "help",
    "again": "again", "g": "again", "undo": "undo", "back": "back", "return": "back",
    "quit": "quit", "q": "quit", "exit": "quit", "bye": "quit",
    "sources": "sources", "articles": "sources", "people": "people", "who": "people", "characters": "people",
    "places": "places", "rooms": "places", "map": "places", "exits": "places",
    "dossiers": "dossiers", "organisations": "dossiers", "organizations": "dossiers", "orgs": "dossiers",
    "save": "save", "restore": "restore", "load": "restore", "export": "export", "talk": "talk",
    "about": "about", "version": "about", "oops": "oops",
    "timeline": "timeline", "chronology": "timeline", "compare": "compare", "brief": "brief", "briefing": "brief",
}
# Verb phrases followed by an object; longest first so "look at" wins over "look".
_WITH_OBJECT = [
    ("read source", "read_source"), ("open source", "read_source"), ("source", "read_source"),
    ("look at", "examine"), ("l at", "examine"), ("examine", "examine"), ("x", "examine"), ("read", "examine"),
    ("inspect", "examine"), ("describe", "examine"), ("check", "examine"), ("look", "examine"), ("l", "examine"),
    ("go to", "go"), ("go", "go"), ("walk to", "go"), ("travel to", "go"), ("visit", "go"), ("enter", "go"),
    ("move to", "go"),
    ("talk to", "talk"), ("talk with", "talk"), ("speak to", "talk"), ("speak with", "talk"), ("interview", "talk"),
    ("note", "note"), ("take", "note"), ("get", "note"), ("keep", "note"), ("save", "save"),
    ("restore", "restore"), ("load", "restore"), ("export", "export"), ("oops", "oops"), ("undo", "undo"),
    ("timeline of", "timeline"), ("timeline", "timeline"), ("compare", "compare"),
]
_ASK = re.compile(r"^(?:ask|tell|question|quiz)\s+(?P<who>.+?)\s+(?:about|on|regarding|of)\s+(?P<topic>.+)$", re.I)
_ASK_NO_TOPIC = re.compile(r"^(?:ask|tell|question|quiz)\s+(?P<who>.+?)\s+(?:about|on|regarding)$", re.I)
_ASK_BARE = re.compile(r"^(?:ask|question|quiz)\s+(?P<who>\S+(?:\s+\S+){0,2})$", re.I)
_FILE_VERBS = {"save", "restore", "export"}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class Command:
    verb: str  # a verb from the tables above, or "question"
    obj: str = ""  # what the verb acts on, as typed (leading "the" dropped)
    topic: str = ""  # for ask: what about
    line: str = ""


def parse(line: str) -> Command:
    """Read one line. Unknown words are never an error: they make a question."""
    text = " ".join(line.strip().split())
    low = text.lower().rstrip(".!")
    if low in _ALONE:
        return Command(_ALONE[low], line=text)
    if m := _ASK.match(text):
        return Command("ask", _strip_article(m["who"]), m["topic"].strip(" ?"), text)
    if m := _ASK_NO_TOPIC.match(text):  # "ask allawi about": what does he talk about, then
        return Command("talk", _strip_article(m["who"]), line=text)
    if m := _ASK_BARE.match(text):
        return Command("talk", _strip_article(m["who"]), line=text)
    for phrase, verb in _WITH_OBJECT:
        if low == phrase and verb in ("go", "talk", "examine"):  # "go", "x", "talk to": where? what? whom?
            return Command(verb, line=text)
        if low.startswith(phrase + " "):
            obj = _file_name(line) if verb in _FILE_VERBS else _strip_article(text[len(phrase):].strip())
            if verb == "note" and not re.fullmatch(r"(?:answer\s+)?#?\d+|all|it|that", obj, re.I):
                break  # "take" in "take care of…" is a question, not a note
            if verb == "examine" and phrase in ("look", "l"):
                break  # "look" + words that are not "at": a question
            return Command(verb, obj, line=text)
    return Command("question", text, line=text)


def _file_name(line: str) -> str:
    """The file of `save`/`restore`/`export` exactly as typed after the verb: `../notes.md` stays
    `../notes.md` (dots, spaces and all), relative to the folder briefbot started in."""
    return line.strip().split(None, 1)[1]


def _strip_article(text: str) -> str:
    return _ARTICLE.sub("", text.strip()).strip(" ?!.")


def number_in(text: str) -> int | None:
    """"3", "#3", "answer 3" → 3."""
    m = re.fullmatch(r"(?:answer\s+|source\s+)?#?(\d+)", text.strip(), re.I)
    return int(m[1]) if m else None
