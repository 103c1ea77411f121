"""The briefbot app: a text adventure over the articles. It hands each typed line to
`Session.handle` and renders the Reply; loading, retrieval and the world all live in the engine."""
from __future__ import annotations

import gc
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from multiprocessing import resource_tracker
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal
from textual.content import Content
from textual.markup import escape
from textual.timer import Timer
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from briefbot.plain import full_citation
from briefbot.render import safe
from briefbot.reply import ERROR, Citation, Completion, Message, Passage, Reading, Reply, View
from briefbot.session import HELP_INTRO, HELP_ROWS, CorpusError, Session
from briefbot.text import one_line
from briefbot.tui.paste import use_paste_parser
from briefbot.tui.screens import HelpScreen, QuitScreen, ReaderScreen
from briefbot.tui.story import StoryView
from briefbot.tui.widgets import (Citations, CommandSuggester, PromptInput, ReplyView, SidePanel, StatusLine,
                                  Transcript)

if TYPE_CHECKING:
    from textual.driver import Driver

    from briefbot.index import Index

EXIT_OK, EXIT_UNUSABLE = 0, 2
# For the start-up benchmark: set to time.time() when spawning briefbot; it quits once ready for input
# and prints on stderr how long after that it was ready.
EXIT_WHEN_READY = "BRIEFBOT_TUI_EXIT_WHEN_READY"
PANEL_FROM = 100  # columns from which the side panel is shown beside the transcript
MAX_WARNINGS = 5  # loading warnings shown one by one; the rest are counted
THINKING_AFTER = 0.15  # seconds a turn runs before the status line says briefbot is thinking
COLLECT_AFTER = 0.2  # seconds after the last reply is shown before garbage collection may run again


