"""The interactive HTML network (pyvis / vis-network) of actors, meetings and statements.

The page opens from ``file://`` with no network: vis-network (from pyvis's
bundle) is inlined and the page's Content-Security-Policy forbids every fetch.
Article text never becomes markup: node data travels as JSON inside a
``<script type="application/json">`` block, escaped so it cannot close that
block, and the page's script builds labels, tooltips and search results with
``textContent``. The output is deterministic: the same graph and options give
byte-identical HTML.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from pathlib import Path

import pyvis
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.graph.store import GraphStore, write_atomic
from kg.view.load import KINDS, add_sources, load, load_around, load_top
from kg.view.select import DEFAULT_MAX_NODES, Filters, Selection, match_actors, select, select_top

STYLE = {  # kind -> (colour, vis shape, legend symbol); every shape honours "size"
    "Person": ("#e45756", "dot", "●"),
    "Country": ("#4c78a8", "diamond", "◆"),
    "Organization": ("#f58518", "square", "■"),
    "Place": ("#54a24b", "triangle", "▲"),
    "Meeting": ("#b279a2", "star", "★"),
    "Statement": ("#72b7b2", "hexagon", "⬢"),
}
EDGES = (
    ("participant", "actor → meeting it took part in"),
    ("place", "meeting → where it was held"),
    ("spoke", "actor → statement it made"),
    ("holds post", "person → country or organisation of the post"),
    ("reported in", "statement → outlet it was relayed through"),
)
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def build_network(selection: Selection) -> Network:
    """The pyvis network of the selected nodes, sized by their connections."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    graph = selection.graph
    for node in sorted(graph):
        data = graph.nodes[node]
        color, shape, _ = STYLE[data["kind"]]
        degree = selection.degree.get(node, 0)
        net.add_node(node, label=data["label"], color=color, shape=shape, size=round(8 + 4 * math.sqrt(degree), 1),
                     kind=data["kind"])
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        net.add_edge(source, target, label=data["label"], detail=data["detail"])
    net.options = _options(graph.number_of_nodes())
    return net


def iterations(count: int) -> int:
    """Physics steps before the layout is frozen: fewer for big graphs, whose steps cost more.

    A step costs about O(n log n); this keeps the wait to a few seconds on a
    laptop up to a couple of thousand nodes (benchmarks/bench_view.py).

    Example:
        >>> [iterations(n) for n in (50, 300, 1000, 5000)]
        [1000, 300, 200, 150]
    """
    return 1000 if count <= 100 else 300 if count <= 300 else 200 if count <= 1000 else 150


def _options(count: int) -> dict:
    """vis-network options: a fixed seed (same layout every time) and physics that stops."""
    return {
        # vis's improved layout clusters the graph first: worth it only while that is cheap
        "layout": {"randomSeed": 7, "improvedLayout": count <= 100},
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based", "minVelocity": 1.5,
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90, "springConstant": 0.06,
                                 "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": iterations(count), "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": count > 300,
                        "hideEdgesOnZoom": count > 300},
        "nodes": {"font": {"size": 12, "face": "sans-serif", "strokeWidth": 2, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False, "width": 1, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "color": {"color": "#b8b8b8", "highlight": "#333333", "hover": "#555555"},
                  "font": {"size": 9, "color": "#777777", "strokeWidth": 2, "align": "middle"}},
    }


def script_json(value: object) -> Markup:
    """JSON safe inside ``<script>``: nothing in it can end the element or open a comment.

    Example:
        >>> str(script_json({"q": "</script><b>&"}))
        '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Markup(text)


def _inline_js(text: str) -> Markup:
    """A library inlined in ``<script>``: it must not contain its own end tag."""
    if "</script" in text.lower():
        raise ValueError("the inlined script contains '</script'")
    return Markup(text)


def render(selection: Selection) -> str:
    """The whole page for a selection."""
    net = build_network(selection)
    nodes, edges, _, _, _, options = net.get_network_data()
    info = {n: selection.graph.nodes[n]["info"] | {"rows": selection.graph.nodes[n]["info"]["rows"]
                                                  + [["Connections", str(selection.degree.get(n, 0))]]}
            for n in selection.graph}
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options), "info": info}
    counts = {kind: 0 for kind in KINDS}
    for _, kind in selection.graph.nodes(data="kind"):
        counts[kind] += 1
    template = Environment(autoescape=True, keep_trailing_newline=True).from_string(
        (files("kg.view") / "page.html").read_text(encoding="utf-8"))
    return template.render(
        data=script_json(data),
        vis_css=Markup((VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        vis_js=_inline_js((VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        legend=[(kind, *STYLE[kind], counts[kind]) for kind in KINDS],
        edges=EDGES,
        shown=selection.graph.number_of_nodes(),
        links=selection.graph.number_of_edges(),
        available=selection.available,
        filters=_describe(selection),
        note=selection.note(),
    )


def _describe(selection: Selection) -> str:
    """The active filters in words ("" for the default view)."""
    f = selection.filters
    if not f.narrowed:
        return ""
    parts = []
    if f.actor:
        parts.append(f"actor {f.actor!r} ({'; '.join(selection.actors)})")
    if f.since or f.until:
        parts.append(f"dated {f.since or '…'} to {f.until or '…'}")
    if f.kinds:
        parts.append(f"kinds {', '.join(f.kinds)}")
    return f"Filtered by {', '.join(parts)}: {selection.matching:,} of {selection.available:,} nodes match."


def write_view(store: GraphStore, path: str | Path, *, actor: str | None = None, since: str | None = None,
               until: str | None = None, kinds: tuple[str, ...] = (), max_nodes: int = DEFAULT_MAX_NODES) -> Path:
    """Write the self-contained HTML view to ``path``.

    Raises:
        ValueError: a filter value is malformed.
        LookupError: ``actor`` names no actor.
    """
    filters = Filters(actor=actor, since=since, until=until, kinds=Filters.parse_kinds(list(kinds)), max_nodes=max_nodes)
    if filters.actor:  # the actor's neighbourhood: only its facts are read
        graph, available = load_around(store, lambda graph: match_actors(graph, filters.actor), filters.facts_filtered)
        selection = select(graph, filters, available)
    elif filters.narrowed or not filters.max_nodes:
        selection = select(load(store), filters)
    else:  # the page every build writes: bounded memory however big the store
        selection = select_top(*load_top(store, filters.max_nodes), filters)
    add_sources(store, selection.graph)
    page = render(selection)
    write_atomic(Path(path), page.encode("utf-8"))
    return Path(path)
