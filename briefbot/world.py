"""The story as a world: characters (the people quoted), places (rooms), organisations (dossiers)
and facts (distinct statements), all found in the corpus; no hand-written file is needed.

- Characters are the speakers `attribution` finds, spellings and short forms joined
  (`Sarmed`/`Sarmad Al-Bayati`, `Al-Bayati`; `Tony Blair`, `Mr Blair`), with the role the text gives;
  a speaker with no role, title or person's shape (`names.person_shaped`) is none.
- Places come from a shipped gazetteer (`lexicon/places.txt`), cue patterns (`lexicon/place_words.txt`:
  `X base`, `Camp X`, `X province`), `northern X`, `X border`, and capitalised names after `in`/`at`/
  `near` that are nothing else and mostly written so. Their exits are the places named in the same
  sentences; a place's or organisation's sentences are statements, not readers' comments (`_telling`).
- Organisations come from a gazetteer (`lexicon/organisations.txt`), cue words
  (`lexicon/organisation_words.txt`: Party, Forces, Committee…), acronyms, and article outlets; short
  and long names are joined by `Long Name (ACR)` where the letters spell it, by initials where one
  article writes both, and by a dropped cue word.
- Facts: sentences of different articles telling the same thing are one fact (the test search uses
  to merge duplicate answers), compared only when they share rare terms, so it stays near linear.

A corpus folder may carry a world file, `world.toml`, to name, merge, describe or drop things:

    ignore = ["Some Name"]        # things (by any name) not worth a room or a dossier; top-level keys
                                  # such as this one go before the first [[table]], as TOML wants
    [[character]]                 # also [[place]] and [[organisation]]
    name = "Sabah al-Numan"       # the name to show; an existing thing with any of these names is updated,
    variants = ["Al-Numan"]       # otherwise a new one is made (a character: of the sentences its
    role = "military spokesman"   # names are the speaker of; a place or organisation: where named)
    description = "Speaks for the Iraqi armed forces."
                                  # a name has a letter or digit; no place is called as the start
                                  # room (START_ROOM_NAMES): a player could not reach it

    [[merge]]                     # things of one kind that are the same: the first name is kept
    names = ["Camp Victoria", "Victoria base"]
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from briefbot.attribution import NAME, roles_in
from briefbot.index import Index, Progress
from briefbot.names import (NOT_NAMES, Gazetteer, ORG_HEADS, ORG_WORDS, ORGANISATIONS, PLACE_PATTERNS, PLACES,
                            PEERAGE, PersonName, TITLES, fold_word, is_org_kind, is_org_word, is_role_word, name_key,
                            ROLE_WORDS, lead_role, person_name, person_shaped, skeleton, spelt_by)
from briefbot.search import Searcher
from briefbot.text import IRREGULAR, STOP_WORDS, LazyPattern, analyze, fold

MAX_EXITS = 10
MAX_WORLD_FILE_BYTES = 10_000_000  # a world file is written by hand (a 1 GB sparse one took 19 s and 2.2 GB to refuse)
MAX_VARIANTS = 100  # other names of one thing in a world file: a spelling list, not a flood (20,000 made `talk` 17 s)
START_ROOM_NAMES = ("briefing", "briefing room", "start", "home", "table")  # `go` to these is the start room
RARE_DF = 20  # terms in at most this many sentences are "rare": sentences sharing them are compared for facts
RARE_SHARED = 2  # rare terms two sentences must share before they are compared
MAX_NGRAM = 7  # words in the longest name looked up


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

    def rename(self, name: str) -> None:
        self.variants.add(self.name)
        self.name = name
        self.variants.discard(name)

    def absorb(self, other: Thing) -> None:
        self.variants |= other.names()
        self.variants.discard(self.name)
        self.sentences = sorted(set(self.sentences) | set(other.sentences))
        self.description = self.description or other.description


@dataclass
class Character(Thing):
    role: str | None = None
    kind = "person"


@dataclass
class Place(Thing):
    exits: list[str] = field(default_factory=list)  # names of places mentioned alongside, most often first
    kind = "place"


@dataclass
class Organisation(Thing):
    kind = "organisation"


@dataclass
class World:
    """What the briefing is about, for a session to walk through; each list most talked-of first."""
    characters: list[Character]
    places: list[Place]
    organisations: list[Organisation]
    fact_of: np.ndarray  # sentence id → fact number: each fact a distinct statement, told by one or more articles
    warnings: list[str] = field(default_factory=list)  # e.g. a world file that could not be used

    @property
    def fact_count(self) -> int:
        return int(self.fact_of.max()) + 1 if len(self.fact_of) else 0

    @property
    def things(self) -> list[Thing]:
        return [*self.characters, *self.places, *self.organisations]

    def find(self, name: str, kinds: tuple[type[Thing], ...] = (Thing,)) -> list[Thing]:
        """Things `name` may mean, best first: a whole name or variant ("pkk"), then a word of
        one ("sarmad", "harir"), then a spelling close to one ("albayati", "al-bayaty"); within
        each, the things the briefing says most about."""
        want = name_key(name)
        if not want:
            return []
        squashed, shape = want.replace(" ", ""), skeleton(want)
        ranked: list[tuple[int, int, Thing]] = []
        for thing in self.things:
            if not isinstance(thing, kinds):
                continue
            keys = {name_key(n) for n in thing.names()}
            if want in keys or squashed in {k.replace(" ", "") for k in keys}:
                rank = 0
            elif any(want in k.split() or (len(want) > 3 and f" {want}" in f" {k}") for k in keys):
                rank = 1
            elif len(want) > 3 and any(_spelt_alike(want, shape, part) or squashed in k.replace(" ", "")
                                       for k in keys for part in (k, *k.split())):
                rank = 2
            else:
                continue
            ranked.append((rank, -len(thing.sentences), thing))
        ranked.sort(key=lambda r: r[:2])
        return [thing for _, _, thing in ranked]


def _spelt_alike(want: str, shape: str, name: str) -> bool:
    """Another transliteration of the same name: same skeleton, about the same length."""
    return abs(len(want) - len(name)) <= 3 and shape == skeleton(name)


def build_world(index: Index, world_file: Path | None = None, progress: Progress | None = None) -> World:
    """The world of a corpus: extraction alone, then the corpus's world file if it has one (a
    broken one is left out, and `World.warnings` says why). `progress` hears of each of its four
    passes over the sentences (a minute in all at a million sentences)."""
    step = progress or (lambda done, total: None)
    step(0, 4)
    characters = _characters(index)
    step(1, 4)
    common = _lowercase_words(index)
    places, organisations = _places_and_organisations(index, characters, common)
    step(2, 4)
    warnings: list[str] = []
    if world_file is not None and world_file.is_file():
        try:
            apply_world_file(read_world_file(world_file), index, characters, places, organisations)
        except WorldFileError as e:
            warnings.append(f"world file not used: {e}")
    _locate(index, [*places, *organisations], common, {name_key(c.name) for c in characters})
    step(3, 4)
    places = [p for p in places if p.sentences]
    organisations = [o for o in organisations if o.sentences]
    _link_exits(places)
    world = World(sorted(characters, key=_by_size), sorted(places, key=_by_size),
                  sorted(organisations, key=_by_size), facts(index), warnings=warnings)
    step(4, 4)
    return world


def _by_size(thing: Thing) -> tuple[int, str]:
    return -len(thing.sentences), thing.name


# --- characters ------------------------------------------------------------------------------------

def _characters(index: Index) -> list[Character]:
    """One character per person quoted: spellings of a full name joined across articles (by their
    skeleton, `Sarmed`/`Sarmad`), a short form left over ("Mr Blair" where no full name was given)
    joined to the most quoted full name with that surname (spelt alike, `Abbot`/`Abbott`; by its
    skeleton only in an article of theirs: "Mr Wang" is no "Eddie Wong"). A speaker with no
    person's shape (`names.person_shaped`), no title and no role is no character: "Really Simple
    Syndication", "Seibu Railways"."""
    lower = lru_cache(maxsize=None)(lambda word: index.written_lower(word))
    said: dict[str, list[int]] = defaultdict(list)
    written_as: dict[str, tuple[str, str]] = {}  # a name → how it was written with the role opening it
    for sent in range(len(index)):
        if (speaker := index.speaker_of(sent)) is not None:
            if split := lead_role(speaker, lower):  # "Referee Graham Poll" is Graham Poll
                written_as[split[1]] = (speaker, split[0])
                speaker = split[1]
            said[speaker].append(sent)
    people: dict[str, Character] = {}  # skeleton of the name → character

    def join(key: str, name: str, sentences: list[int]) -> None:
        if key in people:
            people[key].absorb(Character(name, sentences=sentences))
        else:
            people[key] = Character(name, sentences=list(sentences))

    short: list[tuple[str, PersonName]] = []
    for name, sentences in sorted(said.items(), key=lambda kv: -len(kv[1])):
        person = person_name(name) or PersonName(name)
        if person.full:
            join(skeleton(name_key(person.name)), name, sentences)
        else:
            short.append((name, person))
    by_surname: dict[str, list[Character]] = defaultdict(list)
    for c in people.values():
        by_surname[skeleton(name_key(c.name.split()[-1]))].append(c)
    for name, person in short:
        articles = {int(index.sent_article[s]) for s in said[name]}
        owners = [c for c in by_surname.get(skeleton(name_key(person.surname)), [])
                  if _merge_key(c.name.split()[-1]) == _merge_key(person.surname)
                  or not articles.isdisjoint(int(index.sent_article[s]) for s in c.sentences)]
        if owners and person.name == person.surname:
            max(owners, key=lambda c: len(c.sentences)).absorb(Character(name, sentences=said[name]))
        else:
            join(skeleton(name_key(person.name)), name, said[name])
    characters = list(people.values())
    for c in characters:
        if len(c.name.split()) > 1:  # the surname alone: "Al-Bayati", "Blair"
            c.variants.add(c.name.split()[-1])
        c.variants.discard(c.name)
    _give_roles(index, characters)
    for c in characters:
        for name in [n for n in c.names() if n in written_as]:
            c.variants.add(written_as[name][0])
            c.role = c.role or written_as[name][1]
    return [c for c in characters if c.role or _titled(c) or person_shaped(c.name, lower)]


