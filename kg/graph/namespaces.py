"""RDF namespaces used by the knowledge graph.

``DIP`` is a closed namespace: every ontology term is listed below, so a typo
such as ``DIP.particpant`` raises ``AttributeError`` instead of silently minting
a new IRI. Keep this list in sync with ``ontology/diplomacy.ttl`` (a test checks
that every term here is declared there).
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-diplomacy/ontology")


class DIP(DefinedNamespace):
    """Diplomacy ontology terms (``dip:``)."""

    _NS = Namespace("https://w3id.org/kg-diplomacy/ontology#")
    _fail = True

    # Classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    Post: URIRef
    Meeting: URIRef
    InPersonMeeting: URIRef
    PhoneCall: URIRef
    Talks: URIRef
    Summit: URIRef
    Visit: URIRef
    Statement: URIRef
    Article: URIRef
    Mention: URIRef
    MeetingStatus: URIRef
    SpeechType: URIRef

    # Individuals
    Held: URIRef
    Planned: URIRef
    Direct: URIRef
    Indirect: URIRef

    # Object properties
    participant: URIRef
    place: URIRef
    status: URIRef
    speaker: URIRef
    speechType: URIRef
    relayedBy: URIRef
    holdsPost: URIRef
    postIn: URIRef
    reportedIn: URIRef
    evidence: URIRef
    refersTo: URIRef
    mentions: URIRef
    locatedIn: URIRef

    # Datatype properties
    date: URIRef
    trigger: URIRef
    quoteText: URIRef
    reportingVerb: URIRef
    speechAct: URIRef
    title: URIRef
    attestedOn: URIRef
    publishedOn: URIRef
    sourceFile: URIRef
    url: URIRef
    startChar: URIRef
    endChar: URIRef
    anchorText: URIRef
    sentence: URIRef
    confidence: URIRef
    wikidataId: URIRef


KGR = Namespace("https://w3id.org/kg-diplomacy/id/")
"""Instance data (``kgr:``)."""

DSH = Namespace("https://w3id.org/kg-diplomacy/shapes#")
"""SHACL shapes (``dsh:``), see ``ontology/shapes.ttl``."""

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
"""Simple Event Model."""

WD = Namespace("http://www.wikidata.org/entity/")
"""Wikidata entities, e.g. ``WD.Q881``; link with ``owl:sameAs``."""

SCHEMA = SDO
"""schema.org (``https://schema.org/``), rdflib's ``SDO``."""

MEETING_KINDS: tuple[URIRef, ...] = (
    DIP.InPersonMeeting,
    DIP.PhoneCall,
    DIP.Talks,
    DIP.Summit,
    DIP.Visit,
)
"""The five concrete meeting classes; a meeting has exactly one of them."""

PREFIXES: dict[str, Namespace] = {
    "dip": Namespace(str(DIP)),
    "kgr": KGR,
    "dsh": DSH,
    "sem": SEM,
    "schema": Namespace(str(SDO)),
    "org": Namespace(str(ORG)),
    "prov": Namespace(str(PROV)),
    "time": Namespace(str(TIME)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace(str(SH)),
    "wd": WD,
}
"""Prefix -> namespace for every vocabulary the graph uses."""


def dip_terms() -> list[URIRef]:
    """Return every term of ``DIP``, sorted.

    Returns:
        The full IRIs of all classes, individuals and properties listed in
        :class:`DIP`.
    """
    return sorted(DIP._NS[name] for name in DIP.__annotations__)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind all :data:`PREFIXES` on ``graph``, replacing conflicting bindings.

    Args:
        graph: Graph whose namespace manager is updated in place.

    Returns:
        The same graph, for chaining.
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def curie(term: Node | None) -> str:
    """Render a term compactly for humans, using :data:`PREFIXES`.

    IRIs in a known namespace become ``prefix:local`` (the local part may
    contain ``/``, e.g. ``kgr:person/vladimir-putin``, which is fine for
    display but not always valid Turtle); other IRIs are wrapped in ``<>``.

    Args:
        term: IRI, literal, blank node or ``None``.

    Returns:
        The compact form, or ``"-"`` for ``None``.
    """
    if term is None:
        return "-"
    if isinstance(term, Literal):
        text = f'"{term}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^{curie(term.datatype)}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    iri = str(term)
    best = max(
        ((prefix, str(ns)) for prefix, ns in PREFIXES.items() if iri.startswith(str(ns))),
        key=lambda item: len(item[1]),
        default=None,
    )
    if best is None or len(iri) == len(best[1]):
        return f"<{iri}>"
    return f"{best[0]}:{iri[len(best[1]):]}"
