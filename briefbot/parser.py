"""A typed line → Command, read with the verb table (`briefbot.verbs`). Players' habits (`l`, `x`,
`i`, `g`) are aliases there; anything that is not a verb is a question, so there is no "I don't
understand"."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefbot.question import as_meant, with_question_words_as_meant
from briefbot.verbs.verb import NONE, REQUIRED

if TYPE_CHECKING:
    from briefbot.verbs.verb import Verb

_ASK = re.compile(r"^(?:ask|tell|question|quiz)\s+(?P<who>.+?)\s+(?:about|on|regarding|of)\s+(?P<topic>.+)$", re.I)
_ASK_NO_TOPIC = re.compile(r"^(?:ask|tell|question|quiz)\s+(?P<who>.+?)\s+(?:about|on|regarding)$", re.I)
# "tell me about the f-16", "Tell me how many copies it sold and who sang on it": a question, asked of no one
_TELL_ME = re.compile(r"^(?:tell|ask)\s+(?:me|us)\s+(?:(?:about|on|regarding)\s+)?(?P<asked>.+)$", re.I)
_ASK_BARE = re.compile(r"^(?:ask|question|quiz)\s+(?P<who>\S+(?:\s+\S+){0,2})$", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class Command:
    verb: str  # a verb's name from the table, or "question"
    obj: str = ""  # what the verb acts on, as typed (leading "the" dropped)
    topic: str = ""  # for ask: what about
    line: str = ""


class Parser:
    """Reads lines with a verb table: its aliases, longest first, each with what it may be followed by."""

    def __init__(self, verbs: Sequence[Verb]) -> None:
        entries = [(alias, verb) for verb in verbs for alias in verb.aliases]
        self.entries = sorted(entries, key=lambda e: -len(e[0]))  # stable: the table's order breaks ties

    def parse(self, line: str) -> Command:
        """Read one line. Unknown words are never an error: they make a question."""
        text = " ".join(line.strip().split())
        low = text.lower()
        bare = low.rstrip(".!?") if low.rstrip(".!?") else low  # "who said that?"; "?" alone is help
        meant = as_meant(bare) if re.fullmatch(r"[a-z']+(?: [a-z']+)*", bare) else bare  # "wheres that from"
        alone = [verb for alias, verb in self.entries if alias in (bare, meant)]
        if alone:  # a verb that stands alone ("source?") before one that asks for its object ("source N")
            return Command(min(alone, key=lambda v: v.object == REQUIRED).name, line=text)
        if m := _TELL_ME.match(text):
            return Command("question", with_question_words_as_meant(m["asked"].strip()), line=text)
        if m := _ASK.match(text):
            return Command("ask", _strip_article(m["who"]), m["topic"].strip(" ?"), text)
        if m := _ASK_NO_TOPIC.match(text):  # "ask allawi about": what does he talk about, then
            return Command("talk", _strip_article(m["who"]), line=text)
        if m := _ASK_BARE.match(text):
            return Command("talk", _strip_article(m["who"]), line=text)
        for alias, verb in self.entries:
            if verb.object != NONE and low.startswith(alias + " "):
                obj = _file_name(line) if verb.file else _strip_article(text[len(alias):].strip())
                if verb.of_verbs and not (self._is_verb(obj) or re.fullmatch(r"\S+", obj)):
                    continue  # "help for refugees" is a question; "help xyzzy" asks for help on a verb
                if not verb.pattern or re.fullmatch(verb.pattern, obj, re.I):
                    return Command(verb.name, obj, line=text)
        return Command("question", with_question_words_as_meant(text), line=text)  # "whos" is no "whop"

    def _is_verb(self, text: str) -> bool:
        """Whether a line starts with a verb ("go", "go to harir", "x")."""
        low = text.lower()
        return any(alias and (low == alias or low.startswith(alias + " ")) for alias, _ in self.entries)


def parse(line: str) -> Command:
    """A line read with the game's own verb table."""
    return _game_parser().parse(line)


@cache
def _game_parser() -> Parser:
    from briefbot.verbs.table import VERBS  # its functions need the session, which needs the parser
    return Parser(VERBS)


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
