"""Query a SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso) like the local store.

The remote server does not know our prefixes, so they are declared in front
of the query; results come back as SPARQL JSON (or N-Triples for graphs) and
are parsed by Oxigraph, so ``kg query`` renders them exactly like local ones.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import requests

from kg.graph.namespaces import PREFIXES
from kg.query.api import QueryError

_GRAPH_QUERY = re.compile(r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*|#[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def with_prefixes(sparql: str) -> str:
    """Declare our prefixes unless the query declares them itself."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", sparql, flags=re.IGNORECASE)}
    head = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in sorted(PREFIXES.items()) if name.lower() not in declared)
    return head + sparql


def run_remote(endpoint: str, sparql: str, timeout: float = 60.0):
    """Run a query on a remote endpoint; returns a pyoxigraph result or triples list."""
    is_graph = bool(_GRAPH_QUERY.match(re.sub(r"(?m)^\s*#.*$", "", sparql)))
    accept = "application/n-triples" if is_graph else "application/sparql-results+json"
    try:
        response = requests.post(endpoint, data={"query": with_prefixes(sparql)}, headers={"Accept": accept}, timeout=timeout)
    except requests.RequestException as err:
        raise QueryError(f"{endpoint}: cannot reach the endpoint ({type(err).__name__})") from None
    if response.status_code != 200:
        first = (response.text.strip().splitlines() or [""])[0][:300]
        raise QueryError(f"{endpoint}: HTTP {response.status_code}: {first}")
    if is_graph:
        return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
