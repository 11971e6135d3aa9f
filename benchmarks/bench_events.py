"""Cross-article event resolution as the corpus grows: ms per article.

The meetings of ``sources/`` (extracted once) are assigned again and again
under new article ids, as a build of the cycled corpus does, and the time per
article is printed for each quarter of the run: flat means linear in the
corpus. (Before claims were filed by place and date it grew with the corpus:
58.7 ms per article over the first 5,000 already, against 0.8-2.1 ms now on the
same loaded machine; see RESULTS.md.)

Run by hand (not a test)::

    python benchmarks/bench_events.py --n 20000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.batch import extract_local  # noqa: E402
from kg.graph.events import EventIndex  # noqa: E402
from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="articles to assign")
    ap.add_argument("--sources", default=str(ROOT / "sources"))
    args = ap.parse_args()
    meetings = [x.meetings for a, x in extract_local(read_paths([Path(args.sources)])) if isinstance(a, Article)]
    index, quarter = EventIndex(), max(1, args.n // 4)
    start = time.perf_counter()
    for i in range(args.n):
        index.assign(f"bench-{i:07d}", meetings[i % len(meetings)])
        if (i + 1) % quarter == 0:
            print(f"articles {i + 1 - quarter:>7,}-{i + 1:<7,} {(time.perf_counter() - start) * 1000 / quarter:.3f} ms/article")
            start = time.perf_counter()


if __name__ == "__main__":
    main()
