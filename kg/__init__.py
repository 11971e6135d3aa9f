"""kg: knowledge graphs from Vietnamese diplomatic news.

The package reads as the data flow: :mod:`kg.sources` (readers) ->
:mod:`kg.nlp` (spaCy pipeline) -> :mod:`kg.extract` (actors, roles, meetings,
statements) -> :mod:`kg.graph` (RDF, store) -> :mod:`kg.query`, :mod:`kg.view`,
:mod:`kg.export`.
"""

__version__ = "0.1.0"


def open(build_dir="build"):  # noqa: A001 - mirrors rdflib/ builtin style: kg.open("build")
    """Open a built graph for querying; see :class:`kg.query.api.KnowledgeGraph`."""
    from kg.query.api import open_graph

    return open_graph(build_dir)
