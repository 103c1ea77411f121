"""The story's shape as Reply blocks: timeline events as dated passages, contrasts as differences,
the brief as passages, a list of who is quoted and its key dates. Every line a cited sentence."""
from __future__ import annotations

from briefbot.brief import Brief
from briefbot.compare import Comparison
from briefbot.reply import Block, Dated, Difference, Heading, Items, Message, Passage
from briefbot.search import Searcher
from briefbot.timeline import Event

MAX_EVENTS = 40  # timeline lines shown at once; the rest are counted
MAX_DIFFERENCES = 20
MAX_ONLY_IN = 3  # sentences shown of what each article alone says


def event_blocks(searcher: Searcher, events: list[Event], first: int = 1) -> list[Block]:
    """Timeline lines, numbered from `first` (for `note N`); the date marked in the sentence."""
    blocks: list[Block] = []
    for n, event in enumerate(events[:MAX_EVENTS], first):
        sent, *others = event.sentences
        answer = searcher.answer(sent, others=others, span=None if event.article_date else event.dated[0].span)
        label = str(event.when) + (", planned" if event.planned else "") + (" (article date)" if event.article_date else "")
        if event.others:  # a sentence is one line: its other dates are named on it
            label += " (also " + "; ".join(str(d.when) + (", planned" if d.planned else "") for d in event.others) + ")"
        blocks.append(Dated(n, answer, label=label, when=str(event.when), precision=event.when.precision,
                            planned=event.planned, article_date=event.article_date))
    if len(events) > MAX_EVENTS:
        blocks.append(Message(f"({len(events) - MAX_EVENTS} more dated events: `timeline TOPIC` narrows them.)"))
    return blocks


def comparison_blocks(searcher: Searcher, comparison: Comparison) -> list[Block]:
    """Each contrast as a difference, then a few sentences each article alone tells (numbered)."""
    idx = searcher.index
    blocks: list[Block] = [Difference(c.kinds, searcher.answer(c.a), searcher.answer(c.b), c.a_marks, c.b_marks)
                           for c in comparison.contrasts[:MAX_DIFFERENCES]]
    if len(comparison.contrasts) > MAX_DIFFERENCES:
        blocks.append(Message(f"({len(comparison.contrasts) - MAX_DIFFERENCES} more: `compare TOPIC` narrows them.)"))
    shown: dict[int, int] = {}
    n = 0
    for sent in comparison.only_in:
        article = int(idx.sent_article[sent])
        if shown.get(article, 0) < MAX_ONLY_IN:
            shown[article] = shown.get(article, 0) + 1
            n += 1
            blocks.append(Passage(n, searcher.answer(sent), label=f"only in {idx.articles[article].label}"))
    return blocks


def brief_blocks(searcher: Searcher, story: Brief) -> list[Block]:
    n = len(story.facts)
    blocks: list[Block] = [Heading("Brief"), Message(
        f"{story.articles} article{'s' * (story.articles != 1)}; the story in {n} sentence{'s' * (n != 1)}:")]
    for number, (sent, others) in enumerate(story.facts, 1):
        told = len(others) + 1
        blocks.append(Passage(number, searcher.answer(sent, others=list(others)),
                              label=f"told by {told} sources" if told > 1 else ""))
    if story.quoted:
        blocks.append(Items("Who is quoted", tuple(
            c.name + (f", {c.role}" if c.role else "") + f" ({len(c.sentences)} statement{'s' * (len(c.sentences) != 1)})"
            for c in story.quoted)))
    if story.key_dates:
        blocks.append(Message("Key dates:"))
        blocks += event_blocks(searcher, story.key_dates, n + 1)
    if story.disagreements:
        blocks.append(Message(f"The sources tell {story.disagreements} thing{'s' * (story.disagreements != 1)} "
                              "differently: `compare` shows where."))
    return blocks
