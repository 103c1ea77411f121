"""Typed spans in a sentence: the amounts, dates, times, ages, measures and names it states, so an
answer of the asked type ("how much", "when", "who") can be found among the sentences.

Patterns only (no model can be downloaded); it runs once per sentence at index build, so every
pattern is compiled once and the name tests are the cached ones of `names.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from briefbot.names import (NOT_NAMES, ORG_HEADS, ORG_WORDS, ORGANISATIONS, PLACE_PATTERNS, PLACES, TITLES,
                            person_name)
from briefbot.text import LazyPattern

SPAN_TYPES = ("number", "money", "percent", "date", "time", "duration", "age", "measure",
              "person", "place", "organisation")


@dataclass(frozen=True)
class Span:
    start: int  # character offsets into the text given
    end: int
    type: str  # one of SPAN_TYPES


# --- amounts -------------------------------------------------------------------------------------

_ONES = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
         "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_SCALE = "hundred|thousand|million|billion|trillion"
SMALL_NUMBER = rf"(?i:(?:{_ONES})(?:[ -](?:{_ONES}))?)"  # "twenty-five", as an age may be written
# "two and a half million", "twenty-five", "three hundred and twenty", "a dozen", "half", "dozens"
_WORDS = (rf"(?i:(?:a|one|two|three)[ -](?:half|third|quarter|fifth)s?(?=\s+of\b)"
          rf"|(?:(?:{_ONES})(?:[ -](?:{_ONES}))?|an?(?=\s+(?:{_SCALE}|dozen)\b))"
          rf"(?:\s+and\s+a\s+half|\s+(?:{_SCALE}|dozen)(?:\s+and\s+(?:{_ONES})(?:[ -](?:{_ONES}))?)?)*"
          rf"|half|dozens|hundreds|thousands|millions|billions)(?!\w)")
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MULTIPLIER = rf"(?:\s?(?:bn|m|k|tn|trn)(?![\w])|\s(?:{_SCALE})(?![\w]))"
NUMBER = rf"(?:{_DIGITS}{_MULTIPLIER}?|{_WORDS})"
# A score is one figure ("with the score at 1-1", "a 3-1 win"), where the words around say it is
# one: "Councillors voted 7-2" counts 7 for.
_SCORE = LazyPattern(r"\d{1,3}-\d{1,3}(?!\d|[.,]\d|[\w%/-])")
_SCORE_BEFORE = LazyPattern(r"(?i:\b(?:scores?|scoreline|won|lost|beat|beaten|drew|drawn|led|leading|trailed|trailing)"
                            r"\s+(?:at\s+|of\s+|was\s+|by\s+|stood\s+at\s+)?)$")
_SCORE_AFTER = LazyPattern(r"\s+(?:(?:home|away)\s+)?(?:wins?|victory|defeat|draw|loss|lead|thrashing|triumph|success|"
                           r"scoreline|drubbing|reverse|aggregate)\b")
_CURRENCY = r"(?:US\s?\$|A\$|C\$|HK\$|\$|£|€|¥|Rs\.?\s?)"
_CURRENCY_WORD = (r"(?:(?:US\s|Hong\sKong\s|Australian\s)?dollars?|euros?|pounds?(?:\ssterling)?|pence|yen|"
                  r"yuan|renminbi|rupees?|francs?|roubles?|rubles?|dinars?|p(?![\w']))")
_MONEY = rf"{_CURRENCY}\s?{_DIGITS}{_MULTIPLIER}?|{NUMBER}\s?{_CURRENCY_WORD}(?![\w-])"
_PERCENT = rf"{NUMBER}\s?(?:%|per\s?cent(?:age\s+points?)?(?![\w])|percent(?:age\s+points?)?(?![\w])|percentage\s+points?(?![\w]))"

_TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
_LENGTH_UNITS = (r"(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|mm|centimet(?:re|er)s?|millimet(?:re|er)s?|ft|feet|foot|"
                 r"inch(?:es)?|yards?|mph|km/h|kph|kmh|knots?|tonnes?|tons?|kg|kilos?|kilograms?|grams?|g|lbs?|ounces?|oz|"
                 r"stone|litres?|liters?|gallons?|barrels?|acres?|hectares?|(?:square|sq|cubic)\s(?:met(?:re|er)s?|miles?|"
                 r"feet|ft|km|kilomet(?:re|er)s?|yards?)|degrees?|°[CF]?|[kMG]W|[kMG]Wh|megawatts?|gigawatts?|"
                 r"[KMGT]B|gigabytes?|megabytes?|terabytes?|megapixels?|GHz|MHz|(?:[kMGTP]b|[kMG]bit)(?:ps|/s)|"
                 r"(?:tera|giga|peta|mega)?flops|calories|m(?=\s(?:tall|long|high|wide|deep)\b))")
_DURATION = (rf"{NUMBER}(?:\s+and\s+a\s+half)?[ -]{_TIME_UNITS}(?![\w-])"
             rf"|(?:(?<=\bfor )|(?<=\bwithin )|(?<=\bover )|(?<=\bafter )|(?<=\bin )|(?<=\bthan )|(?<=\blasted )"
             rf"|(?<=\blast )|(?<=\bnearly )|(?<=\balmost )|(?<=\babout )|(?<=\bjust )|(?<=\bonly ))"
             rf"an?\s+{_TIME_UNITS}(?![\w-])"
             rf"|(?:several|a\sfew|few|many)\s+{_TIME_UNITS}(?![\w-])")
_MEASURE = rf"{_DIGITS}\s?{_LENGTH_UNITS}(?![\w])|{_WORDS}\s{_LENGTH_UNITS}(?![\w])"
_AGE = (rf"(?i:aged)\s\d{{1,3}}(?!\d|[.,]\d)|{NUMBER}[ -]years?[ -]old(?![\w])|{NUMBER}-month-old(?![\w])"
        rf"|(?<=[a-z], )\d{{1,2}}(?=,\s)")  # "John Smith, 34, said"

# --- dates and times -----------------------------------------------------------------------------

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")  # the full stop of an abbreviation only
_LONE_MONTH = r"(?:January|February|April|June|July|August|September|October|November|December)"  # not May, March
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_ORDINAL_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SEASON = r"(?:spring|summer|autumn|winter|weekend|week|month|year|decade|century|quarter|season|night|morning|evening|afternoon|term)"
_PART_OF = r"(?:(?:[Tt]he\s)?(?:end|start|beginning|middle|turn|spring|summer|autumn|winter|first\shalf|second\shalf)\sof\s(?:the\s)?)?"
_DATE = (rf"{_PART_OF}(?:"
         rf"(?:{_DAY},?\s)?(?:{_ORDINAL_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?|{_MONTH}\s{_ORDINAL_DAY}(?![\d:])(?:,?\s{_YEAR})?)"
         rf"|{_MONTH}\s(?:(?:in|of)\s)?{_YEAR}|{_LONE_MONTH}"
         rf"|(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate)\s(?:{_SEASON}|{_DAY}|{_MONTH})(?![\w-])"
         rf"|(?:[Ee]arlier|[Ll]ater)\s(?:this|last|next)\s{_SEASON}(?![\w-]))"
         rf"|{_DAY}(?:\s(?:morning|afternoon|evening|night))?"
         rf"|(?:first|second|third|fourth|final)[ -]quarter(?:\sof\s{_YEAR})?"
         rf"|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)(?!\d)|\d{{4}}-\d\d-\d\d(?!\d)"
         rf"|(?:[Mm]id|[Ee]arly|[Ll]ate)-?{_YEAR}s?|{_YEAR}s"
         rf")(?![\w-])"
         # ("Today" capitalised after a word is a name: "BBC Radio 4's Today programme")
         rf"|(?:(?<!\w\s)(?i:yesterday|today|tomorrow|tonight)|yesterday|today|tomorrow|tonight)(?![\w])"
         rf"|{NUMBER}\s{_TIME_UNITS}\sago(?![\w])|an?\s{_TIME_UNITS}\sago(?![\w])")
# A year alone ("in 2003", "1998/9", "2005's") is a date unless an amount or unit follows it.
_LONE_YEAR = LazyPattern(rf"(?<![\w.,$£€/-]){_YEAR}(?:/\d{{1,2}}(?!\d)|-\d\d(?!\d))?(?=['\u2019]s\b|(?![\w%/-]))"
                         rf"(?!\s?(?:%|per\s?cent|percent|bn|m\b|k\b|million|billion|thousand|{_LENGTH_UNITS}\b|{_TIME_UNITS}\b|{_CURRENCY_WORD}))")
# A year before 1900 only where a preposition of time says so ("the sextant from 1731", "in 1066"),
# not a time of day ("by 1830 GMT", "from 1130 to 1215") nor an amount.
_OLD_YEAR = LazyPattern(rf"1[0-8]\d\d(?=['\u2019]s\b|(?![\w%/-]))(?!\s?(?:GMT|BST|UTC|local\s|hours|hrs|to\s\d|and\s\d)|"
                        rf"\s?(?:%|per\s?cent|percent|bn|m\b|k\b|million|billion|thousand|{_LENGTH_UNITS}\b|{_TIME_UNITS}\b|"
                        rf"{_CURRENCY_WORD}))")
_TIME_PREPOSITION_BEFORE = LazyPattern(r"(?<![\w-])(?i:in|from|since|until|till|of|by)\s$")
# A year ending a name is no date: "Razor 1911", "Windows 2000" (a capitalised word before it that
# neither starts the sentence nor is a month, a weekday or a feast: "Christmas 2004" is a date).
_NAME_BEFORE = LazyPattern(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*)\s$")
_NOT_NAMING = frozenset("christmas easter ramadan eid diwali hanukkah new year spring summer autumn winter mid "
                        "early late in on by since until till from before after during of".split())
_PLURAL_NEXT = LazyPattern(r"\s+(?:[a-z]+s|people|men|women|children|staff|police)\b")  # "2000 people": a count, unless "in 2000"
_PREPOSITION_BEFORE = LazyPattern(r"\b(?:in|since|by|until|till|of|from|to|before|after|during|between|and|late|early)\s+$", re.I)
_TIME = (r"(?<![\w.,:])(?:\d{1,2}[:.]\d\d\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d\d(?![\d:])|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.))"
         r"(?:\s?(?:GMT|BST|EST|EDT|PST|PDT|UTC|CET|local\stime))?(?![\w])"
         r"|(?:midnight|midday|noon)(?![\w])|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\so'clock")

_ALL = ("money", "percent", "age", "time", "date", "duration", "measure", "number")


@cache
def _compiled() -> dict[str, re.Pattern[str]]:
    """The amount and date patterns, compiled on first use: they take ≈15 ms, and a warm start reads
    its typed spans from the cache without ever needing them."""
    return {kind: re.compile(p) for kind, p in zip(_ALL, (_MONEY, _PERCENT, _AGE, _TIME, _DATE, _DURATION,
                                                          _MEASURE, NUMBER))}


_DATE_WORDS = ("january february march april may june july august september october november december jan feb "
               "mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday "
               "last next this past coming early late earlier later the end start beginning middle turn spring "
               "summer autumn winter first second third fourth final mid yesterday today tomorrow tonight")
# The patterns that can start at a word (lower case), most specific first; a digit starts any of them.
_BY_WORD: dict[str, tuple[str, ...]] = {w: ("date",) for w in _DATE_WORDS.split()}
_BY_WORD.update({w: ("money",) for w in "£ $ € ¥ us a$ c$ hk$ rs".split()})
_BY_WORD.update({w: _ALL for w in f"{_ONES}|{_SCALE}|half|dozens|hundreds|thousands|millions|billions".split("|")})
_BY_WORD.update({"a": _ALL, "an": _ALL, "aged": ("age",), "several": ("duration",), "few": ("duration",),
                 "many": ("duration",), "midnight": ("time",), "midday": ("time",), "noon": ("time",)})
_BY_WORD.update({w: _ALL for w in ("first", "second", "third", "fourth")})  # "third quarter", "one third of"
_RANK = {t: i for i, t in enumerate(_ALL)}
_TOKEN = LazyPattern(r"[£$€¥]|\w+")

# --- names ---------------------------------------------------------------------------------------

NAME_RUN = LazyPattern(r"(?<![\w'\u2019-])[A-Z][\w'\u2019.&-]*(?:\s+(?:(?:of|for|de|al|el|bin|van|von|der|du|la|le)"
                   r"(?:\s+the)?\s+)?(?:[A-Z][\w'\u2019.&-]*|al-[A-Z][\w'\u2019-]*))*")
_PLACE_ENDS = frozenset(line.split()[-1] for line in PLACE_PATTERNS if line.startswith("* ") and line[-1].isalpha()
                        and line.split()[-1][0].isupper())  # "Airport", "Province", "Bridge"
_PLACE_STARTS = frozenset(line.split()[0] for line in PLACE_PATTERNS if line.endswith(" *"))  # "Camp", "Mount"


@lru_cache(maxsize=200_000)
def _name(run: str) -> tuple[int, int, str] | None:
    """What a capitalised run names, as (start, end) of the name inside it and its type; None when
    no gazetteer, cue word or name shape says."""
    start = 0
    words = run.split()
    while words and (words[0] in NOT_NAMES or words[0].lower() in ("the", "a", "an")):
        start = run.index(words[1], start + len(words[0])) if len(words) > 1 else len(run)
        words = words[1:]
    body = run[start:]
    m = re.search(r"['\u2019]s?$", body)
    body = body[:m.start()] if m else body.rstrip(".")
    if not body:
        return None
    end = start + len(body)
    words = body.split()
    if ORGANISATIONS.get(body):
        return start, end, "organisation"
    if PLACES.get(body):
        return start, end, "place"
    if len(words) > 1 and (words[-1] in ORG_WORDS or " ".join(words[:2]) in ORG_HEADS):
        return start, end, "organisation"
    if len(words) > 1 and (words[-1] in _PLACE_ENDS or words[0] in _PLACE_STARTS):
        return start, end, "place"
    person = person_name(body)
    if person is None or not (person.titled or person.full):
        return None
    at = body.rfind(person.name)
    if at < 0:
        return None
    name_end = start + at + len(person.name)
    before = body[:at].split()
    if before and before[-1].rstrip(".").lower() in TITLES:  # "Mr Blair", "Dr Jane Hutt"
        at = body.rfind(before[-1], 0, at)
    return start + at, name_end, "person"


def _lone_year(text: str, start: int) -> re.Match[str] | None:
    """A year written alone at `start`, if it is a date: not a count ("2000 people", unless "in
    2000"), not the end of a name, and before 1900 only after a preposition of time."""
    if m := _LONE_YEAR.match(text, start):
        if (_PLURAL_NEXT.match(text, m.end()) and not _PREPOSITION_BEFORE.search(text, max(0, start - 10), start)) \
                or _ends_name(text, start):
            return None
        return m
    if (m := _OLD_YEAR.match(text, start)) and not _PLURAL_NEXT.match(text, m.end()) and \
            _TIME_PREPOSITION_BEFORE.search(text, max(0, start - 8), start):
        return m
    return None


def _ends_name(text: str, start: int) -> bool:
    """Whether the year at `start` ends a name (see _NAME_BEFORE)."""
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m[1].lower() in _NOT_NAMING or m[1].lower() in _BY_WORD:
        return False
    return _mid_sentence(text, m.start())


_BARE_NUMBER = LazyPattern(rf"\d{{1,3}}(?![\w,.%/-]|\s?(?:bn|m|k|tn|trn)\b|\s(?:{_SCALE})\b)")


def _numbers_name(text: str, start: int) -> bool:
    """Whether the small bare number at `start` ends a name ("Sony PlayStation 2's slimmer shape"):
    written right after a capitalised word that does not start the sentence (see _ends_name) and
    names no place ("beat Italy 24 to 3" is a score)."""
    if not _BARE_NUMBER.match(text, start) or not _ends_name(text, start):
        return False
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and not PLACES.get(before[1])


_NAMED_NUMBER = LazyPattern(r"[A-Z][a-z]+\s+[A-Z][a-z]")  # a capitalised word, then another: "Six Nations"


def _mid_sentence(text: str, start: int) -> bool:
    """Whether `start` is inside a sentence, not where a sentence or a quotation opens."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"\u201c\u2018'("


_COMPOUND_AFTER = LazyPattern(r"-[^\W\d]")


def _in_compound(text: str, number: re.Match[str]) -> bool:
    """Whether a number written in words is the first part of a hyphenated word ("the half-time
    interval", "a one-off refund"): no amount. An amount with its unit ("two-year", "one-day") is
    a duration or measure of its own, wider, so it still wins."""
    return number.group()[0].isalpha() and bool(_COMPOUND_AFTER.match(text, number.end()))


_CLOCKED = LazyPattern(r"\d:\d")  # "7:39.89", a race time, holds no count of 7 nor of 39.89
_ZONED = LazyPattern(r"\s*(?:GMT|BST|UTC|CET|EST|PST)\b")  # "2200 GMT", a time of day
_RUN = LazyPattern(r"[\w-]*")


def _no_amount(text: str, start: int, end: int) -> bool:
    """Whether digits are part of a time ("7:39.89", "2200 GMT") or of a model's name written as one word
    ("777-200LR", "F-16", "A380"): no count. A model's name has a hyphen or a capital before its
    digits, and a part in capitals or capitals glued to digits; "Mid-2005" and "40GB" are none."""
    if _CLOCKED.match(text, end - 1) or _CLOCKED.match(text, max(0, start - 2)) or _ZONED.match(text, end):
        return True
    lo = start
    while lo and (text[lo - 1].isalnum() or text[lo - 1] in "_-"):  # back to the start of the word it is in
        lo -= 1
    run = text[lo:_RUN.match(text, start).end()]
    parts = run.split("-")
    has_caps = any(p.isupper() or (re.search(r"[A-Z]", p) and re.search(r"\d", p)) for p in parts)
    return has_caps and ("-" in run or bool(re.match(r"[A-Z]+\d", run)))


def typed_spans(text: str) -> list[Span]:
    """The typed spans of a sentence, sorted by start and never overlapping: where two overlap the
    wider one wins ("£80m" over "80m"), and of two as wide the more specific type."""
    found: list[tuple[int, int, int, str]] = []  # (-width, rank, start, type) sorts the winners first
    patterns = _compiled()
    for token in _TOKEN.finditer(text):  # patterns are tried only where one can start: a few words
        start = token.start()
        word = token.group()
        kinds = _ALL if word[0].isdigit() else _BY_WORD.get(word.lower(), ())
        if word[0].isdigit() and _numbers_name(text, start):
            continue  # "PlayStation 2", "Metal Slug 3": the number is part of the name
        if word[0].isupper() and _NAMED_NUMBER.match(text, start) and _mid_sentence(text, start):
            continue  # "the Six Nations", "Formula One": a number word written as part of a name
        if word[0].isdigit() and text.endswith("&#", 0, start):
            continue  # "volvi&#243;": a character written as an HTML entity in the text, no number
        for kind in kinds:
            if (m := patterns[kind].match(text, start)) and not (
                    kind == "number" and (_in_compound(text, m) or _no_amount(text, start, m.end()))):
                found.append((start - m.end(), _RANK[kind], start, kind))
        if word[0].isdigit() and (m := _lone_year(text, start)):
            found.append((start - m.end(), _RANK["date"], start, "date"))
        if word[0].isdigit() and (m := _SCORE.match(text, start)) and not text.endswith(("-", ".", ","), 0, start) and (
                _SCORE_AFTER.match(text, m.end()) or _SCORE_BEFORE.search(text, max(0, start - 25), start)):
            found.append((start - m.end(), _RANK["number"], start, "number"))
    for m in NAME_RUN.finditer(text):
        if named := _name(m.group()):
            s, e, kind = named
            found.append((s - e, len(_RANK), m.start() + s, kind))
    found.sort()
    taken: list[Span] = []
    for width, _, start, kind in found:
        end = start - width
        if all(end <= t.start or start >= t.end for t in taken):
            taken.append(Span(start, end, kind))
    return sorted(taken, key=lambda s: s.start)


_ITEM_SEPARATOR = LazyPattern(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def enumeration_items(text: str) -> list[tuple[int, int]]:
    """The items of a list a colon opens ("three main sites: Ain Al-Asad base in Al-Anbar, Harir
    base in Erbil, and Victoria base near Baghdad"), as (start, end) offsets; none for a sentence
    with no such list of three or more. Each item is a fact of its own: what one says of its
    places is not said of the others'."""
    colon = text.find(": ")
    if colon < 0:
        return []
    items, start = [], colon + 2
    for m in _ITEM_SEPARATOR.finditer(text, start):
        items.append((start, m.start()))
        start = m.end()
    items.append((start, len(text)))
    return items if len(items) >= 3 and all(end - begin <= 80 for begin, end in items) else []
