"""Words and sentences: the one analyzer used for sentences and queries alike, and the splitter.

Everything here works without NLTK data (which cannot be downloaded offline): Punkt is trained
on the corpus itself, the stemmer is Snowball, and the stop words ship in `lexicon/`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import islice
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NLTK takes a quarter second to import: only indexing and unseen words need it
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Characters that look different but mean the same to a reader.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u0131": "i", "\u00df": "ss", "\u00e6": "ae", "\u00f8": "o", "\u0153": "oe", "\u0142": "l",
})
# a word, or a name of capitals joined by "&" ("AT&T", "S&P", "X&Y"): its letters alone say nothing
_WORD = re.compile(r"[A-Z0-9]+(?:&[A-Z0-9]+)+(?:['\u2019]?s)?\b|\w+(?:['\u2019.,\u2010-\u2015-]\w+)*")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]\.?")
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
                      "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
                      "million": "1000000", "billion": "1000000000"})
_NEGATED = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
# the words that deny what a sentence tells (and any word ending in "n't"), read by search's merging
# and compare's denials alike; not "without": "illegal without a second resolution" is a condition
DENIALS = frozenset("not no never nor none nothing cannot".split())


def lexicon_lines(name: str, under: str = "") -> list[str]:
    """A lexicon file's lines, comments left out; with `under`, only those below a heading
    comment starting "# --- `under`", to the next heading ("countries" of places.txt)."""
    text = resources.files("briefbot").joinpath("lexicon", name).read_text(encoding="utf-8")
    if not under:  # one pass in a comprehension: the census's 25k names are read by most questions
        return [line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#")]
    lines, keep = [], False
    for line in (line.strip() for line in text.splitlines()):
        if under and line.startswith("# ---"):
            keep = line[5:].strip().startswith(under)
        elif keep and line and not line.startswith("#"):
            lines.append(line)
    return lines


STOP_WORDS: frozenset[str] = frozenset(lexicon_lines("stopwords.txt"))
IRREGULAR: dict[str, str] = dict(line.split()[:2] for line in lexicon_lines("irregular.txt"))


# What must never reach a terminal or a file as itself: C0 and C1 controls (ESC starts every
# escape sequence), DEL, line and paragraph separators, bidi marks, embeddings, overrides and
# isolates (they reorder what is shown), zero-width and other invisible format characters (they
# hide or spoof a name), BOMs, tag characters and lone surrogates (a file name that is not UTF-8).
# ZWNJ and ZWJ join letters in Persian, Indic scripts and emoji: they stay between two non-ASCII
# characters, and are shown anywhere else (inside a Latin name they can only spoof it).
_HIDDEN = ("\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f"
           "\ufeff\ufff9-\ufffb\ud800-\udfff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f")
_JOINER = "[\u200c\u200d]"
_UNSAFE = re.compile(f"[{_HIDDEN}]|{_JOINER}(?![^\\x00-\\x7f])|(?<![^\\x00-\\x7f]){_JOINER}")
_UNSAFE_IN_LINES = re.compile(f"(?![\\n\\t])[{_HIDDEN}]|{_JOINER}(?![^\\x00-\\x7f])|(?<![^\\x00-\\x7f]){_JOINER}")
# Combining marks that do not compose with their letter; a word goes on through them.
_COMBINING = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
                        r"\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


class LazyPattern:
    """A regular expression compiled on its first use. Attribution and the world hold dozens of
    long patterns; compiling them all at import cost a warm `briefbot ask` ≈ 60 ms that a plain
    question, which never reads attributions or builds the world, does not need. Once compiled,
    the pattern's methods are the instance's own attributes, so a call costs what it costs on
    the compiled pattern (indexing runs attribution over every sentence)."""

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags = source, flags

    def __getattr__(self, name: str):
        compiled = re.compile(self._source, self._flags)
        self.__dict__.update({attr: getattr(compiled, attr) for attr in dir(compiled) if not attr.startswith("_")})
        return getattr(compiled, name)


_REFERS_BACK = LazyPattern(r"(?:(?:But|And|However),?\s+)?(?i:it|its|it's|he|his|she|her|they|their|this|these|that)\b")


def refers_back(sentence: str) -> bool:
    """Whether a sentence opens by pointing back at what the one before named ("It took £7.2m in
    three days", after the film's name): a pronoun or demonstrative as its first word."""
    return bool(_REFERS_BACK.match(sentence))


def safe(text: str, lines: bool = False) -> str:
    """The one escaping path for text from outside (articles, file names, world and saved files):
    the same length, every character listed above shown as a visible symbol (a C0 control as its
    Unicode control picture, `\\n` as ␊, anything else as �), so it can never drive a terminal,
    reorder or hide what is shown, or forge a line. One line unless `lines`: then line ends and
    tabs stay (an article's paragraphs, briefbot's own help). The same length, so spans into the
    text (the answer in its context) still fall on the same characters."""
    return (_UNSAFE_IN_LINES if lines else _UNSAFE).sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7f else "\ufffd"


_BREAKS = str.maketrans(dict.fromkeys(map(ord, "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"), " "))


def one_line(text: str) -> str:
    """Prose (a sentence, a paragraph) shown on one line: each line end or tab a space, the rest
    through `safe`. The same length, for the same reason."""
    return safe(text.translate(_BREAKS))


def fold(text: str) -> str:
    """Case, accents, curly quotes and dashes folded, so `Türkiye’s` and `turkiye's` compare equal."""
    if text.isascii():
        return text.lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_FOLD)


