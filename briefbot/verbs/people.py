"""People and organisations: examine, talk, ask, who said that, what else did he say, and the lists."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from briefbot.attribution import holds_role, role_speaking
from briefbot.lexicon import related
from briefbot.parser import number_in
from briefbot.reply import ANSWERED, NO_ANSWER, OK, Heading, Items, Message, Passage, Reply
from briefbot.text import analyze, fold, plural
from briefbot.topic import talked_about
from briefbot.verbs.looking import listing
from briefbot.verbs.questions import (first_shown, head_noun, names_query, noun_phrases, on_table, question, read_as,
                                      remember_misspelt,
                                     say_read_as)
from briefbot.verbs.verb import REQUIRED, Verb, ids, no_such_answer, person_line, search_within, with_tellings
from briefbot.world import Character, Place, Thing

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.search import Answer, Result
    from briefbot.session import Session

_PRONOUNS = {"him", "her", "them", "he", "she", "they", "this person"}
_IT = {"it", "that", "this"}  # the last place or organisation examined or named


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
    if command.obj.lower() in _IT:
        if not s.state.thing:  # the last question's, asked before the world was built (`ask -`)
            s.state.thing = next((t.name for t in s.named(s.state.question) if not isinstance(t, Character)), "")
        if not s.state.thing:
            return Reply(command.line, OK, verb="examine").say(
                f"I'm not sure what \u201c{command.obj}\u201d refers to: examine a name, or an answer's number.")
        command = replace(command, obj=s.state.thing)
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
        topics = talked_about(s.index, s.world, thing)
        if topics:
            reply.say("Talks about: " + ", ".join(topics) + f". Try: ask {thing.name.split()[-1]} about {topics[0]}")
        _introduce(s, reply, thing)
        return reply
    if thing.variants:
        reply.say("Also called: " + ", ".join(_variants(thing)) + ".")
    result = search_within(s, names_query(thing), s.k, thing.sentences or None)
    if result.answers:
        reply.status = ANSWERED
        s.show(reply, result.answers, result.matched_words)
        on_table(s, names_query(thing), thing if thing.sentences else None)
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


def _as_written(s: Session, topic: str, sentences: list[int]) -> str:
    """A topic typed in lower case as a person's sentences write its words inside a sentence ("isis":
    "Sarmed Al-Bayati on ISIS:"), each word in the form they write most; a word they write only at a
    sentence's start, or not at all, as typed."""
    texts = [s.index.text_of(n) for n in sentences]

    def written(word: re.Match[str]) -> str:
        forms = Counter(m[0] for text in texts for m in re.finditer(rf"(?<![\w'-]){re.escape(word[0])}(?![\w'-])", text, re.I)
                        if re.search(r"[\w,;]\s+$", text[:m.start()]))
        return forms.most_common(1)[0][0] if word[0].islower() and forms else word[0]
    return re.sub(r"[\w'-]+", written, topic)


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
    topic = command.topic
    result = _on_topic(s, topic, search_within(s, topic, s.k, person.sentences))
    if not result.answers and (fixes := s.searcher.corrections(topic, ids(person.sentences))):  # "wal": "wall"
        topic = read_as(topic, fixes)
        result = _on_topic(s, topic, search_within(s, topic, s.k, person.sentences))
        result.corrections = fixes | result.corrections
    if not result.answers:
        result = _led_into(s, topic, person) or result
    topic = read_as(topic, result.corrections)  # as it was read: "sovereignty", not "sovreignty"
    remember_misspelt(s, result)
    reply = Reply(command.line, ANSWERED, verb="ask", corrections=result.corrections)
    say_read_as(reply, result.corrections)
    if result.answers:
        reply.blocks.append(Message(f"{person.name} on {_as_written(s, topic, person.sentences)}:"))
        s.show(reply, result.answers, result.matched_words, named=person.name)
        on_table(s, topic, person)
        s.state.name(person.name)
        return reply
    reply.say(f"{person.name} says nothing about {topic} in these articles.")
    general = s.searcher.search(topic, s.k)
    if general.answers:
        s.show(reply, general.answers, general.matched_words, label="What the articles themselves say")
        on_table(s, topic)
    elif general.unknown_words:  # "wal": not "Nor do the articles" (they speak of a "wall")
        reply.status = NO_ANSWER
        reply.say(f"The articles never use the word{'s' * (len(general.unknown_words) > 1)} "
                  f"\u201c{', '.join(general.unknown_words)}\u201d either.")
    else:
        reply.status = NO_ANSWER
        reply.say("Nor do the articles.")
    s.state.name(person.name)
    return reply


def _on_topic(s: Session, topic: str, result: Result) -> Result:
    """The answers, if one holds what the topic is about: the head noun of one of its noun phrases
    ("meals" of "school meals"), or a word a synonym group or WordNet relates to it; else none
    (Ruth Kelly's words on discipline in schools say nothing about school meals)."""
    heads = [term for phrase in noun_phrases(topic) for term in analyze(head_noun(phrase))[-1:]]
    wanted = {tid for term in heads for t in (term, *related(term), *(m for c in s.index.synonyms.concepts([term])
                                                                       for m in s.index.synonyms.members(c)))
              if (tid := s.index.term_id.get(t)) is not None}
    if heads and not any(wanted & set(s.index.terms_of(a.sentence_id).tolist()) for a in result.answers):
        result.answers = []
    return result


