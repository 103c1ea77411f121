"""Who says a sentence, and what they are: speech verbs, `according to X`, `X told <outlet>`,
role nouns (`the security expert said` is the security expert named in the article), and sentences
that carry on the last speaker's words (`He explains…`, an open quotation, a list after a colon).

Speakers are people only (`The governments of the United States and Iraq announced` has none), and
a short form is resolved within its article: `Al-Bayati` is the `Sarmed Al-Bayati` named there.
Joining spellings across articles is the world's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefbot.names import ORGANISATIONS, PLACES, PersonName, fold_word, is_role_word, name_key, person_name

_PARTICLE = r"(?:(?:[Aa]l|[Ee]l|bin|ibn|[Aa]bu|de|del|van|von|da|du|le|la)[-\s])"
_CAP = r"[A-Z][\w'\u2019\u0300-\u036f]*(?:-[A-Za-z][\w'\u2019\u0300-\u036f]*)*"  # combining accents too
NAME = rf"(?<![\w'\u2019-])(?:{_PARTICLE}?{_CAP})(?:\s+{_PARTICLE}?{_CAP}){{0,5}}(?:\s+of\s+{_CAP})?"  # "Lord X of Y"
_VERBS = (r"said|says|say|told|tells|tell|explain(?:s|ed|ing)?|points? out|pointed out|confirm(?:s|ed)?|"
          r"add(?:s|ed)?|not(?:es|ed)|stress(?:es|ed)?|emphasi[sz](?:e|es|ed)|clarif(?:y|ies|ied)|warn(?:s|ed)?|"
          r"argu(?:e|es|ed)|insist(?:s|ed)?|claim(?:s|ed)?|stat(?:es|ed)|announc(?:e|es|ed)|highlight(?:s|ed)?|"
          r"reveal(?:s|ed)?|assert(?:s|ed)?|reassur(?:e|es|ed)|list(?:s|ed)|conclud(?:es|ed)|classifies|classified|"
          r"categori[sz](?:es|ed)|indicat(?:es|ed)|comment(?:s|ed)|suggest(?:s|ed)?|acknowledg(?:e|es|ed)|"
          r"admit(?:s|ted)?|believ(?:es|ed)|wrote|writes|repl(?:y|ies|ied)|asked|urg(?:e|es|ed)|predict(?:s|ed)?|"
          r"den(?:y|ies|ied)|describ(?:es|ed)|promis(?:e|es|ed)|pledg(?:e|es|ed)|vow(?:s|ed)?|accus(?:e|es|ed)|"
          r"criticis(?:e|es|ed)|criticiz(?:e|es|ed)|call(?:s|ed)? for|defend(?:s|ed)?|dismiss(?:es|ed)|"
          r"welcom(?:e|es|ed)|reject(?:s|ed)?|attack(?:s|ed)?|condemn(?:s|ed)?|recall(?:s|ed)|agree(?:s|d)|"
          r"hope(?:s|d)|fear(?:s|ed)|maintain(?:s|ed)|contend(?:s|ed)|observ(?:es|ed)|remark(?:s|ed)|"
          r"expect(?:s|ed)|brand(?:s|ed)|challeng(?:e|es|ed)|respond(?:s|ed)|revealed|signal(?:s|led)|"
          r"conced(?:e|es|ed)|accept(?:s|ed)|reckon(?:s|ed)")
_ADVERB = r"(?:(?:also|further|has|had|have|later|then|previously|repeatedly|will|would|is\s+expected\s+to)\s+)*"
_SAYS = re.compile(rf"(?P<name>{NAME}),?\s+{_ADVERB}(?:{_VERBS})\b")
_SAYS_APPOSITION = re.compile(rf"(?P<name>{NAME})\s*(?:,|\s-|\s\u2013)[^,\"\u201c\u201d]{{3,120}}?(?:,|\s-|\s\u2013)?\s+"
                              rf"{_ADVERB}(?:{_VERBS})\b")
_SAID_NAME = re.compile(rf"[\"\u201d,:]\s*(?:said|says|added|asked|explained|argued|insisted|warned|replied)\s+"
                        rf"(?P<name>{NAME})")
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the\s+)?(?P<name>{NAME})")
_ROLE_SUBJECT = re.compile(rf"(?:^(?:But\s+|And\s+|However,?\s+|Meanwhile,?\s+)?|[,;\"\u201c\u201d]\s*)(?:[Tt]he|[Aa]n?)\s+"
                           rf"(?P<role>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){{0,12}}?),?\s+{_ADVERB}(?:{_VERBS})\b")
_PRONOUN = re.compile(rf"^(?:He|She)\s+{_ADVERB}(?:{_VERBS})\b|[,\"\u201d]\s*(?:he|she)\s+{_ADVERB}(?:{_VERBS})\b")
_PRONOUN_ANY = re.compile(r"^(?:He|She)\b")
_NAMES = re.compile(NAME)
_QUOTES = '"\u201c\u201d'
SUBJECT_CHARS = 40  # a person named this near the start of a sentence is its subject, whom "He" means
LIST_LENGTH = 6  # a speaker's "…three categories:" carries on this many sentences at most
# Words that end a role written before a name ("the former candidate for prime minister, X").
_NOT_IN_ROLES = frozenset("he she it they we i before after since until position post job".split())
_ROLE_STOP = frozenset("the a an and or but that said says to in on of for by with as at from his her their its was is "
                       "has have had told according while when who which this these those".split())


@dataclass
class People:
    """The people an article names: full names by surname, and (worked out only when a sentence
    says "the security expert said") the roles the text gives them."""
    sentences: list[str]
    by_surname: dict[str, str] = field(default_factory=dict)  # name_key of the last word → full name
    _roles: dict[str, list[str]] | None = None  # full name → roles, in order

    @property
    def roles(self) -> dict[str, list[str]]:
        if self._roles is None:
            self._roles = {}
            for sentence in self.sentences:
                for written, role in roles_in(sentence):
                    if name := self.resolve(written):
                        self._roles.setdefault(name, []).append(role)
        return self._roles

    def resolve(self, phrase: str) -> str | None:
        """The person `phrase` names here: a full name, or a short form of one named in the article."""
        person = person_name(phrase)
        if person is None:
            return None
        if person.full or person.peer:
            return person.name
        full = self.by_surname.get(_knight_key(phrase, person.name) or name_key(person.surname))
        if full:
            return full
        return _titled(phrase, person) if person.titled else None

    def by_role(self, role: str, last: str | None) -> str | None:
        """The person whose role in this article matches `role` ("the security expert"); the last
        speaker first."""
        want = _role_key(role)
        if not want:
            return None
        matches = [name for name, roles in self.roles.items()
                   if any(want in _role_key(r) or _role_key(r) in want for r in roles)]
        if last in matches:
            return last
        return matches[0] if len(matches) == 1 else None


def _knight_key(phrase: str, name: str) -> str | None:
    """Knights are "Sir John" on second mention: the key that finds "Sir John Stevens"."""
    m = re.search(r"\b(Sir|Dame)\s+(\S+)", phrase)
    return f"{m.group(1).lower()} {name_key(m.group(2))}" if m and name.startswith(m.group(2)) else None


def _titled(phrase: str, person: PersonName) -> str:
    """A one-word name with its title as written: "Mr Blair", "Lord Falconer"."""
    m = re.search(rf"\b(\w+\.?)\s+{re.escape(person.name)}\b", phrase)
    if m and fold_word(m.group(1)) in ("mr", "mrs", "ms", "miss", "dr", "lord", "lady", "baroness",
                                                  "sir", "dame", "professor", "prof", "gen", "general"):
        return f"{m.group(1)} {person.name}"
    return person.name


def _role_key(role: str) -> str:
    words = name_key(role).split()
    while words and words[0] in ("former", "the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def is_role_phrase(phrase: str) -> bool:
    """Words that say what someone is: modifiers, a role noun, then nothing, another role noun, or
    "for/of/to …" ("security expert", "spokesman for the Commander-in-Chief of…")."""
    words = phrase.split()
    at = next((i for i, w in enumerate(words) if is_role_word(w)), None)
    if at is None or len(words) > 16 or any(w.lower() in ("whose", "who", "which", "that") for w in words):
        return False
    if any(w.lower() in _ROLE_STOP or w.lower() in _NOT_IN_ROLES for w in words[:at]):
        return False  # "Before he resigned the position of home secretary"
    rest = words[at + 1:]
    while rest and is_role_word(rest[0]):
        rest = rest[1:]
    return not rest or rest[0].lower() in ("for", "of", "to", "at", "in", "on")


def roles_in(sentence: str) -> list[tuple[str, str]]:
    """(name as written, role) for each person the sentence describes: `security expert Sarmed
    Al-Bayati`, `Sabah al-Numan, a spokesman for…`, `the former candidate for prime minister, X,`."""
    found: list[tuple[str, str]] = []
    for m in _NAMES.finditer(sentence):
        person = person_name(m.group())
        if person is None:
            continue
        role = (_role_before_comma(sentence[:m.start()]) or _role_after(sentence[m.end():])
                or _role_before(sentence[:m.start()], person.role)
                or (person.role if person.role and is_role_phrase(person.role) else None))
        if role:
            found.append((m.group(), _sentence_case(role) if sentence.startswith(role) else role))
    return found


def _sentence_case(role: str) -> str:
    """"Security expert" opening a sentence is a security expert; "Foreign Secretary" and "Tory
    leader" keep their capitals."""
    words = role.split()
    head = re.sub(r"['\u2019]s$", "", words[0])
    if head.isupper() or any(w[:1].isupper() for w in words[1:]) or ORGANISATIONS.get(head) or PLACES.get(head):
        return role
    return role[:1].lower() + role[1:]


