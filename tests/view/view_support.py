"""Shared by the view tests and ``benchmarks/bench_view.py``: graphs to draw and a headless Chromium.

The graphs are made from hand-written extractions (no NLP), so each test
knows exactly which nodes should be drawn.
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
import time
import zlib
from pathlib import Path

from kg.extract.model import Entity, Evidence, Extraction, Meeting, Role, Statement
from kg.graph import actors
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.sources.article import Article

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
KGR = "https://w3id.org/kg-diplomacy/id/"


def ev(text: str, start: int = 0, end: int | None = None) -> Evidence:
    end = len(text) if end is None else end
    return Evidence(start, end, text[start:end], text, 0, 0.9)


def store_of(*pairs: tuple[Article, Extraction]) -> GraphStore:
    """An in-memory store holding these articles, with the actors graph computed."""
    store = GraphStore.in_memory()
    for art, extraction in pairs:
        store.replace_article(art.id, article_graph(art, extraction))
    actors.refresh(store)
    return store


def save_build(store_pairs: list[tuple[Article, Extraction]], build_dir: Path) -> Path:
    """A build directory that ``kg view --graph`` can open."""
    build_dir.mkdir(parents=True, exist_ok=True)
    store = GraphStore.create(build_dir / "store")
    for art, extraction in store_pairs:
        store.replace_article(art.id, article_graph(art, extraction))
    actors.refresh(store)
    store.flush()
    store.close()
    return build_dir


def diplomacy() -> list[tuple[Article, Extraction]]:
    """Three articles over three months: a call, talks and a summit, and statements."""
    text = "Ngoại trưởng Việt Nam điện đàm với Ngoại trưởng Nhật Bản; hai bên nhất trí hợp tác."
    vn = Entity("country/vn", "Việt Nam", "Country", set(), None, [ev(text, 13, 21)])
    jp = Entity("country/jp", "Nhật Bản", "Country", set(), None, [ev(text, 48, 56)])
    kr = Entity("country/kr", "Hàn Quốc", "Country", set(), None, [ev(text)])
    trung = Entity("person/le-hoai-trung", "Lê Hoài Trung", "Person", {"Trung"}, None, [ev(text)])
    iwaya = Entity("person/iwaya-takeshi", "Iwaya Takeshi", "Person", set(), None, [ev(text)])
    cho = Entity("person/cho-tae-yul", "Cho Tae-yul", "Person", set(), None, [ev(text)])
    hanoi = Entity("place/ha-noi", "Hà Nội", "Place", set(), None, [ev(text)])
    reuters = Entity("org/reuters", "Reuters", "Organization", set(), None, [ev(text)])
    a1 = Article("a1", text, "2026-01-10", "a1.txt", title="Điện đàm Việt Nam - Nhật Bản")
    x1 = Extraction("a1", [vn, jp, trung, iwaya], [Role(trung.key, "Bộ trưởng Ngoại giao", vn.key, ev(text, 0, 12))],
                    [Meeting("call", [trung.key, iwaya.key], "2026-01-09", None, "held", "điện đàm", [ev(text, 22, 30)])],
                    [Statement(trung.key, "hai bên nhất trí hợp tác", "indirect", "nhất trí", ev(text, 58, 84))])
    a2 = Article("a2", text, "2026-02-20", "a2.txt")
    x2 = Extraction("a2", [vn, kr, trung, cho, hanoi, reuters], [],
                    [Meeting("talks", [trung.key, cho.key], "2026-02-19", hanoi.key, "held", "hội đàm", [ev(text, 22, 30)])],
                    [Statement(cho.key, "Hàn Quốc coi trọng Việt Nam", "direct", "nói", ev(text), outlet=reuters.key)])
    a3 = Article("a3", text, "2026-03-05", "a3.txt")
    x3 = Extraction("a3", [jp, kr, iwaya, cho], [],
                    [Meeting("summit", [iwaya.key, cho.key, jp.key, kr.key], "2026-03", None, "planned", "thượng đỉnh",
                             [ev(text)])], [])
    return [(a1, x1), (a2, x2), (a3, x3)]


def hostile() -> list[tuple[Article, Extraction]]:
    """Names, posts, quotes, sentences and titles that are markup meant to run."""
    text = f"Ông {PWN_SCRIPT} gặp {PWN_IMG} và nói: \"{PWN_IMG} </script><script>window.__pwned=1</script>\"."
    bad = Entity("person/bad", PWN_SCRIPT, "Person", {PWN_IMG}, None, [ev(text, 4, 4 + len(PWN_SCRIPT))])
    worse = Entity("person/worse", PWN_IMG, "Person", set(), None, [ev(text)])
    org = Entity("org/evil", "Evil & Co <b>bold</b> \u2028 --> <!--", "Organization", set(), None, [ev(text)])
    place = Entity("place/x", "</script><script>window.__pwned=1</script>", "Place", set(), None, [ev(text)])
    art = Article("h1", text, "2026-04-01", "h1.txt", url="javascript:window.__pwned=1", title=PWN_IMG)
    extraction = Extraction(
        "h1", [bad, worse, org, place], [Role(bad.key, PWN_IMG, org.key, ev(text))],
        [Meeting("meeting", [bad.key, worse.key], "2026-04-01", place.key, "held", PWN_SCRIPT, [ev(text)])],
        [Statement(worse.key, f"{PWN_IMG} </script><script>window.__pwned=1</script>", "direct", "nói", ev(text),
                   outlet=org.key)])
    return [(art, extraction)]


def synthetic(nodes: int, seed: int = 1) -> list[tuple[Article, Extraction]]:
    """About ``nodes`` nodes: persons and countries, meetings between them, statements.

    Degrees are skewed (a few actors take part in most meetings), like real
    news, so ranking by connections has something to find.
    """
    import random

    rng = random.Random(seed)
    n_countries = max(4, nodes // 40)
    n_people = max(6, nodes // 6)
    n_meetings = max(3, nodes * 3 // 10)
    n_statements = max(3, nodes - n_countries - n_people - n_meetings)
    text = "Văn bản tổng hợp cho thử nghiệm hiệu năng."
    countries = [Entity(f"country/c{i:04d}", f"Country {i:04d}", "Country", set(), None, [ev(text)]) for i in range(n_countries)]
    people = [Entity(f"person/p{i:04d}", f"Person {i:04d}", "Person", set(), None, [ev(text)]) for i in range(n_people)]
    weights = [1 / (i + 1) for i in range(n_people)]
    per_article = 20
    pairs = []
    for start in range(0, max(n_meetings, n_statements), per_article):
        aid = f"s{start // per_article:04d}"
        month = 1 + (start // per_article) % 12
        meetings = [Meeting(rng.choice(["meeting", "call", "talks", "summit", "visit"]),
                            sorted({p.key for p in rng.choices(people, weights, k=3)}), f"2025-{month:02d}-15",
                            None, "held", "gặp", [ev(text)]) for _ in range(start, min(start + per_article, n_meetings))]
        statements = [Statement(rng.choices(people, weights)[0].key, f"Phát biểu số {i}", "indirect", "nói", ev(text))
                      for i in range(start, min(start + per_article, n_statements))]
        roles = [Role(p.key, "Bộ trưởng", countries[i % n_countries].key, ev(text))
                 for i, p in enumerate(people) if i % 50 == (start // per_article) % 50]
        extraction = Extraction(aid, countries + people, roles, meetings, statements)
        pairs.append((Article(aid, text, f"2025-{month:02d}-16", f"{aid}.txt"), extraction))
    return pairs


# Chromium -----------------------------------------------------------------
def chrome(width: int = 1200, height: int = 800):
    """A headless Chromium that cannot reach any network and keeps its console and network logs."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={width},{height}",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver._kg_profile = profile  # noqa: SLF001 - removed by quit()
    return driver


