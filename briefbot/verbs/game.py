"""The game itself: score, hint, sources, help, undo, restart, wait, about, quit."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefbot.parser import number_in
from briefbot.reply import OK, Heading, Help, Items, Reply, SourceInfo, Sources
from briefbot.text import STOP_WORDS, plural, safe
from briefbot.verbs.verb import OPTIONAL, REQUIRED, Verb

PAGE_CHARS = 1200  # about a screen of an article at 80 columns

if TYPE_CHECKING:
    from briefbot.parser import Command
    from briefbot.session import Session


def score(s: Session, command: Command) -> Reply:
    """The facts uncovered; on a big briefing with their share and the sources touched, as a count
    of all its facts ("3 of 7517") says little."""
    turns = s.state.turns + 1  # this one too, as the status line will show
    view = s.view(build=True)
    assert view.uncovered is not None and view.facts is not None and view.touched is not None
    if not view.big:
        return Reply(command.line, OK, verb="score").say(
            f"You have uncovered {view.found} from {plural(view.touched, 'source')} in {plural(turns, 'turn')}.")
    return Reply(command.line, OK, verb="score").say(
        f"You have uncovered {view.uncovered:,} fact{'s' * (view.uncovered != 1)} ({_share(view.uncovered, view.facts)} "
        f"of the {view.facts:,} the articles tell) from {view.touched} of {view.sources:,} sources "
        f"({_share(view.touched, view.sources)}) in {plural(turns, 'turn')}.")


def _share(part: int, whole: int) -> str:
    """A part of a whole as a percentage: "0.4%", "12%", never "0.0%" for a part of something."""
    share = 100 * part / max(whole, 1)
    return "under 0.1%" if 0 < share < 0.05 else f"{share:.1f}%" if share < 10 else f"{share:.0f}%"


def hint(s: Session, command: Command) -> Reply:
    """The person, place or organisation with the most facts not yet uncovered (on a big briefing,
    where a look at everything says little); a source only when none of them has any left."""
    reply = Reply(command.line, OK, verb="hint")
    verbs = {"person": "talk to", "place": "go to", "organisation": "examine"}
    things = [(s.left(thing.sentences), f"{verbs.get(thing.kind, 'examine')} {thing.name}") for thing in s.world.things]
    left, action = max(things, default=(0, ""))
    if left == 0:
        sources = [(s.left(list(s.index.sentences_of(n))), f"read source {n + 1}") for n in range(len(s.index.articles))]
        left, action = max(sources, default=(0, ""))
    if left == 0:
        return reply.say("You have uncovered everything in this briefing.")
    return reply.say(f"Try `{action}`: {plural(left, 'fact')} there you have not uncovered.")


def sources(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="sources")
    reply.blocks.append(Sources(tuple(
        SourceInfo(n, a.title, a.outlet, a.date, a.url, a.path, a.source, len(s.index.sentences_of(n - 1)),
                   a.offsets, s.shown_path(a.path)) for n, a in enumerate(s.index.articles, 1))))
    return reply


def read_source(s: Session, command: Command) -> Reply:
    """An article's text, a page at a time (`more` reads on). Reading uncovers what is read: the
    sentences of the paragraphs shown, not the whole article."""
    n = number_in(command.obj)
    reply = Reply(command.line, OK, verb="read_source")
    if n is None or not 1 <= n <= len(s.index.articles):
        return reply.refuse(f"Which source? Say `read source N`, N from 1 to {len(s.index.articles)}.")
    article = s.index.articles[n - 1]
    reply.blocks.append(Heading(article.label))
    reply.say(safe(f"{article.outlet or 'Outlet unknown'}, {article.date or 'undated'} \u2014 {s.shown_path(article.path)}"))
    return read_page(s, reply, n, 0)


def read_page(s: Session, reply: Reply, n: int, first: int) -> Reply:
    """Source n's paragraphs from `first`, about a screen of them; where to read on is kept for `more`."""
    article = s.index.articles[n - 1]
    last, size = first, 0
    while last < len(article.paragraphs) and (last == first or size < PAGE_CHARS):
        a, b = article.paragraphs[last]
        size += b - a
        last += 1
    sents = s.index.sentences_of(n - 1)
    for sent in sents:
        if first <= s.index.sent_para[sent] < last:
            s.uncover(sent)
    if last > first:
        reply.blocks.append(Items("Text", tuple(article.text[a:b] for a, b in article.paragraphs[first:last])))
    left = len(article.paragraphs) - last
    s.state.source_page = [n, last] if left else []
    reply.say(f"({plural(left, 'more paragraph')}: `more` reads on.)" if left else "(The end of the article.)")
    return reply


