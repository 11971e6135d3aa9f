"""Throughput and peak memory of the spaCy pipeline on one core.

Cycles the seed articles (``sources/*.txt``) up to ``--n`` documents, so the
figure includes warm caches the way a long batch run has them; the first pass
over the distinct articles is reported as the cold figure. Rates are given in
wall-clock time and in CPU time of this process: on a shared machine the
second is the one that measures the code. Per-component CPU milliseconds show
where the time goes.

Run: ``python benchmarks/bench_pipeline.py [--n 1000] [--sources DIR] [--only a,b]``.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nlp.pipeline import load_pipeline  # noqa: E402
from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402


def _sources(arg: str | None) -> Path:
    for cand in (arg, ROOT / "sources", ROOT.parent / "shared" / "sources"):
        if cand and Path(cand).is_dir() and any(Path(cand).glob("*.txt")):
            return Path(cand)
    raise SystemExit("no source folder with .txt articles found")


def _run(nlp, texts: list[str], n: int) -> tuple[float, float, dict[str, float], int]:
    """Wall seconds, CPU seconds, CPU seconds per component, syllables."""
    per: dict[str, float] = {"tokenizer": 0.0}
    syllables = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for text in itertools.islice(itertools.cycle(texts), n):
        t = time.process_time()
        doc = nlp.make_doc(text)
        per["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            per[name] = per.get(name, 0.0) + time.process_time() - t
        syllables += len(text.split())
    return time.perf_counter() - wall0, time.process_time() - cpu0, per, syllables


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="documents to process")
    ap.add_argument("--sources", help="folder of .txt articles")
    ap.add_argument(
        "--only",
        help="comma-separated components to keep, e.g. kg_sentences,kg_entities,kg_resolve",
    )
    args = ap.parse_args()

    texts = [a.text for a in read_paths([_sources(args.sources)]) if isinstance(a, Article)]
    t0 = time.perf_counter()
    nlp = load_pipeline()
    if args.only:
        keep = set(args.only.split(","))
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
    nlp("Khởi động.")  # load the lexicons and the segmentation model
    load_s = time.perf_counter() - t0

    _wall, cold_cpu, _per, _syl = _run(nlp, texts, len(texts))
    cold = len(texts) / cold_cpu

    tracemalloc.start()
    _run(nlp, texts, min(args.n, 50))
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    wall, cpu, per, syllables = _run(nlp, texts, args.n)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    actor = sum(v for k, v in per.items() if k in {"tokenizer", "kg_sentences", "kg_entities", "kg_resolve"})
    parts = " ".join(f"{k}={1000 * v / args.n:.1f}" for k, v in per.items())
    print(
        f"docs={args.n} load={load_s:.2f}s | full pipeline: {args.n / cpu:.1f} art/s CPU, "
        f"{args.n / wall:.1f} art/s wall, {syllables / cpu:,.0f} syll/s, cold {cold:.1f} art/s | "
        f"tokenizer+actor layer: {args.n / actor:.1f} art/s CPU | ms/art: {parts} | "
        f"peak_rss={rss_mb:.0f} MiB py_heap_peak={heap_peak:.1f} MiB"
    )


if __name__ == "__main__":
    main()
