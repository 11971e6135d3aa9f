"""An article rendered with its own meeting IRIs and renamed afterwards equals
the article mapped with the event IRIs from the start (what a worker makes
and what the driver makes must not differ)."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.extract.model import Entity, Evidence, Extraction, Meeting, Statement
from kg.graph import iris
from kg.graph.article_output import ArticleOutput, render
from kg.graph.mapping import article_triples, ntriples
from kg.sources.article import Article

TEXT = "Ngoại trưởng Lavrov hội đàm với Ngoại trưởng Wang Yi tại Bắc Kinh. Hai bên sẽ gặp lại vào tháng 5."


def evidence(word: str, confidence: float = 0.9, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if ". " in TEXT[:start] else 0
    sentence_end = TEXT.index(".", start) + 1
    return Evidence(start, start + len(word), word, TEXT[sentence_start:sentence_end], sentence_start, confidence)


def article_and_extraction(quote: str = "Hai bên nhất trí.") -> tuple[Article, Extraction]:
    article = Article(id="a-1", text=TEXT, date="2026-04-02", origin="a-1.txt")
    people = ["person/sergey-lavrov", "person/wang-yi"]
    extraction = Extraction(
        article_id="a-1",
        entities=[Entity(people[0], "Lavrov", "Person", mentions=[evidence("Lavrov")]),
                  Entity(people[1], "Wang Yi", "Person", mentions=[evidence("Wang Yi")])],
        meetings=[Meeting("talks", people, "2026-04-01", None, "held", "hội đàm", [evidence("hội đàm", 0.8)]),
                  Meeting("meeting", people, "2026-05", None, "planned", "gặp", [evidence("gặp", 0.55)])],
        statements=[Statement(people[0], quote, "indirect", "cho biết", evidence("Hai bên"))],
    )
    return article, extraction


def triples(nt: bytes) -> list[bytes]:
    """N-Triples lines as a store writes them, sorted: the graph, whatever wrote it."""
    return sorted(ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES).splitlines())


def mapped(article: Article, extraction: Extraction, event_iris: list[str]) -> ArticleOutput:
    nt = ntriples(article_triples(article, extraction, [URIRef(i) for i in event_iris]))
    return ArticleOutput(article.id, nt, tuple(extraction.meetings)).with_files()


OWN = [str(iris.fact("meeting", "a-1", n)) for n in (1, 2)]
ELSEWHERE = [str(iris.fact("meeting", "other", n)) for n in (1, 2)]


@pytest.mark.parametrize("event_iris", [
    OWN,                              # nothing renamed
    [ELSEWHERE[0], OWN[1]],           # one meeting is an event reported before
    [ELSEWHERE[1], ELSEWHERE[0]],     # both are, in the other order
    [ELSEWHERE[0], ELSEWHERE[0]],     # two meetings resolved to one event
    [OWN[1], OWN[0]],                 # swapped onto each other
], ids=["own", "one", "both", "merged", "swapped"])
def test_renamed_output_equals_mapping_with_the_event_iris(event_iris):
    article, extraction = article_and_extraction()
    made_on_worker = render(article, extraction).with_files()
    on_driver = made_on_worker.with_events([URIRef(i) for i in event_iris]).with_files()
    expected = mapped(article, extraction, event_iris)
    assert (triples(on_driver.nt), on_driver.record, on_driver.block) == (triples(expected.nt), expected.record, expected.block)


def test_merged_meetings_are_one_meeting_in_the_record():
    article, extraction = article_and_extraction()
    out = render(article, extraction).with_files().with_events([URIRef(ELSEWHERE[0])] * 2).with_files()
    assert len(json.loads(out.record)["meetings"]) == 1
    assert out.nt.count(f"<{ELSEWHERE[0]}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>".encode()) == 3


def test_text_quoting_a_meeting_iri_is_not_renamed():
    """Article text is anyone's: a quote holding the IRI in angle brackets stays as written."""
    quote = f"Xem <{OWN[0]}> ."
    article, extraction = article_and_extraction(quote)
    out = render(article, extraction).with_events([URIRef(ELSEWHERE[0]), URIRef(OWN[1])])
    assert json.dumps(quote, ensure_ascii=False)[1:-1].encode() in out.nt
    assert triples(out.nt) == triples(mapped(article, extraction, [ELSEWHERE[0], OWN[1]]).nt)


def test_confidence_is_written_in_canonical_form():
    article, extraction = article_and_extraction()
    nt = render(article, extraction).nt
    assert b'"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>' in nt
    assert b'"0.90"' not in nt and b'"0.55"^^' in nt


def test_meetings_read_from_one_span_keep_the_order_their_event_iris_give():
    """Two meetings whose evidence starts at one place are ordered by IRI in the record."""
    article, extraction = article_and_extraction()
    extraction.meetings[1].evidence = [evidence("hội đàm", 0.55)]
    swapped = [URIRef(OWN[1]), URIRef(OWN[0])]
    on_driver = render(article, extraction).with_files().with_events(swapped).with_files()
    assert on_driver.record == mapped(article, extraction, [OWN[1], OWN[0]]).record
    assert [m["kind"] for m in json.loads(on_driver.record)["meetings"]] == ["meeting", "talks"]
