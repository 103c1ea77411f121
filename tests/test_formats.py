"""Web pages, feeds, PDFs, Word files and Markdown: their text, their metadata, and citations that
check out (in the file, or in the extracted text `briefbot sources --text N` prints)."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from briefbot import cli
from briefbot.cache import load
from briefbot.corpus import CorpusError, SourceFile, parse_file

from makers import docx, folder_of, pdf

PAGE = """<!doctype html>
<html><head>
<title>Ferry returns to Kerrera | Oban Times</title>
<meta property="og:site_name" content="Oban Times">
<meta property="og:title" content="Ferry returns to Kerrera">
<meta name="date" content="2025-03-04">
<link rel="canonical" href="https://obantimes.example/ferry-returns">
<script>document.write("Subscribe now for 1 pound")</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport news and results</a></li></ul></nav>
<div class="ad">Advertisement: cheap flights to Glasgow every weekend</div>
<article><h1>Ferry returns to Kerrera</h1>
<p>The ferry to Kerrera will run again from Monday, the council said on Tuesday.</p>
<p>Harbour master Ewan Black said the new pier cost 2.4 million pounds and took two years to build.</p>
<p>Islanders had waited since the storm of January to cross without a private boat.</p>
<p>The ferry company said 300 islanders subscribed to its season pass.</p>
<p>Subscribe now to our eEdition for the full story!</p>
</article>
<div class="comments"><h3>Comments</h3><p>I never liked that ferry anyway, said a reader.</p></div>
<footer>Copyright Oban Times Group. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Herald</title><link>https://herald.example/</link>
<item><title>Pier opens</title><link>https://herald.example/pier</link>
<pubDate>Wed, 05 Feb 2025 09:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The new pier opened on <b>Wednesday</b> after a ceremony.</p>
<p>Mayor Vera Stone cut the ribbon at noon.</p><script>alert("x")</script>]]></content:encoded></item>
<item><title>Tides</title><link>https://herald.example/tides</link>
<pubDate>Thu, 06 Feb 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;High tide reaches the harbour wall at six in the evening.&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Island Weekly</title>
<entry><title>Lighthouse keeper retires</title><link href="https://weekly.example/keeper"/>
<updated>2024-11-30T10:00:00Z</updated>
<summary type="html">&lt;p&gt;The lighthouse keeper Morag Reid retired after forty years.&lt;/p&gt;</summary></entry>
</feed>
"""

MARKDOWN = ("---\ntitle: \"Quay repairs\"\ndate: 2025-01-10\nsource: Quay News\n---\n\n"
            "The repairs cost **£42 million** in all. The [free ferry service](https://quay.example/ferry) "
            "starts in June.\n")


def parsed(name: str, data: bytes) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return parse_file(SourceFile(name, data), warnings.append), warnings


# --- each format ------------------------------------------------------------------------------

def test_web_page_main_text_and_metadata():
    [article], warnings = parsed("ferry.html", PAGE.encode())
    assert not warnings
    assert (article.title, article.outlet, article.date, article.url) == (
        "Ferry returns to Kerrera", "Oban Times", "2025-03-04", "https://obantimes.example/ferry-returns")
    assert article.offsets == "extracted"
    assert "Harbour master Ewan Black said the new pier cost 2.4 million pounds" in article.text
    assert "300 islanders subscribed to its season pass" in article.text  # news about subscribers stays
    assert article.text.startswith("The ferry to Kerrera will run")  # the headline is not body too
    for boilerplate in ("Subscribe", "Sport news", "cheap flights", "never liked", "Copyright", "<p>"):
        assert boilerplate not in article.text
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end] != ""


def test_a_page_s_headings_and_links_to_other_stories_are_not_body():
    """A gallery's title inside the story ("Europe starts to ease itself out of Coronavirus
    lockdown") answered "when does the quarantine start"; a section's heading and a labelled
    link to another story are no sentences of the report either. Every paragraph stays."""
    page = PAGE.replace("<p>Islanders had waited", '<div class="gallery" role="button"><header><h2>Island ferries in '
                        "pictures</h2></header></div><h3>A long wait</h3><p>Islanders had waited").replace(
        "<p>The ferry company said", '<p>Read: <a href="/other">Storm closes the harbour for a week</a></p>'
                                     "<p>The ferry company said")
    [article], _ = parsed("ferry.html", page.encode())
    for furniture in ("in pictures", "A long wait", "Storm closes"):
        assert furniture not in article.text
    [plain], _ = parsed("ferry.html", PAGE.encode())
    assert article.text == plain.text


def test_a_site_name_made_from_the_domain_gives_way_to_the_one_in_the_title():
    page = PAGE.replace('<meta property="og:site_name" content="Oban Times">', "").replace(
        '<link rel="canonical" href="https://obantimes.example/ferry-returns">',
        '<link rel="canonical" href="https://www.thetimesofoban.example/ferry">').replace(
        "<title>Ferry returns to Kerrera | Oban Times</title>", "<title>Ferry returns to Kerrera | The Times of Oban</title>")
    [article], _ = parsed("ferry.html", page.encode())
    assert article.outlet == "The Times of Oban"


def test_a_web_page_saved_as_text_is_read_as_a_web_page():
    [article], _ = parsed("ferry.txt", PAGE.encode())
    assert article.title == "Ferry returns to Kerrera" and "<" not in article.text


def test_rss_items_are_articles():
    articles, warnings = parsed("herald.rss", RSS.encode())
    assert not warnings
    pier, tides = articles
    assert (pier.title, pier.outlet, pier.date, pier.url) == (
        "Pier opens", "Harbour Herald", "2025-02-05", "https://herald.example/pier")
    assert pier.text == "The new pier opened on Wednesday after a ceremony.\nMayor Vera Stone cut the ribbon at noon."
    assert (tides.date, tides.text) == ("2025-02-06", "High tide reaches the harbour wall at six in the evening.")
    assert pier.source == "herald.rss#0" and tides.source == "herald.rss#1"
    assert (pier.line, tides.line) == (4, 9)  # the line of the feed each item starts on


def test_atom_entries_are_articles():
    [keeper], _ = parsed("weekly.xml", ATOM.encode())
    assert (keeper.title, keeper.outlet, keeper.date, keeper.url) == (
        "Lighthouse keeper retires", "Island Weekly", "2024-11-30", "https://weekly.example/keeper")
    assert keeper.text == "The lighthouse keeper Morag Reid retired after forty years."


def test_xml_that_is_no_feed_is_skipped_saying_so():
    articles, warnings = parsed("data.xml", b"<?xml version='1.0'?><catalog><book>A</book></catalog>")
    assert articles == [] and warnings == ["data.xml: not an RSS or Atom feed, skipped"]


HARBOUR_PDF = [["Harbour Report 2025", "The ferry service to the island will re-", "sume in May, the council said.",
                "Tickets cost five pounds.", "Page 1 of 3"],
               ["Harbour Report 2025", "Engineers repaired the pier in", "six weeks.", "Page 2 of 3"],
               ["Harbour Report 2025", "The mayor Vera Stone opened it.", "Page 3 of 3"]]


def test_pdf_pages_without_running_heads_and_dehyphenated():
    [article], warnings = parsed("report.pdf", pdf(HARBOUR_PDF, title="Harbour review", created="D:20250205120000Z"))
    assert not warnings
    assert (article.title, article.date, article.offsets) == ("Harbour review", "2025-02-05", "extracted")
    assert article.text == ("The ferry service to the island will resume in May, the council said.\n"
                            "Tickets cost five pounds.\nEngineers repaired the pier in six weeks.\n"
                            "The mayor Vera Stone opened it.")
    assert [article.page_of(article.text.index(s)) for s in ("Tickets", "Engineers", "The mayor")] == [1, 2, 3]


@pytest.mark.parametrize("written", ["Microsoft Word - harbour draft 3.docx", "Untitled", "report-final.pdf"])
def test_a_title_the_tool_wrote_is_no_title(written: str):
    [article], _ = parsed("report.pdf", pdf(HARBOUR_PDF, title=written))
    assert article.title is None


def test_scanned_pdf_is_skipped_with_a_warning_saying_so():
    articles, warnings = parsed("scan.pdf", pdf([[], []]))
    assert articles == []
    assert warnings == ["scan.pdf: no text layer (a scanned PDF?); briefbot does not read images, skipped"]


def test_broken_pdf_is_one_warning():
    articles, warnings = parsed("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R")
    assert articles == [] and len(warnings) == 1 and warnings[0].startswith("broken.pdf: not a readable PDF")


def test_word_file_title_from_properties_or_first_heading():
    [a], _ = parsed("release.docx", docx(["The harbour opens on Friday.", "Boats may moor free for a week."],
                                         title="Press release: harbour"))
    assert (a.title, a.text, a.offsets) == (
        "Press release: harbour", "The harbour opens on Friday.\nBoats may moor free for a week.", "extracted")
    [b], _ = parsed("notice.docx", docx(["The slipway closes in March."], heading="Slipway notice"))
    assert (b.title, b.text) == ("Slipway notice", "The slipway closes in March.")


UNDATED = {  # the same report in each format briefbot reads, none writing a date of its own
    ".txt": b"Pier opens\n\nThe new pier opened after a ceremony.\n",
    ".md": b"# Pier opens\n\nThe new pier opened after a **ceremony**.\n",
    ".jsonl": json.dumps({"title": "Pier opens", "text": "The new pier opened after a ceremony."}).encode() + b"\n",
    ".json": json.dumps([{"title": "Pier opens", "text": "The new pier opened after a ceremony."}]).encode(),
    ".html": b"<html><head><title>Pier opens</title></head><body><article><p>The new pier opened after a "
             b"ceremony that the whole island came to see on the quay.</p></article></body></html>",
    ".rss": b"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Herald</title><item>"
            b"<title>Pier opens</title><description>The new pier opened after a ceremony.</description>"
            b"</item></channel></rss>",
    ".pdf": pdf([["The new pier opened after a ceremony."]], title="Pier opens"),
    ".docx": docx(["The new pier opened after a ceremony."], title="Pier opens", dated=False),
}


@pytest.mark.parametrize("suffix", sorted(UNDATED))
def test_every_format_without_a_date_of_its_own_takes_the_one_its_file_name_writes(suffix: str):
    """The file name's date was read for text and Markdown only: an undated web page, feed, PDF,
    Word file or JSON record named "pier-2025-02-05…" was "undated"."""
    undated, _ = parsed(f"pier{suffix}", UNDATED[suffix])
    articles, warnings = parsed(f"herald-2025-02-05-pier{suffix}", UNDATED[suffix])
    assert not warnings and [a.date for a in undated] == [None]
    assert [a.date for a in articles] == ["2025-02-05"]


def test_a_date_a_file_holds_wins_over_its_file_name():
    [article], _ = parsed("report-2024-01-01.pdf", pdf(HARBOUR_PDF, created="D:20250205120000Z"))
    assert article.date == "2025-02-05"


def test_markdown_rendered_with_citations_in_the_file(tmp_path: Path):
    (tmp_path / "quay.md").write_text(MARKDOWN)
    index = load([str(tmp_path)], lambda line: None, use_cache=False)
    [article] = index.articles
    assert (article.title, article.date, article.outlet, article.offsets) == (
        "Quay repairs", "2025-01-10", "Quay News", "file")  # front matter without its quotes
    sentences = [index.text_of(s) for s in range(len(index))]
    assert sentences == ["The repairs cost £42 million in all.", "The free ferry service starts in June."]
    start, end = article.cited(int(index.sent_start[1]), int(index.sent_end[1]))
    assert MARKDOWN[start:end] == "The [free ferry service](https://quay.example/ferry) starts in June."
    start, end = article.cited(int(index.sent_start[0]), int(index.sent_end[0]))
    assert MARKDOWN[start:end] == "The repairs cost **£42 million** in all."
    assert article.line_of(int(index.sent_start[1])) == 7
    assert article.in_text(start, end) == (int(index.sent_start[0]), int(index.sent_end[0]))


# --- a corpus of every kind ----------------------------------------------------------------------

MIXED = {
    "ferry.html": PAGE.encode(),
    "herald.rss": RSS.encode(),
    "report.pdf": pdf(HARBOUR_PDF, title="Harbour review"),
    "release.docx": docx(["The harbour opens on Friday after the dredging."], title="Press release"),
    "quay.md": MARKDOWN.encode(),
    "wire.jsonl": (json.dumps({"title": "Wire", "text": "Fishermen landed a record catch of mackerel."}) + "\n"
                   + json.dumps({"title": "Wire 2", "text": "The lifeboat crew rescued two kayakers."})
                   + "\n").encode(),
    "notes.txt": b"Notes\n\nThe harbour cafe reopens at Easter.\n",
}
QUESTIONS = {  # a fact from each kind of file
    "how much did the new pier cost": "ferry.html",
    "who cut the ribbon": "herald.rss",
    "when will the ferry service resume": "report.pdf",
    "when does the harbour open": "release.docx",
    "how much did the repairs cost": "quay.md",
    "who rescued the kayakers": "wire.jsonl",
    "when does the cafe reopen": "notes.txt",
}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = folder_of(tmp_path / "story", MIXED)
    (folder / "slides.key").write_bytes(b"keynote")
    (folder / "draft.docm").write_bytes(b"macro")
    (folder / "world.toml").write_text("ignore = []\n")  # briefbot's own files are not counted as skipped
    (folder / "synonyms.txt").write_text("quay, pier\n")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_mixed_corpus_answers_from_every_kind_with_checkable_citations(mixed: Path, capsys):
    code, out, err = run(capsys, "sources", "--json", "--corpus", str(mixed))
    assert err == "briefbot: skipped 2 file(s) of types it does not read: .docm, .key\n"
    sources = {s["source"]: s for s in json.loads(out)}
    assert {Path(s["path"]).name for s in sources.values()} == set(MIXED)
    for question, name in QUESTIONS.items():
        code, out, _ = run(capsys, "ask", "--json", "--corpus", str(mixed), question)
        answer = json.loads(out)["answers"][0]
        citation = answer["citations"][0]
        assert Path(citation["path"]).name == name, question
        n = sources[citation["source"]]["n"]
        _, text, _ = run(capsys, "sources", "--corpus", str(mixed), "--text", str(n))
        if citation["offsets"] == "extracted":
            assert text[citation["start"]:citation["end"]] == answer["text"]
        else:
            assert Path(citation["path"]).read_text()[citation["start"]:citation["end"]].replace("**", "") \
                == answer["text"]
        assert (citation["page"] is not None) == name.endswith(".pdf")
        assert citation["offsets"] == ("file" if name.endswith((".md", ".txt")) else "extracted")


def test_json_lines_citation_gives_the_record_and_its_line(mixed: Path, capsys):
    code, out, _ = run(capsys, "ask", "--json", "--corpus", str(mixed), "who rescued the kayakers")
    citation = json.loads(out)["answers"][0]["citations"][0]
    assert (citation["record"], citation["line"]) == (1, 2)


def test_sources_text_as_json_is_exact(mixed: Path, capsys):
    _, out, _ = run(capsys, "sources", "--json", "--corpus", str(mixed))
    n = next(s["n"] for s in json.loads(out) if s["path"].endswith("report.pdf"))
    _, out, _ = run(capsys, "sources", "--json", "--text", str(n), "--corpus", str(mixed))
    shown = json.loads(out)
    assert shown["offsets"] == "extracted" and shown["text"].startswith("The ferry service to the island will resume")
    code, _, err = run(capsys, "sources", "--text", "99", "--corpus", str(mixed))
    assert code == 2 and "no source 99" in err


def test_sources_text_keeps_line_ends_so_offsets_hold(mixed: Path, capsys):
    """The plain text printed is the extracted text character for character, line ends included."""
    _, out, _ = run(capsys, "sources", "--json", "--corpus", str(mixed))
    n = next(s["n"] for s in json.loads(out) if s["path"].endswith("report.pdf"))
    _, out, _ = run(capsys, "sources", "--json", "--text", str(n), "--corpus", str(mixed))
    text = json.loads(out)["text"]
    _, shown, _ = run(capsys, "sources", "--text", str(n), "--corpus", str(mixed))
    assert "\n" in text and shown == text


def test_folder_with_nothing_readable_says_what_it_holds_and_what_works(tmp_path: Path):
    (tmp_path / "a.key").write_bytes(b"x")
    (tmp_path / "b.numbers").write_bytes(b"x")
    with pytest.raises(CorpusError) as e:
        load([str(tmp_path)], lambda line: None, use_cache=False)
    assert "(it holds .key, .numbers)" in str(e.value)
    assert ".docx" in str(e.value) and ".html" in str(e.value) and ".pdf" in str(e.value)


def test_cache_keeps_what_citations_need(mixed: Path):
    first = load([str(mixed)], lambda line: None)
    again = load([str(mixed)], lambda line: None)
    assert again.cache_file == first.cache_file
    assert [(a.offsets, a.runs, a.pages, a.line) for a in again.articles] == \
        [(a.offsets, a.runs, a.pages, a.line) for a in first.articles]
    assert any(a.runs for a in again.articles) and any(a.pages for a in again.articles)


# --- hostile pages ------------------------------------------------------------------------------

def test_script_payloads_and_escapes_in_the_title_stay_text(tmp_path: Path, capsys):
    page = PAGE.replace("<title>Ferry returns to Kerrera | Oban Times</title>",
                        "<title>Ferry \x1b]0;pwned\x07returns</title>").replace(
        '<meta property="og:title" content="Ferry returns to Kerrera">', "")
    page = page.replace("<p>Islanders", "<p><script>alert('x')</script><img src=x onerror=alert(1)>Islanders")
    (tmp_path / "evil.html").write_text(page)
    code, out, _ = run(capsys, "sources", "--corpus", str(tmp_path))
    assert "\x1b" not in out and "\x07" not in out
    _, text, _ = run(capsys, "sources", "--corpus", str(tmp_path), "--text", "1")
    assert "alert" not in text and "onerror" not in text


def test_too_large_a_page_is_skipped_with_a_warning(tmp_path: Path):
    (tmp_path / "huge.html").write_bytes(b"<html><body><p>" + b"word " * 5_000_000 + b"</p></body></html>")
    (tmp_path / "fine.html").write_text(PAGE)
    warnings: list[str] = []
    index = load([str(tmp_path)], warnings.append, use_cache=False)
    assert warnings == [f"{tmp_path / 'huge.html'}: 25 MB is too large for a web page, skipped"]
    assert [Path(a.path).name for a in index.articles] == ["fine.html"]


# --- briefbot add ---------------------------------------------------------------------------------

@pytest.fixture
def site(httpserver):
    """A local web server (127.0.0.1) serving pages the tests write: the network is never reached."""
    httpserver.expect_request("/ferry").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/old").respond_with_data("", status=301,
                                                        headers={"Location": httpserver.url_for("/ferry")})
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/data.csv").respond_with_data("a,b\n1,2\n", content_type="text/csv")
    httpserver.expect_request("/empty").respond_with_data(
        "<html><head><title>Gallery</title></head><body><img src='a.jpg'><script>var x = 1;</script></body></html>",
                                                          content_type="text/html")
    return httpserver


def test_add_saves_pages_and_warns_once_per_failed_url(site, tmp_path: Path, capsys):
    folder = tmp_path / "story"
    urls = [site.url_for(p) for p in ("/ferry", "/old", "/gone", "/data.csv", "/empty")]
    code, out, err = run(capsys, "add", "--to", str(folder), *urls)
    assert code == 0
    [saved] = folder.iterdir()
    assert out == f"{saved}\tFerry returns to Kerrera\n"
    warnings = [line for line in err.splitlines() if line.startswith("briefbot: ")]
    assert warnings == [f"briefbot: {urls[1]}: already saved as {saved}",  # the redirect led to it
                        f"briefbot: {urls[2]}: HTTP error 404 (NOT FOUND)",
                        f"briefbot: {urls[3]}: not a web page (text/csv)",
                        f"briefbot: {urls[4]}: no article text found in the page, not saved"]
    assert f"[5/5] {urls[4]}" in err
    code, out, err = run(capsys, "add", "--to", str(folder), urls[0], urls[0])  # asked again: not fetched twice
    assert out == "" and list(folder.iterdir()) == [saved]
    assert err.count(f"briefbot: {urls[0]}: already saved as ") == 1
    index = load([str(folder)], lambda line: None, use_cache=False)
    assert {a.url for a in index.articles} == {"https://obantimes.example/ferry-returns"}  # the page's own
    assert {a.title for a in index.articles} == {"Ferry returns to Kerrera"}


def test_add_reads_urls_from_stdin_and_keeps_the_url_of_a_page_without_one(site, tmp_path: Path, capsys,
                                                                          monkeypatch):
    bare = PAGE.replace('<link rel="canonical" href="https://obantimes.example/ferry-returns">', "")
    site.expect_request("/bare").respond_with_data(bare, content_type="text/html")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(f"# to read\n{site.url_for('/bare')}\n\n"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "add", "--corpus", str(tmp_path), "-")
    assert code == 0
    [page] = tmp_path.glob("*.html")
    [article] = load([str(page)], lambda line: None, use_cache=False).articles
    assert article.url == site.url_for("/bare")
    assert b"fetched by briefbot on " in page.read_bytes()


def test_add_when_nothing_can_be_reached(tmp_path: Path, capsys):
    code, out, err = run(capsys, "add", "--to", str(tmp_path / "x"), "http://127.0.0.1:9/page", "ftp://example/x")
    assert code == 1 and out == ""
    assert "briefbot: http://127.0.0.1:9/page: cannot reach it" in err
    assert "briefbot: ftp://example/x: not a web address (http://, https:// or file://)" in err
    assert "Added 0 of 2 page(s)" in err


def test_add_times_out(httpserver, tmp_path: Path, capsys, monkeypatch):
    import time

    from briefbot import fetch
    monkeypatch.setattr(fetch, "TIMEOUT", 0.2)

    def slow(request):
        time.sleep(0.6)
        from werkzeug import Response
        return Response(PAGE, content_type="text/html")
    httpserver.expect_request("/slow").respond_with_handler(slow)
    code, _, err = run(capsys, "add", "--to", str(tmp_path), httpserver.url_for("/slow"))
    assert code == 1 and "(timed out)" in err


def test_feed_of_100k_items_reads_the_first_ones_with_a_warning():
    items = "".join(f"<item><title>Item {i}</title><description>Boats sailed {i} times.</description></item>"
                    for i in range(100_000))
    data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()
    articles, warnings = parsed("big.rss", data)
    assert warnings == ["big.rss: 100000 items; the first 2000 read"]
    assert len(articles) == 2000 and articles[-1].text == "Boats sailed 1999 times."


def test_pdf_of_many_pages_and_a_nesting_bomb():
    articles, warnings = parsed("many.pdf", pdf([["The harbour opened."]] + [[]] * 2100))
    assert warnings == ["many.pdf: 2101 pages; the first 2000 read"] and articles[0].text == "The harbour opened."
    deep = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 200_000 + b"]" * 200_000
            + b" >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    articles, warnings = parsed("deep.pdf", deep)
    assert articles == [] and warnings == ["deep.pdf: not a readable PDF (PdfReadError), skipped"]


def test_verbose_names_every_skipped_file(mixed: Path, capsys):
    code, _, err = run(capsys, "sources", "-v", "--corpus", str(mixed))
    assert err.splitlines() == ["briefbot: skipped 2 file(s) of types it does not read: .docm, .key",
                                f"briefbot: {mixed / 'draft.docm'}: skipped (briefbot does not read .docm files)",
                                f"briefbot: {mixed / 'slides.key'}: skipped (briefbot does not read .key files)"]


def test_a_pdf_answer_says_its_page(mixed: Path, capsys, monkeypatch):
    code, out, _ = run(capsys, "ask", "--corpus", str(mixed), "who opened the pier")
    assert "\u00b7 p. 3" in out.splitlines()[2]  # the compact citation line gives the page
    monkeypatch.setattr(sys, "stdin", io.StringIO("who opened the pier\nsource?\n"))
    code, out, _ = run(capsys, "ask", "--corpus", str(mixed), "-")
    assert "report.pdf, page 3" in out  # and the full one, on `source?`


def test_extraction_on_every_core_gives_what_one_process_gives(monkeypatch):
    from briefbot import corpus
    files = [SourceFile(f"page{n:02d}.html", PAGE.replace("Kerrera", f"Kerrera {n}").encode()) for n in range(16)]
    files.insert(5, SourceFile("broken.pdf", b"%PDF-1.4 nothing"))
    monkeypatch.setattr(corpus, "cores", lambda: 2)
    parallel: list[str] = []
    in_workers = corpus.parse_files(files, parallel.append)
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 10**6)
    serial: list[str] = []
    assert in_workers == corpus.parse_files(files, serial.append)
    assert parallel == serial == ["broken.pdf: not a readable PDF (PdfStreamError), skipped"]
    assert [a.title for a in in_workers] == [f"Ferry returns to Kerrera {n}" for n in range(16)]


def test_tui_reader_marks_the_rendered_markdown_sentence(tmp_path: Path):
    from test_tui import RecordingApp, drive, play

    from briefbot.tui.screens import ReaderScreen
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "quay.md").write_text(MARKDOWN + "\nBoats moor at the **north quay** from May. "
                                               "The harbour fee is *ten* pounds.\n")
    index = load([str(folder)], lambda line: None, use_cache=False)
    app = RecordingApp(index=index, home=tmp_path)

    async def scenario(pilot) -> None:
        await play(pilot, "where do boats moor")
        citation = app.session.searcher.search("where do boats moor").answers[0].citations[0]
        app.read(citation)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        text = app.screen.query(".cited").first().content
        highlighted = "".join(text.plain[s.start:s.end] for s in text.spans if "reverse" in str(s.style))
        assert highlighted == "Boats moor at the north quay from May."
    drive(app, scenario, size=(80, 24))


def test_the_set_up_commands_bring_a_pip_that_reads_lxml_s_extras():
    """pip 23.2 (what a Python 3.11 venv starts with) reads justext's `lxml[html_clean]` against
    lxml's standard `html-clean` and warns at every install; a current pip (PEP 685) does not."""
    root = Path(__file__).resolve().parent.parent
    commands = [line for line in (root / "README.md").read_text().splitlines() + (root / ".ci" / "run").read_text()
                .splitlines() if "python3 -m venv" in line]
    assert len(commands) >= 3 and all("python3 -m venv --upgrade-deps .venv" in line for line in commands)
