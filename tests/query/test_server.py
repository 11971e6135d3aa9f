"""The SPARQL endpoint over real HTTP, with rdflib's SPARQLStore as the client."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from kg.graph import actors
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.query.server import serve
from tests_support import article, extraction


@pytest.fixture(scope="module")
def endpoint():
    store = GraphStore.in_memory()
    store.replace_article("a1", article_graph(article(), extraction("a1")))
    actors.refresh(store)
    server = serve(store, "127.0.0.1", 0, timeout=10, limit=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_select_through_rdflib_sparqlstore(endpoint):
    graph = Graph(store=SPARQLStore(endpoint))
    rows = graph.query("""
        PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name WHERE { ?p a dip:Person ; rdfs:label ?name }""")
    assert [str(r.name) for r in rows] == ["Ishiba Shigeru"]


def test_csv_negotiation_and_result_limit(endpoint):
    query = urllib.parse.urlencode({"query": "SELECT ?n WHERE { ?x rdfs:label ?n } ORDER BY ?n"})
    request = urllib.request.Request(f"{endpoint}?{query}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        lines = response.read().decode("utf-8").splitlines()
    assert lines == ["n", "Hàn Quốc", "Ishiba Shigeru"]  # 4 labels, limit 2


def test_construct_gives_turtle(endpoint):
    data = urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?x rdfs:label ?n }"}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request) as response:
        graph = Graph().parse(data=response.read(), format="turtle")
    assert len(graph) == 2


@pytest.mark.parametrize("body, ctype", [
    ("update=" + urllib.parse.quote("DELETE WHERE { ?s ?p ?o }"), "application/x-www-form-urlencoded"),
    ("DELETE WHERE { ?s ?p ?o }", "application/sparql-update"),
])
def test_updates_are_refused(endpoint, body, ctype):
    request = urllib.request.Request(endpoint, data=body.encode(), headers={"Content-Type": ctype})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    assert err.value.code == 403


def test_broken_query_is_a_400_with_position(endpoint):
    request = urllib.request.Request(f"{endpoint}?query=SELEC")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    assert err.value.code == 400 and b"1:" in err.value.read()
