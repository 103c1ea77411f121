"""What briefbot says back: a Reply of typed blocks. Front ends render it; `to_json` is the contract.

The JSON shape (documented in the README) is fixed by the first issue:
{"query", "status", "answers": [{"text", "context", "score", "citations": [...]}]}; fields added
since (`verb`, `message`, `blocks`, `suggestions`, …) never change those.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

from briefbot.search import Answer, Citation, Version

__all__ = ["ANSWERED", "NO_ANSWER", "OK", "ERROR", "Heading", "Message", "Passage", "Items", "Help", "Reading", "SourceInfo",
           "Dated", "Difference",
           "Sources", "Block", "BIG_BRIEFING", "View", "Completion", "shown_path", "Reply", "Answer", "Citation"]

ANSWERED, NO_ANSWER, OK, ERROR = "answered", "no_answer", "ok", "error"


@dataclass(frozen=True)
class Heading:
    """A room name or a section title."""
    text: str


@dataclass(frozen=True)
class Message:
    """Plain text briefbot itself says (never article text)."""
    text: str
    kind: str = "info"  # info | warning | error


@dataclass(frozen=True)
class Passage:
    """One cited answer, numbered for `note N` and `x N`. The session decides what of it is shown:
    the context around the sentence that no other answer of the reply already shows (`before`,
    `after`), one line if the player saw it a few turns ago (`seen_at`), every citation in full
    (`full`, for `x N`)."""
    number: int
    answer: Answer
    words: tuple[str, ...] = ()  # the question's words, to mark in the passage
    label: str = ""  # e.g. "What the articles themselves say"
    before: str = ""  # context sentences before the answer, not shown elsewhere in the reply
    after: str = ""  # and after it
    seen_at: int | None = None  # the turn that showed this answer in full, if it was lately
    seen_as: Version | None = None  # the other article's wording it was shown in then: what the seen line quotes
    full: bool = False  # each citation in full (title, outlet, date, file, line) and the other wordings
    speaker_shown: bool = True  # False when the reply's heading names the speaker ("Allawi on trainers:")
    focus: tuple[int, int] | None = None  # one line (the brief's): the sentence cut around this span, cited beside it
    source: int = 0  # with `focus`: its article's number in `sources`, which the line cites
    rows: int = 1  # with `focus`: the rows of plain text the line may fill (80 characters each)


@dataclass(frozen=True)
class Items:
    """A titled list: people here, exits, sources, notebook entries."""
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Help:
    """What one can type, by family: (family, ((how it is typed, what it does), …)). Drawn as two
    columns, so a description wraps in its own column."""
    intro: str
    families: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


@dataclass(frozen=True)
class Reading:
    """The reader opened at a cited sentence: the article's text and the sentence's span in it."""
    title: str
    outlet: str | None
    date: str | None
    path: str  # relative to the corpus folder
    line: int
    text: str
    start: int
    end: int
    paragraph: tuple[int, int]  # the span of the paragraph that holds the sentence


@dataclass(frozen=True)
class SourceInfo:
    """One article as `sources` lists it."""
    n: int
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    path: str  # as found under --corpus
    source: str
    sentences: int
    offsets: str  # "file", or "extracted": citations count into `briefbot sources --text N`
    shown_path: str  # relative to the corpus folder


@dataclass(frozen=True)
class Sources:
    """The articles of the briefing."""
    articles: tuple[SourceInfo, ...]




BIG_BRIEFING = 500  # facts: past this many, a score of all of them says nothing ("31/7517"): the
# sources touched are counted beside the facts found


@dataclass(frozen=True)
class View:
    """What the front ends draw around the transcript, as it stands after a turn: the status line
    (room, score, turns), the side panel (people here, exits, notebook) and load warnings. Facts,
    sources touched and people are None until the world is built (a one-shot question never builds it)."""
    room: str
    turns: int
    uncovered: int | None = None
    facts: int | None = None
    people: tuple[str, ...] | None = None
    exits: tuple[str, ...] | None = None
    notes: int = 0
    unsaved: bool = False  # notes neither saved nor exported
    unsaved_facts: bool = False  # facts uncovered that no save holds: quitting would lose them
    warnings: tuple[str, ...] = ()
    folder: str = ""  # the corpus folder, which shown paths are relative to
    touched: int | None = None  # sources the player has uncovered a fact of
    sources: int = 0  # sources in the briefing

    @property
    def big(self) -> bool:
        """Whether the briefing tells more than BIG_BRIEFING facts: its score counts sources too."""
        return self.facts is not None and self.facts > BIG_BRIEFING

    @property
    def score(self) -> str:
        """The score as the status line shows it: "7/40", or on a big briefing the facts found and the
        sources touched, "31 facts, 28/333 sources" ("" before the world is built)."""
        if self.uncovered is None or self.facts is None:
            return ""
        if not self.big:
            return f"{self.uncovered}/{self.facts}"
        return f"{self.uncovered:,} fact{'s' * (self.uncovered != 1)}, {self.touched}/{self.sources:,} sources"

    @property
    def found(self) -> str:
        """What has been uncovered, in words: "7 of 40 facts", or on a big briefing "31 facts from 28
        of 333 sources" ("" before the world is built)."""
        if self.uncovered is None or self.facts is None:
            return ""
        if not self.big:
            return f"{self.uncovered} of {self.facts} fact{'s' * (self.facts != 1)}"
        return (f"{self.uncovered:,} fact{'s' * (self.uncovered != 1)} from {self.touched} of "
                f"{self.sources:,} sources")


