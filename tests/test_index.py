"""The sentence index: its BM25 scores are rank-bm25's, its postings are the analyzer's terms."""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from briefbot.index import Postings
from briefbot.ranking import RANKING
from briefbot.indexing import build
from briefbot.lexicon import Synonyms
from briefbot.text import analyze
from stories import article

STORIES = [
    ("Troops stay", "About 2,500 US troops remain in Iraq. The troops are at Harir base in Erbil.\n"
                    "American soldiers train Iraqi forces. Officials said the mission ends in 2025."),
    ("Border wall", "A concrete wall secures the border with Syria. Border guards watch the desert.\n"
                    "Radar systems detect aircraft and drones. The wall is long."),
    ("Jets", "F-16 jets need constant maintenance. Technicians keep the jets flying.\n"
             "Iraq bought the jets from the United States."),
]
SYNONYMS = "US, American, United States\ntroops, soldiers, forces\n"


class LuceneBM25(BM25Okapi):
    """Stock rank-bm25 with the idf the engine documents: ln(1 + (N - n + 0.5) / (n + 0.5))."""

    def _calc_idf(self, nd: dict) -> None:
        self.idf = {w: math.log1p((self.corpus_size - n + 0.5) / (n + 0.5)) for w, n in nd.items()}


@pytest.fixture(scope="module")
def index():
    return build([article(n, t, x) for n, (t, x) in enumerate(STORIES)], SYNONYMS)


def token_lists(index) -> list[list[str]]:
    """Each sentence as the token list stock rank-bm25 would be given, read back from the postings."""
    docs: list[list[str]] = [[] for _ in range(len(index))]
    for t, term in enumerate(index.terms):
        for doc, tf in zip(*index.postings(t)):
            docs[doc] += [term] * int(tf)
    return docs


def engine_scores(index, query_terms: list[str]) -> dict[int, float]:
    scores: Counter[int] = Counter()
    for term in query_terms:
        t = index.term_id[term]
        docs, tfs = index.postings(t)
        for doc, score in zip(docs, index.bm25.term_scores(docs, tfs, float(index.bm25.idf_array[t]))):
            scores[int(doc)] += float(score)
    return scores


@pytest.mark.parametrize("query", [["troop"], ["jet", "iraq"], ["wall", "border", "~1"], ["us", "~0", "2500"]])
def test_scores_equal_stock_rank_bm25(index, query: list[str]):
    stock = LuceneBM25(token_lists(index), k1=RANKING.k1, b=RANKING.b)
    mine = engine_scores(index, query)
    candidates = sorted(mine)
    assert candidates  # every query term is in the index
    assert np.allclose([mine[d] for d in candidates], stock.get_batch_scores(query, candidates))
    # and the sentences left out of the candidates are exactly those stock rank-bm25 scores zero
    all_scores = stock.get_scores(query)
    assert {d for d in range(len(index)) if all_scores[d] > 0} == set(candidates)


def test_idf_is_lucene_and_positive(index):
    stock = LuceneBM25(token_lists(index), k1=RANKING.k1, b=RANKING.b)
    for term, t in index.term_id.items():
        if index.doc_freq(t) == 0:  # a headline-only word: in the article postings, in no sentence
            assert term not in stock.idf and index.by_article.get(t)[0].size > 0
            continue
        assert index.bm25.idf_array[t] == pytest.approx(stock.idf[term])
        assert index.bm25.idf_array[t] > 0
    assert index.bm25.avgdl == pytest.approx(stock.avgdl)


def test_postings_hold_each_sentences_terms_and_concepts(index):
    synonyms = Synonyms.from_text(SYNONYMS)
    tokens = token_lists(index)
    for sent in range(len(index)):
        terms = analyze(index.text_of(sent))
        assert Counter(tokens[sent]) == Counter(terms + synonyms.concepts(terms))
        assert index.doc_len[sent] == len(tokens[sent])


