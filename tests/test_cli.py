"""`briefbot ask` and `briefbot sources`: the JSON contract, exit statuses, stdin batches, safe output."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefbot import cli

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HOSTILE = ("Markup test\n\nThe [bold]mayor[/bold] Vera Stone said \x1b[31mred\x1b[0m lanterns \x1b]0;pwned\x07 "
           "hang in the [link=https://evil.example]harbour[/link] and [/] and [bold tonight.\n")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text("Bridge reopens\n\nEngineer Sam Lowe said the bridge reopens in May.\n"
                                       "Traffic will return to the old town.\n")
    (corpus / "markup.txt").write_text(HOSTILE)
    return corpus


def check_citation(c: dict) -> None:
    assert set(c) >= {"source", "title", "outlet", "date", "url", "path", "sentence", "start", "end"}
    for key in ("source", "title", "path"):
        assert isinstance(c[key], str)
    for key in ("outlet", "date", "url"):
        assert c[key] is None or isinstance(c[key], str)
    for key in ("sentence", "start", "end"):
        assert type(c[key]) is int
    assert 0 <= c["start"] < c["end"] and c["sentence"] >= 1


def check_shape(reply: dict) -> None:
    assert isinstance(reply["query"], str)
    assert reply["status"] in ("answered", "no_answer")
    assert isinstance(reply["answers"], list)
    assert (reply["status"] == "answered") == bool(reply["answers"])
    for answer in reply["answers"]:
        assert isinstance(answer["text"], str) and isinstance(answer["context"], str)
        assert type(answer["score"]) is float
        assert isinstance(answer["citations"], list) and answer["citations"]
        for c in answer["citations"]:
            check_citation(c)
            with open(c["path"], encoding="utf-8-sig") as f:
                assert f.read()[c["start"]:c["end"]] == answer["text"]
        for version in answer["also_in"]:
            check_citation(version["citation"])


def test_json_shape_on_the_seeds(capsys):
    code, out, _ = run(capsys, "ask", "--json", "how many US troops are in Iraq")
    assert code == 0
    reply = json.loads(out)
    check_shape(reply)
    assert reply["query"] == "how many US troops are in Iraq"
    assert reply["status"] == "answered" and len(reply["answers"]) <= 3
    first = reply["answers"][0]
    citation = first["citations"][0]
    assert citation["outlet"] == "Shafaq News" and citation["url"] is None
    assert "2,500" in first["text"]
    assert len(first["also_in"]) == 1 and "2,500" in first["also_in"][0]["text"]


def test_json_no_answer(capsys):
    code, out, _ = run(capsys, "ask", "--json", "recipe", "for", "pancakes")
    assert code == 1
    reply = json.loads(out)
    check_shape(reply)
    assert reply == {**reply, "query": "recipe for pancakes", "status": "no_answer", "answers": []}
    assert reply["suggestions"]


def test_k_limits_answers(capsys):
    _, out, _ = run(capsys, "ask", "--json", "-k", "1", "ISIS in the desert")
    assert len(json.loads(out)["answers"]) == 1


def test_path_is_the_file_as_found_under_corpus(capsys, folder: Path):
    code, out, _ = run(capsys, "ask", "--json", "--corpus", str(folder), "when does the bridge reopen")
    assert code == 0
    reply = json.loads(out)
    check_shape(reply)
    citation = reply["answers"][0]["citations"][0]
    assert citation["path"] == str(folder / "bridge.txt")
    assert citation["title"] == "Bridge reopens" and citation["outlet"] is None and citation["date"] is None


def test_plain_output_cites(capsys):
    code, out, _ = run(capsys, "ask", "where is harir base")
    assert code == 0
    assert out.startswith("1. ")
    assert "Harir base in Erbil" in out
    citation = next(line for line in out.splitlines() if line.startswith("   [1] "))
    assert citation.startswith("   [1] Shafaq News \u00b7 ") and "\u00b6" in citation  # outlet, date, paragraph
    assert "corpus" not in out and "/" not in citation and len(citation) <= 80  # never the install path


def test_stdin_batch_one_json_line_each(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("where is harir base\nrecipe for pancakes\nirak\n"))
    code, out, _ = run(capsys, "ask", "--json", "-")
    lines = out.splitlines()
    assert len(lines) == 3
    replies = [json.loads(line) for line in lines]
    for reply in replies:
        check_shape(reply)
    assert [r["query"] for r in replies] == ["where is harir base", "recipe for pancakes", "irak"]
    assert [r["status"] for r in replies] == ["answered", "no_answer", "answered"]
    assert code == 1  # one of them had no answer


def test_stdin_batch_all_answered_exits_zero(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("where is harir base\n"))
    assert run(capsys, "ask", "--json", "-")[0] == 0


def test_stdin_batch_stops_at_quit(capsys, monkeypatch):
    """`quit` says goodbye and ends the game: the lines after it are not asked."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("where is harir base\nquit\nirak\n"))
    code, out, _ = run(capsys, "ask", "--json", "-")
    assert [json.loads(line)["query"] for line in out.splitlines()] == ["where is harir base", "quit"]
    assert code == 0


