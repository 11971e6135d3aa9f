"""The shared actors graph: one label and one Wikidata link per actor.

Each article graph gives its own name for an actor; choosing the canonical
label needs all of them, so this graph is recomputed from the store after every build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib.resources import files

from rdflib import OWL, RDFS, Graph, Literal

from kg.graph import iris
from kg.graph.namespaces import WD
from kg.graph.store import GraphStore



def _query(name: str) -> str:
    return (files("kg.graph") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def canonical_label(names: Counter) -> str:
    """The name most articles use; ties go to the fullest, then alphabetical.

    Example:
        >>> canonical_label(Counter({"Putin": 1, "Vladimir Putin": 1}))
        'Vladimir Putin'
    """
    return min(names, key=lambda name: (-names[name], -len(name), name))


def refresh(store: GraphStore) -> int:
    """Recompute the actors graph; returns the number of actors."""
    names: dict[str, Counter] = defaultdict(Counter)
    qids: dict[str, str] = {}
    for row in store.query(_query("actor_forms")):
        names[row["actor"].value][row["name"].value] += int(row["articles"].value)
    for row in store.query(_query("actor_qids")):
        actor = row["actor"].value
        qids[actor] = min(qids.get(actor, row["qid"].value), row["qid"].value)
    graph = Graph()
    for actor, counts in names.items():
        node = iris.URIRef(actor)
        graph.add((node, RDFS.label, Literal(canonical_label(counts))))
        if actor in qids:
            graph.add((node, OWL.sameAs, WD[qids[actor]]))
    store.replace_graph(str(iris.ACTORS_GRAPH), graph.serialize(format="nt", encoding="utf-8"))
    return len(names)
