"""The `briefbot` command: the TUI with no arguments, `ask` for one-shot lines, `sources` to list articles.

Textual is imported only when the TUI starts, so `briefbot ask` stays fast and headless.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

# briefbot multiplies no large matrices: NumPy's OpenBLAS need not start a thread a core when it
# loads (20 ms of the 0.3 s a warm `ask` takes). Set before anything imports NumPy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if TYPE_CHECKING:  # imported when used: `ask` stays fast, and never loads what it does not need
    from rich.console import Console

    from briefbot.reply import Reply, SourceInfo
    from briefbot.session import Session

EXIT_ANSWERED, EXIT_NO_ANSWER, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _corpus_options(under_command: bool) -> argparse.ArgumentParser:
    """--corpus and --no-cache, accepted before or after the command. A command's copy has no
    defaults of its own (argparse.SUPPRESS), else it would undo the same option given before it."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--corpus", action="append", metavar="PATH",
                         default=argparse.SUPPRESS if under_command else None,
                         help="a folder (searched recursively) or file of articles; may repeat "
                              "(default: $BRIEFBOT_CORPUS, else the embedded briefing)")
    options.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS if under_command else False,
                         help="index afresh; do not read or write the cache")
    options.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS if under_command else False,
                         help="name every file skipped, not only how many")
    return options


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", parents=[_corpus_options(False)],
                                     description="Get briefed on a folder of news articles by talking to it.")
    from briefbot import __version__
    parser.add_argument("--version", action="version", version=f"briefbot {__version__}")
    sub = parser.add_subparsers(dest="command")
    corpus = _corpus_options(True)
    ask = sub.add_parser("ask", parents=[corpus], help="answer one line (a question or any chat command)")
    ask.add_argument("-k", type=_count, default=3, help="how many answers (default 3)")
    ask.add_argument("--json", action="store_true", help="print JSON (one object a line with -)")
    ask.add_argument("question", nargs="+", help="the question; - reads one question a line from stdin")
    sources = sub.add_parser("sources", parents=[corpus], help="list the articles")
    sources.add_argument("--json", action="store_true", help="print JSON")
    sources.add_argument("--text", type=_count, metavar="N",
                         help="print source N's text exactly as citations count it (the extracted text of a web "
                              "page, feed, PDF or Word file)")
    add = sub.add_parser("add", parents=[corpus], help="fetch web pages into a corpus folder")
    add.add_argument("--to", metavar="FOLDER", help="where to save them (default: the first --corpus folder, "
                                                   "else briefbot's own folder in the user data dir)")
    add.add_argument("urls", nargs="+", metavar="URL",
                     help="a web address; a file of them, one a line; - reads them from stdin")
    sub.add_parser("tui", parents=[corpus], help="the chat interface (the default)")
    return parser


def _corpus_paths(args: argparse.Namespace) -> list[str] | None:
    if args.corpus:
        return args.corpus
    env = os.environ.get("BRIEFBOT_CORPUS")
    return env.split(os.pathsep) if env else None


def _warn(line: str) -> None:
    from briefbot.text import safe
    print(f"briefbot: {safe(line)}", file=sys.stderr)  # a warning names files: their names are hostile


PIPE_PROGRESS_SECONDS = 5  # on a pipe or a log, a line at most this often (a terminal redraws its one line)


class _Progress:
    """Progress of long work on stderr, once it has taken more than a second."""

    def __init__(self, doing: str, unit: str) -> None:
        self.doing, self.unit = doing, unit
        self.started: float | None = None  # at the first report: work may start long after this object
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        self.started = self.started or now
        tty = sys.stderr.isatty()
        every = 0.2 if tty else PIPE_PROGRESS_SECONDS
        if now - self.started < 1 or (now - self.shown < every and done < total):
            return
        if not tty and done < total and now - self.started < PIPE_PROGRESS_SECONDS:
            return
        self.shown = now
        line = f"{self.doing} {done}/{total} {self.unit}"
        if tty:
            print(f"\r{line} ({100 * done // max(total, 1)}%)", end="\n" if done >= total else "", file=sys.stderr)
        else:
            print(line, file=sys.stderr)


def open_session(args: argparse.Namespace, k: int = 3) -> Session:
    """The session on the corpus; the index it loaded lives as long as the process, so it is frozen
    out of every later collection's walk (as the TUI does once ready)."""
    from briefbot.session import Session
    session = Session.open(_corpus_paths(args), _warn, _Progress("Indexing", "articles"), use_cache=not args.no_cache,
                           list_skipped=args.verbose, k=k,
                           world_progress=_Progress("Finding people, places and facts:", "passes"))
    gc.freeze()
    return session


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _import_engine()
    from briefbot.session import CorpusError
    try:
        if args.command == "add":
            return _add(args)
        missing = [p for p in _corpus_paths(args) or [] if not os.path.exists(p)]
        if missing:  # a typo: said once, and before the app starts (not on a screen where nothing can be typed)
            raise CorpusError(f"{', '.join(missing)}: no such file or folder")
        if args.command == "ask":
            return _ask(args)
        if args.command == "sources":
            return _sources(args)
        from briefbot.tui.app import run
        return run(_corpus_paths(args), use_cache=not args.no_cache)
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return EXIT_ANSWERED
    except CorpusError as e:
        _warn(str(e))
        return EXIT_USAGE


