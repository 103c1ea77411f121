"""How right the speaker labels are on the BBC corpus: precision and recall of `attribute()`
against gold files written by reading each sentence in its article (bench/data/speakers_bbc*.jsonl).

    python bench/speaker_eval.py [--verbose] [--sample N…]  score the gold samples with today's attribution
                                                             (several: each, then pooled)
    python bench/speaker_eval.py --draw N                    print sample N, with context, to label by hand
    python bench/speaker_eval.py --web [--verbose]           score the web-news gold samples (W1, W2), and pooled
    python bench/speaker_eval.py --draw-web N                print web-news sample N, to label by hand

The articles are read, split and attributed as `briefbot --corpus /work/shared/data/bbc-news` does
(the same loader, a splitter trained on the same articles, `attribute()` per article). Sample 1 was
drawn with `random.Random(SEEDS[1])`, in each of the five folders: LABELLED sentences the system gave
a speaker and CUED ones it gave none that contain a speech cue (said, says, told, according to, a
quotation mark). Each gold line: folder, file, sentence (index in the article), text, gold, system
(the label when the line was written).

Sample 1 was read while the attribution was being fixed, so its figures are optimistic. Samples 2-4
are the checks: each drawn with its own seed from articles no earlier sample holds, by the shape of the
sentence and not by the system's label (SHAPES: a quotation whose `said X` Punkt split off, a quotation
running on, `according to`, `said <role> NAME`, pronouns, reported speech, other cues, and narration
beside a quotation), and labelled by reading it in its article without the system's label in view.
A sample is a blind check only until fixes are made from its errors (the note on issue 8
says which were); samples 5-17 were drawn the same way, each scored blind on the code of its day.

Gold rule: the speaker is the person whose words (quoted or reported) the sentence gives, as named
in the article; the previous sentences decide who "He said" or an open quotation is. Gold is null
when the sentence is nobody's statement, when the speaker is an organisation, or when the speaker
is not a named person: an unnamed "spokesman", "a Labour Party spokesman", "one analyst" is null
even when the article names someone else nearby (a role counts only when the article gives it to
a named person: "the security expert said" after "security expert Sarmed Al-Bayati").

Precision = system labels naming the gold speaker / system labels; recall = gold speakers the
system names / gold speakers. One person by full name or surname is one speaker ("Mr Blair" is
"Tony Blair"). Sentences whose text no longer matches (the splitter changed) are reported and skipped.

Web samples W1 and W2 (bench/data/speakers_web_N.jsonl) are drawn the same way from the 30 saved
pages of /work/shared/data/web-news/pages (WEB_SEEDS, WEB_SHAPES; W2 from sentences W1 does not hold),
read from the page as extracted and labelled by reading it before any system label was seen. A saved page is someone else's text and stays out
of the project: a gold line holds the page's file name, the sentence's index and offsets in the
extracted text, a digest of its text (to tell a stale line) and the gold speaker, never the text.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from briefbot.attribution import attribute
from briefbot.corpus import find_files, parse_file, read_files
from briefbot.names import TITLES, fold_word, name_key, skeleton
from briefbot.text import split_sentences, train_splitter

BBC = Path("/work/shared/data/bbc-news")
WEB = Path("/work/shared/data/web-news")
FOLDERS = ("business", "entertainment", "politics", "sport", "tech")
DATA = Path(__file__).resolve().parent / "data"
GOLD = {n: DATA / f"speakers_bbc{f'_{n}' if n > 1 else ''}.jsonl" for n in range(1, 18)}
WEB_GOLD = {n: DATA / f"speakers_web_{n}.jsonl" for n in (1, 2)}
WEB_SEEDS = {1: 3001, 2: 3011}
SEEDS = {1: 1984, 2: 2027, 3: 2031, 4: 2035, 5: 2039, 6: 2043, 7: 2047, 8: 2051, 9: 2053, 10: 2057,
         11: 2063, 12: 2069, 13: 2081, 14: 2083, 15: 2087, 16: 2089, 17: 2099}
LABELLED, CUED = 22, 10  # per folder, sample 1
_CUE = re.compile(r"\b(?:said|says|told|tells|according to)\b|\"")
_Q = "\"\u201c\u201d"
# Sample 2, per folder: each sentence takes the first shape it has (previous, text, next sentence).
SHAPES: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple((name, n, re.compile(pattern)) for name, n, pattern in (
    ("split", 2, r"\n[a-z]"),  # "…why target the airlines?" | said Ulrich Schulte-Strathaus.
    ("runs on", 3, rf"\n[{_Q}][^{_Q}]*\n"),  # opens a quotation it does not close
    ("according", 3, r"\n.*\baccording to\b"),
    ("said role", 3, rf"\n.*[,{_Q}]\s*(?:said|says|added)\s+(?!he\b|she\b)[a-z]"),
    ("pronoun", 3, rf"\n(?:(?:He|She)\b|.*[,{_Q}]\s*(?:he|she)\s+(?:said|says|added))"),
    ("reported", 4, rf"\n[^{_Q}\n]*\b(?:said|says|told|warned|argued|claimed)\b[^{_Q}\n]*\n"),
    ("cued", 8, rf"\n.*(?:\b(?:said|says|told|tells|according to)\b|[{_Q}])"),
    ("narration", 6, rf"[{_Q}].*\n[^{_Q}\n]+\n|^[^{_Q}\n]+\n.*[{_Q}]"),  # no quotation, beside one
))


# The web sample: the BBC shapes, about 40 sentences over the 30 pages together.
WEB_SHAPES = {"split": 3, "runs on": 4, "according": 4, "said role": 4, "pronoun": 4, "reported": 5, "cued": 10,
              "narration": 8}


@dataclass
class Sentence:
    folder: str
    file: str
    index: int  # in its article
    text: str
    system: str | None
    before: list[str]  # the article's sentences before it
    after: list[str]  # and after it
    start: int = 0  # offsets in the article's text
    end: int = 0


def bbc_sentences(root: Path = BBC, folder: Path | None = None) -> list[Sentence]:
    """Every sentence under `folder` (default: `root`) with its speaker, as the index gets them;
    `folder` and file named relative to `root`."""
    files = read_files(find_files([folder or root], lambda line: None), lambda line: None)
    articles = [a for f in files for a in parse_file(f, lambda line: None)]
    splitter = train_splitter([a.text for a in articles[:2000]])
    out: list[Sentence] = []
    for article in articles:
        path = Path(article.path).relative_to(root)
        spans = [(s, e, p) for p, (ps, pe) in enumerate(article.paragraphs)
                 for s, e in split_sentences(splitter, article.text, ps, pe)]
        texts = [article.text[s:e] for s, e, _ in spans]
        for i, (text, speaker) in enumerate(zip(texts, attribute(texts, [p for _, _, p in spans]))):
            out.append(Sentence(path.parts[0], path.name, i, text, speaker, texts[:i], texts[i + 1:], *spans[i][:2]))
    return out


def web_sentences() -> list[Sentence]:
    return bbc_sentences(WEB, WEB / "pages")


def digest(text: str) -> str:
    """A short digest of a sentence: tells a stale web gold line without keeping the page's text."""
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def same_person(found: str | None, gold: str | None) -> bool:
    """Found names the gold speaker: one name ending the other ("Tony Blair", "Blair"), a title
    and a "Jr" aside, with a misspelt surname allowed ("Mr Barot" is Jacques Barrot, "Ms Chada" is
    Monica Chadha: the articles misspell), and a title before a surname written first ("Mr Wang"
    is Wang Yan)."""
    if found is None or gold is None:
        return False
    a, b = sorted((_bare(n) for n in (found, gold)), key=len)
    if len(a) > 1:
        return a[:-1] == b[len(b) - len(a):-1] and _same_surname(a[-1], b[-1])
    titled = fold_word(found.split()[0]) in TITLES and len(_bare(found)) == 1
    return _same_surname(a[0], b[-1]) or (titled and len(b) > 1 and a[0] == b[0])


