"""The store: replacing articles, staged builds, and records read back with SPARQL."""

from __future__ import annotations

import pytest

from kg.graph import actors
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore, open_build, staged
from kg.query.records import records_from_store

from tests_support import article as _article, extraction as _extraction


def test_rebuilding_an_article_replaces_it_without_duplicates():
    store = GraphStore.in_memory()
    store.replace_article("a1", article_graph(_article(), _extraction("a1")))
    size = len(store)
    store.replace_article("a1", article_graph(_article(), _extraction("a1")))
    assert len(store) == size
    assert store.article_ids() == ["a1"]


def test_records_read_back_from_the_graph():
    store = GraphStore.in_memory()
    store.replace_article("a1", article_graph(_article(), _extraction("a1")))
    actors.refresh(store)
    [record] = records_from_store(store)
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert record["article"] == "a1" and record["date"] == "2026-02-02"
    assert [e["name"] for e in record["entities"]] == ["Nhật Bản", "Ishiba Shigeru", "Hàn Quốc", "Tokyo"]
    assert next(e for e in record["entities"] if e["name"] == "Ishiba Shigeru")["aliases"] == ["Ishiba"]
    [role] = record["roles"]
    assert (names[role["person"]], role["title"], names[role["org"]]) == ("Ishiba Shigeru", "Thủ tướng", "Nhật Bản")
    [meeting] = record["meetings"]
    assert {names[p] for p in meeting["participants"]} == {"Ishiba Shigeru", "Hàn Quốc"}
    assert (meeting["kind"], meeting["date"], names[meeting["place"]], meeting["status"]) == ("meeting", "2026-02-01", "Tokyo", "held")
    [statement] = record["statements"]
    assert (names[statement["speaker"]], statement["kind"]) == ("Ishiba Shigeru", "indirect")


def test_actor_shared_across_articles_gets_one_label_and_wikidata_link():
    store = GraphStore.in_memory()
    for aid in ("a1", "a2"):
        store.replace_article(aid, article_graph(_article(aid), _extraction(aid)))
    actors.refresh(store)
    rows = list(store.query("SELECT ?label ?wd WHERE { kgr:person\\/ishiba-shigeru rdfs:label ?label ; owl:sameAs ?wd }"))
    assert [(r["label"].value, r["wd"].value) for r in rows] == [("Ishiba Shigeru", "http://www.wikidata.org/entity/Q1")]


def test_failed_build_leaves_previous_store_untouched(tmp_path):
    with staged(tmp_path) as store:
        store.replace_article("a1", article_graph(_article(), _extraction("a1")))
    before = len(open_build(tmp_path))
    with pytest.raises(RuntimeError), staged(tmp_path) as store:
        store.replace_article("a2", article_graph(_article("a2"), _extraction("a2")))
        raise RuntimeError("crash in the middle of a build")
    after = open_build(tmp_path)
    assert len(after) == before and after.article_ids() == ["a1"]


def test_loader_replaces_an_article_and_loads_literals_with_newlines():
    """Batched loading keeps one copy per article and splits lines only at their ends."""
    store = GraphStore.in_memory()
    quote = b'<http://x/s> <http://x/p> "line one .\\nline two" .\n'
    with store.loader(batch=2) as load:
        load.replace("a1", quote)
        load.replace("a2", quote)
        load.replace("a3", quote)  # still pending when the block ends: flushed on exit
    with store.loader() as load:
        load.replace("a1", quote)  # built again: replaced, not added
    assert store.article_ids() == ["a1", "a2", "a3"] and len(store) == 3
    [row] = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    assert row["o"].value == "line one .\nline two"
