"""Hostile text on the terminal: what an article, a title, an outlet or a file name holds is shown
through `text.safe` (visible, one line, the same length), while `--json` keeps every citation's
text, start and end verbatim."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from briefbot import cli
from briefbot.cache import load
from briefbot.session import Session
from briefbot.render import render
from briefbot.text import one_line, safe

# Each must be shown as something else: it moves the cursor, drives the terminal, reorders, hides or spoofs.
HIDDEN = ["\x00", "\x07", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\x9b", "\u00ad", "\u061c", "\u180e",
          "\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
          "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\udce9", "\U000e0001", "\U000e0041",
          "\U000e007f"]


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_safe_shows_every_hidden_character(char: str) -> None:
    text = f"Ba{char}nk"
    shown = safe(text)
    assert char not in shown and len(shown) == len(text) and shown[:2] == "Ba" and shown[3:] == "nk"
    assert safe(shown) == shown  # shown once is shown for good


def test_safe_keeps_lines_only_when_asked_and_one_line_makes_prose_one_line() -> None:
    assert safe("a\nb") == "a\u240ab"
    assert safe("a\nb\tc\x1b", lines=True) == "a\nb\tc\u241b"
    assert one_line("a\nb\u2028c\td\x1b") == "a b c d\u241b"


def test_joiners_stay_in_the_scripts_that_need_them() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ between two Persian letters
    family = "\U0001f468\u200d\U0001f469"  # ZWJ in an emoji sequence
    assert safe(persian) == persian and safe(family) == family
    assert safe("Pay\u200dPal") == "Pay\ufffdPal" and safe("\u200cx") == "\ufffdx"


FAKE_TITLE = "Harbour news\n2. FAKE: the crane was never delivered"
BIDI = "The crane cost £2m, \u202e0021\u202c \u061cdollars\u2028, the harbour master Jonas Pike said on Tuesday."


def hostile_json_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    record = {"title": FAKE_TITLE, "source": "Evil\x1b]52;c;QUJD\x07\x1b[2J", "text": BIDI}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n")
    (folder / "line\n1. FORGED.txt").write_text("Dock news\n\nThe dock workers said the tide was high on Monday.\n")
    return folder


def answer_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:1].isdigit()]


def test_a_newline_in_a_title_or_file_name_forges_no_answer_line(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = hostile_json_corpus(tmp_path)
    assert cli.main(["ask", "--corpus", str(folder), "how much did the crane cost"]) == 0
    out = capsys.readouterr().out
    assert "FAKE" in out and len(answer_lines(out)) == 1, out
    assert cli.main(["ask", "--corpus", str(folder), "when was the tide high"]) == 0
    out = capsys.readouterr().out
    assert len(answer_lines(out)) == 1, out
    # An answer's citation line names no file; its full citation (`source?`) does, on one line.
    monkeypatch.setattr(sys, "stdin", io.StringIO("when was the tide high\nsource?\n"))
    assert cli.main(["ask", "--corpus", str(folder), "-"]) == 0
    out = capsys.readouterr().out
    assert "FORGED" in out and len(answer_lines(out)) == 2, out
    assert cli.main(["sources", "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "FAKE" in out and "FORGED" in out and len(answer_lines(out)) == 2, out


def test_terminal_output_holds_no_control_or_bidi_character(tmp_path: Path, capsys) -> None:
    folder = hostile_json_corpus(tmp_path)
    index = load([str(folder)], lambda line: None, use_cache=False)
    reply = Session(index).handle("how much did the crane cost")
    console = Console(record=True, width=200, force_terminal=True, color_system="truecolor", file=open(os.devnull, "w"))
    console.print(render(reply))
    assert "\x1b]" not in console.export_text(styles=True)
    assert cli.main(["ask", "--corpus", str(folder), "how much did the crane cost"]) == 0
    out = capsys.readouterr().out
    assert not {"\x1b", "\x07", "\u202e", "\u202c", "\u061c", "\u2028"} & set(out), out
    assert cli.main(["ask", "--json", "--corpus", str(folder), "how much did the crane cost"]) == 0
    answer = json.loads(capsys.readouterr().out)["answers"][0]
    citation = answer["citations"][0]
    assert answer["text"] == BIDI[citation["start"]:citation["end"]] == BIDI  # verbatim, marks and all
    assert citation["title"] == FAKE_TITLE


def test_a_warning_naming_a_hostile_file_is_inert(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Harbour news\n\nThe harbour master said the crane arrived on Tuesday.\n")
    (folder / "\x1b]0;PWNED\x07\x1b[2Jevil.txt").write_bytes(b"")
    assert cli.main(["ask", "--corpus", str(folder), "when did the crane arrive"]) == 0
    err = capsys.readouterr().err
    assert "PWNED" in err and "evil.txt: empty, skipped" in err
    assert "\x1b" not in err and "\x07" not in err


@pytest.mark.parametrize("command, lines", [(["ask", "-"], b"when was the tide high\nsource?\n"), (["sources"], b""),
                                           (["ask", "--json", "tide high"], b"")])
def test_a_file_name_that_is_not_utf8_is_shown_not_a_crash(tmp_path: Path, command: list[str], lines: bytes) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 dock.txt")
    try:
        (folder / name).write_text("Dock news\n\nThe dock workers said the tide was high on Monday.\n")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only UTF-8 names")
    done = subprocess.run([sys.executable, "-m", "briefbot", command[0], "--corpus", str(folder), *command[1:]],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120,
                          input=lines)  # `source?`: the full citation names the file
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert b"caf" in done.stdout and b"dock.txt" in done.stdout


def test_a_world_files_names_and_descriptions_forge_no_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour news\n\nThe harbour master Jonas Pike said the new crane arrived on Tuesday.\n")
    (folder / "world.toml").write_text('[[character]]\nname = "Jonas Pike"\nvariants = ["Pike\\n1. FAKE: a variant"]\n'
                                       'role = "master\\n2. FAKE: a role"\ndescription = "Tall.\\n3. FAKE: a description"\n')
    for line in ("x jonas pike", "talk to jonas pike", "people"):
        assert cli.main(["ask", "--corpus", str(folder), line]) in (0, 1)
        out = capsys.readouterr().out
        assert "FAKE" in out and not [row for row in out.splitlines() if "FAKE" in row and row[:1].isdigit()], out
