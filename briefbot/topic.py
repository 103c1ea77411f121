"""Which sentences a topic covers, for the verbs that gather a story's shape (`timeline X`,
`compare X`): every sentence naming it, and the whole of every article whose headline names it
(in a story about the budget, "It will be delivered on 16 March" is about the budget too)."""
from __future__ import annotations

import numpy as np

from briefbot.index import Index
from briefbot.text import analyze


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
