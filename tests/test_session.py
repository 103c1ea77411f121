"""The verbs of the game, through Session.handle, on the embedded briefing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefbot.parser import Command, parse
from briefbot.reply import ERROR, OK, Heading, Help, Items, Message, Passage, Sources
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
    ("tell me about the f-16", "question"), ("tell us about drones", "question"),  # no one called "me" is asked
])
def test_parser_verbs(line: str, verb: str):
    assert parse(line).verb == verb


def test_tell_me_about_asks_the_briefing_about_the_topic(session):
    """"tell me about the f-16" is a question about the F-16, not one for a person called "me"."""
    assert parse("tell me about the f-16").obj == "the f-16"
    reply = session.handle("tell me about the f-16")
    assert reply.status == "answered" and "me" not in said(reply).lower().split()


def test_tell_me_how_is_a_question_not_talk_to_me(session):
    """U2: a pasted "Tell me how many copies it sold … and who sang on it" was read as `tell X about`:
    "(No one called 'me how many copies…' is quoted…)"."""
    line = "Tell me how many American soldiers are in Iraq and who leads them on the ground"
    assert parse(line) == Command("question", "how many American soldiers are in Iraq and who leads them on the ground",
                                  line=line)
    reply = session.handle("Tell me how many American soldiers are in Iraq and who they report to")
    assert "No one called" not in said(reply) and "2,500" in reply.answers[0].text


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


@pytest.mark.parametrize("reply", ["2", "#2"])
def test_which_do_you_mean_takes_a_choice_by_its_number(session, reply: str):
    asked = said(session.handle("go base"))
    choices = asked.split(": ", 1)[1].rstrip("?").replace(" or ", ", ").split(", ")
    session.handle(reply)
    assert session.state.room == choices[1]


def test_examine_it_is_the_last_place_or_organisation_examined_or_named(session):
    assert "not sure what" in said(session.handle("x it"))
    dossier = session.handle("x pkk")
    session.handle("how many partners does the coalition have")  # a question between that names nothing
    again = session.handle("examine it")
    assert again.verb == "examine" and again.blocks[0] == dossier.blocks[0]
    session.handle("go erbil")
    assert session.handle("x it").blocks[0].text == "Erbil"
    session.handle("undo")
    session.handle("undo")  # `go erbil` too: `it` is what it was before
    assert session.handle("x that").blocks[0] == dossier.blocks[0]


def test_again_after_undo_undoes_another_turn(session):
    """V3: `g` repeats the last line typed, and `undo` is one: after it, `g` steps back another turn
    (it repeated the line before the undone one, as Inform's undo restores its again buffer with the
    rest of the game: the player saw a question answered that they had not just typed). With
    nothing left to undo it says so."""
    session.handle("where is harir base")
    session.handle("go erbil")
    session.handle("go harir base")
    session.handle("undo")
    reply = session.handle("g")
    assert reply.verb == "undo" and said(reply) == f"Undone: go erbil. You are in: {BRIEFING_ROOM}."
    assert session.state.room == BRIEFING_ROOM and session.state.turns == 1
    reply = session.handle("g")
    assert said(reply).startswith("Undone: where is harir base.") and session.state.turns == 0
    nothing = session.handle("g")
    assert said(nothing) == "There is nothing to undo." and nothing.status == "error"  # `ask` exits 1


@pytest.mark.parametrize("verb", ["timeline", "compare", "brief"])
def test_undo_after_a_story_verb_undoes_that_step_only(session, verb: str):
    """A story verb puts its lines on the table and uncovers what they tell: undo after it took back
    the question before it too (it was no step of its own, so what it uncovered went to the question's)."""
    session.handle("how many american soldiers are in iraq")
    asked = session.state.copy()
    seen = set(asked.seen)
    session.handle(verb)
    assert said(session.handle("undo")).startswith(f"Undone: {verb}.")
    assert session.state.shown == asked.shown and session.state.seen == seen and session.state.turns == 1
    assert session.state.question == asked.question and not session.state.spent
    assert said(session.handle("undo")).startswith("Undone: how many american soldiers are in iraq.")


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


def test_export_gives_every_citation_of_a_note_and_no_doubled_quotes(session, tmp_path: Path):
    """The export showed a note's first citation only, and `“…until September 2026.””`."""
    told = session.handle("how many american soldiers are in iraq").answers[0]
    session.handle("note 1")
    own = session.handle("what did the joint statement explain").answers[0]
    assert told.versions and own.text.endswith("\u201d")
    session.handle("note 1")
    session.handle("export")
    text = (tmp_path / "briefbot-notebook.md").read_text(encoding="utf-8")
    for answer in (told, own):
        for cited in [*answer.citations, *(v.citation for v in answer.versions)]:
            assert f"line {cited.line}, characters {cited.start}\u2013{cited.end}" in text
    assert told.versions[0].text in text and "\u201d\u201d" not in text and "\u201c\u201c" not in text


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_an_export_gets_the_usual_mode_and_a_save_stays_private(session, tmp_path: Path, umask: int):
    """An exported notebook is a document like any other (0666 less the umask); a save records the
    game's every line, read back only by this user (0600)."""
    session.handle("how many american soldiers are in iraq")
    session.handle("note 1")
    old = os.umask(umask)
    try:
        session.handle("export")
        session.handle("save")
    finally:
        os.umask(old)
    assert (tmp_path / "briefbot-notebook.md").stat().st_mode & 0o777 == 0o666 & ~umask
    assert (tmp_path / "briefbot-session.json").stat().st_mode & 0o777 == 0o600


def test_the_notebook_counts_each_notes_other_tellings_as_answers_do(session):
    answers = session.handle("how many american soldiers are in iraq").passages
    assert any(p.answer.versions for p in answers)
    session.handle("note all")
    notes = session.handle("i").passages
    assert [p.answer.text for p in notes] == [p.answer.text for p in answers]
    assert [len(p.answer.versions) for p in notes] == [len(p.answer.versions) for p in answers]


def test_quit_says_when_what_was_uncovered_is_not_saved(session):
    assert "not saved" not in said(session.handle("quit"))  # nothing found yet
    session.handle("where is harir base")
    assert session.handle("look").view.unsaved_facts
    assert "not saved" in said(session.handle("quit"))
    session.handle("save")
    assert not session.handle("look").view.unsaved_facts and "not saved" not in said(session.handle("quit"))
    session.handle("how many american soldiers are in iraq")
    assert "not saved" in said(session.handle("quit"))
    session.handle("restore")
    assert not session.handle("look").view.unsaved_facts


def test_undo_of_a_question_says_it_with_its_own_mark(session):
    """"Undone: how many partners?." read as a typo: a line ending with its own mark gets no full stop."""
    session.handle("how many partners does the coalition have?")
    assert said(session.handle("undo")).startswith("Undone: how many partners does the coalition have? You are in:")


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


@pytest.mark.skipif(shutil.which("git") is None, reason="git checks the ignore patterns")
def test_the_files_a_game_writes_in_a_clone_are_ignored_by_git(session, tmp_path: Path):
    """Q1x: a second game's save, briefbot-session-2.json, showed in `git status` of the clone briefbot
    was started in: the ignore pattern named the first file only."""
    session.handle("how many soldiers are in iraq")
    session.handle("note 1")
    (tmp_path / "briefbot-session.json").write_text("another game's save")
    (tmp_path / "briefbot-notebook.md").write_text("another game's notes")
    written = [session.handle("save").blocks[-1].text, session.handle("export").blocks[-1].text]
    assert "briefbot-session-2.json" in written[0] and "briefbot-notebook-2.md" in written[1]
    shutil.copy(Path(__file__).resolve().parent.parent / ".gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    names = ["briefbot-session.json", "briefbot-session-2.json", "briefbot-notebook.md", "briefbot-notebook-2.md"]
    ignored = subprocess.run(["git", "check-ignore", *names], cwd=tmp_path, capture_output=True, text=True).stdout
    assert ignored.split() == names


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
    ("talk to", "talk", "Talk to whom?"), ("ask allawi about", "talk", "Try: ask Allawi about")])
