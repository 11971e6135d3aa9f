"""``kg build``: sources -> nlp -> extract -> graph -> records, TriG, HTML.

Everything a build writes goes to a temporary name first and replaces the old
output only when complete, so a failed or interrupted build leaves the
previous build readable.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kg import messages as msg
from kg.extract.batch import extract_local
from kg.graph import actors
from kg.graph.events import EventIndex
from kg.graph.mapping import article_graph
from kg.graph.store import TRIG_FILE, GraphStore, open_build, staged, write_atomic

from kg.query.records import records_from_store
from kg.sources.readers import DEFAULT_MAX_MB, Problem, read_paths

RECORDS_DIR = "records"
HTML_FILE = "graph.html"


def _to_stderr(message: str) -> None:
    tqdm.write(message, file=sys.stderr)  # keeps the progress bar intact


class NothingBuilt(Exception):
    """No article could be read; the previous build is left untouched."""


@dataclass
class BuildSummary:
    built: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    triples: int = 0
    articles: int = 0

    def line(self) -> str:
        return msg.say(msg.BUILD_SUMMARY, built=len(self.built), skipped=len(self.skipped),
                       triples=self.triples, articles=self.articles)


def build(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    report: Callable[[str], None] = _to_stderr,
    progress: bool | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> BuildSummary:
    """Build (or add to) the graph in ``out`` from the articles under ``paths``.

    Args:
        paths: files or directories of articles (.txt seed format, .jsonl).
        out: build directory; an existing build is extended, and an article
            built again replaces its earlier version.
        max_mb: largest article accepted, in MB.
        report: receives each one-line problem message as it happens.
        progress: show a progress bar (default: only on a terminal).
        engine: "local" (this process) or "dask" (workers; see
            :mod:`kg.extract.distributed`). Both give identical graphs.
        workers: Dask LocalCluster size (default: one per core).
        scheduler: address of an existing Dask scheduler instead.

    Raises:
        NothingBuilt: when no article could be read.
    """
    paths = [Path(p) for p in paths]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary()
    items = read_paths(paths, max_mb=max_mb)
    if engine == "dask":
        from kg.extract.distributed import extract_dask

        results = extract_dask(items, workers=workers, scheduler=scheduler)
    else:
        results = extract_local(items)
    with staged(out) as store:
        events = EventIndex.from_store(store)
        for result in tqdm(results, unit=" items", disable=None if progress is None else not progress):
            if isinstance(result, Problem):
                (summary.skipped if result.skipped else summary.warnings).append(result)
                report(result.message)
                continue
            article, extraction = result
            graph = article_graph(article, extraction, events.assign(article.id, extraction.meetings))
            store.replace_article(article.id, graph)
            summary.built.append(article.id)
        if not summary.built:
            raise NothingBuilt(msg.say(msg.BUILD_NOTHING, paths=", ".join(map(str, paths))))
        actors.refresh(store)
        # Outputs are written from the staged store before it is published, so
        # a failure here (in the view, say) leaves store and files all old.
        staged_outputs = _stage_outputs(store, out, summary)
    summary.outputs = _publish_outputs(staged_outputs)
    return summary


def write_outputs(out: Path, summary: BuildSummary | None = None) -> dict[str, Path]:
    """Write records, TriG and HTML from the published store."""
    return _publish_outputs(_stage_outputs(open_build(out), out, summary))


def _stage_outputs(store: GraphStore, out: Path, summary: BuildSummary | None = None) -> dict[str, tuple[Path, Path]]:
    """Write every output under a temporary name; ``{what: (temporary, final)}``."""
    from kg.view.network import write_view  # the view pulls in pyvis: load it only here

    finals = {"records": out / RECORDS_DIR, "graph": out / TRIG_FILE, "view": out / HTML_FILE}
    staged_paths = {what: (path.with_name(f".{path.name}.tmp"), path) for what, path in finals.items()}
    try:
        _write_record_files(store, staged_paths["records"][0])
        store.write(staged_paths["graph"][0])
        write_view(store, staged_paths["view"][0])
    except BaseException:
        _remove(tmp for tmp, _ in staged_paths.values())
        raise
    if summary is not None:
        summary.triples = len(store)
        summary.articles = len(store.article_ids())
    return staged_paths


def _publish_outputs(staged_paths: dict[str, tuple[Path, Path]]) -> dict[str, Path]:
    """Move staged outputs into place (renames only)."""
    for tmp, final in staged_paths.values():
        if tmp.is_dir():
            _swap_dir(tmp, final)
        else:
            tmp.replace(final)
    return {what: final for what, (_tmp, final) in staged_paths.items()}


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _write_record_files(store: GraphStore, folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for record in records_from_store(store):
        text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        write_atomic(folder / f"{record['article']}.json", text.encode("utf-8"))


def _swap_dir(tmp: Path, directory: Path) -> None:
    old = directory.with_name(f".{directory.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def write_records(store: GraphStore, directory: Path) -> Path:
    """Write one SPEC record per article, swapping the whole folder at once."""
    tmp = directory.with_name(f".{directory.name}.tmp")
    _write_record_files(store, tmp)
    _swap_dir(tmp, directory)
    return directory
