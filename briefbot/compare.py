"""Where sources tell the same thing differently: pairs of sentences from different articles about
the same subject (they share most of their weighted terms) that differ in a figure, a date, what
they deny or hedge, who says it, or how they name a thing, with the words that differ; and what
only one source says.

A pair is found by the terms its sentences share (an inverted list over the sentences compared,
so the cost follows the shared terms, not the square of the sentences); its differences are read
from the typed spans found at build and the speakers found by attribution.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefbot.index import Index
from briefbot.names import TITLES, name_key, skeleton
from briefbot.text import analyze, fold, word_spans, word_terms
from briefbot.timeline import article_day, read_date

KINDS = ("figure", "date", "negation", "hedge", "attribution", "name")
PAIR_SIMILARITY = 0.35  # shared idf weight over the smaller sentence's: the two tell of the same thing
ALIKE = 0.5  # as alike as this, two sentences surely tell one thing: given to two speakers, they differ
ALONE_SIMILARITY = 0.3  # below this with every sentence of the other articles, a sentence is theirs alone
CUE_REACH = 6  # words either side of a denial or hedge that say what it is about
MIN_SHARED = 4  # terms two sentences share at the least ("People just did it" is about nothing in particular)
MAX_POSTING = 60  # a term in more of the compared sentences says nothing about which two pair
_SCALES = {"k": "k", "thousand": "k", "m": "m", "million": "m", "bn": "bn", "billion": "bn", "tn": "tn", "trn": "tn",
           "trillion": "tn"}
_FIGURES = ("number", "money", "percent", "duration", "age", "measure", "time")
_NEGATIONS = {"not", "no", "never", "nor", "none", "nothing", "without", "cannot"}
_SKIP_AFTER_CUE = {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did",
                        "a", "an", "the", "any", "so", "very", "yet", "also", "even", "always", "necessarily", "at",
                        "all", "in", "to", "longer", "only", "just", "much", "one", "think", "believe", "expect"}
_HEDGES = set("may might could possibly perhaps probably likely unlikely reportedly allegedly apparently appears appear "
              "seems seem suggests suggested believed estimated understood".split())
_APPROXIMATE = {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}  # hedges before a figure
_SOURCES = (r"spokes(?:man|woman|person)|officials?|sources?|experts?|aides?|insiders?|leaders(?:hip)?|government|"
            r"ministry|statement|police|report|military|commanders?|analysts?")
# Words given to someone unnamed: "a spokesman said", "security experts assert", "according to officials"
_UNNAMED = re.compile(rf"\b(?:{_SOURCES})\b(?:\W+\w+){{0,4}}?\W+(?:said|says|told|tells|confirm(?:s|ed)|added|"
                      rf"stated|insist(?:s|ed)|assert(?:s|ed)?|claim(?:s|ed)?)\b|\baccording\s+to\b", re.I)
# "according to military leadership", "according to Allawi"; not "according to plan"
_ACCORDING = re.compile(rf"\baccording\s+to\s+((?:the\s+)?(?:[\w'\u2019-]+\s+){{0,2}}?(?:[A-Z][\w'\u2019-]*|(?i:{_SOURCES})))"
                        rf"(?=\s*[,.;:\u201d\"]|\s+(?:is|are|was|were|who)\b)")
_FRAMING = "said says say told tells tell added according interview news agency"
_NAME_WORD = re.compile(r"(?:(?:al|el|bin|de)-)?[A-Z][\w'\u2019-]*|[\w-]*\d[\w-]*")
# lower-case words that belong to the name before or after them ("Victoria base", "Camp Victoria")
_NAME_NOUNS = r"base|camp|airport|party|agency|forces|army|council|committee|ministry|province|region|city"
_NOUN_WORDS = set(_NAME_NOUNS.split("|"))
MAX_NAME_WORDS = 3  # a longer run is a role and a name ("East Midlands MEP Robert Kilroy-Silk"): no one name
_CALENDAR = set("january february march april may june july august september october november december monday "
                "tuesday wednesday thursday friday saturday sunday".split())
_COMMON_NAME_WORDS = {"the", "of", "and", "al", "el", "for", "in"}


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
    contrasts: list[Contrast]  # most alike first
    only_in: list[int]  # sentences no other article compared tells, in article order
    articles: tuple[int, ...]  # the articles compared


def compare(index: Index, same_fact: Callable[[int, int], bool], sentences: Iterable[int] | None = None
            ) -> Comparison:
    """The contrasts among `sentences` (all by default) and what only one of their articles says."""
    chosen = sorted(set(range(len(index)) if sentences is None else sentences))
    articles = tuple(sorted({int(index.sent_article[s]) for s in chosen}))
    if len(articles) < 2:
        return Comparison([], [], articles)
    similar = _similar_pairs(index, chosen)
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (sentence, other article) → its closest there
    touched: set[int] = set()
    for (a, b), sim in similar.items():
        if sim >= ALONE_SIMILARITY:
            touched.update((a, b))
        for one, other in ((a, b), (b, a)):
            key = (one, int(index.sent_article[other]))
            if sim >= PAIR_SIMILARITY and sim > best.get(key, (0.0, -1))[0]:
                best[key] = (sim, other)
    pairs = {tuple(sorted((one, other))): sim for (one, _), (sim, other) in best.items()}
    contrasts = [c for (a, b), sim in sorted(pairs.items(), key=lambda p: (-p[1], p[0]))
                 if (c := contrast(index, a, b, sim, same_fact)) is not None]
    alone = [s for s in chosen if s not in touched and _says_something(index, s)]
    return Comparison(contrasts, alone, articles)


def _similar_pairs(index: Index, chosen: list[int]) -> dict[tuple[int, int], float]:
    """Sentence pairs of different articles and their similarity: the idf weight of the terms they
    share over the smaller sentence's weight; the words that only frame a quote ("he told BBC
    News") say nothing of what is told."""
    idf = index.bm25.idf_array
    framing = {index.term_id.get(t) for t in analyze(_FRAMING)}
    holders: dict[int, list[int]] = defaultdict(list)
    weight: dict[int, float] = {}
    for s in chosen:
        terms = {t for t in index.terms_of(s).tolist() if t not in framing and not index.terms[t].isdigit()}
        weight[s] = float(sum(idf[t] for t in terms)) or 1.0
        for t in terms:
            holders[t].append(s)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    count: dict[tuple[int, int], int] = defaultdict(int)
    for t, sents in holders.items():
        if len(sents) < 2 or len(sents) > MAX_POSTING:
            continue
        w = float(idf[t])
        for i, a in enumerate(sents):
            for b in sents[i + 1:]:
                if index.sent_article[a] != index.sent_article[b]:
                    shared[a, b] += w
                    count[a, b] += 1
    return {(a, b): w / min(weight[a], weight[b]) for (a, b), w in shared.items() if count[a, b] >= MIN_SHARED}


