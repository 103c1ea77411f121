"""The widgets of the game screen: the status line, the transcript of replies, the side panel and
the prompt. They render Reply blocks; every string that came from an article or the player is
turned into Text/Content from plain strings (never parsed as markup), through `render.safe`."""
from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.padding import Padding
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message as TextualMessage
from textual.style import Style
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Static

from briefbot.plain import compact_citation, full_citation, other_lines, seen_line
from briefbot.render import Titled, beside, heading_text, help_table, margin, message_text, numbered, passage_body, safe
from briefbot.reply import (Citation, Completion, Dated, Difference, Heading, Help, Items, Message, Passage, Reading,
                            Reply, Sources)
from briefbot.session import LONG_PASTE, MAX_LINE_CHARS, as_typed, echo
from briefbot.text import one_line
from briefbot.tui.story import StoryView

MAX_PASTED_LINES = 20  # a paste of more lines is a text, asked as one line (answered on what it asks)


def plain(text: str, style: str = "", lines: bool = False) -> Text:
    """Text from a string nobody vetted: no markup, control characters made visible (`text.safe`)."""
    return Text(safe(text, lines), style=style)


class StatusLine(Widget):
    """The Infocom status line: where you are on the left, score and turns on the right."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.room, self.score = "", ""
        self.thinking = False

    def show(self, room: str, score: str = "") -> None:
        self.room, self.score = room, score
        self.refresh()

    def think(self, thinking: bool) -> None:
        """Say (or stop saying) that a turn is taking a while, before the score."""
        if thinking != self.thinking:
            self.thinking = thinking
            self.refresh()

    def render(self) -> Text:
        score = Text.assemble(("thinking\u2026  ", "italic") if self.thinking else "", f"{self.score} ")
        room = plain(f" {self.room}")
        room.truncate(max(0, self.size.width - score.cell_len), overflow="ellipsis", pad=True)
        return room + score


class Citations(Widget, can_focus=True):
    """A passage's numbered citations, a line each; for an answer seen lately, its one line. One
    widget for them all (not one a citation) so that a turn mounts and lays out quickly: click a
    line, or focus it (Ctrl+O), move the cursor with Up/Down and press Enter, to read the article there."""

    BINDINGS = [
        Binding("enter", "open", "Read"),
        Binding("up", "step(-1)", "Previous", show=False),
        Binding("down", "step(1)", "Next", show=False),
        Binding("escape", "leave", "Prompt"),
    ]
    COMPONENT_CLASSES = {"citations--cursor", "citations--hover"}

    class Selected(TextualMessage):
        def __init__(self, citation: Citation) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self, passage: Passage, folder: str) -> None:
        super().__init__()
        self.styles.padding = (0, 0, 0, 0 if passage.seen_at is not None else margin(passage.number))  # under its passage
        self.auto_links = False  # the lines are styled here, by the cursor and the mouse
        self.passage, self.folder = passage, folder
        answer = passage.answer
        self.citations = [*answer.citations, *(v.citation for v in answer.versions)] if passage.full \
            else [passage.seen_as.citation] if passage.seen_as else answer.citations[:1]
        self.cursor = 0  # the citation Enter reads, marked while the widget has focus
        self.hovered: int | None = None

    def lines(self) -> list[str]:
        """One compact line (as wide as the widget), or with `x N` each citation in full and the
        other articles' own words."""
        answer, width = self.passage.answer, self.size.width or 77
        if self.passage.seen_at is not None:  # drawn from column 0: its number, then the line
            indent = margin(self.passage.number)
            return [f"{self.passage.number}.".ljust(indent) + safe(seen_line(self.passage, width - indent))]
        if not self.passage.full:
            others = len(answer.citations) - 1 + len(answer.versions)
            return [safe(compact_citation(1, answer.citations[0], others, width))]
        lines = [safe(full_citation(n, c, self.folder)) for n, c in enumerate(answer.citations, 1)]
        first = len(lines) + 1
        lines += [f"[{n}] also: {one_line(v.text)}\n    {safe(full_citation(n, v.citation, self.folder)[len(f'[{n}] '):])}"
                  for n, v in enumerate(answer.versions, first)]
        return lines

    def render(self) -> Content:
        lines = []
        for n, line in enumerate(self.lines()):
            style = Style.from_meta({"@click": f"open({n})", "citation": n})
            if n == self.cursor and self.has_focus:
                style = self.get_visual_style("citations--cursor") + style
            elif n == self.hovered:
                style = self.get_visual_style("citations--hover") + style
            lines.append(Content(line).stylize(style))
        return Content("\n").join(lines)

    def watch_hover_style(self, _: RichStyle, hover: RichStyle) -> None:
        if (hovered := hover.meta.get("citation")) != self.hovered:
            self.hovered = hovered
            self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def point(self, at: int) -> None:
        """Focus these citations with the cursor on citation `at` (counted from the end if negative)."""
        self.cursor = at % len(self.citations)
        self.refresh()
        self.focus()

    def action_open(self, at: int | None = None) -> None:
        if at is not None:
            self.cursor = at
        self.post_message(self.Selected(self.citations[self.cursor]))

    def action_step(self, step: int) -> None:
        """The citation before or after: in this passage, else in the one before or after it."""
        if 0 <= self.cursor + step < len(self.citations):
            self.point(self.cursor + step)
            return
        lists = list(self.screen.query(Citations))
        at = lists.index(self) + step
        if 0 <= at < len(lists):
            lists[at].point(-1 if step < 0 else 0)

    def action_leave(self) -> None:
        self.screen.query_one(PromptInput).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing goes to the prompt, as the player means it to."""
        if event.is_printable and event.character:
            prompt = self.screen.query_one(PromptInput)
            prompt.focus()
            prompt.insert_text_at_cursor(event.character)
            event.stop()


class PassageView(Static):
    """An answer: the sentence whole and set apart (the exact answer reversed in it), a dim line of
    context beside a short one. Its Citations follow it, indented as it is."""

    def __init__(self, passage: Passage, folder: str) -> None:
        body = passage_body(passage, folder, citations=False)
        super().__init__(numbered(passage.number, body))
        self.passage = passage
        self.sentence = body[0]  # the answer sentence, marked


class ReplyView(Vertical):
    """One turn: the line the player typed (if any) and what briefbot said back. Few widgets a
    turn (one a block, two a passage), made up front so the turn mounts and lays out in one pass."""

    def __init__(self, line: str | None, reply: Reply) -> None:
        super().__init__(*turn_widgets(line, reply))
        self.line, self.reply = line, reply


def turn_widgets(line: str | None, reply: Reply) -> list[Widget]:
    folder = reply.view.folder if reply.view else ""
    widgets: list[Widget] = []
    if line is not None:
        widgets.append(Static(plain(echo(line)), classes="echo"))
    for at, block in enumerate(reply.blocks):
        if isinstance(block, (Dated, Difference)):  # a timeline's lines, or the differences: one view
            if not (widgets and isinstance(widgets[-1], StoryView) and widgets[-1].kind is type(block)):
                widgets.append(StoryView(type(block)))
            widgets[-1].add(block)
        elif isinstance(block, Heading):
            heading: Text | Titled = heading_text(block, "")
            if line := beside(reply.blocks, at):  # its line beside it, where it fits
                heading = Titled(heading, message_text(line.text, "not bold not underline"))
            widgets.append(Static(heading, classes="heading"))
        elif isinstance(block, Message):
            if not (at and beside(reply.blocks, at - 1)):
                widgets.append(Static(message_text(block.text), classes=f"message {block.kind}"))  # coloured by kind
        elif isinstance(block, Items):
            items = [Padding(plain(item), (0, 0, 0, 2)) for item in block.items or ("none",)]
            widgets.append(Static(Group(Text(f"{block.title}:", style="bold"), *items), classes="items"))
        elif isinstance(block, Passage):
            shown: list[Widget] = [PassageView(block, folder)] if block.seen_at is None else []  # else one line
            shown.append(Citations(block, folder))
            if not any(isinstance(w, Citations) for w in widgets) and not (widgets and widgets[-1].has_class("heading")):
                # A line before a turn's answers (none under a heading: they are its text), none between
                # them: numbers and citations part them.
                shown[0].add_class("first-answer")
            widgets += shown
        elif isinstance(block, Help):
            widgets.append(Static(help_table(block), classes="items"))
        elif isinstance(block, Sources):
            widgets.append(Static(Group(*(plain(line) for line in other_lines(block))), classes="items"))
        elif isinstance(block, Reading):
            widgets.append(Static(plain(f"(The reader is open at {block.path}, line {block.line}.)"), classes="message"))
    return widgets


class Transcript(VerticalScroll, can_focus=False):
    """The game so far, as far back as a terminal's scrollback would keep it: older turns are let go
    so that each new one lays out as quickly as the first (the notebook keeps what matters)."""

    KEEP = 25  # turns

    def show(self, line: str | None, reply: Reply) -> None:
        """Add a turn and scroll to its start."""
        view = ReplyView(line, reply)
        mounted = self.mount(view)
        if len(self.children) > self.KEEP:
            self.remove_children(list(self.children)[: len(self.children) - self.KEEP])

        async def reveal() -> None:  # once the turn has its size: its first line at the top
            await mounted
            self.reveal_last()
        self.call_later(reveal)

    def reveal_last(self) -> None:
        """The last turn's first line at the top, once laid out (after a turn, or a change of width
        that reflows every turn before it)."""
        turns = self.query(ReplyView)
        if turns:
            self.call_after_refresh(self._to_top, turns.last())

    def _to_top(self, turn: ReplyView, tries: int = 3) -> None:
        """The turn's first line at the top: not the blank line that parts it from the turn before,
        a row a screen of 24 needs. A new width (Ctrl+B) reflows the turns over more than one layout
        pass: where the turn ended up is looked at again once the screen has settled (it stood five
        rows into a timeline)."""
        gap = turn.children[0].styles.margin.top if turn.children else 0
        y = turn.virtual_region.y + gap
        self.scroll_to(y=y, animate=False, immediate=True)
        if tries:
            self.call_after_refresh(self._settled, turn, y, tries - 1)

    def _settled(self, turn: ReplyView, y: int, tries: int) -> None:
        gap = turn.children[0].styles.margin.top if turn.children else 0
        if turn.is_attached and turn.virtual_region.y + gap != y:
            self._to_top(turn, tries)


class SidePanel(VerticalScroll, can_focus=False):
    """Who is here, the exits (click one to go there) and the notebook: what a player glances at
    between moves."""

    def compose(self):
        yield Static(id="people")
        yield Static(id="exits")
        yield Static(id="notes")

    shown: tuple = ()

    def show(self, people: tuple[str, ...] | None, exits: tuple[str, ...] | None, notes: int, unsaved: bool) -> None:
        """What the reply's View says is here."""
        if self.shown == (people, exits, notes, unsaved):
            return  # unchanged: spare the screen a layout pass
        self.shown = (people, exits, notes, unsaved)
        self.query_one("#people", Static).update(_section("People here", people))
        self.query_one("#exits", Static).update(_section("Exits", exits, "go to"))
        saved = " (not saved)" if unsaved else ""
        self.query_one("#notes", Static).update(
            Text("Notebook", style="bold").append(f"\n  {notes} note{'s' * (notes != 1)}{saved}"))


