"""``kg build``: sources -> nlp -> extract -> graph -> records, TriG, HTML.

Everything a build writes goes to a temporary name first and replaces the old
output only when complete, so a failed or interrupted build leaves the
previous build readable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kg import messages as msg
from kg.extract.batch import extract_local
from kg.graph import actors
from kg.graph.article_output import ArticleOutput, record_json, render, render_with_files
from kg.graph.events import EventIndex
from kg.graph.store import TRIG_FILE, GraphStore, open_build, staged, write_atomic, write_block
from kg.heap import HeapTrimmer
from kg.query.records import record_from_store, records_from_store
from kg.sources.readers import DEFAULT_MAX_MB, Problem, read_paths

RECORDS_DIR = "records"
HTML_FILE = "graph.html"
BLOCKS_DIR = "graph-blocks"
"""Each article graph's TriG block, kept so the next build copies it instead of reading the store."""


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

        results = extract_dask(items, workers=workers, scheduler=scheduler, then=render_with_files)
    else:
        results = extract_local(items, then=render)
    with staged(out) as store, ArticleOutputs.staged(out) as per_article:
        heap = HeapTrimmer()
        with EventIndex.from_store(store) as events, store.loader() as loader:
            for result in tqdm(results, unit=" items", disable=None if progress is None else not progress):
                if isinstance(result, Problem):
                    (summary.skipped if result.skipped else summary.warnings).append(result)
                    report(result.message)
                    continue
                article, output = result
                output = output.with_events(events.assign(article.id, list(output.meetings))).with_files()
                loader.replace(article.id, output.nt)
                per_article.add(output)
                summary.built.append(article.id)
                heap.tick()
        if not summary.built:
            raise NothingBuilt(msg.say(msg.BUILD_NOTHING, paths=", ".join(map(str, paths))))
        actors.refresh(store)
        # Outputs are written from the staged store before it is published, so
        # a failure here (in the view, say) leaves store and files all old.
        staged_outputs = _stage_outputs(store, out, summary, per_article)
    summary.outputs = _publish_outputs(staged_outputs)
    return summary


class ArticleOutputs:
    """The outputs of each article, written as soon as it is built.

    A record and a TriG block depend on their article's graph only, so they
    are written from the graph in hand rather than read back from the store
    at the end (on a large store that read is most of the output time). The
    folders start as hard-linked copies of the previous build's, so articles
    not built again keep theirs, and are published with the store.
    """

    def __init__(self, out: Path):
        self.records = out / f".{RECORDS_DIR}.tmp"
        self.blocks = out / f".{BLOCKS_DIR}.tmp"
        for final, tmp in ((out / RECORDS_DIR, self.records), (out / BLOCKS_DIR, self.blocks)):
            shutil.rmtree(tmp, ignore_errors=True)
            if final.is_dir():
                shutil.copytree(final, tmp, copy_function=os.link)
            tmp.mkdir(parents=True, exist_ok=True)

    @classmethod
    @contextlib.contextmanager
    def staged(cls, out: Path) -> Iterator[ArticleOutputs]:
        """The staging folders, removed if the build fails before publishing them."""
        outputs = cls(out)
        try:
            yield outputs
        except BaseException:
            _remove([outputs.records, outputs.blocks])
            raise

    def add(self, output: ArticleOutput) -> None:
        """Write an article's record and TriG block."""
        write_atomic(self.records / f"{output.article_id}.json", output.record)
        write_block(self.blocks, output.graph_name, output.block)

    def complete(self, store: GraphStore) -> None:
        """Records for articles of the store that have none (a build made before them)."""
        for article_id in store.article_ids():
            if not (self.records / f"{article_id}.json").is_file():
                _write_record(self.records, record_from_store(store, article_id))


def write_outputs(out: Path, summary: BuildSummary | None = None) -> dict[str, Path]:
    """Write records, TriG and HTML from the published store."""
    return _publish_outputs(_stage_outputs(open_build(out), out, summary))


def _stage_outputs(store: GraphStore, out: Path, summary: BuildSummary | None = None,
                   per_article: ArticleOutputs | None = None) -> dict[str, tuple[Path, Path]]:
    """Write every output under a temporary name; ``{what: (temporary, final)}``."""
    from kg.view.network import write_view  # the view pulls in pyvis: load it only here

    finals = {"records": out / RECORDS_DIR, "graph": out / TRIG_FILE, "view": out / HTML_FILE}
    staged_paths = {what: (path.with_name(f".{path.name}.tmp"), path) for what, path in finals.items()}
    if per_article is not None:
        staged_paths["graph blocks"] = (per_article.blocks, out / BLOCKS_DIR)
    try:
        if per_article is not None:
            per_article.complete(store)
        else:
            _write_record_files(store, staged_paths["records"][0])
        store.write(staged_paths["graph"][0], blocks=per_article.blocks if per_article is not None else None)
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
        _write_record(folder, record)


def _write_record(folder: Path, record: dict) -> None:
    write_atomic(folder / f"{record['article']}.json", record_json(record))


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
