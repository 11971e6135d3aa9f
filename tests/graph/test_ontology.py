"""The OWL ontology parses, is complete with respect to ``DIP`` and reasons."""

from __future__ import annotations

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

from kg.graph.namespaces import DIP, ONTOLOGY_IRI, dip_terms
from kg.graph.validate import ontology_dir, ontology_graph

ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def test_files_are_found():
    assert (ontology_dir() / "diplomacy.ttl").is_file()
    assert (ontology_dir() / "shapes.ttl").is_file()


def test_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) is not None


@pytest.mark.parametrize("term", dip_terms(), ids=lambda t: t.split("#")[-1])
def test_term_declared_and_labelled(onto, term):
    assert set(onto.objects(term, RDF.type)) & DECLARATIONS, f"{term} is not declared"
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
        assert {"en", "vi"} <= langs, f"{term} lacks {prop} in en/vi"


def test_namespace_lists_every_ontology_term(onto):
    declared = {
        s
        for s in onto.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(DIP))
    }
    assert declared == set(dip_terms())


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        DIP.particpant  # noqa: B018


def test_no_punning_between_property_kinds(onto):
    both = set(onto.subjects(RDF.type, OWL.ObjectProperty)) & set(
        onto.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert not both


def test_external_terms_are_declared(onto):
    """Every non-dip class/property used in an axiom has an OWL declaration."""
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf):
        for obj in onto.objects(None, prop):
            if isinstance(obj, URIRef) and not str(obj).startswith(str(DIP)):
                assert set(onto.objects(obj, RDF.type)) & DECLARATIONS, obj


def test_kinds_are_meetings(onto):
    for kind in (DIP.InPersonMeeting, DIP.PhoneCall, DIP.Talks, DIP.Summit, DIP.Visit):
        assert (kind, RDFS.subClassOf, DIP.Meeting) in onto
    for actor in (DIP.Person, DIP.Country, DIP.Organization):
        assert (actor, RDFS.subClassOf, DIP.Actor) in onto


def test_owlrl_closure_runs_without_errors(onto):
    g = Graph()
    for triple in onto:
        g.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert not list(g.subjects(RDF.type, ERR.ErrorMessage))
    # a sample entailment through the alignments
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    assert (DIP.Talks, RDFS.subClassOf, sem.Event) in g


def test_packaged_copy_is_preferred(tmp_path, monkeypatch):
    """An installed wheel's ``kg/ontology_data`` wins over the checkout."""
    import kg.graph.validate as validate_module

    data = tmp_path / "ontology_data"
    data.mkdir()
    for name in ("diplomacy.ttl", "shapes.ttl"):
        (data / name).write_bytes((ontology_dir() / name).read_bytes())
    monkeypatch.setattr(validate_module.resources, "files", lambda package: tmp_path)
    assert validate_module.ontology_dir() == data
