"""The engine is headless: `briefbot ask` answers without importing Textual (which the TUI needs)."""
from __future__ import annotations

import json
import subprocess
import sys

_RUN = """
import contextlib, io, json, sys
from briefbot import cli
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = cli.main(["ask", "--json", "how many American soldiers are in Iraq"])
print(json.dumps({"status": status, "reply": json.loads(out.getvalue()),
                  "textual": sorted(m for m in sys.modules if m.split(".")[0] == "textual")}))
"""


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_ask_answers_without_importing_textual() -> None:
    result = _run(_RUN)
    assert result["status"] == 0 and result["reply"]["answers"]
    assert result["textual"] == []


def test_the_check_sees_textual_when_the_tui_is_imported() -> None:
    result = _run("import json, sys, briefbot.tui.app\n"
                  "print(json.dumps({'textual': [m for m in sys.modules if m.split('.')[0] == 'textual']}))")
    assert "textual.app" in result["textual"]
