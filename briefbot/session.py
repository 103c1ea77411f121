"""A player's session: where they are, what they have seen and noted. `Session.handle(line) -> Reply`
is the whole behaviour of briefbot: it parses the line with the verb table (`briefbot.verbs`), runs
the verb, keeps undo, and attaches the `View` the front ends draw from. The CLI and the TUI import
nothing else of the engine."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from itertools import takewhile
from pathlib import Path
from typing import Any

import numpy as np

from briefbot.attribution import starts_with_pronoun
from briefbot.cache import load_world
from briefbot.corpus import CorpusError
from briefbot.index import Index, Progress
from briefbot.parser import Command, Parser, number_in
from briefbot.plain import cut
from briefbot.reply import ERROR, OK, Block, Completion, Difference, Message, Passage, Reading, Reply, Sources, View, \
    shown_path
from briefbot.saved import NAMED_PEOPLE, WHICH_CHOICES, Bounds, checked_state
from briefbot.search import Answer, Citation, Searcher
from briefbot.names import name_key
from briefbot.text import STOP_WORDS, LazyPattern, analyze, fold
from briefbot.verbs.looking import look
from briefbot.verbs.notebook import NOTEBOOK_FILE, SESSION_FILE, default_save, newest_save, will_write
from briefbot.verbs.story import first_visit
from briefbot.verbs.table import HELP_INTRO, HELP_ROWS, VERBS
from briefbot.verbs.verb import BRIEFING_ROOM, person_line, words
from briefbot.world import Character, Place, Thing, World, WorldFileError, read_world_file

__all__ = ["Session", "CorpusError", "BRIEFING_ROOM", "HELP_INTRO", "HELP_ROWS", "LONG_PASTE", "MAX_LINE_CHARS",
           "NOTEBOOK_FILE", "SESSION_FILE", "as_typed", "without_controls"]

RECENT_TURNS = 5  # an answer shown in full this many turns ago or fewer is shown again as one line
LONG_PASTE = 60  # words: a longer line is answered on its first sentences, and says so
ECHO_CHARS = 300  # of a typed line, echoed above its reply
MAX_LINE_CHARS = 2000  # a question or command longer than this is a paste gone wrong, not a question
MAX_NAME_WORDS = 5  # words of the longest name `named` looks for in a line
_HIS_TITLES = "Mr|Sir|Lord|Baron|Earl|Duke|Prince|King"
_HER_TITLES = "Mrs|Ms|Miss|Dame|Lady|Baroness|Duchess|Princess|Queen"
_SAID_ON = re.compile(r"(?:(?:But|And)\s+)?(He|She)\s+(?:\w+ly\s+)?(?:said|says|added|told)\b")  # "She said…": whose words go on
TITLED_SENTENCES = 200  # sentences naming a person that `pronoun_of` reads for their "Mr" or "Ms"
MAX_SESSION_BYTES = 50_000_000  # a saved session is small; anything bigger is not one
# Terminal control sequences (colour codes and the like) and control characters (a bell, a NUL) in a
# typed or pasted line: dropped, as the player never meant them as words.
_ESCAPES = LazyPattern(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
                       r"|[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PASTED_SENTENCE = LazyPattern(r"(?<=[.!?])\s+")  # where a pasted text's sentences end, closely enough
_AUXILIARY = r"(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may|might|must)"
_ASKING_START = LazyPattern(rf"(?:(?:how|what|when|where|why)\s+(?:{_AUXILIARY}|many|much|long|old|far|often|big)|"
                            rf"(?:who|which|whose)|{_AUXILIARY}\s+(?:it|there|the|a|an|they|he|she|this|that)|"
                            r"(?:please\s+)?(?:tell|show|give)\s+(?:me|us)|(?:please\s+)?(?:explain|describe|list|"
                            r"summari[sz]e))\b", re.I)
_SPACES = LazyPattern(r"[\t\n\r\x0b\x0c]")  # line ends and tabs: spaces


@dataclass
class State:
    """Everything undo steps back over and save writes."""
    room: str = BRIEFING_ROOM
    trail: list[str] = field(default_factory=list)  # rooms left, for `back`
    notebook: list[int] = field(default_factory=list)  # sentence ids noted
    seen: set[int] = field(default_factory=set)  # sentence ids shown: what the player has uncovered
    turns: int = 0
    shown: list[int] = field(default_factory=list)  # sentence ids of the last numbered answers
    last_line: str = ""
    unknown_words: list[str] = field(default_factory=list)  # of the last question, for `oops`
    pending: list[str] = field(default_factory=list)  # [verb, topic, name…] of "Which do you mean…?"
    shown_at: dict[int, int] = field(default_factory=dict)  # sentence id → the turn that showed its wording in full
    shown_span: dict[int, str] = field(default_factory=dict)  # sentence id → the answer marked in it then ("" none)
    question: str = ""  # what the answers on the table were asked, for follow-ups ("why?", "more")
    spent: bool = False  # `more` has nothing of `question`'s answers left to go on with (a timeline's,
    # comparison's or brief's lines are on the table, or an answer's article was read to its end), while
    # "why?" still asks `question` again
    about: str = ""  # the person or thing whose sentences alone answered it (`ask`, `x`, `talk`), for "more"
    page: int = 0  # pages `more` has shown of those answers (or the wider context)
    first: int = 1  # the number of the first answer the last page showed: what `source?` and "who said that?" mean
    source_page: list[int] = field(default_factory=list)  # [source N, next paragraph] while reading, for "more"
    person: str = ""  # the last person named, for "he", "him", "what else did she say?"
    people: list[str] = field(default_factory=list)  # those named before `person`, the last first (at most
    # NAMED_PEOPLE): whom "she" means after a man is named
    thing: str = ""  # the last place or organisation examined or named (by `x`, `go`), for `x it`
    game: str = field(default="", compare=False)  # this game's id, kept in its save: a game may replace its own

    def copy(self) -> State:
        """A copy for undo. `seen` only ever grows (by `Session.uncover`), so it is shared, not
        copied: undo takes back what was added since (a hundred copies of a big game's `seen` were
        gigabytes)."""
        return replace(self, trail=list(self.trail), notebook=list(self.notebook),
                       shown=list(self.shown), unknown_words=list(self.unknown_words), pending=list(self.pending),
                       shown_at=dict(self.shown_at), shown_span=dict(self.shown_span),
                       source_page=list(self.source_page), people=list(self.people))

    def name(self, person: str) -> None:
        """`person` is now the last person named ("" for no one: a "who" question whose answers name none)."""
        if person != self.person:
            self.people = [p for p in (self.person, *self.people) if p and p != person][:NAMED_PEOPLE]
            self.person = person


@dataclass(frozen=True)
class Surroundings:
    """Who talks about a room and where one can go from it."""
    people: tuple[str, ...]
    exits: tuple[str, ...]


class Session:
    def __init__(self, index: Index, world: World | None = None, k: int = 3, home: Path | None = None,
                 world_progress: Progress | None = None):
        self.index = index
        self.world_progress = world_progress  # hears of the world's build, if a verb needs it built
        self.searcher = Searcher(index)
        self._world = world
        self.k = k
        self.home = home or Path.cwd()
        self.state = State(game=os.urandom(6).hex())
        self.undo_stack: list[tuple[str, State, list[int]]] = []  # (the line, the state before it, seen since)
        self.saved_notebook: list[int] = []  # the notebook as last saved or exported
        self.saved_seen: set[int] = set()  # what the player had uncovered when the game was last saved or restored
        self.written: set[Path] = set()  # files this session wrote, which it may write again
        self._surroundings: dict[str, Surroundings] = {}
        self._names: dict[str, str] | None = None  # any name of a person, folded → the name to call them by
        self._names_of_world = False  # whether _names came from the built world (else from the world file)
        self._by_name: dict[str, Thing] | None = None  # any name of a thing, as name_key compares it → the thing
        self._speaker_words: list[tuple[set[str], str]] | None = None  # each speaker's name and its words,
        # the most quoted first
        self._answers: dict[int, Answer] = {}  # sentence id → the answer last shown for it, with its versions
        self.save_path: Path | None = None  # the file this game last saved to or was restored from
        self.drawn: set[int] = set()  # the sentences the last reply that showed any drew (answers, their
        # context): on the screen just above, so the next reply's context leaves them out
        self._drawing: set[int] = set()  # those the reply being made draws
        self.sources_listed = False  # whether the last reply that numbered anything numbered the sources
        # (`read 1` after `sources` reads source 1, not answer 1 of a reply before)
        self.verbs = {v.name: v for v in VERBS}
        self.parser = Parser(VERBS)
        dirs = {os.path.dirname(os.path.abspath(a.path)) for a in index.articles}
        self.folder = os.path.commonpath(sorted(dirs)) if dirs else ""

    @classmethod
    def open(cls, paths: list[str] | None, warn: Callable[[str], None], progress: Progress | None = None,
             use_cache: bool = True, list_skipped: bool = False, **kwargs: Any) -> Session:
        """A session over the articles under `paths` (default: the embedded briefing), indexed or
        read from the cache (`list_skipped`: name each file of a type briefbot does not read).
        Raises CorpusError when there is no usable article."""
        from briefbot import cache
        return cls(cache.load(paths, warn, progress, use_cache=use_cache, list_skipped=list_skipped), **kwargs)

    def reset(self) -> None:
        """Back to the start of the game, with nothing seen or noted (`restart`; undo takes it back)."""
        self.state = State(game=self.state.game)
        self.saved_notebook = []
        self.saved_seen = set()
        self.drawn = set()

    @property
    def world(self) -> World:
        """Loaded (or built) on first use: a one-shot question never needs it."""
        if self._world is None:
            self._world = load_world(self.index, self.world_progress)
        return self._world

    @property
    def world_built(self) -> bool:
        return self._world is not None

    def uncovered(self) -> set[int]:
        """Fact numbers the player has seen at least one telling of."""
        return set(self.world.fact_of[sorted(self.state.seen)].tolist())

    def touched(self) -> int:
        """How many sources the player has seen a sentence of."""
        return len(np.unique(self.index.sent_article[sorted(self.state.seen)]))

    @property
    def unsaved_notes(self) -> bool:
        return self.state.notebook != self.saved_notebook

    @property
    def unsaved_facts(self) -> bool:
        """Whether the facts uncovered differ from those of the last save (or restore)."""
        return self.state.seen != self.saved_seen

    # --- the loop ----------------------------------------------------------------------------

    def handle(self, line: str) -> Reply:
        line, note = _long_paste(as_typed(line))  # a pasted article: the sentence that asks
        if len(line) > MAX_LINE_CHARS:
            reply = Reply(line[:MAX_LINE_CHARS], ERROR, verb="question").refuse(
                f"That line is {len(line):,} characters long: briefbot reads lines of up to {MAX_LINE_CHARS:,}.")
            reply.view = self.view()
            return reply
        command = self.parser.parse(line)
        if command.verb == "again" and self.state.last_line:
            line = self.state.last_line
            command = self.parser.parse(line)
        if (which := self._answer_to_which(command)) is not command:
            command, line = which, which.line
        verb = self.verbs.get(command.verb, self.verbs["question"])
        if verb.changes_state:
            self.undo_stack.append((command.line, self.state.copy(), []))
            del self.undo_stack[:-100]
        if verb.takes_turn and verb.repeatable:  # `oops` fixes the line just before it: a question sets them again
            self.state.unknown_words = []
        self._drawing = set()
        reply = verb.run(self, command)
        self._drew()
        if verb.changes_state and self._unchanged():
            self.undo_stack.pop()  # a refused `go nowhere` or `note 1` (noted already) is no step for undo to spend
        if note:
            reply.blocks.insert(0, Message(note))
        if numbered := [b for b in reply.blocks if isinstance(b, (Passage, Sources))]:
            self.sources_listed = isinstance(numbered[0], Sources)
        if verb.takes_turn:
            self.state.turns += 1
        if verb.repeatable:  # `g` after `undo` undoes another turn: again is the last line typed
            self.state.last_line = line.strip()  # as typed: `g` after `save my  game.` saves `my  game.`
        reply.view = self.view()
        return reply

    def _drew(self) -> None:
        """The reply made is the last that drew sentences, if it drew any."""
        if self._drawing:
            self.drawn, self._drawing = self._drawing, set()

    def _unchanged(self) -> bool:
        """Whether the last line left the game as it was before it (its undo step is then empty)."""
        if not self.undo_stack:
            return False
        _, before, seen = self.undo_stack[-1]
        return not seen and replace(before, unknown_words=[]) == replace(self.state, unknown_words=[])

    def opening(self, brief: bool | None = None) -> Reply:
        """The briefing room as a game starts: shown, not played, so it is no turn and `g` has
        nothing to repeat (as in the text adventures it imitates, the status line starts at 0).
        With the brief (by default, for a briefing not opened before), and a line saying whether a
        game of this briefing was saved in the game's folder (a relaunch showed no sign of one)."""
        reply = look(self, Command("look", line="look"), first_visit(self.index) if brief is None else brief)
        if newest_save(self) is not None:
            reply.blocks.insert(2, Message("A saved game of this briefing exists: type `restore` to go on with it."))
        self._drew()
        reply.view = self.view()
        return reply

    def view(self, build: bool = False) -> View:
        """What the status line and the side panel show now (`build`: with the world built first, for
        a verb that counts from it; a question alone does not build it)."""
        state, world = self.state, self.world if build else self._world
        here = self.surroundings() if world is not None else None
        return View(state.room, state.turns,
                    len(self.uncovered()) if world is not None else None,
                    world.fact_count if world is not None else None,
                    here.people if here else None, here.exits if here else None,
                    len(state.notebook), self.unsaved_notes, self.unsaved_facts,
                    tuple(world.warnings) if world is not None else (), self.folder,
                    self.touched() if world is not None else None, len(self.index.articles))

    def completion(self) -> Completion:
        """What the TUI offers: Tab's verb phrases, the phrases followed by a name with the names of
        the kinds their verb takes (places after "go ", people after "talk to "), and all the names
        (the most mentioned first, each thing's longest name first); the palette's places, people,
        dossiers and sources."""
        verbs = tuple(dict.fromkeys(a + (" " if v.object != "none" else "") for v in VERBS if v.help
                                    for a in v.aliases if len(a) > 2))
        world = self.world
        things = sorted(world.things, key=lambda t: -len(t.sentences))

        def names_of(kinds: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(n for kind in kinds for t in things if t.kind == kind
                         for n in sorted(t.names(), key=len, reverse=True))
        kinds = {v.names: names_of(v.names) for v in VERBS if v.names}
        naming = tuple(sorted(((a + " ", kinds[v.names]) for v in VERBS if v.names for a in v.aliases),
                              key=lambda entry: -len(entry[0])))
        names = names_of(("person", "place", "organisation"))
        commands = [(f"Go to {p.name}", f"go to {p.name}", "place") for p in world.places]
        commands += [(f"Talk to {c.name}", f"talk to {c.name}", c.role or "person quoted") for c in world.characters]
        commands += [(f"Examine {o.name}", f"examine {o.name}", "dossier") for o in world.organisations]
        commands += [(f"Read source {n}: {a.label}", f"read source {n}", a.outlet or "source")
                     for n, a in enumerate(self.index.articles, 1)]
        return Completion(verbs, naming, names, tuple(commands))

    def reader(self, citation: Citation) -> Reading | None:
        """The reader at a cited sentence (no turn: it only shows what is cited). A citation counts
        into the file (a Markdown file's markup included); the reader shows the article's text."""
        article = next((a for a in self.index.articles if a.source == citation.source), None)
        if article is None:
            return None
        start, end = article.in_text(citation.start, citation.end)
        paragraph = next(((a, b) for a, b in article.paragraphs if a <= start < b), (start, end))
        return Reading(article.label, article.outlet, article.date, self.shown_path(article.path),
                       citation.line, article.text, start, end, paragraph)

    def source_text(self, n: int) -> str:
        """Source n's text (from 1) exactly as citations count into it (`briefbot sources --text N`)."""
        return self.index.articles[n - 1].text

    def shown_path(self, path: str) -> str:
        return shown_path(path, self.folder)

    def _answer_to_which(self, command: Command) -> Command:
        """After "Which do you mean…?", a reply naming one of the choices ("harir") or giving its
        place in the list ("2") completes the command it interrupted; anything else is a new command."""
        pending, self.state.pending = self.state.pending, []
        if not pending or command.verb != "question":
            return command
        verb, topic, *names = pending
        typed = words(command.line.lower())
        n = number_in(command.line)
        picked = [names[n - 1]] if n is not None and 1 <= n <= len(names) else \
            [n for n in names if typed and all(w in words(n.lower()) for w in typed)]
        if len(picked) != 1:
            return command
        line = f"ask {picked[0]} about {topic}" if verb == "ask" else f"{verb} {picked[0]}"
        return Command(verb, picked[0], topic, line)

    def pick(self, found: list[Thing], command: Command) -> Thing | Reply:
        """The obvious reading of a name (the only one, an exact name, or the one the briefing says
        far most about), else a question back: "Which do you mean…?"."""
        target = command.obj.lower()
        if (len(found) == 1 or target in {n.lower() for n in found[0].names()}
                or len(found[0].sentences) >= 2 * len(found[1].sentences)):
            if isinstance(found[0], Character):
                self.state.person = found[0].name
            else:
                self.state.thing = found[0].name
            return found[0]
        names = [t.name for t in found[:WHICH_CHOICES]]
        self.state.pending = [command.verb, command.topic, *names]
        return Reply(command.line, OK, verb=command.verb).say(
            f"Which do you mean: {', '.join(names[:-1])} or {names[-1]}?")

    # --- what the verbs share ------------------------------------------------------------------

    def show(self, reply: Reply, answers: list[Answer], words: list[str] | tuple[str, ...] = (), label: str = "",
             first: int = 1, named: str = "") -> None:
        """Answers into the reply, numbered from `first`, as the player should see them: each
        sentence once (an answer is never another's context), an answer seen a few turns ago as one
        line, the context cut to what is not shown elsewhere, the speaker unless the sentence or
        the reply (`named`) already says who."""
        turn = self.state.turns + 1
        state = self.state
        if first == 1:
            state.shown = []
        if answers:
            state.first = first
        answers = [self._named(a) for a in answers]
        answer_ids = {a.sentence_id for a in answers}
        used = answer_ids | self.drawn  # sentences no context shows: this reply's answers, the last reply's
        self._drawing |= answer_ids
        for n, answer in enumerate(answers, first):
            # Seen lately in this wording or another article's, and answering nothing new: quoted as the
            # player saw it. A sentence that holds another answer than the one marked then ("87 partners"
            # after "82 governments") is a new answer, shown in full.
            span = _span_text(answer)
            wording = next((s for s in (answer.sentence_id, *(v.sentence_id for v in answer.versions))
                            if turn - state.shown_at.get(s, -RECENT_TURNS - 1) <= RECENT_TURNS
                            and (s == answer.sentence_id or s not in answer_ids)
                            and span in ("", state.shown_span.get(s))), None)
            state.shown.append(answer.sentence_id)
            self._answers[answer.sentence_id] = answer
            speaker_shown = answer.speaker != named
            if wording is not None:
                seen_as = next((v for v in answer.versions if v.sentence_id == wording), None)
                reply.blocks.append(Passage(n, answer, tuple(words), label, seen_at=state.shown_at[wording],
                                            seen_as=seen_as, speaker_shown=speaker_shown))
                continue
            lo, hi = self.searcher.context_span(answer.sentence_id)
            # The sentences next to it up to one shown elsewhere (a context never skips one: it would read as next to it).
            before = list(takewhile(lambda s: s not in used, range(answer.sentence_id - 1, lo - 1, -1)))[::-1]
            after = list(takewhile(lambda s: s not in used, range(answer.sentence_id + 1, hi + 1)))
            # One line of context, so three answers fit a screen: what comes before when the sentence
            # leans on it ("He said…", "It will cost…"), else what follows.
            if after and not (before and starts_with_pronoun(answer.text)):
                before = []
            else:
                after = []
            used.update(before + after)
            self._drawing.update(before + after)
            reply.blocks.append(Passage(n, answer, tuple(words), label, self._text(before), self._text(after),
                                        speaker_shown=speaker_shown))
            state.shown_at[answer.sentence_id] = turn  # the wording shown; the others' are only counted
            state.shown_span[answer.sentence_id] = span
            for sent in [answer.sentence_id, *(v.sentence_id for v in answer.versions)]:
                self.uncover(sent)
        if answers and answers[0].speaker and self._character_named(answers[0].speaker):
            state.name(answers[0].speaker)

    def thing(self, name: str) -> Thing | None:
        """The person, place or organisation called `name` (None for "", or one no longer in the briefing)."""
        return next((t for t in self.world.things if t.name == name), None) if name else None

    def named(self, text: str) -> list[Thing]:
        """The people, places and organisations a line names by a whole name of theirs, in its order,
        each once ("where is harir base": Harir base; a little word alone is no name: "is" is not IS).
        A question looks only once the world is built (`world_built`): it takes a minute at a
        million sentences."""
        if self._by_name is None:
            self._by_name = {}
            for thing in sorted(self.world.things, key=lambda t: -len(t.sentences)):
                for name in thing.names():
                    self._by_name.setdefault(name_key(name), thing)
        words, found, at = name_key(text).split(), [], 0
        while at < len(words):
            size = next((n for n in range(min(MAX_NAME_WORDS, len(words) - at), 0, -1)
                         if " ".join(words[at:at + n]) in self._by_name
                         and not (n == 1 and words[at] in STOP_WORDS)), 0)
            if size:
                found.append(self._by_name[" ".join(words[at:at + size])])
            at += size or 1
        return list({t.name: t for t in found}.values())

    def person_called(self, phrase: str) -> str:
        """The person quoted whom a phrase names, as the world calls them ("" for none): its words are
        all words of a speaker's name ("allawi", "sabah al-numan"; one word: their last name), the most
        quoted such speaker. Read
        from the index, so a question needs no world for it."""
        if self._speaker_words is None:
            speakers, said = self.index.speakers, self.index.sent_speaker
            quoted = np.bincount(said[said >= 0], minlength=len(speakers))
            self._speaker_words = [(set(name_key(speakers[n]).split()), speakers[n])
                                   for n in np.argsort(-quoted, kind="stable").tolist()]
        words = set(name_key(phrase).split())  # a first name alone is no one's: "bill" of "bill gates" is no Bill Cash
        name = next((n for name, n in self._speaker_words if words and words <= name
                     and (len(words) > 1 or name_key(n).split()[-1] in words)), "")
        return self._speaker_name(name) if name else ""

    def meant_by(self, pronoun: str) -> str:
        """Whom "he" or "she" means: the last person named whose pronoun fits (whom the articles never
        call "he" or "she" fits either), the last named first; "" when the last named is no one (a
        "who" question whose answers name none) or no one named fits."""
        if not self.state.person:
            return ""
        return next((p for p in (self.state.person, *self.state.people) if self.pronoun_of(p) in ("", pronoun)), "")

    def pronoun_of(self, name: str) -> str:
        """"he" or "she" as the articles call a person: by title ("Mr Kilroy-Silk", "Baroness Scotland")
        and by the pronoun their own words go on with ("She said…" of a sentence given to them); "" when
        they do not say (many outlets use no titles): so that "her majority" is never a man's."""
        last = name.split()[-1] if name.split() else ""
        titled = re.compile(rf"\b(?:({_HIS_TITLES})|({_HER_TITLES}))\.?\s+{re.escape(last)}\b")
        he = she = 0
        for sent in self._naming(name):
            for m in titled.finditer(self.index.text_of(sent)):
                he, she = he + bool(m[1]), she + bool(m[2])
        if name in self.index.speakers:
            said = np.flatnonzero(self.index.sent_speaker == self.index.speakers.index(name))[:TITLED_SENTENCES]
            for sent in said.tolist():
                if m := _SAID_ON.match(self.index.text_of(sent)):
                    he, she = he + (m[1].lower() == "he"), she + (m[1].lower() == "she")
        return "he" if he > she else "she" if she > he else ""

    def told_of(self, name: str, words: str) -> int:
        """How many sentences naming a person (of the first TITLED_SENTENCES) hold all these words:
        "when did he quit" after Knapman's words on Kilroy-Silk is about the one the articles say quit."""
        wanted = {self.index.term_id.get(t) for t in analyze(words)}
        if not wanted or None in wanted:
            return 0
        return sum(wanted <= set(self.index.terms_of(sent).tolist()) for sent in self._naming(name))

    def _naming(self, name: str) -> list[int]:
        """The first TITLED_SENTENCES sentences holding a person's last name ("Kilroy-Silk": "silk")."""
        last = name.split()[-1] if name.split() else ""
        terms = analyze(last)
        term = self.index.term_id.get(terms[-1]) if terms else None
        return [] if term is None else self.index.postings(term)[0][:TITLED_SENTENCES].tolist()

    def _named(self, answer: Answer) -> Answer:
        """The answer with its speaker called as the world calls them (a world file may choose
        "Sarmed" over the "Sarmad" one article writes)."""
        if not answer.speaker:
            return answer
        name = self._speaker_name(answer.speaker)
        return answer if name == answer.speaker else replace(answer, speaker=name)

    def _speaker_name(self, speaker: str) -> str:
        """A person's name as the world calls them. Before a verb has built the world, as the world
        file alone calls them: it is read in a millisecond, and the world takes a minute to build at
        a million sentences."""
        if self._names is None or (self._world is not None and not self._names_of_world):
            self._names_of_world = self._world is not None
            self._names = {fold(n): c.name for c in self._world.characters for n in c.names()} \
                if self._world is not None else _file_names(self.index.world_file)
        return self._names.get(fold(speaker), speaker)

    def covers(self, n: int = 8) -> list[str]:
        """What the briefing is about, for a question it has no answer to: the people quoted most and
        the places and organisations named most, its people as the world calls them. Read from the
        index, so the chat and a one-shot `ask` list the same (a one-shot question never builds the
        world: a minute at a million sentences)."""
        return [self._speaker_name(name) for name in self.searcher.topics(n)]

    def show_blocks(self, reply: Reply, blocks: list[Block], uncover: bool = True) -> Reply:
        """Blocks of the story's shape onto the table: their numbered passages are what `note N`
        takes, and every sentence shown is uncovered (unless not `uncover`: the brief is given, not
        found); speakers are named as the world names them."""
        blocks = [replace(b, answer=self._named(b.answer)) if isinstance(b, Passage) else b for b in blocks]
        reply.blocks += blocks
        passages = [b for b in blocks if isinstance(b, Passage)]
        answers = [a for b in blocks for a in
                   ((b.first, b.second) if isinstance(b, Difference) else (b.answer,) if isinstance(b, Passage) else ())]
        self._drawing.update(a.sentence_id for a in answers)
        if passages:  # the table holds these now: `more` has no answers to go on with, "why?" asks the question again
            self.state.shown = [p.answer.sentence_id for p in passages]
            self.state.spent, self.state.page, self.state.source_page = True, 0, []
            self._answers.update((p.answer.sentence_id, p.answer) for p in passages)
        for answer in answers if uncover else ():
            for sent in [answer.sentence_id, *(v.sentence_id for v in answer.versions)]:
                self.uncover(sent)
        return reply

    def shown_answer(self, n: int) -> Answer:
        """Answer n on the table as it was shown (with the other articles' versions of it)."""
        sent = self.state.shown[n - 1]
        return self._answers.get(sent) or self.searcher.answer(sent)

    def _text(self, sents: list[int]) -> str:
        return " ".join(self.index.text_of(s) for s in sents)

    def _character_named(self, name: str) -> bool:
        """Whether a speaker is someone to ask on: a person of the world, or before it is built (a
        question never builds it) a speaker the index knows, as the world will call them."""
        if self._world is not None:
            return any(c.name == name for c in self._world.characters)
        return any(self._speaker_name(n) == name for n in self.index.speakers)

    def uncover(self, sent: int) -> None:
        """The player has seen this sentence; undo's last step takes it back."""
        if sent not in self.state.seen:
            self.state.seen.add(sent)
            if self.undo_stack:
                self.undo_stack[-1][2].append(sent)

    def surroundings(self) -> Surroundings:
        """Who is here and where one can go from the current room (the same for every visit)."""
        room = self.state.room
        if room not in self._surroundings:
            if room == BRIEFING_ROOM:
                people = sorted(self.world.characters, key=lambda c: -len(c.sentences))[:8]
                places = sorted(self.world.places, key=lambda p: -len(p.sentences))[:8]
                self._surroundings[room] = Surroundings(tuple(person_line(c) for c in people),
                                                        tuple(p.name for p in places))
            else:
                place = self.place(room)
                mentions = set(place.sentences) if place else set()
                self._surroundings[room] = Surroundings(
                    tuple(c.name for c in self.world.characters if mentions.intersection(c.sentences)),
                    (*(place.exits if place else ()), BRIEFING_ROOM))
        return self._surroundings[room]

    def place(self, name: str) -> Place | None:
        return next((p for p in self.world.places if p.name == name), None)

    def left(self, sentences: list[int]) -> int:
        """Facts among these sentences the player has not uncovered."""
        return len(set(self.world.fact_of[sentences].tolist()) - self.uncovered())

    # --- save and restore ----------------------------------------------------------------------

    def save_file(self) -> Path:
        """The file `save` with no name writes now (where another game's file is, the next free name),
        which the quit dialog names before it saves."""
        return will_write(self, default_save(self))

    def export_file(self) -> Path:
        """The file `export` with no name writes now (the next free name past another game's, as `save`)."""
        return will_write(self, self.home / NOTEBOOK_FILE)

    def passes_over(self, path: Path) -> bool:
        """Whether `save_file()` or `export_file()` is the next free name past another game's file
        (which is left alone): the quit dialog says so only then, not of this game's own save."""
        return path not in (default_save(self), self.home / NOTEBOOK_FILE)

    def saved(self) -> str:
        state = asdict(self.state) | {"seen": sorted(self.state.seen)}
        return json.dumps({"briefbot_session": 1, "state": state,
                           "sources": [a.source for a in self.index.articles]}, indent=1)

    def load_saved(self, path: Path) -> State:
        """The state saved in a file; ValueError (or OSError) saying why it cannot be used."""
        if not path.exists():
            raise ValueError("there is no such file")
        if not path.is_file() or path.stat().st_size > MAX_SESSION_BYTES:
            raise ValueError("it is not a saved session file")
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))  # an editor may add a BOM
        except (UnicodeError, ValueError, RecursionError):  # not JSON, digits past int limits, deep nesting
            raise ValueError("it is not a saved session file") from None
        articles = self.index.articles
        bounds = Bounds(len(self.index), tuple(len(a.paragraphs) for a in articles))
        return State(**checked_state(data, [a.source for a in articles], bounds))


