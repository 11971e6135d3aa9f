"""RDF exports read back by rdflib give the store's graph, byte-identically every time."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.export.formats import export
from kg.export.rdf import FORMATS

sys.path.insert(0, str(Path(__file__).parent))
from export_support import HOSTILE, hostile_store, sample_store, store_dataset, union_graph  # noqa: E402

TRIPLE_FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld"}
DATASET_FORMATS = {"trig": "trig", "nq": "nquads"}
STORES = {"sample": sample_store, "hostile": hostile_store}


def test_every_rdf_format_is_covered():
    assert set(FORMATS) == set(TRIPLE_FORMATS) | set(DATASET_FORMATS)


@pytest.mark.parametrize("which", STORES)
@pytest.mark.parametrize("fmt", TRIPLE_FORMATS)
def test_triple_formats_hold_the_union_graph(tmp_path, fmt, which):
    store = STORES[which]()
    path = export(store, tmp_path / f"graph.{fmt}", fmt)
    back = Graph().parse(path, format=TRIPLE_FORMATS[fmt])
    expected = union_graph(store_dataset(store))
    assert len(back) == len(expected) > 0
    assert isomorphic(back, expected)


@pytest.mark.parametrize("which", STORES)
@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_dataset_formats_keep_each_named_graph(tmp_path, fmt, which):
    store = STORES[which]()
    path = export(store, tmp_path / f"graph.{fmt}", fmt)
    back = Dataset()
    back.parse(path, format=DATASET_FORMATS[fmt])
    expected = store_dataset(store)

    def named(dataset):
        return {g.identifier: g for g in dataset.graphs() if len(g)}

    assert set(named(back)) == set(named(expected))
    assert len(named(back)) >= 2  # the actors graph and at least one article
    for name, graph in named(expected).items():
        assert isomorphic(named(back)[name], graph), name


@pytest.mark.parametrize("fmt", [*TRIPLE_FORMATS, *DATASET_FORMATS])
def test_hostile_text_survives_exactly(tmp_path, fmt):
    path = export(hostile_store(), tmp_path / f"graph.{fmt}", fmt)
    if fmt in DATASET_FORMATS:
        dataset = Dataset()
        dataset.parse(path, format=DATASET_FORMATS[fmt])
        graph = union_graph(dataset)
    else:
        graph = Graph().parse(path, format=TRIPLE_FORMATS[fmt])
    texts = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert HOSTILE in texts
    assert f"{HOSTILE}, alias" in texts


@pytest.mark.parametrize("fmt", [*TRIPLE_FORMATS, *DATASET_FORMATS])
def test_exports_are_byte_identical_whatever_the_load_order(tmp_path, fmt):
    first = export(sample_store(), tmp_path / f"one.{fmt}", fmt).read_bytes()
    again = export(sample_store(), tmp_path / f"two.{fmt}", fmt).read_bytes()
    reordered = export(sample_store(reverse=True), tmp_path / f"three.{fmt}", fmt).read_bytes()
    assert first == again == reordered
    assert not list(tmp_path.glob(".*.tmp"))


def test_jsonld_is_compacted_with_the_ontology_prefixes(tmp_path):
    path = export(sample_store(), tmp_path / "graph.jsonld", "jsonld")
    document = json.loads(path.read_text(encoding="utf-8"))
    context = document["@context"]
    assert context["dip"] == "https://w3id.org/kg-diplomacy/ontology#"
    assert {"dip", "kgr", "rdfs", "skos", "owl", "xsd"} <= set(context)
    meeting = next(node for node in document["@graph"] if node["@id"] == "kgr:meeting/a1/1")
    assert set(meeting["@type"]) == {"dip:Meeting", "dip:InPersonMeeting"}
    assert {"@id": "kgr:person/ishiba-shigeru"} in meeting["dip:participant"]
    assert {"@value": "2026-02-01", "@type": "xsd:date"} in meeting["dip:date"]
    body = json.dumps(document["@graph"])
    assert "https://w3id.org/kg-diplomacy/ontology#" not in body
    assert "http://www.w3.org/2001/XMLSchema#" not in body


def test_rdf_xml_refuses_text_xml_cannot_hold_and_keeps_the_old_file(tmp_path):
    from export_support import hostile_articles, store_of

    [(article, extraction, _)] = hostile_articles()
    extraction.statements[0].text = "bell \x07 here"
    path = tmp_path / "graph.xml"
    path.write_bytes(b"previous")
    with pytest.raises(ValueError, match="RDF/XML"):
        export(store_of([(article, extraction, None)]), path, "xml")
    assert path.read_bytes() == b"previous"
    nt = export(store_of([(article, extraction, None)]), tmp_path / "graph.nt", "nt")
    assert "bell \x07 here" in {str(o) for o in Graph().parse(nt, format="nt").objects()}
