"""Local vs Dask build time, and push throughput into an Oxigraph server.

Run by hand (not a test)::

    python benchmarks/bench_engines.py --size 1000 --workers 2
    python benchmarks/bench_engines.py --size 100000 --push-size 1000 --workdir /var/tmp/kgengines

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

from bench_build import KG, write_corpus  # noqa: E402


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
    parser.add_argument("--engines", default="local,dask", help="which builds to time (comma-separated)")
    parser.add_argument("--push-size", type=int, default=None,
                        help="articles of the build to push (default: --size; pushing 100k articles takes hours)")
    parser.add_argument("--workdir", help="where corpora and builds go (default: a temporary folder, removed)")
    args = parser.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-engines-"))
    work.mkdir(parents=True, exist_ok=True)
    engines = args.engines.split(",")
    try:
        corpus = work / "corpus.jsonl"
        write_corpus(corpus, args.size, ROOT / "sources")
        seconds = {}
        for engine in engines:
            extra = ["--engine", "dask", "--workers", str(args.workers)] if engine == "dask" else []
            seconds[engine] = _timed([*KG, "build", str(corpus), "--out", str(work / engine), *extra])
            print(f"build {args.size} articles, {engine}{f' x{args.workers}' if engine == 'dask' else ''}: "
                  f"{seconds[engine]:.1f} s ({args.size / seconds[engine]:.1f} articles/s)", flush=True)
        if len(engines) == 2:
            same = all((work / engines[0] / name).read_bytes() == (work / engines[1] / name).read_bytes()
                       for name in ("graph.trig",))
            print(f"identical graphs: {same}")
        push_size = args.push_size or args.size
        pushed = work / engines[0]
        if push_size != args.size:
            write_corpus(work / "push.jsonl", push_size, ROOT / "sources")
            pushed = work / "push"
            _timed([*KG, "build", str(work / "push.jsonl"), "--out", str(pushed)])
        _push(pushed, work)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def _push(build: Path, work: Path) -> None:
    """Time two pushes of ``build`` into a fresh ``oxigraph serve``."""
    port = _free_port()
    shutil.rmtree(work / "oxdb", ignore_errors=True)
    server = subprocess.Popen(["oxigraph", "serve", "--location", str(work / "oxdb"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        triples = int(subprocess.run([*KG, "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                      "--graph", str(build), "--format", "csv"],
                                     capture_output=True, text=True, check=True).stdout.split()[1])
        endpoint = f"http://127.0.0.1:{port}/query"
        for attempt in ("first", "again"):
            seconds = _timed([*KG, "push", "--graph", str(build), "--endpoint", endpoint])
            print(f"push ({attempt}) {triples} triples in {seconds:.1f} s: {triples / seconds:,.0f} triples/s", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
