"""Question analysis: the answer type of each question form, as users type them."""
from __future__ import annotations

import pytest

from briefbot.question import ANSWER_TYPES, analyse
from briefbot.spans import SPAN_TYPES

TYPES = [
    # number
    ("How many people work at the factory?", "number"),
    ("how many cars were sold last year", "number"),
    ("hwo many workers lost their jobs", "number"),
    ("How many seats did the Liberal Democrats win?", "number"),
    ("how many goals has he scored this season", "number"),
    ("What is the number of refugees in the camp?", "number"),
    ("what was the total of votes cast", "number"),
    ("What was the final score?", "number"),
    ("Where is she ranked in the world now?", "number"),
    ("number of jobs cut at the plant", "number"),
    ("How many languages is the game sold in", "number"),
    # money
    ("How much did the new console cost?", "money"),
    ("how much does a ticket cost", "money"),
    ("How much was the company fined?", "money"),
    ("how much money did the charity raise", "money"),
    ("What was the firm's annual profit?", "money"),
    ("What is the price of the handset in Japan?", "money"),
    ("How big was the loss?", "money"),
    ("how large was the annual state pension deficit", "money"),
    ("how big is the new stadium", "measure"),
    ("How expensive are the new season tickets", "money"),
    ("what is the budget for the new stadium", "money"),
    ("at what price were the shares sold", "money"),
    ("airline fuel costs this quarter", "money"),
    ("£ paid to the departing boss", "money"),
    # percent (a change asked "how much" is a percentage)
    ("What percentage of voters backed the plan?", "percent"),
    ("By how much did unemployment fall?", "percent"),
    ("how much did house prices rise in March", "percent"),
    ("How much less debt does the new proposal carry?", "money"),  # a change of a sum of money
    ("What was the date of the hearing?", "date"),
    ("how much more money will the scheme raise", "money"),
    ("how much market share has the firm lost", "percent"),
    ("how much share capital was raised", "money"),
    ("What proportion of sales came from abroad?", "percent"),
    ("what is the interest rate now", "percent"),
    ("how many per cent of the shares does it own", "percent"),
    ("What share of the market does the firm have", "percent"),
    ("inflation percentage last month", "percent"),
    ("How much cheaper are tickets online than at the gate?", "percent"),
    # date
    ("When did the factory close?", "date"),
    ("when was the album released", "date"),
    ("What year did the band split up?", "date"),
    ("what date is the election", "date"),
    ("Since when has he been in charge?", "date"),
    ("In what year was the law passed?", "date"),
    ("wehn does the trial start", "date"),
    ("Which day will the budget be announced?", "date"),
    ("when", "date"),
    ("By when must the bank repay the loan?", "date"),
    ("What month did sales peak?", "date"),
    # time
    ("What time does the match kick off?", "time"),
    ("at what time was the alarm raised", "time"),
    ("what hour did the polls close", "time"),
    # duration
    ("How long did the strike last?", "duration"),
    ("how long has she been chief executive", "duration"),
    ("For how long will the road be closed?", "duration"),
    ("How many years did he spend in prison?", "duration"),
    ("how long is the ban", "duration"),
    ("how many weeks was the single at number one", "duration"),
    ("When did the age of imperialism end?", "date"),  # an age of history, asked when
    ("what was the age of the queen when she died", "age"),
    # age
    ("How old is the new manager?", "age"),
    ("how old was the singer when she died", "age"),
    ("At what age did he start playing?", "age"),
    ("what age is the youngest player", "age"),
    # measure
    ("How long is the new bridge?", "measure"),
    ("How far is the stadium from the city centre?", "measure"),
    ("how tall is the tower", "measure"),
    ("How many miles did the runners cover", "measure"),
    ("How fast can the car go?", "measure"),
    ("what distance did the winning throw reach", "measure"),
    ("How heavy is the new laptop?", "measure"),
    ("what is the height of the tower", "measure"),
    # person
    ("Who is the chancellor?", "person"),
    ("who won the best actor award", "person"),
    ("Who said the plan was unworkable?", "person"),
    ("which player scored the winning goal", "person"),
    ("Which minister resigned over the affair?", "person"),
    ("whos the new England coach", "person"),
    ("Whose idea was the new tax?", "person"),
    ("What is the name of the new director?", "person"),
    ("Which Labour MPs voted against the bill?", "person"),
    ("the singer who replaced her in the band", "person"),
    # organisation
    ("Which company makes the handset?", "organisation"),
    ("who made the game", "organisation"),
    ("Which party won the most seats?", "organisation"),
    ("What firm bought the brewery?", "organisation"),
    ("which bank lent the money", "organisation"),
    ("who made the ipod", "organisation"),
    ("who made the announcement?", "person"),
    ("who made the first official statement", "person"),
    ("Who owns the newspaper?", "organisation"),
    ("Which club did he join in the summer?", "organisation"),
    ("which TV channel will show the series", "organisation"),
    ("Which Japanese carmaker is expanding in Europe?", "organisation"),
    # place
    ("Where was the summit held?", "place"),
    ("where did the band play their first gig", "place"),
    ("Which country has the fastest growing economy?", "place"),
    ("which city will host the games", "place"),
    ("In which town was the factory built?", "place"),
    ("wher is the company based", "place"),
    ("What stadium will host the final?", "place"),
    ("final venue", "place"),
    # reason
    ("Why did the shares fall?", "reason"),
    ("why was the concert cancelled", "reason"),
    ("What caused the delay?", "reason"),
    ("For what reason was he sacked?", "reason"),
    ("What was the reason for the price rise?", "reason"),
    ("How come the figures were revised?", "reason"),
    ("what led to the collapse of the talks", "reason"),
    ("What excuse did the club give for the late kick-off?", "reason"),
    ("reasons for the strike at the airport", "reason"),
    # yes-no
    ("Is the plant going to close?", "yes-no"),
    ("did the minister resign", "yes-no"),
    ("Has the band split up?", "yes-no"),
    ("Will interest rates rise again?", "yes-no"),
    ("Can the club afford the transfer?", "yes-no"),
    ("Does the new phone have a camera?", "yes-no"),
    ("are the talks still going on", "yes-no"),
    ("Was the man who attacked him arrested?", "yes-no"),
    ("Didn't the firm warn of losses?", "yes-no"),
    # quote
    ("What did the prime minister say about the war?", "quote"),
    ("what did the chancellor say", "quote"),
    ("How did the judge describe the defendant?", "quote"),
    ("What has the coach told reporters?", "quote"),
    # description
    ("What is the golden rule?", "description"),
    ("what are the new rules on smoking", "description"),
    ("What happened at the meeting?", "description"),
    ("How does the new system work?", "description"),
    ("Explain the row over the budget", "description"),
    ("new film plot", "description"),
    ("what mistake did the statistics office make", "description"),
    ("What type of medal did NASA give the astronauts who visited the moon?", "description"),  # a relative "who"
    ("Who did John Elway play for in Super Bowl XXXIII?", "organisation"),  # a team, not a person
    ("who does thierry henry play for", "organisation"),
    ("bernabeu bomb scare score when evacuated", "number"),  # a keyword query's noun, not its conjunction
    ("match abandoned when", "date"),
]


