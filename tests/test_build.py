"""`kg build` end to end on the bundled sources, through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from kg.build import BLOCKS_DIR, write_outputs
from kg.cli import app

runner = CliRunner()
GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = runner.invoke(app, ["build", "sources", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "built 5 article(s), skipped 0" in result.output
    return out


def test_build_writes_records_graph_and_view(built):
    records = sorted(p.name for p in (built / "records").glob("*.json"))
    assert records == sorted(p.with_suffix(".json").name for p in Path("sources").glob("*.txt"))
    record = json.loads((built / "records" / "000_10618141362c4c14.json").read_text(encoding="utf-8"))
    assert record["date"] == "2026-01-23"
    names = {e["name"] for e in record["entities"]}
    assert {"Vladimir Putin", "Nga", "Mỹ"} <= names
    assert (built / "graph.trig").read_text(encoding="utf-8").startswith("@prefix")
    assert "<html" in (built / "graph.html").read_text(encoding="utf-8")


def test_second_build_is_byte_identical(built, tmp_path):
    before = {p: p.read_bytes() for p in [built / "graph.trig", *sorted((built / "records").glob("*.json"))]}
    result = runner.invoke(app, ["build", "sources", "--out", str(built)])
    assert result.exit_code == 0, result.output
    after = {p: p.read_bytes() for p in before}
    assert before == after


def test_build_of_nothing_fails_and_keeps_previous_build(built, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    before = (built / "graph.trig").read_bytes()
    result = runner.invoke(app, ["build", str(empty), "--out", str(built)])
    assert result.exit_code != 0
    assert "empty.txt: skipped: the file is empty" in result.output
    assert "nothing to build" in result.output
    assert (built / "graph.trig").read_bytes() == before


def test_query_library_and_syntax_error(built):
    listed = runner.invoke(app, ["query", "--list", "--graph", str(built)])
    assert "who_met_whom" in listed.output
    people = runner.invoke(app, ["query", "SELECT ?n WHERE { ?p a dip:Person ; rdfs:label ?n }", "--graph", str(built), "--format", "csv"])
    assert people.exit_code == 0 and "Vladimir Putin" in people.output
    broken = runner.invoke(app, ["query", "SELECT ?n WHERE { ?p a ", "--graph", str(built)])
    assert broken.exit_code != 0 and "query error" in broken.output and "Traceback" not in broken.output


def test_commands_refuse_a_missing_build(tmp_path):
    result = runner.invoke(app, ["query", "--list", "--graph", str(tmp_path / "nope")])
    assert result.exit_code == 0  # listing needs no graph
    result = runner.invoke(app, ["query", "who_met_whom", "--graph", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "no build here" in result.output


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared dev gold not beside the repository")
def test_evaluate_prints_the_table(built):
    result = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--graph", str(built)])
    assert result.exit_code == 0, result.output
    for category in ("entities", "roles", "meetings", "statements"):
        assert category in result.output
    data = json.loads(runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--graph", str(built), "--json"]).output)
    assert data["categories"]["entities"]["f1"] > 0.5


def test_outputs_kept_per_article_match_outputs_read_from_the_store(tmp_path):
    """Two builds into one folder (records and TriG blocks carried over) equal a full rewrite from the store."""
    sources = sorted(Path("sources").glob("*.txt"))
    out = tmp_path / "build"
    for part in (sources[:2], sources[2:]):
        result = runner.invoke(app, ["build", *map(str, part), "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert len(list((out / BLOCKS_DIR).iterdir())) == len(sources)
    kept = {p.relative_to(out): p.read_bytes() for p in [out / "graph.trig", *sorted((out / "records").glob("*.json"))]}
    shutil.rmtree(out / BLOCKS_DIR)
    shutil.rmtree(out / "records")
    write_outputs(out)
    rewritten = {p.relative_to(out): p.read_bytes() for p in [out / "graph.trig", *sorted((out / "records").glob("*.json"))]}
    assert kept == rewritten and len(kept) == len(sources) + 1


def test_build_with_exports_writes_every_format_readable(tmp_path):
    out = tmp_path / "build"
    result = runner.invoke(app, ["build", "sources", "--out", str(out), "--exports"])
    assert result.exit_code == 0, result.output
    exports = out / "exports"
    assert sorted(p.name for p in exports.iterdir()) == sorted(
        ["graph.ttl", "graph.nt", "graph.jsonld", "graph.nq", "graph.rdf", "graph.graphml", "graph.gexf", "neo4j-csv"])
    assert f"wrote graphml: {exports / 'graph.graphml'}" in result.output
    turtle = Graph().parse(exports / "graph.ttl", format="turtle")
    assert len(Graph().parse(exports / "graph.jsonld", format="json-ld")) == len(turtle) > 1000
    assert len(Dataset().parse(exports / "graph.nq", format="nquads")) > 0
    network = nx.read_graphml(exports / "graph.graphml")
    assert any(data.get("label") == "Vladimir Putin" for _, data in network.nodes(data=True))