class BriefingCommands(Provider):
    """The command palette's places, people, dossiers and sources; choosing one plays its line."""

    def _entries(self) -> list[tuple[str, str, str]]:
        """(what the palette shows, the line it plays, a word of help)."""
        completion = self.app.completion if isinstance(self.app, BriefbotApp) else None
        if completion is None:
            return []
        # The palette reads help text as markup (the prompt is given as Content): escape it.
        return [(safe(shown), line, escape(safe(about))) for shown, line, about in completion.commands]

    async def discover(self) -> Hits:
        for shown, line, about in self._entries():
            yield DiscoveryHit(Content(shown), partial(self.app.play, line), text=shown, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for shown, line, about in self._entries():
            if score := matcher.match(shown):
                yield Hit(score, Content(shown), partial(self.app.play, line), text=shown, help=about)


class BriefbotApp(App[int]):
    CSS_PATH = Path(__file__).with_name("briefbot.tcss")
    TITLE = "briefbot"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+o", "citations", "Citations"),
        Binding("ctrl+y", "copy_answer", "Copy answer"),
        Binding("ctrl+b", "toggle_panel", "Panel"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("pageup", "page(-1)", "Scroll up", show=False),
        Binding("pagedown", "page(1)", "Scroll down", show=False),
    ]

    def __init__(self, paths: list[str] | None = None, use_cache: bool = True, index: Index | None = None,
                 home: Path | None = None, exit_when_ready: bool = False) -> None:
        super().__init__()
        self.paths, self.use_cache, self.index, self.home = paths, use_cache, index, home
        self.exit_when_ready = exit_when_ready
        self.session: Session | None = None
        self.view: View | None = None  # of the last reply shown
        self.completion: Completion | None = None  # what Tab and the palette offer, once loaded
        self.exported = ""  # what the last export said (where it wrote), each line made safe
        self.farewell = ""  # said on the terminal after the app has gone (its lines, each made safe):
        # where "Export and quit" wrote
        self.last_passage: Passage | None = None
        self.panel_wanted: bool | None = None  # None: shown when the terminal is wide enough
        self.exit_status = EXIT_OK
        self.ready_at: float | None = None  # when the benchmark's run was ready for input
        # Session is not thread-safe: lines (and what must wait for them) queue here, one turn at a time.
        self.queue: deque[str | Callable[[], None]] = deque()
        self.turn: Worker[tuple[str, Reply]] | None = None  # the line the session is handling
        self.thinking: Timer | None = None

    def get_driver_class(self) -> type[Driver]:
        return use_paste_parser(super().get_driver_class())  # a colour code in a paste is dropped

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            with Transcript(id="transcript"):
                yield Static(Content("Reading the articles\u2026"), id="loading")
                yield ProgressBar(id="progress", show_eta=False)
            yield SidePanel(id="panel")
        with Horizontal(id="prompt-row"):
            yield Static(">", id="caret")
            yield PromptInput(id="prompt", placeholder="ask a question, or type help")  # lines typed while
            # loading wait in the queue
        yield Footer()

    # --- loading -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one(StatusLine).show("Loading\u2026")
        self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        """Index (or read from the cache) and build the world in a thread, so the screen keeps drawing
        and taking keys."""
        warnings: list[str] = []

        def progress(phase: str) -> Callable[[int, int], None]:
            shown = -1

            def report(done: int, total: int) -> None:
                nonlocal shown
                if (percent := 100 * done // max(total, 1)) != shown:  # at most a hundred screen updates
                    shown = percent
                    self.call_from_thread(self.loading, phase, done, total)
            return report

        try:
            found = progress("Finding the people, places and organisations\u2026")
            if self.index is None:
                session = Session.open(self.paths, warnings.append, progress("Indexing the articles\u2026"),
                                       use_cache=self.use_cache, home=self.home, world_progress=found)
            else:
                session = Session(self.index, home=self.home, world_progress=found)
            look = session.opening()  # the world is built (or read) here, not on the screen's thread
            assert look.view is not None
            warnings += look.view.warnings
        except CorpusError as e:
            self.call_from_thread(self.failed, str(e), warnings)
            return
        except Exception as e:  # a bug or an odd file must not end in a traceback on the user's screen
            self.call_from_thread(self.failed, f"Could not load the briefing: {type(e).__name__}: {e}", warnings)
            return
        self.call_from_thread(self.ready, session, look, warnings)

    def on_unmount(self) -> None:
        gc.unfreeze()  # let a process that runs more than one app (the tests) collect this one
        gc.enable()

    def loading(self, phase: str, done: int | None = None, total: int | None = None) -> None:
        self.query_one("#loading", Static).update(Content(phase))
        if total is not None:
            self.query_one(ProgressBar).update(total=total, progress=done)

    def ready(self, session: Session, look: Reply, warnings: list[str]) -> None:
        gc.freeze()  # the index and the world live as long as the app: spare them every collection's walk
        self.session = session
        self.query_one("#loading").remove()
        self.query_one(ProgressBar).remove()
        prompt = self.query_one(PromptInput)
        self.completion = session.completion()
        prompt.suggester = CommandSuggester(self.completion)
        self.show(None, replace(look, blocks=[*notices(warnings), *look.blocks]))  # above the room, in its turn
        if self.exit_when_ready:
            self.call_after_refresh(self.leave_when_ready)
        self.next_turn()  # the lines typed while it loaded

    def leave_when_ready(self) -> None:
        self.ready_at = time.time()
        self.exit(EXIT_OK)

    def failed(self, error: str, warnings: list[str]) -> None:
        """The error as a red line in the transcript, under the warnings (a toast of it covered the
        transcript for 30 seconds)."""
        self.query_one("#loading").remove()
        self.query_one(ProgressBar).remove()
        self.query_one(Transcript).show(None, Reply("", ERROR, [*notices(warnings), Message(error, "error")]))
        self.query_one(StatusLine).show("No briefing")
        prompt = self.query_one(PromptInput)
        prompt.disabled = True  # nothing to ask: the lines typed meanwhile go too
        prompt.placeholder = "no briefing to ask: ctrl+q quits"  # it offered "ask a question" on a dead screen
        self.queue.clear()
        self.exit_status = EXIT_UNUSABLE
        if self.exit_when_ready:
            self.exit(EXIT_UNUSABLE, EXIT_UNUSABLE)

    # --- playing -----------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.play(event.value)  # the prompt emptied itself as Enter came, before the keys after it

    def play(self, line: str) -> None:
        """Queue a line for the session: typed (also while the briefing loads), clicked in the panel or
        chosen in the palette."""
        if self.exit_status != EXIT_OK:  # no briefing to ask
            return
        self.query_one(PromptInput).remember(line)
        self.then(line)

    def then(self, step: str | Callable[[], None]) -> None:
        """Once the lines queued so far are answered: handle this line, or make this call."""
        self.queue.append(step)
        self.next_turn()

    def next_turn(self) -> None:
        """Start the next queued line unless one is running; the status line says when it is slow."""
        if self.session is None:  # still loading: `ready` starts them
            return
        status = self.query_one(StatusLine)
        while self.turn is None and self.queue:
            step = self.queue.popleft()
            if isinstance(step, str):
                # A full collection walks every object the engine and the transcript hold (100-250 ms on a
                # big corpus): it would stall the answer, so it waits until the reply is on the screen.
                gc.disable()
                self.turn = self.take_turn(step)
                self.thinking = self.set_timer(THINKING_AFTER, partial(status.think, True))
            else:
                step()
        if self.turn is None:
            status.think(False)
            self.set_timer(COLLECT_AFTER, self.collect)

    def collect(self) -> None:
        """Garbage collection again, unless another turn has begun."""
        if self.turn is None:
            gc.enable()

    @work(thread=True, exit_on_error=False, group="turn")
    def take_turn(self, line: str) -> tuple[str, Reply]:
        """One line handled off the screen's thread, so a slow turn does not freeze typing or drawing."""
        assert self.session is not None
        return line, self.session.handle(line)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A turn ended: its reply to the transcript (an engine bug to a notification, the game goes on)."""
        if event.worker is not self.turn or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.turn = None
        if self.thinking is not None:
            self.thinking.stop()
        if event.state == WorkerState.SUCCESS:
            assert event.worker.result is not None
            line, reply = event.worker.result
            if reply.verb != "quit" or not self.asks_before_quitting():  # the dialog says what it would,
                self.show(line, reply)  # and "Goodbye." stood in the transcript of a game that went on
            if reply.verb == "quit":
                self.action_quit()
        else:
            e = event.worker.error
            self.query_one(Transcript).show(None, Reply("", ERROR, [
                Message(f"briefbot could not handle that line ({type(e).__name__}: {e}).", "error")]))
        self.next_turn()

    def action_play(self, line: str) -> None:
        """The action behind clickable text (the side panel's exits)."""
        self.play(line)

    def show(self, line: str | None, reply: Reply) -> None:
        self.query_one(Transcript).show(line, reply)
        if reply.passages:
            self.last_passage = reply.passages[0]
        for block in reply.blocks:  # an error is its red line in the transcript, no toast over it
            if isinstance(block, Reading):
                self.push_screen(ReaderScreen(block))
        if reply.verb in ("export", "save"):
            # Each line made safe, then joined: briefbot's own two lines stay two (not "…␊Wrote…").
            self.exported = "\n".join(safe(b.text) for b in reply.blocks if isinstance(b, Message))
        if reply.view is not None:
            self.view = reply.view
            view = reply.view
            self.query_one(StatusLine).show(view.room, f"Score: {view.score}  Turns: {view.turns}" if view.score
                                            else f"Turns: {view.turns}")
            self.query_one(SidePanel).show(view.people, view.exits, view.notes, view.unsaved)

    def on_citations_selected(self, event: Citations.Selected) -> None:
        self.read(event.citation)

    def on_story_view_selected(self, event: StoryView.Selected) -> None:
        self.read(event.citation)

    def read(self, citation: Citation) -> None:
        assert self.session is not None
        reading = self.session.reader(citation)
        if reading is None:
            self.notify("That article is no longer in the briefing.", severity="warning")
            return
        self.push_screen(ReaderScreen(reading))

    # --- keys --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """The side panel where the terminal is wide enough (unless Ctrl+B chose): by the event's
        new size (`self.size` may still be the old one, and 80→160 left the panel's room blank)."""
        if self.panel_wanted is None:
            self.query_one(SidePanel).display = event.size.width >= PANEL_FROM
            self.query_one(Transcript).reveal_last()

    def action_toggle_panel(self) -> None:
        panel = self.query_one(SidePanel)
        self.panel_wanted = panel.display = not panel.display
        self.query_one(Transcript).reveal_last()  # the transcript reflows: stay on the last turn

    def action_page(self, step: int) -> None:
        transcript = self.query_one(Transcript)
        (transcript.scroll_page_down if step > 0 else transcript.scroll_page_up)(animate=False)

    def action_citations(self) -> None:
        """Focus the last reply's first citation (answer 1's); Up/Down move between them, Enter
        reads, Escape comes back."""
        turns = [t for t in self.query(ReplyView) if t.query("Citations, StoryView")]
        if not turns:
            self.notify("No citations yet: ask a question first.")
            return
        first = turns[-1].query("Citations, StoryView").first()
        first.point(0)
        first.scroll_visible(animate=False)

    def action_copy_answer(self) -> None:
        focused = self.focused
        passage = focused.passage if isinstance(focused, Citations) else self.last_passage
        if passage is None:
            self.notify("No answer to copy yet.")
            return
        answer = passage.answer
        lines = [f"\u201c{one_line(answer.text)}\u201d"]
        folder = self.view.folder if self.view else ""
        lines += [safe(full_citation(n, c, folder)) for n, c in enumerate(answer.citations, 1)]
        self.copy_to_clipboard(safe("\n".join(lines), lines=True))
        self.notify(f"Copied answer {passage.number} with its citation.")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        keys = [(self.get_key_display(b.binding), b.binding.description)
                for b in self.screen.active_bindings.values() if b.binding.show and b.binding.description]
        keys += [("^p", "the command palette: places, people, dossiers, sources"),
                 ("\u2191 \u2193", "the lines you typed before; on a citation, the citation before or after"),
                 ("tab", "complete a verb or a name"), ("pgup pgdn", "scroll the transcript"),
                 ("\u23ce", "on a citation: read the article there"), ("esc", "back to the prompt")]
        self.push_screen(HelpScreen(keys, HELP_INTRO, HELP_ROWS))

    def action_quit(self) -> None:
        """Quit, asking first if the game has facts uncovered or notes that no file holds (nothing a
        player found is lost without a word): known once the lines typed are answered."""
        if self.session is None:  # loading: nothing found yet to lose
            self.exit(self.exit_status, self.exit_status)
            return
        if self.turn is not None or self.queue:
            self.then(self.action_quit)
            return
        if not self.asks_before_quitting():
            self.exit(self.exit_status, self.exit_status)
            return
        view = self.view
        assert view is not None
        if not isinstance(self.screen, QuitScreen):
            session = self.session
            save_to, export_to = session.save_file(), session.export_file()
            self.push_screen(QuitScreen(view.found, view.unsaved, str(save_to), str(export_to),
                                        session.passes_over(save_to) or view.unsaved and session.passes_over(export_to)),
                             self.quit_chosen)

    def asks_before_quitting(self) -> bool:
        """Whether the game holds facts uncovered or notes that no file holds."""
        view = self.view
        return view is not None and bool(view.unsaved or view.unsaved_facts)

    def quit_chosen(self, choice: str | None) -> None:
        if choice == "quit":
            self.exit(EXIT_OK)
        elif choice in ("save", "export"):
            self.play(choice)
            self.then(partial(self.exit_if_kept, choice))

    def exit_if_kept(self, choice: str) -> None:
        """Quit once the save (or export) has written its file; if it could not, stay (the error is shown)."""
        view = self.view
        if view is not None and not view.unsaved and (choice == "export" or not view.unsaved_facts):
            self.farewell = self.exported
            self.exit(EXIT_OK)


def notices(warnings: list[str]) -> list[Message]:
    """Loading warnings as lines of the transcript (toasts of them were boxes over it): the first
    MAX_WARNINGS, then how many more."""
    lines = [Message(line, "warning") for line in warnings[:MAX_WARNINGS]]
    if len(warnings) > MAX_WARNINGS:
        lines.append(Message(f"({len(warnings) - MAX_WARNINGS} more warnings.)", "warning"))
    return lines


def run(paths: list[str] | None, use_cache: bool = True) -> int:
    """`briefbot` with no command: play the briefing in the terminal; the exit status."""
    spawned = os.environ.get(EXIT_WHEN_READY)
    # A large corpus is indexed by worker processes started from a fork server, which needs
    # multiprocessing's resource tracker; that hands its child our stderr, so start it while stderr
    # is still the terminal's (inside the app it is Textual's capture, with no usable file descriptor).
    if os.name == "posix":
        resource_tracker.ensure_running()
    app = BriefbotApp(paths, use_cache, exit_when_ready=bool(spawned))
    status = app.run(headless=bool(spawned))
    if app.farewell and app.return_code == EXIT_OK:
        print(app.farewell)
    if spawned and app.ready_at:
        print(f"ready for input {app.ready_at - float(spawned):.3f} s after spawning", file=sys.stderr)
    return status if status is not None else app.return_code or app.exit_status
