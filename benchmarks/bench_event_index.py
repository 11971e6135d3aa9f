"""Memory and time of the cross-article event index alone.

Isolates :class:`kg.graph.events.EventIndex`'s share of a build's memory
growth: the meetings of the bundled articles (extracted once) are assigned
for ``--articles`` distinct article ids, cycling the sources as
``bench_build.py`` does, and the process's RSS and the time per article are
printed every ``--every`` articles. Set ``PYTHONPATH`` to another tree's
checkout to compare it.

Run by hand: ``python benchmarks/bench_event_index.py --articles 100000
[--every 10000] [--sources sources]``.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from kg.extract.extractor import extract
from kg.graph.events import EventIndex
from kg.nlp.pipeline import load_pipeline
from kg.sources.article import Article
from kg.sources.readers import read_paths


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--every", type=int, default=10000, help="print a line every this many articles")
    ap.add_argument("--sources", type=Path, default=Path(__file__).resolve().parents[1] / "sources")
    args = ap.parse_args()

    nlp = load_pipeline()
    meetings = [list(extract(nlp, item).meetings) for item in read_paths([args.sources])
                if isinstance(item, Article)]
    index = EventIndex()
    print(f"{len(meetings)} articles, {sum(map(len, meetings))} meetings, cycled")
    print(f"{'articles':>9} {'RSS MB':>7} {'ms/article':>10}", flush=True)
    start, t0 = _rss_mb(), time.perf_counter()
    for i, article in enumerate(itertools.islice(itertools.cycle(meetings), args.articles), start=1):
        index.assign(f"a{i:07d}", article)
        if i % args.every == 0:
            now = time.perf_counter()
            print(f"{i:>9} {_rss_mb():>7.1f} {1000 * (now - t0) / args.every:>10.3f}", flush=True)
            t0 = now
    print(f"growth: {(_rss_mb() - start) * 1024 * 1024 / args.articles:.0f} bytes per article")


if __name__ == "__main__":
    main()