@pytest.mark.parametrize("question, kind", TYPES)
def test_answer_type(question: str, kind: str):
    assert analyse(question).type == kind


def test_table_is_big_and_varied():
    assert len(TYPES) >= 100 and {k for _, k in TYPES} == set(ANSWER_TYPES)


@pytest.mark.parametrize("question, unit", [
    ("how many cars are on the roads", "cars"),
    ("How many American soldiers are in Iraq?", "soldiers"),
    ("how many miles did he run", "miles"),
    ("how many jobs will go", "jobs"),
    ("how much money did they raise", None),  # a sum is money already: "money" counts no thing
    ("How much council tax money are pensioners getting back?", None),
    ("How many people died in the bomb blasts?", "people"),  # "died" is the verb after the noun
    ("how many seats were contested", "seats"),
    ("How many people go to the Sundance festival?", "people"),  # the first plural, not the verb "go"
    ("how many fans attend the games", "fans"),
    ("how many police officers", "officers"),
    ("How much did the console cost?", None),
    ("When did the strike end?", None),
])
def test_unit(question: str, unit: str | None):
    assert analyse(question).unit == unit


@pytest.mark.parametrize("question, role", [
    ("who is the mayor of new york", "mayor"),
    ("Who is currently speaker of the Scottish Parliament?", "speaker"),
    ("Who is the head coach of the Broncos?", "coach"),
    ("who is labour's leader", "leader"),
    ("who is the chancellor", "chancellor"),
    ("What was the name of the King of the Scots?", "king"),
    ("who is allawi", None),  # a name: what he is, not an office
    ("who leads the coalition", None),
    ("who is the judge hearing the balco case", None),  # the clause, not the office, says which judge
    ("Who was the first celebrity voted out of Celebrity Big Brother?", None),
    ("where is the mayor of london", None),  # a place, not the holder
])
def test_role_holder(question: str, role: str | None):
    """The office whose holder a question asks for: its answer must be a person named with it."""
    assert analyse(question).role == role