def test_a_verb_without_its_object_asks_for_it(session, line: str, verb: str, says: str):
    reply = session.handle(line)
    assert reply.verb == verb and says in said(reply)
    assert not reply.answers or verb == "talk"


def test_go_alone_names_every_place_not_only_the_exits(session):
    """`go` named the room's eight exits as "Places in the briefing": Harir base was not among them."""
    reply = session.handle("go")
    assert all(place.name in said(reply) for place in session.world.places) and "Harir base" in said(reply)


@pytest.mark.parametrize("typed, meant", [("soldres", "soldiers"), ("soldres in iraq", "soldiers")])
def test_a_word_two_letters_off_is_read_when_nothing_answers(session, typed: str, meant: str):
    """`soldres` (a letter left out and two swapped) got a flat "The articles say nothing about that"."""
    reply = session.handle(typed)
    assert reply.answers and f"soldres \u2192 {meant}" in said(reply)


def test_a_name_with_a_capital_inside_is_not_read_as_another():
    """"When did Apple release the iPhone?" read iPhone as iPhoto and answered of the software."""
    from stories import searcher_of
    s = searcher_of(("Apple", "Apple has released a new version of its iPhoto software for the Mac."))
    assert s.guesses(["iPhone"]) == {} and s.guesses(["sotfwre"]) == {"sotfwre": "software"}