def _titled(character: Character) -> bool:
    """Whether any of a character's names is written with a title: "Mr Sridharan", "Lord Currie"."""
    return any(getattr(person_name(n), "titled", False) for n in character.names())


def _give_roles(index: Index, characters: list[Character]) -> None:
    """Each character's commonest role in the text (first spelling seen), looked for only in the
    sentences that name someone quoted; a role opening a sentence ("Arsenal boss Arsene Wenger"), set
    in lower case by attribution, keeps the capital the corpus writes it with within sentences, and
    never otherwise ("Arsenal boss", but "security expert", "web usability expert")."""
    owner = {name_key(n): c for c in characters for n in c.names()}
    surnames = {_WORD.findall(c.name)[-1] for c in characters if _WORD.findall(c.name)}
    roles: dict[int, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[int, str], str] = {}
    for sent in range(len(index)):
        text = index.text_of(sent)
        if surnames.isdisjoint(_WORD.findall(text)):
            continue
        for written, role in roles_in(text):
            person = person_name(written)
            c = owner.get(name_key(person.name)) if person else None
            if c is not None:
                key = name_key(re.sub(r"^(?:former|Former)\s+", "", role))
                roles[id(c)][key] += 1
                first.setdefault((id(c), key), role)
    for c in characters:
        if roles[id(c)]:
            key, _ = roles[id(c)].most_common(1)[0]
            role = first[(id(c), key)]
            head = role.split()[0]
            capital = head.isalpha() and head.islower() and _named_inside(index, head) and not index.written_lower(head)
            c.role = role[:1].upper() + role[1:] if capital else role


# --- places and organisations --------------------------------------------------------------------

_LOWER_ORG_WORDS = ("coalition", "party", "union", "committee", "council", "agency", "alliance", "movement")
_CONNECTED = LazyPattern(rf"(?<![\w'\u2019-])(?:[A-Z][\w'\u2019-]*)(?:\s+(?:(?:of|for|de|al|el)(?:\s+the)?\s+|and\s+)?"
                        rf"(?:[A-Z][\w'\u2019-]*|al-[A-Z][\w'\u2019-]*))*"
                        rf"(?P<lower>\s+(?:{'|'.join(_LOWER_ORG_WORDS)})\b)?")
_COMMITTEE = LazyPattern(rf"(?P<body>{NAME})(?:\s+[a-z][a-z-]+){{1,4}}\s+committee\b")  # "Commons trade committee"
_PARENTHESIS = LazyPattern(rf"(?P<long>{NAME}(?:\s+(?:of|for|and|the)\s+{NAME})*)\s+\((?P<short>[A-Z][A-Za-z]{{1,7}})\)")
_ACRONYM = LazyPattern(r"(?<![\w-])[A-Z][A-Z&]{1,6}(?![\w-])")
_COMPASS = LazyPattern(r"\b(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+"
                      r"(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)", re.I)
_COMPASS_HINT = LazyPattern(r"north|south|east|west|central", re.I)  # cheaper than _COMPASS, tried first
_CONSTITUENCY = LazyPattern(rf"\b(?:(?:MP|MEP|MSP|AM|Parliament)\s+for|(?:seat|constituency)\s+of)\s+"
                           rf"(?P<name>{NAME}(?:\s+and\s+{NAME})?)")
_BORDER = LazyPattern(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+border)\b")
_PREPOSITION = LazyPattern(rf"\b(?:in|at|near|outside|across)\s+(?P<name>{NAME})")
_KIND_BEFORE = LazyPattern(rf"\b(?P<kind>[a-z]+)\s+(?P<name>{NAME})")  # "security firm Symantec"
_ORG_WORD_AFTER = LazyPattern(r"\s+(?P<word>[A-Z][a-z]+)\b")
_STAFF = frozenset("staff workers employees".split())