def _role_before_comma(before: str) -> str | None:
    """`<role>, NAME` or `<role>, the NAME`: the clause before the name, if it is a role."""
    m = re.search(r",\s*(?:the\s+)?$", before)
    if not m:
        return None
    clause = re.split(r"[,;:/(\"\u201c\u201d]|\band\b", before[:m.start()])[-1].strip()
    clause = re.sub(r"^(?:the|a|an|The|A|An)\s+(?=\w)", "", clause)
    return clause if clause and is_role_phrase(clause) and not _has_verb(clause) else None


def _role_after(after: str) -> str | None:
    """`NAME, the Lib Dem president,` or `NAME, who chairs the trade committee,`: an appositive."""
    m = re.match(r"^,\s+who\s+(?P<role>(?:chairs|heads|leads|runs|represents)\s+[^,;:\"\u201c\u201d()]{3,80}?)"
                 r"\s*(?:,|\.$|$)", after)
    if m:
        return m.group("role")
    m = re.match(r"^,\s+(?:the |a |an )?(?P<role>[^,;:\"\u201c\u201d()]{3,100}?)\s*(?:,|\.$|$)", after)
    if m and is_role_phrase(m.group("role")) and not _has_verb(m.group("role")):
        return m.group("role")
    return None


def _role_before(before: str, written: str | None) -> str | None:
    """`security expert NAME`, `Tory leader NAME`: role words right before the name."""
    words = re.findall(r"[\w'\u2019-]+|[^\w\s]", before)
    role: list[str] = []
    if written:  # "Home Secretary" was inside the captured name
        return None
    while words and words[-1].lower() not in _ROLE_STOP and re.match(r"\w", words[-1]) and len(role) < 5:
        if not role and not is_role_word(words[-1]):
            return None
        role.insert(0, words.pop())
    return " ".join(role) or None


