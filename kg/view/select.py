"""Choose the nodes to draw, before drawing: the browser cannot lay out everything.

The filters run in this order: ``--kinds`` and ``--since``/``--until`` drop
meetings and statements (and the actors left with nothing to show),
``--actor`` keeps one actor's neighbourhood, and ``--max-nodes`` keeps the most
connected nodes of what is left. Whatever ``--max-nodes`` cuts is counted, so
the page can say what is missing and which command shows it.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from kg.view.load import ACTOR_KINDS, FACT_KINDS, KINDS, MEETING_KINDS, fold, rank_key

DEFAULT_MAX_NODES = 300
MEETING_SUBKINDS = tuple(sorted(MEETING_KINDS.values()))
KIND_NAMES = tuple(k.lower() for k in KINDS) + MEETING_SUBKINDS
"""What ``--kinds`` accepts: node types, and meeting kinds for one kind of meeting."""

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PLURAL = {"Person": "persons", "Country": "countries", "Organization": "organizations", "Place": "places",
           "Meeting": "meetings", "Statement": "statements"}


def _count(n: int, kind: str) -> str:
    return f"{n:,} {kind.lower() if n == 1 else _PLURAL[kind]}"


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; the defaults draw the most connected nodes.

    ``since`` and ``until`` are ISO dates, possibly partial (``2026`` or
    ``2026-02``); a fact is kept when its date, at the precision it is known,
    overlaps the range. ``max_nodes`` of 0 draws everything.
    """

    actor: str | None = None
    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = ()
    max_nodes: int = DEFAULT_MAX_NODES

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.fullmatch(value):
                raise ValueError(f"--{name} {value!r}: expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
        unknown = sorted(set(self.kinds) - set(KIND_NAMES))
        if unknown:
            raise ValueError(f"--kinds {','.join(unknown)}: unknown; choose from {', '.join(KIND_NAMES)}")
        if self.max_nodes < 0:
            raise ValueError("--max-nodes must be 0 (everything) or more")
        if self.actor is not None and not self.actor.strip():
            raise ValueError("--actor needs a name")

    @classmethod
    def parse_kinds(cls, values: list[str] | None) -> tuple[str, ...]:
        """``--kinds`` given repeated or comma-separated, in any case.

        Example:
            >>> Filters.parse_kinds(["Meeting,statement", "person"])
            ('meeting', 'person', 'statement')
        """
        return tuple(sorted({v.strip().lower() for item in values or [] for v in item.split(",") if v.strip()}))

    def options(self, max_nodes: int | None = None) -> str:
        """These filters as ``kg view`` options, for the page to quote back.

        Example:
            >>> Filters(actor="Lê Hoài Trung", kinds=("meeting",)).options(max_nodes=0)
            "--actor 'Lê Hoài Trung' --kinds meeting --max-nodes 0"
        """
        parts = []
        if self.actor:
            parts += ["--actor", shlex.quote(self.actor)]
        if self.since:
            parts += ["--since", self.since]
        if self.until:
            parts += ["--until", self.until]
        if self.kinds:
            parts += ["--kinds", ",".join(self.kinds)]
        limit = self.max_nodes if max_nodes is None else max_nodes
        if limit != DEFAULT_MAX_NODES:
            parts += ["--max-nodes", str(limit)]
        return " ".join(parts)

    @property
    def narrowed(self) -> bool:
        return bool(self.actor or self.since or self.until or self.kinds)

    @property
    def facts_filtered(self) -> bool:
        """Whether some meetings or statements are left out by date or kind."""
        return bool(self.since or self.until or set(self.kinds) - {k.lower() for k in ACTOR_KINDS})


@dataclass
class Selection:
    """The nodes to draw and an account of the rest."""

    graph: nx.DiGraph
    filters: Filters
    available: int  # nodes in the whole graph
    matching: int  # nodes passing the filters, before --max-nodes
    left_out: Counter = field(default_factory=Counter)  # kind -> nodes cut by --max-nodes
    actors: list[str] = field(default_factory=list)  # labels --actor matched
    degree: dict[str, int] = field(default_factory=dict)  # connections among the matching nodes

    def note(self) -> str:
        """What is left out and how to see it, as the page shows it ("" when nothing is)."""
        if not self.left_out:
            return ""
        cut = sum(self.left_out.values())
        kinds = ", ".join(_count(n, k) for k, n in sorted(self.left_out.items(), key=lambda kv: KINDS.index(kv[0])))
        everything = f"kg view {self.filters.options(max_nodes=self.matching)}".strip()
        return (f"Showing the {self.graph.number_of_nodes():,} most connected of {self.matching:,} nodes; "
                f"left out {cut:,} ({kinds}). To see them all: `{everything}` (slow past about 1,000 nodes). "
                "To narrow the view instead: `kg view --actor NAME`, `kg view --since YYYY-MM-DD --until YYYY-MM-DD` "
                f"or `kg view --kinds KIND,...` with kinds from {', '.join(KIND_NAMES)}.")


def _overlaps(date: str, since: str | None, until: str | None) -> bool:
    """Compare at the coarser precision, so "2026-02" is within --since 2026-02-15.

    Example:
        >>> _overlaps("2026-02", "2026-02-15", None), _overlaps("2026-01-31", "2026-02", None)
        (True, False)
    """
    if since and date[: len(since)] < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until[: len(date)])


