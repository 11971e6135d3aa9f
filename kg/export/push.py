"""Load a built graph into a SPARQL 1.1 server, named graphs kept.

Each named graph is replaced whole (``DROP SILENT GRAPH`` then ``INSERT DATA``
in one update request, or a Graph Store Protocol ``PUT``), so pushing twice
leaves one copy. Graphs are sent in batches to keep requests small.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import requests
from tqdm import tqdm

from kg.graph.store import GraphStore


class PushError(RuntimeError):
    """The server refused or could not be reached."""


@dataclass
class PushSummary:
    graphs: int = 0
    triples: int = 0


def _graphs(store: GraphStore) -> list[ox.NamedNode]:
    return sorted((g for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


def _ntriples(store: GraphStore, graph: ox.NamedNode) -> tuple[bytes, int]:
    triples = sorted((q.triple for q in store.ox.quads_for_pattern(None, None, None, graph)), key=str)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def _check(response: requests.Response, url: str) -> None:
    if response.status_code >= 300:
        first = (response.text.strip().splitlines() or [""])[0][:300]
        raise PushError(f"{url}: HTTP {response.status_code}: {first}")


def push(
    store: GraphStore,
    update: str | None = None,
    graph_store: str | None = None,
    batch_triples: int = 50_000,
    progress: bool | None = None,
    session: requests.Session | None = None,
) -> PushSummary:
    """Send every named graph of ``store`` to a server.

    Args:
        store: the build's store.
        update: the server's SPARQL Update URL (Oxigraph: /update).
        graph_store: its Graph Store Protocol URL (Oxigraph: /store); used
            instead of ``update`` when given.
        batch_triples: graphs are grouped into update requests of about this size.
    """
    if not update and not graph_store:
        raise PushError("give an update URL or a graph store URL")
    http = session or requests.Session()
    summary = PushSummary()
    batch: list[str] = []
    size = 0

    def send(parts: list[str]) -> None:
        try:
            response = http.post(update, data="\n".join(parts).encode("utf-8"),
                                 headers={"Content-Type": "application/sparql-update; charset=utf-8"}, timeout=600)
        except requests.RequestException as err:
            raise PushError(f"{update}: cannot reach the server ({type(err).__name__})") from None
        _check(response, update)

    graphs = _graphs(store)
    for graph in tqdm(graphs, unit=" graphs", disable=None if progress is None else not progress):
        data, count = _ntriples(store, graph)
        summary.graphs += 1
        summary.triples += count
        if graph_store:
            try:
                response = http.put(graph_store, params={"graph": graph.value}, data=data,
                                    headers={"Content-Type": "application/n-triples"}, timeout=600)
            except requests.RequestException as err:
                raise PushError(f"{graph_store}: cannot reach the server ({type(err).__name__})") from None
            _check(response, graph_store)
            continue
        batch.append(f"DROP SILENT GRAPH <{graph.value}> ;\nINSERT DATA {{ GRAPH <{graph.value}> {{\n{data.decode('utf-8')}}} }} ;")
        size += count
        if size >= batch_triples:
            send(batch)
            batch, size = [], 0
    if batch:
        send(batch)
    return summary


def default_update_url(endpoint: str) -> str:
    """Oxigraph and Fuseki name the update service beside the query one.

    Example:
        >>> default_update_url("http://127.0.0.1:7878/query")
        'http://127.0.0.1:7878/update'
        >>> default_update_url("http://host:8890/sparql")
        'http://host:8890/sparql'
    """
    if endpoint.endswith("/query"):
        return endpoint[: -len("query")] + "update"
    if endpoint.endswith("/sparql") and "/ds/" in endpoint:
        return endpoint[: -len("sparql")] + "update"
    return endpoint
