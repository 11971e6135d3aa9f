"""One entry point for every export format, so the CLI need not know the writers.

Example:
    >>> sorted(FORMATS) == sorted(["ttl", "nt", "jsonld", "trig", "nq", "xml", "graphml", "gexf", "csv"])
    True
"""

from __future__ import annotations

from pathlib import Path

from kg.export import rdf
from kg.graph.store import GraphStore

PROPERTY_GRAPH_FORMATS = ("graphml", "gexf", "csv")
FORMATS = (*rdf.FORMATS, *PROPERTY_GRAPH_FORMATS)
"""RDF formats first, then the property-graph projections (``csv`` is a folder)."""


def export(store: GraphStore, out: str | Path, fmt: str) -> Path:
    """Write ``store`` to ``out`` in ``fmt``; returns the path written.

    Parent folders are created. Every write goes to a temporary name first, so
    an interrupted export leaves the previous file (or folder) untouched.

    Raises:
        ValueError: unknown format, or text RDF/XML cannot hold.
        FileExistsError: the CSV folder would overwrite unrelated files.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in rdf.FORMATS:
        return rdf.export_rdf(store, path, fmt)
    from kg.export import neo4j_csv, network
    from kg.export.property_graph import project

    graph = project(store)
    writer = {"graphml": network.write_graphml, "gexf": network.write_gexf, "csv": neo4j_csv.write_csv}[fmt]
    return writer(graph, path)


FILE_NAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "nq": "graph.nq", "xml": "graph.rdf",
              "graphml": "graph.graphml", "gexf": "graph.gexf", "csv": "neo4j-csv"}
"""What :func:`export_all` writes (TriG is the build's own ``graph.trig``)."""


def export_all(store: GraphStore, folder: str | Path) -> dict[str, Path]:
    """Every export format into ``folder``, under the names of :data:`FILE_NAMES`.

    Example:
        >>> import tempfile
        >>> written = export_all(GraphStore.in_memory(), tempfile.mkdtemp())
        >>> sorted(path.name for path in written.values())[:3]
        ['graph.gexf', 'graph.graphml', 'graph.jsonld']
    """
    return {fmt: export(store, Path(folder) / name, fmt) for fmt, name in FILE_NAMES.items()}
