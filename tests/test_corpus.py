"""Loading articles: metadata in the shapes news files come in, and spans that are verbatim."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from briefbot.cache import load
from briefbot.corpus import SourceFile, decode, find_files, parse_date, parse_file, read_files
from makers import folder_of

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EDITED = "shafaq-2025-02-05-coalition-stay-edited.txt"
TRANSLATED = "shafaq-2025-02-05-coalition-stay-machine-translation.txt"


def articles_of(path: Path) -> list:
    warnings: list[str] = []
    found = [a for f in read_files(find_files([path], warnings.append), warnings.append)
             for a in parse_file(f, warnings.append)]
    assert not warnings, warnings
    return found


def body(article) -> str:
    return "\n".join(article.text[s:e] for s, e in article.paragraphs)


def index_of(folder: Path):
    return load([str(folder)], lambda line: None, use_cache=False)


def sentences(index) -> list[str]:
    return [index.text_of(s) for s in range(len(index))]


# --- the seeds ----------------------------------------------------------------------------------

def test_seed_metadata():
    by_name = {Path(a.path).name: a for a in articles_of(CORPUS)}
    translated, edited = by_name[TRANSLATED], by_name[EDITED]
    assert translated.title == ("A \u201cbombshell\u201d of dangers threatens the region.. "
                                "Will Iraq extend the stay of the international coalition forces?")
    assert translated.outlet == "Shafaq News"
    assert translated.date == "2025-02-05"
    assert translated.url is None
    assert edited.title == "Region on the brink: will Iraq extend US-led Coalition stay?"
    assert edited.outlet == "Shafaq News"
    assert edited.date == "2025-02-05"  # no date line: the date its file name writes, none invented
    assert edited.url is None


def test_seed_metadata_lines_are_not_body(seed_index):
    texts = sentences(seed_index)
    titles = {a.title for a in seed_index.articles}
    assert not titles & set(texts)
    assert not any("2025-02-05" in t for t in texts)
    assert not any(t.strip() == "shafaq.com" for t in texts)
    assert not any(t.startswith("Shafaq News/") for t in texts)
    translated = next(a for a in seed_index.articles if a.path.endswith(TRANSLATED))
    assert body(translated).startswith("A spokesman for the Commander-in-Chief")
    assert not body(translated).rstrip().endswith("shafaq.com")


def test_seed_body_keeps_every_paragraph():
    edited = next(a for a in articles_of(CORPUS) if a.path.endswith(EDITED))
    assert "Allawi concluded." in body(edited)
    assert "2,500 US troops" in body(edited)
    assert body(edited).count("\n") >= 10  # paragraphs stay apart


# --- other shapes -------------------------------------------------------------------------------

def test_bbc_shape(tmp_path: Path):
    (tmp_path / "001.txt").write_text(
        "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to "
        "$1.13bn (&#163;600m) for the three months to December.\n\nThe firm said it was pleased.\n")
    [article] = articles_of(tmp_path)
    assert article.title == "Ad sales boost Time Warner profit"
    assert (article.outlet, article.date, article.url) == (None, None, None)
    assert body(article).startswith("Quarterly profits")
    assert "(&#163;600m)" in body(article)  # kept as written: spans must stay verbatim
    assert len(article.paragraphs) == 2


def test_entities_a_crawl_left_in_a_title_are_decoded_and_the_body_kept_as_written(tmp_path: Path):
    (tmp_path / "a.txt").write_text("&#163;1.8m indecency fine for Viacom\n\n&#163;1.8m indecency fine for Viacom\n\n"
                                     "Media giant Viacom has paid a &#163;1.8m fine.\n")
    (tmp_path / "b.json").write_text(json.dumps({"title": "Tottenham bid &#163;8m", "outlet": "Q&amp;A News",
                                                 "text": "Spurs bid."}) + "\n")
    [text, record] = sorted(articles_of(tmp_path), key=lambda a: a.path)
    assert (text.title, record.title, record.outlet) == ("\u00a31.8m indecency fine for Viacom", "Tottenham bid \u00a38m",
                                                        "Q&A News")
    assert body(text) == "Media giant Viacom has paid a &#163;1.8m fine."  # the headline again is not body


_REPORT = ["Ex-chat show host Robert Kilroy-Silk has launched a new party, Veritas.",
           'Mr Kilroy-Silk said "our country" was being "stolen from us". He told a news conference Veritas is Latin.',
           "UKIP leader Roger Knapman says he was glad to see the back of Mr Kilroy-Silk.",
           "Mr Hockney also left UKIP. A spokesman for UKIP called on Mr Hockney to quit the London Assembly.",
           "The party asserts that Mr Hockney should stand down."]
_COMMENTS = ["Thank goodness that Kilroy-Silk has gone - now UKIP at least has a chance in the election!",
             "So UKIP was good enough for him to lead, not good enough for him to follow!",
             "Interesting that a party committed to plain speaking should have a Latin name!",
             "Well if you cannot get enough limelight being an ordinary MP then start up your own party.",
             "Let's hope this is the start of both of them slipping into obscurity.",
             "Veritas? The name will doom it. But perhaps I am wrong.",
             "I think he will do well, and I will vote for him."]


def test_readers_comments_after_an_article_are_not_body(tmp_path: Path):
    """A saved page's "Have your say" (BBC's re-crawl keeps them, unsigned): "Veritas?" answered
    "what is veritas". The report stays whole, the file's text and spans untouched."""
    (tmp_path / "a.txt").write_text("Kilroy launches 'Veritas' party\n\n" + "\n\n".join(_REPORT + _COMMENTS) + "\n")
    [article] = articles_of(tmp_path)
    assert body(article) == "\n".join(_REPORT)
    assert article.text == (tmp_path / "a.txt").read_text()
    assert "Veritas?" not in sentences(index_of(tmp_path))