def _has_verb(phrase: str) -> bool:
    return bool(re.search(rf"\b(?:{_VERBS}|is|was|has|had|who|which)\b", phrase))


def people_in(sentences: list[str]) -> People:
    """The full names (two words or more) an article gives people."""
    people = People(sentences)
    for sentence in sentences:
        for m in _NAMES.finditer(sentence):
            person = person_name(m.group())
            if person and person.full:
                people.by_surname.setdefault(name_key(person.surname), person.name)
                if knight := _knight_key(m.group(), person.name):
                    people.by_surname.setdefault(knight, person.name)
    return people


def speaker_in(sentence: str, people: People | None = None, last: str | None = None) -> str | None:
    """The person a sentence attributes its words to, if it names one (or describes one by a role
    the article gives a named person)."""
    people = people or people_in([sentence])
    for pattern in (_ACCORDING, _SAYS, _SAID_NAME, _SAYS_APPOSITION):
        for m in pattern.finditer(sentence):
            if name := people.resolve(m.group("name")):
                return name
    for m in _ROLE_SUBJECT.finditer(sentence):
        role = m.group("role")
        if is_role_phrase(role) and (name := people.by_role(role, last)):
            return name
    return None


def attribute(sentences: list[str]) -> list[str | None]:
    """Speakers of an article's sentences, in order. "He explains…" belongs to the last speaker,
    and so does a sentence inside a quotation an earlier one opened, a sentence that opens with a
    quotation right after a speaker's, and a list a speaker introduced with a colon (list markers are
    not part of a sentence, so its length is capped)."""
    people = people_in(sentences)
    speakers: list[str | None] = []
    last: str | None = None  # the last speaker named
    subject: str | None = None  # the person the last sentence was about: who "He" is
    previous: str | None = None  # the speaker of the sentence before
    quote_open = False
    listing = 0  # sentences left of a list a speaker opened with a colon
    for sentence in sentences:
        name = speaker_in(sentence, people, last)
        if name is None and _PRONOUN.search(sentence):
            name = subject
        elif name is None and last and (quote_open or listing > 0
                                        or (previous == last and sentence.lstrip()[:1] in _QUOTES)):
            name = last
        if name:
            last = subject = name
        else:
            subject = _first_person(sentence, people) or subject
        listing = LIST_LENGTH if name and sentence.rstrip().endswith(":") else listing - 1 if name else 0
        quote_open = _quote_open(sentence, quote_open)
        speakers.append(name)
        previous = name
    return speakers


def _first_person(sentence: str, people: People) -> str | None:
    """The person a sentence is about: one named near its start (where the subject is), not as a
    possessive ("Tony Blair's spokesman")."""
    return next((name for m in _NAMES.finditer(sentence[:SUBJECT_CHARS])
                 if not re.search(r"['\u2019]s?$", m.group()) and (name := people.resolve(m.group()))), None)


def _quote_open(sentence: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence. A sentence (a paragraph, in news
    style) that starts with a quotation mark opens one, whatever came before."""
    text = sentence.lstrip()
    if text[:1] in _QUOTES:
        was_open, text = True, text[1:]
    return was_open != (sum(text.count(q) for q in _QUOTES) % 2 == 1)


def starts_with_pronoun(sentence: str) -> bool:
    return bool(_PRONOUN_ANY.match(sentence))

