"""One article's graph and files, made where the article was extracted.

Most of what a build does per article needs nothing from the other articles:
the triples, their N-Triples, the SPEC record and the TriG block. A
distributed build does that work on the workers, next to extraction, so the
driver (which must see every article in turn) is left with what does need
the other articles: the event IRIs of cross-article resolution
(:mod:`kg.graph.events`), applied afterwards with :meth:`ArticleOutput.with_events`.
The result is byte for byte what mapping the article with those IRIs gives.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import URIRef

from kg.extract.model import Extraction, Meeting
from kg.graph import iris
from kg.graph.mapping import article_triples, ntriples
from kg.graph.store import GraphStore, trig_block
from kg.query.records import record_from_store
from kg.sources.article import Article


@dataclass(frozen=True)
class ArticleOutput:
    """An article graph as N-Triples, with its record and TriG block once made.

    Example:
        >>> from kg.extract.model import Extraction
        >>> a = Article(id="x", text="Ông Lavrov phát biểu.", date="2026-01-02", origin="x.txt")
        >>> out = render(a, Extraction(article_id="x")).with_files()
        >>> json.loads(out.record)["date"], out.block.startswith(b"kgr:graph")  # the graph's name, prefixed
        ('2026-01-02', True)
    """

    article_id: str
    nt: bytes
    meetings: tuple[Meeting, ...]
    record: bytes | None = None
    block: bytes | None = None
    canonical: bool = False
    """Whether ``nt`` is as a store writes it (a dump): a block is made from it directly."""

    @property
    def graph_name(self) -> ox.NamedNode:
        return ox.NamedNode(iris.article_graph(self.article_id))

    def with_files(self) -> ArticleOutput:
        """With the record and block made, if they are not yet.

        Making the record loads the graph into a store; its dump then stands
        for ``nt``, so a block made again after renaming needs no second
        round trip through a parser.
        """
        if self.record is not None:
            return self if self.block is not None else \
                replace(self, block=trig_block(self.nt, self.graph_name, canonical=self.canonical))
        store = GraphStore.in_memory()
        store.ox.load(self.nt, format=ox.RdfFormat.N_TRIPLES, to_graph=self.graph_name)
        record = record_json(record_from_store(store, self.article_id))
        dump = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=self.graph_name)
        block = self.block if self.block is not None else trig_block(dump, self.graph_name, canonical=True)
        return replace(self, nt=dump, record=record, block=block, canonical=True)

    def with_events(self, event_iris: list[URIRef]) -> ArticleOutput:
        """The article with its meetings named ``event_iris`` (from
        :meth:`kg.graph.events.EventIndex.assign`) instead of its own IRIs.

        The block is made again when a name changed. The record does not show
        meeting IRIs, so it is kept, unless two meetings became one event or
        two meetings tie on where their evidence starts (the IRI orders them).
        """
        own = [str(iris.fact("meeting", self.article_id, n)) for n in range(1, len(self.meetings) + 1)]
        renames = {o: str(e) for o, e in zip(own, event_iris) if o != str(e)}
        if not renames:
            return self
        starts = [min(ev.start for ev in m.evidence) for m in self.meetings]
        keeps_record = len(set(map(str, event_iris))) == len(own) and len(set(starts)) == len(starts)
        return replace(self, nt=_renamed(self.nt, renames), block=None,
                       record=self.record if keeps_record else None)


def render(article: Article, extraction: Extraction) -> ArticleOutput:
    """The article's graph with its own meeting IRIs (no files made yet)."""
    return ArticleOutput(article.id, ntriples(article_triples(article, extraction)), tuple(extraction.meetings))


def render_with_files(article: Article, extraction: Extraction) -> ArticleOutput:
    """:func:`render` and the files, for a worker to do all it can."""
    return render(article, extraction).with_files()


def record_json(record: dict) -> bytes:
    """A record as the file ``records/<article>.json`` holds it."""
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _renamed(nt: bytes, renames: dict[str, str]) -> bytes:
    """N-Triples with IRIs renamed where they stand as subject or object.

    Meeting IRIs stand nowhere else; a literal that happens to contain one
    (article text is anyone's) ends with a quote, not ``> .``, so it is left
    alone. Lines made identical by the renaming are kept once, first first,
    as mapping with the new names would have made them.
    """
    subjects = {f"<{o}> ".encode(): f"<{n}> ".encode() for o, n in renames.items()}
    objects = {f" <{o}> .".encode(): f" <{n}> .".encode() for o, n in renames.items()}
    lines: dict[bytes, None] = {}
    for line in nt.splitlines():
        head = line[: line.index(b"> ") + 2]
        if head in subjects:
            line = subjects[head] + line[len(head):]
        tail = line[line.rfind(b" <"):] if line.endswith(b"> .") else b""
        if tail in objects:
            line = line[: -len(tail)] + objects[tail]
        lines.setdefault(line + b"\n")
    return b"".join(lines)
