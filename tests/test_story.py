"""The story's shape: `timeline` (dates read as written, relative ones against the article's date,
planned ones marked, one line per fact), `compare` (the same thing told differently, and what one
source alone says) and `brief` (the story on one screen, no fact twice), on made-up stories and on
the embedded briefing."""
from __future__ import annotations

import datetime as dt
import json

import numpy as np

from rich.console import Console

from briefbot import cli, render
from briefbot import brief as brief_module
from briefbot import compare as compare_module
from briefbot import plain as plain_module
from briefbot import story_blocks
from briefbot.brief import BRIEF_SIZE, brief
from briefbot.compare import compare
from briefbot.indexing import build
from briefbot.parser import parse
from briefbot.reply import Dated, Difference, Message, Passage
from briefbot.plain import plain
from briefbot.search import Searcher
from briefbot.session import Session
from briefbot.timeline import When, read_date, timeline
from briefbot.topic import sentences_on
from briefbot.tui import story as tui_story
from briefbot.world import build_world, facts
from stories import article

THURSDAY = dt.date(2005, 3, 10)


def index_of(*stories: tuple[str, str, str | None]):
    return build([article(n, title, text, date) for n, (title, text, date) in enumerate(stories)], "")


def when(written: str, on: dt.date | None = THURSDAY, planned: bool = False) -> str | None:
    read = read_date(written, on, planned)
    return None if read is None else str(read[0])


# --- reading dates -----------------------------------------------------------------------------

def test_an_absolute_date_keeps_the_precision_it_is_written_with():
    assert when("September 27, 2024") == "2024-09-27"
    assert when("27 September 2024") == "2024-09-27"
    assert when("September 2025") == "2025-09"  # never 2025-09-01
    assert when("the end of September 2025") == "2025-09"
    assert when("2014") == "2014"
    assert when("mid-2005") == "2005"
    assert when("2003/4") == "2003/2004"  # a financial year: a span of years, as an ISO interval
    assert when("2007-13") == "2007/2013" and when("1998/9") == "1998/1999"
    assert when("2005-06-30") == "2005-06-30"
    assert read_date("2014", None) == (When(2014), False)
    assert read_date("31 September 2005", None) is None and read_date("13/13/2005", None) is None
    assert When(2025, 9).precision == "month" and When(2014).precision == "year" and When(2024, 9, 27).precision == "day"


def test_a_relative_date_is_resolved_against_the_articles_date():
    assert when("yesterday") == "2005-03-09"
    assert when("last Friday") == "2005-03-04"
    assert when("next Friday") == "2005-03-11"
    assert when("Tuesday") == "2005-03-08"  # said of the past: the Tuesday before
    assert when("Tuesday", planned=True) == "2005-03-15"  # "will meet on Tuesday": the coming one
    assert when("next month") == "2005-04"
    assert when("last year") == "2004"
    assert when("three years ago") == "2002"
    assert when("last September") == "2004-09"
    assert when("March 16") == "2005-03-16"  # a day without a year: the nearest to the article's date
    assert when("December 20") == "2004-12-20"
    assert read_date("last Friday", THURSDAY) == (When(2005, 3, 4), True)


def test_a_relative_date_in_an_undated_article_is_not_placed():
    for written in ("yesterday", "last Friday", "next month", "Tuesday", "September 27", "last week"):
        assert when(written, None) is None, written
    assert when("the 1990s") is None  # a decade gives no year


def test_planned_dates_ranges_and_the_article_date():
    idx = index_of(
        ("Mission ends", "The coalition was founded in 2014 and led by Washington since September 2014.\n"
                         "Its mission in Syria will continue until September 2026.\n"
                         "The base was run from 1997 to 2001 by the army.\n"
                         "Officials met last Friday to agree the plan.", "2025-02-05"),
        ("Undated story", "The mayor spoke last Friday about the plan.\nThe bridge will reopen in 2030.", None))
    found = timeline(idx, facts(idx))
    lines = {(str(e.when), idx.text_of(e.sentences[0])[:20]): e for e in found.events}
    founded = lines["2014", "The coalition was fo"]  # one line, under its first date, naming the other
    assert not founded.planned and [(str(d.when), d.planned) for d in founded.others] == [("2014-09", False)]  # "since"
    assert lines["2026-09", "Its mission in Syria"].planned  # "will continue until"
    assert [str(d.when) for d in lines["1997", "The base was run fro"].others] == ["2001"]  # a range
    assert lines["2025-01-31", "Officials met last F"].dated[0].relative
    assert lines["2030", "The bridge will reop"].planned  # undated, but said as what will be
    assert ("2025-02-05", "The coalition was fo") not in lines  # a lead with dates of its own keeps them
    assert not any(idx.text_of(e.sentences[0]).startswith("The mayor") for e in found.events)
    assert found.unplaced == 1  # the undated "last Friday"
    assert [e.when for e in found.events] == sorted(e.when for e in found.events)
    assert sum(len(e.sentences) for e in found.events) == len({s for e in found.events for s in e.sentences})


def test_what_lies_ahead_is_planned_by_a_cue_before_its_date_or_after_a_deadline_never_before_a_past_verb():
    idx = index_of(("Undated", "Some fear that this figure could hit 150,000 by September 2005.\n"
                               "By the end of 2004 Microsoft aims to launch search software for the desktop.\n"
                               "Sony and Microsoft are preparing the way for the launches of new consoles in 2005.\n"
                               "Although virus writers will still play around with code, 2004 saw a rise in crime.\n"
                               "The Labour government officially has until June 2006 to hold a general election.\n"
                               "The club stayed in the league until June 2001, when it was relegated.", None))
    planned = {idx.text_of(e.sentences[0])[:10]: e.planned for e in timeline(idx, facts(idx)).events}
    assert planned == {"Some fear ": True, "By the end": True, "Sony and M": True, "Although v": False,
                       "The Labour": True, "The club s": False}  # the time one "has until" lies ahead


def test_a_sentence_is_one_line_under_its_main_date_not_its_planned_one():
    idx = index_of(("Deal", "The deal was signed in March 2004 and will run until 2010.\n"
                            "Talks will end by June 2006, a year after they opened in June 2005.", None))
    events = timeline(idx, facts(idx)).events
    assert [(str(e.when), e.planned, [(str(d.when), d.planned) for d in e.others]) for e in events] == [
        ("2004-03", False, [("2010", True)]), ("2005-06", False, [("2006-06", True)])]


def test_a_lead_without_a_date_takes_its_articles_date_marked_so():
    idx = index_of(("Strike", "Workers walked out at the plant.\nThe union wants more pay.", "2005-03-10"))
    events = timeline(idx, facts(idx)).events
    assert [(str(e.when), e.article_date, e.sentences) for e in events] == [("2005-03-10", True, (0,))]


def test_two_leads_of_one_day_telling_one_statement_in_other_words_are_one_line():
    """The seed's edited lead and its machine translation: one statement that day, told too unlike for
    the answers' same-fact rule, that compare pairs (`retold`); another lead of that day stays apart."""
    one = ("A spokesman for the Iraqi Armed Forces, Sabah Al-Numan, confirmed that the timelines for the withdrawal "
           "of the coalition forces from Iraq take into account the needs of the security forces.")
    two = ("A spokesman for the Iraqi Armed Forces confirmed that the timetables for the withdrawal of the coalition "
           "forces from the country took into consideration the security forces' need for training, equipment, "
           "logistics and technical matters, so the timetables are fixed and are proceeding according to plan.")
    idx = index_of(("Stay", one, "2025-02-05"), ("Dangers", two, "2025-02-05"),
                   ("Strike", "Workers walked out at the plant over pay.", "2025-02-05"))
    assert not Searcher(idx).same_fact(0, 1)
    events = timeline(idx, facts(idx), retold=compare_module.retold).events
    assert sorted((str(e.when), e.article_date, e.sentences) for e in events) == [
        ("2025-02-05", True, (0, 1)), ("2025-02-05", True, (2,))]
    same = "A spokesman for the Iraqi Armed Forces confirmed the timetables for the withdrawal of the coalition."
    idx = index_of(("Stay", same, "2025-02-05"), ("Dangers", same.replace("confirmed", "has confirmed"), "2025-02-05"),
                   ("Strike", "Workers walked out at the plant over pay.", "2025-02-05"))
    assert Searcher(idx).same_fact(0, 1)  # one fact of the world: one line, retold or not
    assert sorted((str(e.when), e.article_date, e.sentences) for e in timeline(idx, facts(idx)).events) == [
        ("2025-02-05", True, (0, 1)), ("2025-02-05", True, (2,))]


