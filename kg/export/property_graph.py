"""Project the RDF graph onto a property graph: typed nodes, typed edges, flat properties.

Gephi, Cytoscape and Neo4j want nodes and edges carrying scalar properties,
not triples. Actors (persons, countries, organizations, places) and events
(meetings, statements) become nodes; a meeting's participants and place, a
statement's speaker and outlet become edges. Posts are not nodes: a person's
post becomes a ``HOLDS_POST`` edge to the country or organization, and every
title (with or without an organization) is listed on the person node, so a
post without an organization is not lost. Evidence mentions and articles are
left out: they are provenance, kept in the RDF exports.

Node ids are the IRIs, so every row links back to the RDF graph; nodes are
sorted by id and edges by (source, target, type, title), so files written
from the same graph are byte-identical.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files

from kg.graph.namespaces import KGR
from kg.graph.store import GraphStore

NODE_PROPERTIES: dict[str, type] = {
    "name": str,
    "type": str,
    "kind": str,
    "date": str,
    "status": str,
    "wikidata": str,
    "aliases": str,
    "posts": str,
    "quote": str,
    "speech_type": str,
    "verb": str,
    "act": str,
    "trigger": str,
    "sentence": str,
    "article": str,
    "reports": int,
    "confidence": float,
}
"""Every node property and its type, in column order. Dates stay strings (a
meeting may be dated only to the month or year); ``reports`` counts the
articles reporting a meeting; ``confidence`` is the lowest of its reports."""

EDGE_PROPERTIES: dict[str, type] = {"title": str, "date": str, "last_date": str}
"""Every edge property and its type, in column order."""

ACTOR_TYPES = ("Person", "Country", "Organization")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Node:
    """A node: its IRI, labels (``("Actor", "Person")``) and properties."""

    id: str
    labels: tuple[str, ...]
    props: dict[str, str | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    """A directed, typed edge (``PARTICIPANT``, ``SPOKE`` ...) with a stable id."""

    id: str
    source: str
    target: str
    type: str
    props: dict[str, str | float] = field(default_factory=dict)


@dataclass(frozen=True)
class PropertyGraph:
    nodes: list[Node]
    edges: list[Edge]


def _rows(store: GraphStore, name: str) -> list[dict[str, str | None]]:
    text = (files("kg.export") / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    result = store.query(text)
    names = [v.value for v in result.variables]
    rows = [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]
    return sorted(rows, key=lambda r: tuple(r[n] or "" for n in names))


def _local(iri: str) -> str:
    """``https://…/ontology#PhoneCall`` -> ``PhoneCall``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _article_id(iri: str | None) -> str | None:
    prefix = str(KGR["article/"])
    return iri[len(prefix):] if iri and iri.startswith(prefix) else iri


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _set(props: dict, key: str, value) -> None:
    """Keep only real values: networkx's GraphML writer rejects ``None``."""
    if value is not None and value != "":
        props[key] = value


def _min_confidence(rows: list[dict]) -> float | None:
    values = [float(r["confidence"]) for r in rows if r["confidence"] is not None]
    return min(values) if values else None


def project(store: GraphStore) -> PropertyGraph:
    """Read actors, meetings, statements and posts into a :class:`PropertyGraph`.

    Example:
        >>> project(GraphStore.in_memory())
        PropertyGraph(nodes=[], edges=[])
    """
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str, str, dict]] = []
    _actors(store, nodes)
    _meetings(store, nodes, edges)
    _statements(store, nodes, edges)
    _posts(store, nodes, edges)
    for source, target, _, _ in edges:  # an endpoint never typed still gets a node
        for iri in (source, target):
            nodes.setdefault(iri, Node(iri, ("Actor",), {"name": _local(iri), "type": "Actor"}))
    # by source then target: the order networkx walks them, so ids run e1, e2 ... in every file
    ordered = sorted(edges, key=lambda e: (e[0], e[1], e[2], str(e[3].get("title", ""))))
    return PropertyGraph(
        nodes=[nodes[iri] for iri in sorted(nodes)],
        edges=[Edge(f"e{i}", s, t, kind, props) for i, (s, t, kind, props) in enumerate(ordered, start=1)],
    )