def match_actors(graph: nx.DiGraph, name: str) -> list[str]:
    """Actors called ``name``; if none is called exactly that, those whose name contains it.

    Matching ignores case and diacritics; exact names win so that "Nga"
    (Russia) does not also pick every actor whose name contains "nga".
    """
    wanted = fold(name.strip())
    actors = [(n, d) for n, d in graph.nodes(data=True) if d["kind"] in ACTOR_KINDS]
    exact = sorted(n for n, d in actors if wanted in d["names"])
    return exact or sorted(n for n, d in actors if any(wanted in form for form in d["names"]))


def select(graph: nx.DiGraph, filters: Filters, available: int | None = None) -> Selection:
    """Apply ``filters`` to the graph from :func:`kg.view.load.load` (or, for
    ``--actor``, :func:`kg.view.load.load_around`, with the whole graph's
    node count as ``available``).

    Raises:
        LookupError: ``--actor`` matches no actor.
    """
    keep = _by_kind_and_date(graph, filters)
    matched: list[str] = []
    if filters.actor:
        named = match_actors(graph, filters.actor)
        if not named:
            raise LookupError(f"--actor {filters.actor!r}: no actor of that name in the graph")
        matched = [n for n in named if n in keep]
        if not matched:
            names = "; ".join(sorted(graph.nodes[n]["info"]["title"] for n in named))
            raise LookupError(f"--actor {filters.actor!r} ({names}): nothing left with the other options; try without them")
        keep = _neighbourhood(graph.subgraph(keep), matched)
    chosen = graph.subgraph(keep)
    degree = dict(chosen.degree())
    if filters.max_nodes and len(keep) > filters.max_nodes:
        rank = sorted(keep, key=lambda n: rank_key(n, graph.nodes[n], degree, n in matched))
        keep = set(rank[: filters.max_nodes])
    left_out = Counter(graph.nodes[n]["kind"] for n in chosen if n not in keep)
    return Selection(graph=graph.subgraph(keep).copy(), filters=filters,
                     available=graph.number_of_nodes() if available is None else available,
                     matching=chosen.number_of_nodes(), left_out=left_out,
                     actors=sorted(graph.nodes[n]["info"]["title"] for n in matched), degree=degree)


def select_top(graph: nx.DiGraph, degree: dict[str, int], counts: Counter, filters: Filters) -> Selection:
    """The default view (no narrowing filter) from :func:`kg.view.load.load_top`:
    the same choice :func:`select` makes on the whole graph."""
    rank = sorted(graph, key=lambda n: rank_key(n, graph.nodes[n], degree))
    keep = set(rank[: filters.max_nodes]) if filters.max_nodes else set(rank)
    left_out = counts - Counter(graph.nodes[n]["kind"] for n in keep)
    total = sum(counts.values())
    return Selection(graph=graph.subgraph(keep).copy(), filters=filters, available=total, matching=total,
                     left_out=left_out, degree=degree)


def _by_kind_and_date(graph: nx.DiGraph, filters: Filters) -> set[str]:
    """Facts of the wanted kinds and dates, and the actors still worth drawing.

    When facts are filtered, actors are drawn only if a kept fact involves them;
    when ``--kinds`` names only actor types, the actors and their posts are
    drawn on their own.
    """
    kinds = set(filters.kinds)
    fact_kinds = kinds - {k.lower() for k in ACTOR_KINDS}
    actor_kinds = {k for k in ACTOR_KINDS if k.lower() in kinds} or set(ACTOR_KINDS)
    dated = bool(filters.since or filters.until)

    def fact_wanted(data: dict) -> bool:
        if kinds and data["kind"].lower() not in fact_kinds and data["sub"] not in fact_kinds:
            return False
        return not dated or any(_overlaps(d, filters.since, filters.until) for d in data["dates"])

    facts = {n for n, d in graph.nodes(data=True) if d["kind"] in FACT_KINDS and fact_wanted(d)}
    actors = {n for n, d in graph.nodes(data=True) if d["kind"] in actor_kinds}
    if dated or fact_kinds:
        actors = {a for a in actors if any(f in facts for f in nx.all_neighbors(graph, a))}
    return facts | actors


def _neighbourhood(graph: nx.DiGraph, actors: list[str]) -> set[str]:
    """The actors, everything they are linked to, and who else took part in those facts."""
    keep = set(actors)
    for actor in actors:
        for near in nx.all_neighbors(graph, actor):
            keep.add(near)
            if graph.nodes[near]["kind"] in FACT_KINDS:
                keep.update(nx.all_neighbors(graph, near))
    return keep
