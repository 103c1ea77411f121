"""The briefing at a glance: compact answers that fit a screen, follow-ups resolved against the
last reply, one game across the lines of `ask -`, and the verb table the parser is made from."""
from __future__ import annotations

import ast
import io
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from briefbot import cli
from briefbot.parser import Command, Parser
from briefbot.plain import compact_citation, plain
from briefbot.render import render
from briefbot.reply import Heading, Items, Message, Passage, Reading, Reply, View
from briefbot.session import Session
from briefbot.verbs.table import VERBS
from briefbot.verbs.verb import Verb

ROOT = Path(__file__).resolve().parent.parent
# The dev-seed questions that have an answer on the embedded briefing (their wording only).
QUESTIONS = (
    "Who established the Inherent Resolve coalition, and when?", "What is the name of the security expert?",
    "Is the situation in Syria an internal matter?", "How many American soldiers are in Iraq?",
    "Where is Harir base?", "Who is Sabah Al-Numan?", "When will the coalition mission in Syria end?",
    "What does Iraq use to secure its border with Syria?", "Does Iraq have air defenses able to down aircraft?",
    "What did Allawi say about the trainers?", "Why are technicians and engineers needed?",
    "What threat does ISIS pose to Iraq?", "How many partners does the coalition have?",
    "What are the three categories of American military presence?", "Where are the American soldiers?",
    "What did the joint statement of September 2024 announce?",
)
ROWS = 20  # of 80x24: the status line, the prompt (two rows) and the keys take four


@pytest.fixture
def session(seed_index, tmp_path: Path) -> Session:
    return Session(seed_index, home=tmp_path)


def said(reply: Reply) -> str:
    return "\n".join(b.text for b in reply.blocks if isinstance(b, Message))


def drawn(reply: Reply, width: int = 80) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(render(reply))
    return console.export_text().rstrip("\n").splitlines()


# --- answers that fit ---------------------------------------------------------------------------

@pytest.mark.parametrize("question", QUESTIONS)
def test_three_answers_fit_80x24(session: Session, question: str) -> None:
    reply = session.handle(question)
    assert len(reply.passages) == 3
    lines = drawn(reply)
    assert len(lines) + 2 <= ROWS  # with the echoed question and its blank line
    assert all(len(line.rstrip()) <= 80 for line in lines)
    assert sum(line.lstrip().startswith("[1] ") for line in lines) == 3  # every answer's citation on screen


def test_a_heading_and_its_line_share_a_row_where_they_fit(session: Session) -> None:
    """`examine the PKK` took 21 rows of 80x24: its other names now sit beside its name."""
    reply = session.handle("examine the PKK")
    lines = drawn(reply)
    assert lines[0].startswith("Kurdistan Workers' Party  Also called: PKK")
    assert len(reply.passages) == 3 and len(lines) + 2 <= ROWS
    narrow = drawn(reply, 40)
    assert narrow[0].strip() == "Kurdistan Workers' Party" and narrow[1].startswith("Also called: PKK")


def test_a_citation_is_one_short_line_without_the_install_path(session: Session) -> None:
    reply = session.handle("how many American soldiers are in Iraq")
    c = reply.answers[0].citations[0]
    line = compact_citation(1, c, 1, 77)
    assert line.startswith(f"[1] {c.outlet} \u00b7 5 Feb 2025 \u00b7 \u00b6{c.paragraph} \u00b7 also in 1 other source")
    for width in (40, 60, 77, 120):
        assert len(compact_citation(1, c, 1, width)) <= width
    text = "\n".join(drawn(reply))
    assert "corpus/" not in text and str(ROOT) not in text and "line " not in text


def test_x_n_and_source_give_the_full_citation_relative_to_the_corpus_folder(session: Session) -> None:
    session.handle("how many American soldiers are in Iraq")
    for line in ("x 1", "source?", "where is that from?"):
        reply = session.handle(line)
        passage = reply.passages[0]
        assert passage.full and passage.answer.versions
        text = "\n".join(drawn(reply, 200))
        assert "shafaq-2025-02-05-coalition-stay-machine-translation.txt, line 16" in text
        assert passage.answer.versions[0].text in text  # the other article's own wording
        assert str(ROOT) not in text


@pytest.mark.parametrize("question", QUESTIONS[:8] + ("ask allawi about trainers",))
def test_no_sentence_twice_in_one_reply(session: Session, question: str) -> None:
    reply = session.handle(question)
    shown = [p.answer.text for p in reply.passages]
    context = " ".join(p.before + " " + p.after for p in reply.passages)
    assert len(set(shown)) == len(shown)
    assert not any(text in context for text in shown)


def test_context_is_dim_one_line_cut_with_an_ellipsis(session: Session) -> None:
    reply = session.handle("Why are trainers no longer needed?")  # answers from several paragraphs: each has context
    passage = next(p for p in reply.passages if p.after or p.before)
    lines = drawn(Reply("", "answered", [passage]))
    context = passage.after or passage.before
    assert sum(context[:30] in line or context[-30:] in line or "\u2026" in line for line in lines) >= 1
    assert len(lines) <= 7


def flat(lines: list[str]) -> str:
    """Drawn lines as one run of words, to find a sentence in them however it wrapped."""
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_sentence_is_shown_whole(session: Session, question: str) -> None:
    reply = session.handle(question)
    shown = flat(drawn(reply))
    for passage in reply.passages:
        assert " ".join(passage.answer.text.split()) in shown


CLAUSE_ENDS = ",;:.!?)\u201d\"\u2014"


@pytest.mark.parametrize("over", [1, 4, 12, 30, 70])
@pytest.mark.parametrize("side", ["before", "after"])
def test_context_is_cut_at_a_clause_or_sentence_end_or_not_shown(session: Session, over: int, side: str) -> None:
    """A cut that drops a word or two ("…statement also emphasized…") reads as a misquote, and one
    inside a clause ("He explained … that while ISIS remains…") as half a thought: a context too long
    for its line is cut where a clause or sentence ends, else not shown."""
    passage = min(session.handle("how many partners does the coalition have").passages, key=lambda p: len(p.answer.text))
    paragraph = " ".join(session.index.text_of(s) for s in range(passage.answer.sentence_id - 3,
                                                                  passage.answer.sentence_id + 4))
    context = paragraph[:77 + over].rsplit(" ", 1)[0] if side == "after" else paragraph[-77 - over:].split(" ", 1)[1]
    lines = drawn(Reply("", "answered", [replace(passage, **{"before": "", "after": "", side: context})]))
    sentence_rows = len(drawn(Reply("", "answered", [replace(passage, before="", after="")]))) - 1
    assert sentence_rows <= 2  # a short sentence: its context is drawn beside it, on the line after it
    shown = lines[sentence_rows].strip()
    if shown.startswith("[1] "):  # no clause of it fits: the citation comes next
        assert len(lines) == sentence_rows + 1
        return
    kept = shown.strip("\u2026 ")
    assert kept in context and len(shown) <= 77
    dropped = context.replace(kept, "", 1)
    assert shown == context or len(dropped.split()) >= 3, (shown, dropped)
    if side == "after" and shown != context:
        rest = context[len(kept):]
        assert context.startswith(kept) and (kept[-1] in CLAUSE_ENDS and rest[:1] == " "
                                             or rest[:1] in CLAUSE_ENDS and rest[1:2] == " "), (kept, rest)
    elif shown != context:
        cut = context[:len(context) - len(kept)]
        assert context.endswith(kept) and cut[-1:] == " " and cut[-2:-1] in CLAUSE_ENDS, (cut, kept)


def test_a_context_with_no_clause_that_fits_is_not_shown(session: Session) -> None:
    passage = min(session.handle("how many partners does the coalition have").passages, key=lambda p: len(p.answer.text))
    clause = "He explained in an interview with Shafaq News that while ISIS remains active in the deserts of " \
             "Palmyra and Deir ez-Zor it does not pose a direct threat to Iraq due to the strength of its lines."
    for side in ("before", "after"):
        assert context_rows(replace(passage, **{"before": "", "after": "", side: clause})) == ([], [])


@pytest.mark.parametrize("text, keep_end, shown", [
    # a list's comma, a name's title, an aside: inside a clause, so no line ("there are French, Australian…")
    ("In addition to the American forces, there are French, Australian, and British forces operating "
     "within the coalition forces, and others within NATO in Iraq.", False, ""),
    ("Tony Macklin, director of product at Ask Jeeves, pointed out that its search engine was used by millions "
     "of people every day.", False, ""),
    ("The tech-fest, the largest of its kind in the world, runs from 6 to 9 January in Las Vegas, Nevada.",
     False, ""),
    # a comma before a word that opens a clause, or where a quotation ends, is a clause's end
    ("The bill was backed by some hi-tech firms, saying they needed protection for the millions they invest "
     "in research.", False, "The bill was backed by some hi-tech firms\u2026"),
    ("Police have said they have a duty to investigate the men, who were arrested on their return to the UK "
     "last year.", False, "Police have said they have a duty to investigate the men\u2026"),
    ("He shows off a new external hard drive, which won an innovation for engineering and design prize.",
     True, "\u2026which won an innovation for engineering and design prize."),
])
def test_a_context_is_cut_at_a_comma_only_where_a_clause_ends(text: str, keep_end: bool, shown: str) -> None:
    """Cut at any comma, a context read "Tony Macklin, director of product at Ask Jeeves…" (the verb
    cut off) or "there are French, Australian…"; on the BBC dev questions 27 of 52 cut lines were such."""
    from briefbot.plain import context_line
    assert context_line(text, 77, keep_end) == shown


def test_context_never_shows_what_the_last_reply_showed(session: Session) -> None:
    """`what else did he say?` after `ask al-bayati about isis`: answer 1's dim context was the last
    reply's answer 3, on the screen just above it."""
    lines = ["ask al-bayati about isis", "what else did he say?", *QUESTIONS[:8], "why?", "more",
             "ask allawi about trainers", "tell me more", "who said that?", "where are they?"]
    last: list[str] = []
    repeated = 0
    for line in lines:
        reply = session.handle(line)
        contexts = [c for p in reply.passages for c in (p.before, p.after) if c]
        repeated += sum(any(t in c or c in t for t in last) for c in contexts)
        if reply.passages:
            last = [p.answer.text for p in reply.passages] + contexts
    assert repeated == 0


def context_rows(passage: Passage) -> tuple[list[str], list[str]]:
    """The lines a passage's context takes, drawn (Rich, 80 columns) and in plain text."""
    def rows(passage: Passage) -> tuple[list[str], list[str]]:
        return drawn(Reply("", "answered", [passage])), plain(Reply("", "answered", [passage])).splitlines()
    (rich, text), (bare_rich, bare_text) = rows(passage), rows(replace(passage, before="", after=""))
    return [r for r in rich if r not in bare_rich], [t for t in text if t not in bare_text]