def test_an_english_word_the_articles_lack_is_not_read_as_another(session):
    assert not session.handle("how many tanks").answers  # not "(Reading tanks → take.)"


def test_talk_names_the_person_once(session):
    """The heading and the line under it said "Gordon Brown  Gordon Brown, Chancellor talks about:"."""
    reply = session.handle("talk to al-bayati")
    heading, topics = reply.blocks[:2]
    assert isinstance(heading, Heading) and isinstance(topics, Items)
    assert heading.text.startswith("Sarmed Al-Bayati, ") and topics.title == "Talks about"


def test_exported_notebook_shows_paths_relative_to_the_corpus(session, tmp_path: Path):
    """An installed briefing's path is inside site-packages: the notebook showed it whole."""
    session.handle("where is harir base")
    session.handle("note 1")
    session.handle("export")
    notebook = (tmp_path / "briefbot-notebook.md").read_text(encoding="utf-8")
    assert "`shafaq-2025-02-05-" in notebook and session.folder not in notebook


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


def test_the_files_named_before_writing_are_the_files_written(session, tmp_path: Path):
    """The quit dialog named briefbot-session.json, then the save wrote briefbot-session-2.json."""
    (tmp_path / "briefbot-session.json").write_text("another game's save")
    (tmp_path / "briefbot-notebook.md").write_text("another game's notes")
    session.handle("where is harir base")
    session.handle("note 1")
    named = session.save_file(), session.export_file()
    assert named == (tmp_path / "briefbot-session-2.json", tmp_path / "briefbot-notebook-2.md")
    assert str(named[0]) in said(session.handle("save")) and str(named[1]) in said(session.handle("export"))
    assert (session.save_file(), session.export_file()) == named  # its own files now: written again


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
    assert said(reply) == ("Why what? \u201cwhy?\u201d asks the last question again, and none has been asked yet: "
                           "ask one first.") and not reply.answers


@pytest.mark.parametrize("between", ["go erbil", "score", "x pkk"])
def test_oops_fixes_only_the_line_just_before_it(session, between: str):
    """`where is harrir bse`, `go erbil`, `oops base` asked "(go erbil)" as a question."""
    session.handle("where is harrir bse")
    session.handle(between)
    reply = session.handle("oops base")
    assert said(reply) == "There is no misspelt word to fix." and not reply.answers


def test_oops_after_help_still_fixes_the_question(session):
    session.handle("where are the radars of iraqq")
    session.handle("help")  # no turn: the question is still the line before
    assert "(where are the radars of iraq)" in said(session.handle("oops iraq"))


def test_a_refused_move_is_no_step_for_undo(session):
    """`undo` after a failed `go nowhere` undid nothing, and spent the step."""
    session.handle("go erbil")
    assert session.handle("go nowhere").status == ERROR
    reply = session.handle("undo")
    assert said(reply) == f"Undone: go erbil. You are in: {BRIEFING_ROOM}." and session.state.room == BRIEFING_ROOM


@pytest.mark.parametrize("line", ["who is here", "who's here?", "whos here"])
def test_who_is_here_lists_who_talks_about_the_room(session, line: str):
    """It was "The articles say nothing about that" beside a room listing who talks about it."""
    room = session.handle("go syria")
    listed = next(b for b in room.blocks if isinstance(b, Items) and b.title == "Who talks about it").items
    reply = session.handle(line)
    assert not reply.answers and [b.items for b in reply.blocks if isinstance(b, Items)] == [listed]


def test_who_is_here_where_no_one_talks_about_it_says_so_once(session):
    """V2: "Who talks about it: / none found / No one quoted talks about this place." said it twice."""
    empty = [p for p in session.world.places if not (session.handle(f"go {p.name}") and session.surroundings().people)]
    assert empty
    session.handle(f"go {empty[0].name}")
    reply = session.handle("who is here")
    assert said(reply) == "No one quoted talks about this place." and not [b for b in reply.blocks if isinstance(b, Items)]


