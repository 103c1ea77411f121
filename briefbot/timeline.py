"""The story's dated events in order: each a sentence holding a date, the date read to the year,
month or day the text gives ("September 2025" is 2025-09, never 2025-09-01), a relative date
("last Friday", "next month") resolved against its article's date, a date after the article's
own (or announced with "will", "is due to", "no later than") marked as planned. A sentence is one line,
under its main date (the first it writes that is not planned, else its first), its other dates named
on that line. The same event told by several articles is one line: one of the world's facts
(`World.fact_of`, made by search's same-fact rule, so differing figures are never merged), looked
up, not compared again pair by pair. A year long before the story's own time that no preposition of
time governs is the year of a thing, not of an event ("the sextant from 1731", "the 1956 Zenith
remote control"): it places no sentence.

Dates come from the typed spans found once at build (`Index.spans_of`); nothing here reads a
sentence's words again except the date's own and the few around it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from briefbot.index import Index
from briefbot.spans import SPAN_TYPES, Span

_MONTHS = {m: n for n, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec"), 1) for m in names.split()}
_WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_PART = re.compile(r"^(?:the\s)?(?:end|start|beginning|middle|turn|spring|summer|autumn|winter|first\shalf|"
                   r"second\shalf)\sof\s(?:the\s)?|^(?:mid|early|late)-?\s?(?=\d)")
_PLANNED = re.compile(r"\b(?:will|shall|would|could|might|is\sto|are\sto|due\sto|due\sin|expected\sto|plans?\sto|planning|"
                      r"planned\sfor|aims?\sto|preparing|prepares?\sto|scheduled\sfor|set\sto|tipped\sto|forecast\sto|"
                      r"deadline|ahead\sof|upcoming|no\slater\sthan|(?:has|have)\suntil)\b"
                      r"(?![^.;]*\b(?:since|was|were|had|came|did|took|ago|last|than|after)\b)[^.;]*$", re.I)
# a deadline's date, with what is aimed at after it: "By the end of 2004 Microsoft aims to launch"
_DEADLINE = re.compile(r"\b(?:by|before)\s+(?:the\s+(?:end|start|middle)\s+of\s+)?$", re.I)
_PLANNED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:will|aims?\sto|plans?\sto|intends?\sto|hopes?\sto|expects?\sto|wants?\sto|"
                            r"is\sdue|are\sdue)\b", re.I)
_PAST_AFTER = re.compile(r",?\s+(?:saw|was|were|had|brought|became|began|ended|marked|proved)\b")  # "2004 saw a rise"
PLANNED_REACH = 80  # characters before a date where a cue of the future counts, unless a past one follows it
YEAR_ALIKE = 0.5  # a year alone dates many things: two retellings under it are one event only when this alike
HISTORY = 10  # years before the story's own (the upper quartile of its event dates) from which a year may be a thing's
# "in 1980", "until the late 1990": what a year so governed dates is an event
_OF_TIME = re.compile(r"\b(?:in|since|until|till|by|during|before|after|between|to)\s+"
                      r"(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_RANGE_NEXT = re.compile(r"\s*(?:to|until|till|-|\u2013)\s*\d")  # "from 1997 to 2001": a span of time
# a year as part of a name: after a name or an edition ("Windows 2000", "Media Centre edition 2005"), or in a
# list of versions ("Windows 95, 98, ME, NT, 2000 and XP"); not after a month, a weekday or a feast ("Christmas
# 2004"), a possessive ("Labour's 2005") or a clause ("said Mr Hogan, 2004 saw")
_NAME_BEFORE = re.compile(r"(?:\b([A-Z][\w.-]*)\s+|(?:\b[A-Z]{2,4}|(?<![\d,.])\b\d{1,3}),\s*|\b(?:edition|version)\s+)$")
_NAME_AFTER = re.compile(r"(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)(?:\d{1,3}\b(?![,.]\d)|[A-Z]{2,4}\b)")
_NO_NAME = set("january february march april may june july august september october november december monday tuesday "
               "wednesday thursday friday saturday sunday christmas easter ramadan eid diwali hanukkah".split())


@dataclass(frozen=True, order=True)
class When:
    """A date to the precision written: a year, a month of a year, or a day; or a span of years
    ("2003/4", a financial year), written as an ISO 8601 interval ("2003/2004")."""
    year: int
    month: int = 0  # 0: not given
    day: int = 0
    to_year: int = 0  # the last year of a span of years; 0: none

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        return (f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "") + (f"-{self.day:02d}" if self.day else "")
                + (f"/{self.to_year:04d}" if self.to_year else ""))

    def after(self, other: When) -> bool:
        """Whether this is later than `other` at the coarser of the two precisions (2025 is not
        after 2025-02-05; 2025-09 is)."""
        keep = min(_RANK[self.precision], _RANK[other.precision])
        return _cut(self, keep) > _cut(other, keep)


_RANK = {"year": 0, "month": 1, "day": 2}


def _cut(w: When, rank: int) -> tuple[int, ...]:
    return (w.year, w.month, w.day)[:rank + 1]


def _day(d: dt.date) -> When:
    return When(d.year, d.month, d.day)


def _shift_month(year: int, month: int, by: int) -> When:
    n = year * 12 + month - 1 + by
    return When(n // 12, n % 12 + 1)


@dataclass(frozen=True)
class Dated:
    """A date found in a sentence: where it is written (offsets in the sentence), what it means,
    whether it was relative to the article's date, and whether it lies ahead (planned)."""
    span: Span
    when: When
    relative: bool
    planned: bool