def test_sentence_terms_are_its_analysed_words_in_order(index):
    """The forward index the ranking's second look reads instead of analysing text again."""
    for sent in range(len(index)):
        assert [index.terms[t] for t in index.terms_of(sent)] == analyze(index.text_of(sent))


def test_which_sentences_hold_a_span_of_a_type_is_what_their_spans_say(seed_index):
    """`holds_span` reads the span arrays of many sentences at once (in any order, some twice)."""
    import numpy as np
    sents = np.array([*range(len(seed_index) - 1, -1, -1), 0, 3], dtype=np.int32)
    for types in [("money", "number"), ("person",), ("date", "time"), ("place", "organisation")]:
        assert seed_index.holds_span(sents, types).tolist() == \
            [any(sp.type in types for sp in seed_index.spans_of(int(s))) for s in sents]
    assert seed_index.holds_span(sents[:0], ("number",)).tolist() == []


def test_fact_terms_are_what_the_spans_analyse_to(seed_index):
    """What `same_fact` compares of each sentence is read from the index, found at build: the digit
    terms of its figures and dates, and the terms of the people (by name, without the title) and
    organisations it names, as analysing its spans gives them."""
    from briefbot.names import person_name
    for sent in range(len(seed_index)):
        text, figures, names = seed_index.text_of(sent), set(), set()
        for span in seed_index.spans_of(sent):
            written = text[span.start:span.end]
            if span.type == "person":
                names.update(analyze(person.name if (person := person_name(written)) else written))
            elif span.type == "organisation":
                names.update(analyze(written))
            elif span.type != "place":
                figures.update(t for t in analyze(written) if any(c.isdigit() for c in t))
        stored_figures, stored_names = seed_index.fact_terms_of(sent)
        assert (set(stored_figures), set(stored_names)) == (figures, names), text
        assert len(stored_figures) == len(figures) and len(stored_names) == len(names)  # each once
    assert any(seed_index.figure_ids.tolist()) and any(seed_index.name_ids.tolist())


def test_fact_terms_of_a_titled_name_and_a_figure():
    index = build([article(0, "Plan", "Mr Tony Blair said 2,500 US troops would stay in Iraq until 2025.")], "")
    figures, names = index.fact_terms_of(0)
    assert set(figures) == {"2500", "2025"} and {"toni", "blair"} <= set(names) and "mr" not in names


def test_share_is_the_part_of_its_article_that_holds_the_term(index):
    for t in range(len(index.terms)):
        lo, hi = index.ptr[t], index.ptr[t + 1]
        for doc, share in zip(index.docs[lo:hi], index.share[lo:hi]):
            article = index.sentences_of(int(index.sent_article[doc]))
            holding = sum(1 for d in index.docs[lo:hi] if d in article)
            assert share == pytest.approx(holding / len(article))


def test_damping_divides_each_term_score_by_its_share(index):
    t = index.term_id["jet"]  # in all three sentences of its article
    plain = index.by_sentence.term_scores({t: 1.0})[0][2]
    damped = index.by_sentence.term_scores({t: 1.0}, damping=6.0)[0][2]
    assert np.allclose(damped, plain / 7)


def test_combine_sums_term_scores_per_candidate(index):
    weights = {index.term_id[w]: 1.0 for w in ("troop", "iraq", "jet")}
    matches = index.by_sentence.match(weights)
    cands, scores, has = matches.cands, matches.scores, matches.holding(matches.cands)
    expected = engine_scores(index, ["troop", "iraq", "jet"])
    assert cands.tolist() == sorted(expected)
    assert np.allclose(scores, [expected[d] for d in sorted(expected)])
    for t in weights:
        assert set(cands[has[t]].tolist()) == set(index.postings(t)[0].tolist())


def test_postings_are_sorted_by_sentence(index):
    for t in range(len(index.terms)):
        docs, _ = index.postings(t)
        assert np.all(np.diff(docs) > 0)
        assert index.doc_freq(t) == len(docs)


