"""Typed spans: what each pattern finds in news sentences, and that spans never overlap."""
from __future__ import annotations

import pytest

from briefbot.spans import SPAN_TYPES, typed_spans


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.type) for s in typed_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # numbers
    ("There are about 2,500 soldiers there.", ("2,500", "number")),
    ("Two and a half million cars are on the roads.", ("Two and a half million", "number")),
    ("The firm sold 1.5m consoles.", ("1.5m", "number")),
    ("It has five stores.", ("five", "number")),
    ("Dozens of people were hurt.", ("Dozens", "number")),
    ("Twenty-five people came.", ("Twenty-five", "number")),
    ("a third of voters agreed", ("a third", "number")),
    ("two-thirds of staff", ("two-thirds", "number")),
    ("three hundred and twenty jobs went", ("three hundred and twenty", "number")),
    ("a dozen shops closed", ("a dozen", "number")),
    # money
    ("The game costs $149.99 in the US.", ("$149.99", "money")),
    ("a £2.1bn boost", ("£2.1bn", "money")),
    ("a loss of £80m last year", ("£80m", "money")),
    ("it paid €5 million", ("€5 million", "money")),
    ("it raised 10.5bn euros", ("10.5bn euros", "money")),
    ("a stamp costs 30 pence", ("30 pence", "money")),
    ("debt of $1.2 trillion", ("$1.2 trillion", "money")),
    ("an annual £10.5bn black hole", ("£10.5bn", "money")),
    ("It sells for US$ 5 each.", ("US$ 5", "money")),
    ("they spent 1m dollars", ("1m dollars", "money")),
    ("a bill of two million pounds", ("two million pounds", "money")),
    ("tickets at £25 each", ("£25", "money")),
    # percent
    ("fees rose by 250% this month", ("250%", "percent")),
    ("growth of 2.5 per cent", ("2.5 per cent", "percent")),
    ("up 15 percent", ("15 percent", "percent")),
    ("a rise of three percentage points", ("three percentage points", "percent")),
    # dates
    ("It was launched on September 27, 2024.", ("September 27, 2024", "date")),
    ("It opened on 27 September 2024.", ("27 September 2024", "date")),
    ("due in September 2025", ("September 2025", "date")),
    ("sales in 2003 fell", ("2003", "date")),
    ("roads since 1998/9", ("1998/9", "date")),
    ("He resigned last Friday.", ("last Friday", "date")),
    ("The vote is next month.", ("next month", "date")),
    ("Shares fell yesterday.", ("yesterday", "date")),
    ("He will speak on Monday.", ("Monday", "date")),
    ("Talks resume this week.", ("this week", "date")),
    ("by the end of September", ("the end of September", "date")),
    ("2005's figures were good", ("2005", "date")),
    ("prices peaked in mid-2006", ("mid-2006", "date")),
    ("as it did in the 1990s", ("1990s", "date")),
    ("The talks start in January.", ("January", "date")),
    ("profits this year", ("this year", "date")),
    ("sales rose last year", ("last year", "date")),
    ("three years ago the plant shut", ("three years ago", "date")),
    ("in the third quarter", ("third quarter", "date")),
    ("Earlier this month the bank cut rates.", ("Earlier this month", "date")),
    # times
    ("The meeting starts at 10:30.", ("10:30", "time")),
    ("It closes at 3pm.", ("3pm", "time")),
    ("The train left at 9.30am.", ("9.30am", "time")),
    ("Fireworks at midnight", ("midnight", "time")),
    ("at 7.15 p.m. GMT", ("7.15 p.m. GMT", "time")),
    # durations
    ("He served three years in jail.", ("three years", "duration")),
    ("an 18 months delay", ("18 months", "duration")),
    ("It took six weeks.", ("six weeks", "duration")),
    ("after two decades of war", ("two decades", "duration")),
    ("talks lasting 48 hours", ("48 hours", "duration")),
    ("he was banned for a year", ("a year", "duration")),
    ("an 18-month inquiry", ("18-month", "duration")),
    ("two and a half years later", ("two and a half years", "duration")),
    # ages
    ("a man aged 34 was arrested", ("aged 34", "age")),
    ("The 34-year-old midfielder signed.", ("34-year-old", "age")),
    ("John Smith, 34, said he was happy.", ("34", "age")),
    ("She is 34 years old.", ("34 years old", "age")),
    ("a five-year-old boy", ("five-year-old", "age")),
    # measures
    ("a 5km run", ("5km", "measure")),
    ("they drove 100 miles", ("100 miles", "measure")),
    ("a limit of 30mph", ("30mph", "measure")),
    ("it weighs 5 tonnes", ("5 tonnes", "measure")),
    ("a flat of 200 square metres", ("200 square metres", "measure")),
    ("he is 6ft tall", ("6ft", "measure")),
    ("the statue is 1.8m tall", ("1.8m", "measure")),
    # names
    ("Mr Blair said the plan would work.", ("Mr Blair", "person")),
    ("The chancellor, Gordon Brown, disagreed.", ("Gordon Brown", "person")),
    ("Flights to Baghdad International Airport resumed.", ("Baghdad International Airport", "place")),
    ("Voters backed Labour again.", ("Labour", "organisation")),
    ("figures from the Office for National Statistics", ("Office for National Statistics", "organisation")),
    ("Nintendo makes the DS.", ("Nintendo", "organisation")),
    ("Troops remain in Iraq.", ("Iraq", "place")),
    ("Prices fell in London.", ("London", "place")),
    ("the Bank of England held rates", ("Bank of England", "organisation")),
    ("said Tony Blair's spokesman", ("Tony Blair", "person")),
    ("Dr Jane Hutt opened it.", ("Dr Jane Hutt", "person")),
    ("The talks ended on 23 February.", ("23 February", "date")),
    ("He said. Today the talks ended.", ("Today", "date")),  # a sentence may still open on it
    ('"Today we begin," he said.', ("Today", "date")),
    ("Talks resume today.", ("today", "date")),  # the sentence's full stop is not the month's
    ("It opens on 5 Feb. 2025 in Leeds.", ("5 Feb. 2025", "date")),
    ("Blue Gene/L has managed speeds of 70.72 teraflops.", ("70.72 teraflops", "measure")),  # the unit is the number's
    ("The line runs at 10 Mbps.", ("10 Mbps", "measure")),
    ("Wales beat Italy 24 to 3.", ("24", "number")),  # a score after a place is a number still
    ("It was evacuated with the score at 1-1.", ("1-1", "number")),  # a score is one figure, not two ones
    ("Arsenal sealed a 3-1 win in the 2004-05 season.", ("3-1", "number")),
    ("The boy was a two-year-old then.", ("two-year-old", "age")),  # a compound with its unit stays whole
    ("Workers held a one-day strike.", ("one-day", "duration")),
])
def test_span_found(text: str, expected: tuple[str, str]):
    assert expected in spans(text)


