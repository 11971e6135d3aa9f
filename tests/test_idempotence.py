"""Same input, same bytes: repeated, relocated and incremental builds agree.

Builds run through the real command line. The last tests swap the NLP for
hand-made extractions holding meetings reported by several articles, so the
cross-article event naming is exercised whatever the pipeline finds today.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.build
from kg.cli import app
from kg.sources.article import Article
from tests_support import TEXT, extraction

runner = CliRunner()
SOURCES = Path(__file__).resolve().parents[1] / "sources"


def kg_ok(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def outputs(build: Path, tmp_path: Path) -> dict[str, bytes]:
    """Records, graph.trig, graph.html and an N-Quads export of a build, by name."""
    export = tmp_path / f"{build.name}-export.nq"
    kg_ok("export", "--graph", build, "--format", "nq", "--out", export)
    found = {f"records/{p.name}": p.read_bytes() for p in sorted((build / "records").glob("*.json"))}
    found.update({name: (build / name).read_bytes() for name in ("graph.trig", "graph.html")})
    found["export.nq"] = export.read_bytes()
    export.unlink()
    return found


def records(build: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((build / "records").glob("*.json"))}


def assert_same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, f"differ: {differing}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """The bundled articles plus a JSONL feed of two of them under new ids."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = sorted(SOURCES.glob("*.txt"))
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for n, path in enumerate(texts[:2]):
            date, body = path.read_text(encoding="utf-8").split(None, 2)[1:]
            feed.write(json.dumps({"id": f"feed-{n}", "date": date, "text": body}, ensure_ascii=False) + "\n")
    return [*texts, folder / "feed.jsonl"]


@pytest.fixture(scope="module")
def once(corpus, tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """One build of the whole corpus in one go, and its outputs."""
    tmp = tmp_path_factory.mktemp("once")
    build = tmp / "build"
    kg_ok("build", *corpus, "--out", build)
    return build, outputs(build, tmp)


def test_fresh_build_twice_is_byte_identical(corpus, once, tmp_path):
    _build, first = once
    other = tmp_path / "elsewhere" / "second"
    kg_ok("build", *corpus, "--out", other)
    assert_same(first, outputs(other, tmp_path))
    assert len([name for name in first if name.startswith("records/")]) == 7


def test_rebuild_into_existing_build_is_byte_identical(corpus, once, tmp_path):
    build, first = once
    again = tmp_path / "build"
    shutil.copytree(build, again)
    kg_ok("build", *corpus, "--out", again)
    assert_same(first, outputs(again, tmp_path))
    kg_ok("build", corpus[0], "--out", again)  # a part of it again: nothing moves
    assert_same(first, outputs(again, tmp_path))


def test_article_by_article_gives_the_same_records_and_graph(corpus, once, tmp_path):
    _build, first = once
    build = tmp_path / "build"
    for path in corpus:
        kg_ok("build", path, "--out", build)
    assert records(build) == {name.split("/", 1)[1]: data for name, data in first.items() if name.startswith("records/")}
    assert_same(first, outputs(build, tmp_path))


def test_reverse_order_gives_the_same_records(corpus, once, tmp_path):
    _build, first = once
    build = tmp_path / "build"
    for path in reversed(corpus):
        kg_ok("build", path, "--out", build)
    assert records(build) == {name.split("/", 1)[1]: data for name, data in first.items() if name.startswith("records/")}


def test_batches_give_the_same_records(corpus, once, tmp_path):
    _build, first = once
    build = tmp_path / "build"
    kg_ok("build", *corpus[3:], "--out", build)
    kg_ok("build", *corpus[:3], "--out", build)
    assert records(build) == {name.split("/", 1)[1]: data for name, data in first.items() if name.startswith("records/")}


# Meetings reported by several articles (hand-made extractions) ----------------------------------

DATES = {"r1": "2026-02-01", "r2": "2026-03-09", "r3": "2026-02-01", "r4": "2026-03-09", "r5": "2026-02"}


def fake_extraction(article: Article):
    """The shared hand-made extraction, its meeting dated per article: r1/r3/r5 and r2/r4 report one event each."""
    made = extraction(article.id)
    made.meetings = [dataclasses.replace(m, date=DATES[article.id]) for m in made.meetings]
    return made


@pytest.fixture
def fake_nlp(monkeypatch, tmp_path) -> list[Path]:
    def extract_local(items, then):
        for item in items:
            yield (item, then(item, fake_extraction(item))) if isinstance(item, Article) else item

    monkeypatch.setattr(kg.build, "extract_local", extract_local)
    folder = tmp_path / "reports"
    folder.mkdir()
    for article_id in DATES:
        (folder / f"{article_id}.txt").write_text(f" date 2026-03-10 {TEXT}", encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def meeting_nodes(build: Path) -> list[str]:
    out = kg_ok("query", "SELECT DISTINCT ?m WHERE { ?m a dip:Meeting } ORDER BY ?m", "--graph", build, "--format", "csv")
    return out.split()[1:]


def test_shared_events_one_go_vs_one_by_one(fake_nlp, tmp_path):
    one_go = tmp_path / "one-go"
    kg_ok("build", *fake_nlp, "--out", one_go)
    assert len(meeting_nodes(one_go)) == 2  # r5's month-precise date joins the 2026-02-01 event
    one_by_one = tmp_path / "one-by-one"
    for path in fake_nlp:
        kg_ok("build", path, "--out", one_by_one)
    assert_same(outputs(one_go, tmp_path), outputs(one_by_one, tmp_path))
    kg_ok("build", *fake_nlp, "--out", one_by_one)
    kg_ok("build", fake_nlp[0], "--out", one_by_one)
    assert_same(outputs(one_go, tmp_path), outputs(one_by_one, tmp_path))


def test_shared_events_reverse_order_same_records(fake_nlp, tmp_path):
    one_go = tmp_path / "one-go"
    kg_ok("build", *fake_nlp, "--out", one_go)
    reverse = tmp_path / "reverse"
    for path in reversed(fake_nlp):
        kg_ok("build", path, "--out", reverse)
    assert records(reverse) == records(one_go)
    assert len(meeting_nodes(reverse)) == 2
