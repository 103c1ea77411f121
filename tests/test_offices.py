"""Who holds an office, and who did a deed, on small made-up stories shaped like BBC sentences: the
holder is named with the office and with whose office it is, the head of a body is whoever holds
any of its heads' titles, and a doer is tied to the deed and to what it was done to in its sentence."""
from __future__ import annotations

import pytest

from briefbot.indexing import build
from briefbot.lexicon import shipped_text
from briefbot.question import analyse
from briefbot.search import Searcher
from stories import article, claimed, searcher_of


CLUBS = ("Cup draw", "Birmingham manager Steve Bruce admitted their trip to face Premiership leaders Chelsea was "
                     "the toughest draw possible.\n"
                     "Everton manager David Moyes will discipline striker James Beattie for his headbutt on Chelsea "
                     "defender William Gallas.\n"
                     "The referee spoke to both benches before the kick-off.\n"
                     "Chelsea manager Jose Mourinho expects the Champions League clash with Barcelona to be a fight.")
RATES = ("Dollar", "The Commerce Department figures caused the dollar to weaken despite expectations that the "
                   "Federal Reserve will raise interest rates again.\n"
                   "Federal Reserve chairman Alan Greenspan has warned that huge budget deficits could have severe "
                   "consequences.")
AUCTION = ("Oil auction", "Export & Finance Bank has bought 49% of National Bank of Iraq.\n"
                          "Yuganskneftegaz pumps a million barrels of oil a day.\n"
                          "Gazprom is set to merge with Rosneft Holdings, the company that eventually acquired "
                          "Yuganskneftegaz, the main unit of Yukos.")


@pytest.mark.parametrize("question, role_of", [
    ("who is the chelsea manager", ("chelsea",)),  # the words before the office say whose it is
    ("who is the current chelsea manager", ("chelsea",)),  # not when it is now
    ("who is labour's leader", ("labour's",)),
    ("who is the lead singer of u2", ("u2",)),  # with "of", the words before are the office's name
    ("who is the deputy governor of the bank of england", ("bank", "england", "deputy")),  # which holder
])
def test_whose_office_a_question_asks(question: str, role_of: tuple[str, ...]):
    assert analyse(question).role_of == role_of


def test_another_clubs_manager_is_not_the_one_asked_for():
    """Bruce and Moyes are named as managers beside Chelsea, but as Birmingham's and Everton's."""
    spans = claimed(searcher_of(CLUBS).search("who is the chelsea manager", 3))
    assert spans[0] == "Jose Mourinho"
    assert "Steve Bruce" not in spans and "David Moyes" not in spans


def test_another_companys_office_holder_is_not_claimed():
    story = ("Security", "Sony launched a camera that reads fingerprints.\n"
                         "Authenti-corp's CEO Cynthia Musselman said Sony's camera would be tested by the firm.")
    assert all(span is None for span in claimed(searcher_of(story, RATES).search("who is the ceo of sony", 3)))


@pytest.mark.parametrize("question", ["who runs the federal reserve", "who heads the federal reserve",
                                      "who is in charge of the federal reserve", "who is the head of the federal reserve",
                                      "who is the federal reserve boss"])
def test_who_runs_a_body_is_whoever_holds_its_heads_office(question: str):
    """"runs", "heads", "in charge of", "head", "boss": its chairman, not the department beside it."""
    result = searcher_of(RATES, CLUBS).search(question, 3)
    assert result.answers and analyse(question).type == "person"
    assert claimed(result)[0] == "Alan Greenspan" and "Commerce Department" not in claimed(result)


def test_the_doer_of_a_deed_is_tied_to_what_it_was_done_to():
    """Export & Finance Bank bought something else; Rosneft acquired Yuganskneftegaz (a synonym of
    the asked "bought", in a clause after the name)."""
    searcher = Searcher(build([article(n, t, b) for n, (t, b) in enumerate([AUCTION, RATES])], shipped_text()))
    spans = claimed(searcher.search("who bought yuganskneftegaz", 3))
    assert spans[0] == "Rosneft Holdings" and not any(span and "Finance Bank" in span for span in spans)


def test_one_beside_the_deed_is_not_its_doer():
    """A coach facing a test after a Six Nations defeat did not win the Six Nations; nor did one
    named far from it in a sentence that does not tell who won."""
    story = ("Rugby", "England coach Andy Robinson faces the first test of his tenure as he tries to get back to "
                      "winning ways after the Six Nations defeat by Wales.\n"
                      "England have lost their first three matches in this year's Six Nations and four out of "
                      "their six games since Robinson took over from Sir Clive Woodward in September.")
    result = searcher_of(story, RATES).search("who won the six nations", 3)
    assert result.answers and all(span is None for span in claimed(result))


def test_an_age_standing_for_a_person_is_not_of_one_named_after_it():
    """"The 29-year-old finished second to Paula Radcliffe": the age of the one named before (next
    door), not of Radcliffe; her own age is the answer."""
    story = ("Marathon", "Susan Chepkemei has been banned for a year.\n"
                         "The 29-year-old finished second to Paula Radcliffe in the London race.\n"
                         "Paula Radcliffe said the 30-year-old would run in New York.")
    spans = claimed(searcher_of(story, RATES).search("how old is paula radcliffe", 3))
    assert "29-year-old" not in spans and spans[0] == "30-year-old"


def test_an_age_before_a_name_and_its_title_is_that_persons():
    story = ("Rugby", "Robinson had words of comfort for 18-year-old Newcastle centre Mathew Tait after the match.\n"
                      "The selectors named Robinson captain for the match.")
    assert claimed(searcher_of(story, RATES).search("how old is mathew tait", 3))[0] == "18-year-old"


