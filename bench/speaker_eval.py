"""How right the speaker labels are on the BBC corpus: precision and recall of `attribute()`
against gold files written by reading each sentence in its article (bench/data/speakers_bbc*.jsonl).

    python bench/speaker_eval.py [--verbose] [--sample N]   score the gold samples with today's attribution
    python bench/speaker_eval.py --draw N                    print sample N, with context, to label by hand

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
"""
from __future__ import annotations

import argparse
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
FOLDERS = ("business", "entertainment", "politics", "sport", "tech")
DATA = Path(__file__).resolve().parent / "data"
GOLD = {n: DATA / f"speakers_bbc{f'_{n}' if n > 1 else ''}.jsonl" for n in range(1, 18)}
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


@dataclass
class Sentence:
    folder: str
    file: str
    index: int  # in its article
    text: str
    system: str | None
    before: list[str]  # the article's sentences before it
    after: list[str]  # and after it


def bbc_sentences() -> list[Sentence]:
    """Every BBC sentence with its speaker, as the index gets them."""
    files = read_files(find_files([BBC], lambda line: None), lambda line: None)
    articles = [a for f in files for a in parse_file(f, lambda line: None)]
    splitter = train_splitter([a.text for a in articles[:2000]])
    out: list[Sentence] = []
    for article in articles:
        path = Path(article.path).relative_to(BBC)
        spans = [(s, e, p) for p, (ps, pe) in enumerate(article.paragraphs)
                 for s, e in split_sentences(splitter, article.text, ps, pe)]
        texts = [article.text[s:e] for s, e, _ in spans]
        for i, (text, speaker) in enumerate(zip(texts, attribute(texts, [p for _, _, p in spans]))):
            out.append(Sentence(path.parts[0], path.name, i, text, speaker, texts[:i], texts[i + 1:]))
    return out


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
        by_shape: dict[str, list[Sentence]] = {name: [] for name, _, _ in SHAPES}
        for s in sentences:
            if s.folder == folder and (s.folder, s.file) not in first:
                around = f"{s.before[-1] if s.before else ''}\n{s.text}\n{s.after[0] if s.after else ''}"
                if shape := next((name for name, _, pattern in SHAPES if pattern.search(around)), None):
                    by_shape[shape].append(s)
        for name, n, _ in SHAPES:
            sample += rng.sample(by_shape[name], min(n, len(by_shape[name])))
    return sample


def _gold(sample: int) -> list[dict]:
    return [json.loads(line) for line in GOLD[sample].read_text().splitlines() if line.strip()]


def score(sentences: list[Sentence], sample: int, verbose: bool) -> None:
    where = {(s.folder, s.file, s.index): s for s in sentences}
    gold = _gold(sample)
    labels = hits = speakers = found = stale = 0
    for g in gold:
        s = where.get((g["folder"], g["file"], g["sentence"]))
        if s is None or s.text != g["text"]:
            stale += 1
            print(f"  stale: {g['folder']}/{g['file']}#{g['sentence']}")
            continue
        right = same_person(s.system, g["gold"])
        labels += s.system is not None
        hits += right
        speakers += g["gold"] is not None
        found += g["gold"] is not None and right
        if verbose and (s.system or g["gold"]) and not right:
            print(f"  {g['folder']}/{g['file']}#{g['sentence']}: system {s.system!r}, gold {g['gold']!r}\n"
                  f"    {s.text}")
    print(f"sample {sample}: {len(gold) - stale} gold sentences ({sum(g['system'] is not None for g in gold)} "
          f"labelled when drawn)")
    print(f"precision {hits / labels if labels else 0:.3f} ({hits}/{labels})"
          f"  recall {found / speakers if speakers else 0:.3f} ({found}/{speakers})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, choices=GOLD, help="print sample N with context, to label")
    parser.add_argument("--sample", type=int, choices=GOLD, help="score only sample N")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each wrong or missed label")
    args = parser.parse_args()
    sentences = bbc_sentences()
    if not args.draw:
        for sample in [args.sample] if args.sample else [n for n in GOLD if GOLD[n].exists()]:
            score(sentences, sample, args.verbose)
        return
    for n, s in enumerate(draw(sentences) if args.draw == 1 else draw_by_shape(sentences, args.draw)):
        shown = {"system": s.system} if args.draw == 1 else {"after": " | ".join(s.after[:2])}
        print(json.dumps({"n": n, "folder": s.folder, "file": s.file, "sentence": s.index, "text": s.text,
                          "context": " | ".join(s.before[-3:]), **shown}))


if __name__ == "__main__":
    main()
