"""Where sources tell the same thing differently: pairs of sentences from different articles about
the same subject (they share most of their weighted terms) that differ in a figure, a date, what
they deny or hedge, who says it, or how they name a thing, with the words that differ; and what
only one source says.

A pair is found by the terms its sentences share (each term's sentences paired in arrays, so the
cost follows the shared terms, not the square of the sentences); its differences are read from the
typed spans found at build, the speakers found by attribution and the words around a denial.
"""
from __future__ import annotations

import re
import string
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple
from functools import cached_property, lru_cache

import numpy as np

from briefbot.cache import load_readings
from briefbot.index import Index
from briefbot.names import PLACES, TITLES, name_key, skeleton
from briefbot.text import DENIALS, analyze, fold, word_spans, word_terms
from briefbot.timeline import article_day, read_date

KINDS = ("figure", "date", "negation", "hedge", "attribution", "name")
PAIR_SIMILARITY = 0.35  # shared idf weight over the smaller sentence's: the two tell of the same thing
ALIKE = 0.5  # as alike as this, two sentences surely tell one thing: given to two speakers, they differ
ALONE_SIMILARITY = 0.3  # below this with every sentence of the other articles, a sentence is theirs alone
MIN_SHARED = 4  # terms two sentences share at the least ("People just did it" is about nothing in particular)
MAX_POSTING = 60  # a term in more of the compared sentences says nothing about which two pair
MIN_RARE = 2  # of the shared terms, in MAX_POSTING sentences at most: what picks the two out to be weighed
CUE_REACH = 6  # words either side of a denial or hedge that say what it is about
FIGURE_REACH = 3  # words either side of a figure that say what it counts ("exceeded five million")
SCOPE_REACH = 25  # characters either side of a figure where a name says of what ("31% of the vote in Erewash")
KEPT_READINGS = 10_000  # sentence readings kept between compares (~3.5 kB each: 35 MB at most)
MAX_INITIALS = 2  # letters of a first name's initials ("Y", "KP", "Mi"), no shortened word
MAX_NAME_WORDS = 3  # a longer run is a role and a name ("East Midlands MEP Robert Kilroy-Silk"): no one name

_FRAMING = "said says say told tells tell added according interview news agency"  # words that frame a quote

# --- figures ---
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ADDED = re.compile(r"\s+(?:other|more|further|additional|extra)\b", re.I)  # counts others: "eight other members"
_SCORE_CHARS = set("0123456789-\u2013() ")
_FIGURES = ("number", "money", "percent", "duration", "age", "measure", "time")
_FIGURE_TYPES = (*_FIGURES, "date")  # a figure's type, numbered in `reading_arrays`
# a scale in words ("£12 million") pairs sentences as any word does; the other numbers pair nothing
_SCALE_TERMS = set(analyze("thousand million billion"))
# a threshold, not a figure of the thing: the bound before it, or a landmark after it ("the 40 trillion … mark")
_AT_LEAST = re.compile(r"\b(?:more\s+than|over|above|at\s+least|in\s+excess\s+of|upwards\s+of|beyond|past|"
                       r"exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|pass(?:es|ed|ing)?|top(?:s|ped|ping)?)"
                       r"\s+(?:the\s+)?[£$\u20ac]?$", re.I)
_AT_MOST = re.compile(r"\b(?:less\s+than|fewer\s+than|no\s+more\s+than|under|below|up\s+to|at\s+most)"
                      r"\s+(?:the\s+)?[£$\u20ac]?$", re.I)
