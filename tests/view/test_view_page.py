"""The HTML file itself: self-contained, deterministic, and inert whatever the articles say."""

from __future__ import annotations

import json
import re

from kg.view.network import script_json, write_view

from view_support import PWN_IMG, PWN_SCRIPT, diplomacy, hostile, store_of


def _data(page: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_same_graph_gives_byte_identical_html(tmp_path):
    first = write_view(store_of(*diplomacy(), *hostile()), tmp_path / "a.html").read_bytes()
    # loaded in the other order: nothing may depend on insertion or hash order
    second = write_view(store_of(*reversed(hostile() + diplomacy())), tmp_path / "b.html").read_bytes()
    assert first == second


def test_nothing_is_fetched_from_anywhere(tmp_path):
    page = write_view(store_of(*diplomacy()), tmp_path / "v.html").read_text(encoding="utf-8")
    assert not re.search(r"<link\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "default-src 'none'" in page  # the CSP forbids any fetch the code might still attempt
    assert "vis.Network" in page and "stabilizationIterationsDone" in page


def test_hostile_text_never_appears_as_markup(tmp_path):
    page = write_view(store_of(*hostile()), tmp_path / "v.html", actor=PWN_SCRIPT).read_text(encoding="utf-8")
    for markup in (PWN_SCRIPT, PWN_IMG, "<b>bold</b>", "<!--", "\u2028"):
        assert markup not in page
    assert len(re.findall(r"^<script", page, re.M)) == 3  # vis-network, the data, the page's own code
    assert page.count("</script>") == 3
    data = _data(page)  # and the text arrives intact, to be shown as text
    titles = {info["title"] for info in data["info"].values()}
    assert {PWN_SCRIPT, PWN_IMG} <= titles
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # the filter banner names the actor, escaped


def test_script_json_cannot_close_its_element():
    text = str(script_json({"a": "</script><!-- & \u2028\u2029"}))
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_an_empty_graph_still_renders(tmp_path):
    from kg.graph.store import GraphStore

    page = write_view(GraphStore.in_memory(), tmp_path / "v.html").read_text(encoding="utf-8")
    assert 'id="kg-empty"' in page and _data(page)["nodes"] == []
