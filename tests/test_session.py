"""The verbs of the game, through Session.handle, on the embedded briefing."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefbot.parser import parse
from briefbot.reply import ERROR, Items, Message, Passage, Sources
from briefbot.session import BRIEFING_ROOM, Session


@pytest.fixture
def session(seed_index, tmp_path: Path) -> Session:
    return Session(seed_index, home=tmp_path)


def said(reply) -> str:
    return "\n".join(b.text for b in reply.blocks if isinstance(b, Message))


@pytest.mark.parametrize("line, verb", [
    ("", "look"), ("l", "look"), ("x pkk", "examine"), ("look at the pkk", "examine"), ("i", "notebook"),
    ("g", "again"), ("go to erbil", "go"), ("ask al-bayati about isis", "ask"), ("tell allawi about jets", "ask"),
    ("talk to allawi", "talk"), ("take 2", "note"), ("read source 1", "read_source"), ("q", "quit"),
    ("oops iraq", "oops"), ("where is harir base", "question"), ("take care of the border?", "question"),
])
def test_parser_verbs(line: str, verb: str):
    assert parse(line).verb == verb


def test_anything_else_is_a_question(session):
    reply = session.handle("Where is Harir base?")
    assert reply.status == "answered" and "Harir base in Erbil" in reply.answers[0].text


def test_look_in_the_briefing_room_lists_sources_people_exits(session):
    reply = session.handle("")
    titles = [b.title for b in reply.blocks if isinstance(b, Items)]
    assert titles == ["Who is quoted", "Sources", "Exits"]  # who is quoted once: the brief's, with roles
    people = next(b for b in reply.blocks if isinstance(b, Items) and b.title == "Who is quoted").items
    assert any("Al-Bayati" in p for p in people) and any("Allawi" in p for p in people)
    session.handle("go erbil")
    back = session.handle("back")  # the room without its brief lists them itself
    assert [b.title for b in back.blocks if isinstance(b, Items)] == ["Sources", "People quoted", "Exits"]


def test_go_moves_and_back_returns(session):
    session.handle("go erbil")
    assert session.state.room == "Erbil"
    session.handle("back")
    assert session.state.room == BRIEFING_ROOM


def test_ambiguous_place_asks_and_takes_a_one_word_reply(session):
    reply = session.handle("go base")
    assert "Which do you mean" in said(reply) and session.state.room == BRIEFING_ROOM
    session.handle("harir")
    assert session.state.room == "Harir base"


def test_go_to_no_place_says_so_first_with_the_exits_and_no_loose_answers(session):
    exits = next(b for b in session.handle("look").blocks if isinstance(b, Items) and b.title == "Exits").items
    reply = session.handle("go paris")  # the articles say "going": no reason to show those
    assert isinstance(reply.blocks[0], Message) and reply.blocks[0].text.startswith("There is no place called 'paris'")
    assert not reply.answers and not [b for b in reply.blocks if isinstance(b, Passage)]
    assert [b.items for b in reply.blocks if isinstance(b, Items)] == [exits]
    assert session.state.room == BRIEFING_ROOM
    assert reply.status == ERROR  # a command that failed: `briefbot ask` exits 1


def test_go_to_a_person_says_who_that_is(session):
    allawi = session.world.find("allawi")[0]
    reply = session.handle("go allawi")
    assert f"`talk to {allawi.name}`" in said(reply) and session.state.room == BRIEFING_ROOM


@pytest.mark.parametrize("line, place", [("go harrir", "Harir base"), ("go to erbill", "Erbil"),
                                         ("go bagdad", "Baghdad")])  # bagdad: only the typo correction knows it
def test_go_to_a_misspelt_place_goes_there(session, line: str, place: str):
    reply = session.handle(line)
    assert session.state.room == place and reply.verb == "go"
    assert said(reply).startswith(f"({place})")


def test_ask_nobody_answers_the_topic_and_names_who_is_quoted(session):
    reply = session.handle("ask nobody about isis")
    assert reply.status == "answered" and all("isis" in a.text.lower() for a in reply.answers)
    assert said(reply).startswith("(No one called 'nobody' is quoted")
    quoted = [c.name for c in session.world.characters]
    assert "People quoted: " in said(reply) and any(name in said(reply) for name in quoted)


def test_follow_up_question_uses_the_room(session):
    session.handle("go harir base")
    reply = session.handle("how many soldiers are here?")
    assert reply.status == "answered" and "Harir" in reply.answers[0].context


def test_ask_answers_from_the_persons_own_statements(session, seed_index):
    reply = session.handle("ask allawi about the F-16 jets")
    assert reply.status == "answered"
    allawi = session.world.find("allawi")[0]
    assert all(a.sentence_id in allawi.sentences for a in reply.answers)
    assert any("F-16" in a.text or "F16" in a.text for a in reply.answers)


def test_ask_about_something_they_never_said_shows_the_articles_labelled(session):
    reply = session.handle("ask allawi about radars")
    assert "says nothing about radars" in said(reply)
    assert reply.passages and all(p.label == "What the articles themselves say" for p in reply.passages)


def test_each_speaker_answers_about_what_they_said(session):
    for line, words in [("ask al-numan about the border", "border"), ("ask al-bayati about drones", "drones"),
                        ("ask allawi about trainers", "trainers")]:
        reply = session.handle(line)
        assert reply.status == "answered" and words in reply.answers[0].text.lower(), line


def test_examine_an_organisation_and_a_person(session):
    pkk = session.handle("examine the PKK")
    assert pkk.status == "answered" and any("PKK" in a.text or "Workers" in a.text for a in pkk.answers)
    person = session.handle("x al-bayati")
    assert "security expert" in said(person) and "statements" in said(person)


def test_note_notebook_export_with_citations(session, tmp_path: Path):
    session.handle("how many american soldiers are in iraq")
    session.handle("note 1")
    assert session.unsaved_notes
    notebook = session.handle("i")
    assert len(notebook.passages) == 1
    session.handle("export")
    text = (tmp_path / "briefbot-notebook.md").read_text(encoding="utf-8")
    assert "2,500" in text and "line" in text and not session.unsaved_notes


def test_undo_steps_back_over_the_last_change(session):
    session.handle("where is harir base")
    session.handle("note 1")
    session.handle("i")  # looking at the notebook changes nothing, so undo passes over it
    reply = session.handle("undo")
    assert "note 1" in said(reply) and session.state.notebook == []


def test_again_repeats_and_oops_fixes_the_misspelt_word(session):
    first = session.handle("whre is harir base")
    again = session.handle("g")
    assert [a.text for a in again.answers] == [a.text for a in first.answers]
    session.handle("where are the radars of iraqq")
    fixed = session.handle("oops iraq")
    assert "(where are the radars of iraq)" in said(fixed)


def test_oops_fixes_the_word_found_nowhere_not_the_one_already_read_as_another(session):
    session.handle("how many soldirs in zzqx")  # "soldirs" is read as soldiers; "zzqx" is nowhere
    assert "(how many soldirs in iraq)" in said(session.handle("oops iraq"))


def test_oops_after_ask_keeps_the_verb(session):
    session.handle("ask allawi about sovreignty")
    fixed = session.handle("oops sovereignty")
    assert "(ask allawi about sovereignty)" in said(fixed) and fixed.verb == "ask"


def test_score_and_hint(session):
    session.handle("where is harir base")
    score = said(session.handle("score"))
    uncovered = len(session.uncovered())  # the facts of every answer shown, however many there are
    assert uncovered >= 1 and score.startswith(f"You have uncovered {uncovered} of ") and "from 2 sources in 2 turns" in score
    assert said(session.handle("hint")).startswith("Try `")


def test_a_name_without_an_extension_takes_the_usual_one(session, seed_index, tmp_path: Path):
    session.handle("where is harir base")
    session.handle("note 1")
    session.handle("save mygame")
    session.handle("export mynotes")
    assert (tmp_path / "mygame.json").is_file() and (tmp_path / "mynotes.md").is_file()
    assert not (tmp_path / "mygame").exists()
    assert "Restored" in said(Session(seed_index, home=tmp_path).handle("restore mygame"))


def test_save_and_restore(session, seed_index, tmp_path: Path):
    session.handle("go erbil")
    session.handle("where is harir base")
    session.handle("note 1")
    session.handle("save game.json")
    other = Session(seed_index, home=tmp_path)
    assert "Restored" in said(other.handle("restore game.json"))
    assert other.state.room == "Erbil" and other.state.notebook == session.state.notebook
    assert json.loads((tmp_path / "game.json").read_text())["state"]["room"] == "Erbil"


@pytest.mark.parametrize("verb", ["timeline", "brief"])
def test_a_game_restores_its_own_save_after_a_story_verb(verb, session, seed_index, tmp_path: Path):
    """A timeline may number one sentence twice (two dated events): its save is still the game's."""
    session.handle(verb)
    session.handle("save story.json")
    other = Session(seed_index, home=tmp_path)
    assert "Restored" in said(other.handle("restore story.json"))
    assert other.state.shown == session.state.shown