def _place_patterns() -> list[tuple[str, LazyPattern]]:
    """`lexicon/place_words.txt` as (cue word, regular expression with the place in group "name");
    a sentence without the cue word is not searched, and a pattern is compiled when first searched with."""
    run = rf"(?:[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*)(?:\s+(?:[Aa]l-|[Ee]l-)?[A-Z][\w'\u2019-]*){{0,3}}"
    patterns = []
    for line in PLACE_PATTERNS:
        fixed = line.replace("*", "").strip()
        cue = re.escape(fixed.strip("()"))
        if line.startswith("*"):
            body = rf"(?P<name>{run})\s+{cue}\b" if fixed.startswith("(") else rf"(?P<name>{run}\s+{cue})\b"
        else:
            body = rf"\b{cue}\s+(?P<name>{run})" if fixed.startswith("(") else rf"\b(?P<name>{cue}\s+{run})"
        patterns.append((fixed.strip("()"), LazyPattern(rf"(?<![\w'\u2019-]){body}")))
    return patterns


_PLACE_PATTERNS = _place_patterns()


@dataclass
class _Names:
    """Names of one kind found so far: a key of each spelling → its group; groups keep order."""
    groups: list[list[str]] = field(default_factory=list)
    key_group: dict[str, int] = field(default_factory=dict)

    def add(self, *names: str) -> None:
        """These names are one thing (joined to whatever group any of them is already in)."""
        names = tuple(n for n in names if n)
        found = sorted({self.key_group[k] for k in map(_merge_key, names) if k in self.key_group})
        if not found:
            self.groups.append([])
            found = [len(self.groups) - 1]
        target = found[0]
        for other in found[1:]:  # two groups turn out to be one
            self.groups[target].extend(self.groups[other])
            for n in self.groups[other]:
                self.key_group[_merge_key(n)] = target
            self.groups[other] = []
        for n in names:
            if n not in self.groups[target]:
                self.groups[target].append(n)
            self.key_group.setdefault(_merge_key(n), target)

    def group_of(self, name: str) -> int:
        return self.key_group[_merge_key(name)]

    def __contains__(self, name: str) -> bool:
        return _merge_key(name) in self.key_group


@lru_cache(maxsize=200_000)
def _merge_key(name: str) -> str:
    """Spellings that are one name: folded, and doubled letters single (`Assad` = `Asad`), except
    in a word written in capitals: `IEEE` is not `IE`, `BBA` not `BA`, `NTT` not `NT`."""
    capitals = {name_key(w) for w in re.split(r"[\s-]+", name) if len(w) > 1 and w.replace(".", "").isupper()}
    return " ".join(w if w in capitals else re.sub(r"(.)\1+", r"\1", w) for w in name_key(name).split())


_COMPASS_WORDS = frozenset({"North", "South", "East", "West"})
_CUE_WORDS = frozenset(w for line in PLACE_PATTERNS for w in fold(line.replace("*", "").strip("() ")).split())


@lru_cache(maxsize=200_000)
def _trim(name: str) -> str:
    """A found name without the words around it: openers ("The", "In"), possessors ("London's"),
    and connectors left at either end."""
    name = re.sub(r"['\u2019]s?$", "", re.sub(r"^.*['\u2019]s\s+", "", name.strip()))
    words = name.split()
    while words and ((words[0] in NOT_NAMES and words[0] not in _COMPASS_WORDS)
                     or words[0].lower() in ("the", "of", "and")):
        words = words[1:]
    while words and words[-1].lower() in ("of", "and", "the", "for", "on", "de", "al", "el"):
        words = words[:-1]
    return " ".join(words).strip(",.;:'\u2019")


def _places_and_organisations(index: Index, characters: list[Character], common: set[str]
                              ) -> tuple[list[Place], list[Organisation]]:
    """Every place and organisation the gazetteers know (kept later only if named), the outlets,
    and those the patterns find in the sentences, with their spellings and short forms joined."""
    people = {name_key(n) for c in characters for n in c.names()}  # no place is named after someone
    full_names = {name_key(c.name) for c in characters}  # and no organisation is someone
    places, orgs = _Names(), _Names()
    for gazetteer, names in ((PLACES, places), (ORGANISATIONS, orgs)):
        for name, variants in gazetteer.variants.items():
            names.add(name, *variants)
    for article in index.articles:
        if article.outlet:
            orgs.add(article.outlet)
    org_articles: dict[str, set[int]] = defaultdict(set)  # where each organisation's name is found
    after_preposition: Counter[str] = Counter()
    employers: Counter[str] = Counter()  # "security expert at Energis", "security firm Symantec": firms, not places
    by_pattern: set[str] = set()
    bare: set[str] = set()  # acronyms found not written as an organisation somewhere
    shaped: Counter[str] = Counter()  # how often an acronym is written as an organisation
    terms: set[str] = set()  # acronyms of what the corpus writes in lower case: techniques, not bodies
    things: Counter[str] = Counter()  # how often it is written as a kind of thing ("an FM transmitter") or no name
    sites: Counter[str] = Counter()  # how often as the name of a site ("at RAF Fairford")
    speakers = {name_key(s) for s in index.speakers}
    written_lower = lru_cache(maxsize=None)(lambda name: index.written_lower(name, phrase=True))
    for sent in range(len(index)):
        text = index.text_of(sent)
        by_pattern.update(_places_in(text))
        sites.update(_merge_key(word) for word in _sites_in(text))
        for names, acts in _organisations_in(text):
            if len(names) == 2 and not ORGANISATIONS.get(names[0]) and written_lower(names[0]):
                terms.add(_merge_key(names[1]))  # "Really Simple Syndication (RSS)", "really simple syndication"
                continue
            if names[0].isupper() and (ORGANISATIONS.get(names[0]) or name_key(names[0]) in speakers):
                acts = True
            if not any(name_key(n) in full_names for n in names):
                orgs.add(*names)
                for n in names:
                    org_articles[_merge_key(n)].add(int(index.sent_article[sent]))
                if len(names) == 1 and names[0].isupper():
                    key = _merge_key(names[0])
                    if acts:
                        shaped[key] += 1
                    else:
                        bare.add(key)
                        things[key] += acts is False or (len(names[0]) > 3 and written_lower(names[0]))
        for m in _PREPOSITION.finditer(text):
            (employers if _employed_at(text, m) else after_preposition)[_trim(m.group("name"))] += 1
        employers.update(_trim(m.group("name")) for m in _KIND_BEFORE.finditer(text) if is_org_kind(m.group("kind")))
    # a body once is a body: "KA has", "from BT", "at RAF Fairford"
    bare = {key for key in bare if things[key] and not (shaped[key] or sites[key])}
    bare |= terms
    lower = lru_cache(maxsize=None)(lambda word: not analyze(word) or index.written_lower(word))  # "Just", "monsters"
    for name in sorted(by_pattern):  # "Harir base", not "Just Add Monsters base", "US base"
        if PLACES.get(name) or not all(lower(w) for w in _core(name)):
            places.add(name)
    for name, n in after_preposition.items():  # "in Sedgefield", twice: a place, if it is nothing else
        if n >= 2 and name not in orgs and name not in places and name_key(name) not in people and name not in employers \
                and _unknown_place(name, common) and not index.written_lower(name) and 2 * n >= _mentions(index, name):
            places.add(name)
    _join_acronyms(orgs, org_articles)
    _join_cue_less(orgs)
    place_list = [_thing(Place, g, PLACES) for g in places.groups if g]
    org_list = [_thing(Organisation, g, ORGANISATIONS) for g in orgs.groups if g
                if not any(name_key(n) in full_names or n in places for n in g)
                and not all(_merge_key(n) in bare for n in g)]
    _join_same_core(place_list)
    _join_borders(place_list)
    return place_list, org_list