def read_date(written: str, article_date: dt.date | None, planned_cue: bool = False) -> tuple[When, bool] | None:
    """What a date span means, as (When, relative?); None for what gives no year, month or day
    (a decade, "last week", a weekday in an undated article). `planned_cue` says the sentence
    speaks of the future, so a bare weekday or month is the coming one, not the last."""
    text = " ".join(written.lower().replace(",", " ").replace(".", " ").split())
    text = _PART.sub("", text)
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        return _absolute(_valid(int(m[1]), int(m[2]), int(m[3])))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)", text):  # British order: day/month/year
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _absolute(_valid(year, int(m[2]), int(m[1])))
    if m := re.fullmatch(r"(?:(?:first|second|third|fourth|final)[ -]quarter of )?((?:1\d|20)\d\d)(?:'s|s)?(?:[/-](\d{1,2}))?", text):
        if text.endswith("s") and not text.endswith("'s"):
            return None  # a decade
        start = int(m[1])
        return When(start, to_year=int(m[1][:4 - len(m[2])] + m[2]) if m[2] else 0), False
    words = [w for w in text.split() if w not in ("of", "the", "on")]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    years = [int(w) for w in words if re.fullmatch(r"(?:19|20)\d\d", w)]
    days = [int(d) for w in words if (d := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)) and (d := d[1])]
    if months and years:
        return _absolute(_valid(years[0], months[0], days[0] if days else 0))
    if article_date is None:
        return None
    a = article_date
    if months and days:  # "September 27": the one nearest the article's date
        near = [(abs((dt.date(y, months[0], days[0]) - a).days), when) for y in (a.year - 1, a.year, a.year + 1)
                if (when := _valid(y, months[0], days[0]))]
        return (min(near)[1], True) if near else None
    return _relative(words, months, a, planned_cue)


def _relative(words: list[str], months: list[int], a: dt.date, planned_cue: bool) -> tuple[When, bool] | None:
    """Yesterday, last Friday, next month, this year, three years ago, September (unqualified)."""
    first = words[0] if words else ""
    if first in ("yesterday", "today", "tonight", "tomorrow"):
        return _day(a + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(first, 0))), True
    if words[-1:] == ["ago"] and len(words) == 3:
        n = int(words[0]) if words[0].isdigit() else _NUMBERS.get(words[0], 1 if words[0] in ("a", "an") else -1)
        unit = words[1].rstrip("s")
        if n < 0:
            return None
        if unit == "year":
            return When(a.year - n), True
        if unit == "month":
            return _shift_month(a.year, a.month, -n), True
        if unit == "day":
            return _day(a - dt.timedelta(days=n)), True
        return None
    rest = words[1] if len(words) > 1 else ""
    if first in ("earlier", "later") and len(words) == 3:
        first, rest = words[1], words[2]
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(first)
    if step is None:  # a bare weekday or month
        step, rest = (1 if planned_cue else -1), first
        if rest in _WEEKDAYS:
            step = 0 if _WEEKDAYS[rest] == a.weekday() else step
    if rest in _WEEKDAYS:
        back = (a.weekday() - _WEEKDAYS[rest]) % 7 or (7 if step < 0 else 0)
        ahead = (_WEEKDAYS[rest] - a.weekday()) % 7 or (7 if step > 0 else 0)
        return _day(a - dt.timedelta(days=back) if step < 0 else a + dt.timedelta(days=ahead)), True
    if rest == "night" and first in ("last", "this"):
        return _day(a - dt.timedelta(days=1 if first == "last" else 0)), True
    if rest in ("morning", "afternoon", "evening") and first == "this":
        return _day(a), True
    if rest == "month":
        return _shift_month(a.year, a.month, step), True
    if rest == "year":
        return When(a.year + step), True
    if months:  # "last September", "next March", "in June"
        month = months[0]
        year = a.year
        if step < 0 and month >= a.month:
            year -= 1
        elif step > 0 and month <= a.month:
            year += 1
        return When(year, month), True
    return None