def _import_engine() -> None:
    """Import the engine (NumPy, the index, search, the session) with garbage collection off, then
    freeze what importing made: modules, classes, functions and patterns live as long as the
    process, yet the ≈70 collections importing them triggered walked them again and again (≈20 ms of
    a warm `ask`), and every later one would. Once a process (the tests) has imported it, nothing."""
    if "briefbot.session" in sys.modules:
        return
    gc.disable()
    try:
        importlib.import_module("briefbot.session")
    finally:
        gc.freeze()
        gc.enable()


def _lines(args: argparse.Namespace) -> Iterable[str]:
    if args.question == ["-"]:
        for n, line in enumerate(sys.stdin):  # a BOM and a Windows line end ("\r\n") are no part of a question
            yield line.rstrip("\r\n").lstrip("\ufeff") if n == 0 else line.rstrip("\r\n")
    else:
        yield " ".join(args.question)


def _ask(args: argparse.Namespace) -> int:
    """Each line a turn of one game, in order: `go`, `save` and follow-ups work across lines of `-`."""
    from briefbot.reply import ERROR, NO_ANSWER
    from briefbot.session import echo
    from briefbot.text import safe
    session = open_session(args, args.k)
    status = EXIT_ANSWERED
    batch = args.question == ["-"]
    console = None if args.json else _console()
    warned = False
    for line in _lines(args):
        if batch and not line.strip():
            continue  # a blank line in a file of questions is no question (the chat's Enter = look)
        reply = session.handle(line)
        if not warned and reply.view is not None and reply.view.warnings:  # e.g. a world.toml that could not be used
            warned = True
            for warning in reply.view.warnings:
                _warn(warning)
        if args.json:
            print(json.dumps(reply.to_json()), flush=batch)
        else:
            if batch:  # which question these answers are for
                print(safe(echo(line)), flush=True)
            _print_reply(console, reply)
        if reply.status in (NO_ANSWER, ERROR) and status == EXIT_ANSWERED:
            status = EXIT_NO_ANSWER
        if reply.verb == "quit":  # "Goodbye." ends the game: lines after it are not read
            break
    return status


def _console() -> Console | None:
    """None for plain text (a pipe, NO_COLOR): Rich is then never imported (≈25 ms of a warm `ask`)."""
    if "NO_COLOR" in os.environ or not sys.stdout.isatty():
        return None
    from rich.console import Console
    return Console(highlight=False, markup=False, emoji=False)


def _print_reply(console: Console | None, reply: Reply) -> None:
    if console is None:
        from briefbot.plain import plain
        sys.stdout.write(plain(reply))
    else:
        from briefbot.render import render
        console.print(render(reply))


def _sources(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from briefbot.reply import Sources
    session = open_session(args)
    reply = session.handle("sources")
    articles = [a for b in reply.blocks if isinstance(b, Sources) for a in b.articles]
    if args.text is not None:
        return _source_text(session, articles, args.text, args.json)
    if args.json:
        print(json.dumps([{k: v for k, v in asdict(a).items() if k != "shown_path"} for a in articles]))
        return EXIT_ANSWERED
    _print_reply(None, reply)
    return EXIT_ANSWERED


def _source_text(session: Session, articles: list[SourceInfo], n: int, as_json: bool) -> int:
    """Source N's text, so anyone can check a citation: `text[start:end]` is the cited sentence.
    Control characters are shown as visible symbols, one for one, so offsets still hold."""
    from briefbot.text import plural, safe
    if n > len(articles):
        _warn(f"no source {n}: the briefing has {plural(len(articles), 'source')}")
        return EXIT_USAGE
    a, text = articles[n - 1], session.source_text(n)
    if as_json:
        print(json.dumps({"n": n, "source": a.source, "path": a.path, "offsets": a.offsets, "text": text}))
    else:
        sys.stdout.write(safe(text, lines=True))
    return EXIT_ANSWERED


def _urls(given: list[str]) -> list[str]:
    """The URLs asked for: each argument a URL, or a file of them (- for stdin), one a line."""
    urls = []
    for item in given:
        if item == "-":
            lines = sys.stdin.read().splitlines()
        elif "://" not in item and os.path.isfile(item):
            with open(item, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        else:
            lines = [item]
        urls.extend(u.strip() for u in lines if u.strip() and not u.lstrip().startswith("#"))
    return urls


def _add(args: argparse.Namespace) -> int:
    from briefbot.fetch import add
    from briefbot.text import safe
    folder = Path(args.to) if args.to else _add_folder(args)
    urls = _urls(args.urls)
    if not urls:
        _warn("no URL given")
        return EXIT_USAGE
    print(f"Saving to {safe(str(folder))}", file=sys.stderr)

    def progress(n: int, total: int, url: str) -> None:
        print(f"[{n}/{total}] {safe(url)}", file=sys.stderr)
    added = add(urls, folder, _warn, progress)
    for item in added:
        print(f"{safe(str(item.path))}\t{safe(item.title or 'untitled')}")
    print(f"Added {len(added)} of {len(urls)} page(s) to {safe(str(folder))}", file=sys.stderr)
    return EXIT_ANSWERED if added else EXIT_NO_ANSWER


def _add_folder(args: argparse.Namespace) -> Path:
    """Where `add` saves without --to: the first corpus folder given, else briefbot's own."""
    folder = next((Path(p) for p in _corpus_paths(args) or [] if Path(p).is_dir()), None)
    if folder is not None:
        return folder
    if home := os.environ.get("BRIEFBOT_HOME"):
        return Path(home) / "articles"
    import platformdirs
    return Path(platformdirs.user_data_dir("briefbot")) / "articles"
