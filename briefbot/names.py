"""Names in news text: the shipped word lists (places, organisations, roles, cue words) and the
tests of what a capitalised phrase names, a person, a place or an organisation.

No NER model can be downloaded, so these are patterns, capitalisation and small lists in `lexicon/`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from briefbot.lexicon import is_word
from briefbot.text import LazyPattern, analyze, lexicon_lines, fold

# Titles dropped from a name ("Mr Blair" is Blair) and titles that are part of it ("Lord Falconer").
TITLES = frozenset("mr mrs ms miss dr prof professor sir dame rev rt hon gen general lt col capt "
                   "sgt adm sen rep gov president sheikh imam judge justice".split())
PEERAGE = frozenset("lord lady baroness baron bishop".split())
_FORMS_OF_ADDRESS = frozenset("mr mrs ms miss dr sir dame rt hon rev gen lt col capt sgt adm prof".split())  # not roles
PARTICLES = frozenset("al el bin ibn abu abd de del della der di du la le van von da dos".split())


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """One word folded, with a trailing full stop dropped ("Dr." is "dr"); cached, words repeat."""
    return fold(word).rstrip(".")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A name as compared: folded, hyphens as spaces, punctuation and a leading article gone."""
    name = re.sub(r"^(?:the|a|an)\s+", "", fold(name).strip())
    return " ".join(re.sub(r"[^\w\s]", "", name.replace("-", " ")).split())


def skeleton(key: str) -> str:
    """A transliteration-blind key: each word's first letter and its consonants, doubles collapsed,
    so `sarmed al bayati` = `sarmad al bayati` and `asad` = `assad`."""
    out = []
    for word in key.split():
        rest = re.sub(r"[aeiouy]", "", word[1:])
        out.append(re.sub(r"(.)\1+", r"\1", word[:1] + rest))
    return " ".join(out)


@dataclass
class Gazetteer:
    """Known names of one kind: every spelling (as a name_key) → the canonical name."""
    canonical: dict[str, str] = field(default_factory=dict)
    variants: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, lines: list[str]) -> Gazetteer:
        gaz = cls()
        for line in lines:
            names = [n.strip() for n in line.split("|") if n.strip()]
            gaz.variants[names[0]] = names[1:]
            for n in names:
                gaz.canonical.setdefault(name_key(n), names[0])
        return gaz

    def get(self, phrase: str) -> str | None:
        return self.canonical.get(name_key(phrase))


PLACES = Gazetteer.from_lines(lexicon_lines("places.txt"))
ORGANISATIONS = Gazetteer.from_lines(lexicon_lines("organisations.txt"))
# the countries and the regions of countries of the gazetteer, by canonical name: "which countries"
# asks for one of them ("Scandinavia" may be its answer), not a province or a city
COUNTRIES = frozenset(line.split("|")[0].strip() for heading in ("continents", "countries", "the UK's nations")
                      for line in lexicon_lines("places.txt", heading))


def is_country(name: str) -> bool:
    """Whether the gazetteer knows the name as a country's or a region of countries' ("Britain",
    "Wales", "Scandinavia"; not "Al-Anbar")."""
    return PLACES.get(name) in COUNTRIES


def gazetteer_name(word: str) -> str | None:
    """The place or organisation the shipped gazetteers know by this name ("Irak" → Iraq), if any."""
    return PLACES.get(word) or ORGANISATIONS.get(word)
ROLE_WORDS = frozenset(w.lower() for w in lexicon_lines("roles.txt"))
ORG_WORDS = frozenset(w for w in lexicon_lines("organisation_words.txt") if " " not in w)
ORG_HEADS = frozenset(w for w in lexicon_lines("organisation_words.txt") if " " in w)  # "Ministry of"
ORG_KINDS = frozenset(lexicon_lines("organisation_kinds.txt"))
NOT_NAMES = frozenset(lexicon_lines("not_names.txt"))
ORG_ADJECTIVES = frozenset(lexicon_lines("organisation_adjectives.txt"))
PLACE_PATTERNS = lexicon_lines("place_words.txt")


# A lower-case word between a name and the next name: its role there, if it is a role word ("Little
# Britain star Matt Lucas", "Aston Villa boss David O'Leary"), the first name's its employer.
ROLE_OF = LazyPattern(r"\s+([a-z][\w-]*)\s+(?=[A-Z])")


@lru_cache(maxsize=100_000)
def is_role_word(word: str) -> bool:
    w = fold(word).strip(",.'\"")
    return (w in ROLE_WORDS or (w.endswith("s") and w[:-1] in ROLE_WORDS)
            or (w.endswith("men") and w[:-3] + "man" in ROLE_WORDS))


@lru_cache(maxsize=100_000)
def is_org_word(word: str) -> bool:
    """A word that makes a phrase an organisation, capitalised or not: "Bank", "the German stock exchange"."""
    w = word.strip(",.'\"").title()
    return w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS) or bool(ORGANISATIONS.get(w))


