"""Synonyms of news language, as extra index terms, and WordNet's related words, for queries.

Each synonym group becomes one concept term (`~0`, `~1`, …) added to every sentence and query that
uses any of its words or phrases; so "American soldiers" finds "US troops" while the exact words still
count for more. The shipped `synonyms.txt` can be extended by a `synonyms.txt` in the corpus folder.

`related` reads `wordnet.txt`, generated from WordNet 3.0 by tools/make_wordnet_table.py (licence in
WORDNET-LICENSE): it ships in the package, so nothing is read from a WordNet install at run time.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from briefbot.text import analyze

FILE_NAME = "synonyms.txt"
WORDNET_FILE = "wordnet.txt"


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


@dataclass
class Synonyms:
    """Phrases (as analysed term tuples) → concept terms."""
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first term → length of its longest phrase

    @classmethod
    def from_text(cls, text: str) -> Synonyms:
        syn = cls()
        for n, group in enumerate(parse_groups(text)):
            for words in group:
                terms = tuple(analyze(words))
                if terms and (len(terms) > 1 or len(words.split()) == 1):  # "go up" is not "go"
                    syn.phrases.setdefault(terms, set()).add(f"~{n}")
                    syn.longest[terms[0]] = max(syn.longest.get(terms[0], 0), len(terms))
        return syn

    def members(self, concept: str) -> set[str]:
        """The terms of every phrase of one synonym group."""
        return {term for phrase, concepts in self.phrases.items() if concept in concepts for term in phrase}

    def concepts(self, terms: list[str]) -> list[str]:
        """The concept terms for every synonym phrase found in `terms`, once each, in order."""
        found: dict[str, None] = {}
        for i, term in enumerate(terms):
            for n in range(1, min(self.longest.get(term, 0), len(terms) - i) + 1):
                found.update(dict.fromkeys(self.phrases.get(tuple(terms[i:i + n]), ())))
        return list(found)


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
