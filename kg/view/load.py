"""Read the store into a networkx graph of actors, meetings and statements.

The view filters and ranks nodes before drawing (pyvis and the browser slow
down past about a thousand nodes), and networkx makes those steps simple graph
operations. Each node carries what the filters need (``kind``, ``sub``,
``dates``, ``names``) and what its tooltip shows (``info``), built here once so
the page only has to put text into the DOM.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files

import networkx as nx
import pyoxigraph as ox

from kg.graph import iris
from kg.graph.mapping import MEETING_CLASS
from kg.graph.store import GraphStore

ACTOR_KINDS = ("Person", "Country", "Organization", "Place")
FACT_KINDS = ("Meeting", "Statement")
KINDS = ACTOR_KINDS + FACT_KINDS
MEETING_KINDS = {str(cls): ("in-person" if key == "meeting" else key) for key, cls in MEETING_CLASS.items()}
"""Meeting class IRI -> the name ``--kinds`` accepts (``meeting`` names them all)."""

KIND_TITLES = {"in-person": "Meeting", "call": "Phone call", "talks": "Talks", "summit": "Summit", "visit": "Visit"}

MAX_SOURCES = 5
"""Sources listed in one tooltip; a big event can be reported by dozens of articles."""


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics, so "Hàn Quốc" matches "han quoc".

    Example:
        >>> fold("Đối thoại Hàn Quốc")
        'doi thoai han quoc'
    """
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def short(text: str, limit: int = 32) -> str:
    """A node label: long quotes would cover the drawing.

    Example:
        >>> short("hai nước sẽ tăng cường hợp tác toàn diện", 20)
        'hai nước sẽ tăng cư…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _query(store: GraphStore, name: str, values: dict[str, list[str]] | None = None) -> list[dict]:
    """Rows of a view query; ``values`` binds variables to IRIs with a VALUES block."""
    return list(_rows(store, name, values))


def _rows(store: GraphStore, name: str, values: dict[str, list[str]] | None = None,
          graphs: list[ox.NamedNode] | None = None) -> Iterator[dict]:
    """The rows of :func:`_query` as the store yields them, for queries read once;
    with ``graphs``, ``GRAPH ?g`` ranges over those graphs only."""
    sparql = (files("kg.view") / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    text = sparql
    if values:
        block = " ".join(f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in terms)} }}" for var, terms in values.items())
        text = sparql.replace("WHERE {", "WHERE { " + block, 1)
    results = store.query(text) if graphs is None else store.query_graph(text, *graphs)
    names = [v.value for v in results.variables]
    for row in results:  # by position: a lookup by name costs a fifth of the read
        yield dict(zip(names, [term.value if term is not None else None for term in row]))


STATEMENT_GRAPHS = 20
"""Article graphs per statements query (see :func:`_statement_groups`)."""


def _statement_groups(store: GraphStore) -> Iterator[tuple[str, list[dict]]]:
    """Every statement with its rows, in IRI order within runs of article graphs.

    A statement lives in the graph of the article that made it, so grouping
    a few graphs at a time groups its rows as well as sorting the whole
    store, whose sort (statements carry their text) grows with the corpus.
    The rows of a run are grouped here: an ``ORDER BY`` in the store took
    twice as long (19 s against 10 s for the 132,000 statements of a
    10,000-article store).
    """
    graphs = [ox.NamedNode(iris.article_graph(a)) for a in store.article_ids()]
    for start in range(0, len(graphs), STATEMENT_GRAPHS):
        run: dict[str, list[dict]] = defaultdict(list)
        for row in _rows(store, "statements", graphs=graphs[start:start + STATEMENT_GRAPHS]):
            run[row["statement"]].append(row)
        for statement in sorted(run):
            yield statement, run[statement]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def load(store: GraphStore) -> nx.DiGraph:
    """The whole drawable graph; nodes are IRIs, edges carry their ``label``.

    A fact's sources (the sentences it was read from) are the bulk of the
    data, and only the drawn facts show them: :func:`add_sources` fills them
    in after the selection, so memory follows the drawing, not the corpus.
    """
    graph = nx.DiGraph()
    fact_dates: dict[str, set[str]] = defaultdict(set)
    for r in _query(store, "fact_dates"):
        fact_dates[r["fact"]].add(r["date"])
    _add_actors(store, graph)
    for fact in _facts(store, graph, fact_dates):
        _add_fact(graph, *fact)
    return graph


def load_around(store: GraphStore, pick: Callable[[nx.DiGraph], list[str]],
                facts_filtered: bool = False) -> tuple[nx.DiGraph, int]:
    """What a view centred on some actors can draw, without reading every fact.

    Every actor is loaded; ``pick`` chooses the centre among them (an
    ``--actor`` name's matches). Facts stream by and only those linked to the
    centre are kept: the neighbourhood :func:`kg.view.select.select` draws.
    Memory follows the actors' facts, not the corpus. (Reading just those
    facts with VALUES-bound queries was slower: Oxigraph scanned every
    article graph for each batch.)

    With ``facts_filtered`` (``--since``, ``--until`` or fact kinds), an
    organisation or country of a centre person's posts is drawn only if some
    kept fact involves it, anywhere: its facts are read too.

    Returns:
        That graph, and the number of nodes of the whole graph (as
        :func:`load` would give it), for the page to say how much it shows.
    """
    graph = nx.DiGraph()
    _add_actors(store, graph)
    available = graph.number_of_nodes()
    centre = set(pick(graph))
    if facts_filtered:
        centre |= {near for actor in list(centre) for near in nx.all_neighbors(graph, actor)}
    kept = []
    for iri, data, edges in _facts(store, graph, {}):  # dates are read for the kept facts only
        available += 1
        if any(source in centre or target in centre for source, target, _ in edges):
            kept.append((iri, data, edges))
    _add_dated(store, graph, kept)
    return graph, available


def _add_dated(store: GraphStore, graph: nx.DiGraph, facts: list[tuple[str, dict, list]]) -> None:
    """Add facts streamed without dates (see :func:`_facts`), with the dates of
    the articles reporting them where they have none of their own; read for
    these facts only."""
    fact_dates: dict[str, set[str]] = defaultdict(set)
    for r in _batched(store, "dates", "fact", sorted(iri for iri, _, _ in facts)):
        fact_dates[r["fact"]].add(r["date"])
    for iri, data, edges in facts:
        _add_fact(graph, iri, data | {"dates": data["dates"] or tuple(sorted(fact_dates[iri]))}, edges)


SOURCE_BATCH = 500
"""Facts (or mentions) per VALUES block: keeps each query small."""


def add_sources(store: GraphStore, graph: nx.DiGraph) -> None:
    """Put each meeting's and statement's sources into its tooltip (see :func:`load`):
    the earliest articles first, each in reading order.

    A fact's reports are read as keys (mention, article, date) and only the
    first :data:`MAX_SOURCES` of each are kept as they stream by, with a
    count: an event reported by thousands of articles costs a counter, not
    thousands of sentences. Text is then read for the kept mentions alone.
    """
    facts = sorted(n for n, d in graph.nodes(data=True) if d["kind"] in FACT_KINDS)
    first: dict[str, list[tuple[str, str, int, str]]] = defaultdict(list)
    total: Counter = Counter()
    for start in range(0, len(facts), SOURCE_BATCH):
        for r in _rows(store, "evidence", {"fact": facts[start:start + SOURCE_BATCH]}):
            total[r["fact"]] += 1
            kept = first[r["fact"]]
            kept.append((r["date"] or "", r["article"], iris.mention_start(r["mention"]), r["mention"]))
            if len(kept) >= 4 * MAX_SOURCES:
                kept.sort()
                del kept[MAX_SOURCES:]
    shown = {fact: sorted(kept)[:MAX_SOURCES] for fact, kept in first.items()}
    mentions = sorted({m for kept in shown.values() for *_, m in kept})
    articles = sorted({a for kept in shown.values() for _, a, *_ in kept})
    text = _keyed(store, "sentences", "mention", mentions)
    meta = _keyed(store, "articles", "article", articles)
    for fact in facts:
        sources = [_source(meta.get(article, {}), article, date, text.get(mention, {}))
                   for date, article, _, mention in shown.get(fact, [])]
        more = total[fact] - len(sources)
        info = graph.nodes[fact]["info"]
        info["sources"], info["more"] = sources, f"and {more} more source(s)" if more else ""


def _keyed(store: GraphStore, name: str, key: str, values: list[str]) -> dict[str, dict]:
    """Rows of query ``name`` for ``values`` (bound to ``?key`` in batches), by that key."""
    rows: dict[str, dict] = {}
    for r in _batched(store, name, key, values):
        rows.setdefault(r[key], r)
    return rows


def _batched(store: GraphStore, name: str, var: str, values: list[str]) -> Iterator[dict]:
    """Rows of query ``name`` with ``?var`` bound to ``values``, :data:`SOURCE_BATCH` at a time
    (in order: a query sorted by ``?var`` stays sorted across batches of sorted values)."""
    for start in range(0, len(values), SOURCE_BATCH):
        yield from _rows(store, name, {var: values[start:start + SOURCE_BATCH]})


def _source(article: dict, iri: str, date: str, mention: dict) -> dict:
    """One tooltip source: the article's title (or id), date, link and file, and the sentence."""
    return {"anchor": mention.get("anchor") or "", "article": article.get("title") or _local(iri),
            "date": date or article.get("date") or "", "file": article.get("file") or "",
            "sentence": mention.get("sentence") or "", "url": article.get("url") or ""}