def test_sentences_keep_article_and_paragraph(index):
    assert len(index) == 11
    assert [len(index.sentences_of(a)) for a in range(3)] == [4, 4, 3]
    first = index.sentences_of(0)
    assert index.text_of(first.start) == "About 2,500 US troops remain in Iraq."
    assert [int(index.sent_para[s]) for s in first] == [0, 0, 1, 1]
    for sent in range(len(index)):
        a = index.article_of(sent)
        assert a.text[index.sent_start[sent]:index.sent_end[sent]] == index.text_of(sent)


def test_synonym_concepts_join_words(index):
    troop_concept = next(c for phrase, cs in Synonyms.from_text(SYNONYMS).phrases.items()
                         if phrase == ("soldier",) for c in cs)
    docs, _ = index.postings(index.term_id[troop_concept])
    texts = [index.text_of(int(d)) for d in docs]
    assert "American soldiers train Iraqi forces." in texts
    assert "About 2,500 US troops remain in Iraq." in texts


def test_surface_is_a_written_form(index):
    assert index.surface[index.term_id["harir"]] == "Harir"
    assert index.surface[index.term_id["2500"]] == "2,500"


def test_common_terms_only_score_what_rare_terms_bring_in_a_large_collection(seed_index):
    """Pruning: in a big collection a common term adds to the docs a rarer query term found, and
    finds none of its own; the scores of the docs kept are exactly the unpruned ones."""
    common, rare = seed_index.term_id["iraq"], seed_index.term_id["harir"]
    assert seed_index.doc_freq(common) > len(seed_index) // 10 > seed_index.doc_freq(rare)
    weights = {common: 1.0, rare: 1.0}
    full = seed_index.by_sentence.match(weights)
    full_cands, full_scores = full.cands, full.scores
    p = seed_index.by_sentence
    pruned = Postings(p.ptr, p.docs, p.tfs, p.doc_len, p.k1, p.b, p.share, p.impact, prune_from=0, prune_share=10)
    matches = pruned.match(weights)
    cands, scores, has = matches.cands, matches.scores, matches.holding(matches.cands)
    assert set(cands.tolist()) == set(seed_index.postings(rare)[0].tolist()) < set(full_cands.tolist())
    assert np.allclose(scores, full_scores[np.searchsorted(full_cands, cands)])
    assert has[common].any() and has[rare].all()


@pytest.mark.parametrize("in_thread", [False, True], ids=["forked", "fork server"])
def test_workers_build_the_same_index(seed_index, monkeypatch, in_thread: bool):
    """Chunks analysed by two worker processes and merged in order give the index one pass gives:
    the same term numbers, postings, shares, impacts and speakers. From a thread (as the TUI
    indexes) the workers come from a fork server instead of a fork."""
    import threading
    import briefbot.indexing as indexing
    from briefbot.index import ARRAYS
    monkeypatch.setattr(indexing, "CHUNK", 1)  # one chunk per article: every merge is exercised
    one = indexing.build(seed_index.articles, seed_index.synonyms_text, workers=1)
    built = []
    work = lambda: built.append(indexing.build(seed_index.articles, seed_index.synonyms_text, workers=2))  # noqa: E731
    if in_thread:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    else:
        work()
    [two] = built
    assert (one.terms, one.surface, one.speakers, one.facts) == (two.terms, two.surface, two.speakers, two.facts)
    for name in ARRAYS:
        assert np.array_equal(getattr(one, name), getattr(two, name)), name
    assert one.facts == seed_index.facts
    for name in ("sent_start", "sent_article", "share", "impact", "sent_terms", "figure_ids", "name_ids"):  # and what the cache saved
        assert np.array_equal(getattr(one, name), getattr(seed_index, name)), name