def test_the_same_dated_fact_from_two_sources_is_one_line_unless_the_figures_differ():
    idx = index_of(
        ("Budget", "The chancellor will present the budget on 16 March 2005 with £2bn for schools.", "2005-03-01"),
        ("Budget day", "The chancellor will present his budget on 16 March 2005, with £2bn for schools.", "2005-03-02"),
        ("Budget plans", "The chancellor will present the budget on 16 March 2005 with £3bn for schools.", "2005-03-02"))
    events = timeline(idx, facts(idx)).events
    assert [(str(e.when), e.sentences) for e in events] == [("2005-03-16", (0, 1)), ("2005-03-16", (2,))]
    assert all(e.planned for e in events)


def test_one_event_told_in_other_words_and_to_another_precision_is_one_line_with_both_citations():
    # too unlike for search's same-fact rule (one says much more); "12-month" and "12 months" are one figure
    idx = index_of(
        ("Deal", "The governments of Ruritania and Freedonia announced in a joint statement released in "
                 "September 2024 the official end of the coalition mission, with a 12-month deadline.\n"
                 "Markets in the capital were calm.", None),
        ("Mission", "On September 27, 2024, the coalition announced the official end of its mission within 12 months "
                    "in a joint statement with Freedonia, after the defeat of the rebels in the northern hills and the "
                    "transition to bilateral security partnerships.\nThe weather was mild.", "2025-02-05"),
        ("Other mission", "On September 27, 2024, the coalition announced the official end of its mission within "
                          "18 months in a joint statement with Freedonia.\nFarmers sold their crops.", "2025-02-06"))
    events = timeline(idx, facts(idx), retold=compare_module.retold).events
    assert [(str(e.when), e.sentences) for e in events] == [("2024-09-27", (2, 0)), ("2024-09-27", (4,))]
    assert [str(d.when) for d in events[0].dated] == ["2024-09-27", "2024-09"]  # the line under the finer date
    assert len(timeline(idx, facts(idx)).events) == 3  # the world's facts alone keep all three apart


def test_a_timeline_reads_the_years_a_sentence_is_about_not_those_of_names_or_things():
    idx = index_of(("Gadgets", "Other gadgets in the top 100 include the sextant from 1731 (59th position), the marine "
                               "chronometer from 1761 and the Kodak Brownie camera from 1900 (28th position).\n"
                               "The 1991 laptop was chosen as it helped define the notebook PC.\n"
                               "The pocket calculator was also a hot gadget in 1980.\n"
                               "In October 2000 customs began an investigation into networks such as Razor 1911 "
                               "and Myth.\nA British general election was last held in February in 1974.\n"
                               "Sales rose in 2004 and will rise again in 2005.\n"
                               "Polls close at 1830 GMT, and Windows 2000 was patched over Christmas 2004.", None))
    events = timeline(idx, facts(idx)).events
    written = [(str(e.when), idx.text_of(s)[d.span.start:d.span.end]) for e in events for s, d in zip(e.sentences, e.dated)]
    assert written == [("1974-02", "February in 1974"), ("1980", "1980"), ("2000-10", "October 2000"),
                       ("2004", "2004"), ("2004", "2004")]  # no sextant from 1731, no 1991 laptop: years of things


def test_a_year_in_a_products_name_dates_nothing_even_near_the_storys_time():
    idx = index_of(("Virus", "Computers running Microsoft Windows 95, 98, 2000, NT and XP are vulnerable to this trojan.\n"
                             "PCs running Windows 95, 98, ME, NT, 2000, and XP could be vulnerable to the worm.\n"
                             "Firms still on Windows 2000 face the worst of it, Sophos said in December 2004.\n"
                             "Its stand runs Windows XP Media Centre edition 2005 for people to try out.\n"
                             "In 2000 the firm was bought by Sophos.\n"
                             "Virus writers still play around, said Mr Hogan, 2004 saw a rise in crime.\n"
                             "The worm first appeared over Christmas 2004.", None))
    events = timeline(idx, facts(idx)).events
    assert [str(e.when) for e in events] == ["2000", "2004", "2004", "2004-12"]
    assert all(e.others == () for e in events)


def test_the_embedded_story_timeline_lists_what_the_issue_asks(seed_index):
    events = timeline(seed_index, facts(seed_index)).events

    def line(date: str, words: str):
        return next((e for e in events if str(e.when) == date
                     and any(words in seed_index.text_of(s) for s in e.sentences)), None)

    founded = line("2014", "87 partners")
    assert founded is not None and len(founded.sentences) == 2 and not founded.planned
    assert line("2014-09", "led by Washington since September 2014") is not None
    announced = line("2024-09-27", "announced the official end")
    assert announced is not None and not announced.planned
    assert [(str(d.when), d.planned) for d in announced.others] == [("2025-09", True)]  # "no later than the end of"
    assert sum(len(e.sentences) for e in events) == len({s for e in events for s in e.sentences})  # one line each
    syria = line("2026-09", "continue until September 2026")
    assert syria.planned and len(syria.sentences) == 2
    for e in events:  # the date marked is the date written
        for sent, d in zip(e.sentences, e.dated):
            assert read_date(seed_index.text_of(sent)[d.span.start:d.span.end], None) in (None, (e.when, False))


# --- comparing sources -------------------------------------------------------------------------

def marked(idx, sent: int, marks) -> list[str]:
    return [idx.text_of(sent)[s:e] for s, e in marks]


def test_a_figure_told_differently_is_a_contrast_with_the_figures_marked():
    idx = index_of(("Bridge", "The county council will spend £80m on the new river bridge, officials said.", None),
                   ("Bridge cost", "The county council will spend £60m on the new river bridge, officials said.", None))
    found = compare(idx, Searcher(idx).same_fact)
    assert [(c.kinds, marked(idx, c.a, c.a_marks), marked(idx, c.b, c.b_marks)) for c in found.contrasts] == [
        (("figure",), ["£80m"], ["£60m"])]


def test_a_figure_before_a_name_is_no_part_of_the_name():
    # "almost 4m DS consoles" counts what "2.8 million DS consoles" does: "4m DS" is no other name than "DS"
    idx = index_of(("DS", "The firm has sold almost 4m DS consoles in Japan.", None),
                   ("DS again", "The firm has sold 2.8 million DS consoles in Japan.", None))
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert (marked(idx, contrast.a, contrast.a_marks), marked(idx, contrast.b, contrast.b_marks)) == (
        ["4m"], ["2.8 million"])


def test_a_figure_of_one_counted_thing_differs_though_only_one_sentence_names_who_has_it(monkeypatch):
    # in a whole folder "sold", "consoles", "since", "end", "sale" are common words: the two share two rare ones
    monkeypatch.setattr(compare_module, "MAX_POSTING", 3)
    one = "Since going on sale in Japan and the US at the end of 2004, Nintendo has sold almost 4m DS consoles."
    two = "More than 2.8 million DS consoles have been sold since it first appeared in the US and Japan at the end of 2004."
    filler = ("Rivals", " ".join(f"Sony has sold {n} PSP consoles in the US since their sale began at the end of {month}." for n, month in (
        ("many", "March"), ("more", "April"), ("fewer", "May"), ("some", "June"))), None)
    news = ("News", " ".join(f"The {town} council meets on {day} to discuss the {thing}." for town, day, thing in zip(
        ("Leeds", "York", "Hull", "Bath", "Ely", "Wells"), ("Monday", "Tuesday", "Friday") * 2,
        ("bridge", "library", "park", "road", "school", "market"))), None)  # so that the rare words weigh as news does
    idx = index_of(("DS", one, None), ("DS again", two, None), filler, news)
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert (marked(idx, contrast.a, contrast.a_marks), marked(idx, contrast.b, contrast.b_marks)) == (
        ["4m"], ["2.8 million"])
    sold = ("Sales", "Nintendo raised its sales targets for the DS console after selling a million in the US and Japan.",
            None)  # common words and DS alike, but "a million" counts no DS: no difference
    idx = index_of(("DS", one, None), sold, filler, news)
    assert compare(idx, Searcher(idx).same_fact).contrasts == []


