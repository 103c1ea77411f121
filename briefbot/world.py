"""The story as a world: characters (people quoted), places (rooms), organisations (dossiers), facts.

Found in the corpus with patterns, capitalisation and cue words (no NER model can be downloaded).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefbot.index import Index
from briefbot.text import fold


@dataclass
class Thing:
    """Anything in the world a player can name."""
    name: str
    variants: set[str] = field(default_factory=set)  # other spellings and short forms, as written
    sentences: list[int] = field(default_factory=list)  # sentence ids: what it says, or where it is named
    description: str | None = None

    kind = "thing"

    def names(self) -> set[str]:
        return {self.name, *self.variants}


@dataclass
class Character(Thing):
    role: str | None = None
    kind = "person"


@dataclass
class Place(Thing):
    exits: list[str] = field(default_factory=list)  # names of places mentioned alongside
    kind = "place"


@dataclass
class Organisation(Thing):
    kind = "organisation"


@dataclass
class World:
    characters: list[Character]
    places: list[Place]
    organisations: list[Organisation]
    facts: list[list[int]]  # each a distinct statement: its sentence ids (one per article telling it)
    fact_of: dict[int, int] = field(default_factory=dict)  # sentence id → fact number

    def __post_init__(self) -> None:
        if not self.fact_of:
            self.fact_of = {s: n for n, group in enumerate(self.facts) for s in group}

    @property
    def things(self) -> list[Thing]:
        return [*self.characters, *self.places, *self.organisations]

    def find(self, name: str, kinds: tuple[type[Thing], ...] = (Thing,)) -> list[Thing]:
        """Things whose name or a variant matches `name` (folded; "al-bayati" finds "Sarmed Al-Bayati"),
        best match first: exact names before partial ones."""
        want = _key(name)
        if not want:
            return []
        exact, partial = [], []
        for thing in self.things:
            if not isinstance(thing, kinds):
                continue
            keys = {_key(n) for n in thing.names()}
            if want in keys:
                exact.append(thing)
            elif any(want in k.split() or (len(want) > 3 and want in k) for k in keys):
                partial.append(thing)
        return exact + partial


def _key(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", fold(name).strip())
    return " ".join(re.sub(r"[^\w\s]", "", name.replace("-", " ")).split())


def build_world(index: Index) -> World:
    """A first world: each speaker a character (short forms joined to the full name), each
    sentence a fact. Places and organisations are found by `world_extract` when available."""
    characters: dict[str, Character] = {}
    for sent in range(len(index)):
        name = index.speaker_of(sent)
        if not name:
            continue
        owner = next((c for c in characters.values() if _same_person(c, name)), None)
        if owner is None:
            owner = characters[name] = Character(name)
        elif len(name) > len(owner.name):
            owner.variants.add(owner.name)
            owner.name = name
        else:
            owner.variants.add(name)
        owner.variants.discard(owner.name)
        owner.sentences.append(sent)
    facts = [[s] for s in range(len(index))]
    return World(list(characters.values()), [], [], facts)


def _same_person(c: Character, name: str) -> bool:
    last = _key(name).split()[-1]
    return any(_key(n).split()[-1] == last for n in c.names())
