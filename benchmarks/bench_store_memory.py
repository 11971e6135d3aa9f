"""RSS of a process that only bulk-loads article graphs into an Oxigraph store.

Isolates the store's share of a build's memory growth: synthetic article
graphs (``--quads`` distinct quads each, in batches of 128 articles, as
:class:`kg.graph.store.ArticleLoader` loads them) go into a fresh RocksDB store,
and the process's RSS is printed every ``--every`` articles. With
``--reopen N`` the store is flushed, closed and opened again every N batches,
to see whether RocksDB gives memory back.

Run by hand: ``python benchmarks/bench_store_memory.py --articles 20000
[--reopen 10] [--workdir /var/tmp]``.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

BATCH = 128


def _rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def _article(i: int, quads: int) -> bytes:
    graph = f"<http://kg.example/article/a{i}>"
    return "".join(f'<http://kg.example/m/a{i}-{k}> <http://kg.example/p{k % 17}> "value {i} {k}" {graph} .\n'
                   for k in range(quads)).encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--quads", type=int, default=800, help="quads per article (a built article has about 850)")
    ap.add_argument("--reopen", type=int, default=0, help="close and reopen the store every N batches (0: never)")
    ap.add_argument("--every", type=int, default=2000, help="print RSS every this many articles")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="kg-store-mem-", dir=args.workdir))
    try:
        store, batch, batches = ox.Store(str(folder)), [], 0
        print(f"{'articles':>9} {'RSS MB':>7}", flush=True)
        for i in range(1, args.articles + 1):
            batch.append(_article(i, args.quads))
            if len(batch) == BATCH:
                store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
                batch, batches = [], batches + 1
                if args.reopen and batches % args.reopen == 0:
                    store.flush()
                    del store
                    gc.collect()
                    store = ox.Store(str(folder))
            if i % args.every == 0:
                print(f"{i:>9} {_rss_mb():>7}", flush=True)
        if batch:
            store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
        print(f"{'end':>9} {_rss_mb():>7}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
