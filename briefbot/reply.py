"""What briefbot says back: a Reply of typed blocks. Front ends render it; `to_json` is the contract.

The JSON shape (documented in the README) is fixed by the first issue:
{"query", "status", "answers": [{"text", "context", "score", "citations": [...]}]}; fields added
since (`verb`, `message`, `blocks`, `suggestions`, …) never change those.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from briefbot.search import Answer

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
    """One cited answer: the sentence within its context, numbered for `note N` and `x N`."""
    number: int
    answer: Answer
    words: tuple[str, ...] = ()  # the question's words, to mark in the passage
    label: str = ""  # e.g. "What the articles themselves say"


@dataclass(frozen=True)
class Items:
    """A titled list: people here, exits, sources, notebook entries."""
    title: str
    items: tuple[str, ...]


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


Block = Heading | Message | Passage | Items | Difference


@dataclass
class Reply:
    query: str
    status: str
    blocks: list[Block] = field(default_factory=list)
    verb: str = "question"
    suggestions: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

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
        }


def answer_json(passage: Passage) -> dict:
    a = passage.answer
    return {**_answer_fields(a), "number": passage.number, "speaker": a.speaker,
            "also_in": [{"text": v.text, "citation": asdict(v.citation)} for v in a.versions],
            "label": passage.label or None,
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
    if isinstance(block, Difference):
        return {"type": "difference", "kinds": list(block.kinds),
                **{side: {**_answer_fields(answer), "speaker": answer.speaker,
                          "marks": [{"start": s, "end": e, "text": answer.text[s:e]} for s, e in marks]}
                   for side, answer, marks in (("first", block.first, block.first_marks),
                                               ("second", block.second, block.second_marks))}}
    return {"type": type(block).__name__.lower(), **asdict(block)}
