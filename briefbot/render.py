"""A Reply as Rich text for the terminal. Article text is always text: never parsed as markup, and
control characters (escape sequences) are shown as visible symbols that do nothing."""
from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.text import Text

from briefbot.reply import Heading, Items, Message, Passage, Reply
from briefbot.search import Citation
from briefbot.text import safe

def marked_passage(passage: Passage) -> Text:
    """The context with the answer sentence in bold and the question's words underlined."""
    answer = passage.answer
    text = Text(safe(answer.context))
    start = answer.citations[0].start - answer.context_start
    text.stylize("bold", start, start + len(answer.text))
    words = [w for w in passage.words if len(w) > 2]
    if words:
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
        for m in pattern.finditer(answer.context):
            text.stylize("underline", m.start(), m.end())
    return text


def citation_line(n: int, c: Citation) -> str:
    return (f"[{n}] {c.title or '(untitled)'} \u2014 {c.outlet or 'outlet unknown'}, {c.date or 'undated'} "
            f"\u2014 {c.path}, line {c.line}")


def version_line(n: int, text: str, citation: Citation) -> str:
    """The same fact in another article: its own words, verbatim, then where they stand."""
    return f"[{n}] also: {text}\n    {citation_line(n, citation)[len(f'[{n}] '):]}"


def render(reply: Reply) -> RenderableType:
    parts: list[RenderableType] = []
    for block in reply.blocks:
        if isinstance(block, Heading):
            parts.append(Text(safe(block.text), style="bold reverse"))
        elif isinstance(block, Message):
            parts.append(Text(safe(block.text), style={"warning": "yellow", "error": "bold red"}.get(block.kind, "")))
        elif isinstance(block, Items):
            parts.append(Text(block.title + ":", style="bold"))
            parts.extend(Text("  " + safe(item)) for item in block.items)
        elif isinstance(block, Passage):
            parts.append(_passage(block))
    return Group(*parts)


def _passage(passage: Passage) -> RenderableType:
    answer = passage.answer
    head = Text(f"{passage.number}. ", style="bold cyan")
    if passage.label:
        head.append(f"({passage.label}) ", style="italic")
    if answer.speaker:
        head.append(f"{safe(answer.speaker)}: ", style="italic")
    body = head + marked_passage(passage)
    lines = [body]
    n = 1
    for c in answer.citations:
        lines.append(Text("   " + safe(citation_line(n, c)), style="dim"))
        n += 1
    for version in answer.versions:
        lines.append(Text(safe(_indent(version_line(n, version.text, version.citation))), style="dim"))
        n += 1
    return Group(*lines, Text(""))


def plain(reply: Reply) -> str:
    """The reply as plain text, for pipes and NO_COLOR."""
    out: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Heading):
            out.append(f"== {safe(block.text)} ==")
        elif isinstance(block, Message):
            out.append(safe(block.text))
        elif isinstance(block, Items):
            out.append(block.title + ":")
            out.extend("  " + safe(item) for item in block.items)
        elif isinstance(block, Passage):
            a = block.answer
            label = f"({block.label}) " if block.label else ""
            who = f"{a.speaker}: " if a.speaker else ""
            out.append(f"{block.number}. {label}{safe(who)}{safe(a.text)}")
            if a.context != a.text:
                out.append(f"   in context: {safe(' '.join(a.context.split()))}")
            n = 1
            for c in a.citations:
                out.append("   " + safe(citation_line(n, c)))
                n += 1
            for v in a.versions:
                out.append(safe(_indent(version_line(n, v.text, v.citation))))
                n += 1
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _indent(text: str) -> str:
    return "\n".join("   " + line for line in text.split("\n"))
