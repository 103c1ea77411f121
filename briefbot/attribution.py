"""Who says a sentence, and what they are: speech verbs, `according to X`, `X told <outlet>`,
role nouns (`the security expert said` is the security expert named in the article), epithets
(`said the Old Trafford boss` is the story's subject), and sentences that carry on the last
speaker's words (`He explains…`, an open quotation, a list after a colon). A quotation is the
person's named where it closes, even in the next sentence (`"…?" | said X.` when Punkt split it),
and who speaks is read from the narration, never from words inside quotation marks.

Speakers are people only (`The governments of the United States and Iraq announced` has none, nor
`brokerage Merrill Lynch said`: the article shows that name is a firm's), and
a short form is resolved within its article: `Al-Bayati` is the `Sarmed Al-Bayati` named there.
Joining spellings across articles is the world's job.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefbot.names import (NOT_NAMES, ORG_HEADS, ROLE_WORDS, TITLES, PersonName, census_names, fold_word,
                            gazetteer_name, is_org_kind, is_org_word, is_role_word, name_key, person_name)
from briefbot.text import LazyPattern

_PARTICLE = r"(?:(?:[Aa]l|[Ee]l|bin|ibn|[Aa]bu|de|del|van|von|da|du|le|la)[-\s])"
_CAP = r"[A-Z][\w'\u2019\u0300-\u036f]*(?:-[A-Za-z][\w'\u2019\u0300-\u036f]*)*"  # combining accents too
_NICKNAME = r"\s+['\u2018][A-Z][\w-]*['\u2019](?=\s+[A-Z])"  # "Brian 'Head' Welch" is Brian Welch
_INITIAL = r"[A-Z]\.(?=\s+[A-Z][a-z][\w'-]*\b(?!\s+[A-Z]))"  # not "Malcolm X. Attallah Shabazz"  # "Mr R. Sridharan", "George W. Bush"
NAME = (rf"(?<![\w'\u2019-])(?:{_PARTICLE}?{_CAP})(?:(?:{_NICKNAME})?\s+(?:{_INITIAL}|{_PARTICLE}?{_CAP})){{0,5}}"
        rf"(?:\s+of\s+{_CAP})?")  # "Lord X of Y"
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
          r"conced(?:e|es|ed)|accept(?:s|ed)|reckon(?:s|ed)|joked|thinks|pa(?:y|ys|id) tributes? to|"
          r"counter(?:s|ed)|speculat(?:es|ed)|question(?:s|ed)(?=\s+(?:how|whether|why|what|if)\b)")
_ADVERB = (r"(?:(?:also|further|has|had|have|later|then|meanwhile|previously|repeatedly|will|would|"
           r"(?!family\b|ally\b|rally\b|supply\b|assembly\b|bully\b)[a-z]{2,}ly)\s+)*")  # "he bitterly said"
_FIRST_PERSON = LazyPattern(r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e're|[Ww]e've|[Uu]s|[Oo]urs?)\b")
_SAYS = LazyPattern(rf"(?P<name>{NAME})(?P<comma>,)?\s+{_ADVERB}(?:{_VERBS})\b")
_SAYS_APPOSITION = LazyPattern(rf"(?P<name>{NAME})\s*(?:,|\s-|\s\u2013)(?P<apposition>[^,\"\u201c\u201d]{{3,120}}?)"
                              rf"(?P<closed>,|\s-|\s\u2013)?\s+{_ADVERB}(?:{_VERBS})\b")
# "Pierce Brosnan led the past four Bond films but said producers axed him": the subject of both verbs
_SAYS_COORDINATED = LazyPattern(rf"(?:(?:But|And)\s+)?(?P<name>{NAME})\s+(?!{_ADVERB}(?:{_VERBS})\b)[a-z][^,;:\"\u201c\u201d]{{3,100}}?"
                                rf"\s(?:but|and)\s+{_ADVERB}(?:said|says|told(?!\s+to\b)|admitted|insisted|added|warned|claimed)\b")
# Only where no other verb says who spoke: 'He called the film "pornographic"', not "Reminded that Ferguson called
# him \"a disgrace\", Wenger added".
_CALLED = LazyPattern(rf"(?P<name>{NAME})\s+{_ADVERB}call(?:s|ed)\s[^\"\u201c\u201d.]{{1,60}}[\"\u201c]")
_PRONOUN_CALLED = LazyPattern(r"^(?:He|She)\s+called\s[^\"\u201c\u201d.]{1,60}[\"\u201c]")
_SAYS_OF = LazyPattern(rf"(?P<name>{NAME})\s+(?:of|from|at)\s+(?P<body>[^,;:\"\u201c\u201d]{{2,60}}?)\s+{_ADVERB}(?:{_VERBS})\b")
# What follows "…," said / according to (or `said` opening a sentence: Punkt split it from its quotation): a
# name, or a role and a name ("council leader Daniel Achebe",
# "Daiwa Securities analyst Mark Pervan"), or a role alone ("a spokesman for Mr Blair": no one named).
_SAID_NAME = LazyPattern(r"(?:^|[\"\u201d,:])\s*(?:said|says|added|asked|asks|explained|argued|insisted|warned|replied|thinks|"
                        r"believes|joked|underlined|admitted|noted|continued|stressed)\s+(?P<tail>[^,;:\"\u201c\u201d()]{1,120})")
_SAID_RELATION = LazyPattern(rf"(?:^|[\"\u201d,:])\s*(?:said|says|added)\s+(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?,\s+"
                             rf"(?P<name>{NAME})")
_ACCORDING = LazyPattern(r"\b[Aa]ccording to (?P<tail>[^,;:\"\u201c\u201d()]{1,120})")
_COLON = LazyPattern(rf"(?P<name>{NAME}):\s*[\"\u201c]")  # "Burnley boss Steve Cotterill: \"They will be fresh…"
# '"Meadows screwed everybody," said one GOP operative': whoever the words after the quotation are, not one named
_SOMEONE = LazyPattern(r"(?:a|an|one|another)\s+[a-zA-Z]|some(?:one|body)\b")
_UNNAMED_ROLE = LazyPattern(r"^(?P<article>a|an|the|one|another)\s+(?P<role>[^,;:]+)")
# "the Old Trafford boss", "the Ballymena-born actor", "the 74-year-old comedian": news style's other name for the
# person the story is about. A capital, a number or "-born" marks one; spokesmen and officials are someone else.
_EPITHET_HEADS = frozenset("actor actress athlete boss champion comedian defender goalkeeper international medallist "
                           "midfielder player presenter singer star striker winger winner".split())
_AGE = LazyPattern(r"\d+-year-old")
_EPITHET_MARK = LazyPattern(r"[A-Z]|\d|-born\b")
_NOT_APPOSITIONS = frozenset("but and or as while when if because although though so then after before".split())
_CLAUSE_SUBJECTS = frozenset("he she it they we i".split())
_CLAUSE_VERBS = frozenset("was is were are had has have would will could can should did does might must".split())
_ROLE_SUBJECT = LazyPattern(rf"(?:^(?:But\s+|And\s+|However,?\s+|Meanwhile,?\s+)?|[,;\"\u201c\u201d]\s*)(?P<article>[Tt]he|[Aa]n?)\s+"
                           rf"(?P<role>[A-Za-z\d][\w'\u2019-]*(?:\s+[\w'\u2019-]+){{0,12}}?),?\s+{_ADVERB}(?:{_VERBS})\b")
_PRONOUN = LazyPattern(rf"^(?:(?:But|And)\s+)?(?:[Hh]e|[Ss]he)\s+{_ADVERB}(?:{_VERBS})\b|[,\"\u201d]\s*(?:he|she)\s+{_ADVERB}(?:{_VERBS})\b")
_PRONOUN_ANY = LazyPattern(r"^(?:(?:But|And|Yet|So|However,?)\s+)?(?:[Hh]e|[Ss]he)\b")  # "But he said: …" leans on what came before
_HEAD_PRONOUN = LazyPattern(rf"\b(?:[Hh]e|[Ss]he)\s+{_ADVERB}(?:{_VERBS}|continued|went on|[a-z]+ed)\b")
_HEAD_EPITHET = LazyPattern(rf"\b[Tt]he\s+(?P<role>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,3}}?),?\s+{_ADVERB}(?:{_VERBS}|continued|went on)\b")
_EPITHET_SUBJECT = LazyPattern(r"^(?:(?:But|And|However,?)\s+)?[Tt]he\s+(?P<role>(?:former\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+)"
                               r"(?=\s+(?:has|had|is|was|will|would|could|also|then|[a-z]+ed)\b)")
_THIRD_PERSON = LazyPattern(r"\b(?:he|his|himself|she|herself)\b", re.IGNORECASE)  # not "her": "thanked her"
_FEMININE = frozenset("she herself".split())
# Titles that say who a person is: "Mr Blair" is a man, "Ms Jowell" a woman.
_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
                 "baroness": "f"}
RECENT_SENTENCES = 3  # "she said" may mean a woman named this many sentences back, if the subject is a man
# After a verb, a thing done and not words said: "rejected a move to", "will defend his title", "added a second",
# "claimed the coaching award".
_DEED = LazyPattern(r"\s+(?:a\s+move\s+to\b|(?:a|an|the|his|her|its|their|another|\d+)\s+(?:[\w'-]+\s+){0,3}?"
                   r"(?:titles?|trophy|crown|chance|attempt|second|third|fourth|goals?|try|tries|points?|header|shot|"
                   r"medals?|awards?|penalt(?:y|ies)|conversions?|drop-goals?)\b)")
_WROTE = LazyPattern(r"\b(?:wrote|writes)$")  # "Adams wrote the screenplay", "Read wrote the song": a work, not words said
_WORK = LazyPattern(r"\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'-]+\s+){0,2}?(?:screenplay|novel|book|song|script|lyric|music)s?\b")
_SAID = LazyPattern(r"\b(?:said|says|say|told|tells|tell)$")  # never a deed: "Rasheed said the title refers to…"
_NAMES = LazyPattern(NAME)
# "Having worked with Mr Cantalupo, Mr Bell…", "And, while we are on the subject of Mr Kilroy-Silk, Mr Morris…"
_OPENING = LazyPattern(r"(?:(?:And|But),?\s+(?=[a-z]))?(?i:Having|After|Before|With|When|While|As|Although|Though|Despite|Unlike|"
                      r"Like|Since|Following|Speaking|Asked|Reminded|Under|During|Until|If|Once)\b[^,;:\"\u201c\u201d]{1,80},\s*")
_AFTER_PREPOSITION = LazyPattern(r"\b(?:for|of|from|at|with|by|against|to)\s+(?:the\s+)?$")
# "was surprised that England coach Andy Robinson said": what one says inside another's view
_COMPLEMENT = LazyPattern(r"[a-z]\s+that\s+(?:[A-Za-z][\w'-]*\s+){0,3}$")
# "He also says Lord Goldsmith warned…", "a DEA complaint said Fahie had agreed…"; not "it was announced Bob Neill said"
_SAID_BEFORE = LazyPattern(rf"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:{_VERBS})\s+(?:that\s+)?$")
# "opponents of the bill, including Tory Lord Campbell and the Bishop of Winchester, X, said": one of a group;
# "German Chancellor Gerhard Schroeder and French President Jacques Chirac have called": two people
_INCLUDING = LazyPattern(r"\bincluding\s+(?:the\s+)?[A-Z][^.;:\"\u201c\u201d]*$")
# "Double Olympic champion Kelly Holmes", "Double Olympic 10,000m champion Haile Gebrselassie": capitals before a
# role or an epithet's noun and a full name describe that person; they are no one's name
_DESCRIBES = LazyPattern(rf"\s+(?:\d[\d,.]*[a-z]*\s+)?(?P<head>[a-z][\w-]*)\s+(?P<name>{NAME})")
# "Mutu was sacked by Chelsea … - a move Wenger has backed": one done to, and one who voices a view
_PASSIVE_AFTER = LazyPattern(r"\s+(?:(?:was|were|is|are)|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ght)\b")
_VIEW_AFTER = LazyPattern(rf"\s+{_ADVERB}(?:{_VERBS}|back(?:s|ed)|support(?:s|ed)|oppos(?:es|ed)|prais(?:es|ed))\b")
_PERSON_AFTER = LazyPattern(r",\s+(?:who\b|\d+,)")  # "DiCaprio, who lost out", "Smith, 24,": a person
_AND_BEFORE = LazyPattern(rf"(?P<first>{NAME})\s+and\s+(?:[\w'\u2019-]+\s+){{0,4}}$")
_ORG_HEAD_BEFORE = LazyPattern(rf"\b(?:{'|'.join(sorted(ORG_HEADS))})\s+(?:the\s+)?$")  # "Department for …"
_SHARES_IN = LazyPattern(r"\b(?:[Ss]hares|[Ss]tock|[Ss]take|[Ss]hareholders|[Ii]nvestors)\s+in\s+$")
_GROUP_SAYS = LazyPattern(r"(?:(?:But|And)\s+)?(?P<who>[A-Z][a-z]+[^s\W]s)\s+(?:say|said|argue|argued|claim|claimed|believe|warn|warned|fear)\b")
# '"…," hunt master, Captain Ian Farquhar, said': after a quotation, the words up to "NAME, said" can only
# describe who said it
_QUOTED_THEN_DESCRIBED = LazyPattern(r"[\"\u201d]\s+[^,;:\"\u201c\u201d()]{1,60},\s*$")
_NAME_BEFORE_COMMA = LazyPattern(rf"(?P<name>{NAME}),")
_DESCRIBED = LazyPattern(r"(?:(?:But|And)\s+)?(?:The|A|An|His|Her|Their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s*")
# '"…?" | Mr Weingarten pressed.', '"What is it about Joe Biden…?" | King asked Scott.'
_CLOSER = LazyPattern(rf"^(?P<name>{NAME})\s+(?:[a-z]+ly\s+)?[a-z]+ed(?:\s+{NAME})?\.$")
_PASSIVE_BY = LazyPattern(r"\b(?:was|were|been|is|are|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|ade|wn|ght)\b"
                          r"[^,;:\"\u201c\u201d]{0,60}?\bby\s+(?=[A-Z])")  # "were made in a book published by"
_ABOUT = LazyPattern(r"\babout\s+$")
_THE_BEFORE = LazyPattern(r"\bthe\s+$")  # "the Celtic Warriors region": no one's name
_BUT_CLAUSE = LazyPattern(r",\s+but\s+(?=[A-Z])")  # "Some fans would object, but Parry countered:"
_QUOTES = '"\u201c\u201d'
# ", Italy's business newspaper" after "Il Sole 24 Ore"; ", the German stock exchange"
_ORG_APPOSITION = LazyPattern(rf"(?:\s+(?:\d+|{_CAP}))*,\s+(?:the|a|an|{_CAP}['\u2019]s)\s+(?P<what>[^,;:.\"\u201c\u201d()]{{1,60}}?)"
                              r"(?=[,;:.]|$)")
# "Kidman's publicist Wendy Day": a few lower-case words after a possessive say who the next name is to them
_ROLE_THEN_NAME = LazyPattern(rf"(?:\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?))\s+{_CAP}\s+{_CAP}")
_POSSESSIVE = LazyPattern(r"['\u2019]s?$")
_RELATION = LazyPattern(r"(?:\s+(?!for\b|of\b|to\b|and\b|or\b)[a-z][\w-]*){1,3}\s+(?=[A-Z])")
_POSSESSIVE_RELATION = LazyPattern(rf"(?:the\s+)?{NAME}['\u2019]s?(?:\s+(?!for\b|of\b|to\b|and\b|or\b)[a-z][\w-]*){{1,3}}")
SUBJECT_CHARS = 40  # a person named this near the start of a sentence is its subject, whom "He" means
LIST_LENGTH = 6  # a speaker's "…three categories:" carries on this many sentences at most
# Words that end a role written before a name ("the former candidate for prime minister, X").
_NOT_IN_ROLES = frozenset("he she it they we i before after since until position post job".split())
_OTHER_OFFICE = frozenset("shadow deputy vice junior assistant".split())
_ROLE_STOP = frozenset("the a an and or but that said says to in on of for by with as at from his her their its was is "
                       "has have had told according while when who which this these those".split())


@dataclass
class People:
    """The people an article names: full names by surname, and (worked out only when a sentence
    says "the security expert said") the roles the text gives them."""
    sentences: list[str]
    by_surname: dict[str, str] = field(default_factory=dict)  # name_key of the last word → full name
    organisations: set[str] = field(default_factory=set)  # name_keys the article shows are firms, papers…
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
        phrase = re.sub(_NICKNAME, "", phrase)
        person = person_name(phrase)
        if person and self.is_organisation(name_key(person.name)):  # "brokerage Merrill Lynch said"
            return None
        if person is None:  # "chief constable Green" after "Steve Green": a surname that is also a party's word
            word = phrase.strip()
            lone = " " not in word and not (gazetteer_name(word) or word in NOT_NAMES)
            return self.by_surname.get(name_key(word)) if lone else None
        if person.full or person.peer:  # "Actress Nicole Kidman" opening a sentence is the Nicole Kidman named here
            shorter = person.name.split(" ", 1)[-1]
            return shorter if self.by_surname.get(name_key(person.surname)) == shorter else person.name
        full = self.by_surname.get(_knight_key(phrase, person.name) or name_key(person.surname))
        if full:
            return full
        return _titled(phrase, person) if person.titled else None

    def is_organisation(self, key: str) -> bool:
        """Whether a name is one the article shows is an organisation, or the start of one ("Krispy
        Kreme" after "Shares in Krispy Kreme Doughnuts")."""
        return key in self.organisations or any(org.startswith(f"{key} ") for org in self.organisations)

    def by_role(self, role: str, last: str | None, definite: bool = False) -> str | None:
        """The person whose role in this article matches `role` ("the security expert"); the last
        speaker first, and with "the" (`definite`) the last speaker whose role has the same role noun."""
        want = _role_key(role)
        if not want or _AGE.search(role):  # "the 58-year-old US singer" is an epithet, not the singer named here
            return None
        matches = [name for name, roles in self.roles.items() if any(_same_role(want, _role_key(r)) for r in roles)]
        if last in matches or definite and any(_same_head(want, _role_key(r)) for r in self.roles.get(last or "", ())):
            return last  # "the Democrat senator said" after "New York Senator Charles Schumer said"
        return matches[0] if len(matches) == 1 else None


def role_speaking(sentence: str) -> str | None:
    """The role a sentence gives its words to when it names no one ("The prime minister said…"): the
    article's one holder of that role said them (`who said that?` looks for them in the briefing)."""
    m = _ROLE_SUBJECT.match(sentence)
    if m is None or not _definite(m) or _deed(sentence, m.end()) or not is_role_phrase(m.group("role")):
        return None
    return m.group("role")


def holds_role(role: str, held: str) -> bool:
    """Whether someone whose role is `held` is "the `role`": the same office, not a former one nor
    another ("deputy prime minister" is not the prime minister)."""
    return not re.match(r"(?i)former\b", held) and _same_role(_role_key(role), _role_key(held))


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


def _same_role(a: str, b: str) -> bool:
    """One role key inside the other, word for word, unless the longer is another office: the shadow
    home secretary is not the home secretary."""
    short, long = sorted((a.split(), b.split()), key=len)
    n = len(short)
    at = next((i for i in range(len(long) - n + 1) if long[i:i + n] == short), None)
    return at is not None and not _OTHER_OFFICE & set(long[:at])


def _same_head(a: str, b: str) -> bool:
    """The same role noun last and the same other office, if any: "democrat senator" and "new
    york senator", not "shadow home secretary" and "home secretary"."""
    x, y = a.split(), b.split()
    return bool(x and y) and x[-1] == y[-1] and _OTHER_OFFICE & set(x) == _OTHER_OFFICE & set(y)


def _role_key(role: str) -> str:
    words = name_key(role).split()
    while words and words[0] in ("former", "the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def is_role_phrase(phrase: str) -> bool:
    """Words that say what someone is: modifiers and role nouns ending with one, then nothing or
    "for/of/to …" ("security expert", "chief operating officer", "spokesman for the Commander-in-Chief of…")."""
    words = phrase.split()
    at = next((i for i, w in enumerate(words) if is_role_word(w)), None)
    if at is None or len(words) > 16 or any(w.lower() in ("whose", "who", "which", "that") for w in words):
        return False
    if any((w.lower() in _ROLE_STOP or w.lower() in _NOT_IN_ROLES) and not _inside_name(words, i)
           for i, w in enumerate(words[:at])):
        return False  # "Before he resigned the position of home secretary"
    end = at + 1  # the role noun may come last: "chief operating officer"
    while end < len(words) and words[end].lower() not in _ROLE_STOP and words[end].lower() not in _NOT_IN_ROLES:
        end += 1
    rest = words[end:]
    return is_role_word(words[end - 1]) and (not rest or rest[0].lower() in ("for", "of", "to", "at", "in", "on"))


def _inside_name(words: list[str], i: int) -> bool:
    """"for" in "Department for Constitutional Affairs spokeswoman": a joining word between capitals."""
    return (words[i] in ("for", "of", "and") and 0 < i < len(words) - 1 and words[i - 1][:1].isupper()
            and words[i + 1][:1].isupper())


def roles_in(sentence: str) -> list[tuple[str, str]]:
    """(name as written, role) for each person the sentence describes: `security expert Sarmed
    Al-Bayati`, `Sabah al-Numan, a spokesman for…`, `the former candidate for prime minister, X,`."""
    found: list[tuple[str, str]] = []
    for m in _NAMES.finditer(sentence):
        person = person_name(m.group())
        if person is None or "/" in sentence[max(m.start() - 1, 0):m.end() + 1]:  # "Nielsen/NetRatings" is a firm
            continue
        role = (_role_before_comma(sentence[:m.start()]) or _role_after(sentence[m.end():])
                or _role_before(sentence[:m.start()], person.role)
                or (person.role if person.role and is_role_phrase(person.role) else None))
        if role and not _plural_role(role):  # "according to market analysts Nielsen…": a firm's
            found.append((m.group(), _sentence_case(role) if sentence.startswith(role) else role))
    return found


def _plural_role(role: str) -> bool:
    """"market analysts": what several people are, never one person's role."""
    last = fold_word(re.sub(r"\s+(?:for|of|to|at|in|on)\s.*$", "", role).split()[-1])
    return last not in ROLE_WORDS and is_role_word(last)


def _sentence_case(role: str) -> str:
    """"Security expert" opening a sentence is a security expert; "Foreign Secretary" and "Tory
    leader" keep their capitals."""
    words = role.split()
    head = re.sub(r"['\u2019]s$", "", words[0])
    if head.isupper() or any(w[:1].isupper() for w in words[1:]) or gazetteer_name(head):
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
    """The full names (two words or more) an article gives people, and the person-shaped names it
    shows are organisations."""
    people = People(sentences)
    for sentence in sentences:
        for m in _NAMES.finditer(sentence):
            if _organisation_here(sentence, m):
                people.organisations.add(name_key(person_name(m.group()).name))
    for sentence in sentences:
        for m in _NAMES.finditer(sentence):
            person = person_name(re.sub(_NICKNAME, "", m.group()))
            if (person and person.full and not people.is_organisation(name_key(person.name))
                    and not _describes(sentence, m)):
                people.by_surname.setdefault(name_key(person.surname), person.name)
                if knight := _knight_key(m.group(), person.name):
                    people.by_surname.setdefault(knight, person.name)
    for key, name in _known_by_one_name(sentences, people).items():
        people.by_surname.setdefault(key, name)
    return people


def _known_by_one_name(sentences: list[str], people: People) -> dict[str, str]:
    """The people an article names by one word only, by that word's key: "Jamie" when the article's
    one Jamie is Jamie Costin, and a word like "Meghan" or "Parry" that the article writes
    mid-sentence and as the subject of words said ("Mr Blair" when it gives him a title). "he" or
    "she" must follow the word as a person's does (`Jamie heads to Poland… where he`, in two
    sentences for a word alone): a firm is "it" ("Merrill said", "Lockheed said"). A word written
    with a title or a role ("Prince Charles") is that one person, not a first name of someone else."""
    votes: Counter[str] = Counter()
    speaks: set[str] = set()
    mid_sentence: set[str] = set()
    titled: dict[str, str] = {}  # key → the name with its title, as `_titled` writes it
    for sentence in sentences:
        narration = _narration(sentence, False)
        found = [(m, p) for m in _NAMES.finditer(narration) if (p := person_name(m.group())) and not p.full]
        for at, (m, person) in enumerate(found):
            key = name_key(person.name)
            if " " in person.name or key in people.by_surname or people.is_organisation(key):
                continue
            if person.titled or person.role:
                titled.setdefault(key, _titled(m.group(), person))
            if m.start() > 0:
                mid_sentence.add(key)
            if _SAYS.match(narration, m.start()):
                speaks.add(key)
            end = found[at + 1][0].start() if at + 1 < len(found) else len(narration)
            if (not _AFTER_PREPOSITION.search(narration, 0, m.start())
                    and re.search(r"\b(?:he|she)\b", narration[m.end():end], re.IGNORECASE)):
                votes[person.name] += 1
    first_names = Counter(name_key(n.split()[0]) for n in set(people.by_surname.values()))
    known: dict[str, str] = {}
    for word, n in votes.items():
        key = name_key(word)
        if first_names[key] == 1 and key not in titled and word in census_names()[0]:
            known[key] = next(full for full in people.by_surname.values() if name_key(full.split()[0]) == key)
        elif not first_names[key] and n >= 2 and key in speaks and key in mid_sentence:
            known[key] = titled.get(key, word)
    return known


def _organisation_here(sentence: str, m: re.Match[str]) -> bool:
    """Whether the text around a person-shaped name says it is an organisation: a word for a kind
    of organisation right before it ("brokerage Merrill Lynch", "bank Standard Chartered"), a role
    and a person's name after it ("Standard Chartered chief executive Mervyn Davies"), or an
    apposition naming a kind of organisation ("Il Sole 24 Ore, Italy's business newspaper")."""
    person = person_name(m.group())
    if person is None or not person.full or person.role or person.titled or _POSSESSIVE.search(m.group()):
        return False  # "Denise Lewis' coach Charles van Commenee" is her coach
    before = re.search(r"(?:^|\s)([a-z][\w-]*)\s+$", sentence[:m.start()])
    if before and is_org_kind(before.group(1)) or _SHARES_IN.search(sentence, 0, m.start()):
        return True  # "bank Standard Chartered", "Shares in Krispy Kreme Doughnuts"
    after = sentence[m.end():]
    role = re.match(r"\s+((?:[a-z][\w-]*\s+){1,3})(?=[A-Z])", after)
    if role and is_role_phrase(role.group(1).strip()) and not _has_verb(role.group(1)):  # not "X believes coach Y…"
        following = _NAMES.match(after, role.end())
        return bool(following and (named := person_name(following.group())) and named.full)
    apposition = _ORG_APPOSITION.match(after)
    if apposition:
        head = re.split(r"\s(?:for|of|at|in|on|to|that|which|who|with|from)\s(?=[a-z])", f" {apposition.group('what')} ")[0].split()
        return (bool(head) and is_org_kind(head[-1]) and not _has_verb(apposition.group("what"))
                and not any(is_role_word(w) or w in _ROLE_STOP for w in head))  # not "the man behind the website"
    return False


def speaker_in(sentence: str, people: People | None = None, last: str | None = None) -> str | None:
    """The person a sentence attributes its words to, if it names one (or describes one by a role
    the article gives a named person)."""
    return _speech(sentence, people or people_in([sentence]), last, None)[0]


def _speech(sentence: str, people: People, last: str | None, subject: str | None) -> tuple[str | None, bool]:
    """(the speaker, whether the words are someone's the article does not name). An unnamed speaker
    said first wins: in "A Labour spokesman said it was a matter for Mr Blair" Blair says nothing;
    an epithet ("said the Old Trafford boss") is the subject's."""
    roles = [m for m in _ROLE_SUBJECT.finditer(sentence) if not _deed(sentence, m.end())]
    found: list[tuple[int, str]] = [  # "" is someone unnamed
        (m.start(), _epithet(m.group("article"), m.group("role"), subject) or "") for m in roles
        if (is_role_phrase(m.group("role")) and not people.by_role(m.group("role"), last, _definite(m)))
        or _epithet(m.group("article"), m.group("role"), subject)][:1]
    if (group := _GROUP_SAYS.match(sentence)) and people.resolve(group.group("who")) is None:
        found.append((0, ""))  # "Critics say the powers - which President Chavez argues are needed - …": no one named
    for m in _SAID_RELATION.finditer(sentence):  # "said his wife, Sheila": she speaks, named or not
        found.append((m.start(), people.resolve(m.group("name")) or ""))
    for pattern in (_ACCORDING, _SAID_NAME):
        for m in pattern.finditer(sentence):
            if pattern is _SAID_NAME and _described_before(sentence, m.start(), people):
                continue  # "The woman, Robin Mantooth, said Mars promised…": she speaks, not Mars
            name, nobody = _named_in(m.group("tail"), people, last, subject)
            if not name and m.group()[:1] in _QUOTES:
                name, nobody = (_closing_name(m.group("tail"), people)
                                or (None, nobody or bool(_SOMEONE.match(m.group("tail")))))
            if name or nobody:
                found.append((m.start(), name or ""))
                break
    opening = _OPENING.match(sentence)
    starts = [n.start() for n in _NAMES.finditer(sentence)]  # tried at each name: a failed one may hide the next
    for pattern in (_SAYS, _SAYS_APPOSITION, _SAYS_OF, _COLON, _SAYS_COORDINATED):
        for m in filter(None, (pattern.match(sentence, at) for at in starts)):
            if opening and m.end() < opening.end() and sentence[m.end():opening.end()].strip(" ,"):
                continue  # "When Winfrey asked if he could…, he declined" is not hers; "As Kennedy claimed, …" is his
            if (not re.search(r"['\u2019]s?$", m.group("name"))  # "Ms Villalba's claim", not Ms Villalba
                    and _fits(pattern, m, sentence)
                    and (name := people.resolve(m.group("name")))):
                if _COMPLEMENT.search(sentence, 0, m.start()) and (holder := _first_person(sentence, people)):
                    name = holder  # "O'Sullivan was surprised that Robinson said…": O'Sullivan's view
                found.append((m.start(), name))
                break
    if found:
        name = min(found)[1] if any(not n for _, n in found) else found[0][1]
        return name or None, not name
    for m in roles:
        role = m.group("role")
        if is_role_phrase(role) and (name := people.by_role(role, last, _definite(m))):
            return name, False
    for m in filter(None, (_CALLED.match(sentence, at) for at in starts)):
        if not _AFTER_PREPOSITION.search(sentence, 0, m.start()) and (name := people.resolve(m.group("name"))):
            return name, False
    return None, False


def _closing_name(tail: str, people: People) -> tuple[str | None, bool] | None:
    """Who '"…," said X' names when X did not resolve: the person whose surname X ends with ("said
    Mr Wellington" is Bob Wellington), or else someone the article does not name in full ("said
    King, who resigned from Meadows' office"): not the last speaker, nor a name beside the quotation."""
    m = _NAMES.match(tail)
    if not m:
        return None
    words = [w for w in m.group().split() if fold_word(w.rstrip(".")) not in TITLES]
    known = people.by_surname.get(name_key(words[0])) if len(words) == 1 else None  # not "Credit Suisse First Boston"
    return known, not known


def _described_before(sentence: str, at: int, people: People) -> bool:
    """Whether ", said" at `at` closes "<the/his noun>, NAME" opening the sentence: NAME is who said."""
    m = _NAME_BEFORE_COMMA.search(sentence, 0, at + 1)
    return bool(m and m.end() == at + 1 and _DESCRIBED.fullmatch(sentence[:m.start()]) and people.resolve(m.group("name")))


def _definite(m: re.Match[str]) -> bool:
    return m.group("article").lower() == "the"


def _fits(pattern: re.Pattern[str], m: re.Match[str], sentence: str) -> bool:
    """Whether a match's name is the subject of words said: "NAME, said" only after a role ("The
    spokesman for the army, Sabah al-Numan, said", not "…hits such as Sha La La, said"), an apposition
    only if it is one, not the object of a preposition ("a spokesman for Mr Blair said"), and not of a
    deed ("Reid rejected a move to Southampton")."""
    if _one_of_several(sentence, m.start()) or _SAID_BEFORE.search(sentence, 0, m.start()):
        return False  # the name is what another says was said or done
    if pattern is _SAYS_APPOSITION:
        return _apposition(m.group("apposition"), bool(m.group("closed")))
    if pattern is _SAYS_OF:  # "Anne Thompson of the Hollywood Reporter said"
        return m.group("body").split()[-1][:1].isupper() and not _has_verb(m.group("body"))
    if pattern is _COLON:  # "He told Mr Farage: \"…" is not Mr Farage's
        return not _has_verb(sentence[:m.start()])
    if pattern is _SAYS_COORDINATED:  # the sentence's subject: its first words
        return sentence[:m.start("name")].strip() in ("", "But", "And") and not _deed(sentence, m.end())
    if _deed(sentence, m.end()) or _one_of_several(sentence, m.start()):
        return False
    if _AFTER_PREPOSITION.search(sentence, 0, m.start()) and not (person_name(m.group("name")) or PersonName("")).role:
        return False  # "William Corr of the Campaign for Tobacco-Free Kids urged": the campaign's name, not its speaker
    return (pattern is not _SAYS or not m.group("comma") or bool(_role_before_comma(sentence[:m.start()]))
            or bool(_DESCRIBED.fullmatch(sentence[:m.start()]))  # "The woman, Robin Mantooth, said"
            or bool(_QUOTED_THEN_DESCRIBED.search(sentence, 0, m.start())))  # '"…," hunt master, Ian Farquhar, said'


def _one_of_several(sentence: str, at: int) -> bool:
    """Whether the name at `at` is one of several who speak together: in an "including" list
    ("opponents of the bill, including Tory Lord Campbell and the Bishop of Winchester, X, said") or
    after another person and "and" ("German Chancellor Gerhard Schroeder and French President
    Jacques Chirac have called"; not "Trade and Industry Secretary Patricia Hewitt")."""
    if _INCLUDING.search(sentence, 0, at):
        return True
    m = _AND_BEFORE.search(sentence, 0, at)
    first = person_name(m.group("first")) if m else None
    return bool(first and (first.full or first.titled))


def _deed(sentence: str, verb_end: int) -> bool:
    if _WROTE.search(sentence, 0, verb_end) and _WORK.match(sentence, verb_end):
        return True
    return bool(_DEED.match(sentence, verb_end)) and not _SAID.search(sentence, 0, verb_end)


def _epithet(article: str, role: str, subject: str | None) -> str | None:
    """The subject, if "the <role>" is an epithet for them: an age says so ("the 47-year-old director",
    "the 58-year-old US singer of Because the Night")."""
    words = role.split(" of ")[0].split()
    if subject is None or article.lower() != "the" or not words or len(words) > 6:
        return None
    if any(_AGE.fullmatch(w) for w in words) and not words[-1][:1].isupper():  # not "the 28-year-old Morientes"
        return subject
    head = words[-1].lower()
    return subject if head in _EPITHET_HEADS and any(_EPITHET_MARK.search(w) for w in words[:-1]) else None


def _named_in(tail: str, people: People, last: str | None, subject: str | None) -> tuple[str | None, bool]:
    """The person the words after "said" or "according to" name, first words a role if any; and
    whether they name only a role ("a spokesman for the party")."""
    for m in _NAMES.finditer(tail):
        before = tail[:m.start()].strip()
        if _POSSESSIVE.search(m.group()) and _RELATION.match(tail, m.end()):
            continue  # "said Kidman's publicist Wendy Day": Wendy Day speaks
        first = _NAMES.match(before)
        if _POSSESSIVE_RELATION.fullmatch(before) or first and _role_then_name(tail, first.end()):
            before = ""  # "Kidman's publicist", "Cobain biographer"
        if before and not (is_role_word(before.split()[-1]) and is_role_phrase(re.sub(r"^(?:the|a|an)\s+", "", before))
                           or _described(before)):
            break  # "a spokesman for Mr Howard" is not Mr Howard; "a skeptical Robert Wolfarth" speaks
        after = re.match(r"\s+([\w'-]+)", tail[m.end():])
        if after and after.group(1) in _CLAUSE_VERBS:  # "said Charles was one of his heroes": who was said of
            break
        if after and is_role_word(after.group(1)):  # "Daiwa Securities analyst Mark Pervan"
            continue
        if _role_then_name(tail, m.end()):  # "said Cobain biographer Charles Cross": Cross speaks
            continue
        if name := people.resolve(m.group()):
            return name, False
    role = _UNNAMED_ROLE.match(tail)
    words = role.group("role").split(" said")[0].strip(" .") if role else ""
    if role and (name := _epithet(role.group("article"), words, subject)):
        return name, False
    if role and is_role_phrase(words) and role.group("article").lower() == "the" and (name := people.by_role(words, last, True)):
        return name, False  # "according to the Bishop", after "The Bishop of Durham, the Rt Rev Dr Tom Wright"
    return None, bool(role and is_role_phrase(words))


def _described(words: str) -> bool:
    """Whether the words before a name after "said" only describe the person: "a skeptical"."""
    split = words.split()
    return len(split) > 1 and split[0] in ("a", "an") and all(w.isalpha() and w.islower() for w in split[1:]) \
        and not _ROLE_STOP & set(split[1:])


def _role_then_name(tail: str, at: int) -> bool:
    """Whether a name ending at `at` is followed by a role and a person's full name ("Cobain biographer
    Charles Cross"): the name describes whose the role is, and the second name speaks."""
    m = _ROLE_THEN_NAME.match(tail, at)
    words = m.group("role").split() if m else []
    return bool(words and not _ROLE_STOP & set(words) and not _has_verb(m.group("role"))
                and not is_org_kind(words[-1]))  # not "research think-tank Pew Internet", "IT firm Dimension Data"


def _apposition(words: str, closed: bool) -> bool:
    """Whether the words after "NAME," describe NAME (and do not start a clause of their own: "Mr
    Blair, but he was unaware of anything to suggest") or say it is an organisation ("Deutsche
    Boerse, the German stock exchange")."""
    split = words.split()
    if not split or split[0].lower() in _NOT_APPOSITIONS:
        return False
    if split[0].lower() not in ("who", "whose") and _CLAUSE_SUBJECTS & {w.lower() for w in split}:
        return False
    head = re.split(r"\s(?:for|of|at|in|on|to|that|which|who|with|from)\s", f" {words} ")[0].split()
    if head and head[0].lower() in ("the", "a", "an") and is_org_word(head[-1]):
        return False
    return closed or is_role_phrase(re.sub(r"^(?:the|a|an)\s+", "", words.strip()))


def attribute(sentences: list[str], paragraphs: list[int] | None = None) -> list[str | None]:
    """Speakers of an article's sentences, in order (`paragraphs`: the paragraph of each). "He
    explains…" belongs to the last speaker, and so does a sentence inside a quotation an earlier one
    opened, a sentence that opens with a quotation right after a speaker's, and a list a speaker
    introduced with a colon (list markers are not part of a sentence, so its length is capped). A
    quotation ends with its paragraph unless the next one opens with a quotation mark (news style),
    and a quotation is the person's who is named where it closes: `"…" | …," said X.`, or `"…?" |
    said X.` when Punkt split `said X` off."""
    people = people_in(sentences)
    new_paragraph = [bool(paragraphs) and i > 0 and paragraphs[i] != paragraphs[i - 1] for i in range(len(sentences))]
    open_before: list[bool] = []  # whether a quotation is open when the sentence starts
    still_open: list[bool] = []  # and after it
    for i, sentence in enumerate(sentences):
        open_before.append(bool(still_open) and still_open[-1] and not new_paragraph[i] and not _narrates(sentence))
        still_open.append(_quote_open(sentence, open_before[-1]))
    narrations = [_narration(sentence, was_open) for sentence, was_open in zip(sentences, open_before)]
    mentions = [_mentions(narration, people) for narration in narrations]
    genders = _genders(narrations, mentions, open_before)
    protagonist = _protagonist(mentions)
    speakers: list[str | None] = []
    named: list[bool] = []  # whether the sentence itself says whose words it gives
    last: str | None = None  # the last speaker named
    subject: str | None = None  # the person the last sentence was about: who "He" is
    since = 0  # sentences since the subject was named: after a few, "He" is the story's protagonist
    previous: str | None = None  # the speaker of the sentence before
    listing = 0  # sentences left of a list a speaker opened with a colon
    carried: str | None = None  # whose words an open quotation carries on
    introduced: str | None = None  # the one person the last sentence named and described, if it had no subject
    for i, sentence in enumerate(sentences):
        narration = narrations[i]
        # whom an epithet means ("said the 74-year-old comedian", "The 22-year-old pipped…"): the
        # person just introduced, or the one the last sentences were about, or after a while the protagonist
        described = introduced or (subject if since <= RECENT_SENTENCES else protagonist)
        introduced = None
        name, unnamed = _speech(narration, people, last, described)
        unnamed = unnamed or (name is None and not open_before[i] and _unknown_speaker(narration, people))
        named.append(bool(name))
        pronoun = _PRONOUN.search(sentence) or _PRONOUN_CALLED.match(sentence)
        if unnamed:  # "He said" after "A spokesman said" is the spokesman
            last = subject = None
        elif name is None and pronoun:
            recent = [n for k in range(i - 1, max(i - RECENT_SENTENCES, 0) - 1, -1)
                      for n in [speakers[k], *(n for _, n in reversed(mentions[k]))] if n]
            meant = protagonist if subject and since > RECENT_SENTENCES else subject
            name = _referent(pronoun.group(), meant, recent, genders)
            named[-1] = bool(name)
        elif name is None and last and (open_before[i] and carried == last and _first_person(narration, people) != last
                                        or listing > 0
                                        or (previous == last and sentence.lstrip()[:1] in _QUOTES
                                            and _named_first(_narration(sentence, False), people)
                                            in (None, last))):
            name = last
        epithet = _EPITHET_SUBJECT.match(narration)
        if name:
            last = subject = name
            since = 0
        elif unnamed:  # the unnamed spokeswoman is whom the sentence is about, not a name it goes on to give
            since = 0
        elif epithet and _epithet("the", epithet.group("role"), "?"):  # not Maurice Greene, whom it goes on to name
            subject, since = described, 0
        elif about := _voiced(narration, people) or _agent(narration, people):
            subject, since = about, 0
        elif epithet and _AGE.search(epithet.group("role")):  # "The 22-year-old Scot": the subject, unless the
            others = i > 0 and any(n not in (None, described) for _, n in mentions[i - 1])  # last sentence named
            subject, since = None if others else described, 0  # another too ("…impressed by Dunne's form")
        elif _unknown_subject(narration, people):  # "DiCaprio, who lost out…, will face him" | "…," he told
            subject, since = None, 0
        else:
            since += 1
            introduced = _introduced(narration, people)
        listing = LIST_LENGTH if name and sentence.rstrip().endswith(":") else listing - 1 if name else 0
        if name or not open_before[i]:  # a quotation this sentence leaves open is its speaker's, or its head's
            carried = name or (last if last and _head_is(last, sentence, people) else None)
        speakers.append(name)
        previous = name
    for first, end in _quotations(sentences, still_open, new_paragraph):
        closer = end if named[end] and _said_after_quote(sentences[end]) else end + 1
        if closer < len(sentences) and named[closer] and (closer == end or sentences[closer][:1].islower()):
            for k in range(first, end + 1):
                if not named[k] or k == closer:
                    speakers[k] = speakers[closer]
        elif closer == end + 1 < len(sentences) and (bare := _CLOSER.match(sentences[closer])):
            who = people.resolve(bare.group("name"))  # '"Did you ever know…?" | Mr Weingarten pressed.'
            for k in range(first, end + 1):
                if not named[k]:
                    speakers[k] = who
    return speakers


def _head_is(last: str, sentence: str, people: People) -> bool:
    """Whether the words before the quotation a sentence leaves open may be the last speaker's,
    though they do not name them: `he said: "…`, `The Man Utd boss continued: "…`. Not when they
    name someone else (`Barcelona star Ronaldinho admitted: "…`, `Peter Bradshaw felt: "…`, a name
    we cannot resolve: `Rory O' Neill, editor of …, said: "…`) or a thing (`The document reportedly
    said: "…`): a quotation whose head is not the last speaker's carries on no one's words."""
    marks = [k for k, c in enumerate(sentence) if c in _QUOTES]
    before = sentence[:marks[-1]] if marks else sentence
    if not before.strip():
        return True
    if _HEAD_PRONOUN.search(before):
        return True
    epithet = _HEAD_EPITHET.search(before)
    if epithet and ((role := epithet.group("role").split()[-1])[:1].isupper() or is_role_word(role)
                    or role.lower() in _EPITHET_HEADS):
        return True  # "the American said", "The central defender added"
    return last in (name for _, name in _mentions(before, people))


def _quotations(sentences: list[str], still_open: list[bool], new_paragraph: list[bool]) -> list[tuple[int, int]]:
    """(first, last) sentence of each quotation that opens at the start of a sentence."""
    found: list[tuple[int, int]] = []
    first: int | None = None
    for i, sentence in enumerate(sentences):
        if new_paragraph[i] or sentence.lstrip()[:1] in _QUOTES:
            first = i if sentence.lstrip()[:1] in _QUOTES else None
        if first is not None and not still_open[i]:
            found.append((first, i))
            first = None
    return found


def _said_after_quote(sentence: str) -> bool:
    """Whether the words after a sentence's last quotation mark say who spoke (`…," he said.`):
    short, and no quotation of their own."""
    after = re.split(rf"[{_QUOTES}]", sentence)[-1]
    return (0 < len(after.strip(" .,")) < 160 and not after.strip()[:1].isupper()) or bool(_SAYS.match(after.strip()))


def _mentions(narration: str, people: People) -> list[tuple[re.Match[str], str | None]]:
    """The people a sentence's narration names, in order, each resolved in the article (None:
    a person this article gives no full name)."""
    return [(m, people.resolve(m.group())) for m in _NAMES.finditer(narration)
            if person_name(re.sub(_NICKNAME, "", m.group())) and not _THE_BEFORE.search(narration, 0, m.start())
            and not _describes(narration, m)]


def _describes(sentence: str, m: re.Match[str]) -> bool:
    """Whether the capitals at `m` describe the person named right after a role or an epithet's
    noun ("Double Olympic champion Kelly Holmes", "Tony Blair adviser Alastair Campbell"): no one's name here."""
    after = _DESCRIBES.match(sentence, m.end())
    named = person_name(after.group("name")) if after else None
    head = after.group("head") if after else ""
    return bool(named and named.full and (is_role_word(head) or head in _EPITHET_HEADS))


def _genders(narrations: list[str], mentions: list[list[tuple[re.Match[str], str | None]]], quoted: list[bool]
             ) -> dict[str, str]:
    """Each person's gender ("m", "f") as the article itself tells it, where it does: the titles
    it gives them ("Mr Macklin", "Ms Jowell") and the first pronoun after each mention (as a
    subject: not after a preposition or a pronoun) before anyone else is named (`Corbett said he…`, `Mr Macklin said… | "…," he said.`; a capitalised
    word that names no one here, "Speaking to the Radio Times", is no one). No list of first
    names: the article decides."""
    votes: dict[str, list[int]] = {}
    for i, found in enumerate(mentions):
        for at, (m, name) in enumerate(found if not quoted[i] else ()):
            if not name:
                continue
            if title := _TITLE_GENDER.get(fold_word(m.group().split()[0])):
                votes.setdefault(name, [0, 0])[title == "f"] += 2
            if _AFTER_PREPOSITION.search(narrations[i], 0, m.start()) or _THIRD_PERSON.search(narrations[i], 0, m.start()):
                continue  # "she was reunited with Carpenter… | …her death": she is someone else
            other = next((n.start() for n, other in found[at + 1:] if other and other != name), None)
            window = narrations[i][m.end():other]
            if (len({n for _, n in found if n}) == 1 and i + 1 < len(narrations) and not quoted[i + 1]
                    and not any(n for _, n in mentions[i + 1])):
                window += " " + narrations[i + 1]
            marks = [k for k, c in enumerate(window) if c in _QUOTES]
            if len(marks) % 2:  # a quotation opened and not closed: `Jones added: "She…` is not about Jones
                window = window[:marks[-1]]
            if pronoun := _THIRD_PERSON.search(window):
                votes.setdefault(name, [0, 0])[pronoun.group().lower() in _FEMININE] += 1
    return {name: "m" if men > 2 * women else "f" for name, (men, women) in votes.items()
            if men > 2 * women or women > 2 * men}


def _unknown_speaker(narration: str, people: People) -> bool:
    """Whether the sentence opens with someone saying something whom the article never names in
    full ("Federer admitted he was under pressure", "But Parry countered:"): what follows is theirs,
    not the last speaker's. The name is one the article writes mid-sentence too, or "he" or "she"
    follows its verb: a capitalised word that only opens sentences is no one."""
    opening = _OPENING.match(narration)
    start = opening.end() if opening else len(re.match(r"(?:(?:But|And|However,?)\s+)?", narration).group())
    but = _BUT_CLAUSE.search(narration)
    m = _SAYS.match(narration, start) or (but and _SAYS.match(narration, but.end()))
    word = m.group("name").strip() if m else ""
    return bool(m and " " not in word and not m.group("comma") and not _deed(narration, m.end())
                and person_name(word) and people.resolve(word) is None
                and (bool(re.match(r"\s+(?:that\s+)?(?:he|she)\b", narration[m.end():]))  # "Federer admitted he"
                     or any(re.search(rf"[a-z,;:]\s+{re.escape(word)}\b", s) for s in people.sentences)))  # not "Bigger attacks"


def _unknown_subject(narration: str, people: People) -> bool:
    """Whether the sentence opens with a person the article never names in full ("DiCaprio, who
    lost out on the best actor Bafta, will face him again", "Smith, 24,"): "he" next is them, not the
    last subject."""
    opening = _OPENING.match(narration)
    start = opening.end() if opening else len(re.match(r"(?:(?:But|And|However,?)\s+)?", narration).group())
    m = _NAMES.match(narration, start)
    word = m.group().strip() if m else ""
    return bool(m and " " not in word and _PERSON_AFTER.match(narration, m.end()) and person_name(word)
                and people.resolve(word) is None)


def _protagonist(mentions: list[list[tuple[re.Match[str], str | None]]]) -> str | None:
    """The person the story is about: named more often than anyone else, and more than once."""
    counts = Counter(name for found in mentions for _, name in found if name).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def _referent(pronoun: str, subject: str | None, recent: list[str], genders: dict[str, str]) -> str | None:
    """Whom "he" or "she" means: the subject, unless the article tells us the subject is of the
    other gender; then the one person named in the last sentences who may be the one meant, if the
    article says they are (`Earlier chief constable Green questioned… | "…?" | he asked` after
    Tessa Jowell); when unsure, no one."""
    want = "f" if re.search(r"\b(?:she|She)\b", pronoun) else "m"
    if subject is None or genders.get(subject, want) == want:
        return subject
    could = {name for name in recent if genders.get(name, want) == want}
    return could.pop() if len(could) == 1 and genders.get(next(iter(could))) == want else None


def _first_person(sentence: str, people: People) -> str | None:
    """The person a sentence is about: one named near its start (where the subject is), after an
    opening phrase ("Having worked with Mr Cantalupo, Mr Bell focused…" is about Mr Bell), not as a
    possessive ("Tony Blair's spokesman"), after "the" ("the Celtic Warriors region") or "about" ("The
    claims about Lord Falconer were made…")."""
    opening = _OPENING.match(sentence)
    start = opening.end() if opening else 0
    return next((name for m in _NAMES.finditer(sentence, start) if m.start() < start + SUBJECT_CHARS
                 and not _ABOUT.search(sentence, 0, m.start()) and (name := _named_at(sentence, m, people))),
                None)


def _voiced(sentence: str, people: People) -> str | None:
    """The person a sentence is about, as `_first_person` finds them; but when things are done to
    them ("Mutu was sacked by Chelsea") and another person in the sentence voices a view of it ("- a
    move Wenger has backed"), the one who voices it: "But he said:" next is Wenger."""
    first = _first_person(sentence, people)
    at = first and next((m for m in _NAMES.finditer(sentence) if _named_at(sentence, m, people) == first), None)
    if not at or not _PASSIVE_AFTER.match(sentence, at.end()):
        return first
    return next((name for m in _NAMES.finditer(sentence, at.end()) if _VIEW_AFTER.match(sentence, m.end())
                 and not _AFTER_PREPOSITION.search(sentence, 0, m.start())
                 and (name := _named_at(sentence, m, people)) not in (None, first)), first)


def _introduced(sentence: str, people: People) -> str | None:
    """The one person a sentence names, if it goes on to describe them (", who plays Hermione…",
    ", 24,"): whom an epithet in the next sentence means ("The 14-year-old said" is Emma Watson,
    just introduced), though no one was the sentence's subject."""
    found = _mentions(sentence, people)
    if len({name for _, name in found if name}) != 1:
        return None
    return next((name for m, name in found if name and _PERSON_AFTER.match(sentence, m.end())), None)


def _agent(sentence: str, people: People) -> str | None:
    """Who did what a passive sentence tells, when no one is its subject: "The claims … were made in
    a book published this week by Philippe Sands QC" is about Sands, whom "He also says…" next means."""
    by = _PASSIVE_BY.search(sentence)
    name = _NAMES.match(sentence, by.end()) if by else None
    return _named_at(sentence, name, people) if name else None


def _named_first(sentence: str, people: People) -> str | None:
    """The first person a sentence names anywhere, object or subject, as `_first_person` reads names."""
    opening = _OPENING.match(sentence)
    return next((name for m in _NAMES.finditer(sentence, opening.end() if opening else 0)
                 if (name := _named_at(sentence, m, people))), None)


def _named_at(sentence: str, m: re.Match[str], people: People) -> str | None:
    """The person a name in a sentence is, unless it is a possessive, comes after "the" or ends an
    organisation's name ("Department for Constitutional Affairs")."""
    if (re.search(r"['\u2019]s?$", m.group()) or _THE_BEFORE.search(sentence, 0, m.start())
            or _ORG_HEAD_BEFORE.search(sentence, 0, m.start()) or _describes(sentence, m)):
        return None
    return people.resolve(m.group())


def _narration(sentence: str, quote_open: bool) -> str:
    """The sentence with what is inside quotation marks blanked (the marks and positions kept): the
    narration says who speaks and whom "He" means, not "Thackeray describes Becky Sharp…" or "Tate
    Britain" inside a quotation. An open quotation runs to this sentence's first mark only when its
    marks do not pair up and that mark ends a clause (`…them,"`); an unpaired mark runs to the end
    only where it opens the sentence (elsewhere it may close a quotation the article forgot to open:
    `…to reassure them," said Mr Davis.`)."""
    marks = [i for i, c in enumerate(sentence) if c in _QUOTES]
    spans: list[tuple[int, int]] = []
    if (quote_open and len(marks) % 2 == 1 and sentence.lstrip()[:1] not in _QUOTES
            and sentence[:marks[0]].rstrip()[-1:] in tuple(",.?!;-–")):  # `…them," he said`, not `said: "…`
        spans.append((0, marks.pop(0)))
    spans += [(a + 1, b) for a, b in zip(marks[::2], marks[1::2])]
    if len(marks) % 2 == 1 and not sentence[:marks[-1]].strip():
        spans.append((marks[-1] + 1, len(sentence)))
    out = list(sentence)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)


def _quote_open(sentence: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence. A sentence (a paragraph, in news
    style) that starts with a quotation mark opens one, whatever came before."""
    text = sentence.lstrip()
    if text[:1] in _QUOTES:
        was_open, text = True, text[1:]
    return was_open != (sum(text.count(q) for q in _QUOTES) % 2 == 1)


def _narrates(sentence: str) -> bool:
    """Whether a sentence is the reporter's own, whatever quotation came before: no quotation mark,
    no first person, and someone named saying something ("The ATP Tour's sponsor, Mercedes, said it
    would…" after a quotation the article never closes)."""
    return not any(q in sentence for q in _QUOTES) and not _FIRST_PERSON.search(sentence) and \
        bool(_SAYS.search(sentence))


def starts_with_pronoun(sentence: str) -> bool:
    return bool(_PRONOUN_ANY.match(sentence))