def test_empty_folder_is_exit_2(capsys, tmp_path: Path):
    code, out, err = run(capsys, "ask", "--corpus", str(tmp_path), "anything")
    assert code == 2 and out == ""
    assert "no articles found" in err and str(tmp_path) in err
    assert "Traceback" not in err


def test_missing_path_is_exit_2(capsys, tmp_path: Path):
    missing = tmp_path / "nope"
    code, out, err = run(capsys, "ask", "--corpus", str(missing), "anything")
    assert code == 2 and out == ""
    assert f"{missing}: no such file or folder" in err


def test_bad_usage_is_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["ask"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        cli.main(["ask", "-k", "many", "x"])
    assert exit_.value.code == 2


def test_ctrl_c_is_exit_130(capsys, monkeypatch):
    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "_ask", interrupted)
    code, _, err = run(capsys, "ask", "x")
    assert code == 130 and "Traceback" not in err


def test_corpus_from_environment(capsys, monkeypatch, folder: Path):
    monkeypatch.setenv("BRIEFBOT_CORPUS", str(folder))
    code, out, _ = run(capsys, "ask", "--json", "bridge reopens")
    assert code == 0 and json.loads(out)["answers"][0]["citations"][0]["path"].startswith(str(folder))


def test_markup_and_escapes_show_literally_in_plain_output(capsys, folder: Path):
    code, out, _ = run(capsys, "ask", "--corpus", str(folder), "Vera Stone lanterns harbour")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "[bold]mayor[/bold]" in out
    assert "[link=https://evil.example]harbour[/link] and [/] and [bold tonight." in out
    assert "\u241b[31mred" in out  # ESC shown as a visible symbol


def test_escapes_stay_verbatim_but_inert_in_json(capsys, folder: Path):
    code, out, _ = run(capsys, "ask", "--json", "--corpus", str(folder), "Vera Stone lanterns harbour")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out  # JSON escapes control characters
    answer = json.loads(out)["answers"][0]
    assert "\x1b[31mred" in answer["text"] and "[bold]mayor[/bold]" in answer["text"]
    check_shape(json.loads(out))


def test_sources_json(capsys, folder: Path):
    code, out, _ = run(capsys, "sources", "--json", "--corpus", str(folder))
    assert code == 0
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["Bridge reopens", "Markup test"]
    for row in rows:
        assert {"title", "outlet", "date", "path", "sentences"} <= set(row)
        assert type(row["sentences"]) is int and row["sentences"] >= 1
    assert rows[0]["sentences"] == 2 and rows[0]["path"] == str(folder / "bridge.txt")


def test_sources_json_on_the_seeds(capsys):
    _, out, _ = run(capsys, "sources", "--json")
    rows = json.loads(out)
    dates = {Path(r["path"]).name: r["date"] for r in rows}
    assert dates == {"shafaq-2025-02-05-coalition-stay-edited.txt": "2025-02-05",  # its file name
                     "shafaq-2025-02-05-coalition-stay-machine-translation.txt": "2025-02-05"}
    assert {r["outlet"] for r in rows} == {"Shafaq News"}


