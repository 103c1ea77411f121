#!/usr/bin/env python3
"""Scale benchmark: briefbot's index and search beside plain rank-bm25, at 10k, 100k and 1M sentences.

For each size (corpora from bench/make_corpus.py, written under /tmp/briefbot-bench), three fresh
subprocesses, so every memory figure is that step's own peak RSS (resource.getrusage ru_maxrss):
  build  - briefbot `cache.load(use_cache=True)` into an empty temporary BRIEFBOT_CACHE: reading,
           Punkt training, splitting, analysis, postings, writing the .npz. Build time, peak RSS
           (and the RSS after imports, for reference), cache file size; then the world (people,
           places, facts: `cache.load_world`, which saves it beside the index) and its time. It also
           writes briefbot's sentences to a text file, so the peer ranks exactly the same sentences.
  query  - a new process: warm `cache.load` (the second run a user sees), its peak RSS, the world
           read back, then `Searcher(index).search(q, k=3)` over the benchmark questions: the first
           query (it also builds the typo table), then p50/p95 over all questions.
  peer   - rank_bm25.BM25Okapi over the same sentences: lower-cased \\w+ tokens, no stemming, stop
           words kept; build time, peak RSS and `get_scores` latency (scores every sentence). At 1M
           only a sample of the questions is timed (--peer-sample), because each takes ~1 s.

Questions (~200): all of bench/data/bbc_dev.jsonl and an even sample of
../shared/data/reqa-squad/questions.jsonl; the same list for every size and both engines.

    python bench/bench_search.py                     # 10k,100k,1M
    python bench/bench_search.py --sizes 10k,100k    # a subset
    python bench/bench_search.py --json out.json     # also keep the raw figures
    python bench/bench_search.py --sizes 100k --cache /tmp/bb-cache --dump /tmp/a.jsonl --code main
    python bench/bench_search.py --sizes 100k --cache /tmp/bb-cache --dump /tmp/b.jsonl --code worktree
    cmp /tmp/a-100k.jsonl /tmp/b-100k.jsonl          # a speed change must answer exactly the same
    python bench/bench_search.py --sizes 1m --cache /tmp/bb-cache --code worktree --index-of main --dump /tmp/c.jsonl
                                                     # a query-only change against main's kept 1M index

p50/p95 are wall time; CPU p50/p90 are `time.process_time`, which a loaded machine disturbs less:
compare two versions of the code by CPU time, in runs taken one after the other.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402
import snapshot  # noqa: E402

SQUAD_QUESTIONS = make_corpus.DATA / "reqa-squad" / "questions.jsonl"
BBC_QUESTIONS = HERE / "data" / "bbc_dev.jsonl"
N_QUESTIONS = 200
WORD = re.compile(r"\w+")


def questions(n: int = N_QUESTIONS) -> list[str]:
    bbc = [json.loads(line)["q"] for line in BBC_QUESTIONS.read_text().splitlines() if line.strip()]
    squad = [json.loads(line)["q"] for line in SQUAD_QUESTIONS.read_text().splitlines() if line.strip()]
    want = max(n - len(bbc), 0)
    step = max(len(squad) // max(want, 1), 1)
    return bbc + squad[::step][:want]


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    i = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[i]


# --- workers (each runs in its own process) --------------------------------------------------

def _read_index_of(index_code: str | None) -> None:
    """With `--index-of`, read the cache that commit's code built (its key names that code): only
    right while the two build the same index, for a change to what a query does."""
    if index_code:
        from briefbot import cache
        digest = cache.code_digest(Path(index_code) / "briefbot")
        cache._engine_digest = lambda: digest


def work_build(corpus: str, cache_dir: str, sentences_out: str, index_code: str | None = None) -> dict:
    os.environ["BRIEFBOT_CACHE"] = cache_dir
    from briefbot import cache
    _read_index_of(index_code)
    base = current_rss_mb()
    warnings: list[str] = []
    t = time.perf_counter()
    index = cache.load([corpus], warnings.append, None, use_cache=True)
    build_s = time.perf_counter() - t
    peak = rss_mb()
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker's
    files = list(Path(cache_dir).glob("*.npz"))
    t = time.perf_counter()
    cache.load_world(index)  # people, places, facts: built once, saved beside the index
    world_s = time.perf_counter() - t
    with open(sentences_out, "w", encoding="utf-8") as out:
        for i in range(len(index)):
            out.write(" ".join(index.text_of(i).split()) + "\n")
    import briefbot
    return {"briefbot": briefbot.__file__, "sentences": len(index), "articles": len(index.articles), "terms": len(index.terms),
            "postings": int(len(index.docs)), "build_s": build_s, "build_peak_mb": peak, "workers_peak_mb": workers_peak, "world_build_s": world_s,
            "world_peak_mb": rss_mb(),
            "base_rss_mb": base, "cache_mb": sum(f.stat().st_size for f in files) / 2**20,
            "warnings": len(warnings)}


def answers_of(result) -> dict:
    """What a question got, to compare two versions of the code: the same dump means the same answers."""
    return {"query": result.query, "status": result.status, "coverage": result.coverage,
            "corrections": result.corrections,
            "answers": [{"sentence": a.sentence_id, "score": a.score, "versions": [v.sentence_id for v in a.versions],
                         "speaker": a.speaker, "context": a.context,
                         "span": a.answer_span and [a.answer_span.start, a.answer_span.end, a.answer_span.type]}
                        for a in result.answers]}


def work_query(corpus: str, cache_dir: str, qs: list[str], dump: str | None = None, index_code: str | None = None
               ) -> dict:
    os.environ["BRIEFBOT_CACHE"] = cache_dir
    from briefbot import cache
    _read_index_of(index_code)
    from briefbot.search import Searcher
    import briefbot
    warnings: list[str] = []
    t = time.perf_counter()
    index = cache.load([corpus], warnings.append, None, use_cache=True)
    load_s = time.perf_counter() - t
    load_peak = rss_mb()
    t = time.perf_counter()
    cache.load_world(index)
    world_load_s = time.perf_counter() - t
    searcher = Searcher(index)
    t = time.perf_counter()
    searcher.search(qs[0], k=3)
    first_s = time.perf_counter() - t
    t = time.perf_counter()
    searcher.search("americn soldirs in irak", k=3)  # builds the typo table if qs[0] did not
    typo_s = time.perf_counter() - t
    times, cpu, no_answer, dumped = [], [], [], []
    for q in qs:
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        r = searcher.search(q, k=3)
        cpu.append(time.process_time() - c)  # CPU time: less at the mercy of other processes than wall time
        times.append(time.perf_counter() - t)
        no_answer.append(not r.answers)
        dumped.append(answers_of(r))
    if dump:
        Path(dump).write_text("".join(json.dumps(d) + "\n" for d in dumped), encoding="utf-8")
    if warnings:  # the warm load must hit the cache the build wrote, or its time means nothing
        raise RuntimeError(f"warm load did not use the cache: {warnings[:3]}")
    out = {"briefbot": briefbot.__file__, "load_s": load_s, "load_peak_mb": load_peak, "world_load_s": world_load_s,
           "first_query_ms": first_s * 1e3,
           "typo_query_ms": typo_s * 1e3, "p50_ms": pct(times, 50) * 1e3, "p95_ms": pct(times, 95) * 1e3,
           "cpu_p50_ms": pct(cpu, 50) * 1e3, "cpu_p90_ms": pct(cpu, 90) * 1e3,
           "max_ms": max(times) * 1e3, "answered": no_answer.count(False), "n_queries": len(qs),
           "cache_hit": not warnings, "query_peak_mb": rss_mb()}
    return out


def work_peer(sentences_file: str, qs: list[str], sample: int) -> dict:
    import numpy as np
    from rank_bm25 import BM25Okapi
    with open(sentences_file, encoding="utf-8") as f:
        texts = f.read().splitlines()
    base = current_rss_mb()
    t = time.perf_counter()
    corpus = [WORD.findall(s.lower()) for s in texts]
    del texts
    bm25 = BM25Okapi(corpus)
    build_s = time.perf_counter() - t
    del corpus  # BM25Okapi keeps its own per-sentence dicts; the token lists are the caller's
    gc.collect()
    peak = rss_mb()
    held = current_rss_mb()
    timed = qs if sample <= 0 or sample >= len(qs) else qs[:: max(len(qs) // sample, 1)][:sample]
    times = []
    for q in timed:
        tokens = WORD.findall(q.lower())
        t = time.perf_counter()
        scores = bm25.get_scores(tokens)
        times.append(time.perf_counter() - t)
        np.argpartition(-scores, 3)[:3]
    return {"peer_build_s": build_s, "peer_peak_mb": peak, "peer_base_mb": base,
            "peer_held_mb": held - base, "peer_p50_ms": pct(times, 50) * 1e3,
            "peer_p95_ms": pct(times, 95) * 1e3, "peer_n_queries": len(timed)}


def _worker(argv: list[str]) -> int:
    kind, payload = argv[0], json.loads(argv[1])
    result = {"build": work_build, "query": work_query, "peer": work_peer}[kind](**payload)
    print("RESULT " + json.dumps(result))
    return 0


CODE: str | None = None  # the frozen briefbot (snapshot.freeze), first on the workers' PYTHONPATH
INDEX_CODE: str | None = None  # with --index-of: that commit's frozen briefbot, whose cache the workers read
INDEX_LABEL: str | None = None


def run_worker(kind: str, timeout: float, **payload) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(payload)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=snapshot.env_with(CODE),
                          cwd=CODE or None)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} worker failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result = json.loads(lines[-1][7:])
    print(f"  {kind}: {time.perf_counter() - t:.1f} s wall", file=sys.stderr)
    return result


# --- the table -------------------------------------------------------------------------------

def table(rows: list[dict]) -> str:
    def f(v, spec=".1f", suffix=""):
        return "–" if v is None else f"{v:{spec}}{suffix}"

    head = ("| sentences | articles | briefbot build | build peak RSS | cache file | warm load | load peak RSS "
            "| world build | world load | first query | p50 | p95 | CPU p50 | CPU p90 | rank-bm25 build | rank-bm25 peak RSS | rank-bm25 `get_scores` p50 | p95 |")
    out = [head, "|" + "---:|" * (head.count("|") - 1)]
    for r in rows:
        if r.get("peer_note"):
            peer = [r["peer_note"], "", "", ""]
        else:
            peer = [f(r.get("peer_build_s"), ".1f", " s"), f(r.get("peer_peak_mb"), ".0f", " MB"),
                    f(r.get("peer_p50_ms"), ".1f", " ms"),
                    f(r.get("peer_p95_ms"), ".1f", " ms")
                    + (f" (n={r['peer_n_queries']})" if r.get("peer_n_queries", 0) < r.get("n_queries", 0) else "")]
        cells = [f"{r['sentences']:,}", f"{r['articles']:,}",
                 "cached" if r.get("build_cached") else f(r["build_s"], ".1f", " s"),
                 f(r["build_peak_mb"], ".0f", " MB"), f(r["cache_mb"], ".1f", " MB"),
                 f(r["load_s"], ".2f", " s"), f(r["load_peak_mb"], ".0f", " MB"),
                 f(r.get("world_build_s"), ".1f", " s"), f(r.get("world_load_s"), ".2f", " s"),
                 f(r["first_query_ms"], ".0f", " ms"), f(r["p50_ms"], ".2f", " ms"), f(r["p95_ms"], ".2f", " ms"),
                 f(r.get("cpu_p50_ms"), ".2f", " ms"), f(r.get("cpu_p90_ms"), ".2f", " ms"), *peer]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def measure(args: argparse.Namespace, code_label: str) -> list[dict]:
    qs = questions(args.questions)
    rows = []
    sources = None
    for size in args.sizes.split(","):
        target = make_corpus.size_arg(size)
        corpus = args.root / f"corpus-{make_corpus.label(target)}"
        if not (corpus / ".manifest.json").exists():
            sources = sources or make_corpus.load_sources()
            print(f"making {corpus}", file=sys.stderr)
            make_corpus.make(target, args.root, sources)
        print(f"{make_corpus.label(target)} sentences: {corpus}", file=sys.stderr)
        work = Path(tempfile.mkdtemp(prefix="briefbot-bench-"))
        try:
            # one folder per code too: a cache names its code, and a build prunes its corpus's other caches
            kept = args.cache / size / re.sub(r"\W+", "-", INDEX_LABEL or code_label).strip("-") if args.cache else None
            cache_dir, sents = str(kept or work / "cache"), str(work / "sentences.txt")
            built = args.cache is not None and any(Path(cache_dir).glob("*.npz"))
            if INDEX_CODE and not built:
                raise SystemExit(f"--index-of: no index in {cache_dir}: build it with --code {args.index_of} --cache {args.cache}")
            row = run_worker("build", 3600 * 3, corpus=str(corpus), cache_dir=cache_dir, sentences_out=sents,
                             index_code=INDEX_CODE)
            row["build_cached"] = built  # then its figures are a warm load's, not a build's
            dump = str(args.dump.with_name(f"{args.dump.stem}-{size}{args.dump.suffix}")) if args.dump else None
            row.update(run_worker("query", 3600, corpus=str(corpus), cache_dir=cache_dir, qs=qs, dump=dump,
                                  index_code=INDEX_CODE))
            if row["sentences"] > args.peer_max:
                row["peer_note"] = f"not run: above --peer-max {args.peer_max:,}"
            else:
                sample = 0 if row["sentences"] <= args.peer_full else args.peer_sample
                try:
                    row.update(run_worker("peer", 3600, sentences_file=sents, qs=qs, sample=sample))
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    row["peer_note"] = f"not run: {str(e).splitlines()[-1][:80]}"
        finally:
            if args.keep:
                print(f"  kept {work} (cache, sentences)", file=sys.stderr)
            else:
                shutil.rmtree(work, ignore_errors=True)
        row["size"] = make_corpus.label(target)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="briefbot vs rank-bm25 at 10k/100k/1M sentences")
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated, e.g. 10k,100k")
    ap.add_argument("--root", type=Path, default=make_corpus.ROOT, help="where the corpora are (made if missing)")
    ap.add_argument("--questions", type=int, default=N_QUESTIONS)
    ap.add_argument("--peer-sample", type=int, default=20,
                    help="questions timed for rank-bm25 above --peer-full sentences (0: all)")
    ap.add_argument("--peer-full", type=int, default=200_000, help="time every question for the peer up to this size")
    ap.add_argument("--peer-max", type=int, default=2_000_000, help="do not run the peer above this size")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    ap.add_argument("--code", default="HEAD", help="git revision of briefbot to measure (frozen for the whole "
                    "run), or 'worktree' for the files as they are")
    ap.add_argument("--index-of", metavar="REV", help="query with --code's briefbot the index REV's code built and "
                    "kept under --cache: for a change to queries only, whose index is REV's to the byte (a 1M build "
                    "takes 20 minutes here); compare its --dump with REV's")
    ap.add_argument("--keep", action="store_true", help="keep the caches and the frozen code (for profiling)")
    ap.add_argument("--cache", type=Path, help="keep each size's cache in DIR/SIZE/CODE and reuse it when the code is "
                    "the same (the 1M build takes over half an hour); the build figures are then a warm load's")
    ap.add_argument("--dump", type=Path, metavar="FILE", help="write each question's answers (sentences, scores, "
                    "versions, spans, coverage) to FILE-SIZE.jsonl, to check that a speed change answers the same")
    ap.add_argument("--table-from", type=Path, nargs="+", metavar="JSON",
                    help="measure nothing: print the table from earlier --json files (rows in size order)")
    args = ap.parse_args(argv)
    if args.table_from:
        rows = sorted((r for f in args.table_from for r in json.loads(f.read_text())), key=lambda r: r["sentences"])
        code_label = ", ".join(sorted({r.get("code", "?") for r in rows}))
    else:
        global CODE, INDEX_CODE, INDEX_LABEL
        code_label, CODE = snapshot.freeze(args.code)
        if args.index_of:
            if not args.cache:
                ap.error("--index-of reads a kept cache: give --cache")
            INDEX_LABEL, INDEX_CODE = snapshot.freeze(args.index_of)
        try:
            if INDEX_LABEL:
                code_label += f", index of {INDEX_LABEL}"
            rows = measure(args, code_label)
        finally:
            if CODE and args.keep:
                print(f"kept {CODE} (the frozen briefbot)", file=sys.stderr)
            elif CODE:
                shutil.rmtree(CODE, ignore_errors=True)
            if INDEX_CODE:
                shutil.rmtree(INDEX_CODE, ignore_errors=True)
        for r in rows:
            r["code"] = code_label
    print(f"\nbriefbot ({code_label}) vs plain rank-bm25 ({rows[0]['n_queries']} questions; k=3; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]})\n")
    print(table(rows))
    print("\nPeak RSS is each step's own process (Python + imports ≈ "
          f"{rows[0]['base_rss_mb']:.0f} MB of it). p50/p95: `Searcher.search` wall time, after the first query "
          "(which also builds the typo table); CPU p50/p90: its CPU time. World: the people, places and facts (`cache.load_world`), built "
          "after the index, then read back by the warm run. rank-bm25: `get_scores` over every sentence; "
          "n= marks a sample of the questions.")
    for r in rows:
        print(f"- {r['size']}: {r['answered']}/{r['n_queries']} questions answered; typo table built in the first "
              f"misspelt query: {r['typo_query_ms']:.0f} ms; {r['terms']:,} terms, {r['postings']:,} postings; "
              f"peak RSS with the world built {r.get('world_peak_mb', 0):.0f} MB; largest indexing worker's "
              f"peak RSS {r.get('workers_peak_mb', 0):.0f} MB.")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        sys.exit(_worker(sys.argv[2:]))
    sys.exit(main())
