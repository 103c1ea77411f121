"""Hostile and broken corpora: for each, the rest loads, the user is told once, and questions are answered.

Every case builds its corpus in tmp_path beside one good article (GOOD), loads it through the cache
(as `briefbot ask` does), and asks about GOOD and, where it holds an article, about the odd file too.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import random
import re
import zipfile
from pathlib import Path

import pytest
from rich.console import Console

from briefbot import cache, cli
from briefbot.render import render
from briefbot.search import Searcher
from briefbot.session import Session
from briefbot.text import MAX_SENTENCE_CHARS

GOOD = "Harbour news\n\nThe harbour master Jonas Pike said the new crane arrived on Tuesday.\n"
GOOD_QUESTION, GOOD_ANSWER = "when did the crane arrive", "The harbour master Jonas Pike said the new crane arrived on Tuesday."


def corpus(tmp_path: Path, files: dict[str, bytes | str] | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD)
    for name, data in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return folder


def load(folder: Path) -> tuple[object, list[str]]:
    warnings: list[str] = []
    return cache.load([str(folder)], warnings.append), warnings


def answers(index, question: str) -> list[str]:
    return [a.text for a in Searcher(index).search(question, 3).answers]


def assert_good_answered(index) -> None:
    assert answers(index, GOOD_QUESTION)[0] == GOOD_ANSWER


def assert_verbatim(index, encodings: dict[str, str] | None = None) -> None:
    """Spans index each text file as Python reads it (with `encodings[name]`, UTF-8 by default)."""
    for sent in range(len(index)):
        article = index.article_of(sent)
        if article.source == article.path:
            encoding = (encodings or {}).get(Path(article.path).name, "utf-8-sig")
            with open(article.path, encoding=encoding, errors="replace") as f:
                assert f.read()[index.sent_start[sent]:index.sent_end[sent]] == index.text_of(sent)


# --- files that are not articles: skipped with one warning naming them --------------------------

SKIPPED = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n\t \r\n", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "binary"),
    "archive.txt": (None, "binary"),  # a real zip, made below
    "nul.txt": (b"Some text\x00with\x00NUL bytes in it\x00" * 20, "binary"),
    "noise.md": (random.Random(4).randbytes(5000), "binary"),
    "elf.json": (b"\x7fELF\x02\x01\x01\x00" + bytes(100), "binary"),
}


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("story.txt", "Inside a zip.\n" * 50)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_not_an_article_is_skipped_with_one_warning(tmp_path: Path, name: str):
    data, reason = SKIPPED[name]
    folder = corpus(tmp_path, {name: data if data is not None else zip_bytes()})
    index, warnings = load(folder)
    assert warnings == [f"{folder / name}: {reason}, skipped"]
    assert [a.path for a in index.articles] == [str(folder / "good.txt")]
    assert_good_answered(index)


def test_warnings_are_said_again_from_the_cache(tmp_path: Path):
    folder = corpus(tmp_path, {"image.txt": b"\x89PNG\r\n\x1a\n\x00"})
    first = load(folder)[1]
    index, second = load(folder)
    assert first == second == [f"{folder / 'image.txt'}: binary, skipped"]
    assert_good_answered(index)


# --- encodings: read, told once when guessed, answered ------------------------------------------

ODD_TEXT = "Fair news\n\nThe organiser Zo\u00eb Akers said the caf\u00e9 fair draws many visitors.\n"
ARABIC = ("Baghdad talks\n\n\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a met envoys in Baghdad on Monday. "
          "\u0645\u062d\u0645\u062f \u0634\u064a\u0627\u0639 \u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a "
          "\u0642\u0627\u0644 \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a "
          "\u0645\u0633\u062a\u0645\u0631\u0629.\n")


@pytest.mark.parametrize("name, data, note, encoding", ids=lambda v: v if isinstance(v, str) and v.endswith(".txt") else "", argvalues=[
    ("bom8.txt", codecs.BOM_UTF8 + ODD_TEXT.encode(), None, "utf-8-sig"),
    ("bom16le.txt", codecs.BOM_UTF16_LE + ODD_TEXT.encode("utf-16-le"), None, "utf-16"),
    ("bom16be.txt", codecs.BOM_UTF16_BE + ODD_TEXT.encode("utf-16-be"), None, "utf-16"),
    ("bom32.txt", ODD_TEXT.encode("utf-32"), None, "utf-32"),
    ("nobom16le.txt", ODD_TEXT.encode("utf-16-le"), "no byte-order mark; read as UTF-16", "utf-16-le"),
    ("nobom16be.txt", ODD_TEXT.encode("utf-16-be"), "no byte-order mark; read as UTF-16", "utf-16-be"),
    ("latin1.txt", ODD_TEXT.encode("latin-1"), "not UTF-8; read as Windows-1252", "cp1252"),
    ("cp1252.txt", ODD_TEXT.replace("draws", "\u201cdraws\u201d").encode("cp1252"),
     "not UTF-8; read as Windows-1252", "cp1252"),
    ("broken8.txt", ODD_TEXT.encode() + b"\xff\xfe tail.\n", "2 invalid UTF-8 byte sequence(s) shown as \ufffd",
     "utf-8"),
])
def test_encodings(tmp_path: Path, name: str, data: bytes, note: str | None, encoding: str):
    folder = corpus(tmp_path, {name: data})
    index, warnings = load(folder)
    assert warnings == ([f"{folder / name}: {note}"] if note else [])
    assert_good_answered(index)
    assert any("Zo\u00eb Akers" in text for text in answers(index, "what does the cafe fair draw"))
    assert any("Zo\u00eb" in text for text in answers(index, "Zoe Akers cafe"))
    assert next(a.title for a in index.articles if a.path.endswith(name)) == "Fair news"
    assert_verbatim(index, {name: encoding})


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_arabic_utf16_without_bom(tmp_path: Path, codec: str):
    folder = corpus(tmp_path, {"arabic.txt": ARABIC.encode(codec)})
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'arabic.txt'}: no byte-order mark; read as UTF-16"]
    assert any("\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a met envoys" in t
               for t in answers(index, "\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a"))


@pytest.mark.parametrize("ends", [b"\r\n", b"\r"])
def test_crlf_and_lone_cr(tmp_path: Path, ends: bytes):
    data = ODD_TEXT.encode().replace(b"\n", ends) + b"A second line follows." + ends
    folder = corpus(tmp_path, {"lines.txt": data})
    index, warnings = load(folder)
    assert warnings == []
    assert "A second line follows." in answers(index, "second line follows")
    assert not any("\r" in index.text_of(s) for s in range(len(index)))
    assert_verbatim(index)


def test_undecodable_file_name(tmp_path: Path):
    folder = corpus(tmp_path)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as f:
        f.write(ODD_TEXT)
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as f:
        f.write(b"\x89PNG\x00")
    index, warnings = load(folder)
    assert warnings == [f"{folder}/bad\ufffd.txt: binary, skipped"]
    assert any("Zo\u00eb" in t for t in answers(index, "Zoe Akers visitors"))
    assert_good_answered(index)


# --- the file system -------------------------------------------------------------------------

def test_deeply_nested_folders(tmp_path: Path):
    deep = "/".join(f"d{i}" for i in range(120))
    folder = corpus(tmp_path, {f"{deep}/deep.txt": "Cave news\n\nThe speleologist said the cave is 300 metres deep.\n"})
    index, warnings = load(folder)
    assert warnings == []
    assert "The speleologist said the cave is 300 metres deep." in answers(index, "how deep is the cave")
    assert_good_answered(index)


def test_symlink_loops_and_dangling_links(tmp_path: Path):
    folder = corpus(tmp_path, {"sub/story.txt": ODD_TEXT})
    (tmp_path / "outside.txt").write_text("Outside\n\nThis file is beside the corpus, not in it.\n")
    os.symlink(".", folder / "self")
    os.symlink("..", folder / "sub" / "up")
    os.symlink("..", folder / "parent")  # leads out of the corpus, to its parent and back in
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("sub", folder / "alias")  # a second way to the same folder: read once
    index, warnings = load(folder)
    assert sorted(warnings) == sorted([
        f"{folder / 'dangling.txt'}: dangling symlink, skipped",
        f"{folder / 'loop.txt'}: dangling symlink, skipped",
        f"{folder / 'parent'}: symlink loop, not followed",
        f"{folder / 'self'}: symlink loop, not followed",
        f"{folder / 'alias' / 'up'}: symlink loop, not followed",
    ])
    assert sorted(Path(a.path).name for a in index.articles) == ["good.txt", "story.txt"]
    assert_good_answered(index)


def test_named_pipe_does_not_block(tmp_path: Path):
    folder = corpus(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'pipe.txt'}: not a regular file, skipped"]
    assert_good_answered(index)


def test_unreadable_file(tmp_path: Path, monkeypatch):
    """We run as root, who can read a mode-000 file; so reading it is made to fail as it would for a user."""
    folder = corpus(tmp_path, {"secret.txt": ODD_TEXT})
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'secret.txt'}: cannot read (Permission denied), skipped"]
    assert_good_answered(index)


def test_unreadable_folder(tmp_path: Path, monkeypatch):
    """As root can list any folder, listing one is made to fail as it would for a user."""
    folder = corpus(tmp_path, {"locked/inside.txt": ODD_TEXT, "open/story.txt": ODD_TEXT.replace("Fair", "Fete")})
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'locked'}: cannot read (Permission denied), skipped"]
    assert sorted(Path(a.path).name for a in index.articles) == ["good.txt", "story.txt"]
    assert_good_answered(index)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file anyway")
def test_unreadable_file_for_real(tmp_path: Path):
    folder = corpus(tmp_path, {"secret.txt": ODD_TEXT})
    (folder / "secret.txt").chmod(0)
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'secret.txt'}: cannot read (Permission denied), skipped"]
    assert_good_answered(index)


def test_file_disappears_between_finding_and_reading(tmp_path: Path, monkeypatch):
    folder = corpus(tmp_path, {"gone.txt": ODD_TEXT})
    real = cache.find_files

    def find_then_delete(paths, warn, skipped):
        found = real(paths, warn, skipped)
        (folder / "gone.txt").unlink()
        return found
    monkeypatch.setattr(cache, "find_files", find_then_delete)
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'gone.txt'}: cannot read (No such file or directory), skipped"]
    assert_good_answered(index)


def test_file_changes_while_indexing(tmp_path: Path, monkeypatch):
    folder = corpus(tmp_path, {"moving.txt": "Moving\n\nThe ferry leaves at noon.\n"})
    real = cache.build

    def edit_then_build(*args, **kwargs):
        (folder / "moving.txt").write_text("Moving\n\nThe ferry was cancelled today.\n")
        return real(*args, **kwargs)
    monkeypatch.setattr(cache, "build", edit_then_build)
    index, _ = load(folder)
    # The index is of what was read, consistently: its spans fit its own text.
    assert "The ferry leaves at noon." in answers(index, "ferry")
    monkeypatch.setattr(cache, "build", real)
    index, warnings = load(folder)  # the next run sees the change: the old cache is not trusted
    assert answers(index, "ferry") == ["The ferry was cancelled today."]
    assert_verbatim(index)


# --- JSON -------------------------------------------------------------------------------------

def test_json_lines_with_broken_lines(tmp_path: Path):
    lines = [json.dumps({"title": "Zoo", "text": "The keeper Nina Holt said the panda ate bamboo."}), "{broken",
             "", "[1, 2]", '{"title": "no text"}', '"just a string"', "null",
             json.dumps({"title": "Zoo 2", "body": "The panda sleeps all afternoon."})]
    folder = corpus(tmp_path, {"zoo.jsonl": "\n".join(lines) + "\n{\"title\": \"cut off\", \"text\": \"The"})
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'zoo.jsonl'}: 2 line(s) not JSON (lines 2, 9), left out"]
    assert answers(index, "panda bamboo")[0] == "The keeper Nina Holt said the panda ate bamboo."
    assert "The panda sleeps all afternoon." in answers(index, "panda sleeps")
    assert_good_answered(index)


def test_json_file_with_no_json_at_all(tmp_path: Path):
    folder = corpus(tmp_path, {"bad.json": "this is not json\nnor this\n"})
    index, warnings = load(folder)
    assert warnings == [f"{folder / 'bad.json'}: 2 line(s) not JSON (lines 1, 2), left out; no article text, skipped"]
    assert_good_answered(index)


@pytest.mark.parametrize("name, data", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),  # deeper than Python's recursion limit
    ("digits.jsonl", '{"title": "Big", "text": "A number follows.", "n": ' + "1" * 5000 + "}\n"),  # past int limits
    ("odd.json", '{"articles": "not a list"}'),
    ("types.jsonl", '{"title": 5, "text": ["a", "list"]}\n{"title": null, "body": 7}\n'),
])
def test_json_that_breaks_parsers(tmp_path: Path, name: str, data: str):
    folder = corpus(tmp_path, {name: data})
    index, warnings = load(folder)
    assert len(warnings) == 1 and warnings[0].startswith(f"{folder / name}: ") and warnings[0].endswith(", skipped")
    assert_good_answered(index)


def test_json_with_half_surrogates_and_controls(tmp_path: Path):
    record = '{"title": "Odd \\ud800 title", "text": "The diver Ana Reef said the wreck \\udc00 lies \\u0000 deep."}'
    folder = corpus(tmp_path, {"odd.jsonl": record})
    index, warnings = load(folder)
    assert warnings == []
    [text] = [t for t in answers(index, "diver wreck") if "wreck" in t]
    text.encode("utf-8")  # no half surrogate left: it can be printed and saved
    assert "\ufffd" in text


# --- odd but real articles: no warning, answered ------------------------------------------------

def test_only_a_headline(tmp_path: Path):
    folder = corpus(tmp_path, {"headline.txt": "Ferry strike called off\n", "twice.txt": "Rail deal\nRail deal\n",
                               "dated.txt": "Port closed\n5 February 2025\n"})
    index, warnings = load(folder)
    assert warnings == []
    assert "Ferry strike called off" in answers(index, "ferry strike")
    assert_good_answered(index)
    for name in ("twice.txt", "dated.txt"):
        assert any(a.path.endswith(name) and a.title for a in index.articles)
    Session(index).handle("sources")  # articles without sentences are listed without trouble
    Session(index).handle("read source 3")


def test_one_repeated_word(tmp_path: Path):
    folder = corpus(tmp_path, {"buffalo.txt": "buffalo " * 20_000, "nocase.txt": "Buffalo\n\n" + "BUFFALO " * 500})
    index, warnings = load(folder)
    assert warnings == []
    assert all(index.sent_end[s] - index.sent_start[s] <= MAX_SENTENCE_CHARS for s in range(len(index)))
    assert answers(index, "buffalo")
    assert_good_answered(index)
    assert_verbatim(index)


def test_right_to_left_and_mixed_scripts(tmp_path: Path):
    mixed = ("Talks in Baghdad\n\nPrime Minister Mohammed Shia al-Sudani "
             "(\u0645\u062d\u0645\u062f \u0634\u064a\u0627\u0639 \u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a) "
             "met the \u0627\u0644\u0633\u0641\u064a\u0631 in \u0628\u063a\u062f\u0627\u062f on Monday.\n"
             "\u200fA right-to-left mark starts this line, and \u202eoverride\u202c text follows.\n")
    folder = corpus(tmp_path, {"mixed.txt": mixed, "arabic.txt": ARABIC})
    index, warnings = load(folder)
    assert warnings == []
    assert any("al-Sudani" in t for t in answers(index, "al Sudani"))
    assert any("al-Sudani" in t for t in answers(index, "\u0627\u0644\u0633\u0641\u064a\u0631"))  # the envoy
    assert any("envoys" in t for t in answers(index, "\u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a"))
    assert any("override" in t for t in answers(index, "right-to-left mark"))
    assert_verbatim(index)
    assert_good_answered(index)


EMOJI = ("Party \U0001f389 time\n\nThe chef Zoe\u0308 Noe\u0308l said the cafe\u0301 \U0001f370 opens at dawn. "
         "Flags \U0001f1ee\U0001f1f6 and family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji follow.\n")


def test_emoji_and_combining_marks(tmp_path: Path):
    folder = corpus(tmp_path, {"emoji.txt": EMOJI})
    index, warnings = load(folder)
    assert warnings == []
    assert next(a.title for a in index.articles if a.path.endswith("emoji.txt")) == "Party \U0001f389 time"
    assert any("Noe\u0308l" in t for t in answers(index, "when does the cafe open"))
    assert any("Noe\u0308l" in t for t in answers(index, "caf\u00e9 opens"))
    assert any("family" in t for t in answers(index, "flags family emoji"))
    assert_verbatim(index)


def test_decomposed_names_are_whole_words(tmp_path: Path):
    index, _ = load(corpus(tmp_path, {"emoji.txt": EMOJI}))
    for question in ("Zoe Noel", "Zo\u00eb No\u00ebl"):
        assert any("Noe\u0308l" in t for t in answers(index, question)), question


# --- text that tries to drive the terminal ------------------------------------------------------

DRIVING = ("Lantern news\n\nThe mayor Vera Stone said \x1b[31mred\x1b[0m lanterns \x1b]8;;https://evil.example\x07glow"
           "\x1b]8;;\x07 over the [link=https://evil.example]harbour[/link] \x9b2J and [/] and [bold tonight "
           "\u202eevil\u202c \x1b]0;new title\x07 \x1bP+q\x1b\\ \x07.\n"
           "A line without spaces follows: " + "x" * 30_000 + ".\n")
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\x90")


@pytest.fixture
def driving(tmp_path: Path) -> Path:
    return corpus(tmp_path, {"driving.txt": DRIVING})


def test_driving_text_is_inert_in_plain_output(driving: Path, capsys):
    assert cli.main(["ask", "--corpus", str(driving), "Vera Stone lanterns harbour"]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in CONTROLS)
    assert "[link=https://evil.example]harbour[/link]" in out and "[/] and [bold tonight" in out
    assert cli.main(["ask", "--corpus", str(driving), "line without spaces"]) == 0
    assert "x" * 900 in capsys.readouterr().out


def test_driving_text_is_inert_in_json(driving: Path, capsys):
    assert cli.main(["ask", "--json", "--corpus", str(driving), "Vera Stone lanterns harbour"]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in CONTROLS)
    answer = json.loads(out)["answers"][0]
    assert "\x1b]8;;https://evil.example\x07glow" in answer["text"]  # verbatim, as cited


def test_driving_text_is_inert_in_rich_output(driving: Path):
    index, _ = load(driving)
    reply = Session(index).handle("Vera Stone lanterns harbour")
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, color_system="truecolor", width=120, markup=False,
            highlight=False, emoji=False).print(render(reply))
    out = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())  # Rich's own styles out; what is left is text
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "[link=https://evil.example]harbour[/link]" in out


def test_driving_text_is_inert_in_exported_notebook(driving: Path, tmp_path: Path):
    index, _ = load(driving)
    session = Session(index, home=tmp_path)
    assert session.handle("Vera Stone lanterns harbour").status == "answered"
    session.handle("note 1")
    session.handle("export")
    notebook = (tmp_path / "briefbot-notebook.md").read_text(encoding="utf-8")
    assert "Vera Stone" in notebook
    assert not any(c in notebook for c in CONTROLS)


def test_exported_notebook_markup_is_escaped(driving: Path, tmp_path: Path):
    index, _ = load(driving)
    session = Session(index, home=tmp_path)
    session.handle("Vera Stone lanterns harbour")
    session.handle("note 1")
    session.handle("export")
    notebook = (tmp_path / "briefbot-notebook.md").read_text(encoding="utf-8")
    assert "\\[link=https://evil.example\\]harbour\\[/link\\]" in notebook
    assert not re.search(r"(?<!\\)[\[\]]", notebook)  # every bracket escaped


# --- size -------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_50_mb_single_line_file(tmp_path: Path):
    rng = random.Random(7)
    words = ("river stone market council budget harbour minister said the of and in Baghdad Erbil "
             "report week year").split()
    folder = corpus(tmp_path)
    with open(folder / "huge.txt", "w") as f:
        while f.tell() < 50_000_000:
            f.write(" ".join(rng.choice(words) for _ in range(100_000)) + " ")
    index, warnings = load(folder)
    assert warnings == []
    assert all(index.sent_end[s] - index.sent_start[s] <= MAX_SENTENCE_CHARS for s in range(len(index)))
    assert_good_answered(index)


@pytest.mark.slow
def test_twenty_thousand_tiny_files(tmp_path: Path):
    folder = corpus(tmp_path)
    for i in range(20_000):
        sub = folder / f"batch{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"note{i:05d}.txt").write_text(f"Note {i}\n\nClerk {i} filed report number {i} about the gate.\n")
    index, warnings = load(folder)
    assert warnings == [] and len(index.articles) == 20_001
    assert_good_answered(index)
    assert "Clerk 12345 filed report number 12345 about the gate." in answers(index, "report 12345")


def test_a_long_line_without_spaces_is_cut(tmp_path: Path):
    folder = corpus(tmp_path, {"blob.txt": "Blob\n\n" + "QUJD" * 50_000 + "\n"})
    index, warnings = load(folder)
    assert warnings == []
    assert all(index.sent_end[s] - index.sent_start[s] <= MAX_SENTENCE_CHARS for s in range(len(index)))
    assert_verbatim(index)
    assert_good_answered(index)


def test_cli_survives_a_hostile_folder(tmp_path: Path, capsys):
    folder = corpus(tmp_path, {name: data or zip_bytes() for name, (data, _) in SKIPPED.items()})
    (folder / "driving.txt").write_text(DRIVING)
    assert cli.main(["ask", "--corpus", str(folder), GOOD_QUESTION]) == 0
    out, err = capsys.readouterr()
    assert GOOD_ANSWER in out
    assert len(err.splitlines()) == len(SKIPPED) and "Traceback" not in err
