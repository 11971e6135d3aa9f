"""Compact JSON-LD: one ``@context`` of the ontology's prefixes, keys like ``dip:participant``.

pyoxigraph writes expanded JSON-LD (full IRIs everywhere) and rdflib's
compaction depends on its store's iteration order, so the compacted form is
built here directly: nodes sorted by ``@id``, keys sorted, values sorted, so
the same graph always gives the same bytes. Literals keep their exact lexical
form (``{"@value": "0.80", "@type": "xsd:decimal"}``, never a JSON number), so
the document reads back to the very same triples.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class Compactor:
    """Shorten IRIs with the longest matching prefix.

    A local part starting with ``//`` would be read back as an absolute IRI,
    so such IRIs stay whole.

    Example:
        >>> Compactor({"ex": "http://ex.org/"}).iri("http://ex.org/a/b")
        'ex:a/b'
    """

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))

    def iri(self, iri: str) -> str:
        for name, namespace in self.prefixes:
            local = iri[len(namespace):]
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    def node(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term):
        if isinstance(term, ox.Literal):
            if term.language:
                return {"@value": term.value, "@language": term.language}
            if term.datatype.value == XSD_STRING:
                return term.value
            return {"@value": term.value, "@type": self.iri(term.datatype.value)}
        if isinstance(term, (ox.NamedNode, ox.BlankNode)):
            return {"@id": self.node(term)}
        raise ValueError(f"JSON-LD 1.1 cannot hold the quoted triple {term}")


def _key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def dumps(triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """Serialise triples as a compacted JSON-LD document.

    Example:
        >>> t = ox.Triple(ox.NamedNode("http://ex.org/s"), ox.NamedNode("http://ex.org/p"), ox.Literal("x"))
        >>> print(dumps([t], {"ex": "http://ex.org/"}).decode())
        {
          "@context": {
            "ex": "http://ex.org/"
          },
          "@graph": [
            {
              "@id": "ex:s",
              "ex:p": "x"
            }
          ]
        }
        <BLANKLINE>
    """
    short = Compactor(prefixes)
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        subject = short.node(triple.subject)
        if triple.predicate.value == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
            nodes[subject]["@type"].append(short.iri(triple.object.value))
        else:
            nodes[subject][short.iri(triple.predicate.value)].append(short.value(triple.object))
    graph = []
    for subject in sorted(nodes):
        node = {"@id": subject}
        for key, values in nodes[subject].items():
            unique = sorted({_key(v): v for v in values}.items())
            node[key] = unique[0][1] if len(unique) == 1 else [v for _, v in unique]
        graph.append(node)
    document = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
