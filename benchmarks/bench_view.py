"""How long the HTML view takes to settle in headless Chromium, at 500 and 2,000 nodes.

Run by hand from the repository root: ``python benchmarks/bench_view.py [SIZES...]``.
For each size, a synthetic graph (tests/view/view_support.py) is written with
``--max-nodes 0`` (all nodes drawn), then loaded in Chromium; the figures are
the Python side (reading the store and writing the page) and the browser side
(from navigation until ``stabilizationIterationsDone`` turned physics off).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "view"))

from view_support import chrome, console_errors, open_view, quit_chrome, store_of, synthetic  # noqa: E402

from kg.view.network import write_view  # noqa: E402


def main(sizes: list[int]) -> None:
    driver = chrome()
    try:
        print(f"{'nodes':>6} {'edges':>6} {'page MB':>8} {'write s':>8} {'settle s':>9} {'in page s':>10}")
        for size in sizes:
            store = store_of(*synthetic(size))
            with tempfile.TemporaryDirectory() as folder:
                started = time.perf_counter()
                path = write_view(store, Path(folder) / "bench.html", max_nodes=0)
                written = time.perf_counter() - started
                settled = open_view(driver, path, timeout=600)
                drawn, edges, in_page = driver.execute_script(
                    "return [network.body.data.nodes.length, network.body.data.edges.length, kgView.settledAt / 1000]")
                errors = console_errors(driver)
                print(f"{drawn:>6} {edges:>6} {path.stat().st_size / 1e6:>8.1f} {written:>8.2f} {settled:>9.2f} {in_page:>10.2f}"
                      + (f"  console: {errors}" if errors else ""))
        driver.get("about:blank")
        loop = driver.execute_script(
            "var t = performance.now(), x = 0; for (var i = 0; i < 1e7; i++) x += Math.sqrt(i); return performance.now() - t;")
        print(f"(this browser's speed, to compare machines: 1e7 Math.sqrt in {loop:.0f} ms)")
    finally:
        quit_chrome(driver)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 2000])
