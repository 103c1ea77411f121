"""The WordNet table: shipped, loaded from the package only, and used to match a related word."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from briefbot import cache, search
from briefbot.lexicon import WORDNET_FILE, is_word, related
from briefbot.search import Searcher
from briefbot.text import analyze


def term(word: str) -> str:
    (found,) = analyze(word)
    return found


def test_table_and_licence_ship_in_the_package():
    lexicon = resources.files("briefbot").joinpath("lexicon")
    table = lexicon.joinpath(WORDNET_FILE)
    assert 100_000 < len(table.read_bytes()) < 2_000_000
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in lexicon.joinpath("WORDNET-LICENSE").read_text()


def test_lookups_read_the_table_as_a_dict_of_its_lines_would():
    """The table is searched by bisection, not read into a dict: every term, and words next to
    terms in its order, must be found as a dict of its lines finds them."""
    text = resources.files("briefbot").joinpath("lexicon", WORDNET_FILE).read_text(encoding="utf-8")
    pairs = [line.split(" ", 1) for line in text.splitlines() if not line.startswith("#")]
    table = dict(pairs)
    assert len(table) == len(pairs) > 10_000  # each term once
    near = [w for t, _ in pairs[::50] for w in (t[:-1], t + "a", t + "~", t.upper(), "")]
    for word in [t for t, _ in pairs] + near:
        assert is_word(word) == (word in table), word
        assert related(word) == tuple(table.get(word, "").split()), word


@pytest.mark.parametrize("word, other", [
    ("cost", "price"), ("price", "cost"),  # a frequent sense of "price" is a sense of "cost"
    ("salary", "pay"), ("paid", "salary"),
    ("expensive", "cost"),
    ("founded", "founder"), ("founded", "established"), ("withdraw", "retreat"),
    ("bankrupt", "bankruptcy"), ("bankrupt", "insolvent"),  # WordNet never links it to "bust"
    ("leave", "departure"),
])
def test_known_pairs_are_related(word: str, other: str):
    assert term(other) in related(term(word))


def test_rare_senses_and_stop_words_are_left_out():
    assert term("salary") not in related(term("cost"))
    assert not any(t.isdigit() for t in related(term("one")))
    assert related("no-such-term") == ()


@pytest.fixture
def bridge_searcher(tmp_path: Path) -> Searcher:
    """The bridge's price is told in a sentence without "cost"; another article uses "cost"."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bridge works\n\nEngineers said the bridge reopens in May.\n"
                                  "The price of the new bridge was put at four million pounds.\n")
    (corpus / "b.txt").write_text("Harbour crane\n\nThe cost of the harbour crane was not given.\n")
    return Searcher(cache.load([str(corpus)], lambda line: None, use_cache=False))


def test_a_question_finds_a_sentence_in_a_related_word(bridge_searcher: Searcher):
    result = bridge_searcher.search("what did the bridge cost", 1)
    assert result.answers[0].text == "The price of the new bridge was put at four million pounds."


def test_without_the_table_the_related_sentence_is_not_first(bridge_searcher: Searcher, monkeypatch):
    """The test above measures the table, not luck."""
    monkeypatch.setattr(search, "related", lambda term: ())
    result = bridge_searcher.search("what did the bridge cost", 1)
    assert "price" not in result.answers[0].text


def test_nothing_reads_an_installed_wordnet(tmp_path: Path):
    """The shipped table is all there is: a fresh process that loads it and answers a question
    opens no WordNet file but the package's own (none under /usr/share/wordnet or nltk_data)."""
    script = tmp_path / "probe.py"
    script.write_text(
        "import builtins, io, os, sys\n"
        "opened = []\n"
        "real_open, real_io_open = builtins.open, io.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else '')\n"
        "    return real_open(file, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "from briefbot.lexicon import related\n"
        "from briefbot import cache\n"
        "from briefbot.search import Searcher\n"
        "assert related('cost')\n"
        "Searcher(cache.load(None, lambda line: None, use_cache=False)).search('how much did it cost')\n"
        "bad = [p for p in opened if p.startswith('/usr/share/wordnet') or 'nltk_data' in p]\n"
        "assert not bad, bad\n"
        "assert any(p.endswith('lexicon/wordnet.txt') for p in opened), opened\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
