"""The story on one screen: the few sentences that cover it (the facts most sources tell, about the
people, places and organisations the story turns on, no two telling the same fact), who is quoted,
the key dates and how often the sources disagree. Every line is a sentence of the articles.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from briefbot.compare import compare, distinct, retold
from briefbot.index import Index
from briefbot.text import refers_back
from briefbot.timeline import Event, When, timeline
from briefbot.world import Character, World

BRIEF_SIZE = 7  # sentences: the issue asks 5 to 8
POOL = 400  # the best sentences whose dates and disagreements the brief looks at (all of a small story)
KEY_DATES = 5
QUOTED = 6
MAX_OVERLAP = 0.5  # of the smaller sentence's terms: more shared with a sentence already chosen is a retelling
LEAD_WEIGHT = 1.0  # an article's first sentences say what it is about: a lead weighs as a fact one source tells
CENTRAL_WEIGHT = 2.0  # the sentence naming the story's most central things weighs three times one naming none
# (weights chosen among 16 on the three stories of bench/story_eval.py: the figures there are optimistic)
COPY = 0.8  # of an article's facts told by another: a copy of it, no second source
MAX_COPIES = 20  # tellings of a fact looked at for copies (a fact told more often is no copy's)
LIST_ITEMS = 5  # parts set apart by commas or semicolons from which a sentence mostly of names is a list
LIST_NAMED = 0.7  # of its words capitalised: a list of names ("L Dallaglio (England), B Cohen (England), …")
_SPEAKER_PRONOUN = re.compile(r"(?:(?:But|And),?\s+)?(?:He|She|They)\s")
_QUOTES = "\"'\u2018\u201c "
_FRAGMENT = ",;:)-\u2013\u2014"  # what no sentence opens on: a piece of one split apart
# "this trojan", "these figures": a thing named before; not a time ("this week", "these days")
_POINTS_BACK = re.compile(r"\b(?:this|these|those)\s+(?!(?:week|weekend|year|month|morning|afternoon|evening|season|"
                          r"century|decade|time|days?|years|months|weeks|spring|summer|autumn|winter|"
                          r"(?:jan|febr)uary|march|april|may|june|july|august|(?:sept|nov|dec)ember|october)\b)[a-z]", re.I)
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:de|van|von|al|[A-Z][\w'\u2019-]*))+"
# who wrote it, not what happened: "By Jo Smith, BBC News", "Clark Boyd is technology correspondent for The World"
_CREDIT = re.compile(rf"By\s+{_NAME}\s*(?:,|$|BBC\b)|{_NAME}\s+is\s+(?:a\s+|the\s+|our\s+)?(?:[\w-]+\s+){{0,3}}?"
                     r"(?:correspondent|reporter|editor|presenter|columnist|commentator|contributor)\b")


@dataclass(frozen=True)
class Quoted:
    """A person quoted, and by how many sources (an article and its copies one)."""
    person: Character
    sources: int


@dataclass(frozen=True)
class Brief:
    facts: list[tuple[int, tuple[int, ...]]]  # (sentence, the same fact in other articles), in story order
    quoted: list[Quoted]  # the most central first: quoted by most sources
    key_dates: list[Event]  # oldest first
    disagreements: int  # contrasts compare finds among the pool
    articles: int


def brief(index: Index, world: World, same_fact: Callable[[int, int], bool]) -> Brief:
    """The brief of a whole corpus."""
    source = _sources(index, world)
    score = _scores(index, world, source)
    pool = np.argsort(-score, kind="stable")[:POOL]
    chosen = _choose(index, world, pool, score[pool], source)
    tellings = _tellings(world, {int(world.fact_of[s]) for s in chosen})
    told = [(s, tuple(t for t in tellings[int(world.fact_of[s])] if t != s)) for s in sorted(chosen)]
    weight = dict(zip(pool.tolist(), score[pool].tolist()))
    events = timeline(index, world.fact_of, pool.tolist(), retold).events
    ranked = sorted(events, key=lambda e: (-len(e.sentences), -max(weight.get(s, 0.0) for s in e.sentences)))
    key_dates = sorted(_one_per_date(ranked)[:KEY_DATES], key=lambda e: (e.when, e.sentences))
    return Brief(told, _quoted(index, world, source), key_dates, len(compare(index, same_fact, pool.tolist()).contrasts),
                 len(index.articles))


def _one_per_date(events: list[Event]) -> list[Event]:
    """The first event of each date its sentence writes, in order: three unmerged tellings of one
    "2000" (a Sydney gold medal told three ways) would fill the key dates with one year. An event
    dated by its article is not one of its date's: the day's other news is another event."""
    kept, seen = [], set[When]()
    for e in events:
        if e.article_date or e.when not in seen:
            kept.append(e)
            seen.add(e.when)
    return kept


def _quoted(index: Index, world: World, source: np.ndarray) -> list[Quoted]:
    """The people the most sources quote (central to the story: a chief executive's long interview
    in one article and its follow-ups is not), then those with most statements."""
    quoted = [Quoted(c, len(distinct(source[index.sent_article[np.asarray(c.sentences)]])))
              for c in world.characters if c.sentences]
    return sorted(quoted, key=lambda q: (-q.sources, -len(q.person.sentences)))[:QUOTED]


def _choose(index: Index, world: World, pool: np.ndarray, score: np.ndarray, source: np.ndarray) -> list[int]:
    """The best sentences of the pool, no two of one fact or retelling each other, each source's
    claim (an article and its copies) divided by one more for every sentence already taken from it
    (a story of five articles is not told from one)."""
    chosen: list[int] = []
    facts: set[int] = set()
    taken = np.zeros(len(index.articles))
    articles = source[index.sent_article[pool]]
    left = np.ones(len(pool), dtype=bool)
    while len(chosen) < BRIEF_SIZE and left.any():
        at = int(np.argmax(np.where(left, score / (1.0 + taken[articles]), -np.inf)))
        left[at] = False
        sent = int(pool[at])
        fact = int(world.fact_of[sent])
        if fact in facts or not _tells(index.text_of(sent), index.speaker_of(sent) is not None) or any(_overlap(index, sent, c) > MAX_OVERLAP
                                                                      for c in chosen):
            continue
        chosen.append(sent)
        facts.add(fact)
        taken[articles[at]] += 1
    return chosen


def _tells(text: str, quoted: bool) -> bool:
    """Whether a sentence tells the story on its own: not a credit line (who wrote it, however many
    articles repeat it) nor a list (a team sheet), nor one that points back at what the sentence
    before it named ("It will be: …", "\u201cHe is a strong Labour Party member,\u201d …", "… are
    vulnerable to this trojan"), nor a piece of one split apart (", who founded…", "and the
    council…"): out of its article it names nothing. A speaker's "He said he was
    ashamed…" (`quoted`: attribution found who) is shown under the speaker's name."""
    opening = text.lstrip(_QUOTES)[:1]
    if opening.islower() or opening in _FRAGMENT or _CREDIT.match(text) or _POINTS_BACK.search(text) or (
            refers_back(text.lstrip(_QUOTES)) and not (quoted and refers_back(text) and _SPEAKER_PRONOUN.match(text))):
        return False
    words = text.split()
    named = sum(w.lstrip("(\"'\u201c:")[:1].isupper() for w in words)
    return text.count(",") + text.count(";") + 1 < LIST_ITEMS or named < LIST_NAMED * len(words)


def _scores(index: Index, world: World, source: np.ndarray) -> np.ndarray:
    """Each sentence's claim to the brief: how many articles tell its fact (its log: two copies of
    one agency story are not twice the news), times how central the things it names or whose words
    it is (`_centrality`), plus a lead's weight. Copies of one article (`source`) are one source."""
    count = len(index.articles)
    told = distinct(world.fact_of.astype(np.int64) * count + source[index.sent_article])  # (fact, source) once
    sources = np.bincount(told // count, minlength=world.fact_count)[world.fact_of].astype(np.float64)
    central = _centrality(index, world, source)
    position = np.arange(len(index)) - index.article_first[index.sent_article]
    return np.log2(1.0 + sources) * (1.0 + CENTRAL_WEIGHT * central) + LEAD_WEIGHT / (1.0 + position)


def _centrality(index: Index, world: World, source: np.ndarray) -> np.ndarray:
    """How central the things each sentence names (or whose words it is) are to the story, the most
    central sentence's 1: a thing weighs the log of the sources naming it, so that what one source
    alone names, however often (a candidate's remarks in one article and its copy, a shareholder
    group in one), weighs nothing; what every source names weighs most."""
    things = [np.asarray(t.sentences, dtype=np.int64) for t in world.things if t.sentences]
    central = np.zeros(len(index))
    if not things:
        return central
    sents = np.concatenate(things)
    owner = np.repeat(np.arange(len(things)), [len(t) for t in things])
    count = len(index.articles)
    named = distinct(owner * count + source[index.sent_article[sents]])  # each (thing, source) once
    weight = np.log(np.bincount(named // count, minlength=len(things)))
    np.add.at(central, sents, weight[owner])
    return central / (central.max() or 1.0)


def _sources(index: Index, world: World) -> np.ndarray:
    """Each article's source: the first article it is a copy of (COPY of the smaller's facts are
    the other's: an agency story published twice is one source), else itself."""
    count = len(index.articles)
    told = distinct(world.fact_of.astype(np.int64) * count + index.sent_article)  # each (fact, article) once
    fact, article = told // count, told % count
    own = np.bincount(article, minlength=count)
    sizes = np.diff(np.flatnonzero(np.r_[True, fact[1:] != fact[:-1], True]))
    some = np.repeat((sizes > 1) & (sizes <= MAX_COPIES), sizes)  # most facts are told once: no copy's
    fact, paired = fact[some], article[some]
    firsts, seconds = [], []
    for k in range(1, MAX_COPIES):  # the articles telling one fact, paired by shifting them against themselves
        same = fact[:-k] == fact[k:]
        if not same.any():
            break
        firsts.append(paired[:-k][same])
        seconds.append(paired[k:][same])
    source = np.arange(count)
    if not firsts:
        return source
    every = np.sort(np.concatenate(firsts) * count + np.concatenate(seconds))
    starts = np.flatnonzero(np.r_[True, every[1:] != every[:-1]])
    pairs, shared = every[starts], np.diff(np.r_[starts, len(every)])  # each pair of articles, and its facts
    a, b = pairs // count, pairs % count
    copies = shared >= COPY * np.minimum(own[a], own[b])
    for one, other in zip(a[copies].tolist(), b[copies].tolist()):  # few: the first of the copies is their source
        source[source == source[other]] = source[one]
    return source


def _overlap(index: Index, a: int, b: int) -> float:
    ta, tb = set(index.terms_of(a).tolist()), set(index.terms_of(b).tolist())
    return len(ta & tb) / (min(len(ta), len(tb)) or 1)


def _tellings(world: World, facts: set[int]) -> dict[int, list[int]]:
    """The sentences of each fact asked for."""
    out: dict[int, list[int]] = {f: [] for f in facts}
    for sent in np.flatnonzero(np.isin(world.fact_of, list(facts))).tolist():
        out[int(world.fact_of[sent])].append(sent)
    return out