@pytest.mark.parametrize("paragraphs", [
    _REPORT + _COMMENTS[:4],  # too few to tell from an article ending in a reader's voice
    ["I was born in 1938. The threat back then was Hitler.", "We were threatened by the bomb. We built shelters.",
     "Now I am told there is a mortal danger. So what?", "My point is that we have always coped.",
     *_COMMENTS],  # a column in the first person all through, then its readers
    _REPORT + ['"I am glad," he said. "Why would I not be?"', '"You can see we are ready!" he added.', *_COMMENTS[2:6]],
    _REPORT + ["My father wore a uniform for five years.", "The war ended in 1945.", "Mr Smith recalled it.",
               *_COMMENTS],  # the report ends in a first-person paragraph: no plain change of voice
])
def test_an_article_in_a_reader_s_voice_is_kept_whole(tmp_path: Path, paragraphs: list[str]):
    (tmp_path / "a.txt").write_text("Headline\n\n" + "\n\n".join(paragraphs) + "\n")
    [article] = articles_of(tmp_path)
    assert body(article) == "\n".join(paragraphs)


def test_explicit_files_and_special_paths(tmp_path: Path):
    (tmp_path / "a.txt").write_text("One\n\nFirst story.\n")
    (tmp_path / "b.md").write_text("Two\n\nSecond story.\n")
    warnings: list[str] = []
    found = find_files([tmp_path / "a.txt", tmp_path / "b.md", "/dev/null", tmp_path / "nope.txt"], warnings.append)
    assert found == [tmp_path / "a.txt", tmp_path / "b.md"]
    assert warnings == ["/dev/null: not a regular file, skipped", f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_a_file_reached_twice_is_read_once(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("One\n\nFirst story.\n")
    (tmp_path / "latest.txt").symlink_to(tmp_path / "sub" / "story.txt")
    found = find_files([tmp_path, tmp_path / "sub", tmp_path / "sub" / "story.txt"], print)
    assert found == [tmp_path / "latest.txt"]


def test_folders_skip_hidden_and_non_article_files(tmp_path: Path):
    for name in ("story.txt", "README.md", "LICENSE.txt", ".hidden.txt", "notes.html", "data.csv", "x.JSONL"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "log.txt").write_text("x")
    skipped: list[str] = []
    assert [p.name for p in find_files([tmp_path], print, skipped)] == ["notes.html", "story.txt", "x.JSONL"]
    assert skipped == [str(tmp_path / "data.csv")]  # counted, not silently dropped


def test_header_block(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Title: Dam opens on the Tigris\nDate: 5 February 2025\nSource: Rudaw\nURL: https://example.org/dam\n\n"
        "Engineers opened the Mosul dam gates on Monday.\n")
    [article] = articles_of(tmp_path)
    assert (article.title, article.date, article.outlet, article.url) == (
        "Dam opens on the Tigris", "2025-02-05", "Rudaw", "https://example.org/dam")
    assert body(article) == "Engineers opened the Mosul dam gates on Monday."


def test_markdown_heading(tmp_path: Path):
    (tmp_path / "a.md").write_text("# Floods in Basra\n\nRain closed *three* schools in Basra.\n\n- Roads shut.\n")
    [article] = articles_of(tmp_path)
    assert article.title == "Floods in Basra"
    assert "Floods" not in body(article)
    assert body(article) == "Rain closed three schools in Basra.\nRoads shut."  # rendered: no markup


def test_markdown_front_matter(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Oil exports rise\ndate: 2024-12-31\nsource: Iraqi News Agency\nurl: https://ina.iq/1\n---\n\n"
        "# Oil exports rise\n\nExports reached 3.4 million barrels a day.\n")
    [article] = articles_of(tmp_path)
    assert (article.title, article.date, article.outlet, article.url) == (
        "Oil exports rise", "2024-12-31", "Iraqi News Agency", "https://ina.iq/1")
    assert body(article) == "Exports reached 3.4 million barrels a day."


def test_json_lines(tmp_path: Path):
    rows = [{"title": "Bridge opens", "text": "The new bridge opened.", "date": "2025-01-03",
             "source": "AP", "url": "https://ap.example/b"},
            {"headline": "No meta", "body": "Only a body here."}]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second = articles_of(tmp_path)
    assert (first.title, first.date, first.outlet, first.url, first.text) == (
        "Bridge opens", "2025-01-03", "AP", "https://ap.example/b", "The new bridge opened.")
    assert (second.title, second.date, second.outlet, second.url) == ("No meta", None, None, None)
    assert first.source != second.source and first.path == second.path


def test_json_list_and_articles_object(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps([{"title": "One", "content": "First story text."}]))
    (tmp_path / "b.json").write_text(json.dumps({"articles": [{"title": "Two", "article": "Second story."}]}))
    assert [(a.title, a.text) for a in articles_of(tmp_path)] == [
        ("One", "First story text."), ("Two", "Second story.")]


def test_json_lines_pretty_printed_single_object(tmp_path: Path):
    (tmp_path / "one.jsonl").write_text(json.dumps({"title": "Solo", "text": "A lone record."}, indent=2))
    (tmp_path / "two.jsonl").write_text('{"title": "A", "text": "First."}\n{"title": "B", "text": "Second."}\n')
    assert [(a.title, a.text) for a in articles_of(tmp_path)] == [
        ("Solo", "A lone record."), ("A", "First."), ("B", "Second.")]


def test_json_line_separator_inside_a_string(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "T", "text": "Before\u2028after."}, ensure_ascii=False))
    [article] = articles_of(tmp_path)
    assert article.text == "Before\u2028after."



