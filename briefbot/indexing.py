"""Making an Index from articles: split, attribute and analyse every sentence (on every core for
a large corpus), then lay the postings out as arrays.

Workers number terms in the order they first meet them; merging their chunks in article order
renumbers them exactly as one pass would, so the index is the same whatever the number of workers
(a test checks).
"""
from __future__ import annotations

import multiprocessing
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

import numpy as np

from briefbot.attribution import attribute
from briefbot.corpus import Article
from briefbot.index import Index, Progress
from briefbot.lexicon import Synonyms, is_word
from briefbot.names import NOT_NAMES, ROLE_OF, TITLES, census_names, fold_word, gazetteer_name, is_role_word, person_name
from briefbot.spans import NAME_RUN, SPAN_TYPES, Span, typed_spans
from briefbot.text import analyze, analyze_words, learn_words, new_words, refers_back, split_sentences, train_splitter
from briefbot.workers import cores, ignore_interrupt, start_method

if TYPE_CHECKING:  # NLTK is imported only when a corpus is indexed
    from nltk.tokenize.punkt import PunktSentenceTokenizer

CHUNK = 200  # articles a worker analyses at a time, at most
REPORTS = 20  # progress reports a build makes, about: a small corpus's chunks are smaller (333 articles: 16)
PARALLEL_FROM = 2000  # articles from which the build uses every core (starting workers costs ≈0.5 s)


@dataclass
class _Chunk:
    """Some articles analysed, with term and speaker ids of the chunk's own."""
    terms: list[str]  # local term id → term, in the order first met
    surface: list[str]  # how each was first written
    speakers: list[str]
    words: dict[str, list[str]]  # the words analysed for the first time in this process, with their terms
    title_ids: np.ndarray  # the titles' term ids (words, then concepts), article after article
    title_len: np.ndarray  # per article
    word_ids: np.ndarray  # the sentences' words' term ids, in order, sentence after sentence
    n_words: np.ndarray  # per sentence
    concept_ids: np.ndarray  # the synonym concepts the sentences name, sentence after sentence
    n_concepts: np.ndarray
    sent_article: np.ndarray  # per sentence: its article's number within the chunk
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_para: np.ndarray
    sent_speaker: np.ndarray  # local speaker id, -1 for none
    sent_refers: np.ndarray  # per sentence: 1 if it opens by pointing back (text.refers_back)
    n_spans: np.ndarray  # per sentence: its typed spans (amounts, dates, names…)
    span_start: np.ndarray  # each span's characters in its article's text
    span_end: np.ndarray
    span_type: np.ndarray  # index into SPAN_TYPES
    facts: list[str]  # local fact term id → term (see fact_terms), in the order first met
    figure_ids: np.ndarray  # the sentences' figure terms, sentence after sentence
    n_figures: np.ndarray
    name_ids: np.ndarray  # the sentences' name terms
    n_names: np.ndarray


class _Vocabulary:
    """Term ids in the order terms are first met, with how each was first written: a worker's own
    numbering, and the merged one that renumbers the chunks in order."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.surface: list[str] = []

    def id(self, term: str, written: str) -> int:
        if term not in self.ids:
            self.ids[term] = len(self.ids)
            self.surface.append(written)
        return self.ids[term]


def _analyse(articles: list[Article], splitter: PunktSentenceTokenizer, synonyms: Synonyms) -> _Chunk:
    """Split, attribute and analyse some articles (in a worker, or in this process for a small corpus)."""
    vocabulary, facts = _Vocabulary(), _Vocabulary()
    speakers: dict[str, int] = {}
    title_ids, title_len, word_ids, n_words = array("i"), array("i"), array("i"), array("i")
    concept_ids, n_concepts = array("i"), array("i")
    owners, starts, ends, paras, speaker_ids, refers = (array("i") for _ in range(6))
    n_spans, span_starts, span_ends, span_types = array("i"), array("i"), array("i"), array("i")
    figure_ids, n_figures, name_ids, n_names = array("i"), array("i"), array("i"), array("i")
    type_number = {t: n for n, t in enumerate(SPAN_TYPES)}

    def term_ids(text: str) -> tuple[list[int], list[int]]:
        """Term ids of a text's words in order, and of the synonym concepts they name; new terms registered."""
        words = analyze_words(text)
        concepts = synonyms.concepts([term for _, term in words], text)
        return [vocabulary.id(term, written) for written, term in words], [vocabulary.id(c, c) for c in concepts]

    for a, article in enumerate(articles):
        words, concepts = term_ids(article.title or "")
        title_ids.extend(words + concepts)
        title_len.append(len(words) + len(concepts))
        spans: list[tuple[int, int, int]] = []
        for p, (ps, pe) in enumerate(article.paragraphs):
            spans.extend((s, e, p) for s, e in split_sentences(splitter, article.text, ps, pe))
        texts = [article.text[s:e] for s, e, _ in spans]
        for (s, e, p), text, speaker in zip(spans, texts, attribute(texts, [p for _, _, p in spans])):
            words, concepts = term_ids(text)
            word_ids.extend(words), n_words.append(len(words))
            concept_ids.extend(concepts), n_concepts.append(len(concepts))
            owners.append(a), starts.append(s), ends.append(e), paras.append(p)
            speaker_ids.append(speakers.setdefault(speaker, len(speakers)) if speaker else -1)
            refers.append(refers_back(text))
            found = typed_spans(text)
            n_spans.append(len(found))
            for span in found:
                span_starts.append(s + span.start), span_ends.append(s + span.end)
                span_types.append(type_number[span.type])
            figures, names = fact_terms(text, found)
            figure_ids.extend(facts.id(t, t) for t in figures), n_figures.append(len(figures))
            name_ids.extend(facts.id(t, t) for t in names), n_names.append(len(names))
    return _Chunk(list(vocabulary.ids), vocabulary.surface, list(speakers), new_words(), *(
        np.frombuffer(x, dtype=np.int32) for x in (title_ids, title_len, word_ids, n_words, concept_ids, n_concepts,
                                                    owners, starts, ends, paras, speaker_ids, refers,
                                                    n_spans, span_starts, span_ends, span_types)),
                  list(facts.ids), *(np.frombuffer(x, dtype=np.int32) for x in (figure_ids, n_figures, name_ids, n_names)))