def is_org_kind(word: str) -> bool:
    """A lower-case noun for a kind of organisation ("brokerage", "banks"): what comes right after
    it, or what an apposition ending with it describes, is not a person."""
    return word in ORG_KINDS or (word.endswith("s") and word[:-1] in ORG_KINDS)


@dataclass(frozen=True)
class PersonName:
    name: str  # as written, titles other than peerages dropped ("Lord Falconer", "Jean Corston")
    role: str | None = None  # role words written before it ("Labour MP", "Home Secretary")
    titled: bool = False  # written with a title (Mr, Dr, Lord…): a person even as one word

    @property
    def full(self) -> bool:
        """A first name and a surname ("Tony Blair"), not a short form ("Blair", "Lord Falconer")."""
        words = self.name.split()
        return len(words) > 1 and fold_word(words[0]) not in PEERAGE

    @property
    def peer(self) -> bool:
        """"Lord Falconer", "Baroness Scotland": named by title, never by surname alone."""
        return fold_word(self.name.split()[0]) in PEERAGE

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@lru_cache(maxsize=200_000)
def person_name(phrase: str) -> PersonName | None:
    """The person a capitalised phrase names, or None when it is not one: a place, an
    organisation, an acronym, a sentence opener. "Labour MP Jean Corston" is Jean Corston."""
    phrase = re.sub(r"^.*(?:['\u2019]s|s['\u2019])\s+(?=[A-Z])", "", phrase.strip())  # "Oxfam's", "Sky Networks'"
    phrase = re.sub(r"['\u2019]s?$", "", phrase)  # "Tony Blair's"
    words = phrase.split()
    first = next((w for w in words if w not in NOT_NAMES), "")  # "The British Government"
    if first in ORG_ADJECTIVES and not any(is_role_word(w) or fold_word(w) in TITLES for w in words):
        return None  # "British Telecom", "International Tennis Writers"; not "British Prime Minister Tony Blair"
    if len(words) > 2 and words[0] in ("The", "A", "An") and not any(fold_word(w) in TITLES for w in words):
        return None  # "The Da Vinci Code", "The film, A Different Story,": a title, never a person
    role: list[str] = []
    titled = False
    while words and (words[0] in NOT_NAMES or fold_word(words[0]) in TITLES
                     or is_role_word(words[0]) or (_modifier(words[0]) and not _first_name_of(words))):
        if fold_word(words[0]) in TITLES:
            titled = True
        if words[0] not in NOT_NAMES and fold_word(words[0]) not in _FORMS_OF_ADDRESS:
            role.append(words[0])
        words = words[1:]
    last_role = max((i for i, w in enumerate(words[:-1]) if is_role_word(w) or fold_word(w) in TITLES),
                    default=-1)
    if last_role >= 0:  # "Pensions Secretary Alan Johnson", "Welsh Health Minister Jane Hutt"
        titled = titled or fold_word(words[last_role]) in TITLES
        role.extend(w for w in words[:last_role + 1] if fold_word(w) not in _FORMS_OF_ADDRESS and w not in NOT_NAMES)
        words = words[last_role + 1:]
    while words and (is_role_word(words[-1]) or words[-1] in ("QC", "MP", "MEP", "MSP", "AM", "Jr", "Jnr")):
        words = words[:-1]
    if "of" in words and not (words and fold_word(words[0]) in PEERAGE and words.index("of") > 1):
        words = words[:words.index("of")]  # only a peer is "of" somewhere: "Lord Campbell of Alloway"
    if words and fold_word(words[0]) in PEERAGE:
        titled = True
        if len(words) == 1:
            return None
    if not words or len(words) > 5 or not _name_shaped(words):
        return None
    name = " ".join(words)
    if gazetteer_name(name):
        return None
    return PersonName(name, " ".join(role) or None, titled)


@lru_cache(maxsize=100_000)
def _modifier(word: str) -> bool:
    """A capitalised word that qualifies a role before a name: "Home", "Foreign", "Tory", "Labour"."""
    w = fold(word)
    return (w in ("home", "foreign", "prime", "shadow", "deputy", "former", "junior", "chief", "vice",
                  "attorney", "health", "education", "defence", "defense", "interior", "finance", "trade",
                  "culture", "environment", "transport", "justice", "security", "party", "state", "cabinet",
                  "tory", "labour", "conservative", "liberal", "lib", "dem", "dems", "democrat", "democratic", "green",
                  "republican", "independent", "opposition", "senior", "acting", "interim", "general")
            or bool(ORGANISATIONS.get(word)) or bool(PLACES.get(word)) or word.isupper() or w.endswith("-based")
            or _from_place(word))


def _first_name_of(words: list[str]) -> bool:
    """Whether the first of two words is a first name before its surname, though it names a place
    too: "Santiago Solari", "Sofia Coppola"; not where the second is an English word as well
    ("Sydney Harbour", "China Southern"), nor "Texas Rangers" (no surname)."""
    first_names, surnames = census_names()
    return (len(words) == 2 and words[0] in first_names and words[1] in surnames
            and not any(is_word(t) for t in analyze(words[1])) and not PLACES.get(" ".join(words)))


_DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ian", "y"), ("ans", "a"), ("an", "a"), ("ers", ""), ("er", ""),
                    ("ese", ""))


def _from_place(word: str) -> bool:
    """A word for someone from a known place: "Yorker" in "New Yorker Dick Morris", "Londoner", "Australian"."""
    return any(word.endswith(end) and len(word) > len(end) + 2 and PLACES.get(word[:-len(end)] + stem)
               for end, stem in _DEMONYM_ENDINGS)


@lru_cache(maxsize=1)
def census_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames (lexicon/first_names.txt, surnames.txt: tools/make_name_lists.py),
    read when a world is first built."""
    return frozenset(lexicon_lines("first_names.txt")), frozenset(lexicon_lines("surnames.txt"))


def person_shaped(name: str, written_lower: Callable[[str], bool]) -> bool:
    """Whether a speaker's name has a person's shape, not just capitals: it opens with a first
    name ("Bill Gates"), or ends with a surname after a word the corpus never writes in lower
    case (`written_lower`: "Joss Stone", not "High Street"), or none of its words is one the corpus
    writes in lower case or an organisation's cue word ("Ramdhan Yadav Kotamaraja"). "Really
    Simple Syndication", "Seibu Railways", "Bookmakers Ladbrokes" have none of these. Nor has a
    name ending in a body or a place of two words or more that the gazetteers know: "Presumptive
    Democratic White House" ("…White House nominee Joe Biden" read as a speaker's name)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and fold_word(w) not in PARTICLES]
    if not words or _ends_in_known_name(name.split()):
        return False
    first_names, surnames = census_names()
    return (words[0] in first_names or (words[-1] in surnames and not written_lower(words[0]))
            or not any(w in ORG_WORDS or written_lower(w) for w in words))


def _ends_in_known_name(words: list[str]) -> bool:
    return any(ORGANISATIONS.get(tail) or PLACES.get(tail) for tail in (" ".join(words[i:]) for i in range(len(words) - 1)))


def lead_role(name: str, written_lower: Callable[[str], bool]) -> tuple[str, str] | None:
    """(role, name) where a speaker's name opens with a word the corpus writes in lower case that is
    no first name, title or particle, before a first name: "Referee Graham Poll" is Graham Poll, a
    referee ("referee Graham Poll" elsewhere); "Farmer Geoff Brooks". "Bill Gates", "Grant Shapps",
    "Lord Falconer" keep their first word; "Ancient Greece", "Ed Lee" are none of it."""
    words = name.split()
    first_names, _ = census_names()
    opener = words[0].split("-")[0]
    if len(words) < 3 or words[0] in first_names or fold_word(opener) in TITLES | PEERAGE | PARTICLES \
            or not written_lower(opener) or words[1] not in first_names:
        return None
    return words[0].lower(), " ".join(words[1:])


def spelt_by(short: str, long: str) -> str | None:
    """The end of `long` that the short form `short` abbreviates, else None: the fewest last words
    holding its letters and digits in order, the first of them opening a word (Schwartz and
    Hearst's test, 2003). "Called Global System for Mobiles" (GSM) gives "Global System for
    Mobiles", "PlayStation Portable" (PSP) itself; "Romola Garai" (Calico) nothing."""
    letters = [c for c in fold(short) if c.isalnum()]
    words = long.split()
    if len(letters) < 2:
        return None
    tails = [" ".join(words[-k:]) for k in range(1, min(len(words), len(letters) + 5) + 1)]
    initials = next((t for t in tails if _initials(t) == letters), None)  # "Equal Employment…" (EEOC)
    return initials or next((t for t in tails if _abbreviates(letters, fold(t))), None)


def _initials(name: str) -> list[str]:
    return [fold(w)[0] for w in re.split(r"[\s-]+", name) if w and fold(w) not in ("of", "the", "and", "for", "&")]


def _abbreviates(letters: list[str], text: str) -> bool:
    at = len(text) - 1
    for n, letter in enumerate(reversed(letters)):
        opens = n == len(letters) - 1  # the short form's first letter opens a word of the long one
        while at >= 0 and (text[at] != letter or (opens and at > 0 and text[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True


def _name_shaped(words: list[str]) -> bool:
    """Capitalised words (Arabic and European particles allowed), none of them a cue word, an
    organisation's name, or an acronym."""
    for w in words:
        bare = w.strip(",.")
        if fold_word(bare) in PARTICLES or fold_word(bare.split("-")[0]) in PARTICLES and "-" in bare or bare == "of":
            continue
        if (not bare[:1].isupper() or bare in NOT_NAMES or bare in ORG_WORDS or (len(bare) > 1 and bare.isupper())
                or (bare.endswith("ies") and bare[:-3] + "y" in ORG_WORDS)  # "Red Crescent Societies"
                or ORGANISATIONS.get(bare)):  # "Arundel and South Downs Tories"
            return False
    return True
