"""The page in a real headless Chromium: offline, drawn, inert, filtered, searchable."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from kg.view.network import write_view

from view_support import (PWN_IMG, PWN_SCRIPT, console_errors, diplomacy, drawn_nodes, hostile, hover, open_view,
                          png_colours, requested_urls, store_of, synthetic)
from test_view_select import CALL, CHO, EVERYTHING, HANOI, IWAYA, JP, KR, SAID1, SAID2, SUMMIT, TALKS, TRUNG, VN


@pytest.fixture(scope="module")
def store():
    return store_of(*diplomacy())


@pytest.fixture(scope="module")
def page(store, tmp_path_factory):
    return write_view(store, tmp_path_factory.mktemp("view") / "graph.html")


def test_loads_offline_without_errors_and_physics_stops(browser, page):
    open_view(browser, page)
    assert console_errors(browser) == []
    assert requested_urls(browser, page) == [page.resolve().as_uri()]
    remote = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (n) { return !/^(file|data):/.test(n); });")
    assert remote == []
    assert browser.execute_script("return network.physics.options.enabled") is False
    before = browser.execute_script("return network.getPositions()")
    time.sleep(0.5)
    assert browser.execute_script("return network.getPositions()") == before


def test_draws_every_node_with_its_type_and_size(browser, page):
    open_view(browser, page)
    nodes = drawn_nodes(browser)
    assert set(nodes) == EVERYTHING
    assert nodes[TRUNG]["label"] == "Lê Hoài Trung" and nodes[TRUNG]["shape"] == "dot"
    assert (nodes[SUMMIT]["kind"], nodes[SUMMIT]["shape"], nodes[SUMMIT]["label"]) == ("Meeting", "star", "Summit 2026-03")
    assert nodes[VN]["shape"] == "diamond" and nodes[SAID1]["shape"] == "hexagon"
    assert nodes[TRUNG]["size"] > nodes[VN]["size"]  # four connections against one
    edges = browser.execute_script("return network.body.data.edges.get().map(function (e) { return e.label; })")
    assert sorted(set(edges)) == ["holds post", "participant", "place", "reported in", "spoke"]
    legend = browser.find_element(By.ID, "kg-legend").text
    assert "Person (3)" in legend and "Meeting (3)" in legend and "participant" in legend


def test_screenshot_is_not_blank(browser, page):
    open_view(browser, page)
    assert png_colours(browser.find_element(By.ID, "mynetwork").screenshot_as_png) > 8


def test_tooltip_shows_posts_date_place_quote_and_source(browser, page):
    open_view(browser, page)
    talks = hover(browser, TALKS)
    assert talks["visible"]
    for text in ("Talks 2026-02-19", "Place: Hà Nội", "Participants: Cho Tae-yul; Lê Hoài Trung", "Source: a2 · 2026-02-20",
                 "Ngoại trưởng Việt Nam điện đàm"):
        assert text in talks["text"]
    said = hover(browser, SAID2)["text"]
    assert "Quote: Hàn Quốc coi trọng Việt Nam" in said and "Reported in: Reuters" in said
    assert "Posts: Bộ trưởng Ngoại giao (Việt Nam)" in hover(browser, TRUNG)["text"]


def test_hostile_text_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    page = write_view(store_of(*hostile()), tmp_path / "hostile.html")
    open_view(browser, page)
    nodes = drawn_nodes(browser)
    assert {n["label"] for n in nodes.values()} >= {PWN_SCRIPT[:31] + "…", PWN_IMG[:31] + "…"}
    for node_id in sorted(nodes):
        tip = hover(browser, node_id)
        assert tip["visible"] and tip["markup"] == 0, node_id
        browser.execute_script("kgView.showDetails(arguments[0])", node_id)  # what a click shows
    shown = hover(browser, "https://w3id.org/kg-diplomacy/id/person/bad")["text"]
    assert PWN_SCRIPT in shown and PWN_IMG in shown  # the name, and the alias, verbatim
    for edge_id in browser.execute_script("return network.body.data.edges.getIds()"):
        hover(browser, edge_id, edge=True)
    search = browser.find_element(By.ID, "kg-search")
    search.send_keys("<script")
    assert PWN_SCRIPT in browser.find_element(By.ID, "kg-results").text
    search.send_keys(Keys.ENTER)
    assert PWN_SCRIPT in browser.find_element(By.ID, "kg-details-body").text
    search.clear()
    search.send_keys("meeting 2026-04", Keys.ENTER)
    details = browser.find_element(By.ID, "kg-details-body").text
    assert "javascript:window.__pwned=1" in details and PWN_IMG in details  # the article's URL and title, as text
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img, iframe, b').length") == 0
    assert browser.execute_script("return document.scripts.length") == 3
    assert console_errors(browser) == []
    assert requested_urls(browser, page) == [page.resolve().as_uri()]


@pytest.mark.parametrize(("options", "expected"), [
    ({"actor": "Lê Hoài Trung"}, {TRUNG, VN, CALL, TALKS, SAID1, IWAYA, CHO, HANOI}),
    ({"since": "2026-03-01"}, {SUMMIT, IWAYA, CHO, JP, KR}),
    ({"until": "2026-01-31"}, {CALL, SAID1, TRUNG, IWAYA}),
    ({"kinds": ("call", "person")}, {CALL, TRUNG, IWAYA}),
])
def test_filters_choose_the_drawn_nodes(browser, store, tmp_path, options, expected):
    page = write_view(store, tmp_path / "filtered.html", **options)
    open_view(browser, page)
    assert set(drawn_nodes(browser)) == expected
    assert "Filtered by" in browser.find_element(By.ID, "kg-filters").text
    assert browser.find_elements(By.ID, "kg-note") == []
    assert console_errors(browser) == []


def test_max_nodes_says_what_was_left_out(browser, store, tmp_path):
    page = write_view(store, tmp_path / "cut.html", max_nodes=5)
    open_view(browser, page)
    assert set(drawn_nodes(browser)) == {TRUNG, SUMMIT, CHO, TALKS, IWAYA}
    note = browser.find_element(By.ID, "kg-note")
    assert note.is_displayed()
    assert "left out 8 (3 countries, 1 organization, 1 place, 1 meeting, 2 statements)" in note.text
    assert "kg view --max-nodes 13" in note.text


def test_a_large_graph_is_cut_to_the_most_connected(browser, tmp_path):
    page = write_view(store_of(*synthetic(1200)), tmp_path / "large.html")
    open_view(browser, page)
    nodes = drawn_nodes(browser)
    assert len(nodes) == 300
    assert "Person 0000" in {n["label"] for n in nodes.values()}  # the busiest actor of the synthetic graph
    assert "most connected of" in browser.find_element(By.ID, "kg-note").text
    assert console_errors(browser) == []


def test_search_box_finds_and_selects_a_node(browser, page):
    open_view(browser, page)
    search = browser.find_element(By.ID, "kg-search")
    search.send_keys("hoai")  # no accents needed
    results = browser.find_element(By.ID, "kg-results")
    assert results.is_displayed() and results.text.splitlines()[0].startswith("Lê Hoài Trung")
    search.send_keys(Keys.ENTER)
    assert browser.execute_script("return network.getSelectedNodes()") == [TRUNG]
    assert "Posts: Bộ trưởng Ngoại giao" in browser.find_element(By.ID, "kg-details").text
    search.clear()
    search.send_keys("zzz")
    assert browser.find_element(By.ID, "kg-results").text == "No match among the drawn nodes"
