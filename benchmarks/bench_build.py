"""Build throughput and peak memory of ``kg build`` as the corpus grows.

For each size N, writes a JSONL corpus of N articles (the bundled ``sources/``
cycled, each line a distinct id), runs ``kg build corpus.jsonl --out DIR`` as a
child process, and reports wall time, articles/s and the child's peak RSS
(``os.wait4`` rusage, i.e. ``getrusage`` of that child). RSS is also sampled
from ``/proc`` so the peak can be placed: during extraction, or while the
outputs (records, TriG, HTML) are written; the output phase starts when
``DIR/.records.tmp`` appears.

Run by hand (not a test)::

    python benchmarks/bench_build.py --sizes 1000,10000
    python benchmarks/bench_build.py --sizes 100000 --workdir /var/tmp/kgbench
    python benchmarks/bench_build.py --outputs-only --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import itertools
import json
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

from kg.sources.article import Article  # noqa: E402
from kg.sources.readers import read_paths  # noqa: E402


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
    """Resident set of ``pid`` and its children (Dask workers), in MB."""
    total = 0
    try:
        pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return None
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Sampler(threading.Thread):
    """Sample the child's RSS and note when the output phase begins."""

    def __init__(self, pid: int, out: Path, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.out, self.every = pid, out, every
        self.samples: list[tuple[float, float]] = []
        self.outputs_at: float | None = None
        self.done = threading.Event()

    def run(self) -> None:
        t0 = time.perf_counter()
        while not self.done.is_set():
            rss = _rss_mb(self.pid)
            now = time.perf_counter() - t0
            if rss is not None:
                self.samples.append((now, rss))
            if self.outputs_at is None and (self.out / ".records.tmp").exists():
                self.outputs_at = now
            time.sleep(self.every)

    def peak(self, until: float | None = None, since: float = 0.0) -> float:
        values = [r for t, r in self.samples if t >= since and (until is None or t <= until)]
        return max(values, default=0.0)

    def at_fraction(self, fraction: float, until: float) -> float:
        """RSS at ``fraction`` of the extraction phase (to see whether it grows)."""
        target = until * fraction
        best = min(self.samples, key=lambda s: abs(s[0] - target), default=(0, 0.0))
        return best[1]


def run_build(corpus: Path, out: Path, extra: list[str]) -> dict:
    kg = shutil.which("kg") or "kg"
    cmd = [kg, "build", str(corpus), "--out", str(out), *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid, out)
    sampler.start()
    streams: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, f=f: streams.__setitem__(n, f.read()))
               for n, f in (("out", proc.stdout), ("err", proc.stderr))]
    for reader in readers:
        reader.start()
    # Reap the child ourselves: wait4 gives *its* rusage (peak RSS), not all children's.
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - t0
    for reader in readers:
        reader.join()
    sampler.done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode}): {streams['err'].decode()[-2000:]}")
    summary = streams["out"].decode().strip().splitlines()[-1]
    triples = int(re.search(r"holds (\d+) triples", summary).group(1))
    extract_end = sampler.outputs_at or elapsed
    return {
        "seconds": elapsed,
        "extract_seconds": extract_end,
        "output_seconds": elapsed - extract_end,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "rss_extract_25_mb": sampler.at_fraction(0.25, extract_end),
        "rss_extract_90_mb": sampler.at_fraction(0.90, extract_end),
        "peak_rss_extract_mb": sampler.peak(until=extract_end),
        "peak_rss_outputs_mb": sampler.peak(since=extract_end),
        "triples": triples,
        "summary": summary,
        "store_mb": sum(f.stat().st_size for f in (out / "store").rglob("*") if f.is_file()) / 1e6,
        "trig_mb": (out / "graph.trig").stat().st_size / 1e6,
        "html_mb": (out / "graph.html").stat().st_size / 1e6,
    }


def outputs_only(size: int, work: Path, sources: Path) -> dict:
    """Peak RSS and time of the output phase alone (records, TriG, HTML) for ``size`` articles.

    The store is made without the NLP: the bundled build's quads replicated
    under renamed article ids (see ``bench_sparql.py``), so sizes the NLP
    cannot reach in a sitting can still be measured.
    """
    import io
    import math

    import pyoxigraph as ox

    from bench_sparql import _Stream, replicated
    from kg.graph.store import STORE_DIR, GraphStore

    base_dir = work / "bundled"
    if not (base_dir / STORE_DIR).is_dir():
        subprocess.run([shutil.which("kg") or "kg", "build", str(sources), "--out", str(base_dir)], check=True, capture_output=True)
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
    code = "import sys; from pathlib import Path; from kg.build import write_outputs; write_outputs(Path(sys.argv[1]))"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(out)], stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    result = {"articles": copies * len(base.article_ids()), "quads": quads, "seconds": seconds,
              "peak_rss_mb": usage.ru_maxrss / 1024, "ok": proc.returncode == 0,
              "error": err.decode()[-300:] if proc.returncode else ""}
    shutil.rmtree(out, ignore_errors=True)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (articles)")
    ap.add_argument("--sources", default=str(ROOT / "sources"), help="folder of seed articles to cycle")
    ap.add_argument("--workdir", help="where corpora and builds go (default: a temporary folder, removed)")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("build_args", nargs="*", help="extra `kg build` options after --, e.g. -- --engine dask")
    ap.add_argument("--outputs-only", action="store_true",
                    help="skip the NLP: time only the output phase on replicated stores of each size")
    args = ap.parse_args()

    if args.outputs_only:
        work = Path(args.workdir or tempfile.mkdtemp(prefix="kgbench-"))
        work.mkdir(parents=True, exist_ok=True)
        print("| articles | quads | output phase s | peak RSS MB | ok |")
        print("|---:|---:|---:|---:|---|")
        for size in (int(s) for s in args.sizes.split(",")):
            r = outputs_only(size, work, Path(args.sources))
            print(f"| {r['articles']} | {r['quads']} | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} | "
                  f"{'yes' if r['ok'] else 'no: ' + r['error'].strip().splitlines()[-1]} |", flush=True)
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
        return

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| articles | chars | wall s | articles/s | extract s | outputs s | RSS @25% extract MB | RSS @90% extract MB "
          "| peak RSS extract MB | peak RSS outputs MB | peak RSS (wait4) MB | triples | store MB | trig MB | html MB |")
    print("|" + "---:|" * 15)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = work / f"corpus-{size}.jsonl"
            chars = write_corpus(corpus, size, Path(args.sources))
            out = work / f"build-{size}"
            shutil.rmtree(out, ignore_errors=True)
            r = run_build(corpus, out, args.build_args)
            r.update(articles=size, chars=chars, articles_per_s=size / r["seconds"])
            rows.append(r)
            print(f"| {size} | {chars} | {r['seconds']:.1f} | {r['articles_per_s']:.1f} | {r['extract_seconds']:.1f} "
                  f"| {r['output_seconds']:.1f} | {r['rss_extract_25_mb']:.0f} | {r['rss_extract_90_mb']:.0f} "
                  f"| {r['peak_rss_extract_mb']:.0f} | {r['peak_rss_outputs_mb']:.0f} | {r['peak_rss_mb']:.0f} "
                  f"| {r['triples']} | {r['store_mb']:.1f} | {r['trig_mb']:.1f} | {r['html_mb']:.1f} |", flush=True)
            if not args.workdir:
                shutil.rmtree(out, ignore_errors=True)
                corpus.unlink()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