@pytest.mark.parametrize("text, absent", [
    ("The firm said it would grow.", "The"),  # a sentence opener is no name
    ("However, sales fell.", "However"),
    ("He came third in the race.", "third"),  # an ordinal is no count
    ("It grew £80m.", "80m"),  # money wins over the bare number
    ("Prices rose sharply.", "Prices"),  # one capitalised word at the start: unclassifiable
    ("She may leave in a year or so.", "may"),
    ("Sony PlayStation 2's slimmer shape proved popular, with 50,000 sold.", "2"),  # the number ends a name
    ("Fans queued for Metal Slug 3 all night.", "3"),
    ('Marca said: "Wayne Rooney se volvi&#243; loco".', "243"),  # an HTML entity the text carries literally
    ("But seconds after the half-time interval, Drogba made no mistake.", "half"),  # a word number in a compound
    ("Its profits were buoyed by one-off gains.", "one"),
    ("Mr Knapman told BBC Radio 4's Today programme he was glad.", "Today"),  # a programme, not a date
    ("Bekele won in 7:39.89 on Saturday.", "7"),  # a race time holds no count
    ("Bekele won in 7:39.89 on Saturday.", "39.89"),
    ("Boeing expects to sell 500 777-200LR planes.", "200"),  # a model's name holds no count
    ("The F-16 jets landed.", "16"),
    ("The MPEG-4 format is used.", "4"),
    ("The plane was rolled out at 2200 GMT on Tuesday.", "2200"),  # a time of day
])
def test_not_found_as_written(text: str, absent: str):
    assert absent not in [found for found, _ in spans(text)]


@pytest.mark.parametrize("text, kind", [
    ("2000 people marched.", "number"),
    ("It grew £80m.", "money"),
    ("the 1.5m figure", "number"),
])
def test_type_of_the_only_span(text: str, kind: str):
    assert [k for _, k in spans(text)] == [kind]


@pytest.mark.parametrize("text", [
    "The 34-year-old man, aged 34, walked 5km for a year; he is 1.8m tall and earns £80m, or 1.5m dollars.",
    "Mr Blair told Gordon Brown, 54, that prices rose 2.5 per cent last Friday at 9.30am.",
    "Baghdad International Airport closed for 48 hours at the end of September 2014, three years ago.",
    "It took three years and 18 months, €5 million, 10.5bn euros, 30 pence and $1.2 trillion.",
    "",
    "no capitals or digits here at all",
])
def test_spans_sorted_disjoint_inside(text: str):
    found = typed_spans(text)
    assert all(0 <= s.start < s.end <= len(text) and s.type in SPAN_TYPES for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_wider_span_wins():
    assert spans("a £2.1bn boost since 1998/9") == [("£2.1bn", "money"), ("1998/9", "date")]


def test_a_number_word_inside_a_name_is_no_number():
    """"the Six Nations" is a championship, no count nor an age ("how old is he" answered "Six");
    a sentence may still open on a number word ("Six Nations games start today")."""
    inside = "Robinson will lead England in the Six Nations this season."
    assert all(inside[s.start:s.end] != "Six" for s in typed_spans(inside))
    opening = "Six people were hurt in the crash."
    assert any(opening[s.start:s.end] == "Six" and s.type == "number" for s in typed_spans(opening))
