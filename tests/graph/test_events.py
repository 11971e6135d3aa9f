"""Cross-article resolution: the same event from two articles is one node."""

from __future__ import annotations

import dataclasses

from kg.graph import actors, iris
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


class _EveryClaim:
    """Resolution by reading every earlier report: the definition the index must agree with."""

    def __init__(self) -> None:
        self.reports: dict[str, list[Report]] = {}

    def assign(self, article_id: str, meetings) -> list[str]:
        others = [r for a, reports in self.reports.items() if a != article_id for r in reports]
        result, reports = [], []
        for number, m in enumerate(meetings, start=1):
            probe = Report("", article_id, m.kind, frozenset(str(iris.actor(p)) for p in m.participants),
                           m.date, str(iris.actor(m.place)) if m.place else None)
            matches = [r.iri for r in others if same_event(probe, r)]
            iri, variant = str(iris.fact("meeting", article_id, number)), 1
            while any(r.iri == iri for r in others):  # still another article's event: a variant
                variant += 1
                iri = str(iris.fact("meeting", article_id, f"{number}-{variant}"))
            iri = min(matches) if matches else iri
            result.append(iri)
            reports.append(dataclasses.replace(probe, iri=iri))
        self.reports[article_id] = reports
        return result


def test_index_finds_the_event_reading_every_report_would_find():
    """Random reports (kinds, leaders, dates at every precision, places), articles
    built again: the filed claims give the IRIs a scan of every report gives."""
    import random

    rng = random.Random(7)
    people = [f"person/p{i}" for i in range(6)]
    dates = [None, "2026", "2026-03", "2026-04", "2026-03-05", "2026-03-06", "2026-04-05"]
    index, reference = EventIndex(), _EveryClaim()
    base = extraction("a1").meetings[0]
    for step in range(400):
        article_id = f"r{rng.randrange(60)}"  # often an article built again
        meetings = [dataclasses.replace(base, kind=rng.choice(["call", "talks", "summit"]),
                                        participants=rng.sample(people, rng.randint(1, 3)),
                                        date=rng.choice(dates), place=rng.choice([None, None, "place/ha-noi", "place/paris"]))
                    for _ in range(rng.randint(1, 3))]
        assert [str(i) for i in index.assign(article_id, meetings)] == reference.assign(article_id, meetings), step
