"""``nodes.csv`` and ``edges.csv`` for ``neo4j-admin database import`` and spreadsheets.

The headers follow the import tool: ``:ID``, ``:LABEL`` (``;``-separated),
``:START_ID``/``:END_ID``/``:TYPE``, and a ``:double`` suffix on numeric
properties (others are strings). An empty cell means "no value". The IRI is
repeated in an ``iri`` column because Neo4j keeps ``:ID`` only for linking.
Quoting is RFC 4180 (``"`` doubled), so commas, quotes and newlines survive;
Neo4j needs ``--multiline-fields=true`` when a text holds a newline.

The folder is written beside the target and swapped in, so a reader never
sees one new file next to one old one.

Example:
    neo4j-admin database import full --nodes=out/nodes.csv \\
        --relationships=out/edges.csv --multiline-fields=true neo4j
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from kg.export.property_graph import EDGE_PROPERTIES, NODE_PROPERTIES, PropertyGraph

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
_NEO4J_TYPE = {str: "", float: ":double", int: ":long"}


def _header(name: str, kind: type) -> str:
    return name + _NEO4J_TYPE[kind]


def _cell(value) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


def _table(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def tables(graph: PropertyGraph) -> dict[str, bytes]:
    """The two files' contents, by file name.

    Example:
        >>> from kg.export.property_graph import Node
        >>> files = tables(PropertyGraph([Node("kgr:x", ("Actor", "Person"), {"name": "A, B"})], []))
        >>> files["nodes.csv"].decode().splitlines()[1]
        'kgr:x,"A, B",Actor;Person,kgr:x,,,,,,,,,,,,,,,,'
    """
    props = [name for name in NODE_PROPERTIES if name != "name"]
    node_header = [":ID", "name", ":LABEL", "iri"] + [_header(p, NODE_PROPERTIES[p]) for p in props]
    node_rows = [
        [node.id, _cell(node.props.get("name")), ";".join(node.labels), node.id] + [_cell(node.props.get(p)) for p in props]
        for node in graph.nodes
    ]
    edge_header = [":START_ID", ":END_ID", ":TYPE"] + [_header(p, t) for p, t in EDGE_PROPERTIES.items()]
    edge_rows = [
        [edge.source, edge.target, edge.type] + [_cell(edge.props.get(p)) for p in EDGE_PROPERTIES]
        for edge in graph.edges
    ]
    return {NODES_FILE: _table(node_header, node_rows), EDGES_FILE: _table(edge_header, edge_rows)}


def write_csv(graph: PropertyGraph, folder: str | Path) -> Path:
    """Write ``nodes.csv`` and ``edges.csv`` into ``folder``, replacing a previous export.

    Raises:
        FileExistsError: ``folder`` is a file, or holds files this export did not
            write (they would be lost in the swap).
    """
    folder = Path(folder)
    contents = tables(graph)
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file; the CSV export needs a folder")
    if folder.is_dir() and {p.name for p in folder.iterdir()} - set(contents):
        raise FileExistsError(f"{folder} holds other files; choose an empty or new folder for the CSV export")
    staging = folder.with_name(f".{folder.name}.tmp")
    old = folder.with_name(f".{folder.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    staging.mkdir()
    for name, data in contents.items():
        (staging / name).write_bytes(data)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return folder