def _same_surname(a: str, b: str) -> bool:
    """The same surname, or one consonant apart in a long one ("Chada", "Chadha")."""
    x, y = sorted((skeleton(a), skeleton(b)), key=len)
    return x == y or (len(x) >= 3 and len(y) == len(x) + 1 and any(y[:i] + y[i + 1:] == x for i in range(len(y))))


def _bare(name: str) -> list[str]:
    """The name's words without titles before it and a generation after it ("Bruce L Castor Jr")."""
    words = name_key(name).split()
    while len(words) > 1 and fold_word(words[0]) in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in ("jr", "jnr", "sr", "snr"):
        words = words[:-1]
    return words


def draw(sentences: list[Sentence]) -> list[Sentence]:
    """Sample 1: sentences the system labelled, and cued ones it did not."""
    rng = random.Random(SEEDS[1])
    sample: list[Sentence] = []
    for folder in FOLDERS:
        here = [s for s in sentences if s.folder == folder]
        sample += rng.sample([s for s in here if s.system], LABELLED)
        sample += rng.sample([s for s in here if not s.system and _CUE.search(s.text)], CUED)
    return sample


def draw_by_shape(sentences: list[Sentence], sample_no: int) -> list[Sentence]:
    """Samples 2 and 3: by shape, from articles no earlier sample holds; the system's labels play no part."""
    first = {(g["folder"], g["file"]) for n in GOLD if n < sample_no for g in _gold(n)}
    rng = random.Random(SEEDS[sample_no])
    sample: list[Sentence] = []
    for folder in FOLDERS:
        here = [s for s in sentences if s.folder == folder and (s.folder, s.file) not in first]
        sample += _by_shape(here, rng, {name: n for name, n, _ in SHAPES})
    return sample


