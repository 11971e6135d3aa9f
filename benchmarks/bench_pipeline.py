"""Throughput and peak memory of the spaCy pipeline on one core.

Cycles the articles of the source folders (by default ``sources/``,
``eval/heldout/sources`` and ``eval/heldout2/sources``) up to ``--n``
documents, each prepared as :func:`kg.extract.extractor.extract` prepares it
(article date set), so the figure includes warm caches the way a long batch
run has them; the first pass over the distinct articles is reported as the
cold figure. Rates are given in wall-clock time and in CPU time of this
process: on a shared machine the second is the one that measures the code,
and ``--repeat`` runs keep the fastest. Per-component CPU milliseconds show
where the time goes.

It measures this checkout's code; ``--installed`` measures the installed
package instead, which ``pip install .`` compiles with Cython (see ``setup.py``).
The report says how many pipeline modules were compiled.

Run: ``python benchmarks/bench_pipeline.py [--n 1000] [--repeat 3]
[--sources DIR ...] [--only a,b] [--installed]``.
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
if "--installed" not in sys.argv:
    sys.path.insert(0, str(ROOT))

from kg.nlp.pipeline import load_pipeline  # noqa: E402
from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402

DEFAULT_SOURCES = ("sources", "eval/heldout/sources", "eval/heldout2/sources")


def _sources(args: list[str] | None) -> list[Path]:
    cands = [Path(a) for a in args] if args else [ROOT / d for d in DEFAULT_SOURCES]
    found = [c for c in cands if c.is_dir() and any(c.glob("*.txt"))]
    if not found:
        raise SystemExit("no source folder with .txt articles found")
    return found


def _run(nlp, articles: list[Article], n: int) -> tuple[float, float, dict[str, float], int]:
    """Wall seconds, CPU seconds, CPU seconds per component, syllables."""
    per: dict[str, float] = {"tokenizer": 0.0}
    syllables = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for article in itertools.islice(itertools.cycle(articles), n):
        t = time.process_time()
        doc = nlp.make_doc(article.text)
        doc._.article_date = article.date
        per["tokenizer"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            per[name] = per.get(name, 0.0) + time.process_time() - t
        syllables += len(article.text.split())
    return time.perf_counter() - wall0, time.process_time() - cpu0, per, syllables


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="documents to process per run")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs; the fastest (CPU) is reported")
    ap.add_argument("--sources", nargs="+", help="folders of .txt articles")
    ap.add_argument("--installed", action="store_true", help="measure the installed package, not this checkout")
    ap.add_argument(
        "--only",
        help="comma-separated components to keep, e.g. kg_sentences,kg_entities,kg_resolve",
    )
    args = ap.parse_args()

    folders = _sources(args.sources)
    articles = [a for a in read_paths(folders) if isinstance(a, Article)]
    t0 = time.perf_counter()
    nlp = load_pipeline()
    if args.only:
        keep = set(args.only.split(","))
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
    nlp("Khởi động.")  # load the lexicons and the segmentation model
    load_s = time.perf_counter() - t0

    _wall, cold_cpu, _per, _syl = _run(nlp, articles, len(articles))
    cold = len(articles) / cold_cpu

    tracemalloc.start()
    _run(nlp, articles, min(args.n, 50))
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    runs = [_run(nlp, articles, args.n) for _ in range(max(1, args.repeat))]
    wall, cpu, per, syllables = min(runs, key=lambda r: r[1])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    actor = sum(v for k, v in per.items() if k in {"tokenizer", "kg_sentences", "kg_entities", "kg_resolve"})
    parts = " ".join(f"{k}={1000 * v / args.n:.1f}" for k, v in per.items())
    all_cpu = " ".join(f"{args.n / r[1]:.1f}" for r in runs)
    print(
        f"articles={len(articles)} from {len(folders)} folder(s), docs={args.n} x {len(runs)} run(s), "
        f"load={load_s:.2f}s\n"
        f"full pipeline: {args.n / cpu:.1f} art/s CPU (runs: {all_cpu}), {args.n / wall:.1f} art/s wall, "
        f"{syllables / cpu:,.0f} syll/s CPU, cold {cold:.1f} art/s CPU\n"
        f"tokenizer+actor layer: {args.n / actor:.1f} art/s CPU\n"
        f"ms/art (CPU): {parts}\n"
        f"peak_rss={rss_mb:.0f} MiB py_heap_peak={heap_peak:.1f} MiB\n"
        f"code: {_compiled()}\n"
        f"machine: calibration loop {_calibration():.2f} s CPU (compare figures taken at the same speed)"
    )


def _compiled() -> str:
    """Where the measured package lives and how many pipeline modules are compiled."""
    import importlib
    import pkgutil

    import kg

    names = [f"{pkg}.{m.name}" for pkg in ("kg.nlp", "kg.extract")
             for m in pkgutil.iter_modules(importlib.import_module(pkg).__path__)]
    compiled = sum(not importlib.import_module(n).__file__.endswith(".py") for n in names)
    return f"{Path(kg.__file__).parent} ({compiled} of {len(names)} pipeline modules compiled)"


def _calibration() -> float:
    """CPU seconds of a fixed pure-Python loop: this VM's speed swings by up to 1.8x
    within a day (on 2026-11-23 the same loop run at module level took 2.1-2.3 s
    at 09:35 UTC and 1.24 s at 11:48), and the pipeline's rate swings with it."""
    t, s = time.process_time(), 0
    for i in range(10_000_000):
        s += i * i % 7
    return time.process_time() - t


if __name__ == "__main__":
    main()