def _org_word_after(text: str, end: int) -> bool:
    """Whether an organisation word follows: "US District Court" names the court, not a district."""
    after = _ORG_WORD_AFTER.match(text, end)
    return bool(after) and after.group("word") in ORG_WORDS


def _employed_at(text: str, m: re.Match[str]) -> bool:
    """Whether "at X" says whom someone works for: a role a few words before it ("security expert at
    Energis", "vice president for entertainment at Nokia", "80 staff at Argonaut headquarters")."""
    if not m.group().startswith("at"):
        return False
    before = re.findall(r"[\w'-]+", text[max(0, m.start() - 60):m.start()])[-6:]
    return any(is_role_word(w) or w.lower() in _STAFF for w in before)


def _places_in(text: str) -> Iterator[str]:
    """Places a sentence names by a pattern: `Harir base`, `Camp Victoria`, `MP for Tatton`,
    `northeastern Syria`, `the Iraqi-Syrian border`."""
    for cue, pattern in _PLACE_PATTERNS:
        if cue in text:
            yield from (name for m in pattern.finditer(text) if _place_like(name := _trim(m.group("name")))
                        and not _org_word_after(text, m.end()))
    if " for " in text or " of " in text:
        yield from (name for m in _CONSTITUENCY.finditer(text) if _place_like(name := _trim(m.group("name"))))
    if "border" in text:
        yield from (m.group("name") for m in _BORDER.finditer(text) if m.group("name").split()[0] not in NOT_NAMES)
    if _COMPASS_HINT.search(text):
        yield from (m.group() for m in _COMPASS.finditer(text) if PLACES.get(m.group("place")))


def _organisations_in(text: str) -> Iterator[tuple[tuple[str, ...], bool | None]]:
    """Organisations a sentence names, each with its short form when it gives one:
    `Kurdistan Workers' Party (PKK)`, `Supreme Military Committee`, `NATO`; and whether it is
    written as an organisation here (`_acts`: a bare acronym may be a product or a technique)."""
    for m in _PARENTHESIS.finditer(text) if "(" in text else ():
        if long := _defined(_trim(_after_role(m.group("long"))), m.group("short")):
            yield (long, m.group("short")), True
    for m in _CONNECTED.finditer(text):
        if name := _organisation(m.group(), m.group("lower")):
            yield (name,), True
    for m in _COMMITTEE.finditer(text) if "committee" in text else ():
        if ORGANISATIONS.get(m.group("body")):
            yield (m.group(),), True
    for m in _ACRONYM.finditer(text) if not _shouted(text) else ():
        word = m.group()
        if not (_no_acronym(text, m) or _NAME_GOES_ON.match(text, m.end())):
            if (spelt := _SPELT_AFTER.match(text, m.end())) and spelt_by(word, long := spelt.group("long")) == long \
                    and any(is_org_word(w) for w in long.split()):
                yield (long, word), True  # "AAAS (American Association for the Advancement of Science)"
            else:
                yield (word,), _acts(text, m.start(), m.end())
        elif _NAME_GOES_ON.match(text, m.end()) and (after := _AFTER.match(text, m.end())) \
                and is_role_word(after.group("word")) and re.match(r"\s+[A-Z][a-z]", text[after.end():]):
            yield (word,), True  # "SMFG President Yoshifumi Nishikawa"


def _no_acronym(text: str, m: re.Match[str]) -> bool:
    """Whether capitals found by _ACRONYM are no organisation's acronym: a word that is no name, a
    place, a role, a Roman numeral, part of a line in capitals."""
    word = m.group()
    return bool({word, word.title()} & NOT_NAMES or PLACES.get(word) or is_role_word(word) or word.endswith("&")
                or _ROMAN.fullmatch(word) or _SHOUTED_BEFORE.search(text, 0, m.start()))


def _sites_in(text: str) -> Iterator[str]:
    """Acronyms written as the name of a site someone goes to or is at: "landed at RAF Northolt",
    "near RAF Fairford" (a base named for the body that runs it). Alone that is no body ("at JP
    Morgan", "to JRR Tolkien" are one name); an acronym also written alone is one."""
    for m in _ACRONYM.finditer(text) if " at " in text or " to " in text or " near " in text or " from " in text else ():
        if _SITE.match(text, m.end()) and _TO_A_SITE.search(text, 0, m.start()) and not _no_acronym(text, m):
            yield m.group()


_SITE = LazyPattern(r"\s+[A-Z][a-z]{2,}(?![\w-])(?!\s+\d)")  # "RAF Fairford", not "LMA Manager 2005"
_TO_A_SITE = LazyPattern(r"\b(?:at|near|to|from)\s+$")


_ROMAN = LazyPattern(r"[IVXLC]+")  # "Edward III", "World War II"
_NAME_GOES_ON = LazyPattern(r"\s*(?:[A-Z0-9]|-\d|\.\d)")  # "LMA Manager 2005", "EOS 300D", "RFC Waalwijk": part of a name
_SHOUTED_BEFORE = LazyPattern(r"(?<![\w-])(?!(?:US|UK|EU)\s)[A-Z]{2,}\s+$")  # "WEST PALM BEACH", "HOPE AND LOSS"
_SAYS = frozenset("said says say told added announced claimed warned confirmed denied reported insisted stated "
                  "argued wants plans".split())
_CLAUSE_VERBS = frozenset("is was are were has had have will would could can should did does may might must".split())
_AFTER = LazyPattern(r"(?P<own>['\u2019]s)?\s+(?:[a-z]+ly\s+)?(?P<word>[\w-]+)")
_NOUN_PHRASE_ENDS = LazyPattern(r"(?:['\u2019]s)?(?:[,.;:)]|\s+(?:and|or|as|in|on|at|to|for|of|with|by|from)\b)")
_BEFORE = LazyPattern(r"(?P<word>[\w'\u2019-]+)(?:\s+the)?\s*\(?$")
_APPOSITION = LazyPattern(r",\s+(?P<words>[^,;:()\"\u201c\u201d]{3,80}?)(?:,|\.|$)")


