"""The story's shape as Reply blocks: timeline events as dated passages, contrasts as differences,
the brief as passages, a list of who is quoted and its key dates. Every line a cited sentence."""
from __future__ import annotations

from briefbot.brief import Brief, Quoted
from briefbot.compare import Comparison
from briefbot.reply import Block, Dated, Difference, Heading, Items, Message, Passage
from briefbot.plain import PLAIN_WIDTH, cut
from briefbot.search import Searcher
from briefbot.text import plural
from briefbot.timeline import Event

MAX_EVENTS = 40  # timeline lines shown at once; the rest are counted
MAX_DIFFERENCES = 6  # the strongest shown (compare orders them), the rest counted: a reply stays readable
MAX_SPELLINGS = 5
MAX_ONLY_IN = 4  # sentences shown of what one article alone says (the most central); the rest are counted
QUOTED_WIDTH = PLAIN_WIDTH - 2  # a line of who is quoted, indented
SCREEN_ROWS = 23  # the brief in plain text fits 80x24 with the prompt: its facts' second rows fill what is left


def event_blocks(searcher: Searcher, events: list[Event], first: int = 1, one_line: bool = False) -> list[Block]:
    """Timeline lines, numbered from `first` (for `note N`); the date marked in the sentence (`one_line`:
    the sentence cut around it, as the brief shows its key dates)."""
    blocks: list[Block] = []
    for n, event in enumerate(events[:MAX_EVENTS], first):
        sent, *others = event.sentences
        answer = searcher.answer(sent, others=others, span=None if event.article_date else event.dated[0].span)
        label = str(event.when) + (", planned" if event.planned else "") + (" (article date)" if event.article_date else "")
        if event.others:  # a sentence is one line: its other dates are named on it
            label += " (also " + "; ".join(str(d.when) + (", planned" if d.planned else "") for d in event.others) + ")"
        span = answer.answer_span
        focus = ((span.start, span.end) if span else (0, 0)) if one_line else None
        blocks.append(Dated(n, answer, label=label, focus=focus, source=_source(searcher, sent), when=str(event.when),
                            precision=event.when.precision, planned=event.planned, article_date=event.article_date))
    if len(events) > MAX_EVENTS:
        blocks.append(Message(f"({len(events) - MAX_EVENTS} more dated events: `timeline TOPIC` narrows them.)"))
    return blocks


def comparison_blocks(searcher: Searcher, comparison: Comparison) -> list[Block]:
    """Each contrast as a difference, then each name written two ways, then the few sentences one
    article alone tells that are most central to what is compared (numbered), the rest counted."""
    blocks: list[Block] = [Difference(c.kinds, searcher.answer(c.a), searcher.answer(c.b), c.a_marks, c.b_marks)
                           for c in comparison.contrasts[:MAX_DIFFERENCES]]
    if len(comparison.contrasts) > MAX_DIFFERENCES:
        blocks.append(Message(f"({len(comparison.contrasts) - MAX_DIFFERENCES} more: `compare TOPIC` narrows them.)"))
    if comparison.spellings:
        blocks.append(Message("Names written two ways (the same name spelt otherwise, no disagreement):"))
        blocks += [Difference(c.kinds, searcher.answer(c.a), searcher.answer(c.b), c.a_marks, c.b_marks)
                   for c in comparison.spellings[:MAX_SPELLINGS]]
        if len(comparison.spellings) > MAX_SPELLINGS:
            blocks.append(Message(f"({len(comparison.spellings) - MAX_SPELLINGS} more names written two ways.)"))
    for n, sent in enumerate(comparison.only_in[:MAX_ONLY_IN], 1):  # its citation names the article
        blocks.append(Passage(n, searcher.answer(sent), label=f"only in source {_source(searcher, sent)}"))
    if len(comparison.only_in) > MAX_ONLY_IN:
        rest = len(comparison.only_in) - MAX_ONLY_IN
        blocks.append(Message(f"({rest} more sentence{'s' * (rest != 1)} only one source tells.)"))
    return blocks


def brief_blocks(searcher: Searcher, story: Brief) -> list[Block]:
    n = len(story.facts)
    blocks: list[Block] = [Heading("Brief"), Message(
        f"{story.articles} article{'s' * (story.articles != 1)}; the story in {n} sentence{'s' * (n != 1)}:")]
    rows = 2 + (1 + len(story.quoted) if story.quoted else 0) + (1 + len(story.key_dates) if story.key_dates else 0) \
        + bool(story.disagreements)
    second = SCREEN_ROWS - rows - n  # facts, the first first, that may take a second row
    for number, (sent, others) in enumerate(story.facts, 1):  # (its citation says how many others tell it)
        blocks.append(Passage(number, searcher.answer(sent, others=list(others)), focus=story.focus[sent],
                              source=_source(searcher, sent), rows=1 + (number <= second)))
    if story.quoted:
        blocks.append(Items("Who is quoted", tuple(_quoted(q) for q in story.quoted)))
    if story.key_dates:
        blocks.append(Message("Key dates:"))
        blocks += event_blocks(searcher, story.key_dates, n + 1, one_line=True)
    if story.disagreements:
        blocks.append(Message(told_differently(story.disagreements, story.disagreeing) + ": `compare` shows where."))
    return blocks


def told_differently(contrasts: int, articles: int) -> str:
    """"3 things told differently, in 4 articles": compare's count and the brief's, worded once."""
    return f"{plural(contrasts, 'thing')} told differently, in {plural(articles, 'article')}"


def _source(searcher: Searcher, sent: int) -> int:
    """A sentence's article as `sources` numbers it."""
    return int(searcher.index.sent_article[sent]) + 1


def _quoted(quoted: Quoted) -> str:
    """"Arsene Wenger, Arsenal boss (63 statements in 20 sources)", the role cut to keep it one line
    of plain text: the brief is one screen."""
    person, said = quoted.person, len(quoted.person.sentences)
    sources = f" in {quoted.sources} sources" if quoted.sources > 1 else ""
    counted = f" ({said} statement{'s' * (said != 1)}{sources})"
    role = cut(person.role, QUOTED_WIDTH - len(person.name) - len(counted) - 2) if person.role else ""
    return f"{person.name}{', ' + role if role else ''}{counted}"
