"""Answer spans a reader would trust and should not: on small made-up stories shaped like the
sentences where a new user found a confident wrong span, the span is the thing asked for, or none."""
from __future__ import annotations

from stories import claimed, searcher_of


TROOPS = ("Troops in Iraq", "Around 2,500 US troops remain in Iraq as part of the coalition led by Washington. "
                            "These troops are stationed at three main sites: Ain Al-Asad base in Al-Anbar, Harir "
                            "base in Erbil, and Victoria base near Baghdad. In addition to US forces, French and "
                            "British troops operate within the coalition in Iraq.\n"
                            "Besides training, the coalition gives the Iraqi army air support.")


def test_a_question_asking_for_countries_claims_no_province():
    spans = claimed(searcher_of(TROOPS).search("which countries have troops in iraq besides the us", 3))
    assert not {"Al-Anbar", "Erbil", "Baghdad"} & set(spans)


def test_a_capital_doing_the_deed_stands_for_its_country():
    assert claimed(searcher_of(TROOPS).search("which country leads the coalition", 1)) == ["Washington"]


RATES = ("Rates", "The Bank of England held interest rates at 4.75% on Thursday.")  # a second story: idf


def test_a_name_a_preposition_governs_is_not_the_winner():
    """"since Mark Edmondson", "a win over German qualifier Dieter Kindlmann" (a title between)."""
    story = ("Tennis", "Hewitt is hoping to become the first Australian man to win the event since Mark Edmondson "
                       "in 1976.\n"
                       "Andre Agassi began his Australian Open with a convincing win over German qualifier "
                       "Dieter Kindlmann.")
    spans = claimed(searcher_of(story, RATES).search("who won the australian open", 3))
    assert not {"Mark Edmondson", "Dieter Kindlmann"} & set(spans)


def test_a_name_another_deed_is_done_to_or_to_come_is_not_the_winner():
    """One beaten (a title between the verb and the name), one to be met, one who believes."""
    story = ("Tennis", "The year started as Justine Henin beat compatriot Kim Clijsters at the Australian Open.\n"
                       "He is set to meet Frenchman Arnaud Clement in the first round of the Australian Open.\n"
                       "Kevin Morgan played in the opening two Australian Open wins and captain Jason Forster "
                       "believes he would benefit from a rest.")
    spans = claimed(searcher_of(story, RATES).search("who won the australian open", 3))
    assert not {"Kim Clijsters", "Frenchman Arnaud Clement", "Arnaud Clement", "Jason Forster"} & set(spans)