def _absolute(when: When | None) -> tuple[When, bool] | None:
    return None if when is None else (when, False)


def _valid(year: int, month: int, day: int = 0) -> When | None:
    """The date, if the calendar has it (not 31 September, not 13/13/2005)."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return When(year, month, day)


def article_day(iso: str | None) -> dt.date | None:
    """An article's date as given by its metadata (ISO 8601, maybe with a time), if any."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def dates_in(index: Index, sent: int) -> list[Dated]:
    """The dates a sentence states, each read against its article's date."""
    text = index.text_of(sent)
    article_date = article_day(index.article_of(sent).date)
    out: list[Dated] = []
    for span in index.spans_of(sent):
        if span.type != "date":
            continue
        cue = speaks_ahead(text, span)
        read = read_date(text[span.start:span.end], article_date, cue)
        if read is None:
            continue
        when, relative = read
        if _named_year(text, span, when):
            continue
        ahead = when.after(_day(article_date)) if article_date else None
        past = _day(article_date).after(when) if article_date else False
        out.append(Dated(span, when, relative, bool(ahead) or (cue and not past)))
    return out


def speaks_ahead(text: str, span: Span) -> bool:
    """Whether the words around a date speak of what lies ahead: a cue of the future before it
    (unless a past one comes between), or after a deadline ("By the end of 2004 Microsoft aims to
    launch"); never for a date a verb in the past follows ("…, 2004 saw a rise")."""
    if _PAST_AFTER.match(text, span.end):
        return False
    return bool(_PLANNED.search(text, max(0, span.start - PLANNED_REACH), span.start)
                or (_DEADLINE.search(text, max(0, span.start - 20), span.start) and _PLANNED_AFTER.match(text, span.end)))


@dataclass(frozen=True)
class Event:
    """One line of the timeline: a date and the sentences (one per article, first the earliest
    told) that give it for the same fact. `dated[i]` is where sentence i writes the date; with
    `article_date`, the sentence has no date of its own and takes its article's."""
    when: When
    sentences: tuple[int, ...]
    dated: tuple[Dated, ...]
    planned: bool
    article_date: bool = False
    others: tuple[Dated, ...] = ()  # the first sentence's other dates, each once, as written


@dataclass(frozen=True)
class Timeline:
    events: list[Event]  # oldest first
    unplaced: int  # sentences whose dates cannot be placed (relative to an undated article, a decade, a week)


def timeline(index: Index, fact_of: np.ndarray, sentences: Iterable[int] | None = None,
             retold: Callable[[Index, list[int]], Iterable[tuple[int, int, float]]] | None = None) -> Timeline:
    """The dated events among `sentences` (all of them by default), a sentence on one line. A
    sentence with no date of its own takes its article's date only when it opens a dated article
    (the news of the day), and says so. Only sentences holding a date span are read (found from the
    span arrays, not one by one). `retold` (`compare.retold`) pairs the sentences telling one
    thing with their figures agreeing, beyond the world's facts, and says how alike: two of them
    dated alike are one line."""
    chosen = np.arange(len(index)) if sentences is None else np.unique(np.fromiter(sentences, dtype=np.int64))
    dated_leads = index.article_first[:-1][[bool(article_day(a.date)) for a in index.articles]]
    leads = set(dated_leads.tolist())
    holds_date = np.isin(chosen, _with_dates(index))
    keep = holds_date | np.isin(chosen, dated_leads)
    read = {sent: dates_in(index, sent) for sent in chosen[keep].tolist()}
    loose = {(sent, d.span) for sent, dates in read.items() if dates for d in dates
             if _ungoverned_year(index.text_of(sent), d)}
    years = [d.when.year for sent, dates in read.items() for d in dates if (sent, d.span) not in loose] or \
        [d.when.year for dates in read.values() for d in dates]
    story_year = int(np.percentile(years, 75)) if years else 0  # the story's own time: its later dates of events
    found: list[tuple[When, int, Dated | None, tuple[Dated, ...]]] = []
    unplaced = 0
    for sent, holds in zip(chosen[keep].tolist(), holds_date[keep].tolist()):
        dates = [d for d in read[sent] if (sent, d.span) not in loose or d.when.year > story_year - HISTORY]
        if dates:
            main = next((d for d in dates if not d.planned), dates[0])
            others = {d.when: d for d in reversed(dates) if d.when != main.when}  # a date written twice is one
            found.append((main.when, sent, main, tuple(reversed(others.values()))))
        elif not read[sent] and sent in leads:
            found.append((_day(article_day(index.article_of(sent).date)), sent, None, ()))
        unplaced += holds and not read[sent]
    found.sort(key=lambda f: (f[0], f[1]))
    events = _merged(fact_of, found)
    if retold is not None:
        events = _joined(index, events, retold(index, [f[1] for f in found]))
    return Timeline(events, unplaced)


