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
import shutil
from collections.abc import Iterable, Iterator
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
    def replace_article(self, article_id: str, graph: Graph) -> None:
        """Swap in an article's named graph: rebuilding never duplicates facts."""
        name = ox.NamedNode(iris.article_graph(article_id))
        if self.ox.contains_named_graph(name):
            self.ox.remove_graph(name)
        data = graph.serialize(format="nt", encoding="utf-8")
        self.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)

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

    def article_ids(self) -> list[str]:
        ids = (iris.article_id_of(g.value) for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(i for i in ids if i)

    def prefixes(self) -> dict[str, str]:
        return _prefix_map()

    def __len__(self) -> int:
        return len(self.ox)

    def sorted_quads(self) -> list[ox.Quad]:
        """All quads in a fixed order, so every dump is byte-identical."""
        return sorted(self.ox, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def write(self, path: str | Path, fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> None:
        """Serialise the whole dataset (sorted) to ``path`` atomically."""
        quads = self.sorted_quads()
        if fmt.supports_datasets:
            data: Iterable = quads
        else:  # a triple format holds the union: each triple once
            data = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        prefixed = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE)
        text = ox.serialize(data, format=fmt, prefixes=_prefix_map() if prefixed else None)
        write_atomic(Path(path), _sort_prefix_lines(text) if prefixed else text)

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        """Drop the underlying store so its files are released (RocksDB locks by path)."""
        self.ox = None


def _sort_prefix_lines(text: bytes) -> bytes:
    """Oxigraph writes prefixes in hash order; sort them for stable files."""
    lines = text.split(b"\n")
    head = [line for line in lines if line.startswith(b"@prefix ")]
    return b"\n".join(sorted(head) + lines[len(head):])


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
