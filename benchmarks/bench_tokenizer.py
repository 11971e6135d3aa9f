"""What word segmentation costs next to everything else a build does.

On the same texts (the bundled articles cycled to ``--n``), times:

* ``underthesea.word_tokenize`` - the reference segmenter;
* ``kg`` segmenter - the CRF inside our tokenizer (``CRFSegmenter.segment_syllables``, per line);
* ``kg`` tokenizer - ``nlp.make_doc``: segmenter plus repairs, a spaCy ``Doc`` with offsets;
* each pipeline component on its own (after the tokenizer);
* whole extraction - ``kg.extract.extractor.extract``;
* whole build per article - extraction, event resolution, the N-Triples of ``article_triples`` and
  bulk-loading it into an Oxigraph store (what ``kg build`` does per article;
  the once-per-build outputs are timed by ``bench_build.py``).

The target is whole build <= 1.5x the segmenter alone; the ratios are printed.

Run by hand (not a test)::

    python benchmarks/bench_tokenizer.py --n 200
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402


def timed(label: str, func, items, results: dict[str, float]) -> None:
    for item in items[:3]:  # warm caches and lazy loads
        func(item)
    t0 = time.perf_counter()
    for item in items:
        func(item)
    results[label] = time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="articles (the bundled ones, cycled)")
    ap.add_argument("--sources", default=str(ROOT / "sources"))
    args = ap.parse_args()

    from underthesea import word_tokenize

    import kg.extract.facts  # noqa: F401  (Doc extensions)
    from kg.extract.extractor import extract
    from kg.graph.events import EventIndex
    from kg.graph.mapping import article_triples, ntriples
    from kg.graph.store import GraphStore
    from kg.nlp.pipeline import load_pipeline
    from kg.nlp.segmenter import get_segmenter

    seeds = [a for a in read_paths([Path(args.sources)]) if isinstance(a, Article)]
    articles = [Article(id=f"t{i}", text=a.text, date=a.date, origin=a.origin)
                for i, a in enumerate(itertools.islice(itertools.cycle(seeds), args.n))]
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))

    t0 = time.perf_counter()
    nlp = load_pipeline()
    segmenter = get_segmenter()
    nlp.make_doc("Khởi động.")
    load_s = time.perf_counter() - t0

    def kg_segment(text: str) -> None:
        for line in text.split("\n"):
            if line.strip():
                segmenter.segment_syllables(line)

    results: dict[str, float] = {}
    timed("underthesea word_tokenize", word_tokenize, texts, results)
    timed("kg segmenter (CRF only)", kg_segment, texts, results)
    timed("kg tokenizer (make_doc)", nlp.make_doc, texts, results)

    # Each component alone, on Docs that went through the components before it.
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article_date = article.date
        docs.append(doc)
    components: dict[str, float] = {}
    for name, component in nlp.pipeline:
        t0 = time.perf_counter()
        docs = [component(doc) for doc in docs]
        components[name] = time.perf_counter() - t0

    timed("whole extraction (extract)", lambda a: extract(nlp, a), articles, results)

    store = GraphStore.in_memory()
    events = EventIndex()
    loader = store.loader()

    def build_one(article: Article) -> None:
        extraction = extract(nlp, article)
        nt = ntriples(article_triples(article, extraction, events.assign(article.id, extraction.meetings)))
        loader.replace(article.id, nt)

    timed("whole build per article (extract+map+store)", build_one, articles, results)
    loader.flush()

    print(f"Python {platform.python_version()}, {args.n} articles, {chars} characters; pipeline load {load_s:.1f} s")
    print(f"pipeline: {nlp.pipe_names}\n")
    print("| stage | seconds | articles/s | kchars/s | x underthesea | x kg segmenter |")
    print("|---|---:|---:|---:|---:|---:|")
    base_ut = results["underthesea word_tokenize"]
    base_kg = results["kg segmenter (CRF only)"]
    for label, seconds in results.items():
        print(f"| {label} | {seconds:.2f} | {args.n / seconds:.1f} | {chars / seconds / 1000:.1f} "
              f"| {seconds / base_ut:.2f} | {seconds / base_kg:.2f} |")
    print("\n| component (alone) | seconds | share of extraction |")
    print("|---|---:|---:|")
    total = results["whole extraction (extract)"]
    print(f"| tokenizer | {results['kg tokenizer (make_doc)']:.2f} | {results['kg tokenizer (make_doc)'] / total:.0%} |")
    for name, seconds in components.items():
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    whole = results["whole build per article (extract+map+store)"]
    print(f"\nwhole build / underthesea word_tokenize = {whole / base_ut:.2f}x; "
          f"whole build / kg segmenter = {whole / base_kg:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
