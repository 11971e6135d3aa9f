"""Each competency query answers its question on the bundled sources."""

from __future__ import annotations

import dataclasses

import pytest

import kg
from kg.graph import actors
from kg.graph.events import EventIndex
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.query import library
from kg.query.api import KnowledgeGraph
from tests_support import article, extraction


@pytest.fixture(scope="module")
def graph(bundled_build):
    return kg.open(bundled_build)


def run(graph, name, **params):
    return graph.query(library.text(name), params)


def test_every_query_is_listed_with_a_description():
    assert set(library.names()) >= {"who_met_whom", "actor_timeline", "statements_by", "posts", "planned_vs_held",
                                    "event_sources", "co_occurrence", "quotes_mentioning", "evidence"}
    assert all(library.description(name) for name in library.names())


def test_who_met_whom_has_the_alaska_summit(graph):
    rows = run(graph, "who_met_whom")
    summits = [r for r in rows if r["kind"] == "Summit" and {r["aLabel"], r["bLabel"]} == {"Donald Trump", "Vladimir Putin"}]
    assert any(r["placeLabel"] == "Alaska" and r["status"] == "Held" for r in summits)


def test_actor_timeline_is_in_date_order_and_only_about_the_actor(graph):
    rows = run(graph, "actor_timeline", actor="Vladimir Putin")
    assert rows and all(r["with"] != "Vladimir Putin" for r in rows)
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates) and "2026-01-22" in dates
    assert run(graph, "actor_timeline", actor="Nobody Atall") == []


def test_statements_by_a_person_with_date_and_article(graph):
    rows = run(graph, "statements_by", speaker="Dmitry Peskov")
    assert len(rows) >= 5
    assert {r["date"] for r in rows} == {"2025-08-27"}
    assert all(r["article"].endswith("002_6d2be5cb899a82c5") for r in rows)


def test_posts_for_countries_and_organisations(graph):
    rows = {(r["person"], r["title"], r["org"]) for r in run(graph, "posts")}
    assert ("Sergey Lavrov", "Ngoại trưởng", "Nga") in rows
    assert ("Dmitry Peskov", "Người phát ngôn", "Điện Kremlin") in rows
    trump = next(r for r in run(graph, "posts") if r["person"] == "Donald Trump" and r["title"] == "Tổng thống")
    assert int(trump["articles"]) >= 3 and trump["firstSeen"] < trump["lastSeen"]


def test_planned_and_held_are_both_counted(graph):
    counts = {(r["status"], r["kind"]): int(r["meetings"]) for r in run(graph, "planned_vs_held")}
    assert counts[("Held", "PhoneCall")] >= 1 and counts[("Planned", "PhoneCall")] >= 1
    assert sum(v for (status, _), v in counts.items() if status == "Held") > 0


def test_event_sources_one_summit_two_articles(graph):
    rows = run(graph, "event_sources")
    by_meeting = {}
    for r in rows:
        by_meeting.setdefault(r["meeting"], set()).add(r["article"].rsplit("/", 1)[1])
    summit = graph.query("SELECT DISTINCT ?m WHERE { ?m a dip:Summit ; dip:place/rdfs:label \"Alaska\" }")
    [alaska] = {r["m"] for r in summit}
    assert by_meeting[alaska] == {"002_6d2be5cb899a82c5", "004_4b169b2f93d1fecc"}


def test_co_occurrence_ranks_trump_and_putin_first(graph):
    top = run(graph, "co_occurrence")[0]
    assert {top["aLabel"], top["bLabel"]} == {"Donald Trump", "Vladimir Putin"} and int(top["events"]) >= 3


def test_quotes_mentioning_a_term_case_insensitively(graph):
    rows = run(graph, "quotes_mentioning", term="AN NINH")
    assert rows and all("an ninh" in r["text"].lower() for r in rows)


def test_evidence_of_a_fact_is_its_exact_text(graph):
    [meeting] = graph.query("SELECT DISTINCT ?m WHERE { ?m a dip:Summit ; dip:place/rdfs:label \"Alaska\" }")
    rows = run(graph, "evidence", fact=f"<{meeting['m']}>")
    assert rows
    for r in rows:
        assert r["sentence"].find(r["text"]) >= 0 and int(r["end"]) - int(r["start"]) == len(r["text"])


def test_parameters_cannot_inject_sparql(graph):
    hostile = 'x" } ?s ?p ?o . { "'
    assert run(graph, "statements_by", speaker=hostile) == []


def test_each_row_is_one_articles_account_of_an_event():
    """Two articles report one summit differently: rows never mix their claims."""
    store = GraphStore.in_memory()
    index = EventIndex.from_store(store)
    for article_id, changes in (("a1", {}), ("a2", {"date": "2026-02", "status": "planned"})):
        ex = extraction(article_id)
        ex.meetings = [dataclasses.replace(m, **changes) for m in ex.meetings]
        store.replace_article(article_id, article_graph(article(article_id), ex, index.assign(article_id, ex.meetings)))
    actors.refresh(store)
    rows = KnowledgeGraph(store).query(library.text("who_met_whom"))
    accounts = {(r["date"], r["status"]) for r in rows}
    assert accounts == {("2026-02-01", "Held"), ("2026-02", "Planned")}
    sources = KnowledgeGraph(store).query(library.text("event_sources"))
    assert len({r["meeting"] for r in sources}) == 1
    assert sorted(r["article"].rsplit("/", 1)[1] for r in sources) == ["a1", "a2"]
