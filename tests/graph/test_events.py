"""Cross-article resolution: the same event from two articles is one node."""

from __future__ import annotations

import dataclasses

from kg.graph import actors
from kg.graph.events import EventIndex, Report, same_event
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.query.records import records_from_store
from tests_support import article, extraction


def _build(store: GraphStore, index: EventIndex, article_id: str, **changes) -> None:
    ex = extraction(article_id)
    ex.meetings = [dataclasses.replace(m, **changes) for m in ex.meetings]
    store.replace_article(article_id, article_graph(article(article_id), ex, index.assign(article_id, ex.meetings)))


def test_same_event_in_two_articles_is_one_node_with_two_reports():
    store = GraphStore.in_memory()
    index = EventIndex.from_store(store)
    _build(store, index, "a1")
    _build(store, index, "a2", date="2026-02", status="planned")  # vaguer date, other status
    actors.refresh(store)
    rows = list(store.query("SELECT DISTINCT ?m WHERE { ?m a dip:Meeting }"))
    assert len(rows) == 1
    reported = {r["a"].value.rsplit("/", 1)[1] for r in store.query("SELECT ?a WHERE { ?m a dip:Meeting ; dip:reportedIn ?a }")}
    assert reported == {"a1", "a2"}
    # each article keeps its own account of the event
    records = {r["article"]: r for r in records_from_store(store)}
    assert records["a1"]["meetings"][0]["date"] == "2026-02-01"
    assert records["a2"]["meetings"][0]["status"] == "planned"


def test_contradicting_dates_stay_two_events():
    store = GraphStore.in_memory()
    index = EventIndex.from_store(store)
    _build(store, index, "a1")
    _build(store, index, "a2", date="2026-03-05")
    assert len(list(store.query("SELECT DISTINCT ?m WHERE { ?m a dip:Meeting }"))) == 2


def test_index_reloaded_from_store_gives_same_iris_as_in_one_go():
    store = GraphStore.in_memory()
    _build(store, EventIndex.from_store(store), "a1")
    _build(store, EventIndex.from_store(store), "a2")  # a later, incremental build
    assert len(list(store.query("SELECT DISTINCT ?m WHERE { ?m a dip:Meeting }"))) == 1


def test_vague_repeated_events_are_not_merged():
    leaders = frozenset({"p/a", "p/b"})
    call1 = Report("m1", "x", "call", leaders, "2025-12", None)
    call2 = Report("m2", "y", "call", leaders, "2025-12", None)
    assert not same_event(call1, call2)
    assert not same_event(call1, dataclasses.replace(call2, kind="meeting", date="2025-12-28"))


def test_rebuilding_the_only_report_does_not_match_itself():
    """An article built again must not join its own earlier report of the event."""
    store = GraphStore.in_memory()
    index = EventIndex.from_store(store)
    _build(store, index, "a1")
    first = {r["m"].value for r in store.query("SELECT ?m WHERE { ?m a dip:Meeting }")}
    _build(store, index, "a1", date="2026-03-05")  # corrected in place: still its own event
    again = {r["m"].value for r in store.query("SELECT ?m WHERE { ?m a dip:Meeting }")}
    assert first == again and all("/a1/" in iri for iri in again)


def test_shared_claims_keep_the_event_when_one_report_is_withdrawn():
    """Many identical reports share one claim; rebuilding one leaves the others matching."""
    store = GraphStore.in_memory()
    index = EventIndex.from_store(store)
    for article_id in ("a1", "a2", "a3"):
        _build(store, index, article_id)
    _build(store, index, "a1", date="2026-03-05")  # a1 now reports another day
    _build(store, index, "a4")
    events = {r["a"].value.rsplit("/", 1)[1]: r["m"].value
              for r in store.query("SELECT ?m ?a WHERE { ?m a dip:Meeting ; dip:reportedIn ?a }")}
    assert events["a2"] == events["a3"] == events["a4"] != events["a1"]
