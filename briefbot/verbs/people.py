"""People and organisations: examine, talk, ask, who said that, what else did he say, and the lists."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from briefbot.parser import number_in
from briefbot.reply import ANSWERED, NO_ANSWER, OK, Heading, Items, Message, Passage, Reply
from briefbot.text import IRREGULAR, analyze, fold
from briefbot.verbs.looking import listing
from briefbot.verbs.questions import question, remember_misspelt
from briefbot.verbs.verb import REQUIRED, Verb, no_such_answer, person_line, plural, search_within, with_tellings
from briefbot.world import Character, Place, Thing

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.session import Session

_SPEECH = "said says told tells added explained noted stated commented asked replied wrote"  # not topics
_VERB_BASES = set(IRREGULAR.values())  # take, set, go…: verbs, not topics
_PRONOUNS = {"him", "her", "them", "he", "she", "they", "this person"}


def examine(s: Session, command: Command) -> Reply:
    if not command.obj:
        things = ", ".join(t.name for t in [*s.world.organisations[:4], *s.world.characters[:4]])
        return Reply(command.line, OK, verb="examine").say(
            f"Examine what? An answer's number, or a name: {things or 'nothing is named yet'}.")
    n = number_in(command.obj)
    if n is not None:
        return _examine_answer(s, command, n)
    if command.obj.lower() in ("me", "myself", "self"):  # a player's first `x me`
        return Reply(command.line, OK, verb="examine").say(
            f"You, being briefed: {plural(len(s.state.notebook), 'note')} so far. `i` shows them, `score` how far "
            "you have got.")
    things = s.world.find(_person(s, command.obj))
    if not things:
        return question(s, command)
    thing = s.pick(things, command)
    if isinstance(thing, Reply):
        return thing
    reply = Reply(command.line, OK, verb="examine")
    reply.blocks.append(Heading(thing.name))
    if thing.description:
        reply.say(thing.description)
    if isinstance(thing, Character):
        reply.say(f"{thing.name}{', ' + thing.role if thing.role else ''}. "
                  f"{plural(len(thing.sentences), 'statement')} in the briefing.")
        if thing.variants:
            reply.say("Also written: " + ", ".join(_variants(thing)) + ".")
        topics = _topics(s, thing)
        if topics:
            reply.say("Talks about: " + ", ".join(topics) + f". Try: ask {thing.name.split()[-1]} about {topics[0]}")
        _introduce(s, reply, thing)
        return reply
    if thing.variants:
        reply.say("Also called: " + ", ".join(_variants(thing)) + ".")
    query = " ".join(sorted(thing.names()))
    result = search_within(s, query, s.k, thing.sentences or None)
    if result.answers:
        reply.status = ANSWERED
        s.show(reply, result.answers, result.matched_words)
    if isinstance(thing, Place):
        reply.blocks.append(Items("Exits", tuple(thing.exits)))
    return reply


def _variants(thing: Thing) -> list[str]:
    """Other names, each once: "Workers' Party" and "Workers’ Party" are one (and not the name itself)."""
    seen = {fold(thing.name)}
    shown = []
    for name in sorted(thing.variants):
        if fold(name) not in seen:
            seen.add(fold(name))
            shown.append(name)
    return shown


def _examine_answer(s: Session, command: Command, n: int) -> Reply:
    """Answer N in full: every citation with its file and line, and the other articles' wording."""
    reply = Reply(command.line, OK, verb="examine")
    if not 1 <= n <= len(s.state.shown):
        return reply.refuse(no_such_answer(n, len(s.state.shown)))
    reply.status = ANSWERED
    reply.blocks.append(Passage(n, s.shown_answer(n), full=True))
    return reply


def _person(s: Session, name: str) -> str:
    """"him", "her": the last person named."""
    return s.state.person if name.lower() in _PRONOUNS and s.state.person else name


def _character(s: Session, command: Command) -> Character | Reply | None:
    found = s.world.find(_person(s, command.obj), (Character,))
    return s.pick(found, command) if found else None  # type: ignore[return-value]


def ask(s: Session, command: Command) -> Reply:
    if not command.obj:
        return Reply(command.line, OK, verb="ask").say("Ask whom about what? Say `ask PERSON about TOPIC`.")
    person = _character(s, command)
    if isinstance(person, Reply):
        return person
    if person is None:
        return _ask_nobody(s, command)
    result = search_within(s, command.topic, s.k, person.sentences)
    remember_misspelt(s, result)
    reply = Reply(command.line, ANSWERED, verb="ask", corrections=result.corrections)
    topic = command.topic
    for typed, known in result.corrections.items():  # "on sovereignty", as it was read
        topic = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", lambda _: known, topic)
    if result.answers:
        reply.blocks.append(Message(f"{person.name} on {topic}:"))
        s.show(reply, result.answers, result.matched_words, named=person.name)
        s.state.person = person.name
        return reply
    reply.say(f"{person.name} says nothing about {topic} in these articles.")
    general = s.searcher.search(command.topic, s.k)
    if general.answers:
        s.show(reply, general.answers, general.matched_words, label="What the articles themselves say")
    else:
        reply.status = NO_ANSWER
        reply.say("Nor do the articles.")
    s.state.person = person.name
    return reply


