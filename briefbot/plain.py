"""A Reply as plain text, for pipes and NO_COLOR, and the text both front ends draw the same way:
dates, citation lines, cuts of article prose. It imports no Rich, so a piped `briefbot ask` never
loads it (≈25 ms of a warm run); render.py draws the same pieces as Rich text."""
from __future__ import annotations

import re
import textwrap

from briefbot.reply import Answer, Citation, Dated, Difference, Heading, Help, Items, Message, Passage, Reading, Reply, \
    Sources, shown_path
from briefbot.text import one_line, safe

PLAIN_WIDTH = 80  # plain text is cut to this: a pipe has no width, and a line should fit a terminal
INDENT = 3  # "1. " before each line of a passage
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
TYPED = re.compile(r"`([^`\n]+)`")  # what a message tells the player to type: `hint` (bold in a terminal)


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


def short_citation(source: int, c: Citation, others: int = 0) -> str:
    """A citation beside a one-line passage (the brief's): "[2 ¶9 +1]", source 2 of `sources`, +N
    the other sources telling it; `x N` gives it in full."""
    return f"[{source} {where(c)}{f' +{others}' if others else ''}]"


def full_citation(n: int, c: Citation, folder: str) -> str:
    """Citation n in full: title, outlet, date, the file (relative to the corpus folder) and line."""
    return (f"[{n}] {c.title or '(untitled)'} \u2014 {c.outlet or 'outlet unknown'}, {short_date(c.date)} "
            f"\u2014 {shown_path(c.path, folder)}, {f'page {c.page}' if c.page else f'line {c.line}'}")


def citation_lines(passage: Passage, folder: str, width: int = PLAIN_WIDTH - INDENT) -> list[str]:
    """A passage's citations: one compact line, or (`x N`) each in full with the other articles'
    own wording of the same fact."""
    answer = passage.answer
    if not passage.full:
        return [compact_citation(1, answer.citations[0], others(answer), width)]
    lines = [full_citation(n, c, folder) for n, c in enumerate(answer.citations, 1)]
    first = len(lines) + 1
    for n, v in enumerate(answer.versions, first):
        lines += [f"[{n}] also: {one_line(v.text)}", "    " + full_citation(n, v.citation, folder)[len(f"[{n}] "):]]
    return lines


