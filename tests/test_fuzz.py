"""Fuzzing the line parser and the session with hypothesis: whatever is typed, a Reply comes back.

Bounded and reproducible for CI (fixed max_examples, derandomized). The number of inputs run is
printed at the end of the session.
"""
from __future__ import annotations

import json
import re
import string
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbot import atomic
from briefbot.corpus import SourceFile, decode, parse_file, parse_json_articles, parse_text_article
from briefbot.indexing import build
from briefbot.parser import Command, parse
from briefbot.plain import plain
from briefbot.reply import Reply
from briefbot.session import Session
from briefbot.text import MAX_SENTENCE_CHARS, STOP_WORDS

RUN: Counter[str] = Counter()
STATUSES = {"answered", "no_answer", "ok", "error"}
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VERBS = ["look", "l", "go", "go to", "back", "examine", "x", "read", "look at", "ask", "tell", "talk to", "talk",
         "note", "take", "notebook", "i", "inventory", "export", "sources", "read source", "source", "score",
         "hint", "again", "g", "undo", "oops", "save", "restore", "load", "help", "quit", "q", "people",
         "places", "dossiers", "about", "visit", "inspect", "interview", "keep", "get"]
ODD_ARGUMENTS = ["", " ", "0", "-1", "1", "2", "99", "999999999999999999999999", "#1", "#", "answer",
                 "answer 0", "all", "it", "that", "the", "the the", "about", "about about", "?", "..", "~0",
                 "source 1", "\x1b[2J", "[bold]", "[/]", "\u202e", "\U0001f600", "al-bayati", "Al-Numan",
                 "harir base", "pkk", "isis", "\u0627\u0644\u0628\u064a\u0627\u062a\u064a", "x" * 5000]


@pytest.fixture(scope="module", autouse=True)
def report_count(request):
    yield
    line = f"fuzz inputs run: {sum(RUN.values())} ({', '.join(f'{k} {v}' for k, v in sorted(RUN.items()))})"
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture and reporter:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{line}")
    else:
        print(line)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-home")


@pytest.fixture(scope="module")
def session(seed_index, home: Path) -> Session:
    """One session for every input, so state (notes, rooms, undo) builds up as in real use. Files it
    writes are kept inside `home`: a fuzzed `save /some/where` must not write on this machine."""
    real = atomic.write_atomic

    def write_inside_home(path: Path, text: str, replace: bool = True, private: bool = False) -> None:
        if home not in Path(path).resolve().parents:
            raise PermissionError(13, "Permission denied (fuzz)", str(path))
        real(path, text, replace, private)
    patch = pytest.MonkeyPatch()
    patch.setattr(atomic, "write_atomic", write_inside_home)
    yield Session(seed_index, home=home)
    patch.undo()


def check_reply(reply: Reply, line: str) -> None:
    assert isinstance(reply, Reply)
    assert reply.status in STATUSES
    data = reply.to_json()
    text = json.dumps(data)  # serialisable, and JSON escapes every control character
    assert not RAW_CONTROL.search(text)
    assert isinstance(data["query"], str)
    for answer in data["answers"]:
        assert answer["text"] and answer["citations"]
    assert not RAW_CONTROL.search(plain(reply))  # what a terminal is sent holds no control characters


def handle(session: Session, line: str, kind: str) -> None:
    RUN[kind] += 1
    check_reply(session.handle(line), line)


# --- the parser ----------------------------------------------------------------------------------

@FUZZ
@given(st.text())
def test_parse_any_unicode(line: str):
    RUN["parse"] += 1
    command = parse(line)
    assert isinstance(command, Command) and isinstance(command.verb, str)
    assert isinstance(command.obj, str) and isinstance(command.topic, str)


@FUZZ
@given(st.sampled_from(VERBS), st.one_of(st.sampled_from(ODD_ARGUMENTS), st.text(max_size=40)))
def test_parse_every_verb_with_odd_arguments(verb: str, argument: str):
    RUN["parse"] += 1
    command = parse(f"{verb} {argument}")
    assert isinstance(command, Command)
    if argument.strip() == "" and verb in ("look", "l", "i", "score", "hint", "help", "undo", "sources"):
        assert command.verb != "question"


def test_parse_known_lines():
    assert parse("ask al-bayati about isis") == Command("ask", "al-bayati", "isis", "ask al-bayati about isis")
    assert parse("  x   the PKK ").verb == "examine"
    assert parse("take care of the border").verb == "question"
    assert parse("").verb == "look"


# --- the session ---------------------------------------------------------------------------------

@FUZZ
@given(st.text(max_size=200))
def test_session_any_unicode(session: Session, line: str):
    handle(session, line, "unicode")


@settings(FUZZ, max_examples=40)
@given(st.integers(1_000, 60_000), st.sampled_from(["a", "iraq ", "x-", "\u0628", "\U0001f600", "al-bayati harir "]))
def test_session_very_long_lines(session: Session, n: int, unit: str):
    handle(session, (unit * n)[:n], "long")