def _add_actors(store: GraphStore, graph: nx.DiGraph) -> None:
    order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for r in _query(store, "actors"):
        kind = _local(r["type"])
        if r["actor"] not in kinds or order[kind] < order[kinds[r["actor"]]]:
            kinds[r["actor"]] = kind  # one type per node; the same one on every build
        labels[r["actor"]] = min(labels.get(r["actor"], r["label"]), r["label"])
    names: dict[str, set[str]] = defaultdict(set)
    for r in _query(store, "names"):
        names[r["actor"]].add(r["name"])
    posts: dict[str, set[str]] = defaultdict(set)
    post_edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in _query(store, "posts"):
        org = labels.get(r["org"]) if r["org"] else None
        posts[r["person"]].add(f"{r['title']} ({org})" if org else r["title"])
        if org and r["person"] in labels:
            post_edges[(r["person"], r["org"])].add(r["title"])
    for iri in sorted(kinds):
        label, kind = labels[iri], kinds[iri]
        other = sorted(names[iri] - {label})
        rows = [["Posts", "; ".join(sorted(posts[iri]))]] if posts[iri] else []
        if other:
            rows.append(["Also named", "; ".join(other)])
        graph.add_node(iri, kind=kind, sub="", label=short(label), dates=(),
                       names=frozenset(fold(n) for n in names[iri] | {label}),
                       info={"title": label, "type": kind, "rows": rows, "sources": [], "more": ""})
    for (person, org), titles in sorted(post_edges.items()):
        graph.add_edge(person, org, label="holds post", detail="; ".join(sorted(titles)))


