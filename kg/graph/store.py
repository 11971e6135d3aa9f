"""The embedded Oxigraph store inside a build directory.

Oxigraph answers SPARQL about 50x faster than rdflib's memory store on large
graphs, so it is the store of record; rdflib is used to build each article's
graph and stays available as an in-memory fallback (:func:`load_memory`).

A build never writes into the live store: :func:`staged` copies it to a
staging folder (a RocksDB checkpoint, so cheap), the build writes there, and
the folders are swapped only when it succeeded. An interrupted build leaves
the previous store as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.graph import iris
from kg.graph.namespaces import PREFIXES

STORE_DIR = "store"
TRIG_FILE = "graph.trig"


class GraphStore:
    """A thin wrapper over a pyoxigraph ``Store`` that knows our graph layout.

    Example:
        >>> import tempfile
        >>> store = GraphStore.create(tempfile.mkdtemp())
        >>> store.article_ids()
        []
    """

    def __init__(self, store: ox.Store, path: Path | None = None):
        self.ox = store
        self.path = path

    @classmethod
    def create(cls, path: str | Path) -> GraphStore:
        """Open (creating if needed) a writable store at ``path``."""
        return cls(ox.Store(str(path)), Path(path))

    @classmethod
    def open_read_only(cls, path: str | Path) -> GraphStore:
        """Open an existing store for reading; several readers may share it."""
        return cls(ox.Store.read_only(str(path)), Path(path))

    @classmethod
    def in_memory(cls) -> GraphStore:
        return cls(ox.Store(), None)

    # Writing -----------------------------------------------------------------
    def replace_article(self, article_id: str, graph: Graph | bytes) -> bytes:
        """Swap in an article's named graph: rebuilding never duplicates facts.

        ``graph`` is an rdflib graph or its N-Triples. Returns the N-Triples,
        for outputs written as the article is built.
        """
        name = ox.NamedNode(iris.article_graph(article_id))
        if self.ox.contains_named_graph(name):
            self.ox.remove_graph(name)
        data = graph if isinstance(graph, bytes) else graph.serialize(format="nt", encoding="utf-8")
        self.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return data

    def loader(self, batch: int = 128) -> ArticleLoader:
        """A batched writer of article graphs for builds (see :class:`ArticleLoader`)."""
        return ArticleLoader(self, batch)

    def replace_graph(self, name: str, triples_nt: bytes) -> None:
        node = ox.NamedNode(name)
        if self.ox.contains_named_graph(node):
            self.ox.remove_graph(node)
        if triples_nt:
            self.ox.load(triples_nt, format=ox.RdfFormat.N_TRIPLES, to_graph=node)

    # Reading -----------------------------------------------------------------
    def query(self, sparql: str):
        """Run SPARQL with the union of all named graphs as the default graph."""
        return self.ox.query(sparql, use_default_graph_as_union=True, prefixes=_prefix_map())

    def query_graph(self, sparql: str, *graph_names: ox.NamedNode):
        """Run SPARQL whose ``GRAPH ?g`` ranges over these named graphs only."""
        return self.ox.query(sparql, named_graphs=list(graph_names), prefixes=_prefix_map())

    def article_ids(self) -> list[str]:
        ids = (iris.article_id_of(g.value) for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i)

    def prefixes(self) -> dict[str, str]:
        return _prefix_map()

    def __len__(self) -> int:
        return len(self.ox)

    def graph_names(self) -> list:
        """Every graph holding data, the default graph first, then by IRI."""
        names = sorted(self.ox.named_graphs(), key=str)
        has_default = next(iter(self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
        return ([ox.DefaultGraph()] if has_default else []) + names

    def sorted_quads(self, graph_name=None) -> list[ox.Quad]:
        """Quads in a fixed order (one graph's, or all), so every dump is byte-identical."""
        quads = self.ox if graph_name is None else self.ox.quads_for_pattern(None, None, None, graph_name)
        return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def write(self, path: str | Path, fmt: ox.RdfFormat = ox.RdfFormat.TRIG, blocks: Path | None = None) -> None:
        """Serialise the whole dataset (sorted) to ``path`` atomically.

        Dataset formats are written one graph at a time, so memory is bounded
        by the largest graph, not the store. ``blocks`` is a folder of TriG
        blocks written as each article was built (:func:`write_block`); a
        graph found there is copied instead of read back from the store,
        which is the slow part of writing a large store.
        """
        prefixed = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE)
        prefixes = _prefix_map() if prefixed else None
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        with tmp.open("wb") as out:
            if fmt.supports_datasets:
                if prefixed:
                    out.write(_prefix_header(prefixes))
                for name in self.graph_names():
                    cached = _block_path(blocks, name) if blocks is not None and fmt == ox.RdfFormat.TRIG else None
                    if cached is not None and cached.is_file():
                        out.write(cached.read_bytes())
                        continue
                    nt = self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
                    text = ox.serialize(_sorted_graph(nt, name), format=fmt, prefixes=prefixes)
                    out.write(_drop_prefix_lines(text) if prefixed else text)
            else:  # a triple format holds the union: each triple once
                triples = sorted({q.triple for q in self.ox}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
                text = ox.serialize(triples, format=fmt, prefixes=prefixes)
                out.write(_prefix_header(prefixes) + _drop_prefix_lines(text) if prefixed else text)
        tmp.replace(path)

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        """Drop the underlying store so its files are released (RocksDB locks by path)."""
        self.ox = None


def _sorted_graph(nt: bytes, graph_name) -> Iterator[ox.Quad]:
    """A graph's N-Triples as quads of ``graph_name``, in sorted line order.

    The same order as :meth:`GraphStore.sorted_quads` (a term's N-Triples
    form is its ``str``), much faster: Python sorts byte strings only, and
    the graph name is added to the text (every " .\\n" ends a line: newlines
    in literals are escaped) so the parser makes the quads.
    """
    lines = b"\n".join(sorted(nt.splitlines())) + b"\n"
    if isinstance(graph_name, ox.NamedNode):
        return ox.parse(lines.replace(b" .\n", f" {graph_name} .\n".encode("utf-8")), format=ox.RdfFormat.N_QUADS)
    return (ox.Quad(t.subject, t.predicate, t.object, graph_name) for t in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES))