@FUZZ
@given(st.text(alphabet=string.punctuation + "\u00bf\u00a1\u2026\u2014\u2013\u201c\u201d\u00ab\u00bb\u3002 ",
               min_size=1, max_size=60))
def test_session_only_punctuation(session: Session, line: str):
    handle(session, line, "punctuation")


@FUZZ
@given(st.lists(st.sampled_from(sorted(STOP_WORDS)), min_size=1, max_size=12))
def test_session_only_stop_words(session: Session, words: list[str]):
    handle(session, " ".join(words), "stop words")


@settings(FUZZ, max_examples=500)
@given(st.sampled_from(VERBS), st.one_of(st.sampled_from(ODD_ARGUMENTS), st.text(max_size=40)),
       st.sampled_from(["", " about ", " about the ", " on "]), st.sampled_from(ODD_ARGUMENTS[:30]))
def test_session_every_verb_with_odd_arguments(session: Session, verb: str, argument: str, joint: str, topic: str):
    line = f"{verb} {argument}{joint}{topic}" if joint else f"{verb} {argument}"
    handle(session, line, "verbs")


@settings(FUZZ, max_examples=60)
@given(st.lists(st.sampled_from(["where is harir base", "note 1", "note all", "undo", "undo", "again", "back",
                                 "go harir", "x 2", "save fuzz.json", "restore fuzz.json", "export fuzz.md",
                                 "oops iraq", "irak", "restore", "score", "hint", "notebook", "read source 2"]),
                min_size=1, max_size=15))
def test_session_command_sequences(seed_index, home: Path, lines: list[str]):
    fresh = Session(seed_index, home=home)
    for line in lines:
        handle(fresh, line, "sequences")


def test_restore_of_a_damaged_session_file_is_a_clear_refusal(seed_index, home: Path):
    session = Session(seed_index, home=home)
    for content in ("", "{", "[]", '{"state": {"room": 5}}', '{"state": {"notebook": [999999]}}',
                    '{"briefbot_session": 1, "state": {"nope": 1}}', "\x00\xff"):
        (home / "broken.json").write_text(content, encoding="utf-8", errors="surrogateescape")
        reply = session.handle("restore broken.json")
        RUN["restore"] += 1
        check_reply(reply, "restore broken.json")
        assert reply.status == "error" and "Could not restore" in reply.to_json()["message"]


# --- the loader and the index ------------------------------------------------------------------

LINES = st.one_of(st.sampled_from(["", "Title: A headline", "Date: 5 February 2025", "Source: Agency", "---",
                                   "# Heading", "- item", "shafaq.com", "Shafaq News/ Body text.",
                                   "2025-02-05 02:45", "URL: https://x.example", "He said it. She agreed."]),
                  st.text(max_size=80))
ARTICLE_TEXT = st.lists(LINES, max_size=12).map("\n".join)


def check_article(article) -> None:
    text = article.text
    last = 0
    for start, end in article.paragraphs:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end
    assert article.title is None or (article.title.strip() and "\n" not in article.title)
    assert article.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.date)


@FUZZ
@given(st.binary(max_size=600))
def test_decode_and_parse_any_bytes(data: bytes):
    RUN["loader"] += 1
    text, note = decode(data)
    assert (text is None) == (note in ("empty", "binary"))
    assert text is None or "\r" not in text
    for suffix in (".txt", ".jsonl"):
        for article in parse_file(SourceFile(f"fuzz{suffix}", data), lambda line: None):
            check_article(article)


@FUZZ
@given(ARTICLE_TEXT)
def test_parse_text_article_keeps_spans_inside(text: str):
    RUN["loader"] += 1
    check_article(parse_text_article("fuzz.txt", text))


@FUZZ
@given(st.one_of(st.text(max_size=200), st.lists(st.dictionaries(
    st.sampled_from(["title", "text", "body", "date", "source", "url", "x"]),
    st.one_of(st.text(max_size=40), st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
    max_size=4).map(lambda rows: "\n".join(json.dumps(r) for r in rows))))
def test_parse_json_never_raises(text: str):
    RUN["loader"] += 1
    warnings: list[str] = []
    for article in parse_json_articles("fuzz.jsonl", text, warnings.append):
        check_article(article)
    assert len(warnings) <= 1


@settings(FUZZ, max_examples=40)
@given(st.lists(ARTICLE_TEXT, min_size=1, max_size=4), st.text(max_size=30))
def test_index_of_any_articles_has_sound_sentences(texts: list[str], question: str):
    RUN["index"] += 1
    articles = [parse_text_article(f"a{n}.txt", t) for n, t in enumerate(texts)]
    articles = [a for a in articles if a.paragraphs]
    if not articles:
        return
    index = build(articles, "")
    for sent in range(len(index)):
        article = index.article_of(sent)
        start, end = int(index.sent_start[sent]), int(index.sent_end[sent])
        ps, pe = article.paragraphs[index.sent_para[sent]]
        assert ps <= start < end <= pe and end - start <= MAX_SENTENCE_CHARS
        assert index.text_of(sent) == index.text_of(sent).strip()
    check_reply(Session(index).handle(question), question)