def _span_text(answer: Answer) -> str:
    """The exact answer marked in an answer's sentence ("" if none)."""
    span = answer.answer_span
    return answer.text[span.start:span.end] if span else ""


def _file_names(path: Path | None) -> dict[str, str]:
    """Any name of a person the world file names, folded → its name there ({} if it cannot be read:
    building the world says why)."""
    try:
        entries = read_world_file(path).entries if path else ()
    except WorldFileError:
        return {}
    return {fold(n): e.name for e in entries if e.kind is Character for n in (e.name, *e.variants)}


def as_typed(line: str) -> str:
    """A typed or pasted line as briefbot reads it, and as the front ends echo it: control
    sequences and characters dropped, tabs and line ends spaces."""
    return _SPACES.sub(" ", without_controls(line))


def echo(line: str) -> str:
    """A line as both front ends echo it above its reply: as read, and of a long paste only its
    start (`ask -` echoed a 3,000-word paste whole). Not yet made safe: the front end does that."""
    return f"> {cut(as_typed(line), ECHO_CHARS)}"


def without_controls(text: str) -> str:
    """Text typed or pasted without its control sequences (a colour code) and control characters (a
    bell, a NUL); its tabs and line ends kept (a paste of several lines is a line each)."""
    return _ESCAPES.sub("", text)


