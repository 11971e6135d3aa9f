"""The property-graph projection, and GraphML / GEXF read back by networkx as written."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.export.formats import export
from kg.export.network import to_networkx
from kg.export.property_graph import EDGE_PROPERTIES, NODE_PROPERTIES, project

sys.path.insert(0, str(Path(__file__).parent))
from export_support import HOSTILE, hostile_articles, hostile_store, sample_store, store_of  # noqa: E402

KGR = "https://w3id.org/kg-diplomacy/id/"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"


def _edges(graph, kind):
    return [(e.source.removeprefix(KGR), e.target.removeprefix(KGR), e.props) for e in graph.edges if e.type == kind]


def test_projection_of_the_sample():
    graph = project(sample_store())
    nodes = {n.id.removeprefix(KGR): n for n in graph.nodes}
    assert [n.id for n in graph.nodes] == sorted(nodes[k].id for k in nodes)
    assert nodes["person/ishiba-shigeru"].labels == ("Actor", "Person")
    assert nodes["person/ishiba-shigeru"].props["wikidata"] == "Q1"
    assert nodes["person/ishiba-shigeru"].props["aliases"] == "Ishiba"
    assert nodes["person/ishiba-shigeru"].props["posts"] == "Thủ tướng (Nhật Bản)"
    assert nodes["place/tokyo"].labels == ("Place",)
    meeting = nodes["meeting/a1/1"]  # one event reported by two articles
    assert meeting.labels == ("Event", "Meeting", "InPersonMeeting")
    assert meeting.props["date"] == "2026-02-01"  # the most precise report
    assert meeting.props["status"] == "Held;Planned"
    assert (meeting.props["article"], meeting.props["reports"]) == ("a1; a2", 2)
    assert {k for k in nodes if k.startswith("statement/")} == {"statement/a1/1", "statement/a2/1"}
    assert nodes["statement/a2/1"].props["quote"] == "hai nước sẽ hợp tác"
    assert nodes["statement/a2/1"].props["date"] == "2026-02-05"
    assert _edges(graph, "HOLDS_POST") == [
        ("person/ishiba-shigeru", "country/jp", {"title": "Thủ tướng", "date": "2026-02-02", "last_date": "2026-02-05"})
    ]
    assert sorted(t for _, t, _ in _edges(graph, "PARTICIPANT")) == ["country/kr", "person/ishiba-shigeru"]
    assert _edges(graph, "PLACE") == [("meeting/a1/1", "place/tokyo", {"date": "2026-02-01"})]
    assert [(s, t) for s, t, _ in _edges(graph, "SPOKE")] == [
        ("person/ishiba-shigeru", "statement/a1/1"),
        ("person/ishiba-shigeru", "statement/a2/1"),
    ]
    assert [(s, t) for s, t, _ in _edges(graph, "RELAYED_BY")] == [("statement/a2/1", "organization/reuters")]


@pytest.mark.parametrize("store", [sample_store, hostile_store])
def test_projection_is_well_formed(store):
    graph = project(store())
    ids = [n.id for n in graph.nodes]
    assert len(ids) == len(set(ids))
    assert len({e.id for e in graph.edges}) == len(graph.edges)
    assert {e.source for e in graph.edges} | {e.target for e in graph.edges} <= set(ids)
    for item, schema in [*((n, NODE_PROPERTIES) for n in graph.nodes), *((e, EDGE_PROPERTIES) for e in graph.edges)]:
        assert set(item.props) <= set(schema)
        assert all(isinstance(v, schema[k]) and v != "" for k, v in item.props.items())


def test_a_post_without_organization_stays_on_the_person():
    graph = project(hostile_store())
    person = next(n for n in graph.nodes if n.id == KGR + "person/hostile")
    assert f"Cố vấn {HOSTILE}" in person.props["posts"]
    assert sorted(e["title"] for _, _, e in _edges(graph, "HOLDS_POST")) == [HOSTILE, "Phó chủ tịch"]


def _same_as_written(back: nx.MultiDiGraph, written: nx.MultiDiGraph, drop=()) -> None:
    assert back.number_of_nodes() == written.number_of_nodes()
    assert back.number_of_edges() == written.number_of_edges()
    assert dict(back.nodes(data=True)) == dict(written.nodes(data=True))
    if back.is_multigraph():
        found = back.edges(keys=True, data=True)
    else:  # networkx reads GEXF without parallel edges as a DiGraph
        found = ((u, v, d["id"], d) for u, v, d in back.edges(data=True))
    edges = {(u, v, k): {a: x for a, x in d.items() if a not in drop} for u, v, k, d in found}
    assert edges == {(u, v, k): d for u, v, k, d in written.edges(keys=True, data=True)}


@pytest.mark.parametrize("store", [sample_store, hostile_store])
def test_graphml_reads_back_as_written(tmp_path, store):
    graph = project(store())
    path = export(store(), tmp_path / "graph.graphml", "graphml")
    _same_as_written(nx.read_graphml(path, force_multigraph=True), to_networkx(graph))


@pytest.mark.parametrize("store", [sample_store, hostile_store])
def test_gexf_reads_back_as_written(tmp_path, store):
    graph = project(store())
    path = export(store(), tmp_path / "graph.gexf", "gexf")
    _same_as_written(nx.read_gexf(path, version="1.2draft"), to_networkx(graph), drop={"id"})


def test_hostile_text_survives_graphml_and_gexf(tmp_path):
    graphml = nx.read_graphml(export(hostile_store(), tmp_path / "h.graphml", "graphml"))
    gexf = nx.read_gexf(export(hostile_store(), tmp_path / "h.gexf", "gexf"))
    for net in (graphml, gexf):
        assert net.nodes[KGR + "person/hostile"]["name"] == HOSTILE
        assert HOSTILE in {d.get("quote") for _, d in net.nodes(data=True)}
        assert HOSTILE in {d.get("title") for _, _, d in net.edges(data=True)}


def test_graphml_declares_every_attribute_type(tmp_path):
    root = ET.parse(export(sample_store(), tmp_path / "g.graphml", "graphml")).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert {k.get("attr.type") for k in keys} <= {"string", "double", "long", "int", "boolean", "float"}
    declared = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert declared[("node", "confidence")] == "double" and declared[("node", "reports")] == "long"
    assert declared[("node", "name")] == "string" and declared[("edge", "date")] == "string"
    assert root.find(f"{GRAPHML}graph").get("edgedefault") == "directed"
    assert all(e.get("id") for e in root.iter(f"{GRAPHML}edge"))
    assert "None" not in {d.text for d in root.iter(f"{GRAPHML}data")}


def test_gexf_is_version_1_2draft_with_typed_attributes_and_no_extras(tmp_path):
    path = export(sample_store(), tmp_path / "g.gexf", "gexf")
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.2"
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None
    titles = {a.get("title"): a.get("type") for a in root.iter(f"{GEXF}attribute")}
    assert "networkx_key" not in titles
    assert set(titles.values()) <= {"string", "double", "long", "integer", "float", "boolean"}
    assert titles["confidence"] == "double"
    edges = list(root.iter(f"{GEXF}edge"))
    assert [e.get("id") for e in edges] == [f"e{i}" for i in range(1, len(edges) + 1)]
    assert all(e.get("label") for e in edges)
    assert all(len(v) for v in root.iter(f"{GEXF}attvalues"))  # the schema wants at least one
    assert all(n.get("label") for n in root.iter(f"{GEXF}node"))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_are_byte_identical_whatever_the_load_order(tmp_path, fmt):
    first = export(sample_store(), tmp_path / f"one.{fmt}", fmt).read_bytes()
    again = export(sample_store(), tmp_path / f"two.{fmt}", fmt).read_bytes()
    reordered = export(sample_store(reverse=True), tmp_path / f"three.{fmt}", fmt).read_bytes()
    assert first == again == reordered
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_text_xml_cannot_hold_is_replaced_not_fatal(tmp_path, fmt):
    [(article, extraction, _)] = hostile_articles()
    extraction.statements[0].text = "bell \x07 here"
    path = export(store_of([(article, extraction, None)]), tmp_path / f"g.{fmt}", fmt)
    net = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert "bell \ufffd here" in {d.get("quote") for _, d in net.nodes(data=True)}