def help_(s: Session, command: Command) -> Reply:
    """Every verb by family; `help VERB` that verb's line and the other ways to say it."""
    from briefbot.verbs.table import HELP_INTRO, HELP_ROWS
    reply = Reply(command.line, OK, verb="help")
    verb = s.verbs[s.parser.parse(command.obj).verb] if command.obj else None
    if verb is None or not verb.help:
        if verb is not None and verb.name == "question" and command.obj.lower() not in STOP_WORDS:  # not "help me"
            reply.refuse(safe(f"There is no verb \u201c{command.obj}\u201d. Help covers these (anything else is "
                              "a question):"))  # an error: `briefbot ask "help xyzzy"` exits 1, as a mistyped verb
        reply.blocks.append(Help(HELP_INTRO, HELP_ROWS))
        return reply
    typed = verb.usage or verb.aliases[0]
    reply.say(f"`{typed}`: {verb.help}{'' if verb.help.endswith(('.', '…')) else '.'}")
    others = [a for a in verb.aliases if a and not re.search(rf"(?<!\w){re.escape(a)}(?!\w)", typed)]
    return reply.say(f"Also said: {', '.join(others)}.") if others else reply


def wait(s: Session, command: Command) -> Reply:
    return Reply(command.line, OK, verb="wait").say(
        "Time passes. Nothing in the articles changes while you wait: ask something, or `hint`.")


def restart(s: Session, command: Command) -> Reply:
    """A new game on the same briefing: nothing seen, noted or asked; `undo` takes it back. (The
    room it shows uncovers nothing, so undo's step of it has nothing to take from the old game.)"""
    unsaved = len([n for n in s.state.notebook if n not in s.saved_notebook])
    s.reset()
    reply = Reply(command.line, OK, verb="restart")
    if unsaved:
        reply.say(f"(The {plural(unsaved, 'unsaved note')} went with the old game: `undo` brings "
                  f"{'them' if unsaved != 1 else 'it'} back.)")
    reply.say("A new game: nothing seen or noted yet.")
    reply.blocks += s.opening(brief=False).blocks
    return reply


def undo(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="undo")
    if not s.undo_stack:
        return reply.refuse("There is nothing to undo.")
    undone, s.state, seen = s.undo_stack.pop()
    s.state.seen.difference_update(seen)
    stop = "" if undone.endswith((".", "?", "!")) else "."  # not "Undone: how many partners?."
    return reply.say(f"Undone: {undone}{stop} You are in: {s.state.room}.")


def about(s: Session, command: Command) -> Reply:
    from briefbot import __version__
    return Reply(command.line, OK, verb="about").say(f"briefbot {__version__}")


def quit_(s: Session, command: Command) -> Reply:
    reply = Reply(command.line, OK, verb="quit")
    if s.unsaved_notes:
        reply.say("Your notebook has notes not yet saved or exported.", "warning")
    if s.unsaved_facts:
        reply.say("What you have uncovered is not saved: `save` keeps the game, `restore` brings it back.", "warning")
    return reply.say("Goodbye.")


VERBS = (
    Verb("sources", ("sources", "articles"), "the articles", False, sources),
    Verb("read_source", ("read source", "open source", "source"), "an article's text", True, read_source,
         REQUIRED, usage="read source N"),
    Verb("score", ("score",), "how much you have uncovered", False, score),
    Verb("hint", ("hint", "hints"), "where to look next", False, hint),
    Verb("undo", ("undo",), "step back a turn", False, undo, takes_turn=False),
    Verb("restart", ("restart",), "a new game on the same articles (undo takes it back)", True, restart,
         takes_turn=False),
    Verb("wait", ("wait", "z"), "", False, wait),
    Verb("help", ("help", "?", "h"), "this list; help VERB: that verb", False, help_, OPTIONAL, usage="help [VERB]",
         takes_turn=False, of_verbs=True, repeatable=False),
    Verb("about", ("about", "version"), "", False, about),
    Verb("quit", ("quit", "q", "exit", "bye"), "leave the game", False, quit_, usage="quit (q)", takes_turn=False,
         repeatable=False),
)
