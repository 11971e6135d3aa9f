"""Write query results in the formats users ask for."""

from __future__ import annotations

import pyoxigraph as ox

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "ntriples": ox.RdfFormat.N_TRIPLES}


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value


def table(result: ox.QuerySolutions, max_width: int = 60) -> str:
    """An aligned plain-text table, long cells cut with an ellipsis."""
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        cells = []
        for name in names:
            value = " ".join(_cell(solution[name]).split())
            cells.append(value if len(value) <= max_width else value[: max_width - 1] + "…")
        rows.append(cells)
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    out = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render(result, fmt: str, prefixes: dict[str, str] | None = None) -> str:
    """Render any SPARQL result: solutions, a boolean, or triples.

    Args:
        result: what pyoxigraph returned.
        fmt: ``table`` or one of RESULT_FORMATS for SELECT/ASK; for CONSTRUCT
            and DESCRIBE, ``turtle`` (also used for ``table``), ``jsonld`` or
            ``ntriples``.
    """
    if isinstance(result, (ox.QueryTriples, list)):
        rdf_format = GRAPH_FORMATS.get(fmt, ox.RdfFormat.TURTLE)
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        use_prefixes = prefixes if rdf_format == ox.RdfFormat.TURTLE else None
        return ox.serialize(triples, format=rdf_format, prefixes=use_prefixes).decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return "true" if bool(result) else "false"
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    if fmt == "table":
        return table(result)
    return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
