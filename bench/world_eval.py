"""How well the world is found: characters, places and organisations against gold lists made by
reading the articles (bench/data/*_entities.json), and the world of the whole BBC politics folder.

    python bench/world_eval.py [--verbose] [--no-politics]
    python bench/world_eval.py --sample 40 [--show]     # precision on the BBC folders, by labels
    python bench/world_eval.py --sample 40 --folders reqa  # on a folder the rules were not written on

A found thing matches a gold one when any of its names or variants equals any of the gold's
(after folding). Precision = found things that match a gold one / found; recall = gold things
matched / gold. A found character that is only a gold `mentioned_people` entry (named, says
nothing) counts against precision.

`--sample N` builds the world of each of the five BBC folders and draws N things of each kind
and N merges (a thing with a name sharing no word with its main name: "BT" for British Telecom,
"Digital Society" for DS) over them all, the N whose hash of folder, kind and name is least (so a
change that keeps a thing keeps it in the draw), scored by the labels in
bench/data/world_labels_bbc.jsonl (written by reading the articles: is it a person / a place / an
organisation; is the merge one thing). A thing drawn with no label is listed with `--show`, its
names and its first sentences, to be labelled.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from briefbot.cache import load
from briefbot.index import Index
from briefbot.names import gazetteer_name, is_role_word, name_key
from briefbot.world import Thing, World, build_world

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path("/work/shared")
POLITICS = SHARED / "data/bbc-news/politics"
BBC = ("business", "entertainment", "politics", "sport", "tech")
# Folders never looked at while the world's rules were written: their figures check what the BBC's chose.
HELD_OUT = {"reqa": SHARED / "data/reqa-squad/corpus"}
LABELS = DATA / "world_labels_bbc.jsonl"
KINDS = ("characters", "places", "organisations")


def keys(names: list[str] | set[str]) -> set[str]:
    return {name_key(n) for n in names}


def score(found: list[Thing], gold: list[dict], verbose: bool, label: str) -> tuple[float, float]:
    gold_keys = [keys([g["name"], *g.get("variants", [])]) for g in gold]
    hits = [t for t in found if any(keys(t.names()) & g for g in gold_keys)]
    matched = [g for g, k in zip(gold, gold_keys) if any(keys(t.names()) & k for t in found)]
    precision = len(hits) / len(found) if found else 0.0
    recall = len(matched) / len(gold) if gold else 0.0
    print(f"  {label:14} found {len(found):3}  gold {len(gold):3}  precision {precision:.2f}  recall {recall:.2f}")
    if verbose:
        wrong = [t.name for t in found if t not in hits]
        missed = [g["name"] for g in gold if g not in matched]
        print(f"    not in gold: {wrong}")
        print(f"    missed:      {missed}")
    return precision, recall


def roles_agreeing(world: World, gold: dict) -> str:
    """Found characters whose role shares a role noun ("spokesman", "secretary"…) with the gold role."""
    agree = total = 0
    for g in gold["characters"]:
        found = [c for c in world.characters if keys(c.names()) & keys([g["name"], *g.get("variants", [])])]
        if found and found[0].role:
            total += 1
            nouns = {w for w in name_key(g["role"]).split() if is_role_word(w)}
            agree += bool(nouns & {w for w in name_key(found[0].role).split() if is_role_word(w)})
    return f"{agree}/{total}"


def evaluate(world: World, gold: dict, verbose: bool) -> None:
    score(world.characters, gold["characters"], verbose, "characters")
    if verbose and gold.get("mentioned_people"):
        said = keys([c["name"] for c in gold["characters"]])
        mentioned = [t.name for t in world.characters if keys(t.names()) & keys([m["name"] for m in
                     gold["mentioned_people"]]) and not keys(t.names()) & said]
        print(f"    only mentioned in gold: {mentioned}")
    with_role = sum(1 for c in world.characters if c.role)
    print(f"  {'':14} characters with a role: {with_role}/{len(world.characters)}; the role agrees with the gold"
          f" one (shares its role noun) for {roles_agreeing(world, gold)}")
    if verbose:
        for c in world.characters:
            print(f"    {c.name} ({', '.join(sorted(c.variants))}): {c.role}; {len(c.sentences)} statements")
    score(world.places, gold["places"], verbose, "places")
    score(world.organisations, gold["organisations"], verbose, "organisations")


def merged(thing: Thing) -> bool:
    """Whether a thing holds a name sharing no word with its main name (a short form, an acronym)
    that no gazetteer gives it (Irak for Iraq is no finding)."""
    words = set(name_key(thing.name).split())
    known = gazetteer_name(thing.name)
    return any(not words & set(name_key(v).split()) and (not known or gazetteer_name(v) != known)
               for v in thing.variants)


def _draw_key(folder: str, kind: str, name: str) -> bytes:
    """A thing's place in the draw, fixed by its folder, kind and name alone: a change that keeps a
    thing keeps it drawn, so only the things a change adds need new labels."""
    return hashlib.sha256(f"{folder}\0{kind}\0{name}".encode()).digest()


def _label_key(folder: str, kind: str, name: str, variants: Iterable[str]) -> tuple[str, ...]:
    """What a label is of: a thing by its name; a merge by all its names (another merge, another label)."""
    return (folder, kind, name, *(sorted(variants) if kind == "merges" else ()))


def sampled(n: int, show: bool, folders: tuple[str, ...] = BBC) -> None:
    """Precision of each kind and the share of right merges, on N things drawn over the folders."""
    labels = {_label_key(r["folder"], r["kind"], r["name"], r.get("variants", ())): r["ok"]
              for r in map(json.loads, LABELS.read_text().splitlines())} if LABELS.is_file() else {}
    pool: dict[str, list[tuple[str, Thing, Index]]] = {kind: [] for kind in (*KINDS, "merges")}
    for folder in folders:
        index = load([str(HELD_OUT.get(folder, SHARED / "data/bbc-news" / folder))], lambda line: None)
        world = build_world(index)
        for kind in KINDS:
            things = getattr(world, kind)
            pool[kind] += [(folder, t, index) for t in things]
            pool["merges"] += [(folder, t, index) for t in things if merged(t)]
        print(f"  {folder:13} " + ", ".join(f"{len(getattr(world, k))} {k}" for k in KINDS)
              + f", {sum(merged(t) for k in KINDS for t in getattr(world, k))} merges")
    for kind, entries in pool.items():
        drawn = sorted(entries, key=lambda e: _draw_key(e[0], kind, e[1].name))[:n]
        keyed = [(_label_key(f, kind, t.name, t.variants), f, t, index) for f, t, index in drawn]
        known = [labels[key] for key, *_ in keyed if key in labels]
        print(f"  {kind:14} drawn {len(drawn)}, labelled {len(known)}: "
              f"{'precision' if kind != 'merges' else 'right'} {sum(known) / max(len(known), 1):.2f}"
              f" ({len(known) - sum(known)} wrong)")
        for key, folder, thing, index in keyed:
            if show and key not in labels:
                print(json.dumps({"folder": folder, "kind": kind, "name": thing.name, "ok": None,
                                  "variants": sorted(thing.variants)}, ensure_ascii=False))
                for sent in thing.sentences[:2]:
                    print("      " + index.text_of(sent)[:160])
            elif show and not labels[key]:
                print(f"    wrong: {folder} {thing.name} ({', '.join(sorted(thing.variants))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--no-politics", action="store_true", help="skip the whole-folder run")
    parser.add_argument("--sample", type=int, help="precision on N things of each kind drawn over the BBC folders")
    parser.add_argument("--show", action="store_true", help="with --sample: list what is drawn but not labelled")
    parser.add_argument("--folders", default=",".join(BBC),
                        help=f"with --sample: comma-separated BBC folders or held-out ones ({', '.join(HELD_OUT)})")
    args = parser.parse_args()
    if args.sample:
        if os.environ.get("PYTHONHASHSEED") != "0":  # the same world each run: its sets in one order
            os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
        return sampled(args.sample, args.show, tuple(args.folders.split(",")))
    quiet = lambda line: None  # noqa: E731

    seeds = json.loads((DATA / "seed_entities.json").read_text())
    index = load([str(SHARED / "seeds")], quiet, use_cache=False)
    print(f"seeds ({len(index)} sentences), extraction only:")
    world = build_world(index)
    evaluate(world, seeds, args.verbose)
    print(f"  facts: {world.fact_count} of {len(index)} sentences")
    world_file = Path(__file__).resolve().parent.parent / "corpus" / "world.toml"
    if world_file.is_file():
        print("seeds, with corpus/world.toml:")
        evaluate(build_world(index, world_file), seeds, False)

    bbc = json.loads((DATA / "bbc_politics_entities.json").read_text())
    index = load([str(SHARED / "data/bbc-news" / f) for f in bbc["files"]], quiet, use_cache=False)
    print(f"bbc politics, {len(bbc['files'])} gold files ({len(index)} sentences):")
    evaluate(build_world(index), bbc, args.verbose)

    if args.no_politics:
        return
    start = time.perf_counter()
    index = load([str(POLITICS)], quiet, use_cache=False)
    built = time.perf_counter() - start
    start = time.perf_counter()
    world = build_world(index)
    took = time.perf_counter() - start
    print(f"bbc politics, whole folder ({len(index.articles)} articles, {len(index)} sentences): index {built:.2f} s,"
          f" world {took:.2f} s")
    print(f"  {len(world.characters)} characters, {len(world.places)} places, {len(world.organisations)} organisations,"
          f" {world.fact_count} facts")
    print("  top 30 characters:")
    for c in world.characters[:30]:
        print(f"    {len(c.sentences):4}  {c.name}" + (f", {c.role}" if c.role else ""))


if __name__ == "__main__":
    main()