def test_json_lines_read_one_record_at_a_time(tmp_path: Path):
    """Records keep their own line (blank and broken lines counted), one string serves an outlet
    every record repeats, and a bad line is named in one warning."""
    lines = ['{"title": "A", "text": "First.", "source": "Wire"}', "", "{broken", '{"text": "Second.", "source": "Wire"}',
             '"just a string"', '{"title": "No text"}', '{"text": "Third.", "source": "Wire"}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    warnings: list[str] = []
    articles = parse_file(SourceFile(str(tmp_path / "feed.jsonl"), (tmp_path / "feed.jsonl").read_bytes()),
                          warnings.append)
    assert [(a.text, a.line, a.source.rpartition("#")[2]) for a in articles] == [
        ("First.", 1, "0"), ("Second.", 4, "1"), ("Third.", 7, "4")]
    assert articles[0].outlet == "Wire" and all(a.outlet is articles[0].outlet for a in articles)
    assert len(warnings) == 1 and "line 3" in warnings[0]

@pytest.mark.parametrize("written, iso", [
    ("2025-02-05 02:45", "2025-02-05"), ("5 February 2025", "2025-02-05"), ("February 5, 2025", "2025-02-05"),
    ("Wednesday, 5 February 2025", "2025-02-05"), ("2025/02/05", "2025-02-05"), ("not a date", None),
    ("5 February", None), ("  Wednesday, 5 February 2025 at 02:45 GMT  ", "2025-02-05"),
    ("5 February 2025 " + "x" * 5000, None)])
def test_parse_date(written: str, iso: str | None):
    assert parse_date(written) == iso


def test_metadata_is_never_invented(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Markets calm\n\nShares held steady on Tuesday in quiet trade.\n")
    [article] = articles_of(tmp_path)
    assert (article.outlet, article.date, article.url) == (None, None, None)


# --- spans are verbatim -------------------------------------------------------------------------

ODD_FILES = {
    "crlf.txt": b"Bridge repair\r\n\r\nEngineer Sam Lowe said the bridge reopens in May. Traffic resumes.\r\n"
                b"Drivers were relieved.\r\n",
    "cr.txt": b"Library news\r\rLibrarian Ada Quill said the library extends hours.\rMore books arrive.\r",
    "bom.txt": codecs.BOM_UTF8 + "Caf\u00e9 opens\n\nThe chef Zo\u00eb No\u00ebl said the caf\u00e9 opens soon. "
                                 "It seats \u201cforty\u201d.\n".encode(),
    "header.md": b"---\ntitle: Front\n---\n\n# Front\n\nA sentence here. Another one follows.\n\n* A list item.\n",
    "wrapped.txt": b"Wrapped story\n\nThis sentence is wrapped\nacross two lines. And it ends.\n",
}


@pytest.fixture
def odd_corpus(tmp_path: Path) -> Path:
    folder = folder_of(tmp_path / "odd", ODD_FILES)
    for seed in CORPUS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def test_spans_verbatim_in_every_text_file(odd_corpus: Path):
    index = index_of(odd_corpus)
    checked: set[str] = set()
    for sent in range(len(index)):
        article = index.article_of(sent)
        with open(article.path, encoding="utf-8-sig") as f:  # how answer_eval reads a citation
            on_disk = f.read()
        start, end = article.cited(int(index.sent_start[sent]), int(index.sent_end[sent]))
        assert on_disk[start:end] == index.text_of(sent)
        checked.add(Path(article.path).name)
    assert checked == set(ODD_FILES) | {EDITED, TRANSLATED}


def test_spans_verbatim_with_plain_open(odd_corpus: Path):
    """Without a BOM, `open(path).read()` is the text the spans index into."""
    index = index_of(odd_corpus)
    for sent in range(len(index)):
        article = index.article_of(sent)
        if not article.path.endswith("bom.txt"):
            text = open(article.path).read()
            start, end = article.cited(int(index.sent_start[sent]), int(index.sent_end[sent]))
            assert text[start:end] == index.text_of(sent)


def test_crlf_and_lone_cr_split_into_lines(odd_corpus: Path):
    index = index_of(odd_corpus)
    texts = sentences(index)
    assert "Drivers were relieved." in texts
    assert "More books arrive." in texts
    assert not any("\r" in t for t in texts)
    titles = {Path(a.path).name: a.title for a in index.articles}
    assert titles["crlf.txt"] == "Bridge repair" and titles["cr.txt"] == "Library news"
    assert titles["bom.txt"] == "Caf\u00e9 opens"


def test_wrapped_lines_make_one_sentence(odd_corpus: Path):
    assert "This sentence is wrapped\nacross two lines." in sentences(index_of(odd_corpus))


def test_headline_never_glued_to_body(odd_corpus: Path):
    for text in sentences(index_of(odd_corpus)):
        assert "Wrapped story" not in text and "Bridge repair" not in text


# --- decoding -----------------------------------------------------------------------------------

@pytest.mark.parametrize("data, text, note", [
    (b"plain ascii", "plain ascii", None),
    (codecs.BOM_UTF8 + "Zo\u00eb".encode(), "Zo\u00eb", None),
    (codecs.BOM_UTF16_LE + "Zo\u00eb\r\nx".encode("utf-16-le"), "Zo\u00eb\nx", None),
    (codecs.BOM_UTF16_BE + "Zo\u00eb".encode("utf-16-be"), "Zo\u00eb", None),
    ("Hello there, reader.".encode("utf-16-le"), "Hello there, reader.", "no byte-order mark; read as UTF-16"),
    ("Hello there, reader.".encode("utf-16-be"), "Hello there, reader.", "no byte-order mark; read as UTF-16"),
    ("Caf\u00e9 cr\u00e8me".encode("latin-1"), "Caf\u00e9 cr\u00e8me", "not UTF-8; read as Windows-1252"),
    (b"a\r\nb\rc\n", "a\nb\nc\n", None),
])
def test_decode(data: bytes, text: str, note: str | None):
    assert decode(data) == (text, note)


def test_decode_arabic_utf16_without_bom():
    arabic = "\u0645\u062d\u0645\u062f \u0634\u064a\u0627\u0639 \u0627\u0644\u0633\u0648\u062f\u0627\u0646\u064a met envoys. " * 30
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(arabic.encode(codec)) == (arabic, "no byte-order mark; read as UTF-16")


def test_decode_utf8_with_a_broken_byte_stays_utf8():
    text, note = decode("Zo\u00eb said \u201chi\u201d.".encode() + b"\xff tail")
    assert text == "Zo\u00eb said \u201chi\u201d.\ufffd tail"
    assert note and "invalid UTF-8" in note


@pytest.mark.parametrize("data, note", [
    (b"", "empty"), (b" \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"PK\x03\x04\x14\x00\x00\x00", "binary"), (b"abc\x00def\x00" * 10, "binary"),
    (bytes(range(256)) * 8, "binary"),
])
def test_decode_rejects(data: bytes, note: str):
    assert decode(data) == (None, note)


def test_parse_file_warns_once_naming_the_file():
    warnings: list[str] = []
    assert parse_file(SourceFile("x/pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), warnings.append) == []
    assert warnings == ["x/pic.txt: binary, skipped"]


@pytest.mark.parametrize("name, iso", [("shafaq-2025-02-05-coalition-stay.txt", "2025-02-05"),
                                       ("report-2025-13-45.txt", None), ("id-120250205.txt", None)])
def test_an_article_with_no_date_of_its_own_takes_the_date_its_file_name_writes(tmp_path: Path, name: str,
                                                                                 iso: str | None):
    """The embedded seed's edited article writes its date only in its file name: its citations said "undated"."""
    (tmp_path / name).write_text("Bridge opens.\n\nThe county council opened the bridge in Selby.\n")
    assert parse_file(SourceFile(str(tmp_path / name), (tmp_path / name).read_bytes()), print)[0].date == iso


def test_a_date_the_article_writes_wins_over_its_file_name(tmp_path: Path):
    path = tmp_path / "x-2025-02-05.txt"
    path.write_text("Bridge opens.\n2024-03-01 02:45\n\nThe council opened the bridge.\n")
    assert parse_file(SourceFile(str(path), path.read_bytes()), print)[0].date == "2024-03-01"
