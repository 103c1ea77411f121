"""Topics. Which sentences a topic covers, for the verbs that gather a story's shape (`timeline X`,
`compare X`): every sentence naming it, and the whole of every article whose headline names it
(in a story about the budget, "It will be delivered on 16 March" is about the budget too). And
what a person's (or a thing's) own sentences are about, for `talk to` and `examine`."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from briefbot.index import Index
from briefbot.lexicon import is_word
from briefbot.names import census_names
from briefbot.text import IRREGULAR, STOP_WORDS, analyze, fold

if TYPE_CHECKING:
    from briefbot.world import Thing, World

_SPEECH = "said says told tells added explained noted stated commented asked replied wrote"  # not topics
_VERB_BASES = set(IRREGULAR.values())  # take, set, go…: verbs, not topics
_NOT_NOUN = re.compile(r"(?:ed|ing|ly|ive|ous|ful|less|able|ible|ical|ic|ant|ent|ward|wards)$", re.I)
_BEFORE_VERB = r"(?:to|will|would|can|could|may|might|must|shall|should|do|does|did|not|be|been|was|were|is|are)"
# A noun ends a noun phrase: "the button.", "the pressure on", "an embargo of"; "a fantastic player"
# shows "fantastic" is none.
_DETERMINER = r"(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|no|any|some|every|each)"
_PHRASE_END = (r"(?:[^\w\s]|$|(?:of|in|on|for|to|and|or|but|is|was|are|were|has|have|had|will|would|could|can|"
               r"that|which|with|at|by|from|as|into|over|after|before)\b)")
# "on the ground", "in the end", "at the time": where or how something is, not what is talked about
_WHERE = r"(?:on|in|at|under|by|into|onto|off|from)"
_CONTRACTION = re.compile(r"['\u2019](?:m|re|ve|ll|d|t)$", re.I)  # "I'm", "Don't": no name
# when something is said, or how, not what it is about ("a bid in the summer", "by the way")
_NO_TOPIC = {"spring", "summer", "autumn", "winter", "weekend", "week", "month", "year", "decade", "century", "season",
             "night", "morning", "evening", "afternoon", "time", "day", "moment", "way", "thing", "things", "lot", "bit",
             "kind", "sort"}
_TITLES = {"sir", "mr", "mrs", "ms", "dr", "lord", "lady", "dame", "prof"}
# a run of capitalised words, "of (the)" inside it too: "Lord of the Rings", "Bank of England"
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019.&-]*[\w](?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019.&-]*[\w])*")


def sentences_on(index: Index, topic: str) -> np.ndarray:
    """Sorted sentence ids holding every term of `topic` or spoken by someone it names, with the
    sentences of articles whose headline holds them all; empty when a term is unknown."""
    terms = [index.term_id.get(t) for t in dict.fromkeys(analyze(topic))]
    if not terms or None in terms:
        return np.zeros(0, dtype=np.int32)
    held = _all_of([index.postings(t)[0] for t in terms])
    speakers = [n for n, name in enumerate(index.speakers) if set(analyze(name)) >= {index.terms[t] for t in terms}]
    spoken = np.flatnonzero(np.isin(index.sent_speaker, speakers)) if speakers else np.zeros(0, dtype=np.int64)
    titled = [a for a in _all_of([index.by_article.get(t)[0] for t in terms]).tolist()
              if set(analyze(index.articles[a].title or "")) >= {index.terms[t] for t in terms}]
    whole = [np.arange(index.article_first[a], index.article_first[a + 1]) for a in titled]
    return np.unique(np.concatenate([held, spoken, *whole])).astype(np.int32)


def _all_of(postings: list[np.ndarray]) -> np.ndarray:
    out = postings[0]
    for docs in postings[1:]:
        out = np.intersect1d(out, docs, assume_unique=True)
    return out


def talked_about(index: Index, world: World, thing: Thing, n: int = 6) -> list[str]:
    """What a thing's own sentences are about: first the people, places and organisations they
    name (never the outlet, nor whom they are told to: "told BBC News Online"; never itself), then
    the names and nouns that most set them apart from the rest of the briefing (how often they come
    times their idf squared, else "year" and "people" win on a big corpus). A name is its whole run
    of capitalised words ("Grand Slam", "Becky Sharp", not "Grand", "Slam"), a first name alone the
    whole name it is written in ("Steven Gerrard"); a lowercase word is a topic only where it ends a
    noun phrase somewhere ("the embargo on"), so no verbs ("take", "tend"), adverbs ("never",
    "rather") or adjectives ("defensive", "fantastic"), nor when or how it was said ("summer",
    "way", "from the sky"). Its own names and role (and what shares their words), and the verbs of
    speech, are left out: the Chancellor does not talk about "Brown", "chancellor" or "said"."""
    mine = set(thing.sentences)
    outlets = {fold(a.outlet) for a in index.articles if a.outlet}
    own = {term for name in [*thing.names(), getattr(thing, "role", None) or "", _SPEECH] for term in analyze(name)}
    people = [fold(c.name) for c in world.characters if " " in c.name]

    def unfit(name: str) -> bool:
        """An outlet or its short name ("BBC" of "BBC Sport"), or a person's name with more ("the Robert
        Kilroy-Silk Party", a jibe at him): no topic."""
        name = fold(name)
        return any(name.startswith(o) or o.startswith(name + " ") for o in outlets) or \
            any(p in name and p != name for p in people)

    named = sorted(((len(about), t.name) for t in world.things if t is not thing
                    and (about := [s for s in mine.intersection(t.sentences) if not _told(index.text_of(s), t)])
                    and not own & set(analyze(t.name)) and not any(unfit(name) for name in t.names())),
                   key=lambda c: -c[0])
    topics = [name for _, name in named[:n // 2]]
    own |= {term for name in topics for term in analyze(name)}
    texts = [index.text_of(sent) for sent in sorted(mine)]
    said = " ".join(texts)
    known = {fold(name) for t in world.things for name in t.names()}
    counts: Counter[str] = Counter()
    usage = _usage(said)
    for text in texts:
        found = {_in_full(name, said, known, index) for name in _names_in(text, said)
                 if not re.search(rf"\b{_TOLD}{re.escape(name)}\b", text, re.I) and not unfit(name)} - {""}
        found |= {w for w in re.findall(r"(?<![\w'\u2019-])[a-z][a-z-]+[a-z](?![\w'\u2019])", text)
                  if w not in _NO_TOPIC and _noun(w, usage)}
        counts.update(found)
    idf = index.bm25.idf_array

    def weight(topic: str) -> float:
        ids = [index.term_id[t] for t in analyze(topic) if t in index.term_id]
        return max((float(idf[i]) for i in ids), default=0.0) ** 2

    for topic in sorted(counts, key=lambda t: (-counts[t] * weight(t), t)):
        if len(topics) == n:
            break
        terms = set(analyze(topic))
        if topic.islower() and not set(analyze(phrase := _phrase(topic, said))) & own:
            topic = phrase  # "defensive lines"; al-Numan's "army" stays one word: his role says "Iraqi"
        if terms and not terms & own and not any(fold(topic) in fold(t) or fold(t) in fold(topic) for t in topics):
            topics.append(topic)
    return topics


def _in_full(name: str, said: str, known: set[str], index: Index) -> str:
    """A first name alone ("Steven") as the whole name its speaker writes it in elsewhere ("Steven
    Gerrard", "Jerzy Dudek"); "" if they never do (a first name alone names no one), and for an
    English word or one the corpus writes in lower case too ("Somebody", "Today" opening a
    quotation). Any other name as it is, and a thing's name of the world's (a club, "Chelsea", may
    be a first name too)."""
    first_names, surnames = census_names()
    if " " in name or fold(name) in known:
        return name
    if _NOT_NOUN.search(name):  # "Speaking exclusively to BBC Sport": capitalised for opening the sentence
        return ""
    full = next((run for m in _CAPITALISED.finditer(said) if len((run := re.sub(r"['\u2019]s$", "", m[0])).split()) == 2
                 and run.startswith(name + " ") and (name in first_names or run.split()[1] in surnames)), "")
    if full or name in first_names:
        return full
    # an English word (a stop word has no terms) or one written in lower case: "Somebody had…", "Dismal reports…"
    return "" if all(map(is_word, analyze(name))) or index.written_lower(name) else name


def _phrase(noun: str, said: str) -> str:
    """A noun with the word that goes before it each time it is said, twice or more: "defensive
    lines", "security services" (al-Numan and Al-Bayati say no "lines" or "services" alone)."""
    before = {fold(m[1]) for m in re.finditer(rf"([\w-]+)\s+{re.escape(noun)}(?![\w'\u2019-])", said)}
    uses = len(re.findall(rf"(?<![\w-]){re.escape(noun)}(?![\w'\u2019-])", said))
    if uses < 2 or len(before) != 1 or not (word := before.pop()).isalpha() or word in STOP_WORDS \
            or re.fullmatch(_DETERMINER, word):
        return noun
    written = re.search(rf"([\w-]+)\s+{re.escape(noun)}(?![\w'\u2019-])", said)[1]
    return f"{written} {noun}"


_TOLD = (r"(?:told|tells|telling|(?:speaking|talking|said)(?:\s+[a-z]+ly)?\s+to|in an interview with|wrote in)"
         r"\s+(?:the\s+)?")  # "speaking exclusively to BBC Sport"


def _told(text: str, thing: Thing) -> bool:
    """Whether a sentence names `thing` only as whom it was said to ("told BBC News Online", "told
    the Daily Record"): an outlet someone speaks to is not what they talk about."""
    names = "|".join(re.escape(n) for n in sorted(thing.names(), key=len, reverse=True))
    return bool(re.search(rf"\b{_TOLD}(?:{names})\b", text)) and not any(
        m.start() and not re.search(rf"\b{_TOLD}$", text[:m.start()])
        for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text))


def _names_in(text: str, said: str) -> list[str]:
    """The runs of capitalised words in a sentence, without a title ("Sir") or a first word that
    is only capitalised for opening the sentence ("Serious" in "Serious questions remain")."""
    out = []
    for m in _CAPITALISED.finditer(text):
        words = m[0].split()
        if words[0].lower().rstrip(".") in _TITLES and words[1:2] != ["of"]:  # "Lord of the Rings" is no title
            words = words[1:]
        opens = not text[:m.start()].strip(" \"'\u201c\u2018(")
        if words and opens and (words[0].lower() in STOP_WORDS or
                                re.search(rf"(?<![\w-]){re.escape(words[0].lower())}(?![\w-])", said)):
            words = words[1:]
        if words and not any(c.isdigit() for c in words[0]) and not _CONTRACTION.search(words[0]):
            out.append(re.sub(r"['\u2019]s?$", "", " ".join(words).rstrip(".")))  # "Today's" is "Today"
    return out


@dataclass(frozen=True)
class _Usage:
    """How each word is used in a body of text, read in one pass of each pattern rather than one
    search of the whole text a word (a minister's thousand sentences hold thousands of words)."""
    uses: Counter[str]
    as_verb: Counter[str]  # after "to", "will", "did"…: "might pose"
    placed: Counter[str]  # "on the ground", "at the time"
    ends: frozenset[str]  # the end of a noun phrase at least once: "the button.", "an embargo on"


def _usage(said: str) -> _Usage:
    low = said.lower()
    end = rf"(?=\s*{_PHRASE_END})"
    ends = re.findall(rf"\b{_DETERMINER}\s+(?=([\w-]+){end})", low)
    # ("a bit longer" ends no noun phrase)
    ends += re.findall(rf"\b{_DETERMINER}\s+(?=(?!(?:bit|lot|little)\s)[a-z-]+\s+([\w-]+){end})", low)
    return _Usage(Counter(re.findall(r"[\w-]+", low)),
                  Counter(re.findall(rf"\b{_BEFORE_VERB}\s+(?=([\w-]+))", low)),
                  Counter(re.findall(rf"\b{_WHERE}\s+{_DETERMINER}\s+(?=([\w-]+))", low)), frozenset(ends))


def _noun(word: str, usage: _Usage) -> bool:
    """A lowercase word that reads as a noun where it is used (no tagger is shipped): not a verb or
    an adjective by its look ("-ed", "-ive"), never after "to"/"will" ("might pose"), and at least
    once the end of a noun phrase ("the button.", "an embargo on")."""
    if len(word) < 3 or word in STOP_WORDS or word in IRREGULAR or word in _VERB_BASES or _NOT_NOUN.search(word):
        return False
    uses = usage.uses[word]
    return word in usage.ends and usage.as_verb[word] * 2 < uses and usage.placed[word] < uses