@cache
def _stemmer():
    from nltk.stem.snowball import EnglishStemmer
    return EnglishStemmer()


def stem(word: str) -> str:
    return _stemmer().stem(word)


def _word_forms(raw: str) -> list[tuple[str, str]]:
    """(written, form) pairs of one raw word: possessive dropped, numbers as digits, hyphenated
    words whole and in parts."""
    word = fold(raw).strip("'.,-")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("n't"):  # can't, won't, didn't: the verb, then a "not" that says no topic
        word = _NEGATED.get(word, word[:-3])
    if _INITIALISM.fullmatch(word):
        return [(raw, word.replace(".", ""))]
    word = word.replace("'", "")
    if re.search(r"\ds$", word):  # plurals of numbers and models: 1990s, F-16s
        word = word[:-1]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+", word):
        return [(raw, word.replace(",", ""))]
    parts = [p for p in re.split(r"[-.,]", word) if p]
    if len(parts) > 1:
        written = [w for w in re.split(r"[-.,\u2010-\u2015]", raw) if w]
        if len(written) != len(parts):
            written = parts
        return [(raw, "".join(parts)), *((w, _NUMBER_WORDS.get(p, p)) for w, p in zip(written, parts))]
    return [(raw, _NUMBER_WORDS.get(word, word))] if word else []


def analyze(text: str) -> list[str]:
    """Terms of a text: folded, split, stop words out, Snowball stems."""
    return [term for _, term in analyze_words(text)]


def analyze_words(text: str) -> list[tuple[str, str]]:
    """(word as written, term) pairs; a hyphenated word gives several terms."""
    text = _COMBINING.sub("", unicodedata.normalize("NFC", text))
    return [pair for match in _WORD.finditer(text) for pair in _terms_of(match.group())]


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms of one word of `word_spans`, as `analyze(word)` gives them, without its pass over
    a whole text, and remembered: ranking's second stage reads every word of forty sentences a
    question, most of them several times (at 1M sentences, 1,900 calls a question)."""
    if word.isascii() and _WORD.fullmatch(word):  # nothing for NFC or the combining marks to do
        found = _WORD_TERMS.get(word)
        if found is None and not _is_acronym(word) and (known := _KNOWN.get(word.lower())) is not None:
            return tuple(known)  # a word of the saved index: `_terms_of` would also split it as written
        return tuple(term for _, term in (_terms_of(word) if found is None else found))
    return tuple(analyze(word))


def word_spans(text: str) -> Iterable[re.Match[str]]:
    """The words of a text as the analyzer reads them ("Al-Asad" is one), with their positions."""
    return _WORD.finditer(text)


_WORD_TERMS: dict[str, tuple[tuple[str, str], ...]] = {}
_KNOWN: dict[str, list[str]] = {}  # lower-cased word → its terms, learnt from a saved index
_MAX_WORDS = 1_000_000


def _terms_of(raw: str) -> tuple[tuple[str, str], ...]:
    """The terms of one word, remembered: news reuses its words, so most lookups are hits.

    An all-capitals word is never a stop word: `US` and `IT` are names, `us` and `it` are not.
    """
    found = _WORD_TERMS.get(raw)
    if found is None:
        acronym = _is_acronym(raw)
        if (terms := _KNOWN.get(raw if acronym else raw.lower())) is not None:
            # each term as its own part was written ("American" of "Iraqi-American"), as below
            written = [w for w, form in _word_forms(raw) if acronym or form not in STOP_WORDS]
            found = tuple(zip(written, terms)) if len(written) == len(terms) else tuple((raw, t) for t in terms)
        else:
            found = tuple((written, stem(IRREGULAR.get(form, form)) if form.isalpha() else form)
                          for written, form in _word_forms(raw) if acronym or form not in STOP_WORDS)
        if len(_WORD_TERMS) < _MAX_WORDS:
            _WORD_TERMS[raw] = found
    return found


def _is_acronym(raw: str) -> bool:
    """All capitals (US, IT, NATO): its terms differ from the lower-case word's, so it is kept apart."""
    return len(raw) > 1 and raw.isupper()


