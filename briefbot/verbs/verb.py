"""A verb of the game as data: the one entry from which the parser, `help`, undo and the TUI's
completion are all made. Adding a verb is one `Verb` in its family's `VERBS` and one function."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.reply import Reply
    from briefbot.search import Answer, Result
    from briefbot.session import Session
    from briefbot.world import Character

NONE, OPTIONAL, REQUIRED = "none", "optional", "required"  # whether a verb takes an object
BRIEFING_ROOM = "Briefing room"  # where a game starts


@dataclass(frozen=True)
class Verb:
    name: str  # what Command.verb holds, and --json's "verb"
    aliases: tuple[str, ...]  # the phrases that say it, the canonical one first ("x" for examine)
    help: str  # one line for `help`; "" keeps it out
    changes_state: bool  # False: undo steps over it (look, score…)
    run: Callable[[Session, Command], Reply]
    object: str = NONE  # NONE: alone only; OPTIONAL; REQUIRED (alone, the verb asks for it)
    pattern: str = ""  # a regex the object must match whole, else the line is not this verb ("note 1")
    usage: str = ""  # how help writes it ("go PLACE"); default: the canonical alias
    names: tuple[str, ...] = ()  # the kinds of thing its object names, first the likeliest (Tab completes them)
    takes_turn: bool = True  # False for help, quit and undo: the turn counter does not move
    repeatable: bool = True  # False: `again` repeats what ran before (again itself; oops records its fix;
    # help and quit are outside the game, so `oops` after `help` still fixes the question)
    file: bool = False  # its object is a file name, taken exactly as typed (`export ../notes.md`)
    of_verbs: bool = False  # its object is a verb or one word ("help go", "help xyzzy"), else not this verb
    # ("help for refugees" is a question)


def ids(sentences: list[int]) -> np.ndarray:
    """Sentence ids as the sorted array `Searcher.search(within=…)` takes."""
    return np.array(sorted(set(sentences)), dtype=np.int32)


def search_within(s: Session, query: str, k: int, sentences: list[int] | None) -> Result:
    """The search among some sentences only (a person's, a place's, an organisation's; None: all),
    its answers with the other articles' tellings of their facts, as a question's answers carry them."""
    result = s.searcher.search(query, k, within=None if sentences is None else ids(sentences))
    result.answers = with_tellings(s, result.answers)
    return result


def with_tellings(s: Session, answers: list[Answer]) -> list[Answer]:
    """Each answer with every other article's telling of its fact (the world's facts: `also in 1
    other source`), and one answer a fact. A search within one thing's sentences finds no telling
    outside them, and a sentence taken by its id none at all."""
    kept: list[Answer] = []
    told: set[int] = set()
    for answer in answers:
        fact = int(s.world.fact_of[answer.sentence_id])
        if fact in told:
            continue
        told.add(fact)
        known = [v.sentence_id for v in answer.versions]
        others = [t for t in np.flatnonzero(s.world.fact_of == fact).tolist()
                  if t != answer.sentence_id and t not in known]
        kept.append(s.searcher.answer(answer.sentence_id, answer.score, known + others, answer.answer_span)
                    if others else answer)
    return kept


def words(text: str) -> list[str]:
    return [w.strip("?!.,;:\"'") for w in text.split() if w.strip("?!.,;:\"'")]


def person_line(c: Character) -> str:
    """A person and their role, as lists show them."""
    return c.name + (f", {c.role}" if c.role else "")


def no_such_answer(n: object, shown: int) -> str:
    """Answer n is not on the table: say how many are (or that there are none yet)."""
    if n == "":
        return f"Which answer? Say its number{f', 1 to {shown}' if shown else ' after a question'}."
    if not shown:
        return f"There is no answer {n} yet: ask a question first."
    return f"There is no answer {n}: {'only answer 1 is' if shown == 1 else f'answers 1 to {shown} are'} on the table."
