"""The verb table: every family's verbs in one tuple, and what is made from it (`help`). The parser
(`briefbot.parser.Parser`), undo (`Verb.changes_state`) and the TUI's completion
(`Session.completion`) read the same entries. A new family adds its module's VERBS here."""
from __future__ import annotations

from briefbot.verbs import game, looking, notebook, people, questions, story
from briefbot.verbs.verb import Verb

FAMILIES: tuple[tuple[str, tuple[Verb, ...]], ...] = (
    ("Finding things out", questions.VERBS),
    ("Moving about", looking.VERBS),
    ("People and organisations", people.VERBS),
    ("The story's shape", story.VERBS),
    ("The notebook", notebook.VERBS),
    ("The game", game.VERBS),
)
VERBS: tuple[Verb, ...] = tuple(v for _, verbs in FAMILIES for v in verbs)
assert len({v.name for v in VERBS}) == len(VERBS), "two verbs of one name"


HELP_INTRO = "Ask anything in plain words: every answer is quoted from the articles, with its source."
# (family, ((how it is typed, what it does), …)): what `help` says, and the TUI's help screen shows.
HELP_ROWS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = tuple(
    (family, tuple((v.usage or v.aliases[0], v.help) for v in verbs if v.help)) for family, verbs in FAMILIES)
