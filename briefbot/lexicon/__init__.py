"""Synonyms of news language, as extra index terms, and WordNet's related words, for queries.

Each synonym group becomes one concept term (`~0`, `~1`, …) added to every sentence and query that
uses any of its words or phrases; so "American soldiers" finds "US troops" while the exact words still
count for more. The shipped `synonyms.txt` can be extended by a `synonyms.txt` in the corpus folder.

A phrase with a stop word in it ("step down", "pull out": the analyzer drops "down" and "out") is
matched on the text's words, stop words kept (`phrase_words`), so "stepped down" and "pulls out"
match while "pulled" alone does not.

`related` reads `wordnet.txt`, generated from WordNet 3.0 by tools/make_wordnet_table.py (licence in
WORDNET-LICENSE): it ships in the package, so nothing is read from a WordNet install at run time.
The same script writes `phrases.txt`, WordNet's verb phrases ("set up", "turn down") beside their
single-word synonyms ("establish", "reject"). A sentence saying a phrase gets a concept for each of
its words (`~establish`, `~found`, `~launch`); a question asking a word (`asked`) looks for that
word's concept, and a question saying a phrase for its words themselves. So "set up" meets
"founded" and "launched" both ways, "founded" does not meet "launched" (two single words are
WordNet's `related` only, at its weight), and a sentence that says "founded" is scored as before.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from briefbot.text import IRREGULAR, analyze, fold, stem, word_spans

FILE_NAME = "synonyms.txt"
WORDNET_FILE = "wordnet.txt"
PHRASES_FILE = "phrases.txt"


def parse_groups(text: str) -> list[list[str]]:
    """Comma-separated groups, one a line; blank lines and "#" comments ignored."""
    groups = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words = [w.strip() for w in line.split(",") if w.strip()]
            if len(words) > 1:
                groups.append(words)
    return groups


def shipped_text() -> str:
    return resources.files(__package__).joinpath(FILE_NAME).read_text(encoding="utf-8")


@lru_cache(maxsize=200_000)  # news reuses its words; a huge corpus must not grow it without end
def _phrase_word(raw: str) -> str:
    word = fold(raw).strip("'.,-")
    word = IRREGULAR.get(word, word)
    return stem(word) if word.isalpha() else word


def phrase_words(text: str) -> list[str]:
    """A text's words as a phrase is matched on: folded and stemmed as the analyzer does, but with
    the stop words kept ("pulled out" → pull, out)."""
    return [w for m in word_spans(text) if (w := _phrase_word(m.group()))]


@cache
def shipped_phrases() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """phrases.txt: (single-word term, its WordNet verb phrases as `phrase_words` tuples) a line."""
    text = resources.files(__package__).joinpath(PHRASES_FILE).read_text(encoding="utf-8")
    lines = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((term, tuple(tuple(p.split("_")) for p in phrases)) for term, *phrases in lines)


@dataclass
class Synonyms:
    """Phrases (as analysed term tuples, or as `phrase_words` tuples where a stop word matters) →
    concept terms."""
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first term → length of its longest phrase
    worded: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # "pull out" as (pull, out)
    worded_longest: dict[str, int] = field(default_factory=dict)
    single: dict[str, str] = field(default_factory=dict)  # a WordNet word → its concept, for questions
    asked_worded: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # its phrases → the word
    asked_longest: dict[str, int] = field(default_factory=dict)
    _members: dict[str, set[str]] = field(default_factory=dict)  # concept → the terms of its phrases

    @classmethod
    def from_text(cls, text: str) -> Synonyms:
        """The groups of a synonyms text, each a concept `~N`, and the shipped WordNet phrases."""
        syn = cls()
        for n, group in enumerate(parse_groups(text)):
            for words in group:
                terms = tuple(analyze(words))
                if len(words.split()) > 1 and len(terms) < len(words.split()):  # "go up" is not "go"
                    syn._add(syn.worded, syn.worded_longest, tuple(phrase_words(words)), terms, f"~{n}")
                elif terms:
                    syn._add(syn.phrases, syn.longest, terms, terms, f"~{n}")
        for term, phrases in shipped_phrases():
            syn.single[term] = f"~{term}"
            syn._members.setdefault(f"~{term}", set()).add(term)
            for words in phrases:
                syn._add(syn.worded, syn.worded_longest, words, words, f"~{term}")
                syn._add(syn.asked_worded, syn.asked_longest, words, words, term)
        return syn

    def _add(self, table: dict[tuple[str, ...], set[str]], longest: dict[str, int], key: tuple[str, ...],
             terms: tuple[str, ...], concept: str) -> None:
        if key:
            table.setdefault(key, set()).add(concept)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
            self._members.setdefault(concept, set()).update(terms)

    def members(self, concept: str) -> set[str]:
        """The terms of every phrase of one synonym group (or that name one WordNet word)."""
        return self._members.get(concept, set())

    def concepts(self, terms: list[str], text: str = "") -> list[str]:
        """The concept terms for every synonym phrase found in `terms` (and, for the phrases with
        a stop word, in `text`, the words `terms` were analysed from), once each, in order."""
        found: dict[str, None] = {}
        words = phrase_words(text) if text else []
        _find(found, self.phrases, self.longest, terms, 1)
        _find(found, self.worded, self.worded_longest, words, 2)
        return list(found)

    def asked(self, terms: list[str], text: str) -> list[str]:
        """What a question looks for besides its words: the concepts a sentence would get, the
        concept of each WordNet word asked ("reject" finds "turned down"), and the words of each
        WordNet phrase said ("turned down" finds "rejected")."""
        found = dict.fromkeys(self.concepts(terms, text))
        found.update(dict.fromkeys(self.single[t] for t in terms if t in self.single))
        _find(found, self.asked_worded, self.asked_longest, phrase_words(text), 2)
        return list(found)


def _find(found: dict[str, None], table: dict[tuple[str, ...], set[str]], longest: dict[str, int],
          words: list[str], shortest: int) -> None:
    """Add the concepts of every phrase of `table` in `words`."""
    for i, word in enumerate(words):
        for n in range(shortest, min(longest.get(word, 0), len(words) - i) + 1):
            found.update(dict.fromkeys(table.get(tuple(words[i:i + n]), ())))


# What one corpus's synonyms.txt may add: each group is a concept term on every sentence using
# any of its words, so a word in thousands of groups ("said, zq1" … "said, zq2000") would put
# thousands of terms on every sentence that says "said" (a 25 KB file: 900 s and a 113 MB cache).
MAX_CORPUS_GROUPS = 2000
MAX_GROUPS_OF_A_WORD = 5
MAX_CORPUS_SYNONYM_BYTES = 1_000_000


def synonyms_text(corpus_dirs: list[Path], warn: Callable[[str], None] = lambda line: None) -> str:
    """The shipped groups plus those of any `synonyms.txt` at the top of a corpus folder, as many
    as the limits above allow (`warn` hears of the rest, left out)."""
    parts = [shipped_text()]
    for folder in corpus_dirs:
        extra = folder / FILE_NAME
        if extra.is_file():
            with open(extra, "rb") as f:
                text = f.read(MAX_CORPUS_SYNONYM_BYTES).decode("utf-8", errors="replace")
            kept, left = _bounded(text)
            if left or extra.stat().st_size > MAX_CORPUS_SYNONYM_BYTES:
                warn(f"{extra}: {left or 'some'} synonym group(s) left out (at most {MAX_CORPUS_GROUPS:,} groups in "
                     f"{MAX_CORPUS_SYNONYM_BYTES:,} bytes, a word in at most {MAX_GROUPS_OF_A_WORD})")
            parts.append(kept)
    return "\n".join(parts)


def _bounded(text: str) -> tuple[str, int]:
    """The lines of a synonyms file within the limits, and how many groups were left out."""
    kept: list[str] = []
    groups_of: dict[str, int] = {}
    groups = left = 0
    for line in text.splitlines():
        words = {w.strip().lower() for w in line.split(",") if w.strip()}
        if line.lstrip().startswith("#") or len(words) < 2:
            continue
        if groups >= MAX_CORPUS_GROUPS or any(groups_of.get(w, 0) >= MAX_GROUPS_OF_A_WORD for w in words):
            left += 1
            continue
        groups += 1
        for w in words:
            groups_of[w] = groups_of.get(w, 0) + 1
        kept.append(line)
    return "\n".join(kept), left


@cache
def _wordnet() -> list[str]:
    """The table's lines, sorted by term as tools/make_wordnet_table.py writes them: a term is found
    by bisection, so the first question pays for reading the file (≈2 ms), not for a dict of its
    24k lines (≈11 ms of a warm `briefbot ask`)."""
    text = resources.files(__package__).joinpath(WORDNET_FILE).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if not line.startswith("#")]


def _term_of(line: str) -> str:
    return line.partition(" ")[0]


def _relatives(term: str) -> str | None:
    """A term's line after its term (its related terms), or None if WordNet does not have it."""
    lines = _wordnet()
    at = bisect_left(lines, term, key=_term_of)
    return lines[at][len(term) + 1:] if at < len(lines) and _term_of(lines[at]) == term else None


@cache
def is_word(term: str) -> bool:
    """Whether an analysed term is an English word WordNet relates to others: a word the articles
    lack is then no misspelling of one they use ("formed" is not "Former")."""
    return _relatives(term) is not None


@cache
def related(term: str) -> tuple[str, ...]:
    """The analysed terms WordNet relates to an analysed term: its derivations ("withdraw" →
    "withdrawal"), synonyms in its frequent senses ("cost" ~ "price") and similar adjectives."""
    rest = _relatives(term)
    return tuple(rest.split()) if rest else ()