def test_ask_about_a_word_no_article_uses_does_not_say_the_articles_are_silent(session):
    """"wal" is Al-Numan's "wall": "Nor do the articles" was false; the word is what they lack."""
    reply = session.handle("ask bayati about wal")
    assert "Nor do the articles" not in said(reply) and "never use the word \u201cwal\u201d" in said(reply)


def test_undo_steps_over_a_refused_note_and_the_files_written(session, tmp_path: Path):
    """A `note 1` already noted changed nothing, and an export or a save cannot be taken back: undo
    takes back the `take 1` before them."""
    session.handle("how many soldiers are in iraq")
    session.handle("take 1")
    assert "already in your notebook" in said(session.handle("note 1"))
    session.handle("export")
    session.handle("save")
    assert said(session.handle("undo")).startswith("Undone: take 1.")
    assert session.state.notebook == [] and (tmp_path / "briefbot-notebook.md").exists()


def test_a_refusal_after_a_misspelt_question_is_no_undo_step_either(session):
    session.handle("how many soldirs in zzqx")
    session.handle("go nowhere")
    assert said(session.handle("undo")).startswith("Undone: how many soldirs in zzqx.")


def _tellings(session: Session, answer) -> set[int]:
    fact_of = session.world.fact_of
    return {int(t) for t in (fact_of == fact_of[answer.sentence_id]).nonzero()[0]} - {answer.sentence_id}


def test_a_dossier_says_when_its_fact_is_in_other_sources(session):
    """`x coalition` showed the 2,500 troops sentence without the "also in 1 other source" its
    question shows: a search within the coalition's sentences found no telling outside them."""
    asked = session.handle("how many us troops remain in iraq as part of the coalition").answers[0]
    assert asked.versions
    dossier = session.handle("x international coalition")
    shown = next(a for a in dossier.answers if a.sentence_id == asked.sentence_id)
    assert {v.sentence_id for v in shown.versions} == {v.sentence_id for v in asked.versions}


def test_every_answer_of_a_person_place_or_dossier_carries_all_its_tellings(session):
    lines = [f"x {t.name}" for t in [*session.world.organisations, *session.world.characters]]
    lines += [f"go {p.name}" for p in session.world.places] + ["ask allawi about sovereignty", "what else did he say"]
    checked = 0
    for line in lines:
        answers = session.handle(line).answers
        for answer in answers:
            assert {v.sentence_id for v in answer.versions} == _tellings(session, answer), line
            checked += bool(answer.versions)
        assert len({int(session.world.fact_of[a.sentence_id]) for a in answers}) == len(answers), line
    assert checked >= 5


@pytest.mark.parametrize("line, verb", [
    ("n", "compass"), ("north", "compass"), ("up", "compass"), ("z", "wait"), ("exits", "exits"),
    ("restart", "restart"), ("help", "help"), ("help go", "help"), ("help x", "help"),
    ("help for refugees", "question"), ("help me", "help"), ("help xyzzy", "help")])
def test_parser_reads_players_habits(line: str, verb: str):
    assert parse(line).verb == verb


def test_help_on_no_verb_says_what_help_covers(session):
    """`help xyzzy` was answered as a question (the coalition "to help partner forces")."""
    reply = session.handle("help xyzzy")
    assert reply.verb == "help" and not reply.answers and "no verb \u201cxyzzy\u201d" in said(reply)
    assert any(isinstance(b, Help) for b in reply.blocks)
    assert reply.status == ERROR  # S16: it was OK, and `briefbot ask "help xyzzy"` exited 0
    assert "no verb" not in said(session.handle("help me")) and session.handle("help me").verb == "help"
    assert session.handle("help me").status == OK and session.handle("help go").status == OK


def test_help_verb_says_that_verb_and_its_other_words(session):
    """`help go` was a question: answers about "going"."""
    reply = session.handle("help go")
    assert said(reply) == ("`go PLACE`: move to a place in the story.\n"
                           "Also said: go to, walk to, travel to, visit, enter, move to.")
    assert not reply.answers and session.state.turns == 0


def test_exits_are_the_ways_from_here_not_every_place(session):
    session.handle("go erbil")
    exits = next(b for b in session.handle("exits").blocks if isinstance(b, Items)).items
    assert exits == session.surroundings().exits and BRIEFING_ROOM in exits
    assert set(exits) - {BRIEFING_ROOM} < {p.name for p in session.world.places}


