"""Extraction spread over Dask workers.

Each worker loads the pipeline once, extracts a partition of articles and
writes the results to a part file, returning only its path: shipping spaCy
objects or triples back to the client was measured ~6x slower. Articles go
to the worker the same way, as a part file: the scheduler keeps its last
1,000 messages per connection for debugging, which, with the articles'
text inside the tasks, held about 1 MB per task (1 GB) in the driver. The driver
reads the part files back in partition order, so the graph built from them
is identical to a local build (same order, same IRIs); cross-article
resolution runs afterwards, on the driver.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.extract.batch import Result, Then, safe_extract
from kg.sources.article import Article
from kg.sources.readers import Problem

PARTITION = 64

WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings for the workers of a LocalCluster. Dask's statistical
profiler keeps an hour of per-second call trees, which grew each worker by
about 25 KB per article extracted (measured with and without it)."""


def _extract_partition(source: str, part: str, then: Then | None = None) -> tuple[str, int]:
    """Runs on a worker: read the articles of ``source``, extract (and
    ``then``), write a part file, return its path."""
    from kg.nlp.pipeline import load_pipeline  # cached per worker process

    nlp = load_pipeline()
    articles = _read_part(source)
    results = [(a, safe_extract(nlp, a, then)) for a in articles]
    _write_part(part, results)
    return part, len(results)


def _write_part(path: str, data: list) -> None:
    with open(path, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _read_part(path: str) -> list:
    """A part file's contents; the file is removed once read."""
    with open(path, "rb") as handle:
        data = pickle.load(handle)
    Path(path).unlink()
    return data


def _partitions(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    batch: list[Article | Problem] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(i, Article) for i in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_dask(
    items: Iterable[Article | Problem],
    workers: int | None = None,
    scheduler: str | None = None,
    partition: int = PARTITION,
    then: Then | None = None,
) -> Iterator[Result]:
    """Like :func:`kg.extract.batch.extract_local`, on a Dask cluster.

    Args:
        items: the readers' stream.
        workers: size of the LocalCluster started on loopback when no
            scheduler is given (default: one per core).
        scheduler: address of an existing scheduler ("tcp://host:8786"); its
            workers must see the same temporary directory (a shared file
            system) for the part files, and should run with
            ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` (see
            :data:`WORKER_CONFIG`).
        partition: articles per task.
        then: work done on each ``(article, extraction)`` on the worker (a
            function the workers can import); its result is returned instead.
    """
    import dask
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        with dask.config.set(WORKER_CONFIG):  # nannies hand the config to their workers
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
    client = Client(scheduler or cluster)
    parts = tempfile.TemporaryDirectory(prefix="kg-parts-")
    try:
        in_flight: deque = deque()
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        number = 0

        def drain(block_until: int) -> Iterator[Result]:
            while len(in_flight) > block_until:
                problems, future = in_flight.popleft()
                yield from problems
                if future is not None:
                    path, _count = future.result()
                    for article, result in _read_part(path):
                        yield result if isinstance(result, Problem) else (article, result)

        for batch in _partitions(items, partition):
            articles = [i for i in batch if isinstance(i, Article)]
            problems = [i for i in batch if isinstance(i, Problem)]
            number += 1
            future = None
            if articles:
                source = str(Path(parts.name) / f"articles-{number:06d}.pkl")
                _write_part(source, articles)
                part = str(Path(parts.name) / f"part-{number:06d}.pkl")
                future = client.submit(_extract_partition, source, part, then, pure=False)
            in_flight.append((problems, future))
            yield from drain(limit)
        yield from drain(0)
    finally:
        parts.cleanup()
        client.close()
        if cluster is not None:
            cluster.close()
