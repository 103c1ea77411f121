"""Saying plainly when the articles do not answer: no answer span where the sentence does not tie
its figure or name to the thing asked, and no answer at all where the question asks of something
the articles never name. Real sentences (BBC, saved web pages) in small made-up stories."""
from __future__ import annotations

import pytest

from stories import searcher_of

from briefbot.search import Result

OTHER = ("Referendum", "The government has confirmed a referendum on a regional assembly.\n"
                       "It will cost £80m to run, officials said.")


def span_of(question: str, sentence: str) -> str | None:
    """The span the sentence would answer with, judged in the pool (whether the question gets an
    answer at all is `test_a_sum_asked_of_a_thing_the_articles_price_nowhere_has_no_answer`'s)."""
    searcher = searcher_of(("Story", sentence), OTHER)
    pool = searcher.pool(question, Result(question, []))
    sp = next(sp for sent, sp in zip(pool.sents, pool.spans) if searcher.index.text_of(int(sent)) == sentence)
    return None if sp is None else sentence[sp.start:sp.end]


NAIROBI = "Back from France and Kenya's coast, Mr Brown visited slums in the Kenyan capital Nairobi."


@pytest.mark.parametrize("question, sentence, expected", [
    # a number written as a word is no sum, as a bare figure is none ("four" hotels, "three" fouls, "each half")
    ("how much is wayne rooney paid", "Rooney received a hostile reception, but goals in each half from Quinton "
     "Fortune and Cristiano Ronaldo silenced the jeers.", None),
    ("how much will the resort cost", "Margaritaville Hotels and Resorts has properties all over the country "
     "including four in California.", None),
    ("how much is wayne rooney paid", 'Rooney\'s display alarms the writer, in particular three "chilling" fouls '
     "on Real Madrid players.", None),
    ("how much oil does russia produce", "However, the merged group will still remain outside Russia's top five oil "
     "producers - led by Lukoil.", None),
    ("how much will the resort cost", "The resort would cost $95 million, according to county officials.",
     "$95 million"),
    # a sum after a determiner and a word qualifies what follows it: a transfer fee is no pay
    ("how much is wayne rooney paid", "The tie could see the return of teenage striker Wayne Rooney to his former "
     "club for the first time since his acrimonious £27m move.", None),
    ("how much was the fee", "United paid a record £27m fee for the striker.", "£27m"),
    # a particle after the sum is no thing it qualifies
    ("how much did he repay for the tickets", "He was wrong to give the tickets and has since paid the £180 back.",
     "£180"),
    # a name beside the asked one in a list of commas is no answer about it; a place's country is
    ("what is the capital of france", "Britain, France, Gavi and the Gates Foundation have drawn up proposals to "
     "apply the principles of the International Finance Facility to immunisation.", None),
    ("where did he live", "He lived in Paris, France, for ten years.", "Paris"),
    # a place named as the asked thing of another place is not the question's ("Kenyan capital")
    ("what is the capital of france", NAIROBI, None),
    ("what is the capital of kenya", NAIROBI, "Nairobi"),
    ("what is the capital", NAIROBI, "Nairobi"),
])
def test_the_span_is_claimed_only_where_the_sentence_ties_it_to_the_asked_thing(question, sentence, expected):
    assert span_of(question, sentence) == expected


CONSOLES = ("Consoles", "Microsoft said the Xbox 2 would go on sale in time for Christmas.\n"
                        "Xbox sales in the UK rose, and the console costs £149 in the UK.\n"
                        "The Xbox 2's price will be set later, the firm said.\n"
                        "Of the country's 360 million households, 100 million receive cable TV.")


@pytest.mark.parametrize("question", ["xbox 360 uk price", "How much is the Xbox 360 in the UK?"])
def test_a_name_the_articles_number_only_otherwise_is_unknown(question):
    """They write the Xbox 2, never the Xbox 360: the Xbox's price is no answer about the 360."""
    result = searcher_of(CONSOLES).search(question, 3)
    assert result.status == "no_answer" and [n.lower() for n in result.unknown_names] == ["xbox 360"]


