"""RDF exports straight from the store, sorted so files are byte-identical.

TriG and N-Quads keep one named graph per article (plus the actors graph);
the triple formats (Turtle, N-Triples, RDF/XML, JSON-LD) hold the union, each
triple once, since most tools read those as a single graph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from kg.export import jsonld
from kg.graph.store import GraphStore, write_atomic

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}

_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def union_triples(store: GraphStore) -> list[ox.Triple]:
    """Every triple of every named graph once, in a fixed order."""
    triples = {quad.triple for quad in store.sorted_quads()}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def rdf_xml(store: GraphStore) -> bytes:
    """RDF/XML with the ontology's prefixes.

    Oxigraph writes a carriage return raw, which any XML reader turns into a
    newline, so it is escaped; control characters XML 1.0 cannot hold at all
    are refused rather than written into a file no parser accepts.
    """
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.RDF_XML, prefixes=store.prefixes())
    if _XML_FORBIDDEN.search(data):
        raise ValueError("the graph holds control characters that RDF/XML cannot represent; export ttl or nt instead")
    return data.replace(b"\r", b"&#13;")


def export_rdf(store: GraphStore, out: str | Path, fmt: str) -> Path:
    """Write the graph to ``out`` in ``fmt`` (a key of :data:`FORMATS`), atomically."""
    path = Path(out)
    if fmt == "jsonld":
        write_atomic(path, jsonld.dumps(union_triples(store), store.prefixes()))
    elif fmt == "xml":
        write_atomic(path, rdf_xml(store))
    else:
        store.write(path, FORMATS[fmt])
    return path
