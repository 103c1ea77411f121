"""Screens over the game: the article reader, the help and the quit dialog."""
from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from briefbot.plain import short_date
from briefbot.render import help_table, two_columns
from briefbot.reply import Help, Reading
from briefbot.text import safe
from briefbot.tui.widgets import plain

WINDOW = 8000  # characters shown either side of a citation: all of a news article, not all of a huge file


class ReaderScreen(Screen[None]):
    """An article as its file reads, the cited sentence highlighted (it alone: a border beside its
    lines marked their whole paragraph) and scrolled into view. Three widgets whatever the article's
    size: the text before, the cited lines, the text after (each at most WINDOW characters)."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading, self.start, self.end = reading, reading.start, reading.end

    def compose(self) -> ComposeResult:
        a, text = self.reading, self.reading.text
        yield Static(plain(a.title), id="reader-title")
        yield Static(plain(f"{a.outlet or 'Outlet unknown'}, {short_date(a.date)}") + "\n"
                     + plain(f"{a.path}, line {a.line}"), id="reader-meta")
        first = max(text.rfind("\n", 0, self.start), text.rfind("\r", 0, self.start)) + 1
        last = min([i for i in (text.find("\n", self.end), text.find("\r", self.end)) if i >= 0] or [len(text)])
        first, last = max(first, self.start - WINDOW), min(last, self.end + WINDOW)
        top, bottom = max(0, first - WINDOW), min(len(text), last + WINDOW)
        lines = text[first:last].replace("\r\n", " \n").replace("\r", "\n")  # line ends, offsets kept
        cited = Text(safe(lines, lines=True))
        cited.stylize("bold reverse", self.start - first, self.end - first)
        with VerticalScroll(id="reader-text"):
            if top < first:
                yield Static(_lines(text[top:first], cut=top > 0, above=True), classes="context")
            yield Static(cited, classes="cited")
            if last < bottom:
                yield Static(_lines(text[last:bottom], cut=bottom < len(text), above=False), classes="context")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.query_one("#reader-text").scroll_to_widget, self.query_one(".cited"),
                                center=True, animate=False)


def _lines(text: str, cut: bool, above: bool) -> Text:
    """Text around the cited lines, line ends as the file has them, saying so where it was cut."""
    lines = text.splitlines()
    if not above and lines and not lines[0]:
        lines.pop(0)  # what follows the cited sentence on its line is in the cited block
    body = Text(safe("\n".join(lines), lines=True))
    if not cut:
        return body
    if above:
        return Text("\u2026 (the file begins earlier)\n", style="dim") + body
    return body + Text("\n\u2026 (the file goes on)", style="dim")


class HelpScreen(ModalScreen[None]):
    """The keys (from the app's own bindings) and the verbs (the session's help text)."""

    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close")]

    def __init__(self, keys: list[tuple[str, str]], intro: str,
                 verbs: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> None:
        super().__init__()
        self.keys, self.intro, self.verbs = keys, intro, verbs

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Group(Text("Keys", style="bold"), two_columns(self.keys)))
            yield Static(Group(Text("What you can type", style="bold"), help_table(Help(self.intro, self.verbs))))
            yield Static(Text("Escape closes this.", style="dim"))


class QuitScreen(ModalScreen[str]):
    """Asked before quitting a game that has something no file holds (facts uncovered, notes taken):
    dismissed with "save", "export" (only offered for unsaved notes), "quit" or "cancel"; it names
    the files they write. Cancel has the focus: an Enter meant for the next line of a shell writes
    no file into the folder and quits nothing. The arrows move between the buttons and stop at the
    ends: from Cancel, Right wrapped round to "Save and quit", and Right, Enter saved."""

    BINDINGS = [Binding("escape", "dismiss('cancel')", "Cancel"),
                Binding("left,up", "step(-1)", "Previous", show=False),
                Binding("right,down", "step(1)", "Next", show=False)]
    AUTO_FOCUS = "#cancel"

    def __init__(self, found: str, notes: bool, save_to: str, export_to: str, passes_over: bool) -> None:
        super().__init__()
        self.found, self.notes = found, notes  # found: View.found ("7 of 40 facts"), "" if not known
        self.save_to, self.export_to = save_to, export_to
        self.passes_over = passes_over  # a file named is the next free name past another game's

    def compose(self) -> ComposeResult:
        found = "what you uncovered" + (f" ({self.found})" if self.found else "")
        lost = f"{found} and your notes" if self.notes else found
        files = f"Save and quit writes {self.save_to}" + (f"; Export and quit, {self.export_to}" if self.notes
                                                          else "")
        with Vertical(id="quit-dialog"):
            yield Static(Text(f"This game is not saved: quitting loses {lost}. "
                              "Save it, and \u201crestore\u201d brings it back next time."))
            left_alone = " (another game's file there is left alone)" if self.passes_over else ""
            yield Static(Text(safe(f"{files}{left_alone}."), style="dim"))
            with Horizontal(id="quit-buttons"):
                yield Button("Save and quit", id="save", variant="primary")
                if self.notes:
                    yield Button("Export and quit", id="export")
                yield Button("Quit anyway", id="quit", variant="error")
                yield Button("Cancel", id="cancel")

    def action_step(self, by: int) -> None:
        buttons = list(self.query(Button))
        at = buttons.index(self.focused) if self.focused in buttons else len(buttons) - 1
        buttons[max(0, min(len(buttons) - 1, at + by))].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")
