"""Screens over the game: the article reader, the help and the quit dialog."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from briefbot.corpus import Article
from briefbot.render import safe
from briefbot.tui.widgets import plain


class ReaderScreen(Screen[None]):
    """An article as its file reads, the cited sentence highlighted and scrolled into view."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, article: Article, start: int, end: int) -> None:
        super().__init__()
        self.article, self.start, self.end = article, start, end

    def compose(self) -> ComposeResult:
        a = self.article
        line = a.line_of(self.start)
        yield Static(plain(f" {a.label}"), id="reader-title")
        yield Static(plain(f" {a.outlet or 'Outlet unknown'}, {a.date or 'undated'} \u2014 {a.path}, line {line}"),
                     id="reader-meta")
        with VerticalScroll(id="reader-text"):
            offset = 0  # every line, blank ones too, so the article reads as its file does
            for row in a.text.splitlines(keepends=True):
                yield self._line(offset, offset + len((row.splitlines() or [""])[0]))
                offset += len(row)
        yield Footer()

    def _line(self, start: int, end: int) -> Static:
        text = Text(safe(self.article.text[start:end]))
        lo, hi = max(start, self.start), min(end, self.end)
        if lo >= hi:
            return Static(text, classes="line")
        text.stylize("bold reverse", lo - start, hi - start)
        return Static(text, classes="line cited")

    def on_mount(self) -> None:
        cited = self.query(".cited")
        if cited:
            self.call_after_refresh(self.query_one("#reader-text").scroll_to_widget, cited.first(),
                                    center=True, animate=False)


class HelpScreen(ModalScreen[None]):
    """The keys (from the app's own bindings) and the verbs (the session's help text)."""

    BINDINGS = [Binding("escape,f1,q", "app.pop_screen", "Close")]

    def __init__(self, keys: list[tuple[str, str]], verbs: str) -> None:
        super().__init__()
        self.keys, self.verbs = keys, verbs

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.keys), default=0) + 2
        keys = Text("Keys", style="bold")
        for key, description in self.keys:
            keys.append(f"\n  {key.ljust(width)}{description}")
        with VerticalScroll(id="help"):
            yield Static(keys)
            yield Static(Text("What you can type", style="bold") + Text("\n" + self.verbs))
            yield Static(Text("Escape closes this.", style="dim"))


class QuitScreen(ModalScreen[str]):
    """Asked before quitting with notes not yet saved: dismissed with "export", "quit" or "cancel"."""

    BINDINGS = [Binding("escape", "dismiss('cancel')", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog"):
            yield Static(Text("Your notebook has notes you have not saved or exported.\nQuit anyway?"))
            with Horizontal(id="quit-buttons"):
                yield Button("Export and quit", id="export", variant="primary")
                yield Button("Quit anyway", id="quit", variant="error")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")
