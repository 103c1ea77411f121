#!/usr/bin/env python3
"""Benchmark corpora of about 10k, 100k and 1M sentences, made from real news and encyclopedia text.

Sources: the 2,095 BBC articles in ../shared/data/bbc-news (five topic folders, ~40k sentences) and
the 48 SQuAD v1.1 dev articles in ../shared/data/reqa-squad/corpus (~10k sentences); together about
50k sentences and the vocabulary of ~2,100 real articles.

How each size is made (deterministic: one seeded RNG):
  * 10k  - real articles only: the source articles in a seeded shuffle, taken until ~10k sentences.
  * 100k, 1M - every real article once (so the benchmark questions keep their answers), plus
    synthetic articles up to the target. A synthetic article copies the *shape* of a random real
    article of one folder (its number of paragraphs and sentences per paragraph; a long SQuAD article
    gives several shapes of >= 20 sentences, so files stay news-sized) and fills it with
    sentences drawn at random from other articles of the *same folder*: topic vocabulary stays
    together, postings lists grow the way they would in a larger archive of the same news, and no
    file is a copy of another. Its headline is a real headline of that folder. In about half of the
    sentences every number is redrawn with the same count of digits ("12.5%" may become "47.1%"),
    so sentences are not all verbatim repeats and the number vocabulary grows as in real archives.
    Limits: word vocabulary stays that of the source (~60k terms); a real 1M-sentence archive has
    more rare words, so briefbot's term table (and its typo table) is smaller here than in life,
    while postings of common terms are as long as in life.
Files are written in the BBC format: headline line, blank line, paragraphs separated by blank lines.
Sentences are counted with a simple regex (briefbot's Punkt splitter finds a few % more or fewer;
bench_search.py reports briefbot's own count).

    python bench/make_corpus.py --sizes 10k,100k,1m [--root /tmp/briefbot-bench]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
BBC = DATA / "bbc-news"
SQUAD = DATA / "reqa-squad" / "corpus"
ROOT = Path("/tmp/briefbot-bench")
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SEED = 20261121
SHAPE_SENTENCES = 20

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|(?<=[.!?][\"'\u201d\u2019])\s+(?=[A-Z0-9])")
_NUMBER = re.compile(r"\d+")


@dataclass
class Source:
    folder: str  # topic folder ("politics", ..., "squad")
    rel: str  # path under its data set
    path: Path
    headline: str
    paragraphs: list[list[str]]  # sentences of each body paragraph

    @property
    def n_sentences(self) -> int:
        return sum(map(len, self.paragraphs))


def size_arg(text: str) -> int:
    text = text.strip().lower()
    if text in SIZES:
        return SIZES[text]
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k"


def read_source(folder: str, rel: str, path: Path) -> Source | None:
    text = path.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n")
    headline, _, body = text.strip().partition("\n")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    sentences = [[s for s in _SENT.split(p) if s.strip()] for p in paras]
    sentences = [p for p in sentences if p]
    if not headline.strip() or not sentences:
        return None
    return Source(folder, rel, path, headline.strip(), sentences)


def load_sources() -> list[Source]:
    sources: list[Source] = []
    for path in sorted(BBC.glob("*/*.txt")):
        if (s := read_source(path.parent.name, f"bbc/{path.parent.name}/{path.name}", path)):
            sources.append(s)
    for path in sorted(SQUAD.glob("*.txt")):
        if (s := read_source("squad", f"squad/{path.name}", path)):
            sources.append(s)
    return sources


def _renumber(sentence: str, rng: random.Random) -> str:
    def one(m: re.Match) -> str:
        digits = m.group()
        first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    return _NUMBER.sub(one, sentence)


def shapes_of(source: Source) -> list[list[int]]:
    """Sentences per paragraph of a real article; a long encyclopedia article gives several
    news-sized shapes (runs of consecutive paragraphs of at least SHAPE_SENTENCES sentences)."""
    lengths = [len(p) for p in source.paragraphs]
    if source.folder != "squad":
        return [lengths]
    shapes, run = [], []
    for n in lengths:
        run.append(n)
        if sum(run) >= SHAPE_SENTENCES:
            shapes.append(run)
            run = []
    return shapes + ([run] if run else [])


def synthetic(rng: random.Random, shape: list[int], folder_sources: list[Source], pool: list[str]) -> str:
    """The file text of one article in the given shape, from sentences of one folder."""
    headline = rng.choice(folder_sources).headline
    paras = []
    for para in shape:
        sents = []
        for _ in range(para):
            s = rng.choice(pool)
            sents.append(_renumber(s, rng) if rng.random() < 0.5 else s)
        paras.append(" ".join(sents))
    return headline + "\n\n" + "\n\n".join(paras) + "\n"


def make(target: int, root: Path = ROOT, sources: list[Source] | None = None, force: bool = False) -> Path:
    """Write the corpus of about `target` sentences under root/corpus-<label>; return its folder."""
    out = root / f"corpus-{label(target)}"
    manifest = out / ".manifest.json"
    if manifest.exists() and not force:
        return out
    if out.exists():
        shutil.rmtree(out)
    sources = sources or load_sources()
    rng = random.Random(SEED + target)
    started = time.monotonic()
    files = sentences = 0
    real_total = sum(s.n_sentences for s in sources)
    if target < real_total:
        chosen = sources[:]
        rng.shuffle(chosen)
        picked = []
        for s in chosen:
            if sentences >= target:
                break
            picked.append(s)
            sentences += s.n_sentences
    else:
        picked = sources
        sentences = real_total
    for s in picked:
        dest = out / "real" / s.rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(s.path, dest)
        files += 1
    by_folder: dict[str, list[Source]] = {}
    for s in sources:
        by_folder.setdefault(s.folder, []).append(s)
    pools = {f: [x for s in ss for p in s.paragraphs for x in p] for f, ss in by_folder.items()}
    shapes = [(s.folder, shape) for s in sources for shape in shapes_of(s)]
    n = 0
    while sentences < target:
        folder, shape = rng.choice(shapes)  # uniform over shapes: each folder keeps its share of text
        text, count = synthetic(rng, shape, by_folder[folder], pools[folder]), sum(shape)
        dest = out / "synth" / folder / f"{n // 1000:03d}" / f"{folder}-{n:06d}.txt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        n += 1
        files += 1
        sentences += count
    info = {"target": target, "files": files, "synthetic_files": n, "regex_sentences": sentences,
            "seed": SEED + target, "seconds": round(time.monotonic() - started, 1)}
    manifest.write_text(json.dumps(info))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m (or e.g. 250k)")
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--force", action="store_true", help="rebuild even if the corpus exists")
    args = ap.parse_args(argv)
    sources = load_sources()
    print(f"{len(sources)} source articles, {sum(s.n_sentences for s in sources)} sentences (regex count)",
          file=sys.stderr)
    for size in args.sizes.split(","):
        out = make(size_arg(size), args.root, sources, args.force)
        print(out, (out / ".manifest.json").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
