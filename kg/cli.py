"""The ``kg`` command line: each command is a thin wrapper over a plain function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import messages as msg

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Knowledge graphs from Vietnamese diplomatic news.")

GraphDir = Annotated[Path, typer.Option("--graph", help="Build directory to read (made by `kg build`).")]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _require_build(path: Path):
    from kg.graph.store import STORE_DIR, open_build

    if not (path / STORE_DIR).is_dir():
        raise _fail(msg.say(msg.NO_BUILD, path=path))
    return open_build(path)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Article files or folders (.txt, .jsonl). Default: sources/")] = None,
    out: Annotated[Path, typer.Option("--out", help="Build directory to write.")] = Path("build"),
    max_mb: Annotated[float, typer.Option("--max-mb", help="Largest article accepted, in MB.")] = 5.0,
) -> None:
    """Extract the graph from articles; write records, graph.trig and graph.html."""
    from kg.build import NothingBuilt
    from kg.build import build as run_build

    try:
        summary = run_build(paths or [Path("sources")], out, max_mb=max_mb)
    except NothingBuilt as err:
        raise _fail(str(err)) from None
    for what, path in summary.outputs.items():
        typer.echo(msg.say(msg.WROTE, what=what, path=path))
    typer.echo(summary.line())


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold records (*.json).")],
    graph: GraphDir = Path("build"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List matches, misses and false alarms per article.")] = False,
) -> None:
    """Score the built graph against gold annotations (SPEC.md)."""
    from kg.evaluate import load_records, score
    from kg.query.records import records_from_store

    store = _require_build(graph)
    try:
        gold_records = load_records(gold)
    except (ValueError, OSError) as err:
        raise _fail(str(err)) from None
    if not gold_records:
        raise _fail(msg.say(msg.NO_GOLD, path=gold))
    report = score(gold_records, records_from_store(store))
    if as_json:
        typer.echo(json.dumps(report.to_dict(details=details), ensure_ascii=False, indent=2))
        return
    typer.echo(report.format_table())
    if details:
        typer.echo(report.format_details())


@app.command()
def validate(graph: GraphDir = Path("build")) -> None:
    """Check the built graph against the SHACL shapes of the ontology."""
    from rdflib import Dataset

    from kg.graph.validate import validate as run_validate

    store = _require_build(graph)
    dataset = Dataset(default_union=True)
    from pyoxigraph import RdfFormat, serialize

    dataset.parse(data=serialize(store.sorted_quads(), format=RdfFormat.N_QUADS), format="nquads")
    report = run_validate(dataset)
    typer.echo(report.format())
    if not report.conforms:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted; the previous build is unchanged", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
