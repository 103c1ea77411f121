"""A Reply as Rich text for the terminal (and the TUI's widgets), or as plain text for pipes.
Article text is always text: never parsed as markup, and control characters (escape sequences) are
shown as visible symbols that do nothing.

An answer reads at a glance: the sentence in bold with its exact answer reversed, its context dim
and cut to one line either side, then one short citation line (`[1] Shafaq News · 5 Feb 2025 · ¶16`).
The full citation (title, file, line) is for `x N`, `sources` and the reader."""
from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from briefbot.reply import Answer, Citation, Dated, Difference, Heading, Items, Message, Passage, Reading, Reply, Sources, shown_path
from briefbot.text import one_line, safe

PLAIN_WIDTH = 80  # plain text is cut to this: a pipe has no width, and a line should fit a terminal
INDENT = 3  # "1. " before each line of a passage
LONG_SENTENCE = 220  # characters: three lines at 80 columns; a longer answer is cut around what it answers
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def short_date(date: str | None) -> str:
    """"2025-02-05" → "5 Feb 2025" ("2025-02" → "Feb 2025"); None → "undated"."""
    if not date:
        return "undated"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date[:10])
    if not m or not 1 <= int(m[2] or 1) <= 12:
        return date
    parts = [str(int(m[3]))] if m[3] else []
    parts += [_MONTHS[int(m[2]) - 1]] if m[2] else []
    return " ".join(parts + [m[1]])


def where(c: Citation) -> str:
    """Where in its article a sentence stands: the paragraph (a PDF's page), in a JSON file also the record."""
    at = f"p. {c.page}" if c.page else f"\u00b6{c.paragraph}" if c.paragraph else f"line {c.line}"
    return f"record {c.record} {at}" if c.record is not None else at


def compact_citation(n: int, c: Citation, others: int = 0, width: int = PLAIN_WIDTH - INDENT) -> str:
    """Citation n in one short line: outlet, date, paragraph, "also in N other sources", and the
    headline if there is room for some of it (cut with "…"). Never wider than `width`."""
    parts = [f"[{n}] {c.outlet or c.title or 'outlet unknown'}", short_date(c.date), where(c)]
    if others:
        parts.append(f"also in {others} other source{'s' * (others != 1)}")
    line = " \u00b7 ".join(parts)
    room = width - len(line) - 3
    if c.outlet and c.title and room >= 16:
        line += " \u00b7 " + cut(c.title, room)
    return cut(line, width)


def full_citation(n: int, c: Citation, folder: str) -> str:
    """Citation n in full: title, outlet, date, the file (relative to the corpus folder) and line."""
    return (f"[{n}] {c.title or '(untitled)'} \u2014 {c.outlet or 'outlet unknown'}, {short_date(c.date)} "
            f"\u2014 {shown_path(c.path, folder)}, {f'page {c.page}' if c.page else f'line {c.line}'}")


def citation_lines(passage: Passage, folder: str, width: int = PLAIN_WIDTH - INDENT) -> list[str]:
    """A passage's citations: one compact line, or (`x N`) each in full with the other articles'
    own wording of the same fact."""
    answer = passage.answer
    if not passage.full:
        return [compact_citation(1, answer.citations[0], _others(answer), width)]
    lines = [full_citation(n, c, folder) for n, c in enumerate(answer.citations, 1)]
    first = len(lines) + 1
    for n, v in enumerate(answer.versions, first):
        lines += [f"[{n}] also: {one_line(v.text)}", "    " + full_citation(n, v.citation, folder)[len(f"[{n}] "):]]
    return lines


