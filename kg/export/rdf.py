"""RDF exports straight from the store, sorted so files are byte-identical."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.graph.store import GraphStore

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}


def export_rdf(store: GraphStore, out: str | Path, fmt: str) -> Path:
    """Write the dataset; triple formats get the union of all named graphs."""
    store.write(out, FORMATS[fmt])
    return Path(out)
