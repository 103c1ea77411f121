"""The story's shape: brief, timeline and compare (the engines are `brief`, `timeline`, `compare`;
`story_blocks` makes their Reply blocks). The engines are imported by the verb that runs them: a
question never needs their 1,800 lines and patterns (a warm `briefbot ask` would pay ≈40 ms)."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import numpy as np

from briefbot.cache import cache_dir
from briefbot.parser import number_in
from briefbot.reply import NO_ANSWER, OK, Heading, Reply
from briefbot.text import plural
from briefbot.verbs.verb import OPTIONAL, Verb

if TYPE_CHECKING:
    from briefbot.index import Index
    from briefbot.parser import Command
    from briefbot.session import Session

SEEN_FILE = "briefings-seen"  # in the cache folder: a key a line, each a briefing opened before


def timeline(s: Session, command: Command) -> Reply:
    from briefbot.compare import retold
    from briefbot.story_blocks import event_blocks
    from briefbot.timeline import timeline as story_timeline
    reply = Reply(command.line, OK, verb="timeline")
    sentences = _on_topic(s, reply, command.obj)
    if reply.status == NO_ANSWER:
        return reply
    found = story_timeline(s.index, s.world.fact_of, sentences, retold)
    reply.blocks.append(Heading("Timeline" + (f": {command.obj}" if command.obj else "")))
    if not found.events:
        reply.status = NO_ANSWER
        reply.say("No sentence there gives a date the articles let briefbot place.")
    s.show_blocks(reply, event_blocks(s.searcher, found.events))
    if found.unplaced:
        reply.say(f"({plural(found.unplaced, 'more sentence')} give a date that cannot be placed: "
                  "relative to an undated article, a decade or a week.)")
    return reply


def compare(s: Session, command: Command) -> Reply:
    from briefbot.compare import compare as story_compare
    from briefbot.story_blocks import comparison_blocks, told_differently
    reply = Reply(command.line, OK, verb="compare")
    words = command.obj.replace(" and ", " ").replace(",", " ").split()
    numbers = [n for w in words if (n := number_in(w)) is not None]
    if len(words) == len(numbers) == 2:  # "compare 1 2": two sources
        if numbers[0] == numbers[1] or not all(1 <= n <= len(s.index.articles) for n in numbers):
            return reply.refuse(f"Compare which sources? Two numbers from 1 to {len(s.index.articles)}.")
        sentences = [n for source in numbers for n in s.index.sentences_of(source - 1)]
    else:
        sentences = _on_topic(s, reply, command.obj)
        if reply.status == NO_ANSWER:
            return reply
    comparison = story_compare(s.index, s.searcher.same_fact, sentences)
    reply.blocks.append(Heading("Compare" + (f": {command.obj}" if command.obj else "")))
    if len(comparison.articles) < 2:
        reply.status = NO_ANSWER
        return reply.say("Only one article tells of that: there is nothing to compare it with.")
    n = len(comparison.contrasts)
    reply.say(f"{told_differently(n, comparison.disagreeing)} (of {len(comparison.articles)} compared)."
              if n else f"The {len(comparison.articles)} sources never tell the same thing differently.")
    return s.show_blocks(reply, comparison_blocks(s.searcher, comparison))


def brief(s: Session, command: Command) -> Reply:
    return brief_onto(s, Reply(command.line, OK, verb="brief"))


def brief_onto(s: Session, reply: Reply) -> Reply:
    """The brief added to a reply: the verb's, or the briefing room's look. It uncovers nothing for
    `score`: the brief is handed to the player on arrival, as a room's description is, and the
    score counts what they find by asking (a question it answers is then shown in full, not as
    "seen at turn 0")."""
    from briefbot.brief import brief as story_brief
    from briefbot.story_blocks import brief_blocks
    story = story_brief(s.index, s.world)
    return s.show_blocks(reply, brief_blocks(s.searcher, story), uncover=False)


def first_visit(index: Index) -> bool:
    """Whether this briefing (these articles) is opened for the first time, remembering that it has
    been now: a new briefing opens on its brief. Kept in the cache folder (clearing the cache shows
    the brief again); a briefing that cannot be remembered is taken as new."""
    key = hashlib.sha256("\n".join(sorted(a.source for a in index.articles)).encode()).hexdigest()[:32]
    seen = cache_dir() / SEEN_FILE
    try:
        if key in seen.read_text(encoding="utf-8").split():
            return False
    except (OSError, UnicodeDecodeError):
        pass  # not written yet, or unreadable
    try:
        seen.parent.mkdir(parents=True, exist_ok=True)
        with seen.open("a", encoding="utf-8") as f:
            f.write(key + "\n")
    except OSError:
        pass
    return True


def _on_topic(s: Session, reply: Reply, topic: str) -> np.ndarray | None:
    """The sentences a verb's topic covers (None: all); no answer when the articles never name it."""
    if not topic:
        return None
    from briefbot.topic import sentences_on
    sentences = sentences_on(s.index, topic)
    if not len(sentences):
        reply.status = NO_ANSWER
        reply.say(f"The articles never mention {topic}.")
    return sentences


# Each puts its lines on the table (`note N` takes them) and uncovers what they tell: a step of its
# own for undo (it was the question's before it, and undo took both back).
VERBS = (
    Verb("brief", ("brief", "briefing", "summary", "summarise", "summarize", "overview", "the story",
                   "what is the story", "what is the story about", "what is this about", "what is going on"),
         "the story at a glance: key facts, who is quoted, key dates", True, brief),
    Verb("timeline", ("timeline", "timeline of", "chronology"), "the story's dated events in order (about X)",
         True, timeline, OPTIONAL, usage="timeline [X]"),
    Verb("compare", ("compare",), "where the sources tell it differently (on X; sources N and M)", True,
         compare, OPTIONAL, usage="compare [X | N M]"),
)