def _block_path(folder: Path, graph_name) -> Path:
    return folder / f"{hashlib.sha1(graph_name.value.encode('utf-8')).hexdigest()}.trig"


def trig_block(nt: bytes, graph_name: ox.NamedNode, canonical: bool = False) -> bytes:
    """One named graph's TriG block, as :meth:`GraphStore.write` writes it, from
    the graph's N-Triples: parsed and written again first, so literals are
    escaped as in a dump of the store, unless ``canonical`` says they are."""
    if not canonical:
        nt = ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
    text = ox.serialize(_sorted_graph(nt, graph_name), format=ox.RdfFormat.TRIG, prefixes=_prefix_map())
    return _drop_prefix_lines(text)


def write_block(folder: Path, graph_name: ox.NamedNode, block: bytes) -> None:
    """Keep a graph's TriG block where :meth:`GraphStore.write` finds it."""
    write_atomic(_block_path(folder, graph_name), block)


class ArticleLoader:
    r"""Writes article graphs into a store in batches, with Oxigraph's bulk loader.

    A transactional ``load`` costs ~20 ms per article graph here (every quad
    goes to six indexes in one RocksDB write batch); the bulk loader writes a
    batch of articles as sorted files for less than half of that. It is not
    transactional, which is safe only because a build writes a staged store
    nobody else reads (see :func:`staged`). Call :meth:`flush` before reading
    the store.

    Example:
        >>> store = GraphStore.in_memory()
        >>> with store.loader() as load:
        ...     load.replace("a1", b'<http://x/s> <http://x/p> "o" .\n')
        >>> store.article_ids(), len(store)
        (['a1'], 1)
    """

    def __init__(self, store: GraphStore, batch: int):
        self.store, self.batch = store, batch
        self._pending: list[bytes] = []

    def replace(self, article_id: str, nt: bytes) -> None:
        """Queue an article graph (N-Triples), dropping the version already stored."""
        name = ox.NamedNode(iris.article_graph(article_id))
        if self.store.ox.contains_named_graph(name):
            self.store.ox.remove_graph(name)
        # In N-Triples a raw newline only ends a line (newlines in literals are
        # escaped), so every " .\n" is a line end: there the graph name goes.
        self._pending.append(nt.replace(b" .\n", f" {name} .\n".encode("utf-8")))
        if len(self._pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.store.ox.bulk_load(b"".join(self._pending), format=ox.RdfFormat.N_QUADS)
            self._pending.clear()

    def __enter__(self) -> ArticleLoader:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.flush()


def _prefix_header(prefixes: dict[str, str]) -> bytes:
    """The prefix lines Oxigraph writes, but sorted (it writes them in hash order)."""
    return "".join(sorted(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items())).encode("utf-8")


def _drop_prefix_lines(text: bytes) -> bytes:
    lines = text.split(b"\n")
    head = sum(1 for _ in itertools.takewhile(lambda line: line.startswith(b"@prefix "), lines))
    return b"\n".join(lines[head:])


def _prefix_map() -> dict[str, str]:
    return {name: str(ns) for name, ns in sorted(PREFIXES.items())}


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so readers never see half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


@contextlib.contextmanager
def staged(build_dir: Path) -> Iterator[GraphStore]:
    """Yield a writable copy of the build's store; publish it only on success."""
    live = build_dir / STORE_DIR
    stage = build_dir / f".{STORE_DIR}.staging"
    old = build_dir / f".{STORE_DIR}.old"
    for leftover in (stage, old):
        shutil.rmtree(leftover, ignore_errors=True)
    if live.exists():
        source = ox.Store.read_only(str(live))
        source.backup(str(stage))
        del source
    store = GraphStore.create(stage)
    try:
        yield store
        store.flush()
    except BaseException:
        store.close()
        shutil.rmtree(stage, ignore_errors=True)
        raise
    store.close()
    if live.exists():
        live.rename(old)
    stage.rename(live)
    shutil.rmtree(old, ignore_errors=True)


def open_build(build_dir: str | Path) -> GraphStore:
    """Open a finished build read-only (the path is checked by the caller)."""
    return GraphStore.open_read_only(Path(build_dir) / STORE_DIR)


def load_memory(build_dir: str | Path) -> Dataset:
    """The fallback: the portable ``graph.trig`` in an rdflib in-memory Dataset."""
    dataset = Dataset(default_union=True)
    dataset.parse(Path(build_dir) / TRIG_FILE, format="trig")
    return dataset
