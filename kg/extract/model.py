"""Plain data objects passed from extraction to the graph.

Extraction fills these from a spaCy ``Doc``; :mod:`kg.graph.mapping` turns them
into RDF. Keeping them free of spaCy and rdflib types lets each side be tested
alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")
MEETING_KINDS = ("meeting", "call", "talks", "summit", "visit")
MEETING_STATUSES = ("held", "planned")
STATEMENT_KINDS = ("direct", "indirect")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: exact character span inside the article text.

    ``start``/``end`` index the article body (``Article.text``); ``text`` is
    ``body[start:end]``. ``sentence`` is the whole sentence holding the span.
    """

    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    confidence: float = 1.0


@dataclass
class Entity:
    """An actor or place mentioned in one article.

    ``key`` is the canonical id shared across articles ("person/vladimir-putin",
    "country/nga"); it becomes the node's IRI. ``mentions`` holds every surface
    occurrence, so the name and aliases of the record come from the text.
    """

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Role:
    person: str  # Entity.key
    title: str
    org: str | None  # Entity.key
    evidence: Evidence


@dataclass
class Meeting:
    kind: str
    participants: list[str]  # Entity.key
    date: str | None
    place: str | None  # Entity.key
    status: str
    trigger: str
    evidence: list[Evidence]


@dataclass
class Statement:
    speaker: str  # Entity.key
    text: str
    kind: str  # direct | indirect
    verb: str | None
    evidence: Evidence
    act: str | None = None  # speech act of the verb: claim, praise, rejection ...
    outlet: str | None = None  # Entity.key of the outlet it was relayed through


@dataclass
class Extraction:
    """Everything read from one article."""

    article_id: str
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