def balanced_quotes(line: str) -> bool:
    return line.count("\u201c") == line.count("\u201d") and line.count('"') % 2 == 0


def test_a_context_that_opens_or_closes_a_quotation_shows_it_whole() -> None:
    """`how many soldiers are here?` at Harir base: the context line was a lone `"This is unacceptable.`."""
    from briefbot.plain import balanced
    assert balanced('"This is unacceptable.') == '"This is unacceptable."'
    assert balanced("the military leaders.\u201d Then it ended.") == "\u201cthe military leaders.\u201d Then it ended."
    for whole in ('He said "no" twice.', "\u201cA\u201d, \u201cB\u201d.", "Allawi's \u2018own\u2019 word.", "No quote."):
        assert balanced(whole) == whole


@pytest.mark.parametrize("lines", [("go harir", "how many soldiers are here?"), *((q,) for q in QUESTIONS)])
def test_every_context_line_has_its_quotation_marks_paired(session: Session, lines: tuple[str, ...]) -> None:
    for line in lines:
        reply = session.handle(line)
    for passage in reply.passages:
        rich, text = context_rows(replace(passage, seen_at=None))
        assert all(balanced_quotes(line) for line in rich + text), rich + text


def test_the_context_of_but_he_said_is_what_came_before(tmp_path: Path) -> None:
    """`ask wenger about mutu` (BBC sport) answered "But he said: "I don't even wonder if that could
    happen…" with the sentence after it: the one naming Mutu, that "that" and "he" lean on, was left out."""
    from briefbot.cache import load
    (tmp_path / "mutu.txt").write_text(
        "Wenger offers Mutu hope\n\nMutu was sacked by Chelsea after a failed test, a move Wenger has backed. "
        "But he said: \"I would consider signing the striker after his suspension. I will meet the player.\"\n")
    session = Session(load([str(tmp_path / "mutu.txt")], lambda line: None, use_cache=False), home=tmp_path, k=1)
    passage = session.handle("would wenger consider signing the striker after the suspension?").passages[0]
    assert passage.answer.text.startswith("But he said") and "Mutu was sacked" in passage.before and not passage.after


def test_a_compared_sentence_in_plain_text_is_quoted_with_its_marks_paired(session: Session) -> None:
    """The plain-text `compare` lost the closing ” after a sentence ending in a straight quote:
    `“Security expert Sarmad Al-Bayati noted … "are not final."`."""
    from briefbot.plain import balanced, quoted
    from briefbot.reply import Difference
    from briefbot.text import one_line
    reply = session.handle("compare")
    sides = [a for b in reply.blocks if isinstance(b, Difference) for a in (b.first, b.second)]
    assert any(a.text.rstrip().endswith('"') for a in sides)  # the case the user met is among them
    text = plain(reply)
    for answer in sides:
        line = quoted(one_line(answer.text))
        assert line in text and one_line(answer.text) in line and balanced_quotes(line), line
        assert line[0] in "\u201c\"" and line[-1] in "\u201d\"" or line == balanced(one_line(answer.text))
        assert not line.endswith("\u201d\u201d") and not line.endswith("\u201d\"")
    assert quoted("\u201cISIS could still pose a risk.\u201d") == "\u201cISIS could still pose a risk.\u201d"
    assert quoted("we do not need trainers.\u201d") == "\u201cwe do not need trainers.\u201d"


def test_context_is_drawn_only_beside_a_short_sentence(session: Session) -> None:
    reply = session.handle("how many partners does the coalition have")
    passage = max(reply.passages, key=lambda p: len(p.answer.text))
    long = replace(passage, before="", after="The context sentence.")
    assert "The context sentence." not in flat(drawn(Reply("", "answered", [long])))  # four lines at 80 columns
    assert "The context sentence." in flat(drawn(Reply("", "answered", [long]), width=400))


def test_an_answer_seen_lately_is_one_line_and_the_ranking_does_not_change(session: Session, seed_index) -> None:
    first = session.handle("how many American soldiers are in Iraq")
    session.handle("score")
    again = session.handle("how many soldiers are in iraq")
    fresh = Session(seed_index).handle("how many soldiers are in iraq")
    assert [a.text for a in again.answers] == [a.text for a in fresh.answers]
    repeated = [p for p in again.passages if p.answer.text in {a.text for a in first.answers}]
    assert repeated and all(p.seen_at == 1 for p in repeated)
    lines = drawn(Reply("", "answered", repeated))
    assert len(lines) == len(repeated) and lines[0].startswith(f"{repeated[0].number}. (seen at turn 1) ")
    assert lines[0].rstrip().endswith("[1]")


def test_a_seen_sentence_that_answers_a_new_question_is_shown_in_full(session: Session) -> None:
    """The one line is for a repeat: a sentence seen with "82" marked answers "how many partners"
    with "87", which the one line would cut off."""
    first = session.handle("how many governments in the coalition").passages[0]
    reply = session.handle("how many partners")
    top = reply.passages[0]
    assert first.answer.answer_span and top.answer.answer_span
    assert {top.answer.sentence_id, *(v.sentence_id for v in top.answer.versions)} & {first.answer.sentence_id}
    assert top.seen_at is None and "87" in " ".join(drawn(Reply("", "answered", [top])))
    assert session.handle("how many partners").passages[0].seen_at == 2  # asked again: the one line


@pytest.mark.parametrize("first, then", [("Is the border with Syria secure?", "Which forces back up the border guards?"),
                                         ("how many americn soldirs are in iraq", "how many troops are there in iraq")])
def test_a_fact_seen_in_another_wording_is_quoted_as_it_was_shown(session: Session, first: str, then: str) -> None:
    shown = {a.text for a in session.handle(first).answers}
    reply = session.handle(then)
    seen = [p for p in reply.passages if p.seen_at is not None]
    quoted = [p.seen_as.text if p.seen_as else p.answer.text for p in seen]
    assert seen and set(quoted) <= shown and any(p.seen_as for p in seen)
    lines = drawn(Reply("", "answered", seen))
    assert all(text.split()[0] in line for text, line in zip(quoted, lines))
    full = session.handle(f"x {seen[0].number}").answers[0]  # in full: both wordings, the one quoted among them
    assert quoted[0] in {full.text, *(v.text for v in full.versions)}


def test_answer_sentence_first_then_its_citation(session: Session) -> None:
    lines = drawn(session.handle("How many partners does the coalition have?"))
    assert lines[0].startswith("1. ") and "87" in " ".join(lines[:3])


# --- follow-ups ----------------------------------------------------------------------------------

def test_who_said_that(session: Session) -> None:
    session.handle("what did allawi say about the trainers")
    reply = session.handle("who said that?")
    assert "Mohammed Tawfiq Allawi" in said(reply) and reply.passages
    assert reply.passages[0].answer.speaker == "Mohammed Tawfiq Allawi"
    session.handle("how many partners does the coalition have")
    assert session.handle("who said it").blocks[-1].text == "The articles do not say who."


@pytest.mark.parametrize("word, kind", [("why?", "reason"), ("when?", "date"), ("where?", "place"),
                                        ("how many?", "number")])
def test_a_question_word_alone_asks_the_last_question_again(session: Session, word: str, kind: str) -> None:
    from briefbot.question import analyse
    session.handle("how many American soldiers are in Iraq")
    reply = session.handle(word)
    assert reply.verb == "follow_up" and reply.answers
    asked = said(reply).splitlines()[0].strip("()")
    assert "soldiers" in asked and "iraq" in asked.lower() and asked.lower().startswith(word.rstrip("?"))
    assert analyse(asked).type == kind


@pytest.mark.parametrize("story", ["compare 1 2", "compare", "timeline", "brief"])
@pytest.mark.parametrize("asked", ["how many American soldiers are in Iraq", "ask allawi about trainers"])
def test_a_question_word_alone_after_a_story_verb_asks_the_last_question_again(seed_index, tmp_path: Path,
                                                                               story: str, asked: str) -> None:
    """After `compare 1 2`, `when?` said "When what? Ask a question first." though the game had one."""
    right_after, later = Session(seed_index, home=tmp_path), Session(seed_index, home=tmp_path)
    right_after.handle(asked)
    later.handle(asked)
    later.handle(story)
    more = later.handle("more")  # the story's lines are on the table now, not that question's answers
    assert more.status == "error" and "goes on with the answers to a question" in said(more)
    expected, reply = right_after.handle("when?"), later.handle("when?")
    assert reply.status != "error" and reply.asked and reply.asked == expected.asked
    assert [a.text for a in reply.answers] == [a.text for a in expected.answers] and reply.answers


def test_a_question_word_alone_with_no_question_asked_yet_says_what_it_needs(session: Session) -> None:
    session.handle("brief")
    reply = session.handle("when?")
    assert reply.status == "error" and not reply.answers
    assert "asks the last question again, and none has been asked yet" in said(reply)


@pytest.mark.parametrize("asked", ["who said the border is secure", "what did allawi say about the trainers"])
def test_a_follow_up_carries_what_was_asked_about_not_the_saying(session: Session, asked: str) -> None:
    session.handle(asked)
    rewritten = said(session.handle("why?")).splitlines()[0].strip("()?")
    rewritten = re.sub(r"^ask .+? about ", "", rewritten).split()  # asked of a person: still their words
    assert rewritten[0] == "why" and len(rewritten) > 1
    assert not {"say", "said"} & set(rewritten)  # "(why said border secure?)" read as nonsense
    assert set(rewritten[1:]) <= set(asked.split())


@pytest.mark.parametrize("first, then, about", [("what is the concrete wall", "who built it?", "concrete wall"),
                                                ("what did the joint statement announce", "when was it announced?",
                                                 "joint statement")])
def test_a_short_question_pointing_back_asks_about_the_last_one(session: Session, seed_index, first: str, then: str,
                                                                about: str) -> None:
    session.handle(first)
    reply = session.handle(then)
    rewritten = said(reply).splitlines()[0].strip("()")
    assert about in rewritten and "it" not in rewritten.split() and len(rewritten.split()) == len(set(rewritten.split()))
    fresh = Session(seed_index).handle(rewritten)
    assert [a.text for a in reply.answers] == [a.text for a in fresh.answers]


@pytest.mark.parametrize("first, then, meant", [
    ("how many soldiers are in iraq", "where are they?", "where are soldiers?"),
    ("how many soldiers are in iraq", "who made it?", "who made iraq?"),
    ("ask allawi about trainers", "what did he say about sovereignty?",
     "what did Mohammed Tawfiq Allawi say about sovereignty?"),
    ("where is harir base", "who built it?", "who built harir base?")])
