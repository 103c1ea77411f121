"""The story on one screen: the few sentences that together cover most of what its sources write
(its words, phrases and figures, weighed by how many sources write them; no two sentences telling
the same fact), who is quoted, the key dates and how often the sources disagree. Every line is a
sentence of the articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from briefbot.cache import load_readings
from briefbot.compare import disagreement_counts, distinct, retold
from briefbot.index import Index
from briefbot.text import refers_back, word_spans, word_terms
from briefbot.timeline import Event, When, timeline
from briefbot.world import Character, World

BRIEF_SIZE = 7  # sentences: the issue asks 5 to 8
POOL = 400  # the best sentences whose dates the brief looks at (all of a small story)
KEY_DATES = 5
QUOTED = 6
MAX_OVERLAP = 0.5  # of the smaller sentence's terms: more shared with a sentence already chosen is a retelling
FIGURE_WEIGHT = 5.0  # a figure or date ("£800m", "28.1%") weighs as five words written by as many sources
BIGRAM_WEIGHT = 1.0  # two terms in a row ("stamp duty", "golden rule") weigh as a third term: the phrase is the story's
LEAD_BOOST = 1.0  # an article's first sentence's gain counts twice, its second's 1.5 times, …: news says its point first
LENGTH_POWER = 0.7  # gain over the concepts a sentence holds to this power: a long one covers more, and fills more
# of the screen (0.5 let long machine-translated tellings win: 0.7 covers as much in 8% fewer characters)
# (weights chosen on the four stories of bench/story_eval.py, yugansk and worldcom held out; see its docstring)
COPY = 0.8  # of an article's facts told by another: a copy of it, no second source
MAX_COPIES = 20  # tellings of a fact looked at for copies (a fact told more often is no copy's)
FOCUS_CHARS = 40  # of a fact's sentence: the words weighing most, around which its one line is cut
MIN_WORDS = 3  # words a sentence telling something has at the least ("Work starts in 2006."; not "2...", "1).")
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
    focus: dict[int, tuple[int, int]]  # each fact's sentence: what matters most in it (`_focus`)
    quoted: list[Quoted]  # the most central first: quoted by most sources
    key_dates: list[Event]  # oldest first
    disagreements: int  # what `compare` lists of the whole corpus: the count the verb shows
    disagreeing: int  # the articles those are in
    articles: int


def brief(index: Index, world: World) -> Brief:
    """The brief of a whole corpus."""
    source = _sources(index, world)
    concepts = _concepts(index, source)
    claim = concepts.gains(np.zeros(len(concepts.weight), dtype=bool))
    pool = np.argsort(-claim, kind="stable")[:POOL]
    chosen = _choose(index, world, pool, concepts)
    tellings = _tellings(world, {int(world.fact_of[s]) for s in chosen})
    told = [(s, tuple(t for t in tellings[int(world.fact_of[s])] if t != s)) for s in sorted(chosen)]
    events = timeline(index, world.fact_of, pool.tolist(), retold).events
    ranked = sorted(events, key=lambda e: (-len(e.sentences), -max(claim[list(e.sentences)])))
    shown = {t for sent, others in told for t in (sent, *others)}
    ranked = [e for e in ranked if shown.isdisjoint(e.sentences)]  # a line above is not shown again
    key_dates = sorted(_one_per_date(ranked)[:KEY_DATES], key=lambda e: (e.when, e.sentences))
    disagreements, disagreeing = load_readings(index, "disagreements", disagreement_counts)["counts"].tolist()
    focus = {sent: _focus(index, concepts.weight, sent) for sent, _ in told}
    return Brief(told, focus, _quoted(index, world, source), key_dates, disagreements, disagreeing, len(index.articles))


def _focus(index: Index, weight: np.ndarray, sent: int) -> tuple[int, int]:
    """The span of FOCUS_CHARS characters at most (whole words) of a sentence whose terms the most
    sources write (`_concepts`' weights; a figure's FIGURE_WEIGHT times more), the first of equal
    weight: a brief's line shows the sentence around it ("…the coalition's mission in Syria would
    continue until September 2026."), not its first words only."""
    text = index.text_of(sent)
    words = list(word_spans(text))
    if not words:
        return 0, len(text)
    weights = [sum(float(weight[t]) for term in word_terms(w.group()) if (t := index.term_id.get(term)) is not None)
               * (FIGURE_WEIGHT if any(c.isdigit() for c in w.group()) else 1.0) for w in words]
    best, span, total, lo = -1.0, (words[0].start(), words[0].end()), 0.0, 0
    for hi, word in enumerate(words):  # each window of whole words ending at `hi`, widest first
        total += weights[hi]
        while word.end() - words[lo].start() > FOCUS_CHARS and lo < hi:
            total -= weights[lo]
            lo += 1
        if total > best:
            best, span = total, (words[lo].start(), word.end())
    return span


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


