"""The Dask engine gives exactly the graph the local engine gives."""

from __future__ import annotations

import pytest

from kg.build import build

pytest.importorskip("dask.distributed")


def test_dask_build_is_identical_to_local(tmp_path):
    local = build(["sources"], tmp_path / "local", progress=False, report=lambda m: None)
    dask = build(["sources"], tmp_path / "dask", progress=False, report=lambda m: None, engine="dask", workers=2)
    assert local.built == dask.built
    assert (tmp_path / "local" / "graph.trig").read_bytes() == (tmp_path / "dask" / "graph.trig").read_bytes()
    for record in sorted((tmp_path / "local" / "records").glob("*.json")):
        assert record.read_bytes() == (tmp_path / "dask" / "records" / record.name).read_bytes()