def contrast(index: Index, a: int, b: int, similarity: float, same_fact: Callable[[int, int], bool]) -> Contrast | None:
    """How two sentences about the same thing differ, or None when they do not (an exact twin, or
    the same fact with the same denials, hedges, speakers and names)."""
    ta, tb = index.text_of(a), index.text_of(b)
    if fold(ta) == fold(tb):
        return None
    found: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    fa, fb = _figures(index, a, ta), _figures(index, b, tb)
    if not same_fact(a, b):
        for kind in ("figure", "date"):
            if fa[kind] and fb[kind] and set(fa[kind].values()) != set(fb[kind].values()):
                found[kind] = ([s for s, v in fa[kind].items() if v not in fb[kind].values()],
                               [s for s, v in fb[kind].items() if v not in fa[kind].values()])
    qa, qb = ({kind: _qualified(t, kind) for kind in ("negation", "hedge")} for t in (ta, tb))
    terms_a, terms_b = set(analyze(ta)), set(analyze(tb))
    held_a, held_b = ({t for cues in q.values() for c in cues for t in c.scope} for q in (qa, qb))
    for kind in ("negation", "hedge"):  # a denial or hedge of what the other states plainly, in the same words
        ca, cb = qa[kind], qb[kind]
        only_a = [c.span for c in ca if c.head in terms_b - held_b and len(c.near & terms_b) >= 2]
        only_b = [c.span for c in cb if c.head in terms_a - held_a and len(c.near & terms_a) >= 2]
        if only_a or only_b:
            found[kind] = (only_a or [c.span for c in ca], only_b or [c.span for c in cb])
    wa, wb = _who(index, a, ta), _who(index, b, tb)
    unnamed = ta if wa[0] is None else tb if wb[0] is None else None
    explicit = bool(_ACCORDING.search(ta) or _ACCORDING.search(tb))  # else two people may just say alike things
    if wa[0] != wb[0] and (explicit or similarity >= ALIKE) and (
            unnamed is None or (_UNNAMED.search(unnamed) and not _names_speaker(unnamed, wa[0] or wb[0]))):
        found["attribution"] = ([wa[1]] if wa[1] else [], [wb[1]] if wb[1] else [])
    names = _name_differences(ta, tb)
    if names[0] or names[1]:
        found["name"] = names
    if not found:
        return None
    kinds = tuple(k for k in KINDS if k in found)
    return Contrast(a, b, kinds, _merged(m for k in kinds for m in found[k][0]),
                    _merged(m for k in kinds for m in found[k][1]), round(similarity, 3))