def _actors(store: GraphStore, nodes: dict[str, Node]) -> None:
    found: dict[str, dict] = defaultdict(lambda: {"types": set(), "label": None, "qids": set()})
    for row in _rows(store, "actors"):
        actor = found[row["actor"]]
        actor["types"].add(_local(row["type"]))
        actor["label"] = actor["label"] or row["label"]
        if row["qid"]:
            actor["qids"].add(row["qid"])
    names: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "names"):
        names[row["actor"]].add(row["name"])
    for iri, actor in found.items():
        types = sorted(actor["types"])
        name = actor["label"] or min(names[iri], default=_local(iri))
        labels = (("Actor",) if any(t in ACTOR_TYPES for t in types) else ()) + tuple(types)
        props: dict = {"name": name, "type": ";".join(types)}
        _set(props, "wikidata", min(actor["qids"], default=None))
        _set(props, "aliases", LIST_SEPARATOR.join(sorted(names[iri] - {name})))
        nodes[iri] = Node(iri, labels, props)


def _meetings(store: GraphStore, nodes: dict[str, Node], edges: list) -> None:
    """One node per event; articles reporting it may disagree, so values are merged.

    The most precise date wins (reports of one event agree at the vaguer
    precision); differing statuses are all kept (``Held;Planned``) rather than
    one article's word chosen silently.
    """
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in _rows(store, "evidence"):
        sentences[row["fact"]].append((int(row["start"] or 0), row["sentence"]))
    by_meeting: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(store, "meetings"):
        by_meeting[row["meeting"]].append(row)
    for iri, rows in by_meeting.items():
        kind = ";".join(sorted({_local(r["kind"]) for r in rows}))
        date = min({r["date"] for r in rows if r["date"]}, key=lambda d: (-len(d), d), default=None)
        articles = sorted({_article_id(r["article"]) for r in rows if r["article"]})
        props: dict = {"name": f"{kind} {date or ''}".strip(), "type": "Meeting", "kind": kind}
        _set(props, "date", date)
        _set(props, "status", ";".join(sorted({_local(r["status"]) for r in rows if r["status"]})))
        _set(props, "trigger", LIST_SEPARATOR.join(sorted({r["trigger"] for r in rows if r["trigger"]})))
        _set(props, "article", LIST_SEPARATOR.join(articles))
        _set(props, "reports", len(articles) or None)
        _set(props, "sentence", min(sentences[iri])[1] if sentences[iri] else None)
        _set(props, "confidence", _min_confidence(rows))
        nodes[iri] = Node(iri, ("Event", "Meeting", *kind.split(";")), props)
    for row in _rows(store, "meeting_links"):
        edge_props: dict = {}
        _set(edge_props, "date", nodes[row["meeting"]].props.get("date") if row["meeting"] in nodes else None)
        edges.append((row["meeting"], row["actor"], _local(row["property"]).upper(), edge_props))


def _statements(store: GraphStore, nodes: dict[str, Node], edges: list) -> None:
    by_statement: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(store, "statements"):
        by_statement[row["statement"]].append(row)
    for iri, rows in by_statement.items():
        first = rows[0]
        quote = first["text"] or ""
        props: dict = {"name": _short(quote) or _local(iri), "type": "Statement"}
        _set(props, "quote", quote)
        _set(props, "speech_type", first["speech"] and _local(first["speech"]))
        _set(props, "verb", first["verb"])
        _set(props, "act", first["act"])
        _set(props, "date", first["published"])
        _set(props, "article", _article_id(first["article"]))
        _set(props, "confidence", _min_confidence(rows))
        nodes[iri] = Node(iri, ("Event", "Statement"), props)
        dated: dict = {}
        _set(dated, "date", first["published"])
        for speaker in sorted({r["speaker"] for r in rows}):
            edges.append((speaker, iri, "SPOKE", dict(dated)))
        for outlet in sorted({r["outlet"] for r in rows if r["outlet"]}):
            edges.append((iri, outlet, "RELAYED_BY", dict(dated)))


def _posts(store: GraphStore, nodes: dict[str, Node], edges: list) -> None:
    posts: dict[tuple[str, str], dict] = {}
    for row in _rows(store, "posts"):
        post = posts.setdefault((row["person"], row["post"]), {"title": row["title"], "org": row["org"], "dates": set()})
        if row["attested"]:
            post["dates"].add(row["attested"])
    titles: dict[str, set[str]] = defaultdict(set)
    for (person, _), post in sorted(posts.items()):
        title = post["title"] or ""
        org_node = nodes.get(post["org"]) if post["org"] else None
        titles[person].add(f"{title} ({org_node.props['name']})" if org_node else title)
        if post["org"]:
            props: dict = {}
            _set(props, "title", title)
            _set(props, "date", min(post["dates"], default=None))
            _set(props, "last_date", max(post["dates"], default=None))
            edges.append((person, post["org"], "HOLDS_POST", props))
    for person, held in titles.items():
        if person in nodes:
            _set(nodes[person].props, "posts", LIST_SEPARATOR.join(sorted(t for t in held if t)))
