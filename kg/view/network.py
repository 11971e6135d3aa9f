"""The interactive HTML network (pyvis) of actors, meetings and statements.

The page must open from ``file://`` with no network, so vis-network is
inlined. Every piece of article text is HTML-escaped before it reaches the
page: titles in vis-network are rendered as HTML.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

from pyvis.network import Network

from kg.graph.store import GraphStore, write_atomic

STYLE = {
    "Person": ("#e45756", "dot"),
    "Country": ("#4c78a8", "diamond"),
    "Organization": ("#f58518", "square"),
    "Place": ("#54a24b", "triangle"),
    "Meeting": ("#b279a2", "star"),
    "Statement": ("#9d9d9d", "box"),
}


def _query(store: GraphStore, name: str):
    return store.query((files("kg.view") / "queries" / f"{name}.rq").read_text(encoding="utf-8"))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def build_network(store: GraphStore) -> Network:
    """Draw the graph: actors, meetings and statements as typed nodes."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", select_menu=False)
    posts = defaultdict(list)
    for row in _query(store, "posts"):
        org = f" ({row['orgLabel'].value})" if row["orgLabel"] is not None else ""
        posts[row["person"].value].append(row["title"].value + org)
    labels = {}
    for row in sorted(_query(store, "actors"), key=lambda r: r["actor"].value):
        iri, kind = row["actor"].value, _local(row["type"].value)
        labels[iri] = row["label"].value
        color, shape = STYLE[kind]
        tip = [f"{row['label'].value}", kind, *sorted(set(posts.get(iri, [])))]
        net.add_node(iri, label=html.escape(row["label"].value), title=html.escape("\n".join(tip)), color=color, shape=shape)
    meetings: dict[str, dict] = {}
    for row in _query(store, "meetings"):
        m = meetings.setdefault(row["meeting"].value, {"kind": _local(row["kind"].value), "participants": set(),
                                                       "date": row["date"], "status": _local(row["status"].value),
                                                       "place": row["place"], "sentence": row["sentence"]})
        m["participants"].add(row["participant"].value)
    for iri in sorted(meetings):
        m = meetings[iri]
        date = m["date"].value if m["date"] is not None else "date unknown"
        place = labels.get(m["place"].value, "") if m["place"] is not None else ""
        tip = [f"{m['kind']} ({m['status']})", date, place, m["sentence"].value if m["sentence"] is not None else ""]
        color, shape = STYLE["Meeting"]
        net.add_node(iri, label=html.escape(f"{m['kind']} {date}"), title=html.escape("\n".join(t for t in tip if t)),
                     color=color, shape=shape)
        for participant in sorted(m["participants"]):
            if participant in labels:
                net.add_edge(participant, iri, title="participant")
    for row in sorted(_query(store, "statements"), key=lambda r: r["statement"].value):
        iri, speaker = row["statement"].value, row["speaker"].value
        if speaker not in labels:
            continue
        text = row["text"].value
        color, shape = STYLE["Statement"]
        short = text if len(text) <= 40 else text[:39] + "…"
        net.add_node(iri, label=html.escape(short), title=html.escape(text), color=color, shape=shape)
        net.add_edge(speaker, iri, title="spoke")
    net.toggle_physics(True)
    return net


_REMOTE = re.compile(r"<link[^>]*https?://[^>]*>|<script[^>]*\bsrc=\"https?://[^>]*>\s*</script>|<!--.*?-->", re.S)


def offline(page: str) -> str:
    """Drop pyvis's CDN links (bootstrap, only used by menus we turn off).

    Example:
        >>> offline('<link href="https://cdn.example/x.css" rel="stylesheet" /><p>ok</p>')
        '<p>ok</p>'
    """
    return _REMOTE.sub("", page)


def write_view(store: GraphStore, path: str | Path) -> Path:
    """Write the self-contained HTML view to ``path``."""
    net = build_network(store)
    page = offline(net.generate_html(notebook=False))
    write_atomic(Path(path), page.encode("utf-8"))
    return Path(path)
