"""A bracketed paste with its control sequences dropped before Textual reads it. Textual's parser
(8.2.8) takes an ESC inside a paste for the start of a key's sequence: it reads on to the next ESC
or for 32 characters, then types what it read as keys (ESC as "^") ahead of the Paste event, which
keeps only the text before the ESC. A pasted "how many ␛[31msoldiers␛[0m in iraq" became
"^[31msoldiers^[0m in iraqhow many". Dropped here (`without_controls`, as from any typed line),
the paste arrives whole, as one Paste event."""
from __future__ import annotations

import sys
from collections.abc import Iterable

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.driver import Driver
from textual.message import Message

from briefbot.session import without_controls

ESC = "\x1b"


class PasteParser(XTermParser):
    """Textual's parser, fed each paste without its control sequences. Input comes in reads of
    up to 4 KB, so a paste (or its end marker, or a colour code) may be cut between two: the cut
    part of a sequence waits for the next read."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self.pasting = False
        self.held = ""  # the start of a sequence cut at the end of a read inside a paste
        self.opening = ""  # the start of a paste's start marker at the end of the last read (passed on:
        # an ESC alone is the Escape key, which must not wait for the next read)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: what was held goes as it is
            held, self.held = self.held, ""
            return [*super().feed(held), *super().feed("")] if held else super().feed("")
        cleaned = self.cleaned(self.held + data)
        return super().feed(cleaned) if cleaned else ()  # (nothing to read yet: no end of input)

    def cleaned(self, text: str) -> str:
        self.held, out = "", []
        if self.opening:
            opening, rest = self.opening + text, len(BRACKETED_PASTE_START) - len(self.opening)
            self.opening = ""
            if BRACKETED_PASTE_START.startswith(opening):  # the marker cut again
                self.opening = opening
                return text
            if opening.startswith(BRACKETED_PASTE_START):
                self.pasting = True
                out.append(text[:rest])
                text = text[rest:]
        while text:
            if not self.pasting:
                start = text.find(BRACKETED_PASTE_START)
                if start < 0:
                    tail = text[text.rfind(ESC):] if ESC in text else ""
                    self.opening = tail if BRACKETED_PASTE_START.startswith(tail) else ""
                    out.append(text)
                    break
                self.pasting, start = True, start + len(BRACKETED_PASTE_START)
                out.append(text[:start])
                text = text[start:]
                continue
            end = text.find(BRACKETED_PASTE_END)
            if end < 0:
                cut = text.rfind(ESC)
                if cut >= 0 and len(text) - cut < len(BRACKETED_PASTE_END) * 3:  # a sequence cut by the read
                    text, self.held = text[:cut], text[cut:]
                out.append(without_controls(text))
                break
            out.append(without_controls(text[:end]) + BRACKETED_PASTE_END)
            self.pasting, text = False, text[end + len(BRACKETED_PASTE_END):]
        return "".join(out)


def use_paste_parser(driver: type[Driver]) -> type[Driver]:
    """The driver, reading its input with `PasteParser`: the terminal drivers make their parser from
    their module's `XTermParser` as their input thread starts (Textual is pinned: pyproject.toml)."""
    module = sys.modules[driver.__module__]
    if getattr(module, "XTermParser", None) is XTermParser:
        module.XTermParser = PasteParser  # type: ignore[attr-defined]
    return driver
