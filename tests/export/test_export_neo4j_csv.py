"""The CSV folder: neo4j-admin import headers, resolvable ids, exact text, safe replacement."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from kg.export.formats import export
from kg.export.neo4j_csv import write_csv
from kg.export.property_graph import project

sys.path.insert(0, str(Path(__file__).parent))
from export_support import HOSTILE, hostile_store, sample_store  # noqa: E402

NODE_HEADER = [
    ":ID", "name", ":LABEL", "iri", "type", "kind", "date", "status", "wikidata", "aliases", "posts", "quote",
    "speech_type", "verb", "act", "trigger", "sentence", "article", "reports:long", "confidence:double",
]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "title", "date", "last_date"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.mark.parametrize("store", [sample_store, hostile_store])
def test_headers_and_every_edge_end_resolves(tmp_path, store):
    folder = export(store(), tmp_path / "csv", "csv")
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    assert _header(folder / "nodes.csv") == NODE_HEADER
    assert _header(folder / "edges.csv") == EDGE_HEADER
    nodes, edges = _read(folder / "nodes.csv"), _read(folder / "edges.csv")
    ids = [row[":ID"] for row in nodes]
    assert len(ids) == len(set(ids)) and all(ids)
    assert edges and all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in edges)
    assert all(row[":TYPE"] in {"PARTICIPANT", "PLACE", "SPOKE", "RELAYED_BY", "HOLDS_POST"} for row in edges)
    assert all(row[":LABEL"] and row["name"] for row in nodes)
    assert all(float(row["confidence:double"]) <= 1 for row in nodes if row["confidence:double"])


@pytest.mark.parametrize("store", [sample_store, hostile_store])
def test_rows_hold_the_projection_exactly(tmp_path, store):
    graph = project(store())
    folder = export(store(), tmp_path / "csv", "csv")
    nodes = _read(folder / "nodes.csv")
    assert [row[":ID"] for row in nodes] == [n.id for n in graph.nodes]
    for row, node in zip(nodes, graph.nodes):
        assert row[":LABEL"].split(";") == list(node.labels)
        assert row["name"] == node.props["name"]
        assert row["quote"] == node.props.get("quote", "")
        assert row["reports:long"] == str(node.props.get("reports", ""))
    edges = _read(folder / "edges.csv")
    assert [(r[":START_ID"], r[":END_ID"], r[":TYPE"], r["title"]) for r in edges] == [
        (e.source, e.target, e.type, e.props.get("title", "")) for e in graph.edges
    ]


def test_hostile_text_survives_and_the_file_is_plain_utf8(tmp_path):
    folder = export(hostile_store(), tmp_path / "csv", "csv")
    raw = (folder / "nodes.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8, no byte-order mark
    nodes = {row[":ID"].removeprefix("https://w3id.org/kg-diplomacy/id/"): row for row in _read(folder / "nodes.csv")}
    assert nodes["person/hostile"]["name"] == HOSTILE
    assert nodes["organization/hostile"]["name"] == f"Org {HOSTILE}"
    assert nodes["person/hostile"]["aliases"] == f"{HOSTILE}, alias"
    assert nodes["statement/h1/1"]["quote"] == HOSTILE
    assert HOSTILE in {row["title"] for row in _read(folder / "edges.csv")}


def test_repeated_exports_are_byte_identical(tmp_path):
    one = export(sample_store(), tmp_path / "one", "csv")
    two = export(sample_store(reverse=True), tmp_path / "two", "csv")
    for name in ("nodes.csv", "edges.csv"):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_a_previous_export_is_swapped_out_whole(tmp_path):
    folder = export(sample_store(), tmp_path / "csv", "csv")
    before = (folder / "nodes.csv").read_bytes()
    export(hostile_store(), folder, "csv")
    assert (folder / "nodes.csv").read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]  # no staging or old folder left


def test_a_folder_with_other_files_or_a_file_is_never_replaced(tmp_path):
    graph = project(sample_store())
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        write_csv(graph, busy)
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    plain = tmp_path / "plain.csv"
    plain.write_text("keep me")
    with pytest.raises(FileExistsError):
        write_csv(graph, plain)
    assert plain.read_text() == "keep me"