_SPELT_AFTER = LazyPattern(rf"\s+\((?P<long>{NAME}(?:\s+(?:of|for|and)(?:\s+the)?\s+{NAME})*)\)")
def _acts(text: str, start: int, end: int) -> bool | None:
    """Whether an acronym is written as an organisation here: a role, an organisation word or a verb
    after it ("ABD president Thadao Chino", "NUJ official", "KA has", "MSN introduced"), its
    possessive ("MTV's Asia Aid"), a kind of body or a role before it or in its apposition
    ("research group ISAE", "cable operators NTL", "RHB, Malaysia's third-biggest lender"), a
    place's possessive ("Italy's TIM"), or whom a role works at, for or of ("analyst at IDC").
    False where it is written as a thing's kind or no name: before a common noun or after "a"
    ("an FM transmitter", "DAB sets", "the LCD panel market"), "known as" or "called" it, after
    a number or a model ("500 MW", "C180 SE"), a currency ("HK$327m"); None where neither shows
    ("from BT", "HMV, Monsoon, Jessops")."""
    if re.search(r"\w*\d\w*\s+$", text[max(0, start - 12):start]):
        return False  # a model's trim ("C180 SE"), a unit ("500 MW"): whatever is said of it is said of the model
    if after := _AFTER.match(text, end):
        w = after.group("word")
        if after.group("own") or _role_holder(text, after) or is_org_word(w) or is_org_kind(w) or w in _SAYS or w in _CLAUSE_VERBS \
                or (w.endswith("ed") and w.islower()) or w in IRREGULAR:
            return True
    if (apposition := _APPOSITION.match(text, end)) and (
            any(is_org_kind(w) for w in apposition.group("words").split())
            or PLACES.get(re.sub(r"['\u2019]s$", "", apposition.group("words").split()[0]))
            and re.match(r"\S+['\u2019]s\s", apposition.group("words"))):
        return True
    if not (before := _BEFORE.search(text, 0, start)):
        return _named_as_thing(text, start, end, "", "")
    word = before.group("word")
    if before.group().endswith(("the ", "The ")) and _NOUN_PHRASE_ENDS.match(text, end):
        return True  # "the GLA as it did", "the NSPCC and Make Trade Fair", "PBS, the NBA,"
    if text[start - 1:start] == "(" and (is_org_kind(w := text[:start - 1].split()[-1]) or is_org_word(w)):
        return True  # "Dutch football federation (KNVB)"
    if is_org_kind(word) or is_org_word(word) or is_role_word(word) or (re.search(r"['\u2019]s$", word) and PLACES.get(word[:-2])):
        return True
    words = re.findall(r"[\w'-]+", text[max(0, before.start() - 60):before.start()])[-5:]
    if word in ("at", "for", "of", "from", "with") and any(is_role_word(w) for w in words):
        return True
    return _named_as_thing(text, start, end, word, before.group())


def _role_holder(text: str, after: re.Match[str]) -> bool:
    """Whether the words after an acronym are one of its people: a role in the singular before a
    name or a verb of speech ("ABD president Thadao Chino", "a TIM spokesman said"), not the
    people of a field ("AI researchers", "AI experts are")."""
    word = fold(after.group("word"))
    then = re.match(r"\s+(?P<next>[\w-]+)", text[after.end():])
    return word in ROLE_WORDS and bool(then) and (then.group("next")[:1].isupper() or then.group("next") in _SAYS)


_DATELINE = LazyPattern(r"\s*(?:[\u2013\u2014]|-\s|,\s+[A-Z][a-z]+\s+\()")  # "KOBE – …", "LONDON, England (AP)"


def _named_as_thing(text: str, start: int, end: int, word: str, before: str) -> bool | None:
    """False where an acronym is written as a kind of thing or as no name (see `_acts`; also a
    dateline, "KOBE – A total of 6,000 surgical masks…", or a line of its own, "(FILE)"), else None."""
    after = _AFTER.match(text, end)
    if _DATELINE.match(text, end) and not text[:start].strip("( ") or text.strip("() .") == text[start:end] \
            or text[end:end + 1] == "$" or any(c.isdigit() for c in word) or fold(word) in ("a", "an") \
            or re.search(r"\b(?:known as|called)\s+(?:the\s+)?$", text[max(0, start - 20):start]) \
            or (after and not after.group("own") and after.group("word").islower() and after.group("word") not in STOP_WORDS
                and not after.group().split()[0].endswith("ly") and not before.endswith(("the ", "The "))):
        return False
    return None


def _shouted(text: str) -> bool:
    """A line in capitals ("THE LEGEND OF ZELDA"): its capitals are no acronyms."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 10 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _defined(long: str, short: str) -> str | None:
    """The name `Long (SHORT)` defines, if it is one: the end of the long form that the short one
    spells ("Called Global System for Mobiles (GSM)"), or, for a short form in capitals that spells
    another language's words ("Kurdistan Workers' Party (PKK)"), a long form ending with a cue word.
    "Romola Garai (Calico)", "Damien Traille (Biarritz)": a film, a club, no definition."""
    spelt = spelt_by(short, long)
    if spelt is None and short.isupper() and long.split()[-1:] and long.split()[-1] in ORG_WORDS:
        spelt = long
    return spelt if spelt and len(spelt.split()) > 1 and not PLACES.get(spelt) else None


def _unknown_place(name: str, common: set[str]) -> bool:
    """A name found only after "in"/"at" may be a place if it is no common word, adjective,
    organisation, acronym (nor its plural: "on PCs"), possessive or titled person."""
    words = name.split()
    return (bool(words) and not re.fullmatch(r"[A-Z]{2,}s", name) and words[0] not in NOT_NAMES
            and name_key(name).split()[-1] not in common
            and not any(w in ORG_WORDS or _demonym(w) or w.isupper() for w in words)
            and not re.search(r"['\u2019]s?$", name) and not getattr(person_name(name), "titled", False))


def _core(name: str) -> list[str]:
    """A place's words other than its cue words: "Harir" of "Harir base", "Just Add Monsters" of "Just Add Monsters base"."""
    return [w for w in re.split(r"[\s-]+", name) if w and fold(w) not in _CUE_WORDS and fold(w) not in ("al", "el", "of")]


def _mentions(index: Index, name: str) -> int:
    """How often `name` is written as a name of its own (not inside a longer one: "South Korea",
    "Texas Instruments", "California-based"): a game the articles name 11 times, twice "in
    Painkiller", is no place; a town named mostly after "in" may be."""
    terms = [index.term_id[t] for t in analyze(name) if t in index.term_id]
    if not terms:
        return 0
    written = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-]|\s+[A-Z])")
    rarest = min(terms, key=lambda t: len(index.postings(t)[0]))
    return sum(1 for sent in index.postings(rarest)[0] for text in [index.text_of(int(sent))]
               for m in written.finditer(text) if not re.search(r"[A-Z][\w'\u2019.-]*\s+$", text[:m.start()]))