def _facts(store: GraphStore, graph: nx.DiGraph,
           fact_dates: dict[str, set[str]]) -> Iterator[tuple[str, dict, list[tuple[str, str, dict]]]]:
    """Every meeting, then every statement whose speaker is an actor of ``graph``,
    as (IRI, node data, links), one at a time."""
    for iri, rows, participants in _meeting_groups(store):
        yield iri, *_meeting_node(graph, rows, participants, fact_dates.get(iri, ()))
    for iri, rows in _statement_groups(store):
        if rows[0]["speaker"] in graph:
            yield iri, *_statement_node(graph, rows, fact_dates.get(iri, ()))


def _meeting_groups(store: GraphStore) -> Iterator[tuple[str, list[dict], set[str]]]:
    """Each meeting (in IRI order) with its rows and participants, one at a time.

    An event may be reported in any article's graph, so its rows cannot be
    read graph by graph as statements are. They are gathered here as the
    store yields them, one tuple of shared strings per distinct row: an
    ``ORDER BY`` in the store held as many rows and took seven times as long to read
    (17.6 s against 2.3 s for the 30,000 meetings of a 10,000-article store).
    """
    shared: dict = {}  # one copy of each IRI and date
    claims: dict[str, set[tuple]] = defaultdict(set)
    for r in _rows(store, "meetings"):
        claims[shared.setdefault(r["meeting"], r["meeting"])].add(
            tuple(shared.setdefault(r[f], r[f]) for f in ("kind", "date", "status", "place")))
    people: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "participants"):
        people[shared.get(r["meeting"], r["meeting"])].add(shared.setdefault(r["participant"], r["participant"]))
    for iri in sorted(claims):
        rows = [dict(meeting=iri, kind=kind, date=date, status=status, place=place)
                for kind, date, status, place in sorted(claims.pop(iri), key=str)]
        yield iri, rows, people.pop(iri, set())


def _meeting_node(graph: nx.DiGraph, rows: list[dict], participants: set[str],
                  article_dates: Iterable[str]) -> tuple[dict, list[tuple[str, str, dict]]]:
    """A meeting's node data and its links to the actors in ``graph``."""
    m: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        m["kind"].add(MEETING_KINDS.get(r["kind"], _local(r["kind"]).lower()))
        for field in ("date", "status", "place"):
            if r[field]:
                m[field].add(_local(r[field]).lower() if field == "status" else r[field])
    iri = rows[0]["meeting"]
    kind = min(m["kind"])
    dates = tuple(sorted(m["date"]))
    label = f"{KIND_TITLES.get(kind, kind)} {dates[0] if dates else ''}".strip()
    people = sorted(graph.nodes[p]["info"]["title"] for p in participants if p in graph)
    places = sorted(graph.nodes[p]["info"]["title"] for p in m["place"] if p in graph)
    rows_shown = [["Kind", kind], ["Date", " / ".join(dates) or "unknown"], ["Status", " / ".join(sorted(m["status"]))],
                  ["Place", "; ".join(places)], ["Participants", "; ".join(people)]]
    data = dict(kind="Meeting", sub=kind, label=label, dates=dates or tuple(sorted(article_dates)), names=frozenset(),
                info={"title": label, "type": "Meeting", "rows": [r for r in rows_shown if r[1]], "sources": [], "more": ""})
    edges = [(actor, iri, {"label": "participant", "detail": ""}) for actor in sorted(participants) if actor in graph]
    edges += [(iri, place, {"label": "place", "detail": ""}) for place in sorted(m["place"]) if place in graph]
    return data, edges