def _led_into(s: Session, topic: str, person: Character) -> Result | None:
    """The person's quotes on a topic only the sentence leading into them names: "Mutu was sacked by
    Chelsea… a move Wenger has backed. But he said: "…he will be suspended for a long period."" (his
    words call Mutu "he"). The answers are their quotes' first sentences, the lead-in their context."""
    idx, own = s.index, set(person.sentences)
    leads = {n - 1: n for n in own if n - 1 not in own and n and idx.sent_article[n - 1] == idx.sent_article[n]
             and idx.sent_para[n - 1] == idx.sent_para[n]}
    if not leads:
        return None
    result = s.searcher.search(topic, s.k, within=ids(list(leads)))
    if not result.answers:
        return None
    result.answers = with_tellings(s, [s.searcher.answer(leads[a.sentence_id], a.score) for a in result.answers])
    return result


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
    reply.blocks.append(Heading(f"{person.name}, {person.role}" if person.role else person.name))
    topics = talked_about(s.index, s.world, person)
    reply.blocks.append(Items("Talks about", tuple(topics)))  # one heading: the card's names them
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
    result = search_within(s, names_query(person), 1, person.sentences)
    if result.answers:
        reply.status = ANSWERED
        s.show(reply, result.answers, result.matched_words, named=person.name)
        on_table(s, names_query(person), person)
    s.state.name(person.name)


def who_said(s: Session, command: Command) -> Reply:
    """The speaker of the first answer just shown (answer 1, or the first of `more`'s page), with
    their role, cited."""
    reply = Reply(command.line, OK, verb="who_said")
    if not s.state.shown:
        return reply.refuse("Who said what? Ask a question first.")
    first = first_shown(s)
    answer = s.shown_answer(first)
    person = next(iter(s.world.find(answer.speaker, (Character,))), None) if answer.speaker else _role_holder(s, answer)
    if person is None and not answer.speaker:
        return reply.say("The articles do not say who.")
    speaker = answer.speaker or person.name
    role = f", {person.role}" if person and person.role else ""
    reply.status = ANSWERED
    reply.say(f"{speaker}{role}:")
    shown = list(s.state.shown)
    s.show(reply, [answer], named=speaker)
    s.state.shown, s.state.first = shown, first  # the answers on the table are still the question's
    if person:
        s.state.name(person.name)
    return reply


def _role_holder(s: Session, answer: Answer) -> Character | None:
    """Whom "The prime minister said…" means: the one person its article names who holds that role
    in the briefing (Tony Blair), None if no one or several do."""
    if not (role := role_speaking(answer.text)):
        return None
    named = s.named(s.index.article_of(answer.sentence_id).text)
    holders = [c for c in named if isinstance(c, Character) and c.role and holds_role(role, c.role)]
    return holders[0] if len(holders) == 1 else None


def what_else(s: Session, command: Command) -> Reply:
    """The last-named person's statements the player has not yet seen, in the articles' order ("what
    else did she say?": the last-named woman's)."""
    reply = Reply(command.line, OK, verb="what_else")
    pronoun = next((p for p in ("he", "she") if re.search(rf"\b{p}\b", command.line, re.I)), "")
    name = s.meant_by(pronoun) if pronoun else s.state.person
    person = next((c for c in s.world.characters if c.name == name), None)
    if person is None:
        return reply.refuse("Whom do you mean? `talk to NAME` first, or `ask NAME about TOPIC`.")
    fresh = [n for n in sorted(set(person.sentences)) if n not in s.state.seen]
    if not fresh:
        return reply.say(f"You have seen everything {person.name} says in these articles.")
    reply.status = ANSWERED
    reply.say(f"{person.name} also says:")
    s.show(reply, with_tellings(s, [s.searcher.answer(n) for n in fresh[:2 * s.k]])[:s.k], named=person.name)
    return reply


def people(s: Session, command: Command) -> Reply:
    return listing(command, "People quoted", [person_line(c) for c in s.world.characters])


def dossiers(s: Session, command: Command) -> Reply:
    return listing(command, "Dossiers", [o.name + (f" ({', '.join(_variants(o))})" if _variants(o) else "")
                                         for o in s.world.organisations])


VERBS = (
    Verb("examine", ("x", "examine", "look at", "l at", "read", "inspect", "describe", "check"),
         "a person, an organisation, a place, or answer N in full", True, examine, REQUIRED,
         usage="examine X (x X)", names=("organisation", "place", "person")),
    Verb("ask", ("ask", "tell", "question", "quiz"), "what that person said on it (him, her: the last named)",
         True, ask, REQUIRED, pattern=r".+\s(?:about|on|regarding|of)\s.+", usage="ask PERSON about TOPIC",
         names=("person",)),
    Verb("talk", ("talk to", "talk", "talk with", "speak to", "speak with", "interview"),
         "who they are and what they talk about", True, talk, REQUIRED, usage="talk to PERSON", names=("person",)),
    Verb("who_said", ("who said that", "who said it", "who said this", "who says that", "who says so"),
         "the speaker of answer 1, cited", True, who_said, usage="who said that?"),
    Verb("what_else", ("what else did he say", "what else did she say", "what else did they say",
                       "what else does he say", "what else does she say", "what else"),
         "more of what the last-named person says", True, what_else, usage="what else did he say?"),
    Verb("people", ("people", "who", "characters", "who is quoted", "who is in the story", "who is involved",
                    "who are the people", "who are the characters"), "the people quoted", False, people),
    Verb("dossiers", ("dossiers", "organisations", "organizations", "orgs"), "the organisations named", False,
         dossiers),
)
