"""The sentence index: articles, sentence spans, postings and the BM25 model over them.

Postings are flat NumPy arrays (a CSR matrix of term → sentences and term frequencies), so a query
costs only its terms' postings and a million sentences fit in a few hundred MB. The ranking is
rank-bm25's BM25Okapi: `SentenceBM25` subclasses it and feeds it these arrays instead of one dict
per sentence (which would take gigabytes at that size); `tests/test_index.py` checks the scores
equal stock rank-bm25's.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from briefbot.corpus import Article
from briefbot.lexicon import Synonyms
from briefbot.ranking import RANKING, Ranking
from briefbot.spans import SPAN_TYPES, Span
from briefbot.text import analyze

Progress = Callable[[int, int], None]
Part = tuple[int, np.ndarray, np.ndarray]  # a query term, the docs that hold it and their scores for it


class SentenceBM25(BM25Okapi):
    """rank-bm25's BM25Okapi over postings arrays, with an idf that never goes negative.

    rank-bm25's own idf, ln((N-n+0.5)/(n+0.5)), is zero or floored for a term in half the
    sentences or more; on a 60-sentence briefing that is "Iraq", the very subject. Lucene's
    ln(1 + (N-n+0.5)/(n+0.5)) keeps the same order and stays positive.
    """

    def __init__(self, doc_len: np.ndarray, doc_freq: np.ndarray, k1: float = RANKING.k1, b: float = RANKING.b):
        self.k1, self.b, self.epsilon = k1, b, 0.0
        self.corpus_size = len(doc_len)
        self.doc_len = doc_len
        self.avgdl = float(doc_len.mean()) if len(doc_len) else 0.0
        self.doc_freqs: list[dict[str, int]] = []  # replaced by the postings arrays
        n = doc_freq.astype(np.float64)
        self.idf_array = np.log1p((self.corpus_size - n + 0.5) / (n + 0.5))
        self.idf = {}  # by term id, filled lazily by callers that need a dict
        self.norm = k1 * (1 - b + b * doc_len / (self.avgdl or 1.0))  # each doc's length normalisation, once

    def _calc_idf(self, nd: dict) -> None:  # used when rank-bm25 builds from token lists (tests)
        for word, freq in nd.items():
            self.idf[word] = math.log1p((self.corpus_size - freq + 0.5) / (freq + 0.5))

    def term_scores(self, docs: np.ndarray, tfs: np.ndarray, idf: float) -> np.ndarray:
        """BM25Okapi's per-term score for the sentences `docs` that hold the term `tfs` times."""
        tf = tfs.astype(np.float64)
        return idf * tf * (self.k1 + 1) / (tf + self.norm[docs])

    def impacts(self, docs: np.ndarray, tfs: np.ndarray) -> np.ndarray:
        """Each posting's score over its term's idf, once for all queries (float32, in slices to
        keep the build's memory flat): a query then reads its terms' impacts in a row instead of
        looking up the length of every doc they hold, a cache miss each in a large collection."""
        out = np.empty(len(docs), dtype=np.float32)
        for lo in range(0, len(docs), 1 << 20):
            out[lo:lo + (1 << 20)] = self.term_scores(docs[lo:lo + (1 << 20)], tfs[lo:lo + (1 << 20)], 1.0)
        return out