def quit_chrome(driver) -> None:
    driver.quit()
    shutil.rmtree(driver._kg_profile, ignore_errors=True)  # noqa: SLF001


def open_view(driver, path: Path, timeout: float = 120.0) -> float:
    """Load the page and wait until physics has stopped; returns the seconds that took."""
    driver.get("about:blank")
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    started = time.perf_counter()
    driver.get(path.resolve().as_uri())
    deadline = started + timeout
    while not driver.execute_script("return !!(window.kgView && window.kgView.settled)"):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"physics did not stop within {timeout} s")
        time.sleep(0.02)
    return time.perf_counter() - started


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def requested_urls(driver, page: Path) -> list[str]:
    """Every URL the page asked the network stack for (Chrome DevTools log).

    Chromium's own pages (the first tab's chrome:// new-tab page) log requests
    too; only those made for ``page`` count.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == page.resolve().as_uri():
            urls.append(message["params"]["request"]["url"])
    return urls


def drawn_nodes(driver) -> dict[str, dict]:
    """The nodes vis-network holds, by id (the ids are the graph's IRIs)."""
    rows = driver.execute_script(
        "var d = network.body.data.nodes; return d.getIds().map(function (id) {"
        " var n = d.get(id); return {id: id, label: n.label, kind: n.kind, shape: n.shape, size: n.size}; });")
    return {row["id"]: row for row in rows}


def png_colours(data: bytes, limit: int = 64) -> int:
    """Distinct colours in an 8-bit RGB(A) PNG, counted up to ``limit`` (Pillow is not a dependency)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, f"unsupported PNG {header}"
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, colours = bytearray(stride), set()
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp * 7))
        if len(colours) >= limit:
            return len(colours)
        previous = line
    return len(colours)


HOVER_JS = """
var id = arguments[0], isEdge = arguments[1], done = arguments[arguments.length - 1];
var canvas = network.canvas.frame.canvas, point;
if (isEdge) {
  var e = network.body.data.edges.get(id), p = network.getPositions([e.from, e.to]);
  point = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
} else {
  point = network.getPositions([id])[id];
}
network.moveTo({position: point, scale: 2.5, animation: false});
var dom = network.canvasToDOM(point), rect = canvas.getBoundingClientRect();
canvas.dispatchEvent(new MouseEvent("mousemove", {clientX: rect.left + dom.x, clientY: rect.top + dom.y, bubbles: true}));
setTimeout(function () {
  var tip = document.querySelector("div.vis-tooltip");
  done({visible: !!tip && tip.style.visibility === "visible", text: tip ? tip.textContent : "",
        markup: tip ? tip.querySelectorAll("script, img, b, iframe").length : 0});
}, 400);
"""


def hover(driver, item_id: str, edge: bool = False) -> dict:
    """Move the mouse onto a node (or an edge's middle) through vis-network's own handler; the tooltip it shows."""
    driver.set_script_timeout(10)
    return driver.execute_async_script(HOVER_JS, item_id, edge)
