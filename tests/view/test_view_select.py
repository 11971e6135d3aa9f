"""Choosing what to draw: the graph read from the store, the filters, and `kg view` options."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from rdflib import URIRef

from kg.cli import app
from kg.extract.model import Entity, Extraction, Meeting
from kg.graph import actors
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.sources.article import Article
from kg.view.load import add_sources, load, load_around, load_top, rank_key
from kg.view.select import Filters, match_actors, select, select_top

from view_support import KGR, diplomacy, ev, save_build, store_of, synthetic

runner = CliRunner()
TRUNG, IWAYA, CHO = KGR + "person/le-hoai-trung", KGR + "person/iwaya-takeshi", KGR + "person/cho-tae-yul"
VN, JP, KR, HANOI, REUTERS = (KGR + k for k in ("country/vn", "country/jp", "country/kr", "place/ha-noi", "org/reuters"))
CALL, TALKS, SUMMIT = KGR + "meeting/a1/1", KGR + "meeting/a2/1", KGR + "meeting/a3/1"
SAID1, SAID2 = KGR + "statement/a1/1", KGR + "statement/a2/1"
EVERYTHING = {TRUNG, IWAYA, CHO, VN, JP, KR, HANOI, REUTERS, CALL, TALKS, SUMMIT, SAID1, SAID2}


@pytest.fixture(scope="module")
def graph():
    store = store_of(*diplomacy())
    graph = load(store)
    add_sources(store, graph)
    return graph


def chosen(graph, **filters) -> set[str]:
    return set(select(graph, Filters(**filters)).graph)


def test_the_graph_holds_actors_meetings_statements_and_labelled_links(graph):
    assert set(graph) == EVERYTHING
    assert graph.nodes[SUMMIT]["kind"] == "Meeting" and graph.nodes[SUMMIT]["sub"] == "summit"
    assert graph.edges[TRUNG, VN] == {"label": "holds post", "detail": "Bộ trưởng Ngoại giao"}
    assert {graph.edges[e]["label"] for e in graph.edges} == {"holds post", "participant", "place", "spoke", "reported in"}
    info = graph.nodes[TALKS]["info"]
    assert dict(info["rows"])["Place"] == "Hà Nội" and dict(info["rows"])["Participants"] == "Cho Tae-yul; Lê Hoài Trung"
    [source] = info["sources"]
    assert (source["date"], source["anchor"]) == ("2026-02-20", "điện đàm")
    assert dict(graph.nodes[SAID2]["info"]["rows"])["Reported in"] == "Reuters"
    assert dict(graph.nodes[TRUNG]["info"]["rows"])["Posts"] == "Bộ trưởng Ngoại giao (Việt Nam)"


def test_default_view_draws_everything_when_small(graph):
    selection = select(graph, Filters())
    assert set(selection.graph) == EVERYTHING and selection.note() == ""


@pytest.mark.parametrize("name", ["Lê Hoài Trung", "le hoai trung", "Trung", "hoài tr"])
def test_actor_keeps_its_meetings_statements_and_who_else_took_part(graph, name):
    assert chosen(graph, actor=name) == {TRUNG, VN, CALL, TALKS, SAID1, IWAYA, CHO, HANOI}


def test_an_exact_name_wins_over_names_containing_it(graph):
    assert TRUNG not in chosen(graph, actor="Nhật Bản")
    assert chosen(graph, actor="Nhật Bản") == {JP, SUMMIT, IWAYA, CHO, KR}


def test_unknown_actor_is_an_error(graph):
    with pytest.raises(LookupError, match="no actor"):
        select(graph, Filters(actor="Nobody"))
    with pytest.raises(LookupError, match=r"\(Việt Nam\): nothing left with the other options"):
        select(graph, Filters(actor="Việt Nam", since="2026-02"))


def test_since_and_until_keep_facts_in_range_and_their_actors(graph):
    assert chosen(graph, since="2026-02") == {TALKS, SUMMIT, SAID2, TRUNG, CHO, HANOI, IWAYA, JP, KR, REUTERS}
    assert chosen(graph, until="2026-02-15") == {CALL, SAID1, TRUNG, IWAYA}
    # the summit is dated only to the month: it may fall after the 10th
    assert chosen(graph, since="2026-03-10") == {SUMMIT, IWAYA, CHO, JP, KR}
    assert chosen(graph, since="2026-02-01", until="2026-02-28") == {TALKS, SAID2, TRUNG, CHO, HANOI, REUTERS}


def test_kinds_select_node_types_and_meeting_kinds(graph):
    assert chosen(graph, kinds=("call",)) == {CALL, TRUNG, IWAYA}
    assert chosen(graph, kinds=("meeting",)) == {CALL, TALKS, SUMMIT, TRUNG, IWAYA, CHO, JP, KR, HANOI}
    assert chosen(graph, kinds=("country", "person")) == {TRUNG, IWAYA, CHO, VN, JP, KR}
    assert chosen(graph, kinds=("person", "statement")) == {SAID1, SAID2, TRUNG, CHO}
    with pytest.raises(ValueError, match="unknown"):
        Filters(kinds=("meetings",))


def test_bad_dates_are_refused():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        Filters(since="02/2026")


def test_max_nodes_keeps_the_most_connected_and_counts_the_rest(graph):
    selection = select(graph, Filters(max_nodes=5))
    assert set(selection.graph) == {TRUNG, SUMMIT, CHO, TALKS, IWAYA}
    assert sum(selection.left_out.values()) == 8 and selection.left_out["Statement"] == 2
    note = selection.note()
    assert "Showing the 5 most connected of 13 nodes; left out 8" in note
    assert "`kg view --max-nodes 13`" in note and "`kg view --actor NAME`" in note


def test_max_nodes_never_drops_the_actor_asked_for(graph):
    selection = select(graph, Filters(actor="Việt Nam", max_nodes=1))
    assert set(selection.graph) == {VN}
    assert "left out 1 (1 person)" in selection.note()
    assert "`kg view --actor 'Việt Nam' --max-nodes 2`" in selection.note()


def test_kg_view_options(tmp_path):
    build = save_build(diplomacy(), tmp_path / "build")
    out = tmp_path / "trung.html"
    result = runner.invoke(app, ["view", "--graph", str(build), "--out", str(out), "--actor", "Trung",
                                 "--since", "2026-01", "--kinds", "meeting,person", "--kinds", "country", "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Filtered by actor &#39;Trung&#39; (Lê Hoài Trung), dated 2026-01 to …, kinds country, meeting, person" in page
    assert "kg view --actor Trung --since 2026-01 --kinds country,meeting,person --max-nodes 5" in page
    assert runner.invoke(app, ["view", "--graph", str(build)]).exit_code == 0
    assert (build / "graph.html").is_file()
    bad = runner.invoke(app, ["view", "--graph", str(build), "--kinds", "treaty"])
    assert bad.exit_code == 2 and "--kinds treaty: unknown" in bad.output
    nobody = runner.invoke(app, ["view", "--graph", str(build), "--actor", "Nobody"])
    assert nobody.exit_code == 1 and "no actor" in nobody.output


@pytest.fixture(scope="module")
def crowded():
    """Many facts of skewed degree, and facts with places and outlets."""
    return store_of(*synthetic(400), *diplomacy())


@pytest.mark.parametrize("max_nodes", [5, 40, 150, 2000])
def test_default_view_streamed_draws_what_ranking_the_whole_graph_draws(crowded, max_nodes):
    whole = select(load(crowded), Filters(max_nodes=max_nodes))
    streamed = select_top(*load_top(crowded, max_nodes), Filters(max_nodes=max_nodes))
    assert nx.utils.graphs_equal(whole.graph, streamed.graph)  # nodes, links and all their data
    assert (whole.available, whole.matching, whole.left_out) == (streamed.available, streamed.matching, streamed.left_out)
    assert {n: whole.degree[n] for n in whole.graph} == {n: streamed.degree[n] for n in streamed.graph}
    assert whole.note() == streamed.note()


def test_default_view_holds_only_the_facts_it_may_draw(crowded):
    graph, degree, counts = load_top(crowded, 10)
    assert counts["Statement"] > 200 and counts["Meeting"] > 100
    assert set(degree) == set(graph)  # no degree kept for the facts it dropped
    assert degree[KGR + "person/p0000"] > 50  # counted over every fact, drawn or not
    whole = load(crowded)
    whole_degree = dict(whole.degree())
    for kind in ("Meeting", "Statement"):
        facts = [n for n, k in whole.nodes(data="kind") if k == kind]
        best = sorted(facts, key=lambda n: rank_key(n, whole.nodes[n], whole_degree))[:10]
        assert sorted(n for n, k in graph.nodes(data="kind") if k == kind) == sorted(best)


def test_a_widely_reported_event_shows_its_earliest_sources_in_reading_order_and_counts_the_rest():
    text = "Tổng thống Pháp tiếp Thủ tướng Ấn Độ tại Paris; hai bên ký kết nhiều thỏa thuận."
    fr = Entity("country/fr", "Pháp", "Country", set(), None, [ev(text, 11, 15)])
    india = Entity("country/in", "Ấn Độ", "Country", set(), None, [ev(text, 31, 36)])
    event = URIRef(KGR + "meeting/event-1")
    days = [14, 3, 27, 9, 21, 5, 30, 12]  # stored out of date order
    store = GraphStore.in_memory()
    for n, day in enumerate(days):
        art = Article(f"r{n}", text, f"2026-04-{day:02d}", f"r{n}.txt", title=f"Bài {n}")
        spans = [ev(text, 16, 20), ev(text, 5, 15)] if n == 1 else [ev(text, 16, 20)]  # stored out of text order
        meeting = Meeting("meeting", [fr.key, india.key], "2026-04-02", None, "held", "tiếp", spans)
        store.replace_article(art.id, article_graph(art, Extraction(art.id, [fr, india], [], [meeting], []), [event]))
    actors.refresh(store)
    graph = load(store)
    add_sources(store, graph)
    info = graph.nodes[str(event)]["info"]
    assert [s["date"] for s in info["sources"]] == ["2026-04-03", "2026-04-03", "2026-04-05", "2026-04-09", "2026-04-12"]
    assert [(s["article"], s["anchor"]) for s in info["sources"]] == [
        ("Bài 1", "thống Pháp"), ("Bài 1", "tiếp"), ("Bài 5", "tiếp"), ("Bài 3", "tiếp"), ("Bài 7", "tiếp")]
    assert {s["sentence"] for s in info["sources"]} == {text}
    assert info["more"] == "and 4 more source(s)"


ACTOR_FILTERS = [dict(), dict(since="2026-02"), dict(until="2026-01"), dict(kinds=("meeting",)),
                 dict(kinds=("statement", "person")), dict(since="2026-02", max_nodes=3)]


@pytest.mark.parametrize("name", ["Lê Hoài Trung", "Iwaya", "Nhật Bản", "Reuters", "p0003"])
@pytest.mark.parametrize("options", ACTOR_FILTERS)
def test_an_actor_view_read_around_the_actor_draws_what_filtering_the_whole_graph_draws(crowded, name, options):
    filters = Filters(actor=name, **options)
    try:
        whole = select(load(crowded), filters)
    except LookupError as err:
        with pytest.raises(LookupError, match=re.escape(str(err))):
            select(*load_around(crowded, lambda g: match_actors(g, name), filters.facts_filtered)[:1], filters)
        return
    graph, available = load_around(crowded, lambda g: match_actors(g, name), filters.facts_filtered)
    around = select(graph, filters, available)
    assert nx.utils.graphs_equal(whole.graph, around.graph)
    assert (whole.available, whole.matching, whole.left_out, whole.degree) == \
        (around.available, around.matching, around.left_out, around.degree)


def test_a_post_of_the_actor_is_drawn_when_a_kept_fact_elsewhere_involves_its_country():
    text = "Việt Nam và Hàn Quốc ký kết thỏa thuận."
    vn = Entity("country/vn", "Việt Nam", "Country", set(), None, [ev(text, 0, 8)])
    kr = Entity("country/kr", "Hàn Quốc", "Country", set(), None, [ev(text, 12, 20)])
    a4 = Article("a4", text, "2026-02-25", "a4.txt")
    x4 = Extraction("a4", [vn, kr], [], [Meeting("talks", [vn.key, kr.key], "2026-02-25", None, "held", "ký kết",
                                                   [ev(text)])], [])
    store = store_of(*diplomacy(), (a4, x4))
    filters = Filters(actor="Lê Hoài Trung", since="2026-02")
    graph, available = load_around(store, lambda g: match_actors(g, filters.actor), filters.facts_filtered)
    around = select(graph, filters, available)
    assert VN in around.graph and VN in select(load(store), filters).graph  # his post's country, in a4's talks
    assert set(around.graph) == set(select(load(store), filters).graph)


def test_an_actor_view_reads_only_the_facts_around_the_actor(crowded):
    graph, available = load_around(crowded, lambda g: match_actors(g, "Cho Tae-yul"))
    facts = {n for n, kind in graph.nodes(data="kind") if kind in ("Meeting", "Statement")}
    whole = load(crowded)
    assert facts == {n for n in nx.all_neighbors(whole, CHO) if whole.nodes[n]["kind"] in ("Meeting", "Statement")}
    assert {TALKS, SUMMIT, SAID2} <= facts and len(facts) < 5  # of more than 300 in the store
    assert available == whole.number_of_nodes()