def test_a_compass_direction_is_refused_with_the_exits(session):
    """`n` was a question: "The articles say nothing about that."."""
    session.handle("go erbil")
    reply = session.handle("north")
    assert reply.status == ERROR and "no compass directions" in said(reply) and not reply.answers
    assert [b.title for b in reply.blocks if isinstance(b, Items)] == ["Exits"] and session.state.room == "Erbil"


def test_wait_passes_a_turn_and_changes_nothing(session):
    assert said(session.handle("z")).startswith("Time passes.") and session.state.turns == 1
    assert said(session.handle("undo")) == "There is nothing to undo."


def test_restart_is_a_new_game_that_undo_takes_back(session):
    session.handle("go erbil")
    session.handle("where is harir base")
    session.handle("note 1")
    reply = session.handle("restart")
    assert "1 unsaved note went with the old game" in said(reply)
    assert session.state.room == BRIEFING_ROOM and not session.state.notebook and not session.state.seen
    assert session.state.turns == 0 and not session.unsaved_notes
    session.handle("undo")
    assert session.state.room == "Erbil" and len(session.state.notebook) == 1 and session.unsaved_notes


@pytest.mark.parametrize("line, says", [("take all", "There are no answers to note yet: ask a question first."),
                                        ("read", "Which answer? Say its number after a question.")])
def test_a_verb_with_nothing_to_act_on_says_so(session, line: str, says: str):
    """`take all` answered nothing at all; `read` said "There is no answer  yet"."""
    assert said(session.handle(line)) == says


def test_drop_takes_a_note_out_and_undo_puts_it_back(session):
    session.handle("where is harir base")
    session.handle("note all")
    first, second, *_ = session.state.notebook
    assert said(session.handle("drop 1")).startswith("Dropped note 1.") and session.state.notebook[0] == second
    refused = session.handle("drop note 9")
    assert refused.status == ERROR and said(refused).startswith("There is no note 9: your notebook holds 2 notes")
    session.handle("undo")  # the refused `drop 9` is no step: this takes back `drop 1`
    assert session.state.notebook[:2] == [first, second]
    session.handle("export")
    session.handle("drop all")
    assert session.state.notebook == [] and session.unsaved_notes  # the exported notes are no longer the notebook
    assert parse("drop in oil prices").verb == "question"


@pytest.mark.parametrize("line", ["go back", "leave", "out"])
def test_leaving_a_room_goes_back(session, line: str):
    session.handle("go erbil")
    assert session.handle(line).verb == "look" and session.state.room == BRIEFING_ROOM


def test_x_me_says_where_the_player_stands(session):
    reply = session.handle("x me")
    assert said(reply).startswith("You, being briefed: 0 notes") and not reply.answers


def test_oops_after_restore_does_not_fix_into_the_restore(session, seed_index, tmp_path: Path):
    """A saved game's words to fix (a save written before `save` cleared them, or by hand) made
    `oops` replace into the line before it, `restore typo.json`, and restore again."""
    session.handle("save typo.json")
    saved = json.loads((tmp_path / "typo.json").read_text())
    saved["state"] |= {"unknown_words": ["zzqx"], "last_line": "how many soldiers in zzqx"}
    (tmp_path / "typo.json").write_text(json.dumps(saved))
    other = Session(seed_index, home=tmp_path)
    other.handle("restore typo.json")
    reply = other.handle("oops iraq")
    assert said(reply) == "There is no misspelt word to fix." and reply.verb == "oops"


def test_talk_to_no_one_quoted_says_so_and_who_is(session):
    """`talk to trump` said "The articles say nothing about that." (`ask obama about isis` said who is quoted)."""
    reply = session.handle("talk to trump")
    assert said(reply).startswith("(No one called 'trump' is quoted") and "People quoted: " in said(reply)


@pytest.mark.parametrize("line, says", [("talk to pkk", "is an organisation, not a person: `examine "),
                                        ("talk to erbil", "(Erbil is a place, not a person: `go Erbil`.)")])
def test_talk_to_a_thing_is_its_dossier_said_so(session, line: str, says: str):
    reply = session.handle(line)
    assert says in said(reply) and reply.verb == "examine" and reply.answers


def test_ask_echoes_the_topic_as_it_was_read(session):
    """"Mohammed Tawfiq Allawi on sovreignty:" kept the typo the answers were found without."""
    assert "Mohammed Tawfiq Allawi on sovereignty:" in said(session.handle("ask allawi about sovreignty"))