def cut(text: str, width: int, keep_end: bool = False) -> str:
    """Text in at most `width` characters, cut at a word with "…" (at the start with keep_end)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if keep_end:
        tail = text[len(text) - width + 1:]
        return "\u2026" + (tail.split(" ", 1)[1] if " " in tail[:20] else tail)
    head = text[:width - 1]
    return (head.rsplit(" ", 1)[0] if " " in head[-20:] else head) + "\u2026"


class OneLine:
    """Text on one line of whatever width it is drawn at, cut at a word with "…" (at the start when
    the end is what matters: the context just before an answer)."""

    def __init__(self, text: str, style: str = "", keep_end: bool = False, suffix: str = "") -> None:
        self.text, self.style, self.keep_end, self.suffix = text, style, keep_end, suffix

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = cut(self.text, options.max_width - len(self.suffix), self.keep_end) + self.suffix
        yield Text(safe(text), style=self.style, no_wrap=True, overflow="crop")


def marked_sentence(passage: Passage, limit: int | None = LONG_SENTENCE) -> Text:
    """The answer sentence in bold, the exact answer (the span of the type asked for) reversed
    within it, and the question's words underlined. A sentence longer than `limit` characters is
    cut around its answer (or the first word asked about) with "…"; `x N` shows it whole."""
    answer = passage.answer
    text = Text(one_line(answer.text), style="bold")
    if (span := answer.answer_span) is not None:
        text.stylize("reverse", span.start, span.end)
    words = [w for w in passage.words if len(w) > 2]
    marked = []
    if words:
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
        for m in pattern.finditer(answer.text):
            text.stylize("underline", m.start(), m.end())
            marked.append(m.start())
    if limit is None or passage.full or len(text) <= limit:
        return text
    at = span.start if span is not None else (marked[0] if marked else 0)
    start = max(0, min(at - limit // 3, len(text) - limit))
    start = answer.text.find(" ", start) + 1 if start else 0
    end = answer.text.rfind(" ", 0, start + limit) if start + limit < len(text) else len(text)
    return Text.assemble("\u2026" if start else "", text[start:end], "\u2026" if end < len(text) else "",
                         style="bold")


def seen_line(passage: Passage) -> str:
    """An answer shown lately, as one line: `(seen at turn 3) There are about 2,500…`."""
    return f"(seen at turn {passage.seen_at}) {passage.answer.text}"


def _head(passage: Passage) -> Text:
    head = Text()  # styled by spans: a base style would spread over the whole line
    if passage.label:
        head.append(f"({safe(passage.label)}) ", style="italic")
    if speaker_shown(passage):
        head.append(f"{safe(passage.answer.speaker or '')}: ", style="italic")
    return head


def speaker_shown(passage: Passage) -> bool:
    """Whether to say who speaks: not when the reply or the sentence itself already says it."""
    speaker = passage.answer.speaker
    return bool(speaker and passage.speaker_shown and speaker.split()[-1].lower() not in passage.answer.text.lower())


def passage_body(passage: Passage, folder: str, citations: bool = True) -> list[RenderableType]:
    """The lines of a passage after its number: what the terminal and the TUI both draw (the TUI
    draws the citations itself, as lines one can open)."""
    if passage.seen_at is not None:
        return [OneLine(seen_line(passage), "dim", suffix=" [1]")]
    head = _head(passage)
    parts: list[RenderableType] = [head + marked_sentence(passage, LONG_SENTENCE - len(head))]
    if passage.before:
        parts.append(OneLine(passage.before, "dim", keep_end=True))
    if passage.after:
        parts.append(OneLine(passage.after, "dim"))
    if not citations:
        return parts
    if passage.full:
        parts += [Text(safe(line), style="dim") for line in citation_lines(passage, folder)]
    else:
        parts.append(CitationLine(1, passage.answer.citations[0], _others(passage.answer)))
    return parts


class CitationLine:
    """A compact citation, made for the width it is drawn at."""

    def __init__(self, n: int, citation: Citation, others: int = 0) -> None:
        self.n, self.citation, self.others = n, citation, others

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(safe(compact_citation(self.n, self.citation, self.others, options.max_width)), style="dim",
                   no_wrap=True)


def _others(answer: Answer) -> int:
    """How many other sources tell an answer's fact."""
    return len(answer.citations) - 1 + len(answer.versions)


def numbered(number: str, body: Iterable[RenderableType]) -> Table:
    """A number in the margin and the body beside it, so wrapped lines stay indented."""
    grid = Table.grid()
    grid.add_column(width=INDENT, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(number, style="bold cyan"), Group(*body))
    return grid