def _by_shape(sentences: list[Sentence], rng: random.Random, quota: dict[str, int]) -> list[Sentence]:
    """`quota[shape]` sentences of each shape, each sentence taking the first shape it has."""
    by_shape: dict[str, list[Sentence]] = {name: [] for name, _, _ in SHAPES}
    for s in sentences:
        around = f"{s.before[-1] if s.before else ''}\n{s.text}\n{s.after[0] if s.after else ''}"
        if shape := next((name for name, _, pattern in SHAPES if pattern.search(around)), None):
            by_shape[shape].append(s)
    return [s for name, _, _ in SHAPES for s in rng.sample(by_shape[name], min(quota[name], len(by_shape[name])))]


def _gold(sample: int) -> list[dict]:
    return [json.loads(line) for line in GOLD[sample].read_text().splitlines() if line.strip()]


@dataclass
class Score:
    labels: int = 0  # sentences the system gave a speaker
    hits: int = 0  # of them, the gold speaker
    speakers: int = 0  # gold sentences with a speaker
    found: int = 0  # of them, named by the system

    def add(self, other: Score) -> Score:
        return Score(self.labels + other.labels, self.hits + other.hits, self.speakers + other.speakers,
                     self.found + other.found)

    def line(self) -> str:
        return (f"precision {self.hits / self.labels if self.labels else 0:.3f} ({self.hits}/{self.labels})"
                f"  recall {self.found / self.speakers if self.speakers else 0:.3f} ({self.found}/{self.speakers})")


def score(sentences: list[Sentence], sample: int, verbose: bool) -> Score:
    where = {(s.folder, s.file, s.index): s for s in sentences}
    gold = _gold(sample)
    pairs = [(g, where.get((g["folder"], g["file"], g["sentence"]))) for g in gold]
    result = _score([(g, s) for g, s in pairs if s is not None and s.text == g["text"]], verbose)
    stale = [g for g, s in pairs if s is None or s.text != g["text"]]
    for g in stale:
        print(f"  stale: {g['folder']}/{g['file']}#{g['sentence']}")
    print(f"sample {sample}: {len(gold) - len(stale)} gold sentences ({sum(g['system'] is not None for g in gold)} "
          f"labelled when drawn)")
    print(result.line())
    return result