def test_a_pronoun_points_at_what_it_stands_for(session: Session, first: str, then: str, meant: str) -> None:
    """"they" are the soldiers, not "soldiers iraq"; "he" is the person last named."""
    session.handle(first)
    reply = session.handle(then)
    assert said(reply).splitlines()[0] == f"({meant})" and reply.query == then


BRIDGE = ("Title: Council approves River Wend footbridge\nDate: 2026-11-20\nSource: Wendford Gazette\n\n"
          "The council approved the River Wend footbridge by eight votes to two on Thursday.\n\n"
          "The bridge will cost \u00a312 million, council leader Daniel Achebe said. It will open in 2028.\n\n"
          "Opposition councillor Mary Holt voted against the plan. She said the cost was too high.\n")


@pytest.mark.parametrize("first, then, meant", [
    ("when will the bridge open", "how much will it cost", "(how much will bridge cost)"),
    ("what did the joint statement announce", "when was it announced?", "(when was joint statement announced?)"),
    ("who leads the coalition", "when was it founded?", "(when was coalition founded?)"),
    ("who voted against", "when will it open", None),  # no noun: asked as typed, not "when will voted open"
    ("how many soldiers are in iraq", "where is it?", "(where is iraq?)"),
    ("how wide is the footbridge", "who approved it?", "(who approved footbridge?)"),  # Q6: never "(… wide?)"
    ("how fast is the footbridge/crossing", "who approved it?", "(who approved footbridge/crossing?)")])