def test_an_exact_twin_is_no_difference_and_nothing_is_only_in_one_source():
    text = "The county council will spend £80m on the new river bridge, officials said."
    idx = index_of(("Bridge", text, None), ("Bridge again", text, None))
    found = compare(idx, Searcher(idx).same_fact)
    assert found.contrasts == [] and found.only_in == []


def test_a_denial_of_what_the_other_states_is_a_contrast():
    idx = index_of(("Plan", "The health minister has confirmed the hospital closure plan for Leeds.", None),
                   ("Plan denied", "The health minister has not confirmed the hospital closure plan for Leeds.", None))
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert contrast.kinds == ("negation",)
    assert marked(idx, contrast.b, contrast.b_marks) == ["not confirmed"]


def test_sentences_about_different_things_are_no_contrast_however_alike_their_words():
    pairs = [  # each: two sentences in the same words about two subjects, or one adding a figure
        ("One person in the UK is joining the internet's fast lane every 10 seconds, according to BT.",
         "More and more Americans are joining the internet's fast lane, according to official figures."),
        ("In the game the hero is able to pause, rewind and fast-forward time.",
         "Satellite customers without recorders cannot pause, rewind or fast-forward their programmes."),
        ("A new blog is created every 5.8 seconds, the research firm says of the blogosphere.",
         "The research firm says a new blog is created every 5.8 seconds, although less than 40% of the "
         "blogosphere is updated."),
        ("London leads the global league of wi-fi hotspots, with more than 1,000 wi-fi hotspots.",
         "It will offer a flat-fee £20 a month wi-fi tariff for people using its London wi-fi hotspots."),
        ("The number of Europeans with broadband has exploded this year, research suggests.",
         "Recent research suggests that the number of Europeans with broadband has exploded this year."),
    ]
    other_news = ("Rain is forecast for the weekend across the north.\nThe town hall reopens after repairs.\n"
                  "Local schools celebrate their exam results.\n")  # so the words the pair shares weigh as news does
    for one, two in pairs:
        idx = index_of(("One", other_news + one, None), ("Two", two, None))
        assert compare(idx, Searcher(idx).same_fact).contrasts == [], one


def test_a_figure_of_the_same_thing_told_differently_stays_a_contrast():
    idx = index_of(("Blogs", "Technorati now estimates that the number of blogs in existence has exceeded 4.8 million.", None),
                   ("More blogs", "Blog analysis firm Technorati estimates the number of blogs in existence has already "
                                  "exceeded five million.", None))
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert contrast.kinds == ("figure",)
    assert (marked(idx, contrast.a, contrast.a_marks), marked(idx, contrast.b, contrast.b_marks)) == (
        ["4.8 million"], ["five million"])


def test_a_threshold_and_a_figure_that_meets_it_are_no_difference_unless_it_falls_short():
    other_news = ("Rain is forecast for the weekend across the north.\nThe town hall reopens after repairs.\n"
                  "Local schools celebrate their exam results.\n")  # so the words the pair shares weigh as news does
    mark = ("Surpassing the 40 trillion calculations per second mark has been the aim of the Blue Gene machine in "
            "tests at IBM.")
    more = "The Blue Gene machine did more than 40 trillion calculations per second in tests at IBM."

    def kinds(threshold: str, speed: str) -> list[tuple[str, ...]]:
        reached = f"The Blue Gene machine reached a top speed of {speed} trillion calculations per second in tests at IBM."
        idx = index_of(("One", other_news + threshold, None), ("Two", reached, None))
        return [c.kinds for c in compare(idx, Searcher(idx).same_fact).contrasts]

    assert kinds(mark, "42.7") == [] and kinds(more, "42.7") == []  # the mark passed, as both say
    assert kinds(more, "41") == []  # "more than 40" is a figure rounded down: 41 is what it tells
    assert kinds(more, "36.1") == [("figure",)]  # short of "more than 40": they disagree
    assert kinds(more, "70.5") == [("figure",)]  # far past it: "more than 40" does not tell 70


def test_a_bound_is_met_only_within_a_step_of_its_last_digit():
    other_news = ("Rain is forecast for the weekend across the north.\nThe town hall reopens after repairs.\n"
                  "Local schools celebrate their exam results.\n")  # so the words the pair shares weigh as news does
    sold = ("Nintendo DS", other_news + "Nintendo has sold more than 2.8 million of its consoles since it first appeared in the US and "
                           "Japan at the end of 2004.", None)
    idx = index_of(sold, ("DS in Europe", "Since going on sale in Japan and the US at the end of 2004, Nintendo has "
                                          "sold almost 4m of its consoles.", None))
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert "figure" in contrast.kinds
    assert (marked(idx, contrast.a, contrast.a_marks), marked(idx, contrast.b, contrast.b_marks)) == (
        ["2.8 million"], ["4m"])
    idx = index_of(sold, ("DS in Europe", "Since going on sale in Japan and the US at the end of 2004, Nintendo has "
                                          "sold 2.85 million of its consoles.", None))
    assert compare(idx, Searcher(idx).same_fact).contrasts == []


def test_articles_sharing_words_only_within_themselves_have_nothing_to_compare():
    idx = index_of(("Harbour", "The harbour master said the new crane arrived on Tuesday.\nThe new crane is tall, the "
                               "harbour master said.", None),
                   ("Dock", "The dock workers said the tide was high on Monday.", None))
    assert compare(idx, Searcher(idx).same_fact).contrasts == []


def test_what_one_source_alone_says_is_listed():
    idx = index_of(("Bridge", "The county council will spend £80m on the new river bridge, officials said.\n"
                              "Work on the bridge approaches in Selby starts in 2006, said engineer Sam Lowe.", None),
                   ("Bridge cost", "The county council will spend £80m on the new river bridge, officials said.", None))
    found = compare(idx, Searcher(idx).same_fact)
    assert [idx.text_of(s)[:20] for s in found.only_in] == ["Work on the bridge a"]


def test_the_seed_articles_real_differences_are_found(seed_index):
    idx = seed_index
    comparison = compare(idx, Searcher(idx).same_fact)
    found = comparison.contrasts + comparison.spellings

    def pair(kind: str, words_a: str, words_b: str):
        for c in found:
            texts = {idx.text_of(c.a): c.a_marks, idx.text_of(c.b): c.b_marks}
            one = next((t for t in texts if words_a in t), None)
            two = next((t for t in texts if words_b in t and t != one), None)
            if kind in c.kinds and one and two:
                return [one[s:e] for s, e in texts[one]], [two[s:e] for s, e in texts[two]]
        return None

    assert pair("name", "F-16 fighter jets", "F16 aircraft") == (["F-16"], ["F16"])
    victoria = pair("name", "Victoria base near", "Camp Victoria adjacent")
    assert victoria and "Victoria base" in victoria[0] and "Camp Victoria" in victoria[1]
    discussed = pair("negation", "are not final", "has not been officially discussed at all")
    assert discussed and "not final" in discussed[0] and "not been officially discussed" in discussed[1]
    trainers = pair("attribution", "according to military leadership", "we do not need trainers")
    assert trainers and "military leadership" in trainers[0]
    # "September 2024" and "September 27, 2024": one date to two precisions, no difference of fact
    assert pair("date", "released in September 2024", "On September 27, 2024") is None
    # who announced it: a reporting verb that quotes no one
    announced = pair("attribution", "United States and Iraq announced", "the international coalition announced")
    assert announced and "The governments of the United States and Iraq" in announced[0] \
        and "the international coalition" in announced[1]