def _figures(index: Index, sent: int, text: str) -> dict[str, dict[tuple[int, int], str]]:
    """The figures and the dates a sentence states, each span → its value as analysed ("2,500" is
    2500; "September 27, 2024" is 2024-09-27, "last June" in an undated article nothing); not the
    digits of a name (F-16)."""
    article_date = article_day(index.article_of(sent).date)
    names = [span for span, _ in _name_runs(text)]
    out: dict[str, dict[tuple[int, int], str]] = {"figure": {}, "date": {}}
    for span in index.spans_of(sent):
        written = text[span.start:span.end]
        if any(s <= span.start and span.end <= e for s, e in names):
            continue
        if span.type == "date" and (read := read_date(written, article_date)):
            out["date"][span.start, span.end] = str(read[0])
        elif span.type in _FIGURES and (value := _amount(written)):
            out["figure"][span.start, span.end] = value
    return out


@dataclass(frozen=True)
class _Qualifier:
    """A denial ("has not been officially discussed") or a hedge ("might pose"): the words from the
    cue to the term it bears on, that term (the first after the cue that is no auxiliary or
    adverb), the terms a few words after the cue (its scope) and around it (what it is said of)."""
    span: tuple[int, int]
    head: str
    scope: frozenset[str]
    near: frozenset[str]


def _amount(written: str) -> str:
    """A figure as compared: its numbers and scale ("£80m" and "£80 million" are 80m, "12-month"
    and "12 months" 12, "three" 3), units and currencies aside."""
    digits = dict.fromkeys(m[0] for t in analyze(written) if (m := re.match(r"\d[\d.]*", t)))
    scale = next((_SCALES[w] for w in re.findall(r"[a-z]+", written.lower()) if w in _SCALES), "")
    return " ".join(digits) + scale


def _qualified(text: str, kind: str) -> list[_Qualifier]:
    """The denials (kind "negation") or hedges ("hedge") of a sentence."""
    words = [(m.span(), word_terms(m.group()), m.group().lower()) for m in word_spans(text)]
    out: list[_Qualifier] = []
    for i, (span, terms, low) in enumerate(words):
        if kind == "negation":
            cue = low in _NEGATIONS or low.endswith("n't") or "not" in terms
        else:
            cue = low in _HEDGES or (low in _APPROXIMATE and i + 1 < len(words) and words[i + 1][2][:1].isdigit())
        if not cue:
            continue
        after = words[i + 1:i + 6]
        head = next(((w, ts) for w, ts, lw in after if lw not in _SKIP_AFTER_CUE and not lw.endswith("ly") and ts), None)
        if head is None or re.search(r"[,;:\"\u201c\u201d]|\b(?:and|but|or)\b", text[span[1]:head[0][0]]):
            continue  # "done nothing and gone AWOL" does not deny "gone"
        near = {t for _, ts, _ in words[max(0, i - CUE_REACH):i + CUE_REACH + 1] for t in ts}
        out.append(_Qualifier((span[0], head[0][1]), head[1][0], frozenset(t for _, ts, _ in after for t in ts),
                              frozenset(near - {head[1][0], "not"})))
    return out