_LANDMARK = re.compile(r"(?:\s+[\w()'\u2019-]+){0,5}?\s+(?:mark|barrier|milestone|threshold)\b")
_SCALE_OF = {"": 1.0, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
_SCALES = {"k": "k", "thousand": "k", "m": "m", "million": "m", "bn": "bn", "billion": "bn", "tn": "tn", "trn": "tn",
           "trillion": "tn"}

# --- denials and hedges ---
# a failure denies what it tells too ("failed to recover" is "has not recovered"); search's merging reads
# `DENIALS` only
_NEGATIONS = DENIALS | {"failed", "fails", "failing", "unable"}
_HEDGES = set("may might could possibly perhaps probably likely unlikely reportedly allegedly apparently appears appear "
              "seems seem suggests suggested believed estimated understood".split())
_ALLEGED = {"allegedly", "reportedly"}  # what a charge or an accusation tells as alleged, too
_CHARGING = "charged charges accused accusations alleged allegations"  # analysed when first asked (`_charging`)
_SEEMING = {"appears", "appear"}  # hedges that are verbs of showing up too (`_showing_up`)
_WHERE = {"in", "at", "on", "before"}
_APPROXIMATE = {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}  # hedges before a figure
_DENYING_NOUNS = {"no", "none", "nothing"}  # a denial of the noun after it and of the verb before it
_CUES = frozenset(_NEGATIONS | _HEDGES | _APPROXIMATE)
_CUE_KINDS = ("negation", "hedge")  # a cue's kind, numbered in `reading_arrays`
_APART = str.maketrans(dict.fromkeys(string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014", " "))
_SKIP_AFTER_CUE = {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "a",
                   "an", "the", "any", "so", "very", "yet", "also", "even", "always", "necessarily", "at", "all", "in",
                   "to", "longer", "only", "just", "much", "one", "think", "believe", "expect"}

# --- who says it ---
_SOURCES = (r"spokes(?:man|woman|person)|officials?|sources?|experts?|aides?|insiders?|leaders(?:hip)?|government|"
            r"ministry|statement|police|report|military|commanders?|analysts?")
# words given to someone unnamed: "a spokesman said", "security experts assert", "according to officials"
_UNNAMED = re.compile(rf"\b(?:{_SOURCES})\b(?:\W+\w+){{0,4}}?\W+(?:said|says|told|tells|confirm(?:s|ed)|added|"
                      rf"stated|insist(?:s|ed)|assert(?:s|ed)?|claim(?:s|ed)?)\b|\baccording\s+to\b", re.I)
# "according to military leadership", "according to Allawi"; not "according to plan"
_ACCORDING = re.compile(rf"\baccording\s+to\s+((?:the\s+)?(?:[\w'\u2019-]+\s+){{0,2}}?(?:[A-Z][\w'\u2019-]*|(?i:{_SOURCES})))"
                        rf"(?=\s*[,.;:\u201d\"]|\s+(?:is|are|was|were|who)\b)")

# who makes it known, in words that are not speech: "the international coalition announced the end"
_ANNOUNCED = re.compile(r"(?:^|,\s+)((?:[\w'\u2019-]+\s+){1,9}?)(?:(?:has|have|had|also|officially|jointly|formally)\s+)*"
                        r"(?:announced|declared|unveiled|revealed|disclosed)\b")
# who says it, named as the subject of a verb of saying: "Veritas says it hopes", ", UKIP said.", "UKIP officials
# also argue", "Veritas's spokesman said" (a possessive: the body whose words they are)
_SAYING = (r"(?:said|says|told|tells|added|adds|argue[ds]?|assert(?:s|ed)?|insist(?:s|ed)?|claim(?:s|ed)?|"
           r"warn(?:s|ed)?)")
_SAYER = re.compile(rf"(?:^|[,;:]\s+|\bthat\s+)([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,3}})"
                    rf"(?:['\u2019]s?(?:\s+[a-z]+){{1,2}}?|\s+(?:{_SOURCES}))?,?(?:\s+(?:has|have|had|also))*\s+{_SAYING}\b")
_ANNOUNCING = ("announced", "declared", "unveiled", "revealed", "disclosed")  # _ANNOUNCED's verbs, looked for first
_NO_ANNOUNCER = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who", "whose", "whom", "and",
                 "but", "when", "after", "before", "as", "if", "then", "later", "also",
                 "has", "have", "had"}
# a pronoun, a clause, or an auxiliary after a comma ("Movie studios, including Lions Gate, have also announced")
_BE = {"was", "were", "is", "are", "be", "been", "being"}  # "they were announced": the passive, or a clause

# --- names ---
# (a run with a digit is tried from its start only: from every letter of it, the backtracking cost the
# square of its length)
_NAME_WORD = re.compile(r"(?:(?:al|el|bin|de)-)?[A-Z][\w'\u2019-]*|(?<![\w-])[\w-]*\d[\w-]*")
_NAME_NOUNS = r"base|camp|airport|party|agency|forces|army|council|committee|ministry|province|region|city"
_NOUN_WORDS = set(_NAME_NOUNS.split("|"))  # lower-case words of a name ("Victoria base", "Camp Victoria")
_NAME_NOUN = re.compile(rf"\s(?:{_NAME_NOUNS})\b")
_NAME_JOIN = re.compile(r"[\s-]+|\s(?:of|al|el)\s")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_POSSESSIVE_ENDS = ("'", "\u2019", "'s", "\u2019s")  # _POSSESSIVE, for one word
_CALENDAR = set("january february march april may june july august september october november december monday "
                "tuesday wednesday thursday friday saturday sunday".split())
_COMMON_NAME_WORDS = {"the", "of", "and", "al", "el", "for", "in"}
_FIGURE_WORD = re.compile(r"\d[\d.,]*(?:m|bn|k|p)?")  # "4m", "2.8", "300p" (not "3M", "3G", "F16"): an amount
_FIGURE_ONLY = re.compile(r"[\d\W_]+")  # a score or a year ("7-2", "2028") is a figure, no name
_NAMED = {"person", "place", "organisation"}  # span types that name a thing
_PRONOUNS = {"It", "Its", "They", "Their", "He", "His", "She", "Her", "This", "These"}  # a subject told before


@dataclass(frozen=True)
class Contrast:
    """Two sentences of different articles telling of the same thing differently: how (`kinds`,
    from KINDS), and the words that differ in each, as (start, end) offsets within the sentence."""
    a: int
    b: int
    kinds: tuple[str, ...]
    a_marks: tuple[tuple[int, int], ...]
    b_marks: tuple[tuple[int, int], ...]
    similarity: float


@dataclass(frozen=True)
class Comparison:
    contrasts: list[Contrast]  # the strongest first (`_strength`); what differs in fact: never a name's writing alone
    only_in: list[int]  # sentences no other article compared tells, the most central to what is compared first
    articles: tuple[int, ...]  # the articles compared
    spellings: list[Contrast] = field(default_factory=list)  # names written two ways ("F16", "F-16"), once each
    disagreeing: int = 0  # the articles the contrasts are in


def compare(index: Index, same_fact: Callable[[int, int], bool], sentences: Iterable[int] | None = None
            ) -> Comparison:
    """The contrasts among `sentences` (all by default) and what only one of their articles says."""
    chosen = distinct(np.fromiter(range(len(index)) if sentences is None else sentences, dtype=np.int64))
    articles = tuple(distinct(index.sent_article[chosen]).tolist())
    if len(articles) < 2:
        return Comparison([], [], articles)
    a, b, sim, kin = _similar_pairs(index, chosen)
    alone = (sim >= ALONE_SIMILARITY) & kin  # told elsewhere: in the same rare words, not the common ones
    touched = set(np.concatenate([a[alone], b[alone]]).tolist())
    keep = sim >= PAIR_SIMILARITY
    one, other, close = np.concatenate([a[keep], b[keep]]), np.concatenate([b[keep], a[keep]]), np.tile(sim[keep], 2)
    kin = np.tile(kin[keep], 2)
    # each sentence's closest in each other article first, of those sharing MIN_SHARED rare terms if any
    order = np.lexsort((-close, ~kin, index.sent_article[other], one))
    one, other, close, kin = one[order], other[order], close[order], kin[order]
    first = np.ones(len(one), dtype=bool)
    first[1:] = (one[1:] != one[:-1]) | (index.sent_article[other[1:]] != index.sent_article[other[:-1]])
    one, other, where = one[first].tolist(), other[first].tolist(), index.sent_article[other[first]].tolist()
    pairs = {(min(x, y), max(x, y)): (sim, k) for x, y, sim, k in zip(one, other, close[first].tolist(),
                                                                      kin[first].tolist())}
    closest = dict(zip(zip(one, where), other))  # x's closest sentence in an article
    readings = _kept(index).readings

    def reading(sent: int) -> _Reading:
        return _read(index, readings, sent)

    contrasts: list[Contrast] = []
    spellings: dict[frozenset[tuple[str, str]], Contrast] = {}
    for (x, y), (close, kin) in sorted(pairs.items(), key=lambda p: (-p[1][0], p[0])):
        if _twins(index, x, y):
            continue
        ra, rb = reading(x), reading(y)
        if not _same_subject(ra.subject, rb.subject):
            continue
        def crossed(x: int = x, y: int = y, ra: _Reading = ra, rb: _Reading = rb) -> bool:
            return any(z != w and reading(z).who.key == r.who.key for r, w, z in (
                (ra, y, closest[x, int(index.sent_article[y])]), (rb, x, closest[y, int(index.sent_article[x])])))

        if (c := _contrast(ra, rb, close, same_fact, crossed, kin)) is not None:
            contrasts.append(c)
        if names := _name_differences(ra.runs, rb.runs):  # a name written two ways is shown once
            spellings.setdefault(frozenset(tuple(sorted((a.key, b.key))) for a, b in names), Contrast(
                x, y, ("name",), _merged(a.span for a, _ in names), _merged(b.span for _, b in names), round(close, 3)))
    contrasts.sort(key=_strength)
    disagreeing = len({int(index.sent_article[s]) for c in contrasts for s in (c.a, c.b)})
    return Comparison(contrasts, _alone(index, chosen, touched), articles, list(spellings.values()), disagreeing)


def disagreement_counts(index: Index) -> dict[str, np.ndarray]:
    """What `compare` lists of a whole index, counted (its contrasts, and the articles they are in),
    for the brief to say: of its own sentences alone, a sentence's closest in another article may
    be a worse match than one left out, a false difference (BBC tech: 7 counted, 5 listed). Made
    with the world and kept with its cache (`cache.load_readings`): 4.5 s of CPU at 100k sentences."""
    from briefbot.search import Searcher  # a question never needs compare: search does not import it
    found = compare(index, Searcher(index).same_fact)
    return {"counts": np.asarray([len(found.contrasts), found.disagreeing], dtype=np.int64)}


def retold(index: Index, sentences: Iterable[int]) -> list[tuple[int, int, float]]:
    """Pairs of sentences of different articles telling of the same thing (as compare pairs them:
    with their similarity), the most alike first, that share a name, whose figures and dates agree
    and neither denies what the other tells, whatever else one of them adds: one event told twice
    ("released in September 2024 … with a 12-month deadline" and "On September 27, 2024, … within
    12 months"), too unlike in their other words for search's same-fact rule."""
    chosen = distinct(np.fromiter(sentences, dtype=np.int64))
    a, b, sim, kin = _similar_pairs(index, chosen)
    a, b, sim = a[kin], b[kin], sim[kin]  # a pair of common words alone tells no one event
    order = np.argsort(-sim, kind="stable")[:np.count_nonzero(sim >= PAIR_SIMILARITY)]
    readings = _kept(index).readings
    out = []
    for x, y, close in zip(a[order].tolist(), b[order].tolist(), sim[order].tolist()):
        ra, rb = _read(index, readings, x), _read(index, readings, y)
        if ra.subject[0] and rb.subject[0] and _same_subject(ra.subject, rb.subject) and _agreeing(ra, rb) \
                and not _qualified(ra, rb, "negation"):
            out.append((x, y, close))
    return out


def _agreeing(ra: _Reading, rb: _Reading) -> bool:
    """Whether two sentences' figures and dates agree: neither gives one the other does not, but
    that one of them may add some ("September 2024" agrees with "September 27, 2024"). Stricter than
    `_differing`: a figure of another thing, or a threshold, is no disagreement, and no agreement
    either; and of any type ("4m" consoles read as metres is no other figure than "2.8 million")."""
    for kind in ("figure", "date"):
        fa, fb = ra.figures[kind], rb.figures[kind]
        if any(not any(_agree(f.value, g.value) for g in fb) for f in fa) and \
                any(not any(_agree(f.value, g.value) for g in fa) for f in fb):
            return False
    return True


def _read(index: Index, readings: dict[int, _Reading], sent: int) -> _Reading:
    """A sentence's reading, kept for the next pair and the next compare (`_Kept`)."""
    if sent not in readings:
        readings[sent] = _Reading.of(index, sent)
    return readings[sent]


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: np.unique's hashing (numpy 2.4) is ~9x slower than a sort here."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _strength(c: Contrast) -> tuple[bool, float]:
    """Contrasts of what is told (a figure, a date, a denial) before those of how surely or by whom,
    the most alike first: a figure two near-copies give differently is the plainest disagreement."""
    return "figure" not in c.kinds and "date" not in c.kinds and "negation" not in c.kinds, -c.similarity


def _twins(index: Index, a: int, b: int) -> bool:
    """Exact twins (an agency copy) differ in nothing. Folded texts are equal only if their terms
    are: the terms, in the index already, spare folding the texts of most pairs."""
    ptr = index.sent_ptr
    if ptr[a + 1] - ptr[a] != ptr[b + 1] - ptr[b]:
        return False
    ta, tb = index.text_of(a), index.text_of(b)
    return ta == tb or (np.array_equal(index.terms_of(a), index.terms_of(b)) and fold(ta) == fold(tb))


def _alone(index: Index, chosen: np.ndarray, touched: set[int]) -> list[int]:
    """The sentences no other article tells (`touched`: those it does, and those another article
    writes word for word, whatever the terms its pairs leave out) that hold a fact worth
    saying one source alone has (a figure, a date or a name, and a few words), the most central to
    what is compared first: its terms weighed by the log of the articles compared that write them,
    over the root of their number (in `compare apple`, the Mac mini before a rival PC's ports)."""
    says = (index.sent_ptr[chosen + 1] - index.sent_ptr[chosen] >= 6) & (index.span_ptr[chosen + 1] >
                                                                         index.span_ptr[chosen])
    telling: dict[bytes, set[int]] = {}  # a sentence's terms: the articles that write it (told in two: not alone)
    for sent in chosen[says].tolist():
        telling.setdefault(index.terms_of(sent).tobytes(), set()).add(int(index.sent_article[sent]))
    alone = np.array([s for s in chosen[says].tolist() if s not in touched
                      and len(telling[index.terms_of(s).tobytes()]) == 1], dtype=np.int64)
    if not len(alone):
        return []
    terms, owner = _gathered(index, chosen)
    told = distinct(terms * len(index.articles) + index.sent_article[owner])  # each (term, article) once
    writing = np.bincount(told // len(index.articles), minlength=len(index.terms))  # the articles writing each term
    terms, owner = _gathered(index, alone)
    once = distinct(owner * len(index.terms) + terms)  # each (sentence, term) once, by sentence
    owner, terms = np.searchsorted(alone, once // len(index.terms)), once % len(index.terms)
    central = np.bincount(owner, weights=np.log(writing[terms]), minlength=len(alone)) / np.sqrt(
        np.bincount(owner, minlength=len(alone)))
    return alone[np.argsort(-central, kind="stable")].tolist()


def _gathered(index: Index, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The terms of the chosen sentences in a row, and the sentence of each."""
    lo, lengths = index.sent_ptr[chosen], index.sent_ptr[chosen + 1] - index.sent_ptr[chosen]
    start = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
    return index.sent_terms[start + np.arange(int(lengths.sum()))].astype(np.int64), np.repeat(chosen, lengths)


def _similar_pairs(index: Index, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs of different articles (a < b) and their similarity: the idf weight of the
    terms they share over the smaller sentence's weight, for pairs sharing MIN_SHARED terms. The
    words that only frame a quote ("he told BBC News") say nothing of what is told. In arrays: a
    term's sentences are paired by shifting its postings against themselves, as world facts do;
    only the rare terms' (in MAX_POSTING sentences at most: pairing a common term's would cost the
    square of its sentences). A pair sharing MIN_SHARED of them (kin, returned too) is weighed by
    those; one sharing MIN_RARE to MIN_SHARED, by all the terms it shares, common ones too ("sold",
    "consoles", "end": in a whole folder, "More than 2.8 million DS consoles have been sold" and
    "Nintendo has sold almost 4m DS consoles" share two rare terms, and are as alike as in a folder
    of those two articles alone); alike by common words, such a pair is only weakly of one thing
    (`_contrast`)."""
    idf = index.bm25.idf_array
    terms, owner = _gathered(index, chosen)
    keep = ~_kept(index).arrays["unpairing"][terms]
    once = distinct(terms[keep] * len(index) + owner[keep])  # each (sentence, term) once, by term
    terms, owner = once // len(index), once % len(index)
    weight = np.bincount(owner, weights=idf[terms], minlength=len(index))
    size = np.diff(np.flatnonzero(np.r_[True, terms[1:] != terms[:-1], True]))  # each term's sentences (sorted)
    small = np.repeat(size <= MAX_POSTING, size)
    firsts, seconds, shared = [], [], []
    for k in range(1, min(MAX_POSTING, len(terms))):
        same = (terms[:-k] == terms[k:]) & small[k:]
        if not same.any():
            break
        x, y = owner[:-k][same], owner[k:][same]
        apart = index.sent_article[x] != index.sent_article[y]
        firsts.append(x[apart])
        seconds.append(y[apart])
        shared.append(idf[terms[:-k][same][apart]])
    if not sum(map(len, firsts)):  # no two sentences of different articles share a term
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=bool)
    # a pair for each term it shares, numbered among the chosen (smaller keys sort faster)
    n = len(chosen)
    local = np.zeros(len(index), dtype=np.int64)  # each chosen sentence's place among them: a lookup, not a search
    local[chosen] = np.arange(n)
    every = local[np.concatenate(firsts)] * n + local[np.concatenate(seconds)]
    every = every.astype(np.int32 if n * n < 2 ** 31 else np.int64)
    order = np.argsort(every)
    every, weights = every[order], np.concatenate(shared)[order]
    starts = np.flatnonzero(np.r_[True, every[1:] != every[:-1]])
    rare = np.diff(np.r_[starts, len(every)])
    some = rare >= MIN_RARE  # most pairs share a rare term or two
    keys, total, rare = every[starts[some]].astype(np.int64), np.add.reduceat(weights, starts)[some], rare[some]
    a, b = chosen[keys // n], chosen[keys % n]
    least = np.maximum(np.minimum(weight[a], weight[b]), 1e-9)
    kin = rare >= MIN_SHARED
    # a weak pair is of use only as alike as PAIR_SIMILARITY: looked up only if its common terms could make it so
    common_of = np.bincount(owner[~small], weights=idf[terms[~small]], minlength=len(index))
    weak = np.flatnonzero(~kin & (total + np.minimum(common_of[a], common_of[b]) >= PAIR_SIMILARITY * least))
    common, common_weight = _common_shared(a[weak], b[weak], owner[~small], terms[~small], idf, len(index.terms))
    total[weak] += common_weight
    weak = weak[(rare[weak] + common >= MIN_SHARED) & (total[weak] >= PAIR_SIMILARITY * least[weak])]
    keep = np.sort(np.concatenate([np.flatnonzero(kin), weak]))
    return a[keep], b[keep], total[keep] / least[keep], kin[keep]


def _common_shared(a: np.ndarray, b: np.ndarray, owner: np.ndarray, terms: np.ndarray, idf: np.ndarray,
                   size: int) -> tuple[np.ndarray, np.ndarray]:
    """How many of the common terms (`terms`, held by the sentences `owner`) each pair a[i], b[i]
    shares, and their idf weight: each of a's looked up among b's, in one sorted array of them all."""
    keys = np.sort(owner * size + terms)  # each (sentence, common term), by sentence
    if not len(keys) or not len(a):
        return np.zeros(len(a), dtype=np.int64), np.zeros(len(a))
    sent = keys // size
    lo = np.searchsorted(sent, a)
    lengths = np.searchsorted(sent, a, "right") - lo
    at = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    asked = np.repeat(b, lengths) * size + keys[at] % size
    found = keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] == asked
    pair = np.repeat(np.arange(len(a)), lengths)[found]
    return np.bincount(pair, minlength=len(a)), np.bincount(pair, weights=idf[asked[found] % size], minlength=len(a))


@dataclass
class _Kept:
    """What compare keeps of an index from one compare to the next, dropped with the index: the
    readings of its sentences (reading is most of a first compare's time, and a topic compared
    again, or the brief's sentences compared once more by topic, are mostly the same sentences; at
    most KEPT_READINGS), and what was read of every sentence with the world (`reading_arrays`)."""
    arrays: dict[str, np.ndarray]
    values: list[str]  # the strings `arrays` number: figures' values, cue words and terms, speakers' keys
    readings: dict[int, _Reading] = field(default_factory=dict)

    def items(self, name: str, sent: int) -> range:
        """Where a sentence's items (its name runs, figures or cues) are in `arrays`."""
        lo, hi = self.arrays[f"{name}_ptr"][sent:sent + 2].tolist()
        return range(lo, hi)


_kept_of: dict[int, _Kept] = {}  # id(index) → what compare keeps of it


def _kept(index: Index) -> _Kept:
    kept = _kept_of.get(id(index))
    if kept is None:
        arrays = load_readings(index, "names", reading_arrays)
        kept = _kept_of[id(index)] = _Kept(arrays, arrays["values"].tolist())
        weakref.finalize(index, _kept_of.pop, id(index), None)
    if len(kept.readings) > KEPT_READINGS:
        kept.readings.clear()
    return kept


class _Reading:
    """What compare reads of one sentence, once however many pairs it is in; each part when a pair
    first needs it (its names first: most pairs are of two subjects, and need nothing more)."""

    def __init__(self, index: Index, sent: int) -> None:
        self._index = weakref.ref(index)  # kept with the index (`_Kept`): never keeping it alive
        self.sent, self.text = sent, index.text_of(sent)

    @property
    def index(self) -> Index:
        return self._index()

    @classmethod
    def of(cls, index: Index, sent: int) -> _Reading:
        return cls(index, sent)

    @cached_property
    def runs(self) -> list[_Name]:
        return _runs_of(self.index, self.sent, self.text)

    @cached_property
    def subject(self) -> tuple[list[_Name], frozenset[str]]:
        """The names it tells of, and their keys: its own, and the last sentence's when it opens on a
        pronoun ("It comes with a monitor": the rival PC). Figures ("4.8", "£80m") name nothing."""
        index, sent = self.index, self.sent
        names = self.runs
        if self.text.split(" ", 1)[0] in _PRONOUNS and sent > index.article_first[index.sent_article[sent]]:
            names = names + _runs_of(index, sent - 1, index.text_of(sent - 1))
        names = [n for n in names if n.key[:1].isalpha()]
        return names, frozenset(n.key for n in names)

    @cached_property
    def terms(self) -> frozenset[str]:
        return frozenset(self.index.terms[t] for t in self.index.terms_of(self.sent).tolist())

    @cached_property
    def first(self) -> dict[str, int]:
        """Where each of its terms is first written (in words with a term), and last (`last`)."""
        terms = self.index.terms
        return {terms[t]: i for i, t in reversed(list(enumerate(self.index.terms_of(self.sent).tolist())))}

    @cached_property
    def last(self) -> dict[str, int]:
        terms = self.index.terms
        return {terms[t]: i for i, t in enumerate(self.index.terms_of(self.sent).tolist())}

    @cached_property
    def named(self) -> list[_Name]:
        """The names it writes: its runs, and the people, places and bodies the spans found at build
        ("Argentine Juan Ignacio Chela", too long a run to be one name)."""
        spans = [(s.start, s.end) for s in self.index.spans_of(self.sent) if s.type in _NAMED]
        return [n for n in self.runs if n.key[:1].isalpha()] + [_name(self.text, span) for span in spans]

    @cached_property
    def figures(self) -> dict[str, list[_Figure]]:
        """Its figures and its dates ("figure", "date"), as read with the world (`reading_arrays`)."""
        kept = _kept(self.index)
        at, arrays = kept.items("figure", self.sent), kept.arrays
        out: dict[str, list[_Figure]] = {"figure": [], "date": []}
        for span, value, number in zip(arrays["figure_spans"][at].tolist(), arrays["figure_values"][at].tolist(),
                                       arrays["figure_types"][at].tolist()):
            kind = _FIGURE_TYPES[number]
            out["date" if kind == "date" else "figure"].append(_Figure(tuple(span), kept.values[value], kind, self.text))
        return out

    @cached_property
    def qualifiers(self) -> dict[str, list[_Qualifier]]:
        """Its denials and hedges, as read with the world (`reading_arrays`)."""
        kept = _kept(self.index)
        arrays, values = kept.arrays, kept.values
        out: dict[str, list[_Qualifier]] = {"negation": [], "hedge": []}
        for q in kept.items("cue", self.sent):
            at = kept.items("cue_term", q)
            terms = [values[t] for t in arrays["cue_terms"][at].tolist()]
            roles = arrays["cue_roles"][at].tolist()
            scope, near, before = (frozenset(t for t, r in zip(terms, roles) if r & bit) for bit in (1, 2, 4))
            out[_CUE_KINDS[int(arrays["cue_kinds"][q])]].append(_Qualifier(
                tuple(arrays["cue_spans"][q].tolist()), values[int(arrays["cue_heads"][q])], scope, near, before,
                values[int(arrays["cue_words"][q])]))
        return out

    @cached_property
    def held(self) -> frozenset[str]:
        """Terms some denial or hedge bears on."""
        return frozenset(t for cues in self.qualifiers.values() for c in cues for t in c.scope)

    @cached_property
    def cues(self) -> frozenset[tuple[str, str]]:
        """Its denials and hedges as (kind, head), ("negation", "final"), and as (cue word, head)."""
        return frozenset((k, c.head) for kind, cues in self.qualifiers.items() for c in cues for k in (kind, c.word))

    @cached_property
    def who(self) -> _Source:
        """Who says it, as read with the world (`reading_arrays`)."""
        kept = _kept(self.index)
        key, how = int(kept.arrays["who_keys"][self.sent]), int(kept.arrays["who_how"][self.sent])
        span = tuple(kept.arrays["who_spans"][self.sent].tolist())
        return _Source(kept.values[key] if key >= 0 else None, span if span[0] >= 0 else None, _HOWS[how])


def _contrast(ra: _Reading, rb: _Reading, similarity: float, same_fact: Callable[[int, int], bool],
              crossed: Callable[[], bool], kin: bool) -> Contrast | None:
    """How two sentences about the same thing differ in fact, or None when they do not (the same
    fact with the same denials, hedges and speakers). A name written two ways is no difference of
    fact: compare lists those apart, once each. Who says it is compared only when neither
    sentence's closest in the other article is another of the same speaker (else `crossed`): one
    article's "security experts assert" and the other's Al-Bayati are a cross-pairing of two
    retellings, each of which the other article gives to the same speaker. Two sentences alike by
    their common words alone (not `kin`: "When it goes on sale the adapter…", "When it goes on sale
    the PSP…") differ only in figures that count one named thing (`_counted`)."""
    found: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    figures = {kind: differs for kind in ("figure", "date")
               if (differs := _differing(ra, rb, kind, not kin))}
    if figures and not _set_apart(ra, rb) and not same_fact(ra.sent, rb.sent):  # search's rule, asked last: the dearest
        found.update(figures)
    if not kin:
        return _made(ra, rb, found, similarity)
    for kind in ("negation", "hedge"):  # a denial or hedge of what the other states plainly, in the same words
        if qualified := _qualified(ra, rb, kind):
            found[kind] = qualified
    wa, wb = ra.who, rb.who
    if (wa.how == "announced") != (wb.how == "announced"):  # who announces is compared with who announces only
        wa, wb = (_Source() if wa.how == "announced" else wa), (_Source() if wb.how == "announced" else wb)
    unnamed = ra.text if wa.key is None else rb.text if wb.key is None else None
    # else two people may say alike things: the same fact by search's rule, said by two, is a difference
    explicit = "according" in (wa.how, wb.how) or wa.how == wb.how == "announced"
    if wa.key != wb.key and (explicit or similarity >= ALIKE) and (
            unnamed is None or (_gives_unnamed(unnamed) and not _names_speaker(unnamed, wa.key or wb.key))) \
            and not _tells_of_both(ra, rb, wa, wb) and not crossed() and (explicit or same_fact(ra.sent, rb.sent)):
        found["attribution"] = ([wa.span] if wa.span else [], [wb.span] if wb.span else [])
    return _made(ra, rb, found, similarity)


def _made(ra: _Reading, rb: _Reading, found: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]],
          similarity: float) -> Contrast | None:
    """The contrast of the differences found (their kinds and the words each marks), None if none."""
    if not found:
        return None
    kinds = tuple(k for k in KINDS if k in found)
    return Contrast(ra.sent, rb.sent, kinds, _merged(m for k in kinds for m in found[k][0]),
                    _merged(m for k in kinds for m in found[k][1]), round(similarity, 3))


def _qualified(ra: _Reading, rb: _Reading, kind: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The denials (or hedges) of each sentence, when one of them bears on what the other states
    plainly (`_bears_on`); None when none does."""
    ca, cb = ra.qualifiers[kind], rb.qualifiers[kind]
    only_a = [c.span for c in ca if _bears_on(kind, c, rb)]
    only_b = [c.span for c in cb if _bears_on(kind, c, ra)]
    if not (only_a or only_b):
        return None
    return only_a or [c.span for c in ca], only_b or [c.span for c in cb]


def _differing(ra: _Reading, rb: _Reading, kind: str, counted: bool
               ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The figures (or dates) each sentence gives that the other does not, when each gives one: a
    figure (or date) only against one of its own type said of the same thing (a word around each alike:
    "exceeded 4.8 million" and "exceeded five million"; not "1,000 hotspots" and "£20 a month"),
    and not of a place, a team or a body the other never names ("31% of the vote in Erewash" is
    not the party's "16.1% of the vote at the European elections"). A sentence that adds a figure
    to what the other says ("every 5.8 seconds, although less than 40%"), or counts others than it
    ("eight other members", "five more"), differs in nothing. `counted`: only figures counting one
    named thing (`_counted`) are compared."""
    fa = [f for f in ra.figures[kind] if not _ADDED.match(ra.text, f.span[1])]
    fb = [f for f in rb.figures[kind] if not _ADDED.match(rb.text, f.span[1])] if fa else []
    if not fb:
        return None
    only_a = [f for f in fa if not any(_agree(f.value, g.value) for g in fb)]
    only_b = [f for f in fb if not any(_agree(f.value, g.value) for g in fa)]
    if only_a and only_b:  # a date, too, only against one said of the same thing ("rose in 2004", "launched in 2003")
        only_a, only_b = (
            [x for x in only_a if any(_gainsaid(x, y) and _own_scope(x, y, ra, rb, counted) for y in only_b)],
            [y for y in only_b if any(_gainsaid(x, y) and _own_scope(y, x, rb, ra, counted) for x in only_a)])
    if not (only_a and only_b):
        return None
    return [f.span for f in only_a], [f.span for f in only_b]


def _set_apart(ra: _Reading, rb: _Reading) -> bool:
    """Whether two sentences' articles are set in different places, so that their figures are of two
    events, however alike the sentences (the same player beating the same opponent by two scores at
    the Dubai Open and at the Qatar Open in Doha): the title or first sentence of each names a place
    the other article never writes."""
    index = ra.index
    one, other = (int(index.sent_article[r.sent]) for r in (ra, rb))
    return _elsewhere(index, one, other) and _elsewhere(index, other, one)


def _elsewhere(index: Index, article: int, other: int) -> bool:
    """Whether an article's title or first sentence names a place (the gazetteer's) that the other
    article never writes."""
    first = int(index.article_first[article])
    lead = " ".join((index.articles[article].title or "", index.text_of(first) if first < len(index) else ""))
    words = re.findall(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?", lead)
    places = {w for run in words for w in (run, *run.split()) if PLACES.get(w)}
    if not places:
        return False
    text = index.articles[other].text
    return any(not re.search(rf"\b{re.escape(place)}\b", text) for place in places)


def _agree(a: str, b: str) -> bool:
    """Whether two values tell one figure or date: the same, or one date the other to a finer
    precision ("September 2024" and "September 27, 2024": one says more, neither says otherwise, as
    a sentence adding a figure does not differ)."""
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _own_scope(figure: _Figure, against: _Figure, one: _Reading, other: _Reading, counted: bool) -> bool:
    """Whether a figure is said of nothing the other sentence (its figure `against`) never names: no
    name written within SCOPE_REACH characters of it has a word of the other's names ("in Erewash"
    of a party's share of the vote, "Barcelona secure a 2-1 … lead"). When both count one named
    thing ("almost 4m DS consoles", "2.8 million DS consoles": `_counted`), that is what they are
    of, whoever the sentence says has them: a name before it ("Nintendo has sold") is the subject,
    which the other may leave out ("… DS consoles have been sold"). `counted`: only then."""
    thing = _counted(figure, one)
    same = thing is not None and thing == _counted(against, other)
    if counted and not same:
        return False
    start, end = figure.span
    while start and one.text[start - 1] in _SCORE_CHARS:  # the whole score a game's figure is of ("6-4 5-7 6-3")
        start -= 1
    while end < len(one.text) and one.text[end] in _SCORE_CHARS:
        end += 1
    words = {w for name in other.named for w in name.words}
    return all(name.words & words for name in one.named if name.words and (
        (start - SCOPE_REACH < name.span[1] <= start and not same) or end <= name.span[0] < end + SCOPE_REACH))


def _counted(figure: _Figure, reading: _Reading) -> str | None:
    """The key of the name a figure counts: the name run written right after it ("4m DS consoles",
    "2.8 million DS consoles": DS), if any."""
    return next((name.key for name in reading.runs if name.span[0] > figure.span[1]
                 and not reading.text[figure.span[1]:name.span[0]].strip()), None)


def _gainsaid(x: _Figure, y: _Figure) -> bool:
    """Whether two figures of one type said of the same thing (a word around each alike) tell it
    otherwise: not a threshold and a figure that meets it ("Surpassing the 40 trillion … mark" and
    "reached … 42.7 trillion"; "more than 50" and "54"). Two thresholds ("exceeded 4.8 million",
    "exceeded five million") tell it otherwise."""
    return x.type == y.type and not _near(x.text, x.span).isdisjoint(_near(y.text, y.span)) and not (
        _meets(x, y) or _meets(y, x))


def _meets(bound: _Figure, figure: _Figure) -> bool:
    """Whether `bound` is a threshold (a landmark: "the 40 trillion … mark"; or a bound: "more
    than 40", "passed 40", "under 40") that `figure`, no threshold, meets: past it by no more than
    a step of the bound's last written digit, as a bound is a figure rounded ("more than 40
    trillion" is 41 trillion, not 70; "more than 2.8 million" is no "almost 4m")."""
    if _bound(figure) or not (side := _bound(bound)):
        return False
    if side == "mark":
        return True
    at, value = _number(bound.value), _number(figure.value)
    if at is None or value is None:
        return False
    step = _step(bound.value)
    return at < value <= at + step if side == ">" else at - step <= value < at


def _bound(f: _Figure) -> str:
    """How a figure is a threshold: ">" (at least it: "more than", "over", "passed", "exceeded"), "<"
    ("less than", "under", "up to") or "mark" (a landmark: "the 40 trillion … mark"); "" if none."""
    before = f.text[max(0, f.span[0] - 30):f.span[0]]
    if _AT_MOST.search(before):
        return "<"
    if _AT_LEAST.search(before):
        return ">"
    return "mark" if _LANDMARK.match(f.text, f.span[1]) else ""


def _number(value: str) -> float | None:
    """A figure's value as a number ("42.7tn", "£80m" as 80m, "31"), if it is one number."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|bn|tn)?", value)
    return float(m[1]) * _SCALE_OF[m[2] or ""] if m else None


def _step(value: str) -> float:
    """The step of a figure's last written digit: "2.8m" 0.1m, "40tn" 10tn, "2,500" 100, "7" 1."""
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?(k|m|bn|tn)?", value)
    digits = 10.0 ** -len(m[2]) if m[2] else 10.0 ** (len(m[1]) - len(m[1].rstrip("0")) if m[1].strip("0") else 0)
    return digits * _SCALE_OF[m[3] or ""]


@lru_cache(maxsize=10_000)
def _near(text: str, span: tuple[int, int]) -> frozenset[str]:
    """The terms of the FIGURE_REACH words either side of a figure: read only for the few figures
    compared with another of their type."""
    before = word_spans(text[max(0, span[0] - 20 * FIGURE_REACH):span[0]])
    after = word_spans(text[span[1]:span[1] + 20 * FIGURE_REACH])
    words = [w.group() for w in before][-FIGURE_REACH:] + [w.group() for w in after][:FIGURE_REACH]
    return frozenset(t for w in words for t in word_terms(w))


def _bears_on(kind: str, cue: _Qualifier, other: _Reading) -> bool:
    """Whether a denial or hedge bears on what the other sentence states plainly: the term it
    denies is there unqualified, with words around the cue, one of them before it (what is
    denied is said of the same subject: "Satellite customers … cannot pause" is not about a game's
    hero "able to pause"); and the other does not deny it too, in any words ("has not recovered",
    "failed to recover"), nor use the same cue of it, near it, or of nothing ("…, research
    suggests" and "research which suggests that…"; "allegedly faking" and "allegedly avoiding the
    test and then faking"; "allegedly faking" and "charged with faking": a charge is an allegation). A hedge's subject is written before the term in the other too: "pigs
    might fly" is not stated by "as flying pigs", nor "the embargo is likely to be lifted" by "Moves
    to lift the ban … have been condemned"."""
    return (cue.head in other.terms - other.held and len(cue.near & other.terms) >= 2
            and not cue.before.isdisjoint(other.terms)
            and other.cues.isdisjoint({(kind if kind == "negation" else cue.word, cue.head), (cue.word, "")})
            and not any(c.word == cue.word and cue.head in c.near for c in other.qualifiers[kind])
            and not (cue.word in _ALLEGED and not other.terms.isdisjoint(_charging()))
            and (kind == "negation" or any(other.first[t] < other.last[cue.head] for t in cue.before & other.terms)))


@lru_cache(maxsize=1)
def _charging() -> frozenset[str]:
    """`_CHARGING`'s terms: analysed at import, they would load NLTK's stemmer for a warm `ask`."""
    return frozenset(analyze(_CHARGING))


def _same_subject(sa: tuple[list[_Name], frozenset[str]], sb: tuple[list[_Name], frozenset[str]]) -> bool:
    """Whether two sentences may tell of one thing by their names (`_Reading.subject`): one of them
    names nothing, or they share a name (as written, or as _name_differences reads two writings of
    one)."""
    (ra, keys_a), (rb, keys_b) = sa, sb
    return not ra or not rb or not keys_a.isdisjoint(keys_b) or any(
        a.joined == b.joined or a.shape == b.shape or not (a.words & b.words) <= _NOUN_WORDS for a in ra for b in rb)


def _figures(index: Index, sent: int, text: str, names: list[tuple[int, int]]) -> list[_Figure]:
    """The figures and the dates a sentence states, each with its value as analysed ("2,500" is
    2500; "September 27, 2024" is 2024-09-27, "last June" in an undated article nothing); not the
    digits of a name (F-16, Windows 2000, 3G: in `names`). Read for every sentence with the world (`reading_arrays`)."""
    article_date = article_day(index.article_of(sent).date)
    out: list[_Figure] = []
    for span in index.spans_of(sent):
        written = text[span.start:span.end]
        if any(s <= span.start and span.end <= e and (s < span.start or (span.end < e and not text[span.end].isspace()))
               for s, e in names):
            continue  # a figure opening a run as a word of its own ("12-month", "4m DS consoles") is a figure still
        if span.type == "date" and (read := read_date(written, article_date)):
            out.append(_Figure((span.start, span.end), str(read[0]), span.type, text))
        elif span.type in _FIGURES and (value := _amount(written)):
            out.append(_Figure((span.start, span.end), value, span.type, text))
    return out


class _Figure(NamedTuple):  # these four are tuples: made for every figure, cue, speaker and name read
    """A figure or a date as written (its span in `text`, its sentence), its value and span type."""
    span: tuple[int, int]
    value: str
    type: str
    text: str


class _Qualifier(NamedTuple):
    """A denial ("has not been officially discussed") or a hedge ("might pose"): the words from the
    cue to the term it bears on, that term (the first after the cue that is no auxiliary or
    adverb; none, "", for a cue that ends its clause), the terms a few words after the cue (its
    scope), around it (what it is said of) and before it (its subject), and the cue word."""
    span: tuple[int, int]
    head: str
    scope: frozenset[str]
    near: frozenset[str]
    before: frozenset[str]
    word: str


def _amount(written: str) -> str:
    """A figure as compared: its numbers as written in digits, else in words, and its scale ("£80m"
    and "£80 million" are 80m, "1.4m" and "1.4 million" 1.4m, "12-month" and "12 months" 12,
    "three" 3), units and currencies aside; nothing for the word "one", as often a pronoun or an
    article ("one pupil asked") as a count."""
    low = written.lower()
    words = re.findall(r"[a-z]+", low)
    numbers = [n.replace(",", "") for n in _DIGITS.findall(low)] or [
        t for w in words if w not in _SCALES for t in analyze(w) if t.isdigit()]
    if words == ["one"]:
        return ""
    scale = next((_SCALES[w] for w in words if w in _SCALES), "")
    return " ".join(dict.fromkeys(numbers)) + scale


def _showing_up(words: list[tuple[tuple[int, int], str, str]], i: int) -> bool:
    """Whether "appear" at `i` is a verb of showing up, not a hedge: after "to" ("failed to appear to
    give samples", "due to appear") or before where ("appear in court", "appears on television")."""
    return (i > 0 and words[i - 1][2] == "to") or (i + 1 < len(words) and words[i + 1][2] in _WHERE)


def _qualifiers(text: str) -> dict[str, list[_Qualifier]]:
    """The denials ("negation") and hedges ("hedge") of a sentence. Only the words around a cue are
    analysed: most sentences have none."""
    out: dict[str, list[_Qualifier]] = {"negation": [], "hedge": []}
    low = text.lower()
    if "n't" not in low and _CUES.isdisjoint(low.translate(_APART).split()):
        return out  # most sentences: split in C, faster than any pattern over the text
    words = [(m.span(), m.group(), m.group().lower()) for m in word_spans(text)]
    known: dict[int, tuple[str, ...]] = {}

    def terms(j: int) -> tuple[str, ...]:
        if j not in known:
            known[j] = word_terms(words[j][1])
        return known[j]

    for i, (span, _, low) in enumerate(words):
        if low in _NEGATIONS or low.endswith("n't"):
            kind = "negation"
        elif (low in _HEDGES and not (low in _SEEMING and _showing_up(words, i))) or (
                low in _APPROXIMATE and i + 1 < len(words) and words[i + 1][2][:1].isdigit()):
            kind = "hedge"
        else:
            continue
        after = range(i + 1, min(i + 6, len(words)))
        head = next((j for j in after if words[j][2] not in _SKIP_AFTER_CUE and not words[j][2].endswith("ly")
                     and terms(j)), None)
        if head is None:  # "…, research suggests.": a cue of no one term
            out[kind].append(_Qualifier(span, "", frozenset(), frozenset(), frozenset(), low))
            continue
        if re.search(r"[,;:\"\u201c\u201d]|\b(?:and|but|or)\b", text[span[1]:words[head][0][0]]):
            continue  # "done nothing and gone AWOL" does not deny "gone"
        term = terms(head)[0]
        before = {t for j in range(max(0, i - CUE_REACH), i) for t in terms(j)}
        near = before | {t for j in range(i + 1, min(len(words), i + CUE_REACH + 1)) for t in terms(j)}
        scope = range(i - (low in _DENYING_NOUNS and i > 0), after.stop)  # "issued no instructions": the issuing too
        out[kind].append(_Qualifier((span[0], words[head][0][1]), term, frozenset(t for j in scope for t in terms(j)
                                                                                  if j != i),
                                    frozenset(near - {term, "not"}), frozenset(before - {"not"}), low))
    return out


_HOWS = ("", "according", "speaker", "announced", "says")  # how words are given to someone (`_Source.how`), numbered


class _Source(NamedTuple):
    """Who a sentence's words are given to, as a key compared across articles (a surname's
    consonants), where it is written in the sentence, and how ("according" to X, X's words as
    attribution found them, X the subject of a verb of saying, "says", or X "announced")."""
    key: str | None = None
    span: tuple[int, int] | None = None
    how: str = ""


def _who(index: Index, sent: int, text: str) -> _Source:
    """"according to X" as written, else the speaker, else the name a verb of saying has for its
    subject (`_sayer`: attribution finds people), else who announces it."""
    if "ccording" in text and (m := _ACCORDING.search(text)):
        return _Source(skeleton(name_key(m[1]).split()[-1]), m.span(1), "according")
    speaker = index.speaker_of(sent)
    if speaker is None:
        return _sayer(text) or _announcer(text)
    surname = name_key(speaker).split()[-1]
    at = fold(text).find(surname)
    return _Source(skeleton(surname), (at, at + len(surname)) if at >= 0 else None, "speaker")


def _sayer(text: str) -> _Source | None:
    """The name (a party, a body, a person attribution left out) that is the subject of a verb of
    saying: "Veritas says it hopes to contest most seats", "…, UKIP said.", "UKIP officials also
    argue"; its possessive too ("Veritas's spokesman said": Veritas). Not a pronoun nor "The …"."""
    for m in _SAYER.finditer(text):
        words = name_key(m[1]).split()
        if words and words[0] not in _NO_ANNOUNCER and words[0] not in ("the", "a", "an"):
            start, end = m.span(1)
            if possessive := _POSSESSIVE.search(text, start, end):
                end = possessive.start()
            return _Source(skeleton(words[-1]), (start, end), "says")
    return None


def _announcer(text: str) -> _Source:
    """Who announces, declares or reveals what a sentence tells (its subject, a few words before the
    verb; attribution leaves these to compare, as they quote no one): "The governments of the United
    States and Iraq announced" is Iraq's, "the international coalition announced" the coalition's.
    Not a pronoun."""
    m = _ANNOUNCED.search(text) if any(verb in text for verb in _ANNOUNCING) else None
    if m is None:
        return _Source()
    words = name_key(m[1]).split()
    if not words or words[0] in _NO_ANNOUNCER or words[-1] in _NO_ANNOUNCER or not _BE.isdisjoint(words):
        return _Source()
    return _Source(skeleton(words[-1]), (m.start(1), m.start(1) + len(m[1].rstrip())), "announced")


def _tells_of_both(ra: _Reading, rb: _Reading, wa: _Source, wb: _Source) -> bool:
    """Whether a speaker found by attribution (not written as "according to X" or "X announced") is
    named in the other sentence too: "Philippe Sands QC … says Lord Goldsmith warned …" (given to
    Goldsmith) and "A book by Philippe Sands says Lord Goldsmith warned …" (to Sands) both tell of
    both men, so that which one says it is how each was read, not a difference in what is written."""
    return bool(wa.key and wb.key) and ((wa.how == "speaker" and _names_speaker(rb.text, wa.key))
                                        or (wb.how == "speaker" and _names_speaker(ra.text, wb.key)))


@lru_cache(maxsize=10_000)
def _gives_unnamed(text: str) -> bool:
    """Whether a sentence gives its words to someone unnamed (the pattern backtracks: a sentence is
    read once, however many pairs it is in)."""
    return bool(_UNNAMED.search(text))


def _names_speaker(text: str, key: str) -> bool:
    """Whether a sentence writes the name a speaker key was made from (its surname's consonants)."""
    return key in _skeletons(text)


@lru_cache(maxsize=10_000)
def _skeletons(text: str) -> frozenset[str]:
    """The consonants of every word of a sentence, once per sentence however many pairs ask."""
    return frozenset(skeleton(word) for word in name_key(text).split())


class _Name(NamedTuple):
    """A name as written in a sentence, and the keys it is compared by."""
    span: tuple[int, int]
    key: str  # folded, no titles: "sabah al numan"
    words: frozenset[str]  # its words but particles ("al", "of")
    shape: str  # its consonants (`names.skeleton`): transliterations agree
    joined: str  # its key without spaces: "F16" is "F-16"
    looked_up: frozenset[str]  # what one of its other writings shares with it (`_looked_up_by`)


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Where a sentence writes names: runs of capitalised words or words with a digit ("Camp
    Victoria", "F-16"), not counting the sentence's first word nor months and weekdays, with a
    lower-case noun that belongs to them ("Victoria base")."""
    runs: list[list[int]] = []  # each run's start and end
    last = ""  # the last word of the last run
    for m in _NAME_WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if start == 0 or text[start - 1].isalnum() or text[start - 1] in "'\u2019.," or word.lower() in _CALENDAR:
            continue
        joins = runs and (text[runs[-1][1]:start] == " " or _NAME_JOIN.fullmatch(text, runs[-1][1], start)) and \
            not last.endswith(_POSSESSIVE_ENDS)
        if joins and word[:1].isupper() and runs[-1][1] - runs[-1][0] == len(last) and _FIGURE_WORD.fullmatch(last):
            runs[-1] = [start, end]  # a figure before a name is no part of it ("almost 4m DS consoles")
        elif joins:
            runs[-1][1] = end
        else:
            runs.append([start, end])
        last = word
    out = []
    for start, end in runs:
        if noun := _NAME_NOUN.match(text, end):
            end = noun.end()
        if possessive := _POSSESSIVE.search(text, start, end):
            end = possessive.start()
        key, words, _ = _keys(text[start:end])
        if key and len(words - _NOUN_WORDS) <= MAX_NAME_WORDS and not _FIGURE_ONLY.fullmatch(key):
            out.append((start, end))
    return out


def _runs_of(index: Index, sent: int, text: str) -> list[_Name]:
    kept = _kept(index)
    return [_name(text, (start, end)) for start, end in kept.arrays["run_spans"][kept.items("run", sent)].tolist()]


def _name(text: str, span: tuple[int, int]) -> _Name:
    key, words, shape = _keys(text[span[0]:span[1]])
    joined = key.replace(" ", "")
    return _Name(span, key, words, shape, joined, _looked_up_by(joined, shape, words))


def reading_arrays(index: Index) -> dict[str, np.ndarray]:
    """What compare reads of a whole index, as arrays kept with the index's cache
    (`cache.load_readings`), made with the world: where every sentence writes names (`_name_runs`:
    a third of what reading a sentence costs, and a first compare of a big topic at 100k sentences
    reads 1,500 sentences), which terms pair no sentences (numbers, the words that frame a quote: a
    test of every term, 40 ms at 100k sentences, paid by each process's first compare), and every
    sentence's figures and dates with their values (`_figures`: a sixth of a first compare; 3 s at
    100k sentences, once), its denials and hedges (`_qualifiers`) and who says it (`_who`): a fifth
    more."""
    spans = [_name_runs(index.text_of(sent)) for sent in range(len(index))]
    flat = [edge for runs in spans for run in runs for edge in run]
    unpairing = np.fromiter((t.isdigit() and t not in _SCALE_TERMS for t in index.terms), dtype=bool,
                            count=len(index.terms))
    unpairing[[t for w in analyze(_FRAMING) if (t := index.term_id.get(w)) is not None]] = True
    figures = [_figures(index, sent, index.text_of(sent), runs) for sent, runs in enumerate(spans)]
    values: dict[str, int] = {}  # each string (a figure's value, a cue's word or term, a speaker's key), numbered

    def number(value: str) -> int:
        return values.setdefault(value, len(values))

    every = [f for told in figures for f in told]
    arrays = {"run_ptr": _pointers(spans), "run_spans": np.asarray(flat, dtype=np.int32).reshape(-1, 2),
              "unpairing": unpairing, "figure_ptr": _pointers(figures),
              "figure_spans": np.asarray([f.span for f in every], dtype=np.int32).reshape(-1, 2),
              "figure_values": np.asarray([number(f.value) for f in every], dtype=np.int32),
              "figure_types": np.asarray([_FIGURE_TYPES.index(f.type) for f in every], dtype=np.int8)}
    arrays.update(_cue_arrays([_qualifiers(index.text_of(sent)) for sent in range(len(index))], number))
    who = [_who(index, sent, index.text_of(sent)) for sent in range(len(index))]
    arrays.update({"who_keys": np.asarray([-1 if w.key is None else number(w.key) for w in who], dtype=np.int32),
                   "who_spans": np.asarray([w.span or (-1, -1) for w in who], dtype=np.int32).reshape(-1, 2),
                   "who_how": np.asarray([_HOWS.index(w.how) for w in who], dtype=np.int8)})
    return {**arrays, "values": np.asarray(list(values) or [""], dtype=str)}


def _cue_arrays(read: list[dict[str, list[_Qualifier]]], number: Callable[[str], int]) -> dict[str, np.ndarray]:
    """Every sentence's denials and hedges (`_qualifiers`: a sixth of a first compare) as arrays: each
    cue's kind, span, word and head, and its terms, each with the roles it has (1: in its scope, 2:
    near it, 4: before it)."""
    cues = [[(kind, q) for kind in _CUE_KINDS for q in told[kind]] for told in read]
    every = [c for told in cues for c in told]
    terms = [sorted(q.scope | q.near | q.before) for _, q in every]
    roles = [(t in q.scope) | (t in q.near) << 1 | (t in q.before) << 2 for (_, q), told in zip(every, terms)
             for t in told]
    return {"cue_ptr": _pointers(cues), "cue_kinds": np.asarray([_CUE_KINDS.index(k) for k, _ in every], dtype=np.int8),
            "cue_spans": np.asarray([q.span for _, q in every], dtype=np.int32).reshape(-1, 2),
            "cue_words": np.asarray([number(q.word) for _, q in every], dtype=np.int32),
            "cue_heads": np.asarray([number(q.head) for _, q in every], dtype=np.int32),
            "cue_term_ptr": _pointers(terms),
            "cue_terms": np.asarray([number(t) for told in terms for t in told], dtype=np.int32),
            "cue_roles": np.asarray(roles, dtype=np.int8)}


def _pointers(lists: list[list]) -> np.ndarray:
    """Where each sentence's items start in a flat array of them all, and where the last ends."""
    return np.concatenate([[0], np.cumsum([len(items) for items in lists])]).astype(np.int64)


@lru_cache(maxsize=100_000)
def _keys(written: str) -> tuple[str, frozenset[str], str]:
    """A name's key, words and consonants, once for each way it is written (news repeats its names)."""
    key = " ".join(w for w in name_key(written).split() if w not in TITLES)
    return key, frozenset(key.split()) - _COMMON_NAME_WORDS, skeleton(key)


def _name_differences(ra: list[_Name], rb: list[_Name]) -> list[tuple[_Name, _Name]]:
    """Names one sentence writes differently from the other: the same letters and digits set apart
    otherwise ("F16", "F-16"), the same consonants ("Al-Asad", "al-Assad"), or a shared word with
    a noun of a name around it ("Camp Victoria", "Victoria base"; not "Bristol West" and "Dorset
    West", "Lord Falconer" and "Lord Goldsmith", "Nintendo UK" and "Nintendo Europe")."""
    keys_a, keys_b = {n.key for n in ra}, {n.key for n in rb}
    out: list[tuple[_Name, _Name]] = []
    only_b = [b for b in rb if b.key not in keys_a]  # most names of two retellings are the same
    holding: dict[str, list[int]] = {}  # a name's joined form, consonants and long words → the names of b with it
    for i, b in enumerate(only_b):
        for k in b.looked_up:
            holding.setdefault(k, []).append(i)
    for a in ra if only_b else ():
        if a.key in keys_b:
            continue
        # only the names that may be one with it (a team sheet against another is 15 names by 15)
        for b in [only_b[i] for i in sorted({i for k in a.looked_up for i in holding.get(k, ())})]:
            if a.words <= b.words or b.words <= a.words or a.key.startswith(b.key) or b.key.startswith(a.key) \
                    or _initialled(a, b) or _initialled(b, a):
                continue  # more or less of one name ("Al-Numan", "Sabah al-Numan"), its adjective ("Iraqi"), initials
            if (a.joined == b.joined or a.shape == b.shape
                    or (any(len(w) > 3 for w in (a.words & b.words) - _NOUN_WORDS) and _only_abridged(a, b))):
                out.append((a, b))
    return out


@lru_cache(maxsize=100_000)
def _looked_up_by(joined: str, shape: str, words: frozenset[str]) -> frozenset[str]:
    """What a name and one of its other writings share (`_name_differences`): the joined form, the
    consonants, or a word longer than three letters that is no noun of a name."""
    return frozenset((joined, shape, *(w for w in words - _NOUN_WORDS if len(w) > 3)))


def _initialled(a: _Name, b: _Name) -> bool:
    """Whether a name writes with initials what the other writes in full: each word of it the other
    lacks is of MAX_INITIALS letters at most, opening one the other has that it lacks ("G Easterby",
    "Guy Easterby"; "KP Robertson", "K Robertson"; "Mi Bergamasco", "Mirco Bergamasco"): a team
    sheet's way of writing every name, the same person, no spelling of note."""
    own, others = a.words - b.words, b.words - a.words
    return bool(own) and all(len(w) <= MAX_INITIALS and any(o.startswith(w[0]) for o in others) for w in own)


def _only_abridged(a: _Name, b: _Name) -> bool:
    """Whether what two names sharing a word write apart is a noun of a name ("Camp Victoria",
    "Victoria base") or one word shortened ("Warner Brothers", "Warner Bros": the short one's
    letters in the long one, in order, from its first)."""
    left_a, left_b = sorted(a.words - b.words - _NOUN_WORDS), sorted(b.words - a.words - _NOUN_WORDS)
    if not left_a and not left_b:
        return True
    if len(left_a) != 1 or len(left_b) != 1:
        return False
    short, long = sorted((left_a[0], left_b[0]), key=len)
    letters = iter(long)
    return short[0] == long[0] and len(short) < len(long) and all(c in letters for c in short)


def _merged(marks: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Marks sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(marks)):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)