def _named_inside(index: Index, word: str) -> bool:
    """Whether the corpus writes a word capitalised after a sentence's first word ("the Arsenal boss")."""
    term = index.term_id.get(next(iter(analyze(word)), ""))
    inside = re.compile(rf"\w[\s,;:]+{re.escape(word.capitalize())}\b")
    return term is not None and any(inside.search(index.text_of(int(sent))) for sent in index.postings(term)[0])


_HEAD_WORDS = frozenset(head.split()[0] for head in ORG_HEADS)  # "Ministry", "Department"…


def _organisation(run: str, lower: str | None) -> str | None:
    """The organisation a capitalised run names, by its cue words: "Syrian Democratic Forces",
    "Ministry of Defence", "Inherent Resolve coalition"; None when it has none."""
    if not lower and run.split()[-1] not in ORG_WORDS and _HEAD_WORDS.isdisjoint(run.split()):
        return None  # no cue word at all: most runs, so say so first
    run = re.sub(r"^.*['\u2019]s\s+", "", run.removesuffix(lower or ""))  # "the UK's Department for…"
    words = _trim(_after_role(run)).split()
    if len(words) > 1 and words[0].isupper() and words[1] in ("for", "of", "and"):
        return None  # "ICM for BBC News": two names, not one
    if lower and words and not (len(words) == 1 and (_demonym(words[0]) or words[0] in NOT_NAMES)):
        return " ".join([*words, lower.strip()])
    if len(words) > 1 and (words[-1] in ORG_WORDS or " ".join(words[:2]) in ORG_HEADS):
        return " ".join(words)
    return None


def _after_role(run: str) -> str:
    """"Commander-in-Chief of the Iraqi Armed Forces" names the forces, not a body."""
    m = re.match(r"^(?P<head>[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?)\s+of\s+(?:the\s+)?(?P<rest>.+)$", run)
    if m and any(is_role_word(w) for w in re.split(r"[\s-]", m.group("head"))):
        return m.group("rest")
    return run


def _place_like(name: str) -> bool:
    """Not an organisation, an adjective, a possessive or a sentence opener: "Tory seat" is no place."""
    words = name.split()
    core = [w for w in words if fold(w) not in _CUE_WORDS]
    return bool(core) and not (ORGANISATIONS.get(name) or words[0] in NOT_NAMES or fold(words[0]) in TITLES
                               or not core[0][:1].isupper() or all(_demonym(w) for w in core)
                               or words[-1] in ORG_WORDS)


def _demonym(word: str) -> bool:
    """`Iraqi`, `Turkish`, `American`, `Syrian`: adjectives of a place, not names."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:i|ish|ian|ean|ese|an|ic)(?:-[A-Z][a-z]+)?", word)) and not PLACES.get(word)


def _lowercase_words(index: Index) -> set[str]:
    """Words the corpus writes in lower case: a capitalised one of them is not a name."""
    return {fold(w) for w in index.surface if w[:1].islower()}


def _join_acronyms(orgs: _Names, articles: dict[str, set[int]]) -> None:
    """`SDF` is `Syrian Democratic Forces` when its letters are the initials of exactly one name
    written in an article that writes it too (`articles`: a name's merge key → the articles it is
    found in), and no long form it spells is known for it already. Across a corpus, initials say
    little: the tech folder's "DS" (Nintendo's) is not the "Digital Society" of another story, nor
    its "LG" the "Lenovo Group"."""
    initials: dict[str, list[str]] = defaultdict(list)
    for group in orgs.groups:
        for name in group:
            words = [w for w in re.split(r"[\s-]+", name)
                     if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for")]
            if len(words) > 1:
                initials["".join(w[0] for w in words)].append(name)
    for acronym in [n for group in orgs.groups for n in group if n.isupper() and n in initials]:
        own = orgs.groups[orgs.group_of(acronym)]
        if any(n != acronym and spelt_by(acronym, n) == n for n in own):
            continue  # defined already: "Ultra Wideband (UWB)" is no "Universal and Warner Brothers"
        seen = articles.get(_merge_key(acronym), set())
        owners = {orgs.group_of(n) for n in initials[acronym]
                  if not seen.isdisjoint(articles.get(_merge_key(n), ()))} - {orgs.group_of(acronym)}
        if len(owners) == 1:
            orgs.add(orgs.groups[owners.pop()][0], acronym)


def _join_cue_less(orgs: _Names) -> None:
    """`Shafaq News` is `Shafaq News Agency`: the same name less its last cue word."""
    for group in list(orgs.groups):
        for name in list(group):
            words = name.split()
            if len(words) > 2 and words[-1] in ORG_WORDS and " ".join(words[:-1]) in orgs:
                orgs.add(name, " ".join(words[:-1]))


def _thing(kind: type[Place] | type[Organisation], group: list[str], gazetteer: Gazetteer) -> Place | Organisation:
    """A thing from a group of names: the gazetteer's name if it knows one, else the longest
    spelling seen first."""
    known = next((gazetteer.get(n) for n in group if gazetteer.get(n)), None)
    name = known or max(group, key=lambda n: (not n.isupper(), len(n.split()), -group.index(n)))
    return kind(name, set(group) - {name})


def _join_same_core(places: list[Place]) -> None:
    """`Camp Victoria` and `Victoria base` are one place: the same name under two cue words."""
    by_core: dict[str, Place] = {}
    for place in list(places):
        if PLACES.get(place.name):
            continue
        core = " ".join(w for w in name_key(place.name).split() if w not in _CUE_WORDS)
        if core == name_key(place.name) or not core:
            continue
        if core in by_core:
            by_core[core].absorb(place)
            places.remove(place)
        else:
            by_core[core] = place


def _join_borders(places: list[Place]) -> None:
    """`Iraqi border` is the `Iraqi-Syrian border` when that is the only border it can be."""
    borders = [p for p in places if p.name.lower().endswith(" border")]
    for place in borders:
        words = set(name_key(place.name).split())
        wider = [b for b in borders if b is not place and b in places and words < set(name_key(b.name).split())]
        if len(wider) == 1:
            wider[0].absorb(place)
            places.remove(place)


# --- where things are named --------------------------------------------------------------------

_WORD = LazyPattern(r"[\w'\u2019]+")


def _locate(index: Index, things: list[Thing], common: set[str], people: set[str]) -> None:
    """Each place's and organisation's sentences: where any of its names is written (the longest
    name at a position wins, so "Baghdad International Airport" is not also "Baghdad"). A name is
    matched as a name: capitalised, an acronym in capitals, a common word not at a sentence start,
    and not part of a person's name ("Mr Houston", "Bob Houston" among the `people`)."""
    lookup: dict[str, tuple[Thing, str]] = {}
    for thing in things:
        for n in sorted(thing.names(), key=lambda n: (len(n), n.isupper(), n)):  # "Opec" before "OPEC": either is matched
            key = _merge_key(n)
            if key and key not in lookup:
                lookup[key] = (thing, n)
    starts = {k.split()[0] for k in lookup}
    found: dict[int, set[int]] = defaultdict(set)
    telling = _telling(index)
    for sent in range(len(index)):
        if not telling[sent]:
            continue
        written = _WORD.findall(index.text_of(sent).replace("-", " "))
        words = [_merge_key(w) for w in written]
        i = 0
        while i < len(words):
            hit = 0
            if words[i] in starts:
                for n in range(min(MAX_NGRAM, len(words) - i), 0, -1):
                    entry = lookup.get(" ".join(words[i:i + n]))
                    if entry is not None and _written_as_name(written, i, n, entry[1], common, people):
                        found[id(entry[0])].add(sent)
                        hit = n
                        break
            i += hit or 1
    for thing in things:
        thing.sentences = sorted(found.get(id(thing), ()))


