"""SHACL validation of the knowledge graph against ``ontology/shapes.ttl``.

Example:
    >>> report = validate(graph)          # doctest: +SKIP
    >>> report.conforms, len(report.violations)   # doctest: +SKIP
    >>> print(report.format())            # doctest: +SKIP

Can also be run on files: ``python -m kg.graph.validate graph.trig [...]``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pyshacl
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import SH
from rdflib.term import Node

from kg.graph.namespaces import DIP, DSH, bind_prefixes, curie

ONTOLOGY_FILE = "diplomacy.ttl"
SHAPES_FILE = "shapes.ttl"

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def ontology_dir() -> Traversable:
    """Directory holding ``diplomacy.ttl`` and ``shapes.ttl``.

    Installed wheels ship the files as package data in ``kg/ontology_data``;
    in a source checkout they are read from the repository's ``ontology/``.

    Returns:
        A traversable directory (a :class:`~pathlib.Path` in a checkout).
    """
    try:
        packaged = resources.files("kg") / "ontology_data"
        if packaged.is_dir() and (packaged / SHAPES_FILE).is_file():
            return packaged
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    return Path(__file__).resolve().parents[2] / "ontology"


def _parse(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=(ontology_dir() / name).read_text(encoding="utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The parsed OWL ontology (cached; do not modify)."""
    return _parse(ONTOLOGY_FILE)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The parsed SHACL shapes (cached; do not modify)."""
    return _parse(SHAPES_FILE)


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Attributes:
        focus_node: The node that failed.
        path: The property as a :class:`~rdflib.URIRef` for simple paths, a
            rendered string such as ``"^dip:holdsPost"`` for complex paths,
            or ``None`` for node-level constraints.
        message: Human-readable explanation (the shape's ``sh:message``).
        severity: ``"Violation"``, ``"Warning"`` or ``"Info"``.
        value: The offending value, if the constraint reports one.
        source_shape: The shape that produced the result.
    """

    focus_node: Node
    path: str | None
    message: str
    severity: str = "Violation"
    value: Node | None = None
    source_shape: Node | None = None

    def format(self) -> str:
        """Render as one line: ``severity focus path: message [value]``."""
        if self.path is None:
            path = ""
        elif isinstance(self.path, URIRef):
            path = f" {curie(self.path)}"
        else:
            path = f" {self.path}"
        shown = self.value is not None and self.value != self.focus_node
        value = f" (value: {curie(self.value)})" if shown else ""
        return f"{self.severity}: {curie(self.focus_node)}{path}: {self.message}{value}"