def _statement_node(graph: nx.DiGraph, rows: list[dict],
                    article_dates: Iterable[str]) -> tuple[dict, list[tuple[str, str, dict]]]:
    """A statement's node data and its links to the actors in ``graph`` (its speaker is one)."""
    iri, speaker, text = rows[0]["statement"], rows[0]["speaker"], rows[0]["text"]
    s: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for field in ("speech", "verb", "outlet"):
            if r[field]:
                s[field].add(_local(r[field]).lower() if field == "speech" else r[field])
    outlets = sorted(o for o in s["outlet"] if o in graph)
    rows_shown = [["Speaker", graph.nodes[speaker]["info"]["title"]], ["Quote", text],
                  ["Speech", " / ".join(sorted(s["speech"]))], ["Verb", " / ".join(sorted(s["verb"]))],
                  ["Reported in", "; ".join(graph.nodes[o]["info"]["title"] for o in outlets)]]
    data = dict(kind="Statement", sub="", label=short(text), dates=tuple(sorted(article_dates)), names=frozenset(),
                info={"title": f"{rows_shown[0][1]}: {short(text, 60)}", "type": "Statement",
                      "rows": [r for r in rows_shown if r[1]], "sources": [], "more": ""})
    edges = [(speaker, iri, {"label": "spoke", "detail": ""})]
    edges += [(iri, outlet, {"label": "reported in", "detail": ""}) for outlet in outlets]
    return data, edges


def _add_fact(graph: nx.DiGraph, iri: str, data: dict, edges: list[tuple[str, str, dict]]) -> None:
    graph.add_node(iri, **data)
    graph.add_edges_from(edges)


def load_top(store: GraphStore, limit: int) -> tuple[nx.DiGraph, dict[str, int], Counter]:
    """What the default view can draw, without holding every fact of the store.

    Every actor is loaded, but of the meetings and of the statements only the
    ``limit`` that rank first (:func:`rank_key`) are kept as they stream by:
    whatever else the view ends up drawing, its ``limit`` best nodes hold no
    more of either. Facts grow with the corpus, actors far less.

    Returns:
        The graph of actors and those facts, the degree each of its nodes has
        in the whole graph (as :func:`load` would give it), and the nodes of
        each kind.
    """
    graph = nx.DiGraph()
    _add_actors(store, graph)
    degree = dict(graph.degree())
    counts = Counter(kind for _, kind in graph.nodes(data="kind"))
    best: dict[str, list] = {"Meeting": [], "Statement": []}

    def offer(iri: str, data: dict, edges: list) -> None:
        degree[iri] = len(edges)  # each link joins the fact to an actor, at most once each way
        for source, target, _ in edges:
            degree[target if source == iri else source] += 1
        counts[data["kind"]] += 1
        kept = best[data["kind"]]
        kept.append((rank_key(iri, data, degree), iri, data, edges))
        if len(kept) >= 2 * limit:
            kept.sort(key=lambda item: item[0])
            for _, gone, _, _ in kept[limit:]:
                del degree[gone]  # a fact's degree only matters while it may be drawn
            del kept[limit:]

    for fact in _facts(store, graph, {}):  # dates are read for the kept facts only
        offer(*fact)
    facts = sorted(item for kept in best.values() for item in sorted(kept, key=lambda i: i[0])[:limit])
    for gone in {iri for kept in best.values() for _, iri, _, _ in kept} - {iri for _, iri, _, _ in facts}:
        del degree[gone]
    _add_dated(store, graph, [(iri, data, edges) for _, iri, data, edges in facts])
    return graph, degree, counts


def rank_key(node: str, data: dict, degree: dict[str, int], matched: bool = False) -> tuple:
    """Where a node ranks for ``--max-nodes``: actors asked for first, then the
    most connected, then by kind, title and IRI (a total order: same input,
    same drawing)."""
    return (not matched, -degree[node], KINDS.index(data["kind"]), data["info"]["title"], node)
