"""A Reply as Rich text for the terminal and the TUI's widgets (plain text for pipes is plain.py).
Article text is always text: never parsed as markup, and control characters (escape sequences) are
shown as visible symbols that do nothing.

An answer reads at a glance: the sentence whole, in bold, its exact answer reversed; beside a short
sentence one dim line of context (only the context is ever cut, and by a clause, never a word or two);
then one short citation line (`[1] Shafaq News · 5 Feb 2025 · ¶16`).
The full citation (title, file, line) is for `x N`, `sources` and the reader."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefbot.plain import INDENT, TYPED, citation_lines, compact_citation, context_line, other_lines, others, seen_line, \
    speaker_shown
from briefbot.reply import Block, Citation, Dated, Difference, Heading, Help, Items, Message, Passage, Reply
from briefbot.text import one_line, safe

CONTEXT_BESIDE = 2  # lines: an answer longer than this at the width drawn is shown without its context


class Fitted:
    """One line made for the width it is drawn at by `line(width)`: a citation, a context, an
    answer seen lately. It never wraps."""

    def __init__(self, line: Callable[[int], str], style: str = "dim") -> None:
        self.line, self.style = line, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if line := self.line(options.max_width):  # "": nothing fits (a context with no clause short enough)
            yield Text(safe(line), style=self.style, no_wrap=True, overflow="crop")


class Titled:
    """A heading and the line said after it ("Also called: PKK, Workers' Party.") on one row where
    both fit the width drawn at, else one above the other: a dossier's three answers then fit 80×24."""

    def __init__(self, heading: Text, line: Text) -> None:
        self.heading, self.line = heading, line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.heading.cell_len + 2 + self.line.cell_len <= options.max_width:
            yield Text.assemble(self.heading, "  ", self.line)
        else:
            yield self.heading
            yield self.line


def heading_text(block: Heading, style: str = "bold reverse") -> Text:
    return Text(safe(block.text), style=style)


def beside(blocks: list[Block], at: int) -> Message | None:
    """The line said of the heading at `at` (the next block, a message), drawn with it as one `Titled`."""
    after = blocks[at + 1] if at + 1 < len(blocks) else None
    return after if isinstance(blocks[at], Heading) and isinstance(after, Message) and after.kind == "info" else None


class Context(Fitted):
    """An answer's context on one line (cut at the start when what matters is its end: the context
    before an answer), drawn only beside an answer of at most CONTEXT_BESIDE lines at the width
    drawn: a longer sentence stands on its own, and three answers fit a screen."""

    def __init__(self, text: str, answer: Text, keep_end: bool = False) -> None:
        super().__init__(partial(context_line, text, keep_end=keep_end))
        self.answer = answer

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if len(console.render_lines(self.answer, options, pad=False)) <= CONTEXT_BESIDE:
            yield from super().__rich_console__(console, options)


def marked_sentence(passage: Passage) -> Text:
    """The answer sentence, whole, in bold, the exact answer (the span of the type asked for)
    reversed within it, and the question's words underlined."""
    answer = passage.answer
    text = Text(one_line(answer.text), style="bold")
    if (span := answer.answer_span) is not None:
        text.stylize("reverse", span.start, span.end)
    words = [w for w in passage.words if len(w) > 2]
    if words:
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
        for m in pattern.finditer(answer.text):
            text.stylize("underline", m.start(), m.end())
    return text


def _head(passage: Passage) -> Text:
    """What comes before the sentence: a timeline line's date, else the passage's label, then the speaker."""
    head = Text()  # styled by spans: a base style would spread over the whole line
    if isinstance(passage, Dated):
        head.append(f"{safe(passage.label)}  ", style="bold")  # "2025-02-05 (article date)  On…"
    elif passage.label:
        head.append(f"({safe(passage.label)}) ", style="italic")
    if speaker_shown(passage):
        head.append(f"{safe(passage.answer.speaker or '')}: ", style="italic")
    return head


def passage_body(passage: Passage, folder: str, citations: bool = True) -> list[RenderableType]:
    """The lines of a passage after its number: what the terminal and the TUI both draw (the TUI
    draws the citations itself, as lines one can open)."""
    if passage.seen_at is not None:
        return [Fitted(partial(seen_line, passage))]
    sentence = _head(passage) + marked_sentence(passage)
    parts: list[RenderableType] = [sentence]
    if passage.before:
        parts.append(Context(passage.before, sentence, keep_end=True))
    if passage.after:
        parts.append(Context(passage.after, sentence))
    if not citations:
        return parts
    if passage.full:
        parts += [Text(safe(line), style="dim") for line in citation_lines(passage, folder)]
    else:
        parts.append(citation_line(1, passage.answer.citations[0], others(passage.answer)))
    return parts