def test_it_stands_for_the_last_questions_noun_phrase_never_its_verb(session: Session, tmp_path: Path, first: str,
                                                                     then: str, meant: str | None) -> None:
    from briefbot.cache import load
    if "bridge" in first or "voted" in first:
        (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
        session = Session(load([str(tmp_path / "bridge.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle(first)
    reply = session.handle(then)
    echo = (said(reply).splitlines() or [""])[0]
    if meant is None:
        assert not echo.startswith("(") and reply.answers and "2028" in reply.answers[0].text
    else:
        assert echo == meant


SEAT = ("Title: Kilroy names election seat target\nDate: 2005-01-20\nSource: BBC News\n\n"
        "Ex-chat show host Robert Kilroy-Silk is to contest the Derbyshire seat of Erewash at the next general "
        "election.\n\n\"Erewash is the seat I want to hold, and I will win it,\" Mr Kilroy-Silk told reporters.\n\n"
        "Labour's Elizabeth Blackman won the seat in 1997 and has a 6,932 majority.\n\n"
        "Mr Kilroy-Silk said the party would be holding a leadership election in the spring.\n\n"
        "There is no evidence Bloomberg has broken any campaign finance laws.\n\n"
        "Michael Bloomberg, 62, said the city would back the new stadium. \"We will build it,\" the mayor said.\n\n"
        "A hunter was found dead in the forest on Tuesday, police said.\n")


def story_session(tmp_path: Path, files: dict[str, str], k: int = 3) -> Session:
    """A game over made-up articles (file name → text) written to `tmp_path`, indexed afresh."""
    from briefbot.cache import load
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Session(load([str(tmp_path / name) for name in files], lambda line: None, use_cache=False),
                   home=tmp_path, k=k)


@pytest.fixture
def seat(tmp_path: Path) -> Session:
    return story_session(tmp_path, {"seat.txt": SEAT})


def test_her_after_a_who_question_is_the_person_it_answered(seat: Session) -> None:
    """K2: "how big is her majority" after "who holds that seat" (Elizabeth Blackman) asked about
    Kilroy-Silk's: "her" was the last person named before, a man."""
    seat.handle("talk to kilroy-silk")
    seat.handle("who won the seat in 1997")
    reply = seat.handle("how big is her majority")
    assert said(reply).splitlines()[0] == "(how big is Elizabeth Blackman's majority)"
    assert "6,932" in reply.answers[0].text


def test_her_is_never_a_man_the_articles_call_mr(seat: Session) -> None:
    """K2: "her" became Robert Kilroy-Silk ("Mr Kilroy-Silk" in the articles); "he" still is him."""
    seat.handle("talk to kilroy-silk")
    reply = seat.handle("what is her majority")
    assert not reply.answers and said(reply).startswith("Whom does \u201cher\u201d mean?")
    assert said(seat.handle("what did he say")).splitlines()[0] == "(what did Robert Kilroy-Silk say)"


def test_she_with_a_saying_and_a_topic_is_still_a_follow_up(seat: Session) -> None:
    """P2: `what did she say about school meals?` after `who is ruth kelly` was asked as typed: the
    saying counted as one of the topic words a follow-up may have."""
    seat.handle("who won the seat in 1997")
    reply = seat.handle("what did she say about the seat majority?")
    assert said(reply).splitlines()[0] == "(what did Elizabeth Blackman say about the seat majority?)"
    # T4: "what did he say about the lib dem figures?" (three words): "he" points back however many
    reply = seat.handle("what did she say about the seat majority in the spring election?")
    assert said(reply).splitlines()[0] == "(what did Elizabeth Blackman say about the seat majority in the spring election?)"
    for line in ("did kilroy-silk say he would win the seat", "was the hunter found dead when he went out"):
        reply = seat.handle(line)  # "he" is the one it names before it: asked as typed
        assert not said(reply).startswith("("), line


QUIT = ("Title: Knapman glad to see the back of Kilroy-Silk\nDate: 2005-01-21\nSource: BBC News\n\n"
        "UKIP leader Roger Knapman says he was glad to see the back of Mr Kilroy-Silk.\n\n"
        "\"He has a remarkable ability to influence people,\" Mr Knapman said of the party.\n\n"
        "Robert Kilroy-Silk quit UKIP last week after months of tension over the leadership.\n\n"
        "\"I want to lead a party that tells the truth,\" Mr Kilroy-Silk said.\n")


def test_he_who_did_it_is_whom_the_articles_say_did_it(tmp_path: Path) -> None:
    """K2: `when did he quit` after `who is roger knapman` asked "(when did Roger Knapman quit)": by the
    rule "he is the last named", but Knapman never quit; the answers shown name Kilroy-Silk, who did.
    What he said is still asked of him."""
    from briefbot.cache import load
    (tmp_path / "quit.txt").write_text(QUIT, encoding="utf-8")
    session = Session(load([str(tmp_path / "quit.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle("talk to knapman")  # (the world is built)
    session.handle("who is roger knapman")
    reply = session.handle("when did he quit")
    assert said(reply).splitlines()[0] == "(when did Robert Kilroy-Silk quit)" and "last week" in reply.answers[0].text
    session.handle("who is roger knapman")
    assert said(session.handle("what did he say about the party")).splitlines()[0] == \
        "(what did Roger Knapman say about the party)"


def test_he_after_talk_to_is_whom_the_player_talks_to(tmp_path: Path) -> None:
    """K1: `talk to knapman`, `when did he quit` asked "(when did Robert Kilroy-Silk quit)": the player
    chose to talk to Knapman, so "he" is Knapman, as after `ask knapman about…`."""
    from briefbot.cache import load
    (tmp_path / "quit.txt").write_text(QUIT, encoding="utf-8")
    session = Session(load([str(tmp_path / "quit.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle("talk to knapman")
    assert said(session.handle("when did he quit")).splitlines()[0] == "(when did Roger Knapman quit)"
    session.handle("ask knapman about the party")
    assert said(session.handle("when did he quit")).splitlines()[0] == "(when did Roger Knapman quit)"


ASYLUM = ("Title: Howard unveils asylum plans\nDate: 2005-01-24\nSource: BBC News\n\n"
          "Tory plans to cut immigration are fair, Michael Howard has said.\n\n"
          "\"Firm but fair immigration controls are essential,\" Mr Howard said.\n\n"
          "Mr Kennedy said politicians should not foment a debate about immigration, attacking Michael Howard's "
          "proposals for quotas.\n\n"
          "\"We will cut taxes,\" Mr Howard said.\n\n"
          "\"Our schools need teachers,\" Mr Kennedy said.\n")


def test_what_did_he_say_about_it_is_his_own_words(tmp_path: Path) -> None:
    """`talk to howard`, `what did he say about immigration?` gave Kennedy's sentence attacking "Michael
    Howard's proposals" first: a question of what "he" said on a topic is asked of his own statements."""
    from briefbot.cache import load
    (tmp_path / "asylum.txt").write_text(ASYLUM, encoding="utf-8")
    session = Session(load([str(tmp_path / "asylum.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle("talk to howard")
    reply = session.handle("what did he say about immigration?")
    assert said(reply).splitlines()[0] == "(what did Michael Howard say about immigration?)"
    assert reply.answers and {a.speaker for a in reply.answers} == {"Michael Howard"}
    assert reply.query == "what did he say about immigration?"


def test_what_did_a_named_person_say_about_it_is_their_own_words(tmp_path: Path) -> None:
    """A new user's find: "what did al-numan say about isis" gave Al-Bayati's quotation first. Asked by
    name, not only as a follow-up, the question is asked of that person's own statements."""
    from briefbot.cache import load
    (tmp_path / "asylum.txt").write_text(ASYLUM, encoding="utf-8")
    session = Session(load([str(tmp_path / "asylum.txt")], lambda line: None, use_cache=False), home=tmp_path)
    reply = session.handle("what did michael howard say about immigration?")
    assert reply.answers and {a.speaker for a in reply.answers} == {"Michael Howard"}
    assert not said(reply).startswith("(")  # the line typed is not echoed back


def test_when_did_he_quit_is_not_answered_by_a_programme_called_today(tmp_path: Path) -> None:
    """`talk to knapman`, `when did he quit` marked "Today" (of "BBC Radio 4's Today programme") as
    when: the articles never say Knapman quit."""
    from briefbot.cache import load
    told = QUIT + "\n\"It was nice knowing him,\" Mr Knapman told BBC Radio 4's Today programme.\n"
    (tmp_path / "quit.txt").write_text(told, encoding="utf-8")
    session = Session(load([str(tmp_path / "quit.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle("talk to knapman")
    reply = session.handle("when did he quit")
    assert said(reply).splitlines()[0] == "(when did Roger Knapman quit)"
    assert all(a.answer_span is None or a.answer_span.type != "date" or "Today" not in
               a.text[a.answer_span.start:a.answer_span.end] for a in reply.answers)


MUTU = ("Title: Wenger offers Mutu hope\nDate: 2004-11-01\nSource: BBC Sport\n\n"
        "Arsenal boss Arsene Wenger would consider signing Adrian Mutu once the striker has served his ban.\n\n"
        "Mutu was sacked by Chelsea on Friday after a failed test - a move Wenger has backed. But he said: "
        "\"I think he will be suspended for a long period. \"But once he has served his suspension, he has the "
        "right again to start from zero.\" Chelsea decided to act before his case was heard.\n\n"
        "Wenger also praised his defence: \"Our back four was excellent on Saturday,\" he said.\n\n"
        "But Mutu has hit out at the club's decision, saying: \"Chelsea have destroyed me.\"\n")


def test_ask_x_about_y_takes_their_quote_that_only_its_lead_in_names_y(tmp_path: Path) -> None:
    """S2: `ask wenger about mutu` said "Arsene Wenger says nothing about mutu in these articles": his
    quote calls Mutu "he"; the sentence leading into it names him."""
    from briefbot.cache import load
    (tmp_path / "mutu.txt").write_text(MUTU, encoding="utf-8")
    session = Session(load([str(tmp_path / "mutu.txt")], lambda line: None, use_cache=False), home=tmp_path)
    reply = session.handle("ask wenger about mutu")
    assert said(reply).splitlines()[0] == "Arsene Wenger on mutu:"
    assert reply.answers[0].text.startswith("But he said:") and reply.answers[0].speaker == "Arsene Wenger"
    assert said(session.handle("ask wenger about chelsea")).splitlines()[0] == "Arsene Wenger on chelsea:"
    assert said(session.handle("ask wenger about zebras")).startswith("Arsene Wenger says nothing about zebras")


PRESCOTT = ("Title: Prescott's homes\nDate: 2005-02-02\nSource: BBC News\n\n"
            "Prescott's plan for 200,000 new homes in the south east was published on Monday.\n\n"
            "Deputy Prime Minister John Prescott said the homes would be built on brownfield land.\n\n"
            "Critics said the plan would spoil the countryside and strain the water supply.\n")


def test_a_misspelt_name_is_read_as_its_plain_form_and_its_first_name_among_its_sentences(tmp_path: Path) -> None:
    """P4: `hwo is jon presott` said "(Reading presott → Prescott's.)" (the possessive the articles first
    wrote) and nothing: "jon" is too short to be read as a typo of the whole briefing's words."""
    from briefbot.cache import load
    (tmp_path / "homes.txt").write_text(PRESCOTT, encoding="utf-8")
    session = Session(load([str(tmp_path / "homes.txt")], lambda line: None, use_cache=False), home=tmp_path)
    assert said(session.handle("what did presott say")).splitlines()[0] == "(Reading presott → Prescott.)"
    reply = session.handle("hwo is jon presott")
    assert said(reply).splitlines()[0] == "(Reading presott → Prescott, jon → John.)"
    plain = session.handle("who is john prescott")
    assert "John Prescott" in reply.answers[0].text
    assert [a.sentence_id for a in reply.answers] == [a.sentence_id for a in plain.answers]


def test_a_first_name_alone_names_no_one(seat: Session) -> None:
    """`who is bill gates` on BBC politics made "he" Bill Cash (quoted there; Gates is not): "bill"
    was taken for the whole of someone's name."""
    assert seat.person_called("michael") == "" and seat.person_called("bloomberg") == "Michael Bloomberg"
    assert seat.person_called("michael bloomberg") == "Michael Bloomberg"
    seat.handle("who is michael gates")
    assert seat.state.person != "Michael Bloomberg"


def test_he_after_a_question_is_the_person_it_named(seat: Session) -> None:
    """W3, W10: "how old is he" after "who is bloomberg" was asked as typed ("A five-year-old kid…"), or
    of the person named before: the man just asked about is "he", as the briefing calls him."""
    seat.handle("talk to kilroy-silk")
    assert seat.handle("who is bloomberg").answers[0].speaker is None  # no speaker of answer 1 to go by
    reply = seat.handle("how old is he")
    assert said(reply).splitlines()[0] == "(how old is Michael Bloomberg)" and "62" in reply.answers[0].text


def test_he_after_a_who_question_whose_answers_name_no_one_is_asked_back(seat: Session) -> None:
    """W3: `how old was he` after the Essequibo hunter (named by no answer) answered "A five-year-old
    kid…": neither the person named before nor any "he" of the articles."""
    seat.handle("talk to kilroy-silk")
    seat.handle("who was found dead in the forest")
    reply = seat.handle("how old was he")
    assert not reply.answers and said(reply).startswith("Whom does \u201che\u201d mean?")


def test_he_in_a_first_question_is_asked_back(seat: Session) -> None:
    """`how old is he` before anyone is named answered "33-year-old" and "two" (the new user's
    finding): "he" means someone, and no one has been named yet."""
    reply = seat.handle("how old is he")
    assert not reply.answers and said(reply).startswith("Whom does \u201che\u201d mean?")
    assert "No one has been named yet" in said(reply)


def test_it_after_a_question_whose_it_was_left_as_typed_is_not_its_verb(tmp_path: Path) -> None:
    """M1: `when will it open`, then `how much will it cost` asked "(how much will open cost)"."""
    from briefbot.cache import load
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    session = Session(load([str(tmp_path / "bridge.txt")], lambda line: None, use_cache=False), home=tmp_path)
    session.handle("when will it open")
    reply = session.handle("how much will it cost")
    assert not said(reply).startswith("(") and "\u00a312 million" in reply.answers[0].text


def test_why_after_asking_someone_is_still_what_they_say(session: Session) -> None:
    """P13: `why?` after `ask howard about tax` asked "(why tax?)" of every article (Howard dropped)."""
    session.handle("ask allawi about trainers")
    person = session.thing(session.state.person)
    reply = session.handle("why?")
    assert said(reply).splitlines()[0] == f"(ask {person.name} about why trainers)" and reply.verb == "follow_up"
    assert reply.answers and {a.sentence_id for a in reply.answers} <= set(person.sentences)


def test_follow_ups_after_a_dossier_ask_of_it_by_its_name(session: Session) -> None:
    """O5: `why` after `x iraq` asked "(why Irak Iraq?)" (its other name pasted in), then `it` "(Iraq Iraq)"."""
    thing = next(t for t in session.world.places if t.variants and t.sentences)
    session.handle(f"x {thing.name}")
    assert said(session.handle("why")).splitlines()[0] == f"(why {thing.name}?)"
    assert said(session.handle("it")).splitlines()[0] == f"({thing.name})"


def test_they_after_a_follow_up_is_the_question_it_followed_up(session: Session) -> None:
    """E16: `where are they?` after `how many soldiers are in iraq`, `why?` said "nothing about that": the
    follow-up had glued the noun phrases ("why soldiers iraq?") and none was plural."""
    session.handle("how many soldiers are in iraq")
    session.handle("why?")
    reply = session.handle("where are they?")
    assert said(reply).splitlines()[0] == "(where are soldiers?)" and reply.answers


def test_it_after_a_dossier_is_that_dossier(session: Session) -> None:
    session.handle("x pkk")
    assert said(session.handle("when was it founded?")).splitlines()[0] == "(when was Kurdistan Workers' Party founded?)"


@pytest.mark.parametrize("world_first", [True, False])
def test_x_it_after_a_question_naming_a_place_examines_it(session: Session, world_first: bool) -> None:
    """"it" is also what a question names (with the world's names), built or not when it was asked."""
    if world_first:
        session.handle("look")
    session.handle("x pkk")  # a name examined before the question is not "it" any more
    session.handle("where is harir base")
    reply = session.handle("x it")
    assert reply.verb == "examine" and reply.blocks[0].text == "Harir base"


def test_he_points_at_no_one_before_anyone_is_named(session: Session) -> None:
    session.handle("how many partners does the coalition have")
    assert not said(session.handle("what did he say?")).startswith("(")


def test_a_question_with_it_is_not_a_follow_up_when_it_says_enough(session: Session) -> None:
    for line in ("is it true that the iraqi border is completely secure", "who made it?"):
        assert not said(Session(session.index).handle(line)).startswith("(")  # nothing was asked before
    session.handle("how many soldiers are in iraq")
    assert not said(session.handle("is it true that the iraqi border is completely secure")).startswith("(")


def test_more_gives_the_next_answers_then_the_wider_context(session: Session) -> None:
    first = session.handle("what does iraq use to secure its border")
    more = session.handle("tell me more")
    assert [p.number for p in more.passages] == [4, 5, 6]
    assert not {a.text for a in more.answers} & {a.text for a in first.answers}
    assert session.handle("note 5").status == "ok"
    for _ in range(30):
        reply = session.handle("more")
        if any(isinstance(b, Reading) for b in reply.blocks):
            break
    assert any(isinstance(b, Reading) for b in reply.blocks)
    for _ in range(2):  # then it says so, not the same paragraph again
        reply = session.handle("more")
        assert not any(isinstance(b, Reading) for b in reply.blocks) and "no more" in said(reply)


@pytest.mark.parametrize("line, whose", [("ask al-bayati about isis", "Sarmed Al-Bayati"),
                                         ("talk to al-numan", "Sabah al-Numan"), ("x pkk", "")])
def test_more_goes_on_with_the_answers_on_the_table(session: Session, line: str, whose: str) -> None:
    first = session.handle(line)
    reply = session.handle("more")
    assert reply.status != "error" and "More of what?" not in said(reply)
    assert reply.answers or any(isinstance(b, Reading) for b in reply.blocks)
    if whose:  # from that person's own statements only, none shown again
        mine = set(session.world.find(whose)[0].sentences)
        assert reply.answers and {a.sentence_id for a in reply.answers} <= mine
        assert not {a.text for a in reply.answers} & {a.text for a in first.answers}
        assert [p.number for p in reply.passages][0] == len(first.passages) + 1


def _in_last_paragraph(session: Session, reading: Reading) -> bool:
    article = next(a for a in session.index.articles if a.text == reading.text)
    return tuple(reading.paragraph) == tuple(article.paragraphs[-1])


def test_more_after_read_n_reads_on_in_that_article_not_an_old_question(session: Session) -> None:
    """`more` after `compare 1 2` and `read 1` went back to a question turns before, numbering its
    answers 7, 8 after compare's six."""
    session.handle("how many soldiers are in iraq")
    listed = len(session.handle("compare 1 2").passages)
    readings = (next(b for b in session.handle(f"read {n}").blocks if isinstance(b, Reading))
                for n in range(1, listed + 1))
    reading = next(r for r in readings if not _in_last_paragraph(session, r))
    reply = session.handle("more")
    assert not reply.passages and "More on" not in said(reply)
    text = next(b for b in reply.blocks if isinstance(b, Items) and b.title == "Text").items
    assert reading.text.index(text[0]) > reading.paragraph[0]  # the paragraphs after that answer's
    session.handle("timeline")
    assert not session.handle("more").passages  # the timeline's lines are not a question's answers


def test_more_after_reading_an_answer_in_the_last_paragraph_says_the_article_ends(session: Session) -> None:
    """It said "More of what? Ask a question first." right after the question was answered."""
    reply = session.handle("how many soldiers are in iraq")
    readings = (next(b for b in session.handle(f"read {n}").blocks if isinstance(b, Reading))
                for n in range(1, len(reply.passages) + 1))
    assert any(_in_last_paragraph(session, r) for r in readings)
    assert "(The end of the article.)" in said(session.handle("more"))
    again = session.handle("more")  # not the question before, again
    assert again.status == "error" and not again.passages and "More of what?" in said(again)
    assert session.handle("why?").asked == "why soldiers are in iraq?"  # still the question asked last


def test_source_and_who_said_after_more_mean_the_first_answer_of_that_page(session: Session) -> None:
    session.handle("what does iraq use to secure its border")
    page = session.handle("more")
    assert [p.number for p in page.passages] == [4, 5, 6]
    source = session.handle("source?").passages[0]
    assert source.number == 4 and source.answer.text == page.answers[0].text and source.full
    who = session.handle("who said that?")
    speaker = page.answers[0].speaker
    assert (speaker or "The articles do not say who") in said(who)
    assert session.handle("source?").passages[0].number == 4  # still that page's first


def test_ask_reads_a_short_misspelt_topic_as_the_person_writes_it(session: Session) -> None:
    reply = session.handle("ask numan about the wal")
    assert "wal \u2192 wall" in said(reply) and "Nor do the articles" not in said(reply)
    assert reply.answers and all("wall" in a.text for a in reply.answers)
    assert "The articles never use the word \u201czzq\u201d either." in said(session.handle("ask numan about zzq"))


def test_a_follow_up_keeps_what_was_typed_as_its_query(capsys, monkeypatch) -> None:
    replies = run_batch(capsys, monkeypatch, ["how many soldiers are in iraq", "why?", "who made it?"])
    assert [r["query"] for r in replies] == ["how many soldiers are in iraq", "why?", "who made it?"]
    assert replies[0]["asked"] == replies[0]["query"]
    assert replies[1]["asked"].startswith("why ") and replies[1]["asked"] != "why?"
    assert replies[2]["asked"].startswith("who made ") and "it" not in replies[2]["asked"].split()


@pytest.mark.parametrize("typed, meant", [("were is harir base", "where is harir base"),
                                          ("whos the spokesman", "who is the spokesman"),
                                          ("wheres erbil", "where is erbil"), ("wehn did the mission end",
                                                                               "when did the mission end"),
                                          ("isnt the border secure", "isn't the border secure")])
def test_question_words_are_read_as_typed_fast(session: Session, seed_index, typed: str, meant: str) -> None:
    from briefbot.question import analyse
    assert analyse(typed).type == analyse(meant).type
    reply, fresh = session.handle(typed), Session(seed_index).handle(meant)
    assert [(a.text, a.answer_span) for a in reply.answers] == [(a.text, a.answer_span) for a in fresh.answers]


TYPED_FAST = ("Title: Knapman glad to see the back of Kilroy-Silk\nDate: 2005-01-21\nSource: BBC News\n\n"
              "UKIP leader Roger Knapman says he was glad to see the back of Mr Kilroy-Silk.\n\n"
              "Mr Kilroy-Silk will stand in Erewash, whereas his old party stands nowhere.\n\n"
              "A whop of laughter met the plan to abort the campaign.\n\n"
              "Mr Knapman said the party would talk about immigration at every meeting.\n")


@pytest.mark.parametrize("typed, meant", [("whos the ukip leader", "who is the ukip leader"),
                                          ("wheres kilroy-silk standing", "where is kilroy-silk standing"),
                                          ("what did knapman say abot immigration", "what did knapman say about immigration")])
def test_question_words_typed_fast_are_never_read_as_the_articles_words(tmp_path: Path, typed: str, meant: str) -> None:
    """P4, T11: on BBC politics "whos" was read as "whop", "wheres" as "whereas", "abot" as "abort" (words
    the articles use, one slip away), and "hwo is" as "how is": a question word is read as one first."""
    from briefbot.cache import load
    (tmp_path / "kilroy.txt").write_text(TYPED_FAST, encoding="utf-8")
    session = Session(load([str(tmp_path / "kilroy.txt")], lambda line: None, use_cache=False), home=tmp_path)
    reply, fresh = session.handle(typed), Session(session.index, home=tmp_path).handle(meant)
    assert "(Reading" not in said(reply) and reply.answers
    assert [(a.text, a.answer_span) for a in reply.answers] == [(a.text, a.answer_span) for a in fresh.answers]
    assert reply.query == typed  # the echo is what was typed


def test_hwo_is_who_before_is_and_how_before_many() -> None:
    """T11: `hwo is jon presott` was read "how is jon prescott's"."""
    from briefbot.question import as_meant, with_question_words_as_meant
    assert as_meant("hwo is roger knapman") == "who is roger knapman" and as_meant("hwo many mps") == "how many mps"
    assert with_question_words_as_meant("Hwo was Roger Knapman?") == "who was Roger Knapman?"
    assert as_meant("and hwo many mps") == "and how many mps"  # not first: the table's reading


@pytest.mark.parametrize("typed, meant", [("hwo said the trainers are unnecessary", "who said the trainers are unnecessary"),
                                          ("whoo said that", "who said that"), ("hwo founded the coalition",
                                                                                 "who founded the coalition"),
                                          ("hwo did the mission end", "how did the mission end"),
                                          ("wha is the pkk", "what is the pkk"), ("Hwo is alawi?", "who is alawi?")])
def test_a_misspelt_first_question_word_is_the_one_its_letters_and_the_next_word_spell(session: Session, seed_index,
                                                                                      tmp_path: Path, typed: str,
                                                                                      meant: str) -> None:
    """`hwo said …` was read "how said …" (a table wrote "hwo" as "how" but before "is"), `whoo said`
    not at all: a first word one slip from a question word is read as the one spelt with its letters
    ("wha": what, not who), and of "how" and "who" as the one the next word goes with."""
    from briefbot.question import with_question_words_as_meant
    assert with_question_words_as_meant(typed).lower() == meant.lower()
    reply, fresh = session.handle(typed), Session(seed_index, home=tmp_path / "fresh").handle(meant)
    assert said(reply) == said(fresh) and [a.text for a in reply.answers] == [a.text for a in fresh.answers]


def test_a_name_one_slip_from_a_question_word_stays_a_name() -> None:
    from briefbot.question import as_meant
    for line in ("hu jintao said the talks went well", "hu said it", "how is the economy", "who did they beat"):
        assert as_meant(line) == line


def test_question_words_are_not_misread(session: Session) -> None:
    from briefbot.question import as_meant
    for line in ("were the troops there", "now is the time", "who is it", "what is it"):
        assert as_meant(line) == line
    assert session.handle("wheres that from").verb == "source_of"


def test_a_misspelt_word_is_read_as_the_word_its_stem_is(tmp_path: Path) -> None:
    """The index keeps one form of a stem ("marketing"); "markt" is one slip from its stem "market",
    not the rarer "mark"."""
    from briefbot.cache import load
    from briefbot.search import Searcher
    (tmp_path / "a.txt").write_text("Firms and marketing.\n\nThe marketing budget grew. Marketing spend rose. "
                                    "Its marketing worked well.\n")
    (tmp_path / "b.txt").write_text("A share price.\n\nThe share price hit the 95% mark on Monday.\n")
    searcher = Searcher(load([str(tmp_path)], lambda line: None, use_cache=False))
    assert searcher.corrections("markt share") == {"markt": "market"}


@pytest.mark.parametrize("line, heading", [("ask al-bayati about isis", "Sarmed Al-Bayati on ISIS:"),
                                           ("ask allawi about trainers", "Mohammed Tawfiq Allawi on trainers:"),
                                           ("ask allawi about the f-16 jets", "Mohammed Tawfiq Allawi on the F-16 jets:")])
def test_ask_names_its_topic_as_the_person_writes_it(session: Session, line: str, heading: str) -> None:
    """`ask al-bayati about isis` said "Sarmed Al-Bayati on isis:"; a word he writes only at a
    sentence's start ("Trainers for military forces…") keeps the case typed."""
    assert heading in said(session.handle(line)).splitlines()


def test_what_else_did_he_say_and_ask_him(session: Session) -> None:
    asked = session.handle("ask allawi about trainers")
    more = session.handle("what else did he say?")
    assert more.answers and all(a.speaker == "Mohammed Tawfiq Allawi" for a in more.answers)
    assert not {a.text for a in more.answers} & {a.text for a in asked.answers}
    reply = session.handle("ask him about the F-16 jets")
    assert reply.verb == "ask" and "Mohammed Tawfiq Allawi on" in said(reply)


def test_read_1_opens_the_reader_at_that_sentence(session: Session) -> None:
    answer = session.handle("where is harir base").answers[0]
    for line in ("read 1", "open 1"):
        reading = next(b for b in session.handle(line).blocks if isinstance(b, Reading))
        assert reading.text[reading.start:reading.end] == answer.text
        assert not Path(reading.path).is_absolute()


def test_read_n_after_sources_reads_source_n(session: Session) -> None:
    """T10: `sources` then `read 1` opened answer 1 of the question before, not source 1 of the list
    just shown. `read N` is what the last reply numbered: after another question, its answer N."""
    answer = session.handle("where is harir base").answers[0]
    session.handle("sources")
    session.handle("score")  # numbers nothing: the list is still what `read` counts in
    for line in ("read 2", "open 2"):
        reply = session.handle(line)
        assert reply.verb == "read_source" and reply.blocks[0] == Heading(session.index.articles[1].label)
    session.handle("where is harir base")
    reading = next(b for b in session.handle("read 1").blocks if isinstance(b, Reading))
    assert reading.text[reading.start:reading.end] == answer.text


def test_follow_ups_before_any_question_say_what_to_do(session: Session) -> None:
    for line in ("who said that?", "more", "source?", "read 1", "what else did he say?"):
        reply = session.handle(line)
        assert reply.status == "error" and said(reply), line


# --- ask - is one game ------------------------------------------------------------------------

def run_batch(capsys, monkeypatch, lines: list[str], *options: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    cli.main(["ask", "--json", *options, "-"])
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_readme_s_ten_lines_are_what_briefbot_prints(capsys, monkeypatch, tmp_path: Path) -> None:
    """The game at the top of the README is run as it is written (whoever changes the answers updates it)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Ten lines of a game", 1)[1].split("```\n", 2)[1].splitlines()
    command, shown = block[0], block[1:]
    assert command.startswith("$ printf '") and command.endswith("' | .venv/bin/briefbot ask -k 1 -")
    lines = command.split("'")[1].split("\\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))
    cli.main(["ask", "-k", "1", "-"])
    assert capsys.readouterr().out.rstrip("\n").splitlines() == shown
    assert 9 <= len(shown) <= 11


def test_ask_dash_is_one_game(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    replies = run_batch(capsys, monkeypatch, ["go harir", "look", "", "where is harir base", "who said that?",
                                              "note 1", "save"])
    assert len(replies) == 6  # the blank line is skipped, not a `look`
    assert replies[1]["view"]["room"] == "Harir base" and replies[1]["verb"] == "look"
    assert replies[-1]["status"] == "ok" and (tmp_path / "briefbot-session.json").exists()
    assert [r["view"]["turns"] for r in replies] == [1, 2, 3, 4, 5, 6]


def test_an_independent_question_answers_the_same_in_a_batch(capsys, monkeypatch) -> None:
    questions = list(QUESTIONS[:6])
    batch = run_batch(capsys, monkeypatch, questions)
    for question, reply in zip(questions, batch):
        cli.main(["ask", "--json", question])
        alone = json.loads(capsys.readouterr().out)
        assert [a["text"] for a in reply["answers"]] == [a["text"] for a in alone["answers"]]


# --- the verb table --------------------------------------------------------------------------

def test_every_alias_parses_to_its_verb() -> None:
    parser = Parser(VERBS)
    for verb in VERBS:
        for alias in verb.aliases:
            if verb.object == "none":
                assert parser.parse(alias).verb == verb.name, alias


@pytest.mark.parametrize("line, verb", [("summary", "brief"), ("What's the story?", "brief"),
                                        ("whats going on", "brief"), ("who is quoted", "people"),
                                        ("Whos quoted?", "people")])
def test_a_line_that_means_a_verb_runs_it(session: Session, line: str, verb: str) -> None:
    """`summary`, `what is the story`, `who is quoted` answered "The articles say nothing about that"."""
    reply = session.handle(line)
    assert reply.verb == verb and "say nothing" not in said(reply)


def test_help_and_undo_are_made_from_the_table(session: Session) -> None:
    shown = " ".join(plain(session.handle("help")).split())  # as read, a description wrapped or not
    for verb in VERBS:
        if verb.help:
            assert verb.help in shown
    before = len(session.undo_stack)
    for verb in VERBS:
        if not verb.changes_state and verb.object == "none" and verb.aliases and verb.name != "quit":
            session.handle(verb.aliases[0])
    assert len(session.undo_stack) == before
    session.handle("go harir")
    assert len(session.undo_stack) == before + 1


def test_wrapped_lines_stay_indented_at_80_columns(session: Session) -> None:
    lines = drawn(session.handle("help"))
    rows = [line for line in lines[next(n for n, line in enumerate(lines) if line.endswith(":")):]
            if not line.rstrip().endswith(":") or line.startswith(" ")]
    assert rows and all(line.startswith("  ") for line in rows)
    assert any(line.startswith(" " * 10) and line.strip() for line in rows)  # wrapped under its description
    reply = session.handle("read source 1")
    text = next(b for b in reply.blocks if isinstance(b, Items))
    lines = [line.rstrip() for line in drawn(reply)]
    body = lines[lines.index(f"{text.title}:") + 1:]
    body = body[:next((n for n, line in enumerate(body) if line.startswith("(")), len(body))]  # then "(15 more…)"
    assert len(body) > len(text.items) and all(line.startswith("  ") for line in body if line.strip())


def test_plain_help_fits_80_columns_and_wraps_under_the_descriptions(session: Session) -> None:
    """`briefbot ask help` in a pipe wrote lines of up to 89 characters: a terminal wrapped them to column 0."""
    lines = plain(session.handle("help")).splitlines()
    assert max(len(line) for line in lines) <= 80
    column = next(re.match(r"  \S.*?\s{2,}", line).end() for line in lines if line.startswith("  look"))
    rows = [line for line in lines if line.startswith("  ")]
    wrapped = [line for line in rows if not line[:column].strip()]
    assert wrapped and all(line[column] != " " for line in wrapped)  # each under its description's column
    assert all(len(line) > column and line[column - 2:column] == "  " for line in rows)


def test_a_timeline_line_reads_alike_in_both_front_ends_and_past_nine(session: Session) -> None:
    from briefbot.reply import Dated
    from briefbot.tui.widgets import PassageView
    line = next(b for b in session.handle("timeline").blocks if isinstance(b, Dated))
    for number in (1, 10, 100):
        dated = replace(line, number=number, label=f"{line.label} (article date)")
        expected = f"{number}. {dated.label}  "
        assert drawn(Reply("", "answered", [dated]))[0].startswith(expected)  # "10.(2024-09-27)" lost its space
        view = PassageView(dated, "")
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(view.content)
        assert console.export_text().startswith(expected)  # not "(2025-02-05 (article date))"


@pytest.mark.parametrize("line", ["who is the ceo of apple", "hint", "notebook"])
def test_what_to_type_is_bold_not_in_backticks(session: Session, line: str) -> None:
    from briefbot.render import message_text
    reply = session.handle(line)
    assert "`" in said(reply)  # the message names something to type
    assert "`" not in "\n".join(drawn(reply))
    typed = said(reply).split("`")[1]
    text = message_text(said(reply))
    assert typed in [text.plain[s.start:s.end] for s in text.spans if s.style == "bold"]
    assert typed in plain(reply) and "`" not in plain(reply)  # a pipe drops them, as the TUI does (N4)


@pytest.mark.parametrize("line", ["x 99", "read 99", "note 99"])
def test_an_answer_not_on_the_table_says_how_many_are(session: Session, line: str) -> None:
    assert "no answer 99 yet" in said(session.handle(line))
    session.handle("how many soldiers are in iraq")
    reply = session.handle(line)
    assert reply.status == "error" and said(reply) == "There is no answer 99: answers 1 to 3 are on the table."


def test_a_new_verb_is_one_entry_and_one_function() -> None:
    def wave(s, command: Command) -> Reply:
        return Reply(command.line, "ok", verb="wave").say(f"You wave at {command.obj}.")
    parser = Parser((*VERBS, Verb("wave", ("wave at", "wave"), "wave at someone", False, wave, "optional")))
    assert parser.parse("wave at the soldiers") == Command("wave", "soldiers", line="wave at the soldiers")
    assert parser.parse("wave").verb == "wave"


def test_the_front_ends_import_only_session_reply_and_rendering() -> None:
    allowed = {"briefbot", "briefbot.session", "briefbot.reply", "briefbot.render", "briefbot.plain", "briefbot.text",
               "briefbot.fetch"}  # `briefbot add` saves web pages into a folder: no part of answering
    files = [ROOT / "briefbot" / "cli.py", *sorted((ROOT / "briefbot" / "tui").glob("*.py"))]
    for path in files:
        tree = ast.parse(path.read_text())
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                if name.startswith("briefbot") and not name.startswith("briefbot.tui"):
                    assert name in allowed, f"{path.name} imports {name}"


def test_every_reply_carries_its_view(session: Session) -> None:
    reply = session.handle("go harir")
    view = reply.view
    assert view is not None and view.room == "Harir base" and view.turns == 1
    assert view.facts == session.world.fact_count and view.exits and view.people is not None
    assert reply.to_json()["view"]["room"] == "Harir base"
    with pytest.raises(AttributeError):
        view.room = "elsewhere"  # type: ignore[misc]


# --- small things ------------------------------------------------------------------------------

def test_oops_replaces_the_misspelt_word_and_g_repeats_the_fix(session: Session) -> None:
    session.handle("hw many soldirs in harir")
    reply = session.handle("oops soldiers")
    assert said(reply).startswith("(hw many soldiers in harir)")
    assert session.handle("g").query == "hw many soldiers in harir"


def test_oops_replaces_the_word_it_is_spelt_like_and_asks_when_it_is_like_none(session: Session) -> None:
    """`oops harir` after "frobnicate the widget" ran "harir the widget": the first word found nowhere,
    though "harir" is spelt like neither. With one such word, that one."""
    session.handle("frobnicate the widget")
    reply = session.handle("oops harir")
    assert not reply.answers and "\u201cfrobnicate\u201d or \u201cwidget\u201d" in said(reply)
    session.handle("where is the widget")
    assert said(session.handle("oops harir")).startswith("(where is the harir)")


@pytest.mark.parametrize("typed", ["how many \x1b[31msoldiers\x1b[0m are in iraq",
                                   "how\a many soldiers are in iraq\x00", "how many sol\x7fdiers are in iraq"])
def test_control_sequences_in_typed_input_are_dropped(session: Session, typed: str) -> None:
    """A bell, a NUL or a DEL too (they were shown as ␇, ␀)."""
    reply = session.handle(typed)
    assert reply.query == "how many soldiers are in iraq" and reply.answers


@pytest.mark.parametrize("words", [300, 3000])  # within the 2,000 characters, and far past them (an article)
def test_a_long_paste_asking_nothing_is_answered_on_its_most_telling_sentence(session: Session, words: int) -> None:
    """U2: a paste that asks nothing was answered on its start, a preamble of a few little words."""
    told = "Here is what the reports of the coalition say about the American soldiers in Iraq."
    paste = "I was reading this. " + told + " " + " ".join(["word"] * words)
    reply = session.handle(paste)
    assert said(reply).startswith("(A long paste with no question in it: answered on its sentence with the most")
    assert f"15 of its {words + 19:,} words" in said(reply).splitlines()[0]
    assert reply.query == told and len(drawn(reply)) < 30


@pytest.mark.parametrize("asked", ["How many American soldiers are in Iraq, and why.",
                                   "Tell me how many American soldiers are in Iraq."])
def test_a_long_paste_asking_without_a_question_mark_is_answered_on_what_it_asks(session: Session,
                                                                                asked: str) -> None:
    """U2: "Reading this report I wonder about the Band Aid 20 single. How many copies did it sell in its
    first week, and who produced it, …" (71 words, no "?") was answered on its 11-word preamble."""
    paste = ("Reading this report I wonder about the American presence and what it means for the region. "
             + " ".join(["Some words of the report."] * 12) + " " + asked + " When it ends, they go home.")
    reply = session.handle(paste)
    assert said(reply).startswith(f"(A long paste: answered on its question, {len(asked.split())} of its")
    assert reply.query == asked and "2,500" in reply.answers[0].text


def test_a_long_paste_asking_a_question_is_answered_on_that_question(session: Session) -> None:
    """The new user's 71-word paste was answered on its preamble, not on the question after it."""
    paste = ("Reading this report I wonder about the American presence and what it means for the region. "
             + " ".join(["Some words of the report."] * 12) + " How many American soldiers are in Iraq? And why?")
    reply = session.handle(paste)
    assert said(reply).startswith("(A long paste: answered on its question, 7 of its")
    assert reply.query == "How many American soldiers are in Iraq?" and "2,500" in reply.answers[0].text


def test_ask_dash_echoes_a_long_paste_by_its_start(capsys, monkeypatch) -> None:
    """`ask -` echoed a 3,000-word line whole above its answers (the chat echoed its start)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("how many soldiers in harir? " + " ".join(["word"] * 3000) + "\n"))
    cli.main(["ask", "-k", "1", "-"])
    echoed = capsys.readouterr().out.splitlines()[0]
    assert echoed.startswith("> how many soldiers in harir? word") and echoed.endswith("\u2026") and len(echoed) < 310


@pytest.mark.parametrize("argv", [["--corpus", "/nonexistent/briefing"],
                                  ["ask", "--corpus", "/nonexistent/briefing", "anything"],
                                  ["sources", "--corpus", "/nonexistent/briefing"]])
def test_a_missing_corpus_exits_2_before_the_app_starts_with_one_error(capsys, argv: list[str]) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "/nonexistent/briefing" in err and len(err.splitlines()) == 1  # not a warning and then an error


def test_a_bad_k_says_what_it_wants(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["ask", "-k", "abc", "iraq"])
    err = capsys.readouterr().err
    assert "whole number" in err and "_count" not in err


def test_restore_after_a_restart_takes_the_newest_save(seed_index, tmp_path: Path) -> None:
    old = Session(seed_index, home=tmp_path)
    old.handle("save")
    game = Session(seed_index, home=tmp_path)  # a relaunch: another game
    game.handle("go palmyra")
    saved = said(game.handle("save"))
    assert "already there and was left alone" in saved and "briefbot-session-2.json" in saved
    game.handle("go harir")
    assert "left alone" not in said(game.handle("save"))  # its own earlier save, replaced
    relaunched = Session(seed_index, home=tmp_path)
    assert "briefbot-session-2.json" in said(relaunched.handle("restore"))
    assert relaunched.state.room == "Harir base"
    assert "left alone" not in said(relaunched.handle("save"))  # the restored game's own file


def test_restore_with_no_name_takes_this_briefings_newest_save_never_another_corpus(seed_index, tmp_path: Path) -> None:
    """A newer save of other articles in the same folder is passed over; with no save of this
    briefing, `restore` says so (it tried the other corpus's briefbot-session.json and refused it)."""
    import os
    from briefbot.cache import load
    (tmp_path / "bridge.txt").write_text("Bridge opens\n\nThe council opened the bridge in Selby.\n")
    other = Session(load([str(tmp_path / "bridge.txt")], lambda line: None, use_cache=False), home=tmp_path)
    other.handle("save")  # briefbot-session.json: the other corpus's
    game = Session(seed_index, home=tmp_path)
    refused = game.handle("restore")
    assert refused.status == "error" and "no saved game of this briefing" in said(refused)
    assert "saved with other articles" not in said(refused) and game.save_path is None
    game.handle("go harir")
    game.handle("save")  # briefbot-session-2.json: this briefing's
    other.handle("save")
    newer = os.stat(tmp_path / "briefbot-session-2.json").st_mtime_ns + 10**9
    os.utime(tmp_path / "briefbot-session.json", ns=(newer, newer))  # the other corpus saved last
    relaunched = Session(seed_index, home=tmp_path)
    assert "briefbot-session-2.json" in said(relaunched.handle("restore")) and relaunched.state.room == "Harir base"


def test_the_opening_says_when_a_game_of_this_briefing_was_saved(seed_index, tmp_path: Path) -> None:
    """A relaunch showed no sign of the saved game (`restore` worked once typed)."""
    from briefbot.cache import load
    hint = "A saved game of this briefing exists: type `restore`"
    assert hint not in said(Session(seed_index, home=tmp_path).opening())
    (tmp_path / "other.txt").write_text("Bridge opens\n\nThe council opened the bridge in Selby.\n")
    other = Session(load([str(tmp_path / "other.txt")], lambda line: None, use_cache=False), home=tmp_path)
    other.handle("save")  # another briefing's game: `restore` here would refuse it
    assert hint not in said(Session(seed_index, home=tmp_path).opening())
    Session(seed_index, home=tmp_path).handle("save")
    assert hint in said(Session(seed_index, home=tmp_path).opening())
    assert hint not in said(Session(seed_index, home=tmp_path / "elsewhere").opening())


def test_the_score_of_a_big_briefing_counts_facts_found_and_sources_touched() -> None:
    """"31/7517 facts" on a BBC folder of 333 articles said nothing: past BIG_BRIEFING facts the score
    is the facts found and the sources touched."""
    small = View("Briefing room", 9, uncovered=7, facts=40, touched=2, sources=2)
    big = View("Briefing room", 12, uncovered=31, facts=7517, touched=28, sources=333)
    assert (small.score, small.found) == ("7/40", "7 of 40 facts")
    assert (big.score, big.found) == ("31 facts, 28/333 sources", "31 facts from 28 of 333 sources")
    assert View("Briefing room", 0).score == ""  # the world not built: nothing to count yet


def test_score_on_a_big_briefing_gives_the_share_and_hint_the_thing_most_left_in(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefbot import reply
    session.handle("how many american soldiers are in iraq")
    found = len(session.uncovered())
    monkeypatch.setattr(reply, "BIG_BRIEFING", 10)  # the embedded briefing's 48 facts, as a big one's
    view = session.handle("look").view
    assert view is not None and view.score == f"{found} facts, 2/2 sources"
    assert re.fullmatch(rf"You have uncovered {found} facts \(\d+(\.\d)?% of the {view.facts} the articles tell\) "
                        r"from 2 of 2 sources \(100%\) in 3 turns\.", said(session.handle("score")))
    most = max(session.world.things, key=lambda t: session.left(t.sentences))
    verb = {"person": "talk to", "place": "go to"}.get(most.kind, "examine")
    assert said(session.handle("hint")).startswith(f"Try `{verb} {most.name}`: ")  # a thing, not `read source 1`


def test_counts_agree_with_their_nouns(session: Session) -> None:
    session.handle("where is harir base")
    session.handle("note 1")
    assert "1 note with its citation" in said(session.handle("export"))
    session.handle("save")
    assert "in the Briefing room" in said(session.handle("restore"))


def test_sources_text_past_the_last_counts_them_in_words_that_agree(capsys, tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text("Bridge reopens\n\nEngineer Sam Lowe said the bridge reopens in May.\n")
    assert cli.main(["sources", "--corpus", str(tmp_path), "--text", "2"]) == 2
    assert "no source 2: the briefing has 1 source" in capsys.readouterr().err  # was "there are 1 sources"


def test_reading_a_source_uncovers_the_pages_read(session: Session) -> None:
    session.handle("read source 1")
    first = len(session.uncovered())
    pages = 1
    while "more paragraph" in (last := said(session.handle("more"))):
        pages += 1
    everything = len(session.uncovered())
    assert pages > 1 and 0 < first < everything
    assert "The end of the article" in last


def test_other_names_are_listed_once(session: Session) -> None:
    from briefbot.text import fold
    reply = session.handle("x pkk")
    also = next(line for line in said(reply).splitlines() if line.startswith("Also called: "))
    names = also.removeprefix("Also called: ").rstrip(".").split(", ")
    assert len({fold(n) for n in names}) == len(names)


@pytest.mark.parametrize("person", ["al-numan", "al-bayati", "allawi"])
def test_topics_are_what_a_person_talks_about_not_verbs_or_the_outlet(session: Session, person: str) -> None:
    reply = session.handle(f"talk to {person}")
    topics = next(b for b in reply.blocks if getattr(b, "title", "") == "Talks about").items
    assert len(topics) >= 3
    assert not set(topics) & {"take", "set", "reached", "defensive", "pose", "limited", "Shafaq News Agency"}
    assert any(t[:1].isupper() for t in topics)  # the people, places and organisations named come first


def _topics_of(tmp_path: Path, person: str, text: str) -> list[str]:
    """The "Talks about" topics of `person`, quoted in `text`, beside an unrelated article."""
    from briefbot.cache import load
    (tmp_path / f"{person}.txt").write_text(text)
    (tmp_path / "other.txt").write_text("Rain in London.\n\nIt rained in London on Monday, and the crowd "
                                        "went home. The weather was poor.\n")
    session = Session(load([str(tmp_path)], lambda line: None, use_cache=False), home=tmp_path)
    reply = session.handle(f"talk to {person}")
    return next(b for b in reply.blocks if getattr(b, "title", "") == "Talks about").items


def test_topics_are_whole_names_and_nouns_not_words_that_say_nothing_alone(tmp_path: Path) -> None:
    """BBC topics were "Grand", "Slam", "never", "rather", "fantastic", "consideration"."""
    quotes = ["I never felt the pressure at the Grand Slam, it was rather fantastic,",
              "I'm happy with the Grand Slam and the pressure of a fantastic crowd,",
              "We will take into consideration the racket and the crowd,"]
    text = "Tennis star wins.\n\n" + " ".join(f"\u201c{q}\u201d said Marat Safin, the tennis player."
                                           for q in quotes) + "\n"
    topics = _topics_of(tmp_path, "safin", text)
    assert "Grand Slam" in topics and "pressure" in topics
    assert not set(topics) & {"Grand", "Slam", "never", "rather", "fantastic", "consideration", "I'm", "happy"}


def test_a_capitalised_english_word_opening_a_quotation_is_no_topic(tmp_path: Path) -> None:
    """BBC tech and business: Donofrio talked about "Somebody" and Frost about "Dismal" (each opens
    one of their quotations, and the corpus never writes it in lower case)."""
    quotes = ["Somebody had a new thing about the Heinze deal, and the deal was good,",
              "Dismal reports about the Heinze deal are worrying, but the deal stands,"]
    text = "Deal talk.\n\n" + " ".join(f"\u201c{q}\u201d said Nick Donofrio, the executive." for q in quotes) + "\n"
    topics = _topics_of(tmp_path, "donofrio", text)
    assert "Heinze" in topics and not set(topics) & {"Somebody", "Dismal"}


def test_a_name_with_of_the_inside_is_one_topic(tmp_path: Path) -> None:
    """BBC sport: Umaga talked about "Rings" ("the biggest thing to hit New Zealand since Lord of the
    Rings": "Lord" was dropped as a title and the run cut at "of the")."""
    quotes = ["The tour is the biggest thing to hit New Zealand since Lord of the Rings,",
              "Lord of the Rings brought the crowds to New Zealand, and the tour will too,"]
    text = "Lions tour fever.\n\n" + " ".join(f"\u201c{q}\u201d said Tama Umaga, the All Blacks captain."
                                           for q in quotes) + "\n"
    topics = _topics_of(tmp_path, "umaga", text)
    assert "Lord of the Rings" in topics and "Rings" not in topics


PARRY = ("Title: Parry rules out Gerrard sale\nDate: 2005-01-10\nSource: BBC Sport\n\n"
         "Liverpool chief executive Rick Parry insists the club will never sell Steven Gerrard to Chelsea.\n\n"
         "Speaking exclusively to BBC Sport, Parry said: \"Steven is above money. We told Steven we are building "
         "a team around him. There will be no deal in the summer, and Steven knows it.\"\n\n"
         "\"Steven wants to win the league with Liverpool, and Steven will still be here after the summer,\" Parry "
         "said. \"We watch the transfer market from the sky, and the summer window is no threat.\"\n\n"
         "Parry added that Phil Thompson cared more for the Phil Thompson Party than for Liverpool: \"The Phil "
         "Thompson Party is not our concern.\"\n\n"
         "\"We will win the league,\" said Phil Thompson, the former Liverpool coach.\n")


def test_a_talk_card_has_one_heading_and_topics_that_are_what_the_person_talks_about(tmp_path: Path) -> None:
    """K1, S: the card said "Quoted in the articles; talks about:" and then "Topics:", and listed the
    outlet, a first name alone ("Steven"), when ("summer"), "sky" and a jibe ("the Robert Kilroy-Silk
    Party") as topics."""
    from briefbot.cache import load
    (tmp_path / "parry.txt").write_text(PARRY, encoding="utf-8")
    session = Session(load([str(tmp_path / "parry.txt")], lambda line: None, use_cache=False), home=tmp_path)
    reply = session.handle("talk to parry")
    lists = [b for b in reply.blocks if isinstance(b, Items)]
    assert [b.title for b in lists] == ["Talks about"] and not said(reply).startswith("Quoted")
    from briefbot.topic import talked_about
    parry = session.world.find("Rick Parry")[0]
    for topics in (lists[0].items, talked_about(session.index, session.world, parry, n=30)):  # all it finds
        assert "Steven Gerrard" in topics
        assert not set(topics) & {"Steven", "summer", "sky", "BBC", "BBC Sport", "Speaking", "Phil Thompson Party"}


@pytest.mark.parametrize("asked", ["whos allawi", "who is allawi?"])
def test_who_is_a_quoted_person_says_who_before_their_quotes(session: Session, asked: str) -> None:
    """`whos allawi` showed his quote ("We are a sovereign nation…") before the line that says who he is."""
    session.handle("people")  # the world is built
    reply = session.handle(asked)
    first = next(b for b in reply.blocks if isinstance(b, (Message, Passage)))
    assert isinstance(first, Message) and first.text == "Mohammed Tawfiq Allawi, former prime ministerial candidate."
    assert reply.answers and not [b for b in session.handle("who is the leader").blocks if isinstance(b, Message)]


def test_who_is_a_misspelt_person_says_who_they_are(session: Session) -> None:
    """A new user's find: "who is alawi" was read as Allawi but dropped the line saying who he is."""
    session.handle("people")
    said = [b.text for b in session.handle("who is alawi").blocks if isinstance(b, Message)]
    assert "Mohammed Tawfiq Allawi, former prime ministerial candidate." in said


def test_a_one_shot_who_is_says_who_before_their_quotes(capsys) -> None:
    """`briefbot ask "whos allawi"` never loaded the world, which alone knows his role."""
    assert cli.main(["ask", "whos allawi"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Mohammed Tawfiq Allawi, former prime ministerial candidate."


def test_a_speaker_is_called_as_the_world_calls_them(session: Session) -> None:
    session.handle("people")  # the world is built
    speakers = {a.speaker for line in ("what threat does isis pose to iraq", "radar systems for drones")
                for a in session.handle(line).answers if a.speaker}
    names = {c.name for c in session.world.characters}
    assert speakers and speakers <= names  # "Sarmed Al-Bayati" (world.toml), never the variant "Sarmad"


def test_one_shot_ask_calls_a_speaker_as_the_world_file_does_without_building_the_world(capsys, monkeypatch) -> None:
    from briefbot import session as session_module
    from briefbot.world import Character, read_world_file

    def no_world(*args, **kwargs):
        raise AssertionError("a plain question built the world")
    monkeypatch.setattr(session_module, "load_world", no_world)
    assert cli.main(["ask", "--json", "what threat does isis pose to iraq"]) == 0
    speakers = {a["speaker"] for a in json.loads(capsys.readouterr().out)["answers"]} - {None}
    entries = [e for e in read_world_file(ROOT / "corpus" / "world.toml").entries if e.kind is Character]
    assert speakers & {e.name for e in entries}  # "Sarmed Al-Bayati", as world.toml calls him
    assert not speakers & {v for e in entries for v in e.variants}  # never the variant "Sarmad"


def test_no_answer_lists_what_the_briefing_is_about_not_junk(session: Session) -> None:
    session.handle("people")
    reply = session.handle("recipe for pancakes")
    covers = said(reply).split("This briefing covers: ")[1].split(".\n")[0].split(", ")
    assert covers and all(session.named(c) for c in covers) and "Shafaq News Agency" not in covers


def test_the_chat_and_a_one_shot_ask_list_the_same_covers(session: Session, seed_index, tmp_path: Path) -> None:
    """N4: the TUI (its world built) listed "Iraq, Sabah al-Numan, ISIS…", `ask` "Mohammed Tawfiq Allawi…"."""
    session.handle("people")  # the world built, as the chat has it
    one_shot = Session(seed_index, home=tmp_path).handle("recipe for pancakes")
    assert said(session.handle("recipe for pancakes")) == said(one_shot) and "This briefing covers: " in said(one_shot)


@pytest.mark.parametrize("state", ['{"notebook": "abc"}', '{"shown_at": {"x": 1}}', '[1]', '{"turns": 1, "seen": [1e9]}'])
def test_a_damaged_save_is_refused_not_a_crash(session: Session, tmp_path: Path, seed_index, state: str) -> None:
    sources = json.dumps([a.source for a in seed_index.articles])
    (tmp_path / "bad.json").write_text(f'{{"briefbot_session": 1, "state": {state}, "sources": {sources}}}')
    reply = session.handle("restore bad.json")
    assert reply.status == "error" and "Could not restore" in said(reply)


MURDER = ("Blunkett sorry over murder plan\n\n"
          "Shadow chancellor Oliver Letwin said: \"The chancellor has a black hole in his finances.\" "
          "Mr Letwin said the figures did not add up.\n\n"
          "Speaking after the report was published, Home Office minister Baroness Scotland said: \"Murder is the most "
          "serious of crimes and we have no intention of abolishing the mandatory life sentence.\" "
          "She said the review of sentencing would report next year.\n\n"
          "Shadow home secretary David Davis said: \"There is genuine concern about shorter murder sentences.\" "
          "Mr Davis said ministers had been caught out by the judges.\n")


@pytest.fixture
def murder(tmp_path: Path) -> Session:
    return story_session(tmp_path, {"murder.txt": MURDER}, k=1)


def test_she_after_a_who_said_question_is_its_speaker_not_the_man_named_before(murder: Session) -> None:
    """S16: `what else did she say?` after `who said murder is the most serious of crimes` (Baroness
    Scotland) answered "Oliver Letwin also says:", the man named two turns back: a question does not
    build the world, and only the world's people were taken as the speaker named last."""
    murder.handle("who is the shadow chancellor")
    murder.handle("who said murder is the most serious of crimes")
    assert said(murder.handle("what else did she say?")).splitlines()[0] == "Baroness Scotland also says:"


def test_she_is_the_last_named_woman_when_a_man_was_named_since(murder: Session) -> None:
    """S16: "she" is the last person named whom the articles call "she" (Baroness, "She said…"), "he"
    the last man, from the last reply back."""
    murder.handle("who said murder is the most serious of crimes")
    murder.handle("who said there is genuine concern about shorter murder sentences")
    assert said(murder.handle("what else did she say?")).splitlines()[0] == "Baroness Scotland also says:"
    assert said(murder.handle("what else did he say?")).splitlines()[0] == "David Davis also says:"
    assert murder.pronoun_of("Baroness Scotland") == "she" and murder.pronoun_of("David Davis") == "he"


def test_who_said_a_role_s_words_is_the_one_the_briefing_gives_that_role(tmp_path: Path) -> None:
    """S16: `who said that?` after "The prime minister said the law-abiding citizen…" replied "The
    articles do not say who": the briefing's prime minister is Tony Blair, whom the article names."""
    session = story_session(tmp_path, {
        "police.txt": "Blunkett unveils policing plans\n\n"
                      "Mr Blunkett was joined by Tony Blair at Welling School. "
                      "The prime minister said the law-abiding citizen should be in charge of the community.\n",
        "budget.txt": "Blair backs budget\n\nPrime Minister Tony Blair said: \"The economy is strong.\" "
                      "Deputy Prime Minister John Prescott said: \"We will win.\"\n"}, k=1)
    session.handle("who said the law-abiding citizen should be in charge of the community")
    assert said(session.handle("who said that?")).splitlines()[0] == "Tony Blair, Prime Minister:"
    assert said(session.handle("what else did he say?")).splitlines()[0] == "Tony Blair also says:"


def test_ask_about_a_topic_whose_head_the_person_never_says_is_nothing_of_theirs(tmp_path: Path) -> None:
    """S16: `ask ruth kelly about school meals` showed "Ruth Kelly on school meals:" over her words on
    discipline in schools: a sentence on schools is none on school meals, unless it holds "meals" or
    a word related to it."""
    session = story_session(tmp_path, {
        "schools.txt": "Kelly backs teachers\n\nEducation Secretary Ruth Kelly said: \"Teachers must be able to "
                       "remove disruptive children from the school.\" Ms Kelly said discipline in schools would "
                       "improve.\n\nChef Jamie Oliver said: \"School meals are a disgrace.\"\n",
        "meals.txt": "Meals on wheels\n\nCouncils serve hot meals to the elderly. The meals cost £2 each. "
                     "Volunteers deliver meals every day.\n"}, k=1)
    assert said(session.handle("ask kelly about school meals")).splitlines()[0] == \
        "Ruth Kelly says nothing about school meals in these articles."
    assert said(session.handle("ask kelly about school discipline")).splitlines()[0] == "Ruth Kelly on school discipline:"
