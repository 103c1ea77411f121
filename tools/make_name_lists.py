"""Generate briefbot/lexicon/first_names.txt and surnames.txt from the US Census Bureau's 1990
name frequency files (dist.male.first, dist.female.first, dist.all.last; a work of the US
government, in the public domain), as the PyPI package `names` 0.3.0 ships them:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python tools/make_name_lists.py names-0.3.0/names

What they are for: a speaker whose name opens with a first name ("Bill Gates") or ends with a
surname ("Joss Stone") has a person's shape even when its words are also common words; "Seibu
Railways" and "Really Simple Syndication" have neither. Surnames are kept down to `--surnames`
of the most frequent (the long tail is mostly names no common word shares). Names of one or two
letters are left out. One name a line, capitalised as a name is written, sorted.
"""
from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "briefbot" / "lexicon"
HEADER = ("# {what} from the US Census Bureau's 1990 name frequency files (public domain), made by\n"
          "# tools/make_name_lists.py. One a line.\n")


def names_in(path: Path, limit: int | None = None) -> list[str]:
    """The names of one census file, most frequent first: its first column."""
    names = [line.split()[0].title() for line in path.read_text().splitlines() if line.strip()]
    return [n for n in names if len(n) > 2][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder holding dist.male.first and the others")
    parser.add_argument("--surnames", type=int, default=20_000, help="the most frequent surnames kept")
    args = parser.parse_args()
    first = sorted(set(names_in(args.folder / "dist.male.first") + names_in(args.folder / "dist.female.first")))
    last = sorted(set(names_in(args.folder / "dist.all.last", args.surnames)))
    (OUT / "first_names.txt").write_text(HEADER.format(what="First names") + "\n".join(first) + "\n")
    (OUT / "surnames.txt").write_text(HEADER.format(what=f"The {args.surnames:,} most frequent surnames")
                                      + "\n".join(last) + "\n")
    print(f"{len(first)} first names, {len(last)} surnames")


if __name__ == "__main__":
    main()
