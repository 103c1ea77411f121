"""How right the speaker labels are on the BBC corpus: precision and recall of `attribute()`
against a gold file written by reading each sentence in its article (bench/data/speakers_bbc.jsonl).

    python bench/speaker_eval.py [--verbose]      score the gold sample with today's attribution
    python bench/speaker_eval.py --draw           print a new sample, with context, to label by hand

The articles are read, split and attributed as `briefbot --corpus /work/shared/data/bbc-news` does
(the same loader, a splitter trained on the same articles, `attribute()` per article). The sample is
drawn with `random.Random(SEED)`, in each of the five folders: LABELLED sentences the system gave
a speaker and CUED ones it gave none that contain a speech cue (said, says, told, according to, a
quotation mark). Each gold line: folder, file, sentence (index in the article), text, gold, system
(the label when the line was written).

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
GOLD = Path(__file__).resolve().parent / "data" / "speakers_bbc.jsonl"
SEED = 1984
LABELLED, CUED = 22, 10  # per folder
_CUE = re.compile(r"\b(?:said|says|told|tells|according to)\b|\"")


@dataclass
class Sentence:
    folder: str
    file: str
    index: int  # in its article
    text: str
    system: str | None
    before: list[str]  # the article's sentences before it


def bbc_sentences() -> list[Sentence]:
    """Every BBC sentence with its speaker, as the index gets them."""
    files = read_files(find_files([BBC], lambda line: None), lambda line: None)
    articles = [a for f in files for a in parse_file(f, lambda line: None)]
    splitter = train_splitter([a.text for a in articles[:2000]])
    out: list[Sentence] = []
    for article in articles:
        path = Path(article.path).relative_to(BBC)
        spans = [span for ps, pe in article.paragraphs for span in split_sentences(splitter, article.text, ps, pe)]
        texts = [article.text[s:e] for s, e in spans]
        for i, (text, speaker) in enumerate(zip(texts, attribute(texts))):
            out.append(Sentence(path.parts[0], path.name, i, text, speaker, texts[:i]))
    return out


def same_person(found: str | None, gold: str | None) -> bool:
    """Found names the gold speaker: one name ending the other ("Tony Blair", "Blair"), a title
    aside, with a misspelt surname allowed ("Mr Barot" is Jacques Barrot: the articles misspell)."""
    if found is None or gold is None:
        return False
    a, b = sorted((_bare(n) for n in (found, gold)), key=len)
    return a[:-1] == b[len(b) - len(a):-1] and skeleton(a[-1]) == skeleton(b[-1]) if len(a) > 1 else (
        skeleton(a[0]) == skeleton(b[-1]))


def _bare(name: str) -> list[str]:
    words = name_key(name).split()
    while len(words) > 1 and fold_word(words[0]) in TITLES:
        words = words[1:]
    return words


def draw(sentences: list[Sentence]) -> list[Sentence]:
    rng = random.Random(SEED)
    sample: list[Sentence] = []
    for folder in FOLDERS:
        here = [s for s in sentences if s.folder == folder]
        sample += rng.sample([s for s in here if s.system], LABELLED)
        sample += rng.sample([s for s in here if not s.system and _CUE.search(s.text)], CUED)
    return sample


def score(sentences: list[Sentence], verbose: bool) -> None:
    where = {(s.folder, s.file, s.index): s for s in sentences}
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
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
    print(f"{len(gold) - stale} gold sentences ({sum(g['system'] is not None for g in gold)} labelled when drawn)")
    print(f"precision {hits / labels if labels else 0:.3f} ({hits}/{labels})"
          f"  recall {found / speakers if speakers else 0:.3f} ({found}/{speakers})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="print a new sample with context, to label")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each wrong or missed label")
    args = parser.parse_args()
    sentences = bbc_sentences()
    if not args.draw:
        score(sentences, args.verbose)
        return
    for n, s in enumerate(draw(sentences)):
        context = " | ".join(s.before[-3:])
        print(json.dumps({"n": n, "folder": s.folder, "file": s.file, "sentence": s.index, "text": s.text,
                          "system": s.system, "context": context}))


if __name__ == "__main__":
    main()