def test_a_name_written_two_ways_is_listed_once_apart_from_the_differences_of_fact(seed_index):
    comparison = compare(seed_index, Searcher(seed_index).same_fact)
    assert all("name" not in c.kinds for c in comparison.contrasts)
    writings = [tuple(sorted(seed_index.text_of(s)[a:b] for s, marks in ((c.a, c.a_marks), (c.b, c.b_marks))
                             for a, b in marks)) for c in comparison.spellings]
    assert writings.count(("Turkey", "Turkiye")) == 1  # told in three pairs of sentences, listed once
    assert ("F-16", "F16") in writings


def test_two_speakers_are_no_difference_between_crossed_retellings(seed_index):
    # each article gives the crisis to security experts in one sentence and to Al-Bayati in another
    crossed = [c for c in compare(seed_index, Searcher(seed_index).same_fact).contrasts
               if {seed_index.text_of(c.a)[:24], seed_index.text_of(c.b)[:24]} == {
                   "Security experts assert ", "In addition, the Workers"}]
    assert crossed == []


def test_a_score_and_numbers_written_as_words_compare_as_numbers():
    idx = index_of(("Bridge", "The council voted 7-2 on Thursday to approve the River Wend footbridge.", None),
                   ("Footbridge", "The council approved the River Wend footbridge by eight votes to two on Thursday.", None))
    (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
    assert contrast.kinds == ("figure",)
    assert (marked(idx, contrast.a, contrast.a_marks), marked(idx, contrast.b, contrast.b_marks)) == (["7"], ["eight"])


def test_a_sentence_opening_on_a_pronoun_is_about_what_the_sentence_before_named():
    idx = index_of(("Mac", "Apple unveiled a cheap computer on Tuesday.\nThe Mac mini comes without a monitor, keyboard "
                           "and mouse, Apple said.", None),
                   ("Rivals", "A 2.6ghz Intel Celeron chip is at the heart of the Evesham machine.\nIt comes equipped with "
                              "a 17 inch monitor, keyboard and mouse.", None))
    assert compare(idx, Searcher(idx).same_fact).contrasts == []


def test_one_figure_written_two_ways_is_no_difference_and_a_scale_in_words_pairs_two_costs():
    idx = index_of(("Strike", "Up to 1.4 million workers could take part in strikes earmarked for 23 March.", None),
                   ("Talks", "Up to 1.4m workers could take part in a strike already earmarked for 23 March.", None))
    assert compare(idx, Searcher(idx).same_fact).contrasts == []
    news = "Rain is forecast for the weekend across the north.\nThe town hall reopens after repairs.\n"
    idx = index_of(("Bridge", news + "The bridge will cost £12 million and is due to open in 2028, council leader "
                                     "Daniel Achebe said.", None),
                   ("Footbridge", "The footbridge will cost £12.5 million, a council spokesman said, and should open "
                                  "in spring 2028.", None))
    contrasts = compare(idx, Searcher(idx).same_fact).contrasts
    assert [(marked(idx, c.a, c.a_marks)[:1], marked(idx, c.b, c.b_marks)[:1]) for c in contrasts
            if "figure" in c.kinds] == [(["£12 million"], ["£12.5 million"])]


def test_a_figure_of_a_place_or_team_the_other_never_names_is_no_difference():
    pairs = [("UKIP won 31% of the vote in Erewash in last June's European elections, the party said.",
              "UKIP won 12 seats and 16.1% of the vote at the European elections, the party said."),
             ("The French star was part of the Chelsea side crushed 5-1 at the Nou Camp in the Champions League.",
              "Mourinho's side saw Barcelona secure a 2-1 Champions League first-leg lead in the Nou Camp."),
             ("Mr McConnell was speaking to more than 100 secondary pupils in the Highlands about binge drinking.",
              "One pupil asked Mr McConnell in the Highlands about binge drinking and drink promotions."),
             ("Sales of downloaded songs rose tenfold in 2004, with 200 million tracks bought online in Europe.",
              "More than 200 million songs were bought online in Europe since the store launched in 2003.")]
    for one, two in pairs:
        idx = index_of(("One", one, None), ("Two", two, None))
        assert [c for c in compare(idx, Searcher(idx).same_fact).contrasts if {"figure", "date"} & set(c.kinds)] == [], one
    idx = index_of(("One", "The Selby bridge opened in 2003, the county council said.", None),
                   ("Two", "The Selby bridge opened in 2004, the county council said.", None))
    assert [c.kinds for c in compare(idx, Searcher(idx).same_fact).contrasts] == [("date",)]


def test_two_people_saying_different_things_or_both_named_in_both_are_no_difference_of_who_says_it():
    pairs = [('"But if they continue to chase foxes, to chase wild mammals around the countryside, that is against '
              'the law," said Alun Michael.',
              '"You cannot chase wild mammals with a pack of dogs around the countryside," said Simon Hart.'),
             ("In a book published this week, Philippe Sands QC says Lord Goldsmith warned Tony Blair on 7 March "
              "2003 that the Iraq war could be illegal.",
              "A book by Philippe Sands QC says Lord Goldsmith warned Tony Blair on 7 March 2003 that the Iraq war "
              "could be illegal, Mr Sands said.")]
    for one, two in pairs:
        idx = index_of(("One", one, None), ("Two", two, None))
        assert [c for c in compare(idx, Searcher(idx).same_fact).contrasts if "attribution" in c.kinds] == [], one


def test_a_body_named_as_the_subject_of_saying_is_who_says_it():
    """Attribution finds people; a party or body saying it ("…, UKIP said", "Veritas says",
    "Veritas's spokesman said") is named as the subject of the verb of saying."""
    croucher = "UKIP spokesman Mark Croucher said those who selected Mr Houston knew nothing of his views."
    for said in ("On the suspension of Mr Houston, UKIP said those who selected him knew nothing of his views.",
                 "Those who selected Mr Houston knew nothing of his views, UKIP's officials said."):
        idx = index_of(("One", said, None), ("Two", croucher, None))
        (contrast,) = compare(idx, Searcher(idx).same_fact).contrasts
        assert contrast.kinds == ("attribution",)
        assert [said[s:e] for s, e in contrast.a_marks] == ["UKIP"], said
    idx = index_of(("One", "The party said those who selected Mr Houston knew nothing of his views.", None),
                   ("Two", croucher, None))
    assert compare(idx, Searcher(idx).same_fact).contrasts == []  # "the party" names no one


def test_a_denial_told_in_other_words_is_no_difference_and_without_denies_nothing():
    pairs = [("The Attorney General has so far issued no instructions to police on how to deal with hunters.",
              "The Attorney General has so far not issued any instructions to police on how to deal with hunters."),
             ("Parker has not recovered from a trapped nerve in his neck before the match against England.",
              "Parker failed to recover from a trapped nerve in his neck before the match against England."),
             ("Robinson was already without Jonny Wilkinson and Mike Tindall for the match against France.",
              "Robinson has been deprived of Jonny Wilkinson and Mike Tindall for the match against France.")]
    for one, two in pairs:
        idx = index_of(("One", one, None), ("Two", two, None))
        assert compare(idx, Searcher(idx).same_fact).contrasts == [], one


def test_two_names_sharing_a_word_are_one_name_only_when_the_rest_is_a_noun_or_shortened():
    pairs = [("Stops in Bristol West and Leeds North are planned for later in the week by the party leader.",
              "Stops in Dorset West and Leeds North are planned for later in the week by the party leader.", None),
             ("Lord Falconer played no part in drafting the answer to the question, the minister said.",
              "Lord Goldsmith played no part in drafting the answer to the question, the minister said.", None),
             ("Paramount, Universal and Warner Brothers are opting for the rival format of discs.",
              "Paramount, Universal and Warner Bros are opting for the rival format of discs.",
              (["Warner Brothers"], ["Warner Bros"]))]
    for one, two, spelt in pairs:
        idx = index_of(("One", one, None), ("Two", two, None))
        found = compare(idx, Searcher(idx).same_fact).spellings
        assert [(marked(idx, c.a, c.a_marks), marked(idx, c.b, c.b_marks)) for c in found] == ([spelt] if spelt else []), one


def test_a_name_written_with_initials_is_no_spelling_and_a_misspelt_one_is():
    pairs = [("Backs: Guy Easterby (Leinster), Yannick Jauzion (Toulouse), Mirco Bergamasco (Padova) and Kevin Maggs.",
              "Backs: G Easterby (Leinster), Y Jauzion (Toulouse), Mi Bergamasco (Padova) and Kevin Maggs.", None),
             ("Replacements: G Intoppa (Calvisano), KP Robertson (Viadana), S Perugini (Calvisano).",
              "Replacements: G Intoppa (Calvisano), K Robertson (Viadana), S Perugini (Calvisano).", None),
             ("But Darren Campbell, Jason Gardener and Marlon Devonish made amends in the sprint relay final.",
              "But Darren Campell, Jason Gardener and Marlon Devonish made amends in the sprint relay final.",
              (["Darren Campbell"], ["Darren Campell"]))]
    for one, two, spelt in pairs:
        idx = index_of(("One", one, None), ("Two", two, None))
        found = compare(idx, Searcher(idx).same_fact).spellings
        assert [(marked(idx, c.a, c.a_marks), marked(idx, c.b, c.b_marks)) for c in found] == ([spelt] if spelt else []), one


def test_figures_of_articles_set_in_two_places_are_of_two_events():
    one = "Myskina will face eighth seed Patty Schnyder from Switzerland, who defeated China's Li Na 6-3 7-6 (10-8)."
    two = "Fifth seed Patty Schnyder also had a battle as she needed three sets to beat China's Na Li 7-5 3-6 7-5."
    filler = ("Farmers", " ".join(f"Farmers sold {crop} at the county market on Tuesday morning." for crop in (
        "wheat", "barley", "oats", "apples", "pears", "plums", "cabbages", "onions", "leeks", "potatoes")), None)

    def figures(lead_one: str, lead_two: str) -> list:
        idx = index_of(("Open", lead_one + "\n" + one, None), ("Vinci", lead_two + "\n" + two, None), filler)
        return [c for c in compare(idx, Searcher(idx).same_fact).contrasts if "figure" in c.kinds]

    assert figures("Daniela Hantuchova moved into the quarter-finals of the Dubai Open on Tuesday.",
                   "Conchita Martinez came from a set down to beat Roberta Vinci at the Qatar Open in Doha.") == []
    assert len(figures("Daniela Hantuchova moved into the quarter-finals of the Dubai Open on Tuesday.",
                       "Conchita Martinez came from a set down to beat Roberta Vinci at the Dubai Open.")) == 1


def test_compare_shows_the_strongest_differences_first_and_counts_the_rest():
    lines = [(f"The {town} council will spend £{n}m on the new river bridge, officials said on Monday.",
              f"Officials in {town} said the council would spend £{n + 5}m on the river bridge before work starts.")
             for n, town in enumerate(("Selby", "Goole", "Howden", "Snaith", "Drax", "Hull", "Beverley", "Hessle"), 10)]
    lines.append(("The new bridge at Barton will open in the spring, engineer Sam Lowe said.",
                  "The new bridge at Barton will open in the spring, a council spokesman said."))
    idx = index_of(("One", "\n".join(a for a, _ in lines), None), ("Two", "\n".join(b for _, b in lines), None))
    found = compare(idx, Searcher(idx).same_fact)
    assert [c.kinds for c in found.contrasts] == [("figure",)] * 8 + [("attribution",)]
    blocks = story_blocks.comparison_blocks(Searcher(idx), found)
    assert sum(isinstance(b, Difference) for b in blocks) == story_blocks.MAX_DIFFERENCES < 9
    assert any(isinstance(b, Message) and f"({9 - story_blocks.MAX_DIFFERENCES} more" in b.text for b in blocks)


def test_what_one_source_alone_says_comes_most_central_first():
    idx = index_of(("Bridge", "The county council will spend £80m on the new river bridge in Selby, officials said.\n"
                              "A local bakery in the town will sell 500 commemorative cakes, its owner said.\n"
                              "Tolls on the river bridge will pay back the county in 2030, engineer Sam Lowe said.", None),
                   ("Bridge cost", "The county council will spend £80m on the new river bridge in Selby, officials said.\n"
                                   "Traffic on the old bridge has doubled since 1990.", None))
    alone = [idx.text_of(s)[:13] for s in compare(idx, Searcher(idx).same_fact).only_in]
    assert alone.index("Tolls on the ") < alone.index("A local baker")


def test_what_only_one_source_says_is_labelled_by_its_number_not_its_whole_headline(seed_index):
    lines = plain(Session(seed_index).handle("compare")).splitlines()
    alone = [line for line in lines if "only in" in line]
    assert alone and all(line.startswith(f"{n}. (only in source ") for n, line in enumerate(alone, 1)), alone
    assert all(len(line.split(") ", 1)[0]) < 30 for line in alone)  # not "(only in A “bombshell” of dangers…?)"


def test_compare_reads_each_sentence_once_for_all_its_calls(monkeypatch):
    stories = (("Bridge", "The county council will spend £80m on the new river bridge, officials said.", None),
               ("Bridge cost", "The county council will spend £60m on the new river bridge, officials said.", None))
    idx = index_of(*stories)
    read: list[int] = []
    of = compare_module._Reading.of
    monkeypatch.setattr(compare_module._Reading, "of", staticmethod(lambda index, sent: read.append(sent) or of(index, sent)))
    first = compare(idx, Searcher(idx).same_fact)
    assert sorted(read) == [0, 1]
    again = compare(idx, Searcher(idx).same_fact, [0, 1])
    assert again == first and sorted(read) == [0, 1]  # the second compare (a topic compared again) reads nothing
    other = index_of(*stories)
    assert compare(other, Searcher(other).same_fact) == first and sorted(read) == [0, 0, 1, 1]  # its own readings


def test_a_sentences_figures_are_read_once_with_the_world_not_again_by_each_compare(monkeypatch):
    idx = index_of(("Bridge", "Rain fell on Monday.\nThe F-16 bridge will cost £12 million and open on 27 September "
                              "2024, said 300 people.", "2024-03-10"))
    compare_module._kept(idx)  # the arrays, made as the world is

    def unread(*args):
        raise AssertionError("a figure read again")

    monkeypatch.setattr(compare_module, "_figures", unread)
    figures = compare_module._Reading.of(idx, 1).figures
    assert [(f.value, f.type, idx.text_of(1)[slice(*f.span)]) for f in figures["figure"]] == [
        ("12m", "money", "£12 million"), ("300", "number", "300")]
    assert [(f.value, f.type) for f in figures["date"]] == [("2024-09-27", "date")]
    assert [idx.text_of(0)[slice(*f.span)] for f in compare_module._Reading.of(idx, 0).figures["date"]] == ["Monday"]


def test_denials_hedges_and_speakers_are_read_once_with_the_world_not_again_by_each_compare(monkeypatch):
    idx = index_of(("Plan", "Rain fell on Monday.\nThe minister has not confirmed the plan, which might cost £2m, "
                            "according to officials.\nThe council announced the closure of the old bridge.", None))
    read = {s: (compare_module._qualifiers(idx.text_of(s)), compare_module._who(idx, s, idx.text_of(s)))
            for s in range(len(idx))}
    compare_module._kept(idx)  # the arrays, made as the world is

    def unread(*args):
        raise AssertionError("a sentence read again")

    monkeypatch.setattr(compare_module, "_qualifiers", unread)
    monkeypatch.setattr(compare_module, "_who", unread)
    for s, (qualifiers, who) in read.items():
        reading = compare_module._Reading.of(idx, s)
        assert (reading.qualifiers, reading.who) == (qualifiers, who)
    assert [c.word for c in read[1][0]["negation"]] == ["not"] and [c.word for c in read[1][0]["hedge"]] == ["might"]
    assert read[1][1].how == "according" and read[2][1].how == "announced" and read[0][1].key is None


def test_the_name_runs_are_made_once_with_the_world_and_read_back_unless_damaged(tmp_path, monkeypatch):
    from briefbot import cache
    monkeypatch.setenv("BRIEFBOT_CACHE", str(tmp_path / "cache"))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Bridge opens\n\nThe council said the River Wend bridge opens in May.\n")
    made: list[int] = []

    def make(index):
        made.append(len(index))
        return compare_module.reading_arrays(index)

    idx = cache.load([str(tmp_path / "news")], lambda line: None)
    first = cache.load_readings(idx, "names", make)
    again = cache.load_readings(cache.load([str(tmp_path / "news")], lambda line: None), "names", make)
    assert made == [len(idx)] and all((first[k] == again[k]).all() for k in first)
    idx.cache_file.with_suffix(".names.npz").write_bytes(b"not a cache")
    assert (cache.load_readings(idx, "names", make)["run_spans"] == first["run_spans"]).all() and len(made) == 2
    last = len(idx) - 1
    assert [idx.text_of(last)[slice(*n.span)] for n in compare_module._runs_of(idx, last, idx.text_of(last))] == [
        "River Wend"]
    # the terms that pair nothing (numbers, a quote's framing) are kept with them: no process tests every term
    unpairing = {idx.terms[t] for t in np.flatnonzero(first["unpairing"]).tolist()}
    assert unpairing == {"say"}  # "said", and no word of what is told ("council", "bridge")
    assert len(first["unpairing"]) == len(idx.terms)


# --- the brief ---------------------------------------------------------------------------------

def test_the_brief_of_the_seeds_covers_the_story_without_repeating_a_fact(seed_index):
    world = build_world(seed_index, seed_index.world_file)
    searcher = Searcher(seed_index)
    story = brief(seed_index, world)
    chosen = [s for s, _ in story.facts]
    assert 5 <= len(chosen) <= BRIEF_SIZE <= 8
    facts = [int(world.fact_of[s]) for s in chosen]
    assert len(set(facts)) == len(facts)
    assert not any(searcher.same_fact(a, b) for a in chosen for b in chosen if a < b)
    for sent, others in story.facts:
        assert all(int(world.fact_of[o]) == int(world.fact_of[sent]) for o in others)
    assert {"Sabah al-Numan", "Mohammed Tawfiq Allawi", "Sarmed Al-Bayati"} <= {q.person.name for q in story.quoted}
    assert "2026-09" in {str(e.when) for e in story.key_dates}
    assert story.disagreements >= 3  # of fact (two speakers, a denial): a name written two ways is none
    # a key date is no line told above again (a new user saw items 5, 3 and 6 repeated under "Key dates")
    shown = {t for sent, others in story.facts for t in (sent, *others)}
    assert all(shown.isdisjoint(e.sentences) for e in story.key_dates)


def test_the_brief_counts_the_disagreements_compare_lists(seed_index, monkeypatch):
    """Of a pool smaller than the story (as at 100k sentences), a sentence's closest in another
    article may be left out: the brief counts what `compare` lists, and says it in its words."""
    monkeypatch.setattr(brief_module, "POOL", 10)
    story = brief(seed_index, build_world(seed_index, seed_index.world_file))
    listed = compare(seed_index, Searcher(seed_index).same_fact)
    assert story.disagreements == len(listed.contrasts) == 3
    assert story.disagreeing == 2
    session = Session(seed_index)
    said = plain(session.handle("compare")).splitlines()[1]
    assert said == "3 things told differently, in 2 articles (of 2 compared)."
    assert "3 things told differently, in 2 articles: compare shows where." in plain(session.handle("brief"))


def test_the_brief_fits_one_80x24_screen_as_plain_text(seed_index):
    """A fact is one line (two where the screen has room), cut with "…" around what matters in it,
    cited [source ¶paragraph +other sources]; who is quoted one line each: it was ~33 long lines."""
    text = plain(Session(seed_index).handle("brief"))
    lines = text.splitlines()
    assert sum((len(line) - 1) // 80 + 1 for line in lines) <= 23, text
    assert all(len(line) <= 80 for line in lines[lines.index("Who is quoted:"):]), text
    assert "9. 2026-09, planned  …in Syria would continue until September 2026. [1 ¶8 +1]" in lines
    assert any(line.startswith("6. The Inherent Resolve coalition was established in 2014 by 87 partners")
               and line.endswith("… [2 ¶12 +1]") for line in lines), text


def test_a_line_cut_around_what_matters_keeps_it_and_marks_the_cuts():
    text = "In a long opening clause that says little, the council will spend £80m on the bridge, officials said today."
    at = text.index("£80m")
    line = plain_module.excerpt(text, (at, at + 4), 40)
    assert len(line) <= 40 and "£80m" in line and line.startswith("…") and line.endswith("…")
    assert line.strip("…") in text
    assert plain_module.excerpt(text, (3, 7), 60).startswith("In a long opening")  # from the start when it reaches
    assert plain_module.excerpt(text, (at, at + 4), 200) == text


def test_the_brief_uncovers_nothing_for_the_score(seed_index):
    session = Session(seed_index)
    brief_lines = [b for b in session.opening(True).blocks if isinstance(b, Passage)]
    assert brief_lines and session.uncovered() == set()  # handed over on arrival, not found
    first = brief_lines[0].answer
    reply = session.handle(first.text)  # asking it finds it: in full, not "seen at turn 0"
    assert reply.answers[0].sentence_id == first.sentence_id and "seen at turn" not in plain(reply)
    assert int(session.world.fact_of[first.sentence_id]) in session.uncovered()


def test_a_fact_three_sources_tell_leads_the_brief_once():
    told = "The county council will spend £80m on the new river bridge in Selby, officials said."
    idx = index_of(*[(f"Bridge {n}", f"{told}\nIn other news, story {n} has its own weather report today.", None)
                     for n in range(3)])
    world = build_world(idx)
    story = brief(idx, world)
    firsts = [(s, len(others)) for s, others in story.facts if idx.text_of(s) == told]
    assert firsts == [(0, 2)]


def test_the_brief_covers_what_most_sources_write_each_fact_once():
    """A made-up story of three sources: the bridge, its price, the ferry, the start of work and the
    leader's words, told by two or three of them after and before what one source alone adds (cakes,
    rain, a queue), are all in it, and no fact is told twice."""
    fillers = [["A bakery in Tadcaster sold cakes shaped like swans.", "Rain fell on Goole all week.",
                "A choir from Howden sang carols at the station."],
               ["Drivers queued on the A19 for an hour on Tuesday.", "The Drax chimney was painted blue.",
                "A fox was seen in the Wetherby library car park."],
               ["Snow closed the Pennine roads overnight.", "A Leeds brewery won a prize for its stout.",
                "Pupils in Thorne planted two hundred oak trees."]]
    told = [["The county council approved a £12m bridge over the river Ouse in Selby on Monday.",
             "The old Selby ferry will close when the bridge opens.",
             "Building work on the bridge starts in May and takes two years.",
             "Council leader Ann Hill said the town had waited decades for a bridge."],
            ["Selby's £12m bridge over the river Ouse was approved by the county council on Monday.",
             "The old Selby ferry will close once the bridge opens, officials said.",
             "Ann Hill, the council leader, said the town had waited decades for a bridge."],
            ["The county council approved a £12m bridge over the river Ouse at Selby on Monday.",
             "Building work on the bridge starts in May, the council said."]]
    idx = index_of(*[(f"Bridge {n}", " ".join(filler[:1] + facts + filler[1:]), None)
                     for n, (facts, filler) in enumerate(zip(told, fillers))])
    world = build_world(idx)
    story = brief(idx, world)
    texts = [idx.text_of(s) for s, others in story.facts for s in (s, *others)]
    for point in ("£12m bridge", "ferry will close", "starts in May", "waited decades"):
        assert any(point in text for text in texts), point
    facts = [int(world.fact_of[s]) for s, _ in story.facts]
    assert len(set(facts)) == len(facts)


def test_of_two_tellings_the_brief_shows_the_one_holding_what_the_sources_write():
    """The seed's Al-Numan case, made up: one article says the timetable is fixed in a sentence of
    its own, the other in the telling of the same fact: that telling is the one shown."""
    confirmed = "The spokesman confirmed the timetable for the withdrawal of the coalition forces from Iraq"
    idx = index_of(("Timetable", f"{confirmed}. Therefore the timetable is fixed and proceeds according to plan. "
                                 "The bakery in Basra sold bread shaped like tanks.", None),
                   ("Timetable again", f"{confirmed}, so the timetable is fixed and proceeds according to plan. "
                                       "Rain fell on Mosul all week.", None))
    world = build_world(idx)
    story = brief(idx, world)
    (shown,) = [s for s, others in story.facts if "spokesman" in idx.text_of(s)]
    assert idx.text_of(shown).endswith("so the timetable is fixed and proceeds according to plan.")


def test_the_brief_tells_the_story_not_its_credit_lines_or_team_sheets():
    credit = "Clark Boyd is technology correspondent for The World, a BBC World Service co-production."
    sheet = ("L Dallaglio (England), B Cohen (England), A Rougerie (France), D Traille (France), F Pelous (France), "
             "R Ibanez (France), P de Villiers (France), B O'Driscoll (Ireland, capt), P O'Connell (Ireland).")
    commentator = "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital."
    bench = ": Sheahan, Horan, O'Callaghan, Miller, G Easterby, Humphreys, Dempsey."
    idx = index_of(*[(f"Story {n}", f"{credit}\n{commentator}\n{sheet}\n{bench}\nBy Jo Smith, BBC News\nStory {n} tells how the "
                                    f"council will spend £{n}m on bridge number {n} in Selby.", None) for n in range(4)])
    story = brief(idx, build_world(idx))
    assert story.facts and not any(idx.text_of(s) in (credit, commentator, sheet, bench, "By Jo Smith, BBC News")
                                   for s, _ in story.facts)


def test_the_brief_tells_no_sentence_that_points_back_at_what_its_article_named_before():
    points_back = ["Computers running Windows 95, 98, NT and XP are vulnerable to this trojan.",
                   "It will be the first vote on the treaty since the Danish referendum.",
                   '"He is a strong Labour Party member and a friend," the deputy prime minister said.']
    idx = index_of(*[(f"Story {n}", f"A trojan called Bropia spreads through the MSN Messenger program.\n"
                                    + "\n".join(points_back) + f"\nStory {n} tells how the council will spend £{n}m "
                                    f"on bridge number {n} in Selby this week.", None) for n in range(4)])
    story = brief(idx, build_world(idx))
    told = [idx.text_of(s) for s, _ in story.facts]
    assert any("this week" in t for t in told) and not set(told) & set(points_back)


def test_the_brief_tells_no_numbering_of_a_list_split_into_sentences_of_its_own():
    """At 100k sentences the brief's lines were "2...", "3..." and "1).": a figure every source writes, in a
    sentence of no words."""
    text = ("The county council will spend £80m on the new river bridge in Selby, officials said.\n2...\n"
            "Work starts in 2006.\n3...\"")
    idx = index_of(*[(f"Bridge {n}", text.replace("£80m", f"£8{n}m"), None) for n in range(3)])
    shown = [idx.text_of(s) for s, _ in brief(idx, build_world(idx)).facts]
    assert "Work starts in 2006." in shown and not {"2...", '3..."'} & set(shown)


def test_the_brief_tells_no_piece_of_a_sentence_split_apart():
    pieces = [", who founded the Selby bridge company in 1990, will retire from the county council in May.",
              "and the county council agreed to pay the Selby bridge company £5m in May."]
    idx = index_of(*[(f"Story {n}", "\n".join(pieces) + f"\nStory {n} tells how the county council will spend "
                                    f"£{n}m on bridge number {n} in Selby.", None) for n in range(4)])
    story = brief(idx, build_world(idx))
    told = [idx.text_of(s) for s, _ in story.facts]
    assert told and not set(told) & set(pieces)


def test_an_article_published_twice_is_one_source_of_the_brief():
    copied = ("The Selby council will spend £8m on a new bridge over the river Ouse. Builders from Leeds start work "
              "in May. Ferry owners fear losing trade to drivers. The old toll booth becomes a cafe. Cyclists get a "
              "separate lane with lights.")
    other = ("The York museum opens a gallery of Roman coins in June. Visitors pay nothing on Sundays. A hoard found "
             "by farmers near Malton is shown first. Schools book guided tours online. The curator retires next year.")
    third = ("The Hull ferry company buys two larger ships from Finland. Crews train on them in Helsinki. Fares rise "
             "by a tenth in April. Night sailings to Rotterdam end. The harbour master expects more freight.")
    def told(*stories: tuple[str, str, None]) -> list[str]:
        idx = index_of(*stories)
        return [idx.text_of(s) for s, _ in brief(idx, build_world(idx)).facts]

    once = told(("Bridges", copied, None), ("Museum", other, None), ("Ferries", third, None))
    # the copies tell every bridge twice, yet are one source: the brief is the one of the bridges told once
    assert told(("Bridges", copied, None), ("Bridges again", copied, None), ("Museum", other, None),
                ("Ferries", third, None)) == once
    assert {"The York museum opens a gallery of Roman coins in June.",
            "The Hull ferry company buys two larger ships from Finland."} <= set(once)


def test_the_brief_quotes_first_whom_most_sources_quote_with_the_role_as_written():
    interview = " ".join(f'"The club will {verb} this summer," Rick Parry said.' for verb in (
        "grow", "spend", "build", "sell", "travel", "train", "rest", "sign"))
    wenger = ('Arsenal boss Arsene Wenger said the draw at {0} was fair. "We played well against {0} in the {1}," '
              "Wenger said. {2} Fans of Arsenal can read more at www.arsenal.com today.")
    matches = [("Bolton", "rain", "Henry scored twice before the break and Pires added a third late on."),
               ("Everton", "cold", "The home side lost their captain to injury after only ten minutes."),
               ("Fulham", "sun", "A crowd of 21,000 saw the visitors hit the bar three times.")]
    idx = index_of(("Parry", "Liverpool chief executive Rick Parry spoke on Monday. " + interview, None),
                   *((town, wenger.format(town, weather, news), None) for town, weather, news in matches))
    quoted = brief(idx, build_world(idx)).quoted
    assert [(q.person.name, q.sources) for q in quoted][:2] == [("Arsene Wenger", 3), ("Rick Parry", 1)]
    assert quoted[0].person.role == "Arsenal boss"


# --- the verbs ---------------------------------------------------------------------------------

def test_the_verbs_parse():
    assert (parse("timeline").verb, parse("timeline").obj) == ("timeline", "")
    assert (parse("timeline of Kilroy").verb, parse("timeline of Kilroy").obj) == ("timeline", "Kilroy")
    assert (parse("compare 1 2").verb, parse("compare 1 2").obj) == ("compare", "1 2")
    assert parse("brief").verb == "brief"


def test_the_session_shows_the_timeline_as_numbered_dated_passages(seed_index):
    session = Session(seed_index)
    reply = session.handle("timeline coalition")
    lines = [b for b in reply.blocks if isinstance(b, Dated)]
    assert lines and [b.number for b in lines] == list(range(1, len(lines) + 1))
    for line in lines:
        span = line.answer.answer_span
        assert line.article_date or (span is not None and span.type == "date")
        assert line.answer.text == seed_index.text_of(line.answer.sentence_id)
    assert session.handle("note 1").blocks[-1].text.startswith("Noted answer 1")
    assert session.handle("timeline zebra").status == "no_answer"


def test_compare_in_the_session_renders_both_sides_with_what_differs(seed_index):
    session = Session(seed_index)
    reply = session.handle("compare 1 2")
    differences = [b for b in reply.blocks if isinstance(b, Difference)]
    assert differences
    text = plain(reply)
    assert "\u2260 name" in text and "differs: F-16" in text and "differs: F16" in text
    whole = plain(session.handle("compare"))
    assert "need trainers.\u201d" in whole and "\u201d\u201d" not in whole  # its own closing mark, not two
    assert session.handle("compare 1 1").status == "error"
    assert session.handle("compare 1 9").status == "error"


def test_a_difference_takes_two_columns_from_the_one_width_both_front_ends_use(seed_index):
    (difference, *_) = [b for b in Session(seed_index).handle("compare").blocks if isinstance(b, Difference)]

    def drawn(width: int) -> list[str]:
        console = Console(width=width, record=True, color_system=None)
        console.print(render.difference(difference))
        return console.export_text().splitlines()

    first_words = " ".join(difference.first.text.split()[:3])
    second_words = " ".join(difference.second.text.split()[:3])
    assert tui_story.COLUMNS_FROM == render.COLUMNS_FROM
    for width, columns in ((80, False), (render.COLUMNS_FROM, True), (100, True)):
        row = next(line for line in drawn(width) if first_words in line)
        assert (second_words in row) == columns, width


def test_ask_json_carries_events_differences_and_the_brief(capsys):
    assert cli.main(["ask", "--json", "timeline"]) == 0
    data = json.loads(capsys.readouterr().out)
    events = [b for b in data["blocks"] if b["type"] == "event"]
    assert {"when": "2026-09", "precision": "month", "planned": True} in [
        {k: e[k] for k in ("when", "precision", "planned")} for e in events]
    by_number = {a["number"]: a for a in data["answers"]}
    for e in events:
        span = by_number[e["number"]]["answer_span"]
        assert e["article_date"] or span["type"] == "date"
    assert cli.main(["ask", "--json", "compare"]) == 0
    data = json.loads(capsys.readouterr().out)
    difference = next(b for b in data["blocks"] if b["type"] == "difference" and "name" in b["kinds"])
    for side in ("first", "second"):
        for mark in difference[side]["marks"]:
            assert difference[side]["text"][mark["start"]:mark["end"]] == mark["text"]
        assert difference[side]["citations"][0]["path"].endswith(".txt")
    assert cli.main(["ask", "--json", "brief"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verb"] == "brief" and 5 <= len([b for b in data["blocks"] if b["type"] == "passage"]) <= 8


def test_a_topic_covers_its_sentences_and_the_articles_headlined_with_it(seed_index):
    bayati = sentences_on(seed_index, "Bayati")
    assert len(bayati) and all("Bayati" in seed_index.text_of(s) or seed_index.speaker_of(s) for s in bayati.tolist())
    assert len(sentences_on(seed_index, "zebra")) == 0
    assert len(sentences_on(seed_index, "coalition")) >= len(seed_index) // 2  # the headlines name it


def test_search_and_compare_deny_by_one_list_of_words():
    from briefbot import search
    from briefbot.text import DENIALS
    for word in DENIALS:  # a word added to the one list is read by both
        assert search._DENYING.search(f"They {word} agreed") and word in compare_module._NEGATIONS
    assert not search._DENYING.search("They agreed without delay") and "without" not in compare_module._NEGATIONS


def test_a_hedge_is_none_of_a_name_or_of_another_subject_and_the_same_hedge_near_the_verb_agrees():
    none = [("The Fagin and pigs might fly posters were taken off Labour's website after supporters voted for "
             "their favourite poster of Michael Howard and Oliver Letwin.",
             "One poster depicted Michael Howard and Oliver Letwin, who voted for the website, as flying pigs."),
            ("The EU embargo on arms exports to China is likely to be lifted in the next six months, Jack Straw said.",
             "Moves to lift the EU embargo on arms exports to China have been condemned, Jack Straw said."),
            ("There is speculation that Motorola may unveil its ROKR handset carrying iTunes music software.",
             "Sony Ericsson has unveiled its Walkman handset and Motorola is working on iTunes music software."),
            ("Kenteris and Thanou also face criminal charges in Greece for allegedly faking the motorcycle accident.",
             "Kenteris and Thanou face a criminal trial in Greece for allegedly avoiding the test and then faking "
             "a motorcycle accident."),
            ("Kenteris and Thanou face a criminal trial in Greece for allegedly faking a motorcycle accident.",
             "Kenteris and Thanou have been charged in Greece with faking a motorcycle accident."),
            ("Kenteris and Thanou quit the Olympics on 18 August after failing to give samples in Athens.",
             "Kenteris and Thanou failed to appear to give samples in Athens on 18 August."),
            ("Athletics Kenya issued the ban after Chepkemei failed to turn up for a training camp in Embu.",
             "Athletics Kenya suspended Chepkemei for failing to turn up to a training camp in Embu.")]
    for one, two in none:
        idx = index_of(("One", one, None), ("Two", two, None))
        assert compare(idx, Searcher(idx).same_fact).contrasts == [], one
    idx = index_of(("One", "Critics of the software patent law say it could favour large firms over small ones.", None),
                   ("Two", "Critics of the software patent law say it will favour large firms over small ones.", None))
    assert [c.kinds for c in compare(idx, Searcher(idx).same_fact).contrasts] == [("hedge",)]


def test_scores_of_two_matches_and_counts_of_others_are_no_difference():
    pairs = [("American Taylor Dent reached the final of the Australian hardcourt event in Adelaide with a crushing "
              "6-1 6-1 win over Argentine Juan Ignacio Chela.",
              "Second seed Joachim Johansson won his second career title with a 7-5 6-3 win over Taylor Dent at the "
              "Australian hardcourt championships in Adelaide."),
             ("In front of a delirious home crowd, the 18-year-old battled past Alyona Bondarenko of the Ukraine 6-4 5-7 "
              "6-3.",
              "The 18-year-old Indian, who is already a huge star in her home country, won 6-4 6-2 in front of a "
              "delirious crowd."),
             ("Mr Kilroy-Silk was joined by one of UKIP's two London Assembly members, Damien Hockney.",
              "Sources close to Damien Hockney said around eight other UKIP London Assembly members were joining.")]
    filler = ("Farmers", " ".join(f"Farmers sold {crop} at the county market on Tuesday morning." for crop in (
        "wheat", "barley", "oats", "apples", "pears", "plums", "cabbages", "onions", "leeks", "potatoes")), None)
    for one, two in pairs:  # beside other news, as in a folder: the names the two share are rare words
        idx = index_of(("One", one, None), ("Two", two, None), filler)
        assert [c for c in compare(idx, Searcher(idx).same_fact).contrasts if "figure" in c.kinds] == [], one
    idx = index_of(("One", "Taylor Dent won the Adelaide final with a 6-4 6-4 win over Juan Ignacio Chela.", None),
                   ("Two", "Taylor Dent won the Adelaide final with a 7-5 7-5 win over Juan Ignacio Chela.", None))
    assert [c.kinds for c in compare(idx, Searcher(idx).same_fact).contrasts] == [("figure",)]


def test_a_sentence_two_articles_write_word_for_word_is_only_in_neither(monkeypatch):
    monkeypatch.setattr(compare_module, "MAX_POSTING", 1)  # as in a whole folder: its words too common to pair it
    shared = ("Mr Kennedy's tour comes as Tony Blair and Michael Howard all step up campaigning ahead of the "
              "General Election, widely expected on 5 May.")
    idx = index_of(("Tour", "Charles Kennedy begins a tour of 40 seats on Monday. " + shared, None),
                   ("Debt", "The Liberal Democrats say 3 million people face problem debt in Britain. " + shared, None))
    alone = [idx.text_of(s) for s in compare(idx, Searcher(idx).same_fact).only_in]
    assert shared not in alone and len(alone) == 2


def test_the_key_dates_of_the_brief_name_each_date_once():
    """BBC sport's Greek story: a Sydney gold of 2000 told in three unmerged ways filled the key dates with "2000"."""
    gold = ["Kenteris won the 200m gold medal at the Sydney Olympics in 2000.",
            "In 2000 the sprinter took Greece's first Olympic sprint title in Sydney.",
            "His coach Christos Tzekos has trained him since before the Sydney Games of 2000."]
    idx = index_of(*[(f"Kenteris {n}", "\n".join(gold) + f"\nThe athletics federation met on the case in 200{n + 3}.", None)
                     for n in range(3)])
    story = brief(idx, build_world(idx))
    dates = [str(e.when) for e in story.key_dates]
    assert "2000" in dates and len(dates) == len(set(dates)) >= 2
