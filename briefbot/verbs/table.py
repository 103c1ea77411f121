"""The verb table: every family's verbs in one tuple, and what is made from it (`help`). The parser
(`briefbot.parser.Parser`), undo (`Verb.changes_state`) and the TUI's completion
(`Session.completion`) read the same entries. A new family adds its module's VERBS here."""
from __future__ import annotations

from briefbot.verbs import game, looking, notebook, people, questions
from briefbot.verbs.verb import Verb

FAMILIES: tuple[tuple[str, tuple[Verb, ...]], ...] = (
    ("Finding things out", questions.VERBS),
    ("Moving about", looking.VERBS),
    ("People and organisations", people.VERBS),
    ("The notebook", notebook.VERBS),
    ("The game", game.VERBS),
)
VERBS: tuple[Verb, ...] = tuple(v for _, verbs in FAMILIES for v in verbs)
assert len({v.name for v in VERBS}) == len(VERBS), "two verbs of one name"


def _help() -> str:
    lines = ["Ask anything in plain words: every answer is quoted from the articles, with its source."]
    for family, verbs in FAMILIES:
        lines.append(f"{family}:")
        lines += [f"  {v.usage or v.aliases[0]:<26}{v.help}" for v in verbs if v.help]
    return "\n".join(lines)


HELP = _help()
