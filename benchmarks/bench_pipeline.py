"""Throughput and peak memory of the spaCy pipeline on one core.

Cycles the seed articles (``sources/*.txt`` or the shared folder) up to
``--n`` documents, so the figure includes warm caches the way a long batch
run has them; the first pass alone is reported as the cold figure.

Run: ``python benchmarks/bench_pipeline.py [--n 1000] [--sources DIR]``.
Prints one line: articles/s (cold, warm), mean ms/article, syllables/s, peak
RSS and tracemalloc peak.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="documents to process")
    ap.add_argument("--sources", help="folder of .txt articles")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the Python heap peak")
    args = ap.parse_args()

    texts = [a.text for a in read_paths([_sources(args.sources)]) if isinstance(a, Article)]
    t0 = time.perf_counter()
    nlp = load_pipeline()
    nlp("Khởi động.")  # load the lexicons and the segmentation model
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for text in texts:
        nlp(text)
    cold = len(texts) / (time.perf_counter() - t0)

    if not args.no_tracemalloc:
        tracemalloc.start()
    syllables = 0
    t0 = time.perf_counter()
    for text in itertools.islice(itertools.cycle(texts), args.n):
        doc = nlp(text)
        syllables += len(text.split())
        assert doc._.entities is not None
    elapsed = time.perf_counter() - t0
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if not args.no_tracemalloc else 0.0
    if not args.no_tracemalloc:
        tracemalloc.stop()
        # tracemalloc slows Python down; time a second, untraced run.
        t0 = time.perf_counter()
        for text in itertools.islice(itertools.cycle(texts), args.n):
            nlp(text)
        elapsed = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"docs={args.n} load={load_s:.2f}s cold={cold:.1f} art/s "
        f"warm={args.n / elapsed:.1f} art/s ({1000 * elapsed / args.n:.1f} ms/art, "
        f"{syllables / elapsed:,.0f} syll/s) peak_rss={rss_mb:.0f} MiB "
        f"py_heap_peak={heap_peak:.1f} MiB"
    )


if __name__ == "__main__":
    main()