@pytest.mark.parametrize("question, stories", [
    ("xbox 2 uk price", [CONSOLES]),  # the number they write
    ("how much did chelsea pay for drogba 2", [("Chelsea", "Chelsea paid £24m for Didier Drogba, 2 days ago.")]),
    ("who won super bowl 51", [("Bowl", "The Patriots won Super Bowl LI, 51 days after Super Bowl 50 was played.")]),
    ("what did apollo 7 test", [("Apollo", "Apollo 5 tested the lunar module.\nIt flew, as Apollo 7, a crew.")]),
])
def test_a_name_written_with_the_asked_number_or_never_numbered_is_known(question, stories):
    """Written with that number in any form, in Roman numerals (Super Bowl LI), or never numbered."""
    assert searcher_of(*stories).search(question, 3).status == "answered"


# Real BBC sentences (sport, entertainment, 2004-5), written before 2006: they tell of it as to come
LATER = [("Germany", "Lehmann is desperate to keep his place in the Germany squad when the country hosts the World "
                     "Cup in 2006.\nScotland have not reached a major finals since the World Cup in 1998 and reaching "
                     "Germany 2006 looks near impossible, having picked up just two points.\n"
                     "England won the World Cup in 1966, beating West Germany in the final."),
         ("Bond", "The next Bond film, originally due for release in 2005, has been delayed until 2006.\n"
                  "Producers expect the film to be released in 2006.\n"
                  "Jamie Foxx won best actor at the 2005 Oscars for Ray.")]
DONE = ("Final", "Italy won the 2006 World Cup in Germany, beating France on penalties.")


@pytest.mark.parametrize("question", ["Which country won the 2006 World Cup in Germany?",
                                      "who won best actor at the 2006 oscars"])
def test_a_year_the_articles_tell_only_as_to_come_has_no_past_answer(question):
    """Most of what they say of 2006 is still to come, and nothing of the Cup or the Oscars in 2006
    is told as done: the 1966 final and the 2005 Oscars are no answer about it."""
    assert searcher_of(*LATER).search(question, 3).status == "no_answer"


@pytest.mark.parametrize("question, stories", [
    ("Which country won the 2006 World Cup in Germany?", [*LATER, DONE]),  # told as done
    ("who won best actor at the 2005 oscars", LATER),  # a year told as past
    ("when will the 2006 world cup be held", LATER),  # asked of the future
    ("What did Kenya unveil in 2030?", [("Kenya", "In 2007, the Kenyan government unveiled Vision 2030, which it "
                                                  "hopes will make it a tiger economy by 2030.\nVision 2030 will "
                                                  "guide the plans.\nThe Vision 2030 plan will cost more.")]),
])
def test_a_year_told_as_done_or_a_question_of_the_future_is_answered(question, stories):
    """A year is no name's number ("Vision 2030", mostly) and a sentence telling it as done answers."""
    assert searcher_of(*stories).search(question, 3).status == "answered"


ASHES = ("Ashes", "Britain have won individual cricket Test matches, but have failed to win the Ashes (with a "
                  "series victory) since 1970.")
BOARD = ("Board", "In 2005, the cricket board won a new television deal for the series.")


@pytest.mark.parametrize("stories, status", [
    ([ASHES, BOARD], "no_answer"),  # the Ashes are dated 1970 only: nothing of them in 2005
    ([ASHES, BOARD, ("Series", "England won the 2005 Ashes, beating Australia.")], "answered"),
])
def test_a_name_the_articles_date_otherwise_is_not_told_of_in_the_year_asked(stories, status):
    assert searcher_of(*stories).search("who won the 2005 ashes cricket series", 3).status == status


# A made-up firm's story that tells what it owns and what it spent on something else, never what
# it paid for the brand asked about
BRANDS = ("Harbour Foods", "Harbour Foods already owns the Bellwood and Crane brands among others.\n"
                           "The Bellwood brand sells well in Spain, the firm said.\n"
                           "Harbour Foods chief executive Ann Rowe praised the Bellwood brand's growth.")


@pytest.mark.parametrize("question", ["How much did Harbour Foods pay for the Bellwood brand?",
                                      "how much is the bellwood brand worth"])
def test_a_sum_asked_of_a_thing_the_articles_price_nowhere_has_no_answer(question):
    """The articles tell of the brand but give no sum near it: no answer, not its owner's words."""
    assert searcher_of(BRANDS, OTHER).search(question, 3).status == "no_answer"


