"""Stores for the export tests, built from hand-made extractions (no NLP).

``sample_store`` has two articles reporting one resolved meeting (different
statuses and date precisions), a post attested twice and a statement relayed
by an outlet; ``hostile_store`` puts quotes, commas, newlines, ``<`` and
``&`` into every text an export writes, and has two posts in one organization
(parallel edges) and one post with no organization.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.extract.model import Entity, Evidence, Extraction, Meeting, Role, Statement
from kg.graph import actors, iris
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.sources.article import Article

from tests_support import article as support_article
from tests_support import extraction as support_extraction

HOSTILE = 'Nói "không", <b>A & B</b> ]]> 1 < 2\nhai dòng\r\nba\tcột, \\ hết'


def _evidence(text: str, start: int = 0, end: int = 5) -> Evidence:
    return Evidence(start, end, text[start:end], text, 0, 0.75)


def sample_articles() -> list[tuple[Article, Extraction, list | None]]:
    shared = [iris.fact("meeting", "a1", 1)]  # as if events.py resolved a2's meeting to a1's
    second = support_extraction("a2")
    second.meetings[0].status = "planned"
    second.meetings[0].date = "2026-02"
    reuters = Entity("organization/reuters", "Reuters", "Organization", set(), "Q130879", [_evidence("Reuters")])
    second.entities.append(reuters)
    second.statements[0].outlet = reuters.key
    return [
        (support_article("a1"), support_extraction("a1"), shared),
        (Article(id="a2", text="x", date="2026-02-05", origin="a2.txt"), second, shared),
    ]


def hostile_articles() -> list[tuple[Article, Extraction, list | None]]:
    text = f"{HOSTILE} {HOSTILE}"
    ev = _evidence(text, 0, len(HOSTILE))
    person = Entity("person/hostile", HOSTILE, "Person", {f"{HOSTILE}, alias"}, "Q42", [ev])
    org = Entity("organization/hostile", f"Org {HOSTILE}", "Organization", set(), None, [ev])
    place = Entity("place/hostile", f"Place {HOSTILE}", "Place", set(), None, [ev])
    extraction = Extraction(
        article_id="h1",
        entities=[person, org, place],
        roles=[  # two posts in one organization make parallel edges
            Role(person.key, HOSTILE, org.key, ev),
            Role(person.key, "Phó chủ tịch", org.key, ev),
            Role(person.key, f"Cố vấn {HOSTILE}", None, ev),
        ],
        meetings=[Meeting("call", [person.key, org.key], "2026", place.key, "planned", HOSTILE, [ev])],
        statements=[Statement(person.key, HOSTILE, "direct", HOSTILE, ev, HOSTILE, org.key)],
    )
    article = Article(id="h1", text=text, date="2026-03-04", origin="h 1,\"x\".txt", url="https://ex.org/?a=1&b=<2>", title=HOSTILE)
    return [(article, extraction, None)]


def store_of(articles, reverse: bool = False) -> GraphStore:
    """An in-memory store; ``reverse`` loads the articles in the other order."""
    store = GraphStore.in_memory()
    for article, extraction, meeting_iris in reversed(articles) if reverse else articles:
        store.replace_article(article.id, article_graph(article, extraction, meeting_iris))
    actors.refresh(store)
    return store


def sample_store(reverse: bool = False) -> GraphStore:
    return store_of(sample_articles(), reverse)


def hostile_store(reverse: bool = False) -> GraphStore:
    return store_of(hostile_articles(), reverse)


def build_dir(path: Path, store_articles) -> Path:
    """A build directory (``path/store``) as ``kg build`` leaves it."""
    store = GraphStore.create(path / "store")
    for article, extraction, meeting_iris in store_articles:
        store.replace_article(article.id, article_graph(article, extraction, meeting_iris))
    actors.refresh(store)
    store.flush()
    store.close()
    return path


def store_dataset(store: GraphStore) -> Dataset:
    """The store's quads read by rdflib: the reference every export is compared with."""
    dataset = Dataset()
    dataset.parse(data=ox.serialize(store.sorted_quads(), format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