@dataclass
class ValidationReport:
    """Outcome of :func:`validate`.

    Attributes:
        conforms: ``True`` when there is no result of severity ``Violation``
            (warnings and infos do not break conformance).
        violations: Every result, violations first, then warnings and infos.
        results_graph: The raw SHACL validation report graph.
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    results_graph: Graph | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Violation]:
        """Results of severity ``Violation`` only."""
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        """Results of severity ``Warning`` only."""
        return [v for v in self.violations if v.severity == "Warning"]

    def format(self) -> str:
        """One readable line per result, using prefixed names.

        Returns:
            The lines joined by newlines, or a one-line summary when there is
            nothing to report.
        """
        if not self.violations:
            return "Conforms: no violations."
        return "\n".join(v.format() for v in self.violations)


def validate(
    data_graph: Graph,
    *,
    inference: str = "none",
    abort_on_first: bool = False,
) -> ValidationReport:
    """Validate a graph against the project's SHACL shapes.

    The ontology is mixed into (a copy of) the data graph so that
    ``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf``. A
    :class:`~rdflib.Dataset` is flattened first, so references across named
    graphs (e.g. labels in the actors graph) are seen together.

    Args:
        data_graph: The graph to check; it is not modified.
        inference: pyshacl inference mode. ``"none"`` (default) checks the
            data as written, which is stricter and faster; ``"rdfs"``
            would, e.g., infer a missing ``rdf:type`` from ``rdfs:domain``.
        abort_on_first: Stop at the first violation.

    Returns:
        The parsed validation report.
    """
    if isinstance(data_graph, ConjunctiveGraph):  # Dataset is a subclass
        flat = Graph()
        for s, p, o, _ in data_graph.quads((None, None, None, None)):
            flat.add((s, p, o))
        data_graph = flat
    _, results, _ = pyshacl.validate(
        data_graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference=inference,
        abort_on_first=abort_on_first,
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
    )
    violations = _sorted(_read_results(results) + _span_length_warnings(data_graph))
    return ValidationReport(
        conforms=not any(v.severity == "Violation" for v in violations),
        violations=violations,
        results_graph=bind_prefixes(results),
    )


def _read_results(results: Graph) -> list[Violation]:
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        violations.append(
            Violation(
                focus_node=results.value(result, SH.focusNode),
                path=path if path is None or isinstance(path, URIRef) else _render_path(results, path),
                message=_pick_message(results.objects(result, SH.resultMessage)),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=results.value(result, SH.value),
                source_shape=results.value(result, SH.sourceShape),
            )
        )
    return violations


def _span_length_warnings(graph: Graph) -> list[Violation]:
    """Warn when ``len(anchorText) != endChar - startChar`` (``dsh:Mention-spanLength``).

    Done here rather than as a SHACL-SPARQL constraint, which pyshacl
    re-parses for every mention.
    """
    warnings = []
    for node in set(graph.subjects(DIP.anchorText, None)):
        text = graph.value(node, DIP.anchorText)
        start = graph.value(node, DIP.startChar)
        end = graph.value(node, DIP.endChar)
        try:
            width = int(end) - int(start)
        except (TypeError, ValueError):
            continue  # missing or ill-typed offsets are reported by the shapes
        if len(str(text)) != width:
            warnings.append(
                Violation(
                    focus_node=node,
                    path=DIP.anchorText,
                    message=(
                        f"The length of dip:anchorText ({len(str(text))}) differs from "
                        f"dip:endChar - dip:startChar ({width})."
                    ),
                    severity="Warning",
                    value=text,
                    source_shape=DSH["Mention-spanLength"],
                )
            )
    return warnings


def _sorted(violations: list[Violation]) -> list[Violation]:
    return sorted(
        violations,
        key=lambda v: (
            _SEVERITY_ORDER.get(v.severity, 9),
            str(v.focus_node),
            str(v.path or ""),
            v.message,
        ),
    )


def _pick_message(messages) -> str:
    """Prefer an English (or untagged) message; fall back to any."""
    ranked = sorted(
        (m for m in messages if isinstance(m, Literal)),
        key=lambda m: (m.language not in ("en", None), str(m)),
    )
    return str(ranked[0]) if ranked else "Constraint violated."


def _render_path(graph: Graph, path: Node) -> str:
    """Render a SHACL property path in SPARQL-like syntax with prefixes."""
    if isinstance(path, URIRef):
        return curie(path)
    if not isinstance(path, BNode):
        return str(path)
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return f"^{_render_path(graph, inverse)}"
    for predicate, suffix in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        if (inner := graph.value(path, predicate)) is not None:
            return f"({_render_path(graph, inner)}){suffix}"
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        items = graph.collection(alternatives)
        return "(" + "|".join(_render_path(graph, item) for item in items) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(_render_path(graph, item) for item in graph.collection(path))
    return curie(path)


def main(argv: list[str] | None = None) -> int:
    """Validate RDF files given on the command line; exit 1 on violations."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m kg.graph.validate FILE [FILE ...]", file=sys.stderr)
        return 2
    graph = Graph()
    for path in paths:
        if path.endswith((".trig", ".nq")):
            dataset = Dataset()
            dataset.parse(path)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(path)
    report = validate(graph)
    print(report.format())
    return 0 if report.conforms else 1


if __name__ == "__main__":
    sys.exit(main())