COACHES = ("Wales", "The former France boss pulled out of the race to succeed Mark Hughes as Wales national coach.\n"
                    "\"I think Michael Owen will be our captain,\" said Wales coach Mike Ruddock.\n"
                    "France coach Bernard Laporte will name his team for the match against Wales.\n"
                    "Said Wales assistant coach Scott Johnson: \"The squad worked through the weekend.\"")


@pytest.mark.parametrize("question", ["who coaches wales", "who is the wales coach"])
def test_a_verb_naming_an_office_asks_for_its_holder(question: str):
    """"who coaches wales" is Wales's coach: not France's, not the one he succeeded, not an
    assistant, not the captain he names."""
    spans = [span for span in claimed(searcher_of(COACHES, RATES).search(question, 4)) if span]
    assert spans and set(spans) == {"Mike Ruddock"}


def test_one_in_apposition_to_another_than_the_office_holder_is_not_it():
    """"A close ally of the Yukos boss, Mr Nevzlin": the ally; "ex-" marks a former boss."""
    story = ("Yukos", "A close ally of the Yukos boss, Mr Nevzlin is currently based in Israel.\n"
                      "The ex-Yukos boss Mikhail Khodorkovsky is in jail.\n"
                      "Yukos boss Steven Theede said the firm would fight on.")
    spans = claimed(searcher_of(story, RATES).search("who is the boss of yukos", 3))
    assert spans[0] == "Steven Theede" and not {"Mr Nevzlin", "Mikhail Khodorkovsky"} & set(spans)


def test_a_former_holder_is_not_the_office_holder():
    story = ("Schools", "And ex-Tory education secretary Gillian Shepherd remembered the taunts of colleagues.\n"
                        "Education Secretary Ruth Kelly said the schools would get more money.")
    spans = claimed(searcher_of(story, RATES).search("who is the education secretary", 3))
    assert spans[0] == "Ruth Kelly" and "Gillian Shepherd" not in spans


def test_the_deputy_asked_for_is_not_the_holder():
    """A new user's find: asked for the Bank of England's deputy governor, its governor was named."""
    story = ("Economy", "Bank of England governor Mervyn King warned against reading too much into the figures.\n"
                        "The economy grew faster than reported, according to Bank of England deputy governor "
                        "Rachel Lomax.")
    spans = claimed(searcher_of(story, RATES).search("who is the deputy governor of the bank of england", 3))
    assert spans[0] == "Rachel Lomax" and "Mervyn King" not in spans
    spans = claimed(searcher_of(story, RATES).search("who is the governor of the bank of england", 3))
    assert spans[0] == "Mervyn King" and "Rachel Lomax" not in spans


def test_the_last_of_another_deeds_objects_is_not_the_doer():
    """"Tory leader Michael Howard accused the prime minister and Mr Brown of squabbling" tells of
    nobody who replaced Howard: Mr Brown is one of those accused."""
    story = ("Squabbles", "Tory leader Michael Howard accused the prime minister and Mr Brown of squabbling.\n"
                          "The two men denied any rift.")
    assert "Mr Brown" not in claimed(searcher_of(story, RATES).search("who replaced michael howard as tory leader", 3))


def test_a_counted_name_is_a_thing_not_a_doer():
    story = ("Tennis", "Safin is hopeful that winning the Australian Open will help him win more Grand Slam titles.\n"
                       "Davenport has won three Grand Slams, the 2000 Australian Open and Wimbledon.")
    spans = claimed(searcher_of(story, RATES).search("who won the australian open", 3))
    assert not any(span and "Grand Slam" in span for span in spans)


def test_a_name_doing_another_deed_is_not_the_doer():
    """Tony Blair bought the single; the articles never say who produced it."""
    story = ("Charity", "Prime Minister Tony Blair purchased two copies of the charity single Band Aid 20 in Edinburgh.\n"
                        "Proceeds from the sales of the Band Aid 20 single will go to Africa.")
    result = searcher_of(story, RATES).search("who produced band aid 20", 3)
    assert result.answers and all(span is None for span in claimed(result))


@pytest.mark.parametrize("question, role, role_of", [
    ("who is the bbc director general", "director", ("bbc",)),  # "general" follows the office it qualifies
    ("who is the director general of the cbi", "director", ("cbi",)),
    ("who is the general secretary of the tuc", "secretary", ("tuc",)),
])
def test_an_office_named_with_general_after_it_is_that_office(question: str, role: str, role_of: tuple[str, ...]):
    assert (analyse(question).role, analyse(question).role_of) == (role, role_of)


def test_a_director_general_is_not_a_general_manager_nor_a_chairman():
    story = ("BBC", "Henri Yoxall, general manager of British Music Rights, told BBC News schools wanted help.\n"
                    "The affair prompted the resignation of BBC chairman Gavyn Davies, director-general Greg Dyke and "
                    "reporter Andrew Gilligan.")
    spans = claimed(searcher_of(story, RATES).search("who is the bbc director general", 3))
    assert spans[0] == "Greg Dyke" and not {"Henri Yoxall", "Gavyn Davies"} & set(spans)


def test_a_lower_case_possessive_says_whose_office_it_is():
    """"the programme's chief co-ordinator, told BBC World Service" is the programme's, not the BBC's."""
    story = ("Radio", "Sergio Gera, the programme's chief co-ordinator, told BBC World Service the music was popular.\n"
                      "BBC director general Mark Thompson said the corporation would cut jobs.")
    spans = claimed(searcher_of(story, RATES).search("who is the head of the bbc", 3))
    assert spans[0] == "Mark Thompson" and "Sergio Gera" not in spans