def _ask_nobody(s: Session, command: Command) -> Reply:
    """`ask X about T` (or `talk to X`) when no one quoted is X: the articles on X and T ("ask the
    pentagon about troops"), else on T alone (a name the articles lack, "nobody", would outweigh
    the topic), and who is quoted."""
    reply = question(s, replace(command, obj=f"{command.obj} {command.topic}".strip()))
    if not reply.answers and command.topic:
        reply = question(s, replace(command, obj=command.topic))
    reply.blocks.insert(0, Message(f"(No one called {command.obj!r} is quoted; answered from all the articles.)"))
    people = [c.name for c in sorted(s.world.characters, key=lambda c: -len(c.sentences))[:4]]
    if people:
        reply.say(f"People quoted: {', '.join(people)} (`people` lists them all).")
    return reply


def talk(s: Session, command: Command) -> Reply:
    if not command.obj:
        people = ", ".join(c.name for c in s.world.characters) or "no one"
        return Reply(command.line, OK, verb="talk").say(f"Talk to whom? Quoted here: {people}.")
    person = _character(s, command)
    if isinstance(person, Reply):
        return person
    if person is None:
        return _talk_to_nobody(s, command)
    reply = Reply(command.line, OK, verb="talk")
    reply.blocks.append(Heading(person.name))
    topics = _topics(s, person)
    reply.say(f"{person.name}{', ' + person.role if person.role else ''} talks about:")
    reply.blocks.append(Items("Topics", tuple(topics)))
    reply.say(f"Try: ask {person.name.split()[-1]} about {topics[0] if topics else 'something'}")
    _introduce(s, reply, person)
    return reply


def _talk_to_nobody(s: Session, command: Command) -> Reply:
    """`talk to` an organisation or a place is its dossier, said so; to a name no one quoted has,
    the articles on it and who is quoted (it was "The articles say nothing about that")."""
    other = s.world.find(command.obj)
    if not other:
        return _ask_nobody(s, command)
    thing = other[0]
    reply = examine(s, replace(command, verb="examine", obj=thing.name))
    kind, verb = ("a place", "go") if isinstance(thing, Place) else ("an organisation", "examine")
    reply.blocks.insert(0, Message(f"({thing.name} is {kind}, not a person: `{verb} {thing.name}`.)"))
    return reply


def _introduce(s: Session, reply: Reply, person: Character) -> None:
    """The statement that best introduces a person (where the articles name them), cited."""
    result = search_within(s, " ".join(sorted(person.names())), 1, person.sentences)
    if result.answers:
        reply.status = ANSWERED
        s.show(reply, result.answers, result.matched_words, named=person.name)
    s.state.person = person.name


def who_said(s: Session, command: Command) -> Reply:
    """The speaker of answer 1, with their role, cited."""
    reply = Reply(command.line, OK, verb="who_said")
    if not s.state.shown:
        return reply.refuse("Who said what? Ask a question first.")
    answer = s.shown_answer(1)
    if not answer.speaker:
        return reply.say("The articles do not say who.")
    person = next(iter(s.world.find(answer.speaker, (Character,))), None)
    role = f", {person.role}" if person and person.role else ""
    reply.status = ANSWERED
    reply.say(f"{answer.speaker}{role}:")
    shown = list(s.state.shown)
    s.show(reply, [answer], named=answer.speaker)
    s.state.shown = shown  # answer 1 is still the question's answer 1
    s.state.person = person.name if person else s.state.person
    return reply


def what_else(s: Session, command: Command) -> Reply:
    """The last-named person's statements the player has not yet seen, in the articles' order."""
    reply = Reply(command.line, OK, verb="what_else")
    person = next((c for c in s.world.characters if c.name == s.state.person), None)
    if person is None:
        return reply.refuse("Whom do you mean? `talk to NAME` first, or `ask NAME about TOPIC`.")
    fresh = [n for n in sorted(set(person.sentences)) if n not in s.state.seen]
    if not fresh:
        return reply.say(f"You have seen everything {person.name} says in these articles.")
    reply.status = ANSWERED
    reply.say(f"{person.name} also says:")
    s.show(reply, with_tellings(s, [s.searcher.answer(n) for n in fresh[:2 * s.k]])[:s.k], named=person.name)
    return reply


