"""The Python API: ``kg.open("build").query(...)``.

Example:
    >>> import kg
    >>> graph = kg.open("build")                                    # doctest: +SKIP
    >>> graph.query("SELECT ?p WHERE { ?p a dip:Person }")[:1]      # doctest: +SKIP
    [{'p': 'https://w3id.org/kg-diplomacy/id/person/vladimir-putin'}]
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from kg import messages as msg
from kg.graph.store import STORE_DIR, GraphStore, open_build


class QueryError(ValueError):
    """A query that cannot run: syntax error or unusable parameter."""


def _python(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return term.value
    return term.value if hasattr(term, "value") else str(term)


def _term(value) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: IRIs in <...>, everything else a literal."""
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def bind_parameters(sparql: str, params: dict) -> str:
    r"""Bind parameters with a VALUES block at the start of the WHERE clause.

    Values are written by Oxigraph's own term serialiser, so quotes or braces in
    a value stay inside the literal and can never change the query.

    Example:
        >>> bind_parameters("SELECT ?x WHERE { ?x rdfs:label ?name }", {"name": 'Putin" } #'})
        'SELECT ?x WHERE { VALUES ?name { "Putin\\" } #" } ?x rdfs:label ?name }'
    """
    if not params:
        return sparql
    for name in params:
        if not _NAME.fullmatch(name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    block = " ".join(f"VALUES ?{name} {{ {_term(value)} }}" for name, value in params.items())
    match = _WHERE.search(sparql)
    if match is None:
        return f"{sparql}\n{block}"
    return f"{sparql[:match.end()]} {block}{sparql[match.end():]}"


class KnowledgeGraph:
    """A built graph, opened read-only."""

    def __init__(self, store: GraphStore):
        self.store = store

    def raw(self, sparql: str, params: dict | None = None):
        """Run SPARQL and return pyoxigraph's own result object.

        Parameters are bound as RDF terms (SPARQL substitution), never pasted
        into the query text, so a value can never change the query.
        """
        try:
            return self.store.query(bind_parameters(sparql, params or {}))
        except (SyntaxError, RuntimeError) as err:
            raise QueryError(str(err).splitlines()[0]) from None

    def query(self, sparql: str, params: dict | None = None) -> list[dict] | bool | list[tuple]:
        """SELECT gives rows as dicts, ASK a bool, CONSTRUCT/DESCRIBE triples."""
        result = self.raw(sparql, params)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return [(_python(t.subject), _python(t.predicate), _python(t.object)) for t in result]
        names = [v.value for v in result.variables]
        return [{n: _python(row[n]) for n in names} for row in result]

    def to_dataframe(self, sparql: str, params: dict | None = None):
        """SELECT results as a pandas DataFrame, columns in SELECT order even when empty."""
        import pandas as pd

        result = self.raw(sparql, params)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("to_dataframe needs a SELECT query")
        names = [v.value for v in result.variables]
        return pd.DataFrame([[_python(row[n]) for n in names] for row in result], columns=names)


def open_graph(build_dir: str | Path = "build") -> KnowledgeGraph:
    """Open a build directory made by ``kg build``."""
    path = Path(build_dir)
    if not (path / STORE_DIR).is_dir():
        raise FileNotFoundError(msg.say(msg.NO_BUILD, path=path))
    return KnowledgeGraph(open_build(path))
