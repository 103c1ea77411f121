"""From a question to cited answers: query terms (with typo and synonym help), BM25 over the
candidates that share a term, duplicate facts merged, and an honest "nothing on that".
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

import numpy as np

from briefbot.attribution import starts_with_pronoun
from briefbot.index import Index, Matches
from briefbot.lexicon import Synonyms, is_word, related
from briefbot.names import (ORG_WORDS, PEERAGE, ROLE_OF, ROLE_WORDS, TITLES, census_names, gazetteer_name, is_country,
                            is_role_word)
from briefbot.question import (AMOUNT_WORDS, NOT_THE_HOLDER, PLURAL, TOLD_AHEAD, TOLD_PAST, Question, analyse,
                               past_verb)
from briefbot.ranking import FEATURES, Ranking
from briefbot.spans import SMALL_NUMBER, Span, enumeration_items
from briefbot.text import (DENIALS, IRREGULAR, STOP_WORDS, LazyPattern, analyze, analyze_words, fold, terms_if_seen,
                           word_spans, word_terms)

T = TypeVar("T")
K = TypeVar("K")

# Typo correction compares a word's one-letter deletions (as many as its letters, each as long):
# a longer "word" (a pasted blob, a table with no spaces) is no misspelling, and would cost its
# length squared in memory (100k letters: 9.5 GB).
TYPO_MAX_LETTERS = 40
GUESS_MIN_LETTERS = 6  # a word found nowhere is read two letters off (`Searcher.guesses`) from this length
_NAMES = ("person", "place", "organisation")
_CLAUSE = LazyPattern(r"[,;:()\u2013\u2014]| - ")  # marks between clauses
_CLAUSE_GAP = 40  # characters a clause boundary counts for between an answer span and the question's words
# names a story may write otherwise: an ordinal ("the 5th president", "fifth") or a short
# abbreviation ("Man City" for Manchester City, "PS2" for the PlayStation 2)
_LOOSE_NAME = LazyPattern(r"\d+(st|nd|rd|th)|(?=.*[^\W\d]).{1,3}", re.I)
_NAME_RUN = LazyPattern(r"[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*)+")  # "Northern Rock", "Alan Greenspan"
_NUMBERED = LazyPattern(r"(?<![\w-])([A-Za-z][\w-]*)\s+(\d{1,3})(?![\w%/:-]|[,.]\d)")  # "xbox 360", "PlayStation 2"
_ROMAN = LazyPattern(r"(?-i:[IVXLC]+)(?![\w'\u2019-])")  # "Super Bowl LI": a name numbered in Roman numerals
_YEAR = LazyPattern(r"(?<![\w£$€.,-])((?:19|20)\d\d)(?![\w%-]|[.,]\d)")  # "2006", not "2006bn" or "$2006"
_NAME_BEFORE = LazyPattern(r"(?<![.?!]\s)(?<!^)\b(?!(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|In|By|Since|Until)\s)[A-Z][\w'\u2019-]*\s+$")  # "Vision 2030", not "May 2005"
_YEARS_READ = 400  # sentences of a year read to tell how the articles speak of it
_MOSTLY_TO_COME = 0.5  # the share of them speaking of the future that makes it a year to come
_WORD_OF_NAME = LazyPattern(r"[A-Za-z][\w'\u2019-]*")
_POSSESSIVE_END = LazyPattern(r"['\u2019]s?$")
_TITLE_CASE = LazyPattern(r"[A-Z][^\W\dA-Z_][\w&.'\u2019-]*")  # "Rock", "Al-Anbar"; not "EA", "II", "I"
_POSSESSIVE = LazyPattern(r"['\u2019]s?\s+(?:[a-z]+\s+)?([\w-]+)")  # "ISIS's defeat", "Iraq's new government"
_TITLE_AFTER = LazyPattern(r",?\s+([a-z][\w-]*)\s+(?=[A-Z])")  # "France coach Bernard Laporte", "Keith Gleeson, coach Eddie"
_SUCCEEDING = frozenset("succeed succeeds succeeded succeeding replace replaces replacing".split())  # "succeed Mark Hughes"
_THE_THEN = LazyPattern(r"\bthe\s+then\b", re.I)  # "the then education secretary"
_APPOSED_TO = LazyPattern(r"\b([a-z][\w-]*)\s+of\s+(?:the\s+|an?\s+)?(?:[\w'\u2019-]+\s+){0,2}$")  # "an ally of the Yukos boss, Mr N"
# Who heads a body: the titles they hold ("Federal Reserve chairman Alan Greenspan"), the verbs for
# doing so ("who runs the federal reserve", "who heads the fa") and the role words that ask for any
# of them ("the head of the fa", "the chelsea boss"), as terms.
_HEAD_SEEDS = ("head", "chief", "boss", "leader", "chairman", "president", "director", "governor", "manager",
               "executive")
_IN_CHARGE = frozenset("run head lead chair manag govern".split())
_HEADS = frozenset("head boss".split())
_IN_CHARGE_OF = LazyPattern(r"\bin charge of\b")
# after a doer, its deed: "Rosneft eventually acquired", "France, who have won", "a firm, which bought"
_BESIDE = 12  # words either side of a name that what a deed is done to may stand in, where no name does it
_SMALL_NUMBER = LazyPattern(SMALL_NUMBER, re.I)
_ASIDE = LazyPattern(r"\s*,[^,.;:]{1,60}(?=,)")  # "Frank Burnet, inspired by a suggestion made by Niels Jerne, formulated"
_DEED_AFTER = LazyPattern(r"(?:\s*,\s*(?:(?:the|an?)\s+(?:[\w'\u2019-]+\s+){0,3}?)?"
                          r"(?:who|which|that)\b)?,?((?:\s+[a-z][\w'\u2019-]*){1,3})")
# words before a verb that tell no deed done: "Wales to win", "France can still win", "did not win"
_UNSURE = frozenset("to can could may might will would should must not never".split())
_PARTICLES = frozenset("up out off down over back away".split())  # of a phrasal verb: "set up", "paid the £180 back"
_IT_AFTER = LazyPattern(rf"\s+(?:(?:{'|'.join(sorted(_PARTICLES))})\s+)?(?:it|them|this|these|those)\b", re.I)  # "opened it"
# a name a preposition governs, a title between or none: "since Mark Edmondson", "over German qualifier Dieter Kindlmann"
_PREPOSITION_BEFORE = LazyPattern(r"\b(?:of|to|from|with|for|in|on|at|against|over|into|about|since)\s+(?:the\s+)?"
                                  r"(?:(?-i:[A-Z])[\w'\u2019-]*\s+(?-i:[a-z])[\w-]*\s+)?$", re.I)
_FROM_BEFORE = LazyPattern(r"\b([A-Za-z][\w-]*)\s+from\s+$")  # "a low cross from Santiago Solari", "Goals from Gregory Vignal"
_BY_BEFORE = LazyPattern(r"([a-z][\w-]*)\s+by\s+(?:[\w'\u2019.-]+\s+){0,3}$")  # "a lecture by Sir Joseph Swan"
_APPOSITION_OPENERS = frozenset("the a an his her its their our now then also".split())  # ", the mayor"
_APPOSITION = LazyPattern(r",\s+(?:the\s+|an?\s+)?")  # "Gordon Brown, chancellor of the exchequer"
# "the Six Nations and Grand Slam" (not "a merger between UPT and the DuMont Television Network")
_COORDINATE = LazyPattern(r",?\s+(?:and|or|&)\s+(?:the\s+)?")
# "Britain, France, Gavi and the Gates Foundation": names in a list of commas that ends with "and"
_LIST_COMMA = LazyPattern(r",\s+")
_LISTED_NAME = r"[A-Z][\w'\u2019.&-]*(?:\s+[A-Z][\w'\u2019.&-]*)*"
_LIST_TAIL = LazyPattern(rf"{_LISTED_NAME}(?:,\s+{_LISTED_NAME})*,?\s+(?:and|or|&)\s")
_BETWEEN = LazyPattern(r"\b(?:between|of|with)\s+(?:the\s+)?$", re.I)
# "directed by Richard Eyre", "presented by Little Britain star Matt Lucas"
_AGENT = LazyPattern(r"([a-z][\w-]*)\s+by\s+(?:(?:[A-Z][\w'\u2019.-]*\s+)+[a-z][\w-]*\s+)?$")
_QUALIFIED = LazyPattern(r"\)?\s(?:\([^()]{1,20}\)\s)?([a-z][\w-]*)")  # "$11bn (£5.8bn) fraud", "eight insurance firms"
# "an $11bn (£5.8bn) fraud", "his acrimonious £27m move": a determiner (and a word) before the sum, or
# before the sum it converts
_ORDINAL = LazyPattern(r"(?:st|nd|rd|th)\b")
_RATIO = LazyPattern(rf"\s+in\s+(?:\d+|{SMALL_NUMBER})\b")  # "one in six knew who he was"
_OUT_OF = LazyPattern(r"\bout\s+of\s+$", re.I)
_PART_OF = LazyPattern(r"\s+of\b")  # "one of America's largest firms", "one of five executives"
_DETERMINER = LazyPattern(r"(?<![\w-])(?:a|an|the|its|his|her|their|this|that)\s+(?:[a-z][\w-]*\s+)?(?:[^\s()]+\s\()?$",
                          re.I)
_NEXT_WORD = LazyPattern(r"['\"\u2019\u201d]?\s+([\w-]+)")  # the word after a name: "the "Inherent Resolve" coalition"
_DETERMINED = LazyPattern(r"\b(?:the|a|an|his|her|its|their|this|that|these|those)\s+((?:[\w'-]+\s+)?[\w'-]+)")
_THEN_NAME = LazyPattern(r"(?<![\w'\u2019-])([a-z][\w-]*)\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)")
_KIND_OF_NAME = LazyPattern(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*)\s+([a-z][\w-]*)\s+$")  # "the Kenyan capital Nairobi"
_DETERMINER_BEFORE = LazyPattern(r"(?<![\w'-])(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+$")  # "The 29-year-old finished"
_COUNTED_BEFORE = LazyPattern(rf"(?<![\w'-])(?:\d{{1,3}}|{SMALL_NUMBER}|more|most|many|several|few|fewer)\s+$", re.I)
_THE_BEFORE = LazyPattern(r"(?<![\w'-])[Tt]he\s+$")
_A_BEFORE = LazyPattern(r"(?<![\w'-])(?:[Aa]n?)((?:\s+[\w'\u2019-]+){0,2})\s+$")
_QUALIFIED_NOUN = LazyPattern(r"\s+[a-z][\w-]*(?:\s+(?:was|is|were|are|has|had|have|will|would|and|or)\b|[.;)])")
_DONE_TO = LazyPattern(r"(?<![\w'\u2019-])([a-z][\w-]*)\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
                       r"(?:[A-Z][\w'\u2019-]*\s+)?[a-z][\w-]*\s+$")  # a title between: "beat compatriot Kim Clijsters"
# the last of a deed's objects: "accused the prime minister and Mr Brown" (asked who replaced Michael Howard)
_COORDINATED = LazyPattern(r"(?<![\w'\u2019-])([a-z][\w-]*)\s+(?:[\w'\u2019-]+\s+){1,3}(?:and|or)\s+$")
_PRESENT_S = LazyPattern(r"[a-z]+[^su'\u2019]s")  # "believes", "plays"; not "class", "bonus", "this"
_VERB_AFTER = LazyPattern(r"\s+(?:(?:has|have|had|was|were|is|are)\s+)?([a-z]+)\b")  # "Tony Blair purchased"
_VERB_THEN = LazyPattern(r"\s+([a-z][\w-]*)\s+(?:(?:the|a|an|his|her|its|their)\s+)?")  # "Cate Blanchett won best…"
_OBJECT = LazyPattern(r"([^,;:.!?()\"\u201c\u201d]*)")  # to the clause's end
_WHO_VERB = LazyPattern(r"\s*who\s+(?:(?:has|have|had|will|would)\s+)?(?!(?:is|was|are|were|be|been|else|did|does|do|can|"
                        r"could|should|may|might|must)\b)([a-z]+)\b")
_WHEN_VERB = LazyPattern(r"\s*when\s+(?:was|were|did|had|has|have)\s+.+?\s([a-z]+)\W*$")  # "when was it founded?"
_OPENING = LazyPattern(r"\W*(?:(?:in|on|at|by|during|since|last|early|late)\s+)?", re.I)  # before a date opening a sentence
_PAST_BEFORE = LazyPattern(r"(?<![\w'\u2019-])([a-z]+)\s+(?:(?:on|in|at|during|by|last|this|early|late)\s+)?$")
_NAME_WORD_BEFORE = LazyPattern(r"([A-Z][\w'\u2019-]*)\s+$")  # "Inner" of "Inner Mongolia"
_NAMESAKE_READ = 200  # sentences read of a place's mentions: all inside longer names so far is enough
_WORD_BEFORE = LazyPattern(r"(?<![\w'\u2019-])([a-z][\w-]*)\s+(?:(?:the|a|an|his|her|its|their)\s+)?$")  # "won a Golden Globe"
_GIVEN_BY = LazyPattern(r"\s+([a-z][\w-]*)\s+by\s+(?:[a-z][\w-]*\s+){0,2}([A-Z][\w'\u2019.&-]*(?:\s+[A-Z][\w'\u2019.&-]*)*)")
_TALLY = LazyPattern(r"[-\u2013]\d+")  # "voted 7-2": the second number of a tally
_BARE_FIGURE = LazyPattern(rf"[\d,.]+|{SMALL_NUMBER}|half|dozens", re.I)  # no currency, no scale: "107", "five"
_AGE_LIKE = LazyPattern(rf"\d{{1,3}}|{SMALL_NUMBER}", re.I)  # not "1500m", "half", "thousands"
# words that deny or prevent what a sentence tells: two sentences are one fact only if both deny or
# neither does ("no date has been set" is "a date has not been set", "we reject" is "we do not
# accept") and they prevent alike, however many other words they share. Most denials are stop
# words, so they are read in the text ("won't" too); the verbs, as terms ("banned" is "ban"). Not
# "without": "illegal without a second resolution" is no denial
_DENYING = LazyPattern(rf"\b(?:{'|'.join(sorted(DENIALS))})\b|n['\u2019]t\b", re.I)
_PREVENTING = frozenset("prevent stop ban bar block forbid prohibit".split())
_REFUSING = frozenset("reject refus deni denial".split())  # terms that deny as "not" does
_AMOUNTS = frozenset("money percent duration measure number".split())
_DO_SUPPORT = LazyPattern(r"(?i)^\W*how\s+\w+\s+(?:\w+\s+)?(?:did|does|do|will|would|can|could|should)\b")
_HEADED = LazyPattern(r"(?:\b(?:the|a|an|his|her|its|their|this|that)|['\u2019]s)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)")
# the thing an amount is told of, before it: "the trade shortfall was $55.5bn", "its debt stood at £2bn"
_MEASURED_BY = LazyPattern(r"((?:[\w'\u2019-]+\s+){1,2})(?:was|is|were|are|stood at|totalled|totaled|reached|of)\s+(?:about\s+|almost\s+|nearly\s+|around\s+)?$")
_BOUND_BEFORE = LazyPattern(r"\b(until|till|through|by|since|from)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_BEGINNING = "begin began begun start form found establish launch create open introduce"
_ENDING = "end finish stop close expire conclude leave withdraw quit exit depart"
_CLAUSE_START = LazyPattern(r"[,;:()\u2013\u2014]|\b(?:which|who|that|and|but|while|as)\b")
_BACK_WORD = LazyPattern(r"\b(?:last|ago|yesterday|earlier)\b", re.I)  # in the date itself
_TALL = LazyPattern(r"(?:\d|\b)(?:m|metres?|meters?|cm|centimetres?|ft|feet|foot|inch(?:es)?)\b|\d\s*(?:'|\u2019)", re.I)  # "6ft 2in", "1.85m"; not "two mile"
_ASKS_YEAR = LazyPattern(r"\b(?:what|which) year\b", re.I)  # "what year is it set in": no "mid-November"
_SAYS_YEAR = LazyPattern(r"\b(?:1\d|20)\d\d\b|'\d\d\b|\byear\b", re.I)  # a date with its year ("last year")
_AHEAD_WORD = LazyPattern(r"\b(?:next|tomorrow|coming)\b", re.I)
_VERB_WORD = LazyPattern(r"\b(?:is|are|was|were|had|has|have|did|does|will|shall|would|\w{3,}ed)\b")
_ASKS_COUNTRY = LazyPattern(r"\b(?:which|what)\s+(?:\w+\s+)?(?:countries|country|nations?)\b")  # "which countries have troops"
# what gives a reason: a cause's connective, or an injury or illness ("pulled out with an abdominal injury")
_REASON = LazyPattern(r"\b(because|since|due to|owing to|as a result|so that|in order to|after|following|amid|reason|"
                      r"injur(?:y|ies|ed)|illness)\b", re.I)


@dataclass(frozen=True)
class Citation:
    source: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    path: str
    sentence: int  # 1-based number of the sentence in its article
    start: int  # character span in the file's text, or in the extracted text (see `offsets`)
    end: int
    line: int
    record: int | None = None  # the record's number in a JSON or JSON Lines file (or the item's in a feed)
    offsets: str = "file"  # "extracted": start/end count into `briefbot sources --text N` (web, feed, PDF, Word, JSON)
    page: int | None = None  # in a PDF, from 1
    paragraph: int | None = None  # 1-based number of the body paragraph in its article


@dataclass(frozen=True)
class Facts:
    """What `same_fact` compares of one sentence, found once for all the pairs it is in."""
    figures: frozenset[str]  # the figures and dates it states, as analysed ("2,500" = "2500")
    names: frozenset[str]  # the terms of the people and organisations it names
    terms: frozenset[str]  # its other terms


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
    answer_span: Span | None = None  # what answers the question's type inside `text` ("£80m", money)


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
    kin_names: list[str] = field(default_factory=list)  # names found only as a relative ("French" for France)

    @property
    def status(self) -> str:
        return "answered" if self.answers else "no_answer"


@dataclass
class Pool:
    """The first stage's best candidates: sentence ids, their second-stage features (one row
    each, columns as `ranking.FEATURES`) and the typed span each would answer with."""
    sents: np.ndarray
    features: np.ndarray
    spans: list[Span | None]
    question: Question


@dataclass(frozen=True)
class _Asking:
    """What the second stage reads of a typed question in every sentence it judges, worked out
    once a question (`Searcher._answer_span`): its span types, its terms and theirs, the deed a
    who-question asks of and what it is done to."""
    question: Question
    asked: set[int]  # the question's term ids, relatives and synonyms included
    types: tuple[str, ...]
    terms: frozenset[str]  # `asked` as terms
    own: frozenset[str]  # those that are no WordNet relative of the question's terms ("supported" of "support")
    nouns: frozenset[str]  # see `_nouns` (a place question's own terms too: "England play Italy" asked of Scotland)
    unit: set[str]  # the thing counted, its synonyms and relatives
    measured: frozenset[str] | set[str]  # what an amount question with no unit measures
    deed: frozenset[str]  # see `_deed`
    doing: frozenset[str]  # the terms saying the deed (`_deed_terms`)
    done_to: frozenset[str]  # what the deed is done to ("yuganskneftegaz" asked who bought it)
    unsure: frozenset[str]  # words before a verb that tell no deed done, but the question's own ("who won" is not who can)
    qualified: frozenset[str]  # see `_qualifier_words`
    when_done: frozenset[str]  # the terms saying the deed a when-question asks the date of (`_when_deed`)
    asks_height: bool  # a measure in a unit of height ("how tall")
    asks_year: bool  # a date that says its year ("what year")

    @staticmethod
    def of(question: Question, asked: set[int], index: Index, unit: set[str], measured: frozenset[str] | set[str]
           ) -> _Asking:
        types = question.span_types
        terms = frozenset(index.terms[t] for t in asked)
        own = terms - _relatives(question.looked_for)
        nouns = _nouns(question) | own if types[0] == "place" else _nouns(question)
        deed = _deed(question.text)
        doing = _deed_terms(deed, index.synonyms) if deed else frozenset()
        return _Asking(question, asked, types, terms, own, nouns, unit, measured, deed, doing, own - doing,
                       _UNSURE - set(fold(question.text).split()), _qualifier_words(question),
                       _deed_terms(_when_deed(question.text), index.synonyms) if "date" in types else frozenset(),
                       question.asks_height, bool(_ASKS_YEAR.search(question.text)))


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
        self.ranking: Ranking = index.ranking
        self._deletes: dict[str, tuple[int, ...]] | None = None
        self._topics: list[str] | None = None
        self._speaker_names: dict[str, np.ndarray] | None = None
        self._facts: dict[int, Facts] = {}
        self._term_sets: dict[int, frozenset[str]] = {}
        self._reaches: dict[int, dict[str, int]] = {}
        self._denials: dict[int, frozenset[str]] = {}
        self._follows: np.ndarray | None = None  # see _with_followers
        self._dated: np.ndarray | None = None  # see _dated_otherwise

    # --- the query ---------------------------------------------------------------------------

    def _slots(self, query: str, corrections: dict[str, str]) -> list[_Slot]:
        idx = self.index
        unknown_idf = float(np.log1p((len(idx) - 0.5) / 1.5))  # a word the corpus lacks weighs as its rarest
        slots: list[_Slot] = []
        reworded: list[int] = []  # the slots of English words the articles may say otherwise
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
            if is_word(term) and (fixed is None or idx.terms[fixed] not in related(term)):
                # an English word the articles never use: "formed" is no misspelling of "Former"
                # (while "Irak" is WordNet's "Iraq"). Where they use a word WordNet relates to it
                # ("established" for "founded"), they may say it otherwise: it weighs as the
                # question's other words do; else as the rarest (it asks what they never tell)
                if any(t in idx.term_id for t in related(term)) or term in _bound_verbs():
                    reworded.append(len(slots))  # (a time's start or end is also told by "since", "until")
                # a name's own relatives are the same thing ("French troops" for France); a common
                # word's are not ("role" is no "part")
                kin = {idx.term_id[t]: self.ranking.related_weight for t in related(term) if t in idx.term_id} \
                    if _name_like(word, query) or gazetteer_name(word) else {}
                slots.append(_Slot(word, term, kin, unknown_idf))
                continue
            if fixed is not None:
                corrections[word] = self._spelt(fixed, word)
                slots.append(_Slot(word, idx.terms[fixed], {fixed: self.ranking.fuzzy_weight}, float(idx.bm25.idf_array[fixed])))
            else:
                slots.append(_Slot(word, term, {}, unknown_idf))
        known = [s.idf for s in slots if s.terms]
        for n in reworded:
            slots[n].idf = sum(known) / len(known) if known else unknown_idf
        for a, b in zip(slots, slots[1:]):  # "web pages" finds "webpages", a word the articles use
            joined = terms_if_seen(a.word + b.word) or []
            if len(joined) == 1 and (jid := idx.term_id.get(joined[0])) is not None:
                a.terms.setdefault(jid, 1.0)
                b.terms.setdefault(jid, 1.0)
        self._add_acronyms(slots)
        for concept in idx.synonyms.asked([s.term for s in slots], query):
            cid = idx.term_id.get(concept)
            if cid is None:
                continue
            members = idx.synonyms.members(concept)
            for slot in slots:
                if slot.term in members:
                    slot.terms.setdefault(cid, self.ranking.concept_weight)
        self._add_related(slots)
        return slots

    def _unheard_of(self, slot: _Slot) -> bool:
        """Whether a word the articles never use, even misspelt, is a place or organisation the
        gazetteers know ("mongolia", typed in lower case) that the articles never name otherwise
        either ("tory" is theirs if they write "Conservative Party")."""
        known = gazetteer_name(slot.word)
        return bool(known) and not all(t in self.index.term_id for t in analyze(known))

    def _unjoined(self, query: str) -> list[str]:
        """The names of two or more capitalised words that no article holds together: a briefing
        that says "northern" in one story and "rock" in another never names Northern Rock. A
        leading title or role ("Chancellor Gordon Brown") and the question's first word are no
        part of the name, a possessive ends one ("Coldplay's X&Y"), and a word in capitals ("EA",
        "II") may be written otherwise. (Absent from every sentence is too strict: "Andrea Arnolds
        film", "Maria Curie" for Marie.)"""
        idx = self.index
        unknown = []
        for run in _NAME_RUN.finditer(query):
            words = run[0].split()
            if run.start() == len(query) - len(query.lstrip()):
                words = words[1:]
            ends = [n for n, w in enumerate(words) if _POSSESSIVE_END.search(w)]
            for part in _split_after(words, ends):
                while part and (fold(part[0]).strip(".") in TITLES | PEERAGE or is_role_word(part[0])
                                or fold(part[0]) in STOP_WORDS):
                    part = part[1:]
                tids = [idx.term_id.get(t) for w in part for t in analyze(w)]
                if len(part) > 1 and all(_TITLE_CASE.fullmatch(w) for w in part) and tids and None not in tids \
                        and not len(self._articles_holding(tids)):
                    unknown.append(" ".join(_POSSESSIVE_END.sub("", w) for w in part))
        return unknown

    def _namesakes(self, query: str) -> list[str]:
        """The people named by a first name and a surname where the articles give that surname only
        to people of other first names: "Tony Benn" (or "tony benn") in a briefing that names Hilary
        Benn and Tony Blair is no one they mention. A first name one slip from theirs is theirs
        ("Maria Curie" for Marie), and a surname no first name ever precedes ("Mr Brown") may be anyone's.
        Both words must be names as the articles write them: the surname never in lower case ("Delta
        T", "Francisco area"), the first name no place and, where they use it, before a surname
        ("German general", "Florida stadium" are no people)."""
        first_names, surnames = census_names()
        unknown = []
        words = _WORD_OF_NAME.findall(query)
        for first, last in zip(words, words[1:]):
            given, family = first[:1].upper() + first[1:].lower(), last[:1].upper() + last[1:].lower()
            if given not in first_names or family not in surnames or fold(first) in STOP_WORDS or gazetteer_name(given):
                continue
            theirs = self._before_name(family, first_names, until=given)
            if not theirs or given in theirs:
                continue
            from nltk.metrics.distance import edit_distance  # here: most questions never need NLTK loaded
            if any(edit_distance(given, name) <= 1 or given.startswith(name) for name in theirs):  # "Fred" Pierce
                continue
            if any(t in self.index.term_id for t in analyze(given)) and not self._before_name(given, surnames, after=True):
                continue  # a word they write in lower case, or no first name of anyone they name
            unknown.append(f"{given} {family}")
        return unknown

    def _within_other_names(self, query: str) -> list[str]:
        """The places the question names that the articles write only inside another place's or
        thing's name: "Mongolia" in a briefing that names only "Inner Mongolia Yili Industrial",
        "York" where it says only "New York", is not mentioned ("Great Britain" is Britain still)."""
        unknown = []
        words = _WORD_OF_NAME.findall(query)
        for n, word in enumerate(words):
            pairs = [" ".join(words[max(0, n - 1):n + 1]), " ".join(words[n:n + 2])]
            if not (place := gazetteer_name(word)) or any(len(p.split()) == 2 and gazetteer_name(p) for p in pairs):
                continue  # no place, or part of one the question names in full ("new york")
            terms = analyze(word)
            if len(terms) != 1 or (tid := self.index.term_id.get(terms[0])) is None:
                continue
            uses = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
            asked_before = fold(words[n - 1]) if n else ""  # "real madrid" asks the name the articles write
            texts = (self.index.text_of(int(s)) for s in self.index.by_sentence.get(tid)[0][:_NAMESAKE_READ].tolist())
            inside = False  # seen inside a longer name, and so far only there
            for text, m in ((text, m) for text in texts for m in uses.finditer(text)):
                before = _NAME_WORD_BEFORE.search(text, 0, m.start())
                if not before or fold(before[1]) in STOP_WORDS or fold(before[1]) == asked_before \
                        or gazetteer_name(f"{before[1]} {m.group()}") == place:  # ("In York", "Great Britain")
                    break  # written as the place itself once: mentioned
                inside = True
            else:
                if inside:
                    unknown.append(word)
        return unknown

    def _unnumbered(self, query: str) -> list[str]:
        """The names ending in a number ("xbox 360") where the articles number that name only
        otherwise: a briefing that writes "Xbox 2" and never "Xbox 360" does not tell of the Xbox
        360. A number is part of a name where the span typing says so ("Sony PlayStation 2's
        slimmer shape": no number span there, see `spans`); a name never numbered ("Chelsea 2"
        typed for a score), written with that number somewhere in any case, or numbered in Roman
        numerals ("Super Bowl LI" for Super Bowl 51) is not unknown."""
        idx = self.index
        unknown = []
        for m in _NUMBERED.finditer(query):
            word, number = m[1], m[2]
            terms = analyze(word)
            if fold(word) in STOP_WORDS or len(terms) != 1 or (tid := idx.term_id.get(terms[0])) is None \
                    or not idx.surface[tid][:1].isupper():  # a common word ("top 10"): its sentences are many
                continue
            near = re.compile(rf"(?<![\w-]){re.escape(word)}\s+(\d{{1,3}}(?![\w%/]|[,.]\d)|{_ROMAN.pattern})", re.I)
            numbered = False  # whether they number the name otherwise
            for sent in idx.postings(tid)[0].tolist():
                found = list(near.finditer(idx.text_of(sent)))
                if any(n[1] == number or _ROMAN.fullmatch(n[1]) for n in found):
                    break  # written so, or perhaps in Roman numerals
                starts = {sp.start for sp in idx.spans_of(sent)}
                numbered = numbered or any(n[0][:1].isupper() and n.start(1) not in starts for n in found)
            else:
                if numbered:
                    unknown.append(f"{word} {number}")
        return unknown

    def _to_come(self, question: Question, slots: list[_Slot]) -> list[str]:
        """The years a question asks of in the past ("who won the 2006 World Cup") where the
        articles report nothing of what is asked then: where they tell of that year mostly as to
        come ("will be released in 2006") and no clause naming it beside the thing asked tells of
        it as done: they are written before it; or where the articles naming what is asked of
        give other years and never that one (`_dated_otherwise`). (The BBC files carry no dates; their sentences'
        years and tenses tell when they were written.) A year that is part of a name ("Vision
        2030", "Euro 2008"), in the question or mostly in the articles, is no date."""
        query = question.text
        if not _YEAR.search(query) or question.tense != "past":
            return []
        idx = self.index
        others = [s for s in slots if s.terms and not _YEAR.fullmatch(s.term)]
        if not others:
            return []
        event = max(others, key=lambda s: s.idf)  # the rarest word: what is asked of ("ashes", "oscars")
        with_event = np.unique(np.concatenate([idx.postings(t)[0] for t in event.terms]))
        unknown = []
        for m in _YEAR.finditer(query):
            year = m[1]
            if _NAME_BEFORE.search(query[:m.start()]):
                continue
            if self._dated_otherwise(event, year):
                unknown.append(year)
                continue
            if (tid := idx.term_id.get(year)) is None:
                continue
            sents = idx.postings(tid)[0]
            read = sents[np.linspace(0, len(sents) - 1, min(len(sents), _YEARS_READ)).astype(int)]
            texts = [idx.text_of(int(s)) for s in read]
            if sum(bool(_NAME_BEFORE.search(t[:t.find(year)])) for t in texts) * 2 > len(texts):
                continue  # they write it as a name's: "Kenya unveiled Vision 2030", asked what it revealed in 2030
            mostly_to_come = sum(bool(TOLD_AHEAD.search(t)) for t in texts) >= _MOSTLY_TO_COME * len(texts)
            about = np.intersect1d(sents, with_event, assume_unique=True)[:_YEARS_READ]
            if mostly_to_come and not any(self._tells_as_done(int(s), year) for s in about):
                unknown.append(year)
        return unknown

    def _dated_otherwise(self, event: _Slot, year: str) -> bool:
        """Whether the articles naming a name ("the Ashes", as they write it: capitalised) give
        years and never this one: those won "since 1970" tell nothing of the 2005 series."""
        idx = self.index
        own = idx.term_id.get(event.term)
        if own is None or not idx.surface[own][:1].isupper():
            return False
        arts = np.unique(np.concatenate([idx.by_article.get(t)[0] for t in event.terms]))
        tid = idx.term_id.get(year)
        if tid is not None and len(np.intersect1d(arts, idx.by_article.get(tid)[0], assume_unique=True)):
            return False
        if self._dated is None:  # the articles giving a year, found once
            self._dated = np.zeros(len(idx.articles), dtype=bool)
            for term, t in idx.term_id.items():
                if _YEAR.fullmatch(term):
                    self._dated[idx.by_article.get(t)[0]] = True
        return bool(self._dated[arts].any())

    def _tells_as_done(self, sent: int, year: str) -> bool:
        """Whether the clause of a sentence naming a year tells of something done in it: a past
        verb and no word of the future ("reaching Germany 2006 looks near impossible" does not,
        whatever the clause before it says)."""
        text = self.index.text_of(sent)
        clauses = [c for c in _CLAUSE_START.split(text) if year in c]
        return any(TOLD_PAST.search(c) and not TOLD_AHEAD.search(c) for c in clauses)

    def _before_name(self, word: str, names: frozenset[str], after: bool = False, until: str = ""
                     ) -> set[str] | None:
        """The `names` written right before a capitalised `word` in the articles (right after it,
        with `after`); None when they also write the word in lower case, a common word, or never.
        Read up to the first sentence giving it `until`, when that is all the caller needs to know
        ("Tony Blair" is theirs: his thousand other sentences need no reading)."""
        idx = self.index
        terms = analyze(word)
        if len(terms) != 1 or (tid := idx.term_id.get(terms[0])) is None:
            return None
        name, middle = r"([A-Z][a-z]+)", r"(?:([A-Z][\w.]*)\s+)?"  # "Alan L. Bean", "James Clerk Maxwell"
        near = re.compile(rf"\b{re.escape(word)}\s+{middle}{name}" if after
                          else rf"\b{name}\s+{middle}{re.escape(word)}\b")
        lower = re.compile(rf"\b{re.escape(word.lower())}\b")
        found: set[str] = set()
        for sent in idx.postings(tid)[0].tolist():
            text = idx.text_of(sent)
            if lower.search(text):
                return None
            found.update(w for m in near.finditer(text) for w in m.groups() if w in names)
            if until in found:
                break
        return found

    def _add_acronyms(self, slots: list[_Slot]) -> None:
        """A name of capitalised words also matches its initials where a story writes both: "Electronic
        Arts" finds "EA hoped to double it", "Council of Mortgage Lenders" the CML (its "of" is no slot)."""
        idx = self.index
        capital = [bool(s.terms) and s.word[:1].isupper() for s in slots]
        for i in range(len(slots)):
            for j in range(i + 2, min(i + 5, len(slots)) + 1):
                if not all(capital[i:j]):
                    break
                tid = idx.term_id.get("".join(s.word[0] for s in slots[i:j]).lower())
                if tid is None or not idx.surface[tid].isupper():  # "El" is no acronym of European Law
                    continue
                if len(self._articles_holding([tid, *(idx.term_id[s.term] for s in slots[i:j] if s.term in idx.term_id)])):
                    for slot in slots[i:j]:
                        slot.terms.setdefault(tid, 1.0)

    def _articles_holding(self, tids: list[int]) -> np.ndarray:
        """The articles holding every one of these terms."""
        idx = self.index
        arts = idx.by_article.get(tids[0])[0]
        for tid in tids[1:]:
            arts = np.intersect1d(arts, idx.by_article.get(tid)[0], assume_unique=True)
        return arts

    def corrections(self, words: str, within: np.ndarray | None = None) -> dict[str, str]:
        """How the articles write these words where they are misspelt ("bagdad" → Baghdad): what a
        search would read them as, without searching. With `within`, a word those sentences lack is
        read as they write it, down to three letters: among one person's few words "wal" is the
        "wall" they spoke of, where the whole briefing has "was", "way" and "war" too."""
        fixes: dict[str, str] = {}
        self._slots(words, fixes)
        if within is not None and len(within):
            among = set(np.concatenate([self.index.terms_of(int(s)) for s in within]).tolist())
            for word, term in analyze_words(words):
                if word not in fixes and self.index.term_id.get(term) not in among and \
                        (fixed := self._correct(term, word, among)) is not None:
                    fixes[word] = self._spelt(fixed, word)
        return fixes

    def _add_related(self, slots: list[_Slot]) -> None:
        """A word the articles use also matches the words WordNet relates to it that they use: "how
        much did it cost" finds "the price", "who founded it" finds "its founder". A word they lack
        stays unknown: one loose relative ("role" → "part") would stand for all of it, and a name
        ("Heath Ledger") is no account book. A corrected typo is a guess already: its relatives
        would be two."""
        idx = self.index
        for slot in slots:
            if slot.terms.get(idx.term_id.get(slot.term, -1)) == 1.0:
                for term in related(slot.term):
                    if (tid := idx.term_id.get(term)) is not None:
                        slot.terms.setdefault(tid, self.ranking.related_weight)

    def _extras(self, slots: list[_Slot]) -> frozenset[int]:
        """The relatives `_add_related` gave words the articles use, where no other word of the
        question stands on them: in a large collection they only score the sentences the
        question's own words bring in (see `Postings.match`). A name known only by its relative
        ("French" for France) is none: that relative is all it has."""
        idx, related_weight = self.index, self.ranking.related_weight
        added = {tid for slot in slots if slot.terms.get(idx.term_id.get(slot.term, -1)) == 1.0
                 for tid, w in slot.terms.items() if w == related_weight}
        return frozenset(added - {tid for slot in slots for tid, w in slot.terms.items()
                                  if w != related_weight or slot.terms.get(idx.term_id.get(slot.term, -1)) != 1.0})

    def guesses(self, words: list[str]) -> dict[str, str]:
        """A looser reading of words the articles lack, two letters off however short ("soldres":
        soldiers, a letter left out and two swapped), for a question nothing answers as read: never
        in place of a closer reading, nor of an English word ("tanks" is no "take"), nor of a name
        the articles lack, a capital anywhere in it ("Brexit" is no "Brent", "iPhone" no "iPhoto").
        The words of the same first two letters and about the same length are compared; the
        commonest of the closest is taken."""
        from nltk.metrics.distance import edit_distance
        fixes: dict[str, str] = {}
        for word in words:
            written = _written(word)
            if not written.isalpha() or len(written) < GUESS_MIN_LETTERS or not word.islower() or \
                    any(is_word(t) for t in analyze(word)):
                continue
            near = [(d, -self.index.doc_freq(tid), tid) for tid, surface in enumerate(self.index.surface)
                    if fold(surface[:2]) == written[:2] for form in self._forms(tid)
                    if abs(len(form) - len(written)) <= 2 and (d := edit_distance(written, form, transpositions=True)) <= 2]
            if near:
                fixes[word] = self._spelt(min(near)[2], word)
        return fixes

    def _correct(self, term: str, word: str, among: set[int] | None = None) -> int | None:
        """The vocabulary term a misspelt or differently transliterated word most likely means. A
        place or organisation the shipped gazetteers know is its own name there (Irak is Iraq, Iran
        is no misspelt Iraq); else the closest word the articles write, compared as written, not
        as stems (the stems of "Bejing" and "Beijing" are two letters apart, the words one; those
        of "leave" and "led" one, the words two). People rarely mistype a first letter, but a long
        name's first letter is often transliterated (Klijsters, Clijsters). `among`: only these
        terms, and a word of three letters too."""
        if known := gazetteer_name(word):  # "Irak" is Iraq, "Iran" is not
            terms = analyze(known)
            return self.index.term_id.get(terms[0]) if len(terms) == 1 and terms[0] != term else None
        r = self.ranking
        written = _written(word)
        if not written.isalpha() or not (3 if among else r.typo_min) <= len(written) <= TYPO_MAX_LETTERS:
            return None
        from nltk.metrics.distance import edit_distance  # here: most questions never need NLTK loaded
        if self._deletes is None:
            deletes: dict[str, list[int]] = {}
            for tid, surface in enumerate(self.index.surface):
                for w in self._forms(tid):
                    if w.isalpha() and r.typo_min <= len(w) <= TYPO_MAX_LETTERS:
                        for key in _deletions(w):
                            deletes.setdefault(key, []).append(tid)
            # as tuples of ints, which the garbage collector stops tracking: a TUI session's
            # collections then do not walk a few hundred thousand lists
            self._deletes = {key: tuple(tids) for key, tids in deletes.items()}
        limit = 1 if len(written) < r.typo_long else 2
        best: tuple[int, int, int] | None = None  # (distance, -doc freq, term id)
        for key in _deletions(written):
            for tid in self._deletes.get(key, ()):
                if among is not None and tid not in among:
                    continue
                # a capitalised word is a name: compared with names as written, never with stems ("Rishi" is no "riski")
                known_word = _written(self.index.surface[tid] if word[:1].isupper() else self._spelt(tid, written))
                d = edit_distance(written, known_word, transpositions=True)
                if d <= limit and (known_word[0] == written[0] or (d == 1 and len(written) >= r.typo_long - 1)):
                    cand = (d, -self.index.doc_freq(tid), tid)
                    best = cand if best is None or cand < best else best
        return None if best is None or best[2] == self.index.term_id.get(term) else best[2]

    def _forms(self, tid: int) -> tuple[str, ...]:
        """A term as a typo is compared with: the one form the index keeps of it, and its stem where
        that is a word ("marketing" is "market" too, and "markt" is a misspelt "market")."""
        surface, stem = _written(self.index.surface[tid]), self.index.terms[tid]
        return (surface, stem) if stem != surface and is_word(stem) else (surface,)

    def _spelt(self, tid: int, word: str) -> str:
        """The form of a term closest to the word typed (its surface as the articles write it, less a
        possessive: "presott" is Prescott, though the articles first wrote "Prescott's")."""
        from nltk.metrics.distance import edit_distance
        forms = self._forms(tid)
        closest = min(forms, key=lambda w: edit_distance(_written(word), w, transpositions=True))
        return re.sub(r"['\u2019]s$", "", self.index.surface[tid]) if closest == forms[0] else closest

    # --- ranking -----------------------------------------------------------------------------

    def search(self, query: str, k: int = 3, context: str = "", within: np.ndarray | None = None) -> Result:
        """The top k answers to `query`; `context` (e.g. the room) steers ties, `within` limits
        the sentences that may answer (e.g. one person's statements)."""
        result = Result(query, [])
        pool = self.pool(query, result, context, within)
        if pool is None:
            result.suggestions = self.topics()
            return result
        scores = pool.features @ np.array(self.ranking.weights)
        order = np.argsort(-scores, kind="stable")
        if pool.question.asks_figure and all(pool.spans[i] is None for i in order[:self.ranking.sum_depth]):
            # the best sentences on what is asked give no figure for it ("Mr Glazer, who owns the Tampa
            # Bay Buccaneers", asked what he paid for them): the articles do not say
            result.suggestions = self.topics()
            return result
        # a name matched only through its relative ("French troops" for France) is not answered exactly:
        # its sentences are shown, no span is claimed (the US troops' 2,500 is no figure for France)
        spans = [None] * len(pool.spans) if result.kin_names else pool.spans
        result.answers = self._answers([(int(pool.sents[i]), float(scores[i]), spans[i]) for i in order], k)
        return result

    def pool(self, query: str, result: Result, context: str = "", within: np.ndarray | None = None) -> Pool | None:
        """The first stage: the best candidates by BM25, with the features the second stage
        weighs; None when the question has no answer here (`result` says why)."""
        r = self.ranking
        query = _unshouted(query)
        question = analyse(query)
        slots = self._slots(question.looked_for, result.corrections)
        result.matched_words = [s.word for s in slots if s.terms]
        result.unknown_names = [s.word for s in slots if not s.terms and (_name_like(s.word, query) or self._unheard_of(s))]
        result.unknown_words = [s.word for s in slots if not s.terms]
        result.kin_names = [s.word for s in slots if s.terms and s.term not in self.index.term_id
                            and all(w == r.related_weight for w in s.terms.values())]
        result.unknown_names += self._unjoined(query) + self._namesakes(query) + self._unnumbered(query) + \
            self._within_other_names(query)
        if result.kin_names and len(result.kin_names) == len(result.matched_words):
            return None  # no word of the question is the articles' own: "the capital of France" among "French troops"
        # the question is about something the briefing never names, or asks what happened in a year it tells as to come
        if result.unknown_names or self._to_come(question, slots):
            return None
        weights: Counter[int] = Counter()
        for slot in slots:
            for tid, w in slot.terms.items():
                weights[tid] = max(weights[tid], w)
        for term in analyze(context):
            if (tid := self.index.term_id.get(term)) is not None and tid not in weights:
                weights[tid] = r.context_weight
        matches = self.index.by_sentence.match(weights, within, r.local_damping, self._extras(slots))
        cands, bm25 = matches.cands, matches.scores
        if not len(cands) or sum(s.idf for s in slots) == 0:
            return None
        cands, bm25 = self._with_followers(cands, bm25, within)
        arts = self.index.sent_article[cands]
        article = self._article_scores(weights)[arts]
        ranked = r.pool_deep if self._reads_deeper(question) else r.pool  # the ranks _pool_order reads
        some, may = self._contenders(cands, arts, bm25, article, ranked)
        names = self._first_names(slots, query, result.corrections)
        coverage, scores, neighbour = self._first_scores(slots, matches, cands[some], arts[some], bm25[some],
                                                         article[some], may, names)
        if may is not None and coverage.max() < r.min_coverage:  # one left out may cover more: judge all
            some, may = slice(None), None
            coverage, scores, neighbour = self._first_scores(slots, matches, cands, arts, bm25, article, None, names)
        cands, bm25, article = cands[some], bm25[some], article[some]
        result.coverage = float(coverage.max())
        if result.coverage < r.min_coverage:
            return None
        order = self._pool_order(question, cands, scores)
        named, told = self._naming_all(slots, query, self.index.sent_article[cands[order]])
        asked = {t for slot in slots for t in slot.terms}
        top = float(scores[order[0]]) or 1.0
        columns = {"first": scores[order] / top, "bm25": bm25[order] / (bm25[order].max() or 1.0),
                   "coverage": coverage[order], "article": article[order] / (article[order].max() or 1.0),
                   "neighbour": neighbour[order] / (bm25[order].max() or 1.0),
                   "rank": 1.0 / (1.0 + np.arange(len(order))),
                   "named": named.astype(float),
                   "lent": self._lent_by_event(question, cands, scores, order) / top}
        office, of = _asked_office(question)
        scope = [set(slot.terms) for slot in slots if slot.terms and slot.term in of]  # whose office: New York's
        if office is not None and not office.by_deed and not self._tells_office(office, scope):
            return None  # no article tells of a mayor of New York: the articles do not say who is
        return self._judge(question, asked, cands[order], columns, told, result.corrections, office, scope)

    def _naming_all(self, slots: list[_Slot], query: str, arts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Whether each candidate's article names every name and number of the question that the
        articles know (as written, or by a synonym or relative of it): a story that never names
        Rovers rarely tells what Rovers paid, however many of the other words its sentence holds.
        And the same leaving out plural names, which may answer only so: "Brits" may be the UK's
        "cable customers"."""
        idx = self.index
        every, singular = np.ones(len(arts), dtype=bool), np.ones(len(arts), dtype=bool)
        for slot in slots:
            own = idx.term_id.get(slot.term)
            if slot.terms.get(own) == 1.0 and self._a_name(slot, query) and not _LOOSE_NAME.fullmatch(slot.word):
                naming = self._naming(slot)[arts]
                every &= naming
                if not PLURAL.fullmatch(slot.word):
                    singular &= naming
        return every, singular

    def _a_name(self, slot: _Slot, query: str) -> bool:
        """Whether a question's word is a name: written as one, or typed in lower case, one the
        articles first wrote capitalised that is no English word or is a place ("how old is david
        hasselhoff", "what is the population of sheffield")."""
        if _name_like(slot.word, query):
            return True
        own = self.index.term_id.get(slot.term)
        return own is not None and slot.word.isalpha() and slot.word.islower() and self.index.surface[own][:1].isupper() and (
            not is_word(slot.term) or gazetteer_name(slot.word) is not None)

    def _contenders(self, cands: np.ndarray, arts: np.ndarray, bm25: np.ndarray, article: np.ndarray, ranked: int
                    ) -> tuple[np.ndarray | slice, np.ndarray | None]:
        """The candidates that may be among the `ranked` best, with the neighbours their scores
        need: their positions among `cands`, and which of those may rank (all, and None, when none
        can be left out).

        A candidate's first-stage score is bm25 × (coverage_base + coverage) + neighbour_weight ×
        its best neighbour's score + article_weight × its article's, and coverage lies between 0
        and the largest credit a word can give (1): so it lies between the same formula over BM25
        alone with coverage 0 and with that coverage. One whose highest cannot reach the
        `ranked`-th lowest is no contender (the bound of WAND, for one stage). In a large
        collection most candidates hold one common word, and coverage, speakers and neighbours are
        then worked out for a few thousand, not for all."""
        r = self.ranking
        if len(cands) <= ranked or min(r.coverage_base, r.neighbour_weight, r.article_weight, r.partial_credit,
                                       r.neighbour_credit, r.refer_credit) < 0:
            return slice(None), None
        most = max(1.0, r.neighbour_credit, r.refer_credit)  # a slot's credit: its word, or the sentence before's
        joined = _joined(cands, arts)  # few candidates have one beside them: only those are read
        best = np.zeros(len(cands))  # each candidate's best neighbour's BM25 (0 for none)
        at = np.flatnonzero(joined)
        best[at + 1] = bm25[at]
        best[at] = np.maximum(best[at], bm25[at + 1])
        near = bm25 + r.neighbour_weight * best
        fixed = r.article_weight * article
        lowest = np.partition(r.coverage_base * near + fixed, len(cands) - ranked)[len(cands) - ranked]
        if not lowest > 0:
            return slice(None), None
        may = (r.coverage_base + most) * near + fixed >= lowest * (1 - 1e-9)  # a margin for rounding
        needed = may.copy()  # a contender's score needs its neighbours' coverage, and theirs the sentence before
        needed[:-1] |= joined & may[1:]  # the one before
        needed[:-2] |= joined[:-1] & joined[1:] & may[2:]  # the one before that
        needed[1:] |= joined & may[:-1]  # the one after
        some = np.flatnonzero(needed)
        return some, may[some]

    def _first_scores(self, slots: list[_Slot], matches: Matches, cands: np.ndarray, arts: np.ndarray,
                      bm25: np.ndarray, article: np.ndarray, may: np.ndarray | None, names: list[tuple[int, int]]
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Coverage, first-stage score and best neighbour's score of these candidates; one that
        may not rank (`may` False: its neighbours' scores are not all known) scores -inf. `names`:
        the slots of a first name and its surname (`_first_names`)."""
        r = self.ranking
        has = matches.holding(cands)
        self._credit_speakers(cands, has)
        prev, after = _beside(cands, arts)
        back = np.where(self.index.sent_refers[cands], r.refer_credit, r.neighbour_credit)
        coverage = np.zeros(len(cands))
        credits = []
        for slot in slots:
            credit = np.zeros(len(cands))
            for tid, w in slot.terms.items():  # a typo fixed or a synonym is half a match
                credit = np.maximum(credit, has[tid] * (1.0 if w == 1.0 else r.partial_credit))
            # the sentence before may name what this one is about, surely so if it opens with "It"
            credits.append(np.maximum(credit, back * np.where(prev >= 0, credit[prev], 0.0)))
        for first, last in names:  # "Mr Ebbers, 63," is Bernie Ebbers, where his article names him so;
            # and a Martin in an article that never names Mubanga is another Martin (Tony Martin)
            credits[first] = np.maximum(credits[first] * self._naming(slots[last])[arts],
                                        credits[last] * self._naming(slots[first])[arts])
        for slot, credit in zip(slots, credits):
            coverage += credit * slot.idf
        coverage /= sum(s.idf for s in slots)
        scores = bm25 * (r.coverage_base + coverage)
        # the topic may be named next door: each candidate's best neighbour's score (0 for none)
        neighbour = np.maximum(np.where(prev >= 0, scores[prev], 0.0), np.where(after >= 0, scores[after], 0.0))
        scores = scores + r.neighbour_weight * neighbour
        scores += r.article_weight * article
        if may is not None:
            scores[~may] = -np.inf
        return coverage, scores, neighbour

    def _first_names(self, slots: list[_Slot], query: str, corrections: dict[str, str]) -> list[tuple[int, int]]:
        """The slots of a first name and the surname right after it, where the articles write that
        first name before that surname and never the surname in lower case: news names a person in
        full once and by the surname after that ("Bernie Ebbers", then "Mr Ebbers, 63,"). A name
        typed wrong is looked up as corrected ("martin mubunga" is Martin Mubanga)."""
        first_names, _ = census_names()
        pairs = []
        for n, (slot, after) in enumerate(zip(slots, slots[1:])):
            given, family = (w[:1].upper() + w[1:].lower() for w in
                             (corrections.get(slot.word, slot.word), corrections.get(after.word, after.word)))
            if given in first_names and slot.terms and after.terms \
                    and re.search(rf"(?<![\w-]){re.escape(slot.word)}\s+{re.escape(after.word)}(?![\w-])", query) \
                    and given in (self._before_name(family, first_names, until=given) or ()):
                pairs.append((n, n + 1))
        return pairs

    def _naming(self, slot: _Slot) -> np.ndarray:
        """Per article: whether it holds one of the slot's terms."""
        naming = np.zeros(len(self.index.articles), dtype=bool)
        for tid in slot.terms:
            naming[self.index.by_article.get(tid)[0]] = True
        return naming

    def _tells_office(self, office: _Office, scope: list[set[int]]) -> bool:
        """Whether some article holds the office asked about ("mayor", or a WordNet relative) and a
        word for each of whose office it is (New York). By article, not by sentence: a story may
        name the office otherwise where it names the holder ("U2 frontman Bono" for its lead singer)."""
        idx = self.index
        arts = _holding_any(idx, {idx.term_id[t] for t in office.terms if t in idx.term_id})
        for words in scope:
            arts = np.intersect1d(arts, _holding_any(idx, words), assume_unique=True)
        return bool(len(arts))

    def _judge(self, question: Question, asked: set[int], sents: np.ndarray, columns: dict[str, np.ndarray],
               told: np.ndarray, corrections: dict[str, str], office: _Office | None, scope: list[set[int]]) -> Pool:
        """The second stage's features of the best candidates: whether a sentence holds a span of
        the type asked for ("how much" → £80m), near the question's words, counting the thing
        asked about; whether it gives a reason for "why"; where it stands in its article. For a
        role-holder question, `office` and `scope` (whose office it is) say which person is its span;
        a sentence whose article does not name the names asked (`told`) has none."""
        idx = self.index
        fixed = {word.lower(): to for word, to in corrections.items()}  # "how many govenments" counts governments
        unit = set(analyze(fixed.get(question.unit.lower(), question.unit))) if question.unit else set()
        for concept in idx.synonyms.concepts(list(unit)):  # "2,500 US troops" counts the soldiers asked about
            unit |= set(idx.synonyms.members(concept))
        unit |= {t for term in list(unit) for t in related(term)}  # "30 awards" counts the prizes asked about
        # what an amount question with no unit measures ("how big was the trade deficit")
        measured = set(_measured(question)) if not unit and question.type in _AMOUNTS else set()
        for concept in idx.synonyms.concepts(list(measured)):  # the trade "shortfall" is its deficit
            measured |= set(idx.synonyms.members(concept))
        typed = bool(question.span_types)
        whose = [{idx.terms[t] for t in words} for words in scope]
        asking = _Asking.of(question, asked, idx, unit, measured) if typed else None
        spans: list[Span | None] = []
        found, counted, near = (np.zeros(len(sents)) for _ in range(3))
        by_speaker = question.asks_speaker
        for n, sent in enumerate(sents.tolist()):
            if by_speaker:  # "who said the border is secure": whoever says it, named there or not
                found[n], span = idx.sent_speaker[sent] >= 0, self._speaker_span(sent)
            else:  # no span of an article that never names a name asked ("the 74-year-old comedian" for Hasselhoff)
                span, counted[n], near[n] = self._answer_span(sent, asking, office, whose) \
                    if asking and told[n] else (None, False, 0.0)
                found[n] = span is not None
            spans.append(span)
        first = idx.article_first[idx.sent_article[sents]]
        reason = [question.type == "reason" and self._gives_reason(sent) for sent in sents.tolist()]
        row = dict(columns, typed_span=found, typed_none=(1.0 - found) if typed else np.zeros(len(sents)),
                   unit=counted, near=near, lead=1.0 / (1 + sents - first), reason=np.array(reason, dtype=np.float64),
                   length=np.minimum(idx.sent_ptr[sents + 1] - idx.sent_ptr[sents], 40) / 40, bias=np.ones(len(sents)))
        return Pool(sents, np.column_stack([np.asarray(row[f], dtype=np.float64) for f in FEATURES]), spans, question)

    def _gives_reason(self, sent: int) -> bool:
        """Whether the sentence says why something happened ("because", "after", "amid", …)."""
        return bool(_REASON.search(self.index.text_of(sent)))

    def _lent_by_event(self, question: Question, cands: np.ndarray, scores: np.ndarray, order: np.ndarray
                       ) -> np.ndarray:
        """For a why-question, how far the first-stage score of the sentence beside each judged
        candidate passes its own, when the candidate gives a reason and that neighbour gives none:
        the two are one passage, the neighbour restating the event asked about ("The film will drop
        references to God") and the candidate telling why ("…after the studio expressed concern"),
        which holds few of the question's words. A restating sentence that gives the reason itself
        lends nothing. 0 for other questions."""
        lent = np.zeros(len(order))
        if question.type != "reason":
            return lent
        prev, after = _beside(cands, self.index.sent_article[cands])
        for n, i in enumerate(order.tolist()):
            if self._gives_reason(int(cands[i])):
                beside = [scores[j] for j in (prev[i], after[i]) if j >= 0 and not self._gives_reason(int(cands[j]))]
                lent[n] = max(0.0, max(beside, default=0.0) - scores[i])
        return lent

    def _with_followers(self, cands: np.ndarray, bm25: np.ndarray, within: np.ndarray | None
                        ) -> tuple[np.ndarray, np.ndarray]:
        """The candidates and the sentences after them that open by pointing back ("It took £7.2m
        in three days" after the film is named): they hold none of the question's words themselves,
        so their BM25 is 0. Both stay ascending (`cands` is: the sentence after one is a candidate
        already only if it is the next candidate)."""
        idx = self.index
        if self._follows is None:  # each sentence: it points back to the one before it in its article
            self._follows = idx.sent_refers.copy()
            self._follows[1:] &= idx.sent_article[1:] == idx.sent_article[:-1]
            self._follows[:1] = False
        after = cands + 1
        last = np.ones(len(cands), dtype=bool)  # no candidate right after it
        last[:-1] = cands[1:] != after[:-1]
        last[-1:] = after[-1:] < len(idx)  # (cands ascend: only the last may be the last sentence)
        after = after[last]
        after = after[self._follows[after]]
        if within is not None:
            after = after[np.isin(after, within)]
        if not len(after):
            return cands, bm25
        at = np.searchsorted(cands, after) + np.arange(len(after))  # their places among both
        kept = np.ones(len(cands) + len(after), dtype=bool)
        kept[at] = False
        merged, scores = np.empty(len(kept), dtype=cands.dtype), np.zeros(len(kept))
        merged[kept], merged[at], scores[kept] = cands, after, bm25
        return merged, scores

    def _pool_order(self, question: Question, cands: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """The positions of the candidates the second stage judges, best first: the best by the first
        stage, and for a question of a type a few more from further down that hold a span of it
        ("49 minute speech" for how long the speech lasted, among many sentences on speeches)."""
        r = self.ranking
        order = _top(scores, r.pool)
        if not self._reads_deeper(question):
            return order
        deeper = _top(scores, r.pool_deep)[r.pool:]
        deeper = deeper[self.index.holds_span(cands[deeper], question.span_types)]
        return np.concatenate([order, deeper[:r.pool_typed].astype(order.dtype)])

    def _reads_deeper(self, question: Question) -> bool:
        """Whether the pool also judges sentences from below the first stage's `pool` best."""
        return bool(question.span_types and self.ranking.pool_typed)

    def _speaker_span(self, sent: int) -> Span | None:
        """Where the sentence names its speaker (by the last word of the name), if it does."""
        speaker = self.index.speaker_of(sent)
        if not speaker:
            return None
        surname = re.split(r"\s+", speaker)[-1]
        m = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.index.text_of(sent), re.I)
        return Span(m.start(), m.end(), "person") if m else None

    def _answer_span(self, sent: int, asking: _Asking, office: _Office | None = None,
                     whose: list[set[str]] | None = None) -> tuple[Span | None, bool, float]:
        """The span of a wanted type nearest the question's words in the sentence (one that only
        repeats the question, "in 2005" asked about 2005, is none), and whether the thing asked
        about follows it ("2,500 American soldiers" for "how many soldiers"). Where no span is
        the answer, none: a wrong one would be shown as the answer. For a role-holder question,
        one holding the `office` of `whose` it is (a singer, but not U2's: "Singer Bruce Springsteen
        has inducted … U2"), or, asked as a deed, its doer."""
        idx = self.index
        question, asked, types, terms, own, nouns = \
            asking.question, asking.asked, asking.types, asking.terms, asking.own, asking.nouns
        unit, measured, deed, doing, done_to = asking.unit, asking.measured, asking.deed, asking.doing, asking.done_to
        text = idx.text_of(sent)
        if _ASKING.search(text):  # "What is the number 4 in this number?" asks; its figures answer nothing
            return None, False, 0.0
        words = list(word_spans(text))
        every = idx.spans_of(sent)
        if types[:1] == ("person",):
            every = every + _named_after(text, every, nouns)
        if not any(_may_answer(sp, types) for sp in every):
            return None, False, 0.0  # most judged sentences: nothing below can find a span
        where: dict[str, list[tuple[int, int]]] = {}  # each question term the sentence holds → where
        for m in words:
            if not terms.isdisjoint(found := word_terms(m.group())):
                for term in found:
                    if term in terms:
                        where.setdefault(term, []).append((m.start(), m.end()))
        told = [at for ats in where.values() for at in ats]

        def agent(sp: Span) -> bool | None:
            """Whether a name is who does what the question asks about ("directed by Richard Eyre"),
            None for who does something else ("presented by Little Britain star Matt Lucas" asked
            who won the awards), False for neither; for an amount, whether one the question names
            gives it ("the $204m announced by rival Google" asked how much profit Google made)."""
            if sp.type not in _NAMES:
                m = _GIVEN_BY.match(text, sp.end)
                return bool(m) and _participle(m[1]) and any(terms.intersection(word_terms(w)) for w in m[2].split())
            m = _AGENT.search(text, max(0, sp.start - 60), sp.start)
            if not m or not _participle(m[1]):  # "the same day by"
                return False
            return True if terms.intersection(word_terms(m[1])) else None

        def told_outside(sp: Span) -> bool:
            """Whether one of the question's own words (not only a relative) is outside the span."""
            return any(e <= sp.start or s >= sp.end for t in own for s, e in where.get(t, ()))

        done_at = [m.start() for m in words if deed.intersection(word_terms(m.group()))] if deed else []
        speaker = self._speaker_span(sent) if deed else None
        says_deed = bool(doing) and any(doing.intersection(word_terms(m.group())) for m in words)
        # done to a thing named next door: the sentence opens pointing back, or says the deed of
        # "it" ("The mayor Vera Stone opened it.")
        pointed = bool(idx.sent_refers[sent]) or bool(doing) and any(
            _IT_AFTER.match(text, m.end()) and doing.intersection(word_terms(m.group())) for m in words)
        unsure = asking.unsure

        def tied(sp: Span) -> bool:
            """Whether the sentence names what the deed is done to, beside the name, or may name it
            next door (`pointed`): "Export & Finance Bank has bought 49% of National Bank of Iraq"
            tells of no buyer of Yuganskneftegaz."""
            return not done_to or pointed or \
                any(e <= sp.start or s >= sp.end for t in done_to for s, e in where.get(t, ()))

        def other_deed(m: re.Match[str] | None) -> bool:
            """Whether a word read next to a name is a verb (in the past, or the present's "-s": "Jason
            Forster believes", "Mauresmo plays Samantha Stosur") of another deed than asked."""
            return bool(m) and (m[1].endswith("ed") or m[1] in IRREGULAR or _PRESENT_S.fullmatch(m[1]) is not None
                                and m[1] not in STOP_WORDS) and not doing.intersection(word_terms(m[1]))

        def done_to_it(sp: Span) -> bool:
            """Whether a name is what another deed is done to ("shocked Pete Sampras", "to beat
            Lindsay Davenport and win", "beat compatriot Kim Clijsters" asked who won the Australian
            Open, "accused the prime minister and Mr Brown"): no doer of the asked one."""
            return other_deed(_WORD_BEFORE.search(text, max(0, sp.start - 30), sp.start)) or \
                other_deed(_DONE_TO.search(text, max(0, sp.start - 40), sp.start)) or \
                other_deed(_COORDINATED.search(text, max(0, sp.start - 50), sp.start))

        def made_by(sp: Span) -> bool:
            """Whether a person is who made the thing named before "from" ("converted a low cross
            from Santiago Solari", "Goals from Gregory Vignal"), so no deed around is done to them;
            not where a deed is done from them ("stolen from", "away from")."""
            m = _FROM_BEFORE.search(text, max(0, sp.start - 30), sp.start)
            return sp.type == "person" and bool(m) and not (
                m[1].endswith(("ed", "en")) or m[1] in IRREGULAR or fold(m[1]) in STOP_WORDS or fold(m[1]) in _PARTICLES)

        def beside(sp: Span) -> bool:
            """Where no name is its doer, whether a name stands within `_BESIDE` words of the deed
            or what it is done to (its words but numbers, which a story may write otherwise): "his
            interview with Boris Johnson" asked who carried out the interview, "Von Miller led the
            team with 11 sacks, forced four fumbles"; not "England coach Andy Robinson faces the
            first test of his tenure as he tries to get back to winning ways after the Six Nations
            defeat" asked who won the Six Nations, nor "He will play Roger Federer at the Australian Open"
            asked who won it."""
            to = {t for t in done_to if not (t.isdigit() or _SMALL_NUMBER.fullmatch(t))}
            if other_deed(_VERB_AFTER.match(text, sp.end)) or (done_to_it(sp) and not made_by(sp)):
                return False  # it does another deed: "Tony Blair purchased two copies of Band Aid 20"
            if question.tense == "past" and TOLD_AHEAD.search(_CLAUSE_START.split(text[max(0, sp.start - 60):sp.start])[-1]):
                return False  # what is to come did not happen: "He is set to meet Arnaud Clement" asked who won
            if not to or pointed:
                return True
            if not tied(sp) or (_PREPOSITION_BEFORE.search(text, max(0, sp.start - 40), sp.start)
                                and not made_by(sp)):
                return False  # nor what a preposition governs ("a stirring victory at Lansdowne Road")
            to |= doing
            lo = [m for m in words if m.end() <= sp.start][-_BESIDE:]
            hi = [m for m in words if m.start() >= sp.end][:_BESIDE]
            return bool(to.intersection(t for m in lo + hi for t in word_terms(m.group())))

        def doer(sp: Span) -> bool:
            """Whether a name does the asked deed here, tied to what it is done to: after it and
            "by" ("a lecture by Sir Joseph Swan"), right after its doer's noun ("winner Mike
            Skinner", "the editor of Electrical World magazine, Thomas Commerford Martin"), or before
            it, a clause between ("Rosneft, the company that eventually acquired", "Frank Burnet,
            inspired by a suggestion made by Niels Jerne, formulated")."""
            if not tied(sp):
                return False
            if agent(sp) is True or ((m := _BY_BEFORE.search(text, max(0, sp.start - 60), sp.start))
                                     and doing.intersection(word_terms(m[1]))):
                return True
            before = list(word_spans(text[max(0, sp.start - 80):sp.start]))
            noun = before[-6:] if text[:sp.start].rstrip().endswith(",") else before[-1:]
            if any(doing.intersection(word_terms(m.group())) for m in noun):
                return True
            # after a preposition, no subject ("the defeat of ISIS and establish lasting security"),
            # but a clause may say what it did ("merge with Rosneft, the company that acquired")
            governed = bool(_PREPOSITION_BEFORE.search(text, max(0, sp.start - 40), sp.start)) or done_to_it(sp)
            aside = _ASIDE.match(text, sp.end)
            return any(bool(m) and any(doing.intersection(word_terms(w)) for w in m[1].split())
                       and not text.startswith(" by ", m.end())  # "California, won by the home team 49ers"
                       and not (governed and not m[0].lstrip().startswith(","))
                       and not (unsure.intersection(m[1].lower().split()))  # "tipped Wales to win"
                       for m in (_DEED_AFTER.match(text, sp.end), aside and _DEED_AFTER.match(text, aside.end())))

        def not_the_doer(sp: Span) -> bool:
            """For "who won the six nations", a name right after the asked verb ("who has won a
            Golden Globe": what is won, not who won it), and one who says that another does it
            ("Rhys Williams says Wales are still not thinking of winning the Grand Slam")."""
            if (m := _WORD_BEFORE.search(text, max(0, sp.start - 30), sp.start)) and deed.intersection(word_terms(m[1])) \
                    and not (office and _holds_office(text, sp, office)):  # a title: "Wales coach Mike Ruddock"
                return True
            says = speaker is not None and sp.start <= speaker.start and speaker.end <= sp.end
            return says and any(sp.end <= o.start < at for at in done_at for o in every if o.type in _NAMES)

        def wanted(sp: Span) -> bool:
            """Of a type asked for, or a name of another type that does what a who-question asks
            ("the coalition led by Washington", "Rosneft Holdings, the company that acquired" it)."""
            return sp.type in types or (_may_answer(sp, types) and (agent(sp) is True or bool(deed) and doer(sp)))

        qualified, when_done = asking.qualified, asking.when_done
        spans = [sp for sp in every if wanted(sp) and not self._echo(text, sp, asked, told, nouns)
                 and not (sp.type in _NAMES and (self._owns_other(text, sp, asked, every) or _names_a_thing(text, sp)
                                                 or not told_outside(sp) or _does_other(text, sp, terms)
                                                 or not_the_doer(sp) or _of_another(text, sp, terms, question)))
                 and not _counts_other(text, sp, unit, terms, types[0], qualified)
                 and not _bounds_otherwise(text, sp, question.text)
                 and not _a_difference(text, sp, question.text)
                 and not _in_a_clause_of_another(text, sp, question)
                 and not _tense_otherwise(text, sp, question.tense)
                 and not (sp.type == "date" and _date_of_another_deed(text, sp, when_done))
                 and not (asking.asks_height and not _TALL.search(text[sp.start:sp.end]))
                 and not (sp.type == "date" and asking.asks_year and not _SAYS_YEAR.search(text, sp.start, sp.end))
                 and not (types[0] == "age" and _age_of_other(text, sp, every, terms))
                 and not (sp.type == "place" and _not_a_country_asked(text, sp, question) and agent(sp) is not True)]
        if office is not None:  # "who is the mayor of new york": one named as mayor, not whoever is beside New York
            # (asked as a deed, one named with the office is its holder only if whose it is fits)
            spans = [sp for sp in spans if (_of_scope(text, sp, whose or [], office) if _holds_office(text, sp, office)
                                            else office.by_deed and doer(sp) and not _names_owner(text, sp, office))]
        elif deed and types[0] in ("person", "organisation"):  # "who bought yuganskneftegaz": its buyer, here
            # its doer; where the sentence names none, one beside what the deed is done to
            doers = [sp for sp in spans if sp.type in _NAMES and says_deed and doer(sp)]
            spans = [sp for sp in spans if sp.type not in _NAMES or sp in doers or (not doers and beside(sp))]
        items = enumeration_items(text)
        within = {n for n, (lo, hi) in enumerate(items) for s, e in told if lo <= s and e <= hi}
        if items and len(within) == 1 and all(any(lo <= s and e <= hi for lo, hi in items) for s, e in told):
            lo, hi = items[within.pop()]  # "Harir base in Erbil": the other sites' places are not Erbil's
            spans = [sp for sp in spans if lo <= sp.start and sp.end <= hi]
        spans = [sp for sp in spans if agent(sp) is not None]
        if not spans:
            return None, False, 0.0

        def distance(sp: Span) -> float:
            """How far the span is from the question's words outside it ("25 years ago" holds no
            "year" asked for): from each, its nearest use, and a clause boundary between them
            counts as a long way ("Ain Al-Asad base in Al-Anbar, Harir base in Erbil": Harir's
            place is Erbil, after it, not Al-Anbar before the comma), but not the comma of an
            apposition ("Gordon Brown, chancellor of the exchequer" for who is the chancellor)."""
            outside = [[at for at in ats if at[1] <= sp.start or at[0] >= sp.end] for ats in where.values()]
            outside = [ats for ats in outside if ats]
            if not outside:
                return len(text)

            def apart(at: tuple[int, int]) -> int:
                lo, hi = (at[1], sp.start) if at[1] <= sp.start else (sp.end, at[0])
                if text[at[0]].islower() and _APPOSITION.fullmatch(text, lo, hi):  # not "Al-Anbar, Harir"
                    return hi - lo
                return hi - lo + _CLAUSE_GAP * len(_CLAUSE.findall(text, lo, hi))
            return sum(min(apart(at) for at in ats) for ats in outside) / len(outside)

        def counts(sp: Span) -> bool:
            """Whether the thing asked about follows the span ("250 people" for how many people) or
            is its unit ("1,160,000 square miles" for how many square miles)."""
            inside = {t for m in words if sp.start <= m.start() < sp.end for t in word_terms(m.group())}
            after = [t for m in words if m.start() >= sp.end for t in word_terms(m.group())][:3]
            if unit & (inside | set(after)):
                return True
            if not measured:  # (empty where the question names its unit)
                return False
            if measured & set(after[:2]):  # "49 minute speech" for how long the speech lasted
                return True
            m = _MEASURED_BY.search(text, max(0, sp.start - 60), sp.start)  # "the trade shortfall was $55.5bn"
            return bool(m) and bool(measured & set(analyze(m[1])))

        def kind(sp: Span) -> int:
            """The type asked for before its stand-in ("16 years old" before "One" for how old), a
            doer of another type last."""
            return types.index(sp.type) if sp.type in types else len(types)

        # "killed more than 250 people and wounded 1,000": the number counting the people asked about,
        # unless another is given by one the question names ("the $204m announced by rival Google")
        if len(spans) == 1:
            best = spans[0]
            return best, counts(best), 1.0 / (1.0 + distance(best) / 30)
        keys = [(not agent(sp), not counts(sp), kind(sp), distance(sp)) for sp in spans]
        best_key = min(keys)  # the first of the best, as `min` over the spans takes
        return spans[keys.index(best_key)], not best_key[1], 1.0 / (1.0 + best_key[3] / 30)

    def _owns_other(self, text: str, span: Span, asked: set[int], spans: list[Span]) -> bool:
        """Whether a name only qualifies a thing the question does not ask about: "ISIS's defeat"
        answers no "who made the announcement" ("Apple's announcement" would), nor "Little Britain
        star Matt Lucas" who presented the awards (Matt Lucas does)."""
        def other(word: str) -> bool:
            return not any(self.index.term_id.get(t, -2) in asked for t in word_terms(word))
        if m := _POSSESSIVE.match(text, span.end):
            return other(m[1])
        m = ROLE_OF.match(text, span.end)
        return bool(m) and other(m[1]) and (is_role_word(m[1]) or word_terms(m[1]) == (m[1],)) and \
            any(sp.start == m.end() and sp.type == "person" for sp in spans)

    def _echo(self, text: str, span: Span, asked: set[int], told: list[tuple[int, int]], nouns: frozenset[str]) -> bool:
        """Whether a span only repeats the question: every term of an amount or date ("in 2005"
        asked about 2005), any term of a name ("Mohammed Tawfiq Allawi" asked about Allawi) but a
        particle ("Al-Anbar" asked about Ain al-Asad) or the word saying what kind of thing it is
        ("Delta Airlines" for which airline); a name by its initials ("Hewlett Packard (HP)" asked
        who is suing HP); or a name beside the asked one in a list ("the Six Nations and Grand
        Slam" asked who won the Six Nations: it stands where the asked name does); or a name of
        the thing asked about ("the "Inherent Resolve" coalition" asked who leads the coalition,
        "2,500 US troops" asked where the US troops are)."""
        words = text[span.start:span.end]
        name = span.type in _NAMES
        if name and (m := _NEXT_WORD.match(text, span.end)) and nouns.intersection(word_terms(m[1])):
            return True
        if name:
            words = " ".join(w for w in words.split() if w not in ORG_WORDS)
            initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019]*", words)).lower()
            if len(initials) > 1 and self.index.term_id.get(initials, -2) in asked:
                return True
            first = min([s for s, _ in told if s < span.start] + [span.start])
            if not _BETWEEN.search(text, max(0, first - 12), first) and any(
                    _COORDINATE.fullmatch(text, e, span.start) or _COORDINATE.fullmatch(text, span.end, s)
                    or _listed(text, (span.start, span.end), (s, e)) for s, e in told if text[s:s + 1].isupper()):
                return True
        said = analyze(words)  # a name's particles ("Al-Anbar" asked about Ain al-Asad) are not it, unless it is one ("US")
        terms = [self.index.term_id.get(t, -2) for t in said if not name or len(t) > 2 or len(said) == 1]
        return bool(terms) and (any if name else all)(t in asked for t in terms)

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
        return self.index.by_article.totals(weights)

    # --- answers -----------------------------------------------------------------------------

    def _answers(self, ranked: list[tuple[int, float, Span | None]], k: int) -> list[Answer]:
        """Best first; a sentence that restates a better one from another article joins it."""
        kept: list[tuple[int, float, Span | None, list[int]]] = []
        arts = self.index.sent_article[[sent for sent, _, _ in ranked]].tolist()
        kept_arts: list[int] = []  # (two sentences of one article are never one fact: no need to ask)
        for (sent, score, span), art in zip(ranked, arts):
            twin = next((g for g, at in zip(kept, kept_arts) if at != art and self.same_fact(g[0], sent)), None)
            if twin is not None:
                twin[3].append(sent)
            elif len(kept) < k:
                kept.append((sent, score, span, []))
                kept_arts.append(art)
        return [self.answer(sent, score, others, span) for sent, score, span, others in kept]

    def same_fact(self, a: int, b: int) -> bool:
        """Two sentences of different articles tell one fact when most of what they say beside the
        names is shared (as the share of all their other terms, a word and its WordNet relative
        counting as one: "planes"/"aircraft"), every figure and date they hold agrees, and they
        speak of the same people and organisations. Axa's cut "from 2% to 1%" is not Standard
        Life's "from 2.5% to 2%"; "Tory leader Michael Howard said…" twice is two things he said.
        Neither may deny or prevent what the other tells: "she will be back to challenge Radcliffe"
        is not "the ban will prevent her from challenging Radcliffe", in the same words else."""
        idx, r = self.index, self.ranking
        if idx.sent_article[a] == idx.sent_article[b] or not self._may_share(a, b):
            return False
        fa, fb = self._facts_of(a), self._facts_of(b)
        if fa.figures != fb.figures or (fa.names and fb.names and not fa.names & fb.names):
            return False
        a_terms, b_terms = fa.terms, fb.terms
        shared = a_terms & b_terms
        paired = sum(1 for t in a_terms - shared if any(o in b_terms and o not in shared for o in related(t)))
        together = len(shared) + paired
        return together >= r.merge_min_shared and together / (len(a_terms | b_terms) - paired or 1) >= r.merge_overlap \
            and self._denials_of(a) == self._denials_of(b)

    def _may_share(self, a: int, b: int) -> bool:
        """Whether two sentences may share `merge_min_shared` terms, a word and its relative counting
        as one: a bound on `same_fact`'s count from their terms alone (names included), which tells
        three pairs in four apart before their spans are read."""
        reach, found = self._reach_of(a), 0
        for term in reach.keys() & self._term_set(b):
            found |= reach[term]
        return found.bit_count() >= self.ranking.merge_min_shared

    def _reach_of(self, sent: int) -> dict[str, int]:
        """Each term that stands for some of a sentence's terms (they, or a WordNet relative of
        them) → those terms, as bits: a kept answer is compared with every candidate after it, and
        so reads each candidate term once, not its own terms' relatives again."""
        return _kept(self._reaches, sent, self._find_reach)

    def _find_reach(self, sent: int) -> dict[str, int]:
        reach: dict[str, int] = {}
        for n, term in enumerate(self._term_set(sent)):
            for other in (term, *related(term)):
                reach[other] = reach.get(other, 0) | 1 << n
        return reach

    def _term_set(self, sent: int) -> frozenset[str]:
        return _kept(self._term_sets, sent, self._find_term_set)

    def _find_term_set(self, sent: int) -> frozenset[str]:
        return frozenset(map(self.index.terms.__getitem__, self.index.terms_of(sent).tolist()))

    def _facts_of(self, sent: int) -> Facts:
        """A sentence's figures, names and other terms."""
        return _kept(self._facts, sent, self._find_facts)

    def _find_facts(self, sent: int) -> Facts:
        figures, names = self.index.fact_terms_of(sent)  # analysed at build: a question analyses no span
        named = frozenset(names)
        return Facts(frozenset(figures), named, self._term_set(sent) - named)

    def _denials_of(self, sent: int) -> frozenset[str]:
        """"not" if a sentence denies what it tells (`_DENYING`, `_REFUSING`), and its terms that prevent it
        (read last, of the pairs that would merge else)."""
        return _kept(self._denials, sent, self._find_denials)

    def _find_denials(self, sent: int) -> frozenset[str]:
        terms = self._term_set(sent)
        prevents = terms & _PREVENTING
        denies = not terms.isdisjoint(_REFUSING) or _DENYING.search(self.index.text_of(sent))
        return prevents | {"not"} if denies else prevents

    def citation(self, sent: int) -> Citation:
        idx = self.index
        article = idx.article_of(sent)
        first = idx.sentences_of(int(idx.sent_article[sent])).start
        start, end = int(idx.sent_start[sent]), int(idx.sent_end[sent])
        record = int(article.source.rpartition("#")[2]) if article.source != article.path else None
        return Citation(article.source, article.label, article.outlet, article.date, article.url, article.path,
                        sent - first + 1, *article.cited(start, end), article.line_of(start), record,
                        article.offsets, article.page_of(start), int(idx.sent_para[sent]) + 1)

    def answer(self, sent: int, score: float = 0.0, others: list[int] | None = None, span: Span | None = None
               ) -> Answer:
        idx = self.index
        text = idx.text_of(sent)
        lo, hi = self.context_span(sent)
        article = idx.article_of(sent)
        ctx_start, ctx_end = int(idx.sent_start[lo]), int(idx.sent_end[hi])
        versions = [Version(idx.text_of(o), self.citation(o), o) for o in others or []]
        return Answer(sent, text, article.text[ctx_start:ctx_end], round(score, 4), [self.citation(sent)],
                      idx.speaker_of(sent), versions, span)

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
        """What the briefing is about: the people quoted most, then the places and organisations
        (of the gazetteers) it names most; not its commonest capitalised words ("Forces", "Iraqi").
        Computed once: it depends on the index alone."""
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
                        and (name in people or gazetteer_name(name)) \
                        and not any(name in o for o in out):
                    out.append(name)
            self._topics = out
        return self._topics


def _kept(store: dict[K, T], key: K, find: Callable[[K], T]) -> T:
    """What `find` says of a sentence, kept in `store` for the last few thousand: one
    question's answers compare each candidate with every answer kept so far."""
    if (known := store.get(key)) is not None:
        return known
    if len(store) >= 4096:
        store.clear()
    store[key] = found = find(key)
    return found


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best scores, best first, ties in index order, without sorting them all."""
    if len(scores) > n:
        kth = np.partition(-scores, n - 1)[n - 1]
        chosen = np.flatnonzero(-scores <= kth)
        return chosen[np.argsort(-scores[chosen], kind="stable")][:n]
    return np.argsort(-scores, kind="stable")


def _joined(cands: np.ndarray, arts: np.ndarray) -> np.ndarray:
    """For each candidate but the last (`cands` ascending, `arts` their articles): whether the next
    candidate is the sentence after it in its article."""
    return (cands[1:] - cands[:-1] == 1) & (arts[1:] == arts[:-1])


def _beside(cands: np.ndarray, arts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each candidate, the position among `cands` (ascending; `arts` their articles) of the
    sentence before it and of the one after it in its article, -1 when that one is no candidate:
    being sorted, it can only be the candidate beside it."""
    joined = np.flatnonzero(_joined(cands, arts))  # i and i+1 follow
    prev, after = np.full(len(cands), -1), np.full(len(cands), -1)
    prev[joined + 1] = joined
    after[joined] = joined + 1
    return prev, after


def _listed(text: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two names stand side by side in a list of commas that ends with "and" or "or"
    ("Britain, France, Gavi and the Gates Foundation"); not a place and its country ("Paris, France")."""
    (_, end), (start, _) = sorted((one, other))
    return bool(_LIST_COMMA.fullmatch(text, end, start)) and bool(_LIST_TAIL.match(text, start))


def _of_scope(text: str, span: Span, whose: list[set[str]], office: _Office) -> bool:
    """Whether each word of whose office it is stands by the name: among the six words before it
    ("London mayor Ken Livingstone"), or in an apposition after it ("Fred Pierce, the newly
    appointed president of ABC Television"); not in a clause after it ("Singer Bruce Springsteen
    has inducted Irish rock band U2": not U2's singer); and the office named with it is no one
    else's (`_owner`: "Everton manager David Moyes … Chelsea defender" is not Chelsea's manager)."""
    before = list(word_spans(text[:span.start]))[-6:]
    after = list(word_spans(text[span.end:]))[:8] if text[span.end:span.end + 1] == "," else []
    near = {t for m in before + after for t in word_terms(m.group())}
    if not all(near & terms for terms in whose):
        return False
    owners = [_owner(text[:span.start], before[-4:], office, last=True), _owner(text[span.end:], after[:5], office)]
    return not whose or all(not owner or any(owner & terms for terms in whose) for owner in owners)


def _owner(text: str, words: list[re.Match[str]], office: _Office, last: bool = False) -> set[str]:
    """The terms of whose office the words name: the capitalised words right before the office
    word, or a possessive ("Birmingham manager", "Federal Reserve chairman", "Authenti-corp's CEO",
    "the programme's chief"); none when the office is named without ("the chancellor"). `last`: the
    office word nearest the end (before a name), else the first (in an apposition after it)."""
    at = [i for i, m in enumerate(words) if office.terms & set(word_terms(m.group()))]
    if not at:
        return set()
    i = at[-1] if last else at[0]
    owner: set[str] = set()
    while i > 0 and ((w := words[i - 1].group())[:1].isupper() or _POSSESSIVE_END.search(w)) \
            and fold(w) not in STOP_WORDS and not text[words[i - 1].end():words[i].start()].strip():
        owner |= set(word_terms(w))  # (a possessive in any case: "the programme's chief co-ordinator")
        i -= 1
    return owner


def _names_owner(text: str, span: Span, office: _Office) -> bool:
    """Whether a name says whose the office named right after it is ("France coach Bernard
    Laporte"), which is no deed of its own asked as "who coaches wales"."""
    m = _TITLE_AFTER.match(text, span.end)
    return bool(m) and bool(office.terms.intersection(word_terms(m[1])))


def _holding_any(index: Index, tids: set[int]) -> np.ndarray:
    """The articles (ascending) holding any of these terms."""
    found = [index.by_article.get(tid)[0] for tid in tids]
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class _Office:
    """An office asked about, as its holder is recognised in a sentence."""
    terms: frozenset[str]  # its terms and their WordNet relatives ("president", "presidency")
    not_holder: frozenset[str]  # words naming someone else than its holder ("former"), unless asked
    by_deed: bool = False  # asked as a deed ("who runs the federal reserve"): its doer holds it too


@cache
def _office(role: str, role_of: tuple[str, ...], by_deed: bool = False) -> _Office:
    terms = analyze(role)
    if set(terms) & _HEADS:  # "the head of the fa", "the chelsea boss": whoever heads it, by any title
        terms = sorted(_head_offices())
    return _Office(frozenset(t for term in terms for t in (term, *related(term))),
                   NOT_THE_HOLDER - set(role_of), by_deed)


@cache
def _head_offices() -> frozenset[str]:
    """The offices of one who heads a body: `_HEAD_SEEDS` and the role words WordNet relates to
    them ("chairman" → "chairwoman", "manager" → "coach")."""
    roles = {t for word in ROLE_WORDS for t in analyze(word)}
    seeds = {t for word in _HEAD_SEEDS for t in analyze(word)}
    return frozenset(seeds | {r for t in seeds for r in related(t) if r in roles})


def _asked_office(question: Question) -> tuple[_Office | None, set[str]]:
    """The office whose holder the question asks for, and the terms of whose it is: a role
    ("who is the mayor of new york"), or the head of what one runs, heads or leads ("who runs the
    federal reserve": its chairman), or is in charge of, or the office a verb names ("who coaches
    wales": its coach)."""
    if question.role:
        return _office(question.role, question.role_of), {t for w in question.role_of for t in analyze(w)
                                                          if not t.isdigit()}
    deed = _deed(question.text)
    named = sorted(t for t in deed if is_role_word(t))  # "coaches" → "coach", "captains" → "captain"
    if not (deed & _IN_CHARGE or _IN_CHARGE_OF.search(fold(question.text)) or named):
        return None, set()
    whose = {t for w in question.content for t in analyze(w) if not t.isdigit()} - deed - {"charg"}
    return _office("head" if deed & _IN_CHARGE or not named else named[0], (), by_deed=True), whose


def _deed_terms(deed: frozenset[str], synonyms: Synonyms) -> frozenset[str]:
    """The terms saying the asked deed: its own, its WordNet relatives and its synonym group's
    ("buy": "purchase", "acquire")."""
    found = set(deed) | {r for t in deed for r in related(t)}
    for concept in synonyms.concepts(sorted(deed)):
        found |= synonyms.members(concept)
    return frozenset(found)


def _holds_office(text: str, span: Span, office: _Office) -> bool:
    """Whether a person is named with the office asked about: right before the name ("London
    mayor Ken Livingstone") or in an apposition right after it ("Fred Pierce, the newly appointed
    president"), which opens with the office, a determiner or a name, never a verb ("Mr Blair,
    became Britain's longest-serving chancellor"); not as its former holder, deputy or candidate
    unless the question says so ("the former candidate for prime minister, Mohammed Tawfiq Allawi")."""
    before = list(word_spans(text[:span.start]))[-5:]
    after = list(word_spans(text[span.end:]))[:4]
    if {w for m in before + after for w in (fold(m.group()), fold(m.group()).split("-")[0])} & office.not_holder:
        return False
    if before and (fold(before[-1].group()) in _SUCCEEDING or _THE_THEN.search(text, before[0].start(), span.start)):
        return False  # a former holder: "to succeed Mark Hughes as Wales coach", "the then chancellor"
    named = [m for m in before[-3:] if office.terms.intersection(word_terms(m.group()))]
    if named:  # not one in apposition to another named with the office: "A close ally of the Yukos boss, Mr Nevzlin"
        m = _APPOSED_TO.search(text, 0, named[-1].start())  # (not "one of the Yukos bosses, Mr N")
        return "," not in text[named[-1].end():span.start] or not m or fold(m[1]) in STOP_WORDS \
            or bool(_SMALL_NUMBER.fullmatch(m[1]))
    return (text[span.end:span.end + 1] == "," and bool(after) and not _names_owner(text, span, office)
            and (after[0].group()[:1].isupper() or after[0].group().lower() in _APPOSITION_OPENERS
                 or bool(office.terms & set(word_terms(after[0].group()))))
            and bool(office.terms & {t for m in after for t in word_terms(m.group())}))


def _counts_other(text: str, span: Span, unit: set[str], asked: set[str], wanted: str,
                  qualified: frozenset[str] = frozenset()) -> bool:
    """Whether an amount is of something else than asked: a number that counts another thing than
    the unit asked about (the sentence names the unit, but not among the three terms after the
    number, five where they hold "and" or "or" ("200 league and cup goals"), and a word that is no
    stop word follows it: "The soldiers are spread across three main sites" asked how many
    soldiers; "2,500 American soldiers" does count them, "1.3 million subscribers" may be the
    customers asked, and "50,000 sold" the PlayStations asked how many were sold); or a sum, or a
    number for a sum or an age, that qualifies a thing the question does not ask about ("an $11bn
    (£5.8bn) fraud" asked how much Ebbers made, "eight insurance companies" asked how much the tour
    cost). A sum has a currency or a scale ("Drogba 107" is a minute, "four in California" and
    "each half" are counts), a share is no small count in words ("just one vessel"), and an age is
    a whole number a life can reach ("1500m" is a race). Where the question says which of the
    things it counts ("how many French soldiers"), a count of those another name qualifies is not
    theirs ("2,500 American soldiers"). Of a tally ("voted 7-2") the thing counted follows its
    second number."""
    number = text[span.start:span.end]
    if span.type == "number" and wanted in ("money", "percent") and _PART_OF.match(text, span.end):
        return True  # "one of America's largest telecoms firms" is no sum, nor a share
    if span.type == "number" and fold(number) == "one" and _PART_OF.match(text, span.end):
        return True  # "one of very few blind MPs" says who he is, it counts nothing
    if span.type == "number" and _OUT_OF.search(text, max(0, span.start - 10), span.start):
        return True  # "Eight out of 10 voters": the ten is what they are counted among
    if span.type == "number" and wanted == "money" and _BARE_FIGURE.fullmatch(number):
        return True
    if span.type == "number" and wanted == "percent" and re.fullmatch(SMALL_NUMBER, number, re.I):
        return True  # "just one vessel in the fleet": a share is no word for a small count
    if span.type == "number" and wanted == "age" and (_TALLY.match(text, span.end) or _RATIO.match(text, span.end)
                                                      or _ORDINAL.match(text, span.end) or not (
            _AGE_LIKE.fullmatch(number) and (not number.isdigit() or int(number) < 130))):
        return True  # "1500m" is a race, "the 19-13 defeat" a score, "one in six" a share, "his 93rd birthday" none
    if qualified and span.type == "number" and _qualified_otherwise(text, span.end, unit, asked, qualified):
        return True
    if span.type == "number" and unit and (part := _PART_OF.match(text, span.end)):
        counted = [t for m in list(word_spans(text[part.end():]))[:4] for t in word_terms(m.group())][:2]
        if counted and not unit & set(counted):  # "one of the call centres" asked how many customers
            return True
    tally = _TALLY.match(text, span.end)
    end = tally.end() if tally else span.end
    if (span.type == "money" and _DETERMINER.search(text, max(0, span.start - 20), span.start)) or \
            (span.type == "number" and wanted in ("money", "age")):
        m = _QUALIFIED.match(text, span.end)
        given = _GIVEN_BY.match(text, span.end)  # "10 points by the Football League" is a count of points
        if (given and _participle(given[1])) or (m and m[1] in _PARTICLES):  # no noun after it: "the $204m
            return False  # announced by rival Google" (a passive), "has since paid the £180 back"
        return bool(m) and bool(terms := word_terms(m[1])) and not asked.intersection(terms)
    after = list(word_spans(text[end:]))[:3]
    if span.type not in ("number", "measure") or not after or not (first := word_terms(after[0].group())):
        return False
    if asked.intersection(first):  # "180 million calls a day" counts calls, asked how many customers get free calls
        return span.type == "number" and bool(unit) and not unit & set(first) and _heads(text, end, after) \
            and not any(u in fold(after[0].group()) for u in unit)  # "5 billion webpages" counts web pages
    if any(m.group().lower() in ("and", "or") for m in after[1:]):  # "200 league and cup goals"
        after = list(word_spans(text[end:]))[:5]
    named = {t for m in word_spans(text) for t in word_terms(m.group())}
    inside = {t for m in word_spans(text[span.start:span.end]) for t in word_terms(m.group())}  # "square miles"
    return bool(unit & named) and not unit & ({t for m in after for t in word_terms(m.group())} | inside)


def _heads(text: str, end: int, after: list[re.Match[str]]) -> bool:
    """Whether the word right after a number is the noun it counts, not a modifier of one: "180
    million calls a day", not "1.3 million broadband subscribers" nor "2,500 US troops"."""
    first = after[0].group()
    if text[end:end + after[0].start()].strip() or not first.islower() or not PLURAL.fullmatch(first):
        return False  # (nor "six gold, four silver": medals)
    return len(after) == 1 or fold(after[1].group()) in STOP_WORDS or \
        bool(text[end + after[0].end():end + after[1].start()].strip())


def _qualified_otherwise(text: str, end: int, unit: set[str], asked: set[str], question: frozenset[str]) -> bool:
    """Whether, between a number and the thing it counts, a name the question does not hold says
    whose they are ("2,500 American soldiers", "2,500 US troops" asked how many French soldiers)."""
    for m in list(word_spans(text[end:]))[:3]:
        here = set(word_terms(m.group()))
        if unit & here:
            return False
        if m.group()[:1].isupper() and fold(m.group()) not in question and not asked & here:
            return any(unit & set(word_terms(n.group())) for n in list(word_spans(text[end + m.end():]))[:2])
    return False


@cache  # (asked of each judged sentence)
def _qualifier_words(question: Question) -> frozenset[str]:
    """The question's words, folded, where it says which of the things it counts ("how many french
    soldiers"); none where it counts them all ("how many soldiers")."""
    if not question.unit:
        return frozenset()
    m = re.search(rf"\bhow (?:many|much)\s+(.+?)\s+{re.escape(fold(question.unit))}\b", fold(question.text))
    if not m or not any(w not in STOP_WORDS for w in m[1].split()):
        return frozenset()
    return frozenset(fold(m.group()) for m in word_spans(question.text))


@cache
def _relatives(looked_for: str) -> frozenset[str]:
    """The WordNet relatives of the question's terms that are none of its own terms."""
    own = set(analyze(looked_for))
    return frozenset(t for term in own for t in related(term)) - own


def _measured(question: Question) -> frozenset[str]:
    """What an amount question measures where it names no unit: the things it names after a
    determiner or a possessive ("how long did Brown's Budget speech last": the speech; "how big
    was the US trade deficit"), as typed in lower case (a name is no measure), but words of
    amount ("money" says only that it is a sum) and "-ing" modifiers ("his winning run")."""
    text = question.text.rstrip(" ?.!")
    if _DO_SUPPORT.search(text):  # "how often does the General Conference meet": its last word is the verb
        text = text.rsplit(None, 1)[0]
    words = [w for m in _HEADED.finditer(text) for w in m[1].split()
             if w[:1].islower() and fold(w) not in AMOUNT_WORDS and not w.endswith("ing")]
    return frozenset(analyze(" ".join(words)))


@cache  # (asked of each judged sentence)
def _nouns(question: Question) -> frozenset[str]:
    """The terms of the things the question names after a determiner ("who leads the coalition",
    "where are the us troops based": two words at most) and of the thing it counts."""
    found = frozenset(t for m in _DETERMINED.finditer(fold(question.text)) for t in analyze(m[1]))
    return found | set(analyze(question.unit)) if question.unit else found


def _may_answer(span: Span, types: tuple[str, ...]) -> bool:
    """Whether a span may answer a question asking for these types: one of them, or for a who-question
    a name of another type, if it does what is asked (`Searcher._answer_span`'s `wanted`)."""
    return span.type in types or (types[0] in ("person", "organisation") and span.type in _NAMES)


def _named_after(text: str, spans: list[Span], nouns: frozenset[str]) -> list[Span]:
    """A name right after a thing the question names, as one names its holder ("U2 frontman Bono"
    asked who is the U2 frontman), where no span is: a single word is no person's name to names.py."""
    found = []
    for m in _THEN_NAME.finditer(text):
        at, end = m.start(2), m.start(2) + len(_POSSESSIVE_END.sub("", m[2]))
        if nouns.intersection(word_terms(m[1])) and all(end <= sp.start or at >= sp.end for sp in spans):
            found.append(Span(at, end, "person"))
    return found


def _age_of_other(text: str, span: Span, spans: list[Span], asked: set[str]) -> bool:
    """Whether an age is of another person than asked: one named right after it ("18-year-old
    Newcastle centre Mathew Tait" asked how old Jason Robinson is), or, standing for a person
    ("The 29-year-old finished second to Paula Radcliffe"), one named before it or next door: the
    asked person named in the sentence only after it is someone else."""
    for other in spans:  # naming the person it qualifies: between them no verb ("finished") nor stop word
        if other.type == "person" and 0 <= other.start - span.end <= 40 and \
                not _CLAUSE.search(text, span.end, other.start) and \
                not any(fold(w) in STOP_WORDS or w in IRREGULAR or w.endswith("ed")
                        for w in text[span.end:other.start].split()):
            return not asked.intersection(word_terms(text[other.start:other.end]))
    if (m := _NEW_ONE.search(text, max(0, span.start - 24), span.start)) and not (
            m[1] and (m[1].endswith(",") or fold(m[1]) in _COPULAS)):
        return True  # "shooting dead a 16-year-old burglar": someone new; not "Blair, a 51-year-old", "is a 25-year-old"
    if not _DETERMINER_BEFORE.search(text, max(0, span.start - 12), span.start):
        return False
    named = [m.start() for m in word_spans(text) if m.group()[:1].isupper() and asked.intersection(word_terms(m.group()))]
    return bool(named) and min(named) >= span.end


_NEW_ONE = LazyPattern(r"(?:(\S+)\s+)?\ban?\s+$", re.I)  # an indefinite article before an age, and the word before it
_COPULAS = frozenset("is was are were be been being becomes became 's".split())
_ASKING = LazyPattern(r"\?[\"'\u201d\u2019)]*\s*$")  # a sentence that ends as a question
_COMPARED = r"(?:more|less|fewer|higher|lower|cheaper|dearer|bigger|smaller|greater|longer|shorter)"
_DIFFERENCE = LazyPattern(rf"\s+{_COMPARED}\s+than\b", re.I)
_ASKS_DIFFERENCE = LazyPattern(rf"\b(?:{_COMPARED}|than|difference|gap)\b", re.I)
_WHILE = LazyPattern(r"\b(?:while|whereas)\s+")
_AMOUNT_SPANS = frozenset(("money", "number", "percent", "measure"))


def _in_a_clause_of_another(text: str, span: Span, question: Question) -> bool:
    """Whether an amount is told, after "while" or "whereas", of another name than the one asked
    about, which the sentence names before it: "Meet the Fockers pushed Closer off the top spot
    while Assault On Precinct 13 made £750,000" tells no takings of Meet the Fockers."""
    cuts = list(_WHILE.finditer(text, 0, span.start)) if span.type in _AMOUNT_SPANS else []
    if not cuts:
        return False
    cut = cuts[-1]  # the clause the amount stands in
    asked = {fold(w) for w in question.content}  # as typed: "fockers" is the name written Fockers
    names = asked & {fold(m.group()) for m in word_spans(text[:cut.start()]) if m.group()[:1].isupper()}
    clause = list(word_spans(text[cut.end():span.start]))
    return bool(names) and not asked & {fold(m.group()) for m in clause} \
        and any(m.group()[:1].isupper() for m in clause)


def _a_difference(text: str, span: Span, question: str) -> bool:
    """Whether an amount is the difference between two, not one ("the rebate was £300 less than
    what the Tories were offering" tells no rebate of £300), unless the question asks how much more."""
    return bool(_DIFFERENCE.match(text, span.end)) and not _ASKS_DIFFERENCE.search(question)


def _bounds_otherwise(text: str, span: Span, question: str) -> bool:
    """Whether a date is the other end of a time than the one asked: "until September 2026" is
    when the mission ends, no answer to when the coalition began; "since 2014" none to when it ended."""
    if span.type != "date" or not (asks := _asks_bound(question)) or \
            not (before := _BOUND_BEFORE.search(text, max(0, span.start - 25), span.start)):
        return False
    return (before[1].lower() in ("until", "till", "through", "by")) == (asks == "start")


def _tense_otherwise(text: str, span: Span, tense: str | None) -> bool:
    """Whether a date is told of a time other than the one asked: "the match, which was abandoned
    on Sunday" answers no "when will they play the rest"; "no later than the end of September
    2025" no "when did they announce it". A date's clause is the one before it, or for a date
    that opens the sentence ("On September 27, 2024, the coalition announced"), the one after."""
    if span.type != "date" or tense is None:
        return False
    from briefbot.timeline import speaks_ahead  # its patterns are compiled at import: not for every question
    ahead = speaks_ahead(text, span) or bool(_AHEAD_WORD.search(text, span.start, span.end))
    if tense == "past":
        return ahead
    if ahead:
        return False
    if _BACK_WORD.search(text, span.start, span.end):
        return True
    clause = _CLAUSE_START.split(text[max(0, span.start - 60):span.start])[-1]
    if not (_VERB_WORD.search(clause) or TOLD_PAST.search(clause)):
        clause = _CLAUSE_START.split(text[span.end:span.end + 80].lstrip(" ,"))[0]
    return bool(TOLD_PAST.search(clause)) and not TOLD_AHEAD.search(clause)


@cache
def _asks_bound(question: str) -> str | None:
    """Whether a question asks when something started ("when did the coalition begin") or ended."""
    words = set(analyze(question))
    return "start" if words & _bound_verbs("start") else "end" if words & _bound_verbs("end") else None


@cache
def _bound_verbs(bound: str = "") -> frozenset[str]:
    """The terms of the verbs that start or end a time (of both without `bound`), analysed when
    first asked, not at import: a warm `ask` needs no stemmer."""
    return frozenset(analyze({"start": _BEGINNING, "end": _ENDING}.get(bound, f"{_BEGINNING} {_ENDING}")))


@cache
def _deed(question: str) -> frozenset[str]:
    """The terms of the verb a who-question asks the doer of ("who won" → win); none for "who is"
    or "who did Chelsea beat" (its doer is named)."""
    m = _WHO_VERB.match(fold(question))
    return frozenset(analyze(m[1])) if m else frozenset()


@cache
def _when_deed(question: str) -> frozenset[str]:
    """The terms of the verb a when-question asks the date of ("when was the bnp founded" → found)."""
    m = _WHEN_VERB.match(fold(question))
    return frozenset(analyze(m[1])) if m and past_verb(m[1]) else frozenset()


def _date_of_another_deed(text: str, span: Span, deed: frozenset[str]) -> bool:
    """Whether a date is told of another deed than the one asked: the verb right before it, in
    the past, says another ("BNP founding chairman John Tyndall was arrested on Sunday" is no date
    the BNP was founded; "founded in 1932", "set up in 2014" are)."""
    if not deed:
        return False
    if _OPENING.fullmatch(text, 0, span.start):  # "In July, the BBC documentary featured…": the verb after it
        clause = _CLAUSE_START.split(text[span.end:span.end + 80].lstrip(" ,"))[0]
        verb = next((w for w in re.findall(r"[a-z]+", clause) if past_verb(w) and w != "been"), None)
    else:
        verb = m[1] if (m := _PAST_BEFORE.search(text, max(0, span.start - 40), span.start)) and past_verb(m[1]) else None
    return verb is not None and not deed & set(word_terms(verb))


def _of_another(text: str, span: Span, asked: set[str], question: Question) -> bool:
    """Whether a place or organisation is named as the asked thing of another name than the
    question's: "the Kenyan capital Nairobi" asked the capital of France (a question naming no one,
    "what is the capital", takes any capital; a person is the office rules' to judge)."""
    if span.type == "person" or not any(gazetteer_name(w) or _name_like(w, question.text) for w in question.content):
        return False
    m = _KIND_OF_NAME.search(text, max(0, span.start - 40), span.start)
    return bool(m) and fold(m[1]) not in STOP_WORDS and bool(asked.intersection(word_terms(m[2]))) \
        and not asked.intersection(word_terms(m[1]))


def _not_a_country_asked(text: str, span: Span, question: Question) -> bool:
    """Whether a place is none of the countries a question asks for ("Al-Anbar", a province, for
    which countries have troops in Iraq); a capital may still stand for its country as the doer
    ("the coalition led by Washington")."""
    return bool(_ASKS_COUNTRY.search(fold(question.text))) and not is_country(text[span.start:span.end])


def _names_a_thing(text: str, span: Span) -> bool:
    """Whether a person's name, as names.py types it, names a thing: right after "the" ("winning
    the Grand Slam"), or after "a" as a word qualifying the noun after it ("A late Andrea Masi try
    was", "a Girl's Best Friend award and"); not a title's ("the Duke of Edinburgh")."""
    if span.type != "person" or text[span.start:span.end].split()[0].rstrip(".").lower() in TITLES:
        return False
    if _THE_BEFORE.search(text, max(0, span.start - 5), span.start) or \
            _COUNTED_BEFORE.search(text, max(0, span.start - 12), span.start):  # "three Grand Slams", "more Grand Slam titles"
        return True
    m = _A_BEFORE.search(text, max(0, span.start - 40), span.start)
    return bool(m) and all(w.lower() not in STOP_WORDS for w in m[1].split()) and \
        bool(_QUALIFIED_NOUN.match(text, span.end))


def _does_other(text: str, span: Span, asked: set[str]) -> bool:
    """Whether a name does what the question asks to another thing of the kind it asks about:
    "Cate Blanchett won best supporting actress" asked who won the best film Bafta (the words after
    the verb, to the first stop word or mark, share one with the question, and more are other
    words, two at least)."""
    if not (m := _VERB_THEN.match(text, span.end)) or not asked.intersection(word_terms(m[1])):
        return False
    object_terms: list[str] = []
    for w in _OBJECT.match(text, m.end())[1].split():
        if w.lower() in STOP_WORDS:
            break
        object_terms += [t for t in word_terms(w) if not t.isdigit()]
    other = [t for t in object_terms if t not in asked]
    return len(other) >= 2 and len(other) > len(object_terms) - len(other) > 0


def _participle(word: str) -> bool:
    """Whether a word before "by" reads as a passive's verb ("announced", "given", "won by"), not a
    noun ("10 points by the Football League")."""
    return word.endswith(("ed", "en")) or word in IRREGULAR


def _name_like(word: str, query: str) -> bool:
    """A number, or a word with a capital that is not merely the question's first letter."""
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]) or (
        word[:1].isupper() and not query.lstrip().startswith(word))


def _split_after(words: list[str], ends: list[int]) -> list[list[str]]:
    """`words` cut after each position in `ends`."""
    parts, start = [], 0
    for end in ends:
        parts.append(words[start:end + 1])
        start = end + 1
    return parts + [words[start:]]


def _unshouted(query: str) -> str:
    """A question typed in capitals ("WHO IS ALLAWI") read as if in lower case: its words are no
    acronyms ("IS" is no ISIS) and no names ("WHO")."""
    letters = [c for c in query if c.isalpha()]
    return query.lower() if len(query.split()) > 1 and letters and all(c.isupper() for c in letters) else query


def _written(word: str) -> str:
    """A word as compared for typos: folded, without a possessive."""
    w = fold(word)
    return w[:-2] if w.endswith("'s") else w


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
