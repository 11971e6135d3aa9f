"""Deterministic IRIs: the same input always names the same nodes.

Actors are named by their canonical key (shared across articles); facts by
their article and position, so rebuilding an article gives the same IRIs.
"""

from __future__ import annotations

from rdflib import URIRef  # noqa: F401  (re-exported for callers)

from kg.graph.namespaces import KGR
from kg.slug import ascii_slug


def actor(key: str) -> URIRef:
    """IRI of an actor from its canonical key ("person/vladimir-putin")."""
    return KGR[key]


def article(article_id: str) -> URIRef:
    return KGR[f"article/{article_id}"]


def article_graph(article_id: str) -> URIRef:
    """Named graph holding one article's facts and evidence."""
    return KGR[f"graph/article/{article_id}"]


ACTORS_GRAPH = KGR["graph/actors"]


def mention(article_id: str, start: int, end: int) -> URIRef:
    return KGR[f"mention/{article_id}/{start}-{end}"]


def fact(kind: str, article_id: str, index: int | str) -> URIRef:
    """IRI of the ``index``-th meeting or statement of an article."""
    return KGR[f"{kind}/{article_id}/{index}"]


def post(person_key: str, title: str, org_key: str | None) -> URIRef:
    """A post is the same node whichever article attests it."""
    person = person_key.split("/", 1)[-1]
    org = org_key.split("/", 1)[-1] if org_key else "none"
    return KGR[f"post/{person}/{ascii_slug(title)}/{org}"]


def mention_start(mention_iri: str) -> int:
    """Where a mention starts in its article (inverse of :func:`mention`); 0 if not a mention IRI.

    Example:
        >>> mention_start(str(mention("a1", 120, 135)))
        120
    """
    span = mention_iri.rsplit("/", 1)[-1].split("-", 1)[0]
    return int(span) if span.isdigit() else 0


def article_id_of(graph_iri: str) -> str | None:
    """Inverse of :func:`article_graph`."""
    prefix = str(KGR["graph/article/"])
    return graph_iri[len(prefix):] if graph_iri.startswith(prefix) else None