def terms_if_seen(word: str) -> list[str] | None:
    """The terms of a word this process or the saved index has seen (no stemmer needed), else None."""
    for key in (word, word.lower()):
        if (found := _WORD_TERMS.get(key)) is not None:
            return [term for _, term in found]
    return _KNOWN.get(word.lower())


def seen_stem(word: str) -> str | None:
    """The Snowball stem of a folded alphabetic word the analyzer has seen here or in the saved
    index, without loading the stemmer; None if unseen, or if its term is no stem (a number word's
    is its digits)."""
    seen = None if word in _NUMBER_WORDS else terms_if_seen(word)
    return seen[0] if seen and len(seen) == 1 else None


def known_words() -> dict[str, list[str]]:
    """The words analysed so far (here or by build workers) and their terms, to save with an
    index: a later process then analyses questions and sentences in those words without loading
    the stemmer."""
    return {**_KNOWN, **_as_known(_WORD_TERMS.items())}


def new_words() -> dict[str, list[str]]:
    """The words this process analysed since the last call, with their terms: a build worker
    hands them to the process that saves the index."""
    global _reported
    fresh = list(islice(_WORD_TERMS.items(), _reported, None))
    _reported += len(fresh)
    return _as_known(fresh)


_reported = 0  # how many of _WORD_TERMS new_words() has handed out


def _as_known(items: Iterable[tuple[str, tuple[tuple[str, str], ...]]]) -> dict[str, list[str]]:
    return {raw if _is_acronym(raw) else raw.lower(): [term for _, term in terms] for raw, terms in items}


def learn_words(words: dict[str, list[str]]) -> None:
    _KNOWN.update(words)


# --- sentences -------------------------------------------------------------------------------

# Abbreviations Punkt should know even when the corpus is too small to learn them.
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st jr sr hon pres "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u u.s.a no vs etc inc ltd co corp"
).split()
MAX_SENTENCE_CHARS = 1000  # a longer "sentence" (a list, a table, a line with no stops) is cut at spaces
_TRAINING_CHARS = 600_000  # Punkt learns enough from this much text; more only costs time


def train_splitter(texts: list[str], each: Callable[[], None] = lambda: None) -> PunktSentenceTokenizer:
    """Punkt trained on the corpus's own text, plus the abbreviations news always uses; `each` is
    called after each text it learns from (it takes seconds: a build's progress goes on meanwhile)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    budget = _TRAINING_CHARS
    for text in texts:
        if budget <= 0:
            break
        trainer.train(text[:budget], finalize=False)
        budget -= len(text)
        each()
    trainer.finalize_training()
    params: PunktParameters = trainer.get_params()
    # Punkt learns "abbreviations" from the corpus; a lone capital or a title is one, a real word is not.
    params.abbrev_types = {a for a in params.abbrev_types if len(a) <= 4 or "." in a}
    params.abbrev_types.update(_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(splitter: PunktSentenceTokenizer, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (one paragraph), trimmed of spaces, a piece that
    cannot start a sentence joined to the one before (see `_goes_on`), long ones cut."""
    joined: list[tuple[int, int]] = []
    for s, e in splitter.span_tokenize(text[start:end]):
        s, e = _trim(text, start + s, start + e)
        if e <= s:
            continue
        if joined and _goes_on(text[s:e]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return [cut for s, e in joined for cut in _cut_long(text, s, e) if cut[1] > cut[0]]


def _goes_on(piece: str) -> bool:
    """Whether a piece Punkt split off goes on the sentence before it: it opens with a word in
    lower case (not a name such as "iPod" or "eBay"), a closing bracket, a mark that joins clauses
    or a possessive "'s". Punkt ends a sentence at every "?" and "!" whatever follows, so a title
    ("Mamma Mia! has joined…", "OutRage!'s Mr Lock") or a quoted question ('"…in that?" they
    pondered') is cut; and it ends one after an abbreviation it has not learnt when a bracket or a
    comma follows it: "Rep. Mark Walker (R-N.C.), according to…" (its realignment moves a closing
    bracket back only when a space follows)."""
    word = piece.split(maxsplit=1)[0]
    return (piece[0].islower() and word.islower()) or piece[0] in ")]},;:" or piece.startswith(("'s ", "\u2019s "))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append(_trim(text, start, cut))
        start = _trim(text, cut, end)[0]
    spans.append((start, end))
    return spans


def plural(n: int, word: str) -> str:
    """ "1 note", "2 notes" (the engine's and the front ends' counts alike)."""
    return f"{n} {word}{'s' * (n != 1)}"
