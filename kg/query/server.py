"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build.

Other tools (YASGUI, SPARQLWrapper, rdflib's SPARQLStore, Gephi's SemanticWeb
importer) speak the protocol; this serves it from the embedded store opened
read-only, so no request can change the graph. Updates are refused with 403.
"""

from __future__ import annotations

import concurrent.futures
import csv
import html
import io
import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from kg.graph.store import GraphStore

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title></head>
<body><h1>kg SPARQL endpoint</h1><p>{articles} article(s), {triples} triples. Read-only.</p>
<form method="post" action="/sparql"><textarea name="query" rows="14" cols="100">{example}</textarea><br>
<button type="submit">Run</button></form></body></html>"""
EXAMPLE = "SELECT ?person ?name WHERE {\n  ?person a dip:Person ; rdfs:label ?name .\n}\nORDER BY ?name\nLIMIT 50"


def _negotiate(accept: str, table: dict, default: str) -> tuple[str, object]:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    return default, table[default]


def make_handler(store: GraphStore, timeout: float, limit: int):
    """A request handler class bound to one store and its limits."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/1"

        def log_message(self, *args) -> None:  # quiet by default; the CLI prints the address
            pass

        def _send(self, status: int, body: bytes, media: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str) -> None:
            self._send(status, message.encode("utf-8") + b"\n", "text/plain")

        def do_GET(self) -> None:  # noqa: N802 - http.server naming
            url = urlparse(self.path)
            if url.path == "/":
                page = PAGE.format(articles=len(store.article_ids()), triples=len(store), example=html.escape(EXAMPLE))
                self._send(200, page.encode("utf-8"), "text/html")
            elif url.path == "/sparql":
                params = parse_qs(url.query)
                if "update" in params:
                    self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
                    return
                self._answer(params.get("query", [None])[0])
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")

        def do_POST(self) -> None:  # noqa: N802
            if urlparse(self.path).path != "/sparql":
                self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
                return
            if ctype == "application/sparql-query":
                self._answer(body)
                return
            params = parse_qs(body)
            if "update" in params:
                self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
                return
            self._answer(params.get("query", [None])[0])

        def _answer(self, query: str | None) -> None:
            if not query:
                self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
                return
            future = pool.submit(_run, store, query, self.headers.get("Accept") or "", limit)
            try:
                status, body, media = future.result(timeout=timeout)
            except concurrent.futures.TimeoutError:
                self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"query took longer than {timeout:g} s")
                return
            self._send(status, body, media)

    return Handler


def _run(store: GraphStore, query: str, accept: str, limit: int) -> tuple[int, bytes, str]:
    try:
        result = store.query(query)
    except SyntaxError as err:
        return 400, f"query error: {str(err).splitlines()[0]}\n".encode(), "text/plain"
    except (OSError, RuntimeError, ValueError) as err:
        return 400, f"query error: {err}\n".encode(), "text/plain"
    if isinstance(result, ox.QueryTriples):
        media, fmt = _negotiate(accept, GRAPH_TYPES, "text/turtle")
        triples = [t for _, t in zip(range(limit), result)]
        return 200, ox.serialize(triples, format=fmt), media
    media, fmt = _negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
    if isinstance(result, ox.QuerySolutions):
        rows = [s for _, s in zip(range(limit), result)]
        variables = [v.value for v in result.variables]
        return 200, _solutions(fmt, variables, rows), media
    return 200, result.serialize(format=fmt), media


def _solutions(fmt, variables: list[str], rows) -> bytes:
    """Serialise at most ``limit`` solutions (pyoxigraph serialises all or none)."""
    if fmt == ox.QueryResultsFormat.JSON:
        return json.dumps(_json_results(variables, rows), ensure_ascii=False).encode()
    if fmt in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
        buffer = io.StringIO()
        if fmt == ox.QueryResultsFormat.CSV:
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(variables)
            writer.writerows([["" if row[v] is None else row[v].value for v in variables] for row in rows])
        else:
            buffer.write("\t".join(f"?{v}" for v in variables) + "\n")
            for row in rows:
                buffer.write("\t".join("" if row[v] is None else str(row[v]) for v in variables) + "\n")
        return buffer.getvalue().encode("utf-8")
    head = "".join(f'<variable name="{v}"/>' for v in variables)
    body = []
    for row in rows:
        cells = []
        for v in variables:
            t = row[v]
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                inner = f"<uri>{xml_escape(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                inner = f"<bnode>{xml_escape(t.value)}</bnode>"
            elif t.language:
                inner = f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
            else:
                inner = f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
            cells.append(f'<binding name="{v}">{inner}</binding>')
        body.append(f"<result>{''.join(cells)}</result>")
    return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>{''.join(body)}</results></sparql>").encode("utf-8")


def _json_results(variables: list[str], rows) -> dict:
    def term(t):
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out

    bindings = [{v: term(row[v]) for v in variables if row[v] is not None} for row in rows]
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def serve(store: GraphStore, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          limit: int = 10_000) -> ThreadingHTTPServer:
    """Create (not start) the server; call ``serve_forever()`` on it."""
    return ThreadingHTTPServer((host, port), make_handler(store, timeout, limit))