def _ungoverned_year(text: str, dated: Dated) -> bool:
    """Whether a date is a year alone that no preposition of time governs: long before the story's
    own, the year of a thing ("the sextant from 1731", "The 1991 laptop"; not "in 1980", "from 1997
    to 2001")."""
    when, span = dated.when, dated.span
    return when.precision == "year" and not when.to_year and not (
        _OF_TIME.search(text, max(0, span.start - 20), span.start) or _RANGE_NEXT.match(text, span.end))


def _named_year(text: str, span: Span, when: When) -> bool:
    """Whether a year alone is part of a name, not a date ("Windows 2000", "Windows 95, 98, 2000
    and XP"); a year a preposition of time governs is a date ("In 2000", "since 2000")."""
    if when.precision != "year" or when.to_year or _OF_TIME.search(text, max(0, span.start - 20), span.start):
        return False
    before = _NAME_BEFORE.search(text, max(0, span.start - 30), span.start)
    after = _NAME_AFTER.match(text, span.end)
    return after is not None or (before is not None and (before[1] or "").lower() not in _NO_NAME)


def _with_dates(index: Index) -> np.ndarray:
    """The sentences holding a date span, sorted."""
    owner = np.repeat(np.arange(len(index)), np.diff(index.span_ptr))
    return np.unique(owner[index.span_type == SPAN_TYPES.index("date")])


def _merged(fact_of: np.ndarray, found: list[tuple[When, int, Dated | None, tuple[Dated, ...]]]) -> list[Event]:
    """One event for each date and fact (a fact has one sentence in each article that tells it); a
    sentence dated by its article's date is one with the other articles' leads of that day telling
    its fact only."""
    events: list[Event] = []
    line_of: dict[tuple[When, int, bool], int] = {}  # (a date, a fact, dated by its article) → its event
    for when, sent, dated, others in found:
        key = (when, int(fact_of[sent]), dated is None)
        if key in line_of:
            e = events[line_of[key]]  # planned only if every telling says so ("since September 2014" is past)
            events[line_of[key]] = Event(when, (*e.sentences, sent), (*e.dated, *(dated,) * (dated is not None)),
                                         bool(dated and e.planned and dated.planned), e.article_date, e.others)
            continue
        line_of[key] = len(events)
        events.append(Event(when, (sent,), (dated,) if dated else (), bool(dated and dated.planned), dated is None,
                            others))
    return events


def _joined(index: Index, events: list[Event], pairs: Iterable[tuple[int, int, float]]) -> list[Event]:
    """Events joined where each sentence of one and each of the other tell one thing (`pairs`: a
    sentence telling no figure is not the bridge between two that differ) under dates that agree
    (the same, or one to a finer precision: "September 2024", "September 27, 2024"; a year alone
    only for sentences YEAR_ALIKE) and no article tells both; the line is under the finest date,
    its sentence first. Two leads dated by their articles are joined only with each other, on one
    day: the two articles' openings telling one statement (an edited article and its machine
    translation) are that day's one event."""
    pairs = list(pairs)
    alike = {(min(x, y), max(x, y)): close for x, y, close in pairs}
    line_of = {sent: n for n, e in enumerate(events) for sent in e.sentences}
    root = list(range(len(events)))
    for x, y, _ in pairs:
        if x not in line_of or y not in line_of:
            continue
        a, b = root[line_of[x]], root[line_of[y]]
        ea, eb = events[a], events[b]
        least = YEAR_ALIKE if "year" in (ea.when.precision, eb.when.precision) else 0.0
        told_by = set(index.sent_article[list(ea.sentences)].tolist())
        if a == b or ea.article_date != eb.article_date or ea.when.after(eb.when) or eb.when.after(ea.when) \
                or not told_by.isdisjoint(index.sent_article[list(eb.sentences)].tolist()) \
                or any(alike.get((min(s, t), max(s, t)), -1.0) < least for s in ea.sentences for t in eb.sentences):
            continue
        fine, coarse = (a, b) if _RANK[ea.when.precision] >= _RANK[eb.when.precision] else (b, a)
        ef, ec = events[fine], events[coarse]
        events[fine] = Event(ef.when, (*ef.sentences, *ec.sentences), (*ef.dated, *ec.dated), ef.planned and ec.planned,
                             ef.article_date, ef.others)
        root = [fine if r == coarse else r for r in root]
    kept = [e for n, e in enumerate(events) if root[n] == n]
    return sorted(kept, key=lambda e: (e.when, e.sentences[0]))
