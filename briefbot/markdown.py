"""The notebook as Markdown. Every field in it came from outside (an article's sentence, title and
outlet, a file's name): each is one line through `text.safe`, and Markdown's own characters are
escaped, so no field can start a heading, a link, HTML or a code span of its own."""
from __future__ import annotations

import re

from briefbot.reply import shown_path
from briefbot.search import Answer, Citation
from briefbot.text import one_line

# Fields never start a line (each follows "N. " or an indent), so these are all that can act.
_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&]")


def text(value: str) -> str:
    """A field as Markdown text: shown as written, never read as Markdown or HTML."""
    return _SPECIAL.sub(lambda m: "\\" + m[0], one_line(value))


def code(value: str) -> str:
    """A field (a path) as a code span: fenced by more backticks than any run of them inside it."""
    shown = one_line(value)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def notebook(answers: list[Answer], folder: str) -> str:
    """The noted answers, numbered, each quoted with every citation: its own, then each other
    article's telling in that article's words. Paths are shown relative to the corpus `folder`
    (an installed briefing's are inside site-packages)."""
    lines = ["# briefbot notebook", ""]
    for n, answer in enumerate(answers, 1):
        lines.append(f"{n}. {quoted(answer.text)}")
        lines += [f"   \u2014 {_cited(c, folder)}" for c in answer.citations]
        lines += [f"   \u2014 also: {quoted(v.text)} \u2014 {_cited(v.citation, folder)}" for v in answer.versions]
        lines.append("")
    return "\n".join(lines)


def quoted(sentence: str) -> str:
    """A sentence in quotation marks that are not its own: single ones round a sentence that holds
    double ones (`‘The statement explained that “Iraq is…”’`, not `“…2026.””`)."""
    shown = text(" ".join(sentence.split()))
    return f"\u2018{shown}\u2019" if re.search("[\"\u201c\u201d]", shown) else f"\u201c{shown}\u201d"


def _cited(c: Citation, folder: str) -> str:
    path = shown_path(c.path, folder)
    source = f"{text(c.title or path)}, {text(c.outlet or 'outlet unknown')}, {text(c.date or 'undated')}"
    return f"{source}; {code(path)} line {c.line}, characters {c.start}\u2013{c.end}"