@pytest.mark.parametrize("in_thread", [False, True], ids=["forked", "fork server"])
def test_words_analysed_by_workers_are_saved_with_the_index(tmp_path, in_thread: bool):
    """A warm `ask` analyses questions from the saved word table without NLTK: the words must reach
    it when only worker processes analysed them (which this also proves they did)."""
    import subprocess
    import sys
    script = tmp_path / "build_in_workers.py"
    script.write_text(
        "import threading\n"
        "from briefbot.corpus import Article\n"
        "from briefbot.indexing import build\n"
        "from briefbot import text\n"
        "def work():\n"
        "    t = 'Zorblat troops guarded Quexville. Officials praised Zorblat.'\n"
        "    build([Article('a.txt', 'a.txt', 'Title', None, None, None, t, ((0, len(t)),))], '', workers=2)\n"
        "if __name__ == '__main__':\n"
        f"    thread = threading.Thread(target=work) if {in_thread} else None\n"
        "    thread.start() if thread else work()\n"
        "    thread.join() if thread else None\n"
        "    assert 'zorblat' not in text._WORD_TERMS and 'Zorblat' not in text._WORD_TERMS\n"
        "    assert text.known_words()['zorblat'] == ['zorblat'] and text.known_words()['guarded'] == ['guard']\n")
    subprocess.run([sys.executable, str(script)], check=True, timeout=60)


