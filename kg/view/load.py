"""Read the store into a networkx graph of actors, meetings and statements.

The view filters and ranks nodes before drawing (pyvis and the browser slow
down past about a thousand nodes), and networkx makes those steps simple graph
operations. Each node carries what the filters need (``kind``, ``sub``,
``dates``, ``names``) and what its tooltip shows (``info``), built here once so
the page only has to put text into the DOM.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from importlib.resources import files

import networkx as nx
import pyoxigraph as ox

from kg.graph.mapping import MEETING_CLASS
from kg.graph.store import GraphStore

ACTOR_KINDS = ("Person", "Country", "Organization", "Place")
FACT_KINDS = ("Meeting", "Statement")
KINDS = ACTOR_KINDS + FACT_KINDS
MEETING_KINDS = {str(cls): ("in-person" if key == "meeting" else key) for key, cls in MEETING_CLASS.items()}
"""Meeting class IRI -> the name ``--kinds`` accepts (``meeting`` names them all)."""

KIND_TITLES = {"in-person": "Meeting", "call": "Phone call", "talks": "Talks", "summit": "Summit", "visit": "Visit"}

MAX_SOURCES = 5
"""Sources listed in one tooltip; a big event can be reported by dozens of articles."""


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics, so "Hàn Quốc" matches "han quoc".

    Example:
        >>> fold("Đối thoại Hàn Quốc")
        'doi thoai han quoc'
    """
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def short(text: str, limit: int = 32) -> str:
    """A node label: long quotes would cover the drawing.

    Example:
        >>> short("hai nước sẽ tăng cường hợp tác toàn diện", 20)
        'hai nước sẽ tăng cư…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _query(store: GraphStore, name: str, values: dict[str, list[str]] | None = None) -> list[dict]:
    """Rows of a view query; ``values`` binds variables to IRIs with a VALUES block."""
    sparql = (files("kg.view") / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    text = sparql
    if values:
        block = " ".join(f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}" for var, iris in values.items())
        text = sparql.replace("WHERE {", "WHERE { " + block, 1)
    return [{v: (row[v].value if row[v] is not None else None) for v in _variables(sparql)} for row in store.query(text)]


def _variables(sparql: str) -> list[str]:
    head = sparql.split("WHERE", 1)[0]
    return [word[1:] for word in head.split() if word.startswith("?")]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def load(store: GraphStore) -> nx.DiGraph:
    """The whole drawable graph; nodes are IRIs, edges carry their ``label``.

    A fact's sources (the sentences it was read from) are the bulk of the
    data, and only the drawn facts show them: :func:`add_sources` fills them
    in after the selection, so memory follows the drawing, not the corpus.
    """
    graph = nx.DiGraph()
    fact_dates: dict[str, set[str]] = defaultdict(set)
    for r in _query(store, "fact_dates"):
        fact_dates[r["fact"]].add(r["date"])
    _add_actors(store, graph)
    _add_meetings(store, graph, fact_dates)
    _add_statements(store, graph, fact_dates)
    return graph


SOURCE_BATCH = 500
"""Facts per evidence query: keeps each VALUES block small."""


def add_sources(store: GraphStore, graph: nx.DiGraph) -> None:
    """Put each meeting's and statement's sources into its tooltip (see :func:`load`)."""
    facts = sorted(n for n, d in graph.nodes(data=True) if d["kind"] in FACT_KINDS)
    for start in range(0, len(facts), SOURCE_BATCH):
        batch = facts[start:start + SOURCE_BATCH]
        found: dict[str, list[dict]] = defaultdict(list)
        rows = _query(store, "evidence", {"fact": batch})
        articles = {r["article"]: r for r in _query(store, "articles", {"article": sorted({r["article"] for r in rows})})}
        for r in rows:
            art = articles.get(r["article"], {})
            found[r["fact"]].append({
                "article": art.get("title") or _local(r["article"]), "date": art.get("date") or "",
                "url": art.get("url") or "", "file": art.get("file") or "",
                "sentence": r["sentence"], "anchor": r["anchor"]})
        for fact in batch:
            info = graph.nodes[fact]["info"]
            info["sources"], info["more"] = _source_info(found.get(fact, []))


def _source_info(found: list[dict]) -> tuple[list[dict], str]:
    """Sorted sources (capped) and the "and n more" line."""
    unique = sorted({tuple(sorted(s.items())) for s in found})
    ordered = sorted((dict(s) for s in unique), key=lambda s: (s["date"], s["article"], s["sentence"]))
    more = f"and {len(ordered) - MAX_SOURCES} more source(s)" if len(ordered) > MAX_SOURCES else ""
    return ordered[:MAX_SOURCES], more


def _add_actors(store: GraphStore, graph: nx.DiGraph) -> None:
    order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for r in _query(store, "actors"):
        kind = _local(r["type"])
        if r["actor"] not in kinds or order[kind] < order[kinds[r["actor"]]]:
            kinds[r["actor"]] = kind  # one type per node; the same one on every build
        labels[r["actor"]] = min(labels.get(r["actor"], r["label"]), r["label"])
    names: dict[str, set[str]] = defaultdict(set)
    for r in _query(store, "names"):
        names[r["actor"]].add(r["name"])
    posts: dict[str, set[str]] = defaultdict(set)
    post_edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _query(store, "posts"):
        org = labels.get(r["org"]) if r["org"] else None
        posts[r["person"]].add(f"{r['title']} ({org})" if org else r["title"])
        if org and r["person"] in labels:
            post_edges[(r["person"], r["org"])].add(r["title"])
    for iri in sorted(kinds):
        label, kind = labels[iri], kinds[iri]
        other = sorted(names[iri] - {label})
        rows = [["Posts", "; ".join(sorted(posts[iri]))]] if posts[iri] else []
        if other:
            rows.append(["Also named", "; ".join(other)])
        graph.add_node(iri, kind=kind, sub="", label=short(label), dates=(),
                       names=frozenset(fold(n) for n in names[iri] | {label}),
                       info={"title": label, "type": kind, "rows": rows, "sources": [], "more": ""})
    for (person, org), titles in sorted(post_edges.items()):
        graph.add_edge(person, org, label="holds post", detail="; ".join(sorted(titles)))


def _add_meetings(store: GraphStore, graph: nx.DiGraph, fact_dates: dict[str, set[str]]) -> None:
    meetings: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _query(store, "meetings"):
        m = meetings[r["meeting"]]
        m["kind"].add(MEETING_KINDS.get(r["kind"], _local(r["kind"]).lower()))
        for field in ("date", "status", "place"):
            if r[field]:
                m[field].add(_local(r[field]).lower() if field == "status" else r[field])
    participants: dict[str, set[str]] = defaultdict(set)
    for r in _query(store, "participants"):
        participants[r["meeting"]].add(r["participant"])
    for iri in sorted(meetings):
        m = meetings[iri]
        kind = min(m["kind"])
        dates = tuple(sorted(m["date"]))
        article_dates = tuple(sorted(fact_dates.get(iri, ())))
        label = f"{KIND_TITLES.get(kind, kind)} {dates[0] if dates else ''}".strip()
        people = sorted(graph.nodes[p]["info"]["title"] for p in participants[iri] if p in graph)
        places = sorted(graph.nodes[p]["info"]["title"] for p in m["place"] if p in graph)
        rows = [["Kind", kind], ["Date", " / ".join(dates) or "unknown"], ["Status", " / ".join(sorted(m["status"]))],
                ["Place", "; ".join(places)], ["Participants", "; ".join(people)]]
        graph.add_node(iri, kind="Meeting", sub=kind, label=label, dates=dates or article_dates, names=frozenset(),
                       info={"title": label, "type": "Meeting", "rows": [r for r in rows if r[1]],
                             "sources": [], "more": ""})
        for actor in sorted(participants[iri]):
            if actor in graph:
                graph.add_edge(actor, iri, label="participant", detail="")
        for place in sorted(m["place"]):
            if place in graph:
                graph.add_edge(iri, place, label="place", detail="")


def _add_statements(store: GraphStore, graph: nx.DiGraph, fact_dates: dict[str, set[str]]) -> None:
    statements: dict[str, dict] = {}
    for r in _query(store, "statements"):
        if r["speaker"] not in graph:
            continue
        s = statements.setdefault(r["statement"], {"speaker": r["speaker"], "text": r["text"], "speech": set(),
                                                   "verb": set(), "outlet": set()})
        for field in ("speech", "verb", "outlet"):
            if r[field]:
                s[field].add(_local(r[field]).lower() if field == "speech" else r[field])
    for iri in sorted(statements):
        s = statements[iri]
        article_dates = tuple(sorted(fact_dates.get(iri, ())))
        outlets = sorted(o for o in s["outlet"] if o in graph)
        rows = [["Speaker", graph.nodes[s["speaker"]]["info"]["title"]], ["Quote", s["text"]],
                ["Speech", " / ".join(sorted(s["speech"]))], ["Verb", " / ".join(sorted(s["verb"]))],
                ["Reported in", "; ".join(graph.nodes[o]["info"]["title"] for o in outlets)]]
        graph.add_node(iri, kind="Statement", sub="", label=short(s["text"]), dates=article_dates, names=frozenset(),
                       info={"title": f"{rows[0][1]}: {short(s['text'], 60)}", "type": "Statement", "rows": [r for r in rows if r[1]],
                             "sources": [], "more": ""})
        graph.add_edge(s["speaker"], iri, label="spoke", detail="")
        for outlet in outlets:
            graph.add_edge(iri, outlet, label="reported in", detail="")