@dataclass
class Postings:
    """A view of CSR postings (term t → docs[ptr[t]:ptr[t+1]], with term frequencies) and the
    BM25 model over those docs, which are sentences or whole articles."""
    ptr: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray
    doc_len: np.ndarray
    k1: float
    b: float
    share: np.ndarray | None = None  # per posting: the share of its article's docs holding the term
    impact: np.ndarray | None = None  # per posting: its BM25 score over the term's idf (computed if not given)
    prune_from: int = RANKING.prune_from
    prune_share: int = RANKING.prune_share

    def __post_init__(self) -> None:
        self.bm25 = SentenceBM25(self.doc_len, np.diff(self.ptr), self.k1, self.b)
        if self.impact is None:
            self.impact = self.bm25.impacts(self.docs, self.tfs)
        self._zeros: np.ndarray | None = None  # see _sums
        self._unmarked: np.ndarray | None = None  # see _marks

    def get(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.ptr[term], self.ptr[term + 1]
        return self.docs[lo:hi], self.tfs[lo:hi]

    def term_scores(self, weights: dict[int, float], within: np.ndarray | None = None, damping: float = 0.0
                    ) -> list[Part]:
        """For each query term: the docs that hold it (ascending) and their weighted BM25 term
        score, divided by (1 + damping × the term's share of the doc's article)."""
        return self._term_scores(weights, within, damping, frozenset())[0]

    def _term_scores(self, weights: dict[int, float], within: np.ndarray | None, damping: float,
                     extras: frozenset[int]) -> tuple[list[Part], np.ndarray | None]:
        """The term scores, and the docs the rare terms bring in (ascending) if the others were
        pruned to them: in a large collection a common term only scores the docs a rarer query
        term brings in (a doc that holds none of the rare words is no answer), and so does one of
        the `extras` (the stand-ins of a word that is itself a query term: a doc holding only
        "price" of "how much did the DS cost" is no answer either)."""
        spans = {term: slice(int(self.ptr[term]), int(self.ptr[term + 1])) for term in weights}
        kept: dict[int, np.ndarray] = {}  # term → the positions kept within its postings (all if absent)

        def take(array: np.ndarray, term: int) -> np.ndarray:
            part = array[spans[term]]
            return part[kept[term]] if term in kept else part

        if within is not None:
            kept = {t: np.flatnonzero(np.isin(self.docs[s], within, assume_unique=True)) for t, s in spans.items()}
        docs = {term: take(self.docs, term) for term in spans}
        common = len(self.doc_len) // self.prune_share if len(self.doc_len) >= self.prune_from else None
        pruned = {t for t, d in docs.items() if len(d) > common or t in extras} if common is not None else set()
        rare = [d for t, d in docs.items() if t not in pruned]
        found = None
        if rare and pruned:
            found = _union(rare)
            marked = self._marks()
            marked[found] = True
            for term, d in docs.items():
                if term in pruned:
                    if len(d) > 16 * len(found):  # a few docs in a long list: look each up
                        at = np.searchsorted(d, found).clip(max=len(d) - 1)
                        at = at[d[at] == found]
                    else:
                        at = np.flatnonzero(marked[d])
                    kept[term] = kept[term][at] if term in kept else at
                    docs[term] = d[at]
            marked[found] = False
        out = []
        for term in spans:
            scores = take(self.impact, term) * np.float64(weights[term] * self.bm25.idf_array[term])
            if damping and self.share is not None:
                scores /= 1 + damping * take(self.share, term)
            out.append((term, docs[term], scores))
        return out, found

    def match(self, weights: dict[int, float], within: np.ndarray | None = None, damping: float = 0.0,
              extras: frozenset[int] = frozenset()) -> Matches:
        """The docs sharing a query term (see `term_scores`) and their summed scores. Only the
        query's postings are sorted (not argsorted: no doc needs its place among them), and the
        scores are added up in a doc-sized buffer kept from query to query, term after term, as
        `np.bincount` over the concatenated postings would (the same sums to the last bit)."""
        parts, found = self._term_scores(weights, within, damping, extras)
        if not parts:
            return Matches(parts, np.zeros(0, dtype=np.int32), np.zeros(0))
        cands = found if found is not None else _union([d for _, d, _ in parts])
        sums = self._sums()
        for _, d, s in parts:
            np.add.at(sums, d, s)  # faster than sums[d] += s in NumPy 2
        scores = sums[cands]
        sums[cands] = 0.0
        return Matches(parts, cands, scores)

    def _sums(self) -> np.ndarray:
        """A doc-sized float array, all 0 between uses, kept from query to query."""
        if self._zeros is None:
            self._zeros = np.zeros(len(self.doc_len))
        return self._zeros

    def _marks(self) -> np.ndarray:
        """A doc-sized bool array, all False between uses, kept from query to query."""
        if self._unmarked is None:
            self._unmarked = np.zeros(len(self.doc_len), dtype=bool)
        return self._unmarked

    def totals(self, weights: dict[int, float]) -> np.ndarray:
        """Every doc's BM25 for the query (0 for a doc sharing no term), as one array."""
        out = np.zeros(len(self.doc_len))
        for _, d, s in self.term_scores(weights):
            np.add.at(out, d, s)
        return out


@dataclass
class Matches:
    """The docs that share a term with a query."""
    parts: list[Part]  # for each term: the docs holding it (ascending) and their term scores
    cands: np.ndarray  # every doc that holds one, ascending
    scores: np.ndarray  # their summed term scores

    def holding(self, docs: np.ndarray) -> dict[int, np.ndarray]:
        """For each term, a mask of `docs` (ascending) that hold it: the shorter of the two
        lists is looked up in the longer, the terms' short lists all in one lookup (a question
        has a few dozen terms and relatives, most in a few hundred docs)."""
        masks = np.zeros((len(self.parts), len(docs)), dtype=bool)
        if not len(docs):
            return {term: mask for (term, _, _), mask in zip(self.parts, masks)}
        short = [n for n, (_, d, _) in enumerate(self.parts) if len(d) < len(docs)]
        if short:
            every = np.concatenate([self.parts[n][1] for n in short])
            row = np.repeat(short, [len(self.parts[n][1]) for n in short])
            at = np.searchsorted(docs, every).clip(max=len(docs) - 1)
            hit = docs[at] == every
            masks[row[hit], at[hit]] = True
        for (_, d, _), mask in zip(self.parts, masks):
            if len(d) >= len(docs):
                np.equal(d[np.searchsorted(d, docs).clip(max=len(d) - 1)], docs, out=mask)
        return {term: mask for (term, _, _), mask in zip(self.parts, masks)}


def _union(docs: list[np.ndarray]) -> np.ndarray:
    """The docs of some postings, ascending, each once. A stable sort (timsort) merges the
    postings' sorted runs in half the time of a quicksort; np.unique hashes them first (10× slower)."""
    every = np.sort(np.concatenate(docs), kind="stable")
    return every[np.concatenate(([True], every[1:] != every[:-1]))] if len(every) else every


@dataclass
class Index:
    """Everything a search needs; saved to and loaded from the cache as plain arrays."""
    articles: list[Article]
    sent_article: np.ndarray  # int32 per sentence
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_para: np.ndarray  # paragraph number within its article
    speakers: list[str]  # distinct speaker names
    sent_speaker: np.ndarray  # index into speakers, -1 for none
    sent_refers: np.ndarray  # bool per sentence: it opens by pointing back ("It took £7.2m")
    terms: list[str]
    surface: list[str]  # how each term was first written, for suggestions
    ptr: np.ndarray  # postings of term t: docs[ptr[t]:ptr[t+1]]
    docs: np.ndarray
    tfs: np.ndarray
    doc_len: np.ndarray
    art_ptr: np.ndarray  # the same for whole articles (headline and body): which story a question is about
    art_docs: np.ndarray
    art_tfs: np.ndarray
    art_len: np.ndarray
    share: np.ndarray  # per sentence posting: the share of its article's sentences holding the term
    sent_ptr: np.ndarray  # terms of sentence s, in order (no synonym concepts): sent_terms[sent_ptr[s]:sent_ptr[s+1]]
    sent_terms: np.ndarray
    span_ptr: np.ndarray  # typed spans of sentence s: span_start[span_ptr[s]:span_ptr[s+1]] (article offsets)
    span_start: np.ndarray
    span_end: np.ndarray
    span_type: np.ndarray  # int8 index into spans.SPAN_TYPES
    facts: list[str]  # the terms of the sentences' figures and names (indexing.fact_terms), numbered apart from `terms`
    figure_ptr: np.ndarray  # figure terms of sentence s: facts[figure_ids[figure_ptr[s]:figure_ptr[s+1]]]
    figure_ids: np.ndarray
    name_ptr: np.ndarray  # the same for the terms of the people and organisations it names
    name_ids: np.ndarray
    synonyms_text: str
    impact: np.ndarray | None = None  # the postings' BM25 impacts (see SentenceBM25.impacts), computed if not saved
    art_impact: np.ndarray | None = None
    ranking: Ranking = RANKING  # its BM25 parameters; the impacts above were computed with them
    term_id: dict[str, int] = field(init=False, repr=False)
    by_sentence: Postings = field(init=False, repr=False)
    by_article: Postings = field(init=False, repr=False)
    _synonyms: Synonyms | None = field(default=None, init=False, repr=False)
    cache_file: Path | None = field(default=None, init=False, repr=False)  # where it is saved, if it is
    world_file: Path | None = field(default=None, init=False, repr=False)  # the corpus's world.toml, if any

    def __post_init__(self) -> None:
        self.term_id = {t: i for i, t in enumerate(self.terms)}
        article_size = np.bincount(self.sent_article, minlength=len(self.articles))
        self.article_first = np.concatenate([[0], np.cumsum(article_size)])  # sentences are in article order
        self._postings(self.impact, self.art_impact)

    def _postings(self, impact: np.ndarray | None, art_impact: np.ndarray | None) -> None:
        r = self.ranking
        self.by_sentence = Postings(self.ptr, self.docs, self.tfs, self.doc_len, r.k1, r.b, self.share, impact,
                                    r.prune_from, r.prune_share)
        self.by_article = Postings(self.art_ptr, self.art_docs, self.art_tfs, self.art_len, r.article_k1, r.article_b,
                                   impact=art_impact)
        self.impact, self.art_impact = self.by_sentence.impact, self.by_article.impact

    def rank_with(self, ranking: Ranking) -> None:
        """Score with other BM25 parameters from now on (the sweep's way to try them)."""
        same = (ranking.k1, ranking.b, ranking.article_k1, ranking.article_b) == \
            (self.ranking.k1, self.ranking.b, self.ranking.article_k1, self.ranking.article_b)
        self.ranking = ranking
        self._postings(self.impact if same else None, self.art_impact if same else None)

    @property
    def bm25(self) -> SentenceBM25:
        return self.by_sentence.bm25

    @property
    def synonyms(self) -> Synonyms:
        if self._synonyms is None:
            self._synonyms = Synonyms.from_text(self.synonyms_text)
        return self._synonyms

    def __len__(self) -> int:
        return len(self.sent_start)

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        return self.by_sentence.get(term)

    def doc_freq(self, term: int) -> int:
        return int(self.ptr[term + 1] - self.ptr[term])

    def article_of(self, sent: int) -> Article:
        return self.articles[self.sent_article[sent]]

    def text_of(self, sent: int) -> str:
        return self.article_of(sent).text[self.sent_start[sent]:self.sent_end[sent]]

    def written_lower(self, name: str, phrase: bool = False) -> bool:
        """Whether the corpus writes a one-word name in lower case anywhere but a web address ("windows"
        for "in Windows"): a common word, even if first written capitalised; with `phrase`, a name of
        several words too ("really simple syndication"). Looked up in the postings of its rarest word."""
        terms = [self.term_id.get(t) for t in analyze(name)]
        if (" " in name and not phrase) or not terms or None in terms or (len(terms) != 1 and not phrase):
            return False
        # not in a web address ("www.arsenal.com"): no prose writes it so
        written = re.compile(r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name.lower())).join(
            (r"(?<![\w./@])", r"\b(?!\.\w)")))
        rarest = min(terms, key=lambda t: len(self.postings(t)[0]))
        return any(written.search(self.text_of(int(sent))) for sent in self.postings(rarest)[0])

    def terms_of(self, sent: int) -> np.ndarray:
        """A sentence's term ids in the order its words come, kept in the index so that ranking's
        second look at the best candidates never analyses text again."""
        return self.sent_terms[self.sent_ptr[sent]:self.sent_ptr[sent + 1]]

    def spans_of(self, sent: int) -> list[Span]:
        """The typed spans of a sentence (found once, at build), offsets within the sentence."""
        lo, hi, base = self.span_ptr[sent], self.span_ptr[sent + 1], int(self.sent_start[sent])
        return [Span(s - base, e - base, SPAN_TYPES[t]) for s, e, t in
                zip(self.span_start[lo:hi].tolist(), self.span_end[lo:hi].tolist(), self.span_type[lo:hi].tolist())]

    def holds_span(self, sents: np.ndarray, types: tuple[str, ...]) -> np.ndarray:
        """Per sentence: whether it holds a typed span of one of these types, read from the arrays
        (the second stage asks it of 160 candidates a question: no Span is made for it)."""
        lo, count = self.span_ptr[sents], self.span_ptr[sents + 1] - self.span_ptr[sents]
        at = np.repeat(lo - (np.cumsum(count) - count), count) + np.arange(count.sum())  # their spans, in a row
        hit = np.isin(self.span_type[at], [SPAN_TYPES.index(t) for t in types])
        return np.bincount(np.repeat(np.arange(len(sents)), count)[hit], minlength=len(sents)) > 0

    def fact_terms_of(self, sent: int) -> tuple[list[str], list[str]]:
        """A sentence's figure terms and name terms (found once, at build: `indexing.fact_terms`)."""
        lo, hi, facts = self.figure_ptr[sent], self.figure_ptr[sent + 1], self.facts
        figures = [facts[i] for i in self.figure_ids[lo:hi].tolist()]
        return figures, [facts[i] for i in self.name_ids[self.name_ptr[sent]:self.name_ptr[sent + 1]].tolist()]

    def speaker_of(self, sent: int) -> str | None:
        n = self.sent_speaker[sent]
        return self.speakers[n] if n >= 0 else None

    def sentences_of(self, article: int) -> range:
        """Sentence ids of one article (they are numbered article by article)."""
        return range(int(self.article_first[article]), int(self.article_first[article + 1]))


ARRAYS: Sequence[str] = ("sent_article", "sent_start", "sent_end", "sent_para", "sent_speaker", "sent_refers",
                         "ptr", "docs", "tfs", "doc_len", "art_ptr", "art_docs", "art_tfs", "art_len",
                         "share", "sent_ptr", "sent_terms", "impact", "art_impact",
                         "span_ptr", "span_start", "span_end", "span_type",
                         "figure_ptr", "figure_ids", "name_ptr", "name_ids")
