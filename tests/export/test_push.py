"""`kg push` into a real Oxigraph server, and `kg query --endpoint` against it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
import requests

from kg.export.push import PushError, push
from kg.graph import actors
from kg.graph.mapping import article_graph
from kg.graph.store import GraphStore
from kg.query.remote import run_remote
from tests_support import article, extraction

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server (pip install oxigraph) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture()
def store():
    s = GraphStore.in_memory()
    for aid in ("a1", "a2"):
        s.replace_article(aid, article_graph(article(aid), extraction(aid)))
    actors.refresh(s)
    return s


def _count(base: str) -> int:
    [row] = list(run_remote(f"{base}/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
    return int(row["n"].value)


@pytest.mark.parametrize("mode", ["update", "graph-store"])
def test_push_twice_leaves_one_copy_with_named_graphs(server, store, mode):
    kwargs = {"update": f"{server}/update"} if mode == "update" else {"graph_store": f"{server}/store"}
    first = push(store, batch_triples=10, progress=False, **kwargs)
    push(store, progress=False, **kwargs)
    assert first.graphs == 3  # two articles and the actors graph
    assert _count(server) == len(store)
    local = sorted(g.value for g in store.ox.named_graphs())
    remote = sorted(r["g"].value for r in run_remote(f"{server}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert remote == local


def test_competency_query_same_answer_remote_and_local(server, store):
    from kg.query import library

    push(store, update=f"{server}/update", progress=False)
    query = library.text("posts")
    local = [[t.value if t else None for t in row] for row in store.query(query)]
    remote = [[t.value if t else None for t in row] for row in run_remote(f"{server}/query", query)]
    assert remote == local and local


def test_unreachable_server_is_one_clear_error(store):
    with pytest.raises(PushError, match="cannot reach"):
        push(store, update=f"http://127.0.0.1:{_free_port()}/update", progress=False)
