"""Why-questions judged as passages: the sentence restating the event lends its match to the
sentence beside it that gives the reason."""
from __future__ import annotations

from stories import searcher_of

LIGHTHOUSE = ("Lighthouse closes",
              "The old lighthouse at Porthmoor will close its doors to visitors this summer.\n"
              "The trust said it must shut the lighthouse after engineers found deep cracks in the tower.\n"
              "The lighthouse was built in 1820 and has drawn visitors for decades.")
MUSEUM = ("Museum opens",
          "A new museum of the sea opened to visitors in Porthmoor on Saturday.\n"
          "Its doors will stay open late this summer.")


def test_the_reason_beside_the_restated_event_answers_why():
    """The first sentence holds the question's words; the one after it says why, with few of them."""
    result = searcher_of(LIGHTHOUSE, MUSEUM).search("Why will the Porthmoor lighthouse close its doors to visitors?", 3)
    assert "deep cracks" in result.answers[0].text


def test_a_restating_sentence_that_gives_the_reason_itself_stays_first():
    """The event and its reason in one sentence: the sentence after it, though it says "after"
    too, borrows nothing from it."""
    closing = ("Lighthouse closes",
               "The old lighthouse at Porthmoor will close its doors to visitors because its tower is cracked.\n"
               "Repairs will begin after the summer, the trust said.\n"
               "The lighthouse was built in 1820.")
    result = searcher_of(closing, MUSEUM).search("Why will the Porthmoor lighthouse close its doors to visitors?", 3)
    assert "tower is cracked" in result.answers[0].text


def test_an_injury_is_a_reason_given():
    """"Why did Nieminen retire": the sentence restating the retirement came first, the one giving
    the abdominal injury (with no connective) second."""
    match = ("Agassi struggles past Dent",
             "Andre Agassi edged into the fourth round of the Australian Open with victory over Taylor Dent.\n"
             "Roger Federer's route to the fourth round was made easy when opponent Jarkko Nieminen was forced "
             "to retire from their match.\n"
             "The top seed and defending champion was leading 6-3 5-2 when Nieminen pulled out with an abdominal injury.")
    result = searcher_of(match, MUSEUM).search("Why did Nieminen retire from his match against Federer?", 3)
    assert "abdominal injury" in result.answers[0].text