def _section(title: str, items: tuple[str, ...] | None, verb: str = "") -> Content:
    """A titled list; None when the room has not been looked at this session (after undo or restore).
    With a verb, clicking an item plays `verb item` ("go to Baghdad")."""
    if items is None:
        return Content.assemble((title, "bold"), ("\n  (type look)", "dim"))
    parts: list[Content | str | tuple[str, str]] = [(title, "bold")]
    for item in items:
        entry = Content(safe(item))
        if verb:
            entry = entry.stylize(Style.from_meta({"@click": f"app.play({f'{verb} {item}'!r})"}))
        parts += ["\n  ", entry]
    return Content.assemble(*parts, *([] if items else ["\n  none"]))


class CommandSuggester(Suggester):
    """Tab completion: a verb, or after a verb the name of a person, place or organisation (all
    from the session's verb table and world)."""

    def __init__(self, completion: Completion) -> None:
        super().__init__(case_sensitive=True)
        self.verbs = completion.verbs
        offered: dict[int, list[str]] = {}  # each verb's names filtered once, not once an alias
        for _, names in completion.naming:
            if id(names) not in offered:
                offered[id(names)] = _shown(names)
        self.naming = [(verb, offered[id(names)]) for verb, names in completion.naming]
        self.names = _shown(completion.names)
        # Whole names, for which there is nothing to complete: Tab's "go Baghdad" would show "go Baghdad
        # International Airport" straight after, as if Tab had put in another place than the one suggested.
        self.whole = {name.lower() for name in self.names}

    async def get_suggestion(self, value: str) -> str | None:
        """A verb phrase being typed ("read s" → "read source "), but after a verb the name of what it
        takes first ("go b" → "go Baghdad"; the verb "go back" once no place begins "bac"), unless the
        phrase takes a name of its own ("talk t" → "talk to "). Nothing after a whole name."""
        low = value.lower()
        phrase = next((verb for verb in self.verbs if low and verb.startswith(low) and len(verb) > len(low)), None)
        naming = next(((len(verb), names) for verb, names in self.naming if low.startswith(verb)), None)
        if phrase is not None and (naming is None or phrase.endswith(" ")):
            return value + phrase[len(value):]
        at, names = naming or (0, self.names if " " not in value else [])
        if low[at:] in self.whole:
            return None
        return _complete(value, at, names) or (value + phrase[len(value):] if phrase else None)