def test_restore_refuses_what_is_not_a_session(session, tmp_path: Path):
    (tmp_path / "junk.json").write_text("[1, 2")
    for line in ("restore junk.json", "restore missing.json", "restore ."):
        reply = session.handle(line)
        assert reply.status == "error", line


def test_sources_and_read_source(session):
    listing = session.handle("sources").blocks[0]
    assert isinstance(listing, Sources) and len(listing.articles) == 2
    assert all(not os.path.isabs(a.shown_path) and a.shown_path.endswith(".txt") for a in listing.articles)
    opened = session.handle("read source 2")
    assert any(isinstance(b, Items) and b.title == "Text" for b in opened.blocks)


def test_quit_warns_of_unsaved_notes(session):
    session.handle("where is harir base")
    session.handle("note 1")
    assert "not yet saved" in said(session.handle("quit"))


def test_x_n_shows_answer_n(session):
    session.handle("where is harir base")
    reply = session.handle("x 1")
    assert isinstance(reply.blocks[0], Passage) and reply.blocks[0].number == 1


def test_the_opening_look_is_no_turn(session):
    opening = session.opening()
    assert opening.verb == "look" and opening.blocks
    assert session.state.turns == 0
    assert "nothing to repeat" in said(session.handle("g"))
    assert "in 1 turn." in said(session.handle("score"))  # the opening and a `g` with nothing to repeat: none
    assert session.state.turns == 1


