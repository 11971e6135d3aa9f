"""Machine instructions per article of the spaCy pipeline, counted by Valgrind.

This VM's speed swings by half within minutes, so articles per second taken
an hour apart cannot tell two versions of the code apart. The number of
instructions the CPU runs does not swing: Valgrind's cachegrind counts them.
A process loads the pipeline and runs ``--n`` articles of ``sources/``
(cycled); a second one only loads it; the difference divided by ``--n`` is
the cost of one article. Valgrind runs the code about 30 times slower, so
the default 50 articles take about a minute. Both processes run at once.

It measures this checkout's code; ``--installed`` measures the installed
package instead (compiled by ``pip install .``, see ``setup.py``).
Needs the Debian package ``valgrind``.

Run: ``python benchmarks/bench_instructions.py [--n 50] [--installed]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKLOAD = """
import itertools, sys
if {checkout!r}:
    sys.path.insert(0, {root!r})
from kg.nlp.pipeline import load_pipeline
from kg.sources.article import Article
from kg.sources.readers import read_paths
nlp = load_pipeline()
nlp("Khởi động.")
articles = [a for a in read_paths([{sources!r}]) if isinstance(a, Article)]
for article in itertools.islice(itertools.cycle(articles), {n}):
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
import kg
print(kg.__file__, file=sys.stderr)
"""


def _start(n: int, checkout: bool, sources: str) -> subprocess.Popen:
    code = WORKLOAD.format(checkout=checkout, root=str(ROOT), sources=sources, n=n)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, "-c", code]
    return subprocess.Popen(cmd, cwd="/", stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def _count(proc: subprocess.Popen) -> tuple[int, str]:
    err = proc.communicate()[1]
    m = re.search(r"I\s+refs:\s+([\d,]+)", err)
    if proc.returncode != 0 or m is None:
        raise SystemExit(f"valgrind run failed:\n{err[-2000:]}")
    where = next((line for line in err.splitlines() if line.endswith("__init__.py")), "?")
    return int(m.group(1).replace(",", "")), where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50, help="articles to run after loading")
    ap.add_argument("--installed", action="store_true", help="measure the installed package, not this checkout")
    ap.add_argument("--sources", default=str(ROOT / "sources"), help="folder of .txt articles")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    checkout = not args.installed
    load_only, full = _start(0, checkout, args.sources), _start(args.n, checkout, args.sources)
    (base, _), (total, where) = _count(load_only), _count(full)
    print(f"code: {where}\n{(total - base) / args.n / 1e6:.2f} million instructions per article "
          f"({args.n} articles of {args.sources}; loading: {base / 1e6:,.0f} million)")


if __name__ == "__main__":
    main()
