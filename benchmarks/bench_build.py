"""Build throughput and peak memory of ``kg build`` as the corpus grows.

For each size N, writes a JSONL corpus of N articles (the bundled ``sources/``
cycled, each line a distinct id; the reader streams it), runs
``kg build corpus.jsonl --out DIR`` as a child process, and reports wall time,
articles/s and the child's peak RSS (``os.wait4`` rusage of that child, i.e.
``getrusage`` for it alone). RSS is also sampled from ``/proc`` and the phases
are timed from the files the build stages: extraction + graph until
``.graph.trig.tmp`` appears (records and TriG blocks are written article by
article meanwhile), the TriG until ``.graph.html.tmp`` appears, then the HTML
view. ``--timeout`` stops a build
and reports the phases it finished.

``--outputs-only`` skips the NLP: the bundled build's quads are replicated
under renamed article ids into a store of N articles (as in
``bench_sparql.py``) and only the output phase (records, TriG, view) is timed,
step by step, so sizes the NLP cannot reach in a sitting are measured too.

Run by hand (not a test)::

    python benchmarks/bench_build.py --sizes 1000,10000
    python benchmarks/bench_build.py --sizes 100000 --workdir /var/tmp/kgbench --timeout 36000
    python benchmarks/bench_build.py --outputs-only --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
KG = [sys.executable, "-m", "kg.cli"]
"""The command measured: this checkout's ``kg`` (also in Dask workers, through PYTHONPATH)."""

from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402

MARKERS = {"trig": ".graph.trig.tmp", "view": ".graph.html.tmp"}
"""Files a build stages, in order: records are written article by article during
extraction, then the TriG (``.graph.trig.tmp``), then the view (``.graph.html.tmp``)."""


def write_corpus(path: Path, size: int, sources: Path) -> int:
    """Write ``size`` articles cycling ``sources``; returns the total characters."""
    articles = [a for a in read_paths([sources]) if isinstance(a, Article)]
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for i, article in enumerate(itertools.islice(itertools.cycle(articles), size)):
            out.write(json.dumps({"id": f"bench-{i:07d}", "date": article.date, "text": article.text}, ensure_ascii=False) + "\n")
            chars += len(article.text)
    return chars


