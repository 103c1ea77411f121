"""The one analyzer (sentences and queries alike) and the Punkt splitter trained on the corpus."""
from __future__ import annotations

import pytest

from briefbot.text import MAX_SENTENCE_CHARS, analyze, analyze_words, fold, refers_back, split_sentences, train_splitter


@pytest.mark.parametrize("a, b", [
    ("T\u00fcrkiye\u2019s", "turkiye's"),  # case, diacritics, curly apostrophe, possessive
    ("Al-Bayati", "al\u2011bayati"),  # non-breaking hyphen
    ("Iraqi\u2013American", "iraqi-american"),  # en dash
    ("\u201cquoted\u201d", '"quoted"'),
    ("caf\u00e9", "cafe"),
    ("CAF\u00c9", "Cafe"),
    ("2,500", "2500"),
    ("twelve", "12"),
    ("soldiers", "soldier"),
    ("governments", "government"),
    ("Stra\u00dfe", "strasse"),
    ("Zo\u00eb", "Zoe\u0308"),  # composed and combining forms
])
def test_same_terms(a: str, b: str):
    assert analyze(a) == analyze(b) != []


def test_combining_mark_inside_a_word():
    assert analyze("Noe\u0308l") == analyze("No\u00ebl") == ["noel"]


@pytest.mark.parametrize("a, b", [("2,500", "25,00"), ("US", "us"), ("IT", "it"), ("base", "bass")])
def test_different_terms(a: str, b: str):
    assert analyze(a) != analyze(b)


def test_fold():
    assert fold("T\u00dcRK\u0130YE\u2019S \u2014 \u201cOK\u201d") == "turkiye's - \"ok\""


def test_hyphenated_whole_and_parts():
    assert analyze("Al-Bayati") == ["albayati", "al", "bayati"]
    assert set(analyze("Deir ez-Zor")) >= {"ezzor", "ez", "zor", "deir"}
    assert analyze("F-16") == ["f16", "f", "16"]


def test_written_forms_kept_for_each_term():
    pairs = analyze_words("Al-Bayati's")
    assert [term for _, term in pairs] == ["albayati", "al", "bayati"]
    assert pairs[0][0] == "Al-Bayati's" and all(written in "Al-Bayati's" for written, _ in pairs)


def test_possessive_dropped():
    assert analyze("Iraq's") == analyze("Iraq") == ["iraq"]
    assert analyze("coalition\u2019s") == ["coalit"]


def test_stop_words_out():
    assert analyze("what is the and of it to us") == []
    assert analyze("where is the base") == ["base"]


def test_us_the_country_is_not_us_the_pronoun():
    assert analyze("US") == ["us"]
    assert analyze("U.S.") == ["us"]
    assert analyze("protect us") == ["protect"]


def test_numbers_as_written_and_as_digits():
    assert analyze("2,500 troops") == analyze("2500 troops") == ["2500", "troop"]
    assert analyze("3.4 million") == ["3.4", "1000000"]


def test_snowball_stems():
    assert analyze("withdrawal withdrawing") == ["withdraw", "withdraw"]
    assert analyze("security secure") == ["secur", "secur"]


def test_non_latin_scripts_are_words():
    assert analyze("\u0645\u062d\u0645\u062f \u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a") == [
        "\u0645\u062d\u0645\u062f", "\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a"]
    assert analyze("\U0001f389 party") == ["parti"]


def test_a_name_of_capitals_joined_by_an_ampersand_is_one_term():
    """"X&Y" is no "x" and "y" (letters any text holds), "S&P" no "s" and "p"; "Marks & Spencer" stays two words."""
    assert analyze("Coldplay's X&Y; S&P and AT&T's Q&As") == ["coldplay", "x&y", "s&p", "at&t", "q&as"]
    assert analyze("Marks & Spencer") == ["mark", "spencer"]


def test_nothing_to_analyze():
    assert analyze("") == analyze("?!... --- \u2014") == []


# --- sentences ---------------------------------------------------------------------------------

TEXT = ("Gen. Smith met Mr. Jones in the U.S. capital on Jan. 5. They talked for an hour. "
        "Dr. Ali said the talks went well.\nA new paragraph starts here. It has two sentences.")


def spans(text: str) -> list[str]:
    splitter = train_splitter([text])
    out = []
    start = 0
    for para in text.split("\n"):
        out += [text[s:e] for s, e in split_sentences(splitter, text, start, start + len(para))]
        start += len(para) + 1
    return out