@dataclass(frozen=True)
class Completion:
    """What the TUI offers to type, made from the verb table and the world: Tab's completions and
    the command palette's entries."""
    verbs: tuple[str, ...]  # verb phrases; those that take an object end in a space
    naming: tuple[tuple[str, tuple[str, ...]], ...]  # phrases followed by a name ("go to "), longest first,
    # each with the names that may follow it (places after "go to ", people after "talk to ")
    names: tuple[str, ...]  # people, places and organisations, the most mentioned first
    commands: tuple[tuple[str, str, str], ...] = ()  # the palette: (what it shows, the line it plays, a word of help)


@dataclass(frozen=True)
class Dated(Passage):
    """A line of a timeline: a cited passage whose `answer_span` is its date, and the date as read,
    to the precision written ("2025-09" for "September 2025")."""
    when: str = ""
    precision: str = ""  # year | month | day
    planned: bool = False  # after its article's date, or said as what will be
    article_date: bool = False  # the sentence has no date of its own: its article's


@dataclass(frozen=True)
class Difference:
    """Two articles telling the same thing differently: how (figure, date, negation, hedge,
    attribution, name), both sentences cited, and the words that differ in each (offsets into
    each answer's `text`)."""
    kinds: tuple[str, ...]
    first: Answer
    second: Answer
    first_marks: tuple[tuple[int, int], ...]
    second_marks: tuple[tuple[int, int], ...]


Block = Heading | Message | Passage | Items | Help | Reading | Sources | Difference


@dataclass
class Reply:
    query: str
    status: str
    blocks: list[Block] = field(default_factory=list)
    verb: str = "question"
    suggestions: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    view: View | None = None  # attached by Session.handle
    asked: str = ""  # the line answered, where a follow-up rewrote the one typed ("why?": "why soldiers iraq?")

    @property
    def answers(self) -> list[Answer]:
        return [b.answer for b in self.blocks if isinstance(b, Passage)]

    @property
    def passages(self) -> list[Passage]:
        return [b for b in self.blocks if isinstance(b, Passage)]

    def say(self, text: str, kind: str = "info") -> Reply:
        self.blocks.append(Message(text, kind))
        return self

    def refuse(self, text: str) -> Reply:
        """A command that cannot be done as typed: said as a warning, and its status is an error
        (so `briefbot ask` exits 1 and scripts can tell)."""
        self.status = ERROR
        return self.say(text, "warning")

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "status": self.status,
            "answers": [answer_json(p) for p in self.passages],
            "verb": self.verb,
            "message": "\n".join(b.text for b in self.blocks if isinstance(b, Message)),
            "blocks": [block_json(b) for b in self.blocks],
            "suggestions": self.suggestions,
            "corrections": self.corrections,
            "view": None if self.view is None else asdict(self.view),
            "asked": self.asked or self.query,
        }


def answer_json(passage: Passage) -> dict:
    a = passage.answer
    return {**_answer_fields(a), "number": passage.number, "speaker": a.speaker,
            "also_in": [{"text": v.text, "citation": asdict(v.citation)} for v in a.versions],
            "label": passage.label or None, "seen_at": passage.seen_at,
            "seen_as": None if passage.seen_as is None else {"text": passage.seen_as.text,
                                                             "citation": asdict(passage.seen_as.citation)},
            "answer_span": None if a.answer_span is None else {
                "start": a.answer_span.start, "end": a.answer_span.end, "type": a.answer_span.type,
                "text": a.text[a.answer_span.start:a.answer_span.end]}}


def _answer_fields(a: Answer) -> dict:
    return {"text": a.text, "context": a.context, "score": a.score, "citations": [asdict(c) for c in a.citations]}


def block_json(block: Block) -> dict:
    if isinstance(block, Dated):
        return {"type": "event", "number": block.number, "when": block.when, "precision": block.precision,
                "planned": block.planned, "article_date": block.article_date}
    if isinstance(block, Passage):
        return {"type": "passage", "number": block.number}
    if isinstance(block, Reading):
        return {"type": "reading", **{k: v for k, v in asdict(block).items() if k != "text"}}
    if isinstance(block, Difference):
        return {"type": "difference", "kinds": list(block.kinds),
                **{side: {**_answer_fields(answer), "speaker": answer.speaker,
                          "marks": [{"start": s, "end": e, "text": answer.text[s:e]} for s, e in marks]}
                   for side, answer, marks in (("first", block.first, block.first_marks),
                                               ("second", block.second, block.second_marks))}}
    return {"type": type(block).__name__.lower(), **asdict(block)}


def shown_path(path: str, folder: str) -> str:
    """A path relative to the corpus folder (never the install path)."""
    if not folder:
        return os.path.basename(path)
    try:
        relative = os.path.relpath(path, folder)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith("..") else relative