def _random_postings(rng: np.random.Generator, n_docs: int, n_terms: int) -> Postings:
    """CSR postings of random terms over random docs (each term in a few docs, some in many)."""
    docs, ptr = [], [0]
    for t in range(n_terms):
        held = np.sort(rng.choice(n_docs, size=int(rng.integers(1, n_docs // (2 if t % 7 == 0 else 20))), replace=False))
        docs.append(held.astype(np.int32))
        ptr.append(ptr[-1] + len(held))
    docs_array = np.concatenate(docs)
    tfs = rng.integers(1, 4, len(docs_array)).astype(np.uint16)
    share = rng.random(len(docs_array)).astype(np.float32)
    doc_len = rng.integers(3, 30, n_docs).astype(np.float64)
    return Postings(np.array(ptr, dtype=np.int64), docs_array, tfs, doc_len, 1.2, 0.5, share, prune_from=0, prune_share=8)


def test_match_sums_exactly_as_one_bincount_over_the_postings():
    """The doc-sized buffer gives the candidates and sums np.unique and np.bincount give over the
    concatenated term scores, to the last bit, query after query (the buffer is left all zero)."""
    rng = np.random.default_rng(7)
    p = _random_postings(rng, 3000, 60)
    for _ in range(30):
        weights = {int(t): float(rng.choice([1.0, 0.8, 0.6, 0.2])) for t in rng.choice(60, size=8, replace=False)}
        parts = p.term_scores(weights, damping=6.0)
        cands, where = np.unique(np.concatenate([d for _, d, _ in parts]), return_inverse=True)
        sums = np.bincount(where, weights=np.concatenate([s for _, _, s in parts]), minlength=len(cands))
        matches = p.match(weights, damping=6.0)
        assert np.array_equal(matches.cands, cands) and np.array_equal(matches.scores, sums)
        assert not p._sums().any()
        nothing = p.match(weights, within=np.zeros(0, dtype=np.int32))  # e.g. a person who never says these words
        assert not len(nothing.cands) and not len(nothing.scores)
        for docs in (cands, np.sort(rng.choice(3000, size=40, replace=False)), cands[:5], cands[:0]):
            has = matches.holding(docs)
            for term, d, _ in parts:
                assert np.array_equal(has[term], np.isin(docs, d))


def test_pruned_common_terms_keep_exactly_the_docs_rare_terms_bring_in():
    """Whether a common term's docs are looked up one by one or marked, it keeps exactly the
    docs the rare terms hold, with their unpruned scores."""
    rng = np.random.default_rng(11)
    p = _random_postings(rng, 4000, 50)
    full = Postings(p.ptr, p.docs, p.tfs, p.doc_len, p.k1, p.b, p.share, p.impact, prune_from=10**9)
    common = len(p.doc_len) // p.prune_share
    frequent = [t for t in range(50) if p.ptr[t + 1] - p.ptr[t] > common]
    by_size = sorted((t for t in range(50) if p.ptr[t + 1] - p.ptr[t] <= common), key=lambda t: p.ptr[t + 1] - p.ptr[t])
    for rare in (by_size[:1], by_size[:3], by_size[-6:]):  # few docs (looked up in the common lists), many (marked)
        weights = {t: 1.0 for t in rare + frequent}
        brought = set(np.concatenate([p.get(t)[0] for t in rare]).tolist())
        unpruned = {t: dict(zip(d.tolist(), s.tolist())) for t, d, s in full.term_scores(weights)}
        for t, d, s in p.term_scores(weights):
            assert set(d.tolist()) == (set(unpruned[t]) & brought if t in frequent else set(unpruned[t]))
            assert s.tolist() == [unpruned[t][doc] for doc in d.tolist()]


def test_merged_chunks_keep_only_their_arrays(seed_index, monkeypatch):
    """Once a chunk's terms and speakers are renumbered, its own vocabulary is let go: at a
    million records (5,000 chunks) those strings were most of the build's memory."""
    import briefbot.indexing as indexing
    monkeypatch.setattr(indexing, "CHUNK", 1)
    kept = []
    real = indexing._lay_out
    monkeypatch.setattr(indexing, "_lay_out", lambda articles, parts, *rest: kept.extend(parts) or real(articles, parts, *rest))
    indexing.build(seed_index.articles, seed_index.synonyms_text, workers=1)
    assert len(kept) == len(seed_index.articles)
    assert all(not c.terms and not c.surface and not c.speakers and not c.words for c in kept)


def test_extras_only_score_the_docs_other_terms_bring_in_a_large_collection():
    """A query word's stand-ins (`extras`) bring in no doc of their own in a large collection: they
    keep exactly the docs the other rare terms hold, with their unpruned scores; in a small one
    they are terms like the others."""
    rng = np.random.default_rng(5)
    p = _random_postings(rng, 4000, 50)
    small = Postings(p.ptr, p.docs, p.tfs, p.doc_len, p.k1, p.b, p.share, p.impact, prune_from=10**9)
    common = len(p.doc_len) // p.prune_share
    rare = sorted((t for t in range(50) if p.ptr[t + 1] - p.ptr[t] <= common), key=lambda t: p.ptr[t + 1] - p.ptr[t])
    own, extras = rare[:3], frozenset(rare[-4:])
    weights = {**{t: 1.0 for t in own}, **{t: 0.2 for t in extras}}
    brought = set(np.concatenate([p.get(t)[0] for t in own]).tolist())
    unpruned = {t: dict(zip(d.tolist(), s.tolist())) for t, d, s in small.term_scores(weights)}
    assert any(set(unpruned[t]) - brought for t in extras)  # they hold docs of their own
    matches = p.match(weights, extras=extras)
    assert set(matches.cands.tolist()) == brought
    for t, d, s in matches.parts:
        assert set(d.tolist()) == (set(unpruned[t]) & brought if t in extras else set(unpruned[t]))
        assert s.tolist() == [unpruned[t][doc] for doc in d.tolist()]
    full = small.match(weights)
    assert np.array_equal(small.match(weights, extras=extras).cands, full.cands)
    assert np.allclose(matches.scores, full.scores[np.searchsorted(full.cands, matches.cands)])


def _types_of(index, name: str) -> set[str]:
    """The types of every span of the index written `name`."""
    return {sp.type for s in range(len(index)) for sp in index.spans_of(s)
            if index.text_of(s)[sp.start:sp.end] == name}


def test_a_name_the_corpus_writes_as_an_employer_is_an_organisation_everywhere():
    sold = ("Solano", "The Peruvian was sold to Aston Villa a year ago.")
    boss = ("Villa", "Aston Villa boss David O'Leary signed a new contract on Friday.")
    assert _types_of(build([article(0, *sold)], ""), "Aston Villa") == {"person"}  # a sentence alone cannot tell
    assert _types_of(build([article(0, *sold), article(1, *boss)], ""), "Aston Villa") == {"organisation"}


def test_a_titled_name_or_one_opening_with_a_first_name_stays_a_person_before_a_role():
    told = [article(0, "Aide", "Tony Blair aide Alastair Campbell left on Friday. Tony Blair said so."),
            article(1, "Flight", "Mr Flight said he would stand. Mr Flight spokesman John Reid agreed.")]
    index = build(told, "")
    assert _types_of(index, "Tony Blair") == {"person"}
    assert _types_of(index, "Mr Flight") == {"person"}


def test_a_name_the_corpus_writes_after_the_or_in_is_no_person():
    told = [article(0, "Open", "Marat Safin won the French Open in Paris. French Open organisers were pleased."),
            article(1, "Liga", "Owen scored in La Liga again. Then La Liga was suspended on Sunday.")]
    index = build(told, "")
    assert _types_of(index, "French Open") == set()
    assert _types_of(index, "La Liga") == set()
    alone = build([article(0, "Liga", "Then La Liga was suspended on Sunday.")], "")
    assert _types_of(alone, "La Liga") == {"person"}  # what the sentence alone reads


def test_a_person_written_once_after_the_stays_a_person():
    told = [article(0, "Trial", "The Michael Jackson trial opened on Monday. Michael Jackson denied the charges.")]
    assert _types_of(build(told, ""), "Michael Jackson") == {"person"}


def test_a_surname_alone_of_a_person_the_corpus_names_in_full_is_a_person():
    """News names a person in full once, then by surname ("choose Nadal instead"): a who-question's
    answer there had no span to show."""
    told = [article(0, "Open", "Rafael Nadal won in Mexico on Sunday."),
            article(1, "Cup", "Spain decided to choose Nadal instead. Nadal's form was good. Brown spoke later.")]
    index = build(told, "")
    assert _types_of(index, "Nadal") == {"person"}
    assert _types_of(build(told[1:], ""), "Nadal") == set()  # nobody named in full: one word does not say


def test_a_surname_the_corpus_writes_as_a_thing_or_an_employer_is_left_alone():
    told = [article(0, "Walt", "Anna Zorvan drew a mouse. Jose Chelsea was born in Lisbon."),
            article(1, "Film", "The film went to the Zorvan studio. Chelsea boss Jose Mourinho was happy."),
            article(2, "More", "Zorvan was pleased. Chelsea won again on Sunday.")]
    index = build(told, "")
    assert _types_of(index, "Zorvan") == set()
    assert _types_of(index, "Chelsea") == set()
    assert _types_of(index, "Mourinho") == set()  # never written alone


def test_the_build_reports_its_start_so_a_first_slow_chunk_shows_progress():
    """The first report came after the first chunk (200 articles, seconds): a terminal showed nothing
    until the index was done, then "333/333"."""
    reports: list[tuple[int, int]] = []
    build([article(n, t, x) for n, (t, x) in enumerate(STORIES)], "", progress=lambda *r: reports.append(r))
    assert reports[0] == (0, len(STORIES)) and reports[-1] == (len(STORIES), len(STORIES))


def test_a_small_corpus_reports_its_progress_as_it_goes(monkeypatch):
    """Chunks of 200 articles reported the tech folder (333 articles, ≈6 s) at 200 and 333 only: a
    terminal showed no progress for seconds. A build reports about `REPORTS` times, whatever its size."""
    import briefbot.indexing as indexing
    monkeypatch.setattr(indexing, "REPORTS", 4)
    articles = [article(n, t, x) for n, (t, x) in enumerate(STORIES * 4)]
    reports: list[tuple[int, int]] = []
    build(articles, "", progress=lambda *r: reports.append(r))
    assert len(reports) >= 5 and all(b - a <= len(articles) // 4 for (a, _), (b, _) in zip(reports, reports[1:]))
    # and before the first chunk, while Punkt learns from the texts (seconds on a real folder)
    assert reports.count((0, len(articles))) == 1 + len(articles)
