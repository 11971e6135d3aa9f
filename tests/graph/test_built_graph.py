"""The graph built from the bundled sources conforms to the shapes and opens in rdflib too."""

from __future__ import annotations

from rdflib import Dataset

from kg.graph.namespaces import DIP
from kg.graph.store import load_memory, open_build
from kg.graph.validate import validate


def test_bundled_build_conforms_to_the_shapes(bundled_build):
    dataset = Dataset(default_union=True)
    dataset.parse(bundled_build / "graph.trig", format="trig")
    report = validate(dataset)
    assert report.conforms, report.format()


def test_memory_fallback_answers_like_the_store(bundled_build):
    query = "SELECT DISTINCT ?p WHERE { ?p a dip:Person }"
    store_rows = {r["p"].value for r in open_build(bundled_build).query(query)}
    memory = load_memory(bundled_build)
    memory_rows = {str(r.p) for r in memory.query(query, initNs={"dip": DIP})}
    assert memory_rows == store_rows and len(store_rows) > 10


def test_one_named_graph_per_article_plus_actors(bundled_build):
    graphs = {g.value.rsplit("/", 2)[-2] for g in open_build(bundled_build).ox.named_graphs()}
    assert graphs == {"article", "graph"}  # graph/article/<id> ... and graph/actors
    assert len(open_build(bundled_build).article_ids()) == 5
