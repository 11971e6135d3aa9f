"""The ``kg`` command line: each command is a thin wrapper over a plain function."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg import messages as msg

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Knowledge graphs from Vietnamese diplomatic news.")

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
    engine: Annotated[str, typer.Option("--engine", help="local, or dask to spread extraction over workers.")] = "local",
    workers: Annotated[int | None, typer.Option("--workers", help="Dask workers to start on this machine.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of an existing Dask scheduler.")] = None,
    exports: Annotated[bool, typer.Option("--exports", help="Also write every export format into OUT/exports.")] = False,
) -> None:
    """Extract the graph from articles; write records, graph.trig and graph.html (and the exports)."""
    from kg.build import NothingBuilt
    from kg.build import build as run_build

    if engine not in ("local", "dask"):
        raise _fail(f"unknown --engine {engine!r}; choose local or dask", 2)
    try:
        summary = run_build(paths or [Path("sources")], out, max_mb=max_mb, engine=engine,
                            workers=workers, scheduler=scheduler)
    except NothingBuilt as err:
        raise _fail(str(err)) from None
    except KeyboardInterrupt:  # caught here: click would turn it into a bare "Aborted!"
        raise _fail(msg.BUILD_INTERRUPTED, 130) from None
    for what, path in summary.outputs.items():
        typer.echo(msg.say(msg.WROTE, what=what, path=path))
    if exports:
        from kg.export.formats import export_all
        from kg.graph.store import open_build

        for fmt, path in export_all(open_build(out), out / "exports").items():
            typer.echo(msg.say(msg.WROTE, what=fmt, path=path))
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


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text, a .rq file, or a library query name (see --list).")] = None,
    graph: GraphDir = Path("build"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv, json, xml; for CONSTRUCT/DESCRIBE: turtle, jsonld, ntriples.")] = "table",
    param: Annotated[list[str] | None, typer.Option("--param", help="name=value, bound safely as a literal (<...> for an IRI).")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the library's competency queries.")] = False,
    endpoint: Annotated[str | None, typer.Option("--endpoint", help="Query this SPARQL server instead of the build (e.g. http://127.0.0.1:7878/query).")] = None,
) -> None:
    """Run SPARQL on the built graph (the ontology's prefixes are pre-declared)."""
    from kg.graph.namespaces import PREFIXES
    from kg.query import library
    from kg.query.api import KnowledgeGraph, QueryError
    from kg.query.formats import GRAPH_FORMATS, RESULT_FORMATS, render

    if list_queries:
        for name in library.names():
            typer.echo(f"{name:20} {library.description(name)}")
        return
    if sparql is None:
        raise _fail("give a query (text, .rq file or library name) or --list", 2)
    if fmt not in {"table", *RESULT_FORMATS, *GRAPH_FORMATS}:
        raise _fail(f"unknown --format {fmt!r}", 2)
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise _fail(f"--param {item!r}: expected name=value", 2)
        params[name.lstrip("?$")] = value
    try:
        text = library.resolve(sparql)
    except OSError as err:
        raise _fail(f"{sparql}: cannot read the query file ({err.strerror})") from None
    try:
        if endpoint:
            from kg.query.api import bind_parameters
            from kg.query.remote import run_remote

            result = run_remote(endpoint, bind_parameters(text, params))
        else:
            result = KnowledgeGraph(_require_build(graph)).raw(text, params)
        typer.echo(render(result, fmt, {k: str(v) for k, v in sorted(PREFIXES.items())}))
    except (QueryError, KeyError, ValueError, SyntaxError) as err:
        raise _fail(f"query error: {err}") from None


@app.command()
def view(
    graph: GraphDir = Path("build"),
    out: Annotated[Path | None, typer.Option("--out", help="HTML file to write (default: DIR/graph.html).")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Draw only this actor, its meetings and statements, and who else took part (name or alias; case and accents ignored).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only meetings and statements dated on or after this (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only meetings and statements dated on or before this (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    kinds: Annotated[list[str] | None, typer.Option("--kinds", help="Kinds of node to draw, comma-separated or repeated: person, country, organization, place, meeting, statement, or one kind of meeting: in-person, call, talks, summit, visit.")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Draw at most this many nodes, the most connected first (0: all; the browser slows past about 1,000).")] = 300,
) -> None:
    """Write the interactive HTML network of actors, meetings and statements."""
    from kg.view.network import write_view
    from kg.view.select import Filters

    store = _require_build(graph)
    try:
        path = write_view(store, out or graph / "graph.html", actor=actor, since=since, until=until,
                          kinds=Filters.parse_kinds(kinds), max_nodes=max_nodes)
    except ValueError as err:
        raise _fail(str(err), 2) from None
    except LookupError as err:
        raise _fail(str(err)) from None
    typer.echo(msg.say(msg.WROTE, what="view", path=path))


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="File to write (a folder for csv).")],
    graph: GraphDir = Path("build"),
    fmt: Annotated[
        str, typer.Option("--format", help="ttl, nt, jsonld, trig, nq, xml (RDF); graphml, gexf, csv (property graph).")
    ] = "ttl",
) -> None:
    """Export the graph for other tools: triple stores, Protégé, Gephi, Cytoscape, Neo4j, spreadsheets."""
    from kg.export.formats import FORMATS
    from kg.export.formats import export as run_export

    if fmt not in FORMATS:
        raise _fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    store = _require_build(graph)
    try:
        path = run_export(store, out, fmt)
    except (OSError, ValueError) as err:
        raise _fail(f"cannot export to {out}: {err}") from None
    typer.echo(msg.say(msg.WROTE, what=fmt, path=path))


@app.command()
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", help="The server's SPARQL query URL, e.g. http://127.0.0.1:7878/query.")],
    graph: GraphDir = Path("build"),
    update: Annotated[str | None, typer.Option("--update", help="Its update URL (default: guessed from --endpoint).")] = None,
    graph_store: Annotated[str | None, typer.Option("--graph-store", help="Its Graph Store Protocol URL; used instead of updates.")] = None,
) -> None:
    """Load the built graph into a SPARQL 1.1 server (named graphs kept, idempotent)."""
    from kg.export.push import PushError, default_update_url
    from kg.export.push import push as run_push

    store = _require_build(graph)
    try:
        summary = run_push(store, update=update or default_update_url(endpoint), graph_store=graph_store)
    except PushError as err:
        raise _fail(str(err)) from None
    typer.echo(f"pushed {summary.graphs} named graph(s), {summary.triples} triples to {graph_store or update or default_update_url(endpoint)}")


@app.command()
def serve(
    graph: GraphDir = Path("build"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run.")] = 30.0,
    limit: Annotated[int, typer.Option("--limit", help="Most results returned per query.")] = 10_000,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at /sparql."""
    from kg.query.server import serve as make_server

    store = _require_build(graph)
    try:
        server = make_server(store, host, port, timeout, limit)
    except OSError as err:
        raise _fail(f"cannot listen on {host}:{port} ({err.strerror}); try another --port") from None
    typer.echo(f"SPARQL endpoint: http://{host}:{port}/sparql (query page: http://{host}:{port}/); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


def main() -> None:
    """Run the CLI; every failure is one line on stderr and a non-zero exit."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        typer.echo("interrupted", err=True)
        code = 130
    except Exception as err:  # noqa: BLE001 - one line for users, the traceback on request
        code = _report(err)
    sys.exit(code if isinstance(code, int) else 0)


def _report(err: Exception) -> int:
    """Print one line for an error that escaped a command; return the exit code.

    Usage errors are recognised by their click interface, not their class:
    typer vendors click from 0.2x on, so the class lives in either package.
    """
    if type(err).__name__ == "NoArgsIsHelpError":
        err.show()  # `kg` alone prints the help
        return 2
    if hasattr(err, "format_message") and hasattr(err, "exit_code"):
        ctx = getattr(err, "ctx", None)
        command = ctx.command_path if ctx is not None else "kg"
        typer.echo(msg.say(msg.USAGE_ERROR, reason=err.format_message(), command=command), err=True)
        return err.exit_code
    if os.environ.get("KG_DEBUG"):
        raise err
    typer.echo(msg.say(msg.INTERNAL_ERROR, kind=type(err).__name__, reason=err), err=True)
    return 1


if __name__ == "__main__":
    main()
