"""A Reply as Rich text for the terminal. Article text is always text: never parsed as markup, and
control characters (escape sequences) are shown as visible symbols that do nothing."""
from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from briefbot.reply import Dated, Difference, Heading, Items, Message, Passage, Reply
from briefbot.search import Answer, Citation
from briefbot.text import one_line, safe

def marked_passage(passage: Passage) -> Text:
    """The context with the answer sentence in bold, the exact answer (the span of the type asked
    for) reversed within it, and the question's words underlined."""
    answer = passage.answer
    text = Text(one_line(answer.context))
    start = answer.in_context
    text.stylize("bold", start, start + len(answer.text))
    if (span := answer.answer_span) is not None:
        text.stylize("reverse", start + span.start, start + span.end)
    words = [w for w in passage.words if len(w) > 2]
    if words:
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
        for m in pattern.finditer(answer.context):
            text.stylize("underline", m.start(), m.end())
    return text


def citation_line(n: int, c: Citation) -> str:
    return (f"[{n}] {safe(c.title or '(untitled)')} \u2014 {safe(c.outlet or 'outlet unknown')}, "
            f"{safe(c.date or 'undated')} \u2014 {safe(c.path)}, {f'page {c.page}' if c.page else f'line {c.line}'}")


def version_line(n: int, text: str, citation: Citation) -> str:
    """The same fact in another article: its own words, verbatim, then where they stand."""
    return f"[{n}] also: {one_line(text)}\n    {citation_line(n, citation)[len(f'[{n}] '):]}"


def citation_lines(answer: Answer) -> list[str]:
    """An answer's numbered citations, indented: its own, then the same fact in other articles."""
    lines = [citation_line(n, c) for n, c in enumerate(answer.citations, 1)]
    first = len(lines) + 1
    lines += [version_line(n, v.text, v.citation) for n, v in enumerate(answer.versions, first)]
    return ["   " + part for line in lines for part in line.split("\n")]


def render(reply: Reply) -> RenderableType:
    parts: list[RenderableType] = []
    for block in reply.blocks:
        if isinstance(block, Heading):
            parts.append(Text(safe(block.text), style="bold reverse"))
        elif isinstance(block, Message):
            style = {"warning": "yellow", "error": "bold red"}.get(block.kind, "")
            parts.append(Text(safe(block.text, lines=True), style=style))
        elif isinstance(block, Items):
            parts.append(Text(block.title + ":", style="bold"))
            parts.extend(Text("  " + one_line(item)) for item in block.items)
        elif isinstance(block, Dated):
            parts.append(_dated(block))
        elif isinstance(block, Passage):
            parts.append(_passage(block))
        elif isinstance(block, Difference):
            parts.append(difference(block))
    return Group(*parts)


def _dated(line: Dated) -> RenderableType:
    """A timeline line: its date, then the sentence with the date reversed in it, then its citations."""
    answer = line.answer
    text = Text(safe(answer.text))
    if (span := answer.answer_span) is not None:
        text.stylize("reverse", span.start, span.end)
    head = Text(f"{line.number}. ", style="bold cyan") + Text(safe(line.label), style="bold") + Text("  ")
    return Group(head + text, *(Text(safe(c), style="dim") for c in citation_lines(answer)))


def marked(text: str, marks: tuple[tuple[int, int], ...]) -> Text:
    """Article text with the given spans (the words that differ) reversed."""
    out = Text(safe(text))
    for start, end in marks:
        out.stylize("bold reverse", start, end)
    return out


class SideBySide:
    """Two renderables in two columns where there is room (100 cells or more), else one above the
    other: a difference reads side by side on a wide screen and still fits 80 columns."""

    def __init__(self, left: RenderableType, right: RenderableType, min_width: int = 100) -> None:
        self.left, self.right, self.min_width = left, right, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.min_width:
            table = Table.grid(padding=(0, 2), expand=True)
            table.add_column(ratio=1)
            table.add_column(ratio=1)
            table.add_row(self.left, self.right)
            yield table
        else:
            yield Group(self.left, self.right)


def difference(block: Difference) -> RenderableType:
    """Two sentences telling one thing differently, each with its citation, what differs marked."""
    sides = []
    for n, (answer, marks) in enumerate(((block.first, block.first_marks), (block.second, block.second_marks)), 1):
        c = answer.citations[0]
        sides.append(Group(marked(answer.text, marks), Text(safe(citation_line(n, c)), style="dim")))
    return Group(Text("\u2260 " + ", ".join(block.kinds), style="bold yellow"), SideBySide(*sides), Text(""))


def _passage(passage: Passage) -> RenderableType:
    answer = passage.answer
    head = Text()  # styled by spans: a base style would spread over the whole passage
    head.append(f"{passage.number}. ", style="bold cyan")
    if passage.label:
        head.append(f"({passage.label}) ", style="italic")
    if answer.speaker:
        head.append(f"{safe(answer.speaker)}: ", style="italic")
    lines = [Text(safe(line), style="dim") for line in citation_lines(answer)]
    return Group(head + marked_passage(passage), *lines, Text(""))


def plain(reply: Reply) -> str:
    """The reply as plain text, for pipes and NO_COLOR."""
    out: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Heading):
            out.append(f"== {safe(block.text)} ==")
        elif isinstance(block, Message):
            out.append(safe(block.text, lines=True))
        elif isinstance(block, Items):
            out.append(block.title + ":")
            out.extend("  " + one_line(item) for item in block.items)
        elif isinstance(block, Dated):
            out.append(f"{block.number}. {safe(block.label)}  {safe(block.answer.text)}")
            out.extend(safe(line) for line in citation_lines(block.answer))
        elif isinstance(block, Difference):
            out.append("\u2260 " + ", ".join(block.kinds))
            for n, (answer, marks) in enumerate(((block.first, block.first_marks), (block.second, block.second_marks)), 1):
                out.append(f"   \u201c{safe(answer.text)}\u201d")
                if marks:
                    out.append("     differs: " + "; ".join(safe(answer.text[s:e]) for s, e in marks))
                out.append("     " + safe(citation_line(n, answer.citations[0])))
            out.append("")
        elif isinstance(block, Passage):
            a = block.answer
            label = f"({block.label}) " if block.label else ""
            who = f"{a.speaker}: " if a.speaker else ""
            out.append(f"{block.number}. {label}{safe(who)}{one_line(a.text)}")
            if a.answer_span is not None:
                out.append(f"   answer: {one_line(a.text[a.answer_span.start:a.answer_span.end])}")
            if a.context != a.text:
                out.append(f"   in context: {safe(' '.join(a.context.split()))}")
            out.extend(safe(line) for line in citation_lines(a))
            out.append("")
    return "\n".join(out).rstrip() + "\n"