def fact_terms(text: str, spans: list[Span]) -> tuple[list[str], list[str]]:
    """What `Searcher.same_fact` compares of a sentence beside its words, found at build so that no
    question analyses a span: the terms of its figures and dates that hold a digit, and those of the
    people and organisations it names ("Mr Tony Blair" and "Mr Michael Howard" share only the title,
    so a person is their name). Each term once, in the order first met."""
    figures: dict[str, None] = {}
    names: dict[str, None] = {}
    for span in spans:
        written = text[span.start:span.end]
        if span.type in ("person", "organisation"):
            if span.type == "person" and (person := person_name(written)) is not None:
                written = person.name
            names.update(dict.fromkeys(analyze(written)))
        elif span.type != "place":
            figures.update(dict.fromkeys(t for t in analyze(written) if any(c.isdigit() for c in t)))
    return list(figures), list(names)


_worker_tools: tuple[PunktSentenceTokenizer, Synonyms] | None = None  # a worker process's splitter and synonyms


def _start_worker(splitter: PunktSentenceTokenizer, synonyms: Synonyms) -> None:
    global _worker_tools
    _worker_tools = splitter, synonyms
    ignore_interrupt()


def _analyse_in_worker(articles: list[Article]) -> _Chunk:
    assert _worker_tools is not None
    return _analyse(articles, *_worker_tools)


