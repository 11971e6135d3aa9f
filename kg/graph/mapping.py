"""Map one article's extraction to its RDF named graph.

Everything read from an article lives in that article's graph, so rebuilding
the article replaces all of it at once. Actors are shared nodes (their IRI is
their canonical key). Within an article, ``skos:prefLabel`` is the article's
own name for an actor and ``skos:altLabel`` its other forms; the labels that
need all articles at once (``rdfs:label``, ``owl:sameAs``) are put in the
actors graph by :mod:`kg.graph.actors`.

A build only needs the graph's N-Triples, so :func:`article_triples` makes
plain rdflib triples and :func:`ntriples` writes them with rdflib's own
N-Triples row writer, skipping the indexed in-memory ``Graph`` (that costs
more than the rest of the mapping); :func:`article_graph` gives the ``Graph``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.extract.model import Evidence, Extraction
from kg.graph import iris
from kg.graph.namespaces import DIP
from kg.sources.article import Article

ENTITY_CLASS = {
    "Person": DIP.Person,
    "Country": DIP.Country,
    "Organization": DIP.Organization,
    "Place": DIP.Place,
}
MEETING_CLASS = {
    "meeting": DIP.InPersonMeeting,
    "call": DIP.PhoneCall,
    "talks": DIP.Talks,
    "summit": DIP.Summit,
    "visit": DIP.Visit,
}
STATUS = {"held": DIP.Held, "planned": DIP.Planned}
SPEECH = {"direct": DIP.Direct, "indirect": DIP.Indirect}


def date_literal(value: str) -> Literal:
    """Typed literal at the precision the text gave: day, month or year."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


def confidence_literal(value: float) -> Literal:
    """Two decimals, in the canonical form a store keeps ("0.9", not "0.90"),
    so an article's N-Triples equal a dump of its graph."""
    return Literal(format(Decimal(f"{value:.2f}").normalize(), "f"), datatype=XSD.decimal)


def article_graph(article: Article, extraction: Extraction, meeting_iris: list[URIRef] | None = None) -> Graph:
    """Build the named graph of one article.

    ``meeting_iris`` names the article's meetings when cross-article resolution
    (:mod:`kg.graph.events`) found them to be events already reported elsewhere.

    Example:
        >>> from kg.extract.model import Extraction
        >>> a = Article(id="x", text="Ông Lavrov phát biểu.", date="2026-01-02", origin="x.txt")
        >>> g = article_graph(a, Extraction(article_id="x"))
        >>> (iris.article("x"), RDF.type, DIP.Article) in g
        True
    """
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in article_triples(article, extraction, meeting_iris))
    return graph


def ntriples(triples: Iterable[tuple]) -> bytes:
    r"""N-Triples of plain rdflib triples, escaped as rdflib's serializer does
    (``rdflib.plugins.serializers.nt``).

    Example:
        >>> ntriples([(DIP.Article, RDF.type, Literal("Hà Nội"))]).decode()
        '<https://w3id.org/kg-diplomacy/ontology#Article> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "Hà Nội" .\n'
    """
    forms: dict = {}  # term -> its N-Triples form: an article repeats its terms many times

    def form(term) -> str:
        text = forms.get(term)
        if text is None:
            text = forms[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return text

    return "".join(f"{form(s)} {form(p)} {form(o)} .\n" for s, p, o in triples).encode("utf-8")


def article_triples(article: Article, extraction: Extraction, meeting_iris: list[URIRef] | None = None) -> list[tuple]:
    """The triples of :func:`article_graph`, each once, in the order made."""
    triples: dict[tuple, None] = {}

    class _Sink:  # the mapping below reads as graph building: g.add(triple)
        add = staticmethod(lambda triple: triples.setdefault(triple))

    g = _Sink()
    art = iris.article(article.id)
    aid = article.id
    g.add((art, RDF.type, DIP.Article))
    g.add((art, DIP.sourceFile, Literal(article.origin)))
    if article.date:
        g.add((art, DIP.publishedOn, Literal(article.date, datatype=XSD.date)))
    if article.url:
        g.add((art, DIP.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.title:
        g.add((art, DCTERMS.title, Literal(article.title)))

    def evidence(ev: Evidence) -> URIRef:
        node = iris.mention(aid, ev.start, ev.end)
        g.add((node, RDF.type, DIP.Mention))
        g.add((node, DIP.startChar, Literal(ev.start)))
        g.add((node, DIP.endChar, Literal(ev.end)))
        g.add((node, DIP.anchorText, Literal(ev.text)))
        g.add((node, DIP.sentence, Literal(ev.sentence)))
        g.add((node, DIP.reportedIn, art))
        return node

    def supported(fact: URIRef, evs: list[Evidence]) -> None:
        g.add((fact, DIP.reportedIn, art))
        for ev in evs:
            g.add((fact, DIP.evidence, evidence(ev)))
        g.add((fact, DIP.confidence, confidence_literal(min(ev.confidence for ev in evs))))

    for entity in extraction.entities:
        node = iris.actor(entity.key)
        g.add((art, DIP.mentions, node))
        g.add((node, RDF.type, ENTITY_CLASS[entity.type]))
        g.add((node, SKOS.prefLabel, Literal(entity.name)))
        for form in entity.aliases - {entity.name}:
            g.add((node, SKOS.altLabel, Literal(form)))
        if entity.wikidata:
            g.add((node, DIP.wikidataId, Literal(entity.wikidata)))
        for ev in entity.mentions:
            g.add((evidence(ev), DIP.refersTo, node))

    for role in extraction.roles:
        title = role.title[:1].upper() + role.title[1:]  # one spelling per post across articles
        post = iris.post(role.person, title, role.org)
        g.add((post, RDF.type, DIP.Post))
        g.add((post, DIP.title, Literal(title)))
        if role.org:
            g.add((post, DIP.postIn, iris.actor(role.org)))
        if article.date:
            g.add((post, DIP.attestedOn, Literal(article.date, datatype=XSD.date)))
        g.add((iris.actor(role.person), DIP.holdsPost, post))
        supported(post, [role.evidence])

    for index, meeting in enumerate(extraction.meetings, start=1):
        node = meeting_iris[index - 1] if meeting_iris else iris.fact("meeting", aid, index)
        g.add((node, RDF.type, MEETING_CLASS[meeting.kind]))
        g.add((node, RDF.type, DIP.Meeting))
        for participant in meeting.participants:
            g.add((node, DIP.participant, iris.actor(participant)))
        if meeting.date:
            g.add((node, DIP.date, date_literal(meeting.date)))
        if meeting.place:
            g.add((node, DIP.place, iris.actor(meeting.place)))
        g.add((node, DIP.status, STATUS[meeting.status]))
        g.add((node, DIP.trigger, Literal(meeting.trigger)))
        supported(node, meeting.evidence)

    for index, statement in enumerate(extraction.statements, start=1):
        node = iris.fact("statement", aid, index)
        g.add((node, RDF.type, DIP.Statement))
        g.add((node, DIP.speaker, iris.actor(statement.speaker)))
        g.add((node, DIP.quoteText, Literal(statement.text)))
        g.add((node, DIP.speechType, SPEECH[statement.kind]))
        if statement.verb:
            g.add((node, DIP.reportingVerb, Literal(statement.verb)))
        if statement.act:
            g.add((node, DIP.speechAct, Literal(statement.act)))
        if statement.outlet:
            g.add((node, DIP.relayedBy, iris.actor(statement.outlet)))
        supported(node, [statement.evidence])
    return list(triples)
