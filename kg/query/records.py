"""Read extraction records (SPEC format) back out of the graph with SPARQL.

Records and ``kg evaluate`` are computed from the store, not from the Python
objects the pipeline produced, so what is scored is exactly what users query.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib.resources import files

import pyoxigraph as ox

from kg.graph import iris
from kg.graph.mapping import ENTITY_CLASS, MEETING_CLASS, SPEECH, STATUS
from kg.graph.store import GraphStore

_TYPE_NAME = {str(v): k for k, v in ENTITY_CLASS.items()}
_KIND_NAME = {str(v): k for k, v in MEETING_CLASS.items()}
_STATUS_NAME = {str(v): k for k, v in STATUS.items()}
_SPEECH_NAME = {str(v): k for k, v in SPEECH.items()}


@functools.cache
def _query(name: str) -> str:
    return (files("kg.query") / "records" / f"{name}.rq").read_text(encoding="utf-8")


_FACTS = ("entities", "roles", "meetings", "statements")


def _value(term) -> str | None:
    return None if term is None else term.value


def records_from_store(store: GraphStore) -> Iterator[dict]:
    """One SPEC record per article in the store, sorted by article id.

    Records are read one article graph at a time, so memory does not grow
    with the store. Entity ids (``e1``, ``e2`` ...) follow the order of first
    mention, so the same graph always gives the same file.
    """
    articles = sorted(
        (article_id, row["g"], _value(row["date"]))
        for row in store.query(_query("articles"))
        if (article_id := iris.article_id_of(row["g"].value))
    )
    for article_id, graph_name, date in articles:
        yield _record_of(store, article_id, graph_name, date)


def record_from_store(store: GraphStore, article_id: str) -> dict:
    """The record of one article already in the store."""
    name = ox.NamedNode(iris.article_graph(article_id))
    [date] = [_value(row["date"]) for row in store.query_graph(_query("articles"), name)]
    return _record_of(store, article_id, name, date)


def _record_of(store: GraphStore, article_id: str, graph_name: ox.NamedNode, date: str | None) -> dict:
    return _record(article_id, date, {name: list(store.query_graph(_query(name), graph_name)) for name in _FACTS})


def _meeting_row_order(row) -> tuple[str, ...]:
    return tuple("" if row[v] is None else row[v].value for v in ("meeting", "kind", "date", "place", "status", "participant"))


def _record(article_id: str, date: str | None, rows: dict[str, list]) -> dict:
    """The SPEC record of one article from its rows of each records query."""
    names: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    first: dict[str, int] = {}
    for row in rows["entities"]:
        actor = row["actor"].value
        names[actor] = row["name"].value
        aliases = forms.setdefault(actor, set())
        if row["alias"] is not None:
            aliases.add(row["alias"].value)
        types[actor] = _TYPE_NAME[row["type"].value]
        if row["first"] is not None:
            first[actor] = min(first.get(actor, 10**12), int(row["first"].value))
    order = sorted(forms, key=lambda a: (first.get(a, 10**12), a))
    local = {actor: f"e{i}" for i, actor in enumerate(order, start=1)}

    def ref(term) -> str | None:
        if term is None:
            return None
        if term.value not in local:  # referenced but never mentioned: still give it an id
            local[term.value] = f"e{len(local) + 1}"
        return local[term.value]

    entities = []
    for actor in order:
        name = names[actor]
        entities.append({
            "id": local[actor],
            "name": name,
            "type": types[actor],
            "aliases": sorted(forms[actor] - {name}),
        })

    roles = [
        {"person": ref(r["person"]), "title": r["title"].value, "org": ref(r["org"])}
        for r in sorted(rows["roles"], key=lambda r: (int(r["first"].value), r["title"].value))
    ]

    meetings_by_node: dict[str, dict] = {}
    first_evidence: dict[str, int] = {}
    # A node two meetings of the article resolved to has two of some fields:
    # the record shows the least, whatever order the store returns rows in.
    for r in sorted(rows["meetings"], key=_meeting_row_order):
        node = r["meeting"].value
        m = meetings_by_node.setdefault(node, {
            "kind": _KIND_NAME[r["kind"].value],
            "participants": set(),
            "date": _value(r["date"]),
            "place": ref(r["place"]),
            "status": _STATUS_NAME[r["status"].value],
        })
        m["participants"].add(ref(r["participant"]))
        first_evidence[node] = min(first_evidence.get(node, 10**12), int(r["start"].value))
    meetings = []
    for node in sorted(meetings_by_node, key=lambda n: (first_evidence[n], n)):
        m = meetings_by_node[node]
        m["participants"] = sorted(m["participants"], key=lambda e: int(e[1:]))
        meetings.append(m)

    statements_by_node: dict[str, dict] = {}
    for r in rows["statements"]:
        statements_by_node.setdefault(r["statement"].value, {
            "speaker": ref(r["speaker"]),
            "text": r["text"].value,
            "kind": _SPEECH_NAME[r["type"].value],
        })
    statements = [statements_by_node[n] for n in sorted(statements_by_node, key=_fact_index)]

    return {
        "article": article_id,
        "date": date,
        "entities": entities,
        "roles": roles,
        "meetings": meetings,
        "statements": statements,
    }


def _fact_index(iri: str) -> int:
    return int(iri.rsplit("/", 1)[1])
