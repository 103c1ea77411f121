"""Moving about: look, go, back, exits, the list of places, and the compass a briefing lacks."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefbot.reply import OK, Heading, Items, Message, Reply
from briefbot.text import plural
from briefbot.verbs.story import brief_onto
from briefbot.verbs.verb import BRIEFING_ROOM, REQUIRED, Verb, search_within
from briefbot.world import START_ROOM_NAMES, Character, Place

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.session import Session

MAX_TRAIL = 100  # rooms `back` can return through: each undo step keeps a copy of them
GO_LISTED = 24  # places `go` alone names, the most mentioned first


def look(s: Session, command: Command, brief: bool = True) -> Reply:
    """Where you are; in the briefing room with the story's brief (`brief`: but a move there, as in
    the text adventures, shows the room without its long description)."""
    reply = Reply(command.line, OK, verb="look")
    room = s.state.room
    reply.blocks.append(Heading(room))
    here = s.surroundings()
    if room == BRIEFING_ROOM:
        n = len(s.index.articles)
        reply.say(f"The briefing table holds {plural(n, 'article')}. Ask anything, or go to a place.")
        if brief:
            brief_onto(s, reply)
        reply.blocks.append(Items("Sources", tuple(a.label for a in s.index.articles[:10])))
        if not brief:  # the brief's "Who is quoted" names them, with their roles
            reply.blocks.append(Items("People quoted", here.people))
        reply.blocks.append(Items("Exits", here.exits))
        return reply
    place = s.place(room)
    if place is None:
        return reply.say("This place is no longer in the briefing.")
    result = search_within(s, place.name, 1, place.sentences)
    if result.answers:
        s.show(reply, result.answers, result.matched_words)
    if here.people:
        reply.blocks.append(Items("Who talks about it", here.people))
    reply.blocks.append(Items("Exits", here.exits))
    left = s.left(place.sentences)
    reply.say(f"{plural(left, 'fact')} here not yet uncovered." if left else "You have uncovered everything here.")
    return reply


def go(s: Session, command: Command) -> Reply:
    target = command.obj
    if not target:  # every place is a `go` away, not only the exits (Harir base is none of the room's)
        places, more = s.world.places[:GO_LISTED], len(s.world.places) - GO_LISTED
        named = ", ".join(p.name for p in places) or "none beyond this room"
        return Reply(command.line, OK, verb="go").say(f"Go where? Places in the briefing: {named}."
                                                      + (f" ({more} more: `places` lists them all.)" if more > 0 else ""))
    if target.lower() in START_ROOM_NAMES:
        return _move(s, BRIEFING_ROOM, command)
    places = s.world.find(target, (Place,))
    if not places:
        target = _corrected(s, target)
        places = s.world.find(target, (Place,))
    if not places:
        return _nowhere(s, command)
    place = s.pick(places, replace(command, obj=target))
    if isinstance(place, Reply):
        return place
    reply = _move(s, place.name, command)
    if place.name.lower() != command.obj.lower():
        reply.blocks.insert(0, Message(f"({place.name})"))
    return reply


def _corrected(s: Session, target: str) -> str:
    """The place's name with its misspelt words read as the articles write them ("bagdad" is Baghdad)."""
    fixes = s.searcher.corrections(target)
    return " ".join(fixes.get(word, word) for word in target.split())


def _nowhere(s: Session, command: Command) -> Reply:
    """`go` to a name that is no place: said first, with the ways one can go from here (no answers
    matched on a word of the line: "go paris" is no question about "going"), and what the name is
    if it is a person or an organisation."""
    reply = Reply(command.line, OK, verb="go").refuse(f"There is no place called {command.obj!r} in the briefing.")
    other = s.world.find(command.obj)
    if other:
        verb = "talk to" if isinstance(other[0], Character) else "examine"
        reply.say(f"{other[0].name} is {'a person' if verb == 'talk to' else 'not a place'}: `{verb} {other[0].name}`.")
    reply.blocks.append(Items("Exits", s.surroundings().exits))
    return reply


def back(s: Session, command: Command) -> Reply:
    if not s.state.trail:
        return Reply(command.line, OK, verb="back").say("You are where you started.")
    s.state.room = s.state.trail.pop()
    return look(s, command, brief=False)


def _move(s: Session, room: str, command: Command) -> Reply:
    if room != s.state.room:
        s.state.trail.append(s.state.room)
        del s.state.trail[:-MAX_TRAIL]
        s.state.room = room
    reply = look(s, command, brief=False)
    reply.verb = "go"
    return reply


def who_is_here(s: Session, command: Command) -> Reply:
    """The people who talk about the place you are in (in the briefing room, the people quoted most):
    the side panel's "People here", asked in words. It was "The articles say nothing about that"."""
    people = s.surroundings().people
    if not people:  # said once, not "none found" and then this
        return Reply(command.line, OK, verb=command.verb).say("No one quoted talks about this place.")
    return listing(command, "Who talks about it" if s.state.room != BRIEFING_ROOM else "People quoted", list(people))


def places(s: Session, command: Command) -> Reply:
    return listing(command, "Places", [p.name for p in s.world.places])


def exits(s: Session, command: Command) -> Reply:
    return listing(command, "Exits", list(s.surroundings().exits))


def compass(s: Session, command: Command) -> Reply:
    """`n`, `north`, `up`…: a briefing's places lie by what the articles say, not on a compass."""
    reply = Reply(command.line, OK, verb="compass").refuse(
        "A briefing has no compass directions: go to a place by its name (`go PLACE`).")
    reply.blocks.append(Items("Exits", s.surroundings().exits))
    return reply


def listing(command: Command, title: str, items: list[str]) -> Reply:
    reply = Reply(command.line, OK, verb=command.verb)
    reply.blocks.append(Items(title, tuple(items) or ("none found",)))
    return reply


VERBS = (
    Verb("look", ("look", "l", "look around", ""), "where you are: what it is about, who talks about it, exits",
         False, look, usage="look (l, Enter)"),
    Verb("go", ("go to", "go", "walk to", "travel to", "visit", "enter", "move to"),
         "move to a place in the story", True, go, REQUIRED, usage="go PLACE", names=("place",)),
    Verb("back", ("back", "return", "go back", "leave", "out", "go out"), "back to the place before", True, back),
    Verb("exits", ("exits",), "where you can go from here", False, exits),
    Verb("who_is_here", ("who is here", "who's here", "whos here", "who else is here", "anyone here",
                         "is anyone here", "who talks about it", "who is around"), "who talks about this place",
         False, who_is_here, usage="who is here?"),
    Verb("places", ("places", "rooms", "map"), "the places the briefing names", False, places),
    Verb("compass", ("n", "s", "e", "w", "ne", "nw", "se", "sw", "u", "d", "north", "south", "east", "west",
                     "northeast", "northwest", "southeast", "southwest", "up", "down"), "", False, compass),
)