def test_sources_plain_is_safe(capsys, folder: Path):
    code, out, _ = run(capsys, "sources", "--corpus", str(folder))
    assert code == 0 and "Bridge reopens" in out and "\x1b" not in out


def test_ask_does_not_import_textual(tmp_path: Path):
    script = ("import sys\nfrom briefbot.cli import main\ncode = main(['ask', '--json', 'harir base'])\n"
              "print('TEXTUAL' if 'textual' in sys.modules else 'HEADLESS', code)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"BRIEFBOT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert done.stdout.splitlines()[-1] == "HEADLESS 0", done.stderr


def test_piped_ask_does_not_import_rich(tmp_path: Path):
    """Plain text (a pipe) is drawn by briefbot.plain alone: Rich costs a warm `ask` ≈25 ms. (The
    first run builds the index with NLTK, which imports scikit-learn where it is installed, and
    that imports Rich: so the warm run is the one checked.)"""
    script = ("import sys\nfrom briefbot.cli import main\ncode = main(['ask', 'harir base'])\n"
              "print('RICH' if 'rich' in sys.modules else 'PLAIN', 'NLTK' if 'nltk' in sys.modules else 'STEMS', code)")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                              env={"BRIEFBOT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    # nor NLTK: the question's words and the phrases' stop words are stemmed from saved tables (≈190 ms)
    assert "Harir" in done.stdout and done.stdout.splitlines()[-1] == "PLAIN STEMS 0", done.stderr


def test_warm_question_does_not_import_the_story_engines(tmp_path: Path):
    """brief, timeline and compare (≈1,800 lines and their patterns) are imported by their verbs: a
    warm question needs none of them. (The first run builds the world, which reads compare's name runs.)"""
    script = ("import sys\nfrom briefbot.cli import main\ncode = main(['ask', 'harir base'])\n"
              "print(sorted(m for m in sys.modules if m in ('briefbot.brief', 'briefbot.compare', "
              "'briefbot.timeline', 'briefbot.story_blocks')), code)")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                              env={"BRIEFBOT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.stdout.splitlines()[-1] == "[] 0", done.stderr


def test_warm_question_does_not_import_logging(tmp_path: Path):
    """logging (≈3 ms) is for quieting the page readers' libraries: a warm question on a folder of
    plain text imports none of them, nor it."""
    script = ("import sys\nfrom briefbot.cli import main\ncode = main(['ask', 'harir base'])\n"
              "print('logging' in sys.modules, code)")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                              env={"BRIEFBOT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.stdout.splitlines()[-1] == "False 0", done.stderr


def test_a_warm_question_does_not_collect_garbage_while_importing_and_loading(tmp_path: Path):
    """What importing the engine and loading the index make lives as long as the process: a warm
    `ask` ran ≈85 collections walking it (≈20-35 ms of its 0.3 s), which found nothing to free."""
    script = ("import gc\nfrom briefbot.cli import main\ncode = main(['ask', 'harir base'])\n"
              "print(sum(s['collections'] for s in gc.get_stats()), code)")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                              env={"BRIEFBOT_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    collections, code = map(int, done.stdout.split()[-2:])
    assert code == 0 and collections < 40, done.stderr


def test_citation_title_is_always_a_string(capsys, tmp_path: Path):
    (tmp_path / "one.txt").write_text("The ferry strike was called off after talks on Monday.\n")
    (tmp_path / "rec.jsonl").write_text('{"text": "The museum reopened its Roman gallery."}\n')
    for question in ("ferry strike", "Roman gallery"):
        code, out, _ = run(capsys, "ask", "--json", "--corpus", str(tmp_path), question)
        assert code == 0
        for answer in json.loads(out)["answers"]:
            assert isinstance(answer["citations"][0]["title"], str)


def test_progress_is_shown_for_long_work_only(monkeypatch, capsys):
    from briefbot import cli
    clock = iter([100.0, 100.4, 200.0, 201.0, 203.0])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    quick = cli._Progress("Indexing", "articles")
    quick(1, 2), quick(2, 2)  # done within a second of the first report: nothing said
    slow = cli._Progress("Finding people, places and facts:", "passes")  # made long before its work starts
    slow(0, 4), slow(1, 4), slow(4, 4)
    assert capsys.readouterr().err == "Finding people, places and facts: 4/4 passes\n"


@pytest.mark.parametrize("argv", [
    ["--corpus", "{c}", "ask", "x"], ["ask", "--corpus", "{c}", "x"], ["--corpus", "{c}", "sources"],
    ["--no-cache", "--corpus", "{c}", "ask", "x"], ["--corpus", "{c}", "ask", "--no-cache", "x"]])
def test_corpus_and_no_cache_work_before_or_after_the_command(argv: list[str], tmp_path: Path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bridge reopens\n\nThe bridge reopens in May.\n")
    args = cli._parser().parse_args([a.format(c=corpus) for a in argv])
    assert args.corpus == [str(corpus)]
    assert args.no_cache == ("--no-cache" in argv)


@pytest.mark.parametrize("k", ["0", "-1", "two"])
def test_k_must_be_a_positive_number(k: str, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["ask", "-k", k, "iraq"])
    assert exit_.value.code == 2


@pytest.mark.parametrize("line", ["read source 3", "read source abc", "x 1", "note 1"])
def test_a_command_that_cannot_be_done_exits_1_with_status_error(line: str, capsys):
    assert cli.main(["ask", "--json", line]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "error"


def test_terminal_passage_sets_the_answer_apart_from_its_context(seed_index):
    from rich.console import Console

    from briefbot.render import passage_body
    from briefbot.session import Session
    passage = next(p for p in Session(seed_index).handle("where is harir base").passages if p.before or p.after)
    sentence, *rest = passage_body(passage, "")
    bold = "".join(sentence.plain[s.start:s.end] for s in sentence.spans if "bold" in str(s.style))
    assert sentence.plain.endswith(passage.answer.text) and bold == passage.answer.text
    console = Console(width=80, record=True)
    for part in rest[:-1]:  # the context: dim, one line each, cut with "…"
        console.print(part)
    context = console.export_text().splitlines()
    assert context and all(len(line) <= 80 for line in context)
    assert passage.answer.text not in "".join(context)


def test_stdin_batch_in_text_names_each_question_and_drops_a_bom(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeffwhere is harir base\nwho is allawi\n"))
    cli.main(["ask", "-k", "1", "-"])
    out = capsys.readouterr().out
    assert out.startswith("> where is harir base\n") and "\n> who is allawi\n" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeffwhere is harir base\n"))
    cli.main(["ask", "--json", "-"])
    assert json.loads(capsys.readouterr().out)["query"] == "where is harir base"


def test_stdin_batch_echoes_each_line_as_read_without_its_control_sequences(capsys, monkeypatch):
    """The echo showed "how many ␛[31msoldiers␛[0m in iraq" (and ␇, ␀) though the line is read without them."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("how many \x1b[31msoldiers\x1b[0m in iraq\nwho\a is al-numan\x00\n"))
    cli.main(["ask", "-k", "1", "-"])
    echoes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("> ")]
    assert echoes == ["> how many soldiers in iraq", "> who is al-numan"]


def test_stdin_batch_of_windows_lines_echoes_no_carriage_return(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("where is harir base\r\nwho is allawi\r\n", newline=""))
    cli.main(["ask", "-k", "1", "-"])
    out = capsys.readouterr().out
    assert out.startswith("> where is harir base\n") and "\n> who is allawi\n" in out
    assert "\u240d" not in out  # "␍", the control picture of the "\r" the line kept


def test_a_broken_world_file_is_reported_by_ask(tmp_path: Path, capsys):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bridge reopens\n\nEngineer Sam Lowe said the bridge reopens in May.\n")
    (corpus / "world.toml").write_text("[[character]\nname = \"unclosed")
    cli.main(["ask", "--corpus", str(corpus), "people"])
    err = capsys.readouterr().err
    assert err.count("world file not used") == 1
