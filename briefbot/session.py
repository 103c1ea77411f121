"""A player's session: where they are, what they have seen and noted. `Session.handle(line) -> Reply`
is the whole behaviour of briefbot; the CLI and the TUI only render what it returns."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from briefbot import markdown
from briefbot.atomic import write_new
from briefbot.brief import brief
from briefbot.cache import load_world
from briefbot.compare import compare
from briefbot.index import Index, Progress
from briefbot.parser import Command, number_in, parse
from briefbot.reply import ANSWERED, ERROR, NO_ANSWER, OK, Block, Difference, Heading, Items, Message, Passage, Reply
from briefbot.saved import checked_state
from briefbot.search import Answer, Searcher
from briefbot.story_blocks import brief_blocks, comparison_blocks, event_blocks
from briefbot.text import analyze, safe
from briefbot.timeline import timeline
from briefbot.topic import sentences_on
from briefbot.world import Character, Organisation, Place, Thing, World

BRIEFING_ROOM = "Briefing room"
_SPEECH = "said says told tells added explained noted stated commented asked replied wrote"  # not topics
HELP = """\
Ask anything in plain words: every answer is quoted from the articles, with its source.
  look (l, Enter)          where you are: what it is about, who talks about it, exits
  go PLACE, back           move to a place in the story (or just type its name)
  examine X (x X)          a person, an organisation, a place, or answer N
  ask PERSON about TOPIC   what that person said on it; talk to PERSON lists their topics
  note N (take N)          keep answer N in your notebook; notebook (i) shows it; export writes it
  sources, read source N   the articles; open one
  brief                    the story on one screen: key facts, who is quoted, key dates
  timeline [X]             the story's dated events in order (only those about X)
  compare [X | N M]        where the sources tell it differently (on X; sources N and M)
  people, places, dossiers who and what the briefing names
  score, hint              how much you have uncovered, and where to look next
  again (g), undo, oops W  repeat; step back; fix the last misspelt word
  save [FILE], restore [FILE], quit (q)"""
SESSION_FILE = "briefbot-session.json"
NOTEBOOK_FILE = "briefbot-notebook.md"
READ_ONLY = {"look", "notebook", "score", "hint", "help", "sources", "people", "places", "dossiers", "about", "quit",
             "timeline", "compare", "brief"}
MAX_SESSION_BYTES = 50_000_000  # a saved session is small; anything bigger is not one
MAX_LINE_CHARS = 2000  # a question or command longer than this is a paste gone wrong, not a question


@dataclass
class State:
    """Everything undo steps back over and save writes."""
    room: str = BRIEFING_ROOM
    trail: list[str] = field(default_factory=list)  # rooms left, for `back`
    notebook: list[int] = field(default_factory=list)  # sentence ids noted
    seen: list[int] = field(default_factory=list)  # sentence ids shown: what the player has uncovered
    turns: int = 0
    shown: list[int] = field(default_factory=list)  # sentence ids of the last numbered answers
    last_line: str = ""
    unknown_words: list[str] = field(default_factory=list)  # of the last question, for `oops`
    pending: list[str] = field(default_factory=list)  # [verb, topic, name…] of "Which do you mean…?"

    def copy(self) -> State:
        """A copy for undo. `seen` only ever grows (by `_uncover`), so it is shared, not copied: undo
        cuts it back to the length it had (a hundred copies of a big game's `seen` were gigabytes)."""
        return replace(self, trail=list(self.trail), notebook=list(self.notebook),
                       shown=list(self.shown), unknown_words=list(self.unknown_words), pending=list(self.pending))


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
        self.state = State()
        self.undo_stack: list[tuple[str, State, int]] = []  # (the line, the state before it, len(its seen))
        self.saved_notebook: list[int] = []  # the notebook as last saved or exported
        self.written: set[Path] = set()  # files this session wrote, which it may write again
        self._surroundings: dict[str, Surroundings] = {}

    def reset(self) -> None:
        """Back to the start of the game, with nothing seen or noted."""
        self.state = State()
        self.undo_stack.clear()
        self.saved_notebook = []

    @property
    def built_world(self) -> World | None:
        """The world if a verb has needed it so far (a plain question does not build it)."""
        return self._world

    @property
    def world(self) -> World:
        """Loaded (or built) on first use: a one-shot question never needs it."""
        if self._world is None:
            self._world = load_world(self.index, self.world_progress)
        return self._world

    def uncovered(self) -> set[int]:
        """Fact numbers the player has seen at least one telling of."""
        return set(self.world.fact_of[sorted(self.state.seen)].tolist())

    # --- the loop ----------------------------------------------------------------------------

    def handle(self, line: str) -> Reply:
        if len(line) > MAX_LINE_CHARS:
            return Reply(line[:MAX_LINE_CHARS], ERROR, verb="question").refuse(
                f"That line is {len(line):,} characters long: briefbot reads lines of up to {MAX_LINE_CHARS:,}.")
        command = parse(line)
        if command.verb == "again":
            if not self.state.last_line:
                return Reply(line, OK, verb="again").say("There is nothing to repeat yet.")
            command = parse(self.state.last_line)
        if command.verb == "undo":
            return self._undo(line)
        command = self._answer_to_which(command)
        if command.verb not in READ_ONLY:
            self.undo_stack.append((command.line, self.state.copy(), len(self.state.seen)))
            del self.undo_stack[:-100]
        handler = getattr(self, f"_do_{command.verb}", self._do_question)
        reply = handler(command)
        if command.verb not in ("help", "quit"):
            self.state.turns += 1
            self.state.last_line = command.line
        return reply

    def opening(self) -> Reply:
        """The briefing room as a game starts: shown, not played, so it is no turn and `g` has
        nothing to repeat (as in the text adventures it imitates, the status line starts at 0)."""
        return self._do_look(parse("look"))

    def _answer_to_which(self, command: Command) -> Command:
        """After "Which do you mean…?", a reply naming one of the choices ("harir") completes the
        command it interrupted; anything else is a new command."""
        pending, self.state.pending = self.state.pending, []
        if not pending or command.verb != "question":
            return command
        verb, topic, *names = pending
        words = _words(command.line.lower())
        picked = [n for n in names if words and all(w in _words(n.lower()) for w in words)]
        if len(picked) != 1:
            return command
        line = f"ask {picked[0]} about {topic}" if verb == "ask" else f"{verb} {picked[0]}"
        return Command(verb, picked[0], topic, line)

    def _pick(self, found: list[Thing], command: Command) -> Thing | Reply:
        """The obvious reading of a name (the only one, an exact name, or the one the briefing says
        far most about), else a question back: "Which do you mean…?"."""
        target = command.obj.lower()
        if (len(found) == 1 or target in {n.lower() for n in found[0].names()}
                or len(found[0].sentences) >= 2 * len(found[1].sentences)):
            return found[0]
        names = [t.name for t in found[:6]]
        self.state.pending = [command.verb, command.topic, *names]
        return Reply(command.line, OK, verb=command.verb).say(
            f"Which do you mean: {', '.join(names[:-1])} or {names[-1]}?")

    @property
    def unsaved_notes(self) -> bool:
        return self.state.notebook != self.saved_notebook

    # --- questions ---------------------------------------------------------------------------

    def _do_question(self, command: Command, context: str | None = None) -> Reply:
        query = command.obj or command.line
        room_context = "" if self.state.room == BRIEFING_ROOM else self.state.room
        result = self.searcher.search(query, self.k, context=room_context if context is None else context)
        reply = Reply(command.line, ANSWERED if result.answers else NO_ANSWER, verb="question",
                      suggestions=result.suggestions, corrections=result.corrections)
        self.state.unknown_words = result.unknown_words + list(result.corrections)
        if result.corrections:
            fixes = ", ".join(f"{typed} → {known}" for typed, known in result.corrections.items())
            reply.say(f"(Reading {fixes}.)")
        if not result.answers:
            if result.unknown_names:
                names = ", ".join(result.unknown_names)
                reply.say(f"The articles never mention {names}: they say nothing about that.")
            else:
                reply.say("The articles say nothing about that.")
            if result.suggestions:
                reply.say("This briefing covers: " + ", ".join(result.suggestions) + ".")
            reply.say("Try other words, `sources` for the articles, or `hint`.")
            return reply
        self._show(reply, result.answers, result.matched_words)
        return reply

    def _show(self, reply: Reply, answers: list[Answer], words: list[str], label: str = "") -> None:
        self.state.shown = [a.sentence_id for a in answers]
        for n, answer in enumerate(answers, 1):
            reply.blocks.append(Passage(n, answer, tuple(words), label))
            for sent in [answer.sentence_id, *(v.sentence_id for v in answer.versions)]:
                self._uncover(sent)

    def _uncover(self, sent: int) -> None:
        if sent not in self.state.seen:
            self.state.seen.append(sent)

    # --- moving about --------------------------------------------------------------------------

    def surroundings(self) -> Surroundings:
        """Who is here and where one can go from the current room (the same for every visit)."""
        room = self.state.room
        if room not in self._surroundings:
            if room == BRIEFING_ROOM:
                people = sorted(self.world.characters, key=lambda c: -len(c.sentences))[:8]
                places = sorted(self.world.places, key=lambda p: -len(p.sentences))[:8]
                self._surroundings[room] = Surroundings(tuple(_person_line(c) for c in people),
                                                        tuple(p.name for p in places))
            else:
                place = self._place(room)
                mentions = set(place.sentences) if place else set()
                self._surroundings[room] = Surroundings(
                    tuple(c.name for c in self.world.characters if mentions.intersection(c.sentences)),
                    (*(place.exits if place else ()), BRIEFING_ROOM))
        return self._surroundings[room]

    def _do_look(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="look")
        room = self.state.room
        reply.blocks.append(Heading(room))
        here = self.surroundings()
        if room == BRIEFING_ROOM:
            n = len(self.index.articles)
            reply.say(f"The briefing table holds {n} article{'s' * (n != 1)}. Ask anything, or go to a place.")
            reply.blocks.append(Items("Sources", tuple(a.label for a in self.index.articles[:10])))
            reply.blocks.append(Items("People quoted", here.people))
            reply.blocks.append(Items("Exits", here.exits))
            return reply
        place = self._place(room)
        if place is None:
            return reply.say("This place is no longer in the briefing.")
        result = self.searcher.search(place.name, 1, within=_ids(place.sentences))
        if result.answers:
            self._show(reply, result.answers, result.matched_words)
        if here.people:
            reply.blocks.append(Items("Who talks about it", here.people))
        reply.blocks.append(Items("Exits", here.exits))
        left = self._left(place.sentences)
        reply.say(f"{left} fact{'s' * (left != 1)} here not yet uncovered." if left else "You have uncovered everything here.")
        return reply

    def _do_go(self, command: Command) -> Reply:
        target = command.obj
        if not target:
            places = ", ".join(p.name for p in self.world.places[:8]) or "none beyond this room"
            return Reply(command.line, OK, verb="go").say(f"Go where? Places in the briefing: {places}.")
        if target.lower() in ("briefing", "briefing room", "start", "home", "table"):
            return self._move(BRIEFING_ROOM, command)
        places = self.world.find(target, (Place,))
        if not places:
            return self._do_question(replace(command, obj=command.line)).say(
                f"(There is no place called {target!r} in the briefing; answered as a question.)")
        place = self._pick(places, command)
        if isinstance(place, Reply):
            return place
        reply = self._move(place.name, command)
        if place.name.lower() != target.lower():
            reply.blocks.insert(0, Message(f"({place.name})"))
        return reply

    def _do_back(self, command: Command) -> Reply:
        if not self.state.trail:
            return Reply(command.line, OK, verb="back").say("You are where you started.")
        room = self.state.trail.pop()
        self.state.room = room
        return self._do_look(command)

    def _move(self, room: str, command: Command) -> Reply:
        if room != self.state.room:
            self.state.trail.append(self.state.room)
            self.state.room = room
        reply = self._do_look(command)
        reply.verb = "go"
        return reply

    def _place(self, name: str) -> Place | None:
        return next((p for p in self.world.places if p.name == name), None)

    # --- people, organisations, answers --------------------------------------------------------

    def _do_examine(self, command: Command) -> Reply:
        if not command.obj:
            things = ", ".join(t.name for t in [*self.world.organisations[:4], *self.world.characters[:4]])
            return Reply(command.line, OK, verb="examine").say(
                f"Examine what? An answer's number, or a name: {things or 'nothing is named yet'}.")
        n = number_in(command.obj)
        if n is not None:
            return self._examine_answer(command, n)
        things = self.world.find(command.obj)
        if not things:
            return self._do_question(replace(command, obj=command.obj))
        thing = self._pick(things, command)
        if isinstance(thing, Reply):
            return thing
        reply = Reply(command.line, OK, verb="examine")
        reply.blocks.append(Heading(thing.name))
        if thing.description:
            reply.say(thing.description)
        if isinstance(thing, Character):
            said = len(thing.sentences)
            reply.say(f"{thing.name}{', ' + thing.role if thing.role else ''}. "
                      f"{said} statement{'s' * (said != 1)} in the briefing.")
            if thing.variants:
                reply.say("Also written: " + ", ".join(sorted(thing.variants)) + ".")
            topics = self._topics(thing)
            if topics:
                reply.say("Talks about: " + ", ".join(topics) + f". Try: ask {thing.name.split()[-1]} about {topics[0]}")
            self._introduce(reply, thing)
            return reply
        if thing.variants:
            reply.say("Also called: " + ", ".join(sorted(thing.variants)) + ".")
        query = " ".join(sorted(thing.names()))
        result = self.searcher.search(query, self.k, within=_ids(thing.sentences) if thing.sentences else None)
        if result.answers:
            reply.status = ANSWERED
            self._show(reply, result.answers, result.matched_words)
        if isinstance(thing, Place):
            reply.blocks.append(Items("Exits", tuple(thing.exits)))
        return reply

    def _examine_answer(self, command: Command, n: int) -> Reply:
        reply = Reply(command.line, OK, verb="examine")
        if not 1 <= n <= len(self.state.shown):
            return reply.refuse(f"There is no answer {n} on the table; ask something first.")
        answer = self.searcher.answer(self.state.shown[n - 1])
        reply.status = ANSWERED
        reply.blocks.append(Passage(n, answer))
        return reply

    def _character(self, command: Command) -> Character | Reply | None:
        found = self.world.find(command.obj, (Character,))
        return self._pick(found, command) if found else None  # type: ignore[return-value]

    def _do_ask(self, command: Command) -> Reply:
        person = self._character(command)
        if isinstance(person, Reply):
            return person
        if person is None:
            reply = self._do_question(replace(command, obj=f"{command.obj} {command.topic}"))
            reply.blocks.insert(0, Message(f"(No one called {command.obj!r} is quoted; answered from all the articles.)"))
            return reply
        result = self.searcher.search(command.topic, self.k, within=_ids(person.sentences))
        reply = Reply(command.line, ANSWERED, verb="ask", corrections=result.corrections)
        if result.answers:
            reply.blocks.append(Message(f"{person.name} on {command.topic}:"))
            self._show(reply, result.answers, result.matched_words)
            return reply
        reply.say(f"{person.name} says nothing about {command.topic} in these articles.")
        general = self.searcher.search(command.topic, self.k)
        if general.answers:
            self._show(reply, general.answers, general.matched_words, label="What the articles themselves say")
        else:
            reply.status = NO_ANSWER
            reply.say("Nor do the articles.")
        return reply

    def _do_talk(self, command: Command) -> Reply:
        if not command.obj:
            people = ", ".join(c.name for c in self.world.characters) or "no one"
            return Reply(command.line, OK, verb="talk").say(f"Talk to whom? Quoted here: {people}.")
        person = self._character(command)
        if isinstance(person, Reply):
            return person
        if person is None:
            return self._do_question(command)
        reply = Reply(command.line, OK, verb="talk")
        reply.blocks.append(Heading(person.name))
        topics = self._topics(person)
        reply.say(f"{person.name}{', ' + person.role if person.role else ''} talks about:")
        reply.blocks.append(Items("Topics", tuple(topics)))
        reply.say(f"Try: ask {person.name.split()[-1]} about {topics[0] if topics else 'something'}")
        self._introduce(reply, person)
        return reply

    def _introduce(self, reply: Reply, person: Character) -> None:
        """The statement that best introduces a person (where the articles name them), cited."""
        result = self.searcher.search(" ".join(sorted(person.names())), 1, within=_ids(person.sentences))
        if result.answers:
            reply.status = ANSWERED
            self._show(reply, result.answers, result.matched_words)

    def _topics(self, thing: Thing, n: int = 6) -> list[str]:
        """The words that most set a thing's sentences apart from the rest of the briefing: how
        often they come in its sentences times their idf squared (else "year" and "people" win on
        a big corpus). Its own names and role, and the verbs of speech, are left out: the Chancellor
        does not talk about "Brown", "chancellor" or "said"."""
        idx = self.index
        own = {term for name in [*thing.names(), getattr(thing, "role", None) or "", _SPEECH] for term in analyze(name)}
        counts: Counter[int] = Counter()
        for s in thing.sentences:
            for tid in set(idx.terms_of(s).tolist()):
                term = idx.terms[tid]
                if term not in own and not term.isdigit():
                    counts[tid] += 1
        ranked = sorted(counts, key=lambda t: -counts[t] * float(idx.bm25.idf_array[t]) ** 2)
        words: list[str] = []
        for t in ranked:
            word = idx.surface[t].strip("\"'\u201c\u201d")
            if word.lower() not in (w.lower() for w in words) and len(word) > 2:
                words.append(word)
            if len(words) == n:
                break
        return words

    # --- the notebook ------------------------------------------------------------------------

    def _do_note(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="note")
        obj = command.obj.lower()
        wanted = (range(1, len(self.state.shown) + 1) if obj == "all"
                  else [1] if obj in ("it", "that") else [number_in(obj)])
        for n in wanted:
            if n is None or not 1 <= n <= len(self.state.shown):
                return reply.refuse("Note which answer? Say `note 1` after a question.")
            sent = self.state.shown[n - 1]
            if sent in self.state.notebook:
                reply.say(f"Answer {n} is already in your notebook.")
            else:
                self.state.notebook.append(sent)
                reply.say(f"Noted answer {n}. ({len(self.state.notebook)} in your notebook.)")
        return reply

    def _do_notebook(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="notebook")
        reply.blocks.append(Heading("Notebook"))
        if not self.state.notebook:
            return reply.say("Your notebook is empty. After a question, `note 1` keeps the first answer.")
        for n, sent in enumerate(self.state.notebook, 1):
            reply.blocks.append(Passage(n, self.searcher.answer(sent)))
        return reply

    def notebook_markdown(self) -> str:
        return markdown.notebook([self.searcher.answer(sent) for sent in self.state.notebook])

    def _do_export(self, command: Command) -> Reply:
        path = self.home / (command.obj or NOTEBOOK_FILE)
        notes = len(self.state.notebook)
        return self._keep(Reply(command.line, OK, verb="export"), path, self.notebook_markdown(),
                          f"Wrote {notes} note{'s' * (notes != 1)} with their citations to {{path}}.")

    def _keep(self, reply: Reply, path: Path, text: str, done: str) -> Reply:
        """Write the notebook's file (an export or a saved session); the notes are then safe. A file
        this session did not write is never replaced (it may hold another game's notes): the next
        free name is used instead, and said."""
        wanted = path
        try:
            path = write_new(wanted, text, self.written)
        except (OSError, UnicodeError, ValueError) as e:  # ValueError: a NUL in the name
            reply.status = ERROR
            return reply.say(f"Could not write {path}: {getattr(e, 'strerror', None) or e}", "error")
        self.written.add(path)
        self.saved_notebook = list(self.state.notebook)
        if path != wanted:
            reply.say(f"({wanted.name} is already there and was left alone.)")
        return reply.say(done.format(path=path))

    # --- sources -----------------------------------------------------------------------------

    def _do_sources(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="sources")
        reply.blocks.append(Items("Sources", tuple(source_line(self.index, n) for n in range(1, len(self.index.articles) + 1))))
        return reply

    def _do_read_source(self, command: Command) -> Reply:
        n = number_in(command.obj)
        reply = Reply(command.line, OK, verb="read_source")
        if n is None or not 1 <= n <= len(self.index.articles):
            return reply.refuse(f"Which source? Say `read source N`, N from 1 to {len(self.index.articles)}.")
        article = self.index.articles[n - 1]
        reply.blocks.append(Heading(article.label))
        reply.say(safe(f"{article.outlet or 'Outlet unknown'}, {article.date or 'undated'} \u2014 {article.path}"))
        sents = self.index.sentences_of(n - 1)
        for i, sent in enumerate(sents, 1):
            self._uncover(sent)
        reply.blocks.append(Items("Text", tuple(article.text[s:e] for s, e in article.paragraphs)))
        return reply

    # --- the story's shape ------------------------------------------------------------------------

    def _do_timeline(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="timeline")
        sentences = self._on_topic(reply, command.obj)
        if reply.status == NO_ANSWER:
            return reply
        found = timeline(self.index, self.world.fact_of, sentences)
        reply.blocks.append(Heading("Timeline" + (f": {command.obj}" if command.obj else "")))
        if not found.events:
            reply.status = NO_ANSWER
            reply.say("No sentence there gives a date the articles let briefbot place.")
        self._show_blocks(reply, event_blocks(self.searcher, found.events))
        if found.unplaced:
            reply.say(f"({found.unplaced} more sentence{'s' * (found.unplaced != 1)} give a date that cannot be placed: "
                      "relative to an undated article, a decade or a week.)")
        return reply

    def _do_compare(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="compare")
        words = command.obj.replace(" and ", " ").replace(",", " ").split()
        numbers = [n for w in words if (n := number_in(w)) is not None]
        if len(words) == len(numbers) == 2:  # "compare 1 2": two sources
            if numbers[0] == numbers[1] or not all(1 <= n <= len(self.index.articles) for n in numbers):
                return reply.refuse(f"Compare which sources? Two numbers from 1 to {len(self.index.articles)}.")
            sentences = [s for n in numbers for s in self.index.sentences_of(n - 1)]
        else:
            sentences = self._on_topic(reply, command.obj)
            if reply.status == NO_ANSWER:
                return reply
        comparison = compare(self.index, self.searcher.same_fact, sentences)
        reply.blocks.append(Heading("Compare" + (f": {command.obj}" if command.obj else "")))
        if len(comparison.articles) < 2:
            reply.status = NO_ANSWER
            return reply.say("Only one article tells of that: there is nothing to compare it with.")
        n = len(comparison.contrasts)
        reply.say(f"{n} place{'s' * (n != 1)} where {len(comparison.articles)} sources tell it differently."
                  if n else f"The {len(comparison.articles)} sources never tell the same thing differently.")
        return self._show_blocks(reply, comparison_blocks(self.searcher, comparison))

    def _do_brief(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="brief")
        return self._show_blocks(reply, brief_blocks(self.searcher, brief(self.index, self.world, self.searcher.same_fact)))

    def _on_topic(self, reply: Reply, topic: str) -> np.ndarray | None:
        """The sentences a verb's topic covers (None: all); no answer when the articles never name it."""
        if not topic:
            return None
        sentences = sentences_on(self.index, topic)
        if not len(sentences):
            reply.status = NO_ANSWER
            reply.say(f"The articles never mention {topic}.")
        return sentences

    def _show_blocks(self, reply: Reply, blocks: list[Block]) -> Reply:
        """Blocks onto the table: their numbered passages are what `note N` takes, and every sentence
        shown is uncovered."""
        reply.blocks += blocks
        passages = [b for b in blocks if isinstance(b, Passage)]
        if passages:
            self.state.shown = [p.answer.sentence_id for p in passages]
        for block in blocks:
            answers = [block.first, block.second] if isinstance(block, Difference) else \
                [block.answer] if isinstance(block, Passage) else []
            for answer in answers:
                for sent in [answer.sentence_id, *(v.sentence_id for v in answer.versions)]:
                    self._uncover(sent)
        return reply

    # --- the game ------------------------------------------------------------------------------

    def _do_score(self, command: Command) -> Reply:
        turns = self.state.turns + 1  # this one too, as the status line will show
        seen = len(self.uncovered())
        sources = {int(self.index.sent_article[s]) for s in self.state.seen}
        return Reply(command.line, OK, verb="score").say(
            f"You have uncovered {seen} of {self.world.fact_count} facts from {len(sources)} "
            f"source{'s' * (len(sources) != 1)} in {turns} turn{'s' * (turns != 1)}.")

    def _left(self, sentences: list[int]) -> int:
        return len(set(self.world.fact_of[sentences].tolist()) - self.uncovered())

    def _do_hint(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="hint")
        things: list[tuple[int, str]] = []
        for thing in self.world.things:
            verb = {"person": "talk to", "place": "go to", "organisation": "examine"}.get(thing.kind, "examine")
            things.append((self._left(thing.sentences), f"{verb} {thing.name}"))
        for n, _ in enumerate(self.index.articles):
            things.append((self._left(list(self.index.sentences_of(n))), f"read source {n + 1}"))
        left, action = max(things, default=(0, ""))
        if left == 0:
            return reply.say("You have uncovered everything in this briefing.")
        return reply.say(f"Try `{action}`: {left} fact{'s' * (left != 1)} there you have not uncovered.")

    def _do_people(self, command: Command) -> Reply:
        return self._listing(command, "People quoted", [_person_line(c) for c in self.world.characters])

    def _do_places(self, command: Command) -> Reply:
        return self._listing(command, "Places", [p.name for p in self.world.places])

    def _do_dossiers(self, command: Command) -> Reply:
        return self._listing(command, "Dossiers", [
            o.name + (f" ({', '.join(sorted(o.variants))})" if o.variants else "") for o in self.world.organisations])

    def _listing(self, command: Command, title: str, items: list[str]) -> Reply:
        reply = Reply(command.line, OK, verb=command.verb)
        reply.blocks.append(Items(title, tuple(items) or ("none found",)))
        return reply

    def _undo(self, line: str) -> Reply:
        reply = Reply(line, OK, verb="undo")
        if not self.undo_stack:
            return reply.say("There is nothing to undo.")
        undone, self.state, seen = self.undo_stack.pop()
        del self.state.seen[seen:]
        return reply.say(f"Undone: {undone}. You are in: {self.state.room}.")

    def _do_oops(self, command: Command) -> Reply:
        if not command.obj:
            return Reply(command.line, OK, verb="oops").say("Oops what? Say `oops WORD` to fix the last misspelt word.")
        if not self.state.unknown_words or not self.state.last_line:
            return Reply(command.line, OK, verb="oops").say("There is no misspelt word to fix.")
        wrong = self.state.unknown_words[0]
        fixed = self.state.last_line.replace(wrong, command.obj, 1)
        reply = self._do_question(Command("question", fixed, line=fixed))
        reply.blocks.insert(0, Message(f"({fixed})"))
        return reply

    def _do_help(self, command: Command) -> Reply:
        return Reply(command.line, OK, verb="help").say(HELP)

    def _do_about(self, command: Command) -> Reply:
        from briefbot import __version__
        return Reply(command.line, OK, verb="about").say(f"briefbot {__version__}")

    def _do_quit(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="quit")
        if self.unsaved_notes:
            reply.say("Your notebook has notes not yet saved or exported.", "warning")
        return reply.say("Goodbye.")

    # --- save and restore ----------------------------------------------------------------------

    def _session_path(self, name: str) -> Path:
        return self.home / (name or SESSION_FILE)

    def _do_save(self, command: Command) -> Reply:
        path = self._session_path(command.obj)
        data = {"briefbot_session": 1, "state": asdict(self.state),
                "sources": [a.source for a in self.index.articles]}
        return self._keep(Reply(command.line, OK, verb="save"), path, json.dumps(data, indent=1), "Saved to {path}.")

    def _do_restore(self, command: Command) -> Reply:
        reply = Reply(command.line, OK, verb="restore")
        path = self._session_path(command.obj)
        try:
            if not path.exists():
                raise ValueError("there is no such file")
            if not path.is_file() or path.stat().st_size > MAX_SESSION_BYTES:
                raise ValueError("it is not a saved session file")
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeError, ValueError, RecursionError):  # not JSON, digits past int limits, deep nesting
                raise ValueError("it is not a saved session file") from None
            state = State(**checked_state(data, [a.source for a in self.index.articles], len(self.index)))
        except (OSError, ValueError) as e:
            reply.status = ERROR
            return reply.say(f"Could not restore {path}: {getattr(e, 'strerror', None) or e}", "error")
        unsaved = len([n for n in self.state.notebook if n not in self.saved_notebook])
        self.state = state
        self.saved_notebook = list(state.notebook)
        if unsaved:
            reply.say(f"(The {unsaved} unsaved note{'s' * (unsaved != 1)} you had went with the old game: `undo` brings "
                      f"{'them' if unsaved != 1 else 'it'} back.)")
        notes = len(state.notebook)
        return reply.say(f"Restored {path}: {notes} note{'s' * (notes != 1)}, in the {state.room}.")


def _ids(sentences: list[int]) -> np.ndarray:
    """Sentence ids as the sorted array `Searcher.search(within=…)` takes."""
    return np.array(sorted(set(sentences)), dtype=np.int32)


def _words(text: str) -> list[str]:
    return [w.strip("?!.,;:\"'") for w in text.split() if w.strip("?!.,;:\"'")]


def _person_line(c: Character) -> str:
    return c.name + (f", {c.role}" if c.role else "")


def source_line(index: Index, n: int) -> str:
    """Source N (1-based) in one line: title, outlet, date, how many sentences, file."""
    article = index.articles[n - 1]
    return (f"{n}. {article.label} \u2014 {article.outlet or 'outlet unknown'}, {article.date or 'undated'}, "
            f"{len(index.sentences_of(n - 1))} sentences \u2014 {article.path}")