def test_talk_topics_are_what_a_person_talks_about(session):
    from briefbot.text import analyze
    for person in session.world.characters:
        topics = next(b for b in session.handle(f"talk to {person.name}").blocks if isinstance(b, Items)).items
        assert topics
        terms = {t for topic in topics for t in analyze(topic)}
        assert not terms & set(analyze(f"said told {person.name} {person.role or ''}")), (person.name, topics)


@pytest.mark.parametrize("line, verb, says", [
    ("go", "go", "Go where? Places in the briefing: "), ("go to", "go", "Go where?"),
    ("x", "examine", "Examine what?"), ("examine", "examine", "Examine what?"),
    ("talk to", "talk", "Talk to whom?"), ("ask allawi about", "talk", "talks about")])
def test_a_verb_without_its_object_asks_for_it(session, line: str, verb: str, says: str):
    reply = session.handle(line)
    assert reply.verb == verb and says in said(reply)
    assert not reply.answers or verb == "talk"


def test_export_and_save_never_replace_a_file_they_did_not_write(session, tmp_path: Path):
    (tmp_path / "briefbot-notebook.md").write_text("notes of another game")
    session.handle("where is harir base")
    session.handle("note 1")
    first = said(session.handle("export"))
    assert (tmp_path / "briefbot-notebook.md").read_text() == "notes of another game"
    assert "left alone" in first and "briefbot-notebook-2.md" in first
    assert "Wrote 1 note " in first
    session.handle("radar for drones")
    session.handle("note 1")
    again = said(session.handle("export"))  # its own file: written again, no third name
    assert "Wrote 2 notes" in again and "briefbot-notebook-2.md" in again
    assert not (tmp_path / "briefbot-notebook-3.md").exists()
    assert (tmp_path / "briefbot-notebook.md").read_text() == "notes of another game"


def test_restore_says_what_went_wrong_and_what_it_replaced(session, tmp_path: Path):
    assert "no such file" in said(session.handle("restore nothere.json"))
    (tmp_path / "bad.json").write_text("{not json")
    assert "not a saved session file" in said(session.handle("restore bad.json"))
    session.handle("where is harir base")
    session.handle("note 1")
    session.handle("save")
    session.handle("radar for drones")
    session.handle("note 1")
    restored = said(session.handle("restore"))
    assert "1 unsaved note" in restored and "undo" in restored
    assert session.state.notebook == [session.saved_notebook[0]]
    session.handle("undo")
    assert len(session.state.notebook) == 2


def test_a_follow_up_before_any_question_asks_for_one(session):
    reply = session.handle("why?")
    assert said(reply) == "Why what? Ask a question first." and not reply.answers