_ADDRESS = TITLES | PEERAGE  # words before a person's name: "Mr Houston" is no city
_ASKS = LazyPattern(r"[?!][\"'\u201d\u2019)\s]*$")  # ends with a question or an exclamation
_FIRST_PERSON = LazyPattern(r"\b(?:I|I'[a-z]+|I\u2019[a-z]+|my|me|mine)\b")


COMMENTS_SHARE = 0.6  # of the paragraphs ending an article, this many reading as comments make them readers' comments
COMMENTS_MIN = 3  # and at least this many


def _telling(index: Index) -> np.ndarray:
    """Which sentences may tell of a place or an organisation they name: quoted words, or
    statements (not a question or an exclamation: "What's an Apple Powerbook 100 ?",
    "Congratulations to Apple, a deserved win!", nor an "I" no one is quoted saying), and none of the readers' comments that end
    some stories: the last paragraphs of an article, from one reading as a comment on, when at
    least COMMENTS_MIN and COMMENTS_SHARE of them do ("Apple.. a triumph of fashion over... well
    everything else." among them)."""
    telling = np.ones(len(index), dtype=bool)
    for sent in range(len(index)):
        text = index.text_of(sent)
        quoted = index.speaker_of(sent) is not None or any(q in text for q in '"\u201c\u201d')
        telling[sent] = quoted or not (_ASKS.search(text) or _FIRST_PERSON.search(text))
    for article in range(len(index.articles)):
        first, end = int(index.article_first[article]), int(index.article_first[article + 1])
        paragraphs: dict[int, list[int]] = defaultdict(list)
        for sent in range(first, end):
            paragraphs[int(index.sent_para[sent])].append(sent)
        comments = total = 0
        tail = None
        for para in sorted(paragraphs, reverse=True):
            total += 1
            if not all(telling[s] for s in paragraphs[para]):
                comments += 1
                if comments >= COMMENTS_MIN and comments >= COMMENTS_SHARE * total:
                    tail = para
        for para in paragraphs if tail is not None else ():
            if para >= tail:
                telling[paragraphs[para]] = False
    return telling


def _written_as_name(written: list[str], i: int, n: int, name: str, common: set[str], people: set[str]) -> bool:
    first = written[i]
    if i and (fold_word(written[i - 1]) in _ADDRESS or name_key(f"{written[i - 1]} {first}") in people):
        return False  # "Mr Houston", "Bob Houston": a person
    if name.isupper():
        return " ".join(written[i:i + n]).replace(".", "") == name.replace(".", "").replace("-", " ")
    if name[:1].islower():
        return True
    return first[:1].isupper() and not (n == 1 and i == 0 and fold(first) in common)


def _link_exits(places: list[Place]) -> None:
    where: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        for sent in place.sentences:
            where[sent].append(place)
    for place in places:
        together = Counter(other.name for sent in place.sentences for other in where[sent] if other is not place)
        place.exits = [name for name, _ in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))][:MAX_EXITS]


# --- facts -------------------------------------------------------------------------------------

def facts(index: Index) -> np.ndarray:
    """The fact number of each sentence, facts numbered by their first sentence: each sentence its
    own fact, except that sentences of different articles saying the same thing (search's same-fact
    test) are one, with at most one sentence of each article. Only sentences written alike or
    sharing rare terms are compared, so the cost follows those pairs, not the square of the corpus."""
    parent = list(range(len(index)))
    merged: dict[int, set[int]] = {}  # a fact's first sentence → its articles, once it has two

    def root(s: int) -> int:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    def articles(r: int) -> set[int]:
        return merged.get(r) or {int(index.sent_article[r])}

    searcher = Searcher(index)
    for a, b in chain(_same_text_pairs(index), _candidate_pairs(index)):
        ra, rb = root(a), root(b)
        if ra == rb or not articles(ra).isdisjoint(articles(rb)):
            continue
        if searcher.same_fact(a, b):
            parent[rb] = ra
            merged[ra] = articles(ra) | articles(rb)
            merged.pop(rb, None)
    roots = np.fromiter((root(s) for s in range(len(index))), dtype=np.int64, count=len(index))
    return np.unique(roots, return_inverse=True)[1].astype(np.int32).reshape(-1)  # a root is its fact's first sentence


def _same_text_pairs(index: Index) -> Iterator[tuple[int, int]]:
    """Sentences written identically (agency copy, a story published twice), each with the first."""
    first: dict[int, int] = {}
    for sent in range(len(index)):
        key = hash(index.text_of(sent))
        if key in first:
            yield first[key], sent
        else:
            first[key] = sent