def _chunks(articles: list[Article], splitter: PunktSentenceTokenizer, synonyms: Synonyms,
            workers: int) -> Iterator[_Chunk]:
    """The articles analysed in chunks of CHUNK or fewer, in order; by `workers` processes if more than one."""
    size = max(1, min(CHUNK, len(articles) // REPORTS))
    jobs = (articles[i:i + size] for i in range(0, len(articles), size))
    if workers <= 1:
        yield from (_analyse(job, splitter, synonyms) for job in jobs)
        return
    with multiprocessing.get_context(start_method()).Pool(workers, _start_worker, (splitter, synonyms)) as pool:
        yield from pool.imap(_analyse_in_worker, jobs)


def build(articles: list[Article], synonyms_text: str, progress: Progress | None = None,
          workers: int | None = None) -> Index:
    """The Index of these articles. `workers`: processes analysing them (default: one per core
    for PARALLEL_FROM articles or more, else this process alone)."""
    if workers is None:
        workers = cores() if len(articles) >= PARALLEL_FROM else 1
    if progress:  # the work starts now, and goes on while Punkt learns (seconds before the first chunk)
        progress(0, len(articles))
    splitter = train_splitter([a.text for a in articles[:2000]], lambda: progress and progress(0, len(articles)))
    vocabulary, facts = _Vocabulary(), _Vocabulary()
    speakers: dict[str, int] = {}
    parts: list[_Chunk] = []
    done = 0
    for chunk in _chunks(articles, splitter, Synonyms.from_text(synonyms_text), workers):
        to_global = np.array([vocabulary.id(t, w) for t, w in zip(chunk.terms, chunk.surface)], dtype=np.int32)
        chunk.title_ids, chunk.word_ids = to_global[chunk.title_ids], to_global[chunk.word_ids]
        chunk.concept_ids = to_global[chunk.concept_ids]
        fact_of = np.array([facts.id(t, t) for t in chunk.facts], dtype=np.int32)
        chunk.figure_ids, chunk.name_ids = fact_of[chunk.figure_ids], fact_of[chunk.name_ids]
        speaker_of = np.array([speakers.setdefault(s, len(speakers)) for s in chunk.speakers] + [-1], dtype=np.int32)
        chunk.sent_speaker = speaker_of[chunk.sent_speaker]  # -1 picks the last: none
        chunk.sent_article = chunk.sent_article + done
        learn_words(chunk.words)
        # only the arrays are kept: a chunk's own vocabulary (thousands of strings, most shared with
        # every other chunk) would otherwise stay alive for each of a million records' 5,000 chunks
        parts.append(replace(chunk, terms=[], surface=[], speakers=[], words={}, facts=[]))
        done += len(chunk.title_len)
        if progress:
            progress(done, len(articles))
    return _lay_out(articles, parts, list(vocabulary.ids), vocabulary.surface, list(speakers), list(facts.ids),
                    synonyms_text)


def _lay_out(articles: list[Article], parts: list[_Chunk], terms: list[str], surface: list[str],
             speakers: list[str], facts: list[str], synonyms_text: str) -> Index:
    """The merged chunks (global ids already) as the Index's arrays. At a million sentences the
    sorts below are the build's peak of memory, so each temporary goes as soon as it is used."""
    column = {f.name: np.concatenate([getattr(c, f.name) for c in parts]) if parts else np.zeros(0, dtype=np.int32)
              for f in fields(_Chunk) if f.type == "np.ndarray"}  # the array fields (annotations are strings)
    parts.clear()  # the chunks' own copies
    sent_article, n_words, n_concepts = column["sent_article"], column["n_words"], column["n_concepts"]
    n_terms, n_sents, n_arts = len(terms), len(sent_article), len(articles)
    sentence = np.arange(n_sents, dtype=np.int32)
    doc = np.concatenate([np.repeat(sentence, n_words), np.repeat(sentence, n_concepts)])
    ptr, docs, tfs = _csr(np.concatenate([column["word_ids"], column["concept_ids"]]), doc, n_terms, n_sents)
    in_article = np.concatenate([sent_article[doc], np.repeat(np.arange(n_arts, dtype=np.int32), column["title_len"])])
    del doc
    art_ptr, art_docs, art_tfs = _csr(np.concatenate([column["word_ids"], column["concept_ids"], column["title_ids"]]),
                                      in_article, n_terms, n_arts)
    changed = _people_checked(articles, sent_article, column)
    _fact_names_redone(articles, column, facts, changed)
    return Index(
        articles=articles,
        sent_article=sent_article,
        sent_start=column["sent_start"],
        sent_end=column["sent_end"],
        sent_para=column["sent_para"],
        speakers=speakers,
        sent_speaker=column["sent_speaker"],
        sent_refers=column["sent_refers"].astype(bool),
        terms=terms,
        surface=surface,
        ptr=ptr, docs=docs, tfs=tfs, doc_len=(n_words + n_concepts).astype(np.float64),
        art_ptr=art_ptr, art_docs=art_docs, art_tfs=art_tfs,
        art_len=np.bincount(in_article, minlength=n_arts).astype(np.float64),
        share=_shares(ptr, sent_article[docs], np.bincount(sent_article, minlength=n_arts)),
        sent_ptr=np.concatenate([[0], np.cumsum(n_words, dtype=np.int64)]),
        sent_terms=column["word_ids"],
        span_ptr=np.concatenate([[0], np.cumsum(column["n_spans"], dtype=np.int64)]),
        span_start=column["span_start"], span_end=column["span_end"], span_type=column["span_type"].astype(np.int8),
        facts=facts,
        figure_ptr=np.concatenate([[0], np.cumsum(column["n_figures"], dtype=np.int64)]), figure_ids=column["figure_ids"],
        name_ptr=np.concatenate([[0], np.cumsum(column["n_names"], dtype=np.int64)]), name_ids=column["name_ids"],
        synonyms_text=synonyms_text,
    )


_THING_BEFORE = re.compile(r"(?<![\w-])(?:the|in)\s+$")  # "the French Open", "in La Liga"
THING_SHARE = 0.1  # of a name's uses written so, from which it is no person
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")  # "Nadal's", "Nadal."


def _people_checked(articles: list[Article], sent_article: np.ndarray, column: dict[str, np.ndarray]) -> np.ndarray:
    """Correct, across the corpus, the names one sentence alone reads as people (a capitalised pair
    of words): one the corpus once writes as someone's employer, right before a role and its holder
    ("Aston Villa boss David O'Leary", so also "sold to Aston Villa a year ago"), is an
    organisation; one written after "the" or "in" in `THING_SHARE` of its uses or more ("the French
    Open", "in La Liga", "the Grand Slam") is a thing or a place, no person, and its spans go. A name
    with a title or opening with a first name ("Tony Blair aide …", "the Michael Jackson trial")
    stays a person. Then a surname alone is a person too (`_surnames`). The sentences whose spans
    changed, in order."""
    person, kinds = SPAN_TYPES.index("person"), column["span_type"]
    at = np.flatnonzero(kinds == person)
    if not len(at):
        return np.zeros(0, dtype=np.int64)
    owner = np.repeat(sent_article, column["n_spans"])[at].tolist()
    starts, ends = column["span_start"][at].tolist(), column["span_end"][at].tolist()
    first_names, _ = census_names()
    written = [articles[a].text[s:e] for a, s, e in zip(owner, starts, ends)]
    uses, as_thing, employers = Counter(written), Counter(), set()
    for name, a, s, e in zip(written, owner, starts, ends):
        text = articles[a].text
        if (m := ROLE_OF.match(text, e)) and is_role_word(m[1]):
            employers.add(name)
        if _THING_BEFORE.search(text, max(0, s - 5), s) and not text.startswith(("'s", "\u2019s"), e):
            as_thing[name] += 1
    kept = {name for name in uses if name.split()[0] in first_names or fold_word(name.split()[0]) in TITLES}
    employers -= kept
    things = {name for name, n in as_thing.items() if n >= THING_SHARE * uses[name]} - kept - employers
    retyped, gone = at[[n in employers for n in written]], at[[n in things for n in written]]
    kinds[retyped] = SPAN_TYPES.index("organisation")
    keep = np.ones(len(kinds), dtype=bool)
    keep[gone] = False
    people = {name for name in uses if name not in things and name not in employers}
    span_sent = np.repeat(np.arange(len(sent_article)), column["n_spans"])
    added = _surnames(articles, sent_article, column, people)
    _spans_replaced(column, keep, added)
    return np.unique(np.concatenate([span_sent[retyped], span_sent[gone], added[0]]))


def _fact_names_redone(articles: list[Article], column: dict[str, np.ndarray], facts: list[str],
                       changed: np.ndarray) -> None:
    """The name terms of the sentences whose spans `_people_checked` changed, as `fact_terms` finds
    them in their spans now; new terms join `facts`."""
    if not len(changed):
        return
    fact_id = {t: i for i, t in enumerate(facts)}
    span_ptr = np.concatenate([[0], np.cumsum(column["n_spans"], dtype=np.int64)])
    owner, new_owner, new_ids = np.repeat(np.arange(len(column["n_names"])), column["n_names"]), [], []
    for sent in changed.tolist():
        a, lo, hi = int(column["sent_article"][sent]), span_ptr[sent], span_ptr[sent + 1]
        start = int(column["sent_start"][sent])
        spans = [Span(int(s) - start, int(e) - start, SPAN_TYPES[k]) for s, e, k in
                 zip(column["span_start"][lo:hi], column["span_end"][lo:hi], column["span_type"][lo:hi])]
        for term in fact_terms(articles[a].text[start:int(column["sent_end"][sent])], spans)[1]:
            new_owner.append(sent), new_ids.append(fact_id.setdefault(term, len(fact_id)))
    facts.extend(list(fact_id)[len(facts):])
    kept = ~np.isin(owner, changed)
    owner = np.concatenate([owner[kept], np.array(new_owner, dtype=owner.dtype)])
    ids = np.concatenate([column["name_ids"][kept], np.array(new_ids, dtype=column["name_ids"].dtype)])
    order = np.argsort(owner, kind="stable")
    column["name_ids"] = ids[order]
    column["n_names"] = np.bincount(owner, minlength=len(column["n_names"])).astype(np.int32)


def _surnames(articles: list[Article], sent_article: np.ndarray, column: dict[str, np.ndarray],
              people: set[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where a person the corpus names in full is named by surname alone ("they decided to choose
    Nadal instead", "Owen, starting his third successive La Liga match"), as news names people
    after the first mention: sentence, start and end of each such one-word name that no span
    covers. The full name must open with a first name; a surname that is an English word
    ("Brown"), a known place or organisation, or that the corpus writes alone as a thing or an
    employer as `_people_checked` tells them ("the Oscar", "Chelsea boss Jose Mourinho"), is left
    alone: one word does not say which it is."""
    first_names, _ = census_names()
    known = {p.surname for name in people
             if (p := person_name(name)) is not None and p.full and p.name.split()[0] in first_names}
    surnames = {w for w in known if len(w) > 2 and w not in NOT_NAMES and not gazetteer_name(w)
                and not any(is_word(t) for t in analyze(w))}
    ptr = np.concatenate([[0], np.cumsum(column["n_spans"], dtype=np.int64)])
    span_start, span_end = column["span_start"], column["span_end"]
    starts, ends = column["sent_start"].tolist(), column["sent_end"].tolist()
    found: list[tuple[int, int, int, str]] = []
    uses, as_thing, employers = Counter(), Counter(), set()
    for sent, a in enumerate(sent_article.tolist() if surnames else []):
        text = articles[a].text
        taken: list[tuple[int, int]] | None = None
        for m in NAME_RUN.finditer(text, starts[sent], ends[sent]):
            word = _POSSESSIVE.sub("", m.group())
            if word not in surnames:
                continue
            end = m.start() + len(word)
            uses[word] += 1
            if (role := ROLE_OF.match(text, end)) and is_role_word(role[1]):
                employers.add(word)
            if _THING_BEFORE.search(text, max(0, m.start() - 5), m.start()):
                as_thing[word] += 1
            if taken is None:
                lo, hi = ptr[sent], ptr[sent + 1]
                taken = list(zip(span_start[lo:hi].tolist(), span_end[lo:hi].tolist()))
            if all(end <= s or m.start() >= e for s, e in taken):
                found.append((sent, m.start(), end, word))
    found = [f for f in found if f[3] not in employers and as_thing[f[3]] < THING_SHARE * uses[f[3]]]
    return tuple(np.array([f[i] for f in found], dtype=np.int32) for i in range(3))


def _spans_replaced(column: dict[str, np.ndarray], keep: np.ndarray,
                    added: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    """The span columns without the spans not kept, with `added` person spans (sentence, start,
    end) in their sentences, each sentence's spans in order of start."""
    n_sents = len(column["n_spans"])
    owner = np.repeat(np.arange(n_sents, dtype=np.int32), column["n_spans"])[keep]
    sent, start, end = added
    owner = np.concatenate([owner, sent])
    start = np.concatenate([column["span_start"][keep], start])
    end = np.concatenate([column["span_end"][keep], end])
    kind = np.concatenate([column["span_type"][keep], np.full(len(sent), SPAN_TYPES.index("person"), dtype=np.int32)])
    order = np.lexsort((start, owner))
    column["span_start"], column["span_end"], column["span_type"] = start[order], end[order], kind[order]
    column["n_spans"] = np.bincount(owner, minlength=n_sents).astype(np.int32)


def _csr(terms: np.ndarray, docs: np.ndarray, n_terms: int, n_docs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Term occurrences in docs as CSR postings, sorted by term then doc: ptr, docs, and how many
    times each doc holds the term (its term frequency, capped to fit 16 bits)."""
    n = max(n_docs, 1)
    keys = terms.astype(np.int64)  # term × n + doc, computed in place: these arrays are the build's peak
    keys *= n
    keys += docs
    keys.sort()
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if len(keys) else np.zeros(0, np.int64)
    counts = np.empty_like(starts)  # run lengths, without the copy np.diff(append=...) would make
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1:] = len(keys) - starts[-1:]
    tfs = np.minimum(counts, 65535, out=counts).astype(np.uint16)
    del counts
    keys = keys[starts]
    del starts
    ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // n, minlength=n_terms), out=ptr[1:])
    return ptr, (keys % n).astype(np.int32), tfs


def _shares(ptr: np.ndarray, owner: np.ndarray, article_size: np.ndarray) -> np.ndarray:
    """For each posting, the share of its article's sentences that hold the term (`owner`: each
    posting's article, ascending within a term, as sentences are numbered article by article)."""
    new_run = np.ones(len(owner), dtype=bool)
    new_run[1:] = owner[1:] != owner[:-1]
    new_run[ptr[:-1][ptr[:-1] < len(owner)]] = True  # a term's postings begin a run
    run = np.cumsum(new_run, dtype=np.int32)
    run -= 1
    del new_run
    shares = np.bincount(run).astype(np.float32)[run]  # how many of the article's sentences hold the term
    shares /= article_size.astype(np.float32)[owner]
    return shares