def _who(index: Index, sent: int, text: str) -> tuple[str | None, tuple[int, int] | None]:
    """Who a sentence's words are given to: "according to X" as written, else its speaker; as a key
    compared across articles (a surname's consonants) and where it is written in the sentence."""
    if m := _ACCORDING.search(text):
        return skeleton(name_key(m[1]).split()[-1]), m.span(1)
    speaker = index.speaker_of(sent)
    if speaker is None:
        return None, None
    surname = name_key(speaker).split()[-1]
    at = fold(text).find(surname)
    return skeleton(surname), ((at, at + len(surname)) if at >= 0 else None)


def _names_speaker(text: str, key: str) -> bool:
    """Whether a sentence writes the name a speaker key was made from (its surname's consonants)."""
    return any(skeleton(word) == key for word in name_key(text).split())


def _name_runs(text: str) -> list[tuple[tuple[int, int], str]]:
    """Names as written: runs of capitalised words or words with a digit ("Camp Victoria", "F-16"),
    not counting the sentence's first word, each with its compared key."""
    runs: list[list[re.Match[str]]] = []
    for m in _NAME_WORD.finditer(text):
        if m.start() == 0 or text[m.start() - 1].isalnum() or text[m.start() - 1] in "'\u2019" or \
                m.group().lower() in _CALENDAR:
            continue
        if runs and re.fullmatch(r"[\s-]+|\s(?:of|al|el)\s", text[runs[-1][-1].end():m.start()]) and \
                not re.search(r"['\u2019]s$", runs[-1][-1].group()):
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        start, end = run[0].start(), run[-1].end()
        if noun := re.match(rf"\s(?:{_NAME_NOUNS})\b", text[end:]):
            end += noun.end()
        if possessive := re.search(r"['\u2019]s?$", text[start:end]):
            end -= len(possessive[0])
        key = " ".join(w for w in name_key(text[start:end]).split() if w not in TITLES)
        if key and len(set(key.split()) - _COMMON_NAME_WORDS - _NOUN_WORDS) <= MAX_NAME_WORDS:
            out.append(((start, end), key))
    return out


def _name_differences(ta: str, tb: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Names one sentence writes differently from the other: the same letters and digits set apart
    otherwise ("F16", "F-16"), the same consonants ("Al-Asad", "al-Assad"), or a shared word with
    another around it ("Camp Victoria", "Victoria base")."""
    ra, rb = _name_runs(ta), _name_runs(tb)
    keys_a, keys_b = {k for _, k in ra}, {k for _, k in rb}
    marks_a: list[tuple[int, int]] = []
    marks_b: list[tuple[int, int]] = []
    for span_a, ka in ra:
        if ka in keys_b:
            continue
        for span_b, kb in rb:
            if kb in keys_a:
                continue
            words_a, words_b = (set(k.split()) - _COMMON_NAME_WORDS for k in (ka, kb))
            if words_a <= words_b or words_b <= words_a or ka.startswith(kb) or kb.startswith(ka):
                continue  # more or less of one name ("Al-Numan", "Sabah al-Numan"), or its adjective ("Iraqi")
            if (ka.replace(" ", "") == kb.replace(" ", "") or skeleton(ka) == skeleton(kb)
                    or any(len(w) > 3 for w in (words_a & words_b) - _NOUN_WORDS)):
                marks_a.append(span_a)
                marks_b.append(span_b)
    return marks_a, marks_b


def _says_something(index: Index, sent: int) -> bool:
    """Whether a sentence holds a fact worth saying one source alone has: a figure, a date or a
    name, and a few words."""
    return len(index.terms_of(sent)) >= 6 and bool(index.spans_of(sent))


def _merged(marks: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Marks sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(marks)):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)