def _long_paste(line: str) -> tuple[str, str]:
    """A long paste cut to the sentence that asks (one ending in "?", else `_asks`: "Reading this report
    I wonder… How many copies did it sell in its first week."), else to the sentence with the most words to look for (a
    preamble is no question), else to its first words; and a note saying which ("" if it is no long
    paste)."""
    pasted = line.split()
    if len(pasted) <= LONG_PASTE:
        return line, ""
    sentences = [s for s in _PASTED_SENTENCE.split(line) if 1 < len(s.split()) <= LONG_PASTE]
    if asked := next((s for s in sentences if s.endswith("?")), None) or next(filter(_asks, sentences), None):
        return asked, f"(A long paste: answered on its question, {len(asked.split())} of its {len(pasted):,} words.)"
    if sentences:
        telling = max(sentences, key=lambda s: len({w.lower() for w in words(s)} - STOP_WORDS))
        return telling, (f"(A long paste with no question in it: answered on its sentence with the most to look "
                         f"for, {len(telling.split())} of its {len(pasted):,} words.)")
    head = " ".join(pasted[:LONG_PASTE])
    return head, f"(A long paste: answered on its start, {LONG_PASTE} of its {len(pasted):,} words.)"


def _asks(sentence: str) -> bool:
    """Whether a pasted sentence without its "?" reads as a question: it starts as one does ("How many
    copies did it sell…", "Who produced it", "Is it true…") or as a request ("Tell me…", "Explain…"),
    not as a statement may ("When he arrived, he said…")."""
    return bool(_ASKING_START.match(sentence))