def _shown(names: Iterable[str]) -> list[str]:
    """Names to offer, each once. One that holds what safe() would change is never offered: Input
    shows a suggestion as it is, escape sequences and all (a world file's name could drive the terminal)."""
    return [name for name in dict.fromkeys(names) if safe(name) == name]


def _complete(value: str, at: int, candidates: Iterable[str]) -> str | None:
    """The value with its last part completed by the first candidate it begins."""
    fragment = value[at:].lower()
    if not fragment:
        return None
    for candidate in candidates:
        if candidate.lower().startswith(fragment) and len(candidate) > len(fragment):
            return value[:at] + candidate
    return None


class PromptInput(Input):
    """The `>` prompt: Up/Down walk the lines typed before, Tab accepts the completion. Keys are
    taken in the order they come, so a burst of lines (type-ahead, a paste the terminal does not
    bracket) is those lines, each a turn; a bracketed paste of several lines is a turn a line."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous line", show=False),
        Binding("down", "history(1)", "Next line", show=False),
        Binding("tab", "complete", "Complete", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, select_on_focus=False, max_length=MAX_LINE_CHARS, **kwargs)
        self.history: list[str] = []
        self.position = 0
        self.draft = ""

    async def _on_key(self, event: events.Key) -> None:
        """The prompt's own bound keys (Enter, Backspace, the arrows, Tab) run here, between the
        characters typed around them. Left to Textual they run once the key has bubbled up to the
        app (Textual issue #6605), when the characters after them are already in the box: "x pkk⏎
        score⏎hint⏎" in one burst was submitted three times as "x pkkscorehint"."""
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """The line on to the app, the box emptied at once: what is typed after Enter is the next line."""
        self.submit_line(self.value)

    def submit_line(self, line: str) -> None:
        self.value = ""
        self.post_message(self.Submitted(self, line))

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of one line goes into the box, as typed. Several lines are a turn each, in order
        (the first after what the box held); a text (a line of more than LONG_PASTE words, or more
        than MAX_PASTED_LINES lines) is one turn, answered on what it asks. Control sequences are
        dropped as from any line (`as_typed`)."""
        event.stop()
        event.prevent_default()  # Input's own paste keeps the first line only
        lines = [line for line in map(as_typed, event.text.splitlines()) if line.strip()]
        if not lines:
            return
        start, end = sorted(self.selection)
        if len(lines) > MAX_PASTED_LINES or any(len(line.split()) > LONG_PASTE for line in lines):
            lines = [" ".join(line.strip() for line in lines)]
        elif len(lines) == 1:
            self.replace(lines[0], start, end)
            return
        lines[0] = self.value[:start] + lines[0] + self.value[end:]
        for line in lines:
            self.submit_line(line)

    def remember(self, line: str) -> None:
        if line.strip() and (not self.history or self.history[-1] != line):
            self.history.append(line)
        self.position = len(self.history)

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self.position == len(self.history):
            self.draft = self.value
        self.position = max(0, min(len(self.history), self.position + step))
        self.value = self.history[self.position] if self.position < len(self.history) else self.draft
        self.cursor_position = len(self.value)

    @property
    def _value(self) -> Text:
        """The value as Input draws it, through `safe` (the same length, so the cursor stays put):
        a line played from the palette or pasted may hold a name's escape sequences."""
        return Text(safe(self.value), no_wrap=True, overflow="ignore", end="")

    def action_complete(self) -> None:
        if self.cursor_at_end:
            self.action_cursor_right()  # accepts the suggestion shown, if any