def score_web(sentences: list[Sentence], sample: int, verbose: bool) -> Score:
    where = {(s.file, s.index): s for s in sentences}
    gold = _web_gold(sample)
    pairs = [(g, where.get((g["file"], g["sentence"]))) for g in gold]
    fresh = [(g, s) for g, s in pairs if s is not None and digest(s.text) == g["digest"]]
    result = _score(fresh, verbose)
    print(f"web sample W{sample}: {len(fresh)} gold sentences, {len(gold) - len(fresh)} stale")
    print(result.line())
    return result


def _web_gold(sample: int) -> list[dict]:
    return [json.loads(line) for line in WEB_GOLD[sample].read_text().splitlines() if line.strip()]


def draw_web(sentences: list[Sentence], sample_no: int) -> list[Sentence]:
    """A web sample by shape, from sentences no earlier web sample holds."""
    taken = {(g["file"], g["sentence"]) for n in WEB_GOLD if n < sample_no for g in _web_gold(n)}
    return _by_shape([s for s in sentences if (s.file, s.index) not in taken], random.Random(WEB_SEEDS[sample_no]),
                     WEB_SHAPES)


def _score(pairs: list[tuple[dict, Sentence]], verbose: bool) -> Score:
    result = Score()
    for g, s in pairs:
        right = same_person(s.system, g["gold"])
        result = result.add(Score(s.system is not None, right, g["gold"] is not None, g["gold"] is not None and right))
        if verbose and (s.system or g["gold"]) and not right:
            print(f"  {s.folder}/{s.file}#{s.index}: system {s.system!r}, gold {g['gold']!r}\n    {s.text}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, choices=GOLD, help="print sample N with context, to label")
    parser.add_argument("--sample", type=int, nargs="+", choices=GOLD, help="score only these samples, and pooled")
    parser.add_argument("--web", action="store_true", help="score the web-news sample")
    parser.add_argument("--draw-web", type=int, choices=WEB_GOLD, help="print web sample N with context, to label")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each wrong or missed label")
    args = parser.parse_args()
    if args.web or args.draw_web:
        sentences = web_sentences()
        if args.web:
            pooled = Score()
            for sample in (n for n in WEB_GOLD if WEB_GOLD[n].exists()):
                pooled = pooled.add(score_web(sentences, sample, args.verbose))
            print(f"pooled over the web samples: {pooled.line()}")
            return
        for n, s in enumerate(draw_web(sentences, args.draw_web)):
            print(json.dumps({"n": n, "file": s.file, "sentence": s.index, "start": s.start, "end": s.end,
                              "digest": digest(s.text), "text": s.text, "context": " | ".join(s.before[-3:]),
                              "after": " | ".join(s.after[:2])}))
        return
    sentences = bbc_sentences()
    if not args.draw:
        samples = args.sample or [n for n in GOLD if GOLD[n].exists()]
        pooled = Score()
        for sample in samples:
            pooled = pooled.add(score(sentences, sample, args.verbose))
        if len(samples) > 1:
            print(f"pooled over samples {', '.join(map(str, samples))}: {pooled.line()}")
        return
    for n, s in enumerate(draw(sentences) if args.draw == 1 else draw_by_shape(sentences, args.draw)):
        shown = {"system": s.system} if args.draw == 1 else {"after": " | ".join(s.after[:2])}
        print(json.dumps({"n": n, "folder": s.folder, "file": s.file, "sentence": s.index, "text": s.text,
                          "context": " | ".join(s.before[-3:]), **shown}))


if __name__ == "__main__":
    main()
