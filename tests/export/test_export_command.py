"""``kg export``: every format from a build directory, telling where it wrote."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.formats import FORMATS

sys.path.insert(0, str(Path(__file__).parent))
from export_support import build_dir, sample_articles  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_dir(tmp_path_factory.mktemp("build"), sample_articles())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_written_where_it_says(built, tmp_path, fmt):
    out = tmp_path / "sub" / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--graph", str(built), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {fmt}: {out}" in result.output
    assert (out / "nodes.csv").is_file() if fmt == "csv" else out.stat().st_size > 0
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left behind


def test_unknown_format_and_busy_folder_fail_cleanly(built, tmp_path):
    unknown = runner.invoke(app, ["export", "--graph", str(built), "--format", "dot", "--out", str(tmp_path / "g")])
    assert unknown.exit_code == 2 and "graphml" in unknown.output
    (tmp_path / "mine.txt").write_text("keep")
    busy = runner.invoke(app, ["export", "--graph", str(built), "--format", "csv", "--out", str(tmp_path)])
    assert busy.exit_code == 1 and "other files" in busy.output and "Traceback" not in busy.output
    assert (tmp_path / "mine.txt").read_text() == "keep"