def test_abbreviations_do_not_end_sentences():
    assert spans(TEXT) == [
        "Gen. Smith met Mr. Jones in the U.S. capital on Jan. 5.", "They talked for an hour.",
        "Dr. Ali said the talks went well.", "A new paragraph starts here.", "It has two sentences."]


def test_sentences_are_trimmed_and_inside_their_paragraph():
    text = "   First one.   Second one.   "
    splitter = train_splitter([text])
    got = split_sentences(splitter, text, 0, len(text))
    assert [text[s:e] for s, e in got] == ["First one.", "Second one."]
    assert split_sentences(splitter, text, 3, 13) == [(3, 13)]


def test_long_sentences_are_cut_at_spaces():
    text = " ".join(["word"] * 2000) + "."
    splitter = train_splitter([text])
    got = split_sentences(splitter, text, 0, len(text))
    assert len(got) > 1
    assert all(0 < e - s <= MAX_SENTENCE_CHARS for s, e in got)
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in got)
    assert " ".join(text[s:e] for s, e in got) == text


def test_long_run_without_spaces_is_cut_hard():
    text = "x" * 5000
    got = split_sentences(train_splitter([text]), text, 0, len(text))
    assert "".join(text[s:e] for s, e in got) == text
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in got)


def test_words_learnt_from_a_saved_index_keep_each_part_as_written(monkeypatch):
    """A hyphenated word's terms read back from a cache are paired with their own parts, as when
    analysed afresh: "Yankee" of "Iraqi-Yankee" is written "Yankee", not "Iraqi-Yankee" (the
    written form is what typo correction compares)."""
    import briefbot.text as text
    fresh = analyze_words("Iraqi-Yankee")
    monkeypatch.setattr(text, "_WORD_TERMS", {})
    monkeypatch.setattr(text, "_KNOWN", {"iraqi-yankee": [term for _, term in fresh]})
    assert analyze_words("Iraqi-Yankee") == fresh
    assert [w for w, _ in fresh] == ["Iraqi-Yankee", "Iraqi", "Yankee"]


def test_a_word_learnt_from_a_saved_index_is_read_without_splitting_it_again(monkeypatch):
    """The second stage reads every word of forty sentences a question, most of them words of the
    saved index: their terms are read back as learnt, never split and folded again; an acronym
    is its own entry ("US" is a name, not the stop word "us")."""
    import briefbot.text as text
    forms = text._word_forms
    monkeypatch.setattr(text, "_WORD_TERMS", {})
    monkeypatch.setattr(text, "_KNOWN", {"zorblats": ["zorblat"], "us": []})
    monkeypatch.setattr(text, "_word_forms", lambda raw: pytest.fail(f"{raw} split again"))
    text.word_terms.cache_clear()
    try:
        assert text.word_terms("Zorblats") == ("zorblat",)
        monkeypatch.setattr(text, "_word_forms", forms)
        assert text.word_terms("US") == ("us",)
    finally:
        text.word_terms.cache_clear()


@pytest.mark.parametrize("sentence, points_back", [
    ("It took £7.2m in three days.", True),
    ("Its revenues were $3bn in 2004.", True),
    ("But he said the talks would go on.", True),
    ("These figures are provisional.", True),
    ("Italy lost 28-17.", False),  # "It" inside a word
    ("Ithaca is an island.", False),
    ("The film took £7.2m.", False),
])
def test_a_sentence_opening_with_a_pronoun_points_back(sentence, points_back):
    assert refers_back(sentence) is points_back


def test_a_piece_that_cannot_start_a_sentence_goes_on_the_one_before():
    # Punkt cuts after every "?" and "!" (a title, a quoted question) and after an abbreviation it
    # has not learnt when a bracket follows: each piece below goes on the sentence before it.
    text = ('"Where\'s the fun in that?" they pondered at every stage. '
            "The woman behind the musical Mamma Mia! has joined a list of millionaires. "
            "They might have saved Rep. Mark Walker (R-N.C.), according to people who spoke to lawmakers. "
            "A spokesman for OutRage! said so. OutRage!'s Mr Lock agreed. "
            "Was it planned? iPod sales rose. Nobody knows! He left.")
    assert spans(text) == [
        '"Where\'s the fun in that?" they pondered at every stage.',
        "The woman behind the musical Mamma Mia! has joined a list of millionaires.",
        "They might have saved Rep. Mark Walker (R-N.C.), according to people who spoke to lawmakers.",
        "A spokesman for OutRage! said so.", "OutRage!'s Mr Lock agreed.",
        "Was it planned?", "iPod sales rose.", "Nobody knows!", "He left."]