def _candidate_pairs(index: Index) -> Iterator[tuple[int, int]]:
    """Pairs of sentences of different articles sharing RARE_SHARED rare terms, most shared first."""
    df = np.diff(index.ptr)
    rare = np.nonzero((df >= 2) & (df <= RARE_DF))[0]
    if len(index.articles) < 2 or not len(rare):
        return iter(())
    lengths = df[rare]
    owner = np.repeat(np.arange(len(rare), dtype=np.int32), lengths)  # the rare term of each posting picked
    first = np.cumsum(lengths) - lengths  # where each rare term's postings start among those picked
    pick = index.ptr[rare][owner] + (np.arange(int(lengths.sum())) - first[owner])
    docs = index.docs[pick].astype(np.int64)
    firsts, seconds = [], []
    for k in range(1, RARE_DF):
        same = owner[:-k] == owner[k:]
        if not same.any():
            break
        firsts.append(docs[:-k][same])
        seconds.append(docs[k:][same])
    if not firsts:
        return iter(())
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    apart = index.sent_article[a] != index.sent_article[b]
    keys = np.minimum(a, b)[apart] * len(index) + np.maximum(a, b)[apart]
    pairs, shared = np.unique(keys, return_counts=True)
    keep = shared >= RARE_SHARED
    pairs, shared = pairs[keep], shared[keep]
    order = np.argsort(-shared, kind="stable")
    return ((int(p // len(index)), int(p % len(index))) for p in pairs[order])


# --- the world file ----------------------------------------------------------------------------

class WorldFileError(Exception):
    """A world file that cannot be read or does not have the documented shape."""


@dataclass(frozen=True)
class Entry:
    """One [[character]], [[place]] or [[organisation]] of a world file."""
    kind: type[Thing]
    name: str
    variants: tuple[str, ...] = ()
    role: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class WorldFile:
    entries: tuple[Entry, ...] = ()
    merges: tuple[tuple[str, ...], ...] = ()
    ignore: tuple[str, ...] = ()


_KINDS: dict[str, type[Thing]] = {"character": Character, "place": Place, "organisation": Organisation,
                                  "organization": Organisation}


def read_world_file(path: Path) -> WorldFile:
    """The world file at `path`, checked against the format in the module docstring."""
    try:
        raw = world_file_bytes(path)
        if len(raw) > MAX_WORLD_FILE_BYTES:
            raise WorldFileError(f"{path}: over {MAX_WORLD_FILE_BYTES // 1_000_000} MB, too large for a world file")
        data = tomllib.loads(raw.decode("utf-8-sig"))  # an editor's BOM is no part of it
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise WorldFileError(f"{path}: {e}") from None
    except RecursionError:  # arrays nested past Python's stack
        raise WorldFileError(f"{path}: nested too deeply") from None
    entries = []
    for section, kind in _KINDS.items():
        for item in _tables(data, section, path):
            name = _text(item.get("name"), f"{section} name", path)
            variants = _texts(item.get("variants", []), f"{section} variants", path)
            if len(variants) > MAX_VARIANTS:
                raise WorldFileError(f"{path}: {section} {name[:40]!r} has more than {MAX_VARIANTS} variants")
            for called in (name, *variants):
                _reachable(called, kind, section, path)
            entries.append(Entry(kind, name, variants,
                                 _text(item["role"], "role", path) if "role" in item else None,
                                 _text(item["description"], "description", path) if "description" in item else None))
    merges = tuple(_texts(item.get("names", []), "merge names", path) for item in _tables(data, "merge", path))
    return WorldFile(tuple(entries), merges, _texts(data.get("ignore", []), "ignore", path))


def _reachable(name: str, kind: type[Thing], section: str, path: Path) -> None:
    """A name a player can type to reach its thing: not punctuation alone (the parser drops it),
    and for a place not a name of the room a game starts in (`go` to it would go there)."""
    if not any(c.isalnum() for c in name):
        raise WorldFileError(f"{path}: {section} name {name[:40]!r} has no letter or digit, so no one can name it")
    if kind is Place and re.sub(r"^(?:the|a|an)\s+", "", name.casefold()) in START_ROOM_NAMES:
        raise WorldFileError(f"{path}: place name {name!r} is the name of the room a game starts in: "
                             "call the place otherwise")


def world_file_bytes(path: Path) -> bytes:
    """The world file's bytes, read no further than one byte past the longest a world file may be."""
    with path.open("rb") as f:
        return f.read(MAX_WORLD_FILE_BYTES + 1)


def _tables(data: dict, section: str, path: Path) -> list[dict]:
    tables = data.get(section, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise WorldFileError(f"{path}: [[{section}]] must be tables")
    return tables


def _text(value: object, what: str, path: Path) -> str:
    """A string of the world file, on one line (as names found in the articles are): a line break
    in a name or a description would start a line of its own wherever it is said."""
    if not isinstance(value, str) or not value.strip():
        raise WorldFileError(f"{path}: {what} must be a non-empty string")
    return " ".join(value.split())


def _texts(value: object, what: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise WorldFileError(f"{path}: {what} must be a list of strings")
    return tuple(_text(v, what, path) for v in value)


def apply_world_file(world_file: WorldFile, index: Index, characters: list[Character], places: list[Place],
                     organisations: list[Organisation]) -> None:
    """Name, describe, merge and drop things as a corpus's world file says (see the module docstring).
    Each entry finds its things by name in a lookup: the cost is entries + things + sentences."""
    kinds: dict[type[Thing], _ByName] = {Character: _ByName(characters), Place: _ByName(places),
                                         Organisation: _ByName(organisations)}
    said_by: dict[str, list[int]] | None = None  # speaker's name key → their sentences, made once if needed
    for entry in world_file.entries:
        names = [entry.name, *entry.variants]
        named = kinds[entry.kind]
        matches = named.find(names)
        if matches:
            thing = matches[0]
            for other in matches[1:]:
                thing.absorb(other)
                named.remove(other)
            if thing.name != entry.name:
                thing.rename(entry.name)
        else:
            thing = entry.kind(entry.name)
            if entry.kind is Character:
                if said_by is None:
                    said_by = {}
                    for s in range(len(index)):
                        said_by.setdefault(name_key(index.speaker_of(s) or ""), []).append(s)
                thing.sentences = sorted({s for key in {name_key(n) for n in names} for s in said_by.get(key, [])})
        thing.variants |= set(entry.variants)
        thing.variants.discard(thing.name)
        thing.description = entry.description or thing.description
        if isinstance(thing, Character) and entry.role:
            thing.role = entry.role
        named.add(thing)
    for names in world_file.merges:
        for named in kinds.values():
            matches: list[Thing] = []
            for n in names:
                thing = next(iter(named.find([n])), None)
                if thing is not None and all(thing is not m for m in matches):
                    matches.append(thing)
            for other in matches[1:]:
                matches[0].absorb(other)
                named.remove(other)
            if matches:
                named.add(matches[0])
    ignored = {_merge_key(n) for n in world_file.ignore}
    for named in kinds.values():
        named.keep(lambda t: not any(_merge_key(n) in ignored for n in t.names()))


class _ByName:
    """One kind's things by the merge keys of their names. Names only grow (a rename keeps the old
    name as a variant), so the keys stay true; a thing absorbed into another is marked gone."""

    def __init__(self, things: list[Thing]) -> None:
        self.things = things
        self.order = {id(thing): n for n, thing in enumerate(things)}  # things still there → their place
        self.by_key: dict[str, list[Thing]] = {}
        for thing in things:
            self._file(thing)

    def add(self, thing: Thing) -> None:
        """A new thing (appended), or one whose names grew."""
        if id(thing) not in self.order:
            self.order[id(thing)] = len(self.things)
            self.things.append(thing)
        self._file(thing)

    def _file(self, thing: Thing) -> None:
        for name in thing.names():
            bucket = self.by_key.setdefault(_merge_key(name), [])
            if all(t is not thing for t in bucket):
                bucket.append(thing)

    def find(self, names: Iterable[str]) -> list[Thing]:
        """The things still there known by any of these names, in list order."""
        found = {id(t): t for n in names for t in self.by_key.get(_merge_key(n), ()) if id(t) in self.order}
        return sorted(found.values(), key=lambda t: self.order[id(t)])

    def remove(self, thing: Thing) -> None:
        del self.order[id(thing)]

    def keep(self, wanted: Callable[[Thing], bool]) -> None:
        """The list made final: the things still there that are `wanted`, in order."""
        self.things[:] = [t for t in self.things if id(t) in self.order and wanted(t)]
