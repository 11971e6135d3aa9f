"""Bad input through the real command line: one line per problem, the batch goes on.

Every case checks what a user sees: a one-line message naming the file and the
reason, never a traceback, a non-zero exit when nothing could be done, and the
summary line at the end when something was built. The last tests break a
build half-way and check that the previous build is left exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.build
from kg.cli import app
from kg.graph.store import GraphStore

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
GOOD_TEXT = (" date 2026-01-23 Tổng thống Nga Vladimir Putin đã tiếp Đặc phái viên Mỹ Steve Witkoff "
             "tại Điện Kremlin. Người phát ngôn Dmitry Peskov cho biết cuộc gặp diễn ra trong ba giờ.")


def invoke(*args: str):
    """Run ``kg ARGS`` in-process; assert no traceback reached the user."""
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def problem_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def summary_line(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def good_file(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def cp1258(text: str) -> bytes:
    """Encode in Windows-1258 the way legacy Vietnamese files are: base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for mark in marks:  # "ộ" = "ô" + combining dot below
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and composed.encode("cp1258", "ignore"):
                base = composed
                marks.remove(mark)
                break
        out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)


# Files nothing can be built from --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t\n", "the file is empty"),
        ("junk.txt", bytes(range(256)) * 40, "looks like binary data"),
        ("junk_no_nul.txt", bytes(range(1, 32)) * 200, "looks like binary data"),
        ("high_bytes.txt", bytes(range(128, 256)) * 40, "not UTF-8 text"),
        ("latin1.txt", " date 2026-01-01 Vi\u00eat Nam h\u00f2a b\u00ecnh".encode("latin-1"), "not UTF-8 text"),
        ("cp1258.txt", cp1258(" date 2026-01-01 Bộ trưởng Ngoại giao Việt Nam hội đàm tại Hà Nội."), "not UTF-8 text"),
        ("only_date.txt", b" date 2026-01-01 \n", "no article text after the date line"),
    ],
)
def test_unbuildable_file_is_named_and_exit_is_non_zero(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = invoke("build", path, "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert f"{path}: skipped: {reason}" in result.stderr
    assert "nothing to build" in result.stderr
    assert all(str(path) in line or line.startswith("nothing to build") for line in problem_lines(result))
    assert not (tmp_path / "out" / "graph.trig").exists()


def test_legacy_encoding_message_says_how_to_convert(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(cp1258(" date 2026-01-01 Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản."))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    result = invoke("build", path, "--out", tmp_path / "out")
    [line, _nothing] = problem_lines(result)
    assert line.startswith(f"{path}: skipped: not UTF-8 text (byte ") and "iconv -f WINDOWS-1258 -t UTF-8" in line


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"))
    result = invoke("build", path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "records" / "bom.json").read_text(encoding="utf-8"))
    assert record["date"] == "2026-01-23"


# Files that build with a warning ----------------------------------------------------


def test_no_date_line_warns_and_builds(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(GOOD_TEXT.replace(" date 2026-01-23 ", ""), encoding="utf-8")
    result = invoke("build", path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert problem_lines(result) == [f"{path}: no date line; relative dates stay unresolved"]
    assert summary_line(result).startswith("built 1 article(s), skipped 0;")
    assert json.loads((tmp_path / "out" / "records" / "plain.json").read_text(encoding="utf-8"))["date"] is None


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30", "20260101", "hôm-qua"])
def test_impossible_date_warns_and_builds_with_unknown_date(tmp_path, value):
    path = tmp_path / "bad_date.txt"
    path.write_text(GOOD_TEXT.replace("2026-01-23", value), encoding="utf-8")
    result = invoke("build", path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert problem_lines(result) == [f"{path}: date '{value}' is not a real date; treated as unknown"]
    record = json.loads((tmp_path / "out" / "records" / "bad_date.json").read_text(encoding="utf-8"))
    assert record["date"] is None
    assert value not in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8").split("dip:publishedOn")[-1][:40]


# Size limits -------------------------------------------------------------------------


def _write_mb(path: Path, megabytes: int, head: bytes = b" date 2026-01-01 ") -> None:
    chunk = ("Hai bên hội đàm về hợp tác song phương. " * 2000).encode("utf-8")
    with path.open("wb") as handle:
        handle.write(head)
        while handle.tell() < megabytes * 1_000_000:
            handle.write(chunk)


def test_fifty_mb_file_is_refused_without_reading_it_and_the_rest_builds(tmp_path):
    big = tmp_path / "huge.txt"
    _write_mb(big, 50)
    good = good_file(tmp_path)
    result = invoke("build", big, good, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [line] = problem_lines(result)
    assert line.startswith(f"{big}: skipped: 50.") and "over the 5 MB limit per article (--max-mb)" in line
    assert summary_line(result).startswith("built 1 article(s), skipped 1;")


def test_fifty_mb_file_alone_fails(tmp_path):
    big = tmp_path / "huge.txt"
    _write_mb(big, 50)
    result = invoke("build", big, "--out", tmp_path / "out")
    assert result.exit_code != 0 and "over the 5 MB limit" in result.stderr and "nothing to build" in result.stderr


def test_max_mb_option_lowers_the_limit_and_says_so(tmp_path):
    good = good_file(tmp_path)
    result = invoke("build", good, "--out", tmp_path / "out", "--max-mb", "0.0001")
    assert result.exit_code != 0
    assert f"{good}: skipped: 0.0 MB is over the 0.0001 MB limit per article (--max-mb)" in result.stderr


def test_fifty_mb_jsonl_line_is_refused_and_other_lines_build(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("wb") as handle:
        handle.write(b'{"id": "big", "date": "2026-01-01", "text": "')
        chunk = b"Hai ben hoi dam. " * 10_000
        while handle.tell() < 50_000_000:
            handle.write(chunk)
        handle.write(b'"}\n')
        handle.write(json.dumps({"id": "small", "date": "2026-01-23", "text": GOOD_TEXT[17:]}, ensure_ascii=False).encode("utf-8") + b"\n")
    result = invoke("build", feed, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    [line] = problem_lines(result)
    assert line.startswith(f"{feed}:1: skipped: 50.") and "MB limit" in line
    assert sorted(p.name for p in (tmp_path / "out" / "records").iterdir()) == ["small.json"]


# Paths that cannot be read -------------------------------------------------------------


def test_chmod_000_file_is_skipped(tmp_path):
    path = good_file(tmp_path, "locked.txt")
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as root: chmod 000 does not stop reads (see the directory/symlink cases)")
        result = invoke("build", path, good_file(tmp_path), "--out", tmp_path / "out")
        assert result.exit_code == 0, result.output
        assert f"{path}: skipped: cannot read it (Permission denied)" in result.stderr
        assert summary_line(result).startswith("built 1 article(s), skipped 1;")
    finally:
        path.chmod(0o644)


def test_chmod_000_directory_is_reported(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    good_file(folder)
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK | os.X_OK):
            pytest.skip("running as root: chmod 000 does not stop reads")
        result = invoke("build", folder, "--out", tmp_path / "out")
        assert result.exit_code != 0
        assert f"{folder}: skipped: cannot read it (Permission denied)" in result.stderr
    finally:
        folder.chmod(0o755)


def test_directory_named_like_an_article_is_reported(tmp_path):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    result = invoke("build", folder, "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert f"{folder}: skipped: a directory with no .txt or .jsonl file in it" in result.stderr


def test_broken_symlink_given_explicitly(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    result = invoke("build", link, good_file(tmp_path), "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{link}: skipped: no such file or directory" in result.stderr
    assert summary_line(result).startswith("built 1 article(s), skipped 1;")


def test_missing_path(tmp_path):
    result = invoke("build", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert f"{tmp_path / 'nope'}: skipped: no such file or directory" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_instead_of_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = invoke("build", pipe, good_file(tmp_path), "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{pipe}: skipped: cannot read it (not a regular file)" in result.stderr


def test_unsupported_extension(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    result = invoke("build", path, "--out", tmp_path / "out")
    assert result.exit_code != 0 and f"{path}: skipped: not a .txt, .jsonl or directory" in result.stderr


# A directory of good and bad files -----------------------------------------------------------


def test_mixed_directory_builds_the_good_and_names_each_bad_file(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    good_file(corpus, "a_good.txt")
    (corpus / "sub" / "b_good.txt").write_text(GOOD_TEXT.replace("2026-01-23", "2026-01-24"), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "legacy.txt").write_bytes(cp1258(" date 2026-01-01 Hội đàm tại Hà Nội."))
    (corpus / "nodate.txt").write_text("Ngoại trưởng Nhật Bản thăm Hà Nội.", encoding="utf-8")
    (corpus / "dead.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "readme.md").write_text("ignored", encoding="utf-8")
    (corpus / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        "{broken\n" + json.dumps({"id": "feed-ok", "date": "2026-02-01", "text": "Bộ trưởng Bùi Thanh Sơn điện đàm với Ngoại trưởng Ấn Độ."}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    result = invoke("build", corpus, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = problem_lines(result)
    expected = {
        "dead.txt": "cannot read it (not a regular file)",
        "empty.txt": "the file is empty",
        "feed.jsonl:1": "not a JSON object",
        "junk.txt": "looks like binary data",
        "legacy.txt": "not UTF-8 text",
        "nodate.txt": "no date line",
    }
    assert len(lines) == len(expected)
    for name, reason in expected.items():
        [line] = [line for line in lines if line.startswith(f"{corpus / name}:")]
        assert reason in line
    assert summary_line(result).startswith("built 4 article(s), skipped 5;")
    records = sorted(p.stem for p in (tmp_path / "out" / "records").glob("*.json"))
    assert records == ["a_good", "b_good", "feed-ok", "nodate"]


def test_duplicate_ids_across_folders_keep_the_first(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        good_file(tmp_path / folder, "same.txt")
    result = invoke("build", tmp_path / "one", tmp_path / "two", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'two' / 'same.txt'}: skipped: article id 'same' was already read from {tmp_path / 'one' / 'same.txt'}" in result.stderr


# JSONL ----------------------------------------------------------------------------------------


def test_malformed_jsonl_lines_are_skipped_one_by_one(tmp_path):
    feed = tmp_path / "feed.jsonl"
    body = GOOD_TEXT[17:]
    lines = [
        json.dumps({"id": "ok-1", "date": "2026-01-23", "text": body}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2, 3]),
        json.dumps({"id": "no-text", "date": "2026-01-23"}),
        json.dumps({"id": "text-number", "text": 42}),
        json.dumps({"id": "blank-text", "text": "   "}),
        '{"id": "surrogate", "date": "2026-01-23", "text": "Putin \\ud800 Witkoff"}',
        '{"id": "surrogate-title", "date": "2026-01-23", "text": "Ông Putin.", "title": "\\udfff"}',
        json.dumps({"id": "trailing", "text": body}, ensure_ascii=False) + " garbage",
        "",
        '"just a string"',
        "\x00\x01\x02\x03",
        json.dumps({"id": "ok-2", "date": "2026-13-45", "text": body}, ensure_ascii=False),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("build", feed, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    by_line = {int(line.split(":")[1]): line for line in problem_lines(result)}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]
    assert "not a JSON object" in by_line[2] and "not a JSON object (list)" in by_line[3]
    assert all('no "text" field' in by_line[n] for n in (4, 5, 6))
    assert '"text" holds an invalid character escape' in by_line[7]
    assert '"title" holds an invalid character escape' in by_line[8]
    assert "not a JSON object" in by_line[9] and "not a JSON object (str)" in by_line[11]
    assert "binary" in by_line[12]
    assert "2026-13-45" in by_line[13] and "skipped" not in by_line[13]
    assert summary_line(result).startswith("built 2 article(s), skipped 10;")
    assert sorted(p.stem for p in (tmp_path / "out" / "records").iterdir()) == ["ok-1", "ok-2"]


def test_jsonl_with_only_bad_lines_fails(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("{oops\n[]\n", encoding="utf-8")
    result = invoke("build", feed, "--out", tmp_path / "out")
    assert result.exit_code != 0 and f"{feed}:1: skipped" in result.stderr and f"{feed}:2: skipped" in result.stderr


# Queries and commands on a build --------------------------------------------------------------


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A finished build of the bundled sources, copied by the tests that change it."""
    out = tmp_path_factory.mktemp("previous") / "build"
    result = runner.invoke(app, ["build", str(SOURCES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


_POSITION = re.compile(r"\bat (\d+):(\d+):")


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("SELECT ?n WHERE { ?p a ", 1),
        ("SELECT ?n\nWHERE {\n  ?p a dip:Person ;\n     rdfs:label ?n FILTER(?n = ) }", 4),
        ("SELECT ?n WHERE { ?p a nope:Thing }", 1),
        ("SELEKT * WHERE { ?s ?p ?o }", 1),
        ("SELECT ?n WHERE {\n ?p ?q ?n .\n ?p ?q\n}", 4),
    ],
)
def test_broken_sparql_gives_one_line_with_line_and_column(previous, query, line):
    """Oxigraph reports where its parser gave up: the line is right, the column can be past the slip."""
    result = invoke("query", query, "--graph", previous)
    assert result.exit_code == 1
    [message] = problem_lines(result)
    assert message.startswith("query error:") and result.stdout == ""
    position = _POSITION.search(message)
    assert position, message
    assert int(position.group(1)) == line
    assert 1 <= int(position.group(2)) <= len(query.split("\n")[line - 1]) + 1


def test_broken_sparql_in_a_file(previous, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# comment\nSELECT ?x WHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    result = invoke("query", path, "--graph", previous)
    assert result.exit_code == 1 and "query error:" in result.stderr
    assert _POSITION.search(result.stderr).group(1) in {"4", "5"}  # "}" or the end of the file
    missing = invoke("query", tmp_path / "missing.rq", "--graph", previous)
    assert missing.exit_code != 0 and "missing.rq: cannot read the query file" in missing.stderr


def test_bad_query_parameters(previous):
    result = invoke("query", "statements_by", "--param", "speaker", "--graph", previous)
    assert result.exit_code != 0 and "expected name=value" in result.stderr
    result = invoke("query", "statements_by", "--param", "bad name=x", "--graph", previous)
    assert result.exit_code != 0 and "query error" in result.stderr and "not a SPARQL variable name" in result.stderr


GRAPH_COMMANDS = {
    "evaluate": ["evaluate", "--gold", "{tmp}"],
    "validate": ["validate"],
    "query": ["query", "who_met_whom"],
    "view": ["view"],
    "export": ["export", "--format", "nq", "--out", "{tmp}/out.nq"],
    "push": ["push", "--endpoint", "http://127.0.0.1:9/query"],
    "serve": ["serve", "--port", "0"],
}


def test_graph_commands_list_is_complete():
    import typer.main

    group = typer.main.get_command(app)
    takes_graph = {name for name, cmd in group.commands.items() if any("--graph" in p.opts for p in cmd.params)}
    assert takes_graph <= set(GRAPH_COMMANDS), "add the new command to GRAPH_COMMANDS"


@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_every_graph_command_refuses_a_missing_build(tmp_path, command):
    missing = tmp_path / "no-build"
    args = [a.format(tmp=tmp_path) for a in GRAPH_COMMANDS[command]]
    result = invoke(*args, "--graph", missing)
    assert result.exit_code == 1
    assert problem_lines(result) == [f"{missing}: no build here; run `kg build --out {missing}` first"]
    assert not missing.exists()


@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_every_graph_command_refuses_an_empty_directory(tmp_path, command):
    args = [a.format(tmp=tmp_path) for a in GRAPH_COMMANDS[command]]
    result = invoke(*args, "--graph", tmp_path)
    assert result.exit_code == 1 and "no build here" in result.stderr


# A failed or interrupted build leaves the previous one intact ------------------------------------


def snapshot(build: Path) -> dict[str, bytes]:
    """Every published file of a build, plus the store's content as sorted N-Quads."""
    files = {str(p.relative_to(build)): p.read_bytes()
             for p in sorted(build.rglob("*")) if p.is_file() and "store" not in p.relative_to(build).parts}
    store = GraphStore.open_read_only(build / "store")
    files["<store>"] = "\n".join(str(q) for q in store.sorted_quads()).encode("utf-8")
    store.close()
    return files


def new_articles(folder: Path, count: int = 5) -> Path:
    """``count`` new articles (distinct ids) made from the bundled ones."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    for i in range(count):
        (folder / f"new_{i}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def fail_on_third(monkeypatch, error: BaseException) -> list[str]:
    """Make the graph stage (event resolution, in the build's own process) raise ``error`` on the third article."""
    seen: list[str] = []
    real = kg.build.EventIndex.assign

    def flaky(self, article_id, *args, **kwargs):
        seen.append(article_id)
        if len(seen) == 3:
            raise error
        return real(self, article_id, *args, **kwargs)

    monkeypatch.setattr(kg.build.EventIndex, "assign", flaky)
    return seen


def assert_intact(build: Path, before: dict[str, bytes]) -> None:
    assert snapshot(build) == before
    leftovers = [p.name for p in build.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    result = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a dip:Article }", "--graph", build, "--format", "csv")
    assert result.exit_code == 0 and result.stdout.split() == ["n", "5"]


@pytest.fixture
def copy_of_previous(previous, tmp_path) -> Path:
    build = tmp_path / "build"
    shutil.copytree(previous, build)
    return build


def test_build_failing_on_third_article_keeps_previous_build(copy_of_previous, tmp_path, monkeypatch):
    before = snapshot(copy_of_previous)
    seen = fail_on_third(monkeypatch, RuntimeError("graph stage exploded"))
    result = runner.invoke(app, ["build", str(new_articles(tmp_path / "new")), "--out", str(copy_of_previous)])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert len(seen) == 3
    assert_intact(copy_of_previous, before)


def test_interrupted_build_keeps_previous_build(copy_of_previous, tmp_path, monkeypatch):
    before = snapshot(copy_of_previous)
    fail_on_third(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        kg.build.build([new_articles(tmp_path / "new")], copy_of_previous, report=lambda _m: None)
    assert_intact(copy_of_previous, before)


def test_failure_while_writing_outputs_keeps_previous_build(copy_of_previous, tmp_path, monkeypatch):
    import kg.view.network

    before = snapshot(copy_of_previous)

    def broken_view(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.view.network, "write_view", broken_view)
    with pytest.raises(OSError):
        kg.build.build([new_articles(tmp_path / "new")], copy_of_previous, report=lambda _m: None)
    assert_intact(copy_of_previous, before)


def test_failed_first_build_leaves_no_half_build(tmp_path, monkeypatch):
    fail_on_third(monkeypatch, RuntimeError("boom"))
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        kg.build.build([new_articles(tmp_path / "new")], out, report=lambda _m: None)
    assert list(out.iterdir()) == []
    result = invoke("query", "who_met_whom", "--graph", out)
    assert result.exit_code == 1 and "no build here" in result.stderr


def test_nothing_to_build_keeps_previous_build(copy_of_previous, tmp_path):
    before = snapshot(copy_of_previous)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke("build", tmp_path / "empty.txt", "--out", copy_of_previous)
    assert result.exit_code == 1
    assert_intact(copy_of_previous, before)


_FLAKY_MAIN = """
import sys
import kg.build
real, seen = kg.build.EventIndex.assign, []
def flaky(self, article_id, *args, **kwargs):
    seen.append(article_id)
    if len(seen) == 3:
        raise {error}
    return real(self, article_id, *args, **kwargs)
kg.build.EventIndex.assign = flaky
sys.argv = ["kg", "build", {source!r}, "--out", {out!r}]
from kg.cli import main
main()
"""


def run_flaky_cli(source: Path, out: Path, error: str) -> subprocess.CompletedProcess:
    """Run the real ``kg build`` entry point with the graph stage raising ``error`` on the third article."""
    script = _FLAKY_MAIN.format(error=error, source=str(source), out=str(out))
    env = {k: v for k, v in os.environ.items() if k != "KG_DEBUG"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env)


def test_real_cli_internal_error_is_one_line_and_keeps_previous_build(copy_of_previous, tmp_path):
    before = snapshot(copy_of_previous)
    proc = run_flaky_cli(new_articles(tmp_path / "new"), copy_of_previous, "RuntimeError('graph stage exploded')")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == ["kg: internal error: RuntimeError: graph stage exploded (set KG_DEBUG=1 for the traceback)"]
    assert_intact(copy_of_previous, before)


@pytest.fixture(scope="module")
def interrupted(previous, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path, dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("interrupted")
    build = tmp / "build"
    shutil.copytree(previous, build)
    before = snapshot(build)
    return run_flaky_cli(new_articles(tmp / "new"), build, "KeyboardInterrupt()"), build, before


def test_real_cli_interrupt_exits_130_and_keeps_previous_build(interrupted):
    proc, build, before = interrupted
    assert proc.returncode == 130
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert_intact(build, before)


def test_real_cli_interrupt_says_so(interrupted):
    proc, _build, _before = interrupted
    assert proc.stderr.splitlines() == ["interrupted; the previous build is unchanged"]


def test_real_cli_nothing_to_build_exit_code(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run([shutil.which("kg") or "kg", "build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"{tmp_path / 'empty.txt'}: skipped: the file is empty",
                                        f"nothing to build: no readable article in {tmp_path / 'empty.txt'}"]


@pytest.mark.parametrize("args, expected", [
    (["bild"], "kg: No such command 'bild'. Did you mean 'build'? (see `kg --help`)"),
    (["build", "--nope"], "kg: No such option: --nope (see `kg build --help`)"),
    (["query", "--format"], "kg: Option '--format' requires an argument. (see `kg --help`)"),
])
def test_real_cli_usage_errors_are_one_line(args, expected):
    proc = subprocess.run([shutil.which("kg") or "kg", *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == "" and proc.stderr.splitlines() == [expected]
