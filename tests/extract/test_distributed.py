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


def test_articles_reach_workers_as_files_not_in_task_messages(monkeypatch, tmp_path):
    """The scheduler logs its last 1,000 messages per connection: article text
    inside a task would stay in the driver's memory (about 1 GB at 64k articles)."""
    from dask.distributed import Client

    from kg.extract.distributed import extract_dask
    from kg.sources.readers import read_paths

    sent = []
    submit = Client.submit

    def recording_submit(self, func, *args, **kwargs):
        sent.append(args)
        return submit(self, func, *args, **kwargs)

    monkeypatch.setattr(Client, "submit", recording_submit)
    results = list(extract_dask(read_paths(["sources"]), workers=1, partition=2))
    assert len(results) == len(list(read_paths(["sources"])))
    assert sent and all(isinstance(a, str) for args in sent for a in args[:2])
    assert all(len(a) < 300 for args in sent for a in args[:2])


def test_local_cluster_workers_run_without_dasks_profiler():
    """Dask's profiler keeps an hour of call trees per worker: ~25 KB per article."""
    from kg.extract.distributed import extract_dask
    from kg.sources.readers import read_paths

    def profiler_setting(article, extraction):
        import dask

        return dask.config.get("distributed.worker.profile.enabled")

    results = list(extract_dask(read_paths(["sources"]), workers=1, then=profiler_setting))
    assert [setting for _article, setting in results] == [False] * 5