def cut(text: str, width: int) -> str:
    """A label (a headline, a typed line) in at most `width` characters, cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[:width - 1]
    return (head.rsplit(" ", 1)[0] if " " in head[-20:] else head) + "\u2026"


LEAST_CUT = 25  # characters: a cut in article prose drops at least this (a clause), never a word or two,
# and a context cut at a clause keeps at least this ("In addition…", "Al-Numan clarified…" say nothing)
_CLAUSE_ENDS = ",;:.!?)\u2014"  # a clause ends with one of these before a space (or a closing quote after one)
_SENTENCE_ENDS = ".!?\u201d\""


def cut_quote(text: str, width: int, keep_end: bool = False, clauses_only: bool = False) -> str:
    """Article prose in at most `width` characters: whole if it fits, else cut with "…" after a
    clause (at a word if no clause end keeps half the room, unless `clauses_only`: then "" when no
    clause of at least LEAST_CUT characters fits) and by at least LEAST_CUT characters: "…statement
    also emphasized…", one word dropped each side, reads as a misquote. Its quotation marks are
    paired (`balanced`)."""
    text = " ".join(text.split())
    if len(whole := balanced(text)) <= width:
        return whole
    room = max(0, min(width - 2, len(text) - LEAST_CUT))  # what may be kept beside "…" and a space
    if any(q in text for q in _DOUBLE_QUOTES):
        room = max(0, room - 2)  # for a quotation mark `balanced` may add at each end

    def kept(space: int) -> int:  # the characters kept by a cut at this space
        return len(text) - space - 1 if keep_end else space

    def best(cuts: list[int]) -> int | None:
        return max((i for i in cuts if kept(i) <= room), key=kept, default=None)

    spaces = [i for i, c in enumerate(text) if c == " "]
    at = best([i for i in spaces if _ends_clause(text, i, strict=clauses_only)])
    if clauses_only and (at is None or kept(at) < LEAST_CUT):
        return ""
    if not clauses_only and (at is None or 2 * kept(at) < room):
        at = best(spaces)
    if at is None:
        return balanced("\u2026" + text[len(text) - room:] if keep_end else text[:room] + "\u2026")
    if keep_end:
        return balanced("\u2026" + text[at + 1:])
    head = text[:at].rstrip(",;:\u2014")
    return balanced(head + (" \u2026" if head.endswith(tuple(_SENTENCE_ENDS)) else "\u2026"))


# Words that open a clause after a comma ("…, which", "…, but"; and any "-ing": "…, saying"): a comma
# before any other word may part a name from its title ("Tony Macklin, director of product at Ask
# Jeeves, pointed out…") or items of a list ("French, Australian, and British forces"), and a cut
# there is inside a clause.
_CLAUSE_OPENERS = frozenset("""and but or nor so yet which who whom whose where whereby when while whilst whereas
    although though because as since after before if unless until with""".split())


def _ends_clause(text: str, space: int, strict: bool = False) -> bool:
    """Whether the space at `space` follows the end of a clause: a sentence's or a clause's mark (with
    a closing quotation mark after it: 'final."', not 'to "'). `strict` (a context line): a comma ends
    one only where a quotation ends with it, or before a word that opens a clause and after more than
    one word since the comma before it (a list's "French, Australian, and…" does not)."""
    quoted = text[space - 1] in "\u201d\"" and space > 1
    end = space - 2 if quoted else space - 1
    if end < 0 or text[end] not in _CLAUSE_ENDS:
        return False
    if not strict or text[end] != "," or quoted:
        return True
    after = text[space + 1:].split(maxsplit=1)
    opener = after[0].lower().strip("\"\u201c") if after else ""
    since = text[:end].rsplit(",", 1)[-1].split()
    return (opener in _CLAUSE_OPENERS or opener.endswith("ing") and opener.isalpha()) and len(since) > 1


def excerpt(text: str, focus: tuple[int, int], width: int) -> str:
    """A sentence on one line of at most `width` characters: whole if it fits, else the words around
    `focus` (what matters in it), from its start if that reaches them, cut with "…" where it is cut,
    its quotation marks paired (`balanced`)."""
    text = one_line(text)
    if len(text) <= width:
        return text
    room = width - 4  # a "…" at each end, and a quotation mark `balanced` may add at each
    words = [m.span() for m in re.finditer(r"\S+", text)]
    lo = next((i for i, (_, end) in enumerate(words) if end > focus[0]), len(words) - 1)
    hi = max(lo, next((i for i, (start, _) in reversed(list(enumerate(words))) if start < focus[1]), lo))
    while hi > lo and words[hi][1] - words[lo][0] > room:  # a focus wider than the room: its first words
        hi -= 1
    if words[hi][1] <= room:
        lo = 0
    while hi + 1 < len(words) and words[hi + 1][1] - words[lo][0] <= room:
        hi += 1
    while lo and words[hi][1] - words[lo - 1][0] <= room:
        lo -= 1
    piece = text[words[lo][0]:words[hi][1]]
    return balanced(("\u2026" if lo else "") + piece + ("\u2026" if hi + 1 < len(words) else ""))


def context_line(text: str, width: int, keep_end: bool = False) -> str:
    """An answer's context in one line: whole, or cut at a clause or sentence end with "…" (before
    the answer, its end is kept), never inside a clause ("" when no clause fits: "He explained in an
    interview with Shafaq News that while ISIS remains…" was half a thought)."""
    return cut_quote(text, width, keep_end, clauses_only=True)


_DOUBLE_QUOTES = "\"\u201c\u201d"
_BEFORE_OPENING = " ([\u2014\u2013\u2026-/"  # a straight quotation mark after one of these (or first) opens


def _quote_marks(text: str) -> list[tuple[int, bool]]:
    """Where a text's double quotation marks are, and whether each opens ("“", or a straight one
    first or after a space) or closes."""
    return [(i, c == "\u201c" or (c == '"' and (i == 0 or text[i - 1] in _BEFORE_OPENING)))
            for i, c in enumerate(text) if c in _DOUBLE_QUOTES]


def balanced(text: str) -> str:
    """A piece of article prose with its double quotation marks paired: a quotation it opens and does
    not close is closed at its end (`"This is unacceptable.` was a lone quote mark), one it closes
    that it did not open is opened at its start."""
    opened: list[str] = []  # the closing marks the quotations still open need
    unopened: list[str] = []  # the opening marks of quotations closed here but opened before it
    for i, opens in _quote_marks(text):
        if opens:
            opened.append("\u201d" if text[i] == "\u201c" else '"')
        elif opened:
            opened.pop()
        else:
            unopened.append("\u201c" if text[i] == "\u201d" else '"')
    return "".join(reversed(unopened)) + text + "".join(reversed(opened))


def quoted(text: str) -> str:
    """A sentence in quotation marks, its own paired first (`balanced`: "…need trainers.”" reads
    "“In my opinion… trainers.”"), but as it is when it is a quotation from end to end ("“ISIS
    could…”") or ends on one it holds (`…the talks "are not final."`): a mark added there would
    read as a slip ("…Iraq.””")."""
    text = balanced(text)
    marks = _quote_marks(text)
    return text if marks and marks[-1] == (len(text) - 1, False) else "\u201c" + text + "\u201d"


def seen_line(passage: Passage, width: int) -> str:
    """An answer shown lately, in one line and the wording it was shown in: `(seen at turn 3) There
    are about 2,500… [1]`."""
    prefix = f"(seen at turn {passage.seen_at}) "
    text = passage.seen_as.text if passage.seen_as else passage.answer.text
    return prefix + cut_quote(text, width - len(prefix) - 4) + " [1]"


def speaker_shown(passage: Passage) -> bool:
    """Whether to say who speaks: not when the reply or the sentence itself already says it."""
    speaker = passage.answer.speaker
    return bool(speaker and passage.speaker_shown and speaker.split()[-1].lower() not in passage.answer.text.lower())


def others(answer: Answer) -> int:
    """How many other sources tell an answer's fact."""
    return len(answer.citations) - 1 + len(answer.versions)


def help_lines(block: Help, width: int = PLAIN_WIDTH) -> list[str]:
    """The verbs as plain text in two columns, as `render.help_table` draws them: at most `width`
    characters a line, a description wrapped in its own column (at 80 columns five ran past the
    edge, and a terminal wrapped them to column 0)."""
    column = 2 + max((len(usage) for _, rows in block.families for usage, _ in rows), default=0) + 2
    lines = textwrap.wrap(block.intro, width)
    for family, rows in block.families:
        lines.append(f"{family}:")
        for usage, what in rows:
            first, *more = textwrap.wrap(what, max(width - column, LEAST_CUT)) or [""]
            lines += [f"  {usage}".ljust(column) + first, *(" " * column + line for line in more)]
    return lines


def fact_line(passage: Passage, width: int) -> str:
    """A passage on one line of at most `width` characters (`focus`: the brief's facts and key
    dates): a timeline line's date or the speaker, the sentence cut around what matters in it
    (`excerpt`) and its short citation."""
    a = passage.answer
    if isinstance(passage, Dated):
        head = f"{passage.label}  "
    else:
        head = (f"({passage.label}) " if passage.label else "") + (f"{a.speaker}: " if speaker_shown(passage) else "")
    cited = short_citation(passage.source, a.citations[0], others(a))
    return safe(head) + excerpt(a.text, passage.focus or (0, 0), width - len(head) - len(cited) - 1) + " " + cited


def other_lines(block: Reading | Sources) -> list[str]:
    """The blocks that read the same in every front end: sources, and the reader's text in a terminal."""
    if isinstance(block, Sources):
        return [f"{s.n}. {s.title or s.shown_path} \u2014 {s.outlet or 'outlet unknown'}, {short_date(s.date)}, "
                f"{s.sentences} sentence{'s' * (s.sentences != 1)} \u2014 {s.shown_path}" for s in block.articles]
    paragraph = " ".join(block.text[block.paragraph[0]:block.paragraph[1]].split())
    return [f"{block.title} \u2014 {block.outlet or 'outlet unknown'}, {short_date(block.date)} \u2014 "
            f"{block.path}, line {block.line}", paragraph]


def plain(reply: Reply) -> str:
    """The reply as plain text, for pipes and NO_COLOR."""
    folder = reply.view.folder if reply.view else ""
    out: list[str] = []
    width = PLAIN_WIDTH - INDENT
    for block in reply.blocks:
        if isinstance(block, Heading):
            out.append(f"== {safe(block.text)} ==")
        elif isinstance(block, Message):  # "Try other words, sources for the articles, or hint."
            out.append(TYPED.sub(r"\1", safe(block.text, lines=True)))
        elif isinstance(block, Items):
            out.append(block.title + ":")
            out.extend("  " + one_line(item) for item in block.items)
        elif isinstance(block, Help):
            out.extend(help_lines(block))
        elif isinstance(block, Passage) and block.focus is not None:
            out.append(f"{block.number}. " + fact_line(block, block.rows * PLAIN_WIDTH - len(f"{block.number}. ")))
        elif isinstance(block, Dated):
            out.append(f"{block.number}. {safe(block.label)}  {one_line(block.answer.text)}")
            out.append("   " + safe(compact_citation(1, block.answer.citations[0], others(block.answer), width)))
        elif isinstance(block, Difference):
            out.append("\u2260 " + ", ".join(block.kinds))
            for n, (answer, marks) in enumerate(((block.first, block.first_marks), (block.second, block.second_marks)), 1):
                out.append("   " + quoted(one_line(answer.text)))
                if marks:
                    out.append("     differs: " + "; ".join(safe(answer.text[s:e]) for s, e in marks))
                out.append("     " + safe(compact_citation(n, answer.citations[0], 0, width - 2)))
            out.append("")
        elif isinstance(block, Passage):
            a = block.answer
            if block.seen_at is not None:
                out.append(f"{block.number}. " + safe(seen_line(block, width)))
                continue
            label = f"({block.label}) " if block.label else ""
            who = f"{a.speaker}: " if speaker_shown(block) else ""
            out.append(f"{block.number}. {safe(label + who)}{one_line(a.text)}")
            if a.answer_span is not None:
                out.append(f"   answer: {one_line(a.text[a.answer_span.start:a.answer_span.end])}")
            for context, keep_end in ((block.before, True), (block.after, False)):
                if context and (line := context_line(context, width, keep_end)):
                    out.append("   " + safe(line))
            out.extend("   " + safe(line) for line in citation_lines(block, folder, width))
            out.append("")
        else:
            out.extend(safe(line) for line in other_lines(block))
    return "\n".join(out).rstrip() + "\n"
