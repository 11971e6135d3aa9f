"""Local vs Dask build time, and push throughput into an Oxigraph server.

Run by hand (not a test)::

    python benchmarks/bench_engines.py --size 1000 --workers 2

Writes a JSONL corpus of ``--size`` articles cycling ``sources/`` (via
``bench_build.write_corpus``), builds it with ``--engine local`` and with
``--engine dask --workers N``, checks the two graphs are byte-identical, then
starts ``oxigraph serve`` on a free loopback port and times ``kg push`` twice
(the second push replaces every graph: idempotent).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import write_corpus  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-engines-"))
    try:
        corpus = work / "corpus.jsonl"
        write_corpus(corpus, args.size, ROOT / "sources")
        local = _timed(["kg", "build", str(corpus), "--out", str(work / "local")])
        dask = _timed(["kg", "build", str(corpus), "--out", str(work / "dask"), "--engine", "dask",
                       "--workers", str(args.workers)])
        same = (work / "local" / "graph.trig").read_bytes() == (work / "dask" / "graph.trig").read_bytes()
        print(f"build {args.size} articles: local {local:.1f} s ({args.size / local:.1f} articles/s), "
              f"dask x{args.workers} {dask:.1f} s ({args.size / dask:.1f} articles/s); identical graphs: {same}")
        port = _free_port()
        server = subprocess.Popen(["oxigraph", "serve", "--location", str(work / "oxdb"), "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(2)
            triples = int(subprocess.run(["kg", "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "--graph", str(work / "local"), "--format", "csv"],
                                         capture_output=True, text=True, check=True).stdout.split()[1])
            endpoint = f"http://127.0.0.1:{port}/query"
            for attempt in ("first", "again"):
                seconds = _timed(["kg", "push", "--graph", str(work / "local"), "--endpoint", endpoint])
                print(f"push ({attempt}) {triples} triples in {seconds:.1f} s: {triples / seconds:,.0f} triples/s")
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
