"""From a question to cited answers: query terms (with typo and synonym help), BM25 over the
candidates that share a term, duplicate facts merged, and an honest "nothing on that".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from briefbot.attribution import starts_with_pronoun
from briefbot.index import Index
from briefbot.lexicon import related
from briefbot.names import ORGANISATIONS, PLACES
from briefbot.text import analyze, analyze_words, terms_if_seen

FUZZY_WEIGHT = 0.8  # a corrected typo is probably, not surely, what was meant
CONCEPT_WEIGHT = 0.6  # a synonym counts, the word itself counts more
RELATED_WEIGHT = 0.4  # a word WordNet relates ("price" for "cost") counts less than a synonym
CONTEXT_WEIGHT = 0.3  # words of the room you are in steer follow-up questions, lightly
COVERAGE_BASE = 0.5  # a sentence matching the whole question scores 3x one matching none of its weight
MIN_COVERAGE = 0.25  # share of the question's weight an answer must match; below it, no answer
TYPE_BONUS = 1.3  # a sentence of the kind asked for: a number for "how many"/"when", a reason for "why"
_WANTS_NUMBER = re.compile(r"^\s*(how (many|much|long|old|far|fast|big|high|often|large)|when|"
                           r"what (year|date|number|percentage|proportion|share|fraction|sum|amount|price)|in what year)\b", re.I)
_WANTS_REASON = re.compile(r"^\s*(why|for what reason|what (made|caused|led))\b", re.I)
_REASON = re.compile(r"\b(because|since|due to|owing to|as a result|so that|in order to|after|following|amid|reason)\b", re.I)
MERGE_OVERLAP = 0.5  # two sentences of different articles sharing this share of terms are one fact
POOL = 40  # candidates looked at for merging duplicates
ARTICLE_WEIGHT = 1.0  # how much the story a sentence belongs to counts beside the sentence itself
LOCAL_DAMPING = 6.0  # a word in every sentence of an article weighs 1/7 within it


@dataclass(frozen=True)
class Citation:
    source: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    path: str
    sentence: int  # 1-based number of the sentence in its article
    start: int  # character span in the file's text; for a JSON record, in the record's text field
    end: int
    line: int
    record: int | None = None  # the record's number in a JSON or JSON Lines file


@dataclass(frozen=True)
class Version:
    """The same fact as another article words it."""
    text: str
    citation: Citation
    sentence_id: int


@dataclass(frozen=True)
class Answer:
    sentence_id: int
    text: str  # the cited sentence, verbatim
    context: str  # its neighbours in the paragraph (and the speaker's sentence if it says "He…")
    score: float
    citations: list[Citation]
    speaker: str | None = None
    versions: list[Version] = field(default_factory=list)  # the same fact in other articles
    context_start: int = 0  # where context begins in the article text


@dataclass
class Result:
    query: str
    answers: list[Answer]
    suggestions: list[str] = field(default_factory=list)  # what the briefing does cover, when it has no answer
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → vocabulary word
    matched_words: list[str] = field(default_factory=list)  # query words found, for marking in passages
    coverage: float = 0.0  # the best share of the question's weight one sentence matches
    unknown_names: list[str] = field(default_factory=list)  # names and numbers the articles never mention
    unknown_words: list[str] = field(default_factory=list)  # question words found nowhere, even misspelt

    @property
    def status(self) -> str:
        return "answered" if self.answers else "no_answer"


@dataclass
class _Slot:
    """One word of the question: the terms that satisfy it, and how much it matters."""
    word: str
    term: str  # as analysed, known to the index or not
    terms: dict[int, float]  # term id → weight
    idf: float


class Searcher:
    """Answers questions over one Index. Keeps the typo lookup table once built."""

    def __init__(self, index: Index):
        self.index = index
        self._deletes: dict[str, tuple[int, ...]] | None = None
        self._topics: list[str] | None = None
        self._speaker_names: dict[str, np.ndarray] | None = None

    # --- the query ---------------------------------------------------------------------------

    def _slots(self, query: str, corrections: dict[str, str]) -> list[_Slot]:
        idx = self.index
        unknown_idf = float(np.log1p((len(idx) - 0.5) / 1.5))  # a word the corpus lacks weighs as its rarest
        slots: list[_Slot] = []
        seen: set[str] = set()
        for word, term in analyze_words(query):
            if term in seen:
                continue
            seen.add(term)
            tid = idx.term_id.get(term)
            if tid is not None:
                slots.append(_Slot(word, term, {tid: 1.0}, float(idx.bm25.idf_array[tid])))
                continue
            if "-" in word and len(analyze(word)) > 1:
                continue  # an unknown hyphenated whole ("eleven-year-old"): its parts are slots
            fixed = self._correct(term, word)
            if fixed is not None:
                corrections[word] = idx.surface[fixed]
                slots.append(_Slot(word, idx.terms[fixed], {fixed: FUZZY_WEIGHT}, float(idx.bm25.idf_array[fixed])))
            else:
                slots.append(_Slot(word, term, {}, unknown_idf))
        for a, b in zip(slots, slots[1:]):  # "web pages" finds "webpages", a word the articles use
            joined = terms_if_seen(a.word + b.word) or []
            if len(joined) == 1 and (jid := idx.term_id.get(joined[0])) is not None:
                a.terms.setdefault(jid, 1.0)
                b.terms.setdefault(jid, 1.0)
        for concept in idx.synonyms.concepts([s.term for s in slots]):
            cid = idx.term_id.get(concept)
            if cid is None:
                continue
            members = idx.synonyms.members(concept)
            for slot in slots:
                if slot.term in members:
                    slot.terms.setdefault(cid, CONCEPT_WEIGHT)
        _add_related(slots, idx)
        return slots

    def _correct(self, term: str, word: str) -> int | None:
        """The vocabulary term a misspelt or differently transliterated word most likely means. A
        place or organisation the shipped gazetteers know is its own name there (Irak is Iraq, Iran
        is no misspelt Iraq); else a close term, unless the word as written is far from the
        vocabulary word as written (the stems of "leave" and "led" are one letter apart; the words
        are not)."""
        if known := PLACES.get(word) or ORGANISATIONS.get(word):  # "Irak" is Iraq, "Iran" is not
            terms = analyze(known)
            return self.index.term_id.get(terms[0]) if len(terms) == 1 and terms[0] != term else None
        if not term.isalpha() or len(term) < 4:
            return None
        from nltk.metrics.distance import edit_distance  # here: most questions never need NLTK loaded
        if self._deletes is None:
            deletes: dict[str, list[int]] = {}
            for tid, t in enumerate(self.index.terms):
                if t.isalpha() and len(t) >= 4:
                    for key in _deletions(t):
                        deletes.setdefault(key, []).append(tid)
            # as tuples of ints, which the garbage collector stops tracking: a TUI session's
            # collections then do not walk a few hundred thousand lists
            self._deletes = {key: tuple(tids) for key, tids in deletes.items()}
        limit = 1 if len(term) < 8 else 2
        best: tuple[int, int, int] | None = None  # (distance, -doc freq, term id)
        for key in _deletions(term):
            for tid in self._deletes.get(key, ()):
                known = self.index.terms[tid]
                d = edit_distance(term, known, transpositions=True)
                if d <= limit and known[0] == term[0]:  # people rarely mistype a first letter
                    cand = (d, -self.index.doc_freq(tid), tid)
                    best = cand if best is None or cand < best else best
        if best is None or edit_distance(word.lower(), self.index.surface[best[2]].lower(),
                                         transpositions=True) > limit + 1:  # +1: "soldier" for "soldiers"
            return None
        return best[2]

    # --- ranking -----------------------------------------------------------------------------

    def search(self, query: str, k: int = 3, context: str = "", within: np.ndarray | None = None) -> Result:
        """The top k answers to `query`; `context` (e.g. the room) steers ties, `within` limits
        the sentences that may answer (e.g. one person's statements)."""
        corrections: dict[str, str] = {}
        slots = self._slots(query, corrections)
        result = Result(query, [], corrections=corrections,
                        matched_words=[s.word for s in slots if s.terms],
                        unknown_names=[s.word for s in slots if not s.terms and _name_like(s.word, query)],
                        unknown_words=[s.word for s in slots if not s.terms])
        if result.unknown_names:  # the question is about something the briefing never names
            result.suggestions = self.topics()
            return result
        weights: Counter[int] = Counter()
        for slot in slots:
            for tid, w in slot.terms.items():
                weights[tid] = max(weights[tid], w)
        for term in analyze(context):
            if (tid := self.index.term_id.get(term)) is not None and tid not in weights:
                weights[tid] = CONTEXT_WEIGHT
        sentences = self.index.by_sentence
        cands, scores, has = sentences.combine(sentences.term_scores(weights, within, LOCAL_DAMPING))
        self._credit_speakers(cands, has)
        total = sum(s.idf for s in slots)
        if not len(cands) or total == 0:
            result.suggestions = self.topics()
            return result
        coverage = np.zeros(len(cands))
        for slot in slots:
            credit = np.zeros(len(cands))
            for tid, w in slot.terms.items():  # a typo fixed or a synonym is half a match
                credit = np.maximum(credit, has[tid] * (1.0 if w == 1.0 else 0.5))
            coverage += credit * slot.idf
        coverage /= total
        scores = scores * (COVERAGE_BASE + coverage)
        scores += ARTICLE_WEIGHT * self._article_scores(weights)[self.index.sent_article[cands]]
        order = _top(scores, POOL)
        result.coverage = float(coverage.max())
        if result.coverage < MIN_COVERAGE:
            result.suggestions = self.topics()
            return result
        reranked = self._rerank(query, [int(c) for c in cands[order]], scores[order].tolist())
        result.answers = self._answers(reranked, k)
        return result

    def _rerank(self, query: str, ranked: list[int], scores: list[float]) -> list[tuple[int, float]]:
        """A second look at the best candidates: a number where "how many" or "when" asks for one,
        better still a number counting the thing asked about ("how many soldiers" → "2,500 … soldiers")."""
        if _WANTS_REASON.match(query):
            scores = [s * TYPE_BONUS if _REASON.search(self.index.text_of(c)) else s for c, s in zip(ranked, scores)]
            return sorted(zip(ranked, scores), key=lambda p: -p[1])
        if not _WANTS_NUMBER.match(query):
            return list(zip(ranked, scores))
        idx = self.index
        m = re.match(r"\s*how (?:many|much)\s+(\S+)", query, re.I)
        counted = {idx.term_id.get(t) for t in analyze(m[1])} if m else set()
        out = []
        for sent, score in zip(ranked, scores):
            terms = idx.terms_of(sent).tolist()
            numbers = [i for i, t in enumerate(terms) if idx.terms[t][:1].isdigit()]
            if any(t in counted and any(i - 3 <= n < i for n in numbers) for i, t in enumerate(terms)):
                score *= TYPE_BONUS * TYPE_BONUS
            elif numbers:
                score *= TYPE_BONUS
            out.append((sent, score))
        return sorted(out, key=lambda p: -p[1])

    def _credit_speakers(self, cands: np.ndarray, has: dict[int, np.ndarray]) -> None:
        """A person named in the question is covered by what that person says: "Does Allawi think
        Iraq needs trainers?" is wholly answered by "we do not need trainers" in Allawi's quote,
        though it never names him. (Coverage only: adding to the score measured worse.)"""
        idx = self.index
        if self._speaker_names is None:  # the names are analysed once, on first use
            named: dict[str, list[int]] = {}
            for n, name in enumerate(idx.speakers):
                for term in set(analyze(name)):
                    named.setdefault(term, []).append(n)
            self._speaker_names = {}
            for term, speakers in named.items():  # term → which speakers it names, as a mask (-1: none)
                self._speaker_names[term] = mask = np.zeros(len(idx.speakers) + 1, dtype=bool)
                mask[speakers] = True
        speaker = None
        for tid, holds in has.items():
            mask = self._speaker_names.get(idx.terms[tid])
            if mask is not None:
                speaker = idx.sent_speaker[cands] if speaker is None else speaker
                holds |= mask[speaker]

    def _article_scores(self, weights: Counter[int]) -> np.ndarray:
        """BM25 of every article (headline and body) for the question: which story it is about."""
        arts, scores, _ = self.index.by_article.scores(weights)
        full = np.zeros(len(self.index.articles))
        full[arts] = scores
        return full

    # --- answers -----------------------------------------------------------------------------

    def _answers(self, ranked: list[tuple[int, float]], k: int) -> list[Answer]:
        """Best first; a sentence that restates a better one from another article joins it."""
        kept: list[tuple[int, float, list[int]]] = []
        for sent, score in ranked:
            twin = next((g for g in kept if self.same_fact(g[0], sent)), None)
            if twin is not None:
                twin[2].append(sent)
            elif len(kept) < k:
                kept.append((sent, score, []))
        return [self.answer(sent, score, others) for sent, score, others in kept]

    def same_fact(self, a: int, b: int) -> bool:
        """Two sentences of different articles that share most of their terms tell one fact."""
        idx = self.index
        if idx.sent_article[a] == idx.sent_article[b]:
            return False
        a_terms, b_terms = set(idx.terms_of(a).tolist()), set(idx.terms_of(b).tolist())
        if not a_terms or not b_terms:
            return False
        shared = len(a_terms & b_terms)
        return shared >= 3 and shared / min(len(a_terms), len(b_terms)) >= MERGE_OVERLAP

    def citation(self, sent: int) -> Citation:
        idx = self.index
        article = idx.article_of(sent)
        first = idx.sentences_of(int(idx.sent_article[sent])).start
        start, end = int(idx.sent_start[sent]), int(idx.sent_end[sent])
        record = int(article.source.rpartition("#")[2]) if article.source != article.path else None
        return Citation(article.source, article.label, article.outlet, article.date, article.url, article.path,
                        sent - first + 1, start, end, article.line_of(start), record)

    def answer(self, sent: int, score: float = 0.0, others: list[int] | None = None) -> Answer:
        idx = self.index
        text = idx.text_of(sent)
        lo, hi = self.context_span(sent)
        article = idx.article_of(sent)
        ctx_start, ctx_end = int(idx.sent_start[lo]), int(idx.sent_end[hi])
        versions = [Version(idx.text_of(o), self.citation(o), o) for o in others or []]
        return Answer(sent, text, article.text[ctx_start:ctx_end], round(score, 4), [self.citation(sent)],
                      idx.speaker_of(sent), versions, ctx_start)

    def context_span(self, sent: int) -> tuple[int, int]:
        """First and last sentence of the context: the paragraph neighbours; for "He said…", back
        to the sentence that names him (at most a few sentences back)."""
        idx = self.index
        sents = idx.sentences_of(int(idx.sent_article[sent]))
        lo = hi = sent
        if lo > sents.start and idx.sent_para[lo - 1] == idx.sent_para[sent]:
            lo -= 1
        speaker = idx.speaker_of(sent)
        if speaker and starts_with_pronoun(idx.text_of(sent)):
            surname = re.split(r"[\s-]", speaker)[-1].lower()
            named = next((s for s in range(sent - 1, max(sents.start, sent - 5) - 1, -1)
                          if surname in idx.text_of(s).lower()), None)
            lo = min(lo, named) if named is not None else lo
        if hi + 1 < sents.stop and idx.sent_para[hi + 1] == idx.sent_para[sent]:
            hi += 1
        return lo, hi

    def topics(self, n: int = 8) -> list[str]:
        """What the briefing is about: the people quoted most, then its commonest names. Computed
        once: it depends on the index alone."""
        if self._topics is None:
            idx = self.index
            speakers = np.bincount(idx.sent_speaker[idx.sent_speaker >= 0], minlength=len(idx.speakers))
            people = [idx.speakers[s] for s in np.argsort(-speakers, kind="stable")[:3] if speakers[s]]
            by_freq = np.argsort(-np.diff(idx.ptr), kind="stable")
            out: list[str] = []
            for name in people + [idx.surface[t] for t in by_freq]:
                if len(out) == n:
                    break
                if name[:1].isupper() and name.replace(" ", "").replace("-", "").isalpha() and len(name) > 2 \
                        and not any(name in o for o in out):
                    out.append(name)
            self._topics = out
        return self._topics


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best scores, best first, ties in index order, without sorting them all."""
    if len(scores) > n:
        kth = np.partition(-scores, n - 1)[n - 1]
        chosen = np.flatnonzero(-scores <= kth)
        return chosen[np.argsort(-scores[chosen], kind="stable")][:n]
    return np.argsort(-scores, kind="stable")


def _name_like(word: str, query: str) -> bool:
    """A number, or a word with a capital that is not merely the question's first letter."""
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]) or (
        word[:1].isupper() and not query.lstrip().startswith(word))


def _add_related(slots: list[_Slot], idx: Index) -> None:
    """A word the articles use also matches the words WordNet relates to it that they use: "how
    much did it cost" finds "the price", "who founded it" finds "its founder". A word they lack
    stays unknown: weighed as the rarest of terms, one loose relative ("role" → "part") would
    outweigh the rest of the question, and a name ("Heath Ledger") is no account book. A
    corrected typo is a guess already: its relatives would be two."""
    for slot in slots:
        if slot.terms.get(idx.term_id.get(slot.term, -1)) == 1.0:
            for term in related(slot.term):
                if (tid := idx.term_id.get(term)) is not None:
                    slot.terms.setdefault(tid, RELATED_WEIGHT)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
