"""The story's shape in the TUI: a timeline one moves through line by line, and the differences
between sources in two columns (one above the other when the transcript is narrow); Enter on a
line reads its article there."""
from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message as TextualMessage
from textual.widget import Widget
from textual.widgets import Input, Static

from briefbot.render import COLUMNS_FROM, citation_line, dated, marked
from briefbot.reply import Citation, Dated, Difference


class StoryLine(Static):
    """A cited sentence the cursor can rest on: a timeline line or one side of a difference."""

    def __init__(self, renderable: Group | Text, citation: Citation) -> None:
        super().__init__(renderable)
        self.citation = citation

    def on_click(self) -> None:
        view = next(a for a in self.ancestors if isinstance(a, StoryView))
        view.point(view.lines.index(self))
        view.action_open()


class DifferencePair(Widget):
    """A difference: what kind it is, then its two sides, side by side where there is room."""

    DEFAULT_CSS = """
    DifferencePair { height: auto; layout: vertical; margin-bottom: 1; }
    DifferencePair > .sides { height: auto; layout: vertical; }
    DifferencePair.columns > .sides { layout: horizontal; }
    DifferencePair.columns > .sides > StoryLine { width: 1fr; }
    DifferencePair > .sides > StoryLine.second { margin-top: 1; }
    DifferencePair.columns > .sides > StoryLine.second { margin: 0 0 0 2; }
    """

    def __init__(self, block: Difference) -> None:
        super().__init__()
        self.block = block

    def compose(self) -> ComposeResult:
        b = self.block
        yield Static(Text("\u2260 " + ", ".join(b.kinds), style="bold yellow"))
        with Vertical(classes="sides"):
            for n, (answer, marks) in enumerate(((b.first, b.first_marks), (b.second, b.second_marks)), 1):
                line = StoryLine(Group(marked(answer.text, marks), citation_line(n, answer.citations[0])),
                                 answer.citations[0])
                yield line.set_class(n == 2, "second")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= COLUMNS_FROM, "columns")


class StoryView(Vertical, can_focus=True):
    """A reply's timeline lines or differences: Ctrl+O (or a click) puts the cursor on them, Up and
    Down move it (the transcript scrolls along), Enter reads the article at the line, Escape goes
    back to the prompt, and typing goes to the prompt."""

    BINDINGS = [
        Binding("enter", "open", "Read"),
        Binding("up", "step(-1)", "Previous", show=False),
        Binding("down", "step(1)", "Next", show=False),
        Binding("home", "go(0)", "First", show=False),
        Binding("end", "go(-1)", "Last", show=False),
        Binding("escape", "leave", "Prompt"),
    ]
    DEFAULT_CSS = """
    StoryView { height: auto; }
    StoryView:focus StoryLine.cursor { background: $accent 30%; }
    """

    class Selected(TextualMessage):
        """Read the article at this citation."""

        def __init__(self, citation: Citation) -> None:
            super().__init__()
            self.citation = citation

    def __init__(self, kind: type[Dated] | type[Difference]) -> None:
        super().__init__(classes="differences" if kind is Difference else "")
        self.kind = kind
        self.blocks: list[Dated | Difference] = []
        self.cursor = 0

    def add(self, block: Dated | Difference) -> None:
        """Another line (before the view is mounted)."""
        self.blocks.append(block)

    def compose(self) -> ComposeResult:
        for block in self.blocks:
            if isinstance(block, Difference):
                yield DifferencePair(block)
            else:
                yield StoryLine(dated(block), block.answer.citations[0])

    @property
    def lines(self) -> list[StoryLine]:
        return list(self.query(StoryLine))

    def point(self, at: int) -> None:
        """The cursor on line `at` (counted from the end if negative), focused and in view."""
        lines = self.lines
        self.cursor = at % len(lines)
        for n, line in enumerate(lines):
            line.set_class(n == self.cursor, "cursor")
        self.focus(scroll_visible=False)
        lines[self.cursor].scroll_visible(animate=False)

    def on_focus(self) -> None:
        self.point(self.cursor)

    def action_step(self, step: int) -> None:
        self.point(max(0, min(len(self.lines) - 1, self.cursor + step)))

    def action_go(self, at: int) -> None:
        self.point(at)

    def action_open(self) -> None:
        self.post_message(self.Selected(self.lines[self.cursor].citation))

    def action_leave(self) -> None:
        self.screen.query_one("#prompt", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing goes to the prompt, as the player means it to."""
        if event.is_printable and event.character:
            prompt = self.screen.query_one("#prompt", Input)
            prompt.focus()
            prompt.insert_text_at_cursor(event.character)
            event.stop()
