"""The N-Triples a build writes for an article are what rdflib's own
serializer writes for the same triples, whatever the text holds."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef, XSD

from kg.graph.mapping import ntriples

S, P = URIRef("https://w3id.org/kg-diplomacy/id/statement/a/1"), URIRef("https://w3id.org/kg-diplomacy/ontology#quoteText")
HOSTILE = ['Ông nói: "Không!"', "dòng 1\ndòng 2\r\tcuối", "\\ gạch \\\\ ngược", "\x00\x07 điều khiển", "<https://x/y> .", "😀 Mỹ–Nga"]


def test_ntriples_match_rdflib_for_hostile_text():
    triples = [(S, P, Literal(text)) for text in HOSTILE]
    triples += [(S, P, Literal("0.9", datatype=XSD.decimal)), (S, P, Literal(5)), (S, P, URIRef("https://x/ộ"))]
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    ours = ntriples(triples).decode("utf-8")
    assert sorted(ours.splitlines()) == sorted(graph.serialize(format="nt").strip().splitlines())
    assert Graph().parse(data=ours, format="nt").isomorphic(graph)