def _rss_mb(pid: int) -> float | None:
    """Resident set of ``pid`` and its direct children (Dask workers), in MB."""
    try:
        pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return None
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Sampler(threading.Thread):
    """Sample the child's RSS and note when each staged output appears."""

    def __init__(self, pid: int, out: Path, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.out, self.every = pid, out, every
        self.samples: list[tuple[float, float]] = []
        self.marks: dict[str, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        t0 = time.perf_counter()
        while not self.done.is_set():
            rss = _rss_mb(self.pid)
            now = time.perf_counter() - t0
            if rss is not None:
                self.samples.append((now, rss))
            for phase, name in MARKERS.items():
                if phase not in self.marks and (self.out / name).exists():
                    self.marks[phase] = now
            time.sleep(self.every)

    def peak(self, since: float = 0.0, until: float | None = None) -> float:
        return max((r for t, r in self.samples if t >= since and (until is None or t <= until)), default=0.0)

    def at(self, when: float) -> float:
        return min(self.samples, key=lambda s: abs(s[0] - when), default=(0, 0.0))[1]


def _reap(proc: subprocess.Popen, timeout: float | None):
    """Wait for ``proc`` (killing it after ``timeout`` s); returns (exit code, its rusage, timed out)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage, False
        if deadline is not None and time.monotonic() > deadline:
            proc.kill()
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage, True
        time.sleep(0.1)


def run_build(corpus: Path, out: Path, extra: list[str], timeout: float | None) -> dict:
    cmd = [*KG, "build", str(corpus), "--out", str(out), *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid, out)
    sampler.start()
    streams: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, f=f: streams.__setitem__(n, f.read()))
               for n, f in (("out", proc.stdout), ("err", proc.stderr))]
    for reader in readers:
        reader.start()
    code, usage, timed_out = _reap(proc, timeout)  # wait4: *this* child's peak RSS
    elapsed = time.perf_counter() - t0
    for reader in readers:
        reader.join()
    sampler.done.set()
    sampler.join()
    if code and not timed_out:
        raise SystemExit(f"kg build failed ({code}): {streams['err'].decode()[-2000:]}")
    marks = sampler.marks
    extract_end = marks.get("trig", elapsed)
    result = {
        "seconds": elapsed, "timed_out": timed_out,
        "extract_seconds": extract_end,
        "records_trig_seconds": marks["view"] - extract_end if "view" in marks else None,
        "view_seconds": elapsed - marks["view"] if "view" in marks and not timed_out else None,
        "view_started": "view" in marks,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "rss_extract_25_mb": sampler.at(0.25 * extract_end),
        "rss_extract_90_mb": sampler.at(0.90 * extract_end),
        "peak_rss_extract_mb": sampler.peak(until=extract_end),
        "peak_rss_outputs_mb": sampler.peak(since=extract_end) if "trig" in marks else None,
    }
    if not timed_out:
        summary = streams["out"].decode().strip().splitlines()[-1]
        result.update(
            summary=summary,
            triples=int(re.search(r"holds (\d+) triples", summary).group(1)),
            store_mb=sum(f.stat().st_size for f in (out / "store").rglob("*") if f.is_file()) / 1e6,
            trig_mb=(out / "graph.trig").stat().st_size / 1e6,
        )
    return result


def _fmt(value, spec: str = ".0f", missing: str = "-") -> str:
    return missing if value is None else format(value, spec)


def builds(args) -> list[dict]:
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| articles | chars | wall s | articles/s | extract+graph+records s | of which articles/s | TriG s | view s "
          "| RSS @25% extract MB | RSS @90% extract MB | peak RSS outputs MB | peak RSS (wait4) MB | triples | store MB | TriG MB |")
    print("|" + "---:|" * 15)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = work / f"corpus-{size}.jsonl"
            chars = write_corpus(corpus, size, Path(args.sources))
            out = work / f"build-{size}"
            shutil.rmtree(out, ignore_errors=True)
            r = run_build(corpus, out, args.build_args, args.timeout)
            r.update(articles=size, chars=chars)
            rows.append(r)
            wall = f"> {r['seconds']:.0f} (stopped)" if r["timed_out"] else f"{r['seconds']:.1f}"
            view = r["view_seconds"]
            view_s = _fmt(view, ".1f") if view is not None else (f"> {r['seconds'] - r['extract_seconds'] - (r['records_trig_seconds'] or 0):.0f} (stopped)" if r["view_started"] else "-")
            print(f"| {size} | {chars} | {wall} | {'-' if r['timed_out'] else format(size / r['seconds'], '.1f')} "
                  f"| {r['extract_seconds']:.1f} | {size / r['extract_seconds']:.1f} | {_fmt(r['records_trig_seconds'], '.1f')} | {view_s} "
                  f"| {r['rss_extract_25_mb']:.0f} | {r['rss_extract_90_mb']:.0f} | {_fmt(r['peak_rss_outputs_mb'])} "
                  f"| {r['peak_rss_mb']:.0f} | {r.get('triples', '-')} | {_fmt(r.get('store_mb'), '.0f')} | {_fmt(r.get('trig_mb'), '.1f')} |",
                  flush=True)
            if not args.workdir:
                shutil.rmtree(out, ignore_errors=True)
                corpus.unlink()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return rows


_OUTPUT_STEPS = """
import json, sys, time
from pathlib import Path
from kg.build import RECORDS_DIR, write_records
from kg.graph.store import TRIG_FILE, open_build
from kg.view.network import write_view
out = Path(sys.argv[1])
store = open_build(out)
for step, run in (("records", lambda: write_records(store, out / RECORDS_DIR)),
                  ("trig", lambda: store.write(out / TRIG_FILE)),
                  ("view", lambda: write_view(store, out / "graph.html"))):
    t0 = time.perf_counter()
    run()
    print(json.dumps({"step": step, "seconds": time.perf_counter() - t0}), flush=True)
"""


def outputs_only(size: int, work: Path, sources: Path, timeout: float | None) -> dict:
    """Time the output steps alone (records, TriG, view) on a replicated store of ``size`` articles."""
    import pyoxigraph as ox

    from bench_sparql import _Stream, replicated
    from kg.graph.store import STORE_DIR, GraphStore

    base_dir = work / "bundled"
    if not (base_dir / STORE_DIR).is_dir():
        subprocess.run([*KG, "build", str(sources), "--out", str(base_dir)], check=True, capture_output=True)
    base = GraphStore.open_read_only(base_dir / STORE_DIR)
    copies = max(1, math.ceil(size / len(base.article_ids())))
    out = work / f"outputs-{size}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    chunks, _expected = replicated(base, copies)
    store = ox.Store(str(out / STORE_DIR))
    store.bulk_load(io.BufferedReader(_Stream(chunks), buffer_size=1 << 20), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    quads = len(store)
    del store
    proc = subprocess.Popen([sys.executable, "-c", _OUTPUT_STEPS, str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout))
    reader.start()
    code, usage, timed_out = _reap(proc, timeout)
    reader.join()
    steps = {json.loads(line)["step"]: json.loads(line)["seconds"] for line in lines}
    shutil.rmtree(out, ignore_errors=True)
    return {"articles": copies * len(base.article_ids()), "quads": quads, "steps": steps,
            "peak_rss_mb": usage.ru_maxrss / 1024, "timed_out": timed_out, "code": code,
            "error": "" if code == 0 or timed_out else proc.stderr.read().decode()[-300:]}


def outputs(args) -> list[dict]:
    work = Path(args.workdir or tempfile.mkdtemp(prefix="kgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| articles | quads | records s | TriG s | view s | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        r = outputs_only(size, work, Path(args.sources), args.timeout)
        rows.append(r)
        cells = []
        for step in ("records", "trig", "view"):
            if step in r["steps"]:
                cells.append(f"{r['steps'][step]:.1f}")
            elif r["timed_out"] and len(cells) == len(r["steps"]):
                cells.append(f"> {args.timeout - sum(r['steps'].values()):.0f} (stopped)")
            else:
                cells.append("-" if not r["error"] else "failed: " + r["error"].strip().splitlines()[-1])
        print(f"| {r['articles']} | {r['quads']} | {' | '.join(cells)} | {r['peak_rss_mb']:.0f} |", flush=True)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (articles)")
    ap.add_argument("--sources", default=str(ROOT / "sources"), help="folder of seed articles to cycle")
    ap.add_argument("--workdir", help="where corpora and builds go (default: a temporary folder, removed)")
    ap.add_argument("--timeout", type=float, help="stop a build after this many seconds and report its finished phases")
    ap.add_argument("--outputs-only", action="store_true",
                    help="skip the NLP: time only the output steps on replicated stores of each size")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("build_args", nargs="*", help="extra `kg build` options after --, e.g. -- --engine dask")
    args = ap.parse_args()
    rows = outputs(args) if args.outputs_only else builds(args)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
