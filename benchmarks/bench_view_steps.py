"""Time and peak memory of each step of the default view page on a built store.

Run by hand from the repository root: ``python benchmarks/bench_view_steps.py
STORE OUT.html``, where STORE is a build's ``store`` folder (a ``kg build``
output, or one made by ``bench_build.py --outputs-only --workdir DIR``). The
steps are those :func:`kg.view.network.write_view` runs for the default page
(no filter, at most 300 nodes): read the actors and rank the facts as they
stream out of the store, fill the drawn facts' tooltips, render and write.
Compare two trees by running it with ``PYTHONPATH`` set to each.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from kg.graph.store import GraphStore, write_atomic
from kg.view import load
from kg.view.network import render
from kg.view.select import DEFAULT_MAX_NODES, Filters, select_top


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a build's store folder")
    ap.add_argument("out", type=Path, help="where to write the page")
    ap.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES)
    args = ap.parse_args()

    store = GraphStore.open_read_only(args.store)
    start = last = time.perf_counter()

    def mark(step: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{step:<44} {now - last:7.1f} s   peak RSS {_peak_mb():5d} MB", flush=True)
        last = now

    top = load.load_top(store, args.max_nodes)
    mark("load_top (actors; facts ranked as they stream)")
    selection = select_top(*top, Filters(max_nodes=args.max_nodes))
    mark("select_top")
    load.add_sources(store, selection.graph)
    mark("add_sources (tooltips of the drawn facts)")
    write_atomic(args.out, render(selection).encode("utf-8"))
    mark("render + write")
    print(f"{'total':<44} {time.perf_counter() - start:7.1f} s   -> {args.out}")


if __name__ == "__main__":
    main()