def render(reply: Reply) -> RenderableType:
    folder = reply.view.folder if reply.view else ""
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
            parts.append(dated(block))
        elif isinstance(block, Passage):
            parts.append(numbered(f"{block.number}.", passage_body(block, folder)))
            if block.seen_at is None:
                parts.append(Text(""))
        elif isinstance(block, Difference):
            parts.append(difference(block))
        else:
            parts.extend(Text(safe(line)) for line in other_lines(block))
    return Group(*parts)


def other_lines(block: Reading | Sources) -> list[str]:
    """The blocks that read the same in every front end: sources, and the reader's text in a terminal."""
    if isinstance(block, Sources):
        return [f"{s.n}. {s.title or s.shown_path} \u2014 {s.outlet or 'outlet unknown'}, {short_date(s.date)}, "
                f"{s.sentences} sentence{'s' * (s.sentences != 1)} \u2014 {s.shown_path}" for s in block.articles]
    paragraph = " ".join(block.text[block.paragraph[0]:block.paragraph[1]].split())
    return [f"{block.title} \u2014 {block.outlet or 'outlet unknown'}, {short_date(block.date)} \u2014 "
            f"{block.path}, line {block.line}", paragraph]


def dated(line: Dated) -> RenderableType:
    """A timeline line: its date, then the sentence with the date reversed in it, then its citation."""
    answer = line.answer
    text = Text(one_line(answer.text))
    if (span := answer.answer_span) is not None:
        text.stylize("reverse", span.start, span.end)
    return numbered(f"{line.number}.", [Text(safe(line.label), style="bold") + Text("  ") + text,
                                        CitationLine(1, answer.citations[0], _others(answer))])


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
        sides.append(Group(marked(answer.text, marks), CitationLine(n, c)))
    return Group(Text("\u2260 " + ", ".join(block.kinds), style="bold yellow"), SideBySide(*sides), Text(""))


def plain(reply: Reply) -> str:
    """The reply as plain text, for pipes and NO_COLOR."""
    folder = reply.view.folder if reply.view else ""
    out: list[str] = []
    width = PLAIN_WIDTH - INDENT
    for block in reply.blocks:
        if isinstance(block, Heading):
            out.append(f"== {safe(block.text)} ==")
        elif isinstance(block, Message):
            out.append(safe(block.text, lines=True))
        elif isinstance(block, Items):
            out.append(block.title + ":")
            out.extend("  " + one_line(item) for item in block.items)
        elif isinstance(block, Dated):
            out.append(f"{block.number}. {safe(block.label)}  {one_line(block.answer.text)}")
            out.append("   " + safe(compact_citation(1, block.answer.citations[0], _others(block.answer), width)))
        elif isinstance(block, Difference):
            out.append("\u2260 " + ", ".join(block.kinds))
            for n, (answer, marks) in enumerate(((block.first, block.first_marks), (block.second, block.second_marks)), 1):
                out.append(f"   \u201c{one_line(answer.text)}\u201d")
                if marks:
                    out.append("     differs: " + "; ".join(safe(answer.text[s:e]) for s, e in marks))
                out.append("     " + safe(compact_citation(n, answer.citations[0], 0, width - 2)))
            out.append("")
        elif isinstance(block, Passage):
            a = block.answer
            if block.seen_at is not None:
                out.append(f"{block.number}. " + safe(cut(seen_line(block), width - 4)) + " [1]")
                continue
            label = f"({block.label}) " if block.label else ""
            who = f"{a.speaker}: " if speaker_shown(block) else ""
            out.append(f"{block.number}. {safe(label + who)}{one_line(a.text)}")
            if a.answer_span is not None:
                out.append(f"   answer: {one_line(a.text[a.answer_span.start:a.answer_span.end])}")
            if block.before:
                out.append("   " + safe(cut(block.before, width, keep_end=True)))
            if block.after:
                out.append("   " + safe(cut(block.after, width)))
            out.extend("   " + safe(line) for line in citation_lines(block, folder, width))
            out.append("")
        else:
            out.extend(safe(line) for line in other_lines(block))
    return "\n".join(out).rstrip() + "\n"
