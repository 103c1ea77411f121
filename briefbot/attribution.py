"""Who says a sentence: speech verbs, `according to X`, and pronouns that point back to the last speaker.

Patterns and capitalisation only (no NER model can be downloaded). Names come back as written in
the sentence; joining spelling variants into one person is the world's job.
"""
from __future__ import annotations

import re

_PARTICLE = r"(?:(?:al|el|bin|ibn|abu|de|del|van|von|da|du|le|la)[-\s])"
_CAP = r"[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*"
NAME = rf"(?:{_CAP}|{_PARTICLE.replace('(?:al', '(?:[Aa]l')}{_CAP})(?:\s+{_PARTICLE}?{_CAP}){{0,4}}"
_VERBS = (r"said|says|say|told|tells|explains|explained|points? out|pointed out|confirm(?:s|ed)?|add(?:s|ed)|"
          r"not(?:es|ed)|stress(?:es|ed)|emphasi[sz](?:es|ed)|clarifi(?:es|ed)|warn(?:s|ed)|argu(?:es|ed)|"
          r"insist(?:s|ed)|claim(?:s|ed)|stat(?:es|ed)|announc(?:es|ed)|highlight(?:s|ed)|reveal(?:s|ed)|"
          r"assert(?:s|ed)|reassur(?:es|ed)|list(?:s|ed)|conclud(?:es|ed)|classifies|classified|"
          r"categori[sz](?:es|ed)|indicat(?:es|ed)|comment(?:s|ed)|suggest(?:s|ed)|acknowledg(?:es|ed)|"
          r"admit(?:s|ted)|believ(?:es|ed)|wrote|writes|replied|asked|urged|predicted|denied|described")
_ADVERB = r"(?:also\s+|further\s+|has\s+|had\s+)?"
_SAYS = re.compile(rf"(?P<name>{NAME}),?\s+{_ADVERB}(?:{_VERBS})\b")
_SAYS_APPOSITION = re.compile(rf"(?P<name>{NAME})\s*,[^,]{{3,120}},\s+{_ADVERB}(?:{_VERBS})\b")
_SAID_NAME = re.compile(rf"[\"\u201d,]\s*(?:{_VERBS})\s+(?P<name>{NAME})")
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the\s+)?(?P<name>{NAME})")
_PRONOUN = re.compile(r"^(?:He|She)\s+(?:also\s+)?(?:" + _VERBS + r")\b")
_PRONOUN_ANY = re.compile(r"^(?:He|She)\b")
# Capitalised words that start sentences or name outlets, never a speaker on their own.
_NOT_NAMES = {"The", "This", "That", "It", "He", "She", "They", "We", "I", "In", "On", "As", "For", "But",
              "And", "However", "Regarding", "Additionally", "Currently", "Meanwhile", "A", "An", "His",
              "Her", "Their", "Its", "There", "These", "Those", "If", "When", "While", "Mr", "Mrs", "Ms"}
_TITLES = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|President|Minister|Chancellor|Senator|General)\.?\s+)+")


def clean_name(name: str) -> str | None:
    """The name without titles; None when what was captured is not a name."""
    name = _TITLES.sub("", name.strip())
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words or all(w in _NOT_NAMES for w in words):
        return None
    return " ".join(words)


def speaker_in(sentence: str) -> str | None:
    """The person a sentence attributes its words to, if it names one."""
    for pattern in (_ACCORDING, _SAYS, _SAID_NAME, _SAYS_APPOSITION):
        for m in pattern.finditer(sentence):
            if name := clean_name(m.group("name")):
                return name
    return None


def attribute(sentences: list[str]) -> list[str | None]:
    """Speakers of an article's sentences, in order. "He explains…" belongs to the last-named
    speaker, and so does a sentence inside a quotation that an earlier sentence opened."""
    speakers: list[str | None] = []
    last: str | None = None
    quote_open = False
    for sentence in sentences:
        name = speaker_in(sentence)
        if name is None and last and (quote_open or _PRONOUN.match(sentence)):
            name = last
        if name:
            last = name
        quote_open = quote_open != (_quote_marks(sentence) % 2 == 1)
        speakers.append(name)
    return speakers


def _quote_marks(sentence: str) -> int:
    return sum(sentence.count(q) for q in '"\u201c\u201d')


def starts_with_pronoun(sentence: str) -> bool:
    return bool(_PRONOUN_ANY.match(sentence))