def _choose(index: Index, world: World, pool: np.ndarray, concepts: _Concepts) -> list[int]:
    """The sentences of the pool that together cover most of the story's concepts, Gillick and
    Favre's coverage chosen greedily: each time the sentence whose concepts not yet covered weigh
    most, so that what a chosen sentence tells adds nothing to the next; two sentences of one fact,
    or retelling each other, are never both taken. Of the tellings of one fact, the one holding most
    of what the sources write is the one shown ("so the timetables are fixed and are proceeding
    according to plan", not the telling that leaves that to its next sentence)."""
    covered = np.zeros(len(concepts.weight), dtype=bool)
    chosen: list[int] = []
    facts: set[int] = set()
    left = [s for s in pool.tolist() if _tells(index.text_of(s), index.speaker_of(s) is not None)]
    while len(chosen) < BRIEF_SIZE and left:
        gains = concepts.gains(covered, np.asarray(left))
        sent = left.pop(int(np.argmax(gains)))  # the first of equal gains in the pool's order
        fact = int(world.fact_of[sent])
        if fact in facts or any(_overlap(index, sent, c) > MAX_OVERLAP for c in chosen):
            continue
        chosen.append(sent)
        facts.add(fact)
        covered[concepts.of(sent)] = True
    return chosen


@dataclass(frozen=True)
class _Concepts:
    """The concepts each sentence holds, each once, and what each concept weighs (`_concepts`)."""
    ptr: np.ndarray  # the concepts of sentence s: ids[ptr[s]:ptr[s + 1]]
    ids: np.ndarray
    weight: np.ndarray  # per concept
    prior: np.ndarray  # per sentence: its lead's boost over its concepts' count to LENGTH_POWER

    def of(self, sent: int) -> np.ndarray:
        return self.ids[self.ptr[sent]:self.ptr[sent + 1]]

    def gains(self, covered: np.ndarray, sents: np.ndarray | None = None) -> np.ndarray:
        """What each sentence (all by default) would add: the weight of its concepts not yet covered."""
        sents = np.arange(len(self.prior)) if sents is None else sents
        sizes = self.ptr[sents + 1] - self.ptr[sents]
        at = np.repeat(self.ptr[sents] - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
        ids = self.ids[at]
        new = np.where(covered[ids], 0.0, self.weight[ids])
        return np.bincount(np.repeat(np.arange(len(sents)), sizes), new, minlength=len(sents)) * self.prior[sents]


def _concepts(index: Index, source: np.ndarray) -> _Concepts:
    """The story's concepts: its content terms, its pairs of terms in a row and its figures and
    dates, each weighing the number of sources that write it (Gillick and Favre's document
    frequency): what every source writes is what the story is about, what one source alone
    writes, however often, is its own. Copies of one article (`source`) are one source."""
    sents, count, terms = len(index), len(index.articles), len(index.terms)
    owner = np.repeat(np.arange(sents, dtype=np.int64), np.diff(index.sent_ptr))
    term = index.sent_terms.astype(np.int64)
    follows = owner[1:] == owner[:-1]
    bigram, bigram_sources = _dense(term[:-1][follows] * terms + term[1:][follows],
                                    source[index.sent_article[owner[1:][follows]]], count)
    figure_owner = np.repeat(np.arange(sents, dtype=np.int64), np.diff(index.figure_ptr))
    figure = index.figure_ids.astype(np.int64)
    by_term = np.repeat(np.arange(terms, dtype=np.int64), np.diff(index.art_ptr))  # the articles' postings
    kinds = [(owner, term, _written(by_term, source[index.art_docs], count, terms), 1.0),
             (owner[1:][follows], bigram, bigram_sources, BIGRAM_WEIGHT),
             (figure_owner, figure, _written(figure, source[index.sent_article[figure_owner]], count, len(index.facts)),
              FIGURE_WEIGHT)]
    starts = np.cumsum([0] + [len(sources) for _, _, sources, _ in kinds])
    total = int(starts[-1])
    pairs = np.sort(np.concatenate([sent * total + concept + at for (sent, concept, _, _), at in zip(kinds, starts)]),
                    kind="stable")  # each kind in sentence order already: the sort merges three runs
    pairs = pairs[_starts(pairs)]
    sent, concept = pairs // total, pairs % total  # each concept once a sentence, in sentence order
    weight = np.concatenate([sources * w for _, _, sources, w in kinds]).astype(np.float64)
    size = np.bincount(sent, minlength=sents)
    position = np.arange(sents) - index.article_first[index.sent_article]
    prior = (1.0 + LEAD_BOOST / (1.0 + position)) / np.maximum(size, 1) ** LENGTH_POWER
    return _Concepts(np.concatenate([[0], np.cumsum(size)]), concept, weight, prior)


def _written(concept: np.ndarray, source: np.ndarray, count: int, size: int) -> np.ndarray:
    """How many sources write each of `size` concepts, from the source of each time one is written."""
    written = np.sort(concept * count + source, kind="stable")  # the postings come nearly in order
    return np.bincount(written[_starts(written)] // count, minlength=size)


def _dense(keys: np.ndarray, source: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Concepts written as sparse keys (a pair of terms), numbered densely in order, and how many
    sources write each: one sort serves both (np.unique's inverse costs twice as much here)."""
    written = keys * count + source
    order = np.argsort(written)
    written = written[order]
    first = _starts(written // count)
    number = np.cumsum(first) - 1
    dense = np.empty_like(number)
    dense[order] = number
    return dense, np.bincount(number[_starts(written)], minlength=int(first.sum()))


def _starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array begins."""
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return first


def _tells(text: str, quoted: bool) -> bool:
    """Whether a sentence tells the story on its own: not a credit line (who wrote it, however many
    articles repeat it) nor a list (a team sheet), nor one that points back at what the sentence
    before it named ("It will be: …", "\u201cHe is a strong Labour Party member,\u201d …", "… are
    vulnerable to this trojan"), nor a piece of one split apart (", who founded…", "and the
    council…"): out of its article it names nothing; nor a list's numbering split apart ("2...",
    "1)."), of fewer than MIN_WORDS words. A speaker's "He said he was ashamed…" (`quoted`:
    attribution found who) is shown under the speaker's name."""
    opening = text.lstrip(_QUOTES)[:1]
    if opening.islower() or opening in _FRAGMENT or _CREDIT.match(text) or _POINTS_BACK.search(text) or (
            refers_back(text.lstrip(_QUOTES)) and not (quoted and refers_back(text) and _SPEAKER_PRONOUN.match(text))):
        return False
    words = text.split()
    if sum(any(c.isalpha() for c in w) for w in words) < MIN_WORDS:
        return False
    named = sum(w.lstrip("(\"'\u201c:")[:1].isupper() for w in words)
    return text.count(",") + text.count(";") + 1 < LIST_ITEMS or named < LIST_NAMED * len(words)


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
