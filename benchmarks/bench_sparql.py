"""p50 / p95 latency of the competency queries on the bundled build and on big stores.

The big stores are made without running the NLP: the bundled build's quads are
replicated with renamed article and fact IRIs (copy ``k`` of article ``a`` is
article ``a-r{k}``; actors and posts stay shared, as across real articles) and
streamed into a fresh Oxigraph store with ``bulk_load``. Each query of
``kg/query/queries`` is run through the Python API (``KnowledgeGraph.query``,
results fully read) until ``--runs`` runs or ``--budget`` seconds, after one
warm-up run, in a child process stopped after ``--timeout`` seconds.

Run by hand (not a test)::

    python benchmarks/bench_sparql.py --sizes 1000000
    python benchmarks/bench_sparql.py --sizes 1000000,10000000 --workdir /var/tmp/kgsparql
"""

from __future__ import annotations

import argparse
import io
import math
import multiprocessing
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import KG  # noqa: E402
from kg.graph import iris  # noqa: E402
from kg.graph.store import STORE_DIR, GraphStore  # noqa: E402
from kg.query import library  # noqa: E402
from kg.query.api import KnowledgeGraph  # noqa: E402

PARAMS = {
    "actor_timeline": {"actor": "Vladimir Putin"},
    "statements_by": {"speaker": "Dmitry Peskov"},
    "quotes_mentioning": {"term": "an ninh"},
}


def evidence_fact(store: GraphStore) -> str:
    """A meeting with evidence (else any fact with evidence), as ``<IRI>``."""
    for sparql in ("SELECT ?f WHERE { ?f a dip:Meeting ; dip:evidence ?m } ORDER BY ?f LIMIT 1",
                   "SELECT ?f WHERE { ?f dip:evidence ?m } ORDER BY ?f LIMIT 1"):
        rows = list(store.query(sparql))
        if rows:
            return f"<{rows[0]['f'].value}>"
    raise SystemExit("the bundled build holds no fact with evidence")


class _Stream(io.RawIOBase):
    """A read-only byte stream fed by an iterator of chunks (nothing held whole)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks, self._rest = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._rest:
            try:
                self._rest = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


def replicated(base: GraphStore, copies: int) -> tuple[Iterator[bytes], int]:
    """N-Quads chunks of ``copies`` renamed copies of every article graph (plus the actors graph once)."""
    articles = base.article_ids()
    actors = ox.NamedNode(str(iris.ACTORS_GRAPH))
    quads = base.sorted_quads()
    shared_quads = [q for q in quads if q.graph_name == actors]
    article_quads = [q for q in quads if q.graph_name != actors]
    shared = ox.serialize(shared_quads, format=ox.RdfFormat.N_QUADS)
    per_copy = ox.serialize(article_quads, format=ox.RdfFormat.N_QUADS)
    pattern = re.compile("|".join(re.escape(a) for a in sorted(articles, key=len, reverse=True)).encode())

    def chunks() -> Iterator[bytes]:
        yield shared
        for k in range(copies):
            yield per_copy if k == 0 else pattern.sub(lambda m: m.group(0) + f"-r{k}".encode(), per_copy)

    return chunks(), len(shared_quads) + copies * len(article_quads)


def make_store(base: GraphStore, target: int, path: Path) -> tuple[int, int, float]:
    """Bulk-load about ``target`` quads into a new store at ``path``; returns (quads, copies, seconds)."""
    per_copy = len(base) - sum(1 for _ in base.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(iris.ACTORS_GRAPH))))
    copies = max(1, math.ceil(target / per_copy))
    chunks, expected = replicated(base, copies)
    shutil.rmtree(path, ignore_errors=True)
    t0 = time.perf_counter()
    store = ox.Store(str(path))
    store.bulk_load(io.BufferedReader(_Stream(chunks), buffer_size=1 << 20), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    load_s = time.perf_counter() - t0
    loaded = len(store)
    assert loaded == expected, (loaded, expected)
    del store  # release RocksDB before the read-only openers
    return loaded, copies, load_s


def measure(store_path: str, name: str, params: dict, runs: int, budget: float, results) -> None:
    """Time one library query (run in a child process, so a runaway query can be stopped)."""
    graph = KnowledgeGraph(GraphStore.open_read_only(store_path))
    text = library.text(name)
    t0 = time.perf_counter()
    rows = graph.query(text, params)  # warm-up, and the result size
    first = time.perf_counter() - t0
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < runs and (time.perf_counter() - start < budget or len(times) < 3):
        t0 = time.perf_counter()
        graph.query(text, params)
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    results.put({"rows": len(rows) if isinstance(rows, list) else rows, "first_ms": first * 1000,
                 "p50_ms": statistics.median(times) * 1000, "p95_ms": p95 * 1000, "runs": len(times)})


def report(title: str, store_path: Path, fact: str, runs: int, budget: float, timeout: float) -> None:
    store = GraphStore.open_read_only(store_path)
    print(f"\n### {title}: {len(store):,} quads in {len(store.article_ids()):,} article graphs\n")
    store.close()
    print("| query | params | rows | first ms | p50 ms | p95 ms | runs |")
    print("|---|---|---:|---:|---:|---:|---:|")
    ctx = multiprocessing.get_context("spawn")
    for name in library.names():
        params = dict(PARAMS.get(name, {}))
        if name == "evidence":
            params["fact"] = fact
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        results = ctx.Queue()
        child = ctx.Process(target=measure, args=(str(store_path), name, params, runs, budget, results))
        child.start()
        try:
            r = results.get(timeout=timeout)
        except queue.Empty:
            child.terminate()
            print(f"| {name} | {shown} | ? | > {timeout * 1000:.0f} (stopped) | | | 0 |", flush=True)
            continue
        finally:
            child.join(5)
        print(f"| {name} | {shown} | {r['rows']} | {r['first_ms']:.1f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['runs']} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="an existing bundled build (default: build sources/ into a temporary folder)")
    ap.add_argument("--sizes", default="1000000", help="comma-separated target sizes in quads for the replicated stores")
    ap.add_argument("--runs", type=int, default=50, help="most timed runs per query")
    ap.add_argument("--budget", type=float, default=20.0, help="seconds of timed runs per query (at least 3 runs)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a query's runs are stopped")
    ap.add_argument("--workdir", help="where the big stores go (default: a temporary folder, removed)")
    ap.add_argument("--reuse", action="store_true", help="query the stores already in --workdir instead of making them again")
    args = ap.parse_args()

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kgsparql-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        graph_dir = Path(args.graph) if args.graph else work / "bundled"
        if not args.graph:
            subprocess.run([*KG, "build", str(ROOT / "sources"), "--out", str(graph_dir)], check=True, capture_output=True)
        base = GraphStore.open_read_only(graph_dir / STORE_DIR)
        fact = evidence_fact(base)
        report("bundled build", graph_dir / STORE_DIR, fact, args.runs, args.budget, args.timeout)
        for size in (int(s) for s in args.sizes.split(",") if s):
            path = work / f"store-{size}"
            if args.reuse and path.is_dir():
                print(f"\n(reusing {path})")
            else:
                quads, copies, load_s = make_store(base, size, path)
                print(f"\n(replicated {copies} times: {quads:,} quads; bulk_load + optimize {load_s:.0f} s)")
            report(f"replicated store, target {size:,}", path, fact, args.runs, args.budget, args.timeout)
            if not args.workdir:
                shutil.rmtree(path, ignore_errors=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
