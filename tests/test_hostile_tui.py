"""The TUI over a hostile corpus: names, titles, outlets and file names holding escape sequences,
bidi overrides and newlines. What the app would write to the terminal (each screen's full update,
as the driver gets it) must hold no ESC, OSC, DCS, BEL or C1 byte but Textual's own SGR colours
and cursor moves."""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from briefbot.cache import load
from briefbot.tui.app import BriefbotApp
from briefbot.tui.widgets import PromptInput
from test_tui import wait_until

OSC52 = "\x1b]52;c;UFdORUQ=\x1b\\"  # puts "PWNED" on the clipboard
NAME = f"Zak{OSC52} Vex"
OUTLET = "Bad\x1b]8;;http://e\x07Link"
FILE = "\x1b]0;PWNED\x07evil\u202etxt.txt"
# Textual draws with SGR (colours, bold) and cursor moves, and nothing else in a full update.
_TEXTUALS_OWN = re.compile(r"\x1b\[[0-9;:?]*[mHJKlh]")


def hostile_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        f"Title: Harbour news\nSource: {OUTLET}\n\n"
        "The harbour master Jonas Pike said the new crane arrived on Tuesday. Zed Vex said the crane is tall.\n")
    (folder / FILE).write_text("Title: Second \x1b[2Jstory\n\nThe dock workers said the tide was high on Monday.\n")
    # JSON's string escapes are TOML's too
    (folder / "world.toml").write_text(f"[[character]]\nname = {json.dumps(NAME)}\n"
                                       f"role = {json.dumps(chr(27) + '[5mcrane driver' + chr(0x202e))}\n")
    return folder


def written(app: BriefbotApp) -> str:
    """What a terminal would be sent to draw every screen of the stack afresh."""
    return "".join(screen._compositor.render_full_update().render_segments(app.console) for screen in app.screen_stack)


def assert_inert(output: str) -> None:
    rest = _TEXTUALS_OWN.sub("", output)
    bad = sorted({f"U+{ord(c):04X}" for c in rest if ord(c) < 0x20 and c not in "\n\r" or 0x7f <= ord(c) <= 0x9f
                  or c in "\u202e\u200e\u200f\u2066\u2067\u2068\u2069\u061c"})
    assert not bad, f"the terminal would get {bad}"


@pytest.fixture
def app(tmp_path: Path) -> BriefbotApp:
    index = load([str(hostile_corpus(tmp_path))], lambda line: None, use_cache=False)
    return BriefbotApp(index=index, home=tmp_path)


async def play(pilot: Pilot, line: str) -> None:
    app = pilot.app
    assert isinstance(app, BriefbotApp)
    prompt = app.query_one(PromptInput)
    prompt.value = line
    await pilot.press("enter")
    await wait_until(pilot, lambda: not prompt.value and app.turn is None and not app.queue)
    await pilot.pause()


def drive(app: BriefbotApp, scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: app.session is not None)
            await pilot.pause()
            await scenario(pilot)
    asyncio.run(main())


def test_the_world_files_name_is_there_to_hostile_lines(app: BriefbotApp) -> None:
    """The hostile name is in the world (so every check below has something to show)."""
    async def scenario(pilot: Pilot) -> None:
        assert app.session is not None
        assert any(c.name == NAME for c in app.session.world.characters)
    drive(app, scenario)


def test_completion_never_suggests_escape_sequences(app: BriefbotApp) -> None:
    async def scenario(pilot: Pilot) -> None:
        prompt = app.query_one(PromptInput)
        await pilot.press(*"talk to Za")
        await pilot.pause(0.1)
        assert "\x1b" not in prompt._suggestion
        assert_inert(written(app))
    drive(app, scenario)


@pytest.mark.parametrize("lines", [["look"], ["people"], ["talk to Zak"], ["sources"], ["read source 2"],
                                   ["crane tall"], ["x zak"], ["who"], ["crane tall", "note 1", "i"]])
def test_the_transcript_panel_and_notifications_are_inert(app: BriefbotApp, lines: list[str]) -> None:
    async def scenario(pilot: Pilot) -> None:
        for line in lines:
            await play(pilot, line)
        app.notify(f"{OUTLET} {FILE}", markup=False)  # a warning naming a file, as loading gives them
        await pilot.pause()
        assert_inert(written(app))
    drive(app, scenario)


def test_the_palette_and_the_reader_are_inert(app: BriefbotApp) -> None:
    async def scenario(pilot: Pilot) -> None:
        await pilot.press("ctrl+p", *"zak")
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 0)
        assert_inert(written(app))
        await pilot.press("escape")
        await play(pilot, "tide high monday")
        await pilot.press("ctrl+o", "enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReaderScreen")
        await pilot.pause()
        assert_inert(written(app))
    drive(app, scenario)


def test_the_history_shows_a_played_name_inert(app: BriefbotApp) -> None:
    """A line played from the palette holds the raw name; Up puts it back in the prompt."""
    async def scenario(pilot: Pilot) -> None:
        app.play(f"talk to {NAME}")
        await wait_until(pilot, lambda: app.turn is None and not app.queue)
        await pilot.press("up")
        await pilot.pause()
        assert_inert(written(app))
    drive(app, scenario)
