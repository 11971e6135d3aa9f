"""GraphML (Cytoscape, Gephi, yEd) and GEXF 1.2draft (Gephi) through networkx.

Both are XML, so text is cleaned of the control characters XML 1.0 cannot hold
at all, and a carriage return is written as ``&#13;`` (a raw one would be read
back as a newline). networkx's GEXF writer stamps today's date and adds a
``networkx_key`` attribute duplicating each edge id; both are removed so the
file depends on the graph alone.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from kg.export.property_graph import EDGE_PROPERTIES, NODE_PROPERTIES, PropertyGraph
from kg.graph.store import write_atomic

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """Replace characters XML 1.0 forbids (even escaped) with U+FFFD.

    Example:
        >>> xml_safe("a\\x01b")
        'a\\ufffdb'
    """
    return _XML_INVALID.sub("\ufffd", value) if isinstance(value, str) else value


def to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """One ``MultiDiGraph``: a person may hold two posts in the same organization.

    ``label`` repeats the node's name because Gephi shows ``label`` while
    Cytoscape shows ``name``; an edge's type is both its ``label`` (shown) and
    ``relation`` (a column to filter on, as GEXF keeps labels apart from
    attributes); ``labels`` keeps the Neo4j-style list (``Actor;Person``).
    """
    net = nx.MultiDiGraph()
    for node in graph.nodes:
        attrs = {"label": node.props["name"], "labels": ";".join(node.labels)}
        attrs.update((k, node.props[k]) for k in NODE_PROPERTIES if k in node.props)
        net.add_node(node.id, **{k: xml_safe(v) for k, v in attrs.items()})
    for edge in graph.edges:
        attrs = {"label": edge.type, "relation": edge.type}
        attrs.update((k, edge.props[k]) for k in EDGE_PROPERTIES if k in edge.props)
        net.add_edge(edge.source, edge.target, key=edge.id, **{k: xml_safe(v) for k, v in attrs.items()})
    return net


def graphml_bytes(graph: PropertyGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().replace(b"\r", b"&#13;")


def gexf_bytes(graph: PropertyGraph) -> bytes:
    net = to_networkx(graph)
    for _, _, key, data in net.edges(keys=True, data=True):
        data["id"] = key  # else the writer numbers edges itself
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(net)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "kg-diplomacy"
    _drop_networkx_key(writer.xml)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _drop_networkx_key(root) -> None:
    graph = root.find("graph")
    for attributes in graph.findall("attributes"):
        if attributes.get("class") != "edge":
            continue
        for attribute in attributes.findall("attribute"):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                _drop_values(graph, attribute.get("id"))
        if not len(attributes):
            graph.remove(attributes)


def _drop_values(graph, attr_id: str) -> None:
    for edge in graph.iter("edge"):
        values = edge.find("attvalues")
        if values is None:
            continue
        for value in values.findall("attvalue"):
            if value.get("for") == attr_id:
                values.remove(value)
        if not len(values):  # the schema wants at least one attvalue
            edge.remove(values)


def write_graphml(graph: PropertyGraph, path: str | Path) -> Path:
    write_atomic(Path(path), graphml_bytes(graph))
    return Path(path)


def write_gexf(graph: PropertyGraph, path: str | Path) -> Path:
    write_atomic(Path(path), gexf_bytes(graph))
    return Path(path)