def citation_line(n: int, citation: Citation, others: int = 0) -> Fitted:
    """A compact citation, made for the width it is drawn at."""
    return Fitted(partial(compact_citation, n, citation, others))


def margin(number: int) -> int:
    """The column a numbered block's lines start at: "1. " and "10. " both leave a space."""
    return max(INDENT, len(f"{number}.") + 1)


def numbered(number: int, body: Iterable[RenderableType]) -> Table:
    """A number in the margin and the body beside it, so wrapped lines stay indented."""
    grid = Table.grid()
    grid.add_column(width=margin(number), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{number}.", style="bold cyan"), Group(*body))
    return grid


def message_text(message: str, style: str = "") -> Text:
    """What briefbot says, what it tells the player to type in bold (plain text drops the backticks)."""
    text = Text(style=style)
    for n, part in enumerate(TYPED.split(safe(message, lines=True))):
        text.append(part, style="bold" if n % 2 else "")
    return text


def two_columns(rows: Iterable[tuple[str, str]], width: int | None = None) -> Padding:
    """Two columns, indented: what to type (never wrapped, `width` wide) and what it does (wrapped
    in its column)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold", width=width)
    grid.add_column()
    for left, right in rows:
        grid.add_row(Text(safe(left)), Text(safe(right)))
    return Padding(grid, (0, 0, 0, 2))


def help_table(block: Help) -> Group:
    """The verbs by family, each family's two columns under its name, aligned with the others'."""
    width = max((len(usage) for _, rows in block.families for usage, _ in rows), default=0)
    return Group(Text(block.intro), *(part for family, rows in block.families
                                      for part in (Text(f"{family}:", style="italic"), two_columns(rows, width))))


def render(reply: Reply) -> RenderableType:
    folder = reply.view.folder if reply.view else ""
    parts: list[RenderableType] = []
    for at, block in enumerate(reply.blocks):
        if isinstance(block, Heading):
            line = beside(reply.blocks, at)
            parts.append(Titled(heading_text(block), message_text(line.text)) if line else heading_text(block))
        elif isinstance(block, Message):
            if not (at and beside(reply.blocks, at - 1)):
                parts.append(message_text(block.text, {"warning": "yellow", "error": "bold red"}.get(block.kind, "")))
        elif isinstance(block, Items):
            parts.append(Text(block.title + ":", style="bold"))
            parts.extend(Padding(Text(one_line(item)), (0, 0, 0, 2)) for item in block.items)  # wrapped, indented
        elif isinstance(block, Help):
            parts.append(help_table(block))
        elif isinstance(block, Passage):
            parts.append(numbered(block.number, passage_body(block, folder)))  # a timeline's lines too
            if not isinstance(next(iter(reply.blocks[at + 1:]), None), Passage):
                parts.append(Text(""))  # after the answers; between them the numbers and citations part them
        elif isinstance(block, Difference):
            parts.append(difference(block))
        else:
            parts.extend(Text(safe(line)) for line in other_lines(block))
    return Group(*parts)


def dated(line: Dated) -> RenderableType:
    """A timeline line as the transcript draws it: its date, the sentence, its citation."""
    return numbered(line.number, passage_body(line, ""))


def marked(text: str, marks: tuple[tuple[int, int], ...]) -> Text:
    """Article text with the given spans (the words that differ) reversed."""
    out = Text(safe(text))
    for start, end in marks:
        out.stylize("bold reverse", start, end)
    return out


COLUMNS_FROM = 81  # cells from which a difference's two sides sit in two columns: an 80-column screen stacks them


class SideBySide:
    """Two renderables in two columns where there is room (COLUMNS_FROM cells, in `ask` as in the
    TUI's transcript), else one above the other: a difference reads side by side on a wide screen
    and still fits 80 columns."""

    def __init__(self, left: RenderableType, right: RenderableType) -> None:
        self.left, self.right = left, right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= COLUMNS_FROM:
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
        sides.append(Group(marked(answer.text, marks), citation_line(n, c)))
    return Group(Text("\u2260 " + ", ".join(block.kinds), style="bold yellow"), SideBySide(*sides), Text(""))