@pytest.mark.parametrize("question, tense", [
    ("When will Real Madrid play the rest of the game?", "ahead"),
    ("What date is Klijsters coming back?", "ahead"),
    ("When is Blair expected to call the election?", "ahead"),
    ("when are the teams going to meet", "ahead"),
    ("When did Labour last hold its conference in Manchester?", "past"),
    ("when was the coalition formed", "past"),
    ("when is the general election", "ahead"),  # an event, no verb: the next one
    ("When is Christmas celebrated?", None),  # a verb of its own: any time it is
    ("when does the coalition mission end", "ahead"),  # a date set: not when its end was announced
    ("how many partners does the coalition have", None),
])
def test_tense(question: str, tense: str | None):
    """Whether a question asks of what is to come or of what happened."""
    assert analyse(question).tense == tense


@pytest.mark.parametrize("question, focus", [
    ("How much did the Nintendo DS cost?", ("Nintendo DS", "cost")),
    ("how many soldiers are there", ("soldiers",)),
    ("Who is the chief executive of Marks and Spencer?", ("chief", "executive", "Marks", "Spencer")),
    ("Why did Gordon Brown raise taxes", ("Gordon Brown", "raise", "taxes")),
])
def test_focus(question: str, focus: tuple[str, ...]):
    assert analyse(question).focus == focus


@pytest.mark.parametrize("question, content", [
    ("How much did the Nintendo DS cost?", ("Nintendo", "DS", "cost")),
    ("how long is the bridge", ("bridge",)),
    ("What did Blair say about Iraq?", ("Blair", "say", "Iraq")),
    ("is the plan working", ("plan", "working")),
])
def test_content_leaves_out_question_words(question: str, content: tuple[str, ...]):
    assert analyse(question).content == content


@pytest.mark.parametrize("question, span_types", [
    ("how many cars", ("number",)),
    ("how much did it cost", ("money", "number")),
    ("what time did it start", ("time", "date")),
    ("when did it start", ("date",)),
    ("who is the chancellor", ("person",)),
    ("who is allawi", ()),  # what he is: a description, not his name
    ("Who was Gordon Brown?", ()),
    ("who is leading the party", ("person",)),
    ("why did it fail", ()),
    ("is it over", ()),
])
def test_span_types(question: str, span_types: tuple[str, ...]):
    assert analyse(question).span_types == span_types


def test_span_types_are_spans_types():
    for question, _ in TYPES:
        assert set(analyse(question).span_types) <= set(SPAN_TYPES)


@pytest.mark.parametrize("question", ["", "?", "   ", "£$€", "how", "the the the"])
def test_odd_input(question: str):
    assert analyse(question).type in ANSWER_TYPES


@pytest.mark.parametrize("question, speaker, looked_for", [
    ("who said the border is secure", True, "who the border is secure"),
    ("Who has warned of a crisis?", True, "who of a crisis?"),
    ("who is the chancellor", False, "who is the chancellor"),
    ("what did Blair say", False, "what did Blair say"),
])
def test_who_said_asks_for_the_speaker_and_looks_for_what_was_said(question, speaker, looked_for):
    q = analyse(question)
    assert q.asks_speaker is speaker and q.looked_for.split() == looked_for.split()


@pytest.mark.parametrize("typed, meant", [
    ("how much did the us economy grow", "how much did the US economy grow"),
    ("how many us troops are in iraq", "how many US troops are in iraq"),
    ("us troops in iraq", "US troops in iraq"),
    ("what did us forces do", "what did US forces do"),
    ("tell us about the f-16", "tell us about the f-16"),  # the pronoun, after a verb
    ("is it good for us", "is it good for us"),
])
def test_us_typed_in_lower_case_is_the_country_where_no_pronoun_stands(typed: str, meant: str):
    """The pronoun "us" is a stop word; where it cannot be the pronoun it is the United States,
    which a search must not drop ("the us economy" asked about India's would answer)."""
    from briefbot.question import with_question_words_as_meant
    assert with_question_words_as_meant(typed) == meant
