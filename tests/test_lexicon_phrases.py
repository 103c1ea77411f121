"""WordNet's verb phrases ("turn down", "set up"): shipped, matched in any inflection, and narrow."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from briefbot import cache, lexicon
from briefbot.lexicon import PHRASES_FILE, Synonyms, phrase_words, shipped_phrases
from briefbot.search import Searcher
from briefbot.text import analyze


def concepts(text: str, synonyms_text: str = "") -> list[str]:
    return Synonyms.from_text(synonyms_text).concepts(analyze(text), text)


def phrases_of(term: str) -> set[tuple[str, ...]]:
    return {p for t, phrases in shipped_phrases() for p in phrases if t == term}


def test_table_ships_with_the_wordnet_licence():
    lexicon_dir = resources.files("briefbot").joinpath("lexicon")
    assert 5_000 < len(lexicon_dir.joinpath(PHRASES_FILE).read_bytes()) < 200_000
    assert "WordNet 3.0" in lexicon_dir.joinpath(PHRASES_FILE).read_text().splitlines()[0]
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in lexicon_dir.joinpath("WORDNET-LICENSE").read_text()


@pytest.mark.parametrize("word, phrase", [
    ("established", "set up"), ("founded", "set up"), ("launched", "set up"),
    ("rejected", "turn down"), ("eliminated", "do away with"),
])
def test_frequent_senses_give_the_phrase(word: str, phrase: str):
    (term,) = analyze(word)
    assert tuple(phrase_words(phrase)) in phrases_of(term)


def test_a_phrase_of_the_word_itself_or_of_a_rare_sense_is_left_out():
    assert not phrases_of("pull")  # "pull out" is found by "pull" already
    assert ("pull", "out") not in phrases_of("draw")  # a rare sense of "draw"
    assert ("find", "out") not in phrases_of("see")


@pytest.mark.parametrize("text", ["The board turned down the bid.", "It turns down bids.",
                                  "Turning down the offer was a mistake.", "They had turned down a loan."])
def test_an_inflected_phrase_names_its_word(text: str):
    assert "~reject" in concepts(text)


@pytest.mark.parametrize("text", ["The board turned the bid away.", "Prices went down as he turned.",
                                  "He pulled the lever."])
def test_the_verb_alone_names_nothing(text: str):
    assert "~reject" not in concepts(text)


def asked(question: str) -> set[str]:
    return set(Synonyms.from_text("").asked(analyze(question), question))


def test_a_phrase_and_its_words_meet_both_ways():
    set_up = set(concepts("They set up a firm."))
    assert asked("who founded it") & set_up and asked("who launched it") & set_up
    assert {"found", "launch", "establish"} <= asked("who set up the firm")  # the words themselves


def test_two_single_words_of_a_phrase_stay_apart():
    """ "founded" does not meet "launched", and a sentence saying one gets no concept for it."""
    assert not concepts("They founded a firm.") and not concepts("They launched a firm.")
    assert "launch" not in asked("who founded it")


def test_a_hand_written_phrase_with_a_stop_word_matches():
    """ "step down" was analysed to "step" and dropped: now it is matched on its words."""
    groups = "resign, resigned, step down\n"
    assert concepts("The minister stepped down on Friday.", groups) == concepts("She resigned.", groups)
    assert not concepts("He stepped on a rake.", groups)


@pytest.fixture
def offer_corpus(tmp_path: Path) -> Path:
    """The board's answer to the offer is told only as "turned down"; another sentence holds more of
    the question's other words."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Offer for Acme\n\nAcme's board met on Monday about the offer.\n"
        "Smith Holdings first made an offer for Acme in March.\n"
        "On Tuesday the board turned down the improved offer.\n")
    (corpus / "b.txt").write_text("Bank news\n\nThe bank's board met on Monday to look at an offer.\n")
    return corpus


QUESTION = "when did acme's board reject the offer"


def test_a_question_finds_the_phrase_of_its_word(offer_corpus: Path):
    result = Searcher(cache.load([str(offer_corpus)], lambda line: None, use_cache=False)).search(QUESTION, 1)
    assert "turned down" in result.answers[0].text


def test_without_the_table_the_phrase_sentence_is_not_first(offer_corpus: Path, monkeypatch):
    """The test above measures the table, not luck."""
    monkeypatch.setattr(lexicon, "shipped_phrases", lambda: ())
    result = Searcher(cache.load([str(offer_corpus)], lambda line: None, use_cache=False)).search(QUESTION, 1)
    assert not result.answers or "turned down" not in result.answers[0].text


def test_the_shipped_stop_word_stems_are_the_stemmers():
    """stop_stems.txt lets phrase matching stem stop words without loading NLTK; it must say what
    the stemmer says, for every stop word and the base form irregular.txt gives it."""
    from briefbot.lexicon import _stop_stems
    from briefbot.text import IRREGULAR, STOP_WORDS, stem
    words = {w for w in STOP_WORDS | {IRREGULAR.get(w, w) for w in STOP_WORDS} if w.isalpha()}
    assert _stop_stems() == {w: stem(w) for w in words}