def _topics(s: Session, thing: Thing, n: int = 6) -> list[str]:
    """What a thing's own sentences are about: first the people, places and organisations they
    name (never the outlet, never itself), then the words that most set them apart from the rest
    of the briefing (how often they come times their idf squared, else "year" and "people" win on
    a big corpus) that read as nouns: no verb forms ("take", "reached"), no adjectives
    ("defensive"). Its own names and role (and what shares their words), and the verbs of speech,
    are left out: the Chancellor does not talk about "Brown", "chancellor" or "said"."""
    mine = set(thing.sentences)
    outlets = {fold(a.outlet) for a in s.index.articles if a.outlet}
    own = {term for name in [*thing.names(), getattr(thing, "role", None) or "", _SPEECH] for term in analyze(name)}
    named = sorted(((len(mine.intersection(t.sentences)), t.name) for t in s.world.things
                    if t is not thing and mine.intersection(t.sentences) and not own & set(analyze(t.name))
                    and not any(fold(name).startswith(o) for name in t.names() for o in outlets)),
                   key=lambda c: -c[0])
    words = [name for _, name in named[:n // 2]]
    own |= {term for name in words for term in analyze(name)}
    idx = s.index
    counts: Counter[int] = Counter()
    for sent in thing.sentences:
        for tid in set(idx.terms_of(sent).tolist()):
            term = idx.terms[tid]
            if term not in own and not term.isdigit():
                counts[tid] += 1
    ranked = sorted(counts, key=lambda t: -counts[t] * float(idx.bm25.idf_array[t]) ** 2)
    said = " ".join(idx.text_of(sent) for sent in thing.sentences)
    for t in ranked:
        if len(words) == n:
            break
        word = idx.surface[t].strip("\"'\u201c\u201d")
        if len(word) > 2 and _noun_like(word, said) and fold(word) not in (fold(w) for w in words):
            words.append(word)
    return words


_NOT_NOUN = re.compile(r"(?:ed|ing|ly|ive|ous|ful|less|able|ible|ical)$", re.I)
_BEFORE_VERB = r"(?:to|will|would|can|could|may|might|must|shall|should|do|does|did|not|be|been|was|were|is|are)"


def _noun_like(word: str, said: str) -> bool:
    """A word that can be a topic: a name, or a word that is not a verb or an adjective by its look
    or by its use in what was said ("might pose", "were set"); no part-of-speech tagger is shipped."""
    if word[:1].isupper():
        return True
    low = word.lower()
    if _NOT_NOUN.search(low) or low in IRREGULAR or low in _VERB_BASES:
        return False
    uses = len(re.findall(rf"\b{re.escape(word)}\b", said, re.I))
    as_verb = len(re.findall(rf"\b{_BEFORE_VERB}\s+{re.escape(word)}\b", said, re.I))
    return as_verb * 2 < uses


def people(s: Session, command: Command) -> Reply:
    return listing(command, "People quoted", [person_line(c) for c in s.world.characters])


def dossiers(s: Session, command: Command) -> Reply:
    return listing(command, "Dossiers", [o.name + (f" ({', '.join(_variants(o))})" if _variants(o) else "")
                                         for o in s.world.organisations])


VERBS = (
    Verb("examine", ("x", "examine", "look at", "l at", "read", "inspect", "describe", "check"),
         "a person, an organisation, a place, or answer N in full", True, examine, REQUIRED,
         usage="examine X (x X)", names=True),
    Verb("ask", ("ask", "tell", "question", "quiz"), "what that person said on it (him, her: the last named)",
         True, ask, REQUIRED, pattern=r".+\s(?:about|on|regarding|of)\s.+", usage="ask PERSON about TOPIC",
         names=True),
    Verb("talk", ("talk to", "talk", "talk with", "speak to", "speak with", "interview"),
         "who they are and what they talk about", True, talk, REQUIRED, usage="talk to PERSON", names=True),
    Verb("who_said", ("who said that", "who said it", "who said this", "who says that", "who says so"),
         "the speaker of answer 1, cited", True, who_said, usage="who said that?"),
    Verb("what_else", ("what else did he say", "what else did she say", "what else did they say",
                       "what else does he say", "what else does she say", "what else"),
         "more of what the last-named person says", True, what_else, usage="what else did he say?"),
    Verb("people", ("people", "who", "characters"), "the people quoted", False, people),
    Verb("dossiers", ("dossiers", "organisations", "organizations", "orgs"), "the organisations named", False,
         dossiers),
)