@pytest.mark.parametrize("question, story", [
    ("How much did Harbour Foods pay for the Bellwood brand?",
     (BRANDS[0], BRANDS[1] + "\nHarbour Foods paid £58m for the Bellwood brand in 2003.")),
    ("How much of the Bellwood brand does Harbour Foods own?", BRANDS),  # a share: no sum is asked
])
def test_a_sum_told_or_a_share_asked_is_answered(question, story):
    assert searcher_of(story, OTHER).search(question, 3).status == "answered"


@pytest.mark.parametrize("question, story, status", [
    ("How many brands does Harbour Foods own?", BRANDS, "no_answer"),  # it lists brands, never counts them
    ("How many brands does Harbour Foods own?",
     (BRANDS[0], BRANDS[1] + "\nHarbour Foods owns 14 brands in all, the firm said."), "answered"),
    ("what is the population of sheffield", ("Blunkett", "Mr Blunkett was schooled in Sheffield.\n"
                                                        "He is one of very few blind MPs in Sheffield."), "no_answer"),
    ("what is the population of sheffield", ("Blunkett", "Mr Blunkett was schooled in Sheffield.\n"
                                                        "Sheffield has a population of 530,000."), "answered"),
])
def test_a_count_the_best_sentences_hold_no_figure_for_has_no_answer(question, story, status):
    assert searcher_of(story, OTHER).search(question, 3).status == status


SEEDS = ("Dubai seeds", "The women's seeds in Dubai are:\n8 Venus Williams (US)\n7 Serena Williams (US)\n"
                      "Venus Williams lost to Elena Dementieva 6-3 6-2 in Hong Kong.")


@pytest.mark.parametrize("question, story, status", [
    ("how tall is venus williams", SEEDS, "no_answer"),  # a seeding and a score are no height
    ("what is the height of venus williams", SEEDS, "no_answer"),
    ("how tall is venus williams", (SEEDS[0], SEEDS[1] + "\nThe 6ft 1in Venus Williams served well."), "answered"),
    ("how tall is kenenisa bekele", ("Bekele", "Kenenisa Bekele broke the two mile record in Birmingham."),
     "no_answer"),  # a race's length is no height
])
def test_a_height_asked_where_the_best_sentences_give_no_measure_has_no_answer(question, story, status):
    assert searcher_of(story, OTHER).search(question, 3).status == status


@pytest.mark.parametrize("question, text, status", [
    ("what is the capital of mongolia", "Yili - full name Inner Mongolia Yili Industrial - said its chairman was held.\n"
     "The capital of the firm was raised in Beijing.", "no_answer"),  # Mongolia only inside another's name
    ("what is the capital of mongolia", "Yili, of Inner Mongolia, said its chairman was held.\n"
     "Mongolia's capital, Ulan Bator, was cold.", "answered"),
    ("how many people live in york", "About 8 million people live in New York.\nNew York is big.", "no_answer"),
    ("how many people live in new york", "About 8 million people live in New York.\nNew York is big.", "answered"),
    ("when will real madrid play", "Real Madrid will play the rest of the match on 5 January.", "answered"),  # as asked
    ("what did kenya unveil", "In 2007, the Kenyan government unveiled its Vision 2030 plan.", "answered"),  # never inside
])
def test_a_place_written_only_inside_another_name_is_not_mentioned(question: str, text: str, status: str):
    """A new user's find: "what is the capital of mongolia" over BBC business answered from "Inner
    Mongolia Yili Industrial" and "Barclays Capital"."""
    assert searcher_of(("Milk", text), OTHER).search(question, 3).status == status


def test_a_question_none_of_whose_words_the_articles_use_has_no_answer():
    """A new user's find: "what is the capital of france" over the embedded briefing answered with its
    French troops: "capital" is a word it never uses, and France it names only as "French"."""
    searcher = searcher_of(("Troops", "In addition to US forces, French and British troops operate in Iraq.\n"
                                      "About 2,500 US soldiers are based in Iraq."), OTHER)
    assert not searcher.search("what is the capital of france").answers
    assert searcher.search("how many french troops are in iraq").answers  # one of its own words: answered
